/**
 * The feedback sheet's XML: a title, a few lines of introduction, what the
 * colours mean, and one table per section (findings with a link to each cell,
 * evidence still missing). Written for paper too: A4 portrait, one page wide,
 * wrapped text in fixed column widths, row heights estimated from the text
 * (Excel does not grow wrapped or merged rows when it opens a file).
 * Strings are inline, so the workbook's shared strings stay as they were.
 */
import type { Severity } from '../model.js';
import type { StyleBook } from './annotate-styles.js';
import { XML_DECL, colLetters, escapeAttr, escapeText, quoteSheet, refOf } from './ooxml.js';

export interface FeedbackRow {
  cells: (string | number)[];
  /** The cell this row is about: the section's link column jumps there. */
  link?: { sheet: string; cell: string };
  /** Colours the row's first cell as the problem cell is coloured. */
  severity?: Severity;
}

export interface FeedbackSection {
  heading: string;
  columns: string[];
  rows: FeedbackRow[];
  /** Index of the column whose cell carries the row's link (default 0). */
  linkColumn?: number;
  /** Shown instead of the table when there are no rows. */
  empty?: string;
}

export interface FeedbackSheetSpec {
  /** e.g. "Catatan Pemeriksaan Lembar Kerja KLA 2026 — Dinas Kesehatan" */
  title: string;
  /** A few lines: who checked, when, what to do. */
  intro: string[];
  /** What the colours of marked cells mean; only the severities given are listed. */
  legend: { heading: string; labels: Partial<Record<Severity, string>> };
  sections: FeedbackSection[];
  /** Page footer; {page} and {pages} become the page number and count. */
  footer?: string;
  /** Column widths in characters; by default fitted to the content within one A4 page width. */
  widths?: number[];
}

/**
 * Fills of marked cells: saturated enough to stand out from the template's
 * own pale input colours (yellow FFF2CC, peach FCE4D6, grey F2F2F2, blue
 * DDEBF7), light enough that black text stays readable.
 */
export const HIGHLIGHT: Record<Severity, string> = {
  error: 'FFFF9B9B',
  warning: 'FFFFC000',
  info: 'FF9DC3E6',
};

const COLOR = { title: 'FF1F4E79', header: 'FFDDEBF7', border: 'FFBFBFBF', link: 'FF0563C1' } as const;
const FONT = 'Arial';
/** Characters of an A4 portrait page at 100 %, in column-width units, with the margins below. */
const PAGE_WIDTH = 96;
const LINE_PT = 13;

interface Styles {
  title: number;
  intro: number;
  legend: number;
  heading: number;
  header: number;
  body: number;
  link: number;
  number: number;
  marked: Record<Severity, number>;
  swatch: Record<Severity, number>;
}

function styles(book: StyleBook): Styles {
  const text = book.font({ size: 10, name: FONT });
  const bold = book.font({ size: 10, name: FONT, bold: true });
  const border = book.thinBorder(COLOR.border);
  const wrapTop = { vertical: 'top', wrapText: true } as const;
  const sev = (f: (s: Severity) => number) => ({ error: f('error'), warning: f('warning'), info: f('info') });
  return {
    title: book.xf({ font: book.font({ size: 14, name: FONT, bold: true, color: COLOR.title }), fill: 0, border: 0, alignment: { vertical: 'center', wrapText: true } }),
    intro: book.xf({ font: text, fill: 0, border: 0, alignment: wrapTop }),
    legend: book.xf({ font: text, fill: 0, border: 0, alignment: { vertical: 'center', wrapText: true, indent: 1 } }),
    heading: book.xf({ font: book.font({ size: 11, name: FONT, bold: true, color: COLOR.title }), fill: 0, border: 0, alignment: { vertical: 'bottom' } }),
    header: book.xf({ font: bold, fill: book.solidFill(COLOR.header), border, alignment: { horizontal: 'center', vertical: 'center', wrapText: true } }),
    body: book.xf({ font: text, fill: 0, border, alignment: wrapTop }),
    link: book.xf({ font: book.font({ size: 10, name: FONT, underline: true, color: COLOR.link }), fill: 0, border, alignment: wrapTop }),
    number: book.xf({ font: text, fill: 0, border, alignment: { horizontal: 'center', vertical: 'top' } }),
    marked: sev((s) => book.xf({ font: bold, fill: book.solidFill(HIGHLIGHT[s]), border, alignment: { horizontal: 'center', vertical: 'top', wrapText: true } })),
    swatch: sev((s) => book.xf({ font: text, fill: book.solidFill(HIGHLIGHT[s]), border, alignment: { vertical: 'center' } })),
  };
}

/** Estimated lines of wrapped Arial 10 text in a width of `width` characters (kept on the safe side). */
function lines(text: string, width: number): number {
  const per = Math.max(4, Math.floor(width * 1.1));
  return text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / per)), 0);
}

function fitWidths(spec: FeedbackSheetSpec, n: number): number[] {
  if (spec.widths && spec.widths.length >= n) return spec.widths.slice(0, n);
  const w = Array.from({ length: n }, (_, i) => {
    let max = 4;
    for (const s of spec.sections) {
      // A section's last column spans the rest of the sheet: it does not widen the columns it covers.
      if (i >= s.columns.length - 1 && s.columns.length < n) continue;
      for (const word of (s.columns[i] ?? '').split(/\s+/)) max = Math.max(max, word.length + 2);
      for (const r of s.rows) max = Math.max(max, String(r.cells[i] ?? '').length + 2);
    }
    return Math.min(max, 70);
  });
  // Shrink the widest columns until the sheet fits the page width.
  for (let total = w.reduce((a, b) => a + b, 0); total > PAGE_WIDTH; total = w.reduce((a, b) => a + b, 0)) {
    const i = w.indexOf(Math.max(...w));
    if (w[i]! <= 14) break;
    w[i] = Math.max(14, w[i]! - (total - PAGE_WIDTH));
  }
  return w;
}

/** The worksheet XML of the feedback sheet. */
export function feedbackSheetXml(spec: FeedbackSheetSpec, book: StyleBook, isVisible: (sheet: string) => boolean): string {
  const st = styles(book);
  const n = Math.max(2, ...spec.sections.map((s) => s.columns.length));
  const widths = fitWidths(spec, n);
  const total = widths.reduce((a, b) => a + b, 0);
  const last = colLetters(n);
  const rows: string[] = [];
  const merges: string[] = [];
  const links: string[] = [];
  let r = 0;

  const cell = (col: number, value: string | number | undefined, s: number) => {
    const ref = refOf(col, r);
    if (value === undefined || value === '') return `<c r="${ref}" s="${s}"/>`;
    if (typeof value === 'number' && Number.isFinite(value)) return `<c r="${ref}" s="${s}"><v>${value}</v></c>`;
    return `<c r="${ref}" s="${s}" t="inlineStr"><is><t xml:space="preserve">${escapeText(String(value))}</t></is></c>`;
  };
  const row = (height: number | undefined, cells: string[]) => {
    const ht = height === undefined ? '' : ` ht="${Math.min(409, Math.ceil(height))}" customHeight="1"`;
    rows.push(`<row r="${r}"${ht}>${cells.join('')}</row>`);
  };
  /** One text across the whole width (title, introduction, headings). */
  const wide = (text: string, s: number, height: number) => {
    r++;
    row(height, [cell(1, text, s), ...Array.from({ length: n - 1 }, (_, i) => cell(i + 2, undefined, s))]);
    merges.push(`A${r}:${last}${r}`);
  };
  const blank = () => {
    r++;
    row(8, []);
  };

  wide(spec.title, st.title, lines(spec.title, total * 0.62) * 19 + 6);
  for (const line of spec.intro) wide(line, st.intro, lines(line, total) * LINE_PT + 4);

  const legend = (['error', 'warning', 'info'] as const).filter((s) => spec.legend.labels[s]);
  if (legend.length > 0) {
    blank();
    wide(spec.legend.heading, st.heading, 20);
    for (const s of legend) {
      r++;
      const text = spec.legend.labels[s]!;
      row(lines(text, total - widths[0]!) * LINE_PT + 4, [cell(1, undefined, st.swatch[s]), cell(2, text, st.legend), ...Array.from({ length: n - 2 }, (_, i) => cell(i + 3, undefined, st.legend))]);
      if (n > 2) merges.push(`B${r}:${last}${r}`);
    }
  }

  for (const section of spec.sections) {
    blank();
    wide(section.heading, st.heading, 22);
    if (section.rows.length === 0) {
      if (section.empty) wide(section.empty, st.intro, lines(section.empty, total) * LINE_PT + 4);
      continue;
    }
    const k = section.columns.length;
    const span = (i: number) => (i === k - 1 ? widths.slice(i).reduce((a, b) => a + b, 0) : widths[i]!);
    const spanMerge = () => {
      if (k < n) merges.push(`${colLetters(k)}${r}:${last}${r}`);
    };
    const fill = (s: number) => Array.from({ length: n - k }, (_, i) => cell(k + i + 1, undefined, s));
    r++;
    row(Math.max(...section.columns.map((c, i) => lines(c, span(i)))) * LINE_PT + 6, [...section.columns.map((c, i) => cell(i + 1, c, st.header)), ...fill(st.header)]);
    spanMerge();
    const linkCol = section.linkColumn ?? 0;
    for (const fr of section.rows) {
      r++;
      const height = Math.max(1, ...section.columns.map((_, i) => lines(String(fr.cells[i] ?? ''), span(i)))) * LINE_PT + 5;
      const linked = fr.link && isVisible(fr.link.sheet);
      const cells = section.columns.map((_, i) => {
        const v = fr.cells[i];
        const s = i === 0 && fr.severity ? st.marked[fr.severity] : linked && i === linkCol ? st.link : typeof v === 'number' ? st.number : st.body;
        return cell(i + 1, v, s);
      });
      row(height, [...cells, ...fill(st.body)]);
      spanMerge();
      if (linked) {
        const ref = refOf(linkCol + 1, r);
        links.push(`<hyperlink ref="${ref}" location="${escapeAttr(`${quoteSheet(fr.link!.sheet)}!${fr.link!.cell}`)}" display="${escapeAttr(String(fr.cells[linkCol] ?? fr.link!.cell))}"/>`);
      }
    }
  }

  const footer = spec.footer
    ? `<headerFooter><oddFooter>${escapeText(`&L&8${spec.footer.replace(/&/g, '&&').replace('{page}', '&P').replace('{pages}', '&N')}`)}</oddFooter></headerFooter>`
    : '';
  return (
    `${XML_DECL}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    '<sheetPr><tabColor rgb="FFC00000"/><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="A1:${last}${Math.max(r, 1)}"/>` +
    '<sheetViews><sheetView tabSelected="1" showGridLines="0" workbookViewId="0"><selection activeCell="A1" sqref="A1"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` +
    `<sheetData>${rows.join('')}</sheetData>` +
    (merges.length > 0 ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '') +
    (links.length > 0 ? `<hyperlinks>${links.join('')}</hyperlinks>` : '') +
    '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
    '<pageSetup paperSize="9" orientation="portrait" fitToWidth="1" fitToHeight="0"/>' +
    footer +
    '</worksheet>'
  );
}
