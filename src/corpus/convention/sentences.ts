/**
 * Sentence splitting for PDF-extracted legal French. A sentence ends at ".", "?" or "!"
 * before a capital, a list item or a footnote; a line without final punctuation also ends
 * one when the next line opens with a capital determiner ("La présente convention …").
 * An enumeration (a line ending in ":" followed by items "o …", "1° …", "a. …") stays
 * ONE sentence with its items, so that rules quote the whole provision.
 */
import { fold, isAbbreviation } from '../../text.js';
import { joinLines, slice, trim, type Mapped } from './mapped.js';
import { startsLikeSentence } from './sections.js';

/** A list-item marker at the start of a line: "o", "•", "-", "1°", "1.", "a.", "a)". */
export const BULLET = /^\s*(?:o|•|-|–|\d{1,2}°|\d{1,2}\.(?!\d)|[a-z][.)])\s/;

/** True when `next` (the start of the following text) can open a new sentence. */
function opensAfterStop(next: string): boolean {
  return /^\s*(?:[\p{Lu}«"“]|\d)/u.test(next) || BULLET.test(next);
}

/** Splits the content lines of a section into sentences (each trimmed, offsets kept). */
export function splitSentences(lines: readonly Mapped[]): Mapped[] {
  if (!lines.length) return [];
  const all = joinLines(lines);
  // Start index of each line in `all`.
  const starts: number[] = [];
  let at = 0;
  for (const l of lines) {
    starts.push(at);
    at += l.text.length + 1;
  }
  const out: Mapped[] = [];
  let from = 0;
  let inEnum = false;
  const cut = (to: number, next: number) => {
    const s = trim(slice(all, from, to));
    if (s.text) out.push(s);
    from = next;
    inEnum = false;
  };
  lines.forEach((line, k) => {
    const base = starts[k];
    const text = line.text;
    if (text === '') {
      // A hard break (see logicalLines): whatever precedes is complete.
      cut(base, base + 1);
      return;
    }
    const body = text.trimEnd();
    // Stops inside the line (not at its end). Inside an enumeration, items end at line ends:
    // a stop within an item ("… articles 4, 5, et 6. Il s'agit …") does not close the list.
    for (const m of inEnum ? [] : text.matchAll(/[.!?]+(?=\s+\S)/g)) {
      const end = m.index + m[0].length;
      if (end >= body.length) break;
      if (base + end <= from) continue;
      if (m[0] === '.' && isAbbreviation(text, m.index)) continue;
      if (!opensAfterStop(text.slice(end))) continue;
      cut(base + end, base + end);
    }
    const next = k + 1 < lines.length ? lines[k + 1].text : null;
    if (next === null) return;
    const nextIsItem = BULLET.test(next);
    if (/:\s*$/.test(body) && nextIsItem) {
      inEnum = true;
      return;
    }
    if (inEnum && nextIsItem) return;
    const stop = /[.!?]$/.exec(body);
    if (stop && !(body.endsWith('.') && !body.endsWith('..') && isAbbreviation(body, body.length - 1))) {
      if (opensAfterStop(next)) cut(base + body.length, starts[k + 1]);
      return;
    }
    if (/^\s*\p{Lu}/u.test(next) && startsLikeSentence(next)) cut(base + body.length, starts[k + 1]);
  });
  cut(all.text.length, all.text.length);
  return out;
}

/** One part of an enumeration: its marker ("1°", "a.", "a)", "1."), or null for the lead-in. */
export interface EnumerationItem {
  marker: string | null;
  text: Mapped;
}

// Sticky: tried at a line start without copying the rest of the sentence.
const ITEM_CLASSES: [RegExp, number][] = [
  [/[ \t]*(\d{1,2}°)\s/y, 1],
  [/[ \t]*(\d{1,2}\.)(?!\d)\s/y, 1],
  [/[ \t]*([a-z]\.)\s/y, 2],
  [/[ \t]*([a-z]\))\s/y, 2],
];

/** The item marker of class `re` at index `at` of `text`, or null. */
function markerAt(re: RegExp, text: string, at: number): string | null {
  re.lastIndex = at;
  return re.exec(text)?.[1] ?? null;
}

/**
 * Splits an enumeration at its top-level numbered or lettered items ("1° Reins …",
 * "a. au moins deux …"); plain bullets ("o", "•", "-") stay with their item.
 * A sentence without such items comes back whole.
 */
export function enumerationItems(sentence: Mapped): EnumerationItem[] {
  const lineStarts: number[] = [];
  for (let i = 0; i < sentence.text.length; i++) if (sentence.text[i] === '\n') lineStarts.push(i + 1);
  // The first class (by rank, then by position) present at a line start.
  let chosen: RegExp | null = null;
  let best: [number, number] = [Infinity, Infinity];
  for (const [re, rank] of ITEM_CLASSES) {
    const pos = lineStarts.find((s) => markerAt(re, sentence.text, s) !== null);
    if (pos !== undefined && (rank < best[0] || (rank === best[0] && pos < best[1]))) {
      chosen = re;
      best = [rank, pos];
    }
  }
  if (!chosen) return [{ marker: null, text: sentence }];
  const re = chosen;
  const cuts = lineStarts.filter((s) => markerAt(re, sentence.text, s) !== null);
  const items: EnumerationItem[] = [];
  const lead = trim(slice(sentence, 0, cuts[0]));
  if (lead.text) items.push({ marker: null, text: lead });
  cuts.forEach((c, i) => {
    const text = trim(slice(sentence, c, cuts[i + 1] ?? sentence.text.length));
    items.push({ marker: markerAt(re, text.text, 0), text });
  });
  return items;
}
