/**
 * From command-line inputs to a sorted list of files: files as given, folders
 * walked (each folder and file once, whatever links lead to it, and within a
 * bound), quoted glob patterns expanded with tinyglobby. What is not read is
 * listed with the code that says why. Paths shown in reports are relative to
 * cwd with '/' separators on every platform.
 */
import type { BigIntStats, Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { Diagnostic } from '../model.js';
import { diag, refusal } from '../diagnostics/index.js';
import { displayPath } from '../paths.js';
import { readFailure } from '../io/files.js';

export interface InputFile {
  abs: string;
  /** Relative to cwd, '/'-separated: the path every report shows. */
  display: string;
  /** Set when the file is not read, with the info code saying why. */
  skip?: Diagnostic;
}

/** Extensions a spreadsheet may come with; anything else found in a folder is skipped. */
const SPREADSHEET = /\.(xlsx|xlsm|xltx|xltm|xls|xlsb|ods|fods|csv)$/i;
const ARCHIVE = /\.(zip|rar|7z)$/i;
const SYSTEM_FILES = new Set(['thumbs.db', 'desktop.ini', '.ds_store']);

/** Why a file found in a folder is not a workbook to read (undefined: read it). */
function skipReason(abs: string, explicit: boolean): InputFile['skip'] {
  const name = path.basename(abs);
  if (name.startsWith('~$')) return diag('KLA-I012', {});
  if (explicit) return undefined;
  if (name.startsWith('.') || SYSTEM_FILES.has(name.toLowerCase())) return diag('KLA-I013', { kind: 'hidden', ext: '' });
  // An OPD's reply often comes as one archive of the workbook and its evidence: it must not pass as "nothing sent".
  if (ARCHIVE.test(name)) return diag('KLA-W020', { ext: path.extname(name).toLowerCase() });
  if (!SPREADSHEET.test(name)) return diag('KLA-I013', { kind: 'other', ext: path.extname(name).toLowerCase() || name });
  return undefined;
}

/**
 * At most this many entries (files and folders) are looked at per run. The
 * 1,000-workbook benchmark needs about 1,050; a parent folder or a whole disk
 * named by mistake would otherwise be read for minutes.
 */
const MAX_ENTRIES = 20_000;

/** A file or folder identified by device and inode: the same however many links lead to it. */
type Identity = string;

interface Walk {
  /** Folders walked, by identity, with the path first seen (for KLA-I017). */
  dirs: Map<Identity, string>;
  /** Files found, by identity, with the path first seen. */
  files: Map<Identity, string>;
  found: Map<string, boolean>;
  skipped: { abs: string; skip: Diagnostic }[];
  entries: number;
  limit: number;
  inputs: readonly string[];
}

/**
 * A file system that has no file numbers (some network shares report 0 for
 * every file) identifies by the real path instead, links resolved.
 */
async function identity(abs: string, s: { dev: bigint; ino: bigint }): Promise<Identity> {
  if (s.ino !== 0n) return `${s.dev}:${s.ino}`;
  return `path:${await realpath(abs).catch(() => path.resolve(abs))}`;
}

function count(w: Walk): void {
  if (++w.entries > w.limit) throw refusal('KLA-E533', { inputs: [...w.inputs], limit: w.limit });
}

/** Add a file unless the same file was already found by another path. */
function addFile(w: Walk, abs: string, id: Identity, explicit: boolean): void {
  const first = w.files.get(id);
  if (first === undefined) {
    w.files.set(id, abs);
    w.found.set(abs, explicit || (w.found.get(abs) ?? false));
  } else if (first === abs) {
    if (explicit) w.found.set(abs, true);
  } else {
    w.skipped.push({ abs, skip: diag('KLA-I017', { kind: 'file', first }) });
  }
}

function specialKind(s: { isFIFO(): boolean; isSocket(): boolean; isBlockDevice(): boolean; isCharacterDevice(): boolean }): 'fifo' | 'socket' | 'device' | 'other' {
  return s.isFIFO() ? 'fifo' : s.isSocket() ? 'socket' : s.isBlockDevice() || s.isCharacterDevice() ? 'device' : 'other';
}

/**
 * Walk a folder: each folder once by its identity (a link back up the tree or
 * to a folder already walked is reported once and not followed), links that
 * lead nowhere and special files skipped and reported, and a bound on the
 * number of entries. Iterative, so depth cannot exhaust the stack.
 */
async function walk(w: Walk, start: string): Promise<void> {
  // Folders reached through a link wait until the real ones are done, so files
  // are shown under their own folder's path and a link back is the one skipped.
  const stack = [start];
  const linked: string[] = [];
  while (stack.length > 0 || linked.length > 0) {
    const dir = stack.pop() ?? linked.shift()!;
    let id: Identity;
    let entries: Dirent[];
    try {
      id = await identity(dir, await stat(dir, { bigint: true }));
      const first = w.dirs.get(id);
      if (first !== undefined) {
        w.skipped.push({ abs: dir, skip: diag('KLA-I017', { kind: 'folder', first }) });
        continue;
      }
      w.dirs.set(id, dir);
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      w.skipped.push({ abs: dir, skip: diag('KLA-W019', { reason: code === 'EACCES' || code === 'EPERM' ? 'denied' : 'other' }) });
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    for (const e of entries) {
      count(w);
      const abs = path.join(dir, e.name);
      // Hidden folders (.git, .vscode) never hold submissions.
      if (e.isDirectory() && e.name.startsWith('.')) continue;
      let s: BigIntStats;
      try {
        // Follows links: what matters is what a link leads to.
        s = await stat(abs, { bigint: true });
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        const kind = code === 'ELOOP' ? 'link-loop' : e.isSymbolicLink() ? 'broken-link' : 'other';
        w.skipped.push({ abs, skip: kind === 'other' ? readFailure(err) : diag('KLA-I018', { kind }) });
        continue;
      }
      if (s.isDirectory()) {
        if (!e.name.startsWith('.')) (e.isSymbolicLink() ? linked : stack).push(abs);
      } else if (s.isFile()) {
        addFile(w, abs, await identity(abs, s), false);
      } else {
        w.skipped.push({ abs, skip: diag('KLA-I018', { kind: specialKind(s) }) });
      }
    }
  }
}

export interface Expanded {
  files: InputFile[];
  /** A folder was among the inputs: the run covers a whole collection, not chosen files. */
  folder: boolean;
}

/** The files of the inputs (files, folders walked, glob patterns), sorted by the path shown. `limit`: entries looked at, at most. */
export async function expandInputs(inputs: string[], cwd: string, limit = MAX_ENTRIES): Promise<Expanded> {
  const w: Walk = { dirs: new Map(), files: new Map(), found: new Map(), skipped: [], entries: 0, limit, inputs };
  let folder = false;
  const missing: string[] = [];
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    const s = await stat(abs, { bigint: true }).catch(() => undefined);
    if (s?.isDirectory()) {
      folder = true;
      await walk(w, abs);
    } else if (s?.isFile()) {
      addFile(w, abs, await identity(abs, s), true);
    } else if (s) {
      w.skipped.push({ abs, skip: diag('KLA-I018', { kind: specialKind(s) }) });
    } else if (isDynamicPattern(input)) {
      const pattern = path.sep === '\\' ? input.replace(/\\/g, '/') : input;
      // Links to folders are not followed by patterns: a loop would make the match endless.
      const matches = await glob([pattern], { cwd, absolute: true, onlyFiles: true, expandDirectories: false, followSymbolicLinks: false });
      if (matches.length === 0) missing.push(input);
      for (const m of matches) {
        count(w);
        const f = path.resolve(m);
        const fs = await stat(f, { bigint: true }).catch(() => undefined);
        if (fs?.isFile()) addFile(w, f, await identity(f, fs), false);
      }
    } else {
      missing.push(input);
    }
  }
  if (missing.length > 0) {
    throw refusal('KLA-E515', { inputs: missing });
  }
  const files: InputFile[] = [...w.found].map(([abs, explicit]): InputFile => {
    const skip = skipReason(abs, explicit);
    return { abs, display: displayPath(abs, cwd), ...(skip ? { skip } : {}) };
  });
  for (const k of w.skipped) files.push({ abs: k.abs, display: displayPath(k.abs, cwd), skip: k.skip });
  files.sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
  return { files, folder };
}
