/**
 * Editing an .xlsx package in place: its zip entries, and its XML parts by
 * targeted edits. Parts are rewritten only where an edit lands; every byte
 * around it stays as the saving program wrote it. That matters because OPD
 * workbooks come from exceljs, Excel, LibreOffice, openpyxl and others, each
 * with its own prefixes, attribute styles and extensions, and because legacy
 * VML (notes) is often not well-formed XML, so a parse-and-serialise round
 * trip through a DOM would lose or reject what a targeted edit leaves alone.
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';

// ---------------------------------------------------------------------------
// The package

/** The package or one of its parts is not what the format says it must be. */
export class PackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackageError';
  }
}

/** The parts of a package in their stored order, as bytes. */
export class Package {
  private readonly parts = new Map<string, Uint8Array>();

  static read(buf: Uint8Array): Package {
    const p = new Package();
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(buf);
    } catch (e) {
      throw new PackageError(`zip: ${(e as Error).message}`);
    }
    for (const [name, data] of Object.entries(entries)) {
      // Folder entries carry no part.
      if (!name.endsWith('/')) p.parts.set(name, data);
    }
    return p;
  }

  has(name: string): boolean {
    return this.parts.has(name);
  }

  names(): string[] {
    return [...this.parts.keys()];
  }

  /** The part's text, or undefined when the package has no such part. */
  text(name: string): string | undefined {
    const d = this.parts.get(name);
    return d === undefined ? undefined : new TextDecoder('utf-8').decode(d);
  }

  remove(name: string): void {
    this.parts.delete(name);
  }

  setText(name: string, text: string): void {
    this.parts.set(name, new TextEncoder().encode(text));
  }

  /** The first unused name of the form prefix + N + suffix (N from 1). */
  freeName(prefix: string, suffix: string): string {
    for (let n = 1; ; n++) {
      const name = `${prefix}${n}${suffix}`;
      if (!this.parts.has(name) && !this.hasCaseInsensitive(name)) return name;
    }
  }

  private hasCaseInsensitive(name: string): boolean {
    const lower = name.toLowerCase();
    return [...this.parts.keys()].some((k) => k.toLowerCase() === lower);
  }

  /**
   * The zip, with every entry dated `date` as its UTC wall-clock time: zip
   * times are local times without a zone, and the same inputs must give the
   * same bytes on every machine. Entries keep their order; new ones follow.
   */
  write(date: Date): Buffer {
    const mtime = wallClock(date);
    const files: Zippable = {};
    for (const [name, data] of this.parts) files[name] = [data, { mtime, level: 6 }];
    return Buffer.from(zipSync(files));
  }
}

/** A Date whose local-time fields read as `date`'s UTC fields (fflate writes local fields). */
function wallClock(date: Date): Date {
  const clamp = Math.min(Math.max(date.getTime(), Date.UTC(1980, 0, 2)), Date.UTC(2099, 11, 30));
  const first = new Date(clamp + new Date(clamp).getTimezoneOffset() * 60_000);
  return new Date(clamp + first.getTimezoneOffset() * 60_000);
}

// ---------------------------------------------------------------------------
// Paths and relationships

export const REL = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  comments: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  vmlDrawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing',
  extendedProperties: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties',
} as const;

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  vml: 'urn:schemas-microsoft-com:vml',
  office: 'urn:schemas-microsoft-com:office:office',
  excel: 'urn:schemas-microsoft-com:office:excel',
} as const;

export const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
} as const;

/** The relationships part of a part: xl/workbook.xml -> xl/_rels/workbook.xml.rels. */
export function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** A relationship target resolved against its source part; absolute targets start at the package root. */
export function resolveTarget(source: string, target: string): string {
  const base = target.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const seg of target.replace(/^\//, '').split('/')) {
    if (seg === '..') base.pop();
    else if (seg !== '.' && seg !== '') base.push(seg);
  }
  return base.join('/');
}

/** The target of `to` written relative to the folder of `from` (both package paths). */
export function relativeTarget(from: string, to: string): string {
  const a = from.split('/').slice(0, -1);
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** The relationships of a part (none when it has no .rels part). */
export function relationships(pkg: Package, part: string): Relationship[] {
  const xml = pkg.text(relsPathOf(part));
  if (xml === undefined) return [];
  const root = rootElement(xml);
  return elements(xml, root, 'Relationship').map((el) => ({
    id: attr(el.tag, 'Id') ?? '',
    type: attr(el.tag, 'Type') ?? '',
    target: attr(el.tag, 'Target') ?? '',
    external: attr(el.tag, 'TargetMode') === 'External',
  }));
}

/** Add a relationship from `part` to `targetPart`; returns its id. Creates the .rels part when needed. */
export function addRelationship(pkg: Package, part: string, type: string, targetPart: string): string {
  const relsPath = relsPathOf(part);
  const existing = relationships(pkg, part);
  const ids = new Set(existing.map((r) => r.id));
  let n = existing.length + 1;
  while (ids.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const rel = `<Relationship Id="${id}" Type="${type}" Target="${escapeAttr(relativeTarget(part, targetPart))}"/>`;
  const xml = pkg.text(relsPath);
  if (xml === undefined) {
    pkg.setText(relsPath, `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel}</Relationships>`);
  } else {
    pkg.setText(relsPath, appendChild(xml, rootElement(xml), rel));
  }
  return id;
}

/** Declare a part's content type (an Override), and the extension's Default where the part's extension needs one. */
export function addContentType(pkg: Package, part: string, contentType: string, asDefault = false): void {
  const name = '[Content_Types].xml';
  const xml = pkg.text(name);
  if (xml === undefined) throw new PackageError('package without [Content_Types].xml');
  const root = rootElement(xml);
  let add = '';
  if (asDefault) {
    const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
    const has = elements(xml, root, 'Default').some((el) => (attr(el.tag, 'Extension') ?? '').toLowerCase() === ext);
    if (!has) add = `<Default Extension="${escapeAttr(ext)}" ContentType="${escapeAttr(contentType)}"/>`;
  } else {
    const has = elements(xml, root, 'Override').some((el) => (attr(el.tag, 'PartName') ?? '').toLowerCase() === `/${part}`.toLowerCase());
    if (!has) add = `<Override PartName="/${escapeAttr(part)}" ContentType="${escapeAttr(contentType)}"/>`;
  }
  if (add) pkg.setText(name, appendChild(xml, root, add));
}

// ---------------------------------------------------------------------------
// XML scanning

export const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A start tag as written: its qualified name and where it sits. */
export interface Tag {
  /** Qualified name as written ("c", "x:c", "v:shape"). */
  name: string;
  /** Local name (after any prefix). */
  local: string;
  start: number;
  /** Index just after its '>'. */
  end: number;
  selfClosing: boolean;
  /** The tag's text, `<` to `>`. */
  text: string;
}

/** An element: its start tag and where its content and end tag are. */
export interface Element {
  tag: Tag;
  /** Index of the end tag's '<' (equals tag.end for a self-closing element). */
  close: number;
  /** Index just after the element. */
  end: number;
}

type Token = { kind: 'open'; tag: Tag } | { kind: 'close'; name: string; start: number; end: number };

/** Tokens between from and to: start and end tags; comments, PIs, CDATA and text skipped. */
function* tokens(xml: string, from: number, to: number): Generator<Token> {
  let i = from;
  while (i < to) {
    const lt = xml.indexOf('<', i);
    if (lt < 0 || lt >= to) return;
    if (xml.startsWith('<!--', lt)) {
      i = skipPast(xml, lt, '-->');
    } else if (xml.startsWith('<![CDATA[', lt)) {
      i = skipPast(xml, lt, ']]>');
    } else if (xml.startsWith('<?', lt)) {
      i = skipPast(xml, lt, '?>');
    } else if (xml.startsWith('<!', lt)) {
      i = skipPast(xml, lt, '>');
    } else if (xml[lt + 1] === '/') {
      const gt = xml.indexOf('>', lt);
      if (gt < 0) throw new PackageError('unterminated end tag');
      yield { kind: 'close', name: xml.slice(lt + 2, gt).trim(), start: lt, end: gt + 1 };
      i = gt + 1;
    } else {
      const gt = endOfStartTag(xml, lt);
      const name = /^<([^\s/>]+)/.exec(xml.slice(lt, Math.min(gt, lt + 200)))?.[1] ?? '';
      const text = xml.slice(lt, gt + 1);
      const colon = name.indexOf(':');
      yield { kind: 'open', tag: { name, local: colon < 0 ? name : name.slice(colon + 1), start: lt, end: gt + 1, selfClosing: xml[gt - 1] === '/', text } };
      i = gt + 1;
    }
  }
}

function skipPast(xml: string, from: number, marker: string): number {
  const at = xml.indexOf(marker, from);
  if (at < 0) throw new PackageError(`unterminated ${marker}`);
  return at + marker.length;
}

/** The '>' that ends the start tag at `lt`, honouring quoted attribute values (which may hold '>'). */
function endOfStartTag(xml: string, lt: number): number {
  let quote = '';
  for (let i = lt + 1; i < xml.length; i++) {
    const ch = xml[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '>') {
      return i;
    }
  }
  throw new PackageError('unterminated start tag');
}

/** The element whose start tag is `tag`: finds its matching end tag. */
function elementOf(xml: string, tag: Tag, limit: number): Element {
  if (tag.selfClosing) return { tag, close: tag.end, end: tag.end };
  let depth = 0;
  for (const t of tokens(xml, tag.end, limit)) {
    if (t.kind === 'open') {
      if (!t.tag.selfClosing) depth++;
    } else if (depth === 0) {
      return { tag, close: t.start, end: t.end };
    } else {
      depth--;
    }
  }
  throw new PackageError(`element <${tag.name}> is not closed`);
}

/** The document's root element. */
export function rootElement(xml: string): Element {
  for (const t of tokens(xml, 0, xml.length)) {
    if (t.kind === 'open') return elementOf(xml, t.tag, xml.length);
  }
  throw new PackageError('no root element');
}

/** Direct children of `parent`, optionally only those with a local name in `locals`. */
export function children(xml: string, parent: Element, ...locals: string[]): Element[] {
  const out: Element[] = [];
  let depth = 0;
  let open: Tag | undefined;
  for (const t of tokens(xml, parent.tag.end, parent.close)) {
    if (t.kind === 'open') {
      if (depth === 0) {
        if (t.tag.selfClosing) {
          if (locals.length === 0 || locals.includes(t.tag.local)) out.push({ tag: t.tag, close: t.tag.end, end: t.tag.end });
        } else {
          open = t.tag;
          depth = 1;
        }
      } else if (!t.tag.selfClosing) {
        depth++;
      }
    } else {
      depth--;
      if (depth === 0 && open) {
        if (locals.length === 0 || locals.includes(open.local)) out.push({ tag: open, close: t.start, end: t.end });
        open = undefined;
      }
    }
  }
  return out;
}

/** The first direct child with this local name. */
export function child(xml: string, parent: Element, local: string): Element | undefined {
  return children(xml, parent, local)[0];
}

/** Descendants (any depth) with this local name, outermost first; elements of that name are not searched inside. */
export function elements(xml: string, parent: Element, local: string): Element[] {
  const out: Element[] = [];
  let i = parent.tag.end;
  while (i < parent.close) {
    let found: Tag | undefined;
    for (const t of tokens(xml, i, parent.close)) {
      if (t.kind === 'open' && t.tag.local === local) {
        found = t.tag;
        break;
      }
    }
    if (!found) break;
    const el = elementOf(xml, found, parent.close);
    out.push(el);
    i = el.end;
  }
  return out;
}

/** The element's content, between its tags. */
export const inner = (xml: string, el: Element) => (el.tag.selfClosing ? '' : xml.slice(el.tag.end, el.close));

// ---------------------------------------------------------------------------
// Attributes

const ATTR = /([^\s=/<>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** An attribute's value (entities decoded), or undefined. */
export function attr(tag: Tag | string, name: string): string | undefined {
  const text = typeof tag === 'string' ? tag : tag.text;
  for (const m of text.matchAll(ATTR)) if (m[1] === name) return decodeXml(m[2] ?? m[3] ?? '');
  return undefined;
}

/** Every attribute of a tag, in order. */
export function attrs(tag: Tag | string): [string, string][] {
  const text = typeof tag === 'string' ? tag : tag.text;
  return [...text.matchAll(ATTR)].map((m) => [m[1]!, decodeXml(m[2] ?? m[3] ?? '')]);
}

/** The start tag with an attribute set (replaced in place, or added at the end); undefined removes it. */
export function withAttr(tagText: string, name: string, value: string | undefined): string {
  let found = false;
  const replaced = tagText.replace(ATTR, (all, n: string) => {
    if (n !== name) return all;
    found = true;
    return value === undefined ? '\u0000' : `${n}="${escapeAttr(value)}"`;
  });
  if (found) return replaced.replace(/\s*\u0000/g, '');
  if (value === undefined) return tagText;
  const close = tagText.endsWith('/>') ? tagText.length - 2 : tagText.length - 1;
  return `${tagText.slice(0, close).replace(/\s+$/, '')} ${name}="${escapeAttr(value)}"${tagText.slice(close)}`;
}

/** XML booleans as written by different programs: "1"/"true". */
export const isTrue = (v: string | undefined) => v === '1' || v === 'true';

/** The prefix (with colon) a start tag's element uses, e.g. "x:" or "". */
export const prefixOf = (tag: Tag) => (tag.name.includes(':') ? tag.name.slice(0, tag.name.indexOf(':') + 1) : '');

/** The prefix bound to a namespace on a start tag ("r" for xmlns:r=...), or undefined. */
export function prefixFor(tag: Tag, ns: string): string | undefined {
  for (const [n, v] of attrs(tag)) if (n.startsWith('xmlns:') && v === ns) return n.slice(6);
  return undefined;
}

// ---------------------------------------------------------------------------
// Text

export function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e as 'amp']!;
  });
}

/**
 * Text as SpreadsheetML stores it: characters XML 1.0 cannot hold become
 * _xHHHH_ escapes, and a literal "_xHHHH_" is protected by escaping its
 * underscore, as Excel does; then the XML escapes.
 */
export function escapeText(s: string): string {
  const ooxml = s
    .replace(/_(x[0-9a-fA-F]{4}_)/g, '_x005F_$1')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)
    // Lone surrogates cannot be encoded.
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  return ooxml.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** An attribute value: escaped, with newlines and tabs kept as character references. */
export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

// ---------------------------------------------------------------------------
// Edits

export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Apply non-overlapping edits (replacements of [start, end)). */
export function applyEdits(xml: string, edits: Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) throw new PackageError('overlapping edits');
    out += xml.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + xml.slice(at);
}

/** Insert `text` as the last child of `parent` (expanding a self-closing parent). */
export function appendChild(xml: string, parent: Element, text: string): string {
  return applyEdits(xml, [appendEdit(parent, text)]);
}

export function appendEdit(parent: Element, text: string): Edit {
  if (parent.tag.selfClosing) {
    const open = parent.tag.text.replace(/\s*\/>$/, '>');
    return { start: parent.tag.start, end: parent.tag.end, text: `${open}${text}</${parent.tag.name}>` };
  }
  return { start: parent.close, end: parent.close, text };
}

/**
 * Where a new child goes so that the schema's order holds: before the first
 * existing child whose local name is in `followers` (the names that come
 * after it in the schema), else at the end.
 */
export function insertInOrder(xml: string, parent: Element, followers: readonly string[], text: string): Edit {
  const next = children(xml, parent).find((c) => followers.includes(c.tag.local));
  return next ? { start: next.tag.start, end: next.tag.start, text } : appendEdit(parent, text);
}

// ---------------------------------------------------------------------------
// Cell references

/** "AB12" -> { col: 28, row: 12 } (1-based); undefined when not a plain A1 reference. */
export function parseRef(ref: string): { col: number; row: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return undefined;
  const col = [...m[1]!.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const row = Number(m[2]);
  if (col < 1 || col > 16384 || row < 1 || row > 1048576) return undefined;
  return { col, row };
}

export function colLetters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export const refOf = (col: number, row: number) => `${colLetters(col)}${row}`;

/** A sheet name as a formula or hyperlink location writes it: always quoted, apostrophes doubled. */
export const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;
