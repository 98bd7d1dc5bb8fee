/**
 * Test support: a small fake Nomenclature (codes declared by hand, with an optional validity
 * period) and helpers to run rules on a request. Used by the unit tests of the rule kinds and
 * of the engine; the legal case suite runs against the built-in corpus instead.
 */
import { hospitalisedTwinOf, ambulatoryTwinOf, isValidCode } from '../code.js';
import type { IsoDate } from '../date.js';
import { decide, type EngineContext } from '../engine/decide.js';
import type { CheckRequest, CheckResponse, Claim } from '../engine/schema.js';
import { dayPeriod, type CodePeriod, type CodeState, type Nomenclature } from '../nomenclature/types.js';
import { GENERIC_RULES } from './builtin.js';
import type { InstitutionFacts } from './context.js';
import { compileRules } from './registry.js';
import type { Rule } from './types.js';

export interface FakeCode {
  status?: CodeState['status'];
  from?: IsoDate;
  to?: IsoDate;
  setting?: CodeState['setting'];
  pairWith?: string;
  article?: string | null;
  keyLetter?: string;
  relativeValue?: string;
  fee?: string | null;
  reimbursement?: { preferential: string | null; standard: string | null } | null;
}

/** A nomenclature of a few declared codes; any other code is unknown. */
export class FakeNomenclature implements Nomenclature {
  constructor(private readonly codes: Record<string, FakeCode>) {}

  period(code: string, at: IsoDate): CodePeriod {
    return dayPeriod(this.state(code, at));
  }

  state(code: string, at: IsoDate): CodeState {
    const c = this.codes[code];
    const base: CodeState = {
      code, at, status: 'unknown', statusReason: null, pair: null, setting: 'any', article: null, keyLetter: null,
      relativeValue: null, label: { fr: null, nl: null }, coefficient: null, fee: null, feeReason: null, reimbursement: null,
      convention: null, sources: [],
    };
    if (!c) return base;
    let pair: CodeState['pair'] = null;
    if (c.pairWith) pair = c.setting === 'hospitalised' ? { ambulatory: c.pairWith, hospitalised: code } : { ambulatory: code, hospitalised: c.pairWith };
    const status: CodeState['status'] =
      c.status ?? (c.from && at < c.from ? 'not-yet-in-force' : c.to && at > c.to ? 'deleted' : 'in-force');
    return {
      ...base,
      status,
      statusReason: status === 'in-force' ? null : `fake: ${status}`,
      pair,
      setting: c.setting ?? 'any',
      article: c.article ?? null,
      keyLetter: c.keyLetter ?? null,
      relativeValue: c.relativeValue ?? null,
      fee: status === 'in-force' || status === 'referenced' ? c.fee ?? null : null,
      feeReason: c.fee === undefined ? 'fake: no fee' : null,
      reimbursement: status === 'in-force' ? c.reimbursement ?? (c.fee ? { preferential: c.fee, standard: c.fee } : null) : null,
    };
  }
}

/** Declares both codes of a pair (ambulatory code first). */
export function pair(ambulatory: string, props: Omit<FakeCode, 'setting' | 'pairWith'> = {}): Record<string, FakeCode> {
  const h = hospitalisedTwinOf(ambulatory);
  return {
    [ambulatory]: { ...props, setting: 'ambulatory', pairWith: h },
    [h]: { ...props, setting: 'hospitalised', pairWith: ambulatory },
  };
}

/** Declares single codes valid everywhere (setting any). */
export function singles(codes: string[], props: FakeCode = {}): Record<string, FakeCode> {
  const out: Record<string, FakeCode> = {};
  for (const c of codes) out[c] = { ...props };
  return out;
}

export { ambulatoryTwinOf, isValidCode };

let n = 0;
/** A claim line; id generated when not given. */
export function claim(code: string, date: IsoDate, extra: Partial<Claim> = {}): Claim {
  return { id: extra.id ?? `L${++n}`, code, date, ...extra };
}

/** A rule with defaults (validity open, no exceptions, a test citation). */
export function rule<P>(r: Pick<Rule<P>, 'id' | 'kind' | 'scope' | 'params'> & Partial<Rule<P>>): Rule<P> {
  return {
    validity: { from: null, to: null },
    exceptions: [],
    citation: { document: 'test', article: 'test', text: `rule ${r.id}` },
    origin: 'curated',
    convention: null,
    ...r,
  };
}

/** Runs rules (plus the generic checks) on a request against a fake nomenclature. */
export function run(
  codes: Record<string, FakeCode>,
  rules: Rule[],
  request: Partial<CheckRequest> & { claims: Claim[] },
  options: { institutions?: InstitutionFacts[]; locale?: EngineContext['locale'] } = {},
): CheckResponse {
  const context: EngineContext = {
    nomenclature: new FakeNomenclature(codes),
    rules: compileRules([...GENERIC_RULES, ...rules]),
    institutions: new Map((options.institutions ?? []).map((i) => [i.id, i])),
    locale: options.locale,
  };
  return decide(request as CheckRequest, context);
}

/** The statuses of a response, in request order. */
export function statuses(r: CheckResponse): string[] {
  return r.decisions.map((d) => d.status);
}

/** The reasons of one decision with a given rule id. */
export function reasonsOf(r: CheckResponse, claimId: string, ruleId?: string) {
  const d = r.decisions.find((x) => x.claim === claimId);
  if (!d) throw new Error(`no decision for ${claimId}`);
  return ruleId ? d.reasons.filter((x) => x.rule === ruleId) : d.reasons;
}
