/** Which sentences of an act are normative (state an obligation, a permission or a change). */

// Matched on the folded form (see matchForm): no accents, lower case.
const NORMATIVE = new RegExp([
  String.raw`\b(?:est|sont|soit|soient|etre|sera|seront) (?:\w+ )?(?:remplace|insere|ajoute|supprime|abroge|modifie|complete|introduit|limite|porte|fixe|retire|redige|libelle|interdit|autorise|reserve|subordonne|tenue?|accorde|applicable|cumulable|rembourse|adresse|honore|dus|dues?)e?s?\b`,
  String.raw`\b(?:une seule fois|au maximum|uniquement|exclusivement|(?:non )?cumulables?|remboursables?)\b`,
  String.raw`\bne (?:\w+ )?(?:peu|peuv|doi|sont|est|pourr|sera|seront)`,
  String.raw`\bn'(?:est|sont|a|ont)\b`,
  String.raw`\b(?:doi(?:t|vent)|peu(?:t|vent)|pourr(?:a|ont)|devr(?:a|ont))\b`,
  String.raw`\bentre(?:nt)? en vigueur\b`,
  String.raw`\bprodui(?:t|sent) (?:ses|leurs) effets\b`,
  String.raw`\b(?:sont|est) apportees?\b`,
  String.raw`\bmodifications suivantes\b`,
].join('|'));

// Execution formula, signature: never facts, never "unparsed".
const BOILERPLATE = /\bcharges? de l'execution\b|^donne a\b|^par le roi\b|^fait a\b|\bnous avons arrete\b|\barretons\b/;

/** True when a folded sentence states an obligation, a permission or a change. */
export function isNormative(folded: string): boolean {
  return NORMATIVE.test(folded);
}

/** True when a folded sentence is the execution formula or the signature. */
export function isBoilerplate(folded: string): boolean {
  return BOILERPLATE.test(folded);
}
