/** Languages of user-facing text. Indonesian is the default everywhere. */
export type Lang = 'id' | 'en';

/** A user-facing text in both languages. */
export interface Localized {
  id: string;
  en: string;
}

/** Indonesian number formatting (1.000,25) used in every human-readable output. */
export function formatNumber(n: number, lang: Lang, digits = 2): string {
  return n.toLocaleString(lang === 'id' ? 'id-ID' : 'en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}
