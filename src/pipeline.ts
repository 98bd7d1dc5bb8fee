/**
 * The decision pipeline over a store: load the consolidated nomenclature, the documents and the
 * institution registry once, compile the rules, and hand back an engine context.
 * The CLI and the HTTP server share it.
 */
import type { Store } from './store/types.js';
import { MemoryNomenclature, timelineNomenclature } from './nomenclature/memory.js';
import { consolidate, type CodeTimeline } from './nomenclature/consolidate.js';
import type { Nomenclature } from './nomenclature/types.js';
import { createEngine, type EngineContext, type EngineOptions } from './engine/index.js';
import { effectiveInstitution } from './conventions/registry.js';
import { catalogueFromStore } from './conventions/catalogue.js';
import { collectRules } from './rules/builtin.js';
import { compileRules } from './rules/registry.js';
import type { Rule } from './rules/types.js';

/** The rules of the documents a store holds (extracted, curated and generic), as data: a worker thread compiles them without reading the documents. */
export async function storedRules(store: Store): Promise<Rule[]> {
  return collectRules(await store.parsedDocuments()).rules;
}

/**
 * Builds an engine from everything the store holds: nomenclature snapshot, rules of its documents
 * (or `rules` extracted elsewhere, e.g. once for every worker thread: awaited after the facts are read),
 * and its institution registry (each convention's period computed from the convention's own terms).
 */
export async function engineFromStore(
  store: Store,
  options: Omit<EngineOptions, 'nomenclature' | 'documents' | 'rules' | 'institutions'> & { rules?: Promise<readonly Rule[]> } = {},
): Promise<EngineContext> {
  const { rules, ...engine } = options;
  const [facts, documents, institutions, given, catalogue] = await Promise.all([store.allFacts(), rules ? [] : store.parsedDocuments(), store.institutions(), rules, catalogueFromStore(store)]);
  return createEngine({
    ...engine,
    nomenclature: new MemoryNomenclature(facts),
    ...(given ? { rules: compileRules(given) } : { documents }),
    institutions: institutions.map((i) => effectiveInstitution(i, catalogue)),
  });
}

/** A synchronous nomenclature over the timelines of a few codes read from the store beforehand. */
export async function nomenclatureFor(store: Store, codes: Iterable<string>): Promise<Nomenclature> {
  const timelines = new Map<string, CodeTimeline | null>();
  for (const code of new Set(codes)) {
    const facts = await store.factsFor(code);
    timelines.set(code, facts.some((f) => f.code === code) ? consolidate(code, facts) : null);
  }
  return timelineNomenclature(timelines);
}
