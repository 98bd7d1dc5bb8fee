/** Builds the ingest report of a parsed document (contract §2). */
import type { ParsedDocument } from '../facts.js';
import type { ConsolidationIssue } from '../nomenclature/consolidate.js';
import type { IngestReport } from './types.js';

/** Counts what the parser extracted and lists its issues and unparsed sentences. */
export function reportOf(doc: ParsedDocument, file: string, status: IngestReport['status'], ingestedAt: string, extra: ConsolidationIssue[] = []): IngestReport {
  const count = (op: string) => doc.amendments.filter((a) => a.op === op).length;
  return {
    document: doc.id,
    kind: doc.kind,
    status,
    file,
    title: doc.title,
    entryIntoForce: doc.dates.entryIntoForce,
    entryIntoForceBasis: doc.dates.entryIntoForceBasis,
    published: doc.dates.published,
    ingestedAt,
    extracted: {
      services: doc.services.length + count('insert-service'),
      valueChanges: count('change-value'),
      labelChanges: count('change-label'),
      deletions: count('delete-service'),
      rules: doc.rules.length,
      fees: doc.fees.length,
      amendments: doc.amendments.length,
    },
    issues: [
      ...doc.issues.map((i) => ({ severity: i.severity, code: i.code, where: i.where, message: i.message, ...(i.proposal ? { proposal: i.proposal } : {}) })),
      ...extra.map((i) => ({ severity: i.severity, code: i.code, where: i.where, message: i.message })),
    ],
    unparsed: doc.unparsed,
  };
}
