/** Reading PDFs back in tests: page texts through pdfjs-dist (legacy build, as on Node 20). */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text of every page, items joined by single spaces. */
export async function pdfPages(data: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(data), isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const tc = await page.getTextContent();
    pages.push(
      tc.items
        .map((it) => ('str' in it ? it.str : ''))
        .join(' ')
        .replace(/\s+/g, ' '),
    );
  }
  await doc.destroy();
  return pages;
}

/** Text without any whitespace: for finding names that a table cell may wrap over lines. */
export const squash = (s: string) => s.replace(/\s+/g, '');

/** The document information dictionary (Title, CreationDate …). */
export async function pdfInfo(data: Uint8Array): Promise<Record<string, unknown>> {
  const doc = await getDocument({ data: new Uint8Array(data), isEvalSupported: false }).promise;
  const { info } = await doc.getMetadata();
  await doc.destroy();
  return info as Record<string, unknown>;
}
