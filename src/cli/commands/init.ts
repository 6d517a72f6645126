import path from 'node:path';
import type { CliContext } from '../context.js';
import { initProject } from '../../project/init.js';
import { KlaError } from '../../i18n.js';

export default async function run(args: string[], opts: Record<string, unknown>, ctx: CliContext): Promise<number> {
  let year: number | undefined;
  if (opts.year !== undefined) {
    year = Number(opts.year);
    if (!Number.isInteger(year) || year < 2000 || year > 2100) {
      throw new KlaError({
        id: `--year harus tahun empat digit (2000–2100), bukan "${String(opts.year)}".`,
        en: `--year must be a four-digit year (2000–2100), not "${String(opts.year)}".`,
      });
    }
  }
  const r = initProject({
    dir: path.resolve(ctx.cwd, args[0]!),
    district: opts.district as string | undefined,
    kind: opts.kind as 'kabupaten' | 'kota' | undefined,
    province: opts.province as string | undefined,
    year,
    ...(typeof opts.catalog === 'string' ? { catalog: opts.catalog, cwd: ctx.cwd } : {}),
  });
  const rel = (p: string) => path.relative(ctx.cwd, p) || '.';
  const c = r.config;
  if (ctx.lang === 'id') {
    ctx.out(
      `${ctx.paint.ok('Proyek dibuat')}: ${rel(r.dir)} (${c.district.kind === 'kota' ? 'Kota' : 'Kabupaten'} ${c.district.name}, tahun ${c.year}, katalog ${c.catalog}, ${c.opds.length} OPD)\n` +
        `  konfigurasi: ${rel(r.configFile)}\n` +
        `  folder: ${r.folders.map(rel).join(', ')}\n\n` +
        `Langkah berikutnya:\n` +
        `  1. Periksa dan lengkapi ${rel(r.configFile)} (provinsi, penandatangan, daftar OPD).\n` +
        `  2. Buat templat untuk OPD: kla template --project ${rel(r.dir)}\n`,
    );
  } else {
    ctx.out(
      `${ctx.paint.ok('Project created')}: ${rel(r.dir)} (${c.district.kind} ${c.district.name}, year ${c.year}, catalog ${c.catalog}, ${c.opds.length} OPDs)\n` +
        `  config: ${rel(r.configFile)}\n` +
        `  folders: ${r.folders.map(rel).join(', ')}\n\n` +
        `Next steps:\n` +
        `  1. Check and complete ${rel(r.configFile)} (province, signatories, OPD list).\n` +
        `  2. Write the OPD templates: kla template --project ${rel(r.dir)}\n`,
    );
  }
  return 0;
}
