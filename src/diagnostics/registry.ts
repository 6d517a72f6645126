/**
 * The shape of a diagnostic code: default severity, title and fix (for the
 * docs), and one message per language. A code declares the types of its
 * parameters once (`def<{ file: string }>(…)`); `diag()` and `refusal()` then
 * only compile with exactly those parameters.
 */
import type { Lang, Localized } from '../i18n.js';
import type { Severity } from '../model.js';

/** A parameter: text, a number, or a list of texts (shown joined as the language joins them). */
export type ParamValue = string | number | readonly string[];
export type Params = Record<string, ParamValue>;
type Scalar = string | number | undefined;

/** Helpers a message uses to show parameters in its language. */
export interface Fmt {
  /** A number without thousands grouping: 87,5 (id) or 87.5 (en). */
  n(v: Scalar): string;
  /** A number with two decimals and grouping, as points are shown: 1.000,25 (id). */
  pts(v: Scalar): string;
  /** Text from outside (spreadsheet, config, command line), shortened and stripped of control characters. */
  q(v: Scalar): string;
  /** A path, shown by the one display rule (relative to the working folder when inside it). */
  path(v: Scalar): string;
  /** The label of an identity field key. */
  field(key: Scalar): string;
  /** Items joined as the language joins them ("a, b dan c" / "a, b and c"), each cleaned as by `q`; `max` shows that many, then "dan N lainnya". */
  list(v: readonly string[] | undefined, max?: number): string;
  /** Items each in double quotes, joined with commas: "Ya", "Tidak". */
  quoted(v: readonly string[] | undefined): string;
  /** An OPD by its code: the code, or its full name in what goes to the OPDs (see FormatContext.opdName). */
  opd(code: Scalar): string;
}

export type Msg<P> = (p: P, f: Fmt) => string;

export interface CodeDef<P extends object = Params> {
  severity: Severity;
  /** Short name of the problem, for headings and docs. */
  title: Localized;
  /** How to fix it, for docs. */
  fix: Localized;
  message: Record<Lang, Msg<P>>;
  /** Type only: the parameters, for `ParamsOf`. */
  readonly params?: P;
}

/** Define a code; `P` is the type of its parameters (none by default). */
export function def<P extends object = Record<never, never>>(severity: Severity, title: Localized, fix: Localized, id: Msg<P>, en: Msg<P>): CodeDef<P> {
  return { severity, title, fix, message: { id, en } };
}

/** Any code definition, whatever its parameters (for `satisfies` on the tables). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCodeDef = CodeDef<any>;
