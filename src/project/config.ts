/**
 * A district project: a folder with kla.config.json at its root. The config is
 * checked by a zod schema first, then by cross-field rules against the catalog;
 * every problem is reported in Indonesian (or English) naming the key.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { z } from 'zod';
import { KlaError, type Lang, type Localized } from '../i18n.js';
import { loadCatalog, type Catalog } from '../catalog/load.js';

export const CONFIG_FILE = 'kla.config.json';
/** Config file names a project may use; YAML allows comments, which staff editing by hand appreciate. */
export const CONFIG_FILES = [CONFIG_FILE, 'kla.config.yaml', 'kla.config.yml'] as const;
const isConfigPath = (p: string) => /\.(json|ya?ml)$/i.test(p);

const person = z.object({
  title: z.string().min(1),
  name: z.string().min(1),
  nip: z.string().regex(/^\d{18}$/).optional(),
});

export const severitySetting = z.enum(['error', 'warning', 'info', 'off']);

export const configSchema = z
  .object({
    $schema: z.string().optional(),
    schemaVersion: z.literal(1),
    district: z.object({
      kind: z.enum(['kabupaten', 'kota']),
      /** Without the prefix: "Merangin". */
      name: z.string().min(1),
      province: z.string().min(1),
      /** Kemendagri region code, e.g. "15.02". */
      code: z.string().optional(),
      /** Optional logo (PNG/JPEG) relative to the project folder. */
      logo: z.string().optional(),
    }),
    year: z.number().int().min(2000).max(2100),
    catalog: z.string().min(1),
    opds: z
      .array(
        z.object({
          code: z.string().regex(/^[A-Z0-9][A-Z0-9_-]*$/),
          name: z.string().min(1),
          aliases: z.array(z.string().min(1)).default([]),
          sources: z.array(z.string().min(1)).min(1),
        }),
      )
      .min(1),
    signatories: z.object({
      /** Bupati/Wali Kota: signs the Kata Pengantar. */
      head: person,
      /** Head of the DPPPA (Ketua Gugus Tugas or coordinator): signs the dossier's annexes. */
      coordinator: person,
    }),
    /** District profile for Bab II of the dossier; every field optional. */
    profile: z
      .object({
        capital: z.string().optional(),
        areaKm2: z.number().positive().optional(),
        kecamatan: z.number().int().nonnegative().optional(),
        desaKelurahan: z.number().int().nonnegative().optional(),
        population: z.number().int().nonnegative().optional(),
        children: z.number().int().nonnegative().optional(),
        description: z.string().optional(),
      })
      .default({}),
    paths: z
      .object({
        templates: z.string().default('templates'),
        submissions: z.string().default('submissions'),
        evidence: z.string().default('evidence'),
        output: z.string().default('output'),
      })
      .default({ templates: 'templates', submissions: 'submissions', evidence: 'evidence', output: 'output' }),
    /** Per diagnostic code: raise or lower its severity, or turn it off. */
    severity: z.record(z.string(), severitySetting).default({}),
    /** Folder with the district's own Handlebars templates for the dossier. */
    dossierTemplates: z.string().optional(),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;
export type Opd = Config['opds'][number];

export interface Project {
  dir: string;
  configFile: string;
  config: Config;
  catalog: Catalog;
  /** Absolute folders of the project. */
  paths: Config['paths'];
  /** "Kabupaten Merangin". */
  districtName: string;
  /** Look an OPD up by code, name or alias (case- and spacing-insensitive). */
  findOpd(nameOrAlias: string): Opd | undefined;
  /** OPDs of the district that answer a question (through the sources they cover). */
  opdsForQuestion(questionId: string): Opd[];
  /** Questions an OPD answers, in catalog order. */
  questionsForOpd(code: string): Catalog['questionList'];
  /** Non-fatal remarks about the config (e.g. catalog sources no OPD covers). */
  warnings: Localized[];
}

export const normalizeName = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[^a-z0-9]+/g, '');

/** The config file of a project folder, if it has one; two of them is an error (which one would count?). */
export function configFileIn(dir: string): string | undefined {
  const found = CONFIG_FILES.filter((f) => existsSync(path.join(dir, f)));
  if (found.length > 1) {
    throw new KlaError({
      id: `Folder ${dir} berisi lebih dari satu berkas konfigurasi (${found.join(', ')}). Mohon simpan satu saja.`,
      en: `Folder ${dir} holds more than one config file (${found.join(', ')}). Please keep only one.`,
    });
  }
  return found[0] === undefined ? undefined : path.join(dir, found[0]);
}

/** Find the project folder: `start` itself or the nearest parent with a kla.config.json (or .yaml). */
export function findProjectDir(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    if (CONFIG_FILES.some((f) => existsSync(path.join(dir, f)))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

export function loadProject(dirOrFile: string): Project {
  const configFile = isConfigPath(dirOrFile)
    ? path.resolve(dirOrFile)
    : (configFileIn(path.resolve(dirOrFile)) ?? path.join(path.resolve(dirOrFile), CONFIG_FILE));
  if (!existsSync(configFile)) {
    throw new KlaError({
      id: `Berkas konfigurasi ${configFile} tidak ditemukan. Buat proyek dengan "kla init <folder>" atau jalankan perintah di dalam folder proyek.`,
      en: `Config file ${configFile} not found. Create a project with "kla init <folder>" or run the command inside a project folder.`,
    });
  }
  const raw = readConfigData(configFile);
  const dir = path.dirname(configFile);
  const config = parseConfig(raw, configFile);
  const catalog = loadCatalog(config.catalog, dir);
  return buildProject(dir, configFile, config, catalog);
}

/** The config file's data: JSON, or YAML for .yaml/.yml (the YAML parser is loaded only then). */
function readConfigData(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  if (/\.ya?ml$/i.test(file)) {
    const yaml = createRequire(import.meta.url)('yaml') as typeof import('yaml');
    try {
      return yaml.parse(text, { prettyErrors: true, uniqueKeys: true });
    } catch (e) {
      const pos = (e as { linePos?: { line: number; col: number }[] }).linePos?.[0];
      const at = pos ? { id: ` (baris ${pos.line}, kolom ${pos.col})`, en: ` (line ${pos.line}, column ${pos.col})` } : { id: '', en: '' };
      const detail = (e as Error).message.split('\n')[0];
      throw new KlaError({
        id: `Berkas ${file} bukan YAML yang sah${at.id}: ${detail}`,
        en: `File ${file} is not valid YAML${at.en}: ${detail}`,
      });
    }
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new KlaError({
      id: `Berkas ${file} bukan JSON yang sah: ${(e as Error).message}`,
      en: `File ${file} is not valid JSON: ${(e as Error).message}`,
    });
  }
}

export function parseConfig(raw: unknown, file: string): Config {
  const r = configSchema.safeParse(raw, { reportInput: true });
  if (r.success) return r.data;
  throw new KlaError(
    { id: `Konfigurasi ${file} belum benar:`, en: `Config ${file} is not correct:` },
    r.error.issues.map((i) => describeIssue(i)),
  );
}

/** Translate a zod issue into a sentence that names the key. */
function describeIssue(i: z.core.$ZodIssue): Localized {
  const key = i.path.length ? i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') : '(akar)';
  const k = `"${key}"`;
  switch (i.code) {
    case 'invalid_type':
      return i.input === undefined
        ? { id: `${k} wajib diisi.`, en: `${k} is required.` }
        : { id: `${k} harus berupa ${typeName(i.expected, 'id')}.`, en: `${k} must be ${typeName(i.expected, 'en')}.` };
    case 'too_small':
      return i.origin === 'array'
        ? { id: `${k} harus berisi paling sedikit ${i.minimum} entri.`, en: `${k} needs at least ${i.minimum} entries.` }
        : i.origin === 'string'
          ? { id: `${k} tidak boleh kosong.`, en: `${k} must not be empty.` }
          : { id: `${k} harus paling kecil ${i.minimum}.`, en: `${k} must be at least ${i.minimum}.` };
    case 'too_big':
      return { id: `${k} harus paling besar ${i.maximum}.`, en: `${k} must be at most ${i.maximum}.` };
    case 'invalid_value':
      return {
        id: `${k} harus salah satu dari: ${i.values.map(String).join(', ')}.`,
        en: `${k} must be one of: ${i.values.map(String).join(', ')}.`,
      };
    case 'invalid_format':
      if (key.endsWith('nip')) return { id: `${k} harus 18 digit angka NIP.`, en: `${k} must be an 18-digit NIP.` };
      if (key.endsWith('code'))
        return { id: `${k} hanya boleh huruf kapital, angka, "_" dan "-".`, en: `${k} may contain only capitals, digits, "_" and "-".` };
      return { id: `${k} formatnya tidak sesuai.`, en: `${k} has the wrong format.` };
    case 'unrecognized_keys':
      return {
        id: `${k} memuat kunci yang tidak dikenal: ${i.keys.join(', ')}.`,
        en: `${k} contains unknown keys: ${i.keys.join(', ')}.`,
      };
    case 'invalid_union':
      return { id: `${k} isinya tidak sesuai.`, en: `${k} is not valid.` };
    default:
      return { id: `${k}: ${i.message}`, en: `${k}: ${i.message}` };
  }
}

function typeName(t: string, lang: Lang): string {
  const id: Record<string, string> = { string: 'teks', number: 'angka', object: 'objek', array: 'daftar', boolean: 'ya/tidak (true/false)' };
  const en: Record<string, string> = { string: 'text', number: 'a number', object: 'an object', array: 'a list', boolean: 'true or false' };
  return (lang === 'id' ? id : en)[t] ?? t;
}

/** Cross-field rules, then indexes. Pure apart from nothing: takes parsed data. */
export function buildProject(dir: string, configFile: string, config: Config, catalog: Catalog): Project {
  const problems: Localized[] = [];
  const known = new Set(catalog.sources.map((s) => s.id));
  const byName = new Map<string, Opd>();
  const codes = new Set<string>();
  config.opds.forEach((o, i) => {
    if (codes.has(o.code)) {
      problems.push({ id: `"opds[${i}].code": kode OPD "${o.code}" dipakai lebih dari sekali.`, en: `"opds[${i}].code": OPD code "${o.code}" is used more than once.` });
    }
    codes.add(o.code);
    for (const s of o.sources) {
      if (!known.has(s)) {
        problems.push({
          id: `"opds[${i}].sources": sumber "${s}" tidak ada dalam katalog ${catalog.id}. Sumber yang dikenal: ${[...known].join(', ')}.`,
          en: `"opds[${i}].sources": source "${s}" is not in catalog ${catalog.id}. Known sources: ${[...known].join(', ')}.`,
        });
      }
    }
    for (const n of [o.code, o.name, ...o.aliases]) {
      const k = normalizeName(n);
      const other = byName.get(k);
      if (other && other !== o) {
        problems.push({
          id: `"opds[${i}]": nama atau alias "${n}" juga dipakai oleh OPD ${other.code}.`,
          en: `"opds[${i}]": name or alias "${n}" is also used by OPD ${other.code}.`,
        });
      }
      byName.set(k, o);
    }
  });

  const bySource = new Map<string, Opd[]>();
  for (const o of config.opds) for (const s of o.sources) bySource.set(s, [...(bySource.get(s) ?? []), o]);

  const orphan = catalog.questionList.filter((q) => !q.sources.some((s) => bySource.has(s)));
  if (orphan.length > 0) {
    const srcs = [...new Set(orphan.flatMap((q) => q.sources))].join(', ');
    problems.push({
      id: `"opds": ${orphan.length} pertanyaan tidak dijawab OPD mana pun (${orphan.slice(0, 8).map((q) => q.id).join(', ')}${orphan.length > 8 ? ', …' : ''}). Petakan sumber berikut ke salah satu OPD: ${srcs}.`,
      en: `"opds": ${orphan.length} questions are answered by no OPD (${orphan.slice(0, 8).map((q) => q.id).join(', ')}${orphan.length > 8 ? ', …' : ''}). Map these sources onto an OPD: ${srcs}.`,
    });
  }
  if (problems.length > 0) {
    throw new KlaError({ id: `Konfigurasi ${configFile} belum benar:`, en: `Config ${configFile} is not correct:` }, problems);
  }

  const warnings: Localized[] = [];
  const unmapped = [...known].filter((s) => !bySource.has(s));
  if (unmapped.length > 0) {
    warnings.push({
      id: `Sumber katalog berikut tidak dipetakan ke OPD mana pun (pertanyaannya tetap dijawab OPD lain): ${unmapped.join(', ')}.`,
      en: `These catalog sources are mapped onto no OPD (their questions are still answered by other OPDs): ${unmapped.join(', ')}.`,
    });
  }

  const abs = (p: string) => path.resolve(dir, p);
  const questionsByOpd = new Map<string, Catalog['questionList']>();
  const opdsByQuestion = new Map<string, Opd[]>();
  for (const q of catalog.questionList) {
    const opds = config.opds.filter((o) => o.sources.some((s) => q.sources.includes(s)));
    opdsByQuestion.set(q.id, opds);
    for (const o of opds) questionsByOpd.set(o.code, [...(questionsByOpd.get(o.code) ?? []), q]);
  }

  return {
    dir,
    configFile,
    config,
    catalog,
    paths: {
      templates: abs(config.paths.templates),
      submissions: abs(config.paths.submissions),
      evidence: abs(config.paths.evidence),
      output: abs(config.paths.output),
    },
    districtName: `${config.district.kind === 'kota' ? 'Kota' : 'Kabupaten'} ${config.district.name}`,
    findOpd: (n) => byName.get(normalizeName(n)),
    opdsForQuestion: (id) => opdsByQuestion.get(id) ?? [],
    questionsForOpd: (code) => questionsByOpd.get(code) ?? [],
    warnings,
  };
}
