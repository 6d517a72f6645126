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
  templateDone: (p: { opd: string; done: number; total: number }) => `Templat ${p.opd} selesai (${p.done} dari ${p.total})`,
  templateLine: (p: { opd: string; file: string; questions: number }) => `${p.opd.padEnd(12)} ${p.file} (${p.questions} pertanyaan)`,
  profileDone: (p: { done: number; total: number }) => `Lembar kerja profil daerah selesai (${p.done} dari ${p.total})`,
  profileLine: (p: { file: string }) => `${'PROFIL'.padEnd(12)} ${p.file} (profil daerah, diisi oleh DPPPA)`,
  templatesWritten: (p: { count: number; dir: string; profile: boolean }) =>
    `${p.count} templat ditulis ke ${p.dir}. Kirimkan setiap templat OPD kepada OPD yang bersangkutan${p.profile ? '; lembar kerja profil daerah diisi oleh DPPPA sendiri' : ''}.`,
  writingMatrix: () => 'Menyusun matriks Kelana/Dekela…',
  matrixDone: (p: { done: number; total: number }) => `Matriks selesai (${p.done} dari ${p.total})`,
  matrixLine: (p: { file: string; kecamatan: string | null; kecamatanRows: number; desaRows: number }) =>
    `${'MATRIKS'.padEnd(12)} ${p.file} (${p.kecamatan ? `Kec. ${p.kecamatan}, ` : ''}${p.kecamatanRows} kecamatan, ${p.desaRows} desa/kelurahan)`,
  matrixWritten: (p: { count: number; dir: string; perKecamatan: boolean }) =>
    `${p.count} matriks Kelana/Dekela ditulis ke ${p.dir}. ${p.perKecamatan ? 'Kirimkan setiap matriks kepada kecamatan yang bersangkutan. ' : ''}Matriks yang telah diisi diletakkan di folder kiriman dan diperiksa dengan kla validate.`,
  askDistrict: () => 'Kabupaten/kota yang dievaluasi (mis. Kabupaten Merangin atau Kota Jambi): ',
  askProvince: () => 'Provinsi (mis. Jambi): ',
  projectCreated: (p: { dir: string; district: string; province: string; year: number; catalog: string; opds: number }) =>
    `Proyek dibuat: ${p.dir} (${p.district}, Provinsi ${p.province}, tahun evaluasi ${p.year}, katalog ${p.catalog}, ${p.opds} OPD)`,
  projectConfig: (p: { file: string }) => `  konfigurasi: ${p.file}`,
  projectFolders: (p: { folders: string }) => `  folder: ${p.folders}`,
  nextSteps: () => 'Langkah berikutnya:',
  nextCheckConfig: (p: { file: string; kabupaten: boolean }) =>
    `  1. Periksa dan lengkapi ${p.file}: nama penandatangan${p.kabupaten ? ', ibu kota kabupaten ("profile": { "capital": … }, tempat dokumen dan surat ditandatangani)' : ''} serta daftar OPD dan nama lain yang dipakainya.`,
  nextTemplates: (p: { command: string }) => `  2. Buat templat Excel untuk setiap OPD:\n       ${p.command}`,
  nextValidate: (p: { folder: string; command: string }) =>
    `  3. Kirim setiap templat kepada OPD-nya. Simpan lembar kerja yang dikembalikan di folder ${p.folder}, lalu periksa:\n       ${p.command}`,
  nextFeedback: (p: { command: string }) => `  4. Susun surat dan salinan lembar kerja bertanda bagi OPD yang lembar kerjanya perlu diperbaiki atau belum diterima:\n       ${p.command}`,
  nextBuild: (p: { command: string }) => `  5. Susun dokumen evaluasi (PDF):\n       ${p.command}`,
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
  statusWritten: (p: { file: string }) => `Status OPD ditulis ke ${p.file}.`,
  feedbackWritten: (p: { opds: number; files: number; dir: string }) => `Umpan balik untuk ${p.opds} OPD (${p.files} berkas) ditulis ke ${p.dir}:`,
  feedbackProblems: (p: { errors: number; warnings: number; evidence: number }) =>
    `perlu perbaikan: ${p.errors} kesalahan, ${p.warnings} peringatan, ${p.evidence} data dukung belum lengkap`,
  feedbackUnusable: (p: { file: string; foreign: boolean; letter: boolean }) =>
    `${p.foreign ? 'lembar kerja tahun atau kabupaten/kota lain' : 'berkas tidak dapat dibaca'}, tidak diberi catatan: ${p.file}${p.letter ? '; surat meminta templat diisi kembali' : ''}`,
  feedbackMissing: (p: { letter: boolean }) => `belum mengirim lembar kerja${p.letter ? '; surat pengingat' : ''}`,
  feedbackNoLetter: () => '(tanpa surat: OPD pengirim surat atau "letter": "none")',
  feedbackClean: (p: { opds: string }) => `Tanpa temuan, tidak perlu umpan balik: ${p.opds}.`,
  earlierFiles: (p: { what: 'feedback' | 'templates'; fate: 'removed' | 'changed' | 'busy'; count: number }) => {
    const files = p.what === 'feedback' ? 'Berkas umpan balik' : 'Templat';
    const command = p.what === 'feedback' ? 'kla feedback' : 'kla template';
    return {
      removed: `${files} sebelumnya yang tidak berlaku lagi telah dihapus (${p.count}):`,
      changed: `${files} sebelumnya yang tidak berlaku lagi dibiarkan karena telah diubah sesudah disusun (${p.count}); mohon jangan dikirimkan:`,
      busy: `${files} sebelumnya yang tidak berlaku lagi belum dapat dihapus karena sedang dibuka di program lain (${p.count}); mohon tutup lalu jalankan ${command} kembali:`,
    }[p.fate];
  },
} satisfies Table;

const en: { [K in keyof typeof id]: (typeof id)[K] } = {
  checking: () => 'Checking the OPD workbooks…',
  scoring: () => 'Scoring…',
  rendering: () => 'Rendering the PDF…',
  writingTemplates: () => 'Writing OPD templates…',
  templateDone: (p) => `Template ${p.opd} done (${p.done} of ${p.total})`,
  templateLine: (p) => `${p.opd.padEnd(12)} ${p.file} (${p.questions} question${p.questions === 1 ? '' : 's'})`,
  profileDone: (p) => `Profile workbook done (${p.done} of ${p.total})`,
  profileLine: (p) => `${'PROFILE'.padEnd(12)} ${p.file} (district profile, filled in by the DPPPA)`,
  templatesWritten: (p) =>
    `${p.count} template${p.count === 1 ? '' : 's'} written to ${p.dir}. Send each OPD template to its OPD${p.profile ? '; the profile workbook is filled in by the DPPPA itself' : ''}.`,
  writingMatrix: () => 'Writing the Kelana/Dekela matrix…',
  matrixDone: (p) => `Matrix done (${p.done} of ${p.total})`,
  matrixLine: (p) => `${'MATRIX'.padEnd(12)} ${p.file} (${p.kecamatan ? `kecamatan ${p.kecamatan}, ` : ''}${p.kecamatanRows} kecamatan, ${p.desaRows} desa/kelurahan)`,
  matrixWritten: (p) =>
    `${p.count} Kelana/Dekela matri${p.count === 1 ? 'x' : 'ces'} written to ${p.dir}. ${p.perKecamatan ? 'Send each matrix to its kecamatan. ' : ''}Put the filled matrices in the submissions folder and check them with kla validate.`,
  askDistrict: () => 'District evaluated (e.g. Kabupaten Merangin or Kota Jambi): ',
  askProvince: () => 'Province (e.g. Jambi): ',
  projectCreated: (p) => `Project created: ${p.dir} (${p.district}, Provinsi ${p.province}, evaluated year ${p.year}, catalog ${p.catalog}, ${p.opds} OPDs)`,
  projectConfig: (p) => `  config: ${p.file}`,
  projectFolders: (p) => `  folders: ${p.folders}`,
  nextSteps: () => 'Next steps:',
  nextCheckConfig: (p) =>
    `  1. Check and complete ${p.file}: the signatories' names${p.kabupaten ? ', the kabupaten\'s capital ("profile": { "capital": … }, where the dossier and letters are signed)' : ''}, and the OPD list with the other names each OPD goes by.`,
  nextTemplates: (p) => `  2. Write one Excel template per OPD:\n       ${p.command}`,
  nextValidate: (p) => `  3. Send each template to its OPD. Put the returned workbooks into the folder ${p.folder}, then check them:\n       ${p.command}`,
  nextFeedback: (p) => `  4. Write the letters and annotated workbooks for the OPDs whose workbooks need corrections or have not arrived:\n       ${p.command}`,
  nextBuild: (p) => `  5. Render the evaluation dossier (PDF):\n       ${p.command}`,
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
  statusWritten: (p) => `OPD status written to ${p.file}.`,
  feedbackWritten: (p) => `Feedback for ${p.opds} OPD${p.opds === 1 ? '' : 's'} (${p.files} file${p.files === 1 ? '' : 's'}) written to ${p.dir}:`,
  feedbackProblems: (p) => `to correct: ${p.errors} error${p.errors === 1 ? '' : 's'}, ${p.warnings} warning${p.warnings === 1 ? '' : 's'}, ${p.evidence} incomplete evidence`,
  feedbackUnusable: (p) => `${p.foreign ? 'workbook of another year or district' : 'file cannot be read'}, not annotated: ${p.file}${p.letter ? '; the letter asks for the template to be filled again' : ''}`,
  feedbackMissing: (p) => `no workbook received${p.letter ? '; reminder letter' : ''}`,
  feedbackNoLetter: () => '(no letter: the sending OPD, or "letter": "none")',
  feedbackClean: (p) => `No findings, no feedback needed: ${p.opds}.`,
  earlierFiles: (p) => {
    const files = p.what === 'feedback' ? 'feedback files' : 'templates';
    const command = p.what === 'feedback' ? 'kla feedback' : 'kla template';
    return {
      removed: `Earlier ${files} no longer valid, removed (${p.count}):`,
      changed: `Earlier ${files} no longer valid, left in place because they were changed after they were written (${p.count}); please do not send them:`,
      busy: `Earlier ${files} no longer valid that could not be removed because another program has them open (${p.count}); please close them and run ${command} again:`,
    }[p.fate];
  },
};

export type MessageKey = keyof typeof id;
type ParamsOf<K extends MessageKey> = Parameters<(typeof id)[K]>[0];

const TABLES = { id, en } as const;

/** A sentence in the language asked for. */
export function say<K extends MessageKey>(lang: Lang, key: K, ...params: ParamsOf<K> extends undefined ? [] : [ParamsOf<K>]): string {
  const f = TABLES[lang][key] as (p: unknown) => string;
  return f(params[0]);
}
