/** Small helpers the kinds share to query the ledger without allocating much. */
import type { CodeSetIndex } from './coderef.js';
import type { Ledger, LedgerLine } from './context.js';
import type { CodeRef, LineRef } from './types.js';

/** At most this many lines are listed in an outcome (the count says the rest). */
export const MAX_LISTED = 5;

export function refs(lines: readonly LedgerLine[]): LineRef[] {
  const out: LineRef[] = [];
  for (let i = 0; i < lines.length && i < MAX_LISTED; i++) out.push(lines[i].ref);
  return out;
}

/** Sum of units. */
export function unitsOf(lines: readonly LedgerLine[]): number {
  let n = 0;
  for (const l of lines) n += l.units;
  return n;
}

/** The calendar year window of a date: [YYYY-01-01, YYYY-12-31]. */
export function yearWindow(date: string): { from: string; to: string } {
  const y = date.slice(0, 4);
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}

/**
 * The codes of each service of a scope that has more than one (both codes of a pair), as
 * compileCodeRef maps them: serviceOf(c) === s holds only for c === s or c in groups.get(s).
 */
export function serviceGroups(ref: CodeRef): Map<string, readonly string[]> {
  const service = new Map<string, string>();
  for (const [a, h] of ref.pairs ?? []) { service.set(a, a); service.set(h, a); }
  const groups = new Map<string, string[]>();
  for (const [c, s] of service) {
    const g = groups.get(s);
    if (g === undefined) groups.set(s, c === s ? [s] : [s, c]);
    else if (!g.includes(c)) g.push(c);
  }
  return groups;
}

/**
 * The ledger lines a rule of this scope counts for a line, as a subsequence of the ledger in
 * insertion order: every line of the scope (`together`), or every line of the line's service.
 * A superset of what the kind counts: the kind still applies its own test to each line.
 */
export function candidates(ledger: Ledger, scope: CodeSetIndex, groups: ReadonlyMap<string, readonly string[]>, together: boolean, code: string): readonly LedgerLine[] {
  if (together) return ledger.select(scope, (l) => scope.has(l.code, l.article));
  const mine = scope.serviceOf(code);
  return ledger.ofCodes(groups.get(mine) ?? [mine]);
}
