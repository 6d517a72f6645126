/**
 * What-if scenarios: change answers (through the rubric) or points (directly)
 * and score again. Parsing collects every problem and throws one refusal
 * (a usage error, exit 2) naming each bad id or value.
 */
import { findQuestion, type Catalog, type CatalogQuestion } from '../catalog/load.js';
import type { Answer, AnswerValue, Diagnostic } from '../model.js';
import { diag, refusal } from '../diagnostics/index.js';
import { compareScores, type ScoreComparison } from './compare.js';
import { normalizeOption, rubricFraction, score, type ScoreOptions, type ScoreReport, type WhatIfSetting } from './engine.js';

/** The settings of a scenario, by question id. Later settings of the same id win. */
export type WhatIfSettings = Map<string, WhatIfSetting>;

export interface WhatIfResult {
  baseline: ScoreReport;
  scenario: ScoreReport;
  settings: WhatIfSettings;
  delta: ScoreComparison;
}

type Parsed<T> = { ok: T } | { problem: Diagnostic };

const NUMBER = /^([+-]?)(\d+)(?:[.,](\d+))?\s*(%?)$/;

/**
 * Read an answer typed by a user in the question's own terms: an option of the
 * question's rubric (case-insensitive; a unique beginning is enough), a percent
 * (0–100, decimal comma or point, an optional "%") or a count (whole number).
 */
export function parseAnswerInput(q: CatalogQuestion, input: string | number): Parsed<AnswerValue> {
  const r = q.rubricDef;
  const text = String(input).trim();
  if (r.kind === 'options') {
    const want = normalizeOption(text);
    const exact = r.options.filter((o) => normalizeOption(o.value) === want);
    const prefix = want === '' ? [] : r.options.filter((o) => normalizeOption(o.value).startsWith(want));
    const hit = exact.length === 1 ? exact : prefix;
    if (hit.length === 1) return { ok: { kind: 'option', option: hit[0]!.value } };
    return { problem: diag('KLA-E527', { question: q.id, answer: text, options: r.options.map((o) => o.value), ambiguous: hit.length > 1 ? 1 : 0 }, { file: '' }, q.id) };
  }
  const m = NUMBER.exec(text);
  const value = m ? Number(`${m[1]}${m[2]}.${m[3] ?? '0'}`) : NaN;
  const isPercent = q.answerType === 'percent';
  const wrong = (): Parsed<AnswerValue> => ({ problem: diag('KLA-E528', { question: q.id, answer: text, expected: isPercent ? 'percent' : 'count' }, { file: '' }, q.id) });
  if (!m || (m[4] === '%' && !isPercent)) return wrong();
  if (isPercent && !(value >= 0 && value <= 100)) return wrong();
  if (!isPercent && !(Number.isInteger(value) && value >= 0)) return wrong();
  const v: AnswerValue = { kind: 'number', value };
  // The catalog guarantees number rubrics for percent and count questions; keep the check for hand-made catalogs.
  if (rubricFraction(r, v) === null) return { problem: diag('KLA-E529', { question: q.id }, { file: '' }, q.id) };
  return { ok: v };
}

function parsePoints(q: CatalogQuestion, input: unknown): Parsed<number> {
  if (typeof input !== 'number' || !Number.isFinite(input) || input < 0 || input > q.points + 1e-9) {
    return { problem: diag('KLA-E530', { question: q.id, max: q.points, value: JSON.stringify(input) ?? String(input) }, { file: '' }, q.id) };
  }
  return { ok: Math.min(input, q.points) };
}

function question(catalog: Catalog, id: string): Parsed<CatalogQuestion> {
  // "21a.3" can only mean "21A.3", and a recap's "25.7 b" is "25.7b".
  const q = findQuestion(catalog, id);
  if (q) return { ok: q };
  return { problem: diag('KLA-E524', { question: id, catalog: catalog.id }) };
}

/** Parse repeated `--set ID=VALUE` arguments. */
export function parseSetArgs(catalog: Catalog, args: readonly string[], into: WhatIfSettings = new Map()): WhatIfSettings {
  const problems: Diagnostic[] = [];
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq <= 0) {
      problems.push(diag('KLA-E531', { arg, example: exampleQuestion(catalog) }, { file: '', option: '--set' }));
      continue;
    }
    const q = question(catalog, arg.slice(0, eq));
    if ('problem' in q) {
      problems.push(q.problem);
      continue;
    }
    const v = parseAnswerInput(q.ok, arg.slice(eq + 1));
    if ('problem' in v) problems.push(v.problem);
    else into.set(q.ok.id, { answer: v.ok });
  }
  if (problems.length > 0) throw refusal('KLA-E532', {}, { location: { file: '', option: '--set' }, details: problems });
  return into;
}

/** A question to show in examples: the catalog's first percent question, since `92.5` fits it. */
const exampleQuestion = (catalog: Catalog) => (catalog.questionList.find((q) => q.answerType === 'percent') ?? catalog.questionList[0]!).id;

/** Parse the JSON of a what-if file: {"set": {"<id>": {"answer": 92.5}, "<id>": {"points": 12}}}. */
export function parseWhatIfJson(catalog: Catalog, raw: unknown, file: string, into: WhatIfSettings = new Map()): WhatIfSettings {
  const at = (key?: string) => ({ file, ...(key !== undefined ? { key } : {}) });
  const fail = (problems: Diagnostic[]) => refusal('KLA-E521', { file }, { location: at(), details: problems });
  const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
  if (!isObject(raw) || !isObject(raw.set)) throw fail([diag('KLA-E522', { example: exampleQuestion(catalog) }, at('set'))]);
  const extra = Object.keys(raw).filter((k) => k !== 'set' && k !== '$schema' && k !== 'description');
  const problems: Diagnostic[] = extra.map((k) => diag('KLA-E523', { key: k }, at(k)));
  for (const [id, entry] of Object.entries(raw.set)) {
    const q = question(catalog, id);
    if ('problem' in q) {
      problems.push({ ...q.problem, location: at(`set.${id}`) });
      continue;
    }
    const keys = isObject(entry) ? Object.keys(entry) : [];
    if (!isObject(entry) || keys.length !== 1 || !(keys[0] === 'answer' || keys[0] === 'points')) {
      problems.push(diag('KLA-E525', { question: id }, at(`set.${id}`)));
      continue;
    }
    if ('points' in entry) {
      const p = parsePoints(q.ok, entry.points);
      if ('problem' in p) problems.push(p.problem);
      else into.set(q.ok.id, { points: p.ok });
    } else {
      const a = entry.answer;
      if (typeof a !== 'string' && typeof a !== 'number') {
        problems.push(diag('KLA-E526', { question: id }, at(`set.${id}.answer`)));
        continue;
      }
      const v = parseAnswerInput(q.ok, a);
      if ('problem' in v) problems.push(v.problem);
      else into.set(q.ok.id, { answer: v.ok });
    }
  }
  if (problems.length > 0) throw fail(problems.map((p) => (p.location.file === '' ? { ...p, location: at(`set.${p.questionId}`) } : p)));
  return into;
}

/** Score the answers as they are and under the scenario, and compare the two. */
export function applyWhatIf(
  catalog: Catalog,
  answers: readonly Answer[],
  settings: WhatIfSettings,
  options: Omit<ScoreOptions, 'whatIf'> = {},
): WhatIfResult {
  const baseline = score(catalog, answers, options);
  const scenario = score(catalog, answers, { ...options, whatIf: settings });
  return { baseline, scenario, settings, delta: compareScores(baseline, scenario) };
}
