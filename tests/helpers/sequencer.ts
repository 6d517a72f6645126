import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take longest, longest first. With a few workers the suite ends
 * when its longest file does, so those must start first. Vitest orders by the
 * durations it recorded in an earlier run; a fresh checkout (CI) has none and
 * would order by file size, which puts the slowest files (few lines, many
 * processes) last. There this list is the order.
 */
const HEAVY = [
  'readme',
  'build',
  'install',
  'dossier',
  'matrix-workbook',
  'annotate',
  'validate-fixtures',
  'ci-recipes',
  'score-merangin',
  'dossier-matrix',
  'matrix-example',
  'catalog-derived',
  'validate',
  'outputs',
  'profile',
  'feedback',
  'read-inputs',
  'validate-parallel',
  'cli',
  'template',
  'fuzz',
].map((name) => `${name}.test.ts`);

export default class HeavyFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const known = sorted.every((f) => this.ctx.cache.getFileTestResults(`${f.project.name}:${path.relative(this.ctx.config.root, f.moduleId)}`));
    if (known) return sorted;
    const rank = (f: TestSpecification) => {
      const i = HEAVY.indexOf(path.basename(f.moduleId));
      return i === -1 ? HEAVY.length : i;
    };
    return sorted.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).map(({ f }) => f);
  }
}
