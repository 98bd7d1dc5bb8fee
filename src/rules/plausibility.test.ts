/**
 * Issue 12, item 7: impossible but schema-shaped input is never decided without a word. Dates
 * that cannot both be true reject the line with a reason in the contract's form (a service before
 * the birth date, a line before its stay's admission); sentinel years, duplicate history ids and a
 * claim id that is also history are refused by the schema, naming the field.
 */
import { describe, expect, it } from 'vitest';
import { validateRequest, validateWithZod } from '../engine/schema.js';
import { acceptRequest } from '../engine/fast-request.js';
import { claim, pair, reasonsOf, run } from './test-support.js';

const codes = { ...pair('474633', { fee: '50.00', reimbursement: { preferential: '45.00', standard: '35.00' }, keyLetter: 'K', relativeValue: '35' }) };

describe('dates that cannot all be true reject the line, with both dates', () => {
  it('a service before the birth date (born 2030, service 2024): rejected under patient; the day of birth itself is accepted', () => {
    const r = run(codes, [], { beneficiary: { birthDate: '2030-01-01' }, claims: [claim('474633', '2024-06-01', { id: 'a' })] });
    expect(r.decisions[0].status).toBe('rejected');
    const [reason] = reasonsOf(r, 'a', 'nomen-born-before-service');
    expect(reason).toMatchObject({ kind: 'patient', outcome: 'violated', rejection: 'implausible-date' });
    expect(reason.message).toBe("474633 is dated 2024-06-01, before the beneficiary's birth date (2030-01-01): one of the two dates is wrong.");
    expect(reason.source.text).toMatch(/born/);
    const sameDay = run(codes, [], { beneficiary: { birthDate: '2024-06-01' }, claims: [claim('474633', '2024-06-01', { id: 'b' }), claim('474633', '2024-05-31', { id: 'c' })] });
    expect(sameDay.decisions.map((d) => d.status)).toEqual(['accepted', 'rejected']);
  });

  it('a line before the admission of its stay: rejected under setting; the admission day is accepted', () => {
    const stay = { id: 'S1', admission: '2024-06-10' };
    const r = run({ ...codes, ...pair('474655', {}) }, [], { claims: [claim('474644', '2024-06-09', { id: 'a', stay }), claim('474644', '2024-06-10', { id: 'b', stay })] });
    expect(r.decisions.map((d) => d.status)).toEqual(['rejected', 'accepted']);
    const [reason] = reasonsOf(r, 'a', 'nomen-stay-admitted-before-service');
    expect(reason).toMatchObject({ kind: 'setting', outcome: 'violated' });
    expect(reason.message).toContain('before the admission of its stay S1 (2024-06-10)');
  });

  it('the messages exist in French and Dutch', () => {
    const req = { beneficiary: { birthDate: '2030-01-01' }, claims: [claim('474633', '2024-06-01', { id: 'a' })] };
    expect(reasonsOf(run(codes, [], req, { locale: 'fr' }), 'a', 'nomen-born-before-service')[0].message).toContain('avant la date de naissance du bénéficiaire (2030-01-01)');
    expect(reasonsOf(run(codes, [], req, { locale: 'nl' }), 'a', 'nomen-born-before-service')[0].message).toContain('vóór de geboortedatum van de rechthebbende (2030-01-01)');
  });
});

describe('the schema refuses what is not a request of real lines', () => {
  const base = { claims: [{ id: 'L1', code: '474633', date: '2024-06-01' }] };
  const errors = (v: unknown) => {
    const r = validateRequest(v);
    // the fast path never accepts what zod refuses
    expect(r.ok).toBe(validateWithZod(v).ok);
    return r.ok ? [] : r.errors;
  };

  it('years such as 0000 and 9999 are not dates of care (claims, history, birth, admission, approvals, periods)', () => {
    for (const date of ['0000-01-01', '9999-12-31', '1899-12-31', '2200-01-01']) {
      expect(errors({ claims: [{ id: 'L1', code: '474633', date }] })[0]).toMatchObject({ path: 'claims[0].date', message: expect.stringContaining('from 1900-01-01 to 2199-12-31') });
      expect(errors({ ...base, history: [{ id: 'H', code: '474633', date }] })[0].path).toBe('history[0].date');
      expect(errors({ ...base, beneficiary: { birthDate: date } })[0].path).toBe('beneficiary.birthDate');
      expect(errors({ claims: [{ id: 'L1', code: '474633', date: '2024-06-01', stay: { admission: date } }] })[0].path).toBe('claims[0].stay.admission');
      expect(errors({ claims: [{ id: 'L1', code: '474633', date: '2024-06-01', approvals: [{ by: 'medical-adviser', date }] }] })[0].path).toBe('claims[0].approvals[0].date');
      expect(errors({ ...base, institutions: [{ id: 'H', conventions: [{ convention: 'x', from: date }] }] })[0].path).toBe('institutions[0].conventions[0].from');
    }
    for (const date of ['1900-01-01', '2199-12-31']) expect(errors({ claims: [{ id: 'L1', code: '474633', date }] })).toEqual([]);
  });

  it('two history lines with one id, and a claim id that is also a history id, are refused naming the line', () => {
    const h = (id: string) => ({ id, code: '474633', date: '2024-01-01' });
    expect(errors({ ...base, history: [h('H1'), h('H2'), h('H1')] })).toEqual([{ path: 'history[2].id', message: 'duplicate history id "H1" (also history[0])' }]);
    expect(errors({ ...base, history: [h('H1'), h('L1')] })).toEqual([{ path: 'claims[0].id', message: 'claim id "L1" is also the id of history[1]: a line is either history or a claim' }]);
    // a long history (checked with a set on the fast path)
    const long = Array.from({ length: 100 }, (_, i) => h(`H${i}`));
    expect(acceptRequest({ ...base, history: long })).not.toBeNull();
    expect(errors({ ...base, history: [...long, h('H50')] })[0].path).toBe('history[100].id');
  });
});
