/**
 * The HTTP server (Fastify 5): the CLI's operations as JSON under /v1, /openapi.json, /health,
 * and the web interface at /. Every error is an RFC 9457 problem document. Logs are structured
 * (pino) and carry only the method, the route pattern, the status and the duration — never a
 * URL, a body, a beneficiary or claim data.
 */
import { existsSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import { fileURLToPath } from 'node:url';
import Fastify, { LogController, type FastifyError, type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Store } from '../store/types.js';
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

/** Builds the server (not listening yet): `await app.listen({ port, host })`. The caller closes the store after `app.close()`. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const bodyLimit = options.bodyLimit ?? MiB;
  const documentBodyLimit = options.documentBodyLimit ?? 32 * MiB;
  const app = Fastify({
    logger: loggerOptions(options.logger),
    bodyLimit,
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
  const deps: RouteDeps = { store: options.store, engines, auth: new Auth(options.token), bodyLimit, documentBodyLimit, onDocumentsChanged: options.onDocumentsChanged };

  // The API's routes, remembered to answer 405 (with Allow) for a known path and another method.
  const apiRoutes: { methods: string[]; pattern: RegExp }[] = [];
  app.addHook('onRoute', (r) => {
    if (r.url.includes('*') || r.url === '/') return;
    const methods = (Array.isArray(r.method) ? r.method : [r.method]).map(String);
    const pattern = new RegExp('^' + r.url.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[^/]+/g, '[^/]+') + '/?$');
    apiRoutes.push({ methods, pattern });
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

  app.setErrorHandler((err: FastifyError, req, reply) => {
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
