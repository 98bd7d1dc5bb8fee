/**
 * The law with draft documents ingested, without touching the database: the ingest plan the
 * store would execute (store/ingest.ts: add, replace, merge or skip each document; the same
 * guard that refuses documents whose rules would not compile), applied to what the store's
 * reads return. Both stores alike (SQLite and PostgreSQL): nothing is written, no copy of the
 * database is made, and the reads the engine makes are exactly those it would make after the ingest.
 */
import { contentHash } from '../hash.js';
import type { ParsedDocument } from '../facts.js';
import { globalCovers, isGlobalFact, type CodeFact } from '../nomenclature/code-facts.js';
import { checkIngest } from '../store/guard.js';
import { planIngest, type Existing, type IngestPlan } from '../store/ingest.js';
import { storedDocument } from '../store/common.js';
import type { IngestInput, IngestReport, StoredDocument, Store } from '../store/types.js';
import { groupByCode } from '../nomenclature/memory.js';

/** What ingesting the drafts would do: the plan (rows as the store would write them). Serializable: workers rebuild the overlay from it. */
export type DraftPlan = Pick<IngestPlan, 'remove' | 'documents' | 'texts' | 'facts' | 'reports'>;

/**
 * Plans the ingest of `drafts` into `store` without writing: throws IngestRefused (naming the
 * document and sentence) when the documents held afterwards would not give an engine.
 */
export async function planDrafts(store: Store, drafts: IngestInput[], facts?: CodeFact[]): Promise<DraftPlan> {
  const existing = new Map<string, Existing>();
  for (const id of new Set(drafts.map((d) => d.doc.id))) {
    const held = await store.document(id);
    if (held) existing.set(id, { report: held.report, texts: held.texts.map((t) => ({ language: t.language ?? '', hash: contentHash(t.raw), raw: t.raw, parsed: t.parsed })) });
  }
  // the consolidation issues of the drafts against what is stored (reported, as ingest does)
  const byCode = groupByCode(facts ?? (await store.allFacts()));
  const globals = [...byCode.entries()].filter(([c]) => isGlobalFact(c)).flatMap(([, l]) => l);
  const plan = planIngest(drafts, existing, 0, (codes) => new Map(codes.map((c) => [c, [...(byCode.get(c) ?? []), ...globals.filter((g) => globalCovers(g.code, c))]])));
  const parsed = await store.parsedDocuments();
  checkIngest(plan, () => parsed.map((d) => ({ id: d.id, parsed: JSON.stringify(d) })));
  return { remove: plan.remove, documents: plan.documents, texts: plan.texts, facts: plan.facts, reports: plan.reports };
}

/** The ids of the documents the plan rewrites (removed, replaced or merged): their stored rows are not read. */
function rewritten(plan: DraftPlan): Set<string> {
  return new Set([...plan.remove, ...plan.documents.map((d) => d.id)]);
}

/**
 * A read-only store that answers as `store` would after ingesting the planned drafts. Reads of
 * the whole corpus are memoised (an engine before and one after share the facts read once);
 * writes and the beneficiaries' history transactions are refused; closing leaves `store` open.
 */
export function overlayStore(store: Store, plan: DraftPlan): Store {
  const gone = rewritten(plan);
  const newFacts = plan.facts.map((f) => JSON.parse(f.data) as CodeFact);
  const newDocs = plan.documents.map((d) => JSON.parse(d.parsed) as ParsedDocument);
  const newReports = plan.documents.map((d) => JSON.parse(d.report) as IngestReport);
  const readOnly = () => Promise.reject(new Error('a scratch copy with drafts is read-only'));
  const keep = <T extends { document: string }>(list: T[]) => list.filter((f) => !gone.has(f.document));
  return {
    kind: store.kind,
    ingest: readOnly,
    putInstitutions: readOnly,
    withBeneficiary: readOnly,
    isEmpty: async () => (await store.isEmpty()) && plan.documents.length === 0,
    documents: async () => [...(await store.documents()).filter((r) => !gone.has(r.document)), ...newReports],
    async document(id: string): Promise<StoredDocument | null> {
      const row = plan.documents.find((d) => d.id === id);
      if (!row) return gone.has(id) ? null : store.document(id);
      const texts = plan.texts.filter((t) => t.document === id);
      return storedDocument(row, texts);
    },
    async factsFor(code: string): Promise<CodeFact[]> {
      const extra = newFacts.filter((f) => f.code === code || (isGlobalFact(f.code) && globalCovers(f.code, code)));
      return [...keep(await store.factsFor(code)), ...extra];
    },
    allFacts: async () => [...keep(await store.allFacts()), ...newFacts],
    parsedDocuments: async () => [...(await store.parsedDocuments()).filter((d) => !gone.has(d.id)), ...newDocs],
    async searchCandidates(prefix, words, limit) {
      const found = new Set(await store.searchCandidates(prefix, words, limit));
      for (const f of newFacts) if (prefix !== null && f.code.startsWith(prefix)) found.add(f.code);
      return [...found].slice(0, limit);
    },
    institutions: () => store.institutions(),
    institution: (id) => store.institution(id),
    historyOf: (b) => store.historyOf(b),
    checkInputs: (i, b) => store.checkInputs(i, b),
    close: async () => {},
  };
}

/** A store whose whole-corpus reads are made once (two engines built from it share them). Closing leaves `store` open. */
export function memoStore(store: Store): Store {
  let facts: Promise<CodeFact[]> | null = null;
  let docs: Promise<ParsedDocument[]> | null = null;
  return Object.assign(Object.create(null) as Store, {
    kind: store.kind,
    ingest: store.ingest.bind(store), putInstitutions: store.putInstitutions.bind(store), withBeneficiary: store.withBeneficiary.bind(store),
    isEmpty: store.isEmpty.bind(store), documents: store.documents.bind(store), document: store.document.bind(store), factsFor: store.factsFor.bind(store),
    allFacts: () => (facts ??= store.allFacts()),
    parsedDocuments: () => (docs ??= store.parsedDocuments()),
    searchCandidates: store.searchCandidates.bind(store), institutions: store.institutions.bind(store), institution: store.institution.bind(store),
    historyOf: store.historyOf.bind(store), checkInputs: store.checkInputs.bind(store),
    close: async () => {},
  });
}
