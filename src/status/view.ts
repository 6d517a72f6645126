/**
 * `kla status` as data and as text: one row per OPD of the config, the
 * district's deadline and the days left, and the totals. The words are in the
 * tables below; the terminal table, the JSON and the workbook all come from
 * the same `StatusView`. Pure: "today" is passed in.
 */
import type { Lang } from '../i18n.js';
import { formatNumber } from '../i18n.js';
import type { Paint } from '../cli/context.js';
import type { OpdStanding, Standing } from './standing.js';

export interface StatusView {
  district: string;
  year: number;
  /** The day the status is taken (YYYY-MM-DD). */
  today: string;
  /** The district's deadline for the OPDs (YYYY-MM-DD), if the config sets one. */
  deadline: string | null;
  /** Days from today to the deadline (negative: past it). */
  daysLeft: number | null;
  standing: Standing;
}

const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

/** The calendar day of `d` where it is read: the local date of the machine (or UTC for a fixed date). */
export function calendarDay(d: Date, utc = false): string {
  const [y, m, day] = utc ? [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()] : [d.getFullYear(), d.getMonth() + 1, d.getDate()];
  return `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function statusView(standing: Standing, o: { district: string; year: number; today: string; deadline?: string | undefined }): StatusView {
  const deadline = o.deadline ?? null;
  return { district: o.district, year: o.year, today: o.today, deadline, daysLeft: deadline === null ? null : dayNumber(deadline) - dayNumber(o.today), standing };
}

const MONTHS: Record<Lang, string[]> = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** 19 Desember 2026 / 19 December 2026. */
export function dateWords(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[lang][m! - 1]} ${y}`;
}

export const STATUS_WORDS = {
  id: {
    title: (v: StatusView) => `Status lembar kerja OPD, evaluasi mandiri KLA ${v.district} tahun ${v.year}`,
    asOf: (v: StatusView) => `Keadaan pada ${dateWords(v.today, 'id')}`,
    deadline: (v: StatusView) =>
      v.deadline === null
        ? 'Batas pengiriman lembar kerja belum ditetapkan (kunci "deadline" di konfigurasi proyek).'
        : `Batas pengiriman lembar kerja: ${dateWords(v.deadline, 'id')}, ${
            v.daysLeft! > 0 ? `${v.daysLeft} hari lagi` : v.daysLeft === 0 ? 'hari ini' : `sudah lewat ${-v.daysLeft!} hari`
          }.`,
    columns: ['No.', 'Kode', 'OPD', 'Status', 'Kesalahan', 'Peringatan', 'Terjawab', 'Data dukung kurang', 'Poin berisiko', 'Petugas data'],
    fileColumn: 'Berkas yang dihitung (dan yang digantikannya)',
    state: { received: 'diterima', unusable: 'tidak dapat dipakai', missing: 'belum mengirim' } as Record<OpdStanding['state'], string>,
    officer: (o: OpdStanding) => (o.state !== 'received' ? '-' : o.officer ? 'ada' : 'belum diisi'),
    supersedes: (files: string) => `menggantikan ${files}`,
    unreadable: (files: string) => `tidak dapat dibaca: ${files}`,
    foreign: (files: string) => `lembar kerja tahun atau kabupaten/kota lain: ${files}`,
    received: (t: Standing['totals']) => `${t.received} dari ${t.opds} OPD telah mengirim lembar kerja yang dapat dipakai`,
    otherStates: (t: Standing['totals']) =>
      [t.unusable > 0 ? `${t.unusable} mengirim berkas yang tidak dapat dipakai` : '', t.missing > 0 ? `${t.missing} belum mengirim` : ''].filter(Boolean).join(', '),
    findings: (t: Standing['totals']) => `Temuan: ${t.errors} kesalahan dan ${t.warnings} peringatan.`,
    answered: (t: Standing['totals'], pct: string) => `Pertanyaan terjawab: ${t.answered} dari ${t.assigned} pertanyaan yang ditugaskan (${pct}).`,
    evidence: (t: Standing['totals'], pts: string) =>
      `Data dukung wajib yang belum ada: ${t.evidenceMissing} jawaban; tanpa data dukung itu prakiraan nilai setelah verifikasi berkurang ${pts} poin.`,
    unassigned: (n: number) => `${n} berkas tidak dapat dikaitkan dengan OPD mana pun (lihat "kla validate"):`,
    dpppa: 'Lembar kerja DPPPA:',
    dpppaKind: { profile: 'profil daerah', matrix: 'matriks Kelana/Dekela' } as Record<'profile' | 'matrix', string>,
    fileFindings: (e: number, w: number) => (e + w === 0 ? 'tanpa temuan' : `${e} kesalahan, ${w} peringatan`),
    estimate: 'Poin berisiko adalah perkiraan berdasarkan rubrik acuan, bukan nilai resmi.',
    sheet: 'Status OPD',
    footer: 'Status lembar kerja OPD, halaman {page} dari {pages}',
  },
  en: {
    title: (v: StatusView) => `OPD workbook status, KLA self-evaluation ${v.district}, year ${v.year}`,
    asOf: (v: StatusView) => `As of ${dateWords(v.today, 'en')}`,
    deadline: (v: StatusView) =>
      v.deadline === null
        ? 'No deadline set for the workbooks (key "deadline" in the project config).'
        : `Deadline for the workbooks: ${dateWords(v.deadline, 'en')}, ${
            v.daysLeft! > 0 ? `${v.daysLeft} day${v.daysLeft === 1 ? '' : 's'} left` : v.daysLeft === 0 ? 'today' : `${-v.daysLeft!} day${v.daysLeft === -1 ? '' : 's'} ago`
          }.`,
    columns: ['No.', 'Code', 'OPD', 'Status', 'Errors', 'Warnings', 'Answered', 'Evidence missing', 'Points at risk', 'Data officer'],
    fileColumn: 'File that counts (and those it supersedes)',
    state: { received: 'received', unusable: 'unusable', missing: 'not sent' } as Record<OpdStanding['state'], string>,
    officer: (o: OpdStanding) => (o.state !== 'received' ? '-' : o.officer ? 'named' : 'not named'),
    supersedes: (files: string) => `supersedes ${files}`,
    unreadable: (files: string) => `cannot be read: ${files}`,
    foreign: (files: string) => `workbook of another year or district: ${files}`,
    received: (t: Standing['totals']) => `${t.received} of ${t.opds} OPDs have sent a usable workbook`,
    otherStates: (t: Standing['totals']) =>
      [t.unusable > 0 ? `${t.unusable} sent files that cannot be used` : '', t.missing > 0 ? `${t.missing} have sent nothing` : ''].filter(Boolean).join(', '),
    findings: (t: Standing['totals']) => `Findings: ${t.errors} errors and ${t.warnings} warnings.`,
    answered: (t: Standing['totals'], pct: string) => `Questions answered: ${t.answered} of the ${t.assigned} assigned (${pct}).`,
    evidence: (t: Standing['totals'], pts: string) =>
      `Required evidence missing: ${t.evidenceMissing} answers; without it the verification forecast loses ${pts} points.`,
    unassigned: (n: number) => `${n} file${n === 1 ? '' : 's'} could not be attributed to any OPD (see "kla validate"):`,
    dpppa: "The DPPPA's own workbooks:",
    dpppaKind: { profile: 'district profile', matrix: 'Kelana/Dekela matrix' } as Record<'profile' | 'matrix', string>,
    fileFindings: (e: number, w: number) => (e + w === 0 ? 'no findings' : `${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}`),
    estimate: 'Points at risk are an estimate with the reference rubric, not an official score.',
    sheet: 'OPD status',
    footer: 'OPD workbook status, page {page} of {pages}',
  },
} as const;

/** One OPD as the cells of a row, in the order of `columns`. */
export function statusRow(o: OpdStanding, i: number, lang: Lang): (string | number)[] {
  const t = STATUS_WORDS[lang];
  const got = o.state === 'received';
  return [
    i + 1,
    o.opd.code,
    o.opd.name,
    t.state[o.state],
    o.state === 'missing' ? '-' : o.errors,
    o.state === 'missing' ? '-' : o.warnings,
    `${o.answered}/${o.assigned}`,
    got ? o.evidenceMissing.length : '-',
    got ? formatNumber(o.atStake, lang) : '-',
    t.officer(o),
  ];
}

/** The files line of an OPD: the file that counts, what it supersedes, what could not be used. */
export function filesLine(o: OpdStanding, lang: Lang): string {
  const t = STATUS_WORDS[lang];
  const base = (f: string) => f.slice(f.lastIndexOf('/') + 1);
  return [
    o.file ? base(o.file) : '',
    o.superseded.length > 0 ? t.supersedes(o.superseded.map(base).join(', ')) : '',
    ...(['unreadable', 'foreign'] as const).map((why) => {
      const files = o.unusable.filter((u) => u.reason === why).map((u) => base(u.file));
      return files.length > 0 ? t[why](files.join(', ')) : '';
    }),
  ]
    .filter(Boolean)
    .join('; ');
}

/** The lines under the table. */
export function totalsLines(v: StatusView, lang: Lang): string[] {
  const t = STATUS_WORDS[lang];
  const s = v.standing.totals;
  const others = t.otherStates(s);
  const pct = `${formatNumber(s.assigned === 0 ? 0 : (100 * s.answered) / s.assigned, lang, 1)}%`;
  return [`${t.received(s)}${others ? `; ${others}` : ''}.`, t.findings(s), t.answered(s, pct), t.evidence(s, formatNumber(s.atStake, lang)), t.deadline(v)];
}

const plain: Paint = { error: (s) => s, warn: (s) => s, info: (s) => s, ok: (s) => s, dim: (s) => s, bold: (s) => s };

/**
 * The terminal table, narrow enough for a 100-column console: per OPD one
 * line of figures under two-line headings, then one with its name and files;
 * the totals below.
 */
export function formatStatusTable(v: StatusView, lang: Lang, paint: Paint = plain): string {
  const t = STATUS_WORDS[lang];
  const NAME = 2;
  const cols = t.columns.map((c, k) => [k, c] as const).filter(([k]) => k !== NAME);
  // Headings of two words or more go on two lines: "Data dukung" / "kurang".
  const heads = cols.map(([, h]) => {
    const w = h.split(' ');
    return w.length < 2 ? ['', h] : [w.slice(0, Math.ceil(w.length / 2)).join(' '), w.slice(Math.ceil(w.length / 2)).join(' ')];
  });
  const rows = v.standing.opds.map((o, i) => {
    const cells = statusRow(o, i, lang);
    return cols.map(([k]) => String(cells[k]));
  });
  const widths = cols.map((_, j) => Math.max(heads[j]![0]!.length, heads[j]![1]!.length, ...rows.map((r) => r[j]!.length)));
  const right = new Set([0, 4, 5, 6, 7, 8]);
  const line = (cells: string[]) => cells.map((c, j) => (right.has(cols[j]![0]) ? c.padStart(widths[j]!) : c.padEnd(widths[j]!))).join('  ').trimEnd();
  const out = [paint.bold(t.title(v)), t.asOf(v), '', paint.bold(line(heads.map((h) => h[0]!))), paint.bold(line(heads.map((h) => h[1]!)))];
  const indent = ' '.repeat(widths[0]! + 2);
  v.standing.opds.forEach((o, i) => {
    const text = line(rows[i]!);
    out.push(o.state === 'missing' ? paint.dim(text) : o.state === 'unusable' || o.errors > 0 ? paint.error(text) : o.warnings > 0 ? paint.warn(text) : paint.ok(text));
    const files = filesLine(o, lang);
    out.push(paint.dim(`${indent}${o.opd.name}${files ? `: ${files}` : ''}`));
  });
  out.push('');
  if (v.standing.dpppa.length > 0) {
    out.push(t.dpppa);
    for (const d of v.standing.dpppa) {
      const text = `  ${t.dpppaKind[d.kind]}: ${d.file} (${t.fileFindings(d.errors, d.warnings)})`;
      out.push(d.errors > 0 ? paint.error(text) : d.warnings > 0 ? paint.warn(text) : text);
    }
    out.push('');
  }
  if (v.standing.unassigned.length > 0) {
    out.push(t.unassigned(v.standing.unassigned.length));
    for (const u of v.standing.unassigned) out.push(`  ${u.file} [${u.code}]`);
    out.push('');
  }
  out.push(...totalsLines(v, lang), paint.dim(t.estimate));
  return `${out.join('\n')}\n`;
}

/** The JSON of `kla status --format json` (schemaVersion 1): data, not words, apart from the language tag. */
export function statusJson(v: StatusView, lang: Lang): unknown {
  return {
    schemaVersion: 1,
    lang,
    district: v.district,
    year: v.year,
    today: v.today,
    deadline: v.deadline,
    daysLeft: v.daysLeft,
    opds: v.standing.opds.map((o) => ({
      code: o.opd.code,
      name: o.opd.name,
      state: o.state,
      file: o.file,
      savedAt: o.savedAt,
      superseded: o.superseded,
      unusable: o.unusable,
      errors: o.errors,
      warnings: o.warnings,
      assigned: o.assigned,
      answered: o.answered,
      evidenceMissing: o.evidenceMissing.map((e) => ({ questionId: e.questionId, sheet: e.cell.sheet, cell: e.cell.cell, notFound: e.notFound, empty: e.empty })),
      atStake: o.atStake,
      officerNamed: o.officer !== null,
    })),
    unassigned: v.standing.unassigned,
    dpppa: v.standing.dpppa,
    totals: v.standing.totals,
  };
}
