/** Checking option values that commander leaves as text, and reading the small files options name. */
import { parseJson, readText } from '../io/text.js';
import path from 'node:path';
import { refusal } from '../diagnostics/index.js';
import type { Catalog } from '../catalog/load.js';
import { parseSetArgs, parseWhatIfJson, type WhatIfSettings } from '../score/index.js';

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

/** A small input file (what-if, baseline): its text, or a refusal that says why it cannot be read. */
export function readInput(file: string, what: 'what-if' | 'baseline'): string {
  try {
    return readText(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw refusal('KLA-E518', { what, file, reason: code === 'ENOENT' ? 'missing' : code === 'EACCES' || code === 'EPERM' ? 'denied' : 'other' }, { location: { file } });
  }
}

/** Everything given on the command line, checked before the (slow) reading of workbooks. */
export function readScenario(catalog: Catalog, opts: { whatIf?: string | undefined; set?: string[] | undefined }, cwd: string): WhatIfSettings {
  const settings: WhatIfSettings = new Map();
  if (opts.whatIf !== undefined) {
    const file = path.resolve(cwd, opts.whatIf);
    const json = parseJson(readInput(file, 'what-if'));
    if (!json.ok) throw refusal('KLA-E520', { file, line: json.line, column: json.column }, { location: { file } });
    parseWhatIfJson(catalog, json.value, file, settings);
  }
  // --set comes after the file, so it wins for the same question.
  if (opts.set?.length) parseSetArgs(catalog, opts.set, settings);
  return settings;
}
