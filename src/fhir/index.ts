/**
 * FHIR R4, HL7 Belgium eTariff: a Claim (or a Bundle holding one) in, a ClaimResponse out, or an
 * OperationOutcome naming every malformed element. The same for the CLI (`nomen check --fhir`)
 * and the API (`POST /fhir/Claim/$submit`).
 */
import { decide, type EngineContext } from '../engine/decide.js';
import type { Locale } from '../engine/messages/types.js';
import { validateRequest } from '../engine/schema.js';
import { requestLimitErrors, type Limits } from '../engine/limits.js';
import { elementOf, readClaim } from './claim.js';
import { claimResponse, type ResponseOptions } from './claim-response.js';
import { operationOutcome, type Issue, type OperationOutcome } from './outcome.js';

export { readClaim, type ReadClaim, type ReadResult } from './claim.js';
export { claimResponse, type ResponseOptions } from './claim-response.js';
export { operationOutcome, issueMessage, type Issue, type IssueDetail, type OperationOutcome } from './outcome.js';
export { SYSTEMS, PROFILES, EXTENSIONS, FHIR_JSON } from './systems.js';

export type SubmitResult =
  | { ok: true; resource: Record<string, unknown> }
  | { ok: false; resource: OperationOutcome; issues: Issue[] };

/**
 * Reads the request of a Claim: the check request, or the issues (every element named). With
 * `limits`, a Claim with more items (or a Bundle with more billed lines) than a request may hold
 * is refused (issue `too-costly`), as `check` refuses such a request.
 */
export function claimRequest(value: unknown, limits?: Limits, locale: Locale = 'en') {
  const read = readClaim(value);
  if (!read.ok) return read;
  if (limits) {
    const over = requestLimitErrors(read.value.request, limits, locale);
    if (over.length) {
      const where = (field: string) => (field === 'claims' ? `${read.value.path}.item` : read.value.path === 'Claim' ? 'Claim' : 'Bundle.entry');
      return { ok: false as const, issues: over.map((e): Issue => ({ expression: where(e.path), detail: { problem: 'too-many', message: e.message } })) };
    }
  }
  // the request schema's own checks (unique ids, dates …), mapped back to the Claim's elements
  const v = validateRequest(read.value.request);
  if (!v.ok) return { ok: false as const, issues: v.errors.map((e): Issue => ({ expression: elementOf(read.value, e.path), detail: { problem: 'request', message: e.message } })) };
  return { ok: true as const, value: { ...read.value, request: v.request } };
}

/**
 * Decides a Claim with an engine: the ClaimResponse, or an OperationOutcome. `context` decides
 * (its locale is the language of the messages; outcome details are needed for the refusal's
 * earlier service, so they are always on).
 */
export function submitClaim(value: unknown, context: EngineContext, options: ResponseOptions & { limits?: Limits } = {}): SubmitResult {
  const locale: Locale = options.locale ?? context.locale ?? 'en';
  const read = claimRequest(value, options.limits, locale);
  if (!read.ok) return { ok: false, resource: operationOutcome(read.issues, locale), issues: read.issues };
  const response = decide(read.value.request, { ...context, locale, details: true, reasons: 'all' });
  return { ok: true, resource: claimResponse(read.value, response, { ...options, locale }) };
}
