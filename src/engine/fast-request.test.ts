/**
 * The hand-written request check against zod, the source of truth: on the legal cases, on
 * mutations of them, and on dates. The fast check may refuse a valid request (zod then decides),
 * but must never accept what zod refuses, nor accept a request zod would change.
 */
import { describe, expect, it } from 'vitest';
import { acceptRequest, isZodIsoDate } from './fast-request.js';
import { legalRequests } from './test-support.js';
import { IsoDateSchema, validateRequest, validateWithZod } from './schema.js';

type Obj = Record<string, unknown>;

/** Same data, key order aside (zod rebuilds objects in its own key order). */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Obj)[k])]));
  return v;
}

function agrees(value: unknown): void {
  const fast = acceptRequest(value);
  const zod = validateWithZod(value);
  if (fast !== null) {
    expect(zod.ok, JSON.stringify(value)).toBe(true);
    if (zod.ok) expect(canonical(fast)).toEqual(canonical(zod.request));
  }
  // validateRequest answers as zod does, errors included
  expect(validateRequest(value)).toEqual(fast !== null ? { ok: true, request: fast } : zod);
}

describe('fast request check', () => {
  const requests = legalRequests();

  it('accepts every legal case, giving what zod gives', () => {
    expect(requests.length).toBeGreaterThan(50);
    for (const r of requests) {
      expect(acceptRequest(r), JSON.stringify(r)).not.toBeNull();
      agrees(r);
    }
  });

  it('never accepts what zod refuses or would change (mutations of the legal cases)', () => {
    const mutations: ((r: Obj) => void)[] = [
      (r) => { r.claim = []; },
      (r) => { delete r.claims; },
      (r) => { r.claims = []; },
      (r) => { (r.claims as Obj[])[0].date = '2023-02-29'; },
      (r) => { (r.claims as Obj[])[0].date = '2024-1-01'; },
      (r) => { (r.claims as Obj[])[0].id = ''; },
      (r) => { (r.claims as Obj[])[0].code = 587134; },
      (r) => { (r.claims as Obj[])[0].units = 0; },
      (r) => { (r.claims as Obj[])[0].units = 1.5; },
      (r) => { (r.claims as Obj[])[0].units = 2 ** 53; },
      (r) => { (r.claims as Obj[])[0].units = null; },
      (r) => { (r.claims as Obj[])[0].extra = 1; },
      (r) => { (r.claims as Obj[])[0].side = 'both'; },
      (r) => { (r.claims as Obj[])[0].stay = { id: 'S' }; },
      (r) => { (r.claims as Obj[])[0].stay = { admission: '2024-01-01', ward: 'x' }; },
      (r) => { (r.claims as Obj[])[0].provider = { specialty: 'x', extra: true }; },
      (r) => { (r.claims as Obj[])[0].collaborator = { id: 'c', specialty: 'x' }; },
      (r) => { (r.claims as Obj[])[0].approvals = [{ by: 'someone', date: '2024-01-01' }]; },
      (r) => { (r.claims as Obj[])[0].approvals = [{ by: 'medical-adviser' }]; },
      (r) => { (r.claims as Obj[])[0].documents = ['']; },
      (r) => { (r.claims as Obj[])[0].indication = { organ: 'heart' }; },
      (r) => { (r.claims as Obj[])[0].indication = { organ: 'liver', sizeCm: -1 }; },
      (r) => { (r.claims as Obj[])[0].indication = { organ: 'liver', colour: 'red' }; },
      (r) => { (r.claims as Obj[]).push({ ...(r.claims as Obj[])[0] }); },
      (r) => { r.beneficiary = { id: 'x', birthDate: '1958-02-30' }; },
      (r) => { r.beneficiary = { sex: 'Q' }; },
      (r) => { r.beneficiary = { preferential: 'yes' }; },
      (r) => { r.beneficiary = null; },
      (r) => { r.institutions = [{ id: 'H', conventions: [{ convention: 'c', from: '2024-02-30' }] }]; },
      (r) => { r.institutions = [{ id: 'H' }]; },
      (r) => { r.institutions = [{ id: 'H', conventions: [{ convention: 'c', from: null, to: null, x: 1 }] }]; },
      (r) => { r.history = [{ id: 'h', code: '587134' }]; },
      (r) => { r.history = [{ id: 'h', code: '587134', date: '2024-01-01' }, { id: 'h', code: '587134', date: '2024-01-01' }]; },
    ];
    let refused = 0;
    for (const r of requests.slice(0, 20)) {
      for (const m of mutations) {
        const copy = JSON.parse(JSON.stringify(r)) as Obj;
        m(copy);
        agrees(copy);
        if (acceptRequest(copy) === null) refused++;
      }
    }
    expect(refused).toBeGreaterThan(20 * (mutations.length - 3));
  });

  it('dates: the same set as zod’s ISO date', () => {
    const samples: string[] = ['0000-02-29', '0004-02-29', '0100-02-29', '1900-02-29', '2000-02-29', '2023-02-29', '2024-02-29', '9999-12-31', '2024-00-10', '2024-13-01', '2024-04-31', '2024-04-30', '2024-01-00', '2024-1-01', '2024-01-1', '2024/01/01', '２０２４-01-01', '2024-01-01 ', ' 2024-01-01', '20240101', ''];
    for (let y = 1896; y <= 2104; y += 1) for (let m = 0; m <= 13; m++) for (const d of [0, 1, 28, 29, 30, 31, 32]) samples.push(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    for (const s of samples) expect(isZodIsoDate(s), s).toBe(IsoDateSchema.safeParse(s).success);
    expect(isZodIsoDate(20240101)).toBe(false);
  });
});
