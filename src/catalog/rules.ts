/**
 * Semantic checks of a catalog that the schema cannot express. Pure: takes the
 * parsed data, returns the problems found (empty when the catalog is sound),
 * each a diagnostic whose `location.key` is the place inside the catalog.
 */
import { OPD_PLACEHOLDERS, type CatalogData, type Rubric } from './schema.js';
import type { Diagnostic } from '../model.js';
import { diag, type Code, type ParamsOf } from '../diagnostics/index.js';

/** Tolerance for comparing sums of decimal maxima (e.g. 4.5 + 1.25 …). */
const EPS = 1e-6;

type Add = <C extends Code>(code: C, params: ParamsOf<C>) => void;

export function checkCatalog(c: CatalogData, file = ''): Diagnostic[] {
  const out: Diagnostic[] = [];
  const add: Add = (code, params) => out.push(diag(code, params, { file, key: (params as { at: string }).at }));

  const sourceIds = new Set<string>();
  c.sources.forEach((s, i) => {
    if (sourceIds.has(s.id)) add('KLA-E611', { at: `sources[${i}]`, kind: 'source', id: s.id });
    sourceIds.add(s.id);
  });
  c.defaultOpds?.forEach((o, i) => {
    for (const s of o.sources) if (!sourceIds.has(s)) add('KLA-E612', { at: `defaultOpds[${i}]`, id: o.code, source: s });
    for (const [key, text] of [['name', o.name], ['head', o.head ?? '']] as const) {
      for (const [, token] of text.matchAll(/\{([^{}]*)\}/gu)) {
        if (!(OPD_PLACEHOLDERS as readonly string[]).includes(token!)) add('KLA-E625', { at: `defaultOpds[${i}].${key}`, id: o.code, token: token!, known: [...OPD_PLACEHOLDERS] });
      }
    }
  });

  for (const [rid, r] of Object.entries(c.rubrics)) checkRubric(rid, r, add);

  const seen = { group: new Set<string>(), indicator: new Set<string>(), question: new Set<string>() };
  let total = 0;
  c.groups.forEach((g, gi) => {
    const gp = `groups[${gi}]`;
    if (seen.group.has(g.id)) add('KLA-E611', { at: gp, kind: 'group', id: g.id });
    seen.group.add(g.id);
    let groupSum = 0;
    g.indicators.forEach((ind, ii) => {
      const ip = `${gp}.indicators[${ii}]`;
      if (seen.indicator.has(ind.id)) add('KLA-E611', { at: ip, kind: 'indicator', id: ind.id });
      seen.indicator.add(ind.id);
      groupSum += ind.max;
      let qSum = 0;
      ind.questions.forEach((q, qi) => {
        const qp = `${ip}.questions[${qi}]`;
        if (seen.question.has(q.id)) add('KLA-E611', { at: qp, kind: 'question', id: q.id });
        seen.question.add(q.id);
        qSum += q.max;
        for (const s of q.sources) if (!sourceIds.has(s)) add('KLA-E612', { at: qp, id: q.id, source: s });
        const r = c.rubrics[q.rubric];
        if (!r) {
          add('KLA-E613', { at: qp, id: q.id, rubric: q.rubric });
          return;
        }
        const wantsOptions = q.answerType === 'availability' || q.answerType === 'narrative';
        if (wantsOptions !== (r.kind === 'options')) {
          add('KLA-E615', { at: qp, id: q.id, rubric: q.rubric, answerType: q.answerType });
        }
        const shareScope = q.scope === 'share-of-kecamatan' || q.scope === 'share-of-desa';
        if ((shareScope && q.answerType !== 'percent') || (q.scope === 'each-desa' && q.answerType !== 'availability')) {
          add('KLA-E622', { at: qp, id: q.id, scope: q.scope, answerType: q.answerType });
        }
        if (q.rollup) {
          if (q.scope !== 'each-desa') add('KLA-E624', { at: `${qp}.rollup`, id: q.id, problem: 'not-each-desa' });
          else if (r.kind === 'options') {
            for (const option of [q.rollup.all, q.rollup.some, q.rollup.none]) {
              if (!r.options.some((o) => o.value === option)) add('KLA-E624', { at: `${qp}.rollup`, id: q.id, problem: 'not-an-option', option });
            }
          }
        }
        if (r.kind === 'trend' && !q.previousYear) add('KLA-E616', { at: qp, id: q.id, rubric: q.rubric });
        if (r.kind !== 'options' && q.answerType === 'percent') {
          const ts = r.kind === 'bands' ? r.bands.map((b) => b.threshold) : [];
          if (ts.some((t) => t < 0 || t > 100)) add('KLA-E621', { at: qp, id: q.id, rubric: q.rubric });
        }
      });
      // Questions adding up to more than the indicator are the instrument's own
      // inconsistency, settled by `indicatorOverflow`; less would make the
      // indicator's maximum unreachable, which no rule can settle.
      if (qSum < ind.max - EPS) add('KLA-E617', { at: ip, id: ind.id, sum: round(qSum), max: ind.max });
    });
    if (Math.abs(groupSum - g.max) > EPS) add('KLA-E618', { at: gp, id: g.id, sum: round(groupSum), max: g.max });
    total += g.max;
  });
  if (Math.abs(total - c.totalMax) > EPS) add('KLA-E619', { at: 'groups', sum: round(total), max: c.totalMax });

  const bands = c.predikat.bands;
  bands.forEach((b, i) => {
    const prev = bands[i - 1];
    const broken =
      b.min > b.max || b.min < 0 || (prev !== undefined && (b.min <= prev.max || b.min > prev.max + 1)) ||
      (i === bands.length - 1 && b.max !== c.totalMax);
    if (broken) add('KLA-E620', { at: `predikat.bands[${i}]`, name: b.name });
  });

  const listed = [...c.corrections.map((x, i) => ({ ids: x.questions, path: `corrections[${i}]` })), ...c.sourceProblems.map((x, i) => ({ ids: x.questions, path: `sourceProblems[${i}]` }))];
  for (const l of listed) for (const q of l.ids) if (!seen.question.has(q)) add('KLA-E623', { at: l.path, id: q });
  return out;
}

function checkRubric(rid: string, r: Rubric, add: Add): void {
  const path = `rubrics.${rid}`;
  const fractions: number[] =
    r.kind === 'options'
      ? r.options.map((o) => o.fraction)
      : r.kind === 'bands'
        ? [...r.bands.map((b) => b.fraction), r.otherwise]
        : [r.improved, r.unchanged, r.worsened, r.noPrevious];
  for (const f of fractions) {
    if (!(f >= 0 && f <= 1)) add('KLA-E614', { at: path, rubric: rid, fraction: f });
  }
  if (r.kind === 'options') {
    const vals = new Set<string>();
    for (const o of r.options) {
      const k = o.value.trim().toLowerCase();
      if (vals.has(k)) add('KLA-E611', { at: path, kind: 'option', id: o.value });
      vals.add(k);
    }
  }
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

