/**
 * `kla init`: a new district project folder with a kla.config.json and the
 * folders the other commands use. The config written is validated exactly as
 * a loaded one would be, so init never leaves a project that does not load.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { refusal } from '../diagnostics/index.js';
import { loadCatalog, type Catalog } from '../catalog/load.js';
import type { OPD_PLACEHOLDERS } from '../catalog/schema.js';
import { newestCatalog, shippedCatalog } from '../catalog/registry.js';
import { buildProject, CONFIG_FILE, CONFIG_FILES, parseConfig, parseDistrictName, type Config } from './config.js';
import { nameCase, provinceName } from './names.js';
import type { Diagnostic } from '../model.js';
import { writeOutputs } from '../io/files.js';
import { DEFAULT_RISK_MARGIN } from '../score/predikat.js';

export interface InitOptions {
  dir: string;
  /** "Kabupaten Merangin", "Kota Jambi", or the name alone ("Merangin", then `kind` or kabupaten). Required. */
  district?: string;
  kind?: 'kabupaten' | 'kota';
  /** Required. */
  province?: string;
  year?: number;
  /**
   * A shipped catalog's id, or a path to a catalog file (relative to `cwd`);
   * default: the newest shipped catalog by its year.
   */
  catalog?: string;
  /** The folder a catalog path is relative to (default: the current folder). */
  cwd?: string;
}

export interface InitResult {
  dir: string;
  configFile: string;
  config: Config;
  folders: string[];
  /** What the new config may hold by mistake (a province that is not one of the 38). */
  warnings: Diagnostic[];
}

const README = `Folder proyek KLA

  kla.config.json   konfigurasi: kabupaten/kota, tahun evaluasi dan tahun data, daftar OPD,
                    penandatangan, jawaban yang dipilih DPPPA bila OPD menjawab berbeda
  templates/        templat Excel kosong untuk setiap OPD dan lembar kerja profil daerah
                    yang diisi DPPPA sendiri (kla template)
  submissions/      lembar kerja yang dikembalikan OPD (kla validate, kla score)
  evidence/         data dukung (dokumen, foto) yang disebut dalam lembar kerja
  output/           dokumen evaluasi PDF dan rekap (kla build)
`;

/**
 * The OPD list a new project starts from: the catalog's own, else one OPD per
 * catalog source. Vertical offices are the district's own (Kejaksaan Negeri
 * Merangin, Kantor Kementerian Agama Kota Bogor): the catalog's placeholders
 * are filled in for it, or read "Kabupaten/Kota" where no district is known.
 */
export function defaultOpds(catalog: Catalog, district?: { kind: 'kabupaten' | 'kota'; name: string }): Config['opds'] {
  const opds: Config['opds'] = catalog.defaultOpds ?? catalog.sources.map((s, i) => ({ code: `OPD${i + 1}`, name: s.name, aliases: [s.id, ...s.aliases], sources: [s.id] }));
  const full = district === undefined ? 'Kabupaten/Kota' : `${district.kind === 'kota' ? 'Kota' : 'Kabupaten'} ${district.name}`;
  const values: Record<(typeof OPD_PLACEHOLDERS)[number], string> = {
    daerah: full,
    wilayah: district?.kind === 'kabupaten' ? district.name : full,
  };
  const fill = (text: string) => text.replace(/\{(\w+)\}/gu, (token, key: string) => values[key as keyof typeof values] ?? token);
  return opds.map((o) => ({ ...o, name: fill(o.name), ...(o.head === undefined ? {} : { head: fill(o.head) }) }));
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
  // Loaded as the user named it (so a refusal quotes their words), recorded relative to the project.
  const cwd = o.cwd ?? process.cwd();
  const catalog = loadCatalog(o.catalog ?? newestCatalog().id, cwd);
  const catalogRef = catalogReference(o.catalog, dir, cwd);
  const opds = defaultOpds(catalog, { kind, name: nameCase(name) });

  const head = kind === 'kota' ? 'Wali Kota' : 'Bupati';
  const year = o.year ?? new Date().getFullYear();
  const raw = {
    schemaVersion: 1,
    district: { kind, name: nameCase(name), province: provinceName(o.province!) },
    year,
    // Written out so staff see that the answers are for the year before the evaluation (2025 for 2026).
    dataYear: year - 1,
    catalog: catalogRef,
    opds,
    signatories: {
      head: { title: `${head} ${nameCase(name)}`, name: `Isi nama ${head}` },
      coordinator: { title: 'Kepala Dinas Pemberdayaan Perempuan dan Perlindungan Anak', name: 'Isi nama Kepala Dinas' },
    },
    profile: {},
    chosenAnswers: {},
    forecastRiskMargin: DEFAULT_RISK_MARGIN,
  };
  const config = parseConfig(raw, configFile);
  const { warnings } = buildProject(dir, configFile, config, catalog);

  const folders = Object.values(config.paths).map((p) => path.join(dir, p));
  for (const f of folders) mkdirSync(f, { recursive: true });
  const readme = path.join(dir, 'BACA-SAYA.txt');
  writeOutputs([{ file: configFile, data: JSON.stringify(raw, null, 2) + '\n' }, ...(existsSync(readme) ? [] : [{ file: readme, data: README }])]);
  return { dir, configFile, config, folders, warnings };
}

/**
 * What the config records for the catalog: a shipped catalog's id as it is, a
 * file as a path relative to the project with forward slashes, so the project
 * folder can be moved or opened on another system.
 */
function catalogReference(ref: string | undefined, dir: string, cwd: string): string {
  if (ref === undefined) return newestCatalog().id;
  if (shippedCatalog(ref)) return ref;
  const rel = path.relative(dir, path.resolve(cwd, ref));
  return path.isAbsolute(rel) ? rel : rel.split(path.sep).join('/');
}

const blank = (s: string | undefined) => s === undefined || s.trim() === '';
