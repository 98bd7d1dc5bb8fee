/** A worker thread of `nomen replay --jobs N`: builds the engines before and after the drafts, then replays the batches it is sent. */
import { parentPort } from 'node:worker_threads';
import { openStore } from '../store/open.js';
import { engineFromStore } from '../pipeline.js';
import { serveLines, workerInput } from '../engine/parallel.js';
import type { Rule } from '../rules/types.js';
import { memoStore, overlayStore } from './scratch.js';
import { replayHandler, ReplayTally } from './replay.js';
import type { ReplayWorkerData, ReplayWorkerSetup } from './run.js';

const { data, setup } = workerInput<ReplayWorkerData>();
const rules = setup().then((json) => JSON.parse(json as ReplayWorkerSetup) as { before: Rule[]; after: Rule[] });
const opened = await openStore(data.db);
let engines;
try {
  // the corpus is read once for both engines; the one after the drafts reads it through the plan
  const store = memoStore(opened);
  const before = await engineFromStore(store, { ...data.options, rules: rules.then((r) => r.before) });
  const after = await engineFromStore(overlayStore(store, data.plan), { ...data.options, rules: rules.then((r) => r.after) });
  engines = { before, after };
} finally {
  await opened.close();
}
const tally = new ReplayTally();
serveLines(parentPort!, replayHandler(engines.before, engines.after, data.format, tally, data.limits), () => tally.take(), { maxLineBytes: data.limits.lineBytes, locale: data.options.locale });
