/**
 * A1 cell references, the one place that reads and writes them: "F12" is
 * column 6, row 12; "AA3" column 27. Ranges "F12:G14". Pure; no exceljs.
 */

export interface CellPosition {
  /** 1-based. */
  row: number;
  /** 1-based. */
  col: number;
}

const CELL = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/;

/** Column letters to a 1-based number: A = 1, Z = 26, AA = 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** A 1-based column number to letters. */
export function columnLetters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** "F12" → { row: 12, col: 6 }; null for anything that is not a single cell reference. */
export function parseCell(ref: string): CellPosition | null {
  const m = CELL.exec(ref.trim().toUpperCase());
  return m ? { row: Number(m[2]), col: columnNumber(m[1]!) } : null;
}

/** { row: 12, col: 6 } → "F12". */
export function cellRef(p: CellPosition): string {
  return `${columnLetters(p.col)}${p.row}`;
}

/** "F12:G14" → its two corners (a single cell is a range of one); null when not a reference. */
export function parseRange(ref: string): { from: CellPosition; to: CellPosition } | null {
  const [a, b = a] = ref.split(':');
  const from = a === undefined ? null : parseCell(a);
  const to = b === undefined ? null : parseCell(b);
  return from && to ? { from, to } : null;
}

/** Reading order of two cell references (row, then column); references that do not parse come first, by text. */
export function compareCells(a: string | undefined, b: string | undefined): number {
  const pa = a === undefined ? null : parseCell(a);
  const pb = b === undefined ? null : parseCell(b);
  if (pa && pb) return pa.row - pb.row || pa.col - pb.col;
  if (pa || pb) return pa ? 1 : -1;
  const x = a ?? '';
  const y = b ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}
