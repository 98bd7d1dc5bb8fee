/**
 * The shared store suite on PostgreSQL: a throw-away cluster started here (two pools on one
 * database stand for two processes). Without PostgreSQL installed the suite fails under CI=true
 * (CI installs it with .ci/apt-deps) and is skipped, loudly, elsewhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { describeStore } from './store.suite.js';
import { openPostgres } from './postgres.js';
import { openStore } from './open.js';
import { MIGRATIONS } from './migrations.js';
import type { Store } from './types.js';
import { POSTGRES_MISSING, findPostgres, startPostgres, type TestPostgres } from '../test-support/postgres.js';

const binaries = findPostgres();

if (!binaries) {
  if (process.env.CI === 'true') {
    describe('PostgreSQL store', () => {
      it('needs PostgreSQL installed', () => {
        throw new Error(POSTGRES_MISSING);
      });
    });
  } else {
    const bar = '!'.repeat(100);
    console.warn(`\n${bar}\n!! SKIPPING the PostgreSQL store suite. ${POSTGRES_MISSING}\n${bar}\n`);
    describe.skip('PostgreSQL store (skipped: PostgreSQL is not installed)', () => {
      it('runs the shared store suite', () => {});
    });
  }
} else {
  let cluster: TestPostgres | undefined;
  const db = () => {
    if (!cluster) throw new Error('the PostgreSQL cluster did not start');
    return cluster;
  };
  const urls = new WeakMap<Store, string>();

  beforeAll(async () => {
    cluster = await startPostgres(binaries);
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  describeStore(
    'postgres',
    async (same) => {
      const url = same ? urls.get(same)! : await db().createSchema();
      const store = await openPostgres(url);
      urls.set(store, url);
      return store;
    },
    { freshSpec: () => db().createDatabase() },
  );

  describe('PostgreSQL specifics', () => {
    it('openStore routes postgres:// and postgresql:// URLs to PostgreSQL', async () => {
      const url = await db().createDatabase();
      const a = await openStore(url);
      const b = await openStore(url.replace(/^postgres:/, 'postgresql:'));
      try {
        expect([a.kind, b.kind]).toEqual(['postgres', 'postgres']);
        expect(await b.documents()).toHaveLength(3);
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });

    it('plans the check read once per connection (a generic plan), not at every execution', async () => {
      const store = await openPostgres(await db().createSchema(), { max: 1 });
      try {
        for (let i = 0; i < 8; i++) await store.checkInputs(['H-1'], `P-${i}`);
        // The pool's one connection: the session that prepared the statement.
        const pool = (store as unknown as { pool: pg.Pool }).pool;
        const { rows } = await pool.query<{ generic_plans: string; custom_plans: string }>("SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = 'nomen-check-inputs'");
        expect(rows).toEqual([{ generic_plans: '8', custom_plans: '0' }]);
      } finally {
        await store.close();
      }
    });

    it('upgrades a database made by the first release (migration 1 only)', async () => {
      const url = await db().createDatabase();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
        await client.query(MIGRATIONS[0].sql);
        await client.query('INSERT INTO schema_migrations VALUES ($1, $2, $3)', [1, MIGRATIONS[0].name, '2025-01-01T00:00:00Z']);
      } finally {
        await client.end();
      }
      const [s1, s2] = await Promise.all([openPostgres(url), openPostgres(url)]);
      try {
        await s1.putInstitutions([{ id: 'H-1', name: null, conventions: [] }]);
        expect(await s2.institutions()).toEqual([{ id: 'H-1', name: null, conventions: [] }]);
      } finally {
        await Promise.all([s1.close(), s2.close()]);
      }
    });

    it('reports a server that cannot be reached', async () => {
      await expect(openStore(`postgres://nomen@127.0.0.1:${db().port}/no_such_database`)).rejects.toThrow(/no_such_database/);
    });
  });
}
