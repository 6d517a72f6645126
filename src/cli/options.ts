/** Checking option values that commander leaves as text. */
import { refusal } from '../diagnostics/index.js';

/** A whole-number option (`--jobs 4`), at least `minimum`; undefined when not given. */
export function countOption(v: string | undefined, option: string, minimum: number): number | undefined {
  if (v === undefined) return undefined;
  const t = v.trim();
  if (!/^\d+$/.test(t) || Number(t) < minimum) throw refusal('KLA-E508', { option, value: v, minimum }, { location: { file: '', option } });
  return Number(t);
}

/**
 * SOURCE_DATE_EPOCH (the reproducible-builds convention) as a date: the date
 * the documents and templates record. Undefined when unset.
 */
export function sourceDateEpoch(env: Readonly<Record<string, string | undefined>>): Date | undefined {
  const v = env.SOURCE_DATE_EPOCH;
  if (v === undefined || v === '') return undefined;
  if (!/^\d{1,12}$/.test(v.trim())) throw refusal('KLA-E512', { value: v }, { location: { file: '', option: 'SOURCE_DATE_EPOCH' } });
  return new Date(Number(v.trim()) * 1000);
}
