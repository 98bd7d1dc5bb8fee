/**
 * The ledger's indexes (code lists, merged code lists, filtered views) against a straightforward
 * scan: the rule kinds that read the ledger give the same outcome, whichever ledger they read,
 * on generated ledgers and rules (lines added between evaluations, as the evaluator does).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from '../date.js';
import type { PeriodState } from '../nomenclature/types.js';
import type { CurrentLine, EvalContext, Ledger, LedgerLine } from '../rules/context.js';
import { frequency } from '../rules/frequency.js';
import { interval } from '../rules/interval.js';
import { compileRule, type CompiledRule, type RuleKind } from '../rules/kind.js';
import { nonCumulation } from '../rules/non-cumulation.js';
import { prerequisite } from '../rules/prerequisite.js';
import { rule } from '../rules/test-support.js';
import type { CodeRef } from '../rules/types.js';
import { MemoryLedger } from './ledger.js';

/** The ledger as a plain list: every query is a scan of every line (the reference). */
class ScanLedger implements Ledger {
  readonly lines: LedgerLine[] = [];
  add(l: LedgerLine): void { this.lines.push(l); }
  onDay(day: number) { return this.lines.filter((l) => l.day === day); }
  inStay(stay: string) { return this.lines.filter((l) => l.stay === stay); }
  ofCode(code: string) { return this.lines.filter((l) => l.code === code); }
  ofCodes(codes: readonly string[]) { return this.lines.filter((l) => codes.includes(l.code)); }
  select(_owner: object, test: (l: LedgerLine) => boolean) { return this.lines.filter(test); }
}

// a few codes: two pairs, singles, and codes under an article
const CODES = ['474633', '474644', '474552', '474563', '599443', '599465', '350755', '350770'];
/** Codes no generated scope names: long days and stays of other services. */
const OTHERS = ['101010', '102012', '103014', '104016'];
const ARTICLES = ['14', '17bis', null];
const refArb: fc.Arbitrary<CodeRef> = fc.record({
  pairs: fc.subarray([['474633', '474644'], ['474552', '474563']] as [string, string][]),
  codes: fc.subarray(['599443', '599465', '350755']),
  articles: fc.subarray(['14', '17bis']),
});
const START = toDayNumber('2000-12-20');

const lineArb = fc.record({
  code: fc.oneof({ arbitrary: fc.constantFrom(...CODES), weight: 1 }, { arbitrary: fc.constantFrom(...OTHERS), weight: 2 }),
  // a few days too: long days and stays take the other paths of the indexes
  day: fc.oneof(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 30 })),
  units: fc.integer({ min: 1, max: 2 }),
  stay: fc.constantFrom(null, 'S1', 'S2'),
  side: fc.constantFrom(null, 'left', 'right'),
  lesion: fc.constantFrom(null, 'a', 'b'),
  provider: fc.constantFrom(null, 'P1', 'P2'),
  article: fc.constantFrom(...ARTICLES),
  history: fc.boolean(),
  /** Whether the line is added to the ledger after its evaluation (accepted). */
  accepted: fc.boolean(),
});

function lineOf(g: typeof lineArb extends fc.Arbitrary<infer T> ? T : never, i: number): CurrentLine {
  const day = START + g.day;
  const date = fromDayNumber(day);
  const admissionDay = g.stay === null ? null : START - (g.stay === 'S1' ? 3 : 0);
  return {
    ref: { claim: `c${i}`, code: g.code, date, history: g.history },
    code: g.code, date, day, units: g.units, stay: g.stay,
    admission: admissionDay === null ? null : fromDayNumber(admissionDay), admissionDay,
    hospitalService: null, side: g.side, lesion: g.lesion, providerId: g.provider, article: g.article, history: g.history,
    state: {} as PeriodState, provider: null, collaborator: null, institution: null, documents: [], approvals: [], indication: null,
  };
}

const periodArb = fc.oneof(
  fc.constant({ unit: 'day' as const }), fc.constant({ unit: 'year' as const }), fc.constant({ unit: 'stay' as const }),
  fc.constant({ unit: 'lifetime' as const }), fc.integer({ min: 1, max: 5 }).map((days) => ({ unit: 'stay-period' as const, days })),
  refArb.map((anchor) => ({ unit: 'since' as const, anchor })),
);
const ruleArb: fc.Arbitrary<CompiledRule> = fc.oneof(
  fc.record({ scope: refArb, max: fc.integer({ min: 1, max: 3 }), period: periodArb, together: fc.boolean(), perSide: fc.boolean() }).map((r) =>
    compiled('frequency', frequency, r.scope, { max: r.max, period: r.period, together: r.together, perSide: r.perSide })),
  fc.record({ scope: refArb, months: fc.integer({ min: 0, max: 1 }), days: fc.integer({ min: 0, max: 10 }), sameLesion: fc.boolean(), together: fc.boolean() }).map((r) =>
    compiled('interval', interval, r.scope, { months: r.months, days: r.days, sameLesion: r.sameLesion, together: r.together })),
  fc.record({ scope: refArb, oneOf: refArb, count: fc.integer({ min: 1, max: 2 }), timing: fc.constantFrom('before', 'before-or-same-day', 'same-day'), sameStay: fc.boolean(), ambulatory: fc.boolean() }).map((r) =>
    compiled('prerequisite', prerequisite, r.scope, { oneOf: r.oneOf, count: r.count, timing: r.timing, sameStay: r.sameStay, ambulatory: r.ambulatory })),
  fc.record({ scope: refArb, within: fc.constantFrom('day', 'stay'), mode: fc.constantFrom('among', 'against'), against: refArb, anyOther: fc.boolean(), except: fc.option(refArb, { nil: undefined }), sameProvider: fc.boolean(), severity: fc.constantFrom('violated', 'warning') }).map((r) =>
    compiled('non-cumulation', nonCumulation, r.scope, r.mode === 'among'
      ? { within: r.within, mode: 'among', severity: r.severity, sameProvider: r.sameProvider }
      : { within: r.within, mode: 'against', against: r.anyOther ? undefined : r.against, anyOther: r.anyOther || undefined, except: r.anyOther ? r.except : undefined, severity: r.severity, sameProvider: r.sameProvider })),
);

function compiled(kindName: string, kind: RuleKind, scope: CodeRef, params: unknown): CompiledRule {
  return compileRule(rule({ id: `${kindName}-rule`, kind: kindName as never, scope, params }), kind);
}

function contextOf(ledger: Ledger): EvalContext {
  return { beneficiary: { id: null, birthDate: null, sex: null, preferential: false }, ledger, institution: () => undefined, pendingSameDay: () => [] };
}

describe('ledger indexes', () => {
  it('the kinds decide the same on the indexed ledger as on a scan of every line (generated ledgers)', () => {
    fc.assert(
      fc.property(fc.array(ruleArb, { minLength: 1, maxLength: 4 }), fc.array(lineArb, { minLength: 1, maxLength: 80 }), (rules, gen) => {
        const indexed = new MemoryLedger();
        const scan = new ScanLedger();
        const a = contextOf(indexed);
        const b = contextOf(scan);
        gen.forEach((g, i) => {
          const line = lineOf(g, i);
          for (const r of rules) expect(r.kind.evaluate(line, a, r)).toEqual(r.kind.evaluate(line, b, r));
          if (g.accepted) { indexed.add(line); scan.add(line); }
        });
      }),
      { numRuns: Number(process.env.NOMEN_FUZZ_RUNS ?? 300) },
    );
  });

  it('a long day of other services: the rule reads the lines of its scope, of that day only', () => {
    const r = compiled('non-cumulation', nonCumulation, { pairs: [['474633', '474644']], codes: ['599443'] }, { within: 'day', mode: 'among', severity: 'violated' });
    const mk = (code: string, day: number, i: number) => lineOf({ code, day, units: 1, stay: null, side: null, lesion: null, provider: null, article: null, history: false, accepted: true }, i);
    for (const ledger of [new MemoryLedger(), new ScanLedger()]) {
      [mk('599443', 1, 0), mk('101010', 2, 1), mk('102012', 2, 2)].forEach((l) => ledger.add(l));
      expect(r.kind.evaluate(mk('474633', 2, 3), contextOf(ledger), r)?.outcome).toBe('satisfied');
      ledger.add(mk('599443', 2, 4));
      expect(r.kind.evaluate(mk('474633', 2, 5), contextOf(ledger), r)?.outcome).toBe('violated');
    }
  });

  it('merged code lists and views are subsequences in insertion order, kept up to date', () => {
    const l = new MemoryLedger();
    const mk = (code: string, i: number) => lineOf({ code, day: i, units: 1, stay: null, side: null, lesion: null, provider: null, article: null, history: false, accepted: true }, i);
    const x = [mk('474633', 0), mk('474644', 1), mk('599443', 2), mk('474633', 3)];
    l.add(x[0]); l.add(x[1]);
    const even = (line: LedgerLine) => line.day % 2 === 0;
    expect(l.ofCodes(['474633', '474644'])).toEqual([x[0], x[1]]);
    expect(l.select(even, (line) => (line.day - START) % 2 === 0)).toEqual([x[0]]);
    l.add(x[2]); l.add(x[3]);
    expect(l.ofCodes(['474633', '474644'])).toEqual([x[0], x[1], x[3]]);
    expect(l.ofCodes(['474644', '474633'])).toEqual([x[0], x[1], x[3]]);
    expect(l.select(even, (line) => (line.day - START) % 2 === 0)).toEqual([x[0], x[2]]);
  });
});
