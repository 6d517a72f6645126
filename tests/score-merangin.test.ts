/** `kla score` end to end on the example district, through the real executable and validator. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { kla, root } from './helpers/cli.js';
import type { ScoreJson } from '../src/score/index.js';

const project = path.join(root, 'fixtures', 'merangin');
const evidence = path.join(project, 'evidence');
const out = mkdtempSync(path.join(os.tmpdir(), 'kla-score-merangin-'));
const json = (args: string[]) => {
  const r = kla(['score', '-p', project, '--format', 'json', ...args]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as ScoreJson;
};

describe('kla score on the example district (Merangin)', () => {
  it('lands in Madya, the predikat the fixtures were designed for, with the forecast below the estimate', () => {
    const r = kla(['score', '-p', project, '--evidence', evidence]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Evaluasi mandiri\s+\d{3},\d\d\s+predikat Madya/);
    expect(r.stdout).toContain('Kabupaten Merangin');
    // Not a terminal: nothing wrapped, nothing cut.
    expect(r.stdout).not.toContain('...');
    for (const i of ['3', '24B']) expect(r.stdout).toMatch(new RegExp(`^${i}\\s+\\S.{60,}\\d,\\d\\d`, 'm'));
    const j = json(['--evidence', evidence]);
    expect(j.predikat).toBe('Madya');
    expect(j.total).toBeGreaterThan(600);
    expect(j.total).toBeLessThanOrEqual(700);
    expect(j.forecast.total).toBeLessThan(j.total);
    expect(j.forecast.difference.questions.length).toBeGreaterThan(0);
    // The shown total agrees with its parts within rounding.
    expect(Math.abs(j.groups.reduce((s, g) => s + g.points, 0) - j.total)).toBeLessThan(1e-6);
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
