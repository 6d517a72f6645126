/**
 * The example district's DPPPA profile workbook (fixtures/merangin), for
 * scripts/make-fixtures.ts: a readable description (answers/PROFIL.json) and
 * the filled workbook built from the real template.
 *
 * Real: the 24 kecamatan of Kabupaten Merangin with their Kemendagri codes
 * (15.02.01–15.02.24, as public lists of administrative areas give them).
 * Invented: every desa/kelurahan name and code, the child figures (seeded,
 * scaled to the config's rounded 127 000 children), regulation numbers,
 * narratives, earlier scores and planned activities. See the fixture README.
 */
import type ExcelJS from 'exceljs';
import type { Project } from '../src/project/config.js';
import { buildProfileWorkbook, indicatorOption, opdOption } from '../src/workbook/profile-template.js';
import {
  ACTIVITY_TABLE,
  AGE_GROUPS,
  CHILD_FIELDS,
  CHILD_TABLE,
  DESA_TABLE,
  GUGUS_TUGAS_FIELDS,
  HISTORY_TABLE,
  KECAMATAN_TABLE,
  NARRATIVE_PARTS,
  NARRATIVE_TEXT_COL,
  PROFILE_SHEETS,
  REGULATION_TABLE,
  SEXES,
  childCountCol,
  colOf,
  narrativeHeadingRow,
} from '../src/workbook/profile-layout.js';
import { rng } from './seeded.js';

// ---------------------------------------------------------------------------
// Description format (answers/PROFIL.json)

export interface ProfileDescription {
  /** File name of the filled workbook in submissions/. */
  file: string;
  kecamatan: { code: string; name: string; desa: { code: string; name: string; kind: 'Desa' | 'Kelurahan' }[] }[];
  children: { year: number; source: string; ageGroups: string[]; rows: { kecamatan: string; male: number[]; female: number[] }[] };
  /** `kind` as the dropdown offers it. */
  regulations: { kind: string; number: string; year: number; title: string }[];
  gugusTugas: { chair: string; members: number };
  /** By catalog group id. */
  narratives: Record<string, { capaian: string; kendala: string; upaya: string }>;
  history: { year: number; predikat: string; total: number | null; note: string }[];
  /** `opd` is the OPD code, `indicator` the indicator id; the workbook holds the dropdown text for both. */
  activities: { opd: string; indicator: string; activity: string; timing: string; responsible: string }[];
}

// ---------------------------------------------------------------------------


// ---------------------------------------------------------------------------
// Areas

/**
 * Kecamatan in Kemendagri code order, with an invented number of desa (215 in
 * all, as the config says), kelurahan (10 in all, in the towns) and an
 * invented population weight for the child figures.
 */
const KECAMATAN: [name: string, desa: number, kelurahan: number, weight: number][] = [
  ['Jangkat', 11, 0, 12],
  ['Bangko', 5, 5, 58],
  ['Muara Siau', 15, 0, 16],
  ['Sungai Manau', 10, 1, 14],
  ['Tabir', 10, 1, 30],
  ['Pamenang', 7, 2, 22],
  ['Tabir Ulu', 9, 0, 17],
  ['Tabir Selatan', 10, 0, 20],
  ['Lembah Masurai', 13, 0, 18],
  ['Bangko Barat', 7, 1, 12],
  ['Nalo Tantan', 9, 0, 13],
  ['Batang Masumai', 8, 0, 11],
  ['Pamenang Barat', 7, 0, 14],
  ['Tabir Ilir', 8, 0, 10],
  ['Tabir Timur', 6, 0, 11],
  ['Renah Pembarap', 10, 0, 13],
  ['Pangkalan Jambu', 7, 0, 10],
  ['Sungai Tenang', 10, 0, 11],
  ['Renah Pamenang', 6, 0, 9],
  ['Pamenang Selatan', 6, 0, 12],
  ['Margo Tabir', 8, 0, 16],
  ['Tabir Lintas', 7, 0, 9],
  ['Tabir Barat', 7, 0, 10],
  ['Tiang Pumpung', 9, 0, 8],
];

const FIRST = ['Sungai', 'Muara', 'Lubuk', 'Talang', 'Tanjung', 'Pulau', 'Rantau', 'Koto', 'Bukit', 'Danau', 'Pematang', 'Simpang', 'Air', 'Padang', 'Batu', 'Teluk', 'Durian', 'Renah', 'Kampung', 'Tebing'];
const SECOND = [
  'Baru', 'Jaya', 'Tinggi', 'Panjang', 'Mudo', 'Tuo', 'Ilir', 'Ulu', 'Makmur', 'Kuning', 'Putih', 'Lamo', 'Gedang', 'Kecil', 'Rayo', 'Sari',
  'Indah', 'Mulya', 'Berangin', 'Kemang', 'Limau', 'Bungur', 'Kelapa', 'Pinang', 'Meranti', 'Seruni', 'Pauh', 'Rengas', 'Petai', 'Kandis',
  'Tembesu', 'Bayur', 'Selasih', 'Medang', 'Tampui', 'Sialang', 'Jernih', 'Emas', 'Harapan', 'Sejahtera',
];

function areas(): ProfileDescription['kecamatan'] {
  const used = new Set<string>();
  return KECAMATAN.map(([name, desa, kelurahan], i) => {
    const code = `15.02.${String(i + 1).padStart(2, '0')}`;
    const next = rng(`desa:${name}`);
    const pick = () => {
      for (;;) {
        const n = `${FIRST[Math.floor(next() * FIRST.length)]} ${SECOND[Math.floor(next() * SECOND.length)]}`;
        if (!used.has(n)) {
          used.add(n);
          return n;
        }
      }
    };
    // Kemendagri numbers kelurahan 1001… and desa 2001… within a kecamatan.
    const kel = Array.from({ length: kelurahan }, (_, j) => ({ code: `${code}.${1001 + j}`, name: pick(), kind: 'Kelurahan' as const }));
    const des = Array.from({ length: desa }, (_, j) => ({ code: `${code}.${2001 + j}`, name: pick(), kind: 'Desa' as const }));
    return { code, name, desa: [...kel, ...des] };
  });
}

// ---------------------------------------------------------------------------
// Children: 127 000 (the config's rounded figure) shared out by kecamatan weight, age group and sex

/** Share of each age group among children 0–17 (five-year groups, three years for 15–17). */
const AGE_SHARE = [0.27, 0.285, 0.285, 0.16];
const CHILDREN = 127_000;

function children(): ProfileDescription['children'] {
  const weightSum = KECAMATAN.reduce((s, k) => s + k[3], 0);
  const rows = KECAMATAN.map(([name, , , weight]) => {
    const next = rng(`anak:${name}`);
    const total = (CHILDREN * weight) / weightSum;
    const male: number[] = [];
    const female: number[] = [];
    AGE_SHARE.forEach((share) => {
      const group = total * share * (0.96 + next() * 0.08);
      // About 104 boys to 100 girls, as in Jambi's population.
      const boys = group * (0.505 + (next() - 0.5) * 0.02);
      male.push(Math.round(boys));
      female.push(Math.round(group - boys));
    });
    return { kecamatan: name, male, female };
  });
  return {
    year: 2025,
    source: 'Dinas Kependudukan dan Pencatatan Sipil Kabupaten Merangin, Data Kependudukan Bersih (DKB) Semester II Tahun 2025',
    ageGroups: [...AGE_GROUPS],
    rows,
  };
}

// ---------------------------------------------------------------------------
// Regulations, Gugus Tugas, narratives, history, activities (written by hand)

const REGULATIONS: ProfileDescription['regulations'] = [
  { kind: 'Peraturan Daerah tentang KLA', number: '4', year: 2022, title: 'Penyelenggaraan Kabupaten Layak Anak' },
  { kind: 'Keputusan Bupati tentang Gugus Tugas KLA', number: '188.45/112/KEP.BUP/2025', year: 2025, title: 'Pembentukan Gugus Tugas Kabupaten Layak Anak Kabupaten Merangin' },
  { kind: 'Peraturan Bupati tentang KLA', number: '27', year: 2025, title: 'Rencana Aksi Daerah Kabupaten Layak Anak Tahun 2025–2029' },
  { kind: 'Peraturan Daerah lainnya terkait anak', number: '3', year: 2019, title: 'Kawasan Tanpa Rokok' },
  { kind: 'Peraturan Bupati lainnya terkait anak', number: '21', year: 2022, title: 'Pengembangan Anak Usia Dini Holistik Integratif' },
  { kind: 'Peraturan Bupati lainnya terkait anak', number: '18', year: 2023, title: 'Percepatan Kepemilikan Akta Kelahiran' },
  { kind: 'Peraturan Bupati lainnya terkait anak', number: '9', year: 2024, title: 'Pencegahan Perkawinan Anak' },
  { kind: 'Keputusan Bupati lainnya terkait anak', number: '188.45/87/KEP.BUP/2025', year: 2025, title: 'Forum Anak Kabupaten Merangin Periode 2025–2027' },
];

const NARRATIVES: ProfileDescription['narratives'] = {
  KLB: {
    capaian:
      'Kabupaten Merangin telah memiliki Peraturan Daerah Nomor 4 Tahun 2022 tentang Penyelenggaraan Kabupaten Layak Anak, yang dijabarkan dalam Rencana Aksi Daerah KLA Tahun 2025–2029 (Peraturan Bupati Nomor 27 Tahun 2025). ' +
      'Gugus Tugas KLA dibentuk kembali dengan Keputusan Bupati Nomor 188.45/112/KEP.BUP/2025 dengan 42 anggota dari perangkat daerah, instansi vertikal, dunia usaha, dan lembaga masyarakat. ' +
      'Pada tahun 2025 Gugus Tugas menyelenggarakan empat rapat koordinasi dan satu kali pemantauan lapangan, dan 31 anggotanya telah mengikuti pelatihan Konvensi Hak Anak. Forum CSR mendanai taman bermain ramah anak di tiga kecamatan.',
    kendala:
      'Anggaran pemenuhan hak anak masih bertumpu pada APBD dan belum ditandai secara khusus dalam dokumen perencanaan perangkat daerah, sehingga besarannya sulit dihitung. ' +
      'Pergantian pejabat di beberapa perangkat daerah membuat anggota Gugus Tugas yang telah dilatih berpindah tugas, dan penyerahan data dukung dari perangkat daerah sering terlambat.',
    upaya:
      'Bappeda bersama DPPPA menerapkan penandaan anggaran responsif anak pada Rencana Kerja perangkat daerah mulai Tahun Anggaran 2027. ' +
      'Pelatihan Konvensi Hak Anak bagi anggota Gugus Tugas yang baru dilaksanakan setiap triwulan pertama, dan setiap perangkat daerah menunjuk petugas data anak dengan jadwal penyerahan data dukung yang disepakati dalam rapat Gugus Tugas.',
  },
  I: {
    capaian:
      'Kepemilikan Kartu Identitas Anak naik dari 45,3% pada tahun 2024 menjadi 52,7% pada tahun 2025 berkat layanan jemput bola Disdukcapil di sekolah dan posyandu. ' +
      'Penerbitan kutipan akta kelahiran dipercepat melalui Peraturan Bupati Nomor 18 Tahun 2023 dan kerja sama dengan pemerintah desa. ' +
      'Layanan informasi layak anak tersedia di perpustakaan daerah, pojok baca di ruang publik, dan siaran RRI Bangko; sebanyak 12.840 anak memanfaatkan layanan tersebut pada tahun 2025. Forum Anak Kabupaten Merangin ditetapkan dengan Keputusan Bupati dan dilibatkan dalam Musrenbang Kabupaten.',
    kendala:
      'Jangkauan layanan administrasi kependudukan ke kecamatan di wilayah pegunungan (Jangkat, Sungai Tenang, dan Lembah Masurai) terbatas oleh jarak dan jaringan internet. ' +
      'Informasi layak anak di luar ibu kota kabupaten masih sedikit, dan keterlibatan Forum Anak dalam perencanaan belum disertai catatan tindak lanjut atas usulan anak.',
    upaya:
      'Disdukcapil menjadwalkan layanan keliling setiap bulan di kecamatan terjauh dan menitipkan perekaman KIA pada sekolah. Dispusip dan Diskominfo memperluas pojok baca serta konten informasi anak di kanal resmi pemerintah daerah. ' +
      'Bappeda mencatat usulan Forum Anak dalam Musrenbang beserta tindak lanjutnya mulai tahun 2026.',
  },
  II: {
    capaian:
      'Pencegahan perkawinan anak diatur dengan Peraturan Bupati Nomor 9 Tahun 2024; data perkawinan anak dicatat KUA per kecamatan dan direkap bersama Pengadilan Agama Bangko dan Disdukcapil. ' +
      'Empat lembaga layanan konsultasi keluarga berfungsi, termasuk PUSPAGA Kabupaten Merangin yang memberikan enam jenis layanan. Tujuh Lembaga Kesejahteraan Sosial Anak terdaftar di Dinas Sosial, dua di antaranya telah terakreditasi.',
    kendala:
      'Dispensasi kawin masih diajukan terutama karena putus sekolah, kehamilan di luar nikah, faktor ekonomi, dan adat. ' +
      'PUSPAGA baru memiliki satu psikolog, sehingga layanan di kecamatan bergantung pada kunjungan berkala, dan lima LKSA belum memenuhi standar nasional pengasuhan anak.',
    upaya:
      'DPPPA bersama Kantor Kementerian Agama dan Pengadilan Agama Bangko melaksanakan konseling pranikah bagi calon pengantin usia anak dan sosialisasi di sekolah menengah. ' +
      'PUSPAGA membuka layanan konsultasi daring dan menjadwalkan kunjungan ke kecamatan setiap bulan; Dinas Sosial mendampingi LKSA menuju akreditasi secara bertahap.',
  },
  III: {
    capaian:
      'Persalinan di fasilitas kesehatan mencapai 91,2% dan cakupan imunisasi dasar lengkap naik dari 84,9% menjadi 87,4%. Jumlah kematian bayi turun dari 47 menjadi 41 kasus melalui audit maternal perinatal dan penguatan PONED di enam puskesmas. ' +
      'Prevalensi stunting pada anak di bawah dua tahun tercatat 18,2% (e-PPGBM); intervensi dilaksanakan di 35 desa lokus melalui Dapur Sehat Atasi Stunting. Sebanyak 61,5% puskesmas telah menyelenggarakan Pelayanan Ramah Anak di Puskesmas yang ditetapkan dengan keputusan.',
    kendala:
      'Kematian ibu naik dari enam menjadi tujuh kasus, sebagian besar karena keterlambatan rujukan dari wilayah terpencil. Cakupan ASI eksklusif baru 68,3% karena banyak ibu kembali bekerja di kebun ketika bayi berusia dua bulan. ' +
      'Penetapan Pelayanan Ramah Anak di Puskesmas belum diikuti penilaian mandiri di seluruh puskesmas.',
    upaya:
      'Dinas Kesehatan memperkuat rujukan berjenjang dan rumah tunggu kelahiran di empat kecamatan terpencil, membuka kelas menyusui di posyandu, dan menjadwalkan penilaian mandiri Pelayanan Ramah Anak di seluruh puskesmas pada tahun 2026. ' +
      'Percepatan penurunan stunting dikoordinasikan Tim Percepatan Penurunan Stunting kabupaten bersama pemerintah desa.',
  },
  IV: {
    capaian:
      'Satuan Pendidikan Ramah Anak telah ditetapkan pada 22,5% TK/RA, 31,4% SD/MI, dan 38,2% SMP/MTs, dan 412 pendidik dan tenaga kependidikan telah dilatih Konvensi Hak Anak. ' +
      'Dua Pusat Kreativitas Anak dan enam Rumah Ibadah Ramah Anak telah ditetapkan dengan keputusan kepala dinas terkait.',
    kendala:
      'Program Wajib Belajar 12 Tahun dan penanganan anak tidak sekolah belum didukung data by name by address yang mutakhir, terutama bagi anak di permukiman Suku Anak Dalam dan di kawasan perkebunan. ' +
      'Sebagian besar sekolah ramah anak belum melakukan evaluasi mandiri, dan fasilitas kreativitas anak masih terpusat di Bangko.',
    upaya:
      'Disdikbud dan Kantor Kementerian Agama memutakhirkan data anak tidak sekolah bersama pemerintah desa pada semester I 2026 dan menyalurkan anak tersebut ke sekolah atau pendidikan kesetaraan. ' +
      'Pendampingan evaluasi mandiri Satuan Pendidikan Ramah Anak dijadwalkan di setiap kecamatan, dan Disparpora menyiapkan ruang kreativitas anak di dua kecamatan di luar ibu kota.',
  },
  V: {
    capaian:
      'UPTD PPA menangani seluruh kasus kekerasan terhadap anak yang dilaporkan pada tahun 2025 dan bermitra dengan delapan perangkat daerah dalam layanan rujukan. ' +
      'Lima perkara anak yang berhadapan dengan hukum diselesaikan melalui diversi di tingkat penyidikan dan sebelas anak memperoleh bantuan hukum. Rumah aman dikelola bersama lembaga perlindungan anak, dan BNNK melaksanakan penyuluhan P4GN di sekolah menengah.',
    kendala:
      'Layanan bagi anak korban bencana dan konflik belum memiliki prosedur operasional baku, padahal banjir dan longsor berulang terjadi di wilayah Merangin. ' +
      'Pencatatan pekerja anak masih manual per kecamatan, dan pencegahan paparan paham radikal pada anak belum memiliki program yang terencana.',
    upaya:
      'BPBD bersama Dinas Sosial dan DPPPA menyusun prosedur layanan ramah anak di pengungsian dan mengembangkan satuan pendidikan aman bencana. ' +
      'Disnakertrans menyiapkan pendataan pekerja anak secara daring, dan Kesbangpol bersama Kantor Kementerian Agama menyelenggarakan pembinaan wawasan kebangsaan bagi pelajar.',
  },
  KD: {
    capaian:
      'Seluruh 24 kecamatan telah membentuk Forum Anak Kecamatan, dan 60,9% desa/kelurahan telah memiliki Forum Anak Desa/Kelurahan. ' +
      'Sebanyak 22,3% desa/kelurahan telah menetapkan peraturan desa atau kebijakan kelurahan tentang pemenuhan hak dan perlindungan khusus anak, dan 44,7% mengalokasikan anggaran untuk perlindungan anak.',
    kendala:
      'Baru 20,8% kecamatan memiliki profil anak kecamatan yang terpilah menurut jenis kelamin dan umur, sehingga perencanaan di tingkat kecamatan dan desa belum berbasis data. ' +
      'Pemahaman aparatur desa tentang Desa/Kelurahan Layak Anak beragam, dan pendampingan dari kabupaten belum menjangkau seluruh desa.',
    upaya:
      'DPPPA menyusun matriks Kelana dan Dekela untuk setiap kecamatan dan desa, melatih camat dan kepala desa tentang KLA, serta menyediakan contoh peraturan desa tentang perlindungan anak bersama Bagian Hukum. ' +
      'Penyusunan profil anak kecamatan ditargetkan selesai di seluruh kecamatan pada tahun 2026.',
  },
};

const HISTORY: ProfileDescription['history'] = [
  { year: 2019, predikat: 'Tidak memperoleh predikat', total: 468.5, note: 'Evaluasi pertama setelah pembentukan Gugus Tugas; kelembagaan dan data dukung belum lengkap.' },
  { year: 2021, predikat: 'Pratama', total: 571.3, note: 'Predikat Pratama pertama, diumumkan pada peringatan Hari Anak Nasional 2021.' },
  { year: 2023, predikat: 'Pratama', total: 594.15, note: 'Predikat Pratama dipertahankan; nilai naik 22,85 poin, terutama pada Klaster III.' },
];

/** Follow-up for the weakest indicators of the example (Kelana/Dekela, 18, 22B, 19, 15, 21C, 24B). */
const ACTIVITIES: ProfileDescription['activities'] = [
  { opd: 'DPPPA', indicator: '26', activity: 'Pendampingan penyusunan peraturan desa tentang perlindungan anak di 40 desa', timing: 'Maret–Agustus 2026', responsible: 'Bidang Pemenuhan Hak Anak' },
  { opd: 'DPPPA', indicator: '26', activity: 'Pembentukan dan pelatihan Forum Anak Desa di 30 desa yang belum memilikinya', timing: 'Triwulan II–III 2026', responsible: 'Bidang Pemenuhan Hak Anak' },
  { opd: 'HUKUM', indicator: '26', activity: 'Penyusunan contoh peraturan desa tentang pemenuhan hak dan perlindungan anak', timing: 'Triwulan I 2026', responsible: 'Subbagian Peraturan Perundang-undangan' },
  { opd: 'DPPPA', indicator: '25', activity: 'Penyusunan profil anak kecamatan terpilah menurut jenis kelamin dan umur di 19 kecamatan', timing: 'April–Oktober 2026', responsible: 'Bidang Data dan Informasi Gender dan Anak' },
  { opd: 'BAPPEDA', indicator: '25', activity: 'Integrasi indikator Kecamatan Layak Anak dalam Musrenbang Kecamatan', timing: 'Januari–Februari 2027', responsible: 'Bidang Pemerintahan dan Pembangunan Manusia' },
  { opd: 'DISDIKBUD', indicator: '18', activity: 'Pendataan by name by address anak tidak sekolah bersama pemerintah desa', timing: 'Semester I 2026', responsible: 'Bidang Pembinaan Pendidikan Nonformal dan Kesetaraan' },
  { opd: 'KEMENAG', indicator: '18', activity: 'Penjangkauan anak putus madrasah dan penyaluran ke program kesetaraan', timing: 'Juli–Desember 2026', responsible: 'Seksi Pendidikan Madrasah' },
  { opd: 'BPBD', indicator: '22B', activity: 'Penyusunan SOP layanan ramah anak di lokasi pengungsian', timing: 'Triwulan II 2026', responsible: 'Bidang Kedaruratan dan Logistik' },
  { opd: 'BPBD', indicator: '22B', activity: 'Pembentukan Satuan Pendidikan Aman Bencana di 12 sekolah rawan banjir dan longsor', timing: 'Agustus–November 2026', responsible: 'Bidang Pencegahan dan Kesiapsiagaan' },
  { opd: 'DISDIKBUD', indicator: '19', activity: 'Pendampingan evaluasi mandiri Satuan Pendidikan Ramah Anak di setiap kecamatan', timing: 'Sepanjang 2026', responsible: 'Bidang Pembinaan Sekolah Dasar dan Sekolah Menengah Pertama' },
  { opd: 'DINKES', indicator: '15', activity: 'Penilaian mandiri Pelayanan Ramah Anak di seluruh puskesmas', timing: 'Triwulan III 2026', responsible: 'Bidang Kesehatan Masyarakat' },
  { opd: 'DISNAKER', indicator: '21C', activity: 'Pendataan pekerja anak secara daring di kawasan perkebunan', timing: 'Semester II 2026', responsible: 'Bidang Pengawasan dan Hubungan Industrial' },
  { opd: 'KESBANGPOL', indicator: '24B', activity: 'Pembinaan wawasan kebangsaan dan pencegahan paham radikal bagi pelajar SMP dan SMA', timing: 'Mei–September 2026', responsible: 'Bidang Ideologi dan Wawasan Kebangsaan' },
];

export function describeProfile(): ProfileDescription {
  return {
    file: 'Profil Daerah KLA 2026 - DPPPA Merangin (final).xlsx',
    kecamatan: areas(),
    children: children(),
    regulations: REGULATIONS,
    gugusTugas: { chair: 'Sekretaris Daerah Kabupaten Merangin', members: 42 },
    narratives: NARRATIVES,
    history: HISTORY,
    activities: ACTIVITIES,
  };
}

// ---------------------------------------------------------------------------
// The workbook

/** The real profile template, filled as the DPPPA would fill it. */
export async function buildProfileSubmission(project: Project, d: ProfileDescription): Promise<ExcelJS.Workbook> {
  const wb = await buildProfileWorkbook(project);
  const sheet = (name: string) => wb.getWorksheet(name)!;

  const wilayah = sheet(PROFILE_SHEETS.areas);
  d.kecamatan.forEach((k, i) => {
    const r = KECAMATAN_TABLE.firstRow + i;
    wilayah.getCell(`${colOf(KECAMATAN_TABLE, 'code')}${r}`).value = k.code;
    wilayah.getCell(`${colOf(KECAMATAN_TABLE, 'name')}${r}`).value = k.name;
  });
  d.kecamatan
    .flatMap((k) => k.desa.map((x) => ({ ...x, kecamatan: k.name })))
    .forEach((x, i) => {
      const r = DESA_TABLE.firstRow + i;
      wilayah.getCell(`${colOf(DESA_TABLE, 'code')}${r}`).value = x.code;
      wilayah.getCell(`${colOf(DESA_TABLE, 'name')}${r}`).value = x.name;
      wilayah.getCell(`${colOf(DESA_TABLE, 'kind')}${r}`).value = x.kind;
      wilayah.getCell(`${colOf(DESA_TABLE, 'kecamatan')}${r}`).value = x.kecamatan;
    });

  const anak = sheet(PROFILE_SHEETS.children);
  anak.getCell(CHILD_FIELDS.year.cell).value = d.children.year;
  anak.getCell(CHILD_FIELDS.source.cell).value = d.children.source;
  const counts = AGE_GROUPS.length * SEXES.length;
  const totalsFirst = childCountCol(0, 0) + counts;
  const columnSums = new Array<number>(counts + 3).fill(0);
  d.children.rows.forEach((row, i) => {
    const r = CHILD_TABLE.firstRow + i;
    anak.getCell(`${colOf(CHILD_TABLE, 'kecamatan')}${r}`).value = row.kecamatan;
    const bySex = [row.male, row.female];
    AGE_GROUPS.forEach((_, a) => bySex.forEach((values, s) => (anak.getCell(r, childCountCol(a, s)).value = values[a]!)));
    // The template's formulas carry 0 as their stored result; store the right one, as Excel would on saving.
    const sums = [row.male, row.female].map((v) => v.reduce((x, y) => x + y, 0));
    [sums[0]!, sums[1]!, sums[0]! + sums[1]!].forEach((v, j) => setResult(anak.getCell(r, totalsFirst + j), v));
    const rowValues = [...AGE_GROUPS.flatMap((_, a) => bySex.map((values) => values[a]!)), sums[0]!, sums[1]!, sums[0]! + sums[1]!];
    rowValues.forEach((v, j) => (columnSums[j] = columnSums[j]! + v));
  });
  columnSums.forEach((v, j) => setResult(anak.getCell(CHILD_TABLE.firstRow + CHILD_TABLE.capacity, childCountCol(0, 0) + j), v));

  const reg = sheet(PROFILE_SHEETS.regulations);
  d.regulations.forEach((x, i) => {
    const r = REGULATION_TABLE.firstRow + i;
    reg.getCell(`${colOf(REGULATION_TABLE, 'kind')}${r}`).value = x.kind;
    reg.getCell(`${colOf(REGULATION_TABLE, 'number')}${r}`).value = x.number;
    reg.getCell(`${colOf(REGULATION_TABLE, 'year')}${r}`).value = x.year;
    reg.getCell(`${colOf(REGULATION_TABLE, 'title')}${r}`).value = x.title;
  });
  reg.getCell(GUGUS_TUGAS_FIELDS.chair.cell).value = d.gugusTugas.chair;
  reg.getCell(GUGUS_TUGAS_FIELDS.members.cell).value = d.gugusTugas.members;

  const narasi = sheet(PROFILE_SHEETS.narratives);
  project.catalog.groups.forEach((g, i) => {
    const n = d.narratives[g.id];
    if (!n) return;
    NARRATIVE_PARTS.forEach((p, j) => (narasi.getCell(`${NARRATIVE_TEXT_COL}${narrativeHeadingRow(i) + 1 + j}`).value = n[p.key]));
  });

  const riwayat = sheet(PROFILE_SHEETS.history);
  d.history.forEach((h, i) => {
    const r = HISTORY_TABLE.firstRow + i;
    riwayat.getCell(`${colOf(HISTORY_TABLE, 'year')}${r}`).value = h.year;
    riwayat.getCell(`${colOf(HISTORY_TABLE, 'predikat')}${r}`).value = h.predikat;
    if (h.total !== null) riwayat.getCell(`${colOf(HISTORY_TABLE, 'total')}${r}`).value = h.total;
    riwayat.getCell(`${colOf(HISTORY_TABLE, 'note')}${r}`).value = h.note;
  });

  const rtl = sheet(PROFILE_SHEETS.activities);
  d.activities.forEach((a, i) => {
    const r = ACTIVITY_TABLE.firstRow + i;
    const opd = project.config.opds.find((o) => o.code === a.opd);
    const ind = project.catalog.indicatorById.get(a.indicator);
    if (!opd || !ind) throw new Error(`activity ${i + 1}: unknown OPD ${a.opd} or indicator ${a.indicator}`);
    rtl.getCell(`${colOf(ACTIVITY_TABLE, 'opd')}${r}`).value = opdOption(opd.code, opd.name);
    rtl.getCell(`${colOf(ACTIVITY_TABLE, 'indicator')}${r}`).value = indicatorOption(ind.id, ind.name);
    rtl.getCell(`${colOf(ACTIVITY_TABLE, 'activity')}${r}`).value = a.activity;
    rtl.getCell(`${colOf(ACTIVITY_TABLE, 'timing')}${r}`).value = a.timing;
    rtl.getCell(`${colOf(ACTIVITY_TABLE, 'responsible')}${r}`).value = a.responsible;
  });
  return wb;
}

function setResult(cell: ExcelJS.Cell, result: number): void {
  const v = cell.value as { formula: string };
  cell.value = { formula: v.formula, result };
}
