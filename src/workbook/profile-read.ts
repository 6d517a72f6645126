/**
 * Reading the DPPPA profile workbook into plain, serialisable data with the
 * cell behind every value (like read.ts does for an OPD's answers). Judging
 * the values against the project happens in src/validate/profile.ts.
 *
 * The workbook is recognised by its Meta sheet, or, when that is gone, by the
 * content of its data sheets; an OPD's workbook has neither, so the one is
 * never taken for the other.
 */
import type { Diagnostic } from '../model.js';
import { diag } from '../diagnostics/index.js';
import { cellText, metaKeyHits, metaWorkbookKind, norm, readCell, readMetaValues, type RawCell } from './read.js';
import type { Grid } from './package.js';
import { columnLetters, columnNumber } from './a1.js';
import {
  ACTIVITY_TABLE,
  AGE_GROUPS,
  CHILD_FIELDS,
  CHILD_TABLE,
  DESA_TABLE,
  GUGUS_TUGAS_FIELDS,
  HISTORY_TABLE,
  KECAMATAN_TABLE,
  NARRATIVE_LABEL_COL,
  NARRATIVE_PARTS,
  NARRATIVE_READ_ROWS,
  NARRATIVE_TEXT_COL,
  PROFILE_DATA_SHEETS,
  PROFILE_KIND,
  PROFILE_META_KEYS,
  PROFILE_SHEETS,
  REGULATION_TABLE,
  childCountCol,
  colOf,
  lastRowOf,
  type ActivityCol,
  type DesaCol,
  type HistoryCol,
  type KecamatanCol,
  type NarrativePart,
  type ProfileDataSheet,
  type ProfileMetaKey,
  type RegulationCol,
  type Table,
} from './profile-layout.js';

/** One prepared row that holds something, with a cell per column. */
export interface TableRow<K extends string> {
  row: number;
  cells: Record<K, RawCell>;
}

export interface ChildRowData {
  row: number;
  kecamatan: RawCell;
  /** One cell per age group, in AGE_GROUPS order. */
  male: RawCell[];
  female: RawCell[];
}

export interface NarrativeBlock {
  /** The heading: group label (column A) and name (column B) as they stand in the sheet. */
  label: string;
  name: string;
  row: number;
  parts: Record<NarrativePart, RawCell>;
}

export interface ProfileWorkbookData {
  /** When the workbook says it was last saved, ISO 8601; null when it does not say. */
  savedAt: string | null;
  meta: { sheet: string; values: Partial<Record<ProfileMetaKey, RawCell>> } | null;
  /** The sheet each part was read from; null when the workbook has no such sheet. */
  sheets: Record<ProfileDataSheet, string | null>;
  kecamatan: TableRow<KecamatanCol>[];
  desa: TableRow<DesaCol>[];
  children: { year: RawCell; source: RawCell; ageGroups: string[]; rows: ChildRowData[] } | null;
  regulations: TableRow<RegulationCol>[];
  gugusTugas: { chair: RawCell; members: RawCell } | null;
  narratives: NarrativeBlock[];
  history: TableRow<HistoryCol>[];
  activities: TableRow<ActivityCol>[];
}

/** Is this the profile workbook? Its Meta sheet says so, or two of its data sheets are there by content. */
export function isProfileWorkbook(sheets: readonly Grid[]): boolean {
  if (sheets.some(isProfileMeta)) return true;
  return PROFILE_DATA_SHEETS.filter((k) => sheets.some((ws) => LOOKS_RIGHT[k](ws))).length >= 2;
}

/** Read every part of a profile workbook; sheets found by content rather than name add a finding (W102). `savedAt`: as the package says, checked. */
export function readProfileSheets(sheets: readonly Grid[], savedAt: string | null, file: string, findings: Diagnostic[]): ProfileWorkbookData {
  const find = (name: string, looksRight: (ws: Grid) => boolean): Grid | undefined => {
    const byName = sheets.find((s) => norm(s.name) === norm(name));
    if (byName) return byName;
    const byContent = sheets.find(looksRight);
    if (byContent) findings.push(diag('KLA-W102', { expected: name, found: byContent.name }, { file, sheet: byContent.name }));
    return byContent;
  };
  const metaWs = sheets.find(isProfileMeta) ?? sheets.find((s) => norm(s.name) === norm(PROFILE_SHEETS.meta) && hasMetaKeys(s));
  const ws = Object.fromEntries(PROFILE_DATA_SHEETS.map((k) => [k, find(PROFILE_SHEETS[k], LOOKS_RIGHT[k])])) as Record<ProfileDataSheet, Grid | undefined>;

  // Each sheet where its tables are now (title rows deleted, a column inserted), every address moved alike.
  const at = (k: ProfileDataSheet) => (ws[k] ? placed(ws[k]!, TABLES_OF[k]) : undefined);
  const areas = at('areas');
  const regulations = at('regulations');
  const history = at('history');
  const activities = at('activities');
  const children = at('children');
  const data: ProfileWorkbookData = {
    savedAt,
    meta: metaWs ? { sheet: metaWs.name, values: readMetaValues(metaWs, PROFILE_META_KEYS) } : null,
    sheets: Object.fromEntries(PROFILE_DATA_SHEETS.map((k) => [k, ws[k]?.name ?? null])) as Record<ProfileDataSheet, string | null>,
    kecamatan: areas ? readTable(areas, KECAMATAN_TABLE, file, findings) : [],
    desa: areas ? readTable(areas, DESA_TABLE, file, findings) : [],
    children: children ? readChildren(children) : null,
    regulations: regulations ? readTable(regulations, REGULATION_TABLE, file, findings, { checkBelow: false }) : [],
    gugusTugas: regulations ? { chair: regulations.cell(GUGUS_TUGAS_FIELDS.chair.cell), members: regulations.cell(GUGUS_TUGAS_FIELDS.members.cell) } : null,
    narratives: ws.narratives ? readNarratives(ws.narratives) : [],
    history: history ? readTable(history, HISTORY_TABLE, file, findings) : [],
    activities: activities ? readTable(activities, ACTIVITY_TABLE, file, findings) : [],
  };
  return data;
}

// ---------------------------------------------------------------------------
// Recognising sheets

const text = (ws: Grid, address: string) => norm(cellText(ws.get(address)));

/** The profile workbook's own Meta sheet: its "workbook" key says "profile". */
export function isProfileMeta(ws: Grid): boolean {
  return metaWorkbookKind(ws) === PROFILE_KIND;
}

function hasMetaKeys(ws: Grid): boolean {
  return metaKeyHits(ws, PROFILE_META_KEYS) >= 4;
}

/**
 * A profile sheet with where its template layout now stands: every address
 * of the layout moved by `dr` rows and `dc` columns, the cells read under
 * their real addresses. A DPPPA that unprotected a sheet and deleted its
 * title rows, or inserted a column before its tables, moves every part alike.
 */
interface Placed {
  ws: Grid;
  dr: number;
  dc: number;
  /** The sheet's cell at the layout's `address`, under the address it has now. */
  cell(address: string): RawCell;
  text(address: string): string;
  /** The layout's row and column as they are now. */
  row(r: number): number;
  col(c: number): number;
}

function placedAt(ws: Grid, dr: number, dc: number): Placed {
  const move = (address: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(address)!;
    return `${columnLetters(columnNumber(m[1]!) + dc)}${Number(m[2]) + dr}`;
  };
  return { ws, dr, dc, cell: (a) => readCell(ws, move(a)), text: (a) => text(ws, move(a)), row: (r) => r + dr, col: (c) => c + dc };
}

/** The labels beside the children sheet's two fields (year and source of the data), placed as one-column tables. */
const CHILD_LABELS: readonly Table[] = [CHILD_FIELDS.year, CHILD_FIELDS.source].map((f, i) => ({
  headerRow: Number(f.cell.slice(1)),
  firstRow: 0,
  capacity: 0,
  columns: [{ key: `label${i}`, col: 'B', header: f.label, width: 0 }],
}));

/** The tables whose headers place each sheet. */
const TABLES_OF: Record<ProfileDataSheet, readonly Table[]> = {
  areas: [KECAMATAN_TABLE, DESA_TABLE],
  children: [CHILD_TABLE, ...CHILD_LABELS],
  regulations: [REGULATION_TABLE],
  narratives: [],
  history: [HISTORY_TABLE],
  activities: [ACTIVITY_TABLE],
};

/** Headers of tables found at the layout moved by (dr, dc) (the running-number column "No." is too common to count). */
function headerHits(ws: Grid, tables: readonly Table[], dr: number, dc: number): number {
  let hits = 0;
  for (const t of tables) for (const c of t.columns) if (c.key !== 'no' && text(ws, `${columnLetters(columnNumber(c.col) + dc)}${t.headerRow + dr}`) === norm(c.header)) hits++;
  return hits;
}

/** Title rows deleted or added, columns inserted before the tables: what the search allows. */
const ROWS_ADDED = 8;
const COLUMNS_ADDED = 4;

/** The sheet placed where its tables' headers are: in place unless a move finds more of them. */
function placed(ws: Grid, tables: readonly Table[]): Placed {
  const top = Math.min(...tables.map((t) => t.headerRow), Number.POSITIVE_INFINITY);
  let best = { dr: 0, dc: 0, hits: headerHits(ws, tables, 0, 0) };
  if (tables.length > 0) {
    for (let dr = 1 - top; dr <= ROWS_ADDED; dr++) {
      for (let dc = 0; dc <= COLUMNS_ADDED; dc++) {
        const hits = headerHits(ws, tables, dr, dc);
        if (hits > best.hits) best = { dr, dc, hits };
      }
    }
  }
  return placedAt(ws, best.hits >= 2 ? best.dr : 0, best.hits >= 2 ? best.dc : 0);
}

const headersOf = (tables: readonly Table[]) => tables.reduce((n, t) => n + t.columns.length - 1, 0);
const hitsOf = (ws: Grid, tables: readonly Table[]) => {
  const p = placed(ws, tables);
  return headerHits(ws, tables, p.dr, p.dc);
};

const LOOKS_RIGHT: Record<ProfileDataSheet, (ws: Grid) => boolean> = {
  areas: (ws) => hitsOf(ws, TABLES_OF.areas) >= headersOf(TABLES_OF.areas) - 2,
  children: (ws) => {
    const p = placed(ws, TABLES_OF.children);
    return (
      [
        p.text(`${colOf(CHILD_TABLE, 'kecamatan')}${CHILD_TABLE.headerRow}`) === norm('Kecamatan'),
        p.text(`B${CHILD_FIELDS.year.cell.slice(1)}`) === norm(CHILD_FIELDS.year.label),
        p.text(`B${CHILD_FIELDS.source.cell.slice(1)}`) === norm(CHILD_FIELDS.source.label),
      ].filter(Boolean).length >= 2
    );
  },
  regulations: (ws) => hitsOf(ws, TABLES_OF.regulations) >= headersOf(TABLES_OF.regulations) - 1,
  narratives: (ws) => narrativeHeadings(ws).length > 0,
  history: (ws) => hitsOf(ws, TABLES_OF.history) >= headersOf(TABLES_OF.history) - 1,
  activities: (ws) => hitsOf(ws, TABLES_OF.activities) >= headersOf(TABLES_OF.activities) - 1,
};

// ---------------------------------------------------------------------------
// Reading


/**
 * The rows of a table that hold something in an input column (the running
 * number alone does not count). Anything typed below the prepared rows is
 * not read, and said so (KLA-W015), unless another part of the sheet lives
 * there (`checkBelow: false`).
 */
function readTable<K extends string>(p: Placed, t: Table<K>, file: string, findings: Diagnostic[], opts: { checkBelow?: boolean } = {}): TableRow<K>[] {
  const { ws } = p;
  const inputs = t.columns.filter((c) => c.key !== 'no');
  const rows: TableRow<K>[] = [];
  const [first, last] = [p.row(t.firstRow), p.row(lastRowOf(t))];
  const inputCols = inputs.map((c) => p.col(columnNumber(c.col)));
  // Every prepared row holds its running number: look at the input cells before reading the row.
  const filled = (r: number) => inputCols.some((c) => ws.at(r, c).value.t !== 'blank');
  for (const r of ws.rowNumbers) {
    if (r < first || r > last || !filled(r)) continue;
    const cells = Object.fromEntries(t.columns.map((c) => [c.key, readCell(ws, `${columnLetters(p.col(columnNumber(c.col)))}${r}`)])) as Record<K, RawCell>;
    rows.push({ row: r, cells });
  }
  if (opts.checkBelow !== false) {
    const r = ws.rowNumbers.find((n) => n > last && inputCols.some((c) => cellText(ws.at(n, c)) !== ''));
    if (r !== undefined) {
      const c = inputCols.find((n) => cellText(ws.at(r, n)) !== '')!;
      findings.push(diag('KLA-W015', { row: last }, { file, sheet: ws.name, cell: `${columnLetters(c)}${r}` }));
    }
  }
  return rows;
}

function readChildren(p: Placed): NonNullable<ProfileWorkbookData['children']> {
  const { ws } = p;
  const t = CHILD_TABLE;
  const kecamatanCol = columnLetters(p.col(columnNumber(colOf(t, 'kecamatan'))));
  const count = (r: number, sex: number) => AGE_GROUPS.map((_, a) => readCell(ws, `${columnLetters(p.col(childCountCol(a, sex)))}${r}`));
  const rows: ChildRowData[] = [];
  for (const r of ws.rowNumbers) {
    if (r < p.row(t.firstRow) || r > p.row(lastRowOf(t))) continue;
    const row: ChildRowData = { row: r, kecamatan: readCell(ws, `${kecamatanCol}${r}`), male: count(r, 0), female: count(r, 1) };
    if ([row.kecamatan, ...row.male, ...row.female].some((c) => c.value.t !== 'blank')) rows.push(row);
  }
  return { year: p.cell(CHILD_FIELDS.year.cell), source: p.cell(CHILD_FIELDS.source.cell), ageGroups: [...AGE_GROUPS], rows };
}

/** Block headings: a row whose next rows are labelled Capaian, Kendala, Upaya in column A. */
function narrativeHeadings(ws: Grid): number[] {
  const labels = NARRATIVE_PARTS.map((p) => norm(p.label));
  const out: number[] = [];
  for (let r = 1; r <= NARRATIVE_READ_ROWS; r++) {
    if (labels.every((l, i) => text(ws, `${NARRATIVE_LABEL_COL}${r + 1 + i}`) === l)) out.push(r);
  }
  return out;
}

function readNarratives(ws: Grid): NarrativeBlock[] {
  return narrativeHeadings(ws).map((r) => ({
    label: cellText(ws.get(`${NARRATIVE_LABEL_COL}${r}`)),
    name: cellText(ws.get(`${NARRATIVE_TEXT_COL}${r}`)),
    row: r,
    parts: Object.fromEntries(NARRATIVE_PARTS.map((p, i) => [p.key, readCell(ws, `${NARRATIVE_TEXT_COL}${r + 1 + i}`)])) as Record<NarrativePart, RawCell>,
  }));
}
