import { describe, expect, it } from 'vitest';
import { earliestAfter } from './interval.js';
import { claim, pair, reasonsOf, rule, run, statuses } from './test-support.js';

const codes = { ...pair('474530'), ...pair('587134'), ...pair('587156') };

describe('interval', () => {
  it('month arithmetic clamps to the end of the month', () => {
    expect(earliestAfter('2000-12-31', 2, 0)).toBe('2001-02-28');
    expect(earliestAfter('2024-01-31', 1, 0)).toBe('2024-02-29');
    expect(earliestAfter('2024-01-10', 0, 5)).toBe('2024-01-15');
  });

  const twoMonths = rule({ id: 'i2', kind: 'interval', scope: { codes: ['474541'] }, params: { months: 2, days: 0, sameLesion: false, together: true } });
  const stay = { id: 'S', admission: '2000-01-01' };

  it('2 months minus a day refused, exactly 2 months and plus a day accepted', () => {
    const minus = run(codes, [twoMonths], { claims: [claim('474541', '2000-01-10', { stay }), claim('474541', '2000-03-09', { id: 'x', stay })] });
    expect(statuses(minus)).toEqual(['accepted', 'rejected']);
    expect(reasonsOf(minus, 'x', 'i2')[0].message).toContain('2000-03-10');
    const exact = run(codes, [twoMonths], { claims: [claim('474541', '2000-01-10', { stay }), claim('474541', '2000-03-10', { stay })] });
    expect(statuses(exact)).toEqual(['accepted', 'accepted']);
    const plus = run(codes, [twoMonths], { claims: [claim('474541', '2000-01-10', { stay }), claim('474541', '2000-03-11', { stay })] });
    expect(statuses(plus)).toEqual(['accepted', 'accepted']);
  });

  it('a later history line counts too', () => {
    const r = run(codes, [twoMonths], { history: [claim('474541', '2000-03-01', { stay })], claims: [claim('474541', '2000-02-01', { stay })] });
    expect(statuses(r)).toEqual(['rejected']);
  });

  const lesion = rule({
    id: 'i3',
    kind: 'interval',
    scope: { pairs: [['587134', '587145'], ['587156', '587160']] },
    params: { months: 3, days: 0, sameLesion: true, together: true },
    exceptions: [{ document: 'motivation' }],
  });

  it('per lesion: same lesion within 3 months refused, another lesion accepted, motivation lifts it', () => {
    const r = run(codes, [lesion], {
      claims: [
        claim('587134', '2024-11-18', { lesion: 'L1' }),
        claim('587134', '2025-02-17', { id: 'same', lesion: 'L1' }),
        claim('587156', '2025-02-17', { id: 'other', lesion: 'L2' }),
        claim('587134', '2025-02-17', { id: 'motivated', lesion: 'L1', documents: ['motivation'] }),
        claim('587134', '2025-02-18', { id: 'after', lesion: 'L1' }),
      ],
    });
    expect(statuses(r)).toEqual(['accepted', 'rejected', 'accepted', 'accepted', 'rejected']);
    expect(reasonsOf(r, 'motivated', 'i3')[0].outcome).toBe('satisfied');
  });

  it('3 months exactly is allowed; the lesion missing within the delay is a warning', () => {
    const r = run(codes, [lesion], { claims: [claim('587134', '2024-11-18', { lesion: 'L1' }), claim('587134', '2025-02-18', { id: 'ok', lesion: 'L1' })] });
    expect(statuses(r)).toEqual(['accepted', 'accepted']);
    const w = run(codes, [lesion], { claims: [claim('587134', '2024-11-18', { lesion: 'L1' }), claim('587134', '2024-12-18', { id: 'w' })] });
    expect(statuses(w)).toEqual(['accepted', 'accepted']);
    expect(reasonsOf(w, 'w', 'i3')[0].outcome).toBe('warning');
  });
});
