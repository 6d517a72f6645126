/**
 * Turning a raw cell into an answer of the question's type. Pure. Every
 * normalisation (text to number, percent format, case of an option) yields a
 * finding that says what was read and what it was taken as.
 */
import type { AnswerValue } from '../model.js';
import type { CatalogQuestion } from '../catalog/load.js';
import type { RawCell } from '../workbook/read.js';
import type { Diagnostic } from '../model.js';
import { diag, type Code, type OptionDifference, type ParamsOf } from '../diagnostics/index.js';
import { allowedSlips, editDistance } from '../score/evidence.js';

export interface ParsedNumber {
  value: number;
  /** Another reading of the same text, when its separators allow two. */
  alternative?: number;
  /** The text ended in a percent sign (dropped: the number is already a percentage). */
  percentSign?: true;
}

/**
 * Read a number typed as text. Indonesian conventions are the default (comma
 * for decimals, dot for thousands); English forms are accepted where they have
 * only one sensible reading. "1.234" and "1,234" have two readings and come back
 * with `alternative`. A trailing % is dropped (the number is already a percentage).
 */
export function parseNumberText(input: string): ParsedNumber | null {
  const r = parseDigits(input);
  return r === null ? null : /%\s*$/.test(input) ? { ...r, percentSign: true } : r;
}

function parseDigits(input: string): ParsedNumber | null {
  let s = input.normalize('NFKC').replace(INVISIBLE, '').replace(/[\s\u00a0\u202f]+/g, '');
  if (s.endsWith('%')) s = s.slice(0, -1);
  let sign = 1;
  if (/^[-\u2212]/.test(s)) {
    sign = -1;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  if (s === '') return null;
  const num = (t: string) => sign * Number(t);
  const noDots = (t: string) => t.replace(/\./g, '');
  const noCommas = (t: string) => t.replace(/,/g, '');

  if (/^\d+$/.test(s)) return { value: num(s) };
  // 1.234 — Indonesian thousands, or an English decimal.
  if (/^\d{1,3}\.\d{3}$/.test(s)) return { value: num(noDots(s)), alternative: num(s) };
  // 1.234.567 — thousands only.
  if (/^\d{1,3}(\.\d{3}){2,}$/.test(s)) return { value: num(noDots(s)) };
  // 1,234 — Indonesian decimal, or English thousands.
  if (/^\d{1,3},\d{3}$/.test(s)) return { value: num(s.replace(',', '.')), alternative: num(noCommas(s)) };
  // 87,5 and 1.234,5 — Indonesian decimals.
  if (/^\d+,\d+$/.test(s) || /^\d{1,3}(\.\d{3})+,\d+$/.test(s)) return { value: num(noDots(s).replace(',', '.')) };
  // 87.5 — the only sensible reading is an English decimal.
  if (/^\d+\.\d+$/.test(s)) return { value: num(s) };
  // 1,234,567 and 1,234.5 — English thousands.
  if (/^\d{1,3}(,\d{3}){2,}$/.test(s) || /^\d{1,3}(,\d{3})+\.\d+$/.test(s)) return { value: num(noCommas(s)) };
  return null;
}

/** Characters that take no room on screen: zero-width spaces and joiners, word joiner, BOM, soft hyphen. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
/** Spaces that look like spaces but are not the space bar's (non-breaking, figure, narrow no-break). */
const ODD_SPACE = /[\u00a0\u2007\u202f]/;

/** Option text compared without regard to case, spacing, or spaces before punctuation. */
export const optionKey = (s: string) =>
  s
    .replace(INVISIBLE, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\s*([,.;:/)])\s*/g, '$1 ')
    .replace(/\(\s*/g, '(')
    .trim();

/** Letters and digits only, in lower case, one space between words: what is left when punctuation is ignored. */
const looseKey = (s: string) => optionKey(s).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();


/** The short forms of regulations that offices write for the options' words ("Ada Perda", "Perbup"). */
const SHORT_FORMS: readonly [RegExp, string][] = [
  [/\bperda\b/g, 'peraturan daerah'],
  [/\bperbu[pb]\b/g, 'peraturan bupati'],
  [/\bper(?:wal|wali|wako|walkot)\b/g, 'peraturan wali kota'],
  [/\bse\b/g, 'surat edaran'],
  [/\bsk\b/g, 'surat keputusan'],
];

/**
 * Words compared with short forms written out, without what the option says
 * in parentheses ("Peraturan Daerah (Perda)"), with a kabupaten's Bupati and
 * a kota's Wali Kota one and the same ("Peraturan Bupati/Wali Kota"), and
 * without a leading "Ada" (an answer "Perda" to "Apakah tersedia …?");
 * `named` says whether the text names a regulation or its signer at all.
 */
function shortFormKey(s: string): { key: string; named: boolean } {
  const loose = looseKey(s.replace(/\([^)]*\)/g, ' '));
  let k = loose;
  for (const [re, full] of SHORT_FORMS) k = k.replace(re, full);
  k = k.replace(/\b(?:bupati wali ?kota|bupati|wali ?kota)\b/g, 'kepala daerah');
  return { key: k.replace(/^ada /, '').trim(), named: k !== loose };
}

/** An option's readings: itself, and each of the alternatives it joins with "/" ("SK/Instruksi/Surat Edaran"). */
function readings(option: string): string[] {
  const m = /^(.*?)([^,/]+(?:\/[^,/]+)+)$/.exec(option);
  return m ? [option, ...m[2]!.split('/').map((alt) => `${m[1]}${alt}`)] : [option];
}

/**
 * The option a typed answer stands for, and how it differed. Exact, then the
 * same up to case and spacing, then up to punctuation, then with the short
 * forms of regulations written out ("Ada Perda"), then within a few typing
 * slips of exactly one option. Undefined when no option, or more than one, is
 * that close: then the answer is not guessed.
 */
export function matchOption(found: string, options: readonly string[]): { option: string; differences: OptionDifference[] } | undefined {
  if (options.includes(found)) return { option: found, differences: [] };
  const key = optionKey(found);
  const loose = looseKey(found);
  let option = options.find((o) => optionKey(o) === key) ?? options.find((o) => looseKey(o) === loose);
  let spelling = false;
  let shortForm = false;
  if (option === undefined && loose !== '') {
    // Only an answer that names a regulation or its signer ("Sebagian" is no short form of "Ada, sebagian").
    const short = shortFormKey(found);
    const meant = short.named ? options.filter((o) => readings(o).some((r) => shortFormKey(r).key === short.key)) : [];
    if (meant.length === 1) {
      option = meant[0]!;
      shortForm = true;
    }
  }
  if (option === undefined && loose !== '') {
    const near = options.filter((o) => editDistance(loose, looseKey(o)) <= allowedSlips(Math.min(loose.length, looseKey(o).length)));
    if (near.length !== 1) return undefined;
    option = near[0]!;
    spelling = true;
  }
  if (option === undefined) return undefined;

  const differences: OptionDifference[] = [];
  if (new RegExp(INVISIBLE.source).test(found)) differences.push('invisible');
  if (ODD_SPACE.test(found)) differences.push('odd-space');
  const visible = found.replace(INVISIBLE, '');
  if (/^\s/.test(visible)) differences.push('leading-space');
  if (/\s$/.test(visible)) differences.push('trailing-space');
  if (/\S\s{2,}\S/.test(visible)) differences.push('double-space');
  if (spelling) return { option, differences: [...differences, 'spelling'] };
  if (shortForm) return { option, differences: [...differences, 'short-form'] };
  const letters = (s: string) => s.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '');
  if (letters(visible) !== letters(option) && letters(visible).toLowerCase() === letters(option).toLowerCase()) differences.push('case');
  const marks = (s: string) => s.normalize('NFKC').replace(/[\p{L}\p{N}\s]+/gu, '');
  if (marks(visible) !== marks(option)) differences.push('punctuation');
  else if (visible.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase() !== option.normalize('NFKC').toLowerCase()) differences.push('spacing');
  return { option, differences };
}

export interface Interpreted {
  value: AnswerValue | null;
  findings: Diagnostic[];
  /** An error concerns this value: it must not be scored. */
  invalid: boolean;
}

type Loc = { file: string; sheet: string };

/** The answer (or previous-year) cell of a question, as the question's type. */
export function interpretAnswer(raw: RawCell, q: CatalogQuestion, loc: Loc): Interpreted {
  const findings: Diagnostic[] = [];
  const at = { ...loc, cell: raw.cell };
  const add = <C extends Code>(code: C, params: Omit<ParamsOf<C>, 'question'>) =>
    findings.push(diag(code, { question: q.id, ...params } as ParamsOf<C>, at, q.id));
  const fail = <C extends Code>(code: C, params: Omit<ParamsOf<C>, 'question'>): Interpreted => {
    add(code, params);
    return { value: null, findings, invalid: true };
  };
  const v = raw.value;
  if (v.t === 'blank') return { value: null, findings, invalid: false };
  if (v.t === 'formula') return fail('KLA-E219', { formula: v.formula });
  if (v.t === 'error') return fail('KLA-E220', { error: v.error });

  const rubric = q.rubricDef;
  if (rubric.kind === 'options') {
    const options = rubric.options.map((o) => o.value);
    const found = v.t === 'text' ? v.text : v.t === 'number' ? String(v.value) : v.t === 'date' ? v.date : v.value ? 'TRUE' : 'FALSE';
    if (v.t === 'text') {
      const m = matchOption(v.text, options);
      if (m && m.differences.length === 0) return { value: { kind: 'option', option: m.option }, findings, invalid: false };
      if (m) {
        add('KLA-W211', { found, taken: m.option, differences: m.differences });
        return { value: { kind: 'option', option: m.option }, findings, invalid: false };
      }
    } else if (v.t === 'bool') {
      // Booleans come from cells typed TRUE/FALSE, or from LibreOffice's TRUE() formulas.
      const match = options.find((o) => optionKey(o) === (v.value ? 'ya' : 'tidak'));
      if (match) {
        add('KLA-W211', { found, taken: match });
        return { value: { kind: 'option', option: match }, findings, invalid: false };
      }
    }
    return fail('KLA-E210', { found, options: options.map((o) => `"${o}"`).join(', ') });
  }

  const expected = q.answerType === 'count' ? 'count' : 'percent';
  let value: number;
  if (v.t === 'date') return fail('KLA-E218', { found: v.date });
  if (v.t === 'bool') return fail('KLA-E212', { found: v.value ? 'TRUE' : 'FALSE', expected });
  if (v.t === 'number') {
    value = v.value;
    if (v.percent && expected === 'percent') {
      value = round(v.value * 100);
      add('KLA-W213', { found: v.value, taken: value, how: 'percent-format' });
    }
  } else {
    const parsed = parseNumberText(v.text);
    if (!parsed) return fail('KLA-E212', { found: v.text, expected });
    value = parsed.value;
    const alt = parsed.alternative;
    const altPlausible = alt !== undefined && (expected !== 'count' || Number.isInteger(alt));
    // A number with one reading ("18,2", as the instructions ask) is read as it is: nothing to act on.
    // Two readings, or a percentage given where a count is asked, are worth a second look.
    if (altPlausible) add('KLA-W214', { found: v.text, taken: value, alternative: alt });
    else if (parsed.percentSign && expected === 'count') add('KLA-W213', { found: v.text, taken: value, how: 'percent-sign' });
  }

  if (expected === 'percent') {
    if (value < 0 || value > 100) return fail('KLA-E216', { found: value });
    if (v.t === 'number' && !v.percent && value > 0 && value < 1) add('KLA-W215', { found: value, scaled: round(value * 100) });
  } else if (value < 0 || !Number.isInteger(value)) {
    return fail('KLA-E217', { found: value });
  }
  return { value: { kind: 'number', value }, findings, invalid: false };
}

/** A piece that is a file name with its extension, or a link: pieces of a list, not of one name. */
const NAMED = /\.[a-z0-9]{2,5}$|^https?:\/\//i;

/**
 * Evidence entries: one per line or semicolon, as the template asks; also a
 * list written on one line ("SK Tim Gizi 2025.pdf, Foto posyandu.jpg",
 * "A.pdf dan B.pdf") when every piece is a file name with its extension or a
 * link, so that "Dinas Pariwisata, Pemuda dan Olahraga.pdf" stays one name.
 * A hyperlink's target counts as one entry.
 */
export function evidenceEntries(raw: RawCell): string[] {
  const out = textOf(raw)
    .split(/\r?\n|;/)
    .flatMap((s) => {
      const pieces = s.split(/,|\s+dan\s+|\s+&\s+/i).map((p) => p.trim());
      return pieces.length > 1 && pieces.every((p) => NAMED.test(p)) ? pieces : [s];
    })
    .map((s) => s.trim())
    .filter(Boolean);
  if (raw.link) {
    const link = raw.link.trim();
    // The visible text of a linked cell is usually a label for the link, not a separate document.
    return link ? [link] : out;
  }
  return out;
}

/** A cell as plain text (numbers and dates written out), for notes and identity values. */
export function textOf(raw: RawCell): string {
  const v = raw.value;
  switch (v.t) {
    case 'text':
      return v.text.trim();
    case 'number':
      return formatPlain(v.value);
    case 'date':
      return v.date;
    case 'bool':
      return v.value ? 'TRUE' : 'FALSE';
    default:
      return '';
  }
}

const round = (n: number) => Math.round(n * 1e9) / 1e9;
/** Numbers exactly as stored, without exponent notation for integers up to 21 digits. */
const formatPlain = (n: number) => (Number.isInteger(n) && Math.abs(n) < 1e21 ? n.toFixed(0) : String(round(n)));
