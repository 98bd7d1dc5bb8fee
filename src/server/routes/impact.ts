/** `GET /v1/diff` (what changed between two dates) and `POST /v1/replay` (what drafts would change on claims): the CLI's `diff` and `replay`. */
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { IngestInput } from '../../store/types.js';
import { IngestRefused } from '../../store/refusal.js';
import { diffCsv, diffStore, replayRequests, ReplayInputError } from '../../impact/index.js';
import {
  DiffArticleParam, DiffFromParam, DiffKeyLetterParam, DiffPrefixParam, DiffToParam, ReplayRequest, type DiffResultSchema, type ReplayResultSchema,
} from '../../impact/schemas.js';
import { localeOf, parseBody, parseParams, type RouteDeps } from '../common.js';
import { ProblemError, pointerOf } from '../problem.js';

/** Registers the impact routes. */
export async function impactRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const { store } = deps;

  app.get('/v1/diff', async (req, reply): Promise<z.infer<typeof DiffResultSchema> | string> => {
    const { from, to, article, prefix, keyLetter } = parseParams('query', req.query, {
      from: DiffFromParam, to: DiffToParam, article: DiffArticleParam, prefix: DiffPrefixParam, keyLetter: DiffKeyLetterParam,
    }, ['from', 'to']);
    if (from! > to!) {
      throw new ProblemError('invalid-parameter', `from: ${from} is after to ${to}: give the earlier date first`, [{ in: 'query', path: 'from', detail: `after to (${to})` }]);
    }
    const result = await diffStore(store, from!, to!, { article, prefix, keyLetter });
    // CSV when asked for (one row per change and source), JSON otherwise
    if (/\btext\/csv\b/.test(String(req.headers.accept ?? ''))) {
      reply.type('text/csv; charset=utf-8');
      return diffCsv(result);
    }
    return result;
  });

  app.post('/v1/replay', { bodyLimit: deps.documentBodyLimit }, async (req): Promise<z.infer<typeof ReplayResultSchema>> => {
    const body = parseBody(ReplayRequest, req.body);
    const locale = localeOf(req);
    // Loaded on demand, as in the CLI: serving queries does not need the parsers.
    const { decodeText, parseDocument, DocumentError } = await import('../../corpus/detect.js');
    const drafts: IngestInput[] = body.drafts.map((d, i) => {
      const name = d.name ?? `drafts[${i}]`;
      const path = `drafts[${i}].text`;
      try {
        const raw = decodeText(Buffer.from(d.text, 'utf8'), name);
        return { file: name, raw, doc: parseDocument(raw, name) };
      } catch (e) {
        if (e instanceof DocumentError) throw new ProblemError('invalid-document', `${e.message}; nothing was replayed`, [{ in: 'body', path, pointer: pointerOf(path), detail: e.message }], undefined, { reason: e.code });
        throw e;
      }
    });
    try {
      const r = await replayRequests(store, drafts, body.requests, locale);
      return { ...r, drafts: r.drafts.map((d) => ({ document: d.document, status: d.status, entryIntoForce: d.entryIntoForce, file: d.file })) };
    } catch (e) {
      if (e instanceof ReplayInputError) {
        const errors = e.errors.map((x) => {
          const path = `requests[${e.index}]${x.path ? (x.path.startsWith('[') ? '' : '.') + x.path : ''}`;
          return { in: 'body' as const, path, pointer: pointerOf(path), detail: x.message };
        });
        throw new ProblemError('invalid-request', errors.map((x) => `${x.path}: ${x.detail}`).join('; '), errors);
      }
      if (e instanceof IngestRefused) {
        const i = drafts.findIndex((d) => d.file === e.file);
        const path = i >= 0 ? `drafts[${i}].text` : '';
        throw new ProblemError('invalid-document', e.message.replace(/nothing was ingested$/, 'nothing was replayed'), [{ in: 'body', path, pointer: pointerOf(path), detail: e.message }], undefined, { reason: 'rules-invalid', ...(e.sentence ? { sentence: e.sentence } : {}) });
      }
      throw e;
    }
  });
}

/** The OpenAPI paths of these routes (the helpers are the OpenAPI module's own). */
export function impactPaths(h: {
  param: (name: string, where: 'query' | 'path', schema: z.ZodType, required?: boolean) => Record<string, unknown>;
  ok: (description: string, ref: string) => Record<string, unknown>;
  json: (ref: string) => Record<string, unknown>;
  problems: (...statuses: number[]) => Record<string, unknown>;
  lang: () => Record<string, unknown>;
}): Record<string, unknown> {
  return {
    '/v1/diff': {
      get: {
        operationId: 'diff',
        summary: 'What changed between two dates',
        description:
          'Every code whose state differs between `from` and `to`: inserted, deleted, value, key letter, label, fee, rules added or removed, ' +
          'each change with the act, article and sentence behind it. A code whose state is uncertain on either date (a change of unknown date) ' +
          'is listed with `certain: false` and its candidates, never as a certain change. `Accept: text/csv` gives one row per change and source.',
        parameters: [
          h.param('from', 'query', DiffFromParam, true), h.param('to', 'query', DiffToParam, true),
          h.param('article', 'query', DiffArticleParam), h.param('prefix', 'query', DiffPrefixParam), h.param('keyLetter', 'query', DiffKeyLetterParam),
        ],
        responses: {
          '200': { description: 'The changes (JSON), or CSV', content: { ...h.json('DiffResult'), 'text/csv': { schema: { type: 'string' } } } },
          ...h.problems(400, 500),
        },
      },
    },
    '/v1/replay': {
      post: {
        operationId: 'replay',
        summary: 'What draft documents would change on claims',
        description:
          'Each request decided twice: on the current law, and with the drafts ingested in a scratch copy (the ingest plan applied to what ' +
          'the database holds; nothing is written). Every claim line whose decision, fee or reimbursement changes, with the rule or value ' +
          'that made the difference, and exact totals per code, month and institution. A draft whose rules would stop the engine is a 422 ' +
          '`invalid-document` (`reason: rules-invalid`). For millions of lines, use the CLI (`nomen replay`, streamed on every core).',
        parameters: [h.lang()],
        requestBody: { required: true, content: h.json('ReplayRequest') },
        responses: { '200': h.ok('The changed lines and the totals', 'ReplayResult'), ...h.problems(400, 413, 415, 422, 500) },
      },
    },
  };
}
