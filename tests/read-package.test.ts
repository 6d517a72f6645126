/**
 * The reader finds what it reads the way the file format says, not where
 * Excel happens to put it. Each test takes a real submission of the example,
 * changes its package the way some other writer does (part names, prefixes,
 * missing addresses, dangling notes and links) and expects exactly the data
 * of the original; damaged data is refused with the right code.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readWorkbookBuffer, type ReadResult, type WorkbookData } from '../src/workbook/read.js';
import { root } from './helpers/cli.js';
import { unzipAll, zipBuffer, type ZipEntry } from './validate-helpers.js';

type Parts = Map<string, string | Buffer>;

let original: Buffer;
let reference: WorkbookData;

beforeAll(async () => {
  original = readFileSync(path.join(root, 'fixtures', 'merangin', 'submissions', 'Jawaban KLA 2026 Dinkes (revisi 2).xlsx'));
  const r = await readWorkbookBuffer(original, 'Dinkes.xlsx');
  if (r.status !== 'read') throw new Error('the example must read');
  reference = r.data;
});

/** Unzip the original, let `edit` change its parts (text for XML), zip it again and read it. */
async function repacked(edit: (parts: Parts) => void): Promise<ReadResult> {
  const parts: Parts = new Map((await unzipAll(original)).map((p) => [p.name, /\.(xml|rels|vml)$/.test(p.name) ? p.data.toString('utf8') : p.data]));
  edit(parts);
  const entries: ZipEntry[] = [...parts].map(([name, data]) => ({ name, data: Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8') }));
  return readWorkbookBuffer(await zipBuffer(entries), 'Dinkes.xlsx');
}

const text = (parts: Parts, name: string) => {
  const v = parts.get(name);
  if (typeof v !== 'string') throw new Error(`no XML part ${name}`);
  return v;
};
const move = (parts: Parts, from: string, to: string) => {
  parts.set(to, parts.get(from)!);
  parts.delete(from);
};
const replaceIn = (parts: Parts, name: string, find: string | RegExp, by: string) => {
  const before = text(parts, name);
  const after = before.replace(find, by);
  if (after === before) throw new Error(`nothing to replace in ${name}`);
  parts.set(name, after);
};

function readOk(r: ReadResult): WorkbookData {
  if (r.status !== 'read') throw new Error(`unreadable: ${JSON.stringify(r.findings)}`);
  return r.data;
}

describe('parts wherever the package puts them', () => {
  it('finds the workbook, sheets and shared strings through relationships, not by Excel’s names', async () => {
    const r = await repacked((p) => {
      move(p, 'xl/workbook.xml', 'xl/buku kerja.xml');
      move(p, 'xl/_rels/workbook.xml.rels', 'xl/_rels/buku kerja.xml.rels');
      replaceIn(p, '_rels/.rels', 'xl/workbook.xml', 'xl/buku%20kerja.xml');
      for (let i = 1; i <= 5; i++) {
        move(p, `xl/worksheets/sheet${i}.xml`, `xl/lembar/Lembar ${i}.xml`);
        replaceIn(p, 'xl/_rels/buku kerja.xml.rels', `worksheets/sheet${i}.xml`, `/xl/lembar/Lembar%20${i}.xml`);
      }
      move(p, 'xl/worksheets/_rels/sheet3.xml.rels', 'xl/lembar/_rels/Lembar 3.xml.rels');
      // Part names are case-insensitive; one writer's upper case is another's lower.
      move(p, 'xl/sharedStrings.xml', 'XL/Teks.XML');
      replaceIn(p, 'xl/_rels/buku kerja.xml.rels', 'sharedStrings.xml', 'teks.xml');
    });
    expect(readOk(r)).toEqual(reference);
  });

  it('reads SpreadsheetML written with a namespace prefix (<x:worksheet>)', async () => {
    const prefix = (xml: string) =>
      xml.replace(/<(\/?)(?![A-Za-z_][\w.-]*:)([A-Za-z_][\w.-]*)/g, '<$1x:$2').replace('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"');
    const r = await repacked((p) => {
      for (const part of ['xl/worksheets/sheet3.xml', 'xl/sharedStrings.xml', 'xl/workbook.xml', 'xl/styles.xml']) p.set(part, prefix(text(p, part)));
    });
    expect(readOk(r)).toEqual(reference);
  });

  it('places cells that carry no address after the cell before them', async () => {
    const r = await repacked((p) => {
      // Only in rows whose cells run from column A without a gap, where the position is unambiguous.
      const sheet = text(p, 'xl/worksheets/sheet3.xml').replace(/<row [^>]*>(.*?)<\/row>/g, (row, cells: string) => {
        const cols = [...cells.matchAll(/<c r="([A-Z]+)\d+"/g)].map((m) => m[1]!.charCodeAt(0) - 64);
        return cols.every((c, i) => c === i + 1) ? row.replace(/<c r="[A-Z]+\d+"/g, '<c') : row;
      });
      expect(sheet.match(/<c [^>]*r=/g)?.length ?? 0).toBeLessThan((text(p, 'xl/worksheets/sheet3.xml').match(/<c /g)?.length ?? 0) / 2);
      p.set('xl/worksheets/sheet3.xml', sheet);
    });
    expect(readOk(r)).toEqual(reference);
  });

  it('ignores notes, drawings, external links and hyperlinks that point nowhere or are broken', async () => {
    const r = await repacked((p) => {
      p.delete('xl/comments3.xml');
      p.delete('xl/drawings/vmlDrawing3.vml');
      replaceIn(p, 'xl/worksheets/_rels/sheet3.xml.rels', '</Relationships>', '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/></Relationships>');
      p.set('xl/drawings/drawing1.xml', '<xdr:wsDr xmlns:xdr="urn:x"><xdr:twoCellAnchor><broken');
      p.set('xl/externalLinks/externalLink1.xml', Buffer.from([0, 1, 2, 3, 255]));
      replaceIn(p, 'xl/_rels/workbook.xml.rels', '</Relationships>', '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"/></Relationships>');
      replaceIn(p, 'xl/worksheets/sheet3.xml', '</sheetData>', '</sheetData><hyperlinks><hyperlink ref="C4" r:id="rId404"/></hyperlinks><legacyDrawing r:id="rId2"/><drawing r:id="rId9"/>');
    });
    expect(readOk(r)).toEqual(reference);
  });

  it('a shared string the file does not hold is an empty cell, not a crash', async () => {
    const r = await repacked((p) => replaceIn(p, 'xl/worksheets/sheet3.xml', /(<c r="C5" [^>]*t="s"[^>]*><v>)\d+(<\/v>)/, '$199999$2'));
    const row = readOk(r).answers.rows.find((x) => x.row === 5)!;
    expect(row.cells.question.value).toEqual({ t: 'blank' });
    expect(row.cells.id.value).toEqual(reference.answers.rows.find((x) => x.row === 5)!.cells.id.value);
  });

  it('decodes _xHHHH_ escapes in cell text as Excel shows them', async () => {
    const r = await repacked((p) =>
      replaceIn(p, 'xl/worksheets/sheet3.xml', /<c r="I5" ([^>]*?)\/>/, '<c r="I5" $1 t="inlineStr"><is><t>Baris 1_x000D__x000A_Baris 2, kode _x005F_x0041_</t></is></c>'),
    );
    const row = readOk(r).answers.rows.find((x) => x.row === 5)!;
    expect(row.cells.note.value).toEqual({ t: 'text', text: 'Baris 1\r\nBaris 2, kode _x0041_' });
  });

  it('keeps sheet names exceljs itself refuses or cuts, and prints nothing on stderr', async () => {
    const stderr = vi.spyOn(process.stderr, 'write');
    const warn = vi.spyOn(console, 'warn');
    try {
      const long = 'Jawaban OPD Dinas Kesehatan Kabupaten Merangin 2026';
      const r = await repacked((p) => {
        replaceIn(p, 'xl/workbook.xml', 'name="Jawaban"', `name="${long}"`);
        replaceIn(p, 'xl/workbook.xml', 'name="Petunjuk"', 'name="History"');
      });
      const data = readOk(r);
      expect(data.answers.sheet).toBe(long);
      expect(data.sheetNames).toContain('History');
      expect(r.findings.map((f) => [f.code, f.params])).toEqual([['KLA-W102', { expected: 'Jawaban', found: long }]]);
      expect({ ...data, answers: { ...data.answers, sheet: 'Jawaban' }, sheetNames: reference.sheetNames }).toEqual(reference);
      expect(stderr).not.toHaveBeenCalled();
      expect(warn).not.toHaveBeenCalled();
    } finally {
      stderr.mockRestore();
      warn.mockRestore();
    }
  });
});

describe('damaged parts', () => {
  const sheetWith = (mangle: (e: ZipEntry) => ZipEntry) => async () => {
    const entries = (await unzipAll(original)).map((p) => (p.name === 'xl/worksheets/sheet3.xml' ? mangle(p) : p));
    return readWorkbookBuffer(await zipBuffer(entries), 'Dinkes.xlsx');
  };

  it('data that inflates to other bytes than were stored is damaged (CRC), never read', async () => {
    const { deflateRawSync, crc32 } = await import('node:zlib');
    const r = await sheetWith((p) => {
      const forged = Buffer.from(p.data!.toString('utf8').replace('<v>', '<v>9'));
      // The directory keeps the original's CRC and size: only the data differs.
      return { name: p.name, deflated: { data: deflateRawSync(forged), crc: crc32(p.data!), size: p.data!.length }, declaredSize: forged.length };
    })();
    expect(r.findings.map((f) => f.code)).toEqual(['KLA-E002']);
  });

  it('a part somewhat larger than its recorded size is damaged, not a decompression bomb', async () => {
    const r = await sheetWith((p) => ({ ...p, declaredSize: p.data!.length - 100 }))();
    expect(r.findings.map((f) => f.code)).toEqual(['KLA-E002']);
  });

  it('corrupt compressed data is damaged', async () => {
    const { deflateRawSync, crc32 } = await import('node:zlib');
    const r = await sheetWith((p) => {
      const d = deflateRawSync(p.data!);
      for (let i = 40; i < d.length; i += 97) d[i] = d[i]! ^ 0x5a;
      return { name: p.name, deflated: { data: d, crc: crc32(p.data!), size: p.data!.length } };
    })();
    expect(r.status).toBe('unreadable');
    expect(r.findings.map((f) => f.code)).toEqual(['KLA-E002']);
    // The library's words stay in the detail, out of the message.
    expect(String(r.findings[0]!.params.detail)).toContain('xl/worksheets/sheet3.xml');
  });

  it('damage in a part kla never reads does not matter', async () => {
    const entries = (await unzipAll(original)).map((p) => (p.name === 'xl/theme/theme1.xml' ? { ...p, declaredSize: 3 } : p));
    const r = await readWorkbookBuffer(await zipBuffer(entries), 'Dinkes.xlsx');
    expect(readOk(r)).toEqual(reference);
  });
});
