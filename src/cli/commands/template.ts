import path from 'node:path';
import type { CliContext } from '../context.js';
import { openProject } from '../project.js';
import { writeTemplates } from '../../workbook/template.js';

/** `kla template`: one Excel template per OPD (or per --opd code) into the project's templates folder. */
export default async function run(_args: string[], opts: Record<string, unknown>, ctx: CliContext): Promise<number> {
  const project = openProject(opts.project as string | undefined, ctx.cwd);
  for (const w of project.warnings) ctx.err(`${ctx.paint.warn(w[ctx.lang])}\n`);
  const outDir = opts.out !== undefined ? path.resolve(ctx.cwd, String(opts.out)) : project.paths.templates;
  const codes = (opts.opd as string[] | undefined) ?? [];
  const progress = await ctx.progress(ctx.lang === 'id' ? 'Menyusun templat OPD…' : 'Writing OPD templates…');
  let files: string[];
  try {
    files = await writeTemplates(project, outDir, codes);
  } catch (e) {
    progress.stop();
    throw e;
  }
  progress.stop();
  const rel = (p: string) => path.relative(ctx.cwd, p) || p;
  for (const f of files) ctx.out(`  ${rel(f)}\n`);
  const n = files.length;
  ctx.out(
    ctx.lang === 'id'
      ? `${ctx.paint.ok(`${n} templat ditulis`)} ke ${rel(outDir)}. Kirimkan setiap berkas kepada OPD yang bersangkutan.\n`
      : `${ctx.paint.ok(`${n} template${n === 1 ? '' : 's'} written`)} to ${rel(outDir)}. Send each file to its OPD.\n`,
  );
  return 0;
}
