/**
 * The narrative templates: Handlebars files under templates/ (Indonesian
 * defaults), each replaceable by a district's file of the same name. Templates
 * are trusted, the data they print is not: data only ever fills variables, is
 * never compiled, and cannot add structure (see `toBlocks`).
 *
 * Every template is checked when it is loaded, before any workbook is read:
 * syntax, then every variable, helper and block against VIEW_SPEC, so a typo
 * is reported with file and line instead of failing half-way through a build.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { KlaError, type Localized } from '../i18n.js';
import { templatesDir } from '../paths.js';
import { VIEW_SPEC, type NarrativeView, type VarSpec } from './narrative.js';

/** The narrative templates of the dossier, in document order. */
export const TEMPLATE_NAMES = [
  'kata-pengantar',
  'pendahuluan-latar-belakang',
  'pendahuluan-dasar-hukum',
  'pendahuluan-maksud-tujuan',
  'gambaran-umum',
  'hasil-pengantar',
  'hasil-prakiraan',
  'analisis-pengantar',
  'analisis-rencana',
  'penutup',
  'lampiran-jejak-data',
  'lampiran-pernyataan',
  'lampiran-masalah',
] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/** A piece of narrative: a paragraph, or a bulleted list. */
export type Block = { kind: 'p'; text: string } | { kind: 'list'; items: string[] };

export type Narrative = Record<TemplateName, Block[]>;

export interface LoadedTemplates {
  /** Where each template came from (default or the district's folder). */
  files: Record<TemplateName, string>;
  /** Remarks that do not stop the build (e.g. an unknown file in the district's folder). */
  warnings: Localized[];
  render(view: NarrativeView): Narrative;
}

// Structure markers. Control characters cannot occur in the view's values
// (cleanText strips them), so only the template's own text can make a list.
const BULLET = '\u0001';

/** The template source with its line-leading "- " list markers turned into BULLET. */
function markStructure(src: string): string {
  return src.replace(/\r\n?/g, '\n').replace(/^[ \t]*- /gm, BULLET);
}

/** Read, check and compile the templates: the defaults, with `overrideDir`'s files of the same name replacing them. */
export function loadTemplates(overrideDir?: string, defaultsDir: string = templatesDir): LoadedTemplates {
  const files = {} as Record<TemplateName, string>;
  const warnings: Localized[] = [];
  for (const name of TEMPLATE_NAMES) files[name] = path.join(defaultsDir, `${name}.hbs`);

  if (overrideDir !== undefined) {
    if (!existsSync(overrideDir) || !statSync(overrideDir).isDirectory()) {
      throw new KlaError({
        id: `Folder templat naskah ${overrideDir} tidak ditemukan. Periksa opsi --templates atau "dossierTemplates" di kla.config.json.`,
        en: `Narrative template folder ${overrideDir} not found. Check --templates or "dossierTemplates" in kla.config.json.`,
      });
    }
    for (const f of readdirSync(overrideDir).sort()) {
      if (!f.endsWith('.hbs')) continue;
      const name = f.slice(0, -4);
      if ((TEMPLATE_NAMES as readonly string[]).includes(name)) {
        files[name as TemplateName] = path.join(overrideDir, f);
      } else {
        warnings.push({
          id: `Templat ${path.join(overrideDir, f)} tidak dipakai: namanya tidak dikenal. Nama yang dikenal: ${TEMPLATE_NAMES.join(', ')}.`,
          en: `Template ${path.join(overrideDir, f)} is not used: unknown name. Known names: ${TEMPLATE_NAMES.join(', ')}.`,
        });
      }
    }
  }

  const sources = {} as Record<TemplateName, string>;
  for (const name of TEMPLATE_NAMES) {
    try {
      sources[name] = readFileSync(files[name], 'utf8').replace(/^\ufeff/, '');
    } catch (e) {
      throw new KlaError({
        id: `Templat ${files[name]} tidak dapat dibaca: ${(e as Error).message}`,
        en: `Template ${files[name]} cannot be read: ${(e as Error).message}`,
      });
    }
  }
  return compileTemplates(sources, files, warnings);
}

/** Check and compile template sources (pure apart from Handlebars itself). */
export function compileTemplates(sources: Record<TemplateName, string>, files: Record<TemplateName, string>, warnings: Localized[] = []): LoadedTemplates {
  const hb = Handlebars.create();
  const problems: Localized[] = [];
  const compiled = {} as Record<TemplateName, Handlebars.TemplateDelegate<NarrativeView>>;
  for (const name of TEMPLATE_NAMES) {
    const src = markStructure(sources[name]);
    const found = checkTemplate(src);
    problems.push(...found.map((p) => ({ id: `${files[name]}:${p.line}: ${p.text.id}`, en: `${files[name]}:${p.line}: ${p.text.en}` })));
    if (found.length === 0) {
      compiled[name] = hb.compile<NarrativeView>(src, {
        strict: true,
        knownHelpersOnly: true,
        noEscape: true,
        knownHelpers: { if: true, unless: true, each: true, with: true },
      });
    }
  }
  if (problems.length > 0) {
    throw new KlaError(
      { id: 'Templat naskah dokumen belum benar:', en: 'The dossier narrative templates are not correct:' },
      problems,
    );
  }
  return {
    files,
    warnings,
    render(view) {
      const out = {} as Narrative;
      for (const name of TEMPLATE_NAMES) {
        let text: string;
        try {
          text = compiled[name](view);
        } catch (e) {
          throw new KlaError({
            id: `Templat ${files[name]} gagal disusun: ${(e as Error).message}`,
            en: `Template ${files[name]} failed to render: ${(e as Error).message}`,
          });
        }
        out[name] = toBlocks(text);
      }
      return out;
    },
  };
}

/**
 * Rendered text to blocks: blank lines separate paragraphs, lines the template
 * marked with "- " are list items; other lines of a paragraph are joined.
 */
export function toBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let para: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (para.length) blocks.push({ kind: 'p', text: para.join(' ') });
    if (list.length) blocks.push({ kind: 'list', items: list });
    para = [];
    list = [];
  };
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (raw.startsWith(BULLET)) {
      if (para.length) flush();
      const item = raw.slice(1).replace(/\s+/g, ' ').trim();
      if (item) list.push(item);
    } else if (line === '') {
      flush();
    } else if (list.length && /^\s/.test(raw)) {
      // An indented line continues the list item above it.
      list[list.length - 1] += ` ${line}`;
    } else {
      if (list.length) flush();
      para.push(line);
    }
  }
  flush();
  return blocks;
}

// ---------------------------------------------------------------------------
// The check: walk the AST with a stack of contexts (each/with push one).

interface Problem {
  line: number;
  text: Localized;
}

type Scope = { spec: VarSpec; isEachItem: boolean };

const BLOCKS = new Set(['if', 'unless', 'each', 'with']);

/** Problems of one template source (empty when it is sound). */
export function checkTemplate(src: string): Problem[] {
  let ast: hbs.AST.Program;
  try {
    ast = Handlebars.parse(src);
  } catch (e) {
    const msg = (e as Error).message;
    const line = Number(/line (\d+)/.exec(msg)?.[1] ?? 1);
    const first = msg.split('\n')[0] ?? msg;
    return [{ line, text: { id: `penulisan Handlebars tidak sah (${first}).`, en: `invalid Handlebars syntax (${first}).` } }];
  }
  const problems: Problem[] = [];
  walkProgram(ast, [{ spec: VIEW_SPEC, isEachItem: false }], problems);
  return problems;
}

function walkProgram(p: hbs.AST.Program | undefined, scopes: Scope[], out: Problem[]): void {
  if (!p) return;
  if (p.blockParams?.length) {
    out.push({ line: p.loc?.start.line ?? 1, text: { id: 'parameter blok (as |x|) tidak didukung; gunakan "this".', en: 'block parameters (as |x|) are not supported; use "this".' } });
  }
  for (const s of p.body) walkStatement(s, scopes, out);
}

function walkStatement(s: hbs.AST.Statement, scopes: Scope[], out: Problem[]): void {
  const line = s.loc?.start.line ?? 1;
  switch (s.type) {
    case 'ContentStatement':
    case 'CommentStatement':
      return;
    case 'MustacheStatement': {
      const m = s as hbs.AST.MustacheStatement;
      if (m.params.length > 0 || (m.hash?.pairs.length ?? 0) > 0 || m.path.type !== 'PathExpression') {
        const name = m.path.type === 'PathExpression' ? (m.path as hbs.AST.PathExpression).original : String((m.path as hbs.AST.StringLiteral).original);
        out.push({ line, text: { id: `helper "${name}" tidak dikenal; yang tersedia hanya blok #if, #unless, #each dan #with.`, en: `unknown helper "${name}"; only the blocks #if, #unless, #each and #with are available.` } });
        return;
      }
      const spec = resolve(m.path as hbs.AST.PathExpression, scopes, line, out);
      if (spec !== undefined && spec !== 'value') {
        const name = (m.path as hbs.AST.PathExpression).original;
        out.push({ line, text: { id: `"${name}" bukan nilai yang dapat dicetak (ia berisi ${describe(spec)}); pilih salah satu isinya.`, en: `"${name}" is not a printable value (it holds ${describe(spec, 'en')}); use one of its fields.` } });
      }
      return;
    }
    case 'BlockStatement': {
      const b = s as hbs.AST.BlockStatement;
      const helper = b.path.type === 'PathExpression' ? (b.path as hbs.AST.PathExpression).original : '';
      if (!BLOCKS.has(helper)) {
        out.push({ line, text: { id: `blok "#${helper}" tidak dikenal; yang tersedia: #if, #unless, #each, #with.`, en: `unknown block "#${helper}"; available: #if, #unless, #each, #with.` } });
        return;
      }
      const param = b.params[0];
      if (b.params.length !== 1 || !param || param.type !== 'PathExpression' || (b.hash?.pairs.length ?? 0) > 0) {
        out.push({ line, text: { id: `blok "#${helper}" memerlukan tepat satu variabel.`, en: `block "#${helper}" needs exactly one variable.` } });
        return;
      }
      const spec = resolve(param as hbs.AST.PathExpression, scopes, line, out);
      if (spec === undefined) return;
      const name = (param as hbs.AST.PathExpression).original;
      if (helper === 'each') {
        if (!Array.isArray(spec)) {
          out.push({ line, text: { id: `"#each ${name}": "${name}" bukan daftar.`, en: `"#each ${name}": "${name}" is not a list.` } });
          return;
        }
        walkProgram(b.program, [...scopes, { spec: (spec as readonly [VarSpec])[0], isEachItem: true }], out);
      } else if (helper === 'with') {
        if (spec === 'value' || Array.isArray(spec)) {
          out.push({ line, text: { id: `"#with ${name}": "${name}" bukan objek.`, en: `"#with ${name}": "${name}" is not an object.` } });
          return;
        }
        walkProgram(b.program, [...scopes, { spec, isEachItem: false }], out);
      } else {
        walkProgram(b.program, scopes, out);
      }
      walkProgram(b.inverse, scopes, out);
      return;
    }
    default:
      out.push({ line, text: { id: 'partial dan dekorator tidak didukung dalam templat naskah.', en: 'partials and decorators are not supported in narrative templates.' } });
  }
}

function resolve(e: hbs.AST.PathExpression, scopes: Scope[], line: number, out: Problem[]): VarSpec | undefined {
  const name = e.original;
  const unknown = () => {
    out.push({
      line,
      text: {
        id: `variabel "${name}" tidak dikenal. Variabel yang tersedia di sini: ${available(scopes)}.`,
        en: `unknown variable "${name}". Variables available here: ${available(scopes)}.`,
      },
    });
    return undefined;
  };
  if (e.data) {
    const top = scopes[scopes.length - 1]!;
    if (e.parts.length === 1 && ['index', 'first', 'last'].includes(e.parts[0]!) && top.isEachItem) return 'value';
    if (e.parts[0] === 'root') return walk(VIEW_SPEC, e.parts.slice(1)) ?? unknown();
    return unknown();
  }
  const scope = scopes[scopes.length - 1 - e.depth];
  if (!scope) return unknown();
  return walk(scope.spec, e.parts) ?? unknown();
}

function walk(spec: VarSpec, parts: string[]): VarSpec | undefined {
  let cur: VarSpec = spec;
  for (const part of parts) {
    if (cur === 'value' || Array.isArray(cur)) return undefined;
    const next: VarSpec | undefined = Object.prototype.hasOwnProperty.call(cur, part) ? (cur as Record<string, VarSpec>)[part] : undefined;
    if (next === undefined) return undefined;
    cur = next;
  }
  return cur;
}

function available(scopes: Scope[]): string {
  const top = scopes[scopes.length - 1]!;
  if (top.spec === 'value' || Array.isArray(top.spec)) return 'this';
  const names = Object.keys(top.spec).map((k) => {
    const v = (top.spec as Record<string, VarSpec>)[k]!;
    return v === 'value' ? k : Array.isArray(v) ? `${k} (daftar)` : `${k}.…`;
  });
  return top.isEachItem ? [...names, '@index', '@first', '@last'].join(', ') : names.join(', ');
}

function describe(spec: VarSpec, lang: 'id' | 'en' = 'id'): string {
  if (Array.isArray(spec)) return lang === 'id' ? 'sebuah daftar; gunakan #each' : 'a list; use #each';
  return (lang === 'id' ? 'isian ' : 'the fields ') + Object.keys(spec as object).join(', ');
}
