/**
 * Building blocks of the pdfmake layout: styles, headings, paragraphs, tables
 * and signature blocks. Everything that comes from data is placed in a `text`
 * property as a plain string, never in a property pdfmake would interpret
 * (image, svg, link, style names, ids).
 */
import type { Block } from './templates.js';

/** A pdfmake content node. pdfmake has no types here; this is as much as we need. */
export type PdfNode = { [key: string]: unknown } | string;

export const COLORS = {
  heading: '#1f3864',
  rule: '#9aa5b1',
  headerFill: '#dde5ef',
  zebra: '#f5f7fa',
  muted: '#555555',
  alert: '#b00020',
};

/** Content width of an A4 page with our margins. */
export const PAGE = { margins: [62, 72, 62, 62] as const, width: 595.28 - 124 };

export const STYLES = {
  coverTitle: { fontSize: 20, bold: true, alignment: 'center', color: COLORS.heading, lineHeight: 1.2 },
  coverDistrict: { fontSize: 17, bold: true, alignment: 'center', margin: [0, 28, 0, 4] },
  coverLine: { fontSize: 12, alignment: 'center', margin: [0, 2, 0, 2] },
  chapter: { fontSize: 14, bold: true, alignment: 'center', color: COLORS.heading, margin: [0, 0, 0, 18] },
  h2: { fontSize: 11.5, bold: true, color: COLORS.heading, margin: [0, 10, 0, 6] },
  h3: { fontSize: 11, bold: true, color: COLORS.heading, margin: [0, 0, 0, 6] },
  body: { fontSize: 10, alignment: 'justify', lineHeight: 1.3, margin: [0, 0, 0, 7] },
  caption: { fontSize: 9, bold: true, color: COLORS.heading },
  captionNote: { fontSize: 8, color: COLORS.muted },
  th: { fontSize: 8, bold: true },
  td: { fontSize: 8, lineHeight: 1.1 },
  note: { fontSize: 7.5, color: COLORS.muted, italics: true },
  small: { fontSize: 8, color: COLORS.muted, lineHeight: 1.2 },
};

/** Chapter heading on a new page, listed in the table of contents. */
export function chapter(text: string): PdfNode {
  return { text, style: 'chapter', tocItem: true, tocStyle: { bold: true }, tocMargin: [0, 6, 0, 0], pageBreak: 'before' };
}

/** Section heading ("3.1 …"), listed in the table of contents. */
export function h2(text: string): PdfNode {
  return { text, style: 'h2', tocItem: true, tocMargin: [14, 2, 0, 0] };
}

/** Sub-section heading ("3.4.1 …"), listed in the table of contents. */
export function h3(text: string, opts: { pageBreak?: boolean } = {}): PdfNode {
  return { text, style: 'h3', tocItem: true, tocMargin: [28, 1, 0, 0], tocStyle: { fontSize: 9 }, tocNumberStyle: { fontSize: 9 }, ...(opts.pageBreak ? { pageBreak: 'before' } : {}) };
}

export function para(text: string, extra: Record<string, unknown> = {}): PdfNode {
  return { text: words(text), style: 'body', ...extra };
}

/**
 * Justified text as one inline per word. pdfmake spreads justification over
 * every break opportunity, so "Kabupaten/Kota" and "Hak-Hak" would gain a gap
 * inside the word; a word that cannot break has none. Long words (links, file
 * names) stay breakable so they never run past the margin.
 */
export function words(text: string): PdfNode[] {
  return (text.match(/\S+\s*/g) ?? []).map((w) => (w.length <= 40 ? { text: w, noWrap: true } : { text: w }));
}

/** Narrative blocks (from a template) as pdfmake nodes. */
export function narrative(blocks: readonly Block[]): PdfNode[] {
  return blocks.map((b) =>
    b.kind === 'p'
      ? para(b.text)
      : { ul: b.items.map((i) => ({ text: words(i), style: 'body', margin: [0, 0, 0, 3] })), margin: [8, 0, 0, 7] },
  );
}

/**
 * A heading kept on the same page as what follows it: the heading and the
 * first block move together, so no heading is left alone at a page's foot.
 * With `beforeTable`, the pair also moves to the next page when the table
 * that follows it would only start there (see `pageBreakBefore`).
 */
export function keep(heading: PdfNode, following: readonly PdfNode[], opts: { beforeTable?: boolean } = {}): PdfNode[] {
  const [first, ...rest] = following;
  if (first === undefined) return [heading];
  return [{ stack: [heading, first], unbreakable: true, ...(opts.beforeTable ? { headlineLevel: KEEP_WITH_TABLE } : {}) }, ...rest];
}

const KEEP_WITH_TABLE = 1;

interface NodeInfo {
  headlineLevel?: number;
  table?: unknown;
  pageNumbers: number[];
  startPosition: { pageNumber: number; verticalRatio: number; pageInnerHeight: number };
}

/** Room a table needs to start on a page: caption, column headers and a first row. */
const TABLE_START = 90;

/**
 * pdfmake's page-break hook: a heading block marked by `keep(…, {beforeTable})`
 * goes to the next page when no table starts after it on its own page. pdfmake
 * lays the document out again for each break it adds, so only these few
 * blocks are ever considered; a block already at the top of a page stays.
 */
export function pageBreakBefore(
  node: NodeInfo,
  nodes: { getFollowingNodesOnPage(): NodeInfo[]; getPreviousNodesOnPage(): NodeInfo[] },
): boolean {
  if (node.headlineLevel !== KEEP_WITH_TABLE || node.pageNumbers.length !== 1) return false;
  if (nodes.getPreviousNodesOnPage().length === 0) return false;
  // A table pushed to the next page still records a start at the foot of this
  // one, so "starts here" means: starts with room for its first rows.
  const page = node.pageNumbers[0];
  const startsHere = (n: NodeInfo) =>
    n.table !== undefined &&
    n.startPosition.pageNumber === page &&
    n.startPosition.verticalRatio < 1 - TABLE_START / n.startPosition.pageInnerHeight;
  return !nodes.getFollowingNodesOnPage().some(startsHere);
}

export type Cell = PdfNode;

/**
 * Several lines in one cell as a single text node with inline parts. Cheaper
 * for pdfmake than a stack of nodes (a dossier has thousands of cells), and
 * the same on the page.
 */
export function textLines(parts: readonly PdfNode[], extra: Record<string, unknown> = {}): PdfNode {
  return { text: parts.flatMap((p, i) => (i === 0 ? [p] : ['\n', p])), ...extra };
}

export interface TableSpec {
  /** "Tabel 3.1 …": repeated above the column headers on every page the table spans. */
  caption: string;
  captionNote?: string;
  widths: (number | string)[];
  header: string[];
  rows: Cell[][];
  /** Shown as the only row when `rows` is empty. */
  empty?: string;
  /** Rows whose cells are bold (totals). */
  boldRows?: number[];
  margin?: number[];
}

/**
 * A table whose caption and column headers repeat on every page, whose rows are
 * never split across pages (a question stays with its answer), and whose
 * headers are never left without a row below them.
 */
export function table(t: TableSpec): PdfNode {
  const n = t.widths.length;
  const pad = (cells: Cell[]) => [...cells, ...Array.from({ length: Math.max(0, n - cells.length) }, () => '')];
  const caption: Cell[] = [
    {
      stack: [{ text: t.caption, style: 'caption' }, ...(t.captionNote ? [{ text: t.captionNote, style: 'captionNote' }] : [])],
      colSpan: n,
      border: [false, false, false, false],
      margin: [-3, 0, 0, 2],
    },
    ...Array.from({ length: n - 1 }, () => ''),
  ];
  const header = t.header.map((h) => ({ text: h, style: 'th', fillColor: COLORS.headerFill }));
  const rows =
    t.rows.length > 0
      ? t.rows.map((r, i) => pad(r).map((c) => (t.boldRows?.includes(i) ? boldCell(c) : c)))
      : [[{ text: t.empty ?? 'Tidak ada data.', colSpan: n, style: 'note' }, ...Array.from({ length: n - 1 }, () => '')]];
  return {
    table: { headerRows: 2, keepWithHeaderRows: 1, dontBreakRows: true, widths: t.widths, body: [caption, header, ...rows] },
    layout: {
      hLineWidth: (i: number) => (i === 0 ? 0 : 0.5),
      vLineWidth: () => 0.5,
      hLineColor: () => COLORS.rule,
      vLineColor: () => COLORS.rule,
      paddingLeft: () => 3,
      paddingRight: () => 3,
      paddingTop: () => 2,
      paddingBottom: () => 2,
    },
    style: 'td',
    margin: t.margin ?? [0, 4, 0, 10],
  };
}

function boldCell(c: Cell): Cell {
  return typeof c === 'string' ? { text: c, bold: true } : { ...c, bold: true };
}

/** A small key–value table without a caption (profile, summary figures). */
export function facts(rows: [string, string][], widths: (number | string)[] = [170, '*']): PdfNode {
  return {
    table: { widths, body: rows.map(([k, v]) => [{ text: k, bold: true }, v]), dontBreakRows: true },
    layout: {
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
      hLineColor: () => COLORS.rule,
      vLineColor: () => COLORS.rule,
      fillColor: (_r: number, _n: unknown, col: number) => (col === 0 ? COLORS.zebra : null),
    },
    fontSize: 9.5,
    margin: [0, 2, 0, 10],
  };
}

/**
 * A signature block on the right: place and date, office, room to sign, name,
 * rank (pangkat) and NIP. Without place and date (a letter dated in its
 * head) the block starts with the office.
 */
export function signature(place: string, date: string, person: { title: string; name: string; nip: string; rank?: string }, lead?: string): PdfNode {
  return {
    columns: [
      { width: '*', text: '' },
      {
        width: 230,
        stack: [
          ...(lead ? [lead] : []),
          ...(place || date ? [place ? `${place}, ${date}` : date] : []),
          { text: person.title, margin: [0, 0, 0, 48] },
          { text: person.name, bold: true, decoration: 'underline' },
          ...(person.rank ? [person.rank] : []),
          ...(person.nip ? [`NIP ${person.nip}`] : []),
        ],
        fontSize: 10,
        lineHeight: 1.25,
      },
    ],
    unbreakable: true,
    margin: [0, 18, 0, 0],
  };
}

/** Roman numerals for chapter numbers. */
export function roman(n: number): string {
  return ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'][n] ?? String(n);
}
