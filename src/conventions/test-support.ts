/**
 * A deterministic (seeded) generator of multi-year claim files for the compliance tests:
 * the counts are given exactly, the randomness only chooses dates, codes and amounts, so
 * assertions on the report are exact.
 */
import { addDays, addMonths, addYears, daysBetween, type IsoDate } from '../date.js';
import { fmt } from '../decimal.js';
import { dayPeriod, type CodeState, type Nomenclature } from '../nomenclature/types.js';

/** The services of the built-in conventions the generated claims use (test data). */
export const ABLATION_CODES: readonly string[] = ['587134', '587145', '587156', '587160', '587171', '587182', '587193', '587204'];
export const BREAST_ART3_CODES: readonly string[] = ['252652', '252663', '252674', '252685', '252696', '252700', '252711', '252722'];
export const BREAST_ART45_CODES: readonly string[] = ['252733', '252744', '252755', '252766', '252770', '252781', '252792', '252803', '252814', '252825'];

/** mulberry32: a small seeded PRNG returning floats in [0, 1). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The fees of the breast reconstruction services (Art. 3 d), 4 c), 5 c)), in cents. */
export const BREAST_FEES_CENTS: Record<string, number> = {
  '252652': 308844, '252663': 308844, '252696': 308844, '252700': 308844,
  '252674': 469306, '252685': 469306, '252711': 469306, '252722': 469306,
  '252733': 68420, '252744': 68420, '252755': 79620, '252766': 79620, '252770': 34210, '252781': 34210,
  '252792': 9714, '252803': 9714, '252814': 19427, '252825': 19427,
};

const cents = (n: number) => fmt({ units: BigInt(n), scale: 2 });

export interface BreastSpec {
  from: IsoDate;
  to: IsoDate;
  /** Article 3 lines. */
  interventions: number;
  /** Of which with a supplement (> 0), at most 100 % of the fee, in a single room … */
  withSupplement: number;
  /** … of which this many above 100 % of the fee … */
  overCap?: number;
  /** … and this many (distinct from overCap) in a double room. */
  notSingleRoom?: number;
  /** Article 3 lines without a supplement field (among those without supplement). */
  unknownSupplement?: number;
  /** Article 4–5 lines, of which `phase2WithSupplement` carry a supplement. */
  phase2?: number;
  phase2WithSupplement?: number;
}

export interface ClaimFileSpec {
  seed: number;
  institution: string;
  /** Start of the ablation convention (convention years count from it). */
  start: IsoDate;
  /** Ablation lines per convention year (index 0 = first year). */
  ablationsPerYear: number[];
  /** Per year, how many of those are billed after the two-month deadline. */
  lateBillings?: number[];
  /** Per year, how many of those have no billedOn. */
  missingBilledOn?: number[];
  /** Per year, how many on-time lines are billed exactly on the deadline (service + 2 months). */
  billedOnDeadline?: number[];
  /** Lines of another institution (ignored by the report). */
  otherInstitutionLines?: number;
  /** Lines of codes of no convention. */
  noise?: number;
  breast?: BreastSpec;
}

export interface GeneratedLine {
  id: string;
  code: string;
  date: IsoDate;
  institution: string;
  billedOn?: IsoDate;
  supplement?: string;
  room?: 'single' | 'double' | 'common';
  beneficiary: string;
}

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)];
}

function dayIn(r: () => number, from: IsoDate, to: IsoDate): IsoDate {
  return addDays(from, Math.floor(r() * (daysBetween(from, to) + 1)));
}

/** Picks `n` distinct indices of [0, size) (deterministic with r). */
function choose(r: () => number, size: number, n: number): Set<number> {
  const idx = Array.from({ length: size }, (_, k) => k);
  for (let k = size - 1; k > 0; k--) {
    const j = Math.floor(r() * (k + 1));
    [idx[k], idx[j]] = [idx[j], idx[k]];
  }
  return new Set(idx.slice(0, n));
}

/** Generates the claim lines, sorted by date then id. */
export function generateClaims(spec: ClaimFileSpec): GeneratedLine[] {
  const r = rng(spec.seed);
  const out: Omit<GeneratedLine, 'id'>[] = [];
  const ben = () => `P-${String(Math.floor(r() * 900) + 100)}`;
  spec.ablationsPerYear.forEach((n, k) => {
    const from = addYears(spec.start, k);
    const to = addDays(addYears(spec.start, k + 1), -1);
    const late = choose(r, n, spec.lateBillings?.[k] ?? 0);
    const rest = [...Array(n).keys()].filter((i) => !late.has(i));
    const missing = new Set(rest.slice(0, spec.missingBilledOn?.[k] ?? 0));
    const onDeadline = new Set(rest.slice(missing.size, missing.size + (spec.billedOnDeadline?.[k] ?? 0)));
    for (let i = 0; i < n; i++) {
      const date = dayIn(r, from, to);
      const deadline = addMonths(date, 2);
      const line: Omit<GeneratedLine, 'id'> = { code: pick(r, ABLATION_CODES), date, institution: spec.institution, beneficiary: ben() };
      if (late.has(i)) line.billedOn = addDays(deadline, 1 + Math.floor(r() * 40));
      else if (onDeadline.has(i)) line.billedOn = deadline;
      else if (!missing.has(i)) line.billedOn = addDays(date, Math.floor(r() * (daysBetween(date, deadline) + 1)));
      out.push(line);
    }
  });
  const b = spec.breast;
  if (b) {
    const over = b.overCap ?? 0;
    const notSingle = b.notSingleRoom ?? 0;
    for (let i = 0; i < b.interventions; i++) {
      const code = pick(r, BREAST_ART3_CODES);
      const fee = BREAST_FEES_CENTS[code];
      const line: Omit<GeneratedLine, 'id'> = { code, date: dayIn(r, b.from, b.to), institution: spec.institution, beneficiary: ben() };
      if (i < b.withSupplement) {
        const isOver = i < over;
        const isNotSingle = !isOver && i < over + notSingle;
        line.supplement = cents(isOver ? fee + 1 + Math.floor(r() * 50000) : i === over + notSingle ? fee : 1 + Math.floor(r() * fee));
        line.room = isNotSingle ? 'double' : 'single';
      } else if (i < b.withSupplement + (b.unknownSupplement ?? 0)) {
        line.room = pick(r, ['double', 'common'] as const);
      } else {
        line.supplement = '0.00';
        line.room = pick(r, ['single', 'double', 'common'] as const);
      }
      out.push(line);
    }
    for (let i = 0; i < (b.phase2 ?? 0); i++) {
      const code = pick(r, BREAST_ART45_CODES);
      const line: Omit<GeneratedLine, 'id'> = { code, date: dayIn(r, b.from, b.to), institution: spec.institution, beneficiary: ben(), room: 'single' };
      line.supplement = i < (b.phase2WithSupplement ?? 0) ? cents(1000 + Math.floor(r() * 20000)) : '0.00';
      out.push(line);
    }
  }
  for (let i = 0; i < (spec.otherInstitutionLines ?? 0); i++) {
    out.push({ code: pick(r, ABLATION_CODES), date: dayIn(r, spec.start, addDays(addYears(spec.start, spec.ablationsPerYear.length), -1)), institution: 'H-OTHER', beneficiary: ben(), billedOn: addYears(spec.start, 9) });
  }
  for (let i = 0; i < (spec.noise ?? 0); i++) {
    out.push({ code: pick(r, ['101010', '102771', '350755', '355751']), date: dayIn(r, spec.start, addDays(addYears(spec.start, Math.max(1, spec.ablationsPerYear.length)), -1)), institution: spec.institution, beneficiary: ben() });
  }
  out.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  return out.map((l, k) => ({ id: `L${k + 1}`, ...l }));
}

/** The lines as NDJSON text. */
export function toNdjson(lines: readonly object[]): string {
  return lines.map((l) => JSON.stringify(l)).join('\n') + '\n';
}

/** A minimal nomenclature for tests: fixed states by code (the same on every date), unknown otherwise. */
export function fakeNomenclature(states: Record<string, Partial<CodeState>>): Nomenclature {
  const state = (code: string, at: IsoDate): CodeState => {
    const s = states[code];
    const base: CodeState = {
      code, at, status: 'unknown', statusReason: null, pair: null, setting: 'any', article: null, keyLetter: null, relativeValue: null,
      label: { fr: null, nl: null }, coefficient: null, fee: null, feeReason: null, reimbursement: null, convention: null, sources: [],
    };
    return s ? { ...base, status: 'in-force', ...s, code, at } : base;
  };
  return { state, period: (code, at) => dayPeriod(state(code, at)) };
}

/** A fake nomenclature holding the breast reconstruction fees. */
export function breastFeesNomenclature(): Nomenclature {
  const states: Record<string, Partial<CodeState>> = {};
  for (const [code, c] of Object.entries(BREAST_FEES_CENTS)) states[code] = { fee: cents(c), keyLetter: 'K', convention: 'breast-reconstruction' };
  return fakeNomenclature(states);
}
