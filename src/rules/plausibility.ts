/**
 * plausibility: dates a request gives that cannot all be true — a service before the beneficiary
 * was born, a line dated before the admission of its stay. The line is rejected (nothing real can
 * be reimbursed on them) with a reason naming both dates, reported under the contract kind the
 * date belongs to (`patient` for the birth date, `setting` for the stay). Before the birth date
 * no other rule is evaluated (an age would be negative); before the admission the stay's own
 * rules still say what they find (a per-day fee names the day).
 */
import type { CurrentLine, EvalContext } from './context.js';
import type { CompiledRule, RuleKind } from './kind.js';
import type { Outcome } from './outcomes.js';
import type { PlausibilityParams } from './params.js';

export const plausibility: RuleKind<PlausibilityParams, null> = {
  name: 'plausibility',
  reports: (rule) => (rule.params.check === 'birth' ? 'patient' : 'setting'),
  compile: () => null,
  alsoIndexOn: () => 'every-line',
  evaluate(line: CurrentLine, ctx: EvalContext, rule: CompiledRule<PlausibilityParams, null>): Outcome | null {
    if (rule.rule.params.check === 'birth') {
      const born = ctx.beneficiary.birthDate;
      if (born === null || born <= line.date) return null;
      return { outcome: 'violated', halt: true, detail: { code: 'plausibility.born-after-service', service: line.code, date: line.date, birthDate: born } };
    }
    if (line.admission === null || line.admission <= line.date) return null;
    return { outcome: 'violated', detail: { code: 'plausibility.before-admission', service: line.code, date: line.date, admission: line.admission, stay: line.stay! } };
  },
};
