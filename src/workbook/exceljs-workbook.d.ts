// The in-memory Workbook class on its own (see read.ts): the same class the
// package entry exports as ExcelJS.Workbook.
declare module 'exceljs/lib/doc/workbook.js' {
  import type { Workbook } from 'exceljs';
  const WorkbookClass: typeof Workbook;
  export default WorkbookClass;
}
