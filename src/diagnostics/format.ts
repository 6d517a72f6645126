/**
 * Words for diagnostics: one sentence per diagnostic, from the message tables
 * of the registry, in the language asked for. Paths in parameters are shown by
 * the one display rule (src/paths.ts) relative to the folder given.
 */
import type { Diagnostic } from '../model.js';
import type { Lang } from '../i18n.js';
import { formatNumber } from '../i18n.js';
import path from 'node:path';
import { displayPath } from '../paths.js';
import { CODES, isCode } from './codes/index.js';
import type { Fmt } from './registry.js';

const FIELD_LABELS: Record<Lang, Record<string, string>> = {
  id: {
    opdName: 'Nama OPD',
    opdCode: 'Kode OPD',
    district: 'Kabupaten/Kota',
    year: 'Tahun evaluasi',
    dataYears: 'Tahun data yang dievaluasi',
    officerName: 'Nama lengkap petugas data anak',
    officerNip: 'NIP petugas data anak',
    officerPosition: 'Jabatan petugas data anak',
    officerPhone: 'Nomor telepon/WhatsApp petugas data anak',
    officerEmail: 'Alamat e-mail petugas data anak',
    headName: 'Nama lengkap Kepala Perangkat Daerah',
    headNip: 'NIP Kepala Perangkat Daerah',
    headPosition: 'Jabatan Kepala Perangkat Daerah',
  },
  en: {
    opdName: 'OPD name',
    opdCode: 'OPD code',
    district: 'District',
    year: 'Evaluation year',
    dataYears: 'Data years evaluated',
    officerName: "Data officer's full name",
    officerNip: "Data officer's NIP",
    officerPosition: "Data officer's position",
    officerPhone: "Data officer's phone/WhatsApp number",
    officerEmail: "Data officer's e-mail address",
    headName: "Head of office's full name",
    headNip: "Head of office's NIP",
    headPosition: "Head of office's position",
  },
};

/** Longest piece of outside text quoted in a message. */
const QUOTE_MAX = 160;

/** Where paths in parameters are relative to, and where they are shown from. */
export interface FormatContext {
  /** Relative paths in parameters are relative to this folder (the folder the run was made in). Absent: paths as stored. */
  cwd?: string;
  /** Paths are shown relative to this folder when inside it, else in full (default: `cwd`). A dossier shows them from the project. */
  base?: string;
  /** Paths by the file's name alone: for what goes to the OPDs (letters, annotated copies), whose readers do not know the DPPPA's folders. */
  namesOnly?: boolean;
  /** The full name of an OPD by its code, for what goes to the OPDs and officials ("Bagian Hukum Sekretariat Daerah" for HUKUM). Absent: the code. */
  opdName?: (code: string) => string | undefined;
}

/**
 * Characters that must never reach a terminal or a report as they are: C0 and
 * C1 controls (escape sequences set window titles, clear screens, colour
 * text), DEL, and the bidirectional controls that reorder what is shown.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Outside text (a file, sheet or cell) made safe to show: each unsafe
 * character written visibly as an escape (`\x1b`, `\n`, `\u{202e}`), so the
 * reader sees that it is there and nothing acts on it. JSON output keeps the
 * exact text instead (JSON escapes it).
 */
export function visible(s: string): string {
  return s.replace(UNSAFE, (c) => {
    const n = c.charCodeAt(0);
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u{${n.toString(16)}}`;
  });
}

/**
 * JSON text, two-space indented, in which the characters JSON itself would
 * leave raw but a terminal acts on (C1 controls, bidirectional controls, line
 * separators) are \u-escaped too: parsed, the text is exactly what was read.
 */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(/[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}

const quote = (v: string | number | undefined) => {
  // Outside text may hold anything: escapes shown visibly, bounded length.
  // Not trimmed: " Ya " must show the spaces that made it differ from "Ya".
  const s = String(v ?? '').normalize('NFC');
  const cut = [...s].length > QUOTE_MAX ? `${[...s].slice(0, QUOTE_MAX - 1).join('')}…` : s;
  return visible(cut);
};

/**
 * Items as a sentence lists them: "A dan B", "A, B, dan C". Indonesian puts a
 * comma before "dan" in a list of three or more (PUEBI), as the documents'
 * own sentences do, and English its serial comma.
 */
export function listText(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items[0] ?? '';
  const and = lang === 'id' ? 'dan' : 'and';
  return items.length === 2 ? `${items[0]} ${and} ${items[1]}` : `${items.slice(0, -1).join(', ')}, ${and} ${items[items.length - 1]}`;
}

export function fmtFor(lang: Lang, ctx: FormatContext = {}): Fmt {
  const join = (items: readonly string[]) => listText(items, lang);
  return {
    n: (v) => {
      const x = typeof v === 'number' ? v : Number(v);
      if (!Number.isFinite(x)) return String(v ?? '');
      // No thousands grouping: messages about ambiguous numbers must not add separators of their own.
      const s = String(Math.round(x * 1e9) / 1e9);
      return lang === 'id' ? s.replace('.', ',') : s;
    },
    pts: (v) => {
      const x = typeof v === 'number' ? v : Number(v);
      return Number.isFinite(x) ? formatNumber(x, lang) : String(v ?? '');
    },
    q: quote,
    path: (v) => {
      if (v === undefined || v === '') return quote(v);
      if (ctx.namesOnly) return quote(path.basename(String(v)));
      if (ctx.cwd === undefined) return quote(v);
      return quote(displayPath(path.resolve(ctx.cwd, String(v)), ctx.base ?? ctx.cwd));
    },
    field: (k) => FIELD_LABELS[lang][String(k)] ?? String(k),
    list: (v, max) => {
      const items = (v ?? []).map((x) => quote(x));
      if (max !== undefined && items.length > max) {
        const rest = items.length - max;
        return join([...items.slice(0, max), lang === 'id' ? `${rest} lainnya` : `${rest} more`]);
      }
      return join(items);
    },
    quoted: (v) => (v ?? []).map((x) => `"${quote(x)}"`).join(', '),
    opd: (code) => ctx.opdName?.(String(code)) ?? String(code ?? ''),
  };
}

/** One sentence for a diagnostic, in the language asked for. */
export function formatMessage(d: Diagnostic, lang: Lang, ctx: FormatContext = {}): string {
  if (!isCode(d.code)) return lang === 'id' ? `Temuan ${d.code}.` : `Finding ${d.code}.`;
  const message = CODES[d.code].message[lang] as (p: Diagnostic['params'], f: Fmt) => string;
  return message(d.params, fmtFor(lang, ctx));
}
