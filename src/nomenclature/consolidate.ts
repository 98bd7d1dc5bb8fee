/**
 * Consolidation: the facts of every document about one code, folded over time into versions
 * ([from, to) periods), so that the state on any date is a lookup. Pure: no I/O.
 */
import type { DateBounds, Value } from '../facts.js';
import { addDays, type IsoDate } from '../date.js';
import { feeOf } from '../decimal.js';
import type { CodeFact, Pair } from './code-facts.js';
import { foldUncertain } from './uncertain.js';
import type { CandidateState, CodePeriod, CodeState, CodeStatus, PeriodState, SourceRef } from './types.js';

/** One period of a code's life with the same status, value and label. */
export interface Version {
  /** First day (inclusive); null: since before any date the corpus knows. */
  from: IsoDate | null;
  /** First day after (exclusive); null: open. */
  to: IsoDate | null;
  status: Exclude<CodeStatus, 'referenced' | 'unknown'>;
  statusReason: string;
  value: Value | null;
  valueSource: SourceRef | null;
  label: string | null;
  /** Dutch label (null: not in the corpus). */
  labelNl: string | null;
  article: string | null;
  convention: string | null;
  sources: SourceRef[];
  /** Status `uncertain` only: the possible versions, each with the changes it assumes. */
  candidates?: Candidate[];
  /** Status `uncertain` only: the window of the (first) change of unknown date the period is in. */
  window?: DateBounds;
}

/** One possible version of an uncertain period: the changes of unknown date it takes as in force or not yet. */
export interface Candidate extends Omit<Version, 'from' | 'to' | 'status' | 'candidates' | 'window'> {
  status: Exclude<Version['status'], 'uncertain'>;
  assumes: string;
}

/** A rule of application naming a code, in force on a date. */
export interface RuleRef {
  id: string;
  kind: string;
  text: string;
  source: SourceRef;
}

/** The rule texts naming the code that are in force on `at`. */
export function rulesAt(t: CodeTimeline | null, at: IsoDate): RuleRef[] {
  if (!t) return [];
  const seen = new Set<string>();
  const out: RuleRef[] = [];
  for (const m of t.mentions) {
    const r = m.rule;
    if (!r || seen.has(r.id)) continue;
    if ((r.from !== null && at < r.from) || (r.until !== null && at > r.until)) continue;
    seen.add(r.id);
    out.push({ id: r.id, kind: 'text', text: m.source.text ?? '', source: m.source });
  }
  return out;
}

/** A change in a code's history, with the act behind it. */
export interface HistoryEntry {
  date: IsoDate | null;
  change: 'inserted' | 'value' | 'label' | 'deleted' | 'ended' | 'fee' | 'referenced';
  description: string;
  value?: Value | null;
  from?: Value | null;
  label?: string | null;
  /** The Dutch label, when the act gives one. */
  labelNl?: string | null;
  fee?: string | null;
  source: SourceRef;
  /** A change of unknown date (`date` null): the window it takes effect in, and why. */
  window?: DateBounds;
}

/** An inconsistency consolidation finds between documents (or within one). */
export interface ConsolidationIssue {
  document: string;
  severity: 'error' | 'warning';
  code: 'old-value-mismatch' | 'duplicate-service' | 'contradiction';
  where: string;
  message: string;
}

type FeeFact = Extract<CodeFact, { op: 'fee' }>;
type MentionFact = Extract<CodeFact, { op: 'mention' }>;
type CoefficientFact = Extract<CodeFact, { op: 'coefficient' }>;

/** Everything known about one code, consolidated. */
export interface CodeTimeline {
  code: string;
  pair: Pair | null;
  versions: Version[];
  fees: FeeFact[];
  /** Coefficients for this code, or for every code of a key letter. */
  coefficients: CoefficientFact[];
  mentions: MentionFact[];
  history: HistoryEntry[];
  issues: ConsolidationIssue[];
}

const sameValue = (a: Value, b: Value) => a.keyLetter === b.keyLetter && Number(a.relativeValue) === Number(b.relativeValue);
const showValue = (v: Value | null) => (v ? `${v.keyLetter} ${v.relativeValue}` : 'unknown');
const byDate = (a: IsoDate | null, b: IsoDate | null) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1);

type Step = { date: IsoDate | null; order: number; apply: (v: Version) => void; entry: HistoryEntry; window?: DateBounds };

/** Folds the facts about one code into its timeline. `facts` may come from many documents. */
export function consolidate(code: string, facts: CodeFact[]): CodeTimeline {
  const issues: ConsolidationIssue[] = [];
  // Folds of other placements of changes of unknown date (uncertain.ts) report nothing.
  let muted = false;
  const report = (i: ConsolidationIssue) => { if (!muted) issues.push(i); };
  const fees = facts.filter((f): f is FeeFact => f.op === 'fee').sort((a, b) => byDate(a.validFrom, b.validFrom));
  const mentionFacts = facts.filter((f): f is MentionFact => f.op === 'mention');
  // Coefficients for this very code come before those of its whole key letter.
  const coefficients = facts.filter((f): f is CoefficientFact => f.op === 'coefficient').sort((a, b) => Number(b.code === code) - Number(a.code === code));
  const pair = facts.map((f) => ('pair' in f ? f.pair : null)).find((p) => p !== null) ?? null;

  const steps: Step[] = [];
  let order = 0;
  for (const f of facts) {
    const o = order++;
    if (f.op === 'define') {
      steps.push({
        date: f.effective, order: o,
        apply: (v) => {
          if (v.status === 'in-force' && v.sources.some((s) => s.document !== f.document)) {
            report({ document: f.document, severity: 'warning', code: 'duplicate-service', where: f.source.article, message: `${code} is defined again while already in force (defined by ${v.sources.map((s) => s.document).join(', ')})` });
          }
          v.status = 'in-force';
          v.statusReason = f.periodBasis;
          v.value = f.value ?? v.value;
          v.valueSource = f.value ? f.source : v.valueSource;
          v.label = f.label ?? v.label;
          v.labelNl = f.labelNl ?? v.labelNl;
          v.article = f.article ?? v.article;
          v.convention = f.convention ?? v.convention;
          v.sources.push(f.source);
        },
        entry: { date: f.effective, change: 'inserted', description: `${code} comes into force${f.value ? ` as ${showValue(f.value)}` : ''}`, value: f.value, label: f.label, ...(f.labelNl ? { labelNl: f.labelNl } : {}), source: f.source },
      });
      if (f.until) {
        const end = addDays(f.until, 1);
        const ended = { ...f.source, note: `validity ends on ${f.until} inclusive` };
        steps.push({
          date: end, order: o,
          apply: (v) => { v.status = 'deleted'; v.statusReason = `no longer in force after ${f.until} (${f.periodBasis})`; v.sources.push(ended); },
          entry: { date: end, change: 'ended', description: `${code} is no longer in force after ${f.until}`, source: ended },
        });
      }
    } else if (f.op === 'value') {
      steps.push({
        date: f.effective, order: o,
        apply: (v) => {
          if (f.from && v.value && !sameValue(f.from, v.value)) {
            report({ document: f.document, severity: 'error', code: 'old-value-mismatch', where: f.source.article, message: `${code}: the amendment states the old value ${showValue(f.from)}, but the consolidated value before ${f.effective} is ${showValue(v.value)}` });
          }
          // The previous value's source describes the previous version only.
          if (v.valueSource) v.sources = v.sources.filter((s) => s !== v.valueSource);
          if (v.status === 'in-force') v.statusReason = `in force; relative value ${showValue(f.to)} from ${f.effective ?? 'an unknown date'} (${f.document}, ${f.source.article})`;
          v.value = f.to;
          v.valueSource = f.source;
          v.article ??= f.article;
          v.sources.push(f.source);
        },
        entry: { date: f.effective, change: 'value', description: `${code}: relative value ${f.from ? `${showValue(f.from)} → ` : 'set to '}${showValue(f.to)}`, from: f.from, value: f.to, source: f.source },
      });
    } else if (f.op === 'label') {
      steps.push({
        date: f.effective, order: o,
        // A new label in one language only leaves the other one unknown, not the old one.
        apply: (v) => { v.label = f.label; v.labelNl = f.labelNl ?? null; v.article ??= f.article; v.sources.push(f.source); },
        entry: { date: f.effective, change: 'label', description: `${code}: label changed`, label: f.label, ...(f.labelNl ? { labelNl: f.labelNl } : {}), source: f.source },
      });
    } else if (f.op === 'words') {
      const said = f.old === null ? `"${f.new}" added at the end` : f.new === '' ? `"${f.old}" deleted` : `"${f.old}" → "${f.new}"`;
      steps.push({
        date: f.effective, order: o,
        apply: (v) => {
          const key = f.language === 'nl' ? 'labelNl' : 'label';
          const label = v[key];
          // Words change a known label; an unknown label stays unknown (never half-invented).
          if (label !== null && f.old !== null && !label.includes(f.old)) {
            report({ document: f.document, severity: 'warning', code: 'contradiction', where: f.source.article, message: `${code}: the words "${f.old}" are not in its label "${label}"` });
          } else if (label !== null) {
            v[key] = f.old === null ? `${label} ${f.new}`.trim() : label.replace(f.old, f.new).replace(/\s{2,}/g, ' ').trim();
          }
          v.article ??= f.article;
          v.sources.push(f.source);
        },
        entry: { date: f.effective, change: 'label', description: `${code}: words of the label changed (${said})`, source: f.source },
      });
    } else if (f.op === 'delete') {
      steps.push({
        date: f.effective, order: o,
        apply: (v) => { v.status = 'deleted'; v.statusReason = `deleted by ${f.document}, ${f.source.article}, from ${f.effective ?? 'an unknown date'}`; v.sources.push(f.source); },
        entry: { date: f.effective, change: 'deleted', description: `${code} is deleted`, source: f.source },
      });
    }
  }
  // A change of unknown date has a window instead of a date: never applied as if it were in force.
  for (const s of steps) {
    const f = facts[s.order];
    if (s.date === null && (f.op === 'define' || f.op === 'value' || f.op === 'label' || f.op === 'delete' || f.op === 'words')) {
      s.window = f.bounds ?? { earliest: null, latest: null, reason: `the entry into force of ${f.document} is not known` };
      s.entry.window = s.window;
    }
  }
  steps.sort((a, b) => byDate(a.date, b.date) || a.order - b.order);
  let versions: Version[] = [];
  if (steps.length > 0 && !steps.some((s) => s.window)) versions = foldSteps(steps, initialVersion(facts, steps));
  else if (steps.length > 0) {
    const canonical = steps.map((s) => (s.window ? { ...s, date: s.window.earliest } : s)).sort((a, b) => byDate(a.date, b.date) || a.order - b.order);
    const initial = initialVersion(facts, canonical);
    versions = foldUncertain<Step, Version, Candidate>(steps, {
      fold: (placed, isCanonical) => {
        muted = !isCanonical;
        try { return foldSteps(placed, initial); } finally { muted = false; }
      },
      key: stateKey,
      same: (v) => `${stateKey(v)}|${v.statusReason}|${v.sources.map((r) => `${r.document}:${r.article}`).join(',')}`,
      describe: (s) => `${s.entry.source.document}, ${s.entry.source.article} (${s.entry.description})`,
      candidate: (v, assumes) => {
        const { from: _from, to: _to, candidates: _c, window: _w, ...rest } = v;
        return { ...rest, status: v.status as Candidate['status'], assumes };
      },
      uncertain: (from, to, list, reason, windows) => ({ ...uncertainVersion(from, to, list.map((c) => c.candidate), reason), ...(windows.length ? { window: windows[0] } : {}) }),
    });
  }
  const history = steps.map((s) => s.entry);
  for (const f of fees) {
    history.push({ date: f.validFrom, change: 'fee', description: `${code}: fee ${f.fee} (${f.keyLetter} ${f.relativeValue} × ${f.coefficient})${f.validTo ? ` until ${f.validTo}` : ''}`, fee: f.fee, source: f.source });
  }
  if (versions.length === 0) {
    for (const m of mentionFacts) history.push({ date: m.rule?.from ?? null, change: 'referenced', description: `${code} is named without being defined`, source: m.source });
  }
  history.sort((a, b) => byDate(a.date ?? a.window?.earliest ?? null, b.date ?? b.window?.earliest ?? null));
  return { code, pair, versions, fees, coefficients, mentions: mentionFacts, history, issues };
}

/** The version before the first change: not yet in force before a definition, else in force as the change presupposes. */
function initialVersion(facts: CodeFact[], steps: Step[]): Version {
  const first = facts[steps[0].order];
  let cur: Version;
  if (first.op === 'define') {
    cur = blank('not-yet-in-force', `not in force before ${steps[0].date ?? 'its (unknown) entry into force'}: ${first.periodBasis}`);
  } else {
    // Amended or deleted: the code existed before; its earlier value is known only if an amendment
    // states it (the first value change before any definition: words of a label may come first).
    const firstValue = steps.map((st) => facts[st.order]).find((f) => f.op === 'value' || f.op === 'define');
    const old = firstValue?.op === 'value' ? firstValue.from : null;
    const article = 'article' in first ? first.article : null;
    cur = blank('in-force', `in force before ${steps[0].date ?? 'an unknown date'}, as the amending act (${first.document}, ${first.source.article}) presupposes; its start is not in the corpus`);
    cur.article = article;
    if (old && firstValue) {
      cur.value = old;
      cur.valueSource = { ...firstValue.source, note: 'old value stated by the amendment: the value before it took effect' };
      cur.sources.push(cur.valueSource);
    }
  }
  return cur;
}

/** Folds sorted steps into versions from `initial`. */
function foldSteps(steps: Step[], initial: Version): Version[] {
  const versions: Version[] = [];
  let cur: Version = { ...initial, sources: [...initial.sources] };
  let from: IsoDate | null = null;
  let i = 0;
  while (i < steps.length) {
    const date = steps[i].date;
    const next: Version = { ...cur, sources: [...cur.sources] };
    while (i < steps.length && steps[i].date === date) steps[i++].apply(next);
    if (date !== null && date !== from) versions.push({ ...cur, from, to: date });
    cur = next;
    from = date ?? from;
  }
  versions.push({ ...cur, from, to: null });
  return versions;
}

/** What makes two versions the same state: everything but their period, reason and sources. */
function stateKey(v: Version): string {
  const { from: _from, to: _to, statusReason: _r, sources: _s, valueSource: _vs, candidates: _c, window: _w, ...rest } = v;
  return JSON.stringify(rest, (k, x) => (k === 'relativeValue' ? Number(x) : x));
}

/** An uncertain period: what its candidates agree on is kept, the rest is null. */
function uncertainVersion(from: IsoDate | null, to: IsoDate | null, candidates: Candidate[], reason: string): Version {
  const { assumes: _a, ...first } = candidates[0];
  const v: Record<string, unknown> = { ...first };
  for (const k of Object.keys(v)) {
    if (k === 'sources') continue;
    const same = JSON.stringify(v[k]);
    if (!candidates.every((c) => JSON.stringify((c as unknown as Record<string, unknown>)[k]) === same)) v[k] = null;
  }
  return { ...(v as unknown as Omit<Version, 'from' | 'to' | 'status'>), from, to, status: 'uncertain', statusReason: `uncertain: ${reason}`, sources: dedupe(candidates.flatMap((c) => c.sources)), candidates };
}

function blank(status: Version['status'], statusReason: string): Version {
  return { from: null, to: null, status, statusReason, value: null, valueSource: null, label: null, labelNl: null, article: null, convention: null, sources: [] };
}

/** The version in force on `at`, if the timeline has one. */
export function versionAt(t: CodeTimeline, at: IsoDate): Version | null {
  for (const v of t.versions) {
    if ((v.from === null || v.from <= at) && (v.to === null || at < v.to)) return v;
  }
  return null;
}

/** The state of the code on `at` (contract §3). */
export function stateAt(t: CodeTimeline | null, code: string, at: IsoDate): CodeState {
  const { code: c, ...rest } = stateOn(t, code, at);
  return { code: c, at, ...rest };
}

/**
 * The dates at which something about the code may change (a version, a fee row or a coefficient
 * starts or ends), sorted and distinct: between two of them the state is the same every day.
 */
export function cutsOf(t: CodeTimeline): IsoDate[] {
  const cuts = new Set<IsoDate>();
  const add = (d: IsoDate | null) => { if (d !== null) cuts.add(d); };
  for (const v of t.versions) { add(v.from); add(v.to); }
  for (const f of t.fees) { add(f.validFrom); if (f.validTo !== null) add(addDays(f.validTo, 1)); }
  for (const f of t.coefficients) { add(f.validFrom); if (f.validTo !== null) add(addDays(f.validTo, 1)); }
  return [...cuts].sort();
}

/** Index of the period of `cuts` that contains `at` (0: before the first cut). */
export function periodIndex(cuts: readonly IsoDate[], at: IsoDate): number {
  let i = 0;
  while (i < cuts.length && cuts[i] <= at) i++;
  return i;
}

/** Period `i` of `cuts` (the one that contains `at`; no cuts: the code's whole life), with the state in it. */
export function periodAt(t: CodeTimeline | null, cuts: readonly IsoDate[], i: number, code: string, at: IsoDate): CodePeriod {
  return { from: i > 0 ? cuts[i - 1] : null, to: i < cuts.length ? cuts[i] : null, state: stateOn(t, code, at) };
}

/** The state on `at` without the date: every text in it holds for the whole period around `at`. */
function stateOn(t: CodeTimeline | null, code: string, at: IsoDate): PeriodState {
  const pair = t?.pair ?? null;
  const setting = pair ? (pair.hospitalised === code ? 'hospitalised' : 'ambulatory') : 'any';
  const state: PeriodState = {
    code, status: 'unknown', statusReason: null, pair, setting, article: null, keyLetter: null, relativeValue: null,
    label: { fr: null, nl: null }, coefficient: null, fee: null, feeReason: null, reimbursement: null, convention: null, sources: [],
  };
  if (!t) {
    state.statusReason = 'the corpus never names this code';
    state.feeReason = 'no fee: the corpus never names this code';
    return state;
  }
  const v = versionAt(t, at);
  if (!v) {
    state.status = 'referenced';
    state.statusReason = 'the corpus names this code (in a rule or a list) without defining it: its rules are known, its value and label are not';
    state.feeReason = 'no definition of this code in the corpus';
    state.sources = dedupe(t.mentions.map((m) => m.source));
    return state;
  }
  if (v.status === 'uncertain') return uncertainState(t, v, state, at);
  return fromVersion(t, v, state, at);
}

/** Fills `state` from the version in force on `at`, or from one candidate of an uncertain period. */
function fromVersion(t: CodeTimeline, v: Version | Candidate, state: PeriodState, at: IsoDate): PeriodState {
  state.status = v.status;
  state.statusReason = v.statusReason;
  state.sources = dedupe(v.sources);
  if (v.status === 'not-yet-in-force') {
    state.feeReason = 'not in force on this date';
    return state;
  }
  state.article = v.article;
  state.keyLetter = v.value?.keyLetter ?? null;
  state.relativeValue = v.value?.relativeValue ?? null;
  state.label = { fr: v.label, nl: v.labelNl };
  state.convention = v.convention;
  if (v.status === 'deleted') {
    state.feeReason = 'not in force on this date';
    return state;
  }
  const fee = t.fees.find((f) => (f.validFrom === null || f.validFrom <= at) && (f.validTo === null || at <= f.validTo));
  if (fee) {
    state.fee = fee.fee;
    state.coefficient = fee.coefficient;
    state.reimbursement = { preferential: fee.preferential, standard: fee.standard };
    state.feeReason = `fee table: ${fee.keyLetter} ${fee.relativeValue} × ${fee.coefficient} (${fee.source.document}, ${fee.source.article})`;
    state.sources = dedupe([...state.sources, fee.source]);
  } else if (coefficientFee(t, state, at)) {
    // fee set from a coefficient table
  } else {
    const ended = t.fees.filter((f) => f.validTo !== null && f.validTo < at).at(-1);
    state.feeReason = ended
      ? `the fee table of ${ended.source.document} (${ended.source.article}) applies until ${ended.validTo}: ${ended.endReason ?? 'no later amount in the corpus'}`
      : `the corpus gives no coefficient for key letter ${state.keyLetter ?? '?'} on this date`;
  }
  return state;
}

/**
 * The state inside the window of a change of unknown date: each candidate's state, and only what
 * they all agree on (never the new value as if it were in force). A fee is given only when every
 * candidate is in force with the same fee.
 */
function uncertainState(t: CodeTimeline, v: Version, base: PeriodState, at: IsoDate): PeriodState {
  const candidates: CandidateState[] = (v.candidates ?? []).map((c) => {
    const s = fromVersion(t, c, { ...base, label: { ...base.label }, sources: [] }, at);
    return {
      assumes: c.assumes, status: c.status, statusReason: s.statusReason, article: s.article, keyLetter: s.keyLetter, relativeValue: s.relativeValue,
      label: s.label, fee: s.fee, feeReason: s.feeReason, sources: s.sources,
    };
  });
  const agreed = <T>(get: (c: CandidateState) => T): T | null => {
    const first = JSON.stringify(get(candidates[0]));
    return candidates.every((c) => JSON.stringify(get(c)) === first) ? get(candidates[0]) : null;
  };
  const state: PeriodState = { ...base, status: 'uncertain', statusReason: v.statusReason, sources: dedupe(v.sources), candidates, ...(v.window ? { window: v.window } : {}) };
  state.article = agreed((c) => c.article);
  state.keyLetter = agreed((c) => c.keyLetter);
  state.relativeValue = state.keyLetter === null ? null : agreed((c) => c.relativeValue);
  state.label = { fr: agreed((c) => c.label.fr), nl: agreed((c) => c.label.nl) };
  state.convention = v.convention;
  const fee = candidates.every((c) => c.status === 'in-force') ? agreed((c) => c.fee) : null;
  if (fee !== null) {
    const first = fromVersion(t, v.candidates![0], { ...base, label: { ...base.label }, sources: [] }, at);
    state.fee = fee;
    state.coefficient = first.coefficient;
    state.reimbursement = first.reimbursement;
    state.feeReason = first.feeReason;
  } else {
    const each = candidates.map((c) => `${c.status}${c.keyLetter ? ` ${c.keyLetter} ${c.relativeValue}` : ''}${c.fee ? ` (fee ${c.fee})` : ''}`);
    state.feeReason = `no fee: the state on this date is uncertain (${each.join(' or ')})`;
  }
  return state;
}

/** Sets the fee from a coefficient table entry valid on `at` for the code's key letter; false when none. */
function coefficientFee(t: CodeTimeline, state: PeriodState, at: IsoDate): boolean {
  if (!state.keyLetter || !state.relativeValue) return false;
  const c = t.coefficients.find((f) => f.keyLetter === state.keyLetter && f.validFrom <= at && (f.validTo === null || at <= f.validTo));
  if (!c) return false;
  state.coefficient = c.coefficient;
  state.fee = feeOf(state.relativeValue, c.coefficient);
  state.feeReason = `${state.keyLetter} ${state.relativeValue} × ${c.coefficient} (coefficient from ${c.source.document}, ${c.source.article}), rounded half-up to the cent; no reimbursement table for this date`;
  state.sources = dedupe([...state.sources, c.source]);
  return true;
}

function dedupe(refs: SourceRef[]): SourceRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const k = `${r.document}|${r.article}|${r.text ?? ''}|${r.note ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
