/**
 * Whose workbook is this, and was it made for this evaluation? Pure checks of
 * the metadata and identity sheets against the project: OPD, year, district,
 * catalog and template version, and the data officer's particulars.
 */
import path from 'node:path';
import type { CellRef } from '../model.js';
import { fingerprintQuestions } from '../catalog/load.js';
import { findOpd, normalizeName, parseDistrictName, questionsForOpd, type Opd, type Project } from '../project/config.js';
import { IDENTITY_FIELDS, SHEETS, TEMPLATE_VERSION, type IdentityKey, type MetaKey } from '../workbook/layout.js';
import type { RawCell, WorkbookData } from '../workbook/read.js';
import type { Diagnostic, Location } from '../model.js';
import { diag, type ParamsOf } from '../diagnostics/index.js';
import { textOf } from './values.js';

export interface IdentityResult {
  opd?: Opd;
  /** The cell the OPD was recognised by (metadata, identity sheet), or the file for a file name. */
  opdLocation: Location;
  identity: Partial<Record<IdentityKey, string>>;
  identityCells: Partial<Record<IdentityKey, CellRef>>;
  findings: Diagnostic[];
  /** The file belongs to another year, district or catalog: none of its answers may be scored. */
  foreign: boolean;
}

export function checkIdentity(data: WorkbookData, file: string, project: Project): IdentityResult {
  const findings: Diagnostic[] = [];
  const meta = data.meta;
  const idSheet = data.identity;
  const metaText = (k: MetaKey) => (meta?.values[k] ? textOf(meta.values[k]!) : '');
  const metaLoc = (k: MetaKey) => ({ file, sheet: meta?.sheet ?? SHEETS.meta, ...(meta?.values[k] ? { cell: meta.values[k]!.cell } : {}) });
  const idCell = (k: IdentityKey): RawCell | undefined => idSheet?.fields[k];
  const idText = (k: IdentityKey) => (idCell(k) ? textOf(idCell(k)!) : '');
  const idLoc = (k: IdentityKey) => ({ file, sheet: idSheet?.sheet ?? SHEETS.identity, cell: idCell(k)?.cell ?? IDENTITY_FIELDS.find((f) => f.key === k)!.cell });

  const identity: Partial<Record<IdentityKey, string>> = {};
  const identityCells: Partial<Record<IdentityKey, CellRef>> = {};
  if (idSheet) {
    for (const f of IDENTITY_FIELDS) {
      const t = idText(f.key);
      if (t) identity[f.key] = t;
      identityCells[f.key] = idLoc(f.key);
    }
  } else {
    findings.push(diag('KLA-E117', { sheet: SHEETS.identity }, { file }));
  }

  // --- template
  let foreign = false;
  if (!meta) {
    findings.push(diag('KLA-W103', {}, { file }));
  } else {
    const version = metaText('templateVersion');
    if (version !== String(TEMPLATE_VERSION)) {
      findings.push(diag('KLA-E104', { found: version || '-', expected: TEMPLATE_VERSION }, metaLoc('templateVersion')));
      foreign = true;
    }
    const catalogId = metaText('catalogId');
    if (catalogId !== project.catalog.id) {
      findings.push(diag('KLA-E105', { found: catalogId || '-', expected: project.catalog.id }, metaLoc('catalogId')));
      foreign = true;
    }
  }

  // --- OPD: metadata first (written by kla template), then the identity sheet, then the file name.
  const fromMeta = lookup(project, metaText('opdCode'));
  const fromSheet = lookup(project, idText('opdCode')) ?? lookup(project, idText('opdName'));
  const fromName = fromMeta || fromSheet ? undefined : opdFromFileName(project, file);
  const opd = fromMeta ?? fromSheet ?? fromName;
  if (fromMeta && fromSheet && fromMeta !== fromSheet) {
    findings.push(diag('KLA-W110', { meta: metaText('opdCode'), identity: idText('opdName') || idText('opdCode'), opd: fromMeta.code }, idLoc('opdName')));
  }
  const opdLocation: Location = fromMeta
    ? metaLoc('opdCode')
    : fromSheet && idSheet
      ? idLoc(lookup(project, idText('opdCode')) ? 'opdCode' : 'opdName')
      : idSheet
        ? idLoc('opdName')
        : { file };
  if (!opd) {
    const found = metaText('opdCode') || idText('opdName') || idText('opdCode');
    const loc = metaText('opdCode') ? metaLoc('opdCode') : idSheet ? idLoc('opdName') : { file };
    findings.push(diag('KLA-E109', { found }, loc));
  } else if (fromName) {
    findings.push(diag('KLA-W111', { opd: opd.code }, idSheet ? idLoc('opdName') : { file }));
  } else {
    // A file named for one OPD that holds another's template is often a mix-up when forwarding files.
    const named = opdFromFileName(project, file);
    if (named && named !== opd) findings.push(diag('KLA-W118', { named: named.code, opd: opd.code }, opdLocation));
  }

  if (meta && opd && !foreign) {
    const found = metaText('catalogFingerprint');
    const expected = expectedFingerprint(project, opd.code);
    if (found !== expected) findings.push(diag('KLA-E106', { found: found || '-', expected }, metaLoc('catalogFingerprint')));
  }

  // --- year and district: the visible identity cell when it disagrees, else the hidden metadata.
  const year = String(project.config.year);
  const yearOff = (t: string) => t !== '' && t.replace(/\.0+$/, '') !== year;
  if (yearOff(idText('year'))) {
    findings.push(diag('KLA-E107', { found: idText('year'), expected: year }, idLoc('year')));
    foreign = true;
  } else if (yearOff(metaText('year'))) {
    findings.push(diag('KLA-E107', { found: metaText('year'), expected: year }, metaLoc('year')));
    foreign = true;
  }
  // The data years follow the evaluation year unless the config says otherwise: a template made before that change asks for other data.
  const dataYear = String(project.dataYears.evaluated);
  if (!foreign && meta && metaText('dataYear') !== '' && metaText('dataYear').replace(/\.0+$/, '') !== dataYear) {
    findings.push(diag('KLA-E120', { found: metaText('dataYear'), expected: dataYear }, metaLoc('dataYear')));
    foreign = true;
  }
  const districtOff = (t: string) => {
    if (t === '') return false;
    // "Kota Bekasi" and "Kabupaten Bekasi" are different districts: a stated kind must match too.
    const found = parseDistrictName(t);
    const kindOff = found.kind !== undefined && found.kind !== project.config.district.kind;
    return kindOff || normalizeName(found.name) !== normalizeName(parseDistrictName(project.config.district.name).name);
  };
  if (districtOff(idText('district'))) {
    findings.push(diag('KLA-E108', { found: idText('district'), expected: project.districtName }, idLoc('district')));
    foreign = true;
  } else if (districtOff(metaText('district'))) {
    findings.push(diag('KLA-E108', { found: metaText('district'), expected: project.districtName }, metaLoc('district')));
    foreign = true;
  }

  if (idSheet) findings.push(...checkPeople(idSheet.fields, idLoc));
  return { ...(opd ? { opd } : {}), opdLocation, identity, identityCells, findings, foreign };
}

const REQUIRED: IdentityKey[] = ['officerName', 'officerNip', 'officerPosition', 'officerPhone', 'officerEmail', 'headName', 'headPosition'];

/** The data officer and the head of office: complete and well-formed. */
function checkPeople(fields: Partial<Record<IdentityKey, RawCell>>, loc: (k: IdentityKey) => Location): Diagnostic[] {
  const out: Diagnostic[] = [];
  const add = <C extends 'KLA-E112' | 'KLA-E113' | 'KLA-E114' | 'KLA-W115' | 'KLA-E116'>(code: C, key: IdentityKey, params: Omit<ParamsOf<C>, 'field'>) =>
    out.push(diag(code, { field: key, ...params } as ParamsOf<C>, loc(key)));
  for (const key of IDENTITY_FIELDS.map((f) => f.key)) {
    const raw = fields[key];
    const text = raw ? textOf(raw) : '';
    if (text === '') {
      if (REQUIRED.includes(key)) add('KLA-E112', key, {});
      continue;
    }
    if (key === 'officerNip' || key === 'headNip') {
      // Excel keeps 15 significant digits: an 18-digit NIP typed as a number has lost its tail.
      if (raw!.value.t === 'number') add('KLA-E114', key, { found: text });
      else if (!/^\d{18}$/.test(text.replace(/[\s.-]/g, ''))) add('KLA-E113', key, { found: text });
    } else if (key === 'officerPhone') {
      if (!/^(\+62|62|0)\d{7,13}$/.test(text.replace(/[\s().-]/g, ''))) add('KLA-W115', key, { found: text });
    } else if (key === 'officerEmail') {
      if (!/^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]{2,}$/.test(text)) add('KLA-E116', key, { found: text });
    }
  }
  return out;
}

function lookup(project: Project, s: string): Opd | undefined {
  return s ? findOpd(project, s) : undefined;
}

/**
 * Last resort: an OPD named in the file name ("Dinkes (revisi 2).xlsx",
 * "Jawaban KLA Dinas Kesehatan 2026.xlsx"). Every run of consecutive words is
 * tried; the longest run naming exactly one OPD wins.
 */
export function opdFromFileName(project: Project, file: string): Opd | undefined {
  const words = path.posix.basename(file).replace(/\.[^.]+$/, '').split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, 16);
  for (let len = words.length; len >= 1; len--) {
    const hits = new Set<Opd>();
    for (let i = 0; i + len <= words.length; i++) {
      const o = findOpd(project, words.slice(i, i + len).join(' '));
      if (o) hits.add(o);
    }
    if (hits.size === 1) return [...hits][0];
    if (hits.size > 1) return undefined;
  }
  return undefined;
}

/** The fingerprint an OPD's template carries, computed once per project and OPD (it hashes every question). */
const fingerprints = new WeakMap<Project, Map<string, string>>();
function expectedFingerprint(project: Project, opdCode: string): string {
  let byOpd = fingerprints.get(project);
  if (!byOpd) fingerprints.set(project, (byOpd = new Map()));
  let f = byOpd.get(opdCode);
  if (f === undefined) byOpd.set(opdCode, (f = fingerprintQuestions(project.catalog.id, questionsForOpd(project, opdCode))));
  return f;
}
