/**
 * indication: a clinical-indication decision table, evaluated on the optional `indication`
 * facts of a line. Any table: the tables are data with their citations (rules/indications/*.yaml,
 * evaluated by src/conventions/indications.ts with three-valued logic: a missing fact is
 * "unknown", never a silent decision); this kind plugs the one it names into the engine. The organ follows
 * from the code. A listed indication is satisfied; an undecided or unlisted one, or no facts at
 * all, gives a warning saying that the COM/CM must justify in writing. Never a refusal.
 */
import { z } from 'zod';
import { FactsError, indicationTable, matchIndication, readFacts, type IndicationTable } from '../conventions/indications.js';
import type { CurrentLine, EvalContext } from './context.js';
import type { CompiledRule, RuleKind } from './kind.js';
import { NoteSchema } from './model-schema.js';
import type { Outcome } from './outcomes.js';

export const IndicationParams = z
  .object({
    /** The decision table: its id, or its convention's machine name. */
    table: z.string().min(1),
    /** The organ of each code (an organ of the table). */
    organs: z.record(z.string(), z.string().min(1)),
    /** What the text requires when the indication is not listed. */
    otherwise: NoteSchema,
  })
  .strict();
export type IndicationParams = z.infer<typeof IndicationParams>;

export const indication: RuleKind<IndicationParams, IndicationTable> = {
  name: 'indication',
  params: IndicationParams,
  reports: () => 'patient',
  // The table is resolved once: a rule naming an unknown table, or an organ the table does not have, does not compile.
  compile: (rule) => {
    const table = indicationTable(rule.params.table);
    for (const [code, organ] of Object.entries(rule.params.organs)) {
      if (!Object.hasOwn(table.organs, organ)) throw new Error(`rule "${rule.id}": ${code}: "${organ}" is not an organ of the table ${table.id} (${Object.keys(table.organs).join(', ')})`);
    }
    return table;
  },
  evaluate(line: CurrentLine, _ctx: EvalContext, rule: CompiledRule<IndicationParams, IndicationTable>): Outcome {
    const p = rule.rule.params;
    const table = rule.compiled;
    const organ = p.organs[line.code] ?? null;
    const given = line.indication;
    const service = line.code;
    if (given === null) return { outcome: 'warning', detail: { code: 'indication.not-given', service, organ, otherwise: p.otherwise } };
    let answer;
    try {
      answer = matchIndication(readFacts({ ...given, organ: organ ?? given.organ }, table), table);
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
