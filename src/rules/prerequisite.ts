/**
 * prerequisite: the line is due only if `count` lines of `oneOf` count for it (history or
 * accepted earlier in decision order): strictly before ("au préalable"), before or the same
 * day ("au préalable ou simultanément", "à l'occasion de", "à la suite de"), or the same day;
 * optionally in the same stay, or with the required line performed ambulatory.
 */
import { compileCodeRef, type CodeSetIndex } from './coderef.js';
import type { CurrentLine, EvalContext, LedgerLine } from './context.js';
import type { CompiledRule, RuleKind } from './kind.js';
import { MAX_LISTED, refs } from './lines.js';
import type { Outcome } from './outcomes.js';
import type { PrerequisiteParams } from './params.js';

interface Compiled {
  oneOf: CodeSetIndex;
}
type Rule = CompiledRule<PrerequisiteParams, Compiled>;

export const prerequisite: RuleKind<PrerequisiteParams, Compiled> = {
  name: 'prerequisite',
  reports: () => 'prerequisite',
  compile: (rule) => ({ oneOf: compileCodeRef(rule.params.oneOf) }),
  evaluate(line: CurrentLine, ctx: EvalContext, rule: Rule): Outcome | null {
    const p = rule.rule.params;
    const oneOf = rule.compiled.oneOf;
    if (p.sameStay && line.stay === null) {
      return { outcome: 'violated', detail: { code: 'prerequisite.no-stay', service: line.code, oneOf: oneOf.labels } };
    }
    const pool = p.sameStay ? ctx.ledger.inStay(line.stay!) : p.timing === 'same-day' ? ctx.ledger.onDay(line.day)
      : ctx.ledger.select(oneOf, (l) => oneOf.has(l.code, l.article));
    const found: LedgerLine[] = [];
    // enough lines found to decide and to list (refs lists MAX_LISTED): the rest changes nothing
    let units = 0;
    for (const l of pool) {
      if (!qualifies(l)) continue;
      found.push(l);
      units += l.units;
      if (units >= p.count && found.length >= MAX_LISTED) break;
    }
    const met = units >= p.count;
    const pending: LedgerLine[] = [];
    if (!met && p.timing !== 'before') for (const l of ctx.pendingSameDay()) if (qualifies(l)) pending.push(l);
    return {
      outcome: met ? 'satisfied' : 'violated',
      detail: {
        code: met ? 'prerequisite.met' : 'prerequisite.missing',
        service: line.code,
        oneOf: oneOf.labels,
        count: p.count,
        timing: p.timing,
        sameStay: p.sameStay,
        ambulatory: p.ambulatory,
        found: refs(found),
        pending: refs(pending),
      },
    };

    function qualifies(l: LedgerLine): boolean {
      if (!oneOf.has(l.code, l.article)) return false;
      if (p.timing === 'before' ? l.day >= line.day : p.timing === 'same-day' ? l.day !== line.day : l.day > line.day) return false;
      if (p.ambulatory && l.stay !== null) return false;
      if (p.sameStay && l.stay !== line.stay) return false;
      return true;
    }
  },
};
