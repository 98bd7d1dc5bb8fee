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
    /** The sentence whose rule does not compile, when known. */
    readonly sentence: RefusedSentence | null,
  ) {
    super(message);
  }
}
