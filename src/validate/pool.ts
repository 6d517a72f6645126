/**
 * Reading and checking many files on all cores. Each worker thread holds one
 * file at a time (memory stays bounded by the number of workers, not the number
 * of files); results are put back in input order, so a parallel run reports
 * exactly what a serial run does.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../paths.js';
import type { Project } from '../project/config.js';
import type { Checked } from './index.js';

export interface PoolFile {
  abs: string;
  display: string;
}

/**
 * Below this many files, starting threads costs more than it saves: each
 * thread loads exceljs and the catalog (about 0,3 s), while a file takes
 * about 15 ms to read and check (measured with npm run bench).
 */
export const PARALLEL_MIN_FILES = 48;

export function defaultJobs(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/** The compiled worker: beside this module in dist/, or dist/ itself when running from the TypeScript sources. */
function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  const beside = path.join(path.dirname(here), 'worker.js');
  return here.endsWith('.js') && existsSync(beside) ? beside : path.join(packageRoot, 'dist', 'validate', 'worker.js');
}

/** Whether `checkMany` would use threads for this many files. */
export function useThreads(files: number, jobs: number): boolean {
  return jobs > 1 && files >= PARALLEL_MIN_FILES;
}

/**
 * Read and check `files` with `jobs` worker threads, in order. `serial` is the
 * same work in this thread, used for small runs and `--jobs 1`.
 */
export async function checkMany(
  project: Project,
  files: PoolFile[],
  jobs: number,
  serial: (f: PoolFile) => Promise<Checked>,
  crashed: (f: PoolFile, detail: string) => Checked,
): Promise<Checked[]> {
  if (!useThreads(files.length, jobs)) {
    const out: Checked[] = [];
    for (const f of files) out.push(await serial(f));
    return out;
  }
  const results: Checked[] = new Array(files.length);
  let next = 0;
  const file = workerFile();
  const runWorker = (): Promise<void> =>
    new Promise((resolve, reject) => {
      // No resourceLimits: a heap cap made V8 collect far more often (40% slower, measured); memory is
      // already bounded by the size checks every file passes before exceljs sees it (src/workbook/sniff.ts).
      const w = new Worker(file, { workerData: { project } });
      let current = -1;
      let settled = false;
      const feed = () => {
        if (next >= files.length) {
          settled = true;
          void w.terminate().then(() => resolve());
          return;
        }
        current = next++;
        w.postMessage({ index: current, ...files[current]! });
      };
      w.on('message', (m: { index: number; checked: Checked }) => {
        results[m.index] = m.checked;
        feed();
      });
      w.on('online', feed);
      const fail = (detail: string) => {
        if (settled) return;
        settled = true;
        if (current < 0) return reject(new Error(`validation worker failed to start: ${detail}`));
        // The file being read killed the worker (e.g. out of memory): report it, carry on with a fresh worker.
        results[current] = crashed(files[current]!, detail);
        runWorker().then(resolve, reject);
      };
      w.on('error', (e) => fail(e.message));
      w.on('exit', (code) => fail(`worker exited with code ${code}`));
    });
  await Promise.all(Array.from({ length: Math.min(jobs, files.length) }, runWorker));
  return results;
}
