/**
 * The HTTP server (Fastify 5): the CLI's operations as JSON under /v1, /openapi.json, /health,
 * and the web interface at /. Every error is an RFC 9457 problem document. Logs are structured
 * (pino) and carry only the method, the route pattern, the status and the duration — never a
 * URL, a body, a beneficiary or claim data.
 */
import { existsSync } from 'node:fs';
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import { fileURLToPath } from 'node:url';
import Fastify, { LogController, type FastifyError, type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Store } from '../store/types.js';
import { limitsFrom, type Limits } from '../engine/limits.js';
import { Auth } from './auth.js';
import { bodyText, type RouteDeps } from './common.js';
import { Engines } from './engines.js';
import { openApiDocument } from './openapi.js';
import { PROBLEM_MEDIA_TYPE, problem, ProblemError, sendProblem, type ProblemKind } from './problem.js';
import { checkRoutes } from './routes/check.js';
import { codeRoutes } from './routes/codes.js';
import { conventionRoutes } from './routes/conventions.js';
import { documentRoutes } from './routes/documents.js';
import { impactRoutes } from './routes/impact.js';
import { fhirRoutes } from './routes/fhir.js';
import { systemRoutes } from './routes/system.js';

/** A destination for log lines (one JSON object per line). */
export interface LogStream {
  write(line: string): unknown;
}

/** How to build the server. */
export interface AppOptions {
  store: Store;
  /** Bearer token required by write operations (and to read server-held history); none: open. */
  token?: string;
  /** Largest JSON body accepted, bytes (default 1 MiB). */
  bodyLimit?: number;
  /** Largest document upload accepted, bytes (default 32 MiB). */
  documentBodyLimit?: number;
  /** false: no logs; true: info to stdout; or a level and a stream. */
  logger?: boolean | { level?: string; stream?: LogStream };
  /** How often to look for documents other processes ingested, ms (default 10 000; 0: never). */
  refreshMs?: number;
  /** Directory of the web interface (default: the package's web/); false: no web interface. */
  webRoot?: string | false;
  /** Called after `POST /v1/documents` changed the documents (a cluster tells its other processes). */
  onDocumentsChanged?: () => void;
  /** Claim and history lines per request, bytes of an NDJSON line and of an answer (default: the environment, else DEFAULT_LIMITS). */
  limits?: Partial<Limits>;
  /** Largest body of `POST /v1/check/batch`, bytes (default 256 MiB): the rest is not read, an error line says so. */
  batchBodyLimit?: number;
  /** Most lines of one `POST /v1/check/batch` (default 1,000,000): the same. */
  batchLines?: number;
  /** Time to receive a whole request, ms (default 300 000; 0: none): a slow upload is cut with 408. */
  requestTimeout?: number;
  /** Time a connection may stay inactive, ms (default 120 000; 0: none). */
  connectionTimeout?: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Rebuilds the decision engine if the store's documents changed (e.g. another process ingested); true when it did. */
    nomenRefresh(): Promise<boolean>;
  }
}

/** The package's web/ directory (from src/server or dist/server alike). */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/', import.meta.url));

const MiB = 1024 * 1024;

/** The stack frames of an error without its message: messages may quote request data. */
function framesOf(err: unknown): string | undefined {
  const stack = (err as Error | undefined)?.stack;
  return stack ? stack.split('\n').filter((l) => /^\s+at /.test(l)).slice(0, 12).join('\n') : undefined;
}

function loggerOptions(logger: AppOptions['logger']): false | Record<string, unknown> {
  if (!logger) return false;
  const opts = logger === true ? {} : logger;
  return {
    level: opts.level ?? 'info',
    ...(opts.stream ? { stream: opts.stream } : {}),
    // Whatever a log call is given, only these shapes reach the output.
    serializers: {
      req: (r: { method?: string; routeOptions?: { url?: string } }) => ({ method: r.method, route: r.routeOptions?.url ?? null }),
      res: (r: { statusCode?: number }) => ({ statusCode: r.statusCode }),
      err: (e: FastifyError) => ({ type: e?.name, code: e?.code, frames: framesOf(e) }),
    },
  };
}

/** Maps Fastify's own errors (body parsing, limits) to problem kinds. */
function kindOfFastifyError(err: FastifyError): { kind: ProblemKind; detail: string } | null {
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { kind: 'payload-too-large', detail: 'the request body is larger than the limit of this endpoint' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { kind: 'unsupported-media-type', detail: 'this endpoint does not accept this Content-Type' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { kind: 'invalid-json', detail: 'the body is empty but its Content-Type is application/json' };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { kind: 'invalid-json', detail: 'Content-Length does not match the body' };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { kind: 'invalid-json', detail: 'the body is not valid JSON' };
  }
  return null;
}

/**
 * A request Node could not read (a timeout, headers too large, bad HTTP): answered as a problem
 * document like every other error, then the connection is closed.
 */
function clientError(err: NodeJS.ErrnoException, socket: import('node:stream').Duplex, requestTimeout: number): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, detail] =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, `the whole request was not received within ${requestTimeout} ms`]
    : err.code === 'HPE_HEADER_OVERFLOW' ? [431, 'the request headers are too large']
    : [400, 'the request is not valid HTTP'];
  const body = JSON.stringify({ type: 'about:blank', title: STATUS_CODES[status], status, detail });
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${PROBLEM_MEDIA_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy();
}

/** The most bytes of a refused body read (and dropped) before the answer; a larger one is cut. */
const DRAIN_MAX = 64 * MiB;

/** Reads and drops the rest of a request body, up to `max` bytes (then the connection is cut). */
function drain(raw: IncomingMessage, max: number): Promise<void> {
  if (raw.complete || raw.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    let read = 0;
    const done = () => {
      raw.off('data', onData).off('end', done).off('error', done).off('close', done);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      read += chunk.length;
      if (read > max) {
        done();
        raw.destroy();
      }
    };
    raw.on('data', onData).on('end', done).on('error', done).on('close', done);
    raw.resume();
  });
}

/** The router's limit on a path parameter (Fastify's maxParamLength default). */
const MAX_PARAM_LENGTH = 100;

/** The path parameter over MAX_PARAM_LENGTH characters in `path`, given the routes whose pattern it matches. */
function longParameter(routes: { url: string }[], path: string): { name: string; length: number } | null {
  const segments = path.split('/');
  for (const r of routes) {
    const parts = r.url.split('/');
    for (let i = 0; i < parts.length; i++) {
      if (!parts[i].startsWith(':')) continue;
      let value = segments[i] ?? '';
      try {
        value = decodeURIComponent(value);
      } catch {
        // a malformed escape counts as its characters
      }
      if (value.length > MAX_PARAM_LENGTH) return { name: parts[i].slice(1), length: value.length };
    }
  }
  return null;
}

/** Builds the server (not listening yet): `await app.listen({ port, host })`. The caller closes the store after `app.close()`. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const bodyLimit = options.bodyLimit ?? MiB;
  const documentBodyLimit = options.documentBodyLimit ?? 32 * MiB;
  const limits = limitsFrom(process.env, options.limits);
  const requestTimeout = options.requestTimeout ?? 300_000;
  const app = Fastify({
    logger: loggerOptions(options.logger),
    bodyLimit,
    requestTimeout,
    // Node checks the request timeout every 30 s by default (a shorter one is checked more often),
    // and only once the headers' own timeout, which must not be longer, has passed.
    http: {
      connectionsCheckingInterval: Math.min(30_000, Math.max(100, Math.floor((requestTimeout || 300_000) / 10))),
      ...(requestTimeout > 0 ? { headersTimeout: Math.min(60_000, requestTimeout) } : {}),
    },
    clientErrorHandler: (err, socket) => clientError(err as NodeJS.ErrnoException, socket, requestTimeout),
    // The router's own refusals (a path parameter over its length limit, a malformed URL) as problems.
    frameworkErrors: (err, req, reply) => {
      const path = req.url.split('?')[0];
      if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') {
        const long = longParameter(apiRoutes.filter((r) => r.pattern.test(path) && r.methods.includes(req.method)), path);
        const name = long?.name ?? 'path';
        const detail = `longer than ${MAX_PARAM_LENGTH} characters${long ? ` (${long.length})` : ''}`;
        return sendProblem(reply, problem('invalid-parameter', `${name}: ${detail}`, [{ in: 'path', path: name, detail }]));
      }
      if (err.code === 'FST_ERR_BAD_URL') return sendProblem(reply, problem('invalid-parameter', 'the path is not a valid URL (a malformed % escape)', [{ in: 'path', path: '', detail: 'malformed URL' }]));
      return sendProblem(reply, problem('invalid-parameter', 'the request cannot be routed', [{ in: 'path', path: '', detail: err.message }]));
    },
    connectionTimeout: options.connectionTimeout ?? 120_000,
    // Fastify's own request logs include the URL (which may name a beneficiary): ours log the route pattern.
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    routerOptions: { ignoreTrailingSlash: true },
  });

  // Our own JSON parser: Fastify's drops the parser's message, which says where the JSON breaks.
  app.removeContentTypeParser('application/json');
  // As bytes: decoded as strict UTF-8 (bodyText), never with U+FFFD for bytes that are not UTF-8.
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    let text: string;
    try {
      text = bodyText(req, body as Buffer);
    } catch (e) {
      return done(e as Error, undefined);
    }
    if (text.length === 0) return done(new ProblemError('invalid-json', 'the body is empty but its Content-Type is application/json', [{ in: 'body', path: '', pointer: '#', detail: 'empty body' }]), undefined);
    try {
      done(null, JSON.parse(text));
    } catch (e) {
      const detail = `not valid JSON: ${(e as Error).message}`;
      done(new ProblemError('invalid-json', detail, [{ in: 'body', path: '', pointer: '#', detail }]), undefined);
    }
  });

  const engines = await Engines.create(options.store, options.refreshMs ?? 10_000);
  app.addHook('onClose', async () => engines.close());
  app.decorate('nomenRefresh', () => engines.refresh());
  const deps: RouteDeps = {
    store: options.store, engines, auth: new Auth(options.token), bodyLimit, documentBodyLimit, onDocumentsChanged: options.onDocumentsChanged,
    limits, batchBodyLimit: options.batchBodyLimit ?? 256 * MiB, batchLines: options.batchLines ?? 1_000_000,
  };

  // The API's routes, remembered to answer 405 (with Allow) for a known path and another method.
  const apiRoutes: { methods: string[]; pattern: RegExp; url: string }[] = [];
  app.addHook('onRoute', (r) => {
    if (r.url.includes('*') || r.url === '/') return;
    const methods = (Array.isArray(r.method) ? r.method : [r.method]).map(String);
    const pattern = new RegExp('^' + r.url.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[^/]+/g, '[^/]+') + '/?$');
    apiRoutes.push({ methods, pattern, url: r.url });
  });

  // While closing, every answer ends its connection: a kept-alive client would otherwise hold
  // close() open until its keep-alive timeout.
  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  app.addHook('onSend', (_req, reply, payload, done) => {
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });

  app.addHook('onRequest', (_req, reply, done) => {
    reply.header('x-content-type-options', 'nosniff');
    // The web interface loads only its own files: no external URL can be fetched from the page.
    reply.header('content-security-policy', "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
    done();
  });
  app.addHook('onResponse', (req, reply, done) => {
    req.log.info({ method: req.method, route: req.routeOptions.url ?? null, status: reply.statusCode, ms: Math.round(reply.elapsedTime * 100) / 100 }, 'request');
    done();
  });

  app.setErrorHandler(async (err: FastifyError, req, reply) => {
    // A body refused for its size is read to its end (up to DRAIN_MAX) before the answer: a client
    // that sends its whole body before reading would otherwise see the connection reset (EPIPE).
    if ((err instanceof ProblemError ? err.status : kindOfFastifyError(err)?.kind === 'payload-too-large' ? 413 : 0) === 413) await drain(req.raw, DRAIN_MAX);
    if (err instanceof ProblemError) return sendProblem(reply, problem(err.kind, err.message, err.errors, err.extensions), err.headers);
    const known = kindOfFastifyError(err);
    if (known) {
      const fields = known.kind === 'invalid-json' ? [{ in: 'body' as const, path: '', pointer: '#', detail: known.detail }] : undefined;
      return sendProblem(reply, problem(known.kind, known.detail, fields));
    }
    const status = err.statusCode ?? 500;
    if (status === 503) return sendProblem(reply, problem('unavailable', 'the server is shutting down'));
    if (status >= 400 && status < 500) {
      return reply
        .code(status)
        .type(PROBLEM_MEDIA_TYPE)
        .send({ type: 'about:blank', title: STATUS_CODES[status] ?? 'Client error', status, detail: STATUS_CODES[status] ?? 'client error' });
    }
    req.log.error({ err }, 'internal error');
    return sendProblem(reply, problem('internal', 'an internal error occurred; it was logged'));
  });

  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0];
    const allowed = new Set<string>();
    for (const r of apiRoutes) if (r.pattern.test(path)) for (const m of r.methods) allowed.add(m);
    if (allowed.size) {
      const allow = [...allowed].sort().join(', ');
      return sendProblem(reply, problem('method-not-allowed', `${req.method} is not allowed here; allowed: ${allow}`), { allow });
    }
    return sendProblem(reply, problem('not-found', `no resource at ${JSON.stringify(path.length > 200 ? path.slice(0, 200) + '…' : path)}`));
  });

  const openapi = openApiDocument({ auth: deps.auth.enabled });
  await app.register(systemRoutes, { ...deps, openapi });
  await app.register(checkRoutes, deps);
  await app.register(codeRoutes, deps);
  await app.register(documentRoutes, deps);
  await app.register(conventionRoutes, deps);
  await app.register(impactRoutes, deps);
  await app.register(fhirRoutes, deps);

  const webRoot = options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot;
  if (webRoot && existsSync(webRoot)) {
    await app.register(fastifyStatic, {
      root: webRoot,
      prefix: '/',
      index: ['index.html'],
      // Revalidate on every load (ETag): a new version of the interface is never mixed with an old one.
      cacheControl: false,
      setHeaders: (res) => res.setHeader('cache-control', 'no-cache'),
    });
  }
  return app;
}
