/**
 * Uploads checked outside any project folder. A template made by `kla
 * template` names, on its hidden metadata sheet, the catalog, district, year
 * and OPD it was made for, and the ids of that OPD's questions: enough to
 * check the workbook the way its project would, against the built-in catalog
 * it names. The project made up here holds only the OPDs of the uploads, so
 * it says nothing about the district's coverage.
 */
import path from 'node:path';
import type { Diagnostic } from '../model.js';
import { diag } from '../diagnostics/index.js';
import { loadCatalog } from '../catalog/load.js';
import { shippedCatalog } from '../catalog/registry.js';
import { dataYearsOf, normalizeName, parseConfig, parseDistrictName, type Opd, type Project } from '../project/config.js';
import { defaultOpds } from '../project/init.js';
import type { MetaKey } from '../workbook/layout.js';
import type { WorkbookData } from '../workbook/read.js';
import { expandInputs } from './inputs.js';
import { readSafely } from './index.js';
import { textOf } from './values.js';

export interface UploadsProject {
  project: Project;
  /** Says which catalog, district and year the uploads are checked against, and from which file (KLA-I425). */
  note: Diagnostic;
}

type Meta = Partial<Record<MetaKey, string>>;

const metaOf = (data: WorkbookData): Meta =>
  Object.fromEntries(Object.entries(data.meta?.values ?? {}).map(([k, cell]) => [k, cell ? textOf(cell) : ''])) as Meta;

/**
 * The project the uploads name: the evaluation (built-in catalog, district,
 * year) most of their templates were made for, with the catalog's default OPD
 * list (so that other OPDs sharing a question are known) in which each
 * upload's OPD has exactly the questions its template lists. Undefined when
 * no workbook says.
 */
export async function projectForUploads(inputs: readonly string[], cwd: string): Promise<UploadsProject | undefined> {
  const { files } = await expandInputs([...inputs], cwd);
  const metas: { file: string; meta: Meta }[] = [];
  for (const f of files.filter((x) => !x.skip)) {
    const r = await readSafely(f.abs, f.display);
    if (r.status === 'read' && r.data.meta) metas.push({ file: f.abs, meta: metaOf(r.data) });
  }
  // Only a catalog shipped with kla: a workbook must not make kla read a file it names.
  const usable = metas.filter((m) => shippedCatalog(m.meta.catalogId ?? '') !== undefined && m.meta.opdCode && m.meta.district && /^\d{4}$/.test(m.meta.year ?? ''));
  const evaluation = (m: Meta) => `${m.catalogId}\u0000${m.district}\u0000${m.year}`;
  const votes = new Map<string, number>();
  for (const m of usable) votes.set(evaluation(m.meta), (votes.get(evaluation(m.meta)) ?? 0) + 1);
  // The evaluation most uploads were made for; on a tie, the first in path order.
  const first = usable.find((m) => votes.get(evaluation(m.meta)) === Math.max(...votes.values()));
  if (!first) return undefined;
  const { catalogId, district, year } = first.meta as Required<Meta>;
  const catalog = loadCatalog(catalogId, cwd);

  // Each upload of that evaluation brings its OPD with the questions its template lists.
  const own = new Map<string, Opd & { questions: string[] }>();
  for (const { meta } of usable.filter((m) => evaluation(m.meta) === evaluation(first.meta))) {
    const code = meta.opdCode!;
    const questions = (meta.questionIds ?? '').split(',').filter((id) => catalog.questionById.has(id));
    const sources = [...new Set(questions.flatMap((id) => catalog.questionById.get(id)!.sources))];
    if (own.has(code) || !/^[A-Z0-9][A-Z0-9_-]*$/.test(code) || sources.length === 0) continue;
    own.set(code, { code, name: meta.opdName || code, aliases: [], sources, questions });
  }
  const parsed = parseDistrictName(district);
  const defaults = defaultOpds(catalog, { kind: parsed.kind ?? 'kabupaten', name: parsed.name }).filter((o) => !own.has(o.code));
  const opds: Opd[] = [...[...own.values()].map(({ questions: _q, ...o }) => o), ...defaults];

  const config = parseConfig(
    {
      schemaVersion: 1,
      district: { kind: parsed.kind ?? 'kabupaten', name: parsed.name, province: '-' },
      year: Number(year),
      // The data year the template was made for (an older template records none: the year before).
      ...(/^\d{4}$/.test(first.meta.dataYear ?? '') ? { dataYear: Number(first.meta.dataYear) } : {}),
      catalog: catalogId,
      opds,
      signatories: { head: { title: '-', name: '-' }, coordinator: { title: '-', name: '-' } },
    },
    first.file,
  );
  const questionsByOpd = new Map<string, string[]>();
  for (const o of own.values()) questionsByOpd.set(o.code, o.questions);
  for (const o of defaults) questionsByOpd.set(o.code, catalog.questionList.filter((q) => q.sources.some((s) => o.sources.includes(s))).map((q) => q.id));
  const opdsByQuestion = new Map<string, string[]>();
  for (const o of opds) for (const id of questionsByOpd.get(o.code) ?? []) opdsByQuestion.set(id, [...(opdsByQuestion.get(id) ?? []), o.code]);
  // The uploads' own OPDs first, so that a name they share with a default OPD finds them.
  const opdByName = new Map<string, string>();
  for (const o of opds) for (const n of [o.code, o.name, ...o.aliases]) if (!opdByName.has(normalizeName(n))) opdByName.set(normalizeName(n), o.code);

  const at = (p: string) => path.resolve(cwd, p);
  const project: Project = {
    dir: cwd,
    // No config file: the chosen workbook is where this configuration comes from.
    configFile: first.file,
    config,
    catalog,
    paths: { templates: at(config.paths.templates), submissions: at(config.paths.submissions), evidence: at(config.paths.evidence), output: at(config.paths.output) },
    districtName: `${config.district.kind === 'kota' ? 'Kota' : 'Kabupaten'} ${config.district.name}`,
    dataYears: dataYearsOf(config),
    index: { opdByName, opdsByQuestion, questionsByOpd, chosen: new Map() },
    warnings: [],
    fromUploads: true,
  };
  const note = diag('KLA-I425', { catalog: catalogId, district: project.districtName, year: Number(year), file: first.file });
  return { project, note };
}
