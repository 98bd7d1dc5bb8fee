/**
 * The server store: PostgreSQL through a `pg` Pool, with the semantics of SqliteStore (same
 * migrations, same ingest plan, same ordering). Several processes may share one database:
 * writers that must not interleave take transaction-scoped advisory locks.
 */
import pg from 'pg';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { ParsedDocument } from '../facts.js';
import { codeFacts, globalCovers, type CodeFact } from '../nomenclature/code-facts.js';
import type {
  BeneficiaryHistory, CheckInputs, IngestInput, IngestReport, Institution, RecordResult, Store, StoredDocument, StoredLine,
} from './types.js';
import { MIGRATIONS } from './migrations.js';
import { planIngest, type Existing, type IngestPlan } from './ingest.js';
import type { StoredParse } from './guard.js';
import type { CompiledLaw, StoredCuratedFile } from './law.js';
import type { CuratedFile } from '../rules/curated.js';
import { Semaphore, checkLine, institutionsOf, institutionsToWrite, likeEscape, storedDocument, type ConventionRow, type TextRead } from './common.js';

/**
 * Advisory lock keys (the two-integer form, so they never meet a single-bigint lock of another
 * application). Class NOMEN holds the store-wide locks; class BENEFICIARY holds one lock per
 * beneficiary, keyed on hashtext(id): a collision only serializes two beneficiaries needlessly.
 */
const LOCK = { NOMEN: 0x6e6f6d, BENEFICIARY: 0x6e6f6e, schema: 1, ingest: 2 } as const;

type Guard = typeof import('./guard.js').checkIngest;
/** The ingest guard, loaded on the first ingest: it needs the rule extractors, which queries do not. */
const loadGuard = async (): Promise<Guard> => (await import('./guard.js')).checkIngest;

/** Every fact in ingestion order. */
const ALL_FACTS = 'SELECT f.data FROM code_facts f JOIN documents d ON d.id = f.document ORDER BY d.rank, f.seq';

/**
 * Institutions with their conventions as plain rows, one per convention (or one with null
 * convention fields): one statement, so one snapshot, without a transaction's round trips nor
 * JSON aggregates (measured: json_agg doubles the backend's time).
 */
const INSTITUTION_ROWS = `SELECT i.id, i.name, c.convention, c.valid_from, c.valid_to, c.signed, c.notice_sent
  FROM institutions i LEFT JOIN institution_conventions c ON c.institution = i.id`;
type InstitutionRow = { id: string; name: string | null } & { [K in 'convention' | 'valid_from' | 'valid_to' | 'signed' | 'notice_sent']: string | null };

/** Institutions of rows ordered by id then convention order. */
function institutionsOfRows(rows: InstitutionRow[]): Institution[] {
  const insts: { id: string; name: string | null }[] = [];
  const convs: ConventionRow[] = [];
  for (const r of rows) {
    if (insts.at(-1)?.id !== r.id) insts.push({ id: r.id, name: r.name });
    if (r.convention !== null) convs.push({ institution: r.id, convention: r.convention, valid_from: r.valid_from!, valid_to: r.valid_to, signed: r.signed, notice_sent: r.notice_sent });
  }
  return institutionsOf(insts, convs);
}

/**
 * The reads of checks: part 0, the rows of institutions among $1; part 1, the stored lines of
 * the beneficiaries among $2 (the line id in `id`, its date in `k1`).
 */
const CHECK_INPUTS = `SELECT 0 AS part, NULL AS beneficiary, i.id COLLATE "C" AS k1, c.seq AS k2, i.id, i.name, c.convention, c.valid_from, c.valid_to, c.signed, c.notice_sent, NULL AS claim
    FROM institutions i LEFT JOIN institution_conventions c ON c.institution = i.id WHERE i.id = ANY($1::text[])
  UNION ALL
  SELECT 1, l.beneficiary, l.line_date COLLATE "C", l.seq, l.line_id, NULL, NULL, NULL, NULL, NULL, NULL, l.claim
    FROM beneficiary_lines l WHERE l.beneficiary = ANY($2::text[])
  ORDER BY part, k1, k2`;
type CheckInputRow = InstitutionRow & { part: number; beneficiary: string | null; k1: string; k2: number | null; claim: string | null };

/** A check waiting for its read (see PostgresStore.readPending). */
interface PendingRead {
  institutions: readonly string[];
  beneficiary: string | null;
  resolve: (inputs: CheckInputs) => void;
  reject: (e: unknown) => void;
}

/** At most this many checks are read by one statement. */
const READ_BATCH_MAX = 256;

/** Options of openPostgres. */
export interface PostgresOptions {
  /** Pool size (default 10). */
  max?: number;
}

/** Connects to a PostgreSQL database and brings its schema up to date (under a lock: processes may start together). */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<PostgresStore> {
  // pg-pool's onConnect is awaited before a new client is handed out: a query sent from the
  // 'connect' event instead ran beside the caller's first query (pg's deprecation warning on start).
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    onConnect: (c: pg.PoolClient) => c.query('SET plan_cache_mode = force_generic_plan').then(() => {}, () => {}),
  } as unknown as pg.PoolConfig);
  // An idle client losing its connection (server restart) must not crash the process: the next query reconnects.
  pool.on('error', () => {});
  // Every named statement here is a lookup by key: planned once per connection, not at each
  // execution. (By default PostgreSQL keeps re-planning the check read: its generic plan looks
  // costlier than plans made for the values; measured, planning was half the backend's time per
  // statement.) Statistics changes still invalidate the plan. PostgreSQL 12 and later; an older
  // server refuses the setting and keeps its default.
  try {
    await migrate(pool);
  } catch (e) {
    await pool.end();
    throw e;
  }
  return new PostgresStore(pool, options.max ?? 10);
}

async function inTransaction<T>(pool: pg.Pool, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const result = await fn(c);
    await c.query('COMMIT');
    c.release();
    return result;
  } catch (e) {
    try {
      await c.query('ROLLBACK');
      c.release();
    } catch (rollbackError) {
      // A connection that cannot even roll back is broken: destroy it rather than return it to the pool.
      c.release(rollbackError instanceof Error ? rollbackError : true);
    }
    throw e;
  }
}

async function lock(c: pg.PoolClient, key: number): Promise<void> {
  await c.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK.NOMEN, key]);
}

async function migrate(pool: pg.Pool): Promise<void> {
  await inTransaction(pool, async (c) => {
    // DDL is transactional in PostgreSQL; the lock makes a concurrent opener wait, then find nothing to do.
    await lock(c, LOCK.schema);
    await c.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const done = new Set((await c.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      await c.query(m.postgres ?? m.sql);
      await c.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, new Date().toISOString()]);
    }
  });
}

/**
 * A code's own facts (group 0) and every range/key fact (group 1), in ingestion order, in one
 * statement: one snapshot, so that a concurrent ingest is seen entirely or not at all.
 */
const FACTS_OF = `
SELECT 0 AS g, f.code, f.data, d.rank, f.seq FROM code_facts f JOIN documents d ON d.id = f.document WHERE f.code = ANY($1::text[])
UNION ALL
SELECT 1 AS g, f.code, f.data, d.rank, f.seq FROM code_facts f JOIN documents d ON d.id = f.document WHERE f.is_global = 1
ORDER BY g, rank, seq`;

type Queryable = pg.Pool | pg.PoolClient;

/** PostgreSQL implementation of Store. */
export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  /**
   * At most half the pool waits on or holds a beneficiary lock: the holder's `fn` may need pool
   * connections for reads (facts of the codes it checks), which waiters must not all have taken.
   */
  private readonly beneficiaries: Semaphore;
  /** Set while a `withBeneficiary` fn runs, to refuse nested calls. */
  private readonly inBeneficiary = new AsyncLocalStorage<{ open: boolean }>();
  /** Checks waiting for their read, and whether a read statement is running. */
  private readonly pendingReads: PendingRead[] = [];
  private reading = false;

  constructor(private readonly pool: pg.Pool, poolSize: number) {
    this.beneficiaries = new Semaphore(Math.max(1, Math.floor(poolSize / 2)));
  }

  async ingest(inputs: IngestInput[]): Promise<IngestReport[]> {
    const guard = await loadGuard();
    return inTransaction(this.pool, async (c) => {
      await lock(c, LOCK.ingest);
      return this.ingestIn(c, inputs, guard);
    });
  }

  /** Ingests `inputs()` only if the database holds no document, checked under the ingest lock: of two processes opening an empty database, one loads it. */
  async loadIfEmpty(inputs: () => IngestInput[]): Promise<IngestReport[] | null> {
    const guard = await loadGuard();
    return inTransaction(this.pool, async (c) => {
      await lock(c, LOCK.ingest);
      return (await this.isEmptyIn(c)) ? this.ingestIn(c, inputs(), guard) : null;
    });
  }

  /** The ingest proper, on a client that holds the ingest lock: ranks are read and written by one writer at a time. */
  private async ingestIn(c: pg.PoolClient, inputs: IngestInput[], guard: Guard): Promise<IngestReport[]> {
    const existing = new Map<string, Existing>();
    for (const r of (await c.query<{ id: string; report: string }>('SELECT id, report FROM documents')).rows) {
      existing.set(r.id, { report: JSON.parse(r.report), texts: [] });
    }
    // The texts of the documents named: what a new text is compared with, or merged into.
    const ids = [...new Set(inputs.map((i) => i.doc.id))];
    for (const t of (await c.query<TextRead & { document: string }>('SELECT document, language, raw, content_hash, parsed FROM document_texts WHERE document = ANY($1::text[])', [ids])).rows) {
      existing.get(t.document)?.texts.push({ language: t.language, hash: t.content_hash, raw: t.raw, parsed: JSON.parse(t.parsed) });
    }
    const rank = (await c.query<{ r: number }>('SELECT COALESCE(MAX(rank), 0) AS r FROM documents')).rows[0].r;
    // planIngest asks for stored facts synchronously: fetch beforehand those of every code the inputs name (a superset of what it asks).
    // A merged document also holds the amendments of its stored text in the other language.
    const docs = [...inputs.map((i) => i.doc), ...[...existing.values()].flatMap((e) => e.texts.map((t) => t.parsed))];
    const codes = [...new Set(docs.flatMap((d) => codeFacts(d).map((f) => f.code)))];
    const stored = await this.factsIn(c, codes);
    const plan: IngestPlan = planIngest(inputs, existing, rank, (want) => {
      const out = new Map<string, CodeFact[]>();
      for (const code of want) {
        const facts = stored.get(code);
        if (!facts) throw new Error(`internal error: the facts of ${code} were not fetched before planning the ingest`);
        out.set(code, facts);
      }
      return out;
    });
    // Before any write: the documents held afterwards must give an engine (refused otherwise).
    let law = null;
    if (plan.documents.length > 0) {
      const held = (await c.query<StoredParse>('SELECT id, parsed FROM documents ORDER BY rank')).rows;
      const curated = await this.curatedIn(c);
      law = guard(plan, () => held, () => curated);
    }
    if (plan.remove.length > 0) await c.query('DELETE FROM documents WHERE id = ANY($1::text[])', [plan.remove]);
    for (const d of plan.documents) {
      await c.query(
        `INSERT INTO documents (id, rank, kind, format, title, url, convention, signed, published, entry_into_force, valid_until, ingested_at, content_hash, raw, parsed, report)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
        [d.id, d.rank, d.kind, d.format, d.title, d.url, d.convention, d.signed, d.published, d.entry_into_force, d.valid_until, d.ingested_at, d.content_hash, d.raw, d.parsed, d.report],
      );
    }
    if (plan.texts.length > 0) {
      const t = plan.texts;
      await c.query(
        'INSERT INTO document_texts (document, language, raw, content_hash, parsed) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])',
        [t.map((x) => x.document), t.map((x) => x.language), t.map((x) => x.raw), t.map((x) => x.content_hash), t.map((x) => x.parsed)],
      );
    }
    if (plan.facts.length > 0) {
      // One statement for all facts: a row per round trip would dominate the ingest time.
      const f = plan.facts;
      await c.query(
        'INSERT INTO code_facts (document, seq, code, op, label_folded, data, is_global) SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[])',
        [f.map((x) => x.document), f.map((x) => x.seq), f.map((x) => x.code), f.map((x) => x.op), f.map((x) => x.labelFolded), f.map((x) => x.data), f.map((x) => x.isGlobal)],
      );
    }
    if (law) await this.writeLaw(c, law.law, law.curated);
    return plan.reports;
  }

  private async curatedIn(q: Queryable): Promise<CuratedFile[]> {
    return (await q.query<CuratedFile>('SELECT name, raw FROM curated_files ORDER BY name')).rows;
  }

  private async writeLaw(c: pg.PoolClient, law: CompiledLaw, curated: readonly StoredCuratedFile[]): Promise<void> {
    for (const f of curated) {
      await c.query('INSERT INTO curated_files (name, raw, content_hash, ingested_at) VALUES ($1, $2, $3, $4)', [f.name, f.raw, f.content_hash, f.ingested_at]);
    }
    await c.query('DELETE FROM compiled_law');
    await c.query('INSERT INTO compiled_law (id, engine, rules, compiled_at) VALUES (1, $1, $2, $3)', [law.engine, law.rules, new Date().toISOString()]);
  }

  async compiledLaw(): Promise<CompiledLaw | null> {
    return (await this.pool.query<CompiledLaw>('SELECT engine, rules FROM compiled_law WHERE id = 1')).rows[0] ?? null;
  }

  async curatedFiles(): Promise<CuratedFile[]> {
    return this.curatedIn(this.pool);
  }

  async recompileLaw(engine: string): Promise<boolean> {
    const { compileLaw, curatedOf } = await import('./guard.js');
    return inTransaction(this.pool, async (c) => {
      await lock(c, LOCK.ingest);
      // read again under the lock: of two processes opening an old database, one compiles
      const held = (await c.query<{ engine: string }>('SELECT engine FROM compiled_law WHERE id = 1')).rows[0]?.engine;
      if (held === engine) return false;
      const documents = (await c.query<{ parsed: string }>('SELECT parsed FROM documents ORDER BY rank')).rows.map((r) => JSON.parse(r.parsed) as ParsedDocument);
      const curated = curatedOf(await this.curatedIn(c));
      await this.writeLaw(c, compileLaw(documents, curated.files), curated.toWrite);
      return true;
    });
  }

  /** Own facts then range/key facts that may cover each code, in ingestion order: exactly SqliteStore's factsForSync. */
  private async factsIn(q: Queryable, codes: string[]): Promise<Map<string, CodeFact[]>> {
    const out = new Map<string, CodeFact[]>();
    if (codes.length === 0) return out;
    const rows = (await q.query<{ g: number; code: string; data: string }>(FACTS_OF, [codes])).rows;
    const ranges: CodeFact[] = [];
    const byCode = new Map<string, CodeFact[]>();
    for (const r of rows) {
      const fact = JSON.parse(r.data) as CodeFact;
      if (r.g === 1) {
        ranges.push(fact);
        continue;
      }
      const list = byCode.get(r.code) ?? [];
      list.push(fact);
      byCode.set(r.code, list);
    }
    for (const code of codes) out.set(code, [...(byCode.get(code) ?? []), ...ranges.filter((r) => globalCovers(r.code, code))]);
    return out;
  }

  private async isEmptyIn(q: Queryable): Promise<boolean> {
    return (await q.query('SELECT 1 FROM documents LIMIT 1')).rowCount === 0;
  }

  async isEmpty(): Promise<boolean> {
    return this.isEmptyIn(this.pool);
  }

  async documents(): Promise<IngestReport[]> {
    return (await this.pool.query<{ report: string }>('SELECT report FROM documents ORDER BY rank')).rows.map((r) => JSON.parse(r.report));
  }

  async document(id: string): Promise<StoredDocument | null> {
    // One statement: the document and its texts in one snapshot.
    const rows = (await this.pool.query<{ raw: string; parsed: string; report: string; t_language: string | null; t_raw: string; t_hash: string; t_parsed: string }>(
      `SELECT d.raw, d.parsed, d.report, t.language AS t_language, t.raw AS t_raw, t.content_hash AS t_hash, t.parsed AS t_parsed
       FROM documents d LEFT JOIN document_texts t ON t.document = d.id WHERE d.id = $1`, [id])).rows;
    if (rows.length === 0) return null;
    const texts = rows.filter((r) => r.t_language !== null).map((r) => ({ language: r.t_language!, raw: r.t_raw, content_hash: r.t_hash, parsed: r.t_parsed }));
    return storedDocument(rows[0], texts);
  }

  async factsFor(code: string): Promise<CodeFact[]> {
    return (await this.factsIn(this.pool, [code])).get(code) ?? [];
  }

  async allFacts(): Promise<CodeFact[]> {
    return (await this.pool.query<{ data: string }>(ALL_FACTS)).rows.map((r) => JSON.parse(r.data));
  }

  async parsedDocuments(): Promise<ParsedDocument[]> {
    return (await this.pool.query<{ parsed: string }>('SELECT parsed FROM documents ORDER BY rank')).rows.map((r) => JSON.parse(r.parsed));
  }

  async searchCandidates(prefix: string | null, words: string[], limit: number): Promise<string[]> {
    // COLLATE "C": byte order, as SQLite's BINARY, whatever the database's locale.
    if (prefix !== null) {
      const sql = `SELECT DISTINCT code COLLATE "C" AS code FROM code_facts WHERE code LIKE $1 ESCAPE '\\' ORDER BY code LIMIT $2`;
      return (await this.pool.query<{ code: string }>(sql, [`${likeEscape(prefix)}%`, limit])).rows.map((r) => r.code);
    }
    if (words.length === 0) return [];
    // ILIKE: SQLite's LIKE ignores ASCII case; the folded labels and words are lower case anyway.
    const where = words.map((_, i) => `label_folded ILIKE $${i + 1} ESCAPE '\\'`).join(' AND ');
    const sql = `SELECT DISTINCT code COLLATE "C" AS code FROM code_facts WHERE label_folded IS NOT NULL AND ${where} ORDER BY code`;
    return (await this.pool.query<{ code: string }>(sql, words.map((w) => `%${likeEscape(w)}%`))).rows.map((r) => r.code);
  }

  async putInstitutions(list: Institution[]): Promise<void> {
    // In id order: two concurrent calls lock the institution rows in the same order, so neither deadlocks.
    const rows = institutionsToWrite(list);
    if (rows.length === 0) return;
    await inTransaction(this.pool, async (c) => {
      for (const i of rows) {
        await c.query('INSERT INTO institutions (id, name) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET name = excluded.name', [i.id, i.name ?? null]);
        await c.query('DELETE FROM institution_conventions WHERE institution = $1', [i.id]);
        const cs = i.conventions ?? [];
        if (cs.length === 0) continue;
        await c.query(
          `INSERT INTO institution_conventions (institution, seq, convention, valid_from, valid_to, signed, notice_sent)
           SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])`,
          [i.id, cs.map((_, k) => k), cs.map((x) => x.convention), cs.map((x) => x.from), cs.map((x) => x.to ?? null), cs.map((x) => x.signed ?? null), cs.map((x) => x.noticeSent ?? null)],
        );
      }
    });
  }

  async institutions(): Promise<Institution[]> {
    return this.institutionsWhere(null);
  }

  async institution(id: string): Promise<Institution | null> {
    return (await this.institutionsWhere(id))[0] ?? null;
  }

  private async institutionsWhere(id: string | null): Promise<Institution[]> {
    const rows = (await this.pool.query<InstitutionRow>({
      name: id === null ? 'nomen-institutions' : 'nomen-institution',
      text: `${INSTITUTION_ROWS}${id === null ? '' : ' WHERE i.id = $1'} ORDER BY i.id COLLATE "C", c.seq`,
      values: id === null ? [] : [id],
    })).rows;
    return institutionsOfRows(rows);
  }

  async withBeneficiary<T>(beneficiary: string, fn: (h: BeneficiaryHistory) => Promise<T>): Promise<T> {
    // A nested call would wait, on another connection, for a lock its own caller holds: fail instead of hanging.
    if (this.inBeneficiary.getStore()?.open) throw new Error('withBeneficiary cannot be nested: one transaction per beneficiary at a time');
    const context = { open: true };
    return this.beneficiaries.run(() =>
      inTransaction(this.pool, async (c) => {
        // Held until COMMIT/ROLLBACK; READ COMMITTED then gives every later statement the state the previous holder committed.
        await c.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK.BENEFICIARY, beneficiary]);
        let open = true;
        const guard = () => {
          if (!open) throw new Error(`the history of ${beneficiary} was used after its transaction ended`);
        };
        const h: BeneficiaryHistory = {
          lines: async () => (guard(), this.linesIn(c, beneficiary)),
          record: async (lines) => (guard(), this.recordIn(c, beneficiary, lines)),
        };
        try {
          return await this.inBeneficiary.run(context, () => fn(h));
        } finally {
          open = false;
          context.open = false;
        }
      }),
    );
  }

  async historyOf(beneficiary: string): Promise<StoredLine[]> {
    return this.linesIn(this.pool, beneficiary);
  }

  checkInputs(institutions: readonly string[], beneficiary: string | null): Promise<CheckInputs> {
    if (institutions.length === 0 && beneficiary === null) return Promise.resolve({ institutions: [], history: null });
    return new Promise((resolve, reject) => {
      this.pendingReads.push({ institutions, beneficiary, resolve, reject });
      if (!this.reading) {
        // Sent once the event loop has handled what it received with this check: the checks that
        // came in the same read of the sockets go in the same statement.
        this.reading = true;
        setImmediate(() => void this.readPending());
      }
    });
  }

  /**
   * The reads of checks, batched: one statement at a time; the checks that arrive while it runs
   * wait and are all read by the next one. A check's read is sent when or after the check
   * arrives, never before, so it sees every commit made before it — the guarantee of a read of
   * its own. Without load a check is read at once (at the end of the event loop's turn); under
   * load one statement serves several (measured at 16 connections on two processes: 4 to 5
   * checks per statement; the backend's time per check more than halved, the server's down by
   * a sixth: a round trip costs more than the rows it brings).
   */
  private async readPending(): Promise<void> {
    try {
      while (this.pendingReads.length > 0) {
        const batch = this.pendingReads.splice(0, READ_BATCH_MAX);
        try {
          const inputs = await this.readInputs(batch);
          batch.forEach((p, i) => p.resolve(inputs[i]));
        } catch (e) {
          for (const p of batch) p.reject(e);
        }
      }
    } finally {
      this.reading = false;
    }
  }

  /** One statement (one round trip, one snapshot) for the registry entries and histories of several checks. */
  private async readInputs(batch: readonly PendingRead[]): Promise<CheckInputs[]> {
    const ids = new Set<string>();
    const beneficiaries = new Set<string>();
    for (const p of batch) {
      for (const id of p.institutions) ids.add(id);
      if (p.beneficiary !== null) beneficiaries.add(p.beneficiary);
    }
    const rows = (await this.pool.query<CheckInputRow>({ name: 'nomen-check-inputs', text: CHECK_INPUTS, values: [[...ids], [...beneficiaries]] })).rows;
    let split = rows.findIndex((r) => r.part === 1);
    if (split < 0) split = rows.length;
    const registry = ids.size === 0 ? [] : institutionsOfRows(rows.slice(0, split));
    // Lines come in date order, then recording order: grouping keeps that order per beneficiary.
    const histories = new Map<string, StoredLine[]>();
    for (let i = split; i < rows.length; i++) {
      const r = rows[i];
      let lines = histories.get(r.beneficiary!);
      if (lines === undefined) histories.set(r.beneficiary!, (lines = []));
      lines.push({ id: r.id, date: r.k1, claim: JSON.parse(r.claim!) as unknown });
    }
    return batch.map((p) => ({
      institutions: p.institutions.length === 0 ? [] : registry.filter((i) => p.institutions.includes(i.id)),
      history: p.beneficiary === null ? null : histories.get(p.beneficiary) ?? [],
    }));
  }

  private async linesIn(q: Queryable, beneficiary: string): Promise<StoredLine[]> {
    // a named statement: parsed and planned once per connection (the query of every check)
    const rows = (await q.query<{ line_id: string; line_date: string; claim: string }>({
      name: 'nomen-lines-of',
      text: 'SELECT line_id, line_date, claim FROM beneficiary_lines WHERE beneficiary = $1 ORDER BY line_date COLLATE "C", seq',
      values: [beneficiary],
    })).rows;
    return rows.map((r) => ({ id: r.line_id, date: r.line_date, claim: JSON.parse(r.claim) as unknown }));
  }

  private async recordIn(c: pg.PoolClient, beneficiary: string, lines: StoredLine[]): Promise<RecordResult> {
    lines.forEach(checkLine);
    let seq = (await c.query<{ s: number }>('SELECT COALESCE(MAX(seq), 0) AS s FROM beneficiary_lines WHERE beneficiary = $1', [beneficiary])).rows[0].s;
    const now = new Date().toISOString();
    const out: RecordResult = { recorded: [], duplicates: [] };
    for (const l of lines) {
      const r = await c.query(
        'INSERT INTO beneficiary_lines (beneficiary, line_id, seq, line_date, claim, recorded_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (beneficiary, line_id) DO NOTHING',
        [beneficiary, l.id, seq + 1, l.date, JSON.stringify(l.claim ?? null), now],
      );
      if ((r.rowCount ?? 0) > 0) {
        seq++;
        out.recorded.push(l.id);
      } else out.duplicates.push(l.id);
    }
    return out;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
