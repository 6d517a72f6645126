/**
 * The example district's Kelana/Dekela matrix through the real pipeline:
 * every share question of kla-2024 is computed from the matrix workbook,
 * one row changed in a copy moves the share by one area and the total by the
 * rubric's step, and the typed percentage that disagrees is reported at both
 * places. Real files: the committed matrix workbook, edited with exceljs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { loadProject } from '../src/project/config.js';
import { assess, type Assessment } from '../src/pipeline.js';
import { favourable, matrixQuestions } from '../src/matrix.js';
import { rubricFraction } from '../src/score/index.js';
import type { CatalogQuestion } from '../src/catalog/load.js';
import type { MatrixColumn } from '../src/matrix.js';
import { root } from './helpers/cli.js';

const example = path.join(root, 'fixtures', 'merangin');
const copy = mkdtempSync(path.join(os.tmpdir(), 'kla-matrix-example-'));
cpSync(example, copy, { recursive: true, filter: (p) => !p.includes(`${path.sep}output`) });

let before: Assessment;
beforeAll(async () => {
  before = await assess(loadProject(copy), { cwd: copy, jobs: 1 });
}, 120_000);

const points = (q: CatalogQuestion, share: number) => (rubricFraction(q.rubricDef, { kind: 'number', value: share }) ?? 0) * q.points;

describe('the example district with its matrix', () => {
  it('computes every share of kecamatan or desa (33 in kla-2024) and both per-desa questions from the matrix', () => {
    const catalog = before.project.catalog;
    const shares = matrixQuestions(catalog).filter((q) => q.scope !== 'each-desa');
    expect(shares).toHaveLength(33);
    for (const q of matrixQuestions(catalog)) {
      const d = before.result.questions.find((x) => x.questionId === q.id)!;
      expect(d.matrix, q.id).toBeDefined();
      expect(d.matrix!.denominator).toBe(q.scope === 'share-of-kecamatan' ? 24 : 215);
      if (q.scope !== 'each-desa') expect(d.value).toEqual({ kind: 'number', value: (d.matrix!.numerator / d.matrix!.denominator) * 100 });
    }
    expect(before.report.matrix!.files.map((f) => path.basename(f.file))).toEqual(['Matriks Kelana-Dekela 2026 - DPPPA Merangin.xlsx']);
  });

  it('reports the typed percentage that disagrees with the matrix at the typed cell and at the matrix heading', () => {
    const w = before.report.diagnostics.filter((d) => d.code === 'KLA-W282');
    expect(w.length).toBeGreaterThan(0);
    expect(new Set(w.map((d) => d.questionId))).toEqual(new Set(['25.6']));
    expect(w.some((d) => d.location.sheet === 'Jawaban')).toBe(true);
    expect(w.some((d) => d.location.sheet === 'Kecamatan' && d.location.file.includes('Matriks'))).toBe(true);
    // The computed share counts.
    const d = before.result.questions.find((x) => x.questionId === '25.6')!;
    expect(d.value).toEqual({ kind: 'number', value: (d.matrix!.numerator / 24) * 100 });
  });

  it('one row changed from no to yes moves the share by one area and the total by the rubric step', async () => {
    const catalog = before.project.catalog;
    // A share question one more "Ya" lifts into a higher band: the total must move by exactly that step.
    const pick = before.report.matrix!.columns
      .map((col) => ({ col, q: catalog.questionById.get(col.questionId)! }))
      .find(({ col, q }) => {
        if (q.scope === 'each-desa' || favourable(q) !== 'ya') return false;
        const n = col.rows.filter((r) => r.value === 'ya').length;
        return points(q, ((n + 1) / col.rows.length) * 100) > points(q, (n / col.rows.length) * 100);
      });
    expect(pick).toBeDefined();
    const { col, q } = pick! as { col: MatrixColumn; q: CatalogQuestion };
    const row = col.rows.find((r) => r.value === 'tidak' && r.cells)!;
    const n = col.rows.filter((r) => r.value === 'ya').length;
    const N = col.rows.length;
    const evidence = col.rows.find((r) => r.value === 'ya' && r.evidence.length > 0 && r.kecamatan === row.kecamatan)?.evidence[0] ?? col.rows.find((r) => r.evidence.length > 0)!.evidence[0]!;

    const file = path.join(copy, row.cells!.answer.file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet(row.cells!.answer.sheet)!;
    ws.getCell(row.cells!.answer.cell).value = 'Ya';
    ws.getCell(row.cells!.evidence.cell).value = evidence;
    await wb.xlsx.writeFile(file);

    const after = await assess(loadProject(copy), { cwd: copy, jobs: 1 });
    const a = after.result.questions.find((x) => x.questionId === q.id)!;
    const b = before.result.questions.find((x) => x.questionId === q.id)!;
    expect(a.matrix!.numerator).toBe(n + 1);
    expect(a.value).toEqual({ kind: 'number', value: ((n + 1) / N) * 100 });
    const step = points(q, ((n + 1) / N) * 100) - points(q, (n / N) * 100);
    expect(a.points - b.points).toBeCloseTo(step, 9);
    expect(after.result.total - before.result.total).toBeCloseTo(step, 9);
    // Nothing else moved.
    for (const x of after.result.questions) if (x.questionId !== q.id) expect(x.points, x.questionId).toBe(before.result.questions.find((y) => y.questionId === x.questionId)!.points);
  }, 120_000);
});
