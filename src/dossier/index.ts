/**
 * The dossier as a library: data in, PDF bytes out.
 *   buildDossierModel(input)          content model (pure)
 *   loadTemplates(dir?)               narrative templates, checked before use
 *   layoutDossier(model, narrative)   pdfmake definition (pure)
 *   renderDossier(input, templates)   all three, then the PDF bytes
 */
import { buildDossierModel, type DossierInput, type DossierModel } from './model.js';
import { buildView, sealView } from './narrative.js';
import { layoutDossier } from './layout.js';
import { renderPdf } from './render.js';
import type { LoadedTemplates } from './templates.js';

export { buildDossierModel, type DossierInput, type DossierModel, type Finding } from './model.js';
export { loadTemplates, TEMPLATE_NAMES, type LoadedTemplates } from './templates.js';
export { documentDate } from './date.js';
export { recapSheets } from './recap.js';

/** Build the model, render the narrative and lay out and render the PDF. */
export async function renderDossier(input: DossierInput, templates: LoadedTemplates): Promise<{ pdf: Buffer; model: DossierModel; pages: number }> {
  const model = buildDossierModel(input);
  const narrative = templates.render(sealView(buildView(model, input.config.profile)));
  const pdf = await renderPdf(layoutDossier(model, narrative));
  return { pdf, model, pages: countPages(pdf) };
}

/** Pages of a PDF written by pdfkit (uncompressed page objects): for the summary line only. */
export function countPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
}
