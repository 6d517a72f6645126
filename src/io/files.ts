/**
 * Writing a run's outputs: all of them or none. Each file is first written to
 * a temporary file beside it; only when every one is complete are they put in
 * place, and if putting one in place fails, the ones already moved are put
 * back. A failed run never leaves a half-written output, and never replaces a
 * good older file with a broken one.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Diagnostic } from '../model.js';
import { diag, refusal } from '../diagnostics/index.js';

export interface Output {
  /** Absolute path. */
  file: string;
  data: string | Uint8Array;
}

/** Why a file could not be written, in the words of KLA-E705. */
function reasonOf(e: unknown): 'busy' | 'denied' | 'no-space' | 'read-only' | 'not-folder' | 'other' {
  switch ((e as NodeJS.ErrnoException).code) {
    case 'EBUSY':
      return 'busy';
    case 'EACCES':
    case 'EPERM':
      // On Windows a file open in another program refuses renames with EPERM.
      return process.platform === 'win32' ? 'busy' : 'denied';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'no-space';
    case 'EROFS':
      return 'read-only';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'not-folder';
    default:
      return 'other';
  }
}

const tempBeside = (file: string, tag: string) => path.join(path.dirname(file), `.${path.basename(file)}.kla-${process.pid}-${randomBytes(4).toString('hex')}.${tag}`);

/** Write every output, or none of them (a refusal KLA-E705 naming the file that failed). */
export function writeOutputs(outputs: readonly Output[]): void {
  const staged: { file: string; tmp: string }[] = [];
  const fail = (file: string, e: unknown): never => {
    for (const s of staged) rmSync(s.tmp, { force: true });
    throw refusal('KLA-E705', { file, reason: reasonOf(e) }, { location: { file } });
  };
  for (const o of outputs) {
    const tmp = tempBeside(o.file, 'tmp');
    try {
      mkdirSync(path.dirname(o.file), { recursive: true });
      writeFileSync(tmp, o.data);
      staged.push({ file: o.file, tmp });
    } catch (e) {
      rmSync(tmp, { force: true });
      fail(o.file, e);
    }
  }
  const placed: { file: string; backup: string | null }[] = [];
  for (const s of staged) {
    let backup: string | null = null;
    try {
      if (existsSync(s.file)) {
        backup = tempBeside(s.file, 'bak');
        renameSync(s.file, backup);
      }
      renameSync(s.tmp, s.file);
      placed.push({ file: s.file, backup });
    } catch (e) {
      // Put back what was already replaced, newest first, then this file's own original.
      if (backup !== null) renameSafely(backup, s.file);
      for (const p of placed.reverse()) {
        rmSync(p.file, { force: true });
        if (p.backup !== null) renameSafely(p.backup, p.file);
      }
      fail(s.file, e);
    }
  }
  for (const p of placed) if (p.backup !== null) rmSync(p.backup, { force: true });
}

function renameSafely(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch {
    // Nothing more can be done; the backup stays beside the file, where it can be found.
  }
}

/** Write one file atomically (see `writeOutputs`). */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  writeOutputs([{ file, data }]);
}

/** Why the file itself could not be read from disk: no permission is not damage. */
export function readFailure(e: unknown): Diagnostic {
  const code = (e as NodeJS.ErrnoException).code;
  const detail = e instanceof Error ? e.message : String(e);
  if (code === 'EACCES' || code === 'EPERM') return diag('KLA-E014', { detail });
  const reason = code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : code === 'EBUSY' ? 'busy' : code === 'EISDIR' ? 'folder' : 'other';
  return diag('KLA-E016', { reason, detail });
}
