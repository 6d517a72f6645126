/**
 * What `kla feedback` writes for each OPD, decided from its standing: an
 * annotated copy of its workbook and a letter listing what to fix (problems),
 * a letter asking for the template to be filled again (a workbook that cannot
 * be used), or a reminder (nothing received). The letter settings come from
 * the config, never from the clock. Pure.
 */
import path from 'node:path';
import type { Diagnostic } from '../model.js';
import type { Lang } from '../i18n.js';
import { diag, refusal } from '../diagnostics/index.js';
import { isPlaceholder, normalizeName, type Opd, type Project } from '../project/config.js';
import type { OpdStanding, Standing } from '../status/standing.js';

export type LetterKind = 'nota-dinas' | 'surat-dinas';

/** The letter settings of the config, checked. */
export interface LetterSettings {
  /** YYYY-MM-DD. */
  date: string;
  deadline: string;
  place: string;
  /** The OPD that writes (it gets no letter itself), when the config's OPDs include it. */
  sender: Opd | null;
  /** The sender's office as its letterhead names it, without the district: "Dinas Pemberdayaan …". */
  office: string;
  address?: string;
  contact?: string;
  copies: string[];
  pattern: string;
  firstNumber: number;
}

const PLACEHOLDERS = ['{seq}', '{opd}', '{year}', '{month}'] as const;
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/** The district named at the end of an office ("… Kabupaten Merangin"), which the letterhead already says. */
function withoutDistrict(name: string, project: Project): string {
  const tail = new RegExp(`\\s+(?:${project.config.district.kind === 'kota' ? 'Kota' : 'Kabupaten'}\\s+)?${project.config.district.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, 'i');
  return name.replace(tail, '').trim() || name;
}

/** Check the config's letter settings: refusals KLA-E801 (missing), KLA-E802 (number pattern), KLA-E803 (sender), KLA-E721 (the signer still a placeholder). */
export function letterSettings(project: Project): LetterSettings {
  const { config } = project;
  const at = (key: string) => ({ file: project.configFile, key });
  const missing = [
    ...(config.letters === undefined ? ['letters.date', 'letters.number'] : []),
    ...(config.letters?.deadline === undefined && config.deadline === undefined ? ['deadline'] : []),
  ];
  if (missing.length > 0 || config.letters === undefined) throw refusal('KLA-E801', { keys: missing, year: project.config.year }, { location: at(missing[0] ?? 'letters') });
  const l = config.letters;
  for (const m of l.number.matchAll(/\{[^}]*\}/g)) {
    if (!(PLACEHOLDERS as readonly string[]).includes(m[0])) throw refusal('KLA-E802', { pattern: l.number, placeholder: m[0], known: [...PLACEHOLDERS] }, { location: at('letters.number') });
  }
  const coordinator = config.signatories.coordinator.title.replace(/^kepala\s+/i, '');
  const sender =
    l.sender !== undefined
      ? config.opds.find((o) => o.code === l.sender)
      : config.opds.find((o) => normalizeName(o.name) === normalizeName(coordinator) || normalizeName(withoutDistrict(o.name, project)) === normalizeName(withoutDistrict(coordinator, project)));
  if (l.sender !== undefined && sender === undefined) throw refusal('KLA-E803', { code: l.sender, codes: config.opds.map((o) => o.code) }, { location: at('letters.sender') });
  // The letters are signed by the DPPPA's head: never with the text kla init left in place of a name.
  for (const field of ['name', 'title'] as const) {
    const v = config.signatories.coordinator[field];
    const key = `signatories.coordinator.${field}`;
    if (isPlaceholder(v)) throw refusal('KLA-E721', { key, role: 'coordinator', field, found: v.trim() }, { location: at(key) });
  }
  return {
    date: l.date,
    deadline: l.deadline ?? config.deadline!,
    place: l.place ?? config.profile.capital ?? config.district.name,
    sender: sender ?? null,
    office: withoutDistrict(sender?.name ?? coordinator, project),
    ...(l.address !== undefined ? { address: l.address } : {}),
    ...(l.contact !== undefined ? { contact: l.contact } : {}),
    copies: l.copies,
    pattern: l.number,
    firstNumber: l.firstNumber,
  };
}

export type FeedbackKind = 'problems' | 'unusable' | 'missing';

export interface FeedbackItem {
  standing: OpdStanding;
  kind: FeedbackKind;
  /** What the annotated workbook marks and lists: the workbook's findings, then evidence not received (KLA-W810). */
  findings: Diagnostic[];
  /** The letter's form, or null when none is written (the sender itself, or "letter": "none"). */
  letter: LetterKind | null;
  /** The letter's number, from the config's pattern. */
  number: string | null;
}

export interface FeedbackPlan {
  items: FeedbackItem[];
  /** OPDs whose workbook counts and has nothing to fix. */
  clean: OpdStanding[];
}

/** The findings about evidence (not named; named but not received), which letters and review sheets list apart. */
export const EVIDENCE_CODES: ReadonlySet<string> = new Set(['KLA-W222', 'KLA-W810']);

/** The remark on evidence not received (KLA-W810) in a letter's or review sheet's table: files missing, then files that arrived empty. */
export function evidenceRemark(d: Diagnostic, t: { notReceived(files: string): string; receivedEmpty(files: string): string }): string {
  const files = d.params.files as readonly string[];
  const empty = new Set((d.params.empty as readonly string[] | undefined) ?? []);
  const quoted = (xs: readonly string[]) => xs.map((f) => `"${f}"`).join(', ');
  const missing = files.filter((f) => !empty.has(f));
  return [...(missing.length > 0 ? [t.notReceived(quoted(missing))] : []), ...(empty.size > 0 ? [t.receivedEmpty(quoted([...empty]))] : [])].join(' ');
}

/**
 * Evidence named in an answer that the evidence folder does not hold, as a
 * finding at the answer's evidence cell (evidence not named at all is already
 * KLA-W222 of the workbook's own findings).
 */
function evidenceNotReceived(o: OpdStanding): Diagnostic[] {
  return o.evidenceMissing
    .filter((e) => e.notFound.length > 0)
    .map((e) => diag('KLA-W810', { question: e.questionId, files: e.notFound, empty: e.empty }, { file: e.cell.file, sheet: e.cell.sheet, cell: e.cell.cell }, e.questionId));
}

/** Problems an OPD is asked to fix: errors and warnings (infos alone ask for nothing). */
const asksForAction = (ds: readonly Diagnostic[]) => ds.some((d) => d.severity !== 'info');

/**
 * The feedback for every OPD of the config (numbered in config order, so that
 * a letter keeps its number whichever OPDs are asked for), then the OPDs of
 * `only`, if given.
 */
export function planFeedback(standing: Standing, settings: LetterSettings, only: readonly string[] = []): FeedbackPlan {
  const items: FeedbackItem[] = [];
  const clean: OpdStanding[] = [];
  for (const o of standing.opds) {
    // An OPD the catalog asks nothing of is not waited for.
    if (o.state === 'missing' && o.assigned === 0) continue;
    const findings = o.state === 'received' ? [...o.findings, ...evidenceNotReceived(o)] : [];
    const kind: FeedbackKind | null = o.state === 'missing' ? 'missing' : o.state === 'unusable' ? 'unusable' : asksForAction(findings) ? 'problems' : null;
    if (kind === null) {
      clean.push(o);
      continue;
    }
    const wanted = o.opd.letter ?? 'nota-dinas';
    const letter = wanted === 'none' || o.opd.code === settings.sender?.code ? null : wanted;
    items.push({ standing: o, kind, findings, letter, number: null });
  }
  const year = settings.date.slice(0, 4);
  const month = ROMAN[Number(settings.date.slice(5, 7)) - 1]!;
  let seq = settings.firstNumber;
  for (const it of items) {
    if (it.letter === null) continue;
    const values: Record<string, string> = { '{seq}': String(seq++), '{opd}': it.standing.opd.code, '{year}': year, '{month}': month };
    it.number = settings.pattern.replace(/\{[^}]*\}/g, (p) => values[p] ?? p);
  }
  const keep = (o: OpdStanding) => only.length === 0 || only.includes(o.opd.code);
  return { items: items.filter((it) => keep(it.standing)), clean: clean.filter(keep) };
}

/** A portable file name: no characters Windows refuses, no trailing dots or spaces. */
const portable = (s: string) => s.replace(/[<>:"/\\|?*\u0000-\u001f]/g, ' ').replace(/\s+/g, ' ').trim().replace(/[. ]+$/, '');

const NAMES = {
  id: {
    workbook: (stem: string) => `${stem} (catatan pemeriksaan)`,
    kind: { 'nota-dinas': 'Nota Dinas', 'surat-dinas': 'Surat Dinas' },
    subject: { problems: 'perbaikan lembar kerja', unusable: 'penyampaian ulang lembar kerja', missing: 'permintaan lembar kerja' },
  },
  en: {
    workbook: (stem: string) => `${stem} (review)`,
    kind: { 'nota-dinas': 'Memorandum', 'surat-dinas': 'Official letter' },
    subject: { problems: 'workbook corrections', unusable: 'workbook resubmission', missing: 'workbook request' },
  },
} as const;

/** "DINKES - Jawaban KLA 2026 Dinkes (catatan pemeriksaan).xlsx": the OPD first, so that a folder lists by OPD. */
export function workbookFileName(item: FeedbackItem, lang: Lang): string {
  const file = item.standing.file!;
  const code = item.standing.opd.code;
  const ext = path.posix.extname(file);
  // A copy sent back unfixed keeps its name, not "DINKES - DINKES - … (catatan pemeriksaan) (catatan pemeriksaan)".
  const stem = path.posix
    .basename(file, ext)
    .replace(/ \((catatan pemeriksaan|review)\)$/i, '')
    .replace(new RegExp(`^${code} - `), '');
  return `${portable(`${code} - ${NAMES[lang].workbook(stem)}`)}${ext}`;
}

/** "KEMENAG - Surat Dinas perbaikan lembar kerja KLA 2026.pdf". */
export function letterFileName(item: FeedbackItem, lang: Lang, year: number): string {
  const n = NAMES[lang];
  return `${portable(`${item.standing.opd.code} - ${n.kind[item.letter!]} ${n.subject[item.kind]} KLA ${year}`)}.pdf`;
}
