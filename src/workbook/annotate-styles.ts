/**
 * The workbook's style sheet, extended without renumbering anything: new
 * fonts, fills, borders and cell formats are appended, so every style index
 * already used by a cell keeps its meaning.
 */
import {
  CONTENT_TYPE,
  type Package,
  REL,
  XML_DECL,
  addContentType,
  addRelationship,
  appendEdit,
  applyEdits,
  attr,
  child,
  children,
  insertInOrder,
  prefixOf,
  rootElement,
  withAttr,
  type Edit,
  type Element,
} from './ooxml.js';

/** styleSheet children in schema order. */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'] as const;
type List = 'fonts' | 'fills' | 'borders' | 'cellXfs';

export interface FontSpec {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  size: number;
  /** ARGB */
  color?: string;
  name: string;
}

export interface XfSpec {
  font: number;
  fill: number;
  border: number;
  alignment?: { horizontal?: 'left' | 'center' | 'right'; vertical?: 'top' | 'center' | 'bottom'; wrapText?: boolean; indent?: number };
}

export class StyleBook {
  private xml: string;
  private readonly p: string;
  private readonly existing: Record<List, string[]>;
  private readonly added: Record<List, string[]> = { fonts: [], fills: [], borders: [], cellXfs: [] };
  private readonly clones = new Map<string, number>();
  private readonly fills = new Map<string, number>();
  private readonly hasStyleXf: boolean;

  private constructor(
    private readonly pkg: Package,
    private readonly part: string,
  ) {
    this.xml = pkg.text(part)!;
    const root = rootElement(this.xml);
    this.p = prefixOf(root.tag);
    const list = (name: string, item: string) => {
      const el = child(this.xml, root, name);
      return el ? children(this.xml, el, item).map((c) => this.xml.slice(c.tag.start, c.end)) : [];
    };
    this.existing = { fonts: list('fonts', 'font'), fills: list('fills', 'fill'), borders: list('borders', 'border'), cellXfs: list('cellXfs', 'xf') };
    this.hasStyleXf = list('cellStyleXfs', 'xf').length > 0;
  }

  /** The style sheet of the workbook part, created when the workbook has none. */
  static open(pkg: Package, workbookPart: string, stylesPart: string | undefined): StyleBook {
    if (stylesPart && pkg.has(stylesPart)) return new StyleBook(pkg, stylesPart);
    const part = stylesPart ?? `${workbookPart.slice(0, workbookPart.lastIndexOf('/') + 1)}styles.xml`;
    // A workbook without a style sheet uses the built-in defaults; these are them, written out.
    pkg.setText(
      part,
      `${XML_DECL}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
        '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
        '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
    );
    if (!stylesPart) {
      addRelationship(pkg, workbookPart, REL.styles, part);
      addContentType(pkg, part, CONTENT_TYPE.styles);
    }
    return new StyleBook(pkg, part);
  }

  private add(list: List, xml: string): number {
    const i = this.existing[list].length + this.added[list].length;
    this.added[list].push(xml);
    return i;
  }

  /** A solid fill of this colour (one per colour). */
  solidFill(argb: string): number {
    let i = this.fills.get(argb);
    if (i === undefined) {
      const p = this.p;
      i = this.add('fills', `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`);
      this.fills.set(argb, i);
    }
    return i;
  }

  font(f: FontSpec): number {
    const p = this.p;
    const parts = [
      f.bold ? `<${p}b/>` : '',
      f.italic ? `<${p}i/>` : '',
      f.underline ? `<${p}u/>` : '',
      `<${p}sz val="${f.size}"/>`,
      f.color ? `<${p}color rgb="${f.color}"/>` : '',
      `<${p}name val="${f.name}"/>`,
      `<${p}family val="2"/>`,
    ];
    return this.add('fonts', `<${p}font>${parts.join('')}</${p}font>`);
  }

  /** A border of thin lines of this colour on all four sides. */
  thinBorder(argb: string): number {
    const p = this.p;
    const side = (s: string) => `<${p}${s} style="thin"><${p}color rgb="${argb}"/></${p}${s}>`;
    return this.add('borders', `<${p}border>${side('left')}${side('right')}${side('top')}${side('bottom')}<${p}diagonal/></${p}border>`);
  }

  xf(x: XfSpec): number {
    const p = this.p;
    const a = x.alignment;
    const align = a
      ? `<${p}alignment${a.horizontal ? ` horizontal="${a.horizontal}"` : ''}${a.vertical ? ` vertical="${a.vertical}"` : ''}${a.wrapText ? ' wrapText="1"' : ''}${a.indent ? ` indent="${a.indent}"` : ''}/>`
      : '';
    const head =
      `<${p}xf numFmtId="0" fontId="${x.font}" fillId="${x.fill}" borderId="${x.border}"${this.hasStyleXf ? ' xfId="0"' : ''}` +
      ` applyFont="1" applyFill="1" applyBorder="1"${a ? ' applyAlignment="1"' : ''}`;
    return this.add('cellXfs', align ? `${head}>${align}</${p}xf>` : `${head}/>`);
  }

  /**
   * The cell format `xf` with its fill replaced by a solid `argb` fill: number
   * format, font, border, alignment and protection are the cell's own.
   */
  withFill(xf: number, argb: string): number {
    const key = `${xf}/${argb}`;
    const known = this.clones.get(key);
    if (known !== undefined) return known;
    const all = [...this.existing.cellXfs, ...this.added.cellXfs];
    const source = all[xf] ?? all[0] ?? `<${this.p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`;
    const gt = source.indexOf('>');
    const open = source.slice(0, gt + 1);
    const fill = this.solidFill(argb);
    const tag = withAttr(withAttr(open, 'fillId', String(fill)), 'applyFill', '1');
    const i = this.add('cellXfs', tag + source.slice(gt + 1));
    this.clones.set(key, i);
    return i;
  }

  /** Number of cell formats before this run's additions (a cell's s beyond it is invalid). */
  get cellXfCount(): number {
    return this.existing.cellXfs.length;
  }

  /** Write the additions into the style sheet part. */
  save(): void {
    if (Object.values(this.added).every((l) => l.length === 0)) return;
    const root = rootElement(this.xml);
    const edits: Edit[] = [];
    for (const list of ['fonts', 'fills', 'borders', 'cellXfs'] as const) {
      if (this.added[list].length === 0) continue;
      const el: Element | undefined = child(this.xml, root, list);
      const count = this.existing[list].length + this.added[list].length;
      const body = this.added[list].join('');
      if (el) {
        const open = withAttr(el.tag.text, 'count', String(count));
        if (el.tag.selfClosing) {
          edits.push({ start: el.tag.start, end: el.tag.end, text: `${open.replace(/\s*\/>$/, '>')}${body}</${el.tag.name}>` });
        } else {
          edits.push({ start: el.tag.start, end: el.tag.end, text: open }, appendEdit(el, body));
        }
      } else {
        const followers = ORDER.slice(ORDER.indexOf(list) + 1);
        edits.push(insertInOrder(this.xml, root, followers, `<${this.p}${list} count="${count}">${body}</${this.p}${list}>`));
      }
    }
    this.xml = applyEdits(this.xml, edits);
    this.pkg.setText(this.part, this.xml);
  }
}

/** The `s` of a cell, row or column as a number (0 when absent). */
export const styleIndex = (tagText: string) => Number(attr(tagText, 's') ?? attr(tagText, 'style') ?? 0) || 0;
