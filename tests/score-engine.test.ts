import { describe, expect, it } from 'vitest';
import {
  applyWhatIf,
  compareBaseline,
  formatScoreTable,
  forecastDifference,
  gapPlan,
  makeEvidenceLookup,
  openConflicts,
  parseScoreJson,
  parseSetArgs,
  parseWhatIfJson,
  predikatFor,
  roundShown,
  rubricFraction,
  score,
  toScoreJson,
} from '../src/score/index.js';
import { formatRefusal } from '../src/diagnostics/index.js';
import { placesOf, refusalOf } from './helpers/refusal.js';
import { answer, miniCatalog, num, opt } from './score-helpers.js';

const c = miniCatalog();
const rubric = (id: string) => c.rubrics[id]!;
const byId = (r: ReturnType<typeof score>, id: string) => r.questions.find((q) => q.questionId === id)!;
const third = 400 / 3;

describe('rubric fractions', () => {
  it.each([
    ['regulasi', opt('Ada, Peraturan Daerah'), null, 1],
    ['regulasi', opt('  ada, peraturan BUPATI '), null, 0.75],
    ['regulasi', opt('Perda'), null, null],
    ['regulasi', num(1), null, null],
    ['persen', num(90), null, 1],
    ['persen', num(89.99), null, 0.5],
    ['persen', num(50), null, 0.5],
    ['persen', num(49.9), null, 0],
    ['persen', opt('90'), null, null],
    ['turun', num(5), null, 1],
    ['turun', num(5.01), null, 0.25],
    ['turun', num(20), null, 0.25],
    ['turun', num(21), null, 0],
    ['tren', num(3), num(5), 1],
    ['tren', num(5), num(5), 0.5],
    ['tren', num(6), num(5), 0.25],
    ['tren', num(4), null, 0.33],
    ['tren', num(0), null, 1],
    ['tren', num(0), num(0), 1],
  ] as const)('%s: %j (previous %j) earns %s', (r, v, p, want) => {
    expect(rubricFraction(rubric(r), v, p)).toBe(want);
  });
});

describe('predikat band edges (upper-inclusive)', () => {
  it.each([
    [0, null],
    [499.99, null],
    [500, 'Pratama'],
    [600, 'Pratama'],
    [600.01, 'Madya'],
    [600.5, 'Madya'],
    [700, 'Madya'],
    [900.001, 'KLA'],
    [1000, 'KLA'],
  ] as const)('%s -> %s', (total, want) => {
    expect(predikatFor(total, c.predikat)).toBe(want);
  });

  it('applies to totals the engine adds up, without floating-point noise', () => {
    // 299.99 + 200 + 0.01 … are not exact in binary; the cleaned sums are.
    const cases: [Record<string, number>, number, string | null][] = [
      [{ a1: 299.99, a2: 200 }, 499.99, null],
      [{ a1: 300, a2: 200 }, 500, 'Pratama'],
      [{ a1: 399.9, a2: 199.9, b1: 0.1, b2: 0.1 }, 600, 'Pratama'],
      [{ a1: 400, a2: 200, b1: 0.01 }, 600.01, 'Madya'],
      [{ a1: 400, a2: 200, b1: third, b2: third, b3: third }, 1000, 'KLA'],
    ];
    for (const [points, total, predikat] of cases) {
      const settings = new Map(Object.entries(points).map(([id, p]) => [id, { points: p }]));
      const r = score(c, [], { whatIf: settings });
      expect(r.total).toBe(total);
      expect(r.predikat).toBe(predikat);
    }
  });
});

describe('scoring', () => {
  const answers = [
    answer('a1', 'DA', opt('Ada, Peraturan Bupati')),
    answer('a2', 'DA', num(92.5), { evidence: ['data a2.pdf'] }),
    answer('b1', 'DB', num(2)),
    answer('b2', 'DB', num(4), { previous: num(6) }),
    answer('b3', 'DA', opt('Ada, SK')),
  ];

  it('gives rubric fraction x maximum per question and exact sums per indicator, group and total', () => {
    const r = score(c, answers);
    expect(byId(r, 'a1').points).toBe(300);
    expect(byId(r, 'a2').points).toBe(200);
    expect(byId(r, 'b1').points).toBe(0.2 * third);
    expect(byId(r, 'b2').points).toBe(third);
    expect(byId(r, 'b3').points).toBe(0.5 * third);
    // 0.2 + 1 + 0.5 = 1.7 thirds of 400 = 226.666…
    expect(r.indicators.map((i) => i.points)).toEqual([500, 226.666666667]);
    expect(r.groups.map((g) => [g.id, g.max, g.points])).toEqual([
      ['G1', 600, 500],
      ['G2', 400, 226.666666667],
    ]);
    expect(r.total).toBe(726.666666667);
    expect(r.predikat).toBe('Nindya');
    expect(r.max).toBe(1000);
  });

  it('adds three questions of 400/3 to exactly the indicator maximum when all are full', () => {
    const full = [answer('b1', 'DB', num(7)), answer('b2', 'DB', num(0)), answer('b3', 'DB', opt('Ada, Peraturan Daerah'), { evidence: ['x.pdf'] })];
    const r = score(c, full);
    expect(r.indicators.find((i) => i.id === 'B')!.points).toBe(400);
    expect(r.groups.find((g) => g.id === 'G2')!.forecastPoints).toBe(400);
  });

  it('shows two decimals, rounded half up, and shown parts never contradict the shown total beyond rounding', () => {
    expect(roundShown(1.005)).toBe(1.01);
    expect(roundShown(2.675)).toBe(2.68);
    expect(roundShown(588.4)).toBe(588.4);
    expect(roundShown(-0.001)).toBe(0);
    const r = score(c, answers);
    const shownQuestions = r.questions.filter((q) => q.indicatorId === 'B').map((q) => roundShown(q.points));
    expect(shownQuestions).toEqual([26.67, 133.33, 66.67]);
    const shownSum = shownQuestions.reduce((s, x) => s + x, 0);
    expect(Math.abs(shownSum - roundShown(r.indicators[1]!.points))).toBeLessThanOrEqual(0.005 * 4 + 1e-9);
    expect(roundShown(r.total)).toBe(726.67);
  });

  it('scores unanswered questions 0 and lists them', () => {
    const r = score(c, [answer('a1', 'DA', opt('Ada, SK')), answer('b1', 'DB', null)]);
    expect(r.questions.filter((q) => q.status === 'unanswered').map((q) => q.questionId)).toEqual(['a2', 'b1', 'b2', 'b3']);
    expect(r.total).toBe(200);
    expect(byId(r, 'b1')).toMatchObject({ points: 0, opdCode: null, source: null });
  });

  it('counts the answer that earns most; ties prefer evidence, then the config order of OPDs', () => {
    const lower = answer('b3', 'DA', opt('Ada, SK'), { evidence: ['sk.pdf'] });
    const higher = answer('b3', 'DB', opt('Ada, Peraturan Daerah'));
    expect(byId(score(c, [lower, higher]), 'b3')).toMatchObject({ opdCode: 'DB', status: 'answered', source: higher.cells.answer });

    const noEvidence = answer('b3', 'DA', opt('Ada, SK'));
    const withEvidence = answer('b3', 'DB', opt('ada, sk'), { evidence: ['sk.pdf'] });
    expect(byId(score(c, [noEvidence, withEvidence], { opdOrder: ['DA', 'DB'] }), 'b3').opdCode).toBe('DB');

    const first = answer('a1', 'DA', opt('Ada, SK'));
    const second = answer('a1', 'DB', opt('Ada, SK'));
    expect(byId(score(c, [first, second], { opdOrder: ['DB', 'DA'] }), 'a1').opdCode).toBe('DB');
    expect(byId(score(c, [first, second], { opdOrder: ['DA', 'DB'] }), 'a1').opdCode).toBe('DA');
  });

  it('ignores invalid and unfit answers and lists them', () => {
    const bad = answer('a1', 'DA', opt('Ada, Peraturan Daerah'), { invalid: true });
    const unfit = answer('b1', 'DB', opt('banyak'));
    const stranger = answer('z9', 'DB', num(1));
    const good = answer('a1', 'DB', opt('Ada, SK'));
    const r = score(c, [bad, unfit, stranger, good]);
    expect(byId(r, 'a1')).toMatchObject({ status: 'answered', points: 200, opdCode: 'DB' });
    expect(byId(r, 'b1')).toMatchObject({ status: 'ignored', points: 0 });
    expect(r.ignoredAnswers.map((i) => [i.questionId, i.opdCode, i.reason])).toEqual([
      ['z9', 'DB', 'unknown-question'],
      ['a1', 'DA', 'invalid'],
      ['b1', 'DB', 'unfit'],
    ]);
    expect(r.ignoredAnswers[1]!.source).toEqual(bad.cells.answer);
  });
});

describe('verification forecast', () => {
  const answers = [
    answer('a1', 'DA', opt('Ada, Peraturan Daerah')),
    answer('a2', 'DA', num(95), { evidence: ['Dinkes\\Data A2.PDF'] }),
    answer('b3', 'DB', opt('Ada, Peraturan Daerah'), { evidence: ['https://jdih.example.go.id/perda.pdf', 'sk b3.pdf'] }),
  ];

  it('counts answers without required evidence as 0', () => {
    const r = score(c, [answer('a2', 'DA', num(95)), answer('a1', 'DA', opt('Ada, SK'))]);
    expect(byId(r, 'a2')).toMatchObject({ points: 200, forecastPoints: 0, evidenceMissing: true });
    expect(byId(r, 'a1')).toMatchObject({ points: 200, forecastPoints: 200, evidenceMissing: false });
    expect(r.forecast).toEqual({ total: 200, predikat: null });
    expect(r.total).toBe(400);
  });

  it('without an evidence folder, named evidence counts as present', () => {
    const r = score(c, answers);
    expect(r.evidenceChecked).toBe(false);
    expect(r.forecast.total).toBe(r.total);
  });

  it('with an evidence folder, missing files count as missing; links and case/slash variants count as present', () => {
    const r = score(c, answers, { evidence: makeEvidenceLookup(['dinkes/data a2.pdf', 'lain/SK B3.pdf']) });
    expect(r.forecast.total).toBe(r.total);
    const r2 = score(c, answers, { evidence: makeEvidenceLookup(['dinkes/data a2.pdf']) });
    expect(byId(r2, 'b3')).toMatchObject({ evidenceMissing: true, forecastPoints: 0, evidenceNotFound: ['sk b3.pdf'] });
    expect(r2.forecast.total).toBe(600);
    expect(r2.evidenceChecked).toBe(true);
    // The file is there but empty (0 bytes): as good as missing.
    const r3 = score(c, answers, { evidence: makeEvidenceLookup(['dinkes/data a2.pdf', 'lain/SK B3.pdf'], ['lain/SK B3.pdf']) });
    expect(byId(r3, 'b3')).toMatchObject({ evidenceMissing: true, forecastPoints: 0, evidenceNotFound: ['sk b3.pdf'] });
    expect(r3.forecast.total).toBe(600);
  });

  it('shows the difference per group and the answers that cause it, largest first, with the OPD', () => {
    const r = score(c, [answer('a2', 'DA', num(60)), answer('b3', 'DB', opt('Ada, Peraturan Daerah'))], { responsible: (id) => (id === 'b3' ? ['DA', 'DB'] : ['DA']) });
    const d = forecastDifference(r);
    expect(d.total).toBe(Number((100 + third).toPrecision(12)));
    expect(d.groups.map((g) => g.difference)).toEqual([100, Number(third.toPrecision(12))]);
    expect(d.questions.map((q) => [q.questionId, q.opdCode, q.reason])).toEqual([
      ['b3', 'DB', 'none'],
      ['a2', 'DA', 'none'],
    ]);
    expect(d.questions[0]!.responsible).toEqual(['DA', 'DB']);
  });
});

describe('what-if', () => {
  const answers = [answer('a1', 'DA', opt('Ada, SK')), answer('a2', 'DA', num(60), { evidence: ['a2.pdf'] }), answer('b1', 'DB', num(1))];

  it('parses --set values in the question’s own terms, with a decimal comma', () => {
    const s = parseSetArgs(c, ['a2=92,5', 'a1=ada, peraturan d', 'B1=5', 'b2 = 0']);
    expect(s.get('a2')).toEqual({ answer: num(92.5) });
    expect(s.get('a1')).toEqual({ answer: opt('Ada, Peraturan Daerah') });
    expect(s.get('b1')).toEqual({ answer: num(5) });
    expect(s.get('b2')).toEqual({ answer: num(0) });
  });

  it('rejects unknown ids and values that do not fit, naming each', () => {
    const e = refusalOf(() => parseSetArgs(c, ['x9=1', 'a2=120', 'b1=2,5', 'a1=Ada', 'a2', 'a1=Perda']));
    expect(e.exitCode).toBe(2);
    expect(e.codes).toEqual(['KLA-E532', 'KLA-E524', 'KLA-E528', 'KLA-E528', 'KLA-E527', 'KLA-E531', 'KLA-E527']);
    expect(e.diagnostics.slice(1).map((d) => d.params.question ?? d.params.arg)).toEqual(['x9', 'a2', 'b1', 'a1', 'a2', 'a1']);
    expect(e.diagnostics[4]!.params.ambiguous).toBe(1);
    expect(e.diagnostics[6]!.params).toMatchObject({ answer: 'Perda', ambiguous: 0 });
    expect(formatRefusal(e, 'id')).toContain('pertanyaan "x9" tidak ada dalam katalog mini');
    const j = refusalOf(() => parseWhatIfJson(c, { set: { a1: { points: 401 }, a2: { answer: 92.5, points: 1 }, q: { points: 1 } } }, 'w.json'));
    expect(placesOf(j)).toEqual(['KLA-E521', 'KLA-E530 set.a1', 'KLA-E525 set.a2', 'KLA-E524 set.q']);
    expect(j.diagnostics[1]!.params).toMatchObject({ question: 'a1', max: 400 });
    expect(formatRefusal(j, 'id')).toContain('poin pertanyaan a1 harus angka antara 0 dan 400,00');
    expect(placesOf(refusalOf(() => parseWhatIfJson(c, [], 'w.json')))).toEqual(['KLA-E521', 'KLA-E522 set']);
  });

  it('computes the scenario and the deltas per group by hand', () => {
    const settings = parseWhatIfJson(c, { set: { a2: { answer: 92.5 }, b1: { points: 100 } } }, 'w.json');
    const w = applyWhatIf(c, answers, settings);
    // baseline: a1 200, a2 100 (60% -> 0.5), b1 0.2 x 133.33… = 26.666…; scenario: a2 200, b1 100.
    expect(w.baseline.total).toBe(326.666666667);
    expect(w.scenario.total).toBe(500);
    expect(w.delta.total.delta).toBe(173.333333333);
    expect(w.delta.groups.map((g) => [g.id, g.points.before, g.points.after, g.points.delta])).toEqual([
      ['G1', 300, 400, 100],
      ['G2', 26.6666666667, 100, 73.3333333333],
    ]);
    expect(w.delta.predikat).toEqual({ before: null, after: 'Pratama', changed: true });
    expect(w.delta.questions.map((q) => q.id)).toEqual(['a2', 'b1']);
    expect(byId(w.scenario, 'a2')).toMatchObject({ status: 'answered', whatIf: 'answer', evidence: ['a2.pdf'], value: num(92.5) });
    expect(byId(w.scenario, 'b1')).toMatchObject({ status: 'overridden', whatIf: 'points', points: 100 });
  });

  it('a file that sets every question’s points reproduces exactly those values as question, group and total scores', () => {
    const points: Record<string, number> = { a1: 123.45, a2: 67.89, b1: 10.1, b2: 0.2, b3: 33.33 };
    const set = Object.fromEntries(Object.entries(points).map(([id, p]) => [id, { points: p }]));
    const w = applyWhatIf(c, answers, parseWhatIfJson(c, { set }, 'w.json'));
    for (const [id, p] of Object.entries(points)) expect(byId(w.scenario, id).points).toBe(p);
    expect(w.scenario.groups.map((g) => g.points)).toEqual([191.34, 43.63]);
    expect(w.scenario.total).toBe(234.97);
  });
});

describe('gap plan', () => {
  const answers = [
    answer('a1', 'DA', opt('Ada, Peraturan Bupati')), // 300 of 400
    answer('a2', 'DA', num(95)), // 200 of 200, no evidence: forecast 0
    answer('b3', 'DB', opt('Ada, Peraturan Daerah'), { evidence: ['b3.pdf'] }), // 133.33 of 133.33
  ];
  const r = score(c, answers, { responsible: (id) => (id.startsWith('a') ? ['DA'] : ['DB']) });

  it('takes evidence-only gaps first, then missing answers, then better answers, until the target is reached', () => {
    expect(r.forecast.total).toBe(433.333333333);
    const p = gapPlan(r, c.predikat, 'madya')!;
    expect(p.target).toBe('Madya');
    expect(p.threshold).toEqual({ value: 600, inclusive: false });
    expect(p.status).toBe('reachable');
    expect(p.steps.map((s) => [s.questionId, s.kind, s.needed])).toEqual([
      ['a2', 'evidence', true],
      ['b1', 'answer', false],
      ['b2', 'answer', false],
      ['a1', 'improve', false],
    ]);
    expect(p.end).toBe(633.333333333);
    expect(p.byOpd).toEqual([{ opdCode: 'DA', gain: 200, steps: [p.steps[0]] }]);
  });

  it('says when the target is reached already, and when it is out of reach', () => {
    expect(gapPlan(r, c.predikat, 'Pratama')!.status).toBe('reachable');
    const done = score(c, answers.map((a) => ({ ...a, evidence: ['e.pdf'] })));
    expect(gapPlan(done, c.predikat, 'Pratama')!.status).toBe('reached');
    const p = gapPlan(r, { decimalRule: 'upper-inclusive', bands: [{ name: 'Mustahil', min: 1001, max: 1100 }] }, 'Mustahil')!;
    expect(p.status).toBe('unreachable');
    expect(p.end).toBe(1000);
    expect(p.shortfall).toBe(1);
    expect(gapPlan(r, c.predikat, 'Emas')).toBeNull();
  });
});

describe('year over year', () => {
  it('the JSON of one run fed back as the baseline gives zero change', () => {
    const r = score(c, [answer('a1', 'DA', opt('Ada, SK')), answer('b1', 'DB', num(3))]);
    const json = JSON.stringify(toScoreJson({ catalog: c, report: r }));
    const cmp = compareBaseline(r, parseScoreJson(json, 'lalu.json'));
    expect(cmp.sameCatalog).toBe(true);
    expect(cmp.total.delta).toBe(0);
    expect(cmp.predikat.changed).toBe(false);
    expect([...cmp.groups, ...cmp.indicators].every((x) => x.points.delta === 0 && x.forecastPoints.delta === 0)).toBe(true);
    expect(cmp.questions).toEqual([]);
  });

  it('shows the change per group and indicator against last year', () => {
    const before = score(c, [answer('a1', 'DA', opt('Ada, SK'))]);
    const now = score(c, [answer('a1', 'DA', opt('Ada, Peraturan Daerah')), answer('b2', 'DB', num(0))]);
    const cmp = compareBaseline(now, parseScoreJson(JSON.stringify(toScoreJson({ catalog: c, report: before })), 'lalu.json'));
    expect(cmp.total).toEqual({ before: 200, after: 533.333333333, delta: 333.333333333 });
    expect(cmp.indicators.map((i) => [i.id, i.points.delta])).toEqual([
      ['A', 200],
      ['B', 133.333333333],
    ]);
    expect(cmp.predikat).toEqual({ before: null, after: 'Pratama', changed: true });
  });

  it('refuses a file that is not a kla score JSON', () => {
    expect(refusalOf(() => parseScoreJson('{', 'x.json')).code).toBe('KLA-E540');
    const v2 = refusalOf(() => parseScoreJson('{"schemaVersion": 2, "kind": "kla-score"}', 'x.json'));
    expect(v2.code).toBe('KLA-E541');
    expect(v2.diagnostics[0]!.params).toMatchObject({ version: 2, expected: 1 });
  });
});

describe('one answer per question', () => {
  // b3 (133.33…, evidence required) is answered by both Dinas A (DA) and Dinas B (DB).
  const evidenced = answer('b3', 'DA', opt('Ada, SK'), { evidence: ['sk b3.pdf'] });
  const unproven = answer('b3', 'DB', opt('Ada, Peraturan Daerah'));
  const conflict = (r: ReturnType<typeof score>) => r.conflicts.find((x) => x.questionId === 'b3');

  it('open: the estimate counts the best answer, the forecast the best one whose evidence is complete, both flagged', () => {
    const r = score(c, [evidenced, unproven], { opdOrder: ['DA', 'DB'] });
    expect(byId(r, 'b3')).toMatchObject({ points: third, opdCode: 'DB', forecastPoints: 0.5 * third, forecastOpdCode: 'DA', conflict: 'open', source: unproven.cells.answer });
    expect(conflict(r)).toMatchObject({ status: 'open', chosenOpdCode: null, estimateOpdCode: 'DB', forecastOpdCode: 'DA' });
    expect(conflict(r)!.answers.map((a) => [a.opdCode, a.points, a.forecastPoints, a.evidenceMissing, a.source])).toEqual([
      ['DB', third, 0, true, unproven.cells.answer],
      ['DA', 0.5 * third, 0.5 * third, false, evidenced.cells.answer],
    ]);
    expect(openConflicts(r)).toHaveLength(1);
    expect(r.forecast.total).toBe(Number((0.5 * third).toPrecision(12)));
  });

  it('chosen: estimate and forecast both count the chosen answer, whichever scores more', () => {
    const a = score(c, [evidenced, unproven], { chosen: new Map([['b3', 'DA']]) });
    expect(byId(a, 'b3')).toMatchObject({ points: 0.5 * third, forecastPoints: 0.5 * third, opdCode: 'DA', forecastOpdCode: 'DA', conflict: 'chosen' });
    expect(conflict(a)).toMatchObject({ status: 'chosen', chosenOpdCode: 'DA', estimateOpdCode: 'DA', forecastOpdCode: 'DA' });
    expect(openConflicts(a)).toEqual([]);
    const b = score(c, [evidenced, unproven], { chosen: new Map([['b3', 'DB']]) });
    expect(byId(b, 'b3')).toMatchObject({ points: third, forecastPoints: 0, opdCode: 'DB', forecastOpdCode: 'DB', conflict: 'chosen' });
  });

  it('a choice whose OPD gave no usable answer is not applied, and said so', () => {
    const none = score(c, [evidenced, unproven], { chosen: new Map([['b3', 'DC']]) });
    expect(none.unusedChoices).toEqual([{ questionId: 'b3', opdCode: 'DC', reason: 'no-answer' }]);
    expect(byId(none, 'b3')).toMatchObject({ opdCode: 'DB', conflict: 'open' });
    const invalid = score(c, [evidenced, { ...unproven, invalid: true }], { chosen: new Map([['b3', 'DB']]) });
    expect(invalid.unusedChoices).toEqual([{ questionId: 'b3', opdCode: 'DB', reason: 'invalid' }]);
    expect(byId(invalid, 'b3')).toMatchObject({ opdCode: 'DA', points: 0.5 * third });
    expect(invalid.conflicts).toEqual([]);
  });

  it('answers that agree are no conflict: the forecast keeps the one with evidence', () => {
    const r = score(c, [answer('b3', 'DA', opt('Ada, SK')), answer('b3', 'DB', opt('ada, sk'), { evidence: ['sk.pdf'] })]);
    expect(r.conflicts).toEqual([]);
    expect(byId(r, 'b3').conflict).toBeUndefined();
    expect(byId(r, 'b3')).toMatchObject({ forecastPoints: 0.5 * third, forecastOpdCode: 'DB' });
  });

  it('the JSON lists the conflict with every answer, its OPD and cell', () => {
    const j = toScoreJson({ catalog: c, report: score(c, [evidenced, unproven]) });
    expect(j.conflicts.map((x) => [x.questionId, x.status, x.answers.map((a) => [a.opdCode, a.source.cell])])).toEqual([
      ['b3', 'open', [['DB', unproven.cells.answer.cell], ['DA', evidenced.cells.answer.cell]]],
    ]);
    expect(j.questions.find((q) => q.questionId === 'b3')).toMatchObject({ conflict: 'open', forecastOpdCode: 'DA' });
  });
});

describe('the forecast margin', () => {
  // a1 (400), b1 and b2 (133.33… each) need no evidence, so their points reach the forecast as set.
  const at = (points: Record<string, number>, riskMargin?: number) =>
    score(c, [], { whatIf: new Map(Object.entries(points).map(([id, p]) => [id, { points: p }])), ...(riskMargin !== undefined ? { riskMargin } : {}) }).forecastMargin;

  it('says how far the forecast lies above its band and below the next, and flags a risk within 10 points', () => {
    const m = at({ a1: 400, b1: 103.33, b2: 100 });
    expect(m).toMatchObject({ predikat: 'Madya', lower: { value: 600, inclusive: false }, aboveLower: 3.33, atRisk: true, nearNext: false, riskMargin: 10 });
    expect(m.next).toEqual({ name: 'Nindya', threshold: { value: 700, inclusive: false }, missing: 96.67 });
    expect(at({ a1: 400, b1: 103.33, b2: 100 }, 3).atRisk).toBe(false);
    expect(at({ a1: 400, b1: 115, b2: 100 }).atRisk).toBe(false);
    expect(at({ a1: 400, b1: 110, b2: 100 }).atRisk).toBe(true);
  });

  it('below every band: no risk to lose, the lowest band near', () => {
    const m = at({ a1: 400, b1: 95 });
    expect(m).toMatchObject({ predikat: null, lower: null, aboveLower: null, atRisk: false, nearNext: true });
    expect(m.next).toMatchObject({ name: 'Pratama', missing: 5 });
  });

  it('Pratama starts at exactly 500, and the top band has no next', () => {
    expect(at({ a1: 400, b1: 100 })).toMatchObject({ predikat: 'Pratama', aboveLower: 0, atRisk: true });
    const full = [
      answer('a1', 'DA', opt('Ada, Peraturan Daerah')),
      answer('a2', 'DA', num(95), { evidence: ['a2.pdf'] }),
      answer('b1', 'DB', num(7)),
      answer('b2', 'DB', num(0)),
      answer('b3', 'DB', opt('Ada, Peraturan Daerah'), { evidence: ['b3.pdf'] }),
    ];
    expect(score(c, full).forecastMargin).toMatchObject({ predikat: 'KLA', aboveLower: 100, next: null, atRisk: false, nearNext: false });
  });

  it('appears in the JSON and in the table, with the risk said', () => {
    const r = score(c, [], { whatIf: new Map([['a1', { points: 400 }], ['b1', { points: 103.33 }], ['b2', { points: 100 }]]) });
    expect(toScoreJson({ catalog: c, report: r }).forecast.margin).toMatchObject({ aboveLower: 3.33, atRisk: true });
    const table = formatScoreTable({ catalog: c, report: r }, 'id', 79);
    expect(table.replace(/\s+/g, ' ')).toContain('3,33 poin di atas batas bawah predikat Madya (lebih dari 600,00) dan 96,67 poin di bawah batas predikat Nindya');
    expect(table).toContain('PERHATIAN');
    expect(table.split('\n').every((l) => l.length <= 79)).toBe(true);
  });
});

describe('the console table names what verification would miss', () => {
  it('lists each missing file with its suggestion, and every answer of a conflict with its OPD and cell', () => {
    const evidence = makeEvidenceLookup(['DA/sk b3 2025.pdf', 'DA/Data a2.pdf', 'DA/Foto kegiatan 2025.pdf']);
    const answers = [
      answer('a2', 'DA', num(95), { evidence: ['Daat a2.pdf', 'Foto kegiatan 2025.pdf'] }),
      answer('b3', 'DA', opt('Ada, SK'), { evidence: ['sk b3 2024.pdf'] }),
      answer('b3', 'DB', opt('Ada, Peraturan Daerah'), { evidence: ['Perda b3.pdf'] }),
    ];
    const r = score(c, answers, { evidence });
    const table = formatScoreTable({ catalog: c, report: r, evidenceDir: 'evidence' }, 'id', 79);
    const lines = table.split('\n');
    expect(lines.every((l) => l.length <= 79)).toBe(true);
    const a2 = lines.findIndex((l) => /^\s+a2\s+DA\s/.test(l));
    expect(lines[a2]).toContain('1 dari 2');
    expect(lines[a2 + 1]).toContain('- Daat a2.pdf');
    expect(lines[a2 + 2]).toContain('mungkin maksud Anda: DA/Data a2.pdf');
    const b3 = lines.findIndex((l) => /^\s+b3\s+DB\s/.test(l));
    expect(lines.slice(b3 + 1, b3 + 3).join('\n')).toContain('Perda b3.pdf');
    // b3's conflict: neither answer keeps points through verification, so both columns count DB's, the better one.
    const head = lines.findIndex((l) => l.trim().startsWith('b3: belum dipilih DPPPA'));
    expect(head).toBeGreaterThan(0);
    expect(lines[head + 1]).toMatch(/^\s+Mandiri\s+Verifikasi$/);
    expect(lines[head + 2]).toMatch(/^\s+DB\s+133,33\*\s+0,00\*\s+Ada, Peraturan Daerah$/);
    expect(lines[head + 3]).toContain(`DB.xlsx, Jawaban!${answers[2]!.cells.answer.cell}`);
    expect(lines[head + 4]).toMatch(/^\s+DA\s+66,67\s+0,00\s+Ada, SK$/);
  });
});
