/** Opens the store a `--db` option names, loading the built-in corpus into a new database. */
import { existsSync } from 'node:fs';
import { builtinFiles } from '../nomenclature/builtin.js';
import { parseDocument } from '../corpus/detect.js';
import { openSqlite } from './sqlite.js';
import type { Store } from './types.js';

/** The default embedded database file, in the current directory. */
export const DEFAULT_DB = 'nomen.db';

/** Opens `spec` (a SQLite file path); a database that does not exist yet is created and loaded with the built-in corpus. */
export async function openStore(spec: string = DEFAULT_DB): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(spec)) {
    throw new Error('PostgreSQL is not available in this version: use a SQLite file path for --db');
  }
  const fresh = spec === ':memory:' || !existsSync(spec);
  const store = openSqlite(spec);
  if (fresh || (await store.isEmpty())) await loadBuiltin(store);
  return store;
}

/** Ingests the built-in corpus (the three source documents). */
export async function loadBuiltin(store: Store): Promise<void> {
  await store.ingest(builtinFiles().map(({ file, raw }) => ({ file, raw, doc: parseDocument(raw, file) })));
}
