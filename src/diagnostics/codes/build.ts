/**
 * 7xx: scoring and documents: what stops a score or a dossier, the files a
 * build needs (narrative templates, emblem, fonts, evidence folder) and the
 * files it writes. 9xx: kla itself.
 */
import { def, type AnyCodeDef } from '../registry.js';

export const BUILD_CODES = {
  'KLA-E701': def<{ errors: number; files: number }>(
    'error',
    { id: 'Dokumen tidak disusun karena kesalahan validasi', en: 'Dossier not built: validation errors' },
    { id: 'Perbaiki lembar kerjanya (rincian: "kla validate"), atau susun draf dengan --draft.', en: 'Correct the workbooks (details: "kla validate"), or build a draft with --draft.' },
    (p) => `Dokumen tidak disusun: pemeriksaan menemukan ${p.errors} kesalahan pada ${p.files} berkas. Tidak ada berkas yang ditulis. Mohon perbaiki lembar kerjanya (rincian lengkap: "kla validate"), atau gunakan --draft untuk menyusun draf bertanda DRAF beserta daftar masalahnya.`,
    (p) => `The dossier was not built: validation found ${p.errors} error${p.errors === 1 ? '' : 's'} in ${p.files} file${p.files === 1 ? '' : 's'}. Nothing was written. Please correct the workbooks (full list: "kla validate"), or use --draft to render a draft marked DRAF with the list of problems.`,
  ),
  'KLA-I702': def<{ more: number }>(
    'info',
    { id: 'Daftar dipersingkat', en: 'List shortened' },
    { id: 'Jalankan "kla validate" untuk daftar lengkap.', en: 'Run "kla validate" for the full list.' },
    (p) => `… dan ${p.more} kesalahan lainnya.`,
    (p) => `… and ${p.more} more.`,
  ),
  'KLA-E703': def<{ folder: string; inputs: string[] }>(
    'error',
    { id: 'Tidak ada lembar kerja yang dapat dinilai', en: 'No workbook to score' },
    { id: 'Simpan lembar kerja OPD yang dapat dibaca di folder kiriman.', en: 'Put readable OPD workbooks into the submissions folder.' },
    (p, f) => `Tidak ada lembar kerja OPD yang dapat dinilai ${p.inputs.length > 0 ? `pada ${f.list(p.inputs)}` : `di folder ${f.path(p.folder)}`}; tidak ada nilai yang dihitung.`,
    (p, f) => `No OPD workbook to score ${p.inputs.length > 0 ? `in ${f.list(p.inputs)}` : `in folder ${f.path(p.folder)}`}; nothing was scored.`,
  ),
  'KLA-E704': def<{ errors: number; files: number }>(
    'error',
    { id: 'Penilaian tidak dilakukan karena kesalahan validasi', en: 'Not scored: validation errors' },
    { id: 'Perbaiki lembar kerjanya (rincian: "kla validate"), atau gunakan --allow-invalid.', en: 'Correct the workbooks (details: "kla validate"), or use --allow-invalid.' },
    (p) => `Penilaian tidak dilakukan: pemeriksaan menemukan ${p.errors} kesalahan pada ${p.files} berkas. Jalankan "kla validate" untuk melihat rinciannya dan perbaiki lembar kerjanya, atau gunakan --allow-invalid untuk menghitung nilai tanpa jawaban yang mengandung kesalahan.`,
    (p) => `Not scored: validation found ${p.errors} error${p.errors === 1 ? '' : 's'} in ${p.files} file${p.files === 1 ? '' : 's'}. Run "kla validate" to see them and correct the workbooks, or use --allow-invalid to score without the answers that have errors.`,
  ),
  'KLA-E705': def<{ file: string; reason: 'busy' | 'denied' | 'no-space' | 'read-only' | 'not-folder' | 'is-folder' | 'other' }>(
    'error',
    { id: 'Berkas keluaran tidak dapat ditulis', en: 'Output file cannot be written' },
    { id: 'Tutup berkas bila sedang dibuka di program lain, periksa izin dan ruang disk, lalu ulangi.', en: 'Close the file if another program has it open, check permissions and disk space, then try again.' },
    (p, f) =>
      `Berkas ${f.path(p.file)} tidak dapat ditulis: ${
        p.reason === 'busy'
          ? 'berkas sedang dibuka di program lain (mis. pembaca PDF atau Excel); tutup dahulu lalu ulangi'
          : p.reason === 'denied'
            ? 'tidak ada izin menulis di folder itu'
            : p.reason === 'no-space'
              ? 'ruang disk tidak cukup'
              : p.reason === 'read-only'
                ? 'folder atau disk itu hanya dapat dibaca'
                : p.reason === 'not-folder'
                  ? 'ada berkas di tempat yang seharusnya folder'
                  : p.reason === 'is-folder'
                    ? 'di tempat itu sudah ada folder dengan nama yang sama'
                    : 'terjadi kesalahan saat menulis'
      }. Berkas keluaran yang sudah ada tidak diubah.`,
    (p, f) =>
      `Cannot write ${f.path(p.file)}: ${
        p.reason === 'busy'
          ? 'another program has the file open (e.g. a PDF viewer or Excel); close it and try again'
          : p.reason === 'denied'
            ? 'no permission to write in that folder'
            : p.reason === 'no-space'
              ? 'not enough disk space'
              : p.reason === 'read-only'
                ? 'that folder or disk is read-only'
                : p.reason === 'not-folder'
                  ? 'a file stands where a folder should be'
                  : p.reason === 'is-folder'
                    ? 'a folder of that name is already there'
                    : 'a write error occurred'
      }. Existing output files were left unchanged.`,
  ),
  'KLA-E706': def<{ file: string; reason: 'missing' | 'denied' | 'other' }>(
    'error',
    { id: 'Lambang daerah tidak dapat dibaca', en: 'Emblem cannot be read' },
    { id: 'Periksa path gambar lambang di konfigurasi.', en: 'Check the emblem\'s path in the config.' },
    (p, f) => `Lambang daerah ${f.path(p.file)} tidak dapat dibaca: ${p.reason === 'missing' ? 'berkas tidak ditemukan' : p.reason === 'denied' ? 'tidak ada izin untuk membacanya' : 'terjadi kesalahan saat membaca'}.`,
    (p, f) => `Emblem ${f.path(p.file)} cannot be read: ${p.reason === 'missing' ? 'file not found' : p.reason === 'denied' ? 'permission denied' : 'a read error occurred'}.`,
  ),
  'KLA-E707': def<{ file: string }>(
    'error',
    { id: 'Lambang daerah bukan gambar PNG atau JPEG', en: 'Emblem is not a PNG or JPEG image' },
    { id: 'Simpan lambang sebagai PNG atau JPEG berukuran paling besar 10 MB.', en: 'Save the emblem as a PNG or JPEG of at most 10 MB.' },
    (p, f) => `Lambang daerah ${f.path(p.file)} harus berupa gambar PNG atau JPEG berukuran paling besar 10 MB.`,
    (p, f) => `Emblem ${f.path(p.file)} must be a PNG or JPEG image of at most 10 MB.`,
  ),
  'KLA-E708': def<{ dir: string; isFile?: boolean }>(
    'error',
    { id: 'Folder templat naskah tidak ditemukan', en: 'Narrative template folder not found' },
    { id: 'Periksa opsi --templates atau kunci "dossierTemplates" di konfigurasi.', en: 'Check --templates or the "dossierTemplates" key of the config.' },
    (p, f) => `Folder templat naskah ${f.path(p.dir)} ${p.isFile ? 'adalah sebuah berkas, bukan folder' : 'tidak ditemukan'}. Periksa opsi --templates atau kunci "dossierTemplates" di konfigurasi.`,
    (p, f) => `Narrative template folder ${f.path(p.dir)} ${p.isFile ? 'is a file, not a folder' : 'not found'}. Check --templates or the "dossierTemplates" key of the config.`,
  ),
  'KLA-E709': def<{ file: string }>(
    'error',
    { id: 'Templat naskah tidak dapat dibaca', en: 'Narrative template cannot be read' },
    { id: 'Periksa izin dan pengodean (UTF-8) berkas templat.', en: 'Check the template file\'s permissions and encoding (UTF-8).' },
    (p, f) => `Templat naskah ${f.path(p.file)} tidak dapat dibaca.`,
    (p, f) => `Narrative template ${f.path(p.file)} cannot be read.`,
  ),
  'KLA-E710': def(
    'error',
    { id: 'Templat naskah belum benar', en: 'Narrative templates not correct' },
    { id: 'Perbaiki setiap baris yang disebut di bawahnya (lihat docs/dossier.md).', en: 'Correct every line listed below it (see docs/dossier.md).' },
    () => 'Templat naskah dokumen belum benar:',
    () => 'The dossier narrative templates are not correct:',
  ),
  'KLA-E711': def<{
    file: string;
    line: number;
    problem:
      | 'syntax'
      | 'tag-unclosed'
      | 'block-unclosed'
      | 'block-stray'
      | 'block-mismatch'
      | 'helper'
      | 'not-printable'
      | 'block'
      | 'block-arity'
      | 'not-list'
      | 'not-object'
      | 'variable'
      | 'block-params'
      | 'partial';
    name: string;
    /** The closing tag's name, for 'block-mismatch'. */
    found?: string;
    /** The fields or variables available there, for 'not-printable' and 'variable'. */
    available: string[];
  }>(
    'error',
    { id: 'Masalah pada templat naskah', en: 'Problem in a narrative template' },
    { id: 'Gunakan hanya variabel yang tersedia dan blok #if, #unless, #each dan #with.', en: 'Use only the variables available and the blocks #if, #unless, #each and #with.' },
    (p, f) => `${f.path(p.file)}:${p.line}: ${TEMPLATE_PROBLEM.id(p, f)}`,
    (p, f) => `${f.path(p.file)}:${p.line}: ${TEMPLATE_PROBLEM.en(p, f)}`,
  ),
  'KLA-W712': def<{ file: string; names: string[] }>(
    'warning',
    { id: 'Berkas templat tidak dipakai', en: 'Template file not used' },
    { id: 'Beri berkas nama salah satu templat yang dikenal, atau pindahkan.', en: 'Name the file after one of the known templates, or move it.' },
    (p, f) => `Templat ${f.path(p.file)} tidak dipakai: namanya tidak dikenal. Nama yang dikenal: ${f.list(p.names)}.`,
    (p, f) => `Template ${f.path(p.file)} is not used: unknown name. Known names: ${f.list(p.names)}.`,
  ),
  'KLA-E713': def<{ file: string }>(
    'error',
    { id: 'Templat naskah gagal disusun', en: 'Narrative template failed to render' },
    { id: 'Periksa templat pada baris yang memakai variabel daftar atau objek.', en: 'Check the template where it uses list or object variables.' },
    (p, f) => `Templat naskah ${f.path(p.file)} gagal disusun.`,
    (p, f) => `Narrative template ${f.path(p.file)} failed to render.`,
  ),
  'KLA-E714': def<{ dir: string }>(
    'error',
    { id: 'Huruf dokumen tidak ditemukan', en: 'Document fonts not found' },
    { id: 'Pasang ulang kla.', en: 'Reinstall kla.' },
    (p, f) => `Huruf Roboto tidak ditemukan di ${f.path(p.dir)}. Mohon pasang ulang kla.`,
    (p, f) => `The Roboto font was not found in ${f.path(p.dir)}. Please reinstall kla.`,
  ),
  'KLA-E715': def<{ dir: string; isFile?: boolean }>(
    'error',
    { id: 'Folder data dukung tidak ditemukan', en: 'Evidence folder not found' },
    { id: 'Periksa opsi --evidence atau kunci "paths.evidence" di konfigurasi.', en: 'Check --evidence or the "paths.evidence" key of the config.' },
    (p, f) => `Folder data dukung ${f.path(p.dir)} ${p.isFile ? 'adalah sebuah berkas, bukan folder' : 'tidak ditemukan'}.`,
    (p, f) => `Evidence folder ${f.path(p.dir)} ${p.isFile ? 'is a file, not a folder' : 'not found'}.`,
  ),
  'KLA-I716': def(
    'info',
    { id: 'Berkas data dukung tidak diperiksa', en: 'Evidence files not checked' },
    { id: 'Simpan data dukung di folder evidence proyek, atau sebutkan foldernya dengan --evidence.', en: 'Keep the evidence in the project\'s evidence folder, or name the folder with --evidence.' },
    () => 'Folder data dukung tidak ditemukan atau kosong; prakiraan verifikasi hanya memeriksa apakah data dukung disebutkan (gunakan --evidence <folder>).',
    () => 'No evidence folder found (or it is empty); the verification forecast only checks that evidence is named (use --evidence <folder>).',
  ),
  'KLA-W717': def<{ errors: number }>(
    'warning',
    { id: 'Dokumen disusun sebagai draf', en: 'Dossier built as a draft' },
    { id: 'Perbaiki kesalahannya lalu susun ulang tanpa --draft.', en: 'Correct the errors, then build again without --draft.' },
    (p) => `Dokumen disusun sebagai DRAF. ${p.errors} kesalahan validasi tercantum pada lampiran masalah, dan jawaban yang bersangkutan tidak dihitung.`,
    (p) => `The dossier is a DRAFT. ${p.errors} validation error${p.errors === 1 ? '' : 's'} are listed in the annex of open problems, and the answers concerned were not counted.`,
  ),
  'KLA-W718': def<{ errors: number; ignored: number; unreadable: string[] }>(
    'warning',
    { id: 'Dinilai walaupun ada kesalahan', en: 'Scored despite errors' },
    { id: 'Perbaiki kesalahannya agar semua jawaban ikut dinilai.', en: 'Correct the errors so that every answer is scored.' },
    (p, f) =>
      `Pemeriksaan menemukan ${p.errors} kesalahan; ${p.ignored} jawaban diabaikan dalam penilaian (lihat daftarnya pada hasil).${p.unreadable.length > 0 ? ` Berkas yang tidak dapat dibaca dan tidak ikut dinilai: ${f.list(p.unreadable)}.` : ''}`,
    (p, f) =>
      `Validation found ${p.errors} error${p.errors === 1 ? '' : 's'}; ${p.ignored} answer${p.ignored === 1 ? '' : 's'} left out of scoring (listed in the result).${p.unreadable.length > 0 ? ` Files that could not be read and were not scored: ${f.list(p.unreadable)}.` : ''}`,
  ),
  'KLA-W726': def<{ key: string; place: string; what: 'dossier' | 'letters' }>(
    'warning',
    { id: 'Tempat penandatanganan diambil dari nama kabupaten', en: 'Signing place taken from the kabupaten\'s name' },
    {
      id: 'Isi tempat penandatanganan ("document.place" untuk dokumen, "letters.place" untuk surat; biasanya ibu kota kabupaten) atau "profile.capital" di kla.config.json.',
      en: 'Set where it is signed ("document.place" for the dossier, "letters.place" for the letters; usually the kabupaten\'s capital) or "profile.capital" in kla.config.json.',
    },
    (p, f) =>
      `${p.what === 'dossier' ? 'Dokumen' : 'Surat'} ditandatangani "di ${f.q(p.place)}" karena tempat penandatanganan dan ibu kota kabupaten belum diisi. Bila ibu kota kabupaten lain, mohon isi "${p.key}" di kla.config.json: "place" di dalam bagian "${p.key.split('.')[0]}", misalnya "place": "Bangko".`,
    (p, f) =>
      `The ${p.what === 'dossier' ? 'dossier is' : 'letters are'} signed "at ${f.q(p.place)}" because neither the signing place nor the kabupaten's capital is set. If the capital is another town, set "${p.key}" in kla.config.json: "place" inside "${p.key.split('.')[0]}", e.g. "place": "Bangko".`,
  ),
  'KLA-W730': def<{ question: string; opd: string; reason: 'no-answer' | 'invalid' | 'unfit' }>(
    'warning',
    { id: 'Jawaban pilihan DPPPA tidak dapat dipakai', en: 'The DPPPA\'s chosen answer cannot be used' },
    {
      id: 'Minta OPD yang dipilih melengkapi atau memperbaiki jawabannya, atau pilih jawaban OPD lain di kunci "chosenAnswers" konfigurasi.',
      en: 'Ask the chosen OPD to complete or correct its answer, or choose another OPD\'s answer under "chosenAnswers" in the config.',
    },
    (p) =>
      `Jawaban ${p.opd} yang dipilih untuk pertanyaan ${p.question} ${p.reason === 'no-answer' ? 'belum ada' : p.reason === 'invalid' ? 'mengandung kesalahan' : 'tidak sesuai rubrik'}, sehingga pilihan itu tidak dipakai dan pertanyaan ini dinilai seolah-olah belum ada pilihan.`,
    (p) =>
      `${p.opd}'s answer chosen for question ${p.question} ${p.reason === 'no-answer' ? 'is missing' : p.reason === 'invalid' ? 'has errors' : 'does not fit the rubric'}, so the choice is not used and the question is scored as if none had been made.`,
  ),

  'KLA-E719': def<{ blockers: number }>(
    'error',
    { id: 'Dokumen final tidak disusun', en: 'Final dossier not built' },
    { id: 'Selesaikan setiap hal yang disebut, atau susun draf dengan --draft.', en: 'Settle every point listed, or build a draft with --draft.' },
    (p) => `Dokumen final tidak disusun: ${p.blockers} hal belum dipenuhi. Tidak ada berkas yang ditulis. Mohon selesaikan hal berikut, atau gunakan --draft untuk menyusun draf bertanda DRAF beserta daftar hal yang belum dipenuhi.`,
    (p) => `The final dossier was not built: ${p.blockers} point${p.blockers === 1 ? '' : 's'} not settled. Nothing was written. Please settle the points below, or use --draft to build a draft marked DRAF that lists them.`,
  ),
  'KLA-E720': def<{ key: string; year: number }>(
    'error',
    { id: 'Tanggal dokumen belum ditetapkan', en: 'Document date not set' },
    { id: 'Isi tanggal penandatanganan dokumen di konfigurasi, ditulis TTTT-BB-HH.', en: 'Set the date the dossier is signed on in the config, written YYYY-MM-DD.' },
    (p) =>
      `Tanggal dokumen belum ditetapkan. Mohon isi "${p.key}" di kla.config.json dengan tanggal penandatanganan (tahun-bulan-tanggal): "date" di dalam bagian "document", misalnya "document": { "date": "${p.year}-03-14" }.`,
    (p) => `The document date is not set. Please set "${p.key}" in kla.config.json to the signing date (year-month-day): "date" inside "document", e.g. "document": { "date": "${p.year}-03-14" }.`,
  ),
  'KLA-E721': def<{ key: string; role: 'head' | 'coordinator'; field: 'name' | 'title'; found: string }>(
    'error',
    { id: 'Penandatangan belum diisi', en: 'Signatory not filled in' },
    { id: 'Isi nama dan jabatan penandatangan di konfigurasi.', en: 'Fill in the signatory\'s name and title in the config.' },
    (p, f) =>
      `${p.field === 'name' ? 'Nama' : 'Jabatan'} ${p.role === 'head' ? 'Kepala Daerah' : 'Kepala Dinas Pemberdayaan Perempuan dan Perlindungan Anak'} pada "${p.key}" ${p.found ? `masih berisi teks contoh ("${f.q(p.found)}")` : 'belum diisi'}. Mohon isi sebagaimana akan tercetak di bawah tanda tangan.`,
    (p, f) =>
      `The ${p.role === 'head' ? "head of the district's" : "DPPPA head's"} ${p.field} in "${p.key}" ${p.found ? `still holds placeholder text ("${f.q(p.found)}")` : 'is empty'}. Please write it as it will be printed under the signature.`,
  ),
  'KLA-E722': def<{ key: string }>(
    'error',
    { id: 'Lambang daerah belum ditetapkan', en: 'Emblem not set' },
    { id: 'Simpan gambar lambang daerah (PNG atau JPEG) di folder proyek dan sebutkan di konfigurasi.', en: 'Save the district emblem (PNG or JPEG) in the project folder and name it in the config.' },
    (p) =>
      `Lambang daerah untuk sampul dokumen belum ditetapkan. Mohon simpan gambar lambang (PNG atau JPEG) di folder proyek dan sebutkan nama berkasnya pada "${p.key}" di kla.config.json: "logo" di dalam bagian "district", misalnya "logo": "lambang.png".`,
    (p) => `The district emblem for the cover is not set. Please save the emblem (PNG or JPEG) in the project folder and name the file in "${p.key}" in kla.config.json: "logo" inside "district", e.g. "logo": "lambang.png".`,
  ),
  'KLA-E724': def<{ question: string; opds: string[] }>(
    'error',
    { id: 'Jawaban antar-OPD belum dipilih', en: 'OPD answers not settled' },
    { id: 'Pilih satu jawaban untuk pertanyaan itu di konfigurasi.', en: 'Choose one answer for that question in the config.' },
    (p, f) => `Pertanyaan ${p.question} dijawab berbeda oleh ${f.list(p.opds)}, dan belum dipilih jawaban mana yang diajukan. Mohon pilih satu jawaban di konfigurasi.`,
    (p, f) => `Question ${p.question} is answered differently by ${f.list(p.opds)}, and no answer has been chosen yet. Please choose one in the config.`,
  ),
  'KLA-E725': def<{ errors: number; files: number }>(
    'error',
    { id: 'Lembar kerja masih memuat kesalahan', en: 'Workbooks still have errors' },
    { id: 'Perbaiki lembar kerjanya (rincian: "kla validate").', en: 'Correct the workbooks (details: "kla validate").' },
    (p) => `Pemeriksaan lembar kerja masih menemukan ${p.errors} kesalahan pada ${p.files} berkas; jawaban yang bersangkutan belum dinilai.`,
    (p) => `The workbook check still finds ${p.errors} error${p.errors === 1 ? '' : 's'} in ${p.files} file${p.files === 1 ? '' : 's'}; the answers concerned are not scored yet.`,
  ),

  'KLA-E900': def<{ detail: string }>(
    'error',
    { id: 'Kesalahan internal', en: 'Internal error' },
    { id: 'Laporkan kepada pengembang kla beserta perintah yang dijalankan; KLA_DEBUG=1 menampilkan rinciannya.', en: 'Report it to the kla developers with the command you ran; KLA_DEBUG=1 shows the details.' },
    () => 'Terjadi kesalahan internal. Mohon laporkan kepada pengembang kla beserta perintah yang dijalankan (KLA_DEBUG=1 menampilkan rincian teknisnya).',
    () => 'Internal error. Please report it to the kla developers with the command you ran (KLA_DEBUG=1 shows the technical details).',
  ),
} satisfies Record<string, AnyCodeDef>;

type TemplateProblem = { problem: string; name: string; found?: string; available: readonly string[] };
const TEMPLATE_PROBLEM = {
  id: (p: TemplateProblem, f: { list(v: readonly string[]): string }): string => {
    switch (p.problem) {
      case 'syntax':
        return 'penulisan Handlebars tidak sah.';
      case 'tag-unclosed':
        return 'tanda "{{" tidak ditutup dengan "}}".';
      case 'block-unclosed':
        return `blok "{{#${p.name}}}" tidak ditutup; tambahkan "{{/${p.name}}}" pada akhir bagiannya.`;
      case 'block-stray':
        return `"{{/${p.name}}}" menutup blok yang tidak dibuka.`;
      case 'block-mismatch':
        return `blok "{{#${p.name}}}" ditutup dengan "{{/${p.found ?? ''}}}"; tulis "{{/${p.name}}}".`;
      case 'helper':
        return `helper "${p.name}" tidak dikenal; yang tersedia hanya blok #if, #unless, #each dan #with.`;
      case 'not-printable':
        return `"${p.name}" bukan nilai yang dapat dicetak; pilih salah satu isinya: ${f.list(p.available)}.`;
      case 'block':
        return `blok "#${p.name}" tidak dikenal; yang tersedia: #if, #unless, #each, #with.`;
      case 'block-arity':
        return `blok "#${p.name}" memerlukan tepat satu variabel.`;
      case 'not-list':
        return `"#each ${p.name}": "${p.name}" bukan daftar.`;
      case 'not-object':
        return `"#with ${p.name}": "${p.name}" bukan objek.`;
      case 'variable':
        return `variabel "${p.name}" tidak dikenal. Variabel yang tersedia di sini: ${f.list(p.available)}.`;
      case 'block-params':
        return 'parameter blok (as |x|) tidak didukung; gunakan "this".';
      default:
        return 'partial dan dekorator tidak didukung dalam templat naskah.';
    }
  },
  en: (p: TemplateProblem, f: { list(v: readonly string[]): string }): string => {
    switch (p.problem) {
      case 'syntax':
        return 'invalid Handlebars syntax.';
      case 'tag-unclosed':
        return '"{{" is not closed with "}}".';
      case 'block-unclosed':
        return `block "{{#${p.name}}}" is not closed; add "{{/${p.name}}}" where its part ends.`;
      case 'block-stray':
        return `"{{/${p.name}}}" closes a block that was not opened.`;
      case 'block-mismatch':
        return `block "{{#${p.name}}}" is closed with "{{/${p.found ?? ''}}}"; write "{{/${p.name}}}".`;
      case 'helper':
        return `unknown helper "${p.name}"; only the blocks #if, #unless, #each and #with are available.`;
      case 'not-printable':
        return `"${p.name}" is not a printable value; use one of its fields: ${f.list(p.available)}.`;
      case 'block':
        return `unknown block "#${p.name}"; available: #if, #unless, #each, #with.`;
      case 'block-arity':
        return `block "#${p.name}" needs exactly one variable.`;
      case 'not-list':
        return `"#each ${p.name}": "${p.name}" is not a list.`;
      case 'not-object':
        return `"#with ${p.name}": "${p.name}" is not an object.`;
      case 'variable':
        return `unknown variable "${p.name}". Variables available here: ${f.list(p.available)}.`;
      case 'block-params':
        return 'block parameters (as |x|) are not supported; use "this".';
      default:
        return 'partials and decorators are not supported in narrative templates.';
    }
  },
};
