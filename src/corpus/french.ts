/**
 * Legal phrasing of dates, French and Dutch: dates in words, ordinals, and entry-into-force
 * clauses. The logic is written once; the words of each language are the tables of
 * date-phrases.ts (the module keeps its name for its importers: French came first).
 */
import { addDays, firstOfMonthAfter, isIsoDate, isoOf, type IsoDate } from '../date.js';
import type { DateBounds, Language } from '../facts.js';
import { fold } from '../text.js';
import { PHRASES, phrasesOf, type DateEvent, type DatePhrases } from './date-phrases.js';

/** Reads an ordinal word ("deuxième", "2e", "1er" / "tweede", "2de") as a number, or null. */
export function ordinal(word: string, lang: Language = 'fr'): number | null {
  const p = phrasesOf(lang);
  const w = fold(word);
  const figures = p.figureOrdinal.exec(w); // "7e", "4ème", "12e": every figure alike
  return p.ordinals.get(w) ?? (figures?.groups ? Number(figures.groups.n) : null);
}

/** Reads a number of days in words or figures ("dix", "10" / "tien"), or null. */
function cardinal(word: string, p: DatePhrases): number | null {
  const w = fold(word);
  if (/^\d{1,3}$/.test(w)) return Number(w);
  return p.cardinals.get(w) ?? null;
}

function dateIn(s: string, p: DatePhrases): { date: IsoDate | null; index: number } | null {
  const m = p.date.exec(s);
  if (!m?.groups) return null;
  const g = m.groups;
  const day = p.firstDay.has(g.day.toLowerCase()) ? 1 : Number(g.day);
  const month = p.months.get(fold(g.month)) ?? 0;
  const iso = isoOf(Number(g.year), month, day);
  return { date: isIsoDate(iso) ? iso : null, index: m.index };
}

/** Parses "1er janvier 1995", "1 novembre 2024", "31 octobre 2029" (first occurrence in `s`), or null. */
export function parseFrenchDate(s: string): IsoDate | null {
  return dateIn(s, phrasesOf('fr'))?.date ?? null;
}

/**
 * Parses the first date in words of `s`, in `lang` or else in whichever language comes first in
 * the text ("10 februari 2006", "1er janvier 1995"); null when there is none or it does not exist.
 */
export function parseDate(s: string, lang?: Language): IsoDate | null {
  if (lang) return dateIn(s, phrasesOf(lang))?.date ?? null;
  let best: { date: IsoDate | null; index: number } | null = null;
  for (const p of PHRASES) {
    const d = dateIn(s, p);
    if (d && (best === null || d.index < best.index)) best = d;
  }
  return best?.date ?? null;
}

/** The outcome of reading an entry-into-force clause. */
export interface EntryIntoForce {
  date: IsoDate | null;
  /** The rule applied and the computation, in words; or why no date can be computed. */
  basis: string;
  /** When `date` is null: what is known of it (the earliest date the rule allows, the latest). */
  bounds?: DateBounds;
}

/** A rule counted from an event: its date from the event's, in words. */
interface Counted {
  event: DateEvent;
  /** "first day of month 2 after the month of publication", … */
  what: string;
  from(base: IsoDate): IsoDate;
  /** Phrasing of the computed date: `${what} (${base}) = ${date}` unless given. */
  show?: (base: IsoDate, date: IsoDate) => string;
}

/**
 * Applies a rule counted from publication or signature. Without the date of the event no date
 * follows; what is known is kept as bounds: an act is published on or after its signature, and
 * every rule here moves forward with its event, so the rule counted from the signature gives the
 * earliest possible date. The latest is open: nothing in the act bounds its publication.
 */
function counted(rule: Counted, published: IsoDate | null, signed: IsoDate | null): EntryIntoForce {
  const base = rule.event === 'publication' ? published : signed;
  if (base) {
    const date = rule.from(base);
    return { date, basis: rule.show ? rule.show(base, date) : `${rule.what} (${base}) = ${date}` };
  }
  const basis = `${rule.what}, whose date is not known`;
  if (rule.event === 'publication' && signed) {
    const earliest = rule.from(signed);
    return { date: null, basis, bounds: { earliest, latest: null, reason: `${rule.what}: the publication date is not known; an act is published on or after its signature (${signed}), so not before ${earliest}` } };
  }
  const unknown = rule.event === 'publication' ? 'neither the publication nor the signature date is known' : 'the signature date is not known';
  return { date: null, basis, bounds: { earliest: null, latest: null, reason: `${rule.what}: ${unknown}` } };
}

/** No date, nothing known of it (a clause not understood may even date the act back). */
function unknown(basis: string): EntryIntoForce {
  return { date: null, basis, bounds: { earliest: null, latest: null, reason: basis } };
}

/** The legal default (loi du 31 mai 1961, art. 4 / wet van 31 mei 1961, art. 4): the tenth day after publication. */
const TENTH_DAY: Counted = {
  event: 'publication',
  what: 'no clause: tenth day after publication',
  from: (d) => addDays(d, 10),
  show: (base) => `no clause: tenth day after publication (${base} + 10 days)`,
};

/** Reads a clause with one language's table; null when none of its patterns applies. */
function readClause(clause: string, c: string, p: DatePhrases, published: IsoDate | null, signed: IsoDate | null): EntryIntoForce | null {
  const event = (m: RegExpExecArray): DateEvent => p.event(m.groups!.event) ?? 'publication';
  const fixed = dateIn(clause, p);

  const delayed = p.firstOfMonthAfterDelay.exec(c);
  if (delayed?.groups) {
    const days = cardinal(delayed.groups.days, p);
    if (days === null) return unknown(`unreadable number of days "${delayed.groups.days}" in: ${clause.trim()}`);
    return counted({ event: 'publication', what: `first day of the month after a delay of ${days} days starting the day after publication`, from: (d) => firstOfMonthAfter(addDays(d, days), 1) }, published, signed);
  }
  const month = p.firstOfMonth.exec(c);
  if (month?.groups) {
    const n = month.groups.ord ? ordinal(month.groups.ord, p.lang) : 1;
    if (n === null) return unknown(`unreadable month ordinal "${month.groups.ord}" in: ${clause.trim()}`);
    const ev = event(month);
    return counted({ event: ev, what: `first day of month ${n} after the month of ${ev}`, from: (d) => firstOfMonthAfter(d, n) }, published, signed);
  }
  const delay = p.delayFromNextDay.exec(c);
  if (delay?.groups) {
    const days = cardinal(delay.groups.days, p);
    if (days === null) return unknown(`unreadable number of days "${delay.groups.days}" in: ${clause.trim()}`);
    // Days 1…N of the delay are the N days after publication: the act binds on the N-th.
    return counted({ event: 'publication', what: `day ${days} of a delay of ${days} days starting the day after publication`, from: (d) => addDays(d, days) }, published, signed);
  }
  const nth = p.nthDay.exec(c);
  const n = nth?.groups ? ordinal(nth.groups.ord, p.lang) : null;
  if (nth && n !== null && !fixed) {
    const ev = event(nth);
    return counted({ event: ev, what: `day ${n} after the ${ev}`, from: (d) => addDays(d, n) }, published, signed);
  }
  const after = p.dayAfter.exec(c);
  if (after && !fixed) {
    const ev = event(after);
    return counted({ event: ev, what: `the day after the ${ev}`, from: (d) => addDays(d, 1) }, published, signed);
  }
  const same = p.sameDay.exec(c);
  if (same && !fixed) {
    const ev = event(same);
    return counted({ event: ev, what: `the day of ${ev}`, from: (d) => d, show: (base) => `the day of ${ev} (${base})` }, published, signed);
  }
  if (fixed && p.fixedDate.test(c)) {
    if (fixed.date === null) return unknown(`the date in the clause does not exist: ${clause.trim()}`);
    return { date: fixed.date, basis: `fixed date in the clause: ${fixed.date}` };
  }
  return null;
}

/**
 * Computes the entry into force from an act's own clause and its publication (or signature) date,
 * in French or Dutch (`lang`, else each language in turn). Understands, among others:
 *  - "le 1er jour du deuxième mois qui suit celui au cours duquel il aura été publié au Moniteur belge"
 *    / "de eerste dag van de tweede maand na die waarin het is bekendgemaakt in het Belgisch Staatsblad"
 *  - "le dixième jour qui suit sa publication" / "de tiende dag na die van de bekendmaking"
 *  - "le jour de sa publication" / "de dag waarop het in het Belgisch Staatsblad wordt bekendgemaakt"
 *  - "le jour qui suit sa publication" / "de dag na de bekendmaking"
 *  - "le délai de dix jours … prend cours le lendemain de la publication"
 *  - "entre en vigueur le 1er janvier 2005", "produit ses effets le …" / "treedt in werking op
 *    1 januari 2005", "heeft uitwerking met ingang van …"
 *  - "le 1er jour du mois qui suit celui de la signature" (needs the signature date)
 * With no clause, Belgian law applies the tenth day after publication (loi du 31 mai 1961, art. 4).
 * When the date cannot be computed, `bounds` says what is known of it.
 */
export function entryIntoForce(clause: string | null, published: IsoDate | null, signed: IsoDate | null = null, lang?: Language): EntryIntoForce {
  if (clause === null) {
    if (!published && !signed) return unknown('no entry-into-force clause and no publication date');
    const r = counted(TENTH_DAY, published, signed);
    return r.date ? r : { ...r, basis: 'no entry-into-force clause and no publication date' };
  }
  for (const p of lang ? [phrasesOf(lang)] : PHRASES) {
    const c = p.normalise(fold(clause).replace(/\s+/g, ' '));
    const r = readClause(clause, c, p, published, signed);
    if (r) return r;
  }
  return unknown(`clause not understood: ${clause.trim()}`);
}
