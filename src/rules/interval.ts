/**
 * interval: a minimum delay (calendar months and/or days) between two lines of the scope,
 * per lesion where the text says so. "Within 3 months" = fewer than 3 calendar months after
 * the other line (explicit month arithmetic, end of month clamped). History lines dated after
 * the claim count as well: the two lines would be closer than the delay either way.
 */
import { addDays, addMonths } from '../date.js';
import type { CurrentLine, EvalContext, LedgerLine } from './context.js';
import type { CompiledRule, RuleKind } from './kind.js';
import { candidates, refs, serviceGroups } from './lines.js';
import type { Outcome } from './outcomes.js';
import type { IntervalParams } from './params.js';

/** The codes of each service of the scope (candidates read per service, not the whole ledger). */
type Compiled = Map<string, readonly string[]>;
type Rule = CompiledRule<IntervalParams, Compiled>;

/** The first date on which a line may follow one dated `d`. */
export function earliestAfter(d: string, months: number, days: number): string {
  return addDays(months ? addMonths(d, months) : d, days);
}

export const interval: RuleKind<IntervalParams, Compiled> = {
  name: 'interval',
  reports: () => 'interval',
  compile: (rule) => serviceGroups(rule.scope),
  evaluate(line: CurrentLine, ctx: EvalContext, rule: Rule): Outcome | null {
    const p = rule.rule.params;
    const scope = rule.scope;
    const mine = scope.serviceOf(line.code);
    const near: LedgerLine[] = [];
    let previous: LedgerLine | null = null;
    let tooSoon: LedgerLine | null = null;
    let tooSoonEarliest = '';
    for (const l of candidates(ctx.ledger, scope, rule.compiled, p.together === true, line.code)) {
      if (p.together ? !scope.has(l.code, l.article) : scope.serviceOf(l.code) !== mine) continue;
      let close: boolean;
      let earliest = '';
      if (l.date <= line.date) {
        earliest = earliestAfter(l.date, p.months, p.days);
        close = line.date < earliest;
      } else {
        close = l.date < earliestAfter(line.date, p.months, p.days);
      }
      if (!close) {
        if (l.date <= line.date && (previous === null || l.date > previous.date)) previous = l;
        continue;
      }
      near.push(l);
      if (p.sameLesion && (line.lesion === null || l.lesion !== line.lesion)) continue;
      if (tooSoon === null) { tooSoon = l; tooSoonEarliest = earliest || earliestAfter(line.date, p.months, p.days); }
    }
    const lesion = p.sameLesion ? line.lesion : null;
    if (p.sameLesion && line.lesion === null && near.length > 0) {
      return { outcome: 'warning', detail: { code: 'interval.lesion-missing', service: line.code, months: p.months, days: p.days, lines: refs(near) } };
    }
    if (tooSoon !== null) {
      return {
        outcome: 'violated',
        detail: { code: 'interval.too-soon', service: line.code, previous: tooSoon.ref, months: p.months, days: p.days, earliest: tooSoonEarliest, lesion },
      };
    }
    return { outcome: 'satisfied', detail: { code: 'interval.respected', service: line.code, previous: previous ? previous.ref : null, months: p.months, days: p.days, lesion } };
  },
};
