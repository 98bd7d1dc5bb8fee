/**
 * Entry into force of an act and of its individual articles, in French or Dutch: the act's own
 * clause ("Le présent arrêté entre en vigueur …" / "Dit besluit treedt in werking …"), exceptions
 * ("à l'exception de l'article 2, qui produit ses effets le …" / "met uitzondering van artikel 3
 * dat in werking treedt op …"), and articles that date themselves ("Le présent article produit
 * ses effets le …" / "Dit artikel heeft uitwerking met ingang van …").
 */
import type { IsoDate } from '../../date.js';
import type { DateBounds, Language, SourceIssue } from '../../facts.js';
import { PHRASES, phrasesOf, type DatePhrases } from '../date-phrases.js';
import { entryIntoForce, type EntryIntoForce } from '../french.js';

/** A sentence of the act outside quotes, in folded form, with the article it belongs to. */
export interface DatedSentence {
  /** Article number ("13", "2bis"). */
  article: string;
  /** Article path of the sentence, for issues. */
  where: string;
  folded: string;
  /** The sentence as written (squashed), to quote in a basis the clause cannot be read from. */
  text: string;
}

/** The act's clause (or its absence) and the articles with their own date. */
export interface EntryClauses<S extends DatedSentence = DatedSentence> {
  act: { clause: string; where: string; text: string; lang: Language } | null;
  overrides: { article: string; where: string; result: EntryIntoForce }[];
  /** Dating sentences that could not be read (reported as unparsed by the caller). */
  unread: S[];
}

/** Cheap pre-filter, both languages: only sentences that may date something go to the reader. */
export const DATING_HINT = /\bvigueur\b|\beffets\b|\bwerking\b|\buitwerking\b|\bvan toepassing\b/;

/** Rewrites clause phrasings `entryIntoForce` does not read into ones it does ("mois suivant celui" → "mois qui suit celui"). */
export function normaliseClause(folded: string, lang: Language = 'fr'): string {
  return phrasesOf(lang).normalise(folded);
}

function articleNumbers(list: string, p: DatePhrases): string[] {
  const out: string[] = [];
  const items = [...list.matchAll(new RegExp(String.raw`(\d+)(?:er)?(bis|ter|quater|quinquies|sexies)?|\b${p.rangeWord}\b`, 'g'))];
  for (let i = 0; i < items.length; i++) {
    const m = items[i];
    if (m[0] === p.rangeWord && i > 0 && i + 1 < items.length && !items[i - 1][2] && !items[i + 1][2]) {
      // "les articles 2 à 5" / "de artikelen 2 tot 5": every article in between.
      for (let n = Number(items[i - 1][1]) + 1; n < Number(items[i + 1][1]); n++) out.push(String(n));
    } else if (m[1]) out.push(m[1] + (m[2] ?? ''));
  }
  return out;
}

/** A basis that quotes the act as written rather than the folded form the clause was read from. */
export function readable(result: EntryIntoForce, text: string): EntryIntoForce {
  if (result.date !== null || !result.basis.startsWith('clause not understood')) return result;
  const basis = `clause not understood: ${text}`;
  return { date: null, basis, bounds: { earliest: null, latest: null, reason: basis } };
}

/** Finds the act's entry-into-force clause and every article dated on its own, in either language. */
export function readEntryClauses<S extends DatedSentence>(sentences: S[], published: IsoDate | null, signed: IsoDate | null): EntryClauses<S> {
  const out: EntryClauses<S> = { act: null, overrides: [], unread: [] };
  for (const s of sentences) {
    const p = PHRASES.find((l) => l.dating.test(s.folded));
    if (!p) continue;
    let read = false;
    let rest = s.folded;
    const act = p.act.exec(s.folded);
    if (act && out.act === null) {
      const cut = p.exception.exec(s.folded.slice(act.index));
      const clause = cut ? s.folded.slice(act.index, act.index + cut.index) : s.folded.slice(act.index);
      out.act = { clause: p.normalise(clause), where: s.where, text: s.text, lang: p.lang };
      rest = cut ? s.folded.slice(act.index + cut.index) : '';
      read = true;
    }
    const own = p.thisArticle.exec(rest);
    if (own?.groups) {
      out.overrides.push({ article: s.article, where: s.where, result: readable(entryIntoForce(p.normalise(own.groups.rest), published, signed, p.lang), s.text) });
      read = true;
    }
    for (const m of rest.matchAll(p.namedArticles)) {
      const result = readable(entryIntoForce(p.normalise(m.groups!.rest), published, signed, p.lang), s.text);
      for (const article of articleNumbers(m.groups!.list, p)) out.overrides.push({ article, where: s.where, result });
      read = true;
    }
    if (!read) out.unread.push(s);
  }
  return out;
}

/** The act's entry into force, with the front matter weighed in: what parseJustel keeps. */
export interface ActEntryIntoForce {
  date: IsoDate | null;
  basis: string;
  /** When `date` is null: what is known of it. */
  bounds: DateBounds | null;
  issues: SourceIssue[];
}

/**
 * Weighs the act's clause against the front matter's `starts`. A clause, when present, wins and a
 * disagreement is an error; an act without a clause takes `starts` when the front matter gives it
 * (its date may have been fixed elsewhere) and says so; otherwise the legal default (tenth day
 * after publication). When nothing fixes the date, the bounds say what is known.
 */
/**
 * A copy cut in mid-sentence before the closing formula, showing no clause, may have lost its clause: the
 * legal default (tenth day) cannot be applied. An act takes effect when its clause says, which
 * for a clause counted from publication is no earlier than the publication, itself no earlier
 * than the signature; that is the lower bound kept, and the reason says what it assumes.
 */
function cutCopy(published: IsoDate | null, signed: IsoDate | null): ActEntryIntoForce {
  const from = published ?? signed;
  const reason = `the copy ends in mid-sentence, before the closing formula, and shows no entry-into-force clause: the clause may be lost, so the legal default (tenth day after publication) is not applied${from ? `; a clause counted from publication gives no date before the ${published ? `publication (${published})` : `signature (${signed})`}` : ''}`;
  return {
    date: null,
    basis: reason,
    bounds: { earliest: from, latest: null, reason },
    issues: [{ severity: 'warning', code: 'entry-into-force-unknown', where: 'document', message: `the entry into force cannot be computed: ${reason}` }],
  };
}

export function actEntryIntoForce(clauses: EntryClauses, published: IsoDate | null, signed: IsoDate | null, starts: IsoDate | null, complete = true): ActEntryIntoForce {
  const issues: SourceIssue[] = [];
  const act = clauses.act;
  if (!act && !complete && !starts) return cutCopy(published, signed);
  const computed = act ? readable(entryIntoForce(act.clause, published, signed, act.lang), act.text) : entryIntoForce(null, published, signed);
  const where = act?.where ?? 'front matter';
  if (!act && starts) {
    if (computed.date === starts) return { date: starts, basis: computed.basis, bounds: null, issues };
    if (computed.date) {
      issues.push({ severity: 'warning', code: 'entry-into-force-mismatch', where, message: `the act has no entry-into-force clause: the legal default would be ${computed.date} (${computed.basis}), the front matter says starts: ${starts}; the front matter's date is used` });
    }
    return { date: starts, basis: `no entry-into-force clause; front matter "starts" used: ${starts}`, bounds: null, issues };
  }
  if (computed.date) {
    if (starts && starts !== computed.date) {
      issues.push({ severity: 'error', code: 'entry-into-force-mismatch', where, message: `the entry into force computed from the act is ${computed.date} (${computed.basis}), the front matter says starts: ${starts}; the computed date is kept` });
    }
    return { date: computed.date, basis: act ? `${where}: ${computed.basis}` : computed.basis, bounds: null, issues };
  }
  const basis = `${act ? `${where}: ` : ''}${computed.basis}${starts ? `; front matter "starts" used: ${starts}` : ''}`;
  issues.push({ severity: 'warning', code: 'entry-into-force-unknown', where, message: `the entry into force cannot be computed (${computed.basis})${starts ? `; the front matter's starts (${starts}) is used` : ''}` });
  if (starts) return { date: starts, basis, bounds: null, issues };
  const bounds = computed.bounds ?? { earliest: null, latest: null, reason: computed.basis };
  return { date: null, basis, bounds, issues };
}
