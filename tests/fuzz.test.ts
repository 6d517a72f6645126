/**
 * Mutation fuzzing of the reader and the checks. A fixed-seed generator makes
 * a few hundred damaged workbooks from the example's submissions, at the byte
 * level (flips, cuts, inserted and repeated bytes) and at the XML level
 * (elements deleted or repeated, attributes and values replaced with garbage,
 * parts dropped, renamed or mis-sized). Every one must give findings with
 * registered codes and words of our own: no crash, no internal error, no
 * library or JavaScript text in any message. Then the CLI validates all of
 * them in one process and must exit cleanly.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadProject, type Project } from '../src/project/config.js';
import { readWorkbookBuffer } from '../src/workbook/read.js';
import { checkFile } from '../src/validate/index.js';
import { formatMessage, isCode } from '../src/diagnostics/index.js';
import type { Diagnostic } from '../src/model.js';
import { kla, root } from './helpers/cli.js';
import { tmpDir, unzipAll, zipBuffer, type ZipEntry } from './validate-helpers.js';
import { mulberry32 } from '../scripts/seeded.js';

const example = path.join(root, 'fixtures', 'merangin');
const SUBMISSIONS = path.join(example, 'submissions');
const MUTANTS = 320;

/** Words that only a library, a runtime or a stack trace would put in a message. */
const LIBRARY_TEXT = /TypeError|RangeError|SyntaxError|ReferenceError|Cannot read|is not a function|undefined|null\b|NaN|\[object|Error:|E[A-Z]{3,}:|\bat [\w.<>]+ \(|node:internal|errno|zlib|yauzl|exceljs|saxes|Unexpected|invalid (?:stored|distance|code|block)/;


type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: Rand, n: number) => Math.floor(r() * n);

const GARBAGE = ['', 'ZZZ99999999', '-1', '99999999', '1e309', 'NaN', '&amp;&lt;', '\u0000', 'A0', 'XFE1048577', '😀', '<', '"', 'rId404', '../../../etc/passwd', '%zz', '/'];

/** Byte-level damage to a whole file. */
const BYTE_MUTATIONS: ((b: Buffer, r: Rand) => Buffer)[] = [
  (b, r) => {
    const c = Buffer.from(b);
    for (let i = 0, n = 1 + int(r, 8); i < n; i++) {
      const at = int(r, c.length);
      c[at] = c[at]! ^ (1 << int(r, 8));
    }
    return c;
  },
  (b, r) => b.subarray(0, int(r, b.length)),
  (b, r) => {
    const at = int(r, b.length);
    return Buffer.concat([b.subarray(0, at), Buffer.from(Array.from({ length: 1 + int(r, 64) }, () => int(r, 256))), b.subarray(at)]);
  },
  (b, r) => {
    const c = Buffer.from(b);
    c.fill(0, int(r, c.length), int(r, c.length) + int(r, 512));
    return c;
  },
  (b, r) => {
    const at = int(r, b.length);
    const len = int(r, 2048);
    return Buffer.concat([b.subarray(0, at + len), b.subarray(at, at + len), b.subarray(at + len)]);
  },
];

/** Damage to the XML of one part (text in, text out). */
const XML_MUTATIONS: ((xml: string, r: Rand) => string)[] = [
  // Delete an element (open tag, or a whole self-closing one).
  (x, r) => {
    const tags = [...x.matchAll(/<[A-Za-z][^>]*>/g)];
    if (tags.length === 0) return x;
    const m = pick(r, tags);
    return x.slice(0, m.index) + x.slice(m.index! + m[0].length);
  },
  // Repeat an element.
  (x, r) => {
    const tags = [...x.matchAll(/<([A-Za-z][\w:]*)\b[^>]*\/>/g)];
    if (tags.length === 0) return x;
    const m = pick(r, tags);
    return x.slice(0, m.index! + m[0].length) + m[0].repeat(1 + int(r, 50)) + x.slice(m.index! + m[0].length);
  },
  // Replace an attribute's value.
  (x, r) => {
    const attrs = [...x.matchAll(/\s([\w:]+)="([^"]*)"/g)];
    if (attrs.length === 0) return x;
    const m = pick(r, attrs);
    const g = pick(r, GARBAGE).replace(/"/g, '&quot;').replace(/</g, '&lt;');
    return `${x.slice(0, m.index)} ${m[1]}="${g}"${x.slice(m.index! + m[0].length)}`;
  },
  // Replace a value's text.
  (x, r) => {
    const vals = [...x.matchAll(/<(v|t|f)>([^<]*)<\/\1>/g)];
    if (vals.length === 0) return x;
    const m = pick(r, vals);
    const g = pick(r, [...GARBAGE, '9'.repeat(400), '_x001B_[2J', '_xD800_', '=HYPERLINK("x")']).replace(/&(?!amp;|lt;)/g, '&amp;').replace(/</g, '&lt;');
    return `${x.slice(0, m.index)}<${m[1]}>${g}</${m[1]}>${x.slice(m.index! + m[0].length)}`;
  },
  // Cut the XML short, or cut a piece out of it.
  (x, r) => x.slice(0, int(r, x.length)),
  (x, r) => {
    const a = int(r, x.length);
    return x.slice(0, a) + x.slice(a + int(r, 200));
  },
  // Characters XML does not allow, or entities it does not know.
  (x, r) => {
    const a = int(r, x.length);
    return x.slice(0, a) + pick(r, ['\u0001', '\u001b[31m', '&bogus;', '&#0;', '&#x110000;', ']]>', '<!DOCTYPE x [<!ENTITY e "e">]>', '<?pi?>']) + x.slice(a);
  },
  // A prefix on one element only.
  (x, r) => {
    const tags = [...x.matchAll(/<([a-z][\w]*)\b/g)];
    if (tags.length === 0) return x;
    const m = pick(r, tags);
    return `${x.slice(0, m.index)}<q:${m[1]}${x.slice(m.index! + m[0].length)}`;
  },
];

/** Damage to the package: parts dropped, renamed or lying about their size. */
const PART_MUTATIONS: ((parts: ZipEntry[], r: Rand) => ZipEntry[])[] = [
  (p, r) => p.filter((_, i) => i !== int(r, p.length)),
  (p, r) => {
    const i = int(r, p.length);
    return p.map((e, j) => (j === i ? { ...e, name: pick(r, ['xl/worksheets/sheet3.xml', 'XL/WORKBOOK.XML', 'xl/sharedStrings.xml', `x/${e.name}`, e.name.toUpperCase(), '']) } : e));
  },
  (p, r) => {
    const i = int(r, p.length);
    return p.map((e, j) => (j === i && e.data ? { ...e, declaredSize: pick(r, [0, 1, e.data.length - 1, e.data.length + 1, e.data.length * 2, 0xfffffff0]) } : e));
  },
];

const XML_PARTS = ['xl/worksheets/sheet3.xml', 'xl/worksheets/sheet5.xml', 'xl/worksheets/sheet2.xml', 'xl/sharedStrings.xml', 'xl/workbook.xml', 'xl/styles.xml', 'xl/_rels/workbook.xml.rels', '_rels/.rels', '[Content_Types].xml', 'xl/worksheets/_rels/sheet3.xml.rels', 'docProps/core.xml'];

interface Mutant {
  name: string;
  bytes: Buffer;
}

async function mutants(): Promise<Mutant[]> {
  const r = mulberry32(20260314);
  const sources = readdirSync(SUBMISSIONS).filter((f) => f.endsWith('.xlsx')).sort();
  const unzipped = new Map<string, ZipEntry[]>();
  const out: Mutant[] = [];
  for (let i = 0; i < MUTANTS; i++) {
    const src = pick(r, sources);
    const bytes = readFileSync(path.join(SUBMISSIONS, src));
    const kind = pick(r, ['byte', 'xml', 'xml', 'xml', 'part'] as const);
    let result: Buffer;
    if (kind === 'byte') {
      result = pick(r, BYTE_MUTATIONS)(bytes, r);
    } else {
      if (!unzipped.has(src)) unzipped.set(src, await unzipAll(bytes));
      let parts = unzipped.get(src)!.map((e) => ({ ...e }));
      if (kind === 'xml') {
        const target = pick(r, XML_PARTS);
        parts = parts.map((e) => {
          if (e.name !== target) return e;
          let x = e.data!.toString('utf8');
          for (let k = 0, n = 1 + int(r, 3); k < n; k++) x = pick(r, XML_MUTATIONS)(x, r);
          return { name: e.name, data: Buffer.from(x, 'utf8') };
        });
      } else {
        parts = pick(r, PART_MUTATIONS)(parts, r);
      }
      result = await zipBuffer(parts);
    }
    out.push({ name: `mutan ${String(i).padStart(3, '0')} (${kind}) ${src}`, bytes: result });
  }
  return out;
}

let project: Project;
let all: Mutant[];

beforeAll(async () => {
  project = loadProject(example);
  all = await mutants();
}, 120_000);

function problems(ds: readonly Diagnostic[]): string[] {
  const out: string[] = [];
  for (const d of ds) {
    if (!isCode(d.code)) out.push(`unregistered code ${d.code}`);
    if (d.code === 'KLA-E900') out.push('internal error');
    for (const lang of ['id', 'en'] as const) {
      const m = formatMessage(d, lang);
      if (LIBRARY_TEXT.test(m)) out.push(`${d.code} (${lang}): ${m}`);
    }
  }
  return out;
}

describe(`${MUTANTS} mutated workbooks`, () => {
  it('are the same mutants on every run (fixed seed)', async () => {
    const again = await mutants();
    expect(again.map((m) => m.bytes.length)).toEqual(all.map((m) => m.bytes.length));
    expect(new Set(all.map((m) => m.bytes.toString('base64'))).size).toBeGreaterThan(MUTANTS * 0.9);
  });

  it('each give registered findings in our own words: no crash, no internal error, no library text', async () => {
    const bad: string[] = [];
    const statuses = { read: 0, unreadable: 0, profile: 0, matrix: 0 };
    const codes = new Set<string>();
    for (const m of all) {
      const read = await readWorkbookBuffer(m.bytes, m.name);
      statuses[read.status]++;
      const checked = checkFile(read, project);
      for (const d of checked.findings) codes.add(d.code);
      for (const p of problems(checked.findings)) bad.push(`${m.name}: ${p}`);
      if (read.status === 'unreadable') expect(checked.findings.some((d) => d.severity === 'error'), m.name).toBe(true);
    }
    expect(bad).toEqual([]);
    // A fuzz that never got past the zip, or never broke one, would test little.
    expect(statuses.read).toBeGreaterThan(MUTANTS * 0.2);
    expect(statuses.unreadable).toBeGreaterThan(MUTANTS * 0.2);
    expect(codes.size).toBeGreaterThan(8);
  });

  it('validated together by the CLI in one process: a clean exit code and report, no stack trace', () => {
    const cwd = tmpDir('kla-fuzz-');
    mkdirSync(path.join(cwd, 'mutan'));
    for (const m of all) writeFileSync(path.join(cwd, 'mutan', `${m.name}.xlsx`), m.bytes);
    const r = kla(['validate', '--project', example, 'mutan', '--format', 'json', '--jobs', '1'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/\n\s+at\s|Error:/);
    const report = JSON.parse(r.stdout) as { files: unknown[]; diagnostics: Diagnostic[] };
    expect(report.files).toHaveLength(MUTANTS);
    expect(problems(report.diagnostics)).toEqual([]);
  });
});
