/**
 * Writing a run's outputs: all of them or none, even when the process is
 * killed half-way.
 *
 *   1. Each output is written to a temporary file beside it.
 *   2. Each file it replaces gets a backup beside it (a hard link: no copy,
 *      and the file itself never goes missing).
 *   3. A journal listing all of them is written: from here on, a run that dies
 *      is rolled back by the next one.
 *   4. The temporary files are renamed over the outputs.
 *   5. The journal is deleted (the run is committed), then the backups.
 *
 * A failure in steps 1–4 puts every replaced file back and removes what the
 * run made. A run killed at any step leaves files named after its process;
 * the next write into the same folder (`recoverInterrupted`) rolls back a run
 * whose journal is still there and removes the leftovers of any other.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Diagnostic } from '../model.js';
import { diag, refusal } from '../diagnostics/index.js';

export interface Output {
  /** Absolute path. */
  file: string;
  data: string | Uint8Array;
}

/**
 * The file operations used, replaceable so tests can make the disk fill up,
 * refuse permission or kill the process at a chosen step.
 */
export interface FileOps {
  mkdirSync(dir: string, opts: { recursive: true }): unknown;
  writeFileSync(file: string, data: string | Uint8Array): void;
  linkSync(existing: string, link: string): void;
  copyFileSync(from: string, to: string): void;
  renameSync(from: string, to: string): void;
  rmSync(file: string, opts: { force: true }): void;
}

const nodeOps: FileOps = { mkdirSync, writeFileSync, linkSync, copyFileSync, renameSync, rmSync };

/** Why a file could not be written, in the words of KLA-E705. */
function reasonOf(e: unknown): 'busy' | 'denied' | 'no-space' | 'read-only' | 'not-folder' | 'is-folder' | 'other' {
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
    case 'EISDIR':
      return 'is-folder';
    default:
      return 'other';
  }
}

/** `.<name>.kla-<pid>-<random>.<kind>`: hidden, beside its output, and traceable to the run that made it. */
const LEFTOVER = /^\.(?:.*\.)?kla-(\d+)-([0-9a-f]{8})\.(tmp|bak|journal|pointer)$/;

interface JournalEntry {
  file: string;
  tmp: string;
  backup: string | null;
}

interface Journal {
  entries: JournalEntry[];
  /** Pointer files left in the other folders of the run, so a later run there finds this journal. */
  pointers: string[];
}

/**
 * Where an output named on the command line goes. A folder (one that exists,
 * or a name ending in a separator) receives the file under its usual name; a
 * name without an extension gets the file's own (`ext`, e.g. ".pdf"), as a
 * save dialog adds it, so the file opens with a double click.
 */
export function outputTarget(cwd: string, given: string, ext: string): { folder: string; file?: string } {
  const abs = path.resolve(cwd, given);
  if (/[\\/]$/.test(given) || (existsSync(abs) && statSync(abs).isDirectory())) return { folder: abs };
  const file = path.extname(abs) === '' ? `${abs}${ext}` : abs;
  return { folder: path.dirname(file), file };
}

/**
 * Refuse early, before long work, outputs that cannot be written because of
 * what is on disk: a target file that is a folder, or a file where a folder
 * on the way (or a target folder) should be (KLA-E705, as `writeOutputs`
 * would say at the end). Targets may not exist yet; permissions and space are
 * left to the write itself.
 */
export function checkWritable(files: readonly string[], folders: readonly string[] = []): void {
  const refuse = (file: string, reason: 'is-folder' | 'not-folder') => refusal('KLA-E705', { file, reason }, { location: { file } });
  const folderOnTheWay = (start: string, named: string) => {
    for (let dir = start; ; dir = path.dirname(dir)) {
      if (existsSync(dir)) {
        if (!statSync(dir).isDirectory()) throw refuse(named, 'not-folder');
        return;
      }
      if (path.dirname(dir) === dir) return;
    }
  };
  for (const file of files.map((f) => path.resolve(f))) {
    if (existsSync(file) && statSync(file).isDirectory()) throw refuse(file, 'is-folder');
    folderOnTheWay(path.dirname(file), file);
  }
  for (const folder of folders.map((f) => path.resolve(f))) folderOnTheWay(folder, folder);
}

/** Write every output, or none of them (a refusal KLA-E705 naming the file that failed). */
export function writeOutputs(outputs: readonly Output[], ops: FileOps = nodeOps): void {
  if (outputs.length === 0) return;
  recoverInterrupted(outputs.map((o) => path.dirname(o.file)), ops);
  const token = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const beside = (file: string, kind: 'tmp' | 'bak') => path.join(path.dirname(file), `.${path.basename(file)}.kla-${token}.${kind}`);
  const dirs = [...new Set(outputs.map((o) => path.dirname(o.file)))];
  const journalFile = path.join(dirs[0]!, `.kla-${token}.journal`);
  const pointers = dirs.slice(1).map((d) => path.join(d, `.kla-${token}.pointer`));
  const entries: JournalEntry[] = [];
  const made: string[] = [];
  const remove = (files: readonly string[]) => {
    for (const f of files) {
      try {
        ops.rmSync(f, { force: true });
      } catch {
        // Left for the next run's recovery, which knows the name.
      }
    }
  };
  const fail = (file: string, e: unknown, rolledBack = true): never => {
    // A replaced file that could not be put back keeps its backup and the journal, so the next run retries.
    remove(rolledBack ? made : entries.map((en) => en.tmp));
    throw refusal('KLA-E705', { file, reason: reasonOf(e) }, { location: { file } });
  };

  // 1–2: temporary files and backups. Nothing visible has changed yet.
  for (const o of outputs) {
    const tmp = beside(o.file, 'tmp');
    try {
      ops.mkdirSync(path.dirname(o.file), { recursive: true });
      made.push(tmp);
      ops.writeFileSync(tmp, o.data);
      let backup: string | null = null;
      if (existsSync(o.file)) {
        if (statSync(o.file).isDirectory()) throw Object.assign(new Error(`${o.file} is a folder`), { code: 'EISDIR' });
        backup = beside(o.file, 'bak');
        made.push(backup);
        try {
          ops.linkSync(o.file, backup);
        } catch {
          // No hard links here (FAT, some network shares): a copy does the same job.
          ops.copyFileSync(o.file, backup);
        }
      }
      entries.push({ file: o.file, tmp, backup });
    } catch (e) {
      fail(o.file, e);
    }
  }

  // 3: the journal. From here a killed run is rolled back by the next one.
  try {
    const journal: Journal = { entries, pointers };
    made.push(journalFile, ...pointers);
    ops.writeFileSync(journalFile, JSON.stringify(journal));
    for (const p of pointers) ops.writeFileSync(p, journalFile);
  } catch (e) {
    fail(outputs[0]!.file, e);
  }

  // 4: into place.
  const placed: JournalEntry[] = [];
  for (const en of entries) {
    try {
      ops.renameSync(en.tmp, en.file);
      placed.push(en);
    } catch (e) {
      fail(en.file, e, rollBack(placed, ops));
    }
  }

  // 5: committed once the journal is gone; the backups are then only leftovers.
  remove([journalFile]);
  remove([...pointers, ...entries.flatMap((en) => (en.backup !== null ? [en.backup] : []))]);
}

/** Put back the files a run replaced, newest first, and remove the ones it added. False when one could not be. */
function rollBack(placed: readonly JournalEntry[], ops: FileOps): boolean {
  let ok = true;
  for (const en of [...placed].reverse()) {
    try {
      if (en.backup !== null) ops.renameSync(en.backup, en.file);
      else ops.rmSync(en.file, { force: true });
    } catch {
      ok = false;
    }
  }
  return ok;
}

/** Whether a process with this id is running (then its files are not ours to touch). */
function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A day: no run takes that long, so files older than this are leftovers whatever process now has the id. */
const STALE_MS = 24 * 3600 * 1000;

/**
 * Finish what killed runs left in these folders: a run whose journal is still
 * there is rolled back (its replaced files restored, its new ones removed),
 * then every leftover file of a dead run is removed. Never throws.
 */
export function recoverInterrupted(dirs: readonly string[], ops: FileOps = nodeOps): void {
  for (const dir of new Set(dirs)) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    const byRun = new Map<string, string[]>();
    for (const name of names) {
      const m = LEFTOVER.exec(name);
      if (!m) continue;
      const file = path.join(dir, name);
      let old = false;
      try {
        old = Date.now() - statSync(file).mtimeMs > STALE_MS;
      } catch {
        continue;
      }
      if (!old && alive(Number(m[1]))) continue;
      const run = `${m[1]}-${m[2]}`;
      byRun.set(run, [...(byRun.get(run) ?? []), file]);
    }
    for (const [run, files] of byRun) {
      const journalFile = files.find((f) => f.endsWith(`kla-${run}.journal`)) ?? pointedJournal(files.find((f) => f.endsWith('.pointer')));
      const journal = journalFile === undefined ? undefined : readJournal(journalFile);
      if (journal) {
        // Killed between the journal and its deletion: some outputs may be new, some old. Make them all old.
        if (!rollBack(journal.entries.filter((en) => en.backup === null || existsSync(en.backup)), ops)) continue;
        for (const f of [...journal.entries.flatMap((en) => [en.tmp, ...(en.backup !== null ? [en.backup] : [])]), ...journal.pointers]) {
          try {
            ops.rmSync(f, { force: true });
          } catch {
            // Tried again next time.
          }
        }
        try {
          ops.rmSync(journalFile!, { force: true });
        } catch {
          // Tried again next time.
        }
      }
      for (const f of files) {
        try {
          ops.rmSync(f, { force: true });
        } catch {
          // Tried again next time.
        }
      }
    }
  }
}

function pointedJournal(pointer: string | undefined): string | undefined {
  if (pointer === undefined) return undefined;
  try {
    return readFileSync(pointer, 'utf8');
  } catch {
    return undefined;
  }
}

/** A journal, or undefined when it is gone or was never completely written (then nothing had been renamed). */
function readJournal(file: string): Journal | undefined {
  try {
    const j = JSON.parse(readFileSync(file, 'utf8')) as Journal;
    return Array.isArray(j.entries) && Array.isArray(j.pointers) ? j : undefined;
  } catch {
    return undefined;
  }
}

/** An output that belongs to a group (an OPD) of a folder kla keeps up to date as a whole. */
export interface GroupedOutput extends Output {
  group: string;
}

/** What `replaceOutputs` did with the files an earlier run wrote and this one no longer writes. */
export interface Replacement {
  /** Removed: kla wrote them and nobody changed them since. */
  removed: string[];
  /** Left in place because they were changed after kla wrote them. */
  changed: string[];
  /** Left in place because they could not be removed (open in another program). */
  busy: string[];
}

/**
 * The record of what kla wrote into a folder it keeps up to date (the
 * feedback folder): file name, group and digest of each file.
 */
export const RECORD_FILE = '.kla-berkas.json';

interface RecordEntry {
  name: string;
  group: string;
  sha256: string;
}

const digest = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** The record, or none when it is missing or not ours: a doubt never deletes a file. */
function readRecord(dir: string): RecordEntry[] {
  try {
    const raw = JSON.parse(readFileSync(path.join(dir, RECORD_FILE), 'utf8')) as { files?: unknown };
    if (!Array.isArray(raw.files)) return [];
    return raw.files.filter(
      (e): e is RecordEntry =>
        typeof e === 'object' && e !== null && typeof e.name === 'string' && typeof e.group === 'string' && typeof e.sha256 === 'string' &&
        // Only a plain name inside the folder, never a path out of it.
        e.name === path.basename(e.name) && !e.name.startsWith('.') && !/[\\/]/.test(e.name),
    );
  } catch {
    return [];
  }
}

/**
 * Write the outputs of a run into `dir` (all or none, as `writeOutputs`), and
 * retire what an earlier run wrote there for the groups this run speaks for
 * (`speaksFor`; all when undefined) and no longer writes: a reminder to an
 * OPD that has since sent its workbook, the letter of an OPD with nothing
 * left to fix, the template of an OPD under the name it had before. Only
 * files kla wrote and nobody changed since are removed, and only after the
 * new ones are in place; a file changed by hand stays.
 */
export function replaceOutputs(dir: string, outputs: readonly GroupedOutput[], speaksFor?: (group: string) => boolean, ops: FileOps = nodeOps): Replacement {
  // Windows and macOS folders ignore case: a name written again in other case is the same file.
  const key = (name: string) => name.normalize('NFC').toLowerCase();
  const written = new Set(outputs.map((o) => key(path.basename(o.file))));
  const kept: RecordEntry[] = [];
  const stale: RecordEntry[] = [];
  const changed: string[] = [];
  for (const e of readRecord(dir)) {
    const file = path.join(dir, e.name);
    if (written.has(key(e.name)) || !existsSync(file)) continue;
    if (speaksFor !== undefined && !speaksFor(e.group)) kept.push(e);
    else if (statSync(file).isFile() && digest(readFileSync(file)) === e.sha256) stale.push(e);
    else changed.push(file);
  }
  const entries = [
    ...outputs.map((o) => ({ name: path.basename(o.file), group: o.group, sha256: digest(o.data) })),
    ...kept,
    // Listed until they are gone, so that one that could not be removed now is removed next time.
    ...stale,
  ];
  const record = `${JSON.stringify({ schemaVersion: 1, files: entries }, null, 1)}\n`;
  writeOutputs([...outputs, { file: path.join(dir, RECORD_FILE), data: record }], ops);
  const removed: string[] = [];
  const busy: string[] = [];
  for (const e of stale) {
    const file = path.join(dir, e.name);
    try {
      ops.rmSync(file, { force: true });
      removed.push(file);
    } catch {
      busy.push(file);
    }
  }
  return { removed, changed, busy };
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
