/**
 * The request and response of `nomen check` (contract §4) as zod 4 schemas. They are the
 * single definition used by the CLI, the batch, the HTTP API and its OpenAPI document
 * (`z.toJSONSchema(CheckRequest)` works: no transforms, refinements only add checks).
 *
 * Choices:
 *  - Unknown top-level fields are REJECTED (a misspelt "claim" or "hist0ry" must not be
 *    silently ignored); unknown fields inside nested objects (beneficiary, claim, provider,
 *    stay …) are accepted and ignored, so integrators may send richer records.
 *  - A claim needs only `id`, `code` and `date`. `code` is any string: a code with an invalid
 *    check digit or of the wrong shape is decided (kind `unknown-code`), not a schema error.
 *  - Dates must be real ISO dates (2023-02-29 is refused: zod's ISO date checks month lengths
 *    and leap years; the date tests compare it with src/date.ts isIsoDate). `claims` must not be empty, and
 *    claim ids must be unique within `claims`.
 *  - Errors name the field path as `claims[2].date`.
 */
import { z } from 'zod';
import { acceptRequest } from './fast-request.js';

export const IsoDateSchema = z.iso
  .date({ message: 'expected a real calendar date YYYY-MM-DD' })
  .meta({ description: 'ISO calendar date YYYY-MM-DD', example: '2024-11-18' });

/**
 * The dates a request gives (services, history, birth, admission, approvals, convention periods):
 * real dates of care, not sentinels such as 0000-01-01 or 9999-12-31 (the engine uses the latter
 * as an open end).
 */
export const DATE_RANGE = { from: '1900-01-01', to: '2199-12-31' } as const;

// (a string that is not a date at all has its error from the ISO check alone)
export const RequestDateSchema = IsoDateSchema.refine((s) => !/^\d{4}-\d\d-\d\d$/.test(s) || (s >= DATE_RANGE.from && s <= DATE_RANGE.to), {
  message: `expected a date from ${DATE_RANGE.from} to ${DATE_RANGE.to} (a year such as 0000 or 9999 is not a date of care)`,
}).meta({ description: `ISO calendar date YYYY-MM-DD, from ${DATE_RANGE.from} to ${DATE_RANGE.to}`, example: '2024-11-18' });

export const AuthoritySchema = z.enum(['college-of-medical-directors', 'medical-adviser', 'dental-technical-council']);

export const ProviderSchema = z
  .object({
    id: z.string().optional(),
    specialty: z.string().optional(),
    qualifications: z.array(z.string()).optional(),
  })
  .meta({ description: 'The provider: specialty and particular qualifications (vocabulary of the contract).' });

export const CollaboratorSchema = z
  .object({
    specialty: z.string().optional(),
    qualifications: z.array(z.string()).optional(),
  })
  .meta({ description: 'A specialist the provider works with (e.g. the interventional radiologist).' });

export const StaySchema = z
  .object({
    id: z.string().min(1).optional(),
    admission: RequestDateSchema,
    service: z.string().min(1).optional(),
  })
  .meta({ description: 'Present when the beneficiary is hospitalised for the line; `service` is the letter code of the hospital service (A, C, D, N, n, Sp, T, Tf …).' });

export const ApprovalSchema = z.object({ by: AuthoritySchema, date: RequestDateSchema });

export const IndicationSchema = z
  .object({
    organ: z.enum(['kidney', 'liver', 'lung', 'bone']).optional(),
    tumour: z.string().optional(),
    sizeCm: z.union([z.number().nonnegative(), z.string()]).optional(),
    count: z.number().int().min(1).optional(),
    tStage: z.string().optional(),
    eligibleForSurgery: z.boolean().optional(),
    eligibleForSbrt: z.boolean().optional(),
    gfr: z.union([z.number().nonnegative(), z.string()]).optional(),
    singleKidney: z.boolean().optional(),
    predisposition: z.string().optional(),
    alternativeToSystemic: z.boolean().optional(),
    palliative: z.boolean().optional(),
    nearCriticalStructures: z.boolean().optional(),
    combinedTreatment: z.boolean().optional(),
  })
  .meta({ description: 'Optional clinical facts (extension), vocabulary of the indication tables (src/conventions/indications.ts): checked against Art. 3 of the ablation convention.' });

export const ClaimSchema = z
  .object({
    id: z.string().min(1),
    code: z.string().min(1).meta({ description: 'Nomenclature code, 6 digits', example: '587134' }),
    date: RequestDateSchema,
    units: z.number().int().min(1).optional(),
    provider: ProviderSchema.optional(),
    collaborator: CollaboratorSchema.optional(),
    institution: z.string().min(1).optional(),
    stay: StaySchema.optional(),
    side: z.enum(['left', 'right']).optional(),
    lesion: z.string().min(1).optional(),
    approvals: z.array(ApprovalSchema).optional(),
    documents: z.array(z.string().min(1)).optional(),
    indication: IndicationSchema.optional(),
  })
  .meta({ id: 'Claim', description: 'A claim line. Only id, code and date are required.' });

export const BeneficiarySchema = z
  .object({
    id: z.string().min(1).optional(),
    birthDate: RequestDateSchema.optional(),
    sex: z.enum(['F', 'M', 'X']).optional(),
    preferential: z.boolean().optional(),
  })
  .meta({ description: 'The beneficiary; `preferential` selects the reimbursement column (default false).' });

export const ConventionPeriodSchema = z.object({
  convention: z.string().min(1),
  from: RequestDateSchema.nullable().optional(),
  to: RequestDateSchema.nullable().optional(),
});

export const InstitutionSchema = z.object({
  id: z.string().min(1),
  conventions: z.array(ConventionPeriodSchema),
});

export const CheckRequest = z
  .strictObject({
    beneficiary: BeneficiarySchema.optional(),
    institutions: z.array(InstitutionSchema).optional(),
    history: z.array(ClaimSchema).optional(),
    claims: z.array(ClaimSchema).min(1, 'at least one claim'),
  })
  .superRefine((req, ctx) => {
    const seen = new Map<string, number>();
    req.claims.forEach((c, i) => {
      const first = seen.get(c.id);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['claims', i, 'id'], message: `duplicate claim id "${c.id}" (also claims[${first}])` });
      else seen.set(c.id, i);
    });
    // a line id names one line: two history lines with one id, or a claim that is also history, are one line counted twice
    const held = new Map<string, number>();
    (req.history ?? []).forEach((h, i) => {
      const first = held.get(h.id);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['history', i, 'id'], message: `duplicate history id "${h.id}" (also history[${first}])` });
      else held.set(h.id, i);
    });
    req.claims.forEach((c, i) => {
      const h = held.get(c.id);
      if (h !== undefined) ctx.addIssue({ code: 'custom', path: ['claims', i, 'id'], message: `claim id "${c.id}" is also the id of history[${h}]: a line is either history or a claim` });
    });
  })
  .meta({ id: 'CheckRequest', description: 'A beneficiary, their history and new claim lines (contract §4).' });

export type CheckRequest = z.infer<typeof CheckRequest>;
export type Claim = z.infer<typeof ClaimSchema>;
export type Institution = z.infer<typeof InstitutionSchema>;

// --- response -------------------------------------------------------------------------------

export const SourceSchema = z.object({ document: z.string(), article: z.string(), text: z.string() });

export const EfactSchema = z
  .object({
    code: z.string().meta({ example: '500444' }),
    type: z.enum(['R', 'B', 'F']),
    label: z.object({ fr: z.string(), nl: z.string(), en: z.string() }),
  })
  .meta({ id: 'EfactCode', description: 'An eFact rejection code (record type 50): its catalogue type letter, its official FR and NL labels, and its meaning in English.' });

export const ReasonSchema = z
  .object({
    rule: z.string(),
    kind: z.enum([
      'unknown-code', 'not-in-force', 'setting', 'frequency', 'interval', 'non-cumulation', 'prerequisite',
      'approval', 'provider', 'patient', 'place', 'document', 'tier',
    ]),
    outcome: z.enum(['violated', 'satisfied', 'warning']),
    message: z.string(),
    source: SourceSchema,
    /** The outcome as data (code + explaining fields), for programs. */
    detail: z.record(z.string(), z.unknown()).optional(),
    /** Why the rule reads the text as it does (interpretation defaults, corrections). */
    interpretation: z.string().optional(),
    /** An eFact-like rejection category for violated reasons. */
    rejection: z.string().optional(),
    /** v1.1, violated reasons: the eFact rejection code (official FR/NL labels, EN meaning), or null (see efactReason). */
    efact: EfactSchema.nullable().optional(),
    /** v1.1, violated reasons: the eTarif refusal value (001–010), or null (see etarifReason). */
    etarif: z.enum(['001', '002', '003', '004', '005', '006', '007', '008', '009', '010']).nullable().optional(),
    /** Why `efact` is null. */
    efactReason: z.string().optional(),
    /** Why `etarif` is null. */
    etarifReason: z.string().optional(),
  })
  .meta({ id: 'Reason' });

export const DecisionSchema = z
  .object({
    claim: z.string(),
    code: z.string(),
    status: z.enum(['accepted', 'rejected']),
    setting: z.enum(['ambulatory', 'hospitalised']),
    keyLetter: z.string().nullable(),
    relativeValue: z.string().nullable(),
    fee: z.string().nullable(),
    reimbursement: z.string().nullable(),
    /** Why fee or reimbursement is null, or how they were obtained. */
    feeReason: z.string().nullable().optional(),
    reasons: z.array(ReasonSchema),
  })
  .meta({ id: 'Decision' });

export const CheckResponse = z
  .object({
    beneficiary: z.string().nullable(),
    decisions: z.array(DecisionSchema),
  })
  .meta({ id: 'CheckResponse' });

export type Reason = z.infer<typeof ReasonSchema>;
export type Decision = z.infer<typeof DecisionSchema>;
export type CheckResponse = z.infer<typeof CheckResponse>;

// --- validation -------------------------------------------------------------------------------

export interface FieldError {
  /** Field path: `claims[2].date`, `beneficiary.birthDate`, `` (the request itself). */
  path: string;
  message: string;
}

export type Validation = { ok: true; request: CheckRequest } | { ok: false; errors: FieldError[] };

/** Renders a zod path: ['claims', 2, 'date'] → "claims[2].date". */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}

function issuesToErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  const out: FieldError[] = [];
  for (const i of issues) {
    if (i.code === 'unrecognized_keys') {
      for (const k of i.keys) out.push({ path: formatPath([...i.path, k]), message: 'unknown field (not part of the request)' });
    } else if (i.code === 'invalid_union' && i.errors.length) {
      out.push({ path: formatPath(i.path), message: i.message });
    } else {
      out.push({ path: formatPath(i.path), message: i.message });
    }
  }
  return out;
}

/**
 * Validates a parsed JSON value as a check request. The common shape is proven by a hand-written
 * check (fast-request.ts) that accepts only what zod accepts unchanged; anything else goes to zod,
 * which gives the errors.
 */
export function validateRequest(value: unknown): Validation {
  const fast = acceptRequest(value);
  if (fast !== null) return { ok: true, request: fast };
  return validateWithZod(value);
}

/** Validates with the zod schema only (the source of truth; the tests compare the fast check with it). */
export function validateWithZod(value: unknown): Validation {
  const r = CheckRequest.safeParse(value);
  if (r.success) return { ok: true, request: r.data };
  return { ok: false, errors: issuesToErrors(r.error.issues) };
}

/** Parses and validates a JSON text (a syntax error is reported at path ""). */
export function parseRequest(text: string): Validation {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [{ path: '', message: `not valid JSON: ${(e as Error).message}` }] };
  }
  return validateRequest(value);
}
