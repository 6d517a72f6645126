/**
 * Input that is not a usable workbook: one clear finding each, never a crash,
 * never a modified input, bounded memory. Every file here is real and made in
 * the test (LibreOffice for .xls/.ods, hand-built zip and OLE containers).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { readSubmissionFile, readWorkbookBuffer } from '../src/workbook/read.js';
import { LIMITS } from '../src/workbook/sniff.js';
import { validateInputs } from '../src/validate/index.js';
import { main } from '../src/cli/main.js';
import { memoryContext } from '../src/cli/context.js';
import type { Project } from '../src/project/config.js';
import { deflateChunks, filledWorkbook, makeProject, oleFile, save, soffice, tmpDir, unzipAll, zipBuffer } from './validate-helpers.js';

let project: Project;
let dir: string;
let good: string;
let goodBytes: Buffer;

beforeAll(async () => {
  project = makeProject();
  dir = tmpDir('kla-inputs-');
  good = await save(await filledWorkbook(project, 'DINKES'), path.join(dir, 'Dinkes (revisi 2).xlsx'));
  goodBytes = readFileSync(good);
});

const codesOf = (r: Awaited<ReturnType<typeof readSubmissionFile>>) => r.findings.map((f) => f.code);

async function readBytes(name: string, bytes: Buffer | string) {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return readSubmissionFile(file, name);
}

describe('files that are not usable workbooks', () => {
  it('an empty file', async () => {
    const r = await readBytes('kosong.xlsx', Buffer.alloc(0));
    expect(r.status).toBe('unreadable');
    expect(codesOf(r)).toEqual(['KLA-E001']);
  });

  it('a truncated file (download cut short)', async () => {
    const r = await readBytes('terpotong.xlsx', goodBytes.subarray(0, Math.floor(goodBytes.length / 2)));
    expect(r.status).toBe('unreadable');
    expect(codesOf(r)).toEqual(['KLA-E002']);
  });

  it('an HTML table saved with an .xlsx name', async () => {
    const r = await readBytes('ekspor web.xlsx', '<!DOCTYPE html>\n<html><body><table><tr><td>1.1</td><td>Ya</td></tr></table></body></html>');
    expect(codesOf(r)).toEqual(['KLA-E003']);
    expect(r.findings[0]!.params.format).toBe('HTML');
  });

  it('an Excel 2003 XML spreadsheet saved with an .xlsx name', async () => {
    const r = await readBytes('xml2003.xlsx', '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>');
    expect(codesOf(r)).toEqual(['KLA-E003']);
  });

  it('a CSV saved with an .xlsx name', async () => {
    const r = await readBytes('jawaban.xlsx', '\uFEFFNo.;Jawaban\n1.1;Ada, Peraturan Daerah\n');
    expect(codesOf(r)).toEqual(['KLA-E004']);
  });

  it('a PDF and a Word document named .xlsx', async () => {
    expect(codesOf(await readBytes('bukti.xlsx', '%PDF-1.7\n%âãÏÓ\n1 0 obj\n'))).toEqual(['KLA-E010']);
    const docx = await zipBuffer([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'word/document.xml', data: Buffer.from('<w:document/>') },
    ]);
    const r = await readBytes('surat.xlsx', docx);
    expect(codesOf(r)).toEqual(['KLA-E010']);
    expect(r.findings[0]!.params.format).toMatch(/Word/);
  });

  it('a legacy .xls saved by LibreOffice', async () => {
    const xls = await soffice(good, 'xls', dir);
    const r = await readSubmissionFile(xls, 'Dinkes.xls');
    expect(r.status).toBe('unreadable');
    expect(codesOf(r)).toEqual(['KLA-E005']);
  });

  it('an .ods saved by LibreOffice', async () => {
    const ods = await soffice(good, 'ods', dir);
    const r = await readSubmissionFile(ods, 'Dinkes.ods');
    expect(codesOf(r)).toEqual(['KLA-E006']);
  });

  it('a password-encrypted workbook (OLE container with EncryptionInfo)', async () => {
    const r = await readBytes('rahasia.xlsx', oleFile(['EncryptionInfo', 'EncryptedPackage']));
    expect(codesOf(r)).toEqual(['KLA-E007']);
    // The same container with a Workbook stream is a legacy .xls.
    expect(codesOf(await readBytes('lama.xlsx', oleFile(['Workbook'])))).toEqual(['KLA-E005']);
  });

  it('a macro-enabled workbook is read, with a warning', async () => {
    const parts = await unzipAll(goodBytes);
    const repacked = parts.map((p) =>
      p.name === '[Content_Types].xml'
        ? { name: p.name, data: Buffer.from(p.data.toString('utf8').replace('spreadsheetml.sheet.main+xml', 'ms-excel.sheet.macroEnabled.main+xml')) }
        : p,
    );
    repacked.push({ name: 'xl/vbaProject.bin', data: Buffer.from('not really VBA') });
    const r = await readBytes('Dinkes makro.xlsm', await zipBuffer(repacked));
    expect(r.status).toBe('read');
    expect(codesOf(r)).toEqual(['KLA-W011']);
  });
});

describe('decompression bombs and oversized sheets are refused before inflating', () => {
  it('a zip whose directory declares a huge sheet', async () => {
    const parts = await unzipAll(goodBytes);
    const bomb = parts.map((p) => (p.name === 'xl/worksheets/sheet3.xml' ? { ...p, declaredSize: 0xfffffff0 } : p));
    const r = await readBytes('bom deklarasi.xlsx', await zipBuffer(bomb));
    expect(r.status).toBe('unreadable');
    expect(codesOf(r)).toEqual(['KLA-E008']);
  });

  it('a real 300 MB sheet of repeated XML (about 300 KB on disk), truthfully declared', async () => {
    const file = await writeRealBomb(path.join(dir, 'bom nyata.xlsx'), false);
    expect(statSync(file).size).toBeLessThan(2 * 1024 * 1024);
    const r = await readSubmissionFile(file, 'bom nyata.xlsx');
    expect(codesOf(r)).toEqual(['KLA-E008']);
    expect(Number(r.findings[0]!.params.ratio)).toBeGreaterThan(100);
  });

  it('the same sheet with a lying directory (declares 2 KB) is stopped while inflating', async () => {
    const file = await writeRealBomb(path.join(dir, 'bom bohong.xlsx'), true);
    const r = await readSubmissionFile(file, 'bom bohong.xlsx');
    expect(r.status).toBe('unreadable');
    expect(codesOf(r)).toEqual(['KLA-E008']);
  });

  it('stays well under 200 MB of memory in a fresh process', async () => {
    const file = await writeRealBomb(path.join(dir, 'bom ukur.xlsx'), false);
    const liar = await writeRealBomb(path.join(dir, 'bom ukur bohong.xlsx'), true);
    const child = path.join(dir, 'measure.mts');
    const reader = path.resolve('src/workbook/read.ts');
    writeFileSync(
      child,
      `import { readSubmissionFile } from ${JSON.stringify(reader)};\n` +
        `const out = [];\nfor (const f of process.argv.slice(2)) {\n  const t = performance.now();\n  const r = await readSubmissionFile(f, f);\n` +
        `  out.push({ code: r.findings[0]?.code, ms: Math.round(performance.now() - t) });\n}\n` +
        `console.log(JSON.stringify({ out, rssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));\n`,
    );
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', child, file, liar], { cwd: process.cwd() });
    const m = JSON.parse(stdout) as { out: { code: string; ms: number }[]; rssMB: number };
    expect(m.out.map((o) => o.code)).toEqual(['KLA-E008', 'KLA-E008']);
    // Peak resident memory of the whole process, Node and tsx included.
    expect(m.rssMB).toBeLessThan(200);
    console.info(`zip bomb refused: ${JSON.stringify(m)}`);
  });

  it('a sheet larger than the XML limit but not compressed suspiciously is "too large"', async () => {
    const r = await readWorkbookBuffer(goodBytes, 'Dinkes.xlsx', { limits: { ...LIMITS, xmlEntryBytes: 4 * 1024, bombRatio: 1000 } });
    expect(codesOf(r)).toEqual(['KLA-E009']);
    expect(r.findings[0]!.params.what).toBe('part');
    const all = await readWorkbookBuffer(goodBytes, 'Dinkes.xlsx', { limits: { ...LIMITS, xmlTotalBytes: 40 * 1024, bombRatio: 1000 } });
    expect(codesOf(all)).toEqual(['KLA-E009']);
    expect(all.findings[0]!.params.what).toBe('total');
  });

  it('a file larger than the file limit is refused before it is read', async () => {
    const r = await readSubmissionFile(good, 'Dinkes.xlsx', { limits: { ...LIMITS, fileBytes: 1024 } });
    expect(codesOf(r)).toEqual(['KLA-E009']);
    expect(r.findings[0]!.params.what).toBe('file');
  });
});

/**
 * A workbook whose third sheet is 300 MB of one repeated row, deflated in a
 * stream (about 300 KB). `lie`: the directory declares 2 KB instead.
 */
async function writeRealBomb(file: string, lie: boolean): Promise<string> {
  const parts = await unzipAll(goodBytes);
  const row = Buffer.from('<row><c t="inlineStr"><is><t>KLA</t></is></c></row>'.padEnd(64, ' '));
  const block = Buffer.concat(Array.from({ length: 16384 }, () => row)); // 1 MiB
  const chunks = function* () {
    yield Buffer.from('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
    for (let i = 0; i < 300; i++) yield block;
    yield Buffer.from('</sheetData></worksheet>');
  };
  const deflated = await deflateChunks(chunks());
  const entries = parts.map((p) => (p.name === 'xl/worksheets/sheet3.xml' ? { name: p.name, deflated, ...(lie ? { declaredSize: 2048 } : {}) } : p));
  writeFileSync(file, await zipBuffer(entries));
  return file;
}

describe('folders with stray files', () => {
  it('skips lock files and non-spreadsheets and says so; the inputs stay untouched', async () => {
    const folder = path.join(tmpDir('kla-folder-'), 'kiriman OPD');
    mkdirSync(path.join(folder, 'gelombang 2'), { recursive: true });
    const a = path.join(folder, 'Dinkes (revisi 2).xlsx');
    writeFileSync(a, goodBytes);
    writeFileSync(path.join(folder, '~$Dinkes (revisi 2).xlsx'), Buffer.from([0x0b, 0x41, 0x64, 0x6d, 0x69, 0x6e]));
    writeFileSync(path.join(folder, 'gelombang 2', 'foto kegiatan.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    writeFileSync(path.join(folder, 'desktop.ini'), '[.ShellClassInfo]\n');
    writeFileSync(path.join(folder, 'gelombang 2', 'kosong.xlsx'), Buffer.alloc(0));
    // The workbook and its evidence sent as one archive (here: the workbook zipped again).
    writeFileSync(path.join(folder, 'Kiriman Dishub (lengkap).ZIP'), await zipBuffer([{ name: 'Dishub KLA 2026.xlsx', data: goodBytes }]));
    const before = createHash('sha256').update(readFileSync(a)).digest('hex');
    const mtime = statSync(a).mtimeMs;

    const report = await validateInputs(project, [folder], { cwd: path.dirname(folder) });
    const byFile = Object.fromEntries(report.files.map((f) => [f.file, f]));
    expect(byFile['kiriman OPD/~$Dinkes (revisi 2).xlsx']).toMatchObject({ status: 'skipped', reason: 'KLA-I012' });
    expect(byFile['kiriman OPD/desktop.ini']).toMatchObject({ status: 'skipped', reason: 'KLA-I013' });
    expect(byFile['kiriman OPD/gelombang 2/foto kegiatan.jpg']).toMatchObject({ status: 'skipped', reason: 'KLA-I013' });
    expect(byFile['kiriman OPD/gelombang 2/kosong.xlsx']).toMatchObject({ status: 'unreadable', reason: 'KLA-E001' });
    // An archive is not taken for nothing: a warning asks for it to be extracted.
    expect(byFile['kiriman OPD/Kiriman Dishub (lengkap).ZIP']).toMatchObject({ status: 'skipped', reason: 'KLA-W020' });
    expect(report.diagnostics.find((d) => d.code === 'KLA-W020')).toMatchObject({ severity: 'warning', params: { ext: '.zip' } });
    expect(byFile['kiriman OPD/Dinkes (revisi 2).xlsx']).toMatchObject({ status: 'submission', opdCode: 'DINKES', sha256: before });
    // Sorted by path, '/'-separated.
    expect(report.files.map((f) => f.file)).toEqual([...report.files.map((f) => f.file)].sort());
    expect(createHash('sha256').update(readFileSync(a)).digest('hex')).toBe(before);
    expect(statSync(a).mtimeMs).toBe(mtime);
  });

  it('the CLI reports every kind of bad input without a stack trace', async () => {
    const folder = tmpDir('kla-bad-');
    writeFileSync(path.join(folder, 'kosong.xlsx'), '');
    writeFileSync(path.join(folder, 'html.xlsx'), '<html><table></table></html>');
    writeFileSync(path.join(folder, 'rahasia.xlsx'), oleFile(['EncryptionInfo', 'EncryptedPackage']));
    writeFileSync(path.join(folder, 'terpotong.xlsx'), goodBytes.subarray(0, 300));
    writeFileSync(path.join(folder, 'acak.xlsx'), Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256)));
    const ctx = memoryContext('id', folder);
    const code = await main(['validate', '--project', project.dir, folder], ctx);
    expect(code).toBe(1);
    expect(ctx.stdout + ctx.stderr).not.toMatch(/\n\s+at\s/);
    expect(ctx.stdout).toMatch(/kosong\.xlsx/);
    expect(ctx.stdout).toMatch(/kata sandi/);
  });
});
