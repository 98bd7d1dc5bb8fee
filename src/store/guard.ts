/**
 * Ingest that cannot poison, and the law compiled once: before an ingest writes anything, the
 * rules of the documents the store would then hold (extracted, with the curated files it holds
 * and the generic checks) are compiled, as every engine built from the store would do. When they
 * do not compile, the ingest is refused, naming the document and the sentence: a stored document
 * never stops `check` or `serve`. When they do, the compiled rules are what the store writes as
 * its compiled law, in the same transaction. Loaded by the stores when they ingest only.
 */
import type { ParsedDocument } from '../facts.js';
import { contentHash } from '../hash.js';
import { collectRules } from '../rules/builtin.js';
import { curatedFiles, type CuratedFile } from '../rules/curated.js';
import { compileRules, RuleIndexError } from '../rules/registry.js';
import type { IngestPlan } from './ingest.js';
import { engineVersion, type CompiledLaw, type StoredCuratedFile } from './law.js';
import { IngestRefused } from './refusal.js';

/** A stored document's row: its id and its parse as JSON (in rank order). */
export interface StoredParse {
  id: string;
  parsed: string;
}

/** What the store writes besides the plan: the compiled law, and the curated files when it held none. */
export interface GuardResult {
  law: CompiledLaw;
  curated: StoredCuratedFile[];
}

/**
 * The curated files a database decides with: those it holds; a database that holds none (new, or
 * made before they were stored) takes the package's rules/ folder, to be written with the law.
 */
export function curatedOf(held: readonly CuratedFile[]): { files: readonly CuratedFile[]; toWrite: StoredCuratedFile[] } {
  if (held.length > 0) return { files: held, toWrite: [] };
  const files = curatedFiles();
  const at = new Date().toISOString();
  return { files, toWrite: files.map((f) => ({ name: f.name, raw: f.raw, content_hash: contentHash(f.raw), ingested_at: at })) };
}

/** Compiles the rules of `documents` with `curated`: the law as the store keeps it. Throws as compileRules does. */
export function compileLaw(documents: readonly ParsedDocument[], curated: readonly CuratedFile[]): CompiledLaw {
  const index = compileRules(collectRules(documents, curated).rules);
  // The validated rules (zod's parse) as compiled: what engines index without validating again.
  return { engine: engineVersion(), rules: JSON.stringify(index.rules.map((c) => c.rule)) };
}

/**
 * Throws IngestRefused unless the rules of the documents held after `plan` compile; else the law to
 * store. Null when the plan writes no document (the stored law stays). `stored` and `curated` are
 * read only when the plan writes documents.
 */
export function checkIngest(
  plan: Pick<IngestPlan, 'remove' | 'documents' | 'reports'>,
  stored: () => readonly StoredParse[],
  curated: () => readonly CuratedFile[] = () => [],
): GuardResult | null {
  if (plan.documents.length === 0) return null;
  const rewritten = new Set([...plan.remove, ...plan.documents.map((d) => d.id)]);
  const held = [...stored().filter((d) => !rewritten.has(d.id)), ...plan.documents];
  // The parses as the store keeps them (JSON): exactly what engines will read back.
  const documents = held.map((d) => JSON.parse(d.parsed) as ParsedDocument);
  const files = new Map<string, string>();
  for (const r of plan.reports) if (r.status !== 'unchanged') files.set(r.document, r.file);
  const named = [...new Set(files.values())].join(', ');
  const cur = curatedOf(curated());
  try {
    return { law: compileLaw(documents, cur.files), curated: cur.toWrite };
  } catch (e) {
    if (e instanceof RuleIndexError && e.rule) {
      const c = e.rule.citation;
      const file = files.get(c.document) ?? null;
      throw new IngestRefused(
        `${file ?? named}: the rule read from document ${c.document}, ${c.article}, "${c.text}" would stop the engine (${e.message}); correct the text; nothing was ingested`,
        file,
        { document: c.document, article: c.article, text: c.text },
      );
    }
    throw new IngestRefused(`${named}: the rules of the documents would not compile (${(e as Error).message}); nothing was ingested`, null, null);
  }
}
