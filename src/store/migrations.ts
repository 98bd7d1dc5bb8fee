/**
 * Versioned schema migrations, shared by SQLite and PostgreSQL (plain, portable SQL).
 * A migration is never edited once released: add a new one.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
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
];
