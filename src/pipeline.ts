/**
 * The pipeline, as the CLI and the library both run it:
 *
 *   project → validate → gate → evidence → score (what-if) → plan → dossier model → documents
 *
 * `assess()` stops after the plan (what `kla score` shows); `build()` goes on
 * to the documents and returns their bytes (what `kla build` writes). Neither
 * touches the terminal, the process or any output file: options in, data out,
 * refusals thrown as coded `KlaError`s. So a figure can never differ between
 * the CLI and the library.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from './model.js';
import { diag, formatMessage, refusal } from './diagnostics/index.js';
import { configPath, displayPath } from './paths.js';
import { isPlaceholder, opdNamed, opdsForQuestion, type Project } from './project/config.js';
import { validateInputs, type ValidationReport } from './validate/index.js';
import { missingForFinal } from './validate/profile.js';
import {
  applyWhatIf,
  forecastDifference,
  gapPlan,
  openConflicts,
  planTarget,
  score,
  type EvidenceLookup,
  type ForecastDifference,
  type GapPlan,
  type ScoreOptions,
  type ScoreReport,
  type WhatIfResult,
  type WhatIfSettings,
} from './score/index.js';
import { readEvidenceFolder } from './score/evidence-files.js';
import type { Lang } from './i18n.js';
import { standingOf } from './status/standing.js';
import { letterFileName, letterSettings, planFeedback, workbookFileName, type FeedbackPlan, type LetterSettings } from './feedback/plan.js';
import { annotationInput, reviewedWorkbook } from './feedback/workbook.js';

export interface AssessOptions {
  /** Files, folders (walked) and glob patterns; default: the project's submissions folder. */
  inputs?: readonly string[];
  /** The folder relative paths are resolved against and shown from (default: the process's). */
  cwd?: string;
  /** Reading in parallel: 1 reads in this process (default: the number of CPUs). */
  jobs?: number;
  /**
   * The evidence folder named files are looked up in. Default: the project's
   * evidence folder when it holds files; `false`: none (evidence is then
   * judged by whether it is named).
   */
  evidence?: string | false;
  /** Score even when validation found errors (the answers concerned are left out). */
  allowInvalid?: boolean;
  whatIf?: WhatIfSettings;
  /** The predikat the gap plan aims at; default: none (`build` plans towards the next). */
  target?: string;
  /** Told when each stage starts (for a progress indicator). */
  onStage?: (stage: Stage) => void;
}

export type Stage = 'checking' | 'scoring' | 'rendering';

export interface Assessment {
  project: Project;
  report: ValidationReport;
  /** The evidence folder checked (absolute), or null when none was. */
  evidenceDir: string | null;
  /** The score of the answers as they are (with a what-if: before it). */
  result: ScoreReport;
  whatIf?: WhatIfResult;
  plan: GapPlan | null;
  /** Remarks for the people running it (not findings about the workbooks). */
  notes: Diagnostic[];
}

/**
 * The evidence folder to check: the one named, else the project's evidence
 * folder when it holds files, else none.
 */
export function evidenceDirFor(project: Project, option: string | false | undefined, cwd: string): string | null {
  if (option === false) return null;
  if (option !== undefined) return path.resolve(cwd, option);
  try {
    const dir = project.paths.evidence;
    return statSync(dir).isDirectory() && readdirSync(dir).some((f) => !f.startsWith('.')) ? dir : null;
  } catch {
    return null;
  }
}

/**
 * How a validation report with errors is treated. 'review' refuses nothing:
 * kla status and kla feedback exist because there are errors, and an empty
 * folder is a list of OPDs that sent nothing.
 */
type Gate = 'refuse-score' | 'refuse-build' | 'allow' | 'review';

/** The errors that stop a run, as one refusal (exit 1) listing the first of them. */
function gateRefusal(report: ValidationReport, gate: Exclude<Gate, 'allow'>): never {
  const errors = report.diagnostics.filter((d) => d.severity === 'error');
  const files = new Set(errors.map((d) => d.location.file)).size;
  const SHOWN = 10;
  const details = [...errors.slice(0, SHOWN), ...(errors.length > SHOWN ? [diag('KLA-I702', { more: errors.length - SHOWN })] : [])];
  throw refusal(gate === 'refuse-build' ? 'KLA-E701' : 'KLA-E704', { errors: errors.length, files }, { details, exitCode: 1 });
}

async function evaluate(project: Project, opts: AssessOptions, gate: Gate): Promise<Assessment & { evidence: EvidenceLookup | null }> {
  const cwd = opts.cwd ?? process.cwd();
  const inputs = [...(opts.inputs ?? [])];
  const evidenceDir = evidenceDirFor(project, opts.evidence, cwd);
  // A missing folder named on the command line is a usage error now, not after the slow part.
  const evidence = evidenceDir === null ? undefined : await readEvidenceFolder(evidenceDir);

  opts.onStage?.('checking');
  const report = await validateInputs(project, inputs, { cwd, ...(opts.jobs !== undefined ? { jobs: opts.jobs } : {}), ...(gate === 'review' ? { allowEmpty: true } : {}) });
  opts.onStage?.('scoring');
  if (report.summary.errors > 0 && (gate === 'refuse-score' || gate === 'refuse-build') && !opts.allowInvalid) gateRefusal(report, gate);
  if (report.submissions.length === 0 && gate !== 'review') {
    throw refusal('KLA-E703', { folder: displayPath(project.paths.submissions, cwd), inputs });
  }

  const answers = report.submissions.flatMap((s) => s.answers);
  const options: ScoreOptions = {
    opdOrder: project.config.opds.map((o) => o.code),
    responsible: (q) => opdsForQuestion(project, q).map((o) => o.code),
    // One answer per question, as the official application takes it: the DPPPA's choice where OPDs differ.
    chosen: project.index.chosen,
    riskMargin: project.config.forecastRiskMargin,
    ...(evidence ? { evidence } : {}),
    ...(report.matrix ? { matrix: report.matrix } : {}),
  };
  const whatIf = opts.whatIf && opts.whatIf.size > 0 ? applyWhatIf(project.catalog, answers, opts.whatIf, options) : undefined;
  const result = whatIf ? whatIf.baseline : score(project.catalog, answers, options);
  const plan = opts.target === undefined ? null : gapPlan(result, project.catalog.predikat, opts.target);

  const notes: Diagnostic[] = [];
  if (evidenceDir === null) notes.push(diag('KLA-I716', {}));
  for (const u of result.unusedChoices) {
    notes.push(diag('KLA-W730', { question: u.questionId, opd: u.opdCode, reason: u.reason }, { file: project.configFile, key: `chosenAnswers.${u.questionId}` }, u.questionId));
  }
  if (report.summary.errors > 0) {
    const unreadable = report.files.filter((f) => f.status === 'unreadable').map((f) => f.file);
    notes.push(diag('KLA-W718', { errors: report.summary.errors, ignored: result.ignoredAnswers.length, unreadable }));
  }
  return { project, report, evidenceDir, evidence: evidence ?? null, result, ...(whatIf ? { whatIf } : {}), plan, notes };
}

/**
 * Validate, score and plan. Refuses (exit 1) when validation finds errors,
 * unless `allowInvalid`; refuses (exit 2) when no workbook can be scored.
 */
export async function assess(project: Project, opts: AssessOptions = {}): Promise<Assessment> {
  const { evidence: _evidence, ...a } = await evaluate(project, opts, 'refuse-score');
  return a;
}

export type ReviewOptions = Pick<AssessOptions, 'inputs' | 'cwd' | 'jobs' | 'evidence' | 'onStage'>;

/** The state of the submissions as kla status and kla feedback show it. */
export interface Review {
  project: Project;
  /** Every finding, errors included (nothing is refused for them). */
  report: ValidationReport;
  /** The evidence folder checked (absolute), or null when none was. */
  evidenceDir: string | null;
  /** Its files, for checking the evidence each OPD names. */
  evidence: EvidenceLookup | null;
  /** The score of the usable answers (answers with errors left out). */
  result: ScoreReport;
  /** Where the verification forecast loses points, and whose answers cause it. */
  difference: ForecastDifference;
}

/**
 * Validate and score without refusing: validation errors and an empty
 * submissions folder are what the review is for. Refuses only for bad input
 * (a folder or evidence folder that does not exist).
 */
export async function review(project: Project, opts: ReviewOptions = {}): Promise<Review> {
  const a = await evaluate(project, opts, 'review');
  return { project, report: a.report, evidenceDir: a.evidenceDir, evidence: a.evidence, result: a.result, difference: forecastDifference(a.result) };
}

export interface BuildOptions extends Omit<AssessOptions, 'allowInvalid' | 'target'> {
  /** Build despite validation errors, marked DRAF, with an annex of the open problems. */
  draft?: boolean;
  /** Also a recap workbook of every answer and score. */
  recap?: boolean;
  /** A folder of the district's own narrative templates (default: the config's, else the shipped ones). */
  templates?: string;
  /** The date of the documents (default: the latest date the workbooks were saved). */
  date?: Date;
}

/** A document a build produced: what it is, the file name it is written under by default, its bytes. */
export interface BuiltDocument {
  kind: 'dossier' | 'report' | 'recap';
  /** File name inside the project's output folder. */
  fileName: string;
  bytes: Buffer;
  /** Pages of a PDF. */
  pages?: number;
}

export interface Build extends Assessment {
  draft: boolean;
  /** What stops the final dossier (empty for a final build, which refuses otherwise). */
  blockers: Diagnostic[];
  documents: BuiltDocument[];
}

/**
 * What stops the final dossier, each a diagnostic naming where to fix it:
 * validation errors, an open conflict between OPDs, the document date, the
 * signatories, the emblem, and the district profile. Pure.
 */
export function finalBlockers(project: Project, a: Pick<Assessment, 'report' | 'result'>, hasEmblem: boolean): Diagnostic[] {
  const { config, configFile } = project;
  const at = (key: string) => ({ file: configFile, key });
  const out: Diagnostic[] = [];
  const errors = a.report.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) out.push(diag('KLA-E725', { errors: errors.length, files: new Set(errors.map((d) => d.location.file)).size }));
  for (const c of openConflicts(a.result)) out.push(diag('KLA-E724', { question: c.questionId, opds: c.answers.map((x) => x.opdCode) }, at('chosenAnswers'), c.questionId));
  if (config.document.date === undefined) out.push(diag('KLA-E720', { key: 'document.date', year: config.year }, at('document.date')));
  for (const role of ['head', 'coordinator'] as const) {
    for (const field of ['name', 'title'] as const) {
      const v = config.signatories[role][field];
      if (isPlaceholder(v)) out.push(diag('KLA-E721', { key: `signatories.${role}.${field}`, role, field, found: v.trim() }, at(`signatories.${role}.${field}`)));
    }
  }
  if (!hasEmblem) out.push(diag('KLA-E722', { key: 'district.logo' }, at('district.logo')));
  out.push(...missingForFinal(a.report.profile));
  return out;
}

/**
 * A kabupaten is rarely signed for in a town of its own name (Merangin: in
 * Bangko): said when nothing names the place of the dossier or the letters.
 */
function placeFromName(project: Project, what: 'dossier' | 'letters'): Diagnostic[] {
  const { district, document, letters, profile } = project.config;
  const key = what === 'dossier' ? 'document.place' : 'letters.place';
  const named = what === 'dossier' ? document.place : letters?.place;
  if (district.kind !== 'kabupaten' || named !== undefined || profile.capital !== undefined) return [];
  return [diag('KLA-W726', { key, place: district.name, what }, { file: project.configFile, key })];
}

/** Validate, score and render the documents (nothing is written). */
export async function build(project: Project, opts: BuildOptions = {}): Promise<Build> {
  const cwd = opts.cwd ?? process.cwd();
  // Everything that needs no workbook is checked first: a typo in a template fails in a second.
  const [{ loadTemplates }, { renderDocuments }, { preparePdfmake }, { recapSheets }, { documentDate }] = await Promise.all([
    import('./dossier/templates.js'),
    import('./dossier/index.js'),
    import('./dossier/render.js'),
    import('./dossier/recap.js'),
    import('./dossier/date.js'),
  ]);
  const templateDir =
    opts.templates !== undefined
      ? path.resolve(cwd, opts.templates)
      : project.config.dossierTemplates !== undefined
        ? configPath(project.dir, project.config.dossierTemplates)
        : undefined;
  const templates = loadTemplates(templateDir);
  const logo = project.config.district.logo !== undefined ? readEmblem(configPath(project.dir, project.config.district.logo)) : null;
  preparePdfmake(); // loads while the workbooks are read

  const draft = Boolean(opts.draft);
  const { evidence: _evidence, ...a } = await evaluate(project, opts, draft ? 'allow' : 'refuse-build');
  const { report, result } = a;
  const blockers = finalBlockers(project, a, logo !== null);
  if (!draft && blockers.length > 0) throw refusal('KLA-E719', { blockers: blockers.length }, { details: blockers, exitCode: 1 });

  const target = planTarget(result.predikat, result.forecast.predikat, project.catalog.predikat);
  const plan = target === null ? null : gapPlan(result, project.catalog.predikat, target);
  const label = (f: string) => displayPath(path.resolve(cwd, f), project.dir);
  const printed = project.config.document.date !== undefined ? new Date(`${project.config.document.date}T00:00:00Z`) : null;
  // The PDF's own date (and so its id) is never the clock: the one fixed by the caller, the printed date, or the data's.
  const pdfDate = opts.date ?? printed ?? documentDate(undefined, report.submissions.map((s) => s.savedAt), project.config.year);
  const word = (d: Diagnostic) => formatMessage(d, 'id', { cwd, base: project.dir });

  opts.onStage?.('rendering');
  const { dossier, report: working, model } = await renderDocuments(
    {
      catalog: project.catalog,
      config: project.config,
      districtName: project.districtName,
      submissions: report.submissions,
      profile: report.profile,
      matrix: report.matrix,
      files: report.files.filter((f) => f.sha256 !== undefined).map((f) => ({ file: f.file, sha256: f.sha256!, opdCode: f.opdCode ?? null })),
      diagnostics: report.diagnostics,
      word,
      score: result,
      plan,
      draft,
      blockers,
      date: printed,
      logo,
      evidenceChecked: a.evidenceDir !== null,
      fileLabel: label,
    },
    templates,
    { place: project.config.document.place, pdfDate },
  );
  const year = project.config.year;
  const suffix = draft ? '-draf' : '';
  const documents: BuiltDocument[] = [
    { kind: 'dossier', fileName: `dokumen-kla-${year}${suffix}.pdf`, bytes: dossier.pdf, pages: dossier.pages },
    { kind: 'report', fileName: `laporan-kerja-kla-${year}${suffix}.pdf`, bytes: working.pdf, pages: working.pages },
  ];
  if (opts.recap) {
    const { recapWorkbook } = await import('./workbook/recap.js');
    documents.push({ kind: 'recap', fileName: `rekap-kla-${year}${suffix}.xlsx`, bytes: await recapWorkbook(recapSheets(model, project.catalog, report.submissions), pdfDate) });
  }
  // What the config may hold by mistake is printed in the documents (the province on the cover): said again here.
  const notes = [...project.warnings.filter((w) => w.code === 'KLA-W426'), ...templates.warnings, ...a.notes];
  notes.push(...placeFromName(project, 'dossier'));
  if (draft && report.summary.errors > 0) notes.push(diag('KLA-W717', { errors: report.summary.errors }));
  return { ...a, plan, notes: notes.filter((n) => n.code !== 'KLA-W718'), draft, blockers: draft ? blockers : [], documents };
}

export interface FeedbackOptions extends ReviewOptions {
  /** Only these OPDs (codes, as in the config); default: every OPD that has something to be told. */
  opds?: readonly string[];
  /** The language of the letters and annotated workbooks (default Indonesian). */
  lang?: Lang;
}

/** A file kla feedback writes for an OPD: its annotated workbook or its letter. */
export interface FeedbackDocument {
  opd: string;
  kind: 'workbook' | 'letter' | 'template';
  /** File name inside the feedback folder. */
  fileName: string;
  bytes: Buffer;
}

export interface Feedback extends Review {
  settings: LetterSettings;
  plan: FeedbackPlan;
  documents: FeedbackDocument[];
  /** Warnings about what the letters print (KLA-W726). */
  notes: Diagnostic[];
  /** The OPDs this feedback speaks for: the ones asked for, or null for all of them. */
  scope: string[] | null;
}

/**
 * Review the submissions and write, per OPD with something to be told, an
 * annotated copy of its own workbook (from the original bytes, which are not
 * changed) and a letter; nothing is written to disk. The letter settings are
 * checked first: a missing date or number fails in a second.
 */
export async function feedback(project: Project, opts: FeedbackOptions = {}): Promise<Feedback> {
  const cwd = opts.cwd ?? process.cwd();
  const lang = opts.lang ?? 'id';
  const settings = letterSettings(project);
  const only = [...new Set((opts.opds ?? []).map((c) => opdNamed(project, c).code))];
  const logo = project.config.district.logo !== undefined ? readEmblem(configPath(project.dir, project.config.district.logo)) : null;
  const [{ preparePdfmake }, { renderLetter }, { letterContent }, { annotateWorkbook }, { buildTemplateWorkbook, templateBytes, templateFileName }] = await Promise.all([
    import('./dossier/render.js'),
    import('./letters/layout.js'),
    import('./letters/content.js'),
    import('./workbook/annotate.js'),
    import('./workbook/template.js'),
  ]);
  preparePdfmake();

  const r = await review(project, opts);
  const plan = planFeedback(standingOf(r), settings, only);
  opts.onStage?.('rendering');
  // An OPD knows files by their names, not the DPPPA's folders, and other OPDs by their names, not the
  // codes of the DPPPA's config; the documents are the same from any folder.
  const names = new Map(project.config.opds.map((o) => [o.code, o.name]));
  const message = (d: Diagnostic) => formatMessage(d, lang, { namesOnly: true, opdName: (code) => names.get(code) });
  const documents: FeedbackDocument[] = [];
  for (const item of plan.items) {
    const opd = item.standing.opd;
    if (item.kind === 'problems') {
      const file = item.standing.file!;
      const original = readFileSync(path.resolve(cwd, file));
      const input = annotationInput(reviewedWorkbook(item), { settings, year: project.config.year, district: project.districtName, lang, message });
      documents.push({ opd: opd.code, kind: 'workbook', fileName: workbookFileName(item, lang), bytes: await annotateWorkbook(original, input) });
    }
    if (item.letter !== null) {
      const templateFile = templateFileName(project, opd);
      const model = letterContent(item, { project, settings, lang, templateFile, logo, message });
      documents.push({ opd: opd.code, kind: 'letter', fileName: letterFileName(item, lang, project.config.year), bytes: await renderLetter(model) });
      // A letter that asks for the template to be filled (nothing sent, or nothing usable) has it beside it, under
      // the name it gives: the one in the templates folder (what was sent), else made afresh.
      if (item.kind !== 'problems') {
        const sent = path.join(project.paths.templates, templateFile);
        const bytes = existsSync(sent) ? readFileSync(sent) : await templateBytes(await buildTemplateWorkbook(project, opd));
        documents.push({ opd: opd.code, kind: 'template', fileName: templateFile, bytes });
      }
    }
  }
  return { ...r, settings, plan, documents, notes: placeFromName(project, 'letters'), scope: only.length > 0 ? only : null };
}

const PNG = [0x89, 0x50, 0x4e, 0x47];
const JPEG = [0xff, 0xd8, 0xff];

/** The district emblem as a data URL, after checking it is a PNG or JPEG of sensible size. */
function readEmblem(file: string): string {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw refusal('KLA-E706', { file, reason: code === 'ENOENT' ? 'missing' : code === 'EACCES' || code === 'EPERM' ? 'denied' : 'other' }, { location: { file, key: 'district.logo' } });
  }
  const is = (sig: number[]) => sig.every((b, i) => buf[i] === b);
  const type = is(PNG) ? 'png' : is(JPEG) ? 'jpeg' : null;
  if (type === null || buf.length > 10 * 1024 * 1024) throw refusal('KLA-E707', { file }, { location: { file, key: 'district.logo' } });
  return `data:image/${type};base64,${buf.toString('base64')}`;
}
