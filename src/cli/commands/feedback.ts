/**
 * `kla feedback`: for each OPD with something to be told, an annotated copy
 * of its own workbook and a formal letter (a reminder for an OPD that sent
 * nothing), written into the project's output folder, all or none; then a
 * summary of what was written per OPD (`--format json` lists the files).
 */
import path from 'node:path';
import { report as note, shown, withProgress, type CliContext } from '../context.js';
import { openProjectFor } from '../project.js';
import { checkWritable, replaceOutputs } from '../../io/files.js';
import { feedback } from '../../pipeline.js';
import { EVIDENCE_CODES, type FeedbackItem } from '../../feedback/plan.js';
import { say } from '../messages.js';
import { countOption } from '../options.js';

interface FeedbackOpts {
  project?: string;
  opd?: string[];
  format?: 'table' | 'json';
  out?: string;
  evidence?: string;
  jobs?: string;
}

export default async function run(args: string[], rawOpts: Record<string, unknown>, ctx: CliContext): Promise<number> {
  const opts = rawOpts as FeedbackOpts;
  const jobs = countOption(opts.jobs, '--jobs', 1);
  const { project, inputs } = openProjectFor(opts.project, args, ctx.cwd);
  const dir = opts.out !== undefined ? path.resolve(ctx.cwd, opts.out) : path.join(project.paths.output, 'umpan-balik');

  // A file where the folder goes refuses the run before the letters are written, not after.
  checkWritable([], [dir]);
  const f = await withProgress(ctx, '', (progress) =>
    feedback(project, {
      inputs,
      cwd: ctx.cwd,
      lang: ctx.lang,
      onStage: (stage) => progress.update(say(ctx.lang, stage)),
      ...(opts.opd ? { opds: opts.opd } : {}),
      ...(jobs !== undefined ? { jobs } : {}),
      ...(opts.evidence !== undefined ? { evidence: opts.evidence } : {}),
    }),
  );
  // Superseded letters and copies of an earlier run (a reminder to an OPD that has since replied) go.
  const scope = f.scope;
  const old = replaceOutputs(dir, f.documents.map((d) => ({ file: path.join(dir, d.fileName), data: d.bytes, group: d.opd })), scope ? (g) => scope.includes(g) : undefined);
  for (const n of f.notes) note(ctx, n);

  const filesOf = (code: string) => f.documents.filter((d) => d.opd === code).map((d) => path.join(dir, d.fileName));
  if (opts.format === 'json') {
    const json = {
      schemaVersion: 1,
      folder: shown(ctx, dir),
      opds: [
        ...f.plan.items.map((it) => ({
          code: it.standing.opd.code,
          kind: it.kind,
          letter: it.letter,
          number: it.number,
          workbook: it.standing.file,
          errors: it.findings.filter((d) => d.severity === 'error').length,
          warnings: it.findings.filter((d) => d.severity === 'warning').length,
          files: filesOf(it.standing.opd.code).map((x) => shown(ctx, x)),
        })),
        ...f.plan.clean.map((o) => ({ code: o.opd.code, kind: 'clean', letter: null, number: null, workbook: o.file, errors: 0, warnings: 0, files: [] })),
      ],
      earlier: { removed: old.removed.map((x) => shown(ctx, x)), changed: old.changed.map((x) => shown(ctx, x)), busy: old.busy.map((x) => shown(ctx, x)) },
    };
    ctx.out(`${JSON.stringify(json, null, 2)}\n`);
    return 0;
  }

  const lines = [say(ctx.lang, 'feedbackWritten', { opds: f.plan.items.length, files: f.documents.length, dir: shown(ctx, dir) })];
  for (const it of f.plan.items) {
    lines.push(`  ${it.standing.opd.code.padEnd(12)} ${what(it, ctx)}`);
    for (const file of filesOf(it.standing.opd.code)) lines.push(`  ${''.padEnd(12)} ${path.basename(file)}`);
  }
  if (f.plan.clean.length > 0) lines.push(say(ctx.lang, 'feedbackClean', { opds: f.plan.clean.map((o) => o.opd.code).join(', ') }));
  for (const fate of ['removed', 'changed', 'busy'] as const) {
    if (old[fate].length > 0) lines.push(say(ctx.lang, 'earlierFiles', { what: 'feedback', fate, count: old[fate].length }), ...old[fate].map((x) => `  ${path.basename(x)}`));
  }
  ctx.out(`${lines.join('\n')}\n`);
  return 0;
}

/** What an OPD is told, in one line of the summary. */
function what(it: FeedbackItem, ctx: CliContext): string {
  const noLetter = it.letter === null ? ` ${say(ctx.lang, 'feedbackNoLetter')}` : '';
  const o = it.standing;
  if (it.kind === 'missing') return `${say(ctx.lang, 'feedbackMissing', { letter: it.letter !== null })}${noLetter}`;
  if (it.kind === 'unusable') return `${say(ctx.lang, 'feedbackUnusable', { file: path.basename(o.unusable[0]!.file), foreign: o.unusable[0]!.reason === 'foreign', letter: it.letter !== null })}${noLetter}`;
  const count = (s: string) => it.findings.filter((d) => d.severity === s && !EVIDENCE_CODES.has(d.code)).length;
  return `${say(ctx.lang, 'feedbackProblems', { errors: count('error'), warnings: count('warning'), evidence: it.findings.filter((d) => EVIDENCE_CODES.has(d.code)).length })}${noLetter}`;
}
