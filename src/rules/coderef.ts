/** Code sets as the act writes them, compiled once into sets for O(1) membership. */
import { isValidCode, withCheckDigit } from '../code.js';
import type { CodeRef } from './types.js';

/** A compiled code set. */
export interface CodeSetIndex {
  /** Every code of the set (pairs' both codes, ranges expanded to valid codes). */
  readonly codes: ReadonlySet<string>;
  /** Nomenclature articles (normalised: "17bis"), or null. */
  readonly articles: ReadonlySet<string> | null;
  /**
   * The set as written, for explanations: "474633-474644", "598006 à 599023", "art. 17bis".
   * Frozen: reasons cite it, and their serializer encodes it once.
   */
  readonly labels: readonly string[];
  /** The service a code belongs to: both codes of a pair map to the ambulatory one. */
  serviceOf(code: string): string;
  /** Membership of a code (with its normalised article, for article-scoped sets). */
  has(code: string, article?: string | null): boolean;
}

/** Normalises an article reference: "17 bis" → "17bis"; "Art. 17quater, § 1" → "17quater". */
export function normaliseArticle(article: string): string {
  const m = /^\s*(?:art(?:icle)?\.?\s*)?(\d+)\s*(bis|ter|quater|quinquies|sexies)?/i.exec(article);
  if (!m) return article.trim().toLowerCase();
  return m[1] + (m[2] ? m[2].toLowerCase() : '');
}

/** Every code with a valid check digit in [from, to]. */
export function expandRange(from: string, to: string): string[] {
  const out: string[] = [];
  const a = Number(from.slice(0, 5));
  const b = Number(to.slice(0, 5));
  for (let stem = a; stem <= b; stem++) {
    const c = withCheckDigit(stem);
    if (c >= from && c <= to) out.push(c);
  }
  return out;
}

/** The codes a CodeRef names explicitly (pairs and singles, ranges expanded). */
export function codesOf(ref: CodeRef): string[] {
  const out: string[] = [];
  for (const [a, h] of ref.pairs ?? []) out.push(a, h);
  for (const c of ref.codes ?? []) out.push(c);
  for (const [f, t] of ref.ranges ?? []) out.push(...expandRange(f, t));
  return out;
}

export function labelsOf(ref: CodeRef): string[] {
  const out: string[] = [];
  for (const [a, h] of ref.pairs ?? []) out.push(`${a}-${h}`);
  for (const c of ref.codes ?? []) out.push(c);
  for (const [f, t] of ref.ranges ?? []) out.push(`${f}…${t}`);
  for (const a of ref.articles ?? []) out.push(`art. ${a}`);
  return out;
}

export function compileCodeRef(ref: CodeRef): CodeSetIndex {
  const codes = new Set<string>();
  const service = new Map<string, string>();
  for (const [a, h] of ref.pairs ?? []) {
    codes.add(a); codes.add(h);
    service.set(a, a); service.set(h, a);
  }
  for (const c of ref.codes ?? []) codes.add(c);
  for (const [f, t] of ref.ranges ?? []) for (const c of expandRange(f, t)) codes.add(c);
  const articles = ref.articles && ref.articles.length ? new Set(ref.articles.map(normaliseArticle)) : null;
  return {
    codes,
    articles,
    labels: Object.freeze(labelsOf(ref)),
    serviceOf: (code) => service.get(code) ?? code,
    has: (code, article) => codes.has(code) || (articles !== null && article != null && articles.has(article)),
  };
}

/** True when every explicit code of the ref has a valid check digit (written misprints excepted). */
export function invalidCodesOf(ref: CodeRef): string[] {
  return codesOf(ref).filter((c) => !isValidCode(c));
}
