/** The title of a convention and the short machine name derived from it. */
import { fold, squash } from '../../text.js';
import { joinLines, type Mapped } from './mapped.js';

// The title runs until the recitals ("Vu la loi …", "Sur proposition …") or the parties.
const AFTER_TITLE = /^\s*(?:vu|sur proposition|il est convenu|considerant|article|art\.)\b/;

/** The title: the opening lines up to the first recital, de-hyphenated and squashed (at most 8 lines). */
export function extractTitle(preamble: readonly Mapped[]): { title: string; lines: Mapped[] } {
  const lines: Mapped[] = [];
  for (const l of preamble.filter((p) => p.text !== '').slice(0, 8)) {
    if (AFTER_TITLE.test(fold(l.text))) break;
    lines.push(l);
  }
  const chosen = lines.length ? lines : preamble.slice(0, 1);
  return { title: squash(joinLines(chosen, ' ').text), lines: chosen };
}

// The stable machine names of the two built-in conventions (databases and curated rules name
// them so), recognised by keywords of their whole title (folded), so that another convention of
// the same family (another ablation convention) keeps a name of its own.
const KNOWN: [RegExp[], string][] = [
  [[/\bablation\b/, /percutan/, /tomodensitometr/, /tumeur/], 'percutaneous-tumour-ablation'],
  [[/reconstruction mammaire/], 'breast-reconstruction'],
];

/** A lower-case ASCII slug of at most `words` words. */
export function slug(text: string, words = 8): string {
  return fold(text).replace(/[’'ʼ`]/g, ' ').replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(Boolean).slice(0, words).join('-');
}

/** The convention's machine name: a known name by title keywords, else a slug of what is reimbursed. */
export function conventionName(title: string): string {
  const f = fold(title);
  for (const [keys, name] of KNOWN) if (keys.every((k) => k.test(f))) return name;
  // "… pour le remboursement de la X (version …)" → slug of X.
  const subject = /\bremboursement (?:de la |de l['’]|des |du |de )(.*)$/.exec(f)?.[1] ?? f.replace(/^convention entre .*? et (?:l['’]|les? |des )/, '');
  return slug(subject.replace(/\(version[^)]*\)/, '')) || 'convention';
}
