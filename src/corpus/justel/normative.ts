/** Which sentences of an act are normative (state an obligation, a permission or a change): each language's grammar says. */
import type { Language } from '../../facts.js';
import { GRAMMARS } from './grammar/index.js';

/** True when a folded sentence states an obligation, a permission or a change. */
export function isNormative(folded: string, language: Language = 'fr'): boolean {
  return GRAMMARS[language].normative.test(folded);
}

/** True when a folded sentence is the execution formula or the signature. */
export function isBoilerplate(folded: string, language: Language = 'fr'): boolean {
  return GRAMMARS[language].boilerplate.test(folded);
}
