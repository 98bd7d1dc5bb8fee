/** The embedded store: one SQLite file (better-sqlite3), synchronous underneath, async outside. */
import Database from 'better-sqlite3';
import { AsyncLocalStorage } from 'node:async_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ParsedDocument } from '../facts.js';
import { globalCovers, type CodeFact } from '../nomenclature/code-facts.js';
import type {
  BeneficiaryHistory, CheckInputs, IngestInput, IngestReport, Institution, RecordResult, Store, StoredDocument, StoredLine,
} from './types.js';
import { MIGRATIONS } from './migrations.js';
import { planIngest, type Existing, type IngestPlan } from './ingest.js';
import type { StoredParse } from './guard.js';
import type { CompiledLaw, StoredCuratedFile } from './law.js';
import type { CuratedFile } from '../rules/curated.js';
import { Semaphore, checkLine, institutionsOf, institutionsToWrite, likeEscape, storedDocument, type ConventionRow, type TextRead } from './common.js';

type Guard = typeof import('./guard.js').checkIngest;
/** The ingest guard, loaded on the first ingest: it needs the rule extractors, which queries do not. */
const loadGuard = async (): Promise<Guard> => (await import('./guard.js')).checkIngest;

/** How long a writer waits for another connection (or process) to finish its write transaction. */
const BUSY_TIMEOUT_MS = 30_000;
/** Every fact in ingestion order. CROSS JOIN fixes SQLite's loop order: documents by their rank index, each one's facts by primary key (no sort of every fact). */
const ALL_FACTS = 'SELECT f.data FROM documents d CROSS JOIN code_facts f ON f.document = d.id ORDER BY d.rank, f.seq';

/** Opens (creating if needed) a SQLite database and brings its schema up to date. */
export function openSqlite(file: string): SqliteStore {
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  migrate(db);
  return new SqliteStore(db);
}

function appliedVersions(db: Database.Database): Set<number> {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!table) return new Set();
  return new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
}

function migrate(db: Database.Database): void {
  // Opening an up-to-date database writes nothing (no lock taken, file unchanged).
  const applied = appliedVersions(db);
  if (MIGRATIONS.every((m) => applied.has(m.version))) return;
  // IMMEDIATE, and the applied versions read again inside: two processes opening a new file at once
  // apply each migration once (the second waits on the busy timeout, then finds nothing to do).
  const apply = db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const done = appliedVersions(db);
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
    }
  });
  apply.immediate();
}

const NESTED = 'withBeneficiary cannot be nested: one transaction per beneficiary at a time';

function isBusy(e: unknown): boolean {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' && (e as { code: string }).code.startsWith('SQLITE_BUSY');
}

/** SQLite implementation of Store. */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  /**
   * One write transaction at a time on this connection: better-sqlite3 has one transaction per
   * connection, and an async `withBeneficiary` keeps it open across awaits.
   */
  private readonly writer = new Semaphore(1);
  /** The write transaction the current async context runs in, if any (see write()). */
  private readonly inWrite = new AsyncLocalStorage<{ open: boolean }>();

  constructor(private readonly db: Database.Database) {}

  /** Prepared statements by SQL text: preparing costs more than a point query (bounded: a search builds its SQL). */
  private readonly statements = new Map<string, Database.Statement>();
  private sql(text: string): Database.Statement {
    let st = this.statements.get(text);
    if (st === undefined) {
      st = this.db.prepare(text);
      if (this.statements.size < 200) this.statements.set(text, st);
    }
    return st;
  }

  /**
   * BEGIN IMMEDIATE, waiting asynchronously while another connection writes. SQLite's own busy
   * timeout would block the event loop, so another connection of this process that holds the lock
   * (inside an async `withBeneficiary`) could never finish: poll with the busy timeout off instead.
   */
  private async beginImmediate(): Promise<void> {
    const deadline = Date.now() + BUSY_TIMEOUT_MS;
    for (let wait = 1; ; wait = Math.min(wait * 2, 50)) {
      this.db.pragma('busy_timeout = 0');
      try {
        this.db.exec('BEGIN IMMEDIATE');
        return;
      } catch (e) {
        if (!isBusy(e) || Date.now() > deadline) throw e;
      } finally {
        this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      }
      await sleep(wait + Math.random() * wait);
    }
  }

  /**
   * Runs `fn` in a write transaction (IMMEDIATE: the write lock is taken before anything is read),
   * with the async context marked so that writes from inside `fn` know they are inside.
   */
  private transaction<T>(fn: () => Promise<T> | T): Promise<T> {
    return this.writer.run(async () => {
      await this.beginImmediate();
      const token = { open: true };
      try {
        const result = await this.inWrite.run(token, fn);
        token.open = false;
        this.db.exec('COMMIT');
        return result;
      } catch (e) {
        token.open = false;
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw e;
      }
    });
  }

  /**
   * Runs a synchronous write atomically. Called from inside `withBeneficiary` (a registry update
   * during a check), it joins the open transaction as a savepoint: waiting for the writer slot
   * there would wait for itself forever. Being synchronous, savepoints cannot interleave.
   */
  private async write<T>(body: () => T): Promise<T> {
    if (!this.inWrite.getStore()?.open) return this.transaction(body);
    this.db.exec('SAVEPOINT nested_write');
    try {
      const result = body();
      this.db.exec('RELEASE nested_write');
      return result;
    } catch (e) {
      this.db.exec('ROLLBACK TO nested_write; RELEASE nested_write');
      throw e;
    }
  }

  async ingest(inputs: IngestInput[]): Promise<IngestReport[]> {
    const guard = await loadGuard();
    return this.write(() => this.ingestSync(inputs, guard));
  }

  /** Ingests `inputs()` only if the database holds no document, checked under the write lock: of two processes opening a new database, one loads it. */
  async loadIfEmpty(inputs: () => IngestInput[]): Promise<IngestReport[] | null> {
    const guard = await loadGuard();
    return this.write(() => (this.isEmptySync() ? this.ingestSync(inputs(), guard) : null));
  }

  private ingestSync(inputs: IngestInput[], guard: Guard): IngestReport[] {
    const existing = new Map<string, Existing>();
    for (const r of this.sql('SELECT id, report FROM documents').all() as { id: string; report: string }[]) {
      existing.set(r.id, { report: JSON.parse(r.report), texts: [] });
    }
    // The texts of the documents named: what a new text is compared with, or merged into.
    const texts = this.sql('SELECT language, raw, content_hash, parsed FROM document_texts WHERE document = ?');
    for (const id of new Set(inputs.map((i) => i.doc.id))) {
      const e = existing.get(id);
      if (!e) continue;
      for (const t of texts.all(id) as TextRead[]) e.texts.push({ language: t.language, hash: t.content_hash, raw: t.raw, parsed: JSON.parse(t.parsed) });
    }
    const rank = (this.sql('SELECT COALESCE(MAX(rank), 0) AS r FROM documents').get() as { r: number }).r;
    const plan: IngestPlan = planIngest(inputs, existing, rank, (codes) => this.factsForSync(codes));
    // Before any write: the documents held afterwards must give an engine (refused otherwise).
    const law = guard(plan, () => this.sql('SELECT id, parsed FROM documents ORDER BY rank').all() as StoredParse[], () => this.curatedSync());
    for (const id of plan.remove) this.sql('DELETE FROM documents WHERE id = ?').run(id);
    const insDoc = this.sql(`INSERT INTO documents (id, rank, kind, format, title, url, convention, signed, published, entry_into_force, valid_until, ingested_at, content_hash, raw, parsed, report)
      VALUES (@id, @rank, @kind, @format, @title, @url, @convention, @signed, @published, @entry_into_force, @valid_until, @ingested_at, @content_hash, @raw, @parsed, @report)`);
    const insFact = this.sql('INSERT INTO code_facts (document, seq, code, op, label_folded, data, is_global) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const insText = this.sql('INSERT INTO document_texts (document, language, raw, content_hash, parsed) VALUES (@document, @language, @raw, @content_hash, @parsed)');
    for (const row of plan.documents) insDoc.run(row);
    for (const row of plan.texts) insText.run(row);
    for (const f of plan.facts) insFact.run(f.document, f.seq, f.code, f.op, f.labelFolded, f.data, f.isGlobal);
    if (law) this.writeLaw(law.law, law.curated);
    return plan.reports;
  }

  private curatedSync(): CuratedFile[] {
    return this.sql('SELECT name, raw FROM curated_files ORDER BY name').all() as CuratedFile[];
  }

  private writeLaw(law: CompiledLaw, curated: readonly StoredCuratedFile[]): void {
    const ins = this.sql('INSERT INTO curated_files (name, raw, content_hash, ingested_at) VALUES (@name, @raw, @content_hash, @ingested_at)');
    for (const f of curated) ins.run(f);
    this.sql('DELETE FROM compiled_law').run();
    this.sql('INSERT INTO compiled_law (id, engine, rules, compiled_at) VALUES (1, ?, ?, ?)').run(law.engine, law.rules, new Date().toISOString());
  }

  async compiledLaw(): Promise<CompiledLaw | null> {
    return (this.sql('SELECT engine, rules FROM compiled_law WHERE id = 1').get() as CompiledLaw | undefined) ?? null;
  }

  async curatedFiles(): Promise<CuratedFile[]> {
    return this.curatedSync();
  }

  async recompileLaw(engine: string): Promise<boolean> {
    const { compileLaw, curatedOf } = await import('./guard.js');
    return this.write(() => {
      // read again under the lock: of two processes opening an old database, one compiles
      const held = this.sql('SELECT engine FROM compiled_law WHERE id = 1').pluck().get() as string | undefined;
      if (held === engine) return false;
      const documents = (this.sql('SELECT parsed FROM documents ORDER BY rank').pluck().all() as string[]).map((p) => JSON.parse(p) as ParsedDocument);
      const curated = curatedOf(this.curatedSync());
      this.writeLaw(compileLaw(documents, curated.files), curated.toWrite);
      return true;
    });
  }

  private factsForSync(codes: string[]): Map<string, CodeFact[]> {
    const out = new Map<string, CodeFact[]>();
    const stmt = this.sql('SELECT f.data FROM code_facts f JOIN documents d ON d.id = f.document WHERE f.code = ? ORDER BY d.rank, f.seq');
    const ranges = (this.sql(`SELECT f.data FROM code_facts f JOIN documents d ON d.id = f.document WHERE f.is_global = 1 ORDER BY d.rank, f.seq`).all() as { data: string }[])
      .map((r) => JSON.parse(r.data) as CodeFact);
    for (const c of codes) {
      const own = (stmt.all(c) as { data: string }[]).map((r) => JSON.parse(r.data) as CodeFact);
      out.set(c, [...own, ...ranges.filter((r) => globalCovers(r.code, c))]);
    }
    return out;
  }

  private isEmptySync(): boolean {
    return this.sql('SELECT 1 FROM documents LIMIT 1').get() === undefined;
  }

  async isEmpty(): Promise<boolean> {
    return this.isEmptySync();
  }

  async documents(): Promise<IngestReport[]> {
    return (this.sql('SELECT report FROM documents ORDER BY rank').all() as { report: string }[]).map((r) => JSON.parse(r.report));
  }

  async document(id: string): Promise<StoredDocument | null> {
    const r = this.sql('SELECT raw, parsed, report FROM documents WHERE id = ?').get(id) as { raw: string; parsed: string; report: string } | undefined;
    if (!r) return null;
    const texts = this.sql('SELECT language, raw, content_hash, parsed FROM document_texts WHERE document = ?').all(id) as TextRead[];
    return storedDocument(r, texts);
  }

  async factsFor(code: string): Promise<CodeFact[]> {
    return this.factsForSync([code]).get(code) ?? [];
  }

  async allFacts(): Promise<CodeFact[]> {
    return (this.sql(ALL_FACTS).pluck().all() as string[]).map((data) => JSON.parse(data));
  }

  async parsedDocuments(): Promise<ParsedDocument[]> {
    return (this.sql('SELECT parsed FROM documents ORDER BY rank').pluck().all() as string[]).map((p) => JSON.parse(p));
  }

  async searchCandidates(prefix: string | null, words: string[], limit: number): Promise<string[]> {
    if (prefix !== null) {
      return (this.sql("SELECT DISTINCT code FROM code_facts WHERE code LIKE ? ESCAPE '\\' ORDER BY code LIMIT ?").all(`${likeEscape(prefix)}%`, limit) as { code: string }[]).map((r) => r.code);
    }
    if (words.length === 0) return [];
    const where = words.map(() => "label_folded LIKE ? ESCAPE '\\'").join(' AND ');
    const args = words.map((w) => `%${likeEscape(w)}%`);
    return (this.sql(`SELECT DISTINCT code FROM code_facts WHERE label_folded IS NOT NULL AND ${where} ORDER BY code`).all(...args) as { code: string }[]).map((r) => r.code);
  }

  async putInstitutions(list: Institution[]): Promise<void> {
    const rows = institutionsToWrite(list);
    await this.write(() => {
      const upsert = this.sql('INSERT INTO institutions (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name');
      const clear = this.sql('DELETE FROM institution_conventions WHERE institution = ?');
      const add = this.sql('INSERT INTO institution_conventions (institution, seq, convention, valid_from, valid_to, signed, notice_sent) VALUES (?, ?, ?, ?, ?, ?, ?)');
      for (const i of rows) {
        upsert.run(i.id, i.name ?? null);
        clear.run(i.id);
        i.conventions.forEach((c, seq) => add.run(i.id, seq, c.convention, c.from, c.to ?? null, c.signed ?? null, c.noticeSent ?? null));
      }
    });
  }

  async institutions(): Promise<Institution[]> {
    return this.institutionsWhere(null);
  }

  async institution(id: string): Promise<Institution | null> {
    return this.institutionsWhere(id)[0] ?? null;
  }

  private institutionsWhere(id: string | null): Institution[] {
    const filter = id === null ? '' : ' WHERE id = ?';
    const args = id === null ? [] : [id];
    const insts = this.sql(`SELECT id, name FROM institutions${filter} ORDER BY id`).all(...args) as { id: string; name: string | null }[];
    const convs = this.sql(`SELECT institution, convention, valid_from, valid_to, signed, notice_sent FROM institution_conventions${id === null ? '' : ' WHERE institution = ?'} ORDER BY institution, seq`)
      .all(...args) as ConventionRow[];
    return institutionsOf(insts, convs);
  }

  async withBeneficiary<T>(beneficiary: string, fn: (h: BeneficiaryHistory) => Promise<T>): Promise<T> {
    // Only withBeneficiary keeps a write transaction open across awaits: an open one here means a nested call.
    if (this.inWrite.getStore()?.open) throw new Error(NESTED);
    let open = true;
    const guard = () => {
      if (!open) throw new Error(`the history of ${beneficiary} was used after its transaction ended`);
    };
    const h: BeneficiaryHistory = {
      lines: async () => (guard(), this.linesSync(beneficiary)),
      record: async (lines) => (guard(), this.recordSync(beneficiary, lines)),
    };
    try {
      return await this.transaction(() => fn(h));
    } finally {
      open = false;
    }
  }

  async historyOf(beneficiary: string): Promise<StoredLine[]> {
    return this.linesSync(beneficiary);
  }

  async checkInputs(institutions: readonly string[], beneficiary: string | null): Promise<CheckInputs> {
    // synchronous reads: nothing can change between them
    const found: Institution[] = [];
    for (const id of new Set(institutions)) found.push(...this.institutionsWhere(id));
    found.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { institutions: found, history: beneficiary === null ? null : this.linesSync(beneficiary) };
  }

  private linesSync(beneficiary: string): StoredLine[] {
    const rows = this.sql('SELECT line_id, line_date, claim FROM beneficiary_lines WHERE beneficiary = ? ORDER BY line_date, seq').all(beneficiary) as
      { line_id: string; line_date: string; claim: string }[];
    return rows.map((r) => ({ id: r.line_id, date: r.line_date, claim: JSON.parse(r.claim) as unknown }));
  }

  private recordSync(beneficiary: string, lines: StoredLine[]): RecordResult {
    lines.forEach(checkLine);
    let seq = (this.sql('SELECT COALESCE(MAX(seq), 0) AS s FROM beneficiary_lines WHERE beneficiary = ?').get(beneficiary) as { s: number }).s;
    const ins = this.sql('INSERT INTO beneficiary_lines (beneficiary, line_id, seq, line_date, claim, recorded_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (beneficiary, line_id) DO NOTHING');
    const now = new Date().toISOString();
    const out: RecordResult = { recorded: [], duplicates: [] };
    for (const l of lines) {
      const changes = ins.run(beneficiary, l.id, seq + 1, l.date, JSON.stringify(l.claim ?? null), now).changes;
      if (changes > 0) {
        seq++;
        out.recorded.push(l.id);
      } else out.duplicates.push(l.id);
    }
    return out;
  }

  async close(): Promise<void> {
    // Wait for a transaction in flight rather than closing under it.
    await this.writer.run(async () => this.db.close());
  }
}
