/** The one I/O step of scoring: listing an evidence folder. */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { refusal } from '../diagnostics/index.js';
import { makeEvidenceLookup, type EvidenceLookup } from './evidence.js';

/** List every file below `dir` (recursively, hidden files included) and index them. */
export async function readEvidenceFolder(dir: string): Promise<EvidenceLookup> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw refusal('KLA-E715', { dir, isFile: existsSync(dir) }, { location: { file: dir } });
  const files = await glob('**/*', { cwd: dir, onlyFiles: true, dot: true, followSymbolicLinks: false });
  const empty = files.filter((f) => {
    try {
      return statSync(path.join(dir, f)).size === 0;
    } catch {
      return false;
    }
  });
  return makeEvidenceLookup(files, empty);
}
