/** The embedded store: one SQLite file (better-sqlite3), synchronous underneath, async outside. */
import Database from 'better-sqlite3';
import { KEY_PREFIX, RANGE_PREFIX, globalCovers, type CodeFact } from '../nomenclature/code-facts.js';
import type { IngestInput, IngestReport, Store, StoredDocument } from './types.js';
import { MIGRATIONS } from './migrations.js';
import { planIngest, type Existing, type IngestPlan } from './ingest.js';

/** Opens (creating if needed) a SQLite database and brings its schema up to date. */
export function openSqlite(file: string): SqliteStore {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  migrate(db);
  return new SqliteStore(db);
}

function migrate(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const done = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
  const apply = db.transaction(() => {
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
    }
  });
  apply();
}

/** SQLite implementation of Store. */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  constructor(private readonly db: Database.Database) {}

  async ingest(inputs: IngestInput[]): Promise<IngestReport[]> {
    const run = this.db.transaction((): IngestReport[] => {
      const existing = new Map<string, Existing>();
      for (const r of this.db.prepare('SELECT id, content_hash, report FROM documents').all() as { id: string; content_hash: string; report: string }[]) {
        existing.set(r.id, { hash: r.content_hash, report: JSON.parse(r.report) });
      }
      const rank = (this.db.prepare('SELECT COALESCE(MAX(rank), 0) AS r FROM documents').get() as { r: number }).r;
      const plan: IngestPlan = planIngest(inputs, existing, rank, (codes) => this.factsForSync(codes));
      for (const id of plan.remove) this.db.prepare('DELETE FROM documents WHERE id = ?').run(id);
      const insDoc = this.db.prepare(`INSERT INTO documents (id, rank, kind, format, title, url, convention, signed, published, entry_into_force, valid_until, ingested_at, content_hash, raw, parsed, report)
        VALUES (@id, @rank, @kind, @format, @title, @url, @convention, @signed, @published, @entry_into_force, @valid_until, @ingested_at, @content_hash, @raw, @parsed, @report)`);
      const insFact = this.db.prepare('INSERT INTO code_facts (document, seq, code, op, label_folded, data) VALUES (?, ?, ?, ?, ?, ?)');
      for (const row of plan.documents) insDoc.run(row);
      for (const f of plan.facts) insFact.run(f.document, f.seq, f.code, f.op, f.labelFolded, f.data);
      return plan.reports;
    });
    return run();
  }

  private factsForSync(codes: string[]): Map<string, CodeFact[]> {
    const out = new Map<string, CodeFact[]>();
    const stmt = this.db.prepare('SELECT f.data FROM code_facts f JOIN documents d ON d.id = f.document WHERE f.code = ? ORDER BY d.rank, f.seq');
    const ranges = (this.db.prepare(`SELECT f.data FROM code_facts f JOIN documents d ON d.id = f.document WHERE f.code LIKE '${RANGE_PREFIX}%' OR f.code LIKE '${KEY_PREFIX}%' ORDER BY d.rank, f.seq`).all() as { data: string }[])
      .map((r) => JSON.parse(r.data) as CodeFact);
    for (const c of codes) {
      const own = (stmt.all(c) as { data: string }[]).map((r) => JSON.parse(r.data) as CodeFact);
      out.set(c, [...own, ...ranges.filter((r) => globalCovers(r.code, c))]);
    }
    return out;
  }

  async isEmpty(): Promise<boolean> {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n === 0;
  }

  async documents(): Promise<IngestReport[]> {
    return (this.db.prepare('SELECT report FROM documents ORDER BY rank').all() as { report: string }[]).map((r) => JSON.parse(r.report));
  }

  async document(id: string): Promise<StoredDocument | null> {
    const r = this.db.prepare('SELECT raw, parsed, report FROM documents WHERE id = ?').get(id) as { raw: string; parsed: string; report: string } | undefined;
    return r ? { raw: r.raw, parsed: JSON.parse(r.parsed), report: JSON.parse(r.report) } : null;
  }

  async factsFor(code: string): Promise<CodeFact[]> {
    return this.factsForSync([code]).get(code) ?? [];
  }

  async allFacts(): Promise<CodeFact[]> {
    return (this.db.prepare('SELECT f.data FROM code_facts f JOIN documents d ON d.id = f.document ORDER BY d.rank, f.seq').all() as { data: string }[]).map((r) => JSON.parse(r.data));
  }

  async searchCandidates(prefix: string | null, words: string[], limit: number): Promise<string[]> {
    if (prefix !== null) {
      return (this.db.prepare('SELECT DISTINCT code FROM code_facts WHERE code LIKE ? ORDER BY code LIMIT ?').all(`${prefix}%`, limit) as { code: string }[]).map((r) => r.code);
    }
    const where = words.map(() => "label_folded LIKE ? ESCAPE '\\'").join(' AND ');
    const args = words.map((w) => `%${w.replace(/[\\%_]/g, (c) => '\\' + c)}%`);
    return (this.db.prepare(`SELECT DISTINCT code FROM code_facts WHERE label_folded IS NOT NULL AND ${where} ORDER BY code`).all(...args) as { code: string }[]).map((r) => r.code);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
