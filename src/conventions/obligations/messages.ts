/**
 * The titles of compliance figures in French, Dutch and English, rendered from their details
 * (code + fields). One renderer per detail code and locale: the maps are exhaustive, so a new
 * detail code does not compile without its three messages.
 */
import type { FigureDetail } from './types.js';

export type Locale = 'fr' | 'nl' | 'en';

type Renderers = { [C in FigureDetail['code']]: (d: Extract<FigureDetail, { code: C }>) => string };

const EN_NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const FR_NUMBERS = ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze'];
const NL_NUMBERS = ['nul', 'één', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien', 'elf', 'twaalf'];
const word = (list: string[], n: number) => list[n] ?? String(n);
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Plurals of the nouns conventions count, by locale: a known noun in the language's own word
 * ("ablation" → "ablaties"); any other keeps the text's own noun, in the plural ("nodules").
 */
const NOUNS: Record<Locale, ReadonlyMap<string, string>> = {
  fr: new Map(),
  en: new Map([['ablation', 'ablations'], ['intervention', 'interventions'], ['specialist', 'specialists']]),
  nl: new Map([['ablation', 'ablaties'], ['intervention', 'ingrepen'], ['specialist', 'specialisten'], ['prestation', 'verstrekkingen'], ['consultation', 'raadplegingen']]),
};

/** The noun of the text ("ablation") in the plural of a locale. */
export function nounPlural(noun: string, locale: Locale): string {
  return NOUNS[locale].get(noun.toLowerCase()) ?? `${noun}s`;
}

const EN: Renderers = {
  'volume.transition': (d) => `${cap(nounPlural(d.noun, 'en'))}, transition period (years 1–${d.years})`,
  'volume.year': (d) => `${cap(nounPlural(d.noun, 'en'))}, convention year ${d.year}`,
  'billing-delay': (d) => `${cap(nounPlural(d.noun, 'en'))} billed more than ${word(EN_NUMBERS, d.months)} ${plural(d.months, 'month', 'months')} after the service`,
  'supplement-share': () => 'Share of interventions without a supplement',
  'supplement-cap': (d) => `Supplements above ${d.maxPercent} % of the ${d.feeOf} fee`,
  'other-supplement': (d) => `Supplements on the services of ${d.servicesOf}`,
  'single-room': () => 'Supplements outside a single room',
};

const FR: Renderers = {
  'volume.transition': (d) => `${cap(nounPlural(d.noun, 'fr'))}, période transitoire (années 1–${d.years})`,
  'volume.year': (d) => `${cap(nounPlural(d.noun, 'fr'))}, année de convention ${d.year}`,
  'billing-delay': (d) => `${cap(nounPlural(d.noun, 'fr'))} facturées plus de ${word(FR_NUMBERS, d.months)} mois après la prestation`,
  'supplement-share': () => 'Part des interventions sans supplément',
  'supplement-cap': (d) => `Suppléments au-delà de ${d.maxPercent} % des honoraires de l’${d.feeOf.replace(/^article/, 'article')}`,
  'other-supplement': (d) => `Suppléments sur les prestations des ${d.servicesOf.replace(/^articles (.*) and (.*)$/, 'articles $1 et $2')}`,
  'single-room': () => 'Suppléments hors chambre individuelle',
};

const NL: Renderers = {
  'volume.transition': (d) => `${cap(nounPlural(d.noun, 'nl'))}, overgangsperiode (jaren 1–${d.years})`,
  'volume.year': (d) => `${cap(nounPlural(d.noun, 'nl'))}, overeenkomstjaar ${d.year}`,
  'billing-delay': (d) => `${cap(nounPlural(d.noun, 'nl'))} gefactureerd meer dan ${word(NL_NUMBERS, d.months)} ${plural(d.months, 'maand', 'maanden')} na de verstrekking`,
  'supplement-share': () => 'Aandeel ingrepen zonder supplement',
  'supplement-cap': (d) => `Supplementen boven ${d.maxPercent} % van het honorarium van ${d.feeOf.replace(/^article/, 'artikel')}`,
  'other-supplement': (d) => `Supplementen op de verstrekkingen van ${d.servicesOf.replace(/^articles (.*) and (.*)$/, 'artikelen $1 en $2')}`,
  'single-room': () => 'Supplementen buiten een eenpersoonskamer',
};

const BY_LOCALE: Record<Locale, Renderers> = { en: EN, fr: FR, nl: NL };

/** The title of a figure in a locale. */
export function figureTitle(d: FigureDetail, locale: Locale = 'en'): string {
  const r = BY_LOCALE[locale][d.code] as (x: FigureDetail) => string;
  return r(d);
}
