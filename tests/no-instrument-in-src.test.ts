/**
 * A new instrument year is a new catalog file and recipe, never a code change:
 * nothing in src/ may name an instrument year, a shipped catalog id, or a
 * question id as data. Comments may mention ids (they are not data); year and
 * catalog-id mentions are found in comments too. What legitimately remains is
 * listed below, each with its reason, and nothing else may be added quietly.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../src/paths.js';

/** Files (relative to src/) that may name instrument data, and why: nothing else may. */
const EXEMPT: Record<string, string> = {
  'diagnostics/docs.ts': 'illustrative parameters of the example messages printed in docs/diagnostics.md (one per code)',
};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

/** The code without its comments (string contents kept, so "//" inside a URL survives). */
function withoutComments(src: string): string {
  return src.replace(/("(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|`(?:\\[\s\S]|[^`\\])*`)|\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (m, str: string | undefined) => str ?? ' ');
}

/** Contents of the string literals of some code. */
function stringLiterals(code: string): string[] {
  return [...code.matchAll(/"((?:\\.|[^"\\\n])*)"|'((?:\\.|[^'\\\n])*)'|`((?:\\[\s\S]|[^`\\])*)`/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

const YEAR = /\b2024\b|kla-20\d\d/g;
/** A string literal that is a question id as the instrument writes them: 1.1, 1.2a, 21A.3, 25.13, 26.8d (never 0.x or x.0). */
const WHOLE_ID = /^\s*[1-9]\d?[A-Z]?\.[1-9]\d?[a-z]{0,2}\s*$/;
/** Inside longer text, only ids with a letter are unmistakably question ids (a "3.3" may be a section, "92.5" a value). */
const LETTERED_ID = /(?<![\w.])(?:[1-9]\d?[A-Z]\.[1-9]\d?[a-z]{0,2}|[1-9]\d?\.[1-9]\d?[a-z]{1,2})(?![\w.])/g;
const idsIn = (s: string) => (WHOLE_ID.test(s) ? [s.trim()] : [...s.matchAll(LETTERED_ID)].map((m) => m[0]));

describe('src/ names no instrument', () => {
  const src = path.join(packageRoot, 'src');
  const found: string[] = [];
  for (const file of files(src)) {
    const rel = path.relative(src, file).split(path.sep).join('/');
    const text = readFileSync(file, 'utf8');
    if (EXEMPT[rel] !== undefined) continue;
    for (const m of text.matchAll(YEAR)) found.push(`${rel}: "${m[0]}" (${text.slice(0, m.index).split('\n').length})`);
    for (const s of stringLiterals(withoutComments(text))) {
      for (const id of idsIn(s)) found.push(`${rel}: question id "${id}" in "${s.slice(0, 60)}"`);
    }
  }

  it('no year, catalog id or question id outside the allow-list', () => {
    expect(found).toEqual([]);
  });

  it('every exempt file exists and is the only place its examples live', () => {
    for (const rel of Object.keys(EXEMPT)) expect(readFileSync(path.join(src, rel), 'utf8')).toMatch(YEAR);
  });

  it('the scan finds what it looks for', () => {
    const code = "const q = catalog.questionById.get('19.7'); // see 21A.3\nconst t = `Tahun 2024, Bab 3.3`; const r = \"1.0\"; const m = 'lihat 25.7b';";
    const lits = stringLiterals(withoutComments(code)).flatMap(idsIn);
    expect(lits).toEqual(['19.7', '25.7b']);
    expect([...code.matchAll(YEAR)].map((m) => m[0])).toEqual(['2024']);
  });
});
