/**
 * The house style of the workbooks kla writes (the OPD templates, the DPPPA
 * profile workbook and the matrix): one font, one palette, thin grey borders,
 * A4 margins, the same workbook properties, instructions sheet, structure
 * lock and Meta sheet. Kept in one place so that every workbook a DPPPA sends
 * out looks like it comes from the same office.
 */
import ExcelJS from 'exceljs';
import type { Project } from '../project/config.js';
import { toolVersion } from '../version.js';

export const COLOR = {
  title: 'FF1F4E79',
  header: 'FFDDEBF7',
  input: 'FFFFF2CC',
  required: 'FFFCE4D6',
  locked: 'FFF2F2F2',
  border: 'FFBFBFBF',
  muted: 'FF7F7F7F',
} as const;

const FONT = 'Arial';
/** Every styled cell names its font: without a name LibreOffice falls back to a serif face. */
export const font = (f: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> => ({ name: FONT, size: 10, ...f });
/** Wrapped rows are not auto-fitted when a file opens: estimate a height from the text. */
export const linesOf = (text: string, charsPerLine: number) =>
  text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / charsPerLine)), 0);

export const fill = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
export const thin: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: COLOR.border } },
  left: { style: 'thin', color: { argb: COLOR.border } },
  bottom: { style: 'thin', color: { argb: COLOR.border } },
  right: { style: 'thin', color: { argb: COLOR.border } },
};

export function margins() {
  return { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
}

/** `&` starts a code in Excel header/footer text. */
export const escapeHeaderFooter = (s: string) => s.replace(/&/g, '&&');

/** A portable file name: no characters Windows refuses, no trailing dots or spaces. */
export function portableFileName(raw: string): string {
  return `${raw.replace(/[<>:"/\\|?*\u0000-\u001f]/g, ' ').replace(/\s+/g, ' ').trim().replace(/[. ]+$/, '')}.xlsx`;
}

/** One line of an instructions sheet: a title, a heading or a paragraph. */
export type InstructionLine = [text: string, kind: 'title' | 'head' | 'text'];

/**
 * The Petunjuk sheet of every workbook kla writes: its lines down column B,
 * wrapped, in the house fonts, then the sheet protected (it is read, not
 * filled in).
 */
export async function writeInstructions(ws: ExcelJS.Worksheet, lines: readonly InstructionLine[]): Promise<void> {
  lines.forEach(([text, kind], i) => {
    const cell = ws.getCell(`B${i + 1}`);
    cell.value = text;
    cell.alignment = { wrapText: true, vertical: 'top' };
    cell.font = font();
    ws.getRow(i + 1).height = linesOf(text, 130) * 13 + 3;
    if (kind === 'title') {
      cell.font = font({ bold: true, size: 14, color: { argb: COLOR.title } });
      ws.getRow(i + 1).height = 24;
    }
    if (kind === 'head') {
      cell.font = font({ bold: true, size: 11, color: { argb: COLOR.title } });
      cell.alignment = { vertical: 'bottom' };
      ws.getRow(i + 1).height = 24;
    }
  });
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
}

/**
 * A sheet people fill in: its structure locked (no rows or columns added or
 * removed, so every answer stays at the cell the reader expects), the
 * unlocked input cells free, formatting of rows and columns allowed.
 */
export async function protectInputSheet(ws: ExcelJS.Worksheet): Promise<void> {
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    insertRows: false,
    deleteRows: false,
    insertColumns: false,
    deleteColumns: false,
  });
}

/**
 * A new workbook as kla writes every one of them: kla as its author, dated
 * by the evaluation (never the clock, so the same inputs give the same
 * bytes), formulas recalculated when opened.
 */
export function newWorkbook(project: Project, date?: Date): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = `kla ${toolVersion()}`;
  wb.lastModifiedBy = wb.creator;
  wb.created = date ?? new Date(Date.UTC(project.config.year, 0, 1));
  wb.modified = wb.created;
  wb.calcProperties.fullCalcOnLoad = true;
  return wb;
}

/** A hidden Meta sheet's key/value pairs: key in column A, value in column B, one per row in the order of `keys`. */
export function writeMetaValues<K extends string>(ws: ExcelJS.Worksheet, keys: readonly K[], values: Record<K, string | number>): void {
  keys.forEach((k, i) => {
    ws.getCell(`A${i + 1}`).value = k;
    ws.getCell(`B${i + 1}`).value = values[k];
  });
  ws.getColumn(1).width = 20;
  ws.getColumn(2).width = 60;
}
