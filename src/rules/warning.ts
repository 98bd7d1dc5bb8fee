/**
 * warning: a condition of the act that claim data cannot decide (a clinical indication,
 * "not for cardiac rehabilitation"). It never rejects and never accepts silently: every line
 * in scope carries the warning, reported under the contract kind the condition is about.
 */
import type { CurrentLine, EvalContext } from './context.js';
import type { CompiledRule, RuleKind } from './kind.js';
import type { Outcome } from './outcomes.js';
import type { WarningParams } from './params.js';

export const warning: RuleKind<WarningParams, null> = {
  name: 'warning',
  reports: (rule) => rule.params.about,
  compile: () => null,
  evaluate(line: CurrentLine, _ctx: EvalContext, rule: CompiledRule<WarningParams, null>): Outcome {
    return { outcome: 'warning', detail: { code: 'warning.note', service: line.code, note: rule.rule.params.note } };
  },
};
