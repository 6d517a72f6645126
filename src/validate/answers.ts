/**
 * The question rows of one workbook against the catalog: every row of the OPD
 * present and unaltered, no unknown ids, answers of the right type and range,
 * previous-year value, evidence and note where the question asks for them. Pure.
 */
import type { Answer, CellRef } from '../model.js';
import type { Project } from '../project/config.js';
import { columnLetters } from '../workbook/a1.js';
import type { AnswerRowData, RawCell, WorkbookData } from '../workbook/read.js';
import type { AnswerColumn } from '../workbook/layout.js';
import type { Diagnostic } from '../model.js';
import { diag, type Code, type ParamsOf } from '../diagnostics/index.js';
import { questionsForOpd } from '../project/config.js';
import { evidenceEntries, interpretAnswer, matchOption, parseNumberText, textOf } from './values.js';
import { checkEvidenceCell } from './evidence.js';
import type { CatalogQuestion } from '../catalog/load.js';

export interface AnswersResult {
  answers: Answer[];
  findings: Diagnostic[];
}

/** What column A holds when a row is meant as a question: "1.2a", "21A.3", "25.13". */
const LOOKS_LIKE_ID = /^\d+[A-Za-z]?(\.\d+[A-Za-z]*)+$/;

const collapse = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

export function checkAnswers(data: WorkbookData, file: string, opdCode: string, project: Project): AnswersResult {
  const { catalog } = project;
  const sheet = data.answers.sheet;
  // The columns as this sheet has them (a column inserted moves them), for messages that name one.
  const table = data.answers.table;
  const col = { id: columnLetters(table.columns.id), answer: columnLetters(table.columns.answer) };
  // A field whose column was deleted is reported once (KLA-W209); its per-row findings stand at the row's answer.
  const has = (field: AnswerColumn) => !table.missing.includes(field);
  const cellOf = (cell: RawCell, field: AnswerColumn, row: Record<AnswerColumn, RawCell>) => (has(field) ? cell.cell : has('answer') ? row.answer.cell : row.id.cell);
  const loc = { file, sheet };
  const ref = (cell: string): CellRef => ({ file, sheet, cell });
  const findings: Diagnostic[] = [];
  const answers: Answer[] = [];
  const firstRow = new Map<string, number>();
  const expected = questionsForOpd(project, opdCode);
  const expectedIds = new Set(expected.map((q) => q.id));
  const previousYear = project.dataYears.previous;

  for (const row of data.answers.rows) {
    const c = row.cells;
    const id = textOf(c.id).trim();
    const hasAnswer = [c.answer, c.previous, c.evidence, c.note].some((x) => x.value.t !== 'blank');
    if (id === '') {
      if (hasAnswer) findings.push(diag('KLA-W206', { idColumn: col.id }, { ...loc, cell: firstFilled(row) }));
      continue;
    }
    const q = catalog.questionById.get(id);
    if (!q) {
      // Section headings may sit in column A; only id-like text or a filled row is a question row.
      if (LOOKS_LIKE_ID.test(id) || hasAnswer) {
        findings.push(diag('KLA-E203', { question: id, catalog: catalog.id, idColumn: col.id }, { ...loc, cell: c.id.cell }));
      }
      continue;
    }
    const qf = <C extends Code>(code: C, cell: string, params: Omit<ParamsOf<C>, 'question'>) =>
      findings.push(diag(code, { question: q.id, ...params } as ParamsOf<C>, { ...loc, cell }, q.id));

    const first = firstRow.get(q.id);
    if (first !== undefined) {
      qf('KLA-E204', c.id.cell, { first: `${col.id}${first}` });
      continue;
    }
    firstRow.set(q.id, row.row);
    if (!expectedIds.has(q.id)) qf('KLA-W205', c.id.cell, { opd: opdCode });

    let invalid = false;
    if (collapse(textOf(c.question)) !== collapse(q.text)) {
      qf('KLA-E202', c.question.cell, {});
      invalid = true;
    }
    const answer = interpretAnswer(c.answer, q, loc);
    const previous = q.previousYear ? interpretAnswer(c.previous, q, loc) : { value: null, findings: [], invalid: false };
    const blankAnswer = c.answer.value.t === 'blank';
    // The greyed previous-year cell of a question that asks for none holds the template's dash; anything else is not read.
    if (!q.previousYear && c.previous.value.t !== 'blank' && !NOT_ASKED.test(textOf(c.previous))) {
      qf('KLA-W224', c.previous.cell, { found: textOf(c.previous) || '?', answer: blankAnswer ? 'blank' : 'given', answerColumn: col.answer });
    }
    // An empty answer cell beside an answer typed one column off: said where it is, never moved by guess.
    if (blankAnswer) {
      for (const [column, cell] of [['previous', c.previous], ['evidence', c.evidence], ['note', c.note]] as const) {
        if (column === 'previous' && !q.previousYear) continue;
        if (cell.value.t !== 'blank' && looksLikeAnswer(textOf(cell), q)) qf('KLA-W225', cell.cell, { found: textOf(cell), column, year: project.config.year, answerColumn: col.answer });
      }
    }
    findings.push(...answer.findings, ...previous.findings);
    invalid ||= answer.invalid || previous.invalid;
    for (const side of [c.evidence, c.note]) {
      if (side.value.t === 'formula') qf('KLA-E219', side.cell, { formula: side.value.formula });
      if (side.value.t === 'error') qf('KLA-E220', side.cell, { error: side.value.error });
    }

    const note = textOf(c.note);
    const answered = answer.value !== null;
    if (answered && q.previousYear && c.previous.value.t === 'blank') qf('KLA-W221', cellOf(c.previous, 'previous', c), { year: previousYear });
    // An answer that earns nothing ("Tidak ada") has nothing to prove.
    const earnsPoints = !(answer.value?.kind === 'option' && q.rubricDef.kind === 'options' && optionFraction(q.rubricDef, answer.value.option) === 0);
    const needsEvidence = answered && earnsPoints && q.evidenceRequired;
    // Placeholders ("terlampir", "-") name no evidence: they are left out here, so scoring sees none.
    const cell = checkEvidenceCell(evidenceEntries(c.evidence), q.id, project.dataYears, { ...loc, cell: c.evidence.cell }, needsEvidence);
    findings.push(...cell.findings);
    const evidence = cell.evidence;
    if (needsEvidence && evidence.length === 0 && c.evidence.value.t === 'blank') qf('KLA-W222', cellOf(c.evidence, 'evidence', c), {});
    if (answered && q.noteRequired && note === '' && c.note.value.t === 'blank') qf('KLA-W223', cellOf(c.note, 'note', c), {});

    answers.push({
      questionId: q.id,
      opdCode,
      value: answer.value,
      previous: previous.value,
      evidence,
      note,
      cells: { answer: ref(c.answer.cell), previous: ref(c.previous.cell), evidence: ref(c.evidence.cell), note: ref(c.note.cell) },
      ...(invalid ? { invalid: true } : {}),
    });
  }

  for (const q of expected) {
    if (!firstRow.has(q.id)) findings.push(diag('KLA-E201', { question: q.id }, loc, q.id));
  }
  return { answers, findings };
}

/** What the template writes in a previous-year cell that is not asked for (and its look-alikes). */
const NOT_ASKED = /^[\s\u2014\u2013-]*$/;

/** Text that is, as a whole, an answer to `q`: one of its options (as read from the answer cell), or a number. */
function looksLikeAnswer(text: string, q: CatalogQuestion): boolean {
  if (text === '') return false;
  const r = q.rubricDef;
  if (r.kind === 'options') return matchOption(text, r.options.map((o) => o.value)) !== undefined;
  return parseNumberText(text) !== null;
}

function optionFraction(r: { options: { value: string; fraction: number }[] }, option: string): number | undefined {
  return r.options.find((o) => o.value === option)?.fraction;
}

function firstFilled(row: AnswerRowData): string {
  const c = row.cells;
  return ([c.answer, c.previous, c.evidence, c.note].find((x) => x.value.t !== 'blank') ?? c.answer).cell;
}
