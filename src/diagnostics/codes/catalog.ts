/**
 * 6xx: the indicator catalog. A shipped catalog is checked when it is built;
 * a district's own catalog file is checked every time it is loaded, and every
 * problem names its place (location.key, a path inside the catalog).
 */
import { def, type AnyCodeDef } from '../registry.js';

export const CATALOG_CODES = {
  'KLA-E601': def<{ ref: string; file: string; known: string[] }>(
    'error',
    { id: 'Katalog tidak ditemukan', en: 'Catalog not found' },
    { id: 'Tulis id katalog bawaan atau path ke berkas katalog JSON di "catalog".', en: 'Write a built-in catalog id or a path to a catalog JSON file in "catalog".' },
    (p, f) => `Katalog "${f.q(p.ref)}" tidak ditemukan (${f.path(p.file)}). Gunakan salah satu katalog bawaan (${f.list(p.known)}) atau path ke berkas katalog JSON.`,
    (p, f) => `Catalog "${f.q(p.ref)}" not found (${f.path(p.file)}). Use a built-in catalog (${f.list(p.known)}) or a path to a catalog JSON file.`,
  ),
  'KLA-E602': def<{ file: string; line?: number; column?: number }>(
    'error',
    { id: 'Berkas katalog bukan JSON', en: 'Catalog file is not JSON' },
    { id: 'Periksa penulisan JSON berkas katalog.', en: 'Check the JSON of the catalog file.' },
    (p, f) =>
      `Berkas katalog ${f.path(p.file)} bukan JSON yang sah${p.line !== undefined ? ` (baris ${p.line}${p.column !== undefined ? `, kolom ${p.column}` : ''}); mohon periksa tanda kutip, koma dan kurung di sekitar tempat itu` : ''}.`,
    (p, f) =>
      `Catalog file ${f.path(p.file)} is not valid JSON${p.line !== undefined ? ` (line ${p.line}${p.column !== undefined ? `, column ${p.column}` : ''}); please check the quotes, commas and brackets around that place` : ''}.`,
  ),
  'KLA-E603': def<{ file: string }>(
    'error',
    { id: 'Berkas katalog tidak sesuai skema', en: 'Catalog file does not match the schema' },
    { id: 'Perbaiki setiap bagian yang disebut di bawahnya (lihat docs/catalog.md).', en: 'Correct every part listed below it (see docs/catalog.md).' },
    (p, f) => `Berkas katalog ${f.path(p.file)} tidak sesuai skema:`,
    (p, f) => `Catalog file ${f.path(p.file)} does not match the schema:`,
  ),
  'KLA-E605': def<{ file: string }>(
    'error',
    { id: 'Katalog tidak konsisten', en: 'Catalog inconsistent' },
    { id: 'Perbaiki setiap bagian yang disebut di bawahnya (lihat docs/catalog.md).', en: 'Correct every part listed below it (see docs/catalog.md).' },
    (p, f) => `Katalog ${f.path(p.file)} tidak konsisten:`,
    (p, f) => `Catalog ${f.path(p.file)} is inconsistent:`,
  ),
  'KLA-E611': def<{ at: string; kind: string; id: string }>(
    'error',
    { id: 'ID katalog ganda', en: 'Duplicate catalog id' },
    { id: 'Beri setiap kelompok, indikator, pertanyaan dan pilihan jawaban id tersendiri.', en: 'Give every group, indicator, question and option its own id.' },
    (p, f) => `${p.at}: ID ${p.kind} "${f.q(p.id)}" muncul lebih dari sekali.`,
    (p, f) => `${p.at}: ${p.kind} id "${f.q(p.id)}" occurs more than once.`,
  ),
  'KLA-E612': def<{ at: string; id: string; source: string }>(
    'error',
    { id: 'Sumber data tidak dikenal', en: 'Unknown source' },
    { id: 'Tambahkan sumber ke "sources" atau perbaiki namanya.', en: 'Add the source to "sources" or correct its name.' },
    (p, f) => `${p.at}: pertanyaan ${p.id} menyebut sumber data "${f.q(p.source)}" yang tidak ada dalam daftar sumber.`,
    (p, f) => `${p.at}: question ${p.id} names source "${f.q(p.source)}", which is not in the source list.`,
  ),
  'KLA-E613': def<{ at: string; id: string; rubric: string }>(
    'error',
    { id: 'Rubrik tidak dikenal', en: 'Unknown rubric' },
    { id: 'Tambahkan rubrik ke "rubrics" atau perbaiki namanya.', en: 'Add the rubric to "rubrics" or correct its name.' },
    (p, f) => `${p.at}: pertanyaan ${p.id} memakai rubrik "${f.q(p.rubric)}" yang tidak didefinisikan.`,
    (p, f) => `${p.at}: question ${p.id} uses rubric "${f.q(p.rubric)}", which is not defined.`,
  ),
  'KLA-E614': def<{ at: string; rubric: string; fraction: number }>(
    'error',
    { id: 'Pecahan rubrik di luar 0–1', en: 'Rubric fraction outside 0–1' },
    { id: 'Pecahan poin harus antara 0 dan 1.', en: 'Fractions of points lie between 0 and 1.' },
    (p, f) => `${p.at}: rubrik "${p.rubric}" memuat pecahan ${f.n(p.fraction)}; pecahan harus antara 0 dan 1.`,
    (p, f) => `${p.at}: rubric "${p.rubric}" contains fraction ${f.n(p.fraction)}; fractions must lie between 0 and 1.`,
  ),
  'KLA-E615': def<{ at: string; id: string; rubric: string; answerType: string }>(
    'error',
    { id: 'Rubrik tidak sesuai jenis jawaban', en: 'Rubric does not fit the answer type' },
    { id: 'Pertanyaan pilihan memakai rubrik pilihan; persentase dan jumlah memakai rubrik ambang atau tren.', en: 'Option questions use option rubrics; percentages and counts use band or trend rubrics.' },
    (p) => `${p.at}: rubrik "${p.rubric}" tidak sesuai dengan jenis jawaban "${p.answerType}" pada pertanyaan ${p.id}.`,
    (p) => `${p.at}: rubric "${p.rubric}" does not fit answer type "${p.answerType}" of question ${p.id}.`,
  ),
  'KLA-E616': def<{ at: string; id: string; rubric: string }>(
    'error',
    { id: 'Rubrik tren tanpa tahun sebelumnya', en: 'Trend rubric without a previous year' },
    { id: 'Set "previousYear": true pada pertanyaan itu atau pilih rubrik lain.', en: 'Set "previousYear": true on the question or choose another rubric.' },
    (p) => `${p.at}: pertanyaan ${p.id} memakai rubrik tren "${p.rubric}" tetapi tidak meminta nilai tahun sebelumnya.`,
    (p) => `${p.at}: question ${p.id} uses trend rubric "${p.rubric}" but does not ask for the previous year.`,
  ),
  'KLA-E617': def<{ at: string; id: string; sum: number; max: number }>(
    'error',
    { id: 'Poin pertanyaan kurang dari maksimum indikator', en: 'Question points below the indicator maximum' },
    { id: 'Naikkan poin pertanyaan atau turunkan poin maksimum indikator; poin yang melebihi maksimum diatur oleh "indicatorOverflow".', en: 'Raise the question points or lower the indicator maximum; points above the maximum are settled by "indicatorOverflow".' },
    (p, f) => `${p.at}: jumlah poin pertanyaan indikator ${p.id} adalah ${f.n(p.sum)}, kurang dari poin maksimum indikator ${f.n(p.max)}, sehingga maksimum itu tidak dapat dicapai.`,
    (p, f) => `${p.at}: question points of indicator ${p.id} add up to ${f.n(p.sum)}, less than the indicator maximum ${f.n(p.max)}, which can therefore never be reached.`,
  ),
  'KLA-E618': def<{ at: string; id: string; sum: number; max: number }>(
    'error',
    { id: 'Jumlah poin indikator tidak sesuai', en: 'Indicator points do not add up' },
    { id: 'Samakan jumlah poin indikator dengan poin maksimum kelompok.', en: 'Make the indicator points add up to the group maximum.' },
    (p, f) => `${p.at}: jumlah poin indikator kelompok ${p.id} adalah ${f.n(p.sum)}, tidak sama dengan poin maksimum kelompok ${f.n(p.max)}.`,
    (p, f) => `${p.at}: indicator points of group ${p.id} add up to ${f.n(p.sum)}, not to the group maximum ${f.n(p.max)}.`,
  ),
  'KLA-E619': def<{ at: string; sum: number; max: number }>(
    'error',
    { id: 'Jumlah poin kelompok tidak sesuai', en: 'Group points do not add up' },
    { id: 'Samakan jumlah poin kelompok dengan "totalMax".', en: 'Make the group points add up to "totalMax".' },
    (p, f) => `${p.at}: jumlah poin seluruh kelompok adalah ${f.n(p.sum)}, tidak sama dengan total ${f.n(p.max)}.`,
    (p, f) => `${p.at}: group points add up to ${f.n(p.sum)}, not to the total ${f.n(p.max)}.`,
  ),
  'KLA-E620': def<{ at: string; name: string }>(
    'error',
    { id: 'Rentang predikat tidak berurutan', en: 'Predikat bands out of order' },
    { id: 'Urutkan rentang predikat tanpa celah atau tumpang tindih, berakhir pada nilai total.', en: 'Order the bands without gaps or overlaps, ending at the total.' },
    (p, f) => `${p.at}: rentang predikat "${f.q(p.name)}" tidak berurutan, tumpang tindih, atau tidak berakhir pada nilai total.`,
    (p, f) => `${p.at}: predikat band "${f.q(p.name)}" is out of order, overlaps, or does not end at the total.`,
  ),
  'KLA-E621': def<{ at: string; id: string; rubric: string }>(
    'error',
    { id: 'Ambang persentase di luar 0–100', en: 'Percent threshold outside 0–100' },
    { id: 'Ambang persentase harus antara 0 dan 100.', en: 'Percent thresholds lie between 0 and 100.' },
    (p) => `${p.at}: rubrik "${p.rubric}" (pertanyaan ${p.id}) memakai ambang persentase di luar 0–100.`,
    (p) => `${p.at}: rubric "${p.rubric}" (question ${p.id}) uses a percent threshold outside 0–100.`,
  ),
  'KLA-E622': def<{ at: string; id: string; scope: string; answerType: string }>(
    'error',
    { id: 'Lingkup pertanyaan tidak sesuai jenis jawaban', en: 'Question scope does not fit the answer type' },
    { id: 'Persentase kecamatan/desa berjenis persen; pertanyaan per desa berjenis pilihan.', en: 'A share of kecamatan/desa is a percent; a question asked of each desa is an availability question.' },
    (p) => `${p.at}: pertanyaan ${p.id} berlingkup "${p.scope}", yang tidak sesuai dengan jenis jawaban "${p.answerType}".`,
    (p) => `${p.at}: question ${p.id} has scope "${p.scope}", which does not fit answer type "${p.answerType}".`,
  ),
  'KLA-E623': def<{ at: string; id: string }>(
    'error',
    { id: 'Pertanyaan tidak ada dalam katalog', en: 'Question not in the catalog' },
    { id: 'Perbaiki nomor pertanyaan pada daftar koreksi atau masalah sumber.', en: 'Correct the question number in the list of corrections or source problems.' },
    (p, f) => `${p.at}: pertanyaan "${f.q(p.id)}" tidak ada dalam katalog.`,
    (p, f) => `${p.at}: question "${f.q(p.id)}" is not in the catalog.`,
  ),
  'KLA-E624': def<{ at: string; id: string; problem: 'not-each-desa' | 'not-an-option'; option?: string }>(
    'error',
    { id: 'Rekapitulasi per desa tidak sesuai', en: 'Per-desa roll-up does not fit' },
    {
      id: 'Rekapitulasi jawaban desa/kelurahan ("rollup") hanya untuk pertanyaan yang ditanyakan kepada setiap desa, dan setiap isiannya pilihan rubrik pertanyaan itu.',
      en: 'A roll-up of the desa/kelurahan answers ("rollup") belongs only to a question asked of every desa, and each of its entries is an option of that question\'s rubric.',
    },
    (p, f) =>
      p.problem === 'not-each-desa'
        ? `${p.at}: pertanyaan ${p.id} mempunyai rekapitulasi per desa, tetapi tidak ditanyakan kepada setiap desa/kelurahan.`
        : `${p.at}: rekapitulasi per desa pertanyaan ${p.id} memakai "${f.q(p.option)}", yang bukan pilihan rubriknya.`,
    (p, f) =>
      p.problem === 'not-each-desa'
        ? `${p.at}: question ${p.id} has a per-desa roll-up but is not asked of every desa/kelurahan.`
        : `${p.at}: the per-desa roll-up of question ${p.id} uses "${f.q(p.option)}", which is not an option of its rubric.`,
  ),
  'KLA-E625': def<{ at: string; id: string; token: string; known: string[] }>(
    'error',
    { id: 'Isian nama OPD tidak dikenal', en: 'Unknown placeholder in an OPD name' },
    {
      id: 'Nama dan jabatan pimpinan OPD dalam "defaultOpds" hanya boleh memuat {daerah} (nama kabupaten/kota) dan {wilayah} (nama yang dipakai kantor vertikal).',
      en: 'OPD names and heads in "defaultOpds" may hold only {daerah} (the district as named) and {wilayah} (the name vertical offices carry).',
    },
    (p, f) => `${p.at}: OPD ${p.id} memuat "{${f.q(p.token)}}", yang tidak dikenal; yang dikenal: ${p.known.map((k) => `{${k}}`).join(', ')}.`,
    (p, f) => `${p.at}: OPD ${p.id} holds "{${f.q(p.token)}}", which is not known; known: ${p.known.map((k) => `{${k}}`).join(', ')}.`,
  ),
  'KLA-E604': def<{ file: string; newest: string }>(
    'error',
    { id: 'Format katalog lama', en: 'Old catalog format' },
    { id: 'Salin katalog bawaan terbaru, lalu terapkan kembali penyesuaian kabupaten/kota (lihat docs/catalog.md).', en: 'Copy the newest shipped catalog and apply the district\'s adjustments again (see docs/catalog.md).' },
    (p, f) => `Berkas katalog ${f.path(p.file)} memakai format katalog versi 1, yang tidak dipakai lagi. Salin katalog bawaan terbaru ("${p.newest}") lalu terapkan kembali penyesuaian kabupaten/kota; perubahan formatnya dijelaskan dalam docs/catalog.md.`,
    (p, f) => `Catalog file ${f.path(p.file)} uses catalog format version 1, which is no longer read. Copy the newest shipped catalog ("${p.newest}") and apply the district's adjustments again; docs/catalog.md describes the changes.`,
  ),
  'KLA-E606': def<{ file: string; problem: 'json' | 'no-id' | 'same-id'; other?: string; id?: string }>(
    'error',
    { id: 'Katalog bawaan rusak', en: 'Shipped catalog damaged' },
    { id: 'Pasang ulang kla.', en: 'Reinstall kla.' },
    (p, f) =>
      p.problem === 'json'
        ? `Katalog bawaan ${f.path(p.file)} bukan JSON yang sah. Mohon pasang ulang kla.`
        : p.problem === 'no-id'
          ? `Katalog bawaan ${f.path(p.file)} tidak memuat "id" dan "year" (tahun instrumen). Mohon pasang ulang kla.`
          : `Katalog bawaan ${f.path(p.other)} dan ${f.path(p.file)} memakai ID yang sama, "${f.q(p.id)}". Mohon pasang ulang kla.`,
    (p, f) =>
      p.problem === 'json'
        ? `Shipped catalog ${f.path(p.file)} is not valid JSON. Please reinstall kla.`
        : p.problem === 'no-id'
          ? `Shipped catalog ${f.path(p.file)} has no "id" and "year" (the instrument's year). Please reinstall kla.`
          : `Shipped catalogs ${f.path(p.other)} and ${f.path(p.file)} use the same id, "${f.q(p.id)}". Please reinstall kla.`,
  ),
  'KLA-E607': def<{ dir: string }>(
    'error',
    { id: 'Tidak ada katalog bawaan', en: 'No shipped catalog' },
    { id: 'Pasang ulang kla, atau sebutkan berkas katalog dengan --catalog.', en: 'Reinstall kla, or name a catalog file with --catalog.' },
    (p, f) => `Tidak ada katalog bawaan di ${f.path(p.dir)}. Mohon pasang ulang kla, atau sebutkan berkas katalog dengan --catalog.`,
    (p, f) => `There is no shipped catalog in ${f.path(p.dir)}. Please reinstall kla, or name a catalog file with --catalog.`,
  ),
} satisfies Record<string, AnyCodeDef>;
