/**
 * Server-held history: what the lines a server holds for a beneficiary add to a request's
 * `history`, and which accepted lines a commit records. Pure functions; the route runs them
 * inside `Store.withBeneficiary`, so that check and commit are one serialized transaction.
 */
import type { CheckRequest, CheckResponse, Claim } from '../engine/schema.js';
import type { StoredLine } from '../store/types.js';

/** JSON with object keys sorted at every level: equal values give equal text whatever the store did to key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = (v as Record<string, unknown>)[k];
    return out;
  });
}

/** A request line whose id the server already holds with different content. */
export interface LineConflict {
  /** Index in `claims`. */
  index: number;
  id: string;
}

/** A request `history` line whose id the server holds with content it contradicts. */
export interface HistoryCollision {
  /** Index in `history`. */
  index: number;
  id: string;
  /** The fields whose values differ from the stored line's (or that it does not have). */
  fields: string[];
}

/** The history to decide with, and what the stored lines contributed. */
export interface MergedHistory {
  history: Claim[];
  /** Stored lines that counted as history beyond those the request sent. */
  used: number;
  conflicts: LineConflict[];
  /** History lines that contradict the stored line of the same id: the request must be refused. */
  collisions: HistoryCollision[];
}

/** The fields of a sent history line that contradict the stored claim: every field it states must be the stored one's (it may state fewer). */
function contradictions(sent: Claim, stored: unknown): string[] {
  const held = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<string, unknown>;
  const out: string[] = [];
  for (const [k, v] of Object.entries(sent)) {
    if (v === undefined) continue;
    if (!Object.hasOwn(held, k) || canonicalJson(v) !== canonicalJson(held[k])) out.push(k);
  }
  return out;
}

/**
 * The request's history plus the stored lines, deduplicated by line id. The stored lines are the
 * truth: a request cannot mask one by sending its id with other content.
 *  - a stored line the request also sends in `history` counts once, as stored; the request's copy
 *    must agree with it (each field it states equal; it may state fewer), else it is a collision;
 *  - a stored line with the id of a claim of the request and the same content is that claim,
 *    recorded by an earlier try of this request: it is left out, so the retry decides the line
 *    as the first try did instead of counting it against itself;
 *  - a stored line with the id of a claim but other content is a conflict (reported; it still
 *    counts as history, since it is another line the beneficiary had).
 */
export function mergeHistory(request: CheckRequest, stored: readonly StoredLine[]): MergedHistory {
  const sent = request.history ?? [];
  if (stored.length === 0) return { history: sent, used: 0, conflicts: [], collisions: [] };
  const byId = new Map(stored.map((l) => [l.id, l]));
  const claimIndex = new Map(request.claims.map((c, i) => [c.id, i]));
  const history: Claim[] = [];
  const collisions: HistoryCollision[] = [];
  const sentIds = new Set<string>();
  sent.forEach((h, index) => {
    const line = byId.get(h.id);
    if (line === undefined) {
      history.push(h);
      return;
    }
    const fields = contradictions(h, line.claim);
    if (fields.length) collisions.push({ index, id: h.id, fields });
    else if (!sentIds.has(h.id)) history.push(line.claim as Claim);
    sentIds.add(h.id);
  });
  const conflicts: LineConflict[] = [];
  let used = 0;
  for (const line of stored) {
    if (sentIds.has(line.id)) continue;
    const i = claimIndex.get(line.id);
    if (i !== undefined) {
      if (canonicalJson(line.claim) === canonicalJson(request.claims[i])) continue;
      conflicts.push({ index: i, id: line.id });
    }
    history.push(line.claim as Claim);
    used++;
  }
  return { history, used, conflicts, collisions };
}

/** The accepted lines of a response, as lines to record (in request order). */
export function acceptedLines(request: CheckRequest, response: CheckResponse): StoredLine[] {
  const out: StoredLine[] = [];
  response.decisions.forEach((d, i) => {
    if (d.status !== 'accepted') return;
    const claim = request.claims[i];
    out.push({ id: claim.id, date: claim.date, claim });
  });
  return out;
}
