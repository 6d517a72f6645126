import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { distInputsHash, distStampFile } from '../../scripts/dist-inputs.mjs';

/**
 * CLI tests run bin/kla, which runs the bundle in dist/: build it (as
 * `npm run build` does: compile, verify the shipped catalogs, bundle) so they
 * test the current sources. The build records what it was built from
 * (scripts/dist-inputs.mjs); when that is what the checkout holds now, as right
 * after `npm ci` or `npm run build`, dist/ is current and is not built again.
 * Type errors do not stop the tests here (tsc still emits); `npm run typecheck`
 * and `npm run build` are where they fail the pipeline.
 */
export default function setup(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const stamp = distStampFile(root);
  if (existsSync(path.join(root, 'dist', 'kla.js')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === distInputsHash(root)) return;
  const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, encoding: 'utf8' });
  if (tsc.status !== 0) process.stderr.write(`tsc reported problems while building dist/ for the tests:\n${tsc.stdout}${tsc.stderr}\n`);
  const dist = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-dist.mjs')], { cwd: root, encoding: 'utf8' });
  if (dist.status !== 0) throw new Error(`scripts/build-dist.mjs failed:\n${dist.stdout}${dist.stderr}`);
}
