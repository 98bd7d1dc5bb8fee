/** What the route modules share: their dependencies, parameter parsing, the message language. */
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { formatPath } from '../engine/schema.js';
import { isLocale, type Locale } from '../engine/messages/index.js';
import type { Store } from '../store/types.js';
import type { Limits } from '../engine/limits.js';
import type { Auth } from './auth.js';
import type { Engines } from './engines.js';
import { LangParam } from './schemas.js';
import { pointerOf, ProblemError, type ProblemField } from './problem.js';
import { utf8Fault, utf8Message } from '../utf8.js';

/** What every route module is given. */
export interface RouteDeps {
  store: Store;
  engines: Engines;
  auth: Auth;
  /** Body limit of JSON requests, bytes. */
  bodyLimit: number;
  /** Body limit of document uploads, bytes. */
  documentBodyLimit: number;
  /** Called after an ingest changed the documents (other processes of a cluster then refresh). */
  onDocumentsChanged?: () => void;
  /** Request, line and answer limits of the check endpoints. */
  limits: Limits;
  /** Body bytes and lines of one `POST /v1/check/batch`. */
  batchBodyLimit: number;
  batchLines: number;
}

/**
 * Parses query or path parameters with their schemas; every offending one is named in one 400
 * problem. Absent optional parameters stay undefined.
 */
export function parseParams<S extends Record<string, z.ZodType>>(
  where: 'query' | 'path',
  raw: unknown,
  schemas: S,
  required: readonly (keyof S)[] = [],
): { [K in keyof S]?: z.output<S[K]> } {
  const input = (raw ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const errors: ProblemField[] = [];
  for (const [name, schema] of Object.entries(schemas)) {
    let v = input[name];
    // A repeated parameter (?at=a&at=b) is ambiguous: refuse it rather than pick one.
    if (Array.isArray(v)) {
      errors.push({ in: where, path: name, detail: 'given more than once' });
      continue;
    }
    if (v === undefined || v === '') {
      if (required.includes(name)) errors.push({ in: where, path: name, detail: 'required' });
      continue;
    }
    const r = schema.safeParse(v);
    if (r.success) out[name] = r.data;
    else for (const i of r.error.issues) errors.push({ in: where, path: formatPath([name, ...i.path]), detail: `${i.message} (got ${JSON.stringify(v)})` });
    v = undefined;
  }
  if (errors.length) throw new ProblemError('invalid-parameter', errors.map((e) => `${e.path}: ${e.detail}`).join('; '), errors);
  return out as { [K in keyof S]?: z.output<S[K]> };
}

/** The language of messages: `?lang=`, else the best of Accept-Language, else English. */
export function localeOf(req: FastifyRequest): Locale {
  const q = req.query as Record<string, unknown> | undefined;
  if (q && q.lang !== undefined) return parseParams('query', { lang: q.lang }, { lang: LangParam }).lang ?? 'en';
  const header = req.headers['accept-language'];
  if (typeof header !== 'string') return 'en';
  let best: Locale = 'en';
  let bestQ = 0;
  for (const part of header.split(',')) {
    const [tag, ...params] = part.trim().split(';');
    const lang = tag.trim().toLowerCase().split('-')[0];
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = qp ? Number(qp.slice(2)) : 1;
    if (isLocale(lang) && Number.isFinite(weight) && weight > bestQ) {
      best = lang;
      bestQ = weight;
    }
  }
  return best;
}

/**
 * A request body as text: strict UTF-8 whatever charset the Content-Type declares (JSON and
 * NDJSON are UTF-8); other bytes are a 400 naming the line and byte offset of the first, in the
 * request's language.
 */
export function bodyText(req: FastifyRequest, bytes: Buffer): string {
  const fault = utf8Fault(bytes);
  if (fault === null) return bytes.toString('utf8');
  let locale: Locale = 'en';
  try {
    locale = localeOf(req);
  } catch {
    // a bad ?lang= is reported by the route; this refusal is in English then
  }
  throw new ProblemError('invalid-encoding', utf8Message(fault, locale), [{ in: 'body', path: '', pointer: '#', line: fault.line, detail: utf8Message(fault) }]);
}

/**
 * Parses a JSON body with its schema; every offending field is named (path and JSON Pointer) in
 * one 422 problem, as the check endpoint does.
 */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  const errors: ProblemField[] = r.error.issues.map((i) => {
    const path = formatPath(i.path);
    return { in: 'body', path, pointer: pointerOf(path), detail: i.message };
  });
  throw new ProblemError('invalid-request', errors.map((e) => `${e.path || '(body)'}: ${e.detail}`).join('; '), errors);
}
