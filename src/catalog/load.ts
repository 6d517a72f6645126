/**
 * Loading a catalog: a built-in id ("kla-2024") or a path to a district's own
 * JSON file. Shape is checked by the zod schema, meaning by `checkCatalog`;
 * either failure is a `KlaError` naming the file and every problem.
 */
import { createHash } from 'node:crypto';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { catalogSchema, type CatalogData, type Group, type Indicator, type Question, type Rubric } from './schema.js';
import { checkCatalog } from './rules.js';
import { refusal } from '../diagnostics/index.js';
import { schemaDiagnostics } from '../diagnostics/zod.js';
import { catalogsDir, packageRoot } from '../paths.js';

/** A question with everything needed to place and score it. */
export interface CatalogQuestion extends Question {
  groupId: string;
  indicatorId: string;
  /** Maximum points this question can earn (scaled when the indicator uses weights). */
  points: number;
  rubricDef: Rubric;
}

/** A validated catalog with lookup indexes. */
export interface Catalog extends CatalogData {
  /** All questions in catalog order. */
  questionList: CatalogQuestion[];
  questionById: Map<string, CatalogQuestion>;
  indicatorById: Map<string, Indicator & { groupId: string }>;
  groupById: Map<string, Group>;
  /** The file it was loaded from. */
  file: string;
}

/** Built-in catalogs shipped with the package. */
export function builtinCatalogIds(): string[] {
  return ['kla-2024'];
}

/** Resolve a catalog reference from a config: a built-in id or a path relative to `baseDir`. */
export function resolveCatalogFile(ref: string, baseDir = process.cwd()): string {
  if (builtinCatalogIds().includes(ref)) return path.join(catalogsDir, `${ref}.json`);
  return path.resolve(baseDir, ref);
}

export function loadCatalog(ref: string, baseDir?: string): Catalog {
  const file = resolveCatalogFile(ref, baseDir);
  if (!existsSync(file)) throw refusal('KLA-E601', { ref, file, known: builtinCatalogIds() }, { location: { file: '', key: 'catalog' } });
  let text: string;
  let raw: unknown;
  try {
    text = readFileSync(file, 'utf8');
    raw = JSON.parse(text);
  } catch {
    throw refusal('KLA-E602', { file }, { location: { file } });
  }
  // A file the build already checked (the shipped catalogs) is not checked again at every start.
  return verifiedAtBuild(text) ? index(raw as CatalogData, file) : buildCatalog(raw, file);
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
  const parsed = catalogSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    throw refusal('KLA-E603', { file }, { location: { file }, details: schemaDiagnostics(parsed.error.issues.slice(0, 20), file) });
  }
  const data = parsed.data;
  const problems = checkCatalog(data, file);
  if (problems.length > 0) throw refusal('KLA-E605', { file }, { location: { file }, details: problems });
  return index(data, file);
}

function index(data: CatalogData, file: string): Catalog {
  const questionList: CatalogQuestion[] = [];
  const indicatorById = new Map<string, Indicator & { groupId: string }>();
  const groupById = new Map<string, Group>();
  for (const g of data.groups) {
    groupById.set(g.id, g);
    for (const ind of g.indicators) {
      indicatorById.set(ind.id, { ...ind, groupId: g.id });
      const weightSum = ind.questions.reduce((s, q) => s + q.max, 0);
      const scale = ind.questionMaxima === 'weights' ? ind.max / weightSum : 1;
      for (const q of ind.questions) {
        questionList.push({
          ...q,
          groupId: g.id,
          indicatorId: ind.id,
          points: q.max * scale,
          // checkCatalog guarantees the rubric exists.
          rubricDef: data.rubrics[q.rubric]!,
        });
      }
    }
  }
  return {
    ...data,
    questionList,
    questionById: new Map(questionList.map((q) => [q.id, q])),
    indicatorById,
    groupById,
    file,
  };
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
