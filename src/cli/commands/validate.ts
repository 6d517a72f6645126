/**
 * `kla validate`: check the workbooks the OPDs returned and report every
 * problem. Exit codes as ESLint: 0 no errors, 1 errors (or more warnings than
 * --max-warnings), 2 usage error or failure (thrown as KlaError, mapped in main).
 */
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import type { CliContext } from '../context.js';
import { openProject } from '../project.js';
import { KlaError } from '../../i18n.js';
import { writeFileAtomic } from '../../io/files.js';
import { validateInputs } from '../../validate/index.js';
import { formatters, githubStepSummary, isFormatName, type FormatOptions } from '../../report/index.js';

interface ValidateOpts {
  project?: string;
  format?: string;
  out?: string;
  maxWarnings?: string;
  /** Worker threads (default: the number of CPUs). */
  jobs?: string;
}

function parseCount(v: string | undefined, flag: string): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v.trim())) {
    throw new KlaError({
      id: `Nilai ${flag} harus bilangan bulat 0 atau lebih, bukan "${v}".`,
      en: `${flag} must be a whole number, 0 or more, not "${v}".`,
    });
  }
  return Number(v);
}

export default async function run(inputs: string[], rawOpts: Record<string, unknown>, ctx: CliContext): Promise<number> {
  const opts = rawOpts as ValidateOpts;
  const format = opts.format ?? 'pretty';
  if (!isFormatName(format)) {
    throw new KlaError({ id: `Format laporan "${format}" tidak dikenal.`, en: `Unknown report format "${format}".` });
  }
  const maxWarnings = parseCount(opts.maxWarnings, '--max-warnings');
  const jobs = parseCount(opts.jobs, '--jobs');
  if (jobs === 0) throw new KlaError({ id: 'Nilai --jobs paling kecil 1.', en: '--jobs must be at least 1.' });
  const project = openProject(opts.project, ctx.cwd);

  const progress = await ctx.progress(ctx.lang === 'id' ? 'Memeriksa lembar kerja OPD…' : 'Checking the OPD workbooks…');
  let report;
  try {
    report = await validateInputs(project, inputs, { cwd: ctx.cwd, ...(jobs !== undefined ? { jobs } : {}) });
  } finally {
    progress.stop();
  }

  const toFile = opts.out !== undefined;
  const fmt: FormatOptions = {
    lang: ctx.lang,
    // Colour codes belong on a terminal only, never in a report file.
    paint: toFile ? undefined : ctx.paint,
    groupLabels: Object.fromEntries(project.catalog.groups.map((g) => [g.id, g.label])),
  };
  const text = formatters[format](report, fmt);
  if (toFile) {
    const file = path.resolve(ctx.cwd, opts.out!);
    writeFileAtomic(file, text);
    const { errors, warnings } = report.summary;
    ctx.err(
      ctx.lang === 'id'
        ? `Laporan ditulis ke ${opts.out} (${errors} kesalahan, ${warnings} peringatan).\n`
        : `Report written to ${opts.out} (${errors} errors, ${warnings} warnings).\n`,
    );
  } else {
    ctx.out(text);
  }

  const summaryFile = ctx.env.GITHUB_STEP_SUMMARY;
  if (format === 'github' && summaryFile) {
    try {
      appendFileSync(summaryFile, githubStepSummary(report, { ...fmt, paint: undefined }));
    } catch (e) {
      ctx.err(
        ctx.lang === 'id'
          ? `Ringkasan job tidak dapat ditulis ke ${summaryFile}: ${(e as Error).message}\n`
          : `The job summary could not be written to ${summaryFile}: ${(e as Error).message}\n`,
      );
    }
  }

  if (report.summary.errors > 0) return 1;
  if (maxWarnings !== undefined && report.summary.warnings > maxWarnings) {
    ctx.err(
      ctx.lang === 'id'
        ? `Jumlah peringatan (${report.summary.warnings}) melebihi batas --max-warnings ${maxWarnings}.\n`
        : `Too many warnings (${report.summary.warnings}); --max-warnings is ${maxWarnings}.\n`,
    );
    return 1;
  }
  return 0;
}
