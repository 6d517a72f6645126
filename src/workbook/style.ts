/**
 * The house style of the workbooks kla writes (the OPD templates and the
 * DPPPA profile workbook): one font, one palette, thin grey borders, A4
 * margins. Kept in one place so that every workbook a DPPPA sends out looks
 * like it comes from the same office.
 */
import type ExcelJS from 'exceljs';

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
