/**
 * What dist/ is built from, as one hash: the sources, the shipped catalogs, the
 * compiler settings, this build's scripts and the locked dependencies. The build
 * records it (in node_modules/.cache, never in the package); the test setup
 * compares it to rebuild dist/ only when one of these changed, so a test run
 * right after `npm ci` or `npm run build` does not compile everything again.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const INPUTS = ['src', 'catalogs', 'tsconfig.json', 'tsconfig.build.json', 'scripts/build-dist.mjs', 'scripts/dist-inputs.mjs', 'package-lock.json'];

/** @param {string} root @returns {string} */
export function distInputsHash(root) {
  const h = createHash('sha256');
  /** @param {string} rel */
  const add = (rel) => {
    const abs = path.join(root, rel);
    if (!existsSync(abs)) return;
    if (statSync(abs).isDirectory()) {
      for (const name of readdirSync(abs).sort()) add(path.posix.join(rel, name));
      return;
    }
    h.update(rel).update('\0').update(readFileSync(abs)).update('\0');
  };
  for (const rel of INPUTS) add(rel);
  return h.digest('hex');
}

/** @param {string} root @returns {string} */
export const distStampFile = (root) => path.join(root, 'node_modules', '.cache', 'kla', 'dist-inputs.sha256');
