import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadProject } from '../src/project/config.js';
import { validateInputs } from '../src/validate/index.js';
import { useWorkers } from '../src/validate/pool.js';
import { root, kla } from './helpers/cli.js';

const example = path.join(root, 'fixtures', 'merangin');

/** The valid set twice and the invalid set: enough files for the worker processes to be used. */
function manyInputs(): { cwd: string; inputs: string[] } {
  const cwd = mkdtempSync(path.join(os.tmpdir(), 'kla-par-'));
  cpSync(path.join(example, 'submissions'), path.join(cwd, 'gelombang 1'), { recursive: true });
  cpSync(path.join(example, 'submissions'), path.join(cwd, 'gelombang 2 (ulang)'), { recursive: true });
  cpSync(path.join(example, 'invalid'), path.join(cwd, 'tidak sah'), { recursive: true });
  return { cwd, inputs: ['gelombang 1', 'gelombang 2 (ulang)', 'tidak sah'] };
}

describe('validation in worker processes', () => {
  it('gives exactly the report of a serial run (valid and invalid workbooks together)', async () => {
    const project = loadProject(example);
    const { cwd, inputs } = manyInputs();
    const opts = { cwd };
    const serial = await validateInputs(project, inputs, { ...opts, jobs: 1 });
    expect(useWorkers(serial.files.length, 2)).toBe(true);
    const parallel = await validateInputs(project, inputs, { ...opts, jobs: 2 });
    const three = await validateInputs(project, inputs, { ...opts, jobs: 3 });
    expect(serial.files.length).toBeGreaterThan(60);
    expect(serial.summary.errors).toBeGreaterThan(0);
    expect(JSON.stringify(parallel)).toBe(JSON.stringify(serial));
    expect(JSON.stringify(three)).toBe(JSON.stringify(serial));
  });

  it('from the CLI: --jobs 1 and --jobs 2 write identical JSON reports', () => {
    const { cwd, inputs } = manyInputs();
    const a = kla(['validate', '-p', example, ...inputs, '--jobs', '1', '--format', 'json'], { cwd });
    const b = kla(['validate', '-p', example, ...inputs, '--jobs', '2', '--format', 'json'], { cwd });
    expect(a.code).toBe(1);
    expect(b.code).toBe(1);
    expect(b.stdout).toBe(a.stdout);
    const bad = kla(['validate', '-p', example, '--jobs', '0']);
    expect(bad.code).toBe(2);
  });
});
