import { describe, expect, test } from 'vitest';
import {
  conventionRecord, effectiveInstitution, hasConventionOn, institutionOn, noticeEnd, overlaps, RegistryError, startAfterSignature, statusOn, validity, withConvention,
  type Institution,
} from './registry.js';

const ABL = 'percutaneous-tumour-ablation';
const BR = 'breast-reconstruction';

describe('ablation: fixed period 2024-11-01 to 2029-10-31, both inclusive', () => {
  const rec = conventionRecord({ convention: ABL });
  test('the record gets the convention\'s own ends', () => {
    expect(rec).toEqual({ convention: ABL, from: '2024-11-01', to: '2029-10-31' });
  });
  test.each([
    ['2024-10-31', false],
    ['2024-11-01', true],
    ['2027-06-15', true],
    ['2029-10-31', true],
    ['2029-11-01', false],
  ])('%s in force: %s', (d, ok) => {
    expect(statusOn(rec, d).inForce).toBe(ok);
  });
  test('a recorded start before the entry into force is counted from 2024-11-01, with an issue', () => {
    const v = validity({ convention: ABL, from: '2024-06-01', to: null });
    expect(v.from).toBe('2024-11-01');
    expect(v.to).toBe('2029-10-31');
    expect(v.issues[0]).toMatch(/precedes the convention's entry into force 2024-11-01/);
    expect(v.sources.map((s) => s.article)).toEqual(['10.1', '10.3']);
  });
  test('an end after 2029-10-31 is cut to it, with an issue', () => {
    const v = validity({ convention: ABL, from: '2024-11-01', to: '2030-12-31' });
    expect(v.to).toBe('2029-10-31');
    expect(v.issues).toHaveLength(1);
  });
  test('an earlier end (termination, Art. 10.2) is kept', () => {
    const v = validity({ convention: ABL, from: '2024-11-01', to: '2026-03-31' });
    expect(v.to).toBe('2026-03-31');
    expect(statusOn({ convention: ABL, from: '2024-11-01', to: '2026-03-31' }, '2026-04-01').reason).toMatch(/no longer in force on 2026-04-01: last day 2026-03-31/);
  });
});

describe('breast reconstruction: from the month after signature, indefinite, 6 months\' notice', () => {
  test.each([
    ['2016-11-15', '2016-12-01'],
    ['2016-12-01', '2017-01-01'],
    ['2016-12-31', '2017-01-01'],
    ['2020-02-29', '2020-03-01'],
  ])('signed %s → in force from %s', (signed, start) => {
    expect(startAfterSignature(signed)).toBe(start);
    const rec = conventionRecord({ convention: BR, signed });
    expect(rec.from).toBe(start);
    expect(rec.to).toBeNull();
    expect(statusOn(rec, start).inForce).toBe(true);
    expect(statusOn(rec, signed).inForce).toBe(false);
    expect(statusOn(rec, '2099-12-31').inForce).toBe(true);
  });

  test.each([
    // letter → notice starts → no longer in force from → last day
    ['2023-03-15', '2023-04-01', '2023-10-01', '2023-09-30'],
    ['2023-03-01', '2023-04-01', '2023-10-01', '2023-09-30'],
    ['2023-03-31', '2023-04-01', '2023-10-01', '2023-09-30'],
    ['2023-07-20', '2023-08-01', '2024-02-01', '2024-01-31'],
    ['2023-12-05', '2024-01-01', '2024-07-01', '2024-06-30'],
    ['2023-08-31', '2023-09-01', '2024-03-01', '2024-02-29'],
  ])('notice sent %s: starts %s, ends on %s (last day %s)', (sent, starts, endsOn, lastDay) => {
    expect(noticeEnd(sent, 6)).toEqual({ noticeSent: sent, noticeStarts: starts, endsOn, lastDay });
    const rec = conventionRecord({ convention: BR, signed: '2016-11-15', noticeSent: sent });
    expect(rec).toEqual({ convention: BR, from: '2016-12-01', to: lastDay, signed: '2016-11-15', noticeSent: sent });
    expect(statusOn(rec, lastDay).inForce).toBe(true);
    expect(statusOn(rec, endsOn).inForce).toBe(false);
    expect(validity(rec).basis.to).toContain(`no longer in force from ${endsOn}`);
  });

  test('a recorded start earlier than the month after signature is counted from the later date, with an issue', () => {
    const v = validity({ convention: BR, from: '2016-11-01', to: null, signed: '2016-11-15' });
    expect(v.from).toBe('2016-12-01');
    expect(v.issues[0]).toMatch(/differs from the first day of the month after the signature/);
  });

  test('without a signature date the recorded start is used and the basis says it was not checked', () => {
    const v = validity({ convention: BR, from: '2017-03-01', to: null });
    expect(v.from).toBe('2017-03-01');
    expect(v.basis.from).toMatch(/signature date not recorded/);
    expect(v.to).toBeNull();
  });

  test('a breast reconstruction record needs from or signed', () => {
    expect(() => conventionRecord({ convention: BR })).toThrow(RegistryError);
    expect(() => conventionRecord({ convention: BR })).toThrow(/from: missing, and no signature date/);
  });
});

describe('records', () => {
  test('bad dates and names the field', () => {
    expect(() => conventionRecord({ convention: ABL, from: '2024-13-01' })).toThrow(/^from: "2024-13-01" is not a date/);
    expect(() => conventionRecord({ convention: BR, signed: '2016-02-30' })).toThrow(/^signed:/);
    expect(() => conventionRecord({ convention: BR, signed: '2016-01-10', noticeSent: '2015-01-01' })).toThrow(/^notice_sent: 2015-01-01 is before the signature/);
    expect(() => conventionRecord({ convention: 'Breast Reconstruction', from: '2020-01-01' })).toThrow(/^convention:/);
    expect(() => conventionRecord({ convention: ABL, from: '2025-01-01', to: '2024-12-31' })).toThrow(/^to: 2024-12-31 is before the start 2025-01-01/);
  });
  test('an unknown convention needs its from; its period is as recorded', () => {
    expect(() => conventionRecord({ convention: 'other-convention' })).toThrow(/from: missing/);
    const rec = conventionRecord({ convention: 'other-convention', from: '2020-01-01' });
    expect(statusOn(rec, '2030-01-01').inForce).toBe(true);
    expect(validity(rec).basis.from).toMatch(/unknown to the system/);
  });
  test('an institution with both conventions', () => {
    let inst: Institution = { id: 'H-1', name: 'AZ Test', conventions: [] };
    inst = withConvention(inst, conventionRecord({ convention: ABL }));
    inst = withConvention(inst, conventionRecord({ convention: BR, signed: '2016-11-15' }));
    inst = withConvention(inst, conventionRecord({ convention: ABL })); // replaced, not duplicated
    expect(inst.conventions).toHaveLength(2);
    expect(hasConventionOn(inst, ABL, '2024-10-31')).toBe(false);
    expect(hasConventionOn(inst, ABL, '2024-11-01')).toBe(true);
    expect(hasConventionOn(inst, BR, '2016-11-30')).toBe(false);
    expect(institutionOn(inst, '2025-01-01').map((s) => [s.convention, s.inForce])).toEqual([[BR, true], [ABL, true]]);
    expect(overlaps(inst)).toEqual([]);
    const twice: Institution = { ...inst, conventions: [...inst.conventions, { convention: ABL, from: '2025-01-01', to: '2025-06-30' }] };
    expect(overlaps(twice)[0]).toMatch(/two periods of percutaneous-tumour-ablation overlap/);
  });
});

test('effectiveInstitution gives check the periods computed from the terms', () => {
  const inst: Institution = { id: 'H-9', name: null, conventions: [
    { convention: ABL, from: '2024-01-01', to: null },
    { convention: BR, from: '2016-11-01', to: null, signed: '2016-11-15', noticeSent: '2023-03-15' },
  ] };
  expect(effectiveInstitution(inst)).toEqual({ id: 'H-9', conventions: [
    { convention: ABL, from: '2024-11-01', to: '2029-10-31' },
    { convention: BR, from: '2016-12-01', to: '2023-09-30' },
  ] });
});
