/**
 * The plain data that flows between the stages:
 *   workbook reading -> Submission -> validation (Diagnostic) -> scoring (ScoreResult) -> rendering.
 * Every stage after reading is a pure function of these values.
 */
import type { IdentityKey } from './workbook/layout.js';

/** Where a value came from: file (as given on the command line or found in a folder), sheet and A1 cell. */
export interface CellRef {
  file: string;
  sheet: string;
  cell: string;
}

/** An answer in the question's own terms: a rubric option, or a number (percent 0–100, count). */
export type AnswerValue = { kind: 'option'; option: string } | { kind: 'number'; value: number };

/** One question row of one OPD's workbook, normalised. */
export interface Answer {
  questionId: string;
  opdCode: string;
  /** null when the answer cell is blank or could not be read as the question's type. */
  value: AnswerValue | null;
  /** The previous year's value, where the question asks for it. */
  previous: AnswerValue | null;
  /** Evidence: file names or links, one per entry. */
  evidence: string[];
  note: string;
  cells: { answer: CellRef; previous: CellRef; evidence: CellRef; note: CellRef };
  /** Set by validation when an error concerns this answer: scoring ignores it. */
  invalid?: boolean;
}

/** A workbook recognised as an OPD submission. */
export interface Submission {
  file: string;
  /** SHA-256 of the file's bytes, hex. */
  sha256: string;
  opdCode: string;
  /** When the workbook says it was last saved, ISO 8601 (null: it does not say). */
  savedAt: string | null;
  identity: Partial<Record<IdentityKey, string>>;
  /** Cells of the identity values, for diagnostics and the dossier's data trail. */
  identityCells: Partial<Record<IdentityKey, CellRef>>;
  answers: Answer[];
}

export type Severity = 'error' | 'warning' | 'info';

/**
 * Where a diagnostic points: a file (relative to the working folder, '/'
 * separated; '' for the whole set or the process), and within it a sheet and
 * A1 cell, or a config key; or a command-line option.
 */
export interface Location {
  file: string;
  sheet?: string;
  cell?: string;
  /** A config key, dotted: "signatories.head.name", "opds[3].code". */
  key?: string;
  /** A command-line option or argument: "--year". */
  option?: string;
  /** The line of `key` in the file, from 1 (a config edited by hand: where to look). */
  line?: number;
}

/**
 * A finding or a refusal: data, not prose. Words come later from the message
 * tables by code (src/diagnostics), in the language asked for.
 */
export interface Diagnostic {
  /** Stable code, e.g. "KLA-E212". */
  code: string;
  severity: Severity;
  /** Text, numbers, or lists of texts; the registry declares each code's parameters. */
  params: Record<string, string | number | readonly string[]>;
  location: Location;
  questionId?: string;
}

// ---------------------------------------------------------------------------
// Scoring

export type QuestionStatus =
  /** Answered and scored through the rubric. */
  | 'answered'
  /** No usable answer from any OPD: scores 0. */
  | 'unanswered'
  /** Answered, but the answer had validation errors and was left out (--allow-invalid). */
  | 'ignored'
  /** Points set directly by a what-if. */
  | 'overridden';

export interface QuestionScore {
  questionId: string;
  indicatorId: string;
  groupId: string;
  /** Maximum points of the question (full precision). */
  max: number;
  /** Self-evaluation estimate (full precision). */
  points: number;
  /** Verification forecast: 0 when required evidence is missing. */
  forecastPoints: number;
  status: QuestionStatus;
  value: AnswerValue | null;
  previous: AnswerValue | null;
  evidence: string[];
  evidenceRequired: boolean;
  /** Required evidence absent (none named, or named files not found in the evidence folder). */
  evidenceMissing: boolean;
  /** The OPD whose answer counts, or null when unanswered. */
  opdCode: string | null;
  /** All OPDs of the district that answer this question. */
  responsible: string[];
  /** The answer cell that produced the points. */
  source: CellRef | null;
}

export interface IndicatorScore {
  id: string;
  groupId: string;
  name: string;
  max: number;
  /** The sum of its questions' points, counted up to `max` (see the catalog's `indicatorOverflow`). */
  points: number;
  forecastPoints: number;
}

export interface GroupScore {
  id: string;
  label: string;
  name: string;
  max: number;
  points: number;
  forecastPoints: number;
}

export interface ScoreSummary {
  total: number;
  /** null below the lowest band. */
  predikat: string | null;
}

export interface ScoreResult extends ScoreSummary {
  catalogId: string;
  max: number;
  forecast: ScoreSummary;
  groups: GroupScore[];
  indicators: IndicatorScore[];
  questions: QuestionScore[];
}
