/**
 * The dossier's layout: the content model and the rendered narrative arranged
 * as a pdfmake document definition (A4, running header, "Halaman X dari Y",
 * table of contents). Pure: returns a fresh plain object on every call, because
 * pdfmake mutates the definition it renders.
 */
import { groupChart } from './chart.js';
import type { DossierModel, GroupSection, IndicatorSection, QuestionRow } from './model.js';
import { annexes } from './annex.js';
import { chapter, COLORS, facts, h2, h3, keep, narrative, PAGE, pageBreakBefore, para, roman, signature, STYLES, table, textLines, type PdfNode } from './parts.js';
import type { Narrative } from './templates.js';
import { percent, points, truncate } from './text.js';

export type DocDefinition = { [key: string]: unknown };

/** The pdfmake document definition for a dossier. */
export function layoutDossier(m: DossierModel, n: Narrative): DocDefinition {
  const docTitle = `Dokumen Evaluasi Mandiri KLA ${m.district.name} Tahun ${m.year}`;
  return {
    pageSize: 'A4',
    pageMargins: [...PAGE.margins],
    language: 'id-ID',
    info: {
      title: docTitle,
      author: `Pemerintah ${m.district.name}`,
      subject: 'Evaluasi Mandiri Kabupaten/Kota Layak Anak',
      keywords: `KLA, evaluasi mandiri, ${m.district.name}, ${m.year}`,
      creator: `kla ${m.toolVersion}`,
      producer: `kla ${m.toolVersion} (pdfmake)`,
      creationDate: m.date,
    },
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    styles: STYLES,
    images: m.district.logo ? { logo: m.district.logo } : {},
    ...(m.draft ? { watermark: { text: 'DRAF', color: COLORS.alert, opacity: 0.12, bold: true, fontSize: 120 } } : {}),
    header: (page: number) =>
      page === 1
        ? { text: '' }
        : {
            stack: [
              {
                columns: [
                  { text: docTitle, width: '*' },
                  { text: m.draft ? 'DRAF, BELUM FINAL' : '', width: 'auto', bold: true, color: COLORS.alert },
                ],
              },
              { canvas: [{ type: 'line', x1: 0, y1: 3, x2: PAGE.width, y2: 3, lineWidth: 0.5, lineColor: COLORS.rule }] },
            ],
            margin: [PAGE.margins[0], 34, PAGE.margins[2], 0],
            fontSize: 8,
            color: COLORS.muted,
          },
    footer: (page: number, pages: number) =>
      page === 1
        ? { text: '' }
        : {
            columns: [
              { text: 'Nilai dalam dokumen ini adalah perkiraan evaluasi mandiri berdasarkan rubrik acuan, bukan nilai resmi.', width: '*', fontSize: 7, color: COLORS.muted },
              { text: `Halaman ${page} dari ${pages}`, width: 'auto', fontSize: 8.5 },
            ],
            margin: [PAGE.margins[0], 24, PAGE.margins[2], 0],
          },
    pageBreakBefore,
    content: [
      ...cover(m),
      ...preface(m, n),
      { toc: { title: { text: 'DAFTAR ISI', style: 'chapter' }, textStyle: { fontSize: 10 }, numberStyle: { fontSize: 10 }, outlines: true }, pageBreak: 'before' },
      ...introduction(n),
      ...profile(m, n),
      ...results(m, n),
      ...analysis(m, n),
      chapter(`BAB ${roman(5)} PENUTUP`),
      ...narrative(n.penutup),
      ...annexes(m, n),
    ],
  };
}

function cover(m: DossierModel): PdfNode[] {
  const province = m.district.province.replace(/^provinsi\s+/i, '');
  return [
    m.district.logo
      ? { image: 'logo', fit: [96, 96], alignment: 'center', margin: [0, 40, 0, 36] }
      : { text: '', margin: [0, 120, 0, 0] },
    { text: 'DOKUMEN EVALUASI MANDIRI\nKABUPATEN/KOTA LAYAK ANAK', style: 'coverTitle' },
    { canvas: [{ type: 'line', x1: 120, y1: 14, x2: PAGE.width - 120, y2: 14, lineWidth: 1.5, lineColor: COLORS.heading }], margin: [0, 0, 0, 6] },
    { text: m.district.name.toUpperCase(), style: 'coverDistrict' },
    { text: `PROVINSI ${province.toUpperCase()}`, style: 'coverLine' },
    { text: `TAHUN ${m.year}`, style: 'coverLine', bold: true },
    ...(m.draft
      ? [
          {
            text: m.problems.length > 0 ? `DRAF, BELUM FINAL: masih terdapat ${m.problems.length} masalah validasi (lihat Lampiran F).` : 'DRAF, BELUM FINAL',
            alignment: 'center',
            color: COLORS.alert,
            bold: true,
            margin: [0, 30, 0, 0],
          },
        ]
      : []),
    {
      stack: [
        { text: `PEMERINTAH ${m.district.name.toUpperCase()}`, bold: true, fontSize: 12 },
        { text: m.dateText, fontSize: 10, margin: [0, 4, 0, 10] },
        { text: `Disusun dengan kla ${m.toolVersion} dari lembar kerja Perangkat Daerah. Nilai dalam dokumen ini adalah perkiraan evaluasi mandiri berdasarkan rubrik acuan, bukan nilai resmi.`, fontSize: 8, color: COLORS.muted, margin: [40, 0, 40, 0] },
      ],
      alignment: 'center',
      absolutePosition: { x: PAGE.margins[0], y: 700 },
    },
  ];
}

function preface(m: DossierModel, n: Narrative): PdfNode[] {
  const place = m.district.capital || m.district.shortName;
  return [
    { text: 'KATA PENGANTAR', style: 'chapter', tocItem: true, tocStyle: { bold: true }, pageBreak: 'before' },
    ...narrative(n['kata-pengantar']),
    signature(place, m.dateText, m.signatories.head),
  ];
}

function introduction(n: Narrative): PdfNode[] {
  return [
    chapter(`BAB ${roman(1)} PENDAHULUAN`),
    ...keep(h2('1.1 Latar Belakang'), narrative(n['pendahuluan-latar-belakang'])),
    ...keep(h2('1.2 Dasar Hukum'), narrative(n['pendahuluan-dasar-hukum'])),
    ...keep(h2('1.3 Maksud dan Tujuan'), narrative(n['pendahuluan-maksud-tujuan'])),
  ];
}

function profile(m: DossierModel, n: Narrative): PdfNode[] {
  const rows: [string, string][] = [
    ['Nama daerah', m.district.name],
    ['Provinsi', m.district.province],
    ...m.profile.map((r): [string, string] => [r.label, r.value]),
    ['Perangkat Daerah yang terlibat', `${m.opds.length} Perangkat Daerah (${m.opds.filter((o) => o.files.length > 0).length} telah mengirim lembar kerja)`],
  ];
  return [
    chapter(`BAB ${roman(2)} GAMBARAN UMUM`),
    ...keep(h2('2.1 Profil Daerah'), [facts(rows)]),
    ...keep(h2('2.2 Gambaran Umum Pemenuhan Hak Anak'), narrative(n['gambaran-umum'])),
  ];
}

function results(m: DossierModel, n: Narrative): PdfNode[] {
  const s = m.summary;
  const chart = groupChart(m.groups.map((g) => ({ label: g.label, max: g.max, points: g.points, forecast: g.forecastPoints })));
  const groupRows = m.groups.map((g, i) => [
    String(i + 1),
    g.label === g.name ? { text: g.label, bold: true } : { stack: [{ text: g.label, bold: true }, g.name] },
    String(g.indicators.length),
    num(g.max),
    num(g.points),
    num(percent(g.points, g.max)),
    num(g.forecastPoints),
  ]);
  const totalRow = ['', 'Jumlah', String(m.groups.reduce((k, g) => k + g.indicators.length, 0)), num(s.max), num(s.totalText), num(percent(s.total, s.max)), num(s.forecastTotalText)];
  const predikatRow = ['', 'Predikat', '', '', num(s.predikat ?? 'Belum berpredikat'), '', num(s.forecastPredikat ?? 'Belum berpredikat')];
  const lost = m.groups.flatMap((g) => g.indicators.flatMap((i) => i.questions)).filter((q) => q.forecastPoints < q.points).length;

  return [
    chapter(`BAB ${roman(3)} HASIL EVALUASI MANDIRI`),
    ...keep(h2('3.1 Rekapitulasi Nilai'), narrative(n['hasil-pengantar']), { beforeTable: true }),
    table({
      caption: 'Tabel 3.1 Rekapitulasi nilai per kelompok',
      widths: [16, '*', 44, 50, 50, 46, 60],
      header: ['No.', 'Kelompok', 'Jumlah indikator', 'Nilai maks.', 'Nilai', 'Capaian', 'Prakiraan verifikasi'],
      rows: [...groupRows, totalRow, predikatRow],
      boldRows: [groupRows.length, groupRows.length + 1],
    }),
    table({
      caption: 'Tabel 3.2 Rentang nilai predikat',
      captionNote: decimalRule(m),
      widths: [90, 120, '*'],
      header: ['Predikat', 'Rentang nilai', 'Keterangan'],
      rows: s.bands.map((b) => [
        { text: b.name, bold: b.name === s.predikat },
        b.range,
        [b.name === s.predikat ? 'perkiraan hasil evaluasi mandiri' : '', b.name === s.forecastPredikat ? 'prakiraan setelah verifikasi' : ''].filter(Boolean).join('; '),
      ]),
    }),
    ...keep(h2('3.2 Grafik Nilai per Kelompok'), [
      {
        stack: [
          { text: 'Gambar 3.1 Nilai per kelompok dibandingkan dengan nilai maksimumnya', style: 'caption', margin: [0, 0, 0, 6] },
          { svg: chart.svg, width: chart.width, height: chart.height, font: 'Roboto' },
        ],
        margin: [0, 0, 0, 10],
      },
    ]),
    ...keep(h2('3.3 Prakiraan Hasil Verifikasi'), narrative(n['hasil-prakiraan']), { beforeTable: true }),
    table({
      caption: 'Tabel 3.3 Evaluasi mandiri dan prakiraan setelah verifikasi',
      widths: ['*', 110, 110],
      header: ['Uraian', 'Evaluasi mandiri', 'Prakiraan setelah verifikasi'],
      rows: [
        ['Nilai total', num(s.totalText), num(s.forecastTotalText)],
        ['Capaian', num(percent(s.total, s.max)), num(percent(s.forecastTotal, s.max))],
        ['Predikat', num(s.predikat ?? 'Belum berpredikat'), num(s.forecastPredikat ?? 'Belum berpredikat')],
        ['Pertanyaan wajib data dukung yang belum dilengkapi', num('–'), num(String(s.evidenceMissing))],
        ['Pertanyaan yang kehilangan poin karena data dukung', num('–'), num(String(lost))],
      ],
    }),
    ...keep(h2('3.4 Rincian per Kelompok dan Indikator'), [
      para(
        'Bagian ini memuat setiap pertanyaan instrumen beserta jawaban Perangkat Daerah, nilai yang diperoleh dibandingkan dengan nilai maksimumnya, data dukung yang disebutkan, dan Perangkat Daerah penanggung jawab. Kolom "Poin" memuat nilai evaluasi mandiri; bila data dukung wajib belum lengkap, prakiraan nilai setelah verifikasi dicantumkan di bawahnya. Setiap kelompok dimulai pada halaman baru.',
      ),
    ]),
    ...m.groups.flatMap((g, i) => groupSection(g, `3.4.${i + 1}`, m.dataYears)),
  ];
}

/** Right-aligned figure cell. */
function num(v: string | number): PdfNode {
  return { text: typeof v === 'number' ? points(v) : v, alignment: 'right' };
}

function decimalRule(m: DossierModel): string {
  const [first, second] = m.summary.bands;
  const below = first ? `Nilai di bawah ${points(first.min)} belum mendapat predikat. ` : '';
  const example = first && second ? ` Contoh: ${points(first.max)} termasuk ${first.name}, ${points(first.max + 0.01)} termasuk ${second.name}.` : '';
  return `${below}Nilai dibandingkan dengan presisi penuh: suatu predikat berlaku bila nilai melebihi batas atas predikat di bawahnya dan tidak melebihi batas atasnya sendiri.${example}`;
}

function groupSection(g: GroupSection, number: string, years: DossierModel['dataYears']): PdfNode[] {
  const title = g.label === g.name ? g.label : `${g.label}: ${g.name}`;
  return [
    h3(`${number} ${title}`, { pageBreak: true }),
    para(
      `Nilai kelompok ${g.label}: ${points(g.points)} dari ${points(g.max)} (${percent(g.points, g.max)}), terdiri atas ${g.indicators.length} indikator. Prakiraan nilai setelah verifikasi: ${points(g.forecastPoints)}.`,
    ),
    ...g.indicators.map((ind) => indicatorTable(ind, years)),
  ];
}

function indicatorTable(ind: IndicatorSection, years: DossierModel['dataYears']): PdfNode {
  return table({
    caption: `Indikator ${ind.id}. ${ind.name}`,
    captionNote: `Nilai ${points(ind.points)} dari ${points(ind.max)} (${percent(ind.points, ind.max)}); prakiraan setelah verifikasi ${points(ind.forecastPoints)}.`,
    widths: [26, '*', 66, 48, 72, 52],
    header: ['No.', 'Pertanyaan', `Jawaban (data ${years.evaluated})`, 'Poin', 'Data dukung', 'OPD'],
    rows: ind.questions.map((q) => questionRow(q, years)),
    margin: [0, 6, 0, 12],
  });
}

const STATUS_TEXT: Record<QuestionRow['status'], string> = {
  answered: '',
  unanswered: 'Belum dijawab',
  ignored: 'Tidak dihitung: jawaban memuat kesalahan validasi',
  overridden: '',
};

function questionRow(q: QuestionRow, years: DossierModel['dataYears']): PdfNode[] {
  const answer: PdfNode[] = [];
  if (q.answer) answer.push({ text: q.answer, bold: true });
  if (STATUS_TEXT[q.status]) answer.push({ text: STATUS_TEXT[q.status], style: 'note', color: q.status === 'ignored' ? COLORS.alert : COLORS.muted });
  if (q.previous) answer.push({ text: `Tahun ${years.previous}: ${q.previous}`, style: 'note' });

  const pts: PdfNode[] = [`${points(q.points)} / ${points(q.max)}`];
  if (q.forecastPoints < q.points) pts.push({ text: `prakiraan ${points(q.forecastPoints)}`, style: 'note', color: COLORS.alert });

  let evidence: PdfNode;
  if (q.evidence.length > 0) {
    const entries: PdfNode[] = q.evidence.map((e) => ({ text: e }));
    if (q.evidenceMore > 0) entries.push({ text: `dan ${q.evidenceMore} berkas lainnya`, style: 'note' });
    if (q.evidenceMissing) entries.push({ text: 'Berkas belum ditemukan', style: 'note', color: COLORS.alert });
    evidence = textLines(entries);
  } else if (q.evidenceRequired) {
    evidence = { text: 'Belum ada (wajib)', style: 'note', color: COLORS.alert };
  } else {
    evidence = { text: '–', color: COLORS.muted };
  }

  const opd: PdfNode =
    q.opdCode !== null
      ? q.opdCode
      : { text: q.responsible.length ? q.responsible.join(', ') : 'Belum ada OPD', style: 'note' };

  return [
    { text: q.id, bold: true },
    q.note ? textLines([q.text, { text: `Catatan: ${q.note}`, style: 'note' }]) : q.text,
    answer.length ? textLines(answer) : { text: '–', color: COLORS.muted },
    textLines(pts, { alignment: 'right' }),
    evidence,
    opd,
  ];
}

function analysis(m: DossierModel, n: Narrative): PdfNode[] {
  const plan = m.plan;
  const planNodes: PdfNode[] = [];
  if (plan && plan.byOpd.length > 0) {
    plan.byOpd.forEach((o, i) => {
      planNodes.push(
        table({
          caption: `Tabel 4.${i + 2} ${o.opdCode ? `${o.opdCode}: ` : ''}${o.opdName}`,
          captionNote: `Tambahan nilai bila seluruh langkah dilaksanakan: ${points(o.gain)} poin.`,
          widths: [30, '*', 150, 48],
          header: ['No.', 'Pertanyaan', 'Langkah', 'Tambahan poin'],
          rows: o.steps.map((s) => [{ text: s.questionId, bold: true }, s.text, s.action, num(s.gain)]),
          margin: [0, 4, 0, 8],
        }),
      );
    });
  }
  const afterPlan = plan && plan.byOpd.length > 0 ? plan.byOpd.length + 2 : 2;
  return [
    chapter(`BAB ${roman(4)} ANALISIS KESENJANGAN DAN RENCANA TINDAK LANJUT`),
    ...keep(h2('4.1 Indikator dengan Capaian Terendah'), narrative(n['analisis-pengantar']), { beforeTable: true }),
    table({
      caption: 'Tabel 4.1 Indikator dengan capaian terendah',
      widths: [16, 34, '*', 64, 46, 46, 44],
      header: ['No.', 'Ind.', 'Indikator', 'Kelompok', 'Nilai', 'Nilai maks.', 'Capaian'],
      rows: m.weakest.map((w, i) => [String(i + 1), { text: w.id, bold: true }, w.name, w.groupLabel, num(w.points), num(w.max), num(percent(w.points, w.max))]),
    }),
    ...keep(h2(plan ? `4.2 Rencana Tindak Lanjut menuju Predikat ${plan.target}` : '4.2 Rencana Tindak Lanjut'), narrative(n['analisis-rencana']), { beforeTable: planNodes.length > 0 }),
    ...planNodes,
    ...keep(h2('4.3 Data Dukung yang Belum Lengkap'), [
      para(
        m.missingEvidence.length > 0
          ? `Sebanyak ${m.missingEvidence.length} pertanyaan mewajibkan data dukung yang belum disebutkan atau belum ditemukan. Poin pertanyaan tersebut berisiko tidak diakui pada verifikasi administrasi; kolom terakhir memuat poin yang dipertaruhkan.`
          : 'Seluruh pertanyaan yang mewajibkan data dukung telah dilengkapi dengan data dukung yang disebutkan.',
      ),
    ], { beforeTable: m.missingEvidence.length > 0 }),
    ...(m.missingEvidence.length > 0
      ? [
          table({
            caption: `Tabel 4.${afterPlan} Pertanyaan dengan data dukung wajib yang belum lengkap`,
            widths: [30, '*', 70, 50],
            header: ['No.', 'Pertanyaan', 'OPD', 'Poin berisiko'],
            rows: m.missingEvidence.map((e) => [{ text: e.questionId, bold: true }, truncate(e.text, 220), e.opdCode, num(e.atStake)]),
          }),
        ]
      : []),
  ];
}
