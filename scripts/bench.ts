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
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../src/paths.js';

const bin = path.join(packageRoot, 'bin', 'kla');
const example = path.join(packageRoot, 'fixtures', 'merangin');
const submissions = path.join(example, 'submissions');

interface Run {
  ms: number;
  /** Peak resident memory, MB: of the process and its worker processes together. */
  rssMb: number;
}

/** Resident memory (KB) of a process and all its descendants, from /proc (Linux); NaN elsewhere. */
function treeRssKb(pid: number): number {
  if (process.platform !== 'linux') return NaN;
  let total = 0;
  const visit = (p: number) => {
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
      for (const t of readdirSync(`/proc/${p}/task`)) {
        for (const c of readFileSync(`/proc/${p}/task/${t}/children`, 'utf8').split(' ').filter(Boolean)) visit(Number(c));
      }
    } catch {
      // The process ended between two reads.
    }
  };
  visit(pid);
  return total;
}

/**
 * Run node with args. Peak memory: the larger of the process's own peak (from
 * its resourceUsage, printed by a preload) and the peak of the whole process
 * tree sampled every 20 ms, which is what counts once worker processes run.
 */
async function node(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const t0 = process.hrtime.bigint();
  const child = spawn(process.execPath, ['--require', path.join(workDir, 'rss.cjs'), ...args], {
    cwd: packageRoot,
    env: { ...process.env, NO_COLOR: '1', CI: '1', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  let treePeak = 0;
  const sampler = setInterval(() => {
    if (child.pid !== undefined) treePeak = Math.max(treePeak, treeRssKb(child.pid) || 0);
  }, 20);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(sampler);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const m = /KLA_BENCH_RSS=(\d+)/.exec(stderr);
  if (code !== 0 && code !== 1) throw new Error(`node ${args.join(' ')} exited ${code}:\n${stderr.slice(0, 2000)}`);
  return { ms, rssMb: Math.max(m ? Number(m[1]) : 0, treePeak) / 1024 || NaN };
}

/** Median time of runs, peak memory the maximum seen. */
function summary(runs: Run[]): Run {
  const ms = runs.map((r) => r.ms).sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
  return { ms, rssMb: Math.max(...runs.map((r) => r.rssMb)) };
}

/**
 * A measurement and its baseline, `n` runs each after one warm-up of each,
 * taken in turns (a, b, a, b, …): on a shared machine the load changes from
 * minute to minute, and taking turns lets both sides see the same load.
 */
async function pair(n: number, a: () => Promise<Run>, b: () => Promise<Run>): Promise<[Run, Run]> {
  await a();
  await b();
  const ra: Run[] = [];
  const rb: Run[] = [];
  for (let i = 0; i < n; i++) {
    ra.push(await a());
    rb.push(await b());
  }
  return [summary(ra), summary(rb)];
}

interface Row {
  what: string;
  baseline: string;
  ratio: number;
  target?: number;
  detail: string;
}
const rows: Row[] = [];
function report(what: string, baseline: string, a: Run, b: Run, target?: number, extra = '', memoryTargetMb?: number): void {
  const ratio = a.ms / b.ms;
  rows.push({
    what,
    baseline,
    ratio,
    target,
    detail: `${a.ms.toFixed(0)} ms vs ${b.ms.toFixed(0)} ms; peak ${a.rssMb.toFixed(0)} MB vs ${b.rssMb.toFixed(0)} MB${extra}`,
  });
  const verdict =
    (target === undefined ? '' : ratio <= target ? `  (target <= ${target}x: met)` : `  (target <= ${target}x: NOT met)`) +
    (memoryTargetMb === undefined ? '' : a.rssMb < memoryTargetMb ? `  (peak < ${memoryTargetMb} MB: met)` : `  (peak < ${memoryTargetMb} MB: NOT met)`);
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

/**
 * `n` workbooks made by copying the example's OPD workbooks and profile under
 * new names. Not its Kelana/Dekela matrix: a district has one (or one per
 * kecamatan), and dozens of copies of it would measure thousands of findings
 * about the same desa answered twice, not reading throughput.
 */
function manyWorkbooks(n: number): string {
  const dir = path.join(workDir, `many-${n}`);
  const src = readdirSync(submissions).filter((f) => f.endsWith('.xlsx') && !f.startsWith('Matriks Kelana-Dekela')).sort();
  for (let i = 0; i < n; i++) {
    const f = src[i % src.length]!;
    cpSync(path.join(submissions, f), path.join(dir, `batch-${String(Math.floor(i / src.length)).padStart(3, '0')}`, f));
  }
  return dir;
}

const kla = (...args: string[]) => () => node([bin, ...args]);
const bareNode = () => node(['-e', '0']);
const bare = (...dirs: string[]) => () => node([path.join(workDir, 'bare-read.mjs'), ...dirs]);

const sections: Record<string, () => Promise<void>> = {
  async startup() {
    report('kla --version', 'node -e 0', ...(await pair(9, kla('--version'), bareNode)), 1.25);
    report('kla --help', 'node -e 0', ...(await pair(5, kla('--help'), bareNode)));
  },
  async template() {
    const out = path.join(workDir, 'templates');
    report('kla template (example district, all OPDs)', 'kla --version', ...(await pair(3, kla('template', '--project', example, '-o', out, '--force', '--no-progress'), kla('--version'))));
  },
  async validate() {
    const one = readdirSync(submissions).filter((f) => f.endsWith('.xlsx')).sort()[0]!;
    const oneDir = path.join(workDir, 'one');
    cpSync(path.join(submissions, one), path.join(oneDir, one));
    const json = path.join(workDir, 'report.json');
    report(
      `kla validate (one workbook: ${one})`,
      'a script importing exceljs and reading it',
      ...(await pair(9, kla('validate', '--project', example, oneDir, '--format', 'json', '-o', json), bare(oneDir))),
      0.8,
    );
    report(
      'kla validate (example district submissions)',
      'bare exceljs read of them',
      ...(await pair(5, kla('validate', '--project', example, '--format', 'json', '-o', json), bare(submissions))),
      1.5,
    );
  },
  async many() {
    const n = Number(process.env.KLA_BENCH_WORKBOOKS ?? 1000);
    const dir = manyWorkbooks(n);
    const json = path.join(workDir, 'many.json');
    const cores = os.availableParallelism();
    const [validate, sequential] = await pair(3, kla('validate', '--project', example, dir, '--format', 'json', '-o', json), bare(dir));
    report(`kla validate (${n} workbooks, ${cores} worker processes)`, 'sequential bare exceljs read of them', validate, sequential, 0.65, '', 500);
    // What this machine allows: the same bare read split over one process per core, run at once.
    const batches = readdirSync(dir).sort().map((b) => path.join(dir, b));
    const parts = Array.from({ length: cores }, (_, i) => batches.filter((_, j) => j % cores === i));
    const split = async (): Promise<Run> => {
      const t0 = process.hrtime.bigint();
      const runs = await Promise.all(parts.map((p) => node([path.join(workDir, 'bare-read.mjs'), ...p])));
      return { ms: Number(process.hrtime.bigint() - t0) / 1e6, rssMb: runs.reduce((sum, r) => sum + r.rssMb, 0) };
    };
    report(`bare exceljs read of the ${n} workbooks, one process per core (${cores}) at once`, 'sequential bare read', ...(await pair(3, split, bare(dir))));
  },
  async score() {
    const n = Number(process.env.KLA_BENCH_WORKBOOKS ?? 1000);
    const dir = manyWorkbooks(n);
    const json = path.join(workDir, 'score.json');
    report(
      `kla score (${n} workbooks)`,
      'kla validate of the same',
      ...(await pair(3, kla('score', '--project', example, dir, '--format', 'json', '-o', json, '--allow-invalid'), kla('validate', '--project', example, dir, '--format', 'json', '-o', json))),
    );
  },
  async build() {
    const pdf = path.join(workDir, 'dossier.pdf');
    const json = path.join(workDir, 'report.json');
    report(
      'kla build (example district)',
      'kla validate of it',
      ...(await pair(3, kla('build', '--project', example, '-o', pdf, '--no-progress'), kla('validate', '--project', example, '--format', 'json', '-o', json))),
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
