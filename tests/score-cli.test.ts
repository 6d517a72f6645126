/**
 * `kla score` as a command, on a real project folder (kla-2024 catalog) and
 * real what-if, baseline and evidence files. The validator is replaced by a
 * report built here, so these tests pin the scorer's own contract; the
 * example-district test runs the real pipeline.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../src/cli/main.js';
import { memoryContext } from '../src/cli/context.js';
import { initProject } from '../src/project/init.js';
import { loadProject, opdsForQuestion } from '../src/project/config.js';
import type { ValidationReport } from '../src/validate/index.js';
import type { Answer, AnswerValue, Diagnostic } from '../src/model.js';
import type { CatalogQuestion } from '../src/catalog/load.js';
import type { ScoreJson } from '../src/score/index.js';

const state = vi.hoisted(() => ({ report: undefined as unknown }));
vi.mock('../src/validate/index.js', () => ({
  validateInputs: async () => state.report,
}));

const dir = mkdtempSync(path.join(os.tmpdir(), 'kla-score-'));
initProject({ dir, district: 'Contoh', province: 'Jambi', year: 2024 });
const project = loadProject(dir);
const catalog = project.catalog;

/** A good answer for every question, from the first responsible OPD, with evidence. */
function answerFor(q: CatalogQuestion, i: number): Answer {
  const r = q.rubricDef;
  const value: AnswerValue =
    r.kind === 'options' ? { kind: 'option', option: r.options[i % 3 === 0 ? 1 : 0]!.value } : { kind: 'number', value: r.better === 'higher' ? 95 : 0 };
  const opd = opdsForQuestion(project, q.id)[0]!.code;
  const at = (col: string) => ({ file: `submissions/${opd}.xlsx`, sheet: 'Jawaban', cell: `${col}${i + 6}` });
  return {
    questionId: q.id,
    opdCode: opd,
    value,
    previous: null,
    evidence: [`${q.id}.pdf`],
    note: '',
    cells: { answer: at('F'), previous: at('G'), evidence: at('H'), note: at('I') },
  };
}

function setReport(answers: Answer[], diagnostics: Diagnostic[] = []): void {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const report: ValidationReport = {
    schemaVersion: 1,
    project: { district: project.districtName, year: 2024, catalogId: catalog.id },
    files: [{ file: 'submissions/DPPPA.xlsx', status: 'submission', opdCode: 'DPPPA' }],
    scope: 'folder',
    diagnostics,
    profile: null,
    matrix: null,
    submissions: [{ file: 'submissions/DPPPA.xlsx', sha256: '0'.repeat(64), opdCode: 'DPPPA', savedAt: null, identity: {}, identityCells: {}, answers }],
    coverage: { questions: 274, answered: answers.length, byGroup: [], byIndicator: [], unanswered: [] },
    summary: { files: 1, submissions: 1, errors, warnings: 0, infos: 0 },
  };
  state.report = report;
}

/** `columns`: as on a terminal that wide; without it, as into a file or pipe. */
async function kla(args: string[], lang: 'id' | 'en' = 'id', columns?: number) {
  const ctx = memoryContext(lang, dir, {}, undefined, columns);
  const code = await main(['score', ...args, '--project', dir, ...(lang === 'en' ? ['--lang', 'en'] : [])], ctx);
  return { code, stdout: ctx.stdout, stderr: ctx.stderr };
}

const all = catalog.questionList.map(answerFor);

/** The words of `phrase` occur in `text` in this order, whatever lies between them (line breaks, indents, figures). */
function inOrder(text: string, phrase: string): boolean {
  const words = text.split(/\s+/);
  let at = 0;
  for (const w of phrase.split(' ')) {
    at = words.indexOf(w, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}
const tmp = (name: string, content: string) => {
  const f = path.join(mkdtempSync(path.join(os.tmpdir(), 'kla-score-in-')), name);
  writeFileSync(f, content);
  return f;
};

beforeEach(() => setReport(all));

describe('kla score', () => {
  it('prints groups, total, predikat and the forecast; on an 80-column terminal every line fits', async () => {
    const r = await kla([], 'id', 79);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Perkiraan nilai KLA: Kabupaten Contoh, tahun 2024');
    expect(r.stdout).toContain('bukan nilai resmi');
    for (const g of catalog.groups) expect(r.stdout).toContain(g.label);
    expect(r.stdout).toMatch(/Total\s+1\.000,00/);
    expect(r.stdout).toContain('Prakiraan verifikasi');
    expect(r.stdout.split('\n').every((l) => l.length <= 79)).toBe(true);
    expect(r.stdout).not.toMatch(/[^\x20-\x7e\n]/); // plain ASCII, no box drawing
    const en = await kla([], 'en', 79);
    expect(en.stdout).toContain('Estimated KLA score');
    expect(en.stdout).toMatch(/Total\s+1,000\.00/);
  });

  it('cuts nothing: long indicator names wrap between words on a terminal and stay whole in a file', async () => {
    const ascii = (s: string) => s.replace(/\s+/g, ' ').replace(/[\u2013\u2014]/g, '-').trim();
    const long = catalog.groups.flatMap((g) => g.indicators).filter((i) => i.name.length > 60);
    expect(long.length).toBeGreaterThan(3);
    for (const columns of [59, 79, 119]) {
      const r = await kla([], 'id', columns);
      expect(r.stdout).not.toContain('...');
      expect(r.stdout.split('\n').every((l) => l.length <= columns), String(columns)).toBe(true);
      // Every word of every name is there, in order: wrapped (figures may sit beside its first line), never cut.
      for (const i of long) expect(inOrder(r.stdout, ascii(i.name)), `${columns} ${i.id}`).toBe(true);
    }
    const file = await kla([]);
    for (const i of long) expect(file.stdout.split('\n').some((l) => l.startsWith(`${i.id.padEnd(4)} ${ascii(i.name)} `))).toBe(true);
  });

  it('writes versioned JSON atomically; fed back as --baseline it shows zero change', async () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'kla-score-out-')), 'nilai.json');
    const r = await kla(['--format', 'json', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const j = JSON.parse(readFileSync(out, 'utf8')) as ScoreJson;
    expect(Object.keys(j).slice(0, 4)).toEqual(['schemaVersion', 'kind', 'total', 'predikat']);
    expect(j.schemaVersion).toBe(1);
    expect(j.questions).toHaveLength(274);
    expect(j.questions[0]).toMatchObject({ questionId: '1.1', opdCode: expect.any(String), source: { sheet: 'Jawaban' } });
    expect(j.groups.reduce((s, g) => s + g.points, 0)).toBeCloseTo(j.total, 9);
    const again = await kla(['--format', 'json', '--baseline', out]);
    const cmp = (JSON.parse(again.stdout) as ScoreJson).comparison!;
    expect(cmp.total.delta).toBe(0);
    expect([...cmp.groups, ...cmp.indicators].every((x) => x.points.delta === 0 && x.forecastPoints.delta === 0)).toBe(true);
    const table = await kla(['--baseline', out]);
    expect(table.stdout).toContain('Perbandingan dengan hasil sebelumnya');
  });

  it('a what-if file setting every question’s points reproduces exactly those values', async () => {
    const points = new Map(catalog.questionList.map((q, i) => [q.id, Math.floor(q.points * ((i % 5) / 4) * 100) / 100]));
    const f = tmp('semua.json', JSON.stringify({ set: Object.fromEntries([...points].map(([id, p]) => [id, { points: p }])) }));
    const r = await kla(['--what-if', f, '--format', 'json']);
    expect(r.code).toBe(0);
    const s = (JSON.parse(r.stdout) as ScoreJson).scenario!;
    for (const q of s.questions) expect(q.points).toBe(points.get(q.questionId));
    const byHand = (ids: string[]) => Math.round(ids.reduce((sum, id) => sum + points.get(id)! * 100, 0)) / 100;
    for (const g of s.groups) expect(g.points).toBe(byHand(catalog.questionList.filter((q) => q.groupId === g.id).map((q) => q.id)));
    expect(s.total).toBe(byHand([...points.keys()]));
  });

  it('--set shows baseline, scenario, deltas per group and whether the predikat changes', async () => {
    setReport(all.filter((a) => a.questionId !== '12.3'));
    const r = await kla(['--set', '12.3=92,5', '--set', '1.1=Peraturan Daerah (Perda)']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Skenario what-if (2 perubahan)');
    expect(r.stdout).toContain('12.3 = 92,50');
    expect(r.stdout).toMatch(/Predikat: \S+ -> \S+ \((tidak )?berubah\)/);
    const j = JSON.parse((await kla(['--set', '12.3=92,5', '--format', 'json'])).stdout) as ScoreJson;
    const q = catalog.questionById.get('12.3')!;
    expect(j.scenario!.delta.total.delta).toBeCloseTo(q.points, 9);
    expect(j.scenario!.delta.groups.find((g) => g.id === q.groupId)!.points.delta).toBeCloseTo(q.points, 9);
  });

  it('rejects bad what-if input, an unknown predikat and a bad baseline as usage errors', async () => {
    const cases: [string[], string[]][] = [
      [['--set', '99.9=1'], ['KLA-E532', 'KLA-E524']],
      [['--set', '12.3=banyak'], ['KLA-E532', 'KLA-E528']],
      [['--what-if', tmp('w.json', '{"set": {"1.1": {"points": 999}}}')], ['KLA-E521', 'KLA-E530']],
      [['--what-if', tmp('w.json', '{set')], ['KLA-E520']],
      [['--what-if', path.join(dir, 'tidak-ada.json')], ['KLA-E518']],
      [['--target', 'Emas'], ['KLA-E513']],
      [['--baseline', tmp('b.json', '{"schemaVersion": 1}')], ['KLA-E541', 'KLA-E542']],
      [['--evidence', path.join(dir, 'tidak-ada')], ['KLA-E715']],
    ];
    for (const [args, codes] of cases) {
      const r = await kla(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect([...r.stderr.matchAll(/\[(KLA-[EWI]\d{3})\]/g)].map((m) => m[1]).filter((c, i, all) => all.indexOf(c) === i), args.join(' ')).toEqual(codes);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    // A file where a folder is asked for is named as such, not as missing.
    expect((await kla(['--evidence', tmp('data dukung.txt', 'x')])).stderr).toMatch(/Folder data dukung .*data dukung\.txt adalah sebuah berkas, bukan folder\. \[KLA-E715\]/);
    // A syntax error is placed by line and column, as a text editor counts them.
    expect((await kla(['--what-if', tmp('w.json', '{\n  "set": {,\n}')])).stderr).toContain('bukan JSON yang sah (baris 2, kolom 11).');
    // The words are the registry's: one example in full.
    expect((await kla(['--target', 'Emas'])).stderr).toContain('Predikat "Emas" tidak dikenal. Predikat yang tersedia: Pratama, Madya, Nindya, Utama, dan KLA.');
    // A slip away from a predikat proposes it, as a mistyped command or OPD code does.
    expect((await kla(['--target', 'nindia'])).stderr).toContain('Predikat "nindia" tidak dikenal. Mungkin maksud Anda: Nindya? Predikat yang tersedia:');
    expect((await kla(['--target', 'madia'])).stderr).toContain('Mungkin maksud Anda: Madya?');
  });

  it('refuses inputs with validation errors unless --allow-invalid, then lists what it ignored', async () => {
    const bad = all.map((a, i) => (i < 2 ? { ...a, invalid: true } : a));
    const diag = (i: number): Diagnostic => ({ code: 'KLA-E001', severity: 'error', params: {}, location: { file: 'submissions/DPPPA.xlsx' }, questionId: bad[i]!.questionId });
    setReport(bad, [diag(0), diag(1), diag(1)]);
    const r = await kla([]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('3 kesalahan pada 1 berkas');
    expect(r.stderr).toContain('kla validate');
    expect(r.stdout).toBe('');
    const ok = await kla(['--allow-invalid']);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toContain('2 jawaban diabaikan');
    expect(ok.stdout).toContain('Jawaban yang diabaikan dalam penilaian: 2');
    expect(ok.stdout).toContain(`${bad[0]!.questionId}`);
    expect(ok.stdout).toMatch(/mengandung kesalahan\n\s+submissions\/DPPPA\.xlsx, Jawaban!F6\n/);
  });

  it('with an evidence folder, named files that do not exist cost the forecast their points', async () => {
    const ev = mkdtempSync(path.join(os.tmpdir(), 'kla-evidence-'));
    mkdirSync(path.join(ev, 'DPPPA'));
    for (const q of catalog.questionList.slice(1)) writeFileSync(path.join(ev, 'DPPPA', `${q.id}.pdf`), 'x');
    const j = JSON.parse((await kla(['--format', 'json', '--evidence', ev])).stdout) as ScoreJson;
    const q1 = j.questions[0]!;
    const required = catalog.questionById.get(q1.questionId)!.evidenceRequired;
    expect(q1.evidenceNotFound).toEqual([`${q1.questionId}.pdf`]);
    expect(q1.forecastPoints).toBe(required ? 0 : q1.points);
    expect(j.forecast.evidenceChecked).toBe(true);
    const t = await kla(['--evidence', ev]);
    expect(t.stdout).toContain('Data dukung diperiksa keberadaannya di folder');
  });

  it('--target lists the open points, quickest first, grouped by OPD, and says when the target is out of reach', async () => {
    setReport(all.map((a, i) => (i % 4 === 0 ? { ...a, evidence: [] } : a)));
    const j = JSON.parse((await kla(['--target', 'kla', '--format', 'json'])).stdout) as ScoreJson;
    const plan = j.plan!;
    expect(plan.target).toBe('KLA');
    expect(plan.threshold).toEqual({ value: 900, inclusive: false });
    const kinds = plan.steps.map((s) => s.kind);
    expect(kinds.indexOf('evidence')).toBe(0);
    expect(kinds.lastIndexOf('evidence')).toBeLessThan(kinds.indexOf('improve'));
    expect(plan.byOpd.flatMap((g) => g.steps).length).toBe(plan.steps.filter((s) => s.needed).length);
    const t = await kla(['--target', 'KLA']);
    expect(t.stdout).toContain('Rencana menuju predikat KLA');
    expect(t.stdout).toContain('[D]');
    // Each step names its question in full: whole on one line in a file, wrapped on a terminal.
    const step = plan.byOpd[0]!.steps[0]!;
    const text = catalog.questionById.get(step.questionId)!.text.replace(/\s+/g, ' ').replace(/[\u2013\u2014]/g, '-').trim();
    expect(text.length).toBeGreaterThan(40);
    expect(t.stdout).toContain(text);
    const narrow = await kla(['--target', 'KLA'], 'id', 79);
    expect(narrow.stdout.split('\n').every((l) => l.length <= 79)).toBe(true);
    expect(narrow.stdout.replace(/\s+/g, ' ')).toContain(text);
    expect(narrow.stdout).not.toContain('...');
  });

  it('names evidence files that are missing in full, however long', async () => {
    const ev = mkdtempSync(path.join(os.tmpdir(), 'kla-evidence-'));
    const name = 'Profil inovasi layanan ramah anak di Puskesmas Bangko dan Puskesmas Pamenang tahun 2023-2024.pdf';
    const q = catalog.questionList.find((x) => x.evidenceRequired)!;
    setReport(all.map((a) => (a.questionId === q.id ? { ...a, evidence: [name] } : a)));
    for (const columns of [undefined, 79]) {
      const r = await kla(['--evidence', ev], 'id', columns);
      expect(r.stdout.replace(/\s+/g, ' ')).toContain(name);
      expect(r.stdout).not.toContain('...');
    }
  });
});
