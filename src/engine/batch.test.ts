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

async function batch(input: string | string[]): Promise<{ lines: unknown[]; stats: unknown }> {
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
    const res = decide({ beneficiary: { id: 'x"y' }, claims: [{ id: 'a', code: '474633', date: '2000-01-01' }, { id: 'b\\n', code: '474633', date: '2000-01-01' }, { id: 'c', code: '999999', date: '2000-01-01' }] }, context);
    expect(responseJson(res)).toBe(JSON.stringify(res));
    expect(responseJson(res)).toBe(responseJson(res));
  });
});
