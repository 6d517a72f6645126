/**
 * From command-line inputs to a sorted list of files: files as given, folders
 * walked recursively, quoted glob patterns expanded with tinyglobby. Paths
 * shown in reports are relative to cwd with '/' separators on every platform.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { Diagnostic } from '../model.js';
import { diag, refusal } from '../diagnostics/index.js';
import { displayPath } from '../paths.js';

export interface InputFile {
  abs: string;
  /** Relative to cwd, '/'-separated: the path every report shows. */
  display: string;
  /** Set when the file is not read, with the info code saying why. */
  skip?: Diagnostic;
}

/** Extensions a spreadsheet may come with; anything else found in a folder is skipped. */
const SPREADSHEET = /\.(xlsx|xlsm|xltx|xltm|xls|xlsb|ods|fods|csv)$/i;
const SYSTEM_FILES = new Set(['thumbs.db', 'desktop.ini', '.ds_store']);

/** Why a file found in a folder is not a workbook to read (undefined: read it). */
function skipReason(abs: string, explicit: boolean): InputFile['skip'] {
  const name = path.basename(abs);
  if (name.startsWith('~$')) return diag('KLA-I012', {});
  if (explicit) return undefined;
  if (name.startsWith('.') || SYSTEM_FILES.has(name.toLowerCase())) return diag('KLA-I013', { kind: 'hidden', ext: '' });
  if (!SPREADSHEET.test(name)) return diag('KLA-I013', { kind: 'other', ext: path.extname(name).toLowerCase() || name });
  return undefined;
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const abs = path.join(dir, e.name);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      const s = await stat(abs).catch(() => undefined);
      isDir = Boolean(s?.isDirectory());
      isFile = Boolean(s?.isFile());
    }
    // Hidden folders (.git, .vscode) never hold submissions.
    if (isDir && !e.name.startsWith('.')) out.push(...(await walk(abs)));
    else if (isFile) out.push(abs);
  }
  return out;
}

export interface Expanded {
  files: InputFile[];
  /** A folder was among the inputs: the run covers a whole collection, not chosen files. */
  folder: boolean;
}

export async function expandInputs(inputs: string[], cwd: string): Promise<Expanded> {
  const found = new Map<string, boolean>();
  let folder = false;
  const missing: string[] = [];
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    const s = await stat(abs).catch(() => undefined);
    if (s?.isDirectory()) {
      folder = true;
      for (const f of await walk(abs)) if (!found.has(f)) found.set(f, false);
    } else if (s?.isFile()) {
      found.set(abs, true);
    } else if (isDynamicPattern(input)) {
      const pattern = path.sep === '\\' ? input.replace(/\\/g, '/') : input;
      const matches = await glob([pattern], { cwd, absolute: true, onlyFiles: true, expandDirectories: false });
      if (matches.length === 0) missing.push(input);
      for (const m of matches) {
        const f = path.resolve(m);
        if (!found.has(f)) found.set(f, false);
      }
    } else {
      missing.push(input);
    }
  }
  if (missing.length > 0) {
    throw refusal('KLA-E515', { inputs: missing });
  }
  const files = [...found].map(([abs, explicit]): InputFile => {
    const skip = skipReason(abs, explicit);
    return { abs, display: displayPath(abs, cwd), ...(skip ? { skip } : {}) };
  });
  files.sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
  return { files, folder };
}
