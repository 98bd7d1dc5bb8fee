/**
 * The conventions over HTTP (the CLI's `institutions`, `compliance`, `indication`, `derived`):
 * `GET /v1/institutions`, `GET|PUT /v1/institutions/{id}`, `POST /v1/compliance` (JSON or
 * NDJSON claim lines), `POST /v1/indication` and `GET /v1/codes/{code}/derived`. Claim lines
 * and clinical facts are read by the conventions module's own readers, so the API accepts and
 * refuses exactly what the CLI does; nothing of them is logged.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { today, type IsoDate } from '../../date.js';
import { nomenclatureFor } from '../../pipeline.js';
import { showCode } from '../../queries.js';
import {
  cappedCodes, catalogueFromStore, complianceReport, indicationTable, conventionRecord, derivedFromState, FactsError, InputError, matchIndication, overlaps,
  readComplianceLine, readFacts, RegistryError, renderCompliance, statusOn, validity, withConvention, type ComplianceLine, type Institution,
  type InstitutionConvention, type ConventionCatalogue, type ComplianceReport,
} from '../../conventions/index.js';
import type { Store } from '../../store/types.js';
import { bodyText, parseBody, parseParams, type RouteDeps } from '../common.js';
import { pointerOf, ProblemError, type FieldLocation, type ProblemField } from '../problem.js';
import {
  AtParam, CodeParam, ComplianceRequest, InstitutionIdParam, InstitutionUpload, type ComplianceReportSchema, type DerivedValuesSchema,
  type IndicationAnswerSchema, type InstitutionListSchema, type InstitutionViewSchema,
} from '../schemas.js';
import { guard } from './codes.js';

type InstitutionView = z.infer<typeof InstitutionViewSchema>;

/** At most this many offending claim lines are listed in one problem (a wrong export would list them all). */
const MAX_LINE_ERRORS = 100;

/** An institution on a date: like `nomen institutions show --json`, each convention with its terms and its record. */
export function institutionView(inst: Institution, at: IsoDate, catalogue: ConventionCatalogue): InstitutionView {
  return {
    id: inst.id,
    name: inst.name,
    conventions: inst.conventions,
    at,
    status: inst.conventions.map((record) => {
      const s = statusOn(record, at, catalogue);
      const terms = catalogue.find(record.convention)?.terms;
      return { convention: record.convention, title: terms?.title ?? null, terms: terms?.description ?? null, record, inForce: s.inForce, reason: s.reason, validity: s.validity };
    }),
    issues: overlaps(inst, catalogue),
  };
}

/** The 422 problem listing offending claim lines (capped), with the count of those left out. */
function lineProblem(errors: ProblemField[], total: number, describe: (e: ProblemField) => string): ProblemError {
  const shown = errors.slice(0, 5).map(describe).join('; ');
  const more = total > 5 ? `; … ${total - 5} more` : '';
  return new ProblemError('invalid-request', `${total} claim line${total === 1 ? '' : 's'} cannot be read: ${shown}${more}`, errors.slice(0, MAX_LINE_ERRORS), undefined, total > MAX_LINE_ERRORS ? { omitted: total - MAX_LINE_ERRORS } : undefined);
}

/** Reads JSON claims with the CLI's reader; every bad claim is named (`claims[i].field`). A claim's `line` is its 1-based position. */
function readJsonClaims(claims: readonly unknown[]): ComplianceLine[] {
  const lines: ComplianceLine[] = [];
  const errors: ProblemField[] = [];
  claims.forEach((o, i) => {
    try {
      lines.push(readComplianceLine(o, i + 1));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      const path = `claims[${i}]${e.field ? `.${e.field}` : ''}`;
      errors.push({ in: 'body', path, pointer: pointerOf(path), detail: e.detail });
    }
  });
  if (errors.length) throw lineProblem(errors, errors.length, (e) => `${e.path}: ${e.detail}`);
  return lines;
}

/** Reads NDJSON claim lines as `nomen compliance` does (blank lines skipped, counted); every bad line is named. */
function readNdjsonClaims(text: string): ComplianceLine[] {
  const lines: ComplianceLine[] = [];
  const errors: ProblemField[] = [];
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((raw, k) => {
    if (raw.trim() === '') return;
    let o: unknown;
    try {
      o = JSON.parse(raw);
    } catch (e) {
      errors.push({ in: 'body', path: '', line: k + 1, detail: `not valid JSON (${(e as Error).message})` });
      return;
    }
    try {
      lines.push(readComplianceLine(o, k + 1));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      errors.push({ in: 'body', path: e.field ?? '', line: k + 1, detail: e.detail });
    }
  });
  if (errors.length) throw lineProblem(errors, errors.length, (e) => `line ${e.line}${e.path ? `, field ${e.path}` : ''}: ${e.detail}`);
  return lines;
}

/** True when the client prefers the readable report: `text/plain` weighs more than JSON in Accept. */
export function prefersText(accept: string | undefined): boolean {
  if (!accept) return false;
  let text = 0;
  let json = 0;
  for (const part of accept.split(',')) {
    const [type, ...params] = part.trim().toLowerCase().split(';');
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = qp ? Number(qp.slice(2)) : 1;
    if (!Number.isFinite(weight)) continue;
    const t = type.trim();
    if (t === 'text/plain') text = Math.max(text, weight);
    else if (t === 'application/json' || t === 'application/*' || t === '*/*') json = Math.max(json, weight);
  }
  return text > json;
}

/** An NDJSON body, kept apart from a JSON body that happens to be a string. */
class NdjsonText {
  constructor(readonly text: string) {}
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The JSON field name of a registry record field (the CSV's `notice_sent` is `noticeSent` here). */
const jsonField = (field: string) => (field === 'notice_sent' ? 'noticeSent' : field);

/** Registers the conventions routes. */
export async function conventionRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const { store, auth } = deps;
  // JSON only (NDJSON for the compliance lines below): Fastify's default text/plain parser would turn a text body into a confusing 422.
  app.removeContentTypeParser('text/plain');

  app.get('/v1/institutions', async (req): Promise<z.infer<typeof InstitutionListSchema>> => {
    const { at = today() } = parseParams('query', req.query, { at: AtParam });
    const catalogue = await catalogueFromStore(store);
    return { at, institutions: (await store.institutions()).map((i) => institutionView(i, at, catalogue)) };
  });

  app.get('/v1/institutions/:id', async (req): Promise<InstitutionView> => {
    const { id } = parseParams('path', req.params, { id: InstitutionIdParam }, ['id']);
    const { at = today() } = parseParams('query', req.query, { at: AtParam });
    const inst = await store.institution(id!);
    if (!inst) throw new ProblemError('not-found', `institution ${JSON.stringify(id)} is not in the registry`, [{ in: 'path', path: 'id', detail: 'unknown institution' }]);
    return institutionView(inst, at, await catalogueFromStore(store));
  });

  app.put('/v1/institutions/:id', async (req, reply): Promise<InstitutionView> => {
    // Authentication before validation: an unauthenticated writer learns nothing from the answer.
    auth.require(req, 'writing the institution registry');
    const { id } = parseParams('path', req.params, { id: InstitutionIdParam }, ['id']);
    const { at = today() } = parseParams('query', req.query, { at: AtParam });
    const body = parseBody(InstitutionUpload, req.body);
    const catalogue = await catalogueFromStore(store);
    const errors: ProblemField[] = [];
    const records: InstitutionConvention[] = [];
    body.conventions.forEach((c, i) => {
      const loc = (field: string) => {
        const path = `conventions[${i}].${field}`;
        return { in: 'body' as const, path, pointer: pointerOf(path) };
      };
      try {
        const rec = conventionRecord(c, catalogue);
        // Two records of one convention from one day cannot be told apart (the store keys on them).
        if (records.some((r) => r.convention === rec.convention && r.from === rec.from)) {
          errors.push({ ...loc('convention'), detail: `${rec.convention} from ${rec.from} is given twice` });
        } else records.push(rec);
      } catch (e) {
        if (!(e instanceof RegistryError)) throw e;
        errors.push({ ...loc(jsonField(e.field)), detail: e.message.replace(/^[a-z_]+: /, '') });
      }
    });
    if (errors.length) throw new ProblemError('invalid-request', errors.map((e) => `${e.path}: ${e.detail}`).join('; '), errors);
    const current = await store.institution(id!);
    let inst: Institution = { id: id!, name: body.name === undefined ? (current?.name ?? null) : body.name, conventions: [] };
    for (const r of records) inst = withConvention(inst, r);
    await store.putInstitutions([inst]);
    reply.code(current ? 200 : 201);
    return institutionView(inst, at, catalogue);
  });

  await app.register(async (scope) => {
    // A claim file is sent as it is (NDJSON) or inside JSON; both may be as large as a document upload.
    scope.addContentTypeParser('application/x-ndjson', { parseAs: 'buffer', bodyLimit: deps.documentBodyLimit }, (req, body, done) => {
      try {
        done(null, new NdjsonText(bodyText(req, body as Buffer)));
      } catch (e) {
        done(e as Error, undefined);
      }
    });
    scope.post('/v1/compliance', { bodyLimit: deps.documentBodyLimit }, async (req, reply) => {
      const report = await compliance(req, store);
      if (prefersText(req.headers.accept)) return reply.type('text/plain; charset=utf-8').send(renderCompliance(report as ComplianceReport) + '\n');
      return report;
    });
  });

  app.post('/v1/indication', async (req): Promise<z.infer<typeof IndicationAnswerSchema>> => {
    if (!isObject(req.body)) {
      throw new ProblemError('invalid-request', '(body): expected a JSON object of clinical facts', [{ in: 'body', path: '', pointer: '#', detail: 'expected a JSON object of clinical facts' }]);
    }
    // ?table= names the indication table (its id or its convention's machine name); default: the first known.
    const { table: name } = parseParams('query', req.query, { table: z.string().min(1).max(200) });
    let table;
    try {
      table = indicationTable(name);
    } catch (e) {
      if (!(e instanceof FactsError)) throw e;
      throw new ProblemError('invalid-parameter', e.message, [{ in: 'query', path: 'table', detail: e.message.slice(e.field.length + 2) }]);
    }
    try {
      return matchIndication(readFacts(req.body, table), table);
    } catch (e) {
      if (!(e instanceof FactsError)) throw e;
      const detail = e.message.slice(e.field.length + 2);
      throw new ProblemError('invalid-request', e.message, [{ in: 'body', path: e.field, pointer: pointerOf(e.field), detail }]);
    }
  });

  app.get('/v1/codes/:code/derived', async (req): Promise<z.infer<typeof DerivedValuesSchema>> => {
    const { code } = parseParams('path', req.params, { code: CodeParam }, ['code']);
    const { at = today() } = parseParams('query', req.query, { at: AtParam });
    return derivedFromState(await guard(() => showCode(store, code!, at)));
  });
}

const WINDOW_PARAMS = ['institution', 'from', 'to'] as const;

/** `POST /v1/compliance`: reads the request (JSON, or NDJSON with the rest in the query) and computes the report. */
async function compliance(req: FastifyRequest, store: Store): Promise<z.infer<typeof ComplianceReportSchema>> {
  let where: FieldLocation;
  let request: { institution: string; from?: IsoDate; to?: IsoDate };
  let lines: ComplianceLine[];
  if (req.body instanceof NdjsonText) {
    where = 'query';
    const q = parseParams('query', req.query, { institution: InstitutionIdParam, from: AtParam, to: AtParam }, ['institution']);
    request = { institution: q.institution!, from: q.from, to: q.to };
    lines = readNdjsonClaims(req.body.text);
  } else {
    where = 'body';
    // One place for each value: query parameters along a JSON body would be ambiguous.
    const q = (req.query ?? {}) as Record<string, unknown>;
    const stray = WINDOW_PARAMS.filter((k) => q[k] !== undefined);
    if (stray.length) {
      throw new ProblemError('invalid-parameter', `${stray.join(', ')}: only with an NDJSON body; a JSON body gives them as fields`, stray.map((k) => ({ in: 'query', path: k, detail: 'give it in the JSON body' })));
    }
    const body = parseBody(ComplianceRequest.extend({ claims: z.array(z.unknown()) }), req.body);
    request = body;
    lines = readJsonClaims(body.claims);
  }
  const field = (path: string, detail: string): ProblemField => (where === 'body' ? { in: 'body', path, pointer: pointerOf(path), detail } : { in: 'query', path, detail });

  const inst = await store.institution(request.institution);
  if (!inst) {
    throw new ProblemError('unknown-institution', `institution ${JSON.stringify(request.institution)} is not in the registry`, [field('institution', 'not in the registry')]);
  }
  const catalogue = await catalogueFromStore(store);
  const starts = inst.conventions.map((c) => validity(c, catalogue).from).filter((d): d is IsoDate => d !== null).sort();
  const window = { from: request.from ?? starts[0] ?? today(), to: request.to ?? today() };
  if (window.to < window.from) {
    const detail = `${window.to} is before the start of the window ${window.from}${request.from ? '' : ' (the start of the institution\'s earliest convention)'}`;
    throw new ProblemError(where === 'body' ? 'invalid-request' : 'invalid-parameter', `to: ${detail}`, [field('to', detail)]);
  }
  // The nomenclature is read only when a supplement must be compared with a fee the line does not state.
  const capped = new Set(cappedCodes(catalogue));
  const needFees = lines.filter((l) => capped.has(l.code) && l.fee === null && l.supplement !== null && l.supplement.units > 0n).map((l) => l.code);
  const nomenclature = needFees.length ? await nomenclatureFor(store, needFees) : undefined;
  try {
    return complianceReport(inst, lines, window, { nomenclature, catalogue });
  } catch (e) {
    // The window is checked above: should the report still refuse it, the field is named (never a 500).
    if (e instanceof InputError && e.field) throw new ProblemError('invalid-request', e.message, [field(e.field, e.detail)]);
    throw e;
  }
}
