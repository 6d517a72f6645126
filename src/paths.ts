import { fileURLToPath } from 'node:url';
import path from 'node:path';

/**
 * The package root. This file sits one level below it both as src/paths.ts
 * (tests, tsx) and as dist/paths.js (the installed CLI), so data shipped beside
 * the code (catalogs/, templates/, assets/) resolves the same way in both.
 */
export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const catalogsDir = path.join(packageRoot, 'catalogs');
export const templatesDir = path.join(packageRoot, 'templates');
export const assetsDir = path.join(packageRoot, 'assets');

/**
 * A path written in a project's config (or a catalog reference), resolved
 * against `base`. A backslash separates folders on every system, as it does
 * on Windows: a config written there ("aset\\lambang.png") means the same file
 * on the Linux machine that checks the project in CI.
 */
export function configPath(base: string, p: string): string {
  return path.resolve(base, path.sep === '\\' ? p : p.replace(/\\/g, '/'));
}

/**
 * The one rule for showing a path to a person: relative to `base`, with '/'
 * on every platform, when it lies inside `base` (stable in reports and CI
 * annotations); otherwise in full, as the system writes it.
 */
export function displayPath(p: string, base: string): string {
  const abs = path.resolve(base, p);
  const rel = path.relative(base, abs);
  if (rel === '') return '.';
  if (rel.startsWith('..') || path.isAbsolute(rel)) return abs;
  return rel.split(path.sep).join('/');
}
