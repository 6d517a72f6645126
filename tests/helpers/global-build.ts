import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * CLI tests run bin/kla, which runs dist/: build it once so they test the
 * current sources. Type errors do not stop the tests here (tsc still emits);
 * `npm run build` (run by `npm ci`) is where they fail the pipeline.
 */
export default function setup(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (r.status !== 0) process.stderr.write(`tsc reported problems while building dist/ for the tests:\n${r.stdout}${r.stderr}\n`);
}
