/** What every command shares: exit codes, the --db option, JSON or readable output. */
import { openStore, DEFAULT_DB, isPostgresSpec } from '../store/open.js';
import type { Store } from '../store/types.js';
import { readFileSync } from 'node:fs';
import { isIsoDate, today, type IsoDate } from '../date.js';
import type { Locale } from '../engine/messages/types.js';
import { decodeUtf8, utf8Message, Utf8Error } from '../utf8.js';
import { cliLocale, say } from './messages.js';

/** Exit codes of the contract. */
export const EXIT = { ok: 0, checkFailed: 1, badInput: 2, badCode: 3, database: 4 } as const;

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

/** The --db value as it may be printed: a PostgreSQL URL without its password. */
function shownSpec(spec: string): string {
  return spec.replace(/^(postgres(?:ql)?:\/\/[^:@/]*):[^@/]*@/, '$1:***@');
}

/**
 * A database that cannot be opened, as a UserError (exit 4) saying what is wrong and how to fix
 * it; undefined for an error that is not about reaching or opening the database.
 */
export function databaseError(e: unknown, spec: string, locale: Locale = cliLocale()): UserError | undefined {
  const m = say(locale);
  const err = e as NodeJS.ErrnoException & { code?: string };
  const message = String(err?.message ?? e);
  const shown = shownSpec(spec);
  const fail = (text: string) => new UserError(text, EXIT.database);
  if (isPostgresSpec(spec)) {
    const code = err?.code ?? '';
    if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET'].includes(code)) return fail(m.dbUnreachable(shown, code));
    if (code === '3D000') return fail(m.dbNoDatabase(shown, /"([^"]+)"/.exec(message)?.[1] ?? new URL(spec).pathname.slice(1)));
    if (code === '28P01' || code === '28000') return fail(m.dbAuth(shown));
    if (/^(08|53|57P)/.test(code) || /connect|timeout|terminat/i.test(message)) return fail(m.dbOther(shown, message));
    return undefined;
  }
  if (/directory does not exist/.test(message)) return fail(m.dbMissingFolder(shown));
  if (err?.code === 'SQLITE_NOTADB' || /not a database/.test(message)) return fail(m.dbNotSqlite(shown));
  if (err?.code === 'SQLITE_CANTOPEN' || err?.code === 'SQLITE_READONLY' || err?.code === 'SQLITE_PERM' || err?.code === 'EACCES' || err?.code === 'EISDIR') return fail(m.dbCannotOpen(shown, message));
  return undefined;
}

/** Opens the --db store, runs `fn`, and always closes the store. */
export async function withStore<T>(opts: DbOptions, fn: (store: Store) => Promise<T>): Promise<T> {
  const spec = dbSpec(opts);
  let store: Store;
  try {
    store = await openStore(spec);
  } catch (e) {
    throw databaseError(e, spec) ?? e;
  }
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
  return isoDate(at, name);
}

/** A date given as YYYY-MM-DD: a wrong form and a day the calendar does not have (2024-11-31) are told apart. */
export function isoDate(value: string, name: string, locale: Locale = cliLocale()): IsoDate {
  if (isIsoDate(value)) return value;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new UserError(say(locale).notCalendarDate(name, value));
  throw new UserError(say(locale).notDateForm(name, value));
}

/**
 * A code as a user may write it: "587134", "587.134", "587 134", or the printed pair form
 * "587134-587145" (the first code of the pair). Anything else is returned unchanged, for the code
 * check to refuse with its own message.
 */
export function codeArgument(value: string): string {
  const v = value.trim();
  const pair = /^(\d{6})\s*[-–]\s*\d{6}$/.exec(v);
  if (pair) return pair[1];
  if (/^\d{3}[.\s]\d{3}$/.test(v)) return v.slice(0, 3) + v.slice(4);
  return v;
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
