/**
 * `kla feedback` on the example's invalid set: one annotated workbook and one
 * letter per OPD with problems, a letter for the workbook of another year, a
 * reminder for each OPD that sent nothing; every problem cell carries its
 * note (read back); the letters read as letters (text and positions); two runs
 * give the same bytes; the round trip (fix the cells with exceljs and with
 * LibreOffice, validate) is clean. Then the refusals, --opd, an unreadable
 * workbook and English.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { main } from '../src/cli/main.js';
import { memoryContext } from '../src/cli/context.js';
import { diag, formatMessage } from '../src/diagnostics/index.js';
import { loadProject, questionsForOpd, type Project } from '../src/project/config.js';
import { validateInputs, type ValidationReport } from '../src/validate/index.js';
import { buildTemplateWorkbook, templateBytes, templateFileName } from '../src/workbook/template.js';
import { letterSettings } from '../src/feedback/plan.js';
import { RECORD_FILE } from '../src/io/files.js';
import { HIGHLIGHT } from '../src/workbook/annotate.js';
import { SHEETS } from '../src/workbook/layout.js';
import type { Severity } from '../src/model.js';
import { NOTE_HEADING } from './annotate-helpers.js';
import { pdfPages } from './dossier.pdf.js';
import { makeProject, soffice, tmpDir } from './validate-helpers.js';

const ROOT = path.resolve('fixtures/merangin');
const INVALID = path.join(ROOT, 'invalid');

interface FeedbackJson {
  schemaVersion: number;
  folder: string;
  opds: { code: string; kind: string; letter: string | null; number: string | null; workbook: string | null; errors: number; warnings: number; files: string[] }[];
}
interface StatusJson {
  opds: { code: string; file: string | null; evidenceMissing: { questionId: string; sheet: string; cell: string; notFound: string[] }[] }[];
}
interface Expected {
  file: string;
  from: string;
  mistakes: { code: string | null; sheet: string; cell: string; with?: string[] }[];
}

async function run(cwd: string, args: string[], lang: 'id' | 'en' = 'id') {
  const ctx = memoryContext(lang, cwd);
  const code = await main(args, ctx);
  return { code, out: ctx.stdout, err: ctx.stderr };
}

/** Text items of a PDF with their page and position (points from the bottom left). */
async function pdfItems(data: Uint8Array): Promise<{ str: string; page: number; x: number; y: number }[]> {
  const doc = await getDocument({ data: new Uint8Array(data), isEvalSupported: false }).promise;
  const out: { str: string; page: number; x: number; y: number }[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const tc = await (await doc.getPage(p)).getTextContent();
    for (const it of tc.items) if ('str' in it && it.str.trim() !== '') out.push({ str: it.str.trim(), page: p, x: it.transform[4] as number, y: it.transform[5] as number });
  }
  await doc.destroy();
  return out;
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  return wb;
}

function noteText(cell: ExcelJS.Cell): string {
  const n = cell.note as string | { texts?: { text: string }[] } | undefined;
  return n === undefined ? '' : typeof n === 'string' ? n : (n.texts ?? []).map((t) => t.text).join('');
}

const expected = JSON.parse(readFileSync(path.join(INVALID, 'expected.json'), 'utf8')) as Expected[];
const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

let project: Project;
let outA: string;
let outB: string;
let fb: FeedbackJson;
let report: ValidationReport;
let evidence: StatusJson;
const byOpd = (code: string) => fb.opds.find((o) => o.code === code)!;
const letterOf = (code: string) => byOpd(code).files.find((f) => f.endsWith('.pdf'));
const workbookOf = (code: string) => byOpd(code).files.find((f) => f.endsWith('.xlsx'));

beforeAll(async () => {
  project = loadProject(ROOT);
  const dir = tmpDir('kla-feedback-');
  outA = path.join(dir, 'umpan balik (1)');
  outB = path.join(dir, 'umpan balik (2)');
  const a = await run(INVALID, ['feedback', '--project', ROOT, '.', '-o', outA, '-f', 'json']);
  expect(a.code).toBe(0);
  fb = JSON.parse(a.out) as FeedbackJson;
  expect((await run(INVALID, ['feedback', '--project', ROOT, '.', '-o', outB])).code).toBe(0);
  report = await validateInputs(project, ['.'], { cwd: INVALID, jobs: 1 });
  evidence = JSON.parse((await run(INVALID, ['status', '--project', ROOT, '.', '-f', 'json'])).out) as StatusJson;
});

describe('the invalid set', () => {
  it('two runs on the same inputs give the same bytes', () => {
    const files = readdirSync(outA).sort();
    expect(readdirSync(outB).sort()).toEqual(files);
    expect(files.length).toBeGreaterThan(30);
    for (const f of files) expect(readFileSync(path.join(outB, f)).equals(readFileSync(path.join(outA, f))), f).toBe(true);
  });

  it('an annotated workbook and a letter for each OPD with problems; a letter for the unusable workbook and a reminder for each OPD that sent nothing; nothing for the sender itself', () => {
    const sent = new Set(expected.map((e) => e.from));
    expect(fb.opds.map((o) => o.code).sort()).toEqual(project.config.opds.map((o) => o.code).sort());
    for (const o of fb.opds) {
      const want = o.code === 'HUKUM' ? 'unusable' : sent.has(o.code) ? 'problems' : 'missing';
      expect(o.kind, o.code).toBe(want);
      const files = o.files.map((f) => path.extname(f)).sort();
      // Problems: the annotated copy and the letter; nothing sent or nothing usable: the letter and the template it asks to be filled.
      expect(files, o.code).toEqual(o.code === 'DPPPA' ? [] : ['.pdf', '.xlsx']);
      if (o.letter !== null) expect(o.letter, o.code).toBe(project.config.opds.find((x) => x.code === o.code)!.letter ?? 'nota-dinas');
    }
    // Every documented error or warning in a workbook that counts makes its OPD one with problems.
    for (const e of expected) {
      // Last year's workbook is reported, not annotated (below).
      if (e.mistakes.some((m) => m.code === 'KLA-E107')) continue;
      if (e.mistakes.some((m) => m.code !== null && !m.with && !m.code.startsWith('KLA-I'))) expect(byOpd(e.from).workbook, e.file).toBe(e.file);
    }
    // Letters are numbered in config order from the configured first number.
    const numbered = project.config.opds.map((o) => byOpd(o.code)).filter((o) => o.number !== null);
    expect(numbered.map((o) => o.number)).toEqual(numbered.map((_, i) => `400.2/${101 + i}/DPPPA/II/2026`));
  });

  it('a letter asking for the template to be filled has it beside it, under the name the letter gives, as kla template writes it', async () => {
    const asked = fb.opds.filter((o) => (o.kind === 'missing' || o.kind === 'unusable') && o.letter !== null);
    expect(asked.length).toBeGreaterThan(3);
    for (const o of asked) {
      const opd = project.config.opds.find((x) => x.code === o.code)!;
      const file = o.files.find((f) => f.endsWith('.xlsx'))!;
      expect(path.basename(file), o.code).toBe(templateFileName(project, opd));
      const letter = (await pdfPages(readFileSync(path.resolve(INVALID, letterOf(o.code)!)))).join(' ');
      expect(letter, o.code).toContain(templateFileName(project, opd));
      expect(readFileSync(path.resolve(INVALID, file)).equals(await templateBytes(await buildTemplateWorkbook(project, opd))), o.code).toBe(true);
    }
  });

  it('each problem cell of each annotated workbook carries its findings in its note, after the template\'s own instruction, and the fill of the worst', async () => {
    for (const o of fb.opds.filter((x) => x.kind === 'problems')) {
      const original = await load(path.join(INVALID, o.workbook!));
      const wb = await load(path.resolve(INVALID, workbookOf(o.code)!));
      expect(wb.worksheets[0]!.name).toBe(SHEETS.feedback);
      const own = report.diagnostics.filter((d) => d.location.file === o.workbook && d.location.sheet && d.location.cell);
      const ev = evidence.opds.find((x) => x.code === o.code)!.evidenceMissing.filter((e) => e.notFound.length > 0);
      const findings = [
        ...own,
        ...ev.map((e) => diag('KLA-W810', { question: e.questionId, files: e.notFound }, { file: o.workbook!, sheet: e.sheet, cell: e.cell }, e.questionId)),
      ];
      expect(findings.length, o.code).toBeGreaterThan(0);
      const byCell = new Map<string, { sheet: string; cell: string; severity: Severity; messages: string[] }>();
      for (const d of findings) {
        const k = `${d.location.sheet}!${d.location.cell}`;
        const m = byCell.get(k) ?? { sheet: d.location.sheet!, cell: d.location.cell!, severity: d.severity, messages: [] };
        if (RANK[d.severity] > RANK[m.severity]) m.severity = d.severity;
        m.messages.push(formatMessage(d, 'id', { namesOnly: true, opdName: (code) => project.config.opds.find((x) => x.code === code)?.name }));
        byCell.set(k, m);
      }
      for (const m of byCell.values()) {
        const sheet = original.getWorksheet(m.sheet)!;
        if (sheet.state !== 'visible') continue;
        const note = noteText(wb.getWorksheet(m.sheet)!.getCell(m.cell));
        const before = noteText(sheet.getCell(m.cell));
        expect(note.startsWith(before ? `${before}\n\n${NOTE_HEADING}` : NOTE_HEADING), `${o.code} ${m.sheet}!${m.cell}`).toBe(true);
        for (const text of m.messages) expect(note, `${o.code} ${m.sheet}!${m.cell}`).toContain(text);
        expect(wb.getWorksheet(m.sheet)!.getCell(m.cell).fill, `${o.code} ${m.sheet}!${m.cell}`).toMatchObject({ fgColor: { argb: HIGHLIGHT[m.severity] } });
      }
    }
  });

  it('the last year\'s workbook is not annotated but reported, and its letter asks for this year\'s template', async () => {
    const h = byOpd('HUKUM');
    // No annotated copy: the letter and the template it asks to be filled.
    expect([h.kind, h.workbook, h.files.map((f) => path.basename(f))]).toEqual(['unusable', null, [path.basename(letterOf('HUKUM')!), templateFileName(project, project.config.opds.find((o) => o.code === 'HUKUM')!)]]);
    const text = (await pdfPages(readFileSync(path.resolve(INVALID, letterOf('HUKUM')!)))).join(' ');
    expect(text).toContain('Bag Hukum KLA 2025 (templat lama).xlsx');
    expect(text).toContain('tahun evaluasi 2025');
    expect(text).toContain(templateFileName(project, project.config.opds.find((o) => o.code === 'HUKUM')!));
  });

  it('every letter: letterhead, number, date, subject, the addressee\'s head, the deadline, signature block with name, rank and NIP; no codes, keys or tool names', async () => {
    const c = project.config.signatories.coordinator;
    for (const o of fb.opds.filter((x) => x.letter !== null)) {
      const opd = project.config.opds.find((x) => x.code === o.code)!;
      const pages = await pdfPages(readFileSync(path.resolve(INVALID, letterOf(o.code)!)));
      const text = pages.join(' ');
      // The signature never stands alone on a page: the closing sentence is on its page.
      expect(pages.find((p) => p.includes(c.name)), o.code).toContain('Demikian kami sampaikan');
      for (const s of ['PEMERINTAH KABUPATEN MERANGIN', 'DINAS PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK', o.number!, '16 Februari 2026', '27 Februari 2026', opd.head ?? `Kepala ${opd.name}`, c.name, c.rank!, `NIP ${c.nip}`]) {
        expect(text, `${o.code}: ${s}`).toContain(s);
      }
      expect(text).toContain(o.kind === 'problems' ? 'Perbaikan Lembar Kerja' : o.kind === 'missing' ? 'Permintaan Lembar Kerja' : 'Penyampaian Ulang Lembar Kerja');
      if (o.kind === 'missing') {
        expect(text).toContain(templateFileName(project, opd));
        expect(text).toContain(`${questionsForOpd(project, o.code).length} pertanyaan`);
      }
      expect(text, o.code).not.toMatch(/KLA-[EWI]\d{3}|letters\.|deadline|\bkla \d+\.\d+|\{seq\}/);
    }
  });

  it('a problems letter names the cell of each thing to fix and each missing data dukung', async () => {
    for (const code of ['KEMENAG', 'PUPR', 'BPBD', 'DISDIKBUD', 'DISNAKER']) {
      const o = byOpd(code);
      const text = (await pdfPages(readFileSync(path.resolve(INVALID, letterOf(code)!)))).join(' ');
      for (const d of report.diagnostics.filter((x) => x.location.file === o.workbook && x.severity !== 'info')) {
        expect(text, `${code} ${d.code}`).toContain(`Lembar ${d.location.sheet}, sel ${d.location.cell}`);
      }
      expect(text).toContain(o.workbook!);
    }
  });

  it('a problems letter lists what must be corrected before what to check again, each in its table, and names other OPDs in full', async () => {
    // Disnaker's unfinished workbook (questions to check again), with an e-mail address that must be corrected.
    const dir = tmpDir('kla-feedback-both-');
    const file = 'Disnaker KLA 2026 (belum lengkap).xlsx';
    const wb = await load(path.join(INVALID, file));
    const identity = wb.getWorksheet('Identitas')!;
    let email: ExcelJS.Cell | undefined;
    identity.eachRow((r) => {
      if (r.getCell(2).text === 'Alamat e-mail') email = r.getCell(3);
    });
    email!.value = 'disnaker@merangin';
    await wb.xlsx.writeFile(path.join(dir, file));
    const out = path.join(dir, 'keluar');
    expect((await run(dir, ['feedback', '--project', ROOT, '.', '--opd', 'DISNAKER', '-o', out])).code).toBe(0);
    const letter = readdirSync(out).find((f) => f.startsWith('DISNAKER') && f.endsWith('.pdf'))!;
    const text = (await pdfPages(readFileSync(path.join(out, letter)))).join(' ').replace(/\s+/g, ' ');
    const must = text.indexOf('Tabel 1. Hal yang wajib diperbaiki');
    const again = text.indexOf('Tabel 2. Hal yang perlu diperiksa kembali');
    expect(must).toBeGreaterThan(0);
    expect(again).toBeGreaterThan(must);
    expect(text.indexOf(`Lembar Identitas, sel ${email!.address}`)).toBeGreaterThan(must);
    expect(text.indexOf(`Lembar Identitas, sel ${email!.address}`)).toBeLessThan(again);
    const checks = report.diagnostics.filter((d) => d.location.file === file && d.severity === 'warning' && d.location.sheet === 'Jawaban' && !['KLA-W222', 'KLA-W810'].includes(d.code));
    expect(checks.length).toBeGreaterThan(0);
    for (const d of checks) expect(text.indexOf(`Lembar Jawaban, sel ${d.location.cell} `), d.location.cell).toBeGreaterThan(again);
    // Other OPDs by the names the OPD knows them by, not the codes of the DPPPA's config.
    expect(text).not.toMatch(/penanggung jawab: [A-Z]{3,}\b/);
  });

  it('both tables of a letter read No., Pertanyaan, Letak, then the remark, and each place fits on one line', async () => {
    for (const code of ['KEMENAG', 'DINKES', 'DISDIKBUD']) {
      const items = await pdfItems(readFileSync(path.resolve(INVALID, letterOf(code)!)));
      const heads = items.filter((i) => i.str === 'Pertanyaan');
      expect(heads.length, code).toBeGreaterThan(0);
      for (const h of heads) {
        const letak = items.find((i) => i.page === h.page && i.str === 'Letak' && Math.abs(i.y - h.y) < 1);
        expect(letak!.x, code).toBeGreaterThan(h.x);
      }
      const places = items.filter((i) => i.str.startsWith('Lembar '));
      expect(places.length, code).toBeGreaterThan(0);
      for (const p of places) expect(p.str, code).toMatch(/^Lembar .+, sel [A-Z]{1,3}\d+$/);
    }
  });

  it('a Surat Dinas: place and date on the right above Nomor, Sifat, Lampiran and Hal on the left, the addressee below them, the signature on the right and the tembusan under it', async () => {
    const items = await pdfItems(readFileSync(path.resolve(INVALID, letterOf('KEMENAG')!)));
    const find = (s: string) => items.find((i) => i.str.startsWith(s))!;
    const [date, nomor, hal, yth, name, copies] = ['Bangko, 16 Februari 2026', 'Nomor', 'Hal', 'Yth.', project.config.signatories.coordinator.name, 'Tembusan:'].map(find);
    expect(date!.x).toBeGreaterThan(297);
    expect(nomor!.x).toBeLessThan(100);
    expect(date!.y).toBeGreaterThan(nomor!.y);
    expect(nomor!.y).toBeGreaterThan(hal!.y);
    expect(hal!.y).toBeGreaterThan(yth!.y);
    expect(name!.x).toBeGreaterThan(297);
    expect([copies!.page, copies!.x < 100]).toEqual([name!.page, true]);
    expect(copies!.page > name!.page || copies!.y < name!.y).toBe(true);
    expect(items.some((i) => i.str === 'NOTA DINAS')).toBe(false);
  });

  it('a Nota Dinas: the title centred under the letterhead, its number under it, then Yth., Dari, Tembusan, Tanggal, Sifat, Lampiran and Hal on the left', async () => {
    const items = await pdfItems(readFileSync(path.resolve(INVALID, letterOf('DINKES')!)));
    const title = items.find((i) => i.str === 'NOTA DINAS')!;
    const width = 595.28;
    const titleWidth = 80;
    expect(Math.abs(title.x + titleWidth / 2 - (85 + (width - 85 - 57) / 2))).toBeLessThan(30);
    const ys = ['Yth.', 'Dari', 'Tembusan', 'Tanggal', 'Sifat', 'Lampiran', 'Hal'].map((s) => items.find((i) => i.str === s && i.page === 1)!);
    for (const y of ys) expect(y.x).toBeLessThan(100);
    expect(ys.map((i) => i.y)).toEqual([...ys.map((i) => i.y)].sort((a, b) => b - a));
    expect(title.y).toBeGreaterThan(ys[0]!.y);
    expect(items.some((i) => i.str.startsWith('Bangko,'))).toBe(false);
  });
});

/** Cell fixes an officer would make in the annotated copy, per OPD. */
const FIXES: Record<string, [string, string, string | number][]> = {
  PUPR: [[SHEETS.answers, 'F14', 92]],
  KEMENAG: [[SHEETS.answers, 'F22', 80]],
  BPBD: [[SHEETS.identity, 'C11', '198703152010011002']],
  KOMINFO: [[SHEETS.identity, 'C10', 'Rina Marlina, S.Kom.']],
  POLRES: [[SHEETS.identity, 'C14', 'unitppa.polres@merangin.go.id']],
  DISDIKBUD: [
    [SHEETS.answers, 'H16', 'SK Satgas PAUD 2025.pdf'],
    [SHEETS.answers, 'H27', 'Data APK 2025.pdf'],
    [SHEETS.answers, 'H43', 'Daftar sekolah ramah anak.pdf'],
  ],
  DISPUSIP: [[SHEETS.answers, 'F9', 12840]],
};

describe('round trip: the annotated copies from kla feedback, fixed and sent back, validate clean', () => {
  let dir: string;
  const fixed = new Map<string, string>();
  beforeAll(async () => {
    dir = tmpDir('kla-feedback-rt-');
    for (const [code, fixes] of Object.entries(FIXES)) {
      const wb = await load(path.resolve(INVALID, workbookOf(code)!));
      for (const [sheet, cell, value] of fixes) wb.getWorksheet(sheet)!.getCell(cell).value = value;
      const file = path.join(dir, `${code} diperbaiki.xlsx`);
      await wb.xlsx.writeFile(file);
      fixed.set(code, file);
    }
  });

  /** Errors and warnings of one workbook checked on its own. */
  const problems = async (file: string) =>
    (await validateInputs(project, [file], { cwd: path.dirname(file), jobs: 1 })).diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.code} ${d.location.sheet}!${d.location.cell}`);

  it('fixed with exceljs: every fix answers a finding, and no finding is left', async () => {
    for (const [code, fixes] of Object.entries(FIXES)) {
      const before = await problems(path.join(INVALID, byOpd(code).workbook!));
      for (const [sheet, cell] of fixes) expect(before.some((p) => p.endsWith(` ${sheet}!${cell}`)), `${code} ${sheet}!${cell}`).toBe(true);
      expect(await problems(fixed.get(code)!), code).toEqual([]);
    }
  });

  it('fixed, then saved by LibreOffice (one conversion for all): no finding is left, and the review sheet is still first', async () => {
    const lo = path.join(dir, 'libreoffice');
    mkdirSync(lo);
    await soffice([...fixed.values()], 'xlsx', lo);
    for (const [code, file] of fixed) {
      const resaved = path.join(lo, path.basename(file));
      expect(await problems(resaved), code).toEqual([]);
      expect((await load(resaved)).worksheets[0]!.name).toBe(SHEETS.feedback);
    }
  });
});

describe('choices and refusals', () => {
  it('--opd: only that OPD\'s files, with the number its letter has in the full run; --format json lists them', async () => {
    const out = tmpDir('kla-feedback-opd-');
    const r = await run(INVALID, ['feedback', '--project', ROOT, '.', '--opd', 'kemenag', '-o', out, '-f', 'json']);
    expect(r.code).toBe(0);
    // The example names where its letters are signed (letters.place: Bangko): nothing to warn of.
    expect(r.err).not.toContain('KLA-W726');
    const j = JSON.parse(r.out) as FeedbackJson;
    expect(j.opds.map((o) => [o.code, o.number])).toEqual([['KEMENAG', byOpd('KEMENAG').number]]);
    // Beside the files, the record of what was written, so that a later run can retire what it supersedes.
    expect(readdirSync(out).sort()).toEqual([RECORD_FILE, ...byOpd('KEMENAG').files.map((f) => path.basename(f))].sort());
    const bytes = readFileSync(path.join(out, path.basename(letterOf('KEMENAG')!)));
    expect(bytes.equals(readFileSync(path.join(outA, path.basename(letterOf('KEMENAG')!))))).toBe(true);
  });

  it('a later run retires what it supersedes: the reminder and blank template of an OPD that has since replied, not the files of other OPDs', async () => {
    const out = path.join(tmpDir('kla-feedback-again-'), 'umpan balik');
    const other = path.join(INVALID, 'BPBD kla 2026 (NIP 16 digit).xlsx');
    // Kemenag has not replied yet: a reminder, with the template beside it.
    expect((await run(INVALID, ['feedback', '--project', ROOT, other, '--opd', 'KEMENAG', '-o', out])).code).toBe(0);
    const first = readdirSync(out).filter((n) => n !== RECORD_FILE).sort();
    expect(first).toEqual(['KEMENAG - Surat Dinas permintaan lembar kerja KLA 2026.pdf', expect.stringMatching(/^KLA 2026 - KEMENAG - .*\.xlsx$/)]);
    expect((await run(INVALID, ['feedback', '--project', ROOT, other, '--opd', 'BPBD', '-o', out])).code).toBe(0);
    const bpbd = readdirSync(out).filter((n) => n.startsWith('BPBD - '));
    expect(bpbd.length).toBeGreaterThan(0);
    // Kemenag replies: its correction letter and annotated copy replace the reminder and the template.
    const r = await run(INVALID, ['feedback', '--project', ROOT, path.join(INVALID, 'KEMENAG MERANGIN KLA 2026 (isian teks).xlsx'), '--opd', 'KEMENAG', '-o', out]);
    expect(r.code, r.err).toBe(0);
    expect(readdirSync(out).filter((n) => n !== RECORD_FILE).sort()).toEqual(
      [...bpbd, 'KEMENAG - KEMENAG MERANGIN KLA 2026 (isian teks) (catatan pemeriksaan).xlsx', 'KEMENAG - Surat Dinas perbaikan lembar kerja KLA 2026.pdf'].sort(),
    );
    expect(r.out).toContain(`Berkas umpan balik sebelumnya yang tidak berlaku lagi telah dihapus (2):\n${first.map((n) => `  ${n}`).join('\n')}`);
  });

  it('a finding that points at another workbook names it as the OPD knows it, by file name, sheet and cell, in the letter and the annotated copy', async () => {
    // In the example, Kemenag's typed share of kecamatan (25.6) contradicts the DPPPA's Kelana/Dekela matrix.
    const out = path.join(tmpDir('kla-feedback-matrix-'), 'umpan balik');
    const r = await run(ROOT, ['feedback', '--opd', 'KEMENAG', '-o', out, '-f', 'json']);
    expect(r.code, r.err).toBe(0);
    const files = (JSON.parse(r.out) as FeedbackJson).opds[0]!.files.map((f) => path.resolve(ROOT, f));
    const letter = (await pdfPages(readFileSync(files.find((f) => f.endsWith('.pdf'))!))).join(' ').replace(/\s+/g, ' ').replace(/(\w)- (\w)/g, '$1-$2');
    expect(letter).toContain('berkas Matriks Kelana-Dekela 2026 - DPPPA Merangin.xlsx, lembar Kecamatan, sel L3');
    const wb = await load(files.find((f) => f.endsWith('.xlsx'))!);
    const note = noteText(wb.getWorksheet(SHEETS.answers)!.getCell('F37'));
    expect(note).toContain('berkas Matriks Kelana-Dekela 2026 - DPPPA Merangin.xlsx, lembar Kecamatan, sel L3');
    for (const text of [letter, note]) expect(text).not.toMatch(/submissions|Kecamatan!/);
  });

  it('an unknown --opd is a usage error (KLA-E514, exit 2), and nothing is written', async () => {
    const out = tmpDir('kla-feedback-none-');
    const r = await run(INVALID, ['feedback', '--project', ROOT, '.', '--opd', 'DINAS-X', '-o', out]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('[KLA-E514]');
    expect(readdirSync(out)).toEqual([]);
    // An OPD named by an alias of the config, as for kla template.
    const alias = await run(INVALID, ['feedback', '--project', ROOT, '.', '--opd', 'Kemenag', '-o', tmpDir('kla-feedback-alias-'), '-f', 'json']);
    expect(alias.code, alias.err).toBe(0);
    expect((JSON.parse(alias.out) as FeedbackJson).opds.map((o) => o.code)).toEqual(['KEMENAG']);
  });

  it('-o naming a file, not a folder, is refused before any letter is made (KLA-E705, exit 2), and the file stays as it was', async () => {
    const dir = tmpDir('kla-feedback-file-');
    const out = path.join(dir, 'umpan balik (lama).txt');
    writeFileSync(out, 'catatan lama');
    const r = await run(INVALID, ['feedback', '--project', ROOT, '.', '-o', out]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('[KLA-E705]');
    expect(r.err).toContain('ada berkas di tempat yang seharusnya folder');
    expect(r.err).toContain('umpan balik (lama).txt tidak dapat ditulis');
    expect(r.err).not.toMatch(/\n\s+at\s/);
    expect(readFileSync(out, 'utf8')).toBe('catatan lama');
    expect(readdirSync(dir)).toEqual(['umpan balik (lama).txt']);
  });

  it('a project without letter settings is refused, naming the keys (KLA-E801), and without the signer\'s name (KLA-E721)', async () => {
    const p = makeProject();
    const r = await run(p.dir, ['feedback']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('[KLA-E801]');
    for (const k of ['"letters.date"', '"letters.number"', '"deadline"']) expect(r.err).toContain(k);
    // The lines it proposes, pasted where it says (after the first "{"), make a config that works.
    const lines = r.err.split('\n').filter((l) => /^ {4}"/.test(l)).map((l) => l.replace(/ \[KLA-E801\]$/, ''));
    expect(lines.length).toBe(2);
    const file = path.join(p.dir, 'kla.config.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('{', `{\n${lines.join('\n')}`));
    const again = await run(p.dir, ['feedback']);
    expect(again.err).not.toContain('[KLA-E801]');
    // A new project's signer is still the text kla init wrote: no letter is signed with it.
    expect(again.code).toBe(2);
    expect(again.err).toContain('[KLA-E721]');
    expect(again.err).toContain('"signatories.coordinator.name"');
    expect(existsSync(path.join(p.dir, 'output', 'umpan-balik'))).toBe(false);
    const config = JSON.parse(readFileSync(file, 'utf8')) as { signatories: { coordinator: { name: string } } };
    config.signatories.coordinator.name = 'Dra. Sri Wahyuni, M.Si.';
    writeFileSync(file, JSON.stringify(config, null, 2));
    const signed = await run(p.dir, ['feedback']);
    expect(signed.code, signed.err).toBeLessThan(2);
    // A kabupaten whose letters would be signed "di Merangin": said, with where to name the place.
    expect(signed.err).toContain('[KLA-W726]');
    expect(signed.err).toContain('"place" di dalam bagian "letters"');
    expect(readdirSync(path.join(p.dir, 'output', 'umpan-balik')).length).toBeGreaterThan(0);
  });

  it('an unknown placeholder in the number pattern (KLA-E802) and an unknown sender (KLA-E803)', async () => {
    for (const [change, code] of [
      [(c: Record<string, unknown>) => ((c.letters as Record<string, unknown>).number = '400.2/{nomor}/{year}'), 'KLA-E802'],
      [(c: Record<string, unknown>) => ((c.letters as Record<string, unknown>).sender = 'DP3A'), 'KLA-E803'],
    ] as const) {
      const dir = tmpDir('kla-feedback-cfg-');
      const config = JSON.parse(readFileSync(path.join(ROOT, 'kla.config.json'), 'utf8')) as Record<string, unknown>;
      change(config);
      writeFileSync(path.join(dir, 'kla.config.json'), JSON.stringify(config));
      mkdirSync(path.join(dir, 'submissions'));
      const r = await run(dir, ['feedback']);
      expect([r.code, r.err.includes(`[${code}]`)], code).toEqual([2, true]);
    }
  });

  it('without "letters.sender", the sender is the OPD the coordinator heads: it names the letterhead\'s office and gets no letter', () => {
    const config = JSON.parse(readFileSync(path.join(ROOT, 'kla.config.json'), 'utf8')) as { letters: Record<string, unknown> };
    delete config.letters.sender;
    const dir = tmpDir('kla-feedback-sender-');
    writeFileSync(path.join(dir, 'kla.config.json'), JSON.stringify(config));
    const s = letterSettings(loadProject(dir));
    expect([s.sender?.code, s.office, s.place, s.deadline]).toEqual(['DPPPA', 'Dinas Pemberdayaan Perempuan dan Perlindungan Anak', 'Bangko', '2026-02-27']);
    expect(byOpd('DPPPA').files).toEqual([]);
  });

  it('a workbook that cannot be read: a letter that says so plainly and asks for the template to be filled again; no annotated copy', async () => {
    const dir = tmpDir('kla-feedback-rusak-');
    writeFileSync(path.join(dir, 'kla.config.json'), readFileSync(path.join(ROOT, 'kla.config.json')));
    copyFileSync(path.join(ROOT, 'lambang-contoh.png'), path.join(dir, 'lambang-contoh.png'));
    mkdirSync(path.join(dir, 'submissions'));
    copyFileSync(path.join(ROOT, 'submissions', 'PUPR - KLA 2026.xlsx'), path.join(dir, 'submissions', 'PUPR - KLA 2026.xlsx'));
    // A download that broke off half way.
    const whole = readFileSync(path.join(ROOT, 'submissions', 'kla 2026 - dinsos final.xlsx'));
    writeFileSync(path.join(dir, 'submissions', 'Dinsos KLA 2026.xlsx'), whole.subarray(0, Math.floor(whole.length / 2)));
    // The template the DPPPA sent (made on another day than a fresh one would be) is the one attached.
    const dinsos = project.config.opds.find((o) => o.code === 'DINSOS')!;
    const sentTemplate = await templateBytes(await buildTemplateWorkbook(project, dinsos, { date: new Date('2026-01-20T00:00:00Z') }));
    mkdirSync(path.join(dir, 'templates'));
    writeFileSync(path.join(dir, 'templates', templateFileName(project, dinsos)), sentTemplate);
    const r = await run(dir, ['feedback', '-f', 'json']);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out) as FeedbackJson;
    const d = j.opds.find((o) => o.code === 'DINSOS')!;
    expect(readFileSync(path.resolve(dir, d.files[1]!)).equals(sentTemplate)).toBe(true);
    expect([d.kind, d.files.length, path.basename(d.files[1]!)]).toEqual(['unusable', 2, templateFileName(project, project.config.opds.find((o) => o.code === 'DINSOS')!)]);
    const text = (await pdfPages(readFileSync(path.resolve(dir, d.files[0]!)))).join(' ');
    expect(text).toContain('Dinsos KLA 2026.xlsx');
    expect(text).toContain('rusak atau tidak lengkap');
    expect(text).toContain(templateFileName(project, project.config.opds.find((o) => o.code === 'DINSOS')!));
  });

  it('English behind --lang en: a memorandum and an official letter', async () => {
    const out = tmpDir('kla-feedback-en-');
    const r = await run(INVALID, ['feedback', '--lang', 'en', '--project', ROOT, '.', '--opd', 'DINKES', '--opd', 'PA', '-o', out, '-f', 'json'], 'en');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as FeedbackJson;
    const memo = (await pdfPages(readFileSync(path.resolve(INVALID, j.opds.find((o) => o.code === 'DINKES')!.files.find((f) => f.endsWith('.pdf'))!)))).join(' ');
    expect(memo).toContain('MEMORANDUM');
    expect(memo).toContain('Corrections to the KLA 2026 Self-Evaluation Workbook');
    const letter = (await pdfPages(readFileSync(path.resolve(INVALID, j.opds.find((o) => o.code === 'PA')!.files[0]!)))).join(' ');
    expect(letter).toContain('Request for the KLA 2026 Self-Evaluation Workbook');
    expect(letter).toContain('Ketua Pengadilan Agama Bangko');
    const wb = await load(path.resolve(INVALID, j.opds.find((o) => o.code === 'DINKES')!.files.find((f) => f.endsWith('.xlsx'))!));
    expect(wb.worksheets[0]!.getCell('A1').text).toContain('Review of the KLA 2026 self-evaluation workbook');
  });
});
