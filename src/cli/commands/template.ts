/** `kla template`: one Excel template per OPD and the DPPPA profile workbook (or those chosen by --opd and --profile) into the project's templates folder. */
import path from 'node:path';
import { report as note, shown, type CliContext } from '../context.js';
import { openProject } from '../project.js';
import { questionsForOpd } from '../../project/config.js';
import { writeTemplates } from '../../workbook/template.js';
import { sourceDateEpoch } from '../options.js';
import { say } from '../messages.js';

export default async function run(_args: string[], opts: Record<string, unknown>, ctx: CliContext): Promise<number> {
  const project = openProject(opts.project as string | undefined, ctx.cwd);
  for (const w of project.warnings) note(ctx, w);
  const outDir = opts.out !== undefined ? path.resolve(ctx.cwd, String(opts.out)) : project.paths.templates;
  const codes = (opts.opd as string[] | undefined) ?? [];
  const progress = await ctx.progress(say(ctx.lang, 'writingTemplates'));
  let files: { file: string; opd: string | null }[];
  try {
    const date = sourceDateEpoch(ctx.env);
    files = await writeTemplates(project, outDir, codes, {
      ...(date ? { date } : {}),
      ...(opts.profile ? { profile: true } : {}),
      overwrite: Boolean(opts.force),
      onBuilt: (_file, opd, done, total) => progress.update(opd ? say(ctx.lang, 'templateDone', { opd: opd.code, done, total }) : say(ctx.lang, 'profileDone', { done, total })),
    });
  } finally {
    progress.stop();
  }
  for (const f of files) {
    const line =
      f.opd === null
        ? say(ctx.lang, 'profileLine', { file: shown(ctx, f.file) })
        : say(ctx.lang, 'templateLine', { opd: f.opd, file: shown(ctx, f.file), questions: questionsForOpd(project, f.opd).length });
    ctx.out(`  ${line}\n`);
  }
  const profile = files.some((f) => f.opd === null);
  ctx.out(`${ctx.paint.ok(say(ctx.lang, 'templatesWritten', { count: files.length, dir: shown(ctx, outDir), profile }))}\n`);
  return 0;
}
