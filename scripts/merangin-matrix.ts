/**
 * The example district's Kelana/Dekela matrix (fixtures/merangin), for
 * scripts/make-fixtures.ts: a readable description (answers/MATRIKS.json) and
 * the filled workbook built from the real matrix template.
 *
 * Invented, like the desa it lists: which kecamatan and desa meet each
 * criterion. The counts follow the percentages the OPDs typed (so the typed
 * and the computed shares agree), except 25.6, where the matrix counts one
 * kecamatan fewer than Kemenag typed (a disagreement kla validate reports).
 * Evidence is one compilation per kecamatan and scope, as camat offices send
 * it; the rows of two kecamatan name none for three questions, and one
 * kecamatan's compilation is named but missing from the evidence folder.
 */
import type ExcelJS from 'exceljs';
import type { Project } from '../src/project/config.js';
import type { Kecamatan } from '../src/profile.js';
import { favourable, matrixQuestions, matrixScopeOf, type MatrixScope } from '../src/matrix.js';
import { buildMatrixWorkbook } from '../src/workbook/matrix-template.js';
import { MATRIX_ROWS, NO, SCOPE_SHEET, YES, questionColumns } from '../src/workbook/matrix-layout.js';
import type { ProfileDescription } from './merangin-profile.js';
import { rng } from './seeded.js';

export interface MatrixDescription {
  /** File name of the filled workbook in submissions/. */
  file: string;
  /** By question id: the areas answering "Ya" (kecamatan names, or "kecamatan / desa"), and those left without evidence. */
  questions: Record<string, { scope: MatrixScope; yes: string[]; withoutEvidence: string[] }>;
  /** The evidence file each kecamatan's rows name, per scope; `sent: false` for the one missing from the folder. */
  evidence: { kecamatan: string; scope: MatrixScope; name: string; sent: boolean }[];
}

/** The percentage typed for each question in the OPD descriptions, and so the share the matrix reproduces. */
export type TypedShares = Record<string, string | number>;

/** Kecamatan whose rows name no evidence for these questions (their compilations came late). */
const LATE: Record<string, readonly string[]> = { 'Tabir Lintas': ['26.2', '26.3', '26.13', '26.15'], 'Pamenang Barat': ['26.2', '26.3', '26.13', '26.15'] };
/** The kecamatan whose desa compilation is named but not in the evidence folder. */
const MISSING_FILE = 'Lembah Masurai';
/** The question whose matrix disagrees with the typed percentage, by how many areas. */
const DISAGREE: Record<string, number> = { '25.6': -1 };


/** The profile's areas as the matrix template takes them. */
function areasOf(p: ProfileDescription): Kecamatan[] {
  const at = { file: '', sheet: '', cell: '' };
  return p.kecamatan.map((k) => ({ code: k.code, name: k.name, at, desa: k.desa.map((d) => ({ code: d.code, name: d.name, kind: d.kind === 'Desa' ? ('desa' as const) : ('kelurahan' as const), at })) }));
}

const evidenceName = (kecamatan: string, scope: MatrixScope) => `Matriks ${scope === 'kecamatan' ? 'Kelana' : 'Dekela'} Kec. ${kecamatan} 2025.pdf`;

export function describeMatrix(project: Project, profile: ProfileDescription, typed: TypedShares): MatrixDescription {
  const areas = areasOf(profile);
  const rowsOf = (scope: MatrixScope) => (scope === 'kecamatan' ? areas.map((k) => ({ kecamatan: k.name, label: k.name })) : areas.flatMap((k) => k.desa.map((d) => ({ kecamatan: k.name, label: `${k.name} / ${d.name}` }))));
  const questions: MatrixDescription['questions'] = {};
  for (const q of matrixQuestions(project.catalog)) {
    const scope = matrixScopeOf(q);
    const rows = rowsOf(scope);
    const t = typed[q.id];
    let yes: number;
    if (typeof t === 'number') yes = Math.round((t / 100) * rows.length) + (DISAGREE[q.id] ?? 0);
    else if (q.rollup && t === q.rollup.all) yes = rows.length;
    else if (q.rollup && t === q.rollup.none) yes = 0;
    else yes = Math.round(rows.length * (q.id === '26.17' ? 0.06 : 0.42)); // "some": a few desa with working children; many with efforts against it
    // A seeded order of the areas: the first `yes` answer "Ya".
    const next = rng(`matrix:${q.id}`);
    const order = rows.map((r, i) => ({ r, k: next(), i })).sort((a, b) => a.k - b.k || a.i - b.i).map((x) => x.r);
    const chosen = new Set(order.slice(0, yes).map((r) => r.label));
    const fav = favourable(q);
    const earns = rows.filter((r) => chosen.has(r.label) === (fav === 'ya'));
    questions[q.id] = {
      scope,
      yes: rows.filter((r) => chosen.has(r.label)).map((r) => r.label),
      withoutEvidence: q.evidenceRequired ? earns.filter((r) => LATE[r.kecamatan]?.includes(q.id)).map((r) => r.label) : [],
    };
  }
  const evidence = (['kecamatan', 'desa'] as const).flatMap((scope) => areas.map((k) => ({ kecamatan: k.name, scope, name: evidenceName(k.name, scope), sent: !(scope === 'desa' && k.name === MISSING_FILE) })));
  return { file: `Matriks Kelana-Dekela ${project.config.year} - DPPPA Merangin.xlsx`, questions, evidence };
}

/** The matrix template of the project, filled in as the description says. */
export async function buildMatrixSubmission(project: Project, profile: ProfileDescription, d: MatrixDescription): Promise<ExcelJS.Workbook> {
  const areas = areasOf(profile);
  const wb = await buildMatrixWorkbook(project, areas);
  for (const scope of ['kecamatan', 'desa'] as const) {
    const ws = wb.getWorksheet(SCOPE_SHEET[scope])!;
    const rows = scope === 'kecamatan' ? areas.map((k) => ({ kecamatan: k.name, label: k.name })) : areas.flatMap((k) => k.desa.map((x) => ({ kecamatan: k.name, label: `${k.name} / ${x.name}` })));
    const qs = matrixQuestions(project.catalog).filter((q) => matrixScopeOf(q) === scope);
    qs.forEach((q, i) => {
      const desc = d.questions[q.id]!;
      const yes = new Set(desc.yes);
      const bare = new Set(desc.withoutEvidence);
      const fav = favourable(q);
      const cols = questionColumns(scope, i);
      rows.forEach((r, j) => {
        const row = ws.getRow(MATRIX_ROWS.first + j);
        const isYes = yes.has(r.label);
        row.getCell(cols.answer).value = isYes ? YES : NO;
        const earns = isYes === (fav === 'ya');
        if (earns && q.evidenceRequired && !bare.has(r.label)) row.getCell(cols.evidence).value = evidenceName(r.kecamatan, scope);
      });
    });
  }
  return wb;
}
