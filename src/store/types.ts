/** The storage interface: SQLite (embedded default) and PostgreSQL implement it alike. */
import type { DocumentKind, ParsedDocument, SourceIssue, Unparsed } from '../facts.js';
import type { IsoDate } from '../date.js';
import type { CodeFact } from '../nomenclature/code-facts.js';

/** What `nomen ingest --json` prints for one document (contract §2). */
export interface IngestReport {
  document: string;
  kind: DocumentKind;
  /** ingested: new; unchanged: the same document was already there; replaced: same identity, new text. */
  status: 'ingested' | 'unchanged' | 'replaced';
  file: string;
  title: string;
  entryIntoForce: IsoDate | null;
  entryIntoForceBasis: string;
  published: IsoDate | null;
  ingestedAt: string;
  extracted: { services: number; valueChanges: number; labelChanges: number; deletions: number; rules: number; fees: number; amendments: number };
  issues: (Pick<SourceIssue, 'severity' | 'where' | 'message'> & { code: string; proposal?: string })[];
  unparsed: Unparsed[];
}

/** A document as stored: its parse, its raw text, its report. */
export interface StoredDocument {
  parsed: ParsedDocument;
  raw: string;
  report: IngestReport;
}

/** One document to ingest. */
export interface IngestInput {
  file: string;
  raw: string;
  doc: ParsedDocument;
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
  /** Codes that may match a search (label words or a code prefix); the caller filters on the date. */
  searchCandidates(prefix: string | null, words: string[], limit: number): Promise<string[]>;
  close(): Promise<void>;
}
