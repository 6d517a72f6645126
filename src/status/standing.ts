/**
 * Where each OPD of the district stands: which of its workbooks counts, what
 * is wrong with it, how much of its part is answered and evidenced, and how
 * many forecast points hang on it. One join of the validation report and the
 * score, shared by `kla status` and `kla feedback`. Pure.
 */
import type { CellRef, Diagnostic } from '../model.js';
import type { Review } from '../pipeline.js';
import { questionsForOpd, type Opd } from '../project/config.js';
import { clean, findEmptyEvidence, findMissingEvidence } from '../score/index.js';
import { opdFromFileName } from '../validate/identity.js';
import type { FileReport } from '../validate/index.js';

/** A workbook of the OPD that cannot be used: unreadable, or made for another year or district. */
export interface UnusableFile {
  file: string;
  /** The code that says why (KLA-E002 …, KLA-E107 …), and its parameters. */
  code: string;
  params: Diagnostic['params'];
  reason: 'unreadable' | 'foreign';
}

/** A required data dukung the OPD's answer lacks: none named, or named files the evidence folder does not hold. */
export interface MissingEvidence {
  questionId: string;
  /** The evidence cell of the answer. */
  cell: CellRef;
  /** Named but not found, or found empty (none: nothing named). */
  notFound: string[];
  /** Of `notFound`, the entries whose file is in the evidence folder but empty (0 bytes). */
  empty: string[];
}

export interface OpdStanding {
  opd: Opd;
  /** received: a workbook counts; unusable: only workbooks that cannot be used; missing: nothing received. */
  state: 'received' | 'unusable' | 'missing';
  /** The workbook that counts. */
  file: string | null;
  /** Its date of saving, as the workbook records it. */
  savedAt: string | null;
  /** Other workbooks of the OPD that it supersedes. */
  superseded: string[];
  unusable: UnusableFile[];
  /** Findings in the OPD's files, by severity. */
  errors: number;
  warnings: number;
  /** Findings located in the workbook that counts (what its officer is asked to fix). */
  findings: Diagnostic[];
  /** Questions assigned to the OPD, and those its workbook answers usably. */
  assigned: number;
  answered: number;
  evidenceMissing: MissingEvidence[];
  /** Forecast points lost where the OPD's answer counts but its evidence is missing. */
  atStake: number;
  /** The data officer the workbook names, or null. */
  officer: string | null;
}

export interface Standing {
  opds: OpdStanding[];
  /** Files no OPD could be attributed to (unknown OPD, unreadable without a telling name). */
  unassigned: { file: string; code: string }[];
  /** The DPPPA's own workbooks: the district profile and the Kelana/Dekela matrices, with their findings. */
  dpppa: { file: string; kind: 'profile' | 'matrix'; errors: number; warnings: number }[];
  totals: {
    opds: number;
    received: number;
    unusable: number;
    missing: number;
    errors: number;
    warnings: number;
    assigned: number;
    answered: number;
    evidenceMissing: number;
    atStake: number;
  };
}

const firstError = (ds: readonly Diagnostic[]) => ds.find((d) => d.severity === 'error')?.code;

/** The codes that make a workbook foreign: template version, catalog, year, district. */
const FOREIGN = ['KLA-E104', 'KLA-E105', 'KLA-E107', 'KLA-E108'];

/** Why a file cannot be used: its reason code (unreadable), what makes it foreign, or its first error. */
function whyUnusable(f: FileReport, ds: readonly Diagnostic[]): { code: string; params: Diagnostic['params'] } {
  const d =
    (f.reason !== undefined ? ds.find((x) => x.code === f.reason) : undefined) ??
    (f.foreign ? ds.find((x) => FOREIGN.includes(x.code)) : undefined) ??
    ds.find((x) => x.severity === 'error');
  return { code: d?.code ?? f.reason ?? 'KLA-E002', params: d?.params ?? {} };
}

/** Every OPD of the config, in config order, with the state of its workbooks. */
export function standingOf(r: Pick<Review, 'project' | 'report' | 'evidence' | 'difference'>): Standing {
  const { project, report } = r;
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of report.diagnostics) byFile.set(d.location.file, [...(byFile.get(d.location.file) ?? []), d]);
  const subByFile = new Map(report.submissions.map((s) => [s.file, s]));

  // Files by OPD: recognised from the workbook, else (unreadable files) from the file name.
  const filesOf = new Map<string, FileReport[]>();
  const unassigned: Standing['unassigned'] = [];
  const dpppa: Standing['dpppa'] = [];
  for (const f of report.files) {
    if (f.status === 'skipped') continue;
    if (f.status === 'profile' || f.status === 'matrix') {
      const ds = byFile.get(f.file) ?? [];
      dpppa.push({ file: f.file, kind: f.status, errors: ds.filter((d) => d.severity === 'error').length, warnings: ds.filter((d) => d.severity === 'warning').length });
      continue;
    }
    const code = f.opdCode ?? (f.status === 'unreadable' ? opdFromFileName(project, f.file)?.code : undefined);
    if (code === undefined) {
      unassigned.push({ file: f.file, code: f.reason ?? firstError(byFile.get(f.file) ?? []) ?? 'KLA-E109' });
      continue;
    }
    filesOf.set(code, [...(filesOf.get(code) ?? []), f]);
  }

  const opds = project.config.opds.map((opd): OpdStanding => {
    const files = filesOf.get(opd.code) ?? [];
    const counting = files.find((f) => f.status === 'submission' && !f.foreign && f.supersededBy === undefined);
    const sub = counting ? subByFile.get(counting.file) : undefined;
    const unusable: UnusableFile[] = files
      .filter((f) => f.status === 'unreadable' || f.foreign)
      .map((f) => ({ file: f.file, ...whyUnusable(f, byFile.get(f.file) ?? []), reason: f.status === 'unreadable' ? 'unreadable' : 'foreign' }));
    const all = files.flatMap((f) => byFile.get(f.file) ?? []);
    const assigned = questionsForOpd(project, opd.code);
    const assignedIds = new Set(assigned.map((q) => q.id));
    const usable = (sub?.answers ?? []).filter((a) => !a.invalid && a.value !== null && assignedIds.has(a.questionId));
    const evidenceMissing: MissingEvidence[] = [];
    for (const a of usable) {
      const q = project.catalog.questionById.get(a.questionId)!;
      if (!q.evidenceRequired) continue;
      const named = a.evidence.some((e) => e.trim() !== '');
      const notFound = r.evidence ? findMissingEvidence(a.evidence, r.evidence) : [];
      const empty = r.evidence ? findEmptyEvidence(a.evidence, r.evidence) : [];
      if (!named || notFound.length > 0) evidenceMissing.push({ questionId: a.questionId, cell: a.cells.evidence, notFound, empty });
    }
    const atStake = clean(r.difference.questions.filter((g) => g.opdCode === opd.code).reduce((s, g) => s + g.atStake, 0));
    return {
      opd,
      state: sub ? 'received' : unusable.length > 0 ? 'unusable' : 'missing',
      file: sub?.file ?? null,
      savedAt: sub?.savedAt ?? null,
      superseded: files.filter((f) => f.supersededBy !== undefined).map((f) => f.file),
      unusable,
      errors: all.filter((d) => d.severity === 'error').length,
      warnings: all.filter((d) => d.severity === 'warning').length,
      findings: sub ? (byFile.get(sub.file) ?? []) : [],
      assigned: assigned.length,
      answered: new Set(usable.map((a) => a.questionId)).size,
      evidenceMissing,
      atStake,
      officer: sub?.identity.officerName ?? null,
    };
  });

  const sum = (f: (o: OpdStanding) => number) => opds.reduce((s, o) => s + f(o), 0);
  return {
    opds,
    unassigned,
    dpppa,
    totals: {
      opds: opds.length,
      received: opds.filter((o) => o.state === 'received').length,
      unusable: opds.filter((o) => o.state === 'unusable').length,
      missing: opds.filter((o) => o.state === 'missing').length,
      // Of every file, attributed or not: the same figures as kla validate.
      errors: report.summary.errors,
      warnings: report.summary.warnings,
      assigned: sum((o) => o.assigned),
      answered: sum((o) => o.answered),
      evidenceMissing: sum((o) => o.evidenceMissing.length),
      atStake: clean(sum((o) => o.atStake)),
    },
  };
}
