/**
 * Issue 12, items 5 and 8 over HTTP: one request cannot tie up the server (lines per request,
 * answer size, NDJSON line, batch body and lines, slow uploads), and the smaller holes (long path
 * parameters, oversized bodies, non-JSON writes a web page could send without a preflight).
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, exampleRequest, post, removeDatabases, startServer, type Json, type TestServer } from './test-support.js';

function expectProblem(r: { status: number; type: string; body: Json }, status: number, kind: string) {
  expect(r.type).toContain('application/problem+json');
  expect(r.status).toBe(status);
  expect(r.body.type).toBe(`/problems/${kind}`);
}

const claim = (i: number, date = '2024-11-18') => ({ id: `L${i}`, code: '587134', date });
const ndjson = (body: string) => ({ method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body });
const lines = (text: string) => text.trim().split('\n').map((l) => JSON.parse(l) as Json);

afterAll(async () => {
  await removeDatabases();
});

describe('limits of one request', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer({ limits: { claims: 50, history: 60, lineBytes: 4096, answerBytes: 200_000 }, batchLines: 5, batchBodyLimit: 64 * 1024 });
  });
  afterAll(async () => {
    await s.close();
  });

  it('more claim lines than the limit: 413 limit-exceeded naming claims and the limit, in the language asked', async () => {
    const day = (i: number) => `2024-${String(1 + Math.floor(i / 28)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const req = { ...exampleRequest(), beneficiary: undefined, claims: Array.from({ length: 51 }, (_, i) => claim(i, day(i))) };
    const r = await post(s, '/v1/check', req);
    expectProblem(r, 413, 'limit-exceeded');
    expect(r.body.errors[0].path).toBe('claims');
    expect(r.body.limit).toEqual({ name: 'NOMEN_MAX_CLAIMS', max: 50, actual: 51 });
    const fr = await post(s, '/v1/check?lang=fr', req);
    expect(fr.body.detail).toContain('51 lignes de prestation, plus que la limite de 50');
    const nl = await post(s, '/v1/check?lang=nl', req);
    expect(nl.body.detail).toContain('meer dan de limiet van 50');
    // at the limit: decided
    expect((await post(s, '/v1/check', { ...req, claims: req.claims.slice(0, 50) })).status).toBe(200);
  });

  it('more history lines than the limit: 413 naming history', async () => {
    const r = await post(s, '/v1/check', { claims: [claim(0)], history: Array.from({ length: 61 }, (_, i) => claim(100 + i, '2020-01-01')) });
    expectProblem(r, 413, 'limit-exceeded');
    expect(r.body.errors[0].path).toBe('history');
    expect(r.body.limit.name).toBe('NOMEN_MAX_HISTORY');
  });

  it('an answer over the limit is refused (413 naming the answer limit), never sent', async () => {
    // 50 same-day lines: each frequency reason lists the lines counted before it (the answer grows as n²)
    const r = await post(s, '/v1/check', { claims: Array.from({ length: 50 }, (_, i) => claim(i)) });
    expectProblem(r, 413, 'limit-exceeded');
    expect(r.body.limit.name).toBe('NOMEN_MAX_ANSWER_BYTES');
    expect(r.body.limit.actual).toBeGreaterThan(200_000);
    expect(r.body.detail).toMatch(/the answer would be \d+ bytes, more than the limit of 200000/);
  });

  it('batch: a line over the line limit gives its error object and the run goes on', async () => {
    const good = JSON.stringify({ claims: [claim(1)] });
    const long = JSON.stringify({ claims: [{ ...claim(2), lesion: 'x'.repeat(5000) }] });
    const r = await call(s, '/v1/check/batch', ndjson([good, long, good].join('\n') + '\n'));
    expect(r.status).toBe(200);
    const out = lines(r.body as unknown as string);
    expect(out).toHaveLength(3);
    expect(out[0].decisions[0].claim).toBe('L1');
    expect(out[1]).toEqual({ line: 2, error: { message: expect.stringContaining('more than the limit of 4096 (NOMEN_MAX_LINE_BYTES)'), bytes: long.length } });
    expect(out[2].decisions[0].claim).toBe('L1');
  });

  it('batch: a request of a line over the claims limit is that line\'s error', async () => {
    const big = JSON.stringify({ claims: Array.from({ length: 51 }, (_, i) => ({ id: `${i}`, code: '1', date: '2024-01-01' })) });
    const r = await call(s, '/v1/check/batch', ndjson(big + '\n'));
    const out = lines(r.body as unknown as string);
    expect(out[0].line).toBe(1);
    expect(out[0].error.errors[0].path).toBe('claims');
  });

  it('batch: more lines than the batch limit: the first are answered, then one error line, the rest not read', async () => {
    const good = JSON.stringify({ claims: [claim(1)] });
    const r = await call(s, '/v1/check/batch', ndjson(Array(8).fill(good).join('\n') + '\n'));
    const out = lines(r.body as unknown as string);
    expect(out).toHaveLength(6);
    expect(out.slice(0, 5).every((o) => o.decisions)).toBe(true);
    expect(out[5]).toEqual({ line: 6, error: { message: expect.stringContaining('limit of 5 lines') } });
    // exactly at the limit: no error line
    const exact = await call(s, '/v1/check/batch', ndjson(Array(5).fill(good).join('\n') + '\n'));
    expect(lines(exact.body as unknown as string)).toHaveLength(5);
  });

  it('batch: a body over the declared limit is a 413 before anything is read; a streamed one is cut with an error line', async () => {
    const good = JSON.stringify({ claims: [claim(1)] }) + '\n';
    const big = good.repeat(Math.ceil((70 * 1024) / good.length));
    const r = await call(s, '/v1/check/batch', ndjson(big));
    expectProblem(r, 413, 'payload-too-large');
    // chunked (no Content-Length): cut at the limit
    const small = await startServer({ batchBodyLimit: 1000 });
    try {
      const stream = new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode(good.repeat(40))); c.close(); } });
      const res = await fetch(`${small.url}/v1/check/batch`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: stream, duplex: 'half' } as RequestInit);
      const out = lines(await res.text());
      const n = Math.floor(1000 / good.length);
      expect(out).toHaveLength(n + 1);
      expect(out[n]).toEqual({ line: n + 1, error: { message: expect.stringContaining('limit of 1000 bytes') } });
    } finally {
      await small.close();
    }
  });
});

describe('timeouts', () => {
  it('a slow upload is cut (requestTimeout): 408, the connection closed', async () => {
    const s = await startServer({ requestTimeout: 300, connectionTimeout: 0 });
    try {
      const port = Number(new URL(s.url).port);
      const answer = await new Promise<string>((resolve) => {
        const sock = connect(port, '127.0.0.1');
        let got = '';
        sock.on('data', (d) => (got += d));
        sock.on('close', () => resolve(got));
        sock.on('error', () => resolve(got));
        sock.write('POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"cl');
      });
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
      expect(answer).toContain('application/problem+json');
      expect(answer).toContain('not received within 300 ms');
    } finally {
      await s.close();
    }
  });
});

describe('smaller holes (item 8)', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer();
  });
  afterAll(async () => {
    await s.close();
  });

  it('a path parameter over 100 characters is a 400 naming it, not a 405', async () => {
    for (const path of [`/v1/documents/${'a'.repeat(150)}`, `/v1/codes/${'1'.repeat(120)}`, `/v1/beneficiaries/${'b'.repeat(101)}/history`]) {
      const r = await call(s, path);
      expectProblem(r, 400, 'invalid-parameter');
      expect(r.body.errors[0].in).toBe('path');
      expect(r.body.detail).toMatch(/longer than 100 characters/);
    }
  });

  it('an oversized body gets its 413, not a broken pipe, even when the client reads only after sending it all', async () => {
    const port = Number(new URL(s.url).port);
    const body = Buffer.alloc(8 * 1024 * 1024, 0x20);
    const answer = await new Promise<{ got: string; error: string | null }>((resolve) => {
      const sock = connect(port, '127.0.0.1');
      let got = '';
      let error: string | null = null;
      sock.on('data', (d) => (got += d));
      sock.on('error', (e: NodeJS.ErrnoException) => (error = e.code ?? 'error'));
      sock.on('close', () => resolve({ got, error }));
      sock.write(`POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`);
      sock.write(body, () => sock.end());
    });
    expect(answer.error).toBeNull();
    expect(answer.got).toMatch(/^HTTP\/1\.1 413/);
    expect(answer.got).toContain('/problems/payload-too-large');
  });

  it('without a token, POST /v1/documents refuses text/plain and the other types a web page posts without a preflight (415)', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const r = await call(s, '/v1/documents?name=x.txt', { method: 'POST', headers: { 'content-type': type }, body: 'Article 1. x' });
      expectProblem(r, 415, 'unsupported-media-type');
    }
    // JSON (which needs a preflight from another origin) still works
    const r = await post(s, '/v1/documents', { documents: [{ name: 'empty.txt', text: '' }] });
    expect(r.status).toBe(422);
  });
});

describe('nonsense refused over HTTP (item 6)', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer();
  });
  afterAll(async () => {
    await s.close();
  });

  it('a negative coefficient is a 422 implausible-value naming the sentence; a decree cut short is a 422 listing what it loses, ?force=true replaces it', async () => {
    const table = { format: 'nomen-coefficients/1', id: 'k-neg', title: 'Valeurs', entries: [{ keyLetter: 'I', codes: ['587134'], from: '2025-01-01', coefficient: '-2,85', source: { document: 'x', article: '1', text: 'La valeur est fixée.' } }] };
    const neg = await post(s, '/v1/documents', { documents: [{ name: 'k.json', text: JSON.stringify(table) }] });
    expectProblem(neg, 422, 'invalid-document');
    expect(neg.body.reason).toBe('implausible-value');
    expect(neg.body.sentence).toEqual({ document: 'k-neg', article: '1', text: 'La valeur est fixée.' });
    const { readFileSync } = await import('node:fs');
    const act = readFileSync(new URL('../../test/fixtures/acts/2010029994.fr.md', import.meta.url), 'utf8');
    expect((await call(s, '/v1/documents?name=act.md', { method: 'POST', headers: { 'content-type': 'text/markdown' }, body: act })).status).toBe(201);
    const cut = act.slice(0, Math.floor(act.length * 0.8));
    const refused = await call(s, '/v1/documents?name=cut.md', { method: 'POST', headers: { 'content-type': 'text/markdown' }, body: cut });
    expectProblem(refused, 422, 'invalid-document');
    expect(refused.body.reason).toBe('replacement-loses');
    expect(refused.body.lost.length).toBeGreaterThan(0);
    const forced = await call(s, '/v1/documents?name=cut.md&force=true', { method: 'POST', headers: { 'content-type': 'text/markdown' }, body: cut });
    expect(forced.status).toBe(201);
    expect(forced.body.documents[0].status).toBe('replaced');
  });
});
