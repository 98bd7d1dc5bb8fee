/**
 * The ingest plan, shared by every store: which documents to add, replace or skip, the rows
 * to write, and the report of each document including the inconsistencies that only appear
 * once its facts meet those already stored (consolidation issues).
 */
import type { CodeFact } from '../nomenclature/code-facts.js';
import { codeFacts, isGlobalFact } from '../nomenclature/code-facts.js';
import { consolidate, type ConsolidationIssue } from '../nomenclature/consolidate.js';
import { fold } from '../text.js';
import { contentHash } from '../hash.js';
import { reportOf } from './report.js';
import type { IngestInput, IngestReport } from './types.js';

/** A documents row, by column name. */
export interface DocumentRow {
  id: string; rank: number; kind: string; format: string; title: string; url: string | null; convention: string | null;
  signed: string | null; published: string | null; entry_into_force: string | null; valid_until: string | null;
  ingested_at: string; content_hash: string; raw: string; parsed: string; report: string;
}

/** A code_facts row. */
export interface FactRow {
  document: string; seq: number; code: string; op: string; labelFolded: string | null; data: string;
  /** 1 for a fact about a range or a key letter (read with every code), else 0. */
  isGlobal: number;
}

export interface IngestPlan {
  remove: string[];
  documents: DocumentRow[];
  facts: FactRow[];
  reports: IngestReport[];
}

/** What the store already holds of a document. */
export interface Existing {
  hash: string;
  report?: IngestReport;
}

/**
 * Plans an ingest. `existing` maps stored ids to their content hash; `rank` is the highest
 * rank in use; `storedFacts` returns the stored facts of the given codes.
 */
export function planIngest(
  inputs: IngestInput[],
  existing: Map<string, string | Existing>,
  rank: number,
  storedFacts: (codes: string[]) => Map<string, CodeFact[]>,
  now = new Date().toISOString(),
): IngestPlan {
  const plan: IngestPlan = { remove: [], documents: [], facts: [], reports: [] };
  const seen = new Map<string, string>();
  const added: { input: IngestInput; facts: CodeFact[]; status: IngestReport['status'] }[] = [];
  const slots: (IngestReport | number)[] = [];
  for (const input of inputs) {
    const { doc, raw, file } = input;
    const hash = contentHash(raw);
    const stored = existing.get(doc.id);
    const storedHash = typeof stored === 'string' ? stored : stored?.hash;
    if (seen.get(doc.id) === hash || (storedHash === hash && !seen.has(doc.id))) {
      const prior = typeof stored === 'object' ? stored.report : undefined;
      slots.push(prior ? { ...prior, status: 'unchanged', file } : reportOf(doc, file, 'unchanged', now));
      continue;
    }
    const status: IngestReport['status'] = storedHash !== undefined || seen.has(doc.id) ? 'replaced' : 'ingested';
    if (storedHash !== undefined) plan.remove.push(doc.id);
    seen.set(doc.id, hash);
    slots.push(added.length);
    added.push({ input, facts: codeFacts(doc), status });
  }
  // Consolidate every code the new documents touch, against what is stored, to find cross-document issues.
  const removed = new Set(plan.remove);
  const newByCode = new Map<string, CodeFact[]>();
  for (const a of added) {
    for (const f of a.facts) {
      const list = newByCode.get(f.code);
      if (list) list.push(f);
      else newByCode.set(f.code, [f]);
    }
  }
  const touched = [...newByCode.keys()];
  const stored = storedFacts(touched);
  const newIds = new Set(added.map((a) => a.input.doc.id));
  const issuesByDoc = new Map<string, ConsolidationIssue[]>();
  for (const code of touched) {
    const facts = [...(stored.get(code) ?? []).filter((f) => !removed.has(f.document) && !newIds.has(f.document)), ...newByCode.get(code)!];
    for (const issue of consolidate(code, facts).issues) {
      if (!newIds.has(issue.document)) continue;
      const list = issuesByDoc.get(issue.document) ?? [];
      if (!list.some((i) => i.message === issue.message)) list.push(issue);
      issuesByDoc.set(issue.document, list);
    }
  }
  let r = rank;
  const reports: IngestReport[] = [];
  // The last version of a document given twice in one batch wins: keep only its rows.
  const last = new Map(added.map((a, i) => [a.input.doc.id, i]));
  added.forEach((a, i) => {
    const { doc, raw, file } = a.input;
    const report = reportOf(doc, file, a.status, now, issuesByDoc.get(doc.id));
    reports.push(report);
    if (last.get(doc.id) !== i) return;
    plan.documents.push({
      id: doc.id, rank: ++r, kind: doc.kind, format: doc.format, title: doc.title, url: doc.url, convention: doc.convention,
      signed: doc.dates.signed, published: doc.dates.published, entry_into_force: doc.dates.entryIntoForce, valid_until: doc.dates.validUntil,
      ingested_at: now, content_hash: contentHash(raw), raw, parsed: JSON.stringify(doc), report: JSON.stringify(report),
    });
    for (const f of a.facts) {
      const label = f.op === 'define' ? f.label : f.op === 'label' ? f.label : null;
      plan.facts.push({ document: doc.id, seq: f.seq, code: f.code, op: f.op, labelFolded: label ? fold(label) : null, data: JSON.stringify(f), isGlobal: isGlobalFact(f.code) ? 1 : 0 });
    }
  });
  plan.reports = slots.map((s) => (typeof s === 'number' ? reports[s] : s));
  return plan;
}
