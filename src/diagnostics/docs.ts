/**
 * docs/diagnostics.md is generated from the code registry, so the page lists
 * every code and cannot drift from the messages. A test compares the file with
 * this output (KLA_UPDATE_DOCS=1 rewrites it).
 */
import type { Diagnostic } from '../model.js';
import { CODES, type Code, type ParamsOf } from './codes/index.js';
import { formatMessage } from './format.js';
import { diag } from './index.js';

/** Parameters for the example message of each code; a new code does not compile without one. */
export const EXAMPLES = {
  'KLA-E001': {},
  'KLA-E002': { detail: 'end of central directory record signature not found' },
  'KLA-E003': { format: 'HTML' },
  'KLA-E004': {},
  'KLA-E005': {},
  'KLA-E006': {},
  'KLA-E007': {},
  'KLA-E008': { entry: 'xl/worksheets/sheet3.xml', size: 300, ratio: 1020 },
  'KLA-E009': { what: 'part', entry: 'xl/worksheets/sheet3.xml', size: 21.4, limit: 16 },
  'KLA-E010': { format: 'PDF' },
  'KLA-W011': {},
  'KLA-I012': {},
  'KLA-I013': { kind: 'other', ext: '.jpg' },
  'KLA-E014': { detail: 'EACCES: permission denied' },
  'KLA-W015': { row: 3003 },
  'KLA-E016': { reason: 'missing' },
  'KLA-I017': { kind: 'folder', first: 'submissions' },
  'KLA-I018': { kind: 'broken-link' },
  'KLA-W019': { reason: 'denied' },
  'KLA-E101': { sheet: 'Jawaban' },
  'KLA-W102': { expected: 'Jawaban', found: 'Sheet1' },
  'KLA-W103': {},
  'KLA-E104': { found: '9', expected: 1 },
  'KLA-E105': { found: 'kla-2023', expected: 'kla-2024' },
  'KLA-E106': { found: '0123456789abcdef', expected: '5d41402abc4b2a76' },
  'KLA-E107': { found: '2025', expected: '2026' },
  'KLA-E108': { found: 'Kabupaten Sarolangun', expected: 'Kabupaten Merangin' },
  'KLA-E109': { found: 'Dinas Rahasia' },
  'KLA-W110': { meta: 'DINKES', identity: 'Dinas Sosial', opd: 'DINKES' },
  'KLA-W111': { opd: 'DINKES' },
  'KLA-E112': { field: 'officerName' },
  'KLA-E113': { field: 'officerNip', found: '19850312 2010' },
  'KLA-E114': { field: 'headNip', found: '197501012005011000' },
  'KLA-W115': { field: 'officerPhone', found: '81234567890' },
  'KLA-E116': { field: 'officerEmail', found: 'siti.rahmawati@' },
  'KLA-E117': { sheet: 'Identitas' },
  'KLA-W118': { named: 'DINKES', opd: 'DINSOS' },
  'KLA-E120': { found: '2024', expected: '2025' },
  'KLA-E119': { sheet: 'Jawaban (2)', read: 'Jawaban', answers: 31 },
  'KLA-E201': { question: '12.3' },
  'KLA-E202': { question: '12.3' },
  'KLA-E203': { question: '99.9', catalog: 'kla-2024' },
  'KLA-E204': { question: '12.3', first: 'A25' },
  'KLA-W205': { question: '1.2a', opd: 'DINKES' },
  'KLA-W206': {},
  'KLA-I207': { columns: 'K, L' },
  'KLA-W208': { range: 'F12:G12' },
  'KLA-E210': { question: '1.3a', found: 'Ya', options: '"Ada, lengkap dan berjalan", "Ada, sebagian", "Direncanakan", "Tidak ada"' },
  'KLA-W211': { question: '1.3a', found: 'Ada, sebagian ', taken: 'Ada, sebagian', differences: ['trailing-space'] },
  'KLA-E212': { question: '12.1', found: 'sekitar 80', expected: 'percent' },
  'KLA-W213': { question: '5.3', found: '80%', taken: 80, how: 'percent-sign' },
  'KLA-W214': { question: '12.1', found: '1,234', taken: 1.234, alternative: 1234 },
  'KLA-W215': { question: '12.1', found: 0.875, scaled: 87.5 },
  'KLA-E216': { question: '12.1', found: 120 },
  'KLA-E217': { question: '14.7', found: 2.5 },
  'KLA-E218': { question: '14.7', found: '2026-05-01' },
  'KLA-E219': { formula: 'SUM(J4:J9)' },
  'KLA-E220': { error: '#DIV/0!' },
  'KLA-W221': { question: '12.3', year: 2025 },
  'KLA-W222': { question: '1.3j' },
  'KLA-W223': { question: '3.1d' },
  'KLA-W230': { question: '2.1', found: 'terlampir' },
  'KLA-W231': { question: '2.1', found: 'C:\\Users\\Dinkes\\Documents\\SK Gugus Tugas.pdf' },
  'KLA-W232': { question: '2.1', found: 'SK Gugus Tugas KLA 2022.pdf', years: ['2022'], dataYear: 2025, previousYear: 2024 },
  'KLA-E250': { what: 'year', found: '2025', expected: '2026' },
  'KLA-W251': {},
  'KLA-W252': { sheet: 'Narasi' },
  'KLA-E253': { name: 'Bangko', first: 'C5', by: 'name' },
  'KLA-E254': { name: 'Dusun Bangko', kecamatan: 'Bangko', first: 'G6', by: 'name' },
  'KLA-E255': { desa: 'Pulau Rengas', kecamatan: 'Bangko Timur' },
  'KLA-W256': { what: 'desa', found: 213, expected: 215 },
  'KLA-E257': { kecamatan: 'Tabir', sex: 'P', age: '5–9', found: '1.204,5' },
  'KLA-E258': { name: 'Tabir Tengah' },
  'KLA-W259': { name: 'Tiang Pumpung' },
  'KLA-W260': { group: 'Klaster III', parts: ['kendala', 'upaya'] },
  'KLA-E261': { opd: 'Dinas Kesehatan Provinsi' },
  'KLA-E262': { indicator: '27', catalog: 'kla-2024' },
  'KLA-E263': { year: 2026, evaluationYear: 2026 },
  'KLA-E264': { found: 'Madia', options: ['Pratama', 'Madya', 'Nindya', 'Utama', 'KLA', 'Tidak memperoleh predikat'] },
  'KLA-E265': { field: 'regulationYear', found: '22', min: 1945, max: 2026 },
  'KLA-W266': { missing: ['timing', 'responsible'] },
  'KLA-W267': { other: ['submissions/Profil Daerah (lama).xlsx'], kept: 'submissions/KLA 2026 - Profil Daerah (DPPPA).xlsx' },
  'KLA-E268': { part: 'sk-gugus-tugas' },
  'KLA-W224': { question: '14.2', found: '37', answer: 'blank' },
  'KLA-W225': { question: '1.3a', found: 'Ada, sebagian', column: 'note', year: 2026 },
  'KLA-E301': { opd: 'DINKES', other: ['submissions/Dinkes (revisi 2).xlsx'], kept: 'submissions/Dinkes (revisi 2).xlsx' },
  'KLA-W302': { question: '1.2l', opd: 'DINKES', value: 'Ada, Peraturan Daerah', otherOpd: 'HUKUM', otherValue: 'Tidak ada', otherFile: 'submissions/Hukum.xlsx', otherCell: 'F9' },
  'KLA-W303': { question: '12.1', opds: 'DINKES' },
  'KLA-I304': { opd: 'DINSOS', name: 'Dinas Sosial', questions: 67 },
  'KLA-I305': { opd: 'DINKES', kept: 'submissions/Dinkes (revisi 2) FINAL.xlsx', by: 'saved', savedAt: '2026-11-28T02:10:00Z', keptSavedAt: '2026-12-03T08:15:00Z' },
  'KLA-W306': { opd: 'DINKES', kept: 'submissions/Dinkes (revisi 2) FINAL.xlsx' },

  'KLA-E401': { file: 'KLA Merangin 2026/kla.config.json' },
  'KLA-E402': { dir: 'KLA Merangin 2026', files: ['kla.config.json', 'kla.config.yaml'] },
  'KLA-E403': { file: 'kla.config.yaml', format: 'YAML', line: 12, column: 5 },
  'KLA-E404': { file: 'kla.config.json' },
  'KLA-E405': { dir: 'Dokumen' },
  'KLA-E406': { dir: 'KLA Merangin 2026', file: 'kla.config.json' },
  'KLA-E410': { key: 'district.province' },
  'KLA-E411': { key: 'year', expected: 'number' },
  'KLA-E412': { key: 'opds', origin: 'array', minimum: 1 },
  'KLA-E413': { key: 'year', maximum: 2100 },
  'KLA-E414': { key: 'district.kind', values: ['kabupaten', 'kota'] },
  'KLA-E415': { key: 'signatories.coordinator.nip', format: 'nip' },
  'KLA-E416': { key: 'district', keys: ['provinsi'] },
  'KLA-E417': { key: 'severity.KLA-W222' },
  'KLA-E420': { key: 'opds[3].code', code: 'DINKES' },
  'KLA-E421': { key: 'opds[2].sources', source: 'Dinas Kesehatan', catalog: 'kla-2024', known: ['Dinkes', 'Dinsos'] },
  'KLA-E422': { key: 'opds[5]', name: 'Dinkes', other: 'DINKES' },
  'KLA-E423': { count: 3, questions: ['12.1', '12.2', '12.3'], sources: ['Dinkes'] },
  'KLA-W424': { sources: ['Dispora', 'Dinas Pariwisata'] },
  'KLA-E430': { key: 'chosenAnswers.1.9', question: '1.9', catalog: 'kla-2024' },
  'KLA-E431': { key: 'chosenAnswers.1.2l', opd: 'DINAS-X', codes: ['DPPPA', 'DINKES', 'HUKUM'] },
  'KLA-E432': { key: 'chosenAnswers.1.2l', question: '1.2l', opd: 'DISHUB', opds: ['DPPPA', 'DINKES', 'HUKUM'] },
  'KLA-E433': { key: 'dataYear', dataYear: 2027, year: 2026 },
  'KLA-I425': { catalog: 'kla-2024', district: 'Kabupaten Merangin', year: 2026, file: 'Dinkes (revisi 2).xlsx' },
  'KLA-E501': { command: 'valdate', suggestion: 'validate' },
  'KLA-E502': { option: '--formt', suggestion: '--format', command: 'validate' },
  'KLA-E503': { argument: 'folder', command: 'init' },
  'KLA-E504': { option: '--format' },
  'KLA-E505': { option: '--format', value: 'xml', choices: ['pretty', 'json', 'junit', 'github'] },
  'KLA-E506': { command: 'init' },
  'KLA-E507': { value: '26' },
  'KLA-E508': { option: '--max-warnings', value: 'lima', minimum: 0 },
  'KLA-E509': { missing: ['--district', '--province'] },
  'KLA-E510': { district: 'Kota Jambi', kind: 'kabupaten' },
  'KLA-E511': { file: 'output/dokumen-kla-2026.pdf' },
  'KLA-E512': { value: 'kemarin' },
  'KLA-E513': { name: 'Emas', names: ['Pratama', 'Madya', 'Nindya', 'Utama', 'KLA'] },
  'KLA-E514': { code: 'DINAS-X', codes: ['DPPPA', 'DINKES'] },
  'KLA-E515': { inputs: ['kiriman/Dinkes.xlsx'] },
  'KLA-E516': { dir: 'templates', files: ['KLA 2026 - DINKES - Dinas Kesehatan.xlsx', 'KLA 2026 - DINSOS - Dinas Sosial.xlsx'] },
  'KLA-E533': { inputs: ['/'], limit: 20000 },
  'KLA-E517': { inputs: ['submissions'] },
  'KLA-E518': { what: 'what-if', file: 'skenario.json', reason: 'missing' },
  'KLA-W519': { warnings: 12, max: 0 },
  'KLA-E520': { file: 'skenario.json' },
  'KLA-E521': { file: 'skenario.json' },
  'KLA-E522': { example: '12.3' },
  'KLA-E523': { key: 'sets' },
  'KLA-E524': { question: '99.9', catalog: 'kla-2024' },
  'KLA-E525': { question: '12.3' },
  'KLA-E526': { question: '12.3' },
  'KLA-E527': { question: '1.1', answer: 'Ya', options: ['Tidak ada'], ambiguous: 0 },
  'KLA-E528': { question: '12.3', answer: 'banyak', expected: 'percent' },
  'KLA-E529': { question: '12.3' },
  'KLA-E530': { question: '19.7', max: 5, value: '7' },
  'KLA-E531': { arg: '12.3:92', example: '12.3' },
  'KLA-E532': {},
  'KLA-E540': { file: 'nilai-2025.json' },
  'KLA-E541': { file: 'nilai-2025.json', version: 2, expected: 1 },
  'KLA-E542': { at: 'groups.0.points' },
  'KLA-E601': { ref: 'kla-2031', file: 'kla-2031', known: ['kla-2024'] },
  'KLA-E602': { file: 'katalog-merangin.json' },
  'KLA-E603': { file: 'katalog-merangin.json' },
  'KLA-E605': { file: 'katalog-merangin.json' },
  'KLA-E604': { file: 'katalog-merangin.json', newest: 'kla-2024' },
  'KLA-E606': { file: 'catalogs/kla-2024.json', problem: 'no-id' },
  'KLA-E607': { dir: 'catalogs' },
  'KLA-E611': { at: 'groups[1].indicators[0].questions[2]', kind: 'question', id: '4.3' },
  'KLA-E612': { at: 'groups[3].indicators[0].questions[0]', id: '12.1', source: 'Dinas Kesehatan' },
  'KLA-E613': { at: 'groups[3].indicators[0].questions[0]', id: '12.1', rubric: 'persen' },
  'KLA-E614': { at: 'rubrics.regulasi', rubric: 'regulasi', fraction: 1.5 },
  'KLA-E615': { at: 'groups[3].indicators[0].questions[0]', id: '12.1', rubric: 'regulasi', answerType: 'percent' },
  'KLA-E616': { at: 'groups[3].indicators[0].questions[3]', id: '12.4', rubric: 'tren-turun' },
  'KLA-E617': { at: 'groups[0].indicators[0]', id: '1', sum: 95, max: 96 },
  'KLA-E618': { at: 'groups[1]', id: 'klaster-1', sum: 115, max: 150 },
  'KLA-E619': { at: 'groups', sum: 965, max: 1000 },
  'KLA-E620': { at: 'predikat.bands[1]', name: 'Madya' },
  'KLA-E621': { at: 'groups[3].indicators[0].questions[0]', id: '12.1', rubric: 'persen-naik' },
  'KLA-E622': { at: 'groups[6].indicators[0].questions[3]', id: '25.4', scope: 'share-of-kecamatan', answerType: 'availability' },
  'KLA-E623': { at: 'corrections[3]', id: '99.1' },
  'KLA-E624': { at: 'groups[6].indicators[1].questions[17].rollup', id: '26.18', problem: 'not-an-option', option: 'Sebagian' },
  'KLA-E701': { errors: 3, files: 2 },
  'KLA-I702': { more: 14 },
  'KLA-E703': { folder: 'submissions', inputs: [] },
  'KLA-E704': { errors: 3, files: 2 },
  'KLA-E705': { file: 'output/dokumen-kla-2026.pdf', reason: 'busy' },
  'KLA-E706': { file: 'lambang-merangin.png', reason: 'missing' },
  'KLA-E707': { file: 'lambang-merangin.bmp' },
  'KLA-E708': { dir: 'naskah' },
  'KLA-E709': { file: 'naskah/penutup.hbs' },
  'KLA-E710': {},
  'KLA-E711': { file: 'naskah/penutup.hbs', line: 3, problem: 'variable', name: 'nilai.totl', available: ['nilai.total', 'nilai.predikat'] },
  'KLA-W712': { file: 'naskah/penutupan.hbs', names: ['kata-pengantar', 'penutup'] },
  'KLA-E713': { file: 'naskah/penutup.hbs' },
  'KLA-E714': { dir: 'node_modules/pdfmake/build/fonts/Roboto' },
  'KLA-E715': { dir: 'data dukung' },
  'KLA-I716': {},
  'KLA-W717': { errors: 3 },
  'KLA-W718': { errors: 3, ignored: 2, unreadable: [] },
  'KLA-E719': { blockers: 3 },
  'KLA-E720': { key: 'document.date' },
  'KLA-E721': { key: 'signatories.head.name', role: 'head', field: 'name', found: 'Isi nama Bupati' },
  'KLA-E722': { key: 'district.logo' },
  'KLA-E724': { question: '1.2a', opds: ['DPPPA', 'HUKUM'] },
  'KLA-E725': { errors: 3, files: 2 },
  'KLA-W730': { question: '1.2l', opd: 'HUKUM', reason: 'no-answer' },
  'KLA-E801': { keys: ['letters.date', 'deadline'] },
  'KLA-E802': { pattern: '400.2/{nomor}/DPPPA/{year}', placeholder: '{nomor}', known: ['{seq}', '{opd}', '{year}', '{month}'] },
  'KLA-E803': { code: 'DP3A', codes: ['DPPPA', 'DINKES', 'DINSOS'] },
  'KLA-W810': { question: '12.3', files: ['SK Tim Imunisasi 2026.pdf'] },
  'KLA-E900': { detail: 'Cannot read properties of undefined' },
} satisfies { [C in Code]: ParamsOf<C> };

const SEVERITY = { error: 'kesalahan (error)', warning: 'peringatan (warning)', info: 'informasi (info)' } as const;

export function exampleDiagnostic(code: Code): Diagnostic {
  return diag(code, EXAMPLES[code] as never, { file: 'submissions/Dinkes.xlsx' });
}

export function renderDiagnosticsDoc(): string {
  const codes = Object.keys(CODES) as Code[];
  const out: string[] = [
    '# Kode temuan dan penolakan / Diagnostic codes',
    '',
    '<!-- Generated from src/diagnostics/codes/*.ts and src/diagnostics/docs.ts; do not edit by hand. Regenerate: KLA_UPDATE_DOCS=1 npx vitest run tests/report-docs.test.ts -->',
    '',
    'Setiap temuan `kla validate` dan setiap penolakan perintah kla memiliki kode tetap, tingkat (kesalahan, peringatan, informasi), parameter, dan lokasi ' +
      '(berkas, lembar, sel; kunci konfigurasi; atau opsi perintah). Huruf pada kode menunjukkan tingkat bawaan: **E** kesalahan, **W** peringatan, **I** informasi. ' +
      'Kabupaten/kota dapat menaikkan, menurunkan, atau mematikan tingkat setiap kode temuan di `kla.config.json`, misalnya ' +
      '`"severity": { "KLA-W222": "error", "KLA-E113": "warning", "KLA-I207": "off" }`.',
    '',
    'Every finding of `kla validate` and every refusal of a kla command has a stable code, a severity, parameters and a location ' +
      '(file, sheet, cell; config key; or command-line option). The letter gives the default severity: **E** error, **W** warning, **I** info. ' +
      "A district may change any finding's severity, or switch it off, with `severity` in `kla.config.json`. Codes are never renumbered.",
    '',
    'Ranges: 0xx the file itself, 1xx template and identity, 2xx answers (25x–26x the DPPPA profile workbook), 3xx across files (the findings of `kla validate`); ' +
      '4xx project and config, 5xx command line, what-if and baseline, 6xx catalog, 7xx scoring and documents, 8xx status, feedback and letters to the OPDs ' +
      '(refusals about the letter settings; KLA-W810 is a finding kla feedback adds where named evidence has not been received), 9xx kla itself (refusals: the command stops, ' +
      'exit code 2 for wrong usage or unreadable input, 1 when the data stop it).',
    '',
    'Paths in reports are relative to the folder where `kla validate` runs, with `/` as separator on every platform; ' +
      'findings about the whole set (e.g. an OPD that sent nothing) have an empty file. `--format json` carries `code`, `params` ' +
      'and `location` of each finding (schemaVersion 1); key on those, not on the message text.',
    '',
    '## Penggunaan / Usage',
    '',
    '```sh',
    'kla validate                                  # folder submissions/ proyek (dengan cakupan jawaban)',
    'kla validate "kiriman/Dinkes (revisi 2).xlsx"  # satu berkas (juga di luar folder proyek)',
    'kla validate kiriman/ "arsip/**/*.xlsx"        # folder (rekursif) dan pola glob bertanda kutip',
    'kla validate -f json -o laporan.json          # json | junit | github | pretty (bawaan)',
    'kla validate --max-warnings 0                 # peringatan pun menggagalkan (CI)',
    '```',
    '',
    '- Kode keluar / exit codes: `0` tanpa kesalahan; `1` ada kesalahan (atau peringatan melebihi `--max-warnings`); ' +
      '`2` kesalahan penggunaan, masukan tidak ditemukan, atau kegagalan internal (seperti ESLint).',
    '- `--format github` menulis anotasi (10 kesalahan dan 10 peringatan terpenting, lalu satu catatan jumlah sisanya) ' +
      'dan menambahkan ringkasan Markdown ke berkas `GITHUB_STEP_SUMMARY` bila variabel itu ada. ' +
      '`--format junit` untuk laporan uji GitLab/Jenkins (kesalahan dan peringatan sebagai `failure` dengan `type`). ' +
      '`-o BERKAS` menulis laporan secara atomik, tanpa kode warna.',
    '- Berkas kunci Excel (`~$…`) dan berkas yang bukan lembar kerja di dalam folder dilewati dan disebutkan (KLA-I012, KLA-I013). ' +
      'Tautan (shortcut/symlink) ke folder atau berkas yang sudah diperiksa, tautan yang tidak menuju ke mana pun, dan entri khusus dilewati ' +
      'dan disebutkan sekali (KLA-I017, KLA-I018); pemeriksaan berhenti bila masukan memuat terlalu banyak berkas dan folder (KLA-E533). ' +
      'Masukan tidak pernah diubah. Berkas diperiksa ukurannya di direktori zip sebelum dibuka (KLA-E008, KLA-E009).',
    '- Angka ditulis menurut kaidah Indonesia (koma desimal, titik ribuan); angka yang ditulis sesuai petunjuk dibaca tanpa peringatan. ' +
      'Peringatan hanya diberikan bila ada yang perlu diperiksa: angka bermakna ganda (KLA-W214), persentase pada pertanyaan jumlah (KLA-W213), ' +
      'pilihan yang ditulis berbeda, dengan perbedaannya disebut, termasuk yang tak terlihat seperti spasi di akhir (KLA-W211).',
    '- **Berkas mana yang dihitung.** Bila satu OPD mengirim beberapa lembar kerja, yang dihitung adalah yang paling akhir disimpan menurut ' +
      'tanggal simpan di dalam lembar kerja itu sendiri (tanggal itu ikut tersalin bersama berkas, lewat e-mail maupun unduhan), lalu menurut waktu berkasnya; ' +
      'dari salinan yang isinya sama, yang bernama paling pendek. Berkas lain dicatat sebagai digantikan, tanpa temuan tentang jawaban dan identitas ' +
      'yang tidak dipakai lagi: informasi (KLA-I305) bila tanggal simpan lembar kerja yang menentukan atau isinya sama, peringatan (KLA-W306) bila hanya waktu ' +
      'berkas yang menentukan, karena waktu itu berubah saat berkas disalin. Mengirim revisi adalah hal biasa, bukan kesalahan; hanya dua lembar kerja berbeda ' +
      'dengan tanggal simpan dan waktu berkas yang sama yang tetap menjadi kesalahan (KLA-E301), karena tidak diketahui mana yang terbaru. ' +
      'Lembar kerja tahun atau kabupaten/kota lain tidak pernah menggantikan lembar kerja yang sah. ' +
      '*Which file counts: of several workbooks of one OPD, the one saved last by its own saved date, then by file time, counts; the others are listed as ' +
      'superseded (info, or a warning when only file times decided), without findings about the answers they no longer carry.*',
    '- Cakupan jawaban seluruh kabupaten/kota ditampilkan bila seluruh folder kiriman diperiksa, atau dengan `--coverage`. ' +
      'Di luar folder proyek, lembar kerja diperiksa dengan katalog, kabupaten/kota dan tahun yang tercatat pada templatnya (KLA-I425).',
    '',
    '## Daftar kode / Code list',
    '',
    '| Kode | Tingkat bawaan | Arti | Meaning |',
    '| --- | --- | --- | --- |',
    ...codes.map((c) => `| [${c}](#${c.toLowerCase()}) | ${CODES[c].severity} | ${CODES[c].title.id} | ${CODES[c].title.en} |`),
    '',
  ];
  for (const c of codes) {
    const d = CODES[c];
    const ex = exampleDiagnostic(c);
    out.push(
      `## ${c}`,
      '',
      `**${d.title.id}** / *${d.title.en}*. Tingkat bawaan / default severity: ${SEVERITY[d.severity]}.`,
      '',
      `- Cara memperbaiki: ${d.fix.id}`,
      `- How to fix: ${d.fix.en}`,
      `- Contoh pesan: «${formatMessage(ex, 'id')}»`,
      `- Example message: «${formatMessage(ex, 'en')}»`,
      '',
    );
  }
  return out.join('\n');
}
