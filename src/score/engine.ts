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
import { findMissingEvidence, type EvidenceLookup } from './evidence.js';
import { clean } from './numbers.js';
import { predikatFor } from './predikat.js';

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
  /** Evidence files named in the answer but not found in the evidence folder. */
  evidenceNotFound: string[];
  /** Set when a what-if changed this question. */
  whatIf?: 'answer' | 'points';
}

/** The engine's result: a ScoreResult with a few additions (all documented in docs/scoring.md). */
export interface ScoreReport extends ScoreResult {
  questions: QuestionScoreDetail[];
  /** True when evidence files were checked against a folder. */
  evidenceChecked: boolean;
  /** Every answer that did not take part in scoring, and why. */
  ignoredAnswers: IgnoredAnswer[];
}

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
  notFound: string[];
  evidenceMissing: boolean;
}

/**
 * Score the answers against the catalog.
 *
 * Several OPDs may answer the same question; the answer that earns the most
 * points counts. Ties prefer an answer whose required evidence is present,
 * then the OPD listed first in the project config, then the OPD code.
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

  const questions = catalog.questionList.map((q) => {
    const { result, ignored } = scoreQuestion(q, byQuestion.get(q.id) ?? [], options, rank);
    ignoredAnswers.push(...ignored);
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
  };
}

function scoreQuestion(
  q: CatalogQuestion,
  given: Answer[],
  options: ScoreOptions,
  rank: (code: string) => number,
): { result: QuestionScoreDetail; ignored: IgnoredAnswer[] } {
  const ignored: IgnoredAnswer[] = [];
  const candidates: Candidate[] = [];
  const judge = (answer: Answer): Candidate | null => {
    if (answer.value === null) return null;
    const f = rubricFraction(q.rubricDef, answer.value, answer.previous);
    if (f === null) return null;
    const named = answer.evidence.some((e) => e.trim() !== '');
    const notFound = options.evidence ? findMissingEvidence(answer.evidence, options.evidence) : [];
    const evidenceMissing = q.evidenceRequired && (!named || notFound.length > 0);
    return { answer, points: f * q.points, notFound, evidenceMissing };
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
  candidates.sort(
    (a, b) =>
      b.points - a.points ||
      Number(a.evidenceMissing) - Number(b.evidenceMissing) ||
      rank(a.answer.opdCode) - rank(b.answer.opdCode) ||
      a.answer.opdCode.localeCompare(b.answer.opdCode),
  );
  let best: Candidate | undefined = candidates[0];
  const responsible = [...(options.responsible?.(q.id) ?? [])];
  const setting = options.whatIf?.get(q.id);

  let status: QuestionScore['status'] = best ? 'answered' : ignored.length > 0 ? 'ignored' : 'unanswered';
  let whatIf: QuestionScoreDetail['whatIf'];
  let points = best?.points ?? 0;
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
    best = c;
    points = c.points;
    status = 'answered';
    whatIf = 'answer';
  } else if (setting) {
    points = setting.points;
    status = 'overridden';
    whatIf = 'points';
  }

  const evidenceMissing = best ? best.evidenceMissing : q.evidenceRequired;
  const realSource = best && best.answer.cells.answer !== nowhere ? best.answer.cells.answer : null;
  const result: QuestionScoreDetail = {
    questionId: q.id,
    indicatorId: q.indicatorId,
    groupId: q.groupId,
    max: q.points,
    points,
    forecastPoints: evidenceMissing ? 0 : points,
    status,
    value: best?.answer.value ?? null,
    previous: best?.answer.previous ?? null,
    evidence: best?.answer.evidence ?? [],
    evidenceRequired: q.evidenceRequired,
    evidenceMissing,
    opdCode: best && best.answer.opdCode !== '' ? best.answer.opdCode : null,
    responsible,
    source: realSource,
    evidenceNotFound: best?.notFound ?? [],
  };
  if (whatIf) result.whatIf = whatIf;
  return { result, ignored };
}

/** Placeholder cells of an answer a what-if creates where there was none. */
const nowhere: CellRef = { file: '', sheet: '', cell: '' };
