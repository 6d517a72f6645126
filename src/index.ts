/**
 * kla as a library. The CLI is a thin layer over the same functions; none of
 * them touches the terminal or exits the process. Problems the user can fix
 * are thrown as `KlaError` (coded diagnostics, worded by `formatMessage`) or
 * returned as diagnostics.
 *
 *   const project = loadProject('path/to/project');     // config + catalog
 *   const a = await assess(project);                    // validate, gate, score, plan: what `kla score` shows
 *   const b = await build(project, { draft: true });    // …and the documents' bytes: what `kla build` writes
 *   const r = await review(project);                    // validate and score without refusing: what `kla status` shows
 *   const f = await feedback(project);                  // annotated workbooks and letters per OPD: what `kla feedback` writes
 *
 * pdfmake is loaded only when a dossier is rendered.
 */

// The pipeline
export { assess, build, evidenceDirFor, review, feedback } from './pipeline.js';
export type { AssessOptions, Assessment, BuildOptions, Build, BuiltDocument, Review, ReviewOptions, Feedback, FeedbackOptions, FeedbackDocument } from './pipeline.js';
export { writeOutputs } from './io/files.js';
export type { Output } from './io/files.js';

// Catalog
export { loadCatalog, buildCatalog, resolveCatalogFile, findQuestion, fingerprintQuestions } from './catalog/load.js';
export type { Catalog, CatalogGroup, CatalogIndicator, CatalogQuestion } from './catalog/load.js';
export { shippedCatalogs, newestCatalog } from './catalog/registry.js';
export type { CatalogEntry } from './catalog/registry.js';
export { checkCatalog } from './catalog/rules.js';
export type { CatalogData, Group, GroupKind, Indicator, Question, Rubric, Option, Source, AnswerType, Scope } from './catalog/schema.js';

// District project
export { loadProject, findProjectDir, parseConfig, findOpd, opdsForQuestion, questionsForOpd, dataYearsOf, CONFIG_FILE, CONFIG_FILES } from './project/config.js';
export type { Config, DataYears, Opd, Project } from './project/config.js';
export { initProject } from './project/init.js';
export type { InitOptions, InitResult } from './project/init.js';

// Workbooks
export { buildTemplateWorkbook, writeTemplates, templateFileName } from './workbook/template.js';
export { buildProfileWorkbook, profileFileName } from './workbook/profile-template.js';
export { readSubmissionFile as readWorkbook, readWorkbookBuffer } from './workbook/read.js';
export type { ReadResult, WorkbookData, RawCell, RawValue } from './workbook/read.js';

// Validation and diagnostics
export { validateInputs as validate } from './validate/index.js';
export { missingForFinal } from './validate/profile.js';
export { projectForUploads } from './validate/standalone.js';
export type { UploadsProject } from './validate/standalone.js';
export type { ValidationReport, FileReport } from './validate/index.js';
export { CODES as diagnosticCodes, KlaError, formatMessage, formatRefusal, diag } from './diagnostics/index.js';
export type { Code, ParamsOf, FormatContext } from './diagnostics/index.js';
export { formatters as reportFormatters } from './report/index.js';

// Scoring
export {
  score,
  predikatFor,
  predikatThreshold,
  marginOf,
  forecastMarginOf,
  openConflicts,
  checkEvidence,
  rubricFraction,
  gapPlan,
  forecastDifference,
  applyWhatIf,
  compareBaseline,
  compareScores,
  toScoreJson,
} from './score/index.js';
export type { ScoreOptions, ScoreReport, GapPlan, WhatIfSettings, QuestionConflict, ConflictAnswer, UnusedChoice, ForecastMargin, EvidenceCheck } from './score/index.js';

// Status and feedback to the OPDs
export { standingOf, statusView, statusJson, formatStatusTable } from './status/index.js';
export type { OpdStanding, Standing, StatusView } from './status/index.js';
export { letterSettings, planFeedback } from './feedback/plan.js';
export type { FeedbackItem, FeedbackPlan, LetterSettings } from './feedback/plan.js';

// Dossier
export { renderDocuments, buildDossierModel, loadTemplates } from './dossier/index.js';
export type { DossierInput, DossierModel, LoadedTemplates, Documents } from './dossier/index.js';

// Shared data
export type * from './model.js';
export type * from './profile.js';
export { formatNumber } from './i18n.js';
export type { Lang, Localized } from './i18n.js';
export { toolVersion } from './version.js';
