/**
 * The registry of kinds (name → implementation) and the compiled rule index: every rule is
 * compiled once and indexed under each code of its scope (and of the other side of a
 * symmetric rule), under nomenclature articles, or for every line. `rulesFor` returns the
 * rules of a code in a fixed order (generic checks first), cached per code.
 */
import { approval } from './approval.js';
import { notInForce, setting, unknownCode } from './code-state.js';
import { codesOf, normaliseArticle } from './coderef.js';
import { document } from './document.js';
import { frequency } from './frequency.js';
import { indication } from './indication.js';
import { interval } from './interval.js';
import { compileRule, type CompiledRule, type RuleKind } from './kind.js';
import { nonCumulation } from './non-cumulation.js';
import { patient } from './patient.js';
import { place } from './place.js';
import { prerequisite } from './prerequisite.js';
import { provider } from './provider.js';
import { tier } from './tier.js';
import type { CodeRef, Rule, RuleKindName } from './types.js';
import { warning } from './warning.js';

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
  indication,
};

/** Order of evaluation and of reasons: the code itself, then who/where/for whom, then the history. */
const ORDER: readonly RuleKindName[] = [
  'unknown-code', 'not-in-force', 'setting', 'place', 'provider', 'patient', 'approval', 'document', 'tier',
  'prerequisite', 'frequency', 'interval', 'non-cumulation', 'indication', 'warning',
];
const RANK = new Map(ORDER.map((k, i) => [k, i]));

export function kindOf(name: string): RuleKind {
  // own properties only: a kind named "constructor" is unknown, not Object's constructor
  const k = Object.hasOwn(KINDS, name) ? (KINDS as Record<string, RuleKind>)[name] : undefined;
  if (!k) throw new Error(`unknown rule kind "${name}"`);
  return k;
}

/** A rule set that does not compile; `rule` is the rule at fault (its citation names the sentence). */
export class RuleIndexError extends Error {
  constructor(message: string, readonly rule?: Rule) {
    super(message);
  }
}

/** Freezes a plain value and everything it holds (objects and arrays). */
function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

export interface RuleIndex {
  readonly rules: readonly CompiledRule[];
  readonly byId: ReadonlyMap<string, CompiledRule>;
  /** The rules to evaluate on a line of `code` whose normalised article is `article`. */
  rulesFor(code: string, article: string | null): readonly CompiledRule[];
}

/** Validates every rule's parameters with its kind's schema and compiles the index. Throws on a bad rule. */
export function compileRules(rules: readonly Rule[]): RuleIndex {
  const compiled: CompiledRule[] = [];
  const byId = new Map<string, CompiledRule>();
  const byCode = new Map<string, CompiledRule[]>();
  const byArticle = new Map<string, CompiledRule[]>();
  const everyLine: CompiledRule[] = [];
  const push = (m: Map<string, CompiledRule[]>, k: string, r: CompiledRule) => {
    const list = m.get(k);
    if (list) { if (!list.includes(r)) list.push(r); } else m.set(k, [r]);
  };
  const indexOn = (ref: CodeRef, r: CompiledRule) => {
    for (const c of codesOf(ref)) push(byCode, c, r);
    for (const a of ref.articles ?? []) push(byArticle, normaliseArticle(a), r);
  };
  for (const rule of rules) {
    if (byId.has(rule.id)) throw new RuleIndexError(`duplicate rule id "${rule.id}"`, rule);
    if (!Object.hasOwn(KINDS, rule.kind)) throw new RuleIndexError(`rule "${rule.id}": unknown rule kind "${rule.kind}"`, rule);
    const kind = kindOf(rule.kind);
    const parsed = kind.params.safeParse(rule.params);
    if (!parsed.success) {
      throw new RuleIndexError(`rule "${rule.id}" (${rule.kind}): invalid params: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, rule);
    }
    // Frozen: parameters are never changed after compilation, and reasons that quote them
    // (notes, lists) are serialized once per rule instead of once per line.
    const c = compileRule({ ...rule, params: deepFreeze(parsed.data) }, kind);
    compiled.push(c);
    byId.set(rule.id, c);
    indexOn(rule.scope, c);
    const also = kind.alsoIndexOn?.(c.rule) ?? null;
    if (also === 'every-line') everyLine.push(c);
    else if (also) indexOn(also, c);
  }
  const rank = (r: CompiledRule) => RANK.get(r.rule.kind) ?? ORDER.length;
  const sort = (list: CompiledRule[]) => list.sort((a, b) => rank(a) - rank(b));
  sort(everyLine);
  const cache = new Map<string, readonly CompiledRule[]>();
  return {
    rules: compiled,
    byId,
    rulesFor(code, article) {
      const key = article === null ? code : `${code}|${article}`;
      let list = cache.get(key);
      if (list === undefined) {
        const own = byCode.get(code) ?? [];
        const art = article !== null ? byArticle.get(article) ?? [] : [];
        const merged = [...everyLine];
        for (const r of own) if (!merged.includes(r)) merged.push(r);
        for (const r of art) if (!merged.includes(r)) merged.push(r);
        list = sort(merged);
        cache.set(key, list);
      }
      return list;
    },
  };
}
