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

/**
 * An OPD with more than one workbook: every one of them is flagged where the
 * OPD was recognised, and only the first (in path order) is scored, so scoring
 * sees one workbook per OPD.
 */
export function checkDuplicates(subs: Submission[], opdLocation: Map<string, Location>): Diagnostic[] {
  const byOpd = new Map<string, Submission[]>();
  for (const s of subs) byOpd.set(s.opdCode, [...(byOpd.get(s.opdCode) ?? []), s]);
  const out: Diagnostic[] = [];
  for (const [opd, group] of byOpd) {
    if (group.length < 2) continue;
    const kept = group[0]!.file;
    for (const s of group) {
      const other = group.filter((x) => x !== s).map((x) => x.file);
      out.push(diag('KLA-E301', { opd, other, kept }, opdLocation.get(s.file) ?? { file: s.file }));
      if (s.file !== kept) for (const a of s.answers) a.invalid = true;
    }
  }
  return out;
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
export function checkCoverage(subs: Submission[], project: Project, wholeFolder: boolean): { findings: Diagnostic[]; coverage: ValidationReport['coverage'] } {
  const { catalog } = project;
  const answered = new Set(subs.flatMap((s) => s.answers.filter(usable).map((a) => a.questionId)));
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
    findings.push(diag('KLA-W303', { question: q.id, opds: opds.map((o) => o.code).join(', ') }, { file: c.file, sheet: c.sheet, cell: c.cell }, q.id));
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
