/**
 * Differences between two scores: a what-if scenario against its baseline,
 * or this year's score against an earlier `kla score --format json`. Pure.
 */
import type { ScoreSummary } from '../model.js';
import { clean } from './numbers.js';

/** The parts of a score that a comparison needs; both ScoreResult and a parsed score JSON have them. */
export interface ScoreLike extends ScoreSummary {
  catalogId: string;
  forecast: ScoreSummary;
  groups: readonly { id: string; label: string; points: number; forecastPoints: number }[];
  indicators: readonly { id: string; groupId: string; name: string; points: number; forecastPoints: number }[];
  questions?: readonly { questionId: string; points: number; forecastPoints: number }[];
}

/** A number before and after, and after minus before. null where one side does not have it. */
export interface Change {
  before: number | null;
  after: number | null;
  delta: number | null;
}

export interface RowChange {
  id: string;
  label: string;
  points: Change;
  forecastPoints: Change;
}

export interface ScoreComparison {
  /** True when both sides were scored against the same catalog id. */
  sameCatalog: boolean;
  beforeCatalogId: string;
  afterCatalogId: string;
  total: Change;
  predikat: { before: string | null; after: string | null; changed: boolean };
  forecast: { total: Change; predikat: { before: string | null; after: string | null; changed: boolean } };
  groups: RowChange[];
  indicators: RowChange[];
  /** Questions whose points or forecast changed (only when both sides carry questions). */
  questions: RowChange[];
}

export function change(before: number | null | undefined, after: number | null | undefined): Change {
  const b = before ?? null;
  const a = after ?? null;
  return { before: b, after: a, delta: a !== null && b !== null ? clean(a - b) : null };
}

/** Rows of both sides matched by id, in the order of `after`, then rows only `before` has. */
function rows<T extends { id: string; points: number; forecastPoints: number }>(
  before: readonly T[],
  after: readonly T[],
  label: (r: T) => string,
): RowChange[] {
  const old = new Map(before.map((r) => [r.id, r]));
  const out: RowChange[] = after.map((r) => {
    const b = old.get(r.id);
    return { id: r.id, label: label(r), points: change(b?.points, r.points), forecastPoints: change(b?.forecastPoints, r.forecastPoints) };
  });
  const seen = new Set(after.map((r) => r.id));
  for (const r of before) {
    if (!seen.has(r.id)) out.push({ id: r.id, label: label(r), points: change(r.points, null), forecastPoints: change(r.forecastPoints, null) });
  }
  return out;
}

/** Compare two scores group by group, indicator by indicator (and question by question when both have them). */
export function compareScores(before: ScoreLike, after: ScoreLike): ScoreComparison {
  const pred = (b: string | null, a: string | null) => ({ before: b, after: a, changed: b !== a });
  const qs =
    before.questions && after.questions
      ? rows(
          before.questions.map((q) => ({ ...q, id: q.questionId })),
          after.questions.map((q) => ({ ...q, id: q.questionId })),
          (q) => q.id,
        ).filter((r) => r.points.delta !== 0 || r.forecastPoints.delta !== 0)
      : [];
  return {
    sameCatalog: before.catalogId === after.catalogId,
    beforeCatalogId: before.catalogId,
    afterCatalogId: after.catalogId,
    total: change(before.total, after.total),
    predikat: pred(before.predikat, after.predikat),
    forecast: { total: change(before.forecast.total, after.forecast.total), predikat: pred(before.forecast.predikat, after.forecast.predikat) },
    groups: rows(before.groups, after.groups, (g) => g.label),
    indicators: rows(before.indicators, after.indicators, (i) => i.name),
    questions: qs,
  };
}

/** Year over year: an earlier score (parsed from its JSON, see json.ts) against the current one. */
export function compareBaseline(current: ScoreLike, baseline: ScoreLike): ScoreComparison {
  return compareScores(baseline, current);
}
