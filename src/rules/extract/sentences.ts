/**
 * Sentence and clause splitting for rule texts, and the code sets a phrase names.
 * Matching is done on folded text (lower case, no accents: same length as the source for
 * precomposed characters); citations keep the original sentence.
 */
import { hospitalisedTwinOf, isValidCode } from '../../code.js';
import { mentions } from '../../corpus/mentions.js';
import { fold as foldAccents, squash } from '../../text.js';
import type { CodeRef } from '../types.js';

/** Abbreviations after which a full stop does not end a sentence. */
const ABBREV = /(?:\bn°s?|\bnos?|\bart|\bArt|\bp\.c|\be\.a|\bal|\bcf|\betc|\bDr|\bMme|\bM|\bch|\bprest|\bi\.e|\be\.g|\b[A-Z])$/;

/** Splits a (squashed) text into sentences: a full stop followed by a space and a capital, a quote, or a list number. */
export function sentences(text: string): string[] {
  const t = squash(text);
  const out: string[] = [];
  let start = 0;
  const re = /([.!?])(["”»]?)\s+(?=["“«]?\s*[A-ZÀ-ÖØ-Ý0-9])/g;
  for (let m = re.exec(t); m !== null; m = re.exec(t)) {
    const before = t.slice(start, m.index);
    if (m[1] === '.' && ABBREV.test(before)) continue;
    // "4° Les honoraires…" and "1. Au littera …": a number directly after the stop starts a new item only when followed by ° or a dot
    const next = t.slice(m.index + m[0].length, m.index + m[0].length + 6);
    if (/^\d/.test(next) && !/^\d{1,2}(?:°|\.\s|\)\s)/.test(next)) continue;
    const end = m.index + 1 + m[2].length;
    const s = t.slice(start, end).trim();
    if (s) out.push(s);
    start = m.index + m[0].length;
  }
  const last = t.slice(start).trim();
  if (last) out.push(last);
  return out;
}

/** Splits a sentence into clauses at semicolons. */
export function clauses(sentence: string): string[] {
  return sentence.split(/\s*;\s+/).map((s) => s.trim()).filter(Boolean);
}

/** Lower case, no accents, typographic apostrophes and quotes made plain (length preserved for NFC text). */
export function fold(s: string): string {
  return foldAccents(s).replace(/[’‘ʼ]/g, "'").replace(/[“”«»]/g, '"');
}

/** Number words of the texts (a Map: a word of the text such as "constructor" must not find Object.prototype's). */
const NUMBERS = new Map<string, number>(Object.entries({
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, douze: 12,
}));

/** Reads "deux", "3", "une" as a number, or null. */
export function numberWord(w: string): number | null {
  if (/^\d+$/.test(w)) return Number(w);
  return NUMBERS.get(fold(w)) ?? null;
}

/** A code set read from a phrase, with notes on written codes that needed reading. */
export interface ReadRef {
  ref: CodeRef;
  notes: string[];
  empty: boolean;
}

/**
 * The codes a phrase names, as a CodeRef. A pair whose hospitalised code has an invalid check
 * digit (a misprint of the source, e.g. "105335-105345") is read as the ambulatory code and its
 * computed twin, and a note says so: never silently.
 */
export function readCodes(phrase: string): ReadRef {
  const m = mentions(phrase);
  const ref: CodeRef = {};
  const notes: string[] = [];
  for (const [a, h] of m.pairs) {
    if (isValidCode(a) && !isValidCode(h) && hospitalisedTwinOf(a) !== h) {
      const twin = hospitalisedTwinOf(a);
      notes.push(`"${a}-${h}" is written with an invalid check digit; read as ${a}-${twin} (the hospitalised twin of ${a})`);
      (ref.pairs ??= []).push([a, twin]);
    } else {
      (ref.pairs ??= []).push([a, h]);
    }
  }
  if (m.singles.length) ref.codes = [...m.singles];
  if (m.ranges.length) ref.ranges = m.ranges.map(([f, t]) => [f, t] as [string, string]);
  return { ref, notes, empty: !m.pairs.length && !m.singles.length && !m.ranges.length };
}

/** The first code a CodeRef names (for ids). */
export function firstCode(ref: CodeRef): string {
  return ref.pairs?.[0]?.[0] ?? ref.codes?.[0] ?? ref.ranges?.[0]?.[0] ?? (ref.articles?.length ? `art${ref.articles[0].replace(/\s+/g, '')}` : 'none');
}

/** Reads "articles 17, 17 bis, 17 ter et 17 quater" as ["17", "17bis", "17ter", "17quater"]. */
export function readArticles(folded: string): string[] {
  const m = /\barticles?\s+((?:\d+\s*(?:bis|ter|quater|quinquies)?(?:\s*,\s*|\s+et\s+|\s+ou\s+)?)+)/.exec(folded);
  if (!m) return [];
  const out: string[] = [];
  for (const a of m[1].matchAll(/(\d+)\s*(bis|ter|quater|quinquies)?/g)) out.push(a[1] + (a[2] ?? ''));
  return out;
}
