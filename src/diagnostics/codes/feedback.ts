/**
 * 8xx: closing the loop with the OPDs: `kla status`, `kla feedback` and its
 * letters. Refusals about the letter settings of the config, and the findings
 * kla feedback adds to an OPD's own (evidence the DPPPA has not received).
 */
import { def, type AnyCodeDef } from '../registry.js';

/** What to add to kla.config.json for the keys missing: dates in the evaluation year (seq: the letter's running number). */
function letterExample(p: { keys: string[]; year: number }): string {
  const lines = [
    ...(p.keys.some((k) => k.startsWith('letters.')) ? [`"letters": { "date": "${p.year}-02-16", "number": "400.2/{seq}/DPPPA/{month}/{year}" },`] : []),
    ...(p.keys.includes('deadline') ? [`"deadline": "${p.year}-02-27",`] : []),
  ];
  return lines.map((l) => `    ${l}`).join('\n');
}

export const FEEDBACK_CODES = {
  'KLA-E801': def<{ keys: string[]; year: number }>(
    'error',
    { id: 'Pengaturan surat belum lengkap', en: 'Letter settings incomplete' },
    {
      id: 'Isi kunci yang disebut di kla.config.json: "letters.date" (tanggal surat), "letters.number" (pola nomor surat) dan "deadline" atau "letters.deadline" (batas waktu bagi OPD). Lihat docs/feedback.md.',
      en: 'Fill the keys named in kla.config.json: "letters.date" (letter date), "letters.number" (number pattern) and "deadline" or "letters.deadline" (the date the OPDs reply by). See docs/feedback.md.',
    },
    (p, f) =>
      `Surat dan lembar kerja bertanda belum dapat disusun karena konfigurasi belum memuat ${f.list(p.keys.map((k) => `"${k}"`))}. ` +
      `Mohon tambahkan baris berikut ke kla.config.json, tepat setelah tanda { pada baris pertama:\n${letterExample(p)}\n` +
      'Gantilah tanggal dan nomornya dengan tanggal dan nomor surat Bapak/Ibu sendiri. Tanggal dan nomor surat diambil dari konfigurasi, bukan dari jam komputer, agar hasilnya tetap sama setiap kali disusun.',
    (p, f) =>
      `The letters and annotated workbooks cannot be written: the config has no ${f.list(p.keys.map((k) => `"${k}"`))}. ` +
      `Add these lines to kla.config.json, right after the { on its first line:\n${letterExample(p)}\n` +
      'Put your own letter date and number in them. Letter dates and numbers come from the config, never from the clock, so that the same inputs give the same documents.',
  ),
  'KLA-E802': def<{ pattern: string; placeholder: string; known: string[] }>(
    'error',
    { id: 'Pola nomor surat tidak dikenal', en: 'Unknown placeholder in the letter number' },
    { id: 'Gunakan hanya {seq}, {opd}, {year} dan {month} dalam "letters.number".', en: 'Use only {seq}, {opd}, {year} and {month} in "letters.number".' },
    (p, f) => `Pola nomor surat ${f.q(p.pattern)} memuat ${f.q(p.placeholder)}, yang tidak dikenal. Yang tersedia: ${f.list(p.known)}.`,
    (p, f) => `The letter number pattern ${f.q(p.pattern)} contains ${f.q(p.placeholder)}, which is unknown. Available: ${f.list(p.known)}.`,
  ),
  'KLA-E803': def<{ code: string; codes: string[] }>(
    'error',
    { id: 'Pengirim surat tidak ada dalam daftar OPD', en: 'Letter sender not among the OPDs' },
    { id: 'Isi "letters.sender" dengan kode OPD pengirim surat (biasanya DPPPA) dari daftar "opds".', en: 'Set "letters.sender" to the code of the sending OPD (usually the DPPPA) from the "opds" list.' },
    (p, f) => `"letters.sender" berisi ${f.q(p.code)}, yang tidak ada dalam daftar OPD. Kode yang ada: ${f.list(p.codes, 12)}.`,
    (p, f) => `"letters.sender" is ${f.q(p.code)}, which is not in the OPD list. Known codes: ${f.list(p.codes, 12)}.`,
  ),
  'KLA-W810': def<{ question: string; files: string[]; empty?: string[] }>(
    'warning',
    { id: 'Data dukung belum diterima', en: 'Evidence not received' },
    {
      id: 'Kirimkan berkas data dukung yang disebut kepada DPPPA, atau perbaiki namanya bila berkas itu sudah dikirim dengan nama lain.',
      en: 'Send the evidence files named to the DPPPA, or correct their names if they were sent under another name.',
    },
    (p, f) =>
      (p.empty ?? []).length === p.files.length
        ? `Data dukung pertanyaan ${p.question} yang disebut di sel ini (${f.list(p.files, 3)}) diterima DPPPA dalam keadaan kosong (0 byte), sehingga tidak dapat dibuka. Mohon kirimkan kembali berkasnya; tanpa data dukung nilai jawaban ini dapat tidak diakui pada verifikasi.`
        : `Data dukung pertanyaan ${p.question} yang disebut di sel ini (${f.list(p.files, 3)}) belum diterima DPPPA${(p.empty ?? []).length > 0 ? ` atau diterima kosong (${f.list(p.empty, 3)})` : ''}. Mohon kirimkan berkasnya; tanpa data dukung nilai jawaban ini dapat tidak diakui pada verifikasi.`,
    (p, f) =>
      (p.empty ?? []).length === p.files.length
        ? `The evidence for question ${p.question} named in this cell (${f.list(p.files, 3)}) reached the DPPPA empty (0 bytes), so it cannot be opened. Please send the files again; without evidence the answer's points can be refused at verification.`
        : `The evidence for question ${p.question} named in this cell (${f.list(p.files, 3)}) has not reached the DPPPA${(p.empty ?? []).length > 0 ? ` or arrived empty (${f.list(p.empty, 3)})` : ''}. Please send the files; without evidence the answer's points can be refused at verification.`,
  ),
} satisfies Record<string, AnyCodeDef>;
