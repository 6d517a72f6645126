/**
 * `kla status` on real workbooks: the example's invalid set (every OPD of the
 * config, with counts derived from invalid/expected.json and from the score),
 * the valid set, an empty folder, an OPD that sent two revisions; the three
 * formats, the workbook read back and printed by LibreOffice.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../src/cli/main.js';
import { memoryContext } from '../src/cli/context.js';
import { loadProject, questionsForOpd, type Project } from '../src/project/config.js';
import { review } from '../src/pipeline.js';
import { standingOf } from '../src/status/index.js';
import { SHEETS } from '../src/workbook/layout.js';
import { filledWorkbook, makeProject, save, soffice, tmpDir } from './validate-helpers.js';

const ROOT = path.resolve('fixtures/merangin');
const INVALID = path.join(ROOT, 'invalid');
/** 16 February 2026, 00:00 UTC: eleven days before the example's deadline (27 February 2026). */
const TODAY = { SOURCE_DATE_EPOCH: String(Date.UTC(2026, 1, 16) / 1000) };

interface StatusJson {
  schemaVersion: number;
  today: string;
  deadline: string | null;
  daysLeft: number | null;
  opds: {
    code: string;
    state: string;
    file: string | null;
    superseded: string[];
    unusable: { file: string; code: string; reason: string }[];
    errors: number;
    warnings: number;
    assigned: number;
    answered: number;
    evidenceMissing: { questionId: string; cell: string }[];
    atStake: number;
    officerNamed: boolean;
  }[];
  totals: Record<string, number>;
}

interface Expected {
  file: string;
  from: string;
  mistakes: { code: string | null; questionId?: string; with?: string[] }[];
}
const expected = JSON.parse(readFileSync(path.join(INVALID, 'expected.json'), 'utf8')) as Expected[];

async function status(cwd: string, args: string[], env: NodeJS.ProcessEnv = TODAY) {
  const ctx = memoryContext('id', cwd, env);
  const code = await main(['status', ...args], ctx);
  return { code, out: ctx.stdout, err: ctx.stderr };
}

let project: Project;
beforeAll(() => {
  project = loadProject(ROOT);
});

describe('the invalid set', () => {
  let json: StatusJson;
  let table: string;
  let exitCode: number;
  beforeAll(async () => {
    const r = await status(INVALID, ['--project', ROOT, '.', '-f', 'json']);
    exitCode = r.code;
    json = JSON.parse(r.out) as StatusJson;
    table = (await status(INVALID, ['--project', ROOT, '.'])).out;
  });

  it('exits 1 as kla validate does (the workbooks hold errors), with one row per OPD of the config, in config order', () => {
    expect(exitCode).toBe(1);
    expect(json.schemaVersion).toBe(1);
    expect(json.opds.map((o) => o.code)).toEqual(project.config.opds.map((o) => o.code));
  });

  it('received, unusable (last year\'s template) or not sent, as the folder holds them', () => {
    const sent = new Set(expected.map((e) => e.from));
    for (const o of json.opds) {
      const want = o.code === 'HUKUM' ? 'unusable' : sent.has(o.code) ? 'received' : 'missing';
      expect(o.state, o.code).toBe(want);
    }
    expect(json.opds.find((o) => o.code === 'HUKUM')!.unusable).toEqual([{ file: 'Bag Hukum KLA 2025 (templat lama).xlsx', code: 'KLA-E107', params: { found: '2025', expected: '2026' }, reason: 'foreign' }]);
    expect(json.totals).toMatchObject({ opds: 27, received: sent.size - 1, unusable: 1, missing: 27 - sent.size });
    expect(table).toContain(`${sent.size - 1} dari 27 OPD telah mengirim lembar kerja yang dapat dipakai`);
  });

  it('of two identical copies the one that counts, and the copy it supersedes', () => {
    const d = json.opds.find((o) => o.code === 'DUKCAPIL')!;
    expect([d.file, d.superseded]).toEqual(['DISDUKCAPIL_KLA2026.xlsx', ['DISDUKCAPIL_KLA2026 - Salin.xlsx']]);
    expect(table).toContain('DISDUKCAPIL_KLA2026.xlsx; menggantikan DISDUKCAPIL_KLA2026 - Salin.xlsx');
  });

  it('errors and warnings per OPD are the documented mistakes of its workbook', () => {
    for (const e of expected) {
      const row = json.opds.find((o) => o.code === e.from)!;
      if (row.file !== e.file && row.unusable[0]?.file !== e.file) continue;
      // Its own mistakes, and those it makes with another file (an answer that differs), found at its cells.
      const own = e.mistakes.filter((m) => m.code !== null);
      expect([row.errors, row.warnings], e.file).toEqual([own.filter((m) => m.code!.startsWith('KLA-E')).length, own.filter((m) => m.code!.startsWith('KLA-W')).length]);
    }
  });

  it('questions answered of those assigned: blanks and answers with errors do not count', () => {
    const lost: Record<string, number> = {};
    for (const e of expected) {
      for (const m of e.mistakes) if (m.questionId && ['KLA-W303', 'KLA-E212', 'KLA-E216', 'KLA-E202'].includes(m.code ?? '')) lost[e.from] = (lost[e.from] ?? 0) + 1;
    }
    expect(lost).toEqual({ DISNAKER: 3, KEMENAG: 1, PUPR: 1, UPTDPPA: 1 });
    for (const o of json.opds) {
      expect(o.assigned, o.code).toBe(questionsForOpd(project, o.code).length);
      expect(o.answered, o.code).toBe(o.state === 'received' ? o.assigned - (lost[o.code] ?? 0) : 0);
    }
    expect(json.totals.answered).toBe(json.opds.reduce((s, o) => s + o.answered, 0));
  });

  it('the data officer named or not', () => {
    for (const o of json.opds.filter((x) => x.state === 'received')) expect(o.officerNamed, o.code).toBe(o.code !== 'KOMINFO');
  });

  it('evidence missing and points at stake: the cells without evidence, and the points those answers earn in the self-evaluation', async () => {
    // Without an evidence folder only evidence that is not named is missing: the documented KLA-W222 cells.
    const r = await review(project, { inputs: ['.'], cwd: INVALID, evidence: false, jobs: 1 });
    const s = standingOf(r);
    const dik = s.opds.find((o) => o.opd.code === 'DISDIKBUD')!;
    expect(dik.evidenceMissing.map((e) => [e.questionId, e.cell.cell])).toEqual([
      ['9.1', 'H16'],
      ['18.1', 'H27'],
      ['19.9', 'H43'],
    ]);
    const points = r.result.questions.filter((q) => ['9.1', '18.1', '19.9'].includes(q.questionId) && q.opdCode === 'DISDIKBUD').reduce((x, q) => x + q.points, 0);
    expect(points).toBeGreaterThan(0);
    expect(dik.atStake).toBeCloseTo(points, 6);
    expect(s.totals.atStake).toBeCloseTo(r.result.total - r.result.forecast.total, 6);
    // With the project's evidence folder, named files it lacks count as missing too.
    expect(json.opds.find((o) => o.code === 'DISDIKBUD')!.evidenceMissing.length).toBeGreaterThan(3);
  });

  it('the deadline from the config and the days left', () => {
    expect([json.today, json.deadline, json.daysLeft]).toEqual(['2026-02-16', '2026-02-27', 11]);
    expect(table).toContain('Batas pengiriman lembar kerja: 27 Februari 2026, 11 hari lagi.');
  });

  it('as a workbook: one row per OPD under a header repeated on every printed page; LibreOffice prints it on landscape A4, one page wide', async () => {
    const dir = tmpDir('kla-status-');
    const file = path.join(dir, 'status opd (uji).xlsx');
    const r = await status(INVALID, ['--project', ROOT, '.', '-f', 'xlsx', '-o', file]);
    expect(r.code).toBe(1);
    // Again, -o naming the folder: the usual file name inside it, the same bytes.
    const again = await status(INVALID, ['--project', ROOT, '.', '-f', 'xlsx', '-o', dir]);
    expect(again.err).toContain('status-opd-kla-2026.xlsx');
    expect(readFileSync(path.join(dir, 'status-opd-kla-2026.xlsx')).equals(readFileSync(file))).toBe(true);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = [...Array(ws.rowCount).keys()].map((i) => i + 1).find((n) => ws.getCell(n, 2).text === 'Kode')!;
    expect(ws.pageSetup.printTitlesRow).toBe(`${header}:${header}`);
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1 });
    const codes = project.config.opds.map((_, i) => ws.getCell(header + 1 + i, 2).text);
    expect(codes).toEqual(project.config.opds.map((o) => o.code));
    const dinkes = header + 1 + codes.indexOf('DINKES');
    expect([ws.getCell(dinkes, 5).value, ws.getCell(dinkes, 11).text]).toEqual([1, 'Jawaban KLA 2026 Dinkes (tambah baris).xlsx']);

    const pdf = await soffice(file, 'pdf', dir);
    const info = execFileSync('pdfinfo', [pdf]).toString();
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toMatch(/Page size:\s+841[.\d]* x 59[45][.\d]* pts \(A4\)/);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString().replace(/\s+/g, ' ');
    for (const o of project.config.opds) expect(text).toContain(o.code);
    expect(text).toContain('12 dari 27 OPD');
  });
});

describe('other folders', () => {
  it('the valid set: every OPD received, no errors, exit 0', async () => {
    const r = await status(ROOT, ['-f', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as StatusJson;
    expect(j.totals).toMatchObject({ opds: 27, received: 27, missing: 0, errors: 0 });
    // Some OPDs leave a shared question to another OPD: fewer answered than assigned, never more.
    expect(j.opds.every((o) => o.officerNamed && o.answered <= o.assigned)).toBe(true);
    expect(j.totals.answered).toBeLessThan(j.totals.assigned!);
  });

  it('an empty submissions folder: every OPD not yet sent, exit 0, no deadline set', async () => {
    const p = makeProject();
    const r = await status(p.dir, [], {});
    expect(r.code).toBe(0);
    expect(r.out).toContain(`0 dari ${p.config.opds.length} OPD telah mengirim`);
    expect(r.out).toContain('Batas pengiriman lembar kerja belum ditetapkan');
  });

  it('"Dinkes (revisi 1).xlsx" and "Dinkes (revisi 2) FINAL.xlsx": the revision saved last counts, the other is listed as superseded', async () => {
    const p = makeProject();
    const dir = p.paths.submissions;
    const old = await filledWorkbook(p, 'DINKES');
    old.modified = new Date('2026-01-20T03:00:00Z');
    old.getWorksheet(SHEETS.identity)!.getCell('C10').value = null;
    const oldFile = await save(old, path.join(dir, 'Dinkes (revisi 1).xlsx'));
    const neu = await filledWorkbook(p, 'DINKES');
    neu.modified = new Date('2026-02-02T09:30:00Z');
    const newFile = await save(neu, path.join(dir, 'Dinkes (revisi 2) FINAL.xlsx'));
    // The older revision was copied into the folder last.
    utimesSync(newFile, 1_770_000_000, 1_770_000_000);
    utimesSync(oldFile, 1_770_100_000, 1_770_100_000);
    const r = await status(p.dir, ['-f', 'json'], {});
    const d = (JSON.parse(r.out) as StatusJson).opds.find((o) => o.code === 'DINKES')!;
    expect(d).toMatchObject({ state: 'received', file: 'submissions/Dinkes (revisi 2) FINAL.xlsx', superseded: ['submissions/Dinkes (revisi 1).xlsx'], errors: 0, warnings: 0, officerNamed: true });
    expect(d.answered).toBe(d.assigned);
  });

  it('a file no OPD can be attributed to is listed under the table, not counted for any OPD', async () => {
    const p = makeProject();
    writeFileSync(path.join(p.paths.submissions, 'rekap lama.xlsx'), 'bukan lembar kerja');
    const r = await status(p.dir, ['-f', 'json'], {});
    const j = JSON.parse(r.out) as StatusJson & { unassigned: { file: string; code: string }[] };
    expect(r.code).toBe(1);
    expect(j.unassigned).toEqual([{ file: 'submissions/rekap lama.xlsx', code: 'KLA-E004' }]);
    expect(j.totals).toMatchObject({ received: 0, unusable: 0, errors: 1 });
    expect(j.opds.every((o) => o.errors === 0)).toBe(true);
  });

  it("the DPPPA's own workbooks (profile and matrix) are listed as the DPPPA's, with their findings, not as files of no OPD", async () => {
    const r = await status(ROOT, ['-f', 'json']);
    const j = JSON.parse(r.out) as StatusJson & { unassigned: unknown[]; dpppa: { file: string; kind: string; errors: number; warnings: number }[] };
    expect(j.unassigned).toEqual([]);
    expect(j.dpppa.map((d) => d.kind).sort()).toEqual(['matrix', 'profile']);
    expect(j.dpppa.find((d) => d.kind === 'matrix')!.warnings).toBeGreaterThan(0); // rows without evidence
    const pretty = await status(ROOT, []);
    expect(pretty.out).toContain('Lembar kerja DPPPA:');
    expect(pretty.out).toMatch(/matriks Kelana\/Dekela: submissions\/Matriks Kelana-Dekela 2026 - DPPPA Merangin\.xlsx \(0 kesalahan, \d+ peringatan\)/);
    expect(pretty.out).not.toContain('tidak dapat dikaitkan');
  });

  it('English behind --lang en', async () => {
    const ctx = memoryContext('en', INVALID, TODAY);
    await main(['status', '--lang', 'en', '--project', ROOT, '.'], ctx);
    expect(ctx.stdout).toContain('12 of 27 OPDs have sent a usable workbook');
    expect(ctx.stdout).toContain('Deadline for the workbooks: 27 February 2026, 11 days left.');
  });
});
