/**
 * A throw-away PostgreSQL cluster for tests: Debian's (or PATH's) initdb/pg_ctl, a temp directory,
 * 127.0.0.1 on a free port, trust authentication, no fsync. Nothing outlives stop() — nor the
 * test process, which stops a cluster left running when it exits.
 */
import { execFile, execFileSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** The PostgreSQL server programs the harness needs. */
export interface PostgresBinaries {
  initdb: string;
  pgCtl: string;
}

/** A running throw-away cluster. */
export interface TestPostgres {
  /** URL of the cluster's `postgres` database, as the superuser `nomen`. */
  url: string;
  port: number;
  /** Creates a new empty database and returns its URL. */
  createDatabase(name?: string): Promise<string>;
  /**
   * Creates a new empty schema in the `postgres` database and returns a URL whose connections use
   * it (`options=-c search_path=…`): a store as isolated as a database for tables, made in
   * milliseconds where CREATE DATABASE copies a template (a second or more on a busy machine).
   * Advisory locks are per database, so stores in schemas of one database share them (they only wait longer).
   */
  createSchema(name?: string): Promise<string>;
  /** Shuts the cluster down and removes its directory; safe to call twice. */
  stop(): Promise<void>;
}

function versionOf(dir: string): number {
  const m = /postgresql\/(\d+)/.exec(dir);
  return m ? Number(m[1]) : 0;
}

/** Finds initdb and pg_ctl: Debian's /usr/lib/postgresql/<newest>/bin first, then PATH; null when not installed. */
export function findPostgres(): PostgresBinaries | null {
  const dirs: string[] = [];
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    dirs.push(...readdirSync(root).map((v) => join(root, v, 'bin')).sort((a, b) => versionOf(b) - versionOf(a)));
  }
  dirs.push(...(process.env.PATH ?? '').split(delimiter).filter((d) => d !== ''));
  for (const d of dirs) {
    const initdb = join(d, 'initdb');
    const pgCtl = join(d, 'pg_ctl');
    // Both from one directory: mixing major versions would fail at start.
    if (existsSync(initdb) && existsSync(pgCtl)) return { initdb, pgCtl };
  }
  return null;
}

/** A message for a missing installation, naming how to fix it. */
export const POSTGRES_MISSING =
  'PostgreSQL is not installed (no initdb/pg_ctl under /usr/lib/postgresql/*/bin nor on PATH): run .ci/apt-deps (apt-get install postgresql)';

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** initdb and postgres refuse to run as root: as root, run them as the `postgres` system user (created if missing). */
function serverUser(): { uid: number; gid: number } | null {
  if (!isRoot()) return null;
  const ids = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()),
  });
  try {
    return ids();
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin', 'postgres'], { stdio: 'ignore' });
    return ids();
  }
}

function quote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The command line that runs `program args` as the server user. */
function asServerUser(program: string, args: string[]): [string, string[]] {
  if (!isRoot()) return [program, args];
  if (existsSync('/usr/sbin/runuser') || existsSync('/sbin/runuser')) return ['runuser', ['-u', 'postgres', '--', program, ...args]];
  // su needs a shell: the postgres user's may be nologin.
  return ['su', ['-s', '/bin/sh', 'postgres', '-c', [program, ...args].map(quote).join(' ')]];
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Starts a throw-away cluster; stop() it in afterAll (a cluster left running is stopped when the process exits). */
export async function startPostgres(binaries: PostgresBinaries | null = findPostgres()): Promise<TestPostgres> {
  if (!binaries) throw new Error(POSTGRES_MISSING);
  const user = serverUser();
  const dir = mkdtempSync(join(tmpdir(), 'nomen-pg-'));
  if (user) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  // The working directory is the temp dir: the server user may not be able to enter the caller's.
  const exec = (program: string, args: string[]) => {
    const [cmd, argv] = asServerUser(program, args);
    return run(cmd, argv, { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  };
  let started = false;
  let stopped = false;

  const stopSync = () => {
    if (stopped) return;
    stopped = true;
    try {
      if (started) {
        const [cmd, argv] = asServerUser(binaries.pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop']);
        execFileSync(cmd, argv, { cwd: dir, stdio: 'ignore', timeout: 60_000 });
      }
    } catch {
      // Already down: nothing to stop.
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // The safety net for a test run that dies before afterAll: never leave a server behind.
  const onSignal = (signal: NodeJS.Signals) => {
    stopSync();
    // Then die of the signal as if nobody had listened (unless someone else handles it).
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const detach = () => {
    process.removeListener('exit', stopSync);
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  };
  process.once('exit', stopSync);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    await exec(binaries.initdb, ['-D', data, '-U', 'nomen', '-A', 'trust', '-E', 'UTF8', '--locale=C', '-N']);
    // Throw-away data: durability off, for speed. Settings appended last override initdb's.
    appendFileSync(
      join(data, 'postgresql.conf'),
      ['', "listen_addresses = '127.0.0.1'", `unix_socket_directories = '${dir}'`, 'fsync = off', 'synchronous_commit = off', 'full_page_writes = off', 'max_connections = 200', ''].join('\n'),
    );
    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      appendFileSync(join(data, 'postgresql.conf'), `port = ${port}\n`);
      try {
        started = true;
        await exec(binaries.pgCtl, ['-D', data, '-l', log, '-w', '-t', '60', 'start']);
        break;
      } catch (e) {
        started = false;
        // Another process may have taken the port between the probe and the start: try another.
        if (attempt >= 3) throw new Error(`PostgreSQL did not start: ${(e as Error).message}\n${tail(log)}`);
      }
    }
    const url = `postgres://nomen@127.0.0.1:${port}/postgres`;
    let n = 0;
    // One admin connection for every database and schema created.
    let admin: Promise<pg.Client> | null = null;
    const adminClient = () => {
      admin ??= (async () => {
        const client = new pg.Client({ connectionString: url });
        client.on('error', () => {});
        await client.connect();
        return client;
      })();
      return admin;
    };
    return {
      url,
      port,
      async createDatabase(name = `nomen_test_${++n}`) {
        const client = await adminClient();
        await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
        return `postgres://nomen@127.0.0.1:${port}/${encodeURIComponent(name)}`;
      },
      async createSchema(name = `nomen_schema_${++n}`) {
        const client = await adminClient();
        await client.query(`CREATE SCHEMA "${name.replace(/"/g, '""')}"`);
        return `${url}?options=${encodeURIComponent(`-c search_path=${name}`)}`;
      },
      async stop() {
        if (stopped) return;
        stopped = true;
        detach();
        try {
          if (admin) await admin.then((c) => c.end()).catch(() => {});
          if (started) await exec(binaries.pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop']);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (e) {
    detach();
    stopSync();
    throw e;
  }
}
