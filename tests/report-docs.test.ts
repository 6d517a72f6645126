/**
 * The code registry is complete and documented: every code used in the source
 * is registered, every registered code renders in both languages, and
 * docs/diagnostics.md is exactly what the registry generates.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CODES, isCode, formatMessage, type Code } from '../src/diagnostics/index.js';
import { exampleDiagnostic, renderDiagnosticsDoc } from '../src/diagnostics/docs.js';

const DOC = path.resolve('docs/diagnostics.md');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

describe('diagnostic codes', () => {
  it('every code the source emits is registered', () => {
    const used = new Set<string>();
    for (const f of sourceFiles(path.resolve('src'))) for (const m of readFileSync(f, 'utf8').matchAll(/'(KLA-[EWI]\d{3})'/g)) used.add(m[1]!);
    expect([...used].filter((c) => !isCode(c))).toEqual([]);
  });

  it('the letter of each code matches its default severity', () => {
    for (const [code, def] of Object.entries(CODES)) expect(code[4], code).toBe({ error: 'E', warning: 'W', info: 'I' }[(def as { severity: 'error' | 'warning' | 'info' }).severity]);
  });

  it.each(Object.keys(CODES) as Code[])('%s renders one complete sentence in Indonesian and English', (code) => {
    for (const lang of ['id', 'en'] as const) {
      const m = formatMessage(exampleDiagnostic(code), lang);
      expect(m).not.toMatch(/undefined|NaN|\[object|\$\{/);
      // A sentence, or a headline whose details follow (":").
      expect(m).toMatch(/[.!?»):]$/);
      expect(m.length).toBeGreaterThan(12);
    }
  });

  it('docs/diagnostics.md is generated from the registry and lists every code', () => {
    const doc = renderDiagnosticsDoc();
    if (process.env.KLA_UPDATE_DOCS) writeFileSync(DOC, doc);
    for (const code of Object.keys(CODES)) expect(doc).toContain(`## ${code}`);
    expect(readFileSync(DOC, 'utf8')).toBe(doc);
  });
});
