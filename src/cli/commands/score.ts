/**
 * `kla score`: read and validate the workbooks, score them, and show the
 * estimate beside the verification forecast, with an optional what-if, gap
 * plan and comparison with an earlier run. All reading happens here; the
 * scoring itself is pure (src/score).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CliContext } from '../context.js';
import { evidenceDirFor, openProject } from '../project.js';
import { KlaError, type Localized } from '../../i18n.js';
import { writeFileAtomic } from '../../io/files.js';
import type { Catalog } from '../../catalog/load.js';
import { validateInputs } from '../../validate/index.js';
import {
  applyWhatIf,
  compareBaseline,
  formatScoreTable,
  gapPlan,
  parseScoreJson,
  parseSetArgs,
  parseWhatIfJson,
  plural,
  predikatThreshold,
  score,
  toScoreJson,
  type ScoreOptions,
  type ScoreView,
  type WhatIfSettings,
} from '../../score/index.js';
import { readEvidenceFolder } from '../../score/evidence-files.js';

interface ScoreOpts {
  project?: string;
  format?: 'table' | 'json';
  out?: string;
  set?: string[];
  whatIf?: string;
  target?: string;
  baseline?: string;
  evidence?: string;
  allowInvalid?: boolean;
}

function readText(file: string, what: Localized): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new KlaError({
      id: `${what.id} ${file} tidak dapat dibaca: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'berkas tidak ditemukan' : (e as Error).message}.`,
      en: `${what.en} ${file} cannot be read: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (e as Error).message}.`,
    });
  }
}

/** Everything given on the command line, checked before the (slow) reading of workbooks. */
function readScenario(catalog: Catalog, opts: ScoreOpts, cwd: string): WhatIfSettings {
  const settings: WhatIfSettings = new Map();
  if (opts.whatIf !== undefined) {
    const file = path.resolve(cwd, opts.whatIf);
    const text = readText(file, { id: 'Berkas what-if', en: 'What-if file' });
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (e) {
      throw new KlaError({ id: `Berkas what-if ${opts.whatIf} bukan JSON yang sah: ${(e as Error).message}`, en: `What-if file ${opts.whatIf} is not valid JSON: ${(e as Error).message}` });
    }
    parseWhatIfJson(catalog, raw, opts.whatIf, settings);
  }
  // --set comes after the file, so it wins for the same question.
  if (opts.set?.length) parseSetArgs(catalog, opts.set, settings);
  return settings;
}

export default async function run(inputs: string[], rawOpts: Record<string, unknown>, ctx: CliContext): Promise<number> {
  const opts = rawOpts as ScoreOpts;
  const id = ctx.lang === 'id';
  const project = openProject(opts.project, ctx.cwd);
  const catalog = project.catalog;

  const settings = readScenario(catalog, opts, ctx.cwd);
  if (opts.target !== undefined && !predikatThreshold(opts.target, catalog.predikat)) {
    const names = catalog.predikat.bands.map((b) => b.name).join(', ');
    throw new KlaError({
      id: `Predikat "${opts.target}" tidak dikenal. Pilih salah satu: ${names}.`,
      en: `Unknown predikat "${opts.target}". Choose one of: ${names}.`,
    });
  }
  const baseline =
    opts.baseline === undefined
      ? undefined
      : parseScoreJson(readText(path.resolve(ctx.cwd, opts.baseline), { id: 'Berkas pembanding', en: 'Baseline file' }), opts.baseline);
  const evidenceDir = evidenceDirFor(project, opts.evidence, ctx.cwd);
  const evidence = evidenceDir === undefined ? undefined : await readEvidenceFolder(evidenceDir);

  const progress = await ctx.progress(id ? 'Memeriksa lembar kerja OPD...' : 'Checking the OPD workbooks...');
  let report;
  try {
    report = await validateInputs(project, inputs, { cwd: ctx.cwd });
  } finally {
    progress.stop();
  }

  const { errors } = report.summary;
  if (errors > 0 && !opts.allowInvalid) {
    const files = new Set(report.diagnostics.filter((d) => d.severity === 'error').map((d) => d.location.file)).size;
    ctx.err(
      ctx.paint.error(
        id
          ? `Penilaian tidak dilakukan: pemeriksaan menemukan ${errors} kesalahan pada ${files} berkas.\nJalankan "kla validate" untuk melihat rinciannya dan perbaiki lembar kerjanya, atau gunakan --allow-invalid untuk menghitung nilai tanpa jawaban yang mengandung kesalahan.`
          : `Not scored: validation found ${plural(errors, 'error')} in ${plural(files, 'file')}.\nRun "kla validate" to see them and correct the workbooks, or use --allow-invalid to score without the answers that have errors.`,
      ) + '\n',
    );
    return 1;
  }
  if (report.submissions.length === 0) {
    throw new KlaError({
      id: `Tidak ada lembar kerja OPD yang dapat dinilai${inputs.length ? ` pada ${inputs.join(', ')}` : ` di folder ${project.paths.submissions}`}.`,
      en: `No OPD workbook to score${inputs.length ? ` in ${inputs.join(', ')}` : ` in folder ${project.paths.submissions}`}.`,
    });
  }

  const answers = report.submissions.flatMap((s) => s.answers);
  const options: ScoreOptions = {
    opdOrder: project.config.opds.map((o) => o.code),
    responsible: (q) => project.opdsForQuestion(q).map((o) => o.code),
  };
  if (evidence) options.evidence = evidence;
  const whatIf = settings.size > 0 ? applyWhatIf(catalog, answers, settings, options) : undefined;
  const result = whatIf ? whatIf.baseline : score(catalog, answers, options);

  const view: ScoreView = {
    catalog,
    report: result,
    district: project.districtName,
    year: project.config.year,
    plan: opts.target === undefined ? undefined : gapPlan(result, catalog.predikat, opts.target),
  };
  if (evidenceDir !== undefined) view.evidenceDir = path.relative(ctx.cwd, evidenceDir) || '.';
  if (whatIf) view.whatIf = whatIf;
  if (baseline) view.comparison = { result: compareBaseline(result, baseline), file: opts.baseline! };

  if (errors > 0) {
    const unreadable = report.files.filter((f) => f.status === 'unreadable').map((f) => f.file);
    const lines = id
      ? [`Perhatian: pemeriksaan menemukan ${errors} kesalahan; ${result.ignoredAnswers.length} jawaban diabaikan dalam penilaian (lihat daftarnya pada hasil).`]
      : [`Warning: validation found ${plural(errors, 'error')}; ${plural(result.ignoredAnswers.length, 'answer')} left out of scoring (listed in the result).`];
    if (unreadable.length > 0) {
      lines.push(id ? `Berkas yang tidak dapat dibaca dan tidak ikut dinilai: ${unreadable.join(', ')}.` : `Files that could not be read and were not scored: ${unreadable.join(', ')}.`);
    }
    ctx.err(ctx.paint.warn(lines.join('\n')) + '\n');
  }

  const text = opts.format === 'json' ? `${JSON.stringify(toScoreJson(view), null, 2)}\n` : formatScoreTable(view, ctx.lang);
  if (opts.out === undefined) {
    ctx.out(text);
  } else {
    const file = path.resolve(ctx.cwd, opts.out);
    try {
      writeFileAtomic(file, text);
    } catch (e) {
      throw new KlaError({ id: `Berkas ${opts.out} tidak dapat ditulis: ${(e as Error).message}`, en: `Cannot write ${opts.out}: ${(e as Error).message}` });
    }
    ctx.err(id ? `Hasil penilaian ditulis ke ${opts.out}.\n` : `Score written to ${opts.out}.\n`);
  }
  return 0;
}
