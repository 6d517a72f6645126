/**
 * Test helpers for the reader and the validator: a real project in a temp
 * folder and real OPD workbooks filled with valid answers, which each test then
 * spoils in one place.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { initProject } from '../src/project/init.js';
import { loadProject, type Project, questionsForOpd } from '../src/project/config.js';
import { ANSWER_COLUMNS, ANSWER_FIRST_ROW, IDENTITY_FIELDS, SHEETS, type AnswerColumn } from '../src/workbook/layout.js';
import type { CatalogQuestion } from '../src/catalog/load.js';
import { buildTemplateWorkbook } from '../src/workbook/template.js';

export const tmpDir = (prefix = 'kla-val-') => mkdtempSync(path.join(os.tmpdir(), prefix));

export function makeProject(): Project {
  const dir = path.join(tmpDir(), 'Kabupaten Merangin (uji)');
  initProject({ dir, district: 'Merangin', province: 'Jambi', year: 2026 });
  return loadProject(dir);
}

/** A valid answer for a question, as the OPD would type it. */
export function validAnswer(q: CatalogQuestion): string | number {
  const r = q.rubricDef;
  if (r.kind === 'options') return r.options[0]!.value;
  return q.answerType === 'count' ? 7 : 87.5;
}

/** The template of an OPD with every question answered correctly and the identity filled. */
export async function filledWorkbook(project: Project, opdCode: string): Promise<ExcelJS.Workbook> {
  const opd = project.config.opds.find((o) => o.code === opdCode)!;
  const wb = await buildTemplateWorkbook(project, opd);
  const id = wb.getWorksheet(SHEETS.identity)!;
  const person: Record<string, string> = {
    officerName: 'Siti Rahmawati, S.K.M.',
    officerNip: '198503122010012003',
    officerPosition: 'Analis Data',
    officerPhone: '0812 3456 7890',
    officerEmail: 'siti.rahmawati@merangin.go.id',
    headName: 'dr. Ahmad Fauzi, M.Kes.',
    headNip: '197501012005011001',
    headPosition: 'Kepala Dinas',
  };
  for (const f of IDENTITY_FIELDS) if (person[f.key]) id.getCell(f.cell).value = person[f.key]!;
  const ws = wb.getWorksheet(SHEETS.answers)!;
  for (const q of questionsForOpd(project, opdCode)) {
    const row = rowOf(wb, q.id);
    ws.getCell(`${ANSWER_COLUMNS.answer}${row}`).value = validAnswer(q);
    if (q.previousYear) ws.getCell(`${ANSWER_COLUMNS.previous}${row}`).value = q.rubricDef.kind === 'options' ? q.rubricDef.options[1]?.value ?? q.rubricDef.options[0]!.value : q.answerType === 'count' ? 9 : 80;
    if (q.evidenceRequired) ws.getCell(`${ANSWER_COLUMNS.evidence}${row}`).value = `Bukti ${q.id}.pdf`;
    if (q.noteRequired) ws.getCell(`${ANSWER_COLUMNS.note}${row}`).value = `Uraian untuk pertanyaan ${q.id}.`;
  }
  return wb;
}

/** The row of a question on the answer sheet. */
export function rowOf(wb: ExcelJS.Workbook, questionId: string): number {
  const ws = wb.getWorksheet(SHEETS.answers) ?? wb.worksheets.find((w) => w.getCell('C3').text !== '')!;
  for (let r = ANSWER_FIRST_ROW; r <= ws.rowCount; r++) if (ws.getCell(`A${r}`).text.trim() === questionId) return r;
  throw new Error(`no row for ${questionId}`);
}

export function cellOf(wb: ExcelJS.Workbook, questionId: string, col: AnswerColumn): string {
  return `${ANSWER_COLUMNS[col]}${rowOf(wb, questionId)}`;
}

/** The first question of an OPD matching a predicate. */
export function questionOf(project: Project, opdCode: string, pred: (q: CatalogQuestion) => boolean): CatalogQuestion {
  const q = questionsForOpd(project, opdCode).find(pred);
  if (!q) throw new Error(`no such question for ${opdCode}`);
  return q;
}

export async function save(wb: ExcelJS.Workbook, file: string): Promise<string> {
  await wb.xlsx.writeFile(file);
  return file;
}

// ---------------------------------------------------------------------------
// Raw containers for the input-failure tests: zips with chosen headers, OLE files.

export interface ZipEntry {
  name: string;
  /** Raw bytes, stored deflated. */
  data?: Buffer;
  /** Already deflated data (for entries too large to hold inflated). */
  deflated?: Deflated;
  /** Uncompressed size written into the headers instead of the true one. */
  declaredSize?: number;
}

export interface Deflated {
  data: Buffer;
  crc: number;
  size: number;
}

/** Deflate chunks one at a time, so hundreds of megabytes never sit in memory together. */
export async function deflateChunks(chunks: Iterable<Buffer>): Promise<Deflated> {
  const { createDeflateRaw, crc32 } = await import('node:zlib');
  const z = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  z.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((res, rej) => (z.on('end', res), z.on('error', rej)));
  let crc = 0;
  let size = 0;
  for (const c of chunks) {
    crc = crc32(c, crc);
    size += c.length;
    if (!z.write(c)) await new Promise((r) => z.once('drain', r));
  }
  z.end();
  await done;
  return { data: Buffer.concat(out), crc, size };
}

/** A zip file (deflate method) written by hand, so headers can declare what a test needs. */
export async function zipBuffer(entries: ZipEntry[]): Promise<Buffer> {
  const { crc32, deflateRawSync } = await import('node:zlib');
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const d = e.deflated ?? { data: deflateRawSync(e.data ?? Buffer.alloc(0)), crc: crc32(e.data ?? Buffer.alloc(0)), size: (e.data ?? Buffer.alloc(0)).length };
    const size = e.declaredSize ?? d.size;
    const name = Buffer.from(e.name, 'utf8');
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(0x0800, 6);
    lh.writeUInt16LE(8, 8);
    lh.writeUInt32LE(0, 10);
    lh.writeUInt32LE(d.crc >>> 0, 14);
    lh.writeUInt32LE(d.data.length, 18);
    lh.writeUInt32LE(size >>> 0, 22);
    lh.writeUInt16LE(name.length, 26);
    lh.writeUInt16LE(0, 28);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(0x0800, 8);
    ch.writeUInt16LE(8, 10);
    ch.writeUInt32LE(0, 12);
    ch.writeUInt32LE(d.crc >>> 0, 16);
    ch.writeUInt32LE(d.data.length, 20);
    ch.writeUInt32LE(size >>> 0, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    locals.push(lh, name, d.data);
    central.push(ch, name);
    offset += lh.length + name.length + d.data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** Every entry of a zip, inflated (for repacking small real workbooks). */
export async function unzipAll(buf: Buffer): Promise<{ name: string; data: Buffer }[]> {
  const yauzl = (await import('yauzl')).default;
  const zip = await yauzl.fromBufferPromise(buf, { lazyEntries: true });
  const out: { name: string; data: Buffer }[] = [];
  for await (const e of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const c of await zip.openReadStreamPromise(e)) chunks.push(c as Buffer);
    out.push({ name: e.fileName, data: Buffer.concat(chunks) });
  }
  zip.close();
  return out;
}

/**
 * A minimal OLE compound file (512-byte sectors: header, one FAT sector, one
 * directory sector) whose directory names the given streams, all empty. With
 * "EncryptionInfo" and "EncryptedPackage" it has the shape of an Office file
 * encrypted with a password.
 */
export function oleFile(streams: string[]): Buffer {
  const SECTOR = 512;
  const ENDOFCHAIN = 0xfffffffe;
  const FREE = 0xffffffff;
  const FATSECT = 0xfffffffd;
  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18); // minor version
  header.writeUInt16LE(3, 0x1a); // major version 3: 512-byte sectors
  header.writeUInt16LE(0xfffe, 0x1c); // little-endian
  header.writeUInt16LE(9, 0x1e); // sector shift
  header.writeUInt16LE(6, 0x20); // mini sector shift
  header.writeUInt32LE(1, 0x2c); // FAT sectors
  header.writeUInt32LE(1, 0x30); // first directory sector
  header.writeUInt32LE(0x1000, 0x38); // mini stream cutoff
  header.writeUInt32LE(ENDOFCHAIN, 0x3c); // no mini FAT
  header.writeUInt32LE(ENDOFCHAIN, 0x44); // no DIFAT sectors
  header.writeUInt32LE(0, 0x4c); // DIFAT[0] = FAT in sector 0
  for (let i = 1; i < 109; i++) header.writeUInt32LE(FREE, 0x4c + 4 * i);
  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(FATSECT, 0);
  fat.writeUInt32LE(ENDOFCHAIN, 4);
  const dir = Buffer.alloc(SECTOR);
  const entry = (i: number, name: string, type: number, child: number, right: number) => {
    const o = i * 128;
    const n = Buffer.from(`${name}\u0000`, 'utf16le');
    n.copy(dir, o);
    dir.writeUInt16LE(n.length, o + 0x40);
    dir.writeUInt8(type, o + 0x42);
    dir.writeUInt8(1, o + 0x43); // black
    dir.writeUInt32LE(FREE, o + 0x44); // left sibling
    dir.writeUInt32LE(right, o + 0x48);
    dir.writeUInt32LE(child, o + 0x4c);
    dir.writeUInt32LE(ENDOFCHAIN, o + 0x74); // start sector
  };
  entry(0, 'Root Entry', 5, streams.length > 0 ? 1 : FREE, FREE);
  streams.slice(0, 3).forEach((s, i) => entry(i + 1, s, 2, FREE, i + 2 <= Math.min(streams.length, 3) ? i + 2 : FREE));
  return Buffer.concat([header, fat, dir]);
}

/** LibreOffice conversion in a private profile (concurrent runs must not share one); one process for all files. */
export async function soffice(files: string | string[], to: 'xls' | 'ods' | 'xlsx' | 'pdf', outDir: string): Promise<string> {
  const { execFile } = await import('node:child_process');
  const { promisify } = await import('node:util');
  const { pathToFileURL } = await import('node:url');
  const list = Array.isArray(files) ? files : [files];
  const profile = pathToFileURL(tmpDir('kla-lo-profile-')).href;
  await promisify(execFile)('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', to, '--outdir', outDir, ...list], { timeout: 180_000 });
  const first = list[0]!;
  return path.join(outDir, `${path.basename(first, path.extname(first))}.${to}`);
}
