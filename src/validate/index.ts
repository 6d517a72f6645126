/**
 * `kla validate` as a library: find the input files, read each one, check it
 * against the catalog and the district config, and return one report.
 * The scorer and the dossier build on `validateInputs`; the CLI only formats.
 *
 * Paths in the report are relative to `cwd` with '/' separators on every
 * platform (stable for CI annotations and JSON consumers). Project-wide
 * diagnostics (an OPD that sent nothing) have file ''.
 */
import { stat } from 'node:fs/promises';
import type { Diagnostic, Location, Submission } from '../model.js';
import type { Project } from '../project/config.js';
import { applySeverity, diag, refusal } from '../diagnostics/index.js';
import type { ReadResult } from '../workbook/read.js';
import { compareCells } from '../workbook/a1.js';
import { checkIdentity } from './identity.js';
import { checkAnswers } from './answers.js';
import { aboutFileItself, checkConflicts, checkCoverage, checkDuplicates, type SubmissionFacts } from './cross.js';
import { expandInputs } from './inputs.js';
import { displayPath } from '../paths.js';
import { checkMany, defaultJobs } from './pool.js';
import { checkProfile, chooseProfile, type ProfileCandidate } from './profile.js';
import type { DistrictProfile, Kecamatan } from '../profile.js';
import type { DistrictMatrix } from '../matrix.js';
import { checkMatrix, combineMatrices, compareTyped, type MatrixCandidate } from './matrix.js';

/** What happened to one input file. Paths are relative to cwd with '/' separators. */
export interface FileReport {
  file: string;
  sha256?: string;
  /** `profile`: the DPPPA's profile workbook (src/validate/profile.ts); `matrix`: a Kelana/Dekela matrix (src/validate/matrix.ts). */
  status: 'submission' | 'profile' | 'matrix' | 'skipped' | 'unreadable';
  opdCode?: string;
  /** For skipped and unreadable files: the diagnostic code that says why. */
  reason?: string;
  /** Another workbook of the same OPD counts instead (KLA-I305, KLA-W306, KLA-E301): its answers are not used. */
  supersededBy?: string;
  /** Made for another year, district, catalog or template version: none of its answers count. */
  foreign?: true;
  /** A matrix made for one kecamatan: its name. */
  kecamatan?: string;
}

export interface ValidationReport {
  schemaVersion: 1;
  /** `year`: the evaluation year; `dataYears`: the data year evaluated and the year before it. */
  project: { district: string; year: number; dataYears?: { evaluated: number; previous: number }; catalogId: string };
  files: FileReport[];
  /**
   * 'folder': a whole collection was checked (the submissions folder, or a
   * folder named), so the district's coverage means something; 'files':
   * chosen files, whose coverage of the district is not the point.
   */
  scope: 'folder' | 'files';
  /** Deterministic order: by file, sheet, row, column, code. */
  diagnostics: Diagnostic[];
  /** Answer.invalid = true where an error concerns that answer. */
  submissions: Submission[];
  /** The district's own content from the DPPPA profile workbook (the one saved last, when there are several); null without one. */
  profile: DistrictProfile | null;
  /**
   * The Kelana/Dekela matrix from the matrix workbooks read (rows matched with
   * the profile's areas, the newest workbook counting per area); null without one.
   */
  matrix: DistrictMatrix | null;
  coverage: {
    questions: number;
    answered: number;
    byGroup: { id: string; questions: number; answered: number }[];
    byIndicator: { id: string; questions: number; answered: number }[];
    unanswered: string[];
  };
  summary: { files: number; submissions: number; errors: number; warnings: number; infos: number };
}

/** Validate files, folders (recursive) and glob patterns; with no inputs, the project's submissions folder. */
export async function validateInputs(
  project: Project,
  inputs: string[],
  opts: {
    cwd?: string;
    /** Worker processes; 1 reads in this process. Default: the number of CPUs. */
    jobs?: number;
    /** A folder without workbooks is a report of OPDs that sent nothing, not a refusal (kla status). */
    allowEmpty?: boolean;
  } = {},
): Promise<ValidationReport> {
  const cwd = opts.cwd ?? process.cwd();
  const expanded = await expandInputs(inputs.length > 0 ? inputs : [project.paths.submissions], cwd);
  const files = expanded.files;
  // A folder is the district's collection only for a project of its own: uploads checked alone say nothing of coverage.
  const folder = expanded.folder && !project.fromUploads;
  if (!opts.allowEmpty && !files.some((f) => !f.skip)) throw refusal('KLA-E517', { inputs: inputs.length > 0 ? inputs : [project.paths.submissions] });

  const reports: FileReport[] = [];
  const findings: Diagnostic[] = [];
  const toRead = files.filter((f) => !f.skip);
  const checked = await checkMany(
    project,
    toRead,
    opts.jobs ?? defaultJobs(),
    async (f) => checkFile(await readSafely(f.abs, f.display), project),
    (f, detail) => checkFile(unreadableFile(f.display, detail), project),
  );
  const byFile = new Map(toRead.map((f, i) => [f.display, checked[i]!]));
  for (const f of files) {
    if (f.skip) {
      // A file found but not readable (no permission) is unreadable; a link or lock file is skipped.
      reports.push({ file: f.display, status: f.skip.severity === 'error' ? 'unreadable' : 'skipped', reason: f.skip.code });
      findings.push({ ...f.skip, location: { file: f.display } });
    } else {
      reports.push(byFile.get(f.display)!.report);
    }
  }
  const severity = project.config.severity;
  const received = checked.flatMap((c) => (c.submission ? [c.submission] : []));
  const duplicates = checkDuplicates(received, await submissionFacts(checked, toRead));
  // Of an OPD's several workbooks only the one that counts is scored and checked against the others.
  const superseded = (d: Diagnostic) => duplicates.supersededBy.has(d.location.file) && !aboutFileItself(d);
  const perFile = applySeverity(checked.flatMap((c) => c.findings.filter((d) => !superseded(d))), severity);
  const submissions = received.filter((s) => !duplicates.supersededBy.has(s.file));
  for (const r of reports) {
    const by = duplicates.supersededBy.get(r.file);
    if (by !== undefined) r.supersededBy = by;
  }
  markInvalid(submissions, perFile);

  const profileChoice = chooseProfile(checked.flatMap((c) => (c.profile ? [c.profile] : [])));
  const matrices = combineMatrices(checked.flatMap((c) => (c.matrix ? [c.matrix] : [])), profileChoice.profile, project);
  const cross = [...duplicates.findings, ...checkConflicts(submissions, project.index.chosen), ...profileChoice.findings, ...matrices.findings];
  const byMatrix = new Set(matrices.matrix?.columns.map((c) => c.questionId) ?? []);
  const { findings: coverageFindings, coverage } = checkCoverage(submissions, project, folder, byMatrix);
  const crossDiags = applySeverity([...cross, ...coverageFindings], severity);
  markInvalid(submissions, crossDiags);
  // After markInvalid: a typed share the matrix contradicts stays valid, whatever severity the config gives the warning.
  const typed = applySeverity(compareTyped(matrices.matrix, submissions, project), severity);
  const diagnostics = sortDiagnostics([...applySeverity(findings, severity), ...perFile, ...crossDiags, ...typed]);

  return {
    schemaVersion: 1,
    project: { district: project.districtName, year: project.config.year, dataYears: project.dataYears, catalogId: project.catalog.id },
    files: reports,
    scope: folder ? 'folder' : 'files',
    diagnostics,
    submissions,
    profile: profileChoice.profile,
    matrix: matrices.matrix,
    coverage,
    summary: {
      files: reports.length,
      submissions: submissions.length,
      errors: diagnostics.filter((d) => d.severity === 'error').length,
      warnings: diagnostics.filter((d) => d.severity === 'warning').length,
      infos: diagnostics.filter((d) => d.severity === 'info').length,
    },
  };
}

/**
 * What the duplicate check needs besides the workbooks: where each OPD was
 * recognised, which workbooks are foreign, and the file times of the OPDs
 * that sent more than one (the only files whose time is looked at).
 */
async function submissionFacts(checked: readonly Checked[], files: readonly { abs: string; display: string }[]): Promise<Map<string, SubmissionFacts>> {
  const abs = new Map(files.map((f) => [f.display, f.abs]));
  const facts = new Map<string, SubmissionFacts>();
  const perOpd = new Map<string, number>();
  for (const c of checked) {
    if (!c.submission) continue;
    facts.set(c.submission.file, { ...(c.opdLocation ? { location: c.opdLocation } : {}), ...(c.report.foreign ? { foreign: true } : {}) });
    if (!c.report.foreign) perOpd.set(c.submission.opdCode, (perOpd.get(c.submission.opdCode) ?? 0) + 1);
  }
  for (const c of checked) {
    const s = c.submission;
    if (!s || c.report.foreign || (perOpd.get(s.opdCode) ?? 0) < 2) continue;
    const t = await stat(abs.get(s.file) ?? s.file).then((x) => x.mtimeMs, () => undefined);
    if (t !== undefined) facts.get(s.file)!.fileTime = t;
  }
  return facts;
}

/**
 * The district's areas for the matrix template: the Wilayah sheet of the
 * profile workbook `kla validate` would choose from the submissions folder
 * (this evaluation's, the one saved last). Refuses (KLA-E270) when there is
 * none or it lists no kecamatan: a matrix without rows would be sent out
 * for nothing.
 */
export async function matrixAreas(project: Project, opts: { cwd?: string } = {}): Promise<Kecamatan[]> {
  const cwd = opts.cwd ?? process.cwd();
  const found = await expandInputs([project.paths.submissions], cwd).catch(() => ({ files: [] as { abs: string; display: string; skip?: Diagnostic }[] }));
  const candidates: ProfileCandidate[] = [];
  for (const f of found.files) {
    if (f.skip) continue;
    const r = await readSafely(f.abs, f.display);
    if (r.status !== 'profile') continue;
    const checked = checkFile(r, project);
    if (checked.profile) candidates.push(checked.profile);
  }
  const { profile } = chooseProfile(candidates);
  if (!profile) throw refusal('KLA-E270', { reason: candidates.length > 0 ? 'foreign' : 'no-profile' }, { location: { file: displayPath(project.paths.submissions, cwd) } });
  if (profile.areas.length === 0) throw refusal('KLA-E270', { reason: 'no-areas', file: profile.file }, { location: { file: profile.file } });
  return profile.areas;
}

/** I/O failures (permissions, a file removed meanwhile) become a finding, never an exception. */
export async function readSafely(abs: string, display: string): Promise<ReadResult> {
  try {
    // Loaded on first use: when worker processes do the reading, this one never loads the reader.
    const { readSubmissionFile } = await import('../workbook/read.js');
    return await readSubmissionFile(abs, display);
  } catch (e) {
    return unreadableFile(display, (e as Error).message);
  }
}

function unreadableFile(display: string, detail: string): ReadResult {
  return { status: 'unreadable', file: display, findings: [diag('KLA-E002', { detail }, { file: display })] };
}

/** One file after reading and the checks that need only it and the project. */
export interface Checked {
  report: FileReport;
  submission?: Submission;
  /** Where the OPD was recognised, for findings about the whole submission. */
  opdLocation?: Location;
  /** A profile workbook, read and judged. */
  profile?: ProfileCandidate;
  /** A matrix workbook, read and judged alone (its rows are matched with the profile's areas later). */
  matrix?: MatrixCandidate;
  findings: Diagnostic[];
}

/** All checks of one file that need nothing but the file and the project. Pure. */
export function checkFile(r: ReadResult, project: Project): Checked {
  const base = { file: r.file, ...(r.sha256 ? { sha256: r.sha256 } : {}) };
  if (r.status === 'unreadable') {
    return { report: { ...base, status: 'unreadable', reason: r.findings.find((f) => f.code.startsWith('KLA-E'))?.code ?? 'KLA-E002' }, findings: r.findings };
  }
  if (r.status === 'profile') {
    const p = checkProfile(r.data, r.file, r.sha256, project);
    return { report: { ...base, status: 'profile' }, profile: { profile: p.profile, foreign: p.foreign }, findings: [...r.findings, ...p.findings] };
  }
  if (r.status === 'matrix') {
    const m = checkMatrix(r.data, r.file, r.sha256, project);
    const report: FileReport = { ...base, status: 'matrix', ...(m.candidate.foreign ? { foreign: true as const } : {}), ...(m.candidate.kecamatan ? { kecamatan: m.candidate.kecamatan } : {}) };
    return { report, matrix: m.candidate, findings: [...r.findings, ...m.findings] };
  }
  const id = checkIdentity(r.data, r.file, project);
  const findings = [...r.findings, ...id.findings];
  if (!id.opd) return { report: { ...base, status: 'submission' }, findings };
  // A workbook of another district, year or instrument lends this evaluation nothing: no answers,
  // no officers for the dossier, no place among the OPD's submissions (it would pass for a duplicate).
  if (id.foreign) return { report: { ...base, status: 'submission', opdCode: id.opd.code, foreign: true }, opdLocation: id.opdLocation, findings };
  const ans = checkAnswers(r.data, r.file, id.opd.code, project);
  const submission: Submission = {
    file: r.file,
    sha256: r.sha256,
    opdCode: id.opd.code,
    savedAt: r.data.savedAt,
    identity: id.identity,
    identityCells: id.identityCells,
    answers: ans.answers,
  };
  return {
    report: { ...base, status: 'submission', opdCode: id.opd.code },
    submission,
    opdLocation: id.opdLocation,
    findings: [...findings, ...ans.findings],
  };
}

/** An error about a question makes that OPD's answer to it unusable for scoring. */
function markInvalid(subs: Submission[], diags: Diagnostic[]): void {
  const byFile = new Map(subs.map((s) => [s.file, s]));
  for (const d of diags) {
    if (d.severity !== 'error' || !d.questionId) continue;
    const a = byFile.get(d.location.file)?.answers.find((x) => x.questionId === d.questionId);
    if (a) a.invalid = true;
  }
}

const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

/** By file, sheet, row, column, code: the same input always gives the same order. */
export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return [...ds].sort(
    (a, b) =>
      cmp(a.location.file, b.location.file) ||
      cmp(a.location.sheet ?? '', b.location.sheet ?? '') ||
      compareCells(a.location.cell, b.location.cell) ||
      cmp(a.code, b.code) ||
      cmp(a.questionId ?? '', b.questionId ?? ''),
  );
}
