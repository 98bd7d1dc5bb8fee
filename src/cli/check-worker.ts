/** A worker thread of `nomen check --ndjson --jobs N`: builds its own engine from the store, then decides the batches it is sent. */
import { parentPort } from 'node:worker_threads';
import { openStore } from '../store/open.js';
import { engineFromStore } from '../pipeline.js';
import { serveBatches, workerInput } from '../engine/parallel.js';
import type { EngineOptions } from '../engine/engine.js';
import type { Limits } from '../engine/limits.js';

/** What the main thread tells each worker. */
export interface CheckWorkerData {
  db: string;
  options: Pick<EngineOptions, 'locale' | 'details' | 'reasons'>;
  limits: Limits;
}

/** The set-up value: the compiled law's rules as JSON text, read once by the main thread while each worker reads the facts. */
export type CheckWorkerSetup = string;

const { data, setup } = workerInput<CheckWorkerData>();
const store = await openStore(data.db);
let context;
try {
  context = await engineFromStore(store, { ...data.options, law: setup() as Promise<CheckWorkerSetup> });
} finally {
  await store.close();
}
serveBatches(parentPort!, context, data.limits);
