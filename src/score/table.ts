/**
 * The console table of `kla score`: pure `(view, lang) => string`. Plain ASCII
 * lines no wider than 79 characters, so it reads well in an 80-column cmd.exe
 * window; numbers in Indonesian format (1.000,00) by default.
 */
import { formatNumber, type Lang } from '../i18n.js';
import type { AnswerValue } from '../model.js';
import type { Change, RowChange, ScoreComparison } from './compare.js';
import type { IgnoredReason, QuestionConflict, ScoreReport } from './engine.js';
import type { EvidenceCheck } from './evidence.js';
import { roundShown } from './numbers.js';
import { bandsOf, predikatFor, totalDigits, type ForecastMargin, type Threshold } from './predikat.js';
import type { ScoreView } from './json.js';
import { forecastDifference, type GapPlan, type PlanStepKind } from './plan.js';

const WIDTH = 79;

/** English plural of a counted noun (Indonesian needs none). */
export const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

const T = {
  id: {
    title: (d: string) => `Perkiraan nilai KLA${d}`,
    year: (y: number) => `, tahun ${y}`,
    estimate: 'Nilai ini perkiraan hasil evaluasi mandiri, bukan nilai resmi.',
    self: 'Evaluasi mandiri',
    forecast: 'Prakiraan verifikasi',
    predikat: (p: string | null) => (p ? `predikat ${p}` : 'belum mencapai predikat'),
    forecastRule: 'Prakiraan verifikasi: jawaban tanpa data dukung yang diwajibkan dihitung 0.',
    checked: (dir: string) => `Data dukung diperiksa keberadaannya di folder ${dir}; tautan (http/https) dianggap ada.`,
    notChecked: 'Data dukung dinilai dari isian kolomnya saja; gunakan --evidence <folder> untuk memeriksa berkasnya.',
    group: 'Kelompok',
    indicator: 'Indikator',
    max: 'Maks.',
    selfCol: 'Mandiri',
    forecastCol: 'Verifikasi',
    diff: 'Selisih',
    total: 'Total',
    lost: (n: number, pts: string) => `Jawaban yang kehilangan poin pada prakiraan verifikasi: ${n} jawaban, ${pts} poin (terbesar dahulu):`,
    question: 'Pertanyaan',
    points: 'Poin',
    cause: 'Sebab',
    noEvidence: 'data dukung belum disebut',
    notFound: (f: string) => `berkas tidak ditemukan: ${f}`,
    notFoundOf: (n: number, of: number) => (n === of ? `${n} berkas tidak ditemukan:` : `${n} dari ${of} berkas tidak ditemukan:`),
    outside: 'di luar folder data dukung, tidak diperiksa',
    didYouMean: (f: string) => `mungkin maksud Anda: ${f}`,
    threshold: (v: string, incl: boolean) => (incl ? `paling sedikit ${v}` : `lebih dari ${v}`),
    margin: (m: { above: string; own: string; ownEdge: string; next?: { below: string; name: string; edge: string } }) =>
      `Prakiraan verifikasi berada ${m.above} poin di atas batas bawah predikat ${m.own} (${m.ownEdge})` +
      (m.next ? ` dan ${m.next.below} poin di bawah batas predikat ${m.next.name} (${m.next.edge}).` : '; predikat ini yang tertinggi.'),
    marginNone: (below: string, name: string, edge: string) => `Prakiraan verifikasi belum mencapai predikat: ${below} poin di bawah batas predikat ${name} (${edge}).`,
    atRisk: (above: string, r: string, own: string) =>
      `PERHATIAN: prakiraan verifikasi hanya ${above} poin di atas batas predikat ${own} (batas risiko ${r} poin); sedikit data dukung yang tidak lengkap dapat menurunkan predikat.`,
    nearNext: (missing: string, r: string, name: string) => `Predikat ${name} hanya ${missing} poin lagi (dalam batas ${r} poin).`,
    conflicts: (n: number, open: number) => `Pertanyaan yang dijawab berbeda oleh beberapa OPD: ${n} (${open} belum dipilih DPPPA)`,
    conflictOpen: 'belum dipilih DPPPA',
    conflictChosen: (opd: string) => `DPPPA memilih jawaban ${opd}`,
    counted: 'Tanda * menunjukkan jawaban yang dihitung pada evaluasi mandiri dan pada prakiraan verifikasi.',
    conflictHint:
      'Aplikasi resmi menerima satu jawaban per pertanyaan: pilih jawaban yang dihitung di kunci "chosenAnswers" konfigurasi (nomor pertanyaan: kode OPD). Dokumen final baru dapat disusun setelah semua dipilih.',
    unanswered: (n: number) => `Pertanyaan yang belum dijawab (bernilai 0): ${n}`,
    ignored: (n: number) => `Jawaban yang diabaikan dalam penilaian: ${n}`,
    reasons: { invalid: 'mengandung kesalahan', unfit: 'tidak sesuai rubrik', 'unknown-question': 'pertanyaan tidak dikenal' } satisfies Record<IgnoredReason, string>,
    rule: (lo: string, edge: string, next: string, first: string, second: string) =>
      `Batas predikat: nilai dibandingkan dengan presisi penuh; di bawah ${lo} belum mendapat predikat; ${edge} = ${first}, ${next} = ${second}.`,
    whatIf: (n: number) => `Skenario what-if (${n} perubahan)`,
    pointsSet: (p: string) => `poin ${p}`,
    base: 'Dasar',
    scenario: 'Skenario',
    change: 'Ubah',
    predikatChange: (a: string, b: string, changed: boolean) => `Predikat: ${a} -> ${b}${changed ? ' (berubah)' : ' (tidak berubah)'}`,
    forecastPredikatChange: (a: string, b: string) => `Predikat prakiraan verifikasi: ${a} -> ${b}`,
    none: 'tanpa predikat',
    plan: (t: string) => `Rencana menuju predikat ${t}`,
    needs: (t: string, incl: boolean) => `Nilai prakiraan verifikasi harus ${incl ? 'paling sedikit' : 'lebih dari'} ${t}.`,
    reached: (t: string, v: string) => `Predikat ${t} sudah tercapai pada prakiraan verifikasi (${v}).`,
    reachable: (n: number, gain: string, from: string, to: string) => `${n} langkah menambah ${gain} poin: dari ${from} menjadi ${to}.`,
    unreachable: (to: string, short: string) =>
      `Predikat ini tidak dapat dicapai: seluruh poin yang masih terbuka hanya membawa nilai ke ${to} (kurang ${short} poin).`,
    legend: 'Nomor menunjukkan urutan langkah dari yang tercepat; [D] lengkapi data dukung, [J] isi atau perbaiki jawaban, [T] tingkatkan capaian. Kolom terakhir: nilai setelah langkah itu dan semua langkah sebelumnya.',
    steps: (n: number, pts: string) => `${n} langkah, ${pts} poin`,
    noOpd: 'OPD belum ditentukan',
    more: (n: number, pts: string) => `Masih ada ${n} langkah lain (${pts} poin) di luar yang diperlukan.`,
    compare: (f: string) => `Perbandingan dengan hasil sebelumnya (${f})`,
    otherCatalog: (a: string, b: string) => `Perhatian: hasil sebelumnya memakai katalog ${a}, sekarang ${b}; bandingkan dengan hati-hati.`,
    before: 'Sebelumnya',
    now: 'Sekarang',
    forecastTotal: 'Prakiraan verifikasi',
  },
  en: {
    title: (d: string) => `Estimated KLA score${d}`,
    year: (y: number) => `, year ${y}`,
    estimate: 'This is an estimate of the self-evaluation, not an official result.',
    self: 'Self-evaluation',
    forecast: 'Verification forecast',
    predikat: (p: string | null) => (p ? `predikat ${p}` : 'no predikat'),
    forecastRule: 'Verification forecast: answers lacking their required evidence count as 0.',
    checked: (dir: string) => `Evidence files were checked in folder ${dir}; links (http/https) count as present.`,
    notChecked: 'Evidence was judged from the answer sheets only; use --evidence <folder> to check the files.',
    group: 'Group',
    indicator: 'Indicator',
    max: 'Max',
    selfCol: 'Self-eval',
    forecastCol: 'Forecast',
    diff: 'Diff.',
    total: 'Total',
    lost: (n: number, pts: string) => `Answers that lose points in the verification forecast: ${plural(n, 'answer')}, ${pts} points (largest first):`,
    question: 'Question',
    points: 'Points',
    cause: 'Cause',
    noEvidence: 'no evidence named',
    notFound: (f: string) => `files not found: ${f}`,
    notFoundOf: (n: number, of: number) => (n === of ? `${plural(n, 'file')} not found:` : `${n} of ${of} files not found:`),
    outside: 'outside the evidence folder, not checked',
    didYouMean: (f: string) => `did you mean: ${f}`,
    threshold: (v: string, incl: boolean) => (incl ? `at least ${v}` : `more than ${v}`),
    margin: (m: { above: string; own: string; ownEdge: string; next?: { below: string; name: string; edge: string } }) =>
      `The verification forecast lies ${m.above} points above the lower edge of predikat ${m.own} (${m.ownEdge})` +
      (m.next ? ` and ${m.next.below} points below predikat ${m.next.name} (${m.next.edge}).` : '; it is the highest predikat.'),
    marginNone: (below: string, name: string, edge: string) => `The verification forecast has no predikat yet: ${below} points below predikat ${name} (${edge}).`,
    atRisk: (above: string, r: string, own: string) =>
      `WARNING: the verification forecast is only ${above} points above the edge of predikat ${own} (risk margin ${r} points); a little incomplete evidence can lose the predikat.`,
    nearNext: (missing: string, r: string, name: string) => `Predikat ${name} is only ${missing} points away (within ${r} points).`,
    conflicts: (n: number, open: number) => `Questions answered differently by several OPDs: ${n} (${open} not chosen by the DPPPA yet)`,
    conflictOpen: 'not chosen by the DPPPA yet',
    conflictChosen: (opd: string) => `the DPPPA chose ${opd}'s answer`,
    counted: 'A * marks the answer counted in the self-evaluation and in the verification forecast.',
    conflictHint:
      'The official application takes one answer per question: choose the answer that counts under "chosenAnswers" in the config (question number: OPD code). A final dossier can be built once every one is chosen.',
    unanswered: (n: number) => `Unanswered questions (scored 0): ${n}`,
    ignored: (n: number) => `Answers left out of scoring: ${n}`,
    reasons: { invalid: 'has errors', unfit: 'does not fit the rubric', 'unknown-question': 'unknown question' } satisfies Record<IgnoredReason, string>,
    rule: (lo: string, edge: string, next: string, first: string, second: string) =>
      `Predikat edges: totals are compared at full precision; below ${lo} there is no predikat; ${edge} = ${first}, ${next} = ${second}.`,
    whatIf: (n: number) => `What-if scenario (${plural(n, 'change')})`,
    pointsSet: (p: string) => `${p} points`,
    base: 'Baseline',
    scenario: 'Scenario',
    change: 'Change',
    predikatChange: (a: string, b: string, changed: boolean) => `Predikat: ${a} -> ${b}${changed ? ' (changes)' : ' (unchanged)'}`,
    forecastPredikatChange: (a: string, b: string) => `Verification forecast predikat: ${a} -> ${b}`,
    none: 'no predikat',
    plan: (t: string) => `Plan towards predikat ${t}`,
    needs: (t: string, incl: boolean) => `The verification forecast must be ${incl ? 'at least' : 'more than'} ${t}.`,
    reached: (t: string, v: string) => `Predikat ${t} is already reached in the verification forecast (${v}).`,
    reachable: (n: number, gain: string, from: string, to: string) => `${plural(n, 'step')} add${n === 1 ? 's' : ''} ${gain} points: from ${from} to ${to}.`,
    unreachable: (to: string, short: string) =>
      `This predikat cannot be reached: all points still open only bring the total to ${to} (${short} points short).`,
    legend: 'Numbers give the order of the steps, quickest first; [D] complete the evidence, [J] fill in or correct the answer, [T] improve the result. Last column: the total after that step and all before it.',
    steps: (n: number, pts: string) => `${plural(n, 'step')}, ${pts} points`,
    noOpd: 'no OPD assigned',
    more: (n: number, pts: string) => `${plural(n, 'further step')} (${pts} points) beyond what is needed.`,
    compare: (f: string) => `Comparison with the earlier result (${f})`,
    otherCatalog: (a: string, b: string) => `Note: the earlier result used catalog ${a}, this one ${b}; compare with care.`,
    before: 'Before',
    now: 'Now',
    forecastTotal: 'Verification forecast',
  },
} as const;

const kindMark: Record<PlanStepKind, string> = { evidence: '[D]', answer: '[J]', improve: '[T]' };

/** Cut text to `w` characters (ASCII "..." marks a cut) and pad it. */
function fit(text: string, w: number, align: 'left' | 'right' = 'left'): string {
  // Catalog texts carry line breaks and dashes that an old console code page shows wrongly.
  const s = text.replace(/\s+/g, ' ').replace(/[\u2013\u2014]/g, '-').trim();
  const t = s.length > w ? `${s.slice(0, Math.max(0, w - 3))}...` : s;
  return align === 'left' ? t.padEnd(w) : t.padStart(w);
}

/** One line of fixed columns; the first column is left-aligned, the rest right-aligned. */
const line = (widths: readonly number[], cells: readonly string[]) =>
  cells
    .map((c, i) => fit(c, widths[i]!, i === 0 ? 'left' : 'right'))
    .join(' ')
    .trimEnd();

/** Words wrapped to the width, each line indented. */
function wrap(items: readonly string[], indent: string, sep = ', '): string[] {
  const out: string[] = [];
  let cur = indent;
  items.forEach((it, i) => {
    const piece = it + (i < items.length - 1 ? sep.trimEnd() : '');
    if (cur.length > indent.length && cur.length + 1 + piece.length > WIDTH) {
      out.push(cur.trimEnd());
      cur = indent;
    }
    cur += (cur.length > indent.length ? ' ' : '') + piece;
  });
  if (cur.trim() !== '') out.push(cur.trimEnd());
  return out;
}

/** Prose wrapped at word boundaries. */
const para = (text: string, indent = '') => wrap(text.split(/\s+/).filter(Boolean), indent, ' ');

export function formatScoreTable(v: ScoreView, lang: Lang): string {
  const t = T[lang];
  const n = (x: number) => formatNumber(roundShown(x), lang);
  const signed = (x: number | null) => (x === null ? '-' : `${roundShown(x) > 0 ? '+' : ''}${n(x)}`);
  const tot = (x: number) => formatNumber(roundShown(x, totalDigits(x, v.catalog.predikat)), lang, totalDigits(x, v.catalog.predikat));
  const r = v.report;
  const out: string[] = [];
  const rule = '-'.repeat(WIDTH);

  out.push(t.title(`${v.district ? `: ${v.district}` : ''}${v.year ? t.year(v.year) : ''} (${r.catalogId})`), t.estimate, '');
  out.push(`  ${t.self.padEnd(22)} ${tot(r.total).padStart(9)}   ${t.predikat(r.predikat)}`);
  out.push(`  ${t.forecast.padEnd(22)} ${tot(r.forecast.total).padStart(9)}   ${t.predikat(r.forecast.predikat)}`);
  out.push(...marginLines(r.forecastMargin, lang, n));
  out.push(...para(t.forecastRule, '  '), ...para(v.evidenceDir ? t.checked(v.evidenceDir) : t.notChecked, '  '), '');

  // Groups, then indicators: maximum, self-evaluation, forecast, difference.
  const gw = [36, 9, 10, 11, 9];
  const header = (first: string) => [line(gw, [first, t.max, t.selfCol, t.forecastCol, t.diff]), rule];
  const scoreRow = (label: string, x: { max: number; points: number; forecastPoints: number }) =>
    line(gw, [label, n(x.max), n(x.points), n(x.forecastPoints), signed(x.forecastPoints - x.points)]);
  out.push(...header(t.group));
  for (const g of r.groups) out.push(scoreRow(g.label, g));
  out.push(rule, line(gw, [t.total, n(r.max), tot(r.total), tot(r.forecast.total), signed(r.forecast.total - r.total)]), '');
  out.push(...header(t.indicator));
  for (const i of r.indicators) out.push(scoreRow(`${i.id.padEnd(4)} ${i.name}`, i));
  out.push('');

  const diff = forecastDifference(r);
  if (diff.questions.length > 0) {
    out.push(...para(t.lost(diff.questions.length, n(diff.total))));
    const row = (id: string, opd: string, pts: string, cause: string) =>
      `  ${fit(id, 10)} ${fit(opd, 12)} ${fit(pts, 9, 'right')}  ${fit(cause, WIDTH - 37)}`.trimEnd();
    out.push(row(t.question, 'OPD', t.points, t.cause));
    for (const q of diff.questions) {
      const named = r.questions.find((x) => x.questionId === q.questionId)!.evidenceCheck.filter((c) => c.status !== 'placeholder').length;
      const cause = q.missing.length === 0 ? t.noEvidence : t.notFoundOf(q.missing.length, named);
      out.push(row(q.questionId, q.opdCode ?? q.responsible.join('/'), n(q.atStake), cause));
      // Which file is missing, each on a line of its own: with several named, that is what the OPD must be told.
      for (const m of q.missing) out.push(...missingLines(m, lang));
    }
    out.push('');
  }
  if (r.conflicts.length > 0) out.push(...conflictSection(r.conflicts, lang, n), '');

  const unanswered = r.questions.filter((q) => q.status === 'unanswered').map((q) => q.questionId);
  if (unanswered.length > 0) out.push(t.unanswered(unanswered.length), ...wrap(unanswered, '  '), '');
  if (r.ignoredAnswers.length > 0) {
    out.push(t.ignored(r.ignoredAnswers.length));
    for (const a of r.ignoredAnswers) {
      const at = `${a.source.file}, ${a.source.sheet}!${a.source.cell}`;
      // The location on a line of its own: it is what the user needs, and it must not be cut.
      out.push(`  ${fit(a.questionId, 8)} ${fit(a.opdCode, 12)} ${t.reasons[a.reason]}`, `${' '.repeat(11)}${at}`);
    }
    out.push('');
  }

  if (v.whatIf) out.push(...whatIfSection(v, lang, n, signed, tot), '');
  if (v.plan) out.push(...planSection(v, v.plan, lang, n, tot), '');
  if (v.comparison) out.push(...compareSection(v.comparison.result, v.comparison.file, lang, n, signed, tot), '');

  out.push(...para(ruleText(v, lang)));
  return `${out.join('\n')}\n`;
}

type Fmt = (x: number) => string;
type Signed = (x: number | null) => string;

const INDENT = ' '.repeat(6);

/** Distance of the forecast to the edges of its band, and the flags. */
function marginLines(m: ForecastMargin, lang: Lang, n: Fmt): string[] {
  const t = T[lang];
  const edge = (th: Threshold) => t.threshold(formatNumber(th.value, lang), th.inclusive);
  const out: string[] = [];
  if (m.predikat === null) {
    if (m.next) out.push(...para(t.marginNone(n(m.next.missing), m.next.name, edge(m.next.threshold)), '  '));
  } else {
    const next = m.next ? { below: n(m.next.missing), name: m.next.name, edge: edge(m.next.threshold) } : undefined;
    out.push(...para(t.margin({ above: n(m.aboveLower ?? 0), own: m.predikat, ownEdge: m.lower ? edge(m.lower) : '', ...(next ? { next } : {}) }), '  '));
  }
  if (m.atRisk && m.predikat !== null) out.push(...para(t.atRisk(n(m.aboveLower ?? 0), n(m.riskMargin), m.predikat), '  '));
  if (m.nearNext && m.next) out.push(...para(t.nearNext(n(m.next.missing), n(m.riskMargin), m.next.name), '  '));
  return out;
}

/** A named file that was not found, and the nearest file when one is close. */
function missingLines(c: EvidenceCheck, lang: Lang): string[] {
  const t = T[lang];
  const what = c.status === 'outside' ? `- ${c.entry} (${t.outside})` : `- ${c.entry}`;
  return [...para(what, INDENT), ...(c.suggestion !== undefined ? para(t.didYouMean(c.suggestion), `${INDENT}  `) : [])];
}

/** Questions answered differently: every answer with its OPD, points and cell, and which one counts. */
function conflictSection(conflicts: readonly QuestionConflict[], lang: Lang, n: Fmt): string[] {
  const t = T[lang];
  const open = conflicts.filter((c) => c.status === 'open').length;
  const w = [12, 32, 10, 11];
  const out = [...para(t.conflicts(conflicts.length, open)), ...para(t.counted, '  ')];
  for (const c of conflicts) {
    const how = c.status === 'chosen' ? t.conflictChosen(c.chosenOpdCode ?? '') : t.conflictOpen;
    out.push('', `  ${fit(`${c.questionId}: ${how}`, w[0]! + w[1]! + 1)} ${fit(t.selfCol, w[2]!, 'right')} ${fit(t.forecastCol, w[3]!, 'right')}`);
    for (const a of c.answers) {
      const mark = (counted: boolean, x: number) => `${n(x)}${counted ? '*' : ' '}`;
      out.push(
        `    ${fit(a.opdCode, w[0]!)} ${fit(showValue(a.value, lang), w[1]! - 2)} ${fit(mark(a.opdCode === c.estimateOpdCode, a.points), w[2]! + 1, 'right')} ${fit(mark(a.opdCode === c.forecastOpdCode, a.forecastPoints), w[3]!, 'right')}`.trimEnd(),
      );
      // The location on lines of its own, wrapped but never cut: it is where the DPPPA looks.
      out.push(...para(`${a.source.file}, ${a.source.sheet}!${a.source.cell}`, ' '.repeat(17)));
    }
  }
  if (open > 0) out.push('', ...para(t.conflictHint, '  '));
  return out;
}

function ruleText(v: ScoreView, lang: Lang): string {
  const bands = bandsOf(v.catalog.predikat);
  const lo = bands[0]!;
  const next = bands[1];
  if (!next) return T[lang].rule(formatNumber(lo.min, lang), formatNumber(lo.min, lang), formatNumber(lo.min, lang), lo.name, lo.name);
  const p = v.catalog.predikat;
  return T[lang].rule(
    formatNumber(lo.min, lang),
    formatNumber(lo.max, lang),
    formatNumber(lo.max + 0.01, lang),
    predikatFor(lo.max, p) ?? '-',
    predikatFor(lo.max + 0.01, p) ?? '-',
  );
}

const showValue = (a: AnswerValue, lang: Lang) => (a.kind === 'option' ? a.option : formatNumber(a.value, lang, Number.isInteger(a.value) ? 0 : 2));

function whatIfSection(v: ScoreView, lang: Lang, n: Fmt, signed: Signed, tot: Fmt): string[] {
  const t = T[lang];
  const w = v.whatIf!;
  const d = w.delta;
  const out: string[] = [t.whatIf(w.settings.size)];
  out.push(...wrap([...w.settings].map(([id, s]) => `${id} = ${'answer' in s ? showValue(s.answer, lang) : t.pointsSet(n(s.points))}`), '  ', '; '));
  const cw = [16, 9, 9, 9, 9, 9, 9];
  out.push('', `${''.padEnd(17)}${fit(`-- ${t.self} --`, 29, 'right')} ${fit(`-- ${t.forecast} --`, 29, 'right')}`);
  out.push(line(cw, [t.group, t.base, t.scenario, t.change, t.base, t.scenario, t.change]), '-'.repeat(WIDTH));
  const row = (label: string, p: Change, f: Change, fmt: Fmt) =>
    line(cw, [label, fmt(p.before ?? 0), fmt(p.after ?? 0), signed(p.delta), fmt(f.before ?? 0), fmt(f.after ?? 0), signed(f.delta)]);
  for (const g of d.groups) out.push(row(g.label, g.points, g.forecastPoints, n));
  out.push('-'.repeat(WIDTH), row(t.total, d.total, d.forecast.total, tot));
  const p = (x: string | null) => x ?? t.none;
  out.push(t.predikatChange(p(d.predikat.before), p(d.predikat.after), d.predikat.changed));
  out.push(t.forecastPredikatChange(p(d.forecast.predikat.before), p(d.forecast.predikat.after)));
  return out;
}

function planSection(v: ScoreView, plan: GapPlan, lang: Lang, n: Fmt, tot: Fmt): string[] {
  const t = T[lang];
  const out = [t.plan(plan.target), t.needs(formatNumber(plan.threshold.value, lang), plan.threshold.inclusive)];
  if (plan.status === 'reached') return [...out, t.reached(plan.target, tot(plan.start))];
  const needed = plan.steps.filter((s) => s.needed);
  const gain = needed.reduce((s, x) => s + x.gain, 0);
  out.push(
    plan.status === 'reachable'
      ? t.reachable(needed.length, n(gain), tot(plan.start), tot(plan.end))
      : t.unreachable(tot(plan.end), n(plan.shortfall)),
    ...para(t.legend),
  );
  const order = new Map(needed.map((s, i) => [s, i]));
  for (const g of plan.byOpd) {
    out.push('', `${g.opdCode ?? t.noOpd} (${t.steps(g.steps.length, n(g.gain))})`);
    for (const s of g.steps) {
      const text = v.catalog.questionById.get(s.questionId)?.text ?? '';
      // The step number keeps the cheapest-first order visible inside the grouping by OPD.
      const nr = `${order.get(s)! + 1}.`.padStart(4);
      const head = `${nr} ${kindMark[s.kind]} ${fit(s.questionId, 6)} ${`+${n(s.gain)}`.padStart(7)} ${`-> ${tot(s.cumulative)}`.padStart(10)}  `;
      out.push(`${head}${fit(text, WIDTH - head.length)}`.trimEnd());
    }
  }
  const rest = plan.steps.filter((s) => !s.needed);
  if (plan.status === 'reachable' && rest.length > 0) out.push('', t.more(rest.length, n(rest.reduce((s, x) => s + x.gain, 0))));
  return out;
}

function compareSection(c: ScoreComparison, file: string, lang: Lang, n: Fmt, signed: Signed, tot: Fmt): string[] {
  const t = T[lang];
  const out = [t.compare(file)];
  if (!c.sameCatalog) out.push(...para(t.otherCatalog(c.beforeCatalogId, c.afterCatalogId)));
  const cw = [40, 12, 12, 12];
  const row = (label: string, x: Change, fmt: Fmt) => line(cw, [label, x.before === null ? '-' : fmt(x.before), x.after === null ? '-' : fmt(x.after), signed(x.delta)]);
  const table = (first: string, rows: RowChange[]) => [line(cw, [first, t.before, t.now, t.change]), '-'.repeat(WIDTH), ...rows.map((r) => row(r.label === r.id ? r.id : `${r.id.padEnd(4)} ${r.label}`, r.points, n))];
  out.push('', ...table(t.group, c.groups.map((g) => ({ ...g, id: g.label }))));
  out.push('-'.repeat(WIDTH), row(t.total, c.total, tot), row(t.forecastTotal, c.forecast.total, tot));
  const p = (x: string | null) => x ?? t.none;
  out.push(t.predikatChange(p(c.predikat.before), p(c.predikat.after), c.predikat.changed), '');
  out.push(...table(t.indicator, c.indicators));
  return out;
}
