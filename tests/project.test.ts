import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { initProject } from '../src/project/init.js';
import { findProjectDir, loadProject, findOpd, opdsForQuestion, questionsForOpd } from '../src/project/config.js';
import { formatRefusal } from '../src/diagnostics/index.js';
import { catalogsDir } from '../src/paths.js';
import { placesOf, refusalOf } from './helpers/refusal.js';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'kla-proj-'));

describe('kla init', () => {
  it('creates a loadable project with its folders, mapping every question to an OPD', () => {
    const dir = path.join(tmp(), 'Kabupaten Contoh (uji)');
    const r = initProject({ dir, district: 'Merangin', province: 'Jambi', year: 2026 });
    for (const f of ['templates', 'submissions', 'evidence', 'output']) expect(existsSync(path.join(dir, f))).toBe(true);
    const p = loadProject(dir);
    expect(p.districtName).toBe('Kabupaten Merangin');
    expect(p.config.year).toBe(2026);
    expect(r.config.opds.length).toBeGreaterThanOrEqual(25);
    for (const q of p.catalog.questionList) expect(opdsForQuestion(p, q.id).length, q.id).toBeGreaterThan(0);
    const counted = new Set(p.config.opds.flatMap((o) => questionsForOpd(p, o.code).map((q) => q.id)));
    expect(counted.size).toBe(274);
  });

  it('recognises OPDs by code, name and alias regardless of case and spacing', () => {
    const dir = tmp();
    initProject({ dir, district: 'Merangin', province: 'Jambi', year: 2026 });
    const p = loadProject(dir);
    expect(findOpd(p, 'DUKCAPIL')?.code).toBe('DUKCAPIL');
    expect(findOpd(p, 'capil')?.code).toBe('DUKCAPIL');
    expect(findOpd(p, 'Dinas  Kesehatan')?.code).toBe('DINKES');
    expect(findOpd(p, 'jdih')?.code).toBe('HUKUM');
    expect(findOpd(p, 'Dinas Rahasia')).toBeUndefined();
  });

  it('writes the district and province as the documents print them, however they were typed', () => {
    const cases: [string, string, { kind: string; name: string; province: string }][] = [
      ['KABUPATEN TEBO', 'Prov. jambi', { kind: 'kabupaten', name: 'Tebo', province: 'Jambi' }],
      ['kab. tanjung jabung barat', 'PROVINSI JAMBI', { kind: 'kabupaten', name: 'Tanjung Jabung Barat', province: 'Jambi' }],
      ['kota bau-bau', 'Sultra', { kind: 'kota', name: 'Bau-Bau', province: 'Sulawesi Tenggara' }],
      ['Kota Jakarta Selatan', 'dki jakarta', { kind: 'kota', name: 'Jakarta Selatan', province: 'DKI Jakarta' }],
      ['Kabupaten Sleman', 'DIY', { kind: 'kabupaten', name: 'Sleman', province: 'Daerah Istimewa Yogyakarta' }],
      ['pangkajene dan kepulauan', 'Provinsi  Sulawesi   Selatan', { kind: 'kabupaten', name: 'Pangkajene dan Kepulauan', province: 'Sulawesi Selatan' }],
      // Mixed case is kept as written; a province that is not one of the 38 too, without its prefix.
      ['Kabupaten Pulau Taliabu', 'Provinsi Maluku Utara Raya', { kind: 'kabupaten', name: 'Pulau Taliabu', province: 'Maluku Utara Raya' }],
    ];
    for (const [district, province, want] of cases) {
      const dir = tmp();
      const r = initProject({ dir, district, province, year: 2026 });
      // Only a province that is not one of the 38 is worth a second look (it goes on the cover).
      expect(r.warnings.map((w) => `${w.code} ${w.location.key}`), province).toEqual(want.province === 'Maluku Utara Raya' ? ['KLA-W426 district.province'] : []);
      const written = JSON.parse(readFileSync(path.join(dir, 'kla.config.json'), 'utf8')) as { district: object; signatories: { head: { title: string } } };
      expect(written.district, district).toEqual(want);
      expect(written.signatories.head.title).toBe(`${want.kind === 'kota' ? 'Wali Kota' : 'Bupati'} ${want.name}`);
      // The district's own vertical offices, named as they name themselves: BNN and Kemenag with the
      // district's full name (BNN Kota Bogor, not "Kabupaten" in a city), Kejaksaan, Polres and
      // Pengadilan Agama with the kabupaten's name alone (Kejaksaan Negeri Merangin) or the kota's.
      const opds = (written as unknown as { opds: { code: string; name: string; letter?: string; head?: string }[] }).opds;
      const full = `${want.kind === 'kota' ? 'Kota' : 'Kabupaten'} ${want.name}`;
      const place = want.kind === 'kota' ? full : want.name;
      const named = Object.fromEntries(opds.filter((o) => o.letter === 'surat-dinas').map((o) => [o.code, [o.name, o.head]]));
      // Vertical and outside bodies get a Surat Dinas, not the Nota Dinas of the Pemda's own offices, addressed to their head.
      expect(named).toEqual({
        KEMENAG: [`Kantor Kementerian Agama ${full}`, undefined],
        KEJARI: [`Kejaksaan Negeri ${place}`, undefined],
        POLRES: [`Kepolisian Resor ${place} (Unit PPA)`, `Kepala Kepolisian Resor ${place}`],
        BNNK: [`Badan Narkotika Nasional ${full}`, undefined],
        FAD: ['Forum Anak Daerah', 'Ketua Forum Anak Daerah'],
        DUNIAUSAHA: ['Forum CSR Dunia Usaha', 'Ketua Forum CSR Dunia Usaha'],
        PA: [`Pengadilan Agama ${place}`, `Ketua Pengadilan Agama ${place}`],
      });
      expect(opds.flatMap((o) => [o.name, o.head ?? '']).join(' ')).not.toMatch(/[{}]|Kabupaten\/Kota/);
      expect(opds.find((o) => o.code === 'DINKES')).not.toHaveProperty('letter');
    }
  });

  it('a config written by hand with "Kabupaten …" in the name or "Provinsi …" in the province does not print them twice', () => {
    const dir = tmp();
    initProject({ dir, district: 'Merangin', province: 'Jambi', year: 2026 });
    const file = path.join(dir, 'kla.config.json');
    const c = JSON.parse(readFileSync(file, 'utf8')) as { district: { name: string; province: string } };
    c.district.name = 'Kabupaten Merangin';
    c.district.province = 'Provinsi Jambi';
    writeFileSync(file, JSON.stringify(c));
    const p = loadProject(dir);
    expect([p.districtName, p.config.district.province]).toEqual(['Kabupaten Merangin', 'Jambi']);
  });

  it('refuses to overwrite an existing project', () => {
    const dir = tmp();
    initProject({ dir, district: 'Merangin', province: 'Jambi', year: 2026 });
    const before = readFileSync(path.join(dir, 'kla.config.json'), 'utf8');
    const e = refusalOf(() => initProject({ dir }));
    expect(e.code).toBe('KLA-E406');
    expect(e.diagnostics[0]!.params.file).toBe('kla.config.json');
    expect(readFileSync(path.join(dir, 'kla.config.json'), 'utf8')).toBe(before);
  });

  it('reads paths written with backslashes, as on Windows, as folders on every system', () => {
    const dir = path.join(tmp(), 'KLA Merangin (salinan)');
    initProject({ dir, district: 'Merangin', province: 'Jambi', year: 2026 });
    const file = path.join(dir, 'kla.config.json');
    const c = JSON.parse(readFileSync(file, 'utf8'));
    c.paths = { templates: 'kirim\\templat', submissions: 'masuk\\gelombang 1', evidence: 'data dukung\\2025', output: 'hasil' };
    mkdirSync(path.join(dir, 'katalog daerah'));
    writeFileSync(path.join(dir, 'katalog daerah', 'katalog (salinan).json'), readFileSync(path.join(catalogsDir, 'kla-2024.json')));
    c.catalog = 'katalog daerah\\katalog (salinan).json';
    writeFileSync(file, JSON.stringify(c));
    const p = loadProject(dir);
    expect(p.paths).toEqual({
      templates: path.join(dir, 'kirim', 'templat'),
      submissions: path.join(dir, 'masuk', 'gelombang 1'),
      evidence: path.join(dir, 'data dukung', '2025'),
      output: path.join(dir, 'hasil'),
    });
    expect(p.catalog.file).toBe(path.join(dir, 'katalog daerah', 'katalog (salinan).json'));
    expect(p.catalog.questionList).toHaveLength(274);
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
    const e = refusalOf(() => loadProject(dir));
    expect(placesOf(e)).toEqual(['KLA-E404', 'KLA-E410 district.province', 'KLA-E411 year']);
    expect(e.diagnostics[2]!.params.expected).toBe('number');
    // The words come from the registry, in both languages, naming the key.
    expect(formatRefusal(e, 'id')).toContain('"district.province" wajib diisi.');
    expect(formatRefusal(e, 'en')).toContain('"district.province" is required.');
  });

  it('a malformed NIP and an unknown key', () => {
    const dir = withConfig((c) => {
      c.signatories.coordinator.nip = '1980 0101';
      c.logo = 'logo.png';
    });
    const e = refusalOf(() => loadProject(dir));
    expect(placesOf(e)).toEqual(['KLA-E404', 'KLA-E415 signatories.coordinator.nip', 'KLA-E416']);
    expect(e.diagnostics[1]!.params.format).toBe('nip');
    expect(e.diagnostics[2]!.params.keys).toEqual(['logo']);
  });

  it('says on which line of kla.config.json each problem is, as Notepad counts lines, for a missing key the line of its section', () => {
    // Laid out over many lines, as kla init writes it and staff edit it.
    const spread = (dir: string) => {
      const file = path.join(dir, 'kla.config.json');
      writeFileSync(file, JSON.stringify(JSON.parse(readFileSync(file, 'utf8')), null, 2));
      return dir;
    };
    const dir = spread(withConfig((c) => {
      c.signatories.coordinator.nip = '1980 0101';
      c.opds[2].code = 'dinsos';
      delete c.district.province;
    }));
    const text = readFileSync(path.join(dir, 'kla.config.json'), 'utf8').split('\n');
    const lineOf = (s: string) => text.findIndex((l) => l.includes(s)) + 1;
    const e = refusalOf(() => loadProject(dir));
    const lines = Object.fromEntries(e.diagnostics.slice(1).map((d) => [d.location.key, d.location.line]));
    expect(lines).toEqual({ 'signatories.coordinator.nip': lineOf('"1980 0101"'), 'opds[2].code': lineOf('"dinsos"'), 'district.province': lineOf('"district"') });
    expect(formatRefusal(e, 'id')).toContain(`\n  - baris ${lineOf('"dinsos"')}: "opds[2].code" hanya boleh berisi huruf kapital`);
    expect(formatRefusal(e, 'en')).toContain(`\n  - line ${lineOf('"1980 0101"')}: "signatories.coordinator.nip"`);
    // The checks across keys too: a code used twice, at the second one.
    const dup = spread(withConfig((c) => void (c.opds[1].code = c.opds[0].code)));
    const d = refusalOf(() => loadProject(dup)).diagnostics.find((x) => x.code === 'KLA-E420')!;
    const dupText = readFileSync(path.join(dup, 'kla.config.json'), 'utf8').split('\n');
    const second = dupText.findIndex((l, i) => l.includes(`"code": ${JSON.stringify(d.params.code)}`) && dupText.slice(0, i).some((x) => x.includes(`"code": ${JSON.stringify(d.params.code)}`))) + 1;
    expect(d.location.line).toBe(second);
  });

  it('an OPD mapped onto a source the catalog does not know', () => {
    const dir = withConfig((c) => c.opds[0].sources.push('Dinas Rahasia'));
    const e = refusalOf(() => loadProject(dir));
    expect(placesOf(e)).toEqual(['KLA-E404', 'KLA-E421 opds[0].sources']);
    expect(e.diagnostics[1]!.params.source).toBe('Dinas Rahasia');
  });

  it('the same code or alias for two OPDs', () => {
    const dup = withConfig((c) => void (c.opds[1].code = c.opds[0].code));
    expect(placesOf(refusalOf(() => loadProject(dup)))).toContain('KLA-E420 opds[1].code');
    const alias = withConfig((c) => void c.opds[2].aliases.push('Dinkes'));
    const e = refusalOf(() => loadProject(alias));
    expect(placesOf(e)).toEqual(['KLA-E404', 'KLA-E422 opds[2]']);
    expect(e.diagnostics[1]!.params).toMatchObject({ name: 'Dinkes', other: 'DINKES' });
  });

  it('questions that no OPD answers', () => {
    const dir = withConfig((c) => {
      c.opds = c.opds.filter((o: { code: string }) => o.code !== 'DISHUB');
    });
    const e = refusalOf(() => loadProject(dir));
    expect(placesOf(e)).toEqual(['KLA-E404', 'KLA-E423 opds']);
    expect(e.diagnostics[1]!.params).toMatchObject({ questions: ['11.5', '11.6', '11.7'], sources: ['Dishub'] });
  });

  it('the evaluation year, the data years and the risk margin: written by init, with their defaults', () => {
    const dir = withConfig(() => undefined);
    const p = loadProject(dir);
    expect(p.config).toMatchObject({ year: 2026, dataYear: 2025, forecastRiskMargin: 10, chosenAnswers: {} });
    expect(p.dataYears).toEqual({ evaluated: 2025, previous: 2024 });
    const defaults = loadProject(
      withConfig((c) => {
        delete c.dataYear;
        delete c.forecastRiskMargin;
        delete c.chosenAnswers;
      }),
    );
    expect(defaults.dataYears).toEqual({ evaluated: 2025, previous: 2024 });
    expect(defaults.config.forecastRiskMargin).toBe(10);
    expect(loadProject(withConfig((c) => void (c.dataYear = 2024))).dataYears).toEqual({ evaluated: 2024, previous: 2023 });
  });

  it('a data year after the evaluation year, and a negative risk margin', () => {
    const e = refusalOf(() => loadProject(withConfig((c) => void (c.dataYear = 2027))));
    expect(placesOf(e)).toEqual(['KLA-E404', 'KLA-E433 dataYear']);
    expect(e.diagnostics[1]!.params).toMatchObject({ dataYear: 2027, year: 2026 });
    expect(placesOf(refusalOf(() => loadProject(withConfig((c) => void (c.forecastRiskMargin = -1)))))).toEqual(['KLA-E404', 'KLA-E412 forecastRiskMargin']);
  });

  it('chosenAnswers: a question written as the source writes it, an OPD by code or alias', () => {
    const p = loadProject(withConfig((c) => void (c.chosenAnswers = { '1.2l': 'HUKUM', '25.7 A': 'dinas kesehatan', '12.3': 'Dinkes' })));
    expect([...p.index.chosen]).toEqual([
      ['1.2l', 'HUKUM'],
      ['25.7a', 'DINKES'],
      ['12.3', 'DINKES'],
    ]);
  });

  it('chosenAnswers: an unknown question, an unknown OPD, an OPD that does not answer the question', () => {
    const e = refusalOf(() => loadProject(withConfig((c) => void (c.chosenAnswers = { '1.9': 'HUKUM', '1.2l': 'DINAS-X', '12.3': 'DISHUB' }))));
    expect(placesOf(e)).toEqual(['KLA-E404', 'KLA-E430 chosenAnswers.1.9', 'KLA-E431 chosenAnswers.1.2l', 'KLA-E432 chosenAnswers.12.3']);
    expect(e.diagnostics[3]!.params).toMatchObject({ question: '12.3', opd: 'DISHUB', opds: ['DINKES'] });
    expect(placesOf(refusalOf(() => loadProject(withConfig((c) => void (c.chosenAnswers = { '1.2l': 7 })))))).toEqual(['KLA-E404', 'KLA-E411 chosenAnswers.1.2l']);
  });

  it('a config that is not JSON', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'kla.config.json'), '{ "year": 2026, }');
    const e = refusalOf(() => loadProject(dir));
    expect(e.code).toBe('KLA-E403');
    expect(e.diagnostics[0]!.params).toMatchObject({ format: 'JSON', line: 1 });
  });

  it('a config cut short is refused at its end, by line and column', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'kla.config.json'), '{\n  "year": 2026,\n  "district": {');
    const e = refusalOf(() => loadProject(dir));
    expect(e.code).toBe('KLA-E403');
    expect(e.diagnostics[0]!.params).toMatchObject({ line: 3, column: 16 });
  });

  it('a config saved by Notepad as UTF-8 with BOM, "Unicode" (UTF-16, either byte order) or "ANSI" reads as the same config', () => {
    const dir = tmp();
    initProject({ dir, district: 'Merangin', province: 'Jambi', year: 2026 });
    const file = path.join(dir, 'kla.config.json');
    // A name with a letter outside ASCII, which each of the encodings writes differently.
    const text = readFileSync(file, 'utf8').replace('"name": "Merangin"', '"name": "Merangin Désa"');
    writeFileSync(file, text);
    const want = loadProject(dir).config;
    expect(want.district.name).toBe('Merangin Désa');
    const utf16be = (t: string) => {
      const le = Buffer.from(t, 'utf16le');
      for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
      return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
    };
    const saved = {
      'UTF-8 with BOM': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]),
      'UTF-16 LE': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
      'UTF-16 BE': utf16be(text),
      ANSI: Buffer.from(text, 'latin1'),
    };
    for (const [how, bytes] of Object.entries(saved)) {
      writeFileSync(file, bytes);
      expect(loadProject(dir).config, how).toEqual(want);
    }
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
    expect(findOpd(p, 'capil')?.code).toBe('DUKCAPIL');
    const sub = path.join(dir, 'submissions');
    expect(findProjectDir(sub)).toBe(dir);
  });

  it('a YAML syntax error names the file, line and column', () => {
    const dir = yamlProject((y) => y.replace('  province: Jambi', '  province: [Jambi'));
    const e = refusalOf(() => loadProject(dir));
    expect(e.code).toBe('KLA-E403');
    expect(e.diagnostics[0]!.params).toMatchObject({ format: 'YAML', line: 7 });
    expect(formatRefusal(e, 'id')).toContain('kla.config.yaml bukan YAML yang sah (baris 7');
  });

  it('schema problems are named by key and line, as for JSON', () => {
    const dir = yamlProject((y) => y.replace('year: 2026 # tahun yang dievaluasi', 'year: dua ribu dua puluh enam'));
    const e = refusalOf(() => loadProject(dir));
    expect(placesOf(e)).toEqual(['KLA-E404', 'KLA-E411 year']);
    const line = readFileSync(path.join(dir, 'kla.config.yaml'), 'utf8').split('\n').findIndex((l) => l.startsWith('year: dua')) + 1;
    expect(e.diagnostics[1]!.location.line).toBe(line);
    expect(formatRefusal(e, 'id')).toContain(`baris ${line}: "year"`);
  });

  it('two config files in one folder are refused, and init does not add a second one', () => {
    const dir = yamlProject();
    const init = refusalOf(() => initProject({ dir }));
    expect(init.code).toBe('KLA-E406');
    expect(init.diagnostics[0]!.params.file).toBe('kla.config.yaml');
    writeFileSync(path.join(dir, 'kla.config.json'), '{}');
    expect(refusalOf(() => loadProject(dir)).code).toBe('KLA-E402');
  });
});
