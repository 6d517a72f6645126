/**
 * Builds a catalog (catalogs/<id>.json) from a transcribed instrument and its
 * recipe (catalogs/recipes/<id>.json). The instrument is the source as it was
 * transcribed; the recipe holds every decision taken about it: sources and how
 * the source's names map onto them, the rubrics and which questions use which,
 * text corrections (each with the source text), source problems left as they
 * are, scopes, evidence exemptions and the resolutions printed for officials.
 * A new instrument year is a new instrument file and a new recipe; this script
 * does not change.
 *
 *   npx tsx scripts/build-catalog.ts                         # every recipe in catalogs/recipes/
 *   npx tsx scripts/build-catalog.ts <recipe.json> [instrument.json]
 *
 * Without an instrument path, the recipe's `instrument` file is read from
 * ../shared/reference/ beside the repository. The shipped catalog is the
 * committed JSON; tests/catalog-build.test.ts checks the script reproduces it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { buildCatalog } from '../src/catalog/load.js';
import { answerTypes, catalogSchema, defaultOpdSchema, rubricSchema, scopes, sourceSchema, type CatalogData, type Scope } from '../src/catalog/schema.js';
import { writeFileAtomic } from '../src/io/files.js';
import { catalogsDir, packageRoot } from '../src/paths.js';

/** The transcribed instrument (the format of kla-2024-instrument.json). */
const instrumentSchema = z.object({
  title: z.string(),
  predikat_bands: z.array(z.object({ name: z.string(), min: z.number(), max: z.number() })),
  groups: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      name: z.string(),
      indicators: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          max: z.number(),
          questions: z.array(
            z.object({
              id: z.string(),
              text: z.string(),
              max: z.number(),
              opds: z.array(z.string()),
              for_kecamatan: z.boolean(),
              for_desa: z.boolean(),
              answer_hint: z.enum(answerTypes),
            }),
          ),
        }),
      ),
    }),
  ),
});
export type Instrument = z.infer<typeof instrumentSchema>;

/** A catalog rubric plus the questions that use it. */
const recipeRubric = z.looseObject({ questions: z.array(z.string()).optional() }).transform((r, ctx) => {
  const { questions, ...rest } = r;
  const rubric = rubricSchema.safeParse(rest);
  if (!rubric.success) {
    for (const i of rubric.error.issues) ctx.addIssue({ code: 'custom', message: i.message, path: i.path });
    return z.NEVER;
  }
  return { ...rubric.data, ...(questions ? { questions } : {}) };
});

/**
 * A flag set for every question of `answerTypes`, every question whose text
 * matches `textPattern.pattern` (case-insensitive; only among its
 * `answerTypes`, when given) and every question listed in `questions`.
 */
const textRule = z
  .object({
    answerTypes: z.array(z.enum(answerTypes)).default([]),
    textPattern: z.object({ pattern: z.string(), answerTypes: z.array(z.enum(answerTypes)).optional() }).strict().optional(),
    questions: z.array(z.string()).default([]),
  })
  .strict();
const resolution = z.object({ issue: z.string().min(1), resolution: z.string().min(1) }).strict();

export const recipeSchema = z
  .object({
    $comment: z.string().optional(),
    recipeVersion: z.literal(1),
    id: z.string(),
    year: z.number().int(),
    /** File name of the instrument in ../shared/reference/, used when no path is given. */
    instrument: z.string(),
    title: z.string(),
    provenance: z.string(),
    totalMax: z.number(),
    indicatorOverflow: z.enum(['cap', 'sum']),
    predikatRule: z.literal('upper-inclusive'),
    groupKinds: z.record(z.string(), z.enum(['kelembagaan', 'klaster', 'kelana-dekela'])),
    sources: z.array(sourceSchema),
    /** Source names of the transcription mapped onto the list above. */
    sourceRenames: z.record(z.string(), z.string()),
    /** Sources for questions the transcription lists without any. */
    sourceFills: z.record(z.string(), z.array(z.string())),
    /** Rubrics; `questions` lists ids (or "1.2*" for every id starting "1.2") that use it. */
    rubrics: z.record(z.string(), recipeRubric),
    /** The rubric of every question no rubric lists. */
    rubricByAnswerType: z.record(z.enum(answerTypes), z.string()),
    previousYear: textRule,
    noteRequired: textRule,
    /** Question id -> why it needs no evidence although it earns points. */
    evidenceExemptions: z.record(z.string(), z.string().min(1)),
    scopes: z.partialRecord(z.enum(scopes), z.array(z.string())),
    /** Question id -> what one row of its kecamatan/desa matrix says yes to; every question of a scope other than kabupaten has one. */
    criteria: z.record(z.string(), z.string().min(1)),
    /** Question id -> the district's answer when all, some or none of the desa/kelurahan say yes (each-desa questions). */
    rollups: z.record(z.string(), z.object({ all: z.string().min(1), some: z.string().min(1), none: z.string().min(1) }).strict()),
    corrections: z.array(z.object({ questions: z.array(z.string()).min(1), from: z.string().min(1), to: z.string() }).strict()),
    sourceProblems: z.array(z.object({ questions: z.array(z.string()), problem: z.string().min(1) }).strict()),
    /** The resolution of indicators whose questions add up to more than their maximum, worded for each rule. */
    overflowResolution: z.object({ cap: resolution, sum: resolution }).strict(),
    resolutions: z.array(resolution),
    defaultOpds: z.array(defaultOpdSchema),
  })
  .strict();
export type Recipe = z.infer<typeof recipeSchema>;

/** A recipe that does not fit its instrument: every problem at once, so one edit fixes them all. */
class RecipeError extends Error {}

/** The catalog the recipe makes of the instrument. Pure. */
export function buildFromRecipe(instrument: Instrument, recipe: Recipe): CatalogData {
  const problems: string[] = [];
  const used = new Set<string>();
  const ids = new Set<string>();
  const matches = (pattern: string, id: string) => (pattern.endsWith('*') ? id.startsWith(pattern.slice(0, -1)) : pattern === id);

  const rubricOf = (id: string, answerType: (typeof answerTypes)[number]): string => {
    const listed = Object.entries(recipe.rubrics).filter(([, r]) => r.questions?.some((p) => matches(p, id)));
    if (listed.length > 1) problems.push(`${id}: listed by rubrics ${listed.map(([k]) => k).join(', ')}`);
    for (const [k, r] of listed) for (const p of r.questions ?? []) if (matches(p, id)) used.add(`rubric:${k}:${p}`);
    return listed[0]?.[0] ?? recipe.rubricByAnswerType[answerType] ?? '';
  };
  const scopeOf = (id: string, flagged: boolean): Scope => {
    const listed = (Object.entries(recipe.scopes) as [Scope, string[]][]).filter(([, list]) => list.includes(id));
    if (listed.length > 1) problems.push(`${id}: listed in scopes ${listed.map(([k]) => k).join(', ')}`);
    const scope = listed[0]?.[0] ?? 'kabupaten';
    // The transcription marks some questions as asked per kecamatan or desa; none may be lost.
    if (flagged && scope === 'kabupaten') problems.push(`${id}: the instrument asks it per kecamatan or desa, but no scope lists it`);
    return scope;
  };
  const byText = (rule: z.infer<typeof textRule>, id: string, answerType: (typeof answerTypes)[number], text: string) =>
    rule.answerTypes.includes(answerType) ||
    (rule.textPattern !== undefined &&
      (rule.textPattern.answerTypes ?? answerTypes).includes(answerType) &&
      new RegExp(rule.textPattern.pattern, 'i').test(text)) ||
    rule.questions.includes(id);

  const correct = (id: string, source: string): string => {
    let text = source;
    recipe.corrections.forEach((c, i) => {
      if (!c.questions.includes(id)) return;
      if (!text.includes(c.from)) problems.push(`corrections[${i}]: "${c.from}" does not occur in ${id}`);
      text = text.split(c.from).join(c.to);
    });
    return text;
  };

  const groups: CatalogData['groups'] = instrument.groups.map((g) => {
    const kind = recipe.groupKinds[g.id];
    if (!kind) problems.push(`group ${g.id}: no kind in groupKinds`);
    const indicators = g.indicators.map((ind) => ({
      id: ind.id.replace(/\s+/g, ''),
      name: ind.name.trim(),
      max: ind.max,
      questions: ind.questions.map((q) => {
        const id = q.id.replace(/\s+/g, '');
        ids.add(id);
        const text = correct(id, q.text.replace(/\r\n?/g, '\n').trim());
        const sources = q.opds.length > 0 ? q.opds.map((o) => recipe.sourceRenames[o] ?? o) : (recipe.sourceFills[id] ?? []);
        if (q.opds.length > 0 && recipe.sourceFills[id]) problems.push(`sourceFills.${id}: the instrument names sources for it`);
        const exemption = recipe.evidenceExemptions[id];
        const scope = scopeOf(id, q.for_kecamatan || q.for_desa);
        const criterion = recipe.criteria[id];
        const rollup = recipe.rollups[id];
        // A matrix column needs its heading; a criterion or roll-up on a question asked of the district alone is a slip.
        if (scope !== 'kabupaten' && !criterion) problems.push(`criteria: no criterion for ${id} (scope ${scope})`);
        if (scope === 'kabupaten' && criterion) problems.push(`criteria.${id}: the question is asked of the district, not per kecamatan or desa`);
        if (rollup && scope !== 'each-desa') problems.push(`rollups.${id}: the question is not asked of each desa`);
        return {
          id,
          text,
          max: q.max,
          sources: [...new Set(sources)],
          answerType: q.answer_hint,
          rubric: rubricOf(id, q.answer_hint),
          previousYear: byText(recipe.previousYear, id, q.answer_hint, text),
          ...(exemption ? { evidenceExemption: exemption } : {}),
          noteRequired: byText(recipe.noteRequired, id, q.answer_hint, text),
          scope,
          ...(criterion ? { criterion } : {}),
          ...(rollup ? { rollup } : {}),
        };
      }),
    }));
    return { id: g.id, kind: kind ?? 'klaster', label: g.label, name: g.name, max: indicators.reduce((s, i) => s + i.max, 0), indicators };
  });

  // Recipe entries that match nothing are stale: say so rather than ship them silently.
  for (const [k, r] of Object.entries(recipe.rubrics)) for (const p of r.questions ?? []) if (!used.has(`rubric:${k}:${p}`)) problems.push(`rubrics.${k}: "${p}" matches no question`);
  const known = (where: string, list: Iterable<string>) => {
    for (const id of list) if (!ids.has(id)) problems.push(`${where}: no question "${id}"`);
  };
  known('scopes', Object.values(recipe.scopes).flat());
  known('sourceFills', Object.keys(recipe.sourceFills));
  known('evidenceExemptions', Object.keys(recipe.evidenceExemptions));
  known('criteria', Object.keys(recipe.criteria));
  known('rollups', Object.keys(recipe.rollups));
  known('previousYear.questions', recipe.previousYear.questions);
  known('noteRequired.questions', recipe.noteRequired.questions);
  if (problems.length > 0) throw new RecipeError(`Recipe ${recipe.id} does not fit its instrument:\n  ${problems.join('\n  ')}`);

  const rubrics = Object.fromEntries(Object.entries(recipe.rubrics).map(([k, { questions: _q, ...r }]) => [k, r]));
  const [first, ...rest] = recipe.resolutions;
  return catalogSchema.parse({
    schemaVersion: 2,
    id: recipe.id,
    year: recipe.year,
    title: recipe.title,
    provenance: recipe.provenance,
    totalMax: recipe.totalMax,
    indicatorOverflow: recipe.indicatorOverflow,
    predikat: { decimalRule: recipe.predikatRule, bands: instrument.predikat_bands },
    sources: recipe.sources,
    rubrics,
    groups,
    // The rule for overflowing indicators follows the first resolution (the group sums), in the words of the chosen rule.
    resolutions: [...(first ? [first] : []), recipe.overflowResolution[recipe.indicatorOverflow], ...rest],
    corrections: recipe.corrections,
    sourceProblems: recipe.sourceProblems,
    defaultOpds: recipe.defaultOpds,
  });
}

export const recipesDir = path.join(catalogsDir, 'recipes');
export const referenceDir = path.resolve(packageRoot, '../shared/reference');

export function readRecipe(file: string): Recipe {
  return recipeSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

export function readInstrument(file: string): Instrument {
  return instrumentSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** The catalog file's text, exactly as committed. */
export function catalogText(catalog: CatalogData): string {
  return JSON.stringify(catalog, null, 2) + '\n';
}

/** Build one catalog and write it to catalogs/<id>.json; refuses to write one that would not load. */
export function buildOne(recipeFile: string, instrumentFile?: string): string {
  const recipe = readRecipe(recipeFile);
  const catalog = buildFromRecipe(readInstrument(instrumentFile ?? path.join(referenceDir, recipe.instrument)), recipe);
  buildCatalog(catalog, `${recipe.id} (generated)`);
  const out = path.join(catalogsDir, `${recipe.id}.json`);
  writeFileAtomic(out, catalogText(catalog));
  const n = catalog.groups.flatMap((g) => g.indicators.flatMap((i) => i.questions)).length;
  console.log(`wrote ${path.relative(process.cwd(), out)}: ${n} questions`);
  return out;
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const [recipe, instrument] = process.argv.slice(2);
  try {
    if (recipe) buildOne(path.resolve(recipe), instrument ? path.resolve(instrument) : undefined);
    else for (const f of readdirSync(recipesDir).filter((n) => n.endsWith('.json')).sort()) buildOne(path.join(recipesDir, f));
  } catch (e) {
    console.error(e instanceof RecipeError || e instanceof z.ZodError ? String(e.message) : e);
    process.exitCode = 1;
  }
}
