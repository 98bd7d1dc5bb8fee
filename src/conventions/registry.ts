/**
 * The registry of institutions and their conventions, and the validity of an institution's
 * convention on a date, computed from the convention's own terms:
 *
 * - percutaneous tumour ablation: a fixed period, 2024-11-01 to 2029-10-31, both inclusive
 *   (Art. 10.1, 10.3);
 * - breast reconstruction: from the first day of the month after the signature, for an
 *   indefinite period, ended by 6 months' notice starting on the first day of the month after
 *   the registered letter was sent (Art. 16).
 *
 * Every end of a period says how it was obtained (`basis`) and which sentence says so.
 */
import { addDays, addMonths, firstOfMonthAfter, isIsoDate, maxDate, minDate, type IsoDate } from '../date.js';
import type { Institution, InstitutionConvention } from '../store/types.js';
import { ABLATION, BREAST, CITE, type Citation } from './sources.js';

export type { Institution, InstitutionConvention };

/** How a convention's period follows from its text. */
export interface ConventionTerms {
  convention: string;
  title: string;
  /** fixed: the same period for every centre; signature: from the month after signature, open-ended. */
  kind: 'fixed' | 'signature';
  /** Fixed period (kind 'fixed'), both ends inclusive. */
  from: IsoDate | null;
  to: IsoDate | null;
  /** Months of notice (kind 'signature'). */
  noticeMonths: number | null;
  description: string;
  sources: Citation[];
}

/** The conventions whose terms the system knows. */
export const CONVENTION_TERMS: Record<string, ConventionTerms> = {
  [ABLATION]: {
    convention: ABLATION,
    title: 'CT-guided percutaneous ablation of kidney, liver, lung and bone tumours',
    kind: 'fixed',
    from: '2024-11-01',
    to: '2029-10-31',
    noticeMonths: null,
    description: 'in force from 2024-11-01 to 2029-10-31 inclusive, not tacitly renewed',
    sources: [CITE.ablationEntryIntoForce, CITE.ablationValidUntil],
  },
  [BREAST]: {
    convention: BREAST,
    title: 'total breast reconstruction by free perforator flap',
    kind: 'signature',
    from: null,
    to: null,
    noticeMonths: 6,
    description:
      'in force from the first day of the month after signature, indefinitely; ended by 6 months\' notice starting on the first day of the month after the registered letter',
    sources: [CITE.breastEffect, CITE.breastIndefinite, CITE.breastNotice],
  },
};

/** Names of the conventions the system knows. */
export const KNOWN_CONVENTIONS = Object.keys(CONVENTION_TERMS);

/** The terms of a convention, or undefined; own keys only (a convention named "constructor" is unknown, not Object's). */
function termsOf(convention: string): ConventionTerms | undefined {
  return Object.hasOwn(CONVENTION_TERMS, convention) ? CONVENTION_TERMS[convention] : undefined;
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
 * Breast reconstruction, Art. 16: the notice of 6 months starts on the first day of the month
 * after the registered letter; the convention ends when the 6 months have run:
 * letter 2023-03-15 → notice from 2023-04-01 → no longer in force from 2023-10-01 (last day 2023-09-30).
 */
export function noticeEnd(noticeSent: IsoDate, months = 6): NoticeEnd {
  const noticeStarts = firstOfMonthAfter(noticeSent, 1);
  const endsOn = addMonths(noticeStarts, months);
  return { noticeSent, noticeStarts, endsOn, lastDay: addDays(endsOn, -1) };
}

/** Breast reconstruction, Art. 16: in force from the first day of the month after the signature. */
export function startAfterSignature(signed: IsoDate): IsoDate {
  return firstOfMonthAfter(signed, 1);
}

/** The effective period of one institution's convention: the record intersected with the convention's own terms. */
export function validity(m: InstitutionConvention): Validity {
  const terms = termsOf(m.convention);
  const issues: string[] = [];
  if (!terms) {
    return {
      convention: m.convention, from: m.from, to: m.to, empty: m.to !== null && m.to < m.from,
      basis: { from: 'as recorded (convention terms unknown to the system)', to: m.to ? 'as recorded' : 'indefinite, as recorded' },
      issues, sources: [],
    };
  }
  let from: IsoDate | null = m.from;
  let to: IsoDate | null = m.to;
  let fromBasis = 'as recorded';
  let toBasis = m.to ? 'as recorded' : 'indefinite';
  const sources: Citation[] = [];

  if (terms.kind === 'fixed') {
    const own = { from: terms.from!, to: terms.to! };
    sources.push(...terms.sources);
    if (m.from < own.from) {
      issues.push(`recorded start ${m.from} precedes the convention's entry into force ${own.from}: counted from ${own.from}`);
      from = own.from;
      fromBasis = `the convention's entry into force (${terms.sources[0].article})`;
    } else {
      fromBasis = m.from === own.from ? `the convention's entry into force (${terms.sources[0].article})` : 'as recorded (later than the convention\'s entry into force)';
    }
    if (m.to === null || m.to >= own.to) {
      if (m.to !== null && m.to > own.to) issues.push(`recorded end ${m.to} is after the convention's last day ${own.to}: counted until ${own.to}`);
      to = own.to;
      toBasis = `the convention's last day, inclusive (${terms.sources[1].article})`;
    } else {
      toBasis = 'as recorded (earlier end, e.g. termination under Art. 10.2)';
    }
  } else {
    if (m.signed) {
      const start = startAfterSignature(m.signed);
      sources.push(CITE.breastEffect);
      if (m.from !== start) {
        issues.push(`recorded start ${m.from} differs from the first day of the month after the signature ${m.signed} (${start}): counted from the later, ${maxDate(m.from, start)}`);
      }
      from = maxDate(m.from, start);
      fromBasis = from === start ? `first day of the month after the signature ${m.signed} (Art. 16)` : 'as recorded (later than the month after signature)';
    } else {
      fromBasis = 'as recorded (signature date not recorded: the start cannot be checked against Art. 16)';
    }
    sources.push(CITE.breastIndefinite);
    if (m.noticeSent) {
      const n = noticeEnd(m.noticeSent, terms.noticeMonths ?? 6);
      sources.push(CITE.breastNotice);
      if (m.to !== null && m.to !== n.lastDay) {
        issues.push(`recorded end ${m.to} differs from the end of the notice sent ${m.noticeSent} (last day ${n.lastDay}): counted until the earlier, ${minDate(m.to, n.lastDay)}`);
      }
      to = m.to === null ? n.lastDay : minDate(m.to, n.lastDay);
      toBasis = to === n.lastDay
        ? `notice sent ${m.noticeSent}: 6 months from ${n.noticeStarts}, no longer in force from ${n.endsOn} (Art. 16)`
        : 'as recorded (earlier than the end of the notice)';
    } else if (m.to !== null) {
      toBasis = 'as recorded (no notice date recorded; e.g. the centre no longer meets the criteria of Art. 6)';
    } else {
      toBasis = 'indefinite (Art. 16): no notice recorded';
    }
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
export function statusOn(m: InstitutionConvention, date: IsoDate): ConventionStatus {
  const v = validity(m);
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
export function institutionOn(inst: Institution, date: IsoDate): ConventionStatus[] {
  return inst.conventions.map((c) => statusOn(c, date));
}

/** True when `inst` has `convention` in force on `date` (any of its records). */
export function hasConventionOn(inst: Institution, convention: string, date: IsoDate): boolean {
  return inst.conventions.some((c) => c.convention === convention && statusOn(c, date).inForce);
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
 * Builds the record of one convention of an institution. The ends the user leaves out are
 * derived from the convention's own terms (ablation: 2024-11-01 to 2029-10-31; breast
 * reconstruction: from the month after `signed`, to the end of the notice when `noticeSent`).
 * The record keeps the effective ends, so that `check` (which reads `from`/`to`) agrees.
 */
export function conventionRecord(input: ConventionInput): InstitutionConvention {
  const convention = input.convention?.trim();
  if (!convention) throw new RegistryError('convention', 'convention: missing (known: ' + KNOWN_CONVENTIONS.join(', ') + ')');
  if (!SLUG.test(convention)) throw new RegistryError('convention', `convention: "${convention}" is not a convention name (lower-case words joined by "-"; known: ${KNOWN_CONVENTIONS.join(', ')})`);
  const from = dateField('from', input.from);
  const to = dateField('to', input.to);
  const signed = dateField('signed', input.signed);
  const noticeSent = dateField('notice_sent', input.noticeSent);
  const terms = termsOf(convention);
  let start = from;
  let end = to;
  if (terms?.kind === 'fixed') {
    start ??= terms.from;
    end ??= terms.to;
  } else if (terms?.kind === 'signature') {
    if (signed) start ??= startAfterSignature(signed);
    if (noticeSent) end ??= noticeEnd(noticeSent, terms.noticeMonths ?? 6).lastDay;
    if (!start) throw new RegistryError('from', `from: missing, and no signature date to derive it from (${convention} starts on the first day of the month after signature)`);
  } else if (!start) {
    throw new RegistryError('from', `from: missing (the terms of "${convention}" are unknown to the system, so the start cannot be derived)`);
  }
  if (signed && noticeSent && noticeSent < signed) throw new RegistryError('notice_sent', `notice_sent: ${noticeSent} is before the signature ${signed}`);
  if (end !== null && end < start!) throw new RegistryError('to', `to: ${end} is before the start ${start}`);
  const rec: InstitutionConvention = { convention, from: start!, to: end };
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
export function overlaps(inst: Institution): string[] {
  const out: string[] = [];
  const list = inst.conventions.map(validity);
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
export function effectiveInstitution(inst: Institution): { id: string; conventions: { convention: string; from: IsoDate | null; to: IsoDate | null }[] } {
  return {
    id: inst.id,
    conventions: inst.conventions.map(validity).filter((v) => !v.empty).map((v) => ({ convention: v.convention, from: v.from, to: v.to })),
  };
}
