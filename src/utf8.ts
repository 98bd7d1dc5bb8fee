/**
 * Strict UTF-8 for every input: documents (ingest) and requests (CLI file, stdin, NDJSON lines,
 * HTTP bodies whatever charset they declare). Bytes that are not UTF-8 are refused, naming where,
 * never decoded into U+FFFD: "Müller" and "Möller" sent in latin-1 would both become "M\uFFFDller",
 * one beneficiary.
 */
import { isUtf8 } from 'node:buffer';
import type { Locale } from './engine/messages/types.js';

/** Where bytes stop being UTF-8: the line (from 1), the byte offset in that line (from 0), and the byte there. */
export interface Utf8Fault {
  line: number;
  offset: number;
  byte: number;
}

/** Bytes that are not UTF-8; the message is in English (`utf8Message` for the others). */
export class Utf8Error extends Error {
  constructor(readonly fault: Utf8Fault) {
    super(utf8Message(fault, 'en'));
  }
}

/** The first byte that does not start a well-formed UTF-8 sequence (the WHATWG decoder's first U+FFFD), or null when all are valid. */
export function utf8Fault(bytes: Uint8Array): Utf8Fault | null {
  // the native check first: only invalid input pays for the scan below
  if (isUtf8(bytes)) return null;
  let line = 1;
  let lineStart = 0;
  const n = bytes.length;
  for (let i = 0; i < n; ) {
    const b = bytes[i];
    if (b < 0x80) {
      if (b === 10) {
        line++;
        lineStart = i + 1;
      }
      i++;
      continue;
    }
    // continuation bytes after the lead, and the range of the first one (no overlong forms, surrogates, nor beyond U+10FFFF)
    let more = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) more = 1;
    else if (b === 0xe0) [more, lo] = [2, 0xa0];
    else if (b === 0xed) [more, hi] = [2, 0x9f];
    else if (b >= 0xe1 && b <= 0xef) more = 2;
    else if (b === 0xf0) [more, lo] = [3, 0x90];
    else if (b === 0xf4) [more, hi] = [3, 0x8f];
    else if (b >= 0xf1 && b <= 0xf3) more = 3;
    const fault = { line, offset: i - lineStart, byte: b };
    if (more === 0 || i + 1 >= n || bytes[i + 1] < lo || bytes[i + 1] > hi) return fault;
    for (let k = 2; k <= more; k++) if (i + k >= n || (bytes[i + k] & 0xc0) !== 0x80) return fault;
    i += more + 1;
  }
  return null;
}

/** Decodes UTF-8 bytes (a byte order mark is kept: the caller decides), or throws Utf8Error naming the first bad byte. */
export function decodeUtf8(bytes: Uint8Array): string {
  const fault = utf8Fault(bytes);
  if (fault) throw new Utf8Error(fault);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

const hex = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;

/** The refusal of bytes that are not UTF-8, in a locale. */
export function utf8Message(f: Utf8Fault, locale: Locale = 'en'): string {
  switch (locale) {
    case 'fr':
      return `UTF-8 invalide : ligne ${f.line}, position d'octet ${f.offset} (octet ${hex(f.byte)}) ; l'entrée doit être du texte UTF-8`;
    case 'nl':
      return `geen geldige UTF-8: regel ${f.line}, byte-positie ${f.offset} (byte ${hex(f.byte)}); de invoer moet UTF-8-tekst zijn`;
    default:
      return `not valid UTF-8: line ${f.line}, byte offset ${f.offset} (byte ${hex(f.byte)}); the input must be UTF-8 text`;
  }
}
