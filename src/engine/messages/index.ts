/** Renders an outcome detail as a sentence in a locale (en default). */
import type { Detail } from '../../rules/outcomes.js';
import { en, enFormat } from './en.js';
import { fr, frFormat } from './fr.js';
import { nl, nlFormat } from './nl.js';
import type { Format, Locale, MessageMap } from './types.js';

export type { Locale, MessageMap, Format } from './types.js';
export { en, fr, nl };

const MAPS: Record<Locale, { map: MessageMap; format: Format }> = {
  en: { map: en, format: enFormat },
  fr: { map: fr, format: frFormat },
  nl: { map: nl, format: nlFormat },
};

export const LOCALES: readonly Locale[] = ['en', 'fr', 'nl'];

export function isLocale(s: unknown): s is Locale {
  return s === 'en' || s === 'fr' || s === 'nl';
}

/** The message of an outcome in `locale`. */
export function render(detail: Detail, locale: Locale = 'en'): string {
  const { map, format } = MAPS[locale] ?? MAPS.en;
  return (map[detail.code] as (d: Detail, f: Format) => string)(detail, format);
}
