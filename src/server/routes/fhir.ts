/**
 * `POST /fhir/Claim/$submit`: an HL7 Belgium eTariff Claim (or a Bundle holding one), as
 * `application/fhir+json` or `application/json`, answered with a ClaimResponse; a body that is
 * not a readable Claim with an OperationOutcome naming each element (400 when the body is not
 * JSON or not a Claim, 422 when elements are missing or malformed). The decision reads the
 * institution registry as `POST /v1/check` does; it never reads or writes server-held history
 * (the Bundle's billed Claims are the history).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Locale } from '../../engine/messages/types.js';
import { decide } from '../../engine/decide.js';
import { claimRequest, claimResponse, FHIR_JSON, operationOutcome, type Issue } from '../../fhir/index.js';
import { bodyText, localeOf, type RouteDeps } from '../common.js';
import { ProblemError } from '../problem.js';

function send(reply: FastifyReply, status: number, resource: unknown): FastifyReply {
  return reply.code(status).type(`${FHIR_JSON}; charset=utf-8`).send(JSON.stringify(resource));
}

/** The language of the messages; an unknown `?lang=` falls back to English here (the answer is FHIR, not a problem document). */
function languageOf(req: FastifyRequest): Locale {
  try {
    return localeOf(req);
  } catch {
    return 'en';
  }
}

/** Registers the FHIR operation. */
export async function fhirRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const { store, engines } = deps;
  // In this scope the body is kept as bytes: every error about it is an OperationOutcome.
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser(['application/json', FHIR_JSON], { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  app.post('/fhir/Claim/$submit', async (req, reply) => {
    const locale = languageOf(req);
    const fail = (status: number, issues: Issue[]) => send(reply, status, operationOutcome(issues, locale));
    const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    let text: string;
    try {
      text = bodyText(req, bytes);
    } catch (e) {
      if (e instanceof ProblemError) return fail(400, [{ expression: '', detail: { problem: 'not-utf8', message: e.message } }]);
      throw e;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      return fail(400, [{ expression: '', detail: { problem: 'not-json', message: text.length === 0 ? 'empty body' : (e as Error).message } }]);
    }
    const read = claimRequest(value, deps.limits, locale);
    if (!read.ok) {
      const status = read.issues.some((i) => i.detail.problem === 'resource-type') ? 400 : read.issues.some((i) => i.detail.problem === 'too-many') ? 413 : 422;
      return fail(status, read.issues);
    }
    const request = read.value.request;
    // the registry entries of the institutions the lines name, read at each request
    const ids = [...new Set(request.claims.flatMap((c) => (c.institution ? [c.institution] : [])))];
    const base = engines.context(locale);
    const inputs = ids.length ? await store.checkInputs(ids, null) : null;
    const ctx = inputs ? { ...base, institutions: new Map(inputs.institutions.map((i) => [i.id, i])) } : base;
    const response = decide(request, { ...ctx, details: true, reasons: 'all' });
    return send(reply, 200, claimResponse(read.value, response, { locale }));
  });
}

/** The operation in the OpenAPI document (FHIR resources are described by HL7's R4 schema, not here). */
export function fhirPaths(h: { lang: () => Record<string, unknown> }): Record<string, unknown> {
  const resource = (description: string) => ({ description, content: { [FHIR_JSON]: { schema: { type: 'object', description } } } });
  return {
    '/fhir/Claim/$submit': {
      post: {
        operationId: 'fhirClaimSubmit',
        summary: 'Decide an HL7 Belgium eTariff Claim (FHIR R4): a ClaimResponse, one addItem per line',
        description:
          'The body is a `Claim` (profile be-etariff-claim, `use` = `predetermination`) or a `Bundle` holding one; the Bundle\'s Claims with `use` = `claim` are the history. ' +
          'Each line is answered with adjudication `tariff` (fee, reimbursement and patient fee) or `refusal` (the eTarif refusal value, the earlier service that caused it, the eFact code in the reason\'s text); ' +
          'every refusal and warning is a `processNote` citing its act. No server-held history is read or written. ' +
          'A body that is not a readable Claim gets an `OperationOutcome` naming each element (400: not JSON, not UTF-8 or not a Claim; 422: elements missing or malformed). ' +
          'Messages follow `?lang=` or Accept-Language (en, fr, nl).',
        parameters: [h.lang()],
        requestBody: { required: true, content: { [FHIR_JSON]: { schema: { type: 'object', description: 'Claim or Bundle (FHIR R4)' } }, 'application/json': { schema: { type: 'object' } } } },
        responses: {
          '200': resource('ClaimResponse (profile be-etariff-claimresponse)'),
          '400': resource('OperationOutcome: the body is not JSON, not UTF-8, or not a Claim or a Bundle holding one'),
          '413': resource('OperationOutcome (too-costly): more items, or billed lines, than a check request may hold (NOMEN_MAX_CLAIMS, NOMEN_MAX_HISTORY)'),
          '422': resource('OperationOutcome: each missing or malformed element named by its FHIRPath'),
        },
      },
    },
  };
}
