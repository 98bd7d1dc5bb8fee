/**
 * The conventions routes through real HTTP on 127.0.0.1: the institution registry (read, write,
 * authentication), the compliance report (JSON and NDJSON, readable text), clinical indications,
 * derived values; every error path as a problem naming the field or the line; answers validated
 * against /openapi.json; logs without claim or beneficiary data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { generateClaims, toNdjson, type ClaimFileSpec } from '../conventions/test-support.js';
import { call, post, removeDatabases, startServer, type Json, type TestServer } from './test-support.js';

const put = (s: TestServer, path: string, json: unknown, headers: Record<string, string> = {}) => call(s, path, { method: 'PUT', json, headers });
const ndjson = (s: TestServer, path: string, body: string, headers: Record<string, string> = {}) =>
  call(s, path, { method: 'POST', headers: { 'content-type': 'application/x-ndjson', ...headers }, body });

function expectProblem(r: { status: number; type: string; body: Json }, status: number, kind: string) {
  expect(r.type).toContain('application/problem+json');
  expect(r.status).toBe(status);
  expect(r.body).toMatchObject({ status, type: `/problems/${kind}` });
  expect(typeof r.body.detail).toBe('string');
  conforms('Problem', r.body);
}

const ABL = 'percutaneous-tumour-ablation';
const BR = 'breast-reconstruction';
const START = '2024-11-01';
const END = '2029-10-31';
/** A centre with both conventions: ablation on its own terms, breast reconstruction signed 2016-11-15. */
const CENTRE = { name: 'AZ Voorbeeld', conventions: [{ convention: ABL }, { convention: BR, signed: '2016-11-15' }] };

/** A generated five-year claim file: transition 60 (pass), year 4 30 (pass), year 5 29 (fail); breast 2024–2025. */
function claimFile(extra: Partial<ClaimFileSpec> = {}) {
  return generateClaims({
    seed: 7, institution: 'H-71001', start: START, ablationsPerYear: [25, 20, 15, 30, 29], lateBillings: [0, 0, 0, 0, 2], otherInstitutionLines: 10, noise: 5,
    breast: { from: '2024-11-01', to: '2025-10-31', interventions: 20, withSupplement: 14, overCap: 1 },
    ...extra,
  });
}

let server: TestServer;
let ajv: InstanceType<typeof Ajv2020>;

/** Validates a body against a component of the served OpenAPI document. */
function conforms(component: string, body: unknown) {
  const validate = ajv.getSchema(`nomen#/components/schemas/${component}`);
  if (!validate) throw new Error(`no component ${component}`);
  if (!validate(body)) throw new Error(`${component}: ${JSON.stringify(validate.errors?.slice(0, 5))}`);
}

beforeAll(async () => {
  server = await startServer();
  const openapi = (await call(server, '/openapi.json')).body;
  ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ $id: 'nomen', components: openapi.components });
  const r = await put(server, '/v1/institutions/H-71001', CENTRE);
  expect(r.status).toBe(201);
});

afterAll(async () => {
  await server?.close();
  await removeDatabases();
});

const fig = (r: { body: Json }, id: string) => {
  const f = r.body.figures.find((x: Json) => x.id === id);
  if (!f) throw new Error(`no figure ${id}`);
  return f as Json;
};

describe('OpenAPI', () => {
  it('documents the conventions routes, and the examples of these tests match the request schemas', async () => {
    const doc = (await call(server, '/openapi.json')).body;
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/institutions', '/v1/institutions/{id}', '/v1/compliance', '/v1/indication', '/v1/codes/{code}/derived']));
    expect(Object.keys(doc.paths['/v1/institutions/{id}']).sort()).toEqual(['get', 'put']);
    expect(Object.keys(doc.paths['/v1/compliance'].post.requestBody.content)).toEqual(['application/json', 'application/x-ndjson']);
    conforms('InstitutionUpload', CENTRE);
    conforms('ComplianceRequest', { institution: 'H-71001', from: START, to: END, claims: claimFile() });
    conforms('IndicationRequest', { organ: 'liver', tumour: 'hepatocellular-carcinoma', count: 1, sizeCm: '1.8', eligibleForSurgery: 'no' });
  });
});

describe('institutions', () => {
  it('PUT computes each period from the convention\'s terms; GET shows it on a date with the cited sentences', async () => {
    const r = await call(server, '/v1/institutions/H-71001?at=2024-11-15');
    expect(r.status).toBe(200);
    conforms('InstitutionView', r.body);
    expect(r.body).toMatchObject({ id: 'H-71001', name: 'AZ Voorbeeld', at: '2024-11-15', issues: [] });
    // Records are kept in convention order (the registry sorts them).
    const [breast, ablation] = r.body.status;
    expect(ablation).toMatchObject({ convention: ABL, inForce: true, record: { convention: ABL, from: START, to: END }, validity: { from: START, to: END, empty: false } });
    // The title is the convention's readable name, from its own title (what it reimburses).
    expect(ablation.title).toBe('Ablation percutanée sous guidage tomodensitométrique de tumeurs rénales, hépatiques, pulmonaires et osseuses');
    expect(ablation.validity.sources.map((c: Json) => c.article)).toEqual(['10.1', '10.3']);
    expect(ablation.validity.sources[1].text).toContain('31 octobre 2029 inclus');
    expect(breast).toMatchObject({ convention: BR, inForce: true, record: { signed: '2016-11-15' }, validity: { from: '2016-12-01', to: null } });
    expect(breast.validity.basis.from).toContain('signature 2016-11-15');
    expect(breast.validity.sources[0].text).toMatch(/produit ses effets le 1er jour du mois/);

    const before = await call(server, '/v1/institutions/H-71001?at=2024-10-31');
    expect(before.body.status[1]).toMatchObject({ inForce: false, reason: expect.stringContaining('not yet in force on 2024-10-31') });
  });

  it('GET /v1/institutions lists the registry on a date (default today)', async () => {
    const r = await call(server, '/v1/institutions?at=2030-01-01');
    expect(r.status).toBe(200);
    conforms('InstitutionList', r.body);
    expect(r.body.at).toBe('2030-01-01');
    const mine = r.body.institutions.find((i: Json) => i.id === 'H-71001');
    expect(mine.status.map((s: Json) => [s.convention, s.inForce])).toEqual([[BR, true], [ABL, false]]);
    expect((await call(server, '/v1/institutions')).body.at).toBe(new Date().toISOString().slice(0, 10));
  });

  it('PUT replaces all conventions: 200 when the institution exists; the name is kept unless given, null removes it', async () => {
    const s = await startServer();
    try {
      expect((await put(s, '/v1/institutions/H-2', { name: 'Kliniek', conventions: [{ convention: BR, signed: '2016-11-15' }] })).status).toBe(201);
      const notice = await put(s, '/v1/institutions/H-2?at=2023-10-01', { conventions: [{ convention: BR, signed: '2016-11-15', noticeSent: '2023-03-15' }] });
      expect(notice.status).toBe(200);
      conforms('InstitutionView', notice.body);
      expect(notice.body.name).toBe('Kliniek');
      expect(notice.body.status[0]).toMatchObject({ inForce: false, validity: { from: '2016-12-01', to: '2023-09-30' } });
      expect(notice.body.status[0].validity.basis.to).toContain('notice sent 2023-03-15');
      expect(notice.body.status[0].validity.sources.map((c: Json) => c.text).join(' ')).toContain('préavis de 6 mois');
      const cleared = await put(s, '/v1/institutions/H-2', { name: null, conventions: [] });
      expect(cleared.body).toMatchObject({ name: null, conventions: [], status: [] });
      expect(await s.store.institution('H-2')).toEqual({ id: 'H-2', name: null, conventions: [] });
    } finally {
      await s.close();
    }
  });

  it('a convention the system does not know keeps its recorded period and cites nothing (even one named like an Object property)', async () => {
    const s = await startServer();
    try {
      const r = await put(s, '/v1/institutions/H-3?at=2025-01-01', { conventions: [{ convention: 'constructor', from: '2024-01-01' }] });
      expect(r.status).toBe(201);
      expect(r.body.status[0]).toMatchObject({ title: null, terms: null, inForce: true, validity: { from: '2024-01-01', to: null, sources: [] } });
      expect(r.body.status[0].validity.basis.from).toContain('terms unknown');
    } finally {
      await s.close();
    }
  });

  it('overlapping periods of one convention are reported as issues', async () => {
    const s = await startServer();
    try {
      const r = await put(s, '/v1/institutions/H-4', { conventions: [{ convention: BR, from: '2017-01-01' }, { convention: BR, from: '2018-01-01', to: '2019-12-31' }] });
      expect(r.body.issues).toEqual([expect.stringContaining('two periods of breast-reconstruction overlap')]);
    } finally {
      await s.close();
    }
  });

  it('errors name the field: unknown id 404, malformed id or date 400, bad body 422, not JSON 400/415', async () => {
    const unknown = await call(server, '/v1/institutions/H-NOPE');
    expectProblem(unknown, 404, 'not-found');
    expect(unknown.body.errors).toEqual([{ in: 'path', path: 'id', detail: 'unknown institution' }]);
    const badId = await call(server, '/v1/institutions/%20H');
    expectProblem(badId, 400, 'invalid-parameter');
    expect(badId.body.errors[0].path).toBe('id');
    expect((await call(server, '/v1/institutions?at=2024-02-30')).body.errors[0]).toMatchObject({ in: 'query', path: 'at' });

    const fields = async (body: unknown) => {
      const r = await put(server, '/v1/institutions/H-X', body);
      expectProblem(r, 422, 'invalid-request');
      return r.body.errors.map((e: Json) => [e.path, e.pointer]);
    };
    expect(await fields({ name: 'x' })).toEqual([['conventions', '#/conventions']]);
    expect(await fields({ conventions: [], nmae: 'x' })).toEqual([['', '#']]);
    expect(await fields({ conventions: [{ convention: ABL, from: '2024-13-01' }] })).toEqual([['conventions[0].from', '#/conventions/0/from']]);
    expect(await fields([1])).toEqual([['', '#']]);
    const several = await put(server, '/v1/institutions/H-X', {
      conventions: [
        { convention: ABL, from: '2025-01-01', to: '2024-12-31' },
        { convention: BR },
        { convention: BR, signed: '2020-01-10', noticeSent: '2019-01-01' },
        { convention: 'Not A Name', from: '2020-01-01' },
        { convention: ABL },
        { convention: ABL },
      ],
    });
    expectProblem(several, 422, 'invalid-request');
    expect(several.body.errors.map((e: Json) => e.path)).toEqual([
      'conventions[0].to', 'conventions[1].from', 'conventions[2].noticeSent', 'conventions[3].convention', 'conventions[5].convention',
    ]);
    expect(several.body.errors[1].detail).toMatch(/no signature date/);
    expect(await server.store.institution('H-X')).toBeNull();

    expectProblem(await call(server, '/v1/institutions/H-X', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"conventions": [' }), 400, 'invalid-json');
    expectProblem(await call(server, '/v1/institutions/H-X', { method: 'PUT', headers: { 'content-type': 'text/plain' }, body: 'x' }), 415, 'unsupported-media-type');
    const m = await call(server, '/v1/institutions', { method: 'POST', json: {} });
    expectProblem(m, 405, 'method-not-allowed');
    expect(m.headers.get('allow')).toBe('GET, HEAD');
  });

  it('writing needs the bearer token when one is configured; reading stays open', async () => {
    const s = await startServer({ token: 'reg-token' });
    try {
      const missing = await put(s, '/v1/institutions/H-5', CENTRE);
      expectProblem(missing, 401, 'unauthorized');
      expect(missing.headers.get('www-authenticate')).toBe('Bearer realm="nomen"');
      // Authentication comes first: an invalid body sent without the token learns nothing.
      expectProblem(await put(s, '/v1/institutions/H-5', { bad: true }, { authorization: 'Bearer nope' }), 401, 'unauthorized');
      expect(await s.store.institution('H-5')).toBeNull();
      expect((await put(s, '/v1/institutions/H-5', CENTRE, { authorization: 'Bearer reg-token' })).status).toBe(201);
      expect((await call(s, '/v1/institutions/H-5')).status).toBe(200);
      const doc = (await call(s, '/openapi.json')).body;
      expect(doc.paths['/v1/institutions/{id}'].put.security).toEqual([{ bearer: [] }, {}]);
    } finally {
      await s.close();
    }
  });

  it('check uses the registry written through the API from the next request on', async () => {
    const s = await startServer();
    try {
      const claim = {
        claims: [{
          id: 'L1', code: '587134', date: '2024-11-18', institution: 'H-9', documents: ['pre-ablation-report', 'mdt-approval'],
          provider: { specialty: 'radiodiagnosis', qualifications: ['interventional-radiology'] },
        }],
      };
      expect((await post(s, '/v1/check', claim)).body.decisions[0].status).toBe('rejected');
      await put(s, '/v1/institutions/H-9', { conventions: [{ convention: ABL }] });
      expect((await post(s, '/v1/check', claim)).body.decisions[0].status).toBe('accepted');
    } finally {
      await s.close();
    }
  });
});

describe('POST /v1/compliance', () => {
  it('JSON: each figure with its threshold, its source and pass/fail; the volume series per convention period', async () => {
    const r = await post(server, '/v1/compliance', { institution: 'H-71001', from: START, to: END, claims: claimFile() });
    expect(r.status).toBe(200);
    conforms('ComplianceReport', r.body);
    expect(r.body.window).toEqual({ from: START, to: END });
    expect(r.body.lines).toMatchObject({ otherInstitution: 10 });
    const t = fig(r, 'ablation.volume.transition');
    expect([t.value, t.status, t.threshold]).toEqual(['60', 'pass', { op: '>=', value: '60', unit: 'ablations' }]);
    expect(t.source).toMatchObject({ article: '5.4', text: expect.stringContaining('au minimum 60 ablations percutanées') });
    expect(t.series.map((p: Json) => [p.label, p.value])).toEqual([['transition period (years 1–3)', 60], ['convention year 4', 30], ['convention year 5', 29]]);
    const y5 = fig(r, 'ablation.volume.year-5');
    expect([y5.value, y5.status, y5.threshold.value]).toEqual(['29', 'fail', '30']);
    const late = fig(r, 'ablation.billing-delay');
    expect([late.value, late.status]).toEqual(['2', 'fail']);
    expect(late.findings).toHaveLength(2);
    const share = fig(r, 'breast.share-without-supplement');
    expect([share.value, share.unit, share.status, share.threshold]).toEqual(['30.00', '%', 'fail', { op: '>=', value: '40', unit: '%' }]);
    expect(share.source.text).toContain('au moins 40% des interventions');
    // The fees of the supplement cap come from the database's nomenclature.
    const cap = fig(r, 'breast.supplement-cap');
    expect([cap.status, cap.counts.checked, cap.counts.over]).toEqual(['fail', 14, 1]);
    expect(r.body.summary).toMatchObject({ pass: expect.any(Number), fail: 4 });
  });

  it('NDJSON with the window in the query gives the same report; Accept: text/plain the readable one', async () => {
    const lines = claimFile();
    const json = await post(server, '/v1/compliance', { institution: 'H-71001', from: START, to: END, claims: lines });
    const nd = await call(server, `/v1/compliance?institution=H-71001&from=${START}&to=${END}`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson; charset=utf-8' }, body: toNdjson(lines) });
    expect(nd.status).toBe(200);
    expect(nd.body).toEqual(json.body);
    const text = await ndjson(server, `/v1/compliance?institution=H-71001&from=${START}&to=${END}`, toNdjson(lines), { accept: 'text/plain' });
    expect(text.type).toContain('text/plain');
    expect(text.body).toContain('Compliance of H-71001 (AZ Voorbeeld), 2024-11-01 to 2029-10-31');
    expect(text.body).toMatch(/\[PASS\] Ablations, transition period \(years 1–3\): 60 ablations \(threshold >= 60 ablations\)/);
    expect(text.body).toMatch(/\[FAIL\] Share of interventions without a supplement: 30\.00 % \(threshold >= 40 %\)/);
    // JSON stays the default, and wins a tie.
    const tie = await post(server, '/v1/compliance', { institution: 'H-71001', claims: [] }, { accept: 'text/plain, application/json' });
    expect(tie.type).toContain('application/json');
  });

  it('the window defaults to the start of the earliest convention up to today', async () => {
    const r = await post(server, '/v1/compliance', { institution: 'H-71001', claims: [] });
    expect(r.body.window).toEqual({ from: '2016-12-01', to: new Date().toISOString().slice(0, 10) });
    expect(r.body.lines.read).toBe(0);
  });

  it('every unreadable JSON claim is named by its path and pointer', async () => {
    const r = await post(server, '/v1/compliance', {
      institution: 'H-71001',
      claims: [{ code: '587134', date: '2024-11-18' }, { code: '587135', date: '2024-11-18' }, { code: '587134', date: '2024-02-30' }, 'x', { code: '252652', date: '2025-01-02', supplement: 12.5 }],
    });
    expectProblem(r, 422, 'invalid-request');
    expect(r.body.errors.map((e: Json) => [e.path, e.pointer])).toEqual([
      ['claims[1].code', '#/claims/1/code'], ['claims[2].date', '#/claims/2/date'], ['claims[3]', '#/claims/3'], ['claims[4].supplement', '#/claims/4/supplement'],
    ]);
    expect(r.body.errors[0].detail).toContain('check digit');
    expect(r.body.detail).toMatch(/^4 claim lines cannot be read: claims\[1\]\.code: /);
  });

  it('every unreadable NDJSON line is named by its line (blank lines counted) and field', async () => {
    const body = ['{"code":"587134","date":"2024-11-18"}', '', '{"code":"587134","date":"2024-11-18","billedOn":"2024-13-01"}', '{"code":', '[1]', '{"code":"587134","date":"2024-11-18","room":"suite"}'].join('\r\n');
    const r = await ndjson(server, '/v1/compliance?institution=H-71001', '\uFEFF' + body);
    expectProblem(r, 422, 'invalid-request');
    expect(r.body.errors.map((e: Json) => [e.line, e.path])).toEqual([[3, 'billedOn'], [4, ''], [5, ''], [6, 'room']]);
    expect(r.body.errors[1].detail).toMatch(/^not valid JSON/);
    expect(r.body.errors[0]).not.toHaveProperty('pointer');
    expect(r.body.detail).toContain('line 3, field billedOn: ');
  });

  it('a file of many bad lines lists the first 100 and counts the rest', async () => {
    const body = Array.from({ length: 150 }, () => '{"code":"587135","date":"2024-11-18"}').join('\n');
    const r = await ndjson(server, '/v1/compliance?institution=H-71001', body);
    expectProblem(r, 422, 'invalid-request');
    expect(r.body.errors).toHaveLength(100);
    expect(r.body.omitted).toBe(50);
    expect(r.body.detail).toMatch(/^150 claim lines cannot be read: .*; … 145 more$/);
  });

  it('the institution must be registered; the window must be dates in order', async () => {
    const unknown = await post(server, '/v1/compliance', { institution: 'H-NOPE', claims: [] });
    expectProblem(unknown, 422, 'unknown-institution');
    expect(unknown.body.errors).toEqual([{ in: 'body', path: 'institution', pointer: '#/institution', detail: 'not in the registry' }]);
    const unknownQ = await ndjson(server, '/v1/compliance?institution=H-NOPE', '');
    expectProblem(unknownQ, 422, 'unknown-institution');
    expect(unknownQ.body.errors[0]).toMatchObject({ in: 'query', path: 'institution' });

    const order = await post(server, '/v1/compliance', { institution: 'H-71001', from: '2025-01-01', to: '2024-12-31', claims: [] });
    expectProblem(order, 422, 'invalid-request');
    expect(order.body.errors[0]).toMatchObject({ path: 'to', pointer: '#/to' });
    const orderQ = await ndjson(server, '/v1/compliance?institution=H-71001&to=2010-01-01', '');
    expectProblem(orderQ, 400, 'invalid-parameter');
    expect(orderQ.body.errors[0]).toMatchObject({ in: 'query', path: 'to', detail: expect.stringContaining('earliest convention') });

    const shape = await post(server, '/v1/compliance', { institution: 'H 1', from: '2024-02-30', claims: {} });
    expectProblem(shape, 422, 'invalid-request');
    expect(shape.body.errors.map((e: Json) => e.path).sort()).toEqual(['claims', 'from', 'institution']);
    const none = await ndjson(server, '/v1/compliance?from=2024-02-30', '');
    expectProblem(none, 400, 'invalid-parameter');
    expect(none.body.errors.map((e: Json) => e.path).sort()).toEqual(['from', 'institution']);
    const stray = await post(server, '/v1/compliance?institution=H-71001', { institution: 'H-71001', claims: [] });
    expectProblem(stray, 400, 'invalid-parameter');
    expect(stray.body.errors[0]).toMatchObject({ in: 'query', path: 'institution' });
  });

  it('only JSON or NDJSON, within the upload limit', async () => {
    expectProblem(await call(server, '/v1/compliance', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'a,b' }), 415, 'unsupported-media-type');
    expectProblem(await call(server, '/v1/compliance', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"claims":' }), 400, 'invalid-json');
    const small = await startServer({ documentBodyLimit: 2048 });
    try {
      const big = toNdjson(claimFile());
      expectProblem(await ndjson(small, '/v1/compliance?institution=H-71001', big), 413, 'payload-too-large');
      expectProblem(await post(small, '/v1/compliance', { institution: 'H-71001', claims: claimFile() }), 413, 'payload-too-large');
    } finally {
      await small.close();
    }
  });
});

describe('POST /v1/indication', () => {
  it('an indication of Art. 3 matched, with its sentence', async () => {
    const r = await post(server, '/v1/indication', { organ: 'liver', tumour: 'hepatocellular-carcinoma', count: 1, sizeCm: '1.8' });
    expect(r.status).toBe(200);
    conforms('IndicationAnswer', r.body);
    expect(r.body.outcome).toBe('listed');
    expect(r.body.matched.map((m: Json) => m.id)).toEqual(['liver.hcc-single-lt-2cm']);
    expect(r.body.matched[0].citation).toMatchObject({ article: 'Art. 3, 2°', clause: 'a. Tumeur unique < 2 cm' });
    expect(r.body.requirement).toBeNull();
  });

  it('not listed: the written justification the COM/CM owes, with its sentence; undecided: the facts missing', async () => {
    const not = await post(server, '/v1/indication', { organ: 'liver', tumour: 'other-malignant', count: 2, sizeCm: 4, eligibleForSurgery: 'non' });
    expect(not.body.outcome).toBe('not-listed');
    expect(not.body.message).toMatch(/^not listed: the COM\/CM must justify in writing/);
    expect(not.body.requirement).toMatchObject({ article: '4.1.2', text: expect.stringContaining('peer-reviewed journal') });
    const kidney = await post(server, '/v1/indication', { organ: 'kidney', tumour: 'renal-cell-carcinoma', tStage: 'T1a' });
    expect(kidney.body.outcome).toBe('undecided');
    expect(kidney.body.undecided[0].missing.sort()).toEqual(['eligibleForSurgery', 'gfr', 'singleKidney']);
    conforms('IndicationAnswer', kidney.body);
  });

  it('errors name the fact', async () => {
    const fact = async (body: unknown) => {
      const r = await post(server, '/v1/indication', body);
      expectProblem(r, 422, 'invalid-request');
      return [r.body.errors[0].path, r.body.errors[0].pointer];
    };
    expect(await fact({ tumour: 'x' })).toEqual(['organ', '#/organ']);
    expect(await fact({ organ: 'heart' })).toEqual(['organ', '#/organ']);
    expect(await fact({ organ: 'liver', tumour: 'osteoid-osteoma' })).toEqual(['tumour', '#/tumour']);
    expect(await fact({ organ: 'liver', sizeCm: 'big' })).toEqual(['sizeCm', '#/sizeCm']);
    expect(await fact({ organ: 'liver', szieCm: 2 })).toEqual(['szieCm', '#/szieCm']);
    expect(await fact({ organ: 'bone', palliative: 'maybe' })).toEqual(['palliative', '#/palliative']);
    expect(await fact([])).toEqual(['', '#']);
    const r = await post(server, '/v1/indication', { organ: 'liver', count: 0 });
    expect(r.body.errors[0]).toEqual({ in: 'body', path: 'count', pointer: '#/count', detail: '0 is not a whole number ≥ 1' });
    expectProblem(await call(server, '/v1/indication', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'organ=liver' }), 415, 'unsupported-media-type');
  });
});

describe('GET /v1/codes/{code}/derived', () => {
  it('587134 on 2024-12-01: surgical assistance I 63.3 = 177.32 EUR; anaesthesia category (≥ I 600), each with its sentence', async () => {
    const r = await call(server, '/v1/codes/587134/derived?at=2024-12-01');
    expect(r.status).toBe(200);
    conforms('DerivedValues', r.body);
    expect(r.body).toMatchObject({ code: '587134', at: '2024-12-01', keyLetter: 'I', relativeValue: '633' });
    expect(r.body.surgicalAssistance).toMatchObject({ status: 'applies', value: 'I 63.3', fee: '177.32', threshold: 'I 200' });
    expect(r.body.surgicalAssistance.source.text).toContain('10 p.c. de la valeur relative');
    expect(r.body.anaesthesia).toMatchObject({ status: 'applies', threshold: 'I 600', source: { article: '4.1.3' } });
  });

  it('355751 (K 50 from 1995): no assistance; the date matters (317295 before 1995: unknown)', async () => {
    expect((await call(server, '/v1/codes/355751/derived?at=1995-06-01')).body.surgicalAssistance.status).toBe('does-not-apply');
    const before = await call(server, '/v1/codes/317295/derived?at=1994-06-01');
    expect([before.body.relativeValue, before.body.surgicalAssistance.status]).toEqual(['450', 'unknown']);
  });

  it('errors like GET /v1/codes/{code}', async () => {
    const bad = await call(server, '/v1/codes/587135/derived');
    expectProblem(bad, 400, 'invalid-code');
    expect(bad.body.errors[0]).toMatchObject({ in: 'path', path: 'code', detail: expect.stringContaining('587134') });
    expectProblem(await call(server, '/v1/codes/123454/derived'), 404, 'unknown-code');
    expect((await call(server, '/v1/codes/587134/derived?at=soon')).body.errors[0]).toMatchObject({ in: 'query', path: 'at' });
  });
});

describe('logs', () => {
  it('never contain claim lines, beneficiaries, clinical facts or institution names', async () => {
    const s = await startServer();
    const secrets = ['P-SECRET-4711', 'CLAIM-SECRET-9', 'Hopital-Secret', 'von-secret-lindau', '1977-07-07'];
    try {
      await put(s, '/v1/institutions/H-71001', { name: 'Hopital-Secret', conventions: [{ convention: ABL }] });
      const lines = claimFile({ breast: undefined }).map((l, i) => ({ ...l, beneficiary: 'P-SECRET-4711', ...(i === 0 ? { id: 'CLAIM-SECRET-9' } : {}) }));
      await post(s, '/v1/compliance', { institution: 'H-71001', claims: lines });
      await ndjson(s, '/v1/compliance?institution=H-71001', toNdjson(lines) + '{"id":"CLAIM-SECRET-9","code":"587134","date":"1977-07-07","beneficiary":"P-SECRET-4711"\n');
      await post(s, '/v1/compliance', { institution: 'H-71001', claims: [{ id: 'CLAIM-SECRET-9', code: '587135', date: '1977-07-07' }] });
      await post(s, '/v1/indication', { organ: 'kidney', predisposition: 'von-secret-lindau' });
      await post(s, '/v1/indication', { organ: 'kidney', tumour: 'von-secret-lindau' });
      await call(s, '/v1/institutions/H-71001');
    } finally {
      await s.close();
    }
    const logs = s.logs.join('');
    for (const secret of secrets) expect(logs).not.toContain(secret);
    const requests = s.logs.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request');
    expect(requests.map((l) => l.route)).toEqual(expect.arrayContaining(['/v1/institutions/:id', '/v1/compliance', '/v1/indication']));
  });
});

describe('a convention ingested over HTTP works with no code change', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('POST the text, PUT an institution naming it by id: the period from its terms; compliance with its thresholds and delay', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(new URL('../../test/fixtures/convention/ablation-ultrasound.txt', import.meta.url), 'utf8');
    const ing = await call(s, '/v1/documents', { method: 'POST', headers: { 'content-type': 'text/markdown' }, body: text });
    expect(ing.status).toBe(201);
    const id = ing.body.documents[0].document as string;
    const r = await put(s, '/v1/institutions/H-9?at=2026-06-01', { conventions: [{ convention: id }] });
    expect(r.status).toBe(201);
    conforms('InstitutionView', r.body);
    const [st] = r.body.status;
    expect(st).toMatchObject({ convention: 'ablation-thermique-percutanee-sous-guidage-echographique-de-nodules', inForce: true, validity: { from: '2026-01-01', to: '2030-12-31' } });
    expect(st.title).toBe('Ablation thermique percutanée sous guidage échographique de nodules thyroïdiens et de tumeurs hépatiques');
    expect(st.validity.sources.map((c: Json) => [c.document, c.article])).toEqual([[id, '9.1'], [id, '9.3']]);

    const lines = [{ code: '588210', date: '2026-02-10', billedOn: '2026-05-10' }, { code: '588243', date: '2026-02-10', billedOn: '2026-05-11' }];
    const c = await ndjson(s, '/v1/compliance?institution=H-9&from=2026-01-01&to=2026-12-31', lines.map((l) => JSON.stringify(l)).join('\n'));
    expect(c.status).toBe(200);
    conforms('ComplianceReport', c.body);
    expect(c.body.figures.map((f: Json) => [f.id, f.threshold.value, f.status, f.source.article])).toEqual([
      ['ablation.volume.transition', '40', 'incomplete', '5.3'],
      ['ablation.billing-delay', '0', 'fail', 'Art. 6, 3°'],
    ]);
    expect(c.body.figures[1].detail).toEqual({ code: 'billing-delay', noun: 'ablation', months: 3 });
  });

  it('POST /v1/indication?table= names the table; an unknown table is a problem naming the parameter', async () => {
    const ok = await post(s, '/v1/indication?table=ablation-art-3', { organ: 'liver', tumour: 'hepatocellular-carcinoma', count: 1, sizeCm: '1.8' });
    expect([ok.status, ok.body.outcome]).toEqual([200, 'listed']);
    const bad = await post(s, '/v1/indication?table=no-such-table', { organ: 'liver' });
    expectProblem(bad, 400, 'invalid-parameter');
    expect(bad.body.errors[0]).toMatchObject({ in: 'query', path: 'table' });
  });
});

describe('documents by their readable names', () => {
  it('GET /v1/documents and /v1/documents/{id}: each document has a readable name beside its stable id', async () => {
    const list = await call(server, '/v1/documents');
    expect(list.status).toBe(200);
    const abl = list.body.documents.find((d: Json) => d.document === 'conv-fc467a2e32d3c4b9');
    expect(abl.name).toMatch(/^Ablation percutanée sous guidage tomodensitométrique/);
    expect(list.body.documents.find((d: Json) => d.document === '1994022370').name).toBe('Arrêté royal du 12 août 1994 (1994022370)');
    const one = await call(server, '/v1/documents/conv-fc467a2e32d3c4b9');
    expect([one.body.document, one.body.name]).toEqual(['conv-fc467a2e32d3c4b9', abl.name]);
    conforms('DocumentView', one.body);
  });
});
