/**
 * The decision pipeline over a store: load the consolidated nomenclature and the documents once,
 * compile the rules, and hand back an engine context. The CLI and the HTTP server share it.
 */
import type { Store } from './store/types.js';
import type { ParsedDocument } from './facts.js';
import { MemoryNomenclature } from './nomenclature/memory.js';
import { createEngine, type EngineContext, type EngineOptions } from './engine/index.js';

/** The parsed documents a store holds, in ingestion order. */
export async function storedDocuments(store: Store): Promise<ParsedDocument[]> {
  const out: ParsedDocument[] = [];
  for (const r of await store.documents()) {
    const d = await store.document(r.document);
    if (d) out.push(d.parsed);
  }
  return out;
}

/** Builds an engine from everything the store holds (nomenclature snapshot, rules of its documents). */
export async function engineFromStore(store: Store, options: Omit<EngineOptions, 'nomenclature' | 'documents' | 'rules'> = {}): Promise<EngineContext> {
  const [facts, documents] = await Promise.all([store.allFacts(), storedDocuments(store)]);
  return createEngine({ ...options, nomenclature: new MemoryNomenclature(facts), documents });
}
