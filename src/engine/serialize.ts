/**
 * Fast JSON rendering of a response. Most of a response's bytes are the sources (the sentences
 * of the acts), the same few dozen strings again and again: their JSON is computed once per
 * source object and spliced in. The output is byte-for-byte what JSON.stringify gives.
 */
import type { CheckResponse, Decision, Reason } from './schema.js';

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

/** JSON of an object that is shared between reasons (a rule's source), cached by identity. */
function shared(o: object): string {
  let j = objectJson.get(o);
  if (j === undefined) {
    j = JSON.stringify(o);
    objectJson.set(o, j);
  }
  return j;
}

function str(s: string | null | undefined): string {
  return s === null || s === undefined ? 'null' : JSON.stringify(s);
}

function reasonJson(r: Reason): string {
  let s = `{"rule":${recurring(r.rule)},"kind":"${r.kind}","outcome":"${r.outcome}","message":${JSON.stringify(r.message)},"source":${shared(r.source)}`;
  if (r.rejection !== undefined) s += `,"rejection":"${r.rejection}"`;
  if (r.detail !== undefined) s += `,"detail":${JSON.stringify(r.detail)}`;
  if (r.interpretation !== undefined) s += `,"interpretation":${recurring(r.interpretation)}`;
  return s + '}';
}

function decisionJson(d: Decision): string {
  let s = `{"claim":${str(d.claim)},"code":${str(d.code)},"status":"${d.status}","setting":"${d.setting}","keyLetter":${str(d.keyLetter)},"relativeValue":${str(d.relativeValue)},"fee":${str(d.fee)},"reimbursement":${str(d.reimbursement)}`;
  if (d.feeReason !== undefined) s += `,"feeReason":${d.feeReason === null ? 'null' : recurring(d.feeReason)}`;
  s += ',"reasons":[';
  for (let i = 0; i < d.reasons.length; i++) s += (i ? ',' : '') + reasonJson(d.reasons[i]);
  return s + ']}';
}

/** The response as JSON text (equal to JSON.stringify(response)). */
export function responseJson(r: CheckResponse): string {
  let s = `{"beneficiary":${str(r.beneficiary)},"decisions":[`;
  for (let i = 0; i < r.decisions.length; i++) s += (i ? ',' : '') + decisionJson(r.decisions[i]);
  return s + ']}';
}
