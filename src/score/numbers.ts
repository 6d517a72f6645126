/**
 * Precision of points (defined here once, documented in docs/scoring.md):
 * - question points are fraction x maximum in full floating-point precision;
 * - every sum (indicator, group, total) and every difference is cleaned to 12
 *   significant digits, which removes binary noise (0.1 + 0.2 =
 *   0.30000000000000004) without touching any meaningful digit (totals up to
 *   1000 keep nine decimals), so a full indicator of 3 x 400/3 is exactly 400;
 * - display rounds half up to two decimals (`roundShown`).
 */

/** Clean binary floating-point noise: 12 significant digits. */
export function clean(x: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(12));
}

/** The value shown for points: rounded half up to `digits` decimals (two, as official results), after cleaning. */
export function roundShown(x: number, digits = 2): number {
  const f = 10 ** digits;
  const r = Math.round(Number((clean(x) * f).toFixed(6))) / f;
  return r === 0 ? 0 : r; // no "-0,00"
}

/** Points below this are treated as none (noise of floating-point sums). */
export const EPSILON = 1e-9;
