/**
 * Scoring from the Kelana/Dekela matrix: a question the matrix answers takes
 * the computed share (or roll-up) as its answer, verification keeps only the
 * rows with evidence, and typed percentages are recorded, not counted.
 * Pure: the matrix is built in memory from the real kla-2024 catalog.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog, type CatalogQuestion } from '../src/catalog/load.js';
import { favourable, matrixQuestions, type DistrictMatrix, type MatrixColumn, type MatrixRow, type RowValue } from '../src/matrix.js';
import { formatScoreTable, makeEvidenceLookup, rubricFraction, score } from '../src/score/index.js';
import type { Answer, AnswerValue, CellRef } from '../src/model.js';

const catalog = loadCatalog('kla-2024');
const q = (id: string): CatalogQuestion => catalog.questionById.get(id)!;
const cell = (c: string): CellRef => ({ file: 'Matriks.xlsx', sheet: 'Desa dan Kelurahan', cell: c });

/** `n` desa, the first `yes` answering the favourable value, each with evidence unless listed in `bare`. */
function column(id: string, n: number, yes: number, bare: readonly number[] = [], blank: readonly number[] = []): MatrixColumn {
  const question = q(id);
  const fav = favourable(question);
  const other: RowValue = fav === 'ya' ? 'tidak' : 'ya';
  const rows: MatrixRow[] = Array.from({ length: n }, (_, i) => ({
    kecamatan: `Kecamatan ${1 + (i % 3)}`,
    desa: question.scope === 'share-of-kecamatan' ? null : `Desa ${i + 1}`,
    value: blank.includes(i) ? null : i < yes ? fav : other,
    evidence: i < yes && !bare.includes(i) ? [`matriks/${id}/desa-${i + 1}.pdf`] : [],
    cells: { answer: cell(`E${5 + i}`), evidence: cell(`F${5 + i}`) },
  }));
  return { questionId: id, scope: question.scope === 'share-of-kecamatan' ? 'kecamatan' : 'desa', rows, header: cell('E3') };
}

const pointsFor = (id: string, value: AnswerValue) => (rubricFraction(q(id).rubricDef, value) ?? 0) * q(id).points;
const share = (num: number, den: number): AnswerValue => ({ kind: 'number', value: (num / den) * 100 });
const byId = (r: ReturnType<typeof score>, id: string) => r.questions.find((x) => x.questionId === id)!;

const typed = (id: string, value: number): Answer => ({
  questionId: id,
  opdCode: 'DPPPA',
  value: { kind: 'number', value },
  previous: null,
  evidence: ['sk.pdf'],
  note: '',
  cells: { answer: { file: 'DPPPA.xlsx', sheet: 'Jawaban', cell: 'G40' }, previous: { file: 'DPPPA.xlsx', sheet: 'Jawaban', cell: 'H40' }, evidence: { file: 'DPPPA.xlsx', sheet: 'Jawaban', cell: 'I40' }, note: { file: 'DPPPA.xlsx', sheet: 'Jawaban', cell: 'J40' } },
});

describe('the matrix in scoring', () => {
  it('knows the 35 questions of kla-2024 that a matrix answers, with the favourable answer of each', () => {
    const qs = matrixQuestions(catalog);
    expect(qs).toHaveLength(35);
    expect(qs.filter((x) => x.scope !== 'each-desa')).toHaveLength(33);
    // A question about a problem (cases of malnutrition) earns points for "Tidak".
    expect(favourable(q('26.8a'))).toBe('tidak');
    expect(favourable(q('26.4'))).toBe('ya');
    expect(favourable(q('26.17'))).toBe('tidak');
  });

  it('answers a share question with numerator / denominator, and the forecast keeps only rows with evidence', () => {
    const matrix: DistrictMatrix = { files: [], columns: [column('26.4', 20, 17, [0, 1])] };
    const r = score(catalog, [], { matrix });
    const d = byId(r, '26.4');
    expect(d.matrix).toMatchObject({ numerator: 17, denominator: 20, forecastNumerator: 15, blank: 0, favourable: 'ya' });
    expect(d.value).toEqual(share(17, 20));
    expect(d.points).toBeCloseTo(pointsFor('26.4', share(17, 20)), 9);
    expect(d.forecastPoints).toBeCloseTo(pointsFor('26.4', share(15, 20)), 9);
    expect(d.matrix!.unevidenced.map((u) => u.cell.cell)).toEqual(['E5', 'E6']);
    expect(d.evidenceMissing).toBe(true);
    expect(d.source).toEqual(cell('E3'));
    expect(r.total).toBeCloseTo(d.points, 9);
  });

  it('a row changed from no to yes moves the share by one row and the total by the rubric step', () => {
    const before = score(catalog, [], { matrix: { files: [], columns: [column('26.15', 10, 8)] } });
    const after = score(catalog, [], { matrix: { files: [], columns: [column('26.15', 10, 9)] } });
    expect(byId(after, '26.15').value).toEqual(share(9, 10));
    const step = pointsFor('26.15', share(9, 10)) - pointsFor('26.15', share(8, 10));
    expect(step).toBeGreaterThan(0);
    expect(after.total - before.total).toBeCloseTo(step, 9);
  });

  it('a question about a problem: rows without cases count, and a "Tidak" without evidence does not survive verification', () => {
    // 26.8a: share of desa with cases of severe malnutrition, lower is better.
    const col = column('26.8a', 10, 9, [0]); // 9 desa report no cases, one of them without evidence
    const d = byId(score(catalog, [], { matrix: { files: [], columns: [col] } }), '26.8a');
    expect(d.value).toEqual(share(1, 10));
    expect(d.matrix!.forecastValue).toEqual(share(2, 10));
    expect(d.points).toBeCloseTo(pointsFor('26.8a', share(1, 10)), 9);
    expect(d.forecastPoints).toBeCloseTo(pointsFor('26.8a', share(2, 10)), 9);
  });

  it('rolls the per-desa answers of 26.18 up into one of its options', () => {
    const opts = q('26.18').rollup!;
    const all = byId(score(catalog, [], { matrix: { files: [], columns: [column('26.18', 5, 5)] } }), '26.18');
    const some = byId(score(catalog, [], { matrix: { files: [], columns: [column('26.18', 5, 2)] } }), '26.18');
    expect(all.value).toEqual({ kind: 'option', option: opts.all });
    expect(some.value).toEqual({ kind: 'option', option: opts.some });
    expect(all.points).toBeCloseTo(pointsFor('26.18', { kind: 'option', option: opts.all }), 9);
  });

  it('a row left blank earns nothing; a column with no row filled leaves the question to the OPDs', () => {
    const d = byId(score(catalog, [], { matrix: { files: [], columns: [column('26.4', 10, 10, [], [9])] } }), '26.4');
    expect(d.matrix).toMatchObject({ numerator: 9, denominator: 10, blank: 1 });
    const empty = column('26.4', 10, 0, [], [...Array(10).keys()]);
    const r = score(catalog, [typed('26.4', 80)], { matrix: { files: [], columns: [empty] } });
    expect(byId(r, '26.4').matrix).toBeUndefined();
    expect(byId(r, '26.4').value).toEqual({ kind: 'number', value: 80 });
  });

  it('a typed percentage is recorded beside the computed one and does not count', () => {
    const r = score(catalog, [typed('26.4', 100)], { matrix: { files: [], columns: [column('26.4', 20, 10)] } });
    const d = byId(r, '26.4');
    expect(d.value).toEqual(share(10, 20));
    expect(d.matrix!.typed).toEqual([{ opdCode: 'DPPPA', value: { kind: 'number', value: 100 }, source: typed('26.4', 100).cells.answer }]);
    expect(r.conflicts).toHaveLength(0);
    expect(r.ignoredAnswers).toHaveLength(0);
  });

  it('with an evidence folder, a named file that is not there does not count', () => {
    const col = column('26.4', 4, 4);
    const lookup = makeEvidenceLookup(['matriks/26.4/desa-1.pdf', 'matriks/26.4/desa-2.pdf', 'matriks/26.4/desa-3.pdf']);
    const d = byId(score(catalog, [], { matrix: { files: [], columns: [col] }, evidence: lookup }), '26.4');
    expect(d.matrix!.forecastNumerator).toBe(3);
    expect(d.matrix!.unevidenced).toEqual([{ kecamatan: 'Kecamatan 1', desa: 'Desa 4', notFound: ['matriks/26.4/desa-4.pdf'], cell: cell('E8') }]);
  });

  it('kla score says how many questions the matrix answered, and names the matrix as the cause of lost points', () => {
    const r = score(catalog, [], { matrix: { files: [], columns: [column('26.4', 20, 18, [0, 1]), column('25.2', 24, 20)] } });
    const id = formatScoreTable({ catalog, report: r }, 'id');
    expect(id).toContain('2 pertanyaan Kelana/Dekela dihitung dari matriks kecamatan dan desa/kelurahan; 2 baris');
    expect(id).toMatch(/26\.4\s+Matriks\s+[\d,]+\s+matriks: 2 desa\/kelurahan tanpa data dukung lengkap/);
    expect(formatScoreTable({ catalog, report: r }, 'en')).toContain('2 Kelana/Dekela questions are computed from the kecamatan and desa/kelurahan matrix');
  });
});
