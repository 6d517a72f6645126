import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { root } from './helpers/cli.js';

/**
 * Modules reachable from a source file through static imports (dynamic
 * `import()` is not followed: that is how commands defer heavy libraries).
 * Type-only imports are erased by the compiler and not followed either.
 */
function staticGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const src = readFileSync(file, 'utf8');
    const re = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
    for (const m of src.matchAll(re)) {
      const spec = m[1]!;
      if (spec.startsWith('.')) {
        const target = path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts'));
        if (existsSync(target)) visit(target);
      } else if (!spec.startsWith('node:')) {
        packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
      }
    }
  };
  visit(path.join(root, entry));
  return { files, packages };
}

describe('start-up loads only what a command uses', () => {
  it('--help and --version load neither exceljs nor pdfmake', () => {
    const { packages } = staticGraph('src/cli/main.ts');
    expect([...packages].sort()).toEqual(['chalk', 'commander']);
  });

  it('validate and score never load pdfmake', () => {
    for (const cmd of ['validate', 'score', 'template', 'init']) {
      const { packages } = staticGraph(`src/cli/commands/${cmd}.ts`);
      expect(packages.has('pdfmake'), cmd).toBe(false);
    }
    const validate = staticGraph('src/cli/commands/validate.ts').packages;
    expect(validate.has('handlebars')).toBe(false);
    // The walk does follow imports: templates need exceljs, the build needs handlebars, validation zod (for the config).
    expect(staticGraph('src/cli/commands/template.ts').packages.has('exceljs')).toBe(true);
    expect(validate.has('zod')).toBe(true);
    expect(staticGraph('src/dossier/templates.ts').packages.has('handlebars')).toBe(true);
    expect(staticGraph('src/cli/commands/build.ts').packages.has('pdfmake')).toBe(false);
  });

  it('the library root defers pdfmake until a dossier is rendered', () => {
    expect(staticGraph('src/index.ts').packages.has('pdfmake')).toBe(false);
  });
});

/** Modules the bundled CLI reaches from dist/kla.js through static imports: its own chunks, and packages kept outside. */
function bundleGraph(entry: string): { chunks: Set<string>; packages: Set<string> } {
  const chunks = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (chunks.has(file)) return;
    chunks.add(file);
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/^\s*(?:import|export)\s*(?:[^'";()]*?\sfrom\s*)?["']([^"']+)["'];?\s*$/gm)) {
      const spec = m[1]!;
      if (spec.startsWith('.')) visit(path.resolve(path.dirname(file), spec));
      else if (!spec.startsWith('node:') && !builtinModules.includes(spec)) packages.add(spec);
    }
  };
  visit(path.join(root, 'dist', entry));
  return { chunks, packages };
}

describe('the bundled CLI (dist/kla.js, built by npm run build)', () => {
  it('opens a handful of files at start and none of exceljs, pdfmake or handlebars', () => {
    const g = bundleGraph('kla.js');
    expect(g.chunks.size).toBeLessThan(10);
    expect([...g.packages]).toEqual([]);
    // The worker process too: the reader's parsers are inside, the writer is not.
    expect([...bundleGraph('worker.js').packages]).toEqual([]);
  });

  it('verified the shipped catalog at build time, so it is not checked again at every start', async () => {
    const { createHash } = await import('node:crypto');
    const { loadCatalog } = await import('../src/catalog/load.js');
    const { refusalOf } = await import('./helpers/refusal.js');
    const shipped = readFileSync(path.join(root, 'catalogs', 'kla-2024.json'), 'utf8');
    const listed = (JSON.parse(readFileSync(path.join(root, 'dist', 'catalogs.verified.json'), 'utf8')) as { sha256: string[] }).sha256;
    expect(listed).toEqual([createHash('sha256').update(shipped).digest('hex')]);
    // A copy changed by one character is not that file: it is checked in full, and refused.
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const os = await import('node:os');
    const changed = path.join(mkdtempSync(path.join(os.tmpdir(), 'kla-cat-')), 'kla-2024 (ubah).json');
    writeFileSync(changed, shipped.replace('"totalMax": 1000', '"totalMax": 1001'));
    expect(refusalOf(() => loadCatalog(changed)).code).toBe('KLA-E605');
    expect(loadCatalog('kla-2024').questionList).toHaveLength(274);
  });
});
