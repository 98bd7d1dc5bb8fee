/**
 * Ingest that cannot poison: before an ingest writes anything, the rules of the documents the
 * store would then hold are extracted and compiled, as every engine built from the store will
 * do. When they do not compile, the ingest is refused, naming the document and the sentence:
 * a stored document never stops `check` or `serve`. Loaded by the stores when they ingest only.
 */
import type { ParsedDocument } from '../facts.js';
import { collectRules } from '../rules/builtin.js';
import { compileRules, RuleIndexError } from '../rules/registry.js';
import type { IngestPlan } from './ingest.js';
import { IngestRefused } from './refusal.js';

/** A stored document's row: its id and its parse as JSON (in rank order). */
export interface StoredParse {
  id: string;
  parsed: string;
}

/** Throws IngestRefused unless the rules of the documents held after `plan` compile. `stored` is read only when the plan writes documents. */
export function checkIngest(plan: Pick<IngestPlan, 'remove' | 'documents' | 'reports'>, stored: () => readonly StoredParse[]): void {
  if (plan.documents.length === 0) return;
  const rewritten = new Set([...plan.remove, ...plan.documents.map((d) => d.id)]);
  const held = [...stored().filter((d) => !rewritten.has(d.id)), ...plan.documents];
  // The parses as the store keeps them (JSON): exactly what engines will read back.
  const documents = held.map((d) => JSON.parse(d.parsed) as ParsedDocument);
  const files = new Map<string, string>();
  for (const r of plan.reports) if (r.status !== 'unchanged') files.set(r.document, r.file);
  const named = [...new Set(files.values())].join(', ');
  try {
    compileRules(collectRules(documents).rules);
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
