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
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from './model.js';
import { diag, formatMessage, refusal } from './diagnostics/index.js';
import { displayPath } from './paths.js';
import { opdsForQuestion, type Project } from './project/config.js';
import { validateInputs, type ValidationReport } from './validate/index.js';
import { applyWhatIf, gapPlan, planTarget, score, type GapPlan, type ScoreOptions, type ScoreReport, type WhatIfResult, type WhatIfSettings } from './score/index.js';
import { readEvidenceFolder } from './score/evidence-files.js';
import { toolVersion } from './version.js';

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

/** How a validation report with errors is treated. */
type Gate = 'refuse-score' | 'refuse-build' | 'allow';

/** The errors that stop a run, as one refusal (exit 1) listing the first of them. */
function gateRefusal(report: ValidationReport, gate: Exclude<Gate, 'allow'>): never {
  const errors = report.diagnostics.filter((d) => d.severity === 'error');
  const files = new Set(errors.map((d) => d.location.file)).size;
  const SHOWN = 10;
  const details = [...errors.slice(0, SHOWN), ...(errors.length > SHOWN ? [diag('KLA-I702', { more: errors.length - SHOWN })] : [])];
  throw refusal(gate === 'refuse-build' ? 'KLA-E701' : 'KLA-E704', { errors: errors.length, files }, { details, exitCode: 1 });
}

async function evaluate(project: Project, opts: AssessOptions, gate: Gate): Promise<Assessment> {
  const cwd = opts.cwd ?? process.cwd();
  const inputs = [...(opts.inputs ?? [])];
  const evidenceDir = evidenceDirFor(project, opts.evidence, cwd);
  // A missing folder named on the command line is a usage error now, not after the slow part.
  const evidence = evidenceDir === null ? undefined : await readEvidenceFolder(evidenceDir);

  opts.onStage?.('checking');
  const report = await validateInputs(project, inputs, { cwd, ...(opts.jobs !== undefined ? { jobs: opts.jobs } : {}) });
  opts.onStage?.('scoring');
  if (report.summary.errors > 0 && gate !== 'allow' && !opts.allowInvalid) gateRefusal(report, gate);
  if (report.submissions.length === 0) {
    throw refusal('KLA-E703', { folder: displayPath(project.paths.submissions, cwd), inputs });
  }

  const answers = report.submissions.flatMap((s) => s.answers);
  const options: ScoreOptions = {
    opdOrder: project.config.opds.map((o) => o.code),
    responsible: (q) => opdsForQuestion(project, q).map((o) => o.code),
    ...(evidence ? { evidence } : {}),
  };
  const whatIf = opts.whatIf && opts.whatIf.size > 0 ? applyWhatIf(project.catalog, answers, opts.whatIf, options) : undefined;
  const result = whatIf ? whatIf.baseline : score(project.catalog, answers, options);
  const plan = opts.target === undefined ? null : gapPlan(result, project.catalog.predikat, opts.target);

  const notes: Diagnostic[] = [];
  if (evidenceDir === null) notes.push(diag('KLA-I716', {}));
  if (report.summary.errors > 0) {
    const unreadable = report.files.filter((f) => f.status === 'unreadable').map((f) => f.file);
    notes.push(diag('KLA-W718', { errors: report.summary.errors, ignored: result.ignoredAnswers.length, unreadable }));
  }
  return { project, report, evidenceDir, result, ...(whatIf ? { whatIf } : {}), plan, notes };
}

/**
 * Validate, score and plan. Refuses (exit 1) when validation finds errors,
 * unless `allowInvalid`; refuses (exit 2) when no workbook can be scored.
 */
export function assess(project: Project, opts: AssessOptions = {}): Promise<Assessment> {
  return evaluate(project, opts, 'refuse-score');
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
  kind: 'dossier' | 'recap';
  /** File name inside the project's output folder. */
  fileName: string;
  bytes: Buffer;
  /** Pages of a PDF. */
  pages?: number;
}

export interface Build extends Assessment {
  draft: boolean;
  documents: BuiltDocument[];
}

/** Validate, score and render the documents (nothing is written). */
export async function build(project: Project, opts: BuildOptions = {}): Promise<Build> {
  const cwd = opts.cwd ?? process.cwd();
  // Everything that needs no workbook is checked first: a typo in a template fails in a second.
  const [{ loadTemplates }, { renderDossier }, { preparePdfmake }, { recapSheets }, { documentDate }] = await Promise.all([
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
        ? path.resolve(project.dir, project.config.dossierTemplates)
        : undefined;
  const templates = loadTemplates(templateDir);
  const logo = project.config.district.logo !== undefined ? readEmblem(path.resolve(project.dir, project.config.district.logo)) : null;
  preparePdfmake(); // loads while the workbooks are read

  const draft = Boolean(opts.draft);
  const a = await evaluate(project, opts, draft ? 'allow' : 'refuse-build');
  const { report, result } = a;
  const target = planTarget(result.predikat, result.forecast.predikat, project.catalog.predikat);
  const plan = target === null ? null : gapPlan(result, project.catalog.predikat, target);
  const label = (f: string) => displayPath(path.resolve(cwd, f), project.dir);
  const date = documentDate(opts.date, report.submissions.map((s) => s.savedAt), project.config.year);

  opts.onStage?.('rendering');
  const { pdf, model, pages } = await renderDossier(
    {
      catalog: project.catalog,
      config: project.config,
      districtName: project.districtName,
      submissions: report.submissions,
      files: report.files.filter((f) => f.sha256 !== undefined).map((f) => ({ file: f.file, sha256: f.sha256!, opdCode: f.opdCode ?? null })),
      // Paths in messages are shown relative to the project, so the PDF is the same from any folder.
      findings: report.diagnostics.map((d) => ({
        code: d.code,
        severity: d.severity,
        file: d.location.file,
        ...(d.location.sheet !== undefined ? { sheet: d.location.sheet } : {}),
        ...(d.location.cell !== undefined ? { cell: d.location.cell } : {}),
        ...(d.questionId !== undefined ? { questionId: d.questionId } : {}),
        message: formatMessage(d, 'id', { cwd, base: project.dir }),
      })),
      score: result,
      plan,
      draft,
      date,
      toolVersion: toolVersion(),
      logo,
      evidenceChecked: a.evidenceDir !== null,
      fileLabel: label,
    },
    templates,
  );
  const documents: BuiltDocument[] = [{ kind: 'dossier', fileName: `dokumen-kla-${project.config.year}.pdf`, bytes: pdf, pages }];
  if (opts.recap) {
    const { recapWorkbook } = await import('./workbook/recap.js');
    documents.push({ kind: 'recap', fileName: `rekap-kla-${project.config.year}.xlsx`, bytes: await recapWorkbook(recapSheets(model, project.catalog, report.submissions), date) });
  }
  const notes = [...templates.warnings, ...a.notes];
  if (draft && report.summary.errors > 0) notes.push(diag('KLA-W717', { errors: report.summary.errors }));
  return { ...a, plan, notes: notes.filter((n) => n.code !== 'KLA-W718'), draft, documents };
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
