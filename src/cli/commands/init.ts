/** `kla init <folder>`: a new district project. */
import path from 'node:path';
import { report as note, shown, type CliContext } from '../context.js';
import { refusal } from '../../diagnostics/index.js';
import { assertNoProject, initProject } from '../../project/init.js';
import { say } from '../messages.js';
import { commandLine } from '../shell.js';

const given = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

export default async function run(args: string[], opts: Record<string, unknown>, ctx: CliContext): Promise<number> {
  let year: number | undefined;
  if (opts.year !== undefined) {
    year = Number(opts.year);
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw refusal('KLA-E507', { value: String(opts.year) }, { location: { file: '', option: '--year' } });
  }
  const dir = path.resolve(ctx.cwd, args[0]!);
  // Before any question: nobody should type a district only to hear the folder is taken.
  assertNoProject(dir);
  // Asked on a terminal; elsewhere (a script, CI) initProject refuses what is missing.
  const district = given(opts.district) ?? (await ctx.ask(say(ctx.lang, 'askDistrict')));
  const province = given(opts.province) ?? (await ctx.ask(say(ctx.lang, 'askProvince')));
  const r = initProject({
    dir,
    ...(district !== undefined ? { district } : {}),
    ...(province !== undefined ? { province } : {}),
    kind: opts.kind as 'kabupaten' | 'kota' | undefined,
    year,
    ...(typeof opts.catalog === 'string' ? { catalog: opts.catalog, cwd: ctx.cwd } : {}),
  });
  const c = r.config;
  const rel = (p: string) => shown(ctx, p);
  const project = ['--project', rel(r.dir)];
  const lines = [
    ctx.paint.ok(say(ctx.lang, 'projectCreated', { dir: rel(r.dir), district: `${c.district.kind === 'kota' ? 'Kota' : 'Kabupaten'} ${c.district.name}`, province: c.district.province, year: c.year, catalog: c.catalog, opds: c.opds.length })),
    say(ctx.lang, 'projectConfig', { file: rel(r.configFile) }),
    say(ctx.lang, 'projectFolders', { folders: r.folders.map(rel).join(', ') }),
    '',
    say(ctx.lang, 'nextSteps'),
    say(ctx.lang, 'nextCheckConfig', { file: rel(r.configFile), kabupaten: c.district.kind === 'kabupaten' }),
    say(ctx.lang, 'nextTemplates', { command: commandLine(ctx.env, ['template', ...project]) }),
    say(ctx.lang, 'nextValidate', { folder: rel(path.join(r.dir, c.paths.submissions)), command: commandLine(ctx.env, ['validate', ...project]) }),
    say(ctx.lang, 'nextFeedback', { command: commandLine(ctx.env, ['feedback', ...project]) }),
    say(ctx.lang, 'nextBuild', { command: commandLine(ctx.env, ['build', ...project]) }),
  ];
  ctx.out(`${lines.join('\n')}\n`);
  for (const w of r.warnings) note(ctx, w);
  return 0;
}
