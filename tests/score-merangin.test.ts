/** `kla score` end to end on the example district, through the real executable and validator. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { kla, root } from './helpers/cli.js';
import type { ScoreJson } from '../src/score/index.js';

const project = path.join(root, 'fixtures', 'merangin');
const evidence = path.join(project, 'evidence');
const out = mkdtempSync(path.join(os.tmpdir(), 'kla-score-merangin-'));
/** The example's config in a folder of its own, with other chosen answers; its folders are the example's. */
function openProject(chosenAnswers: Record<string, string>): string {
  const config = JSON.parse(readFileSync(path.join(project, 'kla.config.json'), 'utf8')) as { chosenAnswers: unknown; district: { logo?: string }; paths?: unknown };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kla-score-open-'));
  const abs = (p: string) => path.join(project, p);
  config.chosenAnswers = chosenAnswers;
  config.paths = { templates: abs('templates'), submissions: abs('submissions'), evidence: abs('evidence'), output: path.join(dir, 'output') };
  delete config.district.logo;
  writeFileSync(path.join(dir, 'kla.config.json'), JSON.stringify(config));
  return dir;
}

const json = (args: string[]) => {
  const r = kla(['score', '-p', project, '--format', 'json', ...args]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as ScoreJson;
};

// The example is only read here, so one run of each of these commands serves every test that reads it.
let scored: ScoreJson | undefined;
/** `kla score --format json --evidence …` of the example, run once. */
const withEvidence = () => (scored ??= json(['--evidence', evidence]));
let shown: ReturnType<typeof kla> | undefined;
/** `kla score --evidence …` of the example as a table, run once. */
const tableWithEvidence = () => (shown ??= kla(['score', '-p', project, '--evidence', evidence]));

describe('kla score on the example district (Merangin)', () => {
  it('lands in Madya, the predikat the fixtures were designed for, with the forecast below the estimate', () => {
    const r = tableWithEvidence();
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Evaluasi mandiri\s+\d{3},\d\d\s+predikat Madya/);
    expect(r.stdout).toContain('Kabupaten Merangin');
    // Not a terminal: nothing wrapped, nothing cut.
    expect(r.stdout).not.toContain('...');
    for (const i of ['3', '24B']) expect(r.stdout).toMatch(new RegExp(`^${i}\\s+\\S.{60,}\\d,\\d\\d`, 'm'));
    const j = withEvidence();
    expect(j.predikat).toBe('Madya');
    expect(j.total).toBeGreaterThan(600);
    expect(j.total).toBeLessThanOrEqual(700);
    expect(j.forecast.total).toBeLessThan(j.total);
    expect(j.forecast.difference.questions.length).toBeGreaterThan(0);
    // The shown total agrees with its parts within rounding.
    expect(Math.abs(j.groups.reduce((s, g) => s + g.points, 0) - j.total)).toBeLessThan(1e-6);
  });

  it('no answer without evidence keeps points in the forecast: every question that earns points needs it', () => {
    const j = withEvidence();
    expect(j.questions).toHaveLength(274);
    for (const q of j.questions) {
      if (q.points > 0) expect(q.evidenceRequired, q.questionId).toBe(true);
      if (q.evidence.length === 0) expect(q.forecastPoints, q.questionId).toBe(0);
    }
    // The example names no evidence for some answers that earn points (regulations among them), and loses them.
    expect(j.questions.filter((q) => q.points > 0 && q.evidence.length === 0).map((q) => q.questionId)).toEqual(expect.arrayContaining(['1.2e', '18.2']));
  });

  it('no answer whose required evidence is missing keeps points in the forecast (every question)', () => {
    const j = withEvidence();
    const kept = j.questions.filter((q) => q.evidenceRequired && q.forecastPoints > 0);
    expect(kept.length).toBeGreaterThan(100);
    for (const q of kept) {
      if (q.forecastOpdCode === q.opdCode) {
        expect(q.evidenceCheck.length, q.questionId).toBeGreaterThan(0);
        expect(q.evidenceCheck.every((c) => c.status === 'found' || c.status === 'link'), q.questionId).toBe(true);
      } else {
        const counted = j.conflicts.find((c) => c.questionId === q.questionId)!.answers.find((a) => a.opdCode === q.forecastOpdCode)!;
        expect(counted.evidenceMissing, q.questionId).toBe(false);
      }
    }
    // A placeholder is no evidence: Kesbangpol's "terlampir" for 24B.3 keeps nothing.
    expect(j.questions.find((q) => q.questionId === '24B.3')).toMatchObject({ forecastPoints: 0, evidenceCheck: [] });
  });

  it('names the missing one of two files with the nearest file, and finds a name typed without extension', () => {
    const j = withEvidence();
    const gap = j.forecast.difference.questions.find((q) => q.questionId === '12.3')!;
    expect(gap.missing).toEqual([{ entry: 'Laporan imunisai rutin 2025.pdf', status: 'not-found', suggestion: 'DINKES/Laporan imunisasi rutin 2025.pdf' }]);
    const q22 = j.questions.find((q) => q.questionId === '2.2')!;
    expect(q22.evidenceCheck.map((c) => [c.entry, c.status, c.file])).toContainEqual(['Daftar hadir Bimtek KHA Gugus Tugas 2025', 'found', 'DPPPA/Daftar hadir Bimtek KHA Gugus Tugas 2025.pdf']);
  });

  it('both conflicts chosen in the config; with a choice removed, the conflict is open and listed with every answer, its OPD and cell', () => {
    const j = withEvidence();
    expect(j.conflicts.map((c) => [c.questionId, c.status, c.chosenOpdCode, c.estimateOpdCode, c.forecastOpdCode])).toEqual([
      ['1.3r', 'chosen', 'DINKES', 'DINKES', 'DINKES'],
      ['8.3', 'chosen', 'DPPPA', 'DPPPA', 'DPPPA'],
    ]);
    // The same district without the choice for 8.3 (its folders where they are).
    const open = openProject({ '1.3r': 'DINKES' });
    const o = JSON.parse(kla(['score', '-p', open, '--format', 'json', '--evidence', evidence]).stdout) as ScoreJson;
    expect(o.conflicts.map((c) => [c.questionId, c.status, c.chosenOpdCode, c.estimateOpdCode, c.forecastOpdCode])).toEqual([
      ['1.3r', 'chosen', 'DINKES', 'DINKES', 'DINKES'],
      ['8.3', 'open', null, 'DINSOS', 'DPPPA'],
    ]);
    const c83 = o.conflicts[1]!;
    expect(c83.answers.map((a) => [a.opdCode, a.evidenceMissing, a.source.sheet, a.source.cell])).toEqual([
      ['DINSOS', true, 'Jawaban', expect.stringMatching(/^F\d+$/)],
      ['DPPPA', false, 'Jawaban', expect.stringMatching(/^F\d+$/)],
    ]);
    // The estimate counts Dinsos's unproven answer, the forecast the DPPPA's evidenced one.
    expect(o.questions.find((q) => q.questionId === '8.3')).toMatchObject({ conflict: 'open', opdCode: 'DINSOS', forecastOpdCode: 'DPPPA', points: 10, forecastPoints: 2 });
    expect(o.total - j.total).toBeCloseTo(8, 6);
    const table = kla(['score', '-p', open, '--evidence', evidence]).stdout;
    expect(table).toContain('8.3: belum dipilih DPPPA');
    expect(table).toContain(`${c83.answers[0]!.source.file}, Jawaban!${c83.answers[0]!.source.cell}`);
  });

  it('states the margin: the forecast falls a point short of Madya, within reach', () => {
    const j = withEvidence();
    expect(j.forecast.margin).toMatchObject({ predikat: 'Pratama', atRisk: false, nearNext: true, riskMargin: 10, next: { name: 'Madya' } });
    expect(j.forecast.margin.next!.missing).toBeLessThan(10);
    expect(j.dataYears).toEqual({ evaluated: 2025, previous: 2024 });
    expect(tableWithEvidence().stdout).toMatch(/Predikat Madya hanya \d+,\d\d poin lagi/);
  });

  it('the JSON of one run fed back as --baseline gives zero change', () => {
    const file = path.join(out, 'nilai.json');
    const w = kla(['score', '-p', project, '--format', 'json', '-o', file]);
    expect(w.code, w.stderr).toBe(0);
    expect(w.stderr).toContain('Hasil penilaian ditulis ke');
    const cmp = json(['--baseline', file]).comparison!;
    expect(cmp.total.delta).toBe(0);
    expect(cmp.predikat).toEqual({ before: 'Madya', after: 'Madya', changed: false });
    expect([...cmp.groups, ...cmp.indicators].every((x) => x.points.delta === 0 && x.forecastPoints.delta === 0)).toBe(true);
    expect(cmp.questions).toEqual([]);
  });

  it('a what-if file setting every question’s points gives exactly those values as question, group and total scores', () => {
    const base = json([]);
    const points = new Map(base.questions.map((q, i) => [q.questionId, Math.round(q.max * ((i * 7) % 10) * 10) / 100]));
    const file = path.join(out, 'semua.json');
    writeFileSync(file, JSON.stringify({ set: Object.fromEntries([...points].map(([id, p]) => [id, { points: p }])) }));
    const s = json(['--what-if', file]).scenario!;
    for (const q of s.questions) expect(q.points).toBe(points.get(q.questionId));
    const byHand = (ids: string[]) => Math.round(ids.reduce((sum, id) => sum + points.get(id)! * 100, 0)) / 100;
    for (const g of s.groups) expect(g.points).toBe(byHand(s.questions.filter((q) => q.groupId === g.id).map((q) => q.questionId)));
    expect(s.total).toBe(byHand([...points.keys()]));
  });

  it('refuses a workbook with validation errors unless --allow-invalid, then lists the answer it ignored', () => {
    const bad = path.join(project, 'invalid', 'PUPR - KLA 2026 (persen salah).xlsx');
    const r = kla(['score', '-p', project, bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\d+ kesalahan pada 1 berkas/);
    expect(r.stderr).toContain('kla validate');
    const ok = kla(['score', '-p', project, bad, '--allow-invalid', '--format', 'json']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).toContain('jawaban diabaikan');
    const j = JSON.parse(ok.stdout) as ScoreJson;
    expect(j.ignoredAnswers.map((a) => [a.questionId, a.reason])).toContainEqual(['16.5', 'invalid']);
    expect(j.questions.find((q) => q.questionId === '16.5')!.status).not.toBe('answered');
  });
});
