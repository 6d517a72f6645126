/**
 * What an evidence cell names and whether the folder holds it (pure): which
 * entries are placeholders, which point outside the folder, how names match,
 * which near misses get a suggestion and which do not, and which evidence
 * names are dated outside the data years.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkEvidence, editDistance, isMissing, isOutsidePath, isPlaceholderEvidence, makeEvidenceLookup, nameDistance, suggestFile } from '../src/score/evidence.js';
import { readEvidenceFolder } from '../src/score/evidence-files.js';
import { yearsOutside } from '../src/validate/evidence.js';
import { diag, formatMessage } from '../src/diagnostics/index.js';
import { evidenceRemark } from '../src/feedback/plan.js';

const folder = makeEvidenceLookup([
  'DINKES/SK Tim Gizi 2025.pdf',
  'DINKES/Laporan imunisasi rutin 2025.pdf',
  'DINKES/Profil inovasi Dinkes 2025.pdf',
  'DINSOS/Profil inovasi Dinsos 2025.pdf',
  'DPPPA/Daftar hadir Bimtek KHA 2025.pdf',
  'DPPPA/SK Gugus Tugas KLA 2025.PDF',
  'DPPPA/SP Forum Anak.pdf',
  'HUKUM/Perda 5 2022.docx',
]);
const status = (entries: string[]) => checkEvidence(entries, folder).map((c) => [c.entry, c.status, c.file ?? c.suggestion ?? null]);

describe('placeholders: evidence that names no evidence', () => {
  it.each([
    'terlampir',
    'Terlampir.',
    '  TERLAMPIR  ',
    '-',
    '—',
    '...',
    'ada',
    'Ada',
    'sudah',
    'sudah ada',
    'lihat lampiran',
    'Lihat   Lampiran',
    'menyusul',
    'akan menyusul',
    'dokumen pendukung',
    'Dokumen Pendukung',
    'data dukung terlampir',
    'ada di bidang',
    'n/a',
    'tidak ada',
    'belum ada',
  ])('%j is a placeholder', (entry) => {
    expect(isPlaceholderEvidence(entry)).toBe(true);
  });

  it.each([
    'SK Gugus Tugas KLA 2025.pdf',
    'SK Gugus Tugas KLA 2025',
    'terlampir.pdf',
    'Dokumen pendukung Klaster III Dinkes.pdf',
    'Dokumen pendukung Klaster III Dinkes',
    'Perda 5 2022',
    'https://drive.google.com/terlampir',
    'Lampiran 2',
  ])('%j is a name', (entry) => {
    expect(isPlaceholderEvidence(entry)).toBe(false);
  });

  it('counts as no evidence: a placeholder is neither found nor missing', () => {
    expect(status(['terlampir', '-'])).toEqual([
      ['terlampir', 'placeholder', null],
      ['-', 'placeholder', null],
    ]);
  });
});

describe('paths outside the evidence folder are never resolved', () => {
  it.each(['../x.pdf', 'DINKES/../../x.pdf', '..\\x.pdf', '/etc/passwd', 'C:\\Users\\Dinkes\\SK Tim Gizi 2025.pdf', 'd:SK.pdf', '\\\\server\\share\\SK.pdf', '~/SK.pdf', 'file:///C:/SK.pdf', 'ftp://host/SK.pdf'])(
    '%j points outside',
    (entry) => {
      expect(isOutsidePath(entry)).toBe(true);
    },
  );

  it.each(['SK.pdf', 'DINKES/SK.pdf', 'DINKES\\SK.pdf', './SK.pdf', 'SK..pdf', 'https://jdih.example.go.id/perda.pdf'])('%j stays inside', (entry) => {
    expect(isOutsidePath(entry)).toBe(false);
  });

  it('an outside path counts as not found even when a file of the same name is in the folder, and that file is suggested', () => {
    expect(status(['../DINKES/SK Tim Gizi 2025.pdf', 'C:\\Dokumen\\SK Tim Gizi 2025.pdf'])).toEqual([
      ['../DINKES/SK Tim Gizi 2025.pdf', 'outside', 'DINKES/SK Tim Gizi 2025.pdf'],
      ['C:\\Dokumen\\SK Tim Gizi 2025.pdf', 'outside', 'DINKES/SK Tim Gizi 2025.pdf'],
    ]);
  });
});

describe('matching a named file', () => {
  it('with or without the extension, ignoring case, slashes and repeated spaces', () => {
    expect(status(['SK Tim Gizi 2025', 'sk tim gizi 2025.PDF', 'SK  Tim   Gizi 2025.pdf', 'dinkes\\SK Tim Gizi 2025.pdf', 'DINKES / SK Tim Gizi 2025', 'sk gugus tugas kla 2025.pdf'])).toEqual([
      ['SK Tim Gizi 2025', 'found', 'DINKES/SK Tim Gizi 2025.pdf'],
      ['sk tim gizi 2025.PDF', 'found', 'DINKES/SK Tim Gizi 2025.pdf'],
      ['SK  Tim   Gizi 2025.pdf', 'found', 'DINKES/SK Tim Gizi 2025.pdf'],
      ['dinkes\\SK Tim Gizi 2025.pdf', 'found', 'DINKES/SK Tim Gizi 2025.pdf'],
      ['DINKES / SK Tim Gizi 2025', 'found', 'DINKES/SK Tim Gizi 2025.pdf'],
      ['sk gugus tugas kla 2025.pdf', 'found', 'DPPPA/SK Gugus Tugas KLA 2025.PDF'],
    ]);
  });

  it('names exactly which of several files is missing; links count as present', () => {
    expect(status(['SK Tim Gizi 2025.pdf', 'Rekap e-PPGBM 2025.pdf', 'https://drive.example/x'])).toEqual([
      ['SK Tim Gizi 2025.pdf', 'found', 'DINKES/SK Tim Gizi 2025.pdf'],
      ['Rekap e-PPGBM 2025.pdf', 'not-found', null],
      ['https://drive.example/x', 'link', null],
    ]);
  });

  it('a file with nothing in it (0 bytes) is there but empty: missing, with no suggestion; a copy with content elsewhere counts', () => {
    const withEmpty = makeEvidenceLookup(['DINKES/SK Tim Gizi 2025.pdf', 'DINKES/Rekap gizi 2025.pdf', 'arsip/Rekap gizi 2025.pdf', 'DINKES/Foto posyandu.jpg'], ['DINKES/SK Tim Gizi 2025.pdf', 'DINKES/Rekap gizi 2025.pdf']);
    const checks = checkEvidence(['SK Tim Gizi 2025.pdf', 'Rekap gizi 2025.pdf', 'Foto posyandu'], withEmpty);
    expect(checks.map((c) => [c.entry, c.status, c.file ?? null, c.suggestion ?? null])).toEqual([
      ['SK Tim Gizi 2025.pdf', 'empty', 'DINKES/SK Tim Gizi 2025.pdf', null],
      ['Rekap gizi 2025.pdf', 'found', 'arsip/Rekap gizi 2025.pdf', null],
      ['Foto posyandu', 'found', 'DINKES/Foto posyandu.jpg', null],
    ]);
    expect(checks.map(isMissing)).toEqual([true, false, false]);
  });

  it('the evidence folder on disk: a 0-byte file is known as empty', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kla-evidence-'));
    mkdirSync(path.join(dir, 'DINKES (2025)'));
    writeFileSync(path.join(dir, 'DINKES (2025)', 'SK Tim Gizi 2025.pdf'), '');
    writeFileSync(path.join(dir, 'DINKES (2025)', 'Rekap gizi 2025.pdf'), '%PDF-1.4\n');
    const lookup = await readEvidenceFolder(dir);
    expect(checkEvidence(['SK Tim Gizi 2025.pdf', 'Rekap gizi 2025'], lookup).map((c) => c.status)).toEqual(['empty', 'found']);
  });

  it('without a folder, names are only named', () => {
    expect(checkEvidence(['SK.pdf', 'terlampir', 'https://x.example'], undefined).map((c) => c.status)).toEqual(['named', 'placeholder', 'link']);
  });
});

describe('suggesting the nearest file for a near miss', () => {
  it.each([
    ['a typo inside a word', 'Laporan imunisai rutin 2025.pdf', 'DINKES/Laporan imunisasi rutin 2025.pdf'],
    ['two letters swapped', 'Laporan imunisasi rutni 2025.pdf', 'DINKES/Laporan imunisasi rutin 2025.pdf'],
    ['another year digit', 'SK Tim Gizi 2024.pdf', 'DINKES/SK Tim Gizi 2025.pdf'],
    ['underscores for spaces', 'SK_Tim_Gizi_2025.pdf', 'DINKES/SK Tim Gizi 2025.pdf'],
    ['another extension', 'SK Tim Gizi 2025.jpg', 'DINKES/SK Tim Gizi 2025.pdf'],
    ['a hyphen between words', 'Daftar hadir Bimtek-KHA 2025', 'DPPPA/Daftar hadir Bimtek KHA 2025.pdf'],
  ])('%s: %j -> %j', (_, typed, expected) => {
    expect(status([typed])).toEqual([[typed, 'not-found', expected]]);
  });

  it.each([
    ['another office, two edits away', 'Profil inovasi Dinkos 2026.pdf'],
    ['the same name for another OPD', 'Profil inovasi Disdik 2025.pdf'],
    ['a word missing', 'SK Tim 2025.pdf'],
    ['a word added', 'SK Tim Gizi Kabupaten 2025.pdf'],
    ['two words differ', 'SK Tim Pangan 2024.pdf'],
    ['a short word differs', 'SK Forum Anak.pdf'],
    ['nothing alike', 'Notulen rapat koordinasi.pdf'],
  ])('%s: %j gets no suggestion', (_, typed) => {
    expect(status([typed])).toEqual([[typed, 'not-found', null]]);
  });

  it('does not offer a file the answer names already', () => {
    const checks = checkEvidence(['SK Tim Gizi 2025.pdf', 'SK Tim Gizi 2024.pdf'], folder);
    expect(checks.map((c) => [c.status, c.suggestion ?? null])).toEqual([
      ['found', null],
      ['not-found', null],
    ]);
  });

  it('measures by word: within a word by optimal string alignment', () => {
    expect(editDistance('imunisai', 'imunisasi')).toBe(1);
    expect(editDistance('rutni', 'rutin')).toBe(1);
    expect(editDistance('dinkes', 'dinsos')).toBe(2);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
    expect(nameDistance('sk tim gizi 2025', 'sk tim gizi 2025')).toBe(0);
    expect(nameDistance('sk tim gizi 2024', 'sk tim gizi 2025')).toBe(1);
    expect(nameDistance('profil inovasi dinkes 2025', 'profil inovasi dinsos 2025')).toBeNull();
    expect(nameDistance('sk', 'sp')).toBeNull();
    expect(suggestFile('', folder)).toBeUndefined();
  });
});

describe('evidence dated outside the data years (2025 and 2024)', () => {
  const years = { evaluated: 2025, previous: 2024 };
  it.each([
    ['DPA Dinkes TA 2026.pdf', ['2026']],
    ['SK Gugus Tugas KLA 2022.pdf', ['2022']],
    ['Laporan 2021-2023.pdf', ['2021–2023']],
    ['Arsip 2025/Laporan 2019.pdf', ['2019']],
    ['DPA Dinkes TA 2025.pdf', []],
    ['Laporan kematian ibu dan bayi 2024-2025.pdf', []],
    ['RAD KLA Kabupaten Merangin 2025-2029.pdf', []],
    ['Laporan 2023 dan 2024.pdf', []],
    ['Perbup Merangin Nomor 18 Tahun 2023 tentang Akta Kelahiran.pdf', []],
    ['Perda No. 5 Th. 2019.pdf', []],
    ['SK Tim Gizi.pdf', []],
    ['Laporan 120250.pdf', []],
    ['https://drive.example/Laporan-2019', []],
  ])('%j -> %j', (entry, expected) => {
    expect(yearsOutside(entry, years)).toEqual(expected);
  });
});

describe('evidence that arrived empty, as the OPD is told', () => {
  it('says the file arrived empty, not that it never arrived; with others missing, both', () => {
    const all = diag('KLA-W810', { question: '12.3', files: ['SK Tim Gizi 2025.pdf'], empty: ['SK Tim Gizi 2025.pdf'] });
    expect(formatMessage(all, 'id')).toContain('diterima DPPPA dalam keadaan kosong (0 byte)');
    expect(formatMessage(all, 'id')).not.toContain('belum diterima');
    const mixed = diag('KLA-W810', { question: '12.3', files: ['Rekap gizi 2025.pdf', 'SK Tim Gizi 2025.pdf'], empty: ['SK Tim Gizi 2025.pdf'] });
    expect(formatMessage(mixed, 'id')).toContain('belum diterima DPPPA atau diterima kosong (SK Tim Gizi 2025.pdf)');
    const words = { notReceived: (f: string) => `Belum: ${f}.`, receivedEmpty: (f: string) => `Kosong: ${f}.` };
    expect(evidenceRemark(mixed, words)).toBe('Belum: "Rekap gizi 2025.pdf". Kosong: "SK Tim Gizi 2025.pdf".');
    expect(evidenceRemark(diag('KLA-W810', { question: '12.3', files: ['Rekap gizi 2025.pdf'] }), words)).toBe('Belum: "Rekap gizi 2025.pdf".');
  });
});
