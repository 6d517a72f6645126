/**
 * The scoring engine: a pure function of the catalog and the validated answers.
 * No file system, no process: the CLI and the dossier pass in everything,
 * including which evidence files exist.
 *
 * Precision: see numbers.ts. An indicator counts its questions' points up to
 * its maximum: under the catalog's `indicatorOverflow: "cap"` that is the
 * maximum the instrument states (indicator 19's questions offer 54 points, it
 * counts at most 51); under `"sum"` the loader has raised the maximum to the
 * question sum, so the same `min` leaves every point in. The predikat is
 * decided on the cleaned total, by the catalog's decimal rule (predikat.ts).
 */
import type { Catalog, CatalogQuestion } from '../catalog/load.js';
import type { Rubric } from '../catalog/schema.js';
import type {
  Answer,
  AnswerValue,
  CellRef,
  GroupScore,
  IndicatorScore,
  QuestionScore,
  ScoreResult,
  ScoreSummary,
} from '../model.js';
import { checkEvidence, isMissing, namesEvidence, type EvidenceCheck, type EvidenceLookup } from './evidence.js';
import { favourable, tally, type DistrictMatrix, type MatrixColumn, type MatrixRow, type MatrixScope, type RowValue } from '../matrix.js';
import { clean } from './numbers.js';
import { DEFAULT_RISK_MARGIN, forecastMarginOf, predikatFor, type ForecastMargin } from './predikat.js';

/** A what-if setting for one question: an answer in the question's terms, or points directly. */
export type WhatIfSetting = { answer: AnswerValue } | { points: number };

export interface ScoreOptions {
  /** OPD codes in the project's config order; breaks ties between equally good answers. */
  opdOrder?: readonly string[];
  /** The district's OPDs answering a question (project.opdsForQuestion, as codes). */
  responsible?: (questionId: string) => readonly string[];
  /** Files present in the evidence folder; when absent, named evidence counts as present. */
  evidence?: EvidenceLookup;
  /** What-if settings by question id; validated beforehand (see whatif.ts). */
  whatIf?: ReadonlyMap<string, WhatIfSetting>;
  /**
   * The answer the DPPPA chose where OPDs answer a question differently:
   * question id -> OPD code (the config's `chosenAnswers`, resolved).
   */
  chosen?: ReadonlyMap<string, string>;
  /** A forecast this close to a band edge (points) is flagged; default 10. */
  riskMargin?: number;
  /**
   * The district's Kelana/Dekela matrix: a question one of its columns
   * answers is scored from the rows (the computed share), not from a typed
   * percentage.
   */
  matrix?: DistrictMatrix;
}

/** A row of the matrix whose answer earns points but whose evidence is missing. */
export interface UnevidencedRow {
  kecamatan: string;
  desa: string | null;
  /** The row's evidence entries that were named but not found (empty: none named). */
  notFound: string[];
  cell: CellRef;
}

/** How a question the matrix answers was computed. */
export interface MatrixScore {
  scope: MatrixScope;
  /** Areas whose row earns the question points (yes, or no for a question about a problem). */
  numerator: number;
  /** Every kecamatan or desa/kelurahan of the district. */
  denominator: number;
  /** Of `numerator`, the rows whose evidence is complete: what verification keeps. */
  forecastNumerator: number;
  /** Areas without an answer (counted as earning nothing). */
  blank: number;
  /** The row answer that earns points ('ya' or 'tidak'). */
  favourable: RowValue;
  /** The answer the forecast counts. */
  forecastValue: AnswerValue;
  unevidenced: UnevidencedRow[];
  /** Answers OPDs typed for the question: replaced by the computed one. */
  typed: { opdCode: string; value: AnswerValue; source: CellRef }[];
}

/** Why an answer was left out of the score. */
export type IgnoredReason =
  /** Validation found an error in it (`Answer.invalid`). */
  | 'invalid'
  /** Its value does not fit the question's rubric (an unknown option, a number for an option question …). */
  | 'unfit'
  /** Its question id is not in the catalog. */
  | 'unknown-question';

export interface IgnoredAnswer {
  questionId: string;
  opdCode: string;
  reason: IgnoredReason;
  source: CellRef;
}

/** Additions to QuestionScore made by this engine. */
export interface QuestionScoreDetail extends QuestionScore {
  /** Evidence files named in the answer but not found in the evidence folder (or pointing outside it). */
  evidenceNotFound: string[];
  /** Every entry of the counting answer's evidence cell, judged (see evidence.ts). */
  evidenceCheck: EvidenceCheck[];
  /**
   * The OPD whose answer the verification forecast counts. The same as
   * `opdCode` except in an open conflict, where the forecast counts the best
   * answer whose evidence is complete.
   */
  forecastOpdCode: string | null;
  /** OPDs answer this question differently: 'open' until the DPPPA chooses one, then 'chosen'. */
  conflict?: 'open' | 'chosen';
  /** Set when a what-if changed this question. */
  whatIf?: 'answer' | 'points';
  /** Set when the Kelana/Dekela matrix answers this question. */
  matrix?: MatrixScore;
}

/** One OPD's answer to a question the OPDs answer differently. */
export interface ConflictAnswer {
  opdCode: string;
  value: AnswerValue;
  previous: AnswerValue | null;
  points: number;
  /** Its points in the verification forecast: 0 when its required evidence is missing. */
  forecastPoints: number;
  evidenceMissing: boolean;
  source: CellRef;
}

/**
 * A question the OPDs answer differently. The official application takes one
 * answer per question, so the DPPPA chooses one (config `chosenAnswers`).
 * Until then ('open') the estimate counts the best answer and the forecast the
 * best answer whose evidence is complete; a final dossier waits for the choice.
 */
export interface QuestionConflict {
  questionId: string;
  indicatorId: string;
  groupId: string;
  status: 'open' | 'chosen';
  /** The OPD the DPPPA chose (status 'chosen'). */
  chosenOpdCode: string | null;
  /** The OPD whose answer the estimate counts. */
  estimateOpdCode: string;
  /** The OPD whose answer the forecast counts. */
  forecastOpdCode: string;
  /** Every usable answer, best first (as the estimate orders them). */
  answers: ConflictAnswer[];
}

/** A choice of the config that could not be applied: that OPD gave no usable answer. */
export interface UnusedChoice {
  questionId: string;
  opdCode: string;
  /** 'no-answer': blank or no workbook; 'invalid': left out for an error; 'unfit': does not fit the rubric. */
  reason: 'no-answer' | 'invalid' | 'unfit';
}

/** The engine's result: a ScoreResult with a few additions (all documented in docs/scoring.md). */
export interface ScoreReport extends ScoreResult {
  questions: QuestionScoreDetail[];
  /** True when evidence files were checked against a folder. */
  evidenceChecked: boolean;
  /** Every answer that did not take part in scoring, and why. */
  ignoredAnswers: IgnoredAnswer[];
  /** Questions the OPDs answer differently, open or chosen, in catalog order. */
  conflicts: QuestionConflict[];
  /** Choices of the config that could not be applied. */
  unusedChoices: UnusedChoice[];
  /** How far the verification forecast lies from the edges of its band, and whether that is a risk. */
  forecastMargin: ForecastMargin;
}

/** Conflicts still waiting for the DPPPA's choice. */
export const openConflicts = (r: Pick<ScoreReport, 'conflicts'>) => r.conflicts.filter((c) => c.status === 'open');

const sum = (xs: readonly number[]) => clean(xs.reduce((s, x) => s + x, 0));

/** Normalise an option value for comparison: trimmed, spaces collapsed, case-insensitive. */
export const normalizeOption = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The fraction of the maximum an answer earns under a rubric, or null when the
 * value does not fit the rubric.
 */
export function rubricFraction(rubric: Rubric, value: AnswerValue, previous: AnswerValue | null = null): number | null {
  switch (rubric.kind) {
    case 'options': {
      if (value.kind !== 'option') return null;
      const want = normalizeOption(value.option);
      return rubric.options.find((o) => normalizeOption(o.value) === want)?.fraction ?? null;
    }
    case 'bands': {
      if (value.kind !== 'number' || !Number.isFinite(value.value)) return null;
      const v = value.value;
      const band = rubric.bands.find((b) => (rubric.better === 'higher' ? v >= b.threshold : v <= b.threshold));
      return band ? band.fraction : rubric.otherwise;
    }
    case 'trend': {
      if (value.kind !== 'number' || !Number.isFinite(value.value)) return null;
      const v = value.value;
      if (rubric.better === 'lower' && v === 0) return rubric.improved;
      if (previous === null || previous.kind !== 'number' || !Number.isFinite(previous.value)) return rubric.noPrevious;
      const p = previous.value;
      if (v === p) return rubric.unchanged;
      const better = rubric.better === 'higher' ? v > p : v < p;
      return better ? rubric.improved : rubric.worsened;
    }
  }
}

interface Candidate {
  answer: Answer;
  points: number;
  checks: EvidenceCheck[];
  notFound: string[];
  evidenceMissing: boolean;
  /** Points through verification when not simply all or nothing (a matrix: the rows with evidence). */
  forecastPoints?: number;
}

/** Its points in the verification forecast. */
const forecastOf = (c: Candidate) => c.forecastPoints ?? (c.evidenceMissing ? 0 : c.points);

/** Answers count as different when their values differ (options compared as validation normalised them). */
const valueKey = (v: AnswerValue) => (v.kind === 'option' ? `o:${normalizeOption(v.option)}` : `n:${v.value}`);

/**
 * Score the answers against the catalog.
 *
 * Several OPDs may answer the same question. The answer the DPPPA chose
 * (`options.chosen`) counts in the estimate and the forecast. Otherwise the
 * estimate counts the answer that earns the most points (ties prefer an answer
 * whose required evidence is present, then the OPD listed first in the project
 * config, then the OPD code) and the forecast the answer that keeps the most
 * points through verification. Where the answers differ, the question is a
 * conflict (`conflicts`), open until the DPPPA chooses.
 * Answers marked invalid, answers that do not fit the rubric and answers to
 * unknown questions are left out and listed in `ignoredAnswers`.
 */
export function score(catalog: Catalog, answers: readonly Answer[], options: ScoreOptions = {}): ScoreReport {
  const order = new Map((options.opdOrder ?? []).map((c, i) => [c, i]));
  const rank = (code: string) => order.get(code) ?? Number.MAX_SAFE_INTEGER;
  const byQuestion = new Map<string, Answer[]>();
  const ignoredAnswers: IgnoredAnswer[] = [];
  for (const a of answers) {
    if (!catalog.questionById.has(a.questionId)) {
      ignoredAnswers.push({ questionId: a.questionId, opdCode: a.opdCode, reason: 'unknown-question', source: a.cells.answer });
      continue;
    }
    byQuestion.set(a.questionId, [...(byQuestion.get(a.questionId) ?? []), a]);
  }

  const conflicts: QuestionConflict[] = [];
  const unusedChoices: UnusedChoice[] = [];
  const columns = new Map((options.matrix?.columns ?? []).map((c) => [c.questionId, c]));
  const questions = catalog.questionList.map((q) => {
    const column = columns.get(q.id);
    if (column && column.rows.some((r) => r.value !== null)) return scoreFromMatrix(q, column, byQuestion.get(q.id) ?? [], options);
    const { result, ignored, conflict, unusedChoice } = scoreQuestion(q, byQuestion.get(q.id) ?? [], options, rank);
    ignoredAnswers.push(...ignored);
    if (conflict) conflicts.push(conflict);
    if (unusedChoice) unusedChoices.push(unusedChoice);
    return result;
  });

  const indicators: IndicatorScore[] = [];
  const groups: GroupScore[] = [];
  for (const g of catalog.groups) {
    const inGroup: IndicatorScore[] = [];
    for (const ind of g.indicators) {
      const qs = questions.filter((q) => q.indicatorId === ind.id);
      const capped = (xs: number[]) => Math.min(sum(xs), ind.max);
      inGroup.push({
        id: ind.id,
        groupId: g.id,
        name: ind.name,
        max: ind.max,
        points: capped(qs.map((q) => q.points)),
        forecastPoints: capped(qs.map((q) => q.forecastPoints)),
      });
    }
    indicators.push(...inGroup);
    groups.push({
      id: g.id,
      label: g.label,
      name: g.name,
      max: g.max,
      points: sum(inGroup.map((i) => i.points)),
      forecastPoints: sum(inGroup.map((i) => i.forecastPoints)),
    });
  }
  const total = sum(groups.map((g) => g.points));
  const forecastTotal = sum(groups.map((g) => g.forecastPoints));
  const summary = (t: number): ScoreSummary => ({ total: t, predikat: predikatFor(t, catalog.predikat) });
  return {
    ...summary(total),
    catalogId: catalog.id,
    max: catalog.totalMax,
    forecast: summary(forecastTotal),
    groups,
    indicators,
    questions,
    evidenceChecked: options.evidence !== undefined,
    ignoredAnswers,
    conflicts,
    unusedChoices,
    forecastMargin: forecastMarginOf(forecastTotal, catalog.predikat, options.riskMargin ?? DEFAULT_RISK_MARGIN),
  };
}

function scoreQuestion(
  q: CatalogQuestion,
  given: Answer[],
  options: ScoreOptions,
  rank: (code: string) => number,
  preset?: Candidate,
): { result: QuestionScoreDetail; ignored: IgnoredAnswer[]; conflict?: QuestionConflict; unusedChoice?: UnusedChoice } {
  const ignored: IgnoredAnswer[] = [];
  const candidates: Candidate[] = preset ? [preset] : [];
  const judge = (answer: Answer): Candidate | null => {
    if (answer.value === null) return null;
    const f = rubricFraction(q.rubricDef, answer.value, answer.previous);
    if (f === null) return null;
    const checks = checkEvidence(answer.evidence, options.evidence);
    const named = checks.some(namesEvidence);
    const notFound = options.evidence ? checks.filter(isMissing).map((c) => c.entry) : [];
    const evidenceMissing = q.evidenceRequired && (!named || notFound.length > 0);
    return { answer, points: f * q.points, checks, notFound, evidenceMissing };
  };
  for (const a of given) {
    if (a.invalid) {
      ignored.push({ questionId: q.id, opdCode: a.opdCode, reason: 'invalid', source: a.cells.answer });
      continue;
    }
    if (a.value === null) continue;
    const c = judge(a);
    if (c) candidates.push(c);
    else ignored.push({ questionId: q.id, opdCode: a.opdCode, reason: 'unfit', source: a.cells.answer });
  }
  const order = (a: Candidate, b: Candidate) =>
    Number(a.evidenceMissing) - Number(b.evidenceMissing) || rank(a.answer.opdCode) - rank(b.answer.opdCode) || a.answer.opdCode.localeCompare(b.answer.opdCode);
  candidates.sort((a, b) => b.points - a.points || order(a, b));
  const responsible = [...(options.responsible?.(q.id) ?? [])];
  const setting = options.whatIf?.get(q.id);

  const chosenCode = options.chosen?.get(q.id);
  const chosen = chosenCode === undefined ? undefined : candidates.find((c) => c.answer.opdCode === chosenCode);
  let unusedChoice: UnusedChoice | undefined;
  if (chosenCode !== undefined && !chosen) {
    const left = ignored.find((i) => i.opdCode === chosenCode);
    unusedChoice = { questionId: q.id, opdCode: chosenCode, reason: left ? (left.reason === 'invalid' ? 'invalid' : 'unfit') : 'no-answer' };
  }
  const isConflict = new Set(candidates.map((c) => valueKey(c.answer.value!))).size > 1;
  // The forecast keeps the answer verification leaves most points to; without a conflict that is the same answer.
  const forecastBest = [...candidates].sort((a, b) => forecastOf(b) - forecastOf(a) || b.points - a.points || order(a, b))[0];
  let best: Candidate | undefined = chosen ?? candidates[0];
  let forecastBasis: Candidate | undefined = chosen ?? (forecastBest && forecastOf(forecastBest) > 0 ? forecastBest : best);

  let status: QuestionScore['status'] = best ? 'answered' : ignored.length > 0 ? 'ignored' : 'unanswered';
  let whatIf: QuestionScoreDetail['whatIf'];
  let points = best?.points ?? 0;
  let forecastPoints = forecastBasis ? forecastOf(forecastBasis) : 0;
  if (setting && 'answer' in setting) {
    // The what-if answer replaces the counting answer's value; its evidence and cells stay.
    const basis: Answer = best?.answer ?? {
      questionId: q.id,
      opdCode: responsible[0] ?? '',
      value: null,
      previous: null,
      evidence: [],
      note: '',
      cells: { answer: nowhere, previous: nowhere, evidence: nowhere, note: nowhere },
    };
    const c = judge({ ...basis, value: setting.answer });
    if (c === null) throw new Error(`what-if answer for ${q.id} does not fit its rubric`); // parse checks this first
    best = forecastBasis = c;
    points = c.points;
    forecastPoints = forecastOf(c);
    status = 'answered';
    whatIf = 'answer';
  } else if (setting) {
    points = setting.points;
    // The points replace those of the answer that counts; in the forecast that is the best-evidenced one.
    forecastPoints = (forecastBasis ? forecastBasis.evidenceMissing : q.evidenceRequired) ? 0 : points;
    status = 'overridden';
    whatIf = 'points';
  }

  const evidenceMissing = best ? best.evidenceMissing : q.evidenceRequired;
  const realSource = best && best.answer.cells.answer !== nowhere ? best.answer.cells.answer : null;
  const code = (c: Candidate | undefined) => (c && c.answer.opdCode !== '' ? c.answer.opdCode : null);
  const result: QuestionScoreDetail = {
    questionId: q.id,
    indicatorId: q.indicatorId,
    groupId: q.groupId,
    max: q.points,
    points,
    forecastPoints,
    status,
    value: best?.answer.value ?? null,
    previous: best?.answer.previous ?? null,
    evidence: best?.answer.evidence ?? [],
    evidenceRequired: q.evidenceRequired,
    evidenceMissing,
    opdCode: code(best),
    responsible,
    source: realSource,
    evidenceNotFound: best?.notFound ?? [],
    evidenceCheck: best?.checks ?? [],
    forecastOpdCode: code(forecastBasis),
  };
  let conflict: QuestionConflict | undefined;
  if (isConflict) {
    result.conflict = chosen ? 'chosen' : 'open';
    const counted = chosen ?? candidates[0]!;
    conflict = {
      questionId: q.id,
      indicatorId: q.indicatorId,
      groupId: q.groupId,
      status: result.conflict,
      chosenOpdCode: chosen ? chosen.answer.opdCode : null,
      estimateOpdCode: counted.answer.opdCode,
      forecastOpdCode: (chosen ?? (forecastBest && forecastOf(forecastBest) > 0 ? forecastBest : counted)).answer.opdCode,
      answers: candidates.map((c) => ({
        opdCode: c.answer.opdCode,
        value: c.answer.value!,
        previous: c.answer.previous,
        points: c.points,
        forecastPoints: forecastOf(c),
        evidenceMissing: c.evidenceMissing,
        source: c.answer.cells.answer,
      })),
    };
  }
  if (whatIf) result.whatIf = whatIf;
  return { result, ignored, ...(conflict ? { conflict } : {}), ...(unusedChoice ? { unusedChoice } : {}) };
}

/**
 * A question the matrix answers: the share (or roll-up) of its rows is the
 * answer, and verification keeps the rows whose evidence is complete (a yes
 * without evidence counts as no). Answers OPDs typed for it are recorded,
 * not counted; validation reports where they disagree.
 */
function scoreFromMatrix(q: CatalogQuestion, column: MatrixColumn, given: Answer[], options: ScoreOptions): QuestionScoreDetail {
  const fav = favourable(q);
  const unevidenced: UnevidencedRow[] = [];
  const evidenced = new Set<MatrixRow>();
  const kept: string[] = [];
  for (const r of column.rows) {
    if (r.value !== fav) continue;
    const checks = checkEvidence(r.evidence, options.evidence);
    const notFound = options.evidence ? checks.filter(isMissing).map((c) => c.entry) : [];
    if (checks.some(namesEvidence) && notFound.length === 0) {
      evidenced.add(r);
      for (const c of checks) if (namesEvidence(c) && !kept.includes(c.entry)) kept.push(c.entry);
    } else if (r.cells) {
      unevidenced.push({ kecamatan: r.kecamatan, desa: r.desa, notFound, cell: r.cells.answer });
    }
  }
  const estimate = tally(q, column.rows)!;
  const unfav: RowValue = fav === 'ya' ? 'tidak' : 'ya';
  const forecast = q.evidenceRequired ? tally(q, column.rows, (r) => (r.value === fav && !evidenced.has(r) ? unfav : r.value))! : estimate;
  const fraction = (v: AnswerValue) => rubricFraction(q.rubricDef, v) ?? 0;
  const answer: Answer = {
    questionId: q.id,
    opdCode: '',
    value: estimate.value,
    previous: null,
    evidence: kept,
    note: '',
    cells: { answer: column.header, previous: column.header, evidence: column.header, note: column.header },
  };
  const matrix: MatrixScore = {
    scope: column.scope,
    numerator: estimate.numerator,
    denominator: estimate.denominator,
    forecastNumerator: forecast.numerator,
    blank: estimate.blank,
    favourable: fav,
    forecastValue: forecast.value,
    unevidenced,
    typed: given.filter((a) => a.value !== null).map((a) => ({ opdCode: a.opdCode, value: a.value!, source: a.cells.answer })),
  };
  const candidate: Candidate = {
    answer,
    points: clean(fraction(estimate.value) * q.points),
    checks: checkEvidence(kept, options.evidence),
    notFound: [],
    evidenceMissing: q.evidenceRequired && unevidenced.length > 0,
    forecastPoints: clean(fraction(forecast.value) * q.points),
  };
  const { result } = scoreQuestion(q, [], { ...options, chosen: undefined }, () => 0, candidate);
  result.matrix = matrix;
  return result;
}

/** Placeholder cells of an answer a what-if creates where there was none. */
const nowhere: CellRef = { file: '', sheet: '', cell: '' };
