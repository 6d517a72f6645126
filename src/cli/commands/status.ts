/**
 * `kla status`: one row per OPD of the config (received or not, the file that
 * counts, findings, answers, evidence, points at risk, data officer), the
 * deadline and the days left. Terminal table, JSON or a workbook for
 * printing. Exit codes as `kla validate`: 1 when the workbooks hold errors.
 */
import path from 'node:path';
import { shown, withProgress, type CliContext } from '../context.js';
import { openProjectFor } from '../project.js';
import { outputTarget, writeFileAtomic } from '../../io/files.js';
import { review } from '../../pipeline.js';
import { calendarDay, formatStatusTable, standingOf, statusJson, statusView, statusWorkbook } from '../../status/index.js';
import { say } from '../messages.js';
import { countOption, sourceDateEpoch } from '../options.js';

interface StatusOpts {
  project?: string;
  format?: 'table' | 'json' | 'xlsx';
  out?: string;
  evidence?: string;
  jobs?: string;
}

export default async function run(args: string[], rawOpts: Record<string, unknown>, ctx: CliContext): Promise<number> {
  const opts = rawOpts as StatusOpts;
  const format = opts.format ?? 'table';
  const jobs = countOption(opts.jobs, '--jobs', 1);
  const fixed = sourceDateEpoch(ctx.env);
  const { project, inputs } = openProjectFor(opts.project, args, ctx.cwd);

  const r = await withProgress(ctx, say(ctx.lang, 'checking'), () =>
    review(project, { inputs, cwd: ctx.cwd, ...(jobs !== undefined ? { jobs } : {}), ...(opts.evidence !== undefined ? { evidence: opts.evidence } : {}) }),
  );
  const now = fixed ?? new Date();
  const view = statusView(standingOf(r), {
    district: project.districtName,
    year: project.config.year,
    // A fixed date (SOURCE_DATE_EPOCH) is read in UTC; the clock as the machine's own calendar.
    today: calendarDay(now, fixed !== undefined),
    deadline: project.config.deadline,
  });

  // -o names the file or its folder (the usual name inside); the workbook goes to output/ unless -o says otherwise.
  const ext = format === 'xlsx' ? '.xlsx' : format === 'json' ? '.json' : '.txt';
  const to = opts.out !== undefined ? outputTarget(ctx.cwd, opts.out, ext) : format === 'xlsx' ? { folder: project.paths.output } : undefined;
  const data = format === 'xlsx' ? await statusWorkbook(view, ctx.lang, now) : format === 'json' ? `${JSON.stringify(statusJson(view, ctx.lang), null, 2)}\n` : formatStatusTable(view, ctx.lang, to === undefined ? ctx.paint : undefined);
  if (to === undefined) ctx.out(data as string);
  else {
    const file = to.file ?? path.join(to.folder, `status-opd-kla-${project.config.year}${ext}`);
    writeFileAtomic(file, data);
    ctx.err(`${say(ctx.lang, 'statusWritten', { file: shown(ctx, file) })}\n`);
  }
  return r.report.summary.errors > 0 ? 1 : 0;
}
