/**
 * The recap workbook of `kla build --xlsx`, built from the example district:
 * numbers are numbers with number formats, every table has a filter, the
 * "Dihitung" column says of each OPD answer whether the score counts it (and
 * why not), and the same inputs give the same bytes at any time of writing.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { loadProject } from '../src/project/config.js';
import { build, type Build } from '../src/pipeline.js';
import { recapWorkbook, type RecapSheet } from '../src/workbook/recap.js';
import { root } from './helpers/cli.js';

const example = path.join(root, 'fixtures', 'merangin');
let b: Build;
let wb: ExcelJS.Workbook;

beforeAll(async () => {
  b = await build(loadProject(example), { cwd: root, recap: true, jobs: 1, date: new Date(Date.UTC(2026, 2, 14, 8, 30)) });
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load(b.documents.find((d) => d.kind === 'recap')!.bytes as unknown as ArrayBuffer);
}, 120_000);

const headerIndex = (ws: ExcelJS.Worksheet) => {
  const h = new Map<string, number>();
  ws.getRow(1).eachCell((c, i) => h.set(String(c.value), i));
  return h;
};

describe('the recap workbook', () => {
  it('holds numbers as numbers, in number formats', () => {
    const groups = wb.getWorksheet('Kelompok')!;
    const h = headerIndex(groups);
    const row = groups.getRow(2);
    expect(typeof row.getCell(h.get('Nilai')!).value).toBe('number');
    const capaian = row.getCell(h.get('Capaian')!);
    expect(typeof capaian.value).toBe('number');
    expect(capaian.value as number).toBeGreaterThan(0);
    expect(capaian.value as number).toBeLessThanOrEqual(1);
    expect(capaian.numFmt).toBe('0.0%');
    expect(row.getCell(h.get('Nilai')!).numFmt).toBe('0.00');
    const summary = wb.getWorksheet('Ringkasan')!;
    const total = summary.getRows(1, summary.rowCount)!.find((r) => r.getCell(1).value === 'Nilai evaluasi mandiri (perkiraan)')!.getCell(2);
    expect(total.value).toBeCloseTo(b.result.total, 6);
    expect(total.numFmt).toBe('0.00');

    // A percentage answer is a share in a percentage format; a count a number.
    const answers = wb.getWorksheet('Jawaban OPD')!;
    const a = headerIndex(answers);
    const catalog = b.project.catalog;
    let percents = 0;
    let counts = 0;
    answers.eachRow((r, i) => {
      if (i === 1) return;
      const type = catalog.questionById.get(String(r.getCell(a.get('No.')!).value))?.answerType;
      const v = r.getCell(a.get('Jawaban (data 2025)')!);
      if (v.value === null || v.value === undefined) return;
      if (type === 'percent') {
        percents++;
        expect(typeof v.value).toBe('number');
        expect(v.numFmt).toBe('0.0%');
      } else if (type === 'count') {
        counts++;
        expect(typeof v.value).toBe('number');
      } else {
        expect(typeof v.value).toBe('string');
      }
    });
    expect(percents).toBeGreaterThan(5);
    expect(counts).toBeGreaterThan(5);
  });

  it('puts a filter on every table, and freezes its header row', () => {
    for (const name of ['Kelompok', 'Indikator', 'Pertanyaan', 'Jawaban OPD']) {
      const ws = wb.getWorksheet(name)!;
      expect(ws.autoFilter, name).toBeTruthy();
      expect(ws.views[0], name).toMatchObject({ state: 'frozen', ySplit: 1 });
    }
    expect(wb.getWorksheet('Ringkasan')!.autoFilter).toBeFalsy();
  });

  it('says truthfully, for every OPD answer, whether the score counts it and why not', () => {
    const answers = wb.getWorksheet('Jawaban OPD')!;
    const a = headerIndex(answers);
    // A question the matrix answers counts the matrix, not an OPD's cell.
    const countedCell = new Map(b.result.questions.filter((q) => q.source && !q.matrix).map((q) => [`${q.source!.file}\u0000${q.source!.sheet}!${q.source!.cell}`, q.questionId]));
    const seen = new Map<string, number>();
    answers.eachRow((r, i) => {
      if (i === 1) return;
      const at = `${r.getCell(a.get('Berkas')!).value}\u0000${r.getCell(a.get('Sel')!).value}`;
      const said = String(r.getCell(a.get('Dihitung')!).value);
      seen.set(said, (seen.get(said) ?? 0) + 1);
      expect(said === 'ya', `${at} ${said}`).toBe(countedCell.has(at));
      if (said === 'tidak: kosong') expect(r.getCell(a.get('Jawaban (data 2025)')!).value ?? null).toBeNull();
    });
    // The example has questions several OPDs answer, and answers left blank: both reasons appear.
    expect(seen.get('ya')).toBe(countedCell.size);
    expect(seen.get('tidak: jawaban lain yang dihitung')).toBeGreaterThan(0);
    expect(seen.get('tidak: kosong')).toBeGreaterThan(0);
    expect(seen.get('tidak: dihitung dari matriks')).toBeGreaterThan(0);
  });

  it('gives the same bytes for the same sheets and date, whenever it is written', async () => {
    const sheets: RecapSheet[] = [{ name: 'Kelompok', columns: [{ header: 'Nilai', width: 10, format: 'points' }], rows: [[1.5], [{ value: 0.875, format: 'percent' }]] }];
    const date = new Date(Date.UTC(2026, 2, 14));
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date(Date.UTC(2026, 5, 1, 10, 0, 0)));
      const first = await recapWorkbook(sheets, date);
      vi.setSystemTime(new Date(Date.UTC(2027, 0, 9, 23, 59, 58)));
      const second = await recapWorkbook(sheets, date);
      expect(second.equals(first)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
