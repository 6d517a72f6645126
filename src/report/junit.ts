/**
 * JUnit XML for GitLab and Jenkins test reports, after ESLint's formatter: one
 * test suite per file, one failing test case per error or warning (warnings
 * carry type="warning"), one passing case for a file without findings. Infos
 * are left out.
 */
import type { ValidationReport } from '../validate/index.js';
import { formatMessage, visible } from '../diagnostics/index.js';
import { where } from './common.js';
import type { FormatOptions } from './index.js';

/** Control characters shown visibly (XML 1.0 allows none of them raw, and a CI log would act on them), then escaped. */
const xml = (s: string) =>
  visible(s)
    .replace(/[\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

export function formatJunit(report: ValidationReport, opts: FormatOptions): string {
  const files = [...report.files.map((f) => f.file)];
  if (report.diagnostics.some((d) => d.location.file === '')) files.push('');
  const suites: string[] = [];
  let total = 0;
  let failures = 0;
  for (const file of files) {
    const ds = report.diagnostics.filter((d) => d.location.file === file && d.severity !== 'info');
    const name = file === '' ? 'kla validate' : file;
    const cases = ds.map((d) => {
      const msg = formatMessage(d, opts.lang);
      const loc = where(d);
      return (
        `    <testcase classname="${xml(name)}" name="${xml(`${loc ? `${loc} ` : ''}${d.code}`)}" time="0">\n` +
        `      <failure type="${d.severity}" message="${xml(msg)}">${xml(`${d.code} ${loc} ${msg}`.replace(/\s+/g, ' ').trim())}</failure>\n` +
        `    </testcase>`
      );
    });
    if (cases.length === 0) cases.push(`    <testcase classname="${xml(name)}" name="kla validate" time="0"/>`);
    total += cases.length;
    failures += ds.length;
    suites.push(`  <testsuite name="${xml(name)}" tests="${cases.length}" failures="${ds.length}" errors="0" skipped="0" time="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="kla validate" tests="${total}" failures="${failures}" errors="0" time="0">\n${suites.join('\n')}\n</testsuites>\n`;
}
