/**
 * The DPPPA team's working report (Laporan Kerja Tim KLA): what the dossier
 * leaves out because it is internal. The verification forecast and how close
 * it lies to a band edge, answers on which OPDs disagree and how each was
 * settled, the open problems of every OPD with its officer's contacts, the
 * full plan towards the next predikat, the data trail (the SHA-256 of every
 * input and the cell behind every scored answer), the reference rubric and how
 * the catalog settled the source's inconsistencies.
 */
import type { DossierModel } from './model.js';
import { figure, table as float, type Numbering, type Part } from './outline.js';
import type { DocumentSpec } from './layout.js';
import { nodeId } from './layout.js';
import { scoreChart } from './chart.js';
import { COLORS, facts, PAGE, para, table, textLines } from './parts.js';
import { count, maximum, points } from './text.js';

const right = (t: string) => ({ text: t, alignment: 'right' });
const SEVERITY: Record<string, string> = { error: 'Kesalahan', warning: 'Peringatan', info: 'Informasi' };
const STEP: Record<string, string> = { evidence: 'Lengkapi data dukung', answer: 'Isi atau perbaiki jawaban', improve: 'Tingkatkan capaian' };

export function reportOutline(m: DossierModel): Part[] {
  return [ringkasan(m), prakiraan(m), konflik(m), masalah(m), rencana(m), jejak(m), rubrik(m)];
}

/**
 * The kecamatan and desa/kelurahan whose matrix rows earn points without
 * complete evidence, by question: what the team asks each camat's office or
 * desa for before verification.
 */
function matriksTanpaData(m: DossierModel): Part {
  const rows = m.matrix?.unevidenced ?? [];
  // Usually one matrix workbook: its name said once above the table, not on every row.
  const files = [...new Set(rows.map((r) => r.file))];
  const one = files.length === 1 ? files[0]! : null;
  return {
    id: 'matriks-tanpa-data',
    kind: 'section',
    title: 'Matriks Kecamatan dan Desa/Kelurahan tanpa Data Dukung',
    floats: [float('tabel-matriks-tanpa-data', 'Kecamatan dan desa/kelurahan yang data dukungnya belum lengkap')],
    body: (num: Numbering) => [
      para(
        'Pada pertanyaan yang dihitung dari matriks, setiap kecamatan atau desa/kelurahan yang sesuai dengan kriteria memerlukan data dukungnya sendiri. Baris berikut belum disertai data dukung yang lengkap, sehingga pada prakiraan verifikasi jawabannya tidak dihitung.',
      ),
      table({
        id: nodeId('tabel-matriks-tanpa-data'),
        caption: num.caption('tabel-matriks-tanpa-data'),
        ...(one ? { captionNote: `Berkas: ${one}.` } : {}),
        widths: [90, 100, 90, '*'],
        header: ['Kecamatan', 'Desa/kelurahan', 'Pertanyaan', 'Letak dan keterangan'],
        rows: rows.map((r) => [
          r.kecamatan,
          r.desa ?? '–',
          r.questions.join(', '),
          textLines([one ? r.where : `${r.file}, ${r.where}`, ...(r.notFound.length > 0 ? [{ text: `Tidak ditemukan: ${r.notFound.join('; ')}`, style: 'note' }] : [])]),
        ]),
        empty: 'Semua baris matriks yang sesuai dengan kriteria telah disertai data dukung.',
      }),
    ],
  };
}

function ringkasan(m: DossierModel): Part {
  const f = m.forecast;
  const open = m.conflicts.filter((c) => c.status === 'open').length;
  const errors = m.problems.reduce((k, p) => k + p.findings.filter((x) => x.severity === 'error').length, 0);
  const warnings = m.problems.reduce((k, p) => k + p.findings.filter((x) => x.severity === 'warning').length, 0);
  const sent = m.opds.filter((o) => o.files.length > 0).length;
  const edge = f.aboveLower === null ? 'belum mencapai predikat terendah' : `${points(f.aboveLower)} poin di atas batas bawah predikat ${f.predikat}`;
  const next = f.next ? `${points(f.next.missing)} poin di bawah batas predikat ${f.next.name}` : 'sudah pada predikat tertinggi';
  return {
    id: 'ringkasan',
    kind: 'chapter',
    title: 'Ringkasan',
    body: () => [
      para('Laporan ini disusun untuk Tim Kabupaten/Kota Layak Anak di lingkungan Dinas Pemberdayaan Perempuan dan Perlindungan Anak sebagai bahan kerja sebelum dokumen evaluasi mandiri diajukan. Laporan ini tidak untuk diajukan dan tidak ditandatangani.'),
      facts([
        ['Nilai evaluasi mandiri', `${m.summary.totalText} dari ${maximum(m.summary.max)} (${m.summary.predikat ?? 'belum berpredikat'})`],
        ['Prakiraan setelah verifikasi', `${f.totalText} (${f.predikat ?? 'belum berpredikat'})`],
        ['Jarak prakiraan ke batas predikat', `${edge}; ${next}`],
        ['Risiko', f.atRisk ? `Prakiraan berada dalam ${maximum(f.margin)} poin dari batas predikat: kehilangan atau tambahan sedikit poin saat verifikasi dapat mengubah predikat.` : `Prakiraan berjarak lebih dari ${maximum(f.margin)} poin dari batas predikat.`],
        [
          'Jawaban antar-OPD yang berbeda',
          m.conflicts.length === 0 ? 'tidak ada' : open > 0 ? `${m.conflicts.length} pertanyaan, ${open} di antaranya belum dipilih` : `${m.conflicts.length} pertanyaan, semuanya telah dipilih`,
        ],
        ['Temuan pemeriksaan', `${errors} kesalahan, ${warnings} peringatan`],
        ['Lembar kerja diterima', `${sent} dari ${m.opds.length} Perangkat Daerah`],
        ['Berkas data dukung', f.evidenceChecked ? 'diperiksa keberadaannya di folder data dukung' : 'belum diperiksa terhadap folder data dukung; prakiraan hanya memeriksa apakah data dukung disebutkan'],
      ]),
    ],
  };
}

function prakiraan(m: DossierModel): Part {
  const f = m.forecast;
  return {
    id: 'prakiraan',
    kind: 'chapter',
    title: 'Prakiraan Hasil Verifikasi',
    floats: [float('tabel-prakiraan', 'Nilai evaluasi mandiri dan prakiraan setelah verifikasi per kelompok'), figure('gambar-prakiraan', 'Nilai dan prakiraan setelah verifikasi per kelompok'), float('tabel-kehilangan', 'Jawaban yang kehilangan poin pada prakiraan verifikasi')],
    body: (num: Numbering) => [
      para(
        'Pada verifikasi, setiap jawaban yang memperoleh poin diperiksa terhadap data dukungnya. Prakiraan berikut menghitung ulang nilai dengan anggapan bahwa jawaban tanpa data dukung, atau dengan berkas data dukung yang tidak ditemukan atau kosong (0 byte), tidak memperoleh poin.',
      ),
      table({
        id: nodeId('tabel-prakiraan'),
        caption: num.caption('tabel-prakiraan'),
        widths: ['*', 80, 80, 70],
        header: ['Kelompok', 'Evaluasi mandiri', 'Prakiraan verifikasi', 'Selisih'],
        rows: [...f.groups.map((g) => [g.label, right(points(g.points)), right(points(g.forecastPoints)), right(points(g.forecastPoints - g.points))]), ['Jumlah', right(m.summary.totalText), right(f.totalText), right(points(f.total - m.summary.total))]],
        boldRows: [f.groups.length],
      }),
      {
        stack: [
          { text: num.caption('gambar-prakiraan'), style: 'caption', id: nodeId('gambar-prakiraan'), margin: [0, 0, 0, 6] },
          (() => {
            const c = scoreChart(m.groups.map((g) => ({ label: g.label, max: g.max, points: g.points, forecast: g.forecastPoints })));
            return { svg: c.svg, width: c.width, height: c.height, font: 'Roboto' };
          })(),
        ],
        unbreakable: true,
        margin: [0, 4, 0, 12],
      },
      table({
        id: nodeId('tabel-kehilangan'),
        caption: num.caption('tabel-kehilangan'),
        captionNote: 'Terbesar lebih dahulu. "Tidak ditemukan": berkas yang disebut tidak ada di folder data dukung.',
        widths: [36, 30, 64, 46, '*'],
        header: ['No.', 'Ind.', 'OPD', 'Poin', 'Sebab'],
        rows: f.losses.map((l) => [{ text: l.questionId, bold: true }, l.indicatorId, l.matrix ? 'Matriks' : l.opdCode, right(points(l.atStake)), l.matrix ? `${count(l.matrix.rows)} ${l.matrix.scope === 'kecamatan' ? 'kecamatan' : 'desa/kelurahan'} tanpa data dukung lengkap (${num.ref('matriks-tanpa-data')})` : l.reason === 'none' ? 'Data dukung belum disebutkan' : textLines([l.notFound.every((m) => m.empty) ? 'Berkas kosong:' : l.notFound.some((m) => m.empty) ? 'Tidak ditemukan atau kosong:' : 'Tidak ditemukan:', ...l.notFound.flatMap((m) => [m.empty ? `${m.entry} (berkas kosong, 0 byte)` : m.entry, ...(m.suggestion ? [{ text: `mungkin yang dimaksud: ${m.suggestion}`, style: 'note' }] : [])])])]),
        empty: 'Tidak ada jawaban yang kehilangan poin.',
      }),
    ],
    ...(m.matrix ? { parts: [matriksTanpaData(m)] } : {}),
  };
}

function konflik(m: DossierModel): Part {
  return {
    id: 'konflik',
    kind: 'chapter',
    title: 'Jawaban Antar-OPD yang Berbeda',
    floats: [float('tabel-konflik', 'Pertanyaan yang dijawab berbeda oleh beberapa OPD')],
    body: (num: Numbering) => [
      para(
        'Aplikasi evaluasi resmi menerima satu jawaban untuk setiap pertanyaan. Bila beberapa Perangkat Daerah menjawab satu pertanyaan secara berbeda, Tim memilih satu jawaban dalam konfigurasi proyek. Selama belum dipilih, nilai evaluasi mandiri memakai jawaban terbaik dan prakiraan verifikasi memakai jawaban terbaik yang data dukungnya lengkap; dokumen final belum dapat disusun.',
      ),
      table({
        id: nodeId('tabel-konflik'),
        caption: num.caption('tabel-konflik'),
        widths: [36, 86, '*'],
        header: ['No.', 'Status', 'Jawaban (OPD, berkas, sel)'],
        rows: m.conflicts.map((c) => [
          { text: c.questionId, bold: true },
          c.status === 'open' ? { text: 'Belum dipilih', color: COLORS.alert, bold: true } : `Dipilih: ${c.chosen}`,
          textLines(c.answers.map((a) => `${a.opdCode}: "${a.value}" (${a.file}, ${a.cell})`)),
        ]),
        empty: 'Tidak ada pertanyaan yang dijawab berbeda.',
      }),
    ],
  };
}

function masalah(m: DossierModel): Part {
  return {
    id: 'masalah',
    kind: 'chapter',
    title: 'Temuan Pemeriksaan per Perangkat Daerah',
    body: () => [
      para('Bab ini memuat petugas data dan lembar kerja setiap Perangkat Daerah, lalu kesalahan dan peringatan hasil pemeriksaan lembar kerja, dikelompokkan menurut Perangkat Daerah, beserta kontak petugas datanya untuk tindak lanjut.'),
      ...(m.problems.length === 0 ? [para('Pemeriksaan tidak menemukan kesalahan maupun peringatan.')] : []),
    ],
    parts: [
      {
        id: 'kontak',
        kind: 'section' as const,
        title: 'Petugas Data dan Lembar Kerja yang Diterima',
        floats: [float('tabel-kontak', 'Petugas data dan lembar kerja setiap Perangkat Daerah')],
        body: (num: Numbering) => [
          table({
            id: nodeId('tabel-kontak'),
            caption: num.caption('tabel-kontak'),
            widths: [18, 70, '*', 78, 120],
            header: ['No.', 'OPD', 'Petugas data', 'Telepon', 'E-mail'],
            rows: m.opds.map((o, i) => [
              String(i + 1),
              textLines([{ text: o.code, bold: true }, ...(o.files.length > 0 ? o.files.map((f) => ({ text: f, style: 'note' })) : [{ text: 'Belum mengirim', style: 'note', color: COLORS.alert }])]),
              [o.officer.name, o.officer.position].filter(Boolean).join(', ') || '–',
              o.officer.phone || '–',
              o.officer.email || '–',
            ]),
          }),
        ],
      },
      ...m.problems.map((p, i) => ({
      id: `masalah-${i}`,
      kind: 'section' as const,
      title: p.opdCode ? `${p.opdCode}: ${p.opdName}` : p.opdName,
      floats: [float(`tabel-masalah-${i}`, `Temuan pemeriksaan: ${p.opdCode || p.opdName}`)],
      body: (num: Numbering) => [
        ...(p.officer && p.officer.name
          ? [facts([['Petugas data', [p.officer.name, p.officer.position].filter(Boolean).join(', ')], ['Telepon', p.officer.phone || '–'], ['E-mail', p.officer.email || '–']], [120, '*'])]
          : []),
        table({
          id: nodeId(`tabel-masalah-${i}`),
          caption: num.caption(`tabel-masalah-${i}`),
          widths: [18, 58, 110, '*'],
          header: ['No.', 'Tingkat', 'Letak', 'Uraian'],
          rows: p.findings.map((f, k) => [String(k + 1), textLines([SEVERITY[f.severity] ?? f.severity, { text: f.code, style: 'note' }]), f.where || '–', f.message]),
        }),
      ],
    })),
    ],
  };
}

function rencana(m: DossierModel): Part {
  const plan = m.fullPlan;
  return {
    id: 'rencana-lengkap',
    kind: 'chapter',
    title: 'Rencana Menuju Predikat Berikutnya',
    floats: plan ? [float('tabel-rencana', `Langkah menuju predikat ${plan.target}`)] : [],
    body: (num: Numbering) => {
      if (!plan) return [para('Nilai evaluasi mandiri telah berada pada predikat tertinggi dan prakiraan verifikasi tidak lebih rendah.')];
      const needed = plan.steps.filter((s) => s.needed);
      const intro =
        plan.status === 'reached'
          ? `Prakiraan setelah verifikasi (${points(plan.start)}) telah memenuhi predikat ${plan.target}.`
          : plan.status === 'reachable'
            ? `Dari prakiraan setelah verifikasi (${points(plan.start)}), ${needed.length} langkah berikut membawa nilai ke ${points(plan.end)}, sehingga predikat ${plan.target} tercapai. Langkah diurutkan dari yang paling cepat: melengkapi data dukung, lalu melengkapi jawaban, lalu meningkatkan capaian.`
            : `Seluruh poin yang masih terbuka hanya membawa prakiraan ke ${points(plan.end)}, kurang ${points(plan.shortfall)} poin dari syarat predikat ${plan.target}.`;
      return [
        para(intro),
        table({
          id: nodeId('tabel-rencana'),
          caption: num.caption('tabel-rencana'),
          widths: [22, 36, 60, '*', 44, 52],
          header: ['No.', 'Pert.', 'OPD', 'Langkah', 'Tambahan', 'Nilai sesudahnya'],
          rows: needed.map((s, i) => [String(i + 1), { text: s.questionId, bold: true }, s.opdCode ?? '–', STEP[s.kind] ?? s.kind, right(points(s.gain)), right(points(s.cumulative))]),
          empty: 'Tidak ada langkah yang diperlukan.',
        }),
      ];
    },
  };
}

function jejak(m: DossierModel): Part {
  const byFile = new Map<string, DossierModel['trail']>();
  for (const t of m.trail) byFile.set(t.file, [...(byFile.get(t.file) ?? []), t]);
  const files = [...byFile.keys()].sort();
  return {
    id: 'jejak',
    kind: 'annex',
    title: 'Jejak Data',
    floats: [float('tabel-berkas', 'Berkas masukan dan sidik SHA-256'), ...files.map((f, i) => float(`tabel-jejak-${i}`, `Asal jawaban yang dinilai: ${f}`))],
    body: (num: Numbering) => [
      para(
        'Setiap angka dapat ditelusuri ke sumbernya. Tabel pertama memuat setiap berkas yang dibaca beserta sidik SHA-256-nya; sidik itu berubah bila isi berkas berubah sedikit pun, sehingga berkas yang diarsipkan dapat dipastikan sama dengan berkas yang dinilai. Tabel berikutnya memuat, untuk setiap berkas, lembar dan sel asal setiap jawaban yang dinilai.',
      ),
      table({
        id: nodeId('tabel-berkas'),
        caption: num.caption('tabel-berkas'),
        widths: [16, '*', 56, 262],
        header: ['No.', 'Berkas', 'OPD', 'SHA-256'],
        rows: m.files.map((f, i) => [String(i + 1), f.file, f.opdCode || '–', { text: f.sha256, fontSize: 6.4, characterSpacing: -0.1 }]),
        empty: 'Tidak ada berkas masukan.',
      }),
      ...files.map((file, i) =>
        table({
          id: nodeId(`tabel-jejak-${i}`),
          caption: num.caption(`tabel-jejak-${i}`),
          widths: [40, '*', 50, 60, 40, 60],
          header: ['No.', 'Jawaban', 'Poin', 'Lembar', 'Sel', 'Sel tahun sebelumnya'],
          rows: byFile.get(file)!.map((t) => [{ text: t.questionId, bold: true }, t.value || '–', right(points(t.points)), t.sheet, t.cell, t.previousCell || '–']),
          margin: [0, 4, 0, 8],
        }),
      ),
    ],
  };
}

function rubrik(m: DossierModel): Part {
  return {
    id: 'rubrik',
    kind: 'annex',
    title: 'Rubrik Acuan dan Catatan Instrumen',
    floats: [float('tabel-rubrik', 'Rubrik acuan: bagian nilai maksimum yang diperoleh setiap jawaban'), float('tabel-resolusi', 'Ketidaksesuaian dalam sumber instrumen dan cara penyelesaiannya'), float('tabel-masalah-sumber', 'Masalah sumber instrumen yang belum dapat diselesaikan')],
    body: (num: Numbering) => [
      para(
        `Rubrik resmi yang menetapkan bagian nilai maksimum untuk setiap jawaban tidak dipublikasikan. Nilai dalam dokumen evaluasi dihitung dengan rubrik acuan berikut; nilai resmi ditetapkan melalui verifikasi. Sumber instrumen: ${m.catalog.provenance}`,
      ),
      table({
        id: nodeId('tabel-rubrik'),
        caption: num.caption('tabel-rubrik'),
        widths: [90, '*', 160],
        header: ['Rubrik', 'Keterangan', 'Ketentuan'],
        rows: m.rubrics.map((r) => [{ text: r.title, bold: true }, r.description, textLines(r.lines)]),
      }),
      table({
        id: nodeId('tabel-resolusi'),
        caption: num.caption('tabel-resolusi'),
        widths: [16, 170, '*'],
        header: ['No.', 'Ketidaksesuaian', 'Penyelesaian'],
        rows: m.resolutions.map((r, i) => [String(i + 1), r.issue, r.resolution]),
        empty: 'Tidak ada.',
      }),
      table({
        id: nodeId('tabel-masalah-sumber'),
        caption: num.caption('tabel-masalah-sumber'),
        captionNote: `Teks pertanyaan telah dikoreksi pada ${m.corrections} tempat (salah ketik dan kata terpisah); masalah berikut tidak dikoreksi karena teks yang benar tidak diketahui.`,
        widths: [70, '*'],
        header: ['Pertanyaan', 'Masalah'],
        rows: m.sourceProblems.map((p) => [p.questions.join(', ') || '–', p.problem]),
        empty: 'Tidak ada.',
      }),
    ],
  };
}

/** The working report's cover (no front pages besides the lists). */
export function reportFront(m: DossierModel): Pick<DocumentSpec, 'cover' | 'front'> {
  return {
    cover: [
      { text: '', margin: [0, 110, 0, 0] },
      { text: 'LAPORAN KERJA TIM\nKABUPATEN/KOTA LAYAK ANAK', style: 'coverTitle' },
      { canvas: [{ type: 'line', x1: 120, y1: 14, x2: PAGE.width - 120, y2: 14, lineWidth: 1.5, lineColor: COLORS.heading }], margin: [0, 0, 0, 6] },
      { text: m.district.name.toUpperCase(), style: 'coverDistrict' },
      { text: `EVALUASI MANDIRI TAHUN ${m.year}`, style: 'coverLine', bold: true },
      { text: 'Untuk kalangan Tim KLA Dinas Pemberdayaan Perempuan dan Perlindungan Anak.\nTidak untuk diajukan.', alignment: 'center', color: COLORS.alert, margin: [0, 40, 0, 0] },
      ...(m.dateText ? [{ text: m.dateText, alignment: 'center', absolutePosition: { x: PAGE.margins[0], y: 740 } }] : []),
    ],
    front: [],
  };
}

