/**
 * Limits of one check request, so that one request cannot tie up a process: claim and history
 * lines per request, bytes of one NDJSON line, bytes of one answer. Each is configurable (an
 * environment variable, a CLI flag, a server option); each refusal names the limit, what was
 * sent and how to change it, in FR/NL/EN.
 *
 * Why these defaults: a frequency reason lists the earlier lines it counts, so the answer of n
 * same-day lines grows as n² (20,700 lines gave 204 MB); 1,000 claim lines answer in well under a
 * second, and a client with more splits them over requests.
 */
import type { Locale } from './messages/types.js';
import type { FieldError } from './schema.js';

const MiB = 1024 * 1024;

export interface Limits {
  /** Claim lines per request (`claims`). */
  claims: number;
  /** History lines a request sends (`history`; lines the server holds are not counted). */
  history: number;
  /** Bytes of one NDJSON line (CLI `check --ndjson`, `POST /v1/check/batch`). */
  lineBytes: number;
  /** Bytes of one answer (its compact JSON). */
  answerBytes: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = { claims: 1_000, history: 10_000, lineBytes: 16 * MiB, answerBytes: 16 * MiB };

/** The environment variable of each limit. */
export const LIMIT_ENV: Readonly<Record<keyof Limits, string>> = {
  claims: 'NOMEN_MAX_CLAIMS',
  history: 'NOMEN_MAX_HISTORY',
  lineBytes: 'NOMEN_MAX_LINE_BYTES',
  answerBytes: 'NOMEN_MAX_ANSWER_BYTES',
};

/** A limit set from the environment that is not a whole number ≥ 1. */
export class LimitSettingError extends Error {}

/** The limits: `overrides` first, then the environment, then the defaults. */
export function limitsFrom(env: Record<string, string | undefined> = process.env, overrides: Partial<Limits> = {}): Limits {
  const out = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(LIMIT_ENV) as (keyof Limits)[]) {
    const given = overrides[key];
    if (given !== undefined) {
      out[key] = given;
      continue;
    }
    const raw = env[LIMIT_ENV[key]];
    if (raw === undefined || raw === '') continue;
    if (!/^\d+$/.test(raw) || Number(raw) < 1 || !Number.isSafeInteger(Number(raw))) {
      throw new LimitSettingError(`${LIMIT_ENV[key]}: "${raw}" is not a whole number of at least 1`);
    }
    out[key] = Number(raw);
  }
  return out;
}

const what = {
  claims: { en: 'claim lines', fr: 'lignes de prestation', nl: 'prestatieregels' },
  history: { en: 'history lines', fr: "lignes d'historique", nl: 'historieklijnen' },
} as const;

/** A request with more lines than a limit allows. */
function tooMany(field: 'claims' | 'history', n: number, max: number, locale: Locale): string {
  const env = LIMIT_ENV[field];
  switch (locale) {
    case 'fr':
      return `${n} ${what[field].fr}, plus que la limite de ${max} par demande (${env}) : répartissez-les sur plusieurs demandes`;
    case 'nl':
      return `${n} ${what[field].nl}, meer dan de limiet van ${max} per aanvraag (${env}): verdeel ze over meerdere aanvragen`;
    default:
      return `${n} ${what[field].en}, more than the limit of ${max} per request (${env}): split them over several requests`;
  }
}

/**
 * The limits a request breaks, as field errors (`claims`, `history`), checked on the parsed JSON
 * before the schema (validating a million lines would be the cost the limit avoids).
 */
export function requestLimitErrors(value: unknown, limits: Limits, locale: Locale = 'en'): FieldError[] {
  if (typeof value !== 'object' || value === null) return [];
  const out: FieldError[] = [];
  for (const field of ['claims', 'history'] as const) {
    const list = (value as Record<string, unknown>)[field];
    if (Array.isArray(list) && list.length > limits[field]) out.push({ path: field, message: tooMany(field, list.length, limits[field], locale) });
  }
  return out;
}

/** An NDJSON line longer than the limit (its bytes were skipped, not read). */
export function lineTooLongMessage(bytes: number, max: number, locale: Locale = 'en'): string {
  const env = LIMIT_ENV.lineBytes;
  switch (locale) {
    case 'fr':
      return `ligne de ${bytes} octets, plus que la limite de ${max} (${env}) : elle n'a pas été lue, la suite est traitée`;
    case 'nl':
      return `regel van ${bytes} bytes, meer dan de limiet van ${max} (${env}): niet gelezen, de rest wordt verwerkt`;
    default:
      return `line of ${bytes} bytes, more than the limit of ${max} (${env}): not read, the run goes on`;
  }
}

/** An answer larger than the limit (it was not sent). */
export function answerTooLargeMessage(bytes: number, max: number, locale: Locale = 'en'): string {
  const env = LIMIT_ENV.answerBytes;
  switch (locale) {
    case 'fr':
      return `la réponse ferait ${bytes} octets, plus que la limite de ${max} (${env}) : envoyez moins de lignes par demande, ou demandez seulement les motifs non satisfaits`;
    case 'nl':
      return `het antwoord zou ${bytes} bytes zijn, meer dan de limiet van ${max} (${env}): stuur minder regels per aanvraag, of vraag alleen de niet-voldane redenen`;
    default:
      return `the answer would be ${bytes} bytes, more than the limit of ${max} (${env}): send fewer lines per request, or ask for the failed reasons only`;
  }
}

/** A batch cut at its body or line limit: the lines before were answered, the rest was not read. */
export function batchCutMessage(what: 'bytes' | 'lines', max: number, locale: Locale = 'en'): string {
  switch (locale) {
    case 'fr':
      return `lot arrêté à la limite de ${max} ${what === 'bytes' ? 'octets' : 'lignes'} de ce point d'accès : les lignes précédentes ont leur réponse, la suite n'a pas été lue ; envoyez-la dans un autre lot`;
    case 'nl':
      return `batch gestopt bij de limiet van ${max} ${what === 'bytes' ? 'bytes' : 'regels'} van dit eindpunt: de vorige regels hebben hun antwoord, de rest is niet gelezen; stuur die in een andere batch`;
    default:
      return `batch stopped at the limit of ${max} ${what === 'bytes' ? 'bytes' : 'lines'} of this endpoint: the lines before have their answer, the rest was not read; send it in another batch`;
  }
}

/** An answer within the limit whose indented form is longer than a string can be (raised limits only). */
export function answerUnprintableMessage(bytes: number, locale: Locale = 'en'): string {
  switch (locale) {
    case 'fr':
      return `la réponse (${bytes} octets en JSON compact) est trop grande pour être imprimée indentée : utilisez --ndjson, qui l'imprime compacte`;
    case 'nl':
      return `het antwoord (${bytes} bytes in compacte JSON) is te groot om ingesprongen af te drukken: gebruik --ndjson, dat het compact afdrukt`;
    default:
      return `the answer (${bytes} bytes as compact JSON) is too large to print indented: use --ndjson, which prints it compact`;
  }
}
