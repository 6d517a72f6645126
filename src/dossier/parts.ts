/**
 * Building blocks of the pdfmake layouts: styles, paragraphs, tables and
 * signature blocks. Everything that comes from data is placed in a `text`
 * property as a plain string, never in a property pdfmake would interpret
 * (image, svg, link, style names, ids), and a long word (an e-mail address,
 * a link, a file name) is allowed to break anywhere, so no text can run out
 * of its cell or off the page.
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
  coverTitle: { fontSize: 19, bold: true, alignment: 'center', color: COLORS.heading, lineHeight: 1.2 },
  coverDistrict: { fontSize: 17, bold: true, alignment: 'center', margin: [0, 26, 0, 4] },
  coverLine: { fontSize: 12, alignment: 'center', margin: [0, 2, 0, 2] },
  chapter: { fontSize: 14, bold: true, alignment: 'center', color: COLORS.heading, margin: [0, 0, 0, 18] },
  h2: { fontSize: 11.5, bold: true, color: COLORS.heading, margin: [0, 10, 0, 6] },
  h3: { fontSize: 11, bold: true, color: COLORS.heading, margin: [0, 6, 0, 6] },
  body: { fontSize: 10, alignment: 'justify', lineHeight: 1.3, margin: [0, 0, 0, 7] },
  caption: { fontSize: 9, bold: true, color: COLORS.heading },
  captionNote: { fontSize: 8, color: COLORS.muted },
  th: { fontSize: 8, bold: true },
  td: { fontSize: 8, lineHeight: 1.1 },
  note: { fontSize: 7.5, color: COLORS.muted, italics: true },
  small: { fontSize: 8, color: COLORS.muted, lineHeight: 1.2 },
  listEntry: { fontSize: 10, lineHeight: 1.15 },
};

/** Longest run of characters without a break opportunity that is left as it is. */
const LONG_WORD = 22;
/** In running text across the page, only a word longer than this (a link) may break anywhere; shorter ones move to the next line whole. */
const LONG_LINE_WORD = 60;

/**
 * Text for a table cell or any narrow place: ordinary words break at spaces;
 * a word longer than `LONG_WORD` characters (e-mail, link, file name) may
 * break anywhere, so it wraps inside its column instead of running over.
 */
export function wrap(text: string, extra: Record<string, unknown> = {}): PdfNode {
  const parts = text.split(/(\s+)/).filter((p) => p !== '');
  if (!parts.some((p) => p.length > LONG_WORD)) return { text, ...extra };
  return { text: parts.map((p) => (p.length > LONG_WORD ? { text: p, wordBreak: 'break-all' } : p)), ...extra };
}

export function para(text: string, extra: Record<string, unknown> = {}): PdfNode {
  return { text: words(text), style: 'body', ...extra };
}

/**
 * Justified text as one inline per word. pdfmake spreads justification over
 * every break opportunity, so "Kabupaten/Kota" and "Hak-Hak" would gain a gap
 * inside the word; a word that cannot break has none. Long words (links, file
 * names) may break anywhere so they never run past the margin.
 */
export function words(text: string): PdfNode[] {
  return (text.match(/\S+\s*/g) ?? []).map((w) => (w.trim().length <= LONG_LINE_WORD ? { text: w, noWrap: true } : { text: w, wordBreak: 'break-all' }));
}

/**
 * Justified text led by a bold term ("BAB I PENDAHULUAN: memuat …"), the
 * colon set with the term: pdfmake's justification widens every boundary
 * between inlines, so a colon in a style of its own stood apart from its word.
 */
export function ledBy(term: string, rest?: string): PdfNode[] {
  const lead = words(rest === undefined ? `${term}.` : `${term}: `).map((w) => ({ ...(w as object), bold: true }));
  return rest === undefined ? lead : [...lead, ...words(rest)];
}

/** Narrative blocks (from a template) as pdfmake nodes. */
export function narrative(blocks: readonly Block[]): PdfNode[] {
  return blocks.map((b) =>
    b.kind === 'p'
      ? para(b.text)
      : { ul: b.items.map((i) => listItem(words(i))), margin: [8, 0, 0, 7] },
  );
}

/** One entry of a list, never split over two pages (a lone last line on the next page reads as a stray). */
export function listItem(text: PdfNode[] | string): PdfNode {
  return { stack: [{ text, style: 'body' }], unbreakable: true, margin: [0, 0, 0, 3] };
}

/** A numbered list of paragraphs (a. b. c. or 1. 2. 3.), as legal bases are listed. */
export function numberedList(items: readonly string[], type: 'lower-alpha' | 'decimal' = 'decimal'): PdfNode {
  return { ol: items.map((i) => listItem(words(i))), type, margin: [8, 0, 0, 7] };
}

const KEEP_WITH_TABLE = 1;

/**
 * Summary tables (those with a total row) of up to this many rows are kept
 * whole on one page, so a total never stands alone on the next page. Their
 * cells are short; a long table (the answers) may break between its rows,
 * as anything taller than a page must.
 */
const SHORT_TABLE = 15;

const tableOf = (n: PdfNode | undefined) =>
  n !== undefined && typeof n !== 'string' && ('table' in n || (Array.isArray(n.stack) && typeof n.stack[0] === 'object' && 'table' in n.stack[0])) ? n : undefined;

/**
 * A heading kept on the same page as what follows it, so no heading is left
 * alone at a page's foot: the heading and the first block move together, and
 * when a table follows, the table too if it is short, or else the pair moves
 * to the next page when the table would only start there (see `keepWithTable`).
 */
export function keep(heading: PdfNode, following: readonly PdfNode[]): PdfNode[] {
  const [first, second, ...rest] = following;
  if (first === undefined) return [heading];
  const before = tableOf(first) ? [heading] : [heading, first];
  const next = tableOf(first) ?? tableOf(second);
  const after = tableOf(first) ? following : [second, ...rest].filter((n) => n !== undefined);
  if (next === undefined) return [{ stack: before, unbreakable: true }, ...after];
  if (next.unbreakable === true) return [{ stack: [...before, next], unbreakable: true }, ...after.slice(1)];
  // Named after its heading (so the layout can say which of these it moved to the next page) and
  // after the marked first row of its table (so the hook can see on which page that row lands).
  const headingId = typeof heading === 'object' && typeof heading.id === 'string' ? heading.id : undefined;
  const row = firstRowMark(next);
  const id = headingId !== undefined ? { id: `${headingId}~keep${row ? `${KEEP_SEP}${row}` : ''}` } : {};
  return [{ stack: before, unbreakable: true, headlineLevel: KEEP_WITH_TABLE, ...id }, ...after];
}

const KEEP_SEP = '~with~';
const FIRST_ROW = '~first';

/** The table whose first row `id` marks, if it marks one. */
export const markedTable = (id: string): string | undefined => (id.endsWith(FIRST_ROW) ? id.slice(0, -FIRST_ROW.length) : undefined);

/** The id marking a table's first row (set by `table()`), if it has one. */
function firstRowMark(n: PdfNode): string | undefined {
  const t = (typeof n === 'object' && 'table' in n ? n : (n as { stack: PdfNode[] }).stack[0]) as { table?: { body?: unknown[][] } };
  for (const c of t.table?.body?.[2] ?? []) {
    const id = typeof c === 'object' && c !== null ? (c as { id?: unknown }).id : undefined;
    if (typeof id === 'string' && id.endsWith(FIRST_ROW)) return id;
  }
  return undefined;
}

export interface NodeInfo {
  id?: string;
  headlineLevel?: number;
  table?: unknown;
  pageNumbers: number[];
  startPosition: { pageNumber: number; verticalRatio: number; pageInnerHeight: number };
}

export interface PageNodes {
  getFollowingNodesOnPage(): NodeInfo[];
  getPreviousNodesOnPage(): NodeInfo[];
}

/** Room a table needs to start on a page: caption, column headers and a first row. */
const TABLE_START = 90;

/**
 * Part of pdfmake's page-break hook: a heading block marked by
 * `keep(…, {beforeTable})` goes to the next page when no table starts after
 * it on its own page. pdfmake lays the document out again for each break it
 * adds, so only these few blocks are ever considered; a block already at the
 * top of a page stays.
 */
export function keepWithTable(node: NodeInfo, nodes: PageNodes): boolean {
  if (node.headlineLevel !== KEEP_WITH_TABLE || node.pageNumbers.length !== 1) return false;
  if (nodes.getPreviousNodesOnPage().length === 0) return false;
  const page = node.pageNumbers[0];
  // The table's first row is marked: the heading stays exactly when that row is on its page.
  const row = node.id?.split(KEEP_SEP)[1];
  if (row !== undefined) return !nodes.getFollowingNodesOnPage().some((n) => n.id === row && n.pageNumbers[0] === page);
  // Otherwise: a table pushed to the next page still records a start at the foot of this
  // one, so "starts here" means: starts with room for its first rows.
  const startsHere = (n: NodeInfo) =>
    n.table !== undefined && n.startPosition.pageNumber === page && n.startPosition.verticalRatio < 1 - TABLE_START / n.startPosition.pageInnerHeight;
  return !nodes.getFollowingNodesOnPage().some(startsHere);
}

export type Cell = PdfNode;

/**
 * Several lines in one cell as a single text node with inline parts. Cheaper
 * for pdfmake than a stack of nodes (a document has thousands of cells), and
 * the same on the page.
 */
export function textLines(parts: readonly PdfNode[], extra: Record<string, unknown> = {}): PdfNode {
  const inline = (p: PdfNode) => (typeof p === 'string' ? wrap(p) : p);
  return { text: parts.flatMap((p, i) => (i === 0 ? [inline(p)] : ['\n', inline(p)])), ...extra };
}

export interface TableSpec {
  /** The node id the caption carries (for page look-ups); the float's id in the outline. */
  id?: string;
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
  /** A note under the table (e.g. that rounded rows need not add up to the rounded total). */
  note?: string;
  margin?: number[];
  /** Small type and narrow padding: a grid of many short columns (the Kelana/Dekela matrix). */
  compact?: boolean;
}

/**
 * A table whose caption and column headers repeat on every page, whose rows are
 * never split across pages (a question stays with its answer), and whose
 * headers are never left without a row below them. Cell text wraps inside its
 * column, however long its words.
 */
/** A compact table's type size and cell padding (points). */
export const COMPACT = { fontSize: 6.5, padding: 1.5 } as const;

export function table(t: TableSpec): PdfNode {
  const n = t.widths.length;
  const pad = (cells: Cell[]) => [...cells, ...Array.from({ length: Math.max(0, n - cells.length) }, () => '')];
  const cell = (c: Cell) => (typeof c === 'string' ? wrap(c) : c);
  const caption: Cell[] = [
    {
      stack: [{ text: t.caption, style: 'caption', ...(t.id ? { id: t.id } : {}) }, ...(t.captionNote ? [{ text: t.captionNote, style: 'captionNote' }] : [])],
      colSpan: n,
      border: [false, false, false, false],
      margin: [-3, 0, 0, 2],
    },
    ...Array.from({ length: n - 1 }, () => ''),
  ];
  const header = t.header.map((h) => ({ text: h, style: 'th', fillColor: COLORS.headerFill, ...(t.compact ? { fontSize: COMPACT.fontSize, alignment: 'center' } : {}) }));
  const rows =
    t.rows.length > 0
      ? t.rows.map((r, i) => pad(r).map((c) => (t.boldRows?.includes(i) ? boldCell(cell(c)) : cell(c))))
      : [[{ text: t.empty ?? 'Tidak ada data.', colSpan: n, style: 'note' }, ...Array.from({ length: n - 1 }, () => '')]];
  // The first row's first cell with text carries a mark, so a heading kept with the table knows where the table really starts.
  const markAt = t.id === undefined ? -1 : rows[0]!.findIndex((c) => typeof c === 'object' && c !== null && typeof (c as { text?: unknown }).text === 'string' && (c as { text: string }).text !== '');
  if (markAt >= 0) rows[0]![markAt] = { ...(rows[0]![markAt] as object), id: `${t.id}${FIRST_ROW}` };
  const node: PdfNode = {
    table: { headerRows: 2, keepWithHeaderRows: 1, dontBreakRows: true, widths: t.widths, body: [caption, header, ...rows] },
    layout: {
      hLineWidth: (i: number) => (i === 0 ? 0 : 0.5),
      vLineWidth: () => 0.5,
      hLineColor: () => COLORS.rule,
      vLineColor: () => COLORS.rule,
      paddingLeft: () => (t.compact ? COMPACT.padding : 3),
      paddingRight: () => (t.compact ? COMPACT.padding : 3),
      paddingTop: () => (t.compact ? 1 : 2),
      paddingBottom: () => (t.compact ? 1 : 2),
    },
    style: 'td',
    ...(t.compact ? { fontSize: COMPACT.fontSize } : {}),
    margin: t.note ? [0, 4, 0, 2] : (t.margin ?? [0, 4, 0, 10]),
  };
  const whole = (t.boldRows?.length ?? 0) > 0 && t.rows.length <= SHORT_TABLE ? { unbreakable: true } : {};
  return t.note ? { stack: [node, { text: t.note, style: 'note', margin: [0, 0, 0, 10] }], ...whole } : { ...node, ...whole };
}

function boldCell(c: Cell): Cell {
  return typeof c === 'string' ? { text: c, bold: true } : { ...c, bold: true };
}

/** A small key–value table without a caption (profile, summary figures). */
export function facts(rows: [string, string][], widths: (number | string)[] = [170, '*']): PdfNode {
  return {
    table: { widths, body: rows.map(([k, v]) => [{ text: k, bold: true }, wrap(v)]), dontBreakRows: true },
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
        width: 240,
        stack: [
          ...(lead ? [lead] : []),
          ...(date ? [place ? `${place}, ${date}` : date] : place ? [`${place}, ....................`] : []),
          { text: person.title, margin: [0, 0, 0, 52] },
          { text: person.name, bold: true, decoration: 'underline' },
          ...(person.rank ? [person.rank] : []),
          ...(person.nip ? [`NIP ${person.nip}`] : []),
        ],
        fontSize: 10,
        lineHeight: 1.25,
        alignment: 'center',
      },
    ],
    unbreakable: true,
    margin: [0, 18, 0, 0],
  };
}
