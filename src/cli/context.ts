/**
 * What a command may use of the process: output streams, colour, progress and
 * the language. Only the CLI layer touches process; the core never does.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { Lang } from '../i18n.js';
import type { Diagnostic } from '../model.js';
import { formatMessage, visible } from '../diagnostics/index.js';
import { displayPath } from '../paths.js';

export interface Paint {
  error(s: string): string;
  warn(s: string): string;
  info(s: string): string;
  ok(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

/** A progress indicator: a spinner on a terminal, nothing elsewhere. */
export interface Progress {
  update(text: string): void;
  stop(): void;
}

/** Run `work` with a progress indicator showing `text`, stopped however the work ends. */
export async function withProgress<T>(ctx: Pick<CliContext, 'progress'>, text: string, work: (progress: Progress) => Promise<T>): Promise<T> {
  const progress = await ctx.progress(text);
  try {
    return await work(progress);
  } finally {
    progress.stop();
  }
}

export interface CliContext {
  lang: Lang;
  cwd: string;
  env: NodeJS.ProcessEnv;
  out(s: string): void;
  err(s: string): void;
  paint: Paint;
  /** True when colour is on (terminal, not NO_COLOR, not --no-color; FORCE_COLOR wins). */
  color: boolean;
  /**
   * Columns to wrap standard output to: the terminal's width less one (a line
   * that fills the last column wraps by itself in some consoles); undefined
   * when stdout is no terminal, where lines are written whole.
   */
  columns: number | undefined;
  applyGlobals(g: { color: boolean; progress: boolean }): void;
  progress(text: string): Promise<Progress>;
  /** A question answered at the terminal; undefined when nobody is there to answer (a pipe, CI). */
  ask(question: string): Promise<string | undefined>;
}

/** A path as the user is shown it (the one display rule, from the folder the command runs in; control characters visible). */
export const shown = (ctx: CliContext, p: string) => visible(displayPath(p, ctx.cwd));

/** A diagnostic that is not a refusal (a note or a warning about the run), on stderr with its code. */
export function report(ctx: CliContext, d: Diagnostic): void {
  const paint = d.severity === 'error' ? ctx.paint.error : d.severity === 'warning' ? ctx.paint.warn : ctx.paint.dim;
  ctx.err(`${paint(formatMessage(d, ctx.lang, { cwd: ctx.cwd }))} ${ctx.paint.dim(`[${d.code}]`)}\n`);
}

export function colorWanted(env: NodeJS.ProcessEnv, isTTY: boolean, flag: boolean): boolean {
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  if (!flag) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY;
}

function makePaint(c: ChalkInstance): Paint {
  return {
    error: (s) => c.red(s),
    warn: (s) => c.yellow(s),
    info: (s) => c.cyan(s),
    ok: (s) => c.green(s),
    dim: (s) => c.dim(s),
    bold: (s) => c.bold(s),
  };
}

/**
 * A stream whose reader has gone away (`kla validate | head`, a closed log)
 * ends the output quietly: the error is taken as "stop writing here", never as
 * a crash with a stack trace. The command still finishes and exits with its
 * own code.
 */
function quietWhenClosed(stream: NodeJS.WriteStream): (s: string) => void {
  let closed = false;
  stream.on('error', () => {
    closed = true;
  });
  return (s) => {
    if (closed || stream.destroyed) return;
    try {
      stream.write(s);
    } catch {
      closed = true;
    }
  };
}

export function makeContext(lang: Lang, proc: NodeJS.Process = process): CliContext {
  let progressOn = true;
  const ctx: CliContext = {
    lang,
    cwd: proc.cwd(),
    env: proc.env,
    out: quietWhenClosed(proc.stdout),
    err: quietWhenClosed(proc.stderr),
    color: false,
    columns: proc.stdout.isTTY && (proc.stdout.columns ?? 0) > 20 ? proc.stdout.columns - 1 : undefined,
    paint: makePaint(new Chalk({ level: 0 })),
    applyGlobals(g) {
      ctx.color = colorWanted(proc.env, Boolean(proc.stdout.isTTY), g.color);
      ctx.paint = makePaint(new Chalk({ level: ctx.color ? 1 : 0 }));
      progressOn = g.progress;
    },
    async progress(text) {
      const tty = Boolean(proc.stderr.isTTY) && (proc.stderr.columns ?? 0) > 0 && !proc.env.CI;
      if (progressOn && tty) {
        const { default: ora } = await import('ora');
        const spinner = ora({ text, stream: proc.stderr, color: 'cyan', isEnabled: true }).start();
        return {
          update: (t) => void (spinner.text = t),
          stop: () => void spinner.stop(),
        };
      }
      // Not a terminal (a pipe, a file, CI): progress would only be noise in a log.
      return { update: () => undefined, stop: () => undefined };
    },
    async ask(question) {
      if (!proc.stdin.isTTY || !proc.stderr.isTTY || proc.env.CI) return undefined;
      const { createInterface } = await import('node:readline/promises');
      // On stderr, so that stdout carries only the command's result.
      const rl = createInterface({ input: proc.stdin, output: proc.stderr });
      try {
        // Ctrl+D or Ctrl+C closes the input: that is no answer, not a hang.
        return await Promise.race([rl.question(question).then((a) => a.trim()), new Promise<undefined>((res) => rl.once('close', () => res(undefined)))]);
      } finally {
        rl.close();
      }
    },
  };
  ctx.applyGlobals({ color: true, progress: true });
  return ctx;
}

/**
 * A context that records output, for tests; `answers` are typed at the
 * terminal in turn and `columns` is its width (neither: no terminal).
 */
export function memoryContext(
  lang: Lang = 'id',
  cwd = process.cwd(),
  env: NodeJS.ProcessEnv = {},
  answers?: string[],
  columns?: number,
): CliContext & { stdout: string; stderr: string } {
  const rec = { stdout: '', stderr: '' };
  const ctx: CliContext & { stdout: string; stderr: string } = Object.assign(rec, {
    lang,
    cwd,
    env,
    out: (s: string) => void (rec.stdout += s),
    err: (s: string) => void (rec.stderr += s),
    color: false,
    columns,
    paint: makePaint(new Chalk({ level: 0 })),
    applyGlobals: () => undefined,
    progress: async () => ({ update: () => undefined, stop: () => undefined }),
    ask: async (question: string) => {
      if (answers === undefined) return undefined;
      rec.stderr += question;
      return answers.shift();
    },
  });
  return ctx;
}
