import { describe, expect, it } from 'vitest';
import { PassThrough, Readable } from 'node:stream';
import { GENERIC_RULES } from '../rules/builtin.js';
import { compileRules } from '../rules/registry.js';
import { FakeNomenclature, pair, rule } from '../rules/test-support.js';
import { runBatch } from './batch.js';
import type { EngineContext } from './decide.js';

const context: EngineContext = {
  nomenclature: new FakeNomenclature({ ...pair('474633', { fee: '10.00' }) }),
  rules: compileRules([...GENERIC_RULES, rule({ id: 'f', kind: 'frequency', scope: { pairs: [['474633', '474644']] }, params: { max: 1, period: { unit: 'day' }, together: true } })]),
};

async function batch(input: string | (string | Buffer)[]): Promise<{ lines: unknown[]; stats: unknown }> {
  const out = new PassThrough();
  const chunks: string[] = [];
  out.on('data', (c) => chunks.push(String(c)));
  const stats = await runBatch(Readable.from(Array.isArray(input) ? input : [input]), out, context);
  out.end();
  return { lines: chunks.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l)), stats };
}

const req = (id: string) => JSON.stringify({ beneficiary: { id }, claims: [{ id: 'a', code: '474633', date: '2000-01-01' }, { id: 'b', code: '474633', date: '2000-01-01' }] });

describe('NDJSON batch', () => {
  it('one response per line, errors in place, the run goes on', async () => {
    const { lines, stats } = await batch([req('P1'), '\n', '{not json}\n', '\n', '{"claims":[]}\r\n', req('P2')].join(''));
    expect(stats).toEqual({ lines: 5, responses: 2, errors: 2 });
    expect(lines).toHaveLength(4);
    expect((lines[0] as { beneficiary: string }).beneficiary).toBe('P1');
    expect(lines[1]).toMatchObject({ line: 2, error: {} });
    expect((lines[1] as { error: { message: string } }).error.message).toContain('not valid JSON');
    expect(lines[2]).toMatchObject({ line: 4, error: { errors: [{ path: 'claims' }] } });
    expect((lines[3] as { decisions: { status: string }[] }).decisions.map((d) => d.status)).toEqual(['accepted', 'rejected']);
  });

  it('lines split across chunks anywhere', async () => {
    const text = `${req('P1')}\n${req('P2')}\n${req('P3')}`;
    const chunks: string[] = [];
    for (let i = 0; i < text.length; i += 7) chunks.push(text.slice(i, i + 7));
    const { lines } = await batch(chunks);
    expect(lines.map((l) => (l as { beneficiary: string }).beneficiary)).toEqual(['P1', 'P2', 'P3']);
  });

  it('multi-byte characters split across byte chunks, and a byte order mark before the first line', async () => {
    const named = (id: string) => req(id).replace('"a"', '"é€😀"');
    const bytes = Buffer.from(`\uFEFF${named('P1')}\n${named('P2')}\n${named('P3')}`, 'utf8');
    const chunks: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 5) chunks.push(bytes.subarray(i, i + 5));
    const { lines, stats } = await batch(chunks);
    expect(stats).toEqual({ lines: 3, responses: 3, errors: 0 });
    expect(lines.map((l) => (l as { decisions: { claim: string }[] }).decisions[0].claim)).toEqual(['é€😀', 'é€😀', 'é€😀']);
  });

  it('a line that is not UTF-8 gives an error naming the line and byte offset, in the language asked; the run goes on', async () => {
    // "Müller" and "Möller" in latin-1: decoded leniently both would be "M\uFFFDller", one beneficiary
    const bytes = Buffer.concat([Buffer.from(`${req('Müller')}\n${req('Möller')}\n`, 'latin1'), Buffer.from(`${req('Möller')}\n`, 'utf8')]);
    for (const size of [bytes.length, 3]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      const { lines, stats } = await batch(chunks);
      expect(stats).toEqual({ lines: 3, responses: 1, errors: 2 });
      const at = req('Müller').indexOf('ü');
      expect(lines[0]).toEqual({ line: 1, error: { message: `not valid UTF-8: line 1, byte offset ${at} (byte 0xFC); the input must be UTF-8 text`, offset: at } });
      expect(lines[1]).toMatchObject({ line: 2, error: { offset: at } });
      expect((lines[2] as { beneficiary: string }).beneficiary).toBe('Möller');
    }
    const out = new PassThrough();
    const chunks: string[] = [];
    out.on('data', (c) => chunks.push(String(c)));
    await runBatch(Readable.from([Buffer.from(`${req('Müller')}\n`, 'latin1')]), out, { ...context, locale: 'fr' });
    expect(JSON.parse(chunks.join('')).error.message).toMatch(/^UTF-8 invalide : ligne 1/);
  });

  it('many lines', async () => {
    const { lines, stats } = await batch(Array.from({ length: 5000 }, (_, i) => req(`P${i}`) + '\n').join(''));
    expect(lines).toHaveLength(5000);
    expect(stats).toMatchObject({ responses: 5000, errors: 0 });
  });
});

describe('response serializer', () => {
  it('equals JSON.stringify', async () => {
    const { responseJson } = await import('./serialize.js');
    const { decide } = await import('./decide.js');
    const res = decide({ beneficiary: { id: 'x"y' }, claims: [{ id: 'a', code: '474633', date: '2000-01-01' }, { id: 'b\\n', code: '474633', date: '2000-01-01' }, { id: 'c', code: '999999', date: '2000-01-01' }, { id: 'u', code: '999994', date: '2000-01-01' }, { id: 'd', code: 'A"1', date: '2000-01-01' }, { id: 'e', code: '12345', date: '2000-01-01' }] }, context);
    // refusal codes (v1.1) of every shape: an eFact object, a null one with its reason, both null
    expect(res.decisions.map((d) => [d.reasons[0].efact?.code ?? null, d.reasons[0].etarif, d.reasons[0].etarifReason !== undefined])).toEqual([
      [null, undefined, false], ['502255', '002', false], ['500402', null, true], ['500420', '009', false], ['500401', null, true], [null, null, true],
    ]);
    expect(responseJson(res)).toBe(JSON.stringify(res));
    expect(responseJson(res)).toBe(responseJson(res));
  });
});

describe('batch on the legal cases (fast path, byte output)', async () => {
  const { legalRequests } = await import('./test-support.js');
  const { createEngine } = await import('./engine.js');
  const { decide } = await import('./decide.js');
  const { validateWithZod } = await import('./schema.js');
  const { builtinDocuments, builtinNomenclature } = await import('../nomenclature/index.js');
  const engine = createEngine({ nomenclature: builtinNomenclature(), documents: builtinDocuments() });
  const requests = legalRequests();

  /** The response the zod path gives: zod's copy of the request, decided, JSON.stringify'd. */
  const viaZod = (r: unknown, ctx = engine) => {
    const v = validateWithZod(r);
    if (!v.ok) throw new Error('invalid case');
    return JSON.stringify(decide(v.request, ctx));
  };
  const run = async (lines: string[], ctx = engine) => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const stats = await runBatch(Readable.from([lines.join('\n')]), out, ctx);
    out.end();
    return { text: Buffer.concat(chunks).toString('utf8'), stats };
  };

  it('gives byte for byte what the zod path and JSON.stringify give', async () => {
    const { text, stats } = await run(requests.map((r) => JSON.stringify(r)));
    expect(stats).toEqual({ lines: requests.length, responses: requests.length, errors: 0 });
    expect(text).toBe(requests.map((r) => viaZod(r) + '\n').join(''));
  });

  it('a malformed line in the middle gives its error in place; the lines after it are decided as before', async () => {
    const lines = requests.map((r) => JSON.stringify(r));
    const mid = Math.floor(lines.length / 2);
    lines.splice(mid, 0, '{"claims": [{"id": "a", "code": "587134"', JSON.stringify({ claims: [{ id: 'a', code: '587134', date: '2024-02-30' }] }));
    const { text, stats } = await run(lines);
    expect(stats).toEqual({ lines: requests.length + 2, responses: requests.length, errors: 2 });
    const out = text.split('\n').filter(Boolean);
    expect(JSON.parse(out[mid])).toMatchObject({ line: mid + 1, error: { message: expect.stringContaining('not valid JSON') } });
    expect(JSON.parse(out[mid + 1])).toEqual({
      line: mid + 2,
      error: { message: 'request does not match the schema: claims[0].date: expected a real calendar date YYYY-MM-DD', errors: [{ path: 'claims[0].date', message: 'expected a real calendar date YYYY-MM-DD' }] },
    });
    expect(out.slice(mid + 2)).toEqual(requests.slice(mid).map((r) => viaZod(r)));
  });

  it('reasons "failed": the same decisions, without satisfied reasons; every violated reason keeps its source', async () => {
    const failed = { ...engine, reasons: 'failed' as const };
    const { text } = await run(requests.map((r) => JSON.stringify(r)), failed);
    const got = text.split('\n').filter(Boolean).map((l) => JSON.parse(l));
    requests.forEach((r, i) => {
      const all = JSON.parse(viaZod(r));
      for (const d of all.decisions) d.reasons = d.reasons.filter((x: { outcome: string }) => x.outcome !== 'satisfied');
      expect(got[i]).toEqual(all);
      for (const d of got[i].decisions) {
        for (const x of d.reasons) expect(x.source.text.length).toBeGreaterThan(0);
        expect(d.status === 'rejected').toBe(d.reasons.some((x: { outcome: string }) => x.outcome === 'violated'));
      }
    });
  });

  it('memory stays flat in the number of lines', async () => {
    const body = requests.map((r) => JSON.stringify(r));
    const n = 40_000;
    // a lazy input: nothing of the stream is held but what the batch holds
    function* input() {
      for (let i = 0; i < n; i += 100) {
        let chunk = '';
        for (let k = i; k < i + 100; k++) chunk += body[k % body.length] + '\n';
        yield chunk;
      }
    }
    const heap: number[] = [];
    let written = 0;
    const { Writable } = await import('node:stream');
    const sink = new Writable({
      write(c: Buffer, _e, cb) {
        written += c.length;
        heap.push(process.memoryUsage().heapUsed);
        cb();
      },
    });
    const stats = await runBatch(Readable.from(input()), sink, engine);
    expect(stats.responses).toBe(n);
    expect(written).toBeGreaterThan(50 * 2 ** 20);
    // the output written (> 50 MiB) and the input read are not retained: the heap of the last
    // quarter of the run is no higher than that of the first half, give or take GC timing
    const q = Math.floor(heap.length / 4);
    const early = Math.max(...heap.slice(0, 2 * q));
    const late = Math.max(...heap.slice(3 * q));
    expect(late).toBeLessThan(early + 32 * 2 ** 20);
  }, 60_000);
});
