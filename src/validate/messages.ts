/** Words for diagnostics: one sentence per finding, from the message tables in codes.ts. */
import type { Diagnostic } from '../model.js';
import type { Lang } from '../i18n.js';
import { CODES, isCode, type Fmt } from './codes.js';

const FIELD_LABELS: Record<Lang, Record<string, string>> = {
  id: {
    opdName: 'Nama OPD',
    opdCode: 'Kode OPD',
    district: 'Kabupaten/Kota',
    year: 'Tahun yang dievaluasi',
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
    year: 'Evaluated year',
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

/** Longest piece of spreadsheet text quoted in a message. */
const QUOTE_MAX = 160;

export function fmtFor(lang: Lang): Fmt {
  return {
    n: (v) => {
      const x = typeof v === 'number' ? v : Number(v);
      if (!Number.isFinite(x)) return String(v ?? '');
      // No thousands grouping: messages about ambiguous numbers must not add separators of their own.
      const s = String(Math.round(x * 1e9) / 1e9);
      return lang === 'id' ? s.replace('.', ',') : s;
    },
    q: (v) => {
      // Spreadsheet text may hold anything: no control or bidi characters, bounded length.
      const s = String(v ?? '')
        .normalize('NFC')
        // Not trimmed: " Ya " must show the spaces that made it differ from "Ya".
        .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]+/g, ' ');
      return s.length > QUOTE_MAX ? `${s.slice(0, QUOTE_MAX - 1)}…` : s;
    },
    field: (k) => FIELD_LABELS[lang][String(k)] ?? String(k),
  };
}

/** One sentence for a diagnostic, in the language asked for. */
export function formatMessage(d: Diagnostic, lang: Lang): string {
  if (!isCode(d.code)) return lang === 'id' ? `Temuan ${d.code}.` : `Finding ${d.code}.`;
  return CODES[d.code].message[lang](d.params, fmtFor(lang));
}
