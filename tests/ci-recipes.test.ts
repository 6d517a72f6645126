import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { kla, root } from './helpers/cli.js';

/** Every `npx kla …` command of a CI recipe, with its arguments (shell quoting is not used in the recipes). */
function klaCommands(recipe: string): { args: string[]; mayFail: boolean }[] {
  const text = readFileSync(path.join(root, 'docs', 'ci', recipe), 'utf8');
  return [...text.matchAll(/npx kla ([^\n#]+)/g)].map((m) => {
    const line = m[1]!.trim();
    const mayFail = /\|\|\s*true$/.test(line);
    return { args: line.replace(/\|\|\s*true$/, '').trim().split(/\s+/), mayFail };
  });
}

/** A fresh copy of the example district, as a district repository would hold it. */
function districtRepo(): string {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'kla-ci-')), 'repo kabupaten');
  cpSync(path.join(root, 'fixtures', 'merangin'), dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}output`) });
  return dir;
}

describe('CI recipes run as written against the example district', () => {
  it('GitHub Actions: annotations, job summary, JSON/JUnit reports and the draft dossier', () => {
    const repo = districtRepo();
    const summary = path.join(repo, 'step-summary.md');
    writeFileSync(summary, '');
    const cmds = klaCommands('github-actions.yml');
    expect(cmds.length).toBeGreaterThanOrEqual(4);
    for (const c of cmds) {
      const r = kla(c.args, { cwd: repo, env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary } });
      expect(r.code, `${c.args.join(' ')}\n${r.stderr}`).toBe(0);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      if (c.args.includes('github')) expect(r.stdout).toMatch(/^::warning file=submissions\//m);
    }
    expect(readFileSync(summary, 'utf8')).toMatch(/Kabupaten Merangin/);
    const json = JSON.parse(readFileSync(path.join(repo, 'output', 'laporan-validasi.json'), 'utf8'));
    expect(json.schemaVersion).toBe(1);
    expect(readFileSync(path.join(repo, 'output', 'laporan-validasi.xml'), 'utf8')).toContain('<testsuites');
    // The draft dossier and the team's working report, under the names that say they are drafts.
    for (const f of ['dokumen-kla-2026-draf.pdf', 'laporan-kerja-kla-2026-draf.pdf']) expect(readFileSync(path.join(repo, 'output', f)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('GitLab CI: JUnit report and artifacts; the job fails when a workbook has errors', () => {
    const repo = districtRepo();
    const cmds = klaCommands('gitlab-ci.yml');
    for (const c of cmds) {
      const r = kla(c.args, { cwd: repo });
      expect(r.code, `${c.args.join(' ')}\n${r.stderr}`).toBe(0);
    }
    expect(readdirSync(path.join(repo, 'output')).sort()).toEqual(['dokumen-kla-2026-draf.pdf', 'laporan-kerja-kla-2026-draf.pdf', 'laporan-validasi.json', 'laporan-validasi.xml']);
    // Upload a broken workbook: the script step (without "|| true") must fail the job.
    cpSync(path.join(repo, 'invalid'), path.join(repo, 'submissions', 'gelombang-2'), { recursive: true });
    const gate = cmds.find((c) => !c.mayFail)!;
    const r = kla(gate.args, { cwd: repo });
    expect(r.code).toBe(1);
    expect(readFileSync(path.join(repo, 'output', 'laporan-validasi.xml'), 'utf8')).toMatch(/<failure/);
    expect(existsSync(path.join(repo, 'output', 'laporan-validasi.xml'))).toBe(true);
  });
});
