/**
 * Errors in a FHIR resource as an OperationOutcome: each issue names the element (a FHIRPath
 * expression such as `Claim.item[0].servicedDate`) and says what is wrong in the language asked.
 * Issues are data (a code and its fields); the sentences are rendered per locale here.
 */
import type { Locale } from '../engine/messages/types.js';

/** What can be wrong with an element, with the fields each message needs. */
export type IssueDetail =
  | { problem: 'not-json'; message: string }
  | { problem: 'not-utf8'; message: string }
  | { problem: 'resource-type'; got: string | null }
  | { problem: 'no-claim' }
  | { problem: 'many-claims'; count: number }
  | { problem: 'required' }
  | { problem: 'prohibited' }
  | { problem: 'fixed-value'; expected: string; got: string }
  | { problem: 'type'; expected: 'object' | 'array' | 'string' | 'date' | 'positive-integer' | 'reference' }
  | { problem: 'no-coding'; system: string }
  | { problem: 'unknown-sequence'; of: 'careTeam' | 'supportingInfo'; sequence: number }
  | { problem: 'duplicate-sequence'; sequence: number }
  | { problem: 'not-in-vocabulary'; value: string; allowed: readonly string[] }
  | { problem: 'request'; message: string }
  | { problem: 'too-many'; message: string };

export interface Issue {
  /** FHIRPath of the element, e.g. `Claim.item[0].servicedDate`. */
  expression: string;
  detail: IssueDetail;
}

/** The OperationOutcome issue type of each problem (R4 IssueType). */
const ISSUE_TYPE: Record<IssueDetail['problem'], string> = {
  'not-json': 'structure',
  'not-utf8': 'structure',
  'resource-type': 'not-supported',
  'no-claim': 'required',
  'many-claims': 'multiple-matches',
  required: 'required',
  prohibited: 'structure',
  'fixed-value': 'value',
  type: 'structure',
  'no-coding': 'code-invalid',
  'unknown-sequence': 'not-found',
  'duplicate-sequence': 'duplicate',
  'not-in-vocabulary': 'code-invalid',
  request: 'invalid',
  'too-many': 'too-costly',
};

type Renderers = { [P in IssueDetail['problem']]: (d: Extract<IssueDetail, { problem: P }>) => string };

const TYPES: Record<Locale, Record<Extract<IssueDetail, { problem: 'type' }>['expected'], string>> = {
  en: { object: 'an object', array: 'an array', string: 'a string', date: 'a real calendar date YYYY-MM-DD', 'positive-integer': 'a positive whole number', reference: 'a reference (reference or identifier)' },
  fr: { object: 'un objet', array: 'un tableau', string: 'une chaîne', date: 'une vraie date AAAA-MM-JJ', 'positive-integer': 'un nombre entier positif', reference: 'une référence (reference ou identifier)' },
  nl: { object: 'een object', array: 'een lijst', string: 'een tekenreeks', date: 'een echte datum JJJJ-MM-DD', 'positive-integer': 'een positief geheel getal', reference: 'een verwijzing (reference of identifier)' },
};

const MESSAGES: Record<Locale, Renderers> = {
  en: {
    'not-json': (d) => `not valid JSON: ${d.message}`,
    'not-utf8': (d) => d.message,
    'resource-type': (d) => `expected a Claim (profile be-etariff-claim) or a Bundle holding one; got ${d.got === null ? 'no resourceType' : `"${d.got}"`}`,
    'no-claim': () => 'the Bundle holds no Claim with use "predetermination"',
    'many-claims': (d) => `the Bundle holds ${d.count} Claims with use "predetermination": one is decided per request`,
    required: () => 'required by the profile be-etariff-claim, and missing',
    prohibited: () => 'not allowed by the profile be-etariff-claim (0..0): the amounts are what the answer gives',
    'fixed-value': (d) => `must be "${d.expected}" (profile be-etariff-claim); got "${d.got}"`,
    type: (d) => `expected ${TYPES.en[d.expected]}`,
    'no-coding': (d) => `no coding in the system ${d.system}`,
    'unknown-sequence': (d) => `no ${d.of} with sequence ${d.sequence} in the Claim`,
    'duplicate-sequence': (d) => `sequence ${d.sequence} is used twice`,
    'not-in-vocabulary': (d) => `"${d.value}" is not one of ${d.allowed.join(', ')}`,
    request: (d) => d.message,
    'too-many': (d) => d.message,
  },
  fr: {
    'not-json': (d) => `JSON invalide : ${d.message}`,
    'not-utf8': (d) => d.message,
    'resource-type': (d) => `une Claim (profil be-etariff-claim) ou un Bundle qui en contient une est attendu ; reçu ${d.got === null ? 'aucun resourceType' : `« ${d.got} »`}`,
    'no-claim': () => 'le Bundle ne contient aucune Claim dont use vaut « predetermination »',
    'many-claims': (d) => `le Bundle contient ${d.count} Claims dont use vaut « predetermination » : une seule est décidée par demande`,
    required: () => 'requis par le profil be-etariff-claim, et absent',
    prohibited: () => "interdit par le profil be-etariff-claim (0..0) : les montants sont ce que la réponse donne",
    'fixed-value': (d) => `doit valoir « ${d.expected} » (profil be-etariff-claim) ; reçu « ${d.got} »`,
    type: (d) => `${TYPES.fr[d.expected]} est attendu`,
    'no-coding': (d) => `aucun codage dans le système ${d.system}`,
    'unknown-sequence': (d) => `aucun ${d.of} de séquence ${d.sequence} dans la Claim`,
    'duplicate-sequence': (d) => `la séquence ${d.sequence} est utilisée deux fois`,
    'not-in-vocabulary': (d) => `« ${d.value} » n'est pas l'une des valeurs ${d.allowed.join(', ')}`,
    request: (d) => d.message,
    'too-many': (d) => d.message,
  },
  nl: {
    'not-json': (d) => `ongeldige JSON: ${d.message}`,
    'not-utf8': (d) => d.message,
    'resource-type': (d) => `een Claim (profiel be-etariff-claim) of een Bundle die er een bevat wordt verwacht; ontvangen ${d.got === null ? 'geen resourceType' : `"${d.got}"`}`,
    'no-claim': () => 'de Bundle bevat geen Claim met use "predetermination"',
    'many-claims': (d) => `de Bundle bevat ${d.count} Claims met use "predetermination": er wordt er één per aanvraag beslist`,
    required: () => 'vereist door het profiel be-etariff-claim, en afwezig',
    prohibited: () => 'niet toegelaten door het profiel be-etariff-claim (0..0): de bedragen zijn wat het antwoord geeft',
    'fixed-value': (d) => `moet "${d.expected}" zijn (profiel be-etariff-claim); ontvangen "${d.got}"`,
    type: (d) => `${TYPES.nl[d.expected]} wordt verwacht`,
    'no-coding': (d) => `geen codering in het systeem ${d.system}`,
    'unknown-sequence': (d) => `geen ${d.of} met volgnummer ${d.sequence} in de Claim`,
    'duplicate-sequence': (d) => `volgnummer ${d.sequence} wordt twee keer gebruikt`,
    'not-in-vocabulary': (d) => `"${d.value}" is niet een van ${d.allowed.join(', ')}`,
    request: (d) => d.message,
    'too-many': (d) => d.message,
  },
};

/** The sentence of an issue in `locale`. */
export function issueMessage(detail: IssueDetail, locale: Locale = 'en'): string {
  return (MESSAGES[locale][detail.problem] as (d: IssueDetail) => string)(detail);
}

export interface OperationOutcome {
  resourceType: 'OperationOutcome';
  issue: { severity: 'error'; code: string; diagnostics: string; expression?: string[] }[];
}

/** The OperationOutcome of a list of issues. */
export function operationOutcome(issues: readonly Issue[], locale: Locale = 'en'): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    // the body itself (not JSON, not an object) has no element to name
    issue: issues.map((i) => ({ severity: 'error', code: ISSUE_TYPE[i.detail.problem], diagnostics: issueMessage(i.detail, locale), ...(i.expression ? { expression: [i.expression] } : {}) })),
  };
}
