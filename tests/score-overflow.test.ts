/**
 * Indicators whose questions add up to more than their maximum (kla-2024: 19
 * with 54 against 51, 21B with 18 against 17), under each of the catalog's
 * two rules, and points fed exactly as a published recap lists them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCatalog, loadCatalog, resolveCatalogFile, type Catalog } from '../src/catalog/load.js';
import type { CatalogData } from '../src/catalog/schema.js';
import { refusalOf } from './helpers/refusal.js';
import { gapPlan, parseSetArgs, parseWhatIfJson, score } from '../src/score/index.js';
import { answer, opt } from './score-helpers.js';

const shipped = (): CatalogData => JSON.parse(readFileSync(resolveCatalogFile('kla-2024'), 'utf8')) as CatalogData;
const cap = loadCatalog('kla-2024');
const sumRaw = shipped();
sumRaw.indicatorOverflow = 'sum';
const sum = buildCatalog(sumRaw, 'kla-2024 (sum).json');

/** The id as the source writes it: "25.7 b", "21A.4 a" (a trailing letter after a number ending in a digit). */
const asSourceWrites = (id: string) => (/^(21A\.4|25\.7)[a-z]$/.test(id) ? `${id.slice(0, -1)} ${id.slice(-1)}` : id);

/**
 * A recap of all questions, in the instrument's points with two decimals as a
 * recap prints them: a realistic mix of graded fractions, with indicators 19
 * and 21B well answered so their questions go past the indicator maximum.
 */
function recap(c: Catalog, mix: boolean): Map<string, number> {
  const fractions = [1, 0.75, 0.5, 0.33, 0.25, 0.2, 0, 0.8, 0.66, 1];
  return new Map(
    c.questionList.map((q, i) => {
      const f = !mix || q.indicatorId === '19' || q.indicatorId === '21B' ? 1 : fractions[(i * 7) % fractions.length]!;
      return [q.id, Math.round(q.points * f * 100) / 100];
    }),
  );
}

/** The totals a recap gives under each rule, computed in whole cents, independently of the engine. */
function expected(c: Catalog, points: Map<string, number>): { cap: number; sum: number } {
  let capped = 0;
  let summed = 0;
  for (const g of c.groups) {
    for (const ind of g.indicators) {
      const cents = ind.questions.reduce((s, q) => s + Math.round(points.get(q.id)! * 100), 0);
      capped += Math.min(cents, Math.round(ind.statedMax * 100));
      summed += cents;
    }
  }
  return { cap: capped / 100, sum: summed / 100 };
}

const whatIfFile = (points: Map<string, number>) => ({ set: Object.fromEntries([...points].map(([id, p]) => [asSourceWrites(id), { points: p }])) });

describe('a full recap of all 274 questions, fed as a what-if in the instrument\'s points', () => {
  for (const mix of [true, false]) {
    const label = mix ? 'a realistic mix' : 'every question full';
    it(`${label}: each rule gives its total to the cent`, () => {
      const points = recap(cap, mix);
      expect(points.size).toBe(274);
      const want = expected(cap, points);
      const capResult = score(cap, [], { whatIf: parseWhatIfJson(cap, whatIfFile(points), 'rekap.json') });
      const sumResult = score(sum, [], { whatIf: parseWhatIfJson(sum, whatIfFile(points), 'rekap.json') });
      expect(capResult.total).toBe(want.cap);
      expect(sumResult.total).toBe(want.sum);
      // The cap bites: indicator 19's questions go past 51 in both recaps.
      const q19 = [...points].filter(([id]) => cap.questionById.get(id)!.indicatorId === '19').reduce((s, [, p]) => s + p, 0);
      expect(q19).toBeGreaterThan(51);
      expect(capResult.indicators.find((i) => i.id === '19')).toMatchObject({ max: 51, points: 51 });
      expect(sumResult.indicators.find((i) => i.id === '19')!.max).toBe(54);
      expect(capResult.max).toBe(1000);
      expect(sumResult.max).toBe(1004);
      if (!mix) {
        expect(capResult.total).toBe(1000);
        expect(sumResult.total).toBe(1004);
        expect([capResult.predikat, sumResult.predikat]).toEqual(['KLA', 'KLA']);
      }
    });
  }

  it('accepts 19.7 at its full 5 points, and refuses more than the instrument states', () => {
    expect(parseWhatIfJson(cap, { set: { '19.7': { points: 5 } } }, 'w.json').get('19.7')).toEqual({ points: 5 });
    expect(refusalOf(() => parseWhatIfJson(cap, { set: { '19.7': { points: 5.01 } } }, 'w.json')).codes).toEqual(['KLA-E521', 'KLA-E530']);
  });

  it('understands question ids as the source writes them, in --set and in what-if files', () => {
    expect([...parseSetArgs(cap, ['25.7 b=12,5', '21A.4 a=Ada, sebagian']).keys()]).toEqual(['25.7b', '21A.4a']);
    expect([...parseWhatIfJson(cap, { set: { '25.7 b': { points: 0.5 }, '21a.4 A': { points: 2 } } }, 'w.json').keys()]).toEqual(['25.7b', '21A.4a']);
  });
});

/** One group, one indicator X of 10 whose two questions offer 6 each, and Y of 90. */
function overflowing(rule: 'cap' | 'sum'): Catalog {
  const q = (id: string, max: number) => ({
    id, text: `Pertanyaan ${id}?`, max, sources: ['Dinas A'], answerType: 'availability', rubric: 'r',
    previousYear: false, noteRequired: false, scope: 'kabupaten',
  });
  return buildCatalog({
    schemaVersion: 2, id: 'lebih', year: 2030, title: 'Uji', provenance: 'uji', totalMax: 100, indicatorOverflow: rule,
    predikat: { decimalRule: 'upper-inclusive', bands: [{ name: 'Cukup', min: 50, max: 80 }, { name: 'Baik', min: 81, max: 100 }] },
    sources: [{ id: 'Dinas A', name: 'Dinas A' }],
    rubrics: { r: { kind: 'options', title: 'Uji', description: '', options: [{ value: 'Penuh', fraction: 1 }, { value: 'Tiga perempat', fraction: 0.75 }, { value: 'Tidak', fraction: 0 }] } },
    groups: [{ id: 'G', kind: 'klaster', label: 'G', name: 'G', max: 100, indicators: [
      { id: 'X', name: 'X', max: 10, questions: [q('x1', 6), q('x2', 6)] },
      { id: 'Y', name: 'Y', max: 90, questions: [q('y1', 90)] },
    ] }],
  }, `lebih-${rule}.json`);
}

describe('the rule for an indicator whose questions exceed its maximum', () => {
  const full = [answer('x1', 'DA', opt('Penuh'), { evidence: ['x1.pdf'] }), answer('x2', 'DA', opt('Penuh'), { evidence: ['x2.pdf'] })];

  it('cap: the indicator counts at most its maximum, in the estimate and the forecast', () => {
    const r = score(overflowing('cap'), full);
    expect(r.indicators.find((i) => i.id === 'X')).toMatchObject({ max: 10, points: 10, forecastPoints: 10 });
    expect(r.questions.map((q) => q.points)).toEqual([6, 6, 0]);
    expect(r.total).toBe(10);
    expect(r.max).toBe(100);
  });

  it('sum: every question point counts; maxima and the top predikat edge follow the question sums', () => {
    const c = overflowing('sum');
    expect(c.totalMax).toBe(102);
    expect(c.predikat.bands.at(-1)).toEqual({ name: 'Baik', min: 81, max: 102 });
    const r = score(c, full);
    expect(r.indicators.find((i) => i.id === 'X')).toMatchObject({ max: 12, points: 12 });
    expect(r.groups[0]!.max).toBe(102);
    expect(r.max).toBe(102);
    expect(score(c, [...full, answer('y1', 'DA', opt('Penuh'), { evidence: ['y.pdf'] })])).toMatchObject({ total: 102, predikat: 'Baik' });
  });

  it('the gap plan offers no gain the cap would swallow', () => {
    // x1 full with evidence (6), x2 at three quarters without evidence (4.5 in the estimate, 0 in the forecast).
    const answers = [answer('x1', 'DA', opt('Penuh'), { evidence: ['x1.pdf'] }), answer('x2', 'DA', opt('Tiga perempat')), answer('y1', 'DA', opt('Tiga perempat'), { evidence: ['y.pdf'] })];
    const c = overflowing('cap');
    const r = score(c, answers);
    expect(r.forecast.total).toBe(73.5);
    const p = gapPlan(r, c.predikat, 'Baik')!;
    const x2 = p.steps.filter((s) => s.questionId === 'x2');
    // Evidence for x2 brings X from 6 to 10 (not 10.5); improving x2 further adds nothing, so it is not offered.
    expect(x2.map((s) => [s.kind, s.gain])).toEqual([['evidence', 4]]);
    expect(p.steps.map((s) => s.cumulative).at(-1)).toBe(100);
    expect(p.status).toBe('reachable');
    const sumPlan = gapPlan(score(overflowing('sum'), answers), overflowing('sum').predikat, 'Baik')!;
    expect(sumPlan.steps.filter((s) => s.questionId === 'x2').map((s) => [s.kind, s.gain])).toEqual([['evidence', 4.5], ['improve', 1.5]]);
  });
});
