/**
 * Errors as RFC 9457 problem details (`application/problem+json`). Every error the API returns
 * goes through here, so that clients see one shape: a `type` naming the kind of problem, the
 * HTTP `status`, a human `detail`, and for input errors the list of offending fields.
 */
import type { FastifyReply } from 'fastify';
import type { FieldError } from '../engine/schema.js';

/** The media type of a problem document. */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** Where an offending value was sent. */
export type FieldLocation = 'body' | 'query' | 'path' | 'header';

/** One offending field, in the RFC 9457 `errors` extension style (`detail` + `pointer`). */
export interface ProblemField {
  in: FieldLocation;
  /** The field as the CLI names it: `claims[2].date`, `at`, `code`; `` for the body itself. */
  path: string;
  /** JSON Pointer into the request body (RFC 6901, as a URI fragment), for `in: body` only. */
  pointer?: string;
  /** The 1-based line of an NDJSON body the field is on (a JSON Pointer cannot address it). */
  line?: number;
  detail: string;
}

/** A problem document (RFC 9457 §3.1 members, plus `errors`). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: ProblemField[];
  [extension: string]: unknown;
}

/** The kinds of problem this API reports: the last segment of `type`, with their title and status. */
export const PROBLEM_TYPES = {
  'invalid-json': { status: 400, title: 'The body is not valid JSON', description: 'The request body could not be parsed as JSON.' },
  'invalid-encoding': { status: 400, title: 'The body is not UTF-8 text', description: 'The body has bytes that are not UTF-8, whatever charset the Content-Type declares; `errors` gives the line and byte offset of the first. Nothing was read or stored.' },
  'invalid-parameter': { status: 400, title: 'Invalid parameter', description: 'A path or query parameter is missing or malformed; `errors` names it.' },
  'invalid-code': { status: 400, title: 'Not a valid nomenclature code', description: 'A code has 6 digits and its 6th digit is the first five mod 7.' },
  unauthorized: { status: 401, title: 'Authentication required', description: 'This operation writes (or reads server-held beneficiary history): send `Authorization: Bearer <token>`.' },
  'not-found': { status: 404, title: 'Not found', description: 'No such resource (route, code, document or institution).' },
  'unknown-code': { status: 404, title: 'Unknown code', description: 'No document in the database names this code.' },
  'method-not-allowed': { status: 405, title: 'Method not allowed', description: 'The resource exists but does not accept this method; see the `Allow` header.' },
  conflict: { status: 409, title: 'Conflicting line id', description: 'A committed line id (the idempotency key) is already held for this beneficiary with different content.' },
  'payload-too-large': { status: 413, title: 'Request body too large', description: 'The body exceeds the configured limit.' },
  'limit-exceeded': { status: 413, title: 'Request over a limit', description: 'The request has more claim or history lines than the server accepts per request, or its answer would be larger than the answer limit; `errors` names the field and `limit` the limit (its name, maximum and the value sent). Nothing was decided or stored.' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type', description: 'The Content-Type of the body is not accepted by this endpoint.' },
  'invalid-request': { status: 422, title: 'The request does not match the schema', description: 'The body is JSON but does not match the schema; `errors` names every offending field.' },
  'unknown-institution': { status: 422, title: 'Unknown institution', description: 'The institution is not in the registry: register it first with `PUT /v1/institutions/{id}`.' },
  'invalid-document': { status: 422, title: 'The document cannot be ingested', description: 'The text is empty, binary, of no known format (Justel act, INAMI convention, coefficient table), or states a rule the engine cannot compile (`reason: rules-invalid`, with the `sentence`), a value or date out of bounds (`implausible-value`, with the `sentence`), a replacement that would lose statements of the held text (`replacement-loses`, listed in `lost`; `?force=true` replaces anyway), or a copy cut short of a held convention (`second-convention`); nothing was stored.' },
  internal: { status: 500, title: 'Internal error', description: 'An unexpected error; it was logged (without request data).' },
  unavailable: { status: 503, title: 'Service unavailable', description: 'The server is shutting down, or the database is unreachable.' },
} as const satisfies Record<string, { status: number; title: string; description: string }>;

/** A problem kind (key of PROBLEM_TYPES). */
export type ProblemKind = keyof typeof PROBLEM_TYPES;

/** The `type` URI of a kind: relative, resolved against the server, and served at that path. */
export function problemType(kind: ProblemKind): string {
  return `/problems/${kind}`;
}

/** An error a handler throws to answer with a problem document. */
export class ProblemError extends Error {
  readonly status: number;
  constructor(
    readonly kind: ProblemKind,
    detail: string,
    readonly errors?: ProblemField[],
    readonly headers?: Record<string, string>,
    readonly extensions?: Record<string, unknown>,
  ) {
    super(detail);
    this.status = PROBLEM_TYPES[kind].status;
  }
}

/** Builds the problem document of a kind. */
export function problem(kind: ProblemKind, detail: string, errors?: ProblemField[], extensions?: Record<string, unknown>): Problem {
  const t = PROBLEM_TYPES[kind];
  const p: Problem = { type: problemType(kind), title: t.title, status: t.status, detail, ...extensions };
  if (errors && errors.length) p.errors = errors;
  return p;
}

/** RFC 6901 JSON Pointer (as a URI fragment) of a CLI-style path: `claims[2].date` → `#/claims/2/date`. */
export function pointerOf(path: string): string {
  if (path === '') return '#';
  const tokens: string[] = [];
  // Segments are `name` or `[n]`; names may contain anything but `.` and `[`.
  const re = /([^.[\]]+)|\[(\d+)\]/g;
  for (let m = re.exec(path); m; m = re.exec(path)) tokens.push(m[1] ?? m[2]);
  return '#/' + tokens.map((t) => encodeURIComponent(t.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');
}

/** Field errors of the body (the engine's validation) as problem fields. */
export function bodyFields(errors: readonly FieldError[]): ProblemField[] {
  return errors.map((e) => ({ in: 'body', path: e.path, pointer: pointerOf(e.path), detail: e.message }));
}

/** One offending parameter as a problem field. */
export function paramField(where: 'query' | 'path' | 'header', name: string, detail: string): ProblemField {
  return { in: where, path: name, detail };
}

/** Sends a problem document with its status and media type. */
export function sendProblem(reply: FastifyReply, p: Problem, headers?: Record<string, string>): FastifyReply {
  if (headers) reply.headers(headers);
  return reply.code(p.status).type(PROBLEM_MEDIA_TYPE).send(p);
}
