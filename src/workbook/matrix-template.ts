/**
 * The Kelana/Dekela matrix workbook: for every question asked of each
 * kecamatan or desa/kelurahan, one row per area (from the DPPPA profile's
 * Wilayah sheet) and a Ya/Tidak column with its evidence column beside it.
 * One workbook for the whole district (filled by the DPPPA), or one per
 * kecamatan listing only its own desa (filled at the camat's office). Layout
 * constants come from matrix-layout.ts, which the reader uses too.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import type { CatalogQuestion } from '../catalog/load.js';
import { refusal } from '../diagnostics/index.js';
import { writeOutputs } from '../io/files.js';
import { favourable, matrixQuestions, matrixScopeOf, type MatrixScope } from '../matrix.js';
import { areaKey, type Kecamatan } from '../profile.js';
import type { Project } from '../project/config.js';
import { toolVersion } from '../version.js';
import { columnLetters } from './a1.js';
import {
  ANSWER_HEADER,
  ANSWER_LIST,
  ANSWER_WIDTH,
  AREA_COLUMNS,
  EVIDENCE_WIDTH,
  MATRIX_KIND,
  MATRIX_META_KEYS,
  MATRIX_ROWS,
  MATRIX_SHEETS,
  MATRIX_VERSION,
  NO,
  SCOPE_SHEET,
  YES,
  evidenceHeader,
  questionColumns,
  questionHeading,
  type MatrixMetaKey,
} from './matrix-layout.js';
import { COLOR, escapeHeaderFooter, fill, font, linesOf, margins, newWorkbook, portableFileName, protectInputSheet, thin, writeInstructions, writeMetaValues } from './style.js';
import { templateBytes, type TemplateOptions } from './template.js';

/** "Matriks Kelana-Dekela Kabupaten Merangin 2026.xlsx", or "… Kec. Bangko 2026.xlsx" for one kecamatan. */
export function matrixFileName(project: Project, kecamatan?: Pick<Kecamatan, 'name'>): string {
  const where = kecamatan ? `Kec. ${kecamatan.name}` : project.districtName;
  return portableFileName(`Matriks Kelana-Dekela ${where} ${project.config.year}`);
}

/** A kecamatan named on the command line: by its name (with or without "Kec.") or its code. */
function findKecamatan(areas: readonly Kecamatan[], nameOrCode: string): Kecamatan {
  const key = areaKey(nameOrCode);
  const k = areas.find((a) => areaKey(a.name) === key || (a.code !== '' && a.code === nameOrCode.trim()));
  if (k) return k;
  throw refusal('KLA-E271', { name: nameOrCode, names: areas.map((a) => a.name) }, { location: { file: '', option: '--kecamatan' } });
}

export async function buildMatrixWorkbook(project: Project, areas: readonly Kecamatan[], opts: TemplateOptions & { kecamatan?: Kecamatan } = {}): Promise<ExcelJS.Workbook> {
  const wb = newWorkbook(project, opts.date);

  const questions = matrixQuestions(project.catalog);
  const of = (scope: MatrixScope) => questions.filter((q) => matrixScopeOf(q) === scope);
  const rows = opts.kecamatan ? [opts.kecamatan] : areas;
  const where = opts.kecamatan ? `Kecamatan ${opts.kecamatan.name}, ${project.districtName}` : project.districtName;
  await addInstructions(wb, project, questions, where, opts.kecamatan);
  if (of('kecamatan').length > 0) await addScopeSheet(wb, project, 'kecamatan', of('kecamatan'), where, rows.map((k) => ({ code: k.code, kecamatan: k.name, desa: null })));
  if (of('desa').length > 0) {
    const desa = rows.flatMap((k) => k.desa.map((d) => ({ code: d.code, kecamatan: k.name, desa: d.name })));
    await addScopeSheet(wb, project, 'desa', of('desa'), where, desa);
  }
  addOptions(wb);
  addMeta(wb, project, questions, opts.kecamatan);
  return wb;
}

/**
 * Write the matrix into `outDir`: one for the district, or with `kecamatan`
 * (names or codes) or `perKecamatan` one per kecamatan. All of them or, when
 * one cannot be written, none; existing files only with `overwrite`.
 */
export async function writeMatrixTemplates(
  project: Project,
  outDir: string,
  areas: readonly Kecamatan[],
  opts: TemplateOptions & {
    kecamatan?: readonly string[];
    perKecamatan?: boolean;
    overwrite?: boolean;
    onBuilt?: (file: string, kecamatan: string | null, done: number, total: number) => void;
  } = {},
): Promise<{ file: string; kecamatan: string | null }[]> {
  const chosen = opts.perKecamatan ? [...areas] : [...new Set((opts.kecamatan ?? []).map((k) => findKecamatan(areas, k)))];
  const targets: (Kecamatan | null)[] = chosen.length > 0 ? chosen : [null];
  const files = targets.map((k) => path.join(outDir, matrixFileName(project, k ?? undefined)));
  const existing = files.filter((f) => existsSync(f));
  if (existing.length > 0 && !opts.overwrite) {
    throw refusal('KLA-E516', { dir: outDir, files: existing.map((f) => path.basename(f)) }, { location: { file: existing[0]!, option: '--force' } });
  }
  const outputs: { file: string; data: Buffer; kecamatan: string | null }[] = [];
  for (const [i, k] of targets.entries()) {
    const wb = await buildMatrixWorkbook(project, areas, { ...(opts.date ? { date: opts.date } : {}), ...(k ? { kecamatan: k } : {}) });
    outputs.push({ file: files[i]!, data: await templateBytes(wb), kecamatan: k?.name ?? null });
    opts.onBuilt?.(files[i]!, k?.name ?? null, i + 1, targets.length);
  }
  writeOutputs(outputs);
  return outputs.map((o) => ({ file: o.file, kecamatan: o.kecamatan }));
}

// ---------------------------------------------------------------------------

async function addInstructions(wb: ExcelJS.Workbook, project: Project, questions: CatalogQuestion[], where: string, kecamatan: Kecamatan | undefined): Promise<void> {
  const ws = wb.addWorksheet(MATRIX_SHEETS.instructions, {
    views: [{ showGridLines: false }],
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: margins() },
  });
  ws.columns = [{ width: 3 }, { width: 110 }];
  const { year } = project.config;
  const { evaluated, previous } = project.dataYears;
  const K = MATRIX_SHEETS.kecamatan;
  const D = MATRIX_SHEETS.desa;
  const reversed = questions.filter((q) => favourable(q) === 'tidak');
  const lines: [string, 'title' | 'head' | 'text'][] = [
    [`Petunjuk Pengisian Matriks Kelana dan Dekela Tahun ${year}`, 'title'],
    [`${where}, Provinsi ${project.config.district.province}`, 'text'],
    ['Maksud matriks ini', 'head'],
    [
      'Instrumen evaluasi KLA menanyakan persentase kecamatan (Kecamatan Layak Anak, Kelana) dan persentase desa/kelurahan ' +
        '(Desa/Kelurahan Layak Anak, Dekela) yang memenuhi setiap kriteria, dan meminta matriksnya dilampirkan. ' +
        'Dalam matriks ini setiap kecamatan dan setiap desa/kelurahan menjawab setiap kriteria dengan "Ya" atau "Tidak"; ' +
        'persentasenya dihitung dari matriks, tidak diketik. Daftar wilayah diambil dari lembar Wilayah pada lembar kerja profil daerah (DPPPA).',
      'text',
    ],
    ['Cara mengisi', 'head'],
    [
      `1. Lembar "${K}": satu baris untuk setiap kecamatan. Lembar "${D}": satu baris untuk setiap desa dan kelurahan. ` +
        'Kolom nomor, kode dan nama wilayah dikunci; jangan menambah, menghapus, atau memindahkan baris dan kolom.',
      'text',
    ],
    [
      '2. Setiap kriteria mempunyai dua kolom. Kolom "Ya/Tidak": pilih "Ya" atau "Tidak" dari daftar (klik sel, lalu tanda panah). ' +
        `Kolom "Data dukung": tulis nama berkas (contoh: SK Forum Anak Desa ${evaluated}.pdf) atau tautan (https://…), satu per baris (Alt+Enter).`,
      'text',
    ],
    [
      `3. Jawaban yang menguntungkan penilaian wajib disertai data dukung tahun ${evaluated} atau ${previous}. Untuk sebagian besar kriteria ` +
        'jawaban itu adalah "Ya"; judul kolom data dukung menyebut jawaban mana yang wajib disertai data dukung. ' +
        'Jawaban tanpa data dukung tidak dihitung dalam perkiraan hasil verifikasi.',
      'text',
    ],
    ...(reversed.length > 0
      ? ([
          [
            '4. Beberapa kriteria menanyakan adanya masalah; untuk kriteria tersebut jawaban yang menguntungkan adalah "Tidak" ' +
              `(tidak ada kasus), dan jawaban "Tidak" itulah yang wajib disertai data dukung: ${reversed.map((q) => q.id).join(', ')}.`,
            'text',
          ],
        ] as [string, 'text'][])
      : []),
    [
      `${reversed.length > 0 ? 5 : 4}. Sel yang dibiarkan kosong dihitung sebagai belum memenuhi kriteria. Isian selain "Ya" atau "Tidak" ` +
        'tidak dihitung; uraian ditulis pada kolom Data dukung.',
      'text',
    ],
    ['Setelah selesai', 'head'],
    [
      kecamatan
        ? `Matriks ini hanya memuat Kecamatan ${kecamatan.name} dan desa/kelurahannya. Simpan berkas dalam format .xlsx (jangan .xls, .ods, atau PDF), ` +
          'jangan mengganti nama lembar, lalu kirim kepada DPPPA bersama data dukungnya. DPPPA menghimpun matriks semua kecamatan.'
        : 'Simpan berkas dalam format .xlsx (jangan .xls, .ods, atau PDF), jangan mengganti nama lembar, dan letakkan di folder kiriman ' +
          'bersama lembar kerja OPD. Bila satu wilayah terdapat pada lebih dari satu matriks, yang dihitung adalah matriks yang paling akhir disimpan.',
      'text',
    ],
  ];
  await writeInstructions(ws, lines);
}

interface AreaRow {
  code: string;
  kecamatan: string;
  desa: string | null;
}

/** About how many question pairs fit across one landscape A4 page beside the area columns. */
const QUESTIONS_PER_PAGE = 4;

async function addScopeSheet(wb: ExcelJS.Workbook, project: Project, scope: MatrixScope, questions: CatalogQuestion[], where: string, rows: AreaRow[]): Promise<void> {
  const areaCols = AREA_COLUMNS[scope];
  const R = MATRIX_ROWS;
  const label = scope === 'kecamatan' ? 'Matriks Kecamatan Layak Anak (Kelana)' : 'Matriks Desa/Kelurahan Layak Anak (Dekela)';
  const footer = `&L&8${escapeHeaderFooter(`${label} ${project.config.year} — ${where}`)}&R&8Halaman &P dari &N`;
  const lastCol = columnLetters(questionColumns(scope, questions.length - 1).evidence);
  const ws = wb.addWorksheet(SCOPE_SHEET[scope], {
    views: [{ state: 'frozen', xSplit: areaCols.length, ySplit: R.sub, showGridLines: false, activeCell: `${columnLetters(questionColumns(scope, 0).answer)}${R.first}` }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: Math.max(1, Math.ceil(questions.length / QUESTIONS_PER_PAGE)),
      fitToHeight: 0,
      margins: margins(),
      printTitlesRow: `${R.question}:${R.sub}`,
      printTitlesColumn: `${areaCols[0]!.col}:${areaCols.at(-1)!.col}`,
    },
    headerFooter: { oddFooter: footer, evenFooter: footer },
  });

  ws.mergeCells(`A${R.title}:${lastCol}${R.title}`);
  const title = ws.getCell(`A${R.title}`);
  title.value = `${label} Tahun ${project.config.year} — ${where}`;
  title.font = font({ bold: true, size: 13, color: { argb: COLOR.title } });
  ws.getRow(R.title).height = 22;
  ws.mergeCells(`A${R.hint}:${lastCol}${R.hint}`);
  const hint = ws.getCell(`A${R.hint}`);
  hint.value = `Satu baris untuk setiap ${scope === 'kecamatan' ? 'kecamatan' : 'desa/kelurahan'}. Pilih "Ya" atau "Tidak" untuk setiap kriteria dan tulis data dukungnya (nama berkas atau tautan, satu per baris). Sel kosong dihitung sebagai belum memenuhi.`;
  hint.font = font({ italic: true, size: 9 });
  hint.alignment = { wrapText: false, vertical: 'top' };
  ws.getRow(R.hint).height = 16;

  for (const c of areaCols) {
    ws.mergeCells(`${c.col}${R.question}:${c.col}${R.sub}`);
    header(ws.getCell(`${c.col}${R.question}`), c.header);
    ws.getColumn(c.col).width = c.width;
  }
  let headingLines = 2;
  questions.forEach((q, i) => {
    const { answer, evidence } = questionColumns(scope, i);
    const [a, e] = [columnLetters(answer), columnLetters(evidence)];
    ws.mergeCells(`${a}${R.question}:${e}${R.question}`);
    const text = questionHeading(q.id, q.criterion ?? q.text);
    header(ws.getCell(`${a}${R.question}`), text);
    ws.getCell(`${a}${R.question}`).alignment = { wrapText: true, vertical: 'top', horizontal: 'left' };
    headingLines = Math.max(headingLines, linesOf(text, (ANSWER_WIDTH + EVIDENCE_WIDTH) * 1.1));
    header(ws.getCell(`${a}${R.sub}`), ANSWER_HEADER);
    const needed = q.evidenceRequired ? (favourable(q) === 'ya' ? YES : NO) : null;
    header(ws.getCell(`${e}${R.sub}`), evidenceHeader(needed));
    ws.getColumn(a).width = ANSWER_WIDTH;
    ws.getColumn(e).width = EVIDENCE_WIDTH;
  });
  ws.getRow(R.question).height = Math.min(409, headingLines * 12.5 + 4);
  ws.getRow(R.sub).height = 26;

  const value: Record<string, (r: AreaRow, n: number) => string | number> = { no: (_, n) => n, code: (r) => r.code, kecamatan: (r) => r.kecamatan, desa: (r) => r.desa ?? '' };
  rows.forEach((area, n) => {
    const r = R.first + n;
    for (const c of areaCols) {
      const cell = ws.getCell(`${c.col}${r}`);
      cell.value = value[c.key]!(area, n + 1);
      cell.font = font(c.key === 'no' ? { size: 9, color: { argb: COLOR.muted } } : {});
      cell.fill = fill(COLOR.locked);
      cell.border = thin;
      cell.alignment = { vertical: 'top', wrapText: true, ...(c.key === 'no' ? { horizontal: 'center' } : {}) };
      // Kemendagri codes such as 15.02.01.2001 stay text.
      if (c.key === 'code') cell.numFmt = '@';
    }
    questions.forEach((_, i) => {
      const { answer, evidence } = questionColumns(scope, i);
      const a = ws.getCell(r, answer);
      a.protection = { locked: false };
      a.fill = fill(COLOR.input);
      a.border = thin;
      a.font = font();
      a.alignment = { vertical: 'top', horizontal: 'center' };
      const e = ws.getCell(r, evidence);
      e.protection = { locked: false };
      e.fill = fill(COLOR.input);
      e.border = thin;
      e.font = font();
      e.numFmt = '@';
      e.alignment = { vertical: 'top', wrapText: true };
    });
  });
  if (rows.length > 0) {
    const last = R.first + rows.length - 1;
    questions.forEach((q, i) => {
      const a = columnLetters(questionColumns(scope, i).answer);
      // One range per column, written as exceljs's own (untyped) API takes it: one entry in the file, not one per cell.
      (ws as unknown as { dataValidations: { add(range: string, dv: ExcelJS.DataValidation): void } }).dataValidations.add(`${a}${R.first}:${a}${last}`, {
        type: 'list',
        formulae: [ANSWER_LIST],
        allowBlank: true,
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: 'Pilihan tidak tersedia',
        error: 'Pilih "Ya" atau "Tidak" dari daftar.',
        showInputMessage: true,
        promptTitle: q.id,
        prompt: favourable(q) === 'ya' ? 'Pilih Ya atau Tidak. Jawaban Ya disertai data dukung.' : 'Pilih Ya atau Tidak. Jawaban Tidak (tidak ada kasus) disertai data dukung.',
      });
    });
  }
  await protectInputSheet(ws);
}

function header(cell: ExcelJS.Cell, text: string): void {
  cell.value = text;
  cell.font = font({ bold: true, size: 9 });
  cell.fill = fill(COLOR.header);
  cell.border = thin;
  cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
}

function addOptions(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet(MATRIX_SHEETS.options, { state: 'hidden' });
  ws.getCell('A1').value = YES;
  ws.getCell('A2').value = NO;
}

function addMeta(wb: ExcelJS.Workbook, project: Project, questions: CatalogQuestion[], kecamatan: Kecamatan | undefined): void {
  const ws = wb.addWorksheet(MATRIX_SHEETS.meta, { state: 'hidden' });
  const values: Record<MatrixMetaKey, string | number> = {
    generator: `kla ${toolVersion()}`,
    workbook: MATRIX_KIND,
    matrixVersion: MATRIX_VERSION,
    catalogId: project.catalog.id,
    district: project.districtName,
    year: project.config.year,
    dataYear: project.dataYears.evaluated,
    kecamatan: kecamatan?.name ?? '',
    questionIds: questions.map((q) => q.id).join(','),
  };
  writeMetaValues(ws, MATRIX_META_KEYS, values);
}
