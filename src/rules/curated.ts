/**
 * Curated rules: rules/*.yaml (top-level data folder), for sentences that are not one of the
 * recurring phrasings (labels, provider lists, places, documents, warnings), and coverage
 * reasons for normative sentences no rule can encode. Validated with zod; a rule without a
 * `validity` takes its document's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { ParsedDocument } from '../facts.js';
import { squash } from '../text.js';
import { documentValidity } from './extract/index.js';
import { CuratedFileSchema, CuratedRuleSchema, type CoverageReason } from './model-schema.js';
import type { Rule } from './types.js';

/** The top-level `rules/` folder of the package (works from src/ and dist/). */
export const CURATED_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));

export interface CuratedSet {
  rules: Rule[];
  coverage: CoverageReason[];
}

export class CuratedRuleError extends Error {}

/** A curated file as text: what a database holds of rules/*.yaml. */
export interface CuratedFile {
  name: string;
  raw: string;
}

/** The *.yaml files of `dir` (not its sub-folders), by name; none when the folder does not exist. */
export function curatedFiles(dir: string = CURATED_DIR): CuratedFile[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml')).sort();
  } catch {
    return [];
  }
  return files.map((f) => ({ name: f, raw: readFileSync(`${dir}${dir.endsWith('/') ? '' : '/'}${f}`, 'utf8') }));
}

/** Reads every *.yaml of `dir`. Documents resolve validity and convention of rules that do not state them. */
export function loadCurated(documents: readonly ParsedDocument[], dir: string = CURATED_DIR): CuratedSet {
  return parseCuratedFiles(curatedFiles(dir), documents);
}

/** The rules and coverage reasons of curated files, in name order. */
export function parseCuratedFiles(files: readonly CuratedFile[], documents: readonly ParsedDocument[]): CuratedSet {
  const out: CuratedSet = { rules: [], coverage: [] };
  for (const f of [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const one = parseCurated(f.raw, documents, f.name);
    out.rules.push(...one.rules);
    out.coverage.push(...one.coverage);
  }
  return out;
}

/** Parses one curated YAML text. */
export function parseCurated(text: string, documents: readonly ParsedDocument[], name = 'rules.yaml'): CuratedSet {
  const file = CuratedFileSchema.safeParse(parse(text) ?? {});
  if (!file.success) throw new CuratedRuleError(`${name}: ${file.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const docs = new Map(documents.map((d) => [d.id, d]));
  // a curated citation may name a convention by its machine name (its id is a content hash)
  for (const d of documents) if (d.convention && !docs.has(d.convention)) docs.set(d.convention, d);
  const rules: Rule[] = [];
  (file.data.rules ?? []).forEach((raw, i) => {
    const r = CuratedRuleSchema.safeParse(raw);
    if (!r.success) throw new CuratedRuleError(`${name}: rules[${i}]: ${r.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
    const d = r.data;
    const doc = docs.get(d.citation.document);
    const derived = doc ? documentValidity(doc) : null;
    const validity = d.validity ?? derived?.validity ?? { from: null, to: null };
    const interpretation = [d.interpretation, d.validity ? undefined : derived?.note].filter(Boolean).join('; ') || undefined;
    rules.push({
      id: d.id,
      kind: d.kind,
      validity,
      scope: d.scope,
      params: d.params,
      exceptions: d.exceptions ?? [],
      citation: { ...d.citation, document: doc?.id ?? d.citation.document, text: squash(d.citation.text) },
      origin: 'curated',
      convention: d.convention !== undefined ? d.convention : doc?.convention ?? null,
      ...(interpretation ? { interpretation } : {}),
    });
  });
  return { rules, coverage: (file.data.coverage ?? []).map((c) => ({ ...c, match: squash(c.match) })) };
}
