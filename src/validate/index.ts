/**
 * `kla validate` as a library: find the input files, read each one, check it
 * against the catalog and the district config, and return one report.
 * The scorer and the dossier build on `validateInputs`; the CLI only formats.
 *
 * Paths in the report are relative to `cwd` with '/' separators on every
 * platform (stable for CI annotations and JSON consumers). Project-wide
 * diagnostics (an OPD that sent nothing) have file ''.
 */
import type { Diagnostic, Location, Submission } from '../model.js';
import type { Project } from '../project/config.js';
import { applySeverity, diag, refusal } from '../diagnostics/index.js';
import type { ReadResult } from '../workbook/read.js';
import { checkIdentity } from './identity.js';
import { checkAnswers } from './answers.js';
import { checkConflicts, checkCoverage, checkDuplicates } from './cross.js';
import { expandInputs } from './inputs.js';
import { checkMany, defaultJobs } from './pool.js';

/** What happened to one input file. Paths are relative to cwd with '/' separators. */
export interface FileReport {
  file: string;
  sha256?: string;
  status: 'submission' | 'skipped' | 'unreadable';
  opdCode?: string;
  /** For skipped and unreadable files: the diagnostic code that says why. */
  reason?: string;
}

export interface ValidationReport {
  schemaVersion: 1;
  project: { district: string; year: number; catalogId: string };
  files: FileReport[];
  /** Deterministic order: by file, sheet, row, column, code. */
  diagnostics: Diagnostic[];
  /** Answer.invalid = true where an error concerns that answer. */
  submissions: Submission[];
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
  opts: { cwd?: string; /** Worker processes; 1 reads in this process. Default: the number of CPUs. */ jobs?: number } = {},
): Promise<ValidationReport> {
  const cwd = opts.cwd ?? process.cwd();
  const { files, folder } = await expandInputs(inputs.length > 0 ? inputs : [project.paths.submissions], cwd);
  if (!files.some((f) => !f.skip)) throw refusal('KLA-E517', { inputs: inputs.length > 0 ? inputs : [project.paths.submissions] });

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
  const perFile = applySeverity(checked.flatMap((c) => c.findings), severity);
  const submissions = checked.flatMap((c) => (c.submission ? [c.submission] : []));
  markInvalid(submissions, perFile);

  const opdLocation = new Map(checked.flatMap((c) => (c.submission && c.opdLocation ? [[c.submission.file, c.opdLocation] as const] : [])));
  const cross = [...checkDuplicates(submissions, opdLocation), ...checkConflicts(submissions)];
  const { findings: coverageFindings, coverage } = checkCoverage(submissions, project, folder);
  const crossDiags = applySeverity([...cross, ...coverageFindings], severity);
  markInvalid(submissions, crossDiags);
  const diagnostics = sortDiagnostics([...applySeverity(findings, severity), ...perFile, ...crossDiags]);

  return {
    schemaVersion: 1,
    project: { district: project.districtName, year: project.config.year, catalogId: project.catalog.id },
    files: reports,
    diagnostics,
    submissions,
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
  findings: Diagnostic[];
}

/** All checks of one file that need nothing but the file and the project. Pure. */
export function checkFile(r: ReadResult, project: Project): Checked {
  const base = { file: r.file, ...(r.sha256 ? { sha256: r.sha256 } : {}) };
  if (r.status === 'unreadable') {
    return { report: { ...base, status: 'unreadable', reason: r.findings.find((f) => f.code.startsWith('KLA-E'))?.code ?? 'KLA-E002' }, findings: r.findings };
  }
  const id = checkIdentity(r.data, r.file, project);
  const findings = [...r.findings, ...id.findings];
  if (!id.opd) return { report: { ...base, status: 'submission' }, findings };
  const ans = checkAnswers(r.data, r.file, id.opd.code, project);
  if (id.foreign) for (const a of ans.answers) a.invalid = true;
  const submission: Submission = {
    file: r.file,
    sha256: r.sha256,
    opdCode: id.opd.code,
    savedAt: r.data.savedAt,
    identity: id.identity,
    identityCells: id.identityCells,
    answers: ans.answers,
  };
  return { report: { ...base, status: 'submission', opdCode: id.opd.code }, submission, opdLocation: id.opdLocation, findings: [...findings, ...ans.findings] };
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

function cellOrder(cell: string | undefined): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(cell ?? '');
  if (!m) return [0, 0];
  const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return [Number(m[2]), col];
}

const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

/** By file, sheet, row, column, code: the same input always gives the same order. */
export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return [...ds].sort((a, b) => {
    const [ra, ca] = cellOrder(a.location.cell);
    const [rb, cb] = cellOrder(b.location.cell);
    return (
      cmp(a.location.file, b.location.file) ||
      cmp(a.location.sheet ?? '', b.location.sheet ?? '') ||
      cmp(ra, rb) ||
      cmp(ca, cb) ||
      cmp(a.code, b.code) ||
      cmp(a.questionId ?? '', b.questionId ?? '')
    );
  });
}
