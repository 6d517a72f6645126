/**
 * An .xlsx as kla reads it. The package's relationships say where the
 * workbook, its sheets, shared strings and styles are, whatever the writing
 * program named them; only those parts are inflated (each bounded and checked
 * by sniff.ts) and handed to exceljs's XML parsers. Notes, drawings, VML,
 * printer settings, external links and whatever else a writer stores are never
 * opened, so they cannot break a read. Cell values are interpreted here, from
 * the parsed XML, into plain data.
 */
import { posix } from 'node:path';
import type yauzl from 'yauzl';
import RelationshipsXform, { type Relationship } from 'exceljs/lib/xlsx/xform/core/relationships-xform.js';
import WorkbookXform from 'exceljs/lib/xlsx/xform/book/workbook-xform.js';
import SharedStringsXform from 'exceljs/lib/xlsx/xform/strings/shared-strings-xform.js';
import StylesXform from 'exceljs/lib/xlsx/xform/style/styles-xform.js';
import WorksheetXform, { type CellModel } from 'exceljs/lib/xlsx/xform/sheet/worksheet-xform.js';
import { slideFormula } from 'exceljs/lib/utils/shared-formula.js';
import { diag } from '../diagnostics/index.js';
import type { Diagnostic } from '../model.js';
import { inflatePart, partName, type Limits } from './sniff.js';
import { cellRef, parseCell } from './a1.js';

/** A cell's content as stored, before any interpretation against the catalog. */
export type RawValue =
  | { t: 'blank' }
  | { t: 'text'; text: string }
  /** `percent`: the cell's number format shows it as a percentage (0.875 shown as 87,5 %). */
  | { t: 'number'; value: number; percent: boolean }
  /** A calendar day, YYYY-MM-DD (Excel stores dates as day numbers; time of day is dropped). */
  | { t: 'date'; date: string }
  | { t: 'bool'; value: boolean }
  /** An Excel error value such as #DIV/0! or #N/A. */
  | { t: 'error'; error: string }
  /** A formula whose result the saving program never stored. */
  | { t: 'formula'; formula: string };

/** What a cell holds: its value, and the hyperlink and formula behind it when it has them. */
export interface CellContent {
  value: RawValue;
  link?: string;
  /** The formula, when `value` is its cached result. */
  formula?: string;
}

/** A problem that makes the file unreadable, as the diagnostic to report. */
export class Unreadable extends Error {
  constructor(readonly refusal: Diagnostic) {
    super(refusal.code);
  }
}

/** A worksheet of the workbook, in workbook order. */
export interface SheetEntry {
  name: string;
  /** The sheet's part, or null when the workbook names a sheet the package does not hold. */
  part: string | null;
}

export interface OpenedPackage {
  sheets: SheetEntry[];
  /** dcterms:modified of the core properties, as written (null when absent). */
  modified: string | null;
  /** The workbook is macro-enabled (.xlsm). */
  macro: boolean;
  /** The workbook's defined names (a marker kla writes names its feedback sheet). */
  definedNames: { name: string; ranges: string[] }[];
  /** The cells of a sheet, parsed on first use. */
  grid(sheet: SheetEntry): Promise<Grid>;
}

/**
 * Sheet elements kla never reads. Data validations matter most: exceljs
 * expands them cell by cell (millions of entries for whole columns). The rest
 * only cost parsing time. Unknown elements are skipped by the parser anyway.
 */
const IGNORED_NODES = [
  'sheetPr',
  'dimension',
  'dataValidations',
  'sheetViews',
  'cols',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'printOptions',
  'picture',
  'drawing',
  'sheetProtection',
  'tableParts',
  'conditionalFormatting',
  'extLst',
  'autoFilter',
  'rowBreaks',
  'sheetFormatPr',
] as const;

const REL = {
  officeDocument: /\/officeDocument$/,
  worksheet: /\/worksheet$/,
  sharedStrings: /\/sharedStrings$/,
  styles: /\/styles$/,
  hyperlink: /\/hyperlink$/,
  coreProperties: /\/core-properties$/,
} as const;

/** Open the package whose zip directory sniff.ts has accepted. Throws `Unreadable`. */
export async function openPackage(buf: Buffer, entries: readonly yauzl.Entry[], limits: Limits): Promise<OpenedPackage> {
  const byName = new Map(entries.filter((e) => !e.fileName.endsWith('/')).map((e) => [partName(e.fileName), e]));
  const text = (part: string): string | null => {
    const e = byName.get(part);
    if (!e) return null;
    const r = inflatePart(buf, e, limits);
    if (!r.ok) throw new Unreadable(r.refusal);
    return decodeXml(r.data);
  };
  const parse = async <T>(part: string, xml: string, parser: { parseStream(x: Iterable<string>): Promise<T> }): Promise<T> => {
    try {
      return await parser.parseStream(chunks(unprefixed(xml)));
    } catch (e) {
      throw new Unreadable(diag('KLA-E002', { detail: `${part}: ${(e as Error).message}` }));
    }
  };
  const rels = async (part: string): Promise<Relationship[]> => {
    const relsPart = relsPartOf(part);
    const xml = text(relsPart);
    return xml === null ? [] : ((await parse(relsPart, xml, new RelationshipsXform())) ?? []).filter((r) => r && typeof r.Target === 'string');
  };
  const target = (from: string, r: Relationship) => resolveTarget(from, r.Target);

  const rootRels = await rels('');
  const workbookPart = rootRels.filter((r) => REL.officeDocument.test(r.Type)).map((r) => target('', r))[0] ?? 'xl/workbook.xml';
  const workbookXml = text(workbookPart);
  if (workbookXml === null) throw new Unreadable(diag('KLA-E002', { detail: `${workbookPart} missing` }));
  const workbook = (await parse(workbookPart, workbookXml, new WorkbookXform())) ?? {};
  const bookRels = await rels(workbookPart);
  const relById = new Map(bookRels.map((r) => [r.Id, r]));
  const partOf = (type: RegExp) => bookRels.filter((r) => type.test(r.Type)).map((r) => target(workbookPart, r))[0];

  const sheets: SheetEntry[] = (workbook.sheets ?? []).flatMap((s) => {
    const r = relById.get(s.rId);
    // Chart sheets and dialog sheets have no cells to read.
    if (r && !REL.worksheet.test(r.Type)) return [];
    const part = r ? target(workbookPart, r) : null;
    return [{ name: String(s.name ?? ''), part: part !== null && byName.has(part) ? part : null }];
  });

  const sharedStringsPart = partOf(REL.sharedStrings);
  const sharedStringsXml = sharedStringsPart === undefined ? null : text(sharedStringsPart);
  const sharedStrings = new SharedStringsXform();
  if (sharedStringsXml !== null) await parse(sharedStringsPart!, sharedStringsXml, sharedStrings);
  const stylesPart = partOf(REL.styles);
  const stylesXml = stylesPart === undefined ? null : text(stylesPart);
  const styles = stylesXml === null ? null : new StylesXform();
  if (styles) await parse(stylesPart!, stylesXml!, styles);

  const corePart = rootRels.filter((r) => REL.coreProperties.test(r.Type)).map((r) => target('', r))[0] ?? 'docprops/core.xml';
  let modified: string | null = null;
  try {
    // Only a date for the dossier: a damaged core part is no reason to refuse the answers.
    modified = /<(?:[\w.-]+:)?modified\b[^>]*>([^<]*)</.exec(text(corePart) ?? '')?.[1]?.trim() ?? null;
  } catch {
    modified = null;
  }

  const contentTypes = text('[content_types].xml') ?? '';
  const macro = byName.has('xl/vbaproject.bin') || /macroEnabled/i.test(contentTypes);
  const context: CellContext = {
    sharedStrings,
    numFmt: (id) => (styles && id !== undefined ? (styles.getStyleModel(id)?.numFmt ?? undefined) : undefined),
    date1904: Boolean(workbook.properties?.date1904),
  };

  const grids = new Map<string, Promise<Grid>>();
  const load = async (sheet: SheetEntry): Promise<Grid> => {
    if (sheet.part === null) return new Grid(sheet.name, [], []);
    const xml = text(sheet.part)!;
    const model = await parse(sheet.part, xml, new WorksheetXform({ ignoreNodes: IGNORED_NODES }));
    if (!model) throw new Unreadable(diag('KLA-E002', { detail: `${sheet.part}: not a worksheet` }));
    const links = new Map((await rels(sheet.part)).filter((r) => REL.hyperlink.test(r.Type)).map((r) => [r.Id, r.Target]));
    return new Grid(sheet.name, cellsOf(model.rows ?? [], model.hyperlinks ?? [], links, context), model.mergeCells ?? []);
  };
  const definedNames = (workbook.definedNames ?? []).filter((d) => typeof d?.name === 'string').map((d) => ({ name: d.name, ranges: (d.ranges ?? []).map(String) }));
  return {
    sheets,
    modified,
    macro,
    definedNames,
    grid(sheet) {
      const key = sheet.part ?? `\u0000${sheet.name}`;
      let g = grids.get(key);
      if (!g) grids.set(key, (g = load(sheet)));
      return g;
    },
  };
}

// ---------------------------------------------------------------------------
// Parts and their XML

/** Text of an XML part: UTF-8, or UTF-16 when it starts with a byte-order mark; no BOM. */
function decodeXml(data: Buffer): string {
  if (data[0] === 0xff && data[1] === 0xfe) return data.subarray(2).toString('utf16le');
  if (data[0] === 0xfe && data[1] === 0xff) return Buffer.from(data.subarray(2)).swap16().toString('utf16le');
  const s = data.toString('utf8');
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

/**
 * The XML without the prefix of its root element's namespace. Some writers
 * (the .NET Open XML SDK among them) write `<x:worksheet xmlns:x=…>`; the
 * parsers match unprefixed names.
 */
function unprefixed(xml: string): string {
  const m = /^\s*(?:<\?[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<([A-Za-z_][\w.-]*):[A-Za-z_]/.exec(xml);
  if (!m) return xml;
  const p = m[1]!.replace(/[.]/g, '\\.');
  return xml.replace(new RegExp(`<(/?)${p}:`, 'g'), '<$1').replace(new RegExp(`xmlns:${p}=`), 'xmlns=');
}

/** The XML in pieces, so the parser never holds all of a large sheet's events at once. */
function* chunks(xml: string): Iterable<string> {
  const size = 64 * 1024;
  for (let i = 0; i < xml.length; i += size) yield xml.slice(i, i + size);
}

/** The relationships part of a part ('' is the package itself). */
const relsPartOf = (part: string) => (part === '' ? '_rels/.rels' : posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`));

/** A relationship target as a part name: relative to the source part's folder, or absolute from the package root. */
function resolveTarget(from: string, targetRef: string): string {
  let t = targetRef.trim().replace(/\\/g, '/');
  try {
    t = decodeURIComponent(t);
  } catch {
    // Not percent-encoded after all: use it as written.
  }
  const joined = t.startsWith('/') ? t : posix.join(from === '' ? '' : posix.dirname(from), t);
  return partName(posix.normalize(joined));
}

// ---------------------------------------------------------------------------
// Cells

interface CellContext {
  sharedStrings: SharedStringsXform;
  numFmt(styleId: number | undefined): string | undefined;
  date1904: boolean;
}

/** exceljs's cell type numbers (lib/doc/enums.js ValueType), as its sheet parser sets them. */
const TYPE = { number: 2, string: 3, formula: 6, boolean: 9, error: 10 } as const;

/** A cell at (row, column). Only cells with content are kept. */
interface GridCell {
  row: number;
  col: number;
  content: CellContent;
}

/**
 * Interpret every parsed cell: shared strings looked up, numbers in a date
 * format as calendar days, shared formulas given their text, hyperlinks
 * attached. Cells and rows without an address (allowed by the format) follow
 * the one before them. Nothing in a foreign file can make this throw: a
 * missing shared string or link is simply not there.
 */
function cellsOf(rows: readonly { number: number; cells: CellModel[] }[], hyperlinks: readonly { address?: string; rId?: string }[], links: Map<string, string>, ctx: CellContext): GridCell[] {
  const linkAt = new Map<string, string>();
  for (const h of hyperlinks) {
    const target = h?.rId !== undefined ? links.get(h.rId) : undefined;
    if (target && typeof h.address === 'string') for (const a of h.address.toUpperCase().split(':').slice(0, 1)) linkAt.set(a, target);
  }
  const placed: { row: number; col: number; m: CellModel & { styleId?: number; shareType?: string; si?: string; ref?: string } }[] = [];
  let lastRow = 0;
  for (const r of rows) {
    if (!r) continue;
    const rowNumber = Number.isInteger(r.number) && r.number > 0 ? r.number : lastRow + 1;
    lastRow = rowNumber;
    let lastCol = 0;
    for (const c of r.cells ?? []) {
      if (!c) continue;
      const at = typeof c.address === 'string' ? parseAddress(c.address) : null;
      const pos = at ?? { row: rowNumber, col: lastCol + 1 };
      lastCol = pos.col;
      placed.push({ row: pos.row, col: pos.col, m: c });
    }
  }
  // Shared formulas: the master (with its range) may come after cells that use it.
  const masters = new Map<string, { formula: string; address: string }>();
  for (const p of placed) {
    if (p.m.shareType === 'shared' && p.m.ref !== undefined && typeof p.m.formula === 'string' && p.m.si !== undefined) {
      masters.set(p.m.si, { formula: p.m.formula, address: addressOf(p.row, p.col) });
    }
  }
  const out: GridCell[] = [];
  for (const p of placed) {
    const address = addressOf(p.row, p.col);
    const numFmt = ctx.numFmt(p.m.styleId);
    let formula = typeof p.m.formula === 'string' ? p.m.formula : undefined;
    if (formula === undefined && p.m.shareType === 'shared' && p.m.si !== undefined) {
      const master = masters.get(p.m.si);
      if (master) {
        try {
          formula = slideFormula(master.formula, master.address, address);
        } catch {
          formula = master.formula;
        }
      } else {
        formula = '';
      }
    }
    let value: RawValue;
    if (formula !== undefined) {
      value = p.m.result === undefined || p.m.result === null ? { t: 'formula', formula } : scalar(p.m.result, numFmt, ctx);
    } else {
      value = p.m.type === TYPE.string ? stringValue(p.m.value, ctx) : scalar(p.m.value, numFmt, ctx, p.m.type);
    }
    const link = linkAt.get(address);
    if (value.t === 'blank' && link === undefined) continue;
    out.push({ row: p.row, col: p.col, content: { value, ...(link !== undefined ? { link } : {}), ...(formula !== undefined && value.t !== 'formula' ? { formula } : {}) } });
  }
  return out;
}

/** A string cell: a shared string (by index), an inline string, or rich text. */
function stringValue(v: unknown, ctx: CellContext): RawValue {
  const s = typeof v === 'number' ? ctx.sharedStrings.getString(v) : v;
  if (typeof s === 'string') return textValue(s);
  const runs = (s as { richText?: unknown } | undefined)?.richText;
  if (Array.isArray(runs)) return textValue(runs.map((r) => (typeof (r as { text?: unknown })?.text === 'string' ? (r as { text: string }).text : '')).join(''));
  return { t: 'blank' };
}

function scalar(v: unknown, numFmt: string | undefined, ctx: CellContext, type?: number): RawValue {
  if (v === null || v === undefined || v === '') return { t: 'blank' };
  if (type === TYPE.boolean || typeof v === 'boolean') return { t: 'bool', value: Boolean(v) };
  if (type === TYPE.error || (typeof v === 'object' && v !== null && 'error' in v)) return { t: 'error', error: String((v as { error?: unknown }).error ?? v) };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { t: 'error', error: '#NUM!' };
    if (isDateFormat(numFmt)) {
      const d = new Date(Math.round((v - 25569 + (ctx.date1904 ? 1462 : 0)) * 86_400_000));
      return Number.isNaN(d.getTime()) ? { t: 'error', error: '#VALUE!' } : { t: 'date', date: d.toISOString().slice(0, 10) };
    }
    return { t: 'number', value: v, percent: isPercentFormat(numFmt) };
  }
  if (typeof v === 'string') return textValue(v);
  return { t: 'blank' };
}

/**
 * Text as the user typed it. OOXML escapes characters XML cannot hold as
 * `_xHHHH_` (and a literal `_x…_` as `_x005F_x…_`); Excel shows them decoded.
 */
function textValue(s: string): RawValue {
  const decoded = s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
  return decoded === '' ? { t: 'blank' } : { t: 'text', text: decoded };
}

/** A number format shows percentages when it has a % outside quotes and escapes. */
function isPercentFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  return numFmt.replace(/"[^"]*"/g, '').replace(/\\./g, '').includes('%');
}

/** A number format shows a date or time (exceljs's rule, so values read as they always did). */
function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  return /[ymdhMsb]+/.test(numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

// ---------------------------------------------------------------------------
// The grid

/** Rows and columns looked at for merged cells; a merge reaching beyond is clipped, never enumerated. */
const MERGE_WINDOW = { rows: 4096, cols: 64 } as const;

const addressOf = (row: number, col: number) => cellRef({ row, col });

/** A cell reference inside the sheet's bounds (Excel's: 1 048 576 rows, 16 384 columns). */
function parseAddress(a: string): { row: number; col: number } | null {
  const p = parseCell(a);
  return p && p.row >= 1 && p.row <= 1_048_576 && p.col >= 1 && p.col <= 16_384 ? p : null;
}

const key = (row: number, col: number) => row * 16_384 + col;
const BLANK: CellContent = { value: { t: 'blank' } };

/** The cells of one sheet as plain data: look-ups by address, rows in order, merged ranges. */
export class Grid {
  private readonly cells = new Map<number, CellContent>();
  private readonly rows = new Map<number, GridCell[]>();
  private readonly slaves = new Set<number>();
  /** Merged ranges, normalised ("A1:C1"). */
  readonly merges: string[] = [];
  /** Row numbers with content, ascending. */
  readonly rowNumbers: number[];

  constructor(
    readonly name: string,
    cells: readonly GridCell[],
    merges: readonly string[],
  ) {
    for (const c of cells) {
      this.cells.set(key(c.row, c.col), c.content);
      const row = this.rows.get(c.row);
      if (row) row.push(c);
      else this.rows.set(c.row, [c]);
    }
    for (const row of this.rows.values()) row.sort((a, b) => a.col - b.col);
    this.rowNumbers = [...this.rows.keys()].sort((a, b) => a - b);
    for (const m of merges) {
      const [a, b = a] = String(m).split(':');
      const p = parseAddress(a ?? '');
      const q = parseAddress(b ?? '');
      if (!p || !q) continue;
      const [r1, r2] = [Math.min(p.row, q.row), Math.max(p.row, q.row)];
      const [c1, c2] = [Math.min(p.col, q.col), Math.max(p.col, q.col)];
      if (r1 === r2 && c1 === c2) continue;
      this.merges.push(`${addressOf(r1, c1)}:${addressOf(r2, c2)}`);
      // Every cell of a merged range but its top-left one is empty, whatever the file stores there.
      for (let r = r1; r <= Math.min(r2, MERGE_WINDOW.rows); r++) {
        for (let c = c1; c <= Math.min(c2, MERGE_WINDOW.cols); c++) if (r !== r1 || c !== c1) this.slaves.add(key(r, c));
      }
    }
  }

  /** The content at (row, column); blank when empty or covered by a merge. */
  at(row: number, col: number): CellContent {
    const k = key(row, col);
    if (this.slaves.has(k)) return BLANK;
    return this.cells.get(k) ?? BLANK;
  }

  /** The content at an A1 address. */
  get(address: string): CellContent {
    const p = parseAddress(address);
    return p ? this.at(p.row, p.col) : BLANK;
  }

  /** The cells of a row with content, by column. */
  row(row: number): readonly GridCell[] {
    return (this.rows.get(row) ?? []).filter((c) => !this.slaves.has(key(c.row, c.col)));
  }
}
