/**
 * Issue 12, item 8: opening a PostgreSQL store and using it gives no warning of pg's about a query
 * sent while the client is already executing one (the session setting used to be sent from the
 * pool's 'connect' event, beside the caller's first query). Skipped without PostgreSQL, as the suite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from './postgres.js';
import { findPostgres, startPostgres, type TestPostgres } from '../test-support/postgres.js';

const binaries = findPostgres();

describe.skipIf(!binaries)('PostgreSQL store start', () => {
  let cluster: TestPostgres;
  beforeAll(async () => {
    cluster = await startPostgres(binaries);
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it('opens, reads and commits without a deprecation warning', async () => {
    const warnings: string[] = [];
    const listen = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
    process.on('warning', listen);
    try {
      const store = await openPostgres(await cluster.createSchema(), { max: 4 });
      try {
        await Promise.all([store.documents(), store.institutions(), store.historyOf('P-1'), store.documents()]);
        await store.withBeneficiary('P-1', async (h) => h.record([{ id: 'L1', date: '2024-11-18', claim: { id: 'L1', code: '587134', date: '2024-11-18' } }]));
        expect(await store.historyOf('P-1')).toHaveLength(1);
      } finally {
        await store.close();
      }
      // warnings are emitted on the next tick
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      process.off('warning', listen);
    }
    expect(warnings.filter((w) => /already executing a query/.test(w))).toEqual([]);
  });
});
