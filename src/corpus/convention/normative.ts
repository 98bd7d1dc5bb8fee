/**
 * Which sentences are normative: obligations, permissions, prohibitions, conditions,
 * limits and deadlines. Those that yield no fact must be reported as unparsed.
 */
import { fold } from '../../text.js';

// Matched on folded text (no accents, lower case, straight apostrophes).
const MARKERS: RegExp[] = [
  /\bpeu(?:t|vent)\b/, /\bpourr(?:a|ont)\b/, /\bdoi(?:t|vent)\b/, /\bdevr(?:a|ont)\b/,
  /\bil faut\b/, /\bil y a lieu\b/, /\bil convient de (?!d'entendre)/, /\bs'engagen?t?\b/,
  /\b(?:est|sont) (?:limite|reserve)e?s?\b/, /\bindexe(?:e|s|es)?\b/, /\bcouvr(?:e|ent)\b/,
  /\bau (?:moins|plus tard|maximum|minimum)\b/, /\b(?:maximum|minimum)\b/, /\buniquement\b/,
  /\bseul(?:e|s|es)?\b/, /\bque si\b/, /\bqu'(?:apres|a|au|en|aux)\b/, /\bn'est (?:due|possible|pas)\b/,
  /\bn'entren?t? en ligne de compte\b/, /\bentren?t? en ligne de compte\b/, /\best unique\b/,
  /\bapplicables?\b/, /\bd'application\b/, /\bs'appliquen?t?\b/, /\best responsable\b/,
  /\best tenue?s?\b/, /\bil est tenu compte\b/, /\bsont remis\b/, /\best remise?\b/, /\best demandee?\b/,
  /\bparticipen?t?\b/, /\bdisposen?t?\b/, /\bintrodui(?:t|sent)\b/, /\bcommuniquee?s?\b/, /\bsont fixes\b/,
  /\bprend fin\b/, /\bcesse\b/, /\bresiliee?\b/, /\best valable\b/, /\bentre en vigueur\b/,
  /\bproduit ses effets\b/, /\best conclue?\b/, /\baucune?\b/, /\bimpossible\b/, /\binterdite?s?\b/,
  /(?<!assurance )(?<!assurance maladie )\bobligatoire(?:ment)?\b/, /\bsont ajoutes\b/, /\bajoute\b/, /\bdemontre\b/, /\ba condition que\b/,
  /\bsous reserve\b/, /\bgarantir\b/, /\bs'elever?\b/, /\bfacturer\b/, /\bdecide\b/, /\bsont competents\b/,
];

/** True when a sentence states an obligation, permission, prohibition, condition or limit. */
export function isNormative(sentence: string): boolean {
  const f = fold(sentence).replace(/[’ʼ`]/g, "'");
  return MARKERS.some((re) => re.test(f));
}

/** True for a section whose sentences are rules by definition ("Règles d'application", "Conditions de remboursement", "Procédure"). */
export function isRulesSection(title: string | null): boolean {
  return title !== null && /regles? d'application|conditions? de remboursement|procedure/.test(fold(title).replace(/[’ʼ`]/g, "'"));
}
