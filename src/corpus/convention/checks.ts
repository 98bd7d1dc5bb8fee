/** Consistency checks of a convention's facts: check digits, pairs, fee arithmetic. */
import { checkCode, checkPair, type CodeProblem } from '../../code.js';
import { cmp, dec, feeOf, fmt, mul } from '../../decimal.js';
import type { CodeSet, SourceIssue } from '../../facts.js';
import type { Mentions } from '../mentions.js';

/** "587134-587145" or "599001". */
export function codeSetText(codes: CodeSet): string {
  return codes.kind === 'pair' ? `${codes.ambulatory}-${codes.hospitalised}` : codes.code;
}

/** A CodeSet from written codes (one, or a pair). */
export function codeSetOf(codes: readonly string[]): CodeSet {
  return codes.length > 1 ? { kind: 'pair', ambulatory: codes[0], hospitalised: codes[1] } : { kind: 'single', code: codes[0] };
}

/** Explains one code problem as a source issue (the correction is proposed, never applied). */
function issueOf(p: CodeProblem, where: string, pair: string | null): SourceIssue {
  const ctx = pair && pair !== p.written ? ` (in ${pair})` : '';
  switch (p.code) {
    case 'invalid-check-digit': {
      const stem = p.written.slice(0, 5);
      return {
        severity: 'error', code: 'invalid-check-digit', where, proposal: p.expected,
        message: `${p.written}${ctx}: invalid check digit (${stem} mod 7 = ${Number(stem) % 7}); proposal ${p.expected}`,
      };
    }
    case 'broken-pair':
      return {
        severity: 'error', code: 'broken-pair', where, proposal: p.expected,
        message: `${p.written}: the second code is not the hospitalised twin of the first; proposal ${p.expected}`,
      };
    default:
      return { severity: 'error', code: 'other', where, message: `${p.written}: not a nomenclature code` };
  }
}

/**
 * Problems of written codes. A pair whose hospitalised code has a wrong check digit is also
 * a "broken pair"; when the corrected code is the twin, one issue says both.
 */
export function pairIssues(codes: readonly string[], where: string): SourceIssue[] {
  if (codes.length < 2) {
    const p = checkCode(codes[0]);
    return p ? [issueOf(p, where, null)] : [];
  }
  const written = `${codes[0]}-${codes[1]}`;
  const problems = checkPair(codes[0], codes[1]);
  const fixed = new Set(problems.filter((p) => p.code === 'invalid-check-digit').map((p) => `${codes[0]}-${(p as { expected: string }).expected}`));
  return problems
    .filter((p) => !(p.code === 'broken-pair' && fixed.has(p.expected)))
    .map((p) => {
      const issue = issueOf(p, where, written);
      if (p.code === 'invalid-check-digit' && p.written === codes[1] && fixed.has(`${codes[0]}-${p.expected}`)) {
        issue.message += `, which is also the hospitalised twin of ${codes[0]}`;
      }
      return issue;
    });
}

/** Problems of every code a sentence names (pairs, singles, range bounds). */
export function mentionIssues(m: Mentions, where: string): SourceIssue[] {
  const out: SourceIssue[] = [];
  for (const pair of m.pairs) out.push(...pairIssues(pair, where));
  for (const c of m.singles) out.push(...pairIssues([c], where));
  for (const [a, b] of m.ranges) out.push(...pairIssues([a], where), ...pairIssues([b], where));
  return out;
}

/** The exact product, the rounded fee, and whether the printed fee agrees. */
export function feeCheck(relativeValue: string, coefficient: string, printed: string): { product: string; expected: string; ok: boolean } {
  const expected = feeOf(relativeValue, coefficient);
  return { product: fmt(mul(dec(relativeValue), dec(coefficient))), expected, ok: cmp(dec(expected), dec(printed)) === 0 };
}
