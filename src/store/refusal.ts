/** Why an ingest was refused after planning, before anything was written (the stores throw it; the CLI and the API report it). */

/** The sentence a refusal names: the document, its article and the sentence as the act writes it. */
export interface RefusedSentence {
  document: string;
  article: string;
  text: string;
}

/**
 * The documents would stop the engine: the rules of the documents the store would hold do not
 * compile (a value of a sentence outside what its rule kind accepts). Nothing was written.
 */
export class IngestRefused extends Error {
  constructor(
    message: string,
    /** The file (as given to ingest) of the document at fault, when one is. */
    readonly file: string | null,
    /** The sentence whose rule does not compile (or whose value is refused), when known. */
    readonly sentence: RefusedSentence | null,
    /** Why: rules that would not compile, a value out of bounds, a replacement that loses statements, a second copy of a convention. */
    readonly reason: 'rules-invalid' | 'implausible-value' | 'replacement-loses' | 'second-convention' = 'rules-invalid',
    /** What would be lost (replacement-loses), or the held document (second-convention). */
    readonly lost: string[] = [],
  ) {
    super(message);
  }
}
