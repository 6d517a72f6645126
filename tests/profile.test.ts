/**
 * The DPPPA profile workbook: the template as written (read back with exceljs
 * and as raw XML), the reader that tells it from an OPD's workbook, every
 * validation code at its cell (the example district's filled workbook spoilt
 * in known places), the rule for several workbooks, what a final dossier
 * needs, and a LibreOffice round trip that reads the same.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { loadProject, type Project } from '../src/project/config.js';
import { validateInputs, type ValidationReport } from '../src/validate/index.js';
import { missingForFinal } from '../src/validate/profile.js';
import { readWorkbookBuffer } from '../src/workbook/read.js';
import { buildProfileWorkbook, indicatorOption, opdOption, profileFileName } from '../src/workbook/profile-template.js';
import {
  ACTIVITY_TABLE,
  AGE_GROUPS,
  CHILD_FIELDS,
  CHILD_TABLE,
  DESA_TABLE,
  GUGUS_TUGAS_FIELDS,
  KECAMATAN_TABLE,
  NARRATIVE_PARTS,
  NO_PREDIKAT,
  PROFILE_SHEETS,
  PROFILE_VERSION,
  REGULATION_TABLE,
  childCountCol,
  colOf,
  lastRowOf,
  narrativeHeadingRow,
} from '../src/workbook/profile-layout.js';
import { columnLetters } from '../src/workbook/a1.js';
import { FIXTURE_DIR } from '../scripts/make-fixtures.js';
import { buildProfileSubmission, describeProfile, type ProfileDescription } from '../scripts/merangin-profile.js';
import { soffice, tmpDir } from './validate-helpers.js';
import { kla } from './helpers/cli.js';
import type { DistrictProfile } from '../src/profile.js';
import { zipEntry } from './helpers/zip.js';
import { RECORD_FILE } from '../src/io/files.js';

const S = PROFILE_SHEETS;
let project: Project;
let desc: ProfileDescription;
let template: string;
let n = 0;

beforeAll(async () => {
  project = loadProject(FIXTURE_DIR);
  desc = describeProfile();
  template = path.join(tmpDir('kla-profil-'), profileFileName(project));
  await (await buildProfileWorkbook(project)).xlsx.writeFile(template);
});

async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}


/** The XML part of a sheet, by its name in workbook order. */
async function sheetXml(file: string, name: string): Promise<string> {
  const wb = await open(file);
  const i = wb.worksheets.findIndex((w) => w.name === name);
  return zipEntry(file, `xl/worksheets/sheet${i + 1}.xml`);
}

/** The data validations of a sheet's XML, as written. */
function validations(xml: string): Record<string, string>[] {
  const unescape = (t: string) => t.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return [...xml.matchAll(/<dataValidation ([^>]*)>([\s\S]*?)<\/dataValidation>/g)].map(([, attrs, body]) => {
    const attr = (k: string) => new RegExp(`\\b${k}="([^"]*)"`).exec(attrs!)?.[1];
    const formula = (k: string) => new RegExp(`<${k}>([^<]*)</${k}>`).exec(body!)?.[1];
    const out: Record<string, string> = { type: attr('type')!, sqref: attr('sqref')! };
    for (const [k, v] of [['operator', attr('operator')], ['formula1', formula('formula1')], ['formula2', formula('formula2')]] as const) if (v !== undefined) out[k] = unescape(v);
    return out;
  });
}

/** Write the example's filled workbook after `edit`, and validate it alone. */
async function validateFilled(edit?: (wb: ExcelJS.Workbook) => void, name = `Profil uji ${++n}.xlsx`): Promise<ValidationReport> {
  const wb = await buildProfileSubmission(project, desc);
  edit?.(wb);
  const dir = tmpDir('kla-profil-');
  await wb.xlsx.writeFile(path.join(dir, name));
  return validateInputs(project, [name], { cwd: dir, jobs: 1 });
}

const found = (r: ValidationReport) => r.diagnostics.map((d) => `${d.code} ${d.location.sheet ?? ''}!${d.location.cell ?? ''}`).sort();
const set = (wb: ExcelJS.Workbook, sheet: string, cell: string, v: ExcelJS.CellValue) => (wb.getWorksheet(sheet)!.getCell(cell).value = v);
const K = (key: 'code' | 'name', row: number) => `${colOf(KECAMATAN_TABLE, key)}${row}`;
const D = (key: 'code' | 'name' | 'kind' | 'kecamatan', row: number) => `${colOf(DESA_TABLE, key)}${row}`;
const desaCount = () => desc.kecamatan.reduce((s, k) => s + k.desa.length, 0);

describe('the profile template', () => {
  it('has the sheets of the district profile, the option lists and metadata hidden at the back', async () => {
    const wb = await open(template);
    expect(wb.worksheets.map((w) => w.name)).toEqual([S.instructions, S.areas, S.children, S.regulations, S.narratives, S.history, S.activities, S.options, S.meta]);
    expect(wb.getWorksheet(S.options)!.state).toBe('hidden');
    expect(wb.getWorksheet(S.meta)!.state).toBe('hidden');
    expect(path.basename(template)).toBe('KLA 2026 - Profil Daerah (DPPPA).xlsx');
    const meta = wb.getWorksheet(S.meta)!;
    const kv = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [meta.getCell(`A${i + 1}`).value, meta.getCell(`B${i + 1}`).value]));
    expect(kv).toMatchObject({
      workbook: 'profil-daerah',
      profileVersion: PROFILE_VERSION,
      catalogId: 'kla-2024',
      district: 'Kabupaten Merangin',
      year: 2026,
      groups: project.catalog.groups.map((g) => g.id).join(','),
      ageGroups: AGE_GROUPS.join(','),
    });
  });

  it('protects every visible sheet, opens only the input cells and locks headers and running numbers', async () => {
    for (const name of [S.instructions, S.areas, S.children, S.regulations, S.narratives, S.history, S.activities]) {
      const xml = await sheetXml(template, name);
      expect(xml, name).toMatch(/<sheetProtection[^>]*sheet="1"/);
      expect(xml, name).not.toMatch(/<sheetProtection[^>]*(insertRows|deleteRows)="0"/);
    }
    const wb = await open(template);
    const locked = (sheet: string, cell: string) => wb.getWorksheet(sheet)!.getCell(cell).protection?.locked ?? true;
    for (const [sheet, cell] of [
      [S.areas, K('name', KECAMATAN_TABLE.firstRow)],
      [S.areas, D('kecamatan', lastRowOf(DESA_TABLE))],
      [S.children, CHILD_FIELDS.year.cell],
      [S.children, `${columnLetters(childCountCol(3, 1))}${CHILD_TABLE.firstRow}`],
      [S.regulations, GUGUS_TUGAS_FIELDS.members.cell],
      [S.narratives, `B${narrativeHeadingRow(6) + 3}`],
      [S.activities, `F${lastRowOf(ACTIVITY_TABLE)}`],
    ] as const) {
      expect(locked(sheet, cell), `${sheet}!${cell}`).toBe(false);
    }
    for (const [sheet, cell] of [
      [S.areas, 'C4'],
      [S.areas, 'A5'],
      [S.children, `${columnLetters(childCountCol(0, 0) + 8)}${CHILD_TABLE.firstRow}`],
      [S.narratives, `A${narrativeHeadingRow(0)}`],
      [S.narratives, `B${narrativeHeadingRow(0)}`],
      [S.history, 'B4'],
    ] as const) {
      expect(locked(sheet, cell), `${sheet}!${cell}`).toBe(true);
    }
    // Codes like 15.02.01 must stay text.
    expect(wb.getWorksheet(S.areas)!.getCell(K('code', 5)).numFmt).toBe('@');
    expect(wb.getWorksheet(S.areas)!.getCell(K('name', 5)).font?.name).toBe('Arial');
    for (const name of [S.areas, S.children, S.regulations, S.narratives, S.history, S.activities]) expect(wb.getWorksheet(name)!.pageSetup.paperSize, name).toBe(9);
  });

  it('offers dropdowns from the Wilayah sheet and the hidden options sheet, and checks numbers, over bounded ranges', async () => {
    const kecList = `$C$${KECAMATAN_TABLE.firstRow}:$C$${lastRowOf(KECAMATAN_TABLE)}`;
    const wilayah = validations(await sheetXml(template, S.areas));
    expect(wilayah).toContainEqual({ type: 'list', sqref: `I5:I${lastRowOf(DESA_TABLE)}`, formula1: kecList });
    expect(wilayah).toContainEqual({ type: 'list', sqref: `H5:H${lastRowOf(DESA_TABLE)}`, formula1: "'Opsi'!$B$1:$B$2" });
    const anak = validations(await sheetXml(template, S.children));
    expect(anak).toContainEqual({ type: 'list', sqref: `B${CHILD_TABLE.firstRow}:B${lastRowOf(CHILD_TABLE)}`, formula1: `'Wilayah'!${kecList}` });
    expect(anak).toContainEqual({ type: 'whole', operator: 'greaterThanOrEqual', sqref: `C${CHILD_TABLE.firstRow}:J${lastRowOf(CHILD_TABLE)}`, formula1: '0' });
    expect(anak).toContainEqual({ type: 'whole', sqref: CHILD_FIELDS.year.cell, formula1: '2000', formula2: '2026' });
    const riwayat = validations(await sheetXml(template, S.history));
    expect(riwayat).toContainEqual({ type: 'whole', sqref: 'B5:B16', formula1: '2000', formula2: '2025' });
    expect(riwayat).toContainEqual({ type: 'list', sqref: 'C5:C16', formula1: "'Opsi'!$C$1:$C$6" });
    expect(riwayat).toContainEqual({ type: 'decimal', sqref: 'D5:D16', formula1: '0', formula2: '1000' });
    const rtl = validations(await sheetXml(template, S.activities));
    expect(rtl).toContainEqual({ type: 'list', sqref: 'B5:B204', formula1: "'Opsi'!$D$1:$D$27" });
    expect(rtl).toContainEqual({ type: 'list', sqref: 'C5:C204', formula1: "'Opsi'!$E$1:$E$31" });
    // Bounded ranges only: no whole-column validation.
    for (const v of [...wilayah, ...anak, ...riwayat, ...rtl]) expect(v.sqref).toMatch(/^[A-Z]+\d+(:[A-Z]+\d+)?$/);

    const opsi = (await open(template)).getWorksheet(S.options)!;
    const column = (col: string) => {
      const out: unknown[] = [];
      for (let r = 1; opsi.getCell(`${col}${r}`).value !== null; r++) out.push(opsi.getCell(`${col}${r}`).value);
      return out;
    };
    expect(column('C')).toEqual([...project.catalog.predikat.bands.map((b) => b.name), NO_PREDIKAT]);
    expect(column('D')).toEqual(project.config.opds.map((o) => opdOption(o.code, o.name)));
    expect(column('E')).toEqual(project.catalog.groups.flatMap((g) => g.indicators.map((i) => indicatorOption(i.id, i.name))));
  });

  it('has one narrative block per catalog group, headed by its label and name', async () => {
    const ws = (await open(template)).getWorksheet(S.narratives)!;
    project.catalog.groups.forEach((g, i) => {
      const r = narrativeHeadingRow(i);
      expect([ws.getCell(`A${r}`).value, ws.getCell(`B${r}`).value]).toEqual([g.label, g.name]);
      expect(NARRATIVE_PARTS.map((p, j) => ws.getCell(`A${r + 1 + j}`).value)).toEqual(['Capaian', 'Kendala', 'Upaya']);
    });
  });

  it('reads as a profile workbook that is still empty: no error, only what remains to be filled', async () => {
    const r = await validateInputs(project, [template], { jobs: 1 });
    expect(r.files.map((f) => f.status)).toEqual(['profile']);
    expect(r.summary.errors).toBe(0);
    expect([...new Set(r.diagnostics.map((d) => d.code))].sort()).toEqual(['KLA-W256', 'KLA-W260', 'KLA-W266']);
    expect(r.profile?.areas).toEqual([]);
    expect(missingForFinal(r.profile).map((d) => d.params.part)).toEqual(['areas', 'children', 'kla-regulation', 'sk-gugus-tugas', ...project.catalog.groups.map(() => 'narrative')]);
  });

  it('from the CLI: --profile writes only the profile workbook; with --opd, both', () => {
    const out = tmpDir('kla-profil-cli-');
    const r = kla(['template', '--project', project.dir, '-o', out, '--profile']);
    expect(r.code, r.stderr).toBe(0);
    const workbooks = (dir: string) => readdirSync(dir).filter((n) => n !== RECORD_FILE);
    expect(workbooks(out)).toEqual([profileFileName(project)]);
    expect(r.stdout).toContain('profil daerah');
    const both = tmpDir('kla-profil-cli-');
    expect(kla(['template', '--project', project.dir, '-o', both, '--profile', '--opd', 'DINKES']).code).toBe(0);
    expect(workbooks(both)).toHaveLength(2);
  });
});

describe('telling the profile workbook from an OPD workbook', () => {
  it('an OPD workbook is read as answers, the profile workbook as the profile, whatever their names', async () => {
    const opd = await readWorkbookBuffer(readFileSync(path.join(FIXTURE_DIR, 'submissions', 'Jawaban KLA 2026 Dinkes (revisi 2).xlsx')), 'Profil Daerah (DPPPA).xlsx');
    expect(opd.status).toBe('read');
    const prof = await readWorkbookBuffer(readFileSync(template), 'Jawaban KLA 2026 DPPPA.xlsx');
    expect(prof.status).toBe('profile');
  });

  it('without its Meta sheet and with a sheet renamed, it is still recognised by content, and says so', async () => {
    const r = await validateFilled((wb) => {
      wb.removeWorksheet(wb.getWorksheet(S.meta)!.id);
      wb.getWorksheet(S.children)!.name = 'Sheet3';
    });
    expect(r.files[0]!.status).toBe('profile');
    expect(found(r)).toEqual(['KLA-W102 Sheet3!', 'KLA-W251 !']);
    expect(r.profile?.children.rows).toHaveLength(24);
    expect(r.profile?.children.rows[0]!.at.sheet).toBe('Sheet3');
  });

  it('a deleted data sheet is named; its part stays empty', async () => {
    const r = await validateFilled((wb) => wb.removeWorksheet(wb.getWorksheet(S.narratives)!.id));
    expect(found(r)).toEqual(['KLA-W252 !']);
    expect(r.diagnostics[0]!.params).toEqual({ sheet: 'Narasi' });
    expect(r.profile?.narratives.every((g) => g.capaian === '')).toBe(true);
  });
});

describe('the example district profile (fixtures/merangin)', () => {
  let r: ValidationReport;
  let p: DistrictProfile;
  beforeAll(async () => {
    r = await validateFilled(undefined, desc.file);
    p = r.profile!;
  });

  it('reads with no finding, and nothing is missing for a final dossier', () => {
    expect(r.diagnostics).toEqual([]);
    expect(missingForFinal(p)).toEqual([]);
  });

  it('holds Merangin’s 24 kecamatan and the 215 desa/kelurahan the config counts, each with its cell', () => {
    expect(p.areas.map((k) => k.name)).toEqual(desc.kecamatan.map((k) => k.name));
    expect(p.areas).toHaveLength(project.config.profile.kecamatan!);
    expect(p.areas.reduce((s, k) => s + k.desa.length, 0)).toBe(project.config.profile.desaKelurahan);
    expect(p.areas[0]).toMatchObject({ code: '15.02.01', name: 'Jangkat', at: { sheet: S.areas, cell: 'C5' } });
    expect(p.areas[1]!.desa.filter((d) => d.kind === 'kelurahan')).toHaveLength(5);
    expect(p.areas[0]!.desa[0]!.at).toMatchObject({ sheet: S.areas, cell: 'G5' });
  });

  it('holds the child population by kecamatan, sex and age group as described, about the config’s 127 000', () => {
    expect(p.children).toMatchObject({ year: 2025, ageGroups: ['0–4', '5–9', '10–14', '15–17'], source: desc.children.source });
    expect(p.children.rows.map((x) => ({ kecamatan: x.kecamatan, male: x.male, female: x.female }))).toEqual(desc.children.rows);
    const total = p.children.rows.reduce((s, x) => s + [...x.male, ...x.female].reduce((a, b) => a + b, 0), 0);
    expect(Math.abs(total - project.config.profile.children!)).toBeLessThan(project.config.profile.children! * 0.01);
  });

  it('holds the regulations, the Gugus Tugas, a narrative for every group, the history and the activities', () => {
    const perda = p.regulations.find((x) => x.kind === 'perda' && x.kla)!;
    expect(perda).toMatchObject({ number: '4', year: 2022, title: 'Penyelenggaraan Kabupaten Layak Anak', at: { cell: 'B5' } });
    expect(p.gugusTugas).toMatchObject({ decree: 'Nomor 188.45/112/KEP.BUP/2025 Tahun 2025', chair: desc.gugusTugas.chair, members: 42 });
    expect(p.narratives.map((g) => g.groupId)).toEqual(project.catalog.groups.map((g) => g.id));
    for (const g of p.narratives) expect(g).toMatchObject(desc.narratives[g.groupId]!);
    expect(p.history).toEqual(desc.history.map((h, i) => ({ ...h, predikat: h.predikat === NO_PREDIKAT ? null : h.predikat, at: expect.objectContaining({ cell: `B${5 + i}` }) })));
    expect(p.history.find((h) => h.year === 2021)?.predikat).toBe('Pratama');
    expect(p.activities.map((a) => [a.opdCode, a.indicatorId])).toEqual(desc.activities.map((a) => [a.opd, a.indicator]));
  });
});

describe('every check of the profile workbook, at its cell', () => {
  it('finds each planted mistake where it was planted, and nothing else', async () => {
    const desaEnd = DESA_TABLE.firstRow + desaCount();
    const kecEnd = KECAMATAN_TABLE.firstRow + desc.kecamatan.length;
    const anakEnd = CHILD_TABLE.firstRow + desc.children.rows.length;
    const narrIII = narrativeHeadingRow(project.catalog.groups.findIndex((g) => g.id === 'III'));
    const rtlEnd = ACTIVITY_TABLE.firstRow + desc.activities.length;
    const regEnd = REGULATION_TABLE.firstRow + desc.regulations.length;
    const tiangPumpung = desc.children.rows.findIndex((x) => x.kecamatan === 'Tiang Pumpung');
    const firstDesa = desc.kecamatan[0]!.desa;
    const dinkes = project.config.opds.find((o) => o.code === 'DINKES')!;
    const r = await validateFilled((wb) => {
      // Wilayah
      set(wb, S.areas, K('name', kecEnd), 'bangko ');
      set(wb, S.areas, K('code', kecEnd + 1), desc.kecamatan[2]!.code);
      set(wb, S.areas, K('name', kecEnd + 1), 'Muara Siau Baru');
      const desa = (row: number, code: string, name: string, kind: string, kec: string) => {
        set(wb, S.areas, D('code', row), code || null);
        set(wb, S.areas, D('name', row), name);
        set(wb, S.areas, D('kind', row), kind || null);
        set(wb, S.areas, D('kecamatan', row), kec || null);
      };
      desa(desaEnd, '', firstDesa[0]!.name, 'Desa', 'Jangkat');
      desa(desaEnd + 1, firstDesa[1]!.code, 'Sungai Baru Sekali', 'Desa', 'Jangkat');
      desa(desaEnd + 2, '', 'Pulau Aman', 'Desa', '');
      desa(desaEnd + 3, '', 'Teluk Damai', 'Desa', 'Bangko Timur');
      desa(desaEnd + 4, '', 'Koto Damai', 'Dusun', 'Tabir');
      desa(desaEnd + 5, '', 'Koto Sentosa', '', 'Tabir');
      set(wb, S.areas, D('name', lastRowOf(DESA_TABLE) + 1), 'Desa di luar tabel');
      // Anak
      set(wb, S.children, CHILD_FIELDS.year.cell, 2030);
      set(wb, S.children, `C${CHILD_TABLE.firstRow}`, 12.5);
      set(wb, S.children, `D${CHILD_TABLE.firstRow + 1}`, '1.204,5');
      set(wb, S.children, `B${anakEnd}`, 'Tabir Tengah');
      set(wb, S.children, `C${anakEnd}`, 100);
      set(wb, S.children, `B${anakEnd + 1}`, 'Bangko');
      set(wb, S.children, `C${anakEnd + 1}`, 10);
      for (let c = childCountCol(0, 0); c <= childCountCol(AGE_GROUPS.length - 1, 1); c++) set(wb, S.children, `${columnLetters(c)}${CHILD_TABLE.firstRow + tiangPumpung}`, null);
      // Regulasi dan Gugus Tugas
      set(wb, S.regulations, 'D7', 22);
      set(wb, S.regulations, 'B8', 'Surat Keputusan Sekda');
      set(wb, S.regulations, `B${regEnd}`, 'Peraturan Bupati lainnya terkait anak');
      set(wb, S.regulations, `E${regEnd}`, 'Perlindungan Anak Penyandang Disabilitas');
      set(wb, S.regulations, 'E9', { formula: 'CONCAT("Pencegahan ","Perkawinan")' } as ExcelJS.CellFormulaValue);
      set(wb, S.regulations, GUGUS_TUGAS_FIELDS.members.cell, 'empat puluh');
      // Narasi
      set(wb, S.narratives, `B${narrIII + 2}`, null);
      set(wb, S.narratives, `B${narrIII + 3}`, '   ');
      // Riwayat Evaluasi
      set(wb, S.history, 'B5', 2026);
      set(wb, S.history, 'C6', 'Madia');
      set(wb, S.history, 'D7', 1200);
      // Rencana Tindak Lanjut
      set(wb, S.activities, 'B5', 'Dinas Kesehatan Provinsi Jambi');
      set(wb, S.activities, 'C6', '27 — Indikator tambahan');
      set(wb, S.activities, `B${rtlEnd}`, opdOption(dinkes.code, dinkes.name));
      set(wb, S.activities, `D${rtlEnd}`, 'Sosialisasi Puskesmas Ramah Anak');
    });
    const A = S.areas;
    expect(found(r)).toEqual(
      [
        `KLA-E253 ${A}!${K('name', kecEnd)}`,
        `KLA-E253 ${A}!${K('code', kecEnd + 1)}`,
        `KLA-E254 ${A}!${D('name', desaEnd)}`,
        `KLA-E254 ${A}!${D('code', desaEnd + 1)}`,
        `KLA-E255 ${A}!${D('kecamatan', desaEnd + 2)}`,
        `KLA-E255 ${A}!${D('kecamatan', desaEnd + 3)}`,
        `KLA-E265 ${A}!${D('kind', desaEnd + 4)}`,
        `KLA-W266 ${A}!${D('kind', desaEnd + 5)}`,
        `KLA-W256 ${A}!${D('name', DESA_TABLE.firstRow)}`,
        `KLA-W015 ${A}!${D('name', lastRowOf(DESA_TABLE) + 1)}`,
        `KLA-E265 ${S.children}!${CHILD_FIELDS.year.cell}`,
        `KLA-E257 ${S.children}!C${CHILD_TABLE.firstRow}`,
        `KLA-E257 ${S.children}!D${CHILD_TABLE.firstRow + 1}`,
        `KLA-E258 ${S.children}!B${anakEnd}`,
        `KLA-E253 ${S.children}!B${anakEnd + 1}`,
        `KLA-W259 ${A}!${K('name', KECAMATAN_TABLE.firstRow + desc.kecamatan.findIndex((k) => k.name === 'Tiang Pumpung'))}`,
        `KLA-E265 ${S.regulations}!D7`,
        `KLA-E265 ${S.regulations}!B8`,
        `KLA-E219 ${S.regulations}!E9`,
        `KLA-W266 ${S.regulations}!C${regEnd}`,
        `KLA-E265 ${S.regulations}!${GUGUS_TUGAS_FIELDS.members.cell}`,
        `KLA-W260 ${S.narratives}!B${narrIII + 2}`,
        `KLA-E263 ${S.history}!B5`,
        `KLA-E264 ${S.history}!C6`,
        `KLA-E265 ${S.history}!D7`,
        `KLA-E261 ${S.activities}!B5`,
        `KLA-E262 ${S.activities}!C6`,
        `KLA-W266 ${S.activities}!E${rtlEnd}`,
      ].sort(),
    );
    const params = (code: string, cell: string) => r.diagnostics.find((d) => d.code === code && d.location.cell === cell)!.params;
    expect(params('KLA-E253', K('name', kecEnd))).toEqual({ name: 'bangko', first: 'C6', by: 'name' });
    expect(params('KLA-E255', D('kecamatan', desaEnd + 2))).toEqual({ desa: 'Pulau Aman', kecamatan: '' });
    expect(params('KLA-W256', D('name', DESA_TABLE.firstRow))).toEqual({ what: 'desa', found: desaCount() + 2, expected: 215 });
    expect(params('KLA-E257', `D${CHILD_TABLE.firstRow + 1}`)).toEqual({ kecamatan: 'Bangko', sex: 'P', age: '0–4', found: '1.204,5' });
    expect(params('KLA-W266', `C${regEnd}`)).toEqual({ missing: ['regulationNumber', 'regulationYear'] });
    expect(params('KLA-W260', `B${narrIII + 2}`)).toEqual({ group: 'Klaster III', parts: ['kendala', 'upaya'] });
    expect(params('KLA-W266', `E${rtlEnd}`)).toEqual({ missing: ['timing', 'responsible'] });
    // What was refused is left out of the profile; what was kept is there.
    const prof = r.profile!;
    expect(prof.areas).toHaveLength(24);
    expect(prof.children.rows.map((x) => x.kecamatan)).not.toContain('Tabir Tengah');
    expect(prof.children.rows.map((x) => x.kecamatan)).not.toContain('Tiang Pumpung');
    expect(prof.activities.map((a) => a.at.cell)).not.toContain('D5');
    expect(prof.activities.find((a) => a.at.cell === 'D6')?.indicatorId).toBe('');
    expect(prof.history.map((h) => h.year)).toEqual([2021, 2023]);
  });

  it('counts the kecamatan against the config', async () => {
    const r = await validateFilled((wb) => {
      const last = KECAMATAN_TABLE.firstRow + desc.kecamatan.length - 1;
      set(wb, S.areas, K('code', last), null);
      set(wb, S.areas, K('name', last), null);
    });
    const w = r.diagnostics.find((d) => d.code === 'KLA-W256')!;
    expect(w.location).toMatchObject({ sheet: S.areas, cell: 'C5', key: 'profile.kecamatan' });
    expect(w.params).toEqual({ what: 'kecamatan', found: 23, expected: 24 });
    // Its desa and its child figures now name a kecamatan that is not on the list.
    expect(r.diagnostics.filter((d) => d.code === 'KLA-E255')).toHaveLength(desc.kecamatan.at(-1)!.desa.length);
    expect(r.diagnostics.filter((d) => d.code === 'KLA-E258')).toHaveLength(1);
  });

  it.each([
    ['year', 'B6', 2025, 'KLA-E250'],
    ['version', 'B3', 9, 'KLA-E250'],
    ['district', 'B5', 'Kabupaten Sarolangun', 'KLA-E250'],
  ] as const)('a workbook made for another %s is refused at its metadata cell and not used', async (what, cell, value, code) => {
    const r = await validateFilled((wb) => set(wb, S.meta, cell, value));
    expect(found(r)).toEqual([`${code} ${S.meta}!${cell}`]);
    expect(r.diagnostics[0]!.params.what).toBe(what);
    expect(r.profile).toBeNull();
  });

  it('with two profile workbooks, the one saved last counts, whatever the order of their names, and both are told', async () => {
    const dir = tmpDir('kla-profil-dua-');
    const older = await buildProfileSubmission(project, desc);
    older.modified = new Date(Date.UTC(2026, 1, 1));
    set(older, S.regulations, GUGUS_TUGAS_FIELDS.members.cell, 40);
    await older.xlsx.writeFile(path.join(dir, 'B profil lama.xlsx'));
    const newer = await buildProfileSubmission(project, desc);
    newer.modified = new Date(Date.UTC(2026, 2, 15));
    await newer.xlsx.writeFile(path.join(dir, 'C profil baru.xlsx'));
    const r = await validateInputs(project, ['B profil lama.xlsx', 'C profil baru.xlsx'], { cwd: dir, jobs: 1 });
    expect(r.profile?.file).toBe('C profil baru.xlsx');
    expect(r.profile?.gugusTugas.members).toBe(42);
    expect(r.diagnostics.map((d) => [d.code, d.location.file, d.params.kept])).toEqual([
      ['KLA-W267', 'B profil lama.xlsx', 'C profil baru.xlsx'],
      ['KLA-W267', 'C profil baru.xlsx', 'C profil baru.xlsx'],
    ]);
  });

  it('an OPD workbook and the profile workbook validate side by side: one submission, one profile', async () => {
    const dir = tmpDir('kla-profil-campur-');
    copyFileSync(path.join(FIXTURE_DIR, 'submissions', 'Jawaban KLA 2026 Dinkes (revisi 2).xlsx'), path.join(dir, 'Dinkes.xlsx'));
    await (await buildProfileSubmission(project, desc)).xlsx.writeFile(path.join(dir, 'Profil.xlsx'));
    const r = await validateInputs(project, [dir], { cwd: dir, jobs: 1 });
    expect(r.files.map((f) => [f.file, f.status])).toEqual([
      ['Dinkes.xlsx', 'submission'],
      ['Profil.xlsx', 'profile'],
    ]);
    expect(r.submissions.map((s) => s.opdCode)).toEqual(['DINKES']);
    expect(r.profile?.file).toBe('Profil.xlsx');
    expect(r.diagnostics.filter((d) => d.location.file === 'Profil.xlsx')).toEqual([]);
  });
});

describe('what a final dossier needs (missingForFinal)', () => {
  it('without a profile workbook: that one thing', () => {
    expect(missingForFinal(null).map((d) => [d.code, d.params.part, d.location.file])).toEqual([['KLA-E268', 'workbook', '']]);
  });

  it('names the KLA regulation, the SK Gugus Tugas and an incomplete narrative at the cells to fill; a Perbup on KLA will do where there is no Perda', async () => {
    const r = await validateFilled((wb) => {
      set(wb, S.regulations, 'C5', null);
      set(wb, S.regulations, 'D6', null);
      set(wb, S.narratives, `B${narrativeHeadingRow(0) + 3}`, null);
    });
    const missing = missingForFinal(r.profile).map((d) => `${d.params.part} ${d.location.sheet}!${d.location.cell}`);
    // Row 7 holds a Perbup on KLA (the RAD KLA) with its number and year: the legal basis is there.
    expect(missing).toEqual([`sk-gugus-tugas ${S.regulations}!D6`, `narrative ${S.narratives}!B${narrativeHeadingRow(0) + 3}`]);
    const noKla = await validateFilled((wb) => {
      set(wb, S.regulations, 'C5', null);
      set(wb, S.regulations, 'B7', 'Peraturan Bupati lainnya terkait anak');
    });
    expect(missingForFinal(noKla.profile).map((d) => `${d.params.part} ${d.location.cell}`)).toEqual(['kla-regulation C5']);
  });
});

const hasSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

const PYTHON = '/usr/bin/python3';
const hasOpenpyxl = spawnSync(PYTHON, ['-c', 'import openpyxl'], { encoding: 'utf8' }).status === 0;

describe.skipIf(!hasOpenpyxl)('the example profile with a sheet unprotected and changed', () => {
  // Cell addresses move with the sheet; everything else must read the same.
  const strip = (p: DistrictProfile | null, file: string) =>
    JSON.parse(JSON.stringify({ ...p, file: '', sha256: '', savedAt: '' }).replaceAll(`"${file}"`, '"profil.xlsx"').replace(/"cell":"[A-Z]+\d+"/g, '"cell":""').replace(/"row":\d+/g, '"row":0'));
  let dir: string;
  let before: DistrictProfile | null;
  beforeAll(async () => {
    dir = tmpDir('kla-profil-geser-');
    await (await buildProfileSubmission(project, desc)).xlsx.writeFile(path.join(dir, 'profil.xlsx'));
    before = (await validateInputs(project, ['profil.xlsx'], { cwd: dir, jobs: 1 })).profile;
  });

  it.each([S.areas, S.children, S.regulations, S.history, S.activities].flatMap((sheet) => [[sheet, 'rows'], [sheet, 'column']] as const))('%s with its %s changed (title rows deleted, a column inserted): read the same, with no finding', async (sheet, mode) => {
    const file = `${sheet} ${mode}.xlsx`;
    execFileSync(PYTHON, [path.join('tests', 'writers', 'changed_layout.py'), path.join(dir, 'profil.xlsx'), path.join(dir, file), sheet, mode]);
    const after = await validateInputs(project, [file], { cwd: dir, jobs: 1 });
    expect(after.files[0]!.status).toBe('profile');
    expect(after.diagnostics).toEqual([]);
    expect(strip(after.profile, file)).toEqual(strip(before, 'profil.xlsx'));
  });
});

describe.skipIf(!hasSoffice)('the example profile saved again by LibreOffice', () => {
  it('reads the same, with no finding', async () => {
    const dir = tmpDir('kla-profil-lo-');
    const src = path.join(dir, 'profil.xlsx');
    await (await buildProfileSubmission(project, desc)).xlsx.writeFile(src);
    const out = path.join(dir, 'lo');
    const lo = await soffice(src, 'xlsx', out);
    const before = await validateInputs(project, [src], { cwd: dir, jobs: 1 });
    const after = await validateInputs(project, [lo], { cwd: dir, jobs: 1 });
    expect(after.files[0]!.status).toBe('profile');
    expect(after.diagnostics).toEqual([]);
    const strip = (p: DistrictProfile | null) => JSON.parse(JSON.stringify({ ...p, file: '', sha256: '', savedAt: '' }).replaceAll('"lo/profil.xlsx"', '"profil.xlsx"'));
    expect(strip(after.profile)).toEqual(strip(before.profile));
  }, 240_000);
});
