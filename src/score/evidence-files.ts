/** The one I/O step of scoring: listing an evidence folder. */
import { existsSync, statSync } from 'node:fs';
import { glob } from 'tinyglobby';
import { refusal } from '../diagnostics/index.js';
import { makeEvidenceLookup, type EvidenceLookup } from './evidence.js';

/** List every file below `dir` (recursively, hidden files included) and index them. */
export async function readEvidenceFolder(dir: string): Promise<EvidenceLookup> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw refusal('KLA-E715', { dir, isFile: existsSync(dir) }, { location: { file: dir } });
  const files = await glob('**/*', { cwd: dir, onlyFiles: true, dot: true, followSymbolicLinks: false });
  return makeEvidenceLookup(files);
}
