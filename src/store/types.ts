/** The storage interface: SQLite (embedded default) and PostgreSQL implement it alike. */
import type { CompiledLaw } from './law.js';
import type { CuratedFile } from '../rules/curated.js';
import type { AmendmentCoverage, DocumentKind, Language, ParsedDocument, SourceIssue, Unparsed } from '../facts.js';
import type { IsoDate } from '../date.js';
import type { CodeFact } from '../nomenclature/code-facts.js';

/** What `nomen ingest --json` prints for one document (contract §2). */
export interface IngestReport {
  document: string;
  kind: DocumentKind;
  /**
   * ingested: new; unchanged: the same text was already there; replaced: same identity, new text
   * (of the same language: the other language's text is kept); merged: the act's text in another
   * language joined the document (FR + NL, same NUMAC).
   */
  status: 'ingested' | 'unchanged' | 'replaced' | 'merged';
  file: string;
  title: string;
  entryIntoForce: IsoDate | null;
  entryIntoForceBasis: string;
  published: IsoDate | null;
  ingestedAt: string;
  extracted: { services: number; valueChanges: number; labelChanges: number; deletions: number; rules: number; fees: number; amendments: number };
  issues: (Pick<SourceIssue, 'severity' | 'where' | 'message'> & { code: string; proposal?: string })[];
  unparsed: Unparsed[];
  /** The languages of the document's texts, the primary one first (Justel acts; absent for documents without a language). */
  languages?: Language[];
  /** Per language, how many amendment items the text holds and understood, and the sentences of the others (absent: not measured). */
  coverage?: Partial<Record<Language, AmendmentCoverage>>;
}

/** A document as stored: its parse (merged from its texts), its primary raw text, its report, and each text. */
export interface StoredDocument {
  parsed: ParsedDocument;
  raw: string;
  report: IngestReport;
  /** Every text of the document (an act's FR and NL texts), the primary one first, each with its own parse. */
  texts: StoredText[];
}

/** One text of a document: its language (null: none, e.g. a convention), raw text and own parse. */
export interface StoredText {
  language: Language | null;
  raw: string;
  parsed: ParsedDocument;
}

/** One document to ingest. */
export interface IngestInput {
  file: string;
  raw: string;
  doc: ParsedDocument;
  /** Replace even if the held text states more (services, amendments, entry into force), and keep a convention whose title another held one has. */
  force?: boolean;
}

/** The operations every store offers. All methods are async so that PostgreSQL fits the same shape. */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Adds documents in one transaction: all or nothing. Idempotent on each document's identity. */
  ingest(inputs: IngestInput[]): Promise<IngestReport[]>;
  /** True when the store holds no document yet. */
  isEmpty(): Promise<boolean>;
  /** Reports of every stored document, in ingestion order. */
  documents(): Promise<IngestReport[]>;
  /** One stored document, or null. */
  document(id: string): Promise<StoredDocument | null>;
  /** Every fact about one code, from every document, in ingestion order. */
  factsFor(code: string): Promise<CodeFact[]>;
  /** Every fact (for an in-memory snapshot). */
  allFacts(): Promise<CodeFact[]>;
  /** The parsed form of every document, in ingestion order (what rules are extracted from). */
  parsedDocuments(): Promise<ParsedDocument[]>;
  /**
   * The compiled law (rules as JSON, and the engine that compiled them), null when none is stored
   * yet. Optional: a store without it (a read-only overlay of drafts) gives engines that extract
   * the rules of its parsed documents.
   */
  compiledLaw?(): Promise<CompiledLaw | null>;
  /** The curated rule files the database holds (rules/*.yaml as ingested), by name. */
  curatedFiles?(): Promise<CuratedFile[]>;
  /**
   * Compiles the law again from the documents and curated files held (the package's rules/ when it
   * holds none, then stored), under the ingest lock, unless the stored law is by `engine` already.
   * True when it compiled.
   */
  recompileLaw?(engine: string): Promise<boolean>;
  /** Codes that may match a search (label words or a code prefix); the caller filters on the date. */
  searchCandidates(prefix: string | null, words: string[], limit: number): Promise<string[]>;
  /** Upserts institutions in one transaction; for each id named, its conventions are replaced by the given list. */
  putInstitutions(list: Institution[]): Promise<void>;
  /** Every registered institution, by id. */
  institutions(): Promise<Institution[]>;
  /** One institution, or null. */
  institution(id: string): Promise<Institution | null>;
  /**
   * Runs `fn` in one transaction that serializes every caller for the same beneficiary, across
   * processes: what `fn` reads through `h` cannot change until it returns, and what it records is
   * committed with it (or not at all when it throws). Other store methods may be called inside
   * `fn` (SQLite: they join its transaction; PostgreSQL: they run on their own connection); read
   * the history through `h`, which sees what `fn` recorded.
   */
  withBeneficiary<T>(beneficiary: string, fn: (h: BeneficiaryHistory) => Promise<T>): Promise<T>;
  /** The committed history of a beneficiary (outside any transaction), in date order, then recording order. */
  historyOf(beneficiary: string): Promise<StoredLine[]>;
  /**
   * What deciding one request reads, in one round trip and one snapshot: the institutions among
   * `institutions` that the registry holds, and the history of `beneficiary` (null when not asked).
   */
  checkInputs(institutions: readonly string[], beneficiary: string | null): Promise<CheckInputs>;
  close(): Promise<void>;
}

/** What a check reads from the store (Store.checkInputs). */
export interface CheckInputs {
  /** The registry's entries among the institutions asked for, by id. */
  institutions: Institution[];
  /** The beneficiary's stored lines (null when no beneficiary was asked for); shared, read-only. */
  history: StoredLine[] | null;
}

/** One convention of an institution and its validity (both ends inclusive; `to` null: indefinite). */
export interface InstitutionConvention {
  convention: string;
  from: IsoDate;
  to: IsoDate | null;
  /** Date of signature, where the convention's start follows it (e.g. the first day of the next month). */
  signed?: IsoDate | null;
  /** Date the notice of termination was sent, where the end follows it (e.g. 6 months' notice). */
  noticeSent?: IsoDate | null;
}

/** An institution of the registry, with its conventions. Absent optional convention fields are read back as absent, never as null. */
export interface Institution {
  id: string;
  name: string | null;
  conventions: InstitutionConvention[];
}

/** One accepted claim line held by the server as a beneficiary's history. */
export interface StoredLine {
  /** The claim line's id: the idempotency key, per beneficiary. */
  id: string;
  date: IsoDate;
  /** The Claim JSON of contract §4, as recorded. */
  claim: unknown;
}

/** What `BeneficiaryHistory.record` did with each line id. */
export interface RecordResult {
  /** Ids recorded now, in the order given. */
  recorded: string[];
  /** Ids already held for this beneficiary (or repeated in the call): nothing was written for them. */
  duplicates: string[];
}

/** A beneficiary's history inside `Store.withBeneficiary`: valid only until `fn` returns. */
export interface BeneficiaryHistory {
  /** The lines held, including those recorded earlier in this transaction, in date order, then recording order. */
  lines(): Promise<StoredLine[]>;
  /** Records lines; a line whose id is already held is a no-op reported in `duplicates`. */
  record(lines: StoredLine[]): Promise<RecordResult>;
}
