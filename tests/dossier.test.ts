/**
 * The documents without the CLI: content model, outline and numbering,
 * narrative templates, layout and the rendered PDFs, from synthetic inputs
 * scored by the real scorer. The PDFs are real: their text and positions are
 * read back with pdfjs-dist.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { buildDossierModel, renderDocuments, type Documents } from '../src/dossier/index.js';
import { buildView, VIEW_SPEC } from '../src/dossier/narrative.js';
import { checkTemplate, loadTemplates, TEMPLATE_NAMES, toBlocks } from '../src/dossier/templates.js';
import { cleanText, percent, percentValue, maximum, points, truncate } from '../src/dossier/text.js';
import { neutralize, recapSheets } from '../src/dossier/recap.js';
import { recapWorkbook } from '../src/workbook/recap.js';
import { readWorkbookBuffer } from '../src/workbook/read.js';
import { documentDate } from '../src/dossier/date.js';
import { sourceDateEpoch } from '../src/cli/options.js';
import { childrenChart, scoreChart } from '../src/dossier/chart.js';
import { dossierOutline } from '../src/dossier/dossier.js';
import { numberOutline } from '../src/dossier/outline.js';
import { formatRefusal } from '../src/diagnostics/index.js';
import { refusalOf } from './helpers/refusal.js';
import { catalog, config, opds, sampleInput } from './dossier.helpers.js';
import { expectListedOnTheirPages, frontLinks, layoutProblems, pdfLayout, pdfPages, squash } from './dossier.pdf.js';

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

  it('cuts long text at a word boundary, never inside a word', () => {
    expect(truncate('Apakah tersedia kebijakan yang menjalankan program', 30)).toBe('Apakah tersedia kebijakan…');
    expect(cleanText('Kabupaten Merangin menjalankan kebijakan', 28)).toBe('Kabupaten Merangin…');
  });

  it('words numbers by one rule per kind: points two decimals, maxima as stated, answers as typed, shares with two decimals', () => {
    expect(points(12.5)).toBe('12,50');
    expect(maximum(1000)).toBe('1.000');
    expect(maximum(3.2)).toBe('3,20');
    // A percentage answered: as the OPD typed it.
    expect(percentValue(26)).toBe('26%');
    expect(percentValue(22.5)).toBe('22,5%');
    expect(percentValue(61.2345)).toBe('61,23%');
    // A share computed (capaian): two decimals always, so that a column of them aligns.
    expect([percent(27, 100), percent(122.25, 164), percent(1, 3), percent(1, 0)]).toEqual(['27,00%', '74,54%', '33,33%', '–']);
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
    ['a tag not closed', 'a\nb {{#if x}', 2, { problem: 'tag-unclosed' }],
    ['a block closed with another name', 'a\n\n{{#if nilai.adaPredikat}}\nx {{/iff}}', 4, { problem: 'block-mismatch', name: 'if', found: 'iff' }],
    ['a block never closed', 'a\n{{#each kelompok}}\n{{label}}\n', 2, { problem: 'block-unclosed', name: 'each' }],
    ['a closing tag without its block', 'a\n\n{{/if}} b', 3, { problem: 'block-stray', name: 'if' }],
    ['another syntax error', 'a\n{{nama )}}', 2, { problem: 'syntax' }],
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
    const hostile = '- satu\n\n- dua {{tahun}} \u0001';
    const m = buildDossierModel({ ...input, config: { ...config, profile: { ...config.profile, description: hostile } } });
    const n = templates.render(buildView(m, numberOutline(dossierOutline(m, () => ({}) as never)), 'Kota Contoh'));
    const blocks = n['gambaran-umum'];
    expect(blocks[0]).toEqual({ kind: 'p', text: '- satu - dua {{tahun}}' });
  });

  it('turns rendered text into paragraphs and lists', () => {
    expect(toBlocks('Satu\nbaris.\n\nDua.\n\u0001a;\n\u0001b.\n')).toEqual([
      { kind: 'p', text: 'Satu baris.' },
      { kind: 'p', text: 'Dua.' },
      { kind: 'list', items: ['a;', 'b.'] },
    ]);
  });

  it('VIEW_SPEC and the view have the same keys', () => {
    const m = buildDossierModel(sampleInput());
    const view = buildView(m, numberOutline(dossierOutline(m, () => ({}) as never)), 'Kota Contoh') as unknown as Record<string, unknown>;
    const keys = (o: unknown): string[] => (o && typeof o === 'object' && !Array.isArray(o) ? Object.entries(o).flatMap(([k, v]) => [k, ...keys(v).map((x) => `${k}.${x}`)]) : []);
    expect(keys(view).sort()).toEqual(keys(VIEW_SPEC).sort());
  });
});

describe('the outline: one list, every number generated', () => {
  const m = buildDossierModel(sampleInput());
  const outline = dossierOutline(m, () => ({}) as never);

  it('numbers chapters in roman, annexes by letter, sections, tables and figures within their chapter', () => {
    const n = numberOutline(outline);
    expect(n.entry('pendahuluan').label).toBe('BAB I');
    expect(n.entry('hasil').label).toBe('BAB III');
    expect(n.entry('lampiran-jawaban').label).toBe('LAMPIRAN A');
    expect(n.entry('metode').label).toBe('1.4');
    expect(n.ref('tabel-predikat')).toBe('Tabel 1.1');
    expect(n.ref('tabel-rekap')).toBe('Tabel 3.1');
    expect(n.ref('gambar-nilai')).toBe('Gambar 3.1');
    expect(n.ref('tabel-terlemah')).toBe('Tabel 4.1');
    expect(n.ref('lampiran-opd')).toBe('Lampiran C');
    expect(n.ref(`tabel-jawaban-${catalog.groups[0]!.indicators[0]!.id}`)).toBe('Tabel A.1');
  });

  it('moving a chapter is a one-line change: its numbers, its tables and every reference to them follow', () => {
    const i = outline.findIndex((p) => p.id === 'analisis');
    const j = outline.findIndex((p) => p.id === 'hasil');
    const moved = [...outline];
    [moved[i], moved[j]] = [moved[j]!, moved[i]!];
    const n = numberOutline(moved);
    expect(n.entry('analisis').label).toBe('BAB III');
    expect(n.entry('hasil').label).toBe('BAB IV');
    expect(n.ref('tabel-terlemah')).toBe('Tabel 3.1');
    expect(n.ref('tabel-rekap')).toBe('Tabel 4.1');
    // The narrative's cross-references follow the numbering, not a number written in a template.
    const view = buildView(m, n, 'Kota Contoh');
    expect(view.rujukan.tabelRekap).toBe('Tabel 4.1');
    expect(view.rujukan.tabelTerlemah).toBe('Tabel 3.1');
    expect(templates.render(view)['analisis-pengantar'][0]).toMatchObject({ text: expect.stringContaining('Tabel 3.1') });
  });

  it('says what the next predikat needs as its edge counts: at least the gap to the lowest band, more than it above a band', () => {
    const sentence = (total: number) => {
      const base = sampleInput();
      const mm = buildDossierModel({ ...base, score: { ...base.score, total } });
      const text = templates.render(buildView(mm, numberOutline(dossierOutline(mm, () => ({}) as never)), 'Kota Contoh'))['analisis-pengantar'][0] as { text: string };
      return { next: mm.summary.nextPredikat, text: text.text };
    };
    // 500 is Pratama: 56,44 needs 443,56 at least. 600 is still Pratama: 656,80 needs more than 43,20 for Nindya's "lebih dari 700".
    const low = sentence(56.44);
    expect(low.next).toMatchObject({ name: 'Pratama', threshold: 'paling sedikit 500', gap: '443,56', need: 'paling sedikit 443,56' });
    expect(low.text).toContain('Predikat Pratama mensyaratkan nilai paling sedikit 500, sehingga diperlukan tambahan paling sedikit 443,56 poin.');
    const madya = sentence(656.8);
    expect(madya.text).toContain('Predikat Nindya mensyaratkan nilai lebih dari 700, sehingga diperlukan tambahan lebih dari 43,20 poin.');
  });

  it('refuses two parts with one id', () => {
    expect(() => numberOutline([...outline, outline[0]!])).toThrow(/used twice/);
  });
});

describe('charts', () => {
  it('label every bar with its name and value, and have an axis and a legend', () => {
    const c = scoreChart([
      { label: 'Kelembagaan', max: 164, points: 120.5 },
      { label: 'Klaster <V> & co', max: 205, points: 0 },
    ]);
    expect(c.svg).toContain('>Kelembagaan<');
    expect(c.svg).toContain('120,50 / 164');
    expect(c.svg).toContain('Klaster &lt;V&gt; &amp; co');
    expect(c.svg).not.toContain('prakiraan');
    const f = scoreChart([{ label: 'Kelembagaan', max: 164, points: 120.5, forecast: 100 }]);
    expect(f.svg).toContain('Prakiraan setelah verifikasi');
    const a = childrenChart([{ group: '0–4', male: 1200, female: 1100 }]);
    expect(a.svg).toContain('>1.200<');
    expect(a.svg).toContain('Perempuan');
  });
});

/** Words that belong to the tool, its config or the team's working material, never to the signed dossier. */
const FORBIDDEN = [/\bkla\b/, /kla\.config/, /KLA-[EWI]\d/, /\.xlsx\b/i, /SHA-256/, /->/, />=/, /<=/, /questionMaxima/, /answer_hint/, /evidence_requested/, /bukan nilai resmi/i, /prakiraan/i, /\bDisusun dengan\b/, /Lembar kerja:/, /@contoh\.go\.id/, /0812 3456 7890/, /Mohon sepakati/, /\bJSON\b/, /kabupaten\/kota layak anak \(KLA\) kla/i, /Jawaban!/, /Identitas!/, /\bsel [A-Z]{1,3}\d+/];

describe('the follow-up plan', () => {
  it('says what each step raises an answer to: the option or the share that earns full points', () => {
    const m = buildDossierModel(sampleInput());
    const steps = m.opdPlans.flatMap((p) => p.steps).filter((st) => st.kind === 'improve');
    expect(steps.length).toBeGreaterThan(0);
    for (const st of steps) {
      const q = catalog.questionById.get(st.questionId)!;
      const r = catalog.rubrics[q.rubric]!;
      if (r.kind === 'options') expect(st.target, st.questionId).toBe(`"${r.options.find((o) => o.fraction === Math.max(...r.options.map((x) => x.fraction)))!.value}"`);
      else if (r.kind === 'bands') expect(st.target, st.questionId).toMatch(r.better === 'higher' ? / atau lebih$/ : /^paling tinggi /);
      else expect(st.target, st.questionId).toBe('');
    }
  });
});

describe('the rendered documents', () => {
  let docs: Documents;
  let dossier: string[];
  let report: string[];
  const input = sampleInput();

  beforeAll(async () => {
    docs = await renderDocuments(input, templates, { pdfDate: new Date(Date.UTC(2026, 2, 5)) });
    [dossier, report] = await Promise.all([pdfPages(docs.dossier.pdf), pdfPages(docs.report.pdf)]);
  });

  it('the plan of each Perangkat Daerah names the answer a step raises to', () => {
    expect(dossier.join(' ').replace(/\s+/g, ' ')).toMatch(/Meningkatkan capaian dari "[^"]+" menjadi ("[^"]+"|\S+ atau lebih|paling tinggi \S+)/);
  });

  it('counts indicators as the framework does: 24, and Kelana/Dekela\'s 2 beside them; Klaster V\'s 4 shown in 9 rows', () => {
    const text = dossier.join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('memuat 24 indikator tersebut ditambah 2 indikator penyelenggaraan Kabupaten/Kota Layak Anak di kecamatan dan desa/kelurahan (Kelana Dekela), dalam 7 kelompok penilaian');
    expect(text).toMatch(/Klaster V memuat 4 indikator yang dirinci menjadi 9 subindikator dengan nilai maksimum 205\./);
    expect(text).toMatch(/Klaster III memuat 6 indikator dengan nilai maksimum 150\./);
    // Tabel 3.1: a row per group with its count, and the total of 26 (24 + 2), not the 31 rows of Bab III.
    const m = buildDossierModel(input);
    expect(m.groups.map((g) => g.indicatorCount)).toEqual([3, 3, 5, 6, 3, 4, 2]);
    expect(m.groups.map((g) => g.indicators.length)).toEqual([3, 3, 5, 6, 3, 9, 2]);
    expect(text).toMatch(/Klaster V Perlindungan Khusus 4 205 /);
    expect(text).toMatch(/Jumlah 26 1\.000 /);
  });

  it('the Sistematika Penulisan sets each colon with its bold chapter name, not apart from it where justification widens the line', () => {
    const text = dossier.slice(docs.dossier.frontPages).join(' ').replace(/\s+/g, ' ');
    const tops = docs.dossier.numbering.entries.filter((e) => e.kind === 'chapter' || e.kind === 'annex');
    expect(tops.length).toBeGreaterThan(5);
    for (const e of tops) expect(text, e.label).toContain(`${e.label} ${e.title.toUpperCase()}: `);
    expect(text).not.toMatch(/[A-Z] : (memuat|menyajikan|menggambarkan|menganalisis)/);
  });

  it('names a Perangkat Daerah in the annex tables by its short name, and the list of them says what each stands for', () => {
    const text = dossier.join(' ').replace(/\s+/g, ' ');
    const list = docs.dossier.numbering.entries.find((e) => e.id === 'tabel-opd')!.label;
    expect(text.split(`Perangkat Daerah disebut dengan singkatannya; kepanjangannya tercantum pada ${list}.`).length - 1).toBe(2);
    const page = dossier.slice(docs.dossier.frontPages).find((p) => p.includes(`${list} Perangkat Daerah, petugas data`))!;
    expect(page.replace(/\s+/g, ' ')).toMatch(/No\. Singkatan Perangkat Daerah Petugas data Kepala Perangkat Daerah/);
    for (const o of opds.slice(0, 5)) expect(page.replace(/\s+/g, ' ')).toMatch(new RegExp(`\\d+ ${o.code} ${o.name.split(' ')[0]}`));
  });

  it('the working report\'s summary says "tidak ada" where no OPDs answered differently, not "0 pertanyaan, semuanya telah dipilih"', () => {
    expect(buildDossierModel(input).conflicts).toHaveLength(0);
    const summary = report.slice(docs.report.frontPages).join(' ').replace(/\s+/g, ' ');
    expect(summary).toContain('Jawaban antar-OPD yang berbeda tidak ada');
    expect(summary).not.toContain('0 pertanyaan, semuanya telah dipilih');
  });

  it('the dossier is an A4 PDF: front matter numbered i, ii, iii …, the body from 1', () => {
    expect(docs.dossier.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(dossier.length).toBe(docs.dossier.pages);
    expect(docs.dossier.pdf.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
    const F = docs.dossier.frontPages;
    const roman = ['ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x'];
    for (let p = 2; p <= F; p++) expect(dossier[p - 1]!.trim().endsWith(` ${roman[p - 2]}`), `page ${p}`).toBe(true);
    for (let p = F + 1; p <= dossier.length; p++) expect(dossier[p - 1]!.trim().endsWith(` ${p - F}`), `page ${p}`).toBe(true);
  });

  it('leaves no heading or table caption alone at the foot of a page, in either document', async () => {
    for (const [doc, rendered] of [
      ['dossier', docs.dossier],
      ['report', docs.report],
    ] as const) {
      const layout = await pdfLayout(rendered.pdf);
      const starts = rendered.numbering.entries.filter((e) => e.kind !== 'chapter' && e.kind !== 'annex').map((e) => (e.kind === 'table' || e.kind === 'figure' ? `${e.label} ` : `${e.label} ${e.title}`));
      let seen = 0;
      layout.forEach((page, i) => {
        if (i < rendered.frontPages) return; // the lists name every heading and caption
        // Text above the footer (the page number), lowest first.
        const content = page.items.filter((it) => !it.rotated && it.y > 50).sort((a, b) => a.y - b.y);
        const lowest = content[0];
        if (!lowest) return;
        for (const s of starts) {
          const at = content.find((it) => it.str.startsWith(s.trim()) && it.str.length >= s.trim().length);
          if (!at) continue;
          seen++;
          // Something of its own (a paragraph, a table's first row) follows it on the page.
          expect(content.some((it) => it.y < at.y - 2), `${doc} page ${i + 1}: "${s.trim()}" is the last thing on its page`).toBe(true);
        }
      });
      expect(seen, doc).toBeGreaterThan(20);
    }
  });

  it('has every part a signed dossier has, each where its table of contents says', () => {
    const F = docs.dossier.frontPages;
    const toc = dossier.slice(0, F).join(' ');
    expect(dossier[0]).toContain('DOKUMEN EVALUASI MANDIRI');
    expect(dossier[0]).toContain('KABUPATEN CONTOH');
    expect(dossier[0]).toContain('PROVINSI JAMBI');
    expect(dossier[0]).toContain('TAHUN 2026');
    expect(dossier[0]).toContain('PEMERINTAH KABUPATEN CONTOH');
    expect(dossier[0]).toContain('5 Maret 2026');
    const front = dossier.slice(1, F).join(' ');
    for (const h of ['LEMBAR PENGESAHAN', 'KATA PENGANTAR', 'DAFTAR ISI', 'DAFTAR TABEL', 'DAFTAR GAMBAR']) expect(front, h).toContain(h);
    expect(front).toContain('H. Budi Santoso, S.E.');
    expect(front).toContain('Disahkan di Kota Contoh');
    const body = (p: number) => dossier[F + p - 1] ?? '';
    for (const h of ['BAB I PENDAHULUAN', 'BAB II GAMBARAN UMUM', 'BAB III HASIL EVALUASI MANDIRI', 'BAB IV ANALISIS DAN RENCANA TINDAK LANJUT', 'BAB V PENUTUP', 'LAMPIRAN A JAWABAN INSTRUMEN DAN DATA DUKUNG', 'LAMPIRAN B DAFTAR DATA DUKUNG', 'LAMPIRAN C PERANGKAT DAERAH DAN PETUGAS DATA']) {
      const page = Number(new RegExp(`${h} (\\d+)`).exec(toc)?.[1]);
      expect(page, h).toBeGreaterThan(0);
      expect(squash(body(page)), `${h} on page ${page}`).toContain(squash(h.replace(/^(BAB [IVX]+|LAMPIRAN [A-Z]) /, '$1 ')));
    }
    for (const t of ['Tabel 2.2 Jumlah anak menurut kecamatan dan jenis kelamin', 'Gambar 2.1 Jumlah anak menurut kelompok umur dan jenis kelamin', 'Tabel 3.1 Rekapitulasi nilai per kelompok penilaian']) {
      const page = Number(new RegExp(`${t} (\\d+)`).exec(toc)?.[1]);
      expect(squash(body(page)), `${t} on page ${page}`).toContain(squash(t));
    }
  });

  it('each entry of the lists links to the page it starts on, a table that runs over several pages to its first', async () => {
    for (const [doc, rendered, pages] of [
      ['dossier', docs.dossier, dossier],
      ['report', docs.report, report],
    ] as const) {
      const links = await frontLinks(rendered.pdf, rendered.frontPages);
      let several = 0;
      for (const e of rendered.numbering.entries.filter((x) => x.kind === 'table' || x.kind === 'figure' || x.kind === 'chapter' || x.kind === 'annex')) {
        const upper = e.kind === 'chapter' || e.kind === 'annex';
        const link = links.find((l) => l.text.startsWith(`${e.label} ${upper ? e.title.toUpperCase() : e.title}`.slice(0, 30)));
        const listed = squash(`${e.label} ${upper ? e.title.toUpperCase() : e.title}`);
        expect(link, `${doc}: ${e.label}`).toBeDefined();
        // A chapter's title is also named in the text before it (Sistematika Penulisan): its page holds the heading.
        if (upper) expect(squash(pages[link!.target - 1] ?? ''), `${doc}: ${e.label}`).toContain(listed);
        else expect(link!.target, `${doc}: ${e.label}`).toBe(pages.findIndex((t, i) => i >= rendered.frontPages && squash(t).includes(listed)) + 1);
        if (pages.filter((t, i) => i >= rendered.frontPages && squash(t).includes(listed)).length > 1 && !upper) several++;
      }
      // The case that went wrong: tables whose caption is repeated on the pages they run over.
      expect(several, doc).toBeGreaterThan(0);
    }
  });

  it('every heading, table and figure of either document is on the page its list gives (parts laid out in the body and those laid out alone alike)', () => {
    for (const [doc, rendered, pages] of [
      ['dossier', docs.dossier, dossier],
      ['report', docs.report, report],
    ] as const) {
      expectListedOnTheirPages(rendered, pages, doc);
      expect(rendered.numbering.entries.filter((e) => e.kind === 'table').length, doc).toBeGreaterThan(5);
    }
    // The front pages of the dossier, listed first with their roman numbers.
    const F = docs.dossier.frontPages;
    const contents = dossier.slice(1, F).join(' ');
    const toc = contents.slice(contents.indexOf('DAFTAR ISI'));
    const romans = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'];
    for (const title of ['LEMBAR PENGESAHAN', 'KATA PENGANTAR']) {
      const page = romans.indexOf(new RegExp(`${title}\\s+([ivx]+)\\b`).exec(toc)?.[1] ?? '') + 1;
      expect(page, title).toBeGreaterThan(1);
      expect(dossier[page - 1], `${title} on page ${romans[page - 1]}`).toContain(title);
    }
  });

  it("holds the district's own content: regulations, Gugus Tugas, children, narrative per group, history, activities", () => {
    const all = dossier.join(' ');
    // Cited as legal writing does: issuer, number and year (not repeated when the number holds it), subject.
    expect(all).toContain('Peraturan Daerah Kabupaten Contoh Nomor 5 Tahun 2019 tentang Penyelenggaraan Kabupaten Layak Anak');
    expect(all).toContain('Keputusan Bupati Contoh Nomor 188.45/112/2025 tentang Gugus Tugas Kabupaten Layak Anak');
    expect(all).toContain('Peraturan Bupati Contoh Nomor 12 Tahun 2024 tentang Kawasan Tanpa Rokok');
    // Only the KLA regulations and the Gugus Tugas decree are the legal basis; the others are listed under Kelembagaan.
    const dasar = all.slice(all.indexOf('1.2 Dasar Hukum Penyusunan'), all.indexOf('1.3 Maksud dan Tujuan Maksud'));
    expect(dasar).toContain('Nomor 5 Tahun 2019');
    expect(dasar).not.toContain('Kawasan Tanpa Rokok');
    expect(all).toContain('Sungai Jernih');
    expect(all).toContain('10–14 tahun');
    for (const g of catalog.groups) expect(all, g.label).toContain(`Upaya ${g.label}: pelatihan berjenjang`);
    expect(all).toContain('Pratama');
    expect(all).toContain('Pelatihan konselor menyusui di seluruh puskesmas');
    expect(all).toContain('Triwulan II 2026');
  });

  it('names every group, indicator and question of the catalog', () => {
    const all = squash(dossier.join(''));
    for (const g of catalog.groups) {
      expect(all).toContain(squash(g.name));
      for (const ind of g.indicators) expect(all, ind.id).toContain(squash(`Indikator ${ind.id}: ${ind.name}`));
    }
    for (const q of catalog.questionList) expect(all).toContain(squash(q.id));
  });

  it('states the total and predikat as the scorer computed them, and the maximum as 1.000', () => {
    const all = dossier.join(' ');
    const total = points(input.score.total);
    expect(all).toContain(`Hasil evaluasi mandiri Kabupaten Contoh Tahun 2026 adalah ${total} dari nilai maksimum 1.000`);
    expect(all).toContain(`predikat ${input.score.predikat}`);
    expect(all).not.toContain('1.000,00');
  });

  it('holds no tool name, developer term, file name, forecast or officer contact', () => {
    dossier.forEach((t, i) => {
      for (const f of FORBIDDEN) expect(t, `page ${i + 1}: ${f}`).not.toMatch(f);
    });
  });

  it('the working report holds the forecast and its margin, the problems with contacts, the data trail and the rubric', () => {
    const all = report.join(' ');
    expect(all).toContain('LAPORAN KERJA TIM');
    expect(all).toContain('Tidak untuk diajukan');
    expect(all).toContain(`Prakiraan setelah verifikasi ${points(input.score.forecast.total)}`);
    expect(all).toMatch(/poin di atas batas bawah predikat|belum mencapai predikat terendah/);
    expect(all).toContain('KLA-E210');
    expect(all).toContain('dinsos@contoh.go.id');
    expect(all).toContain('0812 3456 7890');
    const squashed = squash(report.join(''));
    for (const f of input.files) expect(squashed).toContain(f.sha256);
    expect(all).toContain(catalog.rubrics[Object.keys(catalog.rubrics)[0]!]!.title);
    expect(all).toContain('7.1');
  });

  it('is byte-identical when rendered again from the same inputs', async () => {
    const again = await renderDocuments(sampleInput(), templates, { pdfDate: new Date(Date.UTC(2026, 2, 5)) });
    expect(again.dossier.pdf.equals(docs.dossier.pdf)).toBe(true);
    expect(again.report.pdf.equals(docs.report.pdf)).toBe(true);
  });

  it('a draft is marked DRAF on every page and lists what blocks the final document', async () => {
    const draft = await renderDocuments(sampleInput({ draft: true, date: null, blockers: [sampleInput().diagnostics[1]!] }), templates, { pdfDate: new Date(Date.UTC(2026, 2, 5)) });
    const pages = await pdfPages(draft.dossier.pdf);
    pages.forEach((t, i) => expect(t, `page ${i + 1}`).toMatch(/\bDRAF\b/));
    const all = pages.join(' ');
    expect(all).toContain('HAL YANG PERLU DISELESAIKAN');
    expect(all).toContain('Jawaban "Mungkin" untuk pertanyaan 9.2 bukan salah satu pilihan yang tersedia');
    expect(all).toContain('Tanggal belum ditetapkan');
    // Laid out three times (two steps, then the whole): the cover still reads top to bottom without gaps or overlaps.
    const layout = await pdfLayout(draft.dossier.pdf);
    expect(layout.flatMap((p, i) => layoutProblems(p, i + 1))).toEqual([]);
    const cover = layout[0]!.items.filter((it) => !it.rotated);
    const top = (s: string) => cover.find((it) => it.str.includes(s))!.y;
    expect(top('KABUPATEN/KOTA LAYAK ANAK') - top('KABUPATEN CONTOH')).toBeLessThan(90);
    // Summary tables are never continued on a second page (no total row alone under a repeated caption).
    const body = pages.slice(draft.dossier.frontPages).join(' ');
    const summaries = draft.dossier.numbering.entries.filter((e) => e.kind === 'table' && /^Nilai indikator|^Rekapitulasi/.test(e.title));
    expect(summaries.length).toBeGreaterThan(5);
    for (const e of summaries) expect(body.split(`${e.label} ${e.title}`).length - 1, e.label).toBe(1);
  });
});

describe('hostile and long spreadsheet text', () => {
  it('is printed literally and leaves the structure alone', async () => {
    const hostile = '{{daerah.nama}} "},{"text":"X","pageBreak":"before"} \u202eterbalik\u202c ' + 'panjang '.repeat(400);
    const bad = await renderDocuments(sampleInput({}, { hostile }), templates, { pdfDate: new Date(Date.UTC(2026, 2, 5)) });
    const pages = await pdfPages(bad.dossier.pdf);
    const all = pages.join(' ');
    expect(all).toContain('{{daerah.nama}}');
    expect(all).toContain('"},{"text":"X","pageBreak":"before"}');
    expect(all).not.toContain('\u202e');
    // Every chapter and annex heading appears in the body as the outline declares it (its heading and its line in
    // the Sistematika Penulisan), and no other: the data added none.
    const body = pages.slice(bad.dossier.frontPages).join(' ');
    const tops = bad.dossier.numbering.entries.filter((e) => e.kind === 'chapter' || e.kind === 'annex');
    for (const e of tops) expect(body.split(`${e.label} ${e.title.toUpperCase()}`).length - 1, e.label).toBe(2);
    expect(body.match(/\bBAB [IVX]+ [A-Z]{4,}/g)?.length).toBe(2 * tops.filter((e) => e.kind === 'chapter').length);
  });

  it('long e-mails, links and titles wrap inside their columns: no text outside the page, across a column rule, or over other text', async () => {
    const long = `petugas.data.anak.dinas.pemberdayaan.perempuan.${'x'.repeat(30)}@dinaspemberdayaanperempuanmerangin.go.id`;
    const url = `https://drive.google.com/drive/folders/${'1AbCdEfGhIjKlMnOpQrStUvWxYz'.repeat(4)}`;
    // One rendering holds both: the link in the dossier's evidence and Gugus Tugas cells, the e-mail in the
    // report's contact columns (the only place the report prints either).
    const docs = await renderDocuments(sampleInput({}, { long: url, email: long }), templates, { pdfDate: new Date(Date.UTC(2026, 2, 5)) });
    for (const pdf of [docs.dossier.pdf, docs.report.pdf]) {
      const layout = await pdfLayout(pdf);
      expect(layout.reduce((k, p) => k + p.vlines.length, 0)).toBeGreaterThan(10); // the check can see the columns
      expect(layout.flatMap((p, i) => layoutProblems(p, i + 1))).toEqual([]);
    }
    expect(squash((await pdfPages(docs.report.pdf)).join(''))).toContain(squash(long));
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
    const buf = await recapWorkbook(recapSheets(model, catalog, input.submissions), input.date!);
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
    expect([summary.get('Tahun evaluasi'), summary.get('Tahun data yang dievaluasi'), summary.get('Tahun data sebelumnya')]).toEqual([2026, 2025, 2024]);
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

