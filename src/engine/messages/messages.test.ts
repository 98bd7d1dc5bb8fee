import { describe, expect, it } from 'vitest';
import type { Detail } from '../../rules/outcomes.js';
import { render, LOCALES } from './index.js';

const line = { claim: 'L1', code: '474633', date: '2000-01-01', history: false };
const samples: Detail[] = [
  { code: 'code.invalid-check-digit', service: '587135', expected: '587134' },
  { code: 'code.referenced', service: '211013', date: '2000-01-01' },
  { code: 'setting.ambulatory-code-in-stay', service: '587134', twin: '587145', stay: 'S1', admission: '2024-11-17' },
  { code: 'frequency.exceeded', service: '474633', max: 1, counted: 1, units: 1, period: 'day', periodDays: null, window: { from: '2000-01-01', to: '2000-01-01' }, stay: null, side: null, together: null, anchor: null, lines: [line] },
  { code: 'frequency.exceeded', service: '599465', max: 1, counted: 1, units: 1, period: 'stay-period', periodDays: 7, window: { from: '2000-01-01', to: '2000-01-07' }, stay: 'S1', side: null, together: null, anchor: null, lines: [line] },
  { code: 'interval.too-soon', service: '474541', previous: line, months: 2, days: 0, earliest: '2000-03-01', lesion: null },
  { code: 'non-cumulation.conflict', service: '211013', other: line, scope: 'day', against: ['474530-474541'], sameProvider: false },
  { code: 'prerequisite.missing', service: '252652', oneOf: ['227636-227640'], count: 1, timing: 'before-or-same-day', sameStay: false, ambulatory: false, found: [], pending: [line] },
  { code: 'approval.late', service: '252696', by: ['college-of-medical-directors'], approvalDate: '2017-03-02', date: '2017-03-01' },
  { code: 'patient.age-not-met', service: '474014', age: 7, under: 7, atLeast: null, birthDate: '2000-01-01' },
  { code: 'tier.wrong-day', service: '599362', day: 200, admission: '2024-01-15', fromDay: 61, toDay: null, lastDate: '2024-07-14', endOfMonth: 6 },
  { code: 'exception.document', service: '474552', document: 'apnoea-pathology-proven', lifted: { code: 'document.missing', service: '474552', missing: ['x'] } },
  { code: 'warning.note', service: '558810', note: { en: 'english', fr: 'français', nl: 'nederlands' } },
];

describe('messages', () => {
  it.each(LOCALES)('render every sample in %s, naming codes and dates', (locale) => {
    for (const d of samples) {
      const m = render(d, locale);
      expect(m.length).toBeGreaterThan(10);
      expect(m).toContain((d as { service: string }).service);
      expect(m).not.toMatch(/undefined|\[object Object\]/);
    }
  });
  it('states the interpretation defaults', () => {
    expect(render(samples[3], 'en')).toContain('calendar day');
    expect(render(samples[7], 'en')).toContain('before or on the same day');
    expect(render(samples[9], 'en')).toContain('completed years');
    expect(render(samples[10], 'en')).toContain('day 1 = admission day');
  });
  it('uses the locale of the note', () => {
    expect(render(samples[12], 'fr')).toContain('français');
    expect(render(samples[12], 'nl')).toContain('nederlands');
    expect(render(samples[12], 'en')).toContain('english');
  });
});
