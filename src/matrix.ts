/**
 * The Kelana/Dekela matrix: for every question asked of each kecamatan or
 * desa/kelurahan, one row per kecamatan or desa (the district's areas, from
 * the DPPPA profile workbook) saying yes or no, with the evidence that shows
 * it. The question's answer is then computed, never typed: a share of
 * kecamatan or desa (numerator / denominator), or, for a question asked of
 * each desa, the option its catalog `rollup` gives for all, some or none.
 *
 * Plain data with the cell behind every row (validation builds it, scoring
 * and the documents read it) and the pure arithmetic both share.
 */
import type { Catalog, CatalogQuestion } from './catalog/load.js';
import type { AnswerValue, CellRef } from './model.js';

/** What a matrix row stands for: a kecamatan, or a desa/kelurahan. */
export type MatrixScope = 'kecamatan' | 'desa';

/** A row's answer. */
export type RowValue = 'ya' | 'tidak';

/** The questions a matrix answers, in catalog order: shares of kecamatan or desa, and per-desa questions that roll up. */
export function matrixQuestions(catalog: Pick<Catalog, 'questionList'>): CatalogQuestion[] {
  return catalog.questionList.filter(isMatrixQuestion);
}

export function isMatrixQuestion(q: CatalogQuestion): boolean {
  return q.scope === 'share-of-kecamatan' || q.scope === 'share-of-desa' || (q.scope === 'each-desa' && q.rollup !== undefined);
}

export const matrixScopeOf = (q: Pick<CatalogQuestion, 'scope'>): MatrixScope => (q.scope === 'share-of-kecamatan' ? 'kecamatan' : 'desa');

/**
 * The row answer that earns the district points, and so needs evidence:
 * "Ya" for a criterion that is good to meet (a Forum Anak), "Tidak" for one
 * that names a problem (cases of malnutrition, working children), as the
 * question's rubric or roll-up says.
 */
export function favourable(q: CatalogQuestion): RowValue {
  const r = q.rubricDef;
  if (q.rollup && r.kind === 'options') {
    const f = (v: string) => r.options.find((o) => o.value === v)?.fraction ?? 0;
    return f(q.rollup.none) > f(q.rollup.all) ? 'tidak' : 'ya';
  }
  return r.kind !== 'options' && r.better === 'lower' ? 'tidak' : 'ya';
}

/** One kecamatan or desa/kelurahan of the profile, and what the matrix that counts for it says. */
export interface MatrixRow {
  /** The kecamatan's name as the profile writes it. */
  kecamatan: string;
  /** The desa/kelurahan's name; null on a kecamatan row. */
  desa: string | null;
  /** null: not filled in, or no row for it in any matrix. */
  value: RowValue | null;
  /** Entries that name evidence (placeholders left out). */
  evidence: string[];
  /** The row's answer and evidence cells; null when no matrix has a row for this area. */
  cells: { answer: CellRef; evidence: CellRef } | null;
}

/** One question of the matrix: a row for every area of its scope, in the profile's order. */
export interface MatrixColumn {
  questionId: string;
  scope: MatrixScope;
  rows: MatrixRow[];
  /** The column's heading in the workbook that counts for most of its rows (where a finding about the whole column points). */
  header: CellRef;
}

/** The district's matrix: the workbooks read, and every question at least one of their rows answers. */
export interface DistrictMatrix {
  files: { file: string; sha256: string; kecamatan: string | null }[];
  columns: MatrixColumn[];
}

/** A column's answer: the counts and the answer they make. */
export interface Tally {
  /** Rows answered yes (blank rows count as the answer that earns nothing). */
  numerator: number;
  /** Every area of the scope. */
  denominator: number;
  /** Rows not filled in (or without a row). */
  blank: number;
  value: AnswerValue;
}

/**
 * The answer a column makes of its rows: the share of yes (0–100) for a
 * share question, the roll-up option for a per-desa question. A row not
 * filled in counts as the answer that earns nothing: no claim is made for it.
 * `claims` overrides what a row says (the forecast counts a yes without
 * evidence as no). Null for a column without areas.
 */
export function tally(q: CatalogQuestion, rows: readonly MatrixRow[], claims: (row: MatrixRow) => RowValue | null = (r) => r.value): Tally | null {
  if (rows.length === 0) return null;
  const unfavourable: RowValue = favourable(q) === 'ya' ? 'tidak' : 'ya';
  let numerator = 0;
  let blank = 0;
  for (const r of rows) {
    const v = claims(r);
    if (v === null) blank++;
    if ((v ?? unfavourable) === 'ya') numerator++;
  }
  const denominator = rows.length;
  return { numerator, denominator, blank, value: answerOf(q, numerator, denominator) };
}

/** The answer `numerator` yes of `denominator` areas make. */
function answerOf(q: CatalogQuestion, numerator: number, denominator: number): AnswerValue {
  if (q.scope === 'each-desa' && q.rollup) {
    const option = numerator === denominator ? q.rollup.all : numerator === 0 ? q.rollup.none : q.rollup.some;
    return { kind: 'option', option };
  }
  return { kind: 'number', value: (numerator / denominator) * 100 };
}

/**
 * A percentage typed beside a computed one agrees when it is the computed
 * share rounded: less than half a percentage point away (86,7 or 87 for
 * 86,67%; not 86).
 */
const SHARE_TOLERANCE = 0.5;

export function agrees(typed: AnswerValue, computed: AnswerValue): boolean {
  if (typed.kind === 'number' && computed.kind === 'number') return Math.abs(typed.value - computed.value) < SHARE_TOLERANCE;
  if (typed.kind === 'option' && computed.kind === 'option') return norm(typed.option) === norm(computed.option);
  return false;
}

const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
