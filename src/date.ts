/**
 * ISO calendar dates (YYYY-MM-DD) as plain strings: they compare correctly as strings,
 * and all arithmetic goes through explicit, tested functions (UTC, no time zone).
 */
export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** True when `s` is a real calendar date in ISO form (rejects 2023-02-29). */
export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string') return false;
  const m = ISO.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** Milliseconds since the epoch of a UTC date; unlike Date.UTC, years 0–99 are not read as 1900–1999. */
function utcMs(year: number, monthIndex: number, day: number): number {
  const t = new Date(0);
  t.setUTCFullYear(year, monthIndex, day);
  return t.getTime();
}

/** Number of days in month `month` (1–12) of `year`, leap years included. */
export function daysInMonth(year: number, month: number): number {
  return new Date(utcMs(year, month, 0)).getUTCDate();
}

/** Builds an ISO date from numbers (month 1–12). Does not normalise: the caller passes a real date. */
export function isoOf(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function parts(d: IsoDate): [number, number, number] {
  return [Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10))];
}

/** Days since 1970-01-01. */
export function toDayNumber(d: IsoDate): number {
  const [y, m, day] = parts(d);
  return utcMs(y, m - 1, day) / DAY_MS;
}

/** The date of a day number. */
export function fromDayNumber(n: number): IsoDate {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
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
