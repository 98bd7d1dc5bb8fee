import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CheckRequest, CheckResponse, formatPath, parseRequest, validateRequest } from './schema.js';

const ok = { claims: [{ id: 'L1', code: '587134', date: '2024-11-18' }] };

describe('request schema', () => {
  it('accepts the minimal request and the contract example', () => {
    expect(validateRequest(ok).ok).toBe(true);
    const example = {
      beneficiary: { id: 'P-001', birthDate: '1958-03-14', sex: 'F', preferential: false },
      institutions: [{ id: 'H-71001', conventions: [{ convention: 'percutaneous-tumour-ablation', from: '2024-11-01', to: '2029-10-31' }] }],
      history: [],
      claims: [{
        id: 'L1', code: '587134', date: '2024-11-18', units: 1,
        provider: { id: '10012345190', specialty: 'radiodiagnosis', qualifications: ['interventional-radiology'] },
        collaborator: { specialty: 'urology', qualifications: [] },
        institution: 'H-71001', stay: { id: 'S1', admission: '2024-11-17', service: 'C' }, side: 'left', lesion: 'liver-segment-7',
        approvals: [{ by: 'college-of-medical-directors', date: '2024-10-02' }], documents: ['pre-ablation-report', 'mdt-approval'],
      }],
    };
    expect(validateRequest(example).ok).toBe(true);
  });

  it('names the field path of each error', () => {
    const r = validateRequest({ claims: [ok.claims[0], ok.claims[0], { id: 'L3', code: '587134', date: '2023-02-29' }] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.errors.map((e) => e.path);
    expect(paths).toContain('claims[2].date');
    expect(paths).toContain('claims[1].id');
  });

  it('requires id, code, date; a non-empty claims array; real dates', () => {
    const paths = (v: unknown) => { const r = validateRequest(v); return r.ok ? [] : r.errors.map((e) => e.path); };
    expect(paths({ claims: [] })).toEqual(['claims']);
    expect(paths({})).toEqual(['claims']);
    expect(paths({ claims: [{ code: '587134', date: '2024-11-18' }] })).toEqual(['claims[0].id']);
    expect(paths({ claims: [{ id: 'a', code: '587134', date: '18/11/2024' }] })).toEqual(['claims[0].date']);
    expect(paths({ claims: [{ id: 'a', code: '587134', date: '2024-13-01' }] })).toEqual(['claims[0].date']);
    expect(paths({ beneficiary: { birthDate: '1958-02-30' }, ...ok })).toEqual(['beneficiary.birthDate']);
    expect(paths({ claims: [{ id: 'a', code: '587134', date: '2024-11-18', stay: { id: 'S' } }] })).toEqual(['claims[0].stay.admission']);
    expect(paths({ claims: [{ id: 'a', code: '587134', date: '2024-11-18', approvals: [{ by: 'someone', date: '2024-01-01' }] }] })).toEqual(['claims[0].approvals[0].by']);
  });

  it('rejects unknown top-level fields, ignores unknown nested ones', () => {
    const r = validateRequest({ ...ok, claim: [] });
    expect(r.ok ? [] : r.errors).toEqual([{ path: 'claim', message: 'unknown field (not part of the request)' }]);
    expect(validateRequest({ claims: [{ ...ok.claims[0], extra: 1 }] }).ok).toBe(true);
  });

  it('a code of the wrong shape is decided, not refused by the schema', () => {
    expect(validateRequest({ claims: [{ id: 'a', code: '12345', date: '2024-11-18' }] }).ok).toBe(true);
  });

  it('reports invalid JSON at the root', () => {
    const r = parseRequest('{"claims": [');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].path).toBe('');
  });

  it('formats paths', () => {
    expect(formatPath(['claims', 2, 'date'])).toBe('claims[2].date');
    expect(formatPath([])).toBe('');
  });

  it('converts to JSON Schema (for OpenAPI)', () => {
    type S = { $defs: Record<string, { properties: Record<string, unknown>; required: string[]; additionalProperties: boolean }> };
    const all = z.toJSONSchema(CheckRequest) as S;
    const req = all.$defs.CheckRequest;
    expect(req.required).toEqual(['claims']);
    expect(req.additionalProperties).toBe(false);
    expect(all.$defs.Claim.required).toEqual(['id', 'code', 'date']);
    const res = (z.toJSONSchema(CheckResponse) as S).$defs.CheckResponse;
    expect(Object.keys(res.properties)).toEqual(['beneficiary', 'decisions']);
    expect(JSON.stringify(all)).toContain('"format":"date"');
  });
});

describe('ISO dates agree with src/date.ts', () => {
  it('on every day of 1900–2100 boundaries and invalid days', async () => {
    const { isIsoDate } = await import('../date.js');
    const { IsoDateSchema } = await import('./schema.js');
    for (const y of [1900, 1999, 2000, 2023, 2024, 2100]) {
      for (let m = 1; m <= 12; m++) {
        for (const d of [28, 29, 30, 31, 32]) {
          const s = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          expect(IsoDateSchema.safeParse(s).success, s).toBe(isIsoDate(s));
        }
      }
    }
  });
});
