/**
 * A district project: a folder with kla.config.json at its root. The config is
 * checked by a zod schema first, then by cross-field rules against the catalog;
 * every problem is reported in Indonesian (or English) naming the key.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { z } from 'zod';
import type * as Yaml from 'yaml';
import type { Diagnostic } from '../model.js';
import { diag, KlaError, refusal, withKeyLines } from '../diagnostics/index.js';
import { schemaDiagnostics } from '../diagnostics/zod.js';
import { loadCatalog, type Catalog, type CatalogQuestion } from '../catalog/load.js';
import { LETTER_KINDS } from '../catalog/schema.js';
import { DEFAULT_RISK_MARGIN } from '../score/predikat.js';
import { allowedSlips, nearest } from '../score/evidence.js';
import { configPath } from '../paths.js';
import { isProvince, provinceName, withoutKind } from './names.js';
import { jsonKeyLine, keyPath, lineAt, parseJson, readText } from '../io/text.js';

export const CONFIG_FILE = 'kla.config.json';
/** Config file names a project may use; YAML allows comments, which staff editing by hand appreciate. */
export const CONFIG_FILES = [CONFIG_FILE, 'kla.config.yaml', 'kla.config.yml'] as const;
const isConfigPath = (p: string) => /\.(json|ya?ml)$/i.test(p);

const person = z.object({
  title: z.string().min(1),
  name: z.string().min(1),
  nip: z.string().regex(/^\d{18}$/).optional(),
  /** Pangkat/golongan, printed under the name in letters: "Pembina Utama Muda (IV/c)". */
  rank: z.string().min(1).optional(),
});

/** A calendar date as staff type it in the config: 2026-12-19. */
const isoDate = z.iso.date();


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
    })
    // As the documents print them: never "Kabupaten Kabupaten Merangin" or "Provinsi Provinsi Jambi".
    .transform((d) => ({ ...d, name: withoutKind(d.name, d.kind), province: provinceName(d.province) })),
    /** The evaluation year: the year the self-evaluation is made and submitted (2026). */
    year: z.number().int().min(2000).max(2100),
    /**
     * The evaluated data year (default: the year before the evaluation year).
     * Answers are for this year; where a question asks for the year before,
     * that is the year before this one. For 2027: 2026 and 2025.
     */
    dataYear: z.number().int().min(2000).max(2100).optional(),
    catalog: z.string().min(1),
    opds: z
      .array(
        z.object({
          code: z.string().regex(/^[A-Z0-9][A-Z0-9_-]*$/),
          name: z.string().min(1),
          aliases: z.array(z.string().min(1)).default([]),
          sources: z.array(z.string().min(1)).min(1),
          /** The letter kla feedback writes to this OPD (default: a Nota Dinas). */
          letter: z.enum(LETTER_KINDS).optional(),
          /** Title of the head the letter is addressed to (default: "Kepala " + name), e.g. "Ketua Pengadilan Agama Bangko". */
          head: z.string().min(1).optional(),
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
    /** The dossier as a document: its date (required for the final one), the place it is signed, a watermark. */
    document: z
      .object({
        /** YYYY-MM-DD: the date the dossier bears and is signed on. */
        date: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/)
          .refine(isCalendarDate, { params: { format: 'date' } })
          .optional(),
        /** Where it is signed (default: the capital, else the district name). */
        place: z.string().min(1).optional(),
        /** A word across every page, e.g. "CONTOH" for an example that must not be mistaken for a real dossier. */
        watermark: z.string().min(1).max(20).optional(),
      })
      .strict()
      .default({}),
    /**
     * Where OPDs answer a question differently, the answer the DPPPA chose:
     * question id -> OPD code. The official application takes one answer per
     * question; the estimate and the forecast then count this one.
     */
    chosenAnswers: z.record(z.string(), z.string().min(1)).default({}),
    /** A verification forecast this many points (or fewer) from a predikat edge is flagged as a risk. */
    forecastRiskMargin: z.number().min(0).max(1000).default(DEFAULT_RISK_MARGIN),
    /** The date by which the OPDs are to send their workbooks (kla status counts the days left). */
    deadline: isoDate.optional(),
    /** What kla feedback needs for its letters; never taken from the clock, so the same inputs give the same letters. */
    letters: z
      .object({
        /** The date the letters bear. */
        date: isoDate,
        /** Number pattern: {seq} running number, {opd} OPD code, {year} year of the letter, {month} its month in Roman numerals. */
        number: z.string().min(1),
        /** The first running number. */
        firstNumber: z.number().int().min(1).default(1),
        /** The date the OPDs are asked to reply by (default: "deadline"). */
        deadline: isoDate.optional(),
        /** Where the letters are written (default: the district capital of the profile). */
        place: z.string().min(1).optional(),
        /** Code of the OPD that sends the letters (default: the OPD the coordinator heads); it gets no letter itself. */
        sender: z.string().min(1).optional(),
        /** Letterhead lines under the office's name: address, then telephone, e-mail, website. */
        address: z.string().min(1).optional(),
        contact: z.string().min(1).optional(),
        /** Tembusan, in order: "Bupati Merangin (sebagai laporan)". */
        copies: z.array(z.string().min(1)).default([]),
      })
      .strict()
      .optional(),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;

/** "2026-02-30" is not a day. */
function isCalendarDate(d: string): boolean {
  const t = Date.parse(`${d}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().startsWith(d);
}
export type Opd = Config['opds'][number];

/**
 * A loaded project: plain data (no functions), so it can be posted to a
 * worker as it is. Look-ups go through the functions below.
 */
export interface Project {
  dir: string;
  configFile: string;
  config: Config;
  catalog: Catalog;
  /** Absolute folders of the project. */
  paths: Config['paths'];
  /** "Kabupaten Merangin". */
  districtName: string;
  /** The evaluated data year and the year before it (2026 and 2025 for the 2027 evaluation). */
  dataYears: DataYears;
  /** Indexes built once when the project is loaded. */
  index: {
    /** Normalised code, name or alias -> OPD code. */
    opdByName: Map<string, string>;
    /** Question id -> codes of the OPDs that answer it, in config order. */
    opdsByQuestion: Map<string, string[]>;
    /** OPD code -> ids of its questions, in catalog order. */
    questionsByOpd: Map<string, string[]>;
    /** The config's chosenAnswers, resolved: question id -> OPD code. */
    chosen: Map<string, string>;
  };
  /** Non-fatal remarks about the config (e.g. catalog sources no OPD covers). */
  warnings: Diagnostic[];
  /**
   * Made up from uploaded workbooks' templates, without a config: its OPD
   * list is the catalog's default, not the district's, so it knows nothing of
   * the district's coverage.
   */
  fromUploads?: true;
}

export interface DataYears {
  /** The year the answers are for. */
  evaluated: number;
  /** The year before it: the previous-year column. */
  previous: number;
}

/** The data years of a config: `dataYear` (default: the evaluation year − 1) and the year before it. */
export function dataYearsOf(config: Pick<Config, 'year' | 'dataYear'>): DataYears {
  const evaluated = config.dataYear ?? config.year - 1;
  return { evaluated, previous: evaluated - 1 };
}

const opdByCode = (project: Project, code: string): Opd | undefined => project.config.opds.find((o) => o.code === code);

/** An OPD by code, name or alias (case- and spacing-insensitive). */
export function findOpd(project: Project, nameOrAlias: string): Opd | undefined {
  const code = project.index.opdByName.get(normalizeName(nameOrAlias));
  return code === undefined ? undefined : opdByCode(project, code);
}

/**
 * The OPD an --opd value names: its code in any case, a name or an alias.
 * Else the refusal KLA-E514, with the code meant when the value is a slip
 * away from a code, name or alias ("DINKSE": DINKES).
 */
export function opdNamed(project: Project, typed: string): Opd {
  const opd = project.config.opds.find((o) => o.code.toLowerCase() === typed.toLowerCase()) ?? findOpd(project, typed);
  if (opd) return opd;
  // One slip at most: codes and aliases are short and alike ("DINAS-X" is two from the alias "Dinas PU").
  const names = project.config.opds.flatMap((o) => [o.code, ...o.aliases].map((n) => [normalizeName(n), o.code] as const));
  const suggestion = nearest(normalizeName(typed), names, (length) => Math.min(1, allowedSlips(length)));
  const codes = project.config.opds.map((o) => o.code);
  throw refusal('KLA-E514', { code: typed, codes, ...(suggestion ? { suggestion } : {}) }, { location: { file: '', option: '--opd' } });
}

/** OPDs of the district that answer a question (through the sources they cover). */
export function opdsForQuestion(project: Project, questionId: string): Opd[] {
  return (project.index.opdsByQuestion.get(questionId) ?? []).map((c) => opdByCode(project, c)!);
}

/** Questions an OPD answers, in catalog order. */
export function questionsForOpd(project: Project, code: string): CatalogQuestion[] {
  return (project.index.questionsByOpd.get(code) ?? []).map((id) => project.catalog.questionById.get(id)!);
}

export const normalizeName = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[^a-z0-9]+/g, '');

/** "Kabupaten Merangin", "Kab. Merangin", "Pemerintah Kota Jambi": the kind, when named, and the name without it. */
export function parseDistrictName(s: string): { kind?: 'kabupaten' | 'kota'; name: string } {
  const m = /^\s*(?:pemerintah\s+)?(kabupaten|kab\.|kab|kota)\s+(\S.*?)\s*$/iu.exec(s.normalize('NFC'));
  if (!m) return { name: s.trim() };
  return { kind: m[1]!.toLowerCase() === 'kota' ? 'kota' : 'kabupaten', name: m[2]! };
}

/** The config file of a project folder, if it has one; two of them is an error (which one would count?). */
export function configFileIn(dir: string): string | undefined {
  const found = CONFIG_FILES.filter((f) => existsSync(path.join(dir, f)));
  if (found.length > 1) throw refusal('KLA-E402', { dir, files: found }, { location: { file: dir } });
  return found[0] === undefined ? undefined : path.join(dir, found[0]);
}

const PLACEHOLDER = /^\s*(isi\b|\[|<|…|\.\.\.|-\s*$|x+\s*$)/i;

/** A config value that still holds the text `kla init` wrote in its place ("Isi nama Bupati"), or nothing. */
export function isPlaceholder(s: string | undefined): boolean {
  return s === undefined || s.trim() === '' || PLACEHOLDER.test(s);
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
  if (!existsSync(configFile)) throw refusal('KLA-E401', { file: configFile }, { location: { file: configFile } });
  const text = readText(configFile);
  const raw = readConfigData(configFile, text);
  const dir = path.dirname(configFile);
  const lined = <T>(f: () => T): T => {
    try {
      return f();
    } catch (e) {
      throw e instanceof KlaError ? withLines(e, configFile, text) : e;
    }
  };
  const config = lined(() => parseConfig(raw, configFile));
  const catalog = loadCatalog(config.catalog, dir);
  return lined(() => buildProject(dir, configFile, config, catalog));
}

/** A refusal whose problems at keys of the config also say on which line of it the key is. */
function withLines(e: KlaError, file: string, text: string): KlaError {
  return withKeyLines(e, file, (key) => (/\.ya?ml$/i.test(file) ? yamlKeyLine(text, key) : jsonKeyLine(text, key)));
}

/** As jsonKeyLine, for a YAML config: the line of the key's value, or of the nearest enclosing key there. */
function yamlKeyLine(text: string, key: string): number | undefined {
  const yaml = createRequire(import.meta.url)('yaml') as typeof Yaml;
  const doc = yaml.parseDocument(text);
  const segments = keyPath(key);
  for (let n = segments.length; n > 0; n--) {
    const node = doc.getIn(segments.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return lineAt(text, node.range[0]);
  }
  return undefined;
}

/** The config file's data: JSON, or YAML for .yaml/.yml (the YAML parser is loaded only then). */
function readConfigData(file: string, text: string): unknown {
  if (/\.ya?ml$/i.test(file)) {
    const yaml = createRequire(import.meta.url)('yaml') as typeof Yaml;
    try {
      return yaml.parse(text, { prettyErrors: true, uniqueKeys: true });
    } catch (e) {
      const pos = (e as { linePos?: { line: number; col: number }[] }).linePos?.[0];
      throw refusal('KLA-E403', { file, format: 'YAML', line: pos?.line, column: pos?.col }, { location: { file } });
    }
  }
  const json = parseJson(text);
  if (json.ok) return json.value;
  throw refusal('KLA-E403', { file, format: 'JSON', line: json.line, column: json.column }, { location: { file } });
}

export function parseConfig(raw: unknown, file: string): Config {
  const r = configSchema.safeParse(raw, { reportInput: true });
  if (r.success) return r.data;
  throw refusal('KLA-E404', { file }, { location: { file }, details: schemaDiagnostics(r.error.issues, file) });
}

/** Cross-field rules, then indexes. Pure apart from nothing: takes parsed data. */
export function buildProject(dir: string, configFile: string, config: Config, catalog: Catalog): Project {
  const problems: Diagnostic[] = [];
  const at = (key: string) => ({ file: configFile, key });
  const known = new Set(catalog.sources.map((s) => s.id));
  const opdByName = new Map<string, string>();
  const codes = new Set<string>();
  config.opds.forEach((o, i) => {
    if (codes.has(o.code)) problems.push(diag('KLA-E420', { key: `opds[${i}].code`, code: o.code }, at(`opds[${i}].code`)));
    codes.add(o.code);
    for (const s of o.sources) {
      if (!known.has(s)) problems.push(diag('KLA-E421', { key: `opds[${i}].sources`, source: s, catalog: catalog.id, known: [...known] }, at(`opds[${i}].sources`)));
    }
    for (const n of [o.code, o.name, ...o.aliases]) {
      const k = normalizeName(n);
      const other = opdByName.get(k);
      if (other !== undefined && other !== o.code) problems.push(diag('KLA-E422', { key: `opds[${i}]`, name: n, other }, at(`opds[${i}]`)));
      opdByName.set(k, o.code);
    }
  });

  const bySource = new Map<string, Opd[]>();
  for (const o of config.opds) for (const s of o.sources) bySource.set(s, [...(bySource.get(s) ?? []), o]);

  if (config.dataYear !== undefined && config.dataYear > config.year) {
    problems.push(diag('KLA-E433', { key: 'dataYear', dataYear: config.dataYear, year: config.year }, at('dataYear')));
  }

  const orphan = catalog.questionList.filter((q) => !q.sources.some((s) => bySource.has(s)));
  if (orphan.length > 0) {
    problems.push(
      diag('KLA-E423', { count: orphan.length, questions: orphan.map((q) => q.id), sources: [...new Set(orphan.flatMap((q) => q.sources))] }, at('opds')),
    );
  }
  const chosen = resolveChoices(config, catalog, opdByName, bySource, problems, at);
  if (problems.length > 0) throw refusal('KLA-E404', { file: configFile }, { location: { file: configFile }, details: problems });

  const warnings: Diagnostic[] = [];
  const unmapped = [...known].filter((s) => !bySource.has(s));
  if (unmapped.length > 0) warnings.push(diag('KLA-W424', { sources: unmapped }, at('opds')));
  if (!isProvince(config.district.province)) warnings.push(diag('KLA-W426', { key: 'district.province', province: config.district.province }, at('district.province')));

  const abs = (p: string) => configPath(dir, p);
  const questionsByOpd = new Map<string, string[]>();
  const opdsByQuestion = new Map<string, string[]>();
  for (const q of catalog.questionList) {
    const opds = config.opds.filter((o) => o.sources.some((s) => q.sources.includes(s))).map((o) => o.code);
    opdsByQuestion.set(q.id, opds);
    for (const o of opds) questionsByOpd.set(o, [...(questionsByOpd.get(o) ?? []), q.id]);
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
    dataYears: dataYearsOf(config),
    index: { opdByName, opdsByQuestion, questionsByOpd, chosen },
    warnings,
  };
}

/** A question id as a person may write it: exact, else ignoring case and spaces ("25.7 B" is 25.7b). */
export function findQuestionId(catalog: Catalog, id: string): string | undefined {
  if (catalog.questionById.has(id)) return id;
  const key = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  const want = key(id);
  return catalog.questionList.find((q) => key(q.id) === want)?.id;
}

/**
 * `chosenAnswers`: every question known, every OPD one of the district's
 * (by code, name or alias) and one that answers that question.
 */
function resolveChoices(
  config: Config,
  catalog: Catalog,
  opdByName: Map<string, string>,
  bySource: Map<string, Opd[]>,
  problems: Diagnostic[],
  at: (key: string) => { file: string; key: string },
): Map<string, string> {
  const chosen = new Map<string, string>();
  for (const [id, opd] of Object.entries(config.chosenAnswers)) {
    const key = `chosenAnswers.${id}`;
    const qid = findQuestionId(catalog, id.trim());
    const code = config.opds.find((o) => o.code === opd.trim())?.code ?? opdByName.get(normalizeName(opd));
    if (qid === undefined) {
      problems.push(diag('KLA-E430', { key, question: id, catalog: catalog.id }, at(key)));
      continue;
    }
    if (code === undefined) {
      problems.push(diag('KLA-E431', { key, opd, codes: config.opds.map((o) => o.code) }, at(key)));
      continue;
    }
    const q = catalog.questionById.get(qid)!;
    const answering = [...new Set(q.sources.flatMap((s) => (bySource.get(s) ?? []).map((o) => o.code)))];
    if (!answering.includes(code)) {
      problems.push(diag('KLA-E432', { key, question: qid, opd: code, opds: answering }, at(key)));
      continue;
    }
    chosen.set(qid, code);
  }
  return chosen;
}
