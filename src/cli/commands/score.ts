/**
 * `kla score`: the estimate beside the verification forecast, with an optional
 * what-if, gap plan and comparison with an earlier run. Options in, pipeline,
 * formatter, exit code.
 */
import path from 'node:path';
import { report as note, shown, withProgress, type CliContext } from '../context.js';
import { openProjectFor } from '../project.js';
import { jsonText } from '../../diagnostics/index.js';
import { readInput, readScenario } from '../options.js';
import { writeFileAtomic } from '../../io/files.js';
import { assess } from '../../pipeline.js';
import {
  compareBaseline,
  formatScoreTable,
  parseScoreJson,
  predikatNamed,
  toScoreJson,
  type ScoreView,
} from '../../score/index.js';
import { say } from '../messages.js';

interface ScoreOpts {
  project?: string;
  format?: 'table' | 'json';
  out?: string;
  set?: string[];
  whatIf?: string;
  target?: string;
  baseline?: string;
  evidence?: string;
  allowInvalid?: boolean;
  jobs?: string;
}

export default async function run(args: string[], rawOpts: Record<string, unknown>, ctx: CliContext): Promise<number> {
  const opts = rawOpts as ScoreOpts;
  const { project, inputs } = openProjectFor(opts.project, args, ctx.cwd);
  const { catalog } = project;

  const whatIf = readScenario(catalog, opts, ctx.cwd);
  if (opts.target !== undefined) predikatNamed(opts.target, catalog.predikat);
  const baselineFile = opts.baseline === undefined ? undefined : path.resolve(ctx.cwd, opts.baseline);
  const baseline = baselineFile === undefined ? undefined : parseScoreJson(readInput(baselineFile, 'baseline'), baselineFile);

  const a = await withProgress(ctx, '', (progress) =>
    assess(project, {
      inputs,
      cwd: ctx.cwd,
      onStage: (stage) => progress.update(say(ctx.lang, stage)),
      whatIf,
      ...(opts.evidence !== undefined ? { evidence: opts.evidence } : {}),
      ...(opts.allowInvalid ? { allowInvalid: true } : {}),
      ...(opts.target !== undefined ? { target: opts.target } : {}),
    }),
  );
  for (const n of a.notes) if (n.code !== 'KLA-I716') note(ctx, n);

  const view: ScoreView = {
    catalog,
    report: a.result,
    district: project.districtName,
    year: project.config.year,
    dataYears: project.dataYears,
    plan: a.plan ?? undefined,
    ...(a.evidenceDir !== null ? { evidenceDir: shown(ctx, a.evidenceDir) } : {}),
    ...(a.whatIf ? { whatIf: a.whatIf } : {}),
    ...(baseline ? { comparison: { result: compareBaseline(a.result, baseline), file: opts.baseline! } } : {}),
  };
  // Wrapped to the terminal when shown on one; whole lines in a file or a pipe.
  const text = opts.format === 'json' ? jsonText(toScoreJson(view)) : formatScoreTable(view, ctx.lang, opts.out === undefined ? ctx.columns : undefined);
  if (opts.out === undefined) {
    ctx.out(text);
  } else {
    const file = path.resolve(ctx.cwd, opts.out);
    writeFileAtomic(file, text);
    ctx.err(`${say(ctx.lang, 'scoreWritten', { file: shown(ctx, file) })}\n`);
  }
  return 0;
}
