/**
 * The OpenAPI 3.1 document of the API, generated from the zod schemas the server validates and
 * answers with (`z.toJSONSchema`): the check request is the very schema the CLI validates.
 * Request schemas are rendered as inputs (unknown nested fields allowed, as the parser does),
 * response schemas as outputs.
 */
import { z } from 'zod';
import { ClaimSchema, DecisionSchema, EfactSchema, ReasonSchema } from '../engine/schema.js';
import { PROBLEM_MEDIA_TYPE, PROBLEM_TYPES } from './problem.js';
import { impactPaths } from './routes/impact.js';
import { fhirPaths } from './routes/fhir.js';
import { DiffResultSchema, ReplayRequest, ReplayResultSchema } from '../impact/schemas.js';
import {
  AtParam, BeneficiaryHistorySchema, CitationSchema, ComplianceClaimSchema, ComplianceReportSchema, ComplianceRequest, ConditionTraceSchema,
  ConventionValiditySchema, DerivedValuesSchema, DetailsParam, BeneficiaryIdParam, CodeHistorySchema, CodeParam, CodeViewSchema, CommitResultSchema,
  DocumentIdParam, DocumentListSchema, DocumentsUpload, DocumentViewSchema, FigureSchema, HealthSchema, HttpCheckRequest, HttpCheckResponse,
  IndicationAnswerSchema, IndicationRequest, IndicationResultSchema, IngestReportSchema, IngestResultSchema, InstitutionIdParam,
  InstitutionListSchema, InstitutionUpload, InstitutionViewSchema, LangParam, LimitParam, ProblemSchema, ProblemTypeSchema, QueryParam,
  SearchResultSchema, TimelinePointSchema,
} from './schemas.js';

type Json = Record<string, unknown>;

const REF = (id: string) => `#/components/schemas/${id}`;

/** Named request schemas (rendered as inputs). */
const INPUTS: Record<string, z.ZodType> = {
  CheckRequest: HttpCheckRequest,
  Claim: ClaimSchema,
  DocumentsUpload,
  InstitutionUpload,
  ComplianceRequest,
  ComplianceClaim: ComplianceClaimSchema,
  IndicationRequest,
  ReplayRequest,
};

/** Named response schemas (rendered as outputs). */
const OUTPUTS: Record<string, z.ZodType> = {
  CheckResponse: HttpCheckResponse,
  Decision: DecisionSchema,
  Reason: ReasonSchema,
  EfactCode: EfactSchema,
  CommitResult: CommitResultSchema,
  CodeView: CodeViewSchema,
  CodeHistory: CodeHistorySchema,
  TimelinePoint: TimelinePointSchema,
  SearchResult: SearchResultSchema,
  IngestReport: IngestReportSchema,
  IngestResult: IngestResultSchema,
  DocumentList: DocumentListSchema,
  DocumentView: DocumentViewSchema,
  BeneficiaryHistory: BeneficiaryHistorySchema,
  Citation: CitationSchema,
  ConventionValidity: ConventionValiditySchema,
  InstitutionView: InstitutionViewSchema,
  InstitutionList: InstitutionListSchema,
  ComplianceReport: ComplianceReportSchema,
  Figure: FigureSchema,
  IndicationAnswer: IndicationAnswerSchema,
  IndicationResult: IndicationResultSchema,
  ConditionTrace: ConditionTraceSchema,
  DerivedValues: DerivedValuesSchema,
  Health: HealthSchema,
  DiffResult: DiffResultSchema,
  ReplayResult: ReplayResultSchema,
  Problem: ProblemSchema,
  ProblemType: ProblemTypeSchema,
};

function strip(schema: Json): Json {
  // Components are embedded in the OpenAPI document: their own $schema/$id would re-root their refs.
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
}

function components(named: Record<string, z.ZodType>, io: 'input' | 'output'): Record<string, Json> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(named)) registry.add(schema, { id });
  const out = z.toJSONSchema(registry, { io, uri: REF, unrepresentable: 'any', target: 'draft-2020-12' }) as { schemas: Record<string, Json> };
  const result: Record<string, Json> = {};
  for (const [id, schema] of Object.entries(out.schemas)) {
    // A schema named in zod's global registry but not here lands in `__shared`: every one the API uses must be named above.
    if (id === '__shared') throw new Error(`openapi: unnamed shared schemas ${Object.keys((schema.$defs as Json) ?? {}).join(', ')}: add them to INPUTS or OUTPUTS`);
    result[id] = strip(schema);
  }
  return result;
}

function param(name: string, where: 'query' | 'path', schema: z.ZodType, required = where === 'path'): Json {
  const s = strip(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json);
  const { description, ...rest } = s;
  return { name, in: where, required, description, schema: rest };
}

const json = (ref: string) => ({ 'application/json': { schema: { $ref: REF(ref) } } });
const problems = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [
      String(s),
      {
        description: Object.values(PROBLEM_TYPES).filter((t) => t.status === s).map((t) => t.title).join('; ') || 'Problem',
        content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: REF('Problem') } } },
      },
    ]),
  );
const ok = (description: string, ref: string) => ({ description, content: json(ref) });
const lang = () => param('lang', 'query', LangParam);
const details = () => param('details', 'query', DetailsParam);
const bearer = [{ bearer: [] }, {}];

/** The OpenAPI document of the API (built once per server). */
export function openApiDocument(options: { version?: string; auth?: boolean } = {}): Json {
  const paths: Json = {
    '/v1/check': {
      post: {
        operationId: 'check',
        summary: 'Decide claim lines (contract §4)',
        description:
          'Which lines are reimbursable, for how much, and why. The lines the server holds for `beneficiary.id` count as history. ' +
          'With `"commit": true` the accepted lines are recorded as that history, in one transaction serialized per beneficiary; line ids are idempotency keys. ' +
          'A `history` line with the id of a held line must agree with it (409 otherwise): the held line counts. ' +
          'With a token configured, server-held history is read and written only with `Authorization: Bearer`: a check naming a beneficiary without it is a 401. ' +
          'The body is UTF-8 (other bytes: 400 `invalid-encoding`, with the line and byte offset). ' +
          'More claim or history lines than the server\'s limits, or an answer larger than its answer limit, is a 413 `limit-exceeded` naming the limit (`NOMEN_MAX_CLAIMS`, `NOMEN_MAX_HISTORY`, `NOMEN_MAX_ANSWER_BYTES`).',
        parameters: [lang(), details()],
        security: bearer,
        requestBody: { required: true, content: json('CheckRequest') },
        responses: { '200': ok('One decision per claim, in request order', 'CheckResponse'), ...problems(400, 401, 409, 413, 415, 422, 500, 503) },
      },
    },
    '/v1/check/batch': {
      post: {
        operationId: 'checkBatch',
        summary: 'Decide many requests: one JSON request per line (NDJSON), one response per line',
        description: 'The CLI\'s `check --ndjson`, streamed. A malformed line, one whose bytes are not UTF-8, or one over the line limit (`error.bytes`, its bytes not read) gives `{"line": n, "error": {…}}` and the run goes on. ' +
          'A body declared larger than the batch body limit is a 413; otherwise, at the body or line limit, the lines before are answered and one last error line says where the batch stopped. Stateless: no server-held history.',
        parameters: [lang(), details()],
        requestBody: { required: true, content: { 'application/x-ndjson': { schema: { type: 'string', description: 'One CheckRequest per line' } } } },
        responses: {
          '200': { description: 'One CheckResponse (or error object) per non-blank input line', content: { 'application/x-ndjson': { schema: { type: 'string' } } } },
          ...problems(413, 415, 500),
        },
      },
    },
    '/v1/beneficiaries/{id}/history': {
      get: {
        operationId: 'beneficiaryHistory',
        summary: 'The lines the server holds for a beneficiary (recorded by committed checks)',
        parameters: [param('id', 'path', BeneficiaryIdParam)],
        security: bearer,
        responses: { '200': ok('In date order, then recording order', 'BeneficiaryHistory'), ...problems(401, 500) },
      },
    },
    '/v1/codes/{code}': {
      get: {
        operationId: 'showCode',
        summary: 'The state of a code on a date (contract §3)',
        parameters: [param('code', 'path', CodeParam), param('at', 'query', AtParam)],
        responses: { '200': ok('The state, with its rules and sources', 'CodeView'), ...problems(400, 404, 500) },
      },
    },
    '/v1/codes/{code}/history': {
      get: {
        operationId: 'codeHistory',
        summary: 'Every change of a code over time, with its act, and the timeline of value and fee',
        parameters: [param('code', 'path', CodeParam)],
        responses: { '200': ok('Changes in date order', 'CodeHistory'), ...problems(400, 404, 500) },
      },
    },
    '/v1/search': {
      get: {
        operationId: 'search',
        summary: 'Codes by French or Dutch words of their label or by a code prefix, on a date',
        parameters: [param('q', 'query', QueryParam, true), param('at', 'query', AtParam), param('limit', 'query', LimitParam)],
        responses: { '200': ok('Matching codes', 'SearchResult'), ...problems(400, 500) },
      },
    },
    '/v1/documents': {
      get: {
        operationId: 'listDocuments',
        summary: 'The documents in the database (like `nomen documents --json`)',
        responses: { '200': ok('In ingestion order', 'DocumentList'), ...problems(500) },
      },
      post: {
        operationId: 'ingest',
        summary: 'Ingest legal documents (contract §2): all or none',
        description:
          'The format is detected (Justel act in Markdown, INAMI convention text, coefficient table). Send one document as a text body (`?name=` names it), ' +
          'or several as JSON. Idempotent: the same document again changes nothing (200); a new or replaced one gives 201. ' +
          'Without a token configured, `text/plain` is refused (415): a web page of any site could post it without a CORS preflight. ' +
          'A replacement that would lose statements of the held text, or a copy cut short of a held convention, is a 422 (`reason`, `lost`) unless `?force=true`.',
        parameters: [
          param('name', 'query', z.string().min(1).max(200).describe('File name of a raw-text upload, for messages'), false),
          param('force', 'query', z.enum(['true', 'false']).describe('true: replace even if the held text states more, keep a second copy of a convention'), false),
        ],
        security: bearer,
        requestBody: {
          required: true,
          content: {
            'text/plain': { schema: { type: 'string' } },
            'text/markdown': { schema: { type: 'string' } },
            'text/csv': { schema: { type: 'string' } },
            'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } },
            ...json('DocumentsUpload'),
          },
        },
        responses: {
          '200': ok('Every document was already there (unchanged)', 'IngestResult'),
          '201': ok('At least one document was added or replaced', 'IngestResult'),
          ...problems(400, 401, 413, 415, 422, 500),
        },
      },
    },
    '/v1/documents/{id}': {
      get: {
        operationId: 'showDocument',
        summary: 'A document: its text, every fact extracted from it (located in the text), its issues and unparsed sentences',
        parameters: [param('id', 'path', DocumentIdParam)],
        responses: { '200': ok('The document', 'DocumentView'), ...problems(404, 500) },
      },
    },
    '/v1/codes/{code}/derived': {
      get: {
        operationId: 'derivedValues',
        summary: 'Values derived from a code on a date: surgical assistance and the anaesthesia category (like `nomen derived --json`)',
        description: 'Surgical assistance: 10 % of the relative value of a procedure of at least K 120, N 200 or I 200 (decree of 12 August 1994, Art. 6). Anaesthesia category of the ablation convention: at least K 400, N 600 or I 600 (4.1.3). Each answer cites its sentence.',
        parameters: [param('code', 'path', CodeParam), param('at', 'query', AtParam)],
        responses: { '200': ok('Both thresholds, each with its reason and source', 'DerivedValues'), ...problems(400, 404, 500) },
      },
    },
    '/v1/institutions': {
      get: {
        operationId: 'listInstitutions',
        summary: 'The registry: every institution, its conventions with their computed periods and whether each is in force on a date',
        parameters: [param('at', 'query', AtParam)],
        responses: { '200': ok('By institution id', 'InstitutionList'), ...problems(400, 500) },
      },
    },
    '/v1/institutions/{id}': {
      get: {
        operationId: 'showInstitution',
        summary: 'One institution: its conventions, their periods (each end with how it was computed and the sentences it rests on), in force or not on a date',
        parameters: [param('id', 'path', InstitutionIdParam), param('at', 'query', AtParam)],
        responses: { '200': ok('The institution', 'InstitutionView'), ...problems(400, 404, 500) },
      },
      put: {
        operationId: 'putInstitution',
        summary: 'Register an institution with all its conventions (they replace the registered ones)',
        description:
          'The ends a convention leaves out are derived from its own terms (ablation: 2024-11-01 to 2029-10-31; breast reconstruction: from the month after `signed`, to the end of the notice). ' +
          '`check` uses the registry from the next request on. 201 when the institution is new, 200 when it was replaced. Needs `Authorization: Bearer` when a token is configured.',
        parameters: [param('id', 'path', InstitutionIdParam), param('at', 'query', AtParam)],
        security: bearer,
        requestBody: { required: true, content: json('InstitutionUpload') },
        responses: {
          '200': ok('Replaced; the institution on `at`', 'InstitutionView'),
          '201': ok('Registered; the institution on `at`', 'InstitutionView'),
          ...problems(400, 401, 413, 415, 422, 500),
        },
      },
    },
    '/v1/compliance': {
      post: {
        operationId: 'compliance',
        summary: 'Centre compliance report: each figure with its threshold, its source and pass/fail (like `nomen compliance --json`)',
        description:
          'Over an institution\'s claim lines and a window of dates: ablation volume per period and billing delay; breast reconstruction share without supplement, supplement cap, other supplements, single room. ' +
          'Send JSON (`ComplianceRequest`), or the claim file itself as NDJSON with `institution`, `from` and `to` in the query. Every unreadable line is named: `claims[i].field` for JSON, `line` and `path` for NDJSON. ' +
          'With `Accept: text/plain` the answer is the readable report.',
        parameters: [
          param('institution', 'query', InstitutionIdParam.describe('Institution id (NDJSON body only; required then)'), false),
          param('from', 'query', AtParam.describe('First day of the window (NDJSON body only; default: the start of the earliest convention)')),
          param('to', 'query', AtParam.describe('Last day of the window, inclusive (NDJSON body only; default: today)')),
        ],
        requestBody: {
          required: true,
          content: { ...json('ComplianceRequest'), 'application/x-ndjson': { schema: { type: 'string', description: 'One ComplianceClaim per line' } } },
        },
        responses: {
          '200': {
            description: 'The report',
            content: { ...json('ComplianceReport'), 'text/plain': { schema: { type: 'string', description: 'The readable report (Accept: text/plain)' } } },
          },
          ...problems(400, 413, 415, 422, 500),
        },
      },
    },
    '/v1/indication': {
      post: {
        operationId: 'indication',
        summary: 'The clinical indication of a convention\'s table matched (by default the ablation convention\'s Art. 3), with its citation, or "not listed" (like `nomen indication --json`)',
        description: 'A fact left out is unknown: an indication that depends on it is "undecided", never matched silently. Not listed: the answer says what the text then requires and cites its sentence (ablation: the COM/CM must justify in writing, 4.1.2). `table`: the table\'s id or its convention\'s machine name (rules/indications/).',
        parameters: [param('table', 'query', z.string().min(1).max(200).meta({ description: 'Indication table: its id or its convention\'s machine name', example: 'ablation-art-3' }))],
        requestBody: { required: true, content: json('IndicationRequest') },
        responses: { '200': ok('The outcome, the indications matched / undecided / not matched, each with its sentence', 'IndicationAnswer'), ...problems(400, 415, 422, 500) },
      },
    },
    ...impactPaths({ param, ok, json, problems, lang }),
    ...fhirPaths({ lang }),
    '/health': {
      get: {
        operationId: 'health',
        summary: 'Liveness and database reachability',
        responses: { '200': ok('Serving', 'Health'), '503': ok('Shutting down or database unreachable', 'Health') },
      },
    },
    '/openapi.json': {
      get: { operationId: 'openapi', summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } } } },
    },
    '/problems/{kind}': {
      get: {
        operationId: 'problemType',
        summary: 'What a problem `type` means',
        parameters: [param('kind', 'path', z.enum(Object.keys(PROBLEM_TYPES) as [string, ...string[]]))],
        responses: { '200': ok('The problem type', 'ProblemType'), ...problems(404) },
      },
    },
  };
  const schemas = { ...components(INPUTS, 'input'), ...components(OUTPUTS, 'output') };
  return {
    openapi: '3.1.0',
    info: {
      title: 'nomen',
      version: options.version ?? '0.1.0',
      description:
        'The Belgian nomenclature of health services (INAMI/RIZIV) as executable law. Money and relative values are decimal strings; dates are ISO YYYY-MM-DD. ' +
        'Errors are RFC 9457 problem details (`application/problem+json`) whose `errors` name each offending field.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    paths,
    components: {
      schemas,
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: options.auth === false ? 'Not configured on this server: every operation is open.' : 'The token of NOMEN_TOKEN; needed for writes (and server-held history) when configured.',
        },
      },
    },
  };
}
