import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { initProject } from '../src/project/init.js';
import { findProjectDir, loadProject } from '../src/project/config.js';
import { KlaError } from '../src/i18n.js';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'kla-proj-'));

function errorText(f: () => unknown, lang: 'id' | 'en' = 'id'): string {
  try {
    f();
  } catch (e) {
    if (e instanceof KlaError) return e.render(lang);
    throw e;
  }
  throw new Error('expected a KlaError');
}

describe('kla init', () => {
  it('creates a loadable project with its folders, mapping every question to an OPD', () => {
    const dir = path.join(tmp(), 'Kabupaten Contoh (uji)');
    const r = initProject({ dir, district: 'Merangin', province: 'Jambi', year: 2026 });
    for (const f of ['templates', 'submissions', 'evidence', 'output']) expect(existsSync(path.join(dir, f))).toBe(true);
    const p = loadProject(dir);
    expect(p.districtName).toBe('Kabupaten Merangin');
    expect(p.config.year).toBe(2026);
    expect(r.config.opds.length).toBeGreaterThanOrEqual(25);
    for (const q of p.catalog.questionList) expect(p.opdsForQuestion(q.id).length, q.id).toBeGreaterThan(0);
    const counted = new Set(p.config.opds.flatMap((o) => p.questionsForOpd(o.code).map((q) => q.id)));
    expect(counted.size).toBe(274);
  });

  it('recognises OPDs by code, name and alias regardless of case and spacing', () => {
    const dir = tmp();
    initProject({ dir, district: 'Merangin', province: 'Jambi', year: 2026 });
    const p = loadProject(dir);
    expect(p.findOpd('DUKCAPIL')?.code).toBe('DUKCAPIL');
    expect(p.findOpd('capil')?.code).toBe('DUKCAPIL');
    expect(p.findOpd('Dinas  Kesehatan')?.code).toBe('DINKES');
    expect(p.findOpd('jdih')?.code).toBe('HUKUM');
    expect(p.findOpd('Dinas Rahasia')).toBeUndefined();
  });

  it('refuses to overwrite an existing project', () => {
    const dir = tmp();
    initProject({ dir, district: 'Merangin', province: 'Jambi', year: 2026 });
    const before = readFileSync(path.join(dir, 'kla.config.json'), 'utf8');
    expect(errorText(() => initProject({ dir }))).toMatch(/sudah berisi kla.config.json/);
    expect(readFileSync(path.join(dir, 'kla.config.json'), 'utf8')).toBe(before);
  });

  it('finds the project from a subfolder', () => {
    const dir = tmp();
    initProject({ dir, district: 'Merangin', province: 'Jambi', year: 2026 });
    const sub = path.join(dir, 'submissions', 'gelombang 1');
    mkdirSync(sub, { recursive: true });
    expect(findProjectDir(sub)).toBe(dir);
  });
});

describe('config validation names the key and the problem', () => {
  function withConfig(change: (c: Record<string, any>) => void): string {
    const dir = tmp();
    initProject({ dir, district: 'Merangin', province: 'Jambi', year: 2026 });
    const file = path.join(dir, 'kla.config.json');
    const c = JSON.parse(readFileSync(file, 'utf8'));
    change(c);
    writeFileSync(file, JSON.stringify(c));
    return dir;
  }

  it('missing and wrongly typed keys', () => {
    const dir = withConfig((c) => {
      delete c.district.province;
      c.year = '2026';
    });
    const t = errorText(() => loadProject(dir));
    expect(t).toContain('"district.province" wajib diisi.');
    expect(t).toContain('"year" harus berupa angka.');
    expect(errorText(() => loadProject(dir), 'en')).toContain('"district.province" is required.');
  });

  it('a malformed NIP and an unknown key', () => {
    const dir = withConfig((c) => {
      c.signatories.coordinator.nip = '1980 0101';
      c.logo = 'logo.png';
    });
    const t = errorText(() => loadProject(dir));
    expect(t).toContain('"signatories.coordinator.nip" harus 18 digit angka NIP.');
    expect(t).toContain('kunci yang tidak dikenal: logo');
  });

  it('an OPD mapped onto a source the catalog does not know', () => {
    const dir = withConfig((c) => c.opds[0].sources.push('Dinas Rahasia'));
    expect(errorText(() => loadProject(dir))).toContain('sumber "Dinas Rahasia" tidak ada dalam katalog kla-2024');
  });

  it('the same code or alias for two OPDs', () => {
    const dup = withConfig((c) => void (c.opds[1].code = c.opds[0].code));
    expect(errorText(() => loadProject(dup))).toContain('"opds[1].code": kode OPD "DPPPA" dipakai lebih dari sekali.');
    const alias = withConfig((c) => void c.opds[2].aliases.push('Dinkes'));
    expect(errorText(() => loadProject(alias))).toContain('"opds[2]": nama atau alias "Dinkes" juga dipakai oleh OPD DINKES.');
  });

  it('questions that no OPD answers', () => {
    const dir = withConfig((c) => {
      c.opds = c.opds.filter((o: { code: string }) => o.code !== 'DISHUB');
    });
    const t = errorText(() => loadProject(dir));
    expect(t).toMatch(/pertanyaan tidak dijawab OPD mana pun \(11\.5, 11\.6, 11\.7\)/);
    expect(t).toContain('Dishub');
  });

  it('a config that is not JSON', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'kla.config.json'), '{ "year": 2026, }');
    expect(errorText(() => loadProject(dir))).toMatch(/bukan JSON yang sah/);
  });
});

describe('a config written in YAML', () => {
  /** The JSON config of a fresh project rewritten as YAML with comments, as staff would keep it. */
  function yamlProject(change: (yaml: string) => string = (y) => y): string {
    const dir = tmp();
    initProject({ dir, district: 'Merangin', province: 'Jambi', year: 2026 });
    const json = JSON.parse(readFileSync(path.join(dir, 'kla.config.json'), 'utf8'));
    rmSync(path.join(dir, 'kla.config.json'));
    const opds = json.opds
      .map((o: { code: string; name: string; aliases: string[]; sources: string[] }) =>
        [`  - code: ${o.code}`, `    name: "${o.name}"`, `    aliases: ${JSON.stringify(o.aliases)}`, `    sources: ${JSON.stringify(o.sources)}`].join('\n'),
      )
      .join('\n');
    const yaml = [
      '# Konfigurasi KLA Kabupaten Merangin',
      'schemaVersion: 1',
      'district:',
      '  kind: kabupaten',
      '  name: Merangin',
      '  province: Jambi',
      'year: 2026 # tahun yang dievaluasi',
      'catalog: kla-2024',
      'opds:',
      opds,
      'signatories:',
      '  head: { title: "Bupati Merangin", name: "Nama Bupati" }',
      '  coordinator: { title: "Kepala DPPPA", name: "Nama Kepala Dinas" }',
      '',
    ].join('\n');
    writeFileSync(path.join(dir, 'kla.config.yaml'), change(yaml));
    return dir;
  }

  it('loads like the JSON one and is found from a subfolder', () => {
    const dir = yamlProject();
    const p = loadProject(dir);
    expect(p.configFile.endsWith('kla.config.yaml')).toBe(true);
    expect(p.districtName).toBe('Kabupaten Merangin');
    expect(p.config.opds.length).toBeGreaterThanOrEqual(25);
    expect(p.findOpd('capil')?.code).toBe('DUKCAPIL');
    const sub = path.join(dir, 'submissions');
    expect(findProjectDir(sub)).toBe(dir);
  });

  it('a YAML syntax error names the file, line and column', () => {
    const dir = yamlProject((y) => y.replace('  province: Jambi', '  province: [Jambi'));
    const t = errorText(() => loadProject(dir));
    expect(t).toContain('kla.config.yaml bukan YAML yang sah (baris');
  });

  it('schema problems are named by key, as for JSON', () => {
    const dir = yamlProject((y) => y.replace('year: 2026 # tahun yang dievaluasi', 'year: dua ribu dua puluh enam'));
    expect(errorText(() => loadProject(dir))).toContain('"year" harus berupa angka.');
  });

  it('two config files in one folder are refused, and init does not add a second one', () => {
    const dir = yamlProject();
    expect(errorText(() => initProject({ dir }))).toMatch(/sudah berisi kla.config.yaml/);
    writeFileSync(path.join(dir, 'kla.config.json'), '{}');
    expect(errorText(() => loadProject(dir))).toMatch(/lebih dari satu berkas konfigurasi/);
  });
});
