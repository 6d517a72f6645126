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

  const areas = ws.areas;
  const data: ProfileWorkbookData = {
    savedAt,
    meta: metaWs ? { sheet: metaWs.name, values: readMetaValues(metaWs, PROFILE_META_KEYS) } : null,
    sheets: Object.fromEntries(PROFILE_DATA_SHEETS.map((k) => [k, ws[k]?.name ?? null])) as Record<ProfileDataSheet, string | null>,
    kecamatan: areas ? readTable(areas, KECAMATAN_TABLE, file, findings) : [],
    desa: areas ? readTable(areas, DESA_TABLE, file, findings) : [],
    children: ws.children ? readChildren(ws.children) : null,
    regulations: ws.regulations ? readTable(ws.regulations, REGULATION_TABLE, file, findings, { checkBelow: false }) : [],
    gugusTugas: ws.regulations ? { chair: readCell(ws.regulations, GUGUS_TUGAS_FIELDS.chair.cell), members: readCell(ws.regulations, GUGUS_TUGAS_FIELDS.members.cell) } : null,
    narratives: ws.narratives ? readNarratives(ws.narratives) : [],
    history: ws.history ? readTable(ws.history, HISTORY_TABLE, file, findings) : [],
    activities: ws.activities ? readTable(ws.activities, ACTIVITY_TABLE, file, findings) : [],
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

/** Headers of a table found in place (the running-number column "No." is too common to count). */
function headerHits(ws: Grid, t: Table): number {
  return t.columns.filter((c) => c.key !== 'no' && text(ws, `${c.col}${t.headerRow}`) === norm(c.header)).length;
}

const headersOf = (t: Table) => t.columns.length - 1;

const LOOKS_RIGHT: Record<ProfileDataSheet, (ws: Grid) => boolean> = {
  areas: (ws) => headerHits(ws, KECAMATAN_TABLE) + headerHits(ws, DESA_TABLE) >= headersOf(KECAMATAN_TABLE) + headersOf(DESA_TABLE) - 2,
  children: (ws) =>
    [
      text(ws, `${colOf(CHILD_TABLE, 'kecamatan')}${CHILD_TABLE.headerRow}`) === norm('Kecamatan'),
      text(ws, `B${CHILD_FIELDS.year.cell.slice(1)}`) === norm(CHILD_FIELDS.year.label),
      text(ws, `B${CHILD_FIELDS.source.cell.slice(1)}`) === norm(CHILD_FIELDS.source.label),
    ].filter(Boolean).length >= 2,
  regulations: (ws) => headerHits(ws, REGULATION_TABLE) >= headersOf(REGULATION_TABLE) - 1,
  narratives: (ws) => narrativeHeadings(ws).length > 0,
  history: (ws) => headerHits(ws, HISTORY_TABLE) >= headersOf(HISTORY_TABLE) - 1,
  activities: (ws) => headerHits(ws, ACTIVITY_TABLE) >= headersOf(ACTIVITY_TABLE) - 1,
};

// ---------------------------------------------------------------------------
// Reading


/**
 * The rows of a table that hold something in an input column (the running
 * number alone does not count). Anything typed below the prepared rows is
 * not read, and said so (KLA-W015), unless another part of the sheet lives
 * there (`checkBelow: false`).
 */
function readTable<K extends string>(ws: Grid, t: Table<K>, file: string, findings: Diagnostic[], opts: { checkBelow?: boolean } = {}): TableRow<K>[] {
  const inputs = t.columns.filter((c) => c.key !== 'no');
  const rows: TableRow<K>[] = [];
  const last = lastRowOf(t);
  const inputCols = inputs.map((c) => columnNumber(c.col));
  // Every prepared row holds its running number: look at the input cells before reading the row.
  const filled = (r: number) => inputCols.some((c) => ws.at(r, c).value.t !== 'blank');
  for (const r of ws.rowNumbers) {
    if (r < t.firstRow || r > last || !filled(r)) continue;
    const cells = Object.fromEntries(t.columns.map((c) => [c.key, readCell(ws, `${c.col}${r}`)])) as Record<K, RawCell>;
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

function readChildren(ws: Grid): NonNullable<ProfileWorkbookData['children']> {
  const t = CHILD_TABLE;
  const kecamatanCol = colOf(t, 'kecamatan');
  const count = (r: number, sex: number) => AGE_GROUPS.map((_, a) => readCell(ws, `${columnLetters(childCountCol(a, sex))}${r}`));
  const rows: ChildRowData[] = [];
  for (const r of ws.rowNumbers) {
    if (r < t.firstRow || r > lastRowOf(t)) continue;
    const row: ChildRowData = { row: r, kecamatan: readCell(ws, `${kecamatanCol}${r}`), male: count(r, 0), female: count(r, 1) };
    if ([row.kecamatan, ...row.male, ...row.female].some((c) => c.value.t !== 'blank')) rows.push(row);
  }
  return { year: readCell(ws, CHILD_FIELDS.year.cell), source: readCell(ws, CHILD_FIELDS.source.cell), ageGroups: [...AGE_GROUPS], rows };
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
