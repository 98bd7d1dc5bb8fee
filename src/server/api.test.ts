/**
 * The HTTP API through real HTTP on 127.0.0.1: every endpoint, every error path, the problem
 * documents, answers validated against /openapi.json, server-held history, authentication, and
 * logs that never contain claim or beneficiary data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Store } from '../store/types.js';
import { call, exampleRequest, post, removeDatabases, startServer, type Json, type TestServer } from './test-support.js';


function expectProblem(r: { status: number; type: string; body: Json }, status: number, kind: string) {
  expect(r.type).toContain('application/problem+json');
  expect(r.status).toBe(status);
  expect(r.body.status).toBe(status);
  expect(r.body.type).toBe(`/problems/${kind}`);
  expect(typeof r.body.title).toBe('string');
  expect(typeof r.body.detail).toBe('string');
}

let server: TestServer;
let openapi: Json;
let ajv: InstanceType<typeof Ajv2020>;

/** Validates a body against a component of the served OpenAPI document. */
function conforms(component: string, body: unknown) {
  const validate = ajv.getSchema(`nomen#/components/schemas/${component}`);
  if (!validate) throw new Error(`no component ${component}`);
  const ok = validate(body);
  if (!ok) throw new Error(`${component}: ${JSON.stringify(validate.errors?.slice(0, 5))}`);
}

beforeAll(async () => {
  server = await startServer();
  openapi = (await call(server, '/openapi.json')).body;
  ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  // Component refs are document-relative (#/components/…): they resolve inside this one schema.
  ajv.addSchema({ $id: 'nomen', components: openapi.components });
});

afterAll(async () => {
  await server?.close();
  await removeDatabases();
});

describe('GET /health', () => {
  it('reports the store and the documents', async () => {
    const r = await call(server, '/health');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'ok', store: 'sqlite', documents: 3 });
    conforms('Health', r.body);
  });

  it('is 503 when the database does not answer', async () => {
    const s = await startServer({ wrap: (st) => failing(st, 'isEmpty') });
    try {
      const r = await call(s, '/health');
      expect(r.status).toBe(503);
      expect(r.body.status).toBe('unavailable');
    } finally {
      await s.close();
    }
  });
});

describe('GET /openapi.json', () => {
  it('is OpenAPI 3.1 and documents every route the server has, and only those', () => {
    expect(openapi.openapi).toBe('3.1.0');
    // printRoutes draws a tree whose children are relative to their parent: rebuild full paths.
    const stack: string[] = [];
    const routes: string[] = [];
    for (const line of server.app.printRoutes({ commonPrefix: false }).split('\n')) {
      const m = /^([│ ]*)[├└]── (\S+) \(([A-Z, ]+)\)/.exec(line);
      if (!m) continue;
      const depth = m[1].length / 4;
      stack.length = depth;
      const path = (stack[depth - 1] ?? '') + m[2];
      stack[depth] = path;
      for (const method of m[3].split(', ')) if (method !== 'HEAD') routes.push(`${method} ${path.replace(/:(\w+)/g, '{$1}')}`);
    }
    const documented = Object.entries(openapi.paths as Json).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    expect(new Set(routes)).toEqual(new Set(documented));
    expect(routes.length).toBeGreaterThanOrEqual(12);
  });

  it('has the check request of the engine schema (claims required, unknown top-level fields refused) plus commit', () => {
    const req = openapi.components.schemas.CheckRequest;
    expect(req.required).toEqual(['claims']);
    expect(req.additionalProperties).toBe(false);
    expect(Object.keys(req.properties)).toEqual(['beneficiary', 'institutions', 'history', 'claims', 'commit']);
    expect(req.properties.claims.items.$ref).toBe('#/components/schemas/Claim');
    expect(openapi.components.schemas.Claim.required).toEqual(['id', 'code', 'date']);
    // Nested request objects accept unknown fields (the parser ignores them), so the schema must not refuse them.
    expect(openapi.components.schemas.Claim.additionalProperties).toBeUndefined();
    expect(openapi.components.schemas.Reason.properties.kind.enum).toContain('non-cumulation');
  });

  it('every operation has responses, and every $ref resolves', () => {
    const text = JSON.stringify(openapi);
    for (const m of text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) expect(openapi.components.schemas).toHaveProperty(m[1]);
    for (const ops of Object.values(openapi.paths as Json)) for (const op of Object.values(ops as Json)) expect(Object.keys((op as Json).responses).length).toBeGreaterThan(0);
  });
});

describe('GET /v1/codes/{code}', () => {
  it('587134 costs 1773.18 on 2024-11-15, with its pair, rules and sources', async () => {
    const r = await call(server, '/v1/codes/587134?at=2024-11-15');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ code: '587134', at: '2024-11-15', status: 'in-force', keyLetter: 'I', relativeValue: '633', fee: '1773.18', pair: { ambulatory: '587134', hospitalised: '587145' } });
    expect(r.body.rules.length).toBeGreaterThan(0);
    expect(r.body.rules[0].source.document).toMatch(/^conv-/);
    conforms('CodeView', r.body);
  });

  it('defaults to today', async () => {
    const r = await call(server, '/v1/codes/355751');
    expect(r.status).toBe(200);
    expect(r.body.at).toBe(new Date().toISOString().slice(0, 10));
  });

  it('an invalid check digit is a 400 naming the path parameter, with the proposal', async () => {
    const r = await call(server, '/v1/codes/587135');
    expectProblem(r, 400, 'invalid-code');
    expect(r.body.errors).toEqual([{ in: 'path', path: 'code', detail: expect.stringContaining('587134') }]);
    conforms('Problem', r.body);
  });

  it('a value that is not a code is a 400', async () => {
    expectProblem(await call(server, '/v1/codes/abc'), 400, 'invalid-code');
  });

  it('a code no document names is a 404', async () => {
    const r = await call(server, '/v1/codes/123454');
    expectProblem(r, 404, 'unknown-code');
    expect(r.body.errors[0].path).toBe('code');
  });

  it('a bad or repeated date is a 400 naming `at`', async () => {
    const bad = await call(server, '/v1/codes/587134?at=2024-02-30');
    expectProblem(bad, 400, 'invalid-parameter');
    expect(bad.body.errors).toEqual([{ in: 'query', path: 'at', detail: expect.stringContaining('2024-02-30') }]);
    const twice = await call(server, '/v1/codes/587134?at=2024-01-01&at=2024-01-02');
    expectProblem(twice, 400, 'invalid-parameter');
    expect(twice.body.errors[0]).toMatchObject({ path: 'at', detail: 'given more than once' });
  });
});

describe('GET /v1/codes/{code}/history', () => {
  it('355751: K 30 before 1995-01-01, K 50 from then, each period with its act', async () => {
    const r = await call(server, '/v1/codes/355751/history');
    expect(r.status).toBe(200);
    conforms('CodeHistory', r.body);
    expect(r.body.changes.map((c: Json) => [c.date, c.change])).toContainEqual(['1995-01-01', 'value']);
    const values = r.body.timeline.filter((p: Json) => p.status === 'in-force').map((p: Json) => [p.date, `${p.keyLetter} ${p.relativeValue}`]);
    expect(values).toEqual([[null, 'K 30'], ['1995-01-01', 'K 50']]);
    const k50 = r.body.timeline.find((p: Json) => p.date === '1995-01-01');
    expect(k50.source.document).toBe('1994022370');
    expect(k50.change).toBe('value');
  });

  it('587134: the fee 1773.18 from 2024-11-01, unknown after the fee table ends on 2024-12-31', async () => {
    const r = await call(server, '/v1/codes/587134/history');
    const t = r.body.timeline.map((p: Json) => [p.date, p.until, p.status, p.fee]);
    expect(t).toContainEqual(['2024-11-01', '2025-01-01', 'in-force', '1773.18']);
    expect(t).toContainEqual(['2025-01-01', '2029-11-01', 'in-force', null]);
  });

  it('errors like GET /v1/codes/{code}', async () => {
    expectProblem(await call(server, '/v1/codes/587135/history'), 400, 'invalid-code');
    expectProblem(await call(server, '/v1/codes/123454/history'), 404, 'unknown-code');
  });
});

describe('GET /v1/search', () => {
  it('finds 587134 for "ablation" on 2024-11-15', async () => {
    const r = await call(server, '/v1/search?q=ablation&at=2024-11-15');
    expect(r.status).toBe(200);
    conforms('SearchResult', r.body);
    expect(r.body.results.map((h: Json) => h.code)).toContain('587134');
    expect(r.body).toMatchObject({ query: 'ablation', at: '2024-11-15' });
  });

  it('by code prefix, and limited', async () => {
    const r = await call(server, '/v1/search?q=5871&at=2024-11-15&limit=2');
    expect(r.body.results).toHaveLength(2);
    expect(r.body.results.every((h: Json) => h.code.startsWith('5871'))).toBe(true);
  });

  it('names each bad parameter', async () => {
    const none = await call(server, '/v1/search');
    expectProblem(none, 400, 'invalid-parameter');
    expect(none.body.errors).toEqual([{ in: 'query', path: 'q', detail: 'required' }]);
    const bad = await call(server, '/v1/search?q=x&limit=0&at=tomorrow');
    expect(bad.body.errors.map((e: Json) => e.path).sort()).toEqual(['at', 'limit']);
    expectProblem(await call(server, '/v1/search?q=%20%20'), 400, 'invalid-parameter');
    expectProblem(await call(server, '/v1/search?q=x&limit=many'), 400, 'invalid-parameter');
  });
});

describe('POST /v1/check', () => {
  it('decides the contract example (accepted, fee 1773.18) and answers in the schema', async () => {
    const r = await post(server, '/v1/check', exampleRequest('P-EX'));
    expect(r.status).toBe(200);
    conforms('CheckResponse', r.body);
    expect(r.body.beneficiary).toBe('P-EX');
    expect(r.body.storedLines).toBe(0);
    expect(r.body.decisions).toHaveLength(1);
    expect(r.body.decisions[0]).toMatchObject({ claim: 'L1', status: 'accepted', fee: '1773.18', reimbursement: '1773.18' });
  });

  it('a refusal names the rule, the kind and the sentence of the act', async () => {
    const req = exampleRequest();
    delete req.beneficiary;
    req.claims[0].provider = { specialty: 'urology' };
    const r = await post(server, '/v1/check', req);
    expect(r.body.storedLines).toBeNull();
    const d = r.body.decisions[0];
    expect(d.status).toBe('rejected');
    const violated = d.reasons.filter((x: Json) => x.outcome === 'violated');
    expect(violated.map((x: Json) => x.kind)).toContain('provider');
    expect(violated[0].source.text).toMatch(/radiodiagnostic/);
  });

  it('answers in the language asked: ?lang=, else Accept-Language', async () => {
    const req = exampleRequest();
    delete req.beneficiary;
    req.claims[0].provider = { specialty: 'urology' };
    const message = (r: { body: Json }) => r.body.decisions[0].reasons.find((x: Json) => x.outcome === 'violated').message as string;
    const en = message(await post(server, '/v1/check', req));
    const fr = message(await post(server, '/v1/check?lang=fr', req));
    const nl = message(await post(server, '/v1/check', req, { 'accept-language': 'nl-BE,nl;q=0.9,en;q=0.5' }));
    expect(new Set([en, fr, nl]).size).toBe(3);
    expect(fr).toMatch(/requiert/);
    const bad = await post(server, '/v1/check?lang=de', req);
    expectProblem(bad, 400, 'invalid-parameter');
    expect(bad.body.errors[0].path).toBe('lang');
  });

  it('?details=false leaves out each reason\'s detail data and interpretation', async () => {
    const full = await post(server, '/v1/check', exampleRequest());
    expect(full.body.decisions[0].reasons.some((x: Json) => 'detail' in x)).toBe(true);
    const lean = await post(server, '/v1/check?details=false', exampleRequest());
    expect(lean.body.decisions[0].reasons.length).toBe(full.body.decisions[0].reasons.length);
    for (const x of lean.body.decisions[0].reasons) {
      expect(x).not.toHaveProperty('detail');
      expect(x).not.toHaveProperty('interpretation');
    }
    conforms('CheckResponse', lean.body);
    expect((await post(server, '/v1/check?details=no', exampleRequest())).body.errors[0].path).toBe('details');
  });

  it('a body that is not JSON is a 400 saying where it breaks', async () => {
    const r = await call(server, '/v1/check', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"claims": [' });
    expectProblem(r, 400, 'invalid-json');
    expect(r.body.detail).toMatch(/not valid JSON: /);
    expect(r.body.errors[0]).toMatchObject({ in: 'body', path: '', pointer: '#' });
    const empty = await call(server, '/v1/check', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '' });
    expectProblem(empty, 400, 'invalid-json');
  });

  it('a request that does not match the schema is a 422 naming every field, as the CLI does', async () => {
    const r = await post(server, '/v1/check', {
      hist0ry: [],
      beneficiary: { birthDate: '1958-02-30' },
      claims: [{ id: 'L1', code: '587134', date: '2024-11-38' }, { id: 'L1', code: '587134', date: '2024-11-18' }, { code: '587134', date: '2024-11-18' }],
    });
    expectProblem(r, 422, 'invalid-request');
    conforms('Problem', r.body);
    const fields = r.body.errors.map((e: Json) => [e.path, e.pointer]);
    expect(fields).toEqual(
      expect.arrayContaining([
        ['hist0ry', '#/hist0ry'],
        ['beneficiary.birthDate', '#/beneficiary/birthDate'],
        ['claims[0].date', '#/claims/0/date'],
        ['claims[2].id', '#/claims/2/id'],
      ]),
    );
    expect(r.body.detail).toContain('claims[0].date');
  });

  it('refuses a body that is not an object, and a claim list that is empty', async () => {
    const arr = await post(server, '/v1/check', [1, 2]);
    expectProblem(arr, 422, 'invalid-request');
    expect(arr.body.errors[0].path).toBe('');
    const none = await post(server, '/v1/check', { claims: [] });
    expect(none.body.errors[0].path).toBe('claims');
  });

  it('commit must be a boolean, and needs a beneficiary id', async () => {
    const c = await post(server, '/v1/check', { ...exampleRequest(), commit: 'yes' });
    expectProblem(c, 422, 'invalid-request');
    expect(c.body.errors).toEqual([{ in: 'body', path: 'commit', pointer: '#/commit', detail: 'expected a boolean' }]);
    const req = exampleRequest();
    delete req.beneficiary;
    const b = await post(server, '/v1/check', { ...req, commit: true });
    expectProblem(b, 422, 'invalid-request');
    expect(b.body.errors[0].path).toBe('beneficiary.id');
  });

  it('only JSON: other media types are a 415', async () => {
    const text = await call(server, '/v1/check', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(exampleRequest()) });
    expectProblem(text, 415, 'unsupported-media-type');
    const ndjson = await call(server, '/v1/check', { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: '{}\n' });
    expectProblem(ndjson, 415, 'unsupported-media-type');
  });

  it('a body over the limit is a 413', async () => {
    const s = await startServer({ bodyLimit: 4096 });
    try {
      const req = exampleRequest();
      req.history = Array.from({ length: 100 }, (_, i) => ({ id: `H${i}`, code: '587134', date: '2023-01-01' }));
      const r = await post(s, '/v1/check', req);
      expectProblem(r, 413, 'payload-too-large');
      expect((await post(s, '/v1/check', exampleRequest())).status).toBe(200);
    } finally {
      await s.close();
    }
  });

  it('uses the institution registry of the database for institutions the request does not define', async () => {
    const s = await startServer();
    try {
      const req = exampleRequest();
      delete req.institutions;
      const before = await post(s, '/v1/check', req);
      expect(before.body.decisions[0].status).toBe('rejected');
      expect(before.body.decisions[0].reasons.filter((x: Json) => x.outcome === 'violated').map((x: Json) => x.kind)).toContain('place');
      await s.store.putInstitutions([{ id: 'H-71001', name: null, conventions: [{ convention: 'percutaneous-tumour-ablation', from: '2024-11-01', to: '2029-10-31' }] }]);
      const after = await post(s, '/v1/check', req);
      expect(after.body.decisions[0].status).toBe('accepted');
    } finally {
      await s.close();
    }
  });
});

describe('server-held history (commit)', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer();
  });
  afterAll(async () => {
    await s.close();
  });

  it('records accepted lines; later requests count them without resending them', async () => {
    const first = await post(s, '/v1/check', { ...exampleRequest('P-H1'), commit: true });
    expect(first.status).toBe(200);
    conforms('CheckResponse', first.body);
    expect(first.body.decisions[0].status).toBe('accepted');
    expect(first.body.committed).toEqual({ recorded: ['L1'], duplicates: [] });

    const second = exampleRequest('P-H1');
    second.claims[0].id = 'L2';
    const r = await post(s, '/v1/check', second);
    expect(r.body.storedLines).toBe(1);
    const d = r.body.decisions[0];
    expect(d.status).toBe('rejected');
    const frequency = d.reasons.find((x: Json) => x.kind === 'frequency' && x.outcome === 'violated');
    expect(frequency.message).toContain('L1');
    // Without commit nothing is recorded.
    expect(r.body.committed).toBeUndefined();
    const h = await call(s, '/v1/beneficiaries/P-H1/history');
    expect(h.status).toBe(200);
    conforms('BeneficiaryHistory', h.body);
    expect(h.body.lines.map((l: Json) => [l.id, l.date])).toEqual([['L1', '2024-11-18']]);
  });

  it('a retried request decides as the first time and never counts a line twice', async () => {
    const again = await post(s, '/v1/check', { ...exampleRequest('P-H1'), commit: true });
    expect(again.body.decisions[0].status).toBe('accepted');
    expect(again.body.committed).toEqual({ recorded: [], duplicates: ['L1'] });
    expect((await s.store.historyOf('P-H1')).map((l) => l.id)).toEqual(['L1']);
  });

  it('a stored line the request also sends as history counts once', async () => {
    const req = exampleRequest('P-H1');
    req.history = [{ ...exampleRequest().claims[0] }];
    req.claims[0].id = 'L3';
    const r = await post(s, '/v1/check', req);
    expect(r.body.storedLines).toBe(0);
    const frequency = r.body.decisions[0].reasons.find((x: Json) => x.kind === 'frequency');
    expect(frequency.message).toMatch(/already 1:/);
  });

  it('a line id recorded with other content is a 409 naming the claim', async () => {
    const req = exampleRequest('P-H1');
    req.claims[0].date = '2024-11-19';
    const r = await post(s, '/v1/check', { ...req, commit: true });
    expectProblem(r, 409, 'conflict');
    expect(r.body.errors).toEqual([{ in: 'body', path: 'claims[0].id', pointer: '#/claims/0/id', detail: 'already recorded with other content' }]);
    expect((await s.store.historyOf('P-H1')).map((l) => l.id)).toEqual(['L1']);
  });

  it('rejected lines are not recorded; histories are per beneficiary', async () => {
    const req = exampleRequest('P-H2');
    req.claims.push({ ...req.claims[0], id: 'L2' });
    const r = await post(s, '/v1/check', { ...req, commit: true });
    expect(r.body.decisions.map((d: Json) => d.status)).toEqual(['accepted', 'rejected']);
    expect(r.body.committed).toEqual({ recorded: ['L1'], duplicates: [] });
    expect((await s.store.historyOf('P-H2')).map((l) => l.id)).toEqual(['L1']);
    expect((await call(s, '/v1/beneficiaries/P-NOBODY/history')).body.lines).toEqual([]);
  });

  it('concurrent commits for one beneficiary are serialized: one line per day, whatever the order', async () => {
    const reqs = Array.from({ length: 8 }, (_, i) => {
      const r = exampleRequest('P-H3');
      r.claims[0].id = `C${i}`;
      return { ...r, commit: true };
    });
    const answers = await Promise.all(reqs.map((r) => post(s, '/v1/check', r)));
    const statuses = answers.map((a) => a.body.decisions[0].status);
    expect(statuses.filter((x) => x === 'accepted')).toHaveLength(1);
    expect(await s.store.historyOf('P-H3')).toHaveLength(1);
  });
});

describe('authentication (NOMEN_TOKEN)', () => {
  let s: TestServer;
  const auth = { authorization: 'Bearer s3cret-token' };
  beforeAll(async () => {
    s = await startServer({ token: 's3cret-token' });
  });
  afterAll(async () => {
    await s.close();
  });

  it('commit needs the token: missing or wrong is a 401 with WWW-Authenticate', async () => {
    const missing = await post(s, '/v1/check', { ...exampleRequest('P-A'), commit: true });
    expectProblem(missing, 401, 'unauthorized');
    expect(missing.headers.get('www-authenticate')).toBe('Bearer realm="nomen"');
    expect(missing.body.errors[0]).toMatchObject({ in: 'header', path: 'authorization' });
    const wrong = await post(s, '/v1/check', { ...exampleRequest('P-A'), commit: true }, { authorization: 'Bearer nope' });
    expectProblem(wrong, 401, 'unauthorized');
    expect(wrong.headers.get('www-authenticate')).toContain('invalid_token');
    const ok = await post(s, '/v1/check', { ...exampleRequest('P-A'), commit: true }, auth);
    expect(ok.status).toBe(200);
    expect(ok.body.committed.recorded).toEqual(['L1']);
  });

  it('reads stay open, but server-held history is only read with the token: a check naming a beneficiary needs it', async () => {
    const req = exampleRequest('P-A');
    req.claims[0].id = 'L9';
    // decided without the stored history it would be accepted: refused instead
    expectProblem(await post(s, '/v1/check', req), 401, 'unauthorized');
    const { beneficiary: _, ...stateless } = req;
    const anonymous = await post(s, '/v1/check', stateless);
    expect(anonymous.status).toBe(200);
    expect(anonymous.body.storedLines).toBeNull();
    expect(anonymous.body.decisions[0].status).toBe('accepted');
    const authenticated = await post(s, '/v1/check', req, auth);
    expect(authenticated.body.storedLines).toBe(1);
    expect(authenticated.body.decisions[0].status).toBe('rejected');
    expect((await call(s, '/v1/codes/587134?at=2024-11-15')).status).toBe(200);
    expectProblem(await call(s, '/v1/beneficiaries/P-A/history'), 401, 'unauthorized');
    expect((await call(s, '/v1/beneficiaries/P-A/history', { headers: auth })).body.lines).toHaveLength(1);
  });

  it('ingesting needs the token', async () => {
    const r = await call(s, '/v1/documents', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: NEW_CONVENTION });
    expectProblem(r, 401, 'unauthorized');
    const ok = await call(s, '/v1/documents', { method: 'POST', headers: { 'content-type': 'text/plain', ...auth }, body: NEW_CONVENTION });
    expect(ok.status).toBe(201);
  });

  it('the OpenAPI document says the token is configured', async () => {
    const doc = (await call(s, '/openapi.json')).body;
    expect(doc.components.securitySchemes.bearer.scheme).toBe('bearer');
    expect(doc.paths['/v1/check'].post.security).toEqual([{ bearer: [] }, {}]);
  });
});

/** A convention defining a code the built-in corpus does not know (599981: 59998 mod 7 = 1). */
const NEW_CONVENTION = `Convention entre le Comité de l'assurance du Service de soins de santé de l'INAMI et des
établissements de soins pour le remboursement d'une surveillance d'essai

 Vu la loi relative à l'assurance obligatoire soins de santé et indemnités;

Article 1 - Prestations

a) Libellé :

599981 Honoraires forfaitaires de surveillance d'essai par jour ………….. C 21,5

b) Conditions de remboursement

La prestation 599981 peut être attestée une fois par jour.

c) Honoraires

        Numéro de code Honoraires
Intervention
Ambulatoire

Intervention
Hospitalisé

C = 1,456789 599981 = C      21,5 31,32 31,32 31,32 31,32 31,32

Article 2

La présente convention entre en vigueur le 1er juillet 2023.
`;

describe('documents', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer();
  });
  afterAll(async () => {
    await s.close();
  });

  it('GET /v1/documents lists the built-in corpus', async () => {
    const r = await call(s, '/v1/documents');
    expect(r.status).toBe(200);
    conforms('DocumentList', r.body);
    expect(r.body.documents.map((d: Json) => d.document)).toContain('1994022370');
  });

  it('POST a text: 201 with the ingest report; the engine sees the new code at once; again: 200 unchanged', async () => {
    const claim = { claims: [{ id: 'L1', code: '599981', date: '2023-07-03', stay: { admission: '2023-07-01', service: 'N' } }] };
    const before = await post(s, '/v1/check', claim);
    expect(before.body.decisions[0].reasons.map((x: Json) => x.kind)).toContain('unknown-code');

    const r = await call(s, '/v1/documents?name=essai.txt', { method: 'POST', headers: { 'content-type': 'text/markdown; charset=utf-8' }, body: NEW_CONVENTION });
    expect(r.status).toBe(201);
    conforms('IngestResult', r.body);
    const report = r.body.documents[0];
    expect(report).toMatchObject({ kind: 'convention', status: 'ingested', file: 'essai.txt', entryIntoForce: '2023-07-01' });
    expect(report.extracted.services).toBe(1);

    const after = await post(s, '/v1/check', claim);
    expect(after.body.decisions[0].reasons.map((x: Json) => x.kind)).not.toContain('unknown-code');
    expect((await call(s, '/v1/codes/599981?at=2023-07-03')).body.fee).toBe('31.32');

    const again = await call(s, '/v1/documents', { method: 'POST', headers: { 'content-type': 'text/markdown' }, body: NEW_CONVENTION });
    expect(again.status).toBe(200);
    expect(again.body.documents[0].status).toBe('unchanged');
    expect((await call(s, '/health')).body.documents).toBe(4);
  });

  it('GET /v1/documents/{id}: the text, every fact located in it, the issues', async () => {
    const r = await call(s, '/v1/documents/conv-fc467a2e32d3c4b9');
    expect(r.status).toBe(200);
    conforms('DocumentView', r.body);
    expect(r.body.issues.length).toBeGreaterThan(0);
    expect(r.body.facts.length).toBeGreaterThan(20);
    // Whitespace and hyphens (words cut at line ends) aside.
    const squash = (x: string) => x.replace(/[\s\-\u00ad]+/g, '');
    for (const f of r.body.facts) {
      expect(f.span).not.toBeNull();
      // The span is where the sentence stands in the text (whitespace aside).
      expect(squash(r.body.text.slice(f.span[0], f.span[1]))).toBe(squash(f.text));
    }
    const fee = r.body.facts.find((f: Json) => f.kind === 'fee' && f.codes.includes('587134'));
    expect(fee.summary).toContain('1773.18');
  });

  it('GET /v1/documents and /v1/documents/{id} name the file without the server\'s folders', async () => {
    const one = await call(s, '/v1/documents/conv-fc467a2e32d3c4b9');
    expect(one.body.file).toMatch(/\S/);
    expect(one.body.file).not.toMatch(/[\\/]/);
    const list = await call(s, '/v1/documents');
    for (const d of list.body.documents) expect(d.file).not.toMatch(/[\\/]/);
  });

  it('an unknown document is a 404', async () => {
    const r = await call(s, '/v1/documents/nope');
    expectProblem(r, 404, 'not-found');
    expect(r.body.errors[0].path).toBe('id');
  });

  it('several documents as JSON: all or none; the bad one is named', async () => {
    const count = (await s.store.documents()).length;
    const r = await post(s, '/v1/documents', { documents: [{ name: 'ok.txt', text: NEW_CONVENTION.replace('essai', 'essai bis') }, { name: 'bad.txt', text: 'hello, world' }] });
    expectProblem(r, 422, 'invalid-document');
    expect(r.body.reason).toBe('unknown-format');
    expect(r.body.errors[0]).toMatchObject({ in: 'body', path: 'documents[1].text', pointer: '#/documents/1/text' });
    expect((await s.store.documents()).length).toBe(count);
  });

  it('refuses empty, binary and malformed uploads', async () => {
    const empty = await call(s, '/v1/documents', { method: 'POST', headers: { 'content-type': 'text/markdown' }, body: '' });
    expectProblem(empty, 422, 'invalid-document');
    expect(empty.body.reason).toBe('empty');
    const binary = await call(s, '/v1/documents', { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2]) });
    expectProblem(binary, 422, 'invalid-document');
    expect(binary.body.reason).toBe('binary');
    const shape = await post(s, '/v1/documents', { documents: [] });
    expectProblem(shape, 422, 'invalid-request');
    expect(shape.body.errors[0].path).toBe('documents');
    const extra = await post(s, '/v1/documents', { documents: [{ text: 'x', titel: 'y' }] });
    expect(extra.body.errors[0].path).toBe('documents[0]');
    expectProblem(await call(s, '/v1/documents', { method: 'POST', headers: { 'content-type': 'image/png' }, body: 'x' }), 415, 'unsupported-media-type');
  });

  it('an upload over the document limit is a 413', async () => {
    const small = await startServer({ documentBodyLimit: 1024 });
    try {
      const r = await call(small, '/v1/documents', { method: 'POST', headers: { 'content-type': 'text/markdown' }, body: NEW_CONVENTION.repeat(3) });
      expectProblem(r, 413, 'payload-too-large');
    } finally {
      await small.close();
    }
  });
});

describe('POST /v1/check/batch (NDJSON)', () => {
  it('one response per line, in order; a bad line gives an error object and the run goes on', async () => {
    const req = exampleRequest();
    const body = [JSON.stringify(req), '', '{"claims": [}', JSON.stringify({ claims: [{ id: 'X', code: '587135', date: '2024-11-18' }] })].join('\n') + '\n';
    const r = await call(server, '/v1/check/batch?lang=fr', { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body });
    expect(r.status).toBe(200);
    expect(r.type).toContain('application/x-ndjson');
    const lines = (r.body as unknown as string).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0].decisions[0].status).toBe('accepted');
    expect(lines[1]).toMatchObject({ line: 3, error: { message: expect.stringContaining('not valid JSON') } });
    expect(lines[2].decisions[0].reasons[0].kind).toBe('unknown-code');
  });

  it('needs NDJSON', async () => {
    expectProblem(await post(server, '/v1/check/batch', exampleRequest()), 415, 'unsupported-media-type');
  });
});

describe('routing and problem types', () => {
  it('an unknown path is a 404 problem; a known path with another method is a 405 with Allow', async () => {
    expectProblem(await call(server, '/v1/nothing'), 404, 'not-found');
    const m = await call(server, '/v1/check');
    expectProblem(m, 405, 'method-not-allowed');
    expect(m.headers.get('allow')).toBe('POST');
    const d = await call(server, '/v1/codes/587134', { method: 'DELETE' });
    expectProblem(d, 405, 'method-not-allowed');
    expect(d.headers.get('allow')).toContain('GET');
  });

  it('every problem type is served at its URI', async () => {
    for (const kind of ['invalid-request', 'invalid-json', 'conflict', 'unauthorized']) {
      const r = await call(server, `/problems/${kind}`);
      expect(r.status).toBe(200);
      conforms('ProblemType', r.body);
      expect(r.body.type).toBe(`/problems/${kind}`);
    }
    expectProblem(await call(server, '/problems/nope'), 404, 'not-found');
  });

  it('serves the web interface at / with a same-origin-only content security policy', async () => {
    const s = await startServer({ webRoot: undefined });
    try {
      const r = await call(s, '/');
      expect(r.status).toBe(200);
      expect(r.type).toContain('text/html');
      expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(String(r.body)).toContain('/app.js');
      expect((await call(s, '/app.js')).type).toContain('javascript');
      expectProblem(await call(s, '/missing.js'), 404, 'not-found');
    } finally {
      await s.close();
    }
  });
});

/** A store whose `method` fails with a message that quotes personal data (as a driver error might). */
function failing(store: Store, method: keyof Store): Store {
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === method) return async () => { throw new Error('connection lost while reading P-SECRET-4711 born 1958-03-14'); };
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

describe('logs', () => {
  it('never contain request bodies, beneficiary ids, claim data or URLs — even for internal errors', async () => {
    const s = await startServer({ wrap: (st) => failing(st, 'checkInputs'), token: 'TOKEN-SECRET-77' });
    const secrets = ['P-SECRET-4711', '1958-03-14', 'CLAIM-SECRET-9', '99988877766', 'lesion-secret', 'TOKEN-SECRET-77'];
    try {
      const req = exampleRequest('P-SECRET-4711');
      req.claims[0] = { ...req.claims[0], id: 'CLAIM-SECRET-9', lesion: 'lesion-secret', provider: { id: '99988877766', specialty: 'radiodiagnosis', qualifications: ['interventional-radiology'] } };
      const auth = { authorization: 'Bearer TOKEN-SECRET-77' };
      // An internal error whose message quotes the beneficiary: a 500 problem, and nothing of it in the logs.
      const boom = await post(s, '/v1/check', req, auth);
      expectProblem(boom, 500, 'internal');
      expect(JSON.stringify(boom.body)).not.toContain('P-SECRET-4711');
      await post(s, '/v1/check', { ...req, claims: [{ ...req.claims[0], date: 'CLAIM-SECRET-9' }] });
      await call(s, '/v1/check', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"beneficiary":{"id":"P-SECRET-4711"' });
      await call(s, '/v1/beneficiaries/P-SECRET-4711/history', { headers: auth });
      await call(s, '/v1/beneficiaries/P-SECRET-4711/history');
      await post(s, '/v1/check', { ...req, commit: true }, { authorization: 'Bearer wrong-P-SECRET-4711' });
      await call(s, '/v1/nothing/P-SECRET-4711');
      await call(s, '/v1/search?q=P-SECRET-4711');
      await call(s, '/v1/check/batch', { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: JSON.stringify(req) + '\n' });
    } finally {
      await s.close();
    }
    const logs = s.logs.join('');
    for (const secret of secrets) expect(logs).not.toContain(secret);
    const lines = s.logs.map((l) => JSON.parse(l));
    const requests = lines.filter((l) => l.msg === 'request');
    expect(requests.length).toBeGreaterThanOrEqual(9);
    expect(requests.map((l) => l.route)).toContain('/v1/beneficiaries/:id/history');
    for (const l of requests) expect(Object.keys(l).sort()).toEqual(['hostname', 'level', 'method', 'ms', 'msg', 'pid', 'reqId', 'route', 'status', 'time']);
    const internal = lines.find((l) => l.msg === 'internal error');
    expect(internal.err).toMatchObject({ type: 'Error' });
    expect(internal.err.frames).toMatch(/^\s+at /);
  });
});

describe('graceful shutdown', () => {
  it('close() lets a request in flight finish, and refuses new connections', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const s = await startServer({
      wrap: (st) =>
        new Proxy(st, {
          get(target, prop, receiver) {
            if (prop === 'historyOf') return async (b: string) => { await gate; return target.historyOf(b); };
            const v = Reflect.get(target, prop, receiver);
            return typeof v === 'function' ? v.bind(target) : v;
          },
        }),
    });
    const inFlight = post(s, '/v1/check', exampleRequest('P-SLOW'));
    await new Promise((r) => setTimeout(r, 100));
    const closing = s.app.close();
    await new Promise((r) => setTimeout(r, 50));
    // A new request is refused: no connection (the listener is closed) or a 503 on a kept-alive one.
    const late = await fetch(s.url + '/health').then((r) => r.status, () => 'refused');
    expect(['refused', 503]).toContain(late);
    release();
    const r = await inFlight;
    expect(r.status).toBe(200);
    expect(r.body.decisions[0].status).toBe('accepted');
    await closing;
    await s.store.close();
  });
});
