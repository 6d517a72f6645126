/**
 * Checks across workbooks: one file per OPD, consistent answers between OPDs,
 * every question answered by someone, and the coverage figures. Pure.
 */
import type { Answer, AnswerValue, Submission } from '../model.js';
import type { Project } from '../project/config.js';
import type { Diagnostic, Location } from '../model.js';
import { diag } from '../diagnostics/index.js';
import { opdsForQuestion, questionsForOpd } from '../project/config.js';
import type { ValidationReport } from './index.js';

/** What the duplicate check needs to know of a submission besides its content. */
export interface SubmissionFacts {
  /** Where the OPD was recognised, for the finding. */
  location?: Location;
  /** The file's modification time in ms, when the OPD sent more than one workbook. */
  fileTime?: number;
  /** The workbook belongs to another year, district, catalog or template version. */
  foreign?: boolean;
}

export interface DuplicateCheck {
  findings: Diagnostic[];
  /** Files of an OPD that sent several: file -> the file that counts instead. */
  supersededBy: Map<string, string>;
}

/** What a workbook says (identity and answers), whatever its file name, cells or save time. */
function contentKey(s: Submission): string {
  const answers = s.answers.map((a) => [a.questionId, a.value, a.previous, a.evidence, a.note]);
  return JSON.stringify([Object.entries(s.identity).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)), answers]);
}

const savedTime = (s: Submission) => (s.savedAt === null ? null : Date.parse(s.savedAt));
const baseName = (f: string) => f.slice(f.lastIndexOf('/') + 1);
const byPath = (a: Submission, b: Submission) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);

/**
 * Which workbook counts when an OPD sent several: the newest by the date the
 * workbook itself records as saved (it survives copying, e-mail and
 * downloads), then by file time; of identical copies, the one with the
 * shortest name ("Dinkes.xlsx" rather than "Dinkes - Salin.xlsx"). The
 * others are listed as superseded: an info when the workbooks' own dates
 * decide (or they are copies), a warning when only the file times do (which
 * copying can change). Workbooks of another year or district never take part:
 * they are reported as they are. Only when two different workbooks tie on
 * both dates is the newest unknown: every one of them is then an error
 * (KLA-E301) and the first in path order counts until the DPPPA removes one.
 */
export function checkDuplicates(subs: readonly Submission[], facts: ReadonlyMap<string, SubmissionFacts>): DuplicateCheck {
  const byOpd = new Map<string, Submission[]>();
  for (const s of subs) if (!facts.get(s.file)?.foreign) byOpd.set(s.opdCode, [...(byOpd.get(s.opdCode) ?? []), s]);
  const findings: Diagnostic[] = [];
  const supersededBy = new Map<string, string>();
  const at = (s: Submission) => facts.get(s.file)?.location ?? { file: s.file };
  const fileTime = (s: Submission) => facts.get(s.file)?.fileTime ?? null;
  // Newest first; a missing date sorts last.
  const newer = (a: number | null, b: number | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : b - a);

  for (const [opd, group] of byOpd) {
    if (group.length < 2) continue;
    const key = new Map(group.map((s) => [s, contentKey(s)]));
    const sorted = [...group].sort((a, b) => newer(savedTime(a), savedTime(b)) || newer(fileTime(a), fileTime(b)) || byPath(a, b));
    const top = sorted[0]!;
    const rival = sorted.find((s) => key.get(s) !== key.get(top));
    if (rival && savedTime(rival) === savedTime(top) && fileTime(rival) === fileTime(top)) {
      const kept = [...group].sort(byPath)[0]!;
      for (const s of group) {
        findings.push(diag('KLA-E301', { opd, other: group.filter((x) => x !== s).map((x) => x.file), kept: kept.file }, at(s)));
        if (s !== kept) supersededBy.set(s.file, kept.file);
      }
      continue;
    }
    const kept = group
      .filter((s) => key.get(s) === key.get(top))
      .sort((a, b) => baseName(a.file).length - baseName(b.file).length || byPath(a, b))[0]!;
    for (const s of sorted) {
      if (s === kept) continue;
      supersededBy.set(s.file, kept.file);
      const [mine, theirs] = [savedTime(s), savedTime(kept)];
      if (key.get(s) === key.get(kept)) findings.push(diag('KLA-I305', { opd, kept: kept.file, by: 'copy' }, at(s)));
      else if (mine !== null && theirs !== null && theirs > mine) {
        findings.push(diag('KLA-I305', { opd, kept: kept.file, by: 'saved', savedAt: s.savedAt!, keptSavedAt: kept.savedAt! }, at(s)));
      } else findings.push(diag('KLA-W306', { opd, kept: kept.file }, at(s)));
    }
  }
  return { findings, supersededBy };
}

/**
 * A superseded workbook's findings about what it says (its answers and the
 * people it names) no longer matter: only findings about the file itself
 * (its format, template, name) stay.
 */
export function aboutFileItself(d: Diagnostic): boolean {
  return d.questionId === undefined && d.params.field === undefined;
}

const usable = (a: Answer) => !a.invalid && a.value !== null;

export function valueText(v: AnswerValue): string {
  return v.kind === 'option' ? v.option : String(v.value);
}

/**
 * Different OPDs answering one question differently: each later answer points
 * at the first. Questions where the DPPPA has chosen the answer that counts
 * (`chosen`, from the config) are settled and not reported.
 */
export function checkConflicts(subs: Submission[], chosen: ReadonlyMap<string, string> = new Map()): Diagnostic[] {
  const first = new Map<string, Answer>();
  const out: Diagnostic[] = [];
  for (const s of subs) {
    for (const a of s.answers) {
      if (!usable(a) || chosen.has(a.questionId)) continue;
      const f = first.get(a.questionId);
      if (!f) {
        first.set(a.questionId, a);
        continue;
      }
      if (f.opdCode === a.opdCode || valueText(f.value!) === valueText(a.value!)) continue;
      out.push(
        diag(
          'KLA-W302',
          {
            question: a.questionId,
            opd: a.opdCode,
            value: valueText(a.value!),
            otherOpd: f.opdCode,
            otherValue: valueText(f.value!),
            otherFile: f.cells.answer.file,
            otherCell: f.cells.answer.cell,
          },
          { file: a.cells.answer.file, sheet: a.cells.answer.sheet, cell: a.cells.answer.cell },
          a.questionId,
        ),
      );
    }
  }
  return out;
}

/**
 * Unanswered questions. When a folder was checked (`wholeFolder`), a question
 * nobody answered although a responsible OPD sent its workbook is a warning at
 * that OPD's answer cell, and OPDs that sent nothing are listed once each.
 * When chosen files were checked, a blank answer is a warning only where no
 * other OPD could answer the question: another OPD's workbook, not checked
 * here, may well hold it.
 */
export function checkCoverage(
  subs: Submission[],
  project: Project,
  wholeFolder: boolean,
  /** Questions the Kelana/Dekela matrix answers, whatever the OPDs typed. */
  byMatrix: ReadonlySet<string> = new Set(),
): { findings: Diagnostic[]; coverage: ValidationReport['coverage'] } {
  const { catalog } = project;
  const answered = new Set([...subs.flatMap((s) => s.answers.filter(usable).map((a) => a.questionId)), ...byMatrix]);
  const rowOf = new Map<string, Answer>();
  for (const s of subs) for (const a of s.answers) if (!rowOf.has(a.questionId) && !a.invalid) rowOf.set(a.questionId, a);
  const submitted = new Set(subs.map((s) => s.opdCode));
  const findings: Diagnostic[] = [];

  for (const q of catalog.questionList) {
    if (answered.has(q.id)) continue;
    const opds = opdsForQuestion(project, q.id);
    const row = rowOf.get(q.id);
    if (!row || !opds.some((o) => submitted.has(o.code))) continue;
    if (!wholeFolder && !opds.every((o) => submitted.has(o.code))) continue;
    const c = row.cells.answer;
    findings.push(diag('KLA-W303', { question: q.id, opds: opds.map((o) => o.code) }, { file: c.file, sheet: c.sheet, cell: c.cell }, q.id));
  }
  if (wholeFolder) {
    for (const o of project.config.opds) {
      const n = questionsForOpd(project, o.code).length;
      if (n > 0 && !submitted.has(o.code)) findings.push(diag('KLA-I304', { opd: o.code, name: o.name, questions: n }, { file: '' }));
    }
  }

  const tally = (ids: string[]) => ({ questions: ids.length, answered: ids.filter((id) => answered.has(id)).length });
  const coverage: ValidationReport['coverage'] = {
    ...tally(catalog.questionList.map((q) => q.id)),
    byGroup: catalog.groups.map((g) => ({ id: g.id, ...tally(g.indicators.flatMap((i) => i.questions.map((q) => q.id))) })),
    byIndicator: catalog.groups.flatMap((g) => g.indicators.map((i) => ({ id: i.id, ...tally(i.questions.map((q) => q.id)) }))),
    unanswered: catalog.questionList.filter((q) => !answered.has(q.id)).map((q) => q.id),
  };
  return { findings, coverage };
}
