/** `kla init <folder>`: a new district project. */
import path from 'node:path';
import { shown, type CliContext } from '../context.js';
import { refusal } from '../../diagnostics/index.js';
import { initProject } from '../../project/init.js';
import { say } from '../messages.js';

export default async function run(args: string[], opts: Record<string, unknown>, ctx: CliContext): Promise<number> {
  let year: number | undefined;
  if (opts.year !== undefined) {
    year = Number(opts.year);
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw refusal('KLA-E507', { value: String(opts.year) }, { location: { file: '', option: '--year' } });
  }
  const r = initProject({
    dir: path.resolve(ctx.cwd, args[0]!),
    district: opts.district as string | undefined,
    kind: opts.kind as 'kabupaten' | 'kota' | undefined,
    province: opts.province as string | undefined,
    year,
    ...(typeof opts.catalog === 'string' ? { catalog: opts.catalog, cwd: ctx.cwd } : {}),
  });
  const c = r.config;
  const rel = (p: string) => shown(ctx, p);
  const lines = [
    ctx.paint.ok(say(ctx.lang, 'projectCreated', { dir: rel(r.dir), district: `${c.district.kind === 'kota' ? 'Kota' : 'Kabupaten'} ${c.district.name}`, year: c.year, catalog: c.catalog, opds: c.opds.length })),
    say(ctx.lang, 'projectConfig', { file: rel(r.configFile) }),
    say(ctx.lang, 'projectFolders', { folders: r.folders.map(rel).join(', ') }),
    '',
    say(ctx.lang, 'nextSteps'),
    say(ctx.lang, 'nextCheckConfig', { file: rel(r.configFile) }),
    say(ctx.lang, 'nextTemplates', { command: `kla template --project ${rel(r.dir)}` }),
  ];
  ctx.out(`${lines.join('\n')}\n`);
  return 0;
}
