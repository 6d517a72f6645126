/**
 * The codes of `kla validate`: the file itself (0xx), template and identity
 * (1xx), question rows and answers (2xx) and checks across files (3xx). Codes
 * are a contract (JSON output, CI filters, config.severity): never renumber,
 * only add. The letter shows the default severity (E error, W warning, I
 * info); a district may change it in its config.
 */
import { def, type AnyCodeDef } from '../registry.js';

const SAVE_XLSX_ID = 'buka berkas di Excel, pilih Simpan Sebagai (Save As) dengan jenis "Buku Kerja Excel (*.xlsx)", lalu kirim berkas .xlsx tersebut';
const SAVE_XLSX_EN = 'open the file in Excel, choose Save As with type "Excel Workbook (*.xlsx)", and send that .xlsx file';
const USE_TEMPLATE_ID = 'salin jawaban ke templat terbaru yang dikirim DPPPA';
const USE_TEMPLATE_EN = 'copy the answers into the latest template sent by the DPPPA';

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
    (p, f) => `Kode OPD di metadata templat (${f.q(p.meta)}) berbeda dengan OPD di lembar Identitas (${f.q(p.identity)}); berkas dianggap milik ${p.opd}. Mohon gunakan templat yang dibuat untuk OPD Anda sendiri.`,
    (p, f) => `The OPD code in the template metadata (${f.q(p.meta)}) differs from the OPD on the identity sheet (${f.q(p.identity)}); the file is taken as ${p.opd}'s. Please use the template made for your own OPD.`,
  ),
  'KLA-W111': def<{ opd: string }>(
    'warning',
    { id: 'OPD dikenali dari nama berkas', en: 'OPD recognised from the file name' },
    { id: 'Isi Nama OPD dan Kode OPD di lembar Identitas, atau gunakan templat asli.', en: 'Fill OPD name and code on the identity sheet, or use an original template.' },
    (p) => `OPD pengirim hanya dapat dikenali dari nama berkas, yaitu ${p.opd}. Mohon pastikan Nama OPD di lembar Identitas terisi dengan benar.`,
    (p) => `The sending OPD could only be recognised from the file name, as ${p.opd}. Please make sure the OPD name on the identity sheet is filled in correctly.`,
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
    (p) => `Nama berkas menyebut ${p.named}, tetapi isinya adalah lembar kerja ${p.opd} (menurut metadata templat). Berkas dihitung sebagai kiriman ${p.opd}; mohon pastikan ${p.named} tidak salah mengirim berkas.`,
    (p) => `The file name names ${p.named}, but it holds the workbook of ${p.opd} (by its template metadata). It is counted as ${p.opd}'s submission; please make sure ${p.named} did not send the wrong file.`,
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
  'KLA-E203': def<{ question: string; catalog: string }>(
    'error',
    { id: 'Nomor pertanyaan tidak dikenal', en: 'Unknown question number' },
    { id: 'Periksa nomor di kolom A; hapus baris tambahan.', en: 'Check the number in column A; delete added rows.' },
    (p, f) => `Nomor pertanyaan "${f.q(p.question)}" tidak terdapat dalam katalog ${p.catalog}, sehingga barisnya tidak dibaca. Mohon periksa nomor di kolom A atau hapus baris tambahan tersebut.`,
    (p, f) => `Question number "${f.q(p.question)}" is not in catalog ${p.catalog}, so the row is not read. Please check the number in column A or delete the added row.`,
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
    (p) => `Pertanyaan ${p.question} bukan bagian dari pertanyaan ${p.opd} menurut konfigurasi; jawabannya tetap dicatat. Mohon pastikan baris ini memang dijawab oleh OPD Anda.`,
    (p) => `Question ${p.question} is not one of ${p.opd}'s questions in the config; its answer is still recorded. Please make sure your OPD means to answer it.`,
  ),
  'KLA-W206': def(
    'warning',
    { id: 'Jawaban tanpa nomor pertanyaan', en: 'Answer without a question number' },
    { id: 'Tulis jawaban pada baris pertanyaan yang sesuai; baris tambahan tidak dibaca.', en: 'Write answers on the matching question row; added rows are not read.' },
    () => 'Baris ini berisi jawaban tetapi tidak memiliki nomor pertanyaan di kolom A, sehingga tidak dibaca. Mohon tulis jawaban pada baris pertanyaan yang sesuai.',
    () => 'This row has answers but no question number in column A, so it is not read. Please write the answer on the matching question row.',
  ),
  'KLA-I207': def<{ columns: string }>(
    'info',
    { id: 'Kolom tambahan tidak dibaca', en: 'Extra columns not read' },
    { id: 'Pindahkan keterangan penting ke kolom Catatan (I).', en: 'Move important remarks to the note column (I).' },
    (p) => `Kolom ${p.columns} berada di luar isian templat dan tidak dibaca. Bila isinya penting, mohon pindahkan ke kolom Catatan (I).`,
    (p) => `Column(s) ${p.columns} lie outside the template and are not read. If their content matters, please move it to the note column (I).`,
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
  'KLA-W211': def<{ question: string; found: string; taken: string }>(
    'warning',
    { id: 'Jawaban pilihan disesuaikan', en: 'Option answer normalised' },
    { id: 'Pilih jawaban dari daftar agar tulisannya tepat.', en: 'Pick the answer from the list so it is written exactly.' },
    (p, f) => `Jawaban "${f.q(p.found)}" untuk pertanyaan ${p.question} dibaca sebagai pilihan "${p.taken}". Mohon pilih jawaban dari daftar agar tulisannya tepat.`,
    (p, f) => `Answer "${f.q(p.found)}" to question ${p.question} was taken as option "${p.taken}". Please pick the answer from the list so it is written exactly.`,
  ),
  'KLA-E212': def<{ question: string; found: string; expected: 'count' | 'percent' }>(
    'error',
    { id: 'Isian bukan angka', en: 'Not a number' },
    { id: 'Isi dengan angka saja: persentase 0–100 (mis. 87,5) atau jumlah bilangan bulat (mis. 12).', en: 'Enter a number only: a percentage 0–100 (e.g. 87.5) or a whole count (e.g. 12).' },
    (p, f) => `Isian "${f.q(p.found)}" untuk pertanyaan ${p.question} bukan angka. Mohon isi dengan ${p.expected === 'count' ? 'bilangan bulat, misalnya 12' : 'angka persentase 0–100, misalnya 87,5'}.`,
    (p, f) => `Entry "${f.q(p.found)}" for question ${p.question} is not a number. Please enter ${p.expected === 'count' ? 'a whole number, e.g. 12' : 'a percentage 0–100, e.g. 87.5'}.`,
  ),
  'KLA-W213': def<{ question: string; found: string | number; taken: number; how?: 'percent-format' }>(
    'warning',
    { id: 'Angka disesuaikan', en: 'Number normalised' },
    { id: 'Ketik angka saja di sel berformat Angka (tanpa %, spasi atau teks); koma untuk desimal.', en: 'Type just the number in a Number-formatted cell (no %, spaces or text); comma as decimal separator.' },
    (p, f) =>
      p.how === 'percent-format'
        ? `Nilai ${f.n(p.found)} untuk pertanyaan ${p.question} ada di sel berformat persen (tampil ${f.n(p.taken)} %) dan dibaca sebagai ${f.n(p.taken)}. Mohon periksa kebenarannya; sebaiknya ketik ${f.n(p.taken)} di sel berformat Angka.`
        : `Isian "${f.q(p.found)}" untuk pertanyaan ${p.question} dibaca sebagai angka ${f.n(p.taken)}. Mohon periksa kebenarannya; sebaiknya ketik angka saja di sel berformat Angka.`,
    (p, f) =>
      p.how === 'percent-format'
        ? `Value ${f.n(p.found)} for question ${p.question} is in a percent-formatted cell (shown as ${f.n(p.taken)} %) and was read as ${f.n(p.taken)}. Please check it; preferably type ${f.n(p.taken)} in a Number-formatted cell.`
        : `Entry "${f.q(p.found)}" for question ${p.question} was read as the number ${f.n(p.taken)}. Please check it; preferably type just the number in a Number-formatted cell.`,
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
    { id: 'Persentase ditulis 0–100 (87,5 untuk 87,5 %), bukan pecahan 0–1.', en: 'Percentages are written 0–100 (87.5 for 87.5 %), not as a fraction 0–1.' },
    (p, f) => `Persentase ${f.n(p.found)} untuk pertanyaan ${p.question} kurang dari 1 dan dibaca apa adanya (${f.n(p.found)} %). Bila yang dimaksud ${f.n(p.scaled)} %, mohon tulis ${f.n(p.scaled)}.`,
    (p, f) => `Percentage ${f.n(p.found)} for question ${p.question} is below 1 and was read as is (${f.n(p.found)} %). If ${f.n(p.scaled)} % is meant, please write ${f.n(p.scaled)}.`,
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

  // -------------------------------------------------------------------------
  // 3xx: across files
  'KLA-E301': def<{ opd: string; other: string[]; kept: string }>(
    'error',
    { id: 'OPD mengirim lebih dari satu berkas', en: 'OPD submitted more than once' },
    { id: 'Simpan hanya satu berkas (yang terbaru) untuk setiap OPD di folder kiriman. Sampai itu dilakukan, hanya berkas pertama menurut urutan nama yang dipakai.', en: 'Keep only one file (the latest) per OPD in the submissions folder. Until then only the first file in path order is used.' },
    (p, f) => `${p.opd} mengirim lebih dari satu lembar kerja: berkas ini dan ${f.list(p.other.map(f.path))}. Untuk sementara hanya jawaban berkas ${f.path(p.kept)} yang dipakai; mohon simpan hanya satu berkas (yang terbaru) di folder kiriman.`,
    (p, f) => `${p.opd} sent more than one workbook: this file and ${f.list(p.other.map(f.path))}. For now only the answers of ${f.path(p.kept)} are used; please keep just one file (the latest) in the submissions folder.`,
  ),
  'KLA-W302': def<{ question: string; opd: string; value: string; otherOpd: string; otherValue: string; otherFile: string; otherCell: string }>(
    'warning',
    { id: 'Jawaban antar-OPD berbeda', en: 'OPDs answer differently' },
    { id: 'Sepakati satu jawaban antar-OPD dan samakan isiannya di semua lembar kerja.', en: 'Agree on one answer between the OPDs and enter it the same way in every workbook.' },
    (p, f) => `Jawaban pertanyaan ${p.question} dari ${p.opd} ("${f.q(p.value)}") berbeda dengan jawaban ${p.otherOpd} ("${f.q(p.otherValue)}", berkas ${f.path(p.otherFile)}, sel ${p.otherCell}). Mohon sepakati satu jawaban antar-OPD.`,
    (p, f) => `${p.opd}'s answer to question ${p.question} ("${f.q(p.value)}") differs from ${p.otherOpd}'s ("${f.q(p.otherValue)}", file ${f.path(p.otherFile)}, cell ${p.otherCell}). Please agree on one answer.`,
  ),
  'KLA-W303': def<{ question: string; opds: string }>(
    'warning',
    { id: 'Pertanyaan belum dijawab', en: 'Question unanswered' },
    { id: 'Minta OPD penanggung jawab mengisi jawabannya; pertanyaan tanpa jawaban bernilai 0.', en: 'Ask a responsible OPD to answer it; unanswered questions score 0.' },
    (p) => `Pertanyaan ${p.question} belum dijawab oleh OPD mana pun (penanggung jawab: ${p.opds}); tanpa jawaban pertanyaan ini bernilai 0. Mohon isi jawabannya.`,
    (p) => `Question ${p.question} is answered by no OPD (responsible: ${p.opds}); unanswered it scores 0. Please fill in the answer.`,
  ),
  'KLA-I304': def<{ opd: string; name: string; questions: number }>(
    'info',
    { id: 'Lembar kerja OPD belum diterima', en: 'No workbook from an OPD yet' },
    { id: 'Ingatkan OPD untuk mengirim lembar kerjanya, atau periksa nama berkasnya.', en: 'Remind the OPD to send its workbook, or check the file name.' },
    (p) => `Belum ada lembar kerja dari ${p.name} (${p.opd}); ${p.questions} pertanyaan yang menjadi tanggung jawabnya belum dapat diperiksa.`,
    (p) => `No workbook from ${p.name} (${p.opd}) yet; its ${p.questions} questions cannot be checked.`,
  ),
} satisfies Record<string, AnyCodeDef>;

