/**
 * Where things live in the Kelana/Dekela matrix workbook. The writer
 * (matrix-template.ts) and the reader (matrix-read.ts) both use these
 * constants; a layout change bumps MATRIX_VERSION.
 *
 * One sheet per scope: "Kecamatan" (the 25.x questions, a row per kecamatan)
 * and "Desa dan Kelurahan" (the 26.x questions, a row per desa/kelurahan).
 * Each question is a pair of columns, Ya/Tidak and its evidence, so a row
 * reads across as one area's answers and a column pair down as one
 * question's matrix; the area columns and the two heading rows stay in view
 * (frozen panes) and are printed on every page (print titles), so 20
 * questions across 215 desa remain legible on a screen and on A4.
 */
import type { MatrixScope } from '../matrix.js';

/** Bump when the layout below changes; the reader refuses unknown versions. */
export const MATRIX_VERSION = 1;

/** The Meta sheet's `workbook` value: "this is the matrix, not an OPD's workbook or the profile". */
export const MATRIX_KIND = 'matriks-kelana-dekela';

export const MATRIX_SHEETS = {
  instructions: 'Petunjuk',
  kecamatan: 'Kecamatan',
  desa: 'Desa dan Kelurahan',
  /** Hidden: the Ya/Tidak list. */
  options: 'Opsi',
  /** Hidden: what the workbook is and what it was made for. */
  meta: 'Meta',
} as const;

/** Row 1: title; 2: a hint; 3: one heading per question (over its two columns); 4: "Ya/Tidak" and "Data dukung"; rows from 5. */
export const MATRIX_ROWS = { title: 1, hint: 2, question: 3, sub: 4, first: 5 } as const;

export type AreaCol = 'no' | 'code' | 'kecamatan' | 'desa';

export interface AreaColumn {
  key: AreaCol;
  col: string;
  header: string;
  width: number;
}

/** The columns naming the area of a row, left of the questions. */
export const AREA_COLUMNS: Record<MatrixScope, readonly AreaColumn[]> = {
  kecamatan: [
    { key: 'no', col: 'A', header: 'No.', width: 5 },
    { key: 'code', col: 'B', header: 'Kode kecamatan', width: 12 },
    { key: 'kecamatan', col: 'C', header: 'Kecamatan', width: 22 },
  ],
  desa: [
    { key: 'no', col: 'A', header: 'No.', width: 5 },
    { key: 'code', col: 'B', header: 'Kode desa/kelurahan', width: 15 },
    { key: 'kecamatan', col: 'C', header: 'Kecamatan', width: 18 },
    { key: 'desa', col: 'D', header: 'Desa/kelurahan', width: 22 },
  ],
};

/** Widths of a question's two columns. The answer's is not 9: exceljs leaves a column of its default width out of the file, and each program then uses its own. */
export const ANSWER_WIDTH = 10;
/** Wide enough for a file name like "Matriks Dekela Kec. Pangkalan Jambu 2025.pdf" on one line: rows keep the default height, so a wrapped entry would be hidden. */
export const EVIDENCE_WIDTH = 44;

/** The row answers, as the dropdown offers them. */
export const YES = 'Ya';
export const NO = 'Tidak';

/** The sub-heading of a question's first column. */
export const ANSWER_HEADER = 'Ya/Tidak';
/** The sub-heading of its second column: when evidence is needed, for which answer. */
export const evidenceHeader = (needed: 'Ya' | 'Tidak' | null) => (needed === null ? 'Data dukung' : `Data dukung (wajib bila ${needed})`);

/** A question's heading: "26.4 — Memiliki Forum Anak Desa/Kelurahan"; the reader takes the id before the dash. */
const HEADING_SEPARATOR = ' — ';

/** How far the reader looks: rows below the headings (the largest kabupaten have about 1 000 desa), columns across. */
export const MATRIX_READ_BOUNDS = { rows: 3000, columns: 200 } as const;

/** Keys of the hidden metadata sheet (column A key, column B value). */
export type MatrixMetaKey = 'generator' | 'workbook' | 'matrixVersion' | 'catalogId' | 'district' | 'year' | 'dataYear' | 'kecamatan' | 'questionIds';
export const MATRIX_META_KEYS: readonly MatrixMetaKey[] = ['generator', 'workbook', 'matrixVersion', 'catalogId', 'district', 'year', 'dataYear', 'kecamatan', 'questionIds'];

/** The 1-based columns of the i-th question of a sheet: its answer, then its evidence. */
export function questionColumns(scope: MatrixScope, i: number): { answer: number; evidence: number } {
  const answer = AREA_COLUMNS[scope].length + 1 + 2 * i;
  return { answer, evidence: answer + 1 };
}

/** A question's heading as the template writes it. */
export const questionHeading = (id: string, criterion: string) => `${id}${HEADING_SEPARATOR}${criterion}`;

/** The sheet of each scope. */
export const SCOPE_SHEET: Record<MatrixScope, string> = { kecamatan: MATRIX_SHEETS.kecamatan, desa: MATRIX_SHEETS.desa };

/** The list the Ya/Tidak dropdown offers, on the hidden options sheet. */
export const ANSWER_LIST = `'${MATRIX_SHEETS.options}'!$A$1:$A$2`;
