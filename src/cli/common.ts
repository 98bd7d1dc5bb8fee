/** What every command shares: exit codes, the --db option, JSON or readable output. */
import { openStore, DEFAULT_DB } from '../store/open.js';
import type { Store } from '../store/types.js';
import { readFileSync } from 'node:fs';
import { isIsoDate, today } from '../date.js';
import type { Locale } from '../engine/messages/types.js';
import { decodeUtf8, utf8Message, Utf8Error } from '../utf8.js';

/** Exit codes of the contract. */
export const EXIT = { ok: 0, badInput: 2, badCode: 3 } as const;

/** An error the user can act on: printed on stderr without a stack trace, then exit with `exitCode`. */
export class UserError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT.badInput) {
    super(message);
  }
}

/** Options every command accepts. */
export interface DbOptions {
  db?: string;
}

/** The database a command uses: --db, else $NOMEN_DB, else the default file. */
export function dbSpec(opts: DbOptions): string {
  return opts.db ?? process.env.NOMEN_DB ?? DEFAULT_DB;
}

/** Opens the --db store, runs `fn`, and always closes the store. */
export async function withStore<T>(opts: DbOptions, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(dbSpec(opts));
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/**
 * Reads an input file, or stdin for "-", as strict UTF-8: a read error, or bytes that are not
 * UTF-8 (named by line and byte offset, in `locale`), is a UserError naming the file.
 */
export function readTextInput(file: string, what: string, locale: Locale = 'en'): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file === '-' ? 0 : file);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'is a directory' : err.code === 'EACCES' ? 'permission denied' : err.message;
    throw new UserError(`${file}: cannot read the ${what} (${why})`);
  }
  try {
    return decodeUtf8(bytes);
  } catch (e) {
    if (e instanceof Utf8Error) throw new UserError(`${file}: ${utf8Message(e.fault, locale)}`);
    throw e;
  }
}

/** Validates an --at option (default: today). */
export function dateOption(at: string | undefined, name = '--at'): string {
  if (at === undefined) return today();
  if (!isIsoDate(at)) throw new UserError(`${name}: "${at}" is not a date in the form YYYY-MM-DD`);
  return at;
}

/** Validates a whole-number option within [min, max]. */
export function wholeNumber(value: string, name: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) throw new UserError(`${name}: "${value}" is not a whole number from ${min} to ${max}`);
  return n;
}

/** Prints a value as pretty JSON on stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/** Help text shared by the --db option. */
export const DB_HELP = `database: a SQLite file (default ./${DEFAULT_DB}, or $NOMEN_DB) or a postgres://user@host/db URL; a new database is loaded with the built-in corpus on first use`;
