/**
 * The help of every command, wholly in the language asked for: our texts and
 * commander's own words (usage, headings, choices, defaults), which commander
 * writes in English. Commander's `Help` keeps the layout (padding, wrapping to
 * the terminal); the words come from the tables below.
 */
import path from 'node:path';
import type { Argument, Command, Help, Option } from 'commander';
import type { Lang } from '../i18n.js';
import { packageRoot } from '../paths.js';

/** Words of the help page around our own texts: what commander would say in English. */
interface Frame {
  usage: string;
  arguments: string;
  options: string;
  globalOptions: string;
  commands: string;
  examples: string;
  /** Stands for "any options" and "a command" in a usage line. */
  anyOptions: string;
  aCommand: string;
  choices: string;
  default: string;
  /** Heading of the staff guide's place, on the main help page. */
  guide: string;
}

const FRAME: Record<Lang, Frame> = {
  id: {
    usage: 'Penggunaan:',
    arguments: 'Argumen:',
    options: 'Opsi:',
    globalOptions: 'Opsi umum (untuk semua perintah):',
    commands: 'Perintah:',
    examples: 'Contoh:',
    anyOptions: '[opsi]',
    aCommand: '[perintah]',
    choices: 'pilihan',
    default: 'bawaan',
    guide: 'Panduan langkah demi langkah untuk petugas DPPPA:',
  },
  en: {
    usage: 'Usage:',
    arguments: 'Arguments:',
    options: 'Options:',
    globalOptions: 'Global options (for every command):',
    commands: 'Commands:',
    examples: 'Examples:',
    anyOptions: '[options]',
    aCommand: '[command]',
    choices: 'choices',
    default: 'default',
    guide: 'Step-by-step guide for DPPPA staff (in Indonesian):',
  },
};

/** Our texts: command and option descriptions, and the placeholders of option values. */
export const HELP_TEXT = {
  id: {
    desc: 'Menyusun dokumen evaluasi mandiri Kabupaten/Kota Layak Anak (KLA) dari lembar kerja Excel OPD.',
    lang: 'bahasa keluaran',
    noColor: 'tanpa warna',
    noProgress: 'tanpa indikator kemajuan',
    project: 'folder proyek (bawaan: folder saat ini atau induknya yang memuat kla.config.json)',
    init: 'membuat folder proyek kabupaten/kota baru',
    initDir: 'folder proyek yang akan dibuat',
    district: 'kabupaten/kota, mis. "Kabupaten Merangin" atau "Kota Jambi" (ditanyakan bila tidak diberikan)',
    kind: 'jenis daerah, bila --district tidak diawali "Kabupaten" atau "Kota"; bila tidak disebut: kabupaten',
    province: 'nama provinsi, mis. "Jambi" (ditanyakan bila tidak diberikan)',
    year: 'tahun yang dievaluasi (bawaan: tahun ini)',
    catalog: 'katalog instrumen: ID katalog bawaan atau path ke berkas katalog JSON (bawaan: katalog bawaan terbaru)',
    template: 'membuat satu templat Excel untuk setiap OPD dan lembar kerja profil daerah DPPPA; dengan --matrix, matriks Kelana/Dekela',
    templateOut: 'folder tujuan (bawaan: folder templates di proyek)',
    opd: 'hanya OPD dengan kode ini (dapat diulang)',
    profileOnly: 'lembar kerja profil daerah DPPPA (tanpa --opd: hanya lembar kerja itu)',
    matrix: 'matriks Kelana/Dekela: satu baris per kecamatan dan per desa/kelurahan dari lembar Wilayah profil daerah',
    kecamatan: 'matriks untuk kecamatan ini saja, dengan desa/kelurahannya (nama atau kode; dapat diulang)',
    perKecamatan: 'satu matriks untuk setiap kecamatan, untuk diisi di kantor camat',
    force: 'menimpa templat yang sudah ada',
    validate: 'memeriksa lembar kerja yang dikirim OPD',
    inputs: 'berkas, folder, atau pola glob; atau folder proyek (bawaan: folder submissions di proyek)',
    format: 'format laporan',
    out: 'tulis laporan ke berkas',
    maxWarnings: 'gagal (kode keluar 1) bila peringatan lebih dari N',
    jobs: 'jumlah pekerja paralel (bawaan: jumlah CPU)',
    coverage: 'tampilkan juga cakupan jawaban seluruh kabupaten/kota',
    score: 'menghitung nilai per indikator, klaster, total dan predikat',
    set: 'what-if: ubah jawaban, mis. --set 12.3=92,5 (dapat diulang)',
    whatIf: 'what-if dari berkas JSON',
    target: 'rencana menutup kesenjangan menuju predikat ini',
    baseline: 'bandingkan dengan JSON hasil kla score sebelumnya',
    evidence: 'folder data dukung untuk memeriksa berkas yang disebut',
    allowInvalid: 'tetap menghitung walau ada kesalahan validasi',
    build: 'memvalidasi, menghitung nilai, dan menyusun dokumen PDF',
    buildOut: 'berkas PDF atau folder tujuan; laporan kerja tim ditulis di sebelahnya (bawaan: output/dokumen-kla-<tahun>.pdf di proyek)',
    draft: 'tetap menyusun dokumen walau ada kesalahan, dengan tanda DRAF',
    xlsx: 'juga tulis rekap Excel ke berkas atau folder ini',
    templates: 'folder templat naskah milik kabupaten/kota',
    status: 'menampilkan status lembar kerja setiap OPD: diterima atau belum, temuan, jawaban, data dukung',
    statusOut: 'tulis ke berkas atau folder (format xlsx bawaan: output/status-opd-kla-<tahun>.xlsx di proyek)',
    feedback: 'menulis untuk setiap OPD salinan lembar kerjanya bertanda dan surat resmi tentang perbaikannya',
    feedbackOpd: 'hanya OPD dengan kode ini (dapat diulang)',
    feedbackOut: 'folder tujuan (bawaan: folder output/umpan-balik di proyek)',
    help: 'tampilkan bantuan ini',
    version: 'tampilkan versi',
    /** Placeholders in usage lines and option terms. */
    ph: {
      folder: 'folder',
      files: 'berkas',
      file: 'berkas',
      name: 'nama',
      kind: 'jenis',
      year: 'tahun',
      code: 'kode',
      catalog: 'id-atau-berkas',
      format: 'format',
      n: 'N',
      lang: 'bahasa',
      set: 'id=nilai',
      predikat: 'predikat',
    },
  },
  en: {
    desc: 'Compiles the Kabupaten/Kota Layak Anak (KLA) self-evaluation dossier from OPD Excel workbooks.',
    lang: 'output language',
    noColor: 'no colour',
    noProgress: 'no progress indicator',
    project: 'project folder (default: the current folder or its parent holding kla.config.json)',
    init: 'create a new district project folder',
    initDir: 'project folder to create',
    district: 'the district, e.g. "Kabupaten Merangin" or "Kota Jambi" (asked for when not given)',
    kind: 'kind of district, when --district does not start with "Kabupaten" or "Kota"; when not given: kabupaten',
    province: 'province name, e.g. "Jambi" (asked for when not given)',
    year: 'evaluated year (default: this year)',
    catalog: 'instrument catalog: the id of a shipped catalog or a path to a catalog JSON file (default: the newest shipped catalog)',
    template: "write one Excel template per OPD and the DPPPA's profile workbook; with --matrix, the Kelana/Dekela matrix",
    templateOut: 'output folder (default: the project templates folder)',
    opd: 'only the OPD with this code (repeatable)',
    profileOnly: "the DPPPA's district profile workbook (without --opd: only that workbook)",
    matrix: 'the Kelana/Dekela matrix: a row per kecamatan and per desa/kelurahan from the Wilayah sheet of the district profile',
    kecamatan: 'a matrix for this kecamatan only, with its desa/kelurahan (name or code; repeatable)',
    perKecamatan: "one matrix per kecamatan, to be filled in at the camat's office",
    force: 'overwrite templates that already exist',
    validate: 'check the workbooks returned by OPDs',
    inputs: 'files, folders or glob patterns; or a project folder (default: the project submissions folder)',
    format: 'report format',
    out: 'write the report to a file',
    maxWarnings: 'fail (exit code 1) when there are more than N warnings',
    jobs: 'parallel workers (default: number of CPUs)',
    coverage: "also show the answer coverage of the whole district",
    score: 'compute points per indicator, cluster, total and predikat',
    set: 'what-if: change an answer, e.g. --set 12.3=92.5 (repeatable)',
    whatIf: 'what-if from a JSON file',
    target: 'gap plan towards this predikat',
    baseline: 'compare with the JSON of an earlier kla score',
    evidence: 'evidence folder, to check that named files exist',
    allowInvalid: 'score even when validation finds errors',
    build: 'validate, score and render the PDF dossier',
    buildOut: 'PDF file or folder to write to; the team\'s working report goes beside it (default: output/dokumen-kla-<year>.pdf in the project)',
    draft: 'render despite errors, marked DRAF',
    xlsx: 'also write a recap workbook to this file or folder',
    templates: "folder with the district's own narrative templates",
    status: "show each OPD's workbook status: received or not, findings, answers, evidence",
    statusOut: 'write to a file or folder (xlsx default: output/status-opd-kla-<year>.xlsx in the project)',
    feedback: 'write for each OPD an annotated copy of its workbook and a formal letter about what to fix',
    feedbackOpd: 'only the OPD with this code (repeatable)',
    feedbackOut: 'output folder (default: output/umpan-balik in the project)',
    help: 'show this help',
    version: 'show the version',
    ph: {
      folder: 'folder',
      files: 'files',
      file: 'file',
      name: 'name',
      kind: 'kind',
      year: 'year',
      code: 'code',
      catalog: 'id-or-file',
      format: 'format',
      n: 'N',
      lang: 'language',
      set: 'id=value',
      predikat: 'predikat',
    },
  },
} as const satisfies Record<Lang, unknown>;

/** Two or three examples per command: what it does, then the command as typed. */
const EXAMPLES: Record<Lang, Record<string, [string, string][]>> = {
  id: {
    kla: [
      ['Membuat proyek baru:', 'kla init "KLA Merangin 2026" --district "Kabupaten Merangin" --province Jambi --year 2026'],
      ['Memeriksa lembar kerja yang dikembalikan OPD:', 'kla validate --project "KLA Merangin 2026"'],
      ['Menyusun dokumen PDF:', 'kla build --project "KLA Merangin 2026"'],
    ],
    init: [
      ['Proyek kabupaten:', 'kla init "KLA Merangin 2026" --district "Kabupaten Merangin" --province Jambi --year 2026'],
      ['Proyek kota (tahun evaluasi: tahun ini):', 'kla init "KLA Kota Jambi" --district "Kota Jambi" --province Jambi'],
    ],
    template: [
      ['Templat semua OPD, di dalam folder proyek:', 'kla template'],
      ['Hanya dua OPD:', 'kla template --opd DINKES --opd DINSOS'],
      ['Hanya lembar kerja profil daerah yang diisi DPPPA:', 'kla template --profile'],
      ['Matriks Kelana/Dekela dari daftar wilayah profil daerah:', 'kla template --matrix'],
      ['Satu matriks untuk setiap kecamatan:', 'kla template --matrix --per-kecamatan'],
      ['Membuat ulang templat yang sudah ada:', 'kla template --force'],
    ],
    validate: [
      ['Semua berkas di folder submissions proyek:', 'kla validate'],
      ['Satu berkas kiriman (juga di luar folder proyek):', 'kla validate "Dinkes (revisi 2).xlsx"'],
      ['Laporan JSON untuk CI:', 'kla validate --format json -o laporan.json'],
    ],
    score: [
      ['Perkiraan nilai dan prakiraan verifikasi:', 'kla score'],
      ['Bagaimana bila jawaban 12.3 menjadi 92,5:', 'kla score --set 12.3=92,5'],
      ['Langkah termurah menuju predikat Nindya:', 'kla score --target Nindya'],
    ],
    build: [
      ['Dokumen PDF di folder output proyek:', 'kla build'],
      ['Draf walau masih ada kesalahan:', 'kla build --draft'],
      ['Dokumen dan rekap Excel ke berkas pilihan:', 'kla build -o dokumen-kla.pdf --xlsx rekap-kla.xlsx'],
    ],
    status: [
      ['Siapa yang sudah mengirim, dan apa yang masih perlu diperbaiki:', 'kla status'],
      ['Status sebagai lembar kerja Excel untuk rapat Gugus Tugas:', 'kla status --format xlsx'],
    ],
    feedback: [
      ['Salinan bertanda dan surat untuk setiap OPD:', 'kla feedback'],
      ['Hanya untuk Dinas Kesehatan:', 'kla feedback --opd DINKES'],
    ],
  },
  en: {
    kla: [
      ['Create a new project:', 'kla init "KLA Merangin 2026" --district "Kabupaten Merangin" --province Jambi --year 2026'],
      ['Check the workbooks the OPDs returned:', 'kla validate --project "KLA Merangin 2026"'],
      ['Render the PDF dossier:', 'kla build --project "KLA Merangin 2026"'],
    ],
    init: [
      ['A kabupaten project:', 'kla init "KLA Merangin 2026" --district "Kabupaten Merangin" --province Jambi --year 2026'],
      ['A kota project (evaluated year: this year):', 'kla init "KLA Kota Jambi" --district "Kota Jambi" --province Jambi'],
    ],
    template: [
      ['Templates for every OPD, inside the project folder:', 'kla template'],
      ['Two OPDs only:', 'kla template --opd DINKES --opd DINSOS'],
      ["Only the DPPPA's district profile workbook:", 'kla template --profile'],
      ['The Kelana/Dekela matrix, from the areas of the district profile:', 'kla template --matrix'],
      ['One matrix per kecamatan:', 'kla template --matrix --per-kecamatan'],
      ['Write templates that already exist again:', 'kla template --force'],
    ],
    validate: [
      ["Every file in the project's submissions folder:", 'kla validate'],
      ['One uploaded file (also outside a project folder):', 'kla validate "Dinkes (revisi 2).xlsx"'],
      ['A JSON report for CI:', 'kla validate --format json -o report.json'],
    ],
    score: [
      ['Estimate and verification forecast:', 'kla score'],
      ['What if the answer to 12.3 were 92.5:', 'kla score --set 12.3=92.5'],
      ['The cheapest steps towards predikat Nindya:', 'kla score --target Nindya'],
    ],
    build: [
      ["The PDF in the project's output folder:", 'kla build'],
      ['A draft despite remaining errors:', 'kla build --draft'],
      ['Dossier and recap workbook to chosen files:', 'kla build -o dossier.pdf --xlsx recap.xlsx'],
    ],
    status: [
      ['Who has sent their workbook, and what is still to fix:', 'kla status'],
      ['The status as an Excel workbook for the Gugus Tugas meeting:', 'kla status --format xlsx'],
    ],
    feedback: [
      ['An annotated copy and a letter for every OPD:', 'kla feedback'],
      ['Only for the health office:', 'kla feedback --opd DINKES'],
    ],
  },
};

/** `<name>`, `[name]`, `[name...]`: as commander shows an argument. */
const argTerm = (a: Argument) => {
  const n = `${a.name()}${a.variadic ? '...' : ''}`;
  return a.required ? `<${n}>` : `[${n}]`;
};

const listed = (values: readonly string[]) => values.join(', ');

/** Commander's `Help`, configured so that every word it prints is in `lang`. */
export function helpConfiguration(lang: Lang): Partial<Help> {
  const w = FRAME[lang];
  const extra = (description: string, choices: readonly string[] | undefined, shownDefault: string | undefined) => {
    const notes = [...(choices ? [`${w.choices}: ${listed(choices)}`] : []), ...(shownDefault !== undefined ? [`${w.default}: ${shownDefault}`] : [])];
    return notes.length > 0 ? `${description} (${notes.join('; ')})` : description;
  };
  return {
    showGlobalOptions: true,
    commandUsage(cmd: Command) {
      const path: string[] = [];
      for (let c: Command | null = cmd; c; c = c.parent) path.unshift(c.name());
      return [...path, ...(cmd.options.length > 0 ? [w.anyOptions] : []), ...(cmd.commands.length > 0 ? [w.aCommand] : []), ...cmd.registeredArguments.map(argTerm)].join(' ');
    },
    subcommandTerm(cmd: Command) {
      return [cmd.name(), ...(cmd.options.length > 0 ? [w.anyOptions] : []), ...cmd.registeredArguments.map(argTerm)].join(' ');
    },
    argumentTerm: (a: Argument) => argTerm(a),
    optionDescription(o: Option) {
      // A boolean's default (true for --no-color) means nothing to a reader; a value's default does.
      const shown = o.defaultValue !== undefined && (o.required || o.optional) ? (o.defaultValueDescription ?? String(o.defaultValue)) : undefined;
      return extra(o.description, o.argChoices, shown);
    },
    argumentDescription(a: Argument) {
      return extra(a.description, a.argChoices, a.defaultValue !== undefined ? (a.defaultValueDescription ?? String(a.defaultValue)) : undefined);
    },
    formatHelp(cmd: Command, helper: Help) {
      const termWidth = helper.padWidth(cmd, helper);
      const width = helper.helpWidth ?? 80;
      const item = (term: string, description: string) => helper.formatItem(term, termWidth, description, helper);
      const section = (heading: string, items: string[]) => (items.length > 0 ? [helper.styleTitle(heading), ...items, ''] : []);
      const options = (list: Option[]) => list.map((o) => item(helper.styleOptionTerm(helper.optionTerm(o)), helper.styleOptionDescription(helper.optionDescription(o))));
      const examples = EXAMPLES[lang][cmd.parent ? cmd.name() : 'kla'] ?? [];
      // In the list of commands a description is a phrase; on the command's own page it stands as a sentence.
      const d = helper.commandDescription(cmd);
      const description = d && `${d[0]!.toUpperCase()}${d.slice(1)}${/[.!?]$/.test(d) ? '' : '.'}`;
      const out = [
        `${helper.styleTitle(w.usage)} ${helper.styleUsage(helper.commandUsage(cmd))}`,
        '',
        ...(description ? [helper.boxWrap(helper.styleCommandDescription(description), width), ''] : []),
        ...section(
          w.arguments,
          helper.visibleArguments(cmd).map((a) => item(helper.styleArgumentTerm(helper.argumentTerm(a)), helper.styleArgumentDescription(helper.argumentDescription(a)))),
        ),
        ...section(w.options, options(helper.visibleOptions(cmd))),
        ...section(w.globalOptions, cmd.parent ? options(helper.visibleGlobalOptions(cmd)) : []),
        ...section(
          w.commands,
          helper.visibleCommands(cmd).map((c) => item(helper.styleSubcommandTerm(helper.subcommandTerm(c)), helper.styleSubcommandDescription(helper.subcommandDescription(c)))),
        ),
        ...section(
          w.examples,
          examples.flatMap(([what, command]) => [`  ${helper.boxWrap(what, width - 2)}`, `    ${command}`]),
        ),
        // Where the guide is on this machine: inside the installed package, which staff never look for.
        ...section(w.guide, cmd.parent ? [] : [`  ${path.join(packageRoot, 'docs', 'panduan.md')}`]),
      ];
      return `${out.join('\n').trimEnd()}\n`;
    },
  };
}
