/**
 * Text that reaches the documents from outside the code (spreadsheet cells,
 * the district config) is cleaned here first, and every number is worded
 * here, one rule per kind, so the documents read the same everywhere and no
 * input can change their structure:
 *
 * - points earned: two decimals (12,50), rounded as `kla score` shows them;
 * - maxima: as the instrument states them, without decimals when whole
 *   (1.000; 12; 3,20);
 * - percentages (answers and shares alike): up to two decimals, no trailing
 *   zeros (26%; 22,5%; 61,23%);
 * - counts: whole numbers with thousands separators (12.345).
 */
import type { AnswerValue } from '../model.js';
import type { AnswerType } from '../catalog/schema.js';
import { roundShown } from '../score/numbers.js';

/** Length caps: a cell with a whole essay must not turn one table row into ten pages. */
export const LIMITS = {
  short: 160,
  answer: 200,
  note: 400,
  evidenceEntry: 160,
  evidenceEntries: 8,
  paragraph: 2000,
  narrative: 4000,
} as const;

// C0/C1 controls (incl. tab, CR, LF), bidi embeddings/overrides/isolates and marks,
// zero-width characters and the BOM. Bidi overrides could make a cell display
// reversed text; control characters are also the structure markers of the
// narrative templates (see templates.ts), so data must never contain them.
const STRIP = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Clean untrusted text for the document: NFC, no control or bidi characters,
 * whitespace collapsed to single spaces (one line), at most `max` characters
 * (cut at a word boundary).
 */
export function cleanText(value: unknown, max: number = LIMITS.short): string {
  if (value === null || value === undefined) return '';
  const s = String(value)
    .normalize('NFC')
    .replace(/[\t\r\n\u2028\u2029]+/g, ' ')
    .replace(STRIP, '')
    .replace(LONE_SURROGATE, '\ufffd')
    .replace(/\s+/g, ' ')
    .trim();
  return truncate(s, max);
}

/**
 * Cut at `max` code points, at the last word boundary before it (never inside
 * a word, never inside a surrogate pair), marking the cut with an ellipsis.
 * A single word longer than `max` is cut where it must be.
 */
export function truncate(s: string, max: number): string {
  const chars = Array.from(s);
  if (chars.length <= max) return s;
  const head = chars.slice(0, Math.max(0, max - 1)).join('');
  const space = head.lastIndexOf(' ');
  const cut = space >= head.length / 2 ? head.slice(0, space) : head;
  return `${cut.replace(/[\s,;:(/-]+$/, '')}…`;
}

// Same output as i18n's formatNumber(n, 'id', digits), with the Intl formatter
// made once: a dossier formats thousands of numbers, and toLocaleString builds
// a new formatter on every call.
const formatters = new Map<string, Intl.NumberFormat>();
function idNumber(n: number, min: number, max = min): string {
  const key = `${min}-${max}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.NumberFormat('id-ID', { minimumFractionDigits: min, maximumFractionDigits: max })));
  return f.format(n === 0 ? 0 : n);
}

/** Points earned, with two decimals, Indonesian style (1.000,25), rounded exactly as `kla score` shows them. */
export const points = (n: number): string => pointsWith(n, 2);

/** Points with `digits` decimals (a total may need more than two to agree with its predikat). */
export const pointsWith = (n: number, digits: number): string => idNumber(roundShown(n, digits), digits);

/** A maximum as the instrument states it: 1.000; 12; 3,20 (two decimals only when it has decimals). */
export const maximum = (n: number): string => (Number.isInteger(roundShown(n)) ? idNumber(roundShown(n), 0) : idNumber(roundShown(n), 2));

/** A percentage, of an answer or a share: up to two decimals, no trailing zeros: 26%; 22,5%; 61,23%. */
export const percentValue = (n: number): string => `${idNumber(roundShown(n, 2), 0, 2)}%`;

/** A share as a percentage, always with two decimals so a column of them aligns: 61,23%; 27,00%; '–' when there is nothing to share. */
export function percent(part: number, whole: number): string {
  return whole > 0 ? `${idNumber(roundShown((part / whole) * 100, 2), 2, 2)}%` : '–';
}

/** A measured number as written: no decimals when whole (7.679), otherwise up to two (7.679,25). */
export const decimal = (n: number): string => idNumber(n, 0, 2);

/** A whole number with thousands separators: 12.345. */
export const count = (n: number): string => idNumber(n, 0);

/** An answer in words: the option chosen, or the number with its unit. */
export function answerText(v: AnswerValue | null, type: AnswerType | undefined): string {
  if (v === null) return '';
  if (v.kind === 'option') return cleanText(v.option, LIMITS.answer);
  return type === 'percent' ? percentValue(v.value) : decimal(v.value);
}

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** A calendar date in Indonesian, read in UTC so the same instant gives the same words everywhere: 5 Maret 2025. */
export function dateText(d: Date): string {
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/**
 * Whether displayed parts add up to their displayed total: when they do not
 * (each part rounded on its own), the table says so in a note.
 */
export function addsUpShown(parts: readonly number[], total: number): boolean {
  const sum = parts.reduce((s, p) => s + roundShown(p), 0);
  return Math.abs(roundShown(sum) - roundShown(total)) < 0.005;
}
