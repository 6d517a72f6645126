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
  return headingsOf(ws, locate(ws, scopeOf(ws))).some((h) => HEADING.test(cellText(ws.get(h.heading.cell))));
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
    const table = locate(ws, scope);
    const headings = headingsOf(ws, table);
    data.sheets.push({ scope, sheet: ws.name, headings, rows: readRows(ws, table, headings, file, findings) });
  }
  return data;
}

/** Rows searched for the heading row: the template's title rows, with room for rows added above them. */
const SEARCH_ROWS = 12;

/**
 * Where a matrix sheet's table is: the row of its headings (the Ya/Tidak row
 * under it, the areas from the row after) and the column of each area field,
 * found by their headers, so that a title row deleted or a column inserted
 * (the sheet unprotected at the kecamatan office) moves what is read instead
 * of losing it. The template's layout when the headers cannot be found.
 */
interface MatrixTable {
  headingRow: number;
  area: { key: AreaCol; col: number }[];
}

function locate(ws: Grid, scope: MatrixScope): MatrixTable {
  const fields = AREA_COLUMNS[scope];
  let best: { row: number; found: Map<AreaCol, number>; headings: number } | undefined;
  for (const r of ws.rowNumbers) {
    if (r > SEARCH_ROWS) break;
    const found = new Map<AreaCol, number>();
    let headings = 0;
    for (const c of ws.row(r)) {
      if (c.col > MATRIX_READ_BOUNDS.columns) continue;
      const text = cellText(c.content);
      const field = fields.find((f) => norm(f.header) === norm(text));
      if (field && !found.has(field.key)) found.set(field.key, c.col);
      else if (HEADING.test(text)) headings++;
    }
    const better = best === undefined || found.size > best.found.size || (found.size === best.found.size && headings > best.headings);
    if (better && (found.size >= 2 || headings > 0)) best = { row: r, found, headings };
  }
  const template = (f: (typeof fields)[number]) => columnNumber(f.col);
  if (best === undefined) return { headingRow: MATRIX_ROWS.question, area: fields.map((f) => ({ key: f.key, col: template(f) })) };
  const { row, found } = best;
  const area = fields.map((f, i) => {
    const at = found.get(f.key);
    if (at !== undefined) return { key: f.key, col: at };
    // As the answer sheet's: the template's distance from the nearest field found; a column deleted reads as empty.
    const near = [...fields.slice(0, i).reverse(), ...fields.slice(i + 1)].find((n) => found.has(n.key));
    const guess = near === undefined ? template(f) : found.get(near.key)! + template(f) - template(near);
    return { key: f.key, col: guess >= 1 && ![...found.values()].includes(guess) ? guess : MATRIX_READ_BOUNDS.columns + 1 + i };
  });
  return { headingRow: row, area };
}

/** By name, else by the area headings: a sheet with a desa/kelurahan column is the Dekela sheet. */
function scopeOf(ws: Grid): MatrixScope {
  if (norm(ws.name) === norm(SCOPE_SHEET.desa)) return 'desa';
  if (norm(ws.name) === norm(SCOPE_SHEET.kecamatan)) return 'kecamatan';
  const desa = norm(AREA_COLUMNS.desa.find((c) => c.key === 'desa')!.header);
  return ws.rowNumbers.some((r) => r <= SEARCH_ROWS && ws.row(r).some((c) => norm(cellText(c.content)) === desa)) ? 'desa' : 'kecamatan';
}

/** Every filled heading cell right of the area columns, each over its answer column with the evidence column beside it. */
function headingsOf(ws: Grid, t: MatrixTable): MatrixHeading[] {
  const areaCols = new Set(t.area.map((a) => a.col));
  const first = Math.max(...t.area.filter((a) => a.col <= MATRIX_READ_BOUNDS.columns).map((a) => a.col), 0) + 1;
  const out: MatrixHeading[] = [];
  for (const c of ws.row(t.headingRow)) {
    if (c.col < first || c.col > MATRIX_READ_BOUNDS.columns || areaCols.has(c.col)) continue;
    const cell = `${columnLetters(c.col)}${t.headingRow}`;
    const text = cellText(ws.get(cell));
    if (text === '') continue;
    const m = HEADING.exec(text);
    out.push({ heading: readCell(ws, cell), id: m ? m[1]! : text, answerCol: columnLetters(c.col), evidenceCol: columnLetters(c.col + 1) });
  }
  return out.sort((a, b) => columnNumber(a.answerCol) - columnNumber(b.answerCol));
}

function readRows(ws: Grid, t: MatrixTable, headings: MatrixHeading[], file: string, findings: Diagnostic[]): MatrixRowData[] {
  // The heading row, the Ya/Tidak row under it, then the areas.
  const firstRow = t.headingRow + MATRIX_ROWS.first - MATRIX_ROWS.question;
  const last = firstRow + MATRIX_READ_BOUNDS.rows - 1;
  const rows: MatrixRowData[] = [];
  for (const r of ws.rowNumbers) {
    if (r < firstRow) continue;
    if (r > last) {
      if (ws.row(r).length > 0) {
        findings.push(diag('KLA-W015', { row: last }, { file, sheet: ws.name, cell: `A${last + 1}` }));
        break;
      }
      continue;
    }
    const area = Object.fromEntries(t.area.map((c) => [c.key, readCell(ws, `${columnLetters(c.col)}${r}`)])) as Partial<Record<AreaCol, RawCell>>;
    const cells = headings.map((h) => ({ answer: readCell(ws, `${h.answerCol}${r}`), evidence: readCell(ws, `${h.evidenceCol}${r}`) }));
    // The running number alone does not make a row.
    const named = t.area.some((c) => c.key !== 'no' && area[c.key]!.value.t !== 'blank');
    if (named || cells.some((c) => c.answer.value.t !== 'blank' || c.evidence.value.t !== 'blank')) rows.push({ row: r, area, cells });
  }
  return rows;
}
