/** `GET /v1/diff` and `POST /v1/replay` over real HTTP, and their OpenAPI entries. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { call, post, removeDatabases, startServer, type TestServer } from './test-support.js';

const FIXTURES = join(__dirname, '..', '..', 'test', 'fixtures', 'impact');
const draft = { name: 'draft-2024099001.fr.md', text: readFileSync(join(FIXTURES, 'draft-2024099001.fr.md'), 'utf8') };
const coefficients = { name: 'coefficients-k-2024.json', text: readFileSync(join(FIXTURES, 'coefficients-k-2024.json'), 'utf8') };

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
  // the current law: K has a (fictitious) coefficient of 2.50 EUR from 2024-01-01
  expect((await post(server, '/v1/documents', { documents: [coefficients] })).status).toBe(201);
}, 60_000);
afterAll(async () => {
  await server.close();
  await removeDatabases();
});

describe('GET /v1/diff', () => {
  it('the decree\'s changes across 1995-01-01, with their acts; filters; CSV', async () => {
    const r = await call(server, '/v1/diff?from=1994-12-31&to=1995-01-01');
    expect(r.status).toBe(200);
    expect(r.body.totals).toMatchObject({ codes: 149, uncertain: 0 });
    expect(r.body.totals.acts).toHaveLength(40);
    const f = await call(server, '/v1/diff?from=1994-12-31&to=1995-01-01&prefix=355751');
    expect(f.body.codes).toEqual([expect.objectContaining({ code: '355751', certain: true, changes: [expect.objectContaining({ change: 'value', from: 'K 30', to: 'K 50', sources: [expect.objectContaining({ document: '1994022370', article: 'Art. 2, 2°, 1.' })] })] })]);
    const csv = await call(server, '/v1/diff?from=1994-12-31&to=1995-01-01&prefix=355751', { headers: { accept: 'text/csv' } });
    expect(csv.type).toMatch(/^text\/csv/);
    expect(String(csv.body).split('\n')[1]).toMatch(/^1994-12-31,1995-01-01,355751,/);
  });

  it('a bad or missing date, reversed dates, a bad prefix: 400 naming the parameter', async () => {
    for (const [q, path] of [['from=1994-12-31', 'to'], ['from=1994-13-01&to=1995-01-01', 'from'], ['from=1995-01-01&to=1994-12-31', 'from'], ['from=1994-12-31&to=1995-01-01&prefix=x', 'prefix']]) {
      const r = await call(server, `/v1/diff?${q}`);
      expect(r.status, q).toBe(400);
      expect(r.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
  });
});

describe('POST /v1/replay', () => {
  const requests = [
    { claims: [{ id: 'A', code: '355751', date: '2024-06-30' }] },
    { claims: [{ id: 'B', code: '355751', date: '2024-07-01', institution: 'H-1' }, { id: 'C', code: '355950', date: '2024-07-01', institution: 'H-1' }] },
  ];

  it('the lines that change and the totals; the database untouched', async () => {
    const r = await post(server, '/v1/replay', { drafts: [draft], requests });
    expect(r.status).toBe(200);
    // B: K 50 → K 60, 125.00 → 150.00 (+25.00); C: rejected by the new non-cumulation, 250.00 → 0 (−250.00)
    expect(r.body.changes.map((c: { claim: string; delta: { fee: string } }) => [c.claim, c.delta.fee])).toEqual([['B', '25.00'], ['C', '-250.00']]);
    expect(r.body.totals.changed).toMatchObject({ lines: 2, decisions: 1, fee: { before: '375.00', after: '150.00', delta: '-225.00' } });
    expect(r.body.totals.byInstitution['H-1'].lines).toBe(2);
    expect(r.body.drafts).toEqual([{ document: '2024099001', status: 'ingested', entryIntoForce: '2024-07-01', file: 'draft-2024099001.fr.md' }]);
    const docs = await call(server, '/v1/documents');
    expect(docs.body.documents.map((d: { document: string }) => d.document)).not.toContain('2024099001');
  });

  it('a bad request names it; a draft of no known format is a 422', async () => {
    const bad = await post(server, '/v1/replay', { drafts: [draft], requests: [requests[0], { claims: [{ id: 'X', code: '355751', date: '2024-02-30' }] }] });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].path).toBe('requests[1].claims[0].date');
    const notDoc = await post(server, '/v1/replay', { drafts: [{ name: 'notes.txt', text: 'just words' }], requests });
    expect(notDoc.status).toBe(422);
    expect(notDoc.body.errors[0].path).toBe('drafts[0].text');
    const none = await post(server, '/v1/replay', { drafts: [], requests });
    expect(none.status).toBe(422);
  });

  it('is described in /openapi.json', async () => {
    const r = await call(server, '/openapi.json');
    expect(Object.keys(r.body.paths)).toEqual(expect.arrayContaining(['/v1/diff', '/v1/replay']));
    expect(Object.keys(r.body.components.schemas)).toEqual(expect.arrayContaining(['DiffResult', 'ReplayRequest', 'ReplayResult']));
  });
});
