/** Languages of user-facing text. Indonesian is the default everywhere. */
export type Lang = 'id' | 'en';

/** A user-facing text in both languages. */
export interface Localized {
  id: string;
  en: string;
}

/**
 * An error the user can act on: printed as its message in the chosen language,
 * without a stack trace. `details` are extra lines (e.g. each problem found).
 */
export class KlaError extends Error {
  constructor(
    readonly text: Localized,
    readonly details: Localized[] = [],
    /** Exit code for the CLI: 2 for usage and input errors, 1 for findings. */
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(text.en);
    this.name = 'KlaError';
  }

  render(lang: Lang): string {
    return [this.text[lang], ...this.details.map((d) => `  - ${d[lang]}`)].join('\n');
  }
}

/** Indonesian number formatting (1.000,25) used in every human-readable output. */
export function formatNumber(n: number, lang: Lang, digits = 2): string {
  return n.toLocaleString(lang === 'id' ? 'id-ID' : 'en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}
