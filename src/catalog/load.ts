/**
 * Loading a catalog: a shipped catalog by its id or a district's
 * own JSON file by path. Shape is checked by the zod schema, meaning by
 * `checkCatalog`; either failure is a refusal naming the file and every
 * problem. The indexed catalog carries the maxima the scoring works with:
 * under `indicatorOverflow: "sum"` they grow to the question sums, so every
 * consumer (scores, percentages, printed maxima, the top predikat edge)
 * follows the one setting without knowing it.
 */
import { createHash } from 'node:crypto';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { catalogSchema, type CatalogData, type Group, type Indicator, type Question, type Rubric } from './schema.js';
import { checkCatalog } from './rules.js';
import { newestCatalog, shippedCatalog, shippedCatalogs } from './registry.js';
import { KlaError, refusal, withKeyLines } from '../diagnostics/index.js';
import { schemaDiagnostics } from '../diagnostics/zod.js';
import { configPath, packageRoot } from '../paths.js';
import { jsonKeyLine, parseJson, readText } from '../io/text.js';

/** A question with everything needed to place and score it. */
export interface CatalogQuestion extends Question {
  groupId: string;
  indicatorId: string;
  /** Maximum points this question can earn: its maximum as the instrument states it. */
  points: number;
  /** Every answer that earns points needs evidence, unless the question names an exemption (or is worth nothing). */
  evidenceRequired: boolean;
  rubricDef: Rubric;
}

/** An indicator with the maximum scoring uses. */
export interface CatalogIndicator extends Indicator {
  groupId: string;
  /** The maximum scores count against: `statedMax`, or the question sum under `indicatorOverflow: "sum"`. */
  max: number;
  /** The maximum as the instrument states it. */
  statedMax: number;
  /** The sum of its questions' maxima (above `statedMax` where the instrument disagrees with itself). */
  questionSum: number;
}

export interface CatalogGroup extends Omit<Group, 'indicators'> {
  /** The sum of its indicators' maxima as scoring uses them. */
  max: number;
  statedMax: number;
  indicators: CatalogIndicator[];
  /** Its indicators as the framework counts them, by number: 21A, 21B and 21C are parts of indicator 21. */
  indicatorCount: number;
}

/** A validated catalog with lookup indexes; maxima and predikat bands as scoring uses them. */
export interface Catalog extends Omit<CatalogData, 'groups'> {
  groups: CatalogGroup[];
  /** The total maximum scores count against (`statedTotalMax`, or more under `indicatorOverflow: "sum"`). */
  totalMax: number;
  statedTotalMax: number;
  /**
   * The framework's count of indicators: distinct indicator numbers in the
   * kelembagaan and klaster groups (21A, 21B and 21C are parts of indicator 21).
   */
  indicatorCount: number;
  /** All questions in catalog order. */
  questionList: CatalogQuestion[];
  questionById: Map<string, CatalogQuestion>;
  indicatorById: Map<string, CatalogIndicator>;
  groupById: Map<string, CatalogGroup>;
  /** The file it was loaded from. */
  file: string;
}

const looksLikePath = (ref: string) => /[\\/]/.test(ref) || /\.json$/i.test(ref);

/** Resolve a catalog reference from a config: a shipped catalog's id, or a path relative to `baseDir`. */
export function resolveCatalogFile(ref: string, baseDir = process.cwd()): string {
  const shipped = looksLikePath(ref) ? undefined : shippedCatalog(ref);
  return shipped ? shipped.file : configPath(baseDir, ref);
}

export function loadCatalog(ref: string, baseDir?: string): Catalog {
  const file = resolveCatalogFile(ref, baseDir);
  if (!existsSync(file)) throw refusal('KLA-E601', { ref, file, known: shippedCatalogs().map((c) => c.id) }, { location: { file: '', key: 'catalog' } });
  let text: string;
  try {
    text = readText(file);
  } catch {
    throw refusal('KLA-E602', { file }, { location: { file } });
  }
  const json = parseJson(text);
  if (!json.ok) throw refusal('KLA-E602', { file, line: json.line, column: json.column }, { location: { file } });
  const raw = json.value;
  // A file the build already checked (the shipped catalogs) is not checked again at every start.
  if (verifiedAtBuild(text)) return index(raw as CatalogData, file);
  try {
    return buildCatalog(raw, file);
  } catch (e) {
    // A district's own catalog is edited by hand: each problem also says on which line it is.
    throw e instanceof KlaError ? withKeyLines(e, file, (key) => jsonKeyLine(text, key)) : e;
  }
}

let verified: Set<string> | undefined;

/**
 * Whether this exact text passed `buildCatalog` when kla was built: its
 * SHA-256 is in dist/catalogs.verified.json (written by scripts/build-dist.mjs).
 */
function verifiedAtBuild(text: string): boolean {
  if (verified === undefined) {
    try {
      verified = new Set((JSON.parse(readFileSync(path.join(packageRoot, 'dist', 'catalogs.verified.json'), 'utf8')) as { sha256: string[] }).sha256);
    } catch {
      verified = new Set();
    }
  }
  return verified.size > 0 && verified.has(createHash('sha256').update(text).digest('hex'));
}

/** Validate raw catalog data (schema, then semantic rules) and index it. */
export function buildCatalog(raw: unknown, file = '<catalog>'): Catalog {
  const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (version === 1) {
    // Format 1 rescaled question points and made evidence optional per question;
    // reading it as format 2 would change scores silently.
    throw refusal('KLA-E604', { file, newest: newestCatalog().id }, { location: { file, key: 'schemaVersion' } });
  }
  const parsed = catalogSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    throw refusal('KLA-E603', { file }, { location: { file }, details: schemaDiagnostics(parsed.error.issues.slice(0, 20), file) });
  }
  const data = parsed.data;
  const problems = checkCatalog(data, file);
  if (problems.length > 0) throw refusal('KLA-E605', { file }, { location: { file }, details: problems });
  return index(data, file);
}

/** The number of an indicator in the framework: "21" for 21A, the id itself when it has none. */
const indicatorNumber = (i: { id: string }) => /^\d+/.exec(i.id)?.[0] ?? i.id;

/** Sums of decimal maxima (4.5 + 1.25 …) without binary noise. */
const sum = (xs: readonly number[]) => Number(xs.reduce((s, x) => s + x, 0).toPrecision(12));

function index(data: CatalogData, file: string): Catalog {
  const questionList: CatalogQuestion[] = [];
  const indicatorById = new Map<string, CatalogIndicator>();
  const groupById = new Map<string, CatalogGroup>();
  const groups: CatalogGroup[] = data.groups.map((g) => {
    const indicators = g.indicators.map((ind): CatalogIndicator => {
      const questionSum = sum(ind.questions.map((q) => q.max));
      const max = data.indicatorOverflow === 'sum' ? Math.max(ind.max, questionSum) : ind.max;
      const entry: CatalogIndicator = { ...ind, groupId: g.id, max, statedMax: ind.max, questionSum };
      indicatorById.set(ind.id, entry);
      for (const q of ind.questions) {
        questionList.push({
          ...q,
          groupId: g.id,
          indicatorId: ind.id,
          points: q.max,
          evidenceRequired: q.max > 0 && q.evidenceExemption === undefined,
          // checkCatalog guarantees the rubric exists.
          rubricDef: data.rubrics[q.rubric]!,
        });
      }
      return entry;
    });
    const group: CatalogGroup = { ...g, max: sum(indicators.map((i) => i.max)), statedMax: g.max, indicators, indicatorCount: new Set(indicators.map(indicatorNumber)).size };
    groupById.set(g.id, group);
    return group;
  });
  const totalMax = data.indicatorOverflow === 'sum' ? sum(groups.map((g) => g.max)) : data.totalMax;
  // checkCatalog guarantees the bands end at the stated total: the top edge moves with the total.
  const bands = data.predikat.bands.map((b) => (b.max === data.totalMax ? { ...b, max: totalMax } : b));
  const framework = groups.filter((g) => g.kind !== 'kelana-dekela').flatMap((g) => g.indicators.map(indicatorNumber));
  return {
    ...data,
    groups,
    totalMax,
    statedTotalMax: data.totalMax,
    predikat: { ...data.predikat, bands },
    indicatorCount: new Set(framework).size,
    questionList,
    questionById: new Map(questionList.map((q) => [q.id, q])),
    indicatorById,
    groupById,
    file,
  };
}

/**
 * A question by its id as a person or a source writes it: "21A.4a", but also
 * "21A.4 a" (the source's spelling) or "21a.4A". Exact ids win.
 */
export function findQuestion(catalog: Catalog, id: string): CatalogQuestion | undefined {
  const want = id.normalize('NFC').replace(/\s+/g, '');
  return catalog.questionById.get(want) ?? catalog.questionList.find((q) => q.id.toLowerCase() === want.toLowerCase());
}

/**
 * A short fingerprint of a list of questions (ids, texts, points, answer types,
 * rubric options). Templates record it so the validator can tell a template
 * generated from a different catalog or an altered one.
 */
export function fingerprintQuestions(catalogId: string, questions: readonly CatalogQuestion[]): string {
  const h = createHash('sha256');
  h.update(catalogId);
  for (const q of questions) {
    h.update(`\u0000${q.id}\u0001${q.text}\u0001${q.points}\u0001${q.answerType}\u0001${JSON.stringify(q.rubricDef)}`);
  }
  return h.digest('hex').slice(0, 16);
}
