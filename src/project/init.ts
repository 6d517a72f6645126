/**
 * `kla init`: a new district project folder with a kla.config.json and the
 * folders the other commands use. The config written is validated exactly as
 * a loaded one would be, so init never leaves a project that does not load.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { refusal } from '../diagnostics/index.js';
import { catalogsDir } from '../paths.js';
import { loadCatalog } from '../catalog/load.js';
import { buildProject, CONFIG_FILE, CONFIG_FILES, parseConfig, type Config } from './config.js';
import { writeOutputs } from '../io/files.js';

export interface InitOptions {
  dir: string;
  district?: string;
  kind?: 'kabupaten' | 'kota';
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

export function initProject(o: InitOptions): InitResult {
  const dir = path.resolve(o.dir);
  const configFile = path.join(dir, CONFIG_FILE);
  const existing = CONFIG_FILES.find((f) => existsSync(path.join(dir, f)));
  if (existing) throw refusal('KLA-E406', { dir, file: existing }, { location: { file: path.join(dir, existing) } });
  const catalogRef = o.catalog ?? 'kla-2024';
  const catalog = loadCatalog(catalogRef, dir);
  const defaultsFile = path.join(catalogsDir, `${catalog.id}.default-opds.json`);
  const opds = existsSync(defaultsFile)
    ? (JSON.parse(readFileSync(defaultsFile, 'utf8')) as { opds: Config['opds'] }).opds
    : catalog.sources.map((s, i) => ({ code: `OPD${i + 1}`, name: s.name, aliases: [s.id, ...s.aliases], sources: [s.id] }));

  const name = o.district ?? titleCase(path.basename(dir));
  const kind = o.kind ?? 'kabupaten';
  const head = kind === 'kota' ? 'Wali Kota' : 'Bupati';
  const raw = {
    schemaVersion: 1,
    district: { kind, name, province: o.province ?? 'Isi nama provinsi' },
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
  const readme = path.join(dir, 'BACA-SAYA.txt');
  writeOutputs([{ file: configFile, data: JSON.stringify(raw, null, 2) + '\n' }, ...(existsSync(readme) ? [] : [{ file: readme, data: README }])]);
  return { dir, configFile, config, folders };
}

function titleCase(s: string): string {
  return s
    .replace(/[-_]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}
