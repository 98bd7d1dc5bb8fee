/**
 * One interface, one implementation per kind. A kind validates its parameters (zod, so that
 * curated YAML is checked), compiles them once (sets instead of lists), says under which
 * extra codes the rule must be indexed (the other side of a symmetric rule), and evaluates
 * one line. The evaluator calls `evaluate` on whatever rules the index gives it.
 */
import type { z } from 'zod';
import { compileCodeRef, type CodeSetIndex } from './coderef.js';
import type { CurrentLine, EvalContext } from './context.js';
import type { Outcome } from './outcomes.js';
import type { CodeRef, ContractKind, Rule, RuleKindName } from './types.js';

export interface CompiledRule<P = unknown, C = unknown> {
  rule: Rule<P>;
  kind: RuleKind<P, C>;
  /** The compiled scope of the rule. */
  scope: CodeSetIndex;
  /** The kind's compiled parameters. */
  compiled: C;
  /** The contract kind reported in reasons. */
  reports: ContractKind;
}

export interface RuleKind<P = any, C = any> {
  readonly name: RuleKindName;
  /**
   * Parameter schema, for a kind that carries its own; the others' are in params.ts (PARAMS), so
   * that evaluating rules loads no zod.
   */
  readonly params?: z.ZodType<P>;
  /** The contract kind of the reasons this rule gives. */
  reports(rule: Rule<P>): ContractKind;
  /** Precomputes what evaluation needs (sets, numbers). */
  compile(rule: Rule<P>, scope: CodeSetIndex): C;
  /** Codes or articles, beyond the scope, under which the rule must also be indexed ('every-line': all lines). */
  alsoIndexOn?(rule: Rule<P>): CodeRef | 'every-line' | null;
  /** The outcome for this line, or null when the rule does not apply to it. */
  evaluate(line: CurrentLine, ctx: EvalContext, rule: CompiledRule<P, C>): Outcome | null;
}

/** Compiles a rule with its kind. */
export function compileRule<P, C>(rule: Rule<P>, kind: RuleKind<P, C>): CompiledRule<P, C> {
  const scope = compileCodeRef(rule.scope);
  return { rule, kind, scope, compiled: kind.compile(rule, scope), reports: kind.reports(rule) };
}
