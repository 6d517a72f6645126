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
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readText } from '../io/text.js';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { Diagnostic } from '../model.js';
import { diag, refusal, type ParamsOf } from '../diagnostics/index.js';
import { templatesDir } from '../paths.js';
import { VIEW_SPEC, type NarrativeView, type VarSpec } from './narrative.js';

/** The narrative templates of the dossier, in document order. */
export const TEMPLATE_NAMES = [
  'lembar-pengesahan',
  'kata-pengantar',
  'latar-belakang',
  'dasar-hukum',
  'maksud-tujuan',
  'metode',
  'gambaran-umum',
  'penduduk-anak',
  'kelembagaan',
  'riwayat',
  'hasil-pengantar',
  'analisis-pengantar',
  'rencana-pengantar',
  'penutup',
] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/** A piece of narrative: a paragraph, or a bulleted list. */
export type Block = { kind: 'p'; text: string } | { kind: 'list'; items: string[] };

export type Narrative = Record<TemplateName, Block[]>;

export interface LoadedTemplates {
  /** Where each template came from (default or the district's folder). */
  files: Record<TemplateName, string>;
  /** Remarks that do not stop the build (e.g. an unknown file in the district's folder). */
  warnings: Diagnostic[];
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
  const warnings: Diagnostic[] = [];
  for (const name of TEMPLATE_NAMES) files[name] = path.join(defaultsDir, `${name}.hbs`);

  if (overrideDir !== undefined) {
    if (!existsSync(overrideDir) || !statSync(overrideDir).isDirectory()) throw refusal('KLA-E708', { dir: overrideDir, isFile: existsSync(overrideDir) }, { location: { file: overrideDir } });
    for (const f of readdirSync(overrideDir).sort()) {
      if (!f.endsWith('.hbs')) continue;
      const name = f.slice(0, -4);
      if ((TEMPLATE_NAMES as readonly string[]).includes(name)) {
        files[name as TemplateName] = path.join(overrideDir, f);
      } else {
        warnings.push(diag('KLA-W712', { file: path.join(overrideDir, f), names: [...TEMPLATE_NAMES] }, { file: path.join(overrideDir, f) }));
      }
    }
  }

  const sources = {} as Record<TemplateName, string>;
  for (const name of TEMPLATE_NAMES) {
    try {
      sources[name] = readText(files[name]);
    } catch {
      throw refusal('KLA-E709', { file: files[name] }, { location: { file: files[name] } });
    }
  }
  return compileTemplates(sources, files, warnings);
}

/** Check and compile template sources (pure apart from Handlebars itself). */
export function compileTemplates(sources: Record<TemplateName, string>, files: Record<TemplateName, string>, warnings: Diagnostic[] = []): LoadedTemplates {
  const hb = Handlebars.create();
  const problems: Diagnostic[] = [];
  const compiled = {} as Record<TemplateName, Handlebars.TemplateDelegate<NarrativeView>>;
  for (const name of TEMPLATE_NAMES) {
    const src = markStructure(sources[name]);
    const found = checkTemplate(src);
    problems.push(...found.map((p) => diag('KLA-E711', { file: files[name], ...p }, { file: files[name] })));
    if (found.length === 0) {
      compiled[name] = hb.compile<NarrativeView>(src, {
        strict: true,
        knownHelpersOnly: true,
        noEscape: true,
        knownHelpers: { if: true, unless: true, each: true, with: true },
      });
    }
  }
  if (problems.length > 0) throw refusal('KLA-E710', {}, { details: problems });
  return {
    files,
    warnings,
    render(view) {
      const out = {} as Narrative;
      for (const name of TEMPLATE_NAMES) {
        let text: string;
        try {
          text = compiled[name](view);
        } catch {
          throw refusal('KLA-E713', { file: files[name] }, { location: { file: files[name] } });
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

/** A problem of one template, as the parameters of KLA-E711 (without the file). */
type Problem = Omit<ParamsOf<'KLA-E711'>, 'file'>;
const problem = (line: number, kind: Problem['problem'], name = '', available: string[] = []): Problem => ({ line, problem: kind, name, available });

type Scope = { spec: VarSpec; isEachItem: boolean };

const BLOCKS = new Set(['if', 'unless', 'each', 'with']);

/** Problems of one template source (empty when it is sound). */
export function checkTemplate(src: string): Problem[] {
  let ast: hbs.AST.Program;
  try {
    ast = Handlebars.parse(src);
  } catch (e) {
    return [syntaxProblem(src, (e as Error).message)];
  }
  const problems: Problem[] = [];
  walkProgram(ast, [{ spec: VIEW_SPEC, isEachItem: false }], problems);
  return problems;
}

/**
 * What is wrong with a template Handlebars cannot parse, said as its author
 * would look for it: a block closed with another name, a block never closed,
 * a closing tag without its block, a "{{" never closed; else the line the
 * parser names ("line 4", or "- 4:24").
 */
function syntaxProblem(src: string, message: string): Problem {
  const lineAt = (i: number) => src.slice(0, i).split('\n').length;
  const open: { name: string; line: number }[] = [];
  for (const m of src.matchAll(/\{\{~?\s*([#^/])\s*([\w.-]+)[^{}]*\}\}|\{\{(?!\{?[^{}]*\}\})/g)) {
    const line = lineAt(m.index);
    if (m[1] === undefined) return problem(line, 'tag-unclosed');
    if (m[1] !== '/') open.push({ name: m[2]!, line });
    else {
      const last = open.pop();
      if (last === undefined) return problem(line, 'block-stray', m[2]!);
      if (last.name !== m[2]) return { ...problem(line, 'block-mismatch', last.name), found: m[2]! };
    }
  }
  const unclosed = open.pop();
  if (unclosed) return problem(unclosed.line, 'block-unclosed', unclosed.name);
  return problem(Number(/line (\d+)/.exec(message)?.[1] ?? / - (\d+):\d+$/.exec(message)?.[1] ?? 1), 'syntax');
}

function walkProgram(p: hbs.AST.Program | undefined, scopes: Scope[], out: Problem[]): void {
  if (!p) return;
  if (p.blockParams?.length) {
    out.push(problem(p.loc?.start.line ?? 1, 'block-params'));
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
        out.push(problem(line, 'helper', name));
        return;
      }
      const spec = resolve(m.path as hbs.AST.PathExpression, scopes, line, out);
      if (spec !== undefined && spec !== 'value') {
        const name = (m.path as hbs.AST.PathExpression).original;
        out.push(problem(line, 'not-printable', name, fieldsOf(spec)));
      }
      return;
    }
    case 'BlockStatement': {
      const b = s as hbs.AST.BlockStatement;
      const helper = b.path.type === 'PathExpression' ? (b.path as hbs.AST.PathExpression).original : '';
      if (!BLOCKS.has(helper)) {
        out.push(problem(line, 'block', helper));
        return;
      }
      const param = b.params[0];
      if (b.params.length !== 1 || !param || param.type !== 'PathExpression' || (b.hash?.pairs.length ?? 0) > 0) {
        out.push(problem(line, 'block-arity', helper));
        return;
      }
      const spec = resolve(param as hbs.AST.PathExpression, scopes, line, out);
      if (spec === undefined) return;
      const name = (param as hbs.AST.PathExpression).original;
      if (helper === 'each') {
        if (!Array.isArray(spec)) {
          out.push(problem(line, 'not-list', name));
          return;
        }
        walkProgram(b.program, [...scopes, { spec: (spec as readonly [VarSpec])[0], isEachItem: true }], out);
      } else if (helper === 'with') {
        if (spec === 'value' || Array.isArray(spec)) {
          out.push(problem(line, 'not-object', name));
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
      out.push(problem(line, 'partial'));
  }
}

function resolve(e: hbs.AST.PathExpression, scopes: Scope[], line: number, out: Problem[]): VarSpec | undefined {
  const name = e.original;
  const unknown = () => {
    out.push(problem(line, 'variable', name, available(scopes)));
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

function available(scopes: Scope[]): string[] {
  const top = scopes[scopes.length - 1]!;
  if (top.spec === 'value' || Array.isArray(top.spec)) return ['this'];
  const names = fieldsOf(top.spec);
  return top.isEachItem ? [...names, '@index', '@first', '@last'] : names;
}

/** The fields of an object variable as a template writes them ("nilai.…" for an object, "#each kelompok" for a list). */
function fieldsOf(spec: VarSpec): string[] {
  if (spec === 'value') return [];
  if (Array.isArray(spec)) return ['#each'];
  return Object.entries(spec as Record<string, VarSpec>).map(([k, v]) => (v === 'value' ? k : Array.isArray(v) ? `#each ${k}` : `${k}.…`));
}
