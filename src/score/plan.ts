/**
 * What the numbers mean for the work ahead: which answers the verification
 * forecast loses and why, and the cheapest path to a target predikat. Pure
 * functions of a ScoreReport; the dossier renders them as they are.
 */
import type { CatalogData } from '../catalog/schema.js';
import type { QuestionScoreDetail, ScoreReport, UnevidencedRow } from './engine.js';
import type { MatrixScope } from '../matrix.js';
import { isMissing, type EvidenceCheck } from './evidence.js';
import { clean, EPSILON } from './numbers.js';
import { bandNamed, predikatThreshold, reaches } from './predikat.js';

/** One answer that earns points in the self-evaluation but not in the verification forecast. */
export interface ForecastGap {
  questionId: string;
  indicatorId: string;
  groupId: string;
  /** Points lost to verification: points - forecastPoints. */
  atStake: number;
  /** The OPD whose answer counts; else the OPDs responsible. */
  opdCode: string | null;
  responsible: string[];
  /** 'none': no evidence named; 'not-found': named files missing from the evidence folder. */
  reason: 'none' | 'not-found';
  evidenceNotFound: string[];
  /** Each named file that was not found (or points outside the folder), with the nearest file when one is close. */
  missing: EvidenceCheck[];
  /** A question the matrix answers: the kecamatan or desa whose rows lack evidence. */
  matrix?: { scope: MatrixScope; rows: UnevidencedRow[] };
}

export interface ForecastDifference {
  total: number;
  groups: { id: string; label: string; points: number; forecastPoints: number; difference: number }[];
  /** Ordered by points at stake, largest first, then catalog order. */
  questions: ForecastGap[];
}

/** Where the self-evaluation and the verification forecast differ, and the answers that cause it. */
export function forecastDifference(r: ScoreReport): ForecastDifference {
  const questions = r.questions
    .map((q, i) => ({ q, i }))
    .filter(({ q }) => q.points - q.forecastPoints > EPSILON)
    .sort((a, b) => b.q.points - b.q.forecastPoints - (a.q.points - a.q.forecastPoints) || a.i - b.i)
    .map(({ q }) => ({
      questionId: q.questionId,
      indicatorId: q.indicatorId,
      groupId: q.groupId,
      atStake: clean(q.points - q.forecastPoints),
      opdCode: q.opdCode,
      responsible: q.responsible,
      reason: q.evidenceNotFound.length > 0 ? ('not-found' as const) : ('none' as const),
      evidenceNotFound: q.evidenceNotFound,
      missing: q.evidenceNotFound.length > 0 ? q.evidenceCheck.filter(isMissing) : [],
      ...(q.matrix ? { matrix: { scope: q.matrix.scope, rows: q.matrix.unevidenced } } : {}),
    }));
  return {
    total: clean(r.total - r.forecast.total),
    groups: r.groups.map((g) => ({ id: g.id, label: g.label, points: g.points, forecastPoints: g.forecastPoints, difference: clean(g.points - g.forecastPoints) })),
    questions,
  };
}

/**
 * Kinds of step, cheapest first:
 * - 'evidence': the answer already earns points; only its evidence is missing;
 * - 'answer': no usable answer yet (blank, or left out for errors);
 * - 'improve': a better answer needs real change (a regulation, a service, coverage).
 */
export type PlanStepKind = 'evidence' | 'answer' | 'improve';

export interface PlanStep {
  questionId: string;
  indicatorId: string;
  groupId: string;
  kind: PlanStepKind;
  /** Forecast points this step can add. */
  gain: number;
  /** Forecast total after this step and all before it. */
  cumulative: number;
  /** The OPD to ask: the one whose answer counts, else the first responsible. */
  opdCode: string | null;
  responsible: string[];
  /** This step is part of the path to the target (false: listed as further room). */
  needed: boolean;
}

export interface GapPlan {
  target: string;
  /** The forecast total must reach this value (inclusive) or exceed it (not inclusive). */
  threshold: { value: number; inclusive: boolean };
  /** The plan starts from the verification forecast, since that is what verification leaves. */
  start: number;
  status: 'reached' | 'reachable' | 'unreachable';
  /** Forecast total after the needed steps (or after all steps, when unreachable). */
  end: number;
  /** Points still missing after every step (0 unless unreachable). */
  shortfall: number;
  /** All steps with points open, cheapest first; `needed` marks the path to the target. */
  steps: PlanStep[];
  /** Needed steps grouped by the OPD to ask, in order of first appearance. */
  byOpd: { opdCode: string | null; steps: PlanStep[]; gain: number }[];
}

const kindRank: Record<PlanStepKind, number> = { evidence: 0, answer: 1, improve: 2 };

type Draft = Omit<PlanStep, 'cumulative' | 'needed'> & { raw: number };
const strip = ({ raw: _raw, ...s }: Draft): Omit<PlanStep, 'cumulative' | 'needed'> => s;

function stepsOf(q: QuestionScoreDetail): Draft[] {
  const base = {
    questionId: q.questionId,
    indicatorId: q.indicatorId,
    groupId: q.groupId,
    opdCode: q.opdCode ?? q.responsible[0] ?? null,
    responsible: q.responsible,
  };
  const out: Draft[] = [];
  const lost = q.points - q.forecastPoints;
  if (lost > EPSILON) out.push({ ...base, kind: 'evidence', gain: clean(lost), raw: lost });
  const open = q.max - q.points;
  if (open > EPSILON) out.push({ ...base, kind: q.status === 'unanswered' || q.status === 'ignored' ? 'answer' : 'improve', gain: clean(open), raw: open });
  return out;
}

/**
 * The cheapest path from the verification forecast to `target`: evidence-only
 * gaps first (the quickest wins), then missing answers, then better answers;
 * within a kind, the largest gain first (fewest steps), then catalog order.
 * An indicator counts at most its maximum, so a step's gain is what its
 * indicator still has room for when the step is taken; a step whose points
 * the maximum would swallow whole is not offered.
 * Returns null when `target` is not a predikat of the catalog.
 */
export function gapPlan(r: ScoreReport, predikat: CatalogData['predikat'], target: string): GapPlan | null {
  const threshold = predikatThreshold(target, predikat);
  if (!threshold) return null;
  const name = bandNamed(target, predikat)?.name ?? target;
  const start = r.forecast.total;
  // Per indicator: the unrounded sum of its questions' forecast points, and the most it counts.
  const room = new Map(r.indicators.map((i) => [i.id, { sum: 0, max: i.max }]));
  for (const q of r.questions) {
    const ind = room.get(q.indicatorId);
    if (ind) ind.sum += q.forecastPoints;
  }
  const counted = (ind: { sum: number; max: number }) => Math.min(ind.sum, ind.max);
  const headroom = (id: string) => {
    const ind = room.get(id);
    return ind ? ind.max - counted(ind) : Infinity;
  };
  const ordered = r.questions
    .flatMap((q, i) => stepsOf(q).map((s) => ({ s, i, key: Math.min(s.raw, headroom(q.indicatorId)) })))
    .sort((a, b) => kindRank[a.s.kind] - kindRank[b.s.kind] || b.key - a.key || a.i - b.i)
    .map(({ s }) => s);
  // Accumulate unrounded values; clean only what is shown and compared.
  let raw = [...room.values()].reduce((s, ind) => s + counted(ind), 0);
  let reached = reaches(start, threshold);
  let end = start;
  const steps: PlanStep[] = [];
  for (const s of ordered) {
    const ind = room.get(s.indicatorId);
    let gain = s.raw;
    if (ind) {
      const before = counted(ind);
      ind.sum += s.raw;
      gain = counted(ind) - before;
    }
    if (gain <= EPSILON) continue;
    const needed = !reached;
    raw += gain;
    const cumulative = clean(raw);
    if (needed) {
      end = cumulative;
      reached = reaches(cumulative, threshold);
    }
    steps.push({ ...strip(s), gain: clean(gain), cumulative, needed });
  }
  const status = reaches(start, threshold) ? 'reached' : reached ? 'reachable' : 'unreachable';
  const byOpd: GapPlan['byOpd'] = [];
  for (const s of steps.filter((x) => x.needed)) {
    let g = byOpd.find((x) => x.opdCode === s.opdCode);
    if (!g) byOpd.push((g = { opdCode: s.opdCode, steps: [], gain: 0 }));
    g.steps.push(s);
    g.gain = clean(g.gain + s.gain);
  }
  const shortfall = status === 'unreachable' ? clean(threshold.value - end) : 0;
  return { target: name, threshold, start, status, end, shortfall, steps, byOpd };
}
