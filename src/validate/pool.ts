/**
 * Reading and checking many files on all cores, in worker processes. Each
 * process is sent the project once (plain data, Maps included: the channel
 * uses structured clone) and then one file at a time, two in flight so it
 * never waits for the next; memory is bounded by the number of processes, not
 * of files. Results are put back in input order, so a parallel run reports
 * exactly what a serial run does.
 *
 * Processes, not threads: on the machines measured (2 vCPUs) two worker
 * threads read about 1.3x faster than one, two processes 1.5x; threads share
 * one heap and its garbage collector.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../paths.js';
import type { Project } from '../project/config.js';
import type { Checked } from './index.js';

export interface PoolFile {
  abs: string;
  display: string;
}

/** A message to a worker process: the project once, then files. */
export type ToWorker = { project: Project } | { index: number; abs: string; display: string };
/** A message from a worker process: ready (modules loaded, project received), then one result per file. */
export type FromWorker = { ready: true } | { index: number; checked: Checked };

/**
 * Below this many files, starting processes costs more than it saves: a
 * process starts and loads the reader in about 0,15 s, while a file takes
 * about 8 ms to read and check (measured with npm run bench).
 */
export const PARALLEL_MIN_FILES = 48;

/** Files sent to a worker ahead of its results, so it always has the next one. */
const IN_FLIGHT = 2;

export function defaultJobs(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/**
 * The worker's script: beside this module (dist/worker.js beside the bundled
 * CLI, dist/validate/worker.js beside the compiled library), or the compiled
 * one in dist/ when running from the TypeScript sources.
 */
function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  const beside = path.join(path.dirname(here), 'worker.js');
  return here.endsWith('.js') && existsSync(beside) ? beside : path.join(packageRoot, 'dist', 'validate', 'worker.js');
}

/** Whether `checkMany` would use worker processes for this many files. */
export function useWorkers(files: number, jobs: number): boolean {
  return jobs > 1 && files >= PARALLEL_MIN_FILES;
}

/**
 * Read and check `files` with `jobs` worker processes, in order. `serial` is
 * the same work in this process, used for small runs and `--jobs 1`.
 * `crashed` stands in for a file whose process died on it (out of memory,
 * say); a fresh process carries on with the rest.
 */
export async function checkMany(
  project: Project,
  files: PoolFile[],
  jobs: number,
  serial: (f: PoolFile) => Promise<Checked>,
  crashed: (f: PoolFile, detail: string) => Checked,
): Promise<Checked[]> {
  if (!useWorkers(files.length, jobs)) {
    const out: Checked[] = [];
    for (const f of files) out.push(await serial(f));
    return out;
  }
  const results: (Checked | undefined)[] = new Array(files.length);
  const queue = files.map((_, i) => i);
  const file = workerFile();
  const runWorker = (): Promise<void> =>
    new Promise((resolve, reject) => {
      // No inherited flags (a test runner's loader, a profiler): the worker is compiled JavaScript.
      const child: ChildProcess = fork(file, [], { serialization: 'advanced', execArgv: [], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      // In the order sent, which is the order the worker reads them: the first is the one being read.
      const pending: number[] = [];
      let ready = false;
      let settled = false;
      const send = (m: ToWorker) => {
        try {
          child.send(m);
        } catch {
          // The process is gone; its 'exit' says what happened.
        }
      };
      const feed = () => {
        while (pending.length < IN_FLIGHT && queue.length > 0) {
          const i = queue.shift()!;
          pending.push(i);
          send({ index: i, ...files[i]! });
        }
        if (pending.length === 0 && !settled) {
          settled = true;
          child.disconnect();
          resolve();
        }
      };
      child.on('message', (m: FromWorker) => {
        if ('ready' in m) {
          ready = true;
        } else {
          results[m.index] = m.checked;
          pending.splice(pending.indexOf(m.index), 1);
        }
        feed();
      });
      child.on('spawn', () => send({ project }));
      const fail = (detail: string) => {
        if (settled) return;
        settled = true;
        if (!ready) {
          reject(new Error(`validation worker failed to start: ${detail}`));
          return;
        }
        // The file being read killed the process (out of memory, say): report it, put the others back, carry on.
        const [reading, ...waiting] = pending;
        if (reading !== undefined) results[reading] = crashed(files[reading]!, detail);
        queue.unshift(...waiting);
        if (queue.length === 0) return resolve();
        runWorker().then(resolve, reject);
      };
      child.on('error', (e) => fail(e.message));
      child.on('exit', (code, signal) => fail(`worker exited with ${signal ?? `code ${code}`}`));
    });
  await Promise.all(Array.from({ length: Math.min(jobs, files.length) }, runWorker));
  return results.map((r, i) => r ?? crashed(files[i]!, 'not read'));
}
