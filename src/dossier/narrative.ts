/**
 * What the narrative templates may say: the variables they can use (the spec,
 * checked against every template before anything is rendered) and the view
 * that fills them, built from the content model and the document's numbering.
 * Every value is a cleaned, one-line string, a boolean, or a count (a number,
 * so that {{#if}} reads 0 as false), so no value can add structure to the text.
 */
import type { DossierModel } from './model.js';
import type { Numbering } from './outline.js';
import { cleanText, count, maximum, percent, points } from './text.js';

/** A variable: a printable value, an object of variables, or a list of objects. */
export type VarSpec = 'value' | { readonly [key: string]: VarSpec } | readonly [VarSpec];

const person = { jabatan: 'value', nama: 'value', nip: 'value' } as const;

/** Cross-references a template may make: "… disajikan pada {{rujukan.tabelRekap}}" gives "Tabel 3.1". */
export const REFERENCES = {
  tabelPredikat: 'tabel-predikat',
  tabelProfil: 'tabel-profil',
  tabelAnakKecamatan: 'tabel-anak-kecamatan',
  tabelAnakUmur: 'tabel-anak-umur',
  gambarAnak: 'gambar-anak',
  tabelRiwayat: 'tabel-riwayat',
  tabelRekap: 'tabel-rekap',
  gambarNilai: 'gambar-nilai',
  tabelTerlemah: 'tabel-terlemah',
  babPendahuluan: 'pendahuluan',
  babGambaranUmum: 'gambaran-umum',
  babHasil: 'hasil',
  babAnalisis: 'analisis',
  babPenutup: 'penutup',
  lampiranJawaban: 'lampiran-jawaban',
  lampiranDataDukung: 'lampiran-data-dukung',
  lampiranPerangkatDaerah: 'lampiran-opd',
} as const;

/** Every variable a template may use. Keys are Indonesian: the templates' authors are. */
export const VIEW_SPEC = {
  daerah: { nama: 'value', namaSingkat: 'value', jenis: 'value', kepala: 'value', provinsi: 'value', ibukota: 'value' },
  tahun: 'value',
  tahunData: 'value',
  tahunDataSebelumnya: 'value',
  tanggal: 'value',
  tempat: 'value',
  draf: 'value',
  kepalaDaerah: person,
  koordinator: person,
  profil: { uraian: 'value', kecamatan: 'value', desaKelurahan: 'value' },
  anak: { ada: 'value', jumlah: 'value', lakiLaki: 'value', perempuan: 'value', tahunData: 'value', sumber: 'value', kecamatanTerbanyak: 'value' },
  kelembagaan: { adaPerda: 'value', perda: 'value', adaGugusTugas: 'value', gugusTugas: 'value', ketua: 'value', anggota: 'value', jumlahPeraturan: 'value' },
  riwayat: { ada: 'value', jumlah: 'value', tahunTerakhir: 'value', predikatTerakhir: 'value' },
  katalog: { judul: 'value', jumlahPertanyaan: 'value', jumlahIndikator: 'value', jumlahIndikatorKelanaDekela: 'value', jumlahKelompok: 'value' },
  nilai: {
    total: 'value',
    maksimum: 'value',
    persen: 'value',
    predikat: 'value',
    adaPredikat: 'value',
    predikatBerikut: 'value',
    adaPredikatBerikut: 'value',
    batasPredikatBerikut: 'value',
    kurangKePredikatBerikut: 'value',
    tambahanPredikatBerikut: 'value',
  },
  kelompok: [{ label: 'value', nama: 'value', nilai: 'value', maksimum: 'value', persen: 'value' }],
  terlemah: [{ id: 'value', nama: 'value', kelompok: 'value', nilai: 'value', maksimum: 'value', persen: 'value' }],
  opd: { jumlah: 'value', mengirim: 'value', belumMengirim: 'value' },
  pertanyaan: { jumlah: 'value', dijawab: 'value', belumDijawab: 'value' },
  rencana: { ada: 'value', target: 'value', batas: 'value', jumlahOpd: 'value', jumlahLangkah: 'value', jumlahKegiatan: 'value' },
  rujukan: Object.fromEntries(Object.keys(REFERENCES).map((k) => [k, 'value'])) as { readonly [K in keyof typeof REFERENCES]: 'value' },
} as const satisfies { [key: string]: VarSpec };

type ViewOf<S> = S extends 'value' ? string | number | boolean : S extends readonly [infer I] ? ViewOf<I>[] : { [K in keyof S]: ViewOf<S[K]> };
/** The values handed to the templates; the type follows VIEW_SPEC, so the two cannot drift apart. */
export type NarrativeView = ViewOf<typeof VIEW_SPEC>;

const p = (n: number) => points(n);

/** The template variables for a model and its document's numbering. Pure. */
export function buildView(m: DossierModel, n: Numbering, place: string): NarrativeView {
  const s = m.summary;
  const sent = m.opds.filter((o) => o.files.length > 0).length;
  const isKota = m.district.kind === 'kota';
  const sig = (x: DossierModel['signatories']['head']) => ({ jabatan: x.title, nama: x.name, nip: x.nip });
  const c = m.children;
  const most = c ? [...c.byKecamatan].sort((a, b) => b.male + b.female - (a.male + a.female))[0] : undefined;
  // The KLA regulation the district rests on: its Perda, else its Perbup/Perwali.
  const perda = m.regulations.find((r) => r.kla && r.kind === 'perda') ?? m.regulations.find((r) => r.kla);
  const gt = m.gugusTugas;
  const lastHistory = m.history[m.history.length - 1];
  const refs = Object.fromEntries(Object.entries(REFERENCES).map(([k, id]) => [k, refOrEmpty(n, id)])) as NarrativeView['rujukan'];
  return {
    daerah: { nama: m.district.name, namaSingkat: m.district.shortName, jenis: isKota ? 'Kota' : 'Kabupaten', kepala: m.district.headTitle, provinsi: m.district.province, ibukota: m.district.capital },
    tahun: String(m.year),
    tahunData: String(m.dataYears.evaluated),
    tahunDataSebelumnya: String(m.dataYears.previous),
    tanggal: m.dateText,
    tempat: place,
    draf: m.draft,
    kepalaDaerah: sig(m.signatories.head),
    koordinator: sig(m.signatories.coordinator),
    profil: {
      uraian: m.profileDescription,
      kecamatan: m.facts.find((f) => f.label === 'Jumlah kecamatan')?.value ?? '',
      desaKelurahan: m.facts.find((f) => f.label === 'Jumlah desa/kelurahan')?.value ?? '',
    },
    anak: {
      ada: c !== null,
      jumlah: c ? count(c.male + c.female) : '',
      lakiLaki: c ? count(c.male) : '',
      perempuan: c ? count(c.female) : '',
      // "DKB Semester II Tahun 2025" already names its year: not "… Tahun 2025 tahun 2025".
      tahunData: c?.year && !c.source.includes(String(c.year)) ? String(c.year) : '',
      sumber: c?.source ?? '',
      kecamatanTerbanyak: most?.name ?? '',
    },
    kelembagaan: {
      adaPerda: perda !== undefined,
      perda: perda?.title ?? '',
      adaGugusTugas: gt !== null,
      gugusTugas: gt?.decree ?? '',
      ketua: gt?.chair ?? '',
      anggota: gt?.members ?? 0,
      jumlahPeraturan: m.regulations.length,
    },
    riwayat: { ada: m.history.length > 0, jumlah: m.history.length, tahunTerakhir: lastHistory ? String(lastHistory.year) : '', predikatTerakhir: lastHistory?.predikat ?? '' },
    katalog: { judul: m.catalog.title, jumlahPertanyaan: m.catalog.questions, jumlahIndikator: m.catalog.indicators, jumlahIndikatorKelanaDekela: m.catalog.localIndicators, jumlahKelompok: m.catalog.groups },
    nilai: {
      total: s.totalText,
      maksimum: maximum(s.max),
      persen: percent(s.total, s.max),
      predikat: s.predikat ?? 'belum mencapai predikat',
      adaPredikat: s.predikat !== null,
      predikatBerikut: s.nextPredikat?.name ?? '',
      adaPredikatBerikut: s.nextPredikat !== null,
      batasPredikatBerikut: s.nextPredikat?.threshold ?? '',
      kurangKePredikatBerikut: s.nextPredikat?.gap ?? '',
      tambahanPredikatBerikut: s.nextPredikat?.need ?? '',
    },
    kelompok: m.groups.map((g) => ({ label: g.label, nama: g.name, nilai: p(g.points), maksimum: maximum(g.max), persen: percent(g.points, g.max) })),
    terlemah: m.weakest.map((w) => ({ id: w.id, nama: w.name, kelompok: w.groupLabel, nilai: p(w.points), maksimum: maximum(w.max), persen: percent(w.points, w.max) })),
    opd: { jumlah: m.opds.length, mengirim: sent, belumMengirim: m.opds.length - sent },
    pertanyaan: { jumlah: s.questions, dijawab: s.answered, belumDijawab: s.questions - s.answered },
    rencana: {
      ada: m.opdPlans.length > 0,
      target: m.plan?.target ?? '',
      batas: m.plan?.threshold ?? '',
      jumlahOpd: m.opdPlans.length,
      jumlahLangkah: m.opdPlans.reduce((k, o) => k + o.steps.length, 0),
      jumlahKegiatan: m.opdPlans.reduce((k, o) => k + o.activities.length, 0),
    },
    rujukan: refs,
  };
}

/** A reference to a part the document has ('' when the part is left out, e.g. no child data). */
function refOrEmpty(n: Numbering, id: string): string {
  return n.entries.some((e) => e.id === id) ? n.ref(id) : '';
}

/** Defensive: any string reaching a template is one clean line (the model already cleans; the view must not rely on it). */
export function sealView<T>(v: T): T {
  if (typeof v === 'string') return cleanText(v, 4000) as T;
  if (Array.isArray(v)) return v.map((x) => sealView(x)) as T;
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, sealView(x)])) as T;
  }
  return v;
}
