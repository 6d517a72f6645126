import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { root, kla } from './helpers/cli.js';

const example = path.join(root, 'fixtures', 'merangin');

describe('kla as a library', () => {
  it('publishes typings with the build', () => {
    expect(existsSync(path.join(root, 'dist', 'index.d.ts'))).toBe(true);
    expect(existsSync(path.join(root, 'dist', 'index.js'))).toBe(true);
  });

  it('imported by package name, assesses the example exactly as kla score does, forecast included', () => {
    const script = `
      import { loadProject, assess, formatMessage, toolVersion } from 'kla';
      const project = loadProject(${JSON.stringify(example)});
      const { report, result } = await assess(project, { cwd: ${JSON.stringify(example)}, jobs: 1 });
      const first = report.diagnostics[0];
      console.log(JSON.stringify({
        version: toolVersion(),
        errors: report.summary.errors,
        files: report.files.length,
        total: result.total,
        predikat: result.predikat,
        forecast: result.forecast.total,
        evidenceChecked: result.evidenceChecked,
        message: first ? formatMessage(first, 'id') : '',
      }));
    `;
    const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' }));
    expect(out.errors).toBe(0);
    expect(out.files).toBe(29); // 27 OPD workbooks, the profile, the matrix
    expect(out.message.length).toBeGreaterThan(10);
    const cli = kla(['score', '-p', example, '--format', 'json']);
    expect(cli.code, cli.stderr).toBe(0);
    const json = JSON.parse(cli.stdout);
    // The same numbers to the last digit, not merely close: one pipeline behind both doors.
    expect(out.total).toBe(json.total);
    expect(out.forecast).toBe(json.forecast.total);
    expect(out.evidenceChecked).toBe(true);
    expect(out.predikat).toBe(json.predikat);
  });

  it('does not load pdfmake when only validating', () => {
    const script = `
      import { createRequire } from 'node:module';
      await import('kla');
      const require = createRequire(import.meta.url);
      const loaded = () => Object.keys(require.cache).some((k) => k.includes('pdfmake'));
      const before = loaded();
      await import('pdfmake');
      console.log(JSON.stringify({ before, after: loaded() }));
    `;
    // The check can tell: once pdfmake is imported it shows in the module cache.
    const r = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' }));
    expect(r).toEqual({ before: false, after: true });
  });
});
