/**
 * The words of the annotated copy of an OPD's workbook: the note added to
 * each problem cell and the first sheet, Catatan Pemeriksaan, which lists
 * every finding with a link to its cell and the evidence still missing.
 * Formal Indonesian, English behind --lang en. Pure.
 */
import path from 'node:path';
import type { Diagnostic } from '../model.js';
import type { Lang } from '../i18n.js';
import type { AnnotateInput, CellAnnotation } from '../workbook/annotate.js';
import { dateWords } from '../status/view.js';
import { EVIDENCE_CODES, evidenceRemark, type FeedbackItem, type LetterSettings } from './plan.js';

export interface SheetContext {
  settings: LetterSettings;
  year: number;
  /** "Kabupaten Merangin". */
  district: string;
  lang: Lang;
  /** A diagnostic's sentence (paths shown from the project). */
  message: (d: Diagnostic) => string;
}


const WORDS = {
  id: {
    severity: { error: 'Kesalahan', warning: 'Peringatan', info: 'Informasi' },
    title: (year: number, opd: string) => `Catatan Pemeriksaan Lembar Kerja Evaluasi Mandiri KLA ${year}: ${opd}`,
    checked: (file: string, saved: string | null, office: string, district: string, date: string) =>
      `Lembar kerja ini (${file}${saved ? `, disimpan ${saved}` : ''}) telah diperiksa oleh ${office} ${district} pada ${date}.`,
    found: (e: number, w: number, k: number) =>
      `Hasil pemeriksaan: ${[e > 0 ? `${e} kesalahan yang wajib diperbaiki agar jawaban dapat dinilai` : '', w > 0 ? `${w} hal yang perlu diperiksa kembali` : '', k > 0 ? `${k} data dukung yang belum lengkap` : ''].filter(Boolean).join(', ')}.`,
    ask: (short: string, deadline: string) =>
      'Mohon perbaiki sel yang diberi warna pada lembar kerja ini juga; catatan pada setiap sel tersebut menjelaskan apa yang perlu diperbaiki, dan alamat sel pada daftar di bawah dapat diklik untuk menuju sel itu. ' +
      `Setelah diperbaiki, mohon lembar kerja ini dikirim kembali kepada ${short} paling lambat ${deadline}, beserta berkas data dukungnya. Lembar Catatan Pemeriksaan ini tidak perlu dihapus.`,
    legend: 'Arti warna sel yang ditandai',
    labels: {
      error: 'Kesalahan: wajib diperbaiki agar jawaban dapat dinilai.',
      warning: 'Peringatan: mohon diperiksa kembali dan dilengkapi.',
      info: 'Informasi: untuk diketahui, tidak perlu tindakan.',
    },
    findings: (n: number) => `A. Hal yang perlu diperbaiki (${n})`,
    findingColumns: ['No.', 'Sel', 'Jenis', 'Uraian dan cara memperbaiki'],
    none: 'Tidak ada temuan.',
    onlyEvidence: 'Tidak ada; yang perlu dilengkapi hanya data dukung pada bagian B.',
    wholeFile: 'Seluruh berkas',
    evidence: (n: number) => `B. Data dukung yang belum lengkap (${n})`,
    evidenceColumns: ['No.', 'Sel', 'Pertanyaan', 'Keterangan'],
    notNamed: 'Data dukung belum disebutkan. Tuliskan nama berkas atau tautannya di sel ini, lalu kirimkan berkasnya.',
    notReceived: (files: string) => `Berkas ${files} belum diterima. Mohon kirimkan berkasnya, atau perbaiki namanya bila sudah dikirim dengan nama lain.`,
    receivedEmpty: (files: string) => `Berkas ${files} diterima dalam keadaan kosong (0 byte). Mohon kirimkan kembali berkasnya.`,
    evidenceNone: 'Tidak ada; seluruh data dukung yang diwajibkan telah disebutkan dan diterima.',
    footer: (year: number, opd: string) => `Catatan Pemeriksaan KLA ${year}, ${opd}, halaman {page} dari {pages}`,
    noteHeading: (short: string, date: string) => `Catatan pemeriksaan ${short}, ${date}:`,
  },
  en: {
    severity: { error: 'Error', warning: 'Warning', info: 'Info' },
    title: (year: number, opd: string) => `Review of the KLA ${year} self-evaluation workbook: ${opd}`,
    checked: (file: string, saved: string | null, office: string, district: string, date: string) =>
      `This workbook (${file}${saved ? `, saved ${saved}` : ''}) was checked by the ${office} ${district} on ${date}.`,
    found: (e: number, w: number, k: number) =>
      `Result: ${[e > 0 ? `${e} error${e === 1 ? '' : 's'} to correct so that the answers can be scored` : '', w > 0 ? `${w} point${w === 1 ? '' : 's'} to check again` : '', k > 0 ? `${k} incomplete evidence item${k === 1 ? '' : 's'}` : ''].filter(Boolean).join(', ')}.`,
    ask: (short: string, deadline: string) =>
      'Please correct the coloured cells in this same workbook; the note on each of them says what to correct, and the cell addresses in the list below can be clicked to go there. ' +
      `Then please send this workbook back to the ${short} by ${deadline}, with the evidence files. This review sheet need not be deleted.`,
    legend: 'What the colours of marked cells mean',
    labels: {
      error: 'Error: must be corrected for the answer to be scored.',
      warning: 'Warning: please check again and complete.',
      info: 'Info: for your information, nothing to do.',
    },
    findings: (n: number) => `A. Points to correct (${n})`,
    findingColumns: ['No.', 'Cell', 'Kind', 'What was found and how to correct it'],
    none: 'No findings.',
    onlyEvidence: 'None; only the evidence in part B needs completing.',
    wholeFile: 'Whole file',
    evidence: (n: number) => `B. Incomplete evidence (${n})`,
    evidenceColumns: ['No.', 'Cell', 'Question', 'Remark'],
    notNamed: 'No evidence named. Write the file name or link in this cell, then send the file.',
    notReceived: (files: string) => `${files} not received. Please send the files, or correct their names if they were sent under another name.`,
    receivedEmpty: (files: string) => `${files} arrived empty (0 bytes). Please send the files again.`,
    evidenceNone: 'None; all required evidence is named and received.',
    footer: (year: number, opd: string) => `KLA ${year} review, ${opd}, page {page} of {pages}`,
    noteHeading: (short: string, date: string) => `Review by the ${short}, ${date}:`,
  },
} as const;

/** The sender's short name in notes and instructions: its OPD code (DPPPA), else "DPPPA". */
export const senderShort = (s: LetterSettings) => s.sender?.code ?? 'DPPPA';

/** A save time as a date in words (the workbook records UTC). */
const savedWords = (iso: string | null, lang: Lang) => (iso === null ? null : dateWords(iso.slice(0, 10), lang));

/** A workbook that was checked, and what was found in it. */
export interface ReviewedWorkbook {
  /** Its path as reported (only the base name is shown). */
  file: string;
  /** When it says it was saved. */
  savedAt: string | null;
  /** The OPD it belongs to, by name. */
  opdName: string;
  /** The findings to mark and list (errors, warnings and infos). */
  findings: readonly Diagnostic[];
}

/** The workbook of a feedback item. */
export const reviewedWorkbook = (item: FeedbackItem): ReviewedWorkbook => ({
  file: item.standing.file!,
  savedAt: item.standing.savedAt,
  opdName: item.standing.opd.name,
  findings: item.findings,
});

/** What annotateWorkbook needs for an OPD's workbook: the cells to mark and the review sheet. */
export function annotationInput(w: ReviewedWorkbook, ctx: SheetContext): AnnotateInput {
  const t = WORDS[ctx.lang];
  const file = w.file;
  const short = senderShort(ctx.settings);
  const date = dateWords(ctx.settings.date, ctx.lang);
  const ds = w.findings;
  const annotations: CellAnnotation[] = ds
    .filter((d) => d.location.sheet && d.location.cell)
    .map((d) => ({ sheet: d.location.sheet!, cell: d.location.cell!, severity: d.severity, message: ctx.message(d) }));
  const where = (d: Diagnostic) => (d.location.sheet && d.location.cell ? `${d.location.sheet}!${d.location.cell}` : (d.location.sheet ?? t.wholeFile));
  const link = (d: Diagnostic) => (d.location.sheet && d.location.cell ? { link: { sheet: d.location.sheet, cell: d.location.cell } } : {});
  // Evidence has a section of its own (B); A holds the rest, as the letter's two tables do.
  const evidence = ds.filter((d) => EVIDENCE_CODES.has(d.code));
  const fixes = ds.filter((d) => !EVIDENCE_CODES.has(d.code));
  const count = (s: Diagnostic['severity']) => ds.filter((d) => d.severity === s && !EVIDENCE_CODES.has(d.code)).length;
  const name = w.opdName;
  return {
    annotations,
    author: `${short} ${ctx.district}`,
    noteHeading: t.noteHeading(short, date),
    date: new Date(`${ctx.settings.date}T00:00:00Z`),
    sheet: {
      title: t.title(ctx.year, name),
      intro: [
        t.checked(path.posix.basename(file), savedWords(w.savedAt, ctx.lang), ctx.settings.office, ctx.district, date),
        t.found(count('error'), count('warning'), evidence.length),
        t.ask(short, dateWords(ctx.settings.deadline, ctx.lang)),
      ],
      legend: { heading: t.legend, labels: Object.fromEntries((['error', 'warning', 'info'] as const).filter((s) => ds.some((d) => d.severity === s)).map((s) => [s, t.labels[s]])) },
      sections: [
        {
          heading: t.findings(fixes.length),
          columns: [...t.findingColumns],
          linkColumn: 1,
          rows: fixes.map((d, i) => ({ cells: [i + 1, where(d), t.severity[d.severity], ctx.message(d)], ...link(d), severity: d.severity })),
          empty: evidence.length > 0 ? t.onlyEvidence : t.none,
        },
        {
          heading: t.evidence(evidence.length),
          columns: [...t.evidenceColumns],
          linkColumn: 1,
          rows: evidence.map((d, i) => ({
            cells: [i + 1, where(d), d.questionId ?? '', d.code === 'KLA-W810' ? evidenceRemark(d, t) : t.notNamed],
            ...link(d),
          })),
          empty: t.evidenceNone,
        },
      ],
      footer: t.footer(ctx.year, name),
    },
  };
}
