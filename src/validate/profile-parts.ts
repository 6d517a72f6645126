/**
 * The judgement of each part of the DPPPA profile workbook (Wilayah, Anak,
 * Regulasi dan Gugus Tugas, Narasi, Riwayat Evaluasi, Rencana Tindak
 * Lanjut): raw cells in, the part of `DistrictProfile` out, with a finding at
 * the cell of every problem. Pure; `checkProfile` (profile.ts) puts them
 * together.
 */
import type { CellRef, Diagnostic, Location } from '../model.js';
import { areaKey, type DistrictProfile, type GroupNarrative, type Kecamatan, type PlannedActivity, type Regulation } from '../profile.js';
import type { Project } from '../project/config.js';
import { findOpd } from '../project/config.js';
import { diag, type Code, type ParamsOf } from '../diagnostics/index.js';
import type { ProfileField } from '../diagnostics/codes/validation.js';
import type { RawCell } from '../workbook/read.js';
import type { ProfileWorkbookData } from '../workbook/profile-read.js';
import {
  AGE_GROUPS,
  DESA_KINDS,
  DESA_TABLE,
  GUGUS_TUGAS_FIELDS,
  HEAD_TITLES,
  KECAMATAN_TABLE,
  NARRATIVE_LABEL_COL,
  NARRATIVE_PARTS,
  NARRATIVE_TEXT_COL,
  NO_PREDIKAT,
  OPTION_SEPARATOR,
  REGULATION_OPTIONS,
  SEXES,
  colOf,
  narrativeHeadingRow,
  type NarrativePart,
  type ProfileDataSheet,
} from '../workbook/profile-layout.js';
import { bandNamed } from '../score/predikat.js';
import { parseNumberText, textOf } from './values.js';

export { areaKey };

const optionKey = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
/** Cell text with inner runs of spaces collapsed (line breaks kept: narratives have paragraphs). */
const tidy = (s: string) => s.replace(/[ \t\u00a0]+/g, ' ').replace(/ *\n */g, '\n').trim();

/** What every part's judgement needs: where it is, the project, and one place to put findings. */
export class Judge {
  readonly findings: Diagnostic[] = [];
  constructor(
    readonly file: string,
    readonly project: Project,
    private readonly sheets: ProfileWorkbookData['sheets'],
    private readonly defaultSheets: Record<ProfileDataSheet, string>,
  ) {}

  /** The sheet a part was read from, or the template's name for it when it is missing. */
  sheet(k: ProfileDataSheet): string {
    return this.sheets[k] ?? this.defaultSheets[k];
  }
  ref(sheet: string, cell: string): CellRef {
    return { file: this.file, sheet, cell };
  }
  at(sheet: string, cell: string): Location {
    return { file: this.file, sheet, cell };
  }
  add<C extends Code>(code: C, params: ParamsOf<C>, loc: Location): void {
    this.findings.push(diag(code, params, loc));
  }

  /** A cell as text; formulas without a result and Excel errors are findings, and read as empty. */
  text(raw: RawCell, sheet: string): string {
    if (raw.value.t === 'formula') this.add('KLA-E219', { formula: raw.value.formula }, this.at(sheet, raw.cell));
    else if (raw.value.t === 'error') this.add('KLA-E220', { error: raw.value.error }, this.at(sheet, raw.cell));
    return tidy(textOf(raw));
  }
  /** A formula without a result or an Excel error: reported once, read as nothing. */
  unreadable(raw: RawCell, sheet: string): boolean {
    if (raw.value.t !== 'formula' && raw.value.t !== 'error') return false;
    this.text(raw, sheet);
    return true;
  }
  /** Nothing typed (a formula without result or an Excel error is reported as such, not as missing). */
  blank(raw: RawCell): boolean {
    return raw.value.t === 'blank' || (raw.value.t === 'text' && tidy(raw.value.text) === '');
  }
  /** What a cell held, for a message. */
  found(raw: RawCell): string {
    return raw.value.t === 'date' ? raw.value.date : textOf(raw);
  }
  /** A whole number ≥ 0 from a number cell or unambiguous text ("12.345" is 12345); null when it is none. */
  whole(raw: RawCell): number | null {
    const v = raw.value;
    if (v.t === 'number') return Number.isInteger(v.value) && v.value >= 0 && !v.percent ? v.value : null;
    if (v.t !== 'text') return null;
    const p = parseNumberText(v.text);
    if (!p) return null;
    const readings = [p.value, ...(p.alternative !== undefined ? [p.alternative] : [])].filter((n) => Number.isInteger(n) && n >= 0);
    return readings.length === 1 ? readings[0]! : null;
  }
  /** A year in [min, max]: null when blank; a finding (E265) and null when it is not one. */
  year(raw: RawCell, sheet: string, field: ProfileField, min: number, max: number): number | null {
    if (raw.value.t === 'blank' || this.unreadable(raw, sheet)) return null;
    const y = this.whole(raw);
    if (y !== null && y >= min && y <= max) return y;
    this.add('KLA-E265', { field, found: this.found(raw), min, max }, this.at(sheet, raw.cell));
    return null;
  }
  /** One W266 per row, at its first empty cell, naming every empty field among `fields`. */
  incomplete(sheet: string, fields: [ProfileField, RawCell][]): void {
    const missing = fields.filter(([, raw]) => this.blank(raw));
    if (missing.length > 0) this.add('KLA-W266', { missing: missing.map(([f]) => f) }, this.at(sheet, missing[0]![1].cell));
  }
}

// ---------------------------------------------------------------------------
// Wilayah

/** The kecamatan and their desa/kelurahan, counted against the config. `byKey` finds a kecamatan by name. */
export function judgeAreas(j: Judge, data: ProfileWorkbookData): { areas: Kecamatan[]; byKey: Map<string, Kecamatan> } {
  const sheet = j.sheet('areas');
  const areas: Kecamatan[] = [];
  const byKey = new Map<string, Kecamatan>();
  const codes = new Map<string, string>();
  for (const { cells } of data.kecamatan) {
    const name = j.text(cells.name, sheet);
    const code = j.text(cells.code, sheet);
    if (!name) {
      j.incomplete(sheet, [['kecamatanName', cells.name]]);
      continue;
    }
    const first = byKey.get(areaKey(name));
    if (first) {
      j.add('KLA-E253', { name, first: first.at.cell, by: 'name' }, j.at(sheet, cells.name.cell));
      continue;
    }
    if (code && codes.has(code)) {
      j.add('KLA-E253', { name: code, first: codes.get(code)!, by: 'code' }, j.at(sheet, cells.code.cell));
      continue;
    }
    const k: Kecamatan = { code, name, desa: [], at: j.ref(sheet, cells.name.cell) };
    areas.push(k);
    byKey.set(areaKey(name), k);
    if (code) codes.set(code, cells.code.cell);
  }

  const names = new Map<string, string>();
  const desaCodes = new Map<string, string>();
  let count = 0;
  for (const { cells } of data.desa) {
    const name = j.text(cells.name, sheet);
    const code = j.text(cells.code, sheet);
    const kindText = j.text(cells.kind, sheet);
    const kecamatanName = j.text(cells.kecamatan, sheet);
    if (!name) {
      j.incomplete(sheet, [['desaName', cells.name]]);
      continue;
    }
    const kecamatan = kecamatanName ? byKey.get(areaKey(kecamatanName)) : undefined;
    if (!kecamatan) {
      j.add('KLA-E255', { desa: name, kecamatan: kecamatanName }, j.at(sheet, cells.kecamatan.cell));
      continue;
    }
    const nameKey = `${areaKey(kecamatan.name)}\u0000${areaKey(name)}`;
    if (names.has(nameKey)) {
      j.add('KLA-E254', { name, kecamatan: kecamatan.name, first: names.get(nameKey)!, by: 'name' }, j.at(sheet, cells.name.cell));
      continue;
    }
    if (code && desaCodes.has(code)) {
      j.add('KLA-E254', { name: code, kecamatan: kecamatan.name, first: desaCodes.get(code)!, by: 'code' }, j.at(sheet, cells.code.cell));
      continue;
    }
    let kind: 'desa' | 'kelurahan' = 'desa';
    if (kindText) {
      const k = DESA_KINDS.find((d) => optionKey(d.label) === optionKey(kindText));
      if (k) kind = k.kind;
      else j.add('KLA-E265', { field: 'desaKind', found: kindText, options: DESA_KINDS.map((d) => d.label) }, j.at(sheet, cells.kind.cell));
    } else {
      j.incomplete(sheet, [['desaKind', cells.kind]]);
    }
    kecamatan.desa.push({ code, name, kind, at: j.ref(sheet, cells.name.cell) });
    names.set(nameKey, cells.name.cell);
    if (code) desaCodes.set(code, cells.code.cell);
    count++;
  }

  const expected = j.project.config.profile;
  if (data.sheets.areas !== null) {
    if (expected.kecamatan !== undefined && areas.length !== expected.kecamatan) {
      const cell = `${colOf(KECAMATAN_TABLE, 'name')}${KECAMATAN_TABLE.firstRow}`;
      j.add('KLA-W256', { what: 'kecamatan', found: areas.length, expected: expected.kecamatan }, { ...j.at(sheet, cell), key: 'profile.kecamatan' });
    }
    if (expected.desaKelurahan !== undefined && count !== expected.desaKelurahan) {
      const cell = `${colOf(DESA_TABLE, 'name')}${DESA_TABLE.firstRow}`;
      j.add('KLA-W256', { what: 'desa', found: count, expected: expected.desaKelurahan }, { ...j.at(sheet, cell), key: 'profile.desaKelurahan' });
    }
  }
  return { areas, byKey };
}

// ---------------------------------------------------------------------------
// Anak

/** The child population: one row per kecamatan of the Wilayah sheet, whole numbers ≥ 0. */
export function judgeChildren(j: Judge, data: ProfileWorkbookData, areas: readonly Kecamatan[], byKey: ReadonlyMap<string, Kecamatan>): DistrictProfile['children'] {
  const sheet = j.sheet('children');
  const out: DistrictProfile['children'] = { year: null, source: '', ageGroups: [...AGE_GROUPS], rows: [] };
  const c = data.children;
  if (!c) return out;
  out.ageGroups = c.ageGroups;
  out.year = j.year(c.year, sheet, 'childYear', 2000, j.project.config.year);
  out.source = j.text(c.source, sheet);
  j.incomplete(sheet, [
    ['childYear', c.year],
    ['childSource', c.source],
  ]);
  const seen = new Map<string, string>();
  for (const r of c.rows) {
    const name = j.text(r.kecamatan, sheet);
    if (!name) {
      j.incomplete(sheet, [['kecamatanName', r.kecamatan]]);
      continue;
    }
    const k = byKey.get(areaKey(name));
    if (!k) {
      j.add('KLA-E258', { name }, j.at(sheet, r.kecamatan.cell));
      continue;
    }
    const first = seen.get(areaKey(name));
    if (first) {
      j.add('KLA-E253', { name, first, by: 'name' }, j.at(sheet, r.kecamatan.cell));
      continue;
    }
    seen.set(areaKey(name), r.kecamatan.cell);
    // A kecamatan chosen but no figure typed: said once per kecamatan, below.
    if ([...r.male, ...r.female].every((x) => x.value.t === 'blank')) continue;
    const counts = (cells: RawCell[], sex: number) =>
      cells.map((cell, a) => {
        if (cell.value.t === 'blank' || j.unreadable(cell, sheet)) return 0;
        const n = j.whole(cell);
        if (n !== null) return n;
        j.add('KLA-E257', { kecamatan: k.name, sex: SEXES[sex]!.short, age: AGE_GROUPS[a] ?? '', found: j.found(cell) }, j.at(sheet, cell.cell));
        return 0;
      });
    out.rows.push({ kecamatan: k.name, male: counts(r.male, 0), female: counts(r.female, 1), at: j.ref(sheet, r.kecamatan.cell) });
  }
  const withFigures = new Set(out.rows.map((r) => areaKey(r.kecamatan)));
  for (const k of areas) if (!withFigures.has(areaKey(k.name))) j.add('KLA-W259', { name: k.name }, j.at(k.at.sheet, k.at.cell));
  return out;
}

// ---------------------------------------------------------------------------
// Regulasi dan Gugus Tugas

export function judgeRegulations(j: Judge, data: ProfileWorkbookData): { regulations: Regulation[]; gugusTugas: DistrictProfile['gugusTugas'] } {
  const sheet = j.sheet('regulations');
  const kinds = REGULATION_OPTIONS.flatMap((o) => HEAD_TITLES.map((h) => ({ key: optionKey(o.label(h)), option: o })));
  const head = HEAD_TITLES[j.project.config.district.kind === 'kota' ? 1 : 0];
  const regulations: Regulation[] = [];
  for (const { cells } of data.regulations) {
    // The template's first rows come with a kind: nothing else typed there is an unused row.
    if ((['number', 'year', 'title'] as const).every((k) => cells[k].value.t === 'blank')) continue;
    const kindText = j.text(cells.kind, sheet);
    const number = j.text(cells.number, sheet).replace(/^(nomor|no\.?)\s*/i, '');
    const title = j.text(cells.title, sheet);
    const year = j.year(cells.year, sheet, 'regulationYear', 1945, j.project.config.year);
    let option = kinds.find((k) => k.key === optionKey(kindText))?.option;
    if (kindText && !option) j.add('KLA-E265', { field: 'regulationKind', found: kindText, options: REGULATION_OPTIONS.map((o) => o.label(head)) }, j.at(sheet, cells.kind.cell));
    option ??= REGULATION_OPTIONS.find((o) => o.kind === 'lainnya')!;
    j.incomplete(sheet, [
      ['regulationKind', cells.kind],
      ['regulationNumber', cells.number],
      ['regulationYear', cells.year],
      ['regulationTitle', cells.title],
    ]);
    regulations.push({ kind: option.kind, kla: option.kla, number, year, title, at: j.ref(sheet, cells.kind.cell) });
  }

  const decree = regulations.find((r) => r.kind === 'sk-gugus-tugas' && r.number);
  const gugusTugas: DistrictProfile['gugusTugas'] = {
    decree: decree ? `Nomor ${decree.number}${decree.year !== null ? ` Tahun ${decree.year}` : ''}` : '',
    chair: '',
    members: null,
    at: decree?.at ?? null,
    cells: { chair: j.ref(sheet, GUGUS_TUGAS_FIELDS.chair.cell), members: j.ref(sheet, GUGUS_TUGAS_FIELDS.members.cell) },
  };
  const g = data.gugusTugas;
  if (g) {
    gugusTugas.chair = j.text(g.chair, sheet);
    if (g.members.value.t !== 'blank' && !j.unreadable(g.members, sheet)) {
      gugusTugas.members = j.whole(g.members);
      if (gugusTugas.members === null) j.add('KLA-E265', { field: 'members', found: j.found(g.members) }, j.at(sheet, g.members.cell));
    }
    j.incomplete(sheet, [
      ['chair', g.chair],
      ['members', g.members],
    ]);
  }
  return { regulations, gugusTugas };
}

// ---------------------------------------------------------------------------
// Narasi

/** One narrative per catalog group, found by the heading of its block (label, else name). */
export function judgeNarratives(j: Judge, data: ProfileWorkbookData): GroupNarrative[] {
  const sheet = j.sheet('narratives');
  return j.project.catalog.groups.map((g, i) => {
    const block = data.narratives.find((b) => optionKey(b.label) === optionKey(g.label)) ?? data.narratives.find((b) => optionKey(b.name) === optionKey(g.name));
    const row = block?.row ?? narrativeHeadingRow(i);
    const cellOf = (k: number) => `${NARRATIVE_TEXT_COL}${row + 1 + k}`;
    const parts = Object.fromEntries(NARRATIVE_PARTS.map((p) => [p.key, block ? j.text(block.parts[p.key], sheet) : ''])) as Record<NarrativePart, string>;
    const missing = NARRATIVE_PARTS.map((p, k) => ({ key: p.key, cell: cellOf(k) })).filter((p) => !parts[p.key]);
    // A missing sheet is said once (KLA-W252), not once per group.
    if (missing.length > 0 && data.sheets.narratives !== null) {
      j.add('KLA-W260', { group: g.label, parts: missing.map((m) => m.key) }, j.at(sheet, block ? missing[0]!.cell : `${NARRATIVE_LABEL_COL}${row}`));
    }
    return {
      groupId: g.id,
      label: g.label,
      ...parts,
      at: j.ref(sheet, `${NARRATIVE_LABEL_COL}${row}`),
      cells: { capaian: j.ref(sheet, cellOf(0)), kendala: j.ref(sheet, cellOf(1)), upaya: j.ref(sheet, cellOf(2)) },
    };
  });
}

// ---------------------------------------------------------------------------
// Riwayat Evaluasi

export function judgeHistory(j: Judge, data: ProfileWorkbookData): DistrictProfile['history'] {
  const sheet = j.sheet('history');
  const { predikat, totalMax } = j.project.catalog;
  const options = [...predikat.bands.map((b) => b.name), NO_PREDIKAT];
  const thisYear = j.project.config.year;
  const out: DistrictProfile['history'] = [];
  for (const { cells: c } of data.history) {
    let year: number | null = null;
    if (c.year.value.t !== 'blank' && !j.unreadable(c.year, sheet)) {
      const y = j.whole(c.year);
      if (y === null || y < 1990 || y > 2100) j.add('KLA-E265', { field: 'historyYear', found: j.found(c.year), min: 1990, max: thisYear - 1 }, j.at(sheet, c.year.cell));
      else if (y >= thisYear) j.add('KLA-E263', { year: y, evaluationYear: thisYear }, j.at(sheet, c.year.cell));
      else year = y;
    }
    const predikatText = j.text(c.predikat, sheet);
    let band: string | null = null;
    if (predikatText && optionKey(predikatText) !== optionKey(NO_PREDIKAT)) {
      const b = bandNamed(predikatText, predikat);
      if (b) band = b.name;
      else j.add('KLA-E264', { found: predikatText, options }, j.at(sheet, c.predikat.cell));
    }
    let total: number | null = null;
    if (c.total.value.t !== 'blank' && !j.unreadable(c.total, sheet)) {
      const v = c.total.value.t === 'number' ? c.total.value.value : c.total.value.t === 'text' ? (parseNumberText(c.total.value.text)?.value ?? NaN) : NaN;
      if (Number.isFinite(v) && v >= 0 && v <= totalMax) total = v;
      else j.add('KLA-E265', { field: 'historyTotal', found: j.found(c.total), min: 0, max: totalMax }, j.at(sheet, c.total.cell));
    }
    j.incomplete(sheet, [
      ['historyYear', c.year],
      ['historyPredikat', c.predikat],
    ]);
    if (year !== null) out.push({ year, predikat: band, total, note: j.text(c.note, sheet), at: j.ref(sheet, c.year.cell) });
  }
  return out;
}

// ---------------------------------------------------------------------------
// Rencana Tindak Lanjut

export function judgeActivities(j: Judge, data: ProfileWorkbookData): PlannedActivity[] {
  const sheet = j.sheet('activities');
  const out: PlannedActivity[] = [];
  for (const { cells: c } of data.activities) {
    const opdText = j.text(c.opd, sheet);
    const indicatorText = j.text(c.indicator, sheet);
    const activity = j.text(c.activity, sheet);
    const timing = j.text(c.timing, sheet);
    const responsible = j.text(c.responsible, sheet);
    j.incomplete(sheet, [
      ['opd', c.opd],
      ['activity', c.activity],
      ['timing', c.timing],
      ['responsible', c.responsible],
    ]);
    const opd = opdText ? opdOf(j.project, opdText) : undefined;
    if (opdText && !opd) j.add('KLA-E261', { opd: opdText }, j.at(sheet, c.opd.cell));
    let indicatorId = '';
    if (indicatorText) {
      const id = indicatorOf(j.project, indicatorText);
      if (id) indicatorId = id;
      else j.add('KLA-E262', { indicator: indicatorText, catalog: j.project.catalog.id }, j.at(sheet, c.indicator.cell));
    }
    // Without a known OPD or an activity there is nothing to plan.
    if (opd && activity) out.push({ opdCode: opd, indicatorId, activity, timing, responsible, at: j.ref(sheet, c.activity.cell) });
  }
  return out;
}

/** "DINKES — Dinas Kesehatan …" (the dropdown), a code, a name or an alias: the OPD's code. */
function opdOf(project: Project, s: string): string | undefined {
  const head = s.split(OPTION_SEPARATOR)[0]!.trim();
  const byCode = project.config.opds.find((o) => o.code.toLowerCase() === head.toLowerCase());
  return (byCode ?? findOpd(project, head) ?? findOpd(project, s) ?? findOpd(project, s.split(OPTION_SEPARATOR).slice(1).join(OPTION_SEPARATOR)))?.code;
}

/** "12 — Persalinan …" (the dropdown) or "12": the indicator's id. */
function indicatorOf(project: Project, s: string): string | undefined {
  const head = s.split(OPTION_SEPARATOR)[0]!.trim();
  const ids = project.catalog.indicatorById;
  return ids.has(head) ? head : [...ids.keys()].find((id) => id.toLowerCase() === head.toLowerCase());
}

