/**
 * The Kelana/Dekela matrix in both documents: the dossier's annex (what each
 * share was computed from, a grid per scope), the answer annex pointing to it,
 * and the working report's list of rows without evidence. A district of the
 * size the layout is designed for (24 kecamatan, 215 desa/kelurahan), scored
 * by the real scorer and rendered once.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocuments, type Documents } from '../src/dossier/index.js';
import { loadTemplates } from '../src/dossier/templates.js';
import { favourable, matrixQuestions, matrixScopeOf, type DistrictMatrix, type MatrixRow } from '../src/matrix.js';
import { score, type ScoreReport } from '../src/score/index.js';
import type { DistrictProfile } from '../src/profile.js';
import { catalog, opds, sampleInput, sampleProfile, synthetic } from './dossier.helpers.js';
import { layoutProblems, pdfLayout, pdfPages, squash } from './dossier.pdf.js';

const KEC = 24;
/** 215 desa over 24 kecamatan: 8 or 9 each. */
const desaIn = (k: number) => (k < 23 ? 9 : 215 - 9 * 23);

function bigProfile(): DistrictProfile {
  const p = sampleProfile();
  const at = (cell: string) => ({ file: p.file, sheet: 'Wilayah', cell });
  let row = 4;
  p.areas = Array.from({ length: KEC }, (_, k) => ({
    code: `15.02.${String(k + 1).padStart(2, '0')}`,
    name: `Wilayah ${k + 1}`,
    at: at(`B${row}`),
    desa: Array.from({ length: desaIn(k) }, (_, j) => ({ code: '', name: `Desa ${k + 1}-${j + 1} Sungai Panjang`, kind: 'desa' as const, at: at(`E${row++}`) })),
  }));
  return p;
}

const profile = bigProfile();
/** The spreadsheet column of a 1-based index (A … Z, AA …). */
const column = (n: number): string => (n <= 26 ? String.fromCharCode(64 + n) : column(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));
const file = 'submissions/Matriks Kelana-Dekela.xlsx';

/** Every matrix question answered: about four in five areas favourable, every seventh favourable row without evidence. */
function matrixFor(p: DistrictProfile): DistrictMatrix {
  let line = 0;
  return {
    files: [{ file, sha256: 'ab'.repeat(32), kecamatan: null }],
    columns: matrixQuestions(catalog).map((q, qi) => {
      const scope = matrixScopeOf(q);
      const sheet = scope === 'kecamatan' ? 'Kecamatan' : 'Desa dan Kelurahan';
      const fav = favourable(q);
      const areas = scope === 'kecamatan' ? p.areas.map((k) => ({ kecamatan: k.name, desa: null as string | null })) : p.areas.flatMap((k) => k.desa.map((d) => ({ kecamatan: k.name, desa: d.name as string | null })));
      const col = 5 + qi * 2;
      const rows: MatrixRow[] = areas.map((a, i) => {
        const yes = (i + qi) % 5 !== 0;
        line++;
        return {
          ...a,
          value: yes ? fav : fav === 'ya' ? 'tidak' : 'ya',
          evidence: yes && line % 7 !== 0 ? [`matriks/${q.id}/${i + 1}.pdf`] : [],
          cells: { answer: { file, sheet, cell: `${column(col)}${i + 5}` }, evidence: { file, sheet, cell: `${column(col + 1)}${i + 5}` } },
        };
      });
      return { questionId: q.id, scope, rows, header: { file, sheet, cell: `E3` } };
    }),
  };
}

const matrix = matrixFor(profile);
let docs: Documents;
let scored: ScoreReport;
let dossierText: string[];
let reportText: string[];

beforeAll(async () => {
  const s = synthetic();
  scored = score(catalog, s.submissions.flatMap((x) => x.answers), {
    opdOrder: opds.map((o) => o.code),
    responsible: (id) => opds.filter((o) => o.sources.some((src) => catalog.questionById.get(id)!.sources.includes(src))).map((o) => o.code),
    matrix,
  });
  docs = await renderDocuments(sampleInput({ profile, matrix, score: scored }), loadTemplates(), { pdfDate: new Date(Date.UTC(2026, 2, 5)) });
  dossierText = await pdfPages(docs.dossier.pdf);
  reportText = await pdfPages(docs.report.pdf);
}, 120_000);

const pagesWith = (pages: string[], needle: string) => pages.flatMap((t, i) => (squash(t).includes(squash(needle)) ? [i + 1] : []));

describe('the matrix annex of the dossier', () => {
  it('is an annex of its own, listed in the table of contents and the outline of the document', () => {
    expect(docs.model.matrix).not.toBeNull();
    const heading = pagesWith(dossierText, 'MATRIKS KECAMATAN DAN DESA/KELURAHAN');
    expect(heading.length).toBeGreaterThanOrEqual(2); // the table of contents and the annex itself
  });

  it('states for every question the areas that meet it out of all, as the score computed them', () => {
    const annex = dossierText.slice(pagesWith(dossierText, 'MATRIKS KECAMATAN DAN DESA/KELURAHAN').at(-1)! - 1).join(' ');
    for (const q of docs.model.matrix!.questions) {
      const s = docs.model.matrix!.questions.find((x) => x.id === q.id)!;
      expect(s.denominator).toBe(q.scope === 'kecamatan' ? KEC : 215);
      expect(squash(annex)).toContain(squash(`${s.numerator} dari ${s.denominator} ${q.scope === 'kecamatan' ? 'kecamatan' : 'desa/kelurahan'}`));
    }
    expect(docs.model.matrix!.questions).toHaveLength(35);
  });

  it('shows every kecamatan and every desa/kelurahan in its grid; which rows lack evidence is left to the working report', () => {
    const all = squash(dossierText.join(' '));
    // Every desa/kelurahan row names its kecamatan, whichever page it falls on.
    for (const k of profile.areas) for (const d of k.desa) expect(all).toContain(squash(`${k.name}${d.name}`));
    const grid = docs.model.matrix!.grids.find((g) => g.scope === 'desa')!;
    expect(grid.questionIds).toEqual(matrixQuestions(catalog).filter((q) => matrixScopeOf(q) === 'desa').map((q) => q.id));
    expect(grid.rows).toHaveLength(215);
    expect(grid.rows.some((r) => r.unevidenced.some(Boolean))).toBe(true);
    // The signed document shows the answers as given, like it states no verification forecast.
    expect(all).not.toContain('Y*');
    expect(all).not.toContain(squash('data dukung baris ini belum lengkap'));
  });

  it('the answer annex refers each computed question to the matrix annex instead of listing its files', () => {
    const label = pagesWith(dossierText, 'MATRIKS KECAMATAN DAN DESA/KELURAHAN').at(-1)!;
    const letter = /LAMPIRAN ([A-Z])/.exec(dossierText[label - 1]!)?.[1];
    expect(letter).toBeDefined();
    expect(squash(dossierText.join(' '))).toContain(squash(`Matriks desa/kelurahan, Lampiran ${letter}`));
    expect(dossierText.join(' ')).not.toContain('matriks/26.4/');
  });

  it('fits A4: the grid of 20 questions for 215 desa takes a few pages, with nothing overlapping or crossing a rule', async () => {
    const first = pagesWith(dossierText, 'Kolom berisi nomor pertanyaan 26.x')[0]!;
    const last = pagesWith(dossierText, profile.areas.at(-1)!.desa.at(-1)!.name).at(-1)!;
    expect(last - first).toBeLessThanOrEqual(7);
    const layout = await pdfLayout(docs.dossier.pdf);
    const problems = layout.slice(first - 1, last).flatMap((p, i) => layoutProblems(p, first + i));
    expect(problems).toEqual([]);
  });
});

describe('the working report', () => {
  it('lists the kecamatan and desa whose rows lack evidence, with the cell to fix', () => {
    const bare = docs.model.matrix!.unevidenced;
    expect(bare.length).toBeGreaterThan(0);
    const text = squash(reportText.join(' '));
    expect(text).toContain(squash('Matriks Kecamatan dan Desa/Kelurahan tanpa Data Dukung'));
    // One line per area: every row of the matrix without evidence is there, with its questions.
    const perArea = scored.questions.flatMap((q) => q.matrix?.unevidenced ?? []);
    expect(bare.reduce((k, r) => k + r.questions.length, 0)).toBe(perArea.length);
    expect(text).toContain(squash(`Berkas: ${file}.`));
    for (const r of bare.slice(0, 20)) expect(text).toContain(squash(`${r.desa ?? ''}${r.questions.join(', ')}${r.where}`));
    // The losses table names the matrix as the cause.
    expect(text).toContain(squash('desa/kelurahan tanpa data dukung lengkap'));
  });
});
