/**
 * Test helpers for annotated feedback workbooks: the annotation input kla
 * feedback makes from one file's validation findings, and readers for the raw
 * parts of a result.
 */
import path from 'node:path';
import type { ValidationReport } from '../src/validate/index.js';
import { formatMessage } from '../src/diagnostics/index.js';
import { loadProject } from '../src/project/config.js';
import { letterSettings } from '../src/feedback/plan.js';
import { annotationInput } from '../src/feedback/workbook.js';
import type { AnnotateInput } from '../src/workbook/annotate.js';
import { unzipAll } from './validate-helpers.js';

const project = loadProject(path.resolve('fixtures/merangin'));
const settings = letterSettings(project);

/** The annotation kla feedback makes of one file's findings (the example district's letter settings). */
export function reviewInput(report: Pick<ValidationReport, 'diagnostics'>, file: string, opdName: string): AnnotateInput {
  const findings = report.diagnostics.filter((d) => d.location.file === file && d.code !== 'KLA-I013');
  return annotationInput({ file, savedAt: null, opdName, findings }, { settings, year: project.config.year, district: project.districtName, lang: 'id', message: (d) => formatMessage(d, 'id') });
}

const sample = reviewInput({ diagnostics: [] }, 'contoh.xlsx', 'Dinas Uji');
/** The date of the letters in the example's config, which dates the annotated copies. */
export const FEEDBACK_DATE = sample.date;
/** The line kla feedback puts above its messages in a cell's note. */
export const NOTE_HEADING = sample.noteHeading;

/** Every part of a zip as text, by name. */
export async function partsOf(buf: Buffer): Promise<Map<string, Buffer>> {
  return new Map((await unzipAll(buf)).map((e) => [e.name, e.data]));
}

/** The part of a sheet by its name, through the workbook and its relationships. */
export function sheetPart(parts: Map<string, Buffer>, name: string): string {
  const wb = parts.get('xl/workbook.xml')!.toString('utf8');
  const rels = parts.get('xl/_rels/workbook.xml.rels')!.toString('utf8');
  const tag = [...wb.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]).find((t) => decode(/\sname="([^"]*)"/.exec(t)![1]!) === name);
  if (!tag) throw new Error(`no sheet ${name}`);
  const rid = /\sr:id="([^"]*)"/.exec(tag)![1];
  const target = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`Id="${rid}"`))!;
  const t = /Target="([^"]*)"/.exec(target)![1]!;
  return t.startsWith('/') ? t.slice(1) : `xl/${t}`;
}

export const decode = (s: string) =>
  s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e]!,
  );

/** Hyperlinks of a sheet part: cell, location and the cell's own text. */
export function hyperlinks(xml: string): { ref: string; location: string; text: string }[] {
  const texts = new Map([...xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*t="inlineStr"[^>]*><is><t[^>]*>([^<]*)<\/t><\/is><\/c>/g)].map((m) => [m[1]!, decode(m[2]!)]));
  return [...xml.matchAll(/<hyperlink\b[^>]*>/g)].map((m) => {
    const ref = /\sref="([^"]*)"/.exec(m[0])![1]!;
    return { ref, location: decode(/\slocation="([^"]*)"/.exec(m[0])![1]!), text: texts.get(ref) ?? '' };
  });
}

/** The inline strings of a sheet part, in order. */
export function inlineStrings(xml: string): string[] {
  return [...xml.matchAll(/<is><t[^>]*>([^<]*)<\/t><\/is>/g)].map((m) => decode(m[1]!));
}
