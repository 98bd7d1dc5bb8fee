/** Building an engine context once: rules compiled from the documents (or given), institutions indexed. */
import type { ParsedDocument } from '../facts.js';
import type { Nomenclature } from '../nomenclature/types.js';
import type { InstitutionFacts } from '../rules/context.js';
import { buildRuleSet } from '../rules/builtin.js';
import type { RuleIndex } from '../rules/registry.js';
import { contextOf } from './context.js';
import { decide, type EngineContext } from './decide.js';
import type { Locale } from './messages/index.js';
import { validateRequest, type CheckResponse, type FieldError } from './schema.js';

export interface EngineOptions {
  nomenclature: Nomenclature;
  /** The documents to extract rules from (with the curated rules), when `rules` is not given. */
  documents?: readonly ParsedDocument[];
  rules?: RuleIndex;
  institutions?: EngineContext['institutions'] | readonly InstitutionFacts[];
  locale?: Locale;
  details?: boolean;
  /** Which reasons decisions list (EngineContext.reasons): all (default) or failed. */
  reasons?: EngineContext['reasons'];
}

/** Builds an engine context once (rules compiled, institutions indexed). */
export function createEngine(options: EngineOptions): EngineContext {
  return contextOf({ ...options, rules: options.rules ?? buildRuleSet(options.documents ?? []).index });
}

/** Validates then decides: the response, or the field errors. */
export function check(value: unknown, context: EngineContext): { ok: true; response: CheckResponse } | { ok: false; errors: FieldError[] } {
  const v = validateRequest(value);
  return v.ok ? { ok: true, response: decide(v.request, context) } : v;
}
