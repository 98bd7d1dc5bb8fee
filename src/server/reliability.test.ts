/**
 * Issue 12 over HTTP: a document that would stop the engine is refused with nothing stored (not a
 * 500 with the document kept); the history the server holds is the truth (a request cannot mask a
 * stored line, nor have a check decided without it for want of a token); bytes that are not UTF-8
 * are refused with their line and byte offset, whatever charset the request declares.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinCorpusDir } from '../nomenclature/builtin.js';
import { call, exampleRequest, post, removeDatabases, startServer, type Json, type TestServer } from './test-support.js';

const ABLATION = readFileSync(join(builtinCorpusDir(), '000_03aa16b1e0318a25.txt'), 'utf8');

function expectProblem(r: { status: number; type: string; body: Json }, status: number, kind: string) {
  expect(r.type).toContain('application/problem+json');
  expect(r.status).toBe(status);
  expect(r.body.type).toBe(`/problems/${kind}`);
}

afterAll(async () => {
  await removeDatabases();
});

describe('POST /v1/documents cannot poison the engine', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer();
  });
  afterAll(async () => {
    await s.close();
  });

  it('a document whose rules would not compile is a 422 naming the document and sentence; nothing is stored; checks go on', async () => {
    const count = (await s.store.documents()).length;
    const text = ABLATION.replace(/attestées une fois par jour/, 'attestées 0 fois par jour');
    for (const r of [
      await call(s, '/v1/documents?name=zero.txt', { method: 'POST', headers: { 'content-type': 'text/markdown; charset=utf-8' }, body: text }),
      await post(s, '/v1/documents', { documents: [{ name: 'zero.txt', text }] }),
    ]) {
      expectProblem(r, 422, 'invalid-document');
      expect(r.body.reason).toBe('rules-invalid');
      expect(r.body.detail).toContain('zero.txt');
      expect(r.body.detail).toContain('peuvent être attestées 0 fois par jour');
      expect(r.body.detail).toMatch(/nothing was ingested/);
    }
    expect((await s.store.documents()).length).toBe(count);
    const check = await post(s, '/v1/check', exampleRequest());
    expect(check.status).toBe(200);
    expect(check.body.decisions[0].status).toBe('accepted');
  });

  for (const word of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
    it(`a prototype name ("${word}") in place of a number word: stored or refused, never a 500; checks go on`, async () => {
      const text = ABLATION.replace(/attestées une fois par jour/, `attestées ${word} fois par jour`);
      const r = await call(s, '/v1/documents?name=proto.txt', { method: 'POST', headers: { 'content-type': 'text/markdown' }, body: text });
      expect([200, 201, 422]).toContain(r.status);
      const check = await post(s, '/v1/check', exampleRequest());
      expect(check.status).toBe(200);
    });
  }
});

describe('the history the server holds is the truth', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer();
  });
  afterAll(async () => {
    await s.close();
  });

  const line = (id: string) => {
    const r = exampleRequest('P-MASK');
    r.claims[0].id = id;
    return r;
  };

  it('a history line with a stored line\'s id must match it: a forged copy cannot mask it (the issue\'s sequence)', async () => {
    const l1 = await post(s, '/v1/check', { ...line('L1'), commit: true });
    expect(l1.body.decisions[0].status).toBe('accepted');
    const l2 = await post(s, '/v1/check', { ...line('L2'), commit: true });
    expect(l2.body.decisions[0].status).toBe('rejected');

    const forged = { ...line('L3'), history: [{ id: 'L1', code: '101010', date: '2000-01-01' }] };
    for (const commit of [true, false]) {
      const r = await post(s, '/v1/check', { ...forged, commit });
      expectProblem(r, 409, 'conflict');
      expect(r.body.errors).toEqual([{ in: 'body', path: 'history[0].id', pointer: '#/history/0/id', detail: 'a line with this id is held for this beneficiary with other content (code, date)' }]);
      expect(r.body.detail).toContain('L1');
    }
    expect((await s.store.historyOf('P-MASK')).map((l) => l.id)).toEqual(['L1']);
  });

  it('a copy that agrees with the stored line is accepted, and the stored line is what counts', async () => {
    // the same code and date, fewer details: no contradiction
    const r = await post(s, '/v1/check', { ...line('L4'), history: [{ id: 'L1', code: '587134', date: '2024-11-18' }], commit: true });
    expect(r.status).toBe(200);
    expect(r.body.decisions[0].status).toBe('rejected');
    // a detail that contradicts the stored line is refused too
    const other = { ...exampleRequest().claims[0], institution: 'H-99999' };
    const c = await post(s, '/v1/check', { ...line('L5'), history: [other] });
    expectProblem(c, 409, 'conflict');
    expect(c.body.errors[0].path).toBe('history[0].id');
    expect((await s.store.historyOf('P-MASK')).map((l) => l.id)).toEqual(['L1']);
  });
});

describe('with NOMEN_TOKEN, a check that needs stored history needs the token', () => {
  let s: TestServer;
  const auth = { authorization: 'Bearer s3cret-token' };
  beforeAll(async () => {
    s = await startServer({ token: 's3cret-token' });
  });
  afterAll(async () => {
    await s.close();
  });

  it('missing or wrong token with a beneficiary id: 401, not a decision made without the history', async () => {
    expect((await post(s, '/v1/check', { ...exampleRequest('P-T'), commit: true }, auth)).body.committed.recorded).toEqual(['L1']);
    const req = exampleRequest('P-T');
    req.claims[0].id = 'L2';
    for (const headers of [{}, { authorization: 'Bearer wrong' }] as Record<string, string>[]) {
      const r = await post(s, '/v1/check', req, headers);
      expectProblem(r, 401, 'unauthorized');
      expect(r.body.errors[0]).toMatchObject({ in: 'header', path: 'authorization' });
    }
    expect((await post(s, '/v1/check', req, auth)).body.decisions[0].status).toBe('rejected');
    // without a beneficiary id nothing stored is needed: open
    const { beneficiary: _, ...anonymous } = req;
    const open = await post(s, '/v1/check', anonymous);
    expect(open.status).toBe(200);
    expect(open.body.storedLines).toBeNull();
  });
});

describe('bytes that are not UTF-8 over HTTP', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer();
  });
  afterAll(async () => {
    await s.close();
  });

  const body = (id: string) => JSON.stringify({ ...exampleRequest(id), commit: true });

  it('POST /v1/check: "Müller" and "Möller" in latin-1 are refused (400, line and byte offset), even declared iso-8859-1; nothing is recorded', async () => {
    for (const [id, byte] of [['Müller', 'FC'], ['Möller', 'F6']]) {
      for (const type of ['application/json', 'application/json; charset=iso-8859-1']) {
        const text = body(id);
        const r = await call(s, '/v1/check', { method: 'POST', headers: { 'content-type': type }, body: Buffer.from(text, 'latin1') });
        expectProblem(r, 400, 'invalid-encoding');
        expect(r.body.errors).toEqual([{ in: 'body', path: '', pointer: '#', line: 1, detail: `not valid UTF-8: line 1, byte offset ${text.indexOf(id) + 1} (byte 0x${byte}); the input must be UTF-8 text` }]);
      }
    }
    const fr = await call(s, '/v1/check?lang=fr', { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.from(body('Müller'), 'latin1') });
    expect(fr.body.detail).toMatch(/^UTF-8 invalide : ligne 1/);
    expect(await s.store.historyOf('M\uFFFDller')).toEqual([]);
    // the same names in UTF-8 are two beneficiaries
    expect((await call(s, '/v1/check', { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.from(body('Müller'), 'utf8') })).body.decisions[0].status).toBe('accepted');
    expect((await call(s, '/v1/check', { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.from(body('Möller'), 'utf8') })).body.decisions[0].status).toBe('accepted');
  });

  it('POST /v1/check/batch: an error object per bad line, the run goes on', async () => {
    const line = (id: string) => JSON.stringify(exampleRequest(id));
    const bytes = Buffer.concat([Buffer.from(`${line('Müller')}\n`, 'latin1'), Buffer.from(`${line('Möller')}\n`, 'utf8')]);
    const r = await call(s, '/v1/check/batch', { method: 'POST', headers: { 'content-type': 'application/x-ndjson; charset=iso-8859-1' }, body: bytes });
    expect(r.status).toBe(200);
    const lines = (r.body as unknown as string).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ line: 1, error: { offset: line('Müller').indexOf('ü') } });
    expect(lines[1].beneficiary).toBe('Möller');
  });

  it('POST /v1/documents as JSON, and the compliance NDJSON: refused alike', async () => {
    const doc = await call(s, '/v1/documents', { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify({ documents: [{ text: 'Möller' }] }), 'latin1') });
    expectProblem(doc, 400, 'invalid-encoding');
    const text = Buffer.from(`${JSON.stringify({ id: 'L1', code: '587134', date: '2024-11-18' })}\n{"id":"Möller","code":"587134","date":"2024-11-19"}\n`, 'latin1');
    const r = await call(s, '/v1/compliance?institution=H-71001&from=2024-11-01&to=2024-12-31', { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: text });
    expectProblem(r, 400, 'invalid-encoding');
    expect(r.body.errors[0]).toMatchObject({ line: 2, detail: expect.stringContaining('line 2, byte offset 8') });
  });
});
