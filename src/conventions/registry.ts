/**
 * The registry of institutions and their conventions, and the validity of an institution's
 * convention on a date, computed from the convention's own terms as its text states them
 * (src/corpus/convention/terms.ts): a fixed start, or the first day of the month after the
 * signature; a last day, or an indefinite period ended by a notice of n months. Any ingested
 * convention is known (the catalogue); nothing here names one.
 *
 * Every end of a period says how it was obtained (`basis`) and which sentence says so.
 */
import { addDays, addMonths, firstOfMonthAfter, isIsoDate, maxDate, minDate, type IsoDate } from '../date.js';
import type { Institution, InstitutionConvention } from '../store/types.js';
import { builtinCatalogue, citeTerm, type ConventionCatalogue, type ConventionTerms } from './catalogue.js';
import type { Citation } from './sources.js';

export type { Institution, InstitutionConvention, ConventionTerms };

/** The terms of a convention named by its machine name or document id, or undefined. */
export function conventionTerms(convention: string, catalogue: ConventionCatalogue = builtinCatalogue()): ConventionTerms | undefined {
  return catalogue.find(convention)?.terms;
}

/** The machine names of the conventions a catalogue knows. */
export function knownConventions(catalogue: ConventionCatalogue = builtinCatalogue()): string[] {
  return catalogue.entries.map((e) => e.name);
}

/** The effective period of one institution's convention, with how each end was obtained. */
export interface Validity {
  convention: string;
  /** First day in force (inclusive); null when it cannot be known from the record. */
  from: IsoDate | null;
  /** Last day in force (inclusive); null: indefinite. */
  to: IsoDate | null;
  /** True when the record and the terms leave no day in force (to < from). */
  empty: boolean;
  basis: { from: string; to: string };
  /** Discrepancies between the record and the convention's own terms (never corrected silently: both are shown). */
  issues: string[];
  sources: Citation[];
}

/** The notice period of a convention ended by notice: when it starts and the last day the convention is in force. */
export interface NoticeEnd {
  noticeSent: IsoDate;
  /** First day of the month after the letter: the notice starts. */
  noticeStarts: IsoDate;
  /** The notice starts + n months: the first day the convention is no longer in force. */
  endsOn: IsoDate;
  /** endsOn − 1 day: the last day in force (inclusive). */
  lastDay: IsoDate;
}

/**
 * The end of a notice of `months` months sent on `noticeSent`; when the text makes the notice
 * start on the first day of the month after the letter (`startsNextMonth`), it runs from there:
 * 6 months, letter 2023-03-15 → notice from 2023-04-01 → no longer in force from 2023-10-01 (last day 2023-09-30).
 */
export function noticeEnd(noticeSent: IsoDate, months: number, startsNextMonth = true): NoticeEnd {
  const noticeStarts = startsNextMonth ? firstOfMonthAfter(noticeSent, 1) : noticeSent;
  const endsOn = addMonths(noticeStarts, months);
  return { noticeSent, noticeStarts, endsOn, lastDay: addDays(endsOn, -1) };
}

/** The first day of the `month`-th month after the signature (1: the next month). */
export function startAfterSignature(signed: IsoDate, month = 1): IsoDate {
  return firstOfMonthAfter(signed, month);
}

const nth = (n: number) => (n === 1 ? 'the month' : `the ${n === 2 ? 'second' : n === 3 ? 'third' : `${n}th`} month`);

/** The effective period of one institution's convention: the record intersected with the convention's own terms. */
export function validity(m: InstitutionConvention, catalogue?: ConventionCatalogue): Validity {
  const terms = conventionTerms(m.convention, catalogue);
  const issues: string[] = [];
  if (!terms) {
    return {
      convention: m.convention, from: m.from, to: m.to, empty: m.to !== null && m.to < m.from,
      basis: { from: 'as recorded (convention terms unknown to the system)', to: m.to ? 'as recorded' : 'indefinite, as recorded' },
      issues, sources: [],
    };
  }
  const cite = (s: { article: string; text: string }) => citeTerm(terms.document, s);
  let from: IsoDate | null = m.from;
  let to: IsoDate | null = m.to;
  let fromBasis = 'as recorded';
  let toBasis = m.to ? 'as recorded' : 'indefinite';
  const sources: Citation[] = [];
  const start = terms.start;
  const end = terms.end;

  if (start?.kind === 'fixed') {
    sources.push(cite(start.source));
    const own = start.date;
    if (m.from < own) {
      issues.push(`recorded start ${m.from} precedes the convention's entry into force ${own}: counted from ${own}`);
      from = own;
      fromBasis = `the convention's entry into force (${start.source.article})`;
    } else {
      fromBasis = m.from === own ? `the convention's entry into force (${start.source.article})` : 'as recorded (later than the convention\'s entry into force)';
    }
  } else if (start?.kind === 'after-signature') {
    if (m.signed) {
      const first = startAfterSignature(m.signed, start.month);
      sources.push(cite(start.source));
      if (m.from !== first) {
        issues.push(`recorded start ${m.from} differs from the first day of ${nth(start.month)} after the signature ${m.signed} (${first}): counted from the later, ${maxDate(m.from, first)}`);
      }
      from = maxDate(m.from, first);
      fromBasis = from === first ? `first day of ${nth(start.month)} after the signature ${m.signed} (${start.source.article})` : 'as recorded (later than the month after signature)';
    } else {
      fromBasis = `as recorded (signature date not recorded: the start cannot be checked against ${start.source.article})`;
    }
  }

  if (end?.kind === 'fixed') {
    sources.push(cite(end.source));
    const last = end.date;
    if (m.to === null || m.to >= last) {
      if (m.to !== null && m.to > last) issues.push(`recorded end ${m.to} is after the convention's last day ${last}: counted until ${last}`);
      to = last;
      toBasis = `the convention's last day, inclusive (${end.source.article})`;
    } else {
      toBasis = 'as recorded (earlier end, e.g. a termination the text provides for)';
    }
  } else if (terms.notice && m.noticeSent) {
    const notice = terms.notice;
    if (end) sources.push(cite(end.source));
    const n = noticeEnd(m.noticeSent, notice.months, notice.startsNextMonth);
    sources.push(cite(notice.source));
    if (m.to !== null && m.to !== n.lastDay) {
      issues.push(`recorded end ${m.to} differs from the end of the notice sent ${m.noticeSent} (last day ${n.lastDay}): counted until the earlier, ${minDate(m.to, n.lastDay)}`);
    }
    to = m.to === null ? n.lastDay : minDate(m.to, n.lastDay);
    toBasis = to === n.lastDay
      ? `notice sent ${m.noticeSent}: ${notice.months} months from ${n.noticeStarts}, no longer in force from ${n.endsOn} (${notice.source.article})`
      : 'as recorded (earlier than the end of the notice)';
  } else if (end?.kind === 'indefinite') {
    sources.push(cite(end.source));
    if (m.to !== null) toBasis = 'as recorded (no notice date recorded; e.g. the centre no longer meets the criteria of the convention)';
    else toBasis = `indefinite (${end.source.article}): no notice recorded`;
  }
  return { convention: m.convention, from, to, empty: from !== null && to !== null && to < from, basis: { from: fromBasis, to: toBasis }, issues, sources };
}

/** Whether an institution's convention is in force on a date, and why. */
export interface ConventionStatus {
  convention: string;
  date: IsoDate;
  inForce: boolean;
  validity: Validity;
  reason: string;
}

/** The status of one convention record on `date`. */
export function statusOn(m: InstitutionConvention, date: IsoDate, catalogue?: ConventionCatalogue): ConventionStatus {
  const v = validity(m, catalogue);
  let inForce: boolean;
  let reason: string;
  if (v.empty) {
    inForce = false;
    reason = `no day in force: ends ${v.to} before it starts ${v.from}`;
  } else if (v.from !== null && date < v.from) {
    inForce = false;
    reason = `not yet in force on ${date}: starts ${v.from} (${v.basis.from})`;
  } else if (v.to !== null && date > v.to) {
    inForce = false;
    reason = `no longer in force on ${date}: last day ${v.to} (${v.basis.to})`;
  } else {
    inForce = true;
    reason = `in force on ${date}: ${v.from ?? '?'} to ${v.to ?? 'indefinite'}`;
  }
  return { convention: m.convention, date, inForce, validity: v, reason };
}

/** Every convention of an institution on a date. */
export function institutionOn(inst: Institution, date: IsoDate, catalogue?: ConventionCatalogue): ConventionStatus[] {
  return inst.conventions.map((c) => statusOn(c, date, catalogue));
}

/** True when `inst` has `convention` in force on `date` (any of its records). */
export function hasConventionOn(inst: Institution, convention: string, date: IsoDate, catalogue?: ConventionCatalogue): boolean {
  return inst.conventions.some((c) => c.convention === convention && statusOn(c, date, catalogue).inForce);
}

/** A field of a registry record that is wrong. */
export class RegistryError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

/** What a user gives to register a convention; missing ends are derived from the convention's terms. */
export interface ConventionInput {
  convention: string;
  from?: string | null;
  to?: string | null;
  signed?: string | null;
  noticeSent?: string | null;
}

function dateField(field: string, v: string | null | undefined): IsoDate | null {
  if (v === undefined || v === null || v === '') return null;
  if (!isIsoDate(v)) throw new RegistryError(field, `${field}: "${v}" is not a date in the form YYYY-MM-DD`);
  return v;
}

const SLUG = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Builds the record of one convention of an institution. The convention is named by its machine
 * name or its document id (the record keeps the machine name). The ends the user leaves out are
 * derived from the convention's own terms: its fixed start and last day; the first day of the
 * month after `signed` when it starts after signature; the end of the notice when `noticeSent`.
 * The record keeps the effective ends, so that `check` (which reads `from`/`to`) agrees.
 */
export function conventionRecord(input: ConventionInput, catalogue: ConventionCatalogue = builtinCatalogue()): InstitutionConvention {
  const known = () => knownConventions(catalogue).join(', ');
  const given = input.convention?.trim();
  if (!given) throw new RegistryError('convention', `convention: missing (known: ${known()})`);
  const entry = catalogue.find(given);
  if (!entry && !SLUG.test(given)) throw new RegistryError('convention', `convention: "${given}" is not a convention name (lower-case words joined by "-"; known: ${known()})`);
  const convention = entry?.name ?? given;
  const from = dateField('from', input.from);
  const to = dateField('to', input.to);
  const signed = dateField('signed', input.signed);
  const noticeSent = dateField('notice_sent', input.noticeSent);
  const terms = entry?.terms;
  let start = from;
  let end = to;
  if (terms?.start?.kind === 'fixed') start ??= terms.start.date;
  else if (terms?.start?.kind === 'after-signature') {
    if (signed) start ??= startAfterSignature(signed, terms.start.month);
    if (!start) throw new RegistryError('from', `from: missing, and no signature date to derive it from (${convention} starts on the first day of ${nth(terms.start.month)} after signature)`);
  }
  if (terms?.end?.kind === 'fixed') end ??= terms.end.date;
  else if (terms?.notice && noticeSent) end ??= noticeEnd(noticeSent, terms.notice.months, terms.notice.startsNextMonth).lastDay;
  if (!start) {
    throw new RegistryError('from', terms
      ? `from: missing (the text of "${convention}" states no start the system can compute)`
      : `from: missing (the terms of "${convention}" are unknown to the system, so the start cannot be derived)`);
  }
  if (signed && noticeSent && noticeSent < signed) throw new RegistryError('notice_sent', `notice_sent: ${noticeSent} is before the signature ${signed}`);
  if (end !== null && end < start) throw new RegistryError('to', `to: ${end} is before the start ${start}`);
  const rec: InstitutionConvention = { convention, from: start, to: end };
  if (signed) rec.signed = signed;
  if (noticeSent) rec.noticeSent = noticeSent;
  return rec;
}

/** Adds (or replaces, same convention and same start) a convention record of an institution. */
export function withConvention(inst: Institution, rec: InstitutionConvention): Institution {
  const others = inst.conventions.filter((c) => !(c.convention === rec.convention && c.from === rec.from));
  const conventions = [...others, rec].sort((x, y) => (x.convention + x.from).localeCompare(y.convention + y.from));
  return { ...inst, conventions };
}

/** Periods overlapping within one institution for the same convention (a registry inconsistency). */
export function overlaps(inst: Institution, catalogue?: ConventionCatalogue): string[] {
  const out: string[] = [];
  const list = inst.conventions.map((c) => validity(c, catalogue));
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const x = list[i], y = list[j];
      if (x.convention !== y.convention || x.empty || y.empty) continue;
      const xs = x.from ?? '0000-01-01', ys = y.from ?? '0000-01-01';
      const xe = x.to ?? '9999-12-31', ye = y.to ?? '9999-12-31';
      if (xs <= ye && ys <= xe) out.push(`${inst.id}: two periods of ${x.convention} overlap (${xs}–${x.to ?? '…'} and ${ys}–${y.to ?? '…'})`);
    }
  }
  return out;
}

/**
 * The institution with each convention reduced to its effective period (the record intersected
 * with the convention's own terms): what `check` needs to decide a place rule. Records with no
 * day in force are dropped.
 */
export function effectiveInstitution(inst: Institution, catalogue?: ConventionCatalogue): { id: string; conventions: { convention: string; from: IsoDate | null; to: IsoDate | null }[] } {
  return {
    id: inst.id,
    conventions: inst.conventions.map((c) => validity(c, catalogue)).filter((v) => !v.empty).map((v) => ({ convention: v.convention, from: v.from, to: v.to })),
  };
}
