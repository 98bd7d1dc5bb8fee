/**
 * frequency: at most `max` units per calendar day / calendar year / stay / started n-day
 * period of a stay / lifetime / since the latest anchor line (e.g. "per CM"), optionally per
 * side; the codes of the scope counted together, or each service (pair) on its own.
 */
import { addDays, fromDayNumber } from '../date.js';
import { compileCodeRef, type CodeSetIndex } from './coderef.js';
import type { CurrentLine, EvalContext, LedgerLine } from './context.js';
import type { CompiledRule, RuleKind } from './kind.js';
import { candidates, refs, serviceGroups, unitsOf, yearWindow } from './lines.js';
import type { Detail, Outcome } from './outcomes.js';
import type { FrequencyParams } from './params.js';

interface Compiled {
  anchor: CodeSetIndex | null;
  /** The codes of each service of the scope (candidates read per service, not the whole ledger). */
  groups: Map<string, readonly string[]>;
}

type Rule = CompiledRule<FrequencyParams, Compiled>;

function counts(rule: Rule, line: CurrentLine, l: LedgerLine): boolean {
  if (rule.rule.params.together) return rule.scope.has(l.code, l.article);
  return rule.scope.serviceOf(l.code) === rule.scope.serviceOf(line.code);
}

export const frequency: RuleKind<FrequencyParams, Compiled> = {
  name: 'frequency',
  reports: () => 'frequency',
  compile: (rule) => ({ anchor: rule.params.period.unit === 'since' ? compileCodeRef(rule.params.period.anchor) : null, groups: serviceGroups(rule.scope) }),
  evaluate(line: CurrentLine, ctx: EvalContext, rule: Rule): Outcome | null {
    const p = rule.rule.params;
    const unit = p.period.unit;
    let pool: readonly LedgerLine[];
    let window: { from: string; to: string } | null = null;
    let anchorLine: LedgerLine | null = null;
    let periodDays: number | null = null;
    let stay: string | null = null;
    // what the rule counts, read from the ledger's indexes: a subsequence of the ledger in insertion order
    const counted0 = (): readonly LedgerLine[] => candidates(ctx.ledger, rule.scope, (rule.compiled as Compiled).groups, p.together === true, line.code);
    switch (unit) {
      case 'day':
        pool = ctx.ledger.onDay(line.day);
        window = { from: line.date, to: line.date };
        break;
      case 'year':
        pool = counted0();
        window = yearWindow(line.date);
        break;
      case 'lifetime':
        pool = counted0();
        break;
      case 'stay':
      case 'stay-period': {
        if (line.stay === null) return { outcome: 'warning', detail: { code: 'frequency.no-stay', service: line.code, max: p.max, period: unit } };
        pool = ctx.ledger.inStay(line.stay);
        const c = counted0();
        // the shorter list: a long stay's lines, or the few of the rule's services
        if (c.length < pool.length) { pool = c; stay = line.stay; }
        if (p.period.unit === 'stay-period' && line.admissionDay !== null) {
          periodDays = p.period.days;
          const k = Math.floor((line.day - line.admissionDay) / periodDays);
          const start = line.admissionDay + k * periodDays;
          window = { from: fromDayNumber(start), to: fromDayNumber(start + periodDays - 1) };
        }
        break;
      }
      case 'since': {
        const anchor = (rule.compiled as Compiled).anchor!;
        for (const l of ctx.ledger.select(anchor, (x) => anchor.has(x.code, x.article))) {
          if (l.day <= line.day && anchor.has(l.code, l.article) && (anchorLine === null || l.day >= anchorLine.day)) anchorLine = l;
        }
        if (anchorLine === null) return null; // the prerequisite rule speaks for a missing anchor
        pool = counted0();
        window = { from: anchorLine.date, to: '9999-12-31' };
        break;
      }
    }
    const matched: LedgerLine[] = [];
    const perSide = p.perSide === true;
    for (const l of pool) {
      if (stay !== null && l.stay !== stay) continue;
      if (window !== null && (l.date < window.from || l.date > window.to)) continue;
      if (perSide && line.side !== null && l.side !== line.side) continue;
      if (!counts(rule, line, l)) continue;
      matched.push(l);
    }
    const counted = unitsOf(matched);
    if (perSide && line.side === null) {
      // Side not given: both sides together allow 2 × max; beyond that it is exceeded whatever the side.
      if (counted + line.units > 2 * p.max) return exceeded();
      return { outcome: 'warning', detail: { code: 'frequency.side-missing', service: line.code, max: p.max, counted, lines: refs(matched) } };
    }
    return counted + line.units > p.max ? exceeded() : { outcome: 'satisfied', detail: detail('frequency.within') };

    function detail(code: 'frequency.exceeded' | 'frequency.within'): Detail {
      return {
        code,
        service: line.code,
        max: p.max,
        counted,
        units: line.units,
        period: unit,
        periodDays,
        window: unit === 'lifetime' || unit === 'stay' ? null : window && window.to === '9999-12-31' ? { from: window.from, to: line.date } : window,
        stay: unit === 'stay' || unit === 'stay-period' ? line.stay : null,
        side: perSide ? line.side : null,
        together: p.together ? rule.scope.labels : null,
        anchor: anchorLine ? anchorLine.ref : null,
        lines: refs(matched),
      };
    }
    function exceeded(): Outcome {
      return { outcome: 'violated', detail: detail('frequency.exceeded') };
    }
  },
};

/** The last day of a started period (exported for tests). */
export function periodEnd(admission: string, dayOfStay: number, days: number): string {
  const k = Math.floor((dayOfStay - 1) / days);
  return addDays(admission, k * days + days - 1);
}
