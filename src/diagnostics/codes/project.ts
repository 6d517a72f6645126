/**
 * 4xx: the district project and its config file. Config problems name the
 * key (location.key) so a DPPPA officer finds the line to change.
 */
import { def, type AnyCodeDef } from '../registry.js';

/** What a config value should be, in words. */
const TYPE_WORDS = {
  id: { string: 'teks', number: 'angka', object: 'objek', array: 'daftar', boolean: 'ya/tidak (true/false)' } as Record<string, string>,
  en: { string: 'text', number: 'a number', object: 'an object', array: 'a list', boolean: 'true or false' } as Record<string, string>,
};

export const PROJECT_CODES = {
  'KLA-E401': def<{ file: string }>(
    'error',
    { id: 'Berkas konfigurasi tidak ditemukan', en: 'Config file not found' },
    { id: 'Buat proyek dengan "kla init <folder>" atau jalankan perintah di dalam folder proyek.', en: 'Create a project with "kla init <folder>" or run the command inside a project folder.' },
    (p, f) => `Berkas konfigurasi ${f.path(p.file)} tidak ditemukan. Buat proyek dengan "kla init <folder>" atau jalankan perintah di dalam folder proyek.`,
    (p, f) => `Config file ${f.path(p.file)} not found. Create a project with "kla init <folder>" or run the command inside a project folder.`,
  ),
  'KLA-E402': def<{ dir: string; files: string[] }>(
    'error',
    { id: 'Lebih dari satu berkas konfigurasi', en: 'More than one config file' },
    { id: 'Simpan satu berkas konfigurasi saja (kla.config.json atau kla.config.yaml).', en: 'Keep one config file only (kla.config.json or kla.config.yaml).' },
    (p, f) => `Folder ${f.path(p.dir)} berisi lebih dari satu berkas konfigurasi (${f.list(p.files)}). Mohon simpan satu saja.`,
    (p, f) => `Folder ${f.path(p.dir)} holds more than one config file (${f.list(p.files)}). Please keep only one.`,
  ),
  'KLA-E403': def<{ file: string; format: 'JSON' | 'YAML'; line?: number; column?: number }>(
    'error',
    { id: 'Penulisan berkas konfigurasi tidak sah', en: 'Config file syntax error' },
    { id: 'Periksa tanda kutip, koma dan kurung di baris yang disebut; simpan berkas dengan pengodean UTF-8.', en: 'Check quotes, commas and brackets at the line named; save the file as UTF-8.' },
    (p, f) =>
      p.line !== undefined
        ? `Berkas ${f.path(p.file)} bukan ${p.format} yang sah (baris ${p.line}${p.column !== undefined ? `, kolom ${p.column}` : ''}). Mohon periksa tanda kutip, koma dan kurung di sekitar tempat itu.`
        : `Berkas ${f.path(p.file)} bukan ${p.format} yang sah. Mohon periksa tanda kutip, koma dan kurung pada berkas tersebut.`,
    (p, f) =>
      p.line !== undefined
        ? `File ${f.path(p.file)} is not valid ${p.format} (line ${p.line}${p.column !== undefined ? `, column ${p.column}` : ''}). Please check the quotes, commas and brackets around that place.`
        : `File ${f.path(p.file)} is not valid ${p.format}. Please check its quotes, commas and brackets.`,
  ),
  'KLA-E404': def<{ file: string }>(
    'error',
    { id: 'Konfigurasi belum benar', en: 'Config not correct' },
    { id: 'Perbaiki setiap kunci yang disebut di bawahnya.', en: 'Correct every key listed below it.' },
    (p, f) => `Konfigurasi ${f.path(p.file)} belum benar:`,
    (p, f) => `Config ${f.path(p.file)} is not correct:`,
  ),
  'KLA-E405': def<{ dir: string }>(
    'error',
    { id: 'Folder proyek tidak ditemukan', en: 'No project folder' },
    { id: 'Jalankan perintah di dalam folder proyek, gunakan --project <folder>, atau buat proyek dengan "kla init <folder>".', en: 'Run the command inside a project folder, use --project <folder>, or create one with "kla init <folder>".' },
    (p, f) => `Folder proyek tidak ditemukan: tidak ada kla.config.json di folder ${f.q(p.dir)} maupun folder induknya. Gunakan --project <folder> atau buat proyek dengan "kla init <folder>".`,
    (p, f) => `No project found: there is no kla.config.json in folder ${f.q(p.dir)} or its parents. Use --project <folder> or create one with "kla init <folder>".`,
  ),
  'KLA-E406': def<{ dir: string; file: string }>(
    'error',
    { id: 'Folder sudah berisi proyek', en: 'Folder already holds a project' },
    { id: 'Pilih folder lain, atau ubah konfigurasi yang ada secara langsung.', en: 'Choose another folder, or edit the existing config.' },
    (p, f) => `Folder ${f.path(p.dir)} sudah berisi ${p.file}; berkas itu tidak ditimpa. Pilih folder lain atau ubah konfigurasinya secara langsung.`,
    (p, f) => `Folder ${f.path(p.dir)} already contains ${p.file}; it is not overwritten. Choose another folder or edit that config.`,
  ),

  // Problems inside the config, listed under KLA-E404 (and under KLA-E603 for a catalog file).
  'KLA-E410': def<{ key: string }>(
    'error',
    { id: 'Kunci wajib belum diisi', en: 'Required key missing' },
    { id: 'Tambahkan kunci yang disebut beserta nilainya.', en: 'Add the key named, with its value.' },
    (p) => `"${p.key}" wajib diisi.`,
    (p) => `"${p.key}" is required.`,
  ),
  'KLA-E411': def<{ key: string; expected: string }>(
    'error',
    { id: 'Jenis nilai salah', en: 'Wrong kind of value' },
    { id: 'Tulis nilai dengan jenis yang diminta (teks dalam tanda kutip, angka tanpa tanda kutip).', en: 'Write a value of the kind asked for (text in quotes, numbers without).' },
    (p) => `"${p.key}" harus berupa ${TYPE_WORDS.id[p.expected] ?? p.expected}.`,
    (p) => `"${p.key}" must be ${TYPE_WORDS.en[p.expected] ?? p.expected}.`,
  ),
  'KLA-E412': def<{ key: string; origin: 'array' | 'string' | 'number'; minimum: number }>(
    'error',
    { id: 'Nilai terlalu kecil atau kosong', en: 'Value too small or empty' },
    { id: 'Isi nilai yang diminta.', en: 'Fill in the value asked for.' },
    (p, f) => (p.origin === 'array' ? `"${p.key}" harus berisi paling sedikit ${p.minimum} entri.` : p.origin === 'string' ? `"${p.key}" tidak boleh kosong.` : `"${p.key}" harus paling kecil ${f.n(p.minimum)}.`),
    (p, f) => (p.origin === 'array' ? `"${p.key}" needs at least ${p.minimum} entries.` : p.origin === 'string' ? `"${p.key}" must not be empty.` : `"${p.key}" must be at least ${f.n(p.minimum)}.`),
  ),
  'KLA-E413': def<{ key: string; maximum: number }>(
    'error',
    { id: 'Nilai terlalu besar', en: 'Value too large' },
    { id: 'Perkecil nilainya.', en: 'Use a smaller value.' },
    (p, f) => `"${p.key}" harus paling besar ${f.n(p.maximum)}.`,
    (p, f) => `"${p.key}" must be at most ${f.n(p.maximum)}.`,
  ),
  'KLA-E414': def<{ key: string; values: string[] }>(
    'error',
    { id: 'Nilai bukan pilihan yang tersedia', en: 'Value not one of the choices' },
    { id: 'Tulis salah satu nilai yang disebut.', en: 'Write one of the values named.' },
    (p, f) => `"${p.key}" harus salah satu dari: ${f.list(p.values)}.`,
    (p, f) => `"${p.key}" must be one of: ${f.list(p.values)}.`,
  ),
  'KLA-E415': def<{ key: string; format: 'nip' | 'opd-code' | 'id' | 'date' | 'other' }>(
    'error',
    { id: 'Format nilai salah', en: 'Wrong format' },
    {
      id: 'NIP 18 digit angka; kode OPD huruf kapital, angka, "_" dan "-"; tanggal dalam bentuk TTTT-BB-HH.',
      en: 'A NIP has 18 digits; an OPD code capitals, digits, "_" and "-"; a date is written YYYY-MM-DD.',
    },
    (p) =>
      p.format === 'date'
        ? `"${p.key}" harus berupa tanggal dalam bentuk TTTT-BB-HH, misalnya "2026-12-19".`
        : p.format === 'nip'
        ? `"${p.key}" harus 18 digit angka NIP.`
        : p.format === 'opd-code'
          ? `"${p.key}" hanya boleh berisi huruf kapital, angka, "_" dan "-".`
          : p.format === 'id'
            ? `"${p.key}" hanya boleh berisi huruf, angka, titik dan tanda hubung, tanpa spasi.`
            : `"${p.key}" formatnya tidak sesuai.`,
    (p) =>
      p.format === 'date'
        ? `"${p.key}" must be a date written YYYY-MM-DD, e.g. "2026-12-19".`
        : p.format === 'nip'
        ? `"${p.key}" must be an 18-digit NIP.`
        : p.format === 'opd-code'
          ? `"${p.key}" may contain only capitals, digits, "_" and "-".`
          : p.format === 'id'
            ? `"${p.key}" may contain only letters, digits, dots and hyphens, without spaces.`
            : `"${p.key}" has the wrong format.`,
  ),
  'KLA-E416': def<{ key: string; keys: string[] }>(
    'error',
    { id: 'Kunci tidak dikenal', en: 'Unknown key' },
    { id: 'Periksa ejaan kunci; hapus kunci yang tidak dipakai.', en: 'Check the spelling of the key; remove keys that are not used.' },
    (p, f) => `${p.key ? `"${p.key}" memuat` : 'Konfigurasi memuat'} kunci yang tidak dikenal: ${f.list(p.keys)}.`,
    (p, f) => `${p.key ? `"${p.key}" contains` : 'The config contains'} unknown keys: ${f.list(p.keys)}.`,
  ),
  'KLA-E417': def<{ key: string }>(
    'error',
    { id: 'Isi nilai tidak sesuai', en: 'Value not valid' },
    { id: 'Bandingkan dengan contoh di dokumentasi.', en: 'Compare with the example in the documentation.' },
    (p) => `"${p.key}" isinya tidak sesuai.`,
    (p) => `"${p.key}" is not valid.`,
  ),
  'KLA-E420': def<{ key: string; code: string }>(
    'error',
    { id: 'Kode OPD ganda', en: 'Duplicate OPD code' },
    { id: 'Beri setiap OPD kode tersendiri.', en: 'Give every OPD its own code.' },
    (p) => `"${p.key}": kode OPD "${p.code}" dipakai lebih dari sekali.`,
    (p) => `"${p.key}": OPD code "${p.code}" is used more than once.`,
  ),
  'KLA-E421': def<{ key: string; source: string; catalog: string; known: string[] }>(
    'error',
    { id: 'Sumber data tidak ada dalam katalog', en: 'Source not in the catalog' },
    { id: 'Gunakan nama sumber sebagaimana ditulis katalog.', en: 'Use a source name as the catalog writes it.' },
    (p, f) => `"${p.key}": sumber "${f.q(p.source)}" tidak ada dalam katalog ${p.catalog}. Sumber yang dikenal: ${f.list(p.known)}.`,
    (p, f) => `"${p.key}": source "${f.q(p.source)}" is not in catalog ${p.catalog}. Known sources: ${f.list(p.known)}.`,
  ),
  'KLA-E422': def<{ key: string; name: string; other: string }>(
    'error',
    { id: 'Nama atau alias OPD ganda', en: 'OPD name or alias used twice' },
    { id: 'Setiap nama dan alias hanya boleh menunjuk satu OPD.', en: 'Every name and alias may point to one OPD only.' },
    (p, f) => `"${p.key}": nama atau alias "${f.q(p.name)}" juga dipakai oleh OPD ${p.other}.`,
    (p, f) => `"${p.key}": name or alias "${f.q(p.name)}" is also used by OPD ${p.other}.`,
  ),
  'KLA-E423': def<{ count: number; questions: string[]; sources: string[] }>(
    'error',
    { id: 'Pertanyaan tanpa OPD penjawab', en: 'Questions answered by no OPD' },
    { id: 'Petakan sumber yang disebut ke salah satu OPD di "opds".', en: 'Map the sources named onto one of the OPDs in "opds".' },
    (p, f) => `"opds": ${p.count} pertanyaan tidak dijawab OPD mana pun (${f.list(p.questions, 8)}). Petakan sumber berikut ke salah satu OPD: ${f.list(p.sources)}.`,
    (p, f) => `"opds": ${p.count} questions are answered by no OPD (${f.list(p.questions, 8)}). Map these sources onto an OPD: ${f.list(p.sources)}.`,
  ),
  'KLA-W424': def<{ sources: string[] }>(
    'warning',
    { id: 'Sumber katalog tidak dipetakan', en: 'Catalog sources not mapped' },
    { id: 'Tidak wajib: pertanyaannya tetap dijawab OPD lain. Tambahkan sumber ke OPD yang sesuai bila perlu.', en: 'Not required: their questions are still answered by other OPDs. Add the sources to the right OPD if needed.' },
    (p, f) => `Sumber katalog berikut tidak dipetakan ke OPD mana pun (pertanyaannya tetap dijawab OPD lain): ${f.list(p.sources)}.`,
    (p, f) => `These catalog sources are mapped onto no OPD (their questions are still answered by other OPDs): ${f.list(p.sources)}.`,
  ),
  'KLA-W426': def<{ key: string; province: string }>(
    'warning',
    { id: 'Nama provinsi tidak dikenal', en: 'Unknown province name' },
    { id: 'Periksa penulisan nama provinsi; nama itu tercetak pada sampul dan kop dokumen.', en: 'Check the spelling of the province; it is printed on the cover and the letterhead.' },
    (p, f) => `"${p.key}": "${f.q(p.province)}" bukan nama salah satu dari 38 provinsi. Mohon periksa penulisannya, karena nama provinsi tercetak pada sampul dan kop dokumen.`,
    (p, f) => `"${p.key}": "${f.q(p.province)}" is not the name of one of the 38 provinces. Please check its spelling: it is printed on the cover and the letterhead.`,
  ),
  'KLA-E430': def<{ key: string; question: string; catalog: string }>(
    'error',
    { id: 'Pilihan jawaban untuk pertanyaan yang tidak dikenal', en: 'Chosen answer for an unknown question' },
    { id: 'Tulis nomor pertanyaan persis seperti pada kolom "No." lembar Jawaban templat.', en: 'Write the question number exactly as the "No." column of the template\'s answer sheet shows it.' },
    (p, f) => `"${p.key}": pertanyaan "${f.q(p.question)}" tidak ada dalam katalog ${p.catalog}.`,
    (p, f) => `"${p.key}": question "${f.q(p.question)}" is not in catalog ${p.catalog}.`,
  ),
  'KLA-E431': def<{ key: string; opd: string; codes: string[] }>(
    'error',
    { id: 'Pilihan jawaban menyebut OPD yang tidak dikenal', en: 'Chosen answer names an unknown OPD' },
    { id: 'Tulis kode OPD sebagaimana tercantum di "opds".', en: 'Write the OPD code as listed in "opds".' },
    (p, f) => `"${p.key}": OPD "${f.q(p.opd)}" tidak terdapat dalam daftar OPD. Kode yang dikenal: ${f.list(p.codes, 12)}.`,
    (p, f) => `"${p.key}": OPD "${f.q(p.opd)}" is not in the OPD list. Known codes: ${f.list(p.codes, 12)}.`,
  ),
  'KLA-E432': def<{ key: string; question: string; opd: string; opds: string[] }>(
    'error',
    { id: 'OPD yang dipilih tidak menjawab pertanyaan itu', en: 'Chosen OPD does not answer that question' },
    { id: 'Pilih salah satu OPD yang menjawab pertanyaan tersebut.', en: 'Choose one of the OPDs that answer the question.' },
    (p, f) => `"${p.key}": ${p.opd} tidak menjawab pertanyaan ${p.question}. OPD yang menjawabnya: ${f.list(p.opds)}.`,
    (p, f) => `"${p.key}": ${p.opd} does not answer question ${p.question}. The OPDs that answer it: ${f.list(p.opds)}.`,
  ),
  'KLA-E433': def<{ key: string; dataYear: number; year: number }>(
    'error',
    { id: 'Tahun data sesudah tahun evaluasi', en: 'Data year after the evaluation year' },
    { id: 'Tahun data adalah tahun yang dievaluasi (untuk evaluasi 2026: 2025); hapus kunci itu untuk memakai tahun sebelum tahun evaluasi.', en: 'The data year is the year evaluated (for the 2026 evaluation: 2025); remove the key to use the year before the evaluation year.' },
    (p) => `"${p.key}": tahun data ${p.dataYear} tidak boleh sesudah tahun evaluasi ${p.year}.`,
    (p) => `"${p.key}": data year ${p.dataYear} must not come after evaluation year ${p.year}.`,
  ),
  'KLA-I425': def<{ catalog: string; district: string; year: number; file: string }>(
    'info',
    { id: 'Diperiksa tanpa folder proyek', en: 'Checked without a project folder' },
    {
      id: 'Di luar folder proyek, lembar kerja diperiksa dengan katalog, kabupaten/kota dan tahun yang tercatat di lembar Meta-nya. Jalankan di dalam folder proyek (atau dengan --project) untuk memakai daftar OPD dan pengaturan kabupaten/kota.',
      en: "Outside a project folder, workbooks are checked against the catalog, district and year recorded on their Meta sheet. Run inside the project folder (or with --project) to use the district's OPD list and settings.",
    },
    (p, f) =>
      `Tidak ada folder proyek di sini: lembar kerja diperiksa dengan katalog ${p.catalog} untuk ${p.district}, tahun ${p.year}, sebagaimana tercatat pada templat ${f.path(p.file)}. Cakupan jawaban seluruh kabupaten/kota tidak dihitung.`,
    (p, f) =>
      `No project folder here: the workbooks are checked against catalog ${p.catalog} for ${p.district}, year ${p.year}, as recorded in the template ${f.path(p.file)}. The answer coverage of the whole district is not computed.`,
  ),
} satisfies Record<string, AnyCodeDef>;
