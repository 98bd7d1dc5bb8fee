import { describe, expect, it } from 'vitest';
import { claim, pair, reasonsOf, rule, run, singles, statuses } from './test-support.js';

const codes = { ...pair('474633'), ...pair('474552'), ...pair('252652'), ...singles(['599443', '599465']), ...pair('350755'), ...pair('350770') };

describe('frequency', () => {
  const perDay = rule({ id: 'f-day', kind: 'frequency', scope: { pairs: [['474633', '474644']] }, params: { max: 1, period: { unit: 'day' }, together: true } });

  it('once per calendar day: same day refused, next day accepted; both codes of a pair count together', () => {
    const r = run(codes, [perDay], {
      claims: [
        claim('474633', '2000-03-01', { id: 'a' }),
        claim('474633', '2000-03-01', { id: 'b' }),
        claim('474644', '2000-03-01', { id: 'c', stay: { id: 'S', admission: '2000-02-28' } }),
        claim('474633', '2000-03-02', { id: 'd' }),
      ],
    });
    expect(statuses(r)).toEqual(['accepted', 'rejected', 'rejected', 'accepted']);
    const v = reasonsOf(r, 'b', 'f-day')[0];
    expect(v.outcome).toBe('violated');
    expect(v.message).toContain('a (474633 on 2000-03-01)');
    expect(v.message).toContain('calendar day');
  });

  it('history counts, and a history line is never displaced', () => {
    const r = run(codes, [perDay], { history: [claim('474633', '2000-03-01', { id: 'h' })], claims: [claim('474633', '2000-03-01', { id: 'x' })] });
    expect(statuses(r)).toEqual(['rejected']);
    expect(reasonsOf(r, 'x', 'f-day')[0].message).toContain('history');
  });

  it('units count', () => {
    const r = run(codes, [perDay], { claims: [claim('474633', '2000-03-01', { units: 2 })] });
    expect(statuses(r)).toEqual(['rejected']);
  });

  const perYear = rule({ id: 'f-year', kind: 'frequency', scope: { pairs: [['474552', '474563']] }, params: { max: 1, period: { unit: 'year' }, together: true }, exceptions: [{ document: 'apnoea-pathology-proven' }] });

  it('once per calendar year: 31 Dec / 1 Jan boundary', () => {
    const r = run(codes, [perYear], {
      claims: [claim('474552', '2000-01-01', { id: 'a' }), claim('474552', '2000-12-31', { id: 'b' }), claim('474552', '2001-01-01', { id: 'c' })],
    });
    expect(statuses(r)).toEqual(['accepted', 'rejected', 'accepted']);
    expect(reasonsOf(r, 'b', 'f-year')[0].message).toContain('2000-01-01 to 2000-12-31');
  });

  it('an exception document lifts the limit', () => {
    const r = run(codes, [perYear], {
      claims: [claim('474552', '2000-01-01'), claim('474552', '2000-06-01', { id: 'b', documents: ['apnoea-pathology-proven'] })],
    });
    expect(statuses(r)).toEqual(['accepted', 'accepted']);
    const x = reasonsOf(r, 'b', 'f-year')[0];
    expect(x.outcome).toBe('satisfied');
    expect((x.detail as { code: string }).code).toBe('exception.document');
  });

  it('an approval exception counts only when dated on or before the service', () => {
    const adviser = rule({ ...perYear, id: 'f-adv', exceptions: [{ approval: { by: ['medical-adviser'] } }] });
    const r = run(codes, [adviser], {
      claims: [
        claim('474552', '2000-01-01'),
        claim('474552', '2000-06-01', { id: 'ok', approvals: [{ by: 'medical-adviser', date: '2000-06-01' }] }),
        claim('474552', '2000-07-01', { id: 'late', approvals: [{ by: 'medical-adviser', date: '2000-07-02' }] }),
      ],
    });
    expect(statuses(r)).toEqual(['accepted', 'accepted', 'rejected']);
  });

  it('once per stay; without a stay: warning', () => {
    const perStay = rule({ id: 'f-stay', kind: 'frequency', scope: { codes: ['599443'] }, params: { max: 1, period: { unit: 'stay' }, together: true } });
    const stay = { id: 'S1', admission: '2000-01-01' };
    const r = run(codes, [perStay], {
      claims: [claim('599443', '2000-01-02', { id: 'a', stay }), claim('599443', '2000-01-20', { id: 'b', stay }), claim('599443', '2000-01-20', { id: 'c', stay: { id: 'S2', admission: '2000-01-19' } }), claim('599443', '2000-02-20', { id: 'd' })],
    });
    expect(statuses(r)).toEqual(['accepted', 'rejected', 'accepted', 'accepted']);
    expect(reasonsOf(r, 'd', 'f-stay')[0].outcome).toBe('warning');
  });

  it('once per started 7-day period: day 7 / day 8', () => {
    const p7 = rule({ id: 'f-7', kind: 'frequency', scope: { codes: ['599465'] }, params: { max: 1, period: { unit: 'stay-period', days: 7 }, together: true } });
    const stay = { id: 'S1', admission: '2000-01-01' };
    const r = run(codes, [p7], {
      claims: [
        claim('599465', '2000-01-01', { id: 'd1', stay }),
        claim('599465', '2000-01-07', { id: 'd7', stay }),
        claim('599465', '2000-01-08', { id: 'd8', stay }),
        claim('599465', '2000-01-14', { id: 'd14', stay }),
        claim('599465', '2000-01-15', { id: 'd15', stay }),
      ],
    });
    expect(statuses(r)).toEqual(['accepted', 'rejected', 'accepted', 'rejected', 'accepted']);
    expect(reasonsOf(r, 'd7', 'f-7')[0].message).toContain('2000-01-01 to 2000-01-07');
  });

  it('once per side; the side missing gives a warning, beyond two lines it is exceeded', () => {
    const side = rule({ id: 'f-side', kind: 'frequency', scope: { pairs: [['252652', '252663']] }, params: { max: 1, period: { unit: 'lifetime' }, together: true, perSide: true } });
    const r = run(codes, [side], {
      claims: [
        claim('252652', '2017-01-01', { id: 'l', side: 'left' }),
        claim('252652', '2018-01-01', { id: 'r', side: 'right' }),
        claim('252652', '2019-01-01', { id: 'l2', side: 'left' }),
        claim('252652', '2020-01-01', { id: 'x' }),
      ],
    });
    expect(statuses(r)).toEqual(['accepted', 'accepted', 'rejected', 'rejected']);
    const r2 = run(codes, [side], { claims: [claim('252652', '2017-01-01', { id: 'n' })] });
    expect(reasonsOf(r2, 'n', 'f-side')[0].outcome).toBe('warning');
  });

  it('since an anchor: once per consultation, each code on its own', () => {
    const anchor = rule({ id: 'f-anchor', kind: 'frequency', scope: { pairs: [['350770', '350781']] }, params: { max: 1, period: { unit: 'since', anchor: { pairs: [['350755', '350766']] } }, together: false } });
    const r = run(codes, [anchor], {
      claims: [
        claim('350755', '2024-11-05'),
        claim('350770', '2024-11-05', { id: 'p1' }),
        claim('350770', '2024-11-20', { id: 'p2' }),
        claim('350755', '2025-03-01'),
        claim('350770', '2025-03-01', { id: 'p3' }),
      ],
    });
    expect(statuses(r)).toEqual(['accepted', 'accepted', 'rejected', 'accepted', 'accepted']);
  });

  it('counting each service on its own (together: false)', () => {
    const each = rule({ id: 'f-each', kind: 'frequency', scope: { pairs: [['474633', '474644'], ['474552', '474563']] }, params: { max: 1, period: { unit: 'day' }, together: false } });
    const r = run(codes, [each], { claims: [claim('474633', '2000-01-01'), claim('474552', '2000-01-01'), claim('474552', '2000-01-01')] });
    expect(statuses(r)).toEqual(['accepted', 'accepted', 'rejected']);
  });
});
