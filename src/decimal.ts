/**
 * Exact decimal arithmetic on BigInt: a value is `units / 10^scale`.
 * Used for relative values, coefficients and money; no binary float ever touches them.
 */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

const DOT_DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** Parses a dot-decimal string ("21.40", "1773.18", "633"). Throws on anything else. */
export function dec(text: string): Decimal {
  const m = DOT_DECIMAL.exec(text.trim());
  if (!m) throw new RangeError(`not a decimal number: "${text}"`);
  const frac = m[3] ?? '';
  const units = BigInt(m[2] + frac) * (m[1] ? -1n : 1n);
  return { units, scale: frac.length };
}

/** Parses a French-formatted number: "1.517" → 1517, "3.088,44" → 3088.44, "2,801231", "21,5". */
export function decFr(text: string): Decimal {
  const t = text.trim().replace(/\s+/g, '');
  // A thousands-grouped number never starts with 0: "0.125" is an English decimal, not 125.
  if (!/^-?[1-9]\d{0,2}(?:\.\d{3})*(?:,\d+)?$|^-?\d+(?:,\d+)?$/.test(t)) {
    throw new RangeError(`not a French-formatted number: "${text}"`);
  }
  return dec(t.replace(/\./g, '').replace(',', '.'));
}

/** True when `text` reads as a French-formatted number. */
export function isFrNumber(text: string): boolean {
  try { decFr(text); return true; } catch { return false; }
}

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/** Brings `a` to a larger scale (exact). */
function rescale(a: Decimal, scale: number): bigint {
  return a.units * pow10(scale - a.scale);
}

/** a × b, exact. */
export function mul(a: Decimal, b: Decimal): Decimal {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

/** a + b, exact. */
export function add(a: Decimal, b: Decimal): Decimal {
  const s = Math.max(a.scale, b.scale);
  return { units: rescale(a, s) + rescale(b, s), scale: s };
}

/** a − b, exact. */
export function sub(a: Decimal, b: Decimal): Decimal {
  return add(a, { units: -b.units, scale: b.scale });
}

/** Compares a and b: −1, 0 or 1. */
export function cmp(a: Decimal, b: Decimal): number {
  const s = Math.max(a.scale, b.scale);
  const d = rescale(a, s) - rescale(b, s);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** Rounds half-up (away from zero on a tie) to `scale` decimals. */
export function round(a: Decimal, scale: number): Decimal {
  if (a.scale <= scale) return { units: rescale(a, scale), scale };
  const div = pow10(a.scale - scale);
  const neg = a.units < 0n;
  const abs = neg ? -a.units : a.units;
  let q = abs / div;
  if ((abs % div) * 2n >= div) q += 1n;
  return { units: neg ? -q : q, scale };
}

/** Renders with exactly `scale` decimals when given, else with the value's own scale, trailing zeros kept. */
export function fmt(a: Decimal, scale?: number): string {
  const v = scale === undefined ? a : round(a, scale);
  const neg = v.units < 0n;
  const digits = (neg ? -v.units : v.units).toString().padStart(v.scale + 1, '0');
  const int = digits.slice(0, digits.length - v.scale);
  const frac = digits.slice(digits.length - v.scale);
  return (neg ? '-' : '') + int + (v.scale > 0 ? '.' + frac : '');
}

/** Renders without superfluous trailing zeros ("21.50" → "21.5", "633.00" → "633"). */
export function fmtShort(a: Decimal): string {
  const s = fmt(a);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** Money: rounds half-up to the cent and renders "1773.18". */
export function money(a: Decimal): string {
  return fmt(a, 2);
}

/** Fee = relative value × coefficient, rounded half-up to the cent. */
export function feeOf(relativeValue: string, coefficient: string): string {
  return money(mul(dec(relativeValue), dec(coefficient)));
}

/** A percentage of a value, exact ("10 p.c. of K 120" → 12). */
export function percentOf(value: string, percent: string): Decimal {
  return { ...mul(dec(value), dec(percent)), scale: dec(value).scale + dec(percent).scale + 2 };
}
