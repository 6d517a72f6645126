/**
 * The DPPPA profile workbook, judged against the project: what it was made
 * for, then each of its parts (profile-parts.ts) into one `DistrictProfile`,
 * every value with its cell. Pure: the reading happened in
 * src/workbook/profile-read.ts.
 *
 * Also the rule for several profile workbooks (the one saved last counts) and
 * `missingForFinal`, what a final dossier cannot do without.
 */
import type { Diagnostic, Location } from '../model.js';
import type { DistrictProfile, Regulation } from '../profile.js';
import type { Project } from '../project/config.js';
import { normalizeName } from '../project/config.js';
import { diag } from '../diagnostics/index.js';
import type { ProfileWorkbookData } from '../workbook/profile-read.js';
import {
  CHILD_FIELDS,
  CHILD_TABLE,
  KECAMATAN_TABLE,
  NARRATIVE_PARTS,
  PROFILE_DATA_SHEETS,
  PROFILE_SHEETS,
  PROFILE_VERSION,
  REGULATION_TABLE,
  colOf,
} from '../workbook/profile-layout.js';
import { parseCell } from '../workbook/a1.js';
import { textOf } from './values.js';
import { Judge, judgeActivities, judgeAreas, judgeChildren, judgeHistory, judgeNarratives, judgeRegulations } from './profile-parts.js';

export interface ProfileCheck {
  profile: DistrictProfile;
  findings: Diagnostic[];
  /** Made for another year or district, or by an unknown layout: never used. */
  foreign: boolean;
}

export function checkProfile(data: ProfileWorkbookData, file: string, sha256: string, project: Project): ProfileCheck {
  const j = new Judge(file, project, data.sheets, PROFILE_SHEETS);
  const foreign = judgeMeta(j, data);
  for (const k of PROFILE_DATA_SHEETS) if (data.sheets[k] === null) j.add('KLA-W252', { sheet: PROFILE_SHEETS[k] }, { file });
  const { areas, byKey } = judgeAreas(j, data);
  const children = judgeChildren(j, data, areas, byKey);
  const { regulations, gugusTugas } = judgeRegulations(j, data);
  const narratives = judgeNarratives(j, data);
  const history = judgeHistory(j, data);
  const activities = judgeActivities(j, data);
  return {
    profile: { file, sha256, savedAt: data.savedAt, areas, children, regulations, gugusTugas, narratives, history, activities },
    findings: j.findings,
    foreign,
  };
}

/** What the workbook was made for, from its Meta sheet: true when it is not this evaluation's. */
function judgeMeta(j: Judge, data: ProfileWorkbookData): boolean {
  const meta = data.meta;
  if (!meta) {
    j.add('KLA-W251', {}, { file: j.file });
    return false;
  }
  const value = (k: keyof typeof meta.values) => (meta.values[k] ? textOf(meta.values[k]!) : '');
  const at = (k: keyof typeof meta.values): Location => ({ file: j.file, sheet: meta.sheet, ...(meta.values[k] ? { cell: meta.values[k]!.cell } : {}) });
  const year = String(j.project.config.year);
  if (value('profileVersion') !== String(PROFILE_VERSION)) {
    j.add('KLA-E250', { what: 'version', found: value('profileVersion') || '-', expected: String(PROFILE_VERSION) }, at('profileVersion'));
  } else if (value('year') !== '' && value('year') !== year) {
    j.add('KLA-E250', { what: 'year', found: value('year'), expected: year }, at('year'));
  } else if (value('district') !== '' && normalizeName(value('district')) !== normalizeName(j.project.districtName)) {
    j.add('KLA-E250', { what: 'district', found: value('district'), expected: j.project.districtName }, at('district'));
  } else {
    return false;
  }
  return true;
}

// ---------------------------------------------------------------------------
// Several workbooks, and what a final dossier needs

export interface ProfileCandidate {
  profile: DistrictProfile;
  foreign: boolean;
}

/**
 * The profile workbook that counts: of those made for this evaluation, the one
 * saved last (a workbook that does not say when counts as oldest; a tie goes
 * to the first in path order). With more than one, each is told which counts.
 */
export function chooseProfile(candidates: readonly ProfileCandidate[]): { profile: DistrictProfile | null; findings: Diagnostic[] } {
  const usable = candidates.filter((c) => !c.foreign).map((c) => c.profile);
  if (usable.length === 0) return { profile: null, findings: [] };
  const kept = [...usable].sort((a, b) => {
    const sa = a.savedAt ?? '';
    const sb = b.savedAt ?? '';
    return sa !== sb ? (sa < sb ? 1 : -1) : a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
  })[0]!;
  const findings =
    usable.length < 2
      ? []
      : usable.map((p) => diag('KLA-W267', { other: usable.filter((x) => x !== p).map((x) => x.file), kept: kept.file }, { file: p.file }));
  return { profile: kept, findings };
}

/**
 * What a final dossier cannot do without, as diagnostics at the cells to
 * fill: the workbook itself, the kecamatan list, the child population (data
 * year and figures), the number and year of the KLA regulation (a Perda, or
 * a Perbup/Perwali where there is no Perda yet) and of the SK Gugus Tugas,
 * and the three parts of every group's narrative. Empty: nothing missing.
 */
export function missingForFinal(profile: DistrictProfile | null): Diagnostic[] {
  if (!profile) return [diag('KLA-E268', { part: 'workbook' }, { file: '' })];
  const out: Diagnostic[] = [];
  const at = (sheet: string, cell: string): Location => ({ file: profile.file, sheet, cell });
  if (profile.areas.length === 0) out.push(diag('KLA-E268', { part: 'areas' }, at(PROFILE_SHEETS.areas, `${colOf(KECAMATAN_TABLE, 'name')}${KECAMATAN_TABLE.firstRow}`)));
  if (profile.children.year === null || profile.children.rows.length === 0) {
    const cell = profile.children.year === null ? CHILD_FIELDS.year.cell : `${colOf(CHILD_TABLE, 'kecamatan')}${CHILD_TABLE.firstRow}`;
    out.push(diag('KLA-E268', { part: 'children' }, at(PROFILE_SHEETS.children, cell)));
  }
  const complete = (r: Regulation) => r.number !== '' && r.year !== null;
  const need = [
    { part: 'kla-regulation' as const, is: (r: Regulation) => r.kla && (r.kind === 'perda' || r.kind === 'perkada'), row: 0 },
    { part: 'sk-gugus-tugas' as const, is: (r: Regulation) => r.kind === 'sk-gugus-tugas', row: 1 },
  ];
  for (const n of need) {
    const rows = profile.regulations.filter(n.is);
    if (rows.some(complete)) continue;
    // At the first such row's empty number (else its year), or where the template offers it.
    const first = rows[0];
    const row = first ? parseCell(first.at.cell)!.row : REGULATION_TABLE.firstRow + n.row;
    const col = first && first.number !== '' ? colOf(REGULATION_TABLE, 'year') : colOf(REGULATION_TABLE, 'number');
    out.push(diag('KLA-E268', { part: n.part }, at(first?.at.sheet ?? PROFILE_SHEETS.regulations, `${col}${row}`)));
  }
  for (const g of profile.narratives) {
    const missing = NARRATIVE_PARTS.find((p) => g[p.key] === '');
    if (missing) out.push(diag('KLA-E268', { part: 'narrative', group: g.label }, at(g.cells[missing.key].sheet, g.cells[missing.key].cell)));
  }
  return out;
}
