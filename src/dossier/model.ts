/**
 * The dossier's content model: everything the document says, built purely from
 * data (catalog, config, submissions, validation findings, scores, gap plan).
 * No pdfmake and no I/O here; the layout (layout.ts) only arranges this.
 * All text from spreadsheets and the config is cleaned on the way in.
 */
import type { Catalog } from '../catalog/load.js';
import type { Rubric } from '../catalog/schema.js';
import { dataYearsOf, type Config, type DataYears } from '../project/config.js';
import type { Answer, CellRef, GroupScore, IndicatorScore, QuestionStatus, ScoreResult, Severity, Submission } from '../model.js';
import type { GapPlan, PlanStepKind } from '../score/plan.js';
import { clean } from '../score/numbers.js';
import { bandsOf, nextPredikat, predikatThreshold, totalDigits } from '../score/predikat.js';
import { answerText, cleanText, truncate as truncateText, count, dateText, decimal, LIMITS, percent, points, pointsWith } from './text.js';

/** A validation finding, already worded in Indonesian. */
export interface Finding {
  code: string;
  severity: Severity;
  file: string;
  sheet?: string;
  cell?: string;
  questionId?: string;
  message: string;
}

export interface DossierInput {
  catalog: Catalog;
  config: Pick<Config, 'district' | 'year' | 'dataYear' | 'signatories' | 'profile' | 'opds'>;
  /** "Kabupaten Merangin". */
  districtName: string;
  submissions: readonly Submission[];
  /** Every input file read, with the SHA-256 of its bytes. */
  files: readonly { file: string; sha256: string; opdCode?: string | null }[];
  findings: readonly Finding[];
  score: ScoreResult;
  /** The scorer's plan towards the next predikat (null: none to reach). */
  plan: GapPlan | null;
  draft: boolean;
  /** The document's date (reproducible: from SOURCE_DATE_EPOCH or the data). */
  date: Date;
  toolVersion: string;
  /** Logo as a data URL (PNG/JPEG), checked by the caller. */
  logo?: string | null;
  /** Whether named evidence files were looked up in an evidence folder. */
  evidenceChecked?: boolean;
  /** How a file path is shown (e.g. relative to the project, with forward slashes). */
  fileLabel?: (file: string) => string;
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
  status: QuestionStatus;
  opdCode: string | null;
  responsible: string[];
  source: CellRef | null;
}

/** An indicator's scores (as the scorer computed them) with its question rows. */
export interface IndicatorSection extends Omit<IndicatorScore, 'groupId'> {
  questions: QuestionRow[];
}

/** A group's scores (as the scorer computed them) with its indicator sections. */
export interface GroupSection extends GroupScore {
  indicators: IndicatorSection[];
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

export interface TrailRow {
  questionId: string;
  value: string;
  points: number;
  file: string;
  sheet: string;
  cell: string;
  previousCell: string;
}

export interface RubricEntry {
  id: string;
  kind: Rubric['kind'];
  description: string;
  lines: string[];
}

export interface PlanStepRow {
  questionId: string;
  text: string;
  kind: PlanStepKind;
  /** What to do, in Indonesian. */
  action: string;
  gain: number;
}

export interface PlanSection {
  target: string;
  /** The total the target needs, worded ("lebih dari 600,00"). */
  threshold: string;
  /** The plan starts from the verification forecast. */
  start: number;
  end: number;
  status: GapPlan['status'];
  shortfall: number;
  byOpd: { opdCode: string; opdName: string; gain: number; steps: PlanStepRow[] }[];
}

export interface DossierModel {
  draft: boolean;
  date: Date;
  dateText: string;
  toolVersion: string;
  district: { name: string; shortName: string; kind: 'kabupaten' | 'kota'; province: string; capital: string; logo: string | null };
  /** The evaluation year. */
  year: number;
  /** The data year evaluated and the year before it. */
  dataYears: DataYears;
  signatories: {
    head: { title: string; name: string; nip: string };
    coordinator: { title: string; name: string; nip: string };
  };
  profile: { label: string; value: string }[];
  profileDescription: string;
  catalog: { id: string; title: string; provenance: string; questions: number };
  summary: {
    total: number;
    /** The total as shown: two decimals unless more are needed to agree with the predikat. */
    totalText: string;
    forecastTotalText: string;
    max: number;
    predikat: string | null;
    forecastTotal: number;
    forecastPredikat: string | null;
    /** Bands in order, with their range worded under the catalog's rule for decimals. */
    bands: { name: string; min: number; max: number; range: string }[];
    /** The band above the estimate: what it needs ("lebih dari 700,00") and what is missing ("lebih dari 44,47"). */
    nextPredikat: { name: string; threshold: string; gap: string } | null;
    answered: number;
    questions: number;
    evidenceMissing: number;
    /** Whether named evidence files were looked up in an evidence folder. */
    evidenceChecked: boolean;
  };
  groups: GroupSection[];
  weakest: { id: string; name: string; groupLabel: string; points: number; max: number; share: number }[];
  plan: PlanSection | null;
  missingEvidence: { questionId: string; indicatorId: string; text: string; opdCode: string; atStake: number }[];
  opds: OpdEntry[];
  evidenceByIndicator: { id: string; name: string; items: { questionId: string; opdCode: string; entries: string[]; missing: boolean }[] }[];
  notes: Finding[];
  problems: Finding[];
  files: { file: string; sha256: string; opdCode: string }[];
  trail: TrailRow[];
  rubrics: RubricEntry[];
  resolutions: { issue: string; resolution: string }[];
}

const label = (input: DossierInput, f: string) => cleanText((input.fileLabel ?? ((x: string) => x))(f), 300);

/** Build the dossier's content from data. Pure. */
export function buildDossierModel(input: DossierInput): DossierModel {
  const { catalog, config, score } = input;
  const opdName = new Map(config.opds.map((o) => [o.code, cleanText(o.name)]));
  const answerIndex = new Map<string, Answer>();
  for (const s of input.submissions) for (const a of s.answers) answerIndex.set(`${a.opdCode}\u0000${a.questionId}`, a);

  const order = new Map(catalog.questionList.map((q, i) => [q.id, i]));
  const byCatalogOrder = <T extends { questionId: string }>(xs: readonly T[]) =>
    [...xs].sort((a, b) => (order.get(a.questionId) ?? 1e9) - (order.get(b.questionId) ?? 1e9));

  const rows = new Map<string, QuestionRow>();
  for (const qs of byCatalogOrder(score.questions)) {
    const q = catalog.questionById.get(qs.questionId);
    const ans = qs.opdCode !== null ? answerIndex.get(`${qs.opdCode}\u0000${qs.questionId}`) : undefined;
    const evidence = qs.evidence.map((e) => cleanText(e, LIMITS.evidenceEntry)).filter((e) => e !== '');
    rows.set(qs.questionId, {
      id: qs.questionId,
      text: cleanText(q?.text ?? '', 600),
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
      status: qs.status,
      opdCode: qs.opdCode,
      responsible: [...qs.responsible],
      source: qs.source,
    });
  }

  const indicatorScore = new Map(score.indicators.map((i) => [i.id, i]));
  const groupScore = new Map(score.groups.map((g) => [g.id, g]));
  const groups: GroupSection[] = catalog.groups.map((g) => {
    const gs = groupScore.get(g.id);
    return {
      id: g.id,
      label: g.label,
      name: g.name,
      max: gs?.max ?? g.max,
      points: gs?.points ?? 0,
      forecastPoints: gs?.forecastPoints ?? 0,
      indicators: g.indicators.map((ind) => {
        const is = indicatorScore.get(ind.id);
        return {
          id: ind.id,
          name: ind.name,
          max: is?.max ?? ind.max,
          points: is?.points ?? 0,
          forecastPoints: is?.forecastPoints ?? 0,
          questions: ind.questions.map((q) => rows.get(q.id)).filter((r): r is QuestionRow => r !== undefined),
        };
      }),
    };
  });

  const bands = bandsOf(catalog.predikat).map((b, i, all) => ({ ...b, range: i === 0 ? `${points(b.min)} – ${points(b.max)}` : `lebih dari ${points(all[i - 1]!.max)} s.d. ${points(b.max)}` }));
  const nextName = nextPredikat(score.predikat, catalog.predikat);
  const next = bands.find((b) => b.name === nextName);
  const nextThreshold = next ? predikatThreshold(next.name, catalog.predikat) : null;
  const allRows = [...rows.values()];

  const weakest = groups
    .flatMap((g) => g.indicators.map((i) => ({ id: i.id, name: i.name, groupLabel: g.label, points: i.points, max: i.max, share: i.max > 0 ? i.points / i.max : 1 })))
    .filter((i) => i.max > 0)
    .map((i, idx) => ({ i, idx }))
    .sort((a, b) => a.i.share - b.i.share || a.idx - b.idx)
    .slice(0, 10)
    .map(({ i }) => i);

  const plan = input.plan ? planSection(input.plan, rows, opdName) : null;

  const missingEvidence = allRows
    .filter((r) => r.evidenceRequired && r.evidenceMissing)
    .map((r) => ({
      questionId: r.id,
      indicatorId: catalog.questionById.get(r.id)?.indicatorId ?? '',
      text: r.text,
      opdCode: r.opdCode ?? r.responsible.join(', '),
      atStake: r.points - r.forecastPoints,
    }));

  return {
    draft: input.draft,
    date: input.date,
    dateText: dateText(input.date),
    toolVersion: input.toolVersion,
    district: {
      name: cleanText(input.districtName),
      shortName: cleanText(config.district.name),
      kind: config.district.kind,
      province: cleanText(config.district.province),
      capital: cleanText(config.profile.capital ?? ''),
      logo: input.logo ?? null,
    },
    year: config.year,
    dataYears: dataYearsOf(config),
    signatories: {
      head: person(config.signatories.head),
      coordinator: person(config.signatories.coordinator),
    },
    profile: profileRows(config.profile),
    profileDescription: cleanText(config.profile.description ?? '', LIMITS.paragraph),
    catalog: { id: catalog.id, title: cleanText(catalog.title, 300), provenance: cleanText(catalog.provenance, LIMITS.paragraph), questions: catalog.questionList.length },
    summary: {
      total: score.total,
      totalText: pointsWith(score.total, totalDigits(score.total, catalog.predikat)),
      forecastTotalText: pointsWith(score.forecast.total, totalDigits(score.forecast.total, catalog.predikat)),
      max: score.max,
      predikat: score.predikat,
      forecastTotal: score.forecast.total,
      forecastPredikat: score.forecast.predikat,
      bands,
      nextPredikat:
        next && nextThreshold
          ? {
              name: next.name,
              threshold: `${nextThreshold.inclusive ? 'paling sedikit' : 'lebih dari'} ${points(nextThreshold.value)}`,
              gap: `${nextThreshold.inclusive ? 'paling sedikit' : 'lebih dari'} ${points(Math.max(0, clean(nextThreshold.value - score.total)))}`,
            }
          : null,
      answered: allRows.filter((r) => r.status === 'answered' || r.status === 'overridden').length,
      questions: allRows.length,
      evidenceMissing: missingEvidence.length,
      evidenceChecked: input.evidenceChecked ?? false,
    },
    groups,
    weakest,
    plan,
    missingEvidence,
    opds: opdEntries(input, opdName),
    evidenceByIndicator: groups.flatMap((g) =>
      g.indicators.map((i) => ({
        id: i.id,
        name: i.name,
        items: i.questions
          .filter((q) => q.evidence.length > 0 || q.evidenceRequired)
          .map((q) => ({
            questionId: q.id,
            opdCode: q.opdCode ?? q.responsible.join(', '),
            entries: q.evidenceMore > 0 ? [...q.evidence, `dan ${q.evidenceMore} berkas lainnya`] : q.evidence,
            missing: q.evidenceRequired && q.evidenceMissing,
          })),
      })),
    ),
    notes: sortFindings(input.findings.filter((f) => f.severity !== 'error'), input),
    problems: sortFindings(input.findings.filter((f) => f.severity === 'error'), input),
    files: [...input.files]
      .map((f) => ({ file: label(input, f.file), sha256: f.sha256, opdCode: f.opdCode ?? '' }))
      .sort((a, b) => cmp(a.file, b.file)),
    trail: trailRows(allRows, answerIndex, input),
    rubrics: Object.entries(catalog.rubrics)
      .sort(([a], [b]) => cmp(a, b))
      .map(([id, r]) => ({ id, kind: r.kind, description: cleanText(r.description, 600), lines: rubricLines(r) })),
    resolutions: catalog.resolutions.map((r) => ({ issue: cleanText(r.issue, 600), resolution: cleanText(r.resolution, 1200) })),
  };
}

/** Locale-independent string order, so the PDF is the same on every machine. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function person(p: { title: string; name: string; nip?: string | undefined }) {
  return { title: cleanText(p.title), name: cleanText(p.name), nip: cleanText(p.nip ?? '') };
}

function profileRows(p: Config['profile']): { label: string; value: string }[] {
  const rows: { label: string; value: string | undefined }[] = [
    { label: 'Ibu kota', value: p.capital ? cleanText(p.capital) : undefined },
    { label: 'Luas wilayah', value: p.areaKm2 !== undefined ? `${decimal(p.areaKm2)} km²` : undefined },
    { label: 'Jumlah kecamatan', value: p.kecamatan !== undefined ? count(p.kecamatan) : undefined },
    { label: 'Jumlah desa/kelurahan', value: p.desaKelurahan !== undefined ? count(p.desaKelurahan) : undefined },
    { label: 'Jumlah penduduk', value: p.population !== undefined ? `${count(p.population)} jiwa` : undefined },
    {
      label: 'Jumlah anak (0–17 tahun)',
      value:
        p.children !== undefined
          ? `${count(p.children)} jiwa${p.population ? ` (${percent(p.children, p.population)} dari penduduk)` : ''}`
          : undefined,
    },
  ];
  return rows.filter((r): r is { label: string; value: string } => r.value !== undefined);
}

const ACTIONS: Record<PlanStepKind, (r: QuestionRow | undefined) => string> = {
  evidence: (r) =>
    r && r.evidence.length > 0
      ? 'Lengkapi data dukung: berkas yang disebutkan belum ditemukan di folder data dukung.'
      : 'Lengkapi data dukung yang diwajibkan dan sebutkan nama berkasnya pada lembar kerja.',
  answer: (r) =>
    r?.status === 'ignored'
      ? 'Perbaiki jawaban yang memuat kesalahan validasi, kemudian kirim ulang lembar kerja.'
      : 'Isi jawaban pertanyaan ini pada lembar kerja beserta data dukungnya.',
  improve: (r) =>
    r && r.answer
      ? `Tingkatkan capaian; jawaban saat ini "${r.answer}" memperoleh ${points(r.points)} dari ${points(r.max)} poin.`
      : 'Tingkatkan capaian sesuai rubrik acuan.',
};

function planSection(plan: GapPlan, rows: Map<string, QuestionRow>, opdName: Map<string, string>): PlanSection {
  return {
    target: plan.target,
    threshold: `${plan.threshold.inclusive ? 'paling sedikit' : 'lebih dari'} ${points(plan.threshold.value)}`,
    start: plan.start,
    end: plan.end,
    status: plan.status,
    shortfall: plan.shortfall,
    byOpd: plan.byOpd.map((o) => ({
      opdCode: o.opdCode ?? '',
      opdName: o.opdCode === null ? 'Belum ada Perangkat Daerah penanggung jawab' : (opdName.get(o.opdCode) ?? o.opdCode),
      gain: o.gain,
      steps: o.steps.map((st) => {
        const r = rows.get(st.questionId);
        return { questionId: st.questionId, text: truncateText(r?.text ?? '', 260), kind: st.kind, action: ACTIONS[st.kind](r), gain: st.gain };
      }),
    })),
  };
}

function opdEntries(input: DossierInput, opdName: Map<string, string>): OpdEntry[] {
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
      files: list.map((s) => label(input, s.file)),
      officer: {
        name: cleanText(id.officerName),
        nip: cleanText(id.officerNip, 40),
        position: cleanText(id.officerPosition),
        phone: cleanText(id.officerPhone, 40),
        email: cleanText(id.officerEmail, 80),
      },
      head: { name: cleanText(id.headName), nip: cleanText(id.headNip, 40), position: cleanText(id.headPosition) },
      questions: questions.get(o.code) ?? 0,
    };
  });
}

function sortFindings(fs: readonly Finding[], input: DossierInput): Finding[] {
  return fs
    .map((f) => ({
      ...f,
      file: f.file ? label(input, f.file) : '',
      sheet: f.sheet !== undefined ? cleanText(f.sheet, 40) : undefined,
      cell: f.cell !== undefined ? cleanText(f.cell, 20) : undefined,
      message: cleanText(f.message, 600),
    }))
    .sort((a, b) => cmp(a.file, b.file) || cmp(a.sheet ?? '', b.sheet ?? '') || cellOrder(a.cell, b.cell) || cmp(a.code, b.code) || cmp(a.message, b.message));
}

/** A1 cells in reading order (row, then column), so F10 follows F9. */
function cellOrder(a: string | undefined, b: string | undefined): number {
  const parse = (c: string | undefined) => {
    const m = /^([A-Z]+)(\d+)$/.exec(c ?? '');
    return m ? [Number(m[2]), m[1]!.length, m[1]!] as const : ([0, 0, c ?? ''] as const);
  };
  const [ra, la, ca] = parse(a);
  const [rb, lb, cb] = parse(b);
  return ra - rb || la - lb || cmp(ca, cb);
}

function trailRows(rows: QuestionRow[], answers: Map<string, Answer>, input: DossierInput): TrailRow[] {
  return rows
    .filter((r) => r.source !== null)
    .map((r) => {
      const src = r.source!;
      const ans = r.opdCode !== null ? answers.get(`${r.opdCode}\u0000${r.id}`) : undefined;
      return {
        questionId: r.id,
        value: r.answer,
        points: r.points,
        file: label(input, src.file),
        sheet: cleanText(src.sheet, 40),
        cell: cleanText(src.cell, 20),
        previousCell: ans && ans.previous !== null ? cleanText(ans.cells.previous.cell, 20) : '',
      };
    });
}

function fraction(f: number): string {
  return `${points(f * 100).replace(/,00$/, '')}% poin`;
}

function rubricLines(r: Rubric): string[] {
  switch (r.kind) {
    case 'options':
      return r.options.map((o) => `"${cleanText(o.value)}": ${fraction(o.fraction)}`);
    case 'bands': {
      const op = r.better === 'higher' ? '≥' : '≤';
      return [...r.bands.map((b) => `${op} ${points(b.threshold).replace(/,00$/, '')}: ${fraction(b.fraction)}`), `selain itu: ${fraction(r.otherwise)}`];
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
