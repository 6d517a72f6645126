import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
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
