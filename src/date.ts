/**
 * ISO calendar dates (YYYY-MM-DD) as plain strings: they compare correctly as strings,
 * and all arithmetic goes through explicit, tested functions (UTC, no time zone).
 */
export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is a real calendar date in ISO form (rejects 2023-02-29). */
export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string') return false;
  const m = ISO.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** Number of days in month `month` (1–12) of `year`, leap years included. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Builds an ISO date from numbers (month 1–12). Does not normalise: the caller passes a real date. */
export function isoOf(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The number written by `n` digits of `d` from `at`; NaN if one is not a digit. */
function digits(d: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const c = d.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) return NaN;
    v = v * 10 + c;
  }
  return v;
}

function parts(d: IsoDate): [number, number, number] {
  return [digits(d, 0, 4), digits(d, 5, 2), digits(d, 8, 2)];
}

// Day numbers by arithmetic on the proleptic Gregorian calendar (eras of 400 years = 146,097
// days, years starting on 1 March so that the leap day ends them), not through Date objects:
// the engine converts dates on every line. 719,468 days separate 0000-03-01 from 1970-01-01.

/** Days since 1970-01-01 of year, month (1–12), day; a day past the month's end runs into the next. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Days since 1970-01-01. */
export function toDayNumber(d: IsoDate): number {
  return daysFromCivil(digits(d, 0, 4), digits(d, 5, 2), digits(d, 8, 2));
}

const TWO = Array.from({ length: 32 }, (_, i) => String(i).padStart(2, '0'));

/** The date of a day number. */
export function fromDayNumber(n: number): IsoDate {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${year >= 1000 ? year : String(year).padStart(4, '0')}-${TWO[month]}-${TWO[day]}`;
}

/** d + n days (n may be negative). */
export function addDays(d: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(d) + n);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/**
 * d + n calendar months; a day that does not exist in the target month is clamped to its
 * last day (2024-01-31 + 1 month = 2024-02-29; 2023-01-31 + 1 month = 2023-02-28).
 */
export function addMonths(d: IsoDate, n: number): IsoDate {
  const [y, m, day] = parts(d);
  const total = y * 12 + (m - 1) + n;
  const ty = Math.floor(total / 12);
  const tm = total - ty * 12 + 1;
  return isoOf(ty, tm, Math.min(day, daysInMonth(ty, tm)));
}

/** d + n years, 29 February clamped to 28 February in a common year. */
export function addYears(d: IsoDate, n: number): IsoDate {
  return addMonths(d, 12 * n);
}

/** The first day of the n-th month after the month of d (n = 1: next month). */
export function firstOfMonthAfter(d: IsoDate, n: number): IsoDate {
  const [y, m] = parts(d);
  const total = y * 12 + (m - 1) + n;
  return isoOf(Math.floor(total / 12), (total % 12) + 1, 1);
}

/** Completed years between birth and d (age on d). */
export function ageOn(birth: IsoDate, d: IsoDate): number {
  const [by, bm, bd] = parts(birth);
  const [y, m, day] = parts(d);
  return y - by - (m < bm || (m === bm && day < bd) ? 1 : 0);
}

/** The calendar year of d. */
export function yearOf(d: IsoDate): number {
  return Number(d.slice(0, 4));
}

/** The later of two dates. */
export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

/** The earlier of two dates. */
export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

/** Today's date in UTC. */
export function today(): IsoDate {
  return new Date().toISOString().slice(0, 10);
}
