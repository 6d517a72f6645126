/**
 * The writer corpus: the example district's submissions as every program this
 * machine can run saves them. exceljs re-saves each file, LibreOffice converts
 * it, openpyxl opens and saves it, XlsxWriter recreates it from what openpyxl
 * reads. The Python writers run with Debian's /usr/bin/python3 (python3-openpyxl
 * and python3-xlsxwriter, installed by .ci/run): `python3` on PATH may be
 * another interpreter without them.
 *
 * Building takes half a minute (LibreOffice most of it), so the corpus is kept
 * in .vitest-tmp/, under a key made of the hashes of everything it is made
 * from; a run with the same inputs reuses it.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { root } from './cli.js';

export const WRITERS = ['exceljs', 'libreoffice', 'openpyxl', 'xlsxwriter'] as const;
export type Writer = (typeof WRITERS)[number];

export const SUBMISSIONS = path.join(root, 'fixtures', 'merangin', 'submissions');
export const PYTHON = '/usr/bin/python3';
const SCRIPTS = path.join(root, 'tests', 'writers');
const run = promisify(execFile);

const xlsxIn = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort();

function corpusKey(): string {
  const h = createHash('sha256');
  for (const f of xlsxIn(SUBMISSIONS)) h.update(f).update(readFileSync(path.join(SUBMISSIONS, f)));
  for (const f of readdirSync(SCRIPTS).sort()) h.update(f).update(readFileSync(path.join(SCRIPTS, f)));
  h.update(readFileSync(path.join(root, 'package-lock.json')));
  h.update(readFileSync(new URL(import.meta.url)));
  return h.digest('hex').slice(0, 16);
}

async function write(writer: Writer, out: string): Promise<void> {
  mkdirSync(out, { recursive: true });
  const files = xlsxIn(SUBMISSIONS);
  switch (writer) {
    case 'exceljs':
      for (const f of files) {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(path.join(SUBMISSIONS, f));
        await wb.xlsx.writeFile(path.join(out, f));
      }
      return;
    case 'libreoffice': {
      // A private profile: other LibreOffice runs on the machine must not share it.
      const profile = mkdtempSync(path.join(os.tmpdir(), 'kla-lo-corpus-'));
      try {
        await run('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', 'xlsx', '--outdir', out, ...files.map((f) => path.join(SUBMISSIONS, f))], {
          timeout: 300_000,
        });
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
      return;
    }
    case 'openpyxl':
      await run(PYTHON, [path.join(SCRIPTS, 'resave_openpyxl.py'), SUBMISSIONS, out], { timeout: 300_000 });
      return;
    case 'xlsxwriter':
      await run(PYTHON, [path.join(SCRIPTS, 'recreate_xlsxwriter.py'), SUBMISSIONS, out], { timeout: 300_000 });
      return;
  }
}

/** The corpus: for each writer, a folder with every submission under its own file name. */
export async function writerCorpus(): Promise<Record<Writer, string>> {
  const base = path.join(root, '.vitest-tmp');
  const dir = path.join(base, `writer-corpus-${corpusKey()}`);
  if (!existsSync(dir)) {
    mkdirSync(base, { recursive: true });
    const partial = mkdtempSync(path.join(base, 'writer-corpus-partial-'));
    try {
      await Promise.all(WRITERS.map((w) => write(w, path.join(partial, w))));
      for (const w of WRITERS) {
        const made = xlsxIn(path.join(partial, w));
        if (made.join('\n') !== xlsxIn(SUBMISSIONS).join('\n')) throw new Error(`${w} wrote ${made.length} of ${xlsxIn(SUBMISSIONS).length} workbooks`);
      }
      try {
        renameSync(partial, dir);
      } catch (e) {
        // Another run finished the same corpus first: use that one.
        if (!existsSync(dir)) throw e;
      }
    } finally {
      rmSync(partial, { recursive: true, force: true });
    }
  }
  return Object.fromEntries(WRITERS.map((w) => [w, path.join(dir, w)])) as Record<Writer, string>;
}
