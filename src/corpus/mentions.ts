/** Finds the codes a sentence names: single codes, "A-B" pairs, and "A à B" ranges. */
import { checkPair, checkCode, type CodeProblem } from '../code.js';

/** What a sentence names. Pairs and singles keep their written form; `codes` lists every code. */
export interface Mentions {
  pairs: [string, string][];
  singles: string[];
  ranges: [string, string][];
  /** Every code named, in order of appearance, without duplicates (pairs give both codes). */
  codes: string[];
  /** Problems of the written codes (check digit, broken pair), with proposed corrections. */
  problems: CodeProblem[];
}

// One grammar of written codes for every parser (acts, conventions, rules): groups 1-2 a code or
// an "A-B" pair, groups 1 and 3 an "A à B" range.
// A 6-digit number not glued to other digits, nor the decimals of a shorter number ("2,801231");
// a pair may break across a line after the hyphen.
export const CODE_TOKEN = /(?<!\d)(?<!(?<!\d)\d{1,5}[.,])(\d{6})(?:\s*-\s*(\d{6})|\s+(?:à|a|tot)\s+(\d{6}))?(?!\d)/g;
const TOKEN = CODE_TOKEN;

/** Extracts the codes named in `text`. Numbers that are obviously not codes (years, amounts) are not 6-digit. */
export function mentions(text: string): Mentions {
  const out: Mentions = { pairs: [], singles: [], ranges: [], codes: [], problems: [] };
  const seen = new Set<string>();
  const push = (c: string) => { if (!seen.has(c)) { seen.add(c); out.codes.push(c); } };
  for (const m of text.matchAll(TOKEN)) {
    const [, a, pairB, rangeB] = m;
    if (pairB) {
      out.pairs.push([a, pairB]);
      out.problems.push(...checkPair(a, pairB));
      push(a); push(pairB);
    } else if (rangeB) {
      out.ranges.push([a, rangeB]);
      for (const c of [a, rangeB]) { const p = checkCode(c); if (p) out.problems.push(p); }
    } else {
      out.singles.push(a);
      const p = checkCode(a);
      if (p) out.problems.push(p);
      push(a);
    }
  }
  return out;
}

/** True when `code` lies in the inclusive range [from, to]. */
export function inRange(code: string, [from, to]: [string, string]): boolean {
  return code >= from && code <= to;
}
