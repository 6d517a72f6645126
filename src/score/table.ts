/**
 * The console table of `kla score`: pure `(view, lang, width) => string`. Plain
 * ASCII; on a terminal every line fits its width and long texts (indicator
 * names, questions, file names) wrap between words, never cut; elsewhere (a
 * file, a pipe) every line is whole. Numbers in Indonesian format (1.000,00)
 * by default.
 */
import { formatNumber, type Lang } from '../i18n.js';
import type { AnswerValue } from '../model.js';
import { wrapList, wrapWords } from '../wrap.js';
import type { Change, RowChange, ScoreComparison } from './compare.js';
import type { IgnoredReason, QuestionConflict } from './engine.js';
import type { EvidenceCheck } from './evidence.js';
import type { MatrixScope } from '../matrix.js';
import { roundShown } from './numbers.js';
import { bandsOf, predikatFor, totalDigits, type ForecastMargin, type Threshold } from './predikat.js';
import type { ScoreView } from './json.js';
import { forecastDifference, type GapPlan, type PlanStepKind } from './plan.js';

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
    fromMatrix: (n: number, bare: number) =>
      `${n} pertanyaan Kelana/Dekela dihitung dari matriks kecamatan dan desa/kelurahan` + (bare > 0 ? `; ${bare} baris yang sesuai kriteria belum disertai data dukung dan tidak dihitung pada prakiraan.` : '.'),
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
    matrixRows: (n: number, scope: MatrixScope) => `matriks: ${n} ${scope === 'kecamatan' ? 'kecamatan' : 'desa/kelurahan'} tanpa data dukung lengkap`,
    matrix: 'Matriks',
    notFound: (f: string) => `berkas tidak ditemukan: ${f}`,
    notFoundOf: (n: number, of: number, empty: number) => {
      const what = empty === n ? 'kosong' : empty > 0 ? 'tidak ditemukan atau kosong' : 'tidak ditemukan';
      return n === of ? `${n} berkas ${what}:` : `${n} dari ${of} berkas ${what}:`;
    },
    outside: 'di luar folder data dukung, tidak diperiksa',
    empty: 'berkas kosong, 0 byte',
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
    fromMatrix: (n: number, bare: number) =>
      `${n} Kelana/Dekela questions are computed from the kecamatan and desa/kelurahan matrix` + (bare > 0 ? `; ${bare} rows meeting the criterion lack evidence and do not count in the forecast.` : '.'),
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
    matrixRows: (n: number, scope: MatrixScope) => `matrix: ${n} ${scope === 'kecamatan' ? 'kecamatan' : 'desa/kelurahan'} without complete evidence`,
    matrix: 'Matrix',
    notFound: (f: string) => `files not found: ${f}`,
    notFoundOf: (n: number, of: number, empty: number) => {
      const what = empty === n ? 'empty' : empty > 0 ? 'not found or empty' : 'not found';
      return n === of ? `${plural(n, 'file')} ${what}:` : `${n} of ${of} files ${what}:`;
    },
    outside: 'outside the evidence folder, not checked',
    empty: 'empty file, 0 bytes',
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

/** Catalog texts carry line breaks and dashes that an old console code page shows wrongly. */
const clean = (text: string) => text.replace(/\s+/g, ' ').replace(/[\u2013\u2014]/g, '-').trim();

/**
 * Where the table is written: a terminal of `width` columns, or (undefined)
 * a file or pipe, where nothing is wrapped.
 */
interface Layout {
  width: number | undefined;
}

/** The narrowest a wrapped label column gets, however narrow the terminal. */
const MIN_LABEL = 16;

/**
 * Rows of a table whose first column holds text (a label that wraps between
 * words within `labelWidth`, continuation lines indented) and whose other
 * columns hold figures, right-aligned in `widths`. Nothing is cut.
 */
function rows(labelWidth: number, widths: readonly number[], cells: readonly string[], head = ''): string[] {
  const [label = '', ...rest] = cells;
  // A fixed head (an indicator's id) keeps its padding; the text after it wraps and continues under itself.
  const indent = head === '' ? '  ' : ' '.repeat(head.length);
  const parts = wrapWords(clean(label), labelWidth, head, indent);
  const figures = (text: string) => [text.padEnd(labelWidth), ...rest.map((c, i) => clean(c).padStart(widths[i]!))].join(' ').trimEnd();
  // A word wider than the column (on a very narrow terminal) keeps its line to itself; the figures follow below it.
  if (parts[0]!.length > labelWidth) return [...parts, figures('')];
  return [figures(parts[0]!), ...parts.slice(1)];
}

/** The label column's width: the longest label (as `rows` lays it out), as far as the terminal leaves room beside the figures. */
function labelWidth(L: Layout, labels: readonly string[], widths: readonly number[]): number {
  const natural = Math.max(0, ...labels.map((l) => l.length));
  if (L.width === undefined) return natural;
  const figures = widths.reduce((s, w) => s + w + 1, 0);
  return Math.max(Math.min(natural, MIN_LABEL), Math.min(natural, L.width - figures));
}

const tableWidth = (label: number, widths: readonly number[]) => label + widths.reduce((s, w) => s + w + 1, 0);

/** A row of short cells (ids, codes, figures) padded to widths, the last cell a text that wraps under itself. */
function lineWithText(L: Layout, head: string, text: string): string[] {
  const room = L.width === undefined ? undefined : Math.max(20, L.width - head.length);
  const parts = wrapWords(clean(text), room);
  return [`${head}${parts[0]}`.trimEnd(), ...parts.slice(1).map((p) => `${' '.repeat(head.length)}${p}`)];
}

/** `width`: the terminal's columns (lines fit and wrap between words); undefined for a file or pipe (lines whole). */
export function formatScoreTable(v: ScoreView, lang: Lang, width?: number): string {
  const L: Layout = { width };
  const para = (text: string, indent = '') => wrapWords(text, L.width, indent);
  const t = T[lang];
  const n = (x: number) => formatNumber(roundShown(x), lang);
  const signed = (x: number | null) => (x === null ? '-' : `${roundShown(x) > 0 ? '+' : ''}${n(x)}`);
  const tot = (x: number) => formatNumber(roundShown(x, totalDigits(x, v.catalog.predikat)), lang, totalDigits(x, v.catalog.predikat));
  const r = v.report;
  const out: string[] = [];

  out.push(...para(t.title(`${v.district ? `: ${v.district}` : ''}${v.year ? t.year(v.year) : ''} (${r.catalogId})`)), ...para(t.estimate), '');
  out.push(`  ${t.self.padEnd(22)} ${tot(r.total).padStart(9)}   ${t.predikat(r.predikat)}`);
  out.push(`  ${t.forecast.padEnd(22)} ${tot(r.forecast.total).padStart(9)}   ${t.predikat(r.forecast.predikat)}`);
  out.push(...marginLines(r.forecastMargin, lang, n, para));
  out.push(...para(t.forecastRule, '  '), ...para(v.evidenceDir ? t.checked(v.evidenceDir) : t.notChecked, '  '));
  const computed = r.questions.filter((q) => q.matrix);
  if (computed.length > 0) out.push(...para(t.fromMatrix(computed.length, computed.reduce((k, q) => k + q.matrix!.unevidenced.length, 0)), '  '));
  out.push('');

  // Groups, then indicators: maximum, self-evaluation, forecast, difference.
  const gw = [9, 10, 11, 9];
  const idHead = (id: string) => `${id.padEnd(4)} `;
  // One label width for both tables, so their figures line up.
  const lw = labelWidth(L, [t.group, t.indicator, t.total, ...r.groups.map((g) => clean(g.label)), ...r.indicators.map((i) => `${idHead(i.id)}${clean(i.name)}`)], gw);
  const rule = '-'.repeat(tableWidth(lw, gw));
  const header = (first: string) => [...rows(lw, gw, [first, t.max, t.selfCol, t.forecastCol, t.diff]), rule];
  const scoreRow = (label: string, x: { max: number; points: number; forecastPoints: number }, head = '') =>
    rows(lw, gw, [label, n(x.max), n(x.points), n(x.forecastPoints), signed(x.forecastPoints - x.points)], head);
  out.push(...header(t.group));
  for (const g of r.groups) out.push(...scoreRow(g.label, g));
  out.push(rule, ...rows(lw, gw, [t.total, n(r.max), tot(r.total), tot(r.forecast.total), signed(r.forecast.total - r.total)]), '');
  out.push(...header(t.indicator));
  for (const i of r.indicators) out.push(...scoreRow(i.name, i, idHead(i.id)));
  out.push('');

  const diff = forecastDifference(r);
  if (diff.questions.length > 0) {
    out.push(...para(t.lost(diff.questions.length, n(diff.total))));
    const row = (id: string, opd: string, pts: string, cause: string) => lineWithText(L, `  ${id.padEnd(10)} ${opd.padEnd(12)} ${pts.padStart(9)}  `, cause);
    out.push(...row(t.question, 'OPD', t.points, t.cause));
    for (const q of diff.questions) {
      const named = r.questions.find((x) => x.questionId === q.questionId)!.evidenceCheck.filter((c) => c.status !== 'placeholder').length;
      const cause = q.matrix ? t.matrixRows(q.matrix.rows.length, q.matrix.scope) : q.missing.length === 0 ? t.noEvidence : t.notFoundOf(q.missing.length, named, q.missing.filter((c) => c.status === 'empty').length);
      out.push(...row(q.questionId, q.matrix ? t.matrix : (q.opdCode ?? q.responsible.join('/')), n(q.atStake), cause));
      // Which file is missing, each on a line of its own: with several named, that is what the OPD must be told.
      for (const m of q.missing) out.push(...missingLines(m, lang, para));
    }
    out.push('');
  }
  if (r.conflicts.length > 0) out.push(...conflictSection(r.conflicts, lang, n, L), '');

  const unanswered = r.questions.filter((q) => q.status === 'unanswered').map((q) => q.questionId);
  if (unanswered.length > 0) out.push(t.unanswered(unanswered.length), ...wrapList(unanswered, L.width, '  '), '');
  if (r.ignoredAnswers.length > 0) {
    out.push(t.ignored(r.ignoredAnswers.length));
    for (const a of r.ignoredAnswers) {
      const at = `${a.source.file}, ${a.source.sheet}!${a.source.cell}`;
      // The location on a line of its own: it is what the user needs, and it must not be cut.
      out.push(`  ${a.questionId.padEnd(8)} ${a.opdCode.padEnd(12)} ${t.reasons[a.reason]}`, `${' '.repeat(11)}${at}`);
    }
    out.push('');
  }

  if (v.whatIf) out.push(...whatIfSection(L, v, lang, n, signed, tot), '');
  if (v.plan) out.push(...planSection(L, v, v.plan, lang, n, tot), '');
  if (v.comparison) out.push(...compareSection(L, v.comparison.result, v.comparison.file, lang, n, signed, tot), '');

  out.push(...para(ruleText(v, lang)));
  return `${out.join('\n')}\n`;
}

type Fmt = (x: number) => string;
type Signed = (x: number | null) => string;

const INDENT = ' '.repeat(6);

/** Wraps a paragraph between words to the layout's width, each line indented. */
type Para = (text: string, indent?: string) => string[];

/** Distance of the forecast to the edges of its band, and the flags. */
function marginLines(m: ForecastMargin, lang: Lang, n: Fmt, para: Para): string[] {
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
function missingLines(c: EvidenceCheck, lang: Lang, para: Para): string[] {
  const t = T[lang];
  const what = c.status === 'outside' ? `- ${c.entry} (${t.outside})` : c.status === 'empty' ? `- ${c.entry} (${t.empty})` : `- ${c.entry}`;
  return [...para(what, INDENT), ...(c.suggestion !== undefined ? para(t.didYouMean(c.suggestion), `${INDENT}  `) : [])];
}

/** Questions answered differently: every answer with its OPD, points and cell, and which one counts. */
function conflictSection(conflicts: readonly QuestionConflict[], lang: Lang, n: Fmt, L: Layout): string[] {
  const t = T[lang];
  const para: Para = (text, indent = '') => wrapWords(text, L.width, indent);
  const open = conflicts.filter((c) => c.status === 'open').length;
  const out = [...para(t.conflicts(conflicts.length, open)), ...para(t.counted, '  ')];
  const mark = (counted: boolean, x: number) => `${n(x)}${counted ? '*' : ' '}`;
  for (const c of conflicts) {
    const how = c.status === 'chosen' ? t.conflictChosen(c.chosenOpdCode ?? '') : t.conflictOpen;
    out.push('', ...para(`${c.questionId}: ${how}`, '  '), `    ${''.padEnd(12)} ${t.selfCol.padStart(10)} ${t.forecastCol.padStart(11)}`);
    for (const a of c.answers) {
      // Code and figures in columns, the answer beside them wrapped (never cut), the cell below: where the DPPPA looks.
      const head = `    ${a.opdCode.padEnd(12)} ${mark(a.opdCode === c.estimateOpdCode, a.points).padStart(10)} ${mark(a.opdCode === c.forecastOpdCode, a.forecastPoints).padStart(11)}  `;
      out.push(...lineWithText(L, head, showValue(a.value, lang)), ...para(`${a.source.file}, ${a.source.sheet}!${a.source.cell}`, ' '.repeat(17)));
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

function whatIfSection(L: Layout, v: ScoreView, lang: Lang, n: Fmt, signed: Signed, tot: Fmt): string[] {
  const t = T[lang];
  const w = v.whatIf!;
  const d = w.delta;
  const out: string[] = [t.whatIf(w.settings.size)];
  out.push(...wrapList([...w.settings].map(([id, s]) => `${id} = ${'answer' in s ? showValue(s.answer, lang) : t.pointsSet(n(s.points))}`), L.width, '  ', '; '));
  const cw = [9, 9, 9, 9, 9, 9];
  const lw = labelWidth(L, [t.group, t.total, ...d.groups.map((g) => clean(g.label))], cw);
  const rule = '-'.repeat(tableWidth(lw, cw));
  out.push('', `${''.padEnd(lw + 1)}${`-- ${t.self} --`.padStart(29)} ${`-- ${t.forecast} --`.padStart(29)}`.trimEnd());
  out.push(...rows(lw, cw, [t.group, t.base, t.scenario, t.change, t.base, t.scenario, t.change]), rule);
  const row = (label: string, p: Change, f: Change, fmt: Fmt) =>
    rows(lw, cw, [label, fmt(p.before ?? 0), fmt(p.after ?? 0), signed(p.delta), fmt(f.before ?? 0), fmt(f.after ?? 0), signed(f.delta)]);
  for (const g of d.groups) out.push(...row(g.label, g.points, g.forecastPoints, n));
  out.push(rule, ...row(t.total, d.total, d.forecast.total, tot));
  const p = (x: string | null) => x ?? t.none;
  out.push(t.predikatChange(p(d.predikat.before), p(d.predikat.after), d.predikat.changed));
  out.push(t.forecastPredikatChange(p(d.forecast.predikat.before), p(d.forecast.predikat.after)));
  return out;
}

function planSection(L: Layout, v: ScoreView, plan: GapPlan, lang: Lang, n: Fmt, tot: Fmt): string[] {
  const t = T[lang];
  const out = [t.plan(plan.target), t.needs(formatNumber(plan.threshold.value, lang), plan.threshold.inclusive)];
  if (plan.status === 'reached') return [...out, t.reached(plan.target, tot(plan.start))];
  const needed = plan.steps.filter((s) => s.needed);
  const gain = needed.reduce((s, x) => s + x.gain, 0);
  out.push(
    plan.status === 'reachable'
      ? t.reachable(needed.length, n(gain), tot(plan.start), tot(plan.end))
      : t.unreachable(tot(plan.end), n(plan.shortfall)),
    ...wrapWords(t.legend, L.width),
  );
  const order = new Map(needed.map((s, i) => [s, i]));
  for (const g of plan.byOpd) {
    out.push('', `${g.opdCode ?? t.noOpd} (${t.steps(g.steps.length, n(g.gain))})`);
    for (const s of g.steps) {
      const text = v.catalog.questionById.get(s.questionId)?.text ?? '';
      // The step number keeps the cheapest-first order visible inside the grouping by OPD.
      const nr = `${order.get(s)! + 1}.`.padStart(4);
      const head = `${nr} ${kindMark[s.kind]} ${s.questionId.padEnd(6)} ${`+${n(s.gain)}`.padStart(7)} ${`-> ${tot(s.cumulative)}`.padStart(10)}  `;
      out.push(...lineWithText(L, head, text));
    }
  }
  const rest = plan.steps.filter((s) => !s.needed);
  if (plan.status === 'reachable' && rest.length > 0) out.push('', t.more(rest.length, n(rest.reduce((s, x) => s + x.gain, 0))));
  return out;
}

function compareSection(L: Layout, c: ScoreComparison, file: string, lang: Lang, n: Fmt, signed: Signed, tot: Fmt): string[] {
  const t = T[lang];
  const out = [t.compare(file)];
  if (!c.sameCatalog) out.push(...wrapWords(t.otherCatalog(c.beforeCatalogId, c.afterCatalogId), L.width));
  const cw = [12, 12, 12];
  // A group is shown by its label; an indicator by its id, then its name.
  const head = (r: RowChange) => (r.label === r.id ? '' : `${r.id.padEnd(4)} `);
  const groups = c.groups.map((g) => ({ ...g, id: g.label }));
  const lw = labelWidth(L, [t.group, t.indicator, t.total, t.forecastTotal, ...[...groups, ...c.indicators].map((r) => `${head(r)}${clean(r.label)}`)], cw);
  const rule = '-'.repeat(tableWidth(lw, cw));
  const row = (text: string, x: Change, fmt: Fmt, h = '') => rows(lw, cw, [text, x.before === null ? '-' : fmt(x.before), x.after === null ? '-' : fmt(x.after), signed(x.delta)], h);
  const table = (first: string, list: RowChange[]) => [...rows(lw, cw, [first, t.before, t.now, t.change]), rule, ...list.flatMap((r) => row(r.label, r.points, n, head(r)))];
  out.push('', ...table(t.group, groups));
  out.push(rule, ...row(t.total, c.total, tot), ...row(t.forecastTotal, c.forecast.total, tot));
  const p = (x: string | null) => x ?? t.none;
  out.push(t.predikatChange(p(c.predikat.before), p(c.predikat.after), c.predikat.changed), '');
  out.push(...table(t.indicator, c.indicators));
  return out;
}
