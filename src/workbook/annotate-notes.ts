/**
 * Cell notes ("legacy comments"): the text lives in a comments part, and a
 * VML drawing holds the box Excel and LibreOffice show on hover. Both are
 * extended in place: a note that already exists (the template's instruction)
 * keeps its text and gets the new paragraphs after it; a cell without a note
 * gets a new one. New notes go at the end of both parts, in the same order,
 * because some readers (exceljs) pair note texts and boxes by position.
 */
import {
  CONTENT_TYPE,
  NS,
  type Package,
  REL,
  XML_DECL,
  addContentType,
  addRelationship,
  appendEdit,
  applyEdits,
  attr,
  attrs,
  child,
  children,
  decodeXml,
  escapeText,
  inner,
  insertInOrder,
  isTrue,
  prefixFor,
  prefixOf,
  relationships,
  resolveTarget,
  rootElement,
  type Edit,
  type Element,
} from './ooxml.js';

export interface NoteText {
  /** A1 reference, 1-based row and column. */
  ref: string;
  row: number;
  col: number;
  /** Paragraphs added under the heading. */
  lines: string[];
}

export interface NoteOptions {
  author: string;
  heading: string;
  shapeIds: ShapeIds;
}

/** worksheet children that come after legacyDrawing in the schema. */
const AFTER_LEGACY_DRAWING = ['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst', 'AlternateContent'];

/** Add notes to the cells of one sheet; returns the sheet's XML (with a legacyDrawing added when it had none). */
export function addNotes(pkg: Package, sheetPart: string, sheetXml: string, notes: NoteText[], opts: NoteOptions): string {
  if (notes.length === 0) return sheetXml;
  const rels = relationships(pkg, sheetPart);
  let xml = sheetXml;

  const commentsRel = rels.find((r) => r.type === REL.comments && !r.external && pkg.has(resolveTarget(sheetPart, r.target)));
  let commentsPart = commentsRel ? resolveTarget(sheetPart, commentsRel.target) : undefined;
  if (!commentsPart) {
    commentsPart = pkg.freeName('xl/comments', '.xml');
    pkg.setText(commentsPart, `${XML_DECL}<comments xmlns="${NS.main}"><authors/><commentList/></comments>`);
    addRelationship(pkg, sheetPart, REL.comments, commentsPart);
    addContentType(pkg, commentsPart, CONTENT_TYPE.comments);
  }

  let root = rootElement(xml);
  const legacy = child(xml, root, 'legacyDrawing');
  const legacyId = legacy ? attrs(legacy.tag).find(([n]) => n.endsWith(':id'))?.[1] : undefined;
  const vmlRel = legacyId ? rels.find((r) => r.id === legacyId && r.type === REL.vmlDrawing) : undefined;
  let vmlPart = vmlRel ? resolveTarget(sheetPart, vmlRel.target) : undefined;
  if (!vmlPart || !pkg.has(vmlPart)) {
    vmlPart = pkg.freeName('xl/drawings/vmlDrawing', '.vml');
    pkg.setText(vmlPart, newVml(opts.shapeIds.newBlock()));
    const id = addRelationship(pkg, sheetPart, REL.vmlDrawing, vmlPart);
    addContentType(pkg, vmlPart, CONTENT_TYPE.vml, true);
    const r = prefixFor(root.tag, NS.rel);
    const el = r ? `<${prefixOf(root.tag)}legacyDrawing ${r}:id="${id}"/>` : `<${prefixOf(root.tag)}legacyDrawing xmlns:r="${NS.rel}" r:id="${id}"/>`;
    // A legacyDrawing that pointed nowhere is replaced rather than duplicated.
    const edit: Edit = legacy ? { start: legacy.tag.start, end: legacy.end, text: el } : insertInOrder(xml, root, AFTER_LEGACY_DRAWING, el);
    xml = applyEdits(xml, [edit]);
    root = rootElement(xml);
  }

  const texts = editComments(pkg, commentsPart, notes, opts);
  editVml(pkg, vmlPart, notes, texts, geometry(xml), opts.shapeIds);
  return xml;
}

// ---------------------------------------------------------------------------
// The comments part

/** Writes the note texts; returns each note's whole text (for sizing its box) and whether it existed. */
function editComments(pkg: Package, part: string, notes: NoteText[], opts: NoteOptions): Map<string, { text: string; existed: boolean }> {
  let xml = pkg.text(part)!;
  let root = rootElement(xml);
  const p = prefixOf(root.tag);

  // Authors first: adding one may create the list.
  let authors = child(xml, root, 'authors');
  const names = authors ? children(xml, authors, 'author').map((a) => decodeXml(inner(xml, a))) : [];
  let authorId = names.indexOf(opts.author);
  if (authorId < 0) {
    authorId = names.length;
    const el = `<${p}author>${escapeText(opts.author)}</${p}author>`;
    xml = applyEdits(xml, [authors ? appendEdit(authors, el) : { start: root.tag.end, end: root.tag.end, text: `<${p}authors>${el}</${p}authors>` }]);
    root = rootElement(xml);
  }
  let list = child(xml, root, 'commentList');
  if (!list) {
    authors = child(xml, root, 'authors')!;
    xml = applyEdits(xml, [{ start: authors.end, end: authors.end, text: `<${p}commentList/>` }]);
    root = rootElement(xml);
    list = child(xml, root, 'commentList')!;
  }

  const existing = new Map(children(xml, list, 'comment').map((c) => [(attr(c.tag, 'ref') ?? '').toUpperCase(), c]));
  const edits: Edit[] = [];
  const added: string[] = [];
  const out = new Map<string, { text: string; existed: boolean }>();
  for (const n of notes) {
    const c = existing.get(n.ref);
    const body = n.lines.join('\n');
    if (c) {
      const text = child(xml, c, 'text');
      if (!text) continue;
      const { edit, plain } = appendRuns(xml, text, p, opts.heading, body);
      edits.push(edit);
      out.set(n.ref, { text: `${plain}\n\n${opts.heading}\n${body}`, existed: true });
    } else {
      const runs = `<${p}r><${p}rPr><${p}b/>${NOTE_FONT(p)}</${p}rPr><${p}t xml:space="preserve">${escapeText(opts.heading)}</${p}t></${p}r>` +
        `<${p}r><${p}rPr>${NOTE_FONT(p)}</${p}rPr><${p}t xml:space="preserve">${escapeText(`\n${body}`)}</${p}t></${p}r>`;
      added.push(`<${p}comment ref="${n.ref}" authorId="${authorId}"><${p}text>${runs}</${p}text></${p}comment>`);
      out.set(n.ref, { text: `${opts.heading}\n${body}`, existed: false });
    }
  }
  if (added.length > 0) edits.push(appendEdit(list, added.join('')));
  pkg.setText(part, applyEdits(xml, edits));
  return out;
}

/** Excel's own note font. */
const NOTE_FONT = (p: string) => `<${p}sz val="9"/><${p}color indexed="81"/><${p}rFont val="Tahoma"/><${p}family val="2"/>`;

/**
 * Runs appended after a note's existing text, in the font of its last run
 * (bold for the heading). Every run names its font: a run without one is
 * shown by LibreOffice in the previous run's font, bold included. A note
 * stored as plain text (`<t>` without runs, as openpyxl writes it) becomes one
 * run first: runs and a bare `<t>` do not mix.
 */
function appendRuns(xml: string, text: Element, p: string, heading: string, body: string): { edit: Edit; plain: string } {
  const kids = children(xml, text);
  const runs = kids.filter((k) => k.tag.local === 'r');
  const bare = kids.find((k) => k.tag.local === 't');
  const plain = [...(bare ? [bare] : []), ...runs.flatMap((r) => children(xml, r, 't'))].map((t) => decodeXml(inner(xml, t))).join('');
  const lastRun = runs[runs.length - 1];
  const rPr = lastRun ? child(xml, lastRun, 'rPr') : undefined;
  const own = rPr ? inner(xml, rPr).replace(/<(\w+:)?b(\s[^>]*)?\/>|<(\w+:)?b(\s[^>]*)?>\s*<\/(\w+:)?b>/g, '') : '';
  const base = /<(\w+:)?(rFont|sz)\b/.test(own) ? own : NOTE_FONT(p);
  const added =
    `<${p}r><${p}rPr><${p}b/>${base}</${p}rPr><${p}t xml:space="preserve">${escapeText(`\n\n${heading}`)}</${p}t></${p}r>` +
    `<${p}r><${p}rPr>${base}</${p}rPr><${p}t xml:space="preserve">${escapeText(`\n${body}`)}</${p}t></${p}r>`;
  if (text.tag.selfClosing) return { edit: appendEdit(text, added), plain };
  if (bare && runs.length === 0) {
    return { edit: { start: bare.tag.start, end: bare.end, text: `<${p}r>${xml.slice(bare.tag.start, bare.end)}</${p}r>${added}` }, plain };
  }
  // After the last run; phonetic runs (rPh) and properties, if any, stay after the text.
  const at = (runs[runs.length - 1] ?? bare)?.end ?? text.close;
  return { edit: { start: at, end: at, text: added }, plain };
}

// ---------------------------------------------------------------------------
// The VML drawing

/** Shape ids: each VML part owns blocks of 1,024 ids (its o:idmap); ids are unique in the workbook. */
export class ShapeIds {
  private maxBlock = 0;
  private readonly maxId = new Map<string, number>();

  constructor(pkg: Package) {
    for (const name of pkg.names().filter((n) => n.toLowerCase().endsWith('.vml'))) {
      const xml = pkg.text(name) ?? '';
      for (const m of xml.matchAll(/idmap\b[^>]*\bdata\s*=\s*["']([\d,\s]+)["']/g)) {
        for (const d of m[1]!.split(',')) this.maxBlock = Math.max(this.maxBlock, Number(d) || 0);
      }
      let max = 0;
      for (const m of xml.matchAll(/\bid\s*=\s*["']_x0000_s(\d+)["']/g)) max = Math.max(max, Number(m[1]));
      this.maxId.set(name, max);
      this.maxBlock = Math.max(this.maxBlock, Math.floor(max / 1024));
    }
  }

  /** A block for a new VML part. */
  newBlock(): number {
    return ++this.maxBlock;
  }

  next(part: string, block: number | undefined): number {
    const id = Math.max(this.maxId.get(part) ?? 0, (block ?? this.maxBlock) * 1024) + 1;
    this.maxId.set(part, id);
    return id;
  }
}

function newVml(block: number): string {
  return (
    `<xml xmlns:v="${NS.vml}" xmlns:o="${NS.office}" xmlns:x="${NS.excel}">` +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>${SHAPETYPE}</xml>`
  );
}

const SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

/** Width of a note box; its height follows the text. */
const BOX_WIDTH_PX = 300;
/** Tahoma 9 pt averages about 6 px a character. */
const CHARS_PER_LINE = 46;

function boxHeightPx(text: string): number {
  const lines = text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / CHARS_PER_LINE)), 0);
  return Math.min(1200, Math.max(60, lines * 15 + 12));
}

/**
 * VML is edited as text, never parsed as XML: Excel's VML is not always
 * well-formed, and prefixes differ between writers (v:shape, ns0:shape).
 */
function editVml(pkg: Package, part: string, notes: NoteText[], texts: Map<string, { text: string; existed: boolean }>, geo: Geometry, ids: ShapeIds): void {
  let xml = pkg.text(part)!;
  const shapes = vmlShapes(xml);
  const edits: Edit[] = [];
  const added: string[] = [];
  const rootTag = /<xml\b[^>]*>/.exec(xml)?.[0] ?? '';
  const bound = [NS.vml, NS.office, NS.excel].every((ns) => new RegExp(`xmlns:(v|o|x)\\s*=\\s*["']${ns.replace(/[.:]/g, '\\$&')}["']`).test(rootTag));
  const declare = bound ? '' : ` xmlns:v="${NS.vml}" xmlns:o="${NS.office}" xmlns:x="${NS.excel}"`;
  const block = Number(/idmap\b[^>]*\bdata\s*=\s*["'](\d+)/.exec(xml)?.[1]) || undefined;

  for (const n of notes) {
    const t = texts.get(n.ref);
    if (!t) continue;
    const anchor = anchorFor(geo, n.row - 1, n.col - 1, BOX_WIDTH_PX, boxHeightPx(t.text));
    const shape = shapes.get(`${n.row - 1},${n.col - 1}`);
    if (shape) {
      // The box of an existing note grows to show the added text (hover shows the box as stored).
      let s = xml.slice(shape.start, shape.end);
      s = s.replace(/(<(?:\w+:)?Anchor>)[^<]*(<\/(?:\w+:)?Anchor>)/, `$1${anchor.cells}$2`);
      if (!/<(\w+:)?Anchor>/.test(s)) s = s.replace(/(<(\w+:)?ClientData\b[^>]*>)/, `$1<${shape.excelPrefix}Anchor>${anchor.cells}</${shape.excelPrefix}Anchor>`);
      s = s.replace(/(\sstyle\s*=\s*["'])([^"']*)/, (_, head: string, style: string) => head + resizeStyle(style, anchor));
      edits.push({ start: shape.start, end: shape.end, text: s });
    } else {
      added.push(newShape(ids.next(part, block), n, anchor, declare));
    }
  }
  if (added.length > 0) {
    const close = xml.lastIndexOf('</xml>');
    if (close < 0) throw new Error('VML drawing without </xml>');
    const needsType = !/\bid\s*=\s*["']_x0000_t202["']/.test(xml);
    const typeDecl = needsType ? (declare ? SHAPETYPE.replace('<v:shapetype ', `<v:shapetype${declare} `) : SHAPETYPE) : '';
    edits.push({ start: close, end: close, text: typeDecl + added.join('') });
  }
  xml = applyEdits(xml, edits);
  pkg.setText(part, xml);
}

interface VmlShape {
  start: number;
  end: number;
  excelPrefix: string;
}

/** Note shapes of a VML part by "row,column" (0-based, as x:Row and x:Column hold them). */
function vmlShapes(xml: string): Map<string, VmlShape> {
  const out = new Map<string, VmlShape>();
  for (const m of xml.matchAll(/<((?:[\w.-]+:)?shape)\b/g)) {
    const start = m.index!;
    const close = xml.indexOf(`</${m[1]}>`, start);
    if (close < 0) continue;
    const end = close + m[1]!.length + 3;
    const s = xml.slice(start, end);
    const data = /<((?:[\w.-]+:)?)ClientData\b([^>]*)>/.exec(s);
    if (!data || !/ObjectType\s*=\s*["']Note["']/.test(data[2]!)) continue;
    const row = /<(?:[\w.-]+:)?Row>\s*(\d+)\s*</.exec(s)?.[1];
    const col = /<(?:[\w.-]+:)?Column>\s*(\d+)\s*</.exec(s)?.[1];
    if (row === undefined || col === undefined) continue;
    const key = `${Number(row)},${Number(col)}`;
    if (!out.has(key)) out.set(key, { start, end, excelPrefix: data[1]! });
  }
  return out;
}

function newShape(id: number, n: NoteText, a: Anchor, declare: string): string {
  return (
    `<v:shape${declare} id="_x0000_s${id}" type="#_x0000_t202" style="${resizeStyle(`position:absolute;margin-left:${pt(a.leftPx)};margin-top:${pt(a.topPx)};z-index:1;visibility:hidden`, a)}" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${a.cells}</x:Anchor><x:AutoFill>False</x:AutoFill>` +
    `<x:Row>${n.row - 1}</x:Row><x:Column>${n.col - 1}</x:Column></x:ClientData></v:shape>`
  );
}

const pt = (px: number) => `${Math.round(px * 0.75 * 10) / 10}pt`;

function resizeStyle(style: string, a: Anchor): string {
  let s = style;
  const set = (key: string, value: string) => {
    const re = new RegExp(`(^|;)\\s*${key}\\s*:[^;]*`);
    s = re.test(s) ? s.replace(re, `$1${key}:${value}`) : s.replace(/;?\s*$/, `;${key}:${value}`);
  };
  set('width', pt(a.widthPx));
  set('height', pt(a.heightPx));
  return s;
}

// ---------------------------------------------------------------------------
// Geometry: where a box of a given size lands, in cells and pixel offsets

interface Geometry {
  colPx(c0: number): number;
  rowPx(r0: number): number;
}

interface Anchor {
  /** x:Anchor: LeftColumn, LeftOffset, TopRow, TopOffset, RightColumn, RightOffset, BottomRow, BottomOffset. */
  cells: string;
  leftPx: number;
  topPx: number;
  widthPx: number;
  heightPx: number;
}

/** Column widths and row heights of a sheet, in pixels at 96 dpi (Calibri 11: 7 px per character). */
function geometry(xml: string): Geometry {
  const root = rootElement(xml);
  const fmt = child(xml, root, 'sheetFormatPr');
  const defaultWidth = Number(fmt ? attr(fmt.tag, 'defaultColWidth') : undefined) || (Number(fmt ? attr(fmt.tag, 'baseColWidth') : undefined) || 8) + 0.43;
  const defaultHeight = Number(fmt ? attr(fmt.tag, 'defaultRowHeight') : undefined) || 15;
  const widths = new Map<number, number>();
  const cols = child(xml, root, 'cols');
  for (const c of cols ? children(xml, cols, 'col') : []) {
    const min = Number(attr(c.tag, 'min'));
    const max = Math.min(Number(attr(c.tag, 'max')), min + 16384);
    const w = isTrue(attr(c.tag, 'hidden')) ? 0 : Number(attr(c.tag, 'width') ?? defaultWidth);
    for (let i = min; i <= max && i <= 16384; i++) widths.set(i - 1, w);
  }
  const heights = new Map<number, number>();
  const data = child(xml, root, 'sheetData');
  let r = 0;
  for (const row of data ? children(xml, data, 'row') : []) {
    r = Number(attr(row.tag, 'r')) || r + 1;
    const ht = attr(row.tag, 'ht');
    if (isTrue(attr(row.tag, 'hidden'))) heights.set(r - 1, 0);
    else if (ht !== undefined) heights.set(r - 1, Number(ht));
  }
  const px = (w: number) => (w <= 0 ? 0 : Math.trunc(((256 * w + Math.trunc(128 / 7)) / 256) * 7));
  return {
    colPx: (c0) => px(widths.get(c0) ?? defaultWidth),
    rowPx: (r0) => Math.round(((heights.get(r0) ?? defaultHeight) * 96) / 72),
  };
}

/** Excel's default place for a note: one column right of the cell, from the row above. */
function anchorFor(g: Geometry, r0: number, c0: number, widthPx: number, heightPx: number): Anchor {
  const left = c0 + 1;
  const leftOff = 15;
  const top = Math.max(0, r0 - 1);
  const topOff = r0 === 0 ? 2 : 10;
  const [right, rightOff] = advance(left, leftOff, widthPx, g.colPx, 16383);
  const [bottom, bottomOff] = advance(top, topOff, heightPx, g.rowPx, 1048575);
  let leftPx = leftOff;
  for (let i = 0; i < left; i++) leftPx += g.colPx(i);
  let topPx = topOff;
  for (let i = 0; i < top; i++) topPx += g.rowPx(i);
  return { cells: [left, leftOff, top, topOff, right, rightOff, bottom, bottomOff].join(', '), leftPx, topPx, widthPx, heightPx };
}

function advance(start: number, offset: number, length: number, size: (i: number) => number, last: number): [number, number] {
  let i = start;
  let o = offset + length;
  while (i < last && o > size(i)) {
    o -= size(i);
    i++;
  }
  return [i, Math.round(o)];
}
