/**
 * Undoes the PDF line breaking: words hyphenated across lines ("tomo-" / "densitométrique"),
 * code pairs broken after their hyphen ("587134-" / "587145"), blank lines inside sentences.
 * The result is a list of logical lines whose characters still map to raw offsets.
 */
import { fold } from '../../text.js';
import { isBlank, type RawLine } from './lines.js';
import { concat, fromRaw, slice, trim, type Mapped } from './mapped.js';

// Words that keep their hyphen when it falls at a line end: French compounds
// ("ci-après", "micro-ondes", "médecins-directeurs", "anesthésie-réanimation").
const KEEP_BEFORE = new Set(['ci', 'micro', 'medecin', 'medecins', 'gastro', 'ipsi', 'non', 'anesthesie', 'radiotherapie', 'lui', 'elle']);
const KEEP_AFTER = new Set(['ci', 'la', 'meme', 'memes', 'etre', 'dessus', 'dessous', 'dela']);

/** How to mend a line ending in a hyphen: drop it ("join") or keep it ("keep"). */
export function mendHyphen(before: string, after: string): 'join' | 'keep' {
  const b = before.replace(/-\s*$/, '');
  let i = b.length;
  while (i > 0 && /[\p{L}\d]/u.test(b[i - 1])) i--;
  const lastWord = fold(b.slice(i));
  const firstWord = fold(/^\s*([\p{L}\d]*)/u.exec(after)?.[1] ?? '');
  // A code pair or range: "105350-" / "105361".
  if (/\d$/.test(b) && /^\d/.test(firstWord)) return 'keep';
  // "Hippel-" / "Lindau": a lower-case word followed by a capital is a compound name.
  if (/\p{Ll}$/u.test(b) && /^\p{Lu}/u.test(after.trimStart())) return 'keep';
  if (KEEP_BEFORE.has(lastWord) || KEEP_AFTER.has(firstWord)) return 'keep';
  return 'join';
}

/** True when a line ends with a hyphen glued to a word or number (not a dash bullet or " - "). */
function endsWithHyphen(text: string): boolean {
  const t = text.trimEnd();
  return t.length > 1 && t[t.length - 1] === '-' && /[\p{L}\d]/u.test(t[t.length - 2]);
}

/** The empty logical line that marks a hard break (where a table was taken out before a new sentence). */
export function isBreak(line: Mapped): boolean {
  return line.text === '';
}

/**
 * Builds logical lines from physical ones: blank lines vanish, and a line ending in a
 * hyphenated word continues with the next non-blank line. `cuts` are raw offsets where
 * something was taken out (tables): when the text resumes there with a capital, a break
 * line is inserted, so that a table caption and the text after the table stay apart.
 */
export function logicalLines(raw: string, lines: readonly RawLine[], cuts: readonly number[] = []): Mapped[] {
  const out: Mapped[] = [];
  let cur: Mapped | null = null;
  let prevEnd = -1;
  for (const line of lines) {
    if (isBlank(line)) continue;
    const m = fromRaw(raw, line.start, line.end);
    const afterCut = cuts.some((c) => c > prevEnd && c < line.start);
    prevEnd = line.end;
    if (cur && afterCut && !endsWithHyphen(cur.text) && /^\s*\p{Lu}/u.test(m.text)) {
      out.push(cur, fromRaw(raw, line.start, line.start));
      cur = m;
      continue;
    }
    if (cur && endsWithHyphen(cur.text)) {
      const body = cur.text.trimEnd();
      const next = trim(m);
      const head = mendHyphen(body, next.text) === 'join' ? slice(cur, 0, body.length - 1) : slice(cur, 0, body.length);
      cur = concat([head, next]);
      continue;
    }
    if (cur) out.push(cur);
    cur = m;
  }
  if (cur) out.push(cur);
  return out;
}
