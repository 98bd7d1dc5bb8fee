/**
 * Quote and deposit checks of a convention, every parameter read from its obligations (curated
 * with their sentences in rules/obligations/*.yaml; for breast reconstruction: a written quote at
 * least 7 days before the intervention, Art. 12; a supplement of at most 100 % of the article 3
 * fees, only for a single room, and no other supplement, Art. 9; deposits only if the quote
 * mentions them, at most 50 % of the supplement and at most 1250 euro, Art. 13):
 * - quote-delay: the days a written quote precedes the intervention;
 * - supplement-cap, other-supplement, single-room: the supplement of the quote;
 * - deposit-cap: the deposits.
 *
 * Input (one object, or an array of them):
 *   { "id": "Q-1", "intervention": "2024-05-20", "codes": ["252652"], "room": "single",
 *     "quote": { "date": "2024-05-10", "supplement": "1500.00", "deposit": "700.00" },
 *     "deposits": [ { "date": "2024-05-12", "amount": "700.00" } ] }
 */
import { addDays, daysBetween, isIsoDate, type IsoDate } from '../date.js';
import { add, cmp, dec, money, mul, type Decimal } from '../decimal.js';
import { isValidCode } from '../code.js';
import type { Nomenclature } from '../nomenclature/types.js';
import { builtinCatalogue, type ConventionCatalogue } from './catalogue.js';
import {
  valueAt, type CapParams, type DepositCapParams, type Obligation, type OtherSupplementParams, type QuoteDelayParams, type SingleRoomParams,
} from './obligations/index.js';
import type { Citation } from './sources.js';

/** The obligations a quote is checked against: one of each kind, from one convention. */
export interface QuoteRules {
  convention: string;
  delay: Obligation<QuoteDelayParams>;
  cap: Obligation<CapParams>;
  other: Obligation<OtherSupplementParams>;
  room: Obligation<SingleRoomParams>;
  deposit: Obligation<DepositCapParams>;
}

/** A convention whose obligations cannot check a quote; `field` names the option. */
export class QuoteRulesError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

/**
 * The quote obligations of a convention (by name or id), or of the only convention that has them.
 * Missing kinds are an error naming them: a quote is never checked against half its rules.
 */
export function quoteRules(convention?: string, catalogue: ConventionCatalogue = builtinCatalogue()): QuoteRules {
  const candidates = convention === undefined ? catalogue.entries.filter((e) => e.obligations.some((o) => o.kind === 'quote-delay')) : [catalogue.find(convention)].filter((e) => e !== undefined);
  if (candidates.length === 0) throw new QuoteRulesError('convention', convention === undefined ? 'no convention states quote obligations' : `"${convention}" is not a known convention`);
  const e = candidates[0];
  const one = <P>(kind: string) => e.obligations.find((o) => o.kind === kind) as Obligation<P> | undefined;
  const rules = { convention: e.name, delay: one<QuoteDelayParams>('quote-delay'), cap: one<CapParams>('supplement-cap'), other: one<OtherSupplementParams>('other-supplement'), room: one<SingleRoomParams>('single-room'), deposit: one<DepositCapParams>('deposit-cap') };
  const missing = (['delay', 'cap', 'other', 'room', 'deposit'] as const).filter((k) => !rules[k]);
  if (missing.length) throw new QuoteRulesError('convention', `${e.name} states no ${missing.map((k) => ({ delay: 'quote-delay', cap: 'supplement-cap', other: 'other-supplement', room: 'single-room', deposit: 'deposit-cap' })[k]).join(', ')} obligation: its quotes cannot be checked`);
  return rules as QuoteRules;
}

/** A field of the quote input that is wrong; `path` names it ("quote.date", "[1].deposits[0].amount"). */
export class QuoteInputError extends Error {
  constructor(readonly path: string, readonly detail: string) {
    super(`${path}: ${detail}`);
  }
}

export interface QuoteCase {
  id: string | null;
  intervention: IsoDate;
  codes: string[];
  /** Fee of the article 3 services when given (else read from the nomenclature). */
  fee: Decimal | null;
  room: 'single' | 'double' | 'common' | null;
  quote: { date: IsoDate; supplement: Decimal; deposit: Decimal | null; mentionsDeposit: boolean } | null;
  deposits: { date: IsoDate | null; amount: Decimal }[];
}

function amount(v: unknown, path: string): Decimal {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return dec(String(v));
  if (typeof v === 'string' && /^\d+(?:\.\d{1,2})?$/.test(v.trim())) return dec(v.trim());
  throw new QuoteInputError(path, `${JSON.stringify(v)} is not an amount in euro (a decimal string with at most two decimals, e.g. "1250.00")`);
}

function date(v: unknown, path: string): IsoDate {
  if (v === undefined || v === null) throw new QuoteInputError(path, 'missing (a date YYYY-MM-DD is required)');
  if (!isIsoDate(v)) throw new QuoteInputError(path, `${JSON.stringify(v)} is not a date in the form YYYY-MM-DD`);
  return v;
}

function obj(v: unknown, path: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new QuoteInputError(path, 'expected a JSON object');
  return v as Record<string, unknown>;
}

/** Reads one quote case; `at` prefixes error paths ("[2]."). */
export function readQuoteCase(v: unknown, at = ''): QuoteCase {
  const o = obj(v, at || '(root)');
  const id = o.id === undefined || o.id === null ? null : String(o.id);
  const intervention = date(o.intervention, `${at}intervention`);
  const codesRaw = o.codes ?? (o.code !== undefined ? [o.code] : []);
  if (!Array.isArray(codesRaw)) throw new QuoteInputError(`${at}codes`, 'expected an array of codes');
  const codes = codesRaw.map((c, k) => {
    const s = String(c);
    if (!/^\d{6}$/.test(s) || !isValidCode(s)) throw new QuoteInputError(`${at}codes[${k}]`, `${JSON.stringify(c)} is not a valid 6-digit code`);
    return s;
  });
  const fee = o.fee === undefined || o.fee === null ? null : amount(o.fee, `${at}fee`);
  let room: QuoteCase['room'] = null;
  if (o.room !== undefined && o.room !== null) {
    const r = String(o.room).toLowerCase();
    const map: Record<string, QuoteCase['room']> = { single: 'single', individual: 'single', double: 'double', 'two-bed': 'double', common: 'common', shared: 'common' };
    if (!Object.hasOwn(map, r)) throw new QuoteInputError(`${at}room`, `${JSON.stringify(o.room)} is not a room type (single, double, common)`);
    room = map[r];
  }
  let quote: QuoteCase['quote'] = null;
  if (o.quote !== undefined && o.quote !== null) {
    const q = obj(o.quote, `${at}quote`);
    const mentions = q.deposit !== undefined && q.deposit !== null && q.deposit !== false;
    quote = {
      date: date(q.date, `${at}quote.date`),
      supplement: q.supplement === undefined || q.supplement === null ? dec('0') : amount(q.supplement, `${at}quote.supplement`),
      deposit: mentions && q.deposit !== true ? amount(q.deposit, `${at}quote.deposit`) : null,
      mentionsDeposit: mentions,
    };
  }
  const depRaw = o.deposits ?? [];
  if (!Array.isArray(depRaw)) throw new QuoteInputError(`${at}deposits`, 'expected an array of { date, amount }');
  const deposits = depRaw.map((d, k) => {
    const x = obj(d, `${at}deposits[${k}]`);
    return { date: x.date === undefined || x.date === null ? null : date(x.date, `${at}deposits[${k}].date`), amount: amount(x.amount, `${at}deposits[${k}].amount`) };
  });
  return { id, intervention, codes, fee, room, quote, deposits };
}

/** Reads a quote file: one case or an array of cases. */
export function parseQuoteInput(text: string): QuoteCase[] {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new QuoteInputError('(file)', `not valid JSON (${(e as Error).message})`);
  }
  if (Array.isArray(v)) return v.map((x, k) => readQuoteCase(x, `[${k}].`));
  return [readQuoteCase(v)];
}

export type CheckStatus = 'pass' | 'fail' | 'not-checkable';

export interface QuoteCheck {
  id: 'quote.delay' | 'supplement.cap' | 'supplement.other' | 'supplement.room' | 'deposit.in-quote' | 'deposit.half-supplement' | 'deposit.max';
  title: string;
  status: CheckStatus;
  /** The measured value and the threshold, as text. */
  value: string;
  threshold: string;
  detail: string;
  source: Citation;
  also?: Citation[];
}

export interface QuoteResult {
  id: string | null;
  intervention: IsoDate;
  ok: boolean;
  checks: QuoteCheck[];
  interpretations: string[];
}

/** The interpretations a quote check applies, from its rules. */
export function quoteInterpretations(r: QuoteRules = quoteRules()): string[] {
  const pct = r.cap.params.maxPercent.map((m) => m.value).join(' / ');
  return [
    ...r.delay.params.days.map((d) => `"At the latest ${d.value} days before the intervention": quote date ≤ intervention date − ${d.value} days (a quote given exactly ${d.value} days before passes, ${d.value - 1} days before fails).`),
    `The supplement cap is ${pct} % of the sum of the ${r.cap.params.feeOf} fees of the intervention's services (a bilateral reconstruction is one service with its own fee); a supplement with no ${r.cap.params.feeOf} service is an "other supplement", which ${r.other.citation.article} excludes.`,
    `Deposit limits apply to the total of the deposits claimed (or, when none is listed, to the deposit the quote announces); ${r.deposit.params.percentOfSupplement.map((p) => p.value).join(' / ')} % of the supplement is computed exactly, without rounding.`,
  ];
}

/** The value of a dated parameter on a date (the rules are validated: one holds from the start). */
function at<T>(list: readonly { from: string | null; value: T }[], date: IsoDate): T {
  return (valueAt(list, date) ?? list[0]).value;
}

const article = (a: string) => a.replace(/^Art\.\s*/, 'article ');

/** Checks one case; `nomenclature` gives the fee of article 3 services when the case does not. */
export function checkQuote(c: QuoteCase, nomenclature?: Nomenclature, rules: QuoteRules = quoteRules()): QuoteResult {
  const checks: QuoteCheck[] = [];
  const q = c.quote;
  const QUOTE_DAYS = at(rules.delay.params.days, c.intervention);
  const PCT = at(rules.cap.params.maxPercent, c.intervention);
  const FEE_OF = rules.cap.params.feeOf;
  const DEPOSIT_PCT = at(rules.deposit.params.percentOfSupplement, c.intervention);
  const DEPOSIT_MAX = at(rules.deposit.params.maxEuro, c.intervention);
  const ART3 = new Set(rules.cap.services);
  const ART45 = new Set(rules.other.services);
  const capTitle = `Supplement at most ${PCT} % of the ${FEE_OF} fee`;
  const otherTitle = `No supplement other than the ${article(rules.cap.citation.article)} maximum`;
  const delayTitle = `Written quote at least ${QUOTE_DAYS} days before the intervention`;

  // The quote at least n days before.
  const latest = addDays(c.intervention, -QUOTE_DAYS);
  if (!q) {
    checks.push({ id: 'quote.delay', title: delayTitle, status: 'fail', value: 'no quote', threshold: `quote on or before ${latest}`, detail: 'no written quote was given', source: rules.delay.citation });
  } else {
    const days = daysBetween(q.date, c.intervention);
    checks.push({
      id: 'quote.delay', title: delayTitle,
      status: q.date <= latest ? 'pass' : 'fail',
      value: `${days} days before`, threshold: `≥ ${QUOTE_DAYS} days (quote on or before ${latest})`,
      detail: `quote ${q.date}, intervention ${c.intervention}: ${days} day${Math.abs(days) === 1 ? '' : 's'} before`,
      source: rules.delay.citation,
    });
  }

  const supplement = q?.supplement ?? dec('0');
  const hasSupplement = supplement.units > 0n;

  // The supplement: at most n % of the fees of the capped services.
  const art3 = c.codes.filter((x) => ART3.has(x));
  const others = c.codes.filter((x) => ART45.has(x));
  if (!hasSupplement) {
    checks.push({ id: 'supplement.cap', title: capTitle, status: 'pass', value: '0.00', threshold: `≤ ${PCT} % of the fee`, detail: 'no supplement in the quote', source: rules.cap.citation });
  } else if (art3.length === 0) {
    checks.push({
      id: 'supplement.other', title: otherTitle, status: c.codes.length === 0 ? 'not-checkable' : 'fail',
      value: money(supplement), threshold: `a supplement only on the ${FEE_OF} reconstruction`,
      detail: c.codes.length === 0 ? 'the case names no service (codes): the cap cannot be checked' : `supplement ${money(supplement)} EUR on ${c.codes.join(', ')}, none of which is an ${FEE_OF} service${others.length ? ` (${rules.other.params.servicesOf} allow no other supplement)` : ''}`,
      source: rules.other.citation, also: [rules.cap.citation],
    });
  } else {
    let fee: Decimal | null = c.fee;
    let why = 'fee stated in the case';
    if (!fee) {
      fee = dec('0');
      why = `nomenclature fee on ${c.intervention}`;
      for (const code of art3) {
        const s = nomenclature?.state(code, c.intervention);
        if (!s?.fee) { fee = null; why = nomenclature ? `the nomenclature gives no fee for ${code} on ${c.intervention}` : 'no fee given and no nomenclature'; break; }
        fee = add(fee, dec(s.fee));
      }
    }
    if (!fee) {
      checks.push({ id: 'supplement.cap', title: capTitle, status: 'not-checkable', value: money(supplement), threshold: `≤ ${PCT} % of the fee`, detail: `fee unknown: ${why}`, source: rules.cap.citation });
    } else {
      // supplement ≤ fee × n / 100, exactly
      const cap = mul(fee, dec(String(PCT / 100)));
      checks.push({
        id: 'supplement.cap', title: capTitle, status: cmp(supplement, cap) <= 0 ? 'pass' : 'fail',
        value: money(supplement), threshold: `≤ ${money(cap)} (${PCT} % of the fee, ${why})`,
        detail: `supplement ${money(supplement)} EUR, fee ${money(fee)} EUR of ${art3.join(' + ')}`,
        source: rules.cap.citation,
      });
    }
    if (others.length) {
      checks.push({ id: 'supplement.other', title: otherTitle, status: 'pass', value: money(supplement), threshold: `one supplement, on the ${FEE_OF} reconstruction`, detail: `${others.join(', ')} (${rules.other.params.servicesOf}) carry no supplement of their own: the quote's supplement is read as the ${article(rules.cap.citation.article)} supplement of ${art3.join(', ')}`, source: rules.other.citation });
    }
  }

  // Single room.
  if (hasSupplement) {
    const status: CheckStatus = c.room === null ? 'not-checkable' : c.room === 'single' ? 'pass' : 'fail';
    checks.push({
      id: 'supplement.room', title: 'Supplement only for a single room', status,
      value: c.room ?? 'room not stated', threshold: 'single',
      detail: c.room === null ? 'the case does not state the room' : `supplement ${money(supplement)} EUR, room ${c.room}`,
      source: rules.room.citation, ...(rules.room.also ? { also: rules.room.also } : {}),
    });
  }

  // Deposits.
  const claimed = c.deposits.reduce((s, d) => add(s, d.amount), dec('0'));
  const anyClaimed = claimed.units > 0n;
  const depositBasis = anyClaimed ? 'deposits claimed' : q?.deposit ? 'deposit announced in the quote' : null;
  const depositAmount = anyClaimed ? claimed : q?.deposit ?? dec('0');
  if (!anyClaimed && !q?.mentionsDeposit) {
    checks.push({ id: 'deposit.in-quote', title: 'Deposits only if mentioned in the quote', status: 'pass', value: '0.00', threshold: 'mentioned in the quote', detail: 'no deposit claimed', source: rules.deposit.citation });
  } else {
    let status: CheckStatus = 'pass';
    let detail: string;
    if (anyClaimed && !q) { status = 'fail'; detail = `deposits of ${money(claimed)} EUR claimed without a written quote`; }
    else if (anyClaimed && !q!.mentionsDeposit) { status = 'fail'; detail = `deposits of ${money(claimed)} EUR claimed, but the quote mentions no deposit`; }
    else if (anyClaimed && q!.deposit && cmp(claimed, q!.deposit) > 0) { status = 'fail'; detail = `deposits of ${money(claimed)} EUR claimed, more than the ${money(q!.deposit)} EUR the quote mentions`; }
    else detail = anyClaimed ? `deposits of ${money(claimed)} EUR, mentioned in the quote${q!.deposit ? ` (${money(q!.deposit)} EUR)` : ''}` : `the quote announces a deposit${q!.deposit ? ` of ${money(q!.deposit)} EUR` : ''}; none claimed yet`;
    checks.push({ id: 'deposit.in-quote', title: 'Deposits only if mentioned in the quote', status, value: money(claimed), threshold: 'mentioned in the quote', detail, source: rules.deposit.citation });
  }
  if (depositBasis) {
    const half = mul(supplement, dec(String(DEPOSIT_PCT / 100)));
    checks.push({
      id: 'deposit.half-supplement', title: `Deposit at most ${DEPOSIT_PCT} % of the supplement`, status: cmp(depositAmount, half) <= 0 ? 'pass' : 'fail',
      value: money(depositAmount), threshold: `≤ ${money(half)} (${DEPOSIT_PCT} % of the supplement ${money(supplement)})`,
      detail: `${depositBasis}: ${money(depositAmount)} EUR`, source: rules.deposit.citation,
    });
    checks.push({
      id: 'deposit.max', title: `Deposit at most ${DEPOSIT_MAX.replace(/\.00$/, '')} EUR`, status: cmp(depositAmount, dec(DEPOSIT_MAX)) <= 0 ? 'pass' : 'fail',
      value: money(depositAmount), threshold: `≤ ${DEPOSIT_MAX}`,
      detail: `${depositBasis}: ${money(depositAmount)} EUR`, source: rules.deposit.citation,
    });
  }
  return { id: c.id, intervention: c.intervention, ok: checks.every((x) => x.status === 'pass'), checks, interpretations: quoteInterpretations(rules) };
}

const MARK: Record<CheckStatus, string> = { pass: 'PASS', fail: 'FAIL', 'not-checkable': 'NOT CHECKABLE' };

/** Readable rendering. */
export function renderQuoteResults(results: QuoteResult[]): string {
  const out: string[] = [];
  for (const r of results) {
    out.push(`${r.id ? `${r.id}: ` : ''}intervention ${r.intervention}: ${r.ok ? 'compliant' : 'NOT compliant (or not fully checkable)'}`);
    for (const c of r.checks) {
      out.push(`  [${MARK[c.status]}] ${c.title}: ${c.value} (threshold ${c.threshold})`);
      out.push(`      ${c.detail}`);
      out.push(`      source: [${c.source.document}, ${c.source.article}] « ${c.source.text} »`);
    }
  }
  out.push('Interpretations:');
  for (const i of [...new Set(results.flatMap((r) => r.interpretations))]) out.push(`  - ${i}`);
  return out.join('\n');
}
