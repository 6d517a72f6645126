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
  profileDone: () => 'Lembar kerja profil daerah selesai',
  profileLine: (p: { file: string }) => `${'PROFIL'.padEnd(12)} ${p.file} (profil daerah, diisi oleh DPPPA)`,
  templatesWritten: (p: { count: number; dir: string; profile: boolean }) =>
    `${p.count} templat ditulis ke ${p.dir}. Kirimkan setiap templat OPD kepada OPD yang bersangkutan${p.profile ? '; lembar kerja profil daerah diisi oleh DPPPA sendiri' : ''}.`,
  projectCreated: (p: { dir: string; district: string; year: number; catalog: string; opds: number }) => `Proyek dibuat: ${p.dir} (${p.district}, tahun ${p.year}, katalog ${p.catalog}, ${p.opds} OPD)`,
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
  reportPdfWritten: (p: { file: string; pages: number }) => `Laporan kerja tim ditulis ke ${p.file} (${p.pages} halaman).`,
  totals: (p: { total: string; predikat: string; forecast: string; forecastPredikat: string }) =>
    `Perkiraan nilai evaluasi mandiri ${p.total} (${p.predikat}); prakiraan setelah verifikasi ${p.forecast} (${p.forecastPredikat}).`,
  noPredikat: () => 'belum berpredikat',
  note: () => 'Catatan',
  warning: () => 'Perhatian',
} satisfies Table;

const en: { [K in keyof typeof id]: (typeof id)[K] } = {
  checking: () => 'Checking the OPD workbooks…',
  scoring: () => 'Scoring…',
  rendering: () => 'Rendering the PDF…',
  writingTemplates: () => 'Writing OPD templates…',
  templateDone: (p) => `Template ${p.opd} done`,
  templateLine: (p) => `${p.opd.padEnd(12)} ${p.file} (${p.questions} question${p.questions === 1 ? '' : 's'})`,
  profileDone: () => 'Profile workbook done',
  profileLine: (p) => `${'PROFILE'.padEnd(12)} ${p.file} (district profile, filled in by the DPPPA)`,
  templatesWritten: (p) =>
    `${p.count} template${p.count === 1 ? '' : 's'} written to ${p.dir}. Send each OPD template to its OPD${p.profile ? '; the profile workbook is filled in by the DPPPA itself' : ''}.`,
  projectCreated: (p) => `Project created: ${p.dir} (${p.district}, year ${p.year}, catalog ${p.catalog}, ${p.opds} OPDs)`,
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
  reportPdfWritten: (p) => `Team working report written to ${p.file} (${p.pages} pages).`,
  totals: (p) => `Self-evaluation estimate ${p.total} (${p.predikat}); verification forecast ${p.forecast} (${p.forecastPredikat}).`,
  noPredikat: () => 'no predikat',
  note: () => 'Note',
  warning: () => 'Warning',
};

export type MessageKey = keyof typeof id;
type ParamsOf<K extends MessageKey> = Parameters<(typeof id)[K]>[0];

const TABLES = { id, en } as const;

/** A sentence in the language asked for. */
export function say<K extends MessageKey>(lang: Lang, key: K, ...params: ParamsOf<K> extends undefined ? [] : [ParamsOf<K>]): string {
  const f = TABLES[lang][key] as (p: unknown) => string;
  return f(params[0]);
}
