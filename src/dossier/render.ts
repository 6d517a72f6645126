/**
 * Turning a document definition into PDF bytes. pdfmake is loaded here, on the
 * build path only, so the other commands start without it. pdfmake is one
 * shared instance: fonts and access policies are set once; it may read only
 * our own font files and never fetch a URL (images arrive as data URLs).
 */
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { refusal } from '../diagnostics/index.js';
import { assetsDir } from '../paths.js';

/** A pdfmake document definition (pdfmake has no types here). */
export type DocDefinition = { [key: string]: unknown };

const FONT_FILES = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
} as const;

/** The Roboto folder: our own assets/fonts if present, else the one shipped inside pdfmake's package. */
export function robotoDir(): string {
  const own = path.join(assetsDir, 'fonts', 'Roboto');
  if (existsSync(path.join(own, FONT_FILES.normal))) return own;
  const require = createRequire(import.meta.url);
  const dir = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'build', 'fonts', 'Roboto');
  if (!Object.values(FONT_FILES).every((f) => existsSync(path.join(dir, f)))) throw refusal('KLA-E714', { dir });
  return dir;
}

interface PdfMake {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (file: string) => boolean): void;
  createPdf(def: DocDefinition): { getBuffer(): Promise<Buffer> };
}

let instance: Promise<PdfMake> | undefined;

async function pdfmake(): Promise<PdfMake> {
  instance ??= (async () => {
    const mod = (await import('pdfmake')) as unknown as { default: PdfMake };
    const pm = mod.default;
    const dir = robotoDir();
    const fonts = Object.fromEntries(Object.entries(FONT_FILES).map(([k, f]) => [k, path.join(dir, f)]));
    const allowed = new Set(Object.values(fonts).map((f) => path.resolve(f)));
    pm.setFonts({ Roboto: fonts });
    pm.setUrlAccessPolicy(() => false);
    pm.setLocalAccessPolicy((file) => allowed.has(path.resolve(file)));
    shareShapedText();
    return pm;
  })();
  return instance;
}

/** Shaped text by font face, shared by the documents of the process (see shareShapedText). */
const shaped = new Map<string, Record<string, unknown>>();
let renderings = 0;

/** What pdfkit's embedded font keeps per document: the shaped runs of text it has laid out, by text. */
interface EmbeddedFont {
  layoutCache?: Record<string, unknown>;
}

/**
 * Text shaped once for all documents of the process. pdfkit shapes every word
 * with fontkit (the font's substitution and positioning tables) and keeps the
 * result per font and per document, so each layout step of the dossier and
 * of the working report shaped the same words again (about 6 % of a build). The
 * shaped run of a text depends only on the font file and the text (glyph ids,
 * advances, code points; pdfkit copies what it changes), so the documents of
 * this process share one store per font face. Each document still embeds only
 * the glyphs it uses.
 */
function shareShapedText(): void {
  type Proto = { provideFont(family: string, bold: boolean, italics: boolean): EmbeddedFont; getFontType(bold: boolean, italics: boolean): string };
  let proto: Proto | undefined;
  try {
    const require = createRequire(import.meta.url);
    proto = (require('pdfmake/js/PDFDocument.js') as { default?: { prototype?: Proto } }).default?.prototype;
  } catch {
    // Another pdfmake layout: documents then shape their own text, as pdfmake does by itself.
  }
  if (typeof proto?.provideFont !== 'function' || typeof proto.getFontType !== 'function') return;
  const provide = proto.provideFont;
  const stores = shaped;
  proto.provideFont = function (family, bold, italics) {
    const font = provide.call(this, family, bold, italics);
    if (font.layoutCache !== undefined) {
      const face = `${family}\u0000${this.getFontType(bold, italics)}`;
      const store = stores.get(face);
      if (store === undefined) stores.set(face, font.layoutCache);
      else font.layoutCache = store;
    }
    return font;
  };
}

/**
 * Load pdfmake and its fonts ahead of time, e.g. while workbooks are being
 * validated in worker processes. Failures surface when rendering.
 */
export function preparePdfmake(): void {
  pdfmake().catch(() => undefined);
}

/**
 * Render a document definition to PDF bytes. pdfmake writes its layout state
 * into the nodes it is given (positions, measured sizes), so a node laid out
 * twice would be drawn with the first layout's leftovers: it gets a fresh copy,
 * and the caller may render the same nodes as often as it likes.
 */
export async function renderPdf(def: DocDefinition): Promise<Buffer> {
  const pm = await pdfmake();
  // A process that renders for many districts (the library in a service) keeps the store bounded.
  if (++renderings % 64 === 0) shaped.clear();
  return pm.createPdf(fresh(def)).getBuffer();
}

/** A deep copy of arrays and plain objects; functions (table layouts, hooks), strings and numbers as they are. */
function fresh<T>(value: T): T {
  if (Array.isArray(value)) return value.map(fresh) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fresh(v)])) as T;
  }
  return value;
}
