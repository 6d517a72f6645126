/**
 * Synthetic dossier inputs built from the shipped catalog: every question
 * answered deterministically (no randomness), so layout tests do not depend on
 * the validator or the scorer.
 */
import { loadCatalog, type Catalog } from '../src/catalog/load.js';
import type { Config } from '../src/project/config.js';
import type { Answer, AnswerValue, Submission } from '../src/model.js';
import { score as scoreAnswers, gapPlan, type ScoreReport } from '../src/score/index.js';
import { createHash } from 'node:crypto';
import type { DossierInput, Finding } from '../src/dossier/model.js';

export const catalog: Catalog = loadCatalog('kla-2024');

export const opds: Config['opds'] = catalog.defaultOpds!;

export const config: DossierInput['config'] = {
  district: { kind: 'kabupaten', name: 'Contoh', province: 'Jambi' },
  year: 2024,
  signatories: {
    head: { title: 'Bupati Contoh', name: 'H. Budi Santoso, S.E.' },
    coordinator: { title: 'Kepala Dinas Pemberdayaan Perempuan dan Perlindungan Anak', name: 'Dra. Siti Aminah, M.Si.', nip: '196805121990032004' },
  },
  profile: { capital: 'Kota Contoh', areaKm2: 7679, kecamatan: 24, desaKelurahan: 215, population: 404000, children: 132000, description: 'Kabupaten Contoh adalah kabupaten agraris di bagian barat provinsi.' },
  opds,
};

/** The OPD of the district answering a question: the first one covering one of its sources. */
export function opdFor(sources: readonly string[]): string | null {
  return opds.find((o) => o.sources.some((s) => sources.includes(s)))?.code ?? null;
}

export interface SyntheticOptions {
  /** Text put into every note and evidence cell (to test hostile input). */
  hostile?: string;
  /** Leave every n-th question unanswered. */
  gapEvery?: number;
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
      evidence: q.evidenceRequired && i % 3 !== 0 ? [opts.hostile ?? `SK ${q.id.replace(/\W/g, '_')} tahun 2024.pdf`] : [],
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
      officerEmail: `${code.toLowerCase()}@contoh.go.id`,
      headName: `Kepala ${code}`,
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

export const sampleFindings: Finding[] = [
  { code: 'KLA-W003', severity: 'warning', file: 'submissions/DINKES (jawaban).xlsx', sheet: 'Jawaban', cell: 'F12', questionId: '12.1', message: 'Nilai persentase 100 sama dengan tahun sebelumnya; mohon diperiksa.' },
  { code: 'KLA-E010', severity: 'error', file: 'submissions/DINSOS (jawaban).xlsx', sheet: 'Jawaban', cell: 'F30', questionId: '9.2', message: 'Jawaban "Mungkin" bukan salah satu pilihan.' },
];

export function sampleInput(over: Partial<DossierInput> = {}, opts: SyntheticOptions = {}): DossierInput {
  const s = synthetic(opts);
  return {
    catalog,
    config,
    districtName: 'Kabupaten Contoh',
    submissions: s.submissions,
    files: s.files,
    findings: sampleFindings,
    score: s.score,
    plan: gapPlan(s.score, catalog.predikat, nextPredikat(s.score.predikat)),
    draft: false,
    date: new Date(Date.UTC(2025, 2, 5)),
    toolVersion: '0.0.0-test',
    ...over,
  };
}

function nextPredikat(current: string | null): string {
  const names = catalog.predikat.bands.map((b) => b.name);
  return names[Math.min(names.length - 1, current === null ? 0 : names.indexOf(current) + 1)]!;
}
