/** The YAML front matter of a Justel Markdown act (url, title-fr, date, publication, starts, number …). */
import { parse } from 'yaml';

/** Front matter fields as strings ("" when empty), and where the body starts in the raw text. */
export interface FrontMatter {
  fields: Record<string, string>;
  /** Offset of the first character after the closing "---" line (0 without front matter). */
  bodyStart: number;
  present: boolean;
}

const BLOCK = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Justel keys whose presence marks a front matter as Justel's. */
export const JUSTEL_KEYS = ['url', 'title-fr', 'title-nl', 'publication', 'number', 'starts', 'numac', 'eli', 'case', 'source', 'date', 'page'];

function asString(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(asString).filter(Boolean).join(', ');
  if (typeof v === 'object') return '';
  return String(v).trim();
}

// Justel front matter is flat "key: value" lines; those are read by hand (the YAML library
// costs more than the rest of the parse). Anything else goes to the YAML parser.
const SIMPLE_LINE = /^(?:[A-Za-z][\w-]*[ \t]*:(?:[ \t]+(?:"[^"\\]*"|'[^']*'|[^\s"'|>[{&*!%@`#][^#]*?))?[ \t]*)?$/;

// Also the fallback when the YAML is invalid: the act must not be lost for its front matter.
function readByHand(yaml: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of yaml.split(/\r?\n/)) {
    const m = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (m) out[m[1]] = m[2].trim().replace(/^(["'])(.*)\1$/, '$2');
  }
  return out;
}

/** Splits the front matter off `raw`; every value is read as a string (YAML failsafe schema). */
export function readFrontMatter(raw: string): FrontMatter {
  const m = BLOCK.exec(raw);
  if (!m) return { fields: {}, bodyStart: 0, present: false };
  let fields: Record<string, string>;
  if (m[1].split(/\r?\n/).every((line) => SIMPLE_LINE.test(line))) return { fields: readByHand(m[1]), bodyStart: m[0].length, present: true };
  try {
    const data: unknown = parse(m[1], { schema: 'failsafe' });
    fields = {};
    if (data && typeof data === 'object' && !Array.isArray(data)) {
      for (const [k, v] of Object.entries(data as Record<string, unknown>)) fields[k] = asString(v);
    }
  } catch {
    fields = readByHand(m[1]);
  }
  return { fields, bodyStart: m[0].length, present: true };
}
