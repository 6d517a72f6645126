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

/** Fenced blocks of the README in order, with the heading they stand under. */
function blocks(lang: string): { heading: string; code: string }[] {
  const out: { heading: string; code: string }[] = [];
  let heading = '';
  const re = /^(#{2,3} .*)$|^```(\w*)\n([\s\S]*?)^```$/gm;
  for (const m of readme.matchAll(re)) {
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
      for (const line of block.code.split('\n').filter((l) => l.trim() !== '')) {
        for (const { words } of shellCommands(line)) {
          const text = words.join(' ');
          if (words[0] === 'npm') {
            expect(NOT_RUN_HERE[text], `${block.heading}: "${text}" is an npm command this test does not know`).toBeDefined();
            continue;
          }
          if (words[0] === 'cd') {
            place.cwd = path.resolve(place.cwd, words[1]!);
            expect(existsSync(place.cwd), `${block.heading}: ${line}`).toBe(true);
            continue;
          }
          const args = words[0] === 'npx' && words[1] === 'kla' ? words.slice(2) : words[0] === 'kla' ? words.slice(1) : undefined;
          expect(args, `${block.heading}: "${line}" is no command this test can run`).toBeDefined();
          const r = kla(args!, { cwd: place.cwd });
          expect(r.code, `${block.heading}\n${line}\n(in ${place.cwd})\n${r.stderr}`).toBe(0);
          expect(r.stderr).not.toMatch(/\n\s+at /);
          ran++;
        }
      }
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
