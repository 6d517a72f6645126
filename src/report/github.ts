/**
 * GitHub Actions: workflow-command annotations and a Markdown job summary.
 * GitHub shows at most 10 error and 10 warning annotations per step, so the
 * most important come first and one notice counts the rest; the job summary
 * (appended by the CLI to $GITHUB_STEP_SUMMARY) holds the full list.
 */
import type { Diagnostic, Severity } from '../model.js';
import type { ValidationReport } from '../validate/index.js';
import { formatMessage, visible } from '../diagnostics/index.js';
import { importance, percent, SEVERITY_WORD, where } from './common.js';
import type { FormatOptions } from './index.js';

/** Annotations GitHub displays per step and kind. */
export const ANNOTATIONS_PER_KIND = 10;
/** Diagnostics listed in the job summary (its limit is 1 MiB per step). */
const SUMMARY_ROWS = 500;

/** Escaping of workflow commands: data, and additionally property values. Control characters are shown visibly: the log would act on them. */
const escapeData = (s: string) => visible(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

const T = {
  id: {
    rest: (e: number, w: number) => `${e} kesalahan dan ${w} peringatan lainnya tidak ditampilkan sebagai anotasi; daftar lengkapnya ada di ringkasan job.`,
    total: (s: ValidationReport['summary']) => `kla validate: ${s.errors} kesalahan, ${s.warnings} peringatan, ${s.infos} informasi pada ${s.files} berkas.`,
    heading: 'Pemeriksaan lembar kerja KLA',
    counts: ['Berkas', 'Lembar kerja OPD', 'Kesalahan', 'Peringatan', 'Informasi'],
    coverage: 'Cakupan',
    group: 'Kelompok',
    answered: 'Terjawab',
    perFile: 'Per berkas',
    fileCols: ['Berkas', 'OPD', 'Status', 'Kesalahan', 'Peringatan'],
    status: { submission: 'lembar kerja', profile: 'profil daerah', matrix: 'matriks Kelana/Dekela', skipped: 'dilewati', unreadable: 'tidak terbaca' },
    findings: 'Temuan',
    findingCols: ['Berkas', 'Lokasi', 'Tingkat', 'Kode', 'Pesan'],
    cut: (n: number) => `${n} temuan lainnya tidak dicantumkan; jalankan \`kla validate\` untuk daftar lengkap.`,
  },
  en: {
    rest: (e: number, w: number) => `${e} more errors and ${w} more warnings are not shown as annotations; the job summary lists them all.`,
    total: (s: ValidationReport['summary']) => `kla validate: ${s.errors} errors, ${s.warnings} warnings, ${s.infos} infos in ${s.files} files.`,
    heading: 'KLA workbook check',
    counts: ['Files', 'OPD workbooks', 'Errors', 'Warnings', 'Infos'],
    coverage: 'Coverage',
    group: 'Group',
    answered: 'Answered',
    perFile: 'Per file',
    fileCols: ['File', 'OPD', 'Status', 'Errors', 'Warnings'],
    status: { submission: 'workbook', profile: 'district profile', matrix: 'Kelana/Dekela matrix', skipped: 'skipped', unreadable: 'unreadable' },
    findings: 'Findings',
    findingCols: ['File', 'Location', 'Severity', 'Code', 'Message'],
    cut: (n: number) => `${n} more findings are not listed; run \`kla validate\` for the full list.`,
  },
} as const;

function mostImportant(ds: Diagnostic[], severity: Severity): Diagnostic[] {
  return ds
    .map((d, i) => ({ d, i }))
    .filter(({ d }) => d.severity === severity)
    .sort((a, b) => importance(a.d) - importance(b.d) || a.i - b.i)
    .map(({ d }) => d);
}

export function formatGithub(report: ValidationReport, opts: FormatOptions): string {
  const t = T[opts.lang];
  const lines: string[] = [];
  const emit = (kind: 'error' | 'warning' | 'notice', d: Diagnostic) => {
    const props = [d.location.file ? `file=${escapeProperty(d.location.file)}` : '', `title=${escapeProperty(`${d.code} ${where(d)}`.trim())}`].filter(Boolean);
    lines.push(`::${kind} ${props.join(',')}::${escapeData(formatMessage(d, opts.lang))}`);
  };
  const errors = mostImportant(report.diagnostics, 'error');
  const warnings = mostImportant(report.diagnostics, 'warning');
  for (const d of errors.slice(0, ANNOTATIONS_PER_KIND)) emit('error', d);
  for (const d of warnings.slice(0, ANNOTATIONS_PER_KIND)) emit('warning', d);
  const restE = Math.max(0, errors.length - ANNOTATIONS_PER_KIND);
  const restW = Math.max(0, warnings.length - ANNOTATIONS_PER_KIND);
  if (restE + restW > 0) lines.push(`::notice title=kla validate::${escapeData(t.rest(restE, restW))}`);
  lines.push(t.total(report.summary));
  return `${lines.join('\n')}\n`;
}

/** Markdown table cell: one line, pipes escaped. */
const md = (s: string | number) => visible(String(s)).replace(/\|/g, '\\|');
const row = (cells: (string | number)[]) => `| ${cells.map(md).join(' | ')} |`;
const table = (head: readonly string[], rows: (string | number)[][]) => [row([...head]), row(head.map(() => '---')), ...rows.map(row)].join('\n');

/** The job summary in Markdown, for $GITHUB_STEP_SUMMARY. */
export function githubStepSummary(report: ValidationReport, opts: FormatOptions): string {
  const t = T[opts.lang];
  const s = report.summary;
  const cov = report.coverage;
  const parts: string[] = [
    `## ${t.heading}: ${visible(report.project.district)} ${report.project.year}`,
    table(t.counts, [[s.files, s.submissions, s.errors, s.warnings, s.infos]]),
    `### ${t.coverage}: ${cov.answered}/${cov.questions} (${percent(cov.answered, cov.questions, opts.lang)})`,
    table([t.group, t.answered, '%'], cov.byGroup.map((g) => [opts.groupLabels?.[g.id] ?? g.id, `${g.answered}/${g.questions}`, percent(g.answered, g.questions, opts.lang)])),
    `### ${t.perFile}`,
    table(
      t.fileCols,
      report.files.map((f) => {
        const ds = report.diagnostics.filter((d) => d.location.file === f.file);
        return [`\`${f.file}\``, f.opdCode ?? '', t.status[f.status], ds.filter((d) => d.severity === 'error').length, ds.filter((d) => d.severity === 'warning').length];
      }),
    ),
  ];
  if (report.diagnostics.length > 0) {
    const shown = report.diagnostics.slice(0, SUMMARY_ROWS);
    parts.push(
      `### ${t.findings}`,
      table(
        t.findingCols,
        shown.map((d) => [d.location.file ? `\`${d.location.file}\`` : '', where(d), SEVERITY_WORD[opts.lang][d.severity], d.code, formatMessage(d, opts.lang)]),
      ),
    );
    if (report.diagnostics.length > SUMMARY_ROWS) parts.push(t.cut(report.diagnostics.length - SUMMARY_ROWS));
  }
  return `${parts.join('\n\n')}\n`;
}
