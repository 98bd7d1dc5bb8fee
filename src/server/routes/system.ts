/** `GET /health`, `GET /openapi.json`, `GET /problems/{kind}`. */
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { RouteDeps } from '../common.js';
import { problemType, PROBLEM_TYPES, ProblemError, type ProblemKind } from '../problem.js';
import type { HealthSchema, ProblemTypeSchema } from '../schemas.js';

/** Registers the system routes; `openapi` is the document to serve. */
export async function systemRoutes(app: FastifyInstance, deps: RouteDeps & { openapi: Record<string, unknown> }): Promise<void> {
  const started = Date.now();
  let closing = false;
  app.addHook('preClose', (done) => {
    // Load balancers polling /health stop sending traffic while in-flight requests finish.
    closing = true;
    done();
  });

  app.get('/health', async (_req, reply): Promise<z.infer<typeof HealthSchema>> => {
    const uptime = Math.round((Date.now() - started) / 1000);
    let reachable = !closing;
    if (reachable) {
      try {
        await deps.store.isEmpty();
      } catch {
        reachable = false;
      }
    }
    if (!reachable) reply.code(503);
    return { status: reachable ? 'ok' : 'unavailable', store: deps.store.kind, documents: deps.engines.documents, uptime };
  });

  const openapiText = JSON.stringify(deps.openapi);
  app.get('/openapi.json', async (_req, reply) => reply.type('application/json; charset=utf-8').send(openapiText));

  app.get('/problems/:kind', async (req): Promise<z.infer<typeof ProblemTypeSchema>> => {
    const { kind } = req.params as { kind: string };
    if (!Object.hasOwn(PROBLEM_TYPES, kind)) throw new ProblemError('not-found', `no problem type ${JSON.stringify(kind)}`, [{ in: 'path', path: 'kind', detail: 'unknown problem type' }]);
    const t = PROBLEM_TYPES[kind as ProblemKind];
    return { type: problemType(kind as ProblemKind), title: t.title, status: t.status, description: t.description };
  });
}
