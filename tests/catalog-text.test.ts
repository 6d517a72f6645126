/**
 * Every text of every shipped catalog reads as written by a careful official:
 * no word split by a stray space or by a hyphen and a space, no words glued
 * together, no doubled spaces, no space before punctuation or inside brackets,
 * no stray backslash, no known misspelling. Split and glued words are found
 * from the catalog itself: fragments that join into a word the catalog uses
 * elsewhere, and tokens that are two of its words written together. Quoted
 * text in resolutions and source problems is the source's own wording and is
 * left out.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFromRecipe, readInstrument, readRecipe, recipesDir, referenceDir } from '../scripts/build-catalog.js';
import { buildCatalog, loadCatalog, type Catalog } from '../src/catalog/load.js';
import { shippedCatalogs } from '../src/catalog/registry.js';

interface Text {
  where: string;
  text: string;
}

function textsOf(c: Catalog): Text[] {
  const out: Text[] = [
    { where: 'title', text: c.title },
    { where: 'provenance', text: c.provenance },
  ];
  for (const g of c.groups) {
    out.push({ where: `group ${g.id}`, text: g.name }, { where: `group ${g.id} label`, text: g.label });
    for (const i of g.indicators) out.push({ where: `indicator ${i.id}`, text: i.name });
  }
  for (const q of c.questionList) {
    out.push({ where: `question ${q.id}`, text: q.text });
    if (q.evidenceExemption) out.push({ where: `question ${q.id} exemption`, text: q.evidenceExemption });
    if (q.criterion) out.push({ where: `question ${q.id} criterion`, text: q.criterion });
  }
  for (const [id, r] of Object.entries(c.rubrics)) {
    out.push({ where: `rubric ${id} title`, text: r.title }, { where: `rubric ${id}`, text: r.description });
    if (r.kind === 'options') for (const o of r.options) out.push({ where: `rubric ${id} option`, text: o.value });
  }
  const unquoted = (s: string) => s.replace(/"[^"]*"/g, '""');
  c.resolutions.forEach((r, i) => out.push({ where: `resolution ${i + 1}`, text: unquoted(`${r.issue} ${r.resolution}`) }));
  c.sourceProblems.forEach((p, i) => out.push({ where: `source problem ${i + 1}`, text: unquoted(p.problem) }));
  return out;
}

const L = '\\p{L}';
/** Typographic slips, each with what it catches. */
const PATTERNS: [string, RegExp][] = [
  ['doubled space', / {2,}/u],
  ['space at a line end or start', /(^ | $| \n|\n )/mu],
  ['space before punctuation', / [?!.,;:]/u],
  ['space inside brackets', /\( | \)/u],
  ['stray backslash', /\\/u],
  ['word broken by a hyphen and a space', new RegExp(`${L}- ${L}|${L} -${L}`, 'u')],
  ['slash with a space on one side', new RegExp(`${L}/ ${L}|${L} /${L}|/ \\(`, 'u')],
  ['no space after a comma or semicolon', new RegExp(`[,;]${L}`, 'u')],
  ['no space after a question or exclamation mark', /[?!][\p{L}(]/u],
  ['no space after a full stop before a bracket or number', /\.\(|\p{L}{2}\.\d/u],
  ['doubled full stop', /(?<!\.)\.\.(?!\.)/u],
];

/** Misspellings seen in transcriptions of the instrument, and words written together that the dictionary (KBBI) writes apart. */
const KNOWN = /\b(ApakaKLASh|Puskemas|Corprate|sebelumya|prasana|presentase|menjalanani|premier|Pengembanga|kerjasama|bekerjasama|dimana|pertahun|perbulan)\b|^pakah|\bApakah Tersedia\b/u;

function problems(c: Catalog): string[] {
  const texts = textsOf(c);
  const words = new Map<string, number>();
  const tokens = (s: string) => s.match(/\p{L}+/gu) ?? [];
  for (const t of texts) for (const w of tokens(t.text)) words.set(w.toLowerCase(), (words.get(w.toLowerCase()) ?? 0) + 1);
  const count = (w: string) => words.get(w.toLowerCase()) ?? 0;
  const out: string[] = [];
  const report = (t: Text, what: string, at: number, len: number) =>
    out.push(`${t.where}: ${what}: "…${t.text.slice(Math.max(0, at - 15), at + len + 15)}…"`);

  for (const t of texts) {
    for (const [what, re] of PATTERNS) {
      const m = new RegExp(re.source, `${re.flags}g`);
      for (const hit of t.text.matchAll(m)) report(t, what, hit.index, hit[0].length);
    }
    for (const hit of t.text.matchAll(new RegExp(KNOWN.source, 'gmu'))) report(t, 'known misspelling', hit.index, hit[0].length);
    // Split words: two fragments that join into a word used elsewhere, one of them no word of its own.
    for (const hit of t.text.matchAll(/(\p{L}+)(?: |- )(\p{L}+)/gu)) {
      const [, a, b] = hit as unknown as [string, string, string];
      const joined = `${a}${b}`;
      if (count(joined) > 0 && (count(a) <= 1 || count(b) <= 1)) report(t, `split word (${joined})`, hit.index, hit[0].length);
    }
    // Glued words: one token made of two words the catalog uses elsewhere (each at least 4 letters, seen 3 times).
    for (const w of new Set(tokens(t.text))) {
      for (let i = 4; i <= w.length - 4; i++) {
        const a = w.slice(0, i);
        const b = w.slice(i);
        if (count(a) >= 3 && count(b) >= 3 && count(w) <= 2) report(t, `glued words (${a} ${b})`, t.text.indexOf(w), w.length);
      }
    }
  }
  return out;
}

describe('catalog texts', () => {
  for (const entry of shippedCatalogs()) {
    it(`${entry.id}: no split, glued or misspelt words, no stray spaces or backslashes`, () => {
      expect(problems(loadCatalog(entry.id))).toEqual([]);
    });
  }

  it('the checks find each kind of slip the instrument was transcribed with', () => {
    const c = loadCatalog(shippedCatalogs()[0]!.id);
    const spoil = (id: string, text: string): Catalog => {
      const questionList = c.questionList.map((q) => (q.id === id ? { ...q, text } : q));
      return { ...c, questionList };
    };
    const [first, second] = c.questionList.filter((q) => q.text.length > 40);
    const word = (c.questionList.map((q) => q.text).join(' ').match(/\b\p{L}{11,}\b/u) ?? ['Pengembangan'])[0];
    const cases: [string, string][] = [
      [`${first!.text} ${word.slice(0, -1)} ${word.slice(-1)}`, 'split word'],
      [`${first!.text} ${word.slice(0, 5)}- ${word.slice(5)}`, 'hyphen and a space'],
      [`${first!.text}  lagi`, 'doubled space'],
      [`${first!.text} anggaran\\lainnya`, 'stray backslash'],
      [`${first!.text} Perda ( KLA)`, 'space inside brackets'],
      [`${first!.text} tautan ?`, 'space before punctuation'],
      [`${first!.text} di Puskemas`, 'known misspelling'],
      [`${first!.text} pelaksanaankebijakan`, 'glued words'],
    ];
    for (const [text, kind] of cases) {
      expect(problems(spoil(second!.id, text)).join('\n'), kind).toContain(kind);
    }
  });

  const recipe = readRecipe(path.join(recipesDir, 'kla-2024.json'));
  const instrument = path.join(referenceDir, recipe.instrument);
  it.skipIf(!existsSync(instrument))('the checks find every slip of the source the recipe corrects, from its own words', () => {
    const raw = buildFromRecipe(readInstrument(instrument), { ...recipe, corrections: [] });
    const found = problems(buildCatalog(raw, 'uncorrected.json')).join('\n');
    for (const slip of ['Pengembanga n', 'kegi atan', 'pelaksanaankebijakan', 'terlembaga- nya', 'Puskemas', 'Corprate', 'sebelumya', 'Perda ( KLA', 'ApakaKLASh', 'anggaran\\lainnya']) {
      expect(found, slip).toContain(slip);
    }
  });
});
