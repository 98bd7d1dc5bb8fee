/**
 * Outcomes are data: a discriminated union on `code` carrying the fields that explain it
 * (like zod issues). Messages are rendered from them separately, per locale
 * (src/engine/messages). Rule kinds produce outcomes; nothing here is text for humans
 * except the notes that curated rules carry in their own data.
 */
import type { IsoDate } from '../date.js';
import type { LineRef } from './types.js';

export type Verdict = 'violated' | 'satisfied' | 'warning';

/** A period of a frequency limit. */
export type PeriodUnit = 'day' | 'year' | 'stay' | 'lifetime' | 'stay-period' | 'since';

/** A localised free text carried by a curated rule (en required). */
export interface Note {
  en: string;
  fr?: string;
  nl?: string;
}

/** A provider alternative, as shown in explanations. */
export interface ProviderAlternative {
  specialty: string[];
  qualifications: string[];
  collaborator: { specialty: string[]; qualifications: string[] } | null;
}

export interface FrequencyFields {
  service: string;
  max: number;
  /** Units counted in the window, this line excluded. */
  counted: number;
  units: number;
  period: PeriodUnit;
  periodDays: number | null;
  window: { from: IsoDate; to: IsoDate } | null;
  stay: string | null;
  side: string | null;
  together: readonly string[] | null;
  anchor: LineRef | null;
  lines: LineRef[];
}

export interface ConflictFields {
  service: string;
  other: LineRef;
  scope: 'day' | 'stay';
  /** The other side of the rule, as written ("211013-211024, …"; "art. 17, 17bis"). */
  against: readonly string[];
  sameProvider: boolean;
}

export interface PrerequisiteFields {
  service: string;
  oneOf: readonly string[];
  count: number;
  timing: 'before' | 'before-or-same-day' | 'same-day';
  sameStay: boolean;
  ambulatory: boolean;
  found: LineRef[];
  /** Same-day lines of the request that would qualify but are decided later (input order). */
  pending: LineRef[];
}

export interface AgeFields {
  service: string;
  age: number;
  under: number | null;
  atLeast: number | null;
  birthDate: IsoDate;
}

export interface TierFields {
  service: string;
  day: number;
  admission: IsoDate;
  fromDay: number;
  toDay: number | null;
  /** Last date of the tier when it ends "at the end of the n-th month". */
  lastDate: IsoDate | null;
  endOfMonth: number | null;
}

/** One possible state of a code on a date where a change of unknown date may or may not be in force. */
export interface UncertainCandidate {
  status: 'in-force' | 'deleted' | 'not-yet-in-force' | 'referenced';
  keyLetter: string | null;
  relativeValue: string | null;
  fee: string | null;
}

export type Detail =
  // --- the code itself ---
  | { code: 'code.not-a-code'; service: string }
  | { code: 'code.invalid-check-digit'; service: string; expected: string }
  | { code: 'code.unknown'; service: string; date: IsoDate }
  | { code: 'code.not-yet-in-force'; service: string; date: IsoDate; reason: string | null }
  | { code: 'code.deleted'; service: string; date: IsoDate; reason: string | null }
  | { code: 'code.referenced'; service: string; date: IsoDate }
  | { code: 'code.uncertain'; service: string; date: IsoDate; candidates: UncertainCandidate[]; earliest: IsoDate | null; latest: IsoDate | null }
  // --- setting ---
  | { code: 'setting.ambulatory-code-in-stay'; service: string; twin: string | null; stay: string; admission: IsoDate }
  | { code: 'setting.hospitalised-code-without-stay'; service: string; twin: string | null }
  | { code: 'setting.matches'; service: string; setting: 'ambulatory' | 'hospitalised' }
  // --- frequency ---
  | ({ code: 'frequency.exceeded' } & FrequencyFields)
  | ({ code: 'frequency.within' } & FrequencyFields)
  | { code: 'frequency.side-missing'; service: string; max: number; counted: number; lines: LineRef[] }
  | { code: 'frequency.no-stay'; service: string; max: number; period: PeriodUnit }
  | { code: 'frequency.no-anchor'; service: string; anchor: string[] }
  // --- interval ---
  | {
      code: 'interval.too-soon';
      service: string;
      previous: LineRef;
      months: number;
      days: number;
      earliest: IsoDate;
      lesion: string | null;
    }
  | { code: 'interval.respected'; service: string; previous: LineRef | null; months: number; days: number; lesion: string | null }
  | { code: 'interval.lesion-missing'; service: string; months: number; days: number; lines: LineRef[] }
  // --- non-cumulation ---
  | ({ code: 'non-cumulation.conflict' } & ConflictFields)
  | ({ code: 'non-cumulation.possible-conflict' } & ConflictFields)
  | { code: 'non-cumulation.none'; service: string; scope: 'day' | 'stay'; against: readonly string[]; sameProvider: boolean }
  // --- prerequisite ---
  | ({ code: 'prerequisite.missing' } & PrerequisiteFields)
  | ({ code: 'prerequisite.met' } & PrerequisiteFields)
  | { code: 'prerequisite.no-stay'; service: string; oneOf: readonly string[] }
  // --- approval ---
  | { code: 'approval.missing'; service: string; by: string[] }
  | { code: 'approval.late'; service: string; by: string[]; approvalDate: IsoDate; date: IsoDate }
  | { code: 'approval.present'; service: string; by: string; approvalDate: IsoDate }
  // --- provider ---
  | { code: 'provider.missing'; service: string; alternatives: ProviderAlternative[] }
  | {
      code: 'provider.not-allowed';
      service: string;
      specialty: string | null;
      qualifications: string[];
      alternatives: ProviderAlternative[];
    }
  | {
      code: 'provider.collaborator-missing';
      service: string;
      specialty: string;
      collaborator: { specialty: string[]; qualifications: string[] };
      given: { specialty: string | null; qualifications: string[] } | null;
    }
  | { code: 'provider.allowed'; service: string; specialty: string; qualifications: string[]; collaborator: string | null }
  // --- patient ---
  | { code: 'patient.birth-date-missing'; service: string; under: number | null; atLeast: number | null }
  | ({ code: 'patient.age-not-met' } & AgeFields)
  | ({ code: 'patient.age-met' } & AgeFields)
  | { code: 'patient.sex-missing'; service: string; sex: string }
  | { code: 'patient.sex-not-met'; service: string; sex: string; required: string }
  | { code: 'patient.sex-met'; service: string; sex: string; required: string }
  | { code: 'patient.no-stay'; service: string; allowed: string[] }
  | { code: 'patient.service-missing'; service: string; allowed: string[]; forbidden: string[] }
  | { code: 'patient.service-forbidden'; service: string; hospitalService: string; forbidden: string[] }
  | { code: 'patient.service-not-allowed'; service: string; hospitalService: string; allowed: string[]; note: Note | null }
  | { code: 'patient.service-ok'; service: string; hospitalService: string | null; allowed: string[]; forbidden: string[] }
  // --- place ---
  | { code: 'place.institution-missing'; service: string; convention: string }
  | { code: 'place.unknown-institution'; service: string; institution: string; convention: string }
  | { code: 'place.no-convention'; service: string; institution: string; convention: string; date: IsoDate; periods: { from: IsoDate | null; to: IsoDate | null }[] }
  | { code: 'place.convention-in-force'; service: string; institution: string; convention: string; from: IsoDate | null; to: IsoDate | null }
  // --- document ---
  | { code: 'document.missing'; service: string; missing: string[] }
  | { code: 'document.present'; service: string; documents: string[] }
  // --- tier ---
  | { code: 'tier.no-stay'; service: string }
  | { code: 'tier.before-admission'; service: string; admission: IsoDate }
  | ({ code: 'tier.wrong-day' } & TierFields)
  | ({ code: 'tier.matches' } & TierFields)
  // --- indication (decision table) ---
  | { code: 'indication.not-given'; service: string; organ: string | null; otherwise: Note }
  | { code: 'indication.listed'; service: string; organ: string; row: string; label: string }
  | { code: 'indication.not-listed'; service: string; organ: string | null; undecided: string[]; missing: string[]; otherwise: Note }
  | { code: 'indication.invalid'; service: string; organ: string | null; field: string; problem: string; otherwise: Note }
  // --- warning (cannot be decided from claim data) ---
  | { code: 'warning.note'; service: string; note: Note }
  // --- plausibility (impossible dates in the request) ---
  | { code: 'plausibility.born-after-service'; service: string; date: IsoDate; birthDate: IsoDate }
  | { code: 'plausibility.before-admission'; service: string; date: IsoDate; admission: IsoDate; stay: string }
  // --- an exception lifted a violation ---
  | { code: 'exception.document'; service: string; document: string; lifted: Detail }
  | { code: 'exception.approval'; service: string; by: string; approvalDate: IsoDate; lifted: Detail };

export type DetailCode = Detail['code'];

/** What a rule kind returns for one line. */
export interface Outcome {
  outcome: Verdict;
  detail: Detail;
  /** Stop evaluating further rules for this line (unknown code, not in force). */
  halt?: boolean;
  /** The act behind this outcome when it is not the rule's own citation (e.g. the deleting act). */
  source?: { document: string; article: string; text: string };
}
