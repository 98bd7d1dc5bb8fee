/** English messages (the default locale). Interpretation defaults are said in the sentence. */
import type { Detail } from '../../rules/outcomes.js';
import { makeFormat, type Format, type MessageMap } from './types.js';

type D<K extends Detail['code']> = Extract<Detail, { code: K }>;

const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

function period(d: D<'frequency.exceeded' | 'frequency.within'>, f: Format): string {
  switch (d.period) {
    case 'day': return `per calendar day (${d.window!.from})`;
    case 'year': return `per calendar year (${d.window!.from} to ${d.window!.to})`;
    case 'stay': return `per stay (stay ${d.stay})`;
    case 'stay-period': return `per started period of ${d.periodDays} days of the stay (stay ${d.stay}, days ${d.window ? `${d.window.from} to ${d.window.to}` : '?'}; day 1 = admission day)`;
    case 'lifetime': return d.side ? `per side (${d.side}), in the beneficiary's lifetime` : "in the beneficiary's lifetime";
    case 'since': return `per ${d.anchor ? f.line(d.anchor) : 'preceding service'}`;
  }
}

const together = (d: D<'frequency.exceeded' | 'frequency.within'>, f: Format) =>
  d.together && d.together.length > 1 ? ` (${f.and(d.together)} counted together)` : '';

const timing = (t: 'before' | 'before-or-same-day' | 'same-day') =>
  t === 'before' ? 'strictly before (an earlier date)' : t === 'same-day' ? 'the same day' : 'before or on the same day';

const within = (s: 'day' | 'stay') => (s === 'day' ? 'on the same day' : 'during the same stay');

const who = (a: { specialty: string[]; qualifications: string[] }) =>
  `${a.specialty.join(' or ')}${a.qualifications.length ? ` with ${a.qualifications.join(' and ')}` : ''}`;

const months = (m: number, d: number) => [m ? `${m} calendar month${m > 1 ? 's' : ''}` : '', d ? `${d} day${d > 1 ? 's' : ''}` : ''].filter(Boolean).join(' and ');

const age = (under: number | null, atLeast: number | null) =>
  [under !== null ? `under ${under}` : '', atLeast !== null ? `at least ${atLeast}` : ''].filter(Boolean).join(' and ');

const STATUS_EN = { 'in-force': 'in force', deleted: 'deleted', 'not-yet-in-force': 'not yet in force', referenced: 'referenced only' } as const;

export const en: MessageMap = {
  'code.not-a-code': (d) => `"${d.service}" is not a nomenclature code (six digits).`,
  'code.invalid-check-digit': (d) => `Code ${d.service} has an invalid check digit (the sixth digit is the first five modulo 7: expected ${d.expected}).`,
  'code.unknown': (d) => `Code ${d.service} is not known to the nomenclature on ${d.date}.`,
  'code.not-yet-in-force': (d) => `Code ${d.service} is not yet in force on ${d.date}${d.reason ? ` (${d.reason})` : ''}.`,
  'code.deleted': (d) => `Code ${d.service} is no longer in force on ${d.date}${d.reason ? ` (${d.reason})` : ''}.`,
  'code.referenced': (d) => `Code ${d.service} is only referenced by the corpus (named in a rule or a list, not defined): its rules apply, but its value and fee are unknown.`,
  'code.uncertain': (d, f) => `Code ${d.service} has an uncertain state on ${d.date}: a change of it takes effect on a date the sources do not fix (${d.earliest ? `not before ${d.earliest}` : 'no earliest date known'}, ${d.latest ? `at the latest ${d.latest}` : 'no latest date known'}); it is ${f.or(d.candidates.map((c) => `${STATUS_EN[c.status]}${c.keyLetter ? ` (${c.keyLetter} ${c.relativeValue}${c.fee ? `, fee ${c.fee}` : ''})` : ''}`))}. No fee is given: check the act's entry into force.`,
  'setting.ambulatory-code-in-stay': (d) => `Code ${d.service} is an ambulatory code but the line is in a stay (stay ${d.stay}, admitted ${d.admission})${d.twin ? `: bill the hospitalised code ${d.twin}` : ''}.`,
  'setting.hospitalised-code-without-stay': (d) => `Code ${d.service} is a hospitalised code but the line has no stay${d.twin ? `: bill the ambulatory code ${d.twin}` : ''}.`,
  'setting.matches': (d) => `Code ${d.service} is ${d.setting}, as the line.`,
  'frequency.exceeded': (d, f) =>
    `${d.service} may be billed at most ${times(d.max)} ${period(d, f)}${together(d, f)}; already ${d.counted}${d.lines.length ? `: ${f.lines(d.lines)}` : ''}.`,
  'frequency.within': (d, f) => `${d.service}: ${d.counted + d.units} of at most ${d.max} ${period(d, f)}${together(d, f)}.`,
  'frequency.side-missing': (d, f) =>
    `${d.service} is limited to ${times(d.max)} per side, but the line gives no side; ${d.counted} earlier line(s)${d.lines.length ? ` (${f.lines(d.lines)})` : ''}: state the side.`,
  'frequency.no-stay': (d) => `${d.service} is limited ${d.period === 'stay' ? 'per stay' : 'per period of a stay'}, but the line has no stay: the limit cannot be checked.`,
  'frequency.no-anchor': (d, f) => `${d.service} is counted per ${f.or(d.anchor)}, and there is none.`,
  'interval.too-soon': (d, f) =>
    `${d.service} may not be repeated within ${months(d.months, d.days)}${d.lesion ? ` for the same lesion (${d.lesion})` : ''}: ${f.line(d.previous)} is less than ${months(d.months, d.days)} away (the earliest allowed date after it is ${d.earliest}).`,
  'interval.respected': (d, f) =>
    d.previous
      ? `${d.service}: at least ${months(d.months, d.days)} after ${f.line(d.previous)}${d.lesion ? ` (lesion ${d.lesion})` : ''}.`
      : `${d.service}: no line of the group within ${months(d.months, d.days)}${d.lesion ? ` for lesion ${d.lesion}` : ''}.`,
  'interval.lesion-missing': (d, f) =>
    `${d.service} may not be repeated for the same lesion within ${months(d.months, d.days)}; ${f.lines(d.lines)} is within that delay and the line gives no lesion: it cannot be checked.`,
  'non-cumulation.conflict': (d, f) =>
    `${d.service} is not cumulable with ${f.or(d.against)} ${within(d.scope)}${d.sameProvider ? ' by the same provider' : ''}: ${f.line(d.other)} was accepted first (the later line in decision order is refused).`,
  'non-cumulation.possible-conflict': (d, f) =>
    `${d.service} may not be cumulable with ${f.line(d.other)} ${within(d.scope)}${d.sameProvider ? ' (same provider, or provider not given)' : ''}; claim data cannot tell (${f.or(d.against)}): justify it in the medical record.`,
  'non-cumulation.none': (d, f) => `${d.service}: no line of ${f.or(d.against)} ${within(d.scope)}${d.sameProvider ? ' by the same provider' : ''}.`,
  'prerequisite.missing': (d, f) =>
    `${d.service} requires ${d.count > 1 ? `${d.count} lines` : 'a line'} of ${f.or(d.oneOf)} ${timing(d.timing)}${d.sameStay ? ' in the same stay' : ''}${d.ambulatory ? ', performed ambulatory' : ''}; found ${d.found.length ? f.lines(d.found) : 'none'}${d.pending.length ? ` (${f.lines(d.pending)} of the same day comes later in the request and is not yet accepted: list it first)` : ''}.`,
  'prerequisite.met': (d, f) => `${d.service}: requires ${f.or(d.oneOf)} ${timing(d.timing)}${d.sameStay ? ' in the same stay' : ''}: ${f.lines(d.found)}.`,
  'prerequisite.no-stay': (d, f) => `${d.service} requires ${f.or(d.oneOf)} earlier in the same stay, but the line has no stay.`,
  'approval.missing': (d) => `${d.service} requires the prior approval of the ${d.by.join(' or ')}; none is given.`,
  'approval.late': (d) => `${d.service} requires the prior approval of the ${d.by.join(' or ')}: the approval of ${d.approvalDate} is after the service (${d.date}).`,
  'approval.present': (d) => `${d.service}: approved by the ${d.by} on ${d.approvalDate} (on or before the service).`,
  'provider.missing': (d) => `${d.service} may only be billed by: ${d.alternatives.map(who).join('; ')}. The line gives no provider specialty: it cannot be checked.`,
  'provider.not-allowed': (d) =>
    `${d.service} may not be billed by a provider in ${d.specialty ?? '?'}${d.qualifications.length ? ` (${d.qualifications.join(', ')})` : ''}; allowed: ${d.alternatives.map((a) => who(a) + (a.collaborator ? ` working with ${who(a.collaborator)}` : '')).join('; ')}.`,
  'provider.collaborator-missing': (d) =>
    `${d.service} billed by ${d.specialty} requires a collaborator in ${who(d.collaborator)}; ${d.given ? `given: ${d.given.specialty ?? '?'}${d.given.qualifications.length ? ` (${d.given.qualifications.join(', ')})` : ''}` : 'none given'}.`,
  'provider.allowed': (d) => `${d.service}: provider in ${d.specialty}${d.qualifications.length ? ` (${d.qualifications.join(', ')})` : ''}${d.collaborator ? `, with a collaborator in ${d.collaborator}` : ''}: allowed.`,
  'patient.birth-date-missing': (d) => `${d.service} is for beneficiaries ${age(d.under, d.atLeast)} years old (completed years on the date of the service); the birth date is not given: it cannot be checked.`,
  'patient.age-not-met': (d) => `${d.service} is for beneficiaries ${age(d.under, d.atLeast)} years old; the beneficiary (born ${d.birthDate}) is ${d.age} (completed years on the date of the service).`,
  'patient.age-met': (d) => `${d.service}: the beneficiary is ${d.age} (completed years), ${age(d.under, d.atLeast)}.`,
  'patient.sex-missing': (d) => `${d.service} is for sex ${d.sex}; the beneficiary's sex is not given.`,
  'patient.sex-not-met': (d) => `${d.service} is for sex ${d.required}; the beneficiary is ${d.sex}.`,
  'patient.sex-met': (d) => `${d.service}: sex ${d.sex}.`,
  'patient.no-stay': (d, f) => `${d.service} is for a patient staying in service ${f.or(d.allowed)}; the line has no stay.`,
  'patient.service-missing': (d) => `${d.service} depends on the hospital service of the stay, which is not given.`,
  'patient.service-forbidden': (d, f) => `${d.service} does not apply to patients hospitalised in service ${f.or(d.forbidden)}; the stay is in service ${d.hospitalService}.`,
  'patient.service-not-allowed': (d, f) => `${d.service} is for patients in service ${f.or(d.allowed)}; the stay is in service ${d.hospitalService}${d.note ? ` (${f.note(d.note)})` : ''}.`,
  'patient.service-ok': (d, f) => `${d.service}: hospital service ${d.hospitalService}${d.allowed.length ? ` (allowed: ${f.or(d.allowed)})` : ''}${d.forbidden.length ? ` (not ${f.or(d.forbidden)})` : ''}.`,
  'place.institution-missing': (d) => `${d.service} is reimbursed only in an institution with the ${d.convention} convention in force; the line gives no institution: it cannot be checked.`,
  'place.unknown-institution': (d) => `${d.service} is reimbursed only in an institution with the ${d.convention} convention; institution ${d.institution} has no convention in the registry.`,
  'place.no-convention': (d) =>
    `${d.service} is reimbursed only in an institution with the ${d.convention} convention in force; institution ${d.institution} has none on ${d.date}${d.periods.length ? ` (its periods: ${d.periods.map((p) => `${p.from ?? '…'} to ${p.to ?? '…'}`).join(', ')})` : ''}.`,
  'place.convention-in-force': (d) => `${d.service}: institution ${d.institution} has the ${d.convention} convention in force (${d.from ?? '…'} to ${d.to ?? '…'}).`,
  'document.missing': (d) => `${d.service} requires the document(s) ${d.missing.join(', ')}, missing on the line.`,
  'document.present': (d) => `${d.service}: document(s) ${d.documents.join(', ')} present.`,
  'tier.no-stay': (d) => `${d.service} is a per-day fee of a stay; the line has no stay.`,
  'tier.before-admission': (d) => `${d.service} is dated before the admission (${d.admission}).`,
  'tier.wrong-day': (d) =>
    `${d.service} is for days ${d.fromDay}${d.toDay !== null ? `–${d.toDay}` : ''}${d.endOfMonth !== null ? ` to the end of month ${d.endOfMonth} (${d.lastDate})` : d.toDay === null ? ' onwards' : ''} of the stay; the line is on day ${d.day} (admitted ${d.admission}, day 1 = admission day).`,
  'tier.matches': (d) => `${d.service}: day ${d.day} of the stay (admitted ${d.admission}) is within days ${d.fromDay}${d.toDay !== null ? `–${d.toDay}` : ''}${d.lastDate ? ` to ${d.lastDate}` : ''}.`,
  'indication.not-given': (d, f) => `${d.service}: the clinical indication${d.organ ? ` (${d.organ})` : ''} is not given and cannot be checked from claim data; ${f.note(d.otherwise)}.`,
  'indication.listed': (d) => `${d.service}: indication listed (${d.organ}: ${d.label}).`,
  'indication.not-listed': (d, f) => `${d.service}: the indication given matches no listed indication${d.organ ? ` for ${d.organ}` : ''}${d.undecided.length ? ` (undecided: ${d.undecided.join(', ')}; facts missing: ${d.missing.join(', ')})` : ''}; ${f.note(d.otherwise)}.`,
  'indication.invalid': (d, f) => `${d.service}: the indication facts cannot be read (${d.problem}); ${f.note(d.otherwise)}.`,
  'warning.note': (d, f) => `${d.service}: ${f.note(d.note)}`,
  'plausibility.born-after-service': (d) => `${d.service} is dated ${d.date}, before the beneficiary's birth date (${d.birthDate}): one of the two dates is wrong.`,
  'plausibility.before-admission': (d) => `${d.service} is dated ${d.date}, before the admission of its stay ${d.stay} (${d.admission}): one of the two dates is wrong.`,
  'exception.document': (d, f) => `Lifted by the document "${d.document}" on the line: ${f.detail(d.lifted)}`,
  'exception.approval': (d, f) => `Lifted by the approval of the ${d.by} of ${d.approvalDate}: ${f.detail(d.lifted)}`,
};

export const enFormat: Format = makeFormat('en', en, { history: 'history', on: 'on', or: 'or', and: 'and' });
