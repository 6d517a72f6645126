/**
 * Folder walks that end: every folder visited once whatever links lead to it,
 * links that go nowhere and special files skipped and reported once, a bound
 * on the number of entries, and files kla may not read told apart from damaged
 * ones. Real folders, real links, a real socket; permissions in a child
 * process that is not root (CI runs as root, and root reads everything).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { loadProject, type Project } from '../src/project/config.js';
import { validateInputs } from '../src/validate/index.js';
import { expandInputs } from '../src/validate/inputs.js';
import { refusalOfAsync } from './helpers/refusal.js';
import { bin, root } from './helpers/cli.js';
import { tmpDir } from './validate-helpers.js';

const example = path.join(root, 'fixtures', 'merangin');
const SUBMISSIONS = path.join(example, 'submissions');
let project: Project;

beforeAll(() => {
  project = loadProject(example);
});

/** A copy of the example's submissions in a fresh folder; returns the folder it sits in. */
function copyOfSubmissions(): { cwd: string; sub: string } {
  const cwd = tmpDir('kla-walk-');
  const sub = path.join(cwd, 'kiriman OPD');
  cpSync(SUBMISSIONS, sub, { recursive: true });
  return { cwd, sub };
}

const byFile = (r: Awaited<ReturnType<typeof validateInputs>>) => Object.fromEntries(r.files.map((f) => [f.file, f]));

describe('links and loops', () => {
  it('a link to the folder itself (ln -s . loop): every workbook read once, the loop reported once', async () => {
    const { cwd, sub } = copyOfSubmissions();
    symlinkSync('.', path.join(sub, 'loop'));
    const r = await validateInputs(project, ['kiriman OPD'], { cwd, jobs: 1 });
    expect(r.summary.submissions).toBe(27);
    expect(r.diagnostics.filter((d) => d.code === 'KLA-E301')).toEqual([]);
    expect(r.diagnostics.filter((d) => d.code === 'KLA-I017').map((d) => [d.location.file, d.params])).toEqual([['kiriman OPD/loop', { kind: 'folder', first: path.join(cwd, 'kiriman OPD') }]]);
    expect(byFile(r)['kiriman OPD/loop']).toMatchObject({ status: 'skipped', reason: 'KLA-I017' });
  });

  it('a link to the parent (ln -s .. up) walks the parent once and does not come back down', async () => {
    const { cwd, sub } = copyOfSubmissions();
    writeFileSync(path.join(cwd, 'catatan rapat.txt'), 'bukan lembar kerja');
    symlinkSync('..', path.join(sub, 'up'));
    const r = await validateInputs(project, ['kiriman OPD'], { cwd, jobs: 1 });
    expect(r.summary.submissions).toBe(27);
    // 27 OPD workbooks, the DPPPA's profile workbook and matrix, then the note and the link.
    expect(r.files).toHaveLength(27 + 2 + 2);
    expect(byFile(r)['kiriman OPD/up/catatan rapat.txt']).toMatchObject({ status: 'skipped', reason: 'KLA-I013' });
    expect(byFile(r)['kiriman OPD/up/kiriman OPD']).toMatchObject({ status: 'skipped', reason: 'KLA-I017' });
  });

  it('links to each other, to themselves and to nothing end the walk with one note each', async () => {
    const { cwd, sub } = copyOfSubmissions();
    symlinkSync('b', path.join(sub, 'a'));
    symlinkSync('a', path.join(sub, 'b'));
    symlinkSync('sendiri', path.join(sub, 'sendiri'));
    symlinkSync('tidak ada.xlsx', path.join(sub, 'tautan rusak.xlsx'));
    // Two links to one workbook: it is read once.
    symlinkSync('Jawaban KLA 2026 Dinkes (revisi 2).xlsx', path.join(sub, 'salinan Dinkes.xlsx'));
    const r = await validateInputs(project, ['kiriman OPD'], { cwd, jobs: 1 });
    const f = byFile(r);
    expect(r.summary.submissions).toBe(27);
    expect(f['kiriman OPD/a']).toMatchObject({ status: 'skipped', reason: 'KLA-I018' });
    expect(f['kiriman OPD/b']).toMatchObject({ status: 'skipped', reason: 'KLA-I018' });
    expect(f['kiriman OPD/sendiri']).toMatchObject({ status: 'skipped', reason: 'KLA-I018' });
    expect(f['kiriman OPD/tautan rusak.xlsx']).toMatchObject({ status: 'skipped', reason: 'KLA-I018' });
    expect(r.diagnostics.filter((d) => d.code === 'KLA-I018').map((d) => d.params.kind).sort()).toEqual(['broken-link', 'link-loop', 'link-loop', 'link-loop']);
    const dup = r.diagnostics.filter((d) => d.code === 'KLA-I017');
    expect(dup).toHaveLength(1);
    expect(r.diagnostics.filter((d) => d.code === 'KLA-E301')).toEqual([]);
  });

  it('a glob pattern over a folder with a loop ends, with each workbook once', async () => {
    const { cwd, sub } = copyOfSubmissions();
    symlinkSync('.', path.join(sub, 'loop'));
    const r = await validateInputs(project, ['kiriman OPD/**/*.xlsx'], { cwd, jobs: 1 });
    expect(r.summary.submissions).toBe(27);
    expect(r.files).toHaveLength(27 + 2); // and the profile and the matrix
  });

  it('a socket in the folder is skipped and reported, not read', async () => {
    const { cwd, sub } = copyOfSubmissions();
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(path.join(sub, 'soket.xlsx'), resolve));
    try {
      const r = await validateInputs(project, ['kiriman OPD'], { cwd, jobs: 1 });
      expect(byFile(r)['kiriman OPD/soket.xlsx']).toMatchObject({ status: 'skipped', reason: 'KLA-I018' });
      expect(r.diagnostics.find((d) => d.code === 'KLA-I018')?.params).toEqual({ kind: 'socket' });
      expect(r.summary.submissions).toBe(27);
    } finally {
      server.close();
    }
  });
});

describe('a bound on what a walk looks at', () => {
  it('refuses a tree with more entries than the bound, naming the inputs', async () => {
    const cwd = tmpDir('kla-walk-many-');
    for (let d = 0; d < 6; d++) {
      mkdirSync(path.join(cwd, 'arsip', `folder ${d}`), { recursive: true });
      for (let i = 0; i < 10; i++) writeFileSync(path.join(cwd, 'arsip', `folder ${d}`, `catatan ${i}.txt`), '');
    }
    const e = await refusalOfAsync(() => expandInputs(['arsip'], cwd, 50));
    expect(e.code).toBe('KLA-E533');
    expect(e.diagnostics[0]!.params).toEqual({ inputs: ['arsip'], limit: 50 });
    // Within the bound the same tree is walked.
    expect((await expandInputs(['arsip'], cwd, 100)).files).toHaveLength(60);
  });

  it('the bound also holds for loops that keep a walk going', async () => {
    const cwd = tmpDir('kla-walk-loops-');
    // Each folder links to every other: without the identity check the walk never ends.
    for (let d = 0; d < 5; d++) mkdirSync(path.join(cwd, 'lingkaran', `f${d}`), { recursive: true });
    for (let d = 0; d < 5; d++) for (let e = 0; e < 5; e++) if (d !== e) symlinkSync(`../f${e}`, path.join(cwd, 'lingkaran', `f${d}`, `ke f${e}`));
    writeFileSync(path.join(cwd, 'lingkaran', 'f3', 'Dinkes.xlsx'), '');
    const r = await expandInputs(['lingkaran'], cwd);
    expect(r.files.filter((f) => f.skip).map((f) => f.skip?.code)).toEqual(Array(20).fill('KLA-I017'));
    // The workbook under its own folder, not under a link to it.
    expect(r.files.filter((f) => !f.skip).map((f) => f.display)).toEqual(['lingkaran/f3/Dinkes.xlsx']);
  });
});

/**
 * Run the CLI as a user who is not root (as root, chmod 000 makes nothing
 * unreadable). When the tests themselves do not run as root, they are that user.
 */
function klaUnprivileged(args: string[], cwd: string) {
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', CI: '1', HOME: cwd },
    maxBuffer: 64 * 1024 * 1024,
    ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
  });
}

describe('files and folders kla may not read', () => {
  it('a file without read permission is "no permission" (KLA-E014), not damaged; a closed folder is reported', () => {
    const cwd = tmpDir('kla-perm-');
    chmodSync(cwd, 0o755);
    const proj = path.join(cwd, 'proyek');
    cpSync(example, proj, { recursive: true, filter: (src) => !src.includes(`${path.sep}output`) && !src.includes(`${path.sep}invalid`) });
    const sub = path.join(proj, 'submissions');
    const locked = path.join(sub, 'terkunci');
    mkdirSync(locked);
    copyFileSync(path.join(SUBMISSIONS, 'DLH KLA 2026.xlsx'), path.join(locked, 'DLH salinan.xlsx'));
    for (const f of readdirSync(proj, { recursive: true, withFileTypes: true })) chmodSync(path.join(f.parentPath, f.name), f.isDirectory() ? 0o755 : 0o644);
    chmodSync(proj, 0o755);
    chmodSync(path.join(sub, 'DLH KLA 2026.xlsx'), 0o000);
    chmodSync(locked, 0o000);

    const r = klaUnprivileged(['validate', '--format', 'json'], proj);
    expect(r.stderr).not.toMatch(/\n\s+at\s/);
    const report = JSON.parse(r.stdout) as { files: { file: string; status: string; reason?: string }[]; diagnostics: { code: string; location: { file: string }; message: string }[] };
    expect(report.files.find((f) => f.file === 'submissions/DLH KLA 2026.xlsx')).toMatchObject({ status: 'unreadable', reason: 'KLA-E014' });
    expect(report.files.find((f) => f.file === 'submissions/terkunci')).toMatchObject({ status: 'skipped', reason: 'KLA-W019' });
    expect(report.diagnostics.filter((d) => d.code === 'KLA-E002')).toEqual([]);
    // The library's words (EACCES …) are in the parameters for the record, never in the message.
    for (const d of report.diagnostics) expect(d.message).not.toMatch(/EACCES|EPERM|errno/);
    expect(r.status).toBe(1);
  });
});
