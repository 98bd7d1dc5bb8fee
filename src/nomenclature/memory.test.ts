import { describe, expect, it } from 'vitest';
import { addDays, type IsoDate } from '../date.js';
import { builtinNomenclature } from './builtin.js';
import type { CodeFact } from './code-facts.js';
import { cutsOf } from './consolidate.js';
import { MemoryNomenclature, type TimelineNomenclature } from './memory.js';

const src = (article: string) => ({ document: 'D1', article, text: `sentence of ${article}` });
const base = { document: 'D1', seq: 0 };

/** Every period a query can fall in: each cut, the day before it, and dates far before and after. */
function checkPeriods(n: TimelineNomenclature, code: string): number {
  const t = n.timeline(code)!;
  const cuts = cutsOf(t);
  const dates: IsoDate[] = ['1900-01-01', '2099-12-31', ...cuts, ...cuts.map((c) => addDays(c, -1))];
  for (const d of dates) {
    const p = n.period(code, d);
    const { at, ...state } = n.state(code, d);
    expect(at).toBe(d);
    // the period's state is the state on each of its days
    expect(p.state).toEqual(state);
    expect(p.from === null || p.from <= d).toBe(true);
    expect(p.to === null || d < p.to).toBe(true);
    // the same object on its first and last day, another one on the next day
    if (p.from !== null) expect(n.period(code, p.from)).toBe(p);
    if (p.to !== null) {
      expect(n.period(code, addDays(p.to, -1))).toBe(p);
      expect(n.period(code, p.to)).not.toBe(p);
      const { at: _, ...last } = n.state(code, addDays(p.to, -1));
      expect(last).toEqual(p.state);
    }
  }
  return cuts.length;
}

describe('periods of a code', () => {
  it('follow versions, fee rows and coefficients, and hold the state of every day in them', () => {
    const pair = { ambulatory: '587134', hospitalised: '587145' };
    const n = new MemoryNomenclature([
      { ...base, op: 'define', code: '587145', effective: '2024-11-01', until: '2029-10-31', periodBasis: 'convention', pair, value: { keyLetter: 'I', relativeValue: '633' }, label: 'Ablation', article: '4.1.1', convention: 'x', source: src('4.1.1') },
      { ...base, seq: 1, op: 'fee', code: '587145', validFrom: '2024-11-01', validTo: '2024-12-31', endReason: 'indexed each 1 January', keyLetter: 'I', coefficient: '2.801231', relativeValue: '633', fee: '1773.18', preferential: '1773.18', standard: '1773.17', source: src('4.1.3') },
      { ...base, seq: 2, op: 'coefficient', code: 'key:I', keyLetter: 'I', validFrom: '2026-01-01', validTo: '2026-12-31', coefficient: '2.9', source: src('coef') },
    ] as CodeFact[]);
    expect(checkPeriods(n, '587145')).toBeGreaterThanOrEqual(5);
    // 2025 has no fee (the table ends, no coefficient): one period, whose reason holds for every day of it
    const gap = n.period('587145', '2025-06-15');
    expect([gap.from, gap.to, gap.state.fee]).toEqual(['2025-01-01', '2026-01-01', null]);
    expect(gap.state.feeReason).toMatch(/applies until 2024-12-31/);
    expect(gap.state.feeReason).not.toContain('2025');
    expect(n.period('587145', '2026-03-01').state.fee).toBe('1835.70');
  });

  it('hold for every code of the built-in corpus', () => {
    const n = builtinNomenclature();
    let cuts = 0;
    for (const code of n.codes()) cuts += checkPeriods(n, code);
    expect(cuts).toBeGreaterThan(100);
  });

  it('a code the corpus never names has one open period', () => {
    const p = builtinNomenclature().period('123453', '2020-01-01');
    expect([p.from, p.to, p.state.status]).toEqual([null, null, 'unknown']);
    expect(p.state.feeReason).toMatch(/never names/);
  });
});
