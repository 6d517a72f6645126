/**
 * A document as an ordered registry of parts: chapters (BAB I, II …) and
 * annexes (LAMPIRAN A, B …), their sections and sub-sections, and the tables
 * and figures each declares. Every number (Bab, 3.2, Tabel 3.1, Gambar 2.1,
 * Lampiran C, Tabel C.2), every entry of the table of contents and of the
 * lists of tables and figures, and every cross-reference is generated from the
 * order of this one list: adding, removing or moving a part changes the list,
 * nothing else.
 *
 * Pure: the outline is data; layout.ts turns it into pdfmake nodes.
 */
import type { PdfNode } from './parts.js';

export type PartKind = 'chapter' | 'annex' | 'section' | 'subsection';

/** A table or figure a part declares: its id (for references) and its title (without the number). */
export interface Float {
  kind: 'table' | 'figure';
  id: string;
  title: string;
}

export interface Part {
  id: string;
  kind: PartKind;
  title: string;
  /** Tables and figures of this part, in the order they appear. */
  floats?: readonly Float[];
  /** The part's own content, given the numbering (for captions and references). */
  body?: (n: Numbering) => PdfNode[];
  parts?: readonly Part[];
}

export const table = (id: string, title: string): Float => ({ kind: 'table', id, title });
export const figure = (id: string, title: string): Float => ({ kind: 'figure', id, title });

/** A numbered entry: a part or a float, as the table of contents or a list shows it. */
export interface Entry {
  id: string;
  kind: PartKind | Float['kind'];
  /** "BAB III", "3.2", "3.2.1", "LAMPIRAN B", "Tabel 3.1", "Gambar 2.1". */
  label: string;
  title: string;
  /** Depth in the table of contents: 0 chapters and annexes, 1 sections, 2 sub-sections. */
  depth: number;
}

export interface Numbering {
  /** Every numbered part and float, in document order. */
  entries: readonly Entry[];
  /** The entry of an id; a reference to an id that is not declared is a programming error. */
  entry(id: string): Entry;
  /** "Tabel 3.1", "Gambar 2.1", "Bab III", "subbab 3.2", "Lampiran B": how a sentence refers to it. */
  ref(id: string): string;
  /** The caption of a float: "Tabel 3.1 Rekapitulasi nilai per kelompok". */
  caption(id: string): string;
}

const ROMAN: readonly [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

/** Roman numerals (chapters in capitals; front matter pages in small letters). */
export function roman(n: number): string {
  let out = '';
  let x = n;
  for (const [v, s] of ROMAN) {
    while (x >= v) {
      out += s;
      x -= v;
    }
  }
  return out;
}

/** A, B, … Z, AA, AB …: annex letters. */
function letters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Number every part and float of an outline. Throws on a repeated id (two parts cannot share a reference). */
export function numberOutline(parts: readonly Part[]): Numbering {
  const entries: Entry[] = [];
  const byId = new Map<string, Entry>();
  const add = (e: Entry) => {
    if (byId.has(e.id)) throw new Error(`outline id "${e.id}" is used twice`);
    byId.set(e.id, e);
    entries.push(e);
  };
  let chapters = 0;
  let annexes = 0;
  for (const top of parts) {
    if (top.kind !== 'chapter' && top.kind !== 'annex') throw new Error(`outline part "${top.id}" must be a chapter or an annex at the top`);
    const isAnnex = top.kind === 'annex';
    const mark = isAnnex ? letters(++annexes) : roman(++chapters);
    // Tables and figures are numbered within their chapter or annex: Tabel 3.1, Tabel B.2.
    const prefix = isAnnex ? mark : String(chapters);
    const counts = { table: 0, figure: 0 };
    const floats = (p: Part) => {
      for (const f of p.floats ?? []) {
        counts[f.kind]++;
        add({ id: f.id, kind: f.kind, label: `${f.kind === 'table' ? 'Tabel' : 'Gambar'} ${prefix}.${counts[f.kind]}`, title: f.title, depth: 0 });
      }
    };
    add({ id: top.id, kind: top.kind, label: `${isAnnex ? 'LAMPIRAN' : 'BAB'} ${mark}`, title: top.title, depth: 0 });
    floats(top);
    (top.parts ?? []).forEach((s, i) => {
      const sn = `${prefix}.${i + 1}`;
      add({ id: s.id, kind: 'section', label: sn, title: s.title, depth: 1 });
      floats(s);
      (s.parts ?? []).forEach((ss, j) => {
        add({ id: ss.id, kind: 'subsection', label: `${sn}.${j + 1}`, title: ss.title, depth: 2 });
        floats(ss);
        if (ss.parts?.length) throw new Error(`outline part "${ss.id}": no deeper than sub-sections`);
      });
    });
  }
  const entry = (id: string): Entry => {
    const e = byId.get(id);
    if (!e) throw new Error(`outline has no part or float "${id}"`);
    return e;
  };
  const ref = (id: string): string => {
    const e = entry(id);
    switch (e.kind) {
      case 'chapter':
        return `Bab ${e.label.slice(4)}`;
      case 'annex':
        return `Lampiran ${e.label.slice(9)}`;
      case 'section':
      case 'subsection':
        return `subbab ${e.label}`;
      default:
        return e.label;
    }
  };
  return { entries, entry, ref, caption: (id) => `${entry(id).label} ${entry(id).title}` };
}
