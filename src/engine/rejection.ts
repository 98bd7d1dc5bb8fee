/**
 * eFact-like rejection categories for violated reasons. Insurers answer eFact invoices with
 * numeric error codes that differ between insurers and are not published with the corpus, so
 * no number is invented here: each kind maps to the category of refusal an insurer would
 * return (the categories named in the project README: same-day non-cumulation, maximum per
 * period, prerequisite missing, approval missing, …). A deployment that knows its insurers'
 * numbers can map these categories one to one.
 */
import type { DetailCode } from '../rules/outcomes.js';
import type { ContractKind } from '../rules/types.js';

const BY_KIND: Record<ContractKind, string> = {
  'unknown-code': 'code-unknown',
  'not-in-force': 'code-not-valid-on-date',
  setting: 'wrong-setting-code',
  frequency: 'maximum-per-period-exceeded',
  interval: 'minimum-interval-not-respected',
  'non-cumulation': 'non-cumulable-service',
  prerequisite: 'prerequisite-service-missing',
  approval: 'prior-approval-missing',
  provider: 'provider-not-qualified',
  patient: 'beneficiary-condition-not-met',
  place: 'institution-not-under-convention',
  document: 'required-document-missing',
  tier: 'day-of-stay-mismatch',
};

export function rejectionOf(kind: ContractKind, code: DetailCode): string | null {
  if (code === 'code.invalid-check-digit' || code === 'code.not-a-code') return 'code-invalid';
  if (code === 'approval.late') return 'approval-after-service';
  if (code === 'plausibility.born-after-service' || code === 'plausibility.before-admission') return 'implausible-date';
  return BY_KIND[kind] ?? null;
}
