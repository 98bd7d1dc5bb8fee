import { describe, expect, it } from 'vitest';
import type { DateBounds } from '../facts.js';
import type { CodeFact } from './code-facts.js';
import { consolidate, stateAt } from './consolidate.js';

const source = { document: '2000000001', article: 'Art. 1er', text: 'La valeur relative K 30 est remplacée par K 50.' };
const value = (bounds: DateBounds | null): CodeFact =>
  ({ op: 'value', code: '355751', document: '2000000001', seq: 0, source, effective: null, bounds, article: '11', from: { keyLetter: 'K', relativeValue: '30' }, to: { keyLetter: 'K', relativeValue: '50' } });

describe('a change of unknown date', () => {
  it('is uncertain inside its window only: the old value before, both candidates inside, the new value from the latest date', () => {
    const t = consolidate('355751', [value({ earliest: '2000-05-01', latest: '2000-09-01', reason: 'publication unknown' })]);
    const before = stateAt(t, '355751', '2000-04-30');
    expect([before.status, before.relativeValue]).toEqual(['in-force', '30']);
    const inside = stateAt(t, '355751', '2000-05-01');
    expect(inside.status).toBe('uncertain');
    expect(inside.relativeValue).toBeNull();
    expect(inside.fee).toBeNull();
    expect(inside.candidates?.map((c) => [c.status, c.relativeValue])).toEqual([['in-force', '30'], ['in-force', '50']]);
    expect(inside.window).toEqual({ earliest: '2000-05-01', latest: '2000-09-01', reason: 'publication unknown' });
    expect(stateAt(t, '355751', '2000-08-31').status).toBe('uncertain');
    const after = stateAt(t, '355751', '2000-09-01');
    expect([after.status, after.relativeValue]).toEqual(['in-force', '50']);
    expect(t.history[0]).toMatchObject({ date: null, window: { earliest: '2000-05-01' } });
  });

  it('with no latest date, stays uncertain; with no earliest either, is uncertain from the start', () => {
    const open = consolidate('355751', [value({ earliest: '2000-05-01', latest: null, reason: 'r' })]);
    expect(stateAt(open, '355751', '2030-01-01').status).toBe('uncertain');
    const none = consolidate('355751', [value(null)]);
    expect(stateAt(none, '355751', '1990-01-01').status).toBe('uncertain');
  });

  it('a deletion: in force or deleted, never deleted before the act could take effect', () => {
    const del: CodeFact = { op: 'delete', code: '591780', document: '2000022259', seq: 0, source, effective: null, bounds: { earliest: '2000-05-01', latest: null, reason: 'r' }, article: '24' };
    const t = consolidate('591780', [del]);
    expect(stateAt(t, '591780', '2000-04-30').status).toBe('in-force');
    expect(stateAt(t, '591780', '2000-05-01').candidates?.map((c) => c.status)).toEqual(['in-force', 'deleted']);
  });
});
