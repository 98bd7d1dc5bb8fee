/** French legal phrasing: dates in words, ordinals, and entry-into-force clauses. */
import { addDays, firstOfMonthAfter, isIsoDate, isoOf, type IsoDate } from '../date.js';
import { fold } from '../text.js';

const MONTHS: Record<string, number> = {
  janvier: 1, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6,
  juillet: 7, aout: 8, septembre: 9, octobre: 10, novembre: 11, decembre: 12,
};

const ORDINALS: Record<string, number> = {
  premier: 1, premiere: 1, '1er': 1, '1re': 1, '1e': 1, second: 2, deuxieme: 2, '2e': 2, '2eme': 2, troisieme: 3, '3e': 3, '3eme': 3,
  quatrieme: 4, '4e': 4, cinquieme: 5, '5e': 5, sixieme: 6, '6e': 6, septieme: 7, huitieme: 8,
  neuvieme: 9, dixieme: 10, '10e': 10, onzieme: 11, douzieme: 12,
};

/** Reads an ordinal word ("deuxième", "2e", "1er") as a number, or null. */
export function ordinal(word: string): number | null {
  const w = fold(word);
  const figures = /^([1-9]\d?)(?:e|eme)$/.exec(w); // "7e", "4ème", "12e": every figure alike
  return ORDINALS[w] ?? (figures ? Number(figures[1]) : null);
}

const DATE_WORDS = /\b(1er|\d{1,2})\s+(janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre)\s+(\d{4})\b/i;

/** Parses "1er janvier 1995", "1 novembre 2024", "31 octobre 2029" (first occurrence in `s`), or null. */
export function parseFrenchDate(s: string): IsoDate | null {
  const m = DATE_WORDS.exec(s);
  if (!m) return null;
  const day = m[1].toLowerCase() === '1er' ? 1 : Number(m[1]);
  const month = MONTHS[fold(m[2])];
  const iso = isoOf(Number(m[3]), month, day);
  return isIsoDate(iso) ? iso : null;
}

/** The outcome of reading an entry-into-force clause. */
export interface EntryIntoForce {
  date: IsoDate | null;
  /** The rule applied and the computation, in words; or why no date can be computed. */
  basis: string;
}

/**
 * Computes the entry into force from an act's own clause and its publication (or signature) date.
 * Understands, among others:
 *  - "le 1er jour du deuxième mois qui suit celui au cours duquel il aura été publié au Moniteur belge"
 *  - "le premier jour du mois qui suit celui de sa publication"
 *  - "le jour de sa publication", "le dixième jour qui suit sa publication"
 *  - "entre en vigueur le 1er janvier 1995", "produit ses effets le 1 novembre 2024"
 *  - "le 1er jour du mois qui suit celui de la signature" (needs the signature date)
 * With no clause, Belgian law applies the tenth day after publication (loi du 31 mai 1961, art. 4).
 */
export function entryIntoForce(clause: string | null, published: IsoDate | null, signed: IsoDate | null = null): EntryIntoForce {
  if (clause === null) {
    if (!published) return { date: null, basis: 'no entry-into-force clause and no publication date' };
    return { date: addDays(published, 10), basis: `no clause: tenth day after publication (${published} + 10 days)` };
  }
  const c = fold(clause).replace(/\s+/g, ' ');
  const fixed = parseFrenchDate(clause);
  // "le 1er jour du <n-ième> mois qui suit celui de/au cours duquel ... publi|sign"
  const rel = /(?:le )?(1er|premier) jour du (?:(\S+) )?mois qui suit (?:celui|le mois) (?:au cours duquel|de|durant lequel)\s*(?:il|elle)?\s*(?:aura ete |a ete |sera )?(?:sa |la )?(publi|sign)/.exec(c);
  if (rel) {
    const n = rel[2] ? ordinal(rel[2]) : 1;
    const event = rel[3] === 'publi' ? 'publication' : 'signature';
    const base = event === 'publication' ? published : signed;
    if (n === null) return { date: null, basis: `unreadable month ordinal "${rel[2]}" in: ${clause.trim()}` };
    if (!base) return { date: null, basis: `first day of month ${n} after the ${event}, whose date is not known` };
    const date = firstOfMonthAfter(base, n);
    return { date, basis: `first day of month ${n} after the month of ${event} (${base}) = ${date}` };
  }
  const daysAfter = /(?:le )?(\S+) jour (?:qui suit|suivant|apres) (?:celui de )?(?:sa |la )?(publi|sign)/.exec(c);
  if (daysAfter && !fixed) {
    const n = ordinal(daysAfter[1]);
    const event = daysAfter[2] === 'publi' ? 'publication' : 'signature';
    const base = event === 'publication' ? published : signed;
    if (n !== null && base) {
      const date = addDays(base, n);
      return { date, basis: `day ${n} after the ${event} (${base}) = ${date}` };
    }
    if (n !== null) return { date: null, basis: `day ${n} after the ${event}, whose date is not known` };
  }
  if (/le jour (?:de sa|de la) publication/.test(c)) {
    if (!published) return { date: null, basis: 'the day of publication, whose date is not known' };
    return { date: published, basis: `the day of publication (${published})` };
  }
  if (fixed && /(vigueur|effets|applicable|d['’]application)/.test(c)) {
    return { date: fixed, basis: `fixed date in the clause: ${fixed}` };
  }
  return { date: null, basis: `clause not understood: ${clause.trim()}` };
}
