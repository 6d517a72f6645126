/**
 * Commands as the user types them: hints that print a command must print one
 * that works when copied, in cmd.exe and PowerShell as in a POSIX shell, for
 * folder names with spaces and parentheses ("KLA Merangin (revisi) 2026").
 */

const SAFE_POSIX = /^[A-Za-z0-9_@%+=:,./-]+$/;
const SAFE_WINDOWS = /^[A-Za-z0-9_@+=:,./\\-]+$/;

/** One argument, quoted when the shell would split or expand it. */
export function shellArg(arg: string, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') {
    // Double quotes are the one quoting cmd.exe and PowerShell share; Windows names cannot hold a '"'.
    return arg !== '' && SAFE_WINDOWS.test(arg) ? arg : `"${arg}"`;
  }
  if (arg !== '' && SAFE_POSIX.test(arg)) return arg;
  // Double quotes read naturally; inside them $, `, \, " and ! would still be special.
  if (!/[$`\\"!]/.test(arg)) return `"${arg}"`;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * How kla was started, so that a hint repeats it: through npx (inside a
 * checkout, where kla is not on PATH) or as the installed command.
 */
export function klaCommand(env: Readonly<Record<string, string | undefined>>): string {
  return env.npm_lifecycle_event === 'npx' ? 'npx kla' : 'kla';
}

/** A whole command line: kla's own words bare, every argument quoted as needed. */
export function commandLine(env: Readonly<Record<string, string | undefined>>, args: readonly string[], platform: NodeJS.Platform = process.platform): string {
  return [klaCommand(env), ...args.map((a) => shellArg(a, platform))].join(' ');
}
