/**
 * The two-step layout of src/dossier/layout.ts on small documents made for it:
 * three chapters, each a run of lines and then a section with a table. As the
 * runs grow, a section heading reaches the foot of a page and must move to the
 * next one, in the first chapter and the last (the middle one never moves, so
 * it keeps the position the body's single layout gave it). Whatever moved,
 * every entry of the table of contents and of the list of tables names the
 * page it is on.
 */
import { describe, expect, it } from 'vitest';
import { nodeId, renderDocument, type DocumentSpec } from '../src/dossier/layout.js';
import { table as float, type Part } from '../src/dossier/outline.js';
import { PAGE, para, table } from '../src/dossier/parts.js';
import { expectListedOnTheirPages, pdfLayout, pdfPages } from './dossier.pdf.js';

const LETTERS = ['A', 'B', 'C'];

function spec(lines: readonly number[]): DocumentSpec {
  const outline: Part[] = lines.map((n, k) => ({
    id: `bab-${k}`,
    kind: 'chapter',
    title: `Bab ${LETTERS[k]}`,
    body: () => Array.from({ length: n }, (_, i) => para(`Baris ${i + 1} bab ${LETTERS[k]}.`)),
    parts: [
      {
        id: `bagian-${k}`,
        kind: 'section',
        title: `Bagian ${LETTERS[k]}`,
        floats: [float(`tabel-${k}`, `Tabel bab ${LETTERS[k]}`)],
        body: (num) => [
          table({
            id: nodeId(`tabel-${k}`),
            caption: num.caption(`tabel-${k}`),
            widths: ['*', 80],
            header: ['Uraian', 'Nilai'],
            rows: Array.from({ length: 6 }, (_, i) => [`Uraian ${i + 1}`, String(i + 1)]),
          }),
        ],
      },
    ],
  }));
  return {
    title: 'Dokumen Uji Tata Letak',
    info: { author: 'Uji', subject: 'Uji', keywords: 'uji' },
    date: new Date(Date.UTC(2026, 0, 1)),
    cover: [{ text: 'SAMPUL', style: 'chapter' }],
    front: [],
    lists: { tables: true, figures: false },
    outline,
  };
}

/** The body page of each entry, as the table of contents and the list of tables print it, and the pages' texts. */
async function check(lines: readonly number[]) {
  const rendered = await renderDocument(spec(lines));
  const pages = await pdfPages(rendered.pdf);
  expect(pages).toHaveLength(rendered.pages);
  expectListedOnTheirPages(rendered, pages, String(lines));
  return { rendered, pages };
}

describe('the layout in two steps', () => {
  it('lists every heading and table on its page, whether a heading moved in the first chapter, the last, or none', async () => {
    const moved = new Set<number>();
    // From a run that leaves the section on the chapter's first page to one that fills that page: on the way,
    // the section heading reaches the foot of the page and must move to the next.
    for (let n = 22; n <= 30; n++) {
      const { rendered, pages } = await check([n, 3, n]);
      const layout = await pdfLayout(rendered.pdf);
      for (const k of [0, 1, 2]) {
        const heading = `${k + 1}.1 Bagian ${LETTERS[k]}`;
        const at = pages.findIndex((t, i) => i >= rendered.frontPages && t.includes(heading));
        // Moved: the heading opens a page, and the page before ends with this chapter's lines and room to spare.
        const before = layout[at - 1]!.items.filter((it) => it.str.startsWith('Baris') && it.str.endsWith(`bab ${LETTERS[k]}.`));
        const page = layout[at]!;
        const first = page.items.filter((it) => !it.rotated && it.y > 50 && it.y < page.height - 80).sort((a, b) => b.y - a.y)[0]!;
        if (first.str.startsWith(`${k + 1}.1`) && before.length > 0 && Math.min(...before.map((it) => it.y)) > PAGE.margins[3] + 40) moved.add(k);
      }
    }
    expect([...moved].sort()).toEqual([0, 2]);
  });
});
