/**
 * An annotated copy of an OPD's own workbook: every problem cell coloured by
 * severity with its message added to the cell's note, and a first sheet
 * "Catatan Pemeriksaan" listing the findings (each with a link to its cell)
 * and the evidence still missing.
 *
 * The copy is written from the original package, changing only the parts it
 * must (the workbook, its relationships and content types, the style sheet,
 * the sheets whose cells are marked, their notes), so that whatever else the
 * OPD's program stored — drawings, images, printer settings, defined names,
 * hidden sheets, protection, validations, extensions kla knows nothing of —
 * survives as it was. The same inputs give the same bytes: no clock is read,
 * zip entry times come from `date`, output order is fixed.
 */
import { KlaError, refusal } from '../diagnostics/index.js';
import type { Severity } from '../model.js';
import { FEEDBACK_MARKER, SHEETS, sheetOfReference } from './layout.js';
import { addNotes, ShapeIds, type NoteText } from './annotate-notes.js';
import { StyleBook, styleIndex } from './annotate-styles.js';
import { feedbackSheetXml, HIGHLIGHT, type FeedbackSheetSpec } from './feedback-sheet.js';
import {
  CONTENT_TYPE,
  NS,
  Package,
  PackageError,
  REL,
  addContentType,
  addRelationship,
  appendEdit,
  applyEdits,
  attr,
  child,
  children,
  colLetters,
  decodeXml,
  escapeAttr,
  escapeText,
  inner,
  insertInOrder,
  isTrue,
  parseRef,
  prefixFor,
  prefixOf,
  quoteSheet,
  refOf,
  relationships,
  relsPathOf,
  resolveTarget,
  rootElement,
  withAttr,
  type Edit,
  type Element,
} from './ooxml.js';
import { checkContainer, LIMITS } from './sniff.js';

export type { FeedbackRow, FeedbackSection, FeedbackSheetSpec } from './feedback-sheet.js';
export { HIGHLIGHT } from './feedback-sheet.js';

/** One problem at one cell. Several on one cell share its note; the most severe colours it. */
export interface CellAnnotation {
  sheet: string;
  cell: string;
  severity: Severity;
  message: string;
}

export interface AnnotateInput {
  annotations: CellAnnotation[];
  sheet: FeedbackSheetSpec;
  /** Author of the notes added, e.g. "DPPPA Kabupaten Merangin". */
  author: string;
  /** First line of what is added to a note, e.g. "Catatan pemeriksaan DPPPA, 12 Desember 2026:". */
  noteHeading: string;
  /** Time stamp of the zip entries; nothing else in the output depends on a clock. */
  date: Date;
}

/**
 * The annotated copy of `original` (which is not changed). Annotations on
 * sheets that do not exist or are hidden, and on cells that are not A1
 * references, colour nothing; the feedback sheet still lists them, without a
 * link where the sheet cannot be shown. A feedback sheet from an earlier run
 * is replaced.
 */
export async function annotateWorkbook(original: Buffer, input: AnnotateInput): Promise<Buffer> {
  const verdict = await checkContainer(original, LIMITS);
  // The workbook cannot be annotated: refused with the diagnostic that says why.
  if (!verdict.ok) throw new KlaError([verdict.refusal]);
  try {
    return annotate(Package.read(new Uint8Array(original)), input);
  } catch (e) {
    if (e instanceof PackageError) throw refusal('KLA-E002', { detail: e.message });
    throw e;
  }
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

interface Mark {
  row: number;
  col: number;
  severity: Severity;
  messages: string[];
}

function annotate(pkg: Package, input: AnnotateInput): Buffer {
  const wbPart = workbookPart(pkg);
  let book = readBook(pkg, wbPart);
  const namesBefore = book.sheets.filter((s) => s.worksheet).map((s) => s.name);
  for (const old of book.sheets.filter((s) => s.feedback).reverse()) {
    removeSheet(pkg, wbPart, old);
    book = readBook(pkg, wbPart);
  }
  const stylesRel = relationships(pkg, wbPart).find((r) => r.type === REL.styles);
  const styles = StyleBook.open(pkg, wbPart, stylesRel ? resolveTarget(wbPart, stylesRel.target) : undefined);
  const shapeIds = new ShapeIds(pkg);

  // Problem cells, grouped by sheet; only sheets an officer can see are marked.
  const marks = new Map<string, Map<string, Mark>>();
  const merges = new Map<string, [Ref, Ref][]>();
  for (const a of input.annotations) {
    const sheet = book.sheets.find((s) => s.name === a.sheet) ?? book.sheets.find((s) => s.name.toLowerCase() === a.sheet.toLowerCase());
    const at = parseRef(a.cell);
    if (!sheet?.part || !sheet.worksheet || sheet.state !== 'visible' || !at || !pkg.has(sheet.part)) continue;
    if (!merges.has(sheet.part)) merges.set(sheet.part, mergedRanges(pkg.text(sheet.part)!));
    const { col, row } = masterOf(merges.get(sheet.part)!, at);
    const ref = refOf(col, row);
    const byCell = marks.get(sheet.part) ?? new Map<string, Mark>();
    marks.set(sheet.part, byCell);
    const m = byCell.get(ref) ?? { row, col, severity: a.severity, messages: [] };
    if (RANK[a.severity] > RANK[m.severity]) m.severity = a.severity;
    if (!m.messages.includes(a.message)) m.messages.push(a.message);
    byCell.set(ref, m);
  }

  for (const sheet of book.sheets) {
    if (!sheet.part || !pkg.has(sheet.part) || !sheet.part.endsWith('.xml')) continue;
    let xml = pkg.text(sheet.part)!;
    const original = xml;
    const byCell = sheet.worksheet ? marks.get(sheet.part) : undefined;
    if (byCell) {
      const sorted = [...byCell.entries()].sort(([, a], [, b]) => a.row - b.row || a.col - b.col);
      xml = markCells(xml, sorted.map(([, m]) => m), styles);
      const notes: NoteText[] = sorted.map(([ref, m]) => ({ ref, row: m.row, col: m.col, lines: m.messages.length > 1 ? m.messages.map((t) => `• ${t}`) : m.messages }));
      xml = addNotes(pkg, sheet.part, xml, notes, { author: input.author, heading: input.noteHeading, shapeIds });
    }
    // The feedback sheet becomes the one selected tab; another selected tab (chart sheets too) would group the sheets.
    xml = unselectTab(xml);
    if (xml !== original) pkg.setText(sheet.part, xml);
  }

  const visible = new Set(book.sheets.filter((s) => s.state === 'visible' && s.worksheet).map((s) => s.name));
  const part = pkg.freeName('xl/worksheets/sheet', '.xml');
  pkg.setText(part, feedbackSheetXml(input.sheet, styles, (name) => visible.has(name)));
  const rid = addRelationship(pkg, wbPart, REL.worksheet, part);
  addContentType(pkg, part, CONTENT_TYPE.worksheet);
  insertFirstSheet(pkg, wbPart, rid);
  styles.save();
  updateAppTitles(pkg, namesBefore, [SHEETS.feedback, ...readBook(pkg, wbPart).sheets.filter((s) => s.worksheet && !s.feedback).map((s) => s.name)]);
  return pkg.write(input.date);
}

// ---------------------------------------------------------------------------
// The workbook part

interface SheetEntry {
  name: string;
  sheetId: number;
  rid: string;
  /** The sheet's part, when its relationship resolves. */
  part?: string;
  state: string;
  /** A worksheet (not a chart sheet or dialog sheet). */
  worksheet: boolean;
  /** kla's own feedback sheet (by its marker name, or by its sheet name). */
  feedback: boolean;
  index: number;
}

function workbookPart(pkg: Package): string {
  const rel = relationships(pkg, '').find((r) => r.type === REL.officeDocument);
  const part = rel ? resolveTarget('', rel.target) : 'xl/workbook.xml';
  if (!pkg.has(part)) throw new PackageError('no workbook part');
  return part;
}

function readBook(pkg: Package, wbPart: string): { xml: string; sheets: SheetEntry[] } {
  const xml = pkg.text(wbPart)!;
  const root = rootElement(xml);
  const rels = new Map(relationships(pkg, wbPart).map((r) => [r.id, r]));
  const sheetsEl = child(xml, root, 'sheets');
  if (!sheetsEl) throw new PackageError('workbook without sheets');
  const marked = markerSheet(xml, root);
  const sheets = children(xml, sheetsEl, 'sheet').map((el, index): SheetEntry => {
    const rid = [...el.tag.text.matchAll(/\s([\w.-]+:)?id\s*=\s*["']([^"']*)["']/g)].find((m) => m[1])?.[2] ?? '';
    const rel = rels.get(rid);
    const name = attr(el.tag, 'name') ?? '';
    return {
      name,
      sheetId: Number(attr(el.tag, 'sheetId')) || 0,
      rid,
      ...(rel && !rel.external ? { part: resolveTarget(wbPart, rel.target) } : {}),
      state: attr(el.tag, 'state') ?? 'visible',
      worksheet: rel?.type === REL.worksheet,
      feedback: rel?.type === REL.worksheet && (sameName(name, SHEETS.feedback) || (marked !== undefined && sameName(name, marked))),
      index,
    };
  });
  return { xml, sheets };
}

const sameName = (a: string, b: string) => a.normalize('NFKC').toLowerCase().trim() === b.normalize('NFKC').toLowerCase().trim();

/** The sheet the feedback marker name points at ('Catatan Pemeriksaan'!$A$1 -> Catatan Pemeriksaan). */
function markerSheet(xml: string, root: Element): string | undefined {
  const names = child(xml, root, 'definedNames');
  const el = names ? children(xml, names, 'definedName').find((d) => attr(d.tag, 'name') === FEEDBACK_MARKER) : undefined;
  return el ? sheetOfReference(decodeXml(inner(xml, el))) : undefined;
}


/** Insert the feedback sheet as the first tab, make it the active one, and mark it. */
function insertFirstSheet(pkg: Package, wbPart: string, rid: string): void {
  const { xml, sheets } = readBook(pkg, wbPart);
  const root = rootElement(xml);
  const p = prefixOf(root.tag);
  const sheetsEl = child(xml, root, 'sheets')!;
  const r = prefixFor(root.tag, NS.rel);
  const relAttr = r ? `${r}:id="${rid}"` : `xmlns:r="${NS.rel}" r:id="${rid}"`;
  const sheetId = Math.max(0, ...sheets.map((s) => s.sheetId)) + 1;
  const edits: Edit[] = [{ start: sheetsEl.tag.end, end: sheetsEl.tag.end, text: `<${p}sheet name="${escapeAttr(SHEETS.feedback)}" sheetId="${sheetId}" ${relAttr}/>` }];

  const views = child(xml, root, 'bookViews');
  for (const v of views ? children(xml, views, 'workbookView') : []) {
    let tag = v.tag.text;
    if (attr(tag, 'activeTab') !== undefined) tag = withAttr(tag, 'activeTab', '0');
    if (attr(tag, 'firstSheet') !== undefined) tag = withAttr(tag, 'firstSheet', '0');
    if (tag !== v.tag.text) edits.push({ start: v.tag.start, end: v.tag.end, text: tag });
  }

  // Sheet-scoped names (print titles, filters) count sheets by position: one more sheet in front.
  const marker = `<${p}definedName name="${FEEDBACK_MARKER}" hidden="1">${escapeText(`${quoteSheet(SHEETS.feedback)}!$A$1`)}</${p}definedName>`;
  const names = child(xml, root, 'definedNames');
  if (names) {
    for (const d of children(xml, names, 'definedName')) {
      const local = attr(d.tag, 'localSheetId');
      if (local !== undefined && /^\d+$/.test(local)) edits.push({ start: d.tag.start, end: d.tag.end, text: withAttr(d.tag.text, 'localSheetId', String(Number(local) + 1)) });
    }
    edits.push(appendEdit(names, marker));
  } else {
    const followers = ['calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];
    edits.push(insertInOrder(xml, root, followers, `<${p}definedNames>${marker}</${p}definedNames>`));
  }
  pkg.setText(wbPart, applyEdits(xml, edits));
}

/** Take out a feedback sheet of an earlier run: its tab, relationship, content type, part and scoped names. */
function removeSheet(pkg: Package, wbPart: string, sheet: SheetEntry): void {
  const { xml } = readBook(pkg, wbPart);
  const root = rootElement(xml);
  const el = children(xml, child(xml, root, 'sheets')!, 'sheet')[sheet.index]!;
  const edits: Edit[] = [{ start: el.tag.start, end: el.end, text: '' }];
  const names = child(xml, root, 'definedNames');
  const all = names ? children(xml, names, 'definedName') : [];
  for (const d of all) {
    const local = attr(d.tag, 'localSheetId');
    const n = local !== undefined && /^\d+$/.test(local) ? Number(local) : undefined;
    if (attr(d.tag, 'name') === FEEDBACK_MARKER || n === sheet.index) edits.push({ start: d.tag.start, end: d.end, text: '' });
    else if (n !== undefined && n > sheet.index) edits.push({ start: d.tag.start, end: d.tag.end, text: withAttr(d.tag.text, 'localSheetId', String(n - 1)) });
  }
  const views = child(xml, root, 'bookViews');
  for (const v of views ? children(xml, views, 'workbookView') : []) {
    let tag = v.tag.text;
    for (const key of ['activeTab', 'firstSheet']) {
      const at = Number(attr(tag, key));
      if (at > sheet.index) tag = withAttr(tag, key, String(at - 1));
      else if (at === sheet.index) tag = withAttr(tag, key, '0');
    }
    if (tag !== v.tag.text) edits.push({ start: v.tag.start, end: v.tag.end, text: tag });
  }
  let out = applyEdits(xml, edits);
  // A definedNames left empty is not allowed by the schema.
  out = out.replace(/<((?:\w+:)?definedNames)\s*>\s*<\/\1>|<(?:\w+:)?definedNames\s*\/>/, '');
  pkg.setText(wbPart, out);

  removeRelationship(pkg, wbPart, sheet.rid);
  if (sheet.part) {
    removeOverride(pkg, sheet.part);
    pkg.remove(sheet.part);
    pkg.remove(relsPathOf(sheet.part));
  }
}

function removeRelationship(pkg: Package, part: string, id: string): void {
  const relsPath = relsPathOf(part);
  const xml = pkg.text(relsPath);
  if (xml === undefined) return;
  const el = children(xml, rootElement(xml), 'Relationship').find((r) => attr(r.tag, 'Id') === id);
  if (el) pkg.setText(relsPath, applyEdits(xml, [{ start: el.tag.start, end: el.end, text: '' }]));
}

function removeOverride(pkg: Package, part: string): void {
  const name = '[Content_Types].xml';
  const xml = pkg.text(name)!;
  const el = children(xml, rootElement(xml), 'Override').find((o) => (attr(o.tag, 'PartName') ?? '').toLowerCase() === `/${part}`.toLowerCase());
  if (el) pkg.setText(name, applyEdits(xml, [{ start: el.tag.start, end: el.end, text: '' }]));
}

/**
 * docProps/app.xml lists the sheet names for file browsers. It is updated
 * only where it lists exactly the sheets the workbook had; anything else in
 * it is another program's business and left alone.
 */
function updateAppTitles(pkg: Package, before: string[], after: string[]): void {
  const rel = relationships(pkg, '').find((r) => r.type === REL.extendedProperties);
  const part = rel ? resolveTarget('', rel.target) : 'docProps/app.xml';
  const xml = pkg.text(part);
  if (xml === undefined) return;
  const root = rootElement(xml);
  const pairsVec = (() => {
    const hp = child(xml, root, 'HeadingPairs');
    return hp ? child(xml, hp, 'vector') : undefined;
  })();
  const titlesVec = (() => {
    const tp = child(xml, root, 'TitlesOfParts');
    return tp ? child(xml, tp, 'vector') : undefined;
  })();
  if (!pairsVec || !titlesVec) return;
  const variants = children(xml, pairsVec, 'variant');
  const titles = children(xml, titlesVec, 'lpstr');
  let offset = 0;
  for (let i = 0; i + 1 < variants.length; i += 2) {
    const countEl = children(xml, variants[i + 1]!, 'i4')[0];
    const count = countEl ? Number(inner(xml, countEl)) : NaN;
    if (!countEl || !Number.isInteger(count)) return;
    const slice = titles.slice(offset, offset + count).map((t) => decodeXml(inner(xml, t)));
    if (count === before.length && slice.length === count && slice.every((s, k) => s === before[k])) {
      const first = titles[offset];
      const lastEl = titles[offset + count - 1];
      const vt = titles[0]?.tag.name ?? 'vt:lpstr';
      const list = after.map((s) => `<${vt}>${escapeText(s)}</${vt}>`).join('');
      const edits: Edit[] = [
        { start: countEl.tag.end, end: countEl.close, text: String(after.length) },
        { start: titlesVec.tag.start, end: titlesVec.tag.end, text: withAttr(titlesVec.tag.text, 'size', String(titles.length - count + after.length)) },
        first && lastEl ? { start: first.tag.start, end: lastEl.end, text: list } : { start: titlesVec.close, end: titlesVec.close, text: list },
      ];
      pkg.setText(part, applyEdits(xml, edits));
      return;
    }
    offset += count;
  }
}

// ---------------------------------------------------------------------------
// Cells

/** sheetData is required in every worksheet. */
function sheetDataOf(xml: string, root: Element): Element {
  const data = child(xml, root, 'sheetData');
  if (!data) throw new PackageError('worksheet without sheetData');
  return data;
}

type Ref = { col: number; row: number };

/** Merged ranges of a sheet as [top-left, bottom-right]. */
function mergedRanges(xml: string): [Ref, Ref][] {
  const root = rootElement(xml);
  const merges = child(xml, root, 'mergeCells');
  return (merges ? children(xml, merges, 'mergeCell') : []).flatMap((m) => {
    const [a, b] = (attr(m.tag, 'ref') ?? '').split(':').map((x) => parseRef(x));
    return a && b ? [[a, b] as [Ref, Ref]] : [];
  });
}

/** A cell inside a merged range is shown through the range's top-left cell: mark that one. */
function masterOf(ranges: [Ref, Ref][], at: Ref): Ref {
  const hit = ranges.find(([a, b]) => at.col >= a.col && at.col <= b.col && at.row >= a.row && at.row <= b.row);
  return hit ? hit[0] : at;
}

interface RowInfo {
  el: Element;
  r: number;
  explicit: boolean;
}

/**
 * Give each marked cell a copy of its own style with the severity's fill.
 * A cell missing from the XML is created with the style it shows (its row's or
 * column's), so that only its fill changes.
 */
function markCells(xml: string, marks: Mark[], styles: StyleBook): string {
  const root = rootElement(xml);
  const p = prefixOf(root.tag);
  const data = sheetDataOf(xml, root);
  const validXf = (s: number) => (s >= 0 && s < styles.cellXfCount ? s : 0);

  const colStyle = new Map<number, number>();
  const cols = child(xml, root, 'cols');
  for (const c of cols ? children(xml, cols, 'col') : []) {
    const s = styleIndex(c.tag.text);
    if (!s) continue;
    const min = Number(attr(c.tag, 'min'));
    const max = Math.min(Number(attr(c.tag, 'max')), 16384);
    for (let i = min; i <= max; i++) colStyle.set(i, s);
  }

  const rows: RowInfo[] = [];
  let last = 0;
  for (const el of children(xml, data, 'row')) {
    const explicit = attr(el.tag, 'r');
    last = explicit !== undefined && Number(explicit) > 0 ? Number(explicit) : last + 1;
    rows.push({ el, r: last, explicit: explicit !== undefined });
  }
  const byRow = new Map<number, Mark[]>();
  for (const m of marks) byRow.set(m.row, [...(byRow.get(m.row) ?? []), m]);
  const newRows = [...byRow.keys()].filter((r) => !rows.some((x) => x.r === r)).sort((a, b) => a - b);

  const edits: Edit[] = [];
  // New rows between existing ones shift rows numbered by position: give every row its number.
  const numberAll = newRows.length > 0 && rows.some((x) => !x.explicit);
  for (const info of rows) {
    const ms = byRow.get(info.r);
    let tag = info.el.tag.text;
    if (numberAll && !info.explicit) tag = withAttr(tag, 'r', String(info.r));
    if (!ms) {
      if (tag !== info.el.tag.text) edits.push({ start: info.el.tag.start, end: info.el.tag.end, text: tag });
      continue;
    }
    const rowStyle = isTrue(attr(tag, 'customFormat')) ? styleIndex(tag) : 0;
    const cells = children(xml, info.el, 'c');
    let col = 0;
    const cellCols = cells.map((c) => {
      const ref = attr(c.tag, 'r');
      col = (ref ? parseRef(ref)?.col : undefined) ?? col + 1;
      return col;
    });
    const inserts = ms.filter((m) => !cellCols.includes(m.col));
    const numberCells = inserts.length > 0 && cells.some((c) => attr(c.tag, 'r') === undefined);
    const cellEdits: Edit[] = [];
    cells.forEach((c, i) => {
      let ct = c.tag.text;
      if (numberCells && attr(ct, 'r') === undefined) ct = withAttr(ct, 'r', refOf(cellCols[i]!, info.r));
      const m = ms.find((x) => x.col === cellCols[i]);
      if (m) ct = withAttr(ct, 's', String(styles.withFill(validXf(styleIndex(ct)), HIGHLIGHT[m.severity])));
      if (ct !== c.tag.text) cellEdits.push({ start: c.tag.start, end: c.tag.end, text: ct });
    });
    const newCell = (m: Mark) => `<${p}c r="${refOf(m.col, info.r)}" s="${styles.withFill(validXf(rowStyle || colStyle.get(m.col) || 0), HIGHLIGHT[m.severity])}"/>`;
    for (const m of inserts) {
      const before = cells.findIndex((_, i) => cellCols[i]! > m.col);
      if (before >= 0) cellEdits.push({ start: cells[before]!.tag.start, end: cells[before]!.tag.start, text: newCell(m) });
      else if (!info.el.tag.selfClosing) cellEdits.push({ start: info.el.close, end: info.el.close, text: newCell(m) });
    }
    tag = widenSpans(tag, ms.map((m) => m.col));
    if (info.el.tag.selfClosing) {
      edits.push({ start: info.el.tag.start, end: info.el.end, text: `${tag.replace(/\s*\/>$/, '>')}${inserts.map(newCell).join('')}</${info.el.tag.name}>` });
    } else {
      if (tag !== info.el.tag.text) edits.push({ start: info.el.tag.start, end: info.el.tag.end, text: tag });
      edits.push(...cellEdits);
    }
  }
  for (const r of newRows) {
    const cells = byRow.get(r)!.sort((a, b) => a.col - b.col);
    const text = `<${p}row r="${r}">${cells.map((m) => `<${p}c r="${refOf(m.col, r)}" s="${styles.withFill(validXf(colStyle.get(m.col) ?? 0), HIGHLIGHT[m.severity])}"/>`).join('')}</${p}row>`;
    const next = rows.find((x) => x.r > r);
    edits.push(next ? { start: next.el.tag.start, end: next.el.tag.start, text } : appendEdit(data, text));
  }
  // Several inserts at one place: keep them in row order (stable sort keeps push order).
  let out = applyEdits(xml, mergeInserts(edits));
  out = widenDimension(out, marks);
  return out;
}

/** Zero-width inserts at the same place become one edit, in the order they were made. */
function mergeInserts(edits: Edit[]): Edit[] {
  const out: Edit[] = [];
  for (const e of edits) {
    const prev = out.find((x) => x.start === e.start && x.end === e.start && e.end === e.start);
    if (prev) prev.text += e.text;
    else out.push({ ...e });
  }
  return out;
}

function widenSpans(tag: string, cols: number[]): string {
  const spans = attr(tag, 'spans');
  const m = spans ? /^(\d+):(\d+)$/.exec(spans) : null;
  if (!m) return tag;
  const lo = Math.min(Number(m[1]), ...cols);
  const hi = Math.max(Number(m[2]), ...cols);
  return lo === Number(m[1]) && hi === Number(m[2]) ? tag : withAttr(tag, 'spans', `${lo}:${hi}`);
}

function widenDimension(xml: string, marks: Mark[]): string {
  const root = rootElement(xml);
  const dim = child(xml, root, 'dimension');
  const ref = dim ? attr(dim.tag, 'ref') : undefined;
  if (!dim || !ref) return xml;
  const [a, b] = ref.split(':').map((x) => parseRef(x));
  if (!a) return xml;
  const end = b ?? a;
  const c1 = Math.min(a.col, ...marks.map((m) => m.col));
  const r1 = Math.min(a.row, ...marks.map((m) => m.row));
  const c2 = Math.max(end.col, ...marks.map((m) => m.col));
  const r2 = Math.max(end.row, ...marks.map((m) => m.row));
  const next = `${colLetters(c1)}${r1}:${colLetters(c2)}${r2}`;
  if (next === ref || (c1 === c2 && r1 === r2)) return xml;
  return applyEdits(xml, [{ start: dim.tag.start, end: dim.tag.end, text: withAttr(dim.tag.text, 'ref', next) }]);
}

function unselectTab(xml: string): string {
  const root = rootElement(xml);
  const views = child(xml, root, 'sheetViews');
  const edits: Edit[] = [];
  for (const v of views ? children(xml, views, 'sheetView') : []) {
    if (isTrue(attr(v.tag, 'tabSelected'))) edits.push({ start: v.tag.start, end: v.tag.end, text: withAttr(v.tag.text, 'tabSelected', undefined) });
  }
  return edits.length > 0 ? applyEdits(xml, edits) : xml;
}
