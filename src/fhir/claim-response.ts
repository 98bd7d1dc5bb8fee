/**
 * A check response as an HL7 Belgium eTariff ClaimResponse (profile be-etariff-claimresponse):
 * one `addItem` per claim line with the line's code, date, quantity and provider; one
 * adjudication: `tariff` (the fee as `net`, the reimbursement and the patient's fee as the
 * MyCareNet extensions, when the fee is known) or `refusal` (the eTarif refusal value of the first
 * violated reason that has one, the earlier service that caused it as the eTariff extensions, the
 * eFact code and label in the reason's text). Every violated and warning reason becomes a
 * `processNote` citing its act (document, article, sentence), and the line's notes point to them:
 * a warning is never a silent acceptance. A fee nomen cannot give is left out, with its reason as
 * a note.
 */
import { dec, money, sub } from '../decimal.js';
import type { Locale } from '../engine/messages/types.js';
import { causeOf } from '../engine/refusal-codes.js';
import type { CheckResponse, Decision, Reason } from '../engine/schema.js';
import type { Detail } from '../rules/outcomes.js';
import type { ReadClaim } from './claim.js';
import { EXTENSIONS, PROFILES, SYSTEMS } from './systems.js';

type Json = Record<string, unknown>;

const EUR = (value: string): Json => ({ value: Number(value), currency: 'EUR' });

const WORDS: Record<Locale, { accepted: string; rejected: string; fee: string; efact: string; noEfact: string }> = {
  en: { accepted: 'accepted', rejected: 'refused', fee: 'fee', efact: 'eFact', noEfact: 'no eFact code' },
  fr: { accepted: 'acceptée(s)', rejected: 'refusée(s)', fee: 'honoraires', efact: 'eFact', noEfact: 'pas de code eFact' },
  nl: { accepted: 'aanvaard', rejected: 'geweigerd', fee: 'honorarium', efact: 'eFact', noEfact: 'geen eFact-code' },
};

export interface ResponseOptions {
  locale?: Locale;
  /** The time of the answer (ClaimResponse.created); now by default. */
  created?: Date;
  /** The ClaimResponse's id; derived from the Claim's by default. */
  id?: string;
}

/** The note of a reason: the message, then the rule and its citation. */
function noteText(r: Reason): string {
  return `${r.message} [${r.rule}] ${r.source.document}, ${r.source.article}: « ${r.source.text} »`;
}

/** The reason of a refusal: the eFact code and label (in the language asked), or why there is none. */
function refusalText(r: Reason, locale: Locale): string {
  const w = WORDS[locale];
  const efact = r.efact ? `${w.efact} ${r.efact.code}: ${r.efact.label[locale]}` : `${w.noEfact}${r.efactReason ? ` (${r.efactReason})` : ''}`;
  return r.etarif === null && r.etarifReason ? `${efact}; ${r.etarifReason}` : efact;
}

function adjudicationOf(d: Decision, locale: Locale): Json {
  if (d.status === 'accepted') return { category: { coding: [{ system: SYSTEMS.decision, code: 'tariff' }] } };
  const violated = d.reasons.filter((r) => r.outcome === 'violated');
  // the first violated reason with an eTarif value names the refusal; else the first violated one
  const main = violated.find((r) => r.etarif) ?? violated[0];
  const adjudication: Json = { category: { coding: [{ system: SYSTEMS.decision, code: 'refusal' }] } };
  if (main === undefined) return adjudication;
  const cause = main.detail ? causeOf(main.detail as unknown as Detail) : null;
  if (cause) {
    adjudication.extension = [
      { url: EXTENSIONS.refusalService, valueCodeableConcept: { coding: [{ system: SYSTEMS.nomenclature, code: cause.code }] } },
      { url: EXTENSIONS.refusalDate, valueDate: cause.date },
    ];
  }
  const reason: Json = { text: refusalText(main, locale) };
  if (main.etarif) reason.coding = [{ system: SYSTEMS.refusal, code: main.etarif }];
  adjudication.reason = reason;
  return adjudication;
}

/** The ClaimResponse of a decided Claim. */
export function claimResponse(read: ReadClaim, response: CheckResponse, options: ResponseOptions = {}): Json {
  const locale = options.locale ?? 'en';
  const claim = read.claim;
  const notes: Json[] = [];
  const addItem = response.decisions.map((d, i) => {
    const item = read.items[i];
    const line: Json = {};
    if (d.status === 'accepted' && d.fee !== null && d.reimbursement !== null) {
      line.extension = [
        { url: EXTENSIONS.reimbursement, valueMoney: EUR(d.reimbursement) },
        { url: EXTENSIONS.patientFee, valueMoney: EUR(money(sub(dec(d.fee), dec(d.reimbursement)))) },
      ];
    }
    line.itemSequence = [item.sequence];
    if (item.provider !== null) line.provider = [{ identifier: { system: SYSTEMS.nihdi, value: item.provider } }];
    line.productOrService = { coding: [{ system: SYSTEMS.nomenclature, code: d.code }] };
    const date = (read.request.claims[i] ?? { date: undefined }).date;
    if (date) line.servicedDate = date;
    if (item.quantity !== null) line.quantity = { value: item.quantity };
    if (d.fee !== null) line.net = EUR(d.fee);
    // the notes of the line: its refusals and warnings, each with its citation; a missing fee's reason
    const numbers: number[] = [];
    for (const r of d.reasons) {
      if (r.outcome === 'satisfied') continue;
      notes.push({ number: notes.length + 1, type: 'display', text: noteText(r) });
      numbers.push(notes.length);
    }
    if (d.feeReason && (d.fee === null || d.status === 'accepted')) {
      notes.push({ number: notes.length + 1, type: 'display', text: `${WORDS[locale].fee}: ${d.feeReason}` });
      numbers.push(notes.length);
    }
    if (numbers.length) line.noteNumber = numbers;
    line.adjudication = [adjudicationOf(d, locale)];
    return line;
  });
  const accepted = response.decisions.filter((d) => d.status === 'accepted').length;
  const w = WORDS[locale];
  const out: Json = {
    resourceType: 'ClaimResponse',
    id: options.id ?? (typeof claim.id === 'string' ? `${claim.id}-response` : 'response'),
    meta: { profile: [PROFILES.claimResponse] },
    status: 'active',
    type: claim.type ?? { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'professional' }] },
  };
  if (claim.subType !== undefined) out.subType = claim.subType;
  out.use = 'predetermination';
  out.patient = claim.patient;
  out.created = (options.created ?? new Date()).toISOString();
  // nomen answers from the law, not as an insurer: the Claim's insurer is echoed when it names one
  out.insurer = claim.insurer ?? { display: 'nomen: decision from the nomenclature (INAMI/RIZIV), not from an insurer' };
  if (claim.provider !== undefined) out.requestor = claim.provider;
  if (typeof claim.id === 'string') out.request = { reference: `Claim/${claim.id}` };
  out.outcome = 'complete';
  out.disposition = `${accepted} ${w.accepted}, ${response.decisions.length - accepted} ${w.rejected}`;
  out.addItem = addItem;
  // the profile wants the coverage answered for: the Claim's focal insurance, echoed
  const focal = Array.isArray(claim.insurance) ? (claim.insurance as Json[]).find((i) => i && i.focal === true && i.coverage !== undefined) : undefined;
  if (focal) out.insurance = [{ sequence: 1, focal: true, coverage: focal.coverage }];
  if (notes.length) out.processNote = notes;
  return out;
}
