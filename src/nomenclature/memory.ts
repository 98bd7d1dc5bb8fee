/** The consolidated nomenclature held in memory: built from documents or from stored facts. */
import type { ParsedDocument } from '../facts.js';
import type { IsoDate } from '../date.js';
import { fold } from '../text.js';
import { codeFacts, globalCovers, isGlobalFact, type CodeFact } from './code-facts.js';
import { consolidate, cutsOf, periodAt, periodIndex, stateAt, versionAt, type CodeTimeline } from './consolidate.js';
import type { CodePeriod, CodeState, Nomenclature } from './types.js';

/** A search hit: the code and its state on the date. */
export interface SearchHit {
  code: string;
  status: CodeState['status'];
  keyLetter: string | null;
  relativeValue: string | null;
  /** French label. */
  label: string | null;
  /** Dutch label (null: not in the corpus). */
  labelNl: string | null;
}

/** Groups facts by code. */
export function groupByCode(facts: Iterable<CodeFact>): Map<string, CodeFact[]> {
  const by = new Map<string, CodeFact[]>();
  for (const f of facts) {
    const list = by.get(f.code);
    if (list) list.push(f);
    else by.set(f.code, [f]);
  }
  return by;
}

/** Point-in-time queries over consolidated timelines; each period of a code's state is built once, on first use. */
export abstract class TimelineNomenclature implements Nomenclature {
  /** Per code: the cuts of its timeline and the periods built so far (by index). */
  private readonly periods = new Map<string, { cuts: string[]; built: (CodePeriod | undefined)[] }>();

  /** The consolidated timeline of a code, or null when the corpus never names it. */
  abstract timeline(code: string): CodeTimeline | null;

  state(code: string, at: IsoDate): CodeState {
    return stateAt(this.timeline(code), code, at);
  }

  period(code: string, at: IsoDate): CodePeriod {
    let p = this.periods.get(code);
    if (p === undefined) {
      const t = this.timeline(code);
      // a code the corpus never names has one period; not kept (any string may be asked)
      if (t === null) return periodAt(null, [], 0, code, at);
      p = { cuts: cutsOf(t), built: [] };
      this.periods.set(code, p);
    }
    const i = periodIndex(p.cuts, at);
    return (p.built[i] ??= periodAt(this.timeline(code), p.cuts, i, code, at));
  }
}

/** A nomenclature over timelines consolidated beforehand (a few codes read from a store). */
export function timelineNomenclature(timelines: ReadonlyMap<string, CodeTimeline | null>): Nomenclature {
  return new (class extends TimelineNomenclature {
    timeline(code: string): CodeTimeline | null {
      return timelines.get(code) ?? null;
    }
  })();
}

/** Point-in-time queries over facts held in memory; each code is consolidated once, on first use. */
export class MemoryNomenclature extends TimelineNomenclature {
  private readonly facts: Map<string, CodeFact[]>;
  private readonly timelines = new Map<string, CodeTimeline>();

  private readonly ranges: CodeFact[] = [];

  constructor(facts: Iterable<CodeFact>) {
    super();
    this.facts = groupByCode(facts);
    for (const [code, list] of this.facts) {
      if (isGlobalFact(code)) {
        this.ranges.push(...list);
        this.facts.delete(code);
      }
    }
  }

  /** Builds the nomenclature from parsed documents. */
  static fromDocuments(docs: ParsedDocument[]): MemoryNomenclature {
    return new MemoryNomenclature(docs.flatMap(codeFacts));
  }

  /** The consolidated timeline of a code, or null when the corpus never names it. */
  timeline(code: string): CodeTimeline | null {
    let t = this.timelines.get(code);
    if (!t) {
      const f = this.facts.get(code);
      if (!f) return null;
      t = consolidate(code, [...f, ...this.ranges.filter((r) => globalCovers(r.code, code))]);
      this.timelines.set(code, t);
    }
    return t;
  }

  /** Every code the corpus names. */
  codes(): string[] {
    return [...this.facts.keys()].sort();
  }

  /** Codes whose French or Dutch label (on `at`) contains every word of `query` (accent- and case-insensitive), or that start with a digit prefix. */
  search(query: string, at: IsoDate, limit = 50): SearchHit[] {
    return searchTimelines(this.codes().map((c) => this.timeline(c)!), query, at, limit);
  }
}

/** Splits a query into a code prefix or folded words. */
export function parseQuery(query: string): { prefix: string | null; words: string[] } {
  const q = query.trim();
  if (/^\d{1,6}$/.test(q)) return { prefix: q, words: [] };
  return { prefix: null, words: fold(q).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0) };
}

/** Filters timelines by a query on a date. */
export function searchTimelines(timelines: CodeTimeline[], query: string, at: IsoDate, limit: number): SearchHit[] {
  const { prefix, words } = parseQuery(query);
  if (!prefix && words.length === 0) return [];
  const hits: SearchHit[] = [];
  for (const t of timelines) {
    if (prefix && !t.code.startsWith(prefix)) continue;
    const v = versionAt(t, at);
    if (words.length > 0) {
      // Every word in one language's label: a query is French or Dutch, not a mix.
      const matches = (label: string | null | undefined) => label != null && words.every((w) => fold(label).includes(w));
      if (!matches(v?.label) && !matches(v?.labelNl)) continue;
    }
    const s = stateAt(t, t.code, at);
    hits.push({ code: t.code, status: s.status, keyLetter: s.keyLetter, relativeValue: s.relativeValue, label: s.label.fr, labelNl: s.label.nl });
    if (hits.length >= limit) break;
  }
  return hits;
}
