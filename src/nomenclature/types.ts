/** The consolidated nomenclature as the rest of the system sees it: the state of a code on a date. */
import { addDays, type IsoDate } from '../date.js';
import type { DateBounds } from '../facts.js';

/** `uncertain`: a change of the code takes effect on a date the sources do not fix, and this date is in its window. */
export type CodeStatus = 'in-force' | 'deleted' | 'not-yet-in-force' | 'referenced' | 'unknown' | 'uncertain';
export type CodeSetting = 'ambulatory' | 'hospitalised' | 'any';

/** A reference to the act behind a fact. */
export interface SourceRef {
  document: string;
  article: string;
  text?: string;
  note?: string;
  /** The language of the sentence, when the act was read from its FR and NL texts. */
  language?: 'fr' | 'nl';
}

/** The state of one code on one date (contract §3). Unknown fields are null, never invented. */
export interface CodeState {
  code: string;
  at: IsoDate;
  status: CodeStatus;
  /** Why the status is what it is (deleting act, convention period, entry into force …). */
  statusReason: string | null;
  pair: { ambulatory: string; hospitalised: string } | null;
  setting: CodeSetting;
  /** Article of the nomenclature ("11", "20, § 1er, d)") or of the convention ("4.1.1"). */
  article: string | null;
  keyLetter: string | null;
  relativeValue: string | null;
  label: { fr: string | null; nl: string | null };
  coefficient: string | null;
  fee: string | null;
  /** Why `fee` is null, or how it was obtained. */
  feeReason: string | null;
  /** Reimbursement for this code's own setting, by regime. */
  reimbursement: { preferential: string | null; standard: string | null } | null;
  /** The convention (machine name) a place rule ties the code to, or null. */
  convention: string | null;
  sources: SourceRef[];
  /** Status `uncertain` only: each possible state (before and after the change of unknown date). */
  candidates?: CandidateState[];
  /** Status `uncertain` only: the window of the change of unknown date (earliest, latest possible day, why). */
  window?: DateBounds;
}

/** One possible state of a code on a date that falls in the window of a change of unknown date. */
export interface CandidateState {
  /** The changes of unknown date this candidate takes as in force, or not yet. */
  assumes: string;
  status: Exclude<CodeStatus, 'uncertain' | 'unknown'>;
  statusReason: string | null;
  article: string | null;
  keyLetter: string | null;
  relativeValue: string | null;
  label: { fr: string | null; nl: string | null };
  fee: string | null;
  feeReason: string | null;
  sources: SourceRef[];
}

/** A code's state without its date: the same on every day of a period. */
export type PeriodState = Omit<CodeState, 'at'>;

/** The period around a date in which nothing about a code changes (`to` exclusive; null: open), and the code's state in it. */
export interface CodePeriod {
  from: IsoDate | null;
  to: IsoDate | null;
  state: PeriodState;
}

/** Point-in-time queries over the consolidated nomenclature. */
export interface Nomenclature {
  /** The state of `code` on `at`. A code never seen gives status 'unknown'. */
  state(code: string, at: IsoDate): CodeState;
  /** The period containing `at` (the same object for every date in it: the engine caches per period, not per date). */
  period(code: string, at: IsoDate): CodePeriod;
}

/** The period of one day around a state: for nomenclatures that know no periods (test fakes). */
export function dayPeriod(state: CodeState): CodePeriod {
  const { at, ...rest } = state;
  return { from: at, to: addDays(at, 1), state: rest };
}
