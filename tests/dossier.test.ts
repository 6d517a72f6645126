/**
 * The dossier without the CLI: content model, narrative templates, layout and
 * the rendered PDF, from synthetic inputs scored by the real scorer. The PDFs
 * are real: their text is read back with pdfjs-dist.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { buildDossierModel, renderDossier } from '../src/dossier/index.js';
import { buildView, VIEW_SPEC } from '../src/dossier/narrative.js';
import { checkTemplate, loadTemplates, TEMPLATE_NAMES, toBlocks } from '../src/dossier/templates.js';
import { cleanText } from '../src/dossier/text.js';
import { neutralize, recapSheets } from '../src/dossier/recap.js';
import { recapWorkbook } from '../src/workbook/recap.js';
import { readWorkbookBuffer } from '../src/workbook/read.js';
import { documentDate } from '../src/dossier/date.js';
import { sourceDateEpoch } from '../src/cli/options.js';
import { groupChart } from '../src/dossier/chart.js';
import { formatRefusal, KlaError } from '../src/diagnostics/index.js';
import { refusalOf } from './helpers/refusal.js';
import { catalog, config, sampleInput } from './dossier.helpers.js';
import { pdfPages, squash } from './dossier.pdf.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kla-dossier-'));
const templates = loadTemplates();

describe('cleaning spreadsheet text', () => {
  it.each([
    ['control characters and newlines become single spaces', 'a\u0000b\r\n\tc', 'ab c'],
    ['bidi overrides and zero-width characters are dropped', 'Dinas\u202e Sosial\u200b', 'Dinas Sosial'],
    ['text is NFC', 'Cafe\u0301', 'Café'],
    ['template syntax stays literal text', '{{daerah.nama}}', '{{daerah.nama}}'],
  ])('%s', (_what, input, want) => {
    expect(cleanText(input)).toBe(want);
  });

  it('caps length with an ellipsis, never splitting a surrogate pair', () => {
    const s = cleanText('😀'.repeat(300), 10);
    expect(Array.from(s)).toHaveLength(10);
    expect(s.endsWith('…')).toBe(true);
    expect(s).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});

describe('narrative templates', () => {
  it('the shipped templates pass the check', () => {
    for (const name of TEMPLATE_NAMES) expect(Object.keys(templates.files)).toContain(name);
    expect(templates.warnings).toEqual([]);
  });

  it.each([
    ['an unknown variable', 'Baris satu.\n\n{{daerah.namaa}}', 3, { problem: 'variable', name: 'daerah.namaa' }],
    ['an unknown helper', '{{lookup daerah "nama"}}', 1, { problem: 'helper', name: 'lookup' }],
    ['a partial', 'a\n{{> kepala}}', 2, { problem: 'partial' }],
    ['#each over a value', '{{#each tahun}}x{{/each}}', 1, { problem: 'not-list', name: 'tahun' }],
    ['printing an object', '{{daerah}}', 1, { problem: 'not-printable', name: 'daerah' }],
    ['@index outside #each', '{{@index}}', 1, { problem: 'variable', name: '@index' }],
    ['a variable of the outer scope inside #each without ../', '{{#each kelompok}}\n{{tahun}}\n{{/each}}', 2, { problem: 'variable', name: 'tahun' }],
    ['a syntax error', 'a\nb {{#if x}', 2, { problem: 'syntax' }],
  ])('reports %s with its line', (_what, src, line, mention) => {
    const problems = checkTemplate(src);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]!.line).toBe(line);
    expect(problems[0]).toMatchObject(mention);
  });

  it('accepts each, with, ../ and @index/@first/@last', () => {
    const src = '{{#each kelompok}}{{@index}} {{label}} {{../tahun}} {{#if @first}}x{{/if}}{{/each}}{{#with daerah}}{{nama}}{{/with}}{{@root.tahun}}';
    expect(checkTemplate(src)).toEqual([]);
  });

  it('a district folder replaces a default by name; the error names the file and line; unknown files are reported', () => {
    const dir = path.join(tmp, 'templat kabupaten (2026)');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'penutup.hbs'), 'Penutup khusus {{daerah.nama}}.\n');
    writeFileSync(path.join(dir, 'catatan.hbs'), 'x');
    const t = loadTemplates(dir);
    expect(t.files.penutup).toBe(path.join(dir, 'penutup.hbs'));
    expect(t.warnings.map((w) => [w.code, w.location.file])).toEqual([['KLA-W712', path.join(dir, 'catatan.hbs')]]);

    writeFileSync(path.join(dir, 'kata-pengantar.hbs'), 'Salam.\n\nKami dari {{daerah.nama}}\nTahun {{tahunn}}\n');
    const e = refusalOf(() => loadTemplates(dir));
    expect(e.codes).toEqual(['KLA-E710', 'KLA-E711']);
    expect(e.diagnostics[1]!.params).toMatchObject({ file: path.join(dir, 'kata-pengantar.hbs'), line: 4, problem: 'variable', name: 'tahunn' });
    expect(formatRefusal(e, 'id')).toContain(`${path.join(dir, 'kata-pengantar.hbs')}:4`);
  });

  it('data cannot make structure: a value with "- ", blank lines or {{ }} stays one literal paragraph', () => {
    const input = sampleInput();
    input.config = { ...config, profile: { ...config.profile, description: '- bukan butir\n\n## bukan judul {{daerah.nama}} "}], "text": ' } };
    const m = buildDossierModel(input);
    const n = templates.render(buildView(m, input.config.profile));
    const [first] = n['gambaran-umum'];
    expect(first?.kind).toBe('p');
    expect(first?.kind === 'p' && first.text.startsWith('- bukan butir ## bukan judul {{daerah.nama}} "}], "text": Wilayah')).toBe(true);
    expect(n['gambaran-umum'].every((b) => b.kind === 'p')).toBe(true);
    expect(n['pendahuluan-dasar-hukum'].find((b) => b.kind === 'list')).toBeDefined();
  });

  it('turns rendered text into paragraphs and lists', () => {
    expect(toBlocks('a\nb\n\n\u0001x\n  lanjut\n\u0001y\nc')).toEqual([
      { kind: 'p', text: 'a b' },
      { kind: 'list', items: ['x lanjut', 'y'] },
      { kind: 'p', text: 'c' },
    ]);
  });

  it('VIEW_SPEC and the view have the same keys', () => {
    const view = buildView(buildDossierModel(sampleInput()), config.profile) as unknown as Record<string, unknown>;
    const keys = (o: object): string[] =>
      Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' && !Array.isArray(v) ? keys(v).map((x) => `${k}.${x}`) : [k]));
    expect(keys(view).sort()).toEqual(keys(VIEW_SPEC).sort());
  });
});

describe('the chart', () => {
  it('labels every bar with its name and value, and has an axis and a legend', () => {
    const c = groupChart([
      { label: 'Kelembagaan', max: 164, points: 120.5, forecast: 100 },
      { label: 'Klaster <V> & co', max: 205, points: 0, forecast: 0 },
    ]);
    expect(c.svg).toContain('>Kelembagaan<');
    expect(c.svg).toContain('120,50 / 164,00');
    expect(c.svg).toContain('Klaster &lt;V&gt; &amp; co');
    expect(c.svg).toContain('>250<');
    expect(c.svg).toContain('Prakiraan setelah verifikasi');
  });
});

describe('the rendered dossier', () => {
  let final: { pdf: Buffer; pages: number };
  let text: string[];
  const input = sampleInput();

  beforeAll(async () => {
    final = await renderDossier(input, templates);
    text = await pdfPages(final.pdf);
  });

  it('is an A4 PDF whose page count matches its footers ("Halaman X dari Y" on every page after the cover)', () => {
    expect(final.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(text.length).toBe(final.pages);
    expect(final.pdf.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
    text.slice(1).forEach((t, i) => expect(t).toContain(`Halaman ${i + 2} dari ${text.length}`));
    expect(text[0]).not.toContain('Halaman');
  });

  it('has the cover, the preface signed by the head, the table of contents and every chapter', () => {
    expect(text[0]).toContain('DOKUMEN EVALUASI MANDIRI');
    expect(text[0]).toContain('KABUPATEN/KOTA LAYAK ANAK');
    expect(text[0]).toContain('KABUPATEN CONTOH');
    expect(text[0]).toContain('PROVINSI JAMBI');
    expect(text[0]).toContain('TAHUN 2024');
    expect(text[1]).toContain('KATA PENGANTAR');
    expect(text[1]).toContain('H. Budi Santoso, S.E.');
    expect(text[1]).toContain('Kota Contoh, 5 Maret 2025');
    const toc = text.slice(2, 4).join(' ');
    expect(toc).toContain('DAFTAR ISI');
    const all = text.join(' ');
    for (const h of [
      'BAB I PENDAHULUAN',
      'BAB II GAMBARAN UMUM',
      'BAB III HASIL EVALUASI MANDIRI',
      'BAB IV ANALISIS KESENJANGAN DAN RENCANA TINDAK LANJUT',
      'BAB V PENUTUP',
      'LAMPIRAN A PERANGKAT DAERAH DAN PETUGAS DATA',
      'LAMPIRAN B DAFTAR DATA DUKUNG PER INDIKATOR',
      'LAMPIRAN C CATATAN KUALITAS DATA',
      'LAMPIRAN D JEJAK DATA',
      'LAMPIRAN E RUBRIK ACUAN DAN PERNYATAAN',
      'Peraturan Presiden Nomor 25 Tahun 2021',
      'Peraturan Menteri Pemberdayaan Perempuan dan Perlindungan Anak Nomor 12 Tahun 2022',
      'rubrik acuan, bukan rubrik resmi',
    ]) {
      expect(all, h).toContain(h);
      // Every heading's table-of-contents entry points at the page that carries it.
      if (h.startsWith('BAB') || h.startsWith('LAMPIRAN')) {
        const page = Number(new RegExp(`${h} (\\d+)`).exec(toc)?.[1]);
        expect(text[page - 1], `${h} on page ${page}`).toContain(h);
      }
    }
    expect(all).not.toContain('LAMPIRAN F');
    expect(all).not.toContain('DRAF');
  });

  it('names every group and indicator of the catalog', () => {
    const all = squash(text.join(''));
    for (const g of catalog.groups) {
      expect(all).toContain(squash(g.name));
      for (const ind of g.indicators) expect(all, ind.id).toContain(squash(`Indikator ${ind.id}. ${ind.name}`));
    }
    for (const q of catalog.questionList) expect(all).toContain(squash(q.id));
  });

  it('states the total and predikat as the scorer computed them, and the forecast', () => {
    const s = input.score;
    const chapter3 = text.join(' ');
    const total = s.total.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    expect(chapter3).toContain(`perkiraan nilai evaluasi mandiri Kabupaten Contoh tahun 2024 adalah ${total} dari 1.000,00`);
    expect(s.predikat).not.toBeNull();
    expect(chapter3).toContain(`predikat ${s.predikat}`);
    const forecast = s.forecast.total.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    expect(text.join(' ')).toContain(`Prakiraan nilai setelah verifikasi adalah ${forecast}`);
  });

  it('lists every input file with its SHA-256, and where each scored answer came from', () => {
    const annex = squash(text.join(''));
    for (const f of input.files) {
      expect(annex).toContain(f.sha256);
      expect(annex).toContain(squash(f.file));
    }
    const q = input.score.questions.find((x) => x.source !== null)!;
    expect(annex).toContain(squash(`${q.source!.sheet}${q.source!.cell}`));
  });

  it('lists OPDs with their petugas data and the data-quality notes', () => {
    const all = text.join(' ');
    expect(all).toContain('Petugas DINKES');
    expect(all).toContain('dinkes@contoh.go.id');
    expect(all).toContain('KLA-W003');
    expect(all).not.toContain('KLA-E010'); // errors only appear in a draft
  });

  it('is byte-identical when rendered again from the same inputs', async () => {
    const again = await renderDossier(sampleInput(), templates);
    expect(again.pdf.equals(final.pdf)).toBe(true);
  });

  it('in draft mode shows DRAF on every page and annexes the open problems', async () => {
    const draft = await renderDossier(sampleInput({ draft: true }), templates);
    const pages = await pdfPages(draft.pdf);
    pages.forEach((t, i) => expect(t, `page ${i + 1}`).toMatch(/\bDRAF\b/));
    const all = pages.join(' ');
    expect(all).toContain('LAMPIRAN F MASALAH YANG BELUM DISELESAIKAN');
    expect(all).toContain('KLA-E010');
    expect(all).toContain('Jawaban "Mungkin" bukan salah satu pilihan.');
  });
});

describe('hostile spreadsheet text', () => {
  it('is printed literally and leaves the structure alone', async () => {
    const hostile = '{{daerah.nama}} "},{"text":"X","pageBreak":"before"} \u202eterbalik\u202c ' + 'panjang '.repeat(400);
    const plain = await renderDossier(sampleInput(), templates);
    const bad = await renderDossier(sampleInput({}, { hostile }), templates);
    const pages = await pdfPages(bad.pdf);
    const all = pages.join(' ');
    expect(all).toContain('{{daerah.nama}}');
    expect(all).toContain('"},{"text":"X","pageBreak":"before"}');
    expect(all).not.toContain('\u202e');
    // Same chapters in the same order; long cells are capped, so the document grows only moderately.
    const headings = (ps: string[]) => ps.flatMap((t) => t.match(/(BAB [IV]+|LAMPIRAN [A-F]) [A-Z ]+/g) ?? []);
    expect(headings(pages)).toEqual(headings(await pdfPages(plain.pdf)));
    expect(bad.pages).toBeLessThan(plain.pages * 3);
  });
});

describe('the recap workbook', () => {
  it('neutralises text that a spreadsheet would run as a formula', () => {
    expect(neutralize('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
    expect(neutralize('+62 812')).toBe("'+62 812");
    expect(neutralize('-1')).toBe("'-1");
    expect(neutralize('@cmd')).toBe("'@cmd");
    expect(neutralize('Ada')).toBe('Ada');
    expect(neutralize(-1)).toBe(-1);
  });

  it('holds every question and every answer, with formula-like text inert', async () => {
    const input = sampleInput({}, { hostile: '=HYPERLINK("http://contoh","klik")' });
    const model = buildDossierModel(input);
    const buf = await recapWorkbook(recapSheets(model, catalog, input.submissions), input.date);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Ringkasan', 'Kelompok', 'Indikator', 'Pertanyaan', 'Jawaban OPD']);
    const q = wb.getWorksheet('Pertanyaan')!;
    expect(q.rowCount).toBe(1 + catalog.questionList.length);
    const answers = wb.getWorksheet('Jawaban OPD')!;
    expect(answers.rowCount).toBe(1 + input.submissions.reduce((n, s) => n + s.answers.length, 0));
    const note = answers.getRow(2).getCell(6);
    expect(note.type).toBe(ExcelJS.ValueType.String);
    expect(note.value).toBe('\'=HYPERLINK("http://contoh","klik")');
    const summary = new Map((wb.getWorksheet('Ringkasan')!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => [r[1], r[2]]));
    expect(summary.get('Nilai evaluasi mandiri (perkiraan)')).toBeCloseTo(input.score.total, 6);
    expect([summary.get('Tahun evaluasi'), summary.get('Tahun data yang dievaluasi'), summary.get('Tahun data sebelumnya')]).toEqual([2024, 2023, 2022]);
  });
});

describe('the document date', () => {
  it('takes SOURCE_DATE_EPOCH, and refuses a value that is not whole seconds', () => {
    expect(sourceDateEpoch({ SOURCE_DATE_EPOCH: '1767225600' })?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(sourceDateEpoch({})).toBeUndefined();
    expect(refusalOf(() => sourceDateEpoch({ SOURCE_DATE_EPOCH: 'kemarin' })).code).toBe('KLA-E512');
  });

  it('reads the saved date a workbook records about itself, and takes the latest', async () => {
    const withHeaders = async (d: Date) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Jawaban');
      ws.getRow(3).values = ['No.', 'Indikator', 'Pertanyaan', 'Poin maks.', 'Jenis jawaban', 'Jawaban (tahun dievaluasi)', 'Nilai tahun sebelumnya', 'Data dukung (nama berkas/tautan)', 'Catatan/uraian'];
      wb.modified = d;
      const r = await readWorkbookBuffer(Buffer.from(await wb.xlsx.writeBuffer()), 'x.xlsx');
      return r.status === 'read' ? r.data.savedAt : 'unreadable';
    };
    expect(await withHeaders(new Date('2026-03-14T08:30:00Z'))).toBe('2026-03-14T08:30:00.000Z');
    expect(await withHeaders(new Date('1980-01-01T00:00:00Z'))).toBeNull();
    expect(documentDate(undefined, ['2026-03-14T08:30:00.000Z', null, '2026-04-02T01:00:00.000Z'], 2026).toISOString()).toBe('2026-04-02T01:00:00.000Z');
    expect(documentDate(undefined, [null], 2026).toISOString()).toBe('2026-12-31T00:00:00.000Z');
  });
});

describe('a draft without validation errors', () => {
  it('is marked DRAF but has no annex of problems', async () => {
    const input = sampleInput({ draft: true, findings: [] });
    const { pdf } = await renderDossier(input, templates);
    const pages = await pdfPages(pdf);
    expect(pages[0]).toContain('DRAF, BELUM FINAL');
    expect(pages.join(' ')).not.toContain('LAMPIRAN F');
    pages.forEach((t) => expect(t).toMatch(/\bDRAF\b/));
  });
});
