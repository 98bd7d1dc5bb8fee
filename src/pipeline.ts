/**
 * The decision pipeline over a store: load the consolidated nomenclature, the documents and the
 * institution registry once, compile the rules, and hand back an engine context.
 * The CLI and the HTTP server share it.
 */
import type { Store } from './store/types.js';
import type { ParsedDocument } from './facts.js';
import { MemoryNomenclature } from './nomenclature/memory.js';
import { createEngine, type EngineContext, type EngineOptions } from './engine/index.js';
import { effectiveInstitution } from './conventions/registry.js';

/** The parsed documents a store holds, in ingestion order. */
export async function storedDocuments(store: Store): Promise<ParsedDocument[]> {
  const out: ParsedDocument[] = [];
  for (const r of await store.documents()) {
    const d = await store.document(r.document);
    if (d) out.push(d.parsed);
  }
  return out;
}

/**
 * Builds an engine from everything the store holds: nomenclature snapshot, rules of its documents,
 * and its institution registry (each convention's period computed from the convention's own terms).
 */
export async function engineFromStore(store: Store, options: Omit<EngineOptions, 'nomenclature' | 'documents' | 'rules' | 'institutions'> = {}): Promise<EngineContext> {
  const [facts, documents, institutions] = await Promise.all([store.allFacts(), storedDocuments(store), store.institutions()]);
  return createEngine({ ...options, nomenclature: new MemoryNomenclature(facts), documents, institutions: institutions.map(effectiveInstitution) });
}
