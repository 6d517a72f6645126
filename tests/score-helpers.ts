/** A small hand-made catalog and answer builders for the scoring tests. */
import { buildCatalog, type Catalog } from '../src/catalog/load.js';
import type { Answer, AnswerValue } from '../src/model.js';

/**
 * Total 1000 in two groups:
 *   G1 (600): indicator A: a1 regulation options, max 400; a2 percent bands, max 200, evidence required.
 *   G2 (400): indicator B, three questions of 400/3 = 133.333… each: b1 count bands; b2 count trend (lower is
 *             better); b3 options, evidence required.
 * a1, b1 and b2 are exempt from evidence (`evidenceExemption`), so the forecast tests can tell both kinds apart.
 */
export function miniCatalog(): Catalog {
  const exempt = { evidenceExemption: 'Pertanyaan uji tanpa data dukung.' };
  const q = (id: string, max: number, answerType: string, rubric: string, extra: Record<string, unknown> = {}) => ({
    id,
    text: `Pertanyaan ${id}?`,
    max,
    sources: ['Dinas A'],
    answerType,
    rubric,
    previousYear: false,
    noteRequired: false,
    scope: 'kabupaten',
    ...extra,
  });
  const third = 400 / 3;
  return buildCatalog(
    {
      schemaVersion: 2,
      id: 'mini',
      year: 2030,
      title: 'Katalog uji',
      provenance: 'uji',
      totalMax: 1000,
      indicatorOverflow: 'cap',
      predikat: {
        decimalRule: 'upper-inclusive',
        bands: [
          { name: 'Pratama', min: 500, max: 600 },
          { name: 'Madya', min: 601, max: 700 },
          { name: 'Nindya', min: 701, max: 800 },
          { name: 'Utama', min: 801, max: 900 },
          { name: 'KLA', min: 901, max: 1000 },
        ],
      },
      sources: [
        { id: 'Dinas A', name: 'Dinas A' },
        { id: 'Dinas B', name: 'Dinas B' },
      ],
      rubrics: {
        regulasi: {
          kind: 'options',
          title: 'Bentuk kebijakan',
          description: '',
          options: [
            { value: 'Ada, Peraturan Daerah', fraction: 1 },
            { value: 'Ada, Peraturan Bupati', fraction: 0.75 },
            { value: 'Ada, SK', fraction: 0.5 },
            { value: 'Tidak ada', fraction: 0 },
          ],
        },
        persen: { kind: 'bands', title: 'Persentase', description: '', better: 'higher', bands: [{ threshold: 90, fraction: 1 }, { threshold: 50, fraction: 0.5 }], otherwise: 0 },
        turun: { kind: 'bands', title: 'Persentase turun', description: '', better: 'lower', bands: [{ threshold: 5, fraction: 1 }, { threshold: 20, fraction: 0.25 }], otherwise: 0 },
        jumlah: { kind: 'bands', title: 'Jumlah', description: '', better: 'higher', bands: [{ threshold: 5, fraction: 1 }, { threshold: 1, fraction: 0.2 }], otherwise: 0 },
        tren: { kind: 'trend', title: 'Tren', description: '', better: 'lower', improved: 1, unchanged: 0.5, worsened: 0.25, noPrevious: 0.33 },
      },
      groups: [
        {
          id: 'G1',
          kind: 'kelembagaan',
          label: 'Kelompok 1',
          name: 'Kelompok satu',
          max: 600,
          indicators: [
            {
              id: 'A',
              name: 'Indikator A',
              max: 600,
              questions: [q('a1', 400, 'availability', 'regulasi', exempt), q('a2', 200, 'percent', 'persen')],
            },
          ],
        },
        {
          id: 'G2',
          kind: 'klaster',
          label: 'Kelompok 2',
          name: 'Kelompok dua',
          max: 400,
          indicators: [
            {
              id: 'B',
              name: 'Indikator B',
              max: 400,
              questions: [
                q('b1', third, 'count', 'jumlah', { sources: ['Dinas B'], ...exempt }),
                q('b2', third, 'count', 'tren', { previousYear: true, sources: ['Dinas B'], ...exempt }),
                q('b3', third, 'availability', 'regulasi', { sources: ['Dinas A', 'Dinas B'] }),
              ],
            },
          ],
        },
      ],
    },
    'mini.json',
  );
}

export const opt = (option: string): AnswerValue => ({ kind: 'option', option });
export const num = (value: number): AnswerValue => ({ kind: 'number', value });

let row = 10;
/** An answer as the validator produces it; cells point at a made-up workbook of the OPD. */
export function answer(questionId: string, opdCode: string, value: AnswerValue | null, more: Partial<Answer> = {}): Answer {
  const r = row++;
  const at = (col: string) => ({ file: `${opdCode}.xlsx`, sheet: 'Jawaban', cell: `${col}${r}` });
  return {
    questionId,
    opdCode,
    value,
    previous: null,
    evidence: [],
    note: '',
    cells: { answer: at('F'), previous: at('G'), evidence: at('H'), note: at('I') },
    ...more,
  };
}
