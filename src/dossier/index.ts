/**
 * The documents as a library: data in, PDF bytes out.
 *   buildDossierModel(input)             the content of both documents (pure)
 *   loadTemplates(dir?)                  the dossier's narrative templates, checked before use
 *   renderDocuments(input, templates)    the dossier the Bupati signs and the team's working report
 */
import { buildDossierModel, type DossierInput, type DossierModel } from './model.js';
import { buildView, sealView } from './narrative.js';
import { renderDocument, type Rendered } from './layout.js';
import { numberOutline } from './outline.js';
import { dossierFront, dossierOutline, signingPlace } from './dossier.js';
import { reportFront, reportOutline } from './report.js';
import { COLORS } from './parts.js';
import type { LoadedTemplates, Narrative } from './templates.js';

export { buildDossierModel, type DossierInput, type DossierModel } from './model.js';
export { loadTemplates, TEMPLATE_NAMES, type LoadedTemplates } from './templates.js';
export { documentDate } from './date.js';
export { recapSheets } from './recap.js';

export interface Documents {
  model: DossierModel;
  dossier: Rendered;
  report: Rendered;
}

/** Build the content, render the narrative, and lay out and render both documents. */
export async function renderDocuments(input: DossierInput, templates: LoadedTemplates, opts: { place?: string | undefined; pdfDate: Date }): Promise<Documents> {
  const model = buildDossierModel(input);
  const place = signingPlace(model, opts.place);
  // The narrative needs the outline's numbers (its cross-references); the outline's parts read the narrative when laid out.
  const rendered: { narrative?: Narrative } = {};
  const outline = dossierOutline(model, () => rendered.narrative!);
  rendered.narrative = templates.render(sealView(buildView(model, numberOutline(outline), place)));
  const narrative = rendered.narrative;
  const district = model.district.name;
  const watermark = model.draft ? { text: 'DRAF', color: COLORS.alert } : model.watermark ? { text: model.watermark, color: COLORS.muted } : undefined;
  const dossier = await renderDocument({
    title: `Dokumen Evaluasi Mandiri KLA ${district} Tahun ${model.year}`,
    info: { author: `Pemerintah ${district}`, subject: 'Evaluasi Mandiri Kabupaten/Kota Layak Anak', keywords: `Kabupaten/Kota Layak Anak, evaluasi mandiri, ${district}, ${model.year}` },
    date: opts.pdfDate,
    ...dossierFront(model, narrative, place),
    lists: { tables: true, figures: true },
    outline,
    watermark,
    badge: model.draft ? 'DRAF, BELUM FINAL' : undefined,
    images: model.district.logo ? { emblem: model.district.logo } : {},
  });
  const report = await renderDocument({
    title: `Laporan Kerja Tim KLA ${district} Tahun ${model.year}`,
    info: { author: `Dinas Pemberdayaan Perempuan dan Perlindungan Anak ${district}`, subject: 'Laporan kerja evaluasi mandiri Kabupaten/Kota Layak Anak', keywords: `Kabupaten/Kota Layak Anak, laporan kerja, ${district}, ${model.year}` },
    date: opts.pdfDate,
    ...reportFront(model),
    lists: { tables: true, figures: true },
    outline: reportOutline(model),
    badge: 'TIDAK UNTUK DIAJUKAN',
  });
  return { model, dossier, report };
}
