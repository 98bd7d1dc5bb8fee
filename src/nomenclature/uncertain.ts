/**
 * Changes on an unknown date. A change whose entry into force the sources do not fix is not
 * applied as if it were in force: it may take effect on any day of its window (bounds from its
 * act: earliest, latest; unknown: open). The timeline is folded once per placement of each such
 * change — at the start of its window, on each date of another change inside it (the order of
 * changes matters), at its end (or never, when the end is open) — and on every day where the
 * placements disagree the version is `uncertain`, with each possible state as a candidate.
 * Outside the windows every placement gives the same state: it is certain.
 */
import type { IsoDate } from '../date.js';
import type { DateBounds } from '../facts.js';

/** A change of a code's timeline, as consolidate folds it; `window` when its date is unknown. */
export interface PlaceableStep {
  date: IsoDate | null;
  order: number;
  window?: DateBounds;
}

/** A period of a code's timeline, as far as placing needs it. */
export interface FoldedVersion {
  from: IsoDate | null;
  to: IsoDate | null;
}

const NEVER = Symbol('never');
type Position = IsoDate | null | typeof NEVER;

/** More placements than this are cut down to the two ends of each window (the extremes). */
const MAX_SCENARIOS = 64;
const BEFORE_ALL = '0000-01-01';

function covers(w: DateBounds, at: IsoDate): boolean {
  return (w.earliest === null || w.earliest <= at) && (w.latest === null || at < w.latest);
}

/** The dates an uncertain change may be placed on that give different timelines. */
function positionsOf<S extends PlaceableStep>(u: S, certain: IsoDate[]): Position[] {
  const w = u.window!;
  const inside = certain.filter((d) => (w.earliest === null || d > w.earliest) && (w.latest === null || d < w.latest));
  return [w.earliest, ...inside, w.latest ?? NEVER];
}

function product(lists: Position[][]): Position[][] {
  let out: Position[][] = [[]];
  for (const list of lists) out = out.flatMap((a) => list.map((p): Position[] => [...a, p]));
  return out;
}

function versionAt<V extends FoldedVersion>(versions: V[], at: IsoDate): V {
  return versions.find((v) => (v.from === null || v.from <= at) && (v.to === null || at < v.to)) ?? versions[versions.length - 1];
}

/** How to fold, compare and describe: consolidate's own functions. */
export interface Folding<S extends PlaceableStep, V extends FoldedVersion, C> {
  /** Folds steps sorted by date; `canonical` for the one placement whose issues are reported. */
  fold(steps: S[], canonical: boolean): V[];
  /** What makes two versions the same state (status, value, label …). */
  key(v: V): string;
  /** What makes two adjacent certain periods one (the state and its reason). */
  same(v: V): string;
  /** The change in words, for the candidates and the reason ("2000022259, Art. 1er: 591780 is deleted"). */
  describe(s: S): string;
  /** The candidate of a version, with the changes it assumes in force or not. */
  candidate(v: V, assumes: string): C;
  /** The uncertain version of a period: the candidates and why. */
  uncertain(from: IsoDate | null, to: IsoDate | null, candidates: { version: V; candidate: C }[], reason: string, windows: DateBounds[]): V;
}

/** The window of a change in words: "not before 2000-05-01, no later date known". */
export function windowText(w: DateBounds): string {
  const from = w.earliest ? `not before ${w.earliest}` : 'no earliest date known';
  const to = w.latest ? `in force from ${w.latest} at the latest` : 'no latest date known';
  return `${from}, ${to}`;
}

/** The versions of a timeline some of whose steps have a window instead of a date. */
export function foldUncertain<S extends PlaceableStep, V extends FoldedVersion, C>(steps: S[], f: Folding<S, V, C>): V[] {
  const uncertain = steps.filter((s) => s.window);
  const certain = [...new Set(steps.filter((s) => !s.window && s.date !== null).map((s) => s.date as IsoDate))].sort();
  let lists = uncertain.map((u) => positionsOf(u, certain));
  if (lists.reduce((n, l) => n * l.length, 1) > MAX_SCENARIOS) lists = lists.map((l) => [l[0], l[l.length - 1]]);
  // The first placement (each change at the start of its window) is the canonical one.
  const scenarios = product(lists).map((positions, i) => {
    const placed: S[] = [];
    for (const s of steps) {
      const k = uncertain.indexOf(s);
      if (k < 0) placed.push(s);
      else if (positions[k] !== NEVER) placed.push({ ...s, date: positions[k] as IsoDate | null });
    }
    placed.sort((a, b) => (a.date === b.date ? 0 : a.date === null ? -1 : b.date === null ? 1 : a.date < b.date ? -1 : 1) || a.order - b.order);
    return { positions, versions: f.fold(placed, i === 0) };
  });

  const cuts = [...new Set(scenarios.flatMap((s) => s.versions.flatMap((v) => [v.from, v.to]).filter((d): d is IsoDate => d !== null)))].sort();
  const out: { version: V; sig: string }[] = [];
  for (let i = 0; i <= cuts.length; i++) {
    const from = i > 0 ? cuts[i - 1] : null;
    const to = i < cuts.length ? cuts[i] : null;
    const at = from ?? BEFORE_ALL;
    const open = uncertain.map((u, k) => ({ u, k })).filter(({ u }) => covers(u.window!, at));
    const distinct = new Map<string, { version: V; assumes: string }>();
    // The last placement first: the state before the changes, then after.
    for (const s of [...scenarios].reverse()) {
      const v = s.versions.length ? versionAt(s.versions, at) : null;
      if (!v) continue;
      const k = f.key(v);
      if (distinct.has(k)) continue;
      const assumes = open.map(({ u, k: n }) => {
        const p = s.positions[n];
        const applied = p !== NEVER && (p === null || p <= at);
        return `${f.describe(u)}: ${applied ? 'in force' : 'not yet in force'}`;
      }).join('; ');
      distinct.set(k, { version: v, assumes: assumes || 'the changes of unknown date taken in another order' });
    }
    const list = [...distinct.values()];
    if (list.length === 0) continue;
    let version: V;
    let sig: string;
    if (list.length === 1) {
      version = { ...list[0].version, from, to };
      sig = `=${f.same(version)}`;
    } else {
      const reason = (open.length ? open.map(({ u }) => `${f.describe(u)} takes effect on a date the sources do not fix (${windowText(u.window!)}): ${u.window!.reason}`) : ['changes of unknown date whose order is not known']).join('; ');
      version = f.uncertain(from, to, list.map((c) => ({ version: c.version, candidate: f.candidate(c.version, c.assumes) })), reason, open.map(({ u }) => u.window!));
      sig = `?${reason}|${list.map((c) => f.key(c.version)).join('|')}`;
    }
    const prev = out[out.length - 1];
    if (prev && prev.sig === sig) prev.version.to = to;
    else out.push({ version, sig });
  }
  return out.map((o) => o.version);
}
