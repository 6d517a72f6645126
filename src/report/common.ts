/** Words and orderings the formatters share. */
import type { Diagnostic, Severity } from '../model.js';
import type { Lang } from '../i18n.js';
import { formatNumber } from '../i18n.js';
import { visible } from '../diagnostics/index.js';

export const SEVERITY_WORD: Record<Lang, Record<Severity, string>> = {
  id: { error: 'kesalahan', warning: 'peringatan', info: 'informasi' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

/** "Jawaban!F12", "Jawaban", or '' for a finding about the whole file. */
export function where(d: Diagnostic): string {
  const { sheet, cell } = d.location;
  if (sheet && cell) return `${visible(sheet)}!${cell}`;
  return visible(sheet ?? cell ?? '');
}

/**
 * Importance for lists that must be cut short (GitHub shows 10 annotations of
 * each kind): unreadable files first, then identity and template, then
 * problems across files, then single answers.
 */
export function importance(d: Diagnostic): number {
  const n = Number(/(\d+)$/.exec(d.code)?.[1] ?? 999);
  return n < 100 ? 0 : n < 200 ? 1 : n >= 300 ? 2 : 3;
}

export function percent(part: number, whole: number, lang: Lang): string {
  return `${formatNumber(whole === 0 ? 0 : (100 * part) / whole, lang, 1)}%`;
}

/** Counts of one file's diagnostics by severity. */
