/**
 * The compiled rule index, without validation: every rule is compiled once and indexed under
 * each code of its scope (and of the other side of a symmetric rule), under nomenclature
 * articles, or for every line. `rulesFor` returns the rules of a code in a fixed order (generic
 * checks first), cached per code. Rules read from a compiled law were validated when the law was
 * compiled (registry.ts, at ingest): this module loads no zod and no extractor.
 */
import { notInForce, setting, unknownCode } from './code-state.js';
import { approval } from './approval.js';
import { codesOf, normaliseArticle } from './coderef.js';
import { document } from './document.js';
import { frequency } from './frequency.js';
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
import { plausibility } from './plausibility.js';

/** The kinds by name. `indication` (its tables are loaded with it) registers itself when first needed: see `loadKindsFor`. */
const kinds = new Map<string, RuleKind>([unknownCode, notInForce, setting, place, provider, patient, approval, document, tier, prerequisite, frequency, interval, nonCumulation, warning, plausibility].map((k) => [k.name, k as RuleKind]));

/** Adds a kind implemented in a module loaded on demand. */
export function registerKind(kind: RuleKind): void {
  kinds.set(kind.name, kind);
}

/** Loads the kinds of `rules` that are loaded on demand (the indication tables), before `indexRules`. */
export async function loadKindsFor(rules: readonly Pick<Rule, 'kind'>[]): Promise<void> {
  if (!kinds.has('indication') && rules.some((r) => r.kind === 'indication')) registerKind((await import('./indication.js')).indication);
}

/** True when `name` is a kind (own names only: "constructor" is not). */
export function isKind(name: string): boolean {
  return kinds.has(name) || name === 'indication';
}

export function kindOf(name: string): RuleKind {
  const k = kinds.get(name);
  if (!k) throw new Error(name === 'indication' ? 'the indication kind is not loaded (loadKindsFor)' : `unknown rule kind "${name}"`);
  return k;
}

/** Order of evaluation and of reasons: the code itself, then who/where/for whom, then the history. */
const ORDER: readonly RuleKindName[] = [
  'unknown-code', 'not-in-force', 'setting', 'plausibility', 'place', 'provider', 'patient', 'approval', 'document', 'tier',
  'prerequisite', 'frequency', 'interval', 'non-cumulation', 'indication', 'warning',
];
const RANK = new Map(ORDER.map((k, i) => [k, i]));

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

/**
 * Compiles and indexes rules. `validate` returns a rule's parameters checked by its kind's schema
 * (it throws on bad ones); without it the parameters are trusted (a compiled law). Throws
 * RuleIndexError on a duplicate id or an unknown kind.
 */
export function indexRules(rules: readonly Rule[], validate?: (rule: Rule, kind: RuleKind) => unknown): RuleIndex {
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
    if (!isKind(rule.kind)) throw new RuleIndexError(`rule "${rule.id}": unknown rule kind "${rule.kind}"`, rule);
    const kind = kindOf(rule.kind);
    const params = validate ? validate(rule, kind) : rule.params;
    // Frozen: parameters are never changed after compilation, and reasons that quote them
    // (notes, lists) are serialized once per rule instead of once per line.
    const c = compileRule({ ...rule, params: deepFreeze(params) }, kind);
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
