import { describe, expect, it } from 'vitest';
import {
  add,
  cmp,
  dec,
  decFr,
  feeOf,
  fmt,
  fmtShort,
  isFrNumber,
  money,
  mul,
  percentOf,
  round,
  sub,
} from './decimal.js';

describe('dec', () => {
  it('parses dot-decimal strings exactly', () => {
    expect(dec('21.40')).toEqual({ units: 2140n, scale: 2 });
    expect(dec('1773.18')).toEqual({ units: 177318n, scale: 2 });
    expect(dec('633')).toEqual({ units: 633n, scale: 0 });
    expect(dec('2.801231')).toEqual({ units: 2801231n, scale: 6 });
    expect(dec('-0.5')).toEqual({ units: -5n, scale: 1 });
    expect(dec('0.000001')).toEqual({ units: 1n, scale: 6 });
  });

  it('trims surrounding white space', () => {
    expect(dec('  633 ')).toEqual({ units: 633n, scale: 0 });
  });

  it('keeps precision far beyond a binary double', () => {
    expect(fmt(dec('12345678901234567890.123456789'))).toBe('12345678901234567890.123456789');
  });

  it('rejects anything that is not a dot-decimal number', () => {
    for (const s of ['', 'abc', '1,5', '1.2.3', '.5', '5.', '+5', '1e3', '1 000', '--1', 'K 633']) {
      expect(() => dec(s), s).toThrow(RangeError);
    }
  });
});

describe('decFr', () => {
  it('reads the dot as a thousands separator', () => {
    expect(fmt(decFr('1.517'))).toBe('1517');
    expect(fmt(decFr('1.517.000'))).toBe('1517000');
    expect(fmt(decFr('12.345'))).toBe('12345');
  });

  it('reads the comma as the decimal separator', () => {
    expect(fmt(decFr('3.088,44'))).toBe('3088.44');
    expect(fmt(decFr('2,801231'))).toBe('2.801231');
    expect(fmt(decFr('21,5'))).toBe('21.5');
    expect(fmt(decFr('0,125'))).toBe('0.125');
  });

  it('reads plain integers and numbers without thousands separators', () => {
    expect(fmt(decFr('633'))).toBe('633');
    expect(fmt(decFr('1517'))).toBe('1517');
    expect(fmt(decFr('3088,44'))).toBe('3088.44');
    expect(fmt(decFr('0'))).toBe('0');
  });

  it('reads negative numbers', () => {
    expect(fmt(decFr('-21,5'))).toBe('-21.5');
    expect(fmt(decFr('-1.517,25'))).toBe('-1517.25');
  });

  it('ignores white space, including spaces used as thousands separators', () => {
    expect(fmt(decFr(' 1 517,50 '))).toBe('1517.50');
    expect(fmt(decFr('1\u00a0517'))).toBe('1517');
  });

  it('rejects malformed numbers', () => {
    for (const s of ['1,2,3', 'abc', '1.51', '1.5170', '2.801231', ',5', '5,', '1.517,', '', 'K 633', 'K633', '12a', '1..517', '.517']) {
      expect(() => decFr(s), s).toThrow(RangeError);
    }
  });

  it('rejects a thousands group after a leading zero ("0.125" is not 125)', () => {
    expect(() => decFr('0.125')).toThrow(RangeError);
    expect(() => decFr('00.125')).toThrow(RangeError);
    expect(() => decFr('-0.125')).toThrow(RangeError);
  });
});

describe('isFrNumber', () => {
  it('tells French numbers from the rest', () => {
    expect(isFrNumber('1.517')).toBe(true);
    expect(isFrNumber('2,801231')).toBe(true);
    expect(isFrNumber('1,2,3')).toBe(false);
    expect(isFrNumber('1.51')).toBe(false);
    expect(isFrNumber('K 120')).toBe(false);
  });
});

describe('mul and feeOf: fees are exact', () => {
  it('multiplies exactly', () => {
    expect(mul(dec('633'), dec('2.801231'))).toEqual({ units: 1773179223n, scale: 6 });
    expect(fmt(mul(dec('0.1'), dec('0.2')))).toBe('0.02');
  });

  it.each([
    ['633', '2.801231', '1773.18'],
    ['601', '2.801231', '1683.54'],
    ['1517', '2.035887', '3088.44'],
    ['2305', '2.036035', '4693.06'],
    ['336', '2.036315', '684.20'],
    ['391', '2.036315', '796.20'],
    ['168', '2.036315', '342.10'],
    ['72', '1.349114', '97.14'],
    ['144', '1.349114', '194.27'],
    ['121', '1.465095', '177.28'],
    ['17', '1.465095', '24.91'],
    ['198', '2.824045', '559.16'],
  ])('K %s × %s = %s', (rv, coef, fee) => {
    expect(feeOf(rv, coef)).toBe(fee);
  });

  it('accepts decimal relative values', () => {
    expect(feeOf('22.5', '2.801231')).toBe('63.03'); // 63.0276975
    expect(feeOf('0', '2.801231')).toBe('0.00');
  });
});

describe('round: half-up, away from zero on a tie', () => {
  it.each([
    ['0.125', '0.13'],
    ['0.135', '0.14'],
    ['2.675', '2.68'],
    ['1.005', '1.01'],
    ['1.015', '1.02'],
    ['0.005', '0.01'],
    ['0.0049999', '0.00'],
    ['0.124999', '0.12'],
    ['0.1250001', '0.13'],
  ])('%s → %s', (v, r) => {
    expect(fmt(round(dec(v), 2))).toBe(r);
  });

  it('gets right the ties that binary floats get wrong', () => {
    // Sanity check of the premise: the float route gives 2.67 and 1.00.
    expect((2.675).toFixed(2)).toBe('2.67');
    expect((1.005).toFixed(2)).toBe('1.00');
    expect(money(dec('2.675'))).toBe('2.68');
    expect(money(dec('1.005'))).toBe('1.01');
  });

  it('rounds negative ties away from zero', () => {
    expect(fmt(round(dec('-0.125'), 2))).toBe('-0.13');
    expect(fmt(round(dec('-2.675'), 2))).toBe('-2.68');
    expect(fmt(round(dec('-0.124'), 2))).toBe('-0.12');
    expect(fmt(round(dec('-0.5'), 0))).toBe('-1');
  });

  it('does not render a negative zero', () => {
    expect(fmt(round(dec('-0.001'), 2))).toBe('0.00');
    expect(money(dec('-0.004'))).toBe('0.00');
  });

  it('rounds to whole units and carries', () => {
    expect(fmt(round(dec('2.5'), 0))).toBe('3');
    expect(fmt(round(dec('2.4999'), 0))).toBe('2');
    expect(fmt(round(dec('9.995'), 2))).toBe('10.00');
    expect(fmt(round(dec('99.5'), 0))).toBe('100');
  });

  it('pads when the target scale is larger', () => {
    expect(round(dec('21.5'), 3)).toEqual({ units: 21500n, scale: 3 });
    expect(round(dec('21.50'), 2)).toEqual({ units: 2150n, scale: 2 });
  });
});

describe('fmt, fmtShort, money', () => {
  it('fmt keeps the value’s own scale, trailing zeros included', () => {
    expect(fmt(dec('21.40'))).toBe('21.40');
    expect(fmt(dec('633'))).toBe('633');
    expect(fmt(dec('0.05'))).toBe('0.05');
    expect(fmt(dec('-0.05'))).toBe('-0.05');
    expect(fmt({ units: 5n, scale: 3 })).toBe('0.005');
  });

  it('fmt renders with a given scale, rounding or padding', () => {
    expect(fmt(dec('1773.179223'), 2)).toBe('1773.18');
    expect(fmt(dec('21.5'), 2)).toBe('21.50');
    expect(fmt(dec('633'), 2)).toBe('633.00');
    expect(fmt(dec('21.5'), 0)).toBe('22');
  });

  it('fmtShort drops superfluous trailing zeros only', () => {
    expect(fmtShort(dec('21.50'))).toBe('21.5');
    expect(fmtShort(dec('633.00'))).toBe('633');
    expect(fmtShort(dec('100.00'))).toBe('100');
    expect(fmtShort(dec('100'))).toBe('100');
    expect(fmtShort(dec('10.0'))).toBe('10');
    expect(fmtShort(dec('0.00'))).toBe('0');
    expect(fmtShort(dec('2.801231'))).toBe('2.801231');
    expect(fmtShort(dec('1.050'))).toBe('1.05');
    expect(fmtShort(dec('-21.50'))).toBe('-21.5');
  });

  it('money rounds to the cent with two decimals', () => {
    expect(money(dec('1773.179223'))).toBe('1773.18');
    expect(money(dec('12'))).toBe('12.00');
    expect(money(dec('0.1'))).toBe('0.10');
    expect(money(dec('-4.995'))).toBe('-5.00');
  });
});

describe('add, sub, cmp', () => {
  it('adds across scales', () => {
    expect(fmt(add(dec('1773.18'), dec('0.005')))).toBe('1773.185');
    expect(fmt(add(dec('0.1'), dec('0.2')))).toBe('0.3');
    expect(fmt(add(dec('633'), dec('-633.00')))).toBe('0.00');
  });

  it('subtracts across scales', () => {
    expect(fmt(sub(dec('3088.44'), dec('1773.18')))).toBe('1315.26');
    expect(fmt(sub(dec('1'), dec('0.001')))).toBe('0.999');
    expect(fmt(sub(dec('0.3'), dec('0.1')))).toBe('0.2');
    expect(fmt(sub(dec('1.5'), dec('2')))).toBe('-0.5');
    expect(fmt(sub(dec('1'), dec('-1')))).toBe('2');
  });

  it('compares by value, not by scale', () => {
    expect(cmp(dec('21.5'), dec('21.50'))).toBe(0);
    expect(cmp(dec('21.5'), dec('21.49'))).toBe(1);
    expect(cmp(dec('21.49'), dec('21.5'))).toBe(-1);
    expect(cmp(dec('-1'), dec('0.001'))).toBe(-1);
    expect(cmp(dec('0'), dec('-0.0'))).toBe(0);
    expect(cmp(dec('100'), dec('99.999999'))).toBe(1);
  });
});

describe('percentOf', () => {
  it('takes a percentage exactly', () => {
    expect(fmtShort(percentOf('120', '10'))).toBe('12');
    expect(fmt(percentOf('1773.18', '25'))).toBe('443.2950');
    expect(fmt(percentOf('633', '7.5'))).toBe('47.475');
  });
});
