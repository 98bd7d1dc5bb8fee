/** An engine context from rules already compiled: what start paths use (no extractor, no schema). */
import type { InstitutionFacts } from '../rules/context.js';
import type { RuleIndex } from '../rules/rule-index.js';
import type { EngineContext } from './decide.js';
import type { EngineOptions } from './engine.js';

/** The context of `options` whose rules are compiled (institutions indexed by id). */
export function contextOf(options: Omit<EngineOptions, 'documents'> & { rules: RuleIndex }): EngineContext {
  const inst = options.institutions;
  const institutions = Array.isArray(inst) ? new Map((inst as InstitutionFacts[]).map((i) => [i.id, i])) : (inst as EngineContext['institutions']);
  return { nomenclature: options.nomenclature, rules: options.rules, institutions, locale: options.locale, details: options.details, reasons: options.reasons };
}
