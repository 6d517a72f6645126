import type { CliContext } from '../context.js';

/** Not built yet: says so and exits 2. */
export default async function run(_args: string[], _opts: Record<string, unknown>, ctx: CliContext): Promise<number> {
  ctx.err(ctx.lang === 'id' ? 'Perintah "score" belum tersedia pada versi ini.\n' : 'The "score" command is not available in this version yet.\n');
  return 2;
}
