/**
 * What an evidence cell names, and whether the evidence folder holds it. Pure:
 * the caller lists the folder (see evidence-files.ts) and passes the relative
 * paths in; nothing here touches the file system, so no name typed in a
 * workbook can make kla open a file, least of all one outside the folder.
 *
 * Each entry of an evidence cell is one of:
 * - a link (http/https): counts as present, never fetched;
 * - a placeholder ("terlampir", "-", "ada", "lihat lampiran", "menyusul" …):
 *   says that evidence exists somewhere, but names none, so it counts as no
 *   evidence at all;
 * - a path outside the folder ("../x.pdf", "/home/x.pdf", "C:\x.pdf",
 *   "\\server\x.pdf", "file://…"): never resolved; with a folder checked it
 *   counts as not found;
 * - a file name, matched against the folder's files by relative path or base
 *   name, with or without the extension, ignoring case, the kind of slash and
 *   repeated spaces (OPDs type "SK Gugus Tugas" for "SK Gugus Tugas.pdf", and
 *   Windows folders are case-insensitive). A name that is not found gets the
 *   nearest file of the folder as a suggestion when it is a near miss (see
 *   `suggestFile`).
 */

/** The files of an evidence folder, indexed for matching. */
export interface EvidenceLookup {
  /** Normalised relative path, base name and both without extension -> the relative paths they name. */
  keys: ReadonlyMap<string, readonly string[]>;
  /** Every relative path with its comparison form, for suggestions. */
  files: readonly { path: string; form: string }[];
  /** Relative paths of files with nothing in them (0 bytes: a copy or download that failed). */
  empty: ReadonlySet<string>;
}

export type EvidenceStatus =
  /** Found in the evidence folder. */
  | 'found'
  /** Not in the evidence folder. */
  | 'not-found'
  /** In the evidence folder, but 0 bytes: nothing a verifier could open. */
  | 'empty'
  /** A path outside the evidence folder: never resolved. */
  | 'outside'
  /** A link: counts as present, never fetched. */
  | 'link'
  /** Not a name at all ("terlampir", "-"): counts as no evidence. */
  | 'placeholder'
  /** A name, not checked (no evidence folder). */
  | 'named';

export interface EvidenceCheck {
  /** The entry as typed. */
  entry: string;
  status: EvidenceStatus;
  /** 'found' and 'empty': the relative path of the file it matched. */
  file?: string;
  /** 'not-found' and 'outside': the nearest file of the folder, when one is close. */
  suggestion?: string;
}

export const isLink = (entry: string) => /^https?:\/\//i.test(entry.trim());

/** Entry statuses that name evidence (a placeholder names none). */
export const namesEvidence = (c: EvidenceCheck) => c.status !== 'placeholder';
/** Entry statuses that are missing when a folder is checked. */
export const isMissing = (c: EvidenceCheck) => c.status === 'not-found' || c.status === 'outside' || c.status === 'empty';

// ---------------------------------------------------------------------------
// Placeholders

/**
 * Words that, on their own, say something about evidence without naming any:
 * "terlampir", "lihat lampiran", "sudah ada", "dokumen pendukung", "menyusul",
 * "data dukung ada di bidang". An entry made only of these words (and
 * punctuation) is a placeholder; one other word ("SK", "2025", "Perbup") and
 * it is taken as a name.
 */
const FILLER = new Set(
  (
    'ada sudah telah terlampir lampir lampiran lampirkan dilampirkan dilampiri melampirkan lihat liat cek periksa ' +
    'dokumen dok data dukung pendukung file berkas bukti arsip softcopy hardcopy copy salinan fisik asli scan ' +
    'menyusul susul akan segera nanti dikirim kirim dikirimkan diupload upload diunggah unggah link tautan ' +
    'tersedia lengkap belum tidak nihil kosong proses dalam sedang disiapkan ' +
    'ya ok oke sip sesuai sda idem dst dll terkait tersebut ini itu yang dan atau di ke pada dari dengan oleh untuk sebagaimana ' +
    'bidang dinas kantor sekretariat opd kami'
  ).split(' '),
);

/** Typed where nothing is meant: dashes, dots, "n/a", "-", "—". */
const EMPTY_MARK = /^[\s\-–—_.,;:/\\*#?!~x]*$/i;
const NOT_APPLICABLE = /^(n\s*\/\s*a|na|none|null|nil|tba|tbd)$/i;

/**
 * Is this entry a placeholder rather than evidence? Case- and
 * space-insensitive; an entry with a file extension or a link is never one.
 */
export function isPlaceholderEvidence(entry: string): boolean {
  const s = entry.normalize('NFKC').trim();
  if (s === '') return true;
  if (isLink(s) || /\.[a-z0-9]{2,5}$/i.test(s)) return false;
  if (EMPTY_MARK.test(s) || NOT_APPLICABLE.test(s)) return true;
  const words = s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return words.length > 0 && words.every((w) => FILLER.has(w));
}

// ---------------------------------------------------------------------------
// Paths outside the folder

/**
 * Does the entry point outside the evidence folder? Decided on the text alone,
 * the same on every platform: an absolute path, a drive letter, a network
 * share, a parent folder ("..") or a URL other than http/https.
 */
export function isOutsidePath(entry: string): boolean {
  const s = entry.normalize('NFC').trim().replace(/\\/g, '/');
  if (isLink(s)) return false;
  if (s.startsWith('/') || s.startsWith('~')) return true;
  if (/^[a-z]:/i.test(s)) return true;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) return true;
  return s.split('/').some((seg) => seg.trim() === '..');
}

// ---------------------------------------------------------------------------
// Matching

/** Relative path for matching: '/' separators, no "./", one space where there were several, lower case. */
const normalizeKey = (p: string) =>
  p
    .normalize('NFC')
    .trim()
    .replace(/\\/g, '/')
    .replace(/\s*\/\s*/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/\/+/g, '/')
    .replace(/\s+/g, ' ')
    .toLowerCase();

const baseOf = (key: string) => key.slice(key.lastIndexOf('/') + 1);
/** The key without the extension of its last part ("dinkes/sk gizi.pdf" -> "dinkes/sk gizi"). */
const stemOf = (key: string) => key.replace(/\.[a-z0-9]{1,5}$/i, '').trimEnd();

/**
 * A name as it is compared for suggestions: the base name without extension,
 * with every run of separators (spaces, "_", "-", ".", brackets) as one space.
 */
const formOf = (p: string) =>
  stemOf(baseOf(normalizeKey(p)))
    .replace(/[\s_\-–—.,;()[\]]+/g, ' ')
    .trim();

/** Index the relative paths of the files found in an evidence folder. */
export function makeEvidenceLookup(relativePaths: Iterable<string>, emptyPaths: Iterable<string> = []): EvidenceLookup {
  const keys = new Map<string, string[]>();
  const files: { path: string; form: string }[] = [];
  const add = (k: string, p: string) => {
    if (k === '') return;
    const list = keys.get(k);
    if (!list) keys.set(k, [p]);
    else if (!list.includes(p)) list.push(p);
  };
  for (const p of [...relativePaths].sort()) {
    const k = normalizeKey(p);
    for (const key of [k, baseOf(k), stemOf(k), stemOf(baseOf(k))]) add(key, p);
    files.push({ path: p, form: formOf(p) });
  }
  return { keys, files, empty: new Set(emptyPaths) };
}

/** The file of the folder an entry names, if any: by path or base name, with or without extension. */
function findFile(entry: string, lookup: EvidenceLookup): string | undefined {
  const k = normalizeKey(entry);
  for (const key of [k, baseOf(k)]) {
    const hit = lookup.keys.get(key);
    // Of files the entry names alike, one with content.
    if (hit) return hit.find((f) => !lookup.empty.has(f)) ?? hit[0];
  }
  return undefined;
}

/**
 * Judge each entry of one answer's evidence. Without a lookup (no folder
 * checked) names stay 'named'. Blank entries are left out.
 */
export function checkEvidence(entries: readonly string[], lookup?: EvidenceLookup): EvidenceCheck[] {
  const checks: EvidenceCheck[] = entries
    .filter((e) => e.trim() !== '')
    .map((entry): EvidenceCheck => {
      if (isLink(entry)) return { entry, status: 'link' };
      if (isPlaceholderEvidence(entry)) return { entry, status: 'placeholder' };
      if (isOutsidePath(entry)) return { entry, status: 'outside' };
      if (!lookup) return { entry, status: 'named' };
      const file = findFile(entry, lookup);
      if (file === undefined) return { entry, status: 'not-found' };
      return { entry, status: lookup.empty.has(file) ? 'empty' : 'found', file };
    });
  if (!lookup) return checks;
  // A file this answer already names is no suggestion for its other entries.
  const used = new Set(checks.flatMap((c) => (c.file !== undefined ? [c.file] : [])));
  for (const c of checks) {
    if (!isMissing(c) || c.status === 'empty') continue;
    const s = suggestFile(c.entry, lookup, used);
    if (s !== undefined) c.suggestion = s;
  }
  return checks;
}

/** The entries (not links, not placeholders, not blank) that name no file of the folder, or an empty one. */
export function findMissingEvidence(entries: readonly string[], lookup: EvidenceLookup): string[] {
  return checkEvidence(entries, lookup)
    .filter(isMissing)
    .map((c) => c.entry);
}

/** Of those, the entries that name an empty file. */
export function findEmptyEvidence(entries: readonly string[], lookup: EvidenceLookup): string[] {
  return checkEvidence(entries, lookup)
    .filter((c) => c.status === 'empty')
    .map((c) => c.entry);
}

// ---------------------------------------------------------------------------
// Suggestions

/**
 * How many edits a word may have and still be a slip of the keyboard: none in
 * a word of up to 3 characters ("SK" and "SP" are other documents), one up to
 * 7, two in a longer word. "imunisai" is "imunisasi" and "2052" is "2025";
 * "Dinsos" (two edits from "Dinkes") is another office.
 */
export const allowedEdits = (word: string) => {
  const n = [...word].length;
  return n <= 3 ? 0 : n <= 7 ? 1 : 2;
};

/**
 * How far a typed name is from a file's name, word by word (comparison
 * forms: base name without extension, separators as one space): 0 when only
 * case, separators or the extension differ; the edits of the one word that
 * differs when that word is a near miss (see `allowedEdits`); otherwise null.
 * Names with another number of words, or two words apart, are other
 * documents: "Laporan 2025" for "Laporan Dinkes 2026" is no typo.
 */
export function nameDistance(typed: string, file: string): number | null {
  const a = typed.split(' ');
  const b = file.split(' ');
  if (a.length !== b.length) return null;
  let differing: number | null = null;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (differing !== null) return null;
    const limit = allowedEdits(a[i]!.length > b[i]!.length ? a[i]! : b[i]!);
    const d = editDistance(a[i]!, b[i]!, limit);
    if (d > limit) return null;
    differing = d;
  }
  return differing ?? 0;
}

/**
 * The nearest file of the folder to a name that was not found, when it is a
 * near miss: a typo inside one word or one digit of a year, "_" for spaces,
 * another extension, a folder written differently. Ties go to the first path
 * in sorted order; `exclude` are files not to offer (the answer names them
 * already).
 */
export function suggestFile(entry: string, lookup: EvidenceLookup, exclude: ReadonlySet<string> = new Set()): string | undefined {
  const want = formOf(entry);
  if (want === '') return undefined;
  let best: { path: string; d: number } | undefined;
  for (const f of lookup.files) {
    if (exclude.has(f.path)) continue;
    const d = nameDistance(want, f.form);
    if (d !== null && (!best || d < best.d)) best = { path: f.path, d };
    if (best?.d === 0) break;
  }
  return best?.path;
}

/**
 * Optimal string alignment distance of a and b (Levenshtein with the
 * transposition of neighbours, the commonest typing slip), or limit + 1 as
 * soon as it must exceed limit.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  const A = [...a];
  const B = [...b];
  if (Math.abs(A.length - B.length) > limit) return limit + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: B.length + 1 }, (_, j) => j);
  for (let i = 1; i <= A.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= B.length; j++) {
      const cost = A[i - 1] === B[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && A[i - 1] === B[j - 2] && A[i - 2] === B[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[B.length]!;
}

/**
 * Slips allowed in a text of `length` characters: none up to 2, one up to 5,
 * two beyond (the "AUTO" fuzziness of Lucene/Elasticsearch, which is tuned to
 * typing errors). Short answers such as "Ya" must match exactly.
 */
export const allowedSlips = (length: number) => (length <= 2 ? 0 : length <= 5 ? 1 : 2);

/**
 * What a typed word was meant to be: the value of the candidate name it is
 * nearest to, within the slips its length allows, or undefined. Callers
 * compare names in the form they keep them (lower case, normalised).
 */
export function nearest<T>(typed: string, candidates: Iterable<readonly [string, T]>, slips: (length: number) => number = allowedSlips): T | undefined {
  let best: { value: T; d: number } | undefined;
  for (const [name, value] of candidates) {
    const limit = slips(Math.min([...typed].length, [...name].length));
    const d = editDistance(typed, name, limit);
    if (d <= limit && (best === undefined || d < best.d)) best = { value, d };
  }
  return best?.value;
}
