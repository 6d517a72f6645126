/**
 * The indicator catalog: the KLA instrument as data. Everything else in kla
 * (templates, validation, scoring, the dossier) is driven by a value of type
 * `Catalog`, so a new instrument year or a district's adjusted rubric is a new
 * data file, not new code.
 */
import { z } from 'zod';

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9.\-]*$/, 'id: huruf, angka, titik atau tanda hubung tanpa spasi');
const fraction = z.number();

/** An answer option of an availability or narrative question and the fraction of the maximum it earns. */
export const optionSchema = z.object({
  value: z.string().min(1).max(120),
  fraction,
});

/** A threshold for percent or count answers: `higher` means value >= threshold, `lower` means value <= threshold. */
export const bandSchema = z.object({
  threshold: z.number(),
  fraction,
});

export const rubricSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('options'),
    description: z.string(),
    options: z.array(optionSchema).min(1),
  }),
  z.object({
    kind: z.literal('bands'),
    description: z.string(),
    better: z.enum(['higher', 'lower']),
    bands: z.array(bandSchema).min(1),
    otherwise: fraction,
  }),
  z.object({
    kind: z.literal('trend'),
    description: z.string(),
    better: z.enum(['higher', 'lower']),
    /** Fraction when the value moved the right way (or is already 0 where lower is better). */
    improved: fraction,
    unchanged: fraction,
    worsened: fraction,
    /** Fraction when the previous year's value is missing. */
    noPrevious: fraction,
  }),
]);

export const answerTypes = ['availability', 'percent', 'count', 'narrative'] as const;
export type AnswerType = (typeof answerTypes)[number];

export const questionSchema = z.object({
  id,
  text: z.string().min(1),
  /** Points as the instrument states them; see `Indicator.questionMaxima`. */
  max: z.number().min(0),
  sources: z.array(z.string()).min(1),
  answerType: z.enum(answerTypes),
  rubric: z.string(),
  /** The question asks for the evaluated year and the year before. */
  previousYear: z.boolean(),
  evidenceRequired: z.boolean(),
  /** The answer must be explained in the note column ("jelaskan dalam catatan"). */
  noteRequired: z.boolean(),
  /** Asked per kecamatan or desa/kelurahan (the answer is a share of them). */
  scope: z.enum(['kabupaten', 'kecamatan', 'desa']),
});

export const indicatorSchema = z.object({
  id,
  name: z.string().min(1),
  max: z.number().positive(),
  /**
   * `points`: question maxima are points and must add up to `max`.
   * `weights`: the indicator maximum governs; question maxima are relative
   * weights inside it (used where the source's question maxima disagree).
   */
  questionMaxima: z.enum(['points', 'weights']),
  questions: z.array(questionSchema).min(1),
});

export const groupSchema = z.object({
  id,
  /** Short label used in tables, e.g. "Klaster I". */
  label: z.string().min(1),
  name: z.string().min(1),
  max: z.number().positive(),
  indicators: z.array(indicatorSchema).min(1),
});

export const sourceSchema = z.object({
  /** The name the instrument uses, e.g. "Dinkes". Questions refer to sources by this id. */
  id: z.string().min(1),
  name: z.string().min(1),
  aliases: z.array(z.string()).default([]),
});

export const predikatSchema = z.object({
  /**
   * `upper-inclusive`: totals are compared at full precision; a total belongs to
   * the band whose `max` it does not exceed and whose predecessor's `max` it
   * exceeds; the lowest band starts at its `min` inclusive. So 600 is Pratama
   * and 600.01 is Madya.
   */
  decimalRule: z.literal('upper-inclusive'),
  bands: z.array(z.object({ name: z.string().min(1), min: z.number(), max: z.number() })).min(1),
});

export const catalogSchema = z.object({
  schemaVersion: z.literal(1),
  id,
  title: z.string().min(1),
  /** Where the instrument comes from and how trustworthy it is. */
  provenance: z.string().min(1),
  totalMax: z.number().positive(),
  predikat: predikatSchema,
  sources: z.array(sourceSchema).min(1),
  rubrics: z.record(z.string(), rubricSchema),
  groups: z.array(groupSchema).min(1),
  /** How each inconsistency of the source was resolved in this file. */
  resolutions: z.array(z.object({ issue: z.string(), resolution: z.string() })).default([]),
});

export type Option = z.infer<typeof optionSchema>;
export type Rubric = z.infer<typeof rubricSchema>;
export type Question = z.infer<typeof questionSchema>;
export type Indicator = z.infer<typeof indicatorSchema>;
export type Group = z.infer<typeof groupSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type CatalogData = z.infer<typeof catalogSchema>;
