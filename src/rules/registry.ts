/**
 * The registry of kinds (name → implementation) and rule compilation with validation: each
 * rule's parameters are checked with its kind's schema (params.ts), then indexed (rule-index.ts).
 * Used where rules are compiled from documents and curated files (ingest, `nomen rules`); deciding
 * from a compiled law uses `indexRules` alone (no zod).
 */
import { approval } from './approval.js';
import { notInForce, setting, unknownCode } from './code-state.js';
import { document } from './document.js';
import { frequency } from './frequency.js';
import { indication } from './indication.js';
import { interval } from './interval.js';
import type { RuleKind } from './kind.js';
import { nonCumulation } from './non-cumulation.js';
import { PARAMS } from './params.js';
import { patient } from './patient.js';
import { place } from './place.js';
import { prerequisite } from './prerequisite.js';
import { provider } from './provider.js';
import { indexRules, registerKind, RuleIndexError, type RuleIndex } from './rule-index.js';
import { tier } from './tier.js';
import type { Rule, RuleKindName } from './types.js';
import { warning } from './warning.js';
import { plausibility } from './plausibility.js';

export { kindOf, RuleIndexError, indexRules, loadKindsFor, type RuleIndex } from './rule-index.js';

registerKind(indication);

export const KINDS: Readonly<Record<RuleKindName, RuleKind>> = {
  'unknown-code': unknownCode,
  'not-in-force': notInForce,
  setting,
  place,
  provider,
  patient,
  approval,
  document,
  tier,
  prerequisite,
  frequency,
  interval,
  'non-cumulation': nonCumulation,
  warning,
  plausibility,
  indication,
};

/** A rule's parameters checked by its kind's schema (the parsed value). Throws RuleIndexError. */
function validated(rule: Rule, kind: RuleKind): unknown {
  const schema = kind.params ?? (PARAMS as Record<string, (typeof PARAMS)[keyof typeof PARAMS]>)[kind.name];
  const parsed = schema.safeParse(rule.params);
  if (!parsed.success) {
    throw new RuleIndexError(`rule "${rule.id}" (${rule.kind}): invalid params: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, rule);
  }
  return parsed.data;
}

/** Validates every rule's parameters with its kind's schema and compiles the index. Throws on a bad rule. */
export function compileRules(rules: readonly Rule[]): RuleIndex {
  return indexRules(rules, validated);
}
