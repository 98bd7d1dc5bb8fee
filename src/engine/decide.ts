/**
 * The evaluator. Lines are decided in date order (input order within a day); history lines
 * and accepted lines count for later lines; one decision per claim, in request order.
 * For each line the compiled index gives the rules of its code (generic checks first); each
 * rule's kind evaluates it; exceptions (a document, a prior approval) lift a violation or a
 * warning. The evaluator never looks at a rule's kind: it only calls `evaluate`.
 */
import { toDayNumber, type IsoDate } from '../date.js';
import { dec, money, mul } from '../decimal.js';
import type { Nomenclature, PeriodState } from '../nomenclature/types.js';
import { findApproval } from '../rules/approval.js';
import { normaliseArticle } from '../rules/coderef.js';
import type { BeneficiaryFacts, CurrentLine, EvalContext, InstitutionFacts, LedgerLine, ProviderFacts } from '../rules/context.js';
import type { CompiledRule } from '../rules/kind.js';
import type { Outcome } from '../rules/outcomes.js';
import type { RuleIndex } from '../rules/registry.js';
import { MemoryLedger } from './ledger.js';
import { render, type Locale } from './messages/index.js';
import { rejectionOf } from './rejection.js';
import { refusalCodesOf } from './refusal-codes.js';
import type { CheckRequest, CheckResponse, Claim, Decision, Reason } from './schema.js';

export interface EngineContext {
  nomenclature: Nomenclature;
  rules: RuleIndex;
  /** The institution registry of the database (the request's `institutions` add to and override it). */
  institutions?: ReadonlyMap<string, InstitutionFacts> | ((id: string) => InstitutionFacts | undefined);
  locale?: Locale;
  /** Add the outcome data (`detail`) and the rule's interpretation to each reason (default true). */
  details?: boolean;
  /**
   * Which reasons a decision lists: `all` (default, the contract: satisfied ones too) or `failed`
   * (violated and warning reasons only, each with its source; a smaller batch output).
   */
  reasons?: 'all' | 'failed';
}

// --- state lookups, cached per nomenclature and per period of a code -------------------------

/** A period of a code's state as the engine uses it: with its article, its rules and fee reasons. */
interface CachedPeriod {
  from: IsoDate | null;
  /** Exclusive. */
  to: IsoDate | null;
  state: PeriodState;
  article: string | null;
  /** The rules of the code (for `rulesOf`'s index): saves building the index key on every line. */
  rulesOf: RuleIndex | null;
  rules: readonly CompiledRule[];
  /** A decision's fee reason: rejected, accepted (standard), accepted (preferential); built on first use. */
  feeReasons: (string | null | undefined)[];
}

/**
 * Code → the periods of its state met so far. A code has a few periods (its versions, fee rows
 * and coefficients), so the cache holds at most the corpus's periods whatever the number of lines;
 * codes the corpus does not know can be any string, hence the clearing above MAX_CODES.
 */
const caches = new WeakMap<Nomenclature, Map<string, CachedPeriod[]>>();
const MAX_CODES = 200_000;
const MAX_PERIODS = 64;

function lookup(n: Nomenclature, code: string, date: IsoDate): CachedPeriod {
  let cache = caches.get(n);
  if (cache === undefined) { cache = new Map(); caches.set(n, cache); }
  let list = cache.get(code);
  if (list === undefined) {
    if (cache.size >= MAX_CODES) cache.clear();
    list = [];
    cache.set(code, list);
  } else {
    for (let i = 0; i < list.length; i++) {
      const p = list[i];
      if ((p.from === null || p.from <= date) && (p.to === null || date < p.to)) return p;
    }
    // a nomenclature without real periods (a test fake gives one day each) must not grow a list without end
    if (list.length >= MAX_PERIODS) list.length = 0;
  }
  const period = n.period(code, date);
  const state = period.state;
  const p: CachedPeriod = {
    from: period.from,
    to: period.to,
    state,
    article: state.article && state.convention === null ? normaliseArticle(state.article) : null,
    rulesOf: null,
    rules: NO_RULES,
    feeReasons: [],
  };
  list.push(p);
  return p;
}

const NO_RULES: readonly CompiledRule[] = [];

function rulesOf(index: RuleIndex, code: string, cached: CachedPeriod): readonly CompiledRule[] {
  if (cached.rulesOf !== index) {
    cached.rules = index.rulesFor(code, cached.article);
    cached.rulesOf = index;
  }
  return cached.rules;
}

// --- lines ------------------------------------------------------------------------------

function providerOf(p: Claim['provider'] | Claim['collaborator'] | undefined): ProviderFacts | null {
  if (!p) return null;
  return { id: (p as { id?: string }).id ?? null, specialty: p.specialty ?? null, qualifications: p.qualifications ?? [] };
}

const NO_STRINGS: readonly string[] = [];
const NO_APPROVALS: readonly { by: string; date: IsoDate }[] = [];

function lineOf(c: Claim, cached: CachedPeriod, history: boolean): CurrentLine {
  const stay = c.stay;
  return {
    ref: { claim: c.id, code: c.code, date: c.date, history },
    code: c.code,
    date: c.date,
    day: toDayNumber(c.date),
    units: c.units ?? 1,
    stay: stay ? (stay.id ?? `@${stay.admission}`) : null,
    admission: stay ? stay.admission : null,
    admissionDay: stay ? toDayNumber(stay.admission) : null,
    hospitalService: stay?.service ?? null,
    side: c.side ?? null,
    lesion: c.lesion ?? null,
    providerId: c.provider?.id ?? null,
    article: cached.article,
    history,
    state: cached.state,
    provider: providerOf(c.provider),
    collaborator: providerOf(c.collaborator),
    institution: c.institution ?? null,
    documents: c.documents ?? NO_STRINGS,
    approvals: c.approvals ?? NO_APPROVALS,
    indication: c.indication ?? null,
  };
}

/** Applies the rule's exceptions to a violation or warning. */
function lift(rule: CompiledRule, line: CurrentLine, o: Outcome): Outcome {
  if (o.outcome === 'satisfied') return o;
  for (const ex of rule.rule.exceptions) {
    if ('document' in ex) {
      if (line.documents.includes(ex.document)) {
        return { outcome: 'satisfied', detail: { code: 'exception.document', service: line.code, document: ex.document, lifted: o.detail } };
      }
    } else {
      const a = findApproval(line.approvals, ex.approval.by, line.date);
      if (a && !a.late) {
        return { outcome: 'satisfied', detail: { code: 'exception.approval', service: line.code, by: a.by, approvalDate: a.date, lifted: o.detail } };
      }
    }
  }
  return o;
}

function inForce(rule: CompiledRule, date: IsoDate): boolean {
  const v = rule.rule.validity;
  return (v.from === null || v.from <= date) && (v.to === null || date <= v.to);
}

function times(amount: string | null, units: number): string | null {
  if (amount === null) return null;
  return units === 1 ? amount : money(mul(dec(amount), dec(String(units))));
}

// --- decide -------------------------------------------------------------------------------

/** Decides a (valid) request. */
export function decide(request: CheckRequest, context: EngineContext): CheckResponse {
  const n = context.nomenclature;
  const locale = context.locale ?? 'en';
  const withDetails = context.details !== false;
  const failedOnly = context.reasons === 'failed';
  const b = request.beneficiary;
  const beneficiary: BeneficiaryFacts = {
    id: b?.id ?? null,
    birthDate: b?.birthDate ?? null,
    sex: b?.sex ?? null,
    preferential: b?.preferential === true,
  };

  let own: Map<string, InstitutionFacts> | null = null;
  if (request.institutions !== undefined && request.institutions.length) {
    own = new Map();
    for (const i of request.institutions) {
      own.set(i.id, { id: i.id, conventions: i.conventions.map((c) => ({ convention: c.convention, from: c.from ?? null, to: c.to ?? null })) });
    }
  }
  const registry = context.institutions;
  const institution = (id: string): InstitutionFacts | undefined =>
    own?.get(id) ?? (registry === undefined ? undefined : typeof registry === 'function' ? registry(id) : registry.get(id));

  const ledger = new MemoryLedger();
  const history = request.history;
  if (history !== undefined) for (let k = 0; k < history.length; k++) ledger.add(lineOf(history[k], lookup(n, history[k].code, history[k].date), true));

  const claims = request.claims;
  const order = claims.map((_, i) => i);
  order.sort((x, y) => (claims[x].date < claims[y].date ? -1 : claims[x].date > claims[y].date ? 1 : x - y));

  const decisions: Decision[] = new Array(claims.length);
  const lines: (CurrentLine | undefined)[] = new Array(claims.length);
  let position = 0;
  const ctx: EvalContext = {
    beneficiary,
    ledger,
    institution,
    pendingSameDay() {
      const out: LedgerLine[] = [];
      const date = claims[order[position]].date;
      for (let k = position + 1; k < order.length && claims[order[k]].date === date; k++) {
        const i = order[k];
        lines[i] ??= lineOf(claims[i], lookup(n, claims[i].code, claims[i].date), false);
        out.push(lines[i]!);
      }
      return out;
    },
  };

  for (position = 0; position < order.length; position++) {
    const i = order[position];
    const c = claims[i];
    const cached = lookup(n, c.code, c.date);
    const line = (lines[i] ??= lineOf(c, cached, false));
    const reasons: Reason[] = [];
    let rejected = false;
    const rules = rulesOf(context.rules, c.code, cached);
    for (let r = 0; r < rules.length; r++) {
      const rule = rules[r];
      if (!inForce(rule, c.date)) continue;
      let o = rule.kind.evaluate(line, ctx, rule);
      if (o === null) continue;
      if (rule.rule.exceptions.length) o = lift(rule, line, o);
      if (o.outcome === 'violated') rejected = true;
      // `failed`: a satisfied reason is not listed, so its message is not even rendered
      if (!failedOnly || o.outcome !== 'satisfied') reasons.push(reasonOf(rule, o, locale, withDetails));
      if (o.halt) break;
    }
    if (!rejected) ledger.add(line);
    const st = cached.state;
    const regime = beneficiary.preferential ? 'preferential' : 'standard';
    const units = line.units;
    const fee = times(st.fee, units);
    const reimbursement = rejected ? '0.00' : times(st.reimbursement ? st.reimbursement[regime] : null, units);
    decisions[i] = {
      claim: c.id,
      code: c.code,
      status: rejected ? 'rejected' : 'accepted',
      setting: line.stay === null ? 'ambulatory' : 'hospitalised',
      keyLetter: st.keyLetter,
      relativeValue: st.relativeValue,
      fee,
      reimbursement,
      feeReason: feeReasonOf(cached, rejected, regime, fee, reimbursement),
      reasons,
    };
  }
  return { beneficiary: beneficiary.id, decisions };
}

/** The decision's fee reason, the same for every line of the period with the same status and regime. */
function feeReasonOf(p: CachedPeriod, rejected: boolean, regime: 'preferential' | 'standard', fee: string | null, reimbursement: string | null): string | null {
  const k = rejected ? 0 : regime === 'standard' ? 1 : 2;
  let r = p.feeReasons[k];
  if (r === undefined) p.feeReasons[k] = r = feeReason(p.state, rejected, fee, reimbursement);
  return r;
}

function feeReason(st: PeriodState, rejected: boolean, fee: string | null, reimbursement: string | null): string | null {
  const parts: string[] = [];
  if (fee === null) parts.push(st.feeReason ?? `no fee known for ${st.code} on this date`);
  else if (st.feeReason) parts.push(st.feeReason);
  if (rejected) parts.push('rejected line: nothing is reimbursed');
  else if (reimbursement === null && fee !== null) parts.push('no reimbursement column known for this code and date');
  return parts.length ? parts.join('; ') : null;
}

/** One source object per citation, shared by every reason that cites it (the serializer caches its JSON). */
const sources = new WeakMap<object, Reason['source']>();
function sourceOf(src: { document: string; article: string; text: string }): Reason['source'] {
  let s = sources.get(src);
  if (s === undefined) {
    s = { document: src.document, article: src.article, text: src.text };
    sources.set(src, s);
  }
  return s;
}

function reasonOf(rule: CompiledRule, o: Outcome, locale: Locale, withDetails: boolean): Reason {
  const reason: Reason = {
    rule: rule.rule.id,
    kind: rule.reports,
    outcome: o.outcome,
    message: render(o.detail, locale),
    source: sourceOf(o.source ?? rule.rule.citation),
  };
  if (o.outcome === 'violated') {
    const r = rejectionOf(rule.reports, o.detail.code);
    if (r) reason.rejection = r;
    // the ecosystem's codes (contract v1.1): a frozen object per table row and locale
    const codes = refusalCodesOf(rule.reports, o.detail, locale);
    reason.efact = codes.efact;
    reason.etarif = codes.etarif;
    if (codes.efactReason !== undefined) reason.efactReason = codes.efactReason;
    if (codes.etarifReason !== undefined) reason.etarifReason = codes.etarifReason;
  }
  if (withDetails) {
    reason.detail = o.detail as unknown as Record<string, unknown>;
    if (rule.rule.interpretation) reason.interpretation = rule.rule.interpretation;
  }
  return reason;
}
