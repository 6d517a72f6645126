/**
 * kla as a library. The CLI is a thin layer over these functions; none of them
 * touches the terminal or exits the process, and problems the user can fix are
 * thrown as `KlaError` (with Indonesian and English text) or returned as
 * diagnostics.
 *
 *   const project = loadProject('path/to/project');          // config + catalog
 *   const report = await validate(project, ['submissions']);  // diagnostics + answers
 *   const result = score(project.catalog, answersOf(report)); // points, predikat, forecast
 *   const { pdf } = await renderDossier(...);                 // see src/dossier
 *
 * pdfmake is loaded only when a dossier is rendered.
 */

// Catalog
export { loadCatalog, buildCatalog, resolveCatalogFile, findQuestion, fingerprintQuestions } from './catalog/load.js';
export type { Catalog, CatalogGroup, CatalogIndicator, CatalogQuestion } from './catalog/load.js';
export { shippedCatalogs, newestCatalog } from './catalog/registry.js';
export type { CatalogEntry } from './catalog/registry.js';
export { checkCatalog, formatCatalogProblem } from './catalog/rules.js';
export type { CatalogProblem, CatalogProblemCode } from './catalog/rules.js';
export type { CatalogData, Group, GroupKind, Indicator, Question, Rubric, Option, Source, AnswerType, Scope } from './catalog/schema.js';

// District project
export { loadProject, findProjectDir, parseConfig, CONFIG_FILE, CONFIG_FILES } from './project/config.js';
export type { Config, Opd, Project } from './project/config.js';
export { initProject } from './project/init.js';
export type { InitOptions, InitResult } from './project/init.js';

// Workbooks
export { buildTemplateWorkbook, writeTemplates, templateFileName } from './workbook/template.js';
export { readSubmissionFile as readWorkbook, readWorkbookBuffer } from './workbook/read.js';
export type { ReadResult, WorkbookData, RawCell, RawValue } from './workbook/read.js';

// Validation
export { validateInputs as validate, formatMessage } from './validate/index.js';
export type { ValidationReport, FileReport } from './validate/index.js';
export { CODES as diagnosticCodes } from './validate/codes.js';
export { formatters as reportFormatters } from './report/index.js';

// Scoring
export {
  score,
  predikatFor,
  rubricFraction,
  gapPlan,
  forecastDifference,
  applyWhatIf,
  compareBaseline,
  compareScores,
  toScoreJson,
} from './score/index.js';
export type { ScoreOptions, ScoreReport } from './score/index.js';

// Dossier
export { renderDossier, buildDossierModel, loadTemplates } from './dossier/index.js';
export type { DossierInput, DossierModel, LoadedTemplates } from './dossier/index.js';

// Shared data and errors
export type * from './model.js';
export { KlaError, formatNumber } from './i18n.js';
export type { Lang, Localized } from './i18n.js';
export { toolVersion } from './version.js';

import type { Answer } from './model.js';
import type { ValidationReport } from './validate/index.js';

/** All answers of a validation report, ready for `score`. */
export function answersOf(report: ValidationReport): Answer[] {
  return report.submissions.flatMap((s) => s.answers);
}
