/**
 * The command line: wires commander to the command modules and maps every
 * outcome to an exit code (0 clean, 1 findings, 2 usage error or failure, as
 * ESLint does). Command modules are imported only when their command runs, so
 * `kla --help` and `kla --version` load neither exceljs nor pdfmake.
 */
import { Command, CommanderError, Option } from 'commander';
import type { Lang } from '../i18n.js';
import type { Diagnostic } from '../model.js';
import { diag, formatRefusal, KlaError } from '../diagnostics/index.js';
import { toolVersion } from '../version.js';
import { nearest } from '../score/evidence.js';
import type { CliContext } from './context.js';
import { makeContext } from './context.js';
import { HELP_TEXT, helpConfiguration } from './help.js';

type Handler = (args: string[], opts: Record<string, unknown>, ctx: CliContext) => Promise<number>;

/** Each command's module exports `default: Handler`. */
const commands: Record<string, () => Promise<{ default: Handler }>> = {
  init: () => import('./commands/init.js'),
  template: () => import('./commands/template.js'),
  validate: () => import('./commands/validate.js'),
  score: () => import('./commands/score.js'),
  build: () => import('./commands/build.js'),
  status: () => import('./commands/status.js'),
  feedback: () => import('./commands/feedback.js'),
};

/** The language asked for, read before commander so help texts can follow it. */
export function detectLang(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const v = i < 0 ? env.KLA_LANG : argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return v === 'en' ? 'en' : 'id';
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

export function buildProgram(
  lang: Lang,
  run: (name: string, args: string[], opts: Record<string, unknown>) => Promise<void>,
  io: { out(s: string): void; err(s: string): void },
): Command {
  const t = HELP_TEXT[lang];
  const v = t.ph;
  const program = new Command('kla')
    // Set before the subcommands are added so they inherit them. Usage errors are printed by main(), translated.
    .configureHelp(helpConfiguration(lang))
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: () => undefined })
    .description(t.desc)
    .version(toolVersion(), '-V, --version', t.version)
    .helpOption('-h, --help', t.help)
    .addOption(new Option(`--lang <${v.lang}>`, t.lang).choices(['id', 'en']).default('id'))
    .option('--no-color', t.noColor)
    .option('--no-progress', t.noProgress)
    .exitOverride()
    .showHelpAfterError(false);
  program.helpCommand(false);

  const projectOpt = () => new Option(`-p, --project <${v.folder}>`, t.project);

  program
    .command('init')
    .description(t.init)
    .argument(`<${v.folder}>`, t.initDir)
    .option(`--district <${v.name}>`, t.district)
    .addOption(new Option(`--kind <${v.kind}>`, t.kind).choices(['kabupaten', 'kota']))
    .option(`--province <${v.name}>`, t.province)
    .option(`--year <${v.year}>`, t.year)
    .option(`--catalog <${v.catalog}>`, t.catalog)
    .action((dir: string, opts) => run('init', [dir], opts));

  program
    .command('template')
    .description(t.template)
    .addOption(projectOpt())
    .option(`-o, --out <${v.folder}>`, t.templateOut)
    .option(`--opd <${v.code}>`, t.opd, collect)
    .option('--force', t.force)
    .option('--profile', t.profileOnly)
    .option('--matrix', t.matrix)
    .option(`--kecamatan <${v.name}>`, t.kecamatan, collect)
    .option('--per-kecamatan', t.perKecamatan)
    .action((opts) => run('template', [], opts));

  program
    .command('validate')
    .description(t.validate)
    .argument(`[${v.files}...]`, t.inputs)
    .addOption(projectOpt())
    .addOption(new Option(`-f, --format <${v.format}>`, t.format).choices(['pretty', 'json', 'junit', 'github']).default('pretty'))
    .option(`-o, --out <${v.file}>`, t.out)
    .option(`--max-warnings <${v.n}>`, t.maxWarnings)
    .option(`-j, --jobs <${v.n}>`, t.jobs)
    .option('--coverage', t.coverage)
    .action((inputs: string[], opts) => run('validate', inputs, opts));

  program
    .command('score')
    .description(t.score)
    .argument(`[${v.files}...]`, t.inputs)
    .addOption(projectOpt())
    .addOption(new Option(`-f, --format <${v.format}>`, t.format).choices(['table', 'json']).default('table'))
    .option(`-o, --out <${v.file}>`, t.out)
    .option(`--set <${v.set}>`, t.set, collect)
    .option(`--what-if <${v.file}>`, t.whatIf)
    .option(`--target <${v.predikat}>`, t.target)
    .option(`--baseline <${v.file}>`, t.baseline)
    .option(`--evidence <${v.folder}>`, t.evidence)
    .option('--allow-invalid', t.allowInvalid)
    .action((inputs: string[], opts) => run('score', inputs, opts));

  program
    .command('build')
    .description(t.build)
    .argument(`[${v.files}...]`, t.inputs)
    .addOption(projectOpt())
    .option(`-o, --out <${v.file}>`, t.buildOut)
    .option('--draft', t.draft)
    .option(`--xlsx <${v.file}>`, t.xlsx)
    .option(`--templates <${v.folder}>`, t.templates)
    .option(`--evidence <${v.folder}>`, t.evidence)
    .action((inputs: string[], opts) => run('build', inputs, opts));

  program
    .command('status')
    .description(t.status)
    .argument(`[${v.files}...]`, t.inputs)
    .addOption(projectOpt())
    .addOption(new Option(`-f, --format <${v.format}>`, t.format).choices(['table', 'json', 'xlsx']).default('table'))
    .option(`-o, --out <${v.file}>`, t.statusOut)
    .option(`--evidence <${v.folder}>`, t.evidence)
    .option(`-j, --jobs <${v.n}>`, t.jobs)
    .action((inputs: string[], opts) => run('status', inputs, opts));

  program
    .command('feedback')
    .description(t.feedback)
    .argument(`[${v.files}...]`, t.inputs)
    .addOption(projectOpt())
    .option(`--opd <${v.code}>`, t.feedbackOpd, collect)
    .addOption(new Option(`-f, --format <${v.format}>`, t.format).choices(['table', 'json']).default('table'))
    .option(`-o, --out <${v.folder}>`, t.feedbackOut)
    .option(`--evidence <${v.folder}>`, t.evidence)
    .option(`-j, --jobs <${v.n}>`, t.jobs)
    .action((inputs: string[], opts) => run('feedback', inputs, opts));

  return program;
}

/** A commander usage error as a diagnostic of the registry. */
export function usageDiagnostic(e: CommanderError, command?: string): Diagnostic {
  const q = [...e.message.matchAll(/'([^']*)'/g)].map((m) => m[1] ?? '');
  const suggestion = /\(Did you mean ([^?]+)\?\)/.exec(e.message)?.[1]?.trim();
  const at = (option: string) => ({ file: '', option });
  switch (e.code) {
    case 'commander.unknownCommand':
      return diag('KLA-E501', { command: q[0] ?? '', ...(suggestion ? { suggestion } : {}) }, at(q[0] ?? ''));
    case 'commander.unknownOption':
      return diag('KLA-E502', { option: q[0] ?? '', ...(suggestion ? { suggestion } : {}), ...(command ? { command } : {}) }, at(q[0] ?? ''));
    case 'commander.missingArgument':
      return diag('KLA-E503', { argument: q[0] ?? '', ...(command ? { command } : {}) }, at(q[0] ?? ''));
    case 'commander.optionMissingArgument':
      return diag('KLA-E504', { option: q[0] ?? '' }, at(q[0] ?? ''));
    case 'commander.invalidArgument': {
      const choices = /Allowed choices are (.*)\.$/.exec(e.message)?.[1]?.split(',').map((c) => c.trim()) ?? [];
      // "JSON" or "jsno" for json: the choice meant.
      const meant = nearest((q[1] ?? '').trim().toLowerCase(), choices.map((c) => [c.toLowerCase(), c] as const));
      return diag('KLA-E505', { option: q[0] ?? '', value: q[1] ?? '', choices, ...(meant ? { suggestion: meant } : {}) }, at(q[0] ?? ''));
    }
    default:
      return diag('KLA-E506', { command: q[0] ?? 'kla' }, at(''));
  }
}

/**
 * Run the CLI with `argv` (without node and script) and return the exit code.
 * Never throws and never calls process.exit.
 */
export async function main(argv: string[], io = makeContext(detectLang(argv, process.env))): Promise<number> {
  const ctx = io;
  let code = 0;
  const program = buildProgram(ctx.lang, async (name, args, opts) => {
    const globals = program.opts();
    ctx.applyGlobals({ color: globals.color !== false, progress: globals.progress !== false });
    const mod = await commands[name]!();
    code = await mod.default(args, opts, ctx);
  }, ctx);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      // The command whose options or arguments were wrong, so the message can name its own help page.
      const command = argv.find((a) => program.commands.some((c) => c.name() === a));
      ctx.err(`${ctx.paint.error(formatRefusal(new KlaError([usageDiagnostic(e, command)]), ctx.lang, { cwd: ctx.cwd }))}\n`);
      return 2;
    }
    if (e instanceof KlaError) {
      ctx.err(`${ctx.paint.error(formatRefusal(e, ctx.lang, { cwd: ctx.cwd }))}\n`);
      return e.exitCode;
    }
    const detail = e instanceof Error ? e.message : String(e);
    ctx.err(`${ctx.paint.error(formatRefusal(new KlaError([diag('KLA-E900', { detail })]), ctx.lang))}\n`);
    if (ctx.env.KLA_DEBUG && e instanceof Error) ctx.err(`${e.stack}\n`);
    return 2;
  }
}
