/** The amending grammar of each language, and the language of an act. */
import type { Language } from '../../../facts.js';
import { fold } from '../../../text.js';
import { FR } from './fr.js';
import { NL } from './nl.js';
import type { Grammar } from './types.js';

export type { Grammar, Operation, Position, GuardedRecogniser } from './types.js';

/** One grammar per language, the same shape each. */
export const GRAMMARS: Readonly<Record<Language, Grammar>> = { fr: FR, nl: NL };

// Words frequent in one language and rare in the other, counted in the opening of the body.
const DUTCH = /\b(?:de|het|van|wordt|worden|en|bij|verstrekking|artikel|besluit)\b/g;
const FRENCH = /\b(?:le|la|les|du|des|est|sont|et|prestation|arrete|l'article)\b/g;

/**
 * The language of an act: its front matter's `language`/`lang`, else the one title it has
 * (`title-nl` alone: Dutch), else its headings ("**Artikel 1.**"), else which language's
 * function words dominate its opening.
 */
export function languageOf(fields: Record<string, string>, body: string): Language {
  const declared = fold(fields.language ?? fields.lang ?? '').trim();
  if (declared === 'fr' || declared === 'nl') return declared;
  const fr = (fields['title-fr'] ?? '').trim() !== '';
  const nl = (fields['title-nl'] ?? '').trim() !== '';
  if (nl && !fr) return 'nl';
  if (fr && !nl) return 'fr';
  if (/^[ \t]*\*\*[ \t]*Artikel[ \t]*\d/m.test(body)) return 'nl';
  const opening = fold(body.slice(0, 4000)).replace(/[’‘]/g, "'");
  const dutch = opening.match(DUTCH)?.length ?? 0;
  const french = opening.match(FRENCH)?.length ?? 0;
  return dutch > french ? 'nl' : 'fr';
}
