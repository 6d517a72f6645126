/**
 * Loading a catalog: a built-in id ("kla-2024") or a path to a district's own
 * JSON file. Shape is checked by the zod schema, meaning by `checkCatalog`;
 * either failure is a `KlaError` naming the file and every problem.
 */
import { createHash } from 'node:crypto';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { catalogSchema, type CatalogData, type Group, type Indicator, type Question, type Rubric } from './schema.js';
import { checkCatalog, formatCatalogProblem } from './rules.js';
import { KlaError } from '../i18n.js';
import { catalogsDir } from '../paths.js';

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
  if (!existsSync(file)) {
    throw new KlaError({
      id: `Katalog "${ref}" tidak ditemukan (${file}). Gunakan "kla-2024" atau path ke berkas katalog JSON.`,
      en: `Catalog "${ref}" not found (${file}). Use "kla-2024" or a path to a catalog JSON file.`,
    });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new KlaError({
      id: `Berkas katalog ${file} bukan JSON yang sah: ${(e as Error).message}`,
      en: `Catalog file ${file} is not valid JSON: ${(e as Error).message}`,
    });
  }
  return buildCatalog(raw, file);
}

/** Validate raw catalog data (schema, then semantic rules) and index it. */
export function buildCatalog(raw: unknown, file = '<catalog>'): Catalog {
  const parsed = catalogSchema.safeParse(raw);
  if (!parsed.success) {
    throw new KlaError(
      { id: `Berkas katalog ${file} tidak sesuai skema:`, en: `Catalog file ${file} does not match the schema:` },
      parsed.error.issues.slice(0, 20).map((i) => {
        const at = i.path.join('.') || '(akar)';
        return { id: `${at}: ${i.message}`, en: `${at}: ${i.message}` };
      }),
    );
  }
  const data = parsed.data;
  const problems = checkCatalog(data);
  if (problems.length > 0) {
    throw new KlaError(
      { id: `Katalog ${file} tidak konsisten:`, en: `Catalog ${file} is inconsistent:` },
      problems.map((p) => ({
        id: `${p.path}: ${formatCatalogProblem(p, 'id')}`,
        en: `${p.path}: ${formatCatalogProblem(p, 'en')}`,
      })),
    );
  }
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
