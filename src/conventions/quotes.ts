/**
 * Quote and deposit checks of the breast reconstruction convention:
 * - Art. 12: a written quote given at least 7 days before the intervention;
 * - Art. 9: a supplement of at most 100 % of the article 3 fees, only for a single room,
 *   and no other supplement (articles 4 and 5);
 * - Art. 13: deposits on fees only if the quote mentions them, at most 50 % of the
 *   supplement and at most 1250 euro.
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
import { CITE, type Citation } from './sources.js';
// TODO(issue 13): the quote and deposit checks are still written for the breast reconstruction
// convention; its obligations in rules/obligations/breast.yaml give the same services.
export const QUOTE_CODES = ['252652', '252663', '252674', '252685', '252696', '252700', '252711', '252722'];
const QUOTE_ART45_CODES = ['252733', '252744', '252755', '252766', '252770', '252781', '252792', '252803', '252814', '252825'];

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

/** The ceiling of a deposit (Art. 13). */
export const DEPOSIT_MAX = '1250.00';
/** Days a quote must precede the intervention (Art. 12). */
export const QUOTE_DAYS = 7;

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

const ART3 = new Set(QUOTE_CODES);
const ART45 = new Set(QUOTE_ART45_CODES);

export const QUOTE_INTERPRETATIONS = [
  '"At the latest 7 days before the intervention": quote date ≤ intervention date − 7 days (a quote given exactly 7 days before passes, 6 days before fails).',
  'The supplement cap is 100 % of the sum of the article 3 fees of the intervention\'s services (a bilateral reconstruction is one service with its own fee); a supplement with no article 3 service is an "other supplement", which Art. 9 excludes.',
  'Deposit limits apply to the total of the deposits claimed (or, when none is listed, to the deposit the quote announces); 50 % of the supplement is computed exactly, without rounding.',
];

/** Checks one case; `nomenclature` gives the fee of article 3 services when the case does not. */
export function checkQuote(c: QuoteCase, nomenclature?: Nomenclature): QuoteResult {
  const checks: QuoteCheck[] = [];
  const q = c.quote;

  // Art. 12: quote at least 7 days before.
  const latest = addDays(c.intervention, -QUOTE_DAYS);
  if (!q) {
    checks.push({ id: 'quote.delay', title: 'Written quote at least 7 days before the intervention', status: 'fail', value: 'no quote', threshold: `quote on or before ${latest}`, detail: 'no written quote was given', source: CITE.breastQuote });
  } else {
    const days = daysBetween(q.date, c.intervention);
    checks.push({
      id: 'quote.delay', title: 'Written quote at least 7 days before the intervention',
      status: q.date <= latest ? 'pass' : 'fail',
      value: `${days} days before`, threshold: `≥ ${QUOTE_DAYS} days (quote on or before ${latest})`,
      detail: `quote ${q.date}, intervention ${c.intervention}: ${days} day${Math.abs(days) === 1 ? '' : 's'} before`,
      source: CITE.breastQuote,
    });
  }

  const supplement = q?.supplement ?? dec('0');
  const hasSupplement = supplement.units > 0n;

  // Art. 9: at most 100 % of the article 3 fees.
  const art3 = c.codes.filter((x) => ART3.has(x));
  const others = c.codes.filter((x) => ART45.has(x));
  if (!hasSupplement) {
    checks.push({ id: 'supplement.cap', title: 'Supplement at most 100 % of the article 3 fee', status: 'pass', value: '0.00', threshold: '≤ 100 % of the fee', detail: 'no supplement in the quote', source: CITE.breastSupplementCap });
  } else if (art3.length === 0) {
    checks.push({
      id: 'supplement.other', title: 'No supplement other than the article 9 maximum', status: c.codes.length === 0 ? 'not-checkable' : 'fail',
      value: money(supplement), threshold: 'a supplement only on the article 3 reconstruction',
      detail: c.codes.length === 0 ? 'the case names no service (codes): the cap cannot be checked' : `supplement ${money(supplement)} EUR on ${c.codes.join(', ')}, none of which is an article 3 service${others.length ? ' (articles 4–5 allow no other supplement)' : ''}`,
      source: CITE.breastNoOtherSupplement, also: [CITE.breastSupplementCap],
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
      checks.push({ id: 'supplement.cap', title: 'Supplement at most 100 % of the article 3 fee', status: 'not-checkable', value: money(supplement), threshold: '≤ 100 % of the fee', detail: `fee unknown: ${why}`, source: CITE.breastSupplementCap });
    } else {
      checks.push({
        id: 'supplement.cap', title: 'Supplement at most 100 % of the article 3 fee', status: cmp(supplement, fee) <= 0 ? 'pass' : 'fail',
        value: money(supplement), threshold: `≤ ${money(fee)} (100 % of the fee, ${why})`,
        detail: `supplement ${money(supplement)} EUR, fee ${money(fee)} EUR of ${art3.join(' + ')}`,
        source: CITE.breastSupplementCap,
      });
    }
    if (others.length) {
      checks.push({ id: 'supplement.other', title: 'No supplement other than the article 9 maximum', status: 'pass', value: money(supplement), threshold: 'one supplement, on the article 3 reconstruction', detail: `${others.join(', ')} (articles 4–5) carry no supplement of their own: the quote's supplement is read as the article 9 supplement of ${art3.join(', ')}`, source: CITE.breastNoOtherSupplement });
    }
  }

  // Single room.
  if (hasSupplement) {
    const status: CheckStatus = c.room === null ? 'not-checkable' : c.room === 'single' ? 'pass' : 'fail';
    checks.push({
      id: 'supplement.room', title: 'Supplement only for a single room', status,
      value: c.room ?? 'room not stated', threshold: 'single',
      detail: c.room === null ? 'the case does not state the room' : `supplement ${money(supplement)} EUR, room ${c.room}`,
      source: CITE.breastSupplementCap, also: [CITE.breastNoAestheticSupplement],
    });
  }

  // Art. 13: deposits.
  const claimed = c.deposits.reduce((s, d) => add(s, d.amount), dec('0'));
  const anyClaimed = claimed.units > 0n;
  const depositBasis = anyClaimed ? 'deposits claimed' : q?.deposit ? 'deposit announced in the quote' : null;
  const depositAmount = anyClaimed ? claimed : q?.deposit ?? dec('0');
  if (!anyClaimed && !q?.mentionsDeposit) {
    checks.push({ id: 'deposit.in-quote', title: 'Deposits only if mentioned in the quote', status: 'pass', value: '0.00', threshold: 'mentioned in the quote', detail: 'no deposit claimed', source: CITE.breastDeposit });
  } else {
    let status: CheckStatus = 'pass';
    let detail: string;
    if (anyClaimed && !q) { status = 'fail'; detail = `deposits of ${money(claimed)} EUR claimed without a written quote`; }
    else if (anyClaimed && !q!.mentionsDeposit) { status = 'fail'; detail = `deposits of ${money(claimed)} EUR claimed, but the quote mentions no deposit`; }
    else if (anyClaimed && q!.deposit && cmp(claimed, q!.deposit) > 0) { status = 'fail'; detail = `deposits of ${money(claimed)} EUR claimed, more than the ${money(q!.deposit)} EUR the quote mentions`; }
    else detail = anyClaimed ? `deposits of ${money(claimed)} EUR, mentioned in the quote${q!.deposit ? ` (${money(q!.deposit)} EUR)` : ''}` : `the quote announces a deposit${q!.deposit ? ` of ${money(q!.deposit)} EUR` : ''}; none claimed yet`;
    checks.push({ id: 'deposit.in-quote', title: 'Deposits only if mentioned in the quote', status, value: money(claimed), threshold: 'mentioned in the quote', detail, source: CITE.breastDeposit });
  }
  if (depositBasis) {
    const half = mul(supplement, dec('0.5'));
    checks.push({
      id: 'deposit.half-supplement', title: 'Deposit at most 50 % of the supplement', status: cmp(depositAmount, half) <= 0 ? 'pass' : 'fail',
      value: money(depositAmount), threshold: `≤ ${money(half)} (50 % of the supplement ${money(supplement)})`,
      detail: `${depositBasis}: ${money(depositAmount)} EUR`, source: CITE.breastDeposit,
    });
    checks.push({
      id: 'deposit.max', title: 'Deposit at most 1250 EUR', status: cmp(depositAmount, dec(DEPOSIT_MAX)) <= 0 ? 'pass' : 'fail',
      value: money(depositAmount), threshold: `≤ ${DEPOSIT_MAX}`,
      detail: `${depositBasis}: ${money(depositAmount)} EUR`, source: CITE.breastDeposit,
    });
  }
  return { id: c.id, intervention: c.intervention, ok: checks.every((x) => x.status === 'pass'), checks, interpretations: QUOTE_INTERPRETATIONS };
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
  for (const i of QUOTE_INTERPRETATIONS) out.push(`  - ${i}`);
  return out.join('\n');
}
