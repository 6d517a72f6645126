import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const bin = path.join(root, 'bin', 'kla');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the real executable as a user would, without a terminal. */
export function kla(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: opts.cwd ?? root,
    // Not started through npx (as the test runner may be): hints then name the installed command.
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, CI: '1', npm_lifecycle_event: undefined, ...opts.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
