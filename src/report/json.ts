/**
 * Machine-readable report. The shape is `ValidationReport` (schemaVersion 1)
 * with each diagnostic's sentence added as `message` in the chosen language;
 * consumers should key on `code` and `params`, never on the message.
 */
import type { ValidationReport } from '../validate/index.js';
import { formatMessage, jsonText } from '../diagnostics/index.js';
import type { FormatOptions } from './index.js';

export function formatJson(report: ValidationReport, opts: FormatOptions): string {
  const out = {
    ...report,
    lang: opts.lang,
    diagnostics: report.diagnostics.map((d) => ({ ...d, message: formatMessage(d, opts.lang) })),
  };
  return jsonText(out);
}
