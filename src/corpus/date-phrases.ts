/**
 * The phrasing of dates and entry-into-force clauses, one table per language in the same shape:
 * month names, ordinals, numbers of days, and the clause patterns with named groups. The logic
 * that reads them is written once (french.ts); a clause is read with the table of its language.
 *
 * Clause patterns match the folded form of a sentence (lower case, no accents, straight
 * apostrophes, one space between words). Named groups:
 *   ord     an ordinal ("deuxieme", "2e" / "tweede", "2de"); absent: 1
 *   event   the event counted from: a publication or a signature word (see `event`)
 *   days    a number of days, in words or figures
 */
import type { Language } from '../facts.js';

export type DateEvent = 'publication' | 'signature';

export interface DatePhrases {
  lang: Language;
  /** Folded month names → 1-12. */
  months: ReadonlyMap<string, number>;
  /** Folded ordinal words → number ("premier" 1 / "eerste" 1). */
  ordinals: ReadonlyMap<string, number>;
  /** Ordinals in figures ("7e", "4eme" / "2de", "1ste"): group n. */
  figureOrdinal: RegExp;
  /** Folded cardinal words → number ("dix" 10 / "tien" 10); figures are read as such. */
  cardinals: ReadonlyMap<string, number>;
  /** A date in words on the raw text, case-insensitive: groups day, month, year. */
  date: RegExp;
  /** Day words meaning 1 in a date ("1er"). */
  firstDay: ReadonlySet<string>;
  /** Classifies the `event` group. */
  event(word: string): DateEvent | null;
  /** "first day of the month after the expiry of a delay of N days starting the day after publication". */
  firstOfMonthAfterDelay: RegExp;
  /** "first day of the (n-th) month after the one of publication / signature". */
  firstOfMonth: RegExp;
  /** "the delay of N days starts the day after publication" (the act is binding on its N-th day). */
  delayFromNextDay: RegExp;
  /** "the n-th day after publication". */
  nthDay: RegExp;
  /** "the day after publication". */
  dayAfter: RegExp;
  /** "the day of publication". */
  sameDay: RegExp;
  /** Words that make a date of the sentence a date of entry into force ("vigueur", "werking"). */
  fixedDate: RegExp;
  /** Sentence-level: a verb of entry into force. */
  dating: RegExp;
  /** The act as subject ("le présent arrêté … entre en vigueur" / "dit besluit treedt in werking"). */
  act: RegExp;
  /** "this article … enters into force …": group rest (from the verb). */
  thisArticle: RegExp;
  /** Articles named with their own date (global): groups list (article numbers), rest (from the verb). */
  namedArticles: RegExp;
  /** Where the act's clause ends and its exceptions begin ("à l'exception de" / "met uitzondering van"). */
  exception: RegExp;
  /** Article numbers of a list: number + suffix, and the word of a range ("à" / "tot"). */
  rangeWord: string;
  /** Rewrites variants of a clause into the forms the patterns read. */
  normalise(folded: string): string;
}

const map = <V>(o: Record<string, V>): ReadonlyMap<string, V> => new Map(Object.entries(o));

const SUFFIX = String.raw`(?:bis|ter|quater|quinquies|sexies)`;

// --- French ------------------------------------------------------------------------------------

const FR_VERB = String.raw`(?:entre(?:nt|ra|ront)? en vigueur|produi(?:t|sent|ra|ront) (?:ses|leurs) effets|sort(?:ent)? (?:ses|leurs) effets|(?:est|sont) (?:applicables?|d'application))`;
const FR_EVENT = String.raw`(?<event>publi\w*|sign\w*)`;
const FR_ARTICLE_NO = String.raw`\d+(?:er)?${SUFFIX}?`;

export const FR: DatePhrases = {
  lang: 'fr',
  months: map({
    janvier: 1, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6,
    juillet: 7, aout: 8, septembre: 9, octobre: 10, novembre: 11, decembre: 12,
  }),
  ordinals: map({
    premier: 1, premiere: 1, '1er': 1, '1re': 1, '1e': 1, second: 2, seconde: 2, deuxieme: 2, troisieme: 3,
    quatrieme: 4, cinquieme: 5, sixieme: 6, septieme: 7, huitieme: 8, neuvieme: 9, dixieme: 10, onzieme: 11, douzieme: 12,
    quinzieme: 15, vingtieme: 20, trentieme: 30,
  }),
  figureOrdinal: /^(?<n>[1-9]\d?)(?:e|eme)$/,
  cardinals: map({ un: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, quinze: 15, vingt: 20, trente: 30 }),
  date: /(?<![\p{L}\d])(?<day>1er|\d{1,2})\s+(?<month>janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre)\s+(?<year>\d{4})(?!\d)/iu,
  firstDay: new Set(['1er']),
  event: (w) => (w.startsWith('publi') ? 'publication' : w.startsWith('sign') ? 'signature' : null),
  firstOfMonthAfterDelay: /\b(?:1er|premier) jour du mois qui suit l'expiration d'un delai de (?<days>\S+) jours (?:prenant|qui prend) cours le (?:jour suivant|lendemain de) (?:celui de )?(?:sa |la |leur )?(?<event>publi\w*)/,
  firstOfMonth: new RegExp(String.raw`\b(?:1er|premier) jour (?:calendrier )?du (?:(?<ord>\S+) )?mois qui suit (?:celui|le mois) (?:au cours duquel|de|durant lequel|pendant lequel)\s*(?:il|elle|ils|elles|l'arrete|le present arrete)?\s*(?:aura ete |auront ete |a ete |ont ete |sera |est )?(?:sa |la |leur )?${FR_EVENT}`),
  delayFromNextDay: /\bdelai de (?<days>\S+) jours\b[^.]*?\b(?:le lendemain de|le jour (?:qui suit|suivant)) (?:celui de )?(?:sa |la |leur )?(?<event>publi\w*)/,
  nthDay: new RegExp(String.raw`\b(?<ord>\S+) jour (?:qui suit|suivant|apres) (?:celui de )?(?:sa |la |leur )?${FR_EVENT}`),
  dayAfter: new RegExp(String.raw`\b(?:le jour (?:qui suit|suivant|apres) (?:celui de )?|le lendemain de )(?:sa |la |leur )?${FR_EVENT}`),
  sameDay: new RegExp(String.raw`\b(?:le jour (?:meme )?de|(?:a|le) la date de) (?:sa |la |leur )?${FR_EVENT}`),
  fixedDate: /vigueur|effets|applicable|d'application/,
  dating: new RegExp(FR_VERB),
  act: new RegExp(String.raw`\b(?:le present|cet|ce|le meme) (?:arrete|decret|acte|reglement)(?: royal| ministeriel)?\b[^.]*?\b${FR_VERB}`),
  thisArticle: new RegExp(String.raw`\b(?:le present article|cet article)\b[^.]*?\b(?<rest>${FR_VERB}.*)$`),
  namedArticles: new RegExp(String.raw`\b(?:l'article|les articles|de l'article|des articles) (?<list>(?:${FR_ARTICLE_NO}(?:, | et | a |,? ))*${FR_ARTICLE_NO})(?: du present arrete)?,? (?:qui )?(?<rest>${FR_VERB}.*?)(?=,? (?:et|a l'exception|sauf)\b (?:de )?(?:l'article|les articles|des articles)|$)`, 'g'),
  exception: /,? (?:a l'exception|a l'exclusion|sauf|excepte)\b/,
  rangeWord: 'a',
  normalise: (folded) => folded
    .replace(/[’ʼ`´]/g, "'")
    .replace(/\bmois suivant (celui|sa|la|le mois)\b/g, 'mois qui suit $1')
    .replace(/\bmois qui suit (sa|la) (publication|signature)/g, 'mois qui suit celui de $1 $2'),
};

// --- Dutch -------------------------------------------------------------------------------------

const NL_VERB = String.raw`(?:treedt|treden|trad|traden) (?:[^.]{0,40}?)in werking|in werking (?:treedt|treden|zal treden|zullen treden)|(?:heeft|hebben) (?:[^.]{0,40}?)uitwerking|uitwerking (?:heeft|hebben)|(?:is|zijn) van toepassing`;
const NL_EVENT = String.raw`(?<event>bekendmaking|bekendgemaakt|bekend gemaakt|ondertekening|ondertekend)`;
const NL_ARTICLE_NO = String.raw`\d+${SUFFIX}?`;

export const NL: DatePhrases = {
  lang: 'nl',
  months: map({
    januari: 1, februari: 2, maart: 3, april: 4, mei: 5, juni: 6,
    juli: 7, augustus: 8, september: 9, oktober: 10, november: 11, december: 12,
  }),
  ordinals: map({
    eerste: 1, tweede: 2, derde: 3, vierde: 4, vijfde: 5, zesde: 6, zevende: 7, achtste: 8, negende: 9, tiende: 10,
    elfde: 11, twaalfde: 12, vijftiende: 15, twintigste: 20, dertigste: 30,
  }),
  figureOrdinal: /^(?<n>[1-9]\d?)(?:e|de|ste)$/,
  cardinals: map({ een: 1, twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9, tien: 10, vijftien: 15, twintig: 20, dertig: 30 }),
  date: /(?<![\p{L}\d])(?<day>\d{1,2})\s+(?<month>januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\s+(?<year>\d{4})(?!\d)/iu,
  firstDay: new Set(),
  event: (w) => (/^bekend/.test(w) ? 'publication' : /^ondertek/.test(w) ? 'signature' : null),
  firstOfMonthAfterDelay: /\beerste dag van de maand (?:na|volgend op|die volgt op) (?:het verstrijken|de afloop) van een termijn van (?<days>\S+) dagen (?:die ingaat|ingaande|te rekenen vanaf) (?:op )?de dag (?:na|volgend op) (?:die van )?(?:de |zijn |haar )?(?<event>bekendmaking)/,
  firstOfMonth: new RegExp(String.raw`\beerste (?:kalender)?dag van de (?:(?<ord>\S+) )?maand (?:na|volgend op|volgende op|die volgt op|die volgen op) (?:die|de maand|deze) (?:waarin|waarbinnen|tijdens welke|van|gedurende welke)\s*(?:[^.]{0,60}?)${NL_EVENT}`),
  delayFromNextDay: /\btermijn van (?<days>\S+) dagen\b[^.]*?\bde dag (?:na|volgend op) (?:die van )?(?:de |zijn |haar )?(?<event>bekendmaking)/,
  nthDay: new RegExp(String.raw`\b(?<ord>\S+) dag (?:na|volgend op|volgende op) (?:die van |de dag van )?(?:de |zijn |haar )?${NL_EVENT}`),
  dayAfter: new RegExp(String.raw`\b(?:de dag (?:na|volgend op|volgende op) (?:die van )?|daags na )(?:de |zijn |haar )?${NL_EVENT}`),
  sameDay: new RegExp(String.raw`\b(?:de dag|de datum) (?:van (?:de |zijn |haar )?|waarop (?:het|hij|zij|dit besluit)[^.]{0,40}?)${NL_EVENT}`),
  fixedDate: /werking|uitwerking|van toepassing/,
  dating: new RegExp(String.raw`(?:${NL_VERB})`),
  act: new RegExp(String.raw`\b(?:dit|het onderhavige|hetzelfde) (?:besluit|decreet|reglement)\b[^.]*?\b(?:${NL_VERB})`),
  thisArticle: new RegExp(String.raw`\b(?:dit artikel|het onderhavige artikel)\b(?<rest>[^.]*?\b(?:${NL_VERB}).*)$`),
  namedArticles: new RegExp(String.raw`\b(?:artikel|artikelen|de artikelen|van artikel|van de artikelen) (?<list>(?:${NL_ARTICLE_NO}(?:, | en | tot |,? ))*${NL_ARTICLE_NO})(?: van dit besluit)?,? (?:dat |die )?(?<rest>(?:[^.]*?)(?:${NL_VERB}).*?)(?=,? (?:en|met uitzondering)\b (?:van )?(?:artikel|de artikelen)|$)`, 'g'),
  exception: /,? (?:met uitzondering|behalve|uitgezonderd|met uitsluiting)\b/,
  rangeWord: 'tot',
  normalise: (folded) => folded
    .replace(/[’ʼ`´]/g, "'")
    .replace(/\bmaand (na|volgend op|die volgt op) (de|zijn|haar) (bekendmaking|ondertekening)\b/g, 'maand na die van $2 $3'),
};

/** Every language's table, in the order a clause of unknown language is tried. */
export const PHRASES: readonly DatePhrases[] = [FR, NL];

/** The table of a language. */
export function phrasesOf(lang: Language): DatePhrases {
  return lang === 'nl' ? NL : FR;
}
