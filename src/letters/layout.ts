/**
 * A letter on paper, as tata naskah dinas lays it out: the letterhead (kop)
 * with the district emblem and a double rule; then for a Surat Dinas place
 * and date on the right, Nomor, Sifat, Lampiran and Hal on the left and the
 * addressee under them; for a Nota Dinas the title NOTA DINAS with its
 * number, then Yth., Dari, Tembusan, Tanggal, Sifat, Lampiran and Hal, and a
 * rule. Then the body, the signature block on the right and, for a Surat
 * Dinas, the Tembusan. A4, page numbers from the second page on. Rendered
 * through the dossier's pdfmake set-up and building blocks.
 */
import { COLORS, signature, STYLES, table, words, type PdfNode } from '../dossier/parts.js';
import { renderPdf, type DocDefinition } from '../dossier/render.js';
import type { LetterBlock, LetterModel } from './content.js';

/** Left margin wider for filing (about 3 cm), others about 2 cm. */
const MARGINS = [85, 40, 57, 57] as const;
const WIDTH = 595.28 - MARGINS[0] - MARGINS[2];

const LABELS = {
  id: { title: 'NOTA DINAS', number: 'Nomor', to: 'Yth.', from: 'Dari', copies: 'Tembusan', date: 'Tanggal', sifat: 'Sifat', lampiran: 'Lampiran', hal: 'Hal', at: 'di' },
  en: { title: 'MEMORANDUM', number: 'Number', to: 'To', from: 'From', copies: 'Copies', date: 'Date', sifat: 'Classification', lampiran: 'Attachment', hal: 'Subject', at: 'in' },
} as const;

const LETTER_STYLES = {
  ...STYLES,
  body: { fontSize: 11, alignment: 'justify', lineHeight: 1.3, margin: [0, 0, 0, 8] },
  caption: { fontSize: 9.5, bold: true },
  th: { fontSize: 9, bold: true },
  td: { fontSize: 9, lineHeight: 1.15 },
  note: { fontSize: 9, italics: true, color: COLORS.muted },
};

function letterhead(m: LetterModel): PdfNode[] {
  const side = 64;
  const text = {
    stack: [
      { text: m.letterhead.government, fontSize: 13, bold: true },
      { text: m.letterhead.office, fontSize: 14.5, bold: true, margin: [0, 1, 0, 2] },
      ...m.letterhead.lines.map((l) => ({ text: l, fontSize: 9 })),
    ],
    alignment: 'center',
    width: '*',
  };
  return [
    m.letterhead.logo
      ? { columns: [{ image: 'logo', fit: [56, 56], width: side }, text, { text: '', width: side }], columnGap: 6 }
      : { columns: [text] },
    {
      canvas: [
        { type: 'line', x1: 0, y1: 5, x2: WIDTH, y2: 5, lineWidth: 2.2 },
        { type: 'line', x1: 0, y1: 8.5, x2: WIDTH, y2: 8.5, lineWidth: 0.7 },
      ],
      margin: [0, 2, 0, 14],
    },
  ];
}

/** Label, colon, value rows without borders. */
function fields(rows: [string, PdfNode][], labelWidth: number): PdfNode {
  return {
    table: { widths: [labelWidth, 8, '*'], body: rows.map(([k, v]) => [k, ':', v]) },
    layout: { defaultBorder: false, paddingLeft: () => 0, paddingRight: () => 2, paddingTop: () => 1, paddingBottom: () => 1 },
  };
}

const numbered = (items: readonly string[]): PdfNode =>
  items.length === 1 ? items[0]! : { stack: items.map((c, i) => `${i + 1}. ${c}${i < items.length - 1 ? ';' : '.'}`) };

function suratHead(m: LetterModel): PdfNode[] {
  const L = LABELS[m.lang];
  return [
    { text: `${m.place}, ${m.date}`, alignment: 'right', margin: [0, 0, 0, 6] },
    fields(
      [
        [L.number, m.number],
        [L.sifat, m.sifat],
        [L.lampiran, m.lampiran],
        [L.hal, m.hal],
      ],
      m.lang === 'id' ? 56 : 80,
    ),
    { stack: [`${L.to} ${m.to}`, `${L.at} ${m.toPlace}`], margin: [0, 16, 0, 16] },
  ];
}

function notaHead(m: LetterModel): PdfNode[] {
  const L = LABELS[m.lang];
  return [
    { text: L.title, alignment: 'center', bold: true, fontSize: 13, characterSpacing: 1 },
    { text: `${L.number.toUpperCase()} ${m.number}`, alignment: 'center', margin: [0, 2, 0, 14] },
    fields(
      [
        [L.to, m.to],
        [L.from, m.from],
        ...(m.copies.length > 0 ? [[L.copies, numbered(m.copies)] as [string, PdfNode]] : []),
        [L.date, m.date],
        [L.sifat, m.sifat],
        [L.lampiran, m.lampiran],
        [L.hal, m.hal],
      ],
      m.lang === 'id' ? 64 : 86,
    ),
    { canvas: [{ type: 'line', x1: 0, y1: 6, x2: WIDTH, y2: 6, lineWidth: 0.8 }], margin: [0, 4, 0, 14] },
  ];
}

function block(b: LetterBlock): PdfNode[] {
  if (b.kind === 'p') return [{ text: words(b.text), style: 'body' }];
  return [
    table({ caption: b.caption, widths: b.widths, header: b.header, rows: b.rows, margin: [0, 2, 0, b.note ? 3 : 12] }),
    ...(b.note ? [{ text: b.note, style: 'note', margin: [0, 0, 0, 12] }] : []),
  ];
}

/** The pdfmake definition of a letter (a fresh object: pdfmake mutates what it renders). */
export function letterDefinition(m: LetterModel): DocDefinition {
  const L = LABELS[m.lang];
  return {
    pageSize: 'A4',
    pageMargins: [...MARGINS],
    language: m.lang === 'id' ? 'id-ID' : 'en-GB',
    info: { title: m.info.title, author: m.info.author, creator: m.info.author, producer: m.info.author, creationDate: m.info.creationDate },
    defaultStyle: { font: 'Roboto', fontSize: 11, lineHeight: 1.2 },
    styles: LETTER_STYLES,
    images: m.letterhead.logo ? { logo: m.letterhead.logo } : {},
    header: (page: number) => (page === 1 ? { text: '' } : { text: `- ${page} -`, alignment: 'center', fontSize: 10, margin: [0, 20, 0, 0] }),
    content: [
      ...letterhead(m),
      ...(m.kind === 'nota-dinas' ? notaHead(m) : suratHead(m)),
      ...m.body.slice(0, -1).flatMap(block),
      // The closing sentence and the signature on one page: a signature alone on a page signs nothing visible.
      { stack: [...m.body.slice(-1).flatMap(block), signature('', '', { ...m.signer, title: `${m.signer.title},` })], unbreakable: true },
      ...(m.kind === 'surat-dinas' && m.copies.length > 0
        ? [{ stack: [`${L.copies}:`, ...m.copies.map((c, i) => (m.copies.length === 1 ? c : `${i + 1}. ${c}${i < m.copies.length - 1 ? ';' : '.'}`))], fontSize: 10, margin: [0, 20, 0, 0], unbreakable: true }]
        : []),
    ],
  };
}

/** The letter as PDF bytes. */
export function renderLetter(m: LetterModel): Promise<Buffer> {
  return renderPdf(letterDefinition(m));
}
