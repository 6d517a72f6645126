/** Reading numbers and options typed by hand: tables of inputs and what they are taken as. */
import { describe, expect, it } from 'vitest';
import { evidenceEntries, matchOption, optionKey, parseNumberText } from '../src/validate/values.js';
import { loadCatalog } from '../src/catalog/load.js';
import { allowedSlips, editDistance } from '../src/score/evidence.js';

describe('parseNumberText (Indonesian conventions first)', () => {
  it.each([
    ['87', { value: 87 }],
    [' 87,5 ', { value: 87.5 }],
    ['87,5%', { value: 87.5, percentSign: true }],
    ['87,5 %', { value: 87.5, percentSign: true }],
    ['87,5\u00a0', { value: 87.5 }],
    ['1\u200b250', { value: 1250 }],
    ['1.234.567', { value: 1234567 }],
    ['1.234,5', { value: 1234.5 }],
    ['1 234', { value: 1234 }],
    ['87.5', { value: 87.5 }],
    ['1,234,567', { value: 1234567 }],
    ['1,234.5', { value: 1234.5 }],
    ['-3', { value: -3 }],
    ['\u22123', { value: -3 }],
    // Two readings: the Indonesian one first, the other as the alternative.
    ['1.234', { value: 1234, alternative: 1.234 }],
    ['1,234', { value: 1.234, alternative: 1234 }],
  ])('%j', (input, expected) => {
    expect(parseNumberText(input)).toEqual(expected);
  });

  it.each(['', 'abc', '12a', '1,2,3', '1.23.4', '0x10', '1e3', '%', '--1', '12,5,0'])('%j is not a number', (input) => {
    expect(parseNumberText(input)).toBeNull();
  });
});

describe('editDistance and allowedSlips', () => {
  it.each([
    ['sebagian', 'sebagian', 0],
    ['sebagain', 'sebagian', 1],
    ['direncanakn', 'direncanakan', 1],
    ['tdk ada', 'tidak ada', 2],
    ['tidak tahu', 'tidak ada', 3],
    ['ya', 'tidak', 4],
  ])('%j to %j: %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  it('allows no slip in two letters, one up to five, two beyond', () => {
    expect([1, 2, 3, 5, 6, 20].map(allowedSlips)).toEqual([0, 0, 1, 1, 2, 2]);
  });
});

describe('optionKey', () => {
  it('ignores case, repeated spaces and spaces before punctuation', () => {
    expect(optionKey('  ada ,  APBD   saja ')).toBe(optionKey('Ada, APBD saja'));
    expect(optionKey('Ada, Peraturan Bupati / Wali Kota')).toBe(optionKey('Ada, Peraturan Bupati/Wali Kota'));
    expect(optionKey('Ada, sebagian')).not.toBe(optionKey('Ada sebagian lengkap'));
  });
});

describe('evidenceEntries', () => {
  const cell = (text: string, link?: string) => ({ cell: 'H4', value: text ? { t: 'text' as const, text } : { t: 'blank' as const }, ...(link ? { link } : {}) });
  it('splits lines and semicolons, keeps commas inside names', () => {
    expect(evidenceEntries(cell('SK Bupati No. 5, 2025.pdf\nFoto kegiatan.jpg; Daftar hadir.pdf ;'))).toEqual(['SK Bupati No. 5, 2025.pdf', 'Foto kegiatan.jpg', 'Daftar hadir.pdf']);
  });
  it('splits a list written on one line when every piece is a file name or a link, and only then', () => {
    expect(evidenceEntries(cell('SK Tim Gizi 2025.pdf, Foto posyandu.jpg'))).toEqual(['SK Tim Gizi 2025.pdf', 'Foto posyandu.jpg']);
    expect(evidenceEntries(cell('SK Tim Gizi 2025.pdf dan Rekap e-PPGBM 2025.xlsx'))).toEqual(['SK Tim Gizi 2025.pdf', 'Rekap e-PPGBM 2025.xlsx']);
    expect(evidenceEntries(cell('Perbup 12 2024.pdf & https://jdih.example.go.id/perbup-12'))).toEqual(['Perbup 12 2024.pdf', 'https://jdih.example.go.id/perbup-12']);
    // Commas and "dan" inside one name.
    expect(evidenceEntries(cell('Dinas Pariwisata, Pemuda dan Olahraga.pdf'))).toEqual(['Dinas Pariwisata, Pemuda dan Olahraga.pdf']);
    expect(evidenceEntries(cell('Laporan Gizi dan Imunisasi 2025.pdf'))).toEqual(['Laporan Gizi dan Imunisasi 2025.pdf']);
  });
  it("takes a hyperlink's target, not its label", () => {
    expect(evidenceEntries(cell('SK Gugus Tugas', 'https://drive.example.go.id/sk.pdf'))).toEqual(['https://drive.example.go.id/sk.pdf']);
  });
  it('is empty for a blank cell', () => {
    expect(evidenceEntries(cell(''))).toEqual([]);
  });
});

describe('matchOption: the short forms offices write for regulations', () => {
  const rubrics = loadCatalog('kla-2024').rubrics;
  const options = (id: string) => (rubrics[id] as { options: { value: string }[] }).options.map((o) => o.value);
  it.each([
    ['regulasi', 'Ada Perda', 'Ada, Peraturan Daerah'],
    ['regulasi', 'ada perda', 'Ada, Peraturan Daerah'],
    ['regulasi', 'Perda', 'Ada, Peraturan Daerah'],
    ['regulasi', 'Ada, Perbup', 'Ada, Peraturan Bupati/Wali Kota'],
    ['regulasi', 'Perwal', 'Ada, Peraturan Bupati/Wali Kota'],
    ['regulasi', 'Ada, Peraturan Bupati', 'Ada, Peraturan Bupati/Wali Kota'],
    ['regulasi', 'ada SK', 'Ada, SK/Instruksi/Surat Edaran'],
    ['regulasi', 'Ada, SE', 'Ada, SK/Instruksi/Surat Edaran'],
    ['perda-kla', 'Perda', 'Peraturan Daerah (Perda)'],
    ['perda-kla', 'Perbup', 'Peraturan Bupati/Wali Kota (Perbup/Perwali)'],
    ['perda-kla', 'Instruksi Bupati', 'Instruksi Bupati/Wali Kota'],
    ['perda-kla', 'SE Wali Kota', 'Surat Edaran Bupati/Wali Kota'],
  ])('%s: %j is taken as %j, named as a short form', (rubric, typed, option) => {
    expect(matchOption(typed, options(rubric))).toEqual({ option, differences: ['short-form'] });
  });

  it.each([
    ['regulasi', 'Ada'],
    ['regulasi', 'Perda KLA'],
    ['regulasi', 'Instruksi Bupati'],
    ['regulasi', 'Instruksi'],
    ['ketersediaan', 'Sebagian'],
    ['anggaran', 'APBD'],
    ['ketersediaan', 'Ada'],
    ['narasi', 'MATRIKS'],
  ])('%s: %j stays unread: no single option is meant', (rubric, typed) => {
    expect(matchOption(typed, options(rubric))).toBeUndefined();
  });

  it('an exact option, one in other case and a close misspelling are read as before', () => {
    expect(matchOption('Ada, Peraturan Daerah', options('regulasi'))).toEqual({ option: 'Ada, Peraturan Daerah', differences: [] });
    expect(matchOption('ADA, PERATURAN DAERAH', options('regulasi'))).toEqual({ option: 'Ada, Peraturan Daerah', differences: ['case'] });
    expect(matchOption('ada sebagain', options('ketersediaan'))!.differences).toEqual(['spelling']);
  });
});
