/**
 * Terminal safety. A file name, a sheet name or a cell can hold escape
 * sequences (window title, clear screen, colours) and bidirectional controls;
 * the pretty, JUnit and GitHub reports and every message on stderr show them
 * visibly (`\x1b`) and never send them raw, while JSON keeps the exact text.
 * A reader that goes away (`| head`) ends the command quietly.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bin, kla, root } from './helpers/cli.js';
import { tmpDir, unzipAll, zipBuffer } from './validate-helpers.js';

const example = path.join(root, 'fixtures', 'merangin');
const DINKES = path.join(example, 'submissions', 'Jawaban KLA 2026 Dinkes (revisi 2).xlsx');

/** Characters that must not reach a terminal raw (newlines and the tab of our own layout aside). */
const RAW_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const HOSTILE_NAME = 'Dinkes \u001b]0;judul palsu\u0007\u001b[2J (revisi).xlsx';
const HOSTILE_CELL = 'Ada\u001b[31m merah\u001b[0m';
const HOSTILE_SHEET = 'Jawaban \u202eterbalik';
let cwd: string;

beforeAll(async () => {
  cwd = tmpDir('kla-term-');
  mkdirSync(path.join(cwd, 'kiriman'));
  copyFileSync(DINKES, path.join(cwd, 'kiriman', HOSTILE_NAME));
  // The same workbook with an answer holding escape sequences (written as OOXML _xHHHH_ escapes) and a sheet name with a bidi override.
  const parts = (await unzipAll(readFileSync(DINKES))).map((p) => {
    if (p.name === 'xl/worksheets/sheet3.xml') {
      const xml = p.data.toString('utf8').replace(/<c r="F5" ([^>]*?)t="s"([^>]*)><v>\d+<\/v><\/c>/, `<c r="F5" $1t="inlineStr"$2><is><t>Ada_x001B_[31m merah_x001B_[0m</t></is></c>`);
      if (!xml.includes('_x001B_')) throw new Error('F5 not replaced');
      return { name: p.name, data: Buffer.from(xml) };
    }
    if (p.name === 'xl/workbook.xml') return { name: p.name, data: Buffer.from(p.data.toString('utf8').replace('name="Jawaban"', `name="${HOSTILE_SHEET}"`)) };
    return p;
  });
  writeFileSync(path.join(cwd, 'kiriman', 'Dinkes jawaban aneh.xlsx'), await zipBuffer(parts));
});

const run = (format: string) => kla(['validate', '--project', example, 'kiriman', '--format', format], { cwd });

describe('control characters from files, sheets and cells', () => {
  it.each(['pretty', 'junit', 'github'])('%s: shown visibly, never raw', (format) => {
    const r = run(format);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(RAW_UNSAFE);
    expect(r.stderr).not.toMatch(RAW_UNSAFE);
    expect(r.stdout).toContain('Dinkes \\x1b]0;judul palsu\\x07\\x1b[2J (revisi).xlsx');
    expect(r.stdout).toContain('Ada\\x1b[31m merah\\x1b[0m');
    expect(r.stdout).toContain('Jawaban \\u{202e}terbalik');
  });

  it('json: the exact text, escaped as JSON escapes it', () => {
    const r = run('json');
    expect(r.stdout).not.toMatch(RAW_UNSAFE);
    const report = JSON.parse(r.stdout) as { files: { file: string }[]; diagnostics: { code: string; params: Record<string, unknown>; location: { sheet?: string } }[] };
    expect(report.files.map((f) => f.file)).toContain(`kiriman/${HOSTILE_NAME}`);
    expect(report.diagnostics.find((d) => d.code === 'KLA-E210')?.params.found).toBe(HOSTILE_CELL);
    expect(report.diagnostics.find((d) => d.code === 'KLA-W102')?.params.found).toBe(HOSTILE_SHEET);
  });

  it('a refusal on stderr shows the input visibly', () => {
    const r = kla(['validate', '--project', example, 'hilang\u001b[2J.xlsx'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('[KLA-E515]');
    expect(r.stderr).toContain('hilang\\x1b[2J.xlsx');
    expect(r.stderr).not.toMatch(RAW_UNSAFE);
  });
});

describe('a reader that goes away', () => {
  it('kla validate --format json | head -c 10: ends quietly, with its own exit code', async () => {
    const child = spawn(process.execPath, [bin, 'validate', '--project', example, '--format', 'json'], { cwd: root, env: { ...process.env, NO_COLOR: '1', CI: '1' } });
    let stderr = '';
    let got = 0;
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      got += c.length;
      // As head does: read 10 bytes, then close the pipe.
      if (got >= 10) child.stdout.destroy();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('a closed stderr does not turn a refusal into a crash', async () => {
    const child = spawn(process.execPath, [bin, 'validate', '--project', example, 'hilang.xlsx'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stderr.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(code).toBe(2);
  });
});
