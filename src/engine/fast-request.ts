/**
 * A hand-written check of the common request shape, to skip zod on the batch's hot path.
 * zod (src/engine/schema.ts) stays the source of truth: this check only ACCEPTS a value when
 * zod would accept it and give back an equal value, and returns null in every other case
 * (an unknown field anywhere, null where zod wants a value, a bad date, a duplicate claim id,
 * an unusual number …), so the caller falls back to zod and its error messages.
 *
 * Why returning the parsed value itself is the same as zod's output: zod copies objects and
 * strips unknown nested keys; a value with no unknown key is copied field for field, so the
 * only differences are object identity and key order, and nothing downstream depends on either
 * (the engine reads fields by name and builds its own output objects).
 */
import { DATE_RANGE, type CheckRequest } from './schema.js';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmpty = (v: unknown): boolean => typeof v === 'string' && v.length > 0;

/** Two ASCII digits at i, as a number, or -1. */
function two(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The set of strings zod's `z.iso.date()` accepts (its regex, without a regex): YYYY-MM-DD with
 * ASCII digits, a real month and day, 29 February in Gregorian leap years only (year 0000 included).
 */
export function isZodIsoDate(s: unknown): boolean {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const hi = two(s, 0);
  const lo = two(s, 2);
  const m = two(s, 5);
  const d = two(s, 8);
  if (hi < 0 || lo < 0 || m < 1 || m > 12 || d < 1) return false;
  if (m !== 2 || d !== 29) return d <= DAYS[m];
  return lo === 0 ? hi % 4 === 0 : lo % 4 === 0;
}

/** A date RequestDateSchema accepts: a real ISO date within DATE_RANGE. */
function isRequestDate(s: unknown): boolean {
  return isZodIsoDate(s) && (s as string) >= DATE_RANGE.from && (s as string) <= DATE_RANGE.to;
}

function stringArray(v: unknown, nonEmptyItems: boolean): boolean {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (typeof x !== 'string' || (nonEmptyItems && x.length === 0)) return false;
  }
  return true;
}

function provider(v: unknown, withId: boolean): boolean {
  if (!isObj(v)) return false;
  for (const k in v) {
    const x = v[k];
    switch (k) {
      case 'id': if (!withId || typeof x !== 'string') return false; break;
      case 'specialty': if (typeof x !== 'string') return false; break;
      case 'qualifications': if (!stringArray(x, false)) return false; break;
      default: return false;
    }
  }
  return true;
}

function stay(v: unknown): boolean {
  if (!isObj(v)) return false;
  let admission = false;
  for (const k in v) {
    const x = v[k];
    switch (k) {
      case 'id': case 'service': if (!nonEmpty(x)) return false; break;
      case 'admission': if (!isRequestDate(x)) return false; admission = true; break;
      default: return false;
    }
  }
  return admission;
}

const AUTHORITIES = new Set(['college-of-medical-directors', 'medical-adviser', 'dental-technical-council']);

function approvals(v: unknown): boolean {
  if (!Array.isArray(v)) return false;
  for (const a of v) {
    if (!isObj(a)) return false;
    let n = 0;
    for (const k in a) {
      if (k === 'by') { if (!AUTHORITIES.has(a.by as string)) return false; }
      else if (k === 'date') { if (!isRequestDate(a.date)) return false; }
      else return false;
      n++;
    }
    if (n !== 2) return false;
  }
  return true;
}

const ORGANS = new Set(['kidney', 'liver', 'lung', 'bone']);
const finiteNonNegative = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x >= 0;

function indication(v: unknown): boolean {
  if (!isObj(v)) return false;
  for (const k in v) {
    const x = v[k];
    switch (k) {
      case 'organ': if (!ORGANS.has(x as string)) return false; break;
      case 'tumour': case 'tStage': case 'predisposition': if (typeof x !== 'string') return false; break;
      case 'sizeCm': case 'gfr': if (typeof x !== 'string' && !finiteNonNegative(x)) return false; break;
      case 'count': if (!Number.isSafeInteger(x) || (x as number) < 1) return false; break;
      case 'eligibleForSurgery': case 'eligibleForSbrt': case 'singleKidney': case 'alternativeToSystemic':
      case 'palliative': case 'nearCriticalStructures': case 'combinedTreatment':
        if (typeof x !== 'boolean') return false;
        break;
      default: return false;
    }
  }
  return true;
}

function claim(v: unknown): boolean {
  if (!isObj(v)) return false;
  let required = 0;
  for (const k in v) {
    const x = v[k];
    switch (k) {
      case 'id': case 'code': if (!nonEmpty(x)) return false; required++; break;
      case 'date': if (!isRequestDate(x)) return false; required++; break;
      case 'units': if (!Number.isSafeInteger(x) || (x as number) < 1) return false; break;
      case 'provider': if (!provider(x, true)) return false; break;
      case 'collaborator': if (!provider(x, false)) return false; break;
      case 'institution': case 'lesion': if (!nonEmpty(x)) return false; break;
      case 'stay': if (!stay(x)) return false; break;
      case 'side': if (x !== 'left' && x !== 'right') return false; break;
      case 'approvals': if (!approvals(x)) return false; break;
      case 'documents': if (!stringArray(x, true)) return false; break;
      case 'indication': if (!indication(x)) return false; break;
      default: return false;
    }
  }
  return required === 3;
}

function claims(v: unknown, unique: boolean): boolean {
  if (!Array.isArray(v)) return false;
  // a long list (history) is checked with a set; a request's few claims with a scan that allocates nothing
  if (v.length > 32) {
    const ids = new Set<unknown>();
    for (let i = 0; i < v.length; i++) {
      if (!claim(v[i])) return false;
      const id = (v[i] as Obj).id;
      if (ids.has(id)) return false;
      ids.add(id);
    }
    return true;
  }
  for (let i = 0; i < v.length; i++) {
    if (!claim(v[i])) return false;
    if (unique) {
      // requests hold a few claims: a quadratic scan allocates nothing
      const id = (v[i] as Obj).id;
      for (let j = 0; j < i; j++) if ((v[j] as Obj).id === id) return false;
    }
  }
  return true;
}

function beneficiary(v: unknown): boolean {
  if (!isObj(v)) return false;
  for (const k in v) {
    const x = v[k];
    switch (k) {
      case 'id': if (!nonEmpty(x)) return false; break;
      case 'birthDate': if (!isRequestDate(x)) return false; break;
      case 'sex': if (x !== 'F' && x !== 'M' && x !== 'X') return false; break;
      case 'preferential': if (typeof x !== 'boolean') return false; break;
      default: return false;
    }
  }
  return true;
}

function institutions(v: unknown): boolean {
  if (!Array.isArray(v)) return false;
  for (const inst of v) {
    if (!isObj(inst)) return false;
    let n = 0;
    for (const k in inst) {
      if (k === 'id') { if (!nonEmpty(inst.id)) return false; }
      else if (k === 'conventions') {
        const cs = inst.conventions;
        if (!Array.isArray(cs)) return false;
        for (const c of cs) {
          if (!isObj(c)) return false;
          let conv = false;
          for (const ck in c) {
            if (ck === 'convention') { if (!nonEmpty(c.convention)) return false; conv = true; }
            else if (ck === 'from' || ck === 'to') { if (c[ck] !== null && !isRequestDate(c[ck])) return false; }
            else return false;
          }
          if (!conv) return false;
        }
      } else return false;
      n++;
    }
    if (n !== 2) return false;
  }
  return true;
}

/**
 * The value as a valid request when the fast check can prove it valid (see the module comment),
 * else null: the caller must then ask zod (validateRequest does).
 */
export function acceptRequest(value: unknown): CheckRequest | null {
  if (!isObj(value)) return null;
  let hasClaims = false;
  for (const k in value) {
    const x = value[k];
    switch (k) {
      case 'beneficiary': if (!beneficiary(x)) return null; break;
      case 'institutions': if (!institutions(x)) return null; break;
      case 'history': if (!claims(x, true)) return null; break;
      case 'claims': if (!claims(x, true) || (x as unknown[]).length === 0) return null; hasClaims = true; break;
      default: return null;
    }
  }
  if (!hasClaims) return null;
  // a claim id that is also a history id: zod says which
  const history = value.history as Obj[] | undefined;
  if (history !== undefined && history.length) {
    const ids = new Set(history.map((h) => h.id));
    for (const c of value.claims as Obj[]) if (ids.has(c.id)) return null;
  }
  return value as CheckRequest;
}
