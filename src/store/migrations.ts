/**
 * Versioned schema migrations, shared by SQLite and PostgreSQL (plain, portable SQL).
 * A migration is never edited once released: add a new one.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** PostgreSQL's variant of `sql`, only where portable SQL cannot say the same thing. */
  postgres?: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'documents and code facts',
    sql: `
CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  rank INTEGER NOT NULL,
  kind TEXT NOT NULL,
  format TEXT NOT NULL,
  title TEXT NOT NULL,
  url TEXT,
  convention TEXT,
  signed TEXT,
  published TEXT,
  entry_into_force TEXT,
  valid_until TEXT,
  ingested_at TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  raw TEXT NOT NULL,
  parsed TEXT NOT NULL,
  report TEXT NOT NULL
);
CREATE TABLE code_facts (
  document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  code TEXT NOT NULL,
  op TEXT NOT NULL,
  label_folded TEXT,
  data TEXT NOT NULL,
  PRIMARY KEY (document, seq)
);
CREATE INDEX code_facts_code ON code_facts (code);
`,
  },
  {
    version: 2,
    name: 'institutions registry and server-held beneficiary history',
    // Column names avoid SQL keywords (from, to, date) so that the same text runs on both engines.
    sql: `
CREATE TABLE institutions (
  id TEXT PRIMARY KEY,
  name TEXT
);
CREATE TABLE institution_conventions (
  institution TEXT NOT NULL REFERENCES institutions(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  convention TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  signed TEXT,
  notice_sent TEXT,
  PRIMARY KEY (institution, seq)
);
CREATE TABLE beneficiary_lines (
  beneficiary TEXT NOT NULL,
  line_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  line_date TEXT NOT NULL,
  claim TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (beneficiary, line_id)
);
CREATE INDEX beneficiary_lines_order ON beneficiary_lines (beneficiary, line_date, seq);
`,
  },
  {
    version: 3,
    name: 'flag facts about ranges and key letters',
    // Every point query reads these few facts; a flag with its own index avoids a scan
    // (LIKE 'range:%' OR LIKE 'key:%' cannot use the code index, nor can it under every collation).
    sql: `
ALTER TABLE code_facts ADD COLUMN is_global INTEGER NOT NULL DEFAULT 0;
UPDATE code_facts SET is_global = 1 WHERE code LIKE 'range:%' OR code LIKE 'key:%';
CREATE INDEX code_facts_global ON code_facts (is_global);
`,
  },
  {
    version: 4,
    name: 'index documents by rank',
    // Loading every fact in document order then walks the documents by rank and each one's facts
    // by primary key, instead of sorting every fact (measured: 0.55 s → 0.37 s at 141,000 facts).
    sql: `
CREATE INDEX documents_rank ON documents (rank);
`,
  },
  {
    version: 5,
    name: 'the texts of a document, one per language',
    // An act is published in French and in Dutch under one NUMAC: one document, two texts. The
    // documents row keeps the merged parse and the primary text; each text keeps its raw form,
    // hash (idempotence per language) and own parse. language '' = none recorded: documents
    // without a language, and those stored before (their language is read from the text).
    sql: `
CREATE TABLE document_texts (
  document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  language TEXT NOT NULL,
  raw TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  parsed TEXT NOT NULL,
  PRIMARY KEY (document, language)
);
INSERT INTO document_texts (document, language, raw, content_hash, parsed) SELECT id, '', raw, content_hash, parsed FROM documents;
`,
  },
  {
    version: 6,
    name: 'the compiled law and the curated rule files',
    // The rules every engine decides with, compiled once by the ingest that made them (extracted,
    // curated and generic; parameters validated), with the engine that compiled them: processes
    // load this row instead of extracting again. One row (id 1). The curated files (rules/*.yaml)
    // are held as texts of their own, so that a database decides the same without the package's
    // folder. A database migrated here has neither: it is compiled once on its next open.
    sql: `
CREATE TABLE compiled_law (
  id INTEGER PRIMARY KEY,
  engine TEXT NOT NULL,
  rules TEXT NOT NULL,
  compiled_at TEXT NOT NULL
);
CREATE TABLE curated_files (
  name TEXT PRIMARY KEY,
  raw TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  ingested_at TEXT NOT NULL
);
`,
  },
];
