/** The French amending formulas (folded: no accents, lower case, quotes as «k»). */
import { NO, codeList, quoteList, re } from './common.js';
import type { Grammar, Operation, Position } from './types.js';

const CODES = codeList(['et', 'ou']);
const QLIST = quoteList(['et', 'ou']);
const INS = String.raw`(?:inseree?s?|ajoutee?s?|introduite?s?)`;
const DEL = String.raw`(?:supprimee?s?|abrogee?s?|retiree?s?|radiee?s?)`;
const WORDS = String.raw`(?:les mots|le mot|les termes|le terme)`;
const WORDS_OBJECT = String.raw`(?:les mots|le mot|les termes|le terme|la phrase|les phrases|la mention|les mentions|le chiffre|les chiffres|la date|les dates)`;
const RULE_ANCHOR = String.raw`(?:(?:l'|le )?(?:alinea (?<alinea>\S+)|(?<alineaOrd>\S+) alinea) (?:de la|des) )?(?:(?:la|les) (?:(?<ord>\S+) )?)?regles? d'application (?:qui (?:suit|suivent)|suivant) (?:la prestation|les prestations)(?: ${NO}(?<ruleCodes>${CODES}))?`;
const OBJ = String.raw`(?:la|les) prestations? (?<withRules>et (?:la|les) regles? d'application )?suivantes?`;
const SERVICE = String.raw`(?:la|les) prestations?`;

// Matched on the folded form: no accents, lower case.
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

const OPERATIONS: [RegExp, Operation][] = [
  [/^(?:remplac|modifi|redig|porte|fixe|change)/, 'replace'],
  [/^(?:suppr|abrog|retir|radi)/, 'delete'],
  [/^(?:inser|ajout|introdui)/, 'insert'],
  [/^complet/, 'complete'],
];

export const FR: Grammar = {
  lang: 'fr',
  operation: (verb) => OPERATIONS.find(([r]) => r.test(verb))?.[1] ?? null,
  position: (word): Position | null => (word === 'apres' ? 'after' : word === 'avant' ? 'before' : null),
  entryOrFormula: /\bentre(?:nt)? en vigueur\b|\bprodui(?:t|sent) (?:ses|leurs) effets\b|\bsort(?:ent)? (?:ses|leurs) effets\b|\bcharges? de l'execution\b/,
  wordsChanged: [
    re(String.raw`\b${WORDS_OBJECT} (?<olds>${QLIST}),? (?:(?:est|sont) )?(?:respectivement )?(?<verb>remplacee?s?|${DEL}|${INS})(?: respectivement)?(?: par (?:${WORDS} )?(?<news>${QLIST})| (?<pos>apres|avant) (?:${WORDS} )?«(?<anchor>\d+)»| entre (?:${WORDS} )?«(?<left>\d+)» et (?:${WORDS} )?«(?<right>\d+)»)?`, 'g'),
    // "il est inséré les mots «X» (après les mots «Y»)": the verb first.
    re(String.raw`\b(?:il (?:est|sont)|sont|est) (?<verb>${INS}),? (?:[^«]{0,80}? )?${WORDS} (?<olds>${QLIST})(?: (?<pos>apres|avant) (?:${WORDS} )?«(?<anchor>\d+)»| entre (?:${WORDS} )?«(?<left>\d+)» et (?:${WORDS} )?«(?<right>\d+)»)?`, 'g'),
  ],
  labelAnchor: re(String.raw`\b(?:le libelle|l'intitule) (?:de la prestation|des prestations) ${NO}(?<codes>${CODES})`),
  textBetween: /\ble texte (?:commencant|debutant) par «(?<first>\d+)» et (?:se terminant|finissant|s'achevant) par «(?<last>\d+)»,? (?:est|sont) remplace (?:par|comme suit)/,
  codeIntoRule: re(String.raw`${RULE_ANCHOR},? (?:le|les) ${NO}(?<codes>${CODES}) (?:est|sont) ${INS} (?<pos>apres|avant) (?:le |les )?${NO}(?<ref>${CODES})`),
  ruleCompletedWithCodes: re(String.raw`${RULE_ANCHOR},? (?:est|sont) completee?s? par (?:le |les )?${NO}(?<codes>${CODES})`),
  ruleReplaced: [re(String.raw`${RULE_ANCHOR},? (?:est|sont) (?:(?<replace>remplacee?s? (?:par|comme suit)|modifiee?s? comme suit|redigee?s? comme suit)|(?<repeal>${DEL}))`)],
  valueChanged: [
    re(String.raw`\b(?:la|les) valeurs? relatives? (?:«(?<from>\d+)» )?(?:(?:de la prestation|des prestations) ${NO}(?<codes>${CODES}),? )?(?:est|sont) (?:modifiee?s? en|remplacee?s? par|portee?s? a|fixee?s? a|changee?s? en) (?:«(?<to>\d+)»|(?<toLetter>[a-z]) (?<toNumber>\d[\d.,]*\d|\d))`, 'g'),
    // "la valeur relative de la prestation X est portée de «K 30» à «K 50»".
    re(String.raw`\b(?:la|les) valeurs? relatives? (?:(?:de la prestation|des prestations) ${NO}(?<codes>${CODES}),? )?(?:est|sont) (?:portee?s?|modifiee?s?|changee?s?) de «(?<from>\d+)» (?:a|en) «(?<to>\d+)»`, 'g'),
  ],
  serviceAnchor: re(String.raw`(?:^|[,;:] |\b(?:a|dans|pour) )(?:la |le |les )?(?:prestations?|libelle de la prestation) ${NO}(?<codes>${CODES})(?:,|$| (?:la|le|les|l'|il|sont|est))`),
  serviceContext: re(String.raw`(?:^(?:a|dans|pour) |\bmodifications suivantes (?:sont apportees )?a )la prestation ${NO}(?<codes>${CODES})\s*[,:]?`),
  bareValueChanged: [re(String.raw`(?<![\p{L}\d] )«(?<from>\d+)»,? (?:est|sont) (?:remplacee?s? par|modifiee?s? en|porte a) «(?<to>\d+)»`, 'gu')],
  relabelled: [re(String.raw`\b(?:le|les) libelles?(?<withValue> et (?:la|les) valeurs? relatives?)? (?:de la prestation|des prestations) (?:(?<following>suivantes)|${NO}(?<codes>${CODES})) (?:est|sont) (?:modifiee?s?|remplacee?s?|redigee?s?) (?:comme suit|par ce qui suit|par)`)],
  codesRemoved: [re(String.raw`\b(?:les|le) (?:numeros?|codes?)(?: de (?:la |des )?prestations?| de code)? ${NO}(?<codes>${CODES}),? (?:est|sont) ${DEL}`)],
  servicesDeleted: [
    re(String.raw`\b(?:la|les) prestations? suivantes?,? (?:est|sont) ${DEL}\s*:? ${NO}(?<codes>${CODES})`, 'g'),
    // The code quoted in a copy: "la prestation "426311" est supprimée".
    re(String.raw`\b${SERVICE} «(?<quoted>\d+)»,? (?:est|sont) ${DEL}`, 'g'),re(String.raw`\b${SERVICE} ${NO}(?<codes>${CODES}),? (?<withRules>et (?:la |les )?regles? d'application (?:qui (?:la|les) (?:concernent|concerne|suivent|suit)|y afferentes?) )?(?:est|sont) ${DEL}`, 'g')],
  pointDeleted: [re(String.raw`\ble (?:point|littera) (?<point>[a-z]\)|\d+°) et les prestations qu'il (?:comporte|contient|comprend),? sont ${DEL}`)],
  serviceReplaced: [re(String.raw`\b${SERVICE} ${NO}(?<codes>${CODES}),? (?:est|sont) (?:remplacee?s?|modifiee?s?) (?:par (?:la|les) (?:prestations?|dispositions?) suivantes?|par ce qui suit|comme suit|par)`)],
  servicesInserted: [
    re(String.raw`\b${OBJ},? (?:est|sont) ${INS}`),
    re(String.raw`\b(?:est|sont) ${INS},? (?:[^«]{0,120}?)${OBJ}`),
    re(String.raw`\b(?:l'intitule|les intitules) et (?:la|les) prestations? suivante?s?,? (?:est|sont) ${INS}`),
  ],
  codeAddedToList: [re(String.raw`\b${SERVICE} ${NO}(?<codes>${CODES}),? (?:est|sont) ${INS} (?<pos>apres|avant) (?:la |les )?(?:prestations? )?${NO}(?<ref>${CODES})`)],
  insertAnchor: re(String.raw`\b(?<pos>apres|avant) (?:la |le |les )*(?:prestations? )?${NO}(?<codes>\d{6})`),
  insertPosition: re(String.raw`\b(?<pos>apres|avant) (?:(?:la |les )(?:prestations? )?${NO}(?<codes>\d{6}(?: ?- ?\d{6})?)|le (?<alineaOrd>\S+) alinea|l'alinea (?<alinea>\S+)|le (?<point>\S+)°)`),
  ruleInserted: [
    re(String.raw`\b(?:la|les|une|des) (?:regles? d'application|dispositions?|phrases?|alineas?)(?: suivantes?)?(?:,? redigee?s? comme suit,?)? (?:est|sont) ${INS}`),
    re(String.raw`\b(?:un|une) (?:alinea|littera|point|phrase|disposition)(?: (?<point>[a-z]\)|\d+°))?(?:,? redige(?:e)? comme suit,?)? (?:est|sont) ${INS}`),
    re(String.raw`\b(?:est|sont) ${INS},? (?:[^«]{0,120}?)(?:la|les|une|un) (?:regles? d'application|dispositions?|phrases?|alineas?)(?: suivante?s?|,? redigee?s? comme suit)`),
    re(String.raw`(?<object>(?:le|la|les|l') ?[^,;:«]{1,90}?) (?:est|sont) completee?s? par (?:l'alinea|les alineas|la disposition|les dispositions|la phrase|les phrases|la regle d'application|les regles d'application|un alinea|une phrase|une disposition)(?: suivante?s?|,? redigee?s? comme suit)`),
  ],
  provisionChanged: [/(?<object>(?:le|la|les|l') ?[^,;:«]{1,60}?) (?:est|sont) (?<verb>remplacee?s? (?:par|comme suit)|modifiee?s? comme suit|redigee?s? comme suit|completee?s? par|abrogee?s?|supprimee?s?)/g],
  provisionObject: /^.*\b(?=(?:le|la|les|l')\s?(?:§|\S+ alinea|\S+ et \S+ alineas|alinea|libelle|texte|littera|\d+°|[a-z]\)))/,
  announcesPoints: /\bmodifications suivantes\b|\bcomme suit\b|[:,]$/,
  completedBy: /^.*?\bcompl[ée]t[ée]e?s? par\s+/i,
  wordsNoun: /\b(?:les mots|le mot|les termes|le terme)\b/,
  normative: NORMATIVE,
  boilerplate: /\bcharges? de l'execution\b|^donne a\b|^par le roi\b|^fait a\b|\bnous avons arrete\b|\barretons\b/,
  guards: {
    entryOrFormula: ['vigueur', 'effets', 'execution'],
    wordsChanged: ['mot', 'terme', 'phrase', 'mention', 'chiffre', 'date'],
    textBetween: ['le texte'],
    ruleAnchor: ["d'application"],
    valueChanged: ['valeur', 'remplace', 'modifie', 'porte'],
    relabelled: ['libelle'],
    service: ['prestation'],
    codesRemoved: ['numero', 'code'],
    servicesInserted: ['suivant'],
    ruleInserted: ['inser', 'ajout', 'introdui', 'complet'],
    provisionChanged: ['remplac', 'modifi', 'redig', 'complet', 'abrog', 'suppr'],
    pointDeleted: ['point', 'littera'],
  },
};
