/** approval, provider, patient, place, document, tier, warning. */
import { describe, expect, it } from 'vitest';
import { endOfStayMonth } from './tier.js';
import { claim, pair, reasonsOf, rule, run, singles, statuses } from './test-support.js';

const codes = { ...pair('252696'), ...pair('587134'), ...pair('474014'), ...pair('474633'), ...singles(['599325', '599340', '599362', '599443']) };

describe('approval', () => {
  const a = rule({ id: 'a', kind: 'approval', scope: { pairs: [['252696', '252700']] }, params: { by: ['college-of-medical-directors'] } });
  it('before / on / after the service; wrong authority', () => {
    const by = 'college-of-medical-directors' as const;
    const r = run(codes, [a], {
      claims: [
        claim('252696', '2017-03-01', { id: 'before', approvals: [{ by, date: '2017-02-28' }] }),
        claim('252696', '2017-03-01', { id: 'same', approvals: [{ by, date: '2017-03-01' }] }),
        claim('252696', '2017-03-01', { id: 'after', approvals: [{ by, date: '2017-03-02' }] }),
        claim('252696', '2017-03-01', { id: 'other', approvals: [{ by: 'medical-adviser', date: '2017-01-01' }] }),
        claim('252696', '2017-03-01', { id: 'none' }),
      ],
    });
    expect(statuses(r)).toEqual(['accepted', 'accepted', 'rejected', 'rejected', 'rejected']);
    expect(reasonsOf(r, 'after', 'a')[0].rejection).toBe('approval-after-service');
  });
});

describe('provider', () => {
  const p = rule({
    id: 'p',
    kind: 'provider',
    scope: { pairs: [['587134', '587145']] },
    params: {
      alternatives: [
        { specialty: ['radiodiagnosis'], qualifications: ['interventional-radiology'], collaborator: null },
        { specialty: ['urology'], qualifications: [], collaborator: { specialty: ['radiodiagnosis'], qualifications: ['interventional-radiology'] } },
        { specialty: ['pneumology'], qualifications: ['oncology'], collaborator: { specialty: ['radiodiagnosis'], qualifications: ['interventional-radiology'] } },
      ],
    },
  });
  const ir = { specialty: 'radiodiagnosis', qualifications: ['interventional-radiology'] };
  it('specialty, qualification, collaborator', () => {
    const r = run(codes, [p], {
      claims: [
        claim('587134', '2024-11-18', { id: 'ir', provider: ir }),
        claim('587134', '2024-11-19', { id: 'rad', provider: { specialty: 'radiodiagnosis' } }),
        claim('587134', '2024-11-20', { id: 'uro', provider: { specialty: 'urology' }, collaborator: ir }),
        claim('587134', '2024-11-21', { id: 'uro-alone', provider: { specialty: 'urology' } }),
        claim('587134', '2024-11-22', { id: 'pneumo', provider: { specialty: 'pneumology' }, collaborator: ir }),
        claim('587134', '2024-11-23', { id: 'pneumo-onco', provider: { specialty: 'pneumology', qualifications: ['oncology'] }, collaborator: ir }),
        claim('587134', '2024-11-24', { id: 'none' }),
      ],
    });
    expect(statuses(r)).toEqual(['accepted', 'rejected', 'accepted', 'rejected', 'rejected', 'accepted', 'accepted']);
    expect(reasonsOf(r, 'none', 'p')[0].outcome).toBe('warning');
    expect((reasonsOf(r, 'uro-alone', 'p')[0].detail as { code: string }).code).toBe('provider.collaborator-missing');
  });
});

describe('patient', () => {
  const age = rule({ id: 'age', kind: 'patient', scope: { pairs: [['474014', '474025']] }, params: { age: { under: 7 } } });
  it('age in completed years: 6 accepted, 7 refused (the 7th birthday), missing birth date: warning', () => {
    const six = run(codes, [age], { beneficiary: { birthDate: '2000-05-10' }, claims: [claim('474014', '2007-05-09')] });
    const seven = run(codes, [age], { beneficiary: { birthDate: '2000-05-10' }, claims: [claim('474014', '2007-05-10', { id: 's' })] });
    const none = run(codes, [age], { claims: [claim('474014', '2007-05-10', { id: 'n' })] });
    expect(statuses(six)).toEqual(['accepted']);
    expect(statuses(seven)).toEqual(['rejected']);
    expect(reasonsOf(seven, 's', 'age')[0].message).toContain('is 7');
    expect(reasonsOf(none, 'n', 'age')[0].outcome).toBe('warning');
  });
  it('sex', () => {
    const sex = rule({ id: 'sex', kind: 'patient', scope: { pairs: [['474014', '474025']] }, params: { sex: 'F' } });
    expect(statuses(run(codes, [sex], { beneficiary: { sex: 'M' }, claims: [claim('474014', '2000-01-01')] }))).toEqual(['rejected']);
    expect(statuses(run(codes, [sex], { beneficiary: { sex: 'F' }, claims: [claim('474014', '2000-01-01')] }))).toEqual(['accepted']);
  });
  it('hospital service allowed (case sensitive), forbidden, required stay', () => {
    const nn = rule({ id: 'nn', kind: 'patient', scope: { pairs: [['474633', '474644']] }, params: { services: { allowed: ['N', 'n'], requireStay: true, otherwise: 'violated' } } });
    const forbid = rule({ id: 'fb', kind: 'patient', scope: { codes: ['599443'] }, params: { services: { forbidden: ['A', 'K', 'T', 'V', 'Tf'], requireStay: false, otherwise: 'violated' } } });
    const r = run(codes, [nn, forbid], {
      claims: [
        claim('474644', '2000-01-01', { stay: { admission: '2000-01-01', service: 'n' } }),
        claim('474644', '2000-01-02', { stay: { admission: '2000-01-01', service: 'C' } }),
        claim('474633', '2000-01-03'),
        claim('599443', '2000-01-01', { stay: { admission: '2000-01-01', service: 'Tf' } }),
        claim('599443', '2000-01-01', { stay: { admission: '2000-01-01', service: 'C' } }),
        claim('599443', '2000-01-01', { id: 'amb' }),
      ],
    });
    expect(statuses(r)).toEqual(['accepted', 'rejected', 'rejected', 'rejected', 'accepted', 'accepted']);
    expect(reasonsOf(r, 'amb', 'fb')).toEqual([]);
  });
});

describe('place', () => {
  const pl = rule({ id: 'pl', kind: 'place', scope: { pairs: [['587134', '587145']] }, params: { convention: 'percutaneous-tumour-ablation' } });
  const reg = [{ id: 'H1', conventions: [{ convention: 'percutaneous-tumour-ablation', from: '2024-11-01', to: '2029-10-31' }] }, { id: 'H2', conventions: [] }];
  it('convention in force on the date; unknown institution; request institutions override the registry', () => {
    const r = run(codes, [pl], {
      claims: [
        claim('587134', '2024-11-01', { institution: 'H1' }),
        claim('587134', '2029-10-31', { institution: 'H1' }),
        claim('587134', '2029-11-01', { institution: 'H1' }),
        claim('587134', '2024-11-18', { institution: 'H2' }),
        claim('587134', '2024-11-18', { institution: 'H9' }),
        claim('587134', '2024-11-18', { id: 'none' }),
      ],
    }, { institutions: reg });
    expect(statuses(r)).toEqual(['accepted', 'accepted', 'rejected', 'rejected', 'rejected', 'accepted']);
    expect(reasonsOf(r, 'none', 'pl')[0].outcome).toBe('warning');
    const o = run(codes, [pl], { institutions: [{ id: 'H2', conventions: [{ convention: 'percutaneous-tumour-ablation', from: '2024-11-01' }] }], claims: [claim('587134', '2024-11-18', { institution: 'H2' })] }, { institutions: reg });
    expect(statuses(o)).toEqual(['accepted']);
  });
});

describe('document', () => {
  const d = rule({ id: 'd', kind: 'document', scope: { pairs: [['587134', '587145']] }, params: { required: ['pre-ablation-report', 'mdt-approval'] } });
  it('all required documents', () => {
    const r = run(codes, [d], { claims: [claim('587134', '2024-11-18', { id: 'x', documents: ['pre-ablation-report'] }), claim('587134', '2024-11-19', { documents: ['mdt-approval', 'pre-ablation-report'] })] });
    expect(statuses(r)).toEqual(['rejected', 'accepted']);
    expect(reasonsOf(r, 'x', 'd')[0].message).toContain('mdt-approval');
  });
});

describe('tier', () => {
  it('end of the n-th month of a stay', () => {
    expect(endOfStayMonth('2024-01-15', 6)).toBe('2024-07-14');
    expect(endOfStayMonth('2024-08-31', 6)).toBe('2025-02-27');
  });
  const t1 = rule({ id: 't1', kind: 'tier', scope: { codes: ['599325'] }, params: { fromDay: 1, toDay: 5, endOfMonth: null } });
  const t2 = rule({ id: 't2', kind: 'tier', scope: { codes: ['599340'] }, params: { fromDay: 6, toDay: 60, endOfMonth: null } });
  const t3 = rule({ id: 't3', kind: 'tier', scope: { codes: ['599362'] }, params: { fromDay: 61, toDay: null, endOfMonth: 6 } });
  const stay = { id: 'S', admission: '2024-01-15' };
  it('day 5/6, 60/61, end of the 6th month, before admission, no stay', () => {
    const r = run(codes, [t1, t2, t3], {
      claims: [
        claim('599325', '2024-01-19', { stay }), // day 5
        claim('599325', '2024-01-20', { stay }), // day 6
        claim('599340', '2024-01-20', { stay }), // day 6
        claim('599340', '2024-03-14', { stay }), // day 60
        claim('599340', '2024-03-15', { stay }), // day 61
        claim('599362', '2024-03-15', { stay }), // day 61
        claim('599362', '2024-07-14', { stay }), // last day of the 6th month
        claim('599362', '2024-07-15', { stay }), // after
        claim('599325', '2024-01-14', { stay }), // before admission
        claim('599325', '2024-01-16'), // no stay
      ],
    });
    expect(statuses(r)).toEqual(['accepted', 'rejected', 'accepted', 'accepted', 'rejected', 'accepted', 'accepted', 'rejected', 'rejected', 'rejected']);
  });
});

describe('warning', () => {
  it('never rejects, always says what it could not check', () => {
    const w = rule({ id: 'w', kind: 'warning', scope: { pairs: [['587134', '587145']] }, params: { about: 'patient', note: { en: 'cannot check X', fr: 'impossible de vérifier X' } } });
    const r = run(codes, [w], { claims: [claim('587134', '2024-11-18', { id: 'x' })] }, { locale: 'fr' });
    expect(statuses(r)).toEqual(['accepted']);
    const reason = reasonsOf(r, 'x', 'w')[0];
    expect(reason).toMatchObject({ kind: 'patient', outcome: 'warning' });
    expect(reason.message).toContain('impossible de vérifier X');
  });
});
