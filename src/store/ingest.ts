/**
 * The ingest plan, shared by every store: which documents to add, replace, merge or skip, the rows
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
import type { Language, ParsedDocument } from '../facts.js';
import { mergeTexts, textLanguage } from './merge.js';
import { checkValues, refuseLosses, refuseSecondConvention, type Statement } from './sanity.js';

/** A documents row, by column name: the merged parse, and the primary text's raw form and hash. */
export interface DocumentRow {
  id: string; rank: number; kind: string; format: string; title: string; url: string | null; convention: string | null;
  signed: string | null; published: string | null; entry_into_force: string | null; valid_until: string | null;
  ingested_at: string; content_hash: string; raw: string; parsed: string; report: string;
}

/** A document_texts row: one language's text of a document ('' : no language). */
export interface TextRow {
  document: string; language: string; raw: string; content_hash: string; parsed: string;
}

/** A code_facts row. */
export interface FactRow {
  document: string; seq: number; code: string; op: string; labelFolded: string | null; data: string;
  /** 1 for a fact about a range or a key letter (read with every code), else 0. */
  isGlobal: number;
}

export interface IngestPlan {
  /** Documents to delete first (with their texts and facts): those rewritten. */
  remove: string[];
  documents: DocumentRow[];
  texts: TextRow[];
  facts: FactRow[];
  reports: IngestReport[];
}

/** A stored text of a document (language '' : none recorded). */
export interface ExistingText {
  language: string;
  hash: string;
  raw: string;
  parsed: ParsedDocument;
}

/** What the store already holds of a document: its report, and its texts (needed only for the documents the inputs name). */
export interface Existing {
  report?: IngestReport;
  texts: ExistingText[];
}

/** A text in the plan: its language key ('' : none), hash, raw form and own parse. */
interface PlannedText {
  language: Language | null;
  hash: string;
  raw: string;
  doc: ParsedDocument;
}

/** The language key of a text: its language ('' : none, a convention or a coefficient table). */
const keyOf = (doc: ParsedDocument, raw: string): string => textLanguage(doc, raw) ?? '';

/** The French text first: the primary text of a merged document. */
const primaryFirst = (texts: PlannedText[]): PlannedText[] =>
  [...texts].sort((a, b) => (a.language === b.language ? 0 : a.language === 'fr' ? -1 : b.language === 'fr' ? 1 : 0));

/**
 * Plans an ingest. `existing` maps stored ids to what the store holds (texts at least for the
 * ids the inputs name); `rank` is the highest rank in use; `storedFacts` returns the stored facts
 * of the given codes. The texts of one act in two languages (same id) make one document: a
 * new language is `merged`, a new text of a language held `replaced` (the other text kept), a
 * text already held `unchanged`.
 */
export function planIngest(
  inputs: IngestInput[],
  existing: Map<string, Existing>,
  rank: number,
  storedFacts: (codes: string[]) => Map<string, CodeFact[]>,
  now = new Date().toISOString(),
): IngestPlan {
  const plan: IngestPlan = { remove: [], documents: [], texts: [], facts: [], reports: [] };
  // The texts of each document named so far: the stored ones, then those of this batch.
  const state = new Map<string, Map<string, PlannedText>>();
  const textsOf = (id: string): Map<string, PlannedText> => {
    let texts = state.get(id);
    if (!texts) {
      texts = new Map();
      for (const t of existing.get(id)?.texts ?? []) {
        const language = (t.language || keyOf(t.parsed, t.raw)) as Language | '';
        texts.set(language, { language: language || null, hash: t.hash, raw: t.raw, doc: t.parsed });
      }
      state.set(id, texts);
    }
    return texts;
  };
  const added: { input: IngestInput; doc: ParsedDocument; texts: PlannedText[]; facts: CodeFact[]; status: IngestReport['status'] }[] = [];
  const slots: (IngestReport | number)[] = [];
  const changed = new Set<string>();
  for (const input of inputs) {
    const { doc, raw, file } = input;
    const hash = contentHash(raw);
    const language = keyOf(doc, raw);
    const texts = textsOf(doc.id);
    const held = texts.get(language);
    if (held?.hash === hash) {
      const prior = changed.has(doc.id) ? undefined : existing.get(doc.id)?.report;
      slots.push(prior ? { ...prior, status: 'unchanged', file } : { ...reportOf(mergeTexts(primaryFirst([...texts.values()])), file, 'unchanged', now), file });
      continue;
    }
    checkValues(file, doc);
    // what the held document states, to compare the replacement with
    const before = texts.size > 0 ? mergeTexts(primaryFirst([...texts.values()])) : null;
    let status: IngestReport['status'];
    // A text without a language, or a document held without one, cannot be merged: the new text replaces it all.
    if (language === '' || texts.has('')) {
      status = texts.size > 0 ? 'replaced' : 'ingested';
      texts.clear();
    } else status = held ? 'replaced' : texts.size > 0 ? 'merged' : 'ingested';
    texts.set(language, { language: (language || null) as Language | null, hash, raw, doc });
    if (existing.has(doc.id) && !plan.remove.includes(doc.id)) plan.remove.push(doc.id);
    changed.add(doc.id);
    const ordered = primaryFirst([...texts.values()]);
    const merged = mergeTexts(ordered);
    if (!input.force) {
      if (before && status === 'replaced') refuseLosses(file, before, merged);
      if (!before && merged.kind === 'convention') {
        const stated = (r: IngestReport): Statement => ({ counts: { ...r.extracted, 'sentences not understood': r.unparsed.length }, basis: r.entryIntoForceBasis });
        const held = [...existing.entries()].map(([id, e]) => ({ id, kind: e.report?.kind ?? '', title: e.report?.title ?? '', stated: e.report ? stated(e.report) : null }));
        refuseSecondConvention(file, merged, stated(reportOf(merged, file, 'ingested', now)), held);
      }
    }
    slots.push(added.length);
    added.push({ input, doc: merged, texts: ordered, facts: codeFacts(merged), status });
  }
  // The last state of a document changed twice in one batch wins: only its facts are consolidated and stored.
  const last = new Map(added.map((a, i) => [a.doc.id, i]));
  const final = added.filter((a, i) => last.get(a.doc.id) === i);
  // Consolidate every code the new documents touch, against what is stored, to find cross-document issues.
  const removed = new Set(plan.remove);
  const newByCode = new Map<string, CodeFact[]>();
  for (const a of final) {
    for (const f of a.facts) {
      const list = newByCode.get(f.code);
      if (list) list.push(f);
      else newByCode.set(f.code, [f]);
    }
  }
  const touched = [...newByCode.keys()];
  const stored = storedFacts(touched);
  const newIds = new Set(final.map((a) => a.doc.id));
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
  added.forEach((a, i) => {
    const { doc, texts } = a;
    const isLast = last.get(doc.id) === i;
    const report = reportOf(doc, a.input.file, a.status, now, issuesByDoc.get(doc.id), texts);
    reports.push(report);
    if (!isLast) return;
    const primary = texts[0];
    plan.documents.push({
      id: doc.id, rank: ++r, kind: doc.kind, format: doc.format, title: doc.title, url: doc.url, convention: doc.convention,
      signed: doc.dates.signed, published: doc.dates.published, entry_into_force: doc.dates.entryIntoForce, valid_until: doc.dates.validUntil,
      ingested_at: now, content_hash: primary.hash, raw: primary.raw, parsed: JSON.stringify(doc), report: JSON.stringify(report),
    });
    for (const t of texts) plan.texts.push({ document: doc.id, language: t.language ?? '', raw: t.raw, content_hash: t.hash, parsed: JSON.stringify(t.doc) });
    for (const f of a.facts) {
      const labels = f.op === 'define' || f.op === 'label' ? [f.label, f.labelNl].filter((l): l is string => !!l) : [];
      // Both languages in one column, apart: a search word matches within one label (never across the separator).
      plan.facts.push({ document: doc.id, seq: f.seq, code: f.code, op: f.op, labelFolded: labels.length ? labels.map(fold).join(' | ') : null, data: JSON.stringify(f), isGlobal: isGlobalFact(f.code) ? 1 : 0 });
    }
  });
  plan.reports = slots.map((s) => (typeof s === 'number' ? reports[s] : s));
  return plan;
}
