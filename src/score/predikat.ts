/**
 * The predikat bands of a catalog and everything said about them: which band
 * a total falls in, what a band needs, the band above, and how far a total
 * lies from the edges of its band. The one place that orders the bands.
 *
 * The catalog's rule ('upper-inclusive'): totals are compared at full
 * precision; the lowest band starts at its min inclusive; above it, a total
 * belongs to the first band whose max it does not exceed. 600 -> Pratama,
 * 600.01 -> Madya, 499.99 -> none.
 */
import type { CatalogData } from '../catalog/schema.js';
import { clean, roundShown } from './numbers.js';
import { nearest } from './evidence.js';
import { refusal } from '../diagnostics/index.js';

type Predikat = CatalogData['predikat'];
export type Band = Predikat['bands'][number];

/** What a band needs: total >= value (`inclusive`, the lowest band) or total > value. */
export interface Threshold {
  value: number;
  inclusive: boolean;
}

const sorted = new WeakMap<Predikat, readonly Band[]>();

/** The bands from lowest to highest. */
export function bandsOf(p: Predikat): readonly Band[] {
  let b = sorted.get(p);
  if (!b) sorted.set(p, (b = [...p.bands].sort((x, y) => x.min - y.min)));
  return b;
}

const sameName = (a: string, b: string) => a.normalize('NFC').trim().toLowerCase() === b.normalize('NFC').trim().toLowerCase();

/** The band of `name` (case-insensitive), as the catalog spells it. */
export function bandNamed(name: string, p: Predikat): Band | undefined {
  return bandsOf(p).find((b) => sameName(b.name, name));
}

/**
 * The band a user named (--target): as `bandNamed`, else the refusal
 * KLA-E513 with the band meant when the name is a slip away ("nindia": Nindya).
 */
export function predikatNamed(name: string, p: Predikat): Band {
  const band = bandNamed(name, p);
  if (band) return band;
  const suggestion = nearest(name.normalize('NFC').trim().toLowerCase(), bandsOf(p).map((b) => [b.name.toLowerCase(), b.name] as const));
  throw refusal('KLA-E513', { name, names: bandsOf(p).map((b) => b.name), ...(suggestion ? { suggestion } : {}) }, { location: { file: '', option: '--target' } });
}

/** The predikat of a total; null below the lowest band. */
export function predikatFor(total: number, p: Predikat): string | null {
  const bands = bandsOf(p);
  const lowest = bands[0];
  if (lowest === undefined || total < lowest.min) return null;
  return (bands.find((b) => total <= b.max) ?? bands[bands.length - 1]!).name;
}

/** The total a predikat needs, or null when `name` is not a band of the catalog. */
export function predikatThreshold(name: string, p: Predikat): Threshold | null {
  const bands = bandsOf(p);
  const i = bands.findIndex((b) => sameName(b.name, name));
  if (i < 0) return null;
  return i === 0 ? { value: bands[0]!.min, inclusive: true } : { value: bands[i - 1]!.max, inclusive: false };
}

/** Does `total` reach a threshold? */
export const reaches = (total: number, t: Threshold) => (t.inclusive ? total >= t.value : total > t.value);

/** The band above `current` (the lowest band when there is none yet); null at the top. */
export function nextPredikat(current: string | null, p: Predikat): string | null {
  const bands = bandsOf(p);
  if (current === null) return bands[0]?.name ?? null;
  const i = bands.findIndex((b) => b.name === current);
  return bands[i + 1]?.name ?? null;
}

/**
 * The predikat a plan aims at: the band above the self-evaluation estimate;
 * at the top band, the top band itself while the forecast is still below it
 * (so the plan says what keeps it through verification); otherwise none.
 */
export function planTarget(estimate: string | null, forecast: string | null, p: Predikat): string | null {
  const next = nextPredikat(estimate, p);
  if (next !== null) return next;
  return forecast === estimate ? null : estimate;
}

/** How far a total lies from the edges of its band. */
export interface Margin {
  predikat: string | null;
  /** The lower edge of its band, which the total must reach to keep its predikat; null without a predikat. */
  lower: Threshold | null;
  /** Points above the lower edge of its band (above the edge that would lose the predikat); null without a predikat. */
  aboveLower: number | null;
  /** The band above and the points still missing to reach it; null at the top. */
  next: { name: string; threshold: Threshold; missing: number } | null;
}

export function marginOf(total: number, p: Predikat): Margin {
  const predikat = predikatFor(total, p);
  const own = predikat === null ? null : predikatThreshold(predikat, p);
  const nextName = nextPredikat(predikat, p);
  const nextThreshold = nextName === null ? null : predikatThreshold(nextName, p);
  return {
    predikat,
    lower: own,
    aboveLower: own === null ? null : Math.max(0, clean(total - own.value)),
    next: nextName === null || nextThreshold === null ? null : { name: nextName, threshold: nextThreshold, missing: Math.max(0, clean(nextThreshold.value - total)) },
  };
}

/**
 * The forecast's margin, as a DPPPA needs it before submitting: how far above
 * the edge that would lose its predikat, how far below the next, and whether
 * either is within `riskMargin` points.
 */
export interface ForecastMargin extends Margin {
  /** The margin (points) within which an edge is flagged. */
  riskMargin: number;
  /** The forecast lies within `riskMargin` above the lower edge of its band: a little missing evidence loses the predikat. */
  atRisk: boolean;
  /** The next band is within `riskMargin`: a little more evidence or a better answer reaches it. */
  nearNext: boolean;
}

/** The default of `ScoreOptions.riskMargin` and of the config's `forecastRiskMargin`. */
export const DEFAULT_RISK_MARGIN = 10;

export function forecastMarginOf(total: number, p: Predikat, riskMargin: number): ForecastMargin {
  const m = marginOf(total, p);
  return {
    ...m,
    riskMargin,
    atRisk: m.aboveLower !== null && m.aboveLower <= riskMargin,
    nearNext: m.next !== null && m.next.missing <= riskMargin,
  };
}

/**
 * Decimals to show a total with: two, unless two would put it in another
 * predikat than its full value (600.004 is Madya but shows as 600,00); then as
 * many as it takes, so a shown total never contradicts its predikat.
 */
export function totalDigits(total: number, p: Predikat): number {
  const own = predikatFor(total, p);
  for (let d = 2; d < 9; d++) if (predikatFor(roundShown(total, d), p) === own) return d;
  return 9;
}
