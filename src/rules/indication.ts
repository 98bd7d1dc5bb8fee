/**
 * indication: a clinical-indication decision table, evaluated on the optional `indication`
 * facts of a line. The table of the ablation convention (Art. 3) lives, as data with its
 * citations, in src/conventions/indications.ts (three-valued logic: a missing fact is
 * "unknown", never a silent decision); this kind plugs it into the engine. The organ follows
 * from the code. A listed indication is satisfied; an undecided or unlisted one, or no facts at
 * all, gives a warning saying that the COM/CM must justify in writing. Never a refusal.
 */
import { z } from 'zod';
import { FactsError, matchIndication, readFacts } from '../conventions/indications.js';
import type { CurrentLine, EvalContext } from './context.js';
import type { CompiledRule, RuleKind } from './kind.js';
import { NoteSchema } from './model-schema.js';
import type { Outcome } from './outcomes.js';

export const IndicationParams = z
  .object({
    /** The decision table (only the ablation convention's Art. 3 exists). */
    table: z.literal('ablation-art-3'),
    /** The organ of each code. */
    organs: z.record(z.string(), z.enum(['kidney', 'liver', 'lung', 'bone'])),
    /** What the text requires when the indication is not listed. */
    otherwise: NoteSchema,
  })
  .strict();
export type IndicationParams = z.infer<typeof IndicationParams>;

export const indication: RuleKind<IndicationParams, null> = {
  name: 'indication',
  params: IndicationParams,
  reports: () => 'patient',
  compile: () => null,
  evaluate(line: CurrentLine, _ctx: EvalContext, rule: CompiledRule<IndicationParams, null>): Outcome {
    const p = rule.rule.params;
    const organ = p.organs[line.code] ?? null;
    const given = line.indication;
    const service = line.code;
    if (given === null) return { outcome: 'warning', detail: { code: 'indication.not-given', service, organ, otherwise: p.otherwise } };
    let answer;
    try {
      answer = matchIndication(readFacts({ ...given, organ: organ ?? given.organ }));
    } catch (e) {
      if (!(e instanceof FactsError)) throw e;
      return { outcome: 'warning', detail: { code: 'indication.invalid', service, organ, field: e.field, problem: e.message, otherwise: p.otherwise } };
    }
    if (answer.outcome === 'listed') {
      const m = answer.matched[0];
      return { outcome: 'satisfied', detail: { code: 'indication.listed', service, organ: organ ?? String(answer.facts.organ), row: m.id, label: m.label } };
    }
    const missing = [...new Set(answer.undecided.flatMap((u) => u.missing))];
    return {
      outcome: 'warning',
      detail: { code: 'indication.not-listed', service, organ, undecided: answer.undecided.map((u) => u.id), missing, otherwise: p.otherwise },
    };
  },
};
