/**
 * The Kelana/Dekela matrix workbook: written from the example district's
 * profile (its 24 kecamatan and 215 desa/kelurahan), filled with exceljs the
 * way a DPPPA would, spoilt in known places, and read back: every finding at
 * its cell, the DistrictMatrix the scoring reads, a typed share the matrix
 * contradicts reported at both places, the refusal without a profile, the
 * per-kecamatan workbooks, and a LibreOffice round trip that reads the same.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { loadProject, type Project } from '../src/project/config.js';
import { checkFile, matrixAreas, validateInputs, type ValidationReport } from '../src/validate/index.js';
import { readSubmissionFile } from '../src/workbook/read.js';
import { buildMatrixWorkbook, matrixFileName, writeMatrixTemplates } from '../src/workbook/matrix-template.js';
import { templateBytes } from '../src/workbook/template.js';
import { MATRIX_ROWS, MATRIX_SHEETS, questionColumns } from '../src/workbook/matrix-layout.js';
import { columnLetters } from '../src/workbook/a1.js';
import { favourable, matrixQuestions, matrixScopeOf, tally, type MatrixScope } from '../src/matrix.js';
import type { Kecamatan } from '../src/profile.js';
import type { Diagnostic } from '../src/model.js';
import { FIXTURE_DIR } from '../scripts/make-fixtures.js';
import { soffice, tmpDir } from './validate-helpers.js';
import { kla } from './helpers/cli.js';

const S = MATRIX_SHEETS;
const PROFILE = 'Profil Daerah KLA 2026 - DPPPA Merangin (final).xlsx';
const DPPPA = 'KLA 2026 - DPPPA (rekap bidang PHA & PKA).xlsx';
const PYTHON = '/usr/bin/python3';
const hasOpenpyxl = spawnSync(PYTHON, ['-c', 'import openpyxl'], { encoding: 'utf8' }).status === 0;
const hasSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

let project: Project;
let areas: Kecamatan[];
let template: string;

/** The column letters of a question on its sheet, as the template lays them out. */
function colsOf(id: string): { sheet: string; answer: string; evidence: string; heading: string } {
  const q = project.catalog.questionById.get(id)!;
  const scope = matrixScopeOf(q);
  const i = matrixQuestions(project.catalog)
    .filter((x) => matrixScopeOf(x) === scope)
    .findIndex((x) => x.id === id);
  const c = questionColumns(scope, i);
  const answer = columnLetters(c.answer);
  return { sheet: scope === 'kecamatan' ? S.kecamatan : S.desa, answer, evidence: columnLetters(c.evidence), heading: `${answer}${MATRIX_ROWS.question}` };
}

/** The sheet row of the n-th area (0-based) of a scope. */
const rowOf = (n: number) => MATRIX_ROWS.first + n;

/** The desa of the district in profile order, with their kecamatan. */
const desaList = () => areas.flatMap((k) => k.desa.map((d) => ({ kecamatan: k.name, desa: d })));

async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Fill a template: `edit` sets cells, then the workbook says it was saved at `savedAt`. */
async function fill(from: string, to: string, savedAt: Date, edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = await open(from);
  edit(wb);
  wb.modified = savedAt;
  mkdirSync(path.dirname(to), { recursive: true });
  await wb.xlsx.writeFile(to);
  return to;
}

const set = (wb: ExcelJS.Workbook, sheet: string, cell: string, value: ExcelJS.CellValue) => (wb.getWorksheet(sheet)!.getCell(cell).value = value);

/**
 * The filled district matrix: 25.2 "Ya" with evidence for the first 20 of 24
 * kecamatan (83,33 %, where the DPPPA typed 100), 25.4 "Ya" for the first 10
 * (41,67 %, the DPPPA typed 41,7: agrees), 25.3 "Ya" for all; 26.4 "Ya" for
 * every desa, written in the spellings a hand-filled matrix uses.
 */
function fillDistrict(wb: ExcelJS.Workbook): void {
  const k252 = colsOf('25.2');
  const k254 = colsOf('25.4');
  const k253 = colsOf('25.3');
  areas.forEach((k, n) => {
    if (n < 20) {
      set(wb, S.kecamatan, `${k252.answer}${rowOf(n)}`, 'Ya');
      set(wb, S.kecamatan, `${k252.evidence}${rowOf(n)}`, `SK Forum Anak Kecamatan ${k.name} 2025.pdf`);
    } else {
      set(wb, S.kecamatan, `${k252.answer}${rowOf(n)}`, 'Tidak');
    }
    set(wb, S.kecamatan, `${k254.answer}${rowOf(n)}`, n < 10 ? 'Ya' : 'Tidak');
    if (n < 10) set(wb, S.kecamatan, `${k254.evidence}${rowOf(n)}`, `SOP Respons Cepat ${k.name} 2025.pdf\nhttps://dpppa.meranginkab.go.id/sop`);
    set(wb, S.kecamatan, `${k253.answer}${rowOf(n)}`, 'Ya');
    set(wb, S.kecamatan, `${k253.evidence}${rowOf(n)}`, 'Daftar sanggar 2025.xlsx');
  });
  const d264 = colsOf('26.4');
  const spellings = ['Ya', ' ya ', 'YA', 'Y', 'iya'];
  desaList().forEach((d, n) => {
    set(wb, S.desa, `${d264.answer}${rowOf(n)}`, spellings[n % spellings.length]!);
    set(wb, S.desa, `${d264.evidence}${rowOf(n)}`, `SK Forum Anak ${d.desa.name} 2025.pdf`);
  });
}

beforeAll(async () => {
  project = loadProject(FIXTURE_DIR);
  const r = await readSubmissionFile(path.join(FIXTURE_DIR, 'submissions', PROFILE), `submissions/${PROFILE}`);
  areas = checkFile(r, project).profile!.profile.areas;
  template = path.join(tmpDir('kla-matriks-'), matrixFileName(project));
  const files = await writeMatrixTemplates(project, path.dirname(template), areas);
  expect(files.map((f) => f.file)).toEqual([template]);
});

describe('the matrix template', () => {
  it('has the instructions, a sheet per scope with a row per area of the profile, and the lists and metadata hidden', async () => {
    const wb = await open(template);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      [S.instructions, 'visible'],
      [S.kecamatan, 'visible'],
      [S.desa, 'visible'],
      [S.options, 'hidden'],
      [S.meta, 'hidden'],
    ]);
    const kec = wb.getWorksheet(S.kecamatan)!;
    const desa = wb.getWorksheet(S.desa)!;
    expect(areas).toHaveLength(24);
    expect(desaList()).toHaveLength(215);
    areas.forEach((k, n) => {
      expect(kec.getCell(`B${rowOf(n)}`).value).toBe(k.code);
      expect(kec.getCell(`C${rowOf(n)}`).value).toBe(k.name);
    });
    expect(kec.getCell(`C${rowOf(24)}`).value).toBeNull();
    desaList().forEach((d, n) => {
      expect([desa.getCell(`C${rowOf(n)}`).value, desa.getCell(`D${rowOf(n)}`).value]).toEqual([d.kecamatan, d.desa.name]);
    });
    // 15 kecamatan questions and 20 desa questions, each a heading over Ya/Tidak and Data dukung.
    const qs = matrixQuestions(project.catalog);
    for (const q of qs) {
      const c = colsOf(q.id);
      const ws = wb.getWorksheet(c.sheet)!;
      expect(String(ws.getCell(c.heading).value)).toBe(`${q.id} — ${q.criterion}`);
      expect(ws.getCell(`${c.answer}${MATRIX_ROWS.sub}`).value).toBe('Ya/Tidak');
      expect(ws.getCell(`${c.evidence}${MATRIX_ROWS.sub}`).value).toBe(q.evidenceRequired ? `Data dukung (wajib bila ${favourable(q) === 'ya' ? 'Ya' : 'Tidak'})` : 'Data dukung');
    }
    // Gizi buruk names a problem: there, "Tidak" is the answer that needs evidence.
    expect(wb.getWorksheet(S.desa)!.getCell(`${colsOf('26.8a').evidence}${MATRIX_ROWS.sub}`).value).toBe('Data dukung (wajib bila Tidak)');
    const meta = wb.getWorksheet(S.meta)!;
    const values = Object.fromEntries(meta.getSheetValues().slice(1).map((r) => [(r as ExcelJS.CellValue[])[1], (r as ExcelJS.CellValue[])[2]]));
    expect(values).toMatchObject({ workbook: 'matriks-kelana-dekela', matrixVersion: 1, catalogId: 'kla-2024', district: 'Kabupaten Merangin', year: 2026, kecamatan: '' });
    expect(String(values.questionIds).split(',')).toEqual(qs.map((q) => q.id));
    const petunjuk = wb.getWorksheet(S.instructions)!.getColumn(2).values.join('\n');
    expect(petunjuk).toContain('25.7a, 25.7b, 25.7c, 25.7d, 26.8a, 26.8b, 26.8c, 26.8d, 26.17');
  });

  it('keeps the area columns and headings in view and on every printed page, with a Ya/Tidak dropdown, answer cells open and the rest locked', async () => {
    const wb = await open(template);
    for (const [scope, sheet, areaCols] of [['kecamatan', S.kecamatan, 3], ['desa', S.desa, 4]] as [MatrixScope, string, number][]) {
      const ws = wb.getWorksheet(sheet)!;
      expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: areaCols, ySplit: MATRIX_ROWS.sub });
      expect(ws.pageSetup.printTitlesRow).toBe(`${MATRIX_ROWS.question}:${MATRIX_ROWS.sub}`);
      expect(ws.pageSetup.printTitlesColumn).toBe(`A:${columnLetters(areaCols)}`);
      const n = scope === 'kecamatan' ? 24 : 215;
      const first = questionColumns(scope, 0);
      const a = ws.getCell(rowOf(0), first.answer);
      const e = ws.getCell(rowOf(n - 1), first.evidence);
      expect([a.protection?.locked, e.protection?.locked, e.alignment?.wrapText]).toEqual([false, false, true]);
      expect(ws.getColumn(first.evidence).width).toBeGreaterThan(ws.getColumn(first.answer).width! * 2);
      expect(ws.getCell(`C${rowOf(0)}`).protection?.locked).not.toBe(false);
      expect(ws.getCell(`${columnLetters(first.answer)}${MATRIX_ROWS.question}`).protection?.locked).not.toBe(false);
      const dv = ws.getCell(rowOf(n - 1), first.answer).dataValidation;
      expect(dv).toMatchObject({ type: 'list', formulae: [`'${S.options}'!$A$1:$A$2`], showErrorMessage: true, errorStyle: 'stop' });
      expect(ws.getCell(rowOf(n), first.answer).dataValidation).toBeUndefined();
      // As written: protected, rows and columns neither inserted nor deleted (absent attributes mean locked).
      const xml = strFromU8(unzipSync(readFileSync(template))[`xl/worksheets/sheet${wb.worksheets.indexOf(ws) + 1}.xml`]!);
      expect(xml).toMatch(/<sheetProtection[^>]*sheet="1"/);
      expect(xml).not.toMatch(/<sheetProtection[^>]*(insertRows|deleteRows|insertColumns|deleteColumns)="0"/);
    }
    expect([wb.getWorksheet(S.options)!.getCell('A1').value, wb.getWorksheet(S.options)!.getCell('A2').value]).toEqual(['Ya', 'Tidak']);
  });

  it('gives the same bytes when made again, and locks the workbook structure', async () => {
    const one = await templateBytes(await buildMatrixWorkbook(project, areas));
    const two = await templateBytes(await buildMatrixWorkbook(project, areas));
    expect(one.equals(two)).toBe(true);
    expect(one.equals(readFileSync(template))).toBe(true);
  });

  it('reads back, empty, as a matrix with no rows answered and no error', async () => {
    const r = await readSubmissionFile(template, 'templates/matriks.xlsx');
    expect(r.status).toBe('matrix');
    const c = checkFile(r, project);
    expect(c.report.status).toBe('matrix');
    expect(c.findings.filter((d) => d.severity === 'error')).toEqual([]);
    expect(c.matrix!.rows).toHaveLength(24 + 215);
    expect(Object.keys(c.matrix!.headers)).toEqual(matrixQuestions(project.catalog).map((q) => q.id));
  });

  it('one workbook per kecamatan lists only its own desa, and says which kecamatan it is for', async () => {
    const dir = tmpDir('kla-matriks-kec-');
    const files = await writeMatrixTemplates(project, dir, areas, { perKecamatan: true });
    expect(files).toHaveLength(24);
    expect(readdirSync(dir).sort()).toEqual(areas.map((k) => `Matriks Kelana-Dekela Kec. ${k.name} 2026.xlsx`).sort());
    const tabir = areas.find((k) => k.name === 'Tabir')!;
    const wb = await open(path.join(dir, 'Matriks Kelana-Dekela Kec. Tabir 2026.xlsx'));
    const kec = wb.getWorksheet(S.kecamatan)!;
    expect([kec.getCell(`C${rowOf(0)}`).value, kec.getCell(`C${rowOf(1)}`).value]).toEqual(['Tabir', null]);
    const desa = wb.getWorksheet(S.desa)!;
    const names = tabir.desa.map((_, n) => desa.getCell(`D${rowOf(n)}`).value);
    expect(names).toEqual(tabir.desa.map((d) => d.name));
    expect(desa.getCell(`D${rowOf(tabir.desa.length)}`).value).toBeNull();
    const r = await readSubmissionFile(path.join(dir, 'Matriks Kelana-Dekela Kec. Tabir 2026.xlsx'), 'k.xlsx');
    expect(checkFile(r, project).report).toMatchObject({ status: 'matrix', kecamatan: 'Tabir' });
  });
});

describe('the matrix from the CLI', () => {
  it('kla template --matrix writes it from the profile in the submissions folder; --kecamatan by name or code; existing files only with --force', () => {
    const dir = path.join(tmpDir('kla-matriks-cli-'), 'Kabupaten Merangin (uji)');
    mkdirSync(path.join(dir, 'submissions'), { recursive: true });
    copyFileSync(path.join(FIXTURE_DIR, 'kla.config.json'), path.join(dir, 'kla.config.json'));
    copyFileSync(path.join(FIXTURE_DIR, 'submissions', PROFILE), path.join(dir, 'submissions', PROFILE));
    const run = kla(['template', '--matrix'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(path.join(dir, 'templates', 'Matriks Kelana-Dekela Kabupaten Merangin 2026.xlsx'))).toBe(true);
    const bangko = areas.find((k) => k.name === 'Bangko')!;
    const two = kla(['template', '--kecamatan', 'kec. bangko', '--kecamatan', areas[0]!.code, '-o', 'per kecamatan'], { cwd: dir });
    expect(two.code, two.stderr).toBe(0);
    expect(readdirSync(path.join(dir, 'per kecamatan')).sort()).toEqual([`Matriks Kelana-Dekela Kec. ${bangko.name} 2026.xlsx`, `Matriks Kelana-Dekela Kec. ${areas[0]!.name} 2026.xlsx`].sort());
    const again = kla(['template', '--matrix', '--lang', 'en'], { cwd: dir });
    expect([again.code, again.stderr]).toEqual([2, expect.stringContaining('KLA-E516')]);
    expect(kla(['template', '--matrix', '--force'], { cwd: dir }).code).toBe(0);
    const unknown = kla(['template', '--matrix', '--kecamatan', 'Atlantis', '-o', 'tidak ada'], { cwd: dir });
    expect([unknown.code, unknown.stderr.includes('KLA-E271'), existsSync(path.join(dir, 'tidak ada'))]).toEqual([2, true, false]);
    // The matrix comes after the profile is filled in: asked for together with OPD templates, refused.
    const both = kla(['template', '--matrix', '--opd', 'DINKES', '-o', 'bersama'], { cwd: dir });
    expect([both.code, both.stderr.includes('KLA-E534'), /\n\s+at /.test(both.stderr), existsSync(path.join(dir, 'bersama'))]).toEqual([2, true, false, false]);
  });

  it('without a profile workbook it refuses, names what to fill first, and writes nothing', async () => {
    const dir = path.join(tmpDir('kla-matriks-noprofil-'), 'proyek');
    mkdirSync(path.join(dir, 'submissions'), { recursive: true });
    copyFileSync(path.join(FIXTURE_DIR, 'kla.config.json'), path.join(dir, 'kla.config.json'));
    copyFileSync(path.join(FIXTURE_DIR, 'submissions', DPPPA), path.join(dir, 'submissions', DPPPA));
    const run = kla(['template', '--matrix'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('KLA-E270');
    expect(run.stderr).toContain('Wilayah');
    expect(run.stderr).not.toMatch(/\bat .*\.(js|ts):\d+/);
    expect(existsSync(path.join(dir, 'templates'))).toBe(false);
    await expect(matrixAreas(loadProject(dir), { cwd: dir })).rejects.toMatchObject({ diagnostics: [expect.objectContaining({ code: 'KLA-E270', params: { reason: 'no-profile' } })] });
  });
});

describe('every check of a filled matrix, at its cell', () => {
  let report: ValidationReport;
  let dir: string;
  const at = (file: string, sheet: string, cell: string) => ({ file: `submissions/${file}`, sheet, cell });
  const DISTRICT = 'Matriks Kelana-Dekela Kabupaten Merangin 2026.xlsx';
  const BANGKO = 'Matriks Kelana-Dekela Kec. Bangko 2026 (revisi).xlsx';
  const OLD = 'Matriks Kelana-Dekela 2025.xlsx';
  const codesIn = (file: string) => report.diagnostics.filter((d) => d.location.file === `submissions/${file}`).map((d) => `${d.code} ${d.location.sheet ?? ''}!${d.location.cell ?? ''}`).sort();

  beforeAll(async () => {
    dir = tmpDir('kla-matriks-isi-');
    const sub = path.join(dir, 'submissions');
    mkdirSync(sub, { recursive: true });
    copyFileSync(path.join(FIXTURE_DIR, 'submissions', PROFILE), path.join(sub, PROFILE));
    copyFileSync(path.join(FIXTURE_DIR, 'submissions', DPPPA), path.join(sub, DPPPA));
    const d = desaList();
    const k = colsOf('26.4');
    const gizi = colsOf('25.7a');
    await fill(template, path.join(sub, DISTRICT), new Date(Date.UTC(2026, 1, 2)), (wb) => {
      fillDistrict(wb);
      // Desa 3: a name not in the profile. Desa 6 repeats desa 5 (so desa 6 has no row).
      set(wb, S.desa, `D${rowOf(3)}`, 'Desa Khayalan');
      set(wb, S.desa, `B${rowOf(3)}`, null);
      set(wb, S.desa, `D${rowOf(6)}`, d[5]!.desa.name);
      // Desa 8: not Ya/Tidak. Desa 9: a yes without evidence. Desa 10: a placeholder for evidence.
      set(wb, S.desa, `${k.answer}${rowOf(8)}`, 'Sudah ada');
      set(wb, S.desa, `${k.evidence}${rowOf(9)}`, null);
      set(wb, S.desa, `${k.evidence}${rowOf(10)}`, 'terlampir');
      // Kecamatan 23: its row emptied, so the profile's last kecamatan has none.
      for (const c of ['A', 'B', 'C']) set(wb, S.kecamatan, `${c}${rowOf(23)}`, null);
      for (const q of ['25.2', '25.3', '25.4']) {
        set(wb, S.kecamatan, `${colsOf(q).answer}${rowOf(23)}`, null);
        set(wb, S.kecamatan, `${colsOf(q).evidence}${rowOf(23)}`, null);
      }
      // Gizi buruk: "Tidak" (no case, the favourable answer) without evidence, "Ya" (a case) without.
      set(wb, S.kecamatan, `${gizi.answer}${rowOf(0)}`, 'Tidak');
      set(wb, S.kecamatan, `${gizi.answer}${rowOf(2)}`, 'ya');
      // A heading changed by hand.
      set(wb, S.desa, colsOf('26.16').heading, '26.99 — Memiliki taman baca');
    });
    // Bangko's own matrix, saved later: its rows count instead of the district matrix's.
    const bangko = areas.find((x) => x.name === 'Bangko')!;
    const perKec = path.join(tmpDir('kla-matriks-bangko-'), 'b.xlsx');
    await (await buildMatrixWorkbook(project, areas, { kecamatan: bangko })).xlsx.writeFile(perKec);
    await fill(perKec, path.join(sub, BANGKO), new Date(Date.UTC(2026, 2, 1)), (wb) => {
      set(wb, S.kecamatan, `${colsOf('25.2').answer}${rowOf(0)}`, 'Tidak');
      set(wb, S.kecamatan, `${colsOf('25.4').answer}${rowOf(0)}`, 'Ya');
      set(wb, S.kecamatan, `${colsOf('25.4').evidence}${rowOf(0)}`, 'SOP Respons Cepat Bangko 2025.pdf');
      bangko.desa.forEach((_, n) => set(wb, S.desa, `${k.answer}${rowOf(n)}`, 'T'));
    });
    // A matrix of last year's evaluation: foreign, not counted.
    await fill(template, path.join(sub, OLD), new Date(Date.UTC(2026, 2, 3)), (wb) => {
      fillDistrict(wb);
      set(wb, S.meta, 'B6', 2025);
    });
    report = await validateInputs(project, ['submissions'], { cwd: dir, jobs: 1 });
  });

  it('lists the matrices as matrices, the foreign one marked, the kecamatan one named', () => {
    const byFile = Object.fromEntries(report.files.map((f) => [f.file, f]));
    expect(byFile[`submissions/${DISTRICT}`]).toMatchObject({ status: 'matrix' });
    expect(byFile[`submissions/${BANGKO}`]).toMatchObject({ status: 'matrix', kecamatan: 'Bangko' });
    expect(byFile[`submissions/${OLD}`]).toMatchObject({ status: 'matrix', foreign: true });
    expect(codesIn(OLD)).toEqual([`KLA-E272 ${S.meta}!B6`]);
  });

  it('finds each planted mistake in the district matrix where it was planted', () => {
    const d = desaList();
    const k = colsOf('26.4');
    const gizi = colsOf('25.7a');
    const bangkoDesa = areas.find((x) => x.name === 'Bangko')!.desa.length;
    expect(codesIn(DISTRICT)).toEqual(
      [
        `KLA-E274 ${S.desa}!D${rowOf(3)}`,
        `KLA-E276 ${S.desa}!D${rowOf(6)}`,
        `KLA-E277 ${S.desa}!${k.answer}${rowOf(8)}`,
        `KLA-W278 ${S.desa}!${k.evidence}${rowOf(9)}`,
        `KLA-W230 ${S.desa}!${k.evidence}${rowOf(10)}`,
        `KLA-W278 ${S.kecamatan}!${gizi.evidence}${rowOf(0)}`,
        `KLA-E279 ${S.desa}!${colsOf('26.16').heading}`,
        `KLA-W280 !`,
        `KLA-W282 ${S.kecamatan}!${colsOf('25.2').heading}`,
        `KLA-W282 ${S.desa}!${colsOf('26.4').heading}`,
      ].sort(),
    );
    const w280 = report.diagnostics.find((x) => x.code === 'KLA-W280')!;
    // Bangko's kecamatan row and its desa, all but the two spoilt rows that matched no area of Bangko.
    const bangkoIndex = areas.findIndex((x) => x.name === 'Bangko');
    const spoiltInBangko = [3, 6].filter((n) => d[n]!.kecamatan === 'Bangko').length;
    expect(bangkoIndex).toBeGreaterThan(0);
    expect(w280.params).toEqual({ areas: 1 + bangkoDesa - spoiltInBangko, kept: [`submissions/${BANGKO}`] });
    expect(codesIn(BANGKO)).toEqual([]);
  });

  it('names the profile’s areas that have no row, at their cells in the profile', () => {
    const d = desaList();
    const missing = report.diagnostics.filter((x) => x.code === 'KLA-W275');
    const last = areas[23]!;
    expect(missing.map((x) => [x.params.scope, x.params.kecamatan, x.params.names, x.location.cell])).toEqual([
      ...(d[3]!.kecamatan === d[6]!.kecamatan
        ? [['desa', d[3]!.kecamatan, [d[3]!.desa.name, d[6]!.desa.name], d[3]!.desa.at.cell]]
        : [
            ['desa', d[3]!.kecamatan, [d[3]!.desa.name], d[3]!.desa.at.cell],
            ['desa', d[6]!.kecamatan, [d[6]!.desa.name], d[6]!.desa.at.cell],
          ]),
      ['kecamatan', last.name, [last.name], last.at.cell],
    ]);
    expect(new Set(missing.map((x) => x.location.file))).toEqual(new Set([`submissions/${PROFILE}`]));
  });

  it('builds the district matrix: a column per question filled in, a row per area in the profile’s order', () => {
    const m = report.matrix!;
    const d = desaList();
    expect(m.files.map((f) => [f.file, f.kecamatan])).toEqual([
      [`submissions/${DISTRICT}`, null],
      [`submissions/${BANGKO}`, 'Bangko'],
    ]);
    // 25.7a has two rows filled; 26.16's heading is unknown, so it is not read.
    expect(m.columns.map((c) => c.questionId)).toEqual(['25.2', '25.3', '25.4', '25.7a', '26.4']);
    const c264 = m.columns.find((c) => c.questionId === '26.4')!;
    expect(c264.rows).toHaveLength(215);
    expect(c264.rows.map((r) => [r.kecamatan, r.desa])).toEqual(d.map((x) => [x.kecamatan, x.desa.name]));
    expect(c264.header).toEqual(at(DISTRICT, S.desa, colsOf('26.4').heading));
    // The spoilt rows, as they count: no row (null), not Ya/Tidak (null), yes without evidence.
    expect(c264.rows[3]).toMatchObject({ value: null, cells: null, evidence: [] });
    expect(c264.rows[6]).toMatchObject({ value: null, cells: null });
    expect(c264.rows[8]).toMatchObject({ value: null, cells: { answer: at(DISTRICT, S.desa, `${colsOf('26.4').answer}${rowOf(8)}`) } });
    expect(c264.rows[9]).toMatchObject({ value: 'ya', evidence: [] });
    expect(c264.rows[10]).toMatchObject({ value: 'ya', evidence: [] });
    expect(c264.rows[0]).toMatchObject({ value: 'ya', evidence: [`SK Forum Anak ${d[0]!.desa.name} 2025.pdf`] });
    // Bangko's desa come from its own, newer workbook: all "T".
    const bangko = c264.rows.filter((r) => r.kecamatan === 'Bangko');
    expect(bangko.every((r) => r.value === 'tidak' && r.cells!.answer.file === `submissions/${BANGKO}`)).toBe(true);
    const c252 = m.columns.find((c) => c.questionId === '25.2')!;
    expect(c252.rows.map((r) => r.kecamatan)).toEqual(areas.map((k) => k.name));
    expect(c252.rows[23]).toMatchObject({ value: null, cells: null });
    // 25.2: 20 yes, less Bangko (now "Tidak" from its own matrix), of 24.
    const q = project.catalog.questionById.get('25.2')!;
    expect(tally(q, c252.rows)).toMatchObject({ numerator: 19, denominator: 24, blank: 1 });
    const c25 = m.columns.find((c) => c.questionId === '25.7a')!;
    // Bangko (the second kecamatan) counts from its own matrix, which leaves 25.7a blank.
    expect(c25.rows.slice(0, 4).map((r) => r.value)).toEqual(['tidak', null, 'ya', null]);
  });

  it('reports a typed share the matrix contradicts at both places, leaves it valid, and passes one that agrees', () => {
    const w = report.diagnostics.filter((x) => x.code === 'KLA-W282');
    const where = (x: Diagnostic) => `${x.questionId} ${x.params.where} ${x.location.file}!${x.location.sheet}!${x.location.cell}`;
    expect(w.map(where).sort()).toEqual(
      [
        `25.2 matrix submissions/${DISTRICT}!${S.kecamatan}!${colsOf('25.2').heading}`,
        `25.2 typed submissions/${DPPPA}!Jawaban!F110`,
        `26.4 matrix submissions/${DISTRICT}!${S.desa}!${colsOf('26.4').heading}`,
        `26.4 typed submissions/${DPPPA}!Jawaban!F118`,
      ].sort(),
    );
    // 25.2: 20 yes in the district matrix, less Bangko ("Tidak" in its own), of 24; 26.4: 215 less two without a row, one not Ya/Tidak and Bangko's 10.
    for (const x of w.filter((y) => y.questionId === '25.2')) expect(x.params).toMatchObject({ typed: 100, computed: 79.17, numerator: 19, denominator: 24 });
    for (const x of w.filter((y) => y.questionId === '26.4')) expect(x.params).toMatchObject({ typed: 60.9, computed: 93.95, numerator: 202, denominator: 215 });
    const dpppa = report.submissions.find((s) => s.opdCode === 'DPPPA')!;
    expect(dpppa.answers.find((a) => a.questionId === '25.2')!.invalid).toBeUndefined();
    // 25.4: 10 of 24 is 41,67 %, typed 41,7.
    expect(dpppa.answers.find((a) => a.questionId === '25.4')!.value).toEqual({ kind: 'number', value: 41.7 });
    expect(w.some((x) => x.questionId === '25.4')).toBe(false);
  });

  it('counts a question the matrix answers as answered', () => {
    // 25.3 is asked of no OPD whose workbook is here; 25.5 is in no workbook and no matrix column.
    expect(report.submissions.some((s) => s.answers.some((a) => a.questionId === '25.3'))).toBe(false);
    expect(report.coverage.unanswered).not.toContain('25.3');
    expect(report.coverage.unanswered).toContain('25.5');
  });

  it('without a profile the rows stand as the areas, with a warning on each matrix', async () => {
    const alone = tmpDir('kla-matriks-tanpa-');
    copyFileSync(path.join(dir, 'submissions', BANGKO), path.join(alone, 'bangko.xlsx'));
    const r = await validateInputs(project, [alone], { cwd: alone, jobs: 1 });
    expect(r.diagnostics.map((x) => `${x.code} ${x.location.file}`)).toContain('KLA-W281 bangko.xlsx');
    expect(r.diagnostics.some((x) => x.code === 'KLA-W275' || x.code === 'KLA-E274')).toBe(false);
    const col = r.matrix!.columns.find((c) => c.questionId === '26.4')!;
    expect(col.rows.map((x) => x.desa)).toEqual(areas.find((k) => k.name === 'Bangko')!.desa.map((x) => x.name));
  });

  it('shows in every report format', () => {
    const json = kla(['validate', 'submissions', '--format', 'json', '--jobs', '1', '--project', FIXTURE_DIR], { cwd: dir });
    const parsed = JSON.parse(json.stdout) as ValidationReport;
    expect(parsed.matrix!.columns.map((c) => c.questionId)).toEqual(report.matrix!.columns.map((c) => c.questionId));
    expect(parsed.files.filter((f) => f.status === 'matrix')).toHaveLength(3);
    for (const format of ['pretty', 'junit', 'github']) {
      const run = kla(['validate', 'submissions', '--format', format, '--jobs', '1', '--project', FIXTURE_DIR], { cwd: dir });
      expect(run.stderr).toBe('');
      // GitHub annotations show the errors first, and only so many.
      expect(run.stdout).toContain(format === 'github' ? 'KLA-E279' : 'KLA-W282');
    }
    const pretty = kla(['validate', 'submissions', '--jobs', '1', '--project', FIXTURE_DIR], { cwd: dir });
    expect(pretty.stdout).toContain('(matriks Kelana/Dekela Kec. Bangko)');
    expect(pretty.stdout).toMatch(/3 matriks Kelana\/Dekela/);
  });
});

describe.skipIf(!hasSoffice)('a filled matrix saved again by LibreOffice', () => {
  it('reads the same rows, answers and evidence', async () => {
    const dir = tmpDir('kla-matriks-lo-');
    const src = await fill(template, path.join(dir, 'src', 'matriks isi.xlsx'), new Date(Date.UTC(2026, 1, 2)), fillDistrict);
    const out = await soffice(src, 'xlsx', dir);
    const before = checkFile(await readSubmissionFile(src, 'a.xlsx'), project);
    const after = checkFile(await readSubmissionFile(out, 'a.xlsx'), project);
    expect(after.report.status).toBe('matrix');
    expect(after.findings.map((d) => d.code)).toEqual(before.findings.map((d) => d.code));
    const strip = (c: typeof before) => c.matrix!.rows.map((r) => [r.kecamatan, r.desa, r.code, Object.entries(r.answers).map(([id, a]) => [id, a.value, a.evidence])]);
    expect(strip(after)).toEqual(strip(before));
    expect(before.matrix!.rows.filter((r) => r.answers['26.4']?.value === 'ya')).toHaveLength(215);
  });
});

describe.skipIf(!hasOpenpyxl)('a matrix filled and saved by openpyxl', () => {
  const script = `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['${S.desa}']
for r in range(${MATRIX_ROWS.first}, ${MATRIX_ROWS.first} + 15):
    ws.cell(r, 5).value = 'Ya'
    ws.cell(r, 6).value = 'SK Forum Anak Desa 2025.pdf'
wb.save(sys.argv[2])
if sys.argv[3] == 'strip':
    del wb['${S.meta}']
    ws.title = 'Lembar1'
    wb.save(sys.argv[2])
`;
  const run = (mode: 'keep' | 'strip') => {
    const out = path.join(tmpDir('kla-matriks-openpyxl-'), `${mode}.xlsx`);
    execFileSync(PYTHON, ['-c', script, template, out, mode]);
    return out;
  };

  it('reads its rows and answers with no finding', async () => {
    const c = checkFile(await readSubmissionFile(run('keep'), 'o.xlsx'), project);
    expect([c.report.status, c.findings]).toEqual(['matrix', []]);
    expect(colsOf('26.2')).toMatchObject({ answer: 'E', evidence: 'F' });
    const yes = c.matrix!.rows.filter((r) => r.answers['26.2']?.value === 'ya');
    expect(yes.map((r) => r.desa)).toEqual(desaList().slice(0, 15).map((d) => d.desa.name));
    expect(yes[0]!.answers['26.2']!.evidence).toEqual(['SK Forum Anak Desa 2025.pdf']);
  });

  // A kecamatan office that unprotects the sheet and deletes the title rows or inserts a column before
  // the areas; merged headings move as Excel moves them (tests/writers/changed_layout.py).
  it.each(['rows', 'column'] as const)('with its title rows deleted or a column inserted before the areas (%s), reads the same rows, answers and evidence', async (mode) => {
    const out = path.join(tmpDir('kla-matriks-geser-'), `${mode}.xlsx`);
    execFileSync(PYTHON, [path.join('tests', 'writers', 'changed_layout.py'), run('keep'), out, S.desa, mode]);
    const c = checkFile(await readSubmissionFile(out, 'o.xlsx'), project);
    expect(c.report.status).toBe('matrix');
    expect(c.findings.filter((d) => d.severity === 'error')).toEqual([]);
    expect(c.matrix!.rows.filter((r) => r.scope === 'desa')).toHaveLength(215);
    const yes = c.matrix!.rows.filter((r) => r.answers['26.2']?.value === 'ya');
    expect(yes.map((r) => r.desa)).toEqual(desaList().slice(0, 15).map((d) => d.desa.name));
    expect(yes[0]!.answers['26.2']!.evidence).toEqual(['SK Forum Anak Desa 2025.pdf']);
  });

  it('without its Meta sheet and with a sheet renamed, is still recognised by its headings, and says so', async () => {
    const c = checkFile(await readSubmissionFile(run('strip'), 'o.xlsx'), project);
    expect(c.report.status).toBe('matrix');
    expect(c.findings.map((d) => `${d.code} ${d.location.sheet ?? ''}`).sort()).toEqual(['KLA-W102 Lembar1', 'KLA-W273 ']);
    expect(c.matrix!.rows.filter((r) => r.scope === 'desa')).toHaveLength(215);
    expect(c.matrix!.rows.filter((r) => r.answers['26.2']?.value === 'ya')).toHaveLength(15);
  });
});
