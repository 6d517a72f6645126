/**
 * The content of both documents, built purely from data (catalog, config,
 * district profile, submissions, diagnostics, scores, gap plan): the dossier
 * the Bupati signs and the DPPPA team's working report. No pdfmake and no I/O
 * here; the layouts (dossier.ts, report.ts) only arrange this. All text from
 * spreadsheets and the config is cleaned on the way in.
 */
import type { Catalog } from '../catalog/load.js';
import type { AnswerType, Rubric } from '../catalog/schema.js';
import { dataYearsOf, isPlaceholder, type Config, type DataYears } from '../project/config.js';
import type { Answer, CellRef, Diagnostic, GroupScore, IndicatorScore, QuestionStatus, Submission } from '../model.js';
import type { DistrictProfile } from '../profile.js';
import type { GapPlan, PlanStepKind } from '../score/plan.js';
import type { QuestionScoreDetail, ScoreReport } from '../score/engine.js';
import { forecastDifference } from '../score/plan.js';
import { bandsOf, marginOf, predikatThreshold, totalDigits } from '../score/predikat.js';
import { clean } from '../score/numbers.js';
import { listText } from '../diagnostics/index.js';
import { compareCells } from '../workbook/a1.js';
import type { DistrictMatrix, MatrixScope, RowValue } from '../matrix.js';
import { answerText, cleanText, dateText, LIMITS, maximum, points, pointsWith } from './text.js';

export interface DossierInput {
  catalog: Catalog;
  config: Config;
  /** "Kabupaten Merangin". */
  districtName: string;
  submissions: readonly Submission[];
  /** The DPPPA's profile workbook, when one was read. */
  profile: DistrictProfile | null;
  /** The Kelana/Dekela matrix the score computed its shares from; null without one. */
  matrix?: DistrictMatrix | null;
  /** Every input file read, with the SHA-256 of its bytes. */
  files: readonly { file: string; sha256: string; opdCode?: string | null }[];
  /** Every validation finding. */
  diagnostics: readonly Diagnostic[];
  /** Words a diagnostic in Indonesian (paths shown from the project). */
  word: (d: Diagnostic) => string;
  score: ScoreReport;
  /** The plan towards the next predikat (null: none to reach). */
  plan: GapPlan | null;
  /** A draft: marked DRAF, with an annex of what blocks the final document. */
  draft: boolean;
  /** What stops the final document (listed in the draft). */
  blockers: readonly Diagnostic[];
  /** The document's date; null when it is not set yet (a draft only). */
  date: Date | null;
  /** The district emblem as a data URL (PNG/JPEG), checked by the caller. */
  logo: string | null;
  /** Whether named evidence files were looked up in an evidence folder. */
  evidenceChecked: boolean;
  /** How a file path is shown (relative to the project, with forward slashes). */
  fileLabel: (file: string) => string;
}

export interface QuestionRow {
  id: string;
  text: string;
  answer: string;
  previous: string;
  note: string;
  points: number;
  max: number;
  forecastPoints: number;
  evidence: string[];
  /** Entries left out of `evidence` by the length cap. */
  evidenceMore: number;
  evidenceRequired: boolean;
  evidenceMissing: boolean;
  evidenceNotFound: string[];
  status: QuestionStatus;
  opdCode: string | null;
  responsible: string[];
  source: CellRef | null;
  /** Computed from the Kelana/Dekela matrix: how many of the district's kecamatan or desa/kelurahan meet it. */
  matrix?: { numerator: number; denominator: number; scope: MatrixScope };
}

/** One kecamatan or desa/kelurahan of the matrix annex, with its answer to each question of the grid. */
export interface MatrixAnnexRow {
  kecamatan: string;
  desa: string | null;
  /** Per question of the grid, in its order: 'Ya', 'Tidak' or '' (not filled in). */
  values: ('Ya' | 'Tidak' | '')[];
  /** Per question: the answer earns points but its evidence is missing. */
  unevidenced: boolean[];
}

/** The matrix of one scope: its questions (columns) and areas (rows, in the profile's order). */
export interface MatrixGrid {
  scope: MatrixScope;
  questionIds: string[];
  rows: MatrixAnnexRow[];
}

/** What the dossier attaches of the Kelana/Dekela matrix, and what the working report lists. */
export interface MatrixModel {
  questions: { id: string; criterion: string; scope: MatrixScope; numerator: number; denominator: number; answer: string; favourable: 'Ya' | 'Tidak'; points: number; max: number }[];
  grids: MatrixGrid[];
  /** Per kecamatan or desa/kelurahan, in the matrix's order: the questions whose answer earns points without complete evidence. */
  unevidenced: { kecamatan: string; desa: string | null; questions: string[]; file: string; where: string; notFound: string[] }[];
  files: string[];
}

export interface IndicatorSection extends Omit<IndicatorScore, 'groupId'> {
  questions: QuestionRow[];
}

export interface GroupSection extends GroupScore {
  indicators: IndicatorSection[];
  /** Its indicators as the framework counts them (Klaster V: 4, its rows 21A … 24B: 9). */
  indicatorCount: number;
  /** The DPPPA's narrative for the group (empty strings when not written). */
  narrative: { capaian: string; kendala: string; upaya: string };
}

export interface Person {
  title: string;
  name: string;
  nip: string;
}

export interface OpdEntry {
  code: string;
  name: string;
  /** Files received from this OPD (empty: nothing received). */
  files: string[];
  officer: { name: string; nip: string; position: string; phone: string; email: string };
  head: { name: string; nip: string; position: string };
  questions: number;
}

export interface PlanRow {
  questionId: string;
  indicatorId: string;
  text: string;
  kind: PlanStepKind;
  /** Points still open on this question. */
  open: number;
  /** What the current answer is, when there is one. */
  current: string;
  /** The answer that earns the question's full points, in words ('"Ada, lengkap dan berjalan"', '90% atau lebih'); '' when the rubric has no one answer for it. */
  target: string;
}

export interface OpdPlan {
  opdCode: string;
  opdName: string;
  /** Needed steps of the plan, for this OPD, in plan order. */
  steps: PlanRow[];
  open: number;
  /** The DPPPA's planned activities for this OPD. */
  activities: { indicatorId: string; activity: string; timing: string; responsible: string }[];
}

export interface DossierModel {
  draft: boolean;
  date: Date | null;
  /** "14 Maret 2026", or '' when the date is not set. */
  dateText: string;
  watermark: string | null;
  district: { name: string; shortName: string; kind: 'kabupaten' | 'kota'; province: string; capital: string; logo: string | null; headTitle: string };
  /** The evaluation year. */
  year: number;
  /** The data year evaluated and the year before it. */
  dataYears: DataYears;
  signatories: { head: Person; coordinator: Person };
  /** Key facts of Bab II, in order. */
  facts: { label: string; value: string }[];
  profileDescription: string;
  /** Children by kecamatan (rows) and by age group (totals), from the profile workbook. */
  children: {
    year: number | null;
    source: string;
    ageGroups: string[];
    byKecamatan: { name: string; male: number; female: number }[];
    byAge: { group: string; male: number; female: number }[];
    male: number;
    female: number;
  } | null;
  /** Each as cited ("Peraturan Daerah Kabupaten … Nomor … Tahun … tentang …"); `kla`: about KLA itself. */
  regulations: { kind: string; kla: boolean; title: string }[];
  gugusTugas: { decree: string; chair: string; members: number | null } | null;
  history: { year: number; predikat: string; total: string; note: string }[];
  /** `indicators`: the framework's count (24); `localIndicators`: those of KLA in kecamatan and desa/kelurahan (2). */
  catalog: { id: string; title: string; provenance: string; questions: number; indicators: number; localIndicators: number; groups: number };
  summary: {
    total: number;
    /** The total as shown: two decimals unless more are needed to agree with the predikat. */
    totalText: string;
    max: number;
    predikat: string | null;
    /** Bands in order, with their range worded under the catalog's rule for decimals. */
    bands: { name: string; min: number; max: number; range: string }[];
    /** `gap`: the points still missing; `need`: the same as the band edge asks ("paling sedikit 443,56" at an edge that counts, "lebih dari 43,20" above one). */
    nextPredikat: { name: string; threshold: string; gap: string; need: string } | null;
    answered: number;
    questions: number;
  };
  groups: GroupSection[];
  weakest: { id: string; name: string; groupLabel: string; points: number; max: number }[];
  plan: { target: string; threshold: string; status: GapPlan['status'] } | null;
  opdPlans: OpdPlan[];
  opds: OpdEntry[];
  evidenceByIndicator: { id: string; name: string; items: { questionId: string; opdCode: string; entries: string[] }[] }[];
  /** What blocks the final document (a draft lists it). */
  blockers: string[];

  // The working report only.
  forecast: {
    total: number;
    totalText: string;
    predikat: string | null;
    evidenceChecked: boolean;
    /** Points above the lower edge of the forecast's band (null: no predikat). */
    aboveLower: number | null;
    next: { name: string; missing: number } | null;
    /** The risk margin of the config, and whether the forecast lies within it of an edge. */
    margin: number;
    atRisk: boolean;
    groups: { label: string; points: number; forecastPoints: number }[];
    losses: { questionId: string; indicatorId: string; opdCode: string; atStake: number; reason: 'none' | 'not-found'; notFound: { entry: string; suggestion: string | null; empty: boolean }[]; matrix?: { scope: MatrixScope; rows: number } }[];
  };
  conflicts: { questionId: string; status: 'open' | 'chosen'; chosen: string | null; answers: { opdCode: string; value: string; file: string; cell: string }[] }[];
  problems: { opdCode: string; opdName: string; officer: OpdEntry['officer'] | null; findings: { code: string; severity: Diagnostic['severity']; where: string; message: string }[] }[];
  files: { file: string; sha256: string; opdCode: string }[];
  trail: { questionId: string; value: string; points: number; file: string; sheet: string; cell: string; previousCell: string }[];
  rubrics: { id: string; title: string; kind: Rubric['kind']; description: string; lines: string[] }[];
  /** Problems of the source instrument that the catalog records and does not guess at. */
  sourceProblems: { questions: string[]; problem: string }[];
  /** Corrections of the source's wording, as the catalog lists them. */
  corrections: number;
  resolutions: { issue: string; resolution: string }[];
  fullPlan: GapPlan | null;
  /** The Kelana/Dekela matrix; null when no question was computed from one. */
  matrix: MatrixModel | null;
}

/** Locale-independent string order, so the PDF is the same on every machine. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);


/** Build both documents' content from data. Pure. */
export function buildDossierModel(input: DossierInput): DossierModel {
  const { catalog, config, score } = input;
  const label = (f: string) => cleanText(input.fileLabel(f), 300);
  const opdName = new Map(config.opds.map((o) => [o.code, cleanText(o.name)]));
  const answerIndex = new Map<string, Answer>();
  for (const s of input.submissions) for (const a of s.answers) answerIndex.set(`${a.opdCode}\u0000${a.questionId}`, a);

  const rows = new Map<string, QuestionRow>();
  for (const qs of score.questions) {
    const q = catalog.questionById.get(qs.questionId);
    const ans = qs.opdCode !== null ? answerIndex.get(`${qs.opdCode}\u0000${qs.questionId}`) : undefined;
    // The matrix's evidence is per row; its annex shows the rows, the lists of evidence refer to it.
    const evidence = qs.matrix ? [] : qs.evidence.map((e) => cleanText(e, LIMITS.evidenceEntry)).filter((e) => e !== '');
    rows.set(qs.questionId, {
      id: qs.questionId,
      text: cleanText(q?.text ?? '', 2000),
      answer: answerText(qs.value, q?.answerType),
      previous: answerText(qs.previous, q?.answerType),
      note: cleanText(ans?.note ?? '', LIMITS.note),
      points: qs.points,
      max: qs.max,
      forecastPoints: qs.forecastPoints,
      evidence: evidence.slice(0, LIMITS.evidenceEntries),
      evidenceMore: Math.max(0, evidence.length - LIMITS.evidenceEntries),
      evidenceRequired: qs.evidenceRequired,
      evidenceMissing: qs.evidenceMissing,
      evidenceNotFound: qs.evidenceNotFound.map((e) => cleanText(e, LIMITS.evidenceEntry)),
      status: qs.status,
      opdCode: qs.opdCode,
      responsible: [...qs.responsible],
      source: qs.source,
      ...(qs.matrix ? { matrix: { numerator: qs.matrix.numerator, denominator: qs.matrix.denominator, scope: qs.matrix.scope } } : {}),
    });
  }

  const narratives = new Map((input.profile?.narratives ?? []).map((n) => [n.groupId, n]));
  const indicatorScore = new Map(score.indicators.map((i) => [i.id, i]));
  const groupScore = new Map(score.groups.map((g) => [g.id, g]));
  const groups: GroupSection[] = catalog.groups.map((g) => {
    const gs = groupScore.get(g.id);
    const n = narratives.get(g.id);
    return {
      id: g.id,
      label: cleanText(g.label),
      name: cleanText(g.name, 300),
      max: gs?.max ?? g.max,
      points: gs?.points ?? 0,
      forecastPoints: gs?.forecastPoints ?? 0,
      indicatorCount: g.indicatorCount,
      narrative: { capaian: cleanText(n?.capaian ?? '', LIMITS.narrative), kendala: cleanText(n?.kendala ?? '', LIMITS.narrative), upaya: cleanText(n?.upaya ?? '', LIMITS.narrative) },
      indicators: g.indicators.map((ind) => {
        const is = indicatorScore.get(ind.id);
        return {
          id: ind.id,
          name: cleanText(ind.name, 300),
          max: is?.max ?? ind.max,
          points: is?.points ?? 0,
          forecastPoints: is?.forecastPoints ?? 0,
          questions: ind.questions.map((q) => rows.get(q.id)).filter((r): r is QuestionRow => r !== undefined),
        };
      }),
    };
  });

  const bands = bandsOf(catalog.predikat).map((b, i, all) => ({
    ...b,
    range: i === 0 ? `${maximum(b.min)} sampai dengan ${maximum(b.max)}` : `lebih dari ${maximum(all[i - 1]!.max)} sampai dengan ${maximum(b.max)}`,
  }));
  const margin = marginOf(score.total, catalog.predikat);
  const allRows = [...rows.values()];

  const weakest = groups
    .flatMap((g) => g.indicators.map((i) => ({ id: i.id, name: i.name, groupLabel: g.label, points: i.points, max: i.max })))
    .filter((i) => i.max > 0)
    .map((i, idx) => ({ i, idx }))
    .sort((a, b) => a.i.points / a.i.max - b.i.points / b.i.max || a.idx - b.idx)
    .slice(0, 10)
    .map(({ i }) => i);

  const opds = opdEntries(input, opdName, label);
  const forecast = forecastModel(input);

  const district = {
    name: cleanText(input.districtName),
    shortName: cleanText(config.district.name),
    kind: config.district.kind,
    province: cleanText(config.district.province).replace(/^provinsi\s+/i, ''),
    capital: cleanText(config.profile.capital ?? ''),
    logo: input.logo,
    headTitle: config.district.kind === 'kota' ? 'Wali Kota' : 'Bupati',
  };
  return {
    draft: input.draft,
    date: input.date,
    dateText: input.date ? dateText(input.date) : '',
    watermark: config.document?.watermark ? cleanText(config.document.watermark, 20) : null,
    district,
    year: config.year,
    dataYears: dataYearsOf(config),
    signatories: { head: person(config.signatories.head), coordinator: person(config.signatories.coordinator) },
    facts: facts(input),
    profileDescription: cleanText(config.profile.description ?? '', LIMITS.paragraph),
    children: childrenModel(input.profile),
    regulations: (input.profile?.regulations ?? []).map((r) => ({ kind: r.kind, kla: r.kla, title: citation(r, district) })),
    gugusTugas: gugusTugasModel(input.profile, district),
    history: (input.profile?.history ?? [])
      .map((h) => ({ year: h.year, predikat: cleanText(h.predikat ?? 'Belum berpredikat'), total: h.total === null ? '–' : points(h.total), note: cleanText(h.note, 300) }))
      .sort((a, b) => a.year - b.year),
    catalog: {
      id: catalog.id,
      title: cleanText(catalog.title, 300),
      provenance: cleanText(catalog.provenance, LIMITS.paragraph),
      questions: catalog.questionList.length,
      indicators: catalog.indicatorCount,
      localIndicators: catalog.groups.filter((g) => g.kind === 'kelana-dekela').reduce((k, g) => k + g.indicatorCount, 0),
      groups: catalog.groups.length,
    },
    summary: {
      total: score.total,
      totalText: pointsWith(score.total, totalDigits(score.total, catalog.predikat)),
      max: score.max,
      predikat: score.predikat,
      bands,
      nextPredikat: margin.next
        ? {
            name: margin.next.name,
            threshold: `${margin.next.threshold.inclusive ? 'paling sedikit' : 'lebih dari'} ${maximum(margin.next.threshold.value)}`,
            gap: points(margin.next.missing),
            need: `${margin.next.threshold.inclusive ? 'paling sedikit' : 'lebih dari'} ${points(margin.next.missing)}`,
          }
        : null,
      answered: allRows.filter((r) => r.status === 'answered' || r.status === 'overridden').length,
      questions: allRows.length,
    },
    groups,
    weakest,
    plan: input.plan ? { target: input.plan.target, threshold: thresholdText(input), status: input.plan.status } : null,
    opdPlans: opdPlans(input, rows, opdName),
    opds,
    evidenceByIndicator: groups.flatMap((g) =>
      g.indicators.map((i) => ({
        id: i.id,
        name: i.name,
        items: i.questions
          .filter((q) => q.evidence.length > 0)
          .map((q) => ({ questionId: q.id, opdCode: q.opdCode ?? q.responsible.join(', '), entries: q.evidenceMore > 0 ? [...q.evidence, `dan ${q.evidenceMore} berkas lainnya`] : q.evidence })),
      })),
    ),
    blockers: input.blockers.map((d) => cleanText(blockerLine(d, input), 600)),
    forecast,
    conflicts: conflictsModel(input, label),
    problems: problemsModel(input, opds, label),
    files: [...input.files].map((f) => ({ file: label(f.file), sha256: f.sha256, opdCode: f.opdCode ?? '' })).sort((a, b) => cmp(a.file, b.file)),
    trail: allRows
      .filter((r) => r.source !== null)
      .map((r) => {
        const ans = r.opdCode !== null ? answerIndex.get(`${r.opdCode}\u0000${r.id}`) : undefined;
        return {
          questionId: r.id,
          value: r.answer,
          points: r.points,
          file: label(r.source!.file),
          sheet: cleanText(r.source!.sheet, 40),
          cell: cleanText(r.source!.cell, 20),
          previousCell: ans && ans.previous !== null ? cleanText(ans.cells.previous.cell, 20) : '',
        };
      }),
    // In catalog order: the catalog lists its rubrics as the instrument's questions use them.
    rubrics: Object.entries(catalog.rubrics).map(([id, r]) => ({ id, title: cleanText(r.title, 200), kind: r.kind, description: cleanText(r.description, 600), lines: rubricLines(r) })),
    sourceProblems: catalog.sourceProblems.map((x) => ({ questions: [...x.questions], problem: cleanText(x.problem, 600) })),
    corrections: catalog.corrections.length,
    resolutions: catalog.resolutions.map((r) => ({ issue: cleanText(r.issue, 600), resolution: cleanText(r.resolution, 1200) })),
    fullPlan: input.plan,
    matrix: matrixModel(input, label),
  };
}

/** The rows without evidence, one entry per area and workbook row: what the camat's office or the desa is asked for. */
function unevidencedByArea(scored: readonly QuestionScoreDetail[], label: (f: string) => string): MatrixModel['unevidenced'] {
  const out = new Map<string, MatrixModel['unevidenced'][number]>();
  for (const q of scored) {
    for (const u of q.matrix!.unevidenced) {
      const row = /\d+$/.exec(u.cell.cell)?.[0] ?? '';
      const file = label(u.cell.file);
      const where = `lembar ${cleanText(u.cell.sheet, 40)}, baris ${row}`;
      const key = `${u.kecamatan}\u0000${u.desa ?? ''}\u0000${file}\u0000${where}`;
      const e = out.get(key) ?? { kecamatan: cleanText(u.kecamatan), desa: u.desa === null ? null : cleanText(u.desa), questions: [], file, where, notFound: [] };
      e.questions.push(q.questionId);
      // One compilation usually serves every question of the row: named once.
      for (const x of u.notFound.map((y) => cleanText(y, LIMITS.evidenceEntry))) if (!e.notFound.includes(x)) e.notFound.push(x);
      out.set(key, e);
    }
  }
  // In the workbook's order: sheet by sheet, row by row, as the office reads it.
  const rowOf = (w: string) => Number(/\d+$/.exec(w)?.[0] ?? 0);
  return [...out.values()].sort((a, b) => cmp(a.file, b.file) || cmp(a.where.replace(/\d+$/, ''), b.where.replace(/\d+$/, '')) || rowOf(a.where) - rowOf(b.where));
}

/** The matrix as the annex shows it: a grid per scope, areas in the profile's order, and the rows without evidence. */
function matrixModel(input: DossierInput, label: (f: string) => string): MatrixModel | null {
  const scored = input.score.questions.filter((q) => q.matrix !== undefined);
  const columns = new Map((input.matrix?.columns ?? []).map((c) => [c.questionId, c]));
  if (scored.length === 0) return null;
  const shown = (v: RowValue | null): 'Ya' | 'Tidak' | '' => (v === 'ya' ? 'Ya' : v === 'tidak' ? 'Tidak' : '');
  const grids: MatrixGrid[] = [];
  for (const scope of ['kecamatan', 'desa'] as const) {
    const qs = scored.filter((q) => q.matrix!.scope === scope && columns.has(q.questionId));
    if (qs.length === 0) continue;
    const key = (r: { kecamatan: string; desa: string | null }) => `${r.kecamatan}\u0000${r.desa ?? ''}`;
    const rows = new Map<string, MatrixAnnexRow>();
    qs.forEach((q, i) => {
      const bare = new Set(q.matrix!.unevidenced.map((u) => key(u)));
      for (const r of columns.get(q.questionId)!.rows) {
        const k = key(r);
        if (!rows.has(k)) rows.set(k, { kecamatan: cleanText(r.kecamatan), desa: r.desa === null ? null : cleanText(r.desa), values: qs.map(() => ''), unevidenced: qs.map(() => false) });
        const row = rows.get(k)!;
        row.values[i] = shown(r.value);
        row.unevidenced[i] = bare.has(k);
      }
    });
    grids.push({ scope, questionIds: qs.map((q) => q.questionId), rows: [...rows.values()] });
  }
  return {
    questions: scored.map((q) => {
      const cq = input.catalog.questionById.get(q.questionId);
      return {
        id: q.questionId,
        criterion: cleanText(cq?.criterion ?? cq?.text ?? '', 300),
        scope: q.matrix!.scope,
        numerator: q.matrix!.numerator,
        denominator: q.matrix!.denominator,
        answer: answerText(q.value, cq?.answerType),
        favourable: q.matrix!.favourable === 'ya' ? 'Ya' : 'Tidak',
        points: q.points,
        max: q.max,
      };
    }),
    grids,
    unevidenced: unevidencedByArea(scored, label),
    files: (input.matrix?.files ?? []).map((f) => label(f.file)),
  };
}

/**
 * What still stops the final document, as the draft's annex says it to its
 * readers (the Gugus Tugas, the Kepala Dinas): what is missing, not which key
 * of the tool's config holds it or which command makes it. The other blockers
 * (errors in workbooks, a part of the profile) are worded so already.
 */
function blockerLine(d: Diagnostic, input: DossierInput): string {
  const p = d.params as Record<string, unknown>;
  const list = (xs: unknown) => listText(Array.isArray(xs) ? xs.map(String) : [], 'id');
  const s = input.config.signatories;
  switch (d.code) {
    case 'KLA-E720':
      return 'Tanggal penandatanganan dokumen belum ditetapkan.';
    case 'KLA-E721': {
      const role = p.role === 'head' ? 'Kepala Daerah' : 'Kepala Dinas Pemberdayaan Perempuan dan Perlindungan Anak';
      const title = p.role === 'head' ? s.head.title : s.coordinator.title;
      const who = p.field === 'name' && !isPlaceholder(title) ? cleanText(title) : role;
      return p.field === 'name' ? `Nama ${who} yang menandatangani dokumen belum diisi.` : `Jabatan ${role} yang menandatangani dokumen belum diisi.`;
    }
    case 'KLA-E722':
      return 'Lambang daerah untuk sampul dokumen belum tersedia.';
    case 'KLA-E724':
      return `Pertanyaan ${String(p.question)} dijawab berbeda oleh ${list(p.opds)}; jawaban yang diajukan belum ditetapkan.`;
    case 'KLA-E268':
      if (p.part === 'workbook') return 'Lembar kerja profil daerah (DPPPA) belum diterima; dokumen final memuat wilayah, jumlah anak, regulasi, dan narasi dari lembar kerja tersebut.';
      return input.word(d);
    default:
      return input.word(d);
  }
}

function person(p: { title: string; name: string; nip?: string | undefined }): Person {
  return { title: cleanText(p.title), name: cleanText(p.name), nip: cleanText(p.nip ?? '') };
}

function thresholdText(input: DossierInput): string {
  const t = input.plan ? predikatThreshold(input.plan.target, input.catalog.predikat) : null;
  return t ? `${t.inclusive ? 'paling sedikit' : 'lebih dari'} ${maximum(t.value)}` : '';
}

/**
 * A regulation cited as Indonesian legal writing does: "Peraturan Daerah
 * Kabupaten Merangin Nomor 4 Tahun 2022 tentang Penyelenggaraan Kabupaten
 * Layak Anak", "Keputusan Bupati Merangin Nomor 188.45/112/KEP.BUP/2025
 * tentang …". The year is not repeated when the number already holds it,
 * and a "Nomor" or "tentang" the district typed is not doubled.
 */
export function citation(r: Pick<DistrictProfile['regulations'][number], 'kind' | 'number' | 'year' | 'title'>, district: { name: string; shortName: string; headTitle: string }): string {
  const issuer: Record<string, string> = {
    perda: `Peraturan Daerah ${district.name}`,
    perkada: `Peraturan ${district.headTitle} ${district.shortName}`,
    'sk-gugus-tugas': `Keputusan ${district.headTitle} ${district.shortName}`,
    sk: `Keputusan ${district.headTitle} ${district.shortName}`,
  };
  const number = cleanText(r.number, 80).replace(/^(nomor|no\.?)\s*/i, '');
  const year = r.year !== null && !number.includes(String(r.year)) ? ` Tahun ${r.year}` : '';
  const title = cleanText(r.title, 400).replace(/^tentang\s+/i, '');
  const numbered = number ? `Nomor ${number}${year}` : year.trim();
  if (r.kind === 'lainnya') return [title, numbered && `(${numbered})`].filter(Boolean).join(' ');
  return [issuer[r.kind], numbered, title && `tentang ${title}`].filter(Boolean).join(' ');
}

function gugusTugasModel(profile: DistrictProfile | null, district: { name: string; shortName: string; headTitle: string }): DossierModel['gugusTugas'] {
  if (!profile || profile.gugusTugas.chair === '') return null;
  const sk = profile.regulations.find((r) => r.kind === 'sk-gugus-tugas');
  return {
    decree: sk ? citation(sk, district) : cleanText(profile.gugusTugas.decree, 300),
    chair: cleanText(profile.gugusTugas.chair),
    members: profile.gugusTugas.members,
  };
}

function facts(input: DossierInput): { label: string; value: string }[] {
  const p = input.config.profile;
  const areas = input.profile?.areas ?? [];
  const kecamatan = areas.length > 0 ? areas.length : p.kecamatan;
  const desa = areas.length > 0 ? areas.reduce((n, k) => n + k.desa.length, 0) : p.desaKelurahan;
  const children = input.profile && input.profile.children.rows.length > 0
    ? input.profile.children.rows.reduce((n, r) => n + sum(r.male) + sum(r.female), 0)
    : p.children;
  const id = (n: number) => new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 }).format(n);
  const out: { label: string; value: string | undefined }[] = [
    { label: 'Ibu kota', value: p.capital ? cleanText(p.capital) : undefined },
    { label: 'Luas wilayah', value: p.areaKm2 !== undefined ? `${id(p.areaKm2)} km²` : undefined },
    { label: 'Jumlah kecamatan', value: kecamatan !== undefined ? id(kecamatan) : undefined },
    { label: 'Jumlah desa/kelurahan', value: desa !== undefined ? id(desa) : undefined },
    { label: 'Jumlah penduduk', value: p.population !== undefined ? `${id(p.population)} jiwa` : undefined },
    {
      label: 'Jumlah anak (0–17 tahun)',
      value: children !== undefined ? `${id(children)} jiwa${p.population ? ` (${percentShare(children, p.population)} dari penduduk)` : ''}` : undefined,
    },
  ];
  return out.filter((r): r is { label: string; value: string } => r.value !== undefined);
}

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
const percentShare = (part: number, whole: number) => `${new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 }).format((part / whole) * 100)}%`;

function childrenModel(profile: DistrictProfile | null): DossierModel['children'] {
  const c = profile?.children;
  if (!c || c.rows.length === 0) return null;
  const byKecamatan = c.rows.map((r) => ({ name: cleanText(r.kecamatan), male: sum(r.male), female: sum(r.female) }));
  const byAge = c.ageGroups.map((g, i) => ({ group: cleanText(g, 20), male: sum(c.rows.map((r) => r.male[i] ?? 0)), female: sum(c.rows.map((r) => r.female[i] ?? 0)) }));
  return {
    year: c.year,
    source: cleanText(c.source, 300),
    ageGroups: c.ageGroups.map((g) => cleanText(g, 20)),
    byKecamatan,
    byAge,
    male: sum(byKecamatan.map((k) => k.male)),
    female: sum(byKecamatan.map((k) => k.female)),
  };
}

/** The answer that earns a question full points under its rubric, in words; '' for a trend (it depends on the year before). */
function fullPointsAnswer(r: Rubric | undefined, type: AnswerType): string {
  if (r === undefined) return '';
  if (r.kind === 'options') {
    const best = Math.max(...r.options.map((o) => o.fraction));
    const o = r.options.find((x) => x.fraction === best);
    return o ? `"${cleanText(o.value, LIMITS.answer)}"` : '';
  }
  if (r.kind === 'bands') {
    const best = Math.max(...r.bands.map((b) => b.fraction));
    const b = r.bands.find((x) => x.fraction === best);
    if (!b) return '';
    const v = answerText({ kind: 'number', value: b.threshold }, type);
    return r.better === 'higher' ? `${v} atau lebih` : `paling tinggi ${v}`;
  }
  return '';
}

function opdPlans(input: DossierInput, rows: Map<string, QuestionRow>, opdName: Map<string, string>): OpdPlan[] {
  const byOpd = new Map<string, OpdPlan>();
  const plan = (code: string): OpdPlan => {
    let p = byOpd.get(code);
    if (!p) byOpd.set(code, (p = { opdCode: code, opdName: opdName.get(code) ?? code, steps: [], open: 0, activities: [] }));
    return p;
  };
  // The dossier states what each OPD will do to raise its results; steps that only complete
  // evidence belong to the team's working report.
  for (const s of input.plan?.steps ?? []) {
    if (!s.needed || s.kind === 'evidence' || s.opdCode === null) continue;
    const r = rows.get(s.questionId);
    const p = plan(s.opdCode);
    const q = input.catalog.questionById.get(s.questionId);
    const target = q ? fullPointsAnswer(input.catalog.rubrics[q.rubric], q.answerType) : '';
    p.steps.push({ questionId: s.questionId, indicatorId: s.indicatorId, text: r?.text ?? '', kind: s.kind, open: s.gain, current: r?.answer ?? '', target });
    p.open = clean(p.open + s.gain);
  }
  for (const a of input.profile?.activities ?? []) {
    plan(a.opdCode).activities.push({ indicatorId: a.indicatorId, activity: cleanText(a.activity, 600), timing: cleanText(a.timing, 80), responsible: cleanText(a.responsible, 200) });
  }
  const order = new Map(input.config.opds.map((o, i) => [o.code, i]));
  return [...byOpd.values()].sort((a, b) => (order.get(a.opdCode) ?? 1e9) - (order.get(b.opdCode) ?? 1e9));
}

function opdEntries(input: DossierInput, opdName: Map<string, string>, label: (f: string) => string): OpdEntry[] {
  const subs = new Map<string, Submission[]>();
  for (const s of input.submissions) subs.set(s.opdCode, [...(subs.get(s.opdCode) ?? []), s]);
  const questions = new Map<string, number>();
  for (const q of input.score.questions) for (const o of q.responsible) questions.set(o, (questions.get(o) ?? 0) + 1);
  return input.config.opds.map((o) => {
    const list = [...(subs.get(o.code) ?? [])].sort((a, b) => cmp(a.file, b.file));
    const id = list[0]?.identity ?? {};
    return {
      code: o.code,
      name: opdName.get(o.code) ?? o.code,
      files: list.map((s) => label(s.file)),
      officer: {
        name: cleanText(id.officerName),
        nip: cleanText(id.officerNip, 40),
        position: cleanText(id.officerPosition),
        phone: cleanText(id.officerPhone, 40),
        email: cleanText(id.officerEmail, 120),
      },
      head: { name: cleanText(id.headName), nip: cleanText(id.headNip, 40), position: cleanText(id.headPosition) },
      questions: questions.get(o.code) ?? 0,
    };
  });
}

function forecastModel(input: DossierInput): DossierModel['forecast'] {
  const { score, catalog } = input;
  const m = score.forecastMargin;
  const riskMargin = m.riskMargin;
  const atRisk = m.atRisk || m.nearNext;
  const diff = forecastDifference(score);
  return {
    total: score.forecast.total,
    totalText: pointsWith(score.forecast.total, totalDigits(score.forecast.total, catalog.predikat)),
    predikat: score.forecast.predikat,
    evidenceChecked: input.evidenceChecked,
    aboveLower: m.aboveLower,
    next: m.next ? { name: m.next.name, missing: m.next.missing } : null,
    margin: riskMargin,
    atRisk,
    groups: score.groups.map((g) => ({ label: cleanText(g.label), points: g.points, forecastPoints: g.forecastPoints })),
    losses: diff.questions.map((q) => ({
      questionId: q.questionId,
      indicatorId: q.indicatorId,
      opdCode: q.opdCode ?? q.responsible.join(', '),
      atStake: q.atStake,
      reason: q.reason,
      ...(q.matrix ? { matrix: { scope: q.matrix.scope, rows: q.matrix.rows.length } } : {}),
      // Each file named but not found (or found empty), with the nearest file of the folder when one is close (a typo).
      notFound: (q.missing.length > 0
        ? q.missing.map((c) => ({ entry: c.entry, suggestion: c.suggestion ?? null, empty: c.status === 'empty' }))
        : q.evidenceNotFound.map((entry) => ({ entry, suggestion: null, empty: false }))
      ).map((m) => ({
        entry: cleanText(m.entry, LIMITS.evidenceEntry),
        suggestion: m.suggestion === null ? null : cleanText(m.suggestion, LIMITS.evidenceEntry),
        empty: m.empty,
      })),
    })),
  };
}

function conflictsModel(input: DossierInput, label: (f: string) => string): DossierModel['conflicts'] {
  const type = (id: string) => input.catalog.questionById.get(id)?.answerType;
  return input.score.conflicts.map((c) => ({
    questionId: c.questionId,
    status: c.status,
    chosen: c.chosenOpdCode,
    answers: c.answers.map((a) => ({
      opdCode: a.opdCode,
      value: answerText(a.value, type(c.questionId)),
      file: label(a.source.file),
      cell: `${cleanText(a.source.sheet, 40)}!${cleanText(a.source.cell, 20)}`,
    })),
  }));
}

function problemsModel(input: DossierInput, opds: OpdEntry[], label: (f: string) => string): DossierModel['problems'] {
  const opdOfFile = new Map(input.files.map((f) => [f.file, f.opdCode ?? '']));
  const byOpd = new Map<string, DossierModel['problems'][number]>();
  const officers = new Map(opds.map((o) => [o.code, o]));
  const sorted = [...input.diagnostics]
    .filter((d) => d.severity !== 'info')
    .sort((a, b) => cmp(a.location.file, b.location.file) || cmp(a.location.sheet ?? '', b.location.sheet ?? '') || compareCells(a.location.cell, b.location.cell) || cmp(a.code, b.code));
  for (const d of sorted) {
    const code = opdOfFile.get(d.location.file) ?? '';
    let p = byOpd.get(code);
    if (!p) {
      const o = officers.get(code);
      byOpd.set(code, (p = { opdCode: code, opdName: o?.name ?? (code || 'Seluruh kiriman'), officer: o?.officer ?? null, findings: [] }));
    }
    const at = [d.location.file ? label(d.location.file) : '', [d.location.sheet, d.location.cell].filter(Boolean).join('!')].filter(Boolean).join(', ');
    p.findings.push({ code: d.code, severity: d.severity, where: at, message: cleanText(input.word(d), 600) });
  }
  const order = new Map(input.config.opds.map((o, i) => [o.code, i]));
  return [...byOpd.values()].sort((a, b) => (order.get(a.opdCode) ?? 1e9) - (order.get(b.opdCode) ?? 1e9));
}

function fraction(f: number): string {
  return `${new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 }).format(f * 100)}% dari poin maksimum`;
}

function rubricLines(r: Rubric): string[] {
  switch (r.kind) {
    case 'options':
      return r.options.map((o) => `"${cleanText(o.value)}": ${fraction(o.fraction)}`);
    case 'bands': {
      const op = r.better === 'higher' ? 'paling sedikit' : 'paling banyak';
      return [...r.bands.map((b) => `${op} ${new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 }).format(b.threshold)}: ${fraction(b.fraction)}`), `selain itu: ${fraction(r.otherwise)}`];
    }
    case 'trend':
      return [
        `${r.better === 'higher' ? 'naik' : 'turun (atau nol)'} dari tahun sebelumnya: ${fraction(r.improved)}`,
        `tetap: ${fraction(r.unchanged)}`,
        `${r.better === 'higher' ? 'turun' : 'naik'}: ${fraction(r.worsened)}`,
        `tanpa nilai tahun sebelumnya: ${fraction(r.noPrevious)}`,
      ];
  }
}
