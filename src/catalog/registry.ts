/**
 * The catalogs shipped with kla, found by reading catalogs/: every JSON file
 * there is a catalog, known by the `id` and `year` written inside it, never by
 * its file name. A new instrument year is a new file in that folder, with no
 * list in code to update.
 */
import { readdirSync } from 'node:fs';
import { readText } from '../io/text.js';
import path from 'node:path';
import { refusal } from '../diagnostics/index.js';
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
      head = JSON.parse(readText(file)) as typeof head;
    } catch {
      throw refusal('KLA-E606', { file, problem: 'json' }, { location: { file } });
    }
    if (typeof head.id !== 'string' || !Number.isInteger(head.year)) throw refusal('KLA-E606', { file, problem: 'no-id' }, { location: { file } });
    const twin = entries.find((e) => e.id === head.id);
    if (twin) throw refusal('KLA-E606', { file, problem: 'same-id', other: twin.file, id: head.id }, { location: { file } });
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
  if (!last) throw refusal('KLA-E607', { dir });
  return last;
}
