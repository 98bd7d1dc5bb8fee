/** document: documents the line must carry (pre-ablation report, MDT approval, …). */
import { z } from 'zod';
import type { CurrentLine, EvalContext } from './context.js';
import type { CompiledRule, RuleKind } from './kind.js';
import type { Outcome } from './outcomes.js';

export const DocumentParams = z.object({ required: z.array(z.string().min(1)).min(1) }).strict();
export type DocumentParams = z.infer<typeof DocumentParams>;

export const document: RuleKind<DocumentParams, null> = {
  name: 'document',
  params: DocumentParams,
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
