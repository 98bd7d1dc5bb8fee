/** Reads a document's bytes, detects its format and dispatches to the right parser. */
import { contentHash } from '../hash.js';
import { decodeUtf8, Utf8Error } from '../utf8.js';
import type { ParsedDocument } from '../facts.js';
import { isJustelMarkdown, parseJustel } from './justel.js';
import { isConventionText, parseConvention } from './convention.js';
import { isCoefficientTable, parseCoefficientsCsv, parseCoefficientsJson } from './coefficients.js';

/** Why a file cannot be ingested; `code` says what kind, the message names the file. */
export class DocumentError extends Error {
  constructor(
    readonly code: 'unreadable' | 'binary' | 'unknown-format' | 'empty' | 'parse-failed',
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

/** One parser: how to recognise its format, and how to parse it. */
interface Format {
  name: ParsedDocument['format'];
  detect(raw: string): boolean;
  parse(raw: string): ParsedDocument;
}

const FORMATS: Format[] = [
  { name: 'justel-markdown', detect: isJustelMarkdown, parse: parseJustel },
  { name: 'inami-convention-text', detect: isConventionText, parse: parseConvention },
  {
    name: 'coefficients-json',
    detect: isCoefficientTable,
    parse: (raw) => (raw.trimStart().startsWith('{') ? parseCoefficientsJson(raw) : parseCoefficientsCsv(raw, `coefficients-${contentHash(raw).slice(0, 16)}`)),
  },
];

/** Decodes bytes as UTF-8 text, refusing binary content (NUL bytes or invalid UTF-8). */
export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new DocumentError('empty', file, `${file}: the file is empty`);
  if (bytes.includes(0)) throw new DocumentError('binary', file, `${file}: binary file (contains NUL bytes), not a legal text`);
  try {
    return decodeUtf8(bytes).replace(/^\uFEFF/, '');
  } catch (e) {
    if (!(e instanceof Utf8Error)) throw e;
    throw new DocumentError('binary', file, `${file}: not valid UTF-8 text (line ${e.fault.line}, byte offset ${e.fault.offset})`);
  }
}

/** The format of a text, or null when no parser recognises it. */
export function detectFormat(raw: string): ParsedDocument['format'] | null {
  return FORMATS.find((f) => f.detect(raw))?.name ?? null;
}

/** Parses one document of any known format; throws DocumentError naming the file otherwise. */
export function parseDocument(raw: string, file = '<input>'): ParsedDocument {
  const format = FORMATS.find((f) => f.detect(raw));
  if (!format) {
    throw new DocumentError('unknown-format', file, `${file}: unknown format: neither a Justel act (Markdown with YAML front matter), an INAMI convention text, nor a coefficient table (${'nomen-coefficients/1'} JSON or CSV)`);
  }
  try {
    return format.parse(raw);
  } catch (e) {
    throw new DocumentError('parse-failed', file, `${file}: ${format.name} parser failed: ${(e as Error).message}`);
  }
}

export { contentHash };
