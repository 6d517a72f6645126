import os from 'node:os';
import { defineConfig } from 'vitest/config';
import HeavyFirst from './tests/helpers/sequencer.js';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/helpers/global-build.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One worker per core, not vitest's default of one fewer: most slow tests wait on a child
    // process (the CLI, LibreOffice, npm) that does the work, so a second file can use the core
    // meanwhile. On a 2-core machine the default is a single worker, i.e. the files in series.
    maxWorkers: os.availableParallelism(),
    sequence: { sequencer: HeavyFirst },
  },
});
