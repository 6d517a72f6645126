/**
 * The install for staff, as the README gives it: the project packed into one
 * file, installed globally (here into a temporary prefix, offline: every
 * dependency is inside the package), and the installed `kla` run from a
 * folder far from the checkout, with spaces in its name, as a DPPPA keeps its
 * project. Also the install from the checkout.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root } from './helpers/cli.js';
import { shellCommands } from './helpers/shell.js';

const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string };
const tarball = `${pkg.name}-${pkg.version}.tgz`;
const win = process.platform === 'win32';

/** The README's install commands, by what they do. */
function readmeInstall(): { link: string[]; pack: string[]; install: string[] } {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Install'), readme.indexOf('## Commands'));
  const cmds = [...section.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].flatMap((m) => m[1]!.split('\n').flatMap((l) => shellCommands(l).map((c) => c.words)));
  const find = (pred: (w: string[]) => boolean) => cmds.find(pred) ?? [];
  return {
    link: find((w) => w[1] === 'install' && w.includes('.')),
    pack: find((w) => w[1] === 'pack'),
    install: find((w) => w[1] === 'install' && w.some((a) => a.endsWith('.tgz'))),
  };
}

/** npm as a user runs it, its log kept out of the user's folders. */
function npm(args: string[], cwd: string, logs: string) {
  const r = spawnSync(win ? 'npm.cmd' : 'npm', [...args, '--no-audit', '--no-fund', '--logs-dir', logs], {
    cwd,
    encoding: 'utf8',
    shell: win,
    env: { ...process.env, npm_config_update_notifier: 'false' },
    timeout: 300_000,
  });
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

/** The installed command of a global prefix, as PATH would find it. */
const installed = (prefix: string) => (win ? path.join(prefix, 'kla.cmd') : path.join(prefix, 'bin', 'kla'));

function run(bin: string, args: string[], cwd: string) {
  const r = spawnSync(bin, args, { cwd, encoding: 'utf8', shell: win, env: { ...process.env, NO_COLOR: '1', CI: '1', npm_lifecycle_event: undefined } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('installing kla for staff', () => {
  it('the README names the package file npm pack writes', () => {
    const r = readmeInstall();
    expect(r.pack).toEqual(['npm', 'pack']);
    expect(r.install).toEqual(['npm', 'install', '-g', tarball]);
    expect(r.link).toEqual(['npm', 'install', '-g', '.']);
  });

  it('packed, installed offline into a prefix, kla runs from any folder: --version, init, the printed next step, validate and build', () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'kla-install-'));
    const logs = path.join(work, 'npm-logs');
    const { pack, install } = readmeInstall();
    // dist/ is built by the test setup; rebuilding it here (prepare) would race the tests that run it.
    const packed = npm([...pack.slice(1), '--ignore-scripts', '--pack-destination', work], root, logs);
    expect(packed.code, packed.out).toBe(0);
    expect(readdirSync(work)).toContain(tarball);

    const prefix = path.join(work, 'global prefix');
    const done = npm([...install.slice(1), '--prefix', prefix, '--offline'], work, logs);
    expect(done.code, done.out).toBe(0);
    const kla = installed(prefix);
    expect(existsSync(kla)).toBe(true);

    const home = path.join(work, 'Dokumen DPPPA (2026)');
    mkdirSync(home);
    const version = run(kla, ['--version'], home);
    expect(version.code, version.stderr).toBe(0);
    expect(version.stdout.trim()).toBe(pkg.version);

    const init = run(kla, ['init', 'KLA Tebo 2026', '--district', 'Kabupaten Tebo', '--province', 'Jambi', '--year', '2026'], home);
    expect(init.code, init.stderr).toBe(0);
    const next = init.stdout.split('\n').find((l) => /^\s+kla template /.test(l))!;
    const { words } = shellCommands(next.trim())[0]!;
    const template = run(kla, words.slice(1), home);
    expect(template.code, template.stderr).toBe(0);
    expect(readdirSync(path.join(home, 'KLA Tebo 2026', 'templates')).length).toBeGreaterThan(20);

    // The example district, kept far from the checkout: the package carries the catalog, templates and fonts.
    const example = path.join(home, 'KLA Merangin 2026');
    cpSync(path.join(root, 'fixtures', 'merangin'), example, { recursive: true, filter: (src) => !src.includes(`${path.sep}output`) });
    const validate = run(kla, ['validate'], example);
    expect(validate.code, validate.stderr).toBe(0);
    const build = run(kla, ['build'], example);
    expect(build.code, build.stderr).toBe(0);
    expect(readFileSync(path.join(example, 'output', 'dokumen-kla-2026.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    // What runs is the installed package, not this checkout.
    const where = path.join(prefix, win ? '' : 'lib', 'node_modules', 'kla');
    expect(existsSync(path.join(where, 'dist', 'cli', 'main.js'))).toBe(true);
    // The help says where the staff guide is, and it is there, in the installed package.
    const help = run(kla, ['--help'], home);
    const guide = help.stdout.trimEnd().split('\n').pop()!.trim();
    expect(guide).toBe(path.join(where, 'docs', 'panduan.md'));
    expect(readFileSync(guide, 'utf8')).toMatch(/^# Panduan kla untuk DPPPA/);
    expect(existsSync(path.join(where, 'src'))).toBe(false);
  }, 600_000);

  it('from the checkout, npm install -g . puts kla on PATH, running the checkout', () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'kla-install-link-'));
    const { link } = readmeInstall();
    const prefix = path.join(work, 'prefix');
    // --ignore-scripts: dist/ is built already, and rebuilding it would race the other tests.
    const done = npm([...link.slice(1), '--prefix', prefix, '--offline', '--ignore-scripts'], root, path.join(work, 'logs'));
    expect(done.code, done.out).toBe(0);
    const r = run(installed(prefix), ['--version'], work);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
    expect(realpathSync(path.join(prefix, win ? '' : 'lib', 'node_modules', 'kla'))).toBe(realpathSync(root));
  }, 300_000);
});
