/**
 * A validation worker process: receives the project once (plain data, sent by
 * structured clone), says it is ready, then reads and checks one file per
 * message and sends the plain result back. It ends when its parent lets go.
 */
import type { Project } from '../project/config.js';
import type { FromWorker, ToWorker } from './pool.js';
import { checkFile, readSafely } from './index.js';

let project: Project | undefined;
const reply = (m: FromWorker) => process.send!(m);

// One file at a time, in the order received: the parent counts on it to know which file a crash was reading.
let chain = Promise.resolve();
process.on('message', (m: ToWorker) => {
  if ('project' in m) {
    project = m.project;
    // The reader is loaded before the first file arrives, so files are not timed against its start-up.
    void import('../workbook/read.js').then(() => reply({ ready: true }));
    return;
  }
  chain = chain.then(async () => {
    reply({ index: m.index, checked: checkFile(await readSafely(m.abs, m.display), project!) });
  });
});
process.on('disconnect', () => process.exit(0));
