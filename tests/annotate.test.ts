/**
 * Annotated copies of OPD workbooks, on real files: the example district's
 * invalid set annotated from its own findings, read back with exceljs and as
 * raw XML; workbooks from LibreOffice, openpyxl and exceljs; the round trip
 * (annotate, fix the cells, validate) through exceljs, LibreOffice and
 * openpyxl; identical bytes for identical inputs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import type { Severity } from '../src/model.js';
import { loadProject, type Project } from '../src/project/config.js';
import { validateInputs, type ValidationReport } from '../src/validate/index.js';
import { annotateWorkbook, HIGHLIGHT, type AnnotateInput } from '../src/workbook/annotate.js';
import { formatMessage, KlaError } from '../src/diagnostics/index.js';
import { FEEDBACK_MARKER, SHEETS } from '../src/workbook/layout.js';
import { readWorkbookBuffer } from '../src/workbook/read.js';
import { decode, FEEDBACK_DATE, reviewInput, hyperlinks, inlineStrings, NOTE_HEADING, partsOf, sheetPart } from './annotate-helpers.js';
import { soffice, tmpDir, zipBuffer } from './validate-helpers.js';

const ROOT = path.resolve('fixtures/merangin');
const INVALID = path.join(ROOT, 'invalid');
const PYTHON = '/usr/bin/python3';

let project: Project;
beforeAll(() => {
  project = loadProject(ROOT);
});

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** Validate one file on its own (as `kla feedback` sees an OPD's workbook). */
async function validateOne(abs: string): Promise<ValidationReport> {
  return validateInputs(project, [abs], { cwd: path.dirname(abs), jobs: 1 });
}

async function annotateFile(abs: string, report?: ValidationReport): Promise<{ input: AnnotateInput; out: Buffer; original: Buffer; report: ValidationReport }> {
  const original = readFileSync(abs);
  const r = report ?? (await validateOne(abs));
  const input = reviewInput(r, path.basename(abs), 'Perangkat Daerah Uji');
  return { input, out: await annotateWorkbook(original, input), original, report: r };
}

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

/** A cell note's plain text, however exceljs holds it. */
function noteText(cell: ExcelJS.Cell): string | undefined {
  const n = cell.note as string | { texts?: { text: string }[] } | undefined;
  if (n === undefined) return undefined;
  return typeof n === 'string' ? n : (n.texts ?? []).map((t) => t.text).join('');
}

/** The workbook's font 0 as exceljs reports it for a styled cell. */
async function defaultFont(buf: Buffer): Promise<Partial<ExcelJS.Font>> {
  const xml = (await partsOf(buf)).get('xl/styles.xml')!.toString('utf8');
  const f = /<font>([\s\S]*?)<\/font>/.exec(xml)![1]!;
  return {
    ...(/<color theme="(\d+)"/.exec(f) ? { color: { theme: Number(/<color theme="(\d+)"/.exec(f)![1]) } } : {}),
    ...(/<family val="(\d+)"/.exec(f) ? { family: Number(/<family val="(\d+)"/.exec(f)![1]) } : {}),
    name: /<name val="([^"]+)"/.exec(f)![1],
    ...(/<scheme val="([^"]+)"/.exec(f) ? { scheme: /<scheme val="([^"]+)"/.exec(f)![1] } : {}),
    size: Number(/<sz val="([\d.]+)"/.exec(f)![1]),
  } as Partial<ExcelJS.Font>;
}

/** Errors and warnings as [code, sheet, cell]. */
const findings = (r: ValidationReport) => r.diagnostics.filter((d) => d.severity !== 'info').map((d) => [d.code, d.location.sheet ?? '', d.location.cell ?? '']);

/** The workbooks of the invalid set with a documented finding (one of two identical copies has none), as its expected.json lists them. */
const invalidFiles = (JSON.parse(readFileSync(path.join(INVALID, 'expected.json'), 'utf8')) as { file: string; mistakes: { code: string | null }[] }[])
  .filter((e) => e.mistakes.some((m) => m.code !== null))
  .map((e) => e.file);

describe('the invalid set, each workbook annotated from its own findings', () => {
  const annotated = new Map<string, Awaited<ReturnType<typeof annotateFile>>>();
  beforeAll(async () => {
    // The whole folder, as the DPPPA checks it: duplicates are found only together.
    const folder = await validateInputs(project, [INVALID], { cwd: INVALID, jobs: 1 });
    for (const f of invalidFiles) {
      const own = { ...folder, diagnostics: folder.diagnostics.filter((d) => d.location.file === f) };
      annotated.set(f, await annotateFile(path.join(INVALID, f), own));
    }
  });

  it('every file has findings to annotate', () => {
    for (const f of invalidFiles) expect(annotated.get(f)!.input.sheet.sections.reduce((n, s) => n + s.rows.length, 0), f).toBeGreaterThan(0);
  });

  it.each(invalidFiles)('%s: each problem cell keeps its style and note, gains the fill of its severity and the message after the note', async (f) => {
    const { out, original, report } = annotated.get(f)!;
    const [before, after] = [await load(original), await load(out)];
    const byCell = new Map<string, { sheet: string; cell: string; severity: Severity; messages: string[] }>();
    for (const a of reviewInput(report, f, '').annotations) {
      const k = `${a.sheet}!${a.cell}`;
      const m = byCell.get(k) ?? { sheet: a.sheet, cell: a.cell, severity: a.severity, messages: [] };
      if (RANK[a.severity] > RANK[m.severity]) m.severity = a.severity;
      m.messages.push(a.message);
      byCell.set(k, m);
    }
    for (const m of byCell.values()) {
      const was = before.getWorksheet(m.sheet)!;
      const cellBefore = was.getCell(m.cell);
      const cell = after.getWorksheet(m.sheet)!.getCell(m.cell);
      if (was.state !== 'visible') {
        // A hidden sheet is not marked: the officer could not see it.
        expect(noteText(cell)).toEqual(noteText(cellBefore));
        expect(cell.fill).toEqual(cellBefore.fill);
        continue;
      }
      const own = noteText(cellBefore);
      const lines = m.messages.length > 1 ? m.messages.map((t) => `• ${t}`) : m.messages;
      expect(noteText(cell)).toBe(`${own ? `${own}\n\n` : ''}${NOTE_HEADING}\n${lines.join('\n')}`);
      expect(cell.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: HIGHLIGHT[m.severity] } });
      expect(cell.numFmt).toEqual(cellBefore.numFmt);
      // A cell without a style of its own shows the default font (font 0), which its copy names.
      expect(cell.font).toEqual(cellBefore.font ?? (await defaultFont(original)));
      // exceljs reports "none set" as undefined for an unstyled cell and as {} for a styled one.
      expect(cell.border ?? {}).toEqual(cellBefore.border ?? {});
      expect(cell.alignment ?? {}).toEqual(cellBefore.alignment ?? {});
      expect(cell.protection ?? {}).toEqual(cellBefore.protection ?? {});
      expect(cell.value).toEqual(cellBefore.value);
    }
  });

  it.each(invalidFiles)('%s: the first sheet lists every finding in words (no codes: it goes to the OPD), with a link to each cell an officer can see', async (f) => {
    const { out, report } = annotated.get(f)!;
    const parts = await partsOf(out);
    const wbXml = parts.get('xl/workbook.xml')!.toString('utf8');
    const names = [...wbXml.matchAll(/<sheet\b[^>]*\sname="([^"]*)"/g)].map((m) => decode(m[1]!));
    expect(names[0]).toBe(SHEETS.feedback);
    const xml = parts.get(sheetPart(parts, SHEETS.feedback))!.toString('utf8');
    expect(xml).toContain('tabSelected="1"');
    const links = hyperlinks(xml);
    const texts = inlineStrings(xml);
    const mine = report.diagnostics.filter((d) => d.code !== 'KLA-I013');
    expect(mine.length).toBeGreaterThan(0);
    // Missing evidence has part B to itself, in a sentence of its own; everything else is worded as the validator words it.
    for (const d of mine.filter((x) => x.code !== 'KLA-W222' && x.code !== 'KLA-W810')) expect(texts, d.code).toContain(formatMessage(d, 'id'));
    expect(texts.filter((t) => /KLA-[EWI]\d{3}/.test(t))).toEqual([]);
    for (const d of mine) {
      if (!d.location.sheet || !d.location.cell) continue;
      const sheetTag = [...wbXml.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`name="${d.location.sheet}"`))!;
      const visible = !/state="(hidden|veryHidden)"/.test(sheetTag);
      const link = links.find((l) => l.location === `'${d.location.sheet}'!${d.location.cell}`);
      if (visible) {
        expect(link, `${d.code} ${d.location.sheet}!${d.location.cell}`).toBeDefined();
        expect(link!.text).toBe(`${d.location.sheet}!${d.location.cell}`);
      } else {
        expect(link).toBeUndefined();
      }
    }
    // Every link lands on a visible sheet of this workbook.
    for (const l of links) {
      const sheet = /^'((?:[^']|'')+)'!([A-Z]+\d+)$/.exec(l.location)![1]!.replace(/''/g, "'");
      expect(names).toContain(sheet);
    }
    // No other sheet stays selected: Excel would open the sheets grouped.
    for (const n of names.slice(1)) {
      const part = parts.get(sheetPart(parts, n))?.toString('utf8') ?? '';
      expect(part, n).not.toMatch(/tabSelected="(1|true)"/);
    }
  });
});

describe('what must not change', () => {
  const file = path.join(INVALID, 'PUPR - KLA 2026 (persen salah).xlsx');

  it('parts that need no change are the original bytes; the answer sheet differs only in the marked cell', async () => {
    const { out, original } = await annotateFile(file);
    const [before, after] = [await partsOf(original), await partsOf(out)];
    const answers = sheetPart(before, SHEETS.answers);
    const changed = new Set(['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'docProps/app.xml', answers, 'xl/comments3.xml', 'xl/drawings/vmlDrawing3.vml']);
    for (const [name, data] of before) {
      // Folder entries of the zip are no parts of the package.
      if (name.endsWith('/')) continue;
      expect(after.has(name), name).toBe(true);
      if (!changed.has(name)) expect(after.get(name)!.equals(data), name).toBe(true);
    }
    const a = after.get(answers)!.toString('utf8');
    const s = /<c r="F14" s="(\d+)"/.exec(a)![1];
    expect(before.get(answers)!.toString('utf8').replace(/<c r="F14" s="\d+"/, `<c r="F14" s="${s}"`)).toBe(a);

    // Styles only grow: every font, fill, border and cell format keeps its index.
    const [sb, sa] = [before.get('xl/styles.xml')!.toString('utf8'), after.get('xl/styles.xml')!.toString('utf8')];
    for (const list of ['fonts', 'fills', 'borders', 'cellXfs']) {
      const body = (x: string) => new RegExp(`<${list}[^>]*>([\\s\\S]*?)</${list}>`).exec(x)![1]!;
      expect(body(sa).startsWith(body(sb)), list).toBe(true);
    }
    // The new format of F14 is its old one with another fill.
    const xfs = (x: string) => [.../<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(x)![1]!.matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]);
    const old = xfs(sb)[Number(/<c r="F14" s="(\d+)"/.exec(before.get(answers)!.toString('utf8'))![1])]!;
    const cloned = xfs(sa)[Number(s)]!;
    expect(cloned.replace(/\s(fillId|applyFill)="\d+"/g, '')).toBe(old.replace(/\s(fillId|applyFill)="\d+"/g, ''));
  });

  it('print titles follow their sheet, hidden sheets stay hidden, protection and validations stay as written', async () => {
    const { out, original } = await annotateFile(file);
    const [before, after] = [await partsOf(original), await partsOf(out)];
    const wb = after.get('xl/workbook.xml')!.toString('utf8');
    const titles = (x: string) => /<definedName name="_xlnm.Print_Titles" localSheetId="(\d+)">([^<]*)</.exec(x)!;
    const [tb, ta] = [titles(before.get('xl/workbook.xml')!.toString('utf8')), titles(wb)];
    expect(Number(ta[1])).toBe(Number(tb[1]) + 1);
    expect(ta[2]).toBe(tb[2]);
    expect(wb).toContain(`<definedName name="${FEEDBACK_MARKER}" hidden="1">'${SHEETS.feedback}'!$A$1</definedName>`);
    for (const hidden of [SHEETS.options, SHEETS.meta]) expect(wb).toMatch(new RegExp(`<sheet [^>]*name="${hidden}" state="hidden"`));
    const answers = sheetPart(before, SHEETS.answers);
    const el = (x: string, name: string) => new RegExp(`<${name}\\b[\\s\\S]*?(?:/>|</${name}>)`).exec(x)?.[0];
    for (const name of ['sheetProtection', 'dataValidations', 'mergeCells', 'pageSetup', 'headerFooter', 'cols', 'sheetViews']) {
      const [b, a] = [el(before.get(answers)!.toString('utf8'), name), el(after.get(answers)!.toString('utf8'), name)];
      expect(b, name).toBeDefined();
      expect(a, name).toBe(b);
    }
    const read = await load(out);
    expect(read.getWorksheet(SHEETS.answers)!.pageSetup.printTitlesRow).toBe('3:3');
    expect(read.worksheets.map((w) => [w.name, w.state])).toEqual([[SHEETS.feedback, 'visible'], ...(await load(original)).worksheets.map((w) => [w.name, w.state])]);
  });

  it('the input is not modified, and the same input gives the same bytes on any time zone', async () => {
    const original = readFileSync(file);
    const copy = Buffer.from(original);
    const input = reviewInput(await validateOne(file), path.basename(file), 'Dinas PUPR');
    const first = await annotateWorkbook(original, input);
    expect(original.equals(copy)).toBe(true);
    expect((await annotateWorkbook(original, input)).equals(first)).toBe(true);
    const tz = process.env.TZ;
    try {
      process.env.TZ = 'Asia/Jayapura';
      expect((await annotateWorkbook(original, input)).equals(first)).toBe(true);
      process.env.TZ = 'America/Los_Angeles';
      expect((await annotateWorkbook(original, input)).equals(first)).toBe(true);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
    // Every entry is dated by the input's date (zip times are wall-clock fields).
    const zip = await yauzl.fromBufferPromise(first, { lazyEntries: true });
    const d = FEEDBACK_DATE;
    const date = ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate();
    const time = (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1);
    let n = 0;
    for await (const e of zip.eachEntry()) {
      expect([e.fileName, e.lastModFileDate, e.lastModFileTime]).toEqual([e.fileName, date, time]);
      n++;
    }
    zip.close();
    expect(n).toBeGreaterThan(10);
  });

  it('annotating an annotated copy replaces its feedback sheet instead of adding a second one', async () => {
    const { out, original } = await annotateFile(file);
    const input = reviewInput(await validateOne(file), path.basename(file), 'Dinas PUPR');
    const twice = await annotateWorkbook(out, input);
    const [once, again] = [await partsOf(out), await partsOf(twice)];
    const wb = again.get('xl/workbook.xml')!.toString('utf8');
    expect(wb.match(/name="Catatan Pemeriksaan"/g)).toHaveLength(1);
    expect(wb.match(new RegExp(FEEDBACK_MARKER, 'g'))).toHaveLength(1);
    expect(/localSheetId="(\d+)"/.exec(wb)![1]).toBe(/localSheetId="(\d+)"/.exec(once.get('xl/workbook.xml')!.toString('utf8'))![1]);
    const read = await load(twice);
    expect(read.worksheets.map((w) => w.name)).toEqual([SHEETS.feedback, ...(await load(original)).worksheets.map((w) => w.name)]);
    const types = again.get('[Content_Types].xml')!.toString('utf8');
    for (const m of types.matchAll(/PartName="\/([^"]+)"/g)) expect(again.has(m[1]!), m[1]).toBe(true);
  });

  it('a file that is no workbook is refused with the code that says why', async () => {
    const input = reviewInput(await validateOne(file), path.basename(file), 'Dinas PUPR');
    await expect(annotateWorkbook(Buffer.from('No.;Jawaban\n1;Ya\n'), input)).rejects.toMatchObject({ code: 'KLA-E004' });
    const broken = await zipBuffer([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'xl/workbook.xml', data: Buffer.from('<workbook><sheets><sheet') }]);
    const e = await annotateWorkbook(broken, input).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(KlaError);
    expect((e as KlaError).code).toBe('KLA-E002');
  });
});

describe('the reader and the feedback sheet', () => {
  const file = path.join(INVALID, 'KEMENAG MERANGIN KLA 2026 (isian teks).xlsx');

  it('the feedback sheet is not one of the sheets read, also after an officer renamed it', async () => {
    const { out, original } = await annotateFile(file);
    const plain = await readWorkbookBuffer(original, 'asli.xlsx');
    const annotated = await readWorkbookBuffer(out, 'catatan.xlsx');
    expect(plain.status).toBe('read');
    expect(annotated.status).toBe('read');
    if (plain.status !== 'read' || annotated.status !== 'read') return;
    expect(annotated.data.sheetNames).toEqual(plain.data.sheetNames);
    expect(annotated.data).toEqual(plain.data);
    expect(annotated.findings).toEqual(plain.findings);

    // Excel renames the sheet and updates the names that point at it.
    const parts = await partsOf(out);
    const wb = parts.get('xl/workbook.xml')!.toString('utf8').replaceAll(SHEETS.feedback, 'Hasil Periksa DPPPA');
    const renamed = await zipBuffer([...parts].map(([name, data]) => ({ name, data: name === 'xl/workbook.xml' ? Buffer.from(wb) : data })));
    const r = await readWorkbookBuffer(renamed, 'catatan.xlsx');
    expect(r.status).toBe('read');
    if (r.status === 'read') expect(r.data.sheetNames).toEqual(plain.data.sheetNames);
  });
});

describe('workbooks saved by other programs, and sheets the template never had', () => {
  let dir: string;
  beforeAll(() => {
    dir = tmpDir('kla-annotate-');
  });

  it('re-saved by LibreOffice: its notes keep their runs, the message follows in the same font', async () => {
    const lo = path.join(dir, 'lo');
    mkdirSync(lo);
    const src = path.join(INVALID, 'KLA_2026_DISDIKBUD_tanpa data dukung.xlsx');
    const saved = await soffice(src, 'xlsx', lo);
    const report = await validateOne(saved);
    expect(findings(report).map(([c, s, x]) => `${c} ${s}!${x}`).sort()).toEqual(['KLA-W222 Jawaban!H16', 'KLA-W222 Jawaban!H27', 'KLA-W222 Jawaban!H43']);
    const { out } = await annotateFile(saved, report);
    const [before, after] = [await load(readFileSync(saved)), await load(out)];
    for (const ref of ['H16', 'H27', 'H43']) {
      const cell = after.getWorksheet(SHEETS.answers)!.getCell(ref);
      const own = noteText(before.getWorksheet(SHEETS.answers)!.getCell(ref))!;
      expect(own).toContain('Wajib diisi');
      expect(noteText(cell)!.startsWith(`${own}\n\n${NOTE_HEADING}\n`)).toBe(true);
      const runs = (cell.note as { texts: { font?: Partial<ExcelJS.Font>; text: string }[] }).texts;
      const [first, heading, message] = [runs[0]!, runs[runs.length - 2]!, runs[runs.length - 1]!];
      expect(heading.font).toMatchObject({ bold: true, name: first.font!.name, size: first.font!.size });
      expect(message.font?.bold).toBeFalsy();
      expect(message.font?.name).toBe(first.font!.name);
      expect(cell.fill).toMatchObject({ fgColor: { argb: HIGHLIGHT.warning } });
    }
    // LibreOffice selects its first tab; the feedback sheet is now the only selected one.
    const parts = await partsOf(out);
    for (const n of [SHEETS.instructions, SHEETS.identity, SHEETS.answers]) expect(parts.get(sheetPart(parts, n))!.toString('utf8')).not.toMatch(/tabSelected="(1|true)"/);
    expect(findings(await validateOne(writeTo(path.join(dir, 'lo-catatan.xlsx'), out)))).toEqual(findings(report));
  });

  it('saved by openpyxl: plain-text notes, prefixed VML and absolute targets are extended in kind', async () => {
    const src = path.join(INVALID, 'PUPR - KLA 2026 (persen salah).xlsx');
    const resaved = path.join(dir, 'openpyxl.xlsx');
    execFileSync(PYTHON, ['-c', 'import openpyxl,sys; openpyxl.load_workbook(sys.argv[1]).save(sys.argv[2])', src, resaved]);
    // The original's findings are where openpyxl's copy has them too (the reader cannot read openpyxl files yet).
    const report = await validateOne(src);
    const input = reviewInput(report, path.basename(src), 'Dinas PUPR');
    input.annotations.push({ sheet: SHEETS.answers, cell: 'H6', severity: 'warning', message: 'Mohon periksa kembali nama berkas data dukung.' });
    const out = await annotateWorkbook(readFileSync(resaved), input);
    const parts = await partsOf(out);
    // openpyxl's own note parts are extended where they are, not duplicated.
    expect([...parts.keys()].filter((n) => /comments?\d*\.xml$/.test(n)).sort()).toEqual(['xl/comments/comment1.xml']);
    const vml = parts.get('xl/drawings/commentsDrawing1.vml')!.toString('utf8');
    expect(vml).toMatch(/<v:shape xmlns:v="urn:schemas-microsoft-com:vml"[^>]*id="_x0000_s\d+"/);
    const annotatedPath = writeTo(path.join(dir, 'openpyxl-catatan.xlsx'), out);
    const [was, seen] = [resaved, annotatedPath].map((f) => JSON.parse(execFileSync(PYTHON, ['-c', OPENPYXL_VIEW, f]).toString()));
    expect(seen.sheets).toEqual([SHEETS.feedback, ...was.sheets]);
    expect(seen.states).toEqual(['visible', ...was.states]);
    expect(seen.active).toBe(SHEETS.feedback);
    expect(seen.F14).toEqual({ ...was.F14, fill: HIGHLIGHT.error, note: `${NOTE_HEADING}\n${input.annotations[0]!.message}` });
    expect(seen.H6).toEqual({ ...was.H6, fill: HIGHLIGHT.warning, note: `${was.H6.note}\n\n${NOTE_HEADING}\nMohon periksa kembali nama berkas data dukung.` });
    expect(was.H6.note).toContain('Wajib diisi');
    for (const k of ['titles', 'protection', 'validations', 'merged']) expect(seen[k], k).toEqual(was[k]);
    expect(was.validations.length).toBeGreaterThan(0);
  });

  it('a sheet with a picture and printer settings: both stay, the note drawing goes after the picture drawing', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(SHEETS.answers);
    ws.getCell('B2').value = 'Jawaban';
    ws.getCell('B3').note = 'Petunjuk pengisian.';
    // A 1x1 PNG, as a logo pasted into the sheet.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==', 'base64');
    ws.addImage(wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' }), 'D2:E4');
    const written = await partsOf(Buffer.from(await wb.xlsx.writeBuffer()));
    // Excel stores the printer's own settings as a binary part the sheet's page setup points at.
    const sheet = sheetPart(written, SHEETS.answers);
    const rels = `xl/worksheets/_rels/${path.posix.basename(sheet)}.rels`;
    const settings = Buffer.from([0x50, 0x52, 0x4e, 0x54, 0, 1, 2, 3, 0xff]);
    written.set('xl/printerSettings/printerSettings1.bin', settings);
    written.set(
      rels,
      Buffer.from(written.get(rels)!.toString('utf8').replace('</Relationships>', '<Relationship Id="rIdPrn" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/printerSettings" Target="../printerSettings/printerSettings1.bin"/></Relationships>')),
    );
    written.set(sheet, Buffer.from(written.get(sheet)!.toString('utf8').replace(/<pageSetup\b([^>]*?)\/>/, '<pageSetup$1 r:id="rIdPrn"/>')));
    written.set('[Content_Types].xml', Buffer.from(written.get('[Content_Types].xml')!.toString('utf8').replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"/></Types>')));
    const original = await zipBuffer([...written].filter(([n]) => !n.endsWith('/')).map(([name, data]) => ({ name, data })));
    expect(written.get(sheet)!.toString('utf8')).toContain('r:id="rIdPrn"');

    const input: AnnotateInput = {
      ...reviewInput({ diagnostics: [] }, 'gambar.xlsx', 'Dinas Uji'),
      annotations: [
        { sheet: SHEETS.answers, cell: 'B3', severity: 'error', message: 'Sel dengan catatan.' },
        { sheet: SHEETS.answers, cell: 'B2', severity: 'warning', message: 'Sel tanpa catatan.' },
      ],
    };
    const out = await annotateWorkbook(original, input);
    const [before, after] = [await partsOf(original), await partsOf(out)];
    const kept = [...before.keys()].filter((n) => /media\/|drawings\/(_rels\/)?drawing|printerSettings/.test(n));
    expect(kept.length).toBeGreaterThanOrEqual(4);
    for (const name of kept) expect(after.get(name)!.equals(before.get(name)!), name).toBe(true);
    const xml = after.get(sheet)!.toString('utf8');
    expect(xml).toContain('r:id="rIdPrn"');
    expect(xml.indexOf('<drawing ')).toBeGreaterThan(0);
    expect(xml.indexOf('<drawing ')).toBeLessThan(xml.indexOf('<legacyDrawing '));
    const back = await load(out);
    const got = back.getWorksheet(SHEETS.answers)!;
    expect(got.getImages()).toHaveLength(1);
    expect(noteText(got.getCell('B3'))).toBe(`Petunjuk pengisian.\n\n${NOTE_HEADING}\nSel dengan catatan.`);
    expect(noteText(got.getCell('B2'))).toBe(`${NOTE_HEADING}\nSel tanpa catatan.`);
    expect(after.get(rels)!.toString('utf8')).toContain('Target="../printerSettings/printerSettings1.bin"');
  });

  it('a sheet without notes, named with spaces and an apostrophe, with a table: new notes, new cells and rows, links that land', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Lampiran O'Brien (2)");
    ws.addTable({ name: 'Rincian', ref: 'A1', columns: [{ name: 'No' }, { name: 'Uraian' }], rows: [[1, 'Satu'], [2, 'Dua'], [3, 'Tiga']] });
    ws.getCell('A10').value = 'baris sepuluh';
    const original = Buffer.from(await wb.xlsx.writeBuffer());
    const sheet = "Lampiran O'Brien (2)";
    const input: AnnotateInput = {
      ...reviewInput({ diagnostics: [] }, 'lampiran.xlsx', 'Dinas Uji'),
      annotations: [
        { sheet, cell: 'B2', severity: 'error', message: 'Sel yang ada.' },
        { sheet, cell: 'D2', severity: 'warning', message: 'Sel baru pada baris yang ada.' },
        { sheet, cell: 'C6', severity: 'info', message: 'Baris baru di antara baris yang ada.' },
        { sheet, cell: 'B12', severity: 'warning', message: 'Baris baru di akhir.' },
        { sheet, cell: 'B12', severity: 'error', message: 'Temuan kedua pada sel yang sama.' },
        { sheet: 'Tidak Ada', cell: 'A1', severity: 'error', message: 'Lembar yang tidak ada.' },
      ],
    };
    input.sheet.sections[0]!.rows = input.annotations.map((a, i) => ({ cells: [i + 1, `${a.sheet}!${a.cell}`, '', '', a.message], link: { sheet: a.sheet, cell: a.cell }, severity: a.severity }));
    const out = await annotateWorkbook(original, input);
    const parts = await partsOf(out);
    const xml = parts.get(sheetPart(parts, sheet))!.toString('utf8');
    // Schema order: legacyDrawing before tableParts.
    expect(xml.indexOf('<legacyDrawing')).toBeGreaterThan(xml.indexOf('</sheetData>'));
    expect(xml.indexOf('<legacyDrawing')).toBeLessThan(xml.indexOf('<tableParts'));
    const rows = [...xml.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1]));
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(rows).toEqual(expect.arrayContaining([2, 6, 10, 12]));
    expect([...(/<row r="2"[\s\S]*?<\/row>/.exec(xml)![0].matchAll(/<c r="([A-Z]+)2"/g))].map((m) => m[1])).toEqual(['A', 'B', 'D']);
    expect(/<dimension ref="([^"]+)"/.exec(xml)![1]).toBe('A1:D12');

    const read = await load(out);
    const got = read.getWorksheet(sheet)!;
    expect(noteText(got.getCell('B2'))).toBe(`${NOTE_HEADING}\nSel yang ada.`);
    expect(noteText(got.getCell('B12'))).toBe(`${NOTE_HEADING}\n• Baris baru di akhir.\n• Temuan kedua pada sel yang sama.`);
    expect(got.getCell('B12').fill).toMatchObject({ fgColor: { argb: HIGHLIGHT.error } });
    expect(got.getCell('C6').fill).toMatchObject({ fgColor: { argb: HIGHLIGHT.info } });
    expect(got.getCell('B2').value).toBe('Satu');
    expect(got.getCell('A10').value).toBe('baris sepuluh');

    const links = hyperlinks(parts.get(sheetPart(parts, SHEETS.feedback))!.toString('utf8'));
    expect(links.map((l) => l.location)).toEqual(["'Lampiran O''Brien (2)'!B2", "'Lampiran O''Brien (2)'!D2", "'Lampiran O''Brien (2)'!C6", "'Lampiran O''Brien (2)'!B12", "'Lampiran O''Brien (2)'!B12"]);

    // LibreOffice opens it: notes, fills and the links to the quoted sheet name survive its own save.
    const lo = path.join(dir, 'lampiran');
    mkdirSync(lo);
    const saved = await soffice(writeTo(path.join(dir, 'lampiran.xlsx'), out), 'xlsx', lo);
    const back = await load(readFileSync(saved));
    expect(back.worksheets[0]!.name).toBe(SHEETS.feedback);
    expect(noteText(back.getWorksheet(sheet)!.getCell('D2'))).toContain('Sel baru pada baris yang ada.');
    expect(back.getWorksheet(sheet)!.getCell('D2').fill).toMatchObject({ fgColor: { argb: HIGHLIGHT.warning } });
    const loParts = await partsOf(readFileSync(saved));
    const loLinks = hyperlinks(loParts.get(sheetPart(loParts, SHEETS.feedback))!.toString('utf8').replace(/ t="s"/g, ''));
    expect(loLinks.map((l) => l.location)).toEqual(expect.arrayContaining(["'Lampiran O''Brien (2)'!B2", "'Lampiran O''Brien (2)'!B12"]));
  });
});

/** What openpyxl sees of a workbook: sheets, two cells of the answer sheet, its print titles, protection, validations. */
const OPENPYXL_VIEW = [
  'import json,sys,openpyxl',
  'wb=openpyxl.load_workbook(sys.argv[1])',
  'ws=wb["Jawaban"]',
  'cell=lambda r:{"note":ws[r].comment.text if ws[r].comment else None,"fill":ws[r].fill.fgColor.rgb,"fmt":ws[r].number_format,"locked":ws[r].protection.locked,"font":[ws[r].font.name,ws[r].font.sz,ws[r].font.b],"border":ws[r].border.left.style,"value":ws[r].value}',
  'p=ws.protection',
  'print(json.dumps({"sheets":wb.sheetnames,"active":wb.active.title,"states":[s.sheet_state for s in wb.worksheets],"F14":cell("F14"),"H6":cell("H6"),"titles":ws.print_title_rows,',
  '"protection":[p.sheet,p.insertRows,p.deleteRows,p.formatCells],"validations":sorted([str(v.sqref)+" "+str(v.type)+" "+str(v.formula1) for v in ws.data_validations.dataValidation]),"merged":sorted(str(m) for m in ws.merged_cells.ranges)}))',
].join('\n');

function writeTo(file: string, data: Buffer): string {
  writeFileSync(file, data);
  return file;
}

/** Cell fixes an officer would make, per invalid workbook. */
const FIXES: Record<string, [string, string, string | number][]> = {
  'PUPR - KLA 2026 (persen salah).xlsx': [[SHEETS.answers, 'F14', 92]],
  'KEMENAG MERANGIN KLA 2026 (isian teks).xlsx': [[SHEETS.answers, 'F22', 80]],
  'BPBD kla 2026 (NIP 16 digit).xlsx': [[SHEETS.identity, 'C11', '198703152010011002']],
  'Diskominfo_KLA2026_tanpa nama petugas.xlsx': [[SHEETS.identity, 'C10', 'Rina Marlina, S.Kom.']],
  'UNIT PPA POLRES KLA 2026 (email).xlsx': [[SHEETS.identity, 'C14', 'unitppa.polres@merangin.go.id']],
  'KLA_2026_DISDIKBUD_tanpa data dukung.xlsx': [
    [SHEETS.answers, 'H16', 'SK Satgas PAUD 2025.pdf'],
    [SHEETS.answers, 'H27', 'Data APK 2025.pdf'],
    [SHEETS.answers, 'H43', 'Daftar sekolah ramah anak.pdf'],
  ],
  'Dispusip KLA 2026 (persen teks).xlsx': [[SHEETS.answers, 'F9', 12840]],
};

describe('round trip: annotate, fix the cells, send back, validate', () => {
  let dir: string;
  const annotated = new Map<string, string>();
  const fixed = new Map<string, string>();
  beforeAll(async () => {
    dir = tmpDir('kla-annotate-rt-');
    for (const [f, fixes] of Object.entries(FIXES)) {
      const { out, report } = await annotateFile(path.join(INVALID, f));
      // Every fix answers a finding the annotated copy shows.
      for (const [sheet, cell] of fixes) expect(findings(report), f).toContainEqual([expect.any(String), sheet, cell]);
      annotated.set(f, writeTo(path.join(dir, `catatan ${f}`), out));
      const wb = await load(out);
      for (const [sheet, cell, value] of fixes) wb.getWorksheet(sheet)!.getCell(cell).value = value;
      fixed.set(f, writeTo(path.join(dir, `diperbaiki ${f}`), Buffer.from(await wb.xlsx.writeBuffer())));
    }
  });

  it('fixed with exceljs: no findings', async () => {
    for (const [f, file] of fixed) expect(findings(await validateOne(file)), f).toEqual([]);
  });

  it('fixed, then saved again by LibreOffice: no findings; not fixed, it reports the original findings only', async () => {
    const lo = path.join(dir, 'libreoffice');
    mkdirSync(lo);
    await soffice([...fixed.values(), ...annotated.values()], 'xlsx', lo);
    for (const f of fixed.keys()) {
      const resaved = path.join(lo, `diperbaiki ${f}`);
      expect(findings(await validateOne(resaved)), f).toEqual([]);
      const wb = await load(readFileSync(resaved));
      expect(wb.worksheets[0]!.name).toBe(SHEETS.feedback);
      const unfixed = await validateOne(path.join(lo, `catatan ${f}`));
      expect(findings(unfixed), f).toEqual(findings(await validateOne(path.join(INVALID, f))));
    }
  });

  it('fixed with openpyxl: no findings', async (ctx) => {
    const probe = path.join(dir, 'openpyxl-probe.xlsx');
    execFileSync(PYTHON, ['-c', 'import openpyxl,sys; openpyxl.load_workbook(sys.argv[1]).save(sys.argv[2])', path.join(ROOT, 'submissions', 'PUPR - KLA 2026.xlsx'), probe]);
    const read = await readWorkbookBuffer(readFileSync(probe), 'probe.xlsx');
    if (read.status !== 'read') {
      // exceljs only finds notes where Excel stores them; openpyxl stores them elsewhere (issue 13).
      ctx.skip('the reader cannot read workbooks saved by openpyxl yet');
      return;
    }
    for (const [f, fixes] of Object.entries(FIXES)) {
      const out = path.join(dir, `openpyxl ${f}`);
      const script = ['import openpyxl,sys,json', 'wb=openpyxl.load_workbook(sys.argv[1])', 'for s,c,v in json.loads(sys.argv[3]): wb[s][c].value=v', 'wb.save(sys.argv[2])'].join('\n');
      execFileSync(PYTHON, ['-c', script, annotated.get(f)!, out, JSON.stringify(fixes)]);
      expect(findings(await validateOne(out)), f).toEqual([]);
    }
  });
});

describe('LibreOffice prints the feedback sheet for an officer', () => {
  it('on A4 portrait pages, with the title, every finding and its cell', async () => {
    const dir = tmpDir('kla-annotate-pdf-');
    const src = path.join(INVALID, 'KLA_2026_DISDIKBUD_tanpa data dukung.xlsx');
    const { out, report } = await annotateFile(src);
    const pdf = await soffice(writeTo(path.join(dir, 'catatan disdikbud.xlsx'), out), 'pdf', dir);
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '1', pdf]).toString();
    expect(info).toMatch(/Page\s+1 size:\s+595[.\d]* x 84[12][.\d]* pts \(A4\)/);
    const text = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', pdf, '-']).toString().replace(/\s+/g, ' ');
    expect(text).toContain('Catatan Pemeriksaan Lembar Kerja Evaluasi Mandiri KLA 2026');
    const shown = report.diagnostics.filter((x) => x.code !== 'KLA-I013');
    expect(shown.length).toBeGreaterThan(0);
    for (const d of shown) expect(text).toContain(`${d.location.sheet}!${d.location.cell}`);
    expect(text).not.toMatch(/KLA-[EWI]\d{3}/);
  });
});
