/**
 * Is this file a workbook we may open? Decided from its bytes and, for zip
 * containers, from the zip's central directory, before anything is inflated
 * into memory; then each part kla reads is inflated alone, bounded and
 * checked (`inflatePart`). Foreign files get a clear code instead of a
 * library's error, and a decompression bomb never gets the memory it asks for.
 */
import zlib, { inflateRawSync } from 'node:zlib';
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
export type Verdict = { ok: true; entries: yauzl.Entry[] } | { ok: false; refusal: Diagnostic };

const refuse = <C extends Code>(code: C, ...params: ParamsOf<C> extends Record<never, never> ? [ParamsOf<C>?] : [ParamsOf<C>]): Verdict => ({
  ok: false,
  refusal: diag(code, (params[0] ?? {}) as ParamsOf<C>),
});

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (buf: Uint8Array, sig: number[]) => sig.every((b, i) => buf[i] === b);

/** Decide whether `buf` is a zip of a workbook whose declared sizes are safe to inflate. */
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
 * Read the zip's central directory (sizes as declared, nothing inflated) and
 * refuse on declared sizes. Parts are inflated later, one at a time and only
 * the ones kla reads (`inflatePart`), each stopped at its declared size, so a
 * zip that lies about a size costs at most one part's limit of work.
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
    try {
      for await (const e of zip.eachEntry()) entries.push(e);
    } catch (e) {
      return refuse('KLA-E002', { detail: (e as Error).message });
    }
    const names = new Set(entries.map((e) => partName(e.fileName)));

    if (names.has('mimetype') && !names.has('[content_types].xml')) {
      const mime = await readSmall(zip, entries.find((e) => partName(e.fileName) === 'mimetype')!).catch(() => '');
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
    if (!names.has('[content_types].xml')) return refuse('KLA-E010', { format: 'ZIP' });
    return { ok: true, entries };
  } finally {
    zip.close();
  }
}

/**
 * A zip entry name as an OPC part name: '/'-separated, no leading '/', lower
 * case (part names are case-insensitive, and writers do not agree on case).
 */
export const partName = (fileName: string) => fileName.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();

/** A part's bytes, or why they cannot be had (damaged, or a bomb in disguise). */
export type Inflated = { ok: true; data: Buffer } | { ok: false; refusal: Diagnostic };

/**
 * Inflate one entry straight from the buffer. It may produce no more than its
 * declared size; when it tries to, it is inflated once more up to the part
 * limit to tell a bomb (it goes on growing) from a damaged file (it stops
 * short of the limit). The CRC is checked, so damaged data is never read as if
 * it were what the OPD typed. One native call per part.
 */
export function inflatePart(buf: Buffer, e: yauzl.Entry, limits: Limits = LIMITS): Inflated {
  const damaged = (detail: string): Inflated => ({ ok: false, refusal: diag('KLA-E002', { detail: `${e.fileName}: ${detail}` }) });
  const at = e.relativeOffsetOfLocalHeader;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== 0x04034b50) return damaged('invalid local file header');
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const end = start + e.compressedSize;
  if (end > buf.length) return damaged('truncated entry');
  const raw = buf.subarray(start, end);
  let out: Buffer;
  if (e.compressionMethod === 0) {
    if (e.compressedSize !== e.uncompressedSize) return damaged('stored entry is not its declared size');
    out = raw;
  } else if (e.compressionMethod === 8) {
    try {
      out = inflateRawSync(raw, { maxOutputLength: Math.max(1, e.uncompressedSize) });
    } catch (err) {
      if (!tooLarge(err)) return damaged((err as Error).message);
      try {
        const cap = limits.xmlEntryBytes;
        inflateRawSync(raw, { maxOutputLength: cap + 1 });
        return damaged('entry is larger than its declared size');
      } catch (err2) {
        if (!tooLarge(err2)) return damaged((err2 as Error).message);
        const ratio = Math.round(limits.xmlEntryBytes / Math.max(1, e.compressedSize));
        return { ok: false, refusal: diag('KLA-E008', { entry: e.fileName, size: mb(limits.xmlEntryBytes), ratio, recorded: mb(e.uncompressedSize) }) };
      }
    }
  } else {
    return damaged(`unsupported compression method ${e.compressionMethod}`);
  }
  if (out.length !== e.uncompressedSize) return damaged('entry is not its declared size');
  if ((crc32(out) >>> 0) !== (e.crc32 >>> 0)) return damaged('CRC mismatch');
  return { ok: true, data: out };
}

const tooLarge = (err: unknown) => (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError;

/** CRC-32 (zip's): native where this Node has it (20.15+), else a table. */
const crc32: (data: Uint8Array) => number =
  (zlib as { crc32?: (data: Uint8Array) => number }).crc32 ??
  (() => {
    const table = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
    return (data: Uint8Array) => {
      let c = -1;
      for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
      return (c ^ -1) >>> 0;
    };
  })();

/** Read a small entry (the declared-size checks above already ran for it). */
async function readSmall(zip: yauzl.ZipFile, e: yauzl.Entry): Promise<string> {
  if (e.uncompressedSize > 1024 * 1024) return '';
  const stream = await zip.openReadStreamPromise(e);
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const mb = (n: number) => Math.round((n / (1024 * 1024)) * 10) / 10;
