/**
 * Scoring: the public API for the CLI and the dossier.
 *   score(catalog, answers, options)        -> ScoreReport (a ScoreResult with additions)
 *   forecastDifference(report)              -> where verification would cut, and why
 *   gapPlan(report, catalog.predikat, name) -> cheapest path to a predikat
 *   applyWhatIf / parseSetArgs / parseWhatIfJson, compareBaseline / parseScoreJson
 *   formatScoreTable(...)                   -> the console table
 */
export * from './engine.js';
export * from './numbers.js';
export * from './predikat.js';
export * from './evidence.js';
export * from './compare.js';
export * from './whatif.js';
export * from './plan.js';
export * from './json.js';
export * from './table.js';
