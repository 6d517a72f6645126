/**
 * Writing the recap workbook (`kla build --xlsx`) from the rows the dossier
 * module builds. exceljs is loaded only when a recap is asked for.
 */
export type RecapValue = string | number | null;

/** One sheet: a header row, then the rows as given. */
export interface RecapSheet {
  name: string;
  columns: { header: string; width: number }[];
  rows: RecapValue[][];
}

/** Write the sheets as .xlsx bytes. */
export async function recapWorkbook(sheets: readonly RecapSheet[], date: Date): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'kla';
  wb.created = date;
  wb.modified = date;
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = s.columns.map((c) => ({ header: c.header, width: c.width }));
    ws.getRow(1).font = { bold: true };
    for (const r of s.rows) ws.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
