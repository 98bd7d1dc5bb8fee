/**
 * The conventions the system knows: every ingested convention document, with the terms its own
 * clauses state and the obligations read from its sentences (or curated, with citations). Nothing
 * here names a particular convention: a new convention text is known as soon as it is ingested.
 * A convention is found by its document id ("conv-…") or its machine name.
 */
import type { ParsedDocument } from '../facts.js';
import { builtinDocuments } from '../nomenclature/builtin.js';
import { parseConvention, type ConventionDocument } from '../corpus/convention.js';
import { conventionSubject } from '../corpus/name.js';
import type { TermClauses, TermEnd, TermSource, TermStart } from '../corpus/convention/terms.js';
import type { Citation } from './sources.js';
import { obligationsOf, type Obligation } from './obligations/index.js';

/** How a convention's period follows from its text. */
export interface ConventionTerms {
  /** Machine name (what registry records name). */
  convention: string;
  /** Document id of the text. */
  document: string;
  title: string;
  start: TermStart | null;
  end: TermEnd | null;
  renewal: TermClauses['renewal'];
  notice: TermClauses['notice'];
  /** A readable summary of the terms (English). */
  description: string;
  /** The sentences the terms come from. */
  sources: Citation[];
}

/** One known convention. */
export interface ConventionEntry {
  id: string;
  name: string;
  title: string;
  terms: ConventionTerms;
  obligations: Obligation[];
  document: ParsedDocument;
}

export interface ConventionCatalogue {
  readonly entries: readonly ConventionEntry[];
  /** The convention named by its machine name, its document id or its readable name (any case); undefined when unknown. */
  find(nameOrId: string): ConventionEntry | undefined;
}

/** A term's sentence as a citation of the document. */
export function citeTerm(document: string, s: TermSource): Citation {
  return { document, article: s.article, text: s.text };
}

const ORD = ['', 'first day of the month', 'first day of the second month', 'first day of the third month'];

function describe(t: TermClauses): string {
  const parts: string[] = [];
  if (t.start?.kind === 'fixed') parts.push(`in force from ${t.start.date}`);
  else if (t.start?.kind === 'after-signature') parts.push(`in force from the ${ORD[t.start.month] ?? `first day of month ${t.start.month}`} after signature`);
  else parts.push('start not stated in the text');
  if (t.end?.kind === 'fixed') parts.push(`to ${t.end.date} inclusive`);
  else if (t.end?.kind === 'indefinite') parts.push('indefinitely');
  if (t.renewal) parts.push(t.renewal.tacit ? 'renewed tacitly' : 'not tacitly renewed');
  if (t.notice) parts.push(`ended by ${t.notice.months} months' notice${t.notice.startsNextMonth ? ' starting on the first day of the month after the registered letter' : ''}`);
  return parts.join(', ');
}

/** A convention's readable name: what its title says it reimburses (src/corpus/name.ts). */
export function readableName(title: string): string {
  return conventionSubject(title);
}

/** The terms of a convention document, from the clauses its parse holds. */
export function termsOf(doc: ConventionDocument): ConventionTerms {
  const t: TermClauses = doc.terms ?? { start: null, end: null, renewal: null, notice: null, otherEnds: [] };
  const sources: Citation[] = [];
  const add = (s: TermSource | undefined) => {
    if (s && !sources.some((c) => c.article === s.article && c.text === s.text)) sources.push(citeTerm(doc.id, s));
  };
  add(t.start?.source);
  add(t.end?.source);
  add(t.notice?.source);
  return {
    convention: doc.convention ?? doc.id, document: doc.id, title: readableName(doc.title),
    start: t.start, end: t.end, renewal: t.renewal, notice: t.notice, description: describe(t), sources,
  };
}

/** The catalogue of the convention documents among `documents` (later documents of the same name win). */
export function catalogueOf(documents: readonly ParsedDocument[]): ConventionCatalogue {
  const byKey = new Map<string, ConventionEntry>();
  const entries: ConventionEntry[] = [];
  for (const d of documents) {
    if (d.kind !== 'convention') continue;
    const name = d.convention ?? d.id;
    const entry: ConventionEntry = { id: d.id, name, title: readableName(d.title), terms: termsOf(d), obligations: obligationsOf(d), document: d };
    const old = byKey.get(name);
    if (old) entries.splice(entries.indexOf(old), 1);
    entries.push(entry);
    byKey.set(name, entry);
    byKey.set(d.id, entry);
  }
  return {
    entries,
    find: (key) => byKey.get(key.trim()) ?? entries.find((e) => e.title.toLowerCase() === key.trim().toLowerCase()),
  };
}

/**
 * A stored parse made before the terms were read has none: its text is parsed again (a convention
 * is a few pages) so that its terms are those of its clauses.
 */
export async function catalogueFromStore(store: { parsedDocuments(): Promise<ParsedDocument[]>; document(id: string): Promise<{ raw: string } | null> }): Promise<ConventionCatalogue> {
  const docs = await store.parsedDocuments();
  const fresh = await Promise.all(docs.map(async (d) => {
    if (d.kind !== 'convention' || (d as ConventionDocument).terms) return d;
    const stored = await store.document(d.id);
    return stored ? { ...d, terms: parseConvention(stored.raw).terms } : d;
  }));
  return catalogueOf(fresh);
}

let builtin: ConventionCatalogue | null = null;

/** The catalogue of the built-in documents (the default when none is given). */
export function builtinCatalogue(): ConventionCatalogue {
  builtin ??= catalogueOf(builtinDocuments());
  return builtin;
}
