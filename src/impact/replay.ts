/**
 * Replay: each request decided twice — on the current law and on the law with the drafts — and
 * every claim line whose decision, fee or reimbursement changes, with the rule or value that made
 * the difference. Totals (lines and amounts per code, per month, per institution) are exact
 * (src/decimal.ts) and bounded by the corpus, not by the lines: memory stays flat.
 *
 * The amounts of a line on each side: its fee when accepted (0 when rejected), and its
 * reimbursement as decided (0.00 when rejected). An amount the engine does not know (no fee for
 * the code on that date) is never counted as 0: the line is counted in `unknown`.
 */
import { add, dec, money, sub, type Decimal } from '../decimal.js';
import { requestOf, type BatchStats, type LineHandler } from '../engine/batch.js';
import { decide, type EngineContext } from '../engine/decide.js';
import type { CheckRequest, Decision, Reason } from '../engine/schema.js';
import type { ByteSink } from '../engine/serialize.js';
import { DEFAULT_LIMITS, type Limits } from '../engine/limits.js';

/** What a line was on one side. */
export interface LineOutcome {
  status: Decision['status'];
  keyLetter: string | null;
  relativeValue: string | null;
  fee: string | null;
  reimbursement: string | null;
}

/** What made a line's difference: a rule that now fails (or no longer does), or the value or fee of the code. */
export type Cause =
  | { kind: 'rule'; change: 'now' | 'no-longer'; rule: string; ruleKind: Reason['kind']; outcome: 'violated' | 'warning'; message: string; source: Reason['source'] }
  | { kind: 'value'; from: string | null; to: string | null; feeReason: string | null }
  | { kind: 'fee'; from: string | null; to: string | null; feeReason: string | null };

/** One claim line whose decision, fee or reimbursement changes. */
export interface LineChange {
  /** The input line (1-based) of the request. */
  line: number;
  beneficiary: string | null;
  claim: string;
  code: string;
  date: string;
  institution: string | null;
  before: LineOutcome;
  after: LineOutcome;
  /** after − before of the accepted fee and of the reimbursement; null when either is unknown. */
  delta: { fee: string | null; reimbursement: string | null };
  because: Cause[];
}

/** Lines and amounts of a group of changed lines. */
export interface Tally {
  /** Changed lines. */
  lines: number;
  /** Of which the decision (accepted / rejected) changes. */
  decisions: number;
  fee: { before: string; after: string; delta: string };
  reimbursement: { before: string; after: string; delta: string };
  /** Lines whose fee (resp. reimbursement) is unknown on either side: not in the sums. */
  unknown: { fee: number; reimbursement: number };
}

/** The replay's totals. */
export interface ReplayTotals {
  /** Requests decided (input lines with a valid request). */
  requests: number;
  /** Claim lines decided (twice each). */
  claims: number;
  /** Input lines that are not a valid request (each given as an error object). */
  errors: number;
  changed: Tally;
  byCode: Record<string, Tally>;
  byMonth: Record<string, Tally>;
  /** By the claim line's institution ("" : none). */
  byInstitution: Record<string, Tally>;
}

const ZERO: Decimal = { units: 0n, scale: 0 };

/** A tally being summed (exact decimals). */
interface Sum {
  lines: number;
  decisions: number;
  feeBefore: Decimal; feeAfter: Decimal;
  reimbursementBefore: Decimal; reimbursementAfter: Decimal;
  unknownFee: number; unknownReimbursement: number;
}

const newSum = (): Sum => ({ lines: 0, decisions: 0, feeBefore: ZERO, feeAfter: ZERO, reimbursementBefore: ZERO, reimbursementAfter: ZERO, unknownFee: 0, unknownReimbursement: 0 });

/** The accepted fee of a line (0 when rejected), or null when unknown. */
const acceptedFee = (o: LineOutcome): string | null => (o.status === 'rejected' ? '0.00' : o.fee);

/** Sums changed lines by group, and counts the requests read. Mergeable: workers sum their batches, the main thread merges them. */
export class ReplayTally {
  requests = 0;
  claims = 0;
  errors = 0;
  private all = newSum();
  private byCode = new Map<string, Sum>();
  private byMonth = new Map<string, Sum>();
  private byInstitution = new Map<string, Sum>();

  /** Changed lines counted so far. */
  get changed(): number {
    return this.all.lines;
  }

  /** Counts one changed line in every group it belongs to. */
  add(c: LineChange): void {
    const feeB = acceptedFee(c.before);
    const feeA = acceptedFee(c.after);
    const groups = [this.all, sumOf(this.byCode, c.code), sumOf(this.byMonth, c.date.slice(0, 7)), sumOf(this.byInstitution, c.institution ?? '')];
    for (const s of groups) {
      s.lines++;
      if (c.before.status !== c.after.status) s.decisions++;
      if (feeB === null || feeA === null) s.unknownFee++;
      else { s.feeBefore = add(s.feeBefore, dec(feeB)); s.feeAfter = add(s.feeAfter, dec(feeA)); }
      if (c.before.reimbursement === null || c.after.reimbursement === null) s.unknownReimbursement++;
      else { s.reimbursementBefore = add(s.reimbursementBefore, dec(c.before.reimbursement)); s.reimbursementAfter = add(s.reimbursementAfter, dec(c.after.reimbursement)); }
    }
  }

  /** Adds another tally (a worker's batch) into this one. */
  merge(o: TallyData): void {
    this.requests += o.requests;
    this.claims += o.claims;
    this.errors += o.errors;
    mergeSum(this.all, o.all);
    for (const [k, s] of o.byCode) mergeSum(sumOf(this.byCode, k), s);
    for (const [k, s] of o.byMonth) mergeSum(sumOf(this.byMonth, k), s);
    for (const [k, s] of o.byInstitution) mergeSum(sumOf(this.byInstitution, k), s);
  }

  /** The tally as data (structured-cloneable: sent from a worker), and a fresh start. */
  take(): TallyData {
    const d: TallyData = { requests: this.requests, claims: this.claims, errors: this.errors, all: this.all, byCode: [...this.byCode], byMonth: [...this.byMonth], byInstitution: [...this.byInstitution] };
    this.requests = this.claims = this.errors = 0;
    this.all = newSum();
    this.byCode = new Map();
    this.byMonth = new Map();
    this.byInstitution = new Map();
    return d;
  }

  /** The totals, groups sorted by key. */
  totals(): ReplayTotals {
    const group = (m: Map<string, Sum>) => Object.fromEntries([...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, s]) => [k, tallyOf(s)]));
    return { requests: this.requests, claims: this.claims, errors: this.errors, changed: tallyOf(this.all), byCode: group(this.byCode), byMonth: group(this.byMonth), byInstitution: group(this.byInstitution) };
  }
}

/** A tally as sent between threads. */
export interface TallyData {
  requests: number;
  claims: number;
  errors: number;
  all: Sum;
  byCode: [string, Sum][];
  byMonth: [string, Sum][];
  byInstitution: [string, Sum][];
}

function sumOf(m: Map<string, Sum>, k: string): Sum {
  let s = m.get(k);
  if (!s) m.set(k, (s = newSum()));
  return s;
}

function mergeSum(a: Sum, b: Sum): void {
  a.lines += b.lines;
  a.decisions += b.decisions;
  a.feeBefore = add(a.feeBefore, b.feeBefore);
  a.feeAfter = add(a.feeAfter, b.feeAfter);
  a.reimbursementBefore = add(a.reimbursementBefore, b.reimbursementBefore);
  a.reimbursementAfter = add(a.reimbursementAfter, b.reimbursementAfter);
  a.unknownFee += b.unknownFee;
  a.unknownReimbursement += b.unknownReimbursement;
}

function tallyOf(s: Sum): Tally {
  return {
    lines: s.lines,
    decisions: s.decisions,
    fee: { before: money(s.feeBefore), after: money(s.feeAfter), delta: money(sub(s.feeAfter, s.feeBefore)) },
    reimbursement: { before: money(s.reimbursementBefore), after: money(s.reimbursementAfter), delta: money(sub(s.reimbursementAfter, s.reimbursementBefore)) },
    unknown: { fee: s.unknownFee, reimbursement: s.unknownReimbursement },
  };
}

const outcomeOf = (d: Decision): LineOutcome => ({ status: d.status, keyLetter: d.keyLetter, relativeValue: d.relativeValue, fee: d.fee, reimbursement: d.reimbursement });
const showValue = (d: Decision) => (d.keyLetter ? `${d.keyLetter} ${d.relativeValue ?? '?'}` : null);
const delta = (a: string | null, b: string | null) => (a === null || b === null ? null : money(sub(dec(b), dec(a))));
const failed = (d: Decision) => d.reasons.filter((r): r is Reason & { outcome: 'violated' | 'warning' } => r.outcome !== 'satisfied');
const reasonKey = (r: Reason) => `${r.rule}|${r.outcome}`;

/** Why a line's decision differs: the failing rules that appear or disappear, then the value or fee. */
function causes(b: Decision, a: Decision): Cause[] {
  const out: Cause[] = [];
  const before = new Set(failed(b).map(reasonKey));
  const after = new Set(failed(a).map(reasonKey));
  const rule = (r: Reason & { outcome: 'violated' | 'warning' }, change: 'now' | 'no-longer'): Cause => ({ kind: 'rule', change, rule: r.rule, ruleKind: r.kind, outcome: r.outcome, message: r.message, source: r.source });
  for (const r of failed(a)) if (!before.has(reasonKey(r))) out.push(rule(r, 'now'));
  for (const r of failed(b)) if (!after.has(reasonKey(r))) out.push(rule(r, 'no-longer'));
  if (showValue(b) !== showValue(a) && !(b.keyLetter === a.keyLetter && Number(b.relativeValue) === Number(a.relativeValue))) {
    out.push({ kind: 'value', from: showValue(b), to: showValue(a), feeReason: a.feeReason ?? null });
  } else if (b.fee !== a.fee || (b.status === a.status && b.reimbursement !== a.reimbursement)) {
    // (a reimbursement that only follows a change of decision is explained by the rule)
    out.push({ kind: 'fee', from: b.fee, to: a.fee, feeReason: a.feeReason ?? null });
  }
  return out;
}

/** The lines of one request whose decision, fee or reimbursement differs between the two engines. */
export function replayRequest(request: CheckRequest, lineNo: number, before: EngineContext, after: EngineContext): { claims: number; changes: LineChange[] } {
  const b = decide(request, before);
  const a = decide(request, after);
  const changes: LineChange[] = [];
  for (let i = 0; i < b.decisions.length; i++) {
    const db = b.decisions[i];
    const da = a.decisions[i];
    if (db.status === da.status && db.fee === da.fee && db.reimbursement === da.reimbursement) continue;
    const claim = request.claims[i];
    const ob = outcomeOf(db);
    const oa = outcomeOf(da);
    changes.push({
      line: lineNo, beneficiary: b.beneficiary, claim: db.claim, code: db.code, date: claim.date, institution: claim.institution ?? null,
      before: ob, after: oa,
      delta: { fee: delta(acceptedFee(ob), acceptedFee(oa)), reimbursement: delta(ob.reimbursement, oa.reimbursement) },
      because: causes(db, da),
    });
  }
  return { claims: b.decisions.length, changes };
}

/** How a changed line is written: one JSON object per line, or one readable line. */
export type ReplayFormat = 'ndjson' | 'text';

const arrow = (a: string | null, b: string | null) => (a === b ? (a ?? '—') : `${a ?? '—'} → ${b ?? '—'}`);

/** A changed line, readable: what changed and why, on one line. */
export function changeText(c: LineChange): string {
  const why = c.because.map((x) =>
    x.kind === 'rule' ? `${x.change === 'now' ? 'now' : 'no longer'} ${x.outcome}: ${x.rule} [${x.source.document}, ${x.source.article}]`
      : x.kind === 'value' ? `value ${x.from ?? '—'} → ${x.to ?? '—'}` : `fee ${x.from ?? '—'} → ${x.to ?? '—'}`);
  return `line ${c.line}  ${c.claim}  ${c.code}  ${c.date}  ${c.institution ?? '-'}  ${arrow(c.before.status, c.after.status)}  fee ${arrow(acceptedFee(c.before), acceptedFee(c.after))}${c.delta.fee ? ` (${c.delta.fee.startsWith('-') ? '' : '+'}${c.delta.fee})` : ''}  reimbursement ${arrow(c.before.reimbursement, c.after.reimbursement)}  because ${why.join('; ') || '—'}`;
}

/**
 * The batch's line handler for a replay: each valid request decided by both engines, its changed
 * lines written (NDJSON or text) and counted in `tally`; a bad line gives the batch's error object.
 */
export function replayHandler(before: EngineContext, after: EngineContext, format: ReplayFormat, tally: ReplayTally, limits: Limits = DEFAULT_LIMITS): LineHandler {
  return (sink: ByteSink, text, lineNo: number, stats: BatchStats) => {
    stats.lines++;
    // the limits of check (claim and history lines per request): a request over them is an error line
    const p = requestOf(text, lineNo, before.locale, limits);
    if (p === null) return;
    if (!p.ok) {
      stats.errors++;
      tally.errors++;
      sink.str(format === 'ndjson' ? JSON.stringify(p.error) + '\n' : `line ${lineNo}: error: ${p.error.error.message}\n`);
      return;
    }
    let r: ReturnType<typeof replayRequest>;
    try {
      r = replayRequest(p.request, lineNo, before, after);
    } catch (e) {
      stats.errors++;
      tally.errors++;
      const error = { line: lineNo, error: { message: `internal error: ${(e as Error).message}` } };
      sink.str(format === 'ndjson' ? JSON.stringify(error) + '\n' : `line ${lineNo}: error: ${error.error.message}\n`);
      return;
    }
    stats.responses++;
    tally.requests++;
    tally.claims += r.claims;
    for (const c of r.changes) {
      tally.add(c);
      sink.str((format === 'ndjson' ? JSON.stringify(c) : changeText(c)) + '\n');
    }
  };
}

/** The totals, readable: overall, then per code, per month, per institution. */
export function renderTotals(t: ReplayTotals): string {
  // a sum of no known amount is shown as unknown (—), never as 0.00
  const known = (v: string, unknown: number, lines: number) => (unknown === lines ? '—' : v);
  const row = (name: string, s: Tally) =>
    `  ${name.padEnd(12)} ${String(s.lines).padStart(8)} ${String(s.decisions).padStart(9)}  ${known(s.fee.before, s.unknown.fee, s.lines).padStart(14)} ${known(s.fee.after, s.unknown.fee, s.lines).padStart(14)} ${known(s.fee.delta, s.unknown.fee, s.lines).padStart(13)}  ${known(s.reimbursement.delta, s.unknown.reimbursement, s.lines).padStart(13)}${s.unknown.fee || s.unknown.reimbursement ? `  (unknown: fee ${s.unknown.fee}, reimbursement ${s.unknown.reimbursement})` : ''}`;
  const head = `  ${''.padEnd(12)} ${'lines'.padStart(8)} ${'decisions'.padStart(9)}  ${'fee before'.padStart(14)} ${'fee after'.padStart(14)} ${'fee Δ'.padStart(13)}  ${'reimb. Δ'.padStart(13)}`;
  const lines = [`${t.requests} requests, ${t.claims} claim lines decided twice, ${t.errors} bad lines; ${t.changed.lines} lines change (${t.changed.decisions} decision${t.changed.decisions === 1 ? '' : 's'})`, head, row('total', t.changed)];
  for (const [title, g] of [['per code', t.byCode], ['per month', t.byMonth], ['per institution', t.byInstitution]] as const) {
    if (Object.keys(g).length === 0) continue;
    lines.push(`${title}:`);
    for (const [k, s] of Object.entries(g)) lines.push(row(k || '(none)', s));
  }
  return lines.join('\n');
}
