/**
 * An HL7 Belgium eTariff Claim (profile be-etariff-claim, FHIR R4) read as a check request
 * (contract §4). What is read, element by element:
 *
 *  - `use` must be `predetermination`, `total` absent (the profile's 0..0); `patient` is required: its Patient (in the Bundle, or
 *    contained) gives the birth date and sex (`gender` male/female/other → M/F/X).
 *  - each `item` is a claim line: `sequence` (its id), `productOrService` coded in the NIHDI
 *    nomenclature system, `servicedDate`, `quantity.value` (units), `careTeamSequence` (the
 *    `careTeam` members who performed it: the one with role `primary`, else the first, is the
 *    provider; the next one the collaborator), `informationSequence` (its supporting info: without
 *    it, every supporting info of the Claim applies), `bodySite` (SNOMED CT laterality → side),
 *    `subSite` (the lesion), `locationReference` (the institution, else the Claim's `facility`).
 *  - a `careTeam` member has the provider's NIHDI number (`provider.identifier` in the nihdi
 *    system) and its `qualification`: codings in nomen's vocabulary systems give the specialty
 *    (urn:nomen:specialty) and particular qualifications (urn:nomen:qualification); a profession
 *    code of cd-hcparty (persphysician …) names no specialty, so the provider rules then warn.
 *  - `supportingInfo`: category `hospitalized` with `timingPeriod.start` is a stay (its hospital
 *    service coded in urn:nomen:hospital-service); a code in urn:nomen:document a document on
 *    the lines; a code in urn:nomen:approval a prior approval by that authority, dated by
 *    `timingDate`. Other supporting info is kept out of the decision.
 *  - other Claims of the Bundle with `use` = `claim` are services already billed: their items are
 *    the request's history.
 *
 * Every element that is missing or malformed is an Issue naming it; nothing is decided then.
 */
import { isIsoDate } from '../date.js';
import type { CheckRequest, Claim as ClaimLine } from '../engine/schema.js';
import { AuthoritySchema } from '../engine/schema.js';
import type { Issue, IssueDetail } from './outcome.js';
import { LATERALITY, SYSTEMS } from './systems.js';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The Claim read, with what the ClaimResponse needs of it. */
export interface ReadClaim {
  request: CheckRequest;
  /** The Claim resource itself (its patient, type, provider … are echoed). */
  claim: Json;
  /** Per request claim line (same order): the item's sequence and the provider's NIHDI number. */
  items: { sequence: number; provider: string | null; quantity: number | null }[];
  /** Where the Claim is: `Claim`, or `Bundle.entry[2].resource`. */
  path: string;
}

export type ReadResult = { ok: true; value: ReadClaim } | { ok: false; issues: Issue[] };

const AUTHORITIES = AuthoritySchema.options;

/** Collects issues while reading; each getter returns undefined on a problem. */
class Reader {
  readonly issues: Issue[] = [];
  constructor(private readonly resolve: (ref: unknown) => Json | null) {}

  fail(expression: string, detail: IssueDetail): undefined {
    this.issues.push({ expression, detail });
    return undefined;
  }

  object(v: unknown, path: string, required: boolean): Json | undefined {
    if (v === undefined) return required ? this.fail(path, { problem: 'required' }) : undefined;
    return isObject(v) ? v : this.fail(path, { problem: 'type', expected: 'object' });
  }

  array(v: unknown, path: string, required: boolean): unknown[] | undefined {
    if (v === undefined || (Array.isArray(v) && v.length === 0 && required)) return required ? this.fail(path, { problem: 'required' }) : undefined;
    return Array.isArray(v) ? v : this.fail(path, { problem: 'type', expected: 'array' });
  }

  string(v: unknown, path: string, required: boolean): string | undefined {
    if (v === undefined) return required ? this.fail(path, { problem: 'required' }) : undefined;
    return typeof v === 'string' && v.length > 0 ? v : this.fail(path, { problem: 'type', expected: 'string' });
  }

  /** A FHIR date, or the date part of a dateTime (timing of supporting info). */
  date(v: unknown, path: string, required: boolean, dateTime = false): string | undefined {
    if (v === undefined) return required ? this.fail(path, { problem: 'required' }) : undefined;
    const d = typeof v === 'string' && (v.length === 10 || (dateTime && v.length > 10 && v[10] === 'T')) ? v.slice(0, 10) : null;
    return d !== null && isIsoDate(d) ? d : this.fail(path, { problem: 'type', expected: 'date' });
  }

  positiveInt(v: unknown, path: string, required: boolean): number | undefined {
    if (v === undefined) return required ? this.fail(path, { problem: 'required' }) : undefined;
    return typeof v === 'number' && Number.isSafeInteger(v) && v >= 1 ? v : this.fail(path, { problem: 'type', expected: 'positive-integer' });
  }

  /** The codings of a CodeableConcept. */
  codings(cc: unknown, path: string, required: boolean): { system: string | null; code: string | null }[] | undefined {
    const o = this.object(cc, path, required);
    if (o === undefined) return undefined;
    const list = this.array(o.coding, `${path}.coding`, required);
    if (list === undefined) return required ? undefined : [];
    const out: { system: string | null; code: string | null }[] = [];
    list.forEach((c, i) => {
      const co = this.object(c, `${path}.coding[${i}]`, true);
      if (co) out.push({ system: typeof co.system === 'string' ? co.system : null, code: typeof co.code === 'string' && co.code !== '' ? co.code : null });
    });
    return out;
  }

  /** The code of the coding in `system` (required), naming the element when there is none. */
  codeIn(cc: unknown, path: string, system: string): string | undefined {
    const codings = this.codings(cc, path, true);
    if (codings === undefined) return undefined;
    const c = codings.find((x) => x.system === system);
    if (c === undefined) return this.fail(`${path}.coding`, { problem: 'no-coding', system });
    if (c.code === null) return this.fail(`${path}.coding[${codings.indexOf(c)}].code`, { problem: 'required' });
    return c.code;
  }

  /** The identifier value of a Reference (its own identifier, else the resource it points to). */
  referenceIdentifier(ref: unknown, path: string, system: string | null): string | undefined {
    const r = this.object(ref, path, false);
    if (r === undefined) return undefined;
    const ids: unknown[] = [];
    if (r.identifier !== undefined) ids.push(r.identifier);
    const target = r.reference !== undefined ? this.resolve(r.reference) : null;
    if (target && Array.isArray(target.identifier)) ids.push(...target.identifier);
    for (const id of ids) {
      if (isObject(id) && typeof id.value === 'string' && id.value !== '' && (system === null || id.system === system)) return id.value;
    }
    return undefined;
  }
}

interface Info {
  sequence: number;
  documents: string[];
  approval: { by: (typeof AUTHORITIES)[number]; date: string } | null;
  stay: { id: string; admission: string; service?: string } | null;
}

interface Member {
  sequence: number;
  id: string;
  primary: boolean;
  specialty: string | undefined;
  qualifications: string[];
}

/** Reads one Claim's items as claim lines (the decided Claim, or a billed one giving history). */
function readLines(r: Reader, claim: Json, path: string, idPrefix: string): { lines: ClaimLine[]; items: ReadClaim['items'] } | undefined {
  // careTeam 1..*: the provider's NIHDI number and qualification
  const team = new Map<number, Member>();
  // sequences declared by members that are malformed: already reported, not "not found" again
  const declared = new Set<number>();
  const careTeam = r.array(claim.careTeam, `${path}.careTeam`, true) ?? [];
  careTeam.forEach((m, k) => {
    const p = `${path}.careTeam[${k}]`;
    const o = r.object(m, p, true);
    if (!o) return;
    const sequence = r.positiveInt(o.sequence, `${p}.sequence`, true);
    if (sequence !== undefined) declared.add(sequence);
    const provider = r.object(o.provider, `${p}.provider`, true);
    let id: string | undefined;
    if (provider) {
      id = r.referenceIdentifier(provider, `${p}.provider`, SYSTEMS.nihdi);
      if (id === undefined) r.fail(`${p}.provider.identifier`, { problem: 'no-coding', system: SYSTEMS.nihdi });
    }
    const qualification = r.codings(o.qualification, `${p}.qualification`, true);
    const roles = o.role === undefined ? [] : (r.codings(o.role, `${p}.role`, false) ?? []);
    if (sequence === undefined || id === undefined || qualification === undefined) return;
    if (team.has(sequence)) return void r.fail(`${p}.sequence`, { problem: 'duplicate-sequence', sequence });
    team.set(sequence, {
      sequence,
      id,
      primary: roles.some((c) => c.system === SYSTEMS.careTeamRole && c.code === 'primary'),
      specialty: qualification.find((c) => c.system === SYSTEMS.specialty && c.code !== null)?.code ?? undefined,
      qualifications: qualification.filter((c) => c.system === SYSTEMS.qualification && c.code !== null).map((c) => c.code!),
    });
  });

  // supportingInfo: stays, documents, approvals
  const infos = new Map<number, Info>();
  const declaredInfo = new Set<number>();
  const supporting = r.array(claim.supportingInfo, `${path}.supportingInfo`, false) ?? [];
  supporting.forEach((s, k) => {
    const p = `${path}.supportingInfo[${k}]`;
    const o = r.object(s, p, true);
    if (!o) return;
    const sequence = r.positiveInt(o.sequence, `${p}.sequence`, true);
    if (sequence !== undefined) declaredInfo.add(sequence);
    const category = r.codings(o.category, `${p}.category`, true);
    const codes = o.code === undefined ? [] : (r.codings(o.code, `${p}.code`, false) ?? []);
    if (sequence === undefined || category === undefined) return;
    if (infos.has(sequence)) return void r.fail(`${p}.sequence`, { problem: 'duplicate-sequence', sequence });
    const info: Info = { sequence, documents: [], approval: null, stay: null };
    if (category.some((c) => c.system === SYSTEMS.infoCategory && c.code === 'hospitalized')) {
      const period = r.object(o.timingPeriod, `${p}.timingPeriod`, true);
      const admission = period ? r.date(period.start, `${p}.timingPeriod.start`, true, true) : undefined;
      const service = codes.find((c) => c.system === SYSTEMS.hospitalService)?.code ?? undefined;
      if (admission !== undefined) info.stay = { id: `${idPrefix}stay-${sequence}`, admission, ...(service ? { service } : {}) };
    }
    codes.forEach((c, i) => {
      if (c.code === null) return;
      if (c.system === SYSTEMS.document) info.documents.push(c.code);
      else if (c.system === SYSTEMS.approval) {
        const by = AUTHORITIES.find((a) => a === c.code);
        if (by === undefined) return void r.fail(`${p}.code.coding[${i}].code`, { problem: 'not-in-vocabulary', value: c.code, allowed: AUTHORITIES });
        const date = r.date(o.timingDate, `${p}.timingDate`, true);
        if (date !== undefined) info.approval = { by, date };
      }
    });
    infos.set(sequence, info);
  });

  const facility = r.referenceIdentifier(claim.facility, `${path}.facility`, null);
  const itemsIn = r.array(claim.item, `${path}.item`, true) ?? [];
  const lines: ClaimLine[] = [];
  const items: ReadClaim['items'] = [];
  const seen = new Set<number>();
  itemsIn.forEach((it, i) => {
    const p = `${path}.item[${i}]`;
    const o = r.object(it, p, true);
    if (!o) return;
    const sequence = r.positiveInt(o.sequence, `${p}.sequence`, true);
    if (sequence !== undefined) {
      if (seen.has(sequence)) r.fail(`${p}.sequence`, { problem: 'duplicate-sequence', sequence });
      seen.add(sequence);
    }
    const code = r.codeIn(o.productOrService, `${p}.productOrService`, SYSTEMS.nomenclature);
    const date = o.servicedDate === undefined && o.servicedPeriod !== undefined
      ? r.fail(`${p}.servicedDate`, { problem: 'required' })
      : r.date(o.servicedDate, `${p}.servicedDate`, true);
    const quantity = o.quantity === undefined ? undefined : r.object(o.quantity, `${p}.quantity`, false);
    const units = quantity ? r.positiveInt(quantity.value, `${p}.quantity.value`, true) : undefined;
    // the members who performed the item: the primary one is the provider, the next the collaborator
    const members: Member[] = [];
    const seqs = r.array(o.careTeamSequence, `${p}.careTeamSequence`, true) ?? [];
    seqs.forEach((s, k) => {
      const n = r.positiveInt(s, `${p}.careTeamSequence[${k}]`, true);
      if (n === undefined) return;
      const m = team.get(n);
      if (m !== undefined) members.push(m);
      else if (!declared.has(n)) r.fail(`${p}.careTeamSequence[${k}]`, { problem: 'unknown-sequence', of: 'careTeam', sequence: n });
    });
    const lead = members.find((m) => m.primary) ?? members[0];
    const helper = members.find((m) => m !== lead);
    // its supporting info (all of the Claim's when it names none)
    let own: Info[] = [...infos.values()];
    if (o.informationSequence !== undefined) {
      own = [];
      (r.array(o.informationSequence, `${p}.informationSequence`, false) ?? []).forEach((s, k) => {
        const n = r.positiveInt(s, `${p}.informationSequence[${k}]`, true);
        if (n === undefined) return;
        const info = infos.get(n);
        if (info !== undefined) own.push(info);
        else if (!declaredInfo.has(n)) r.fail(`${p}.informationSequence[${k}]`, { problem: 'unknown-sequence', of: 'supportingInfo', sequence: n });
      });
    }
    const side = o.bodySite === undefined ? undefined : (r.codings(o.bodySite, `${p}.bodySite`, false) ?? []).filter((c) => c.system === SYSTEMS.snomed && c.code !== null).map((c) => LATERALITY.get(c.code!)).find((s) => s !== undefined);
    let lesion: string | undefined;
    if (o.subSite !== undefined) {
      const sub = r.array(o.subSite, `${p}.subSite`, false)?.[0];
      if (isObject(sub)) lesion = typeof sub.text === 'string' && sub.text !== '' ? sub.text : (Array.isArray(sub.coding) && isObject(sub.coding[0]) && typeof sub.coding[0].code === 'string' ? sub.coding[0].code : undefined);
    }
    const institution = r.referenceIdentifier(o.locationReference, `${p}.locationReference`, null) ?? facility;
    if (sequence === undefined || code === undefined || date === undefined) return;
    const line: ClaimLine = { id: `${idPrefix}${sequence}`, code, date };
    if (units !== undefined) line.units = units;
    if (lead) line.provider = { id: lead.id, ...(lead.specialty ? { specialty: lead.specialty } : {}), qualifications: lead.qualifications };
    if (helper && helper.specialty) line.collaborator = { specialty: helper.specialty, qualifications: helper.qualifications };
    if (institution !== undefined) line.institution = institution;
    const stay = own.find((x) => x.stay !== null)?.stay;
    if (stay) line.stay = stay;
    if (side) line.side = side;
    if (lesion) line.lesion = lesion;
    const approvals = own.flatMap((x) => (x.approval ? [x.approval] : []));
    if (approvals.length) line.approvals = approvals;
    const documents = [...new Set(own.flatMap((x) => x.documents))];
    if (documents.length) line.documents = documents;
    lines.push(line);
    items.push({ sequence, provider: lead?.id ?? null, quantity: units ?? null });
  });
  return { lines, items };
}

/** Index of a Bundle's resources by `Type/id` and by fullUrl. */
function bundleIndex(bundle: Json | null, claim: Json): (ref: unknown) => Json | null {
  const byRef = new Map<string, Json>();
  if (bundle && Array.isArray(bundle.entry)) {
    for (const e of bundle.entry) {
      if (!isObject(e) || !isObject(e.resource)) continue;
      const res = e.resource;
      if (typeof e.fullUrl === 'string') byRef.set(e.fullUrl, res);
      if (typeof res.resourceType === 'string' && typeof res.id === 'string') byRef.set(`${res.resourceType}/${res.id}`, res);
    }
  }
  if (Array.isArray(claim.contained)) {
    for (const c of claim.contained) if (isObject(c) && typeof c.id === 'string') byRef.set(`#${c.id}`, c);
  }
  return (ref) => (typeof ref === 'string' ? (byRef.get(ref) ?? null) : null);
}

const GENDER: Record<string, 'F' | 'M' | 'X'> = { female: 'F', male: 'M', other: 'X' };

/** Reads a Claim, or a Bundle holding one Claim with use `predetermination`, as a check request. */
export function readClaim(value: unknown): ReadResult {
  if (!isObject(value)) return { ok: false, issues: [{ expression: '', detail: { problem: 'resource-type', got: null } }] };
  let claim: Json;
  let path: string;
  let bundle: Json | null = null;
  const billed: { claim: Json; path: string }[] = [];
  if (value.resourceType === 'Claim') {
    claim = value;
    path = 'Claim';
  } else if (value.resourceType === 'Bundle') {
    bundle = value;
    const found: { claim: Json; path: string }[] = [];
    (Array.isArray(value.entry) ? value.entry : []).forEach((e, i) => {
      if (!isObject(e) || !isObject(e.resource) || e.resource.resourceType !== 'Claim') return;
      const at = { claim: e.resource, path: `Bundle.entry[${i}].resource` };
      if (e.resource.use === 'claim') billed.push(at);
      else found.push(at);
    });
    if (found.length === 0) return { ok: false, issues: [{ expression: 'Bundle.entry', detail: { problem: 'no-claim' } }] };
    if (found.length > 1) return { ok: false, issues: [{ expression: 'Bundle.entry', detail: { problem: 'many-claims', count: found.length } }] };
    ({ claim, path } = found[0]);
  } else {
    return { ok: false, issues: [{ expression: 'resourceType', detail: { problem: 'resource-type', got: typeof value.resourceType === 'string' ? value.resourceType : null } }] };
  }

  const r = new Reader(bundleIndex(bundle, claim));
  if (claim.use === undefined) r.fail(`${path}.use`, { problem: 'required' });
  else if (claim.use !== 'predetermination') r.fail(`${path}.use`, { problem: 'fixed-value', expected: 'predetermination', got: String(claim.use) });
  if (claim.total !== undefined) r.fail(`${path}.total`, { problem: 'prohibited' });
  const patientRef = r.object(claim.patient, `${path}.patient`, true);
  const request: CheckRequest = { claims: [] };
  if (patientRef) {
    if (patientRef.reference === undefined && patientRef.identifier === undefined) r.fail(`${path}.patient`, { problem: 'type', expected: 'reference' });
    const patient = patientRef.reference !== undefined ? bundleIndex(bundle, claim)(patientRef.reference) : null;
    if (patient) {
      const beneficiary: NonNullable<CheckRequest['beneficiary']> = {};
      // a partial birth date (a year) gives no age: left out, and the age rules warn
      if (typeof patient.birthDate === 'string' && isIsoDate(patient.birthDate)) beneficiary.birthDate = patient.birthDate;
      const sex = typeof patient.gender === 'string' ? GENDER[patient.gender] : undefined;
      if (sex) beneficiary.sex = sex;
      if (Object.keys(beneficiary).length) request.beneficiary = beneficiary;
    }
  }
  const read = readLines(r, claim, path, '');
  const history: ClaimLine[] = [];
  billed.forEach((b, k) => {
    const id = typeof b.claim.id === 'string' ? b.claim.id : `billed-${k}`;
    const h = readLines(r, b.claim, b.path, `${id}/`);
    if (h) history.push(...h.lines);
  });
  if (r.issues.length || !read) return { ok: false, issues: r.issues };
  request.claims = read.lines;
  if (history.length) request.history = history;
  return { ok: true, value: { request, claim, items: read.items, path } };
}

/** The element of the Claim behind a field of the check request (for errors the request schema finds). */
export function elementOf(read: ReadClaim, field: string): string {
  const m = /^claims\[(\d+)\](?:\.(\w+))?/.exec(field);
  if (!m) return read.path;
  const item = read.items[Number(m[1])];
  const index = item ? (read.claim.item as unknown[]).findIndex((x) => isObject(x) && x.sequence === item.sequence) : -1;
  const at = `${read.path}.item[${index}]`;
  const element: Record<string, string> = { id: 'sequence', code: 'productOrService', date: 'servicedDate', units: 'quantity.value' };
  return m[2] ? `${at}.${element[m[2]] ?? m[2]}` : at;
}
