/**
 * The read operations of the system, over any store: the state of a code on a date, its history,
 * and search. The CLI and the HTTP API both call these.
 */
import { checkCode } from './code.js';
import type { IsoDate } from './date.js';
import type { Store } from './store/types.js';
import { consolidate, rulesAt, stateAt, type CodeTimeline, type HistoryEntry, type RuleRef } from './nomenclature/consolidate.js';
import { parseQuery, searchTimelines, type SearchHit } from './nomenclature/memory.js';
import type { CodeState } from './nomenclature/types.js';

/** Why a code cannot be shown: `code` says what kind. */
export class CodeError extends Error {
  constructor(readonly code: 'invalid-code' | 'unknown-code', readonly value: string, message: string) {
    super(message);
  }
}

/** The contract's `show` answer: the state plus the rules in force that name the code. */
export type CodeView = CodeState & { rules: RuleRef[] };

/** Checks a code's form and check digit; throws CodeError with a proposed correction. */
export function assertCode(code: string): void {
  const p = checkCode(code);
  if (!p) return;
  if (p.code === 'not-a-code') throw new CodeError('invalid-code', code, `"${code}" is not a nomenclature code: a code has 6 digits`);
  if (p.code === 'invalid-check-digit') {
    throw new CodeError('invalid-code', code, `${code} has an invalid check digit: the 6th digit must be the first five digits mod 7 (did you mean ${p.expected}?)`);
  }
}

async function timelineOf(store: Store, code: string): Promise<CodeTimeline> {
  assertCode(code);
  const facts = await store.factsFor(code);
  if (!facts.some((f) => f.code === code)) {
    throw new CodeError('unknown-code', code, `${code} is unknown: no document in the database names it`);
  }
  return consolidate(code, facts);
}

/** The state of `code` on `at`, with its rules; throws CodeError for an invalid or unknown code. */
export async function showCode(store: Store, code: string, at: IsoDate): Promise<CodeView> {
  const t = await timelineOf(store, code);
  return { ...stateAt(t, code, at), rules: rulesAt(t, at) };
}

/** Every change of `code` over time, with its source. */
export async function codeHistory(store: Store, code: string): Promise<{ code: string; pair: CodeTimeline['pair']; changes: HistoryEntry[] }> {
  const t = await timelineOf(store, code);
  return { code, pair: t.pair, changes: t.history };
}

/** Codes matching French or Dutch words of their label (accent- and case-insensitive) or a code prefix, on `at`. */
export async function searchCodes(store: Store, query: string, at: IsoDate, limit = 50): Promise<SearchHit[]> {
  const { prefix, words } = parseQuery(query);
  if (!prefix && words.length === 0) return [];
  const codes = await store.searchCandidates(prefix, words, prefix ? limit : 10_000);
  const timelines: CodeTimeline[] = [];
  for (const c of codes) timelines.push(consolidate(c, await store.factsFor(c)));
  return searchTimelines(timelines, query, at, limit);
}
