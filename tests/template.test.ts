import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, copyFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { initProject } from '../src/project/init.js';
import { loadProject, type Project, findOpd, opdsForQuestion, questionsForOpd } from '../src/project/config.js';
import { rubricLine, templateFileName, writeTemplates } from '../src/workbook/template.js';
import { loadCatalog } from '../src/catalog/load.js';
import { profileFileName } from '../src/workbook/profile-template.js';
import { fingerprintQuestions } from '../src/catalog/load.js';
import { ANSWER_COLUMNS, ANSWER_FIRST_ROW, ANSWER_HEADER_ROW, ANSWER_TYPE_LABELS, IDENTITY_FIELDS, SHEETS, TEMPLATE_VERSION } from '../src/workbook/layout.js';
import { refusalOfAsync } from './helpers/refusal.js';
import { formatRefusal } from '../src/diagnostics/index.js';
import { kla } from './helpers/cli.js';
import { zipEntry } from './helpers/zip.js';
import { RECORD_FILE } from '../src/io/files.js';

let project: Project;
let outDir: string;
let files: string[];

beforeAll(async () => {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'kla-tpl-')), 'Kab Merangin (uji)');
  initProject({ dir, district: 'Merangin', province: 'Jambi', year: 2026 });
  project = loadProject(dir);
  outDir = path.join(dir, 'templat keluar');
  files = (await writeTemplates(project, outDir)).files.map((f) => f.file);
});

async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

const fileOf = (code: string) => path.join(outDir, templateFileName(project, project.config.opds.find((o) => o.code === code)!));


/** Question ids in column A of the answer sheet. */
function questionIds(wb: ExcelJS.Workbook): string[] {
  const ws = wb.getWorksheet(SHEETS.answers)!;
  const ids: string[] = [];
  for (let r = ANSWER_FIRST_ROW; r <= ws.rowCount; r++) {
    const v = ws.getCell(`A${r}`).value;
    if (typeof v === 'string' && project.catalog.questionById.has(v)) ids.push(v);
  }
  return ids;
}

describe('kla template', () => {
  it('writes one workbook per OPD and the DPPPA profile workbook, named portably', () => {
    expect(files).toHaveLength(project.config.opds.length + 1);
    expect(files.map((f) => path.basename(f))).toContain(profileFileName(project));
    // Beside them, the record of what kla wrote there (a later run retires what it supersedes).
    expect(readdirSync(outDir).sort()).toEqual([RECORD_FILE, ...files.map((f) => path.basename(f))].sort());
    for (const f of files) expect(path.basename(f)).not.toMatch(/[<>:"/\\|?*]/);
  });

  it('spreads all 274 questions: each appears in the workbook of every OPD that answers it', async () => {
    const seen = new Map<string, string[]>();
    for (const opd of project.config.opds) {
      const ids = questionIds(await open(fileOf(opd.code)));
      expect(ids, opd.code).toEqual(questionsForOpd(project, opd.code).map((q) => q.id));
      for (const id of ids) seen.set(id, [...(seen.get(id) ?? []), opd.code]);
    }
    expect(seen.size).toBe(274);
    for (const q of project.catalog.questionList) {
      expect(seen.get(q.id)?.sort(), q.id).toEqual(opdsForQuestion(project, q.id).map((o) => o.code).sort());
    }
  });

  it('copies each question row from the catalog', async () => {
    const wb = await open(fileOf('DINKES'));
    const ws = wb.getWorksheet(SHEETS.answers)!;
    questionsForOpd(project, 'DINKES').forEach((q, i) => {
      const r = ANSWER_FIRST_ROW + i;
      expect(ws.getCell(`${ANSWER_COLUMNS.id}${r}`).value).toBe(q.id);
      expect(ws.getCell(`${ANSWER_COLUMNS.question}${r}`).value).toBe(q.text);
      expect(ws.getCell(`${ANSWER_COLUMNS.points}${r}`).value).toBeCloseTo(q.points, 2);
      expect(ws.getCell(`${ANSWER_COLUMNS.answerType}${r}`).value).toBe(ANSWER_TYPE_LABELS[q.answerType]);
      // The indicator's whole name, never cut short.
      expect(ws.getCell(`${ANSWER_COLUMNS.indicator}${r}`).value).toBe(`${q.indicatorId} — ${project.catalog.indicatorById.get(q.indicatorId)!.name}`);
      expect(ws.getCell(`${ANSWER_COLUMNS.answer}${r}`).value ?? null).toBeNull();
    });
  });

  it('validates answers by type: dropdown of the rubric options, percent 0–100, whole counts >= 0', async () => {
    const wb = await open(fileOf('DINKES'));
    const ws = wb.getWorksheet(SHEETS.answers)!;
    const opsi = wb.getWorksheet(SHEETS.options)!;
    const byId = new Map(questionsForOpd(project, 'DINKES').map((q, i) => [q.id, ANSWER_FIRST_ROW + i]));
    const dv = (id: string, col: 'answer' | 'previous' = 'answer') => ws.getCell(`${ANSWER_COLUMNS[col]}${byId.get(id)}`).dataValidation;

    const list = dv('1.2l');
    expect(list.type).toBe('list');
    const m = /'?Opsi'?!\$([A-Z])\$1:\$\1\$(\d+)/.exec(String(list.formulae[0]));
    expect(m, String(list.formulae[0])).not.toBeNull();
    const options = Array.from({ length: Number(m![2]) }, (_, i) => opsi.getCell(`${m![1]}${i + 1}`).value);
    const rubric = project.catalog.rubrics[project.catalog.questionById.get('1.2l')!.rubric]!;
    expect(options).toEqual(rubric.kind === 'options' ? rubric.options.map((o) => o.value) : []);

    expect(dv('12.3')).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 100] });
    expect(dv('14.7')).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(dv('12.4', 'previous')).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual' });
    expect(dv('12.3').error).toMatch(/antara 0 dan 100/);

    const xml = await zipEntry(fileOf('DINKES'), 'xl/worksheets/sheet3.xml');
    expect(xml).toContain('<dataValidation');
    // Bounded ranges only: no whole-column validation.
    expect(xml).not.toMatch(/sqref="[A-Z]+:[A-Z]+"/);
  });

  it('protects question and header cells and leaves answer cells open', async () => {
    const wb = await open(fileOf('DINSOS'));
    const ws = wb.getWorksheet(SHEETS.answers)!;
    const r = ANSWER_FIRST_ROW;
    for (const c of ['answer', 'evidence', 'note'] as const) expect(ws.getCell(`${ANSWER_COLUMNS[c]}${r}`).protection?.locked, c).toBe(false);
    for (const c of ['id', 'question', 'points', 'answerType'] as const) expect(ws.getCell(`${ANSWER_COLUMNS[c]}${r}`).protection?.locked ?? true, c).toBe(true);
    expect(ws.getCell(`${ANSWER_COLUMNS.question}3`).protection?.locked ?? true).toBe(true);
    const xml = await zipEntry(fileOf('DINSOS'), 'xl/worksheets/sheet3.xml');
    expect(xml).toMatch(/<sheetProtection[^>]*sheet="1"/);
    // OOXML defaults insertRows/deleteRows to protected; formatting rows and columns is allowed.
    expect(xml).not.toMatch(/<sheetProtection[^>]*(insertRows|deleteRows)="0"/);
    expect(xml).toMatch(/<sheetProtection[^>]*formatRows="0"/);
    const idXml = await zipEntry(fileOf('DINSOS'), 'xl/worksheets/sheet2.xml');
    expect(idXml).toMatch(/<sheetProtection/);
    expect(wb.worksheets[0]!.name).toBe(SHEETS.instructions);
    expect(await zipEntry(fileOf('DINSOS'), 'xl/worksheets/sheet1.xml')).toMatch(/<sheetProtection[^>]*sheet="1"/);
    const identity = wb.getWorksheet(SHEETS.identity)!;
    for (const f of IDENTITY_FIELDS) expect(identity.getCell(f.cell).protection?.locked ?? true, f.key).toBe(f.prefilled);
    expect(identity.getCell('C11').numFmt).toBe('@');
  });

  it('previous-year cells are open only where the question asks for the year before', async () => {
    const wb = await open(fileOf('DINKES'));
    const ws = wb.getWorksheet(SHEETS.answers)!;
    questionsForOpd(project, 'DINKES').forEach((q, i) => {
      const cell = ws.getCell(`${ANSWER_COLUMNS.previous}${ANSWER_FIRST_ROW + i}`);
      expect(cell.protection?.locked ?? true, q.id).toBe(!q.previousYear);
      // Not asked: a dash that still shows on a black-and-white printout.
      expect(cell.value ?? null, q.id).toBe(q.previousYear ? null : '—');
    });
  });

  it('ends the answer sheet with a signature block for the head of the OPD, outside the question rows', async () => {
    const ws = (await open(fileOf('DINKES'))).getWorksheet(SHEETS.answers)!;
    const last = ANSWER_FIRST_ROW + questionsForOpd(project, 'DINKES').length - 1;
    const below: string[] = [];
    for (let r = last + 1; r <= ws.rowCount; r++) {
      expect(ws.getCell(`${ANSWER_COLUMNS.id}${r}`).value ?? null, `A${r}`).toBeNull();
      for (const c of ['answer', 'previous', 'evidence', 'note'] as const) expect(ws.getCell(`${ANSWER_COLUMNS[c]}${r}`).value ?? null).toBeNull();
      below.push(ws.getCell(`${ANSWER_COLUMNS.indicator}${r}`).text, ws.getCell(`${ANSWER_COLUMNS.question}${r}`).text);
    }
    const text = below.join('\n');
    expect(text).toContain('Mengetahui,\nKepala Dinas Kesehatan');
    expect(text).toContain('Petugas data anak,');
    expect(text.match(/NIP\. \.+/g)).toHaveLength(2);
  });

  it('protects the hidden sheets and the workbook structure, without a password', async () => {
    for (const code of ['DINKES', 'FAD']) {
      const book = await zipEntry(fileOf(code), 'xl/workbook.xml');
      expect(book).toMatch(/<workbookPr\b[^>]*\/><workbookProtection lockStructure="1"\/>/);
      expect(book).not.toMatch(/Password|hashValue/i);
      const wb = await open(fileOf(code));
      for (const name of [SHEETS.options, SHEETS.meta]) {
        const n = wb.worksheets.findIndex((w) => w.name === name) + 1;
        expect(wb.getWorksheet(name)!.state).toBe('hidden');
        const xml = await zipEntry(fileOf(code), `xl/worksheets/sheet${n}.xml`);
        expect(xml, name).toMatch(/<sheetProtection[^>]*sheet="1"/);
        expect(xml, name).not.toMatch(/<sheetProtection[^>]*(password|hashValue)=/i);
      }
    }
  });

  it('explains each rubric once, in the catalog\'s words, without doubled labels', async () => {
    const ws = (await open(fileOf('DINKES'))).getWorksheet(SHEETS.instructions)!;
    const lines: string[] = [];
    ws.eachRow((row) => lines.push(row.getCell(2).text));
    const used = [...new Set(questionsForOpd(project, 'DINKES').map((q) => q.rubric))];
    for (const rid of used) expect(lines.filter((l) => l.includes(project.catalog.rubrics[rid]!.description)), rid).toHaveLength(1);
    // "Anggaran: Anggaran: …": a label followed by itself.
    for (const l of lines) expect(l).not.toMatch(/^([^:]{3,}): \1\b/iu);
  });

    it('records catalog, version, OPD, district, evaluation year and data year in the hidden metadata sheet', async () => {
    const wb = await open(fileOf('DUKCAPIL'));
    const meta = wb.getWorksheet(SHEETS.meta)!;
    expect(meta.state).toBe('hidden');
    expect(wb.getWorksheet(SHEETS.options)!.state).toBe('hidden');
    const kv = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [meta.getCell(`A${i + 1}`).value, meta.getCell(`B${i + 1}`).value]));
    const qs = questionsForOpd(project, 'DUKCAPIL');
    expect(kv).toMatchObject({
      templateVersion: TEMPLATE_VERSION,
      catalogId: 'kla-2024',
      catalogFingerprint: fingerprintQuestions('kla-2024', qs),
      opdCode: 'DUKCAPIL',
      district: 'Kabupaten Merangin',
      year: 2026,
      dataYear: 2025,
      questionIds: qs.map((q) => q.id).join(','),
    });
    expect(String(kv.generator)).toMatch(/^kla \d/);
  });

  it('names the evaluation year and both data years: answer headers, identity sheet, instructions', async () => {
    const wb = await open(fileOf('DINKES'));
    const ws = wb.getWorksheet(SHEETS.answers)!;
    const header = (c: string) => ws.getCell(`${c}${ANSWER_HEADER_ROW}`).text;
    expect(header('F')).toContain('2025');
    expect(header('G')).toContain('2024');
    expect(ws.getCell('A2').text).toMatch(/2025.*2024/);
    const id = wb.getWorksheet(SHEETS.identity)!;
    expect(id.getCell('C7').value).toBe(2026);
    expect(id.getCell('C8').text).toMatch(/2025.*2024/);
    expect(id.getCell('C8').protection?.locked).not.toBe(false);
    const instructions = wb.getWorksheet(SHEETS.instructions)!.getColumn(2).values.join('\n');
    expect(instructions).toMatch(/tahun 2026 menilai data tahun 2025 .* data tahun 2024/);
    expect(instructions).not.toContain('KLA 2026.pdf');
  });

  it('prints on A4 landscape with the header row repeated', async () => {
    const ws = (await open(fileOf('DINKES'))).getWorksheet(SHEETS.answers)!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
    const xml = await zipEntry(fileOf('DINKES'), 'xl/workbook.xml');
    expect(xml).toMatch(/_xlnm.Print_Titles[^<]*<\/definedName>|Print_Titles/);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
  });

  it('writes data validations whose ranges never overlap (checked in the written XML of every template and sheet)', async () => {
    const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const cells = (sqref: string) =>
      sqref.split(/\s+/).flatMap((range) => {
        const [a, b = a] = range.split(':');
        const [, c1, r1] = /^([A-Z]+)(\d+)$/.exec(a!)!;
        const [, c2, r2] = /^([A-Z]+)(\d+)$/.exec(b!)!;
        const out: string[] = [];
        for (let r = Number(r1); r <= Number(r2); r++) for (let c = col(c1!); c <= col(c2!); c++) out.push(`${c},${r}`);
        return out;
      });
    let validations = 0;
    for (const f of files) {
      for (const sheet of [1, 2, 3]) {
        const xml = await zipEntry(f, `xl/worksheets/sheet${sheet}.xml`);
        const seen = new Set<string>();
        for (const m of xml.matchAll(/<dataValidation\b[^>]*\bsqref="([^"]+)"/g)) {
          validations++;
          for (const c of cells(m[1]!)) {
            expect(seen.has(c), `${path.basename(f)} sheet${sheet} ${c}`).toBe(false);
            seen.add(c);
          }
        }
      }
    }
    // Every answer cell and the two NIP cells of 27 templates.
    expect(validations).toBeGreaterThan(27 * 3);
  });

  it('gives the same bytes when written again', async () => {
    const again = mkdtempSync(path.join(os.tmpdir(), 'kla-tpl-again-'));
    const second = (await writeTemplates(project, again, ['DINKES', 'DPPPA'])).files.map((f) => f.file);
    for (const f of second) expect(readFileSync(f).equals(readFileSync(path.join(outDir, path.basename(f)))), path.basename(f)).toBe(true);
  });

  it('refuses an unknown OPD code, listing the valid ones', async () => {
    const e = await refusalOfAsync(() => writeTemplates(project, outDir, ['DINAS-X']));
    expect(e.code).toBe('KLA-E514');
    expect(e.diagnostics[0]!.params).toMatchObject({ code: 'DINAS-X' });
    expect(e.diagnostics[0]!.params.codes).toContain('DINKES');
    expect(e.diagnostics[0]!.params).not.toHaveProperty('suggestion');
    // A slip away from a code or an alias: the code meant is proposed.
    for (const [typed, meant] of [['DINKSE', 'DINKES'], ['dinsoss', 'DINSOS'], ['Disdukcapl', 'DUKCAPIL']] as const) {
      const slip = await refusalOfAsync(() => writeTemplates(project, outDir, [typed]));
      expect(slip.diagnostics[0]!.params, typed).toMatchObject({ code: typed, suggestion: meant });
      expect(formatRefusal(slip, 'id'), typed).toContain(`Mungkin maksud Anda: ${meant}?`);
    }
  });

  it('from the CLI: --opd writes only that OPD', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'kla-tpl-cli-'));
    const r = kla(['template', '--project', project.dir, '-o', out, '--opd', 'DINKES', '--opd', 'dishub']);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual([RECORD_FILE, templateFileName(project, findOpd(project, 'DINKES')!), templateFileName(project, findOpd(project, 'DISHUB')!)].sort());
    expect(r.stdout).toContain('2 templat ditulis');
    const bad = kla(['template', '--project', project.dir, '-o', out, '--opd', 'DINAS-X']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('[KLA-E514]');
  });
});

describe('the rubrics explained on the Petunjuk sheet', () => {
  it('each in one line that names its subject once', () => {
    const r = loadCatalog('kla-2024').rubrics;
    // A description that leads with its own subject stands alone; one that does not gets the title in front.
    expect(rubricLine(r['persen-naik']!)).toBe(r['persen-naik']!.description);
    expect(rubricLine(r['regulasi']!)).toMatch(/^Bentuk hukum kebijakan: /);
    expect(rubricLine(r['perda-kla']!)).toBe(`${r['perda-kla']!.title}: ${r['perda-kla']!.description}`);
    for (const [id, x] of Object.entries(r)) {
      const line = rubricLine(x);
      expect(line, id).toContain(x.description);
      // Never "Persentase (…): Persentase yang …": two subjects before the first rule.
      expect((/^[^:]*: [^:.;]{1,80}: /u.exec(line) ?? [''])[0], id).toBe('');
    }
  });
});

describe('templates already written', () => {
  it('are not overwritten without --force; the refusal names the files that exist', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kla-tpl-force-'));
    await writeTemplates(project, dir, ['DINKES']);
    const file = path.join(dir, templateFileName(project, findOpd(project, 'DINKES')!));
    writeFileSync(file, 'dikirim ke OPD');
    const e = await refusalOfAsync(() => writeTemplates(project, dir, ['DINKES', 'DINSOS']));
    expect(e.code).toBe('KLA-E516');
    expect(e.diagnostics[0]!.params.files).toEqual([path.basename(file)]);
    // Nothing was written: neither the existing file nor the new one.
    expect(readFileSync(file, 'utf8')).toBe('dikirim ke OPD');
    expect(readdirSync(dir).sort()).toEqual([RECORD_FILE, path.basename(file)].sort());

    const cli = kla(['template', '--project', project.dir, '-o', dir, '--opd', 'DINKES']);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('[KLA-E516]');
    const forced = kla(['template', '--project', project.dir, '-o', dir, '--opd', 'DINKES', '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    // Not a terminal: no progress text at all, only the list of what was written.
    expect(forced.stderr).toBe('');
  });

  it('written again for an OPD renamed in the config, the template under its old name goes; the other OPDs\' templates, a template changed by hand and the matrices stay', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kla-tpl-rename-'));
    await writeTemplates(project, dir, ['DINKES', 'DINSOS', 'DISHUB']);
    const old = (code: string) => templateFileName(project, findOpd(project, code)!);
    writeFileSync(path.join(dir, old('DISHUB')), 'diisi di folder templat');
    writeFileSync(path.join(dir, 'Matriks Kelana-Dekela 2026.xlsx'), 'matriks');
    const renamed = { ...project, config: { ...project.config, opds: project.config.opds.map((o) => (o.code === 'DINKES' || o.code === 'DISHUB' ? { ...o, name: `${o.name} (baru)` } : o)) } };
    const r = await writeTemplates(renamed, dir, ['DINKES', 'DISHUB']);
    expect(r.earlier).toEqual({ removed: [path.join(dir, old('DINKES'))], changed: [path.join(dir, old('DISHUB'))], busy: [] });
    expect(readdirSync(dir).filter((n) => n !== RECORD_FILE).sort()).toEqual(
      [templateFileName(renamed, findOpd(renamed, 'DINKES')!), templateFileName(renamed, findOpd(renamed, 'DISHUB')!), old('DINSOS'), old('DISHUB'), 'Matriks Kelana-Dekela 2026.xlsx'].sort(),
    );
  });

  it('tells progress with counts, one workbook after another', async () => {
    const seen: [string, number, number][] = [];
    await writeTemplates(project, mkdtempSync(path.join(os.tmpdir(), 'kla-tpl-count-')), ['DINKES', 'DINSOS', 'FAD'], { onBuilt: (_f, opd, done, total) => seen.push([opd?.code ?? 'PROFIL', done, total]) });
    expect(seen).toEqual([
      ['DINKES', 1, 3],
      ['DINSOS', 2, 3],
      ['FAD', 3, 3],
    ]);
  });
});

const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

describe.skipIf(!soffice)('a template saved again by LibreOffice', () => {
  it('keeps its metadata, question rows and dropdowns', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kla-lo-'));
    const src = path.join(dir, 'dinkes.xlsx');
    copyFileSync(fileOf('DINKES'), src);
    const out = path.join(dir, 'out');
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'xlsx', '--outdir', out, src], {
      stdio: 'ignore',
      timeout: 120_000,
    });
    const lo = path.join(out, 'dinkes.xlsx');
    const wb = await open(lo);
    expect(questionIds(wb)).toEqual(questionsForOpd(project, 'DINKES').map((q) => q.id));
    const meta = wb.getWorksheet(SHEETS.meta)!;
    expect(meta.state).not.toBe('visible');
    expect(meta.getCell('B5').value).toBe('DINKES');
    const ws = wb.getWorksheet(SHEETS.answers)!;
    expect(ws.getCell(`${ANSWER_COLUMNS.answer}${ANSWER_FIRST_ROW}`).dataValidation?.type).toBe('list');
    expect(readFileSync(lo).length).toBeGreaterThan(1000);
  });
});
