/**
 * The dossier the Bupati (or Wali Kota) signs: Dokumen Evaluasi Mandiri
 * Kabupaten/Kota Layak Anak. Its parts are declared once, in order, in
 * `dossierOutline`; every number and reference follows from that list. The
 * document holds what a verifier and the public read: no tool names, no
 * file names, no internal figures (the verification forecast, conflicts
 * between OPDs and open problems live in the team's working report).
 */
import type { DossierModel, GroupSection, IndicatorSection, MatrixGrid, MatrixModel, QuestionRow } from './model.js';
import type { MatrixScope } from '../matrix.js';
import { figure, table as float, type Numbering, type Part } from './outline.js';
import type { DocumentSpec } from './layout.js';
import { nodeId } from './layout.js';
import { childrenChart, scoreChart } from './chart.js';
import { COLORS, facts, ledBy, listItem, narrative, numberedList, PAGE, para, signature, table, textLines, wrap, type PdfNode } from './parts.js';
import type { Narrative } from './templates.js';
import { addsUpShown, count, maximum, percent, points } from './text.js';

const ROUNDING_NOTE = 'Angka dibulatkan ke dua desimal; jumlah angka yang ditampilkan dapat berbeda 0,01 dari total yang ditampilkan.';

/** The place the dossier is signed: the config's, else the capital, else the district name. */
export function signingPlace(m: DossierModel, configured: string | undefined): string {
  return configured ?? (m.district.capital || m.district.shortName);
}

/** The dossier's parts, in order. Moving a line moves the chapter, its numbers and every reference to it. */
export function dossierOutline(m: DossierModel, n: () => Narrative): Part[] {
  return [
    pendahuluan(m, n),
    gambaranUmum(m, n),
    hasil(m, n),
    analisis(m, n),
    { id: 'penutup', kind: 'chapter', title: 'Penutup', body: () => narrative(n().penutup) },
    lampiranJawaban(m),
    lampiranDataDukung(m),
    ...(m.matrix ? [lampiranMatriks(m.matrix)] : []),
    lampiranOpd(m),
    ...(m.draft ? [lampiranDraf(m)] : []),
  ];
}

function pendahuluan(m: DossierModel, n: () => Narrative): Part {
  const national = () => n()['dasar-hukum'];
  return {
    id: 'pendahuluan',
    kind: 'chapter',
    title: 'Pendahuluan',
    parts: [
      { id: 'latar-belakang', kind: 'section', title: 'Latar Belakang', body: () => narrative(n()['latar-belakang']) },
      {
        id: 'dasar-hukum',
        kind: 'section',
        title: 'Dasar Hukum',
        body: () => {
          const blocks = national();
          const intro = blocks.filter((b) => b.kind === 'p');
          const listed = blocks.flatMap((b) => (b.kind === 'list' ? b.items : []));
          // The district's own regulations follow the national ones, in one numbered list.
          const own = m.regulations.filter((r) => r.kla || r.kind === 'sk-gugus-tugas').map((r) => `${r.title};`);
          const items = [...listed, ...own].map((t, i, all) => (i === all.length - 1 ? t.replace(/;$/, '.') : t.replace(/\.$/, ';')));
          return [...narrative(intro), numberedList(items)];
        },
      },
      { id: 'maksud-tujuan', kind: 'section', title: 'Maksud dan Tujuan', body: () => narrative(n()['maksud-tujuan']) },
      {
        id: 'metode',
        kind: 'section',
        title: 'Metode Penilaian',
        floats: [float('tabel-predikat', 'Rentang nilai predikat')],
        body: (num) => [
          ...narrative(n().metode),
          table({
            id: nodeId('tabel-predikat'),
            caption: num.caption('tabel-predikat'),
            captionNote: decimalRule(m),
            widths: [100, '*'],
            header: ['Predikat', 'Rentang nilai'],
            rows: m.summary.bands.map((b) => [{ text: b.name, bold: true }, b.range]),
          }),
        ],
      },
      { id: 'sistematika', kind: 'section', title: 'Sistematika Penulisan', body: (num) => sistematika(num) },
    ],
  };
}

/** What each chapter and annex holds, in the order the outline gives them. */
const CONTENTS: Record<string, string> = {
  pendahuluan: 'memuat latar belakang, dasar hukum, maksud dan tujuan, metode penilaian, dan sistematika penulisan dokumen',
  'gambaran-umum': 'menggambarkan profil daerah, penduduk anak, kelembagaan, dan riwayat evaluasi Kabupaten/Kota Layak Anak',
  hasil: 'menyajikan hasil evaluasi mandiri secara keseluruhan dan menurut kelompok penilaian, beserta capaian, kendala, dan upaya setiap kelompok',
  analisis: 'menganalisis indikator yang masih perlu ditingkatkan dan memuat rencana tindak lanjut setiap Perangkat Daerah',
  penutup: 'memuat kesimpulan dan harapan',
  'lampiran-jawaban': 'memuat jawaban setiap pertanyaan instrumen beserta data dukungnya',
  'lampiran-data-dukung': 'memuat daftar data dukung menurut indikator',
  'lampiran-matriks': 'memuat matriks kecamatan dan desa/kelurahan yang menjadi dasar perhitungan persentase klaster Kelana dan Dekela',
  'lampiran-opd': 'memuat Perangkat Daerah yang menjawab instrumen beserta petugas datanya',
  'lampiran-draf': 'memuat hal yang masih perlu diselesaikan sebelum dokumen ditetapkan',
};

function sistematika(num: Numbering): PdfNode[] {
  const tops = num.entries.filter((e) => e.kind === 'chapter' || e.kind === 'annex');
  return [
    para('Dokumen ini disusun dengan sistematika sebagai berikut.'),
    {
      ul: tops.map((e) => listItem(ledBy(`${e.label} ${e.title.toUpperCase()}`, CONTENTS[e.id] ? `${CONTENTS[e.id]}.` : undefined))),
      margin: [8, 0, 0, 7],
    },
  ];
}

function decimalRule(m: DossierModel): string {
  const [first, second] = m.summary.bands;
  const below = first ? `Nilai di bawah ${maximum(first.min)} belum memperoleh predikat. ` : '';
  const example = first && second ? ` Misalnya, nilai ${maximum(first.max)} termasuk predikat ${first.name}, sedangkan ${points(first.max + 0.01)} termasuk predikat ${second.name}.` : '';
  return `${below}Nilai dibandingkan dengan batas rentang tanpa dibulatkan.${example}`;
}

function gambaranUmum(m: DossierModel, n: () => Narrative): Part {
  const c = m.children;
  const childParts: Part[] = c
    ? [
        {
          id: 'penduduk-anak',
          kind: 'section',
          title: 'Penduduk Anak',
          floats: [float('tabel-anak-kecamatan', 'Jumlah anak menurut kecamatan dan jenis kelamin'), float('tabel-anak-umur', 'Jumlah anak menurut kelompok umur dan jenis kelamin'), figure('gambar-anak', 'Jumlah anak menurut kelompok umur dan jenis kelamin')],
          body: (num) => {
            const note = `Sumber: ${c.source}${c.year && !c.source.includes(String(c.year)) ? `, tahun ${c.year}` : ''}.`;
            const chart = childrenChart(c.byAge);
            const byKec = c.byKecamatan.map((k, i) => [String(i + 1), k.name, num3(k.male), num3(k.female), num3(k.male + k.female)]);
            return [
              ...narrative(n()['penduduk-anak']),
              table({
                id: nodeId('tabel-anak-kecamatan'),
                caption: num.caption('tabel-anak-kecamatan'),
                captionNote: note,
                widths: [20, '*', 70, 70, 70],
                header: ['No.', 'Kecamatan', 'Laki-laki', 'Perempuan', 'Jumlah'],
                rows: [...byKec, ['', 'Jumlah', num3(c.male), num3(c.female), num3(c.male + c.female)]],
                boldRows: [byKec.length],
              }),
              table({
                id: nodeId('tabel-anak-umur'),
                caption: num.caption('tabel-anak-umur'),
                captionNote: note,
                widths: ['*', 80, 80, 80],
                header: ['Kelompok umur', 'Laki-laki', 'Perempuan', 'Jumlah'],
                rows: [...c.byAge.map((g) => [`${g.group} tahun`, num3(g.male), num3(g.female), num3(g.male + g.female)]), ['Jumlah', num3(c.male), num3(c.female), num3(c.male + c.female)]],
                boldRows: [c.byAge.length],
              }),
              figureNode('gambar-anak', num, chart),
            ];
          },
        },
      ]
    : [{ id: 'penduduk-anak', kind: 'section', title: 'Penduduk Anak', body: () => narrative(n()['penduduk-anak']) }];
  return {
    id: 'gambaran-umum',
    kind: 'chapter',
    title: 'Gambaran Umum',
    parts: [
      {
        id: 'profil-daerah',
        kind: 'section',
        title: 'Profil Daerah',
        floats: [float('tabel-profil', `Data pokok ${m.district.name}`)],
        body: (num) => [
          ...narrative(n()['gambaran-umum']),
          table({
            id: nodeId('tabel-profil'),
            caption: num.caption('tabel-profil'),
            widths: [170, '*'],
            header: ['Uraian', 'Keterangan'],
            rows: [['Nama daerah', m.district.name], ['Provinsi', m.district.province], ...m.facts.map((f) => [f.label, f.value])].map(([k, v]) => [{ text: k!, bold: true }, v!]),
          }),
        ],
      },
      ...childParts,
      {
        id: 'kelembagaan-kla',
        kind: 'section',
        title: 'Kelembagaan Kabupaten/Kota Layak Anak',
        body: () => [
          ...narrative(n().kelembagaan),
          ...(m.regulations.length > 0 || m.gugusTugas
            ? [
                facts([
                  ...m.regulations.map((r): [string, string] => [REGULATION_LABEL[r.kind] ?? 'Kebijakan lainnya', r.title]),
                  ...(m.gugusTugas && !m.regulations.some((r) => r.kind === 'sk-gugus-tugas') ? [['Pembentukan Gugus Tugas', m.gugusTugas.decree || '–'] as [string, string]] : []),
                  ...(m.gugusTugas ? [['Ketua Gugus Tugas', m.gugusTugas.chair] as [string, string]] : []),
                  ...(m.gugusTugas?.members ? [['Anggota Gugus Tugas', `${count(m.gugusTugas.members)} unsur`] as [string, string]] : []),
                ]),
              ]
            : []),
        ],
      },
      {
        id: 'riwayat',
        kind: 'section',
        title: 'Riwayat Evaluasi',
        floats: m.history.length > 0 ? [float('tabel-riwayat', 'Hasil evaluasi Kabupaten/Kota Layak Anak dari tahun ke tahun')] : [],
        body: (num) => [
          ...narrative(n().riwayat),
          ...(m.history.length > 0
            ? [
                table({
                  id: nodeId('tabel-riwayat'),
                  caption: num.caption('tabel-riwayat'),
                  widths: [60, 110, 70, '*'],
                  header: ['Tahun', 'Predikat', 'Nilai', 'Keterangan'],
                  rows: [
                    ...m.history.map((h) => [String(h.year), h.predikat, { text: h.total, alignment: 'right' }, h.note || '–']),
                    [String(m.year), m.summary.predikat ?? 'Belum berpredikat', { text: m.summary.totalText, alignment: 'right' }, 'Hasil evaluasi mandiri tahun ini'],
                  ],
                  boldRows: [m.history.length],
                }),
              ]
            : []),
        ],
      },
    ],
  };
}

const REGULATION_LABEL: Record<string, string> = {
  perda: 'Peraturan Daerah',
  perkada: 'Peraturan Kepala Daerah',
  'sk-gugus-tugas': 'Pembentukan Gugus Tugas',
  sk: 'Keputusan',
  lainnya: 'Kebijakan lainnya',
};

const num3 = (x: number) => ({ text: count(x), alignment: 'right' });
const right = (t: string) => ({ text: t, alignment: 'right' });

function figureNode(id: string, num: Numbering, chart: { svg: string; width: number; height: number }): PdfNode {
  return {
    stack: [
      { text: num.caption(id), style: 'caption', id: nodeId(id), margin: [0, 0, 0, 6] },
      { svg: chart.svg, width: chart.width, height: chart.height, font: 'Roboto' },
    ],
    unbreakable: true,
    margin: [0, 4, 0, 12],
  };
}

function hasil(m: DossierModel, n: () => Narrative): Part {
  const s = m.summary;
  return {
    id: 'hasil',
    kind: 'chapter',
    title: 'Hasil Evaluasi Mandiri',
    parts: [
      {
        id: 'rekapitulasi',
        kind: 'section',
        title: 'Rekapitulasi Nilai',
        floats: [float('tabel-rekap', 'Rekapitulasi nilai per kelompok penilaian'), figure('gambar-nilai', 'Nilai per kelompok penilaian dibandingkan dengan nilai maksimumnya')],
        body: (num) => {
          const rows = m.groups.map((g, i) => [
            String(i + 1),
            g.label === g.name ? { text: g.label, bold: true } : textLines([{ text: g.label, bold: true }, g.name]),
            right(String(g.indicatorCount)),
            right(maximum(g.max)),
            right(points(g.points)),
            right(percent(g.points, g.max)),
          ]);
          const indicators = m.groups.reduce((k, g) => k + g.indicatorCount, 0);
          return [
            ...narrative(n()['hasil-pengantar']),
            table({
              id: nodeId('tabel-rekap'),
              caption: num.caption('tabel-rekap'),
              widths: [16, '*', 50, 50, 56, 50],
              header: ['No.', 'Kelompok penilaian', 'Jumlah indikator', 'Nilai maksimum', 'Nilai', 'Capaian'],
              rows: [...rows, ['', 'Jumlah', right(String(indicators)), right(maximum(s.max)), right(s.totalText), right(percent(s.total, s.max))], ['', 'Predikat', '', '', right(s.predikat ?? 'Belum berpredikat'), '']],
              boldRows: [rows.length, rows.length + 1],
              ...(addsUpShown(m.groups.map((g) => g.points), s.total) ? {} : { note: ROUNDING_NOTE }),
            }),
            figureNode('gambar-nilai', num, scoreChart(m.groups.map((g) => ({ label: g.label, max: g.max, points: g.points })))),
          ];
        },
      },
      ...m.groups.map((g) => groupPart(g)),
    ],
  };
}

/** "3 indikator"; "4 indikator yang dirinci menjadi 9 subindikator" where the instrument splits them (21A, 21B …). */
function indicatorsOf(g: GroupSection): string {
  const rows = g.indicators.length;
  return rows === g.indicatorCount ? `${rows} indikator` : `${g.indicatorCount} indikator yang dirinci menjadi ${rows} subindikator`;
}

function groupPart(g: GroupSection): Part {
  const tid = `tabel-kelompok-${g.id}`;
  const title = g.label === g.name ? g.label : `${g.label}: ${g.name}`;
  return {
    id: `kelompok-${g.id}`,
    kind: 'section',
    title,
    floats: [float(tid, `Nilai indikator ${g.label}`)],
    body: (num) => {
      const rows = g.indicators.map((i) => [{ text: i.id, bold: true }, i.name, right(maximum(i.max)), right(points(i.points)), right(percent(i.points, i.max))]);
      const says = (label: string, text: string) => (text ? [{ text: label, style: 'h3', margin: [0, 6, 0, 4] }, para(text)] : []);
      const story = [...says('Capaian', g.narrative.capaian), ...says('Kendala', g.narrative.kendala), ...says('Upaya', g.narrative.upaya)];
      return [
        para(`${g.label} memuat ${indicatorsOf(g)} dengan nilai maksimum ${maximum(g.max)}. Nilai yang diperoleh adalah ${points(g.points)} (${percent(g.points, g.max)}); rinciannya disajikan pada ${num.ref(tid)}.`),
        table({
          id: nodeId(tid),
          caption: num.caption(tid),
          widths: [32, '*', 52, 52, 50],
          header: ['Indikator', 'Uraian', 'Nilai maksimum', 'Nilai', 'Capaian'],
          rows: [...rows, ['', 'Jumlah', right(maximum(g.max)), right(points(g.points)), right(percent(g.points, g.max))]],
          boldRows: [rows.length],
          ...(addsUpShown(g.indicators.map((i) => i.points), g.points) ? {} : { note: ROUNDING_NOTE }),
        }),
        ...(story.length > 0 ? story : [para('Uraian capaian, kendala, dan upaya kelompok ini belum disampaikan.', { color: COLORS.muted })]),
      ];
    },
  };
}

function analisis(m: DossierModel, n: () => Narrative): Part {
  return {
    id: 'analisis',
    kind: 'chapter',
    title: 'Analisis dan Rencana Tindak Lanjut',
    parts: [
      {
        id: 'terlemah',
        kind: 'section',
        title: 'Indikator dengan Capaian Terendah',
        floats: [float('tabel-terlemah', 'Indikator dengan capaian terendah')],
        body: (num) => [
          ...narrative(n()['analisis-pengantar']),
          table({
            id: nodeId('tabel-terlemah'),
            caption: num.caption('tabel-terlemah'),
            widths: [16, 34, '*', 64, 48, 48, 46],
            header: ['No.', 'Ind.', 'Indikator', 'Kelompok', 'Nilai', 'Nilai maksimum', 'Capaian'],
            rows: m.weakest.map((w, i) => [String(i + 1), { text: w.id, bold: true }, w.name, w.groupLabel, right(points(w.points)), right(maximum(w.max)), right(percent(w.points, w.max))]),
          }),
        ],
      },
      {
        id: 'rencana',
        kind: 'section',
        title: 'Rencana Tindak Lanjut',
        body: () => narrative(n()['rencana-pengantar']),
        parts: m.opdPlans.map((o) => opdPlanPart(o, m.draft)),
      },
    ],
  };
}

/** One OPD's follow-up; a draft says where no activity is planned yet, the final dossier shows what there is. */
function opdPlanPart(o: DossierModel['opdPlans'][number], draft: boolean): Part {
  const steps = `tabel-rtl-${o.opdCode}`;
  const acts = `tabel-kegiatan-${o.opdCode}`;
  return {
    id: `rtl-${o.opdCode}`,
    kind: 'subsection',
    title: o.opdName,
    floats: [...(o.steps.length > 0 ? [float(steps, `Pertanyaan yang capaiannya dapat ditingkatkan: ${o.opdName}`)] : []), ...(o.activities.length > 0 ? [float(acts, `Kegiatan yang direncanakan: ${o.opdName}`)] : [])],
    body: (num) => [
      ...(o.steps.length > 0
        ? [
            table({
              id: nodeId(steps),
              caption: num.caption(steps),
              widths: [30, '*', 110, 48],
              header: ['No.', 'Pertanyaan', 'Langkah', 'Poin yang masih terbuka'],
              rows: o.steps.map((st) => [{ text: st.questionId, bold: true }, st.text, STEP_TEXT[st.kind](st.current, st.target), right(points(st.open))]),
            }),
          ]
        : []),
      ...(o.activities.length > 0
        ? [
            table({
              id: nodeId(acts),
              caption: num.caption(acts),
              widths: [34, '*', 90, 100],
              header: ['Ind.', 'Kegiatan', 'Waktu', 'Penanggung jawab'],
              rows: o.activities.map((a) => [a.indicatorId || '–', a.activity, a.timing || '–', a.responsible || '–']),
            }),
          ]
        : draft
          ? [para('Kegiatan tindak lanjut Perangkat Daerah ini belum dirinci.', { color: COLORS.muted })]
          : []),
    ],
  };
}

const STEP_TEXT: Record<'answer' | 'improve' | 'evidence', (current: string, target: string) => string> = {
  answer: () => 'Melengkapi jawaban beserta data dukungnya',
  improve: (current, target) => `Meningkatkan capaian${current ? ` dari "${current}"` : ''}${target ? ` menjadi ${target}` : ''}`,
  evidence: () => 'Melengkapi data dukung',
};

function lampiranJawaban(m: DossierModel): Part {
  return {
    id: 'lampiran-jawaban',
    kind: 'annex',
    title: 'Jawaban Instrumen dan Data Dukung',
    floats: m.groups.flatMap((g) => g.indicators.map((i) => float(`tabel-jawaban-${i.id}`, `Indikator ${i.id}: ${i.name}`))),
    body: (num) => [
      para(`Lampiran ini memuat setiap pertanyaan instrumen, jawaban Perangkat Daerah, nilai yang diperoleh dibandingkan dengan nilai maksimumnya, data dukung yang disampaikan, dan Perangkat Daerah penanggung jawab, menurut indikator. ${shortNames(num)}`),
      ...m.groups.flatMap((g) => g.indicators.map((i) => answerTable(i, num, m.dataYears))),
    ],
  };
}

function answerTable(ind: IndicatorSection, num: Numbering, years: DossierModel['dataYears']): PdfNode {
  const id = `tabel-jawaban-${ind.id}`;
  return table({
    id: nodeId(id),
    caption: num.caption(id),
    captionNote: `Nilai ${points(ind.points)} dari ${maximum(ind.max)} (${percent(ind.points, ind.max)}).`,
    widths: [28, '*', 70, 46, 96, 50],
    header: ['No.', 'Pertanyaan', `Jawaban (data ${years.evaluated})`, 'Nilai', 'Data dukung', 'Perangkat Daerah'],
    rows: ind.questions.map((q) => answerRow(q, years, num)),
    margin: [0, 6, 0, 12],
    ...(addsUpShown(ind.questions.map((q) => q.points), ind.points) ? {} : { note: `${ROUNDING_NOTE} Nilai indikator tidak melebihi nilai maksimumnya.` }),
  });
}

function answerRow(q: QuestionRow, years: DossierModel['dataYears'], num: Numbering): PdfNode[] {
  const answer: PdfNode[] = [];
  if (q.answer) answer.push({ text: q.answer, bold: true });
  if (q.matrix) answer.push({ text: `${count(q.matrix.numerator)} dari ${count(q.matrix.denominator)} ${SCOPE_NAME[q.matrix.scope]}`, style: 'note' });
  if (q.status === 'unanswered') answer.push({ text: 'Belum dijawab', style: 'note' });
  if (q.status === 'ignored') answer.push({ text: 'Belum dapat dinilai', style: 'note' });
  if (q.previous) answer.push({ text: `Tahun ${years.previous}: ${q.previous}`, style: 'note' });
  const evidence: PdfNode = q.matrix
    ? wrap(`Matriks ${SCOPE_NAME[q.matrix.scope]}, ${num.ref('lampiran-matriks')}`)
    : q.evidence.length > 0
      ? textLines([...q.evidence, ...(q.evidenceMore > 0 ? [{ text: `dan ${q.evidenceMore} berkas lainnya`, style: 'note' }] : [])])
      : { text: '–', color: COLORS.muted };
  return [
    { text: q.id, bold: true },
    q.note ? textLines([q.text, { text: `Uraian: ${q.note}`, style: 'note' }]) : wrap(q.text),
    answer.length ? textLines(answer) : { text: '–', color: COLORS.muted },
    right(`${points(q.points)} / ${maximum(q.max)}`),
    evidence,
    q.opdCode ?? (q.responsible.join(', ') || '–'),
  ];
}

/** The tables name a Perangkat Daerah by its short name (DINKES); the list of them says what each stands for. */
const shortNames = (num: Numbering) => `Perangkat Daerah disebut dengan singkatannya; kepanjangannya tercantum pada ${num.ref('tabel-opd')}.`;

function lampiranDataDukung(m: DossierModel): Part {
  const withItems = m.evidenceByIndicator.filter((i) => i.items.length > 0);
  return {
    id: 'lampiran-data-dukung',
    kind: 'annex',
    title: 'Daftar Data Dukung',
    floats: [float('tabel-data-dukung', 'Data dukung menurut indikator')],
    body: (num) => [
      para(`Lampiran ini memuat data dukung yang disampaikan Perangkat Daerah untuk setiap pertanyaan, dikelompokkan menurut indikator. ${shortNames(num)}`),
      table({
        id: nodeId('tabel-data-dukung'),
        caption: num.caption('tabel-data-dukung'),
        widths: [34, 34, 64, '*'],
        header: ['Ind.', 'No.', 'Perangkat Daerah', 'Data dukung'],
        rows: withItems.flatMap((ind) => ind.items.map((it) => [{ text: ind.id, bold: true }, it.questionId, it.opdCode, textLines(it.entries)])),
        empty: 'Belum ada data dukung yang disampaikan.',
      }),
    ],
  };
}

const SCOPE_NAME: Record<MatrixScope, string> = { kecamatan: 'kecamatan', desa: 'desa/kelurahan' };

/**
 * The matrix the instrument asks to attach to its Kelana/Dekela questions:
 * what each share was computed from, then one grid per scope (a row per
 * kecamatan or desa/kelurahan, a narrow column per question), so 20
 * questions across 200 desa fit a few A4 pages.
 */
function lampiranMatriks(mx: MatrixModel): Part {
  const grids = mx.grids.map((g) => ({ g, id: `tabel-matriks-${g.scope}` }));
  return {
    id: 'lampiran-matriks',
    kind: 'annex',
    title: 'Matriks Kecamatan dan Desa/Kelurahan',
    floats: [float('tabel-matriks-ringkasan', 'Persentase kecamatan dan desa/kelurahan menurut kriteria'), ...grids.map(({ g, id }) => float(id, `Matriks ${SCOPE_NAME[g.scope]}`))],
    body: (num) => [
      para(
        'Lampiran ini memuat matriks yang diminta instrumen untuk pertanyaan tentang kecamatan dan desa/kelurahan. Persentase setiap pertanyaan dihitung dari matriks: ' +
          'jumlah kecamatan atau desa/kelurahan yang sesuai dengan kriteria dibagi dengan jumlah seluruh kecamatan atau desa/kelurahan di daerah.',
      ),
      table({
        id: nodeId('tabel-matriks-ringkasan'),
        caption: num.caption('tabel-matriks-ringkasan'),
        widths: [30, '*', 86, 52, 46],
        header: ['No.', 'Kriteria', 'Jumlah yang sesuai', 'Jawaban', 'Nilai'],
        rows: mx.questions.map((q) => [
          { text: q.id, bold: true },
          wrap(q.criterion),
          `${count(q.numerator)} dari ${count(q.denominator)} ${SCOPE_NAME[q.scope]}`,
          q.answer,
          right(`${points(q.points)} / ${maximum(q.max)}`),
        ]),
      }),
      ...grids.map(({ g, id }) => matrixGrid(g, id, num)),
    ],
  };
}

/** Rows of a compact grid that fit one A4 page below its caption. */
const ONE_PAGE_ROWS = 50;

/**
 * The matrix as the district answers it. Which rows still lack evidence is
 * the team's business (the working report lists them), not the signed
 * document's, like the verification forecast.
 */
function matrixGrid(g: MatrixGrid, id: string, num: Numbering): PdfNode {
  // The column heads drop the indicator number ("8a" for 26.8a) to stay narrow; the caption says which.
  const prefix = g.questionIds[0]!.split('.')[0]!;
  const heads = g.questionIds.map((q) => (q.startsWith(`${prefix}.`) ? q.slice(prefix.length + 1) : q));
  const mark = (v: string) => (v === '' ? { text: '–', color: COLORS.muted, alignment: 'center' } : { text: v === 'Ya' ? 'Y' : 'T', alignment: 'center' });
  // Content width; pdfmake adds the padding: 20 columns of 13 points leave the names about 190.
  const cols = g.questionIds.map(() => 10);
  const note = `Kolom berisi nomor pertanyaan ${prefix}.x. Y: ya; T: tidak; –: belum diisi.`;
  if (g.scope === 'kecamatan') {
    // A district's kecamatan fit one page: the grid is not split for the last few rows.
    const grid = table({
      id: nodeId(id),
      caption: num.caption(id),
      captionNote: note,
      compact: true,
      widths: [14, '*', ...cols],
      header: ['No.', 'Kecamatan', ...heads],
      rows: g.rows.map((r, i) => [String(i + 1), r.kecamatan, ...r.values.map(mark)]),
    });
    return g.rows.length <= ONE_PAGE_ROWS ? { stack: [grid], unbreakable: true } : grid;
  }
  // The kecamatan on every row (not as a row of its own above its desa): a page never ends on a kecamatan without its desa, and a page that begins inside one still says which.
  return table({
    id: nodeId(id),
    caption: num.caption(id),
    captionNote: note,
    compact: true,
    widths: [14, 58, '*', ...cols],
    header: ['No.', 'Kecamatan', 'Desa/kelurahan', ...heads],
    rows: g.rows.map((r, i) => [String(i + 1), r.kecamatan, r.desa ?? '', ...r.values.map(mark)]),
  });
}

function lampiranOpd(m: DossierModel): Part {
  const lines = (...xs: string[]) => (xs.some(Boolean) ? textLines(xs.filter(Boolean)) : { text: '–', color: COLORS.muted });
  return {
    id: 'lampiran-opd',
    kind: 'annex',
    title: 'Perangkat Daerah dan Petugas Data',
    floats: [float('tabel-opd', 'Perangkat Daerah, petugas data, dan kepala Perangkat Daerah')],
    body: (num) => [
      para('Lampiran ini memuat Perangkat Daerah dan lembaga yang menjawab instrumen evaluasi mandiri beserta singkatan yang dipakai dalam tabel dokumen ini, petugas data anak yang ditunjuk, dan kepala Perangkat Daerah masing-masing.'),
      table({
        id: nodeId('tabel-opd'),
        caption: num.caption('tabel-opd'),
        widths: [18, 60, '*', 118, 118],
        header: ['No.', 'Singkatan', 'Perangkat Daerah', 'Petugas data', 'Kepala Perangkat Daerah'],
        rows: m.opds.map((o, i) => [String(i + 1), wrap(o.code), o.name, lines(o.officer.name, o.officer.position), lines(o.head.name, o.head.position)]),
      }),
    ],
  };
}

function lampiranDraf(m: DossierModel): Part {
  return {
    id: 'lampiran-draf',
    kind: 'annex',
    title: 'Hal yang Perlu Diselesaikan',
    body: () => [
      para('Dokumen ini masih berupa draf. Hal-hal berikut perlu diselesaikan sebelum dokumen ditetapkan dan ditandatangani.'),
      ...(m.blockers.length > 0 ? [numberedList(m.blockers)] : [para('Tidak ada.')]),
    ],
  };
}

/** The cover, the Lembar Pengesahan and the Kata Pengantar. */
export function dossierFront(m: DossierModel, n: Narrative, place: string): Pick<DocumentSpec, 'cover' | 'front'> {
  const province = m.district.province;
  const dateLine = m.dateText || (m.draft ? 'Tanggal belum ditetapkan' : '');
  const cover: PdfNode[] = [
    m.district.logo ? { image: 'emblem', fit: [104, 104], alignment: 'center', margin: [0, 36, 0, 34] } : { text: '', margin: [0, 120, 0, 0] },
    { text: 'DOKUMEN EVALUASI MANDIRI\nKABUPATEN/KOTA LAYAK ANAK', style: 'coverTitle' },
    { canvas: [{ type: 'line', x1: 120, y1: 14, x2: PAGE.width - 120, y2: 14, lineWidth: 1.5, lineColor: COLORS.heading }], margin: [0, 0, 0, 6] },
    { text: m.district.name.toUpperCase(), style: 'coverDistrict' },
    { text: `PROVINSI ${province.toUpperCase()}`, style: 'coverLine' },
    { text: `TAHUN ${m.year}`, style: 'coverLine', bold: true },
    ...(m.draft ? [{ text: 'DRAF, BELUM FINAL', alignment: 'center', color: COLORS.alert, bold: true, margin: [0, 30, 0, 0] }] : []),
    {
      stack: [
        { text: `PEMERINTAH ${m.district.name.toUpperCase()}`, bold: true, fontSize: 12 },
        { text: dateLine, fontSize: 10, margin: [0, 4, 0, 0] },
      ],
      alignment: 'center',
      absolutePosition: { x: PAGE.margins[0], y: 720 },
    },
  ];
  const head = m.signatories.head;
  const coordinator = m.signatories.coordinator;
  const pengesahan: PdfNode[] = [
    { text: `DOKUMEN EVALUASI MANDIRI KABUPATEN/KOTA LAYAK ANAK\n${m.district.name.toUpperCase()} TAHUN ${m.year}`, alignment: 'center', bold: true, margin: [0, 0, 0, 18] },
    ...narrative(n['lembar-pengesahan']),
    {
      columns: [
        { width: '*', stack: [{ text: 'Diperiksa oleh,', margin: [0, 0, 0, 2] }, { text: coordinator.title, margin: [0, 0, 0, 52] }, { text: coordinator.name, bold: true, decoration: 'underline' }, ...(coordinator.nip ? [`NIP ${coordinator.nip}`] : [])], alignment: 'center', fontSize: 10, lineHeight: 1.25 },
        { width: 20, text: '' },
        {
          width: '*',
          stack: [{ text: `Disahkan di ${place}`, margin: [0, 0, 0, 0] }, { text: `pada tanggal ${m.dateText || '....................'}`, margin: [0, 0, 0, 2] }, { text: head.title, margin: [0, 0, 0, 52] }, { text: head.name, bold: true, decoration: 'underline' }, ...(head.nip ? [`NIP ${head.nip}`] : [])],
          alignment: 'center',
          fontSize: 10,
          lineHeight: 1.25,
        },
      ],
      margin: [0, 30, 0, 0],
      unbreakable: true,
    },
  ];
  const pengantar: PdfNode[] = [...narrative(n['kata-pengantar']), signature(place, m.dateText, head)];
  return {
    cover,
    front: [
      { id: 'lembar-pengesahan', title: 'LEMBAR PENGESAHAN', body: pengesahan },
      { id: 'kata-pengantar', title: 'KATA PENGANTAR', body: pengantar },
    ],
  };
}

