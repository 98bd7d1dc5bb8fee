/**
 * What changed in the nomenclature between two dates: every code whose state on `from` differs
 * from its state on `to` — inserted, deleted, value, key letter, label, fee, rules added or
 * removed — each change with the acts behind it, read from the consolidated timelines (their
 * history carries the provenance). A code whose state is `uncertain` on either date (a change of
 * unknown date) is listed as uncertain with its candidates, never as a certain change. Pure: no I/O.
 */
import type { IsoDate } from '../date.js';
import { rulesAt, type CodeTimeline, type HistoryEntry, type RuleRef } from '../nomenclature/consolidate.js';
import type { CandidateState, CodeState, SourceRef } from '../nomenclature/types.js';

export const CHANGE_KINDS = ['inserted', 'deleted', 'status', 'value', 'key-letter', 'label', 'fee', 'rule-added', 'rule-removed'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** One change of a code between the two dates, with the acts behind it. */
export interface Change {
  change: ChangeKind;
  /** The state before, as shown ("K 30", a fee, a label, a status; the rule's id for rule changes); null: none or unknown. */
  from: string | null;
  to: string | null;
  /** Labels only: the language of the label that changed. */
  language?: 'fr' | 'nl';
  /** Document, article and sentence of each act behind the change. */
  sources: SourceRef[];
}

/** What a code is on one date, in short. */
export interface Snapshot {
  status: CodeState['status'];
  article: string | null;
  keyLetter: string | null;
  relativeValue: string | null;
  label: { fr: string | null; nl: string | null };
  fee: string | null;
  reimbursement: CodeState['reimbursement'];
  /** Ids of the rules in force that name the code. */
  rules: string[];
}

/** One code whose state differs between the dates (or may differ: `uncertain`). */
export interface CodeDiff {
  code: string;
  /** The nomenclature article (on `to`, else on `from`). */
  article: string | null;
  /** false: the code is `uncertain` on either date; `changes` then lists no value, label or fee as changed. */
  certain: boolean;
  changes: Change[];
  before: Snapshot;
  after: Snapshot;
  /** Uncertain codes only: the possible states on each date that is uncertain, and why. */
  uncertain?: { from: CandidateState[] | null; to: CandidateState[] | null; reason: string };
}

export interface DiffFilter {
  /** A nomenclature article ("20" matches "20, § 1er, d)", not "22"), on either date. */
  article?: string;
  /** A code prefix ("47"). */
  prefix?: string;
  /** A key letter, on either date (or in a candidate). */
  keyLetter?: string;
}

export interface DiffResult {
  from: IsoDate;
  to: IsoDate;
  filter: DiffFilter;
  codes: CodeDiff[];
  totals: {
    codes: number;
    uncertain: number;
    /** Changes per kind (certain ones). */
    changes: Record<ChangeKind, number>;
    /** Codes changed per act article ("1994022370, Art. 2, 2°, 1."), by document and article. */
    acts: { document: string; article: string; codes: number }[];
  };
}

/** What the diff reads: the consolidated timeline and state of each code. */
export interface DiffSource {
  codes(): string[];
  timeline(code: string): CodeTimeline | null;
  state(code: string, at: IsoDate): CodeState;
}

const showValue = (s: Pick<Snapshot, 'keyLetter' | 'relativeValue'>) => (s.keyLetter ? `${s.keyLetter} ${s.relativeValue ?? '?'}` : null);
const refKey = (r: SourceRef) => `${r.document}|${r.article}|${r.text ?? ''}`;
const isInForce = (s: CodeState['status']) => s === 'in-force';

function snapshot(s: CodeState, rules: RuleRef[]): Snapshot {
  return {
    status: s.status, article: s.article, keyLetter: s.keyLetter, relativeValue: s.relativeValue,
    label: { ...s.label }, fee: s.fee, reimbursement: s.reimbursement, rules: rules.map((r) => r.id),
  };
}

/** Whether a history entry may take effect after `from`, up to `to` inclusive (a change of unknown date: its window meets that span). */
function between(h: HistoryEntry, from: IsoDate, to: IsoDate): boolean {
  if (h.date !== null) return h.date > from && h.date <= to;
  const w = h.window;
  return !w || ((w.earliest === null || w.earliest <= to) && (w.latest === null || w.latest > from));
}

/** The sources of the history entries of the given kinds that take effect between the dates. */
function entriesBetween(t: CodeTimeline | null, from: IsoDate, to: IsoDate, kinds: HistoryEntry['change'][]): SourceRef[] {
  if (!t) return [];
  return t.history.filter((h) => kinds.includes(h.change) && between(h, from, to)).map((h) => h.source);
}

/** The sources of the state on `to` that the state on `from` did not have. */
function newSources(a: CodeState, b: CodeState): SourceRef[] {
  const had = new Set(a.sources.map(refKey));
  return b.sources.filter((s) => !had.has(refKey(s)));
}

function dedupe(refs: SourceRef[]): SourceRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => (seen.has(refKey(r)) ? false : (seen.add(refKey(r)), true)));
}

const sameNumber = (a: string | null, b: string | null) => a === b || (a !== null && b !== null && Number(a) === Number(b));

/** The certain changes of a code between two states. */
function changesOf(t: CodeTimeline | null, a: CodeState, b: CodeState, ra: RuleRef[], rb: RuleRef[], from: IsoDate, to: IsoDate): Change[] {
  const out: Change[] = [];
  const cite = (kinds: HistoryEntry['change'][]) => {
    const found = entriesBetween(t, from, to, kinds);
    return dedupe(found.length ? found : newSources(a, b));
  };
  const sa = snapshot(a, ra);
  const sb = snapshot(b, rb);
  let whole = false;
  if (a.status !== b.status) {
    if (isInForce(b.status)) {
      out.push({ change: 'inserted', from: a.status, to: showValue(sb) ?? b.status, sources: cite(['inserted']) });
      whole = true;
    } else if (isInForce(a.status) && b.status === 'deleted') {
      out.push({ change: 'deleted', from: showValue(sa) ?? a.status, to: b.status, sources: cite(['deleted', 'ended']) });
      whole = true;
    } else {
      out.push({ change: 'status', from: a.status, to: b.status, sources: cite(['inserted', 'deleted', 'ended']) });
    }
  }
  // An insertion or a deletion carries the value, label and fee with it.
  if (!whole) {
    // a key letter that becomes known is a value, not a change of key letter
    if (a.keyLetter !== null && b.keyLetter !== null && a.keyLetter !== b.keyLetter) out.push({ change: 'key-letter', from: showValue(sa), to: showValue(sb), sources: cite(['value', 'inserted']) });
    else if (a.keyLetter !== b.keyLetter || !sameNumber(a.relativeValue, b.relativeValue)) out.push({ change: 'value', from: showValue(sa), to: showValue(sb), sources: cite(['value', 'inserted']) });
    for (const language of ['fr', 'nl'] as const) {
      if (a.label[language] !== b.label[language]) out.push({ change: 'label', language, from: a.label[language], to: b.label[language], sources: cite(['label', 'inserted']) });
    }
    const reimbursed = (s: CodeState) => JSON.stringify(s.reimbursement);
    if (!sameNumber(a.fee, b.fee) || reimbursed(a) !== reimbursed(b)) {
      // a fee row, or a coefficient (a source of the new state): whichever took effect
      const rows = entriesBetween(t, from, to, ['fee']);
      out.push({ change: 'fee', from: a.fee, to: b.fee, sources: dedupe(rows.length ? rows : newSources(a, b)) });
    }
  }
  const had = new Set(ra.map((r) => r.id));
  const has = new Set(rb.map((r) => r.id));
  for (const r of rb) if (!had.has(r.id)) out.push({ change: 'rule-added', from: null, to: r.id, sources: [r.source] });
  for (const r of ra) if (!has.has(r.id)) out.push({ change: 'rule-removed', from: r.id, to: null, sources: [r.source] });
  return out;
}

/** Article filter: the article itself or one of its parts ("20" → "20, § 1er", never "201"). */
function articleMatches(article: string | null, wanted: string): boolean {
  if (!article) return false;
  const a = article.toLowerCase();
  const w = wanted.trim().toLowerCase();
  return a === w || (a.startsWith(w) && !/[\p{L}\p{N}]/u.test(a[w.length]));
}

function keep(d: CodeDiff, f: DiffFilter): boolean {
  if (f.prefix && !d.code.startsWith(f.prefix)) return false;
  if (f.article && !articleMatches(d.before.article, f.article) && !articleMatches(d.after.article, f.article)) return false;
  if (f.keyLetter) {
    const k = f.keyLetter.toUpperCase();
    const letters = [d.before.keyLetter, d.after.keyLetter, ...(d.uncertain?.from ?? []).map((c) => c.keyLetter), ...(d.uncertain?.to ?? []).map((c) => c.keyLetter)];
    if (!letters.includes(k)) return false;
  }
  return true;
}

/** The difference of one code between the dates, or null when nothing about it differs. */
export function diffCode(source: DiffSource, code: string, from: IsoDate, to: IsoDate): CodeDiff | null {
  const t = source.timeline(code);
  const a = source.state(code, from);
  const b = source.state(code, to);
  const ra = rulesAt(t, from);
  const rb = rulesAt(t, to);
  const before = snapshot(a, ra);
  const after = snapshot(b, rb);
  const article = b.article ?? a.article;
  if (a.status === 'uncertain' || b.status === 'uncertain') {
    // a change of unknown date may fall between the dates: possible states, no certain change
    const reason = [a, b].filter((s) => s.status === 'uncertain').map((s) => s.statusReason ?? 'uncertain')[0];
    const rules = changesOf(t, a, b, ra, rb, from, to).filter((c) => c.change === 'rule-added' || c.change === 'rule-removed');
    return {
      code, article, certain: false, changes: rules, before, after,
      uncertain: { from: a.status === 'uncertain' ? a.candidates ?? [] : null, to: b.status === 'uncertain' ? b.candidates ?? [] : null, reason },
    };
  }
  const changes = changesOf(t, a, b, ra, rb, from, to);
  return changes.length ? { code, article, certain: true, changes, before, after } : null;
}

/** Every code whose state differs between `from` and `to` (from ≤ to), filtered, in code order. */
export function diffNomenclature(source: DiffSource, from: IsoDate, to: IsoDate, filter: DiffFilter = {}): DiffResult {
  const codes: CodeDiff[] = [];
  for (const code of source.codes()) {
    if (filter.prefix && !code.startsWith(filter.prefix)) continue;
    const d = diffCode(source, code, from, to);
    if (d && keep(d, filter)) codes.push(d);
  }
  const changes = Object.fromEntries(CHANGE_KINDS.map((k) => [k, 0])) as Record<ChangeKind, number>;
  const acts = new Map<string, { document: string; article: string; codes: Set<string> }>();
  for (const d of codes) {
    for (const c of d.changes) {
      if (d.certain || c.change === 'rule-added' || c.change === 'rule-removed') changes[c.change]++;
      for (const s of c.sources) {
        const k = `${s.document}|${s.article}`;
        let act = acts.get(k);
        if (!act) acts.set(k, (act = { document: s.document, article: s.article, codes: new Set() }));
        act.codes.add(d.code);
      }
    }
  }
  return {
    from, to, filter, codes,
    totals: {
      codes: codes.length,
      uncertain: codes.filter((d) => !d.certain).length,
      changes,
      acts: [...acts.values()]
        .sort((x, y) => x.document.localeCompare(y.document) || x.article.localeCompare(y.article, 'en', { numeric: true }))
        .map((a) => ({ document: a.document, article: a.article, codes: a.codes.size })),
    },
  };
}
