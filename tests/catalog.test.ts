import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { initProject } from '../src/project/init.js';
import os from 'node:os';
import path from 'node:path';
import { buildCatalog, findQuestion, loadCatalog, resolveCatalogFile, fingerprintQuestions } from '../src/catalog/load.js';
import { newestCatalog, shippedCatalog, shippedCatalogs } from '../src/catalog/registry.js';
import { checkCatalog } from '../src/catalog/rules.js';
import type { CatalogData } from '../src/catalog/schema.js';
import { formatRefusal, KlaError } from '../src/diagnostics/index.js';
import { placesOf, refusalOf } from './helpers/refusal.js';

const shippedRaw = (): CatalogData => JSON.parse(readFileSync(resolveCatalogFile('kla-2024'), 'utf8')) as CatalogData;

describe('the shipped kla-2024 catalog', () => {
  const c = loadCatalog('kla-2024');

  it('holds the 2024 instrument: 274 questions, 1000 points, seven groups, its year', () => {
    expect(c.year).toBe(2024);
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
    expect(c.groups.reduce((s, g) => s + g.max, 0)).toBe(1000);
    expect(c.totalMax).toBe(1000);
    // The framework's 24 indicators: 1–24, with 21A–24B as parts of 21–24; Kelana/Dekela (25, 26) are not among them.
    expect(c.indicatorCount).toBe(24);
  });

  it('keeps the instrument ids stable, without spaces', () => {
    for (const id of ['1.1', '1.2a', '1.3zg', '21A.3', '21A.4a', '25.7a', '25.13', '26.18']) {
      expect(c.questionById.has(id), id).toBe(true);
    }
    expect(c.questionList.every((q) => !/\s/.test(q.id))).toBe(true);
  });

  it('states question maxima as the instrument does and caps indicators 19 and 21B at their maxima', () => {
    expect(c.indicatorOverflow).toBe('cap');
    expect(c.groupById.get('I')!.max).toBe(115);
    expect(c.questionById.get('19.2a')!.points).toBe(3.2);
    expect(c.questionById.get('19.7')!.points).toBe(5);
    expect(c.indicatorById.get('19')).toMatchObject({ max: 51, statedMax: 51, questionSum: 54 });
    expect(c.indicatorById.get('21B')).toMatchObject({ max: 17, statedMax: 17, questionSum: 18 });
    const over = [...c.indicatorById.values()].filter((i) => i.questionSum !== i.statedMax).map((i) => i.id);
    expect(over).toEqual(['19', '21B']);
    const sum = c.questionList.reduce((s, q) => s + q.points, 0);
    expect(sum).toBeCloseTo(1004, 9);
    expect(c.questionById.get('7.2')!.sources).toContain('Pengadilan Agama');
    expect(c.questionList.every((q) => q.sources.length > 0)).toBe(true);
    expect(c.resolutions.length).toBeGreaterThanOrEqual(5);
  });

  it('follows the one setting: under "sum" the maxima, the total and the top predikat edge grow to the question sums', () => {
    const raw = shippedRaw();
    raw.indicatorOverflow = 'sum';
    const s = buildCatalog(raw, 'sum.json');
    expect(s.indicatorById.get('19')).toMatchObject({ max: 54, statedMax: 51 });
    expect(s.indicatorById.get('21B')!.max).toBe(18);
    expect(s.groupById.get('IV')).toMatchObject({ max: 113, statedMax: 110 });
    expect(s.groupById.get('V')!.max).toBe(206);
    expect(s.totalMax).toBe(1004);
    expect(s.statedTotalMax).toBe(1000);
    expect(s.predikat.bands.map((b) => [b.name, b.min, b.max])).toEqual([
      ['Pratama', 500, 600],
      ['Madya', 601, 700],
      ['Nindya', 701, 800],
      ['Utama', 801, 900],
      ['KLA', 901, 1004],
    ]);
  });

  it('requires evidence for every answer that earns points; only 26.17, worth nothing, needs none', () => {
    expect(c.questionList.filter((q) => !q.evidenceRequired).map((q) => q.id)).toEqual(['26.17']);
    expect(c.questionById.get('26.17')!.points).toBe(0);
    expect(c.questionList.filter((q) => q.evidenceExemption !== undefined)).toEqual([]);
    for (const id of ['1.1', '1.2b', '6.1', '18.2', '25.3']) expect(c.questionById.get(id)!.evidenceRequired, id).toBe(true);
  });

  it('offers the six options of the official application for 1.1, graded from Perda down to none', () => {
    const r = c.questionById.get('1.1')!.rubricDef;
    expect(r.kind).toBe('options');
    if (r.kind !== 'options') return;
    expect(r.options.map((o) => o.value)).toEqual([
      'Peraturan Daerah (Perda)',
      'Peraturan Bupati/Wali Kota (Perbup/Perwali)',
      'Instruksi Bupati/Wali Kota',
      'Surat Edaran Bupati/Wali Kota',
      'Peraturan lainnya',
      'Tidak ada',
    ]);
    const f = r.options.map((o) => o.fraction);
    expect(f[0]).toBe(1);
    expect(f[f.length - 1]).toBe(0);
    for (let i = 1; i < f.length; i++) expect(f[i]!).toBeLessThan(f[i - 1]!);
    expect(c.questionById.get('1.2a')!.rubric).toBe('regulasi');
  });

  it('marks every share of kecamatan (15) and of desa/kelurahan (18) so, and 26.17/26.18 as asked of each desa', () => {
    const of = (scope: string) => c.questionList.filter((q) => q.scope === scope);
    expect(of('share-of-kecamatan')).toHaveLength(15);
    expect(of('share-of-desa')).toHaveLength(18);
    expect(of('share-of-kecamatan').length + of('share-of-desa').length).toBe(33);
    expect(of('each-desa').map((q) => q.id)).toEqual(['26.17', '26.18']);
    // Read from the texts: every question asking for a percentage of kecamatan or desa is marked, and nothing else.
    const asksShare = (q: (typeof c.questionList)[number], unit: RegExp) => /persentase/i.test(q.text) && unit.test(q.text);
    expect(of('share-of-kecamatan').map((q) => q.id)).toEqual(c.questionList.filter((q) => asksShare(q, /persentase kecamatan/i)).map((q) => q.id));
    expect(of('share-of-desa').map((q) => q.id)).toEqual(c.questionList.filter((q) => asksShare(q, /persentase desa\/kelurahan/i)).map((q) => q.id));
    expect([...of('share-of-kecamatan'), ...of('share-of-desa')].every((q) => q.answerType === 'percent')).toBe(true);
  });

  it('gives each question an answer type, a rubric that fits it, and the flags the templates need', () => {
    expect(c.questionById.get('1.1')!.rubric).toBe('perda-kla');
    expect(c.questionById.get('13.3')!.rubric).toBe('persen-turun');
    expect(c.questionById.get('12.4')).toMatchObject({ answerType: 'count', rubric: 'tren-turun', previousYear: true });
    expect(c.questionById.get('17.5')!.rubric).toBe('ketersediaan-negatif');
    expect(c.questionById.get('3.1b')).toMatchObject({ answerType: 'narrative', noteRequired: true });
    expect(Object.values(c.rubrics).every((r) => r.title.trim() !== '')).toBe(true);
  });

  it('records the source problems it does not guess at, 7.1 and 7.2 first', () => {
    expect(c.sourceProblems[0]!.questions).toEqual(['7.1', '7.2']);
    expect(c.questionById.get('7.1')!.text).toBe(c.questionById.get('7.2')!.text);
    expect(c.corrections.length).toBeGreaterThanOrEqual(40);
  });

  it('proposes its default OPD list, covering every source', () => {
    const covered = new Set(c.defaultOpds!.flatMap((o) => o.sources));
    expect(c.sources.filter((s) => !covered.has(s.id))).toEqual([]);
  });

  it('finds a question by its id as a recap or a person writes it', () => {
    expect(findQuestion(c, '25.7 b')!.id).toBe('25.7b');
    expect(findQuestion(c, '21A.4 a')!.id).toBe('21A.4a');
    expect(findQuestion(c, ' 21a.3 ')!.id).toBe('21A.3');
    expect(findQuestion(c, '99.9')).toBeUndefined();
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

  it('rejects question maxima that add up to less than their indicator (its maximum could never be reached)', () => {
    expect(problemsAfter((c) => void (c.groups[0]!.indicators[0]!.questions[0]!.max -= 1))).toContain('KLA-E617');
  });

  it('accepts question maxima above their indicator: the catalog\'s indicatorOverflow rule settles them', () => {
    expect(problemsAfter((c) => void (c.groups[0]!.indicators[0]!.questions[0]!.max += 1))).toEqual([]);
  });

  it('rejects a share scope on a question that is not a percentage, and a per-desa scope on one that is', () => {
    const q = (c: CatalogData, id: string) => c.groups.flatMap((g) => g.indicators).flatMap((i) => i.questions).find((x) => x.id === id)!;
    expect(problemsAfter((c) => void (q(c, '2.1').scope = 'share-of-desa'))).toContain('KLA-E622');
    expect(problemsAfter((c) => void (q(c, '26.2').scope = 'each-desa'))).toContain('KLA-E622');
  });

  it('rejects a per-desa roll-up on a question not asked of each desa, or naming an option its rubric lacks', () => {
    const q = (c: CatalogData, id: string) => c.groups.flatMap((g) => g.indicators).flatMap((i) => i.questions).find((x) => x.id === id)!;
    expect(problemsAfter((c) => void (q(c, '26.2').rollup = { all: 'Ya', some: 'Ya', none: 'Tidak' }))).toContain('KLA-E624');
    expect(problemsAfter((c) => void (q(c, '26.18').rollup!.some = 'Sebagian'))).toContain('KLA-E624');
  });

  it('rejects corrections and source problems naming a question it does not have', () => {
    expect(problemsAfter((c) => void c.sourceProblems.push({ questions: ['7.9'], problem: 'uji' }))).toContain('KLA-E623');
    expect(problemsAfter((c) => void (c.corrections[0]!.questions = ['1.2zz']))).toContain('KLA-E623');
  });

  it('rejects a default OPD mapped onto a source the catalog does not have', () => {
    expect(problemsAfter((c) => void c.defaultOpds![0]!.sources.push('Dinas Rahasia'))).toContain('KLA-E612');
  });

  it('rejects a default OPD name or head with a placeholder init cannot fill in', () => {
    expect(problemsAfter(() => undefined)).not.toContain('KLA-E625');
    expect(problemsAfter((c) => void (c.defaultOpds![0]!.name = 'Dinas {kota}'))).toContain('KLA-E625');
    expect(problemsAfter((c) => void (c.defaultOpds![0]!.head = 'Kepala {Daerah}'))).toContain('KLA-E625');
    expect(problemsAfter((c) => void (c.defaultOpds![0]!.name = 'Dinas {daerah} {wilayah}'))).not.toContain('KLA-E625');
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
    c.groups[0]!.indicators[0]!.questions[0]!.max = 11;
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

  it('refuses a catalog of format version 1 (rescaled points, optional evidence) instead of reading it differently', () => {
    const c = shippedRaw() as unknown as Record<string, unknown>;
    c.schemaVersion = 1;
    expect(refusalOf(() => buildCatalog(c, 'lama.json')).code).toBe('KLA-E604');
  });

  it('refuses keys the format does not know, so a misspelt setting is not ignored', () => {
    const c = shippedRaw() as unknown as { groups: { indicators: Record<string, unknown>[] }[] };
    c.groups[4]!.indicators[1]!.questionMaxima = 'weights';
    expect(placesOf(refusalOf(() => buildCatalog(c, 'x.json')))).toEqual(['KLA-E603', 'KLA-E416 groups[4].indicators[1]']);
  });

  it('says what to do when a catalog is missing or not JSON', () => {
    const missing = refusalOf(() => loadCatalog('kla-2031'));
    expect(missing.code).toBe('KLA-E601');
    expect(missing.diagnostics[0]!.params.known).toContain('kla-2024');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kla-cat-'));
    const f = path.join(dir, 'rusak.json');
    writeFileSync(f, '{\n  "id": "katalog",\n  "year" 2026\n}');
    const broken = refusalOf(() => loadCatalog(f));
    expect(broken.code).toBe('KLA-E602');
    expect(broken.diagnostics[0]!.params).toMatchObject({ line: 3, column: 10 });
    expect(formatRefusal(broken, 'id')).toContain('(baris 3, kolom 10)');
  });

  it('reads a catalog saved by Notepad with a byte-order mark, UTF-8 or UTF-16, as the same catalog', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kla-cat-'));
    const text = readFileSync(resolveCatalogFile('kla-2024'), 'utf8');
    const want = loadCatalog('kla-2024').questionList;
    const utf8 = path.join(dir, 'katalog utf8.json');
    writeFileSync(utf8, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    const utf16 = path.join(dir, 'katalog unicode.json');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    for (const f of [utf8, utf16]) expect(loadCatalog(f).questionList, f).toEqual(want);
  });
});

describe('the registry of shipped catalogs', () => {
  const write = (dir: string, name: string, data: object) => writeFileSync(path.join(dir, name), JSON.stringify(data));

  it('finds the shipped catalogs by reading catalogs/, each by the id and year written inside it', () => {
    const all = shippedCatalogs();
    expect(all.map((e) => [e.id, e.year])).toContainEqual(['kla-2024', 2024]);
    expect(shippedCatalog('kla-2024')!.file).toBe(resolveCatalogFile('kla-2024'));
    // Every file of the folder is listed, and nothing else.
    const files = readdirSync(path.dirname(shippedCatalog('kla-2024')!.file)).filter((n) => n.endsWith('.json'));
    expect(all).toHaveLength(files.length);
  });

  it('proposes the newest catalog by its year field, not by its file name', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kla-reg-'));
    write(dir, 'z-lama.json', { id: 'instrumen-lama', year: 2019, title: 'Lama' });
    write(dir, 'a-baru.json', { id: 'instrumen-baru', year: 2031, title: 'Baru' });
    write(dir, 'm-tengah.json', { id: 'instrumen-tengah', year: 2027, title: 'Tengah' });
    expect(newestCatalog(dir).id).toBe('instrumen-baru');
    expect(shippedCatalogs(dir).map((e) => e.id)).toEqual(['instrumen-lama', 'instrumen-tengah', 'instrumen-baru']);
    expect(newestCatalog().id).toBe(shippedCatalogs().at(-1)!.id);
  });

  it('refuses two shipped catalogs with one id, and one without a year', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kla-reg-'));
    write(dir, 'a.json', { id: 'sama', year: 2030 });
    write(dir, 'b.json', { id: 'sama', year: 2031 });
    const same = refusalOf(() => shippedCatalogs(dir));
    expect(same.code).toBe('KLA-E606');
    expect(same.diagnostics[0]!.params).toMatchObject({ problem: 'same-id', id: 'sama' });
    const dir2 = mkdtempSync(path.join(os.tmpdir(), 'kla-reg-'));
    write(dir2, 'a.json', { id: 'tanpa-tahun' });
    expect(refusalOf(() => shippedCatalogs(dir2)).diagnostics[0]!.params.problem).toBe('no-id');
  });

  it('kla init proposes the newest shipped catalog and refuses an unknown one, naming the shipped ids', () => {
    const base = mkdtempSync(path.join(os.tmpdir(), 'kla-init-'));
    const made = initProject({ dir: path.join(base, 'baru'), district: 'Uji', province: 'Jambi', year: 2026 });
    expect(made.config.catalog).toBe(newestCatalog().id);
    // The catalog's OPD list, with its placeholders made the district's own.
    const fill = (t: string) => t.replace('{daerah}', 'Kabupaten Uji').replace('{wilayah}', 'Uji');
    expect(made.config.opds).toEqual(loadCatalog(newestCatalog().id).defaultOpds!.map((o) => ({ ...o, name: fill(o.name), ...(o.head ? { head: fill(o.head) } : {}) })));
    expect(made.config.opds.map((o) => o.name)).toContain('Badan Narkotika Nasional Kabupaten Uji');
    expect(made.config.opds.map((o) => o.name)).toContain('Kejaksaan Negeri Uji');
    const err = refusalOf(() => initProject({ dir: path.join(base, 'lain'), district: 'Uji', province: 'Jambi', catalog: 'kla-1999' }));
    expect(err.code).toBe('KLA-E601');
    expect(err.diagnostics[0]!.params).toMatchObject({ ref: 'kla-1999' });
    expect(err.diagnostics[0]!.params.known).toContain(newestCatalog().id);
    expect(existsSync(path.join(base, 'lain', 'kla.config.json'))).toBe(false);
  });

  it('loads a catalog named by path by the id inside it, whatever the file is called', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kla-cat-'));
    const c = shippedRaw();
    c.id = 'katalog-kabupaten-2026';
    const file = path.join(dir, 'salinan (revisi 2).json');
    writeFileSync(file, JSON.stringify(c));
    expect(loadCatalog(file).id).toBe('katalog-kabupaten-2026');
    expect(loadCatalog('salinan (revisi 2).json', dir).id).toBe('katalog-kabupaten-2026');
  });

  it('a district\'s own catalog with a mistake says on which line of the file it is', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kla-cat-'));
    const c = shippedRaw();
    c.id = 'katalog-kabupaten-2026';
    c.groups[0]!.indicators[0]!.questions[0]!.answerType = 'pilihan-ganda' as never;
    const file = path.join(dir, 'katalog kabupaten.json');
    const text = JSON.stringify(c, null, 2);
    writeFileSync(file, text);
    const e = refusalOf(() => loadCatalog(file));
    expect(placesOf(e)).toEqual(['KLA-E603', 'KLA-E414 groups[0].indicators[0].questions[0].answerType']);
    const line = text.split('\n').findIndex((l) => l.includes('"pilihan-ganda"')) + 1;
    expect(line).toBeGreaterThan(1);
    expect(e.diagnostics[1]!.location.line).toBe(line);
    expect(formatRefusal(e, 'id')).toContain(`baris ${line}: `);
  });
});
