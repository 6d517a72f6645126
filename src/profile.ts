/**
 * The district's own content for the dossier, kept by the DPPPA in one
 * workbook that `kla template` writes and `kla validate` checks like any
 * other: the kecamatan and their desa/kelurahan, the child population by
 * kecamatan, sex and age group, the district's regulations and Gugus Tugas,
 * the narrative per group (capaian, kendala, upaya), earlier evaluations and
 * the planned follow-up activities per OPD. Plain data with the cell behind
 * every value, for the working report's data trail.
 */
import type { CellRef } from './model.js';

/** A value and the cell it was read from. */
export interface Cited<T> {
  value: T;
  at: CellRef;
}

export interface Desa {
  /** Kemendagri code when given, e.g. "15.02.01.2001"; else ''. */
  code: string;
  name: string;
  kind: 'desa' | 'kelurahan';
  at: CellRef;
}

export interface Kecamatan {
  code: string;
  name: string;
  desa: Desa[];
  at: CellRef;
}

/** Children (0–17) of one kecamatan by age group and sex; the age groups are those of `ChildPopulation.ageGroups`. */
export interface ChildRow {
  kecamatan: string;
  male: number[];
  female: number[];
  at: CellRef;
}

export interface ChildPopulation {
  /** The data year of the figures (e.g. 2025) and where they come from (e.g. "Disdukcapil, DKB Semester II 2025"). */
  year: number | null;
  source: string;
  /** Labels of the age groups in column order, e.g. ["0–4", "5–9", "10–14", "15–17"]. */
  ageGroups: string[];
  rows: ChildRow[];
}

export type RegulationKind = 'perda' | 'perkada' | 'sk-gugus-tugas' | 'sk' | 'lainnya';

export interface Regulation {
  kind: RegulationKind;
  /**
   * A Perda or Perkada about KLA itself (the legal basis the dossier's Bab I
   * cites), as opposed to another regulation concerning children.
   */
  kla: boolean;
  /** "Nomor 5 Tahun 2019" as the district writes it: number and year apart. */
  number: string;
  year: number | null;
  title: string;
  at: CellRef;
}

export interface GugusTugas {
  /** The SK that forms it, when given. */
  decree: string;
  chair: string;
  /** Members (OPDs and institutions) as the SK lists them. */
  members: number | null;
  /** The decree's row on the regulation sheet, when there is one. */
  at: CellRef | null;
  /** Where chair and members were read. */
  cells: { chair: CellRef; members: CellRef };
}

/** One per catalog group, in catalog order; a part not written is ''. */
export interface GroupNarrative {
  groupId: string;
  /** The catalog's short label, e.g. "Klaster I". */
  label: string;
  capaian: string;
  kendala: string;
  upaya: string;
  /** The group's heading cell (where the block is, or should be). */
  at: CellRef;
  cells: { capaian: CellRef; kendala: CellRef; upaya: CellRef };
}

export interface EarlierEvaluation {
  year: number;
  /** The predikat awarded, or null for none. */
  predikat: string | null;
  total: number | null;
  note: string;
  at: CellRef;
}

export interface PlannedActivity {
  opdCode: string;
  /** The indicator it serves, when given. */
  indicatorId: string;
  activity: string;
  /** When, as written: "Triwulan II 2026", "Maret–Mei 2026". */
  timing: string;
  /** The unit responsible inside the OPD. */
  responsible: string;
  at: CellRef;
}

export interface DistrictProfile {
  file: string;
  sha256: string;
  savedAt: string | null;
  areas: Kecamatan[];
  children: ChildPopulation;
  regulations: Regulation[];
  gugusTugas: GugusTugas;
  narratives: GroupNarrative[];
  history: EarlierEvaluation[];
  activities: PlannedActivity[];
}

/** "Kec. Bangko", "KECAMATAN  BANGKO" and "Bangko" are one kecamatan. */
export const areaKey = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^\s*(kecamatan|kec\.)\s*/, '')
    .replace(/\s+/g, ' ')
    .trim();
