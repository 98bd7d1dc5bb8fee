/**
 * One implementation per obligation kind: volume over a transition period then per convention
 * year, billing delay, share of interventions without a supplement, supplement cap, supplements
 * on other services, single room. Each reads its thresholds from the obligation's dated
 * parameters and cites the obligation's sentence; nothing here knows a convention.
 */
import { z } from 'zod';
import { addDays, addMonths, addYears, maxDate, minDate, type IsoDate } from '../../date.js';
import { cmp, dec, fmt, money, mul, type Decimal } from '../../decimal.js';
import type { Nomenclature } from '../../nomenclature/types.js';
import type { Citation } from '../sources.js';
import { figureTitle } from './messages.js';
import {
  valueAt, type ComplianceLine, type Dated, type Figure, type FigureDetail, type FigureStatus, type LineFinding, type Obligation,
  type ObligationContext, type ObligationKind, type ObligationKindName,
} from './types.js';

export const MAX_FINDINGS = 50;

const CitationSchema = z.object({ document: z.string().min(1), article: z.string().min(1), text: z.string().min(1), clause: z.string().optional() }).strict();
const dated = <T extends z.ZodType>(v: T) => z.array(z.object({ from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(), value: v, citation: CitationSchema.optional() }).strict()).min(1);

function ctxOf(l: ComplianceLine, detail: string): LineFinding {
  return { line: l.line, id: l.id, code: l.code, date: l.date, detail };
}
const capFindings = (list: LineFinding[]) => list.slice(0, MAX_FINDINGS);

/** n / d as a percentage with two decimals, rounded half-up, exactly ("42.86"). */
export function percent(n: number, d: number): string {
  if (d === 0) return '—';
  const q = (2n * BigInt(n) * 10_000n + BigInt(d)) / (2n * BigInt(d));
  return fmt({ units: q, scale: 2 });
}

function figure(ob: Obligation, detail: FigureDetail, rest: Omit<Figure, 'convention' | 'title' | 'detail' | 'source'> & { source?: Citation }): Figure {
  const { source, ...r } = rest;
  return { ...r, id: r.id, convention: ob.convention, title: figureTitle(detail, 'en'), detail, source: source ?? ob.citation, ...(ob.also ? { also: ob.also } : {}) };
}

/** The part of the convention's period inside the window, or null. */
function activePeriod(ctx: ObligationContext): { from: IsoDate; to: IsoDate } | null {
  const v = ctx.validity;
  if (v.from === null || v.empty) return null;
  const from = maxDate(v.from, ctx.window.from);
  const to = v.to === null ? ctx.window.to : minDate(v.to, ctx.window.to);
  return from > to ? null : { from, to };
}

/** The value of a dated parameter on a date; an obligation without one on that date is a data error (it names the obligation). */
function param<T>(ob: Obligation, list: readonly Dated<T>[], date: IsoDate, name: string): Dated<T> {
  const v = valueAt(list, date);
  if (!v) throw new Error(`obligation ${ob.id}: no value of ${name} on ${date}`);
  return v;
}

// --- volume -------------------------------------------------------------------------------

export const VolumeParams = z.object({
  transition: z.object({ years: z.number().int().positive(), min: dated(z.number().int().nonnegative()), citation: CitationSchema }).strict().nullable(),
  yearly: z.object({ min: dated(z.number().int().nonnegative()), citation: CitationSchema }).strict().nullable(),
}).strict();
export type VolumeParams = z.infer<typeof VolumeParams>;

interface VolumePeriod { label: string; from: IsoDate; to: IsoDate; fullTo: IsoDate; min: number; truncatedByEnd: boolean; citation: Citation; detail: FigureDetail; idSuffix: string }

/** The periods of a volume obligation for a convention starting `start` and ending `end`. */
export function volumePeriods(ob: Obligation<VolumeParams>, start: IsoDate, end: IsoDate | null): VolumePeriod[] {
  const out: VolumePeriod[] = [];
  const p = ob.params;
  const years = p.transition?.years ?? 0;
  if (p.transition) {
    const tEnd = addDays(addYears(start, years), -1);
    const min = param(ob, p.transition.min, start, 'the transition minimum');
    out.push({
      label: `transition period (years 1–${years})`, from: start, to: end !== null ? minDate(tEnd, end) : tEnd, fullTo: tEnd, min: min.value,
      truncatedByEnd: end !== null && end < tEnd, citation: min.citation ?? p.transition.citation,
      detail: { code: 'volume.transition', noun: ob.noun, min: min.value, years }, idSuffix: 'transition',
    });
  }
  if (p.yearly) {
    // Convention years after the transition; an open-ended convention is listed up to 50 years (the window limits it anyway).
    for (let k = years; k < 50; k++) {
      const from = addYears(start, k);
      if (end !== null && from > end) break;
      const yEnd = addDays(addYears(start, k + 1), -1);
      const min = param(ob, p.yearly.min, from, 'the yearly minimum');
      out.push({
        label: `convention year ${k + 1}`, from, to: end !== null ? minDate(yEnd, end) : yEnd, fullTo: yEnd, min: min.value,
        truncatedByEnd: end !== null && end < yEnd, citation: min.citation ?? p.yearly.citation,
        detail: { code: 'volume.year', noun: ob.noun, min: min.value, year: k + 1 }, idSuffix: `year-${k + 1}`,
      });
      if (end === null && k > 12) break;
    }
  }
  return out;
}

const volume: ObligationKind<VolumeParams> = {
  name: 'volume',
  params: VolumeParams,
  interpretations(ob) {
    const p = ob.params;
    const out: string[] = [];
    const nouns = `${ob.noun}s`;
    if (p.transition) {
      out.push(`${ob.noun[0].toUpperCase()}${ob.noun.slice(1)} volume: the transition period is [start, start + ${p.transition.years} years), i.e. from the convention's start to the day before its ${p.transition.years === 1 ? 'first' : p.transition.years === 2 ? 'second' : p.transition.years === 3 ? 'third' : `${p.transition.years}th`} anniversary;${p.yearly ? ` after it, each convention year [start + n years, start + n + 1 years) must count at least ${p.yearly.min.map((m) => m.value).join(' / ')};` : ''} a period the window (or the convention's end) cuts is "incomplete" unless its threshold is already reached.`);
    } else if (p.yearly) {
      out.push(`${ob.noun[0].toUpperCase()}${ob.noun.slice(1)} volume: each convention year [start + n years, start + n + 1 years) must count at least ${p.yearly.min.map((m) => m.value).join(' / ')}; a year the window (or the convention's end) cuts is "incomplete" unless its threshold is already reached.`);
    }
    out.push(`${nouns[0].toUpperCase()}${nouns.slice(1)} counted: lines of ${ob.servicesText} at the institution while its convention is in force, each line counting its units (default 1).`);
    return out;
  },
  figures(ob, ctx) {
    const v = ctx.validity;
    const window = ctx.window;
    if (v.from === null || v.empty) return [];
    const services = new Set(ob.services);
    const mine = ctx.lines.filter((l) => services.has(l.code) && l.date >= v.from! && (v.to === null || l.date <= v.to));
    const periods = volumePeriods(ob, v.from, v.to).filter((p) => p.from <= window.to && p.to >= window.from);
    const series: { label: string; from: IsoDate; to: IsoDate; value: number }[] = [];
    const figures: Figure[] = [];
    const unit = `${ob.noun}s`;
    for (const p of periods) {
      const cFrom = maxDate(p.from, window.from);
      const cTo = minDate(p.to, window.to);
      const counted = mine.filter((l) => l.date >= cFrom && l.date <= cTo);
      const n = counted.reduce((s, l) => s + l.units, 0);
      const cutByWindow = cFrom !== p.from || cTo !== p.to;
      let status: FigureStatus;
      let note: string;
      if (n >= p.min) {
        status = 'pass';
        note = cutByWindow ? `reached within the part counted (${cFrom} to ${cTo}), although the window cuts the ${p.label}` : `${p.label}: ${p.from} to ${p.to}, complete`;
      } else if (cutByWindow) {
        status = 'incomplete';
        note = `the window ${window.from} to ${window.to} cuts the ${p.label} (${p.from} to ${p.to}): counted ${cFrom} to ${cTo} only; ${n} of at least ${p.min} so far`;
      } else if (p.truncatedByEnd) {
        status = 'incomplete';
        note = `the convention ends ${v.to}, before the end of the ${p.label} (${p.fullTo}): ${n} in the part in force; the annual threshold is not decided for a partial year`;
      } else {
        status = 'fail';
        note = `${p.label}: ${p.from} to ${p.to}, complete: ${n} < ${p.min}`;
      }
      series.push({ label: p.label, from: cFrom, to: cTo, value: n });
      figures.push(figure(ob, p.detail, {
        id: `${ob.id}.${p.idSuffix}`, period: { from: p.from, to: p.to }, counted: { from: cFrom, to: cTo },
        value: String(n), unit, threshold: { op: '>=', value: String(p.min), unit }, status, note, source: p.citation,
        counts: { [unit]: n, lines: counted.length }, findings: [],
      }));
    }
    if (figures.length) figures[0].series = series;
    return figures;
  },
};

// --- billing delay ------------------------------------------------------------------------

export const BillingDelayParams = z.object({ months: dated(z.number().int().positive()) }).strict();
export type BillingDelayParams = z.infer<typeof BillingDelayParams>;

const billingDelay: ObligationKind<BillingDelayParams> = {
  name: 'billing-delay',
  params: BillingDelayParams,
  interpretations(ob) {
    const m = ob.params.months.map((x) => x.value).join(' / ');
    return [`"Within ${m} months of the service": billedOn ≤ service date + ${m} calendar months (a month without the service's day ends on its last day: 31 August + 2 months = 31 October; 31 December + 2 months = 28/29 February). A line without billedOn cannot be checked and is reported as such.`];
  },
  figures(ob, ctx) {
    const v = ctx.validity;
    const window = ctx.window;
    if (v.from === null || v.empty) return [];
    const services = new Set(ob.services);
    const inWin = ctx.lines.filter((l) => services.has(l.code) && l.date >= v.from! && (v.to === null || l.date <= v.to) && l.date >= window.from && l.date <= window.to);
    const late: LineFinding[] = [];
    const unknown: LineFinding[] = [];
    const early: LineFinding[] = [];
    let onTime = 0;
    let citation = ob.citation;
    const first = param(ob, ob.params.months, maxDate(v.from, window.from), 'the billing delay');
    for (const l of inWin) {
      const m = param(ob, ob.params.months, l.date, 'the billing delay');
      if (m.citation) citation = m.citation;
      if (l.billedOn === null) { unknown.push(ctxOf(l, 'no billedOn: the billing delay cannot be checked')); continue; }
      const deadline = addMonths(l.date, m.value);
      if (l.billedOn > deadline) late.push(ctxOf(l, `billed ${l.billedOn}, after the deadline ${deadline} (service ${l.date} + ${m.value} months)`));
      else {
        onTime++;
        if (l.billedOn < l.date) early.push(ctxOf(l, `billed ${l.billedOn}, before the service date ${l.date} (data error?)`));
      }
    }
    const months = first.value;
    const checked = onTime + late.length;
    let status: FigureStatus;
    let note: string;
    if (inWin.length === 0) { status = 'not-checkable'; note = `no line of ${ob.servicesText} in the window`; }
    else if (late.length > 0) { status = 'fail'; note = `${late.length} of ${checked} lines checked were billed more than ${months} months after the service${unknown.length ? `; ${unknown.length} lines have no billedOn and could not be checked` : ''}`; }
    else if (unknown.length > 0) { status = 'incomplete'; note = `${checked} lines billed in time; ${unknown.length} lines have no billedOn and could not be checked`; }
    else { status = 'pass'; note = `all ${checked} lines billed within ${months} months of the service`; }
    if (early.length) note += `; ${early.length} lines are billed before their service date`;
    return [figure(ob, { code: 'billing-delay', noun: ob.noun, months }, {
      id: ob.id,
      period: { from: maxDate(v.from, window.from), to: v.to === null ? window.to : minDate(v.to, window.to) },
      counted: { from: window.from, to: window.to },
      value: String(late.length), unit: 'lines billed late', threshold: { op: '=', value: '0', unit: 'lines billed late' },
      status, note, source: first.citation ?? citation,
      counts: { lines: inWin.length, checked, onTime, late: late.length, unknown: unknown.length, billedBeforeService: early.length },
      findings: capFindings([...late, ...unknown, ...early]),
    })];
  },
};

// --- supplements --------------------------------------------------------------------------

function feeFor(l: ComplianceLine, nom: Nomenclature | undefined): { fee: Decimal | null; why: string } {
  if (l.fee) return { fee: l.fee, why: 'stated on the line' };
  if (!nom) return { fee: null, why: 'no fee on the line and no nomenclature given' };
  const s = nom.state(l.code, l.date);
  if (s.fee) return { fee: dec(s.fee), why: `nomenclature fee on ${l.date}` };
  return { fee: null, why: `the nomenclature gives no fee for ${l.code} on ${l.date} (${s.status}${s.feeReason ? `: ${s.feeReason}` : ''})` };
}

const hasSupplement = (l: ComplianceLine) => l.supplement !== null && l.supplement.units > 0n;

export const ShareParams = z.object({ minPercent: dated(z.number().min(0).max(100)) }).strict();
export type ShareParams = z.infer<typeof ShareParams>;

const supplementShare: ObligationKind<ShareParams> = {
  name: 'supplement-share',
  params: ShareParams,
  interpretations: (ob) => [`Share without supplement: interventions are the lines of ${ob.servicesText} in the window; "without supplement" means a supplement of 0.00; lines that do not state a supplement are not counted as either, and the figure is decided only if it holds whatever they are.`],
  figures(ob, ctx) {
    const period = activePeriod(ctx);
    if (!period) return [];
    const services = new Set(ob.services);
    const lines = ctx.lines.filter((l) => services.has(l.code) && l.date >= period.from && l.date <= period.to);
    const min = param(ob, ob.params.minPercent, period.from, 'the minimum share');
    const pct = min.value;
    const known = lines.filter((l) => l.supplement !== null);
    const unknownLines = lines.filter((l) => l.supplement === null);
    const without = known.filter((l) => l.supplement!.units === 0n).length;
    const total = known.length;
    const u = unknownLines.length;
    // At least pct %: without × 100 ≥ pct × total, decided only if it holds whatever the unknown lines are.
    const passesWorst = without * 100 >= pct * (total + u);
    const passesBest = (without + u) * 100 >= pct * (total + u);
    let status: FigureStatus;
    let note: string;
    if (lines.length === 0) { status = 'not-checkable'; note = `no intervention (${ob.servicesText}) in the window`; }
    else if (total === 0) { status = 'not-checkable'; note = `none of the ${u} interventions states its supplement`; }
    else if (passesWorst) { status = 'pass'; note = `${without} of ${total + u} interventions without supplement${u ? ` even if the ${u} lines without a supplement field all had one` : ''}`; }
    else if (!passesBest) { status = 'fail'; note = `${without} of ${total} interventions without supplement${u ? `; below ${pct} % even if the ${u} lines without a supplement field all had none` : ''}`; }
    else { status = 'incomplete'; note = `${without} of ${total} known interventions without supplement; ${u} lines do not state a supplement and decide the figure`; }
    return [figure(ob, { code: 'supplement-share', minPercent: pct }, {
      id: ob.id, period, counted: period, value: percent(without, total), unit: '%', threshold: { op: '>=', value: String(pct), unit: '%' },
      status, note, source: min.citation ?? ob.citation,
      counts: { interventions: lines.length, withoutSupplement: without, withSupplement: total - without, unknown: u },
      findings: capFindings(unknownLines.map((l) => ctxOf(l, 'no supplement field: not counted'))),
    })];
  },
};

export const CapParams = z.object({ maxPercent: dated(z.number().positive()), feeOf: z.string().min(1) }).strict();
export type CapParams = z.infer<typeof CapParams>;

const supplementCap: ObligationKind<CapParams> = {
  name: 'supplement-cap',
  params: CapParams,
  interpretations: (ob) => [`Supplement cap: the supplement of a line of ${ob.servicesText} may not exceed ${ob.params.maxPercent.map((m) => m.value).join(' / ')} % of that line's fee (the fee stated on the line, else the nomenclature's fee on the service date).`],
  figures(ob, ctx) {
    const period = activePeriod(ctx);
    if (!period) return [];
    const services = new Set(ob.services);
    const lines = ctx.lines.filter((l) => services.has(l.code) && l.date >= period.from && l.date <= period.to);
    const max = param(ob, ob.params.maxPercent, period.from, 'the supplement cap');
    const over: LineFinding[] = [];
    const noFee: LineFinding[] = [];
    let checked = 0;
    const withSupp = lines.filter(hasSupplement);
    for (const l of withSupp) {
      const { fee, why } = feeFor(l, ctx.nomenclature);
      if (!fee) { noFee.push(ctxOf(l, `supplement ${money(l.supplement!)} EUR: fee unknown (${why})`)); continue; }
      checked++;
      const m = param(ob, ob.params.maxPercent, l.date, 'the supplement cap').value;
      // supplement × 100 > fee × m, exactly
      if (cmp(mul(l.supplement!, dec('100')), mul(fee, dec(String(m)))) > 0) over.push(ctxOf(l, `supplement ${money(l.supplement!)} EUR > ${m} % of the fee ${money(fee)} EUR (${why})`));
    }
    let status: FigureStatus;
    let note: string;
    const pct = max.value;
    if (withSupp.length === 0) { status = lines.length ? 'pass' : 'not-checkable'; note = lines.length ? `no line of ${ob.params.feeOf} carries a supplement` : `no line of ${ob.params.feeOf} in the window`; }
    else if (over.length) { status = 'fail'; note = `${over.length} of ${checked} supplements checked exceed ${pct} % of the fee`; }
    else if (noFee.length) { status = 'incomplete'; note = `${checked} supplements within ${pct} % of the fee; ${noFee.length} could not be checked (fee unknown)`; }
    else { status = 'pass'; note = `all ${checked} supplements are at most ${pct} % of the fee`; }
    return [figure(ob, { code: 'supplement-cap', maxPercent: pct, feeOf: ob.params.feeOf }, {
      id: ob.id, period, counted: period, value: String(over.length), unit: 'lines', threshold: { op: '=', value: '0', unit: `lines above ${pct} % of the fee` },
      status, note, source: max.citation ?? ob.citation,
      counts: { withSupplement: withSupp.length, checked, over: over.length, feeUnknown: noFee.length },
      findings: capFindings([...over, ...noFee]),
    })];
  },
};

export const OtherSupplementParams = z.object({ servicesOf: z.string().min(1) }).strict();
export type OtherSupplementParams = z.infer<typeof OtherSupplementParams>;

const otherSupplement: ObligationKind<OtherSupplementParams> = {
  name: 'other-supplement',
  params: OtherSupplementParams,
  interpretations: (ob) => [`Other supplements: a supplement on a service of ${ob.params.servicesOf} (${ob.servicesText}) is an "other supplement", which the text excludes.`],
  figures(ob, ctx) {
    const period = activePeriod(ctx);
    if (!period) return [];
    const services = new Set(ob.services);
    const lines = ctx.lines.filter((l) => services.has(l.code) && l.date >= period.from && l.date <= period.to);
    const other = lines.filter(hasSupplement);
    const of = ob.params.servicesOf;
    return [figure(ob, { code: 'other-supplement', servicesOf: of }, {
      id: ob.id, period, counted: period, value: String(other.length), unit: 'lines', threshold: { op: '=', value: '0', unit: 'lines' },
      status: lines.length === 0 ? 'not-checkable' : other.length ? 'fail' : 'pass',
      note: lines.length === 0 ? `no line of ${of} in the window` : other.length ? `${other.length} of ${lines.length} lines of ${of} carry a supplement` : `none of the ${lines.length} lines of ${of} carries a supplement`,
      counts: { lines: lines.length, withSupplement: other.length },
      findings: capFindings(other.map((l) => ctxOf(l, `supplement ${money(l.supplement!)} EUR on a service of ${of}`))),
    })];
  },
};

export const SingleRoomParams = z.object({}).strict();
export type SingleRoomParams = z.infer<typeof SingleRoomParams>;

const singleRoom: ObligationKind<SingleRoomParams> = {
  name: 'single-room',
  params: SingleRoomParams,
  interpretations: () => ['Single room: a supplement (> 0) is allowed only when the line\'s room is "single".'],
  figures(ob, ctx) {
    const period = activePeriod(ctx);
    if (!period) return [];
    const services = new Set(ob.services);
    const lines = ctx.lines.filter((l) => l.date >= period.from && l.date <= period.to);
    const supp = lines.filter((l) => services.has(l.code) && hasSupplement(l));
    const wrongRoom = supp.filter((l) => l.room !== null && l.room !== 'single');
    const noRoom = supp.filter((l) => l.room === null);
    let status: FigureStatus;
    let note: string;
    if (supp.length === 0) { status = lines.length ? 'pass' : 'not-checkable'; note = lines.length ? 'no line carries a supplement' : 'no line in the window'; }
    else if (wrongRoom.length) { status = 'fail'; note = `${wrongRoom.length} of ${supp.length} lines with a supplement are not in a single room`; }
    else if (noRoom.length) { status = 'incomplete'; note = `${supp.length - noRoom.length} lines with a supplement in a single room; ${noRoom.length} do not state the room`; }
    else { status = 'pass'; note = `all ${supp.length} lines with a supplement are in a single room`; }
    return [figure(ob, { code: 'single-room' }, {
      id: ob.id, period, counted: period, value: String(wrongRoom.length), unit: 'lines', threshold: { op: '=', value: '0', unit: 'lines' },
      status, note,
      counts: { withSupplement: supp.length, notSingle: wrongRoom.length, roomUnknown: noRoom.length },
      findings: capFindings([...wrongRoom.map((l) => ctxOf(l, `supplement ${money(l.supplement!)} EUR in a ${l.room} room`)), ...noRoom.map((l) => ctxOf(l, 'supplement without a room: cannot be checked'))]),
    })];
  },
};

// --- quotes and deposits (checked on a quote, not on claim lines: no report figure) --------

export const QuoteDelayParams = z.object({ days: dated(z.number().int().positive()) }).strict();
export type QuoteDelayParams = z.infer<typeof QuoteDelayParams>;

const quoteDelay: ObligationKind<QuoteDelayParams> = {
  name: 'quote-delay',
  params: QuoteDelayParams,
  interpretations: (ob) => ob.params.days.map((d) => `"At the latest ${d.value} days before the intervention": quote date ≤ intervention date − ${d.value} days (a quote given exactly ${d.value} days before passes, ${d.value - 1} days before fails).`),
  figures: () => [],
};

export const DepositCapParams = z.object({
  percentOfSupplement: dated(z.number().positive().max(100)),
  maxEuro: dated(z.string().regex(/^\d+\.\d{2}$/)),
}).strict();
export type DepositCapParams = z.infer<typeof DepositCapParams>;

const depositCap: ObligationKind<DepositCapParams> = {
  name: 'deposit-cap',
  params: DepositCapParams,
  interpretations: (ob) => [`Deposit limits apply to the total of the deposits claimed (or, when none is listed, to the deposit the quote announces); ${ob.params.percentOfSupplement.map((p) => p.value).join(' / ')} % of the supplement is computed exactly, without rounding.`],
  figures: () => [],
};

// --- staffing (checked on a roster, not on claim lines) -------------------------------------

export const StaffingParams = z.object({
  /** The criterion's own number in the text ("5.1.a"). */
  criterion: z.string().min(1),
  title: z.string().min(1),
  requirements: z.array(z.object({
    label: z.string().min(1),
    min: z.number().int().positive(),
    anyOf: z.array(z.object({ specialty: z.string().min(1).optional(), qualification: z.string().min(1).optional() }).strict()).min(1),
    text: z.string().min(1),
  }).strict()).min(1),
}).strict();
export type StaffingParams = z.infer<typeof StaffingParams>;

const staffing: ObligationKind<StaffingParams> = {
  name: 'staffing',
  params: StaffingParams,
  interpretations: () => [],
  figures: () => [],
};

/** The kinds, by name. */
export const OBLIGATION_KIND_IMPLS: Readonly<Record<ObligationKindName, ObligationKind>> = {
  staffing,
  'quote-delay': quoteDelay,
  'deposit-cap': depositCap,
  volume,
  'billing-delay': billingDelay,
  'supplement-share': supplementShare,
  'supplement-cap': supplementCap,
  'other-supplement': otherSupplement,
  'single-room': singleRoom,
};
