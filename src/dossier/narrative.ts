/**
 * What the narrative templates may say: the variables they can use (the spec,
 * checked against every template before anything is rendered) and the view
 * that fills them, built from the content model. Every value is a cleaned,
 * one-line string, a boolean, or a count (a number, so that {{#if}} reads 0 as
 * false), so no value can add structure to the text.
 */
import type { DossierModel } from './model.js';
import { cleanText, count, decimal, percent, points } from './text.js';

/** A variable: a printable value, an object of variables, or a list of objects. */
export type VarSpec = 'value' | { readonly [key: string]: VarSpec } | readonly [VarSpec];

const person = { jabatan: 'value', nama: 'value', nip: 'value' } as const;

/** Every variable a template may use. Keys are Indonesian: the templates' authors are. */
export const VIEW_SPEC = {
  daerah: { nama: 'value', namaSingkat: 'value', jenis: 'value', kepala: 'value', provinsi: 'value', ibukota: 'value' },
  tahun: 'value',
  tahunSebelumnya: 'value',
  tahunData: 'value',
  tahunDataSebelumnya: 'value',
  tanggal: 'value',
  draf: 'value',
  kepalaDaerah: person,
  koordinator: person,
  profil: {
    luas: 'value',
    kecamatan: 'value',
    desaKelurahan: 'value',
    penduduk: 'value',
    anak: 'value',
    persenAnak: 'value',
    uraian: 'value',
  },
  katalog: { judul: 'value', jumlahPertanyaan: 'value' },
  nilai: {
    total: 'value',
    maksimum: 'value',
    persen: 'value',
    predikat: 'value',
    adaPredikat: 'value',
    prakiraan: 'value',
    prakiraanPredikat: 'value',
    adaPrakiraanPredikat: 'value',
    dataDukungDiperiksa: 'value',
    selisihPrakiraan: 'value',
    predikatBerikut: 'value',
    adaPredikatBerikut: 'value',
    batasPredikatBerikut: 'value',
    kurangKePredikatBerikut: 'value',
  },
  kelompok: [{ label: 'value', nama: 'value', nilai: 'value', maksimum: 'value', persen: 'value' }],
  terlemah: [{ id: 'value', nama: 'value', kelompok: 'value', nilai: 'value', maksimum: 'value', persen: 'value' }],
  opd: { jumlah: 'value', mengirim: 'value', belumMengirim: 'value' },
  pertanyaan: { jumlah: 'value', dijawab: 'value', belumDijawab: 'value', tanpaDataDukung: 'value' },
  rencana: {
    ada: 'value',
    target: 'value',
    batas: 'value',
    awal: 'value',
    akhir: 'value',
    sudahTercapai: 'value',
    dapatTercapai: 'value',
    kekurangan: 'value',
    jumlahOpd: 'value',
    jumlahLangkah: 'value',
  },
  catatanKualitas: 'value',
  masalahTerbuka: 'value',
} as const satisfies { [key: string]: VarSpec };

type ViewOf<S> = S extends 'value' ? string | number | boolean : S extends readonly [infer I] ? ViewOf<I>[] : { [K in keyof S]: ViewOf<S[K]> };
/** The values handed to the templates; the type follows VIEW_SPEC, so the two cannot drift apart. */
export type NarrativeView = ViewOf<typeof VIEW_SPEC>;

const p = (n: number) => points(n);
const opt = (n: number | undefined, f: (n: number) => string) => (n === undefined ? '' : f(n));

/** The template variables for a model. Pure. */
export function buildView(m: DossierModel, profile: { areaKm2?: number | undefined; kecamatan?: number | undefined; desaKelurahan?: number | undefined; population?: number | undefined; children?: number | undefined }): NarrativeView {
  const s = m.summary;
  const sent = m.opds.filter((o) => o.files.length > 0).length;
  const unanswered = s.questions - s.answered;
  const isKota = m.district.kind === 'kota';
  const sig = (x: DossierModel['signatories']['head']) => ({ jabatan: x.title, nama: x.name, nip: x.nip });
  return {
    daerah: {
      nama: m.district.name,
      namaSingkat: m.district.shortName,
      jenis: isKota ? 'Kota' : 'Kabupaten',
      kepala: isKota ? 'Wali Kota' : 'Bupati',
      provinsi: m.district.province,
      ibukota: m.district.capital,
    },
    tahun: String(m.year),
    tahunSebelumnya: String(m.year - 1),
    tahunData: String(m.dataYears.evaluated),
    tahunDataSebelumnya: String(m.dataYears.previous),
    tanggal: m.dateText,
    draf: m.draft,
    kepalaDaerah: sig(m.signatories.head),
    koordinator: sig(m.signatories.coordinator),
    profil: {
      luas: opt(profile.areaKm2, decimal),
      kecamatan: opt(profile.kecamatan, count),
      desaKelurahan: opt(profile.desaKelurahan, count),
      penduduk: opt(profile.population, count),
      anak: opt(profile.children, count),
      persenAnak: profile.children !== undefined && profile.population ? percent(profile.children, profile.population) : '',
      uraian: m.profileDescription,
    },
    katalog: { judul: m.catalog.title, jumlahPertanyaan: m.catalog.questions },
    nilai: {
      total: s.totalText,
      maksimum: p(s.max),
      persen: percent(s.total, s.max),
      predikat: s.predikat ?? 'belum mencapai predikat',
      adaPredikat: s.predikat !== null,
      prakiraan: s.forecastTotalText,
      prakiraanPredikat: s.forecastPredikat ?? 'belum mencapai predikat',
      adaPrakiraanPredikat: s.forecastPredikat !== null,
      dataDukungDiperiksa: s.evidenceChecked,
      selisihPrakiraan: p(s.total - s.forecastTotal),
      predikatBerikut: s.nextPredikat?.name ?? '',
      adaPredikatBerikut: s.nextPredikat !== null,
      batasPredikatBerikut: s.nextPredikat?.threshold ?? '',
      kurangKePredikatBerikut: s.nextPredikat?.gap ?? '',
    },
    kelompok: m.groups.map((g) => ({ label: g.label, nama: g.name, nilai: p(g.points), maksimum: p(g.max), persen: percent(g.points, g.max) })),
    terlemah: m.weakest.map((w) => ({ id: w.id, nama: w.name, kelompok: w.groupLabel, nilai: p(w.points), maksimum: p(w.max), persen: percent(w.points, w.max) })),
    opd: { jumlah: m.opds.length, mengirim: sent, belumMengirim: m.opds.length - sent },
    pertanyaan: {
      jumlah: s.questions,
      dijawab: s.answered,
      belumDijawab: unanswered,
      tanpaDataDukung: s.evidenceMissing,
    },
    rencana: {
      ada: m.plan !== null && m.plan.byOpd.length > 0,
      target: m.plan?.target ?? '',
      batas: m.plan?.threshold ?? '',
      awal: m.plan ? p(m.plan.start) : '',
      akhir: m.plan ? p(m.plan.end) : '',
      sudahTercapai: m.plan?.status === 'reached',
      dapatTercapai: m.plan?.status === 'reachable',
      kekurangan: m.plan ? p(m.plan.shortfall) : '',
      jumlahOpd: m.plan?.byOpd.length ?? 0,
      jumlahLangkah: m.plan?.byOpd.reduce((n, o) => n + o.steps.length, 0) ?? 0,
    },
    catatanKualitas: m.notes.length,
    masalahTerbuka: m.problems.length,
  };
}

/** Defensive: any string reaching a template is one clean line (the model already cleans; the view must not rely on it). */
export function sealView<T>(v: T): T {
  if (typeof v === 'string') return cleanText(v, 2000) as T;
  if (Array.isArray(v)) return v.map((x) => sealView(x)) as T;
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, sealView(x)])) as T;
  }
  return v;
}
