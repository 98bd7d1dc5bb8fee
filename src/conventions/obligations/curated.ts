/**
 * Curated obligations: rules/obligations/*.yaml, for the obligations whose phrasing does not
 * recur across conventions (supplements, rooms), each with the sentence of the convention it
 * encodes. Validated with zod (the kind's own parameter schema); a citation may name the
 * convention by its machine name, resolved to the document id when loaded.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { CURATED_DIR } from '../../rules/curated.js';
import type { ParsedDocument } from '../../facts.js';
import { squash } from '../../text.js';
import { OBLIGATION_KIND_IMPLS } from './kinds.js';
import { codesIn } from './extract.js';
import { OBLIGATION_KINDS, type Obligation } from './types.js';

/** The folder of curated obligations. */
export const OBLIGATIONS_DIR = `${CURATED_DIR}${CURATED_DIR.endsWith('/') ? '' : '/'}obligations/`;

const CitationSchema = z.object({ document: z.string().min(1), article: z.string().min(1), text: z.string().min(1), clause: z.string().optional() }).strict();
const CuratedObligationSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/),
  kind: z.enum(OBLIGATION_KINDS),
  convention: z.string().min(1),
  noun: z.string().min(1),
  /** The services as the text writes them: "252652-252663, 252674-252685" (none for a staffing criterion). */
  services: z.string().default(''),
  params: z.unknown(),
  citation: CitationSchema,
  also: z.array(CitationSchema).optional(),
}).strict();
const FileSchema = z.object({ obligations: z.array(z.unknown()) }).strict();

export class CuratedObligationError extends Error {}

let cache: { dir: string; raw: z.infer<typeof CuratedObligationSchema>[] } | null = null;

/** Reads and validates every file of `dir` (cached per folder). */
function readAll(dir: string): z.infer<typeof CuratedObligationSchema>[] {
  if (cache?.dir === dir) return cache.raw;
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml')).sort();
  } catch {
    files = [];
  }
  const raw: z.infer<typeof CuratedObligationSchema>[] = [];
  for (const f of files) raw.push(...parseCuratedObligations(readFileSync(`${dir}${f}`, 'utf8'), f));
  cache = { dir, raw };
  return raw;
}

/** Parses one YAML text of curated obligations; an error names the file, the entry and the field. */
export function parseCuratedObligations(text: string, name = 'obligations.yaml'): z.infer<typeof CuratedObligationSchema>[] {
  const file = FileSchema.safeParse(parse(text) ?? {});
  if (!file.success) throw new CuratedObligationError(`${name}: ${file.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return file.data.obligations.map((o, i) => {
    const r = CuratedObligationSchema.safeParse(o);
    if (!r.success) throw new CuratedObligationError(`${name}: obligations[${i}]: ${r.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
    const p = OBLIGATION_KIND_IMPLS[r.data.kind].params.safeParse(r.data.params);
    if (!p.success) throw new CuratedObligationError(`${name}: obligations[${i}] (${r.data.id}): params: ${p.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
    return { ...r.data, params: p.data };
  });
}

/** The curated obligations of one convention document (named by its machine name or its id). */
export function curatedObligations(doc: ParsedDocument, dir: string = OBLIGATIONS_DIR): Obligation[] {
  const names = new Set([doc.id, doc.convention].filter((x): x is string => !!x));
  const resolve = <C extends { document: string; text: string }>(c: C): C => ({ ...c, document: names.has(c.document) ? doc.id : c.document, text: squash(c.text) });
  return readAll(dir).filter((o) => names.has(o.convention)).map((o) => {
    const c = codesIn(o.services);
    return {
      id: o.id, kind: o.kind, convention: doc.convention ?? doc.id, services: c.codes, servicesText: c.written.join(', '), noun: o.noun,
      params: o.params, citation: resolve(o.citation), ...(o.also ? { also: o.also.map(resolve) } : {}), origin: 'curated' as const,
    };
  });
}
