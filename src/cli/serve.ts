/**
 * `nomen serve`: the HTTP API and the web interface, until SIGINT or SIGTERM (graceful shutdown).
 * With `--workers N` a primary process forks N servers sharing the port (node:cluster), one per
 * core: the same database, the same decisions (check+commit is serialized per beneficiary by the
 * store, across processes).
 */
import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { openStore } from '../store/open.js';
import { withStore, dbSpec, wholeNumber, UserError, DB_HELP, type DbOptions } from './common.js';

interface ServeOptions extends DbOptions {
  port: string;
  host: string;
  bodyLimit: string;
  logLevel: string;
  grace: string;
  workers: string;
  requestTimeout: string;
  connectionTimeout: string;
  batchBodyLimit: string;
  batchLines: string;
  maxClaims?: string;
  maxHistory?: string;
  maxLineBytes?: string;
  maxAnswerBytes?: string;
}

/** The server's limits from the flags (each flag wins over its environment variable; see src/engine/limits.ts). */
function serverLimits(opts: ServeOptions) {
  const n = (v: string | undefined, name: string, min = 1, max = Number.MAX_SAFE_INTEGER) => (v === undefined ? undefined : wholeNumber(v, name, min, max));
  const limits = Object.fromEntries(Object.entries({
    claims: n(opts.maxClaims, '--max-claims'),
    history: n(opts.maxHistory, '--max-history'),
    lineBytes: n(opts.maxLineBytes, '--max-line-bytes'),
    answerBytes: n(opts.maxAnswerBytes, '--max-answer-bytes'),
  }).filter(([, v]) => v !== undefined));
  return {
    limits,
    requestTimeout: n(opts.requestTimeout, '--request-timeout', 0, 86_400_000),
    connectionTimeout: n(opts.connectionTimeout, '--connection-timeout', 0, 86_400_000),
    batchBodyLimit: n(opts.batchBodyLimit, '--batch-body-limit', 1024),
    batchLines: n(opts.batchLines, '--batch-lines'),
  };
}

/** Messages between the primary and its workers. */
type ClusterMessage =
  | { nomen: 'ready'; url: string }
  | { nomen: 'documents-changed' }
  | { nomen: 'refresh' }
  | { nomen: 'shutdown' }
  | { nomen: 'cut' };


const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const LEVEL_NUMBER: Record<string, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 };

/** A log line of the primary, shaped like the workers' (pino) lines. */
function primaryLog(level: string, minimum: string, msg: string, fields: Record<string, unknown> = {}): void {
  if (minimum === 'silent' || LEVEL_NUMBER[level] < LEVEL_NUMBER[minimum]) return;
  process.stdout.write(JSON.stringify({ level: LEVEL_NUMBER[level], time: Date.now(), pid: process.pid, role: 'primary', ...fields, msg }) + '\n');
}

/** Waits for the first of SIGINT/SIGTERM. */
function nextSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const on = (s: NodeJS.Signals) => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
      resolve(s);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
}

/** One server process: listens until told to stop (a signal, or the primary's message), then closes gracefully. */
async function runServer(opts: ServeOptions, port: number, bodyLimit: number, grace: number, token: string | undefined): Promise<void> {
  const worker = cluster.isWorker;
  // Loaded on demand: the other commands do not need Fastify.
  const { buildApp } = await import('../server/app.js');
  await withStore(opts, async (store) => {
    const send = (m: ClusterMessage) => process.send?.(m);
    const app = await buildApp({
      store,
      token,
      bodyLimit,
      ...serverLimits(opts),
      logger: { level: opts.logLevel },
      onDocumentsChanged: worker ? () => send({ nomen: 'documents-changed' }) : undefined,
    });
    let url: string;
    try {
      url = await app.listen({ port, host: opts.host });
    } catch (e) {
      await app.close();
      const err = e as NodeJS.ErrnoException;
      if (err.code === 'EADDRINUSE') throw new UserError(`--port: ${port} is already in use on ${opts.host}`);
      if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND') throw new UserError(`--host: cannot listen on "${opts.host}"`);
      throw e;
    }
    const cut = () => app.server.closeAllConnections();
    let stopping: Promise<unknown>;
    if (worker) {
      // A worker stops when its primary says so (or disappears); a terminal's Ctrl-C reaches the
      // whole process group, so the workers leave signals to the primary.
      process.on('SIGINT', () => {});
      process.on('SIGTERM', () => {});
      stopping = new Promise<void>((resolve) => {
        process.on('message', (m: ClusterMessage) => {
          if (m?.nomen === 'shutdown') resolve();
          else if (m?.nomen === 'cut') cut();
          else if (m?.nomen === 'refresh') void app.nomenRefresh().catch(() => {});
        });
        process.on('disconnect', resolve);
      });
      app.log.info({ url }, 'worker ready');
      send({ nomen: 'ready', url });
    } else {
      app.log.info({ url, store: store.kind, auth: token !== undefined }, 'nomen serve ready');
      stopping = nextSignal().then((signal) => {
        // A second signal cuts the remaining connections.
        nextSignal().then(cut);
        return signal;
      });
    }
    const signal = await stopping;
    app.log.info({ signal: typeof signal === 'string' ? signal : undefined }, 'shutting down: no new connections, finishing requests in flight');
    // The grace period running out cuts the remaining connections.
    const timer = setTimeout(cut, grace);
    timer.unref();
    await app.close();
    clearTimeout(timer);
    app.log.info('stopped');
  });
  // The channel to the primary keeps a worker alive: let go of it to exit.
  if (worker && process.connected) process.disconnect();
}

/** The primary of `--workers N`: forks the servers, relays refreshes, and stops them on a signal. */
async function runPrimary(opts: ServeOptions, workers: number): Promise<void> {
  const level = opts.logLevel;
  // The database is created and loaded once here, not raced for by the workers.
  await (await openStore(dbSpec(opts))).close();
  let shuttingDown = false;
  const ready = new Map<number, string>();
  const all = new Set<Worker>();
  let announced = false;
  let failed!: (e: Error) => void;
  const failure = new Promise<never>((_, reject) => (failed = reject));

  const fork = () => {
    const w = cluster.fork();
    all.add(w);
    w.on('message', (m: ClusterMessage) => {
      if (m?.nomen === 'ready') {
        ready.set(w.id, m.url);
        if (!announced && ready.size === workers) {
          announced = true;
          primaryLog('info', level, 'nomen serve ready', { url: m.url, workers });
        }
      } else if (m?.nomen === 'documents-changed') {
        for (const other of all) if (other !== w && other.isConnected()) other.send({ nomen: 'refresh' } satisfies ClusterMessage);
      }
    });
    w.on('exit', (code, signal) => {
      all.delete(w);
      ready.delete(w.id);
      if (shuttingDown) return;
      if (!announced) {
        // A worker that cannot start (port in use, bad database) will not start on a retry either.
        failed(new UserError(`a server process exited (${signal ?? code}) before it was ready; run without --workers to see why`, 1));
        return;
      }
      primaryLog('error', level, 'server process exited: restarting it', { worker: w.id, code, signal });
      fork();
    });
  };
  for (let i = 0; i < workers; i++) fork();

  const signal = await Promise.race([nextSignal(), failure]).catch((e: unknown) => {
    shuttingDown = true;
    for (const w of all) w.kill('SIGKILL');
    throw e;
  });
  shuttingDown = true;
  primaryLog('info', level, 'shutting down the server processes', { signal });
  for (const w of all) if (w.isConnected()) w.send({ nomen: 'shutdown' } satisfies ClusterMessage);
  // A second signal, or the grace period running out, cuts their connections.
  const cut = () => {
    for (const w of all) if (w.isConnected()) w.send({ nomen: 'cut' } satisfies ClusterMessage);
  };
  nextSignal().then(cut);
  const timer = setTimeout(cut, Number(opts.grace));
  timer.unref();
  const codes = await Promise.all([...all].map((w) => new Promise<number | null>((resolve) => (w.isDead() ? resolve(w.process.exitCode ?? null) : w.once('exit', (code) => resolve(code))))));
  clearTimeout(timer);
  primaryLog('info', level, 'stopped');
  if (codes.some((c) => c !== 0)) process.exitCode = 1;
}

/** Registers `nomen serve`. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the operations as JSON over HTTP (/v1/…, /openapi.json, /health) and the web interface (/); NOMEN_TOKEN, when set, is the bearer token write operations need')
    .option('--port <n>', 'TCP port (0: any free port)', '8080')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--db <file>', DB_HELP)
    .option('--workers <n>', 'server processes sharing the port (0: one per CPU core)', '1')
    .option('--body-limit <bytes>', 'largest JSON request body', String(1024 * 1024))
    .option('--log-level <level>', `log level (${LEVELS.join(', ')}); logs are JSON lines on stdout`, 'info')
    .option('--max-claims <n>', 'claim lines per check request (default 1000, or $NOMEN_MAX_CLAIMS)')
    .option('--max-history <n>', 'history lines a check request may send (default 10000, or $NOMEN_MAX_HISTORY)')
    .option('--max-line-bytes <n>', 'bytes of one line of POST /v1/check/batch (default 16 MiB, or $NOMEN_MAX_LINE_BYTES)')
    .option('--max-answer-bytes <n>', 'bytes of one check answer (default 16 MiB, or $NOMEN_MAX_ANSWER_BYTES)')
    .option('--batch-body-limit <bytes>', 'bytes of one POST /v1/check/batch body', String(256 * 1024 * 1024))
    .option('--batch-lines <n>', 'lines of one POST /v1/check/batch body', '1000000')
    .option('--request-timeout <ms>', 'time to receive a whole request (408 after; 0: none)', '300000')
    .option('--connection-timeout <ms>', 'time a connection may stay inactive (0: none)', '120000')
    .option('--grace <ms>', 'on SIGINT/SIGTERM, how long in-flight requests may take before connections are cut', '10000')
    .action(async (opts: ServeOptions) => {
      const port = wholeNumber(opts.port, '--port', 0, 65535);
      const bodyLimit = wholeNumber(opts.bodyLimit, '--body-limit', 1024, 1024 * 1024 * 1024);
      const grace = wholeNumber(opts.grace, '--grace', 0, 3_600_000);
      let workers = wholeNumber(opts.workers, '--workers', 0, 256);
      if (workers === 0) workers = availableParallelism();
      if (!LEVELS.includes(opts.logLevel)) throw new UserError(`--log-level: "${opts.logLevel}" is not one of ${LEVELS.join(', ')}`);
      // checked before any process starts: a bad flag or variable is a clear refusal, not a worker crash
      serverLimits(opts);
      const { limitsFrom, LimitSettingError } = await import('../engine/limits.js');
      try {
        limitsFrom();
      } catch (e) {
        if (e instanceof LimitSettingError) throw new UserError(e.message);
        throw e;
      }
      // An empty NOMEN_TOKEN means none: an unset variable in a shell script must not lock writes open to "".
      const token = process.env.NOMEN_TOKEN || undefined;
      if (cluster.isPrimary && workers > 1) await runPrimary(opts, workers);
      else await runServer(opts, port, bodyLimit, grace, token);
    });
}
