/**
 * A validation worker thread: receives the project once (plain data), then
 * reads and checks one file per message and posts the plain result back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Project } from '../project/config.js';
import { checkFile, readSafely } from './index.js';

const project = workerData.project as Project;

parentPort!.on('message', async (m: { index: number; abs: string; display: string }) => {
  const checked = checkFile(await readSafely(m.abs, m.display), project);
  parentPort!.postMessage({ index: m.index, checked });
});
