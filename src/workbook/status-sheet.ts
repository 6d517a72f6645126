/**
 * A one-sheet workbook of a table for printing and sharing (`kla status
 * --format xlsx`): title lines, a header row repeated on every printed page,
 * the rows, and lines below them. Landscape A4, one page wide. The words come
 * from the caller; the same inputs give the same bytes (zip times from `date`).
 */
import type ExcelJS from 'exceljs';
import type { Severity } from '../model.js';
import { Package } from './ooxml.js';

export interface PrintTable {
  sheet: string;
  title: string;
  /** Lines under the title (date, deadline). */
  subtitle: string[];
  columns: { header: string; width: number; align?: 'left' | 'right' | 'center' }[];
  rows: { cells: (string | number)[]; tone?: Severity | 'muted' }[];
  /** Lines under the table (totals). */
  notes: string[];
  /** Page footer; {page} and {pages} become the page number and count. */
  footer: string;
}

/** Lines of wrapped Arial 9 text in a column `width` characters wide (on the safe side). */
function lines(text: string, width: number): number {
  const per = Math.max(4, Math.floor(width * 1.15));
  return text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / per)), 0);
}

const TONE = { error: 'FFF4CCCC', warning: 'FFFFF2CC', info: 'FFDDEBF7', muted: 'FFF2F2F2' } as const;
const BORDER = { style: 'thin', color: { argb: 'FFBFBFBF' } } as const;

export async function printTableWorkbook(t: PrintTable, date: Date): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'kla';
  wb.created = date;
  wb.modified = date;
  const ws = wb.addWorksheet(t.sheet, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 } },
    headerFooter: { oddFooter: `&L&8${t.footer.replace(/&/g, '&&').replace('{page}', '&P').replace('{pages}', '&N')}` },
  });
  ws.columns = t.columns.map((c) => ({ width: c.width }));
  const last = t.columns.length;
  const wide = (text: string, font: Partial<ExcelJS.Font>, height?: number) => {
    const row = ws.addRow([text]);
    ws.mergeCells(row.number, 1, row.number, last);
    row.getCell(1).font = { name: 'Arial', ...font };
    row.getCell(1).alignment = { vertical: 'middle', wrapText: true };
    if (height) row.height = height;
  };
  wide(t.title, { size: 14, bold: true, color: { argb: 'FF1F4E79' } }, 24);
  for (const s of t.subtitle) wide(s, { size: 10 });
  ws.addRow([]);

  const header = ws.addRow(t.columns.map((c) => c.header));
  header.height = 30;
  header.eachCell((c) => {
    c.font = { name: 'Arial', size: 9, bold: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.border = { top: BORDER, left: BORDER, bottom: BORDER, right: BORDER };
  });
  ws.pageSetup.printTitlesRow = `${header.number}:${header.number}`;
  ws.views = [{ state: 'frozen', ySplit: header.number, showGridLines: false }];

  for (const r of t.rows) {
    const row = ws.addRow(r.cells);
    // Excel and LibreOffice do not grow a row for wrapped text written by a program: estimate its lines.
    row.height = Math.max(...r.cells.map((c, i) => lines(String(c), t.columns[i]?.width ?? 10)), 1) * 11.5 + 3;
    row.eachCell({ includeEmpty: true }, (c, col) => {
      c.font = { name: 'Arial', size: 9 };
      c.alignment = { vertical: 'top', wrapText: true, horizontal: t.columns[col - 1]?.align ?? 'left' };
      c.border = { top: BORDER, left: BORDER, bottom: BORDER, right: BORDER };
      if (r.tone) c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: TONE[r.tone] } };
    });
  }
  ws.addRow([]);
  for (const n of t.notes) wide(n, { size: 10 });
  // exceljs stamps zip entries with the clock: repack with the given date.
  return Package.read(new Uint8Array(await wb.xlsx.writeBuffer())).write(date);
}
