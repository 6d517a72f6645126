/**
 * Semantic checks of a catalog that the schema cannot express. Pure: takes the
 * parsed data, returns the problems found (empty when the catalog is sound).
 */
import type { CatalogData, Rubric } from './schema.js';
import type { Lang } from '../i18n.js';

export type CatalogProblemCode =
  | 'duplicate-id'
  | 'unknown-source'
  | 'unknown-rubric'
  | 'fraction-out-of-range'
  | 'rubric-mismatch'
  | 'trend-needs-previous-year'
  | 'sum-questions'
  | 'sum-indicators'
  | 'sum-groups'
  | 'bands-invalid'
  | 'percent-threshold'
  | 'scope-mismatch'
  | 'unknown-question';

export interface CatalogProblem {
  code: CatalogProblemCode;
  /** JSON-ish path inside the catalog, e.g. "groups[2].indicators[0]". */
  path: string;
  params: Record<string, string | number>;
}

/** Tolerance for comparing sums of decimal maxima (e.g. 4.5 + 1.25 …). */
const EPS = 1e-6;

export function checkCatalog(c: CatalogData): CatalogProblem[] {
  const out: CatalogProblem[] = [];
  const add = (code: CatalogProblemCode, path: string, params: Record<string, string | number> = {}) =>
    out.push({ code, path, params });

  const sourceIds = new Set<string>();
  c.sources.forEach((s, i) => {
    if (sourceIds.has(s.id)) add('duplicate-id', `sources[${i}]`, { kind: 'source', id: s.id });
    sourceIds.add(s.id);
  });
  c.defaultOpds?.forEach((o, i) => {
    for (const s of o.sources) if (!sourceIds.has(s)) add('unknown-source', `defaultOpds[${i}]`, { id: o.code, source: s });
  });

  for (const [rid, r] of Object.entries(c.rubrics)) checkRubric(rid, r, add);

  const seen = { group: new Set<string>(), indicator: new Set<string>(), question: new Set<string>() };
  let total = 0;
  c.groups.forEach((g, gi) => {
    const gp = `groups[${gi}]`;
    if (seen.group.has(g.id)) add('duplicate-id', gp, { kind: 'group', id: g.id });
    seen.group.add(g.id);
    let groupSum = 0;
    g.indicators.forEach((ind, ii) => {
      const ip = `${gp}.indicators[${ii}]`;
      if (seen.indicator.has(ind.id)) add('duplicate-id', ip, { kind: 'indicator', id: ind.id });
      seen.indicator.add(ind.id);
      groupSum += ind.max;
      let qSum = 0;
      ind.questions.forEach((q, qi) => {
        const qp = `${ip}.questions[${qi}]`;
        if (seen.question.has(q.id)) add('duplicate-id', qp, { kind: 'question', id: q.id });
        seen.question.add(q.id);
        qSum += q.max;
        for (const s of q.sources) if (!sourceIds.has(s)) add('unknown-source', qp, { id: q.id, source: s });
        const r = c.rubrics[q.rubric];
        if (!r) {
          add('unknown-rubric', qp, { id: q.id, rubric: q.rubric });
          return;
        }
        const wantsOptions = q.answerType === 'availability' || q.answerType === 'narrative';
        if (wantsOptions !== (r.kind === 'options')) {
          add('rubric-mismatch', qp, { id: q.id, rubric: q.rubric, answerType: q.answerType });
        }
        const shareScope = q.scope === 'share-of-kecamatan' || q.scope === 'share-of-desa';
        if ((shareScope && q.answerType !== 'percent') || (q.scope === 'each-desa' && q.answerType !== 'availability')) {
          add('scope-mismatch', qp, { id: q.id, scope: q.scope, answerType: q.answerType });
        }
        if (r.kind === 'trend' && !q.previousYear) add('trend-needs-previous-year', qp, { id: q.id, rubric: q.rubric });
        if (r.kind !== 'options' && q.answerType === 'percent') {
          const ts = r.kind === 'bands' ? r.bands.map((b) => b.threshold) : [];
          if (ts.some((t) => t < 0 || t > 100)) add('percent-threshold', qp, { id: q.id, rubric: q.rubric });
        }
      });
      // Questions adding up to more than the indicator are the instrument's own
      // inconsistency, settled by `indicatorOverflow`; less would make the
      // indicator's maximum unreachable, which no rule can settle.
      if (qSum < ind.max - EPS) add('sum-questions', ip, { id: ind.id, sum: round(qSum), max: ind.max });
    });
    if (Math.abs(groupSum - g.max) > EPS) add('sum-indicators', gp, { id: g.id, sum: round(groupSum), max: g.max });
    total += g.max;
  });
  if (Math.abs(total - c.totalMax) > EPS) add('sum-groups', 'groups', { sum: round(total), max: c.totalMax });

  const bands = c.predikat.bands;
  bands.forEach((b, i) => {
    const prev = bands[i - 1];
    const broken =
      b.min > b.max || b.min < 0 || (prev !== undefined && (b.min <= prev.max || b.min > prev.max + 1)) ||
      (i === bands.length - 1 && b.max !== c.totalMax);
    if (broken) add('bands-invalid', `predikat.bands[${i}]`, { name: b.name });
  });

  const listed = [...c.corrections.map((x, i) => ({ ids: x.questions, path: `corrections[${i}]` })), ...c.sourceProblems.map((x, i) => ({ ids: x.questions, path: `sourceProblems[${i}]` }))];
  for (const l of listed) for (const q of l.ids) if (!seen.question.has(q)) add('unknown-question', l.path, { id: q });
  return out;
}

function checkRubric(
  rid: string,
  r: Rubric,
  add: (code: CatalogProblemCode, path: string, params: Record<string, string | number>) => void,
): void {
  const path = `rubrics.${rid}`;
  const fractions: number[] =
    r.kind === 'options'
      ? r.options.map((o) => o.fraction)
      : r.kind === 'bands'
        ? [...r.bands.map((b) => b.fraction), r.otherwise]
        : [r.improved, r.unchanged, r.worsened, r.noPrevious];
  for (const f of fractions) {
    if (!(f >= 0 && f <= 1)) add('fraction-out-of-range', path, { rubric: rid, fraction: f });
  }
  if (r.kind === 'options') {
    const vals = new Set<string>();
    for (const o of r.options) {
      const k = o.value.trim().toLowerCase();
      if (vals.has(k)) add('duplicate-id', path, { kind: 'option', id: o.value });
      vals.add(k);
    }
  }
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

const messages: Record<Lang, Record<CatalogProblemCode, (p: Record<string, string | number>) => string>> = {
  id: {
    'duplicate-id': (p) => `ID ${p.kind} "${p.id}" muncul lebih dari sekali.`,
    'unknown-source': (p) => `Pertanyaan ${p.id} menyebut sumber data "${p.source}" yang tidak ada dalam daftar sumber.`,
    'unknown-rubric': (p) => `Pertanyaan ${p.id} memakai rubrik "${p.rubric}" yang tidak didefinisikan.`,
    'fraction-out-of-range': (p) => `Rubrik "${p.rubric}" memuat pecahan ${p.fraction}; pecahan harus antara 0 dan 1.`,
    'rubric-mismatch': (p) => `Rubrik "${p.rubric}" tidak sesuai dengan jenis jawaban "${p.answerType}" pada pertanyaan ${p.id}.`,
    'trend-needs-previous-year': (p) => `Pertanyaan ${p.id} memakai rubrik tren "${p.rubric}" tetapi tidak meminta nilai tahun sebelumnya.`,
    'sum-questions': (p) => `Jumlah poin pertanyaan indikator ${p.id} adalah ${p.sum}, kurang dari poin maksimum indikator ${p.max}, sehingga maksimum itu tidak dapat dicapai.`,
    'sum-indicators': (p) => `Jumlah poin indikator kelompok ${p.id} adalah ${p.sum}, tidak sama dengan poin maksimum kelompok ${p.max}.`,
    'sum-groups': (p) => `Jumlah poin seluruh kelompok adalah ${p.sum}, tidak sama dengan total ${p.max}.`,
    'bands-invalid': (p) => `Rentang predikat "${p.name}" tidak berurutan, tumpang tindih, atau tidak berakhir pada nilai total.`,
    'percent-threshold': (p) => `Rubrik "${p.rubric}" (pertanyaan ${p.id}) memakai ambang persentase di luar 0–100.`,
    'scope-mismatch': (p) => `Pertanyaan ${p.id} berlingkup "${p.scope}", yang tidak sesuai dengan jenis jawaban "${p.answerType}" (persentase kecamatan/desa harus berjenis persen; pertanyaan per desa berjenis pilihan).`,
    'unknown-question': (p) => `Pertanyaan "${p.id}" tidak ada dalam katalog.`,
  },
  en: {
    'duplicate-id': (p) => `${p.kind} id "${p.id}" occurs more than once.`,
    'unknown-source': (p) => `Question ${p.id} names source "${p.source}", which is not in the source list.`,
    'unknown-rubric': (p) => `Question ${p.id} uses rubric "${p.rubric}", which is not defined.`,
    'fraction-out-of-range': (p) => `Rubric "${p.rubric}" contains fraction ${p.fraction}; fractions must lie between 0 and 1.`,
    'rubric-mismatch': (p) => `Rubric "${p.rubric}" does not fit answer type "${p.answerType}" of question ${p.id}.`,
    'trend-needs-previous-year': (p) => `Question ${p.id} uses trend rubric "${p.rubric}" but does not ask for the previous year.`,
    'sum-questions': (p) => `Question points of indicator ${p.id} add up to ${p.sum}, less than the indicator maximum ${p.max}, which can therefore never be reached.`,
    'sum-indicators': (p) => `Indicator points of group ${p.id} add up to ${p.sum}, not to the group maximum ${p.max}.`,
    'sum-groups': (p) => `Group points add up to ${p.sum}, not to the total ${p.max}.`,
    'bands-invalid': (p) => `Predikat band "${p.name}" is out of order, overlaps, or does not end at the total.`,
    'percent-threshold': (p) => `Rubric "${p.rubric}" (question ${p.id}) uses a percent threshold outside 0–100.`,
    'scope-mismatch': (p) => `Question ${p.id} has scope "${p.scope}", which does not fit answer type "${p.answerType}" (a share of kecamatan/desa is a percent; a question asked of each desa is an availability question).`,
    'unknown-question': (p) => `Question "${p.id}" is not in the catalog.`,
  },
};

export function formatCatalogProblem(p: CatalogProblem, lang: Lang): string {
  return messages[lang][p.code](p.params);
}
