/**
 * The quoted text of an insertion or a new wording: services (code, label, key letter and
 * relative value), shared headings of tiers, and the rule text that may follow them.
 */
import { decFr, fmt } from '../../decimal.js';
import type { CodeSet, Value } from '../../facts.js';
import { fold } from '../../text.js';
import { CODE_TOKEN as WRITTEN_CODES } from '../mentions.js';
import { cleanText, dropFences } from './normalise.js';

/** Key letters of the nomenclature a relative value may carry. */
export const KEY_LETTERS = 'KNICUMELBDQRPTSVWZ';

const NUM = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?`;
// A value closes a service: it ends its line, the quoted text, or is followed by the next code.
// Horizontal white space includes the no-break spaces of French typography.
const VALUE = new RegExp(String.raw`(?<![\p{L}\d])([${KEY_LETTERS}])[^\S\r\n]+(${NUM})(?!\d|[.,]\d)[^\S\r\n]*[;.,:]?[^\S\r\n]*(?=\r?\n|$|\d{6}(?!\d))`, 'gu');
const WRITTEN_VALUE = new RegExp(String.raw`^\s*([${KEY_LETTERS}])\s*(${NUM})\s*[;.,]?\s*$`, 'u');
const CODE_TOKEN = /(?<![\d-])(\d{6})(?:\s*-\s*(\d{6}))?(?!\d)/g;
// A code preceded by these is a reference inside a label or a list, not the code of a new service.
const REFERENCE_BEFORE = /(?:\bn\s*°?\s*s?|\bnos?|[,\-]|\bet|\bou|\ba|\bà|\bprestations?|\bcodes?)\s*$/;

/** Reads a written value ("K 30", "C 21,5", "K 1.517") as {keyLetter, relativeValue "21.5"}, or null. */
export function parseValue(text: string): Value | null {
  const m = WRITTEN_VALUE.exec(text);
  if (!m) return null;
  return { keyLetter: m[1], relativeValue: fmt(decFr(m[2])) };
}

/** The code sets a text names, in order: "A-B" pairs and single codes (ranges are not code sets). */
export function codeSetsOf(text: string): CodeSet[] {
  const out: CodeSet[] = [];
  for (const m of text.matchAll(WRITTEN_CODES)) {
    if (m[3]) continue;
    out.push(m[2] ? { kind: 'pair', ambulatory: m[1], hospitalised: m[2] } : { kind: 'single', code: m[1] });
  }
  return out;
}

/** The codes of a code set. */
export function codesOf(set: CodeSet): string[] {
  return set.kind === 'pair' ? [set.ambulatory, set.hospitalised] : [set.code];
}

/** A code set as written: "474552-474563" or "599001". */
export function codeSetText(set: CodeSet): string {
  return set.kind === 'pair' ? `${set.ambulatory}-${set.hospitalised}` : set.code;
}

/** True when two code sets name the same codes. */
export function sameCodeSet(a: CodeSet, b: CodeSet): boolean {
  return codeSetText(a) === codeSetText(b);
}

/** Cleans a label: OCR repaired, squashed, a leading "**" marker and trailing punctuation removed. */
export function cleanLabel(text: string): { label: string; marker: boolean } {
  let t = cleanText(text).replace(/^["«“\s]+|["»”\s]+$/g, '');
  const marker = /^\*\*/.test(t);
  if (marker) t = t.replace(/^\*\*\s*/, '');
  t = t.replace(/[\s;:,.]+$/, '');
  return { label: t, marker };
}

/** One service of a quoted block. Offsets are raw. */
export interface BlockService {
  codes: CodeSet | null;
  heading: string | null;
  label: string;
  /** The label carried a leading "**" marker, removed. */
  marker: boolean;
  value: Value | null;
  /** From the code (or the label) to the end of the value. */
  span: [number, number];
}

/** What a quoted block holds: its services, and the text after the last value (a rule), if any. */
export interface ServiceBlock {
  services: BlockService[];
  trailing: [number, number] | null;
}

function isBlank(text: string): boolean {
  return !/[\p{L}\d]/u.test(dropFences(text));
}

// The first code of a segment that starts a service (not a reference such as "n° 211013").
function serviceCode(seg: string): { index: number; end: number; codes: CodeSet } | null {
  CODE_TOKEN.lastIndex = 0;
  for (const m of seg.matchAll(CODE_TOKEN)) {
    const before = fold(seg.slice(Math.max(0, m.index - 24), m.index));
    if (REFERENCE_BEFORE.test(before)) continue;
    const after = seg.slice(m.index + m[0].length);
    if (/^\s*[,;]/.test(after)) continue;
    const codes: CodeSet = m[2] ? { kind: 'pair', ambulatory: m[1], hospitalised: m[2] } : { kind: 'single', code: m[1] };
    return { index: m.index, end: m.index + m[0].length, codes };
  }
  return null;
}

/**
 * Parses the quoted text [start, end) of `raw` into services. Each value ("K  30", "C 21,5")
 * closes a service; its code is the first code of the stretch that is not a reference; text
 * before that code is a heading shared by the following services; text after the last value
 * is the trailing rule. A block with no value at all is one label (with its code if it starts
 * with one).
 */
export function parseServiceBlock(raw: string, start: number, end: number): ServiceBlock {
  const text = raw.slice(start, end);
  const values: { index: number; end: number; value: Value }[] = [];
  VALUE.lastIndex = 0;
  for (const m of text.matchAll(VALUE)) {
    const rest = dropFences(text.slice(m.index + m[0].length)).trimStart();
    // A capital letter and number followed by lower-case text is part of a label ("L 4 et L 5").
    if (/^\p{Ll}/u.test(rest)) continue;
    values.push({ index: m.index, end: m.index + m[0].length, value: { keyLetter: m[1], relativeValue: fmt(decFr(m[2])) } });
  }
  const services: BlockService[] = [];
  let heading: string | null = null;
  let from = 0;
  const segments = values.length ? values : [{ index: text.length, end: text.length, value: null as Value | null }];
  for (const v of segments) {
    const seg = text.slice(from, v.index);
    const code = serviceCode(seg);
    let labelFrom = 0;
    if (code) {
      const head = seg.slice(0, code.index);
      if (!isBlank(head)) heading = cleanLabel(head).label;
      labelFrom = code.end;
    }
    const { label, marker } = cleanLabel(seg.slice(labelFrom));
    const spanStart = start + from + (code ? code.index : seg.length - seg.trimStart().length);
    services.push({ codes: code?.codes ?? null, heading: code ? heading : null, label, marker, value: v.value, span: [spanStart, start + v.end] });
    from = v.end;
  }
  const tail = text.slice(from);
  const trailing: [number, number] | null = values.length && !isBlank(tail) ? [start + from, end] : null;
  return { services, trailing };
}
