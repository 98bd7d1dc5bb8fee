/**
 * Fast JSON rendering of a response. Most of a response's bytes are the sources (the sentences
 * of the acts), the same few dozen strings again and again: their JSON is computed once per
 * source object and spliced in. The varying parts (messages, details) are written by a small
 * serializer that quotes plain strings without a call to JSON.stringify (one call costs more
 * than the whole of a short string's work on Node 20) and reuses the JSON of frozen values (a
 * rule's parameters and code lists, frozen when rules are compiled). The output is byte-for-byte
 * what JSON.stringify gives.
 */
import type { CheckResponse, Reason } from './schema.js';

const objectJson = new WeakMap<object, string>();
const stringJson = new Map<string, string>();
const STRING_CACHE_MAX = 10_000;

/** JSON of a string that recurs (rule ids, interpretations), cached. */
function recurring(s: string): string {
  let j = stringJson.get(s);
  if (j === undefined) {
    j = JSON.stringify(s);
    if (stringJson.size < STRING_CACHE_MAX) stringJson.set(s, j);
  }
  return j;
}

/** JSON of an immutable object (a rule's source, a frozen value), cached by identity. */
function shared(o: object): string {
  let j = objectJson.get(o);
  if (j === undefined) {
    j = JSON.stringify(o);
    objectJson.set(o, j);
  }
  return j;
}

/** A character JSON.stringify would escape (quote, backslash, control, any surrogate: lone ones are escaped). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** A string as a JSON literal (equal to JSON.stringify(s)). */
export function quote(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`;
}

function str(s: string | null | undefined): string {
  return s === null || s === undefined ? 'null' : quote(s);
}

/** `"key":` per property name. */
const keyJson = new Map<string, string>();
function keyOf(k: string): string {
  let j = keyJson.get(k);
  if (j === undefined) {
    j = `${quote(k)}:`;
    if (keyJson.size < STRING_CACHE_MAX) keyJson.set(k, j);
  }
  return j;
}

/**
 * JSON of a value (equal to JSON.stringify(v), undefined where it gives undefined). Plain objects,
 * arrays and scalars are written here; a frozen object is taken as deeply immutable (rules freeze
 * theirs whole) and encoded once; anything else (a class instance, toJSON, bigint) goes to
 * JSON.stringify.
 */
export function valueJson(v: unknown): string | undefined {
  switch (typeof v) {
    case 'string':
      return quote(v);
    case 'number':
      return Number.isFinite(v) ? `${v}` : 'null';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'object': {
      if (v === null) return 'null';
      if (Object.isFrozen(v)) return shared(v);
      if (Array.isArray(v)) {
        let s = '[';
        for (let i = 0; i < v.length; i++) s += (i ? ',' : '') + (valueJson(v[i]) ?? 'null');
        return s + ']';
      }
      if (Object.getPrototypeOf(v) !== Object.prototype) return JSON.stringify(v);
      let s = '{';
      for (const k in v) {
        const x = valueJson((v as Record<string, unknown>)[k]);
        if (x !== undefined) s += (s.length > 1 ? ',' : '') + keyOf(k) + x;
      }
      return s + '}';
    }
    default:
      return JSON.stringify(v);
  }
}

// --- bytes ------------------------------------------------------------------------------------

/**
 * A growable byte buffer that responses are written into, so that the recurring parts (a reason's
 * head, its source) are copied as bytes encoded once, and only the varying parts are encoded. The
 * batch hands `take()` to the output in large chunks.
 */
export class ByteSink {
  buf: Buffer;
  /** End of the bytes written (the batch flushes when enough are pending). */
  pos = 0;
  /** Start of the bytes not yet cut (see cut()). */
  private start = 0;
  constructor(private readonly size = 1 << 20) {
    // above 4 KiB, allocUnsafe never slices Node's shared pool (detach() relies on it)
    this.buf = Buffer.allocUnsafe(Math.max(size, 8192));
  }

  /**
   * Room for `n` more bytes: when the buffer is full, a new one takes the bytes not yet cut
   * (the old one is never written again: views of it stay valid).
   */
  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const pending = this.pos - this.start;
    const next = Buffer.allocUnsafe(Math.max(this.size, (pending + n) * 2));
    this.buf.copy(next, 0, this.start, this.pos);
    this.buf = next;
    this.start = 0;
    this.pos = pending;
  }

  /** A mark of the end of what is written, valid until the next cut (`dropTo` forgets what follows it). */
  mark(): number {
    return this.pos - this.start;
  }

  /** Forgets the bytes written after `mark` (an answer over the size limit is replaced by an error). */
  dropTo(mark: number): void {
    this.pos = this.start + mark;
  }

  /** Appends a string as UTF-8. */
  str(s: string): void {
    this.room(s.length * 3);
    this.pos += this.buf.write(s, this.pos);
  }

  /** Appends bytes. */
  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  /**
   * The bytes written since the last cut, as a view of the buffer; the sink writes on after them.
   * Many answers share one buffer, with neither an allocation nor a copy of their own.
   */
  cut(): Buffer {
    const out = this.buf.subarray(this.start, this.pos);
    this.start = this.pos;
    return out;
  }

  /** Forgets the bytes written since the last cut. */
  drop(): void {
    this.pos = this.start;
  }

  /** The bytes written so far, in a buffer of their own (never from Node's shared pool); the sink is spent. */
  detach(): Buffer {
    const out = this.buf.subarray(0, this.pos);
    this.buf = Buffer.alloc(0);
    this.pos = 0;
    return out;
  }

  /** The bytes written so far; the sink starts a new buffer (the output may still hold the old one). */
  take(): Buffer {
    const out = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(this.size);
    this.pos = 0;
    return out;
  }
}

/** `{"rule":…,"kind":…,"outcome":…,"message":` per rule id, kind and outcome. */
const heads = new Map<string, { kind: string; byOutcome: Partial<Record<Reason['outcome'], Buffer>> }>();
const HEADS_MAX = 100_000;

function headOf(r: Reason): Buffer {
  let h = heads.get(r.rule);
  if (h === undefined || h.kind !== r.kind) {
    h = { kind: r.kind, byOutcome: {} };
    if (heads.size < HEADS_MAX) heads.set(r.rule, h);
  }
  let b = h.byOutcome[r.outcome];
  if (b === undefined) {
    b = Buffer.from(`{"rule":${JSON.stringify(r.rule)},"kind":"${r.kind}","outcome":"${r.outcome}","message":`);
    h.byOutcome[r.outcome] = b;
  }
  return b;
}

/** `,"source":{…}` per source object (the engine shares one object per citation). */
const sourceBytes = new WeakMap<object, Buffer>();
function sourceOf(o: object): Buffer {
  let b = sourceBytes.get(o);
  if (b === undefined) {
    b = Buffer.from(`,"source":${shared(o)}`);
    sourceBytes.set(o, b);
  }
  return b;
}

/** `,"interpretation":"…"}` per interpretation (the text of a rule, recurring). */
const interpretations = new Map<string, Buffer>();
function interpretationOf(text: string): Buffer {
  let b = interpretations.get(text);
  if (b === undefined) {
    b = Buffer.from(`,"interpretation":${JSON.stringify(text)}}`);
    if (interpretations.size < STRING_CACHE_MAX) interpretations.set(text, b);
  }
  return b;
}

function writeReason(sink: ByteSink, r: Reason, first: boolean): void {
  if (!first) sink.str(',');
  sink.bytes(headOf(r));
  sink.str(quote(r.message));
  sink.bytes(sourceOf(r.source));
  let s = '';
  if (r.rejection !== undefined) s += `,"rejection":"${r.rejection}"`;
  // v1.1 refusal codes: the eFact object is frozen and shared per table row (encoded once)
  if (r.efact !== undefined) s += `,"efact":${r.efact === null ? 'null' : valueJson(r.efact)}`;
  if (r.etarif !== undefined) s += `,"etarif":${r.etarif === null ? 'null' : `"${r.etarif}"`}`;
  if (r.efactReason !== undefined) s += `,"efactReason":${recurring(r.efactReason)}`;
  if (r.etarifReason !== undefined) s += `,"etarifReason":${recurring(r.etarifReason)}`;
  if (r.detail !== undefined) s += `,"detail":${valueJson(r.detail)}`;
  if (r.interpretation === undefined) sink.str(s + '}');
  else {
    if (s) sink.str(s);
    sink.bytes(interpretationOf(r.interpretation));
  }
}

/** Writes the response as UTF-8 JSON (the bytes of JSON.stringify(response)). */
export function writeResponse(sink: ByteSink, r: CheckResponse): void {
  let s = `{"beneficiary":${str(r.beneficiary)},"decisions":[`;
  for (let i = 0; i < r.decisions.length; i++) {
    const d = r.decisions[i];
    s += `${i ? ',' : ''}{"claim":${str(d.claim)},"code":${str(d.code)},"status":"${d.status}","setting":"${d.setting}","keyLetter":${str(d.keyLetter)},"relativeValue":${str(d.relativeValue)},"fee":${str(d.fee)},"reimbursement":${str(d.reimbursement)}`;
    if (d.feeReason !== undefined) s += `,"feeReason":${d.feeReason === null ? 'null' : recurring(d.feeReason)}`;
    s += ',"reasons":[';
    const reasons = d.reasons;
    if (reasons.length) {
      sink.str(s);
      s = '';
      for (let k = 0; k < reasons.length; k++) writeReason(sink, reasons[k], k === 0);
    }
    s += ']}';
  }
  sink.str(s + ']}');
}

/** Where HTTP answers are written, one after the other (each a view: see ByteSink.cut). */
const answers = new ByteSink(1 << 20);

/** The response as UTF-8 JSON bytes (those of JSON.stringify(response)); `tail` adds members (`,"k":v`) before the closing brace. */
export function responseBytes(r: CheckResponse, tail = ''): Buffer {
  try {
    writeResponse(answers, r);
    if (tail) {
      answers.pos--; // the closing brace
      answers.str(tail + '}');
    }
    return answers.cut();
  } catch (e) {
    answers.drop(); // no half answer before the next one
    throw e;
  }
}

/** The response as JSON text (equal to JSON.stringify(response)). */
export function responseJson(r: CheckResponse): string {
  return responseBytes(r).toString('utf8');
}
