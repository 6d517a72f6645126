/**
 * Where things live in an OPD workbook. The template writer and the reader
 * both use these constants, so a layout change is made in one place and the
 * template version is bumped with it.
 */
import type { AnswerType } from '../catalog/schema.js';
import type { AnswerField } from '../diagnostics/codes/validation.js';

/**
 * Bump when the layout below changes; the reader refuses unknown versions.
 * 2: the evaluation year and the two data years are told apart (identity row
 * 8, year-bearing answer headers, Meta `dataYear`).
 */
export const TEMPLATE_VERSION = 2;

export const SHEETS = {
  instructions: 'Petunjuk',
  identity: 'Identitas',
  answers: 'Jawaban',
  /** Hidden: dropdown option lists (Excel limits inline lists to 255 characters). */
  options: 'Opsi',
  /** Hidden: what the template was generated for. */
  meta: 'Meta',
  /**
   * First sheet of an annotated copy sent back to an OPD (kla's own findings):
   * never read as an answer, identity or metadata sheet.
   */
  feedback: 'Catatan Pemeriksaan',
} as const;

/**
 * A hidden workbook-level defined name that points at the feedback sheet, so
 * that kla still knows its own sheet when an officer has renamed it.
 */
export const FEEDBACK_MARKER = 'KLA_Catatan_Pemeriksaan';

/** The sheet a reference such as 'Catatan Pemeriksaan'!$A$1 names (quotes undone), or undefined. */
export function sheetOfReference(ref: string): string | undefined {
  const m = /^\s*=?\s*(?:'((?:[^']|'')+)'|([^'!]+))!/.exec(ref);
  return m ? (m[1]?.replace(/''/g, "'") ?? m[2]!.trim()) : undefined;
}

export type IdentityKey =
  | 'opdName'
  | 'opdCode'
  | 'district'
  | 'year'
  | 'dataYears'
  | 'officerName'
  | 'officerNip'
  | 'officerPosition'
  | 'officerPhone'
  | 'officerEmail'
  | 'headName'
  | 'headNip'
  | 'headPosition';

export interface IdentityField {
  key: IdentityKey;
  label: string;
  /** The value cell (column C); the label sits in column B of the same row. */
  cell: string;
  /** Filled by `kla template` and locked. */
  prefilled: boolean;
  hint?: string;
}

/** Identity sheet rows. Section titles sit in rows 3, 9 and 16. */
export const IDENTITY_FIELDS: readonly IdentityField[] = [
  { key: 'opdName', label: 'Nama OPD', cell: 'C4', prefilled: true },
  { key: 'opdCode', label: 'Kode OPD', cell: 'C5', prefilled: true },
  { key: 'district', label: 'Kabupaten/Kota', cell: 'C6', prefilled: true },
  { key: 'year', label: 'Tahun evaluasi', cell: 'C7', prefilled: true },
  { key: 'dataYears', label: 'Tahun data yang dievaluasi', cell: 'C8', prefilled: true },
  { key: 'officerName', label: 'Nama lengkap', cell: 'C10', prefilled: false },
  { key: 'officerNip', label: 'NIP', cell: 'C11', prefilled: false, hint: '18 digit angka, tanpa spasi' },
  { key: 'officerPosition', label: 'Jabatan', cell: 'C12', prefilled: false },
  { key: 'officerPhone', label: 'Nomor telepon/WhatsApp', cell: 'C13', prefilled: false, hint: 'contoh: 0812 3456 7890' },
  { key: 'officerEmail', label: 'Alamat e-mail', cell: 'C14', prefilled: false },
  { key: 'headName', label: 'Nama lengkap', cell: 'C17', prefilled: false },
  { key: 'headNip', label: 'NIP', cell: 'C18', prefilled: false, hint: '18 digit angka, tanpa spasi' },
  { key: 'headPosition', label: 'Jabatan', cell: 'C19', prefilled: false },
];

export const IDENTITY_SECTIONS = [
  { row: 3, title: 'A. Perangkat Daerah' },
  { row: 9, title: 'B. Petugas data anak (penanggung jawab data)' },
  { row: 16, title: 'C. Kepala Perangkat Daerah' },
] as const;

/** Answer sheet columns, left to right. */
export const ANSWER_COLUMNS = {
  id: 'A',
  indicator: 'B',
  question: 'C',
  points: 'D',
  answerType: 'E',
  answer: 'F',
  previous: 'G',
  evidence: 'H',
  note: 'I',
} as const satisfies Record<AnswerField, string>; // the fields the diagnostics name (KLA-W209), no more
export type AnswerColumn = keyof typeof ANSWER_COLUMNS;

/** The evaluated data year and the year before it (see project/config.ts). */
export interface HeaderYears {
  evaluated: number;
  previous: number;
}

/** Column headers; the answer and previous-year columns name their data year. */
export function answerHeaders(years: HeaderYears): Record<AnswerColumn, string> {
  return {
    id: 'No.',
    indicator: 'Indikator',
    question: 'Pertanyaan',
    points: 'Poin maks.',
    answerType: 'Jenis jawaban',
    answer: `Jawaban (data tahun ${years.evaluated})`,
    previous: `Nilai tahun ${years.previous} (tahun sebelumnya)`,
    evidence: 'Data dukung (nama berkas/tautan)',
    note: 'Catatan/uraian',
  };
}

/** The text of an identity cell naming the data years. */
export const dataYearsText = (years: HeaderYears) => `${years.evaluated} (tahun sebelumnya: ${years.previous})`;

/** Row 1: title; row 2: subtitle; row 3: column headers; questions from row 4. */
export const ANSWER_HEADER_ROW = 3;
export const ANSWER_FIRST_ROW = 4;

/** What the "Jenis jawaban" column says for each answer type. */
export const ANSWER_TYPE_LABELS: Record<AnswerType, string> = {
  availability: 'Pilihan',
  percent: 'Persen (0–100)',
  count: 'Jumlah (bilangan bulat)',
  narrative: 'Pilihan + uraian di Catatan',
};

/** Keys of the hidden metadata sheet (column A key, column B value). */
export type MetaKey =
  | 'generator'
  | 'templateVersion'
  | 'catalogId'
  | 'catalogFingerprint'
  | 'opdCode'
  | 'opdName'
  | 'district'
  | 'year'
  | 'dataYear'
  | 'questionIds';

export const META_KEYS: readonly MetaKey[] = [
  'generator',
  'templateVersion',
  'catalogId',
  'catalogFingerprint',
  'opdCode',
  'opdName',
  'district',
  'year',
  'dataYear',
  'questionIds',
];
