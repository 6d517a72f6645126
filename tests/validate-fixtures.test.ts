/**
 * The example district (fixtures/merangin): its 27 submissions validate
 * without errors; each deliberate mistake of the invalid set is reported with
 * the code and at the cell that invalid/expected.json names; and the same
 * workbooks saved again by LibreOffice give the same findings.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync, readdirSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { loadProject, type Project } from '../src/project/config.js';
import { validateInputs, type ValidationReport } from '../src/validate/index.js';
import { main } from '../src/cli/main.js';
import { memoryContext } from '../src/cli/context.js';
import { soffice, tmpDir } from './validate-helpers.js';
import { writerCorpus } from './helpers/corpus.js';

const ROOT = path.resolve('fixtures/merangin');
const INVALID = path.join(ROOT, 'invalid');

interface Expected {
  file: string;
  from: string;
  mistakes: { kind: string; sheet: string; cell: string; questionId?: string; code: string | null; with?: string[] }[];
}
const expected = JSON.parse(readFileSync(path.join(INVALID, 'expected.json'), 'utf8')) as Expected[];

let project: Project;
beforeAll(() => {
  project = loadProject(ROOT);
});

/** Findings as [file, code, sheet, cell]; skipped files (the README) and OPDs that sent nothing left out. */
const findings = (r: ValidationReport) =>
  r.diagnostics.filter((d) => !['KLA-I012', 'KLA-I013', 'KLA-I304'].includes(d.code)).map((d) => [d.location.file, d.code, d.location.sheet ?? '', d.location.cell ?? '']);

describe('the valid submissions', () => {
  it('exit 0: no errors, every question answered, every file recognised', async () => {
    const ctx = memoryContext('id', ROOT);
    expect(await main(['validate'], ctx)).toBe(0);
    const r = await validateInputs(project, [], { cwd: ROOT });
    expect(r.summary).toMatchObject({ files: 29, submissions: 27, errors: 0 });
    expect(new Set(r.submissions.map((s) => s.opdCode)).size).toBe(27);
    expect(r.files.filter((f) => f.status === 'profile')).toHaveLength(1);
    expect(r.profile).not.toBeNull();
    expect(r.coverage.answered).toBe(274);
  });
});

describe('the invalid set: each deliberate mistake at its cell', () => {
  const cases = expected.flatMap((e) => e.mistakes.filter((m) => m.code !== null).map((m) => [e.file, m] as const));

  it.each(cases)('%s: %o', async (file, m) => {
    const inputs = [file, ...(m.with ?? [])];
    const r = await validateInputs(project, inputs, { cwd: INVALID });
    expect(findings(r)).toContainEqual([file, m.code, m.sheet, m.cell]);
    if (!m.with) {
      // Checked alone, a file reports its deliberate mistakes and nothing else.
      const mine = expected.find((e) => e.file === file)!.mistakes.filter((x) => x.code !== null && !x.with);
      expect(findings(r).map(([, code, sheet, cell]) => [code, sheet, cell]).sort()).toEqual(mine.map((x) => [x.code, x.sheet, x.cell]).sort());
    }
  });

  it('the whole folder exits 1 and reports every mistake made inside it', async () => {
    const ctx = memoryContext('id', INVALID);
    expect(await main(['validate', '--project', ROOT, '.', '-f', 'json'], ctx)).toBe(1);
    const r = JSON.parse(ctx.stdout) as ValidationReport;
    for (const [file, m] of cases) {
      if (m.with?.some((w) => w.startsWith('..'))) continue;
      expect(findings(r)).toContainEqual([file, m.code, m.sheet, m.cell]);
    }
  });
});

describe('LibreOffice', () => {
  it('the valid set and the invalid set, saved again by LibreOffice, give the same findings', async () => {
    const corpus = await writerCorpus();
    const dir = tmpDir('kla-lo-fixtures-');
    for (const [sub, from] of [
      ['submissions', path.join(ROOT, 'submissions')],
      ['invalid', INVALID],
    ] as const) {
      const originals = readdirSync(from).filter((f) => f.endsWith('.xlsx'));
      const out = path.join(dir, sub);
      mkdirSync(out);
      // The valid set as LibreOffice saves it is the writer corpus's (built once per run and kept, see
      // helpers/corpus.ts): the same conversion, not made twice.
      if (sub === 'submissions') for (const f of originals) copyFileSync(path.join(corpus.libreoffice, f), path.join(out, f));
      else await soffice(originals.map((f) => path.join(from, f)), 'xlsx', out);
      const copy = path.join(dir, `${sub}-asli`);
      mkdirSync(copy);
      for (const f of originals) copyFileSync(path.join(from, f), path.join(copy, f));
      const a = await validateInputs(project, [`${sub}-asli`], { cwd: dir });
      const b = await validateInputs(project, [sub], { cwd: dir });
      const shape = (r: ValidationReport, prefix: string) =>
        r.diagnostics.map((d) => JSON.stringify([d.code, d.location.file.slice(prefix.length), d.location.sheet, d.location.cell, d.params]).replaceAll(`${prefix}`, ''));
      expect(b.files.map((f) => f.status)).toEqual(a.files.map((f) => f.status));
      expect(shape(b, `${sub}/`)).toEqual(shape(a, `${sub}-asli/`));
    }
  }, 300_000);
});
