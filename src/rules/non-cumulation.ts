/**
 * non-cumulation: a line may not be combined, the same day or during the same stay, with
 * another line that counts (history or accepted earlier in decision order). Either among the
 * services of the scope ("ne sont pas cumulables entre eux": a different service of the same
 * group), or between the scope and another list (symmetric: the rule is indexed on both sides,
 * so the later line is the one rejected, whichever side it is on; a history line is never
 * displaced). With `severity: warning` the rule can only be suspected from claim data (e.g.
 * "in the same intervention", "technical services by the same psychiatrist").
 */
import { compileCodeRef, type CodeSetIndex } from './coderef.js';
import type { CurrentLine, EvalContext, LedgerLine } from './context.js';
import type { CompiledRule, RuleKind } from './kind.js';
import type { Outcome } from './outcomes.js';
import type { NonCumulationParams } from './params.js';

interface Compiled {
  against: CodeSetIndex | null;
  except: CodeSetIndex | null;
  /** What the line may not be combined with, as written. */
  againstLabels: readonly string[];
}

type Rule = CompiledRule<NonCumulationParams, Compiled>;

const ANY_OTHER: readonly string[] = Object.freeze(['*']);

export const nonCumulation: RuleKind<NonCumulationParams, Compiled> = {
  name: 'non-cumulation',
  reports: () => 'non-cumulation',
  compile(rule, scope) {
    const against = rule.params.against ? compileCodeRef(rule.params.against) : null;
    const except = rule.params.except ? compileCodeRef(rule.params.except) : null;
    const labels = rule.params.mode === 'among' ? scope.labels : rule.params.anyOther ? ANY_OTHER : against!.labels;
    return { against, except, againstLabels: labels };
  },
  alsoIndexOn: (rule) => rule.params.anyOther ? 'every-line' : rule.params.against ?? null,
  evaluate(line: CurrentLine, ctx: EvalContext, rule: Rule): Outcome | null {
    const p = rule.rule.params;
    const c = rule.compiled;
    let pool: readonly LedgerLine[];
    if (p.within === 'day') pool = ctx.ledger.onDay(line.day);
    else if (line.stay === null) return null;
    else pool = ctx.ledger.inStay(line.stay);

    const scope = rule.scope;
    const inScope = scope.has(line.code, line.article);
    const inAgainst = c.against !== null && c.against.has(line.code, line.article);
    if (p.anyOther && !inScope && c.except !== null && c.except.has(line.code, line.article)) return null;
    // A long day or stay: read instead the lines that can conflict (of the scope or the other
    // list), in insertion order too, keeping those of the day or stay. Not for a line of the scope
    // of an any-other rule: every other line can conflict with it.
    let byDay = false;
    let stay: string | null = null;
    if (pool.length > 1 && !(p.anyOther && inScope)) {
      const against = c.against;
      const related = p.anyOther || against === null
        ? ctx.ledger.select(scope, (l) => scope.has(l.code, l.article))
        : ctx.ledger.select(c, (l) => scope.has(l.code, l.article) || against.has(l.code, l.article));
      if (related.length < pool.length) {
        pool = related;
        if (p.within === 'day') byDay = true; else stay = line.stay;
      }
    }
    const mine = scope.serviceOf(line.code);
    const sameProvider = p.sameProvider === true;

    let conflict: LedgerLine | null = null;
    for (const l of pool) {
      if (byDay ? l.day !== line.day : stay !== null && l.stay !== stay) continue;
      if (sameProvider && line.providerId !== null && l.providerId !== null && l.providerId !== line.providerId) continue;
      let hit: boolean;
      if (p.mode === 'among') {
        hit = scope.has(l.code, l.article) && scope.serviceOf(l.code) !== mine;
      } else if (p.anyOther) {
        const lInScope = scope.has(l.code, l.article);
        if (inScope) hit = !lInScope && !(c.except !== null && c.except.has(l.code, l.article));
        else hit = lInScope;
      } else {
        const lInScope = scope.has(l.code, l.article);
        const lInAgainst = c.against!.has(l.code, l.article);
        hit = (inScope && lInAgainst) || (inAgainst && lInScope);
        if (hit && inScope && inAgainst && scope.serviceOf(l.code) === mine) hit = false;
      }
      if (hit) { conflict = l; break; }
    }
    const within = p.within;
    const against = inScope ? c.againstLabels : scope.labels;
    if (conflict === null) {
      if (!inScope && !inAgainst) return null; // an unrelated line seen through an every-line index
      return { outcome: 'satisfied', detail: { code: 'non-cumulation.none', service: line.code, scope: within, against, sameProvider } };
    }
    const warning = p.severity === 'warning' || (sameProvider && (line.providerId === null || conflict.providerId === null));
    return {
      outcome: warning ? 'warning' : 'violated',
      detail: {
        code: warning ? 'non-cumulation.possible-conflict' : 'non-cumulation.conflict',
        service: line.code,
        other: conflict.ref,
        scope: within,
        against,
        sameProvider,
      },
    };
  },
};
