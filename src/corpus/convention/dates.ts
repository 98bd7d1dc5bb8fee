/**
 * The dates of a convention: version ("(version 24/10/2016)"), signature ("Fait … le …"),
 * entry into force (a fixed date, or the first day of the month after the signature) and
 * the last day of validity ("valable jusqu'au 31 octobre 2029 inclus").
 */
import { isIsoDate, isoOf, type IsoDate } from '../../date.js';
import type { DocumentDates, SourceIssue } from '../../facts.js';
import { fold } from '../../text.js';
import { entryIntoForce, ordinal, parseFrenchDate } from '../french.js';

/** Folds and straightens apostrophes, for matching French phrasing. */
function norm(s: string): string {
  return fold(s).replace(/[’ʼ`]/g, "'").replace(/\s+/g, ' ');
}

/** The first "dd/mm/yyyy" date in `s`, or null (also when it is no real date). */
export function parseSlashDate(s: string): IsoDate | null {
  const m = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/.exec(s);
  if (!m) return null;
  const iso = isoOf(Number(m[3]), Number(m[2]), Number(m[1]));
  return isIsoDate(iso) ? iso : null;
}

/** A date written either way: "24/10/2016" or "24 octobre 2016". */
function anyDate(s: string): IsoDate | null {
  return parseSlashDate(s) ?? parseFrenchDate(s);
}

/** The version date of a text dated only so: "(version 24/10/2016)", "version du 24 octobre 2016". */
export function versionDate(text: string): IsoDate | null {
  const m = /\bversion\s+(?:du\s+)?([^)\n]{6,25})/i.exec(text);
  return m ? anyDate(m[1]) : null;
}

/** The signature date of the closing formula ("Fait en 3 exemplaires à Bruxelles, le 15 mars 2017"); null when left blank. */
export function signatureDate(closing: string): IsoDate | null {
  const m = /\bFait\b[^\n]*?\ble\s+([^\n]{0,40})/i.exec(closing);
  return m ? anyDate(m[1]) : null;
}

/** A sentence with the article it belongs to. */
export interface ArticleSentence {
  article: string;
  text: string;
}

/** The dates read, the sentences they come from (indices into the input) and the problems met. */
export interface DatesResult {
  dates: DocumentDates;
  used: number[];
  issues: SourceIssue[];
  /** The sentence of the entry into force and the one of the last day, when found (indices into the input). */
  entryIndex: number | null;
  untilIndex: number | null;
}

const ENTRY = /\b(?:entre(?:ra)? en vigueur|produi(?:t|ra) ses effets|prend(?:ra)? effet|sort(?:ira)? ses effets)\b/;
const SUBJECT = /\bconvention\b|^elle\b/;
const UNTIL = /\bjusqu'(?:au|a|a la date du)\s+(.*)$/;
const SIGNATURE_RELATIVE = /\b(?:1er|premier) jour du (?:(\S+) )?mois qui suit (?:celui de |le mois de )?(?:la|sa) signature\b/;

const EN_ORDINALS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth'];

/**
 * Reads the dates of a convention from its title, its article sentences and its closing
 * formula. An entry into force relative to a signature the text does not date is unknown:
 * it says so in the basis and as a warning, and invents nothing.
 */
export function readDates(title: string, sentences: readonly ArticleSentence[], closing: string): DatesResult {
  const issues: SourceIssue[] = [];
  const used: number[] = [];
  const signed = signatureDate(closing);
  const version = versionDate(title);
  let entry: IsoDate | null = null;
  let basis = 'no entry-into-force clause in the text';
  let validUntil: IsoDate | null = null;
  let untilIndex: number | null = null;

  // Only sentences that may hold a date clause are worth folding.
  const folded = sentences.map((s) => (/vigueur|effet|jusqu/i.test(s.text) ? norm(s.text) : ''));
  const iEntry = folded.findIndex((f) => ENTRY.test(f) && SUBJECT.test(f));
  if (iEntry >= 0) {
    const { article, text } = sentences[iEntry];
    const rel = SIGNATURE_RELATIVE.exec(folded[iEntry]);
    if (rel && !signed) {
      const n = rel[1] ? ordinal(rel[1]) ?? 1 : 1;
      const month = n === 1 ? 'the month' : `the ${EN_ORDINALS[n] ?? `${n}th`} month`;
      basis = `first day of ${month} after the signature (${article}); the signature date is per institution and not in the text`;
      issues.push({
        severity: 'warning', code: 'entry-into-force-unknown', where: article,
        message: `the convention takes effect on the first day of ${month} after its signature ("${text}"); the signature date is per institution and not in the text, so the entry into force is unknown`,
      });
    } else {
      const r = entryIntoForce(text, null, signed);
      entry = r.date;
      basis = `${r.basis} (${article}: "${text}")`;
      if (!entry) {
        issues.push({ severity: 'warning', code: 'entry-into-force-unknown', where: article, message: `entry into force not computable: ${r.basis}` });
      }
    }
    used.push(iEntry);
  } else {
    issues.push({ severity: 'warning', code: 'entry-into-force-unknown', where: 'document', message: 'no entry-into-force clause found in the text' });
  }

  // The first sentence about the convention that bounds it with a date: "valable jusqu'au …".
  for (let i = 0; i < sentences.length && !validUntil; i++) {
    const f = folded[i];
    const m = SUBJECT.test(f) ? UNTIL.exec(f) : null;
    validUntil = m ? anyDate(m[1]) : null;
    if (validUntil) untilIndex = i;
    if (validUntil && !used.includes(i)) used.push(i);
  }

  return {
    dates: { signed, version, published: null, entryIntoForce: entry, entryIntoForceBasis: basis, validUntil },
    used,
    issues,
    entryIndex: iEntry >= 0 ? iEntry : null,
    untilIndex,
  };
}
