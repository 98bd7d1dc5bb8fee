/**
 * Coefficient tables: the value of a key letter per period, each entry with its reference.
 * Two equivalent forms, detected by their first bytes:
 *  - JSON: {"format": "nomen-coefficients/1", "id", "title", "entries": [{keyLetter, codes?, from, to?, coefficient, source: {document, article, text}}]}
 *  - CSV with the header `document,article,text,key_letter,codes,from,to,coefficient` (codes separated by spaces; empty = every code).
 * A reference (document, article, text) is required on every entry: nothing enters without its source.
 */
import { z } from 'zod';
import type { CoefficientEntry, ParsedDocument } from '../facts.js';
import { isIsoDate } from '../date.js';
import { dec, decFr } from '../decimal.js';
import { isValidCode } from '../code.js';
import { squash } from '../text.js';

export const COEFFICIENTS_FORMAT = 'nomen-coefficients/1';
export const COEFFICIENTS_CSV_HEADER = 'document,article,text,key_letter,codes,from,to,coefficient';

/** An entry or field that is wrong, named by its place ("entries[2].from", "line 4, column from"). */
export class CoefficientError extends Error {}

const isoDate = z.string().refine(isIsoDate, 'must be a date YYYY-MM-DD');
const coefficient = z.string().refine((s) => {
  try { (s.includes(',') ? decFr : dec)(s); return true; } catch { return false; }
}, 'must be a decimal number such as "2.801231" or "2,801231"');
const entrySchema = z.object({
  keyLetter: z.string().regex(/^[A-Z]{1,2}$/, 'must be a key letter such as K, N, I, C'),
  codes: z.array(z.string().refine(isValidCode, 'must be a 6-digit code with a valid check digit')).nullish(),
  from: isoDate,
  to: isoDate.nullish(),
  coefficient,
  source: z.object({ document: z.string().min(1), article: z.string().min(1), text: z.string().min(1) }, { error: 'a source {document, article, text} is required' }),
}).strict();
const tableSchema = z.object({
  format: z.literal(COEFFICIENTS_FORMAT),
  id: z.string().min(1),
  title: z.string().min(1),
  published: isoDate.nullish(),
  entries: z.array(entrySchema).min(1, 'at least one entry'),
}).strict();

/** True when the text looks like a coefficient table (JSON or CSV). */
export function isCoefficientTable(raw: string): boolean {
  const t = raw.trimStart();
  return (t.startsWith('{') && t.includes(COEFFICIENTS_FORMAT)) || t.startsWith(COEFFICIENTS_CSV_HEADER);
}

function toDot(c: string): string {
  return c.includes(',') ? squash(c).replace(/\./g, '').replace(',', '.') : c;
}

function checkPeriods(entries: CoefficientEntry[], where: (i: number) => string): void {
  entries.forEach((e, i) => {
    if (e.to && e.to < e.from) throw new CoefficientError(`${where(i)}: "to" (${e.to}) is before "from" (${e.from})`);
    entries.slice(0, i).forEach((o, j) => {
      const sameScope = o.keyLetter === e.keyLetter && JSON.stringify(o.codes) === JSON.stringify(e.codes);
      const overlap = (o.to === null || e.from <= o.to) && (e.to === null || o.from <= e.to);
      if (sameScope && overlap) throw new CoefficientError(`${where(i)}: its period overlaps ${where(j)} for the same key letter and codes`);
    });
  });
}

function documentOf(id: string, title: string, published: string | null, format: ParsedDocument['format'], entries: CoefficientEntry[]): ParsedDocument {
  return {
    id, kind: 'coefficients', format, title, url: null, convention: null,
    dates: { signed: null, version: null, published, entryIntoForce: entries.map((e) => e.from).sort()[0] ?? null, entryIntoForceBasis: 'earliest "from" date of the table', validUntil: null },
    services: [], fees: [], amendments: [], rules: [], issues: [], unparsed: [], coefficients: entries,
  };
}

/** Parses a JSON coefficient table; throws CoefficientError naming the field. */
export function parseCoefficientsJson(raw: string): ParsedDocument {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (e) {
    throw new CoefficientError(`not valid JSON: ${(e as Error).message}`);
  }
  const r = tableSchema.safeParse(data);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new CoefficientError(`${i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || '(root)'}: ${i.message}`);
  }
  const t = r.data;
  const entries: CoefficientEntry[] = t.entries.map((e, i) => ({
    keyLetter: e.keyLetter, codes: e.codes ?? null, from: e.from, to: e.to ?? null, coefficient: toDot(e.coefficient),
    provenance: { document: e.source.document, article: e.source.article, span: null, text: squash(e.source.text), note: `coefficient table ${t.id}, entries[${i}]` },
  }));
  checkPeriods(entries, (i) => `entries[${i}]`);
  return documentOf(t.id, t.title, t.published ?? null, 'coefficients-json', entries);
}

/** Splits one CSV line (RFC 4180 quotes). */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cur += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { out.push(cur); cur = ''; }
    else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Parses a CSV coefficient table; throws CoefficientError naming the line and column. Its id is `coefficients-<hash>` given by the caller. */
export function parseCoefficientsCsv(raw: string, id: string): ParsedDocument {
  const lines = raw.split(/\r?\n/);
  const cols = COEFFICIENTS_CSV_HEADER.split(',');
  const entries: CoefficientEntry[] = [];
  lines.forEach((line, n) => {
    if (n === 0 || line.trim() === '') return;
    const f = csvFields(line);
    const where = `line ${n + 1}`;
    if (f.length !== cols.length) throw new CoefficientError(`${where}: ${f.length} columns, expected ${cols.length} (${COEFFICIENTS_CSV_HEADER})`);
    const row = Object.fromEntries(cols.map((c, i) => [c, f[i].trim()]));
    const r = entrySchema.safeParse({
      keyLetter: row.key_letter, codes: row.codes ? row.codes.split(/\s+/) : null, from: row.from, to: row.to || null, coefficient: row.coefficient,
      source: { document: row.document, article: row.article, text: row.text },
    });
    if (!r.success) {
      const i = r.error.issues[0];
      const col = { keyLetter: 'key_letter' }[String(i.path[0])] ?? (i.path[0] === 'source' ? String(i.path[1]) : String(i.path[0]));
      throw new CoefficientError(`${where}, column ${col}: ${i.message}`);
    }
    entries.push({
      keyLetter: r.data.keyLetter, codes: r.data.codes ?? null, from: r.data.from, to: r.data.to ?? null, coefficient: toDot(r.data.coefficient),
      provenance: { document: r.data.source.document, article: r.data.source.article, span: null, text: squash(r.data.source.text), note: `coefficient table ${id}, line ${n + 1}` },
    });
  });
  if (entries.length === 0) throw new CoefficientError('the table has no entry');
  checkPeriods(entries, (i) => `entry ${i + 1}`);
  return documentOf(id, `coefficient table ${id}`, null, 'coefficients-csv', entries);
}
