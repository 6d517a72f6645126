import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { loadProject } from '../src/project/config.js';
import { validateInputs } from '../src/validate/index.js';
import { useThreads } from '../src/validate/pool.js';
import { root, kla } from './helpers/cli.js';

const example = path.join(root, 'fixtures', 'merangin');

describe('validation on worker threads', () => {
  it('gives exactly the report of a serial run (valid and invalid workbooks together)', async () => {
    const project = loadProject(example);
    const inputs = ['submissions', 'invalid'];
    const opts = { cwd: example };
    expect(useThreads(40, 2)).toBe(true);
    const serial = await validateInputs(project, inputs, { ...opts, jobs: 1 });
    const parallel = await validateInputs(project, inputs, { ...opts, jobs: 2 });
    const three = await validateInputs(project, inputs, { ...opts, jobs: 3 });
    expect(serial.files.length).toBeGreaterThan(30);
    expect(serial.summary.errors).toBeGreaterThan(0);
    expect(JSON.stringify(parallel)).toBe(JSON.stringify(serial));
    expect(JSON.stringify(three)).toBe(JSON.stringify(serial));
  });

  it('from the CLI: --jobs 1 and --jobs 2 write identical JSON reports', () => {
    const a = kla(['validate', '-p', example, 'submissions', 'invalid', '--jobs', '1', '--format', 'json'], { cwd: example });
    const b = kla(['validate', '-p', example, 'submissions', 'invalid', '--jobs', '2', '--format', 'json'], { cwd: example });
    expect(a.code).toBe(1);
    expect(b.code).toBe(1);
    expect(b.stdout).toBe(a.stdout);
    const bad = kla(['validate', '-p', example, '--jobs', '0']);
    expect(bad.code).toBe(2);
  });
});
