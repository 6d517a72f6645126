/**
 * Every sentence the commands print that is not a diagnostic: progress, what
 * was written, next steps. One table, both languages, typed parameters; the
 * command modules word nothing themselves.
 */
import type { Lang } from '../i18n.js';

type Table = Record<string, (p: never) => string>;

const id = {
  checking: () => 'Memeriksa lembar kerja OPD…',
  scoring: () => 'Menghitung nilai…',
  rendering: () => 'Menyusun dokumen PDF…',
  writingTemplates: () => 'Menyusun templat OPD…',
  templateDone: (p: { opd: string }) => `Templat ${p.opd} selesai`,
  templateLine: (p: { opd: string; file: string; questions: number }) => `${p.opd.padEnd(12)} ${p.file} (${p.questions} pertanyaan)`,
  templatesWritten: (p: { count: number; dir: string }) => `${p.count} templat ditulis ke ${p.dir}. Kirimkan setiap berkas kepada OPD yang bersangkutan.`,
  projectCreated: (p: { dir: string; district: string; year: number; opds: number }) => `Proyek dibuat: ${p.dir} (${p.district}, tahun ${p.year}, ${p.opds} OPD)`,
  projectConfig: (p: { file: string }) => `  konfigurasi: ${p.file}`,
  projectFolders: (p: { folders: string }) => `  folder: ${p.folders}`,
  nextSteps: () => 'Langkah berikutnya:',
  nextCheckConfig: (p: { file: string }) => `  1. Periksa dan lengkapi ${p.file} (provinsi, penandatangan, daftar OPD).`,
  nextTemplates: (p: { command: string }) => `  2. Buat templat untuk OPD: ${p.command}`,
  reportWritten: (p: { file: string; errors: number; warnings: number }) => `Laporan ditulis ke ${p.file} (${p.errors} kesalahan, ${p.warnings} peringatan).`,
  summaryNotWritten: (p: { file: string }) => `Ringkasan job tidak dapat ditulis ke ${p.file}.`,
  scoreWritten: (p: { file: string }) => `Hasil penilaian ditulis ke ${p.file}.`,
  dossierWritten: (p: { file: string; pages: number; draft: boolean }) => `Dokumen ${p.draft ? 'DRAF ' : ''}ditulis ke ${p.file} (${p.pages} halaman).`,
  recapWritten: (p: { file: string }) => `Rekap Excel ditulis ke ${p.file}.`,
  totals: (p: { total: string; predikat: string; forecast: string; forecastPredikat: string }) =>
    `Perkiraan nilai evaluasi mandiri ${p.total} (${p.predikat}); prakiraan setelah verifikasi ${p.forecast} (${p.forecastPredikat}).`,
  noPredikat: () => 'belum berpredikat',
  note: () => 'Catatan',
  warning: () => 'Perhatian',
  statusWritten: (p: { file: string }) => `Status OPD ditulis ke ${p.file}.`,
  feedbackWritten: (p: { opds: number; files: number; dir: string }) => `Umpan balik untuk ${p.opds} OPD (${p.files} berkas) ditulis ke ${p.dir}:`,
  feedbackProblems: (p: { errors: number; warnings: number; evidence: number }) =>
    `perlu perbaikan: ${p.errors} kesalahan, ${p.warnings} peringatan, ${p.evidence} data dukung belum lengkap`,
  feedbackUnusable: (p: { file: string; foreign: boolean; letter: boolean }) =>
    `${p.foreign ? 'lembar kerja tahun atau kabupaten/kota lain' : 'berkas tidak dapat dibaca'}, tidak diberi catatan: ${p.file}${p.letter ? '; surat meminta templat diisi kembali' : ''}`,
  feedbackMissing: (p: { letter: boolean }) => `belum mengirim lembar kerja${p.letter ? '; surat pengingat' : ''}`,
  feedbackNoLetter: () => '(tanpa surat: OPD pengirim surat atau "letter": "none")',
  feedbackClean: (p: { opds: string }) => `Tanpa temuan, tidak perlu umpan balik: ${p.opds}.`,
} satisfies Table;

const en: { [K in keyof typeof id]: (typeof id)[K] } = {
  checking: () => 'Checking the OPD workbooks…',
  scoring: () => 'Scoring…',
  rendering: () => 'Rendering the PDF…',
  writingTemplates: () => 'Writing OPD templates…',
  templateDone: (p) => `Template ${p.opd} done`,
  templateLine: (p) => `${p.opd.padEnd(12)} ${p.file} (${p.questions} question${p.questions === 1 ? '' : 's'})`,
  templatesWritten: (p) => `${p.count} template${p.count === 1 ? '' : 's'} written to ${p.dir}. Send each file to its OPD.`,
  projectCreated: (p) => `Project created: ${p.dir} (${p.district}, year ${p.year}, ${p.opds} OPDs)`,
  projectConfig: (p) => `  config: ${p.file}`,
  projectFolders: (p) => `  folders: ${p.folders}`,
  nextSteps: () => 'Next steps:',
  nextCheckConfig: (p) => `  1. Check and complete ${p.file} (province, signatories, OPD list).`,
  nextTemplates: (p) => `  2. Write the OPD templates: ${p.command}`,
  reportWritten: (p) => `Report written to ${p.file} (${p.errors} errors, ${p.warnings} warnings).`,
  summaryNotWritten: (p) => `The job summary could not be written to ${p.file}.`,
  scoreWritten: (p) => `Score written to ${p.file}.`,
  dossierWritten: (p) => `${p.draft ? 'DRAFT dossier' : 'Dossier'} written to ${p.file} (${p.pages} pages).`,
  recapWritten: (p) => `Recap workbook written to ${p.file}.`,
  totals: (p) => `Self-evaluation estimate ${p.total} (${p.predikat}); verification forecast ${p.forecast} (${p.forecastPredikat}).`,
  noPredikat: () => 'no predikat',
  note: () => 'Note',
  warning: () => 'Warning',
  statusWritten: (p) => `OPD status written to ${p.file}.`,
  feedbackWritten: (p) => `Feedback for ${p.opds} OPD${p.opds === 1 ? '' : 's'} (${p.files} file${p.files === 1 ? '' : 's'}) written to ${p.dir}:`,
  feedbackProblems: (p) => `to correct: ${p.errors} error${p.errors === 1 ? '' : 's'}, ${p.warnings} warning${p.warnings === 1 ? '' : 's'}, ${p.evidence} incomplete evidence`,
  feedbackUnusable: (p) => `${p.foreign ? 'workbook of another year or district' : 'file cannot be read'}, not annotated: ${p.file}${p.letter ? '; the letter asks for the template to be filled again' : ''}`,
  feedbackMissing: (p) => `no workbook received${p.letter ? '; reminder letter' : ''}`,
  feedbackNoLetter: () => '(no letter: the sending OPD, or "letter": "none")',
  feedbackClean: (p) => `No findings, no feedback needed: ${p.opds}.`,
};

export type MessageKey = keyof typeof id;
type ParamsOf<K extends MessageKey> = Parameters<(typeof id)[K]>[0];

const TABLES = { id, en } as const;

/** A sentence in the language asked for. */
export function say<K extends MessageKey>(lang: Lang, key: K, ...params: ParamsOf<K> extends undefined ? [] : [ParamsOf<K>]): string {
  const f = TABLES[lang][key] as (p: unknown) => string;
  return f(params[0]);
}
