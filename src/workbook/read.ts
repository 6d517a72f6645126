/**
 * Reading an OPD workbook into plain, serialisable data with provenance. It
 * records what the cells hold (typed, with their A1 address) and what it
 * noticed about the file; judging the values against the catalog happens
 * later, in src/validate. The file's parts are found and parsed by
 * package.ts; this module knows the template's layout.
 *
 * The output carries no library objects, so `--jobs` can run this in a worker
 * process and post the result back as is.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { Diagnostic } from '../model.js';
import { diag } from '../diagnostics/index.js';
import {
  ANSWER_COLUMNS,
  ANSWER_HEADER_ROW,
  answerHeaders,
  FEEDBACK_MARKER,
  IDENTITY_FIELDS,
  META_KEYS,
  SHEETS,
  sheetOfReference,
  type AnswerColumn,
  type IdentityKey,
  type MetaKey,
} from './layout.js';
import { readFailure } from '../io/files.js';
import { checkContainer, LIMITS, type Limits } from './sniff.js';
import { openPackage, Unreadable, type CellContent, type Grid, type OpenedPackage, type RawValue, type SheetEntry } from './package.js';
import { cellRef, columnLetters, columnNumber, parseCell, parseRange } from './a1.js';
import { isProfileMeta, isProfileWorkbook, readProfileSheets, type ProfileWorkbookData } from './profile-read.js';
import { isMatrixMeta, isMatrixWorkbook, readMatrixSheets, type MatrixWorkbookData } from './matrix-read.js';

export type { RawValue } from './package.js';

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

/**
 * Where a sheet's answer table is: the row of its column headers and the
 * column of each field, found by the headers' text, so that a title row
 * deleted or a column inserted (the sheet unprotected in another program)
 * moves what is read instead of misreading it. The template's own layout
 * when the headers cannot be found.
 */
export interface AnswerTable {
  headerRow: number;
  /** Column number of each field. */
  columns: Record<AnswerColumn, number>;
  /** Fields whose column is gone (deleted): read from past the bounds, as empty. */
  missing: AnswerColumn[];
}

export interface WorkbookData {
  sheetNames: string[];
  /** When the workbook says it was last saved (docProps/core.xml), ISO 8601; null when it does not say. */
  savedAt: string | null;
  /** The hidden metadata sheet's key/value pairs, or null when the sheet is gone. */
  meta: { sheet: string; values: Partial<Record<MetaKey, RawCell>> } | null;
  identity: { sheet: string; fields: Partial<Record<IdentityKey, RawCell>> } | null;
  answers: { sheet: string; rows: AnswerRowData[]; table: AnswerTable };
}

export type ReadResult =
  | { status: 'read'; file: string; sha256: string; data: WorkbookData; findings: Diagnostic[] }
  /** The DPPPA's profile workbook (profile-read.ts), never an OPD's answers. */
  | { status: 'profile'; file: string; sha256: string; data: ProfileWorkbookData; findings: Diagnostic[] }
  /** A Kelana/Dekela matrix (matrix-read.ts): a row per kecamatan or desa, never an OPD's answers. */
  | { status: 'matrix'; file: string; sha256: string; data: MatrixWorkbookData; findings: Diagnostic[] }
  | { status: 'unreadable'; file: string; sha256?: string; findings: Diagnostic[] };

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
  let buf: Buffer;
  try {
    const s = await stat(absPath);
    if (s.isDirectory()) return unreadable(file, undefined, diag('KLA-E016', { reason: 'folder' }));
    if (s.size > limits.fileBytes) {
      return unreadable(file, undefined, diag('KLA-E009', { what: 'file', size: mb(s.size), limit: mb(limits.fileBytes) }));
    }
    buf = await readFile(absPath);
  } catch (e) {
    return unreadable(file, undefined, readFailure(e));
  }
  return readWorkbookBuffer(buf, file, opts);
}

/** Read a workbook already in memory (the bytes are hashed, sniffed, then parsed). */
export async function readWorkbookBuffer(buf: Buffer, file: string, opts: ReadOptions = {}): Promise<ReadResult> {
  const sha256 = createHash('sha256').update(buf).digest('hex');
  const limits = opts.limits ?? LIMITS;
  const verdict = await checkContainer(buf, limits);
  if (!verdict.ok) return unreadable(file, sha256, verdict.refusal);
  try {
    return await readPackage(await openPackage(buf, verdict.entries, limits), file, sha256);
  } catch (e) {
    if (e instanceof Unreadable) return unreadable(file, sha256, e.refusal);
    // Whatever else a foreign file makes a parser say, it is a file we cannot read, not a crash.
    return unreadable(file, sha256, diag('KLA-E002', { detail: e instanceof Error ? e.message : String(e) }));
  }
}

async function readPackage(pkg: OpenedPackage, file: string, sha256: string): Promise<ReadResult> {
  const findings: Diagnostic[] = [];
  if (pkg.macro) findings.push(diag('KLA-W011', {}, { file }));

  // kla's own feedback sheet (in an annotated copy sent back by the OPD) holds no answers: it is
  // never taken for an answer, identity or metadata sheet, and does not count among the sheets.
  const own = feedbackSheets(pkg);
  const sheets = pkg.sheets.filter((s) => !own.has(s));

  // The DPPPA's profile workbook: its Meta sheet says so, or (without one that an OPD template writes) its data sheets by content.
  const metaByName = sheets.find((s) => norm(s.name) === norm(SHEETS.meta));
  const metaGrid = metaByName ? await pkg.grid(metaByName) : undefined;
  // The matrix's Meta sheet has most of an OPD template's keys: it is told apart by its "workbook" key first.
  if (!metaGrid || isMatrixMeta(metaGrid) || isProfileMeta(metaGrid) || !isMetaSheet(metaGrid)) {
    const grids = await Promise.all(sheets.map((s) => pkg.grid(s)));
    const savedAt = plausibleDate(pkg.modified);
    if (metaGrid && isMatrixMeta(metaGrid)) return { status: 'matrix', file, sha256, data: readMatrixSheets(grids, savedAt, file, findings), findings };
    if (isProfileWorkbook(grids)) return { status: 'profile', file, sha256, data: readProfileSheets(grids, savedAt, file, findings), findings };
    if (isMatrixWorkbook(grids)) return { status: 'matrix', file, sha256, data: readMatrixSheets(grids, savedAt, file, findings), findings };
  }

  const find = async (name: string, looksRight: (g: Grid) => boolean): Promise<Grid | undefined> => {
    const byName = sheets.find((s) => norm(s.name) === norm(name));
    if (byName) return pkg.grid(byName);
    // A renamed sheet is recognised by its content; only then are the other sheets parsed.
    for (const s of sheets) {
      const g = await pkg.grid(s);
      if (looksRight(g)) {
        findings.push(diag('KLA-W102', { expected: name, found: s.name }, { file, sheet: s.name }));
        return g;
      }
    }
    return undefined;
  };

  const answers = await find(SHEETS.answers, isAnswerSheet);
  if (!answers) {
    return { status: 'unreadable', file, sha256, findings: [...findings, diag('KLA-E101', { sheet: SHEETS.answers }, { file })] };
  }
  findings.push(...(await copiesOfAnswerSheet(pkg, sheets, answers, file)));
  const meta = await find(SHEETS.meta, isMetaSheet);
  const identity = await find(SHEETS.identity, isIdentitySheet);

  const data: WorkbookData = {
    sheetNames: sheets.map((s: SheetEntry) => s.name),
    savedAt: plausibleDate(pkg.modified),
    meta: meta ? { sheet: meta.name, values: readMetaValues(meta, META_KEYS) } : null,
    identity: identity ? { sheet: identity.name, fields: readIdentity(identity) } : null,
    answers: { sheet: answers.name, ...readAnswerRows(answers, file, findings) },
  };
  return { status: 'read', file, sha256, data, findings };
}

/** The feedback sheet by its name, or by the marker name that follows it when an officer renames it. */
function feedbackSheets(pkg: OpenedPackage): Set<SheetEntry> {
  const marker = pkg.definedNames.find((d) => d.name === FEEDBACK_MARKER)?.ranges[0];
  const marked = marker ? sheetOfReference(marker) : undefined;
  return new Set(pkg.sheets.filter((s) => norm(s.name) === norm(SHEETS.feedback) || (marked !== undefined && norm(s.name) === norm(marked))));
}

function unreadable(file: string, sha256: string | undefined, refusal: Diagnostic): ReadResult {
  return { status: 'unreadable', file, ...(sha256 ? { sha256 } : {}), findings: [{ ...refusal, location: { file } }] };
}

// ---------------------------------------------------------------------------
// Sheets

export const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
const colOf = (c: AnswerColumn) => columnNumber(ANSWER_COLUMNS[c]);

/** Headers compared whatever data years they name ("Jawaban (data tahun 2025)"). */
const headerKey = (s: string) => norm(s).replace(/(?<!\d)(?:19|20)\d{2}(?!\d)/g, '#');
const HEADER_KEYS = Object.fromEntries(Object.entries(answerHeaders({ evaluated: 2001, previous: 2000 })).map(([c, h]) => [c, headerKey(h)])) as Record<AnswerColumn, string>;

const FIELDS = Object.keys(ANSWER_COLUMNS) as AnswerColumn[];
const FIELD_BY_HEADER = new Map(FIELDS.map((c) => [HEADER_KEYS[c], c]));
const TEMPLATE_TABLE: AnswerTable = { headerRow: ANSWER_HEADER_ROW, columns: Object.fromEntries(FIELDS.map((c) => [c, colOf(c)])) as Record<AnswerColumn, number>, missing: [] };
/** Rows searched for the column headers: the template's title rows, with room for rows added above them. */
const HEADER_SEARCH_ROWS = 20;
/** Headers that make a sheet an answer sheet, of the nine. */
const HEADER_HITS = 6;

/**
 * The answer table of a sheet by its column headers (see AnswerTable), with
 * how many of the nine headers were found; a header retyped takes the place
 * its neighbours say.
 */
function locateAnswerTable(g: Grid): { table: AnswerTable; hits: number } {
  let best: { row: number; found: Map<AnswerColumn, number> } | undefined;
  for (const r of g.rowNumbers) {
    if (r > HEADER_SEARCH_ROWS) break;
    const found = new Map<AnswerColumn, number>();
    for (const cell of g.row(r)) {
      const field = cell.col <= READ_BOUNDS.columns ? FIELD_BY_HEADER.get(headerKey(cellText(cell.content))) : undefined;
      if (field !== undefined && !found.has(field)) found.set(field, cell.col);
    }
    if (best === undefined || found.size > best.found.size) best = { row: r, found };
  }
  if (best === undefined || best.found.size < HEADER_HITS) return { table: TEMPLATE_TABLE, hits: best?.found.size ?? 0 };
  const { row, found } = best;
  const columns = {} as Record<AnswerColumn, number>;
  const missing: AnswerColumn[] = [];
  FIELDS.forEach((c, i) => {
    const at = found.get(c);
    if (at !== undefined) {
      columns[c] = at;
      return;
    }
    // The nearest field found, left first, and the template's distance from it; where another field's
    // header stands there (its column was deleted), a column past the bounds, which reads as empty.
    const near = [...FIELDS.slice(0, i).reverse(), ...FIELDS.slice(i + 1)].find((n) => found.has(n))!;
    const guess = found.get(near)! + colOf(c) - colOf(near);
    const free = guess >= 1 && ![...found.values()].includes(guess);
    columns[c] = free ? guess : READ_BOUNDS.columns + 1 + i;
    if (!free) missing.push(c);
  });
  return { table: { headerRow: row, columns, missing }, hits: found.size };
}

/** A renamed answer sheet still has the template's column headers. */
function isAnswerSheet(g: Grid): boolean {
  return locateAnswerTable(g).hits >= HEADER_HITS;
}

/** Where a located table differs from the template's layout (KLA-W209), or nothing. */
function tableDrift(g: Grid, table: AnswerTable, file: string): Diagnostic[] {
  const { missing } = table;
  const moved = FIELDS.filter((c) => !missing.includes(c) && table.columns[c] !== colOf(c));
  if (table.headerRow === ANSWER_HEADER_ROW && moved.length === 0 && missing.length === 0) return [];
  return [
    diag(
      'KLA-W209',
      {
        headerRow: table.headerRow,
        templateRow: ANSWER_HEADER_ROW,
        fields: moved,
        at: moved.map((c) => columnLetters(table.columns[c])),
        template: moved.map((c) => ANSWER_COLUMNS[c]),
        shift: moved.map((c) => table.columns[c] - colOf(c)),
        missing,
      },
      { file, sheet: g.name, cell: `${columnLetters(table.columns[moved[0] ?? 'id'])}${table.headerRow}` },
    ),
  ];
}

/**
 * Another sheet with the answer sheet's headers ("Jawaban (2)", made by
 * copying the sheet) holding answers that the sheet read does not: only one
 * answer sheet is read, so those would be lost unseen. A copy kept as it is
 * (a backup) loses nothing and is no finding; a feedback sheet or any sheet
 * without those headers is never taken for a copy.
 */
async function copiesOfAnswerSheet(pkg: OpenedPackage, sheets: readonly SheetEntry[], read: Grid, file: string): Promise<Diagnostic[]> {
  const rowsOf = (g: Grid, t: AnswerTable) => g.rowNumbers.filter((r) => r > t.headerRow && r <= t.headerRow + READ_BOUNDS.answerRows);
  const answerOf = (g: Grid, t: AnswerTable, r: number) => cellText(g.at(r, t.columns.answer));
  const idOf = (g: Grid, t: AnswerTable, r: number) => cellText(g.at(r, t.columns.id));
  let readAnswers: Map<string, string> | undefined;
  const out: Diagnostic[] = [];
  for (const s of sheets) {
    if (s.name === read.name) continue;
    const g = await pkg.grid(s);
    const { table, hits } = locateAnswerTable(g);
    if (hits < HEADER_HITS) continue;
    if (readAnswers === undefined) {
      const t = locateAnswerTable(read).table;
      readAnswers = new Map(rowsOf(read, t).map((r) => [idOf(read, t, r), answerOf(read, t, r)]));
    }
    const differing = rowsOf(g, table).filter((r) => answerOf(g, table, r) !== '' && readAnswers!.get(idOf(g, table, r)) !== answerOf(g, table, r));
    if (differing.length > 0) out.push(diag('KLA-E119', { sheet: g.name, read: read.name, answers: differing.length }, { file, sheet: g.name, cell: `${columnLetters(table.columns.answer)}${differing[0]}` }));
  }
  return out;
}

function isMetaSheet(g: Grid): boolean {
  return metaKeyHits(g, META_KEYS) >= 4;
}

/** How many of `keys` a sheet's column A holds: a Meta sheet recognised by content. */
export function metaKeyHits(g: Grid, keys: readonly string[]): number {
  const known = new Set(keys);
  let hits = 0;
  for (let r = 1; r <= READ_BOUNDS.metaRows; r++) if (known.has(cellText(g.at(r, 1)))) hits++;
  return hits;
}

/** The value of a Meta sheet's "workbook" key, which says what kla wrote (the profile, the matrix); '' when there is none. */
export function metaWorkbookKind(g: Grid): string {
  for (let r = 1; r <= READ_BOUNDS.metaRows; r++) if (cellText(g.at(r, 1)) === 'workbook') return cellText(g.at(r, 2));
  return '';
}

/** A Meta sheet's values for `keys` (key in column A, value in column B; the first row of a key counts). */
export function readMetaValues<K extends string>(g: Grid, keys: readonly K[]): Partial<Record<K, RawCell>> {
  const known = new Set<string>(keys);
  const out: Partial<Record<K, RawCell>> = {};
  for (let r = 1; r <= READ_BOUNDS.metaRows; r++) {
    const k = cellText(g.at(r, 1));
    if (known.has(k) && !(k in out)) out[k as K] = readCell(g, `B${r}`);
  }
  return out;
}

const IDENTITY_LABELS = new Set(IDENTITY_FIELDS.map((f) => norm(f.label)));
/** The template's label column (B); its values are in the column to its right. */
const IDENTITY_LABEL_COLUMN = parseCell(IDENTITY_FIELDS[0]!.cell)!.col - 1;
/** Columns searched for the labels: the template's, with room for columns inserted before it. */
const IDENTITY_SEARCH_COLUMNS = 6;

/**
 * The column holding an identity sheet's labels (B in the template; further
 * right when columns were inserted before it), with how many labels it has.
 */
function identityLabelColumn(g: Grid): { col: number; hits: number } {
  let best = { col: IDENTITY_LABEL_COLUMN, hits: 0 };
  for (let c = 1; c <= IDENTITY_SEARCH_COLUMNS; c++) {
    let hits = 0;
    for (let r = 1; r <= READ_BOUNDS.identityRows; r++) if (IDENTITY_LABELS.has(norm(cellText(g.at(r, c))))) hits++;
    if (hits > best.hits) best = { col: c, hits };
  }
  return best;
}

function isIdentitySheet(g: Grid): boolean {
  return identityLabelColumn(g).hits >= 6;
}

/**
 * Identity values sit beside their label, in the column to its right (C
 * beside B in the template). When rows or columns were inserted the labels
 * move; the n-th occurrence of a label (labels such as "NIP" repeat per
 * section) still finds its value.
 */
function readIdentity(g: Grid): Partial<Record<IdentityKey, RawCell>> {
  const out: Partial<Record<IdentityKey, RawCell>> = {};
  const { col, hits } = identityLabelColumn(g);
  const labelCol = hits > 0 ? col : IDENTITY_LABEL_COLUMN;
  const labelRows = new Map<string, number[]>();
  for (let r = 1; r <= READ_BOUNDS.identityRows; r++) {
    const t = norm(cellText(g.at(r, labelCol)));
    if (t) labelRows.set(t, [...(labelRows.get(t) ?? []), r]);
  }
  const seen = new Map<string, number>();
  for (const f of IDENTITY_FIELDS) {
    const label = norm(f.label);
    const nth = seen.get(label) ?? 0;
    seen.set(label, nth + 1);
    const row = parseCell(f.cell)!.row;
    const atLayout = norm(cellText(g.at(row, labelCol))) === label;
    const found = atLayout ? row : labelRows.get(label)?.[nth];
    out[f.key] = found !== undefined ? readCell(g, cellRef({ row: found, col: labelCol + 1 })) : readCell(g, f.cell);
  }
  return out;
}

function readAnswerRows(g: Grid, file: string, findings: Diagnostic[]): { rows: AnswerRowData[]; table: AnswerTable } {
  const { table } = locateAnswerTable(g);
  findings.push(...tableDrift(g, table, file));
  const letter = Object.fromEntries(FIELDS.map((c) => [c, columnLetters(table.columns[c])])) as Record<AnswerColumn, string>;
  const mapped = new Set(Object.values(table.columns));
  const firstRow = table.headerRow + 1;
  const lastRow = table.headerRow + READ_BOUNDS.answerRows;
  const rows: AnswerRowData[] = [];
  const extraCols = new Set<number>();

  for (const r of g.rowNumbers) {
    if (r < firstRow) continue;
    if (r > lastRow) {
      if (g.row(r).length > 0) {
        findings.push(diag('KLA-W015', { row: lastRow }, { file, sheet: g.name, cell: `${letter.id}${lastRow + 1}` }));
        break;
      }
      continue;
    }
    const cells = Object.fromEntries(FIELDS.map((c) => [c, readCell(g, `${letter[c]}${r}`)])) as Record<AnswerColumn, RawCell>;
    if (FIELDS.some((c) => cells[c].value.t !== 'blank')) rows.push({ row: r, cells });
    for (const c of g.row(r)) if (!mapped.has(c.col) && c.col <= READ_BOUNDS.columns) extraCols.add(c.col);
  }
  if (extraCols.size > 0) {
    const letters = [...extraCols].sort((a, b) => a - b).map(columnLetters);
    findings.push(diag('KLA-I207', { columns: letters.join(', '), noteColumn: letter.note }, { file, sheet: g.name, cell: `${letters[0]}${table.headerRow}` }));
  }
  const answerCols = new Set((['answer', 'previous', 'evidence', 'note'] as const).map((c) => table.columns[c]));
  for (const range of g.merges) {
    const r = parseRange(range);
    if (!r) continue;
    const spans = [...answerCols].some((c) => r.from.col <= c && c <= r.to.col);
    if (r.to.row >= firstRow && spans) {
      findings.push(diag('KLA-W208', { range }, { file, sheet: g.name, cell: cellRef(r.from) }));
    }
  }
  return { rows, table };
}

// ---------------------------------------------------------------------------
// Cells

export function readCell(g: Grid, address: string): RawCell {
  const { value, link, formula } = g.get(address);
  return { cell: address, value, ...(link ? { link } : {}), ...(formula ? { formula } : {}) };
}

/** Plain text of a cell for matching labels and keys. */
export function cellText(c: CellContent): string {
  const { value } = c;
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
export function plausibleDate(text: string | null): string | null {
  if (text === null || !/^\d{4}-\d{2}-\d{2}/.test(text)) return null;
  const d = new Date(text);
  if (!Number.isFinite(d.getTime())) return null;
  const y = d.getUTCFullYear();
  return y > 1990 && y < 2200 ? d.toISOString() : null;
}
