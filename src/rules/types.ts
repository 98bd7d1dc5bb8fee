/**
 * The typed rule model: a rule of application is data (id, kind, validity, scope,
 * parameters, exceptions, citation); each kind has one implementation (a `RuleKind`)
 * that evaluates it against a claim line. The evaluator never switches on the kind.
 */
import type { IsoDate } from '../date.js';

/** The kinds of the contract's response (`reasons[].kind`). */
export const CONTRACT_KINDS = [
  'unknown-code',
  'not-in-force',
  'setting',
  'frequency',
  'interval',
  'non-cumulation',
  'prerequisite',
  'approval',
  'provider',
  'patient',
  'place',
  'document',
  'tier',
] as const;
export type ContractKind = (typeof CONTRACT_KINDS)[number];

/** The implementations: the contract kinds plus `warning` (a condition that cannot be decided from claim data). */
export type RuleKindName = ContractKind | 'warning' | 'indication' | 'plausibility';

/** The sentence of the act a rule encodes. `text` is the exact (whitespace-squashed) sentence. */
export interface Citation {
  document: string;
  article: string;
  text: string;
}

/** Validity in time, both bounds inclusive; null = open. */
export interface Validity {
  from: IsoDate | null;
  to: IsoDate | null;
}

/**
 * A set of codes as the act writes it: ambulatory/hospitalised pairs (both codes belong to the
 * set and count as one service), single codes, inclusive ranges (expanded to every code with a
 * valid check digit), and nomenclature articles (a line belongs when its code's article is one
 * of them, e.g. "17bis").
 */
export interface CodeRef {
  pairs?: [string, string][];
  codes?: string[];
  ranges?: [string, string][];
  articles?: string[];
}

/** What lifts a rule for one line: a document on the line, or a prior approval. */
export type Exception =
  | { document: string }
  | { approval: { by: string[] } };

/** Where a rule comes from. */
export type RuleOrigin = 'extracted' | 'curated' | 'builtin';

/** A rule of application. `P` is the kind's parameter type. */
export interface Rule<P = unknown> {
  /** Stable id, e.g. `rd1994-474633-once-per-day`. */
  id: string;
  kind: RuleKindName;
  validity: Validity;
  /** The lines the rule is evaluated on. */
  scope: CodeRef;
  params: P;
  exceptions: Exception[];
  citation: Citation;
  /** Further sentences that state the same rule (the act repeats it). */
  alsoCited?: Citation[];
  origin: RuleOrigin;
  /** Convention (machine name) whose text the rule comes from, or null. */
  convention: string | null;
  /** The interpretation the rule applies, where the text leaves a choice (shown in explanations). */
  interpretation?: string;
  /** For extracted rules: the extraction pattern that produced it. */
  pattern?: string;
}

/** A reference to a line (claim or history) in an outcome. */
export interface LineRef {
  claim: string;
  code: string;
  date: IsoDate;
  history: boolean;
}
