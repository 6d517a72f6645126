/**
 * The DPPPA profile workbook: the district's own content for the dossier
 * (areas, child population, regulations and Gugus Tugas, the narrative per
 * group, earlier evaluations, planned follow-up), built from the catalog and
 * the config in the house style of the OPD templates. Layout constants come
 * from profile-layout.ts, which the reader uses too.
 */
import type ExcelJS from 'exceljs';
import type { Project } from '../project/config.js';
import { toolVersion } from '../version.js';
import { columnLetters, columnNumber } from './a1.js';
import {
  ACTIVITY_TABLE,
  AGE_GROUPS,
  AREA_SECTIONS,
  CHILD_COUNT_WIDTH,
  CHILD_FIELDS,
  CHILD_GROUP_ROW,
  CHILD_TABLE,
  CHILD_TOTAL_HEADERS,
  DESA_KINDS,
  DESA_TABLE,
  GUGUS_TUGAS_FIELDS,
  GUGUS_TUGAS_TITLE_ROW,
  HINT_ROW,
  HISTORY_TABLE,
  KECAMATAN_TABLE,
  NARRATIVE_LABEL_COL,
  NARRATIVE_PARTS,
  NARRATIVE_TEXT_COL,
  NO_PREDIKAT,
  OPTION_COLUMNS,
  OPTION_SEPARATOR,
  PROFILE_KIND,
  PROFILE_META_KEYS,
  PROFILE_SHEETS,
  PROFILE_VERSION,
  REGULATION_OPTIONS,
  REGULATION_PREFILLED,
  REGULATION_TABLE,
  SEXES,
  TITLE_ROW,
  childCountCol,
  colOf,
  lastRowOf,
  narrativeHeadingRow,
  type ProfileMetaKey,
  type Table,
} from './profile-layout.js';
import { COLOR, escapeHeaderFooter, fill, font, margins, newWorkbook, portableFileName, protectInputSheet, thin, writeInstructions, writeMetaValues } from './style.js';

/** "KLA 2026 - Profil Daerah (DPPPA).xlsx": portable, and sorted beside the OPD templates. */
export function profileFileName(project: Project): string {
  return portableFileName(`KLA ${project.config.year} - Profil Daerah (DPPPA)`);
}

/** "Bupati" or "Wali Kota", as the regulation kinds name the head of the district. */
export const headTitle = (project: Project) => (project.config.district.kind === 'kota' ? 'Wali Kota' : 'Bupati');

export function opdOption(code: string, name: string): string {
  return `${code}${OPTION_SEPARATOR}${name}`;
}

export function indicatorOption(id: string, name: string): string {
  return `${id}${OPTION_SEPARATOR}${name}`;
}

/** The options of the predikat dropdown: the catalog's bands, then "no predikat". */
export const predikatOptions = (project: Project) => [...project.catalog.predikat.bands.map((b) => b.name), NO_PREDIKAT];

export async function buildProfileWorkbook(project: Project, opts: { date?: Date } = {}): Promise<ExcelJS.Workbook> {
  const wb = newWorkbook(project, opts.date);

  const options = optionLists(project);
  const lists = options.ranges;
  await addInstructions(wb, project);
  await addAreas(wb, project);
  await addChildren(wb, project);
  await addRegulations(wb, project, lists);
  await addNarratives(wb, project);
  await addHistory(wb, project, lists);
  await addActivities(wb, project, lists);
  addOptions(wb, options.values);
  addMeta(wb, project);
  return wb;
}

// ---------------------------------------------------------------------------
// Common pieces

type Orientation = 'portrait' | 'landscape';

function sheet(wb: ExcelJS.Workbook, project: Project, name: string, orientation: Orientation, frozen?: { row: number; col?: number }): ExcelJS.Worksheet {
  const footer = `&L&8${escapeHeaderFooter(`Profil Daerah KLA ${project.config.year} — ${project.districtName}`)}&R&8Halaman &P dari &N`;
  return wb.addWorksheet(name, {
    views: [frozen ? { state: 'frozen', xSplit: frozen.col ?? 0, ySplit: frozen.row, showGridLines: false } : { showGridLines: false }],
    pageSetup: { paperSize: 9, orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: margins() },
    headerFooter: { oddFooter: footer, evenFooter: footer },
  });
}

function heading(ws: ExcelJS.Worksheet, lastCol: string, title: string, hint: string): void {
  ws.mergeCells(`A${TITLE_ROW}:${lastCol}${TITLE_ROW}`);
  const t = ws.getCell(`A${TITLE_ROW}`);
  t.value = title;
  t.font = font({ bold: true, size: 13, color: { argb: COLOR.title } });
  ws.getRow(TITLE_ROW).height = 22;
  ws.mergeCells(`A${HINT_ROW}:${lastCol}${HINT_ROW}`);
  const h = ws.getCell(`A${HINT_ROW}`);
  h.value = hint;
  h.font = font({ italic: true, size: 9 });
  h.alignment = { wrapText: true, vertical: 'top' };
  ws.getRow(HINT_ROW).height = 26;
}

function section(ws: ExcelJS.Worksheet, cell: string, title: string): void {
  const c = ws.getCell(cell);
  c.value = title;
  c.font = font({ bold: true, color: { argb: COLOR.title } });
}

function headerCell(cell: ExcelJS.Cell, text: string): void {
  cell.value = text;
  cell.font = font({ bold: true });
  cell.fill = fill(COLOR.header);
  cell.border = thin;
  cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
}

function inputCell(cell: ExcelJS.Cell, opts: { text?: boolean; wrap?: boolean } = {}): void {
  cell.protection = { locked: false };
  cell.fill = fill(COLOR.input);
  cell.border = thin;
  cell.font = font();
  cell.alignment = { vertical: 'top', wrapText: opts.wrap ?? true };
  // Codes such as 15.02.01 and numbers such as 188.45/215/2025 must stay text: Excel would read them as dates or numbers.
  if (opts.text) cell.numFmt = '@';
}

type Validation = ExcelJS.DataValidation;
/** Data validation over a range: one entry in the file, not one per cell (missing from exceljs's typings). */
function validate(ws: ExcelJS.Worksheet, range: string, dv: Validation): void {
  (ws as unknown as { dataValidations: { add(range: string, dv: Validation): void } }).dataValidations.add(range, dv);
}

const common = { allowBlank: true, showErrorMessage: true, showInputMessage: true, errorStyle: 'stop' } as const;

function listOf(range: string, title: string, prompt: string): Validation {
  return {
    ...common,
    type: 'list',
    formulae: [range],
    errorTitle: 'Pilihan tidak tersedia',
    error: 'Pilih salah satu isian dari daftar pilihan.',
    promptTitle: title,
    prompt,
  };
}

function wholeBetween(min: number, max: number | null, title: string, error: string): Validation {
  return {
    ...common,
    type: 'whole',
    operator: max === null ? 'greaterThanOrEqual' : 'between',
    formulae: max === null ? [min] : [min, max],
    errorTitle: title,
    error,
    promptTitle: title,
    prompt: error,
  };
}

/** The header row and prepared rows of a table; `inputs` says how each input column is styled and checked. */
function table<K extends string>(
  ws: ExcelJS.Worksheet,
  t: Table<K>,
  inputs: Partial<Record<K, { text?: boolean; wrap?: boolean; dv?: Validation; align?: 'center' }>>,
): void {
  for (const c of t.columns) {
    headerCell(ws.getCell(`${c.col}${t.headerRow}`), c.header);
    ws.getColumn(c.col).width = c.width;
  }
  ws.getRow(t.headerRow).height = 30;
  for (let i = 0; i < t.capacity; i++) {
    const r = t.firstRow + i;
    for (const c of t.columns) {
      const cell = ws.getCell(`${c.col}${r}`);
      const input = inputs[c.key];
      if (input) {
        inputCell(cell, input);
        if (input.align) cell.alignment = { ...cell.alignment, horizontal: input.align };
      } else {
        cell.value = i + 1;
        cell.font = font({ size: 9, color: { argb: COLOR.muted } });
        cell.fill = fill(COLOR.locked);
        cell.border = thin;
        cell.alignment = { horizontal: 'center', vertical: 'top' };
      }
    }
  }
  const last = lastRowOf(t);
  for (const c of t.columns) {
    const dv = inputs[c.key]?.dv;
    if (dv) validate(ws, `${c.col}${t.firstRow}:${c.col}${last}`, dv);
  }
}


const optionRange = (col: string, n: number) => `'${PROFILE_SHEETS.options}'!$${col}$1:$${col}$${Math.max(1, n)}`;

type OptionList = keyof typeof OPTION_COLUMNS;
type Lists = Record<OptionList, string>;

/** The dropdown lists (written last, on the hidden options sheet) and the ranges the other sheets refer to. */
function optionLists(project: Project): { values: Record<OptionList, string[]>; ranges: Lists } {
  const head = headTitle(project);
  const values: Record<OptionList, string[]> = {
    regulationKind: REGULATION_OPTIONS.map((o) => o.label(head)),
    desaKind: DESA_KINDS.map((k) => k.label),
    predikat: predikatOptions(project),
    opd: project.config.opds.map((o) => opdOption(o.code, o.name)),
    indicator: project.catalog.groups.flatMap((g) => g.indicators.map((i) => indicatorOption(i.id, i.name))),
  };
  const keys = Object.keys(OPTION_COLUMNS) as OptionList[];
  const ranges = Object.fromEntries(keys.map((k) => [k, optionRange(OPTION_COLUMNS[k], values[k].length)])) as Lists;
  return { values, ranges };
}

function addOptions(wb: ExcelJS.Workbook, values: Record<OptionList, string[]>): void {
  const ws = wb.addWorksheet(PROFILE_SHEETS.options, { state: 'hidden' });
  for (const key of Object.keys(OPTION_COLUMNS) as OptionList[]) {
    values[key].forEach((v, i) => (ws.getCell(`${OPTION_COLUMNS[key]}${i + 1}`).value = v));
  }
}

// ---------------------------------------------------------------------------
// Sheets

async function addInstructions(wb: ExcelJS.Workbook, project: Project): Promise<void> {
  const ws = wb.addWorksheet(PROFILE_SHEETS.instructions, {
    views: [{ showGridLines: false }],
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: margins() },
  });
  ws.columns = [{ width: 3 }, { width: 110 }];
  const { year } = project.config;
  const p = project.config.profile;
  const dpppa = project.config.signatories.coordinator.title;
  const counts =
    p.kecamatan !== undefined && p.desaKelurahan !== undefined
      ? ` Menurut profil daerah pada konfigurasi, ${project.districtName} terdiri atas ${p.kecamatan} kecamatan dan ${p.desaKelurahan} desa/kelurahan; jumlah baris yang diisi diperiksa terhadap angka tersebut.`
      : '';
  const groups = project.catalog.groups.map((g) => g.label).join(', ');
  const S = PROFILE_SHEETS;
  const lines: [string, 'title' | 'head' | 'text'][] = [
    [`Petunjuk Pengisian Lembar Kerja Profil Daerah KLA Tahun ${year}`, 'title'],
    [`${dpppa} — ${project.districtName}, Provinsi ${project.config.district.province}`, 'text'],
    ['Maksud lembar kerja ini', 'head'],
    [
      `Lembar kerja ini menghimpun data daerah yang menjadi bahan Dokumen Evaluasi Mandiri KLA ${project.districtName} Tahun ${year}: ` +
        'wilayah administrasi, jumlah anak menurut kecamatan, jenis kelamin dan kelompok umur, peraturan daerah dan Gugus Tugas KLA, ' +
        'uraian capaian, kendala dan upaya untuk setiap klaster, riwayat evaluasi, serta rencana tindak lanjut setiap perangkat daerah. ' +
        'Lembar kerja diisi oleh DPPPA dan diperiksa bersama lembar kerja OPD. Isinya dimuat dalam dokumen resmi yang ditandatangani ' +
        'Kepala Daerah; mohon ditulis dengan bahasa baku dan data yang dapat dipertanggungjawabkan.',
      'text',
    ],
    ['Cara mengisi', 'head'],
    ['1. Isi hanya sel berwarna kuning. Judul kolom dan nomor urut dikunci; jangan mengganti nama lembar.', 'text'],
    [
      `2. Lembar "${S.areas}": tulis setiap kecamatan satu kali pada tabel kiri (kode wilayah Kemendagri bila ada, dan nama kecamatan), ` +
        'lalu setiap desa dan kelurahan pada tabel kanan beserta jenisnya dan kecamatannya (pilih dari daftar). Isi tabel kecamatan lebih dahulu: ' +
        `daftar pilihan kecamatan pada lembar ini dan lembar "${S.children}" diambil dari tabel tersebut.${counts}`,
      'text',
    ],
    [
      `3. Lembar "${S.children}": isi tahun data dan sumber data (misalnya Disdukcapil, Data Kependudukan Bersih Semester II ${year - 1}), ` +
        'lalu satu baris untuk setiap kecamatan: pilih nama kecamatan dari daftar dan tulis jumlah anak laki-laki (L) dan perempuan (P) ' +
        `menurut kelompok umur ${AGE_GROUPS.join(', ')} tahun sebagai bilangan bulat tanpa titik ribuan. Kolom jumlah dihitung sendiri.`,
      'text',
    ],
    [
      `4. Lembar "${S.regulations}": tulis peraturan daerah tentang KLA dan keputusan kepala daerah tentang Gugus Tugas KLA ` +
        '(nomor, tahun, dan judul "tentang"), serta peraturan lain yang terkait anak. Di bawah tabel, isi jabatan Ketua Gugus Tugas dan ' +
        'jumlah anggotanya sesuai keputusan pembentukannya.',
      'text',
    ],
    [
      `5. Lembar "${S.narratives}": untuk setiap kelompok (${groups}) tulis capaian, kendala, dan upaya masing-masing dalam satu sel. ` +
        'Sebutkan angka dan sumbernya. Tekan Alt+Enter untuk memulai baris baru di dalam sel.',
      'text',
    ],
    [`6. Lembar "${S.history}": satu baris untuk setiap evaluasi KLA sebelumnya (tahun, predikat yang diperoleh, nilai total bila diketahui).`, 'text'],
    [
      `7. Lembar "${S.activities}": kegiatan tindak lanjut setiap perangkat daerah: pilih perangkat daerah dan indikator yang ditingkatkan, ` +
        'lalu tulis kegiatan, waktu pelaksanaan (misalnya "Triwulan II 2026"), dan unit penanggung jawab.',
      'text',
    ],
    ['Setelah selesai', 'head'],
    [
      'Simpan berkas dalam format .xlsx (jangan .xls, .ods, atau PDF) dan letakkan di folder kiriman bersama lembar kerja OPD. ' +
        'Bila terdapat lebih dari satu berkas profil daerah, yang dipakai adalah berkas yang paling akhir disimpan.',
      'text',
    ],
  ];
  await writeInstructions(ws, lines);
}

async function addAreas(wb: ExcelJS.Workbook, project: Project): Promise<void> {
  const ws = sheet(wb, project, PROFILE_SHEETS.areas, 'landscape', { row: KECAMATAN_TABLE.headerRow });
  const lastCol = DESA_TABLE.columns.at(-1)!.col;
  heading(
    ws,
    lastCol,
    `Wilayah Administrasi ${project.districtName}`,
    'Tabel kiri: setiap kecamatan satu kali. Tabel kanan: setiap desa dan kelurahan, dengan jenis dan kecamatannya dipilih dari daftar. Kode wilayah mengikuti Kemendagri (boleh dikosongkan bila belum ada).',
  );
  for (const s of AREA_SECTIONS) section(ws, s.cell, s.title);
  // The column between the two tables.
  ws.getColumn(columnLetters(columnNumber(KECAMATAN_TABLE.columns.at(-1)!.col) + 1)).width = 3;
  const kecamatanNames = `$${colOf(KECAMATAN_TABLE, 'name')}$${KECAMATAN_TABLE.firstRow}:$${colOf(KECAMATAN_TABLE, 'name')}$${lastRowOf(KECAMATAN_TABLE)}`;
  table(ws, KECAMATAN_TABLE, { code: { text: true }, name: {} });
  table(ws, DESA_TABLE, {
    code: { text: true },
    name: {},
    kind: { dv: listOf(optionRange(OPTION_COLUMNS.desaKind, DESA_KINDS.length), 'Jenis', 'Pilih Desa atau Kelurahan.') },
    kecamatan: { dv: listOf(kecamatanNames, 'Kecamatan', 'Pilih kecamatan dari tabel kecamatan di sebelah kiri.') },
  });
  ws.pageSetup.printTitlesRow = `${KECAMATAN_TABLE.headerRow}:${KECAMATAN_TABLE.headerRow}`;
  await protectInputSheet(ws);
}

async function addChildren(wb: ExcelJS.Workbook, project: Project): Promise<void> {
  const t = CHILD_TABLE;
  const counts = AGE_GROUPS.length * SEXES.length;
  const totalsFirst = childCountCol(0, 0) + counts;
  const lastCol = columnLetters(totalsFirst + CHILD_TOTAL_HEADERS.length - 1);
  const ws = sheet(wb, project, PROFILE_SHEETS.children, 'landscape', { row: t.headerRow, col: 2 });
  heading(
    ws,
    lastCol,
    `Jumlah Anak (0–17 Tahun) menurut Kecamatan, Jenis Kelamin, dan Kelompok Umur — ${project.districtName}`,
    'Satu baris untuk setiap kecamatan pada lembar Wilayah (pilih dari daftar). Tulis bilangan bulat tanpa titik ribuan; L = laki-laki, P = perempuan.',
  );
  for (const f of Object.values(CHILD_FIELDS)) {
    const row = Number(f.cell.slice(1));
    const label = ws.getCell(`B${row}`);
    label.value = f.label;
    label.font = font({ bold: true });
    label.alignment = { vertical: 'middle' };
  }
  const yearCell = ws.getCell(CHILD_FIELDS.year.cell);
  inputCell(yearCell);
  yearCell.alignment = { vertical: 'middle', horizontal: 'center' };
  validate(ws, CHILD_FIELDS.year.cell, wholeBetween(2000, project.config.year, 'Tahun data', `Tulis tahun data, 2000–${project.config.year}.`));
  ws.mergeCells(`${CHILD_FIELDS.source.cell}:${lastCol}${CHILD_FIELDS.source.cell.slice(1)}`);
  inputCell(ws.getCell(CHILD_FIELDS.source.cell), { text: true });

  // Age groups over their L and P columns, then L/P under each.
  headerCell(ws.getCell(`A${CHILD_GROUP_ROW}`), '');
  headerCell(ws.getCell(`B${CHILD_GROUP_ROW}`), '');
  AGE_GROUPS.forEach((age, a) => {
    const from = columnLetters(childCountCol(a, 0));
    const to = columnLetters(childCountCol(a, SEXES.length - 1));
    ws.mergeCells(`${from}${CHILD_GROUP_ROW}:${to}${CHILD_GROUP_ROW}`);
    headerCell(ws.getCell(`${from}${CHILD_GROUP_ROW}`), `${age} tahun`);
    SEXES.forEach((s, x) => {
      const col = columnLetters(childCountCol(a, x));
      headerCell(ws.getCell(`${col}${t.headerRow}`), s.short);
      ws.getColumn(col).width = CHILD_COUNT_WIDTH;
    });
  });
  ws.mergeCells(`${columnLetters(totalsFirst)}${CHILD_GROUP_ROW}:${lastCol}${CHILD_GROUP_ROW}`);
  headerCell(ws.getCell(`${columnLetters(totalsFirst)}${CHILD_GROUP_ROW}`), 'Jumlah 0–17 tahun');
  CHILD_TOTAL_HEADERS.forEach((h, i) => {
    const col = columnLetters(totalsFirst + i);
    headerCell(ws.getCell(`${col}${t.headerRow}`), h);
    ws.getColumn(col).width = CHILD_COUNT_WIDTH + 1;
  });

  table(ws, t, {
    kecamatan: {
      dv: listOf(
        `'${PROFILE_SHEETS.areas}'!$${colOf(KECAMATAN_TABLE, 'name')}$${KECAMATAN_TABLE.firstRow}:$${colOf(KECAMATAN_TABLE, 'name')}$${lastRowOf(KECAMATAN_TABLE)}`,
        'Kecamatan',
        'Pilih kecamatan dari lembar Wilayah.',
      ),
    },
  });
  ws.getRow(CHILD_GROUP_ROW).height = 20;
  ws.getRow(t.headerRow).height = 20;
  const sexCols = (x: number) => AGE_GROUPS.map((_, a) => columnLetters(childCountCol(a, x)));
  const firstCount = columnLetters(childCountCol(0, 0));
  const lastCount = columnLetters(childCountCol(AGE_GROUPS.length - 1, SEXES.length - 1));
  for (let r = t.firstRow; r <= lastRowOf(t); r++) {
    for (let c = childCountCol(0, 0); c < totalsFirst; c++) {
      const cell = ws.getCell(r, c);
      inputCell(cell, { wrap: false });
      cell.numFmt = '#,##0';
      cell.alignment = { vertical: 'top', horizontal: 'right' };
    }
    const formulas = [`SUM(${sexCols(0).map((c) => `${c}${r}`).join(',')})`, `SUM(${sexCols(1).map((c) => `${c}${r}`).join(',')})`, `SUM(${firstCount}${r}:${lastCount}${r})`];
    formulas.forEach((formula, i) => total(ws.getCell(r, totalsFirst + i), formula));
  }
  validate(ws, `${firstCount}${t.firstRow}:${lastCount}${lastRowOf(t)}`, wholeBetween(0, null, 'Jumlah anak', 'Tulis bilangan bulat 0 atau lebih, tanpa titik ribuan.'));
  // A totals row below the prepared rows, for the DPPPA to compare with the district's child population.
  const sumRow = lastRowOf(t) + 1;
  const label = ws.getCell(`B${sumRow}`);
  label.value = `Jumlah ${project.districtName}`;
  label.font = font({ bold: true });
  label.border = thin;
  for (let c = childCountCol(0, 0); c < totalsFirst + CHILD_TOTAL_HEADERS.length; c++) {
    const col = columnLetters(c);
    total(ws.getCell(sumRow, c), `SUM(${col}${t.firstRow}:${col}${lastRowOf(t)})`, true);
  }
  ws.pageSetup.printTitlesRow = `${CHILD_GROUP_ROW}:${t.headerRow}`;
  await protectInputSheet(ws);
}

/** A computed cell: locked, grey. The cached result is 0 (the template is empty); Excel recalculates on opening. */
function total(cell: ExcelJS.Cell, formula: string, bold = false): void {
  cell.value = { formula, result: 0 };
  cell.numFmt = '#,##0';
  cell.font = font({ bold });
  cell.fill = fill(COLOR.locked);
  cell.border = thin;
  cell.alignment = { horizontal: 'right', vertical: 'top' };
}

async function addRegulations(wb: ExcelJS.Workbook, project: Project, lists: Lists): Promise<void> {
  const t = REGULATION_TABLE;
  const lastCol = t.columns.at(-1)!.col;
  const ws = sheet(wb, project, PROFILE_SHEETS.regulations, 'landscape');
  heading(
    ws,
    lastCol,
    `Regulasi dan Gugus Tugas KLA ${project.districtName}`,
    'Tulis nomor dan tahun secara terpisah, misalnya Nomor "5" dan Tahun "2022"; judul ditulis seperti pada peraturan ("Penyelenggaraan Kabupaten Layak Anak").',
  );
  section(ws, 'A3', 'A. Peraturan dan keputusan daerah');
  const thisYear = project.config.year;
  table(ws, t, {
    kind: { dv: listOf(lists.regulationKind, 'Jenis', 'Pilih jenis peraturan atau keputusan.') },
    number: { text: true },
    year: { align: 'center', dv: wholeBetween(1945, thisYear, 'Tahun', `Tulis tahun penetapan, 1945–${thisYear}.`) },
    title: {},
  });
  const head = headTitle(project);
  REGULATION_PREFILLED.forEach((option, i) => {
    ws.getCell(`${colOf(t, 'kind')}${t.firstRow + i}`).value = REGULATION_OPTIONS[option]!.label(head);
  });
  for (let r = t.firstRow; r <= lastRowOf(t); r++) ws.getRow(r).height = 28;

  section(ws, `A${GUGUS_TUGAS_TITLE_ROW}`, 'B. Gugus Tugas KLA');
  for (const f of Object.values(GUGUS_TUGAS_FIELDS)) {
    const row = Number(f.cell.slice(1));
    const label = ws.getCell(`B${row}`);
    label.value = f.label;
    label.font = font();
    label.alignment = { vertical: 'middle', wrapText: true };
    ws.getRow(row).height = 28;
  }
  const chair = GUGUS_TUGAS_FIELDS.chair.cell;
  ws.mergeCells(`${chair}:${lastCol}${chair.slice(1)}`);
  inputCell(ws.getCell(chair), { text: true });
  inputCell(ws.getCell(GUGUS_TUGAS_FIELDS.members.cell));
  ws.getCell(GUGUS_TUGAS_FIELDS.members.cell).alignment = { vertical: 'top', horizontal: 'center' };
  validate(ws, GUGUS_TUGAS_FIELDS.members.cell, wholeBetween(0, null, 'Jumlah anggota', 'Tulis bilangan bulat 0 atau lebih.'));
  await protectInputSheet(ws);
}

async function addNarratives(wb: ExcelJS.Workbook, project: Project): Promise<void> {
  const ws = sheet(wb, project, PROFILE_SHEETS.narratives, 'portrait');
  heading(
    ws,
    NARRATIVE_TEXT_COL,
    `Capaian, Kendala, dan Upaya per Klaster — ${project.districtName}`,
    'Satu sel untuk setiap bagian; tekan Alt+Enter untuk baris baru. Uraian ini dimuat dalam Bab III dokumen evaluasi.',
  );
  ws.getColumn(NARRATIVE_LABEL_COL).width = 16;
  ws.getColumn(NARRATIVE_TEXT_COL).width = 120;
  project.catalog.groups.forEach((g, i) => {
    const r = narrativeHeadingRow(i);
    headerCell(ws.getCell(`${NARRATIVE_LABEL_COL}${r}`), g.label);
    const name = ws.getCell(`${NARRATIVE_TEXT_COL}${r}`);
    headerCell(name, g.name);
    name.alignment = { vertical: 'middle', horizontal: 'left', wrapText: true };
    ws.getRow(r).height = 20;
    NARRATIVE_PARTS.forEach((part, j) => {
      const row = r + 1 + j;
      const label = ws.getCell(`${NARRATIVE_LABEL_COL}${row}`);
      label.value = part.label;
      label.font = font({ bold: true });
      label.border = thin;
      label.alignment = { vertical: 'top' };
      const text = ws.getCell(`${NARRATIVE_TEXT_COL}${row}`);
      inputCell(text, { text: true });
      validate(ws, `${NARRATIVE_TEXT_COL}${row}`, {
        ...common,
        errorStyle: 'warning',
        type: 'textLength',
        operator: 'lessThanOrEqual',
        formulae: [30000],
        errorTitle: 'Uraian terlalu panjang',
        error: 'Satu sel memuat paling banyak 30.000 karakter.',
        promptTitle: `${part.label} — ${g.label}`,
        prompt: part.hint,
      });
      ws.getRow(row).height = 96;
    });
  });
  await protectInputSheet(ws);
}

async function addHistory(wb: ExcelJS.Workbook, project: Project, lists: Lists): Promise<void> {
  const t = HISTORY_TABLE;
  const ws = sheet(wb, project, PROFILE_SHEETS.history, 'portrait');
  heading(
    ws,
    t.columns.at(-1)!.col,
    `Riwayat Evaluasi KLA ${project.districtName}`,
    `Satu baris untuk setiap evaluasi sebelum tahun ${project.config.year}: tahun, predikat yang diperoleh, dan nilai total bila diketahui.`,
  );
  table(ws, t, {
    year: { align: 'center', dv: wholeBetween(2000, project.config.year - 1, 'Tahun evaluasi', `Tulis tahun evaluasi sebelumnya, 2000–${project.config.year - 1}.`) },
    predikat: { dv: listOf(lists.predikat, 'Predikat', 'Pilih predikat yang diperoleh.') },
    total: {
      align: 'center',
      dv: {
        ...common,
        type: 'decimal',
        operator: 'between',
        formulae: [0, project.catalog.totalMax],
        errorTitle: 'Nilai total',
        error: `Tulis nilai total 0–${project.catalog.totalMax}, misalnya 588,40.`,
        promptTitle: 'Nilai total',
        prompt: 'Boleh dikosongkan bila tidak diketahui.',
      },
    },
    note: {},
  });
  await protectInputSheet(ws);
}

async function addActivities(wb: ExcelJS.Workbook, project: Project, lists: Lists): Promise<void> {
  const t = ACTIVITY_TABLE;
  const ws = sheet(wb, project, PROFILE_SHEETS.activities, 'landscape', { row: t.headerRow });
  heading(
    ws,
    t.columns.at(-1)!.col,
    `Rencana Tindak Lanjut per Perangkat Daerah — ${project.districtName}`,
    'Satu baris untuk setiap kegiatan: pilih perangkat daerah dan indikator dari daftar, lalu tulis kegiatan, waktu pelaksanaan, dan unit penanggung jawab.',
  );
  table(ws, t, {
    opd: { dv: listOf(lists.opd, 'Perangkat Daerah', 'Pilih perangkat daerah pelaksana.') },
    indicator: { dv: listOf(lists.indicator, 'Indikator', 'Pilih indikator yang ditingkatkan oleh kegiatan ini.') },
    activity: {},
    timing: { text: true },
    responsible: {},
  });
  ws.pageSetup.printTitlesRow = `${t.headerRow}:${t.headerRow}`;
  await protectInputSheet(ws);
}

function addMeta(wb: ExcelJS.Workbook, project: Project): void {
  const ws = wb.addWorksheet(PROFILE_SHEETS.meta, { state: 'hidden' });
  const values: Record<ProfileMetaKey, string | number> = {
    generator: `kla ${toolVersion()}`,
    workbook: PROFILE_KIND,
    profileVersion: PROFILE_VERSION,
    catalogId: project.catalog.id,
    district: project.districtName,
    year: project.config.year,
    groups: project.catalog.groups.map((g) => g.id).join(','),
    ageGroups: AGE_GROUPS.join(','),
  };
  writeMetaValues(ws, PROFILE_META_KEYS, values);
}
