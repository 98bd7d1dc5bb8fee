/** A worker thread of `nomen check --ndjson --jobs N`: builds its own engine from the store, then decides the batches it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { openStore } from '../store/open.js';
import { engineFromStore } from '../pipeline.js';
import { serveBatches, type EngineOptions } from '../engine/index.js';

/** What the main thread tells each worker. */
export interface CheckWorkerData {
  db: string;
  options: Pick<EngineOptions, 'locale' | 'details' | 'reasons'>;
}

const { db, options } = workerData as CheckWorkerData;
const store = await openStore(db);
let context;
try {
  context = await engineFromStore(store, options);
} finally {
  await store.close();
}
serveBatches(parentPort!, context);
