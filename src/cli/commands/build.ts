/**
 * `kla build`: validate, score and render the dossier PDF (and optionally a
 * recap workbook). Everything that can be checked without reading workbooks
 * (templates, logo, output paths, evidence folder) is checked first; nothing
 * is written until every output is complete in memory, and then atomically,
 * so a failed run never leaves a half-written file or replaces a good one.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CliContext } from '../context.js';
import { evidenceDirFor, openProject } from '../project.js';
import { formatNumber, KlaError, type Lang } from '../../i18n.js';
import { writeFileAtomic } from '../../io/files.js';
import type { Project } from '../../project/config.js';
import { formatMessage, validateInputs } from '../../validate/index.js';
import { gapPlan, score, type ScoreOptions } from '../../score/index.js';
import { readEvidenceFolder } from '../../score/evidence-files.js';
import { toolVersion } from '../../version.js';
import type { Diagnostic } from '../../model.js';
import { loadTemplates } from '../../dossier/templates.js';
import { renderDossier } from '../../dossier/index.js';
import { preparePdfmake } from '../../dossier/render.js';
import { recapSheets, recapWorkbook } from '../../dossier/recap.js';
import { documentDate, sourceDateEpoch } from '../../dossier/date.js';
import type { DossierInput, Finding } from '../../dossier/model.js';
import { roundShown, totalDigits } from '../../score/engine.js';

interface BuildOpts {
  project?: string;
  out?: string;
  draft?: boolean;
  xlsx?: string;
  templates?: string;
  evidence?: string;
}

/** How many validation errors the refusal lists before "… and N more". */
const SHOWN_ERRORS = 10;

export default async function run(inputs: string[], rawOpts: Record<string, unknown>, ctx: CliContext): Promise<number> {
  const opts = rawOpts as BuildOpts;
  const id = ctx.lang === 'id';
  const project = openProject(opts.project, ctx.cwd);
  const catalog = project.catalog;
  const year = project.config.year;

  const out = opts.out !== undefined ? path.resolve(ctx.cwd, opts.out) : path.join(project.paths.output, `dokumen-kla-${year}.pdf`);
  const xlsx = opts.xlsx !== undefined ? path.resolve(ctx.cwd, opts.xlsx) : undefined;
  if (xlsx !== undefined && path.resolve(xlsx) === path.resolve(out)) {
    throw new KlaError({ id: 'Berkas --xlsx tidak boleh sama dengan berkas PDF tujuan.', en: 'The --xlsx file must differ from the PDF output file.' });
  }
  const shown = (f: string) => displayPath(f, ctx.cwd);

  // Checks that need no workbook come first: a typo in a template fails in a second.
  const templateDir =
    opts.templates !== undefined
      ? path.resolve(ctx.cwd, opts.templates)
      : project.config.dossierTemplates !== undefined
        ? path.resolve(project.dir, project.config.dossierTemplates)
        : undefined;
  const templates = loadTemplates(templateDir);
  sourceDateEpoch(ctx.env); // a malformed value is a usage error now, not after the slow part
  for (const w of templates.warnings) ctx.err(ctx.paint.warn(w[ctx.lang]) + '\n');
  const logo = project.config.district.logo !== undefined ? readLogo(path.resolve(project.dir, project.config.district.logo)) : null;
  const evidenceDir = evidenceDirFor(project, opts.evidence, ctx.cwd);
  const evidence = evidenceDir !== undefined ? await readEvidenceFolder(evidenceDir) : undefined;

  const progress = await ctx.progress(id ? 'Memeriksa lembar kerja OPD…' : 'Checking the OPD workbooks…');
  preparePdfmake(); // loads while the workbooks are read in worker threads
  try {
    const report = await validateInputs(project, inputs, { cwd: ctx.cwd });
    const errors = report.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0 && !opts.draft) {
      progress.stop();
      ctx.err(ctx.paint.error(refusal(errors, ctx.lang)) + '\n');
      return 1;
    }
    if (report.submissions.length === 0) {
      throw new KlaError({
        id: `Tidak ada lembar kerja OPD yang dapat dinilai${inputs.length ? ` pada ${inputs.join(', ')}` : ` di folder ${project.paths.submissions}`}; dokumen tidak disusun.`,
        en: `No OPD workbook to score${inputs.length ? ` in ${inputs.join(', ')}` : ` in folder ${project.paths.submissions}`}; the dossier was not built.`,
      });
    }

    progress.update(id ? 'Menghitung nilai…' : 'Scoring…');
    const options: ScoreOptions = {
      opdOrder: project.config.opds.map((o) => o.code),
      responsible: (q) => project.opdsForQuestion(q).map((o) => o.code),
    };
    if (evidence) options.evidence = evidence;
    const result = score(catalog, report.submissions.flatMap((s) => s.answers), options);
    const target = nextPredikat(catalog.predikat.bands, result.predikat, result.forecast.predikat);
    const plan = target === null ? null : gapPlan(result, catalog.predikat, target);

    progress.update(id ? 'Menyusun dokumen PDF…' : 'Rendering the PDF…');
    const submissionFiles = report.files.filter((f) => f.status === 'submission').map((f) => path.resolve(ctx.cwd, f.file));
    const input: DossierInput = {
      catalog,
      config: project.config,
      districtName: project.districtName,
      submissions: report.submissions,
      files: report.files.filter((f) => f.sha256 !== undefined).map((f) => ({ file: f.file, sha256: f.sha256!, opdCode: f.opdCode ?? null })),
      findings: report.diagnostics.map((d) => finding(d, (v) => (existsSync(path.resolve(ctx.cwd, v)) ? projectLabel(project, path.resolve(ctx.cwd, v), v) : v))),
      score: result,
      plan,
      draft: Boolean(opts.draft),
      date: await documentDate(ctx.env, submissionFiles, year),
      toolVersion: toolVersion(),
      logo,
      evidenceChecked: evidence !== undefined,
      fileLabel: (f) => projectLabel(project, path.resolve(ctx.cwd, f), f),
    };
    const { pdf, model, pages } = await renderDossier(input, templates);
    let recap: Buffer | undefined;
    if (xlsx !== undefined) {
      recap = await recapWorkbook(recapSheets(model, catalog, report.submissions), input.date);
    }

    write(out, pdf);
    if (xlsx !== undefined && recap) write(xlsx, recap);

    const shownTotal = (x: number) => {
      const d = totalDigits(x, catalog.predikat);
      return formatNumber(roundShown(x, d), ctx.lang, d);
    };
    const total = shownTotal(result.total);
    const forecast = shownTotal(result.forecast.total);
    const none = id ? 'belum berpredikat' : 'no predikat';
    progress.succeed(
      id
        ? `Dokumen ${opts.draft ? 'DRAF ' : ''}ditulis ke ${shown(out)} (${pages} halaman).`
        : `${opts.draft ? 'DRAFT dossier' : 'Dossier'} written to ${shown(out)} (${pages} pages).`,
    );
    ctx.out(
      id
        ? `Perkiraan nilai evaluasi mandiri ${total} (${result.predikat ?? none}); prakiraan setelah verifikasi ${forecast} (${result.forecast.predikat ?? none}).\n`
        : `Self-evaluation estimate ${total} (${result.predikat ?? none}); verification forecast ${forecast} (${result.forecast.predikat ?? none}).\n`,
    );
    if (xlsx !== undefined) ctx.out(id ? `Rekap Excel ditulis ke ${shown(xlsx)}.\n` : `Recap workbook written to ${shown(xlsx)}.\n`);
    if (evidenceDir === undefined) {
      ctx.err(
        ctx.paint.dim(
          id
            ? 'Catatan: folder data dukung tidak ditemukan atau kosong; prakiraan verifikasi hanya memeriksa apakah data dukung disebutkan (gunakan --evidence <folder>).'
            : 'Note: no evidence folder found (or it is empty); the verification forecast only checks that evidence is named (use --evidence <folder>).',
        ) + '\n',
      );
    }
    if (errors.length > 0) {
      ctx.err(
        ctx.paint.warn(
          id
            ? `Perhatian: dokumen disusun sebagai DRAF. ${errors.length} kesalahan validasi tercantum pada Lampiran F dan jawaban yang bersangkutan tidak dihitung.`
            : `Warning: the dossier is a DRAFT. ${errors.length} validation errors are listed in Lampiran F and the answers concerned were not counted.`,
        ) + '\n',
      );
    }
    return 0;
  } catch (e) {
    progress.stop();
    throw e;
  }
}

/**
 * A diagnostic worded for the dossier. Paths in its parameters are relative to
 * the folder the command ran in; they are shown relative to the project, like
 * every other path in the dossier, so the PDF is the same from any folder.
 */
function finding(d: Diagnostic, label: (file: string) => string): Finding {
  // Only values naming an existing file or folder are paths; "Bupati/Wali Kota" is not.
  const params = Object.fromEntries(Object.entries(d.params).map(([k, v]) => [k, typeof v === 'string' && looksLikePath(v) ? label(v) : v]));
  const f: Finding = { code: d.code, severity: d.severity, file: d.location.file, message: formatMessage({ ...d, params }, 'id') };
  if (d.location.sheet !== undefined) f.sheet = d.location.sheet;
  if (d.location.cell !== undefined) f.cell = d.location.cell;
  if (d.questionId !== undefined) f.questionId = d.questionId;
  return f;
}

const looksLikePath = (v: string) => /[\\/]/.test(v) || /\.(xlsx|xlsm|xls|ods|csv)$/i.test(v);

function refusal(errors: Diagnostic[], lang: Lang): string {
  const files = new Set(errors.map((d) => d.location.file)).size;
  const lines = errors.slice(0, SHOWN_ERRORS).map((d) => {
    const at = [d.location.file, [d.location.sheet, d.location.cell].filter(Boolean).join('!')].filter(Boolean).join(' ');
    return `  - ${at ? `${at}: ` : ''}${formatMessage(d, lang)}`;
  });
  const more = errors.length - SHOWN_ERRORS;
  return lang === 'id'
    ? [
        `Dokumen tidak disusun: pemeriksaan menemukan ${errors.length} kesalahan pada ${files} berkas. Tidak ada berkas yang ditulis.`,
        ...lines,
        ...(more > 0 ? [`  … dan ${more} kesalahan lainnya.`] : []),
        'Mohon perbaiki lembar kerjanya (rincian lengkap: "kla validate"), atau gunakan --draft untuk menyusun draf bertanda DRAF beserta daftar masalahnya.',
      ].join('\n')
    : [
        `The dossier was not built: validation found ${errors.length} error${errors.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}. Nothing was written.`,
        ...lines,
        ...(more > 0 ? [`  … and ${more} more.`] : []),
        'Please correct the workbooks (full list: "kla validate"), or use --draft to render a draft marked DRAF with the list of problems.',
      ].join('\n');
}

/**
 * The predikat the plan aims at: the band above the self-evaluation estimate;
 * at the top band, the top band itself while the forecast is still below it
 * (so the plan says what keeps it through verification); otherwise none.
 */
export function nextPredikat(bands: readonly { name: string; min: number }[], current: string | null, forecast: string | null): string | null {
  const names = [...bands].sort((a, b) => a.min - b.min).map((b) => b.name);
  if (current === null) return names[0] ?? null;
  const i = names.indexOf(current);
  if (i < names.length - 1) return names[i + 1]!;
  return forecast === current ? null : current;
}

const PNG = [0x89, 0x50, 0x4e, 0x47];
const JPEG = [0xff, 0xd8, 0xff];

/** The district logo as a data URL, after checking it is a PNG or JPEG of sensible size. */
function readLogo(file: string): string {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (e) {
    throw new KlaError({
      id: `Logo ${file} (district.logo di kla.config.json) tidak dapat dibaca: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'berkas tidak ditemukan' : (e as Error).message}.`,
      en: `Logo ${file} (district.logo in kla.config.json) cannot be read: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (e as Error).message}.`,
    });
  }
  const is = (sig: number[]) => sig.every((b, i) => buf[i] === b);
  const type = is(PNG) ? 'png' : is(JPEG) ? 'jpeg' : null;
  if (type === null || buf.length > 10 * 1024 * 1024) {
    throw new KlaError({
      id: `Logo ${file} harus berupa gambar PNG atau JPEG berukuran paling besar 10 MB.`,
      en: `Logo ${file} must be a PNG or JPEG image of at most 10 MB.`,
    });
  }
  return `data:image/${type};base64,${buf.toString('base64')}`;
}

/** A path inside the project as the dossier shows it: relative, with '/' (the same on every machine). */
function projectLabel(project: Project, abs: string, fallback: string): string {
  const rel = path.relative(project.dir, abs);
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? fallback : rel.split(path.sep).join('/');
}

function displayPath(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel;
}

function write(file: string, data: Buffer): void {
  try {
    writeFileAtomic(file, data);
  } catch (e) {
    throw new KlaError({
      id: `Berkas ${file} tidak dapat ditulis: ${(e as Error).message}. Bila berkas itu sedang dibuka (mis. di pembaca PDF atau Excel), tutup dahulu lalu ulangi.`,
      en: `Cannot write ${file}: ${(e as Error).message}. If the file is open (e.g. in a PDF viewer or Excel), close it and try again.`,
    });
  }
}
