/**
 * A validation worker thread: loads the project once, then reads and checks
 * one file per message and posts the plain result back. Only plain data
 * crosses the thread boundary.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadProject } from '../project/config.js';
import { checkFile, readSafely } from './index.js';

const project = loadProject(workerData.configFile as string);

parentPort!.on('message', async (m: { index: number; abs: string; display: string }) => {
  const checked = checkFile(await readSafely(m.abs, m.display), project);
  parentPort!.postMessage({ index: m.index, checked });
});
