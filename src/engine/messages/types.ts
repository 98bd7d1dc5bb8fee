/**
 * Messages are rendered from outcome data by a locale map: one function per outcome code.
 * The type forces every locale to render every code.
 */
import type { Detail, DetailCode, Note } from '../../rules/outcomes.js';
import type { LineRef } from '../../rules/types.js';

export type Locale = 'en' | 'fr' | 'nl';

export type MessageMap = { [K in DetailCode]: (d: Extract<Detail, { code: K }>, f: Format) => string };

/** Locale-specific small words and formatters the message functions share. */
export interface Format {
  locale: Locale;
  /** "L2 (252652 on 2024-03-01)" / history marked. */
  line(r: LineRef): string;
  lines(rs: readonly LineRef[]): string;
  /** "a, b or c" / "a, b and c". */
  or(xs: readonly string[]): string;
  and(xs: readonly string[]): string;
  note(n: Note): string;
  /** Rendering of a nested detail (exceptions). */
  detail(d: Detail): string;
}

export function joinWith(xs: readonly string[], last: string): string {
  // A frozen list is a rule's (a scope, its codes): joined once per conjunction, not on every line.
  if (!Object.isFrozen(xs)) return join(xs, last);
  let byLast = joined.get(xs);
  if (byLast === undefined) joined.set(xs, (byLast = new Map()));
  let s = byLast.get(last);
  if (s === undefined) byLast.set(last, (s = join(xs, last)));
  return s;
}

const joined = new WeakMap<readonly string[], Map<string, string>>();

function join(xs: readonly string[], last: string): string {
  if (xs.length <= 1) return xs.join('');
  return `${xs.slice(0, -1).join(', ')} ${last} ${xs[xs.length - 1]}`;
}

export function makeFormat(locale: Locale, map: MessageMap, words: { history: string; on: string; or: string; and: string }): Format {
  const f: Format = {
    locale,
    line: (r) => `${r.claim} (${r.code} ${words.on} ${r.date}${r.history ? `, ${words.history}` : ''})`,
    lines: (rs) => joinWith(rs.map((r) => f.line(r)), words.and),
    or: (xs) => joinWith(xs, words.or),
    and: (xs) => joinWith(xs, words.and),
    note: (n) => (locale === 'fr' ? n.fr : locale === 'nl' ? n.nl : undefined) ?? n.en,
    detail: (d) => (map[d.code] as (d: Detail, f: Format) => string)(d, f),
  };
  return f;
}
