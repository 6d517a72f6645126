/**
 * One upload, one report: a workbook checked where it was saved, outside any
 * project, against the catalog its template names; and the district's
 * coverage only for a whole folder, or when asked for.
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { kla, root } from './helpers/cli.js';
import { SHEETS } from '../src/workbook/layout.js';

const example = path.join(root, 'fixtures', 'merangin');
const dinkes = 'Jawaban KLA 2026 Dinkes (revisi 2).xlsx';
const invalid = JSON.parse(readFileSync(path.join(example, 'invalid', 'expected.json'), 'utf8')) as { file: string; mistakes: { sheet: string; cell: string; code: string | null }[] }[];

/** A folder outside any project holding copies of the files named (from submissions/ or invalid/). */
function downloads(...files: [string, string][]): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kla-unduhan-'));
  for (const [folder, f] of files) copyFileSync(path.join(example, folder, f), path.join(dir, f));
  return dir;
}

const codes = (json: { diagnostics: { code: string }[] }) => [...new Set(json.diagnostics.map((d) => d.code))].sort();

describe('kla validate FILE outside a project', () => {
  it('checks against the catalog the workbook names, says so, and leaves the district coverage out', () => {
    const dir = downloads(['submissions', dinkes]);
    const r = kla(['validate', dinkes], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('[KLA-I425]');
    expect(r.stderr).toContain('kla-2024');
    expect(r.stdout).toContain('Kabupaten Merangin');
    expect(r.stdout).not.toMatch(/Cakupan|Belum terjawab/);
    const json = JSON.parse(kla(['validate', dinkes, '--format', 'json'], { cwd: dir }).stdout);
    expect(json.project).toEqual({ dataYears: { evaluated: 2025, previous: 2024 }, district: 'Kabupaten Merangin', year: 2026, catalogId: 'kla-2024' });
    expect(json.scope).toBe('files');
    expect(json.files.map((f: { opdCode: string }) => f.opdCode)).toEqual(['DINKES']);
    // Questions Dinkes shares with other OPDs and left blank are no finding here: another OPD may answer them.
    expect(codes(json)).toEqual(['KLA-W222']);
  });

  it('reports a mistake at its cell, with the exit code of a finding', () => {
    const pupr = invalid.find((c) => c.file.startsWith('PUPR'))!;
    const dir = downloads(['invalid', pupr.file]);
    const r = kla(['validate', pupr.file, '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    const m = pupr.mistakes[0]!;
    expect(json.diagnostics.map((d: { code: string; location: { sheet: string; cell: string } }) => [d.code, d.location.sheet, d.location.cell])).toContainEqual([m.code, m.sheet, m.cell]);
  });

  it('several uploads of one district: each OPD is known, the year of another is foreign', async () => {
    const dir = downloads(['submissions', dinkes], ['submissions', 'kla 2026 - dinsos final.xlsx'], ['invalid', 'Bag Hukum KLA 2025 (templat lama).xlsx']);
    const r = kla(['validate', '.', '--format', 'json'], { cwd: dir });
    const json = JSON.parse(r.stdout);
    expect(json.files.map((f: { opdCode?: string }) => f.opdCode).sort()).toEqual(['DINKES', 'DINSOS', 'HUKUM']);
    expect(json.submissions.map((s: { opdCode: string }) => s.opdCode).sort()).toEqual(['DINKES', 'DINSOS']);
    expect(codes(json)).toContain('KLA-E107');
    expect(codes(json)).not.toContain('KLA-E109');
    // The catalog's default OPD list is not the district's: no "nothing received from" notes, no coverage.
    expect(codes(json)).not.toContain('KLA-I304');
    expect(json.scope).toBe('files');
    expect(kla(['validate', '.'], { cwd: dir }).stdout).not.toMatch(/Cakupan/);
  });

  it('a workbook that names no catalog is refused as before: no project found', async () => {
    const dir = downloads(['submissions', dinkes]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, dinkes));
    wb.removeWorksheet(wb.getWorksheet(SHEETS.meta)!.id);
    await wb.xlsx.writeFile(path.join(dir, 'tanpa meta.xlsx'));
    const r = kla(['validate', 'tanpa meta.xlsx'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('[KLA-E405]');
  });
});

describe('coverage of the district', () => {
  it('is shown for the submissions folder, not for one file of it unless asked for', () => {
    const folder = kla(['validate'], { cwd: example });
    expect(folder.stdout).toMatch(/^ {2}Cakupan: /m);
    const one = kla(['validate', `submissions/${dinkes}`], { cwd: example });
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout).not.toMatch(/Cakupan|Belum terjawab/);
    expect(one.stderr).not.toContain('[KLA-I425]');
    const asked = kla(['validate', `submissions/${dinkes}`, '--coverage'], { cwd: example });
    expect(asked.stdout).toMatch(/^ {2}Cakupan: \d+ dari 274/m);
    expect(asked.stdout).toMatch(/^ {2}Belum terjawab: /m);
    expect(JSON.parse(kla(['validate', `submissions/${dinkes}`, '--format', 'json'], { cwd: example }).stdout).scope).toBe('files');
  });
});

describe('a project folder named as the one argument', () => {
  it('is the project, its submissions the files read: the same as --project', () => {
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'kla-luar-'));
    const named = JSON.parse(kla(['validate', example, '--format', 'json'], { cwd: elsewhere }).stdout);
    const option = JSON.parse(kla(['validate', '--project', example, '--format', 'json'], { cwd: elsewhere }).stdout);
    expect(named.scope).toBe(option.scope);
    expect(named.files.length).toBe(option.files.length);
    expect(codes(named)).toEqual(codes(option));
    const score = kla(['score', example, '--format', 'json'], { cwd: elsewhere });
    expect(score.code, score.stderr).toBe(0);
    expect(JSON.parse(score.stdout).total).toBe(JSON.parse(kla(['score', '--project', example, '--format', 'json'], { cwd: elsewhere }).stdout).total);
    // A folder without a project inside is still a folder of workbooks, outside any project.
    const plain = kla(['score', elsewhere], { cwd: elsewhere });
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain('[KLA-E405]');
  });
});
