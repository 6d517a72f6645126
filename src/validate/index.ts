/**
 * `kla validate` as a library: find the input files, read each one, check it
 * against the catalog and the district config, and return one report.
 * The scorer and the dossier build on `validateInputs`; the CLI only formats.
 */
import type { Diagnostic, Submission } from '../model.js';
import type { Project } from '../project/config.js';
import type { Lang } from '../i18n.js';

/** What happened to one input file. Paths are relative to cwd with '/' separators. */
export interface FileReport {
  file: string;
  sha256?: string;
  status: 'submission' | 'skipped' | 'unreadable';
  opdCode?: string;
  reason?: string;
}

export interface ValidationReport {
  schemaVersion: 1;
  project: { district: string; year: number; catalogId: string };
  files: FileReport[];
  /** Deterministic order: by file, sheet, row, column, code. */
  diagnostics: Diagnostic[];
  /** Answer.invalid = true where an error concerns that answer. */
  submissions: Submission[];
  coverage: {
    questions: number;
    answered: number;
    byGroup: { id: string; questions: number; answered: number }[];
    byIndicator: { id: string; questions: number; answered: number }[];
    unanswered: string[];
  };
  summary: { files: number; submissions: number; errors: number; warnings: number; infos: number };
}

/** Validate files, folders (recursive) and glob patterns; with no inputs, the project's submissions folder. */
export async function validateInputs(_project: Project, _inputs: string[], _opts: { cwd?: string } = {}): Promise<ValidationReport> {
  throw new Error('validateInputs: not implemented yet');
}

/** One sentence for a diagnostic, from the message tables. */
export function formatMessage(d: Diagnostic, _lang: Lang): string {
  return d.code;
}
