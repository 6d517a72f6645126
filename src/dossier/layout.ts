/**
 * A document from its outline: A4, a running header, the front matter
 * (cover, front pages such as Lembar Pengesahan and Kata Pengantar, Daftar Isi,
 * Daftar Tabel and Daftar Gambar) numbered i, ii, iii, and the body numbered
 * from 1. Every heading, caption and list entry comes from the outline's
 * numbering.
 *
 * pdfmake numbers pages only from the first page and has no way to print a
 * table of contents with other numbers, so the document is laid out in two
 * steps. First the front matter (with placeholder page numbers) and the body,
 * laid out with only their first page drawn: they say on which page each
 * heading and caption lands and how many pages each part takes. Each chapter
 * and annex starts a page of its own, so it breaks exactly as alone; a part in
 * which a heading must move to the next page is laid out again alone, so that
 * the move makes pdfmake lay out again only that part. Then the whole
 * document, with those numbers filled in and those page breaks set. The front
 * matter has the same size in both steps (page numbers sit in fixed-width
 * cells), so the numbers are right; a disagreement stops the build.
 */
import type { PdfNode, NodeInfo, PageNodes } from './parts.js';
import { COLORS, keep, keepWithTable, markedTable, PAGE, STYLES } from './parts.js';
import { numberOutline, roman, type Entry, type Numbering, type Part } from './outline.js';
import { renderPdf, type DocDefinition } from './render.js';

export interface FrontPage {
  id: string;
  /** Its heading, e.g. "LEMBAR PENGESAHAN"; listed in the table of contents. */
  title: string;
  body: PdfNode[];
}

export interface DocumentSpec {
  /** The document's title: the running header and the PDF's title. */
  title: string;
  info: { author: string; subject: string; keywords: string };
  /** The PDF's creation date (and so its id): from the inputs, never the clock. */
  date: Date;
  /** The cover page (page i, its number not printed). */
  cover: PdfNode[];
  /** Front pages after the cover, before the lists. */
  front: FrontPage[];
  /** Daftar Tabel and Daftar Gambar, when the document has tables or figures. */
  lists: { tables: boolean; figures: boolean };
  outline: Part[];
  /** A word across every page (DRAF, CONTOH), and its colour. */
  watermark?: { text: string; color: string } | undefined;
  /** Shown at the right of the running header (e.g. "DRAF, BELUM FINAL"). */
  badge?: string | undefined;
  /** Images by name, as data URLs checked by the caller (the district emblem). */
  images?: Record<string, string>;
}

export interface Rendered {
  pdf: Buffer;
  pages: number;
  /** Front matter pages (numbered i, ii …, the cover included). */
  frontPages: number;
  numbering: Numbering;
}

/**
 * Record on which page each node with an id lands, besides keeping headings
 * with their tables. With `move`, a heading that keeping needs on the next page
 * is moved there (pdfmake then lays the document out again) and named in
 * `breaks`; without, it stays, and the page it would leave is noted in `wanted`.
 */
function pageRecorder(move: boolean): { pages: Map<string, number>; breaks: Set<string>; wanted: Set<number>; hook: (node: NodeInfo, nodes: PageNodes) => boolean } {
  const pages = new Map<string, number>();
  const breaks = new Set<string>();
  const wanted = new Set<number>();
  const started = new Set<string>();
  return {
    pages,
    breaks,
    wanted,
    hook: (node, nodes) => {
      const page = node.pageNumbers.length > 0 ? Math.min(...node.pageNumbers) : undefined;
      if (node.id !== undefined && page !== undefined) {
        // A table's caption is in its header row, which pdfmake lays out again on every page the
        // table reaches, so the caption's place is the table's last page; its first row says where it starts.
        const table = markedTable(node.id);
        if (table !== undefined) started.add(table);
        if (!started.has(node.id)) pages.set(node.id, page);
        if (table !== undefined) pages.set(table, page);
      }
      if (!keepWithTable(node, nodes)) return false;
      if (!move) {
        if (page !== undefined) wanted.add(page);
        return false;
      }
      if (node.id !== undefined) breaks.add(node.id);
      return true;
    },
  };
}

/**
 * The body with the page breaks its own layout step found, set in advance.
 * pdfmake lays the whole document out again for every break a hook adds; the
 * body starts on a page of its own, so it breaks in the whole document exactly
 * where it broke alone, and the whole is laid out once.
 */
function withBreaks(body: PdfNode[], breaks: ReadonlySet<string>): PdfNode[] {
  return body.map((n) => (typeof n === 'object' && typeof n.id === 'string' && breaks.has(n.id) ? { ...n, pageBreak: 'before' } : n));
}

/** The node ids of headings and captions (pdfmake ids must be unique; outline ids may look like anything). */
export const nodeId = (outlineId: string) => `kla-${outlineId}`;

/**
 * Where each heading and caption of some body nodes lands, counting from their
 * first page, and how many pages they take: a layout, of which only the first
 * page is drawn.
 */
async function measure(spec: DocumentSpec, body: PdfNode[], frontNodes: PdfNode[], move = true): Promise<{ pass: ReturnType<typeof pageRecorder>; pages: number }> {
  const pass = pageRecorder(move);
  let pages = 0;
  const def = definition(spec, body, frontNodes, pass.hook, 0);
  const footer = def.footer as (page: number, count: number) => unknown;
  await renderPdf({
    ...def,
    // pdfmake asks for every page's footer with the page count, after each layout (the last is the final one).
    footer: (page: number, count: number) => ((pages = count), footer(page, count)),
    // Laid out in full, drawn only as far as the first page: the rest are dropped before drawing.
    // (pdfmake reads 0 as "no limit", so 1 is the fewest it draws.)
    maxPagesNumber: 1,
  });
  return { pass, pages };
}

/** Render a document: laid out for the numbers, then the whole with them (see the module comment). */
export async function renderDocument(spec: DocumentSpec): Promise<Rendered> {
  const numbering = numberOutline(spec.outline);
  const parts = bodyNodes(spec.outline, numbering);

  // Step 1: where each heading and caption lands and how many pages the front matter and each part
  // take. The front matter's page numbers are placeholders of the same width as the numbers. Every
  // chapter and annex starts a page of its own, so it breaks in the body exactly as alone, and the body
  // starts on a page of its own after the front matter. Both are laid out once, with headings left where
  // they fall; the parts where one must move to the next page (to keep it with its table) are then laid
  // out alone, moving them, so that each move makes pdfmake lay out that part again, not the document.
  const placeholder = (_id: string) => '000';
  const frontNodes = front(spec, numbering, placeholder, placeholder);
  const all = await measure(spec, parts.flat(), frontNodes, false);
  const starts = spec.outline.map((p) => all.pass.pages.get(nodeId(p.id)));
  // The front matter ends on the page before the body's first heading (were that heading not found, it is laid out alone).
  const first = starts[0];
  const frontAlone = parts.length > 0 && first === undefined ? await measure(spec, [], frontNodes) : undefined;
  const frontPages = frontAlone?.pages ?? (first === undefined ? all.pages : first - 1);
  const frontIds = frontAlone?.pass.pages ?? new Map([...all.pass.pages].filter(([, p]) => p <= frontPages));
  const bodyPages = new Map<string, number>();
  const breaks = new Set<string>();
  let bodyPageCount = 0;
  for (const [k, part] of parts.entries()) {
    const start = starts[k];
    const next = starts[k + 1];
    const end = k + 1 < parts.length ? (next === undefined ? undefined : next - 1) : all.pages;
    const settled = start !== undefined && end !== undefined && ![...all.pass.wanted].some((p) => p >= start && p <= end);
    if (settled) {
      for (const [id, p] of all.pass.pages) if (p >= start && p <= end) bodyPages.set(id, bodyPageCount + p - start + 1);
      bodyPageCount += end - start + 1;
      continue;
    }
    const { pass, pages } = await measure(spec, part, []);
    for (const [id, p] of pass.pages) bodyPages.set(id, bodyPageCount + p);
    for (const id of pass.breaks) breaks.add(id);
    bodyPageCount += pages;
  }

  // Step 2: the whole document with the numbers filled in.
  const bodyPage = (id: string) => {
    const p = bodyPages.get(nodeId(id));
    return p === undefined ? '' : String(p);
  };
  const frontPage = (id: string) => {
    const p = frontIds.get(nodeId(id));
    return p === undefined ? '' : roman(p).toLowerCase();
  };
  const body = parts.flat();
  // A table's caption, and pdfmake's named destination with it, is set again on every page the table
  // reaches (the last one stays): the lists link a table or figure to the page it starts on instead.
  const linkTo = (e: Entry): Record<string, unknown> => {
    if (e.kind !== 'table' && e.kind !== 'figure') return { linkToDestination: nodeId(e.id) };
    const p = bodyPages.get(nodeId(e.id));
    return p === undefined ? {} : { linkToPage: frontPages + p };
  };
  const whole = definition(spec, withBreaks(body, breaks), front(spec, numbering, bodyPage, frontPage, linkTo), undefined, frontPages);
  const pdf = await renderPdf(whole);
  const pages = countPages(pdf);
  if (pages !== frontPages + bodyPageCount) {
    // The two steps disagreeing would mean wrong numbers in the table of contents: never ship that.
    throw new Error(`layout steps disagree: ${frontPages} + ${bodyPageCount} pages laid out, ${pages} rendered`);
  }
  return { pdf, pages, frontPages, numbering };
}

/** Pages of a PDF written by pdfkit (uncompressed page objects). */
export function countPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
}

function definition(spec: DocumentSpec, body: PdfNode[], frontNodes: PdfNode[], hook: ((n: NodeInfo, p: PageNodes) => boolean) | undefined, frontPages: number): DocDefinition {
  // The body's first chapter breaks the page after the front matter; alone, it starts the document.
  const content = frontNodes.length === 0 ? stripFirstBreak(body) : [...frontNodes, ...body];
  const bodyOnly = frontNodes.length === 0 && body.length > 0;
  const frontOnly = body.length === 0;
  const pageLabel = (page: number) => (bodyOnly ? String(page) : frontOnly || page <= frontPages ? roman(page).toLowerCase() : String(page - frontPages));
  return {
    pageSize: 'A4',
    pageMargins: [...PAGE.margins],
    language: 'id-ID',
    info: { title: spec.title, author: spec.info.author, subject: spec.info.subject, keywords: spec.info.keywords, creator: spec.info.author, producer: spec.info.author, creationDate: spec.date },
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    styles: STYLES,
    images: spec.images ?? {},
    ...(spec.watermark ? { watermark: { text: spec.watermark.text, color: spec.watermark.color, opacity: 0.1, bold: true, fontSize: spec.watermark.text.length > 5 ? 96 : 120 } } : {}),
    header: (page: number) =>
      !bodyOnly && page === 1
        ? { text: '' }
        : {
            stack: [
              {
                columns: [
                  { text: spec.title, width: '*' },
                  { text: spec.badge ?? '', width: 'auto', bold: true, color: COLORS.alert },
                ],
              },
              { canvas: [{ type: 'line', x1: 0, y1: 3, x2: PAGE.width, y2: 3, lineWidth: 0.5, lineColor: COLORS.rule }] },
            ],
            margin: [PAGE.margins[0], 34, PAGE.margins[2], 0],
            fontSize: 8,
            color: COLORS.muted,
          },
    footer: (page: number) => (!bodyOnly && page === 1 ? { text: '' } : { text: pageLabel(page), alignment: 'center', fontSize: 9, margin: [0, 26, 0, 0] }),
    ...(hook ? { pageBreakBefore: hook } : {}),
    content,
  };
}

function stripFirstBreak(nodes: PdfNode[]): PdfNode[] {
  const [first, ...rest] = nodes;
  if (first === undefined || typeof first === 'string') return nodes;
  const { pageBreak: _pageBreak, ...plain } = first;
  return [plain, ...rest];
}

/** Headings from the outline, each with its id (for the page look-up) and a bookmark; the nodes of each chapter and annex apart. */
function bodyNodes(parts: readonly Part[], n: Numbering): PdfNode[][] {
  let out: PdfNode[] = [];
  const heading = (p: Part, style: string, parent?: string): PdfNode => {
    const e = n.entry(p.id);
    const text = p.kind === 'chapter' || p.kind === 'annex' ? `${e.label}\n${e.title.toUpperCase()}` : `${e.label} ${e.title}`;
    return { text, style, id: nodeId(p.id), outline: true, outlineText: `${e.label} ${e.title}`, ...(parent ? { outlineParentId: nodeId(parent) } : {}) };
  };
  const walk = (p: Part, depth: number, parent?: string) => {
    const h = heading(p, depth === 0 ? 'chapter' : depth === 1 ? 'h2' : 'h3', parent);
    const content = p.body?.(n) ?? [];
    // A page break sits on a wrapper: pdfmake tells the page of a node only when the node itself does not break.
    // Chapters and annexes start a new page; a section's heading stays with what follows it.
    if (depth === 0) out.push({ stack: [h], pageBreak: 'before' }, ...content);
    else out.push(...keep(h, content));
    for (const c of p.parts ?? []) walk(c, depth + 1, p.id);
  };
  return parts.map((p) => {
    out = [];
    walk(p, 0);
    return out;
  });
}

/** The front matter: cover, front pages, then the lists with page numbers as given. */
function front(spec: DocumentSpec, n: Numbering, bodyPage: (id: string) => string, frontPage: (id: string) => string, links?: (e: Entry) => Record<string, unknown>): PdfNode[] {
  const out: PdfNode[] = [...spec.cover];
  for (const f of spec.front) {
    out.push({ stack: [{ text: f.title, style: 'chapter', id: nodeId(f.id), outline: true, outlineText: f.title }], pageBreak: 'before' }, ...f.body);
  }
  const contents: Entry[] = [
    ...spec.front.map((f): Entry => ({ id: f.id, kind: 'chapter', label: '', title: f.title, depth: 0 })),
    ...n.entries.filter((e) => e.kind !== 'table' && e.kind !== 'figure'),
  ];
  const frontIds = new Set(spec.front.map((f) => f.id));
  const page = (id: string) => (frontIds.has(id) ? frontPage(id) : bodyPage(id));
  out.push(list('toc', 'DAFTAR ISI', contents, page, links));
  const tables = n.entries.filter((e) => e.kind === 'table');
  const figures = n.entries.filter((e) => e.kind === 'figure');
  if (spec.lists.tables && tables.length > 0) out.push(list('tables', 'DAFTAR TABEL', tables, page, links));
  if (spec.lists.figures && figures.length > 0) out.push(list('figures', 'DAFTAR GAMBAR', figures, page, links));
  return out;
}

/** One list (contents, tables, figures): entries with dotted leaders and right-aligned page numbers in a fixed column. */
function list(id: string, title: string, entries: readonly Entry[], page: (id: string) => string, links: ((e: Entry) => Record<string, unknown>) | undefined): PdfNode {
  const rows = entries.map((e) => {
    const top = e.depth === 0;
    const text = e.kind === 'chapter' || e.kind === 'annex' ? (e.label ? `${e.label} ${e.title.toUpperCase()}` : e.title) : `${e.label} ${e.title}`;
    const link = links?.(e) ?? {};
    return [
      { text, margin: [e.depth * 16, top ? 5 : 1, 0, 0], bold: top && e.kind !== 'table' && e.kind !== 'figure', ...link },
      { text: page(e.id), alignment: 'right', margin: [0, top ? 5 : 1, 0, 0], ...link },
    ];
  });
  return {
    stack: [
      { text: title, style: 'chapter', id: nodeId(`list-${id}`), outline: true, outlineText: title },
      { table: { widths: ['*', 32], body: rows, dontBreakRows: true }, layout: 'noBorders', style: 'listEntry' },
    ],
    pageBreak: 'before',
  };
}
