import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildCatalog, loadCatalog, resolveCatalogFile, fingerprintQuestions } from '../src/catalog/load.js';
import { checkCatalog } from '../src/catalog/rules.js';
import type { CatalogData } from '../src/catalog/schema.js';
import { formatRefusal, KlaError } from '../src/diagnostics/index.js';
import { placesOf, refusalOf } from './helpers/refusal.js';

const shippedRaw = (): CatalogData => JSON.parse(readFileSync(resolveCatalogFile('kla-2024'), 'utf8')) as CatalogData;

describe('the shipped kla-2024 catalog', () => {
  const c = loadCatalog('kla-2024');

  it('holds the 2024 instrument: 274 questions, 1000 points, seven groups', () => {
    expect(c.questionList).toHaveLength(274);
    expect(c.groups.map((g) => g.label)).toEqual([
      'Kelembagaan',
      'Klaster I',
      'Klaster II',
      'Klaster III',
      'Klaster IV',
      'Klaster V',
      'Kelana Dekela',
    ]);
    const sum = c.questionList.reduce((s, q) => s + q.points, 0);
    expect(sum).toBeCloseTo(1000, 9);
    expect(c.groups.reduce((s, g) => s + g.max, 0)).toBe(1000);
  });

  it('keeps the instrument ids stable, without spaces', () => {
    for (const id of ['1.1', '1.2a', '1.3zg', '21A.3', '21A.4a', '25.7a', '25.13', '26.18']) {
      expect(c.questionById.has(id), id).toBe(true);
    }
    expect(c.questionList.every((q) => !/\s/.test(q.id))).toBe(true);
  });

  it('resolves the known inconsistencies explicitly', () => {
    expect(c.groupById.get('I')!.max).toBe(115);
    const ind19 = c.indicatorById.get('19')!;
    expect(ind19.questionMaxima).toBe('weights');
    const q19 = c.questionList.filter((q) => q.indicatorId === '19');
    expect(q19.reduce((s, q) => s + q.points, 0)).toBeCloseTo(51, 9);
    expect(c.questionById.get('19.2a')!.points).toBeCloseTo(3.2 * (51 / 54), 12);
    expect(c.questionList.filter((q) => q.indicatorId === '21B').reduce((s, q) => s + q.points, 0)).toBeCloseTo(17, 9);
    expect(c.questionById.get('7.2')!.sources).toContain('Pengadilan Agama');
    expect(c.questionList.every((q) => q.sources.length > 0)).toBe(true);
    expect(c.resolutions.length).toBeGreaterThanOrEqual(5);
  });

  it('gives each question an answer type, a rubric that fits it, and the flags the templates need', () => {
    expect(c.questionById.get('1.1')!.rubric).toBe('regulasi');
    expect(c.questionById.get('13.3')!.rubric).toBe('persen-turun');
    expect(c.questionById.get('12.4')).toMatchObject({ answerType: 'count', rubric: 'tren-turun', previousYear: true });
    expect(c.questionById.get('17.5')!.rubric).toBe('ketersediaan-negatif');
    expect(c.questionById.get('3.1b')).toMatchObject({ answerType: 'narrative', noteRequired: true });
    expect(c.questionById.get('25.2')!.scope).toBe('kecamatan');
    expect(c.questionById.get('26.2')!.scope).toBe('desa');
  });

  it('fingerprints question lists so an altered catalog is recognisable', () => {
    const qs = c.questionList.slice(0, 5);
    const a = fingerprintQuestions(c.id, qs);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprintQuestions(c.id, qs)).toBe(a);
    const altered = qs.map((q, i) => (i === 2 ? { ...q, text: `${q.text} ` } : q));
    expect(fingerprintQuestions(c.id, altered)).not.toBe(a);
  });
});

/** Apply a change to a copy of the shipped catalog and return the problem codes found. */
function problemsAfter(change: (c: CatalogData) => void): string[] {
  const c = shippedRaw();
  change(c);
  return checkCatalog(c).map((p) => p.code);
}

describe('semantic rules reject a broken catalog', () => {
  it('accepts the shipped catalog as it is', () => {
    expect(problemsAfter(() => undefined)).toEqual([]);
  });

  it('rejects question maxima that do not add up to their indicator', () => {
    expect(problemsAfter((c) => void (c.groups[0]!.indicators[0]!.questions[0]!.max += 1))).toContain('KLA-E617');
  });

  it('rejects indicator maxima that do not add up to their group', () => {
    expect(problemsAfter((c) => void (c.groups[1]!.max = 150))).toContain('KLA-E618');
  });

  it('rejects groups that do not add up to the total', () => {
    expect(problemsAfter((c) => void (c.totalMax = 1100))).toEqual(expect.arrayContaining(['KLA-E619']));
  });

  it('rejects a repeated question id', () => {
    expect(problemsAfter((c) => void (c.groups[0]!.indicators[0]!.questions[1]!.id = '1.1'))).toContain('KLA-E611');
  });

  it('rejects a repeated indicator id', () => {
    expect(problemsAfter((c) => void (c.groups[0]!.indicators[1]!.id = '1'))).toContain('KLA-E611');
  });

  it('rejects a rubric fraction outside 0–1', () => {
    expect(problemsAfter((c) => void (c.rubrics.ketersediaan = { ...c.rubrics.ketersediaan!, options: [{ value: 'Ya', fraction: 1.2 }] } as never))).toContain(
      'KLA-E614',
    );
    expect(problemsAfter((c) => {
      const r = c.rubrics['persen-naik'];
      if (r?.kind === 'bands') r.otherwise = -0.1;
    })).toContain('KLA-E614');
  });

  it('rejects an unknown source', () => {
    expect(problemsAfter((c) => void c.groups[0]!.indicators[0]!.questions[0]!.sources.push('Dinas Rahasia'))).toContain('KLA-E612');
  });

  it('rejects an unknown rubric and a rubric that does not fit the answer type', () => {
    expect(problemsAfter((c) => void (c.groups[0]!.indicators[0]!.questions[0]!.rubric = 'tidak-ada'))).toContain('KLA-E613');
    expect(problemsAfter((c) => void (c.groups[0]!.indicators[0]!.questions[0]!.rubric = 'persen-naik'))).toContain('KLA-E615');
  });

  it('rejects a trend rubric on a question without the previous year', () => {
    expect(problemsAfter((c) => {
      const q = c.groups.flatMap((g) => g.indicators).flatMap((i) => i.questions).find((x) => x.id === '12.4')!;
      q.previousYear = false;
    })).toContain('KLA-E616');
  });

  it('rejects predikat bands that overlap or leave a gap', () => {
    expect(problemsAfter((c) => void (c.predikat.bands[1]!.min = 590))).toContain('KLA-E620');
    expect(problemsAfter((c) => void (c.predikat.bands[4]!.max = 990))).toContain('KLA-E620');
  });

  it('rejects percent thresholds outside 0–100', () => {
    expect(problemsAfter((c) => {
      const r = c.rubrics['persen-naik'];
      if (r?.kind === 'bands') r.bands[0]!.threshold = 190;
    })).toContain('KLA-E621');
  });
});

describe('loading a district catalog file', () => {
  it('names the file and each problem, in Indonesian and English', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kla-cat-'));
    const c = shippedRaw();
    c.groups[0]!.indicators[0]!.questions[0]!.max = 13;
    const file = path.join(dir, 'katalog kabupaten (revisi).json');
    writeFileSync(file, JSON.stringify(c));
    const k = refusalOf(() => loadCatalog(file));
    expect(placesOf(k)).toEqual(['KLA-E605', 'KLA-E617 groups[0].indicators[0]']);
    expect(k.diagnostics[0]!.params.file).toBe(file);
    expect(k.diagnostics[1]!.params).toMatchObject({ id: '1', max: 96 });
    expect(formatRefusal(k, 'id')).toContain('indikator 1');
    expect(formatRefusal(k, 'en')).toContain('indicator 1');
  });

  it('reports a schema problem with its path', () => {
    const c = shippedRaw() as unknown as { groups: { indicators: { questions: { answerType: string }[] }[] }[] };
    c.groups[0]!.indicators[0]!.questions[0]!.answerType = 'essay';
    expect(() => buildCatalog(c, 'x.json')).toThrowError(KlaError);
    expect(placesOf(refusalOf(() => buildCatalog(c, 'x.json')))).toEqual(['KLA-E603', 'KLA-E414 groups[0].indicators[0].questions[0].answerType']);
  });

  it('says what to do when a catalog is missing or not JSON', () => {
    const missing = refusalOf(() => loadCatalog('kla-2031'));
    expect(missing.code).toBe('KLA-E601');
    expect(missing.diagnostics[0]!.params.known).toContain('kla-2024');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kla-cat-'));
    const f = path.join(dir, 'rusak.json');
    writeFileSync(f, '{"id": ');
    expect(refusalOf(() => loadCatalog(f)).code).toBe('KLA-E602');
  });
});
