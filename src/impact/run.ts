/**
 * Running a replay over a stream of NDJSON requests: on the main thread (`jobs` 1) or on worker
 * threads, through the batch's own loops (engine/batch.ts, engine/parallel.ts): the same
 * streaming, order and flat memory as `check --ndjson`. The totals come last.
 */
import type { Readable, Writable } from 'node:stream';
import { runLines, type BatchStats } from '../engine/batch.js';
import { runBatchParallel } from '../engine/parallel.js';
import type { EngineOptions } from '../engine/engine.js';
import { engineFromStore, storedRules } from '../pipeline.js';
import { openStore } from '../store/open.js';
import { limitsFrom, type Limits } from '../engine/limits.js';
import type { IngestInput, Store } from '../store/types.js';
import { memoStore, overlayStore, planDrafts, type DraftPlan } from './scratch.js';
import { replayHandler, ReplayTally, type ReplayFormat, type ReplayTotals, type TallyData } from './replay.js';

/** What the main thread tells each replay worker. */
export interface ReplayWorkerData {
  db: string;
  plan: DraftPlan;
  format: ReplayFormat;
  options: Pick<EngineOptions, 'locale' | 'details' | 'reasons'>;
  limits: Limits;
}

/** The set-up value: the rules before and after the drafts, as JSON text, extracted once by the main thread. */
export type ReplayWorkerSetup = string;

export interface ReplayOptions {
  /** The database (a --db value): workers open it themselves. */
  db: string;
  drafts: IngestInput[];
  format: ReplayFormat;
  jobs: number;
  locale?: EngineOptions['locale'];
  /** Input bytes per parallel batch (tests: small batches). */
  batchBytes?: number;
  /** The limits of a request and of an input line (default: the environment, else check's defaults). */
  limits?: Limits;
  /** Called now and then with the lines read and the lines changed so far (progress). */
  progress?: (lines: number, changed: number) => void;
}

export interface ReplayRun {
  stats: BatchStats;
  totals: ReplayTotals;
  /** What ingesting the drafts would have reported (nothing was stored). */
  drafts: DraftPlan['reports'];
}

/** Replays the requests of `input` under the drafts; changed lines to `output` (not ended); the totals are returned. */
export async function runReplay(input: Readable, output: Writable, options: ReplayOptions): Promise<ReplayRun> {
  const opened = await openStore(options.db);
  const tally = new ReplayTally();
  const engineOptions = { locale: options.locale, details: false, reasons: 'failed' } as const;
  const limits = options.limits ?? limitsFrom(process.env);
  try {
    const store = memoStore(opened);
    const plan = await planDrafts(store, options.drafts, await store.allFacts());
    const after = overlayStore(store, plan);
    let stats: BatchStats;
    if (options.jobs === 1) {
      const [b, a] = [await engineFromStore(store, engineOptions), await engineFromStore(after, engineOptions)];
      const handler = replayHandler(b, a, options.format, tally, limits);
      let seen = 0;
      stats = await runLines(input, output, (sink, text, lineNo, s) => {
        handler(sink, text, lineNo, s);
        if (options.progress && ++seen % 1000 === 0) options.progress(s.lines, tally.changed);
      }, { maxLineBytes: limits.lineBytes, locale: options.locale });
    } else {
      const workerData: ReplayWorkerData = { db: options.db, plan, format: options.format, options: engineOptions, limits };
      const setup = async (): Promise<ReplayWorkerSetup> => JSON.stringify({ before: await storedRules(store), after: await storedRules(after) });
      let lines = 0;
      let changed = 0;
      stats = await runBatchParallel(input, output, {
        jobs: options.jobs, worker: new URL('./replay-worker.js', import.meta.url), workerData, batchBytes: options.batchBytes, setup,
        maxLineBytes: limits.lineBytes, locale: options.locale,
        onSummary: (s) => {
          const d = s as TallyData;
          tally.merge(d);
          lines += d.requests + d.errors;
          changed += d.all.lines;
          options.progress?.(lines, changed);
        },
      });
    }
    // every bad line, over-long ones included (those are refused before the handler sees them)
    return { stats, totals: { ...tally.totals(), errors: stats.errors }, drafts: plan.reports };
  } finally {
    await opened.close();
  }
}

/** Replays a list of requests in process (the API): the changed lines and the totals. */
export async function replayRequests(store: Store, drafts: IngestInput[], requests: unknown[], locale?: EngineOptions['locale']): Promise<{ changes: import('./replay.js').LineChange[]; totals: ReplayTotals; drafts: DraftPlan['reports'] }> {
  const { replayRequest } = await import('./replay.js');
  const { validateRequest } = await import('../engine/schema.js');
  const memo = memoStore(store);
  const plan = await planDrafts(memo, drafts, await memo.allFacts());
  const engineOptions = { locale, details: false, reasons: 'failed' } as const;
  const before = await engineFromStore(memo, engineOptions);
  const after = await engineFromStore(overlayStore(memo, plan), engineOptions);
  const tally = new ReplayTally();
  const changes = [];
  for (let i = 0; i < requests.length; i++) {
    const v = validateRequest(requests[i]);
    if (!v.ok) throw new ReplayInputError(i, v.errors);
    const r = replayRequest(v.request, i + 1, before, after);
    tally.requests++;
    tally.claims += r.claims;
    for (const c of r.changes) { tally.add(c); changes.push(c); }
  }
  return { changes, totals: tally.totals(), drafts: plan.reports };
}

/** A request of a replay that does not match the schema: `index` in the list, with its field errors. */
export class ReplayInputError extends Error {
  constructor(readonly index: number, readonly errors: { path: string; message: string }[]) {
    super(`requests[${index}]: ${errors.map((e) => `${e.path || '(request)'}: ${e.message}`).join('; ')}`);
  }
}
