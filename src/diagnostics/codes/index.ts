/**
 * The one registry of codes: every finding of `kla validate` and every refusal
 * of every command. A new kind of problem is a new entry here (and an example
 * in ../docs.ts, which the compiler asks for), never prose written in place.
 */
import { BUILD_CODES } from './build.js';
import { CATALOG_CODES } from './catalog.js';
import { FEEDBACK_CODES } from './feedback.js';
import { MATRIX_CODES } from './matrix.js';
import { PROJECT_CODES } from './project.js';
import { USAGE_CODES } from './usage.js';
import { VALIDATION_CODES } from './validation.js';

export const CODES = {
  ...VALIDATION_CODES,
  ...MATRIX_CODES,
  ...PROJECT_CODES,
  ...USAGE_CODES,
  ...CATALOG_CODES,
  ...BUILD_CODES,
  ...FEEDBACK_CODES,
} as const;

export type Code = keyof typeof CODES;

/** The parameters a code's messages take, as declared with `def<P>()`. */
export type ParamsOf<C extends Code> = NonNullable<(typeof CODES)[C]['params']>;

export const isCode = (c: string): c is Code => Object.hasOwn(CODES, c);
