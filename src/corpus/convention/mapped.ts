/**
 * Text that remembers where each character comes from in the raw document.
 * Cleaning (de-hyphenation, page furniture, displaced tables) rewrites the text;
 * provenance spans must still point into the original, so every edit goes through here.
 * The map is piecewise: a few segments per line, not one number per character.
 */
import { squash } from '../../text.js';

/** Characters [at, at + len) of the text come from raw offsets raw, raw + step, … (step 0: a joint with no raw counterpart). */
interface Segment {
  at: number;
  raw: number;
  len: number;
  step: 0 | 1;
}

/** A piece of cleaned text with its map to raw offsets. */
export interface Mapped {
  readonly text: string;
  readonly segs: readonly Segment[];
}

/** The raw slice [start, end) as mapped text. */
export function fromRaw(raw: string, start: number, end: number): Mapped {
  return { text: raw.slice(start, end), segs: end > start ? [{ at: 0, raw: start, len: end - start, step: 1 }] : [] };
}

/** Mapped text for a literal with no raw counterpart (a joint), anchored at raw offset `at`. */
export function synthetic(text: string, at: number): Mapped {
  return { text, segs: text ? [{ at: 0, raw: at, len: text.length, step: 0 }] : [] };
}

/** Concatenates pieces, keeping every offset. */
export function concat(parts: readonly Mapped[]): Mapped {
  const segs: Segment[] = [];
  let at = 0;
  for (const p of parts) {
    for (const s of p.segs) segs.push({ ...s, at: s.at + at });
    at += p.text.length;
  }
  return { text: parts.map((p) => p.text).join(''), segs };
}

/** Raw offset of the last character, or −1 for empty text. */
export function lastOffset(m: Mapped): number {
  return m.text.length ? offsetAt(m, m.text.length - 1) : -1;
}

/** Joins pieces with a separator (a newline by default) anchored after the previous piece. */
export function joinLines(parts: readonly Mapped[], sep = '\n'): Mapped {
  const out: Mapped[] = [];
  parts.forEach((p, i) => {
    if (i > 0) out.push(synthetic(sep, lastOffset(parts[i - 1]) + 1));
    out.push(p);
  });
  return concat(out);
}

/** The sub-text [start, end) (indices into `m.text`). */
export function slice(m: Mapped, start: number, end = m.text.length): Mapped {
  const segs: Segment[] = [];
  for (const s of m.segs) {
    const a = Math.max(s.at, start);
    const b = Math.min(s.at + s.len, end);
    if (a < b) segs.push({ at: a - start, raw: s.raw + (a - s.at) * s.step, len: b - a, step: s.step });
  }
  return { text: m.text.slice(start, end), segs };
}

/** Raw offset of character `i` of the text. */
export function offsetAt(m: Mapped, i: number): number {
  for (const s of m.segs) if (i >= s.at && i < s.at + s.len) return s.raw + (i - s.at) * s.step;
  throw new RangeError(`index ${i} outside the mapped text`);
}

/** Removes leading and trailing white space. */
export function trim(m: Mapped): Mapped {
  const start = m.text.length - m.text.trimStart().length;
  const end = m.text.trimEnd().length;
  return slice(m, Math.min(start, end), end);
}

/** The raw span [start, end) covering the text from its first to its last visible character. */
export function rawSpan(m: Mapped): [number, number] | null {
  const t = trim(m);
  if (!t.text) return null;
  return [offsetAt(t, 0), offsetAt(t, t.text.length - 1) + 1];
}

/** The whitespace-normalised text. */
export function squashed(m: Mapped): string {
  return squash(m.text);
}
