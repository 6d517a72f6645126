import { describe, expect, it } from 'vitest';
import { mkdtempSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { kla } from './helpers/cli.js';

describe('the kla executable', () => {
  it('lists its commands in Indonesian, and in English on request', () => {
    const r = kla(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['init', 'template', 'validate', 'score', 'build']) expect(r.stdout).toContain(c);
    expect(r.stdout).toContain('membuat folder proyek');
    const en = kla(['--lang', 'en', '--help']);
    expect(en.stdout).toContain('create a new district project folder');
  });

  it('prints its version', () => {
    const r = kla(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('exits 2 on usage errors, without a stack trace', () => {
    for (const args of [['tidak-ada'], ['init'], ['validate', '--format', 'xml'], ['--lang', 'fr', 'init', 'x']]) {
      const r = kla(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('init creates a project; a second init on it fails with a clear message', () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'kla-cli-')), 'Kab Contoh (2026)');
    const r = kla(['init', dir, '--district', 'Merangin', '--province', 'Jambi', '--year', '2026']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Proyek dibuat');
    expect(existsSync(path.join(dir, 'kla.config.json'))).toBe(true);
    const again = kla(['init', dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('sudah berisi kla.config.json');
    expect(again.stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects a year that is not a year', () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'kla-cli-')), 'p');
    const r = kla(['init', dir, '--year', '26']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--year harus tahun empat digit');
  });

  it('reports a broken config of the project it runs in, naming the file', () => {
    const r = kla(['template', '--project', path.join(os.tmpdir(), 'tidak-ada-proyek-kla')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('kla.config.json tidak ditemukan');
  });
});
