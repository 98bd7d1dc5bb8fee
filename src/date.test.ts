import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  ageOn,
  daysBetween,
  daysInMonth,
  firstOfMonthAfter,
  fromDayNumber,
  isIsoDate,
  isoOf,
  maxDate,
  minDate,
  toDayNumber,
  today,
  yearOf,
} from './date.js';

describe('isIsoDate', () => {
  it('accepts real calendar dates', () => {
    for (const d of ['2024-02-29', '2000-02-29', '2023-02-28', '1994-11-24', '2024-12-31', '2024-01-01', '2029-10-31']) {
      expect(isIsoDate(d), d).toBe(true);
    }
  });

  it('rejects dates that do not exist', () => {
    for (const d of ['2023-02-29', '1900-02-29', '2100-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '2024-01-32', '2024-01-00']) {
      expect(isIsoDate(d), d).toBe(false);
    }
  });

  it('rejects other shapes', () => {
    for (const d of ['2024-1-1', '2024-01-1', '24-01-01', '2024/01/01', '01-01-2024', '2024-01-01T00:00:00Z', ' 2024-01-01', '2024-01-01 ', '']) {
      expect(isIsoDate(d), d).toBe(false);
    }
  });

  it('rejects non-strings', () => {
    for (const v of [null, undefined, 20240101, new Date('2024-01-01'), ['2024-01-01'], { d: '2024-01-01' }]) {
      expect(isIsoDate(v)).toBe(false);
    }
  });

  it('uses the proleptic Gregorian calendar for years below 100', () => {
    expect(isIsoDate('0000-02-29')).toBe(true); // year 0 is a leap year
    expect(isIsoDate('0100-02-29')).toBe(false);
  });
});

describe('daysInMonth', () => {
  it('knows month lengths and leap years', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2024, 4)).toBe(30);
    expect(daysInMonth(2024, 12)).toBe(31);
    expect(daysInMonth(2024, 1)).toBe(31);
  });
});

describe('isoOf', () => {
  it('pads every part', () => {
    expect(isoOf(1995, 1, 1)).toBe('1995-01-01');
    expect(isoOf(2024, 12, 31)).toBe('2024-12-31');
    expect(isoOf(33, 4, 3)).toBe('0033-04-03');
  });
});

describe('day numbers', () => {
  it('counts days since 1970-01-01', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1970-01-02')).toBe(1);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(toDayNumber('2000-01-01')).toBe(10957);
  });

  it('round-trips', () => {
    for (const d of ['1970-01-01', '1969-12-31', '1994-11-24', '2024-02-29', '2100-03-01', '0050-06-01']) {
      expect(fromDayNumber(toDayNumber(d))).toBe(d);
    }
  });

  it('does not shift years below 100 into the twentieth century', () => {
    expect(toDayNumber('0050-06-01')).toBeLessThan(toDayNumber('1950-06-01'));
    expect(daysBetween('0050-06-01', '1950-06-01')).toBe(693_960); // 1900 proleptic Gregorian years
    expect(addDays('0050-06-01', 1)).toBe('0050-06-02');
  });

  it('agree with the calendar of Date: every day from 1800 to 2200, every 61st day from 0001 to 9999', () => {
    // the reference: JavaScript's own proleptic Gregorian calendar (UTC)
    const dayOf = (y: number, m: number, d: number) => {
      const t = new Date(0);
      t.setUTCFullYear(y, m - 1, d);
      return Math.round(t.getTime() / 86_400_000);
    };
    const check = (n: number) => {
      const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
      if (fromDayNumber(n) !== iso || toDayNumber(iso) !== n) expect([n, fromDayNumber(n), toDayNumber(iso)]).toEqual([n, iso, n]);
    };
    const [first, last] = [dayOf(1, 1, 1), dayOf(9999, 12, 31)];
    expect([toDayNumber('0001-01-01'), toDayNumber('9999-12-31')]).toEqual([first, last]);
    for (let n = dayOf(1800, 1, 1); n <= dayOf(2200, 12, 31); n++) check(n);
    for (let n = first; n <= last; n += 61) check(n);
    check(last);
  });

  it('a malformed date gives NaN, not a date', () => {
    expect(toDayNumber('2024-1x-01')).toBeNaN();
    expect(toDayNumber('')).toBeNaN();
  });
});

describe('addDays', () => {
  it('adds and subtracts days', () => {
    expect(addDays('2024-01-01', 0)).toBe('2024-01-01');
    expect(addDays('1994-11-24', 10)).toBe('1994-12-04');
    expect(addDays('2024-03-10', -10)).toBe('2024-02-29');
  });

  it('crosses months, years and leap days', () => {
    expect(addDays('2024-01-31', 1)).toBe('2024-02-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2024-01-01', 366)).toBe('2025-01-01');
    expect(addDays('2023-01-01', 365)).toBe('2024-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('is not affected by daylight saving changes', () => {
    expect(addDays('2024-03-30', 1)).toBe('2024-03-31');
    expect(addDays('2024-03-31', 1)).toBe('2024-04-01');
    expect(addDays('2024-10-27', 1)).toBe('2024-10-28');
  });
});

describe('daysBetween', () => {
  it('is b − a in whole days', () => {
    expect(daysBetween('2024-01-01', '2024-01-01')).toBe(0);
    expect(daysBetween('2024-01-01', '2024-01-02')).toBe(1);
    expect(daysBetween('2024-01-02', '2024-01-01')).toBe(-1);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2023-01-01', '2024-01-01')).toBe(365);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('1994-11-24', '1995-01-01')).toBe(38);
  });

  it('agrees with addDays', () => {
    for (const n of [-400, -1, 0, 1, 31, 59, 365, 1000]) {
      expect(daysBetween('2024-02-29', addDays('2024-02-29', n))).toBe(n);
    }
  });
});

describe('addMonths', () => {
  it('clamps a day the target month does not have', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2023-03-31', -1)).toBe('2023-02-28');
    expect(addMonths('2024-03-31', 1)).toBe('2024-04-30');
    expect(addMonths('2024-05-31', -1)).toBe('2024-04-30');
  });

  it('keeps the day when it exists', () => {
    expect(addMonths('2024-01-15', 1)).toBe('2024-02-15');
    expect(addMonths('2024-02-29', 1)).toBe('2024-03-29');
    expect(addMonths('2024-01-31', 0)).toBe('2024-01-31');
  });

  it('crosses years forwards', () => {
    expect(addMonths('2024-12-15', 1)).toBe('2025-01-15');
    expect(addMonths('2024-11-30', 2)).toBe('2025-01-30');
    expect(addMonths('2024-01-15', 12)).toBe('2025-01-15');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
    expect(addMonths('2024-06-30', 25)).toBe('2026-07-30');
  });

  it('crosses years backwards', () => {
    expect(addMonths('2025-01-15', -1)).toBe('2024-12-15');
    expect(addMonths('2025-01-15', -12)).toBe('2024-01-15');
    expect(addMonths('2025-01-15', -13)).toBe('2023-12-15');
    expect(addMonths('2025-03-31', -13)).toBe('2024-02-29');
    expect(addMonths('2025-02-10', -26)).toBe('2022-12-10');
  });
});

describe('addYears', () => {
  it('moves 29 February to 28 February in a common year', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', -1)).toBe('2023-02-28');
    expect(addYears('2000-02-29', 100)).toBe('2100-02-28');
  });

  it('keeps 29 February in a leap year', () => {
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2024-02-29', -24)).toBe('2000-02-29');
  });

  it('keeps other dates', () => {
    expect(addYears('1994-11-24', 30)).toBe('2024-11-24');
    expect(addYears('2023-02-28', 1)).toBe('2024-02-28');
    expect(addYears('2024-12-31', -1)).toBe('2023-12-31');
    expect(addYears('2024-05-01', 0)).toBe('2024-05-01');
  });
});

describe('firstOfMonthAfter', () => {
  it('gives the first day of the n-th following month', () => {
    expect(firstOfMonthAfter('1994-11-24', 2)).toBe('1995-01-01');
    expect(firstOfMonthAfter('2003-05-20', 1)).toBe('2003-06-01');
    expect(firstOfMonthAfter('2003-05-01', 1)).toBe('2003-06-01');
    expect(firstOfMonthAfter('2003-05-31', 1)).toBe('2003-06-01');
    expect(firstOfMonthAfter('2024-01-31', 1)).toBe('2024-02-01');
  });

  it('crosses into the next year from December', () => {
    expect(firstOfMonthAfter('2024-12-05', 1)).toBe('2025-01-01');
    expect(firstOfMonthAfter('2024-12-31', 2)).toBe('2025-02-01');
    expect(firstOfMonthAfter('2024-11-30', 1)).toBe('2024-12-01');
    expect(firstOfMonthAfter('2024-06-15', 12)).toBe('2025-06-01');
    expect(firstOfMonthAfter('2024-06-15', 19)).toBe('2026-01-01');
  });

  it('with n = 0 gives the first of the same month', () => {
    expect(firstOfMonthAfter('2024-06-15', 0)).toBe('2024-06-01');
  });
});

describe('ageOn', () => {
  it('counts completed years: not yet on the eve of the birthday, reached on the day', () => {
    expect(ageOn('1960-05-10', '2025-05-09')).toBe(64);
    expect(ageOn('1960-05-10', '2025-05-10')).toBe(65);
    expect(ageOn('1960-05-10', '2025-05-11')).toBe(65);
    expect(ageOn('1960-05-10', '2025-04-30')).toBe(64);
    expect(ageOn('1960-05-10', '2025-06-01')).toBe(65);
  });

  it('handles year ends', () => {
    expect(ageOn('2000-12-31', '2018-12-30')).toBe(17);
    expect(ageOn('2000-12-31', '2018-12-31')).toBe(18);
    expect(ageOn('2001-01-01', '2018-12-31')).toBe(17);
    expect(ageOn('2001-01-01', '2019-01-01')).toBe(18);
  });

  it('is 0 on the day of birth and during the first year', () => {
    expect(ageOn('2024-02-29', '2024-02-29')).toBe(0);
    expect(ageOn('2024-02-29', '2025-02-27')).toBe(0);
  });

  it('for a 29 February birth: the birthday is 29 February in leap years, 1 March otherwise', () => {
    expect(ageOn('2000-02-29', '2018-02-28')).toBe(17);
    expect(ageOn('2000-02-29', '2018-03-01')).toBe(18);
    expect(ageOn('2000-02-29', '2020-02-28')).toBe(19);
    expect(ageOn('2000-02-29', '2020-02-29')).toBe(20);
  });

  it('for a 28 February birth, 28 February is the birthday even in leap years', () => {
    expect(ageOn('2003-02-28', '2024-02-27')).toBe(20);
    expect(ageOn('2003-02-28', '2024-02-28')).toBe(21);
  });
});

describe('yearOf, maxDate, minDate, today', () => {
  it('yearOf reads the calendar year', () => {
    expect(yearOf('1994-11-24')).toBe(1994);
    expect(yearOf('2024-12-31')).toBe(2024);
    expect(yearOf('0050-01-01')).toBe(50);
  });

  it('maxDate and minDate pick by calendar order', () => {
    expect(maxDate('2024-02-29', '2024-03-01')).toBe('2024-03-01');
    expect(maxDate('2025-01-01', '2024-12-31')).toBe('2025-01-01');
    expect(minDate('2024-02-29', '2024-03-01')).toBe('2024-02-29');
    expect(minDate('2025-01-01', '2024-12-31')).toBe('2024-12-31');
    expect(maxDate('2024-01-01', '2024-01-01')).toBe('2024-01-01');
  });

  it('today is a valid ISO date', () => {
    const t = today();
    expect(isIsoDate(t)).toBe(true);
    expect(t >= '2024-01-01').toBe(true);
  });
});
