/**
 * `kla init`: a new district project folder with a kla.config.json and the
 * folders the other commands use. The config written is validated exactly as
 * a loaded one would be, so init never leaves a project that does not load.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { refusal } from '../diagnostics/index.js';
import { catalogsDir } from '../paths.js';
import { loadCatalog, type Catalog } from '../catalog/load.js';
import { buildProject, CONFIG_FILE, CONFIG_FILES, parseConfig, parseDistrictName, type Config } from './config.js';
import { writeFileAtomic } from '../io/files.js';

export interface InitOptions {
  dir: string;
  /** "Kabupaten Merangin", "Kota Jambi", or the name alone ("Merangin", then `kind` or kabupaten). Required. */
  district?: string;
  kind?: 'kabupaten' | 'kota';
  /** Required. */
  province?: string;
  year?: number;
  catalog?: string;
}

export interface InitResult {
  dir: string;
  configFile: string;
  config: Config;
  folders: string[];
}

const README = `Folder proyek KLA

  kla.config.json   konfigurasi: kabupaten/kota, tahun, daftar OPD, penandatangan
  templates/        templat Excel kosong untuk setiap OPD (kla template)
  submissions/      lembar kerja yang dikembalikan OPD (kla validate, kla score)
  evidence/         data dukung (dokumen, foto) yang disebut dalam lembar kerja
  output/           dokumen evaluasi PDF dan rekap (kla build)
`;

/**
 * The OPD list a new project starts from: the one shipped beside a built-in
 * catalog, else one OPD per catalog source.
 */
export function defaultOpds(catalog: Catalog): Config['opds'] {
  const file = path.join(catalogsDir, `${catalog.id}.default-opds.json`);
  return existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as { opds: Config['opds'] }).opds
    : catalog.sources.map((s, i) => ({ code: `OPD${i + 1}`, name: s.name, aliases: [s.id, ...s.aliases], sources: [s.id] }));
}

/** Refuse a folder that already holds a project: init never overwrites one. */
export function assertNoProject(dir: string): void {
  const abs = path.resolve(dir);
  const existing = CONFIG_FILES.find((f) => existsSync(path.join(abs, f)));
  if (existing) throw refusal('KLA-E406', { dir: abs, file: existing }, { location: { file: path.join(abs, existing) } });
}

/**
 * The district as given: kind and name. "Kabupaten Tebo" given with --kind
 * kota is a contradiction, not a choice to make for the user.
 */
export function districtOf(district: string, kind: 'kabupaten' | 'kota' | undefined): { kind: 'kabupaten' | 'kota'; name: string } {
  const parsed = parseDistrictName(district);
  if (parsed.kind !== undefined && kind !== undefined && parsed.kind !== kind) {
    throw refusal('KLA-E510', { district, kind }, { location: { file: '', option: '--kind' } });
  }
  return { kind: parsed.kind ?? kind ?? 'kabupaten', name: parsed.name };
}

export function initProject(o: InitOptions): InitResult {
  const dir = path.resolve(o.dir);
  const configFile = path.join(dir, CONFIG_FILE);
  assertNoProject(dir);
  // Guessing the district from the folder name gave "Kabupaten KLA Tebo": both are asked for, never made up.
  const missing = [...(blank(o.district) ? ['--district'] : []), ...(blank(o.province) ? ['--province'] : [])];
  if (missing.length > 0) throw refusal('KLA-E509', { missing }, { location: { file: '', option: missing[0]! } });
  const { kind, name } = districtOf(o.district!, o.kind);
  const catalogRef = o.catalog ?? 'kla-2024';
  const catalog = loadCatalog(catalogRef, dir);
  const opds = defaultOpds(catalog);

  const head = kind === 'kota' ? 'Wali Kota' : 'Bupati';
  const raw = {
    schemaVersion: 1,
    district: { kind, name, province: o.province!.trim() },
    year: o.year ?? new Date().getFullYear(),
    catalog: catalogRef,
    opds,
    signatories: {
      head: { title: `${head} ${name}`, name: `Isi nama ${head}` },
      coordinator: { title: 'Kepala Dinas Pemberdayaan Perempuan dan Perlindungan Anak', name: 'Isi nama Kepala Dinas' },
    },
    profile: {},
  };
  const config = parseConfig(raw, configFile);
  buildProject(dir, configFile, config, catalog);

  const folders = Object.values(config.paths).map((p) => path.join(dir, p));
  for (const f of folders) mkdirSync(f, { recursive: true });
  if (!existsSync(path.join(dir, 'BACA-SAYA.txt'))) writeFileSync(path.join(dir, 'BACA-SAYA.txt'), README);
  writeFileAtomic(configFile, JSON.stringify(raw, null, 2) + '\n');
  return { dir, configFile, config, folders };
}

const blank = (s: string | undefined) => s === undefined || s.trim() === '';
