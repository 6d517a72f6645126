/**
 * `kla init`: a new district project folder with a kla.config.json and the
 * folders the other commands use. The config written is validated exactly as
 * a loaded one would be, so init never leaves a project that does not load.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { refusal } from '../diagnostics/index.js';
import { loadCatalog } from '../catalog/load.js';
import { newestCatalog, shippedCatalog } from '../catalog/registry.js';
import { buildProject, CONFIG_FILE, CONFIG_FILES, parseConfig, type Config } from './config.js';
import { writeFileAtomic } from '../io/files.js';
import { DEFAULT_RISK_MARGIN } from '../score/predikat.js';

export interface InitOptions {
  dir: string;
  district?: string;
  kind?: 'kabupaten' | 'kota';
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
}

const README = `Folder proyek KLA

  kla.config.json   konfigurasi: kabupaten/kota, tahun evaluasi dan tahun data, daftar OPD,
                    penandatangan, jawaban yang dipilih DPPPA bila OPD menjawab berbeda
  templates/        templat Excel kosong untuk setiap OPD (kla template)
  submissions/      lembar kerja yang dikembalikan OPD (kla validate, kla score)
  evidence/         data dukung (dokumen, foto) yang disebut dalam lembar kerja
  output/           dokumen evaluasi PDF dan rekap (kla build)
`;

export function initProject(o: InitOptions): InitResult {
  const dir = path.resolve(o.dir);
  const configFile = path.join(dir, CONFIG_FILE);
  const existing = CONFIG_FILES.find((f) => existsSync(path.join(dir, f)));
  if (existing) throw refusal('KLA-E406', { dir, file: existing }, { location: { file: path.join(dir, existing) } });
  // Loaded as the user named it (so a refusal quotes their words), recorded relative to the project.
  const cwd = o.cwd ?? process.cwd();
  const catalog = loadCatalog(o.catalog ?? newestCatalog().id, cwd);
  const catalogRef = catalogReference(o.catalog, dir, cwd);
  const opds =
    catalog.defaultOpds ??
    catalog.sources.map((s, i) => ({ code: `OPD${i + 1}`, name: s.name, aliases: [s.id, ...s.aliases], sources: [s.id] }));

  const name = o.district ?? titleCase(path.basename(dir));
  const kind = o.kind ?? 'kabupaten';
  const head = kind === 'kota' ? 'Wali Kota' : 'Bupati';
  const year = o.year ?? new Date().getFullYear();
  const raw = {
    schemaVersion: 1,
    district: { kind, name, province: o.province ?? 'Isi nama provinsi' },
    year,
    // Written out so staff see that the answers are for the year before the evaluation (2025 for 2026).
    dataYear: year - 1,
    catalog: catalogRef,
    opds,
    signatories: {
      head: { title: `${head} ${name}`, name: `Isi nama ${head}` },
      coordinator: { title: 'Kepala Dinas Pemberdayaan Perempuan dan Perlindungan Anak', name: 'Isi nama Kepala Dinas' },
    },
    profile: {},
    chosenAnswers: {},
    forecastRiskMargin: DEFAULT_RISK_MARGIN,
  };
  const config = parseConfig(raw, configFile);
  buildProject(dir, configFile, config, catalog);

  const folders = Object.values(config.paths).map((p) => path.join(dir, p));
  for (const f of folders) mkdirSync(f, { recursive: true });
  if (!existsSync(path.join(dir, 'BACA-SAYA.txt'))) writeFileSync(path.join(dir, 'BACA-SAYA.txt'), README);
  writeFileAtomic(configFile, JSON.stringify(raw, null, 2) + '\n');
  return { dir, configFile, config, folders };
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

function titleCase(s: string): string {
  return s
    .replace(/[-_]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}
