/**
 * "Libellé" lists: a code (pair) followed by the French label, and, in some conventions,
 * leader dots and the key letter with the relative value ("… K 121", "tomodensitométrique I633").
 */
import { decFr, fmt } from '../../decimal.js';
import type { Value } from '../../facts.js';
import { squash } from '../../text.js';
import { joinLines, type Mapped } from './mapped.js';
import { startsLikeSentence } from './sections.js';

/** One entry of a label list. */
export interface LabelEntry {
  /** One code or an ambulatory/hospitalised pair, as written. */
  codes: string[];
  label: string;
  value: Value | null;
  /** The whole entry (codes, label, value) for provenance. */
  entry: Mapped;
}

// A code (pair) at the start of a line, followed by a label (or by nothing: label on the next line).
const CODE_START = /^\s*(\d{6})(?:\s*-\s*(\d{6}))?(?=\s+\p{Lu}|\s*$)/u;
const NUM = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?`;
const VALUE_AT_END = new RegExp(String.raw`(?:^|[\s.…])([A-Z]{1,2}) ?(${NUM})\s*$`, 'u');

/** Splits "label …...…. K 121" into the label (without leader dots) and the value, if any. */
export function splitValue(text: string): { label: string; value: Value | null } {
  const t = squash(text);
  const m = VALUE_AT_END.exec(t);
  const body = m ? t.slice(0, m.index) : t;
  const label = body.replace(/[\s.…]+$/u, '').trim();
  return { label, value: m ? { keyLetter: m[1], relativeValue: fmt(decFr(m[2])) } : null };
}

/** True when a line ends with a value, which closes a label entry. */
function endsWithValue(text: string): boolean {
  return VALUE_AT_END.test(squash(text));
}

/** True when a line opens a new sentence (capital determiner): the label list is over. */
function opensSentence(text: string): boolean {
  return /^\s*\p{Lu}/u.test(text) && startsLikeSentence(text);
}

/**
 * Reads the entries of a label list; lines that belong to no entry (an introduction, a
 * sentence after the list) are returned as prose, in order.
 */
export function parseLabelList(lines: readonly Mapped[]): { entries: LabelEntry[]; prose: Mapped[] } {
  const entries: LabelEntry[] = [];
  const prose: Mapped[] = [];
  let open: { codes: string[]; lines: Mapped[] } | null = null;
  const close = () => {
    if (!open) return;
    const entry = joinLines(open.lines);
    const rest = entry.text.replace(CODE_START, '');
    entries.push({ codes: open.codes, ...splitValue(rest), entry });
    open = null;
  };
  for (const line of lines) {
    if (line.text === '') continue; // a hard break carries no text
    const m = CODE_START.exec(line.text);
    const afterSentence = prose.length === 0 || /[.;:!?]\s*$/.test(prose[prose.length - 1].text);
    if (m && (open !== null || afterSentence)) {
      close();
      open = { codes: m[2] ? [m[1], m[2]] : [m[1]], lines: [line] };
    } else if (open && !opensSentence(line.text)) {
      open.lines.push(line);
    } else {
      close();
      prose.push(line);
      continue;
    }
    if (endsWithValue(line.text) && squash(line.text.replace(CODE_START, '')) !== '') close();
  }
  close();
  return { entries, prose };
}
