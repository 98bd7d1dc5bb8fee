/**
 * place: the line's institution must have the convention in force on the date of the
 * service (the registry of the database, completed and overridden by the request's
 * `institutions`). A request without institution cannot be checked: warning.
 */
import type { CurrentLine, EvalContext } from './context.js';
import type { CompiledRule, RuleKind } from './kind.js';
import type { Outcome } from './outcomes.js';
import type { PlaceParams } from './params.js';

export const place: RuleKind<PlaceParams, null> = {
  name: 'place',
  reports: () => 'place',
  compile: () => null,
  evaluate(line: CurrentLine, ctx: EvalContext, rule: CompiledRule<PlaceParams, null>): Outcome {
    const convention = rule.rule.params.convention;
    const service = line.code;
    if (line.institution === null) return { outcome: 'warning', detail: { code: 'place.institution-missing', service, convention } };
    const inst = ctx.institution(line.institution);
    if (inst === undefined) {
      return { outcome: 'violated', detail: { code: 'place.unknown-institution', service, institution: line.institution, convention } };
    }
    const periods: { from: string | null; to: string | null }[] = [];
    for (const c of inst.conventions) {
      if (c.convention !== convention) continue;
      if ((c.from === null || c.from <= line.date) && (c.to === null || line.date <= c.to)) {
        return { outcome: 'satisfied', detail: { code: 'place.convention-in-force', service, institution: inst.id, convention, from: c.from, to: c.to } };
      }
      periods.push({ from: c.from, to: c.to });
    }
    return { outcome: 'violated', detail: { code: 'place.no-convention', service, institution: inst.id, convention, date: line.date, periods } };
  },
};
