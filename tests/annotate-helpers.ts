/**
 * Test helpers for annotated feedback workbooks: the annotation input made
 * from one file's validation findings (as `kla feedback` would word it), and
 * readers for the raw parts of a result.
 */
import path from 'node:path';
import type { Diagnostic } from '../src/model.js';
import type { ValidationReport } from '../src/validate/index.js';
import { formatMessage } from '../src/diagnostics/index.js';
import type { AnnotateInput, CellAnnotation } from '../src/workbook/annotate.js';
import { unzipAll } from './validate-helpers.js';

export const FEEDBACK_DATE = new Date(Date.UTC(2026, 11, 12, 9, 30, 0));
export const NOTE_HEADING = 'Catatan pemeriksaan DPPPA, 12 Desember 2026:';

const SEVERITY_WORD = { error: 'Kesalahan', warning: 'Peringatan', info: 'Informasi' } as const;

/** Findings of one file: those located at a cell are annotated; all are listed. */
export function feedbackInput(report: ValidationReport, file: string, opdName: string): AnnotateInput {
  const mine = report.diagnostics.filter((d) => d.location.file === file && d.code !== 'KLA-I013');
  const annotations: CellAnnotation[] = mine
    .filter((d) => d.location.sheet && d.location.cell)
    .map((d) => ({ sheet: d.location.sheet!, cell: d.location.cell!, severity: d.severity, message: formatMessage(d, 'id') }));
  const where = (d: Diagnostic) => (d.location.sheet && d.location.cell ? `${d.location.sheet}!${d.location.cell}` : d.location.sheet ?? 'Seluruh berkas');
  const evidence = mine.filter((d) => d.code === 'KLA-W222');
  return {
    annotations,
    author: 'DPPPA Kabupaten Merangin',
    noteHeading: NOTE_HEADING,
    date: FEEDBACK_DATE,
    sheet: {
      title: `Catatan Pemeriksaan Lembar Kerja KLA 2026 — ${opdName}`,
      intro: [
        `Lembar kerja yang Bapak/Ibu kirimkan (${path.posix.basename(file)}) telah diperiksa oleh DPPPA Kabupaten Merangin pada 12 Desember 2026.`,
        'Mohon perbaiki hal-hal di bawah ini pada lembar kerja ini juga, lalu kirimkan kembali kepada DPPPA paling lambat 19 Desember 2026. ' +
          'Sel yang perlu diperbaiki diberi warna dan catatan; klik alamat sel pada daftar untuk menuju sel tersebut. Lembar ini tidak perlu dihapus.',
      ],
      legend: {
        heading: 'Arti warna sel yang ditandai',
        labels: {
          error: 'Kesalahan: wajib diperbaiki agar jawaban dapat dinilai.',
          warning: 'Peringatan: mohon diperiksa kembali dan dilengkapi.',
          info: 'Informasi: untuk diketahui.',
        },
      },
      sections: [
        {
          heading: `A. Hal yang perlu diperbaiki (${mine.length})`,
          columns: ['No.', 'Sel', 'Jenis', 'Kode', 'Uraian dan cara memperbaiki'],
          linkColumn: 1,
          rows: mine.map((d, i) => ({
            cells: [i + 1, where(d), SEVERITY_WORD[d.severity], d.code, formatMessage(d, 'id')],
            ...(d.location.sheet && d.location.cell ? { link: { sheet: d.location.sheet, cell: d.location.cell } } : {}),
            severity: d.severity,
          })),
          empty: 'Tidak ada temuan.',
        },
        {
          heading: `B. Data dukung yang belum disebutkan (${evidence.length})`,
          columns: ['No.', 'Sel', 'Pertanyaan', 'Keterangan'],
          linkColumn: 1,
          rows: evidence.map((d, i) => ({
            cells: [i + 1, where(d), String(d.params.question ?? d.questionId ?? ''), 'Tuliskan nama berkas atau tautan data dukung, lalu kirimkan berkasnya kepada DPPPA.'],
            ...(d.location.sheet && d.location.cell ? { link: { sheet: d.location.sheet, cell: d.location.cell } } : {}),
          })),
          empty: 'Tidak ada; seluruh data dukung yang diwajibkan telah disebutkan.',
        },
      ],
      footer: `Catatan Pemeriksaan KLA 2026 — ${opdName} — Halaman {page} dari {pages}`,
    },
  };
}

/** Every part of a zip as text, by name. */
export async function partsOf(buf: Buffer): Promise<Map<string, Buffer>> {
  return new Map((await unzipAll(buf)).map((e) => [e.name, e.data]));
}

/** The part of a sheet by its name, through the workbook and its relationships. */
export function sheetPart(parts: Map<string, Buffer>, name: string): string {
  const wb = parts.get('xl/workbook.xml')!.toString('utf8');
  const rels = parts.get('xl/_rels/workbook.xml.rels')!.toString('utf8');
  const tag = [...wb.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]).find((t) => decode(/\sname="([^"]*)"/.exec(t)![1]!) === name);
  if (!tag) throw new Error(`no sheet ${name}`);
  const rid = /\sr:id="([^"]*)"/.exec(tag)![1];
  const target = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`Id="${rid}"`))!;
  const t = /Target="([^"]*)"/.exec(target)![1]!;
  return t.startsWith('/') ? t.slice(1) : `xl/${t}`;
}

export const decode = (s: string) =>
  s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e]!,
  );

/** Hyperlinks of a sheet part: cell, location and the cell's own text. */
export function hyperlinks(xml: string): { ref: string; location: string; text: string }[] {
  const texts = new Map([...xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*t="inlineStr"[^>]*><is><t[^>]*>([^<]*)<\/t><\/is><\/c>/g)].map((m) => [m[1]!, decode(m[2]!)]));
  return [...xml.matchAll(/<hyperlink\b[^>]*>/g)].map((m) => {
    const ref = /\sref="([^"]*)"/.exec(m[0])![1]!;
    return { ref, location: decode(/\slocation="([^"]*)"/.exec(m[0])![1]!), text: texts.get(ref) ?? '' };
  });
}

/** The inline strings of a sheet part, in order. */
export function inlineStrings(xml: string): string[] {
  return [...xml.matchAll(/<is><t[^>]*>([^<]*)<\/t><\/is>/g)].map((m) => decode(m[1]!));
}
