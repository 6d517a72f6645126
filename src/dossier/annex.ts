/**
 * The annexes (Lampiran): the OPDs and their petugas data, the evidence per
 * indicator, data-quality notes, the data trail (hashes and cells), the rubric
 * used with the statement that scores are estimates, and in a draft the open
 * problems.
 */
import type { DossierModel, Finding } from './model.js';
import { chapter, COLORS, keep, narrative, para, signature, table, textLines, type PdfNode } from './parts.js';
import type { Narrative } from './templates.js';
import { points } from './text.js';

export function annexes(m: DossierModel, n: Narrative): PdfNode[] {
  return [
    ...opds(m),
    ...evidence(m),
    ...quality(m),
    ...trail(m, n),
    ...rubric(m, n),
    // A draft asked for without errors needs no list of problems.
    ...(m.draft && m.problems.length > 0 ? problems(m, n) : []),
  ];
}

function lines(...xs: (string | false | undefined)[]): PdfNode {
  const kept = xs.filter((x): x is string => typeof x === 'string' && x !== '');
  return kept.length ? textLines(kept) : { text: '–', color: COLORS.muted };
}

function opds(m: DossierModel): PdfNode[] {
  return [
    chapter('LAMPIRAN A PERANGKAT DAERAH DAN PETUGAS DATA'),
    para(
      'Tabel berikut memuat Perangkat Daerah yang menjawab instrumen evaluasi mandiri, berkas lembar kerja yang diterima dari masing-masing, serta petugas data anak dan kepala Perangkat Daerah sebagaimana diisikan pada lembar Identitas.',
    ),
    table({
      caption: 'Tabel A.1 Perangkat Daerah, berkas, dan petugas data',
      widths: [16, 100, 92, '*', 100],
      header: ['No.', 'Perangkat Daerah', 'Berkas', 'Petugas data', 'Kepala Perangkat Daerah'],
      rows: m.opds.map((o, i) => [
        String(i + 1),
        textLines([{ text: o.code, bold: true }, o.name, { text: `${o.questions} pertanyaan`, style: 'note' }]),
        o.files.length ? textLines(o.files) : { text: 'Belum mengirim', style: 'note', color: COLORS.alert },
        lines(o.officer.name, o.officer.nip && `NIP ${o.officer.nip}`, o.officer.position, o.officer.phone, o.officer.email),
        lines(o.head.name, o.head.nip && `NIP ${o.head.nip}`, o.head.position),
      ]),
    }),
  ];
}

function evidence(m: DossierModel): PdfNode[] {
  const withItems = m.evidenceByIndicator.filter((i) => i.items.length > 0);
  return [
    chapter('LAMPIRAN B DAFTAR DATA DUKUNG PER INDIKATOR'),
    para(
      'Untuk setiap indikator, tabel berikut memuat data dukung yang disebutkan Perangkat Daerah pada lembar kerjanya. Pertanyaan yang mewajibkan data dukung tetapi belum dilengkapi ditandai "belum ada".',
    ),
    ...(withItems.length === 0 ? [para('Belum ada data dukung yang disebutkan.')] : []),
    ...withItems.map((ind) =>
      table({
        caption: `Indikator ${ind.id}. ${ind.name}`,
        widths: [34, 64, '*'],
        header: ['No.', 'OPD', 'Data dukung'],
        rows: ind.items.map((it) => [
          { text: it.questionId, bold: true },
          it.opdCode,
          it.entries.length
            ? textLines([...it.entries, ...(it.missing ? [{ text: 'Berkas belum ditemukan', style: 'note', color: COLORS.alert }] : [])])
            : { text: 'Belum ada (wajib)', style: 'note', color: COLORS.alert },
        ]),
        margin: [0, 4, 0, 8],
      }),
    ),
  ];
}

function findingsTable(caption: string, fs: readonly Finding[], empty: string): PdfNode {
  return table({
    caption,
    widths: [20, 120, 58, 50, '*'],
    header: ['No.', 'Berkas', 'Lokasi', 'Kode', 'Uraian'],
    rows: fs.map((f, i) => [
      String(i + 1),
      f.file || '–',
      [f.sheet, f.cell].filter(Boolean).join('!') || '–',
      f.code,
      f.questionId ? `${f.questionId}: ${f.message}` : f.message,
    ]),
    empty,
  });
}

function quality(m: DossierModel): PdfNode[] {
  return [
    chapter('LAMPIRAN C CATATAN KUALITAS DATA'),
    para(
      m.notes.length > 0
        ? `Pemeriksaan lembar kerja menghasilkan ${m.notes.length} catatan yang tidak menghalangi penilaian, tetapi perlu diperhatikan Perangkat Daerah sebelum dokumen diajukan.`
        : 'Pemeriksaan lembar kerja tidak menghasilkan catatan kualitas data.',
    ),
    ...(m.notes.length > 0 ? [findingsTable('Tabel C.1 Catatan kualitas data', m.notes, 'Tidak ada catatan.')] : []),
  ];
}

function trail(m: DossierModel, n: Narrative): PdfNode[] {
  return [
    chapter('LAMPIRAN D JEJAK DATA'),
    ...narrative(n['lampiran-jejak-data']),
    table({
      caption: 'Tabel D.1 Berkas masukan dan sidik SHA-256',
      widths: [16, '*', 56, 262],
      header: ['No.', 'Berkas', 'OPD', 'SHA-256'],
      rows: m.files.map((f, i) => [String(i + 1), f.file, f.opdCode || '–', { text: f.sha256, fontSize: 6.4, characterSpacing: -0.1 }]),
      empty: 'Tidak ada berkas masukan.',
    }),
    ...trailTables(m),
  ];
}

/** One table per workbook: the file name is said once, in the caption, not on every row. */
function trailTables(m: DossierModel): PdfNode[] {
  const byFile = new Map<string, DossierModel['trail']>();
  for (const t of m.trail) byFile.set(t.file, [...(byFile.get(t.file) ?? []), t]);
  if (byFile.size === 0) return [para('Belum ada jawaban yang dinilai.')];
  return [...byFile.keys()].sort().map((file, i) =>
    table({
      caption: `Tabel D.${i + 2} Asal jawaban yang dinilai: ${file}`,
      widths: [40, '*', 50, 60, 40, 60],
      header: ['No.', 'Jawaban', 'Poin', 'Lembar', 'Sel', 'Sel tahun sebelumnya'],
      rows: byFile.get(file)!.map((t) => [{ text: t.questionId, bold: true }, t.value || '–', { text: points(t.points), alignment: 'right' }, t.sheet, t.cell, t.previousCell || '–']),
      margin: [0, 4, 0, 8],
    }),
  );
}

function rubric(m: DossierModel, n: Narrative): PdfNode[] {
  return [
    chapter('LAMPIRAN E RUBRIK ACUAN DAN PERNYATAAN'),
    ...narrative(n['lampiran-pernyataan']),
    para(`Sumber instrumen (${m.catalog.id}): ${m.catalog.provenance}`, { fontSize: 9 }),
    table({
      caption: 'Tabel E.1 Rubrik acuan: bagian nilai maksimum yang diperoleh setiap jawaban',
      widths: [80, '*', 150],
      header: ['Rubrik', 'Keterangan', 'Ketentuan'],
      rows: m.rubrics.map((r) => [{ text: r.title, bold: true }, r.description, textLines(r.lines)]),
    }),
    table({
      caption: 'Tabel E.2 Ketidaksesuaian dalam sumber instrumen dan cara penyelesaiannya',
      widths: [16, 170, '*'],
      header: ['No.', 'Ketidaksesuaian', 'Penyelesaian'],
      rows: m.resolutions.map((r, i) => [String(i + 1), r.issue, r.resolution]),
      empty: 'Tidak ada.',
    }),
    ...keep(para('Lampiran ini disahkan oleh:', { margin: [0, 12, 0, 0] }), [
      signature(m.district.capital || m.district.shortName, m.dateText, m.signatories.coordinator),
    ]),
  ];
}

function problems(m: DossierModel, n: Narrative): PdfNode[] {
  return [
    chapter('LAMPIRAN F MASALAH YANG BELUM DISELESAIKAN'),
    ...narrative(n['lampiran-masalah']),
    findingsTable('Tabel F.1 Kesalahan validasi yang masih terbuka', m.problems, 'Tidak ada kesalahan validasi.'),
  ];
}
