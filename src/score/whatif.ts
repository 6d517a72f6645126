/**
 * What-if scenarios: change answers (through the rubric) or points (directly)
 * and score again. Parsing collects every problem and throws one KlaError
 * (a usage error, exit 2) naming each bad id or value.
 */
import { findQuestion, type Catalog, type CatalogQuestion } from '../catalog/load.js';
import { formatNumber, KlaError, type Localized } from '../i18n.js';
import type { Answer, AnswerValue } from '../model.js';
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

type Parsed<T> = { ok: T } | { problem: Localized };

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
    const list = r.options.map((o) => `"${o.value}"`).join(', ');
    return {
      problem: {
        id: `jawaban "${text}" untuk pertanyaan ${q.id} tidak dikenal${hit.length > 1 ? ' (lebih dari satu pilihan cocok)' : ''}; pilihan yang sah: ${list}.`,
        en: `answer "${text}" for question ${q.id} is not known${hit.length > 1 ? ' (more than one option matches)' : ''}; valid options: ${list}.`,
      },
    };
  }
  const m = NUMBER.exec(text);
  const value = m ? Number(`${m[1]}${m[2]}.${m[3] ?? '0'}`) : NaN;
  const isPercent = q.answerType === 'percent';
  if (!m || (m[4] === '%' && !isPercent)) {
    return {
      problem: isPercent
        ? { id: `jawaban pertanyaan ${q.id} harus persentase 0-100, mis. 92,5; bukan "${text}".`, en: `the answer to question ${q.id} must be a percentage 0-100, e.g. 92.5; not "${text}".` }
        : { id: `jawaban pertanyaan ${q.id} harus bilangan bulat (jumlah), bukan "${text}".`, en: `the answer to question ${q.id} must be a whole number (a count), not "${text}".` },
    };
  }
  if (isPercent && !(value >= 0 && value <= 100)) {
    return { problem: { id: `persentase pertanyaan ${q.id} harus antara 0 dan 100, bukan ${text}.`, en: `the percentage of question ${q.id} must lie between 0 and 100, not ${text}.` } };
  }
  if (!isPercent && !(Number.isInteger(value) && value >= 0)) {
    return { problem: { id: `jawaban pertanyaan ${q.id} harus bilangan bulat tidak negatif (jumlah), bukan "${text}".`, en: `the answer to question ${q.id} must be a non-negative whole number (a count), not "${text}".` } };
  }
  const v: AnswerValue = { kind: 'number', value };
  // The catalog guarantees number rubrics for percent and count questions; keep the check for hand-made catalogs.
  if (rubricFraction(r, v) === null) return { problem: { id: `jawaban pertanyaan ${q.id} tidak sesuai rubriknya.`, en: `the answer to question ${q.id} does not fit its rubric.` } };
  return { ok: v };
}

function parsePoints(q: CatalogQuestion, input: unknown): Parsed<number> {
  if (typeof input !== 'number' || !Number.isFinite(input) || input < 0 || input > q.points + 1e-9) {
    const max = formatNumber(q.points, 'id');
    return {
      problem: {
        id: `poin pertanyaan ${q.id} harus angka antara 0 dan ${max}, bukan ${JSON.stringify(input)}.`,
        en: `the points of question ${q.id} must be a number between 0 and ${formatNumber(q.points, 'en')}, not ${JSON.stringify(input)}.`,
      },
    };
  }
  return { ok: Math.min(input, q.points) };
}

function question(catalog: Catalog, id: string): Parsed<CatalogQuestion> {
  // "21a.3" can only mean "21A.3", and a recap's "25.7 b" is "25.7b".
  const q = findQuestion(catalog, id);
  if (q) return { ok: q };
  return { problem: { id: `pertanyaan "${id}" tidak ada dalam katalog ${catalog.id}.`, en: `question "${id}" is not in catalog ${catalog.id}.` } };
}

function fail(problems: Localized[], where: Localized): never {
  throw new KlaError(where, problems);
}

/** Parse repeated `--set ID=VALUE` arguments. */
export function parseSetArgs(catalog: Catalog, args: readonly string[], into: WhatIfSettings = new Map()): WhatIfSettings {
  const problems: Localized[] = [];
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq <= 0) {
      const ex = exampleQuestion(catalog);
      problems.push({ id: `"${arg}" harus berbentuk ID=NILAI, mis. ${ex}=92,5.`, en: `"${arg}" must look like ID=VALUE, e.g. ${ex}=92.5.` });
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
  if (problems.length > 0) fail(problems, { id: 'Nilai --set tidak dapat dipakai:', en: 'Cannot use the --set values:' });
  return into;
}

/** A question to show in examples: the catalog's first percent question, since `92.5` fits it. */
const exampleQuestion = (catalog: Catalog) => (catalog.questionList.find((q) => q.answerType === 'percent') ?? catalog.questionList[0]!).id;

/** Parse the JSON of a what-if file: {"set": {"<id>": {"answer": 92.5}, "<id>": {"points": 12}}}. */
export function parseWhatIfJson(catalog: Catalog, raw: unknown, file: string, into: WhatIfSettings = new Map()): WhatIfSettings {
  const where = { id: `Berkas what-if ${file} belum benar:`, en: `What-if file ${file} is not correct:` };
  const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
  if (!isObject(raw) || !isObject(raw.set)) {
    const ex = exampleQuestion(catalog);
    fail([{ id: `isinya harus objek dengan kunci "set", mis. {"set": {"${ex}": {"answer": 92.5}}}.`, en: `it must be an object with a "set" key, e.g. {"set": {"${ex}": {"answer": 92.5}}}.` }], where);
  }
  const extra = Object.keys(raw).filter((k) => k !== 'set' && k !== '$schema' && k !== 'description');
  const problems: Localized[] = extra.map((k) => ({ id: `kunci "${k}" tidak dikenal.`, en: `unknown key "${k}".` }));
  for (const [id, entry] of Object.entries(raw.set)) {
    const q = question(catalog, id);
    if ('problem' in q) {
      problems.push(q.problem);
      continue;
    }
    const keys = isObject(entry) ? Object.keys(entry) : [];
    if (!isObject(entry) || keys.length !== 1 || !(keys[0] === 'answer' || keys[0] === 'points')) {
      problems.push({
        id: `"set.${id}" harus berisi tepat satu dari "answer" atau "points", mis. {"answer": 92.5} atau {"points": 12}.`,
        en: `"set.${id}" must hold exactly one of "answer" or "points", e.g. {"answer": 92.5} or {"points": 12}.`,
      });
      continue;
    }
    if ('points' in entry) {
      const p = parsePoints(q.ok, entry.points);
      if ('problem' in p) problems.push(p.problem);
      else into.set(q.ok.id, { points: p.ok });
    } else {
      const a = entry.answer;
      if (typeof a !== 'string' && typeof a !== 'number') {
        problems.push({ id: `"set.${id}.answer" harus teks atau angka.`, en: `"set.${id}.answer" must be text or a number.` });
        continue;
      }
      const v = parseAnswerInput(q.ok, a);
      if ('problem' in v) problems.push(v.problem);
      else into.set(q.ok.id, { answer: v.ok });
    }
  }
  if (problems.length > 0) fail(problems, where);
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
