/**
 * What a letter to an OPD says: from the Head of the DPPPA to the head of the
 * OPD, a Nota Dinas inside the Pemda or a Surat Dinas to a vertical or outside
 * body (tata naskah dinas: letterhead, number, date, sifat, lampiran, hal,
 * addressee, body, signature block with jabatan, name and NIP, tembusan).
 * Three letters: what to fix in a workbook received, a workbook that cannot be
 * used, and a reminder for a workbook not received. Formal Indonesian; English
 * behind --lang en. No tool internals: no codes, keys or paths. Pure.
 */
import path from 'node:path';
import type { Diagnostic } from '../model.js';
import type { Lang } from '../i18n.js';
import { formatNumber } from '../i18n.js';
import type { Project } from '../project/config.js';
import { dateWords } from '../status/view.js';
import type { UnusableFile } from '../status/standing.js';
import { EVIDENCE_CODES, evidenceRemark, type FeedbackItem, type LetterKind, type LetterSettings } from '../feedback/plan.js';

export type LetterBlock =
  | { kind: 'p'; text: string }
  | { kind: 'table'; caption: string; header: string[]; widths: (number | string)[]; rows: string[][]; note?: string };

export interface LetterModel {
  kind: LetterKind;
  lang: Lang;
  letterhead: { government: string; office: string; lines: string[]; logo: string | null };
  number: string;
  place: string;
  /** In words: 12 Desember 2026. */
  date: string;
  sifat: string;
  lampiran: string;
  hal: string;
  /** Jabatan of the addressee, and where (Surat Dinas). */
  to: string;
  toPlace: string;
  /** Jabatan of the writer (Nota Dinas: "Dari"). */
  from: string;
  copies: string[];
  body: LetterBlock[];
  signer: { title: string; name: string; nip: string; rank?: string };
  /** PDF metadata; the creation date is the letter's date, so the same inputs give the same bytes. */
  info: { title: string; author: string; creationDate: Date };
}

export interface LetterContext {
  project: Project;
  settings: LetterSettings;
  lang: Lang;
  /** File name of the OPD's template (sent along with a reminder). */
  templateFile: string;
  /** The district emblem as a data URL, if the config names one. */
  logo: string | null;
  /** A diagnostic's sentence, as the OPD's officer reads it in the workbook. */
  message: (d: Diagnostic) => string;
}

/** Rows of the findings table shown in the letter; the rest are in the annotated workbook. */
const TABLE_MAX = 20;
/**
 * Both tables of a letter: No., Pertanyaan, Letak, then the remark. Letak is wide enough
 * for "Lembar Identitas, sel C11" or "Lembar Jawaban, sel H120" on one line at the tables' 9 pt.
 */
const WIDTHS = [22, 54, 116, '*'];
const base = (f: string) => path.posix.basename(f);

const T = {
  id: {
    sifat: 'Penting',
    lampiran: '1 (satu) berkas',
    hal: {
      problems: (y: number) => `Perbaikan Lembar Kerja Evaluasi Mandiri KLA Tahun ${y}`,
      unusable: (y: number) => `Penyampaian Ulang Lembar Kerja Evaluasi Mandiri KLA Tahun ${y}`,
      missing: (y: number) => `Permintaan Lembar Kerja Evaluasi Mandiri KLA Tahun ${y}`,
    },
    head: (opd: string) => `Kepala ${opd}`,
    government: (district: string) => `PEMERINTAH ${district.toUpperCase()}`,
    context: (district: string, y: number) => `Dalam rangka Evaluasi Mandiri Kabupaten/Kota Layak Anak (KLA) ${district} Tahun ${y}`,
    checked: (ctx: string, opd: string, file: string, saved: string | null, found: string) =>
      `${ctx}, kami telah memeriksa lembar kerja yang disampaikan oleh ${opd} (berkas "${file}"${saved ? `, disimpan ${saved}` : ''}). Dari pemeriksaan tersebut terdapat ${found}, dengan rincian sebagai berikut.`,
    found: (e: number, w: number) =>
      [e > 0 ? `${e} hal yang wajib diperbaiki agar jawaban dapat dinilai` : '', w > 0 ? `${w} hal yang perlu diperiksa kembali` : ''].filter(Boolean).join(' dan '),
    checkedEvidence: (ctx: string, opd: string, file: string, saved: string | null, n: number) =>
      `${ctx}, kami telah memeriksa lembar kerja yang disampaikan oleh ${opd} (berkas "${file}"${saved ? `, disimpan ${saved}` : ''}). Dari pemeriksaan tersebut, data dukung untuk ${n} jawaban belum lengkap.`,
    evidenceOnly: (pts: string | null) =>
      `Tanpa data dukung, jawaban tersebut dapat tidak diakui pada verifikasi${pts ? `; menurut perkiraan kami, nilai yang bergantung pada data dukung ini sekitar ${pts} poin` : ''}. Rinciannya sebagai berikut.`,
    fixTable: (n: number, must: boolean) => `Tabel ${n}. ${must ? 'Hal yang wajib diperbaiki' : 'Hal yang perlu diperiksa kembali'}`,
    checksElsewhere: (n: number) => `Selain itu, terdapat ${n} hal yang perlu diperiksa kembali; seluruhnya tercantum pada lembar Catatan Pemeriksaan dalam lampiran.`,
    fixHeader: ['No.', 'Pertanyaan', 'Letak', 'Uraian'],
    where: (sheet?: string, cell?: string) => (sheet && cell ? `Lembar ${sheet}, sel ${cell}` : sheet ? `Lembar ${sheet}` : 'Seluruh berkas'),
    more: (n: number) => `Masih terdapat ${n} hal lain yang tercantum pada lembar Catatan Pemeriksaan dalam lampiran.`,
    evidence: (n: number, pts: string | null) =>
      `Selain itu, data dukung untuk ${n} jawaban berikut belum lengkap. Tanpa data dukung, jawaban tersebut dapat tidak diakui pada verifikasi${pts ? `; menurut perkiraan kami, nilai yang bergantung pada data dukung ini sekitar ${pts} poin` : ''}.`,
    evidenceTable: (n: number) => `Tabel ${n}. Data dukung yang belum lengkap`,
    evidenceHeader: ['No.', 'Pertanyaan', 'Letak', 'Keterangan'],
    notNamed: 'Data dukung belum disebutkan.',
    notReceived: (files: string) => `Berkas ${files} belum kami terima.`,
    receivedEmpty: (files: string) => `Berkas ${files} kami terima dalam keadaan kosong (0 byte); mohon dikirim kembali.`,
    askFix: {
      'nota-dinas': (deadline: string) =>
        'Bersama ini kami lampirkan salinan lembar kerja tersebut yang telah diberi tanda: setiap sel yang perlu diperbaiki diberi warna dan catatan, dan lembar pertamanya (Catatan Pemeriksaan) memuat seluruh rinciannya. ' +
        `Mohon perbaikan dilakukan langsung pada salinan tersebut, lalu lembar kerja beserta data dukungnya disampaikan kembali kepada kami paling lambat tanggal ${deadline}.`,
      'surat-dinas': (deadline: string) =>
        'Bersama ini kami lampirkan salinan lembar kerja tersebut yang telah diberi tanda: setiap sel yang perlu diperbaiki diberi warna dan catatan, dan lembar pertamanya (Catatan Pemeriksaan) memuat seluruh rinciannya. ' +
        `Kami mohon kesediaan Bapak/Ibu agar perbaikan dilakukan pada salinan tersebut, lalu lembar kerja beserta data dukungnya disampaikan kembali kepada kami paling lambat tanggal ${deadline}.`,
    },
    received: (ctx: string, opd: string, file: string, why: string) => `${ctx}, kami telah menerima berkas "${file}" dari ${opd}. Berkas tersebut belum dapat kami gunakan karena ${why}.`,
    why: (u: UnusableFile, project: Project): string => {
      const year = project.config.year;
      switch (u.code) {
        case 'KLA-E107':
          return `lembar kerja itu dibuat untuk tahun evaluasi ${String(u.params.found ?? '')}, sedangkan evaluasi ini untuk tahun ${year}`;
        case 'KLA-E108':
          return `lembar kerja itu menyebut ${String(u.params.found ?? 'daerah lain')}, bukan ${project.districtName}`;
        case 'KLA-E104':
        case 'KLA-E105':
          return `lembar kerja itu dibuat dari templat lain, bukan templat evaluasi tahun ${year} yang kami kirimkan`;
        case 'KLA-E001':
          return 'berkas itu kosong';
        case 'KLA-E005':
          return 'berkas itu tersimpan dalam format Excel lama (.xls)';
        case 'KLA-E006':
          return 'berkas itu tersimpan dalam format OpenDocument (.ods)';
        case 'KLA-E007':
          return 'berkas itu dilindungi kata sandi sehingga tidak dapat dibuka';
        case 'KLA-E003':
        case 'KLA-E004':
        case 'KLA-E010':
          return 'berkas itu bukan lembar kerja Excel';
        case 'KLA-E008':
        case 'KLA-E009':
          return 'berkas itu terlalu besar untuk dibuka';
        default:
          return 'berkas itu rusak atau tidak lengkap sehingga tidak dapat dibuka';
      }
    },
    askAgain: {
      'nota-dinas': (template: string, deadline: string) =>
        `Mohon templat lembar kerja terlampir ("${template}") diisi kembali, lalu disampaikan kepada kami dalam format Excel (.xlsx) tanpa kata sandi paling lambat tanggal ${deadline}, beserta berkas data dukungnya.`,
      'surat-dinas': (template: string, deadline: string) =>
        `Kami mohon kesediaan Bapak/Ibu agar templat lembar kerja terlampir ("${template}") diisi kembali, lalu disampaikan kepada kami dalam format Excel (.xlsx) tanpa kata sandi paling lambat tanggal ${deadline}, beserta berkas data dukungnya.`,
    },
    notYet: (ctx: string, opd: string, n: number, date: string) =>
      `${ctx}, ${opd} menjadi sumber data untuk ${n} pertanyaan. Sampai dengan tanggal ${date}, lembar kerja dari ${opd} belum kami terima.`,
    askSend: {
      'nota-dinas': (template: string, deadline: string) =>
        `Mohon templat lembar kerja terlampir ("${template}") diisi, lengkap dengan identitas petugas data anak dan nama berkas data dukung setiap jawaban, lalu disampaikan kepada kami dalam format Excel (.xlsx) paling lambat tanggal ${deadline}, beserta berkas data dukungnya.`,
      'surat-dinas': (template: string, deadline: string) =>
        `Kami mohon kesediaan Bapak/Ibu agar templat lembar kerja terlampir ("${template}") diisi, lengkap dengan identitas petugas data anak dan nama berkas data dukung setiap jawaban, lalu disampaikan kepada kami dalam format Excel (.xlsx) paling lambat tanggal ${deadline}, beserta berkas data dukungnya.`,
    },
    ignore: 'Apabila lembar kerja tersebut telah dikirimkan, mohon surat ini diabaikan dan kami diberi tahu agar lembar kerja itu dapat segera kami periksa.',
    close: 'Demikian kami sampaikan. Atas perhatian dan kerja sama Bapak/Ibu, kami ucapkan terima kasih.',
    titleMeta: (kind: LetterKind, opd: string) => `${kind === 'nota-dinas' ? 'Nota Dinas' : 'Surat Dinas'} kepada ${opd}`,
  },
  en: {
    sifat: 'Important',
    lampiran: '1 (one) file',
    hal: {
      problems: (y: number) => `Corrections to the KLA ${y} Self-Evaluation Workbook`,
      unusable: (y: number) => `Resubmission of the KLA ${y} Self-Evaluation Workbook`,
      missing: (y: number) => `Request for the KLA ${y} Self-Evaluation Workbook`,
    },
    head: (opd: string) => `Head of ${opd}`,
    government: (district: string) => `GOVERNMENT OF ${district.toUpperCase()}`,
    context: (district: string, y: number) => `For the Child-Friendly District (KLA) Self-Evaluation of ${district} for ${y}`,
    checked: (ctx: string, opd: string, file: string, saved: string | null, found: string) =>
      `${ctx}, we have checked the workbook sent by ${opd} (file "${file}"${saved ? `, saved ${saved}` : ''}). The check found ${found}, as detailed below.`,
    found: (e: number, w: number) =>
      [e > 0 ? `${e} point${e === 1 ? '' : 's'} that must be corrected for the answers to be scored` : '', w > 0 ? `${w} point${w === 1 ? '' : 's'} to check again` : ''].filter(Boolean).join(' and '),
    checkedEvidence: (ctx: string, opd: string, file: string, saved: string | null, n: number) =>
      `${ctx}, we have checked the workbook sent by ${opd} (file "${file}"${saved ? `, saved ${saved}` : ''}). The evidence for ${n} answer${n === 1 ? ' is' : 's is'} incomplete.`,
    evidenceOnly: (pts: string | null) => `Without evidence these answers can be refused at verification${pts ? `; by our estimate about ${pts} points depend on it` : ''}. The details follow.`,
    fixTable: (n: number, must: boolean) => `Table ${n}. ${must ? 'Points to correct' : 'Points to check again'}`,
    checksElsewhere: (n: number) => `There ${n === 1 ? 'is' : 'are'} also ${n} point${n === 1 ? '' : 's'} to check again, all listed on the review sheet of the attached workbook.`,
    fixHeader: ['No.', 'Question', 'Where', 'Finding'],
    where: (sheet?: string, cell?: string) => (sheet && cell ? `Sheet ${sheet}, cell ${cell}` : sheet ? `Sheet ${sheet}` : 'Whole file'),
    more: (n: number) => `${n} further point${n === 1 ? ' is' : 's are'} listed on the review sheet of the attached workbook.`,
    evidence: (n: number, pts: string | null) =>
      `In addition, the evidence for the following ${n} answer${n === 1 ? ' is' : 's is'} incomplete. Without evidence these answers can be refused at verification${pts ? `; by our estimate about ${pts} points depend on it` : ''}.`,
    evidenceTable: (n: number) => `Table ${n}. Incomplete evidence`,
    evidenceHeader: ['No.', 'Question', 'Where', 'Remark'],
    notNamed: 'No evidence named.',
    notReceived: (files: string) => `${files} not received.`,
    receivedEmpty: (files: string) => `${files} arrived empty (0 bytes); please send again.`,
    askFix: {
      'nota-dinas': (deadline: string) =>
        'Attached is a copy of that workbook with every cell to correct coloured and noted; its first sheet (Catatan Pemeriksaan) lists every point. ' +
        `Please make the corrections in that copy and send the workbook back to us with its evidence by ${deadline}.`,
      'surat-dinas': (deadline: string) =>
        'Attached is a copy of that workbook with every cell to correct coloured and noted; its first sheet (Catatan Pemeriksaan) lists every point. ' +
        `We kindly ask that the corrections be made in that copy and the workbook be sent back to us with its evidence by ${deadline}.`,
    },
    received: (ctx: string, opd: string, file: string, why: string) => `${ctx}, we have received the file "${file}" from ${opd}. We cannot use it yet because ${why}.`,
    why: (u: UnusableFile, project: Project): string => {
      const year = project.config.year;
      switch (u.code) {
        case 'KLA-E107':
          return `the workbook was made for the evaluation year ${String(u.params.found ?? '')}, while this evaluation is for ${year}`;
        case 'KLA-E108':
          return `the workbook names ${String(u.params.found ?? 'another district')}, not ${project.districtName}`;
        case 'KLA-E104':
        case 'KLA-E105':
          return `the workbook was made from another template, not the ${year} template we sent`;
        case 'KLA-E001':
          return 'the file is empty';
        case 'KLA-E005':
          return 'the file is in the old Excel format (.xls)';
        case 'KLA-E006':
          return 'the file is in OpenDocument format (.ods)';
        case 'KLA-E007':
          return 'the file is password-protected and cannot be opened';
        case 'KLA-E003':
        case 'KLA-E004':
        case 'KLA-E010':
          return 'the file is not an Excel workbook';
        case 'KLA-E008':
        case 'KLA-E009':
          return 'the file is too large to open';
        default:
          return 'the file is damaged or incomplete and cannot be opened';
      }
    },
    askAgain: {
      'nota-dinas': (template: string, deadline: string) =>
        `Please fill in the attached workbook template ("${template}") again and send it to us as an Excel file (.xlsx) without a password by ${deadline}, with its evidence.`,
      'surat-dinas': (template: string, deadline: string) =>
        `We kindly ask that the attached workbook template ("${template}") be filled in again and sent to us as an Excel file (.xlsx) without a password by ${deadline}, with its evidence.`,
    },
    notYet: (ctx: string, opd: string, n: number, date: string) => `${ctx}, ${opd} is the source of ${n} questions. As of ${date} we have not received its workbook.`,
    askSend: {
      'nota-dinas': (template: string, deadline: string) =>
        `Please fill in the attached workbook template ("${template}"), including the data officer's details and the evidence file of each answer, and send it to us as an Excel file (.xlsx) by ${deadline}, with the evidence files.`,
      'surat-dinas': (template: string, deadline: string) =>
        `We kindly ask that the attached workbook template ("${template}") be filled in, including the data officer's details and the evidence file of each answer, and sent to us as an Excel file (.xlsx) by ${deadline}, with the evidence files.`,
    },
    ignore: 'If the workbook has already been sent, please disregard this letter and let us know so that we can check it promptly.',
    close: 'Thank you for your attention and cooperation.',
    titleMeta: (kind: LetterKind, opd: string) => `${kind === 'nota-dinas' ? 'Memorandum' : 'Official letter'} to ${opd}`,
  },
} as const;

/**
 * Findings whose workbook sentence carries technical detail (a template
 * fingerprint, a catalog id) are worded plainly in a letter.
 */
const PLAIN: Record<Lang, Record<string, (d: Diagnostic) => string>> = {
  id: {
    'KLA-E106': () => 'Daftar pertanyaan pada templat ini berbeda dengan templat yang berlaku (kemungkinan templat versi lama). Mohon salin jawaban ke templat terbaru yang kami kirimkan.',
    'KLA-E203': (d) => `Nomor pertanyaan "${String(d.params.question ?? '')}" tidak dikenal, sehingga barisnya tidak dibaca. Mohon periksa nomor di kolom ${String(d.params.idColumn ?? 'A')} atau hapus baris tambahan tersebut.`,
  },
  en: {
    'KLA-E106': () => 'The question list of this template differs from the current template (probably an old version). Please copy the answers into the latest template we sent.',
    'KLA-E203': (d) => `Question number "${String(d.params.question ?? '')}" is unknown, so its row is not read. Please check the number in column ${String(d.params.idColumn ?? 'A')} or delete the added row.`,
  },
};

/** The letter to the OPD of `item` (which has a letter kind and number). */
export function letterContent(item: FeedbackItem, ctx: LetterContext): LetterModel {
  const t = T[ctx.lang];
  const { project, settings } = ctx;
  const o = item.standing;
  const kind = item.letter!;
  const year = project.config.year;
  const opd = o.opd.name;
  const context = t.context(project.districtName, year);
  const deadline = dateWords(settings.deadline, ctx.lang);
  const body: LetterBlock[] = [];

  if (item.kind === 'problems') {
    const fixes = item.findings.filter((d) => !EVIDENCE_CODES.has(d.code));
    const evidence = item.findings.filter((d) => EVIDENCE_CODES.has(d.code));
    const count = (s: Diagnostic['severity']) => fixes.filter((d) => d.severity === s).length;
    const saved = o.savedAt === null ? null : dateWords(o.savedAt.slice(0, 10), ctx.lang);
    const pts = o.atStake > 0 ? formatNumber(o.atStake, ctx.lang) : null;
    body.push({
      kind: 'p',
      text:
        fixes.length > 0
          ? t.checked(context, opd, base(o.file!), saved, t.found(count('error'), count('warning') + count('info')))
          : `${t.checkedEvidence(context, opd, base(o.file!), saved, evidence.length)} ${t.evidenceOnly(pts)}`,
    });
    // What must be corrected first, then what to check again: one table each, together at most TABLE_MAX rows.
    let n = 0;
    const row = (d: Diagnostic, i: number) => [String(i + 1), d.questionId ?? '-', t.where(d.location.sheet, d.location.cell), PLAIN[ctx.lang][d.code]?.(d) ?? ctx.message(d)];
    const must = fixes.filter((d) => d.severity === 'error');
    const check = fixes.filter((d) => d.severity !== 'error');
    const mustShown = must.slice(0, TABLE_MAX);
    const checkShown = check.slice(0, TABLE_MAX - mustShown.length);
    for (const [rows, all, isMust] of [[mustShown, must, true], [checkShown, check, false]] as const) {
      if (rows.length === 0) continue;
      n++;
      body.push({
        kind: 'table',
        caption: t.fixTable(n, isMust),
        header: [...t.fixHeader],
        widths: WIDTHS,
        rows: rows.map(row),
        ...(all.length > rows.length ? { note: t.more(all.length - rows.length) } : {}),
      });
    }
    if (check.length > 0 && checkShown.length === 0) body.push({ kind: 'p', text: t.checksElsewhere(check.length) });
    if (evidence.length > 0) {
      n++;
      if (fixes.length > 0) body.push({ kind: 'p', text: t.evidence(evidence.length, pts) });
      body.push({
        kind: 'table',
        caption: t.evidenceTable(n),
        header: [...t.evidenceHeader],
        widths: WIDTHS,
        rows: evidence.slice(0, TABLE_MAX).map((d, i) => [
          String(i + 1),
          d.questionId ?? '-',
          t.where(d.location.sheet, d.location.cell),
          d.code === 'KLA-W810' ? evidenceRemark(d, t) : t.notNamed,
        ]),
        ...(evidence.length > TABLE_MAX ? { note: t.more(evidence.length - TABLE_MAX) } : {}),
      });
    }
    body.push({ kind: 'p', text: t.askFix[kind](deadline) });
  } else if (item.kind === 'unusable') {
    const u = o.unusable[0]!;
    body.push({ kind: 'p', text: t.received(context, opd, base(u.file), t.why(u, project)) });
    body.push({ kind: 'p', text: t.askAgain[kind](ctx.templateFile, deadline) });
  } else {
    body.push({ kind: 'p', text: t.notYet(context, opd, o.assigned, dateWords(settings.date, ctx.lang)) });
    body.push({ kind: 'p', text: t.askSend[kind](ctx.templateFile, deadline) });
    body.push({ kind: 'p', text: t.ignore });
  }
  body.push({ kind: 'p', text: t.close });

  const c = project.config.signatories.coordinator;
  return {
    kind,
    lang: ctx.lang,
    letterhead: {
      government: t.government(project.districtName),
      office: settings.office.toUpperCase(),
      lines: [settings.address, settings.contact].filter((x): x is string => x !== undefined),
      logo: ctx.logo,
    },
    number: item.number!,
    place: settings.place,
    date: dateWords(settings.date, ctx.lang),
    sifat: t.sifat,
    lampiran: t.lampiran,
    hal: t.hal[item.kind](year),
    to: o.opd.head ?? t.head(opd),
    toPlace: settings.place,
    from: c.title,
    copies: settings.copies,
    body,
    signer: { title: c.title, name: c.name, nip: c.nip ?? '', ...(c.rank ? { rank: c.rank } : {}) },
    info: { title: `${t.titleMeta(kind, opd)}: ${t.hal[item.kind](year)}`, author: c.title, creationDate: new Date(`${settings.date}T00:00:00Z`) },
  };
}
