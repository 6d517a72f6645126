/**
 * The reader on what real files contain: every cell shape exceljs can return,
 * merged cells, blank and extra rows and columns, renamed sheets. Workbooks
 * are written with exceljs and read back from disk.
 */
import { questionsForOpd } from '../src/project/config.js';
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { readSubmissionFile, READ_BOUNDS, type RawCell, type ReadResult, type WorkbookData } from '../src/workbook/read.js';
import { ANSWER_FIRST_ROW, ANSWER_HEADER_ROW, SHEETS } from '../src/workbook/layout.js';
import type { Project } from '../src/project/config.js';
import { formatMessage } from '../src/diagnostics/index.js';
import { checkAnswers } from '../src/validate/answers.js';
import { cellOf, filledWorkbook, makeProject, rowOf, save, tmpDir } from './validate-helpers.js';

let project: Project;
let dir: string;
let n = 0;

beforeAll(() => {
  project = makeProject();
  dir = tmpDir('kla-read-');
});

/** Write the DINKES workbook after `edit`, read it back. */
async function roundTrip(edit: (wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet) => void | Promise<void>): Promise<ReadResult & { status: 'read' }> {
  const wb = await filledWorkbook(project, 'DINKES');
  await edit(wb, wb.getWorksheet(SHEETS.answers)!);
  const name = `Dinkes ${++n} (uji).xlsx`;
  const r = await readSubmissionFile(await save(wb, path.join(dir, name)), name);
  if (r.status !== 'read') throw new Error(`unreadable: ${JSON.stringify(r.findings)}`);
  return r;
}

function cellAt(data: WorkbookData, address: string): RawCell | undefined {
  for (const row of data.answers.rows) for (const c of Object.values(row.cells)) if (c.cell === address) return c;
  return undefined;
}

describe('cell values', () => {
  it('keeps each shape of value with its A1 address', async () => {
    const wb0 = await filledWorkbook(project, 'DINKES');
    const [r1, r2, r3, r4, r5, r6, r7, r8] = [4, 5, 6, 7, 8, 9, 10, 11].map((i) => rowOf(wb0, wb0.getWorksheet(SHEETS.answers)!.getCell(`A${i}`).text));
    const r = await roundTrip((_wb, ws) => {
      ws.getCell(`F${r1}`).value = ' 87,5 ';
      ws.getCell(`F${r2}`).value = 0.875;
      ws.getCell(`F${r2}`).numFmt = '0.0%';
      ws.getCell(`F${r3}`).value = { formula: 'SUM(2,3)', result: 5 };
      ws.getCell(`F${r4}`).value = { formula: 'SUM(2,3)' } as ExcelJS.CellFormulaValue;
      ws.getCell(`F${r5}`).value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
      ws.getCell(`F${r6}`).value = { richText: [{ text: 'Ada, ' }, { font: { bold: true }, text: 'sebagian' }] };
      ws.getCell(`H${r6}`).value = { text: 'SK Gugus Tugas', hyperlink: 'https://drive.example.go.id/sk-gugus-tugas.pdf' };
      ws.getCell(`F${r7}`).value = new Date(Date.UTC(2026, 4, 1));
      ws.getCell(`F${r8}`).value = true;
    });
    const v = (a: string) => cellAt(r.data, a)?.value;
    expect(v(`F${r1}`)).toEqual({ t: 'text', text: ' 87,5 ' });
    expect(v(`F${r2}`)).toEqual({ t: 'number', value: 0.875, percent: true });
    expect(v(`F${r3}`)).toEqual({ t: 'number', value: 5, percent: false });
    expect(cellAt(r.data, `F${r3}`)?.formula).toBe('SUM(2,3)');
    expect(v(`F${r4}`)).toEqual({ t: 'formula', formula: 'SUM(2,3)' });
    expect(v(`F${r5}`)).toEqual({ t: 'error', error: '#DIV/0!' });
    expect(v(`F${r6}`)).toEqual({ t: 'text', text: 'Ada, sebagian' });
    expect(cellAt(r.data, `H${r6}`)).toMatchObject({ value: { t: 'text', text: 'SK Gugus Tugas' }, link: 'https://drive.example.go.id/sk-gugus-tugas.pdf' });
    expect(v(`F${r7}`)).toEqual({ t: 'date', date: '2026-05-01' });
    expect(v(`F${r8}`)).toEqual({ t: 'bool', value: true });
  });

  it('reads the metadata and identity sheets', async () => {
    const r = await roundTrip(() => undefined);
    expect(r.data.meta?.sheet).toBe(SHEETS.meta);
    expect(r.data.meta?.values.opdCode?.value).toEqual({ t: 'text', text: 'DINKES' });
    expect(r.data.identity?.fields.officerNip).toEqual({ cell: 'C11', value: { t: 'text', text: '198503122010012003' } });
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('layout changes made by hand', () => {
  it('a merged answer range yields the master only, and is reported', async () => {
    let q = '';
    const r = await roundTrip((wb, ws) => {
      q = ws.getCell(`A${ANSWER_FIRST_ROW}`).text;
      ws.mergeCells(`${cellOf(wb, q, 'answer')}:${cellOf(wb, q, 'previous')}`);
    });
    const row = r.data.answers.rows.find((x) => x.cells.id.value.t === 'text' && x.cells.id.value.text === q)!;
    expect(row.cells.answer.value.t).not.toBe('blank');
    expect(row.cells.previous.value).toEqual({ t: 'blank' });
    expect(r.findings).toContainEqual(expect.objectContaining({ code: 'KLA-W208', location: expect.objectContaining({ cell: `F${ANSWER_FIRST_ROW}` }) }));
  });

  it('ignores trailing blank (styled) rows and reports extra columns', async () => {
    const r = await roundTrip((_wb, ws) => {
      for (let i = 0; i < 200; i++) {
        const c = ws.getCell(`F${ws.rowCount + 1}`);
        c.border = { top: { style: 'thin' } };
      }
      ws.getCell(`K${ANSWER_FIRST_ROW + 2}`).value = 'catatan pribadi';
    });
    // Question rows, plus the template's signature block below them (columns B and C only).
    const withId = r.data.answers.rows.filter((x) => x.cells.id.value.t !== 'blank');
    expect(withId).toHaveLength(questionsForOpd(project, 'DINKES').length);
    expect(r.data.answers.rows.at(-1)!.row).toBeLessThan(ANSWER_FIRST_ROW + withId.length + 10);
    expect(r.findings).toContainEqual(expect.objectContaining({ code: 'KLA-I207', params: { columns: 'K', noteColumn: 'I' } }));
  });

  it('keeps an inserted row without id for the validator to report', async () => {
    const r = await roundTrip((_wb, ws) => {
      ws.spliceRows(ANSWER_FIRST_ROW + 1, 0, ['', '', '', '', '', 'tambahan', '', '', '']);
    });
    const extra = r.data.answers.rows.find((x) => x.row === ANSWER_FIRST_ROW + 1)!;
    expect(extra.cells.id.value).toEqual({ t: 'blank' });
    expect(extra.cells.answer.value).toEqual({ t: 'text', text: 'tambahan' });
  });

  it('finds renamed sheets by their content and says so', async () => {
    const r = await roundTrip((wb) => {
      wb.getWorksheet(SHEETS.answers)!.name = 'Sheet1';
      wb.getWorksheet(SHEETS.meta)!.name = 'Lembar4';
      wb.getWorksheet(SHEETS.identity)!.name = 'Data Petugas';
    });
    expect(r.data.answers.sheet).toBe('Sheet1');
    expect(r.data.meta?.sheet).toBe('Lembar4');
    expect(r.data.identity?.sheet).toBe('Data Petugas');
    expect(r.findings.filter((f) => f.code === 'KLA-W102').map((f) => f.params)).toEqual([
      { expected: SHEETS.answers, found: 'Sheet1' },
      { expected: SHEETS.meta, found: 'Lembar4' },
      { expected: SHEETS.identity, found: 'Data Petugas' },
    ]);
  });

  it('knows a renamed answer sheet by headers naming other data years', async () => {
    const r = await roundTrip((wb) => {
      const ws = wb.getWorksheet(SHEETS.answers)!;
      ws.name = 'Sheet1';
      // Three headers gone and the two year-bearing ones for other years: only the years tell them apart.
      for (const c of ['A', 'B', 'D']) ws.getCell(`${c}${ANSWER_HEADER_ROW}`).value = null;
      ws.getCell(`F${ANSWER_HEADER_ROW}`).value = 'Jawaban (data tahun 2019)';
      ws.getCell(`G${ANSWER_HEADER_ROW}`).value = 'Nilai tahun 2018 (tahun sebelumnya)';
    });
    expect(r.data.answers.sheet).toBe('Sheet1');
    expect(r.findings.map((f) => f.code)).toContain('KLA-W102');
  });

  it('reads the answers by their column headers when title rows were deleted or a column inserted (the sheet unprotected), and says so', async () => {
    const ids = questionsForOpd(project, 'DINKES').map((q) => q.id);
    const answersOf = (d: WorkbookData) => new Map(d.answers.rows.filter((x) => x.cells.id.value.t === 'text').map((x) => [(x.cells.id.value as { text: string }).text, x.cells]));
    const plain = answersOf((await roundTrip(() => undefined)).data);

    // The two title rows deleted: the headers are in row 1, the first question in row 2.
    const up = await roundTrip((_wb, ws) => void ws.spliceRows(1, 2));
    expect(up.data.answers.table.headerRow).toBe(1);
    const upAnswers = answersOf(up.data);
    expect([...upAnswers.keys()]).toEqual(ids);
    expect(upAnswers.get(ids[0]!)!.answer).toEqual({ ...plain.get(ids[0]!)!.answer, cell: `F${ANSWER_FIRST_ROW - 2}` });
    expect(up.findings.filter((f) => f.code === 'KLA-W209').map((f) => [f.params, f.location.cell])).toEqual([[{ headerRow: 1, templateRow: ANSWER_HEADER_ROW, fields: [], at: [], template: [], shift: [], missing: [] }, 'A1']]);

    // A column inserted before "Poin maks.": every field from there on is one column to the right.
    const wide = await roundTrip((_wb, ws) => {
      ws.spliceColumns(4, 0, ['', '', 'Bidang']);
      for (let r = ANSWER_FIRST_ROW; r < ANSWER_FIRST_ROW + ids.length; r++) ws.getCell(`D${r}`).value = 'Bidang Kesmas';
    });
    const wideAnswers = answersOf(wide.data);
    expect([...wideAnswers.keys()]).toEqual(ids);
    for (const id of ids) {
      for (const field of ['answer', 'previous', 'evidence', 'note'] as const) {
        const before = plain.get(id)![field];
        expect(wideAnswers.get(id)![field], `${id} ${field}`).toEqual({ ...before, cell: before.cell.replace(/^([A-Z])/, (l) => String.fromCharCode(l.charCodeAt(0) + 1)) });
      }
    }
    const drift = wide.findings.find((f) => f.code === 'KLA-W209')!;
    expect(drift.params).toEqual({ headerRow: ANSWER_HEADER_ROW, templateRow: ANSWER_HEADER_ROW, fields: ['points', 'answerType', 'answer', 'previous', 'evidence', 'note'], at: ['E', 'F', 'G', 'H', 'I', 'J'], template: ['D', 'E', 'F', 'G', 'H', 'I'], shift: [1, 1, 1, 1, 1, 1], missing: [] });
    expect(formatMessage(drift, 'id')).toBe(
      'Susunan lembar Jawaban berbeda dari templat: kolom Poin maks. sampai Catatan ada di E sampai J (pada templat: D sampai I). Isian tetap dibaca menurut judul kolomnya. Mohon gunakan templat tanpa menghapus, menambah, atau memindahkan baris dan kolomnya.',
    );
    expect(wide.findings).toContainEqual(expect.objectContaining({ code: 'KLA-I207', params: { columns: 'D', noteColumn: 'J' } }));
  });

  it('a column deleted leaves its field empty, never read from its neighbour', async () => {
    // "Poin maks." (D) deleted: its header is gone, and the column where it was now holds "Jenis jawaban".
    const r = await roundTrip((_wb, ws) => void ws.spliceColumns(4, 1));
    const row = r.data.answers.rows.find((x) => x.cells.id.value.t === 'text')!;
    expect(row.cells.points.value).toEqual({ t: 'blank' });
    expect(row.cells.answerType.cell).toMatch(/^D/);
    expect(row.cells.answer.cell).toMatch(/^E/);
    const drift = r.findings.find((f) => f.code === 'KLA-W209')!;
    expect([drift.params.fields, drift.params.missing]).toEqual([['answerType', 'answer', 'previous', 'evidence', 'note'], ['points']]);
    expect(formatMessage(drift, 'id')).toContain('kolom Jenis jawaban sampai Catatan ada di D sampai H (pada templat: E sampai I); kolom Poin maks. tidak ada lagi, sehingga isiannya dianggap kosong.');
  });

  it('a column deleted whose entries are asked for: its findings stand at the answer of each row, not past the sheet\'s columns', async () => {
    // "Data dukung" (H) deleted: every answer asking for evidence has none, said at its answer cell.
    const r = await roundTrip((_wb, ws) => void ws.spliceColumns(8, 1));
    expect(r.data.answers.table.missing).toEqual(['evidence']);
    const validated = checkAnswers(r.data, r.file, 'DINKES', project);
    const w222 = validated.findings.filter((f) => f.code === 'KLA-W222');
    expect(w222.length).toBeGreaterThan(0);
    for (const f of w222) expect(f.location.cell).toMatch(/^F\d+$/);
  });

  it('follows identity labels when a column was inserted before them (the sheet unprotected)', async () => {
    const r = await roundTrip((wb) => void wb.getWorksheet(SHEETS.identity)!.spliceColumns(1, 0, []));
    expect(r.data.identity?.fields.officerNip).toEqual({ cell: 'D11', value: { t: 'text', text: '198503122010012003' } });
    expect(r.data.identity?.fields.district?.cell).toBe('D6');
    expect(r.data.identity?.fields.headNip?.cell).toBe('D18');
  });

  it('follows identity labels when rows were inserted above them', async () => {
    const r = await roundTrip((wb) => {
      wb.getWorksheet(SHEETS.identity)!.spliceRows(9, 0, ['', 'Catatan: diisi oleh Sekretariat']);
    });
    expect(r.data.identity?.fields.officerNip).toEqual({ cell: 'C12', value: { t: 'text', text: '198503122010012003' } });
    expect(r.data.identity?.fields.headNip?.cell).toBe('C19');
  });

  it('refuses a workbook without the answer sheet', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = 'Rekap';
    const name = 'rekap lain.xlsx';
    const r = await readSubmissionFile(await save(wb, path.join(dir, name)), name);
    expect(r.status).toBe('unreadable');
    expect(r.findings.map((f) => f.code)).toEqual(['KLA-E101']);
  });

  it('reads a bounded number of rows and reports content beyond', async () => {
    const r = await roundTrip((_wb, ws) => {
      // Excel's very last row: far beyond the bound, found without visiting the rows between.
      ws.getCell('F1048576').value = 'baris terakhir Excel';
    });
    expect(r.findings).toContainEqual(expect.objectContaining({ code: 'KLA-W015', params: { row: ANSWER_FIRST_ROW + READ_BOUNDS.answerRows - 1 } }));
    expect(r.data.answers.rows.every((x) => x.row < ANSWER_FIRST_ROW + READ_BOUNDS.answerRows)).toBe(true);
  });
});
