/** The one I/O step of scoring: listing an evidence folder. */
import { existsSync, statSync } from 'node:fs';
import { glob } from 'tinyglobby';
import { KlaError } from '../i18n.js';
import { makeEvidenceLookup, type EvidenceLookup } from './evidence.js';

/** List every file below `dir` (recursively, hidden files included) and index them. */
export async function readEvidenceFolder(dir: string): Promise<EvidenceLookup> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new KlaError({
      id: `Folder data dukung ${dir} tidak ditemukan.`,
      en: `Evidence folder ${dir} not found.`,
    });
  }
  const files = await glob('**/*', { cwd: dir, onlyFiles: true, dot: true, followSymbolicLinks: false });
  return makeEvidenceLookup(files);
}
