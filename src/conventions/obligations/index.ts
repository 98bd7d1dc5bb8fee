/** Obligations of conventions as data: kinds, recognisers, curated obligations, messages. */
import type { ParsedDocument } from '../../facts.js';
import { curatedObligations } from './curated.js';
import { extractObligations } from './extract.js';
import type { Obligation } from './types.js';

export * from './types.js';
export * from './kinds.js';
export * from './messages.js';
export { extractObligations, codesIn, nounOf } from './extract.js';
export { curatedObligations, parseCuratedObligations, CuratedObligationError, OBLIGATIONS_DIR } from './curated.js';

/** Every obligation of a convention document: read from its sentences, then curated (an id curated replaces the extracted one). */
export function obligationsOf(doc: ParsedDocument): Obligation[] {
  const curated = curatedObligations(doc);
  return [...extractObligations(doc).filter((o) => !curated.some((c) => c.id === o.id)), ...curated];
}
