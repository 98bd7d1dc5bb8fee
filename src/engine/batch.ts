/**
 * NDJSON batch: one request per input line, one response per output line, in order.
 * Streams in constant memory (a partial line is the only thing carried between chunks; output
 * is written as UTF-8 into a byte buffer and handed over in ~256 KiB writes honouring
 * back-pressure). A malformed line gives
 * `{"line": n, "error": {"message": …, "errors": [{path, message}]}}` and the run goes on;
 * blank lines are skipped (their numbers still count). A line whose bytes are not UTF-8 gives
 * `{"line": n, "error": {"message": …, "offset": k}}` (k: the first bad byte's offset in the line).
 */
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { decide, type EngineContext } from './decide.js';
import { validateRequest, type CheckRequest, type CheckResponse, type FieldError } from './schema.js';
import { ByteSink, writeResponse } from './serialize.js';
import { utf8Fault, utf8Message, type Utf8Fault } from '../utf8.js';
import { answerTooLargeMessage, DEFAULT_LIMITS, lineTooLongMessage, requestLimitErrors, type Limits } from './limits.js';

export interface BatchStats {
  /** Input lines read (blank ones included). */
  lines: number;
  responses: number;
  errors: number;
}

export interface BatchError {
  line: number;
  /** `offset`: the first byte that is not UTF-8; `bytes`: the length of a line over the limit. */
  error: { message: string; errors?: FieldError[]; offset?: number; bytes?: number };
}

/** How a batch reads its input. */
export interface BatchOptions {
  /** Limits of a line and of each request and answer (default DEFAULT_LIMITS). */
  limits?: Limits;
}

/** A line as read from the input: its text, or where its bytes stop being UTF-8. */
export type LineText = string | Utf8Fault;

/**
 * The text of `bytes[start, end)`, or its first invalid UTF-8 byte: lenient decoding would turn
 * "Müller" and "Möller" in latin-1 into one name. Only a line whose text has a U+FFFD (written
 * as such, or a replaced byte) has its bytes checked.
 */
export function lineText(bytes: Buffer, start = 0, end = bytes.length): LineText {
  const text = bytes.toString('utf8', start, end);
  if (text.includes('\uFFFD')) {
    const fault = utf8Fault(bytes.subarray(start, end));
    if (fault) return fault;
  }
  return text;
}

const NEWLINE = 10;

/** Output is handed to the stream in chunks of this size (fewer, larger writes). */
const FLUSH_AT = 256 * 1024;

/** The line without a trailing CR, or null when it is blank. */
function content(text: string, lineNo: number): string | null {
  // a byte order mark (files saved by some editors) is not part of the first request
  let t = lineNo === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (t.length && t.charCodeAt(t.length - 1) === 13) t = t.slice(0, -1);
  // a request starts with "{": only other lines pay for trim()
  if (t.charCodeAt(0) !== 123 && t.trim() === '') return null;
  return t;
}

export type Parsed = { ok: true; request: CheckRequest } | { ok: false; error: BatchError };

/** Parses and validates one non-blank line (within the request limits, when given). */
function parseLine(t: string, lineNo: number, limits?: Limits, locale?: EngineContext['locale']): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(t);
  } catch (e) {
    return { ok: false, error: { line: lineNo, error: { message: `not valid JSON: ${(e as Error).message}` } } };
  }
  const over = limits ? requestLimitErrors(value, limits, locale) : [];
  if (over.length) return { ok: false, error: { line: lineNo, error: { message: over.map((e) => `${e.path}: ${e.message}`).join('; '), errors: over } } };
  const v = validateRequest(value);
  if (!v.ok) {
    const msg = v.errors.map((e) => `${e.path || '(request)'}: ${e.message}`).join('; ');
    return { ok: false, error: { line: lineNo, error: { message: `request does not match the schema: ${msg}`, errors: v.errors } } };
  }
  return { ok: true, request: v.request };
}

/**
 * One NDJSON line as a request, read exactly as the batch reads it (a byte order mark, a CR,
 * bytes that are not UTF-8, blank lines): null for a blank line, else the request or the error
 * object the batch writes for it.
 */
export function requestOf(text: LineText, lineNo: number, locale: EngineContext['locale'], limits?: Limits): Parsed | null {
  if (typeof text !== 'string') {
    const fault = { ...text, line: lineNo };
    return { ok: false, error: { line: lineNo, error: { message: utf8Message(fault, locale), offset: fault.offset } } };
  }
  const t = content(text, lineNo);
  return t === null ? null : parseLine(t, lineNo, limits, locale);
}

const internalError = (lineNo: number, e: unknown): BatchError => ({ line: lineNo, error: { message: `internal error: ${(e as Error).message}` } });

/** Decides one NDJSON line into `sink` (with its newline) and counts it in `stats` (a blank line counts as a line only). */
export function decideInto(sink: ByteSink, text: LineText, lineNo: number, context: EngineContext, stats: BatchStats, limits: Limits = DEFAULT_LIMITS): void {
  stats.lines++;
  const r = decideOne(sink, text, lineNo, context, limits);
  if (r === true) stats.responses++;
  else if (r === false) stats.errors++;
}

/** One line into `sink`; null for a blank line, else whether it gave a response. */
function decideOne(sink: ByteSink, text: LineText, lineNo: number, context: EngineContext, limits: Limits): boolean | null {
  if (typeof text !== 'string') {
    const fault = { ...text, line: lineNo };
    const error: BatchError = { line: lineNo, error: { message: utf8Message(fault, context.locale), offset: fault.offset } };
    sink.str(JSON.stringify(error) + '\n');
    return false;
  }
  const t = content(text, lineNo);
  if (t === null) return null;
  const p = parseLine(t, lineNo, limits, context.locale);
  if (!p.ok) {
    sink.str(JSON.stringify(p.error) + '\n');
    return false;
  }
  let response: CheckResponse;
  try {
    response = decide(p.request, context);
  } catch (e) {
    sink.str(JSON.stringify(internalError(lineNo, e)) + '\n');
    return false;
  }
  const mark = sink.mark();
  writeResponse(sink, response);
  const size = sink.mark() - mark;
  if (size > limits.answerBytes) {
    sink.dropTo(mark);
    sink.str(JSON.stringify({ line: lineNo, error: { message: answerTooLargeMessage(size, limits.answerBytes, context.locale) } } satisfies BatchError) + '\n');
    return false;
  }
  sink.str('\n');
  return true;
}

/** The error object of a line longer than the limit (its bytes were skipped). */
export function lineTooLong(lineNo: number, bytes: number, max: number, locale?: EngineContext['locale']): string {
  return JSON.stringify({ line: lineNo, error: { message: lineTooLongMessage(bytes, max, locale), bytes } } satisfies BatchError) + '\n';
}

/** A line longer than `max` bytes: `line` is called with its length instead of decoding it. */
export interface TooLong {
  max: number;
  line: (bytes: number) => boolean | void;
}

/**
 * Calls `line` with each line of `bytes` from `start`, decoded one at a time (no string of the
 * whole chunk), until `line` returns true; returns the offset after the last line given. With
 * `whole`, a last line without a newline is given too.
 */
export function eachLine(bytes: Buffer, start: number, line: (text: LineText) => boolean | void, whole = false, tooLong?: TooLong): number {
  for (let nl = bytes.indexOf(NEWLINE, start); nl >= 0; nl = bytes.indexOf(NEWLINE, start)) {
    const stop = tooLong && nl - start > tooLong.max ? tooLong.line(nl - start) : line(lineText(bytes, start, nl));
    start = nl + 1;
    if (stop === true) return start;
  }
  if (whole && start < bytes.length) {
    if (tooLong && bytes.length - start > tooLong.max) tooLong.line(bytes.length - start);
    else line(lineText(bytes, start));
    return bytes.length;
  }
  return start;
}

/** Reads NDJSON requests from `input` and writes one response per line to `output`. Does not end `output`. */
export async function runBatch(input: Readable, output: Writable, context: EngineContext, options: BatchOptions = {}): Promise<BatchStats> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  return runLines(input, output, (sink, text, lineNo, stats) => decideInto(sink, text, lineNo, context, stats, limits), { maxLineBytes: limits.lineBytes, locale: context.locale });
}

/** How `runLines` treats a line longer than `maxLineBytes`: its bytes are skipped, an error object takes its place. */
export interface LineOptions {
  maxLineBytes?: number;
  locale?: EngineContext['locale'];
}

/** What to do with one input line: write its output (with its newline) into `sink`, count it in `stats` (`decideInto` is one). */
export type LineHandler = (sink: ByteSink, text: LineText, lineNo: number, stats: BatchStats) => void;

/** Reads NDJSON lines from `input` and writes what `handler` makes of each to `output`, in order and constant memory. Does not end `output`. */
export async function runLines(input: Readable, output: Writable, handler: LineHandler, options: LineOptions = {}): Promise<BatchStats> {
  const stats: BatchStats = { lines: 0, responses: 0, errors: 0 };
  const max = options.maxLineBytes ?? Infinity;
  const sink = new ByteSink(FLUSH_AT + (FLUSH_AT >> 1));
  // Lines are handled synchronously; the loop awaits only when the output holds a full chunk.
  const handle = (text: LineText): boolean => {
    handler(sink, text, stats.lines + 1, stats);
    return sink.pos >= FLUSH_AT;
  };
  // A line over the limit is never held whole: its bytes are skipped, an error object takes its place.
  const tooLongLine = (bytes: number): boolean => {
    stats.lines++;
    stats.errors++;
    sink.str(lineTooLong(stats.lines, bytes, max, options.locale));
    return sink.pos >= FLUSH_AT;
  };
  const tooLong: TooLong | undefined = Number.isFinite(max) ? { max, line: tooLongLine } : undefined;
  const flush = async () => {
    if (sink.pos && !output.write(sink.take())) await once(output, 'drain');
  };
  // Lines are decoded one by one from the bytes: a string of a whole chunk would be a large
  // object, freed only by a full collection (memory grew with the number of lines).
  let carry: Buffer[] = [];
  let carried = 0;
  /** Bytes of an over-long line skipped so far (its end not read yet), or -1. */
  let skipping = -1;
  for await (const raw of input as AsyncIterable<Buffer | string>) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
    let start = 0;
    if (skipping >= 0 || carry.length) {
      const nl = chunk.indexOf(NEWLINE);
      if (nl < 0) {
        if (skipping >= 0) skipping += chunk.length;
        else if (carried + chunk.length > max) {
          skipping = carried + chunk.length;
          carry = [];
          carried = 0;
        } else {
          carry.push(chunk);
          carried += chunk.length;
        }
        continue;
      }
      // the first line of the chunk completes the carried (or skipped) part
      if (skipping >= 0 || carried + nl > max) {
        if (tooLongLine((skipping >= 0 ? skipping : carried) + nl)) await flush();
      } else if (handle(lineText(Buffer.concat([...carry, chunk.subarray(0, nl)])))) await flush();
      skipping = -1;
      carry = [];
      carried = 0;
      start = nl + 1;
    }
    // eachLine stops when the output holds a full chunk, which is handed over before going on
    for (;;) {
      const next = eachLine(chunk, start, handle, false, tooLong);
      if (sink.pos >= FLUSH_AT) await flush();
      if (next === start) break;
      start = next;
    }
    if (start < chunk.length) {
      if (chunk.length - start > max) skipping = chunk.length - start;
      else {
        carry.push(chunk.subarray(start));
        carried = chunk.length - start;
      }
    }
  }
  if (skipping >= 0) tooLongLine(skipping);
  else if (carry.length) handle(lineText(Buffer.concat(carry)));
  await flush();
  return stats;
}
