/**
 * Diagnostics: every finding and every refusal of kla is a value
 * `{code, severity, params, location}` built by `diag()` from the one registry
 * (./codes), and worded later by `formatMessage` in the language asked for.
 * A refusal is thrown as a `KlaError` carrying its diagnostics; nothing in kla
 * words a problem in place.
 */
import type { Diagnostic, Location, Severity } from '../model.js';
import type { Lang } from '../i18n.js';
import { CODES, isCode, type Code, type ParamsOf } from './codes/index.js';
import { formatMessage, visible, type FormatContext } from './format.js';
import type { Params } from './registry.js';

export { CODES, isCode, type Code, type ParamsOf } from './codes/index.js';
export type { OptionDifference } from './codes/validation.js';
export { formatMessage, fmtFor, jsonText, listText, visible, type FormatContext } from './format.js';
export type { CodeDef, Fmt, Params, ParamValue } from './registry.js';

/** Parameters without the keys whose value is undefined (optional parameters left out). */
function defined(p: object): Params {
  return Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as Params;
}

/** A diagnostic of `code` with the registry's default severity. */
export function diag<C extends Code>(code: C, params: ParamsOf<C>, location: Location = { file: '' }, questionId?: string): Diagnostic {
  return { code, severity: CODES[code].severity, params: defined(params), location, ...(questionId !== undefined ? { questionId } : {}) };
}

/**
 * A refusal: the command cannot go on. The first diagnostic says what was
 * refused; the others (details) say why, one problem each. Exit code 2 for
 * usage and unreadable input, 1 for problems found in the data.
 */
export class KlaError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  constructor(
    diagnostics: readonly Diagnostic[],
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(diagnostics.map((d) => `${d.code} ${formatMessage(d, 'en')}`).join('\n'));
    this.name = 'KlaError';
    this.diagnostics = diagnostics;
  }

  /** The headline code. */
  get code(): string {
    return this.diagnostics[0]?.code ?? '';
  }

  /** Every code, headline first (for tests and JSON consumers). */
  get codes(): string[] {
    return this.diagnostics.map((d) => d.code);
  }
}

/** The same refusal, its problems at keys of `file` (a config, a catalog) also saying on which line of it each key is. */
export function withKeyLines(e: KlaError, file: string, lineOf: (key: string) => number | undefined): KlaError {
  const located = e.diagnostics.map((d) => {
    if (d.location.file !== file || d.location.key === undefined || d.location.key === '' || d.location.line !== undefined) return d;
    const line = lineOf(d.location.key);
    return line === undefined ? d : { ...d, location: { ...d.location, line } };
  });
  return new KlaError(located, e.exitCode);
}

/** A refusal of `code`, with details (each a diagnostic of its own). */
export function refusal<C extends Code>(
  code: C,
  params: ParamsOf<C>,
  opts: { location?: Location; details?: readonly Diagnostic[]; exitCode?: 1 | 2 } = {},
): KlaError {
  return new KlaError([diag(code, params, opts.location), ...(opts.details ?? [])], opts.exitCode ?? 2);
}

/**
 * A refusal as lines for a terminal: the headline, then each detail indented,
 * each with its code so that it can be looked up in docs/diagnostics.md.
 */
export function formatRefusal(e: KlaError, lang: Lang, ctx: FormatContext = {}): string {
  return e.diagnostics
    .map((d, i) => {
      // A finding in a workbook says where, as `kla validate` does; other messages name their place themselves.
      const l = d.location;
      const at =
        l.file !== '' && (l.sheet !== undefined || l.cell !== undefined)
          ? `${visible(l.file)} ${visible([l.sheet, l.cell].filter(Boolean).join('!'))}: `
          : l.line !== undefined && i > 0
            ? `${lang === 'id' ? 'baris' : 'line'} ${l.line}: `
            : '';
      return `${i === 0 ? '' : '  - '}${at}${formatMessage(d, lang, ctx)}${isCode(d.code) ? ` [${d.code}]` : ''}`;
    })
    .join('\n');
}

/** Apply a district's severity overrides ('off' drops the diagnostic). */
export function applySeverity(ds: readonly Diagnostic[], overrides: Readonly<Record<string, Severity | 'off'>>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of ds) {
    const s = overrides[d.code] ?? d.severity;
    if (s !== 'off') out.push(s === d.severity ? d : { ...d, severity: s });
  }
  return out;
}
