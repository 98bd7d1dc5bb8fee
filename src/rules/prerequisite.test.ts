import { describe, expect, it } from 'vitest';
import { claim, pair, reasonsOf, rule, run, singles, statuses } from './test-support.js';

const codes = { ...pair('252652'), ...pair('227636'), ...pair('252674'), ...pair('252755'), ...pair('474633'), ...pair('211013'), ...singles(['599443', '599465', '599480', '247531']) };

describe('prerequisite', () => {
  const bos = rule({ id: 'p', kind: 'prerequisite', scope: { pairs: [['252652', '252663']] }, params: { oneOf: { pairs: [['227636', '227640']] }, count: 1, timing: 'before-or-same-day', sameStay: false, ambulatory: false } });

  it('before or the same day: earlier and same day count, later does not', () => {
    expect(statuses(run(codes, [bos], { history: [claim('227636', '2016-12-01')], claims: [claim('252652', '2017-01-01')] }))).toEqual(['accepted']);
    expect(statuses(run(codes, [bos], { claims: [claim('227636', '2017-01-01'), claim('252652', '2017-01-01')] }))).toEqual(['accepted', 'accepted']);
    expect(statuses(run(codes, [bos], { claims: [claim('252652', '2017-01-01'), claim('227636', '2017-01-02')] }))).toEqual(['rejected', 'accepted']);
  });

  it('a same-day line later in the request does not count yet, and the message says so', () => {
    const r = run(codes, [bos], { claims: [claim('252652', '2017-01-01', { id: 'x' }), claim('227636', '2017-01-01', { id: 'm' })] });
    expect(statuses(r)).toEqual(['rejected', 'accepted']);
    expect(reasonsOf(r, 'x', 'p')[0].message).toContain('m (227636 on 2017-01-01) of the same day comes later');
  });

  it('a rejected line does not count', () => {
    const block = rule({ id: 'b', kind: 'document', scope: { pairs: [['227636', '227640']] }, params: { required: ['x'] } });
    expect(statuses(run(codes, [bos, block], { claims: [claim('227636', '2017-01-01'), claim('252652', '2017-01-02')] }))).toEqual(['rejected', 'rejected']);
  });

  it('strictly before: the same day is not enough', () => {
    const before = rule({ id: 'pb', kind: 'prerequisite', scope: { pairs: [['252755', '252766']] }, params: { oneOf: { pairs: [['252674', '252685']] }, count: 1, timing: 'before', sameStay: false, ambulatory: false } });
    expect(statuses(run(codes, [before], { claims: [claim('252674', '2017-01-01'), claim('252755', '2017-01-01')] }))).toEqual(['accepted', 'rejected']);
    expect(statuses(run(codes, [before], { claims: [claim('252674', '2017-01-01'), claim('252755', '2017-01-02')] }))).toEqual(['accepted', 'accepted']);
  });

  it('two of a list, identical or different', () => {
    const two = rule({ id: 'p2', kind: 'prerequisite', scope: { pairs: [['252674', '252685']] }, params: { oneOf: { pairs: [['227636', '227640']] }, count: 2, timing: 'before-or-same-day', sameStay: false, ambulatory: false } });
    expect(statuses(run(codes, [two], { claims: [claim('227636', '2017-01-01'), claim('252674', '2017-01-01')] }))).toEqual(['accepted', 'rejected']);
    expect(statuses(run(codes, [two], { claims: [claim('227636', '2017-01-01'), claim('227640', '2017-01-01', { stay: { admission: '2017-01-01' } }), claim('252674', '2017-01-01')] }))).toEqual(['accepted', 'accepted', 'accepted']);
  });

  it('same day only', () => {
    const sd = rule({ id: 'sd', kind: 'prerequisite', scope: { pairs: [['474633', '474644']] }, params: { oneOf: { pairs: [['211013', '211024']] }, count: 1, timing: 'same-day', sameStay: false, ambulatory: false } });
    expect(statuses(run(codes, [sd], { history: [claim('211013', '2000-01-01')], claims: [claim('474633', '2000-01-02')] }))).toEqual(['rejected']);
    expect(statuses(run(codes, [sd], { history: [claim('211013', '2000-01-02')], claims: [claim('474633', '2000-01-02')] }))).toEqual(['accepted']);
  });

  it('same day and ambulatory', () => {
    const amb = rule({ id: 'amb', kind: 'prerequisite', scope: { codes: ['599480'] }, params: { oneOf: { codes: ['247531'] }, count: 1, timing: 'same-day', sameStay: false, ambulatory: true } });
    expect(statuses(run(codes, [amb], { claims: [claim('247531', '2000-01-01'), claim('599480', '2000-01-01')] }))).toEqual(['accepted', 'accepted']);
    expect(statuses(run(codes, [amb], { claims: [claim('247531', '2000-01-01', { stay: { admission: '2000-01-01' } }), claim('599480', '2000-01-01')] }))).toEqual(['accepted', 'rejected']);
  });

  it('strictly before in the same stay; no stay is a violation', () => {
    const ss = rule({ id: 'ss', kind: 'prerequisite', scope: { codes: ['599465'] }, params: { oneOf: { codes: ['599443'] }, count: 1, timing: 'before', sameStay: true, ambulatory: false } });
    const s1 = { id: 'S1', admission: '2000-01-01' };
    const s2 = { id: 'S2', admission: '2000-02-01' };
    expect(statuses(run(codes, [ss], { claims: [claim('599443', '2000-01-01', { stay: s1 }), claim('599465', '2000-01-02', { stay: s1 })] }))).toEqual(['accepted', 'accepted']);
    expect(statuses(run(codes, [ss], { claims: [claim('599443', '2000-01-01', { stay: s1 }), claim('599465', '2000-02-02', { stay: s2 })] }))).toEqual(['accepted', 'rejected']);
    const r = run(codes, [ss], { claims: [claim('599465', '2000-02-02', { id: 'n' })] });
    expect((reasonsOf(r, 'n', 'ss')[0].detail as { code: string }).code).toBe('prerequisite.no-stay');
  });
});
