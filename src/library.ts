/**
 * The few operations a program needs, over a store, in one place: the nomenclature on a date, an
 * engine that decides requests (contract §4) or FHIR Claims, and ingest of documents given as
 * text or bytes. Everything else the library exports is the modules' own API (src/index.ts).
 */
import type { IsoDate } from './date.js';
import { isIsoDate } from './date.js';
import type { EngineContext } from './engine/decide.js';
import { check as checkWith } from './engine/engine.js';
import type { Locale } from './engine/messages/types.js';
import type { CheckResponse, FieldError } from './engine/schema.js';
import { submitClaim, type SubmitResult } from './fhir/index.js';
import { MemoryNomenclature } from './nomenclature/memory.js';
import type { CodeState } from './nomenclature/types.js';
import { engineFromStore, type LawNotice } from './pipeline.js';
import type { IngestReport, Store } from './store/types.js';

/** The nomenclature on one date: the state of any code (status, value, fee, reimbursement, sources). */
export interface NomenclatureOnDate {
  at: IsoDate;
  /** The state of `code` on the date; a code the corpus never saw has status `unknown`. */
  state(code: string): CodeState;
}

/** The nomenclature the store holds, on `at` (every fact read once; states computed on demand). */
export async function nomenclatureOn(store: Store, at: IsoDate): Promise<NomenclatureOnDate> {
  if (!isIsoDate(at)) throw new RangeError(`at: "${at}" is not a real calendar date YYYY-MM-DD`);
  const nomenclature = new MemoryNomenclature(await store.allFacts());
  return { at, state: (code) => nomenclature.state(code, at) };
}

export interface EngineSettings {
  /** Language of the messages (default en). */
  locale?: Locale;
  /** Reasons listed per decision: all (the contract) or failed (violated and warning only). */
  reasons?: 'all' | 'failed';
  /** Where a notice goes when the stored law is compiled again (default: stderr). */
  notice?: LawNotice;
}

/** An engine over a store's law, registry and nomenclature: built once, it decides any number of requests. */
export interface Engine {
  readonly context: EngineContext;
  /** Decides a request (contract §4): the response, or every offending field. */
  check(request: unknown): { ok: true; response: CheckResponse } | { ok: false; errors: FieldError[] };
  /** Decides an HL7 Belgium eTariff Claim (or a Bundle holding one): a ClaimResponse, or an OperationOutcome. */
  checkFhir(resource: unknown): SubmitResult;
}

/** Builds an engine from a store (reads the compiled law, the facts and the institution registry). */
export async function openEngine(store: Store, settings: EngineSettings = {}): Promise<Engine> {
  const { notice, ...options } = settings;
  const context = await engineFromStore(store, { ...options, ...(notice ? { notice } : {}) });
  return {
    context,
    check: (request) => checkWith(request, context),
    checkFhir: (resource) => submitClaim(resource, context),
  };
}

/** A document to ingest: its name (for messages and format detection) and its text or bytes. */
export interface DocumentInput {
  name: string;
  content: string | Uint8Array;
}

/**
 * Parses documents (Justel acts, convention texts, coefficient tables: the format is detected) and
 * stores them in one transaction: all or nothing. A document that cannot be read throws a
 * DocumentError before anything is stored; one whose rules would not compile, IngestRefused.
 */
export async function ingestDocuments(store: Store, documents: readonly DocumentInput[]): Promise<IngestReport[]> {
  const { decodeText, parseDocument } = await import('./corpus/detect.js');
  const inputs = documents.map(({ name, content }) => {
    // text goes through the same checks as bytes (empty, binary, byte order mark)
    const raw = decodeText(typeof content === 'string' ? Buffer.from(content, 'utf8') : content, name);
    return { file: name, raw, doc: parseDocument(raw, name) };
  });
  return store.ingest(inputs);
}
