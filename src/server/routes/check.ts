/**
 * `POST /v1/check` (contract §4, with server-held history and `commit`), `POST /v1/check/batch`
 * (the CLI's `check --ndjson`), and `GET /v1/beneficiaries/{id}/history`.
 */
import { PassThrough, Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { decide, type EngineContext } from '../../engine/decide.js';
import { runBatch } from '../../engine/batch.js';
import { responseBytes } from '../../engine/serialize.js';
import { validateRequest, type CheckRequest } from '../../engine/schema.js';
import { answerTooLargeMessage, batchCutMessage, LIMIT_ENV, requestLimitErrors, type Limits } from '../../engine/limits.js';
import type { InstitutionFacts } from '../../rules/context.js';
import type { Institution } from '../../store/types.js';
import { localeOf, parseParams, type RouteDeps } from '../common.js';
import { acceptedLines, mergeHistory, type MergedHistory } from '../history.js';
import { bodyFields, ProblemError } from '../problem.js';
import { BeneficiaryIdParam, DetailsParam, type BeneficiaryHistorySchema, type HttpCheckResponse } from '../schemas.js';

type CheckAnswer = z.infer<typeof HttpCheckResponse>;

/**
 * The answer as JSON bytes: the engine's serializer (byte-for-byte JSON.stringify, with the acts'
 * sentences encoded once) for the contract part, then the server's own fields.
 */
function answerBytes(a: CheckAnswer): Buffer {
  const { storedLines, committed, ...response } = a;
  return responseBytes(response, `,"storedLines":${storedLines === null ? 'null' : storedLines}${committed ? `,"committed":${JSON.stringify(committed)}` : ''}`);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The institutions the claims name that the request does not define: read from the registry at
 * each request (a registry change made by another process counts from the next request on). Only
 * the lines being decided are checked against a place, so stored history adds none.
 */
function registryIds(request: CheckRequest): string[] {
  const own = new Set((request.institutions ?? []).map((i) => i.id));
  const wanted = new Set<string>();
  for (const c of request.claims) if (c.institution && !own.has(c.institution)) wanted.add(c.institution);
  return [...wanted];
}

/** The registry part of a request's context: null when the request names no institution it does not define. */
function registryOf(ids: string[], found: Institution[]): Map<string, InstitutionFacts> | null {
  return ids.length === 0 ? null : new Map(found.map((i) => [i.id, i]));
}

function withRegistry(ctx: EngineContext, registry: Map<string, InstitutionFacts> | null): EngineContext {
  return registry ? { ...ctx, institutions: registry } : ctx;
}

/** The engine context of a request: its language, and `?details=false`. */
function contextOf(req: FastifyRequest, engines: RouteDeps['engines']): EngineContext {
  const ctx = engines.context(localeOf(req));
  const { details } = parseParams('query', { details: (req.query as Record<string, unknown> | undefined)?.details }, { details: DetailsParam });
  return details === 'false' ? { ...ctx, details: false } : ctx;
}

/** Refuses a request whose history contradicts the stored lines of the same ids: the server's lines are the truth, never replaced. */
function refuseCollisions(merged: MergedHistory): void {
  const c = merged.collisions;
  if (c.length === 0) return;
  throw new ProblemError(
    'conflict',
    `history line id${c.length > 1 ? 's' : ''} ${c.map((x) => x.id).join(', ')} already held for this beneficiary with other content: a history line with a held id must agree with the held line (${c.map((x) => `${x.id}: ${x.fields.join(', ')}`).join('; ')})`,
    c.map((x) => ({ in: 'body', path: `history[${x.index}].id`, pointer: `#/history/${x.index}/id`, detail: `a line with this id is held for this beneficiary with other content (${x.fields.join(', ')})` })),
  );
}

/** Refuses a request with more claim or history lines than the limits (before the schema: validating them is the cost avoided). */
function refuseOverLimits(value: unknown, limits: Limits, locale: ReturnType<typeof localeOf>): void {
  const over = requestLimitErrors(value, limits, locale);
  if (over.length === 0) return;
  const list = (f: string) => (value as Record<string, unknown[]>)[f].length;
  const first = over[0].path as 'claims' | 'history';
  throw new ProblemError('limit-exceeded', over.map((e) => `${e.path}: ${e.message}`).join('; '), bodyFields(over), undefined, {
    limit: { name: LIMIT_ENV[first], max: limits[first], actual: list(first) },
  });
}

/**
 * The body of a batch up to its limits: chunks until `maxBytes` bytes or `maxLines` lines; then
 * `cut` says which was reached (the rest is not read).
 */
function bounded(body: Readable, maxBytes: number, maxLines: number): { chunks: AsyncIterable<Buffer>; cut: () => 'bytes' | 'lines' | null } {
  let cut: 'bytes' | 'lines' | null = null;
  async function* chunks(): AsyncIterable<Buffer> {
    let bytes = 0;
    let lines = 0;
    for await (const raw of body as AsyncIterable<Buffer>) {
      if (raw.length === 0) continue;
      // a byte after the last allowed line: the batch is cut there
      if (lines === maxLines) { cut = 'lines'; return; }
      let chunk = raw;
      for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) {
        if (++lines === maxLines) {
          if (i + 1 < chunk.length) cut = 'lines';
          chunk = chunk.subarray(0, i + 1);
          break;
        }
      }
      if (bytes + chunk.length > maxBytes) {
        // whole lines only: a line the limit cuts is not read at all
        cut = 'bytes';
        const nl = chunk.subarray(0, maxBytes - bytes).lastIndexOf(10);
        if (nl >= 0) yield chunk.subarray(0, nl + 1);
        return;
      }
      bytes += chunk.length;
      yield chunk;
      if (cut) return;
    }
  }
  return { chunks: chunks(), cut: () => cut };
}

/** Registers the decision routes. */
export async function checkRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const { store, engines, auth, limits } = deps;
  // JSON only here: a text/plain body is refused (415) rather than read as a string.
  app.removeContentTypeParser('text/plain');

  app.post('/v1/check', async (req, reply) => {
    const answer = await check(req);
    const bytes = answerBytes(answer);
    // decided (and, with commit, recorded: a retry with the same ids is idempotent) but not sent
    if (bytes.length > limits.answerBytes) {
      throw new ProblemError('limit-exceeded', answerTooLargeMessage(bytes.length, limits.answerBytes, localeOf(req)), [{ in: 'body', path: 'claims', pointer: '#/claims', detail: 'too many lines for one answer' }], undefined, {
        limit: { name: LIMIT_ENV.answerBytes, max: limits.answerBytes, actual: bytes.length },
      });
    }
    return reply.type('application/json; charset=utf-8').send(bytes);
  });

  /** Validates, decides and (with commit) records one request. */
  async function check(req: FastifyRequest): Promise<CheckAnswer> {
    const base = contextOf(req, engines);
    let value: unknown = req.body;
    let commit = false;
    if (isObject(value) && 'commit' in value) {
      const { commit: c, ...rest } = value;
      if (typeof c !== 'boolean') {
        throw new ProblemError('invalid-request', 'commit: expected a boolean', [{ in: 'body', path: 'commit', pointer: '#/commit', detail: 'expected a boolean' }]);
      }
      commit = c;
      value = rest;
    }
    // Authentication before validation: an unauthenticated writer learns nothing from the answer.
    if (commit) auth.require(req, 'committing lines to the server-held history');
    refuseOverLimits(value, limits, localeOf(req));
    const v = validateRequest(value);
    if (!v.ok) {
      throw new ProblemError('invalid-request', v.errors.map((e) => `${e.path || '(request)'}: ${e.message}`).join('; '), bodyFields(v.errors));
    }
    const request = v.request;
    const beneficiary = request.beneficiary?.id;
    if (commit && beneficiary === undefined) {
      throw new ProblemError('invalid-request', 'beneficiary.id: required to commit (the history is held per beneficiary)', [
        { in: 'body', path: 'beneficiary.id', pointer: '#/beneficiary/id', detail: 'required to commit' },
      ]);
    }
    // With a token configured, server-held history is personal data: a request that needs it (it
    // names a beneficiary) is refused without the token, never decided on less than the history.
    if (beneficiary !== undefined && !commit) auth.require(req, 'deciding with the server-held history of a beneficiary');
    const stored = beneficiary !== undefined;
    // One read for the registry and (without commit) the history; with commit, the history is
    // read in the transaction below, whose lock is held for the decision only.
    const ids = registryIds(request);
    const inputs = await store.checkInputs(ids, stored && !commit ? beneficiary! : null);
    const ctx = withRegistry(base, registryOf(ids, inputs.institutions));
    if (!stored) return { ...decide(request, ctx), storedLines: null };
    if (!commit) {
      const merged = mergeHistory(request, inputs.history!);
      refuseCollisions(merged);
      return { ...decide({ ...request, history: merged.history }, ctx), storedLines: merged.used };
    }
    // Check and record in one transaction serialized per beneficiary (across processes): two
    // concurrent requests for one beneficiary are decided one after the other, each seeing the
    // lines the other recorded.
    return store.withBeneficiary(beneficiary, async (h) => {
      const merged = mergeHistory(request, await h.lines());
      refuseCollisions(merged);
      if (merged.conflicts.length) {
        throw new ProblemError(
          'conflict',
          `line id${merged.conflicts.length > 1 ? 's' : ''} ${merged.conflicts.map((c) => c.id).join(', ')} already recorded for this beneficiary with other content: a line id is the line's idempotency key`,
          merged.conflicts.map((c) => ({ in: 'body', path: `claims[${c.index}].id`, pointer: `#/claims/${c.index}/id`, detail: 'already recorded with other content' })),
        );
      }
      const response = decide({ ...request, history: merged.history }, ctx);
      const committed = await h.record(acceptedLines(request, response));
      return { ...response, storedLines: merged.used, committed };
    });
  }

  await app.register(async (batch) => {
    // NDJSON only here, streamed to the engine as it arrives, in constant memory (no body limit).
    batch.removeAllContentTypeParsers();
    batch.addContentTypeParser('application/x-ndjson', (_req, payload, done) => done(null, payload));
    batch.post('/v1/check/batch', async (req, reply) => {
      // The registry is read once per batch; a batch is stateless (it neither reads nor writes server-held history).
      const registry = new Map((await store.institutions()).map((i) => [i.id, i as InstitutionFacts]));
      const ctx = withRegistry(contextOf(req, engines), registry);
      const out = new PassThrough();
      const declared = Number(req.headers['content-length']);
      if (declared > deps.batchBodyLimit) {
        throw new ProblemError('payload-too-large', `the body is ${declared} bytes, more than the limit of ${deps.batchBodyLimit} of this endpoint: split the batch`);
      }
      const input = bounded(req.body as Readable, deps.batchBodyLimit, deps.batchLines);
      runBatch(Readable.from(input.chunks), out, ctx, { limits }).then(
        (stats) => {
          const cut = input.cut();
          if (cut) {
            out.write(JSON.stringify({ line: stats.lines + 1, error: { message: batchCutMessage(cut, cut === 'bytes' ? deps.batchBodyLimit : deps.batchLines, ctx.locale) } }) + '\n');
            // the rest of the body is not read: the connection is closed once the answer is sent
            out.once('end', () => setImmediate(() => req.raw.destroy()));
          }
          out.end();
        },
        (e: unknown) => {
          // Headers are gone: the client sees a truncated stream; the error is logged without data.
          req.log.error({ err: e }, 'batch failed');
          out.destroy(e as Error);
        },
      );
      return reply.type('application/x-ndjson; charset=utf-8').send(out);
    });
  });

  app.get('/v1/beneficiaries/:id/history', async (req): Promise<z.infer<typeof BeneficiaryHistorySchema>> => {
    auth.require(req, 'reading a beneficiary\'s history');
    const { id } = parseParams('path', req.params, { id: BeneficiaryIdParam }, ['id']);
    const lines = await store.historyOf(id!);
    return { beneficiary: id!, lines: lines.map((l) => ({ id: l.id, date: l.date, claim: l.claim as Record<string, unknown> })) };
  });
}
