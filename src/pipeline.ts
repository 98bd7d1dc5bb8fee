/**
 * The decision pipeline over a store: load the consolidated nomenclature, the compiled law and the
 * institution registry once, and hand back an engine context. The CLI and the HTTP server share it.
 * The start path reads the law the database holds (compiled at ingest): no extraction, no YAML, no
 * zod; what only other paths need is imported on demand.
 */
import type { Store } from './store/types.js';
import { MemoryNomenclature, timelineNomenclature } from './nomenclature/memory.js';
import { consolidate, type CodeTimeline } from './nomenclature/consolidate.js';
import type { Nomenclature } from './nomenclature/types.js';
import type { EngineContext } from './engine/decide.js';
import type { EngineOptions } from './engine/engine.js';
import { contextOf } from './engine/context.js';
import { engineVersion } from './store/law.js';
import { indexRules, loadKindsFor, type RuleIndex } from './rules/rule-index.js';
import type { Rule } from './rules/types.js';

/** Told when a database's law was compiled by another engine (or by none) and was compiled again. */
export type LawNotice = (message: string) => void;

const stderrNotice: LawNotice = (m) => process.stderr.write(`nomen: ${m}\n`);

/**
 * The rules the store decides with, as data (validated): its compiled law, compiled again first
 * when another engine made it (once: the store compiles under its ingest lock); a store without a
 * compiled law (a read-only overlay of drafts) has the rules of its documents extracted.
 */
export async function storedRules(store: Store, notice: LawNotice = stderrNotice): Promise<Rule[]> {
  if (!store.compiledLaw) {
    const { collectRules } = await import('./rules/builtin.js');
    return collectRules(await store.parsedDocuments()).rules;
  }
  return JSON.parse(await lawOf(store, notice)) as Rule[];
}

/** The compiled law's rules as the store holds them (JSON text), compiled again first when another engine made them. */
export async function lawOf(store: Store, notice: LawNotice = stderrNotice): Promise<string> {
  if (!store.compiledLaw) throw new Error('this store holds no compiled law');
  const engine = engineVersion();
  let law = await store.compiledLaw();
  if (law === null || law.engine !== engine) {
    const before = law?.engine ?? null;
    if (store.recompileLaw && (await store.recompileLaw(engine))) {
      notice(`${before === null ? 'the database holds no compiled rules (made by an older nomen)' : `the database's rules were compiled by another engine (${before})`}: compiled again by ${engine}, once`);
    }
    law = await store.compiledLaw();
    if (law === null) throw new Error('the database holds no compiled rules');
  }
  return law.rules;
}

/** Indexes rules read from a compiled law (validated when it was compiled). */
export async function indexLaw(rules: readonly Rule[]): Promise<RuleIndex> {
  await loadKindsFor(rules);
  return indexRules(rules);
}

/**
 * Builds an engine from everything the store holds: nomenclature snapshot, its compiled law (or
 * `rules` given as data, e.g. extracted elsewhere: validated and compiled here, awaited after the
 * facts are read), and its institution registry (each convention's period computed from the
 * convention's own terms).
 */
export async function engineFromStore(
  store: Store,
  options: Omit<EngineOptions, 'nomenclature' | 'documents' | 'rules' | 'institutions'> & {
    rules?: Promise<readonly Rule[]>;
    /** The store's compiled law as read elsewhere (lawOf: JSON text), e.g. once for every worker thread. */
    law?: Promise<string>;
    notice?: LawNotice;
  } = {},
): Promise<EngineContext> {
  const { rules, law, notice, ...engine } = options;
  const index = rules
    ? rules.then(async (given) => (await import('./rules/registry.js')).compileRules(given))
    : law
      ? law.then((json) => indexLaw(JSON.parse(json) as Rule[]))
      : storedRules(store, notice).then(indexLaw);
  const [facts, compiled, institutions] = await Promise.all([store.allFacts(), index, registry(store)]);
  return contextOf({ ...engine, nomenclature: new MemoryNomenclature(facts), rules: compiled, institutions });
}

/** The institution registry, each convention's period from its terms (the conventions' modules are loaded only when it holds institutions). */
async function registry(store: Store) {
  const institutions = await store.institutions();
  if (institutions.length === 0) return [];
  const [{ effectiveInstitution }, { catalogueFromStore }] = await Promise.all([import('./conventions/registry.js'), import('./conventions/catalogue.js')]);
  const catalogue = await catalogueFromStore(store);
  return institutions.map((i) => effectiveInstitution(i, catalogue));
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
