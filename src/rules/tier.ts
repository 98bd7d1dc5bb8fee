/**
 * tier: a per-day code of a stay must match the day of the stay. Day 1 is the admission
 * day. "To the end of the n-th month (of hospitalisation)" is computed with explicit month
 * arithmetic: the n-th month ends the day before admission + n calendar months
 * (admission 2024-01-31: the 6th month ends 2024-07-30).
 */
import { addDays, addMonths } from '../date.js';
import type { CurrentLine, EvalContext } from './context.js';
import type { CompiledRule, RuleKind } from './kind.js';
import type { Outcome } from './outcomes.js';
import type { TierParams } from './params.js';

/** Last day of the n-th month of a stay admitted on `admission`. */
export function endOfStayMonth(admission: string, n: number): string {
  return addDays(addMonths(admission, n), -1);
}

export const tier: RuleKind<TierParams, null> = {
  name: 'tier',
  reports: () => 'tier',
  compile: () => null,
  evaluate(line: CurrentLine, _ctx: EvalContext, rule: CompiledRule<TierParams, null>): Outcome {
    const p = rule.rule.params;
    const service = line.code;
    if (line.stay === null || line.admission === null || line.admissionDay === null) {
      return { outcome: 'violated', detail: { code: 'tier.no-stay', service } };
    }
    if (line.day < line.admissionDay) {
      return { outcome: 'violated', detail: { code: 'tier.before-admission', service, admission: line.admission } };
    }
    const day = line.day - line.admissionDay + 1;
    const lastDate = p.endOfMonth !== null ? endOfStayMonth(line.admission, p.endOfMonth) : null;
    const ok = day >= p.fromDay && (p.toDay === null || day <= p.toDay) && (lastDate === null || line.date <= lastDate);
    return {
      outcome: ok ? 'satisfied' : 'violated',
      detail: {
        code: ok ? 'tier.matches' : 'tier.wrong-day',
        service,
        day,
        admission: line.admission,
        fromDay: p.fromDay,
        toDay: p.toDay,
        lastDate,
        endOfMonth: p.endOfMonth,
      },
    };
  },
};
