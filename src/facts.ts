/**
 * The facts that parsers extract from legal documents, each with its provenance.
 * Parsers produce a ParsedDocument; the store keeps it; consolidation turns the
 * amendments of every document into the state of each code on any date.
 */
import type { IsoDate } from './date.js';

/** Where a fact comes from: the document, the article path, and the sentence itself. */
export interface Provenance {
  /** NUMAC (10 digits) for an act, or the convention id. */
  document: string;
  /** Article path inside the document, as the document writes it: "Art. 2, 2°, 1." / "4.1.3". */
  article: string;
  /** Character span [start, end) of `text` in the document's raw text, or null when not contiguous. */
  span: [number, number] | null;
  /** The sentence (or table row) of the act, whitespace-normalised. */
  text: string;
  /** How the fact was derived, when not stated directly (e.g. "old value stated by the amendment"). */
  note?: string;
  /** The language of the text the sentence is in, in a document merged from its FR and NL texts (`span` is an offset into that text). */
  language?: Language;
}

/** One code, or an ambulatory/hospitalised pair. */
export type CodeSet =
  | { kind: 'pair'; ambulatory: string; hospitalised: string }
  | { kind: 'single'; code: string };

/** Key letter and relative value ("K", "21.5"); relativeValue is a dot-decimal string. */
export interface Value {
  keyLetter: string;
  relativeValue: string;
}

/** A service as a document defines it. Unknown parts are null, never guessed. */
export interface ServiceDef {
  codes: CodeSet;
  /** French label, whitespace-normalised; null when the document gives none. */
  label: string | null;
  /**
   * Dutch label, in a document merged from its FR and NL texts (then `label` is the French one,
   * null when only the Dutch text states the service). Absent: a one-language text, whose
   * `label` is in the document's `language`.
   */
  labelNl?: string | null;
  value: Value | null;
  /** Article of the nomenclature the service belongs to ("11", "20, § 1er, d)"), or null. */
  nomenclatureArticle: string | null;
  /** Heading the label continues (e.g. tiers listed under a shared heading), or null. */
  heading?: string | null;
  provenance: Provenance;
}

/** The four reimbursement columns of a fee table row (euro, dot-decimal strings). */
export interface Reimbursement {
  ambulatoryPreferential: string | null;
  ambulatoryStandard: string | null;
  hospitalisedPreferential: string | null;
  hospitalisedStandard: string | null;
}

/** A fee table row: "K = 2,035887 252652 252663 = K 1.517 3.088,44 …". */
export interface FeeRow {
  codes: CodeSet;
  keyLetter: string;
  /** Coefficient (value of the key letter) as a dot-decimal string: "2.801231". */
  coefficient: string;
  relativeValue: string;
  /** Fee in euro as printed, dot-decimal: "1773.18". */
  fee: string;
  reimbursement: Reimbursement;
  /** Period the row is valid for, when the document bounds it (null: the document's own validity). */
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
  provenance: Provenance;
}

/** Fields common to every amendment. */
interface AmendmentBase {
  /** In a document merged from its FR and NL texts: the same amendment as the other text states it. */
  parallel?: Provenance[];
  /** Stable id inside the document: "<document>#<n>". */
  id: string;
  /** Article of the amending act that makes the change: "Art. 2, 2°, 1." */
  source: string;
  /** Article of the nomenclature it changes ("11, § 4"), or null. */
  target: string | null;
  /** Date the change takes effect (the act's entry into force unless the act says otherwise). */
  effective: IsoDate | null;
  /** When `effective` is null: what is known of it (earliest and latest possible dates, and why). */
  effectiveBounds?: DateBounds | null;
  provenance: Provenance;
}

/** An amendment is an object (Akoma Ntoso style): what changes, where, from when, said where. */
export type Amendment =
  | (AmendmentBase & { op: 'insert-service'; service: ServiceDef; after: string | null })
  | (AmendmentBase & { op: 'delete-service'; codes: CodeSet })
  | (AmendmentBase & { op: 'change-value'; codes: CodeSet; from: Value | null; to: Value })
  | (AmendmentBase & { op: 'change-label'; codes: CodeSet; label: string; /** Dutch label of a merged FR+NL document (see ServiceDef.labelNl). */ labelNl?: string | null })
  | (AmendmentBase & { op: 'insert-rule' | 'replace-rule'; codes: string[]; text: string; replaces: string | null })
  | (AmendmentBase & { op: 'repeal-rule'; codes: string[]; text: string | null })
  | (AmendmentBase & {
      op: 'replace-text'; old: string | null; new: string; codes: string[];
      /** Codes whose label the words are in ("dans le libellé de la prestation X, les mots …"): their label changes. */
      inLabelOf?: string[];
    })
  | (AmendmentBase & { op: 'remove-codes-from-text'; codes: string[] });

export type AmendmentOp = Amendment['op'];

/** A normative sentence (rule of application) of a document, with the codes it names. */
export interface RuleText {
  /** Stable id inside the document: "<document>:<article>:<n>". */
  id: string;
  article: string;
  text: string;
  /** Every code the sentence names (pairs expanded to both codes, ranges kept in `ranges`). */
  codes: string[];
  /** Code ranges named ("598006 à 599023") as [from, to] inclusive. */
  ranges: [string, string][];
  provenance: Provenance;
}

/** An inconsistency found in a source; `code` says what kind, `where` where. */
export interface SourceIssue {
  severity: 'error' | 'warning';
  code:
    | 'invalid-check-digit'
    | 'broken-pair'
    | 'fee-mismatch'
    | 'orphan-table'
    | 'old-value-mismatch'
    | 'entry-into-force-mismatch'
    | 'entry-into-force-unknown'
    | 'unknown-target'
    | 'duplicate-service'
    | 'contradiction'
    /** The FR and NL texts of one act state different values, codes or dates. */
    | 'bilingual-disagreement'
    /** An amendment stated by one language's text only (the other copy may be truncated). */
    | 'bilingual-missing'
    | 'other';
  where: string;
  message: string;
  /** A proposed correction, never applied silently. */
  proposal?: string;
}

/** A normative sentence that produced no structured fact. */
export interface Unparsed {
  where: string;
  text: string;
  /** The text's language, in a document merged from its FR and NL texts. */
  language?: Language;
}

export type DocumentKind = 'royal-decree' | 'convention' | 'coefficients';

/** The language a text is written in: the acts are published in French and in Dutch. */
export type Language = 'fr' | 'nl';

/**
 * How much of an amending act was understood: its amendment items (the numbered points that
 * carry an instruction, or the article itself when it has none), how many produced a structured
 * amendment, and the text of the others. This is how a user knows whether to trust an act.
 */
export interface AmendmentCoverage {
  items: number;
  understood: number;
  missed: Unparsed[];
}

/**
 * What is known of a date the sources do not fix: the earliest and the latest possible day
 * (inclusive; null: unknown, or open), and why. E.g. a clause counted from an unknown publication
 * is not before the same count from the signature (an act is published on or after it).
 */
export interface DateBounds {
  earliest: IsoDate | null;
  latest: IsoDate | null;
  reason: string;
}

/** The dates of a document, kept apart: signature, publication, entry into force, end. */
export interface DocumentDates {
  signed: IsoDate | null;
  /** Date of the text's version, when it is dated only so ("version 24/10/2016"). */
  version: IsoDate | null;
  published: IsoDate | null;
  entryIntoForce: IsoDate | null;
  /** How the entry into force was obtained: the clause and the computation, or why unknown. */
  entryIntoForceBasis: string;
  /** When `entryIntoForce` is null: what is known of it. */
  entryIntoForceBounds?: DateBounds | null;
  /** Last day of validity (inclusive), when the document fixes one. */
  validUntil: IsoDate | null;
}

/** A coefficient (value of a key letter) for a period, for every code of that letter or for listed codes. */
export interface CoefficientEntry {
  keyLetter: string;
  /** Codes it is limited to; null: every code with this key letter. */
  codes: string[] | null;
  /** First and last day (inclusive); `to` null: open. */
  from: IsoDate;
  to: IsoDate | null;
  /** Dot-decimal: "2.853021". */
  coefficient: string;
  provenance: Provenance;
}

/** Everything a parser extracts from one document. */
export interface ParsedDocument {
  /** Identity: NUMAC, or a convention id; ingest is idempotent on it. */
  id: string;
  kind: DocumentKind;
  format: 'justel-markdown' | 'inami-convention-text' | 'coefficients-json' | 'coefficients-csv';
  title: string;
  url: string | null;
  /** Short machine name for conventions ("percutaneous-tumour-ablation"), else null. */
  convention: string | null;
  dates: DocumentDates;
  /** Services the document defines directly (conventions). Decrees define through amendments. */
  services: ServiceDef[];
  fees: FeeRow[];
  amendments: Amendment[];
  rules: RuleText[];
  issues: SourceIssue[];
  unparsed: Unparsed[];
  /** Coefficient tables (format coefficients-json / csv) only. */
  coefficients?: CoefficientEntry[];
  /** The language of the text (Justel acts: fr or nl); absent for documents read before it was kept. */
  language?: Language;
  /** Amending acts: how many of their amendment items were understood. */
  coverage?: AmendmentCoverage;
  /**
   * The languages of the texts merged into this document (its FR and NL texts, same NUMAC), the
   * primary one first (French when present: its rules, title and spans are the document's own);
   * absent for a document read from one text.
   */
  languages?: Language[];
}
