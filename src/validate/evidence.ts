/**
 * The evidence cell of an answer: entries that are not evidence at all
 * ("terlampir", "-"), paths that point outside the evidence folder, and names
 * dated outside the two data years. Pure; the rules for what an entry is live
 * in src/score/evidence.ts, so validation and the forecast judge alike.
 */
import type { Diagnostic } from '../model.js';
import { diag } from '../diagnostics/index.js';
import { isLink, isOutsidePath, isPlaceholderEvidence } from '../score/evidence.js';

type Loc = { file: string; sheet: string; cell: string };
/** The data year evaluated and the year before it (project.dataYears). */
type DataYears = { evaluated: number; previous: number };

export interface EvidenceCellResult {
  /** The entries that name evidence (placeholders left out: they name none). */
  evidence: string[];
  findings: Diagnostic[];
}

/**
 * Judge the entries of one evidence cell. `warn`: the answer earns points and
 * needs evidence, so an entry that is not evidence matters; dates are checked
 * on every answer that names evidence.
 */
export function checkEvidenceCell(entries: readonly string[], question: string, years: DataYears, loc: Loc, warn: boolean): EvidenceCellResult {
  const findings: Diagnostic[] = [];
  const evidence: string[] = [];
  for (const entry of entries) {
    if (isPlaceholderEvidence(entry)) {
      if (warn) findings.push(diag('KLA-W230', { question, found: entry }, loc, question));
      continue;
    }
    evidence.push(entry);
    if (isOutsidePath(entry)) {
      findings.push(diag('KLA-W231', { question, found: entry }, loc, question));
      continue;
    }
    const off = yearsOutside(entry, years);
    if (off.length > 0) findings.push(diag('KLA-W232', { question, found: entry, years: off, dataYear: years.evaluated, previousYear: years.previous }, loc, question));
  }
  return { evidence, findings };
}

const YEAR = '(?:19|20)\\d{2}';
/** "Nomor 18 Tahun 2023", "No. 5 Th. 2022": the year a regulation was enacted, not the year it documents. */
const CITATION = new RegExp(`\\b(?:nomor|no)\\.?\\s*[\\w./-]*\\s+(?:tahun|th)\\.?\\s*${YEAR}(?!\\d)`, 'giu');
const SPAN = new RegExp(`(?<!\\d)(${YEAR})\\s*(?:-|–|—|/|s\\.?d\\.?|sampai)\\s*(${YEAR})(?!\\d)`, 'giu');
const SINGLE = new RegExp(`(?<!\\d)(${YEAR})(?!\\d)`, 'gu');

/**
 * The years an evidence name carries, when none of them touches the data
 * years: a single year must be one of the two, a span ("2025-2029",
 * "2025/2026") must overlap them. Links are not judged (their addresses carry
 * ids, not dates), nor the years regulations are cited by.
 */
export function yearsOutside(entry: string, years: DataYears): string[] {
  if (isLink(entry)) return [];
  const base = entry.normalize('NFKC').replace(/\\/g, '/').split('/').pop()!;
  let rest = base.replace(CITATION, ' ');
  const found: { label: string; from: number; to: number }[] = [];
  rest = rest.replace(SPAN, (_, a: string, b: string) => {
    const [from, to] = [Number(a), Number(b)].sort((x, y) => x - y) as [number, number];
    found.push({ label: `${a}–${b}`, from, to });
    return ' ';
  });
  for (const m of rest.matchAll(SINGLE)) found.push({ label: m[1]!, from: Number(m[1]), to: Number(m[1]) });
  if (found.length === 0) return [];
  const touches = found.some((y) => y.from <= years.evaluated && y.to >= years.previous);
  return touches ? [] : [...new Set(found.map((y) => y.label))];
}
