/**
 * The timeline chart's data: a code's relative value and fee over every period in which they are
 * constant, each period with the change (and act) that starts it.
 */
import { addDays, today, type IsoDate } from '../date.js';
import { stateAt, versionAt, type CodeTimeline } from '../nomenclature/consolidate.js';
import type { SourceRef } from '../nomenclature/types.js';
import type { z } from 'zod';
import type { TimelinePointSchema } from './schemas.js';

/** One period of the chart. */
export type TimelinePoint = z.infer<typeof TimelinePointSchema>;

/** The periods of `code`: a point at every date where its status, value or fee may change. */
export function timelineOf(t: CodeTimeline, code: string): TimelinePoint[] {
  const dates = new Set<IsoDate>();
  for (const v of t.versions) {
    if (v.from) dates.add(v.from);
    if (v.to) dates.add(v.to);
  }
  for (const f of t.fees) {
    if (f.validFrom) dates.add(f.validFrom);
    if (f.validTo) dates.add(addDays(f.validTo, 1));
  }
  for (const c of t.coefficients) {
    dates.add(c.validFrom);
    if (c.validTo) dates.add(addDays(c.validTo, 1));
  }
  for (const h of t.history) if (h.date) dates.add(h.date);
  const sorted = [...dates].sort();

  // Where a change is dated, its history entry names the act; otherwise the fee row or the state's first source does.
  const entryOn = new Map<IsoDate, { change: string; source: SourceRef }>();
  for (const h of t.history) if (h.date && !entryOn.has(h.date)) entryOn.set(h.date, { change: h.change, source: h.source });
  const feeEndOn = new Map<IsoDate, SourceRef>();
  for (const f of t.fees) if (f.validTo) feeEndOn.set(addDays(f.validTo, 1), { ...f.source, note: `fee row valid until ${f.validTo}` });

  // The act behind the fee on a date: the fee row in force, else the coefficient it was computed with (as stateAt does).
  const feeSourceAt = (at: IsoDate, keyLetter: string | null): SourceRef | null => {
    const row = t.fees.find((f) => (f.validFrom === null || f.validFrom <= at) && (f.validTo === null || at <= f.validTo));
    if (row) return row.source;
    const c = t.coefficients.find((f) => f.keyLetter === keyLetter && f.validFrom <= at && (f.validTo === null || at <= f.validTo));
    return c?.source ?? null;
  };

  const points: TimelinePoint[] = [];
  const push = (date: IsoDate | null, at: IsoDate) => {
    const s = stateAt(t, code, at);
    const entry = date ? entryOn.get(date) : undefined;
    const source = entry?.source ?? (date ? feeEndOn.get(date) : undefined) ?? s.sources[0] ?? null;
    const prev = points.at(-1);
    // Consecutive periods that look the same on the chart are one period.
    if (prev && prev.status === s.status && prev.status !== 'uncertain' && prev.keyLetter === s.keyLetter && prev.relativeValue === s.relativeValue && prev.fee === s.fee) return;
    points.push({
      date,
      until: null,
      status: s.status,
      keyLetter: s.keyLetter,
      relativeValue: s.relativeValue,
      fee: s.fee,
      change: entry?.change ?? null,
      source,
      valueSource: s.relativeValue === null ? null : (versionAt(t, at)?.valueSource ?? source),
      feeSource: s.fee === null ? null : feeSourceAt(at, s.keyLetter),
      // An uncertain period shows every possible state, and why the date is not known.
      ...(s.status === 'uncertain' && s.candidates
        ? {
            candidates: s.candidates.map((c) => ({ status: c.status, keyLetter: c.keyLetter, relativeValue: c.relativeValue, fee: c.fee, assumes: c.assumes })),
            ...(s.window ? { reason: s.window.reason } : {}),
          }
        : {}),
    });
  };
  // The period before the first dated change, when the corpus knows the code then (e.g. the old value an amendment states).
  if (sorted.length === 0) push(null, today());
  else push(null, addDays(sorted[0], -1));
  for (const d of sorted) push(d, d);
  for (let i = 0; i < points.length - 1; i++) points[i].until = points[i + 1].date;
  return points;
}
