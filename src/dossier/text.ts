/**
 * Text that reaches the dossier from outside the code (spreadsheet cells, the
 * district config) is cleaned here first, and every number is worded here, so
 * the document reads the same everywhere and no input can change its structure.
 */
import type { AnswerValue } from '../model.js';
import type { AnswerType } from '../catalog/schema.js';
import { roundShown } from '../score/numbers.js';

/** Length caps: a cell with a whole essay must not turn one table row into ten pages. */
export const LIMITS = {
  short: 160,
  answer: 200,
  note: 400,
  evidenceEntry: 120,
  evidenceEntries: 8,
  paragraph: 2000,
} as const;

// C0/C1 controls (incl. tab, CR, LF), bidi embeddings/overrides/isolates and marks,
// zero-width characters and the BOM. Bidi overrides could make a cell display
// reversed text; control characters are also the structure markers of the
// narrative templates (see templates.ts), so data must never contain them.
const STRIP = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Clean untrusted text for the document: NFC, no control or bidi characters,
 * whitespace collapsed to single spaces (one line), at most `max` characters.
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

/** Cut at `max` code points (never inside a surrogate pair), marking the cut with an ellipsis. */
export function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  const chars = Array.from(s);
  if (chars.length <= max) return s;
  return `${chars.slice(0, Math.max(0, max - 1)).join('').trimEnd()}…`;
}

/** Points with two decimals, Indonesian style (1.000,25), rounded exactly as `kla score` shows them. */
export const points = (n: number): string => pointsWith(n, 2);

/** Points with `digits` decimals (a total may need more than two to agree with its predikat). */
export const pointsWith = (n: number, digits: number): string => idNumber(roundShown(n, digits), digits);

// Same output as i18n's formatNumber(n, 'id', digits), with the Intl formatter
// made once: a dossier formats thousands of numbers, and toLocaleString builds
// a new formatter on every call.
const formatters = new Map<number, Intl.NumberFormat>();
function idNumber(n: number, digits: number): string {
  let f = formatters.get(digits);
  if (!f) formatters.set(digits, (f = new Intl.NumberFormat('id-ID', { minimumFractionDigits: digits, maximumFractionDigits: digits })));
  return f.format(n);
}

/** A share as a percentage with one decimal: 61,2%. */
export function percent(part: number, whole: number): string {
  return whole > 0 ? `${idNumber((part / whole) * 100, 1)}%` : '–';
}

/** A measured number as written: no decimals when whole (7.679), otherwise two (7.679,25). */
export const decimal = (n: number): string => idNumber(n, Number.isInteger(n) ? 0 : 2);

/** A whole number with thousands separators: 12.345. */
export const count = (n: number): string => idNumber(n, 0);

/** An answer in words: the option chosen, or the number with its unit. */
export function answerText(v: AnswerValue | null, type: AnswerType | undefined): string {
  if (v === null) return '';
  if (v.kind === 'option') return cleanText(v.option, LIMITS.answer);
  return type === 'percent' ? `${decimal(v.value)}%` : decimal(v.value);
}

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** A calendar date in Indonesian, read in UTC so the same instant gives the same words everywhere: 5 Maret 2025. */
export function dateText(d: Date): string {
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}
