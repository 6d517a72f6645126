/**
 * `npm run bench`: what kla costs, as ratios against baselines measured in the
 * same run on the same machine (bare Node start-up, a bare exceljs read of the
 * same files, validation of the same inputs). Absolute times vary between
 * machines; the ratios are what the targets are stated in.
 *
 *   npm run bench                 # all sections
 *   npm run bench -- startup      # only the named sections
 *   KLA_BENCH_WORKBOOKS=300 npm run bench -- many
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../src/paths.js';

const bin = path.join(packageRoot, 'bin', 'kla');
const example = path.join(packageRoot, 'fixtures', 'merangin');
const submissions = path.join(example, 'submissions');

interface Run {
  ms: number;
  /** Peak resident memory of the process, MB. */
  rssMb: number;
}

/** Run node with args; peak RSS comes from the child's own resourceUsage, printed by a preload. */
function node(args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', path.join(workDir, 'rss.cjs'), ...args], {
    cwd: packageRoot,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', CI: '1', ...env },
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const m = /KLA_BENCH_RSS=(\d+)/.exec(r.stderr);
  if (r.status !== 0 && r.status !== 1) {
    throw new Error(`node ${args.join(' ')} exited ${r.status}:\n${r.stderr.slice(0, 2000)}`);
  }
  return { ms, rssMb: m ? Number(m[1]) / 1024 : NaN };
}

/** Median of `n` runs (after one warm-up), peak memory the maximum seen. */
function measure(n: number, f: () => Run): Run {
  f();
  const runs = Array.from({ length: n }, f);
  const ms = runs.map((r) => r.ms).sort((a, b) => a - b)[Math.floor(n / 2)]!;
  return { ms, rssMb: Math.max(...runs.map((r) => r.rssMb)) };
}

interface Row {
  what: string;
  baseline: string;
  ratio: number;
  target?: number;
  detail: string;
}
const rows: Row[] = [];
function report(what: string, baseline: string, a: Run, b: Run, target?: number, extra = ''): void {
  const ratio = a.ms / b.ms;
  rows.push({
    what,
    baseline,
    ratio,
    target,
    detail: `${a.ms.toFixed(0)} ms vs ${b.ms.toFixed(0)} ms; peak ${a.rssMb.toFixed(0)} MB vs ${b.rssMb.toFixed(0)} MB${extra}`,
  });
  const verdict = target === undefined ? '' : ratio <= target ? `  (target <= ${target}x: met)` : `  (target <= ${target}x: NOT met)`;
  console.log(`${what}\n  ${ratio.toFixed(2)}x ${baseline}${verdict}\n  ${rows.at(-1)!.detail}`);
}

const workDir = mkdtempSync(path.join(os.tmpdir(), 'kla-bench-'));
writeFileSync(
  path.join(workDir, 'rss.cjs'),
  "process.on('exit', () => process.stderr.write(`\\nKLA_BENCH_RSS=${process.resourceUsage().maxRSS}\\n`));\n",
);
/** A bare exceljs read of every .xlsx in the given folders, sequentially: the baseline for reading. */
writeFileSync(
  path.join(workDir, 'bare-read.mjs'),
  `import ExcelJS from ${JSON.stringify(pathToFileURL(path.join(packageRoot, 'node_modules/exceljs/lib/exceljs.nodejs.js')).href)};
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
const files = [];
const walk = (p) => statSync(p).isDirectory() ? readdirSync(p).sort().forEach((f) => walk(path.join(p, f))) : p.endsWith('.xlsx') && files.push(p);
process.argv.slice(2).forEach(walk);
for (const f of files) { const wb = new ExcelJS.Workbook(); await wb.xlsx.readFile(f); }
`,
);

/** `n` workbooks made by copying the example submissions under new names. */
function manyWorkbooks(n: number): string {
  const dir = path.join(workDir, `many-${n}`);
  const src = readdirSync(submissions).filter((f) => f.endsWith('.xlsx')).sort();
  for (let i = 0; i < n; i++) {
    const f = src[i % src.length]!;
    cpSync(path.join(submissions, f), path.join(dir, `batch-${String(Math.floor(i / src.length)).padStart(3, '0')}`, f));
  }
  return dir;
}

const kla = (...args: string[]) => () => node([bin, ...args]);
const bare = (...dirs: string[]) => () => node([path.join(workDir, 'bare-read.mjs'), ...dirs]);

const sections: Record<string, () => void | Promise<void>> = {
  startup() {
    report('kla --version', 'node -e 0', measure(9, kla('--version')), measure(9, () => node(['-e', '0'])), 2);
    report('kla --help', 'node -e 0', measure(5, kla('--help')), measure(5, () => node(['-e', '0'])));
  },
  template() {
    const out = path.join(workDir, 'templates');
    report(
      'kla template (example district, all OPDs)',
      'kla --version',
      measure(3, kla('template', '--project', example, '-o', out, '--force', '--no-progress')),
      measure(3, kla('--version')),
    );
  },
  validate() {
    const one = readdirSync(submissions).filter((f) => f.endsWith('.xlsx')).sort()[0]!;
    const oneDir = path.join(workDir, 'one');
    cpSync(path.join(submissions, one), path.join(oneDir, one));
    const json = path.join(workDir, 'report.json');
    report(
      `kla validate (one workbook: ${one})`,
      'bare exceljs read of it',
      measure(5, kla('validate', '--project', example, oneDir, '--format', 'json', '-o', json)),
      measure(5, bare(oneDir)),
      1.3,
    );
    report(
      'kla validate (example district submissions)',
      'bare exceljs read of them',
      measure(3, kla('validate', '--project', example, '--format', 'json', '-o', json)),
      measure(3, bare(submissions)),
      1.5,
    );
  },
  many(): Promise<void> {
    const n = Number(process.env.KLA_BENCH_WORKBOOKS ?? 1000);
    const dir = manyWorkbooks(n);
    const json = path.join(workDir, 'many.json');
    const sequential = measure(1, bare(dir));
    report(
      `kla validate (${n} workbooks)`,
      'sequential bare exceljs read of them',
      measure(1, kla('validate', '--project', example, dir, '--format', 'json', '-o', json)),
      sequential,
      0.65,
    );
    // What this machine allows: the same bare read split over one process per core, run at once.
    const batches = readdirSync(dir).sort().map((b) => path.join(dir, b));
    const cores = os.availableParallelism();
    const parts = Array.from({ length: cores }, (_, i) => batches.filter((_, j) => j % cores === i));
    const t0 = process.hrtime.bigint();
    const runs = parts.map((p) => spawn(process.execPath, [path.join(workDir, 'bare-read.mjs'), ...p], { stdio: 'ignore' }));
    const ends = runs.map((c) => new Promise((resolve) => c.on('exit', resolve)));
    return Promise.all(ends).then(() => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      report(`bare exceljs read of the ${n} workbooks, one process per core (${cores}) at once`, 'sequential bare read', { ms, rssMb: NaN }, sequential);
    });
  },
  score() {
    const n = Number(process.env.KLA_BENCH_WORKBOOKS ?? 1000);
    const dir = manyWorkbooks(n);
    const json = path.join(workDir, 'score.json');
    report(
      `kla score (${n} workbooks)`,
      `kla validate of the same`,
      measure(1, kla('score', '--project', example, dir, '--format', 'json', '-o', json, '--allow-invalid')),
      measure(1, kla('validate', '--project', example, dir, '--format', 'json', '-o', json)),
    );
  },
  build() {
    const pdf = path.join(workDir, 'dossier.pdf');
    const json = path.join(workDir, 'report.json');
    report(
      'kla build (example district)',
      'kla validate of it',
      measure(3, kla('build', '--project', example, '-o', pdf, '--no-progress')),
      measure(3, kla('validate', '--project', example, '--format', 'json', '-o', json)),
      3,
    );
  },
};

const wanted = process.argv.slice(2).filter((a) => a !== '--');
const names = wanted.length > 0 ? wanted : Object.keys(sections);
console.log(`kla bench on ${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB), Node ${process.version}\n`);
try {
  for (const name of names) {
    const s = sections[name];
    if (!s) throw new Error(`unknown section "${name}"; sections: ${Object.keys(sections).join(', ')}`);
    try {
      await s();
    } catch (e) {
      console.log(`${name}: could not be measured: ${(e as Error).message.split('\n')[0]}`);
      process.exitCode = 1;
    }
  }
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
