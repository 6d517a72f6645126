/**
 * `kla template`: one Excel template per OPD and the DPPPA profile workbook
 * (or those chosen by --opd and --profile) into the project's templates
 * folder; with --matrix (or --kecamatan, --per-kecamatan) the Kelana/Dekela
 * matrix instead, its rows from the profile workbook in the submissions folder.
 */
import path from 'node:path';
import { report as note, shown, withProgress, type CliContext } from '../context.js';
import { openProject } from '../project.js';
import { questionsForOpd, type Project } from '../../project/config.js';
import { writeTemplates } from '../../workbook/template.js';
import { writeMatrixTemplates } from '../../workbook/matrix-template.js';
import { matrixAreas } from '../../validate/index.js';
import { sourceDateEpoch } from '../options.js';
import { say } from '../messages.js';
import { refusal } from '../../diagnostics/index.js';

export default async function run(_args: string[], opts: Record<string, unknown>, ctx: CliContext): Promise<number> {
  const project = openProject(opts.project as string | undefined, ctx.cwd);
  for (const w of project.warnings) note(ctx, w);
  const outDir = opts.out !== undefined ? path.resolve(ctx.cwd, String(opts.out)) : project.paths.templates;
  const kecamatan = (opts.kecamatan as string[] | undefined) ?? [];
  if (opts.matrix || opts.perKecamatan || kecamatan.length > 0) {
    const others = [...((opts.opd as string[] | undefined)?.length ? ['--opd'] : []), ...(opts.profile ? ['--profile'] : [])];
    if (others.length > 0) throw refusal('KLA-E534', { options: others }, { location: { file: '', option: others[0]! } });
    return matrix(project, outDir, kecamatan, opts, ctx);
  }
  const codes = (opts.opd as string[] | undefined) ?? [];
  const date = sourceDateEpoch(ctx.env);
  const { files, earlier } = await withProgress(ctx, say(ctx.lang, 'writingTemplates'), (progress) =>
    writeTemplates(project, outDir, codes, {
      ...(date ? { date } : {}),
      ...(opts.profile ? { profile: true } : {}),
      overwrite: Boolean(opts.force),
      onBuilt: (_file, opd, done, total) => progress.update(opd ? say(ctx.lang, 'templateDone', { opd: opd.code, done, total }) : say(ctx.lang, 'profileDone', { done, total })),
    }),
  );
  for (const f of files) {
    const line =
      f.opd === null
        ? say(ctx.lang, 'profileLine', { file: shown(ctx, f.file) })
        : say(ctx.lang, 'templateLine', { opd: f.opd, file: shown(ctx, f.file), questions: questionsForOpd(project, f.opd).length });
    ctx.out(`  ${line}\n`);
  }
  const profile = files.some((f) => f.opd === null);
  ctx.out(`${ctx.paint.ok(say(ctx.lang, 'templatesWritten', { count: files.length, dir: shown(ctx, outDir), profile }))}\n`);
  for (const fate of ['removed', 'changed', 'busy'] as const) {
    if (earlier[fate].length > 0) ctx.out(`${[say(ctx.lang, 'earlierFiles', { what: 'templates', fate, count: earlier[fate].length }), ...earlier[fate].map((x) => `  ${path.basename(x)}`)].join('\n')}\n`);
  }
  return 0;
}

async function matrix(project: Project, outDir: string, kecamatan: string[], opts: Record<string, unknown>, ctx: CliContext): Promise<number> {
  const date = sourceDateEpoch(ctx.env);
  const { areas, files } = await withProgress(ctx, say(ctx.lang, 'writingMatrix'), async (progress) => {
    const areas = await matrixAreas(project, { cwd: ctx.cwd });
    const files = await writeMatrixTemplates(project, outDir, areas, {
      ...(date ? { date } : {}),
      kecamatan,
      perKecamatan: Boolean(opts.perKecamatan),
      overwrite: Boolean(opts.force),
      onBuilt: (_file, _k, done, total) => progress.update(say(ctx.lang, 'matrixDone', { done, total })),
    });
    return { areas, files };
  });
  for (const f of files) {
    const rows = f.kecamatan === null ? areas : areas.filter((k) => k.name === f.kecamatan);
    const desaRows = rows.reduce((n, k) => n + k.desa.length, 0);
    ctx.out(`  ${say(ctx.lang, 'matrixLine', { file: shown(ctx, f.file), kecamatan: f.kecamatan, kecamatanRows: rows.length, desaRows })}\n`);
  }
  ctx.out(`${ctx.paint.ok(say(ctx.lang, 'matrixWritten', { count: files.length, dir: shown(ctx, outDir), perKecamatan: files.some((f) => f.kecamatan !== null) }))}\n`);
  return 0;
}
