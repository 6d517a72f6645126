/**
 * The report for people: per file, each finding with its sheet and cell and
 * one sentence saying what was found and what to do; then the whole-set
 * findings, the counts and the coverage per group. Plain words, no symbols
 * (Windows consoles with old code pages garble them), colour only via paint.
 */
import type { Diagnostic } from '../model.js';
import type { ValidationReport, FileReport } from '../validate/index.js';
import { formatMessage, visible } from '../diagnostics/index.js';
import type { Paint } from '../cli/context.js';
import { wrapList, wrapWords } from '../wrap.js';
import { percent, SEVERITY_WORD } from './common.js';
import type { FormatOptions } from './index.js';

const plain: Paint = { error: (s) => s, warn: (s) => s, info: (s) => s, ok: (s) => s, dim: (s) => s, bold: (s) => s };

const T = {
  id: {
    title: (r: ValidationReport) =>
      `Pemeriksaan lembar kerja KLA ${r.project.district}, tahun ${r.project.year}${r.project.dataYears ? ` (data tahun ${r.project.dataYears.evaluated} dan ${r.project.dataYears.previous})` : ''} (katalog ${r.project.catalogId})`,
    clean: 'tidak ada temuan',
    where: (sheet?: string, cell?: string) => (sheet && cell ? `lembar ${visible(sheet)}, sel ${cell}` : sheet ? `lembar ${visible(sheet)}` : 'seluruh berkas'),
    skipped: 'dilewati',
    unreadable: 'tidak dapat dibaca',
    unknownOpd: 'OPD tidak dikenali',
    profile: 'profil daerah',
    matrix: (kecamatan?: string) => `matriks Kelana/Dekela${kecamatan ? ` Kec. ${visible(kecamatan)}` : ''}`,
    whole: 'Seluruh kiriman',
    summary: 'Ringkasan',
    files: (r: ValidationReport, n: Record<FileReport['status'], number>) =>
      `Berkas: ${r.summary.files} (${n.submission} lembar kerja OPD, ${n.profile ? `${n.profile} profil daerah, ` : ''}${n.matrix ? `${n.matrix} matriks Kelana/Dekela, ` : ''}${n.skipped} dilewati, ${n.unreadable} tidak dapat dibaca)`,
    findings: (s: ValidationReport['summary']) => `Temuan: ${s.errors} kesalahan, ${s.warnings} peringatan, ${s.infos} informasi`,
    coverage: (a: number, q: number, p: string) => `Cakupan: ${a} dari ${q} pertanyaan terjawab (${p})`,
    unanswered: 'Belum terjawab',
    more: (n: number) => `dan ${n} lainnya`,
    verdictOk: 'Tidak ada kesalahan. Lembar kerja dapat diproses lebih lanjut.',
    verdictErr: (n: number) => `Terdapat ${n} kesalahan. Mohon perbaiki sel yang disebut di atas, lalu jalankan pemeriksaan kembali.`,
  },
  en: {
    title: (r: ValidationReport) =>
      `KLA workbook check, ${r.project.district}, year ${r.project.year}${r.project.dataYears ? ` (data of ${r.project.dataYears.evaluated} and ${r.project.dataYears.previous})` : ''} (catalog ${r.project.catalogId})`,
    clean: 'no findings',
    where: (sheet?: string, cell?: string) => (sheet && cell ? `sheet ${visible(sheet)}, cell ${cell}` : sheet ? `sheet ${visible(sheet)}` : 'whole file'),
    skipped: 'skipped',
    unreadable: 'cannot be read',
    unknownOpd: 'OPD not recognised',
    profile: 'district profile',
    matrix: (kecamatan?: string) => `Kelana/Dekela matrix${kecamatan ? `, kecamatan ${visible(kecamatan)}` : ''}`,
    whole: 'Whole set',
    summary: 'Summary',
    files: (r: ValidationReport, n: Record<FileReport['status'], number>) =>
      `Files: ${r.summary.files} (${n.submission} OPD workbooks, ${n.profile ? `${n.profile} district profile${n.profile === 1 ? '' : 's'}, ` : ''}${n.matrix ? `${n.matrix} Kelana/Dekela matri${n.matrix === 1 ? 'x' : 'ces'}, ` : ''}${n.skipped} skipped, ${n.unreadable} unreadable)`,
    findings: (s: ValidationReport['summary']) => `Findings: ${s.errors} errors, ${s.warnings} warnings, ${s.infos} infos`,
    coverage: (a: number, q: number, p: string) => `Coverage: ${a} of ${q} questions answered (${p})`,
    unanswered: 'Unanswered',
    more: (n: number) => `and ${n} more`,
    verdictOk: 'No errors. The workbooks can be processed further.',
    verdictErr: (n: number) => `There are ${n} errors. Please correct the cells named above and run the check again.`,
  },
} as const;

/** Unanswered question ids listed before "and N more". */
const UNANSWERED_SHOWN = 30;

export function formatPretty(report: ValidationReport, opts: FormatOptions): string {
  const t = T[opts.lang];
  const p = opts.paint ?? plain;
  // Every piece of outside text (file, sheet and district names; cell text in messages) is shown visibly escaped.
  const lines: string[] = [...wrapWords(visible(t.title(report)), opts.width).map(p.bold), ''];
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of report.diagnostics) byFile.set(d.location.file, [...(byFile.get(d.location.file) ?? []), d]);

  const sev = (d: Diagnostic) => {
    const w = SEVERITY_WORD[opts.lang][d.severity].toUpperCase();
    return d.severity === 'error' ? p.error(w) : d.severity === 'warning' ? p.warn(w) : p.info(w);
  };
  // Two lines per finding: where (in words an OPD officer reads without help), then what to do.
  // Findings about the whole set (an OPD that sent nothing) share one heading per code.
  const block = (ds: Diagnostic[]) => {
    ds.forEach((d, i) => {
      const prev = ds[i - 1];
      const sameHeading = d.location.file === '' && prev?.location.file === '' && prev.code === d.code && prev.severity === d.severity;
      if (!sameHeading) {
        const at = d.location.file === '' ? '' : `${t.where(d.location.sheet, d.location.cell)}  `;
        lines.push(`  ${sev(d)}  ${at}${p.dim(`[${d.code}]`)}`);
      }
      lines.push(...wrapWords(formatMessage(d, opts.lang), opts.width, '      '));
    });
  };

  for (const f of report.files) {
    const ds = byFile.get(f.file) ?? [];
    byFile.delete(f.file);
    const tag =
      f.status === 'skipped'
        ? t.skipped
        : f.status === 'unreadable'
          ? p.error(t.unreadable)
          : f.status === 'profile'
            ? t.profile
            : f.status === 'matrix'
              ? t.matrix(f.kecamatan)
              : f.opdCode
              ? f.opdCode
              : p.error(t.unknownOpd);
    const head = `${p.bold(visible(f.file))}  (${tag})`;
    if ((f.status === 'submission' || f.status === 'profile' || f.status === 'matrix') && ds.length === 0) {
      lines.push(`${head}: ${p.ok(t.clean)}`);
      continue;
    }
    lines.push(head);
    block(ds);
    lines.push('');
  }
  const whole = [...(byFile.get('') ?? [])];
  byFile.delete('');
  for (const ds of byFile.values()) whole.push(...ds);
  if (whole.length > 0) {
    lines.push(p.bold(t.whole));
    block(whole);
    lines.push('');
  }

  const n = { submission: 0, profile: 0, matrix: 0, skipped: 0, unreadable: 0 };
  for (const f of report.files) n[f.status]++;
  if (lines.at(-1) !== '') lines.push('');
  lines.push(p.bold(t.summary));
  lines.push(...wrapWords(t.files(report, n), opts.width, '  ', '    '));
  lines.push(...wrapWords(t.findings(report.summary), opts.width, '  ', '    '));
  // The district's coverage says something about a whole folder of submissions, not about one upload.
  if (opts.coverage ?? report.scope === 'folder') coverageLines(report, opts, lines);
  lines.push('');
  lines.push(...wrapWords(report.summary.errors === 0 ? t.verdictOk : t.verdictErr(report.summary.errors), opts.width).map((l) => (report.summary.errors === 0 ? p.ok(l) : p.error(l))));
  return `${lines.join('\n')}\n`;
}

function coverageLines(report: ValidationReport, opts: FormatOptions, lines: string[]): void {
  const t = T[opts.lang];
  const cov = report.coverage;
  lines.push(...wrapWords(t.coverage(cov.answered, cov.questions, percent(cov.answered, cov.questions, opts.lang)), opts.width, '  ', '    '));
  const label = (id: string) => visible(opts.groupLabels?.[id] ?? id);
  const labelWidth = Math.max(0, ...cov.byGroup.map((g) => label(g.id).length));
  for (const g of cov.byGroup) {
    lines.push(`    ${label(g.id).padEnd(labelWidth)}  ${String(g.answered).padStart(3)}/${String(g.questions).padEnd(3)}  ${percent(g.answered, g.questions, opts.lang)}`);
  }
  if (cov.unanswered.length > 0) {
    const shown = cov.unanswered.slice(0, UNANSWERED_SHOWN);
    const rest = cov.unanswered.length - UNANSWERED_SHOWN;
    lines.push(...wrapList([`${t.unanswered}: ${shown[0]}`, ...shown.slice(1), ...(rest > 0 ? [t.more(rest)] : [])], opts.width, '  '));
  }
}
