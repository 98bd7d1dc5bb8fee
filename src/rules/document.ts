/** document: documents the line must carry (pre-ablation report, MDT approval, …). */
import type { CurrentLine, EvalContext } from './context.js';
import type { CompiledRule, RuleKind } from './kind.js';
import type { Outcome } from './outcomes.js';
import type { DocumentParams } from './params.js';

export const document: RuleKind<DocumentParams, null> = {
  name: 'document',
  reports: () => 'document',
  compile: () => null,
  evaluate(line: CurrentLine, _ctx: EvalContext, rule: CompiledRule<DocumentParams, null>): Outcome {
    const required = rule.rule.params.required;
    let missing: string[] | null = null;
    for (const d of required) if (!line.documents.includes(d)) (missing ??= []).push(d);
    if (missing !== null) return { outcome: 'violated', detail: { code: 'document.missing', service: line.code, missing } };
    return { outcome: 'satisfied', detail: { code: 'document.present', service: line.code, documents: required } };
  },
};
