/** The lines that count for later lines of one beneficiary, indexed by day, stay and code. */
import type { Ledger, LedgerLine } from '../rules/context.js';

const EMPTY: readonly LedgerLine[] = [];

export class MemoryLedger implements Ledger {
  readonly lines: LedgerLine[] = [];
  private readonly days = new Map<number, LedgerLine[]>();
  private readonly stays = new Map<string, LedgerLine[]>();
  private readonly codes = new Map<string, LedgerLine[]>();

  add(line: LedgerLine): void {
    this.lines.push(line);
    push(this.days, line.day, line);
    if (line.stay !== null) push(this.stays, line.stay, line);
    push(this.codes, line.code, line);
  }

  onDay(day: number): readonly LedgerLine[] {
    return this.days.get(day) ?? EMPTY;
  }

  inStay(stay: string): readonly LedgerLine[] {
    return this.stays.get(stay) ?? EMPTY;
  }

  ofCode(code: string): readonly LedgerLine[] {
    return this.codes.get(code) ?? EMPTY;
  }
}

function push<K>(m: Map<K, LedgerLine[]>, k: K, v: LedgerLine): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
