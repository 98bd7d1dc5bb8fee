/** Builds the ingest report of a parsed document (contract §2). */
import type { AmendmentCoverage, Language, ParsedDocument } from '../facts.js';
import type { ConsolidationIssue } from '../nomenclature/consolidate.js';
import type { IngestReport } from './types.js';

/**
 * Counts what the parser extracted and lists its issues and unparsed sentences. `texts`: the
 * document's texts by language (an act's FR and NL texts), for the coverage of each; by default
 * the document is its only text.
 */
export function reportOf(
  doc: ParsedDocument, file: string, status: IngestReport['status'], ingestedAt: string, extra: ConsolidationIssue[] = [],
  texts: { language: Language | null; doc: ParsedDocument }[] = [{ language: doc.language ?? null, doc }],
): IngestReport {
  const count = (op: string) => doc.amendments.filter((a) => a.op === op).length;
  const coverage: Partial<Record<Language, AmendmentCoverage>> = {};
  for (const t of texts) if (t.language && t.doc.coverage) coverage[t.language] = t.doc.coverage;
  const languages = doc.languages ?? (doc.language ? [doc.language] : []);
  const report: IngestReport = {
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
  // Absent rather than empty: a document without a language or a measured coverage shows nothing.
  if (languages.length) report.languages = languages;
  if (Object.keys(coverage).length) report.coverage = coverage;
  return report;
}
