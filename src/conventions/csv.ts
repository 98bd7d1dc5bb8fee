/**
 * CSV reading (RFC 4180: comma-separated, double-quoted fields, "" for a quote, quoted fields
 * may span lines) with line numbers kept, and the institution registry import:
 *
 *   institution,name,convention,from,to,signed,notice_sent
 *   H-71001,AZ Voorbeeld,percutaneous-tumour-ablation,2024-11-01,2029-10-31,,
 *   H-71001,AZ Voorbeeld,breast-reconstruction,,,2016-11-15,
 *
 * One row per convention of an institution. Every error names the line and the column.
 */
import type { ConventionCatalogue } from './catalogue.js';
import { conventionRecord, RegistryError, withConvention, type Institution } from './registry.js';

/** A problem in an input file: the line (1-based), the column or field when known, and what is wrong. */
export class InputError extends Error {
  /** `label`: what `field` is — a CSV "column" or a JSON "field". */
  constructor(readonly line: number | null, readonly field: string | null, readonly detail: string, readonly file?: string, readonly label: 'column' | 'field' = 'column') {
    super(InputError.where(line, field, file, label) + detail);
  }

  /** "file, line 3, column from: " (the parts that are known). */
  static where(line: number | null, field: string | null, file?: string, label = 'column'): string {
    const parts = [file, line !== null ? `line ${line}` : null, field !== null ? `${label} ${field}` : null].filter(Boolean);
    return parts.length ? parts.join(', ') + ': ' : '';
  }

  /** The same error, naming the file. */
  inFile(file: string): InputError {
    return new InputError(this.line, this.field, this.detail, file, this.label);
  }
}

/** One data row: the line it starts on and its fields by column name. */
export interface CsvRow {
  line: number;
  values: Record<string, string>;
}

/** Splits CSV text into records, each with the line it starts on. */
export function csvRecords(text: string): { line: number; fields: string[] }[] {
  const out: { line: number; fields: string[] }[] = [];
  const s = text.replace(/^\uFEFF/, '');
  let i = 0;
  let line = 1;
  while (i < s.length) {
    const start = line;
    const fields: string[] = [];
    let field = '';
    let atFieldStart = true;
    for (;;) {
      if (i >= s.length) { fields.push(field); break; }
      const ch = s[i];
      if (atFieldStart && ch === '"') {
        i++;
        const quoteLine = line;
        for (;;) {
          if (i >= s.length) throw new InputError(quoteLine, null, 'unterminated quoted field (a " is never closed)');
          const c = s[i];
          if (c === '"') {
            if (s[i + 1] === '"') { field += '"'; i += 2; continue; }
            i++;
            break;
          }
          if (c === '\n') line++;
          field += c;
          i++;
        }
        atFieldStart = false;
        const next = s[i];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
          throw new InputError(line, null, `unexpected character ${JSON.stringify(next)} after a closing quote`);
        }
        continue;
      }
      if (ch === ',') { fields.push(field); field = ''; atFieldStart = true; i++; continue; }
      if (ch === '\r' && s[i + 1] === '\n') { i++; continue; }
      if (ch === '\n' || ch === '\r') { fields.push(field); i++; line++; break; }
      field += ch;
      atFieldStart = false;
      i++;
    }
    if (!(fields.length === 1 && fields[0].trim() === '')) out.push({ line: start, fields });
  }
  return out;
}

/**
 * Parses a CSV file with a header line. `required` columns must all be in the header (any order);
 * `optional` ones may be; any other column is an error (a typo would otherwise be silently ignored).
 * Every row must have as many fields as the header.
 */
export function parseCsv(text: string, spec: { required: readonly string[]; optional?: readonly string[] }): CsvRow[] {
  const records = csvRecords(text);
  if (records.length === 0) throw new InputError(1, null, `empty file: expected a header line "${spec.required.join(',')}"`);
  const header = records[0];
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const allowed = new Set([...spec.required, ...(spec.optional ?? [])]);
  const missing = spec.required.filter((c) => !names.includes(c));
  if (missing.length) {
    throw new InputError(header.line, missing[0], `missing column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')} in the header (expected: ${[...allowed].join(',')})`);
  }
  names.forEach((n, k) => {
    if (!allowed.has(n)) throw new InputError(header.line, n || `#${k + 1}`, `unknown column "${n}" in the header (expected: ${[...allowed].join(',')})`);
    if (names.indexOf(n) !== k) throw new InputError(header.line, n, `column "${n}" appears twice in the header`);
  });
  return records.slice(1).map((r) => {
    if (r.fields.length !== names.length) {
      throw new InputError(r.line, null, `${r.fields.length} field${r.fields.length === 1 ? '' : 's'} where the header has ${names.length} (${names.join(',')})`);
    }
    const values: Record<string, string> = {};
    names.forEach((n, k) => { values[n] = r.fields[k].trim(); });
    return { line: r.line, values };
  });
}

/** The columns of an institution CSV. */
export const INSTITUTION_COLUMNS = ['institution', 'name', 'convention', 'from', 'to', 'signed', 'notice_sent'] as const;

const ID = /^[A-Za-z0-9][A-Za-z0-9._:/-]*$/;

/**
 * Reads an institution CSV into institutions with their conventions (rows of the same
 * institution are grouped; rows with a given `from`/`to` left empty get the convention's own
 * ends). Throws InputError naming the line and column of the first problem.
 */
export function parseInstitutionsCsv(text: string, catalogue?: ConventionCatalogue): Institution[] {
  const rows = parseCsv(text, { required: INSTITUTION_COLUMNS });
  const byId = new Map<string, Institution>();
  const nameLine = new Map<string, number>();
  for (const { line, values: v } of rows) {
    const id = v.institution;
    if (!id) throw new InputError(line, 'institution', 'missing institution id');
    if (!ID.test(id)) throw new InputError(line, 'institution', `"${id}" is not an institution id (letters, digits, and . _ : / -)`);
    let rec;
    try {
      rec = conventionRecord({ convention: v.convention, from: v.from, to: v.to, signed: v.signed, noticeSent: v.notice_sent }, catalogue);
    } catch (e) {
      if (e instanceof RegistryError) throw new InputError(line, e.field, e.message.replace(/^[a-z_]+: /, ''));
      throw e;
    }
    let inst = byId.get(id) ?? { id, name: null, conventions: [] };
    if (v.name) {
      if (inst.name !== null && inst.name !== v.name) {
        throw new InputError(line, 'name', `"${v.name}" differs from the name "${inst.name}" given for ${id} on line ${nameLine.get(id)}`);
      }
      if (inst.name === null) { inst = { ...inst, name: v.name }; nameLine.set(id, line); }
    }
    if (inst.conventions.some((c) => c.convention === rec.convention && c.from === rec.from)) {
      throw new InputError(line, 'convention', `${id} already has ${rec.convention} from ${rec.from} on an earlier line`);
    }
    byId.set(id, withConvention(inst, rec));
  }
  return [...byId.values()];
}

/** Writes institutions back as CSV (one row per convention), the import format. */
export function institutionsToCsv(list: readonly Institution[]): string {
  const q = (s: string | null | undefined) => (s == null ? '' : /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines: string[] = [INSTITUTION_COLUMNS.join(',')];
  for (const inst of list) {
    for (const c of inst.conventions) {
      lines.push([inst.id, inst.name, c.convention, c.from, c.to, c.signed, c.noticeSent].map(q).join(','));
    }
  }
  return lines.join('\n') + '\n';
}
