/**
 * The catalogs shipped with kla, found by reading catalogs/: every JSON file
 * there is a catalog, known by the `id` and `year` written inside it, never by
 * its file name. A new instrument year is a new file in that folder, with no
 * list in code to update.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { KlaError } from '../i18n.js';
import { catalogsDir } from '../paths.js';

/** A shipped catalog, as far as finding it needs. */
export interface CatalogEntry {
  id: string;
  /** The instrument's year, as the catalog states it. */
  year: number;
  title: string;
  file: string;
}

const cache = new Map<string, CatalogEntry[]>();

/** The catalogs in `dir` (default: the package's catalogs/), ordered by year, then id. */
export function shippedCatalogs(dir = catalogsDir): CatalogEntry[] {
  const hit = cache.get(dir);
  if (hit) return hit;
  const entries: CatalogEntry[] = [];
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => n.toLowerCase().endsWith('.json')).sort();
  } catch {
    names = [];
  }
  for (const name of names) {
    const file = path.join(dir, name);
    let head: { id?: unknown; year?: unknown; title?: unknown };
    try {
      head = JSON.parse(readFileSync(file, 'utf8')) as typeof head;
    } catch (e) {
      throw new KlaError({
        id: `Katalog bawaan ${file} bukan JSON yang sah: ${(e as Error).message}`,
        en: `Shipped catalog ${file} is not valid JSON: ${(e as Error).message}`,
      });
    }
    if (typeof head.id !== 'string' || !Number.isInteger(head.year)) {
      throw new KlaError({
        id: `Katalog bawaan ${file} tidak memuat "id" dan "year" (tahun instrumen).`,
        en: `Shipped catalog ${file} has no "id" and "year" (the instrument's year).`,
      });
    }
    const twin = entries.find((e) => e.id === head.id);
    if (twin) {
      throw new KlaError({
        id: `Katalog bawaan ${twin.file} dan ${file} memakai ID yang sama, "${head.id}".`,
        en: `Shipped catalogs ${twin.file} and ${file} use the same id, "${head.id}".`,
      });
    }
    entries.push({ id: head.id, year: head.year as number, title: typeof head.title === 'string' ? head.title : head.id, file });
  }
  entries.sort((a, b) => a.year - b.year || a.id.localeCompare(b.id));
  cache.set(dir, entries);
  return entries;
}

/** The shipped catalog with this id, if there is one. */
export function shippedCatalog(id: string, dir = catalogsDir): CatalogEntry | undefined {
  return shippedCatalogs(dir).find((e) => e.id === id);
}

/** The newest shipped catalog by its own year field (ties: the last id in order): what `kla init` proposes. */
export function newestCatalog(dir = catalogsDir): CatalogEntry {
  const all = shippedCatalogs(dir);
  const last = all[all.length - 1];
  if (!last) {
    throw new KlaError({
      id: `Tidak ada katalog bawaan di ${dir}. Pasang ulang kla, atau sebutkan berkas katalog dengan --catalog.`,
      en: `There is no shipped catalog in ${dir}. Reinstall kla, or name a catalog file with --catalog.`,
    });
  }
  return last;
}

/** The shipped catalogs as a reader-friendly list, in each language. */
export function shippedCatalogList(dir = catalogsDir): { id: string; en: string } {
  const all = shippedCatalogs(dir);
  return {
    id: all.map((e) => `"${e.id}" (instrumen tahun ${e.year})`).join(', '),
    en: all.map((e) => `"${e.id}" (instrument year ${e.year})`).join(', '),
  };
}
