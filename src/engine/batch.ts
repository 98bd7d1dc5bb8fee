/**
 * NDJSON batch: one request per input line, one response per output line, in order.
 * Streams in constant memory (a partial line is the only thing carried between chunks; output
 * is written as UTF-8 into a byte buffer and handed over in ~256 KiB writes honouring
 * back-pressure). A malformed line gives
 * `{"line": n, "error": {"message": …, "errors": [{path, message}]}}` and the run goes on;
 * blank lines are skipped (their numbers still count).
 */
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { decide, type EngineContext } from './decide.js';
import { validateRequest, type CheckRequest, type CheckResponse, type FieldError } from './schema.js';
import { ByteSink, writeResponse } from './serialize.js';

export interface BatchStats {
  /** Input lines read (blank ones included). */
  lines: number;
  responses: number;
  errors: number;
}

export interface BatchError {
  line: number;
  error: { message: string; errors?: FieldError[] };
}

/** Output is handed to the stream in chunks of this size (fewer, larger writes). */
const FLUSH_AT = 256 * 1024;

/** The line without a trailing CR, or null when it is blank. */
function content(text: string): string | null {
  let t = text;
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
export function decideInto(sink: ByteSink, text: string, lineNo: number, context: EngineContext, stats: BatchStats): void {
  stats.lines++;
  const r = decideOne(sink, text, lineNo, context);
  if (r === true) stats.responses++;
  else if (r === false) stats.errors++;
}

/** One line into `sink`; null for a blank line, else whether it gave a response. */
function decideOne(sink: ByteSink, text: string, lineNo: number, context: EngineContext): boolean | null {
  const t = content(text);
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

/** Reads NDJSON requests from `input` and writes one response per line to `output`. Does not end `output`. */
export async function runBatch(input: Readable, output: Writable, context: EngineContext): Promise<BatchStats> {
  const stats: BatchStats = { lines: 0, responses: 0, errors: 0 };
  const sink = new ByteSink(FLUSH_AT + (FLUSH_AT >> 1));
  // Lines are decided synchronously; the loop awaits only when a chunk is handed to a full output.
  const handle = (text: string): boolean => {
    decideInto(sink, text, stats.lines + 1, context, stats);
    return sink.pos >= FLUSH_AT;
  };
  const flush = async () => {
    if (sink.pos && !output.write(sink.take())) await once(output, 'drain');
  };
  input.setEncoding('utf8');
  let carry = '';
  for await (const chunk of input as AsyncIterable<string>) {
    let nl = chunk.indexOf('\n');
    if (nl < 0) { carry += chunk; continue; }
    // the first line of the chunk completes the carried part
    if (handle(carry + chunk.slice(0, nl))) await flush();
    carry = '';
    let start = nl + 1;
    for (nl = chunk.indexOf('\n', start); nl >= 0; nl = chunk.indexOf('\n', start)) {
      if (handle(chunk.slice(start, nl))) await flush();
      start = nl + 1;
    }
    carry = chunk.slice(start);
  }
  if (carry.length) handle(carry);
  await flush();
  return stats;
}
