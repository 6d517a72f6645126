/**
 * Is this file a workbook we may hand to exceljs? Decided from its bytes and,
 * for zip containers, from the zip's central directory, before anything is
 * inflated into memory. exceljs's own errors on foreign files are cryptic, and
 * nothing in it stops a decompression bomb, so every input passes here first.
 */
import { inflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';
import { diag, type Code, type ParamsOf } from '../diagnostics/index.js';
import type { Diagnostic } from '../model.js';

/**
 * Bounds that keep memory small whatever the input. A real KLA workbook is
 * under 1 MB; its answer sheet's XML about 40 KB. exceljs needs roughly 25 MB
 * of memory per MB of sheet XML (measured), so the XML bounds below cap a
 * read at about 300 MB in the worst case.
 */
export const LIMITS = {
  /** Bytes of the file itself (pictures pasted into a sheet count here). */
  fileBytes: 40 * 1024 * 1024,
  entries: 2_000,
  /** Uncompressed bytes of one XML part (a sheet, the shared strings). */
  xmlEntryBytes: 4 * 1024 * 1024,
  /** Uncompressed bytes of all XML parts together. */
  xmlTotalBytes: 8 * 1024 * 1024,
  /** Uncompressed bytes of everything. */
  totalBytes: 100 * 1024 * 1024,
  /** Above this compression ratio an oversized part is called a decompression bomb. */
  bombRatio: 100,
} as const;

export type Limits = { [K in keyof typeof LIMITS]: number };

/** Why a file cannot be read: a diagnostic without a location (the reader adds the file). */
export type Verdict = { ok: true; macro: boolean } | { ok: false; refusal: Diagnostic };

const refuse = <C extends Code>(code: C, ...params: ParamsOf<C> extends Record<never, never> ? [ParamsOf<C>?] : [ParamsOf<C>]): Verdict => ({
  ok: false,
  refusal: diag(code, (params[0] ?? {}) as ParamsOf<C>),
});

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (buf: Uint8Array, sig: number[]) => sig.every((b, i) => buf[i] === b);

/** Decide whether `buf` is an .xlsx/.xlsm workbook that is safe to load. */
export async function checkContainer(buf: Buffer, limits: Limits = LIMITS): Promise<Verdict> {
  if (buf.length === 0) return refuse('KLA-E001');
  if (buf.length > limits.fileBytes) return refuse('KLA-E009', { what: 'file', size: mb(buf.length), limit: mb(limits.fileBytes) });
  if (startsWith(buf, ZIP) || startsWith(buf, [0x50, 0x4b, 0x05, 0x06])) return inspectZip(buf, limits);
  if (startsWith(buf, OLE)) return inspectOle(buf);
  return classifyOther(buf);
}

/** Text and foreign formats saved under a spreadsheet name. */
function classifyOther(buf: Buffer): Verdict {
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46])) return refuse('KLA-E010', { format: 'PDF' });
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47])) return refuse('KLA-E010', { format: 'PNG' });
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return refuse('KLA-E010', { format: 'JPEG' });
  if (startsWith(buf, [0x52, 0x61, 0x72, 0x21])) return refuse('KLA-E010', { format: 'RAR' });
  if (startsWith(buf, [0x37, 0x7a, 0xbc, 0xaf])) return refuse('KLA-E010', { format: '7z' });
  const head = buf.subarray(0, 4096).toString('utf8').replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (head.length === 0) return refuse('KLA-E001');
  if (head.startsWith('<')) {
    if (head.includes('urn:schemas-microsoft-com:office:spreadsheet')) return refuse('KLA-E003', { format: 'XML Spreadsheet 2003' });
    if (/<(html|!doctype html|table|head|body|meta)\b/.test(head)) return refuse('KLA-E003', { format: 'HTML' });
    return refuse('KLA-E003', { format: 'XML' });
  }
  // Control characters other than tab/CR/LF mean binary we do not know.
  if (/[\u0000-\u0008\u000e-\u001f]/.test(head)) return refuse('KLA-E010', { format: '?' });
  return refuse('KLA-E004');
}

/**
 * An OLE compound file is either a legacy .xls (a "Workbook"/"Book" stream) or
 * an Office-encrypted .xlsx ("EncryptionInfo" + "EncryptedPackage"). Stream
 * names sit in the directory as UTF-16LE; looking for them avoids a CFB parser.
 */
function inspectOle(buf: Buffer): Verdict {
  const has = (name: string) => buf.includes(Buffer.from(name, 'utf16le'));
  if (has('EncryptionInfo') || has('EncryptedPackage')) return refuse('KLA-E007');
  if (has('Workbook') || has('Book')) return refuse('KLA-E005');
  if (has('WordDocument')) return refuse('KLA-E010', { format: 'Word 97-2003 (.doc)' });
  return refuse('KLA-E005');
}

/**
 * Read the zip's central directory (sizes as declared, nothing inflated), refuse
 * on declared sizes, then inflate each part into nothing to prove the declared
 * sizes true: yauzl aborts a part as soon as it grows past its declared size,
 * so a lying bomb costs at most one declared size of work.
 */
async function inspectZip(buf: Buffer, limits: Limits): Promise<Verdict> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buf, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false });
  } catch (e) {
    return refuse('KLA-E002', { detail: (e as Error).message });
  }
  try {
    const entries: yauzl.Entry[] = [];
    if (zip.entryCount > limits.entries) return refuse('KLA-E009', { what: 'entries', size: zip.entryCount, limit: limits.entries });
    for await (const e of zip.eachEntry()) entries.push(e);
    const names = new Set(entries.map((e) => e.fileName));

    if (names.has('mimetype') && !names.has('[Content_Types].xml')) {
      const mime = await readSmall(zip, entries.find((e) => e.fileName === 'mimetype')!);
      return mime.includes('opendocument.spreadsheet') ? refuse('KLA-E006') : refuse('KLA-E010', { format: mime.trim() || 'ODF' });
    }
    if (entries.some((e) => e.isEncrypted())) return refuse('KLA-E007');

    let total = 0;
    let xmlTotal = 0;
    for (const e of entries) {
      const ratio = e.compressedSize > 0 ? e.uncompressedSize / e.compressedSize : e.uncompressedSize > 0 ? Infinity : 1;
      const isXml = /\.(xml|rels|vml)$/i.test(e.fileName);
      total += e.uncompressedSize;
      if (isXml) xmlTotal += e.uncompressedSize;
      const limit: { what: 'part' | 'total'; size: number; limit: number } | undefined =
        isXml && e.uncompressedSize > limits.xmlEntryBytes
          ? { what: 'part', size: e.uncompressedSize, limit: limits.xmlEntryBytes }
          : xmlTotal > limits.xmlTotalBytes
            ? { what: 'total', size: xmlTotal, limit: limits.xmlTotalBytes }
            : total > limits.totalBytes
              ? { what: 'total', size: total, limit: limits.totalBytes }
              : undefined;
      if (limit) {
        return ratio > limits.bombRatio
          ? refuse('KLA-E008', { entry: e.fileName, size: mb(e.uncompressedSize), ratio: Math.round(ratio) })
          : refuse('KLA-E009', { what: limit.what, entry: e.fileName, size: mb(limit.size), limit: mb(limit.limit) });
      }
    }

    if (names.has('word/document.xml')) return refuse('KLA-E010', { format: 'Word (.docx)' });
    if (names.has('ppt/presentation.xml')) return refuse('KLA-E010', { format: 'PowerPoint (.pptx)' });
    if (names.has('xl/workbook.bin')) return refuse('KLA-E010', { format: 'Excel Binary (.xlsb)' });
    if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) {
      return names.has('[Content_Types].xml') ? refuse('KLA-E002', { detail: 'xl/workbook.xml missing' }) : refuse('KLA-E010', { format: 'ZIP' });
    }

    let contentTypes = '';
    for (const e of entries) {
      try {
        const data = inflateChecked(buf, e);
        if (e.fileName === '[Content_Types].xml' && data) contentTypes = data.toString('utf8');
      } catch (err) {
        const msg = (err as Error).message;
        return /too many bytes|exceeded/i.test(msg)
          ? refuse('KLA-E008', { entry: e.fileName, ratio: 0 })
          : refuse('KLA-E002', { detail: msg });
      }
    }
    const macro = names.has('xl/vbaProject.bin') || contentTypes.includes('macroEnabled');
    return { ok: true, macro };
  } finally {
    zip.close();
  }
}

/**
 * Inflate an entry straight from the buffer, refusing to produce more than its
 * declared size: a zip that under-declares (a bomb in disguise) is caught after
 * at most one declared size of output. One native call per part: this runs for
 * every workbook, so it must cost little next to exceljs's own inflating.
 */
function inflateChecked(buf: Buffer, e: yauzl.Entry): Buffer | undefined {
  if (e.fileName.endsWith('/')) return undefined;
  const at = e.relativeOffsetOfLocalHeader;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== 0x04034b50) throw new Error(`invalid local file header for ${e.fileName}`);
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const end = start + e.compressedSize;
  if (end > buf.length) throw new Error(`truncated entry ${e.fileName}`);
  if (e.compressionMethod === 0) {
    if (e.compressedSize !== e.uncompressedSize) throw new Error(`stored entry ${e.fileName} exceeded its declared size`);
    return buf.subarray(start, end);
  }
  if (e.compressionMethod !== 8) throw new Error(`unsupported compression method ${e.compressionMethod} in ${e.fileName}`);
  let out: Buffer;
  try {
    out = inflateRawSync(buf.subarray(start, end), { maxOutputLength: Math.max(1, e.uncompressedSize) });
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
      throw new Error(`entry ${e.fileName} exceeded its declared size`);
    }
    throw err;
  }
  if (out.length !== e.uncompressedSize) throw new Error(`entry ${e.fileName} is not the declared size`);
  return out;
}

/** Read a small entry (the declared-size checks above already ran for it). */
async function readSmall(zip: yauzl.ZipFile, e: yauzl.Entry): Promise<string> {
  if (e.uncompressedSize > 1024 * 1024) return '';
  const stream = await zip.openReadStreamPromise(e);
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const mb = (n: number) => Math.round((n / (1024 * 1024)) * 10) / 10;
