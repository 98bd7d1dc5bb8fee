/**
 * nomen as a library: `import { … } from 'nomen'`. The public API — open a store, the nomenclature
 * on a date, decide requests (contract §4) and FHIR Claims, ingest documents — and its types. The
 * CLI (`nomen`) and the HTTP server are built on the same modules.
 */

// --- a store: open (SQLite file or postgres:// URL; a new database gets the built-in corpus) ---
export { openStore, isPostgresSpec, DEFAULT_DB } from './store/open.js';
export type { Store, IngestInput, IngestReport, StoredDocument, CheckInputs } from './store/types.js';
export { IngestRefused } from './store/refusal.js';

// --- the operations over a store ---
export { nomenclatureOn, openEngine, ingestDocuments, type NomenclatureOnDate, type Engine, type EngineSettings, type DocumentInput } from './library.js';
export { showCode, codeHistory, searchCodes, assertCode, CodeError, type CodeView } from './queries.js';
export { engineFromStore } from './pipeline.js';

// --- documents ---
export { decodeText, parseDocument, detectFormat, DocumentError } from './corpus/detect.js';

// --- the engine: requests and responses of `nomen check` (contract §4) ---
export {
  createEngine, check, decide, validateRequest, parseRequest, responseJson, render, isLocale, LOCALES,
  CheckRequest as CheckRequestSchema, CheckResponse as CheckResponseSchema,
  type EngineContext, type EngineOptions, type Locale, type CheckRequest, type CheckResponse, type Claim, type Decision, type Reason,
  type Institution, type FieldError, type Validation,
} from './engine/index.js';

// --- the billing ecosystem: eFact and eTarif codes of refusals, FHIR eTariff ---
export {
  refusalCodesOf, refusalRow, causeOf, REFUSAL_TABLE, EFACT_CODES, ETARIF_CODES,
  type RefusalCodes, type RefusalRow, type EfactCode, type EtarifCode,
} from './engine/refusal-codes.js';
export {
  submitClaim, claimRequest, readClaim, claimResponse, operationOutcome, SYSTEMS as FHIR_SYSTEMS, PROFILES as FHIR_PROFILES,
  type SubmitResult, type OperationOutcome, type Issue as FhirIssue,
} from './fhir/index.js';

// --- the nomenclature's model ---
export { checkCode } from './code.js';
export { MemoryNomenclature, builtinNomenclature, builtinDocuments } from './nomenclature/index.js';
export type { Nomenclature, CodeState, CodeStatus } from './nomenclature/types.js';
export type { IsoDate } from './date.js';
