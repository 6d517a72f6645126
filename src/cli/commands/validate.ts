/**
 * `kla validate`: check the workbooks the OPDs returned and report every
 * problem. Exit codes as ESLint: 0 no errors, 1 errors (or more warnings than
 * --max-warnings), 2 usage error or failure (a refusal, mapped in main).
 */
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { report as note, shown, withProgress, type CliContext } from '../context.js';
import { openProjectFor } from '../project.js';
import type { Project } from '../../project/config.js';
import { projectForUploads } from '../../validate/standalone.js';
import { diag } from '../../diagnostics/index.js';
import { writeFileAtomic } from '../../io/files.js';
import { validateInputs } from '../../validate/index.js';
import { formatters, githubStepSummary, type FormatName, type FormatOptions } from '../../report/index.js';
import { say } from '../messages.js';
import { countOption } from '../options.js';

interface ValidateOpts {
  project?: string;
  format?: FormatName;
  out?: string;
  maxWarnings?: string;
  jobs?: string;
  coverage?: boolean;
}

/**
 * The project to check against: the one named or around the working folder;
 * outside any, for files named on the command line, the one their templates
 * name (said in a note), so that one upload can be checked where it was saved.
 */
async function projectFor(opts: ValidateOpts, args: string[], ctx: CliContext): Promise<{ project: Project; inputs: string[] }> {
  const named = openProjectFor(opts.project, args, ctx.cwd, true);
  if (named !== undefined) return named;
  const uploads = await projectForUploads(args, ctx.cwd);
  if (uploads === undefined) return openProjectFor(undefined, args, ctx.cwd);
  note(ctx, uploads.note);
  return { project: uploads.project, inputs: args };
}

export default async function run(args: string[], rawOpts: Record<string, unknown>, ctx: CliContext): Promise<number> {
  const opts = rawOpts as ValidateOpts;
  const format = opts.format ?? 'pretty';
  const maxWarnings = countOption(opts.maxWarnings, '--max-warnings', 0);
  const jobs = countOption(opts.jobs, '--jobs', 1);
  const { project, inputs } = await projectFor(opts, args, ctx);

  const report = await withProgress(ctx, say(ctx.lang, 'checking'), () =>
    validateInputs(project, inputs, { cwd: ctx.cwd, ...(jobs !== undefined ? { jobs } : {}) }),
  );

  const toFile = opts.out !== undefined;
  const fmt: FormatOptions = {
    lang: ctx.lang,
    // Colour codes belong on a terminal only, never in a report file.
    paint: toFile ? undefined : ctx.paint,
    groupLabels: Object.fromEntries(project.catalog.groups.map((g) => [g.id, g.label])),
    // Asked for, or else shown when a whole folder was checked (the report's scope says so).
    ...(opts.coverage ? { coverage: true } : {}),
    ...(toFile || ctx.columns === undefined ? {} : { width: ctx.columns }),
  };
  const text = formatters[format](report, fmt);
  const { errors, warnings } = report.summary;
  if (toFile) {
    const file = path.resolve(ctx.cwd, opts.out!);
    writeFileAtomic(file, text);
    ctx.err(`${say(ctx.lang, 'reportWritten', { file: shown(ctx, file), errors, warnings })}\n`);
  } else {
    ctx.out(text);
  }

  const summaryFile = ctx.env.GITHUB_STEP_SUMMARY;
  if (format === 'github' && summaryFile) {
    try {
      appendFileSync(summaryFile, githubStepSummary(report, { ...fmt, paint: undefined }));
    } catch {
      ctx.err(`${say(ctx.lang, 'summaryNotWritten', { file: summaryFile })}\n`);
    }
  }

  if (errors > 0) return 1;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    note(ctx, diag('KLA-W519', { warnings, max: maxWarnings }));
    return 1;
  }
  return 0;
}
