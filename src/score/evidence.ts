/**
 * Matching the evidence an answer names against the files of an evidence
 * folder. Pure: the caller lists the folder (see evidence-files.ts) and passes
 * the relative paths in.
 *
 * An entry matches a file when its relative path or its base name is the same,
 * ignoring case and the kind of slash: OPDs type "SK Gugus Tugas.pdf" or
 * "Dinkes\SK Gugus Tugas.pdf", and Windows folders are case-insensitive.
 * Links (http/https) always count as present: we never fetch them.
 */

/** The files of an evidence folder, indexed for matching. */
export interface EvidenceLookup {
  /** Normalised relative paths and base names of every file. */
  keys: ReadonlySet<string>;
}

export const isLink = (entry: string) => /^https?:\/\//i.test(entry.trim());

const normalizeKey = (p: string) =>
  p.normalize('NFC').trim().replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+/g, '/').toLowerCase();

const baseName = (p: string) => {
  const n = normalizeKey(p);
  return n.slice(n.lastIndexOf('/') + 1);
};

/** Index the relative paths of the files found in an evidence folder. */
export function makeEvidenceLookup(relativePaths: Iterable<string>): EvidenceLookup {
  const keys = new Set<string>();
  for (const p of relativePaths) {
    keys.add(normalizeKey(p));
    keys.add(baseName(p));
  }
  return { keys };
}

/** The entries (not links, not blank) that name no file of the folder. */
export function findMissingEvidence(entries: readonly string[], lookup: EvidenceLookup): string[] {
  return entries.filter((e) => e.trim() !== '' && !isLink(e) && !lookup.keys.has(normalizeKey(e)) && !lookup.keys.has(baseName(e)));
}
