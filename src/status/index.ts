/**
 * `kla status` as a library: the standing of every OPD (one join of the
 * validation report and the score), the view with the deadline, and its
 * three forms: terminal table, JSON, and a workbook for printing.
 */
import type { Lang } from '../i18n.js';
import { STATUS_WORDS, filesLine, statusRow, totalsLines, type StatusView } from './view.js';

export { standingOf, type MissingEvidence, type OpdStanding, type Standing, type UnusableFile } from './standing.js';
export { calendarDay, dateWords, formatStatusTable, statusJson, statusView, type StatusView } from './view.js';

/** The status as a workbook for printing and sharing (exceljs is loaded only for it). */
export async function statusWorkbook(v: StatusView, lang: Lang, date: Date): Promise<Buffer> {
  const { printTableWorkbook } = await import('../workbook/status-sheet.js');
  const t = STATUS_WORDS[lang];
  const widths = [5, 12, 34, 14, 10, 10, 10, 11, 10, 11, 48];
  const align = ['right', 'left', 'left', 'left', 'right', 'right', 'right', 'right', 'right', 'center', 'left'] as const;
  return printTableWorkbook(
    {
      sheet: t.sheet,
      title: t.title(v),
      subtitle: [t.asOf(v), t.deadline(v)],
      columns: [...t.columns, t.fileColumn].map((header, i) => ({ header, width: widths[i]!, align: align[i]! })),
      rows: v.standing.opds.map((o, i) => ({
        cells: [...statusRow(o, i, lang), filesLine(o, lang)],
        ...(o.state === 'missing' ? { tone: 'muted' as const } : o.state === 'unusable' || o.errors > 0 ? { tone: 'error' as const } : o.warnings > 0 ? { tone: 'warning' as const } : {}),
      })),
      notes: [...totalsLines(v, lang).slice(0, -1), t.estimate],
      footer: t.footer,
    },
    date,
  );
}
