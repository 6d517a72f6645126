/**
 * A new instrument is a new data file, no code change: a catalog derived from
 * kla-2024 (another id and year, other indicator maxima and total, one
 * question added and one removed) runs through the real CLI — init, template,
 * validate, score, build — in a project folder whose name has spaces and
 * parentheses, and every stage follows the new data.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCatalog, loadCatalog, resolveCatalogFile, type Catalog } from '../src/catalog/load.js';
import type { CatalogData } from '../src/catalog/schema.js';
import { ANSWER_COLUMNS, ANSWER_FIRST_ROW, IDENTITY_FIELDS, SHEETS, META_KEYS } from '../src/workbook/layout.js';
import { kla } from './helpers/cli.js';
import { pdfPages } from './dossier.pdf.js';
import { validAnswer } from './validate-helpers.js';

const ADDED = {
  id: '2.8',
  text: 'Apakah Sekretariat Gugus Tugas KLA telah ditetapkan dengan keputusan kepala daerah? (Lampirkan SK penetapan)',
  max: 4,
};
const REMOVED = '3.2';

/** kla-2024 with another id and year, indicator 2 raised to 40 by a new question, indicator 3 lowered to 30 by removing one. */
function derive(): CatalogData {
  const c = JSON.parse(readFileSync(resolveCatalogFile('kla-2024'), 'utf8')) as CatalogData;
  c.id = 'kla-2027-uji';
  c.year = 2027;
  c.title = 'Instrumen Evaluasi Mandiri KLA 2027 (uji)';
  const klb = c.groups.find((g) => g.id === 'KLB')!;
  const ind2 = klb.indicators.find((i) => i.id === '2')!;
  const template = ind2.questions[0]!;
  ind2.questions.push({ ...template, id: ADDED.id, text: ADDED.text, max: ADDED.max });
  ind2.max = 40;
  const ind3 = klb.indicators.find((i) => i.id === '3')!;
  ind3.questions = ind3.questions.filter((q) => q.id !== REMOVED);
  ind3.max = 30;
  klb.max = 96 + 40 + 30;
  c.totalMax = 1002;
  c.predikat.bands[c.predikat.bands.length - 1]!.max = 1002;
  return c;
}

const person: Record<string, string> = {
  officerName: 'Siti Rahmawati, S.K.M.',
  officerNip: '198503122010012003',
  officerPosition: 'Analis Data',
  officerPhone: '0812 3456 7890',
  officerEmail: 'siti.rahmawati@contoh.go.id',
  headName: 'dr. Ahmad Fauzi, M.Kes.',
  headNip: '197501012005011001',
  headPosition: 'Kepala Dinas',
};

/** Fill a template written by `kla template` as an OPD would, with exceljs; returns the evidence files it names. */
async function fill(file: string, catalog: Catalog, out: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const id = wb.getWorksheet(SHEETS.identity)!;
  for (const f of IDENTITY_FIELDS) if (person[f.key]) id.getCell(f.cell).value = person[f.key]!;
  const ws = wb.getWorksheet(SHEETS.answers)!;
  const evidence: string[] = [];
  for (let r = ANSWER_FIRST_ROW; r <= ws.rowCount; r++) {
    const q = catalog.questionById.get(ws.getCell(`${ANSWER_COLUMNS.id}${r}`).text.trim());
    if (!q) continue;
    ws.getCell(`${ANSWER_COLUMNS.answer}${r}`).value = validAnswer(q);
    if (q.previousYear) ws.getCell(`${ANSWER_COLUMNS.previous}${r}`).value = q.rubricDef.kind === 'options' ? q.rubricDef.options[1]!.value : q.answerType === 'count' ? 9 : 80;
    if (q.evidenceRequired) {
      ws.getCell(`${ANSWER_COLUMNS.evidence}${r}`).value = `Bukti ${q.id}.pdf`;
      evidence.push(`Bukti ${q.id}.pdf`);
    }
    if (q.noteRequired) ws.getCell(`${ANSWER_COLUMNS.note}${r}`).value = `Uraian untuk pertanyaan ${q.id}.`;
  }
  await wb.xlsx.writeFile(out);
  return evidence;
}

/** Question ids on a template's answer sheet, and its recorded catalog id. */
async function templateContent(file: string): Promise<{ ids: string[]; catalogId: string; points: Map<string, number>; texts: Map<string, string> }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(SHEETS.answers)!;
  const ids: string[] = [];
  const points = new Map<string, number>();
  const texts = new Map<string, string>();
  for (let r = ANSWER_FIRST_ROW; r <= ws.rowCount; r++) {
    const id = ws.getCell(`${ANSWER_COLUMNS.id}${r}`).text.trim();
    if (!/^\d/.test(id)) continue;
    ids.push(id);
    points.set(id, Number(ws.getCell(`${ANSWER_COLUMNS.points}${r}`).value));
    texts.set(id, ws.getCell(`${ANSWER_COLUMNS.question}${r}`).text);
  }
  const meta = wb.getWorksheet(SHEETS.meta)!;
  const catalogId = meta.getCell(`B${META_KEYS.indexOf('catalogId') + 1}`).text;
  return { ids, catalogId, points, texts };
}

describe('a derived catalog, end to end through the CLI', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'kla-turunan-'));
  const catalogDir = path.join(root, 'katalog uji (2027)');
  const catalogFile = path.join(catalogDir, 'katalog-kla-2027-uji.json');
  const dir = path.join(root, 'Kabupaten Uji (2028)');
  let catalog: Catalog;
  let init: ReturnType<typeof kla>;

  beforeAll(() => {
    mkdirSync(catalogDir, { recursive: true });
    writeFileSync(catalogFile, JSON.stringify(derive(), null, 2));
    catalog = loadCatalog(catalogFile);
    init = kla(['init', 'Kabupaten Uji (2028)', '--district', 'Uji', '--province', 'Jambi', '--year', '2028', '--catalog', path.join('katalog uji (2027)', 'katalog-kla-2027-uji.json')], { cwd: root });
  });

  it('the derived catalog loads: other id and year, 274 questions with 2.8 and without 3.2, total 1002', () => {
    expect(catalog).toMatchObject({ id: 'kla-2027-uji', year: 2027, totalMax: 1002 });
    expect(catalog.questionList).toHaveLength(274);
    expect(catalog.questionById.has(ADDED.id)).toBe(true);
    expect(catalog.questionById.has(REMOVED)).toBe(false);
  });

  it('kla init --catalog records the file relative to the project, with forward slashes', () => {
    expect(init.code, init.stderr).toBe(0);
    const config = JSON.parse(readFileSync(path.join(dir, 'kla.config.json'), 'utf8')) as { catalog: string; opds: unknown[] };
    expect(config.catalog).toBe('../katalog uji (2027)/katalog-kla-2027-uji.json');
    expect(config.opds).toHaveLength(catalog.defaultOpds!.length);
    expect(init.stdout).toContain('katalog ../katalog uji (2027)/katalog-kla-2027-uji.json');
  });

  describe('template, validate, score and build', () => {
    let templates: string[];
    beforeAll(async () => {
      const t = kla(['template', '--project', dir]);
      expect(t.code, t.stderr).toBe(0);
      // The OPDs' templates (the DPPPA's profile workbook beside them is not an OPD's).
      templates = readdirSync(path.join(dir, 'templates')).filter((n) => n.endsWith('.xlsx') && !n.includes('Profil Daerah')).map((n) => path.join(dir, 'templates', n));
      const evidence = new Set<string>();
      for (const f of templates) {
        for (const e of await fill(f, catalog, path.join(dir, 'submissions', path.basename(f)))) evidence.add(e);
      }
      for (const e of evidence) writeFileSync(path.join(dir, 'evidence', e), 'data dukung uji');
    });

    it('templates hold the new question with its points and not the removed one', async () => {
      expect(templates).toHaveLength(catalog.defaultOpds!.length);
      const all = await Promise.all(templates.map(templateContent));
      expect(all.every((t) => t.catalogId === 'kla-2027-uji')).toBe(true);
      const ids = all.flatMap((t) => t.ids);
      expect(ids).toContain(ADDED.id);
      expect(ids).not.toContain(REMOVED);
      const withAdded = all.find((t) => t.ids.includes(ADDED.id))!;
      expect(withAdded.points.get(ADDED.id)).toBe(ADDED.max);
      expect(withAdded.texts.get(ADDED.id)).toBe(ADDED.text);
      expect(new Set(ids)).toEqual(new Set(catalog.questionList.map((q) => q.id)));
    });

    it('validate accepts the filled workbooks of the new catalog', () => {
      const v = kla(['validate', '--project', dir, '--format', 'json']);
      expect(v.code, v.stdout.slice(0, 2000)).toBe(0);
      const report = JSON.parse(v.stdout) as { diagnostics: { code: string }[]; project: { catalogId: string } };
      expect(report.project.catalogId).toBe('kla-2027-uji');
      const codes = report.diagnostics.map((d) => d.code);
      expect(codes.filter((c) => c.startsWith('KLA-E'))).toEqual([]);
      expect(codes).not.toContain('KLA-E105');
      expect(codes).not.toContain('KLA-E203');
    });

    it('score follows the new maxima: indicators 2 and 3, the group, the total of 1002', () => {
      const s = kla(['score', '--project', dir, '--format', 'json']);
      expect(s.code, s.stderr).toBe(0);
      const j = JSON.parse(s.stdout) as {
        catalogId: string;
        max: number;
        total: number;
        groups: { id: string; max: number; points: number }[];
        indicators: { id: string; max: number; points: number }[];
        questions: { questionId: string; max: number; points: number }[];
      };
      expect(j.catalogId).toBe('kla-2027-uji');
      expect(j.max).toBe(1002);
      const ind = (id: string) => j.indicators.find((i) => i.id === id)!;
      // Every availability and narrative question got its first, full option: 2 and 3 are full.
      expect(ind('2')).toMatchObject({ max: 40, points: 40 });
      expect(ind('3')).toMatchObject({ max: 30, points: 30 });
      expect(j.groups.find((g) => g.id === 'KLB')!.max).toBe(166);
      expect(j.questions.find((q) => q.questionId === ADDED.id)).toMatchObject({ max: ADDED.max, points: ADDED.max });
      expect(j.questions.some((q) => q.questionId === REMOVED)).toBe(false);
      // The total is the sum of the indicators, each up to its maximum, computed here from the JSON's own rows.
      const byHand = j.indicators.reduce((sum, i) => sum + Math.round(Math.min(i.max, j.questions.filter((q) => catalog.questionById.get(q.questionId)!.indicatorId === i.id).reduce((t, q) => t + q.points, 0)) * 100), 0) / 100;
      expect(Math.round(j.total * 100) / 100).toBe(byHand);
    });

    it('the dossier prints the new maxima and the new question, and not the removed one', async () => {
      // A draft: the project has no profile workbook, emblem or signatories, and what is checked here is the content.
      const b = kla(['build', '--project', dir, '--draft']);
      expect(b.code, b.stderr).toBe(0);
      const pdf = path.join(dir, 'output', 'dokumen-kla-2028-draf.pdf');
      expect(existsSync(pdf)).toBe(true);
      const text = (await pdfPages(readFileSync(pdf))).join(' ');
      // Maxima as the catalog states them, points with two decimals.
      expect(text).toContain('nilai maksimum 1.002');
      expect(text).toContain('KLA lebih dari 900 sampai dengan 1.002'); // the top predikat edge follows the total
      expect(text).toContain('Nilai 40,00 dari 40 (100,00%)'); // indicator 2
      expect(text).toContain('Kelembagaan 166,00 / 166');
      expect(text).toContain(`${ADDED.id} ${ADDED.text} Ada, lengkap dan berjalan 4,00 / 4`);
      expect(text).not.toContain('Apakah telah terbentuk Forum Koordinasi atau Komunitas Dunia Usaha');
      expect(text).toContain('Instrumen Evaluasi Mandiri KLA 2027 (uji)');
    });
  });

  it('a catalog built from the derived data by the library agrees with the file the CLI used', () => {
    expect(buildCatalog(derive(), 'x.json').questionList.map((q) => q.id)).toEqual(catalog.questionList.map((q) => q.id));
  });
});
