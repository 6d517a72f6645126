/**
 * `kla build --xlsx`: a consolidated recap workbook beside the dossier, for
 * analysts (every answer of every OPD, points per question, indicator and
 * group). The rows are built here, purely; src/workbook/recap.ts writes them.
 *
 * Spreadsheet text goes back into a spreadsheet here, so any text that starts
 * like a formula (=, +, -, @, or a tab/CR) is prefixed with an apostrophe: it
 * can never run as a formula, in Excel or after a CSV export.
 */
import type { Submission } from '../model.js';
import type { DossierModel } from './model.js';
import { answerText, cleanText, percent } from './text.js';
import type { Catalog } from '../catalog/load.js';
import type { RecapSheet, RecapValue } from '../workbook/recap.js';


/** Text that a spreadsheet could take for a formula, made inert. */
export function neutralize(v: RecapValue): RecapValue {
  return typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** The recap's sheets. Pure. */
export function recapSheets(m: DossierModel, catalog: Catalog, submissions: readonly Submission[]): RecapSheet[] {
  const s = m.summary;
  const questions = m.groups.flatMap((g) => g.indicators.flatMap((i) => i.questions.map((q) => ({ g, i, q }))));
  const sheets: RecapSheet[] = [
    {
      name: 'Ringkasan',
      columns: [{ header: 'Uraian', width: 44 }, { header: 'Nilai', width: 40 }],
      rows: [
        ['Kabupaten/Kota', m.district.name],
        ['Provinsi', m.district.province],
        ['Tahun evaluasi', m.year],
        ['Tahun data yang dievaluasi', m.dataYears.evaluated],
        ['Tahun data sebelumnya', m.dataYears.previous],
        ['Nilai evaluasi mandiri (perkiraan)', round(s.total)],
        ['Predikat', s.predikat ?? 'Belum berpredikat'],
        ['Prakiraan setelah verifikasi', round(m.forecast.total)],
        ['Predikat prakiraan', m.forecast.predikat ?? 'Belum berpredikat'],
        ['Nilai maksimum', s.max],
        ['Pertanyaan dijawab', `${s.answered} dari ${s.questions}`],
        ['Katalog', m.catalog.title],
        ['Tanggal dokumen', m.dateText || 'belum ditetapkan'],
        ['Keterangan', 'Nilai adalah perkiraan evaluasi mandiri berdasarkan rubrik acuan, bukan nilai resmi.'],
      ],
    },
    {
      name: 'Kelompok',
      columns: [
        { header: 'Kelompok', width: 16 },
        { header: 'Nama', width: 50 },
        { header: 'Nilai maks.', width: 12 },
        { header: 'Nilai', width: 12 },
        { header: 'Capaian', width: 10 },
        { header: 'Prakiraan verifikasi', width: 18 },
      ],
      rows: m.groups.map((g) => [g.label, g.name, g.max, round(g.points), percent(g.points, g.max), round(g.forecastPoints)]),
    },
    {
      name: 'Indikator',
      columns: [
        { header: 'Indikator', width: 10 },
        { header: 'Kelompok', width: 16 },
        { header: 'Nama', width: 60 },
        { header: 'Nilai maks.', width: 12 },
        { header: 'Nilai', width: 12 },
        { header: 'Capaian', width: 10 },
        { header: 'Prakiraan verifikasi', width: 18 },
      ],
      rows: m.groups.flatMap((g) => g.indicators.map((i) => [i.id, g.label, i.name, round(i.max), round(i.points), percent(i.points, i.max), round(i.forecastPoints)])),
    },
    {
      name: 'Pertanyaan',
      columns: [
        { header: 'No.', width: 8 },
        { header: 'Indikator', width: 10 },
        { header: 'Kelompok', width: 14 },
        { header: 'Pertanyaan', width: 60 },
        { header: `Jawaban (data ${m.dataYears.evaluated})`, width: 28 },
        { header: `Tahun ${m.dataYears.previous}`, width: 16 },
        { header: 'Poin', width: 10 },
        { header: 'Poin maks.', width: 10 },
        { header: 'Prakiraan verifikasi', width: 12 },
        { header: 'Status', width: 14 },
        { header: 'Data dukung', width: 40 },
        { header: 'Data dukung belum lengkap', width: 12 },
        { header: 'OPD', width: 12 },
        { header: 'OPD penanggung jawab', width: 24 },
        { header: 'Berkas', width: 36 },
        { header: 'Sel', width: 12 },
      ],
      rows: questions.map(({ g, i, q }) => [
        q.id,
        i.id,
        g.label,
        q.text,
        q.answer,
        q.previous,
        round(q.points),
        round(q.max),
        round(q.forecastPoints),
        STATUS[q.status],
        q.evidence.join('; '),
        q.evidenceRequired && q.evidenceMissing ? 'ya' : '',
        q.opdCode ?? '',
        q.responsible.join(', '),
        q.source?.file ?? '',
        q.source ? `${q.source.sheet}!${q.source.cell}` : '',
      ]),
    },
    {
      name: 'Jawaban OPD',
      columns: [
        { header: 'OPD', width: 12 },
        { header: 'No.', width: 8 },
        { header: `Jawaban (data ${m.dataYears.evaluated})`, width: 28 },
        { header: `Tahun ${m.dataYears.previous}`, width: 16 },
        { header: 'Data dukung', width: 40 },
        { header: 'Catatan', width: 50 },
        { header: 'Dihitung', width: 10 },
        { header: 'Berkas', width: 36 },
        { header: 'Sel', width: 12 },
      ],
      rows: [...submissions]
        .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
        .flatMap((sub) =>
          sub.answers.map((a) => {
            const type = catalog.questionById.get(a.questionId)?.answerType;
            return [
              a.opdCode,
              a.questionId,
              answerText(a.value, type),
              answerText(a.previous, type),
              a.evidence.join('; '),
              a.note,
              a.invalid ? 'tidak (kesalahan)' : 'ya',
              a.cells.answer.file,
              `${a.cells.answer.sheet}!${a.cells.answer.cell}`,
            ];
          }),
        ),
    },
  ];
  // Cleaned too: raw answers and notes may hold control characters, which are not even valid XML.
  return sheets.map((sh) => ({ ...sh, rows: sh.rows.map((r) => r.map((v) => neutralize(typeof v === 'string' ? cleanText(v, 4000) : v))) }));
}

const STATUS: Record<DossierModel['groups'][number]['indicators'][number]['questions'][number]['status'], string> = {
  answered: 'dijawab',
  unanswered: 'belum dijawab',
  ignored: 'tidak dihitung',
  overridden: 'diubah',
};
