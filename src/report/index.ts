/**
 * Report formatters: pure functions `(report, options) => string`, picked by
 * name. Only the CLI writes their output to stdout, a file or the GitHub step
 * summary.
 */
import type { ValidationReport } from '../validate/index.js';
import type { Lang } from '../i18n.js';
import type { Paint } from '../cli/context.js';
import { formatPretty } from './pretty.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatGithub } from './github.js';

export interface FormatOptions {
  lang: Lang;
  /** Colour functions; identity functions when colour is off. */
  paint?: Paint;
  /** Group id -> label ("Klaster I") for the coverage table. */
  groupLabels?: Record<string, string>;
  /** Show the district's answer coverage (default: when a whole folder was checked). */
  coverage?: boolean;
  /** A terminal's width to wrap messages to, between words; undefined: lines whole (a file, a pipe). */
  width?: number;
}

export type Formatter = (report: ValidationReport, opts: FormatOptions) => string;

export const formatters = {
  pretty: formatPretty,
  json: formatJson,
  junit: formatJunit,
  github: formatGithub,
} satisfies Record<string, Formatter>;

export type FormatName = keyof typeof formatters;


export { githubStepSummary } from './github.js';
