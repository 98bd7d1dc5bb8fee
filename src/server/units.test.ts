/** The server's pure parts: history merging, problem pointers, timeline periods, OpenAPI generation. */
import { describe, expect, it } from 'vitest';
import type { CheckRequest, CheckResponse } from '../engine/schema.js';
import { consolidate } from '../nomenclature/consolidate.js';
import type { CodeFact } from '../nomenclature/code-facts.js';
import { acceptedLines, canonicalJson, mergeHistory } from './history.js';
import { openApiDocument } from './openapi.js';
import { pointerOf, problem, PROBLEM_TYPES } from './problem.js';
import { timelineOf } from './timeline.js';

const claim = (id: string, date = '2024-11-18', extra: Record<string, unknown> = {}) => ({ id, code: '587134', date, ...extra });

describe('canonicalJson', () => {
  it('ignores key order at every level, keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe(canonicalJson({ a: { c: null, d: [2, 1] }, b: 1 }));
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });
});

describe('mergeHistory', () => {
  const request = (claims: ReturnType<typeof claim>[], history: ReturnType<typeof claim>[] = []): CheckRequest => ({ claims, history });

  it('adds stored lines to the request history', () => {
    const m = mergeHistory(request([claim('L2')], [claim('H1')]), [{ id: 'S1', date: '2024-01-01', claim: claim('S1', '2024-01-01') }]);
    expect(m.history.map((h) => h.id)).toEqual(['H1', 'S1']);
    expect(m).toMatchObject({ used: 1, conflicts: [] });
  });

  it('counts a line sent as history and stored once, as stored: the copy may state fewer fields, none other', () => {
    const held = { id: 'S1', date: '2024-01-01', claim: claim('S1', '2024-01-01', { units: 2, institution: 'H-1' }) };
    const m = mergeHistory(request([claim('L2')], [claim('S1', '2024-01-01', { units: 2 })]), [held]);
    expect(m.history).toEqual([held.claim]);
    expect(m).toMatchObject({ used: 0, collisions: [] });
    // a copy that contradicts the stored line (or adds to it) never replaces it: a collision to refuse
    const forged = mergeHistory(request([claim('L2')], [claim('H0'), { id: 'S1', code: '101010', date: '2000-01-01' }, claim('S1', '2024-01-01', { units: 2, side: 'left' })]), [held]);
    expect(forged.collisions).toEqual([{ index: 1, id: 'S1', fields: ['code', 'date'] }, { index: 2, id: 'S1', fields: ['side'] }]);
  });

  it('leaves out a stored line that is a claim of this request (a retry), whatever its key order', () => {
    const stored = { date: '2024-11-18', code: '587134', id: 'L1' };
    const m = mergeHistory(request([claim('L1')]), [{ id: 'L1', date: '2024-11-18', claim: stored }]);
    expect(m).toEqual({ history: [], used: 0, conflicts: [], collisions: [] });
  });

  it('reports a stored line with a claim id and other content as a conflict, and still counts it', () => {
    const m = mergeHistory(request([claim('L0'), claim('L1', '2024-11-19')]), [{ id: 'L1', date: '2024-11-18', claim: claim('L1') }]);
    expect(m.conflicts).toEqual([{ index: 1, id: 'L1' }]);
    expect(m.history.map((h) => h.id)).toEqual(['L1']);
  });
});

describe('acceptedLines', () => {
  it('records the accepted claims only, with their date', () => {
    const req: CheckRequest = { claims: [claim('A'), claim('B', '2024-11-19')] };
    const res = { beneficiary: null, decisions: [{ status: 'rejected' }, { status: 'accepted' }] } as unknown as CheckResponse;
    expect(acceptedLines(req, res)).toEqual([{ id: 'B', date: '2024-11-19', claim: claim('B', '2024-11-19') }]);
  });
});

describe('problem details', () => {
  it('JSON pointers of CLI paths', () => {
    expect(pointerOf('')).toBe('#');
    expect(pointerOf('claims[2].date')).toBe('#/claims/2/date');
    expect(pointerOf('beneficiary.birthDate')).toBe('#/beneficiary/birthDate');
    expect(pointerOf('a/b~c')).toBe('#/a~1b~0c');
  });

  it('a problem has the RFC 9457 members of its kind', () => {
    const p = problem('invalid-request', 'claims[0].date: bad', [{ in: 'body', path: 'claims[0].date', detail: 'bad' }]);
    expect(p).toEqual({ type: '/problems/invalid-request', title: PROBLEM_TYPES['invalid-request'].title, status: 422, detail: 'claims[0].date: bad', errors: [{ in: 'body', path: 'claims[0].date', detail: 'bad' }] });
    expect(problem('not-found', 'x')).not.toHaveProperty('errors');
  });
});

describe('timelineOf', () => {
  const src = (article: string) => ({ document: 'D', article, text: '…' });
  it('one period per change of value or fee, each with its act; the old value before the first change', () => {
    // The value before 1995 is the old value the amendment states (a definition of unknown date would make every date uncertain).
    const facts: CodeFact[] = [
      { op: 'value', code: '355751', document: 'D', seq: 1, source: src('Art. 2'), effective: '1995-01-01', article: '11', from: { keyLetter: 'K', relativeValue: '30' }, to: { keyLetter: 'K', relativeValue: '50' } },
      { op: 'fee', code: '355751', document: 'D', seq: 2, source: src('fee'), validFrom: '1995-01-01', validTo: '1995-12-31', endReason: null, keyLetter: 'K', coefficient: '2', relativeValue: '50', fee: '100.00', preferential: null, standard: null },
    ];
    const t = timelineOf(consolidate('355751', facts), '355751');
    expect(t.map((p) => [p.date, p.until, `${p.keyLetter} ${p.relativeValue}`, p.fee])).toEqual([
      [null, '1995-01-01', 'K 30', null],
      ['1995-01-01', '1996-01-01', 'K 50', '100.00'],
      ['1996-01-01', null, 'K 50', null],
    ]);
    expect(t[1].source?.article).toBe('Art. 2');
    expect(t[2].source?.note).toMatch(/until 1995-12-31/);
  });
});

describe('openApiDocument', () => {
  it('is self-contained: no $schema/$id inside components, no unnamed shared definitions', () => {
    const doc = openApiDocument();
    const schemas = (doc.components as { schemas: Record<string, Record<string, unknown>> }).schemas;
    for (const [name, s] of Object.entries(schemas)) {
      expect(s, name).not.toHaveProperty('$schema');
      expect(s, name).not.toHaveProperty('$id');
    }
    expect(JSON.stringify(doc)).not.toContain('__shared');
  });
});
