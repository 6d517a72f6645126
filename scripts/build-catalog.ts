/**
 * Builds catalogs/kla-2024.json from the transcribed 2024 instrument
 * (../shared/reference/kla-2024-instrument.json by default, or the path given).
 *
 * The shipped catalog is the committed JSON, not this script: the script records
 * how every field was derived and how the source's inconsistencies were
 * resolved, so the derivation can be reviewed and repeated. docs/catalog.md
 * explains the same in prose.
 *
 *   npx tsx scripts/build-catalog.ts [path/to/kla-2024-instrument.json]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildCatalog } from '../src/catalog/load.js';
import type { CatalogData, Rubric } from '../src/catalog/schema.js';
import { catalogsDir, packageRoot } from '../src/paths.js';

interface SrcQuestion {
  id: string;
  text: string;
  max: number;
  opds: string[];
  for_kecamatan: boolean;
  for_desa: boolean;
  evidence_requested: boolean;
  answer_hint: 'availability' | 'percent' | 'count' | 'narrative';
}
interface SrcIndicator { id: string; name: string; max: number; questions: SrcQuestion[] }
interface SrcGroup { id: string; label: string; name: string; max_as_labelled: number; indicators: SrcIndicator[] }
interface Src { title: string; source: string; predikat_bands: { name: string; min: number; max: number }[]; groups: SrcGroup[] }

const input = process.argv[2] ?? path.resolve(packageRoot, '../shared/reference/kla-2024-instrument.json');
const src = JSON.parse(readFileSync(input, 'utf8')) as Src;

/** The instrument's source names, with the office each stands for and the spellings seen in practice. */
const sources: CatalogData['sources'] = [
  { id: 'DPPPAPPKB', name: 'Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana', aliases: ['DPPPA', 'DP3A', 'DP3AP2KB', 'DPPPAPPKB', 'Dinas PPPA'] },
  { id: 'Dinkes', name: 'Dinas Kesehatan', aliases: ['Dinkes', 'Dinas Kesehatan'] },
  { id: 'Dinsos', name: 'Dinas Sosial', aliases: ['Dinsos', 'Dinas Sosial'] },
  { id: 'Disdikbud', name: 'Dinas Pendidikan dan Kebudayaan', aliases: ['Disdik', 'Disdikbud', 'Dinas Pendidikan'] },
  { id: 'BAPPEDA', name: 'Badan Perencanaan Pembangunan Daerah', aliases: ['Bappeda', 'Bappedalitbang'] },
  { id: 'Kemenag', name: 'Kantor Kementerian Agama', aliases: ['Kemenag', 'Kantor Kemenag'] },
  { id: 'Bagian Hukum', name: 'Bagian Hukum Sekretariat Daerah', aliases: ['Bagian Hukum', 'Bag. Hukum', 'Kabag Hukum'] },
  { id: 'JDIH', name: 'Jaringan Dokumentasi dan Informasi Hukum', aliases: ['JDIH'] },
  { id: 'Kominfo', name: 'Dinas Komunikasi dan Informatika', aliases: ['Kominfo', 'Diskominfo'] },
  { id: 'Disdukcapil', name: 'Dinas Kependudukan dan Pencatatan Sipil', aliases: ['Disdukcapil', 'Dukcapil', 'Capil', 'CAPIL'] },
  { id: 'BPBD', name: 'Badan Penanggulangan Bencana Daerah', aliases: ['BPBD'] },
  { id: 'UPTD PPA', name: 'UPTD Perlindungan Perempuan dan Anak', aliases: ['UPTD PPA', 'P2TP2A'] },
  { id: 'Disnaker', name: 'Dinas Tenaga Kerja', aliases: ['Disnaker', 'Disnakertrans'] },
  { id: 'Kejaksaan', name: 'Kejaksaan Negeri', aliases: ['Kejari', 'Kejaksaan'] },
  { id: 'UPPA Polres', name: 'Unit Pelayanan Perempuan dan Anak Polres', aliases: ['UPPA', 'Unit PPA Polres'] },
  { id: 'Polres', name: 'Kepolisian Resor', aliases: ['Polres'] },
  { id: 'Satpol PP', name: 'Satuan Polisi Pamong Praja', aliases: ['Satpol PP'] },
  { id: 'Perpustakaan', name: 'Dinas Perpustakaan dan Kearsipan', aliases: ['Perpustakaan', 'Dispusip', 'Dinas Perpustakaan'] },
  { id: 'BNN', name: 'Badan Narkotika Nasional Kabupaten/Kota', aliases: ['BNN', 'BNNK'] },
  { id: 'Dinas PUPR', name: 'Dinas Pekerjaan Umum dan Penataan Ruang', aliases: ['PUPR', 'Dinas PUPR', 'Dinas PU'] },
  { id: 'Dinas PU Perkim', name: 'Dinas Perumahan dan Kawasan Permukiman', aliases: ['Perkim', 'Disperkim', 'Dinas PU Perkim'] },
  { id: 'Dishub', name: 'Dinas Perhubungan', aliases: ['Dishub'] },
  { id: 'Kesbangpol', name: 'Badan Kesatuan Bangsa dan Politik', aliases: ['Kesbangpol'] },
  { id: 'Dinas Pariwisata', name: 'Dinas Pariwisata', aliases: ['Dispar', 'Dinas Pariwisata'] },
  { id: 'Disparpor', name: 'Dinas Pariwisata, Pemuda dan Olahraga', aliases: ['Disparpora', 'Disparpor'] },
  { id: 'Dispora', name: 'Dinas Pemuda dan Olahraga', aliases: ['Dispora'] },
  { id: 'DLH', name: 'Dinas Lingkungan Hidup', aliases: ['DLH'] },
  { id: 'Bapenda', name: 'Badan Pendapatan Daerah', aliases: ['Bapenda'] },
  { id: 'Forum Anak Daerah (FAD)', name: 'Forum Anak Daerah', aliases: ['FAD', 'Forum Anak'] },
  { id: 'Dunia Usaha', name: 'Dunia Usaha (Forum CSR/APSAI)', aliases: ['Dunia Usaha', 'APSAI', 'Forum CSR'] },
  { id: 'Pengadilan Agama', name: 'Pengadilan Agama', aliases: ['PA', 'PAN'] },
];

/** Source names in the transcription mapped onto the list above. */
const sourceRename: Record<string, string> = { 'Dinas PU': 'Dinas PUPR', PAN: 'Pengadilan Agama' };

/** Questions the transcription lists without any source. */
const sourceFill: Record<string, string[]> = {
  '25.11': ['Dinkes', 'DPPPAPPKB'],
  '25.12': ['DPPPAPPKB'],
  '25.13': ['DPPPAPPKB'],
  '26.2': ['DPPPAPPKB', 'Bagian Hukum'],
  '26.3': ['DPPPAPPKB', 'BAPPEDA'],
  '26.15': ['DPPPAPPKB'],
  '26.16': ['DPPPAPPKB'],
  '26.17': ['Disnaker', 'DPPPAPPKB'],
  '26.18': ['Disnaker', 'DPPPAPPKB'],
};

/** Obvious typing slips in question texts. */
const textFix: Record<string, [string, string]> = {
  '21A.2': ['ApakaKLASh', 'Apakah'],
  '1.3zg': ['pakah ada', 'Apakah ada'],
};

const rubrics: Record<string, Rubric> = {
  regulasi: {
    kind: 'options',
    description: 'Bentuk hukum kebijakan: Perda penuh, Peraturan Kepala Daerah tiga perempat, SK/Instruksi/Surat Edaran separuh.',
    options: [
      { value: 'Ada, Peraturan Daerah', fraction: 1 },
      { value: 'Ada, Peraturan Bupati/Wali Kota', fraction: 0.75 },
      { value: 'Ada, SK/Instruksi/Surat Edaran', fraction: 0.5 },
      { value: 'Dalam proses penyusunan', fraction: 0.25 },
      { value: 'Tidak ada', fraction: 0 },
    ],
  },
  anggaran: {
    kind: 'options',
    description: 'Anggaran: APBD bersama sumber lain penuh, APBD saja 0,75, sumber lain saja 0,5.',
    options: [
      { value: 'Ada, APBD dan sumber lain', fraction: 1 },
      { value: 'Ada, APBD saja', fraction: 0.75 },
      { value: 'Ada, sumber lain saja', fraction: 0.5 },
      { value: 'Tidak ada', fraction: 0 },
    ],
  },
  ketersediaan: {
    kind: 'options',
    description: 'Ketersediaan bertingkat: lengkap dan berjalan penuh, sebagian separuh, baru direncanakan seperlima.',
    options: [
      { value: 'Ada, lengkap dan berjalan', fraction: 1 },
      { value: 'Ada, sebagian', fraction: 0.5 },
      { value: 'Direncanakan', fraction: 0.2 },
      { value: 'Tidak ada', fraction: 0 },
    ],
  },
  'ketersediaan-negatif': {
    kind: 'options',
    description: 'Pertanyaan yang jawaban baiknya "Tidak" (misalnya masih menerima sponsor rokok).',
    options: [
      { value: 'Tidak', fraction: 1 },
      { value: 'Ya', fraction: 0 },
    ],
  },
  narasi: {
    kind: 'options',
    description: 'Uraian dengan MATRIKS dan dokumen penuh, uraian tanpa MATRIKS separuh; uraiannya ditulis pada kolom Catatan.',
    options: [
      { value: 'Ada, dengan MATRIKS dan dokumen', fraction: 1 },
      { value: 'Ada, tanpa MATRIKS', fraction: 0.5 },
      { value: 'Tidak ada', fraction: 0 },
    ],
  },
  'persen-naik': {
    kind: 'bands',
    description: 'Persentase yang makin tinggi makin baik: >= 90 penuh, >= 75 tiga perempat, >= 50 separuh, >= 25 seperempat.',
    better: 'higher',
    bands: [
      { threshold: 90, fraction: 1 },
      { threshold: 75, fraction: 0.75 },
      { threshold: 50, fraction: 0.5 },
      { threshold: 25, fraction: 0.25 },
    ],
    otherwise: 0,
  },
  'persen-turun': {
    kind: 'bands',
    description: 'Persentase yang makin rendah makin baik (masalah gizi, MP-ASI dini): <= 5 penuh, <= 10 tiga perempat, <= 20 separuh, <= 30 seperempat.',
    better: 'lower',
    bands: [
      { threshold: 5, fraction: 1 },
      { threshold: 10, fraction: 0.75 },
      { threshold: 20, fraction: 0.5 },
      { threshold: 30, fraction: 0.25 },
    ],
    otherwise: 0,
  },
  jumlah: {
    kind: 'bands',
    description: 'Jumlah lembaga/layanan/SDM: >= 5 penuh, >= 3 tiga perempat, >= 1 separuh, 0 tidak mendapat poin.',
    better: 'higher',
    bands: [
      { threshold: 5, fraction: 1 },
      { threshold: 3, fraction: 0.75 },
      { threshold: 1, fraction: 0.5 },
    ],
    otherwise: 0,
  },
  'tren-turun': {
    kind: 'trend',
    description: 'Jumlah yang harus turun (kematian bayi/ibu): nol atau turun dari tahun sebelumnya penuh, tetap separuh, naik seperempat; tanpa data tahun sebelumnya separuh.',
    better: 'lower',
    improved: 1,
    unchanged: 0.5,
    worsened: 0.25,
    noPrevious: 0.5,
  },
};

/** Questions where a lower value or a "no" is the good answer. */
const lowerIsBetter = new Set(['13.1', '13.2', '13.3', '14.3', '25.7a', '25.7b', '25.7c', '25.7d', '26.8a', '26.8b', '26.8c', '26.8d']);
const negativeYesNo = new Set(['17.5', '17.6', '24A.4', '26.17']);
const trendDown = new Set(['12.4', '12.5']);

const TWO_YEARS = /(2|dua) tahun terakhir|tahun sebelumn?ya|tahun sebelumya/i;

function rubricFor(id: string, q: SrcQuestion, indicatorId: string): string {
  if (q.answer_hint === 'narrative') return 'narasi';
  if (q.answer_hint === 'percent') return lowerIsBetter.has(id) ? 'persen-turun' : 'persen-naik';
  if (q.answer_hint === 'count') return trendDown.has(id) ? 'tren-turun' : 'jumlah';
  if (negativeYesNo.has(id)) return 'ketersediaan-negatif';
  if (indicatorId === '1' && (id === '1.1' || id.startsWith('1.2'))) return 'regulasi';
  if (indicatorId === '1' && id.startsWith('1.3')) return 'anggaran';
  return 'ketersediaan';
}

const groups: CatalogData['groups'] = src.groups.map((g) => {
  const indicators = g.indicators.map((ind) => {
    const qSum = ind.questions.reduce((s, q) => s + q.max, 0);
    return {
      id: ind.id,
      name: ind.name.trim(),
      max: ind.max,
      questionMaxima: (Math.abs(qSum - ind.max) > 1e-9 ? 'weights' : 'points') as 'weights' | 'points',
      questions: ind.questions.map((q) => {
        const id = q.id.replace(/\s+/g, '');
        let text = q.text.replace(/\r\n?/g, '\n').trim();
        const fix = textFix[id];
        if (fix) text = text.replace(fix[0], fix[1]);
        const rubric = rubricFor(id, q, ind.id);
        const numeric = q.answer_hint === 'percent' || q.answer_hint === 'count';
        const qSources = q.opds.length > 0 ? q.opds.map((o) => sourceRename[o] ?? o) : (sourceFill[id] ?? []);
        return {
          id,
          text,
          max: q.max,
          sources: [...new Set(qSources)],
          answerType: q.answer_hint,
          rubric,
          previousYear: numeric && (TWO_YEARS.test(text) || trendDown.has(id)),
          evidenceRequired: q.evidence_requested,
          noteRequired: q.answer_hint === 'narrative' || /catatan/i.test(text),
          scope: (q.for_desa ? 'desa' : q.for_kecamatan ? 'kecamatan' : 'kabupaten') as 'desa' | 'kecamatan' | 'kabupaten',
        };
      }),
    };
  });
  return {
    id: g.id,
    label: g.label,
    name: g.name,
    max: indicators.reduce((s, i) => s + i.max, 0),
    indicators,
  };
});

const catalog: CatalogData = {
  schemaVersion: 1,
  id: 'kla-2024',
  title: 'Instrumen Evaluasi Mandiri KLA 2024',
  provenance:
    'Ditranskripsi dari "Rekap Penilaian Mandiri KLA 2024" sebuah kabupaten yang dipublikasikan di repositori publik; ' +
    'bukan teks resmi peraturan. Poin dan redaksi pertanyaan adalah bacaan publik terbaik dan perlu dicocokkan dengan juknis KemenPPPA tahun berjalan. ' +
    'Rubrik penilaian (jawaban -> pecahan poin) adalah rubrik acuan kla, bukan rubrik resmi: rubrik resmi tidak dipublikasikan. ' +
    'Semua nilai yang dihitung kla adalah perkiraan hasil evaluasi mandiri.',
  totalMax: 1000,
  predikat: { decimalRule: 'upper-inclusive', bands: src.predikat_bands },
  sources,
  rubrics,
  groups,
  resolutions: [
    {
      issue: 'Klaster I diberi label 150 poin, tetapi poin indikatornya (4, 5, 6) berjumlah 115.',
      resolution: 'Poin maksimum kelompok dihitung dari jumlah poin indikatornya (115); hanya dengan itu total seluruh indikator tepat 1000.',
    },
    {
      issue: 'Indikator 19: poin pertanyaan berjumlah 54, poin maksimum indikator 51.',
      resolution: 'Poin maksimum indikator (51) yang berlaku; poin pertanyaan dipakai sebagai bobot relatif di dalamnya (questionMaxima "weights"), jadi tiap pertanyaan bernilai poinnya x 51/54.',
    },
    {
      issue: 'Indikator 21B: poin pertanyaan berjumlah 18, poin maksimum indikator 17.',
      resolution: 'Sama seperti indikator 19: poin maksimum indikator (17) yang berlaku; poin pertanyaan adalah bobot relatif (x 17/18).',
    },
    {
      issue: 'Nama OPD dalam sumber tidak seragam: Dinas PU, Dinas PU Perkim dan Dinas PUPR; "PAN" tidak dijelaskan.',
      resolution:
        'Dinas PU digabung ke Dinas PUPR (nama generik untuk dinas yang sama). Dinas PU Perkim tetap sumber tersendiri (Dinas Perumahan dan Kawasan Permukiman) karena disebut berdampingan dengan Dinas PUPR pada pertanyaan yang sama. ' +
        'PAN dibaca sebagai Pengadilan Agama (pertanyaan 7.2 tentang pencatatan perkawinan anak, tempat dispensasi kawin diputus); ini dugaan dan dicatat sebagai alias. ' +
        'Kabupaten memetakan OPD-nya sendiri ke sumber-sumber ini di kla.config.json, sehingga satu OPD dapat menjawab untuk beberapa sumber (mis. Bagian Hukum untuk JDIH).',
    },
    {
      issue: 'Sembilan pertanyaan Kelana/Dekela (25.11, 25.12, 25.13, 26.2, 26.3, 26.15, 26.16, 26.17, 26.18) tidak menyebut OPD sumber.',
      resolution: 'Diberikan kepada DPPPAPPKB sebagai koordinator KLA, ditambah OPD teknis yang jelas dari teksnya (Dinkes untuk KTR, Bagian Hukum dan BAPPEDA untuk peraturan dan anggaran desa, Disnaker untuk pekerja anak).',
    },
    {
      issue: 'ID pertanyaan "21A.4 a", "21A.4 b", "25.7 a", "25.7 b" memuat spasi, tidak seperti ID lainnya.',
      resolution: 'Spasi dihapus: 21A.4a, 21A.4b, 25.7a, 25.7b. ID lain dipertahankan apa adanya dan stabil.',
    },
    {
      issue: 'Jenis jawaban (answer_hint) dan permintaan data dukung (evidence_requested) adalah heuristik dari teks pertanyaan, bukan bagian sumber.',
      resolution:
        'Dipakai apa adanya sebagai titik awal. Nilai tahun sebelumnya diminta untuk pertanyaan angka yang teksnya menyebut "2 tahun terakhir"/"tahun sebelumnya" dan untuk jumlah kematian bayi/ibu (12.4, 12.5); ' +
        'catatan wajib diisi bila pertanyaan naratif atau teksnya meminta penjelasan "pada catatan". Kabupaten dapat menyesuaikan semuanya di katalog sendiri.',
    },
    {
      issue: 'Beberapa pertanyaan bernilai baik bila jawabannya "Tidak" atau angkanya rendah (17.5, 17.6, 24A.4, 26.17; 13.1–13.3, 14.3, 25.7a–d, 26.8a–d; 12.4, 12.5).',
      resolution: 'Diberi rubrik acuan terbalik ("ketersediaan-negatif", "persen-turun", "tren-turun").',
    },
    {
      issue: 'Pertanyaan 7.1 dan 7.2 bertulisan sama dalam sumber; 26.17 bernilai 0 poin; sumber tidak memuat 25.1 dan 26.1.',
      resolution: 'Dipertahankan seperti sumber (tidak menebak teks yang benar); 26.17 tetap ditanyakan sebagai data tanpa poin.',
    },
    {
      issue: 'Batas predikat untuk nilai desimal (mis. 600,5) tidak diatur sumber mana pun.',
      resolution: 'Aturan "upper-inclusive": nilai dibandingkan dengan presisi penuh; predikat berlaku bila nilai melebihi batas atas predikat di bawahnya dan tidak melebihi batas atasnya sendiri; Pratama mulai tepat 500. Jadi 600 = Pratama, 600,01 = Madya.',
    },
  ],
};

// Refuse to write a catalog that would not load.
buildCatalog(catalog, 'kla-2024 (generated)');
const out = path.join(catalogsDir, 'kla-2024.json');
writeFileSync(out, JSON.stringify(catalog, null, 2) + '\n');
const n = catalog.groups.flatMap((g) => g.indicators.flatMap((i) => i.questions)).length;
console.log(`wrote ${path.relative(process.cwd(), out)}: ${n} questions`);
