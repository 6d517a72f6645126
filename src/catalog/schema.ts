/**
 * The indicator catalog: the KLA instrument as data. Everything else in kla
 * (templates, validation, scoring, the dossier) is driven by a value of type
 * `Catalog`, so a new instrument year or a district's adjusted rubric is a new
 * data file, not new code.
 *
 * Format version 2 (docs/catalog.md): question maxima are the points the
 * instrument states, one catalog-wide `indicatorOverflow` rule says what an
 * indicator whose questions add up to more than its maximum is worth, and
 * evidence is required for every answer that earns points unless a question
 * names its exemption with the reason.
 */
import { z } from 'zod';

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9.-]*$/, 'id: huruf, angka, titik atau tanda hubung tanpa spasi');
const fraction = z.number();
const text = z.string().min(1);

/** An answer option of an availability or narrative question and the fraction of the maximum it earns. */
export const optionSchema = z.object({
  value: z.string().min(1).max(120),
  fraction,
}).strict();

/** A threshold for percent or count answers: `higher` means value >= threshold, `lower` means value <= threshold. */
export const bandSchema = z.object({
  threshold: z.number(),
  fraction,
}).strict();

/** Shared by every rubric kind: what the templates show an OPD about it. */
const rubricText = {
  /** Heading of the rubric in a template's instructions, e.g. "Bentuk kebijakan". */
  title: text,
  description: z.string(),
};

export const rubricSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('options'),
    ...rubricText,
    options: z.array(optionSchema).min(1),
  }).strict(),
  z.object({
    kind: z.literal('bands'),
    ...rubricText,
    better: z.enum(['higher', 'lower']),
    bands: z.array(bandSchema).min(1),
    otherwise: fraction,
  }).strict(),
  z.object({
    kind: z.literal('trend'),
    ...rubricText,
    better: z.enum(['higher', 'lower']),
    /** Fraction when the value moved the right way (or is already 0 where lower is better). */
    improved: fraction,
    unchanged: fraction,
    worsened: fraction,
    /** Fraction when the previous year's value is missing. */
    noPrevious: fraction,
  }).strict(),
]);

export const answerTypes = ['availability', 'percent', 'count', 'narrative'] as const;
export type AnswerType = (typeof answerTypes)[number];

/**
 * What a question is asked of:
 * - `kabupaten`: the district as a whole;
 * - `share-of-kecamatan` / `share-of-desa`: the answer is the percentage of
 *   kecamatan, or of desa/kelurahan, that meet the question's criterion;
 * - `each-desa`: the question is asked of every desa/kelurahan in turn (a yes/no
 *   per desa), not as a share.
 */
export const scopes = ['kabupaten', 'share-of-kecamatan', 'share-of-desa', 'each-desa'] as const;
export type Scope = (typeof scopes)[number];

export const questionSchema = z.object({
  id,
  text,
  /** Points as the instrument states them. */
  max: z.number().min(0),
  sources: z.array(z.string()).min(1),
  answerType: z.enum(answerTypes),
  rubric: z.string(),
  /** The question asks for the evaluated year and the year before. */
  previousYear: z.boolean(),
  /**
   * Evidence (data dukung) is required for every answer that earns points; a
   * question exempt from that rule says why here. Questions worth 0 points need
   * no exemption: nothing is verified there.
   */
  evidenceExemption: text.optional(),
  /** The answer must be explained in the note column ("jelaskan dalam catatan"). */
  noteRequired: z.boolean(),
  scope: z.enum(scopes),
  /**
   * A question asked of every kecamatan or desa/kelurahan: what one row of its
   * matrix says yes to ("Memiliki Forum Anak Desa/Kelurahan"), short enough
   * for a column heading. Without it the matrix heads the column with the
   * question's text.
   */
  criterion: text.optional(),
  /**
   * An `each-desa` question: the district's answer (an option of its rubric)
   * when every desa/kelurahan of the matrix says yes (`all`), some do
   * (`some`), or none does (`none`). Without it the question is answered by
   * an OPD as any other, and the matrix leaves it out.
   */
  rollup: z.object({ all: text, some: text, none: text }).strict().optional(),
}).strict();

export const indicatorSchema = z.object({
  id,
  name: text,
  /** The indicator's maximum as the instrument states it; see `indicatorOverflow`. */
  max: z.number().positive(),
  questions: z.array(questionSchema).min(1),
}).strict();

/**
 * The part of the KLA framework a group belongs to: institutions, one of the
 * rights clusters, or KLA in kecamatan and desa/kelurahan. The framework's
 * count of indicators ("24 indikator") is that of the first two kinds.
 */
export const groupKinds = ['kelembagaan', 'klaster', 'kelana-dekela'] as const;

export const groupSchema = z.object({
  id,
  kind: z.enum(groupKinds),
  /** Short label used in tables, e.g. "Klaster I". */
  label: text,
  name: text,
  max: z.number().positive(),
  indicators: z.array(indicatorSchema).min(1),
}).strict();

export const sourceSchema = z.object({
  /** The name the instrument uses, e.g. "Dinkes". Questions refer to sources by this id. */
  id: text,
  name: text,
  aliases: z.array(z.string()).default([]),
}).strict();

export const predikatSchema = z.object({
  /**
   * `upper-inclusive`: totals are compared at full precision; a total belongs to
   * the band whose `max` it does not exceed and whose predecessor's `max` it
   * exceeds; the lowest band starts at its `min` inclusive. So 600 is Pratama
   * and 600.01 is Madya.
   */
  decimalRule: z.literal('upper-inclusive'),
  bands: z.array(z.object({ name: text, min: z.number(), max: z.number() }).strict()).min(1),
}).strict();

/** Kinds of letter: a Nota Dinas inside the Pemda, a Surat Dinas to a vertical or outside body, or none. */
export const LETTER_KINDS = ['nota-dinas', 'surat-dinas', 'none'] as const;

/**
 * What an OPD's name and head in `defaultOpds` may say in braces, filled in by
 * `kla init` for the district: {daerah} is the district as named ("Kabupaten
 * Merangin", "Kota Bogor": Kantor Kementerian Agama Kabupaten Merangin),
 * {wilayah} the name vertical offices carry ("Merangin" for a kabupaten:
 * Kejaksaan Negeri Merangin; "Kota Bogor" for a kota).
 */
export const OPD_PLACEHOLDERS = ['daerah', 'wilayah'] as const;

/** An office of a typical district, as `kla init` proposes it for this catalog. */
export const defaultOpdSchema = z.object({
  code: text,
  /** May hold the OPD_PLACEHOLDERS ("Kejaksaan Negeri {wilayah}"). */
  name: text,
  aliases: z.array(z.string()).default([]),
  sources: z.array(text).min(1),
  /** The letter kla feedback writes: a Surat Dinas to a vertical or outside body (Kejaksaan, Forum Anak), else a Nota Dinas. */
  letter: z.enum(LETTER_KINDS).optional(),
  /** The title of its head where it is not "Kepala " + name ("Ketua Pengadilan Agama"). */
  head: text.optional(),
}).strict();

export const catalogSchema = z.object({
  $comment: z.string().optional(),
  schemaVersion: z.literal(2),
  id,
  /** The year of the instrument (not of an evaluation): `kla init` proposes the newest shipped one. */
  year: z.number().int().min(2000).max(2100),
  title: text,
  /** Where the instrument comes from and how trustworthy it is. */
  provenance: text,
  /** The total the instrument states (the sum of its groups' maxima). */
  totalMax: z.number().positive(),
  /**
   * An indicator whose question maxima add up to more than the indicator's
   * maximum: `cap` counts its question points up to the indicator's maximum (the
   * total stays `totalMax`); `sum` counts every question point as a published
   * recap sums them, and the indicator's, group's and total maximum grow to the
   * question sums (the loader derives them, and the top predikat edge with them).
   */
  indicatorOverflow: z.enum(['cap', 'sum']),
  predikat: predikatSchema,
  sources: z.array(sourceSchema).min(1),
  rubrics: z.record(z.string(), rubricSchema),
  groups: z.array(groupSchema).min(1),
  /** How each inconsistency of the source was resolved in this file (formal Indonesian: printed for officials). */
  resolutions: z.array(z.object({ issue: text, resolution: text }).strict()).default([]),
  /** Corrections made to the source's question texts: each with the text as the source has it. */
  corrections: z.array(z.object({ questions: z.array(z.string()).min(1), from: text, to: z.string() }).strict()).default([]),
  /** Flaws of the source whose right text is not known: recorded, not guessed. */
  sourceProblems: z.array(z.object({ questions: z.array(z.string()), problem: text }).strict()).default([]),
  /** The OPD list `kla init` writes for this catalog. */
  defaultOpds: z.array(defaultOpdSchema).optional(),
}).strict();

export type Option = z.infer<typeof optionSchema>;
export type Rubric = z.infer<typeof rubricSchema>;
export type Question = z.infer<typeof questionSchema>;
export type Indicator = z.infer<typeof indicatorSchema>;
export type Group = z.infer<typeof groupSchema>;
export type GroupKind = (typeof groupKinds)[number];
export type Source = z.infer<typeof sourceSchema>;
export type CatalogData = z.infer<typeof catalogSchema>;
