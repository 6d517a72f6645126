/**
 * Synthetic document inputs built from the shipped catalog: every question
 * answered deterministically (no randomness), a district profile, findings and
 * conflicts, so layout tests do not depend on the validator or on fixtures.
 */
import { createHash } from 'node:crypto';
import { loadCatalog, type Catalog } from '../src/catalog/load.js';
import { parseConfig, type Config } from '../src/project/config.js';
import { defaultOpds } from '../src/project/init.js';
import type { Answer, AnswerValue, Diagnostic, Submission } from '../src/model.js';
import type { DistrictProfile } from '../src/profile.js';
import { score as scoreAnswers, gapPlan, planTarget, type ScoreReport } from '../src/score/index.js';
import { diag, formatMessage } from '../src/diagnostics/index.js';
import type { DossierInput } from '../src/dossier/model.js';

export const catalog: Catalog = loadCatalog('kla-2024');

export const opds: Config['opds'] = defaultOpds(catalog, { kind: 'kabupaten', name: 'Contoh' });

export const config: Config = parseConfig(
  {
    schemaVersion: 1,
    district: { kind: 'kabupaten', name: 'Contoh', province: 'Jambi' },
    year: 2026,
    catalog: 'kla-2024',
    opds,
    signatories: {
      head: { title: 'Bupati Contoh', name: 'H. Budi Santoso, S.E.' },
      coordinator: { title: 'Kepala Dinas Pemberdayaan Perempuan dan Perlindungan Anak', name: 'Dra. Siti Aminah, M.Si.', nip: '196805121990032004' },
    },
    profile: { capital: 'Kota Contoh', areaKm2: 7679, kecamatan: 3, desaKelurahan: 6, population: 404000, children: 132000, description: 'Kabupaten Contoh adalah kabupaten agraris di bagian barat provinsi.' },
    document: { date: '2026-03-05' },
  },
  'kla.config.json',
);

/** The OPD of the district answering a question: the first one covering one of its sources. */
export function opdFor(sources: readonly string[]): string | null {
  return opds.find((o) => o.sources.some((s) => sources.includes(s)))?.code ?? null;
}

export interface SyntheticOptions {
  /** Text put into every note and evidence cell (to test hostile input). */
  hostile?: string;
  /** A long unbreakable text (an e-mail, a link) put into identity and evidence cells. */
  long?: string;
  /** A long e-mail address put into the officers' e-mail cells (instead of `long`). */
  email?: string;
  /** Leave every n-th question unanswered. */
  gapEvery?: number;
}

const at = (file: string, cell: string) => ({ file, sheet: 'Profil', cell });

/** A small district profile: three kecamatan, children by age group and sex, regulations, narratives, history, activities. */
export function sampleProfile(opts: SyntheticOptions = {}): DistrictProfile {
  const file = 'submissions/Profil Daerah (DPPPA).xlsx';
  const kec = ['Kota Contoh', 'Sungai Jernih', 'Bukit Indah'];
  return {
    file,
    sha256: createHash('sha256').update('profil').digest('hex'),
    savedAt: null,
    areas: kec.map((name, i) => ({ code: `15.99.0${i + 1}`, name, at: at(file, `B${i + 4}`), desa: [0, 1].map((j) => ({ code: '', name: `${name} ${j === 0 ? 'Hulu' : 'Hilir'}`, kind: j === 0 ? 'kelurahan' : 'desa', at: at(file, `E${i * 2 + j + 4}`) })) })),
    children: {
      year: 2025,
      source: 'Dinas Kependudukan dan Pencatatan Sipil',
      ageGroups: ['0–4', '5–9', '10–14', '15–17'],
      rows: kec.map((name, i) => ({ kecamatan: name, male: [9000 + i * 100, 9500, 10000, 6000], female: [8800, 9200 + i * 50, 9800, 5900], at: at(file, `B${i + 20}`) })),
    },
    regulations: [
      { kind: 'perda', kla: true, number: '5', year: 2019, title: 'Penyelenggaraan Kabupaten Layak Anak', at: at(file, 'C40') },
      { kind: 'sk-gugus-tugas', kla: false, number: '188.45/112/2025', year: 2025, title: 'Gugus Tugas Kabupaten Layak Anak', at: at(file, 'C41') },
      { kind: 'perkada', kla: false, number: '12', year: 2024, title: 'Kawasan Tanpa Rokok', at: at(file, 'C42') },
    ],
    gugusTugas: { decree: 'Nomor 188.45/112/2025', chair: opts.long ?? 'Sekretaris Daerah Kabupaten Contoh', members: 32, at: at(file, 'C41'), cells: { chair: at(file, 'C45'), members: at(file, 'C46') } },
    narratives: catalog.groups.map((g, i) => ({
      groupId: g.id,
      label: g.label,
      capaian: opts.hostile ?? `Capaian ${g.label}: layanan bagi anak telah menjangkau seluruh kecamatan, dengan peningkatan cakupan dibandingkan tahun sebelumnya.`,
      kendala: i % 2 === 0 ? `Kendala ${g.label}: keterbatasan tenaga terlatih di kecamatan terjauh.` : '',
      upaya: `Upaya ${g.label}: pelatihan berjenjang dan pendampingan oleh Perangkat Daerah penanggung jawab.`,
      at: at(file, `B${60 + i * 4}`),
      cells: { capaian: at(file, `C${61 + i * 4}`), kendala: at(file, `C${62 + i * 4}`), upaya: at(file, `C${63 + i * 4}`) },
    })),
    history: [
      { year: 2021, predikat: 'Pratama', total: 552.4, note: 'Penghargaan Kabupaten Layak Anak pertama', at: at(file, 'B80') },
      { year: 2023, predikat: 'Pratama', total: 588.4, note: '', at: at(file, 'B81') },
    ],
    activities: [
      { opdCode: 'DINKES', indicatorId: '12', activity: opts.hostile ?? 'Pelatihan konselor menyusui di seluruh puskesmas', timing: 'Triwulan II 2026', responsible: 'Bidang Kesehatan Masyarakat', at: at(file, 'B100') },
      { opdCode: 'DPPPA', indicatorId: '1', activity: 'Penyusunan rancangan peraturan bupati tentang pelaksanaan KLA', timing: 'Maret–Mei 2026', responsible: 'Bidang Pemenuhan Hak Anak', at: at(file, 'B101') },
    ],
  };
}

/** Submissions for every catalog question answered in a fixed pattern, scored by the real scorer. */
export function synthetic(opts: SyntheticOptions = {}): { submissions: Submission[]; score: ScoreReport; files: DossierInput['files'] } {
  const byOpd = new Map<string, Answer[]>();
  catalog.questionList.forEach((q, i) => {
    const opd = opdFor(q.sources);
    if (opd === null || (opts.gapEvery !== undefined && i % opts.gapEvery === 0)) return;
    const file = `submissions/${opd} (jawaban).xlsx`;
    const row = 4 + (byOpd.get(opd)?.length ?? 0);
    const r = q.rubricDef;
    let value: AnswerValue;
    if (r.kind === 'options') value = { kind: 'option', option: r.options[i % 2]!.value };
    else if (r.kind === 'bands') {
      const b = r.bands[i % 2]!;
      value = { kind: 'number', value: q.answerType === 'percent' ? b.threshold + 0.5 : b.threshold };
    } else value = { kind: 'number', value: 3 };
    const cell = (c: string) => ({ file, sheet: 'Jawaban', cell: `${c}${row}` });
    const a: Answer = {
      questionId: q.id,
      opdCode: opd,
      value,
      previous: q.previousYear ? value : null,
      evidence: q.evidenceRequired && i % 3 !== 0 ? [opts.hostile ?? opts.long ?? `SK ${q.id.replace(/\W/g, '_')} tahun 2025.pdf`] : [],
      note: opts.hostile ?? (i % 5 === 0 ? 'Sudah ditetapkan dan disosialisasikan kepada seluruh kecamatan.' : ''),
      cells: { answer: cell('F'), previous: cell('G'), evidence: cell('H'), note: cell('I') },
    };
    byOpd.set(opd, [...(byOpd.get(opd) ?? []), a]);
  });
  const submissions: Submission[] = [...byOpd.entries()].map(([code, answers]) => ({
    file: `submissions/${code} (jawaban).xlsx`,
    sha256: createHash('sha256').update(code).digest('hex'),
    opdCode: code,
    savedAt: null,
    identity: {
      opdName: code,
      opdCode: code,
      officerName: opts.hostile ?? `Petugas ${code}`,
      officerNip: '198001012005011001',
      officerPosition: 'Analis Data',
      officerPhone: '0812 3456 7890',
      officerEmail: opts.email ?? opts.long ?? `${code.toLowerCase()}@contoh.go.id`,
      headName: `Kepala ${code}`,
      headPosition: `Kepala ${code}`,
    },
    identityCells: {},
    answers,
  }));
  const score = scoreAnswers(
    catalog,
    submissions.flatMap((s) => s.answers),
    {
      opdOrder: opds.map((o) => o.code),
      responsible: (id) => {
        const q = catalog.questionById.get(id)!;
        return opds.filter((o) => o.sources.some((s) => q.sources.includes(s))).map((o) => o.code);
      },
    },
  );
  return { submissions, files: submissions.map((s) => ({ file: s.file, sha256: s.sha256, opdCode: s.opdCode })), score };
}

export const sampleFindings: Diagnostic[] = [
  diag('KLA-W221', { question: '12.3', year: 2024 }, { file: 'submissions/DINKES (jawaban).xlsx', sheet: 'Jawaban', cell: 'G12' }, '12.3'),
  diag('KLA-E210', { question: '9.2', found: 'Mungkin', options: '"Ya", "Tidak"' }, { file: 'submissions/DINSOS (jawaban).xlsx', sheet: 'Jawaban', cell: 'F30' }, '9.2'),
];

export function sampleInput(over: Partial<DossierInput> = {}, opts: SyntheticOptions = {}): DossierInput {
  const s = synthetic(opts);
  const target = planTarget(s.score.predikat, s.score.forecast.predikat, catalog.predikat);
  return {
    catalog,
    config,
    districtName: 'Kabupaten Contoh',
    submissions: s.submissions,
    profile: sampleProfile(opts),
    files: s.files,
    diagnostics: sampleFindings,
    word: (d) => formatMessage(d, 'id'),
    score: s.score,
    plan: target === null ? null : gapPlan(s.score, catalog.predikat, target),
    draft: false,
    blockers: [],
    date: new Date(Date.UTC(2026, 2, 5)),
    logo: null,
    evidenceChecked: true,
    fileLabel: (f) => f,
    ...over,
  };
}
