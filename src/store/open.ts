/** Opens the store a `--db` option names, loading the built-in corpus into a new database. */
import { openSqlite } from './sqlite.js';
import type { IngestInput, Store } from './types.js';

/** The default embedded database file, in the current directory. */
export const DEFAULT_DB = 'nomen.db';

/** True for a `--db` value that names a PostgreSQL database rather than a SQLite file. */
export function isPostgresSpec(spec: string): boolean {
  return /^postgres(ql)?:\/\//.test(spec);
}

/**
 * Opens `spec`: a `postgres://` or `postgresql://` URL, else a SQLite file path. A database that
 * holds no document yet is loaded with the built-in corpus (once, even when processes open it together).
 */
export async function openStore(spec: string = DEFAULT_DB): Promise<Store> {
  if (isPostgresSpec(spec)) {
    // Loaded on demand: a SQLite command need not pay for the pg driver.
    const { openPostgres } = await import('./postgres.js');
    return loadIfNew(await openPostgres(spec));
  }
  return loadIfNew(openSqlite(spec));
}

async function loadIfNew<S extends Store & { loadIfEmpty(inputs: () => IngestInput[]): Promise<unknown> }>(store: S): Promise<S> {
  try {
    // The cheap check first: a loaded database takes no write lock, nor loads the parsers, on open.
    if (await store.isEmpty()) await store.loadIfEmpty(await builtinInputsLoader());
    return store;
  } catch (e) {
    await store.close();
    throw e;
  }
}

/**
 * The built-in corpus as a synchronous thunk, its modules imported first: the store calls it under
 * its write lock, only if the database is still empty, and parsing is the costly part.
 */
async function builtinInputsLoader(): Promise<() => IngestInput[]> {
  // Loaded on demand: parsers are not needed to query an existing database.
  const [{ builtinFiles }, { parseDocument }] = await Promise.all([import('../nomenclature/builtin.js'), import('../corpus/detect.js')]);
  return () => builtinFiles().map(({ file, raw }) => ({ file, raw, doc: parseDocument(raw, file) }));
}

/** The built-in corpus (the three source documents), parsed, as ingest inputs. */
export async function builtinInputs(): Promise<IngestInput[]> {
  return (await builtinInputsLoader())();
}
