/**
 * `npx tsx scripts/make-fixtures.ts [outDir]`: the example district
 * (Kabupaten Merangin, 2026) as real files, written into fixtures/merangin
 * (or `outDir`; the config is always read from fixtures/merangin):
 *
 *   answers/<OPD>.json    readable description of each OPD's filled workbook
 *   answers/PROFIL.json   readable description of the DPPPA profile workbook
 *   submissions/*.xlsx    those workbooks, built from the real templates
 *   evidence/<OPD>/*.pdf  placeholder evidence, deliberately incomplete
 *   invalid/*.xlsx        workbooks with one documented mistake each, plus
 *                         invalid/expected.json and invalid/README.md
 *
 * The answers come from a seeded generator (per-question district "truth",
 * per-OPD habits) with the key questions set by hand, so regenerating gives
 * the same content. Every person and figure is fictional or approximate.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type ExcelJS from 'exceljs';
import type { CatalogQuestion } from '../src/catalog/load.js';
import { assess } from '../src/pipeline.js';
import { loadProject, type Opd, type Project, opdsForQuestion, questionsForOpd } from '../src/project/config.js';
import { buildTemplateWorkbook, templateBytes } from '../src/workbook/template.js';
import { ANSWER_COLUMNS, ANSWER_FIRST_ROW, IDENTITY_FIELDS, META_KEYS, SHEETS, type IdentityKey } from '../src/workbook/layout.js';
import { score } from '../src/score/engine.js';
import { buildProfileSubmission, describeProfile } from './merangin-profile.js';
import { buildMatrixSubmission, describeMatrix } from './merangin-matrix.js';
import { makeEvidenceLookup } from '../src/score/evidence.js';
import type { Answer, AnswerValue } from '../src/model.js';
import { stampZipDates } from '../src/workbook/zip-dates.js';
import { rng } from './seeded.js';

export const FIXTURE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'merangin');

// ---------------------------------------------------------------------------
// Description format (answers/<OPD>.json)

export type AnswerInput = string | number;

export interface AnswerDescription {
  /** A rubric option exactly as in the catalog, or a number (percent 0–100, whole count). */
  answer: AnswerInput;
  previous?: AnswerInput;
  evidence?: string[];
  note?: string;
}

export interface OpdDescription {
  opd: { code: string; name: string };
  /** File name of the submitted workbook in submissions/. */
  file: string;
  identity: Partial<Record<IdentityKey, string>>;
  /** By question id, in catalog order; questions left blank are listed in `blank`. */
  answers: Record<string, AnswerDescription>;
  blank: string[];
}

// ---------------------------------------------------------------------------


// ---------------------------------------------------------------------------
// OPD profiles: who fills the workbook, how diligent and how careful they are.

interface Person {
  name: string;
  /** Birth date YYYYMMDD, TMT CPNS YYYYMM, sex 1/2, sequence: the 18-digit NIP. */
  nip?: [string, string, 1 | 2, number];
  position: string;
}

interface Profile {
  file: string;
  /** Short name used in document names. */
  abbr: string;
  officer: Person & { phone: string; email: string };
  head: Person;
  /** Chance of answering a question another OPD leads (0–1). */
  diligence: number;
  /** Added to the indicator strength where this OPD leads. */
  skill: number;
  /** Evidence given as a shared-drive link instead of file names. */
  link?: string;
}

const nip = (p: Person) => (p.nip ? `${p.nip[0]}${p.nip[1]}${p.nip[2]}${String(p.nip[3]).padStart(3, '0')}` : '');

const PROFILES: Record<string, Profile> = {
  DPPPA: {
    file: 'KLA 2026 - DPPPA (rekap bidang PHA & PKA).xlsx',
    abbr: 'DPPPA',
    officer: { name: 'Rina Oktaviani, S.Sos.', nip: ['19881012', '201101', 2, 4], position: 'Analis Perlindungan Anak', phone: '0812 7433 1908', email: 'rina.oktaviani@merangin.go.id' },
    head: { name: 'Dra. Hj. Rosmaini Fiktiani, M.Si.', nip: ['19720514', '199803', 2, 4], position: 'Kepala Dinas Pemberdayaan Perempuan dan Perlindungan Anak' },
    diligence: 0.9,
    skill: 0.1,
  },
  DINKES: {
    file: 'Jawaban KLA 2026 Dinkes (revisi 2).xlsx',
    abbr: 'Dinkes',
    officer: { name: 'Yuliana Safitri, S.K.M., M.Kes.', nip: ['19860307', '200904', 2, 12], position: 'Epidemiolog Kesehatan Ahli Muda', phone: '0813 6650 2217', email: 'yuliana.safitri@merangin.go.id' },
    head: { name: 'dr. H. Firdaus Ramadhan, M.K.M.', nip: ['19750921', '200501', 1, 9], position: 'Kepala Dinas Kesehatan' },
    diligence: 0.8,
    skill: 0.05,
  },
  DINSOS: {
    file: 'kla 2026 - dinsos final.xlsx',
    abbr: 'Dinsos',
    officer: { name: 'Ahmad Zulkarnain, S.Tr.Sos.', nip: ['19910625', '201503', 1, 2], position: 'Pekerja Sosial Ahli Pertama', phone: '0821 7781 0546', email: 'ahmad.zulkarnain@merangin.go.id' },
    head: { name: 'Drs. Syahrial Anwar, M.M.', nip: ['19690302', '199503', 1, 3], position: 'Kepala Dinas Sosial' },
    diligence: 0.7,
    skill: 0,
  },
  DISDIKBUD: {
    file: 'KLA_2026_DISDIKBUD_fix.xlsx',
    abbr: 'Disdikbud',
    officer: { name: 'Desi Marlina, S.Pd., M.Pd.', nip: ['19850416', '201001', 2, 15], position: 'Analis Kebijakan Ahli Muda', phone: '0852 6623 4471', email: 'desi.marlina@merangin.go.id' },
    head: { name: 'Dr. H. Mukhtar Hasibuan, M.Pd.', nip: ['19700811', '199412', 1, 1], position: 'Kepala Dinas Pendidikan dan Kebudayaan' },
    diligence: 0.7,
    skill: 0,
  },
  BAPPEDA: {
    file: 'Bappeda - Evaluasi KLA 2026.xlsx',
    abbr: 'Bappeda',
    officer: { name: 'Fitri Handayani, S.E., M.E.', nip: ['19890203', '201403', 2, 1], position: 'Perencana Ahli Muda', phone: '0811 7420 3385', email: 'fitri.handayani@merangin.go.id' },
    head: { name: 'Ir. Zulfikar Nasution, M.T.', nip: ['19710128', '199703', 1, 2], position: 'Kepala Badan Perencanaan Pembangunan Daerah' },
    diligence: 0.8,
    skill: 0,
  },
  KEMENAG: {
    file: 'KEMENAG MERANGIN KLA 2026.xlsx',
    abbr: 'Kemenag',
    officer: { name: 'Muhammad Ridwan, S.Ag., M.H.I.', nip: ['19830919', '200901', 1, 7], position: 'Penghulu Ahli Muda', phone: '0823 7211 6094', email: 'm.ridwan@merangin.go.id' },
    head: { name: 'H. Abdul Gani Siregar, S.Ag., M.Pd.I.', nip: ['19680405', '199403', 1, 2], position: 'Kepala Kantor Kementerian Agama Kabupaten Merangin' },
    diligence: 0.6,
    skill: -0.05,
  },
  HUKUM: {
    file: 'Bag Hukum KLA 2026.xlsx',
    abbr: 'Bag. Hukum',
    officer: { name: 'Novia Rahmadani, S.H.', nip: ['19930714', '201903', 2, 6], position: 'Analis Hukum Ahli Pertama', phone: '0812 7066 4129', email: 'novia.rahmadani@merangin.go.id' },
    head: { name: 'Hendra Saputra, S.H., M.H.', nip: ['19800226', '200604', 1, 5], position: 'Kepala Bagian Hukum Sekretariat Daerah' },
    diligence: 0.75,
    skill: 0,
  },
  KOMINFO: {
    file: 'Diskominfo_KLA2026_v3.xlsx',
    abbr: 'Diskominfo',
    officer: { name: 'Dedi Kurniawan, S.Kom.', nip: ['19870530', '201101', 1, 3], position: 'Pranata Komputer Ahli Muda', phone: '0853 6604 7712', email: 'dedi.kurniawan@merangin.go.id' },
    head: { name: 'Ari Wibisono, S.STP., M.Si.', nip: ['19780917', '199912', 1, 1], position: 'Kepala Dinas Komunikasi dan Informatika' },
    diligence: 0.6,
    skill: 0,
    link: 'https://drive.google.com/drive/folders/1KlA2026-DiskominfoMerangin-contoh',
  },
  DUKCAPIL: {
    file: 'DISDUKCAPIL_KLA2026.xlsx',
    abbr: 'Disdukcapil',
    officer: { name: 'Sri Wahyuni, S.E.', nip: ['19840112', '200902', 2, 8], position: 'Administrator Database Kependudukan Ahli Muda', phone: '0812 7890 1264', email: 'sri.wahyuni@merangin.go.id' },
    head: { name: 'Syafrizal Lubis, S.Sos., M.Si.', nip: ['19730603', '199903', 1, 6], position: 'Kepala Dinas Kependudukan dan Pencatatan Sipil' },
    diligence: 0.75,
    skill: 0.05,
  },
  BPBD: {
    file: 'BPBD kla 2026.xlsx',
    abbr: 'BPBD',
    officer: { name: 'Agus Salim, S.T.', nip: ['19850822', '201001', 1, 11], position: 'Analis Kebencanaan Ahli Muda', phone: '0822 8013 5540', email: 'agus.salim@merangin.go.id' },
    head: { name: 'Drs. Junaidi Harahap, M.Si.', nip: ['19700109', '199603', 1, 4], position: 'Kepala Pelaksana Badan Penanggulangan Bencana Daerah' },
    diligence: 0.5,
    skill: -0.05,
  },
  UPTDPPA: {
    file: 'UPTD PPA - lembar kerja KLA 2026.xlsx',
    abbr: 'UPTD PPA',
    officer: { name: 'Mega Puspita Sari, S.Psi., Psikolog', nip: ['19900418', '201503', 2, 3], position: 'Psikolog Klinis Ahli Pertama', phone: '0813 6691 2083', email: 'mega.puspita@merangin.go.id' },
    head: { name: 'Yusnidar, S.H., M.H.', nip: ['19791102', '200501', 2, 7], position: 'Kepala UPTD Perlindungan Perempuan dan Anak' },
    diligence: 0.8,
    skill: 0.05,
  },
  DISNAKER: {
    file: 'Disnaker KLA 2026 (sudah ttd).xlsx',
    abbr: 'Disnakertrans',
    officer: { name: 'Rahmat Hidayat, S.H.', nip: ['19860119', '201101', 1, 9], position: 'Mediator Hubungan Industrial Ahli Muda', phone: '0852 6607 3318', email: 'rahmat.hidayat@merangin.go.id' },
    head: { name: 'Ir. Sudirman Tanjung, M.M.', nip: ['19690721', '199503', 1, 2], position: 'Kepala Dinas Tenaga Kerja dan Transmigrasi' },
    diligence: 0.5,
    skill: -0.1,
  },
  KEJARI: {
    file: 'Kejari Merangin - KLA 2026.xlsx',
    abbr: 'Kejari',
    officer: { name: 'Ade Irawan, S.H., M.H.', nip: ['19880304', '201212', 1, 2], position: 'Jaksa Fungsional Seksi Tindak Pidana Umum', phone: '0821 7736 9051', email: 'ade.irawan@merangin.go.id' },
    head: { name: 'Bonar Simanjuntak, S.H., M.H.', nip: ['19760812', '200112', 1, 1], position: 'Kepala Kejaksaan Negeri Merangin' },
    diligence: 0.4,
    skill: -0.1,
  },
  POLRES: {
    file: 'UNIT PPA POLRES KLA 2026.xlsx',
    abbr: 'Unit PPA Polres',
    officer: { name: 'Sulastri, S.E.', nip: ['19870926', '201001', 2, 5], position: 'Pengelola Data Unit PPA Satreskrim (PNS Polri)', phone: '0813 7402 6685', email: 'sulastri.ppa@merangin.go.id' },
    // The Kapolres has an NRP, not a NIP; the head's NIP is optional.
    head: { name: 'AKBP Wibowo Santoso, S.I.K., M.H.', position: 'Kepala Kepolisian Resor Merangin' },
    diligence: 0.5,
    skill: -0.05,
  },
  SATPOLPP: {
    file: 'satpol pp_kla 2026.xlsx',
    abbr: 'Satpol PP',
    officer: { name: 'Yusuf Effendi, S.Sos.', nip: ['19840515', '200902', 1, 13], position: 'Polisi Pamong Praja Ahli Muda', phone: '0822 8041 7736', email: 'yusuf.effendi@merangin.go.id' },
    head: { name: 'Marzuki Daulay, S.Sos., M.M.', nip: ['19740330', '199803', 1, 5], position: 'Kepala Satuan Polisi Pamong Praja' },
    diligence: 0.4,
    skill: -0.1,
  },
  DISPUSIP: {
    file: 'Dispusip KLA 2026 final revisi.xlsx',
    abbr: 'Dispusip',
    officer: { name: 'Lestari Ningsih, S.IP.', nip: ['19890804', '201403', 2, 2], position: 'Pustakawan Ahli Muda', phone: '0812 7388 4490', email: 'lestari.ningsih@merangin.go.id' },
    head: { name: 'Hj. Nurbaiti, S.Pd., M.Si.', nip: ['19710619', '199703', 2, 3], position: 'Kepala Dinas Perpustakaan dan Kearsipan' },
    diligence: 0.7,
    skill: 0.05,
  },
  BNNK: {
    file: 'BNNK Merangin KLA 2026.xlsx',
    abbr: 'BNNK',
    officer: { name: 'Eko Prasetyo, S.Psi.', nip: ['19900211', '201503', 1, 1], position: 'Penyuluh Narkoba Ahli Pertama', phone: '0853 6612 0873', email: 'eko.prasetyo@merangin.go.id' },
    head: { name: 'AKBP (Purn.) Sutrisno Wijaya, S.H.', nip: ['19680817', '199003', 1, 1], position: 'Kepala Badan Narkotika Nasional Kabupaten Merangin' },
    diligence: 0.5,
    skill: 0,
    link: 'https://drive.google.com/drive/folders/1KlA2026-BNNKMerangin-contoh',
  },
  PUPR: {
    file: 'PUPR - KLA 2026.xlsx',
    abbr: 'Dinas PUPR',
    officer: { name: 'Ferry Ardiansyah, S.T., M.T.', nip: ['19861030', '201101', 1, 6], position: 'Teknik Penyehatan Lingkungan Ahli Muda', phone: '0811 7455 0921', email: 'ferry.ardiansyah@merangin.go.id' },
    head: { name: 'Ir. Rusli Pohan, M.T.', nip: ['19720225', '199803', 1, 2], position: 'Kepala Dinas Pekerjaan Umum dan Penataan Ruang' },
    diligence: 0.6,
    skill: 0,
  },
  PERKIM: {
    file: 'Perkim KLA 2026.xlsx',
    abbr: 'Disperkim',
    officer: { name: 'Indra Gunawan, S.T.', nip: ['19880609', '201403', 1, 4], position: 'Penata Kawasan Permukiman Ahli Pertama', phone: '0823 7250 1147', email: 'indra.gunawan@merangin.go.id' },
    head: { name: 'Edi Suhendra, S.T., M.Si.', nip: ['19750313', '200003', 1, 3], position: 'Kepala Dinas Perumahan dan Kawasan Permukiman' },
    diligence: 0.5,
    skill: -0.1,
  },
  DISHUB: {
    file: 'Dishub_KLA_2026.xlsx',
    abbr: 'Dishub',
    officer: { name: 'Hasan Basri, A.Md.', nip: ['19820707', '200801', 1, 10], position: 'Pengelola Lalu Lintas dan Angkutan Jalan', phone: '0812 7301 8856', email: 'hasan.basri@merangin.go.id' },
    head: { name: 'Drs. Firman Sitompul', nip: ['19690914', '199403', 1, 6], position: 'Kepala Dinas Perhubungan' },
    diligence: 0.3,
    skill: -0.25,
  },
  KESBANGPOL: {
    file: 'Kesbangpol KLA 2026.xlsx',
    abbr: 'Kesbangpol',
    officer: { name: 'Wulan Sari, S.IP.', nip: ['19920120', '201903', 2, 3], position: 'Analis Kebijakan Ahli Pertama', phone: '0852 6670 2295', email: 'wulan.sari@merangin.go.id' },
    head: { name: 'Drs. Hamdani Rangkuti, M.Si.', nip: ['19700402', '199603', 1, 1], position: 'Kepala Badan Kesatuan Bangsa dan Politik' },
    diligence: 0.3,
    skill: -0.2,
  },
  DISPARPORA: {
    file: 'Disparpora jawaban KLA 2026.xlsx',
    abbr: 'Disparpora',
    officer: { name: 'Riko Saputra, S.Pd.', nip: ['19910308', '201503', 1, 5], position: 'Analis Kepemudaan Ahli Pertama', phone: '0821 7760 3342', email: 'riko.saputra@merangin.go.id' },
    head: { name: 'Amrizal Chaniago, S.Sos., M.Si.', nip: ['19740605', '199903', 1, 2], position: 'Kepala Dinas Pariwisata, Pemuda dan Olahraga' },
    diligence: 0.5,
    skill: -0.05,
  },
  DLH: {
    file: 'DLH KLA 2026.xlsx',
    abbr: 'DLH',
    officer: { name: 'Nurhayati, S.Si.', nip: ['19870418', '201101', 2, 7], position: 'Pengendali Dampak Lingkungan Ahli Muda', phone: '0813 6677 9013', email: 'nurhayati.dlh@merangin.go.id' },
    head: { name: 'Ir. Bustami Nasution, M.Si.', nip: ['19710927', '199703', 1, 4], position: 'Kepala Dinas Lingkungan Hidup' },
    diligence: 0.4,
    skill: -0.1,
  },
  BAPENDA: {
    file: 'Bapenda - KLA 2026.xlsx',
    abbr: 'Bapenda',
    officer: { name: 'Joko Susilo, S.E.', nip: ['19850126', '201001', 1, 14], position: 'Analis Pendapatan Daerah', phone: '0822 8090 4416', email: 'joko.susilo@merangin.go.id' },
    head: { name: 'Zainal Arifin, S.E., M.Si.', nip: ['19730808', '199903', 1, 7], position: 'Kepala Badan Pendapatan Daerah' },
    diligence: 0.6,
    skill: 0,
  },
  FAD: {
    file: 'Forum Anak Merangin KLA 2026.xlsx',
    abbr: 'Forum Anak',
    officer: { name: 'Putri Anggraini, S.Sos.', nip: ['19940505', '202003', 2, 1], position: 'Fasilitator Forum Anak Daerah (DPPPA)', phone: '0812 7466 2051', email: 'putri.anggraini@merangin.go.id' },
    head: { name: 'Rusdi Hamzah, S.Sos., M.Si.', nip: ['19780211', '200312', 1, 2], position: 'Kepala Bidang Pemenuhan Hak Anak selaku Pembina Forum Anak Daerah' },
    diligence: 0.8,
    skill: 0,
  },
  DUNIAUSAHA: {
    file: 'Forum CSR KLA 2026.xlsx',
    abbr: 'Forum CSR',
    officer: { name: 'Teguh Santoso, S.E.', nip: ['19890917', '201403', 1, 8], position: 'Analis Kemitraan, Sekretariat Forum CSR (Bappeda)', phone: '0853 6630 5587', email: 'teguh.santoso@merangin.go.id' },
    // The chair of the CSR forum is a business person without a NIP.
    head: { name: 'H. Darmawan Lubis, S.E.', position: 'Ketua Forum CSR Dunia Usaha Kabupaten Merangin' },
    diligence: 0.5,
    skill: -0.1,
  },
  PA: {
    file: 'PA Bangko KLA 2026.xlsx',
    abbr: 'PA Bangko',
    officer: { name: 'Siti Khadijah, S.H.I.', nip: ['19880122', '201103', 2, 2], position: 'Panitera Pengganti', phone: '0812 7320 6648', email: 'siti.khadijah@merangin.go.id' },
    head: { name: 'Dr. Fauzan Hakim, S.H.I., M.H.', nip: ['19790715', '200312', 1, 3], position: 'Ketua Pengadilan Agama Bangko' },
    diligence: 0.9,
    skill: 0,
  },
};

// ---------------------------------------------------------------------------
// The district's "truth": what Merangin actually has, question by question.

/** How far Merangin has come per indicator (0–1): drives the generated option answers. */
const STRENGTH: Record<string, number> = {
  '1': 0.5, '2': 0.7, '3': 0.35,
  '4': 0.8, '5': 0.45, '6': 0.65,
  '7': 0.6, '8': 0.55, '9': 0.5, '10': 0.35, '11': 0.35,
  '12': 0.65, '13': 0.6, '14': 0.55, '15': 0.5, '16': 0.5, '17': 0.5,
  '18': 0.55, '19': 0.5, '20': 0.4,
  '21A': 0.45, '21B': 0.7, '21C': 0.3, '22A': 0.5, '22B': 0.45, '23A': 0.35, '23B': 0.4, '24A': 0.5, '24B': 0.25,
  '25': 0.5, '26': 0.45,
};

/** Hand-set answers: [answer, previous?]. Percentages of kecamatan are k/24, of desa/kelurahan k/215. */
const KEY: Record<string, [AnswerInput, AnswerInput?]> = {
  // Regulations (Bagian Hukum leads): Perda KLA since 2022, most topics by Perbup or SK.
  '1.1': ['Peraturan Daerah (Perda)'],
  '1.2a': ['Ada, Peraturan Bupati/Wali Kota'],
  '1.2b': ['Ada, SK/Instruksi/Surat Edaran'],
  '1.2c': ['Ada, SK/Instruksi/Surat Edaran'],
  '1.2d': ['Ada, Peraturan Bupati/Wali Kota'],
  '1.2e': ['Ada, SK/Instruksi/Surat Edaran'],
  '1.2f': ['Ada, Peraturan Bupati/Wali Kota'],
  '1.2g': ['Ada, SK/Instruksi/Surat Edaran'],
  '1.2h': ['Dalam proses penyusunan'],
  '1.2i': ['Ada, Peraturan Bupati/Wali Kota'],
  '1.2j': ['Ada, SK/Instruksi/Surat Edaran'],
  '1.2k': ['Tidak ada'],
  '1.2l': ['Ada, Peraturan Bupati/Wali Kota'],
  '1.2m': ['Ada, Peraturan Bupati/Wali Kota'],
  '1.2n': ['Ada, SK/Instruksi/Surat Edaran'],
  '1.2o': ['Ada, SK/Instruksi/Surat Edaran'],
  '1.2p': ['Ada, Peraturan Bupati/Wali Kota'],
  '1.2q': ['Ada, Peraturan Daerah'],
  '1.2r': ['Ada, Peraturan Bupati/Wali Kota'],
  '1.2s': ['Ada, SK/Instruksi/Surat Edaran'],
  '1.2t': ['Dalam proses penyusunan'],
  '1.2u': ['Ada, Peraturan Bupati/Wali Kota'],
  '1.2v': ['Ada, SK/Instruksi/Surat Edaran'],
  '1.2w': ['Ada, SK/Instruksi/Surat Edaran'],
  '1.2x': ['Ada, SK/Instruksi/Surat Edaran'],
  '1.2y': ['Dalam proses penyusunan'],
  '1.2z': ['Tidak ada'],
  '1.2za': ['Ada, SK/Instruksi/Surat Edaran'],
  '1.2zb': ['Tidak ada'],
  // Budgets: mostly APBD only; a few with CSR/DAK besides; nothing yet for some special protection topics.
  '1.3a': ['Ada, APBD saja'],
  '1.3b': ['Ada, APBD dan sumber lain'],
  '1.3c': ['Ada, APBD saja'],
  '1.3d': ['Ada, APBD saja'],
  '1.3e': ['Ada, APBD saja'],
  '1.3f': ['Ada, APBD saja'],
  '1.3g': ['Ada, APBD saja'],
  '1.3h': ['Ada, APBD saja'],
  '1.3i': ['Ada, sumber lain saja'],
  '1.3j': ['Ada, APBD dan sumber lain'],
  '1.3k': ['Ada, APBD saja'],
  '1.3l': ['Ada, APBD saja'],
  '1.3m': ['Ada, sumber lain saja'],
  '1.3n': ['Ada, APBD saja'],
  '1.3o': ['Tidak ada'],
  '1.3p': ['Ada, APBD dan sumber lain'],
  '1.3q': ['Ada, APBD dan sumber lain'],
  '1.3r': ['Ada, APBD saja'],
  '1.3s': ['Ada, APBD saja'],
  '1.3t': ['Ada, APBD dan sumber lain'],
  '1.3u': ['Ada, APBD saja'],
  '1.3v': ['Ada, APBD saja'],
  '1.3w': ['Ada, APBD saja'],
  '1.3x': ['Ada, sumber lain saja'],
  '1.3y': ['Ada, APBD saja'],
  '1.3z': ['Ada, APBD saja'],
  '1.3za': ['Ada, sumber lain saja'],
  '1.3zb': ['Ada, APBD saja'],
  '1.3zc': ['Ada, APBD saja'],
  '1.3zd': ['Ada, APBD saja'],
  '1.3ze': ['Ada, APBD saja'],
  '1.3zf': ['Ada, APBD saja'],
  '1.3zg': ['Tidak ada'],
  // Institutions
  '2.1': ['Ada, lengkap dan berjalan'],
  '2.2': ['Ada, sebagian'],
  '2.3': ['Ada, lengkap dan berjalan'],
  '2.4': ['Ada, lengkap dan berjalan'],
  '2.5': ['Ada, sebagian'],
  '2.6': ['Ada, lengkap dan berjalan'],
  '2.7': ['Ada, lengkap dan berjalan'],
  '6.1': ['Ada, lengkap dan berjalan'],
  '6.2': ['Ada, lengkap dan berjalan'],
  '6.3': ['Ada, sebagian'],
  // Klaster I
  '4.3': [52.7, 45.3],
  '5.3': [12840, 11215],
  // Klaster II
  '7.1': ['Ada, lengkap dan berjalan'],
  '7.2': ['Ada, lengkap dan berjalan'],
  '8.1': [4],
  '8.2': [6],
  '10.1': [7],
  '10.2': [2],
  // Klaster III: Jambi-like health figures.
  '12.1': [91.2],
  '12.2': [88.5],
  '12.3': [87.4, 84.9],
  '12.4': [41, 47],
  '12.5': [7, 6],
  '13.1': [14.6],
  '13.2': [3.1],
  '13.3': [18.2],
  '14.1': [68.3],
  '14.2': [74.6, 71.2],
  '14.3': [11.8],
  '14.4': [79.5],
  '14.5': [42.0],
  '14.6': [27.5],
  '14.7': [38],
  '14.8': [46],
  '15.1': [61.5],
  '15.3': [12],
  '15.4': [86, 64],
  '16.2': [79.8, 77.1],
  '16.5': [76.4, 73.0],
  '17.5': ['Tidak'],
  '17.6': ['Tidak'],
  // Klaster IV
  '19.2a': [22.5],
  '19.2b': [31.4],
  '19.2c': [38.2],
  '19.2d': [26.0],
  '19.2e': [50.0],
  '19.3': [9],
  '19.4': [412],
  '20.1': [2],
  '20.2': [6],
  '20.4': [34],
  // Klaster V
  '21B.2': [8],
  '24A.1': [5],
  '24A.2': [3],
  '24A.3': [1],
  '24A.4': ['Tidak'],
  '24A.5': [6],
  '24A.6': [11],
  // Kelana (of 24 kecamatan)
  '25.2': [100.0],
  '25.3': [62.5],
  '25.4': [41.7],
  '25.5': [79.2],
  '25.6': [25.0],
  '25.7a': [37.5],
  '25.7b': [100.0],
  '25.7c': [45.8],
  '25.7d': [100.0],
  '25.8': [16.7],
  '25.9': [58.3],
  '25.10': [29.2],
  '25.11': [50.0],
  '25.12': [66.7],
  '25.13': [20.8],
  // Dekela (of 215 desa/kelurahan)
  '26.2': [22.3],
  '26.3': [44.7],
  '26.4': [60.9],
  '26.5': [27.0],
  '26.6': [70.7],
  '26.7': [65.6],
  '26.8a': [14.4],
  '26.8b': [54.9],
  '26.8c': [10.2],
  '26.8d': [75.8],
  '26.9': [16.7],
  '26.10': [34.0],
  '26.11': [40.9],
  '26.12': [20.9],
  '26.13': [55.8],
  '26.14': [29.8],
  '26.15': [40.5],
  '26.16': [14.0],
  '26.17': ['Ya'],
  '26.18': ['Ada, sebagian'],
};

/**
 * Questions whose required evidence no OPD names: the verification forecast drops here. Besides
 * documents OPDs forget, the usual gaps: regulations the legal office has not located, and
 * kecamatan/desa shares typed without their matrix.
 */
const EVIDENCE_NOT_NAMED = new Set([
  '2.5', '5.7', '7.1', '11.2', '11.6', '12.6', '14.5', '15.2', '24B.2',
  '1.2e', '1.2o', '1.2s', '18.2', '25.3', '26.9', '26.13',
]);

/**
 * Where two OPDs answer a question differently (KLA-W302): question -> OPD ->
 * its answer (and evidence). The official application takes one answer, so
 * the DPPPA must choose (config `chosenAnswers`), as the example does for both;
 * the tests remove a choice to see a conflict left open.
 */
const DISAGREE: Record<string, Record<string, { answer: AnswerInput; evidence?: string[] }>> = {
  // Chosen in kla.config.json ("8.3": "DPPPA"): Dinsos reports a running PUSPAGA but never sent its SK; the DPPPA's lower answer is the evidenced one.
  '8.3': { DINSOS: { answer: 'Ada, lengkap dan berjalan', evidence: ['SK PUSPAGA Kabupaten Merangin 2025.pdf'] } },
  // Chosen in kla.config.json ("chosenAnswers": {"1.3r": "DINKES"}): Dinkes, which holds the budget, reports the APBD only.
  '1.3r': { BAPPEDA: { answer: 'Ada, APBD dan sumber lain' } },
};

/** What an OPD typed instead of the name of the file it sent: a typo (suggested) and a name without extension (found). */
const TYPED_AS: Record<string, string> = {
  'Laporan imunisai rutin 2025.pdf': 'Laporan imunisasi rutin 2025.pdf',
  'Daftar hadir Bimtek KHA Gugus Tugas 2025': 'Daftar hadir Bimtek KHA Gugus Tugas 2025.pdf',
};

/** Evidence cells that hold a placeholder instead of a name (KLA-W230): question -> OPD -> text. */
const PLACEHOLDER: Record<string, Record<string, string>> = {
  '24B.3': { KESBANGPOL: 'terlampir' },
};

/** Evidence files deliberately absent from evidence/ (so `kla score --evidence` finds gaps). */
const EVIDENCE_NOT_SENT = new Set([
  'SK PUSPAGA Kabupaten Merangin 2025.pdf',
  'Sertifikat pelatihan KHA Dinsos.pdf',
  'Dokumentasi kegiatan Dishub 2025.pdf',
  'Profil inovasi Disdikbud 2025.pdf',
  'Matriks Klaster V Kejari.pdf',
  'Matriks Klaster IV Kemenag.pdf',
  'SOP Layanan Disnakertrans.pdf',
  'Dokumentasi kegiatan Dinsos 2025.pdf',
  'Profil inovasi Dinkes 2025.pdf',
]);

/** Hand-written evidence for the key questions (lead OPD). */
const KEY_EVIDENCE: Record<string, string[]> = {
  '1.1': ['Perda Kabupaten Merangin Nomor 4 Tahun 2022 tentang Penyelenggaraan Kabupaten Layak Anak.pdf'],
  '1.2a': ['Perbup Merangin Nomor 18 Tahun 2023 tentang Percepatan Kepemilikan Akta Kelahiran.pdf'],
  '2.1': ['SK Bupati Merangin tentang Gugus Tugas KLA 2025.pdf'],
  '2.2': ['Sertifikat pelatihan KHA DPPPA.pdf', 'Daftar hadir Bimtek KHA Gugus Tugas 2025'],
  '2.4': ['RAD KLA Kabupaten Merangin 2025-2029.pdf'],
  '2.6': ['Profil Anak Kabupaten Merangin 2025.pdf'],
  '6.2': ['Matriks Kelembagaan DPPPA.pdf', 'Notulen Musrenbang Anak 2025.pdf'],
  '12.1': ['Profil Kesehatan Kabupaten Merangin 2025.pdf', 'Laporan PWS KIA 2025.pdf'],
  '12.3': ['Profil Kesehatan Kabupaten Merangin 2025.pdf', 'Laporan imunisai rutin 2025.pdf'],
  '12.4': ['Laporan kematian ibu dan bayi 2024-2025.pdf'],
  '12.5': ['Laporan kematian ibu dan bayi 2024-2025.pdf'],
  '13.3': ['Profil Kesehatan Kabupaten Merangin 2025.pdf', 'Rekap e-PPGBM Agustus 2025.pdf'],
};

/** Notes where the question asks for an explanation (lead OPD). */
const NOTES: Record<string, string> = {
  '3.1a': 'Kemitraan dengan Forum CSR, RRI Bangko dan organisasi wanita dalam sosialisasi KLA dan Musrenbang Anak; rincian pada MATRIKS.',
  '3.1b': 'Jemput bola akta kelahiran bersama bank daerah dan pemerintah desa; pojok baca anak di ruang publik bersama komunitas literasi.',
  '3.1c': 'PUSPAGA bekerja sama dengan organisasi keagamaan dan perguruan tinggi untuk konseling keluarga.',
  '3.1d': 'Kemitraan dengan perusahaan perkebunan untuk PMT balita dan dengan PKK untuk kelas ibu balita.',
  '3.1e': 'Beasiswa anak tidak mampu dari Baznas dan CSR perbankan; pendampingan sekolah ramah anak oleh LSM.',
  '3.1f': 'Rumah aman dikelola bersama LSM perlindungan anak; penyuluhan P4GN di sekolah bersama BNNK.',
  '3.3': 'Forum CSR mendanai taman bermain di 3 kecamatan dan pelatihan konselor ASI; laporan kegiatan terlampir.',
  '4.3': 'Cakupan KIA naik berkat layanan jemput bola di sekolah dan posyandu; data per 31 Desember.',
  '7.1': 'Penyebab utama: putus sekolah, kehamilan di luar nikah, faktor ekonomi dan adat. Data dispensasi kawin dari Pengadilan Agama Bangko.',
  '7.2': 'Data perkawinan anak dicatat KUA per kecamatan dan direkap bersama Pengadilan Agama dan Disdukcapil.',
  '9.2': 'Sekitar 40% SDM Pos PAUD-HI telah dilatih KHA (2024-2025).',
  '12.1': 'Persalinan di faskes meningkat melalui kemitraan bidan-dukun dan rumah tunggu kelahiran di 4 kecamatan terpencil.',
  '12.2': 'Buku KIA dibagikan saat kunjungan K1; kekurangan stok di awal tahun diatasi dengan pengadaan APBD.',
  '12.3': 'Cakupan IDL naik dari 84,9% (2025) menjadi 87,4%; sweeping imunisasi di 9 kecamatan dan kerja sama dengan tokoh agama.',
  '12.4': 'Kematian bayi turun dari 47 menjadi 41: audit maternal perinatal, penguatan PONED di 6 puskesmas.',
  '12.5': 'Kematian ibu naik dari 6 menjadi 7 kasus; seluruh kasus diaudit (AMP-SR) dan rujukan berjenjang diperkuat.',
  '12.7': 'Inovasi "Gerakan Ibu Selamat Merangin" (GISM): pendampingan ibu hamil risiko tinggi oleh kader desa.',
  '13.1': 'Penanganan melalui PMT lokal, kelas ibu balita dan pemantauan pertumbuhan bulanan di posyandu.',
  '13.2': 'Edukasi gizi seimbang di PAUD dan posyandu.',
  '13.3': 'Prevalensi stunting 18,2% (e-PPGBM); intervensi spesifik dan sensitif melalui TPPS dan Dashat di desa lokus.',
  '13.6': 'Inovasi "Dapur Sehat Atasi Stunting" (Dashat) di 35 desa lokus.',
  '14.1': 'ASI eksklusif baru 68,3%; kendala ibu bekerja di kebun, dijawab dengan kelas menyusui di posyandu.',
  '14.2': 'IMD dipantau melalui kohort persalinan puskesmas.',
  '14.4': 'Konseling menyusui oleh konselor ASI puskesmas.',
  '14.8': 'Terdapat 46 kader/konselor PMBA terlatih (sertifikat terlampir).',
  '16.1': 'Layanan air minum Perumda Tirta Merangin dan SPAM perdesaan (Pamsimas).',
  '20.1': 'Dua PKA ber-SK: Sanggar Seni Anak Bangko dan PKA Taman Kota Bangko.',
  '20.2': 'Enam masjid telah ditetapkan sebagai RIRA oleh Kepala Kantor Kemenag.',
  '21C.1': 'Pekerja anak yang ditemukan dirujuk ke sekolah/kejar paket dan keluarganya mendapat bantuan sosial.',
  '21C.4': 'Pencatatan pekerja anak masih manual per kecamatan; sistem daring direncanakan 2027.',
  '26.15': 'PATBM aktif di 87 desa/kelurahan; sebagian besar dibentuk dengan dana desa.',
};

// ---------------------------------------------------------------------------
// Generating the descriptions

function optionsByFraction(q: CatalogQuestion): string[] {
  const r = q.rubricDef;
  if (r.kind !== 'options') return [];
  return [...r.options].sort((a, b) => b.fraction - a.fraction).map((o) => o.value);
}

/** The option a district of this strength would report. */
function pickOption(q: CatalogQuestion, strength: number, key: string): string {
  const opts = optionsByFraction(q);
  const u = rng(key)();
  const s = Math.max(0.05, Math.min(0.95, strength));
  // Never the zero option: a district reporting "nothing" is set by hand in KEY.
  const i = u < s ? 0 : u < s + (1 - s) * 0.7 ? 1 : 2;
  return opts[Math.min(i, opts.length - 2)]!;
}

/** One level worse than `value` (for the occasional disagreeing OPD). */
function lower(q: CatalogQuestion, value: AnswerInput): AnswerInput {
  if (typeof value === 'number') return value;
  const opts = optionsByFraction(q);
  const i = opts.indexOf(value);
  return opts[Math.min(i + 1, opts.length - 1)]!;
}

const isZero = (q: CatalogQuestion, v: AnswerInput) => typeof v === 'string' && q.rubricDef.kind === 'options' && q.rubricDef.options.find((o) => o.value === v)?.fraction === 0;

/** The OPD that answers first for a question: the one covering the first of its sources. */
function leadOf(project: Project, q: CatalogQuestion): Opd {
  for (const s of q.sources) {
    const o = project.config.opds.find((x) => x.sources.includes(s));
    if (o) return o;
  }
  throw new Error(`no OPD for ${q.id}`);
}

function truthOf(project: Project, q: CatalogQuestion): { answer: AnswerInput; previous?: AnswerInput } {
  const key = KEY[q.id];
  if (key) return { answer: key[0], ...(key[1] !== undefined ? { previous: key[1] } : {}) };
  if (q.rubricDef.kind !== 'options') throw new Error(`question ${q.id} needs a hand-set number`);
  const lead = leadOf(project, q);
  const answer = pickOption(q, (STRENGTH[q.indicatorId] ?? 0.5) + PROFILES[lead.code]!.skill, `truth:${q.id}`);
  if (!q.previousYear) return { answer };
  return { answer, previous: lower(q, answer) };
}

function evidenceFor(project: Project, q: CatalogQuestion, opd: Opd, value: AnswerInput, lead: boolean): string[] {
  const p = PROFILES[opd.code]!;
  if (lead && KEY_EVIDENCE[q.id]) return KEY_EVIDENCE[q.id]!;
  if (p.link) return [p.link];
  const group = project.catalog.groupById.get(q.groupId)!.label;
  const text = q.text;
  const out: string[] = [];
  if (q.rubric === 'regulasi') {
    // The regulation itself is the evidence, named as the legal office files it.
    const topic = /terkait (.*?)(?:\?|\(|$)/.exec(text)?.[1]?.trim().split(/\s+/).slice(0, 6).join(' ').replace(/[,;:]$/, '').replace(/\//g, '-') ?? q.id;
    const form = String(value).includes('Daerah') ? 'Perda' : String(value).includes('Bupati') ? 'Perbup' : String(value).includes('penyusunan') ? 'Draf Perbup' : 'SK Bupati';
    return [`${form} Merangin tentang ${topic}.pdf`];
  }
  if (q.rubric === 'anggaran') {
    // Budget documents of the evaluated data year (2025 for the 2026 evaluation), as districts ask OPDs for.
    const year = project.dataYears.evaluated;
    const v = String(value);
    if (v.includes('APBD')) out.push(`DPA ${p.abbr} TA ${year}.pdf`);
    if (v.includes('sumber lain')) out.push(`Rekap anggaran non-APBD ${p.abbr} ${year}.pdf`);
    return out;
  }
  if (opd.code === 'DINKES' && (q.answerType === 'percent' || q.answerType === 'count')) out.push('Profil Kesehatan Kabupaten Merangin 2025.pdf');
  if (/matriks/i.test(text)) out.push(`Matriks ${group} ${p.abbr}.pdf`);
  if (/\bSOP\b/.test(text)) out.push(`SOP Layanan ${p.abbr}.pdf`);
  if (/sertifikat|dilatih/i.test(text)) out.push(`Sertifikat pelatihan KHA ${p.abbr}.pdf`);
  if (/inovasi/i.test(text)) out.push(`Profil inovasi ${p.abbr} 2025.pdf`);
  if (/foto/i.test(text)) out.push(`Dokumentasi kegiatan ${p.abbr} 2025.pdf`);
  if (out.length === 0) out.push(`Dokumen pendukung ${group} ${p.abbr}.pdf`);
  return out.slice(0, 3);
}

/** One OPD's answer to a question. `complete`: name evidence even where the district's files lack it. */
function answerFor(project: Project, q: CatalogQuestion, opd: Opd, answer: AnswerInput, complete: boolean): AnswerDescription {
  const truth = truthOf(project, q);
  const isLead = leadOf(project, q).code === opd.code;
  const a: AnswerDescription = { answer };
  if (q.previousYear && truth.previous !== undefined) a.previous = truth.previous;
  if (q.evidenceRequired && (complete || !EVIDENCE_NOT_NAMED.has(q.id)) && !isZero(q, answer)) a.evidence = evidenceFor(project, q, opd, answer, isLead);
  if (q.noteRequired) a.note = isLead && NOTES[q.id] ? NOTES[q.id]! : `Uraian ${PROFILES[opd.code]!.abbr}: kegiatan dan mitra dirinci pada matriks terlampir.`;
  else if (isZero(q, answer)) a.note = 'Belum tersedia; direncanakan dalam Renja 2027.';
  return a;
}

function emptyDescription(project: Project, o: Opd): OpdDescription {
  const p = PROFILES[o.code];
  if (!p) throw new Error(`no profile for ${o.code}`);
  return {
    opd: { code: o.code, name: o.name },
    file: p.file,
    identity: {
      officerName: p.officer.name,
      officerNip: nip(p.officer),
      officerPosition: p.officer.position,
      officerPhone: p.officer.phone,
      officerEmail: p.officer.email,
      headName: p.head.name,
      ...(p.head.nip ? { headNip: nip(p.head) } : {}),
      headPosition: p.head.position,
    },
    answers: {},
    blank: [],
  };
}

/** Every OPD's description: the lead answers every question it leads; others answer as diligent as they are. */
export function describeAll(project: Project): OpdDescription[] {
  const byOpd = new Map(project.config.opds.map((o) => [o.code, emptyDescription(project, o)]));
  for (const q of project.catalog.questionList) {
    const truth = truthOf(project, q);
    const lead = leadOf(project, q);
    for (const opd of opdsForQuestion(project, q.id)) {
      const d = byOpd.get(opd.code)!;
      const isLead = opd.code === lead.code;
      const r = rng(`opd:${opd.code}:${q.id}`);
      const forced = DISAGREE[q.id]?.[opd.code];
      if (!forced && !isLead && r() > PROFILES[opd.code]!.diligence) {
        d.blank.push(q.id);
        continue;
      }
      const a = answerFor(project, q, opd, forced?.answer ?? truth.answer, false);
      if (forced?.evidence) a.evidence = forced.evidence;
      const placeholder = PLACEHOLDER[q.id]?.[opd.code];
      if (placeholder !== undefined) a.evidence = [placeholder];
      d.answers[q.id] = a;
    }
  }
  return [...byOpd.values()];
}

/**
 * An OPD's workbook with every one of its questions answered and evidenced:
 * the base of the invalid set, so that a file checked on its own shows only
 * its deliberate mistake (no unanswered or unevidenced rows besides).
 */
export function completeDescription(project: Project, code: string): OpdDescription {
  const opd = project.config.opds.find((o) => o.code === code)!;
  const d = emptyDescription(project, opd);
  for (const q of questionsForOpd(project, code)) d.answers[q.id] = answerFor(project, q, opd, truthOf(project, q).answer, true);
  return d;
}

// ---------------------------------------------------------------------------
// Workbooks

/** The row of each question on the answer sheet, from column A. */
export function questionRows(ws: ExcelJS.Worksheet): Map<string, number> {
  const rows = new Map<string, number>();
  for (let r = ANSWER_FIRST_ROW; r <= ws.rowCount; r++) {
    const id = ws.getCell(`${ANSWER_COLUMNS.id}${r}`).text.trim();
    if (id) rows.set(id, r);
  }
  return rows;
}

export async function buildSubmission(project: Project, d: OpdDescription): Promise<ExcelJS.Workbook> {
  const opd = project.config.opds.find((o) => o.code === d.opd.code)!;
  const wb = await buildTemplateWorkbook(project, opd);
  const id = wb.getWorksheet(SHEETS.identity)!;
  for (const f of IDENTITY_FIELDS) {
    const v = d.identity[f.key];
    if (!f.prefilled && v !== undefined) id.getCell(f.cell).value = v;
  }
  const ws = wb.getWorksheet(SHEETS.answers)!;
  const rows = questionRows(ws);
  for (const [qid, a] of Object.entries(d.answers)) {
    const r = rows.get(qid);
    if (r === undefined) throw new Error(`${d.opd.code}: no row for ${qid}`);
    ws.getCell(`${ANSWER_COLUMNS.answer}${r}`).value = a.answer;
    if (a.previous !== undefined) ws.getCell(`${ANSWER_COLUMNS.previous}${r}`).value = a.previous;
    if (a.evidence?.length) ws.getCell(`${ANSWER_COLUMNS.evidence}${r}`).value = a.evidence.join('\n');
    if (a.note) ws.getCell(`${ANSWER_COLUMNS.note}${r}`).value = a.note;
  }
  return wb;
}

/** Workbook and zip dates are fixed so a regeneration gives the same bytes (whatever SOURCE_DATE_EPOCH says). */
const FIXED_DATE = new Date(Date.UTC(2026, 0, 1));

async function writeWorkbook(wb: ExcelJS.Workbook, file: string, savedAt = FIXED_DATE): Promise<void> {
  wb.created = FIXED_DATE;
  wb.modified = savedAt;
  mkdirSync(path.dirname(file), { recursive: true });
  // Written as kla template writes a template (structure protected), as an OPD returns it.
  writeFileSync(file, stampZipDates(await templateBytes(wb), FIXED_DATE));
}


// ---------------------------------------------------------------------------
// Evidence placeholders

/** A one-page PDF saying it is a fictional placeholder. */
export function placeholderPdf(title: string, opdName: string): Buffer {
  const esc = (s: string) => s.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/([\\()])/g, '\\$1');
  const lines = ['CONTOH DATA DUKUNG FIKTIF (fixtures kla)', title, opdName, 'Berkas pengganti; bukan dokumen resmi.'];
  const content = `BT /F1 11 Tf 56 780 Td 16 TL ${lines.map((l) => `(${esc(l)}) Tj T*`).join(' ')} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** Evidence files named in the descriptions, per OPD, minus the ones deliberately not sent. */
export function evidenceFiles(descs: OpdDescription[]): { opd: string; name: string; sent: boolean }[] {
  const out = new Map<string, { opd: string; name: string; sent: boolean }>();
  for (const d of descs) {
    for (const a of Object.values(d.answers)) {
      for (const typed of a.evidence ?? []) {
        if (/^https?:\/\//.test(typed) || Object.values(PLACEHOLDER).some((p) => Object.values(p).includes(typed))) continue;
        const e = TYPED_AS[typed] ?? typed;
        out.set(`${d.opd.code}/${e}`, { opd: d.opd.code, name: e, sent: !EVIDENCE_NOT_SENT.has(e) });
      }
    }
  }
  return [...out.values()].sort((a, b) => (`${a.opd}/${a.name}` < `${b.opd}/${b.name}` ? -1 : 1));
}

// ---------------------------------------------------------------------------
// The estimate (the real scoring engine on the descriptions, without reading workbooks)

export function estimate(project: Project, descs: OpdDescription[], withEvidenceFolder: boolean) {
  const answers: Answer[] = [];
  const none = { file: '', sheet: '', cell: '' };
  const toValue = (v: AnswerInput | undefined): AnswerValue | null =>
    v === undefined ? null : typeof v === 'number' ? { kind: 'number', value: v } : { kind: 'option', option: v };
  for (const d of descs) {
    for (const [qid, a] of Object.entries(d.answers)) {
      answers.push({
        questionId: qid,
        opdCode: d.opd.code,
        value: toValue(a.answer),
        previous: toValue(a.previous),
        evidence: a.evidence ?? [],
        note: a.note ?? '',
        cells: { answer: none, previous: none, evidence: none, note: none },
      });
    }
  }
  const files = evidenceFiles(descs).filter((f) => f.sent).map((f) => `${f.opd}/${f.name}`);
  return score(project.catalog, answers, {
    opdOrder: project.config.opds.map((o) => o.code),
    chosen: project.index.chosen,
    ...(withEvidenceFolder ? { evidence: makeEvidenceLookup(files) } : {}),
  });
}

// ---------------------------------------------------------------------------
// The invalid set: one deliberate mistake per file, derived from a valid submission.

export interface Mistake {
  kind: string;
  sheet: string;
  cell: string;
  questionId?: string;
  /** What the cell holds after the mistake (null: blank). */
  value: string | number | null;
  /**
   * The diagnostic `kla validate` reports at this cell for this mistake when
   * the file is checked alone, or, with `with`, when checked together with
   * those files (null: nothing is reported at this cell).
   */
  code: string | null;
  /** Files (relative to invalid/) to validate together with this one for `code` to appear. */
  with?: string[];
}

export interface InvalidCase {
  file: string;
  /** OPD whose valid submission the file was derived from. */
  from: string;
  /** What went wrong, in Indonesian, for the README. */
  description: string;
  /** English one-liner. */
  en: string;
  mistakes: Mistake[];
  spoil(wb: ExcelJS.Workbook): void;
  /** When the workbook says it was saved, if not the fixed date of every other fixture. */
  savedAt?: Date;
}

const metaCell = (key: (typeof META_KEYS)[number]) => `B${META_KEYS.indexOf(key) + 1}`;
const idCell = (key: IdentityKey) => IDENTITY_FIELDS.find((f) => f.key === key)!.cell;

function invalidCases(project: Project, descs: OpdDescription[]): InvalidCase[] {
  const d = (code: string) => descs.find((x) => x.opd.code === code)!;
  const at = (code: string, qid: string, col: keyof typeof ANSWER_COLUMNS) => {
    // Rows follow the OPD's questions in catalog order.
    const i = questionsForOpd(project, code).findIndex((q) => q.id === qid);
    if (i < 0) throw new Error(`${code} does not answer ${qid}`);
    return `${ANSWER_COLUMNS[col]}${ANSWER_FIRST_ROW + i}`;
  };
  const setAt = (wb: ExcelJS.Workbook, sheet: string, cell: string, v: ExcelJS.CellValue) => (wb.getWorksheet(sheet)!.getCell(cell).value = v);
  const J = SHEETS.answers;
  const I = SHEETS.identity;
  const M = SHEETS.meta;
  const blankIds = ['21C.2', '21C.3', '21C.4'];
  const noEvidenceIds = ['9.1', '18.1', '19.9'];
  const dinkesRows = questionsForOpd(project, 'DINKES').length;
  const dupName = d('DUKCAPIL').file;
  const dupCopy = dupName.replace(/\.xlsx$/, ' - Salin.xlsx');
  const foreignName = 'Jawaban KLA 2026 Dinkes (final).xlsx';

  const cases: InvalidCase[] = [
    {
      file: 'Bag Hukum KLA 2025 (templat lama).xlsx',
      from: 'HUKUM',
      description: 'Templat tahun lalu: tahun pada lembar Meta dan Identitas 2025, bukan 2026.',
      en: 'Last year\'s template: year 2025 on the Meta and identity sheets.',
      mistakes: [
        { kind: 'wrong-year', sheet: I, cell: idCell('year'), value: 2025, code: 'KLA-E107' },
        { kind: 'wrong-year', sheet: M, cell: metaCell('year'), value: 2025, code: null },
      ],
      spoil: (wb) => {
        setAt(wb, I, idCell('year'), 2025);
        setAt(wb, M, metaCell('year'), 2025);
      },
    },
    {
      file: 'Disnaker KLA 2026 (belum lengkap).xlsx',
      from: 'DISNAKER',
      description: `Sel jawaban dibiarkan kosong untuk ${blankIds.join(', ')} (pertanyaan yang hanya dijawab Disnakertrans).`,
      en: `Answer cells left blank for ${blankIds.join(', ')} (answered by no other OPD).`,
      mistakes: blankIds.map((q) => ({ kind: 'blank-answer', sheet: J, cell: at('DISNAKER', q, 'answer'), questionId: q, value: null, code: 'KLA-W303' })),
      spoil: (wb) => blankIds.forEach((q) => setAt(wb, J, at('DISNAKER', q, 'answer'), null)),
    },
    {
      file: 'KLA_2026_DISDIKBUD_tanpa data dukung.xlsx',
      from: 'DISDIKBUD',
      description: `Data dukung wajib tidak diisi untuk ${noEvidenceIds.join(', ')}.`,
      en: `Required evidence left blank for ${noEvidenceIds.join(', ')}.`,
      mistakes: noEvidenceIds.map((q) => ({ kind: 'missing-evidence', sheet: J, cell: at('DISDIKBUD', q, 'evidence'), questionId: q, value: null, code: 'KLA-W222' })),
      spoil: (wb) => noEvidenceIds.forEach((q) => setAt(wb, J, at('DISDIKBUD', q, 'evidence'), null)),
    },
    {
      file: 'KEMENAG MERANGIN KLA 2026 (isian teks).xlsx',
      from: 'KEMENAG',
      description: 'Teks "delapan puluh" ditulis di sel persentase 19.2b.',
      en: 'The words "delapan puluh" typed into the percent cell of 19.2b.',
      mistakes: [{ kind: 'text-in-number', sheet: J, cell: at('KEMENAG', '19.2b', 'answer'), questionId: '19.2b', value: 'delapan puluh', code: 'KLA-E212' }],
      spoil: (wb) => setAt(wb, J, at('KEMENAG', '19.2b', 'answer'), 'delapan puluh'),
    },
    {
      file: 'PUPR - KLA 2026 (persen salah).xlsx',
      from: 'PUPR',
      description: 'Persentase 112 (di atas 100) pada 16.5.',
      en: 'Percentage 112 (above 100) for 16.5.',
      mistakes: [{ kind: 'percent-over-100', sheet: J, cell: at('PUPR', '16.5', 'answer'), questionId: '16.5', value: 112, code: 'KLA-E216' }],
      spoil: (wb) => setAt(wb, J, at('PUPR', '16.5', 'answer'), 112),
    },
    {
      file: 'Diskominfo_KLA2026_tanpa nama petugas.xlsx',
      from: 'KOMINFO',
      description: 'Nama petugas data dikosongkan.',
      en: 'Data officer\'s name left blank.',
      mistakes: [{ kind: 'identity-name-blank', sheet: I, cell: idCell('officerName'), value: null, code: 'KLA-E112' }],
      spoil: (wb) => setAt(wb, I, idCell('officerName'), null),
    },
    {
      file: 'BPBD kla 2026 (NIP 16 digit).xlsx',
      from: 'BPBD',
      description: 'NIP petugas data hanya 16 digit.',
      en: 'Data officer\'s NIP has 16 digits.',
      mistakes: [{ kind: 'identity-nip-16-digits', sheet: I, cell: idCell('officerNip'), value: nip(PROFILES.BPBD!.officer).slice(0, 16), code: 'KLA-E113' }],
      spoil: (wb) => setAt(wb, I, idCell('officerNip'), nip(PROFILES.BPBD!.officer).slice(0, 16)),
    },
    {
      file: 'UNIT PPA POLRES KLA 2026 (email).xlsx',
      from: 'POLRES',
      description: 'Alamat e-mail petugas data tanpa tanda @.',
      en: 'Data officer\'s e-mail without @.',
      mistakes: [{ kind: 'identity-email-without-at', sheet: I, cell: idCell('officerEmail'), value: 'sulastri.ppa.merangin.go.id', code: 'KLA-E116' }],
      spoil: (wb) => setAt(wb, I, idCell('officerEmail'), 'sulastri.ppa.merangin.go.id'),
    },
    {
      file: foreignName,
      from: 'DINSOS',
      description:
        'Lembar kerja Dinas Sosial yang tersimpan dengan nama berkas seperti kiriman Dinas Kesehatan, disimpan 15 Desember 2025 (draf lebih awal). Isinya sah, tetapi milik DINSOS (lembar Meta): ' +
        'kla mengenali OPD dari metadata, bukan dari nama berkas, dan memberi peringatan bahwa nama berkas menyebut OPD lain (KLA-W118). Bersama kiriman Dinsos yang asli (disimpan 1 Januari 2026) ' +
        'berkas ini digantikan oleh kiriman yang lebih baru itu (KLA-I305): jawabannya tidak dihitung, baik untuk Dinsos maupun untuk Dinkes.',
      en: 'The Dinsos workbook saved under a Dinkes-like file name, an earlier draft (saved 15 December 2025): recognised as DINSOS from its metadata, with a warning that the name names another OPD (KLA-W118); next to the real, newer Dinsos file it is superseded (KLA-I305).',
      mistakes: [
        { kind: 'superseded-by-newer', sheet: M, cell: metaCell('opdCode'), value: 'DINSOS', code: 'KLA-I305', with: [`../submissions/${d('DINSOS').file}`] },
        { kind: 'file-named-for-other-opd', sheet: M, cell: metaCell('opdCode'), value: 'DINSOS', code: 'KLA-W118' },
      ],
      spoil: () => undefined,
      savedAt: new Date(Date.UTC(2025, 11, 15, 9, 30)),
    },
    {
      file: dupName,
      from: 'DUKCAPIL',
      description: `Kiriman ganda: salinan persis kiriman Disdukcapil (pasangannya "${dupCopy}"). Dari dua salinan yang isinya sama, berkas dengan nama terpendek ini yang dihitung, tanpa temuan.`,
      en: `Duplicate submission: an exact copy of the Disdukcapil file (its twin is "${dupCopy}"); of identical copies this one, with the shorter name, counts, without findings.`,
      mistakes: [{ kind: 'duplicate-submission', sheet: M, cell: metaCell('opdCode'), value: 'DUKCAPIL', code: null, with: [dupCopy] }],
      spoil: () => undefined,
    },
    {
      file: dupCopy,
      from: 'DUKCAPIL',
      description: `Kiriman ganda: salinan persis "${dupName}" dengan nama lain (seperti hasil "Salin" di Windows); dicatat sebagai salinan yang tidak dihitung (KLA-I305).`,
      en: `Duplicate submission: an exact copy of "${dupName}" under another name; listed as a copy that does not count (KLA-I305).`,
      mistakes: [{ kind: 'duplicate-submission', sheet: M, cell: metaCell('opdCode'), value: 'DUKCAPIL', code: 'KLA-I305', with: [dupName] }],
      spoil: () => undefined,
    },
    {
      file: 'UPTD PPA - lembar kerja KLA 2026 (teks diubah).xlsx',
      from: 'UPTDPPA',
      description: 'Teks pertanyaan 21B.1 diubah oleh pengisi.',
      en: 'Question text of 21B.1 altered.',
      mistakes: [
        {
          kind: 'altered-question-text',
          sheet: J,
          cell: at('UPTDPPA', '21B.1', 'question'),
          questionId: '21B.1',
          value: 'Apakah anak korban kekerasan mendapatkan layanan dari UPTD PPA? (Lampirkan MATRIKS)',
          code: 'KLA-E202',
        },
      ],
      spoil: (wb) => setAt(wb, J, at('UPTDPPA', '21B.1', 'question'), 'Apakah anak korban kekerasan mendapatkan layanan dari UPTD PPA? (Lampirkan MATRIKS)'),
    },
    {
      file: 'Jawaban KLA 2026 Dinkes (tambah baris).xlsx',
      from: 'DINKES',
      description: 'Baris pertanyaan tambahan "12.99" yang tidak ada dalam katalog, di bawah pertanyaan terakhir.',
      en: 'An extra question row "12.99", not in the catalog, below the last question.',
      mistakes: [{ kind: 'unknown-question-row', sheet: J, cell: `${ANSWER_COLUMNS.id}${ANSWER_FIRST_ROW + dinkesRows}`, questionId: '12.99', value: '12.99', code: 'KLA-E203' }],
      spoil: (wb) => {
        const r = ANSWER_FIRST_ROW + dinkesRows;
        const ws = wb.getWorksheet(J)!;
        ws.getCell(`${ANSWER_COLUMNS.id}${r}`).value = '12.99';
        ws.getCell(`${ANSWER_COLUMNS.indicator}${r}`).value = '12. Persalinan di Fasilitas Kesehatan';
        ws.getCell(`${ANSWER_COLUMNS.question}${r}`).value = 'Berapa persentase ibu hamil yang mendapat tablet tambah darah minimal 90 tablet?';
        ws.getCell(`${ANSWER_COLUMNS.answer}${r}`).value = 78.3;
      },
    },
    {
      file: 'Dispusip KLA 2026 (persen teks).xlsx',
      from: 'DISPUSIP',
      description: 'Jumlah pada 5.3 ditulis sebagai persentase, teks "80%": pertanyaan meminta jumlah anak. Ini peringatan (dibaca sebagai jumlah 80), bukan galat. Persentase yang ditulis "87,5" atau "87,5%" pada pertanyaan persen tidak diberi peringatan.',
      en: 'The count of 5.3 written as a percentage, the text "80%", although the question asks for a number of children: a warning (read as the count 80), not an error. A percentage written "87,5" or "87,5%" for a percent question gets no warning.',
      mistakes: [
        { kind: 'percent-as-count', sheet: J, cell: at('DISPUSIP', '5.3', 'answer'), questionId: '5.3', value: '80%', code: 'KLA-W213' },
        // Read as 80, the count now differs from the one Kominfo gives for the same question.
        { kind: 'answers-differ', sheet: J, cell: at('DISPUSIP', '5.3', 'answer'), questionId: '5.3', value: '80%', code: 'KLA-W302', with: ['Diskominfo_KLA2026_tanpa nama petugas.xlsx'] },
      ],
      spoil: (wb) => setAt(wb, J, at('DISPUSIP', '5.3', 'answer'), '80%'),
    },
  ];
  return cases;
}

function invalidReadme(cases: InvalidCase[]): string {
  const rows = cases.flatMap((c) =>
    c.mistakes.map((m) => `| ${c.file} | ${c.from} | ${m.kind} | ${m.sheet} | ${m.cell} | ${m.questionId ?? ''} | ${m.code ?? '—'}${m.with ? ` (bersama ${m.with.join(', ')})` : ''} |`),
  );
  return [
    '# Lembar kerja tidak sah (contoh kesalahan)',
    '',
    'Setiap berkas di folder ini adalah lembar kerja sah sebuah OPD dengan **satu** kesalahan yang disengaja. Dasarnya jawaban OPD',
    'tersebut di `../answers/`, dilengkapi untuk pertanyaan yang di sana dikosongkan dan dengan data dukung di setiap baris yang',
    'memintanya, sehingga bila diperiksa sendiri hanya kesalahan yang disengaja itu yang dilaporkan.',
    'Periksa satu per satu, misalnya `npx kla validate --project fixtures/merangin "fixtures/merangin/invalid/PUPR - KLA 2026 (persen salah).xlsx"`.',
    'Memeriksa seluruh folder sekaligus juga melaporkan hal lintas berkas (kiriman ganda, jawaban yang belum ada). Dari beberapa lembar kerja satu OPD,',
    'yang dihitung adalah yang paling akhir disimpan menurut tanggal simpan di dalam lembar kerja itu sendiri; yang lain dicatat sebagai digantikan (KLA-I305).',
    'Daftar yang sama dalam bentuk data: `expected.json` (`[{file, mistakes: [{kind, sheet, cell, questionId?, value, code, with?}]}]`).',
    '',
    '*English: each file holds one deliberate mistake derived from a valid submission; `expected.json` lists file, sheet, cell and the expected diagnostic code.*',
    '',
    '## Berkas dan kesalahannya',
    '',
    ...cases.map((c) => `- **${c.file}** (dari ${c.from}): ${c.description}`),
    '',
    '## Sel dan kode yang diharapkan',
    '',
    'Kode = yang dilaporkan `kla validate` untuk berkas itu saja; "bersama" = kode baru muncul bila diperiksa bersama berkas lain.',
    'KLA-W213 (angka disesuaikan) dan KLA-W222/KLA-W303 adalah **peringatan**, bukan galat; KLA-I305 (digantikan) hanya **informasi**.',
    '',
    '| berkas | dari OPD | jenis | lembar | sel | pertanyaan | kode |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
    'Berkas ini dibuat ulang oleh `npx tsx scripts/make-fixtures.ts`; jangan diedit dengan tangan.',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------

const GENERATED = ['answers', 'submissions', 'evidence', 'invalid'];

/** Write every generated fixture into `outDir` (default: fixtures/merangin). */
export async function main(outDir = FIXTURE_DIR): Promise<{ descs: OpdDescription[]; cases: InvalidCase[] }> {
  const project = loadProject(FIXTURE_DIR);
  const descs = describeAll(project);
  for (const g of GENERATED) rmSync(path.join(outDir, g), { recursive: true, force: true });

  for (const d of descs) {
    const file = path.join(outDir, 'answers', `${d.opd.code}.json`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(d, null, 2) + '\n');
    await writeWorkbook(await buildSubmission(project, d), path.join(outDir, 'submissions', d.file));
  }
  const profile = describeProfile();
  writeFileSync(path.join(outDir, 'answers', 'PROFIL.json'), JSON.stringify(profile, null, 2) + '\n');
  await writeWorkbook(await buildProfileSubmission(project, profile), path.join(outDir, 'submissions', profile.file));

  // The DPPPA's Kelana/Dekela matrix, counting the areas behind the percentages the OPDs typed.
  const typed: Record<string, AnswerInput> = {};
  for (const d of descs) for (const [id, a] of Object.entries(d.answers)) typed[id] ??= a.answer;
  const matrix = describeMatrix(project, profile, typed);
  writeFileSync(path.join(outDir, 'answers', 'MATRIKS.json'), JSON.stringify(matrix, null, 2) + '\n');
  await writeWorkbook(await buildMatrixSubmission(project, profile, matrix), path.join(outDir, 'submissions', matrix.file));
  for (const f of matrix.evidence) {
    if (!f.sent) continue;
    const file = path.join(outDir, 'evidence', 'DPPPA', 'Kelana-Dekela', f.name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, placeholderPdf(f.name.replace(/\.pdf$/, ''), `Kecamatan ${f.kecamatan}`));
  }

  for (const f of evidenceFiles(descs)) {
    if (!f.sent) continue;
    const file = path.join(outDir, 'evidence', f.opd, f.name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, placeholderPdf(f.name.replace(/\.pdf$/, ''), descs.find((d) => d.opd.code === f.opd)!.opd.name));
  }

  const cases = invalidCases(project, descs);
  for (const c of cases) {
    const wb = await buildSubmission(project, completeDescription(project, c.from));
    c.spoil(wb);
    await writeWorkbook(wb, path.join(outDir, 'invalid', c.file), c.savedAt);
  }
  const expected = cases.map((c) => ({ file: c.file, from: c.from, description: c.en, mistakes: c.mistakes }));
  writeFileSync(path.join(outDir, 'invalid', 'expected.json'), JSON.stringify(expected, null, 2) + '\n');
  writeFileSync(path.join(outDir, 'invalid', 'README.md'), invalidReadme(cases));
  return { descs, cases };
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const out = process.argv[2] ? path.resolve(process.argv[2]) : FIXTURE_DIR;
  const { descs } = await main(out);
  // The figures kla score shows: validated workbooks, the matrix, the evidence folder.
  const project = loadProject(FIXTURE_DIR);
  const { result } = await assess(project, { inputs: [path.join(out, 'submissions')], evidence: path.join(out, 'evidence'), jobs: 1 });
  const files = evidenceFiles(descs);
  const round = (n: number) => n.toFixed(2);
  console.log(`Fixtures written to ${out}`);
  console.log(`  ${descs.length} submissions, ${files.filter((f) => f.sent).length} evidence files (${files.filter((f) => !f.sent).length} deliberately missing), the profile and the matrix`);
  console.log(`  estimate: ${round(result.total)} (${result.predikat ?? '-'})`);
  console.log(`  forecast, evidence folder checked: ${round(result.forecast.total)} (${result.forecast.predikat ?? '-'})`);
  for (const g of result.groups) console.log(`    ${g.label.padEnd(12)} ${round(g.points).padStart(7)} / ${g.max}`);
}
