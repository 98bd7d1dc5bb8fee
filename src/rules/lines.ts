/** Small helpers the kinds share to query the ledger without allocating much. */
import type { LedgerLine } from './context.js';
import type { LineRef } from './types.js';

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
