/**
 * The command line: wires commander to the command modules and maps every
 * outcome to an exit code (0 clean, 1 findings, 2 usage error or failure, as
 * ESLint does). Command modules are imported only when their command runs, so
 * `kla --help` and `kla --version` load neither exceljs nor pdfmake.
 */
import { Command, CommanderError, Help, Option } from 'commander';
import type { Lang } from '../i18n.js';
import type { Diagnostic } from '../model.js';
import { diag, formatRefusal, KlaError } from '../diagnostics/index.js';
import { toolVersion } from '../version.js';
import type { CliContext } from './context.js';
import { makeContext } from './context.js';

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

const T = {
  id: {
    desc: 'Menyusun dokumen evaluasi mandiri Kabupaten/Kota Layak Anak (KLA) dari lembar kerja Excel OPD.',
    lang: 'bahasa keluaran: id (bawaan) atau en',
    noColor: 'tanpa warna',
    noProgress: 'tanpa indikator kemajuan',
    project: 'folder proyek (bawaan: folder saat ini atau induknya yang memuat kla.config.json)',
    init: 'membuat folder proyek kabupaten/kota baru',
    initDir: 'folder proyek yang akan dibuat',
    district: 'nama kabupaten/kota tanpa awalan, mis. "Merangin"',
    kind: 'kabupaten atau kota',
    province: 'nama provinsi, mis. "Jambi"',
    year: 'tahun yang dievaluasi',
    template: 'membuat satu templat Excel untuk setiap OPD',
    templateOut: 'folder tujuan (bawaan: folder templates di proyek)',
    opd: 'hanya OPD dengan kode ini (dapat diulang)',
    validate: 'memeriksa lembar kerja yang dikirim OPD',
    inputs: 'berkas, folder, atau pola glob (bawaan: folder submissions di proyek)',
    format: 'format laporan',
    out: 'tulis laporan ke berkas',
    maxWarnings: 'gagal (kode keluar 1) bila peringatan lebih dari N',
    jobs: 'jumlah pekerja paralel (bawaan: jumlah CPU)',
    score: 'menghitung nilai per indikator, klaster, total dan predikat',
    set: 'what-if: ubah jawaban, mis. --set 12.3=92,5 (dapat diulang)',
    whatIf: 'what-if dari berkas JSON',
    target: 'rencana menutup kesenjangan menuju predikat ini',
    baseline: 'bandingkan dengan JSON hasil kla score sebelumnya',
    evidence: 'folder data dukung untuk memeriksa berkas yang disebut',
    allowInvalid: 'tetap menghitung walau ada kesalahan validasi',
    build: 'memvalidasi, menghitung nilai, dan menyusun dokumen PDF',
    buildOut: 'berkas PDF tujuan (bawaan: output/dokumen-kla-<tahun>.pdf di proyek)',
    draft: 'tetap menyusun dokumen walau ada kesalahan, dengan tanda DRAF',
    xlsx: 'juga tulis rekap Excel ke berkas ini',
    templates: 'folder templat naskah milik kabupaten/kota',
    status: 'menampilkan status lembar kerja setiap OPD: diterima atau belum, temuan, jawaban, data dukung',
    statusOut: 'tulis ke berkas (format xlsx bawaan: output/status-opd-kla-<tahun>.xlsx di proyek)',
    feedback: 'menulis untuk setiap OPD salinan lembar kerjanya bertanda dan surat resmi tentang perbaikannya',
    feedbackOpd: 'hanya OPD dengan kode ini (dapat diulang)',
    feedbackOut: 'folder tujuan (bawaan: folder output/umpan-balik di proyek)',
    help: 'tampilkan bantuan',
    version: 'tampilkan versi',
  },
  en: {
    desc: 'Compiles the Kabupaten/Kota Layak Anak (KLA) self-evaluation dossier from OPD Excel workbooks.',
    lang: 'output language: id (default) or en',
    noColor: 'no colour',
    noProgress: 'no progress indicator',
    project: 'project folder (default: the current folder or its parent holding kla.config.json)',
    init: 'create a new district project folder',
    initDir: 'project folder to create',
    district: 'district name without prefix, e.g. "Merangin"',
    kind: 'kabupaten or kota',
    province: 'province name, e.g. "Jambi"',
    year: 'evaluated year',
    template: 'write one Excel template per OPD',
    templateOut: 'output folder (default: the project templates folder)',
    opd: 'only the OPD with this code (repeatable)',
    validate: 'check the workbooks returned by OPDs',
    inputs: 'files, folders or glob patterns (default: the project submissions folder)',
    format: 'report format',
    out: 'write the report to a file',
    maxWarnings: 'fail (exit code 1) when there are more than N warnings',
    jobs: 'parallel workers (default: number of CPUs)',
    score: 'compute points per indicator, cluster, total and predikat',
    set: 'what-if: change an answer, e.g. --set 12.3=92.5 (repeatable)',
    whatIf: 'what-if from a JSON file',
    target: 'gap plan towards this predikat',
    baseline: 'compare with the JSON of an earlier kla score',
    evidence: 'evidence folder, to check that named files exist',
    allowInvalid: 'score even when validation finds errors',
    build: 'validate, score and render the PDF dossier',
    buildOut: 'PDF file to write (default: output/dokumen-kla-<year>.pdf in the project)',
    draft: 'render despite errors, marked DRAF',
    xlsx: 'also write a recap workbook to this file',
    templates: "folder with the district's own narrative templates",
    status: "show each OPD's workbook status: received or not, findings, answers, evidence",
    statusOut: 'write to a file (xlsx default: output/status-opd-kla-<year>.xlsx in the project)',
    feedback: 'write for each OPD an annotated copy of its workbook and a formal letter about what to fix',
    feedbackOpd: 'only the OPD with this code (repeatable)',
    feedbackOut: 'output folder (default: output/umpan-balik in the project)',
    help: 'show help',
    version: 'show version',
  },
} as const;

const collect = (v: string, prev: string[] = []) => [...prev, v];

export function buildProgram(
  lang: Lang,
  run: (name: string, args: string[], opts: Record<string, unknown>) => Promise<void>,
  io: { out(s: string): void; err(s: string): void },
): Command {
  const t = T[lang];
  const program = new Command('kla')
    .description(t.desc)
    .version(toolVersion(), '-V, --version', t.version)
    .helpOption('-h, --help', t.help)
    .addOption(new Option('--lang <lang>', t.lang).choices(['id', 'en']).default('id'))
    .option('--no-color', t.noColor)
    .option('--no-progress', t.noProgress)
    .exitOverride()
    .showHelpAfterError(false)
    // Set before the subcommands are added so they inherit it. Usage errors are printed by main(), translated.
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: () => undefined });
  program.helpCommand(false);
  if (lang === 'id') program.configureHelp(indonesianHelp);

  const projectOpt = () => new Option('-p, --project <dir>', t.project);

  program
    .command('init')
    .description(t.init)
    .argument('<dir>', t.initDir)
    .option('--district <name>', t.district)
    .addOption(new Option('--kind <kind>', t.kind).choices(['kabupaten', 'kota']))
    .option('--province <name>', t.province)
    .option('--year <year>', t.year)
    .action((dir: string, opts) => run('init', [dir], opts));

  program
    .command('template')
    .description(t.template)
    .addOption(projectOpt())
    .option('-o, --out <dir>', t.templateOut)
    .option('--opd <code>', t.opd, collect)
    .action((opts) => run('template', [], opts));

  program
    .command('validate')
    .description(t.validate)
    .argument('[inputs...]', t.inputs)
    .addOption(projectOpt())
    .addOption(new Option('-f, --format <format>', t.format).choices(['pretty', 'json', 'junit', 'github']).default('pretty'))
    .option('-o, --out <file>', t.out)
    .option('--max-warnings <n>', t.maxWarnings)
    .option('-j, --jobs <n>', t.jobs)
    .action((inputs: string[], opts) => run('validate', inputs, opts));

  program
    .command('score')
    .description(t.score)
    .argument('[inputs...]', t.inputs)
    .addOption(projectOpt())
    .addOption(new Option('-f, --format <format>', t.format).choices(['table', 'json']).default('table'))
    .option('-o, --out <file>', t.out)
    .option('--set <id=value>', t.set, collect)
    .option('--what-if <file>', t.whatIf)
    .option('--target <predikat>', t.target)
    .option('--baseline <file>', t.baseline)
    .option('--evidence <dir>', t.evidence)
    .option('--allow-invalid', t.allowInvalid)
    .action((inputs: string[], opts) => run('score', inputs, opts));

  program
    .command('build')
    .description(t.build)
    .argument('[inputs...]', t.inputs)
    .addOption(projectOpt())
    .option('-o, --out <file>', t.buildOut)
    .option('--draft', t.draft)
    .option('--xlsx <file>', t.xlsx)
    .option('--templates <dir>', t.templates)
    .option('--evidence <dir>', t.evidence)
    .action((inputs: string[], opts) => run('build', inputs, opts));

  program
    .command('status')
    .description(t.status)
    .argument('[inputs...]', t.inputs)
    .addOption(projectOpt())
    .addOption(new Option('-f, --format <format>', t.format).choices(['table', 'json', 'xlsx']).default('table'))
    .option('-o, --out <file>', t.statusOut)
    .option('--evidence <dir>', t.evidence)
    .option('-j, --jobs <n>', t.jobs)
    .action((inputs: string[], opts) => run('status', inputs, opts));

  program
    .command('feedback')
    .description(t.feedback)
    .argument('[inputs...]', t.inputs)
    .addOption(projectOpt())
    .option('--opd <code>', t.feedbackOpd, collect)
    .addOption(new Option('-f, --format <format>', t.format).choices(['table', 'json']).default('table'))
    .option('-o, --out <dir>', t.feedbackOut)
    .option('--evidence <dir>', t.evidence)
    .option('-j, --jobs <n>', t.jobs)
    .action((inputs: string[], opts) => run('feedback', inputs, opts));

  return program;
}

/** Commander's help headings and option notes, in Indonesian. */
const indonesianHelp: Partial<Help> = {
  formatHelp(cmd, helper) {
    return Help.prototype.formatHelp
      .call(helper, cmd, helper)
      .replace(/^Usage:/m, 'Penggunaan:')
      .replace(/^Options:/m, 'Opsi:')
      .replace(/^Commands:/m, 'Perintah:')
      .replace(/^Arguments:/m, 'Argumen:')
      .replace(/\(choices: ([^)]*?)(?:, default: ([^)]*))?\)/g, (_m, c: string, d?: string) =>
        `(pilihan: ${c}${d ? `; bawaan: ${d}` : ''})`,
      )
      .replace(/\(default: ([^)]*)\)/g, '(bawaan: $1)');
  },
};

/** A commander usage error as a diagnostic of the registry. */
export function usageDiagnostic(e: CommanderError): Diagnostic {
  const q = [...e.message.matchAll(/'([^']*)'/g)].map((m) => m[1] ?? '');
  const suggestion = /\(Did you mean ([^?]+)\?\)/.exec(e.message)?.[1]?.trim();
  const at = (option: string) => ({ file: '', option });
  switch (e.code) {
    case 'commander.unknownCommand':
      return diag('KLA-E501', { command: q[0] ?? '', ...(suggestion ? { suggestion } : {}) }, at(q[0] ?? ''));
    case 'commander.unknownOption':
      return diag('KLA-E502', { option: q[0] ?? '', ...(suggestion ? { suggestion } : {}) }, at(q[0] ?? ''));
    case 'commander.missingArgument':
      return diag('KLA-E503', { argument: q[0] ?? '' }, at(q[0] ?? ''));
    case 'commander.optionMissingArgument':
      return diag('KLA-E504', { option: q[0] ?? '' }, at(q[0] ?? ''));
    case 'commander.invalidArgument': {
      const choices = /Allowed choices are (.*)\.$/.exec(e.message)?.[1]?.split(',').map((c) => c.trim()) ?? [];
      return diag('KLA-E505', { option: q[0] ?? '', value: q[1] ?? '', choices }, at(q[0] ?? ''));
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
      ctx.err(`${ctx.paint.error(formatRefusal(new KlaError([usageDiagnostic(e)]), ctx.lang, { cwd: ctx.cwd }))}\n`);
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
