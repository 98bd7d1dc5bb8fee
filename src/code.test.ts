import { describe, expect, it } from 'vitest';
import {
  ambulatoryTwinOf,
  checkCode,
  checkDigit,
  checkPair,
  hospitalisedTwinOf,
  isPair,
  isValidCode,
  withCheckDigit,
} from './code.js';

describe('checkDigit', () => {
  it('is the five-digit stem mod 7', () => {
    expect(checkDigit(58713)).toBe(4); // 58713 = 7 × 8387 + 4
    expect(checkDigit(59900)).toBe(1);
    expect(checkDigit(47556)).toBe(5);
    expect(checkDigit(10534)).toBe(6);
    expect(checkDigit(47432)).toBe(0);
  });

  it('accepts the stem as a string, leading zeros included', () => {
    expect(checkDigit('58713')).toBe(4);
    expect(checkDigit('00010')).toBe(3);
    expect(checkDigit('00000')).toBe(0);
  });

  it('always lies in 0–6', () => {
    for (let stem = 10000; stem < 10100; stem++) {
      const d = checkDigit(stem);
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThanOrEqual(6);
      expect(d).toBe(stem % 7);
    }
  });
});

describe('withCheckDigit', () => {
  it('appends the check digit to the stem', () => {
    expect(withCheckDigit(58713)).toBe('587134');
    expect(withCheckDigit(59900)).toBe('599001');
    expect(withCheckDigit(47556)).toBe('475565');
    expect(withCheckDigit(10534)).toBe('105346');
  });

  it('pads short stems to five digits', () => {
    expect(withCheckDigit(10)).toBe('000103');
    expect(withCheckDigit(0)).toBe('000000');
  });

  it('always yields a valid code', () => {
    for (const stem of [1, 7, 12345, 47455, 58713, 99999]) {
      expect(isValidCode(withCheckDigit(stem))).toBe(true);
    }
  });
});

describe('isValidCode', () => {
  it('accepts codes whose sixth digit is the stem mod 7', () => {
    expect(isValidCode('587134')).toBe(true);
    expect(isValidCode('599001')).toBe(true);
    expect(isValidCode('474316')).toBe(true);
    expect(isValidCode('474320')).toBe(true);
    expect(isValidCode('105350')).toBe(true);
  });

  it('rejects a wrong check digit', () => {
    expect(isValidCode('475563')).toBe(false); // expected 475565
    expect(isValidCode('105345')).toBe(false); // expected 105346
    expect(isValidCode('587135')).toBe(false);
  });

  it('rejects check digits 7, 8 and 9, which mod 7 can never give', () => {
    // A check that reduced the written digit mod 7 as well would wrongly accept 474327 (7 ≡ 0).
    expect(isValidCode('474327')).toBe(false); // 47432 mod 7 = 0
    expect(isValidCode('587138')).toBe(false);
    expect(isValidCode('587139')).toBe(false);
  });

  it('rejects anything that is not exactly six digits', () => {
    for (const s of ['58713', '5871340', '58713a', ' 587134', '587134 ', '587-134', '', '58713.4']) {
      expect(isValidCode(s)).toBe(false);
    }
  });
});

describe('twins', () => {
  it('gives the hospitalised twin: stem + 1 with its own check digit', () => {
    expect(hospitalisedTwinOf('587134')).toBe('587145');
    expect(hospitalisedTwinOf('474316')).toBe('474320');
    expect(hospitalisedTwinOf('587156')).toBe('587160');
    expect(hospitalisedTwinOf('474552')).toBe('474563');
    expect(hospitalisedTwinOf('105350')).toBe('105361');
  });

  it('gives the ambulatory twin: stem − 1 with its own check digit', () => {
    expect(ambulatoryTwinOf('587145')).toBe('587134');
    expect(ambulatoryTwinOf('474320')).toBe('474316');
    expect(ambulatoryTwinOf('587160')).toBe('587156');
    expect(ambulatoryTwinOf('474563')).toBe('474552');
    expect(ambulatoryTwinOf('105361')).toBe('105350');
  });

  it('only looks at the stem: a wrong written check digit does not change the twin', () => {
    expect(hospitalisedTwinOf('587130')).toBe('587145');
    expect(ambulatoryTwinOf('587149')).toBe('587134');
  });

  it('round-trips both ways', () => {
    for (const stem of [10000, 21101, 47431, 58713, 59900, 98765]) {
      const amb = withCheckDigit(stem);
      expect(ambulatoryTwinOf(hospitalisedTwinOf(amb))).toBe(amb);
      expect(hospitalisedTwinOf(ambulatoryTwinOf(amb))).toBe(amb);
    }
  });

  it('keeps the leading zeros of small stems', () => {
    expect(hospitalisedTwinOf('000103')).toBe('000114');
    expect(ambulatoryTwinOf('000114')).toBe('000103');
  });
});

describe('isPair', () => {
  it('recognises sound ambulatory–hospitalised pairs', () => {
    expect(isPair('587134', '587145')).toBe(true);
    expect(isPair('474316', '474320')).toBe(true);
    expect(isPair('587156', '587160')).toBe(true);
  });

  it('is directional: the hospitalised code comes second', () => {
    expect(isPair('587145', '587134')).toBe(false);
  });

  it('rejects non-adjacent stems and invalid codes', () => {
    expect(isPair('474552', '475563')).toBe(false);
    expect(isPair('587134', '587156')).toBe(false);
    expect(isPair('587134', '587134')).toBe(false);
    expect(isPair('587135', '587145')).toBe(false); // first has a wrong check digit
    expect(isPair('58713', '587145')).toBe(false);
  });
});

describe('checkCode', () => {
  it('returns null for a sound code', () => {
    expect(checkCode('587134')).toBeNull();
    expect(checkCode('599001')).toBeNull();
  });

  it('proposes the right check digit', () => {
    expect(checkCode('475563')).toEqual({ code: 'invalid-check-digit', written: '475563', expected: '475565' });
    expect(checkCode('105345')).toEqual({ code: 'invalid-check-digit', written: '105345', expected: '105346' });
  });

  it('keeps leading zeros in the proposal', () => {
    expect(checkCode('000100')).toEqual({ code: 'invalid-check-digit', written: '000100', expected: '000103' });
  });

  it('flags what is not a six-digit code', () => {
    for (const s of ['58713', '5871345', 'abcdef', '', '587 134', '-58713']) {
      expect(checkCode(s)).toEqual({ code: 'not-a-code', written: s });
    }
  });
});

describe('checkPair', () => {
  it('returns no problem for sound pairs', () => {
    expect(checkPair('587134', '587145')).toEqual([]);
    expect(checkPair('474316', '474320')).toEqual([]);
    expect(checkPair('587156', '587160')).toEqual([]);
  });

  it('reports the misprint 474552-475563: wrong check digit and broken pair, each with a proposal', () => {
    expect(checkPair('474552', '475563')).toEqual([
      { code: 'invalid-check-digit', written: '475563', expected: '475565' },
      { code: 'broken-pair', written: '474552-475563', expected: '474552-474563' },
    ]);
  });

  it('reports a broken pair of two valid codes', () => {
    expect(checkPair('587134', '587160')).toEqual([
      { code: 'broken-pair', written: '587134-587160', expected: '587134-587145' },
    ]);
  });

  it('reports a reversed pair as broken', () => {
    expect(checkPair('587145', '587134')).toEqual([
      { code: 'broken-pair', written: '587145-587134', expected: '587145-587156' },
    ]);
  });

  it('reports a wrong check digit on the hospitalised code alone (the stems match)', () => {
    expect(checkPair('587134', '587146')).toEqual([
      { code: 'invalid-check-digit', written: '587146', expected: '587145' },
      { code: 'broken-pair', written: '587134-587146', expected: '587134-587145' },
    ]);
  });

  it('does not judge the pairing when the ambulatory code itself is wrong', () => {
    expect(checkPair('587135', '587145')).toEqual([
      { code: 'invalid-check-digit', written: '587135', expected: '587134' },
    ]);
  });

  it('reports codes that are not codes at all', () => {
    expect(checkPair('58713', '587145')).toEqual([{ code: 'not-a-code', written: '58713' }]);
    expect(checkPair('587134', '58714')).toEqual([
      { code: 'not-a-code', written: '58714' },
      { code: 'broken-pair', written: '587134-58714', expected: '587134-587145' },
    ]);
  });
});
