/**
 * The JSON of `kla score --format json`: versioned, read back by
 * `--baseline` (year over year) and by other tools. Numbers are full precision
 * (cleaned, see engine.ts); show them with two decimals.
 */
import { z } from 'zod';
import { diag, refusal } from '../diagnostics/index.js';
import type { ScoreComparison, ScoreLike } from './compare.js';
import type { IgnoredAnswer, QuestionConflict, QuestionScoreDetail, ScoreReport, UnusedChoice } from './engine.js';
import type { ForecastMargin } from './predikat.js';
import { forecastDifference, type ForecastDifference, type GapPlan } from './plan.js';
import type { WhatIfResult } from './whatif.js';
import type { AnswerValue } from '../model.js';
import type { Catalog } from '../catalog/load.js';

/** Bump on an incompatible change of the JSON below. */
export const SCORE_JSON_VERSION = 1;

export interface ScoreJsonCore {
  total: number;
  predikat: string | null;
  max: number;
  catalogId: string;
  forecast: { total: number; predikat: string | null; evidenceChecked: boolean; margin: ForecastMargin; difference: ForecastDifference };
  groups: ScoreReport['groups'];
  indicators: ScoreReport['indicators'];
  questions: QuestionScoreDetail[];
  unanswered: string[];
  ignoredAnswers: IgnoredAnswer[];
  /** Questions the OPDs answer differently ('open' until the DPPPA chooses in the config's chosenAnswers). */
  conflicts: QuestionConflict[];
  unusedChoices: UnusedChoice[];
}

export interface ScoreJson extends ScoreJsonCore {
  schemaVersion: typeof SCORE_JSON_VERSION;
  kind: 'kla-score';
  /** Every score of kla is an estimate of the self-evaluation, not an official result. */
  note: string;
  district: string | null;
  /** The evaluation year. */
  year: number | null;
  /** The data years evaluated: the answers' year and the year before it. */
  dataYears: { evaluated: number; previous: number } | null;
  /** The catalog's decimal rule for predikat band edges. */
  predikatRule: string;
  /** With --set/--what-if: the scenario's result and its change against the score above. */
  scenario?: ScoreJsonCore & { settings: Record<string, { answer: AnswerValue } | { points: number }>; delta: ScoreComparison };
  /** With --target. */
  plan?: GapPlan;
  /** With --baseline: the change from the baseline to this score. */
  comparison?: ScoreComparison & { baselineFile: string };
}

/** Everything one `kla score` run shows; both output formats render it. */
export interface ScoreView {
  catalog: Catalog;
  report: ScoreReport;
  /** "Kabupaten Merangin". */
  district?: string;
  /** The evaluation year. */
  year?: number;
  dataYears?: { evaluated: number; previous: number };
  /** The evidence folder checked, as given. */
  evidenceDir?: string;
  whatIf?: WhatIfResult;
  plan?: GapPlan | null;
  comparison?: { result: ScoreComparison; file: string };
}

function core(r: ScoreReport): ScoreJsonCore {
  return {
    total: r.total,
    predikat: r.predikat,
    max: r.max,
    catalogId: r.catalogId,
    forecast: { ...r.forecast, evidenceChecked: r.evidenceChecked, margin: r.forecastMargin, difference: forecastDifference(r) },
    groups: r.groups,
    indicators: r.indicators,
    questions: r.questions,
    unanswered: r.questions.filter((q) => q.status === 'unanswered').map((q) => q.questionId),
    ignoredAnswers: r.ignoredAnswers,
    conflicts: r.conflicts,
    unusedChoices: r.unusedChoices,
  };
}

/** The JSON document of one run. Key order is the reading order: total and predikat first. */
export function toScoreJson(x: ScoreView): ScoreJson {
  const c = core(x.report);
  const out: ScoreJson = {
    schemaVersion: SCORE_JSON_VERSION,
    kind: 'kla-score',
    total: c.total,
    predikat: c.predikat,
    max: c.max,
    catalogId: c.catalogId,
    note: 'Perkiraan hasil evaluasi mandiri, bukan nilai resmi. / An estimate of the self-evaluation, not an official result.',
    district: x.district ?? null,
    year: x.year ?? null,
    dataYears: x.dataYears ?? null,
    predikatRule: x.catalog.predikat.decimalRule,
    forecast: c.forecast,
    groups: c.groups,
    indicators: c.indicators,
    questions: c.questions,
    unanswered: c.unanswered,
    ignoredAnswers: c.ignoredAnswers,
    conflicts: c.conflicts,
    unusedChoices: c.unusedChoices,
  };
  if (x.whatIf) {
    out.scenario = { ...core(x.whatIf.scenario), settings: Object.fromEntries(x.whatIf.settings), delta: x.whatIf.delta };
  }
  if (x.plan) out.plan = x.plan;
  if (x.comparison) out.comparison = { ...x.comparison.result, baselineFile: x.comparison.file };
  return out;
}

const summary = z.object({ total: z.number(), predikat: z.string().nullable() });
const row = { id: z.string(), points: z.number(), forecastPoints: z.number() };
const baselineSchema = z.object({
  schemaVersion: z.literal(SCORE_JSON_VERSION),
  kind: z.literal('kla-score'),
  catalogId: z.string(),
  total: z.number(),
  predikat: z.string().nullable(),
  forecast: summary,
  groups: z.array(z.object({ ...row, label: z.string() })),
  indicators: z.array(z.object({ ...row, groupId: z.string(), name: z.string() })),
  questions: z.array(z.object({ questionId: z.string(), points: z.number(), forecastPoints: z.number() })).optional(),
});

/** Read the JSON of an earlier run for --baseline. Throws a refusal (exit 2) naming the file. */
export function parseScoreJson(text: string, file: string): ScoreLike {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw refusal('KLA-E540', { file }, { location: { file } });
  }
  const r = baselineSchema.safeParse(raw);
  if (!r.success) {
    const v = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
    throw refusal('KLA-E541', { file, version: typeof v === 'number' && v !== SCORE_JSON_VERSION ? v : undefined, expected: SCORE_JSON_VERSION }, {
      location: { file },
      details: r.error.issues.slice(0, 5).map((i) => diag('KLA-E542', { at: i.path.join('.') || '-' }, { file, key: i.path.join('.') })),
    });
  }
  return r.data;
}
