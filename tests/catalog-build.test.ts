/**
 * The catalog build: the committed catalogs are what scripts/build-catalog.ts
 * makes of their instrument and recipe. The instruments are reference files
 * beside the repository (../shared/reference/), which a CI clone does not have:
 * there the reproduction is skipped and says why; the recipe checks run anyway.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFromRecipe, catalogText, readInstrument, readRecipe, recipesDir, referenceDir, type Recipe } from '../scripts/build-catalog.js';
import { resolveCatalogFile } from '../src/catalog/load.js';
import { shippedCatalog, shippedCatalogs } from '../src/catalog/registry.js';
import { packageRoot } from '../src/paths.js';

const recipes = readdirSync(recipesDir).filter((n) => n.endsWith('.json')).map((n) => ({ name: n, recipe: readRecipe(path.join(recipesDir, n)) }));

describe('catalog recipes', () => {
  it('exist for every shipped catalog, one each, under the id they build', () => {
    expect(recipes.map((r) => r.recipe.id).sort()).toEqual(shippedCatalogs().map((e) => e.id).sort());
    for (const { name, recipe } of recipes) expect(name).toBe(`${recipe.id}.json`);
  });

  it('list every text correction, with the text as the source has it, in docs/catalog.md', () => {
    const doc = readFileSync(path.join(packageRoot, 'docs', 'catalog.md'), 'utf8');
    for (const { recipe } of recipes) {
      for (const c of recipe.corrections) {
        expect(doc, `${c.from} -> ${c.to}`).toContain(`\`${c.from}\``);
        expect(doc, `${c.from} -> ${c.to}`).toContain(`\`${c.to}\``);
      }
      for (const id of Object.keys(recipe.evidenceExemptions)) expect(doc).toContain(id);
    }
  });
});

for (const { recipe } of recipes) {
  const instrument = path.join(referenceDir, recipe.instrument);
  const present = existsSync(instrument);
  describe(`catalog ${recipe.id} from ${recipe.instrument}`, () => {
    it.skipIf(!present)(`is reproduced byte for byte by the build script${present ? '' : ` (skipped: reference instrument ${instrument} is not present; CI clones only the repository)`}`, () => {
      const built = catalogText(buildFromRecipe(readInstrument(instrument), recipe));
      expect(built).toBe(readFileSync(resolveCatalogFile(recipe.id), 'utf8'));
      expect(shippedCatalog(recipe.id)!.year).toBe(recipe.year);
    });

    it.skipIf(!present)('refuses a recipe whose corrections, rubric lists or scopes no longer fit the instrument', () => {
      const stale: Recipe = structuredClone(recipe);
      stale.corrections.push({ questions: [stale.corrections[0]!.questions[0]!], from: 'teks yang tidak ada di sumber', to: 'x' });
      stale.scopes['each-desa'] = [...(stale.scopes['each-desa'] ?? []), '99.9'];
      const anyRubric = Object.values(stale.rubrics).find((r) => r.questions)!;
      anyRubric.questions = [...anyRubric.questions!, '98.*'];
      let message = '';
      try {
        buildFromRecipe(readInstrument(instrument), stale);
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toContain('does not occur in');
      expect(message).toContain('no question "99.9"');
      expect(message).toContain('"98.*" matches no question');
    });
  });
}
