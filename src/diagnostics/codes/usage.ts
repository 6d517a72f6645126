/**
 * 5xx: the command line: commands, options and their values, input files,
 * what-if scenarios and baselines. Usage errors exit with 2.
 */
import { def, type AnyCodeDef } from '../registry.js';

const HELP_ID = 'Jalankan "kla --help" untuk melihat perintah dan opsi.';
const HELP_EN = 'Run "kla --help" to see commands and options.';
const suggest = (s: string | undefined, lang: 'id' | 'en') => (s ? (lang === 'id' ? ` Mungkin maksud Anda: ${s}?` : ` Did you mean ${s}?`) : '');

export const USAGE_CODES = {
  'KLA-E501': def<{ command: string; suggestion?: string }>(
    'error',
    { id: 'Perintah tidak dikenal', en: 'Unknown command' },
    { id: HELP_ID, en: HELP_EN },
    (p, f) => `Perintah "${f.q(p.command)}" tidak dikenal.${suggest(p.suggestion, 'id')} ${HELP_ID}`,
    (p, f) => `Unknown command "${f.q(p.command)}".${suggest(p.suggestion, 'en')} ${HELP_EN}`,
  ),
  'KLA-E502': def<{ option: string; suggestion?: string; command?: string }>(
    'error',
    { id: 'Opsi tidak dikenal', en: 'Unknown option' },
    { id: 'Periksa ejaan opsi pada bantuan perintah ("kla <perintah> --help").', en: 'Check the option against the command\'s help ("kla <command> --help").' },
    (p, f) => `Opsi "${f.q(p.option)}" tidak dikenal${p.command ? ` untuk perintah ${p.command}` : ''}.${suggest(p.suggestion, 'id')} Jalankan "kla ${p.command ? `${p.command} ` : ''}--help" untuk melihat opsi yang tersedia.`,
    (p, f) => `Unknown option "${f.q(p.option)}"${p.command ? ` for command ${p.command}` : ''}.${suggest(p.suggestion, 'en')} Run "kla ${p.command ? `${p.command} ` : ''}--help" to see the options.`,
  ),
  'KLA-E503': def<{ argument: string; command?: string }>(
    'error',
    { id: 'Argumen wajib tidak ada', en: 'Missing argument' },
    { id: 'Tulis argumen yang diminta sesudah nama perintah.', en: 'Give the argument after the command name.' },
    (p) => `Argumen "${p.argument}" wajib diisi${p.command ? `, misalnya: kla ${p.command} "KLA Merangin 2026"` : ''}.`,
    (p) => `Argument "${p.argument}" is required${p.command ? `, e.g. kla ${p.command} "KLA Merangin 2026"` : ''}.`,
  ),
  'KLA-E504': def<{ option: string }>(
    'error',
    { id: 'Opsi memerlukan nilai', en: 'Option needs a value' },
    { id: 'Tulis nilainya sesudah opsi, mis. --format json.', en: 'Give the value after the option, e.g. --format json.' },
    (p) => `Opsi "${p.option}" memerlukan nilai.`,
    (p) => `Option "${p.option}" needs a value.`,
  ),
  'KLA-E505': def<{ option: string; value: string; choices: string[]; suggestion?: string }>(
    'error',
    { id: 'Nilai opsi bukan pilihan yang tersedia', en: 'Option value not one of the choices' },
    { id: 'Pilih salah satu nilai yang disebut.', en: 'Choose one of the values named.' },
    (p, f) => `Nilai "${f.q(p.value)}" untuk opsi ${p.option} tidak sah.${suggest(p.suggestion, 'id')} Pilihan yang tersedia: ${f.list(p.choices)}.`,
    (p, f) => `Value "${f.q(p.value)}" for option ${p.option} is not valid.${suggest(p.suggestion, 'en')} The choices are: ${f.list(p.choices)}.`,
  ),
  'KLA-E506': def<{ command: string }>(
    'error',
    { id: 'Terlalu banyak argumen', en: 'Too many arguments' },
    { id: 'Beri tanda kutip pada nama folder atau berkas yang memuat spasi.', en: 'Quote folder and file names that contain spaces.' },
    (p) => `Terlalu banyak argumen untuk perintah ${p.command}. Bila nama folder atau berkas memuat spasi, apitlah dengan tanda kutip, misalnya "KLA Merangin 2026".`,
    (p) => `Too many arguments for command ${p.command}. If a folder or file name contains spaces, put it in quotes, e.g. "KLA Merangin 2026".`,
  ),
  'KLA-E507': def<{ value: string }>(
    'error',
    { id: 'Tahun tidak sah', en: 'Invalid year' },
    { id: 'Tulis tahun empat digit, mis. --year 2026.', en: 'Write a four-digit year, e.g. --year 2026.' },
    (p, f) => `--year harus tahun empat digit (2000–2100), bukan "${f.q(p.value)}".`,
    (p, f) => `--year must be a four-digit year (2000–2100), not "${f.q(p.value)}".`,
  ),
  'KLA-E508': def<{ option: string; value: string; minimum: number }>(
    'error',
    { id: 'Nilai opsi bukan bilangan bulat', en: 'Option value not a whole number' },
    { id: 'Tulis bilangan bulat.', en: 'Write a whole number.' },
    (p, f) => `Nilai ${p.option} harus bilangan bulat ${p.minimum} atau lebih, bukan "${f.q(p.value)}".`,
    (p, f) => `${p.option} must be a whole number, ${p.minimum} or more, not "${f.q(p.value)}".`,
  ),
  'KLA-E509': def<{ missing: string[] }>(
    'error',
    { id: 'Kabupaten/kota atau provinsi belum disebut', en: 'District or province not given' },
    {
      id: 'Sebutkan kabupaten/kota dan provinsinya, mis. --district "Kabupaten Merangin" --province Jambi; di terminal keduanya ditanyakan.',
      en: 'Name the district and its province, e.g. --district "Kabupaten Merangin" --province Jambi; on a terminal both are asked for.',
    },
    (p, f) => `Untuk membuat proyek, ${f.list(p.missing)} wajib diisi, misalnya: kla init "KLA Merangin 2026" --district "Kabupaten Merangin" --province Jambi.`,
    (p, f) => `To create a project, ${f.list(p.missing)} must be given, e.g. kla init "KLA Merangin 2026" --district "Kabupaten Merangin" --province Jambi.`,
  ),
  'KLA-E510': def<{ district: string; kind: string }>(
    'error',
    { id: 'Jenis daerah bertentangan', en: 'Contradicting kind of district' },
    { id: 'Hapus --kind, atau tulis --district tanpa awalan "Kabupaten"/"Kota".', en: 'Drop --kind, or give --district without "Kabupaten"/"Kota".' },
    (p, f) => `--district "${f.q(p.district)}" dan --kind ${f.q(p.kind)} menyebut jenis daerah yang berbeda. Mohon hapus --kind atau perbaiki --district.`,
    (p, f) => `--district "${f.q(p.district)}" and --kind ${f.q(p.kind)} name different kinds of district. Please drop --kind or correct --district.`,
  ),
  'KLA-E511': def<{ file: string }>(
    'error',
    { id: 'Dua keluaran ke berkas yang sama', en: 'Two outputs to the same file' },
    { id: 'Beri setiap keluaran nama berkas sendiri.', en: 'Give every output its own file name.' },
    (p, f) => `Dua keluaran akan ditulis ke berkas yang sama (${f.path(p.file)}). Mohon beri setiap keluaran nama berkas sendiri.`,
    (p, f) => `Two outputs would be written to the same file (${f.path(p.file)}). Please give every output its own file name.`,
  ),
  'KLA-E512': def<{ value: string }>(
    'error',
    { id: 'SOURCE_DATE_EPOCH tidak sah', en: 'Invalid SOURCE_DATE_EPOCH' },
    { id: 'Kosongkan variabel itu, atau isi dengan bilangan bulat detik sejak 1970-01-01.', en: 'Unset the variable, or set it to a whole number of seconds since 1970-01-01.' },
    (p, f) => `SOURCE_DATE_EPOCH harus berupa bilangan bulat detik sejak 1970-01-01 (mis. 1767225600), bukan "${f.q(p.value)}".`,
    (p, f) => `SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 (e.g. 1767225600), not "${f.q(p.value)}".`,
  ),
  'KLA-E513': def<{ name: string; names: string[]; suggestion?: string }>(
    'error',
    { id: 'Predikat tidak dikenal', en: 'Unknown predikat' },
    { id: 'Pilih salah satu predikat katalog.', en: 'Choose one of the catalog\'s predikat.' },
    (p, f) => `Predikat "${f.q(p.name)}" tidak dikenal.${suggest(p.suggestion, 'id')} Predikat yang tersedia: ${f.list(p.names)}.`,
    (p, f) => `Unknown predikat "${f.q(p.name)}".${suggest(p.suggestion, 'en')} The predikat are: ${f.list(p.names)}.`,
  ),
  'KLA-E514': def<{ code: string; codes: string[]; suggestion?: string }>(
    'error',
    { id: 'Kode OPD tidak ada dalam konfigurasi', en: 'OPD code not in the config' },
    { id: 'Gunakan salah satu kode OPD dari kla.config.json.', en: 'Use one of the OPD codes of kla.config.json.' },
    (p, f) => `OPD dengan kode "${f.q(p.code)}" tidak ada dalam konfigurasi.${suggest(p.suggestion, 'id')} Kode yang tersedia: ${f.list(p.codes)}.`,
    (p, f) => `There is no OPD with code "${f.q(p.code)}" in the config.${suggest(p.suggestion, 'en')} Available codes: ${f.list(p.codes)}.`,
  ),
  'KLA-E515': def<{ inputs: string[] }>(
    'error',
    { id: 'Berkas atau folder tidak ditemukan', en: 'Files or folders not found' },
    { id: 'Periksa ejaan nama berkas dan folder; beri tanda kutip pada nama yang memuat spasi.', en: 'Check the spelling of the files and folders; quote names that contain spaces.' },
    (p, f) => `Berkas atau folder berikut tidak ditemukan (pola glob juga tidak cocok dengan berkas apa pun): ${f.list(p.inputs.map(f.path))}.`,
    (p, f) => `These files or folders were not found (glob patterns matched no file either): ${f.list(p.inputs.map(f.path))}.`,
  ),
  'KLA-E516': def<{ dir: string; files: string[] }>(
    'error',
    { id: 'Templat sudah ada', en: 'Templates already exist' },
    {
      id: 'Templat yang sudah dikirim ke OPD tidak ditimpa tanpa diminta: tambahkan --force untuk membuatnya ulang, atau pilih folder lain dengan -o.',
      en: 'Templates already sent to OPDs are not overwritten unasked: add --force to write them again, or choose another folder with -o.',
    },
    (p, f) => `Folder ${f.path(p.dir)} sudah berisi templat berikut: ${f.list(p.files, 5)}. Templat tersebut tidak ditimpa; bila memang hendak dibuat ulang, tambahkan --force.`,
    (p, f) => `Folder ${f.path(p.dir)} already holds these templates: ${f.list(p.files, 5)}. They are not overwritten; to write them again, add --force.`,
  ),
  'KLA-E534': def<{ options: string[] }>(
    'error',
    { id: 'Matriks dan templat OPD diminta sekaligus', en: 'Matrix and OPD templates asked for at once' },
    {
      id: 'Buat templat OPD dan profil daerah lebih dahulu, lalu matriks setelah lembar Wilayah profil daerah diisi: dua perintah kla template terpisah.',
      en: 'Write the OPD templates and the district profile first, then the matrix once the profile\'s Wilayah sheet is filled in: two separate kla template commands.',
    },
    (p) => `Matriks Kelana/Dekela dibuat dari profil daerah yang sudah diisi, sedangkan ${p.options.join(' dan ')} meminta templat yang diisi lebih dahulu. Mohon jalankan kla template tanpa --matrix, lalu kla template --matrix.`,
    (p) => `The Kelana/Dekela matrix is made from a filled-in district profile, while ${p.options.join(' and ')} asks for templates filled in before it. Please run kla template without --matrix, then kla template --matrix.`,
  ),
  'KLA-E533': def<{ inputs: string[]; limit: number }>(
    'error',
    { id: 'Terlalu banyak berkas dan folder', en: 'Too many files and folders' },
    { id: 'Sebutkan folder kiriman OPD saja, bukan folder induk atau seluruh disk.', en: 'Name the OPD submissions folder only, not a parent folder or a whole disk.' },
    (p, f) => `Pemeriksaan dihentikan: ${f.list(p.inputs.map(f.path))} memuat lebih dari ${p.limit} berkas dan folder. Mohon sebutkan folder kiriman OPD saja, bukan folder induk atau seluruh disk.`,
    (p, f) => `The check was stopped: ${f.list(p.inputs.map(f.path))} hold more than ${p.limit} files and folders. Please name the OPD submissions folder only, not a parent folder or a whole disk.`,
  ),
  'KLA-E517': def<{ inputs: string[] }>(
    'error',
    { id: 'Tidak ada lembar kerja untuk diperiksa', en: 'No workbook to check' },
    { id: 'Simpan berkas .xlsx kiriman OPD di folder kiriman proyek, atau sebutkan berkasnya.', en: 'Put the OPDs\' .xlsx files into the project\'s submissions folder, or name the files.' },
    (p, f) => `Tidak ada lembar kerja yang dapat diperiksa pada: ${f.list(p.inputs.map(f.path))}. Simpan berkas .xlsx kiriman OPD di folder tersebut atau sebutkan berkasnya.`,
    (p, f) => `No workbook to check in: ${f.list(p.inputs.map(f.path))}. Put the OPDs' .xlsx files there or name the files.`,
  ),
  'KLA-E518': def<{ what: 'what-if' | 'baseline'; file: string; reason: 'missing' | 'denied' | 'other' }>(
    'error',
    { id: 'Berkas masukan tidak dapat dibaca', en: 'Input file cannot be read' },
    { id: 'Periksa nama dan letak berkasnya.', en: 'Check the file\'s name and location.' },
    (p, f) =>
      `${p.what === 'what-if' ? 'Berkas what-if' : 'Berkas pembanding'} ${f.path(p.file)} tidak dapat dibaca: ${p.reason === 'missing' ? 'berkas tidak ditemukan' : p.reason === 'denied' ? 'tidak ada izin untuk membacanya' : 'terjadi kesalahan saat membaca'}.`,
    (p, f) =>
      `${p.what === 'what-if' ? 'What-if file' : 'Baseline file'} ${f.path(p.file)} cannot be read: ${p.reason === 'missing' ? 'file not found' : p.reason === 'denied' ? 'permission denied' : 'a read error occurred'}.`,
  ),
  'KLA-W519': def<{ warnings: number; max: number }>(
    'warning',
    { id: 'Peringatan melebihi batas', en: 'Too many warnings' },
    { id: 'Selesaikan peringatannya, atau naikkan --max-warnings.', en: 'Resolve the warnings, or raise --max-warnings.' },
    (p) => `Jumlah peringatan (${p.warnings}) melebihi batas --max-warnings ${p.max}.`,
    (p) => `Too many warnings (${p.warnings}); --max-warnings is ${p.max}.`,
  ),

  // What-if scenarios (--set, --what-if).
  'KLA-E520': def<{ file: string; line?: number; column?: number }>(
    'error',
    { id: 'Berkas what-if bukan JSON', en: 'What-if file is not JSON' },
    { id: 'Simpan berkas sebagai JSON, mis. {"set": {"12.3": {"answer": 92.5}}}.', en: 'Save the file as JSON, e.g. {"set": {"12.3": {"answer": 92.5}}}.' },
    (p, f) => `Berkas what-if ${f.path(p.file)} bukan JSON yang sah${p.line !== undefined ? ` (baris ${p.line}${p.column !== undefined ? `, kolom ${p.column}` : ''})` : ''}.`,
    (p, f) => `What-if file ${f.path(p.file)} is not valid JSON${p.line !== undefined ? ` (line ${p.line}${p.column !== undefined ? `, column ${p.column}` : ''})` : ''}.`,
  ),
  'KLA-E521': def<{ file: string }>(
    'error',
    { id: 'Berkas what-if belum benar', en: 'What-if file not correct' },
    { id: 'Perbaiki setiap entri yang disebut di bawahnya.', en: 'Correct every entry listed below it.' },
    (p, f) => `Berkas what-if ${f.path(p.file)} belum benar:`,
    (p, f) => `What-if file ${f.path(p.file)} is not correct:`,
  ),
  'KLA-E522': def<{ example: string }>(
    'error',
    { id: 'Berkas what-if tanpa "set"', en: 'What-if file without "set"' },
    { id: 'Tulis {"set": {"ID": {"answer": …}}}.', en: 'Write {"set": {"ID": {"answer": …}}}.' },
    (p) => `isinya harus objek dengan kunci "set", mis. {"set": {"${p.example}": {"answer": 92.5}}}.`,
    (p) => `it must be an object with a "set" key, e.g. {"set": {"${p.example}": {"answer": 92.5}}}.`,
  ),
  'KLA-E523': def<{ key: string }>(
    'error',
    { id: 'Kunci what-if tidak dikenal', en: 'Unknown what-if key' },
    { id: 'Kunci yang dikenal: set, description.', en: 'Known keys: set, description.' },
    (p, f) => `kunci "${f.q(p.key)}" tidak dikenal.`,
    (p, f) => `unknown key "${f.q(p.key)}".`,
  ),
  'KLA-E524': def<{ question: string; catalog: string }>(
    'error',
    { id: 'Pertanyaan tidak ada dalam katalog', en: 'Question not in the catalog' },
    { id: 'Periksa nomor pertanyaan.', en: 'Check the question number.' },
    (p, f) => `pertanyaan "${f.q(p.question)}" tidak ada dalam katalog ${p.catalog}.`,
    (p, f) => `question "${f.q(p.question)}" is not in catalog ${p.catalog}.`,
  ),
  'KLA-E525': def<{ question: string }>(
    'error',
    { id: 'Entri what-if tidak sesuai', en: 'What-if entry not valid' },
    { id: 'Tulis {"answer": …} atau {"points": …}.', en: 'Write {"answer": …} or {"points": …}.' },
    (p) => `"set.${p.question}" harus berisi tepat satu dari "answer" atau "points", mis. {"answer": 92.5} atau {"points": 12}.`,
    (p) => `"set.${p.question}" must hold exactly one of "answer" or "points", e.g. {"answer": 92.5} or {"points": 12}.`,
  ),
  'KLA-E526': def<{ question: string }>(
    'error',
    { id: 'Jawaban what-if bukan teks atau angka', en: 'What-if answer not text or number' },
    { id: 'Tulis jawaban sebagai teks pilihan atau angka.', en: 'Write the answer as an option text or a number.' },
    (p) => `"set.${p.question}.answer" harus teks atau angka.`,
    (p) => `"set.${p.question}.answer" must be text or a number.`,
  ),
  'KLA-E527': def<{ question: string; answer: string; options: string[]; ambiguous: number }>(
    'error',
    { id: 'Jawaban what-if bukan pilihan yang tersedia', en: 'What-if answer not an option' },
    { id: 'Tulis salah satu pilihan pertanyaan itu, atau awal katanya yang hanya cocok dengan satu pilihan.', en: 'Write one of the question\'s options, or a beginning that matches only one.' },
    (p, f) => `jawaban "${f.q(p.answer)}" untuk pertanyaan ${p.question} tidak dikenal${p.ambiguous ? ' (lebih dari satu pilihan cocok)' : ''}; pilihan yang sah: ${f.quoted(p.options)}.`,
    (p, f) => `answer "${f.q(p.answer)}" for question ${p.question} is not known${p.ambiguous ? ' (more than one option matches)' : ''}; valid options: ${f.quoted(p.options)}.`,
  ),
  'KLA-E528': def<{ question: string; answer: string; expected: 'percent' | 'count' }>(
    'error',
    { id: 'Jawaban what-if bukan angka yang diminta', en: 'What-if answer not the number asked for' },
    { id: 'Persentase 0–100 (mis. 92,5) atau jumlah bilangan bulat.', en: 'A percentage 0–100 (e.g. 92.5) or a whole count.' },
    (p, f) =>
      p.expected === 'percent'
        ? `jawaban pertanyaan ${p.question} harus persentase 0–100, mis. 92,5; bukan "${f.q(p.answer)}".`
        : `jawaban pertanyaan ${p.question} harus bilangan bulat 0 atau lebih (jumlah), bukan "${f.q(p.answer)}".`,
    (p, f) =>
      p.expected === 'percent'
        ? `the answer to question ${p.question} must be a percentage 0–100, e.g. 92.5; not "${f.q(p.answer)}".`
        : `the answer to question ${p.question} must be a whole number, 0 or more (a count), not "${f.q(p.answer)}".`,
  ),
  'KLA-E529': def<{ question: string }>(
    'error',
    { id: 'Jawaban what-if tidak sesuai rubrik', en: 'What-if answer does not fit the rubric' },
    { id: 'Periksa rubrik pertanyaan di katalog.', en: 'Check the question\'s rubric in the catalog.' },
    (p) => `jawaban pertanyaan ${p.question} tidak sesuai rubriknya.`,
    (p) => `the answer to question ${p.question} does not fit its rubric.`,
  ),
  'KLA-E530': def<{ question: string; max: number; value: string }>(
    'error',
    { id: 'Poin what-if di luar rentang', en: 'What-if points out of range' },
    { id: 'Tulis poin antara 0 dan poin maksimum pertanyaan.', en: 'Write points between 0 and the question\'s maximum.' },
    (p, f) => `poin pertanyaan ${p.question} harus angka antara 0 dan ${f.pts(p.max)}, bukan ${f.q(p.value)}.`,
    (p, f) => `the points of question ${p.question} must be a number between 0 and ${f.pts(p.max)}, not ${f.q(p.value)}.`,
  ),
  'KLA-E531': def<{ arg: string; example: string }>(
    'error',
    { id: 'Bentuk --set salah', en: 'Malformed --set' },
    { id: 'Tulis --set ID=NILAI: nomor pertanyaan, tanda sama dengan, lalu jawabannya.', en: 'Write --set ID=VALUE: the question number, an equals sign, then the answer.' },
    (p, f) => `"${f.q(p.arg)}" harus berbentuk ID=NILAI, mis. ${p.example}=92,5.`,
    (p, f) => `"${f.q(p.arg)}" must look like ID=VALUE, e.g. ${p.example}=92.5.`,
  ),
  'KLA-E532': def(
    'error',
    { id: 'Nilai --set tidak dapat dipakai', en: 'Cannot use the --set values' },
    { id: 'Perbaiki setiap nilai yang disebut di bawahnya.', en: 'Correct every value listed below it.' },
    () => 'Nilai --set tidak dapat dipakai:',
    () => 'Cannot use the --set values:',
  ),

  // Baselines (--baseline).
  'KLA-E540': def<{ file: string }>(
    'error',
    { id: 'Berkas pembanding bukan JSON', en: 'Baseline file is not JSON' },
    { id: 'Gunakan berkas yang ditulis "kla score --format json".', en: 'Use a file written by "kla score --format json".' },
    (p, f) => `Berkas pembanding ${f.path(p.file)} bukan JSON yang sah.`,
    (p, f) => `Baseline file ${f.path(p.file)} is not valid JSON.`,
  ),
  'KLA-E541': def<{ file: string; version?: number; expected: number }>(
    'error',
    { id: 'Berkas pembanding bukan hasil kla score', en: 'Baseline file is not kla score output' },
    { id: 'Gunakan berkas yang ditulis "kla score --format json" (versi yang sama).', en: 'Use a file written by "kla score --format json" (same version).' },
    (p, f) =>
      `Berkas pembanding ${f.path(p.file)} bukan hasil "kla score --format json".${p.version !== undefined ? ` Versi skemanya ${p.version}, sedangkan versi ini membaca versi ${p.expected}.` : ''}`,
    (p, f) =>
      `Baseline file ${f.path(p.file)} is not the output of "kla score --format json".${p.version !== undefined ? ` Its schema version is ${p.version}; this version reads version ${p.expected}.` : ''}`,
  ),
  'KLA-E542': def<{ at: string }>(
    'error',
    { id: 'Bagian berkas JSON tidak sesuai', en: 'Part of a JSON file not valid' },
    { id: 'Bandingkan dengan keluaran kla yang sah.', en: 'Compare with valid kla output.' },
    (p) => `bagian "${p.at}" tidak ada atau jenisnya salah.`,
    (p) => `"${p.at}" is missing or of the wrong kind.`,
  ),
} satisfies Record<string, AnyCodeDef>;
