/**
 * Where things live in the DPPPA profile workbook (the district's own content
 * for the dossier). The template writer (profile-template.ts) and the reader
 * (profile-read.ts) both use these constants, so a layout change is made in
 * one place and PROFILE_VERSION is bumped with it.
 *
 * Every table has a fixed number of prepared rows: the sheets are protected,
 * so rows cannot be inserted and the reader knows where each table ends.
 */
import type { RegulationKind } from '../profile.js';

/** Bump when the layout below changes; the reader refuses unknown versions. */
export const PROFILE_VERSION = 1;

/** The value of the Meta sheet's `workbook` key that says "this is the profile workbook, not an OPD's". */
export const PROFILE_KIND = 'profil-daerah';

export const PROFILE_SHEETS = {
  instructions: 'Petunjuk',
  areas: 'Wilayah',
  children: 'Anak',
  regulations: 'Regulasi dan Gugus Tugas',
  narratives: 'Narasi',
  history: 'Riwayat Evaluasi',
  activities: 'Rencana Tindak Lanjut',
  /** Hidden: dropdown option lists. */
  options: 'Opsi',
  /** Hidden: what the workbook is and what it was generated for. */
  meta: 'Meta',
} as const;
export type ProfileSheetKey = keyof typeof PROFILE_SHEETS;

/** The sheets that hold the district's data (recognised by content when renamed). */
export const PROFILE_DATA_SHEETS = ['areas', 'children', 'regulations', 'narratives', 'history', 'activities'] as const satisfies readonly ProfileSheetKey[];
export type ProfileDataSheet = (typeof PROFILE_DATA_SHEETS)[number];

export interface Column<K extends string = string> {
  key: K;
  col: string;
  header: string;
  width: number;
}

/** A table of prepared rows: the header at `headerRow`, data rows `firstRow` … `firstRow + capacity - 1`. */
export interface Table<K extends string = string> {
  headerRow: number;
  firstRow: number;
  capacity: number;
  /** Left to right; the first column (`no`) holds the running number and is locked. */
  columns: readonly Column<K>[];
}

export const lastRowOf = (t: Table) => t.firstRow + t.capacity - 1;
export const colOf = <K extends string>(t: Table<K>, key: K): string => t.columns.find((c) => c.key === key)!.col;

/** Row 1: title; row 2: a one-line hint; row 4: headers; data from row 5 (most sheets). */
export const TITLE_ROW = 1;
export const HINT_ROW = 2;

// ---------------------------------------------------------------------------
// Wilayah: the kecamatan (left) and the desa/kelurahan (right), side by side.

export type KecamatanCol = 'no' | 'code' | 'name';
export const KECAMATAN_TABLE: Table<KecamatanCol> = {
  headerRow: 4,
  firstRow: 5,
  // The largest kabupaten have about 50 kecamatan (distrik).
  capacity: 80,
  columns: [
    { key: 'no', col: 'A', header: 'No.', width: 5 },
    { key: 'code', col: 'B', header: 'Kode kecamatan', width: 13 },
    { key: 'name', col: 'C', header: 'Nama kecamatan', width: 26 },
  ],
};

export type DesaCol = 'no' | 'code' | 'name' | 'kind' | 'kecamatan';
export const DESA_TABLE: Table<DesaCol> = {
  headerRow: 4,
  firstRow: 5,
  // Some kabupaten have more than 800 desa (gampong).
  capacity: 1000,
  columns: [
    { key: 'no', col: 'E', header: 'No.', width: 6 },
    { key: 'code', col: 'F', header: 'Kode desa/kelurahan', width: 16 },
    { key: 'name', col: 'G', header: 'Nama desa/kelurahan', width: 28 },
    { key: 'kind', col: 'H', header: 'Desa/Kelurahan', width: 14 },
    { key: 'kecamatan', col: 'I', header: 'Kecamatan', width: 26 },
  ],
};

/** Section titles above the two tables. */
export const AREA_SECTIONS = [
  { cell: 'A3', title: 'A. Kecamatan' },
  { cell: 'E3', title: 'B. Desa dan kelurahan' },
] as const;

export const DESA_KINDS: readonly { kind: 'desa' | 'kelurahan'; label: string }[] = [
  { kind: 'desa', label: 'Desa' },
  { kind: 'kelurahan', label: 'Kelurahan' },
];

// ---------------------------------------------------------------------------
// Anak: one row per kecamatan, children by age group and sex.

/** Age groups of the child population (0–17 years), in column order. */
export const AGE_GROUPS = ['0–4', '5–9', '10–14', '15–17'] as const;
export const SEXES = [
  { key: 'male', short: 'L', label: 'Laki-laki' },
  { key: 'female', short: 'P', label: 'Perempuan' },
] as const;

export const CHILD_FIELDS = {
  year: { label: 'Tahun data', cell: 'C3' },
  /** Merged across the table's width: a source is a sentence. */
  source: { label: 'Sumber data', cell: 'C4' },
} as const;

/** Row 6: age groups (each over its L and P columns); row 7: L/P; data from row 8. */
export const CHILD_GROUP_ROW = 6;
export type ChildCol = 'no' | 'kecamatan';
export const CHILD_TABLE: Table<ChildCol> = {
  headerRow: 7,
  firstRow: 8,
  capacity: KECAMATAN_TABLE.capacity,
  columns: [
    { key: 'no', col: 'A', header: 'No.', width: 5 },
    { key: 'kecamatan', col: 'B', header: 'Kecamatan', width: 26 },
  ],
};
/** First column of the counts (C): then L and P for each age group in turn. */
export const CHILD_FIRST_COUNT_COL = 3;
export const CHILD_COUNT_WIDTH = 10;
/** 1-based column of the count for age group `age` (index into AGE_GROUPS) and sex `sex` (index into SEXES). */
export const childCountCol = (age: number, sex: number) => CHILD_FIRST_COUNT_COL + age * SEXES.length + sex;
/** Totals after the counts, computed by formulas for the DPPPA's own check (the reader adds up itself). */
export const CHILD_TOTAL_HEADERS = ['Jumlah L', 'Jumlah P', 'Jumlah'] as const;

// ---------------------------------------------------------------------------
// Regulasi dan Gugus Tugas

export type RegulationCol = 'no' | 'kind' | 'number' | 'year' | 'title';
export const REGULATION_TABLE: Table<RegulationCol> = {
  headerRow: 4,
  firstRow: 5,
  capacity: 20,
  columns: [
    { key: 'no', col: 'A', header: 'No.', width: 5 },
    { key: 'kind', col: 'B', header: 'Jenis peraturan/keputusan', width: 42 },
    { key: 'number', col: 'C', header: 'Nomor', width: 24 },
    { key: 'year', col: 'D', header: 'Tahun', width: 9 },
    { key: 'title', col: 'E', header: 'Tentang', width: 62 },
  ],
};

/**
 * The kinds offered in the dropdown. `head` is "Bupati" or "Wali Kota"; the
 * reader accepts the labels of either, so a workbook survives a change of
 * the config's district kind.
 */
export const REGULATION_OPTIONS: readonly { kind: RegulationKind; kla: boolean; label: (head: string) => string }[] = [
  { kind: 'perda', kla: true, label: () => 'Peraturan Daerah tentang KLA' },
  { kind: 'perkada', kla: true, label: (h) => `Peraturan ${h} tentang KLA` },
  { kind: 'sk-gugus-tugas', kla: false, label: (h) => `Keputusan ${h} tentang Gugus Tugas KLA` },
  { kind: 'perda', kla: false, label: () => 'Peraturan Daerah lainnya terkait anak' },
  { kind: 'perkada', kla: false, label: (h) => `Peraturan ${h} lainnya terkait anak` },
  { kind: 'sk', kla: false, label: (h) => `Keputusan ${h} lainnya terkait anak` },
  { kind: 'lainnya', kla: false, label: () => 'Instruksi, surat edaran, atau kebijakan lainnya' },
];
export const HEAD_TITLES = ['Bupati', 'Wali Kota'] as const;

/** The first two rows come with the two regulations every dossier cites. */
export const REGULATION_PREFILLED = [0, 2] as const;

/** The Gugus Tugas section below the regulation table: label in B, value in C. */
export const GUGUS_TUGAS_TITLE_ROW = REGULATION_TABLE.firstRow + REGULATION_TABLE.capacity + 1;
export const GUGUS_TUGAS_FIELDS = {
  chair: { label: 'Ketua Gugus Tugas (jabatan)', cell: `C${GUGUS_TUGAS_TITLE_ROW + 1}` },
  members: { label: 'Jumlah anggota (perangkat daerah dan lembaga)', cell: `C${GUGUS_TUGAS_TITLE_ROW + 2}` },
} as const;

// ---------------------------------------------------------------------------
// Narasi: one block per catalog group.

export const NARRATIVE_PARTS = [
  { key: 'capaian', label: 'Capaian', hint: 'Hasil yang telah dicapai pada tahun yang dievaluasi, dengan angka dan sumbernya.' },
  { key: 'kendala', label: 'Kendala', hint: 'Hambatan yang dihadapi dan penyebabnya.' },
  { key: 'upaya', label: 'Upaya', hint: 'Langkah yang telah dan akan dilakukan untuk mengatasi kendala.' },
] as const;
export type NarrativePart = (typeof NARRATIVE_PARTS)[number]['key'];

/** Block i: a heading row (group label in A, name in B), one row per part, one empty row. */
export const NARRATIVE_FIRST_ROW = 4;
export const NARRATIVE_BLOCK_ROWS = NARRATIVE_PARTS.length + 2;
export const NARRATIVE_LABEL_COL = 'A';
export const NARRATIVE_TEXT_COL = 'B';
export const narrativeHeadingRow = (i: number) => NARRATIVE_FIRST_ROW + i * NARRATIVE_BLOCK_ROWS;
/** How far the reader looks for blocks (a catalog has well under 30 groups). */
export const NARRATIVE_READ_ROWS = 200;

// ---------------------------------------------------------------------------
// Riwayat Evaluasi

export type HistoryCol = 'no' | 'year' | 'predikat' | 'total' | 'note';
export const HISTORY_TABLE: Table<HistoryCol> = {
  headerRow: 4,
  firstRow: 5,
  capacity: 12,
  columns: [
    { key: 'no', col: 'A', header: 'No.', width: 5 },
    { key: 'year', col: 'B', header: 'Tahun evaluasi', width: 12 },
    { key: 'predikat', col: 'C', header: 'Predikat', width: 26 },
    { key: 'total', col: 'D', header: 'Nilai total', width: 12 },
    { key: 'note', col: 'E', header: 'Catatan', width: 72 },
  ],
};
/** The dropdown's last entry, read as "no predikat". */
export const NO_PREDIKAT = 'Tidak memperoleh predikat';

// ---------------------------------------------------------------------------
// Rencana Tindak Lanjut

export type ActivityCol = 'no' | 'opd' | 'indicator' | 'activity' | 'timing' | 'responsible';
export const ACTIVITY_TABLE: Table<ActivityCol> = {
  headerRow: 4,
  firstRow: 5,
  capacity: 200,
  columns: [
    { key: 'no', col: 'A', header: 'No.', width: 5 },
    { key: 'opd', col: 'B', header: 'Perangkat Daerah', width: 34 },
    { key: 'indicator', col: 'C', header: 'Indikator', width: 34 },
    { key: 'activity', col: 'D', header: 'Kegiatan', width: 50 },
    { key: 'timing', col: 'E', header: 'Waktu pelaksanaan', width: 20 },
    { key: 'responsible', col: 'F', header: 'Unit penanggung jawab', width: 30 },
  ],
};

/** Dropdown entries "DINKES — Dinas Kesehatan …" and "12 — Persalinan …": the code comes before this. */
export const OPTION_SEPARATOR = ' — ';

// ---------------------------------------------------------------------------
// Hidden sheets

/** Columns of the options sheet. */
export const OPTION_COLUMNS = { regulationKind: 'A', desaKind: 'B', predikat: 'C', opd: 'D', indicator: 'E' } as const;

/** Keys of the hidden metadata sheet (column A key, column B value). */
export type ProfileMetaKey = 'generator' | 'workbook' | 'profileVersion' | 'catalogId' | 'district' | 'year' | 'groups' | 'ageGroups';
export const PROFILE_META_KEYS: readonly ProfileMetaKey[] = ['generator', 'workbook', 'profileVersion', 'catalogId', 'district', 'year', 'groups', 'ageGroups'];
