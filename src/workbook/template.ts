/**
 * The OPD template: one workbook per OPD with only that OPD's questions, built
 * from the catalog and the district config. Layout constants come from
 * layout.ts, which the reader uses too.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { fingerprintQuestions, type CatalogQuestion } from '../catalog/load.js';
import type { Rubric } from '../catalog/schema.js';
import { refusal } from '../diagnostics/index.js';
import { replaceOutputs, type Replacement } from '../io/files.js';
import { opdNamed, questionsForOpd, type Opd, type Project } from '../project/config.js';
import { toolVersion } from '../version.js';
import { columnLetters, parseCell } from './a1.js';
import { buildProfileWorkbook, profileFileName } from './profile-template.js';
import { COLOR, escapeHeaderFooter, fill, font, linesOf, margins, newWorkbook, portableFileName, protectInputSheet, thin, writeInstructions, writeMetaValues } from './style.js';
import {
  ANSWER_COLUMNS,
  ANSWER_FIRST_ROW,
  ANSWER_HEADER_ROW,
  answerHeaders,
  ANSWER_TYPE_LABELS,
  dataYearsText,
  IDENTITY_FIELDS,
  IDENTITY_SECTIONS,
  META_KEYS,
  SHEETS,
  TEMPLATE_VERSION,
  type AnswerColumn,
  type MetaKey,
} from './layout.js';

const WIDTHS: Record<AnswerColumn, number> = {
  id: 8,
  // Wide enough for most indicator names in three lines; the longest wrap further, whole.
  indicator: 24,
  question: 54,
  points: 7,
  answerType: 13,
  answer: 26,
  previous: 13,
  evidence: 28,
  note: 34,
};

export interface TemplateOptions {
  /**
   * The date the workbooks record as created and modified; fixed (default:
   * 1 January of the evaluation year) so that regenerating a template gives
   * the same content.
   */
  date?: Date;
}

/** A portable file name: no characters Windows refuses, no trailing dots or spaces. */
export function templateFileName(project: Project, opd: Opd): string {
  return portableFileName(`KLA ${project.config.year} - ${opd.code} - ${opd.name}`);
}

export async function buildTemplateWorkbook(project: Project, opd: Opd, opts: TemplateOptions = {}): Promise<ExcelJS.Workbook> {
  const questions = questionsForOpd(project, opd.code);
  const wb = newWorkbook(project, opts.date);

  const rubricIds = [...new Set(questions.map((q) => q.rubric))].filter((r) => project.catalog.rubrics[r]?.kind === 'options');
  const validations = new Validations();
  await addInstructions(wb, project, opd, questions);
  await addIdentity(wb, project, opd, validations);
  await addAnswers(wb, project, opd, questions, rubricIds, validations);
  await addOptions(wb, project, rubricIds);
  await addMeta(wb, project, opd, questions);
  validations.write();
  return wb;
}

/**
 * Write one template per OPD, and the DPPPA profile workbook, into `outDir`:
 * all of them or, when one cannot be written, none. `codes` and `profile`
 * choose among them (the OPDs named, the profile workbook); choosing nothing
 * writes everything. `onBuilt` is told about each workbook as it is ready
 * (for progress output; `opd` null for the profile workbook). Returns the
 * files, `opd` null for the profile workbook.
 */
export async function writeTemplates(
  project: Project,
  outDir: string,
  codes: readonly string[] = [],
  opts: TemplateOptions & {
    /** Write the DPPPA's profile workbook too (with codes: only when asked; without: always). */
    profile?: boolean;
    /** Replace templates already in `outDir` (without it they are refused: they may have been sent out already). */
    overwrite?: boolean;
    /** Told as each workbook is ready (`opd` null for the profile workbook), with how many are done of how many. */
    onBuilt?: (file: string, opd: Opd | null, done: number, total: number) => void;
  } = {},
): Promise<{ files: { file: string; opd: string | null }[]; earlier: Replacement }> {
  const all = codes.length === 0 && opts.profile === undefined;
  // Resolve every code before building anything, so a typo writes no half set.
  const opds = all ? project.config.opds : [...new Set(codes.map((c) => opdNamed(project, c)))];
  const withProfile = all || opts.profile === true;
  const files = [...opds.map((opd) => path.join(outDir, templateFileName(project, opd))), ...(withProfile ? [path.join(outDir, profileFileName(project))] : [])];
  const existing = files.filter((f) => existsSync(f));
  if (existing.length > 0 && !opts.overwrite) {
    throw refusal('KLA-E516', { dir: outDir, files: existing.map((f) => path.basename(f)) }, { location: { file: existing[0]!, option: '--force' } });
  }
  const outputs: { file: string; data: Buffer; opd: string | null }[] = [];
  for (const [i, opd] of opds.entries()) {
    const wb = await buildTemplateWorkbook(project, opd, opts);
    const file = files[i]!;
    outputs.push({ file, data: await templateBytes(wb), opd: opd.code });
    opts.onBuilt?.(file, opd, i + 1, files.length);
  }
  if (withProfile) {
    const wb = await buildProfileWorkbook(project, opts);
    const file = files[files.length - 1]!;
    outputs.push({ file, data: await templateBytes(wb), opd: null });
    opts.onBuilt?.(file, null, files.length, files.length);
  }
  // Templates of an earlier run this one supersedes (an OPD's under the name it had before) go; the
  // matrices kla template --matrix wrote into the same folder are another run's.
  const groupOf = (opd: string | null) => (opd === null ? 'profil' : `opd:${opd}`);
  const written = new Set(outputs.map((o) => groupOf(o.opd)));
  const earlier = replaceOutputs(
    outDir,
    outputs.map((o) => ({ file: o.file, data: o.data, group: groupOf(o.opd) })),
    all ? (g) => g === 'profil' || g.startsWith('opd:') : (g) => written.has(g),
  );
  return { files: outputs.map((o) => ({ file: o.file, opd: o.opd })), earlier };
}

/**
 * The bytes of a template, with its structure protected (no password, as its
 * sheets): the hidden Opsi and Meta sheets cannot be shown, renamed or
 * deleted, and no sheet added or copied ("Jawaban (2)") by accident.
 */
export async function templateBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return lockStructure(Buffer.from(await wb.xlsx.writeBuffer()), wb.created);
}

/**
 * exceljs writes no workbook protection, so it is added to xl/workbook.xml
 * after writing. The rest of the package is left as exceljs wrote it.
 */
function lockStructure(xlsx: Uint8Array, date: Date): Buffer {
  const parts = unzipSync(xlsx);
  const name = 'xl/workbook.xml';
  const xml = strFromU8(parts[name]!);
  // The schema orders workbookProtection after workbookPr and before bookViews.
  const locked = xml.replace(/(<workbookPr\b[^>]*\/>|<workbookPr\b[^>]*>[\s\S]*?<\/workbookPr>)/, '$1<workbookProtection lockStructure="1"/>');
  if (locked === xml) throw new Error('xl/workbook.xml without workbookPr: cannot protect the workbook structure');
  parts[name] = strToU8(locked);
  // A fixed time in the zip entries, so that the same template gives the same bytes.
  return Buffer.from(zipSync(parts, { level: 6, mtime: date }));
}

/**
 * A rubric explained in one line: its title, unless its description already
 * starts with it or leads with a subject of its own ("Persentase yang makin
 * tinggi makin baik: 90 atau lebih …"), which would say the same thing twice.
 */
export function rubricLine(r: { title: string; description: string }): string {
  const starts = r.description.toLocaleLowerCase('id').startsWith(r.title.toLocaleLowerCase('id'));
  const lead = /^[^:.;]{1,80}: /u.test(r.description);
  return starts || lead ? r.description : `${r.title}: ${r.description}`;
}


// ---------------------------------------------------------------------------

async function addInstructions(wb: ExcelJS.Workbook, project: Project, opd: Opd, questions: CatalogQuestion[]): Promise<void> {
  const ws = wb.addWorksheet(SHEETS.instructions, {
    views: [{ showGridLines: false }],
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: margins() },
  });
  ws.columns = [{ width: 3 }, { width: 110 }];
  const year = project.config.year;
  const { evaluated, previous } = project.dataYears;
  const withEvidence = questions.filter((q) => q.evidenceRequired).length;
  const withPrevious = questions.filter((q) => q.previousYear).length;
  const lines: [string, 'title' | 'head' | 'text'][] = [
    [`Petunjuk Pengisian Lembar Kerja Evaluasi Mandiri KLA Tahun ${year}`, 'title'],
    [`${opd.name} — ${project.districtName}, Provinsi ${project.config.district.province}`, 'text'],
    ['Tentang KLA', 'head'],
    [
      'Kabupaten/Kota Layak Anak (KLA) adalah kabupaten/kota yang mempunyai sistem pembangunan yang menjamin pemenuhan hak anak dan ' +
        'pelindungan khusus anak yang dilakukan secara terencana, menyeluruh, dan berkelanjutan (Peraturan Presiden Nomor 25 Tahun 2021). ' +
        `Setiap tahun ${project.districtName} melaksanakan evaluasi mandiri atas ${project.catalog.indicatorCount} indikator KLA; hasilnya diverifikasi oleh pemerintah provinsi dan KemenPPPA.`,
      'text',
    ],
    ['Maksud lembar kerja ini', 'head'],
    [
      `Lembar kerja ini menghimpun jawaban ${opd.name} atas pertanyaan instrumen evaluasi mandiri Kabupaten/Kota Layak Anak (KLA) ` +
        `yang menjadi tanggung jawab perangkat daerah Bapak/Ibu (${questions.length} pertanyaan). Jawaban dihimpun oleh DPPPA sebagai ` +
        'bahan dokumen evaluasi mandiri kabupaten/kota.',
      'text',
    ],
    ['Tahun data', 'head'],
    [
      `Evaluasi tahun ${year} menilai data tahun ${evaluated} (tahun yang dievaluasi) dan, untuk pertanyaan yang memintanya, data tahun ${previous} ` +
        `(tahun sebelumnya). Isi kolom "Jawaban" dengan keadaan tahun ${evaluated} dan lampirkan data dukung tahun ${evaluated} atau ${previous}, ` +
        'atau dokumen yang masih berlaku pada tahun tersebut (misalnya peraturan daerah).',
      'text',
    ],
    ['Siapa yang mengisi', 'head'],
    [
      'Petugas data anak yang ditunjuk oleh Kepala Perangkat Daerah. Lengkapi lembar "Identitas" (nama, NIP 18 digit, jabatan, ' +
        'nomor telepon dan alamat e-mail petugas data, serta nama dan NIP Kepala Perangkat Daerah).',
      'text',
    ],
    ['Cara mengisi lembar "Jawaban"', 'head'],
    ['1. Isi hanya sel berwarna kuning (dan jingga). Kolom nomor, indikator, pertanyaan, poin dan jenis jawaban dikunci; jangan mengubah teks pertanyaan.', 'text'],
    ['2. Jangan menambah, menghapus, atau memindahkan baris dan kolom. Bila perlu ruang lebih, tulis uraian pada kolom Catatan.', 'text'],
    ['3. Jenis jawaban "Pilihan": pilih salah satu pilihan dari daftar (klik sel, lalu tanda panah di sebelah kanan sel).', 'text'],
    ['4. Jenis jawaban "Persen (0–100)": tulis angkanya saja, tanpa tanda %, dengan koma desimal bila perlu (contoh: 87,5).', 'text'],
    ['5. Jenis jawaban "Jumlah (bilangan bulat)": tulis bilangan bulat 0 atau lebih, tanpa titik ribuan (contoh: 1250).', 'text'],
    ['6. Jenis jawaban "Pilihan + uraian di Catatan": pilih dari daftar dan uraikan jawabannya pada kolom Catatan.', 'text'],
    [
      `7. Kolom "Nilai tahun ${previous}" diisi untuk pertanyaan yang meminta data tahun sebelumnya ` +
        `(${withPrevious} pertanyaan pada lembar ini; sel lainnya berwarna abu-abu dan dibiarkan kosong).`,
      'text',
    ],
    [
      `8. Kolom "Data dukung": tulis nama berkas (contoh: SK Gugus Tugas KLA ${evaluated}.pdf) atau tautan (https://…), satu per baris. ` +
        `Sel berwarna jingga wajib diisi (${withEvidence} pertanyaan meminta data dukung); jawaban tanpa data dukung berisiko tidak dinilai saat verifikasi. ` +
        'Isian seperti "terlampir", "ada" atau "-" bukan nama berkas dan dihitung sebagai belum ada data dukung.',
      'text',
    ],
    ['9. Kolom "Catatan/uraian": wajib diisi bila sel berwarna jingga (pertanyaan meminta penjelasan); boleh diisi untuk pertanyaan lain.', 'text'],
    ['Setelah selesai', 'head'],
    [
      'Simpan berkas dalam format .xlsx (jangan .xls, .ods, atau PDF), jangan mengganti nama lembar, lalu kirim kepada DPPPA sesuai jadwal ' +
        'yang ditetapkan. Cetak lembar "Jawaban", tandatangani oleh Kepala Perangkat Daerah, dan sertakan pindaiannya bersama data dukung.',
      'text',
    ],
    ['Pilihan jawaban yang digunakan pada lembar ini', 'head'],
  ];
  for (const rid of [...new Set(questions.map((q) => q.rubric))]) {
    const r = project.catalog.rubrics[rid]!;
    // The catalog's description often names its subject ("Anggaran: APBD bersama …"): the title only where it does not.
    lines.push([rubricLine(r), 'text']);
    if (r.kind === 'options') {
      for (const o of r.options) lines.push([`    • ${o.value} — ${Math.round(o.fraction * 100)}% dari poin maksimum`, 'text']);
    }
  }
  lines.push(
    ['Catatan', 'head'],
    [
      'Poin pada lembar ini dan nilai yang dihitung DPPPA dari lembar kerja ini adalah perkiraan berdasarkan rubrik acuan, bukan rubrik resmi KemenPPPA. ' +
        'Nilai resmi ditetapkan melalui verifikasi provinsi dan tim nasional.',
      'text',
    ],
  );
  await writeInstructions(ws, lines);
}

async function addIdentity(wb: ExcelJS.Workbook, project: Project, opd: Opd, validations: Validations): Promise<void> {
  const ws = wb.addWorksheet(SHEETS.identity, {
    views: [{ showGridLines: false }],
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: margins() },
  });
  ws.columns = [{ width: 3 }, { width: 30 }, { width: 46 }, { width: 36 }];
  const title = ws.getCell('B1');
  title.value = `Identitas Perangkat Daerah dan Petugas Data — KLA ${project.config.year}`;
  title.font = font({ bold: true, size: 14, color: { argb: COLOR.title } });
  for (const s of IDENTITY_SECTIONS) {
    const c = ws.getCell(`B${s.row}`);
    c.value = s.title;
    c.font = font({ bold: true, color: { argb: COLOR.title } });
  }
  const prefilled: Record<string, string | number> = {
    opdName: opd.name,
    opdCode: opd.code,
    district: project.districtName,
    year: project.config.year,
    dataYears: dataYearsText(project.dataYears),
  };
  for (const f of IDENTITY_FIELDS) {
    const row = parseCell(f.cell)!.row;
    const label = ws.getCell(`B${row}`);
    label.value = f.label;
    label.alignment = { vertical: 'middle' };
    label.font = font();
    const cell = ws.getCell(f.cell);
    cell.font = font();
    cell.border = thin;
    cell.alignment = { vertical: 'middle', wrapText: true };
    if (f.prefilled) {
      cell.value = prefilled[f.key] ?? null;
      cell.fill = fill(COLOR.locked);
      cell.alignment = { vertical: 'middle', horizontal: 'left', wrapText: true };
    } else {
      cell.fill = fill(COLOR.input);
      cell.protection = { locked: false };
      cell.numFmt = '@';
      if (f.key === 'officerNip' || f.key === 'headNip') {
        validations.add(ws, f.cell, {
          type: 'textLength',
          operator: 'equal',
          formulae: [18],
          allowBlank: true,
          showErrorMessage: true,
          errorStyle: 'warning',
          errorTitle: 'NIP belum sesuai',
          error: 'NIP terdiri atas 18 digit angka tanpa spasi.',
          showInputMessage: true,
          promptTitle: 'NIP',
          prompt: 'Tulis 18 digit NIP tanpa spasi.',
        });
      }
    }
    if (f.hint) {
      const h = ws.getCell(`D${row}`);
      h.value = f.hint;
      h.font = font({ italic: true, color: { argb: 'FF7F7F7F' }, size: 9 });
      h.alignment = { vertical: 'middle' };
    }
    ws.getRow(row).height = 20;
  }
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
}

async function addAnswers(
  wb: ExcelJS.Workbook,
  project: Project,
  opd: Opd,
  questions: CatalogQuestion[],
  rubricIds: string[],
  validations: Validations,
): Promise<void> {
  const cols = Object.keys(ANSWER_COLUMNS) as AnswerColumn[];
  const last = ANSWER_COLUMNS[cols[cols.length - 1]!];
  const ws = wb.addWorksheet(SHEETS.answers, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: ANSWER_HEADER_ROW, activeCell: `${ANSWER_COLUMNS.answer}${ANSWER_FIRST_ROW}` }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: margins(),
      printTitlesRow: `${ANSWER_HEADER_ROW}:${ANSWER_HEADER_ROW}`,
    },
    headerFooter: {
      oddFooter: `&L&8${escapeHeaderFooter(opd.name)} — KLA ${project.config.year}&R&8Halaman &P dari &N`,
      evenFooter: `&L&8${escapeHeaderFooter(opd.name)} — KLA ${project.config.year}&R&8Halaman &P dari &N`,
    },
  });
  ws.columns = cols.map((c) => ({ key: c, width: WIDTHS[c] }));

  ws.mergeCells(`A1:${last}1`);
  const title = ws.getCell('A1');
  title.value = `Lembar Jawaban Evaluasi Mandiri KLA Tahun ${project.config.year} — ${opd.name}`;
  title.font = font({ bold: true, size: 13, color: { argb: COLOR.title } });
  ws.getRow(1).height = 22;
  ws.mergeCells(`A2:${last}2`);
  const sub = ws.getCell('A2');
  sub.value =
    `${project.districtName}, Provinsi ${project.config.district.province} · ${questions.length} pertanyaan · ` +
    `data tahun ${project.dataYears.evaluated} (tahun sebelumnya: ${project.dataYears.previous}) · ` +
    'Isi sel berwarna kuning; sel berwarna jingga wajib diisi (data dukung atau uraian). Sel lain terkunci.';
  sub.font = font({ italic: true, size: 9 });
  sub.alignment = { wrapText: true, vertical: 'top' };
  ws.getRow(2).height = 18;

  const header = ws.getRow(ANSWER_HEADER_ROW);
  const headers = answerHeaders(project.dataYears);
  for (const c of cols) {
    const cell = header.getCell(ANSWER_COLUMNS[c]);
    cell.value = headers[c];
    cell.font = font({ bold: true });
    cell.fill = fill(COLOR.header);
    cell.border = thin;
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  }
  // Three lines: "Nilai tahun 2025 (tahun sebelumnya)" wraps so in its narrow column.
  header.height = 42;

  const optionRanges = new Map(rubricIds.map((r, i) => [r, optionRange(project.catalog.rubrics[r]!, i)]));
  // The whole name: the column wraps it, and the row grows to hold it.
  const indicatorLabel = (id: string) => `${id} — ${project.catalog.indicatorById.get(id)!.name}`;

  questions.forEach((q, i) => {
    const r = ANSWER_FIRST_ROW + i;
    const row = ws.getRow(r);
    const set = (c: AnswerColumn, v: ExcelJS.CellValue) => (row.getCell(ANSWER_COLUMNS[c]).value = v);
    set('id', q.id);
    set('indicator', indicatorLabel(q.indicatorId));
    set('question', q.text);
    set('points', Math.round(q.points * 100) / 100);
    set('answerType', ANSWER_TYPE_LABELS[q.answerType]);
    for (const c of cols) {
      const cell = row.getCell(ANSWER_COLUMNS[c]);
      cell.border = thin;
      cell.alignment = { wrapText: true, vertical: 'top', ...(c === 'id' || c === 'points' ? { horizontal: 'center' } : {}) };
      cell.font = font(c === 'indicator' || c === 'answerType' || c === 'points' ? { size: 9 } : {});
    }

    const answer = row.getCell(ANSWER_COLUMNS.answer);
    answer.protection = { locked: false };
    answer.fill = fill(COLOR.input);
    validations.add(ws, answer.address, validationFor(q, optionRanges.get(q.rubric)));

    const prev = row.getCell(ANSWER_COLUMNS.previous);
    if (q.previousYear) {
      prev.protection = { locked: false };
      prev.fill = fill(COLOR.input);
      validations.add(ws, prev.address, validationFor(q, optionRanges.get(q.rubric)));
    } else {
      // A visible dash says "not asked" on paper too, where the grey fill may not print.
      prev.value = '—';
      prev.fill = fill(COLOR.locked);
      prev.alignment = { vertical: 'top', horizontal: 'center' };
      prev.font = font({ color: { argb: 'FF7F7F7F' } });
    }

    const evidence = row.getCell(ANSWER_COLUMNS.evidence);
    evidence.protection = { locked: false };
    evidence.numFmt = '@';
    evidence.fill = fill(q.evidenceRequired ? COLOR.required : COLOR.input);
    if (q.evidenceRequired) evidence.note = 'Wajib diisi: nama berkas data dukung atau tautan, satu per baris.';

    const note = row.getCell(ANSWER_COLUMNS.note);
    note.protection = { locked: false };
    note.numFmt = '@';
    note.fill = fill(q.noteRequired ? COLOR.required : COLOR.input);
    if (q.noteRequired) note.note = 'Wajib diisi: uraian/penjelasan yang diminta pertanyaan.';

    const lines = Math.max(2, linesOf(q.text, WIDTHS.question * 1.05), linesOf(indicatorLabel(q.indicatorId), WIDTHS.indicator * 1.15) * 0.85);
    row.height = Math.min(409, Math.ceil(lines * 12.5 + 4));
  });

  // Signature block below the last question, in columns B and C only: the reader treats a row
  // without id but with text in the answer, evidence or note columns as an inserted row.
  const s = ANSWER_FIRST_ROW + questions.length + 2;
  const head = `${opd.name.startsWith('Forum') ? 'Ketua' : 'Kepala'} ${opd.name}`;
  const place = project.config.profile.capital ?? project.config.district.name;
  const sig: [string, string][] = [
    ['', `${place}, ........................................ ${project.config.year}`],
    ['Petugas data anak,', `Mengetahui,\n${head}`],
    ['', ''],
    ['', ''],
    ['', ''],
    ['( .................................... )', '( ........................................................................ )'],
    ['NIP. ....................................', 'NIP. ........................................................................'],
  ];
  sig.forEach(([left, right], i) => {
    const row = ws.getRow(s + i);
    for (const [col, text] of [[ANSWER_COLUMNS.indicator, left], [ANSWER_COLUMNS.question, right]] as const) {
      const cell = row.getCell(col);
      cell.value = text || null;
      cell.font = font();
      cell.alignment = { wrapText: true, vertical: 'top', horizontal: 'center' };
    }
    row.height = i === 1 ? 13 * linesOf(right, WIDTHS.question * 1.05) + 4 : i >= 2 && i <= 4 ? 18 : 14;
  });

  await protectInputSheet(ws);
}

/**
 * Data validations, collected per sheet and written as ranges: a run of cells
 * down one column with the same rule is one range. exceljs, given single
 * cells, merges them into ranges itself but sorts addresses as text (F10
 * before F4) and so writes overlapping ranges, which Excel may answer with a
 * repair prompt; given ranges that do not overlap, it writes them as they are.
 */
class Validations {
  private readonly bySheet = new Map<ExcelJS.Worksheet, { col: string; row: number; key: string; dv: ExcelJS.DataValidation }[]>();

  add(ws: ExcelJS.Worksheet, address: string, dv: ExcelJS.DataValidation): void {
    const m = /^([A-Z]+)(\d+)$/.exec(address);
    if (!m) throw new Error(`not a cell address: ${address}`);
    const list = this.bySheet.get(ws) ?? [];
    list.push({ col: m[1]!, row: Number(m[2]), key: JSON.stringify(dv), dv });
    this.bySheet.set(ws, list);
  }

  write(): void {
    for (const [ws, list] of this.bySheet) {
      list.sort((a, b) => (a.col === b.col ? a.row - b.row : a.col.length - b.col.length || (a.col < b.col ? -1 : 1)));
      let start = 0;
      for (let i = 1; i <= list.length; i++) {
        const run = list[start]!;
        const prev = list[i - 1]!;
        const next = list[i];
        if (next && next.col === run.col && next.row === prev.row + 1 && next.key === run.key) continue;
        const range = prev.row === run.row ? `${run.col}${run.row}` : `${run.col}${run.row}:${run.col}${prev.row}`;
        // `dataValidations.add` is exceljs's own API, missing from its typings.
        (ws as unknown as { dataValidations: { add(range: string, dv: ExcelJS.DataValidation): void } }).dataValidations.add(range, run.dv);
        start = i;
      }
    }
  }
}

/** Option lists live on the hidden sheet: column i+1 holds rubric i's options. */
function optionRange(r: Rubric, i: number): string {
  const col = columnLetters(i + 1);
  const n = r.kind === 'options' ? r.options.length : 0;
  return `'${SHEETS.options}'!$${col}$1:$${col}$${n}`;
}

function validationFor(q: CatalogQuestion, listRange: string | undefined): ExcelJS.DataValidation {
  const common = { allowBlank: true, showErrorMessage: true, showInputMessage: true } as const;
  if (q.answerType === 'percent') {
    return {
      ...common,
      type: 'decimal',
      operator: 'between',
      formulae: [0, 100],
      errorStyle: 'stop',
      errorTitle: 'Persentase tidak sah',
      error: 'Tulis angka antara 0 dan 100 tanpa tanda %, misalnya 87,5.',
      promptTitle: 'Persen (0–100)',
      prompt: 'Tulis angka 0–100 tanpa tanda %.',
    };
  }
  if (q.answerType === 'count') {
    return {
      ...common,
      type: 'whole',
      operator: 'greaterThanOrEqual',
      formulae: [0],
      errorStyle: 'stop',
      errorTitle: 'Jumlah tidak sah',
      error: 'Tulis bilangan bulat 0 atau lebih, tanpa titik ribuan.',
      promptTitle: 'Jumlah',
      prompt: 'Tulis bilangan bulat 0 atau lebih.',
    };
  }
  return {
    ...common,
    type: 'list',
    formulae: [listRange!],
    errorStyle: 'stop',
    errorTitle: 'Pilihan tidak tersedia',
    error: 'Pilih salah satu jawaban dari daftar pilihan.',
    promptTitle: 'Pilih jawaban',
    prompt: q.answerType === 'narrative' ? 'Pilih dari daftar, lalu uraikan di kolom Catatan.' : 'Klik tanda panah untuk memilih jawaban.',
  };
}

async function addOptions(wb: ExcelJS.Workbook, project: Project, rubricIds: string[]): Promise<void> {
  const ws = wb.addWorksheet(SHEETS.options, { state: 'hidden' });
  rubricIds.forEach((rid, i) => {
    const r = project.catalog.rubrics[rid]!;
    if (r.kind !== 'options') return;
    r.options.forEach((o, j) => (ws.getCell(j + 1, i + 1).value = o.value));
  });
  // The dropdowns read these cells: an edited option would no longer be an option.
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true });
}

async function addMeta(wb: ExcelJS.Workbook, project: Project, opd: Opd, questions: CatalogQuestion[]): Promise<void> {
  const ws = wb.addWorksheet(SHEETS.meta, { state: 'hidden' });
  const values: Record<MetaKey, string | number> = {
    generator: `kla ${toolVersion()}`,
    templateVersion: TEMPLATE_VERSION,
    catalogId: project.catalog.id,
    catalogFingerprint: fingerprintQuestions(project.catalog.id, questions),
    opdCode: opd.code,
    opdName: opd.name,
    district: project.districtName,
    year: project.config.year,
    dataYear: project.dataYears.evaluated,
    questionIds: questions.map((q) => q.id).join(','),
  };
  writeMetaValues(ws, META_KEYS, values);
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true });
}
