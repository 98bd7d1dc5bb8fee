/**
 * The NDJSON batch on several cores: the main thread cuts the input into batches of whole lines
 * (as bytes, never decoded), worker threads decide them (each holds its own engine), and the
 * main thread writes their outputs in input order. Memory stays flat: at most two batches per
 * worker are in flight, and reading waits while the output is full. The output is byte-for-byte
 * that of `runBatch` (same line numbers in error objects, same stats).
 */
import { availableParallelism } from 'node:os';
import v8 from 'node:v8';
import { MessageChannel, Worker, workerData, type MessagePort } from 'node:worker_threads';
import type { Readable, Writable } from 'node:stream';
import type { EngineContext } from './decide.js';
import { decideInto, eachLine, lineTooLong, type BatchStats, type LineHandler, type TooLong } from './batch.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';
import { ByteSink } from './serialize.js';

/** A batch sent to a worker: whole lines, numbered from `first`. */
interface BatchJob {
  seq: number;
  first: number;
  bytes: ArrayBuffer;
  length: number;
}

/** A worker's answer: the output bytes of the batch and its counts. */
interface BatchDone {
  seq: number;
  out: ArrayBuffer;
  length: number;
  stats: BatchStats;
  /** What the worker's handler summarised of the batch (`serveLines`), if anything. */
  summary?: unknown;
}

export interface ParallelOptions {
  /** Number of worker threads (≥ 1). */
  jobs: number;
  /** The worker's module: it builds an engine context and calls `serveBatches`. */
  worker: URL;
  /** Passed to each worker as `workerData` (how to build its engine). */
  workerData: unknown;
  /** Input bytes per batch (default 1 MiB). */
  batchBytes?: number;
  /**
   * Computes a value the workers need on the main thread, called once they are started (their own
   * set-up runs meanwhile); each worker receives it through `workerInput().setup()`.
   */
  setup?: () => Promise<unknown>;
  /** Called on the main thread, in input order, with each batch's summary (workers serving `serveLines` with a summary). */
  onSummary?: (summary: unknown) => void;
  /**
   * A line longer than this is skipped and an error object takes its place (the workers must be
   * given the same limit: `serveBatches`, `serveLines`); `locale` is the language of that error.
   */
  maxLineBytes?: number;
  locale?: EngineContext['locale'];
}

/** What a batch worker is given: the caller's `workerData`, and the set-up value once the main thread has it. */
export function workerInput<T>(): { data: T; setup: () => Promise<unknown> } {
  const { data, setup } = workerData as { data: T; setup: MessagePort };
  return {
    data,
    setup: () =>
      new Promise((resolve) => {
        setup.once('message', (v: unknown) => {
          setup.close();
          resolve(v);
        });
      }),
  };
}

const NEWLINE = 10;
/**
 * A decision allocates many short-lived objects: a large young generation (64 MiB semi-spaces)
 * keeps them from being promoted and scavenges rare (measured: ~15 % less time per line).
 */
const YOUNG_GENERATION_MB = 192;

/**
 * With a worker per core, V8's helper threads for parallel scavenges only compete with the
 * workers for the cores (measured on 2 cores: 10–12 % faster without them). The flag is read at
 * each scavenge, so it can be set now; the main thread only moves bytes.
 */
function tuneGarbageCollection(jobs: number): void {
  if (jobs >= availableParallelism()) v8.setFlagsFromString('--no-parallel-scavenge');
}
const DEFAULT_BATCH = 1 << 20;
const IN_FLIGHT_PER_WORKER = 2;

/** Number of lines in a batch: its newlines, plus a last line without one. */
function lineCount(b: Buffer): number {
  let n = 0;
  for (let i = b.indexOf(NEWLINE); i >= 0; i = b.indexOf(NEWLINE, i + 1)) n++;
  if (b.length && b[b.length - 1] !== NEWLINE) n++;
  return n;
}

/** Reads NDJSON requests from `input` and writes one response per line to `output`, on `jobs` worker threads. Does not end `output`. */
export async function runBatchParallel(input: Readable, output: Writable, options: ParallelOptions): Promise<BatchStats> {
  const batchBytes = options.batchBytes ?? DEFAULT_BATCH;
  const stats: BatchStats = { lines: 0, responses: 0, errors: 0 };
  tuneGarbageCollection(options.jobs);
  const setupPorts: MessagePort[] = [];
  const workers = Array.from({ length: options.jobs }, () => {
    const { port1, port2 } = new MessageChannel();
    setupPorts.push(port1);
    return new Worker(options.worker, {
      workerData: { data: options.workerData, setup: port2 },
      transferList: [port2],
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
  });
  const busy = workers.map(() => 0);
  const owner = new Map<number, number>();
  const results = new Map<number, { out: Buffer; stats: BatchStats; summary?: unknown }>();
  let nextToWrite = 0;
  let failure: Error | null = null;
  // Woken whenever a slot frees up, a result is written, the output drains or a worker fails.
  let wake: (() => void) | null = null;
  const poke = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  let blocked = false;
  output.on('drain', () => {
    blocked = false;
    pump();
  });

  /** Writes the results that are next in order, while the output accepts them. */
  function pump(): void {
    while (!blocked && results.has(nextToWrite)) {
      const r = results.get(nextToWrite)!;
      results.delete(nextToWrite);
      const k = owner.get(nextToWrite)!;
      if (k >= 0) busy[k]--;
      owner.delete(nextToWrite);
      nextToWrite++;
      stats.lines += r.stats.lines;
      stats.responses += r.stats.responses;
      stats.errors += r.stats.errors;
      if (r.summary !== undefined) options.onSummary?.(r.summary);
      if (r.out.length && !output.write(r.out)) blocked = true;
    }
    poke();
  }

  workers.forEach((w, k) => {
    w.on('message', (m: BatchDone) => {
      results.set(m.seq, { out: Buffer.from(m.out, 0, m.length), stats: m.stats, summary: m.summary });
      pump();
    });
    w.on('error', (e) => {
      failure ??= e;
      poke();
    });
    w.on('exit', (code) => {
      if (code !== 0 || busy[k] > 0) failure ??= new Error(`a batch worker stopped (exit code ${code}) before its work was done`);
      poke();
    });
  });

  Promise.resolve(options.setup?.()).then(
    (v) => { for (const p of setupPorts) { p.postMessage(v); p.close(); } },
    (e: Error) => { failure ??= e; poke(); },
  );

  const until = async (ready: () => boolean) => {
    while (!ready()) {
      if (failure) throw failure;
      await new Promise<void>((r) => (wake = r));
    }
    if (failure) throw failure;
  };

  let seq = 0;
  let line = 1;
  const send = async (bytes: Buffer) => {
    if (bytes.length === 0) return;
    const limit = IN_FLIGHT_PER_WORKER * workers.length;
    await until(() => seq - nextToWrite < limit && !blocked);
    let k = 0;
    for (let i = 1; i < workers.length; i++) if (busy[i] < busy[k]) k = i;
    // a copy the worker owns (transferred, not cloned)
    const copy = new Uint8Array(bytes.length);
    copy.set(bytes);
    const job: BatchJob = { seq, first: line, bytes: copy.buffer, length: bytes.length };
    busy[k]++;
    owner.set(seq, k);
    seq++;
    line += lineCount(bytes);
    workers[k].postMessage(job, [copy.buffer]);
  };

  // A line over the limit is never held whole: the main thread skips its bytes and writes its
  // error object in its place, in order (a result no worker computed).
  const max = options.maxLineBytes ?? Infinity;
  const skipped = async (bytes: number) => {
    await until(() => seq - nextToWrite < IN_FLIGHT_PER_WORKER * workers.length && !blocked);
    results.set(seq, { out: Buffer.from(lineTooLong(line, bytes, max, options.locale)), stats: { lines: 1, responses: 0, errors: 1 } });
    owner.set(seq, -1);
    seq++;
    line++;
    pump();
  };

  try {
    let pending: Buffer[] = [];
    let size = 0;
    /** Bytes after the last newline of `pending` (the line being read). */
    let tail = 0;
    /** Bytes of an over-long line skipped so far, or -1. */
    let skipping = -1;
    for await (const chunk of input as AsyncIterable<Buffer | string>) {
      let b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      if (skipping >= 0) {
        const end = b.indexOf(NEWLINE);
        if (end < 0) { skipping += b.length; continue; }
        await skipped(skipping + end);
        skipping = -1;
        b = b.subarray(end + 1);
      }
      pending.push(b);
      size += b.length;
      const nl = b.lastIndexOf(NEWLINE);
      tail = nl < 0 ? tail + b.length : b.length - nl - 1;
      if (tail > max) {
        // the whole lines before it go as a batch; the long line's bytes are dropped from here on
        const all = Buffer.concat(pending, size);
        await send(all.subarray(0, size - tail));
        skipping = tail;
        pending = [];
        size = tail = 0;
        continue;
      }
      if (size < batchBytes) continue;
      if (nl < 0) continue; // a very long line: wait for its end
      const all = Buffer.concat(pending, size);
      const cut = size - b.length + nl + 1;
      await send(all.subarray(0, cut));
      pending = cut < size ? [all.subarray(cut)] : [];
      size -= cut;
    }
    if (skipping >= 0) await skipped(skipping);
    else await send(Buffer.concat(pending, size));
    await until(() => nextToWrite === seq && !blocked);
    return stats;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** The worker side: decides every batch posted on `port` with `context` and posts its output back. */
export function serveBatches(port: MessagePort, context: EngineContext, limits: Limits = DEFAULT_LIMITS): void {
  serveLines(port, (sink, text, lineNo, stats) => decideInto(sink, text, lineNo, context, stats, limits), undefined, { maxLineBytes: limits.lineBytes, locale: context.locale });
}

/**
 * The worker side of any line handler: handles every batch posted on `port` and posts its output
 * back, with `summary()` (called after each batch: what the batch added up to) for `onSummary`.
 */
export function serveLines(port: MessagePort, handler: LineHandler, summary?: () => unknown, lines: { maxLineBytes?: number; locale?: EngineContext['locale'] } = {}): void {
  port.on('message', (job: BatchJob) => {
    const sink = new ByteSink(Math.max(1 << 16, job.length * 5));
    const stats: BatchStats = { lines: 0, responses: 0, errors: 0 };
    let lineNo = job.first;
    // decoded line by line (as runBatch): a string of the whole batch would be a large object
    const max = lines.maxLineBytes;
    const tooLong: TooLong | undefined = max === undefined ? undefined : {
      max,
      line: (bytes) => {
        stats.lines++;
        stats.errors++;
        sink.str(lineTooLong(lineNo++, bytes, max, lines.locale));
      },
    };
    eachLine(Buffer.from(job.bytes, 0, job.length), 0, (text) => handler(sink, text, lineNo++, stats), true, tooLong);
    const out = sink.detach();
    // the sink's buffer is its own (not pooled): handed over without a copy
    const done: BatchDone = { seq: job.seq, out: out.buffer as ArrayBuffer, length: out.length, stats, ...(summary ? { summary: summary() } : {}) };
    port.postMessage(done, [out.buffer as ArrayBuffer]);
  });
}
