/**
 * docs/diagnostics.md is generated from the code registry, so the page lists
 * every code and cannot drift from the messages. A test compares the file with
 * this output (KLA_UPDATE_DOCS=1 rewrites it).
 */
import type { Diagnostic } from '../model.js';
import { CODES, type Code, type Params } from './codes.js';
import { formatMessage } from './messages.js';

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
  'KLA-W015': { row: 3003 },
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
  'KLA-E201': { question: '12.3' },
  'KLA-E202': { question: '12.3' },
  'KLA-E203': { question: '99.9', catalog: 'kla-2024' },
  'KLA-E204': { question: '12.3', first: 'A25' },
  'KLA-W205': { question: '1.2a', opd: 'DINKES' },
  'KLA-W206': {},
  'KLA-I207': { columns: 'K, L' },
  'KLA-W208': { range: 'F12:G12' },
  'KLA-E210': { question: '1.3a', found: 'Ya', options: '"Ada, lengkap dan berjalan", "Ada, sebagian", "Direncanakan", "Tidak ada"' },
  'KLA-W211': { question: '1.3a', found: 'ada, SEBAGIAN', taken: 'Ada, sebagian' },
  'KLA-E212': { question: '12.1', found: 'sekitar 80', expected: 'percent' },
  'KLA-W213': { question: '12.1', found: '87,5%', taken: 87.5 },
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
  'KLA-E301': { opd: 'DINKES', other: 'submissions/Dinkes (revisi 2).xlsx', kept: 'submissions/Dinkes (revisi 2).xlsx' },
  'KLA-W302': { question: '1.2l', opd: 'DINKES', value: 'Ada, Peraturan Daerah', otherOpd: 'HUKUM', otherValue: 'Tidak ada', otherFile: 'submissions/Hukum.xlsx', otherCell: 'F9' },
  'KLA-W303': { question: '12.1', opds: 'DINKES' },
  'KLA-I304': { opd: 'DINSOS', name: 'Dinas Sosial', questions: 67 },
} satisfies Record<Code, Params>;

const SEVERITY = { error: 'kesalahan (error)', warning: 'peringatan (warning)', info: 'informasi (info)' } as const;

export function exampleDiagnostic(code: Code): Diagnostic {
  return { code, severity: CODES[code].severity, params: EXAMPLES[code], location: { file: 'submissions/Dinkes.xlsx' } };
}

export function renderDiagnosticsDoc(): string {
  const codes = Object.keys(CODES) as Code[];
  const out: string[] = [
    '# Kode temuan `kla validate` / Diagnostic codes',
    '',
    '<!-- Generated from src/validate/codes.ts and src/validate/docs.ts; do not edit by hand. Regenerate: KLA_UPDATE_DOCS=1 npx vitest run tests/report-docs.test.ts -->',
    '',
    'Setiap temuan `kla validate` memiliki kode tetap, tingkat (kesalahan, peringatan, informasi), parameter, dan lokasi (berkas, lembar, sel). ' +
      'Huruf pada kode menunjukkan tingkat bawaan: **E** kesalahan (kode keluar 1), **W** peringatan, **I** informasi. ' +
      'Kabupaten/kota dapat menaikkan, menurunkan, atau mematikan tingkat setiap kode di `kla.config.json`, misalnya ' +
      '`"severity": { "KLA-W222": "error", "KLA-E113": "warning", "KLA-I207": "off" }`.',
    '',
    'Every finding of `kla validate` has a stable code, a severity, parameters and a location (file, sheet, cell). ' +
      'The letter gives the default severity: **E** error (exit code 1), **W** warning, **I** info. A district may change any ' +
      "code's severity, or switch it off, with `severity` in `kla.config.json`. Codes are never renumbered.",
    '',
    'Paths in reports are relative to the folder where `kla validate` runs, with `/` as separator on every platform; ' +
      'findings about the whole set (e.g. an OPD that sent nothing) have an empty file. `--format json` carries `code`, `params` ' +
      'and `location` of each finding (schemaVersion 1); key on those, not on the message text.',
    '',
    '## Penggunaan / Usage',
    '',
    '```sh',
    'kla validate                                  # folder submissions/ proyek',
    'kla validate "kiriman/Dinkes (revisi 2).xlsx"  # satu berkas',
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
      'Masukan tidak pernah diubah. Berkas diperiksa ukurannya di direktori zip sebelum dibuka (KLA-E008, KLA-E009).',
    '- Angka ditulis menurut kaidah Indonesia (koma desimal, titik ribuan); setiap penyesuaian nilai dilaporkan sebagai peringatan ' +
      'yang menyebut apa yang terbaca dan bagaimana nilai itu diartikan (KLA-W211, KLA-W213, KLA-W214).',
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
