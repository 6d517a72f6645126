/**
 * `kla build` end to end, as a user runs it (bin/kla, no terminal): a real
 * project folder whose name has spaces and parentheses, real OPD workbooks,
 * the real validator and scorer, and the PDF read back with pdfjs-dist.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Project } from '../src/project/config.js';
import { SHEETS } from '../src/workbook/layout.js';
import { kla, root } from './helpers/cli.js';
import { cellOf, filledWorkbook, makeProject, questionOf, save } from './validate-helpers.js';
import { pdfInfo, pdfPages, squash } from './dossier.pdf.js';

/** What the OPDs' workbooks record as their last save: the dossier's date. */
const SAVED = new Date('2026-03-14T08:30:00Z');

let project: Project;
let sub: string;
/** Set once the project is complete for a final dossier: every new set of submissions then comes with the profile workbook. */
let withProfile = false;
/** The OPDs that send a workbook; the rest have not sent theirs yet. */
const SENDERS = ['DPPPA', 'DINKES', 'DINSOS', 'DISDIKBUD', 'BAPPEDA', 'HUKUM', 'DUKCAPIL', 'KOMINFO'];

async function writeSubmissions(spoil?: (wb: ExcelJS.Workbook, code: string) => void): Promise<void> {
  rmSync(sub, { recursive: true, force: true });
  mkdirSync(sub, { recursive: true });
  for (const code of SENDERS) {
    const wb = await filledWorkbook(project, code);
    wb.modified = SAVED;
    wb.created = SAVED;
    spoil?.(wb, code);
    await save(wb, path.join(sub, `${code} (jawaban final).xlsx`));
  }
  if (withProfile) copyFileSync(path.join(root, 'fixtures', 'merangin', 'submissions', PROFILE), path.join(sub, PROFILE));
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The example's profile workbook (same district and year): the dossier's own content. */
const PROFILE = readdirSync(path.join(root, 'fixtures', 'merangin', 'submissions')).find((f) => f.startsWith('Profil Daerah'))!;

/**
 * What a final dossier needs besides valid workbooks: a date, real signatories, the emblem, the profile workbook.
 * The emblem and the district's own closing text are named in kla.config.json, as a district does, and as
 * staff write paths on Windows (with backslashes): the same config must build on the Linux machine of CI.
 */
function completeForFinal(): void {
  const c = JSON.parse(readFileSync(project.configFile, 'utf8')) as Record<string, any>;
  c.document = { date: '2026-03-16', place: 'Bangko' };
  c.signatories.head.name = 'H. Mashuri, S.P., M.E.';
  c.signatories.coordinator.name = 'Dra. Hj. Rosmaini, M.Si.';
  c.district.logo = 'aset daerah\\logo kabupaten.png';
  mkdirSync(path.join(project.dir, 'aset daerah'), { recursive: true });
  writeFileSync(path.join(project.dir, 'aset daerah', 'logo kabupaten.png'), png());
  mkdirSync(path.join(project.dir, 'naskah', '2026 (final)'), { recursive: true });
  writeFileSync(path.join(project.dir, 'naskah', '2026 (final)', 'penutup.hbs'), 'Demikian dokumen {{daerah.nama}} ini kami sampaikan.\n');
  c.dossierTemplates = 'naskah\\2026 (final)';
  writeFileSync(project.configFile, JSON.stringify(c, null, 2));
  withProfile = true;
  copyFileSync(path.join(root, 'fixtures', 'merangin', 'submissions', PROFILE), path.join(sub, PROFILE));
}

beforeAll(async () => {
  project = makeProject();
  sub = project.paths.submissions;
  await writeSubmissions();
});

describe('a final dossier needs its date, real signatories, the emblem and the profile', () => {
  it('refuses with every missing point at its config key or workbook (exit 1), writes nothing, and a draft lists the same points', async () => {
    const r = kla(['build', '--project', project.dir]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('Dokumen final tidak disusun');
    for (const code of ['KLA-E719', 'KLA-E720', 'KLA-E721', 'KLA-E722', 'KLA-E268']) expect(r.stderr, code).toContain(code);
    expect(r.stderr).toContain('document.date');
    // Said in the form it takes in kla.config.json, dated in the project's year.
    expect(r.stderr).toContain('"document": { "date": "2026-03-14" }');
    expect(r.stderr).toContain('"logo" di dalam bagian "district", misalnya "logo": "lambang.png"');
    expect(r.stderr).toContain('signatories.head.name');
    expect(r.stderr).not.toMatch(/at .+\.js:\d+/);
    expect(existsSync(path.join(project.dir, 'output', 'dokumen-kla-2026.pdf'))).toBe(false);

    const d = kla(['build', '--project', project.dir, '--draft']);
    expect(d.code, d.stderr).toBe(0);
    const draft = path.join(project.dir, 'output', 'dokumen-kla-2026-draf.pdf');
    expect(d.stderr).toContain('dokumen-kla-2026-draf.pdf');
    // A kabupaten with no signing place nor capital: signed "di Merangin", and told so, with the key to set.
    expect(d.stderr).toContain('[KLA-W726]');
    expect(d.stderr).toContain('"place" di dalam bagian "document"');
    const pages = await pdfPages(readFileSync(draft));
    pages.forEach((t, i) => expect(t, `page ${i + 1}`).toMatch(/\bDRAF\b/));
    const all = pages.join(' ');
    expect(all).toContain('HAL YANG PERLU DISELESAIKAN');
    expect(all).toContain('Tanggal belum ditetapkan');
    // The same points, said to the document's readers: what is missing, never the config key or command that holds it.
    const squashed = all.replace(/\s+/g, ' ');
    expect(squashed).toContain('Tanggal penandatanganan dokumen belum ditetapkan.');
    expect(squashed).toMatch(/Nama Bupati \S+ yang menandatangani dokumen belum diisi\./);
    expect(squashed).toContain('Lambang daerah untuk sampul dokumen belum tersedia.');
    expect(squashed).not.toMatch(/document\.date|signatories\.|district\.logo|kla\.config|"kla \w+"|konfigurasi/);
    expect(existsSync(path.join(project.dir, 'output', 'laporan-kerja-kla-2026-draf.pdf'))).toBe(true);
  });
});

describe('kla build on a complete project', () => {
  let pdfFile: string;
  let reportFile: string;
  let pages: string[];
  let report: string[];
  let run: ReturnType<typeof kla>;

  beforeAll(async () => {
    completeForFinal();
    run = kla(['build', '--project', project.dir, '--xlsx', path.join(project.dir, 'output', 'rekap kla.xlsx')]);
    pdfFile = path.join(project.dir, 'output', 'dokumen-kla-2026.pdf');
    reportFile = path.join(project.dir, 'output', 'laporan-kerja-kla-2026.pdf');
    pages = existsSync(pdfFile) ? await pdfPages(readFileSync(pdfFile)) : [];
    report = existsSync(reportFile) ? await pdfPages(readFileSync(reportFile)) : [];
  });

  it('writes the dossier and the working report into output/, exits 0 and says where, in Indonesian', () => {
    expect(run.stderr).not.toMatch(/at .+\.js:\d+/); // no stack trace
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('dokumen-kla-2026.pdf');
    expect(run.stderr).toContain('laporan-kerja-kla-2026.pdf');
    expect(run.stderr).not.toContain('KLA-W726');
    expect(run.stdout).toContain('Perkiraan nilai evaluasi mandiri');
    expect(pages.length).toBeGreaterThan(20);
    expect(report.length).toBeGreaterThan(5);
    expect(readdirSync(path.dirname(pdfFile)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('shows the same total and predikat as kla score', () => {
    const scored = kla(['score', '--project', project.dir, '--format', 'json']);
    expect(scored.code, scored.stderr).toBe(0);
    const json = JSON.parse(scored.stdout) as { total: number; predikat: string | null };
    const total = json.total.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const all = pages.join(' ');
    expect(all).toContain(`Hasil evaluasi mandiri Kabupaten Merangin Tahun 2026 adalah ${total} dari nilai maksimum 1.000`);
    expect(run.stdout).toContain(`Perkiraan nilai evaluasi mandiri ${total}`);
    if (json.predikat) expect(all).toContain(`yang termasuk predikat ${json.predikat}`);
  });

  it('names the evaluation year and both data years; its answer tables name the data year of each column', () => {
    const all = pages.join(' ');
    expect(all).toContain('Data yang dievaluasi adalah data tahun 2025 dan, untuk pertanyaan yang memintanya, data tahun sebelumnya (2024).');
    expect(all).toContain('Jawaban (data 2025)');
    // A question asking for the year before shows that year's value under its year.
    expect(all).toMatch(/Tahun 2024: \S+/);
    expect(all).not.toContain('Tahun sebelumnya:');
  });

  it('numbers the front matter i, ii … and the body from 1; its table of contents points at the right pages', () => {
    const footer = (t: string) => t.trim().split(' ').pop()!;
    const front = pages.findIndex((t) => t.includes('BAB I PENDAHULUAN 1.1 Latar Belakang'));
    expect(front).toBeGreaterThan(3);
    pages.slice(1, front).forEach((t, i) => expect(footer(t), `page ${i + 2}`).toBe(['ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'][i]));
    pages.slice(front).forEach((t, i) => expect(footer(t), `page ${front + i + 1}`).toBe(String(i + 1)));
    const toc = pages.slice(1, front).join(' ');
    for (const h of ['BAB III HASIL EVALUASI MANDIRI', 'BAB IV ANALISIS DAN RENCANA TINDAK LANJUT', 'LAMPIRAN A JAWABAN INSTRUMEN DAN DATA DUKUNG']) {
      const page = Number(new RegExp(`${h} (\\d+)`).exec(toc)?.[1]);
      expect(pages[front + page - 1], h).toContain(h);
    }
  });

  it('the working report lists every workbook with the SHA-256 of its bytes and the cells answers came from; the dossier holds neither, nor officer contacts', () => {
    const trail = squash(report.join(''));
    for (const f of readdirSync(sub)) {
      expect(trail).toContain(squash(`submissions/${f}`));
      expect(trail).toContain(sha256(path.join(sub, f)));
    }
    expect(trail).toContain(squash('siti.rahmawati@merangin.go.id'));
    const dossier = squash(pages.join(''));
    for (const f of readdirSync(sub)) expect(dossier).not.toContain(sha256(path.join(sub, f)));
    expect(dossier).not.toContain(squash('siti.rahmawati@merangin.go.id'));
    expect(dossier).not.toContain('0812');
    expect(dossier).toContain(squash('Siti Rahmawati')); // the officer by name, in Lampiran C
  });

  it('bears the date set in the config, on the cover, the signatures and the PDF itself', async () => {
    expect(pages[0]).toContain('16 Maret 2026');
    expect(pages.join(' ')).toContain('Bangko, 16 Maret 2026');
    const info = await pdfInfo(readFileSync(pdfFile));
    expect(info.CreationDate).toBe('D:20260316000000Z');
    expect(info.Title).toBe('Dokumen Evaluasi Mandiri KLA Kabupaten Merangin Tahun 2026');
  });

  it('is byte-identical when built again into another folder, named as a folder (the usual names) or as files without extension', () => {
    const r = kla(['build', '-o', 'ulang (2)/', '--xlsx', 'ulang (2)/rekap'], { cwd: project.dir });
    expect(r.code, r.stderr).toBe(0);
    const again = path.join(project.dir, 'ulang (2)');
    expect(readdirSync(again).sort()).toEqual([path.basename(pdfFile), 'laporan-kerja-kla-2026.pdf', 'rekap.xlsx']);
    expect(readFileSync(path.join(again, path.basename(pdfFile))).equals(readFileSync(pdfFile))).toBe(true);
    expect(r.stderr).toContain(`ulang (2)/${path.basename(pdfFile)}`);
  });

  it('puts the logo on the cover and uses the district\'s own closing text', () => {
    expect(readFileSync(pdfFile).toString('latin1')).toMatch(/\/Subtype \/Image/);
    expect(pages.join(' ')).toContain('Demikian dokumen Kabupaten Merangin ini kami sampaikan.');
  });

  it('writes the recap workbook where --xlsx says', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(project.dir, 'output', 'rekap kla.xlsx'));
    expect(wb.getWorksheet('Pertanyaan')!.rowCount).toBe(1 + project.catalog.questionList.length);
  });
});

describe('kla build with validation errors', () => {
  let spoilt: string;
  beforeAll(async () => {
    const q = questionOf(project, 'DINKES', (x) => x.rubricDef.kind === 'options');
    await writeSubmissions((wb, code) => {
      if (code !== 'DINKES') return;
      wb.getWorksheet(SHEETS.answers)!.getCell(cellOf(wb, q.id, 'answer')).value = 'Mungkin ada';
      spoilt = q.id;
    });
  });

  it('exits 1, writes nothing and leaves an older dossier as it was', () => {
    const out = path.join(project.dir, 'output', 'lama.pdf');
    writeFileSync(out, 'dokumen lama');
    const r = kla(['build', '--project', project.dir, '-o', out, '--xlsx', path.join(project.dir, 'output', 'rekap-gagal.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Dokumen tidak disusun');
    expect(r.stderr).toContain('Tidak ada berkas yang ditulis');
    expect(r.stderr).toContain('DINKES (jawaban final).xlsx');
    expect(readFileSync(out, 'utf8')).toBe('dokumen lama');
    expect(existsSync(path.join(project.dir, 'output', 'rekap-gagal.xlsx'))).toBe(false);
    expect(readdirSync(path.join(project.dir, 'output')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('says so in English with --lang en', () => {
    const r = kla(['build', '--project', project.dir, '-o', path.join(project.dir, 'output', 'en.pdf'), '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('The dossier was not built');
    expect(existsSync(path.join(project.dir, 'output', 'en.pdf'))).toBe(false);
  });

  it('with --draft renders a draft beside the final dossier, never over it: DRAF on every page and the open problems annexed', async () => {
    const final = path.join(project.dir, 'output', 'dokumen-kla-2026.pdf');
    const before = readFileSync(final);
    const r = kla(['build', '--project', project.dir, '--draft']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('DRAF');
    expect(readFileSync(final).equals(before)).toBe(true);
    const pages = await pdfPages(readFileSync(path.join(project.dir, 'output', 'dokumen-kla-2026-draf.pdf')));
    pages.forEach((t, i) => expect(t, `page ${i + 1}`).toMatch(/\bDRAF\b/));
    const annex = pages.join(' ');
    expect(annex).toContain('HAL YANG PERLU DISELESAIKAN');
    expect(annex).toContain('Pemeriksaan lembar kerja masih menemukan 1 kesalahan pada 1 berkas');
    // The team's working report names the answer and its cell.
    const report = (await pdfPages(readFileSync(path.join(project.dir, 'output', 'laporan-kerja-kla-2026-draf.pdf')))).join(' ');
    expect(report).toContain(`"Mungkin ada" untuk pertanyaan ${spoilt}`);
  });
});

describe('kla build usage errors', () => {
  it('a template with an unknown variable stops the build before anything is read, naming file and line', () => {
    const dir = path.join(project.dir, 'templat naskah');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'penutup.hbs'), 'Penutup.\n\n{{nilai.totl}}\n');
    const out = path.join(project.dir, 'output', 'templat.pdf');
    const r = kla(['build', '--project', project.dir, '--templates', dir, '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${path.join(dir, 'penutup.hbs')}:3`);
    expect(r.stderr).toContain('"nilai.totl"');
    expect(r.stderr).not.toContain('Memeriksa lembar kerja');
    expect(existsSync(out)).toBe(false);
  });

  it('a bad SOURCE_DATE_EPOCH is a usage error', () => {
    const r = kla(['build', '--project', project.dir, '--draft', '-o', path.join(project.dir, 'output', 'x.pdf')], { env: { SOURCE_DATE_EPOCH: 'besok' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('SOURCE_DATE_EPOCH');
  });
});

/** A small real PNG (an orange disc on blue), so the logo path is tested with an actual image. */
function png(size = 48): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows: number[] = [];
  for (let y = 0; y < size; y++) {
    rows.push(0);
    for (let x = 0; x < size; x++) {
      const inside = (x - size / 2) ** 2 + (y - size / 2) ** 2 < (size / 3) ** 2;
      rows.push(...(inside ? [0xd9, 0x82, 0x2b] : [0x1f, 0x4e, 0x79]));
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// The logo and templates that the config names are in the complete project's build above.
describe('kla build with a logo named in kla.config.json', () => {
  let original: string;
  beforeAll(() => {
    original = readFileSync(project.configFile, 'utf8');
  });
  const setConfig = (patch: (c: Record<string, any>) => void) => {
    const c = JSON.parse(original) as Record<string, any>;
    patch(c);
    writeFileSync(project.configFile, JSON.stringify(c, null, 2));
  };

  it('refuses a logo that is not a PNG or JPEG, before reading any workbook', () => {
    writeFileSync(path.join(project.dir, 'logo.png'), 'bukan gambar');
    setConfig((c) => {
      c.district.logo = 'logo.png';
    });
    const r = kla(['build', '-o', path.join(project.dir, 'output', 'logo-salah.pdf')], { cwd: project.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('PNG atau JPEG');
    expect(r.stderr).not.toContain('Memeriksa lembar kerja');
    writeFileSync(project.configFile, original);
  });
});

describe('the example district (fixtures/merangin, copied to a temp folder)', () => {
  /** Two copies at different paths: the PDF must not depend on where the project lives. */
  const copies = [0, 1].map((i) => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'kla-merangin-')), i === 0 ? 'merangin' : 'Salinan KLA (arsip)');
    cpSync(path.join(root, 'fixtures', 'merangin'), dir, { recursive: true });
    rmSync(path.join(dir, 'output'), { recursive: true, force: true });
    return dir;
  });
  const pdfOf = (dir: string, name = 'dokumen-kla-2026.pdf') => path.join(dir, 'output', name);
  let pages: string[] = [];
  let report: string[] = [];
  let run: ReturnType<typeof kla>;

  beforeAll(async () => {
    run = kla(['build', '--project', copies[0]!]);
    if (existsSync(pdfOf(copies[0]!))) pages = await pdfPages(readFileSync(pdfOf(copies[0]!)));
    if (existsSync(pdfOf(copies[0]!, 'laporan-kerja-kla-2026.pdf'))) report = await pdfPages(readFileSync(pdfOf(copies[0]!, 'laporan-kerja-kla-2026.pdf')));
  });

  it('builds the final dossier with the README command and names every group and indicator', () => {
    expect(run.code, run.stderr).toBe(0);
    const all = squash(pages.join(''));
    for (const g of project.catalog.groups) {
      expect(all).toContain(squash(g.name));
      for (const ind of g.indicators) expect(all, ind.id).toContain(squash(`Indikator ${ind.id}: ${ind.name}`));
    }
    expect(pages.join(' ')).not.toMatch(/\bDRAF\b/);
  });

  it('states the total and predikat of kla score; the working report has the forecast with the evidence folder', () => {
    const scored = kla(['score', '--project', copies[0]!, '--format', 'json', '--evidence', path.join(copies[0]!, 'evidence')]);
    expect(scored.code, scored.stderr).toBe(0);
    const json = JSON.parse(scored.stdout) as { total: number; predikat: string; forecast: { total: number; predikat: string } };
    const id = (x: number) => x.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const all = pages.join(' ');
    expect(all).toContain(`adalah ${id(json.total)} dari nilai maksimum 1.000`);
    expect(all).toContain(`yang termasuk predikat ${json.predikat}`);
    // The forecast is the team's working figure, never the signed document's.
    expect(all).not.toContain(id(json.forecast.total));
    expect(report.join(' ')).toContain(`Prakiraan setelah verifikasi ${id(json.forecast.total)} (${json.forecast.predikat})`);
  });

  it('the working report lists the SHA-256 of every submission, and names the file a mistyped evidence name was probably meant to be', () => {
    expect(squash(report.join(''))).toContain(squash('Laporan imunisai rutin 2025.pdf mungkin yang dimaksud: DINKES/Laporan imunisasi rutin 2025.pdf'));
    const all = squash(report.join(''));
    const sub = path.join(copies[0]!, 'submissions');
    for (const f of readdirSync(sub).filter((x) => x.endsWith('.xlsx'))) expect(all, f).toContain(sha256(path.join(sub, f)));
  });

  it('is byte-identical when built from a copy in another folder', () => {
    const r = kla(['build'], { cwd: copies[1]! });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(pdfOf(copies[1]!)).equals(readFileSync(pdfOf(copies[0]!)))).toBe(true);
    expect(readFileSync(pdfOf(copies[1]!, 'laporan-kerja-kla-2026.pdf')).equals(readFileSync(pdfOf(copies[0]!, 'laporan-kerja-kla-2026.pdf')))).toBe(true);
  });

  it('refuses the final dossier while a conflict between OPDs is open, naming the question', () => {
    const config = path.join(copies[1]!, 'kla.config.json');
    const c = JSON.parse(readFileSync(config, 'utf8')) as { chosenAnswers: Record<string, string> };
    delete c.chosenAnswers['8.3'];
    writeFileSync(config, JSON.stringify(c, null, 2));
    const before = readFileSync(pdfOf(copies[1]!));
    const r = kla(['build'], { cwd: copies[1]! });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('KLA-E724');
    expect(r.stderr).toContain('8.3');
    expect(readFileSync(pdfOf(copies[1]!)).equals(before)).toBe(true);
  });

  it('refuses the invalid workbooks: exit 1, nothing written', () => {
    const out = path.join(copies[0]!, 'output', 'dari-invalid.pdf');
    const r = kla(['build', '--project', copies[0]!, path.join(copies[0]!, 'invalid'), '-o', out]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('Dokumen tidak disusun');
    expect(existsSync(out)).toBe(false);
  });
});
