/**
 * 27x: the Kelana/Dekela matrix workbook (a row per kecamatan or
 * desa/kelurahan, Ya/Tidak and evidence per question): making it from the
 * district's areas, and every finding about a filled one. Codes are a
 * contract: never renumber, only add. 285–289 belong to the matrix in scoring.
 */
import { def, type AnyCodeDef, type Fmt } from '../registry.js';

type Scope = 'kecamatan' | 'desa';
/** An answer as a message shows it: a share with its per cent sign, an option in quotes. */
const shown = (v: string | number, f: Fmt) => (typeof v === 'number' ? `${f.n(v)}%` : `"${f.q(v)}"`);

const AREA = { id: { kecamatan: 'kecamatan', desa: 'desa/kelurahan' }, en: { kecamatan: 'kecamatan', desa: 'desa/kelurahan' } } as const;

export const MATRIX_CODES = {
  'KLA-E270': def<{ reason: 'no-profile' | 'foreign' | 'no-areas'; file?: string }>(
    'error',
    { id: 'Matriks tidak dapat dibuat tanpa daftar wilayah', en: 'No list of areas to make the matrix from' },
    {
      id: 'Isi lembar Wilayah pada lembar kerja profil daerah (DPPPA) dengan kecamatan dan desa/kelurahannya, letakkan berkas itu di folder kiriman, lalu buat matriks lagi.',
      en: 'Fill the Wilayah sheet of the DPPPA profile workbook with the kecamatan and their desa/kelurahan, put the file in the submissions folder, then make the matrix again.',
    },
    (p, f) =>
      p.reason === 'no-areas'
        ? `Lembar Wilayah pada lembar kerja profil daerah ${f.path(p.file)} belum memuat kecamatan, sehingga baris matriks Kelana/Dekela belum dapat disusun. Mohon isi daftar kecamatan dan desa/kelurahan terlebih dahulu; tidak ada berkas yang dibuat.`
        : p.reason === 'foreign'
          ? 'Lembar kerja profil daerah di folder kiriman dibuat untuk tahun atau kabupaten/kota lain, sehingga daftar wilayahnya tidak dipakai. Mohon isi lembar Wilayah pada lembar kerja profil daerah tahun ini terlebih dahulu; tidak ada berkas yang dibuat.'
          : 'Lembar kerja profil daerah (DPPPA) belum ada di folder kiriman. Baris matriks Kelana/Dekela diambil dari lembar Wilayah pada lembar kerja tersebut: mohon buat dengan "kla template --profile", isi lembar Wilayah, dan letakkan di folder kiriman terlebih dahulu; tidak ada berkas yang dibuat.',
    (p, f) =>
      p.reason === 'no-areas'
        ? `The Wilayah sheet of the profile workbook ${f.path(p.file)} lists no kecamatan yet, so the rows of the Kelana/Dekela matrix cannot be made. Please fill in the kecamatan and desa/kelurahan first; no file was written.`
        : p.reason === 'foreign'
          ? 'The profile workbook in the submissions folder was made for another year or district, so its areas are not used. Please fill in the Wilayah sheet of this year\'s profile workbook first; no file was written.'
          : 'There is no DPPPA profile workbook in the submissions folder. The rows of the Kelana/Dekela matrix come from its Wilayah sheet: please make it with "kla template --profile", fill in the Wilayah sheet and put it in the submissions folder first; no file was written.',
  ),
  'KLA-E271': def<{ name: string; names: string[] }>(
    'error',
    { id: 'Kecamatan tidak ada di profil daerah', en: 'Kecamatan not in the district profile' },
    { id: 'Tulis nama atau kode kecamatan seperti pada lembar Wilayah profil daerah.', en: 'Give the kecamatan\'s name or code as the Wilayah sheet of the profile writes it.' },
    (p, f) => `Kecamatan "${f.q(p.name)}" tidak tercantum pada lembar Wilayah profil daerah. Kecamatan yang ada: ${f.list(p.names, 12)}.`,
    (p, f) => `Kecamatan "${f.q(p.name)}" is not on the Wilayah sheet of the district profile. Known kecamatan: ${f.list(p.names, 12)}.`,
  ),
  'KLA-E272': def<{ what: 'version' | 'year' | 'district' | 'catalog'; found: string; expected: string }>(
    'error',
    { id: 'Matriks bukan untuk evaluasi ini', en: 'Matrix not made for this evaluation' },
    { id: 'Buat matriks baru dengan "kla template --matrix" dan salin isiannya.', en: 'Make a new matrix with "kla template --matrix" and copy the entries into it.' },
    (p, f) =>
      p.what === 'version'
        ? `Versi matriks Kelana/Dekela "${f.q(p.found)}" tidak dikenal oleh kla versi ini (yang dikenal: ${p.expected}); isinya tidak dipakai. Mohon salin isian ke matriks yang baru.`
        : p.what === 'year'
          ? `Matriks ini dibuat untuk tahun evaluasi ${f.q(p.found)}, sedangkan evaluasi ini untuk tahun ${p.expected}; isinya tidak dipakai. Mohon salin isian ke matriks tahun ${p.expected}.`
          : p.what === 'catalog'
            ? `Matriks ini dibuat untuk instrumen ${f.q(p.found)}, sedangkan evaluasi ini memakai ${p.expected}; isinya tidak dipakai. Mohon salin isian ke matriks yang baru.`
            : `Matriks ini dibuat untuk ${f.q(p.found)}, bukan ${p.expected}; isinya tidak dipakai. Mohon gunakan matriks ${p.expected}.`,
    (p, f) =>
      p.what === 'version'
        ? `Kelana/Dekela matrix version "${f.q(p.found)}" is not known to this version of kla (known: ${p.expected}); its content is not used. Please copy the entries into a new matrix.`
        : p.what === 'year'
          ? `This matrix was made for evaluation year ${f.q(p.found)}, but this evaluation is for ${p.expected}; its content is not used. Please copy the entries into the ${p.expected} matrix.`
          : p.what === 'catalog'
            ? `This matrix was made for instrument ${f.q(p.found)}, but this evaluation uses ${p.expected}; its content is not used. Please copy the entries into a new matrix.`
            : `This matrix was made for ${f.q(p.found)}, not ${p.expected}; its content is not used. Please use the ${p.expected} matrix.`,
  ),
  'KLA-W273': def(
    'warning',
    { id: 'Metadata matriks tidak ada', en: 'Matrix metadata missing' },
    { id: 'Lembar tersembunyi "Meta" mencatat tahun dan kabupaten/kota matriks. Salin isian ke matriks yang dibuat kla.', en: 'The hidden "Meta" sheet records the matrix\'s year and district. Copy the entries into a matrix made by kla.' },
    () => 'Lembar kerja ini dikenali sebagai matriks Kelana/Dekela dari judul kolomnya, tetapi lembar tersembunyi "Meta" tidak ditemukan, sehingga tahun dan kabupaten/kotanya tidak dapat dipastikan. Mohon salin isian ke matriks yang dibuat kla.',
    () => 'This workbook was recognised as a Kelana/Dekela matrix by its column headings, but the hidden "Meta" sheet was not found, so its year and district cannot be confirmed. Please copy the entries into a matrix made by kla.',
  ),
  'KLA-E274': def<{ scope: Scope; name: string; kecamatan: string }>(
    'error',
    { id: 'Wilayah tidak ada di profil daerah', en: 'Area not in the district profile' },
    { id: 'Tulis kecamatan dan desa/kelurahan seperti pada lembar Wilayah profil daerah, atau tambahkan wilayah itu ke lembar Wilayah.', en: 'Write the kecamatan and desa/kelurahan as the Wilayah sheet of the profile does, or add the area to that sheet.' },
    (p, f) =>
      p.scope === 'kecamatan'
        ? `Kecamatan "${f.q(p.name)}" tidak tercantum pada lembar Wilayah profil daerah, sehingga baris ini tidak dihitung. Mohon perbaiki nama kecamatan, atau tambahkan kecamatan tersebut pada profil daerah.`
        : `Desa/kelurahan "${f.q(p.name)}" di Kecamatan ${f.q(p.kecamatan)} tidak tercantum pada lembar Wilayah profil daerah, sehingga baris ini tidak dihitung. Mohon perbaiki nama desa/kelurahan atau kecamatannya, atau tambahkan wilayah tersebut pada profil daerah.`,
    (p, f) =>
      p.scope === 'kecamatan'
        ? `Kecamatan "${f.q(p.name)}" is not on the Wilayah sheet of the district profile, so this row is not counted. Please correct its name, or add the kecamatan to the profile.`
        : `Desa/kelurahan "${f.q(p.name)}" in kecamatan ${f.q(p.kecamatan)} is not on the Wilayah sheet of the district profile, so this row is not counted. Please correct the names, or add the area to the profile.`,
  ),
  'KLA-W275': def<{ scope: Scope; kecamatan: string; names: string[] }>(
    'warning',
    { id: 'Wilayah tanpa baris di matriks', en: 'Area without a row in the matrix' },
    {
      id: 'Tambahkan baris untuk setiap kecamatan dan desa/kelurahan pada profil daerah (buat matriks ulang bila wilayah telah berubah). Wilayah tanpa baris dihitung sebagai belum memenuhi.',
      en: 'Add a row for every kecamatan and desa/kelurahan of the district profile (make the matrix again if the areas changed). An area without a row counts as not meeting the criterion.',
    },
    (p, f) =>
      p.scope === 'kecamatan'
        ? `Kecamatan ${f.q(p.kecamatan)} belum mempunyai baris pada matriks Kelana; kecamatan ini dihitung sebagai belum memenuhi setiap kriteria. Mohon tambahkan barisnya.`
        : `${p.names.length} desa/kelurahan di Kecamatan ${f.q(p.kecamatan)} belum mempunyai baris pada matriks Dekela (${f.list(p.names, 5)}); wilayah tersebut dihitung sebagai belum memenuhi setiap kriteria. Mohon tambahkan barisnya.`,
    (p, f) =>
      p.scope === 'kecamatan'
        ? `Kecamatan ${f.q(p.kecamatan)} has no row in the Kelana matrix; it counts as not meeting any criterion. Please add its row.`
        : `${p.names.length} desa/kelurahan of kecamatan ${f.q(p.kecamatan)} have no row in the Dekela matrix (${f.list(p.names, 5)}); they count as not meeting any criterion. Please add their rows.`,
  ),
  'KLA-E276': def<{ scope: Scope; name: string; first: string }>(
    'error',
    { id: 'Wilayah tercantum dua kali di matriks', en: 'Area listed twice in the matrix' },
    { id: 'Tulis setiap wilayah satu kali; pindahkan isian ke baris pertama dan kosongkan baris yang berulang.', en: 'List each area once; move the entries to the first row and clear the repeated one.' },
    (p, f) => `${p.scope === 'kecamatan' ? 'Kecamatan' : 'Desa/kelurahan'} "${f.q(p.name)}" sudah tercantum pada baris ${p.first}; baris ini tidak dihitung. Mohon tulis setiap ${AREA.id[p.scope]} satu kali saja.`,
    (p, f) => `${p.scope === 'kecamatan' ? 'Kecamatan' : 'Desa/kelurahan'} "${f.q(p.name)}" is already listed in row ${p.first}; this row is not counted. Please list each ${AREA.en[p.scope]} once.`,
  ),
  'KLA-E277': def<{ question: string; found: string }>(
    'error',
    { id: 'Isian matriks bukan Ya atau Tidak', en: 'Matrix entry is neither Ya nor Tidak' },
    { id: 'Pilih "Ya" atau "Tidak" dari daftar; uraian ditulis pada kolom Data dukung.', en: 'Choose "Ya" or "Tidak" from the list; write explanations in the Data dukung column.' },
    (p, f) => `Isian "${f.q(p.found)}" untuk kriteria ${p.question} bukan "Ya" atau "Tidak", sehingga baris ini dihitung sebagai belum diisi. Mohon pilih "Ya" atau "Tidak" dari daftar.`,
    (p, f) => `Entry "${f.q(p.found)}" for criterion ${p.question} is neither "Ya" nor "Tidak", so the row counts as not filled in. Please choose "Ya" or "Tidak" from the list.`,
  ),
  'KLA-W278': def<{ question: string; answer: 'Ya' | 'Tidak'; area: string }>(
    'warning',
    { id: 'Isian matriks tanpa data dukung', en: 'Matrix entry without evidence' },
    {
      id: 'Tulis nama berkas atau tautan data dukung pada kolom Data dukung, satu per baris. Tanpa data dukung wilayah ini tidak dihitung dalam perkiraan hasil verifikasi.',
      en: 'Name the evidence file or link in the Data dukung column, one per line. Without evidence the area is not counted in the verification forecast.',
    },
    (p, f) => `Jawaban "${p.answer}" untuk kriteria ${p.question} di ${f.q(p.area)} belum disertai data dukung; pada verifikasi wilayah ini berisiko tidak diakui dan tidak dihitung dalam perkiraan hasil verifikasi. Mohon tulis nama berkas atau tautan data dukungnya.`,
    (p, f) => `Answer "${p.answer}" for criterion ${p.question} in ${f.q(p.area)} has no evidence; at verification the area may not be accepted, and it is not counted in the verification forecast. Please name the evidence file or link.`,
  ),
  'KLA-E279': def<{ found: string; reason: 'unknown' | 'duplicate' | 'scope'; catalog: string }>(
    'error',
    { id: 'Judul kolom matriks tidak dikenal', en: 'Unknown matrix column heading' },
    { id: 'Jangan mengubah judul kolom matriks; buat matriks baru dengan "kla template --matrix" bila judulnya telah berubah.', en: 'Do not change the matrix\'s column headings; make a new matrix with "kla template --matrix" if they were changed.' },
    (p, f) =>
      p.reason === 'duplicate'
        ? `Kolom "${f.q(p.found)}" muncul dua kali; hanya kolom yang pertama dihitung. Mohon pindahkan isiannya ke kolom yang pertama.`
        : p.reason === 'scope'
          ? `Kolom "${f.q(p.found)}" berada pada lembar yang salah (kriteria kecamatan pada lembar desa/kelurahan, atau sebaliknya); isinya tidak dihitung.`
          : `Judul kolom "${f.q(p.found)}" bukan kriteria matriks Kelana/Dekela dalam instrumen ${p.catalog}; isinya tidak dihitung.`,
    (p, f) =>
      p.reason === 'duplicate'
        ? `Column "${f.q(p.found)}" appears twice; only the first is counted. Please move its entries to the first column.`
        : p.reason === 'scope'
          ? `Column "${f.q(p.found)}" is on the wrong sheet (a kecamatan criterion on the desa/kelurahan sheet, or the other way round); its entries are not counted.`
          : `Column heading "${f.q(p.found)}" is not a Kelana/Dekela criterion of instrument ${p.catalog}; its entries are not counted.`,
  ),
  'KLA-W280': def<{ areas: number; kept: string[] }>(
    'warning',
    { id: 'Wilayah yang sama di beberapa matriks', en: 'The same areas in several matrices' },
    { id: 'Simpan satu matriks untuk setiap wilayah di folder kiriman. Sampai itu dilakukan, baris dari matriks yang paling akhir disimpan yang dihitung.', en: 'Keep one matrix per area in the submissions folder. Until then the rows of the matrix saved last count.' },
    (p, f) => `${p.areas} baris pada matriks ini juga terdapat pada ${f.list(p.kept.map(f.path))}, yang disimpan lebih akhir; yang dihitung adalah baris pada matriks tersebut. Mohon simpan hanya satu matriks untuk setiap wilayah di folder kiriman.`,
    (p, f) => `${p.areas} row${p.areas === 1 ? '' : 's'} of this matrix are also in ${f.list(p.kept.map(f.path))}, saved later; those rows count. Please keep one matrix per area in the submissions folder.`,
  ),
  'KLA-W281': def(
    'warning',
    { id: 'Matriks tanpa profil daerah', en: 'Matrix without a district profile' },
    {
      id: 'Letakkan lembar kerja profil daerah (DPPPA) yang lembar Wilayahnya telah diisi di folder kiriman, agar setiap baris matriks dapat dicocokkan dengan daftar wilayah.',
      en: 'Put the DPPPA profile workbook, its Wilayah sheet filled in, in the submissions folder, so that every matrix row can be checked against the list of areas.',
    },
    () => 'Tidak ada lembar kerja profil daerah untuk mencocokkan baris matriks ini, sehingga baris-baris matriks dianggap sebagai seluruh wilayah kabupaten/kota dan wilayah yang tidak tercantum tidak dapat diketahui. Mohon letakkan profil daerah di folder kiriman.',
    () => 'There is no profile workbook to check this matrix\'s rows against, so its rows are taken as all the district\'s areas and an area left out cannot be noticed. Please put the district profile in the submissions folder.',
  ),
  'KLA-W282': def<{ question: string; typed: string | number; computed: string | number; numerator: number; denominator: number; scope: 'kecamatan' | 'desa'; where: 'typed' | 'matrix'; otherFile: string; otherSheet: string; otherCell: string }>(
    'warning',
    { id: 'Jawaban yang diketik berbeda dengan hasil matriks', en: 'Typed answer differs from the matrix' },
    {
      id: 'Samakan jawaban pada lembar kerja OPD dengan hasil hitung matriks, atau perbaiki isian matriks. Nilai dihitung dari matriks.',
      en: 'Make the OPD workbook\'s answer agree with the share the matrix gives, or correct the matrix. The score uses the matrix.',
    },
    (p, f) =>
      p.where === 'typed'
        ? `Jawaban pertanyaan ${p.question} yang diketik di sini (${shown(p.typed, f)}) berbeda dengan hasil hitung matriks Kelana/Dekela (${shown(p.computed, f)}: ${p.numerator} dari ${p.denominator} ${p.scope === 'kecamatan' ? 'kecamatan' : 'desa/kelurahan'}; berkas ${f.path(p.otherFile)}, lembar ${f.q(p.otherSheet)}, sel ${p.otherCell}). Nilai dihitung dari matriks; mohon samakan jawaban ini atau perbaiki matriksnya.`
        : `Hasil hitung matriks untuk pertanyaan ${p.question} (${shown(p.computed, f)}: ${p.numerator} dari ${p.denominator} ${p.scope === 'kecamatan' ? 'kecamatan' : 'desa/kelurahan'}) berbeda dengan jawaban yang diketik pada lembar kerja OPD (${shown(p.typed, f)}; berkas ${f.path(p.otherFile)}, lembar ${f.q(p.otherSheet)}, sel ${p.otherCell}). Nilai dihitung dari matriks; mohon periksa kedua isian tersebut.`,
    (p, f) =>
      p.where === 'typed'
        ? `The answer to question ${p.question} typed here (${shown(p.typed, f)}) differs from what the Kelana/Dekela matrix gives (${shown(p.computed, f)}: ${p.numerator} of ${p.denominator} ${p.scope === 'kecamatan' ? 'kecamatan' : 'desa/kelurahan'}; file ${f.path(p.otherFile)}, sheet ${f.q(p.otherSheet)}, cell ${p.otherCell}). The score uses the matrix; please make this answer agree or correct the matrix.`
        : `What the matrix gives for question ${p.question} (${shown(p.computed, f)}: ${p.numerator} of ${p.denominator} ${p.scope === 'kecamatan' ? 'kecamatan' : 'desa/kelurahan'}) differs from the answer typed in the OPD workbook (${shown(p.typed, f)}; file ${f.path(p.otherFile)}, sheet ${f.q(p.otherSheet)}, cell ${p.otherCell}). The score uses the matrix; please check both.`,
  ),
} satisfies Record<string, AnyCodeDef>;
