/**
 * Reading a Kelana/Dekela matrix workbook into plain, serialisable data with
 * the cell behind every value (as read.ts does for an OPD's answers). Judging
 * rows and answers against the catalog and the district's areas happens in
 * src/validate/matrix.ts.
 *
 * The workbook is recognised by its Meta sheet, or, when that is gone, by a
 * sheet whose heading row holds "25.2 — …" / "26.4 — …" question headings.
 */
import type { Diagnostic } from '../model.js';
import { diag } from '../diagnostics/index.js';
import type { MatrixScope } from '../matrix.js';
import { cellText, metaWorkbookKind, norm, readCell, readMetaValues, type RawCell } from './read.js';
import type { Grid } from './package.js';
import { columnLetters, columnNumber } from './a1.js';
import { AREA_COLUMNS, MATRIX_KIND, MATRIX_META_KEYS, MATRIX_READ_BOUNDS, MATRIX_ROWS, SCOPE_SHEET, type AreaCol, type MatrixMetaKey } from './matrix-layout.js';

/** One question heading of a sheet: the heading cell (over the answer column) and its two columns. */
export interface MatrixHeading {
  heading: RawCell;
  /** The question id before the dash ("26.4"), or the whole heading when it has none. */
  id: string;
  answerCol: string;
  evidenceCol: string;
}

export interface MatrixRowData {
  row: number;
  area: Partial<Record<AreaCol, RawCell>>;
  /** Parallel to the sheet's headings. */
  cells: { answer: RawCell; evidence: RawCell }[];
}

export interface MatrixSheetData {
  scope: MatrixScope;
  sheet: string;
  headings: MatrixHeading[];
  rows: MatrixRowData[];
}

export interface MatrixWorkbookData {
  savedAt: string | null;
  sheetNames: string[];
  meta: { sheet: string; values: Partial<Record<MatrixMetaKey, RawCell>> } | null;
  sheets: MatrixSheetData[];
}

/** "26.4 — Memiliki …", also with an en dash or hyphen as another program may have rewritten it. */
const HEADING = /^\s*(\d+[A-Za-z]?(?:\.\d+[A-Za-z]*)+)\s*[—–-]\s*\S/;

/** The matrix's own Meta sheet: its "workbook" key says "matrix". */
export function isMatrixMeta(ws: Grid): boolean {
  return metaWorkbookKind(ws) === MATRIX_KIND;
}

/** A matrix sheet by content: question headings in the heading row, right of the area columns. */
function isMatrixSheet(ws: Grid): boolean {
  return headingsOf(ws, scopeOf(ws)).some((h) => HEADING.test(cellText(ws.get(h.heading.cell))));
}

/** A workbook whose Meta sheet says matrix, or (without one) with a matrix sheet by content. */
export function isMatrixWorkbook(sheets: readonly Grid[]): boolean {
  return sheets.some(isMatrixMeta) || sheets.some(isMatrixSheet);
}

export function readMatrixSheets(sheets: readonly Grid[], savedAt: string | null, file: string, findings: Diagnostic[]): MatrixWorkbookData {
  const metaWs = sheets.find(isMatrixMeta);
  const data: MatrixWorkbookData = {
    savedAt,
    sheetNames: sheets.map((s) => s.name),
    meta: metaWs ? { sheet: metaWs.name, values: readMetaValues(metaWs, MATRIX_META_KEYS) } : null,
    sheets: [],
  };
  for (const ws of sheets) {
    if (ws === metaWs || !isMatrixSheet(ws)) continue;
    const scope = scopeOf(ws);
    if (norm(ws.name) !== norm(SCOPE_SHEET[scope])) findings.push(diag('KLA-W102', { expected: SCOPE_SHEET[scope], found: ws.name }, { file, sheet: ws.name }));
    const headings = headingsOf(ws, scope);
    data.sheets.push({ scope, sheet: ws.name, headings, rows: readRows(ws, scope, headings, file, findings) });
  }
  return data;
}

/** By name, else by the area headings: a sheet with a desa/kelurahan column is the Dekela sheet. */
function scopeOf(ws: Grid): MatrixScope {
  if (norm(ws.name) === norm(SCOPE_SHEET.desa)) return 'desa';
  if (norm(ws.name) === norm(SCOPE_SHEET.kecamatan)) return 'kecamatan';
  const desaCol = AREA_COLUMNS.desa.find((c) => c.key === 'desa')!;
  return norm(cellText(ws.get(`${desaCol.col}${MATRIX_ROWS.question}`))) === norm(desaCol.header) ? 'desa' : 'kecamatan';
}

/** Every filled heading cell right of the area columns, each over its answer column with the evidence column beside it. */
function headingsOf(ws: Grid, scope: MatrixScope): MatrixHeading[] {
  const first = AREA_COLUMNS[scope].length + 1;
  const out: MatrixHeading[] = [];
  for (const c of ws.row(MATRIX_ROWS.question)) {
    if (c.col < first || c.col > MATRIX_READ_BOUNDS.columns) continue;
    const cell = `${columnLetters(c.col)}${MATRIX_ROWS.question}`;
    const text = cellText(ws.get(cell));
    if (text === '') continue;
    const m = HEADING.exec(text);
    out.push({ heading: readCell(ws, cell), id: m ? m[1]! : text, answerCol: columnLetters(c.col), evidenceCol: columnLetters(c.col + 1) });
  }
  return out.sort((a, b) => columnNumber(a.answerCol) - columnNumber(b.answerCol));
}

function readRows(ws: Grid, scope: MatrixScope, headings: MatrixHeading[], file: string, findings: Diagnostic[]): MatrixRowData[] {
  const areaCols = AREA_COLUMNS[scope];
  const last = MATRIX_ROWS.first + MATRIX_READ_BOUNDS.rows - 1;
  const rows: MatrixRowData[] = [];
  for (const r of ws.rowNumbers) {
    if (r < MATRIX_ROWS.first) continue;
    if (r > last) {
      if (ws.row(r).length > 0) {
        findings.push(diag('KLA-W015', { row: last }, { file, sheet: ws.name, cell: `A${last + 1}` }));
        break;
      }
      continue;
    }
    const area = Object.fromEntries(areaCols.map((c) => [c.key, readCell(ws, `${c.col}${r}`)])) as Partial<Record<AreaCol, RawCell>>;
    const cells = headings.map((h) => ({ answer: readCell(ws, `${h.answerCol}${r}`), evidence: readCell(ws, `${h.evidenceCol}${r}`) }));
    // The running number alone does not make a row.
    const named = areaCols.some((c) => c.key !== 'no' && area[c.key]!.value.t !== 'blank');
    if (named || cells.some((c) => c.answer.value.t !== 'blank' || c.evidence.value.t !== 'blank')) rows.push({ row: r, area, cells });
  }
  return rows;
}

