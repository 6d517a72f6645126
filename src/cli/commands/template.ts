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
  const id = ctx.lang === 'id';
  // A folder outside the current one reads better as a full path than as ../../…
  const shown = (p: string) => {
    const r = path.relative(ctx.cwd, p);
    return r === '' ? '.' : r.startsWith('..') || path.isAbsolute(r) ? p : r;
  };
  const progress = await ctx.progress(id ? 'Menyusun templat OPD…' : 'Writing OPD templates…');
  const lines: string[] = [];
  let files: string[];
  try {
    files = await writeTemplates(project, outDir, codes, (file, opd, n) => {
      progress.update(id ? `Templat ${opd.code} selesai` : `Template ${opd.code} done`);
      lines.push(`  ${opd.code.padEnd(12)} ${shown(file)} ${ctx.paint.dim(id ? `(${n} pertanyaan)` : `(${n} question${n === 1 ? '' : 's'})`)}\n`);
    });
  } finally {
    progress.stop();
  }
  for (const l of lines) ctx.out(l);
  const n = files.length;
  ctx.out(
    id
      ? `${ctx.paint.ok(`${n} templat ditulis`)} ke ${shown(outDir)}. Kirimkan setiap berkas kepada OPD yang bersangkutan.\n`
      : `${ctx.paint.ok(`${n} template${n === 1 ? '' : 's'} written`)} to ${shown(outDir)}. Send each file to its OPD.\n`,
  );
  return 0;
}
