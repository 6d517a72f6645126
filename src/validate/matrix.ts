/**
 * Kelana/Dekela matrix workbooks, judged: each file alone against the catalog
 * (what it was made for, its question headings, Ya/Tidak values, evidence),
 * then all of them together against the district's areas from the profile
 * (areas unknown or without a row, several matrices for one area), into the
 * one `DistrictMatrix` scoring and the documents read. Last, a percentage an
 * OPD typed for a question the matrix answers is compared with the share the
 * matrix gives. Pure: the reading happened in src/workbook/matrix-read.ts.
 */
import type { CatalogQuestion } from '../catalog/load.js';
import { diag, type Code, type ParamsOf } from '../diagnostics/index.js';
import { agrees, favourable, isMatrixQuestion, matrixQuestions, matrixScopeOf, tally, type DistrictMatrix, type MatrixColumn, type MatrixRow, type MatrixScope, type RowValue } from '../matrix.js';
import type { AnswerValue, CellRef, Diagnostic, Location, Submission } from '../model.js';
import { areaKey, type DistrictProfile } from '../profile.js';
import { normalizeName, type Project } from '../project/config.js';
import { MATRIX_VERSION, NO, YES } from '../workbook/matrix-layout.js';
import type { MatrixWorkbookData } from '../workbook/matrix-read.js';
import type { RawCell } from '../workbook/read.js';
import { checkEvidenceCell } from './evidence.js';
import { evidenceEntries, textOf } from './values.js';

/** One row of one matrix file, judged: the area it names and its answer to each question it has a column for. */
export interface CandidateRow {
  scope: MatrixScope;
  kecamatan: string;
  /** null on a kecamatan row. */
  desa: string | null;
  code: string;
  /** The cell naming the area (the desa's on a desa row). */
  at: CellRef;
  answers: Record<string, { value: RowValue | null; evidence: string[]; cells: { answer: CellRef; evidence: CellRef } }>;
}

/** A matrix file after the checks that need only it and the project. Plain data (it crosses worker processes). */
export interface MatrixCandidate {
  file: string;
  sha256: string;
  savedAt: string | null;
  /** The kecamatan a per-kecamatan workbook was made for (its Meta sheet), else null. */
  kecamatan: string | null;
  /** Made for another year, district, catalog or layout: never used. */
  foreign: boolean;
  /** Each question's heading cell in this file. */
  headers: Record<string, CellRef>;
  rows: CandidateRow[];
}

export function checkMatrix(data: MatrixWorkbookData, file: string, sha256: string, project: Project): { candidate: MatrixCandidate; findings: Diagnostic[] } {
  const findings: Diagnostic[] = [];
  const add = <C extends Code>(code: C, params: ParamsOf<C>, loc: Location, question?: string) => findings.push(diag(code, params, loc, question));
  const meta = data.meta;
  const metaValue = (k: keyof NonNullable<typeof meta>['values']) => (meta?.values[k] ? textOf(meta.values[k]!) : '');
  const candidate: MatrixCandidate = { file, sha256, savedAt: data.savedAt, kecamatan: metaValue('kecamatan') || null, foreign: judgeMeta(data, file, project, add), headers: {}, rows: [] };
  if (candidate.foreign) return { candidate, findings };

  const { catalog } = project;
  for (const sheet of data.sheets) {
    const ref = (cell: string): CellRef => ({ file, sheet: sheet.sheet, cell });
    // Which heading of the sheet answers which question; the others are findings and not read.
    const columns: (CatalogQuestion | null)[] = sheet.headings.map((h) => {
      const q = catalog.questionById.get(h.id);
      const found = textOf(h.heading);
      const at = ref(h.heading.cell);
      if (!q || !isMatrixQuestion(q)) return add('KLA-E279', { found, reason: 'unknown', catalog: catalog.id }, at), null;
      if (matrixScopeOf(q) !== sheet.scope) return add('KLA-E279', { found, reason: 'scope', catalog: catalog.id }, at, q.id), null;
      if (candidate.headers[q.id]) return add('KLA-E279', { found, reason: 'duplicate', catalog: catalog.id }, at, q.id), null;
      candidate.headers[q.id] = at;
      return q;
    });
    const seen = new Map<string, number>();
    for (const row of sheet.rows) {
      const kecamatan = tidy(textOf(row.area.kecamatan!));
      const desa = sheet.scope === 'desa' ? tidy(textOf(row.area.desa!)) : null;
      const nameCell = (sheet.scope === 'desa' ? row.area.desa : row.area.kecamatan)!;
      const name = desa ?? kecamatan;
      if (name === '' || (desa !== null && kecamatan === '')) {
        add('KLA-E274', { scope: sheet.scope, name: name || '-', kecamatan: kecamatan || '-' }, ref(nameCell.cell));
        continue;
      }
      const key = rowKey(sheet.scope, kecamatan, desa);
      const first = seen.get(key);
      if (first !== undefined) {
        add('KLA-E276', { scope: sheet.scope, name, first: String(first) }, ref(nameCell.cell));
        continue;
      }
      seen.set(key, row.row);
      const area = desa === null ? `Kecamatan ${kecamatan}` : `${desa}, Kecamatan ${kecamatan}`;
      const out: CandidateRow = { scope: sheet.scope, kecamatan, desa, code: tidy(textOf(row.area.code!)), at: ref(nameCell.cell), answers: {} };
      columns.forEach((q, i) => {
        if (!q) return;
        const { answer, evidence } = row.cells[i]!;
        const value = rowValue(answer);
        if (value === undefined) add('KLA-E277', { question: q.id, found: found(answer) }, ref(answer.cell), q.id);
        const v = value ?? null;
        const needsEvidence = v !== null && v === favourable(q) && q.evidenceRequired;
        const cell = checkEvidenceCell(evidenceEntries(evidence), q.id, project.dataYears, ref(evidence.cell), needsEvidence);
        findings.push(...cell.findings);
        if (needsEvidence && cell.evidence.length === 0 && evidence.value.t === 'blank') {
          add('KLA-W278', { question: q.id, answer: v === 'ya' ? YES : NO, area }, ref(evidence.cell), q.id);
        }
        out.answers[q.id] = { value: v, evidence: cell.evidence, cells: { answer: ref(answer.cell), evidence: ref(evidence.cell) } };
      });
      candidate.rows.push(out);
    }
  }
  return { candidate, findings };
}

function judgeMeta(data: MatrixWorkbookData, file: string, project: Project, add: <C extends Code>(code: C, params: ParamsOf<C>, loc: Location) => void): boolean {
  const meta = data.meta;
  if (!meta) {
    add('KLA-W273', {}, { file });
    return false;
  }
  const value = (k: keyof typeof meta.values) => (meta.values[k] ? textOf(meta.values[k]!) : '');
  const at = (k: keyof typeof meta.values): Location => ({ file, sheet: meta.sheet, ...(meta.values[k] ? { cell: meta.values[k]!.cell } : {}) });
  const year = String(project.config.year);
  if (value('matrixVersion') !== String(MATRIX_VERSION)) {
    add('KLA-E272', { what: 'version', found: value('matrixVersion') || '-', expected: String(MATRIX_VERSION) }, at('matrixVersion'));
  } else if (value('year') !== '' && value('year') !== year) {
    add('KLA-E272', { what: 'year', found: value('year'), expected: year }, at('year'));
  } else if (value('district') !== '' && normalizeName(value('district')) !== normalizeName(project.districtName)) {
    add('KLA-E272', { what: 'district', found: value('district'), expected: project.districtName }, at('district'));
  } else if (value('catalogId') !== '' && value('catalogId') !== project.catalog.id) {
    add('KLA-E272', { what: 'catalog', found: value('catalogId'), expected: project.catalog.id }, at('catalogId'));
  } else {
    return false;
  }
  return true;
}

/**
 * A row's answer: "Ya" or "Tidak" whatever the case and spacing, and the
 * short forms a matrix filled by hand uses ("Y", "T", "Tdk", "Iya"). Null
 * when blank; undefined when it is something else.
 */
function rowValue(raw: RawCell): RowValue | null | undefined {
  if (raw.value.t === 'blank') return null;
  if (raw.value.t !== 'text') return undefined;
  const t = raw.value.text.normalize('NFKC').toLowerCase().replace(/[\s.]+/g, '');
  if (t === '') return null;
  if (t === 'ya' || t === 'y' || t === 'iya') return 'ya';
  if (t === 'tidak' || t === 't' || t === 'tdk' || t === 'tak') return 'tidak';
  return undefined;
}

const found = (raw: RawCell) => (raw.value.t === 'formula' ? `=${raw.value.formula}` : raw.value.t === 'error' ? raw.value.error : textOf(raw));
const tidy = (s: string) => s.replace(/\s+/g, ' ').trim();
const rowKey = (scope: MatrixScope, kecamatan: string, desa: string | null) => `${scope}|${areaKey(kecamatan)}|${desa === null ? '' : areaKey(desa)}`;

// ---------------------------------------------------------------------------
// All matrices together

/** An area of the district as the matrix counts it: from the profile, or (without one) from the matrix rows. */
interface Area {
  scope: MatrixScope;
  kecamatan: string;
  desa: string | null;
  code: string;
  key: string;
}

/**
 * The district's matrix from every matrix file read: rows matched with the
 * profile's areas, the newest file counting where several cover one area.
 * Null when no matrix for this evaluation was read.
 */
export function combineMatrices(candidates: readonly MatrixCandidate[], profile: DistrictProfile | null, project: Project): { matrix: DistrictMatrix | null; findings: Diagnostic[] } {
  const usable = candidates.filter((c) => !c.foreign);
  if (usable.length === 0) return { matrix: null, findings: [] };
  const findings: Diagnostic[] = [];
  // Newest first: a file that does not say when it was saved counts as oldest; a tie goes to the first in path order.
  const byAge = [...usable].sort((a, b) => {
    const sa = a.savedAt ?? '';
    const sb = b.savedAt ?? '';
    return sa !== sb ? (sa < sb ? 1 : -1) : a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
  });
  const withProfile = profile !== null && profile.areas.length > 0;
  if (!withProfile) for (const c of usable) findings.push(diag('KLA-W281', {}, { file: c.file }));
  const areas = withProfile ? profileAreas(profile) : rowAreas(byAge);
  const known = new Map(areas.map((a) => [a.key, a]));
  const byCode = new Map(areas.filter((a) => a.code !== '').map((a) => [`${a.scope}|${a.code}`, a]));

  // The row that counts for each area, and how many areas each file loses to a newer one.
  const counted = new Map<string, { row: CandidateRow; file: MatrixCandidate }>();
  const lost = new Map<MatrixCandidate, { areas: number; to: Set<string> }>();
  for (const c of byAge) {
    for (const row of c.rows) {
      const area = known.get(rowKey(row.scope, row.kecamatan, row.desa)) ?? (row.code !== '' ? byCode.get(`${row.scope}|${row.code}`) : undefined);
      if (!area) {
        findings.push(diag('KLA-E274', { scope: row.scope, name: row.desa ?? row.kecamatan, kecamatan: row.kecamatan }, row.at));
        continue;
      }
      const first = counted.get(area.key);
      if (first) {
        const l = lost.get(c) ?? { areas: 0, to: new Set<string>() };
        l.areas++;
        l.to.add(first.file.file);
        lost.set(c, l);
        continue;
      }
      counted.set(area.key, { row, file: c });
    }
  }
  for (const [c, l] of lost) findings.push(diag('KLA-W280', { areas: l.areas, kept: [...l.to].sort() }, { file: c.file }));

  // Areas of the profile without a row: only for a scope some matrix has a sheet for.
  if (withProfile) {
    const scopes = new Set(usable.flatMap((c) => Object.keys(c.headers).map((id) => matrixScopeOf(project.catalog.questionById.get(id)!))));
    for (const k of profile.areas) {
      if (scopes.has('kecamatan') && !counted.has(areaKeyOf('kecamatan', k.name, null))) {
        findings.push(diag('KLA-W275', { scope: 'kecamatan', kecamatan: k.name, names: [k.name] }, k.at));
      }
      const missing = scopes.has('desa') ? k.desa.filter((d) => !counted.has(areaKeyOf('desa', k.name, d.name))).map((d) => d.name) : [];
      if (missing.length > 0) findings.push(diag('KLA-W275', { scope: 'desa', kecamatan: k.name, names: missing }, k.desa.find((d) => d.name === missing[0])!.at));
    }
  }

  const columns: MatrixColumn[] = [];
  for (const q of matrixQuestions(project.catalog)) {
    const scope = matrixScopeOf(q);
    const headerVotes = new Map<string, { ref: CellRef; n: number }>();
    const rows: MatrixRow[] = areas
      .filter((a) => a.scope === scope)
      .map((a) => {
        const hit = counted.get(a.key);
        const cell = hit?.row.answers[q.id];
        if (hit && cell) {
          const h = hit.file.headers[q.id]!;
          const vote = headerVotes.get(hit.file.file) ?? { ref: h, n: 0 };
          vote.n++;
          headerVotes.set(hit.file.file, vote);
        }
        return { kecamatan: a.kecamatan, desa: a.desa, value: cell?.value ?? null, evidence: cell?.evidence ?? [], cells: cell?.cells ?? null };
      });
    if (!rows.some((r) => r.value !== null)) continue;
    const header = [...headerVotes.values()].sort((x, y) => y.n - x.n)[0]!.ref;
    columns.push({ questionId: q.id, scope, rows, header });
  }
  const files = [...usable].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)).map((c) => ({ file: c.file, sha256: c.sha256, kecamatan: c.kecamatan }));
  return { matrix: { files, columns }, findings };
}

const areaKeyOf = (scope: MatrixScope, kecamatan: string, desa: string | null) => rowKey(scope, kecamatan, desa);

function profileAreas(profile: DistrictProfile): Area[] {
  const kec = profile.areas.map((k): Area => ({ scope: 'kecamatan', kecamatan: k.name, desa: null, code: k.code, key: areaKeyOf('kecamatan', k.name, null) }));
  const desa = profile.areas.flatMap((k) => k.desa.map((d): Area => ({ scope: 'desa', kecamatan: k.name, desa: d.name, code: d.code, key: areaKeyOf('desa', k.name, d.name) })));
  return [...kec, ...desa];
}

/** Without a profile the rows stand as the areas, in the order the matrices list them (newest file first). */
function rowAreas(byAge: readonly MatrixCandidate[]): Area[] {
  const out = new Map<string, Area>();
  for (const c of byAge) {
    for (const r of c.rows) {
      const key = areaKeyOf(r.scope, r.kecamatan, r.desa);
      if (!out.has(key)) out.set(key, { scope: r.scope, kecamatan: r.kecamatan, desa: r.desa, code: r.code, key });
    }
  }
  const all = [...out.values()];
  return [...all.filter((a) => a.scope === 'kecamatan'), ...all.filter((a) => a.scope === 'desa')];
}

/**
 * A share (or roll-up option) an OPD typed for a question the matrix answers,
 * when it disagrees with what the matrix gives: one warning at the typed
 * answer, one at the matrix column's heading. The typed answer stays valid
 * (scoring takes the matrix's); only answers not already invalid are compared.
 */
export function compareTyped(matrix: DistrictMatrix | null, submissions: readonly Submission[], project: Project): Diagnostic[] {
  if (!matrix) return [];
  const out: Diagnostic[] = [];
  for (const col of matrix.columns) {
    const q = project.catalog.questionById.get(col.questionId)!;
    const t = tally(q, col.rows);
    if (!t) continue;
    for (const s of submissions) {
      for (const a of s.answers) {
        if (a.questionId !== q.id || a.value === null || a.invalid || agrees(a.value, t.value)) continue;
        const common = { question: q.id, typed: shown(a.value), computed: shown(t.value), numerator: t.numerator, denominator: t.denominator, scope: col.scope };
        out.push(diag('KLA-W282', { ...common, where: 'typed', otherFile: col.header.file, otherSheet: col.header.sheet, otherCell: col.header.cell }, a.cells.answer, q.id));
        out.push(diag('KLA-W282', { ...common, where: 'matrix', otherFile: a.cells.answer.file, otherSheet: a.cells.answer.sheet, otherCell: a.cells.answer.cell }, col.header, q.id));
      }
    }
  }
  return out;
}

/** An answer as a message parameter: a share rounded to two decimals, an option as it reads. */
const shown = (v: AnswerValue): string | number => (v.kind === 'number' ? Math.round(v.value * 100) / 100 : v.option);
