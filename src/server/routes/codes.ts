/** `GET /v1/codes/{code}`, `GET /v1/codes/{code}/history`, `GET /v1/search` (contract §3). */
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { today } from '../../date.js';
import { consolidate } from '../../nomenclature/consolidate.js';
import { codeHistory, CodeError, searchCodes, showCode } from '../../queries.js';
import { parseParams, type RouteDeps } from '../common.js';
import { ProblemError } from '../problem.js';
import { AtParam, CodeParam, LimitParam, QueryParam, type CodeHistorySchema, type CodeViewSchema, type SearchResultSchema } from '../schemas.js';
import { timelineOf } from '../timeline.js';

/** Runs a query, turning CodeError into its problem (400 for a malformed code, 404 for an unknown one). */
export async function guard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof CodeError) {
      throw new ProblemError(e.code, e.message, [{ in: 'path', path: 'code', detail: e.message }]);
    }
    throw e;
  }
}

/** Registers the code routes. */
export async function codeRoutes(app: FastifyInstance, { store }: RouteDeps): Promise<void> {
  app.get('/v1/codes/:code', async (req): Promise<z.infer<typeof CodeViewSchema>> => {
    const { code } = parseParams('path', req.params, { code: CodeParam }, ['code']);
    const { at = today() } = parseParams('query', req.query, { at: AtParam });
    return guard(() => showCode(store, code!, at));
  });

  app.get('/v1/codes/:code/history', async (req): Promise<z.infer<typeof CodeHistorySchema>> => {
    const { code } = parseParams('path', req.params, { code: CodeParam }, ['code']);
    const h = await guard(() => codeHistory(store, code!));
    // The chart needs the state between changes: consolidate once more (the history has only the changes).
    const timeline = timelineOf(consolidate(code!, await store.factsFor(code!)), code!);
    return { ...h, timeline };
  });

  app.get('/v1/search', async (req): Promise<z.infer<typeof SearchResultSchema>> => {
    const { q, at = today(), limit = 50 } = parseParams('query', req.query, { q: QueryParam, at: AtParam, limit: LimitParam }, ['q']);
    return { query: q!, at, results: await searchCodes(store, q!, at, limit) };
  });
}
