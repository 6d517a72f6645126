/**
 * Output for people and machines: the formatters as pure functions of a
 * report, and the CLI end to end (exit codes, -o, GitHub job summary, colour).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../src/model.js';
import type { ValidationReport } from '../src/validate/index.js';
import { formatters, githubStepSummary } from '../src/report/index.js';
import { main } from '../src/cli/main.js';
import { makeContext, memoryContext } from '../src/cli/context.js';
import type { Project } from '../src/project/config.js';
import { SHEETS } from '../src/workbook/layout.js';
import { cellOf, filledWorkbook, makeProject, questionOf, save, tmpDir } from './validate-helpers.js';

const d = (code: string, file: string, cell?: string, params: Diagnostic['params'] = {}): Diagnostic => ({
  code,
  severity: code[4] === 'E' ? 'error' : code[4] === 'W' ? 'warning' : 'info',
  params,
  location: { file, ...(cell ? { sheet: 'Jawaban', cell } : {}) },
});

function report(diagnostics: Diagnostic[], files = ['submissions/Dinkes (revisi 2).xlsx']): ValidationReport {
  const count = (s: Diagnostic['severity']) => diagnostics.filter((x) => x.severity === s).length;
  return {
    schemaVersion: 1,
    project: { district: 'Kabupaten Merangin', year: 2026, catalogId: 'kla-2024' },
    files: files.map((file) => ({ file, status: 'submission', opdCode: 'DINKES', sha256: 'ab'.repeat(32) })),
    scope: 'folder',
    diagnostics,
    submissions: [],
    profile: null,
    matrix: null,
    coverage: { questions: 274, answered: 270, byGroup: [{ id: 'KLB', questions: 78, answered: 76 }], byIndicator: [{ id: '1', questions: 40, answered: 38 }], unanswered: ['1.1', '12.3', '14.7', '25.13'] },
    summary: { files: files.length, submissions: files.length, errors: count('error'), warnings: count('warning'), infos: count('info') },
  };
}

describe('json', () => {
  it('is versioned and carries codes, params, locations and the message', () => {
    const r = report([d('KLA-E216', 'submissions/Dinkes (revisi 2).xlsx', 'F12', { question: '12.1', found: 120 })]);
    const out = JSON.parse(formatters.json(r, { lang: 'id' }));
    expect(out.schemaVersion).toBe(1);
    expect(out.diagnostics[0]).toMatchObject({ code: 'KLA-E216', severity: 'error', params: { question: '12.1', found: 120 }, location: { file: 'submissions/Dinkes (revisi 2).xlsx', sheet: 'Jawaban', cell: 'F12' } });
    expect(out.diagnostics[0].message).toMatch(/di luar rentang 0–100/);
    expect(JSON.parse(formatters.json(r, { lang: 'en' })).diagnostics[0].message).toMatch(/outside 0–100/);
    expect(formatters.json(r, { lang: 'id' })).toBe(formatters.json(r, { lang: 'id' }));
  });
});

describe('junit', () => {
  it('one suite per file, errors and warnings as failures, text escaped', () => {
    const r = report(
      [d('KLA-E210', 'a.xlsx', 'F4', { question: '1.1', found: '<Ya & "tidak">', options: '"Tidak ada"' }), d('KLA-W222', 'a.xlsx', 'H9', { question: '1.3j' }), d('KLA-I207', 'a.xlsx', 'K3', { columns: 'K' })],
      ['a.xlsx', 'b.xlsx'],
    );
    const xml = formatters.junit(r, { lang: 'id' });
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="kla validate" tests="3" failures="2"/);
    expect(xml).toContain('<testsuite name="a.xlsx" tests="2" failures="2"');
    expect(xml).toContain('<testsuite name="b.xlsx" tests="1" failures="0"');
    expect(xml).toContain('<failure type="error"');
    expect(xml).toContain('<failure type="warning"');
    expect(xml).toContain('&lt;Ya &amp; &quot;tidak&quot;&gt;');
    expect(xml).not.toContain('KLA-I207');
    // Balanced elements.
    for (const tag of ['testsuites', 'testsuite', 'testcase', 'failure']) {
      expect((xml.match(new RegExp(`<${tag}[ >]`, 'g')) ?? []).length - (xml.match(new RegExp(`<${tag} [^>]*/>`, 'g')) ?? []).length).toBe((xml.match(new RegExp(`</${tag}>`, 'g')) ?? []).length);
    }
  });
});

describe('github', () => {
  it('escapes workflow-command data and properties', () => {
    const r = report([d('KLA-E212', 'kiriman/Dinkes, 100%: final.xlsx', 'F4', { question: '12.1', found: 'a\nb 50%', expected: 'percent' })], ['kiriman/Dinkes, 100%: final.xlsx']);
    const line = formatters.github(r, { lang: 'id' }).split('\n')[0]!;
    expect(line.startsWith('::error file=kiriman/Dinkes%2C 100%25%3A final.xlsx,title=KLA-E212 Jawaban!F4::')).toBe(true);
    // The newline in the cell's text is shown visibly, on the one line of the annotation.
    expect(line).toContain('a\\nb 50%25');
    expect(line).not.toContain('\n');
  });

  it('shows the 10 most important errors and 10 warnings, then one notice for the rest', () => {
    const ds = [
      ...Array.from({ length: 14 }, (_, i) => d('KLA-E216', 'a.xlsx', `F${i + 4}`, { question: `12.${i}`, found: 120 })),
      d('KLA-E001', 'b.xlsx'),
      ...Array.from({ length: 13 }, (_, i) => d('KLA-W222', 'a.xlsx', `H${i + 4}`, { question: `1.${i}` })),
      d('KLA-I304', '', undefined, { opd: 'DINSOS', name: 'Dinas Sosial', questions: 67 }),
    ];
    const out = formatters.github(report(ds, ['a.xlsx', 'b.xlsx']), { lang: 'id' }).trimEnd().split('\n');
    const errors = out.filter((l) => l.startsWith('::error '));
    expect(errors).toHaveLength(10);
    expect(errors[0]).toContain('file=b.xlsx,title=KLA-E001');
    expect(out.filter((l) => l.startsWith('::warning '))).toHaveLength(10);
    const notices = out.filter((l) => l.startsWith('::notice '));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('5 kesalahan dan 3 peringatan');
    expect(out.at(-1)).toMatch(/^kla validate: 15 kesalahan, 13 peringatan, 1 informasi/);
  });

  it('writes a Markdown job summary with counts, coverage, files and findings', () => {
    const md = githubStepSummary(report([d('KLA-E210', 'a.xlsx', 'F4', { question: '1.1', found: 'Ya | Tidak', options: '"Tidak ada"' })], ['a.xlsx']), { lang: 'id', groupLabels: { KLB: 'Kelembagaan' } });
    expect(md).toContain('## Pemeriksaan lembar kerja KLA: Kabupaten Merangin 2026');
    expect(md).toContain('| Kelembagaan | 76/78 |');
    expect(md).toContain('| `a.xlsx` | DINKES | lembar kerja | 1 | 0 |');
    expect(md).toContain('Ya \\| Tidak');
  });
});

describe('pretty', () => {
  it('groups per file with cell addresses, a summary and coverage; no escape codes without colour', () => {
    const r = report([d('KLA-E216', 'submissions/Dinkes (revisi 2).xlsx', 'F12', { question: '12.1', found: 120 }), d('KLA-I304', '', undefined, { opd: 'DINSOS', name: 'Dinas Sosial', questions: 67 })]);
    const out = formatters.pretty(r, { lang: 'id', groupLabels: { KLB: 'Kelembagaan' } });
    expect(out).toContain('submissions/Dinkes (revisi 2).xlsx  (DINKES)');
    expect(out).toContain('  KESALAHAN  lembar Jawaban, sel F12  [KLA-E216]\n      Persentase 120 untuk pertanyaan 12.1 di luar rentang 0–100.');
    expect(out).toContain('  INFORMASI  [KLA-I304]\n      Belum ada lembar kerja dari Dinas Sosial (DINSOS)');
    expect(out).toContain('Seluruh kiriman');
    expect(out).toContain('Temuan: 1 kesalahan, 0 peringatan, 1 informasi');
    expect(out).toContain('Cakupan: 270 dari 274 pertanyaan terjawab (98,5%)');
    expect(out).toContain('Kelembagaan   76/78');
    expect(out).toContain('Belum terjawab: 1.1, 12.3, 14.7, 25.13');
    expect(out).not.toMatch(/\u001b\[/);
    const en = formatters.pretty(r, { lang: 'en' });
    expect(en).toContain('Coverage: 270 of 274 questions answered (98.5%)');
  });

  it('on a terminal, wraps messages between words to its width; in a file, keeps each message on one line', () => {
    const r = report([d('KLA-W222', 'x.xlsx', 'H30', { question: '12.6' }), d('KLA-W211', 'x.xlsx', 'F9', { question: '1.3a', found: 'Ada, sebagian ', taken: 'Ada, sebagian', differences: ['trailing-space'] })], ['x.xlsx']);
    const wide = formatters.pretty(r, { lang: 'id' });
    const message = wide.split('\n').find((l) => l.includes('12.6 mewajibkan'))!.trim();
    expect(message.length).toBeGreaterThan(100);
    for (const width of [50, 79]) {
      const out = formatters.pretty(r, { lang: 'id', width });
      expect(out.split('\n').every((l) => l.length <= width), String(width)).toBe(true);
      // The same words in the same order: wrapped, not cut.
      expect(out.replace(/\s+/g, ' ')).toContain(message);
    }
    expect(wide).toContain('(berbeda: spasi di akhir)');
  });

  it('shows the coverage for a folder, not for chosen files unless asked for', () => {
    const folder = report([]);
    const files = { ...report([]), scope: 'files' as const };
    expect(formatters.pretty(folder, { lang: 'id' })).toContain('Cakupan:');
    expect(formatters.pretty(files, { lang: 'id' })).not.toContain('Cakupan:');
    expect(formatters.pretty(files, { lang: 'id', coverage: true })).toContain('Cakupan:');
  });

  it('uses the paint it is given', () => {
    const mark = (s: string) => `<${s}>`;
    const out = formatters.pretty(report([d('KLA-E216', 'x.xlsx', 'F12', { question: '12.1', found: 120 })], ['x.xlsx']), {
      lang: 'id',
      paint: { error: mark, warn: mark, info: mark, ok: mark, dim: mark, bold: mark },
    });
    expect(out).toContain('<KESALAHAN>');
  });
});

describe('kla validate (CLI)', () => {
  let project: Project;
  let bad: string;

  beforeAll(async () => {
    project = makeProject();
    await save(await filledWorkbook(project, 'DINKES'), path.join(project.paths.submissions, 'Dinkes (revisi 2).xlsx'));
    const wb = await filledWorkbook(project, 'DINSOS');
    const q = questionOf(project, 'DINSOS', (x) => x.rubricDef.kind !== 'options');
    wb.getWorksheet(SHEETS.answers)!.getCell(cellOf(wb, q.id, 'answer')).value = 'banyak';
    bad = await save(wb, path.join(tmpDir(), 'Dinsos salah.xlsx'));
  });

  const run = async (args: string[], env: NodeJS.ProcessEnv = {}, lang: 'id' | 'en' = 'id') => {
    const ctx = memoryContext(lang, project.dir, env);
    const code = await main(['validate', ...args], ctx);
    return { code, out: ctx.stdout, err: ctx.stderr };
  };

  it('exits 0 on clean submissions (the project folder by default)', async () => {
    const r = await run([]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('submissions/Dinkes (revisi 2).xlsx  (DINKES): tidak ada temuan');
  });

  it('exits 1 on errors, naming the cell', async () => {
    const r = await run([bad]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/KESALAHAN {2}lembar Jawaban, sel F\d+ {2}\[KLA-E212\]\n {6}Isian "banyak"/);
  });

  it('--max-warnings: exit 1 only when warnings exceed it', async () => {
    const dir = tmpDir();
    const wb = await filledWorkbook(project, 'DINKES');
    const q = questionOf(project, 'DINKES', (x) => x.answerType === 'count' && !x.previousYear);
    wb.getWorksheet(SHEETS.answers)!.getCell(cellOf(wb, q.id, 'answer')).value = '80%';
    const f = await save(wb, path.join(dir, 'Dinkes.xlsx'));
    expect((await run([f, '--max-warnings', '1'])).code).toBe(0);
    const r = await run([f, '--max-warnings', '0']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/melebihi batas --max-warnings 0/);
  });

  it('exits 2 on usage errors, without a stack trace', async () => {
    const a = await run(['--max-warnings', 'banyak']);
    expect(a.code).toBe(2);
    const b = await run(['tidak ada.xlsx']);
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/tidak ditemukan/);
    const c = await run(['--format', 'xml']);
    expect(c.code).toBe(2);
    for (const x of [a, b, c]) expect(x.err).not.toMatch(/\n\s+at\s/);
  });

  it('-o writes the report atomically and prints only a note', async () => {
    const outDir = path.join(tmpDir(), 'laporan (final)');
    mkdirSync(outDir);
    writeFileSync(path.join(outDir, 'hasil.json'), 'lama');
    const r = await run([bad, '-f', 'json', '-o', path.join(outDir, 'hasil.json')]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(JSON.parse(readFileSync(path.join(outDir, 'hasil.json'), 'utf8')).summary.errors).toBe(1);
    expect(readdirSync(outDir)).toEqual(['hasil.json']);
  });

  it('--format github appends the job summary to $GITHUB_STEP_SUMMARY', async () => {
    const summary = path.join(tmpDir(), 'step summary.md');
    writeFileSync(summary, '# sebelumnya\n');
    const r = await run([bad, '-f', 'github'], { GITHUB_STEP_SUMMARY: summary });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^::error file=.*Dinsos salah\.xlsx,title=KLA-E212 Jawaban!F\d+::/m);
    const md = readFileSync(summary, 'utf8');
    expect(md.startsWith('# sebelumnya\n')).toBe(true);
    expect(md).toContain('KLA-E212');
  });

  it('--lang en speaks English', async () => {
    const ctx = memoryContext('en', project.dir, {});
    const code = await main(['validate', bad, '--lang', 'en'], ctx);
    expect(code).toBe(1);
    expect(ctx.stdout).toMatch(/Entry "banyak" for question [\d.]+ is not a number/);
  });

  it('colour only on a terminal, honouring NO_COLOR and FORCE_COLOR', async () => {
    const fake = (env: NodeJS.ProcessEnv, isTTY: boolean) => {
      const out: string[] = [];
      const proc = {
        cwd: () => project.dir,
        env,
        stdout: { write: (s: string) => out.push(s), isTTY, on: () => undefined },
        stderr: { write: () => true, isTTY: false, columns: 0, on: () => undefined },
      } as unknown as NodeJS.Process;
      return { ctx: makeContext('id', proc), out };
    };
    for (const [env, tty, coloured] of [
      [{}, true, true],
      [{}, false, false],
      [{ NO_COLOR: '1' }, true, false],
      [{ FORCE_COLOR: '1' }, false, true],
    ] as const) {
      const { ctx, out } = fake({ ...env }, tty);
      expect(await main(['validate', bad], ctx)).toBe(1);
      expect(/\u001b\[/.test(out.join('')), JSON.stringify(env) + tty).toBe(coloured);
    }
    expect(existsSync(bad)).toBe(true);
  });
});
