import { describe, expect, it } from 'vitest';
import { claim, pair, reasonsOf, rule, run, singles, statuses } from '../rules/test-support.js';

const codes = {
  ...pair('474633', { fee: '50.00', reimbursement: { preferential: '45.00', standard: '35.00' }, keyLetter: 'K', relativeValue: '35' }),
  ...singles(['211013'], { status: 'referenced' }),
  ...pair('474316', { to: '1994-12-31' }),
  ...pair('354255', { from: '1995-01-01' }),
};
const once = rule({ id: 'once', kind: 'frequency', scope: { pairs: [['474633', '474644']] }, params: { max: 1, period: { unit: 'day' }, together: true } });

describe('decide', () => {
  it('one decision per claim in request order; history gets none', () => {
    const r = run(codes, [once], { history: [claim('474633', '2000-01-01', { id: 'h' })], claims: [claim('474633', '2000-01-03', { id: 'c' }), claim('474633', '2000-01-02', { id: 'b' })] });
    expect(r.decisions.map((d) => d.claim)).toEqual(['c', 'b']);
  });

  it('fee and reimbursement by regime and units; a rejected line is reimbursed 0.00', () => {
    const std = run(codes, [once], { claims: [claim('474633', '2000-01-01', { id: 'a', units: 1 }), claim('474633', '2000-01-01', { id: 'b' })] });
    expect(std.decisions[0]).toMatchObject({ fee: '50.00', reimbursement: '35.00', keyLetter: 'K', relativeValue: '35', setting: 'ambulatory' });
    expect(std.decisions[1]).toMatchObject({ status: 'rejected', fee: '50.00', reimbursement: '0.00' });
    const pref = run(codes, [], { beneficiary: { preferential: true }, claims: [claim('474633', '2000-01-01', { units: 3 })] });
    expect(pref.decisions[0]).toMatchObject({ fee: '150.00', reimbursement: '135.00' });
  });

  it('unknown codes and codes not in force stop there', () => {
    const r = run(codes, [once], {
      claims: [claim('474634', '2000-01-01', { id: 'digit' }), claim('999994', '2000-01-01', { id: 'unk' }), claim('474316', '1995-01-01', { id: 'del' }), claim('354255', '1994-12-31', { id: 'early' }), claim('474316', '1994-12-31', { id: 'ok' })],
    });
    expect(statuses(r)).toEqual(['rejected', 'rejected', 'rejected', 'rejected', 'accepted']);
    expect(reasonsOf(r, 'digit').map((x) => x.kind)).toEqual(['unknown-code']);
    expect(reasonsOf(r, 'digit')[0].message).toContain('expected 474633');
    expect(reasonsOf(r, 'del').map((x) => x.kind)).toEqual(['not-in-force']);
    expect(reasonsOf(r, 'unk')[0].rejection).toBe('code-unknown');
  });

  it('a referenced code is decided by its rules, with a warning that its definition is missing', () => {
    const nc = rule({ id: 'nc', kind: 'non-cumulation', scope: { codes: ['211013'] }, params: { within: 'day', mode: 'against', against: { pairs: [['474633', '474644']] }, severity: 'violated' } });
    const r = run(codes, [nc], { claims: [claim('474633', '2000-01-01'), claim('211013', '2000-01-01', { id: 'x' })] });
    expect(statuses(r)).toEqual(['accepted', 'rejected']);
    expect(reasonsOf(r, 'x').map((x) => [x.kind, x.outcome])).toEqual([['not-in-force', 'warning'], ['non-cumulation', 'violated']]);
    expect(r.decisions[1].fee).toBeNull();
  });

  it('the setting check names the right twin', () => {
    const r = run(codes, [], { claims: [claim('474633', '2000-01-01', { id: 'a', stay: { admission: '2000-01-01' } }), claim('474644', '2000-01-01', { id: 'h' })] });
    expect(reasonsOf(r, 'a')[0].message).toContain('474644');
    expect(reasonsOf(r, 'h')[0].message).toContain('474633');
    expect(r.decisions[0].setting).toBe('hospitalised');
  });

  it('rules apply only within their validity', () => {
    const later = rule({ ...once, id: 'later', validity: { from: '2001-01-01', to: '2001-12-31' } });
    const r = run(codes, [later], { claims: [claim('474633', '2000-01-01'), claim('474633', '2000-01-01'), claim('474633', '2001-01-01'), claim('474633', '2001-01-01'), claim('474633', '2002-01-01'), claim('474633', '2002-01-01')] });
    expect(statuses(r)).toEqual(['accepted', 'accepted', 'accepted', 'rejected', 'accepted', 'accepted']);
  });

  it('renders in the requested locale', () => {
    const r = run(codes, [once], { claims: [claim('474633', '2000-01-01'), claim('474633', '2000-01-01', { id: 'b' })] }, { locale: 'nl' });
    expect(reasonsOf(r, 'b', 'once')[0].message).toContain('kalenderdag');
  });
});
