/**
 * The dossier's date, which is also the PDF's creation date (and so its id):
 * it must come from the inputs, not the clock, so that the same inputs give
 * the same bytes. SOURCE_DATE_EPOCH wins (the reproducible-builds convention);
 * otherwise the latest "modified" date recorded inside the OPD workbooks
 * (read with them: docProps/core.xml, written by Excel and LibreOffice on every
 * save), which survives copying and checkouts where file times do not.
 */
/**
 * The document date: the date fixed by the caller (SOURCE_DATE_EPOCH on the
 * command line), else the latest date the OPD workbooks
 * say they were saved, else 31 December of the evaluated year (a fixed date
 * that still says which year).
 */
export function documentDate(fixed: Date | undefined, savedAt: readonly (string | null)[], year: number): Date {
  if (fixed) return fixed;
  const times = savedAt.filter((d): d is string => d !== null).map((d) => Date.parse(d));
  return times.length > 0 ? new Date(Math.max(...times)) : new Date(Date.UTC(year, 11, 31));
}
