/**
 * The README runs as written: every command block is run against a fresh
 * copy of the example district, line by line as a user would type it, and
 * every line must succeed; the library example runs as a module importing
 * the package. npm lines are the ones a test cannot run inside the test
 * suite (installing, the suite itself); each is named here, and the packed
 * install is run by tests/install.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { kla, root } from './helpers/cli.js';
import { shellCommands } from './helpers/shell.js';

const readme = readFileSync(path.join(root, 'README.md'), 'utf8');

/** Fenced blocks of a markdown text (the README unless named) in order, with the heading they stand under; indented blocks (in a list) too. */
function blocks(lang: string, text = readme): { heading: string; code: string }[] {
  const out: { heading: string; code: string }[] = [];
  let heading = '';
  const re = /^(#{2,3} .*)$|^ *```(\w*)\n([\s\S]*?)^ *```$/gm;
  for (const m of text.matchAll(re)) {
    if (m[1]) heading = m[1];
    else if (m[2] === lang) out.push({ heading, code: m[3]! });
  }
  return out;
}

/** npm commands of the README, and why this test does not run them. */
const NOT_RUN_HERE: Record<string, string> = {
  'npm ci': 'installs this checkout: done before the tests run',
  'npm test': 'the test suite itself',
  'npm run bench': 'the benchmark, not a check',
  'npm run lint': '.ci/run runs it before the tests',
  'npm run typecheck': '.ci/run runs it before the tests',
  'npm run fixtures': 'rewrites the committed example; tests/fixtures.test.ts checks it is up to date',
  'npm install -g .': 'installs globally; tests/install.test.ts runs it into a temporary prefix',
  'npm pack': 'tests/install.test.ts packs the project',
  'npm install -g kla-0.1.0.tgz': 'tests/install.test.ts installs the packed file into a temporary prefix',
};

/** Runs one line of kla as typed, where it is typed; `cd` moves the session. */
function runLine(line: string, place: { cwd: string }, where: string): number {
  let ran = 0;
  for (const { words } of shellCommands(line)) {
    const text = words.join(' ');
    if (words[0] === 'npm') {
      expect(NOT_RUN_HERE[text], `${where}: "${text}" is an npm command this test does not know`).toBeDefined();
      continue;
    }
    if (words[0] === 'cd') {
      place.cwd = path.resolve(place.cwd, words[1]!);
      expect(existsSync(place.cwd), `${where}: ${line}`).toBe(true);
      continue;
    }
    const args = words[0] === 'npx' && words[1] === 'kla' ? words.slice(2) : words[0] === 'kla' ? words.slice(1) : undefined;
    expect(args, `${where}: "${line}" is no command this test can run`).toBeDefined();
    const r = kla(args!, { cwd: place.cwd });
    expect(r.code, `${where}\n${line}\n(in ${place.cwd})\n${r.stderr}`).toBe(0);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    ran++;
  }
  return ran;
}

/** A fresh copy of the example district, as the README asks, and the folder it lies in. */
function exampleCopy(): { parent: string; project: string } {
  const parent = mkdtempSync(path.join(os.tmpdir(), 'kla-readme-'));
  const project = path.join(parent, 'KLA Merangin 2026');
  cpSync(path.join(root, 'fixtures', 'merangin'), project, { recursive: true, filter: (src) => !src.includes(`${path.sep}output`) });
  return { parent, project };
}

describe('README', () => {
  it('has the two-command quick start, followed by the install for staff', () => {
    const [quick, install] = blocks('sh');
    expect(quick!.heading).toMatch(/^## Quick start/);
    expect(quick!.code.trim().split('\n').map((l) => l.replace(/#.*/, '').trim())).toEqual(['npm ci && npx kla build --project fixtures/merangin', 'npm test']);
    expect(install!.heading).toMatch(/^## Install/);
    expect(install!.code).toMatch(/npm install -g/);
  });

  it('every command block runs as written, the command blocks one after another as a user follows them', () => {
    const sh = blocks('sh');
    expect(sh.length).toBeGreaterThanOrEqual(8);
    // Quick start and development run in the checkout (here: a folder holding fixtures/merangin);
    // the command sections form one session, started beside a copy of the example named as the README says.
    const checkout = mkdtempSync(path.join(os.tmpdir(), 'kla-readme-checkout-'));
    cpSync(path.join(root, 'fixtures', 'merangin'), path.join(checkout, 'fixtures', 'merangin'), { recursive: true, filter: (src) => !src.includes(`${path.sep}output`) });
    const session = { cwd: exampleCopy().parent };
    let ran = 0;
    for (const block of sh) {
      const place = /^## (Quick start|Development)/.test(block.heading) ? { cwd: checkout } : session;
      for (const line of block.code.split('\n').filter((l) => l.trim() !== '')) ran += runLine(line, place, block.heading);
    }
    expect(ran).toBeGreaterThanOrEqual(15);
    expect(existsSync(path.join(checkout, 'fixtures', 'merangin', 'output', 'dokumen-kla-2026.pdf'))).toBe(true);
  }, 300_000);

  it('the library example runs as a module in a copy of the example, with kla installed', () => {
    const js = blocks('js');
    expect(js).toHaveLength(1);
    const { project } = exampleCopy();
    // As `npm install kla-…tgz` would leave it: the package under node_modules/kla.
    mkdirSync(path.join(project, 'node_modules'));
    symlinkSync(root, path.join(project, 'node_modules', 'kla'), 'junction');
    writeFileSync(path.join(project, 'contoh.mjs'), js[0]!.code);
    const out = execFileSync(process.execPath, ['contoh.mjs'], { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    // errors, total, predikat, forecast: as kla score says for the same project.
    const [errors, total, predikat, forecast] = out.trim().split(' ');
    const score = JSON.parse(kla(['score', '--format', 'json'], { cwd: project }).stdout) as { total: number; predikat: string; forecast: { total: number } };
    expect([Number(errors), Number(total), predikat, Number(forecast)]).toEqual([0, score.total, score.predikat, score.forecast.total]);
  });
});

describe('docs/panduan.md, the staff guide in Indonesian', () => {
  const guide = readFileSync(path.join(root, 'docs', 'panduan.md'), 'utf8');

  it('every command runs as written: a new project from kla init, then the commands of the daily work in the example district', () => {
    const bat = blocks('bat', guide);
    expect(bat.length).toBeGreaterThanOrEqual(9);
    const fresh = { cwd: mkdtempSync(path.join(os.tmpdir(), 'kla-panduan-')) };
    const example = { cwd: exampleCopy().project };
    const ran: string[] = [];
    for (const block of bat) {
      const lines = block.code.split('\n').map((l) => l.trim()).filter((l) => l !== '');
      if (/^## 1\./.test(block.heading)) {
        // The install: a Windows folder and npm (tests/install.test.ts installs the packed file); kla --version runs.
        for (const line of lines) if (line.startsWith('kla ')) ran.push(...(runLine(line, fresh, block.heading) ? [line] : []));
        else expect(line.startsWith('npm ') || line.startsWith('cd %USERPROFILE%'), line).toBe(true);
        continue;
      }
      // Making a project, then the work on one whose OPDs have answered (the example district).
      const place = /^## [23]\./.test(block.heading) ? fresh : example;
      for (const line of lines) if (runLine(line, place, block.heading) > 0) ran.push(line);
    }
    expect(ran).toEqual(expect.arrayContaining(['kla --version', 'kla template', 'kla validate', 'kla feedback', 'kla build --draft', 'kla build']));
    expect(existsSync(path.join(fresh.cwd, 'kla.config.json'))).toBe(true);
    expect(existsSync(path.join(example.cwd, 'output', 'dokumen-kla-2026.pdf'))).toBe(true);
  }, 300_000);

  it('names what it asks staff to fill as kla.config.json holds it', () => {
    // The keys the guide names exist in the example's config, in the places it says.
    const config = JSON.parse(readFileSync(path.join(root, 'fixtures', 'merangin', 'kla.config.json'), 'utf8')) as Record<string, Record<string, unknown>>;
    for (const named of ['`signatories`', '`opds`', '`aliases`', '`nip`', '`rank`', '"document": { "date": ', '"profile": { "capital": ']) expect(guide).toContain(named);
    expect(config.profile).toHaveProperty('capital');
    expect(config.opds).toBeDefined();
    expect(config.signatories!.coordinator).toHaveProperty('nip');
    expect(config.signatories!.coordinator).toHaveProperty('rank');
    expect(config.document).toHaveProperty('date');
    expect(config.district).toHaveProperty('logo');
    expect(guide).toContain('`district.logo`');
  });
});
