/**
 * The terms of a convention, read from its own clauses: when it starts (a fixed date, or the
 * first day of the n-th month after its signature), when it ends (a last day, or indefinitely),
 * whether it is renewed tacitly, and the notice that ends it (months, and when the notice starts).
 * Each term keeps the sentence it comes from, so that every period computed from it cites it.
 */
import type { IsoDate } from '../../date.js';
import type { DocumentDates } from '../../facts.js';
import { fold } from '../../text.js';
import { ordinal } from '../french.js';
import type { ArticleSentence } from './dates.js';

/** A sentence of the convention a term comes from. */
export interface TermSource {
  article: string;
  text: string;
}

export type TermStart =
  | { kind: 'fixed'; date: IsoDate; source: TermSource }
  /** The first day of the `month`-th month after the signature (1: the next month). */
  | { kind: 'after-signature'; month: number; source: TermSource };

export type TermEnd =
  | { kind: 'fixed'; date: IsoDate; source: TermSource }
  | { kind: 'indefinite'; source: TermSource };

/** The terms the text states; a term it does not state is null (never invented). */
export interface TermClauses {
  start: TermStart | null;
  end: TermEnd | null;
  renewal: { tacit: boolean; source: TermSource } | null;
  /** Months of notice; `startsNextMonth`: the notice runs from the first day of the month after the letter. */
  notice: { months: number; startsNextMonth: boolean; source: TermSource } | null;
  /** Other ends the text states in words (termination, criteria no longer met): shown, not computed. */
  otherEnds: TermSource[];
}

function norm(s: string): string {
  return fold(s).replace(/[’ʼ`]/g, "'").replace(/\s+/g, ' ');
}

const SUBJECT = /\bconvention\b|^elle\b/;
const NUMBER = /^(\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|dix-huit|vingt-quatre|trente-six)$/;
const WORDS: Record<string, number> = {
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12,
  'dix-huit': 18, 'vingt-quatre': 24, 'trente-six': 36,
};

/** A whole number written in digits or in French words ("6", "six"); null otherwise. */
export function frenchNumber(word: string): number | null {
  const w = norm(word).trim();
  if (!NUMBER.test(w)) return null;
  return /^\d+$/.test(w) ? Number(w) : WORDS[w] ?? null;
}

/**
 * Reads the terms from the article sentences and the dates already read (`readDates`): the
 * start and the last day come from the same clauses as the document's dates, so both agree.
 */
export function readTerms(sentences: readonly ArticleSentence[], dates: DocumentDates, entryIndex: number | null, untilIndex: number | null): TermClauses {
  const src = (i: number): TermSource => ({ article: sentences[i].article, text: sentences[i].text });
  let start: TermStart | null = null;
  if (entryIndex !== null) {
    const f = norm(sentences[entryIndex].text);
    const rel = /\b(?:1er|premier) jour du (?:(\S+) )?mois qui suit (?:celui de |le mois de )?(?:la|sa) signature\b/.exec(f);
    if (rel && !dates.signed) start = { kind: 'after-signature', month: rel[1] ? ordinal(rel[1]) ?? 1 : 1, source: src(entryIndex) };
    else if (dates.entryIntoForce) start = { kind: 'fixed', date: dates.entryIntoForce, source: src(entryIndex) };
  }
  let end: TermEnd | null = null;
  if (untilIndex !== null && dates.validUntil) end = { kind: 'fixed', date: dates.validUntil, source: src(untilIndex) };
  let renewal: TermClauses['renewal'] = null;
  let notice: TermClauses['notice'] = null;
  const otherEnds: TermSource[] = [];
  sentences.forEach((s, i) => {
    if (!/dur|reconduit|prolong|preavis|denonc|resili|prend fin|cesse/i.test(fold(s.text))) return;
    const f = norm(s.text);
    if (!end && SUBJECT.test(f) && /\b(?:a|pour une|pour une periode a) duree indeterminee\b/.test(f)) end = { kind: 'indefinite', source: src(i) };
    if (!renewal && SUBJECT.test(f)) {
      if (/\b(?:n'est pas|ne sera pas|n'est pas) (?:reconduite|prolongee) tacitement\b|\bsans reconduction tacite\b/.test(f)) renewal = { tacit: false, source: src(i) };
      else if (/\b(?:est|sera) (?:reconduite|prolongee) tacitement\b|\breconduction tacite\b/.test(f)) renewal = { tacit: true, source: src(i) };
    }
    const m = /\bpreavis de (\S+) mois\b/.exec(f);
    if (!notice && m && frenchNumber(m[1]) !== null) {
      notice = { months: frenchNumber(m[1])!, startsNextMonth: /\bprenant cours le (?:1er|premier) jour du mois qui suit\b/.test(f), source: src(i) };
    } else if (SUBJECT.test(f) && /\b(?:peut etre resiliee|prend fin|cesse d'exister)\b/.test(f)) otherEnds.push(src(i));
  });
  return { start, end, renewal, notice, otherEnds };
}
