/**
 * approval: a prior approval by one of the given authorities, dated on or before the
 * service ("après accord du Collège des médecins-directeurs préalablement à l'intervention").
 */
import type { CurrentLine, EvalContext } from './context.js';
import type { CompiledRule, RuleKind } from './kind.js';
import type { Outcome } from './outcomes.js';
import type { ApprovalParams } from './params.js';

export const AUTHORITIES = ['college-of-medical-directors', 'medical-adviser', 'dental-technical-council'] as const;

/** The earliest approval by one of `by` dated on or before `date`, else the first one dated after, else null. */
export function findApproval(
  approvals: readonly { by: string; date: string }[],
  by: readonly string[],
  date: string,
): { by: string; date: string; late: boolean } | null {
  let late: { by: string; date: string } | null = null;
  for (const a of approvals) {
    if (!by.includes(a.by)) continue;
    if (a.date <= date) return { by: a.by, date: a.date, late: false };
    if (late === null || a.date < late.date) late = a;
  }
  return late ? { ...late, late: true } : null;
}

export const approval: RuleKind<ApprovalParams, null> = {
  name: 'approval',
  reports: () => 'approval',
  compile: () => null,
  evaluate(line: CurrentLine, _ctx: EvalContext, rule: CompiledRule<ApprovalParams, null>): Outcome {
    const by = rule.rule.params.by;
    const a = findApproval(line.approvals, by, line.date);
    if (a === null) return { outcome: 'violated', detail: { code: 'approval.missing', service: line.code, by } };
    if (a.late) return { outcome: 'violated', detail: { code: 'approval.late', service: line.code, by, approvalDate: a.date, date: line.date } };
    return { outcome: 'satisfied', detail: { code: 'approval.present', service: line.code, by: a.by, approvalDate: a.date } };
  },
};
