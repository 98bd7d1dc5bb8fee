/** A worker thread of `nomen check --ndjson --jobs N`: builds its own engine from the store, then decides the batches it is sent. */
import { parentPort } from 'node:worker_threads';
import { openStore } from '../store/open.js';
import { engineFromStore } from '../pipeline.js';
import { serveBatches, workerInput, type EngineOptions, type Limits } from '../engine/index.js';
import type { Rule } from '../rules/types.js';

/** What the main thread tells each worker. */
export interface CheckWorkerData {
  db: string;
  options: Pick<EngineOptions, 'locale' | 'details' | 'reasons'>;
  limits: Limits;
}

/** The set-up value: the rules as JSON text, extracted once by the main thread while each worker reads the facts. */
export type CheckWorkerSetup = string;

const { data, setup } = workerInput<CheckWorkerData>();
const store = await openStore(data.db);
let context;
try {
  context = await engineFromStore(store, { ...data.options, rules: setup().then((json) => JSON.parse(json as CheckWorkerSetup) as Rule[]) });
} finally {
  await store.close();
}
serveBatches(parentPort!, context, data.limits);
