/**
 * The dossier's date, which is also the PDF's creation date (and so its id):
 * it must come from the inputs, not the clock, so that the same inputs give
 * the same bytes. SOURCE_DATE_EPOCH wins (the reproducible-builds convention);
 * otherwise the latest "modified" date recorded inside the OPD workbooks
 * (docProps/core.xml, written by Excel and LibreOffice on every save), which
 * survives copying and checkouts where file times do not.
 */
import yauzl from 'yauzl';
import { KlaError } from '../i18n.js';

/** Largest core.xml we read; the real one is under 1 KB. */
const CORE_MAX = 64 * 1024;

/** SOURCE_DATE_EPOCH as a date, undefined when unset; a usage error when it is not a whole number of seconds. */
export function sourceDateEpoch(env: NodeJS.ProcessEnv): Date | undefined {
  const v = env.SOURCE_DATE_EPOCH;
  if (v === undefined || v === '') return undefined;
  if (!/^\d{1,12}$/.test(v.trim())) {
    throw new KlaError({
      id: `SOURCE_DATE_EPOCH harus berupa bilangan bulat detik sejak 1970-01-01 (mis. 1767225600), bukan "${v}".`,
      en: `SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 (e.g. 1767225600), not "${v}".`,
    });
  }
  return new Date(Number(v.trim()) * 1000);
}

/** The "modified" date a workbook records about itself, or null when it has none (or cannot be read). */
export function workbookModified(file: string): Promise<Date | null> {
  return new Promise((resolve) => {
    yauzl.open(file, { lazyEntries: true, autoClose: true }, (err, zip) => {
      if (err || !zip) return resolve(null);
      let done = false;
      const finish = (d: Date | null) => {
        if (done) return;
        done = true;
        zip.close();
        resolve(d);
      };
      zip.on('error', () => finish(null));
      zip.on('end', () => finish(null));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== 'docProps/core.xml' || entry.uncompressedSize > CORE_MAX) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return finish(null);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', () => finish(null));
          stream.on('end', () => finish(parseCoreModified(Buffer.concat(chunks).toString('utf8'))));
        });
      });
      zip.readEntry();
    });
  });
}

/** The dcterms:modified value of a core.xml, when it is a plausible date. */
export function parseCoreModified(xml: string): Date | null {
  const m = /<dcterms:modified[^>]*>\s*([^<\s]+)\s*<\/dcterms:modified>/.exec(xml);
  if (!m) return null;
  const d = new Date(m[1]!);
  // Excel writes 1980-01-01 for "unknown"; neither that nor a far future date says anything.
  return Number.isFinite(d.getTime()) && d.getUTCFullYear() > 1990 && d.getUTCFullYear() < 2200 ? d : null;
}

/**
 * The document date: SOURCE_DATE_EPOCH, else the latest workbook date, else
 * 31 December of the evaluated year (a fixed date that still says which year).
 */
export async function documentDate(env: NodeJS.ProcessEnv, files: readonly string[], year: number): Promise<Date> {
  const fixed = sourceDateEpoch(env);
  if (fixed) return fixed;
  const dates = (await Promise.all(files.map(workbookModified))).filter((d): d is Date => d !== null);
  if (dates.length > 0) return new Date(Math.max(...dates.map((d) => d.getTime())));
  return new Date(Date.UTC(year, 11, 31));
}
