/**
 * The lines that count for later lines of one beneficiary, indexed by day, stay and code, and
 * filtered views kept up to date as lines are added (see `Ledger.select`). Every list is a
 * subsequence of `lines` in insertion order, so a rule reading a list instead of `lines` finds
 * the same lines in the same order.
 */
import type { Ledger, LedgerLine } from '../rules/context.js';

const EMPTY: readonly LedgerLine[] = [];

interface CodeList {
  lines: LedgerLine[];
  /** Position in `lines` of the ledger of each line: merging code lists keeps insertion order. */
  at: number[];
}

interface View {
  lines: LedgerLine[];
  /** How many ledger lines the view has looked at. */
  seen: number;
}

interface Merged {
  lines: LedgerLine[];
  /** How many lines of each code's list are merged. */
  taken: number[];
}

export class MemoryLedger implements Ledger {
  readonly lines: LedgerLine[] = [];
  private readonly days = new Map<number, LedgerLine[]>();
  private readonly stays = new Map<string, LedgerLine[]>();
  private readonly codes = new Map<string, CodeList>();
  private readonly views = new Map<object, View>();
  private readonly merged = new Map<string, Merged>();

  add(line: LedgerLine): void {
    const at = this.lines.length;
    this.lines.push(line);
    push(this.days, line.day, line);
    if (line.stay !== null) push(this.stays, line.stay, line);
    const c = this.codes.get(line.code);
    if (c) { c.lines.push(line); c.at.push(at); } else this.codes.set(line.code, { lines: [line], at: [at] });
  }

  onDay(day: number): readonly LedgerLine[] {
    return this.days.get(day) ?? EMPTY;
  }

  inStay(stay: string): readonly LedgerLine[] {
    return this.stays.get(stay) ?? EMPTY;
  }

  ofCode(code: string): readonly LedgerLine[] {
    return this.codes.get(code)?.lines ?? EMPTY;
  }

  ofCodes(codes: readonly string[]): readonly LedgerLine[] {
    if (codes.length === 1) return this.ofCode(codes[0]);
    // kept merged per set of codes: each line of a code list is merged once
    const key = codes.join('\u0000');
    let m = this.merged.get(key);
    if (m === undefined) { m = { lines: [], taken: codes.map(() => 0) }; this.merged.set(key, m); }
    const lists = codes.map((c) => this.codes.get(c));
    for (;;) {
      let best = -1;
      let bestAt = Infinity;
      for (let k = 0; k < lists.length; k++) {
        const list = lists[k];
        if (list !== undefined && m.taken[k] < list.at.length && list.at[m.taken[k]] < bestAt) { best = k; bestAt = list.at[m.taken[k]]; }
      }
      if (best < 0) return m.lines;
      m.lines.push(lists[best]!.lines[m.taken[best]++]);
    }
  }

  select(owner: object, test: (l: LedgerLine) => boolean): readonly LedgerLine[] {
    let v = this.views.get(owner);
    if (v === undefined) { v = { lines: [], seen: 0 }; this.views.set(owner, v); }
    const all = this.lines;
    for (let i = v.seen; i < all.length; i++) if (test(all[i])) v.lines.push(all[i]);
    v.seen = all.length;
    return v.lines;
  }
}

function push<K>(m: Map<K, LedgerLine[]>, k: K, v: LedgerLine): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
