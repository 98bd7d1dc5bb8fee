/**
 * NDJSON batch: one request per input line, one response per output line, in order.
 * Streams in constant memory (a partial line is the only thing carried between chunks; output
 * is flushed in ~64 KiB writes honouring back-pressure). A malformed line gives
 * `{"line": n, "error": {"message": …, "errors": [{path, message}]}}` and the run goes on;
 * blank lines are skipped (their numbers still count).
 */
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { decide, type EngineContext } from './decide.js';
import { validateRequest, type FieldError } from './schema.js';
import { responseJson } from './serialize.js';

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

const FLUSH_AT = 64 * 1024;

/** Decides one NDJSON line; returns the output line (without newline), or null for a blank line. */
export function decideLine(text: string, lineNo: number, context: EngineContext): { out: string; ok: boolean } | null {
  let t = text;
  if (t.length && t.charCodeAt(t.length - 1) === 13) t = t.slice(0, -1);
  if (t.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(t);
  } catch (e) {
    return { out: JSON.stringify({ line: lineNo, error: { message: `not valid JSON: ${(e as Error).message}` } } satisfies BatchError), ok: false };
  }
  const v = validateRequest(value);
  if (!v.ok) {
    const msg = v.errors.map((e) => `${e.path || '(request)'}: ${e.message}`).join('; ');
    return { out: JSON.stringify({ line: lineNo, error: { message: `request does not match the schema: ${msg}`, errors: v.errors } } satisfies BatchError), ok: false };
  }
  try {
    return { out: responseJson(decide(v.request, context)), ok: true };
  } catch (e) {
    return { out: JSON.stringify({ line: lineNo, error: { message: `internal error: ${(e as Error).message}` } } satisfies BatchError), ok: false };
  }
}

/** Reads NDJSON requests from `input` and writes one response per line to `output`. Does not end `output`. */
export async function runBatch(input: Readable, output: Writable, context: EngineContext): Promise<BatchStats> {
  const stats: BatchStats = { lines: 0, responses: 0, errors: 0 };
  let pending: string[] = [];
  let pendingSize = 0;
  const flush = async () => {
    if (!pendingSize) return;
    const chunk = pending.join('');
    pending = [];
    pendingSize = 0;
    if (!output.write(chunk)) await once(output, 'drain');
  };
  const handle = async (text: string) => {
    stats.lines++;
    const r = decideLine(text, stats.lines, context);
    if (r === null) return;
    if (r.ok) stats.responses++;
    else stats.errors++;
    pending.push(r.out, '\n');
    pendingSize += r.out.length + 1;
    if (pendingSize >= FLUSH_AT) await flush();
  };
  input.setEncoding('utf8');
  let carry = '';
  for await (const chunk of input as AsyncIterable<string>) {
    let start = 0;
    let nl = chunk.indexOf('\n');
    if (nl < 0) { carry += chunk; continue; }
    // the first line of the chunk completes the carried part
    await handle(carry + chunk.slice(0, nl));
    carry = '';
    start = nl + 1;
    for (nl = chunk.indexOf('\n', start); nl >= 0; nl = chunk.indexOf('\n', start)) {
      await handle(chunk.slice(start, nl));
      start = nl + 1;
    }
    carry = chunk.slice(start);
  }
  if (carry.length) await handle(carry);
  await flush();
  return stats;
}
