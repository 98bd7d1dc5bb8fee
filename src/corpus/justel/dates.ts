/**
 * Entry into force of an act and of its individual articles: the act's own clause ("Le présent
 * arrêté entre en vigueur …"), exceptions ("à l'exception de l'article 2, qui produit ses effets
 * le …"), and articles that date themselves ("Le présent article produit ses effets le …").
 */
import type { IsoDate } from '../../date.js';
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
  act: { clause: string; where: string; text: string } | null;
  overrides: { article: string; where: string; result: EntryIntoForce }[];
  /** Dating sentences that could not be read (reported as unparsed by the caller). */
  unread: S[];
}

const VERB = String.raw`(?:entre(?:nt)? en vigueur|produi(?:t|sent) (?:ses|leurs) effets|sort(?:ent)? (?:ses|leurs) effets)`;
const ACT = new RegExp(String.raw`\b(?:le present|cet|ce) (?:arrete|decret|acte|reglement)(?: royal| ministeriel)?\b[^.]*?\b${VERB}`);
const THIS_ARTICLE = new RegExp(String.raw`\b(?:le present article|cet article)\b[^.]*?\b(${VERB}.*)$`);
const NAMED_ARTICLES = new RegExp(String.raw`\b(?:l'article|les articles|de l'article|des articles) ((?:\d+(?:er)?(?:bis|ter|quater)?(?:, | et | a |,? ))*\d+(?:er)?(?:bis|ter|quater)?)(?: du present arrete)?,? (?:qui )?(${VERB}.*?)(?=,? (?:et|a l'exception|sauf)\b (?:de )?(?:l'article|les articles|des articles)|$)`, 'g');
const DATING = new RegExp(VERB);
const EXCEPTION = /,? (?:a l'exception|a l'exclusion|sauf|excepte)\b/;

/** Rewrites clause phrasings `entryIntoForce` does not read into ones it does ("mois suivant celui" → "mois qui suit celui"). */
export function normaliseClause(folded: string): string {
  return folded
    .replace(/\bmois suivant (celui|sa|la)\b/g, 'mois qui suit $1')
    .replace(/\bmois qui suit (sa|la) (publication|signature)/g, 'mois qui suit celui de $1 $2');
}

function articleNumbers(list: string): string[] {
  const out: string[] = [];
  const items = [...list.matchAll(/(\d+)(?:er)?(bis|ter|quater)?|\ba\b/g)];
  for (let i = 0; i < items.length; i++) {
    const m = items[i];
    if (m[0] === 'a' && i > 0 && i + 1 < items.length && !items[i - 1][2] && !items[i + 1][2]) {
      // "les articles 2 à 5": every article in between.
      for (let n = Number(items[i - 1][1]) + 1; n < Number(items[i + 1][1]); n++) out.push(String(n));
    } else if (m[1]) out.push(m[1] + (m[2] ?? ''));
  }
  return out;
}

/** A basis that quotes the act as written rather than the folded form the clause was read from. */
export function readable(result: EntryIntoForce, text: string): EntryIntoForce {
  return result.date === null && result.basis.startsWith('clause not understood') ? { date: null, basis: `clause not understood: ${text}` } : result;
}

/** Finds the act's entry-into-force clause and every article dated on its own. */
export function readEntryClauses<S extends DatedSentence>(sentences: S[], published: IsoDate | null, signed: IsoDate | null): EntryClauses<S> {
  const out: EntryClauses<S> = { act: null, overrides: [], unread: [] };
  for (const s of sentences) {
    if (!DATING.test(s.folded)) continue;
    let read = false;
    let rest = s.folded;
    const act = ACT.exec(s.folded);
    if (act && out.act === null) {
      const cut = EXCEPTION.exec(s.folded.slice(act.index));
      const clause = cut ? s.folded.slice(act.index, act.index + cut.index) : s.folded.slice(act.index);
      out.act = { clause: normaliseClause(clause), where: s.where, text: s.text };
      rest = cut ? s.folded.slice(act.index + cut.index) : '';
      read = true;
    }
    const own = THIS_ARTICLE.exec(rest);
    if (own) {
      out.overrides.push({ article: s.article, where: s.where, result: readable(entryIntoForce(normaliseClause(own[1]), published, signed), s.text) });
      read = true;
    }
    for (const m of rest.matchAll(NAMED_ARTICLES)) {
      const result = readable(entryIntoForce(normaliseClause(m[2]), published, signed), s.text);
      for (const article of articleNumbers(m[1])) out.overrides.push({ article, where: s.where, result });
      read = true;
    }
    if (!read) out.unread.push(s);
  }
  return out;
}
