import { describe, expect, it } from 'vitest';
import { claim, pair, reasonsOf, rule, run, singles, statuses } from './test-support.js';

const codes = {
  ...pair('474530'), ...pair('474552'), ...pair('211013'), ...pair('477374'), ...pair('587134'),
  ...singles(['599001', '599222', '599443', '599465', '599325']),
  '458010': { article: '17bis' },
};

describe('non-cumulation', () => {
  const against = rule({
    id: 'nc',
    kind: 'non-cumulation',
    scope: { pairs: [['474530', '474541'], ['474552', '474563']] },
    params: { within: 'day', mode: 'against', against: { pairs: [['211013', '211024']] }, severity: 'violated' },
  });

  it('same day: the later line is refused, whichever side it is on', () => {
    const a = run(codes, [against], { claims: [claim('474552', '2000-01-01', { id: 'x' }), claim('211013', '2000-01-01', { id: 'y' })] });
    expect(statuses(a)).toEqual(['accepted', 'rejected']);
    expect(reasonsOf(a, 'y', 'nc')[0].message).toContain('x (474552 on 2000-01-01)');
    const b = run(codes, [against], { claims: [claim('211013', '2000-01-01'), claim('474552', '2000-01-01')] });
    expect(statuses(b)).toEqual(['accepted', 'rejected']);
  });

  it('next day: no conflict; within the scope side itself: no conflict', () => {
    const r = run(codes, [against], { claims: [claim('474552', '2000-01-01'), claim('211013', '2000-01-02'), claim('474530', '2000-01-01')] });
    expect(statuses(r)).toEqual(['accepted', 'accepted', 'accepted']);
  });

  it('a history line is never displaced', () => {
    const r = run(codes, [against], { history: [claim('211013', '2000-01-01')], claims: [claim('474552', '2000-01-01')] });
    expect(statuses(r)).toEqual(['rejected']);
  });

  it('decision order is date order, then input order', () => {
    const r = run(codes, [against], { claims: [claim('211013', '2000-01-02', { id: 'late' }), claim('474552', '2000-01-02', { id: 'b' }), claim('474552', '2000-01-01', { id: 'early' })] });
    expect(statuses(r)).toEqual(['accepted', 'rejected', 'accepted']);
    expect(r.decisions.map((d) => d.claim)).toEqual(['late', 'b', 'early']);
  });

  it('among a group per stay: different services exclude each other, repeating one does not', () => {
    const among = rule({ id: 'one', kind: 'non-cumulation', scope: { codes: ['474541', '474563', '477385'] }, params: { within: 'stay', mode: 'among', severity: 'violated' } });
    const stay = { id: 'S', admission: '2000-01-01' };
    const r = run(codes, [among], {
      claims: [claim('474541', '2000-01-02', { stay }), claim('474541', '2000-03-05', { stay }), claim('477385', '2000-03-06', { stay }), claim('477385', '2000-03-06', { stay: { id: 'T', admission: '2000-03-06' } })],
    });
    expect(statuses(r)).toEqual(['accepted', 'accepted', 'rejected', 'accepted']);
  });

  it('ranges among themselves, same day', () => {
    const surv = rule({ id: 'surv', kind: 'non-cumulation', scope: { ranges: [['598006', '599023'], ['599222', '599266'], ['599325', '599421']] }, params: { within: 'day', mode: 'among', severity: 'violated' } });
    const r = run(codes, [surv], { claims: [claim('599001', '2000-01-01'), claim('599222', '2000-01-01'), claim('599325', '2000-01-02'), claim('599443', '2000-01-02')] });
    expect(statuses(r)).toEqual(['accepted', 'rejected', 'accepted', 'accepted']);
  });

  it('against nomenclature articles, as a warning lifted by a motivation', () => {
    const img = rule({
      id: 'img',
      kind: 'non-cumulation',
      scope: { pairs: [['587134', '587145']] },
      params: { within: 'day', mode: 'against', against: { articles: ['17', '17bis'] }, severity: 'warning' },
      exceptions: [{ document: 'motivation' }],
    });
    const r = run(codes, [img], { claims: [claim('587134', '2024-11-18', { id: 'a' }), claim('458010', '2024-11-18', { id: 'i' }), claim('458010', '2024-11-18', { id: 'm', documents: ['motivation'] })] });
    expect(statuses(r)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(reasonsOf(r, 'i', 'img')[0].outcome).toBe('warning');
    expect(reasonsOf(r, 'm', 'img')[0].outcome).toBe('satisfied');
  });

  it('any other line of the same provider, as a warning (technical services)', () => {
    const tech = rule({
      id: 'tech',
      kind: 'non-cumulation',
      scope: { codes: ['599443', '599465'] },
      params: { within: 'day', mode: 'against', anyOther: true, except: { ranges: [['598006', '599421']] }, sameProvider: true, severity: 'warning' },
    });
    const p = { id: 'P1', specialty: 'psychiatry' };
    const r = run(codes, [tech], {
      claims: [claim('599443', '2000-01-01', { id: 'c', provider: p }), claim('599001', '2000-01-01', { id: 's', provider: p }), claim('474552', '2000-01-01', { id: 't', provider: p }), claim('474530', '2000-01-01', { id: 'o', provider: { id: 'P2' } })],
    });
    expect(statuses(r)).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
    expect(reasonsOf(r, 's', 'tech')).toEqual([]);
    expect(reasonsOf(r, 't', 'tech')[0].outcome).toBe('warning');
    expect(reasonsOf(r, 'o', 'tech')).toEqual([]);
  });
});
