/**
 * `kla build`: validate, score and render the dossier (and optionally a recap
 * workbook), then write every output or none. Options in, pipeline, files
 * out, exit code.
 */
import path from 'node:path';
import { report as note, shown, withProgress, type CliContext } from '../context.js';
import { openProjectFor } from '../project.js';
import { refusal } from '../../diagnostics/index.js';
import { formatNumber } from '../../i18n.js';
import { checkWritable, outputTarget, writeOutputs, type Output } from '../../io/files.js';
import { build } from '../../pipeline.js';
import { roundShown, totalDigits } from '../../score/index.js';
import { say } from '../messages.js';
import { sourceDateEpoch } from '../options.js';

interface BuildOpts {
  project?: string;
  out?: string;
  draft?: boolean;
  xlsx?: string;
  templates?: string;
  evidence?: string;
}

export default async function run(args: string[], rawOpts: Record<string, unknown>, ctx: CliContext): Promise<number> {
  const opts = rawOpts as BuildOpts;
  const { project, inputs } = openProjectFor(opts.project, args, ctx.cwd);
  // -o names the dossier or its folder; the working report goes beside it; --xlsx names the recap or its folder.
  const out = opts.out !== undefined ? outputTarget(ctx.cwd, opts.out, '.pdf') : { folder: project.paths.output };
  const xlsx = opts.xlsx !== undefined ? outputTarget(ctx.cwd, opts.xlsx, '.xlsx') : undefined;
  if (xlsx?.file !== undefined && xlsx.file === out.file) throw refusal('KLA-E511', { file: out.file }, { location: { file: '', option: '--xlsx' } });

  const date = sourceDateEpoch(ctx.env);
  // What is on disk can refuse the outputs before the documents take their time to render.
  checkWritable([out.file ?? path.join(out.folder, 'dokumen.pdf'), ...(xlsx ? [xlsx.file ?? path.join(xlsx.folder, 'rekap.xlsx')] : [])]);
  const b = await withProgress(ctx, '', (progress) =>
    build(project, {
      inputs,
      cwd: ctx.cwd,
      onStage: (stage) => progress.update(say(ctx.lang, stage)),
      draft: Boolean(opts.draft),
      recap: xlsx !== undefined,
      ...(opts.templates !== undefined ? { templates: opts.templates } : {}),
      ...(opts.evidence !== undefined ? { evidence: opts.evidence } : {}),
      ...(date ? { date } : {}),
    }),
  );

  const target = (kind: string, fileName: string) =>
    kind === 'recap' ? (xlsx!.file ?? path.join(xlsx!.folder, fileName)) : kind === 'dossier' ? (out.file ?? path.join(out.folder, fileName)) : path.join(out.folder, fileName);
  const outputs: Output[] = b.documents.map((d) => ({ file: target(d.kind, d.fileName), data: d.bytes }));
  writeOutputs(outputs);

  for (const d of b.documents) {
    const file = shown(ctx, target(d.kind, d.fileName));
    const line = d.kind === 'recap' ? say(ctx.lang, 'recapWritten', { file }) : d.kind === 'report' ? say(ctx.lang, 'reportPdfWritten', { file, pages: d.pages ?? 0 }) : say(ctx.lang, 'dossierWritten', { file, pages: d.pages ?? 0, draft: b.draft });
    ctx.err(`${line}\n`);
  }
  const p = project.catalog.predikat;
  const total = (x: number) => formatNumber(roundShown(x, totalDigits(x, p)), ctx.lang, totalDigits(x, p));
  const none = say(ctx.lang, 'noPredikat');
  ctx.out(
    `${say(ctx.lang, 'totals', {
      total: total(b.result.total),
      predikat: b.result.predikat ?? none,
      forecast: total(b.result.forecast.total),
      forecastPredikat: b.result.forecast.predikat ?? none,
    })}\n`,
  );
  for (const n of b.notes) note(ctx, n);
  return 0;
}
