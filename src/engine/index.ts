/** The decision engine: schema, evaluator, messages, batch (re-exports). */
export * from './schema.js';
export { decide, type EngineContext } from './decide.js';
export { createEngine, check, type EngineOptions } from './engine.js';
export { runBatch, runLines, eachLine, requestOf, type BatchStats, type BatchError, type LineHandler, type LineText, type BatchOptions } from './batch.js';
export { DEFAULT_LIMITS, LIMIT_ENV, limitsFrom, requestLimitErrors, answerTooLargeMessage, LimitSettingError, type Limits } from './limits.js';
export { runBatchParallel, serveBatches, serveLines, workerInput, type ParallelOptions } from './parallel.js';
export { responseJson } from './serialize.js';
export { render, isLocale, LOCALES, en, fr, nl, type Locale, type MessageMap } from './messages/index.js';
export { rejectionOf } from './rejection.js';
export { MemoryLedger } from './ledger.js';
