/**
 * Reading an OPD workbook into plain, serialisable data with provenance. This
 * is the only module that reads with exceljs. It records what the cells hold
 * (typed, with their A1 address) and what it noticed about the file; judging
 * the values against the catalog happens later, in src/validate.
 *
 * The output carries no exceljs objects, so a later `--jobs` can run this in a
 * worker thread and post the result back as is.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
// Only the in-memory Workbook: exceljs's package entry also loads its streaming
// reader and writer, which kla never uses (189 ms against 78 ms at start-up here).
import Workbook from 'exceljs/lib/doc/workbook.js';
import type { Diagnostic } from '../model.js';
import { diag } from '../diagnostics/index.js';
import {
  ANSWER_COLUMNS,
  ANSWER_FIRST_ROW,
  ANSWER_HEADER_ROW,
  FEEDBACK_MARKER,
  answerHeaders,
  IDENTITY_FIELDS,
  META_KEYS,
  SHEETS,
  sheetOfReference,
  type AnswerColumn,
  type IdentityKey,
  type MetaKey,
} from './layout.js';
import { checkContainer, LIMITS, type Limits } from './sniff.js';
import { cellRef, columnLetters, columnNumber, parseCell, parseRange } from './a1.js';
import { isProfileWorkbook, readProfileSheets, type ProfileWorkbookData } from './profile-read.js';

/** A cell's content as stored, before any interpretation. */
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

export interface RawCell {
  /** A1 address. */
  cell: string;
  value: RawValue;
  /** Hyperlink target, when the cell carries one. */
  link?: string;
  /** The formula, when `value` is its cached result. */
  formula?: string;
}

export interface AnswerRowData {
  row: number;
  cells: Record<AnswerColumn, RawCell>;
}

export interface WorkbookData {
  sheetNames: string[];
  /** When the workbook says it was last saved (docProps/core.xml), ISO 8601; null when it does not say. */
  savedAt: string | null;
  /** The hidden metadata sheet's key/value pairs, or null when the sheet is gone. */
  meta: { sheet: string; values: Partial<Record<MetaKey, RawCell>> } | null;
  identity: { sheet: string; fields: Partial<Record<IdentityKey, RawCell>> } | null;
  answers: { sheet: string; rows: AnswerRowData[] };
}

export type ReadResult =
  | { status: 'read'; file: string; sha256: string; data: WorkbookData; findings: Diagnostic[] }
  /** The DPPPA's profile workbook (profile-read.ts), never an OPD's answers. */
  | { status: 'profile'; file: string; sha256: string; data: ProfileWorkbookData; findings: Diagnostic[] }
  | { status: 'unreadable'; file: string; sha256?: string; findings: Diagnostic[] };

/**
 * Sheet parts the reader never uses. Data validations matter most: they can
 * expand to millions of entries on read. The rest (views, print setup,
 * protection, drawings) only cost parsing time. Cells, merges and hyperlinks
 * are kept.
 */
const IGNORED_NODES = [
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

/** How far the reader looks; cells outside are never visited. */
export const READ_BOUNDS = {
  /** Rows of the answer sheet after the header (274 questions fit with room for inserted rows). */
  answerRows: 3000,
  /** Columns checked for content beyond the layout (extra columns are reported, not read). */
  columns: 40,
  metaRows: 60,
  identityRows: 60,
} as const;

export interface ReadOptions {
  limits?: Limits;
}

/**
 * Read one file. `file` is the path shown in diagnostics (relative, '/'-separated);
 * `absPath` is where it is. Never throws for bad input: problems are findings.
 */
export async function readSubmissionFile(absPath: string, file: string, opts: ReadOptions = {}): Promise<ReadResult> {
  const limits = opts.limits ?? LIMITS;
  const size = (await stat(absPath)).size;
  if (size > limits.fileBytes) {
    return unreadable(file, undefined, diag('KLA-E009', { what: 'file', size: mb(size), limit: mb(limits.fileBytes) }));
  }
  const buf = await readFile(absPath);
  return readWorkbookBuffer(buf, file, opts);
}

/** Read a workbook already in memory (the bytes are hashed, sniffed, then parsed). */
export async function readWorkbookBuffer(buf: Buffer, file: string, opts: ReadOptions = {}): Promise<ReadResult> {
  const sha256 = createHash('sha256').update(buf).digest('hex');
  const verdict = await checkContainer(buf, opts.limits ?? LIMITS);
  if (!verdict.ok) return unreadable(file, sha256, verdict.refusal);

  const findings: Diagnostic[] = [];
  if (verdict.macro) findings.push(diag('KLA-W011', {}, { file }));

  const wb = new Workbook();
  try {
    // exceljs declares its own Buffer type (an ArrayBuffer); a Node Buffer is what it really reads.
    await wb.xlsx.load(buf as unknown as Parameters<typeof wb.xlsx.load>[0], { ignoreNodes: [...IGNORED_NODES] });
  } catch (e) {
    return unreadable(file, sha256, diag('KLA-E002', { detail: (e as Error).message }));
  }

  // kla's own feedback sheet (in an annotated copy sent back by the OPD) holds no answers: it is
  // never taken for an answer, identity or metadata sheet, and does not count among the sheets.
  const own = feedbackSheets(wb);
  const sheets = wb.worksheets.filter((s) => !own.has(s));
  if (isProfileWorkbook(sheets)) return { status: 'profile', file, sha256, data: readProfileSheets(sheets, wb.modified, file, findings), findings };
  const find = (name: string, looksRight: (ws: ExcelJS.Worksheet) => boolean) => {
    const byName = sheets.find((s) => norm(s.name) === norm(name));
    if (byName) return byName;
    const byContent = sheets.find(looksRight);
    if (byContent) findings.push(diag('KLA-W102', { expected: name, found: byContent.name }, { file, sheet: byContent.name }));
    return byContent;
  };

  const answersWs = find(SHEETS.answers, isAnswerSheet);
  if (!answersWs) {
    return { status: 'unreadable', file, sha256, findings: [...findings, diag('KLA-E101', { sheet: SHEETS.answers }, { file })] };
  }
  findings.push(...copiesOfAnswerSheet(sheets, answersWs, file));
  const metaWs = find(SHEETS.meta, isMetaSheet);
  const identityWs = find(SHEETS.identity, isIdentitySheet);

  const data: WorkbookData = {
    sheetNames: sheets.map((s) => s.name),
    savedAt: plausibleDate(wb.modified),
    meta: metaWs ? { sheet: metaWs.name, values: readMeta(metaWs) } : null,
    identity: identityWs ? { sheet: identityWs.name, fields: readIdentity(identityWs) } : null,
    answers: { sheet: answersWs.name, rows: readAnswerRows(answersWs, file, findings) },
  };
  return { status: 'read', file, sha256, data, findings };
}

/** The feedback sheet by its name, or by the marker name that follows it when an officer renames it. */
function feedbackSheets(wb: ExcelJS.Workbook): Set<ExcelJS.Worksheet> {
  const marker = wb.definedNames.model.find((d) => d.name === FEEDBACK_MARKER)?.ranges[0];
  const marked = marker ? sheetOfReference(marker) : undefined;
  return new Set(wb.worksheets.filter((ws) => norm(ws.name) === norm(SHEETS.feedback) || (marked !== undefined && norm(ws.name) === norm(marked))));
}

function unreadable(file: string, sha256: string | undefined, refusal: Diagnostic): ReadResult {
  return { status: 'unreadable', file, ...(sha256 ? { sha256 } : {}), findings: [{ ...refusal, location: { file } }] };
}

// ---------------------------------------------------------------------------
// Sheets

export const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
const colLetter = (c: AnswerColumn) => ANSWER_COLUMNS[c];

/** Headers compared whatever data years they name ("Jawaban (data tahun 2025)"). */
const headerKey = (s: string) => norm(s).replace(/(?<!\d)(?:19|20)\d{2}(?!\d)/g, '#');
const HEADER_KEYS = Object.fromEntries(Object.entries(answerHeaders({ evaluated: 2001, previous: 2000 })).map(([c, h]) => [c, headerKey(h)])) as Record<AnswerColumn, string>;

/** A renamed answer sheet still has the template's column headers. */
function isAnswerSheet(ws: ExcelJS.Worksheet): boolean {
  const row = ws.findRow(ANSWER_HEADER_ROW);
  if (!row) return false;
  const cols = Object.keys(ANSWER_COLUMNS) as AnswerColumn[];
  const hits = cols.filter((c) => headerKey(cellText(row.getCell(colLetter(c)))) === HEADER_KEYS[c]).length;
  return hits >= 6;
}

/**
 * Another sheet with the answer sheet's headers ("Jawaban (2)", made by
 * copying the sheet) holding answers that the sheet read does not: only one
 * answer sheet is read, so those would be lost unseen. A copy kept as it is
 * (a backup) loses nothing and is no finding; a feedback sheet or any sheet
 * without those headers is never taken for a copy.
 */
function copiesOfAnswerSheet(sheets: ExcelJS.Worksheet[], read: ExcelJS.Worksheet, file: string): Diagnostic[] {
  const lastRow = (ws: ExcelJS.Worksheet) => Math.min(ws.rowCount, ANSWER_FIRST_ROW + READ_BOUNDS.answerRows - 1);
  const answerOf = (ws: ExcelJS.Worksheet, r: number) => cellText(ws.getCell(`${colLetter('answer')}${r}`));
  const idOf = (ws: ExcelJS.Worksheet, r: number) => cellText(ws.getCell(`${colLetter('id')}${r}`));
  let readAnswers: Map<string, string> | undefined;
  const out: Diagnostic[] = [];
  for (const ws of sheets) {
    if (ws === read || !isAnswerSheet(ws)) continue;
    if (!readAnswers) {
      readAnswers = new Map();
      for (let r = ANSWER_FIRST_ROW; r <= lastRow(read); r++) readAnswers.set(idOf(read, r), answerOf(read, r));
    }
    const differing: string[] = [];
    for (let r = ANSWER_FIRST_ROW; r <= lastRow(ws); r++) {
      const answer = answerOf(ws, r);
      if (answer !== '' && readAnswers.get(idOf(ws, r)) !== answer) differing.push(`${colLetter('answer')}${r}`);
    }
    if (differing.length > 0) out.push(diag('KLA-E119', { sheet: ws.name, read: read.name, answers: differing.length }, { file, sheet: ws.name, cell: differing[0]! }));
  }
  return out;
}

function isMetaSheet(ws: ExcelJS.Worksheet): boolean {
  const keys = new Set<string>(META_KEYS);
  let hits = 0;
  for (let r = 1; r <= READ_BOUNDS.metaRows; r++) if (keys.has(cellText(ws.findCell(r, 1)))) hits++;
  return hits >= 4;
}

function isIdentitySheet(ws: ExcelJS.Worksheet): boolean {
  const hits = IDENTITY_FIELDS.filter((f) => norm(cellText(ws.getCell(`B${parseCell(f.cell)!.row}`))) === norm(f.label)).length;
  return hits >= 6;
}

function readMeta(ws: ExcelJS.Worksheet): Partial<Record<MetaKey, RawCell>> {
  const keys = new Set<string>(META_KEYS);
  const out: Partial<Record<MetaKey, RawCell>> = {};
  for (let r = 1; r <= READ_BOUNDS.metaRows; r++) {
    const k = cellText(ws.findCell(r, 1));
    if (keys.has(k) && !(k in out)) out[k as MetaKey] = readCell(ws, `B${r}`);
  }
  return out;
}

/**
 * Identity values sit in column C beside their label in column B. When rows
 * were inserted the labels move; the n-th occurrence of a label (labels such as
 * "NIP" repeat per section) still finds its value.
 */
function readIdentity(ws: ExcelJS.Worksheet): Partial<Record<IdentityKey, RawCell>> {
  const out: Partial<Record<IdentityKey, RawCell>> = {};
  const labelRows = new Map<string, number[]>();
  for (let r = 1; r <= READ_BOUNDS.identityRows; r++) {
    const t = norm(cellText(ws.findCell(r, 2)));
    if (t) labelRows.set(t, [...(labelRows.get(t) ?? []), r]);
  }
  const seen = new Map<string, number>();
  for (const f of IDENTITY_FIELDS) {
    const label = norm(f.label);
    const nth = seen.get(label) ?? 0;
    seen.set(label, nth + 1);
    const row = parseCell(f.cell)!.row;
    const atLayout = norm(cellText(ws.findCell(row, 2))) === label;
    const found = atLayout ? row : labelRows.get(label)?.[nth];
    out[f.key] = readCell(ws, found !== undefined ? `C${found}` : f.cell);
  }
  return out;
}

function readAnswerRows(ws: ExcelJS.Worksheet, file: string, findings: Diagnostic[]): AnswerRowData[] {
  const cols = Object.keys(ANSWER_COLUMNS) as AnswerColumn[];
  const lastLayoutCol = Math.max(...cols.map((c) => columnNumber(colLetter(c))));
  const lastRow = ANSWER_FIRST_ROW + READ_BOUNDS.answerRows - 1;
  const rows: AnswerRowData[] = [];
  const extraCols = new Set<number>();

  for (let r = ANSWER_FIRST_ROW; r <= Math.min(ws.rowCount, lastRow); r++) {
    const row = ws.findRow(r);
    if (!row || !row.hasValues) continue;
    const cells = Object.fromEntries(cols.map((c) => [c, readCell(ws, `${colLetter(c)}${r}`)])) as Record<AnswerColumn, RawCell>;
    if (cols.some((c) => cells[c].value.t !== 'blank')) rows.push({ row: r, cells });
    if (row.cellCount > lastLayoutCol) {
      for (let c = lastLayoutCol + 1; c <= Math.min(row.cellCount, READ_BOUNDS.columns); c++) {
        if (rawValue(row.getCell(c)).value.t !== 'blank') extraCols.add(c);
      }
    }
  }
  if (ws.rowCount > lastRow && hasValuesAfter(ws, lastRow)) {
    findings.push(diag('KLA-W015', { row: lastRow }, { file, sheet: ws.name, cell: `A${lastRow + 1}` }));
  }
  if (extraCols.size > 0) {
    const letters = [...extraCols].sort((a, b) => a - b).map(columnLetters);
    findings.push(diag('KLA-I207', { columns: letters.join(', ') }, { file, sheet: ws.name, cell: `${letters[0]}${ANSWER_HEADER_ROW}` }));
  }
  const answerCols = (['answer', 'previous', 'evidence', 'note'] as const).map((c) => columnNumber(colLetter(c)));
  const [minC, maxC] = [Math.min(...answerCols), Math.max(...answerCols)];
  for (const range of ws.model.merges ?? []) {
    const r = parseRange(range);
    if (!r) continue;
    if (r.to.row >= ANSWER_FIRST_ROW && r.to.col >= minC && r.from.col <= maxC) {
      findings.push(diag('KLA-W208', { range }, { file, sheet: ws.name, cell: cellRef(r.from) }));
    }
  }
  return rows;
}

function hasValuesAfter(ws: ExcelJS.Worksheet, lastRow: number): boolean {
  // Only rows present in the file are visited; their number is bounded by the XML size limits.
  let found = false;
  ws.eachRow((row, r) => {
    if (r > lastRow && row.hasValues) found = true;
  });
  return found;
}

// ---------------------------------------------------------------------------
// Cells

export function readCell(ws: ExcelJS.Worksheet, address: string): RawCell {
  const { value, link, formula } = rawValue(ws.getCell(address));
  return { cell: address, value, ...(link ? { link } : {}), ...(formula ? { formula } : {}) };
}

type Converted = { value: RawValue; link?: string; formula?: string };

function rawValue(cell: ExcelJS.Cell): Converted {
  // Every cell of a merged range returns the master's value: only the master holds it.
  if (cell.isMerged && cell.master.address !== cell.address) return { value: { t: 'blank' } };
  const v = cell.value;
  const link = typeof cell.hyperlink === 'string' && cell.hyperlink ? cell.hyperlink : undefined;
  const out = convert(v, isPercentFormat(cell.numFmt));
  return link && !out.link ? { ...out, link } : out;
}

function convert(v: ExcelJS.CellValue | undefined, percent: boolean): Converted {
  if (v === null || v === undefined || v === '') return { value: { t: 'blank' } };
  if (typeof v === 'number') return { value: Number.isFinite(v) ? { t: 'number', value: v, percent } : { t: 'error', error: '#NUM!' } };
  if (typeof v === 'string') return { value: { t: 'text', text: v } };
  if (typeof v === 'boolean') return { value: { t: 'bool', value: v } };
  if (v instanceof Date) {
    return { value: Number.isNaN(v.getTime()) ? { t: 'error', error: '#VALUE!' } : { t: 'date', date: v.toISOString().slice(0, 10) } };
  }
  if ('richText' in v) return { value: textValue(v.richText.map((p) => p.text).join('')) };
  if ('hyperlink' in v) {
    const text = typeof v.text === 'string' ? v.text : (v.text as { richText?: { text: string }[] })?.richText?.map((p) => p.text).join('') ?? '';
    return { value: textValue(text), ...(v.hyperlink ? { link: String(v.hyperlink) } : {}) };
  }
  if ('error' in v) return { value: { t: 'error', error: String(v.error) } };
  if ('formula' in v || 'sharedFormula' in v) {
    const f = v as { formula?: string; sharedFormula?: string; result?: unknown };
    const formula = f.formula ?? f.sharedFormula ?? '';
    if (f.result === undefined || f.result === null) return { value: { t: 'formula', formula } };
    // LibreOffice writes booleans as TRUE()/FALSE() formulas; their cached result is what counts.
    return { ...convert(f.result as ExcelJS.CellValue, percent), formula };
  }
  return { value: { t: 'text', text: String(v) } };
}

const textValue = (text: string): RawValue => (text === '' ? { t: 'blank' } : { t: 'text', text });

/** A number format shows percentages when it has a % outside quotes and escapes. */
export function isPercentFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  return numFmt.replace(/"[^"]*"/g, '').replace(/\\./g, '').includes('%');
}

/** Plain text of a cell for matching labels and keys (never "[object Object]"). */
export function cellText(cell: ExcelJS.Cell | undefined): string {
  if (!cell) return '';
  const { value } = rawValue(cell);
  switch (value.t) {
    case 'text':
      return value.text.trim();
    case 'number':
      return String(value.value);
    case 'bool':
      return String(value.value);
    case 'date':
      return value.date;
    default:
      return '';
  }
}

const mb = (n: number) => Math.round((n / (1024 * 1024)) * 10) / 10;

/** A saved date worth believing: Excel writes 1980-01-01 for "unknown", and a far future date says nothing either. */
export function plausibleDate(d: unknown): string | null {
  if (!(d instanceof Date) || !Number.isFinite(d.getTime())) return null;
  const y = d.getUTCFullYear();
  return y > 1990 && y < 2200 ? d.toISOString() : null;
}
