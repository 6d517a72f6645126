/**
 * Reading PDFs back in tests: page texts and positions through pdfjs-dist
 * (legacy build, as on Node 20). Reading a 74-page dossier's text takes pdfjs
 * seconds, and a test file often asks for both the texts and the layout of
 * the same document: each document's text is read once per test file (keyed by
 * its bytes) and serves both.
 */
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import type { Numbering } from '../src/dossier/outline.js';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** One text item as pdfjs gives it; `str` is undefined for marked-content items. */
interface RawItem {
  str: string | undefined;
  transform: number[];
  width: number;
  height: number;
}

interface RawPage {
  view: [number, number, number, number];
  items: RawItem[];
}

const read = new Map<string, Promise<RawPage[]>>();

const open = (data: Uint8Array) => getDocument({ data: new Uint8Array(data), isEvalSupported: false }).promise;

/** Every page's text items, read once for the same bytes. */
function textOf(data: Uint8Array): Promise<RawPage[]> {
  const key = createHash('sha256').update(data).digest('hex');
  let pages = read.get(key);
  if (pages === undefined) {
    pages = (async () => {
      const doc = await open(data);
      const out: RawPage[] = [];
      for (let i = 1; i <= doc.numPages; i++) {
        const page = await doc.getPage(i);
        const tc = await page.getTextContent();
        out.push({
          view: page.view as RawPage['view'],
          items: tc.items.map((it) => ('str' in it ? { str: it.str, transform: it.transform as number[], width: it.width, height: it.height } : { str: undefined, transform: [], width: 0, height: 0 })),
        });
      }
      await doc.destroy();
      return out;
    })();
    read.set(key, pages);
  }
  return pages;
}

/** The text of every page, items joined by single spaces. */
export async function pdfPages(data: Uint8Array): Promise<string[]> {
  return (await textOf(data)).map((p) =>
    p.items
      .map((it) => it.str ?? '')
      .join(' ')
      .replace(/\s+/g, ' '),
  );
}

/** Text without any whitespace: for finding names that a table cell may wrap over lines. */
export const squash = (s: string) => s.replace(/\s+/g, '');

/**
 * Every entry of a document's outline (headings, tables, figures) is listed in
 * its front matter's lists with a page number, and starts on that body page. The
 * lists as printed: an entry may wrap over lines, its page number is a cell of
 * its own.
 */
export function expectListedOnTheirPages(doc: { frontPages: number; numbering: Numbering }, pages: readonly string[], what: string): void {
  const F = doc.frontPages;
  const lists = pages.slice(1, F).join(' ');
  for (const e of doc.numbering.entries) {
    const upper = e.kind === 'chapter' || e.kind === 'annex';
    const listed = squash(`${e.label} ${upper ? e.title.toUpperCase() : e.title}`);
    const pattern = [...listed].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*');
    const page = Number(new RegExp(`${pattern}\\s+(\\d+)\\b`).exec(lists)?.[1]);
    expect(page, `${what}: ${e.label} ${e.title} is listed with a page number`).toBeGreaterThan(0);
    expect(squash(pages[F + page - 1] ?? ''), `${what}: ${e.label} ${e.title} on page ${page}`).toContain(listed);
    if (e.kind === 'table' || e.kind === 'figure') {
      // The page it starts on: a table's caption is repeated on every page the table reaches.
      const first = pages.slice(F).findIndex((t) => squash(t).includes(listed)) + 1;
      expect(page, `${what}: ${e.label} ${e.title} is listed with the page it starts on`).toBe(first);
    }
  }
}

/**
 * The links of the front pages (the lists): the text under each and the page
 * it leads to (1-based), whether by a named destination or a page number.
 */
export async function frontLinks(data: Uint8Array, frontPages: number): Promise<{ text: string; target: number }[]> {
  const doc = await open(data);
  const dests = (await doc.getDestinations()) as Record<string, unknown[]>;
  const out: { text: string; target: number }[] = [];
  for (let p = 1; p <= frontPages; p++) {
    const page = await doc.getPage(p);
    const items = (await page.getTextContent()).items as RawItem[];
    for (const a of (await page.getAnnotations()) as { subtype: string; dest?: unknown; rect: number[] }[]) {
      const dest = typeof a.dest === 'string' ? dests[a.dest] : (a.dest as unknown[] | undefined);
      if (a.subtype !== 'Link' || !dest) continue;
      const target = typeof dest[0] === 'number' ? dest[0] + 1 : (await doc.getPageIndex(dest[0] as never)) + 1;
      const [x1, y1, x2, y2] = a.rect as [number, number, number, number];
      const text = items
        .filter((i) => i.str && i.transform[5]! >= y1 - 1 && i.transform[5]! <= y2 + 1 && i.transform[4]! >= x1 - 1 && i.transform[4]! < x2)
        .map((i) => i.str)
        .join(' ');
      out.push({ text, target });
    }
  }
  await doc.destroy();
  return out;
}

/** The document information dictionary (Title, CreationDate …). */
export async function pdfInfo(data: Uint8Array): Promise<Record<string, unknown>> {
  const doc = await open(data);
  const { info } = await doc.getMetadata();
  await doc.destroy();
  return info as Record<string, unknown>;
}

/** A text item where it is drawn, in PDF points with the origin at the page's bottom left. */
export interface PlacedText {
  str: string;
  x: number;
  y: number;
  w: number;
  h: number;
  /** Drawn at an angle (a watermark). */
  rotated: boolean;
}

export interface PageLayout {
  width: number;
  height: number;
  items: PlacedText[];
  /** Vertical rules drawn on the page (table column borders): x, and the span y1 < y2. */
  vlines: { x: number; y1: number; y2: number }[];
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** Where every text item and every vertical rule of every page lies (pdfjs positions and operator list). */
export async function pdfLayout(data: Uint8Array): Promise<PageLayout[]> {
  const { OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const text = await textOf(data);
  const doc = await open(data);
  const out: PageLayout[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const { view, items: raw } = text[i - 1]!;
    const [x0, y0, x1, y1] = view;
    const items: PlacedText[] = [];
    for (const it of raw) {
      if (it.str === undefined || it.str.trim() === '') continue;
      const t = it.transform;
      items.push({ str: it.str, x: t[4]!, y: t[5]!, w: it.width, h: it.height, rotated: Math.abs(t[1]!) > 1e-6 || Math.abs(t[2]!) > 1e-6 });
    }
    // Vertical rules: stroked paths whose bounding box is a thin vertical line, under the current transform.
    const ops = await page.getOperatorList();
    const vlines: PageLayout['vlines'] = [];
    let ctm: Matrix = [1, 0, 0, 1, 0, 0];
    const stack: Matrix[] = [];
    ops.fnArray.forEach((fn, k) => {
      const args = ops.argsArray[k] as unknown[];
      if (fn === OPS.save) stack.push(ctm);
      else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
      else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
      else if (fn === OPS.constructPath) {
        const box = args[2] as Record<string, number> | undefined;
        if (!box) return;
        const [ax, ay] = apply(ctm, box[0]!, box[1]!);
        const [bx, by] = apply(ctm, box[2]!, box[3]!);
        if (Math.abs(ax - bx) < 0.01 && Math.abs(ay - by) > 4) vlines.push({ x: ax, y1: Math.min(ay, by), y2: Math.max(ay, by) });
      }
    });
    out.push({ width: x1 - x0, height: y1 - y0, items, vlines });
  }
  await doc.destroy();
  return out;
}

/**
 * What is wrong with a page's layout: text outside the page, text crossing a
 * column rule, text overlapping other text. Empty when the page is sound.
 */
export function layoutProblems(p: PageLayout, page: number): string[] {
  const out: string[] = [];
  const items = p.items.filter((it) => !it.rotated);
  for (const it of items) {
    if (it.x < 0 || it.x + it.w > p.width + 0.5 || it.y < 0 || it.y + it.h > p.height + 0.5) out.push(`page ${page}: "${it.str}" lies outside the page`);
    const mid = it.y + it.h * 0.35;
    const crossed = p.vlines.find((v) => v.y1 <= mid && mid <= v.y2 && v.x > it.x + 0.6 && v.x < it.x + it.w - 0.6);
    if (crossed) out.push(`page ${page}: "${it.str}" crosses the column rule at x=${crossed.x.toFixed(1)}`);
  }
  // Boxes of glyphs: from the baseline up to most of the font size (descenders may touch the next line).
  const box = (it: PlacedText) => ({ l: it.x, r: it.x + it.w, b: it.y, t: it.y + it.h * 0.7 });
  for (let a = 0; a < items.length; a++) {
    const A = box(items[a]!);
    for (let b = a + 1; b < items.length; b++) {
      const B = box(items[b]!);
      const w = Math.min(A.r, B.r) - Math.max(A.l, B.l);
      const h = Math.min(A.t, B.t) - Math.max(A.b, B.b);
      if (w > 0.8 && h > 0.8) out.push(`page ${page}: "${items[a]!.str}" overlaps "${items[b]!.str}"`);
    }
  }
  return out;
}
