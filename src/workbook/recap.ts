/**
 * Writing the recap workbook (`kla build --xlsx`) from the rows the dossier
 * module builds: numbers as numbers with their number formats, a filter on
 * every table, the header row frozen, and the same bytes for the same inputs.
 * exceljs is loaded only when a recap is asked for.
 */
import { stampZipDates } from './zip-dates.js';

/** How a number is shown: a share as a percentage (0.875 as 87,5 %), points with two decimals, a count whole. */
export type RecapFormat = 'percent' | 'points' | 'count';

/** A cell: text, a number (in its column's format), a number in a format of its own, or empty. */
export type RecapValue = string | number | null | { value: number; format: RecapFormat };

/** One sheet: a header row, then the rows as given. */
export interface RecapSheet {
  name: string;
  columns: { header: string; width: number; format?: RecapFormat }[];
  rows: RecapValue[][];
  /** A table to filter (default); a sheet of label/value pairs is not. */
  filter?: boolean;
}

const NUM_FMT: Record<RecapFormat, string> = {
  percent: '0.0%',
  points: '0.00',
  count: '0',
};

/** Write the sheets as .xlsx bytes, dated `date` inside and in the zip. */
export async function recapWorkbook(sheets: readonly RecapSheet[], date: Date): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'kla';
  wb.created = date;
  wb.modified = date;
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = s.columns.map((c) => ({ header: c.header, width: c.width, ...(c.format ? { style: { numFmt: NUM_FMT[c.format] } } : {}) }));
    ws.getRow(1).font = { bold: true };
    for (const r of s.rows) {
      const row = ws.addRow(r.map((v) => (v !== null && typeof v === 'object' ? v.value : v)));
      r.forEach((v, i) => {
        if (v !== null && typeof v === 'object') row.getCell(i + 1).numFmt = NUM_FMT[v.format];
      });
    }
    if (s.filter !== false && s.columns.length > 0) {
      ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, s.rows.length + 1), column: s.columns.length } };
    }
  }
  return stampZipDates(Buffer.from(await wb.xlsx.writeBuffer()), date);
}
