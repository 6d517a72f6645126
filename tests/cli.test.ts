import { describe, expect, it } from 'vitest';
import { mkdtempSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { bin, kla } from './helpers/cli.js';
import { shellCommands } from './helpers/shell.js';
import { memoryContext } from '../src/cli/context.js';
import runInit from '../src/cli/commands/init.js';
import { KlaError } from '../src/diagnostics/index.js';
import { shellArg } from '../src/cli/shell.js';
import { buildProgram, detectLang, main } from '../src/cli/main.js';

const COMMANDS = ['init', 'template', 'validate', 'score', 'build'];
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'kla-cli-'));

/** What commander itself writes in its help (headings, placeholders, notes on values). */
const COMMANDER_WORDS = /\b(Usage|Options|Commands|Arguments|Global Options|choices|default|preset|env)\b:?|\[options\]|\[command\]|display help|output the version/;
/** Words of kla's Indonesian help that an English page must not show. */
const INDONESIAN_WORDS = /\b(Penggunaan|Keterangan|Argumen|Opsi|Perintah|Contoh|pilihan|bawaan|berkas|tampilkan|membuat|menghitung|tanpa|dapat diulang|ditanyakan)\b/;

/** The help pages of kla and of each command, as the CLI prints them (in-process: the same code as bin/kla runs). */
async function pages(lang: string[]): Promise<{ code: number; stdout: string }[]> {
  const out = [];
  for (const args of [['--help'], ...COMMANDS.map((c) => [c, '--help'])]) {
    const argv = [...lang, ...args];
    const ctx = memoryContext(detectLang(argv, {}));
    out.push({ code: await main(argv, ctx), stdout: ctx.stdout });
  }
  return out;
}

const examplesOf = (page: string) =>
  (page.split(/^(?:Contoh|Examples):$/m)[1] ?? '')
    .split('\n')
    .filter((l) => l.startsWith('    kla '))
    .map((l) => shellCommands(l.trim())[0]!.words.slice(1));

describe('help', () => {
  it('lists every command, in Indonesian without one English word of commander, with examples', async () => {
    for (const r of await pages([])) {
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(COMMANDER_WORDS);
      expect(r.stdout).toMatch(/^Penggunaan: kla/);
      expect(examplesOf(r.stdout).length).toBeGreaterThanOrEqual(2);
    }
    const root = kla(['--help']);
    expect(root.code).toBe(0);
    for (const c of COMMANDS) expect(root.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
    // The main page ends with where the staff guide is on this machine.
    const guide = /Panduan langkah demi langkah untuk petugas DPPPA:\n {2}(.+)\n$/.exec(root.stdout)?.[1];
    expect(guide && existsSync(guide), root.stdout).toBe(true);
  });

  it('is wholly English with --lang en, whichever place --lang takes', async () => {
    for (const r of [...(await pages(['--lang', 'en'])), kla(['validate', '--help', '--lang', 'en']), kla(['init', '--help'], { env: { KLA_LANG: 'en' } })]) {
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Usage: kla/);
      expect(r.stdout).not.toMatch(INDONESIAN_WORDS);
      expect(examplesOf(r.stdout).length).toBeGreaterThanOrEqual(2);
    }
  });

  it('every example in the help is a command line kla accepts', async () => {
    const pagesBoth = [...(await pages([])), ...(await pages(['--lang', 'en']))];
    const examples = pagesBoth.flatMap((p) => examplesOf(p.stdout));
    expect(examples.length).toBeGreaterThanOrEqual(30);
    for (const words of examples) {
      // Parsed by the real program; the command itself is not run. An unknown option or a missing argument throws.
      let ran: string | undefined;
      const program = buildProgram('id', async (name) => void (ran = name), { out: () => undefined, err: () => undefined });
      await program.parseAsync(words, { from: 'user' });
      expect(ran, words.join(' ')).toBe(words[0]);
    }
  });

  it('suggests the command or option meant by a typo, with a usage code and exit 2', () => {
    const cmd = kla(['valdate']);
    expect(cmd.code).toBe(2);
    expect(cmd.stderr).toContain('[KLA-E501]');
    expect(cmd.stderr).toContain('validate');
    const opt = kla(['validate', '--formt', 'json']);
    expect(opt.code).toBe(2);
    expect(opt.stderr).toContain('[KLA-E502]');
    expect(opt.stderr).toContain('--format');
    expect(opt.stderr).toContain('kla validate --help');
  });
});

describe('the kla executable', () => {
  it('prints its version', () => {
    const r = kla(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('on a Node.js older than 20 says so and how to fix it, before loading anything, in the language asked for', () => {
    // Node.js 18 as a staff laptop may still have it: the version is what the process reports.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kla-node18-'));
    const preload = path.join(dir, 'node 18.cjs');
    writeFileSync(preload, 'Object.defineProperty(process.versions, "node", { value: "18.19.0" });\n');
    const run = (args: string[]) => spawnSync(process.execPath, ['--require', preload, bin, ...args], { encoding: 'utf8', env: { ...process.env, KLA_LANG: undefined } });
    const id = run(['validate']);
    expect(id.status).toBe(2);
    expect(id.stderr).toBe('kla memerlukan Node.js versi 20 atau yang lebih baru, sedangkan yang terpasang di komputer ini versi 18.19.0. Mohon pasang Node.js versi terbaru (LTS) dari https://nodejs.org, lalu ulangi perintahnya.\n');
    const en = run(['--lang', 'en', 'validate']);
    expect([en.status, en.stderr]).toEqual([2, expect.stringMatching(/^kla needs Node\.js 20 or newer, and this computer has version 18\.19\.0\. /)]);
  });

  it('exits 2 on usage errors, without a stack trace', () => {
    for (const [args, code] of [
      [['tidak-ada'], 'KLA-E501'],
      [['init'], 'KLA-E503'],
      [['validate', '--format', 'xml'], 'KLA-E505'],
      [['--lang', 'fr', 'init', 'x'], 'KLA-E505'],
    ] as const) {
      const r = kla([...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(`[${code}]`);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    // A value a slip away from a choice, or in other case, proposes it; one that is no choice at all names them.
    expect(kla(['validate', '--format', 'jsno']).stderr).toContain('Nilai "jsno" untuk opsi -f, --format <format> tidak sah. Mungkin maksud Anda: json? Pilihan yang tersedia: pretty, json, junit, dan github.');
    expect(kla(['validate', '--format', 'JSON']).stderr).toContain('Mungkin maksud Anda: json?');
    expect(kla(['validate', '--format', 'xml']).stderr).not.toContain('Mungkin');
  });

  it('init creates a project; a second init on it is refused before anything is asked', () => {
    const dir = path.join(tmp(), 'Kab Contoh (2026)');
    const r = kla(['init', dir, '--district', 'Merangin', '--province', 'Jambi', '--year', '2026']);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(path.join(dir, 'kla.config.json'))).toBe(true);
    const again = kla(['init', dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('[KLA-E406]');
    expect(again.stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects a year that is not a year', () => {
    const r = kla(['init', path.join(tmp(), 'p'), '--year', '26', '--district', 'Merangin', '--province', 'Jambi']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('[KLA-E507]');
  });

  it('reports a missing project, naming the config file', () => {
    const r = kla(['template', '--project', path.join(os.tmpdir(), 'tidak-ada-proyek-kla')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('[KLA-E401]');
    expect(r.stderr).toContain('kla.config.json');
  });
});

describe('kla init', () => {
  it('understands "Kabupaten X" and "Kota X" as kind and name', () => {
    for (const [given, kind, name] of [
      ['Kabupaten Tebo', 'kabupaten', 'Tebo'],
      ['Kab. Tanjung Jabung Barat', 'kabupaten', 'Tanjung Jabung Barat'],
      ['Kota Jambi', 'kota', 'Jambi'],
      ['kota  Sungai Penuh ', 'kota', 'Sungai Penuh'],
      ['Merangin', 'kabupaten', 'Merangin'],
    ] as const) {
      const dir = path.join(tmp(), 'p');
      const r = kla(['init', dir, '--district', given, '--province', 'Jambi']);
      expect(r.code, r.stderr).toBe(0);
      const c = JSON.parse(readFileSync(path.join(dir, 'kla.config.json'), 'utf8'));
      expect(c.district, given).toMatchObject({ kind, name, province: 'Jambi' });
      expect(c.signatories.head.title).toBe(`${kind === 'kota' ? 'Wali Kota' : 'Bupati'} ${name}`);
    }
    const clash = kla(['init', path.join(tmp(), 'p'), '--district', 'Kota Jambi', '--kind', 'kabupaten', '--province', 'Jambi']);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain('[KLA-E510]');
  });

  it('without a terminal, refuses a missing district or province instead of guessing them, and creates nothing', () => {
    for (const [args, missing] of [
      [[], ['--district', '--province']],
      [['--district', 'Kabupaten Tebo'], ['--province']],
      [['--province', 'Jambi'], ['--district']],
    ] as const) {
      const dir = path.join(tmp(), 'KLA Tebo 2026');
      const r = kla(['init', dir, ...args, '--lang', 'en']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('[KLA-E509]');
      for (const m of missing) expect(r.stderr).toContain(m);
      expect(existsSync(dir)).toBe(false);
    }
  });

  it('on a terminal, asks for what is missing', async () => {
    const cwd = tmp();
    const ctx = memoryContext('id', cwd, {}, ['Kota Sungai Penuh', 'Jambi']);
    expect(await runInit(['KLA Sungai Penuh'], {}, ctx)).toBe(0);
    const c = JSON.parse(readFileSync(path.join(cwd, 'KLA Sungai Penuh', 'kla.config.json'), 'utf8'));
    expect(c.district).toMatchObject({ kind: 'kota', name: 'Sungai Penuh', province: 'Jambi' });
    // An empty answer is no answer: refused, not made up.
    const blank = memoryContext('id', cwd, {}, ['', '']);
    const e = await runInit(['lain'], {}, blank).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(KlaError);
    expect((e as KlaError).code).toBe('KLA-E509');
  });

  it('prints next steps whose commands work as typed, for a folder with spaces and parentheses', () => {
    const cwd = tmp();
    const r = kla(['init', 'KLA Tebo (uji) 2026', '--district', 'Kabupaten Tebo', '--province', 'Jambi', '--year', '2026'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    const commands = r.stdout.split('\n').filter((l) => /^\s+kla /.test(l)).map((l) => shellCommands(l.trim())[0]!.words);
    expect(commands.map((w) => w[1])).toEqual(['template', 'validate', 'feedback', 'build']);
    // The first step the user takes after init: run it exactly as printed.
    const template = kla(commands[0]!.slice(1), { cwd });
    expect(template.code, template.stderr).toBe(0);
    // One template per OPD, and the DPPPA's profile workbook.
    expect(readdirSync(path.join(cwd, 'KLA Tebo (uji) 2026', 'templates')).filter((n) => n.endsWith('.xlsx')).length).toBe(27 + 1);
    // Checking before any OPD has answered: refused, naming the folder as the user knows it, not the full path.
    const early = kla(commands[1]!.slice(1), { cwd });
    expect(early.code).toBe(2);
    expect(early.stderr).toContain('[KLA-E517]');
    expect(early.stderr).toContain(': KLA Tebo (uji) 2026/submissions.');
    expect(early.stderr).not.toContain(cwd);
    // The feedback step finds the project and asks first for the letter settings, showing the lines to add.
    const letters = kla(commands[2]!.slice(1), { cwd });
    expect(letters.stderr).toContain('[KLA-E801]');
    expect(letters.stderr).toContain('"letters": { "date": "2026-02-16"');
  });

  it('warns of a province that is not one of the 38, naming the config key, and still creates the project', async () => {
    const cwd = tmp();
    const ctx = memoryContext('id', cwd);
    expect(await runInit(['KLA Tebo'], { district: 'Tebo', province: 'Jmabi' }, ctx)).toBe(0);
    expect(ctx.stderr).toBe('"district.province": "Jmabi" bukan nama salah satu dari 38 provinsi. Mohon periksa penulisannya, karena nama provinsi tercetak pada sampul dan kop dokumen. [KLA-W426]\n');
    expect(existsSync(path.join(cwd, 'KLA Tebo', 'kla.config.json'))).toBe(true);
  });

  it('repeats npx in its hints when it was started through npx', async () => {
    const cwd = tmp();
    const ctx = memoryContext('id', cwd, { npm_lifecycle_event: 'npx' });
    await runInit(['KLA Tebo'], { district: 'Tebo', province: 'Jambi' }, ctx);
    expect(ctx.stdout).toMatch(/^\s+npx kla template --project "KLA Tebo"$/m);
  });

  it('asks a kabupaten for its capital in the first step, where the dossier and letters are signed; a kota is signed in its own name', async () => {
    const cwd = tmp();
    const kab = memoryContext('id', cwd);
    await runInit(['KLA Tebo'], { district: 'Kabupaten Tebo', province: 'Jambi' }, kab);
    expect(kab.stdout).toContain('nama penandatangan, ibu kota kabupaten ("profile": { "capital": … }, tempat dokumen dan surat ditandatangani) serta daftar OPD');
    const kota = memoryContext('id', cwd);
    await runInit(['KLA Kota Jambi'], { district: 'Kota Jambi', province: 'Jambi' }, kota);
    expect(kota.stdout).toContain('nama penandatangan serta daftar OPD');
    expect(kota.stdout).not.toContain('ibu kota');
  });
});

describe('shell quoting of hints', () => {
  it.each([
    ['templates', 'templates', 'templates'],
    ['KLA Tebo 2026', '"KLA Tebo 2026"', '"KLA Tebo 2026"'],
    ['Dinkes (revisi 2).xlsx', '"Dinkes (revisi 2).xlsx"', '"Dinkes (revisi 2).xlsx"'],
    ["KLA O'Brien $HOME", `'KLA O'\\''Brien $HOME'`, `"KLA O'Brien $HOME"`],
    ['C:\\KLA\\Tebo', `'C:\\KLA\\Tebo'`, 'C:\\KLA\\Tebo'],
  ])('%j', (arg, posix, windows) => {
    expect(shellArg(arg, 'linux')).toBe(posix);
    expect(shellArg(arg, 'win32')).toBe(windows);
    expect(shellCommands(`kla ${shellArg(arg, 'linux')}`)[0]!.words).toEqual(['kla', arg]);
  });
});
