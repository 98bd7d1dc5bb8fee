/**
 * The Belgian billing ecosystem's refusal codes for nomen's violated reasons (contract v1.1 §6):
 * the eFact rejection code a mutuality would answer (record type 50, the service line) and the
 * eTarif (MyCareNet tariff consultation) refusal value. The catalogue entries and their official
 * FR/NL labels are those gathered in the project's ecosystem facts (shared/spec/ecosystem.md);
 * the English label is the meaning stated there. No other code is known, so none is used: where
 * no code of the catalogue states the refusal, the field is null and the row says why.
 *
 * The mapping is ONE table (REFUSAL_TABLE): a row per violated outcome of a contract kind,
 * refined on the outcome's own fields where the kind is ambiguous (a same-day non-cumulation is
 * 500444, a same-stay one 500445; a same-day prerequisite is 500438, an earlier one 501740).
 */
import type { Detail, DetailCode } from '../rules/outcomes.js';
import type { ContractKind, LineRef } from '../rules/types.js';
import type { Locale } from './messages/types.js';

export interface Localised {
  fr: string;
  nl: string;
  en: string;
}

/** An eFact rejection code: 6 characters (record type 50, zone, error), its type letter and its labels. */
export interface EfactCode {
  code: string;
  /** The catalogue's type letter (R refusal, B blocking, F file). */
  type: 'R' | 'B' | 'F';
  /** FR and NL: the catalogue's official labels; EN: the meaning (the catalogue has no English label). */
  label: Localised;
}

/** The eTarif refusal values (be-cs-refusal-values), with their meaning. */
export const ETARIF_CODES = {
  '001': 'renewal period not yet expired',
  '002': 'maximum number of services already reached over the authorised period',
  '003': 'already reimbursed for this location (tooth, quadrant, …)',
  '004': 'L600 value reached',
  '005': 'no agreement of the medical adviser / technical council',
  '006': 'needs approval first',
  '007': 'tariff depends on other services billed at the same time',
  '008': 'prerequisite not met',
  '009': 'the nomenclature code cannot be attested on this date',
  '010': 'the service cannot be combined with another service',
} as const;
export type EtarifCode = keyof typeof ETARIF_CODES;

function efact(code: string, type: EfactCode['type'], en: string, fr: string, nl: string): EfactCode {
  return Object.freeze({ code, type, label: Object.freeze({ fr, nl, en }) });
}

/** The eFact codes nomen uses (a subset of the public catalogue; labels as published, punctuation included). */
export const EFACT_CODES = {
  '500444': efact('500444', 'R', 'non-cumulation on the same day',
    'Prestation non cumulable avec une autre prestation effectuée le même jour',
    'Verstrekking niet cumuleerbaar met een andere verstrekking op dezelfde dag.'),
  '500445': efact('500445', 'R', 'non-cumulation within the same period',
    'Prestation non cumulable avec une autre prestation effectuée pendant la même période',
    'Verstrekking niet cumuleerbaar met een andere verstrekking tijdens eenzelfde periode.'),
  '500438': efact('500438', 'R', 'must be billed together with another service the same day',
    'Prestation doit obligatoirement être cumulée avec une autre prestation effectuée le même jour',
    'Verstrekking moet verplicht vergezeld worden van een andere verstrekking op dezelfde dag.'),
  '502255': efact('502255', 'R', 'maximum number exceeded in the billed period',
    "Nombre d'unités maximum de prestation dépassé pendant la période facturée",
    'Maximum aantal eenheden overschreden tijdens de gefactureerde periode.'),
  '501740': efact('501740', 'R', 'related (prerequisite) service absent',
    'Prestation relative absente',
    'Betrekkelijke verstrekking afwezig.'),
  '5004K2': efact('5004K2', 'R', 'prior request (approval) missing',
    'Prestation pour laquelle une demande préalable fait défaut',
    'Verstrekking waarvoor een voorafgaandelijk akkoord ontbreekt'),
  '501540': efact('501540', 'R', 'provider not entitled to bill the service',
    'Dispensateur non habilité pour porter en compte la prestation',
    'Verstrekker niet bevoegd om verstrekking in rekening te brengen.'),
  '501440': efact('501440', 'R', 'place of service incompatible with the code',
    'Lieu de prestation incompatible avec le (pseudo-)code nomenclature',
    'Plaats van verstrekking niet in overeenstemming met (pseudo-)nomenclatuurcodenummer.'),
  '500420': efact('500420', 'R', 'code not valid on the date of the service',
    "(Pseudo-)code nomenclature non valable à la date mentionnée dans l'ET 50 Z 5 et/ou ET 50 Z  6.",
    '(Pseudo-)nomenclatuurcodenummer niet gekend op datum vermeld in R 50 Z 5 en/of R 50 Z 6.'),
  '500401': efact('500401', 'B', 'code not numeric',
    '(Pseudo-)code nomenclature non numérique',
    '(Pseudo-)nomenclatuurcodenummer niet numeriek.'),
  '500402': efact('500402', 'R', 'code with a wrong check digit',
    '(Pseudo-)code nomenclature avec check-digit erroné',
    '(Pseudo-)nomenclatuurcodenummer met foutief controlecijfer.'),
  '500443': efact('500443', 'R', "code incompatible with the beneficiary's age",
    "(Pseudo-)code nomenclature incompatible avec l'âge du bénéficiaire",
    '(Pseudo-)nomenclatuurcodenummer niet in overeenstemming met leeftijd rechthebbende.'),
} as const satisfies Record<string, EfactCode>;
export type EfactKey = keyof typeof EFACT_CODES;

/** A condition on a field of the outcome's detail: equal to a value, or (strings) matching a pattern. */
export type FieldTest = string | boolean | RegExp;

export interface RefusalRow {
  kind: ContractKind;
  /** The violated outcome. */
  detail: DetailCode;
  /** Refinement: every named field of the detail must pass its test (absent: any). */
  when?: Record<string, FieldTest>;
  efact: EfactKey | null;
  etarif: EtarifCode | null;
  /** Why the eFact code is null (required when it is). */
  noEfact?: Localised;
  /** Why the eTarif value is null (required when it is). */
  noEtarif?: Localised;
}

// The reasons shared by several rows.
const ETARIF_NO_PROVIDER: Localised = {
  en: "eTarif is consulted by the provider about their own services: none of its refusal values (001–010) concerns the provider's entitlement",
  fr: "eTarif est consulté par le dispensateur pour ses propres prestations : aucune de ses valeurs de refus (001–010) ne porte sur l'habilitation du dispensateur",
  nl: 'eTarif wordt door de verstrekker zelf geraadpleegd voor zijn eigen verstrekkingen: geen van zijn weigeringswaarden (001–010) betreft de bevoegdheid van de verstrekker',
};
const ETARIF_NO_CODE_FORM: Localised = {
  en: 'eTarif has no refusal value (001–010) for a malformed code: such a request is refused before any tariff is consulted',
  fr: "eTarif n'a pas de valeur de refus (001–010) pour un code mal formé : une telle demande est refusée avant toute consultation du tarif",
  nl: 'eTarif heeft geen weigeringswaarde (001–010) voor een misvormde code: zo een aanvraag wordt geweigerd vóór het tarief wordt geraadpleegd',
};
const ETARIF_NO_PATIENT: Localised = {
  en: "none of eTarif's refusal values (001–010) concerns a condition on the beneficiary (age, sex, hospital service)",
  fr: "aucune des valeurs de refus d'eTarif (001–010) ne porte sur une condition relative au bénéficiaire (âge, sexe, service hospitalier)",
  nl: 'geen van de weigeringswaarden van eTarif (001–010) betreft een voorwaarde over de rechthebbende (leeftijd, geslacht, ziekenhuisdienst)',
};
const ETARIF_NO_PLACE: Localised = {
  en: "none of eTarif's refusal values (001–010) concerns the place of service or the setting",
  fr: "aucune des valeurs de refus d'eTarif (001–010) ne porte sur le lieu de prestation ou le régime ambulatoire/hospitalisé",
  nl: 'geen van de weigeringswaarden van eTarif (001–010) betreft de plaats van verstrekking of het ambulante/gehospitaliseerde regime',
};
const EFACT_NO_PATIENT: Localised = {
  en: 'no eFact code of the catalogue known to nomen states this condition on the beneficiary; none is guessed',
  fr: "aucun code eFact du catalogue connu de nomen n'énonce cette condition relative au bénéficiaire ; aucun n'est deviné",
  nl: 'geen eFact-code uit de catalogus die nomen kent, drukt deze voorwaarde over de rechthebbende uit; er wordt er geen geraden',
};
const NO_DATES: Localised = {
  en: 'no code of the catalogue known to nomen states a line whose dates contradict each other (a service before the birth date or before the admission of its stay); none is guessed',
  fr: "aucun code du catalogue connu de nomen n'énonce une ligne dont les dates se contredisent (une prestation avant la date de naissance ou avant l'admission de son séjour) ; aucun n'est deviné",
  nl: 'geen code uit de catalogus die nomen kent, drukt een regel uit waarvan de datums elkaar tegenspreken (een verstrekking vóór de geboortedatum of vóór de opname van het verblijf); er wordt er geen geraden',
};
const NO_TIER: Localised = {
  en: "no code of the catalogue known to nomen states a per-day code that does not match the day of the stay; none is guessed",
  fr: "aucun code du catalogue connu de nomen n'énonce un code par journée qui ne correspond pas au jour du séjour ; aucun n'est deviné",
  nl: 'geen code uit de catalogus die nomen kent, drukt een code per dag uit die niet overeenkomt met de dag van het verblijf; er wordt er geen geraden',
};

/**
 * The mapping: violated outcome → eFact code, eTarif value. Every violated outcome the rule kinds
 * produce has exactly one row (refusal-codes.test.ts holds a case per row and checks coverage).
 */
export const REFUSAL_TABLE: readonly RefusalRow[] = [
  // --- the code itself ---
  { kind: 'unknown-code', detail: 'code.not-a-code', when: { service: /^\d*$/ }, efact: null, etarif: null,
    noEfact: {
      en: 'a numeric code of the wrong length: the eFact code zone is numeric, and no code of the catalogue known to nomen states a wrong length',
      fr: "un code numérique de longueur erronée : la zone du code eFact est numérique et aucun code du catalogue connu de nomen n'énonce une longueur erronée",
      nl: 'een numerieke code met een verkeerde lengte: de codezone van eFact is numeriek en geen code uit de catalogus die nomen kent, drukt een verkeerde lengte uit',
    },
    noEtarif: ETARIF_NO_CODE_FORM },
  { kind: 'unknown-code', detail: 'code.not-a-code', efact: '500401', etarif: null, noEtarif: ETARIF_NO_CODE_FORM },
  { kind: 'unknown-code', detail: 'code.invalid-check-digit', efact: '500402', etarif: null, noEtarif: ETARIF_NO_CODE_FORM },
  // a code nomen does not know on the date is refused as not known on the date (the NL label's words)
  { kind: 'unknown-code', detail: 'code.unknown', efact: '500420', etarif: '009' },
  { kind: 'not-in-force', detail: 'code.not-yet-in-force', efact: '500420', etarif: '009' },
  { kind: 'not-in-force', detail: 'code.deleted', efact: '500420', etarif: '009' },
  // --- setting (ambulatory / hospitalised twin) ---
  { kind: 'setting', detail: 'setting.ambulatory-code-in-stay', efact: null, etarif: null,
    noEfact: {
      en: 'eFact tells an ambulatory from a hospitalised service by the code of the pair itself; no code of the catalogue known to nomen states the wrong twin, and none is guessed',
      fr: "eFact distingue une prestation ambulatoire d'une prestation hospitalisée par le code de la paire lui-même ; aucun code du catalogue connu de nomen n'énonce le mauvais code de la paire, et aucun n'est deviné",
      nl: 'eFact onderscheidt een ambulante van een gehospitaliseerde verstrekking door de code van het paar zelf; geen code uit de catalogus die nomen kent, drukt de verkeerde code van het paar uit, en er wordt er geen geraden',
    },
    noEtarif: ETARIF_NO_PLACE },
  { kind: 'setting', detail: 'setting.hospitalised-code-without-stay', efact: null, etarif: null,
    noEfact: {
      en: 'eFact tells an ambulatory from a hospitalised service by the code of the pair itself; no code of the catalogue known to nomen states the wrong twin, and none is guessed',
      fr: "eFact distingue une prestation ambulatoire d'une prestation hospitalisée par le code de la paire lui-même ; aucun code du catalogue connu de nomen n'énonce le mauvais code de la paire, et aucun n'est deviné",
      nl: 'eFact onderscheidt een ambulante van een gehospitaliseerde verstrekking door de code van het paar zelf; geen code uit de catalogus die nomen kent, drukt de verkeerde code van het paar uit, en er wordt er geen geraden',
    },
    noEtarif: ETARIF_NO_PLACE },
  // --- frequency: every period nomen counts is a billed period (502256 is a period granted by an approval) ---
  { kind: 'frequency', detail: 'frequency.exceeded', efact: '502255', etarif: '002' },
  // --- interval ---
  { kind: 'interval', detail: 'interval.too-soon', efact: null, etarif: '001',
    noEfact: {
      en: 'no eFact code of the catalogue known to nomen states a minimum interval between two services (502255 is a maximum number in a period); none is guessed',
      fr: "aucun code eFact du catalogue connu de nomen n'énonce un délai minimum entre deux prestations (502255 est un nombre maximum sur une période) ; aucun n'est deviné",
      nl: 'geen eFact-code uit de catalogus die nomen kent, drukt een minimale termijn tussen twee verstrekkingen uit (502255 is een maximum aantal in een periode); er wordt er geen geraden',
    } },
  // --- non-cumulation: the scope decides ---
  { kind: 'non-cumulation', detail: 'non-cumulation.conflict', when: { scope: 'day' }, efact: '500444', etarif: '010' },
  { kind: 'non-cumulation', detail: 'non-cumulation.conflict', when: { scope: 'stay' }, efact: '500445', etarif: '010' },
  // --- prerequisite: the same day, or earlier ---
  { kind: 'prerequisite', detail: 'prerequisite.missing', when: { timing: 'same-day' }, efact: '500438', etarif: '008' },
  { kind: 'prerequisite', detail: 'prerequisite.missing', efact: '501740', etarif: '008' },
  { kind: 'prerequisite', detail: 'prerequisite.no-stay', efact: '501740', etarif: '008' },
  // --- approval: missing, or dated after the service (no prior approval on the date) ---
  { kind: 'approval', detail: 'approval.missing', efact: '5004K2', etarif: '006' },
  { kind: 'approval', detail: 'approval.late', efact: '5004K2', etarif: '006' },
  // --- provider ---
  { kind: 'provider', detail: 'provider.not-allowed', efact: '501540', etarif: null, noEtarif: ETARIF_NO_PROVIDER },
  { kind: 'provider', detail: 'provider.collaborator-missing', efact: '501540', etarif: null, noEtarif: ETARIF_NO_PROVIDER },
  // --- patient ---
  { kind: 'patient', detail: 'patient.age-not-met', efact: '500443', etarif: null, noEtarif: ETARIF_NO_PATIENT },
  { kind: 'patient', detail: 'patient.sex-not-met', efact: null, etarif: null, noEfact: EFACT_NO_PATIENT, noEtarif: ETARIF_NO_PATIENT },
  { kind: 'patient', detail: 'patient.no-stay', efact: null, etarif: null, noEfact: EFACT_NO_PATIENT, noEtarif: ETARIF_NO_PATIENT },
  { kind: 'patient', detail: 'patient.service-forbidden', efact: null, etarif: null, noEfact: EFACT_NO_PATIENT, noEtarif: ETARIF_NO_PATIENT },
  { kind: 'patient', detail: 'patient.service-not-allowed', efact: null, etarif: null, noEfact: EFACT_NO_PATIENT, noEtarif: ETARIF_NO_PATIENT },
  // --- place: the institution (the place of service) has no convention for the code ---
  { kind: 'place', detail: 'place.no-convention', efact: '501440', etarif: null, noEtarif: ETARIF_NO_PLACE },
  { kind: 'place', detail: 'place.unknown-institution', efact: '501440', etarif: null, noEtarif: ETARIF_NO_PLACE },
  // --- document ---
  { kind: 'document', detail: 'document.missing', efact: null, etarif: null,
    noEfact: {
      en: 'no eFact code of the catalogue known to nomen states a missing document (500446 is a missing justification of a medical adviser’s approval); none is guessed',
      fr: "aucun code eFact du catalogue connu de nomen n'énonce un document manquant (500446 est la justification manquante d'un accord du médecin-conseil) ; aucun n'est deviné",
      nl: 'geen eFact-code uit de catalogus die nomen kent, drukt een ontbrekend document uit (500446 is een ontbrekende verantwoording bij een akkoord van de adviserend geneesheer); er wordt er geen geraden',
    },
    noEtarif: {
      en: "none of eTarif's refusal values (001–010) concerns a document",
      fr: "aucune des valeurs de refus d'eTarif (001–010) ne porte sur un document",
      nl: 'geen van de weigeringswaarden van eTarif (001–010) betreft een document',
    } },
  // --- tier (per-day codes of a stay) ---
  { kind: 'tier', detail: 'tier.no-stay', efact: null, etarif: null, noEfact: NO_TIER, noEtarif: NO_TIER },
  { kind: 'tier', detail: 'tier.before-admission', efact: null, etarif: null, noEfact: NO_TIER, noEtarif: NO_TIER },
  { kind: 'tier', detail: 'tier.wrong-day', efact: null, etarif: null, noEfact: NO_TIER, noEtarif: NO_TIER },
  // --- plausibility (generic checks of the request's dates) ---
  { kind: 'patient', detail: 'plausibility.born-after-service', efact: null, etarif: null, noEfact: NO_DATES, noEtarif: NO_DATES },
  { kind: 'setting', detail: 'plausibility.before-admission', efact: null, etarif: null, noEfact: NO_DATES, noEtarif: NO_DATES },
];

/** What a violated reason carries (contract v1.1): the codes, and why one is null. */
export interface RefusalCodes {
  efact: EfactCode | null;
  etarif: EtarifCode | null;
  efactReason?: string;
  etarifReason?: string;
}

const NO_ROW: Localised = {
  en: 'no refusal code is mapped for this outcome',
  fr: "aucun code de refus n'est associé à ce résultat",
  nl: 'aan dit resultaat is geen weigeringscode gekoppeld',
};

function passes(detail: Detail, when: Record<string, FieldTest> | undefined): boolean {
  if (when === undefined) return true;
  const d = detail as unknown as Record<string, unknown>;
  for (const [field, test] of Object.entries(when)) {
    const v = d[field];
    if (test instanceof RegExp ? !(typeof v === 'string' && test.test(v)) : v !== test) return false;
  }
  return true;
}

/** The table's row of a violated outcome (the first whose kind, detail code and refinement match), or null. */
export function refusalRow(kind: ContractKind, detail: Detail): RefusalRow | null {
  for (const row of rowsOf(detail.code)) if (row.kind === kind && passes(detail, row.when)) return row;
  return null;
}

const byDetail = new Map<DetailCode, RefusalRow[]>();
for (const row of REFUSAL_TABLE) {
  const rows = byDetail.get(row.detail);
  if (rows === undefined) byDetail.set(row.detail, [row]);
  else rows.push(row);
}
function rowsOf(code: DetailCode): readonly RefusalRow[] {
  return byDetail.get(code) ?? [];
}

/** One frozen answer per row and locale: reasons share it, and the serializer encodes it once. */
const answers = new WeakMap<RefusalRow, Partial<Record<Locale, RefusalCodes>>>();
const unmapped: Partial<Record<Locale, RefusalCodes>> = {};

/**
 * The codes of a violated reason, in `locale` for the reasons of null codes. An outcome without a
 * row (a kind added later) gets null codes with that reason, never a guess.
 */
export function refusalCodesOf(kind: ContractKind, detail: Detail, locale: Locale = 'en'): RefusalCodes {
  const row = refusalRow(kind, detail);
  if (row === null) {
    return (unmapped[locale] ??= Object.freeze({ efact: null, etarif: null, efactReason: NO_ROW[locale], etarifReason: NO_ROW[locale] }));
  }
  let byLocale = answers.get(row);
  if (byLocale === undefined) answers.set(row, (byLocale = {}));
  let a = byLocale[locale];
  if (a === undefined) {
    const out: RefusalCodes = { efact: row.efact === null ? null : EFACT_CODES[row.efact], etarif: row.etarif };
    if (row.efact === null) out.efactReason = (row.noEfact ?? NO_ROW)[locale];
    if (row.etarif === null) out.etarifReason = (row.noEtarif ?? NO_ROW)[locale];
    byLocale[locale] = a = Object.freeze(out);
  }
  return a;
}

/**
 * The earlier service that caused a refusal, as eTarif names it (its code and date): the line
 * the conflict is with, the previous service of an interval, the last line counted by a maximum.
 */
export function causeOf(detail: Detail): LineRef | null {
  switch (detail.code) {
    case 'non-cumulation.conflict':
      return detail.other;
    case 'interval.too-soon':
      return detail.previous;
    case 'frequency.exceeded':
      return detail.lines.length ? detail.lines[detail.lines.length - 1] : null;
    default:
      return null;
  }
}
