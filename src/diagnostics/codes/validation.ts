/**
 * The codes of `kla validate`: the file itself (0xx), template and identity
 * (1xx), question rows and answers (2xx; 25x–26x the DPPPA profile workbook)
 * and checks across files (3xx). Codes
 * are a contract (JSON output, CI filters, config.severity): never renumber,
 * only add. The letter shows the default severity (E error, W warning, I
 * info); a district may change it in its config.
 */
import { def, type AnyCodeDef, type Fmt } from '../registry.js';

/** The fields of the answer sheet, left to right (workbook/layout.ts places them). */
export type AnswerField = 'id' | 'indicator' | 'question' | 'points' | 'answerType' | 'answer' | 'previous' | 'evidence' | 'note';

/** Neighbouring fields moved by the same number of columns (a column inserted or deleted moves all on its right), as index ranges. */
function fieldRuns(p: { fields: readonly AnswerField[]; shift: readonly number[] }): { from: number; to: number }[] {
  const order = Object.keys(FIELD_NAMES.id);
  const runs: { from: number; to: number }[] = [];
  p.fields.forEach((f, i) => {
    const last = runs[runs.length - 1];
    if (last && last.to === i - 1 && p.shift[i] === p.shift[i - 1] && order.indexOf(f) === order.indexOf(p.fields[i - 1]!) + 1) last.to = i;
    else runs.push({ from: i, to: i });
  });
  return runs;
}

/** The answer sheet's columns as their headers name them (KLA-W209). */
const FIELD_NAMES: Record<'id' | 'en', Record<AnswerField, string>> = {
  id: { id: 'No.', indicator: 'Indikator', question: 'Pertanyaan', points: 'Poin maks.', answerType: 'Jenis jawaban', answer: 'Jawaban', previous: 'Nilai tahun sebelumnya', evidence: 'Data dukung', note: 'Catatan' },
  en: { id: 'No.', indicator: 'Indicator', question: 'Question', points: 'Max. points', answerType: 'Answer type', answer: 'Answer', previous: 'Previous year', evidence: 'Evidence', note: 'Note' },
};
/** How a typed option differed from the one it was taken as (KLA-W211). */
export type OptionDifference =
  | 'invisible'
  | 'odd-space'
  | 'leading-space'
  | 'trailing-space'
  | 'double-space'
  | 'case'
  | 'spacing'
  | 'punctuation'
  | 'short-form'
  | 'spelling';

/** What made a typed option differ from the one it was taken as, in words (most of these cannot be seen). */
const DIFFERENCE_WORDS: Record<'id' | 'en', Record<OptionDifference, string>> = {
  id: {
    invisible: 'karakter tak terlihat',
    'odd-space': 'spasi tak terputus',
    'leading-space': 'spasi di awal',
    'trailing-space': 'spasi di akhir',
    'double-space': 'spasi ganda',
    case: 'huruf besar/kecil',
    spacing: 'spasi di sekitar tanda baca',
    punctuation: 'tanda baca',
    'short-form': 'singkatan',
    spelling: 'ejaan',
  },
  en: {
    invisible: 'an invisible character',
    'odd-space': 'a non-breaking space',
    'leading-space': 'a leading space',
    'trailing-space': 'a trailing space',
    'double-space': 'a double space',
    case: 'upper/lower case',
    spacing: 'spacing around punctuation',
    punctuation: 'punctuation',
    'short-form': 'an abbreviation',
    spelling: 'spelling',
  },
};

/** Besides a misspelling, the invisible differences worth naming too. */
const others = (ds: readonly OptionDifference[] | undefined, lang: 'id' | 'en') => {
  const rest = (ds ?? []).filter((d) => d !== 'spelling' && d !== 'case' && d !== 'punctuation' && d !== 'spacing');
  if (rest.length === 0) return '';
  const words = rest.map((d) => DIFFERENCE_WORDS[lang][d]);
  return lang === 'id' ? ` (juga: ${words.join(', ')})` : ` (also: ${words.join(', ')})`;
};

const SAVE_XLSX_ID = 'buka berkas di Excel, pilih Simpan Sebagai (Save As) dengan jenis "Buku Kerja Excel (*.xlsx)", lalu kirim berkas .xlsx tersebut';
const SAVE_XLSX_EN = 'open the file in Excel, choose Save As with type "Excel Workbook (*.xlsx)", and send that .xlsx file';
const USE_TEMPLATE_ID = 'salin jawaban ke templat terbaru yang dikirim DPPPA';
const USE_TEMPLATE_EN = 'copy the answers into the latest template sent by the DPPPA';

/** What a profile entry is, in words (the parameter `field` of KLA-E265 and KLA-W266). */
export type ProfileField =
  | 'kecamatanName'
  | 'desaName'
  | 'desaKind'
  | 'childYear'
  | 'childSource'
  | 'regulationKind'
  | 'regulationNumber'
  | 'regulationYear'
  | 'regulationTitle'
  | 'chair'
  | 'members'
  | 'historyYear'
  | 'historyPredikat'
  | 'historyTotal'
  | 'opd'
  | 'activity'
  | 'timing'
  | 'responsible';

const PROFILE_FIELD_LABELS: Record<'id' | 'en', Record<ProfileField, string>> = {
  id: {
    kecamatanName: 'nama kecamatan',
    desaName: 'nama desa/kelurahan',
    desaKind: 'jenis (desa atau kelurahan)',
    childYear: 'tahun data anak',
    childSource: 'sumber data anak',
    regulationKind: 'jenis peraturan/keputusan',
    regulationNumber: 'nomor',
    regulationYear: 'tahun penetapan',
    regulationTitle: 'judul (tentang)',
    chair: 'jabatan Ketua Gugus Tugas',
    members: 'jumlah anggota Gugus Tugas',
    historyYear: 'tahun evaluasi',
    historyPredikat: 'predikat',
    historyTotal: 'nilai total',
    opd: 'perangkat daerah',
    activity: 'kegiatan',
    timing: 'waktu pelaksanaan',
    responsible: 'unit penanggung jawab',
  },
  en: {
    kecamatanName: 'kecamatan name',
    desaName: 'desa/kelurahan name',
    desaKind: 'kind (desa or kelurahan)',
    childYear: 'data year of the child figures',
    childSource: 'source of the child figures',
    regulationKind: 'kind of regulation or decree',
    regulationNumber: 'number',
    regulationYear: 'year of enactment',
    regulationTitle: 'title',
    chair: 'position of the Gugus Tugas chair',
    members: 'number of Gugus Tugas members',
    historyYear: 'evaluation year',
    historyPredikat: 'predikat',
    historyTotal: 'total score',
    opd: 'OPD',
    activity: 'activity',
    timing: 'timing',
    responsible: 'responsible unit',
  },
};

const NARRATIVE_PART_LABELS = {
  id: { capaian: 'capaian', kendala: 'kendala', upaya: 'upaya' },
  en: { capaian: 'achievements', kendala: 'obstacles', upaya: 'efforts' },
} as const;

type Expectation = { field: ProfileField; min?: number; max?: number; options?: readonly string[] };
const isYearField = (f: ProfileField) => f === 'childYear' || f === 'regulationYear' || f === 'historyYear';

function expectationId(p: Expectation, f: Fmt): string {
  if (p.options) return `seharusnya salah satu dari ${f.quoted(p.options)}`;
  if (isYearField(p.field)) return `seharusnya tahun dengan empat angka antara ${p.min} dan ${p.max}`;
  if (p.max !== undefined) return `seharusnya angka antara ${f.n(p.min ?? 0)} dan ${f.n(p.max)}`;
  return 'seharusnya bilangan bulat 0 atau lebih';
}

function expectationEn(p: Expectation, f: Fmt): string {
  if (p.options) return `it must be one of ${f.quoted(p.options)}`;
  if (isYearField(p.field)) return `it must be a four-digit year between ${p.min} and ${p.max}`;
  if (p.max !== undefined) return `it must be a number between ${f.n(p.min ?? 0)} and ${f.n(p.max)}`;
  return 'it must be a whole number, 0 or more';
}

export const VALIDATION_CODES = {
  // -------------------------------------------------------------------------
  // 0xx: the file itself
  'KLA-E001': def(
    'error',
    { id: 'Berkas kosong', en: 'Empty file' },
    { id: 'Kirim ulang lembar kerja yang sudah diisi; berkas 0 bait biasanya akibat unduhan atau salinan yang gagal.', en: 'Send the filled workbook again; a 0-byte file usually comes from a failed download or copy.' },
    () => 'Berkas ini kosong (tidak berisi data). Mohon kirim ulang lembar kerja yang sudah diisi.',
    () => 'This file is empty. Please send the filled workbook again.',
  ),
  // Technical detail (the zip or XML library's own words) is kept in `detail` for JSON consumers and
  // bug reports; no message prints it, because an OPD officer cannot act on it.
  'KLA-E002': def<{ detail: string }>(
    'error',
    { id: 'Berkas rusak atau tidak lengkap', en: 'Damaged or truncated file' },
    { id: 'Buka berkas di Excel; bila Excel dapat memperbaikinya, simpan ulang sebagai .xlsx. Bila tidak, kirim ulang dari berkas asli.', en: 'Open the file in Excel; if Excel can repair it, save it again as .xlsx. Otherwise send it again from the original.' },
    () => 'Berkas rusak atau tidak lengkap sehingga tidak dapat dibuka. Mohon buka berkas di Excel, simpan ulang sebagai .xlsx, lalu kirim kembali; bila Excel tidak dapat membukanya, kirim ulang dari berkas asli.',
    () => 'The file is damaged or incomplete and cannot be opened. Please open it in Excel, save it again as .xlsx and send it again; if Excel cannot open it either, send it again from the original.',
  ),
  'KLA-E003': def<{ format: string }>(
    'error',
    { id: 'Halaman web atau XML dengan nama .xlsx', en: 'Web page or XML named .xlsx' },
    { id: 'Berkas hasil ekspor aplikasi web sering berupa HTML. Buka di Excel lalu Simpan Sebagai "Buku Kerja Excel (*.xlsx)".', en: 'Exports from web applications are often HTML. Open the file in Excel and Save As "Excel Workbook (*.xlsx)".' },
    (p) => `Berkas ini sebenarnya berformat ${p.format}, bukan buku kerja Excel, walaupun namanya berakhiran seperti berkas Excel. Mohon ${SAVE_XLSX_ID}.`,
    (p) => `This file is really ${p.format}, not an Excel workbook, although its name looks like one. Please ${SAVE_XLSX_EN}.`,
  ),
  'KLA-E004': def(
    'error',
    { id: 'Teks atau CSV dengan nama lembar kerja', en: 'Text or CSV named as a workbook' },
    { id: 'Isi templat KLA dari DPPPA dan simpan sebagai .xlsx; CSV tidak menyimpan lembar Identitas dan metadata templat.', en: 'Fill the KLA template from the DPPPA and save it as .xlsx; CSV cannot hold the identity sheet and the template metadata.' },
    () => 'Berkas ini berisi teks biasa (misalnya CSV), bukan buku kerja Excel. Mohon isi templat KLA yang dikirim DPPPA dan simpan sebagai .xlsx.',
    () => 'This file is plain text (for example CSV), not an Excel workbook. Please fill the KLA template sent by the DPPPA and save it as .xlsx.',
  ),
  'KLA-E005': def(
    'error',
    { id: 'Format Excel lama (.xls)', en: 'Legacy Excel format (.xls)' },
    { id: 'Buka di Excel, Simpan Sebagai "Buku Kerja Excel (*.xlsx)".', en: 'Open in Excel and Save As "Excel Workbook (*.xlsx)".' },
    () => `Berkas berformat Excel lama (.xls, Excel 97–2003) yang tidak dapat dibaca. Mohon ${SAVE_XLSX_ID}.`,
    () => `The file is in the legacy Excel format (.xls, Excel 97–2003), which cannot be read. Please ${SAVE_XLSX_EN}.`,
  ),
  'KLA-E006': def(
    'error',
    { id: 'Format OpenDocument (.ods)', en: 'OpenDocument format (.ods)' },
    { id: 'Di LibreOffice/WPS pilih Simpan Sebagai, jenis "Excel 2007-365 (.xlsx)".', en: 'In LibreOffice/WPS choose Save As, type "Excel 2007-365 (.xlsx)".' },
    () => 'Berkas berformat OpenDocument (.ods, dari LibreOffice atau WPS) yang tidak dapat dibaca. Mohon simpan ulang dengan jenis "Excel 2007-365 (.xlsx)", lalu kirim berkas .xlsx tersebut.',
    () => 'The file is in OpenDocument format (.ods, from LibreOffice or WPS), which cannot be read. Please save it again as "Excel 2007-365 (.xlsx)" and send that .xlsx file.',
  ),
  'KLA-E007': def(
    'error',
    { id: 'Berkas berkata sandi', en: 'Password-protected file' },
    { id: 'Di Excel: File > Info > Lindungi Buku Kerja > Enkripsi dengan Kata Sandi, kosongkan kata sandi, simpan. Perlindungan lembar (tanpa enkripsi) tidak menjadi masalah.', en: 'In Excel: File > Info > Protect Workbook > Encrypt with Password, clear the password, save. Sheet protection (without encryption) is no problem.' },
    () => 'Berkas dilindungi kata sandi pembuka (terenkripsi) sehingga isinya tidak dapat dibaca. Mohon hapus kata sandi tersebut (File > Info > Lindungi Buku Kerja > Enkripsi dengan Kata Sandi, kosongkan), simpan, lalu kirim kembali.',
    () => 'The file is protected with an opening password (encrypted), so its content cannot be read. Please remove the password (File > Info > Protect Workbook > Encrypt with Password, clear it), save and send it again.',
  ),
  'KLA-E008': def<{ entry: string; ratio: number; size?: number; recorded?: number }>(
    'error',
    { id: 'Bom dekompresi', en: 'Decompression bomb' },
    { id: 'Berkas ditolak sebelum dibuka karena ukurannya setelah dibuka tidak wajar. Minta OPD mengirim ulang templat yang diisi biasa.', en: 'The file is refused before it is opened because its unpacked size is implausible. Ask the OPD to send a normally filled template.' },
    (p, f) =>
      p.recorded !== undefined
        ? `Berkas ditolak karena bagian "${f.q(p.entry)}" mengembang jauh melebihi ukuran yang tercatat di dalam berkas (tercatat ${f.n(p.recorded)} MB, sudah lebih dari ${f.n(p.size)} MB); berkas seperti ini sengaja dibuat untuk membebani komputer. Mohon kirim ulang templat yang diisi seperti biasa.`
        : Number(p.ratio) > 0
          ? `Berkas ditolak karena bagian "${f.q(p.entry)}" akan mengembang menjadi ${f.n(p.size)} MB (rasio pemadatan ${p.ratio}:1); ukuran ini tidak wajar untuk lembar kerja KLA. Mohon kirim ulang templat yang diisi seperti biasa.`
          : `Berkas ditolak karena bagian "${f.q(p.entry)}" mengembang melebihi ukuran yang tercatat di dalam berkas; berkas seperti ini sengaja dibuat untuk membebani komputer. Mohon kirim ulang templat yang diisi seperti biasa.`,
    (p, f) =>
      p.recorded !== undefined
        ? `The file is refused because its part "${f.q(p.entry)}" inflates far beyond the size recorded in the file (recorded ${f.n(p.recorded)} MB, already more than ${f.n(p.size)} MB); such a file is made to overload the computer. Please send a normally filled template again.`
        : Number(p.ratio) > 0
          ? `The file is refused because its part "${f.q(p.entry)}" would inflate to ${f.n(p.size)} MB (compression ratio ${p.ratio}:1); that is implausible for a KLA workbook. Please send a normally filled template again.`
          : `The file is refused because its part "${f.q(p.entry)}" inflates beyond the size recorded in the file; such a file is made to overload the computer. Please send a normally filled template again.`,
  ),
  'KLA-E009': def<{ what: 'file' | 'entries' | 'part' | 'total'; size: number; limit: number; entry?: string }>(
    'error',
    { id: 'Berkas atau lembar terlalu besar', en: 'File or sheet too large' },
    { id: 'Hapus gambar, lembar, baris atau kolom di luar isian templat; kirim data dukung sebagai berkas terpisah.', en: 'Remove pictures, sheets, rows or columns outside the template; send evidence as separate files.' },
    (p, f) =>
      p.what === 'entries'
        ? `Berkas memuat terlalu banyak bagian (${p.size}; batas ${p.limit}). Mohon kirim templat KLA yang diisi tanpa lampiran di dalamnya.`
        : p.what === 'part'
          ? `Bagian "${f.q(p.entry)}" terlalu besar (${f.n(p.size)} MB; batas ${f.n(p.limit)} MB). Mohon hapus baris, kolom, atau gambar di luar isian templat, lalu simpan ulang.`
          : p.what === 'total'
            ? `Isi berkas setelah dibuka terlalu besar (${f.n(p.size)} MB; batas ${f.n(p.limit)} MB). Mohon hapus gambar, lembar, atau baris di luar isian templat, lalu simpan ulang.`
            : `Berkas terlalu besar (${f.n(p.size)} MB; batas ${f.n(p.limit)} MB). Mohon hapus gambar atau lembar tambahan dan kirim data dukung sebagai berkas terpisah.`,
    (p, f) =>
      p.what === 'entries'
        ? `The file holds too many parts (${p.size}; limit ${p.limit}). Please send the filled KLA template without attachments inside it.`
        : p.what === 'part'
          ? `Part "${f.q(p.entry)}" is too large (${f.n(p.size)} MB; limit ${f.n(p.limit)} MB). Please delete rows, columns or pictures outside the template and save again.`
          : p.what === 'total'
            ? `The file's unpacked content is too large (${f.n(p.size)} MB; limit ${f.n(p.limit)} MB). Please delete pictures, sheets or rows outside the template and save again.`
            : `The file is too large (${f.n(p.size)} MB; limit ${f.n(p.limit)} MB). Please remove pictures or extra sheets and send evidence as separate files.`,
  ),
  'KLA-E010': def<{ format: string }>(
    'error',
    { id: 'Bukan buku kerja Excel', en: 'Not an Excel workbook' },
    { id: 'Kirim templat KLA yang sudah diisi (.xlsx); data dukung (PDF, foto) dikirim terpisah dan disebut di kolom H.', en: 'Send the filled KLA template (.xlsx); evidence (PDF, photos) goes separately and is named in column H.' },
    (p) => `Berkas ini bukan buku kerja Excel melainkan ${p.format === '?' ? 'berkas jenis lain' : p.format}. Mohon kirim templat KLA yang sudah diisi dalam format .xlsx; data dukung dikirim terpisah.`,
    (p) => `This file is not an Excel workbook but ${p.format === '?' ? 'another kind of file' : p.format}. Please send the filled KLA template as .xlsx; evidence goes separately.`,
  ),
  'KLA-W011': def(
    'warning',
    { id: 'Berkas bermakro (.xlsm)', en: 'Macro-enabled file (.xlsm)' },
    { id: 'Isinya tetap dibaca dan makro tidak pernah dijalankan. Simpan sebagai .xlsx untuk pengiriman berikutnya.', en: 'The content is read and macros never run. Save as .xlsx next time.' },
    () => 'Berkas mengandung makro. Isinya tetap dibaca, tetapi makro tidak dijalankan; mohon simpan sebagai .xlsx untuk pengiriman berikutnya.',
    () => 'The file contains macros. Its content is read but the macros are not run; please save it as .xlsx next time.',
  ),
  'KLA-I012': def(
    'info',
    { id: 'Berkas kunci Excel dilewati', en: 'Excel lock file skipped' },
    { id: 'Berkas "~$..." dibuat Excel selama lembar kerja terbuka. Tutup Excel; berkas itu hilang sendiri atau boleh dihapus.', en: 'Excel creates "~$..." files while a workbook is open. Close Excel; the file disappears or may be deleted.' },
    () => 'Berkas kunci sementara milik Excel (nama diawali "~$") dilewati; berkas ini muncul selama lembar kerja masih terbuka di Excel.',
    () => 'Excel\'s temporary lock file (name starting with "~$") was skipped; it exists while the workbook is open in Excel.',
  ),
  'KLA-I013': def<{ kind: 'hidden' | 'other'; ext: string }>(
    'info',
    { id: 'Berkas lain dilewati', en: 'Other file skipped' },
    { id: 'Hanya lembar kerja (.xlsx) yang diperiksa. Pindahkan data dukung ke folder evidence.', en: 'Only workbooks (.xlsx) are checked. Move evidence files to the evidence folder.' },
    (p) => `Berkas ini bukan lembar kerja (${p.kind === 'hidden' ? 'berkas sistem atau tersembunyi' : `jenis "${p.ext}"`}) sehingga dilewati.`,
    (p) => `This file is not a workbook (${p.kind === 'hidden' ? 'a system or hidden file' : `type "${p.ext}"`}) and was skipped.`,
  ),
  'KLA-W020': def<{ ext: string }>(
    'warning',
    { id: 'Arsip dilewati', en: 'Archive skipped' },
    { id: 'Ekstrak isi arsip ke folder kiriman: lembar kerja ke folder kiriman, data dukung ke folder evidence.', en: 'Extract the archive: workbooks into the submissions folder, evidence into the evidence folder.' },
    (p) => `Berkas ini arsip (jenis "${p.ext}"), bukan lembar kerja, sehingga isinya tidak diperiksa. Bila arsip ini berisi lembar kerja OPD, mohon ekstrak isinya ke folder kiriman (dan data dukungnya ke folder evidence), lalu periksa kembali.`,
    (p) => `This file is an archive (type "${p.ext}"), not a workbook, so its contents were not checked. If it holds an OPD workbook, please extract it into the submissions folder (and its evidence into the evidence folder), then check again.`,
  ),
  'KLA-E014': def<{ detail?: string }>(
    'error',
    { id: 'Tidak ada izin membaca berkas', en: 'No permission to read the file' },
    { id: 'Salin berkas ke folder kiriman dengan akun yang menjalankan kla, atau minta pemilik komputer memberi izin baca.', en: 'Copy the file into the submissions folder with the account that runs kla, or ask the owner of the computer for read permission.' },
    () => 'Berkas ini tidak dapat dibuka karena akun yang menjalankan kla tidak memiliki izin membacanya. Berkas itu sendiri belum tentu rusak. Mohon salin ulang berkas ke folder kiriman atau minta izin baca, lalu jalankan pemeriksaan kembali.',
    () => 'This file cannot be opened because the account running kla has no permission to read it. The file itself is not necessarily damaged. Please copy it into the submissions folder again or ask for read permission, then run the check again.',
  ),
  'KLA-W015': def<{ row: number }>(
    'warning',
    { id: 'Baris di luar batas baca', en: 'Rows beyond the read limit' },
    { id: 'Hapus baris yang tidak diperlukan di bawah daftar pertanyaan.', en: 'Delete the unneeded rows below the question list.' },
    (p) => `Lembar ini memuat isian di bawah baris ${p.row}; bagian tersebut tidak dibaca. Mohon hapus baris yang tidak diperlukan.`,
    (p) => `This sheet has content below row ${p.row}, which is not read. Please delete the unneeded rows.`,
  ),

  'KLA-E016': def<{ reason: 'missing' | 'busy' | 'folder' | 'other'; detail?: string }>(
    'error',
    { id: 'Berkas tidak dapat dibaca dari disk', en: 'File cannot be read from disk' },
    { id: 'Pastikan berkas masih ada, tidak sedang dibuka atau disalin program lain, lalu ulangi.', en: 'Make sure the file still exists and is not being opened or copied by another program, then try again.' },
    (p) =>
      `Berkas ini tidak dapat dibaca dari disk: ${
        p.reason === 'missing'
          ? 'berkas dipindahkan atau dihapus selama pemeriksaan'
          : p.reason === 'busy'
            ? 'berkas sedang dikunci program lain'
            : p.reason === 'folder'
              ? 'yang ditemukan adalah folder, bukan berkas'
              : 'terjadi kesalahan baca pada disk'
      }. Mohon periksa berkasnya, lalu jalankan pemeriksaan kembali.`,
    (p) =>
      `This file could not be read from disk: ${
        p.reason === 'missing'
          ? 'it was moved or deleted during the check'
          : p.reason === 'busy'
            ? 'another program has it locked'
            : p.reason === 'folder'
              ? 'it is a folder, not a file'
              : 'a disk read error occurred'
      }. Please check the file, then run the check again.`,
  ),
  'KLA-I017': def<{ kind: 'folder' | 'file'; first: string }>(
    'info',
    { id: 'Folder atau berkas yang sama dilewati', en: 'Same folder or file skipped' },
    { id: 'Tautan (shortcut/symlink) ini menunjuk ke folder atau berkas yang sudah diperiksa; hapus tautannya bila tidak diperlukan.', en: 'This link (shortcut/symlink) points to a folder or file already checked; remove the link if it is not needed.' },
    (p, f) => `Tautan ini menunjuk ke ${p.kind === 'folder' ? 'folder' : 'berkas'} yang sudah diperiksa (${f.path(p.first)}), sehingga dilewati agar tidak dibaca dua kali.`,
    (p, f) => `This link points to a ${p.kind} already checked (${f.path(p.first)}), so it was skipped rather than read twice.`,
  ),
  'KLA-I018': def<{ kind: 'broken-link' | 'link-loop' | 'fifo' | 'socket' | 'device' | 'other' }>(
    'info',
    { id: 'Entri khusus di folder dilewati', en: 'Special entry in a folder skipped' },
    { id: 'Hanya berkas biasa yang diperiksa. Hapus tautan yang rusak atau entri khusus ini dari folder kiriman.', en: 'Only regular files are checked. Remove the broken link or special entry from the submissions folder.' },
    (p) =>
      `Entri ini dilewati karena ${
        p.kind === 'broken-link'
          ? 'merupakan tautan (shortcut/symlink) ke berkas atau folder yang tidak ada'
          : p.kind === 'link-loop'
            ? 'merupakan tautan yang menunjuk ke dirinya sendiri'
            : p.kind === 'fifo' || p.kind === 'socket'
              ? 'merupakan saluran sistem, bukan berkas'
              : p.kind === 'device'
                ? 'merupakan perangkat, bukan berkas'
                : 'bukan berkas biasa'
      }.`,
    (p) =>
      `This entry was skipped: ${
        p.kind === 'broken-link'
          ? 'it is a link (shortcut/symlink) to a file or folder that does not exist'
          : p.kind === 'link-loop'
            ? 'it is a link that points to itself'
            : p.kind === 'fifo' || p.kind === 'socket'
              ? 'it is a system pipe, not a file'
              : p.kind === 'device'
                ? 'it is a device, not a file'
                : 'it is not a regular file'
      }.`,
  ),
  'KLA-W019': def<{ reason: 'denied' | 'other' }>(
    'warning',
    { id: 'Folder tidak dapat dibuka', en: 'Folder cannot be opened' },
    { id: 'Periksa izin folder itu; berkas di dalamnya belum ikut diperiksa.', en: 'Check the folder\'s permissions; the files inside it were not checked.' },
    (p) => `Folder ini tidak dapat dibuka${p.reason === 'denied' ? ' karena tidak ada izin membacanya' : ''}, sehingga berkas di dalamnya tidak ikut diperiksa.`,
    (p) => `This folder could not be opened${p.reason === 'denied' ? ' (no permission to read it)' : ''}, so the files inside it were not checked.`,
  ),

  // -------------------------------------------------------------------------
  // 1xx: template and identity
  'KLA-E101': def<{ sheet: string }>(
    'error',
    { id: 'Bukan templat KLA', en: 'Not a KLA template' },
    { id: 'Gunakan templat dari "kla template"; jangan menghapus atau mengganti lembar Jawaban.', en: 'Use the template made by "kla template"; do not delete or replace the Jawaban sheet.' },
    (p) => `Lembar "${p.sheet}" tidak ditemukan, sehingga berkas ini tidak dikenali sebagai templat KLA. Mohon gunakan templat yang dikirim DPPPA tanpa menghapus atau mengganti lembarnya.`,
    (p) => `Sheet "${p.sheet}" was not found, so this file is not recognised as a KLA template. Please use the template sent by the DPPPA without deleting or replacing its sheets.`,
  ),
  'KLA-W102': def<{ expected: string; found: string }>(
    'warning',
    { id: 'Nama lembar diubah', en: 'Sheet renamed' },
    { id: 'Lembar dikenali dari isinya; kembalikan namanya seperti semula.', en: 'The sheet was recognised by its content; restore its name.' },
    (p, f) => `Lembar "${p.expected}" telah diganti namanya menjadi "${f.q(p.found)}"; lembar ini tetap dikenali dari isinya. Mohon kembalikan nama lembar menjadi "${p.expected}".`,
    (p, f) => `Sheet "${p.expected}" was renamed to "${f.q(p.found)}"; it was still recognised by its content. Please rename it back to "${p.expected}".`,
  ),
  'KLA-W103': def(
    'warning',
    { id: 'Metadata templat tidak ada', en: 'Template metadata missing' },
    { id: 'Lembar tersembunyi "Meta" mencatat katalog, tahun dan OPD templat. Salin jawaban ke templat asli.', en: 'The hidden "Meta" sheet records the template\'s catalog, year and OPD. Copy the answers into an original template.' },
    () => `Lembar tersembunyi "Meta" tidak ditemukan, sehingga asal templat (katalog, tahun, OPD) tidak dapat dipastikan. Mohon ${USE_TEMPLATE_ID}.`,
    () => `The hidden "Meta" sheet was not found, so the template's origin (catalog, year, OPD) cannot be confirmed. Please ${USE_TEMPLATE_EN}.`,
  ),
  'KLA-E104': def<{ found: string; expected: number }>(
    'error',
    { id: 'Versi templat tidak dikenal', en: 'Unknown template version' },
    { id: 'Buat templat baru dengan "kla template" dan salin jawabannya.', en: 'Make a new template with "kla template" and copy the answers.' },
    (p, f) => `Versi templat "${f.q(p.found)}" tidak dikenal oleh kla versi ini (yang dikenal: ${p.expected}). Mohon ${USE_TEMPLATE_ID}.`,
    (p, f) => `Template version "${f.q(p.found)}" is not known to this version of kla (known: ${p.expected}). Please ${USE_TEMPLATE_EN}.`,
  ),
  'KLA-E105': def<{ found: string; expected: string }>(
    'error',
    { id: 'Templat dari katalog lain', en: 'Template from another catalog' },
    { id: 'Templat dibuat untuk instrumen lain (mis. tahun lalu). Salin jawaban ke templat tahun ini.', en: 'The template was made for another instrument (e.g. last year). Copy the answers into this year\'s template.' },
    (p, f) => `Templat ini dibuat untuk katalog "${f.q(p.found)}", bukan "${p.expected}" yang berlaku. Mohon ${USE_TEMPLATE_ID}.`,
    (p, f) => `This template was made for catalog "${f.q(p.found)}", not the current "${p.expected}". Please ${USE_TEMPLATE_EN}.`,
  ),
  'KLA-E106': def<{ found: string; expected: string }>(
    'error',
    { id: 'Daftar pertanyaan templat berbeda', en: 'Template question list differs' },
    { id: 'Katalog atau pembagian pertanyaan OPD berubah setelah templat dibuat. Buat ulang templat dan salin jawabannya.', en: 'The catalog or the OPD\'s question assignment changed after the template was made. Regenerate it and copy the answers.' },
    (p, f) => `Daftar pertanyaan pada templat ini berbeda dengan katalog yang berlaku (sidik ${f.q(p.found)}, seharusnya ${p.expected}); templat kemungkinan versi lama. Mohon ${USE_TEMPLATE_ID}.`,
    (p, f) => `The question list of this template differs from the current catalog (fingerprint ${f.q(p.found)}, expected ${p.expected}); it is probably an old template. Please ${USE_TEMPLATE_EN}.`,
  ),
  'KLA-E107': def<{ found: string; expected: string }>(
    'error',
    { id: 'Tahun evaluasi berbeda', en: 'Different evaluation year' },
    { id: 'Berkas tahun lain tercampur di folder kiriman. Pindahkan atau minta lembar kerja tahun yang benar.', en: 'A file of another year is mixed in. Move it away or ask for the right year\'s workbook.' },
    (p, f) => `Tahun evaluasi pada berkas ini adalah ${f.q(p.found)}, sedangkan evaluasi ini untuk tahun ${p.expected}; jawabannya tidak dipakai. Mohon kirim lembar kerja tahun ${p.expected}.`,
    (p, f) => `The evaluation year of this file is ${f.q(p.found)}, but this evaluation is for ${p.expected}; its answers are not used. Please send the ${p.expected} workbook.`,
  ),
  'KLA-E108': def<{ found: string; expected: string }>(
    'error',
    { id: 'Kabupaten/kota berbeda', en: 'Different district' },
    { id: 'Berkas daerah lain tercampur di folder kiriman. Pindahkan berkas itu.', en: 'A file of another district is mixed in. Move it away.' },
    (p, f) => `Berkas ini untuk ${f.q(p.found)}, bukan ${p.expected}; jawabannya tidak dipakai. Mohon pastikan berkas yang dikirim adalah lembar kerja ${p.expected}.`,
    (p, f) => `This file is for ${f.q(p.found)}, not ${p.expected}; its answers are not used. Please make sure the file is a ${p.expected} workbook.`,
  ),
  'KLA-E109': def<{ found: string }>(
    'error',
    { id: 'OPD tidak dikenal', en: 'Unknown OPD' },
    { id: 'Gunakan templat yang dibuat untuk OPD tersebut, atau tambahkan nama yang dipakai sebagai alias OPD di kla.config.json.', en: 'Use the template made for that OPD, or add the name used as an alias of the OPD in kla.config.json.' },
    (p, f) =>
      p.found
        ? `OPD "${f.q(p.found)}" tidak terdapat dalam daftar OPD kabupaten/kota ini, sehingga jawabannya tidak dapat diperhitungkan. Mohon gunakan templat yang dibuat DPPPA untuk OPD Anda, atau minta DPPPA menambahkan nama tersebut sebagai alias.`
        : 'OPD pengirim tidak dapat dikenali: kode OPD di metadata templat, nama OPD di lembar Identitas, maupun nama berkas tidak cocok dengan daftar OPD. Mohon gunakan templat yang dibuat DPPPA untuk OPD Anda.',
    (p, f) =>
      p.found
        ? `OPD "${f.q(p.found)}" is not in this district's OPD list, so its answers cannot be counted. Please use the template the DPPPA made for your OPD, or ask the DPPPA to add that name as an alias.`
        : 'The sending OPD cannot be recognised: neither the OPD code in the template metadata, the OPD name on the identity sheet, nor the file name matches the OPD list. Please use the template the DPPPA made for your OPD.',
  ),
  'KLA-W110': def<{ meta: string; identity: string; opd: string }>(
    'warning',
    { id: 'Identitas OPD tidak konsisten', en: 'Inconsistent OPD identity' },
    { id: 'Templat satu OPD dipakai OPD lain. Gunakan templat yang dibuat untuk OPD sendiri.', en: 'One OPD\'s template was used by another. Use the template made for your own OPD.' },
    (p, f) => `Kode OPD di metadata templat (${f.q(p.meta)}) berbeda dengan OPD di lembar Identitas (${f.q(p.identity)}); berkas dianggap milik ${f.opd(p.opd)}. Mohon gunakan templat yang dibuat untuk OPD Anda sendiri.`,
    (p, f) => `The OPD code in the template metadata (${f.q(p.meta)}) differs from the OPD on the identity sheet (${f.q(p.identity)}); the file is taken as ${f.opd(p.opd)}'s. Please use the template made for your own OPD.`,
  ),
  'KLA-W111': def<{ opd: string }>(
    'warning',
    { id: 'OPD dikenali dari nama berkas', en: 'OPD recognised from the file name' },
    { id: 'Isi Nama OPD dan Kode OPD di lembar Identitas, atau gunakan templat asli.', en: 'Fill OPD name and code on the identity sheet, or use an original template.' },
    (p, f) => `OPD pengirim hanya dapat dikenali dari nama berkas, yaitu ${f.opd(p.opd)}. Mohon pastikan Nama OPD di lembar Identitas terisi dengan benar.`,
    (p, f) => `The sending OPD could only be recognised from the file name, as ${f.opd(p.opd)}. Please make sure the OPD name on the identity sheet is filled in correctly.`,
  ),
  'KLA-E112': def<{ field: string }>(
    'error',
    { id: 'Data identitas belum diisi', en: 'Identity field empty' },
    { id: 'Lengkapi data petugas data anak dan kepala perangkat daerah di lembar Identitas.', en: 'Complete the data officer and head of office on the identity sheet.' },
    (p, f) => `${f.field(p.field)} belum diisi. Mohon lengkapi isian ini pada lembar Identitas.`,
    (p, f) => `${f.field(p.field)} is empty. Please fill it in on the identity sheet.`,
  ),
  'KLA-E113': def<{ field: string; found: string }>(
    'error',
    { id: 'NIP tidak sah', en: 'Invalid NIP' },
    { id: 'NIP terdiri atas 18 digit angka. Bagi pegawai non-PNS, DPPPA dapat menurunkan tingkat kode ini di konfigurasi.', en: 'A NIP has 18 digits. For non-civil-servant staff the DPPPA may lower this code\'s severity in the config.' },
    (p, f) => `${f.field(p.field)} "${f.q(p.found)}" tidak sah: NIP harus terdiri atas 18 digit angka. Mohon perbaiki isian tersebut.`,
    (p, f) => `${f.field(p.field)} "${f.q(p.found)}" is not valid: a NIP has 18 digits. Please correct it.`,
  ),
  'KLA-E114': def<{ field: string; found: string }>(
    'error',
    { id: 'NIP tersimpan sebagai angka', en: 'NIP stored as a number' },
    { id: 'Excel hanya menyimpan 15 digit angka; ketik NIP sebagai teks (awali dengan tanda petik \').', en: 'Excel keeps only 15 digits of a number; type the NIP as text (start with an apostrophe \').' },
    (p, f) => `${f.field(p.field)} tersimpan sebagai angka sehingga Excel membulatkan digit terakhirnya (terbaca ${f.q(p.found)}). Mohon ketik ulang NIP sebagai teks: awali dengan tanda petik (') atau format sel sebagai Teks.`,
    (p, f) => `${f.field(p.field)} is stored as a number, so Excel rounded its last digits (read ${f.q(p.found)}). Please type the NIP again as text: start with an apostrophe (') or format the cell as Text.`,
  ),
  'KLA-W115': def<{ field: string; found: string }>(
    'warning',
    { id: 'Nomor telepon tidak sah', en: 'Invalid phone number' },
    { id: 'Tulis nomor lengkap dengan awalan 0 atau +62; format sel sebagai Teks agar angka 0 di depan tidak hilang.', en: 'Write the full number starting with 0 or +62; format the cell as Text so the leading 0 stays.' },
    (p, f) => `Nomor telepon "${f.q(p.found)}" tidak tampak seperti nomor Indonesia yang lengkap. Mohon tulis dengan awalan 0 atau +62, misalnya 0812 3456 7890 (format sel sebagai Teks agar angka 0 di depan tidak hilang).`,
    (p, f) => `Phone number "${f.q(p.found)}" does not look like a complete Indonesian number. Please write it with a leading 0 or +62, e.g. 0812 3456 7890 (format the cell as Text so the leading 0 stays).`,
  ),
  'KLA-E116': def<{ field: string; found: string }>(
    'error',
    { id: 'Alamat e-mail tidak sah', en: 'Invalid e-mail address' },
    { id: 'Tulis satu alamat e-mail lengkap, mis. nama@merangin.go.id.', en: 'Write one complete e-mail address, e.g. name@merangin.go.id.' },
    (p, f) => `Alamat e-mail "${f.q(p.found)}" tidak sah. Mohon tulis satu alamat lengkap, misalnya nama@domain.go.id.`,
    (p, f) => `E-mail address "${f.q(p.found)}" is not valid. Please write one complete address, e.g. name@domain.go.id.`,
  ),
  'KLA-E117': def<{ sheet: string }>(
    'error',
    { id: 'Lembar Identitas tidak ada', en: 'Identity sheet missing' },
    { id: 'Gunakan templat asli; lembar Identitas memuat petugas data dan kepala perangkat daerah.', en: 'Use an original template; the identity sheet names the data officer and the head of office.' },
    (p) => `Lembar "${p.sheet}" tidak ditemukan, sehingga data petugas dan kepala perangkat daerah tidak dapat diperiksa. Mohon ${USE_TEMPLATE_ID}.`,
    (p) => `Sheet "${p.sheet}" was not found, so the data officer and head of office cannot be checked. Please ${USE_TEMPLATE_EN}.`,
  ),
  'KLA-W118': def<{ named: string; opd: string }>(
    'warning',
    { id: 'Nama berkas menyebut OPD lain', en: 'File name names another OPD' },
    {
      id: 'Periksa apakah berkas yang dikirim sudah benar; bila templat OPD lain terkirim, minta OPD mengirim ulang lembar kerjanya sendiri.',
      en: 'Check that the right file was sent; if another OPD\'s template was sent, ask the OPD to send its own workbook again.',
    },
    (p, f) => `Nama berkas menyebut ${p.named}, tetapi isinya adalah lembar kerja ${f.opd(p.opd)} (menurut metadata templat). Berkas dihitung sebagai kiriman ${f.opd(p.opd)}; mohon pastikan ${p.named} tidak salah mengirim berkas.`,
    (p, f) => `The file name names ${p.named}, but it holds the workbook of ${f.opd(p.opd)} (by its template metadata). It is counted as ${f.opd(p.opd)}'s submission; please make sure ${p.named} did not send the wrong file.`,
  ),
  'KLA-E120': def<{ found: string; expected: string }>(
    'error',
    { id: 'Tahun data templat berbeda', en: 'Template for other data years' },
    { id: 'Templat dibuat untuk tahun data lain. Buat ulang templat dan salin jawabannya.', en: 'The template was made for other data years. Regenerate it and copy the answers.' },
    (p, f) => `Templat ini dibuat untuk data tahun ${f.q(p.found)}, sedangkan evaluasi ini meminta data tahun ${p.expected}; jawabannya tidak dipakai. Mohon ${USE_TEMPLATE_ID}.`,
    (p, f) => `This template was made for data of ${f.q(p.found)}, but this evaluation asks for data of ${p.expected}; its answers are not used. Please ${USE_TEMPLATE_EN}.`,
  ),

  'KLA-E119': def<{ sheet: string; read: string; answers: number }>(
    'error',
    { id: 'Jawaban di lembar salinan', en: 'Answers on a copy of the answer sheet' },
    {
      id: 'Hanya satu lembar jawaban yang dibaca. Pindahkan jawaban yang benar ke lembar Jawaban, lalu hapus lembar salinannya.',
      en: 'Only one answer sheet is read. Move the right answers to the Jawaban sheet, then delete the copy.',
    },
    (p, f) =>
      `Lembar "${f.q(p.sheet)}" adalah salinan lembar jawaban dan berisi ${p.answers} jawaban yang tidak sama dengan lembar "${f.q(p.read)}", tetapi hanya lembar "${f.q(p.read)}" yang dibaca; jawaban tersebut tidak dipakai. Mohon pindahkan jawaban yang benar ke lembar "${f.q(p.read)}" dan hapus lembar salinan.`,
    (p, f) =>
      `Sheet "${f.q(p.sheet)}" is a copy of the answer sheet and holds ${p.answers} answer${p.answers === 1 ? '' : 's'} that differ${p.answers === 1 ? 's' : ''} from sheet "${f.q(p.read)}", but only "${f.q(p.read)}" is read; those answers are not used. Please move the right answers to "${f.q(p.read)}" and delete the copy.`,
  ),

  // -------------------------------------------------------------------------
  // 2xx: question rows and answers
  'KLA-E201': def<{ question: string }>(
    'error',
    { id: 'Baris pertanyaan hilang', en: 'Question row missing' },
    { id: 'Jangan menghapus baris pertanyaan; salin jawaban ke templat asli.', en: 'Do not delete question rows; copy the answers into an original template.' },
    (p) => `Baris pertanyaan ${p.question} tidak ditemukan; baris tersebut mungkin terhapus. Mohon kembalikan baris itu atau ${USE_TEMPLATE_ID}.`,
    (p) => `The row of question ${p.question} was not found; it may have been deleted. Please restore it or ${USE_TEMPLATE_EN}.`,
  ),
  'KLA-E202': def<{ question: string }>(
    'error',
    { id: 'Teks pertanyaan diubah', en: 'Question text altered' },
    { id: 'Kembalikan teks pertanyaan persis seperti di templat; jawaban atas pertanyaan yang diubah tidak dipakai.', en: 'Restore the question text exactly as in the template; answers to altered questions are not used.' },
    (p) => `Teks pertanyaan ${p.question} telah diubah sehingga tidak sama dengan katalog; jawabannya tidak dipakai. Mohon kembalikan teks pertanyaan seperti semula.`,
    (p) => `The text of question ${p.question} was changed and no longer matches the catalog; its answer is not used. Please restore the original text.`,
  ),
  'KLA-E203': def<{ question: string; catalog: string; idColumn: string }>(
    'error',
    { id: 'Nomor pertanyaan tidak dikenal', en: 'Unknown question number' },
    { id: 'Periksa nomor di kolom A; hapus baris tambahan.', en: 'Check the number in column A; delete added rows.' },
    (p, f) => `Nomor pertanyaan "${f.q(p.question)}" tidak terdapat dalam katalog ${p.catalog}, sehingga barisnya tidak dibaca. Mohon periksa nomor di kolom ${p.idColumn} atau hapus baris tambahan tersebut.`,
    (p, f) => `Question number "${f.q(p.question)}" is not in catalog ${p.catalog}, so the row is not read. Please check the number in column ${p.idColumn} or delete the added row.`,
  ),
  'KLA-E204': def<{ question: string; first: string }>(
    'error',
    { id: 'Pertanyaan ganda', en: 'Duplicate question row' },
    { id: 'Hapus baris ganda; hanya baris pertama yang dipakai.', en: 'Delete the duplicate row; only the first one is used.' },
    (p) => `Pertanyaan ${p.question} muncul lebih dari sekali (pertama kali di sel ${p.first}); baris ini tidak dipakai. Mohon hapus baris ganda tersebut.`,
    (p) => `Question ${p.question} occurs more than once (first at ${p.first}); this row is not used. Please delete the duplicate.`,
  ),
  'KLA-W205': def<{ question: string; opd: string }>(
    'warning',
    { id: 'Pertanyaan bukan bagian OPD ini', en: 'Question not assigned to this OPD' },
    { id: 'Jawaban tetap dicatat. Bila pembagian pertanyaan berubah, buat ulang templat.', en: 'The answer is kept. If the assignment changed, regenerate the template.' },
    (p, f) => `Pertanyaan ${p.question} bukan bagian dari pertanyaan ${f.opd(p.opd)} menurut konfigurasi; jawabannya tetap dicatat. Mohon pastikan baris ini memang dijawab oleh OPD Anda.`,
    (p, f) => `Question ${p.question} is not one of ${f.opd(p.opd)}'s questions in the config; its answer is still recorded. Please make sure your OPD means to answer it.`,
  ),
  'KLA-W206': def<{ idColumn: string }>(
    'warning',
    { id: 'Jawaban tanpa nomor pertanyaan', en: 'Answer without a question number' },
    { id: 'Tulis jawaban pada baris pertanyaan yang sesuai; baris tambahan tidak dibaca.', en: 'Write answers on the matching question row; added rows are not read.' },
    (p) => `Baris ini berisi jawaban tetapi tidak memiliki nomor pertanyaan di kolom ${p.idColumn}, sehingga tidak dibaca. Mohon tulis jawaban pada baris pertanyaan yang sesuai.`,
    (p) => `This row has answers but no question number in column ${p.idColumn}, so it is not read. Please write the answer on the matching question row.`,
  ),
  'KLA-I207': def<{ columns: string; noteColumn: string }>(
    'info',
    { id: 'Kolom tambahan tidak dibaca', en: 'Extra columns not read' },
    { id: 'Pindahkan keterangan penting ke kolom Catatan (I).', en: 'Move important remarks to the note column (I).' },
    (p) => `Kolom ${p.columns} berada di luar isian templat dan tidak dibaca. Bila isinya penting, mohon pindahkan ke kolom Catatan (${p.noteColumn}).`,
    (p) => `Column(s) ${p.columns} lie outside the template and are not read. If their content matters, please move it to the note column (${p.noteColumn}).`,
  ),
  'KLA-W209': def<{ headerRow: number; templateRow: number; fields: AnswerField[]; at: string[]; template: string[]; shift: number[]; missing?: AnswerField[] }>(
    'warning',
    { id: 'Susunan lembar Jawaban berubah', en: 'Answer sheet layout changed' },
    {
      id: 'Gunakan templat dari DPPPA tanpa menghapus, menambah, atau memindahkan baris judul dan kolom; isian tetap dibaca menurut judul kolomnya.',
      en: 'Use the DPPPA\'s template without deleting, adding or moving its title rows and columns; entries are still read by their column headers.',
    },
    (p) => {
      const parts = [
        ...(p.headerRow !== p.templateRow ? [`judul kolom ada di baris ${p.headerRow} (pada templat: baris ${p.templateRow})`] : []),
        ...fieldRuns(p).map((r) =>
          r.from === r.to
            ? `kolom ${FIELD_NAMES.id[p.fields[r.from]!]} ada di ${p.at[r.from]} (pada templat: ${p.template[r.from]})`
            : `kolom ${FIELD_NAMES.id[p.fields[r.from]!]} sampai ${FIELD_NAMES.id[p.fields[r.to]!]} ada di ${p.at[r.from]} sampai ${p.at[r.to]} (pada templat: ${p.template[r.from]} sampai ${p.template[r.to]})`,
        ),
        ...(p.missing ?? []).map((c) => `kolom ${FIELD_NAMES.id[c]} tidak ada lagi, sehingga isiannya dianggap kosong`),
      ];
      return `Susunan lembar Jawaban berbeda dari templat: ${parts.join('; ')}. Isian tetap dibaca menurut judul kolomnya. Mohon gunakan templat tanpa menghapus, menambah, atau memindahkan baris dan kolomnya.`;
    },
    (p) => {
      const parts = [
        ...(p.headerRow !== p.templateRow ? [`the column headers are in row ${p.headerRow} (template: row ${p.templateRow})`] : []),
        ...fieldRuns(p).map((r) =>
          r.from === r.to
            ? `the ${FIELD_NAMES.en[p.fields[r.from]!]} column is ${p.at[r.from]} (template: ${p.template[r.from]})`
            : `the ${FIELD_NAMES.en[p.fields[r.from]!]} to ${FIELD_NAMES.en[p.fields[r.to]!]} columns are ${p.at[r.from]} to ${p.at[r.to]} (template: ${p.template[r.from]} to ${p.template[r.to]})`,
        ),
        ...(p.missing ?? []).map((c) => `the ${FIELD_NAMES.en[c]} column is gone, so its entries count as empty`),
      ];
      return `The answer sheet's layout differs from the template: ${parts.join('; ')}. Entries are still read by their column headers. Please use the template without deleting, adding or moving its rows and columns.`;
    },
  ),
  'KLA-W208': def<{ range: string }>(
    'warning',
    { id: 'Sel digabung', en: 'Merged cells' },
    { id: 'Pisahkan sel (Unmerge) dan isi setiap kolom sendiri-sendiri.', en: 'Unmerge the cells and fill each column on its own.' },
    (p) => `Sel ${p.range} digabung (merge); hanya sel pertama yang dibaca. Mohon pisahkan kembali sel tersebut dan isi setiap kolom sendiri-sendiri.`,
    (p) => `Cells ${p.range} are merged; only the first cell is read. Please unmerge them and fill each column on its own.`,
  ),
  'KLA-E210': def<{ question: string; found: string; options: string }>(
    'error',
    { id: 'Jawaban bukan pilihan yang tersedia', en: 'Answer is not an available option' },
    { id: 'Pilih jawaban dari daftar pilihan (panah di sel).', en: 'Pick the answer from the drop-down list.' },
    (p, f) => `Jawaban "${f.q(p.found)}" untuk pertanyaan ${p.question} bukan salah satu pilihan yang tersedia. Mohon pilih dari daftar: ${p.options}.`,
    (p, f) => `Answer "${f.q(p.found)}" to question ${p.question} is not one of the available options. Please pick one of: ${p.options}.`,
  ),
  'KLA-W211': def<{ question: string; found: string; taken: string; differences?: OptionDifference[] }>(
    'warning',
    { id: 'Jawaban pilihan disesuaikan', en: 'Option answer normalised' },
    {
      id: 'Pilih jawaban dari daftar agar tulisannya tepat. Perbedaan yang tidak terlihat (spasi di akhir, spasi tak terputus) disebut namanya.',
      en: 'Pick the answer from the list so it is written exactly. Differences that cannot be seen (a trailing space, a non-breaking space) are named.',
    },
    (p, f) =>
      p.differences?.includes('spelling')
        ? `Jawaban "${f.q(p.found)}" untuk pertanyaan ${p.question} tidak persis sama dengan pilihan mana pun dan dibaca sebagai pilihan yang paling mirip, "${p.taken}"${others(p.differences, 'id')}. Mohon pastikan itu yang dimaksud, lalu pilih jawaban dari daftar.`
        : `Jawaban "${f.q(p.found)}" untuk pertanyaan ${p.question} dibaca sebagai pilihan "${p.taken}"${p.differences?.length ? ` (berbeda: ${f.list(p.differences.map((d) => DIFFERENCE_WORDS.id[d]))})` : ''}. Mohon pilih jawaban dari daftar agar tulisannya tepat.`,
    (p, f) =>
      p.differences?.includes('spelling')
        ? `Answer "${f.q(p.found)}" to question ${p.question} matches no option exactly and was taken as the closest one, "${p.taken}"${others(p.differences, 'en')}. Please make sure that is what was meant, and pick the answer from the list.`
        : `Answer "${f.q(p.found)}" to question ${p.question} was taken as option "${p.taken}"${p.differences?.length ? ` (differs by: ${f.list(p.differences.map((d) => DIFFERENCE_WORDS.en[d]))})` : ''}. Please pick the answer from the list so it is written exactly.`,
  ),
  'KLA-E212': def<{ question: string; found: string; expected: 'count' | 'percent' }>(
    'error',
    { id: 'Isian bukan angka', en: 'Not a number' },
    { id: 'Isi dengan angka saja: persentase 0–100 (mis. 87,5) atau jumlah bilangan bulat (mis. 12).', en: 'Enter a number only: a percentage 0–100 (e.g. 87.5) or a whole count (e.g. 12).' },
    (p, f) => `Isian "${f.q(p.found)}" untuk pertanyaan ${p.question} bukan angka. Mohon isi dengan ${p.expected === 'count' ? 'bilangan bulat, misalnya 12' : 'angka persentase 0–100, misalnya 87,5'}.`,
    (p, f) => `Entry "${f.q(p.found)}" for question ${p.question} is not a number. Please enter ${p.expected === 'count' ? 'a whole number, e.g. 12' : 'a percentage 0–100, e.g. 87.5'}.`,
  ),
  'KLA-W213': def<{ question: string; found: string | number; taken: number; how?: 'percent-format' | 'percent-sign' }>(
    'warning',
    { id: 'Angka disesuaikan', en: 'Number normalised' },
    { id: 'Ketik angka saja di sel berformat Angka (tanpa %); pertanyaan jumlah meminta bilangan bulat, bukan persentase.', en: 'Type just the number in a Number-formatted cell (no %); a count question asks for a whole number, not a percentage.' },
    (p, f) =>
      p.how === 'percent-sign'
        ? `Pertanyaan ${p.question} meminta jumlah, tetapi isian "${f.q(p.found)}" ditulis dengan tanda persen; isian dibaca sebagai jumlah ${f.n(p.taken)}. Mohon periksa kebenarannya dan tulis jumlahnya saja (bilangan bulat, tanpa %).`
        : `Nilai ${f.n(p.found)} untuk pertanyaan ${p.question} ada di sel berformat persen (tampil ${f.n(p.taken)}%) dan dibaca sebagai ${f.n(p.taken)}. Mohon periksa kebenarannya; sebaiknya ketik ${f.n(p.taken)} di sel berformat Angka.`,
    (p, f) =>
      p.how === 'percent-sign'
        ? `Question ${p.question} asks for a count, but the entry "${f.q(p.found)}" carries a percent sign; it was read as the count ${f.n(p.taken)}. Please check it and write just the count (a whole number, without %).`
        : `Value ${f.n(p.found)} for question ${p.question} is in a percent-formatted cell (shown as ${f.n(p.taken)}%) and was read as ${f.n(p.taken)}. Please check it; preferably type ${f.n(p.taken)} in a Number-formatted cell.`,
  ),
  'KLA-W214': def<{ question: string; found: string; taken: number; alternative: number }>(
    'warning',
    { id: 'Angka bermakna ganda', en: 'Ambiguous number' },
    { id: 'Tulis angka tanpa pemisah ribuan dan dengan koma untuk desimal (mis. 1234 atau 12,5).', en: 'Write numbers without thousands separators and with a decimal comma (e.g. 1234 or 12,5).' },
    (p, f) => `Isian "${f.q(p.found)}" untuk pertanyaan ${p.question} dapat berarti ${f.n(p.taken)} atau ${f.n(p.alternative)}; sesuai kaidah penulisan Indonesia (titik pemisah ribuan, koma desimal) dibaca sebagai ${f.n(p.taken)}. Mohon tulis angka tanpa pemisah ribuan agar tidak bermakna ganda.`,
    (p, f) => `Entry "${f.q(p.found)}" for question ${p.question} could mean ${f.n(p.taken)} or ${f.n(p.alternative)}; by the Indonesian convention (dot for thousands, decimal comma) it was read as ${f.n(p.taken)}. Please write numbers without thousands separators.`,
  ),
  'KLA-W215': def<{ question: string; found: number; scaled: number }>(
    'warning',
    { id: 'Persentase tampak seperti pecahan', en: 'Percentage looks like a fraction' },
    { id: 'Persentase ditulis 0–100 (87,5 untuk 87,5%), bukan pecahan 0–1.', en: 'Percentages are written 0–100 (87.5 for 87.5%), not as a fraction 0–1.' },
    (p, f) => `Persentase ${f.n(p.found)} untuk pertanyaan ${p.question} kurang dari 1 dan dibaca apa adanya (${f.n(p.found)}%). Bila yang dimaksud ${f.n(p.scaled)}%, mohon tulis ${f.n(p.scaled)}.`,
    (p, f) => `Percentage ${f.n(p.found)} for question ${p.question} is below 1 and was read as is (${f.n(p.found)}%). If ${f.n(p.scaled)}% is meant, please write ${f.n(p.scaled)}.`,
  ),
  'KLA-E216': def<{ question: string; found: number }>(
    'error',
    { id: 'Persentase di luar 0–100', en: 'Percentage outside 0–100' },
    { id: 'Isi persentase antara 0 dan 100.', en: 'Enter a percentage between 0 and 100.' },
    (p, f) => `Persentase ${f.n(p.found)} untuk pertanyaan ${p.question} di luar rentang 0–100. Mohon isi persentase antara 0 dan 100.`,
    (p, f) => `Percentage ${f.n(p.found)} for question ${p.question} is outside 0–100. Please enter a percentage between 0 and 100.`,
  ),
  'KLA-E217': def<{ question: string; found: number }>(
    'error',
    { id: 'Jumlah bukan bilangan bulat tidak negatif', en: 'Count is not a whole non-negative number' },
    { id: 'Isi jumlah sebagai bilangan bulat 0 atau lebih.', en: 'Enter the count as a whole number, 0 or more.' },
    (p, f) => `Isian ${f.n(p.found)} untuk pertanyaan ${p.question} harus berupa jumlah: bilangan bulat 0 atau lebih. Mohon perbaiki isian tersebut.`,
    (p, f) => `Entry ${f.n(p.found)} for question ${p.question} must be a count: a whole number, 0 or more. Please correct it.`,
  ),
  'KLA-E218': def<{ question: string; found: string }>(
    'error',
    { id: 'Angka berubah menjadi tanggal', en: 'Number turned into a date' },
    { id: 'Format sel sebagai Angka lalu ketik ulang nilainya.', en: 'Format the cell as Number and type the value again.' },
    (p, f) => `Isian pertanyaan ${p.question} tersimpan sebagai tanggal (${f.q(p.found)}); Excel kemungkinan mengubah angka yang diketik menjadi tanggal. Mohon ubah format sel menjadi Angka lalu ketik ulang nilainya.`,
    (p, f) => `The entry for question ${p.question} is stored as a date (${f.q(p.found)}); Excel probably turned the typed number into a date. Please format the cell as Number and type the value again.`,
  ),
  'KLA-E219': def<{ formula: string; question?: string }>(
    'error',
    { id: 'Rumus tanpa hasil', en: 'Formula without a stored result' },
    { id: 'Buka di Excel, tekan F9 (hitung ulang) dan simpan; atau ganti rumus dengan nilainya (Tempel Khusus > Nilai).', en: 'Open in Excel, press F9 (recalculate) and save; or replace the formula by its value (Paste Special > Values).' },
    (p, f) => `Sel ini berisi rumus =${f.q(p.formula)} tanpa hasil tersimpan, sehingga nilainya tidak dapat dibaca. Mohon buka berkas di Excel, tekan F9, simpan, lalu kirim kembali; atau ganti rumus dengan nilainya.`,
    (p, f) => `The cell holds the formula =${f.q(p.formula)} without a stored result, so its value cannot be read. Please open the file in Excel, press F9, save and send it again; or replace the formula by its value.`,
  ),
  'KLA-E220': def<{ error: string; question?: string }>(
    'error',
    { id: 'Galat Excel di sel', en: 'Excel error value in a cell' },
    { id: 'Perbaiki rumus yang menghasilkan galat, atau ganti dengan nilai yang benar.', en: 'Fix the formula that yields the error, or replace it by the right value.' },
    (p, f) => `Sel ini berisi galat Excel ${f.q(p.error)}, bukan nilai. Mohon perbaiki rumusnya atau ganti dengan nilai yang benar.`,
    (p, f) => `The cell holds the Excel error ${f.q(p.error)} instead of a value. Please fix the formula or replace it by the right value.`,
  ),
  'KLA-W221': def<{ question: string; year: number }>(
    'warning',
    { id: 'Nilai tahun sebelumnya kosong', en: 'Previous year value missing' },
    { id: 'Isi kolom G dengan nilai tahun sebelumnya; tanpa nilai itu tren tidak dapat dinilai.', en: 'Fill column G with the previous year\'s value; without it the trend cannot be assessed.' },
    (p) => `Pertanyaan ${p.question} meminta nilai tahun sebelumnya (${p.year}), tetapi sel ini kosong. Mohon isi nilai tahun ${p.year}.`,
    (p) => `Question ${p.question} asks for the previous year's value (${p.year}), but this cell is empty. Please fill in the ${p.year} value.`,
  ),
  'KLA-W222': def<{ question: string }>(
    'warning',
    { id: 'Data dukung belum disebut', en: 'Required evidence not named' },
    { id: 'Tulis nama berkas atau tautan data dukung di kolom H; tanpa data dukung nilai dapat dipotong saat verifikasi.', en: 'Name the evidence file or link in column H; without evidence the score can be cut at verification.' },
    (p) => `Pertanyaan ${p.question} mewajibkan data dukung, tetapi sel ini kosong. Mohon tulis nama berkas atau tautan data dukung; tanpa data dukung nilai dapat dipotong saat verifikasi.`,
    (p) => `Question ${p.question} requires evidence, but this cell is empty. Please name the evidence file or link; without evidence the score can be cut at verification.`,
  ),
  'KLA-W223': def<{ question: string }>(
    'warning',
    { id: 'Uraian di Catatan belum diisi', en: 'Required note missing' },
    { id: 'Tulis uraian yang diminta pertanyaan di kolom Catatan (I).', en: 'Write the explanation the question asks for in the note column (I).' },
    (p) => `Pertanyaan ${p.question} meminta uraian di kolom Catatan, tetapi sel ini kosong. Mohon lengkapi uraiannya.`,
    (p) => `Question ${p.question} asks for an explanation in the note column, but this cell is empty. Please write it.`,
  ),
  'KLA-W230': def<{ question: string; found: string }>(
    'warning',
    { id: 'Isian data dukung bukan nama berkas', en: 'Evidence entry is not a file name' },
    {
      id: 'Tulis nama berkas data dukung (mis. "SK Gugus Tugas KLA 2025.pdf") atau tautannya; isian seperti "terlampir", "ada" atau "-" tidak dapat diperiksa dan dihitung sebagai belum ada data dukung.',
      en: 'Write the evidence file name (e.g. "SK Gugus Tugas KLA 2025.pdf") or its link; entries like "terlampir", "ada" or "-" cannot be checked and count as no evidence.',
    },
    (p, f) => `Isian data dukung "${f.q(p.found)}" untuk pertanyaan ${p.question} bukan nama berkas atau tautan, sehingga dihitung sebagai belum ada data dukung. Mohon tulis nama berkas data dukungnya, misalnya "SK Gugus Tugas KLA 2025.pdf".`,
    (p, f) => `Evidence entry "${f.q(p.found)}" for question ${p.question} is not a file name or link, so it counts as no evidence. Please write the evidence file's name, e.g. "SK Gugus Tugas KLA 2025.pdf".`,
  ),
  'KLA-W231': def<{ question: string; found: string }>(
    'warning',
    { id: 'Data dukung menunjuk ke luar folder data dukung', en: 'Evidence path points outside the evidence folder' },
    {
      id: 'Tulis nama berkasnya saja (boleh dengan subfolder, mis. "Dinkes/SK Tim Gizi 2025.pdf") dan serahkan berkasnya kepada DPPPA untuk folder data dukung.',
      en: 'Write the file name only (a subfolder is fine, e.g. "Dinkes/SK Tim Gizi 2025.pdf") and hand the file to the DPPPA for the evidence folder.',
    },
    (p, f) => `Data dukung "${f.q(p.found)}" untuk pertanyaan ${p.question} ditulis sebagai alamat di komputer atau folder lain, sehingga berkasnya tidak dapat ditemukan di folder data dukung. Mohon tulis nama berkasnya saja dan serahkan berkas tersebut kepada DPPPA.`,
    (p, f) => `Evidence "${f.q(p.found)}" for question ${p.question} is written as a location on a computer or in another folder, so the file cannot be found in the evidence folder. Please write just the file name and hand the file to the DPPPA.`,
  ),
  'KLA-W232': def<{ question: string; found: string; years: string[]; dataYear: number; previousYear: number }>(
    'warning',
    { id: 'Data dukung bertahun di luar tahun data', en: 'Evidence dated outside the data years' },
    {
      id: 'Pastikan data dukung adalah dokumen tahun data yang dievaluasi atau tahun sebelumnya, atau dokumen yang masih berlaku pada tahun itu; ganti dengan dokumen yang terbaru bila perlu.',
      en: 'Make sure the evidence is a document of the evaluated data year or the year before, or still in force then; replace it with the latest document if needed.',
    },
    (p, f) => `Nama data dukung "${f.q(p.found)}" untuk pertanyaan ${p.question} menyebut tahun ${f.list(p.years)}, di luar tahun data yang dievaluasi (${p.previousYear} dan ${p.dataYear}). Mohon pastikan dokumen ini masih berlaku untuk tahun tersebut, atau ganti dengan dokumen yang terbaru.`,
    (p, f) => `Evidence name "${f.q(p.found)}" for question ${p.question} names the year ${f.list(p.years)}, outside the data years evaluated (${p.previousYear} and ${p.dataYear}). Please make sure the document still holds for those years, or replace it with the latest one.`,
  ),

  // -------------------------------------------------------------------------
  // 25x–26x: the DPPPA profile workbook (areas, children, regulations, narratives, history, follow-up)
  'KLA-E250': def<{ what: 'version' | 'year' | 'district'; found: string; expected: string }>(
    'error',
    { id: 'Profil daerah bukan untuk evaluasi ini', en: 'Profile workbook not made for this evaluation' },
    { id: 'Buat lembar kerja profil daerah baru dengan "kla template" dan salin isiannya.', en: 'Make a new profile workbook with "kla template" and copy the entries into it.' },
    (p, f) =>
      p.what === 'version'
        ? `Versi lembar kerja profil daerah "${f.q(p.found)}" tidak dikenal oleh kla versi ini (yang dikenal: ${p.expected}); isinya tidak dipakai. Mohon salin isian ke lembar kerja profil daerah yang baru.`
        : p.what === 'year'
          ? `Lembar kerja profil daerah ini dibuat untuk tahun evaluasi ${f.q(p.found)}, sedangkan evaluasi ini untuk tahun ${p.expected}; isinya tidak dipakai. Mohon salin isian ke lembar kerja profil daerah tahun ${p.expected}.`
          : `Lembar kerja profil daerah ini dibuat untuk ${f.q(p.found)}, bukan ${p.expected}; isinya tidak dipakai. Mohon gunakan lembar kerja profil daerah ${p.expected}.`,
    (p, f) =>
      p.what === 'version'
        ? `Profile workbook version "${f.q(p.found)}" is not known to this version of kla (known: ${p.expected}); its content is not used. Please copy the entries into a new profile workbook.`
        : p.what === 'year'
          ? `This profile workbook was made for evaluation year ${f.q(p.found)}, but this evaluation is for ${p.expected}; its content is not used. Please copy the entries into the ${p.expected} profile workbook.`
          : `This profile workbook was made for ${f.q(p.found)}, not ${p.expected}; its content is not used. Please use the ${p.expected} profile workbook.`,
  ),
  'KLA-W251': def(
    'warning',
    { id: 'Metadata profil daerah tidak ada', en: 'Profile workbook metadata missing' },
    { id: 'Lembar tersembunyi "Meta" mencatat tahun dan kabupaten/kota lembar kerja. Salin isian ke lembar kerja profil daerah yang asli.', en: 'The hidden "Meta" sheet records the workbook\'s year and district. Copy the entries into an original profile workbook.' },
    () => 'Lembar kerja ini dikenali sebagai profil daerah dari isi lembarnya, tetapi lembar tersembunyi "Meta" tidak ditemukan, sehingga tahun dan kabupaten/kotanya tidak dapat dipastikan. Mohon salin isian ke lembar kerja profil daerah yang dibuat kla.',
    () => 'This workbook was recognised as the profile workbook by the content of its sheets, but the hidden "Meta" sheet was not found, so its year and district cannot be confirmed. Please copy the entries into a profile workbook made by kla.',
  ),
  'KLA-W252': def<{ sheet: string }>(
    'warning',
    { id: 'Lembar profil daerah tidak ada', en: 'Profile sheet missing' },
    { id: 'Jangan menghapus lembar dari lembar kerja profil daerah; salin isian ke lembar kerja yang baru bila lembar telah terhapus.', en: 'Do not delete sheets from the profile workbook; copy the entries into a new one if a sheet was deleted.' },
    (p) => `Lembar "${p.sheet}" tidak ditemukan pada lembar kerja profil daerah, sehingga isiannya tidak dapat dibaca. Mohon kembalikan lembar tersebut atau salin isian ke lembar kerja profil daerah yang baru.`,
    (p) => `Sheet "${p.sheet}" was not found in the profile workbook, so its entries cannot be read. Please restore the sheet or copy the entries into a new profile workbook.`,
  ),
  'KLA-E253': def<{ name: string; first: string; by: 'name' | 'code' }>(
    'error',
    { id: 'Kecamatan tercantum dua kali', en: 'Kecamatan listed twice' },
    { id: 'Tulis setiap kecamatan satu kali; hapus baris yang berulang.', en: 'List each kecamatan once; clear the repeated row.' },
    (p, f) =>
      p.by === 'code'
        ? `Kode kecamatan "${f.q(p.name)}" sudah dipakai pada sel ${p.first}; setiap kecamatan mempunyai kode sendiri. Mohon perbaiki kode atau hapus baris yang berulang.`
        : `Kecamatan "${f.q(p.name)}" sudah tercantum pada sel ${p.first}; baris ini tidak dipakai. Mohon tulis setiap kecamatan satu kali saja.`,
    (p, f) =>
      p.by === 'code'
        ? `Kecamatan code "${f.q(p.name)}" is already used in cell ${p.first}; each kecamatan has a code of its own. Please correct the code or clear the repeated row.`
        : `Kecamatan "${f.q(p.name)}" is already listed in cell ${p.first}; this row is not used. Please list each kecamatan once.`,
  ),
  'KLA-E254': def<{ name: string; kecamatan: string; first: string; by: 'name' | 'code' }>(
    'error',
    { id: 'Desa/kelurahan tercantum dua kali', en: 'Desa/kelurahan listed twice' },
    { id: 'Tulis setiap desa/kelurahan satu kali; hapus baris yang berulang.', en: 'List each desa/kelurahan once; clear the repeated row.' },
    (p, f) =>
      p.by === 'code'
        ? `Kode desa/kelurahan "${f.q(p.name)}" sudah dipakai pada sel ${p.first}; baris ini tidak dipakai. Mohon perbaiki kode atau hapus baris yang berulang.`
        : `Desa/kelurahan "${f.q(p.name)}" di Kecamatan ${f.q(p.kecamatan)} sudah tercantum pada sel ${p.first}; baris ini tidak dipakai. Mohon tulis setiap desa/kelurahan satu kali saja.`,
    (p, f) =>
      p.by === 'code'
        ? `Desa/kelurahan code "${f.q(p.name)}" is already used in cell ${p.first}; this row is not used. Please correct the code or clear the repeated row.`
        : `Desa/kelurahan "${f.q(p.name)}" in kecamatan ${f.q(p.kecamatan)} is already listed in cell ${p.first}; this row is not used. Please list each desa/kelurahan once.`,
  ),
  'KLA-E255': def<{ desa: string; kecamatan: string }>(
    'error',
    { id: 'Desa/kelurahan tanpa kecamatan', en: 'Desa/kelurahan without a kecamatan' },
    { id: 'Pilih kecamatan setiap desa/kelurahan dari daftar, dan pastikan kecamatan itu tercantum pada tabel kecamatan.', en: 'Choose each desa/kelurahan\'s kecamatan from the list, and make sure it is in the kecamatan table.' },
    (p, f) =>
      p.kecamatan
        ? `Desa/kelurahan "${f.q(p.desa)}" berada di Kecamatan "${f.q(p.kecamatan)}", yang tidak tercantum pada tabel kecamatan; baris ini tidak dipakai. Mohon pilih kecamatan dari daftar atau tambahkan kecamatan tersebut.`
        : `Kecamatan untuk desa/kelurahan "${f.q(p.desa)}" belum diisi; baris ini tidak dipakai. Mohon pilih kecamatannya dari daftar.`,
    (p, f) =>
      p.kecamatan
        ? `Desa/kelurahan "${f.q(p.desa)}" is in kecamatan "${f.q(p.kecamatan)}", which is not in the kecamatan table; this row is not used. Please choose the kecamatan from the list or add it.`
        : `The kecamatan of desa/kelurahan "${f.q(p.desa)}" is empty; this row is not used. Please choose its kecamatan from the list.`,
  ),
  'KLA-W256': def<{ what: 'kecamatan' | 'desa'; found: number; expected: number }>(
    'warning',
    { id: 'Jumlah wilayah berbeda dengan konfigurasi', en: 'Number of areas differs from the config' },
    { id: 'Lengkapi daftar wilayah, atau perbaiki profil daerah di konfigurasi proyek bila angkanya sudah berubah.', en: 'Complete the list of areas, or correct the district profile in the project config if the number has changed.' },
    (p) =>
      `Lembar Wilayah memuat ${p.found} ${p.what === 'kecamatan' ? 'kecamatan' : 'desa/kelurahan'}, sedangkan profil daerah pada konfigurasi menyebut ${p.expected}. Mohon lengkapi daftarnya, atau perbaiki konfigurasi bila jumlahnya telah berubah.`,
    (p) =>
      `The Wilayah sheet lists ${p.found} ${p.what === 'kecamatan' ? 'kecamatan' : 'desa/kelurahan'}, but the district profile in the config says ${p.expected}. Please complete the list, or correct the config if the number has changed.`,
  ),
  'KLA-E257': def<{ kecamatan: string; sex: 'L' | 'P'; age: string; found: string }>(
    'error',
    { id: 'Jumlah anak bukan bilangan bulat', en: 'Child count is not a whole number' },
    { id: 'Tulis jumlah anak sebagai bilangan bulat 0 atau lebih, tanpa titik ribuan.', en: 'Write the number of children as a whole number, 0 or more, without thousands separators.' },
    (p, f) =>
      `Isian "${f.q(p.found)}" untuk anak ${p.sex === 'L' ? 'laki-laki' : 'perempuan'} umur ${p.age} tahun di Kecamatan ${f.q(p.kecamatan)} bukan jumlah: seharusnya bilangan bulat 0 atau lebih. Mohon perbaiki isian tersebut.`,
    (p, f) =>
      `Entry "${f.q(p.found)}" for ${p.sex === 'L' ? 'boys' : 'girls'} aged ${p.age} in kecamatan ${f.q(p.kecamatan)} is not a count: it must be a whole number, 0 or more. Please correct it.`,
  ),
  'KLA-E258': def<{ name: string }>(
    'error',
    { id: 'Kecamatan tidak ada di lembar Wilayah', en: 'Kecamatan not on the Wilayah sheet' },
    { id: 'Pilih kecamatan dari daftar; daftar itu diambil dari tabel kecamatan pada lembar Wilayah.', en: 'Choose the kecamatan from the list; the list comes from the kecamatan table on the Wilayah sheet.' },
    (p, f) => `Kecamatan "${f.q(p.name)}" tidak tercantum pada lembar Wilayah, sehingga jumlah anak pada baris ini tidak dipakai. Mohon pilih kecamatan dari daftar, atau tambahkan kecamatan tersebut pada lembar Wilayah.`,
    (p, f) => `Kecamatan "${f.q(p.name)}" is not on the Wilayah sheet, so the child figures of this row are not used. Please choose the kecamatan from the list, or add it to the Wilayah sheet.`,
  ),
  'KLA-W259': def<{ name: string }>(
    'warning',
    { id: 'Kecamatan tanpa data jumlah anak', en: 'Kecamatan without child figures' },
    { id: 'Tambahkan satu baris pada lembar Anak untuk setiap kecamatan pada lembar Wilayah.', en: 'Add one row on the Anak sheet for every kecamatan of the Wilayah sheet.' },
    (p, f) => `Kecamatan "${f.q(p.name)}" belum mempunyai data jumlah anak pada lembar Anak. Mohon tambahkan baris untuk kecamatan tersebut.`,
    (p, f) => `Kecamatan "${f.q(p.name)}" has no child figures on the Anak sheet yet. Please add a row for it.`,
  ),
  'KLA-W260': def<{ group: string; parts: readonly ('capaian' | 'kendala' | 'upaya')[] }>(
    'warning',
    { id: 'Narasi klaster belum lengkap', en: 'Group narrative incomplete' },
    { id: 'Tulis capaian, kendala, dan upaya untuk setiap klaster pada lembar Narasi; dokumen evaluasi memuatnya di Bab III.', en: 'Write the achievements, obstacles and efforts of every group on the Narasi sheet; the dossier prints them in Bab III.' },
    (p, f) => `Uraian ${f.list(p.parts.map((x) => NARRATIVE_PART_LABELS.id[x]))} untuk ${f.q(p.group)} belum diisi. Mohon lengkapi uraian tersebut pada lembar Narasi.`,
    (p, f) => `The ${f.list(p.parts.map((x) => NARRATIVE_PART_LABELS.en[x]))} of ${f.q(p.group)} ${p.parts.length === 1 ? 'is' : 'are'} not written yet. Please complete them on the Narasi sheet.`,
  ),
  'KLA-E261': def<{ opd: string }>(
    'error',
    { id: 'Perangkat daerah tidak dikenal', en: 'Unknown OPD' },
    { id: 'Pilih perangkat daerah dari daftar; daftar itu memuat OPD pada konfigurasi proyek.', en: 'Choose the OPD from the list; the list holds the OPDs of the project config.' },
    (p, f) => `Perangkat daerah "${f.q(p.opd)}" tidak terdapat dalam daftar OPD kabupaten/kota ini, sehingga kegiatan pada baris ini tidak dipakai. Mohon pilih perangkat daerah dari daftar.`,
    (p, f) => `OPD "${f.q(p.opd)}" is not in this district's OPD list, so the activity of this row is not used. Please choose the OPD from the list.`,
  ),
  'KLA-E262': def<{ indicator: string; catalog: string }>(
    'error',
    { id: 'Indikator tidak dikenal', en: 'Unknown indicator' },
    { id: 'Pilih indikator dari daftar; daftar itu memuat indikator katalog yang berlaku.', en: 'Choose the indicator from the list; the list holds the indicators of the current catalog.' },
    (p, f) => `Indikator "${f.q(p.indicator)}" tidak terdapat dalam katalog ${p.catalog}. Mohon pilih indikator dari daftar.`,
    (p, f) => `Indicator "${f.q(p.indicator)}" is not in catalog ${p.catalog}. Please choose the indicator from the list.`,
  ),
  'KLA-E263': def<{ year: number; evaluationYear: number }>(
    'error',
    { id: 'Tahun evaluasi sebelumnya tidak sah', en: 'Earlier evaluation year not before this one' },
    { id: 'Riwayat evaluasi hanya memuat evaluasi sebelum tahun yang sedang dievaluasi.', en: 'The history lists only evaluations before the current one.' },
    (p) => `Tahun ${p.year} bukan evaluasi sebelumnya: evaluasi ini untuk tahun ${p.evaluationYear}. Mohon tulis hanya evaluasi sebelum tahun ${p.evaluationYear}.`,
    (p) => `${p.year} is not an earlier evaluation: this evaluation is for ${p.evaluationYear}. Please list only evaluations before ${p.evaluationYear}.`,
  ),
  'KLA-E264': def<{ found: string; options: readonly string[] }>(
    'error',
    { id: 'Predikat tidak dikenal', en: 'Unknown predikat' },
    { id: 'Pilih predikat dari daftar (predikat katalog yang berlaku).', en: 'Choose the predikat from the list (the predikat of the current catalog).' },
    (p, f) => `Predikat "${f.q(p.found)}" tidak dikenal. Mohon pilih salah satu dari ${f.quoted(p.options)}.`,
    (p, f) => `Predikat "${f.q(p.found)}" is not known. Please choose one of ${f.quoted(p.options)}.`,
  ),
  'KLA-E265': def<{ field: ProfileField; found: string; min?: number; max?: number; options?: readonly string[] }>(
    'error',
    { id: 'Isian profil daerah tidak sesuai', en: 'Profile entry of the wrong kind' },
    { id: 'Tulis tahun dengan empat angka, jumlah sebagai bilangan bulat, dan pilih jenis dari daftar.', en: 'Write years with four digits, counts as whole numbers, and choose kinds from the list.' },
    (p, f) => `Isian ${PROFILE_FIELD_LABELS.id[p.field]} "${f.q(p.found)}" tidak sesuai: ${expectationId(p, f)}. Mohon perbaiki isian tersebut.`,
    (p, f) => `The ${PROFILE_FIELD_LABELS.en[p.field]} entry "${f.q(p.found)}" is not valid: ${expectationEn(p, f)}. Please correct it.`,
  ),
  'KLA-W266': def<{ missing: readonly ProfileField[] }>(
    'warning',
    { id: 'Isian profil daerah belum lengkap', en: 'Profile entry incomplete' },
    { id: 'Lengkapi isian yang disebut; dokumen evaluasi memuatnya.', en: 'Complete the entries named; the dossier prints them.' },
    (p, f) => `Isian belum lengkap: ${f.list(p.missing.map((x) => PROFILE_FIELD_LABELS.id[x]))} belum diisi. Mohon lengkapi isian tersebut.`,
    (p, f) => `Incomplete: the ${f.list(p.missing.map((x) => PROFILE_FIELD_LABELS.en[x]))} ${p.missing.length === 1 ? 'is' : 'are'} empty. Please fill ${p.missing.length === 1 ? 'it' : 'them'} in.`,
  ),
  'KLA-W267': def<{ other: string[]; kept: string }>(
    'warning',
    { id: 'Lebih dari satu profil daerah', en: 'More than one profile workbook' },
    { id: 'Simpan hanya satu lembar kerja profil daerah di folder kiriman. Sampai itu dilakukan, yang dipakai adalah berkas yang paling akhir disimpan.', en: 'Keep only one profile workbook in the submissions folder. Until then the one saved last is used.' },
    (p, f) => `Terdapat lebih dari satu lembar kerja profil daerah: berkas ini dan ${f.list(p.other.map(f.path))}. Yang dipakai adalah berkas yang paling akhir disimpan, ${f.path(p.kept)}; mohon simpan hanya satu berkas profil daerah di folder kiriman.`,
    (p, f) => `There is more than one profile workbook: this file and ${f.list(p.other.map(f.path))}. The one saved last, ${f.path(p.kept)}, is used; please keep just one profile workbook in the submissions folder.`,
  ),
  'KLA-E268': def<{ part: 'workbook' | 'areas' | 'children' | 'kla-regulation' | 'sk-gugus-tugas' | 'narrative'; group?: string }>(
    'error',
    { id: 'Bagian wajib dokumen final belum diisi', en: 'Part required for the final document missing' },
    { id: 'Lengkapi lembar kerja profil daerah (DPPPA); dokumen final memuat bagian ini. Draf dapat dibuat tanpanya.', en: 'Complete the DPPPA profile workbook; the final document prints this part. A draft can be made without it.' },
    (p, f) => {
      switch (p.part) {
        case 'workbook':
          return 'Lembar kerja profil daerah (DPPPA) belum ada di folder kiriman; dokumen final memuat wilayah, jumlah anak, regulasi, dan narasi dari lembar kerja tersebut. Mohon buat dengan "kla template", isi, lalu letakkan di folder kiriman.';
        case 'areas':
          return 'Daftar kecamatan pada lembar Wilayah masih kosong; dokumen final memuat gambaran wilayah. Mohon isi daftar kecamatan dan desa/kelurahan.';
        case 'children':
          return 'Tahun data atau jumlah anak per kecamatan pada lembar Anak belum diisi; dokumen final memuatnya dalam Bab II. Mohon lengkapi data tersebut.';
        case 'kla-regulation':
          return 'Nomor dan tahun peraturan daerah (atau peraturan kepala daerah) tentang KLA belum diisi; dokumen final menyebutnya sebagai dasar hukum. Mohon lengkapi pada lembar Regulasi dan Gugus Tugas.';
        case 'sk-gugus-tugas':
          return 'Nomor dan tahun keputusan tentang Gugus Tugas KLA belum diisi; dokumen final menyebutnya sebagai dasar hukum. Mohon lengkapi pada lembar Regulasi dan Gugus Tugas.';
        case 'narrative':
          return `Uraian capaian, kendala, dan upaya untuk ${f.q(p.group)} belum lengkap; dokumen final memuatnya dalam Bab III. Mohon lengkapi pada lembar Narasi.`;
      }
    },
    (p, f) => {
      switch (p.part) {
        case 'workbook':
          return 'The DPPPA profile workbook is not in the submissions folder; the final document prints the areas, child population, regulations and narratives from it. Please make it with "kla template", fill it in and put it in the submissions folder.';
        case 'areas':
          return 'The kecamatan list on the Wilayah sheet is empty; the final document describes the district\'s areas. Please fill in the kecamatan and desa/kelurahan.';
        case 'children':
          return 'The data year or the child figures per kecamatan on the Anak sheet are missing; the final document prints them in Bab II. Please complete them.';
        case 'kla-regulation':
          return 'The number and year of the district regulation (or head of district regulation) on KLA are missing; the final document cites it as legal basis. Please complete them on the Regulasi dan Gugus Tugas sheet.';
        case 'sk-gugus-tugas':
          return 'The number and year of the decree on the Gugus Tugas KLA are missing; the final document cites it as legal basis. Please complete them on the Regulasi dan Gugus Tugas sheet.';
        case 'narrative':
          return `The achievements, obstacles and efforts of ${f.q(p.group)} are incomplete; the final document prints them in Bab III. Please complete them on the Narasi sheet.`;
      }
    },
  ),

  'KLA-W224': def<{ question: string; found: string; answer: 'given' | 'blank'; answerColumn: string }>(
    'warning',
    { id: 'Isian di kolom tahun sebelumnya yang tidak diminta', en: 'Value in a previous-year cell not asked for' },
    { id: 'Kosongkan sel abu-abu itu; bila isinya jawaban tahun yang dievaluasi, pindahkan ke kolom Jawaban (F).', en: 'Clear the grey cell; if it holds the answer for the evaluated year, move it to the answer column (F).' },
    (p, f) =>
      `Pertanyaan ${p.question} tidak meminta nilai tahun sebelumnya, tetapi sel abu-abu ini berisi "${f.q(p.found)}"; isian itu tidak dibaca.${p.answer === 'blank' ? ` Kolom Jawaban (${p.answerColumn}) pertanyaan ini kosong: bila isian itu jawabannya, mohon pindahkan ke kolom ${p.answerColumn}.` : ' Mohon kosongkan sel ini.'}`,
    (p, f) =>
      `Question ${p.question} asks for no previous-year value, but this grey cell holds "${f.q(p.found)}"; it is not read.${p.answer === 'blank' ? ` The answer cell (${p.answerColumn}) of this question is empty: if that entry is the answer, please move it to column ${p.answerColumn}.` : ' Please clear this cell.'}`,
  ),
  'KLA-W225': def<{ question: string; found: string; column: 'previous' | 'evidence' | 'note'; year: number; answerColumn: string }>(
    'warning',
    { id: 'Jawaban tampaknya di kolom lain', en: 'Answer apparently in another column' },
    { id: 'Tulis jawaban tahun yang dievaluasi di kolom Jawaban (F); isian di kolom lain tidak dibaca sebagai jawaban.', en: 'Write the answer for the evaluated year in the answer column (F); entries in other columns are not read as the answer.' },
    (p, f) =>
      `Kolom Jawaban (${p.answerColumn}) pertanyaan ${p.question} kosong, tetapi ${p.column === 'previous' ? 'kolom Nilai tahun sebelumnya' : p.column === 'evidence' ? 'kolom Data dukung' : 'kolom Catatan'} berisi "${f.q(p.found)}", yang tampak seperti jawaban; isian itu tidak dibaca sebagai jawaban tahun ${p.year}. Bila itu jawabannya, mohon pindahkan ke kolom ${p.answerColumn}.`,
    (p, f) =>
      `The answer cell (${p.answerColumn}) of question ${p.question} is empty, but the ${p.column === 'previous' ? 'previous-year' : p.column === 'evidence' ? 'evidence' : 'note'} column holds "${f.q(p.found)}", which looks like an answer; it is not read as the ${p.year} answer. If it is the answer, please move it to column ${p.answerColumn}.`,
  ),

  // -------------------------------------------------------------------------
  // 3xx: across files
  'KLA-E301': def<{ opd: string; other: string[]; kept: string }>(
    'error',
    { id: 'OPD mengirim lebih dari satu berkas yang tidak dapat dibedakan', en: 'OPD submitted more than once, newest unknown' },
    {
      id: 'Berkas-berkas itu berbeda isinya, tetapi tanggal simpan dan waktu berkasnya sama, sehingga tidak diketahui mana yang terbaru. Simpan hanya berkas yang benar di folder kiriman. Sampai itu dilakukan, hanya berkas pertama menurut urutan nama yang dipakai.',
      en: 'The files differ, but they were saved at the same time and have the same file time, so which is newest is unknown. Keep only the right file in the submissions folder. Until then only the first file in path order is used.',
    },
    (p, f) => `${f.opd(p.opd)} mengirim lebih dari satu lembar kerja yang isinya berbeda: berkas ini dan ${f.list(p.other.map(f.path))}, dengan tanggal simpan dan waktu berkas yang sama sehingga tidak diketahui mana yang terbaru. Untuk sementara hanya jawaban berkas ${f.path(p.kept)} yang dipakai; mohon simpan hanya berkas yang benar di folder kiriman.`,
    (p, f) => `${f.opd(p.opd)} sent more than one workbook with different contents: this file and ${f.list(p.other.map(f.path))}, saved at the same time and with the same file time, so which is newest is unknown. For now only the answers of ${f.path(p.kept)} are used; please keep only the right file in the submissions folder.`,
  ),
  'KLA-W302': def<{ question: string; opd: string; value: string; otherOpd: string; otherValue: string; otherFile: string; otherCell: string }>(
    'warning',
    { id: 'Jawaban antar-OPD berbeda', en: 'OPDs answer differently' },
    {
      id: 'Sepakati satu jawaban antar-OPD dan samakan isiannya di semua lembar kerja, atau DPPPA menetapkan jawaban yang dihitung di kunci "chosenAnswers" konfigurasi (nomor pertanyaan: kode OPD); sampai itu dilakukan, dokumen final belum dapat disusun.',
      en: 'Agree on one answer between the OPDs and enter it the same way in every workbook, or the DPPPA names the answer that counts under "chosenAnswers" in the config (question number: OPD code); until then no final dossier can be built.',
    },
    (p, f) => `Jawaban pertanyaan ${p.question} dari ${f.opd(p.opd)} ("${f.q(p.value)}") berbeda dengan jawaban ${f.opd(p.otherOpd)} ("${f.q(p.otherValue)}", berkas ${f.path(p.otherFile)}, sel ${p.otherCell}). Mohon sepakati satu jawaban antar-OPD.`,
    (p, f) => `${f.opd(p.opd)}'s answer to question ${p.question} ("${f.q(p.value)}") differs from ${f.opd(p.otherOpd)}'s ("${f.q(p.otherValue)}", file ${f.path(p.otherFile)}, cell ${p.otherCell}). Please agree on one answer.`,
  ),
  'KLA-W303': def<{ question: string; opds: string[] }>(
    'warning',
    { id: 'Pertanyaan belum dijawab', en: 'Question unanswered' },
    { id: 'Minta OPD penanggung jawab mengisi jawabannya; pertanyaan tanpa jawaban bernilai 0.', en: 'Ask a responsible OPD to answer it; unanswered questions score 0.' },
    (p, f) => `Pertanyaan ${p.question} belum dijawab oleh OPD mana pun (penanggung jawab: ${f.list(p.opds.map(f.opd))}); tanpa jawaban pertanyaan ini bernilai 0. Mohon isi jawabannya.`,
    (p, f) => `Question ${p.question} is answered by no OPD (responsible: ${f.list(p.opds.map(f.opd))}); unanswered it scores 0. Please fill in the answer.`,
  ),
  'KLA-I304': def<{ opd: string; name: string; questions: number }>(
    'info',
    { id: 'Lembar kerja OPD belum diterima', en: 'No workbook from an OPD yet' },
    { id: 'Ingatkan OPD untuk mengirim lembar kerjanya, atau periksa nama berkasnya.', en: 'Remind the OPD to send its workbook, or check the file name.' },
    (p) => `Belum ada lembar kerja dari ${p.name} (${p.opd}); ${p.questions} pertanyaan yang menjadi tanggung jawabnya belum dapat diperiksa.`,
    (p) => `No workbook from ${p.name} (${p.opd}) yet; its ${p.questions} questions cannot be checked.`,
  ),
  'KLA-I305': def<{ opd: string; kept: string; by: 'saved' | 'copy'; savedAt?: string; keptSavedAt?: string }>(
    'info',
    { id: 'Digantikan oleh kiriman yang lebih baru', en: 'Superseded by a newer submission' },
    {
      id: 'Tidak perlu tindakan. Dari beberapa lembar kerja satu OPD, yang dihitung adalah yang paling akhir disimpan menurut tanggal simpan di dalam lembar kerja itu sendiri (lalu waktu berkasnya); berkas lain hanya dicatat. Pindahkan berkas lama dari folder kiriman bila tidak diperlukan lagi.',
      en: "Nothing to do. Of several workbooks of one OPD, the one saved last according to the date stored inside the workbook (then its file time) counts; the others are only listed. Move old files out of the submissions folder when they are no longer needed.",
    },
    (p, f) =>
      p.by === 'copy'
        ? `Berkas ini berisi jawaban dan identitas yang sama dengan ${f.path(p.kept)} dari ${f.opd(p.opd)}; yang dihitung adalah ${f.path(p.kept)}, dan berkas ini tidak diperiksa lagi.`
        : `Berkas ini digantikan oleh kiriman ${f.opd(p.opd)} yang lebih baru, ${f.path(p.kept)} (disimpan ${when(p.keptSavedAt, 'id')}, sedangkan berkas ini disimpan ${when(p.savedAt, 'id')}). Jawaban berkas ini tidak dihitung dan tidak diperiksa lagi.`,
    (p, f) =>
      p.by === 'copy'
        ? `This file holds the same answers and identity as ${f.path(p.kept)} from ${f.opd(p.opd)}; ${f.path(p.kept)} counts, and this file is not checked further.`
        : `This file is superseded by ${f.opd(p.opd)}'s newer submission ${f.path(p.kept)} (saved ${when(p.keptSavedAt, 'en')}, this file ${when(p.savedAt, 'en')}). Its answers are not counted and not checked further.`,
  ),
  'KLA-W306': def<{ opd: string; kept: string }>(
    'warning',
    { id: 'Kiriman terbaru ditentukan dari waktu berkas', en: 'Newest submission decided by file time' },
    {
      id: 'Lembar kerja tidak menyimpan tanggal simpan yang berbeda, sehingga waktu berkas yang menentukan; waktu itu dapat berubah saat berkas disalin atau diunduh. Pastikan berkas yang dihitung memang yang terbaru, dan pindahkan berkas lain dari folder kiriman.',
      en: 'The workbooks do not record different save dates, so the file time decided; copying or downloading can change it. Make sure the file that counts is really the newest, and move the other files out of the submissions folder.',
    },
    (p, f) => `Berkas ini dan ${f.path(p.kept)} sama-sama lembar kerja ${f.opd(p.opd)} dengan tanggal simpan yang sama atau tidak tercatat. Menurut waktu berkasnya, ${f.path(p.kept)} lebih baru sehingga berkas itu yang dihitung; mohon pastikan hal ini benar.`,
    (p, f) => `This file and ${f.path(p.kept)} are both ${f.opd(p.opd)} workbooks with the same or no recorded save date. By file time, ${f.path(p.kept)} is newer, so it counts; please make sure that is right.`,
  ),
} satisfies Record<string, AnyCodeDef>;

const MONTHS = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
} as const;

/** A save time as stored in the workbook (UTC), in words: "3 Desember 2026 pukul 08.15 UTC". */
function when(iso: string | undefined, lang: 'id' | 'en'): string {
  const d = iso === undefined ? new Date(NaN) : new Date(iso);
  if (!Number.isFinite(d.getTime())) return lang === 'id' ? 'tanpa tanggal simpan' : 'without a save date';
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  const day = `${d.getUTCDate()} ${MONTHS[lang][d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  return lang === 'id' ? `${day} pukul ${hh}.${mm} UTC` : `${day} at ${hh}:${mm} UTC`;
}

