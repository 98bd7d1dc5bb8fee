/**
 * What a rule kind sees when it evaluates one line: the line itself, the beneficiary, and
 * the ledger of lines that count (history + lines accepted earlier in decision order),
 * indexed by day, stay and code. The engine implements these interfaces.
 */
import type { IsoDate } from '../date.js';
import type { PeriodState } from '../nomenclature/types.js';
import type { LineRef } from './types.js';

/** A line that counts for later lines: a history line or an accepted claim. */
export interface LedgerLine {
  ref: LineRef;
  code: string;
  date: IsoDate;
  /** Day number (days since 1970-01-01). */
  day: number;
  units: number;
  /** Stay key (the stay's id, else its admission date), null when ambulatory. */
  stay: string | null;
  admission: IsoDate | null;
  /** Day number of the admission, null when ambulatory. */
  admissionDay: number | null;
  hospitalService: string | null;
  side: string | null;
  lesion: string | null;
  providerId: string | null;
  /** Article of the nomenclature of the line's code on its date, when known. */
  article: string | null;
  history: boolean;
}

/** The accepted lines of one beneficiary. Arrays are in insertion order (history first). */
export interface Ledger {
  readonly lines: readonly LedgerLine[];
  onDay(day: number): readonly LedgerLine[];
  inStay(stay: string): readonly LedgerLine[];
  ofCode(code: string): readonly LedgerLine[];
  /** The lines of any of these codes, in insertion order (a subsequence of `lines`). */
  ofCodes(codes: readonly string[]): readonly LedgerLine[];
  /**
   * The lines that pass `test`, in insertion order (a subsequence of `lines`), kept up to date as
   * lines are added: a rule reads its candidates instead of the whole ledger (no quadratic term
   * in claims per request). `owner` names the filter: one owner, always the same test.
   */
  select(owner: object, test: (l: LedgerLine) => boolean): readonly LedgerLine[];
}

export interface ProviderFacts {
  id: string | null;
  specialty: string | null;
  qualifications: readonly string[];
}

export interface ApprovalFacts {
  by: string;
  date: IsoDate;
}

/**
 * Optional clinical facts of a line, in the vocabulary of src/conventions/indications.ts
 * (organ, tumour, sizeCm, count, tStage, eligibleForSurgery, eligibleForSbrt, gfr, singleKidney,
 * predisposition, alternativeToSystemic, palliative, nearCriticalStructures, combinedTreatment).
 */
export type IndicationFacts = Record<string, unknown> & { organ?: string };

/** The line being decided. */
export interface CurrentLine extends LedgerLine {
  state: PeriodState;
  provider: ProviderFacts | null;
  collaborator: ProviderFacts | null;
  institution: string | null;
  documents: readonly string[];
  approvals: readonly ApprovalFacts[];
  indication: IndicationFacts | null;
}

export interface ConventionPeriod {
  convention: string;
  from: IsoDate | null;
  to: IsoDate | null;
}

export interface InstitutionFacts {
  id: string;
  conventions: readonly ConventionPeriod[];
}

export interface BeneficiaryFacts {
  id: string | null;
  birthDate: IsoDate | null;
  sex: string | null;
  preferential: boolean;
}

export interface EvalContext {
  beneficiary: BeneficiaryFacts;
  ledger: Ledger;
  /** The institution registry (request institutions over the database's). */
  institution(id: string): InstitutionFacts | undefined;
  /** Claim lines of the same day not decided yet (later in input order). */
  pendingSameDay(): readonly LedgerLine[];
}
