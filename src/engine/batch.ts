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

export interface BatchStats {
  /** Input lines read (blank ones included). */
  lines: number;
  responses: number;
  errors: number;
}

export interface BatchError {
  line: number;
  error: { message: string; errors?: FieldError[]; offset?: number };
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

type Parsed = { ok: true; request: CheckRequest } | { ok: false; error: BatchError };

/** Parses and validates one non-blank line. */
function parseLine(t: string, lineNo: number): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(t);
  } catch (e) {
    return { ok: false, error: { line: lineNo, error: { message: `not valid JSON: ${(e as Error).message}` } } };
  }
  const v = validateRequest(value);
  if (!v.ok) {
    const msg = v.errors.map((e) => `${e.path || '(request)'}: ${e.message}`).join('; ');
    return { ok: false, error: { line: lineNo, error: { message: `request does not match the schema: ${msg}`, errors: v.errors } } };
  }
  return { ok: true, request: v.request };
}

const internalError = (lineNo: number, e: unknown): BatchError => ({ line: lineNo, error: { message: `internal error: ${(e as Error).message}` } });

/** Decides one NDJSON line into `sink` (with its newline) and counts it in `stats` (a blank line counts as a line only). */
export function decideInto(sink: ByteSink, text: LineText, lineNo: number, context: EngineContext, stats: BatchStats): void {
  stats.lines++;
  const r = decideOne(sink, text, lineNo, context);
  if (r === true) stats.responses++;
  else if (r === false) stats.errors++;
}

/** One line into `sink`; null for a blank line, else whether it gave a response. */
function decideOne(sink: ByteSink, text: LineText, lineNo: number, context: EngineContext): boolean | null {
  if (typeof text !== 'string') {
    const fault = { ...text, line: lineNo };
    const error: BatchError = { line: lineNo, error: { message: utf8Message(fault, context.locale), offset: fault.offset } };
    sink.str(JSON.stringify(error) + '\n');
    return false;
  }
  const t = content(text, lineNo);
  if (t === null) return null;
  const p = parseLine(t, lineNo);
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
  writeResponse(sink, response);
  sink.str('\n');
  return true;
}

/**
 * Calls `line` with each line of `bytes` from `start`, decoded one at a time (no string of the
 * whole chunk), until `line` returns true; returns the offset after the last line given. With
 * `whole`, a last line without a newline is given too.
 */
export function eachLine(bytes: Buffer, start: number, line: (text: LineText) => boolean | void, whole = false): number {
  for (let nl = bytes.indexOf(NEWLINE, start); nl >= 0; nl = bytes.indexOf(NEWLINE, start)) {
    const stop = line(lineText(bytes, start, nl));
    start = nl + 1;
    if (stop === true) return start;
  }
  if (whole && start < bytes.length) {
    line(lineText(bytes, start));
    return bytes.length;
  }
  return start;
}

/** Reads NDJSON requests from `input` and writes one response per line to `output`. Does not end `output`. */
export async function runBatch(input: Readable, output: Writable, context: EngineContext): Promise<BatchStats> {
  return runLines(input, output, (sink, text, lineNo, stats) => decideInto(sink, text, lineNo, context, stats));
}

/** What to do with one input line: write its output (with its newline) into `sink`, count it in `stats` (`decideInto` is one). */
export type LineHandler = (sink: ByteSink, text: LineText, lineNo: number, stats: BatchStats) => void;

/** Reads NDJSON lines from `input` and writes what `handler` makes of each to `output`, in order and constant memory. Does not end `output`. */
export async function runLines(input: Readable, output: Writable, handler: LineHandler): Promise<BatchStats> {
  const stats: BatchStats = { lines: 0, responses: 0, errors: 0 };
  const sink = new ByteSink(FLUSH_AT + (FLUSH_AT >> 1));
  // Lines are handled synchronously; the loop awaits only when the output holds a full chunk.
  const handle = (text: LineText): boolean => {
    handler(sink, text, stats.lines + 1, stats);
    return sink.pos >= FLUSH_AT;
  };
  const flush = async () => {
    if (sink.pos && !output.write(sink.take())) await once(output, 'drain');
  };
  // Lines are decoded one by one from the bytes: a string of a whole chunk would be a large
  // object, freed only by a full collection (memory grew with the number of lines).
  let carry: Buffer[] = [];
  for await (const raw of input as AsyncIterable<Buffer | string>) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
    let start = 0;
    if (carry.length) {
      const nl = chunk.indexOf(NEWLINE);
      if (nl < 0) { carry.push(chunk); continue; }
      // the first line of the chunk completes the carried part
      if (handle(lineText(Buffer.concat([...carry, chunk.subarray(0, nl)])))) await flush();
      carry = [];
      start = nl + 1;
    }
    // eachLine stops when the output holds a full chunk, which is handed over before going on
    for (;;) {
      const next = eachLine(chunk, start, handle);
      if (sink.pos >= FLUSH_AT) await flush();
      if (next === start) break;
      start = next;
    }
    if (start < chunk.length) carry.push(chunk.subarray(start));
  }
  if (carry.length) handle(lineText(Buffer.concat(carry)));
  await flush();
  return stats;
}
