/**
 * The Dutch amending formulas (folded: no accents, lower case, quotes as «k»). Dutch puts the
 * verb last in the subordinate order ("wordt … vervangen", "worden … ingevoegd") and often the
 * finite verb first ("wordt na de verstrekking X de volgende verstrekking ingevoegd"): where
 * both orders occur, both are listed.
 */
import { NO, codeList, quoteList, re } from './common.js';
import type { Grammar, Operation, Position } from './types.js';

const CODES = codeList(['en', 'of']);
const QLIST = quoteList(['en', 'of']);
const IS = String.raw`(?:wordt|worden)`;
// Dutch puts adverbials between the finite verb and its object ("wordt in de verstrekking X de …").
const GAP = String.raw`(?:[^«:;]{0,160}? )?`;
const INS = String.raw`(?:ingevoegd|toegevoegd|ingelast)`;
const DEL = String.raw`(?:opgeheven|geschrapt|weggelaten|geschrapt)`;
const WORDS = String.raw`(?:de woorden|het woord|de termen|de term)`;
const WORDS_OBJECT = String.raw`(?:de woorden|het woord|de termen|de term|de zin|de zinnen|de vermelding|de vermeldingen|het cijfer|de cijfers|het getal|de datum|de data)`;
const SERVICE = String.raw`(?:de )?verstrekking(?:en)?`;
const RULE = String.raw`(?:toepassingsregels?|toepassingsregel)`;
const RULE_ANCHOR = String.raw`(?:(?:het )?(?:lid (?<alinea>\S+)|(?<alineaOrd>\S+) lid) van )?(?:(?:de|het) (?:(?<ord>\S+) )?)?${RULE} (?:die (?:volgt|volgen) op|volgend op|na) (?:de verstrekking(?:en)?|verstrekking(?:en)?)(?: ${NO}(?<ruleCodes>${CODES}))?`;
const WITH_RULES = String.raw`(?<withRules>,? en (?:de )?${RULE} die (?:erop|er op|daarop|hierop) (?:betrekking (?:hebben|heeft)|volgen|volgt),?)`;
const OBJ = String.raw`(?:de volgende|het volgende) (?:opschrift(?:en)? en (?:de )?)?verstrekkings?(?:en)?(?<withRules> en (?:de )?(?:volgende )?${RULE})?`;
const ADDED_PROVISION = String.raw`(?:een lid|de volgende leden|het volgende lid|een zin|de volgende zin|de volgende zinnen|een bepaling|de volgende bepaling|een ${RULE}|de volgende ${RULE})`;
const VALUE = String.raw`(?:de )?betrekkelijke waarden?`;
const FROM = String.raw`(?:«(?<from>\d+)» )?`;
const OF_SERVICE = String.raw`(?:van (?:de )?verstrekking(?:en)? ${NO}(?<codes>${CODES}),? )?`;
const TO = String.raw`(?:«(?<to>\d+)»|(?<toLetter>[a-z]) (?<toNumber>\d[\d.,]*\d|\d))`;

const OPERATIONS: [RegExp, Operation][] = [
  [/^(?:vervang|gewijzigd|gebracht|vastgesteld)/, 'replace'],
  [/^(?:opgeheven|geschrapt|weggelaten)/, 'delete'],
  [/^(?:ingevoegd|toegevoegd|ingelast)/, 'insert'],
  [/^aangevuld/, 'complete'],
];

const NORMATIVE = new RegExp([
  String.raw`\b(?:wordt|worden|is|zijn|werd|werden) (?:\w+ )*?(?:vervangen|ingevoegd|toegevoegd|opgeheven|geschrapt|gewijzigd|aangevuld|weggelaten|beperkt|vastgesteld|gebracht|aangerekend|vergoed|toegestaan|verboden|voorbehouden)\b`,
  String.raw`\b(?:slechts|enkel|uitsluitend|maximaal|maximum|ten hoogste|eenmaal|een keer|niet cumuleerbaar|cumuleerbaar)\b`,
  String.raw`\b(?:mag|mogen|kan|kunnen|moet|moeten|dient|dienen|mocht)\b`,
  String.raw`\btreed(?:t|en) in werking\b|\bheeft uitwerking\b|\bhebben uitwerking\b`,
  String.raw`\bvolgende wijzigingen\b|\bwijzigingen aangebracht\b`,
].join('|'));

export const NL: Grammar = {
  lang: 'nl',
  operation: (verb) => OPERATIONS.find(([r]) => r.test(verb))?.[1] ?? null,
  position: (word): Position | null => (word === 'na' ? 'after' : word === 'voor' ? 'before' : null),
  entryOrFormula: /\btreed(?:t|en) in werking\b|\bin werking (?:treedt|treden)\b|\b(?:heeft|hebben) uitwerking\b|\bbelast met de uitvoering\b/,
  wordsChanged: [
    re(String.raw`\b${WORDS_OBJECT} (?<olds>${QLIST}),? ${IS} (?:telkens |respectievelijk )?(?<verb>vervangen|${DEL})(?: door (?:${WORDS} )?(?<news>${QLIST}))?`, 'g'),
    re(String.raw`\b${IS} ${GAP}(?:telkens |respectievelijk )?${WORDS_OBJECT} (?<olds>${QLIST}),? (?:telkens |respectievelijk )?(?<verb>vervangen|${DEL})(?: door (?:${WORDS} )?(?<news>${QLIST}))?`, 'g'),
    // "tussen de woorden «a» en «b» worden de woorden «x» ingevoegd", "na het woord «a» wordt …".
    re(String.raw`\b(?:(?<pos>na|voor) (?:${WORDS} )?«(?<anchor>\d+)»|tussen (?:${WORDS} )?«(?<left>\d+)» en (?:${WORDS} )?«(?<right>\d+)»),? ${IS} ${WORDS} (?<olds>${QLIST}) (?<verb>${INS})`, 'g'),
    re(String.raw`\b${IS} ${GAP}(?:(?<pos>na|voor) (?:${WORDS} )?«(?<anchor>\d+)»|tussen (?:${WORDS} )?«(?<left>\d+)» en (?:${WORDS} )?«(?<right>\d+)»),? ${WORDS} (?<olds>${QLIST}) (?<verb>${INS})`, 'g'),
    re(String.raw`\b${IS} ${GAP}${WORDS} (?<olds>${QLIST}),? (?<verb>${INS})(?: (?<pos>na|voor) (?:${WORDS} )?«(?<anchor>\d+)»| tussen (?:${WORDS} )?«(?<left>\d+)» en (?:${WORDS} )?«(?<right>\d+)»)?`, 'g'),
    re(String.raw`\b${WORDS} (?<olds>${QLIST}),? ${IS} (?<verb>${INS})(?: (?<pos>na|voor) (?:${WORDS} )?«(?<anchor>\d+)»| tussen (?:${WORDS} )?«(?<left>\d+)» en (?:${WORDS} )?«(?<right>\d+)»)?`, 'g'),
  ],
  labelAnchor: re(String.raw`\b(?:de )?omschrijving (?:van de verstrekking(?:en)?|van verstrekking(?:en)?) ${NO}(?<codes>${CODES})`),
  textBetween: /\bde tekst (?:die )?(?:begint|beginnend|aanvangend|aanvangt) met «(?<first>\d+)» en (?:eindigt|eindigend|die eindigt) (?:met|op) «(?<last>\d+)»,? (?:wordt|worden) vervangen (?:door|als volgt)/,
  codeIntoRule: re(String.raw`${RULE_ANCHOR},? ${IS} (?:het (?:nummer|codenummer) |de (?:nummers|codenummers) |de verstrekking(?:en)? )?${NO}(?<codes>${CODES}) ${INS} (?<pos>na|voor) (?:het (?:nummer|codenummer) |de verstrekking )?${NO}(?<ref>${CODES})`),
  ruleCompletedWithCodes: re(String.raw`${RULE_ANCHOR},? ${IS} aangevuld met (?:het (?:nummer|codenummer) |de (?:nummers|codenummers) |de verstrekking(?:en)? )?${NO}(?<codes>${CODES})`),
  ruleReplaced: [
    re(String.raw`${RULE_ANCHOR},? ${IS} (?:(?<replace>vervangen (?:door|als volgt)|gewijzigd als volgt)|(?<repeal>${DEL}))`),
    re(String.raw`\b${IS} ${GAP}${RULE_ANCHOR},? (?:(?<replace>vervangen (?:door|als volgt)|gewijzigd als volgt)|(?<repeal>${DEL}))`),
  ],
  valueChanged: [
    // "de betrekkelijke waarde «U 598» wordt door de betrekkelijke waarde «U 553» vervangen" and its other orders.
    re(String.raw`\b${VALUE} ${FROM}${OF_SERVICE}${IS} door (?:${VALUE} )?${TO} vervangen`, 'g'),
    re(String.raw`\b${VALUE} ${FROM}${OF_SERVICE}${IS} (?:vervangen door|gebracht op|vastgesteld op) (?:${VALUE} )?${TO}`, 'g'),
    re(String.raw`\b${VALUE} ${FROM}${OF_SERVICE}${IS} op ${TO} (?:gebracht|vastgesteld)`, 'g'),
    re(String.raw`\b${VALUE} ${OF_SERVICE}${IS} van «(?<from>\d+)» (?:op|naar) ${TO} gebracht`, 'g'),
    re(String.raw`\b${IS} ${GAP}${VALUE} ${OF_SERVICE}van «(?<from>\d+)» (?:op|naar) ${TO} gebracht`, 'g'),
    re(String.raw`\b${IS} ${GAP}${VALUE} ${FROM}${OF_SERVICE}(?:vervangen door|gebracht op|vastgesteld op) (?:${VALUE} )?${TO}`, 'g'),
    re(String.raw`\b${IS} ${GAP}${VALUE} ${FROM}${OF_SERVICE}door (?:${VALUE} )?${TO} vervangen`, 'g'),
  ],
  serviceAnchor: re(String.raw`(?:^|[,;:] |\b(?:in|bij|voor) )(?:de )?(?:verstrekking(?:en)?|omschrijving van de verstrekking) ${NO}(?<codes>${CODES})(?:,|$| (?:de|het|wordt|worden))`),
  serviceContext: re(String.raw`(?:^(?:in|bij|voor) |\bwijzigingen aangebracht (?:aan|in) )(?:de )?verstrekking ${NO}(?<codes>${CODES})\s*[,:]?`),
  bareValueChanged: [
    re(String.raw`«(?<from>\d+)»,? ${IS} (?:vervangen door|gebracht op) «(?<to>\d+)»`, 'g'),
    re(String.raw`«(?<from>\d+)»,? ${IS} door «(?<to>\d+)» vervangen`, 'g'),
    re(String.raw`\b${IS} ${GAP}«(?<from>\d+)» (?:vervangen door|gebracht op) «(?<to>\d+)»`, 'g'),
    re(String.raw`\b${IS} ${GAP}«(?<from>\d+)» door «(?<to>\d+)» vervangen`, 'g'),
  ],
  relabelled: [
    re(String.raw`\b(?:de )?omschrijving(?:en)?(?<withValue> en (?:de )?betrekkelijke waarden?)? van (?:(?<following>de volgende) verstrekkingen|(?:de )?verstrekking(?:en)? ${NO}(?<codes>${CODES})),? ${IS} (?:vervangen|gewijzigd) (?:als volgt|door wat volgt|door)`),
    re(String.raw`\b${IS} ${GAP}(?:de )?omschrijving(?:en)?(?<withValue> en (?:de )?betrekkelijke waarden?)? van (?:(?<following>de volgende) verstrekkingen|(?:de )?verstrekking(?:en)? ${NO}(?<codes>${CODES})),? (?:vervangen|gewijzigd) (?:als volgt|door wat volgt|door)`),
  ],
  codesRemoved: [
    re(String.raw`\b(?:de |het )?(?:nummers?|codenummers?|codes?|verstrekkingsnummers?)(?: van de verstrekking(?:en)?)? ${NO}(?<codes>${CODES}),? ${IS} ${DEL}`),
    re(String.raw`\b${IS} ${GAP}(?:de |het )?(?:nummers?|codenummers?|codes?|verstrekkingsnummers?)(?: van de verstrekking(?:en)?)? ${NO}(?<codes>${CODES}),? ${DEL}`),
  ],
  servicesDeleted: [
    re(String.raw`\bde volgende verstrekkingen?,? ${IS} ${DEL}\s*:? ${NO}(?<codes>${CODES})`, 'g'),
    re(String.raw`\b${SERVICE} ${NO}(?<codes>${CODES})${WITH_RULES}?,? ${IS} ${DEL}`, 'g'),
    re(String.raw`\b${IS} ${GAP}${SERVICE} ${NO}(?<codes>${CODES})${WITH_RULES}? ${DEL}`, 'g'),
    // The code quoted in a copy: "wordt de verstrekking "426311" geschrapt".
    re(String.raw`\b${SERVICE} «(?<quoted>\d+)»,? ${IS} ${DEL}`, 'g'),
    re(String.raw`\b${IS} ${GAP}${SERVICE} «(?<quoted>\d+)» ${DEL}`, 'g'),
  ],
  pointDeleted: [
    re(String.raw`\b(?:het )?(?:punt|littera) (?<point>[a-z]\)|\d+°) en de verstrekkingen die (?:het|erin|daarin) (?:bevat|omvat|vermeld (?:zijn|worden)|opgenomen zijn),? ${IS} ${DEL}`),
    re(String.raw`\b${IS} (?:het )?(?:punt|littera) (?<point>[a-z]\)|\d+°) en de verstrekkingen die (?:het|erin|daarin) (?:bevat|omvat|vermeld (?:zijn|worden)|opgenomen zijn),? ${DEL}`),
  ],
  serviceReplaced: [
    re(String.raw`\b${SERVICE} ${NO}(?<codes>${CODES}),? ${IS} vervangen (?:door de volgende (?:verstrekking(?:en)?|bepaling(?:en)?)|als volgt|door wat volgt|door)`),
    re(String.raw`\b${IS} ${GAP}${SERVICE} ${NO}(?<codes>${CODES}),? vervangen (?:door de volgende (?:verstrekking(?:en)?|bepaling(?:en)?)|als volgt|door wat volgt|door)`),
  ],
  servicesInserted: [
    re(String.raw`\b${OBJ},? ${IS} (?:[^«]{0,120}? )?${INS}`),
    // The verb first, the object later, with a locator that may quote a heading in between.
    re(String.raw`\b${IS} (?:(?:[^«]|«\d+»){0,200}? )?${OBJ} (?:[^«]{0,80}? )?${INS}`),
    re(String.raw`\b${IS} ${GAP}${OBJ} (?:[^«]{0,80}? )?${INS}`),
  ],
  codeAddedToList: [
    re(String.raw`\b${SERVICE} ${NO}(?<codes>${CODES}),? ${IS} ${INS} (?<pos>na|voor) (?:de )?(?:verstrekking(?:en)? )?${NO}(?<ref>${CODES})`),
    re(String.raw`\b${IS} (?<pos>na|voor) (?:de )?(?:verstrekking(?:en)? )?${NO}(?<ref>${CODES}),? ${SERVICE} ${NO}(?<codes>${CODES}) ${INS}`),
    re(String.raw`\b${IS} ${GAP}${SERVICE} ${NO}(?<codes>${CODES}),? ${INS} (?<pos>na|voor) (?:de )?(?:verstrekking(?:en)? )?${NO}(?<ref>${CODES})`),
  ],
  insertAnchor: re(String.raw`\b(?<pos>na|voor) (?:de |het )*(?:verstrekking(?:en)? )?${NO}(?<codes>\d{6})`),
  insertPosition: re(String.raw`\b(?<pos>na|voor) (?:(?:de )(?:verstrekking(?:en)? )?${NO}(?<codes>\d{6}(?: ?- ?\d{6})?)|het (?<alineaOrd>\S+) lid|lid (?<alinea>\S+)|(?:het )?(?<point>\S+)°)`),
  ruleInserted: [
    re(String.raw`\b(?:de volgende|het volgende|een|de) (?:${RULE}|bepaling(?:en)?|zin|zinnen|leden|lid)(?:,? luidende(?: als volgt)?,?)? ${IS} (?:[^«]{0,120}? )?${INS}`),
    re(String.raw`\b${IS} (?:[^«]{0,120}? )?(?:de volgende|het volgende|een) (?:${RULE}|bepaling(?:en)?|zin|zinnen|leden|lid|punt|littera)(?: (?<point>[a-z]\)|\d+°))?(?:,? luidende(?: als volgt)?)?,? (?:[^«]{0,60}? )?${INS}`),
    re(String.raw`\b(?:een|de volgende|het volgende) (?:punt|littera|lid|zin|bepaling)(?: (?<point>[a-z]\)|\d+°))?(?:,? luidende(?: als volgt)?,?)? ${IS} ${INS}`),
    re(String.raw`(?<object>(?:de|het) ?[^,;:«]{1,90}?|§ \d+\S*) ${IS} aangevuld met ${ADDED_PROVISION}`),
    re(String.raw`\b${IS} (?<object>(?:de|het) [^,;:«]{1,90}?|§ \d+\S*) aangevuld met ${ADDED_PROVISION}`),
  ],
  provisionChanged: [
    /(?<object>(?:de|het) ?[^,;:«]{1,60}?|§ \d+\S*) (?:wordt|worden) (?<verb>vervangen (?:door|als volgt)|gewijzigd als volgt|aangevuld met|opgeheven|geschrapt)/g,
    /\b(?:wordt|worden) (?<object>(?:de|het) [^,;:«]{1,60}?|§ \d+\S*),? (?<verb>vervangen (?:door|als volgt)|gewijzigd als volgt|aangevuld met|opgeheven|geschrapt)/g,
  ],
  provisionObject: /^.*\b(?=(?:de|het)\s?(?:§|\S+ lid|\S+ en \S+ lid|lid|omschrijving|tekst|littera|punt|\d+°|[a-z]\)))|^.*(?<![\p{L}\d])(?=§ \d)/u,
  announcesPoints: /\bvolgende wijzigingen\b|\bals volgt\b|[:,]$/,
  completedBy: /^.*?\baangevuld met\s+/i,
  wordsNoun: /\b(?:de woorden|het woord|de termen|de term)\b/,
  normative: NORMATIVE,
  boilerplate: /\bbelast met de uitvoering\b|^gegeven te\b|^van koningswege\b|\bhebben wij besloten\b|\bbesluiten wij\b/,
  guards: {
    entryOrFormula: ['werking', 'uitwerking', 'uitvoering'],
    wordsChanged: ['woord', 'term', 'zin', 'vermelding', 'cijfer', 'getal', 'datum', 'data'],
    textBetween: ['de tekst'],
    ruleAnchor: ['toepassingsregel'],
    valueChanged: ['waarde', 'vervang', 'gebracht'],
    relabelled: ['omschrijving'],
    service: ['verstrekking'],
    codesRemoved: ['nummer', 'code'],
    servicesInserted: ['volgend'],
    ruleInserted: ['ingevoegd', 'toegevoegd', 'ingelast', 'aangevuld'],
    provisionChanged: ['vervang', 'gewijzigd', 'aangevuld', 'opgeheven', 'geschrapt'],
    pointDeleted: ['punt', 'littera'],
  },
};
