/** The shared store suite on SQLite files (two handles on one file stand for two processes), plus upgrades of old files. */
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeStore } from './store.suite.js';
import { openSqlite } from './sqlite.js';
import { openStore } from './open.js';
import { MIGRATIONS } from './migrations.js';
import type { Store } from './types.js';
import { readFileSync } from 'node:fs';
import { parseDocument } from '../corpus/detect.js';
import { contentHash } from '../hash.js';
import { reportOf } from './report.js';

const dir = mkdtempSync(join(tmpdir(), 'nomen-sqlite-'));
let n = 0;
const files = new WeakMap<Store, string>();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeStore(
  'sqlite',
  async (same) => {
    const file = same ? files.get(same)! : join(dir, `store-${++n}.db`);
    const store = openSqlite(file);
    files.set(store, file);
    return store;
  },
  { freshSpec: async () => join(dir, `open-${++n}.db`) },
);

describe('SQLite schema', () => {
  it('upgrades a database made by the first release (migration 1 only) and keeps its documents', async () => {
    const file = join(dir, 'v1.db');
    const db = new Database(file);
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    db.exec(MIGRATIONS[0].sql);
    db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(1, MIGRATIONS[0].name, '2025-01-01T00:00:00Z');
    db.close();
    const store = await openStore(file);
    try {
      expect((await store.documents()).length).toBe(3);
      await store.putInstitutions([{ id: 'H-1', name: null, conventions: [] }]);
      expect(await store.institutions()).toEqual([{ id: 'H-1', name: null, conventions: [] }]);
    } finally {
      await store.close();
    }
    const check = new Database(file, { readonly: true });
    expect(check.prepare('SELECT version FROM schema_migrations ORDER BY version').all()).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
    check.close();
  });

  it('upgrades a database made before texts were kept per language: its act\'s Dutch text merges, its French text is unchanged', async () => {
    const file = join(dir, 'v4.db');
    const db = new Database(file);
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const m of MIGRATIONS.filter((m) => m.version <= 4)) {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, '2025-01-01T00:00:00Z');
    }
    // the row as release 4 wrote it: a parse without language
    const frRaw = readFileSync(join(__dirname, '..', '..', 'test', 'fixtures', 'justel', '02-insertions.md'), 'utf8');
    const { language: _l, coverage: _c, ...old } = parseDocument(frRaw, 'fr.md');
    db.prepare(`INSERT INTO documents (id, rank, kind, format, title, url, convention, signed, published, entry_into_force, valid_until, ingested_at, content_hash, raw, parsed, report)
      VALUES (?, 1, ?, ?, ?, NULL, NULL, NULL, NULL, NULL, NULL, '2025-01-01', ?, ?, ?, ?)`).run(old.id, old.kind, old.format, old.title, contentHash(frRaw), frRaw, JSON.stringify(old), JSON.stringify(reportOf(old, 'fr.md', 'ingested', '2025-01-01')));
    db.close();
    const store = openSqlite(file);
    try {
      expect((await store.document(old.id))!.texts.map((t) => t.language)).toEqual(['fr']);
      expect((await store.ingest([{ file: 'fr.md', raw: frRaw, doc: parseDocument(frRaw, 'fr.md') }]))[0].status).toBe('unchanged');
      const nlRaw = readFileSync(join(__dirname, '..', '..', 'test', 'fixtures', 'justel', '02-insertions.nl.md'), 'utf8');
      expect((await store.ingest([{ file: 'nl.md', raw: nlRaw, doc: parseDocument(nlRaw, 'nl.md') }]))[0].status).toBe('merged');
      expect((await store.document(old.id))!.texts.map((t) => [t.language, t.raw])).toEqual([['fr', frRaw], ['nl', nlRaw]]);
    } finally {
      await store.close();
    }
  });

  it('opening an up-to-date database writes nothing', async () => {
    const file = join(dir, 'quiet.db');
    await (await openStore(file)).close();
    const before = new Database(file, { readonly: true }).prepare('SELECT COUNT(*) AS n FROM schema_migrations').get();
    const s = openSqlite(file);
    await s.close();
    expect(new Database(file, { readonly: true }).prepare('SELECT COUNT(*) AS n FROM schema_migrations').get()).toEqual(before);
  });
});
