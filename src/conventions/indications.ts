/**
 * Clinical indication tables as data: each table (rules/indications/*.yaml, or any YAML file
 * given) lists, per organ, its tumour vocabulary and its indications, each with conditions on
 * the clinical facts and the exact words of the convention it encodes. One generic evaluator
 * walks a table with three-valued logic (true / false / unknown when a fact is missing), so a
 * missing fact never silently decides. Nothing here names a convention.
 *
 * An indication not listed is allowed only with what the table's `otherwise` sentence requires
 * (e.g. the COM/CM justifies its decision in writing): the answer cites it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { cmp, dec, decFr, fmtShort, type Decimal } from '../decimal.js';
import { CURATED_DIR } from '../rules/curated.js';
import { squash } from '../text.js';
import type { Citation } from './sources.js';

/** An organ of a table ("kidney", "thyroid"): the table's own vocabulary. */
export type Organ = string;

/** The clinical facts an indication may look at. Absent: unknown. */
export interface ClinicalFacts {
  organ: Organ;
  tumour?: string;
  /** Largest diameter of the largest tumour, in cm (exact decimal). */
  sizeCm?: Decimal;
  /** Number of tumours / metastases in the organ. */
  count?: number;
  /** TNM T category, normalised ("T1a"). */
  tStage?: string;
  eligibleForSurgery?: boolean;
  /** Eligible for stereotactic radiotherapy (SBRT / RST). */
  eligibleForSbrt?: boolean;
  /** Glomerular filtration rate, ml/min. */
  gfr?: Decimal;
  singleKidney?: boolean;
  /** A specific predisposition to multiple malignant kidney tumours (e.g. "von-hippel-lindau"). */
  predisposition?: string;
  /** Ablation proposed as an alternative to systemic treatment of oligometastases. */
  alternativeToSystemic?: boolean;
  /** Palliative pain control / volume reduction. */
  palliative?: boolean;
  /** Tumour progressing near critical structures (mainly spinal lesions). */
  nearCriticalStructures?: boolean;
  /** Ablation combined with other treatment (e.g. prevention/treatment of pathological fracture). */
  combinedTreatment?: boolean;
  /** Facts a table declares beyond the common vocabulary (yes/no or a number). */
  extra?: Record<string, boolean | Decimal>;
}

export type FactName = Exclude<keyof ClinicalFacts, 'organ' | 'extra'>;
const NUMERIC_FACTS = ['sizeCm', 'count', 'gfr'] as const;
const COMMON_FACTS = ['tumour', 'sizeCm', 'count', 'tStage', 'eligibleForSurgery', 'eligibleForSbrt', 'gfr', 'singleKidney', 'predisposition', 'alternativeToSystemic', 'palliative', 'nearCriticalStructures', 'combinedTreatment'] as const;
const BOOL_FACTS = ['eligibleForSurgery', 'eligibleForSbrt', 'singleKidney', 'alternativeToSystemic', 'palliative', 'nearCriticalStructures', 'combinedTreatment'] as const;
const TEXT_FACTS = ['tumour', 'tStage'] as const;
type NumericFact = (typeof NUMERIC_FACTS)[number];
type BoolFact = (typeof BOOL_FACTS)[number];
type TextFact = (typeof TEXT_FACTS)[number];

/**
 * A condition of the table. `text`: the exact words of the convention it renders, when it has its
 * own. A fact is one of the common vocabulary or one the table declares (`facts`).
 */
export type Condition =
  | { fact: TextFact; op: 'in'; values: readonly string[]; text?: string }
  | { fact: NumericFact | (string & {}); op: '<' | '<=' | '=' | '>=' | '>'; value: string; text?: string }
  | { fact: BoolFact | (string & {}); op: 'is'; value: boolean; text?: string }
  | { fact: 'predisposition'; op: 'present'; text?: string }
  | { any: readonly Condition[]; text?: string };

/** One indication of a table. */
export interface Indication {
  id: string;
  organ: Organ;
  /** English summary. */
  label: string;
  /** All must hold. */
  conditions: readonly Condition[];
  citation: Citation;
}

/** A decision table of one convention. */
export interface IndicationTable {
  id: string;
  /** Machine name of the convention. */
  convention: string;
  /** Where the table stands in the convention ("Art. 3"). */
  article: string;
  /** The organs and their tumour vocabulary. */
  organs: Record<string, { tumours: readonly string[] }>;
  /** Facts the table needs beyond the common vocabulary: their type and an English label. */
  facts?: Record<string, { type: 'yes-no' | 'number'; label: string }>;
  /** What the text requires when no indication is listed: its sentence, and a summary (en required). */
  otherwise: Citation;
  requirement: { en: string; fr?: string; nl?: string };
  indications: readonly Indication[];
}

const CitationSchema = z.object({ document: z.string().min(1), article: z.string().min(1), text: z.string().min(1), clause: z.string().optional() }).strict();
const ConditionSchema: z.ZodType<Condition> = z.lazy(() => z.union([
  z.object({ fact: z.enum(TEXT_FACTS), op: z.literal('in'), values: z.array(z.string().min(1)).min(1), text: z.string().optional() }).strict(),
  z.object({ fact: z.string().regex(/^[a-z][A-Za-z0-9]*$/), op: z.enum(['<', '<=', '=', '>=', '>']), value: z.string().regex(/^\d+(?:\.\d+)?$/), text: z.string().optional() }).strict(),
  z.object({ fact: z.string().regex(/^[a-z][A-Za-z0-9]*$/), op: z.literal('is'), value: z.boolean(), text: z.string().optional() }).strict(),
  z.object({ fact: z.literal('predisposition'), op: z.literal('present'), text: z.string().optional() }).strict(),
  z.object({ any: z.array(ConditionSchema).min(1), text: z.string().optional() }).strict(),
])) as z.ZodType<Condition>;
const TableSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/),
  convention: z.string().min(1),
  article: z.string().min(1),
  organs: z.record(z.string().regex(/^[a-z][a-z-]*$/), z.object({ tumours: z.array(z.string().regex(/^[a-z][a-z0-9-]*$/)).min(1) }).strict()),
  facts: z.record(z.string().regex(/^[a-z][A-Za-z0-9]*$/), z.object({ type: z.enum(['yes-no', 'number']), label: z.string().min(1) }).strict()).optional(),
  otherwise: CitationSchema,
  requirement: z.object({ en: z.string().min(1), fr: z.string().optional(), nl: z.string().optional() }).strict(),
  indications: z.array(z.object({ id: z.string().min(1), organ: z.string().min(1), label: z.string().min(1), conditions: z.array(ConditionSchema).min(1), citation: CitationSchema }).strict()).min(1),
}).strict();

/** A table file that is not a valid table; the message names the file and the field. */
export class IndicationTableError extends Error {}

/** Parses one table (YAML `table:`); `documents` resolves a citation naming the convention by machine name to the document id. */
export function parseIndicationTable(text: string, name = 'table.yaml', documents: ReadonlyMap<string, string> = new Map()): IndicationTable {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (e) {
    throw new IndicationTableError(`${name}: not valid YAML (${(e as Error).message})`);
  }
  const file = z.object({ table: TableSchema }).strict().safeParse(raw ?? {});
  if (!file.success) throw new IndicationTableError(`${name}: ${file.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const t = file.data.table;
  const cite = (c: Citation): Citation => ({ ...c, document: documents.get(c.document) ?? c.document, text: squash(c.text) });
  const declared = t.facts ?? {};
  for (const f of Object.keys(declared)) if ((COMMON_FACTS as readonly string[]).includes(f)) throw new IndicationTableError(`${name}: table.facts.${f}: a fact of the common vocabulary, not to be declared again`);
  const check = (cs: readonly Condition[], where: string, organ: string) => {
    for (const c of cs) {
      if ('any' in c) { check(c.any, where, organ); continue; }
      // Each condition reads a fact of the right type: the common vocabulary's, or one the table declares.
      const type = (NUMERIC_FACTS as readonly string[]).includes(c.fact) ? 'number' : (BOOL_FACTS as readonly string[]).includes(c.fact) ? 'yes-no' : declared[c.fact]?.type;
      const wants = c.op === 'is' ? 'yes-no' : c.op === 'in' || c.op === 'present' ? null : 'number';
      if (wants !== null && type !== wants) throw new IndicationTableError(`${name}: ${where}: "${c.fact}" is not a ${wants === 'number' ? 'number' : 'yes/no'} fact (declare it under table.facts)`);
      if (c.fact === 'tumour' && c.op === 'in') {
        for (const v of c.values) if (!t.organs[organ].tumours.includes(v)) throw new IndicationTableError(`${name}: ${where}: "${v}" is not a tumour type of ${organ} (${t.organs[organ].tumours.join(', ')})`);
      }
    }
  };
  t.indications.forEach((i, k) => {
    if (!Object.hasOwn(t.organs, i.organ)) throw new IndicationTableError(`${name}: table.indications.${k}.organ: "${i.organ}" is not an organ of the table (${Object.keys(t.organs).join(', ')})`);
    check(i.conditions, `table.indications.${k} (${i.id})`, i.organ);
  });
  if (new Set(t.indications.map((i) => i.id)).size !== t.indications.length) throw new IndicationTableError(`${name}: two indications have the same id`);
  return { ...t, otherwise: cite(t.otherwise), indications: t.indications.map((i) => ({ ...i, citation: cite(i.citation) })) };
}

/** The folder of the curated tables. */
export const INDICATIONS_DIR = `${CURATED_DIR}${CURATED_DIR.endsWith('/') ? '' : '/'}indications/`;

const tables = new Map<string, IndicationTable[]>();

/** The tables of a folder (cached per folder), in file order. */
export function loadIndicationTables(dir: string = INDICATIONS_DIR, documents?: ReadonlyMap<string, string>): IndicationTable[] {
  const cached = documents ? undefined : tables.get(dir);
  if (cached) return cached;
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml')).sort();
  } catch {
    files = [];
  }
  const out = files.map((f) => parseIndicationTable(readFileSync(`${dir}${f}`, 'utf8'), f, documents));
  if (!documents) tables.set(dir, out);
  return out;
}

/** A table by its id or its convention's machine name; the first table when none is named. */
export function indicationTable(key?: string, dir?: string): IndicationTable {
  const list = loadIndicationTables(dir);
  const t = key === undefined ? list[0] : list.find((x) => x.id === key || x.convention === key);
  if (!t) throw new FactsError('table', key === undefined ? 'no indication table is known' : `"${key}" is not a known indication table (${list.map((x) => `${x.id} of ${x.convention}`).join(', ') || 'none'})`);
  return t;
}

export type Truth = 'true' | 'false' | 'unknown';

/** How one condition came out on the facts. */
export interface ConditionTrace {
  condition: string;
  text: string | null;
  fact: string | null;
  given: string | null;
  result: Truth;
  any?: ConditionTrace[];
}

export interface IndicationResult {
  id: string;
  label: string;
  result: Truth;
  /** Facts whose absence leaves the indication undecided. */
  missing: string[];
  trace: ConditionTrace[];
  citation: Citation;
}

export interface IndicationAnswer {
  facts: Record<string, string | number | boolean>;
  /** listed: an indication of Art. 3 matches; undecided: none matches but some could with more facts; not-listed: none can. */
  outcome: 'listed' | 'undecided' | 'not-listed';
  matched: IndicationResult[];
  undecided: IndicationResult[];
  /** The other indications of the organ, with why they do not match. */
  rejected: IndicationResult[];
  message: string;
  /** For not-listed (and undecided): what the COM/CM must then do. */
  requirement: Citation | null;
}

const FACT_LABEL: Record<FactName, string> = {
  tumour: 'tumour type', sizeCm: 'size (cm)', count: 'number of tumours', tStage: 'T stage', eligibleForSurgery: 'eligible for surgery',
  eligibleForSbrt: 'eligible for stereotactic radiotherapy', gfr: 'GFR (ml/min)', singleKidney: 'single kidney', predisposition: 'predisposition',
  alternativeToSystemic: 'alternative to systemic treatment', palliative: 'palliative', nearCriticalStructures: 'near critical structures', combinedTreatment: 'combined with other treatment',
};

/** A fact's value: one of the common vocabulary, or one a table declared. */
function valueOf(facts: ClinicalFacts, f: string): string | number | boolean | Decimal | undefined {
  return (COMMON_FACTS as readonly string[]).includes(f) ? facts[f as FactName] : facts.extra?.[f];
}

const labelOf = (f: string): string => FACT_LABEL[f as FactName] ?? f;

function givenOf(facts: ClinicalFacts, f: string): string | null {
  const v = valueOf(facts, f);
  if (v === undefined) return null;
  if (typeof v === 'object') return fmtShort(v);
  return String(v);
}

function describe(c: Condition): string {
  if ('any' in c) return 'one of: ' + c.any.map(describe).join(' | ');
  const name = labelOf(c.fact);
  switch (c.op) {
    case 'in': return `${name} ∈ {${c.values.join(', ')}}`;
    case 'is': return `${name} = ${c.value ? 'yes' : 'no'}`;
    case 'present': return `${name} specified`;
    default: return `${name} ${c.op === '<=' ? '≤' : c.op === '>=' ? '≥' : c.op} ${c.value}`;
  }
}

/** Evaluates one condition (three-valued). */
export function evaluate(c: Condition, facts: ClinicalFacts): ConditionTrace {
  if ('any' in c) {
    const sub = c.any.map((x) => evaluate(x, facts));
    const result: Truth = sub.some((s) => s.result === 'true') ? 'true' : sub.every((s) => s.result === 'false') ? 'false' : 'unknown';
    return { condition: describe(c), text: c.text ?? null, fact: null, given: null, result, any: sub };
  }
  const given = givenOf(facts, c.fact);
  const base = { condition: describe(c), text: c.text ?? null, fact: c.fact, given };
  const v = valueOf(facts, c.fact);
  if (v === undefined || (c.op === 'present' && v === '')) {
    return { ...base, result: c.op === 'present' && v === '' ? 'false' : 'unknown' };
  }
  let ok: boolean;
  switch (c.op) {
    case 'in': ok = c.values.includes(v as string); break;
    case 'is': ok = v === c.value; break;
    case 'present': ok = typeof v === 'string' && v.trim() !== ''; break;
    default: {
      const x: Decimal = typeof v === 'number' ? dec(String(v)) : (v as Decimal);
      const k = cmp(x, dec(c.value));
      ok = c.op === '<' ? k < 0 : c.op === '<=' ? k <= 0 : c.op === '=' ? k === 0 : c.op === '>' ? k > 0 : k >= 0;
    }
  }
  return { ...base, result: ok ? 'true' : 'false' };
}

function missingOf(t: ConditionTrace[]): string[] {
  const out = new Set<string>();
  for (const x of t) {
    if (x.result !== 'unknown') continue;
    if (x.any) for (const m of missingOf(x.any)) out.add(m);
    else if (x.fact) out.add(x.fact);
  }
  return [...out];
}

/** Evaluates one indication: all its conditions. */
export function evaluateIndication(ind: Indication, facts: ClinicalFacts): IndicationResult {
  const trace = ind.conditions.map((c) => evaluate(c, facts));
  const result: Truth = trace.some((t) => t.result === 'false') ? 'false' : trace.every((t) => t.result === 'true') ? 'true' : 'unknown';
  return { id: ind.id, label: ind.label, result, missing: result === 'unknown' ? missingOf(trace) : [], trace, citation: ind.citation };
}

/** Walks the table (by default the first known) for the organ of the facts; a list of indications is taken as the rows of the default table. */
export function matchIndication(facts: ClinicalFacts, given?: IndicationTable | readonly Indication[]): IndicationAnswer {
  const table: IndicationTable = given === undefined ? indicationTable() : Array.isArray(given) ? { ...indicationTable(), indications: given as readonly Indication[] } : (given as IndicationTable);
  const results = table.indications.filter((i) => i.organ === facts.organ).map((i) => evaluateIndication(i, facts));
  const matched = results.filter((r) => r.result === 'true');
  const undecided = results.filter((r) => r.result === 'unknown');
  const rejected = results.filter((r) => r.result === 'false');
  const factsOut: Record<string, string | number | boolean> = { organ: facts.organ };
  for (const k of Object.keys(FACT_LABEL) as FactName[]) {
    const v = facts[k];
    if (v !== undefined) factsOut[k] = typeof v === 'object' ? fmtShort(v) : v;
  }
  for (const [k, v] of Object.entries(facts.extra ?? {})) factsOut[k] = typeof v === 'object' ? fmtShort(v) : v;
  if (matched.length) {
    return {
      facts: factsOut, outcome: 'listed', matched, undecided, rejected,
      message: `listed in ${table.article}: ${matched.map((m) => `${m.label} [${m.citation.article}${m.citation.clause ? `, ${m.citation.clause.slice(0, 2)}` : ''}]`).join('; ')}`,
      requirement: null,
    };
  }
  if (undecided.length) {
    const need = [...new Set(undecided.flatMap((u) => u.missing))].map((f) => table.facts?.[f]?.label ?? labelOf(f));
    return {
      facts: factsOut, outcome: 'undecided', matched, undecided, rejected,
      message: `undecided: no indication of ${table.article} matches the facts given, but ${undecided.length} could with more facts (${need.join(', ')}); if none applies, ${table.requirement.en}`,
      requirement: table.otherwise,
    };
  }
  return {
    facts: factsOut, outcome: 'not-listed', matched, undecided, rejected,
    message: `not listed: ${table.requirement.en}`,
    requirement: table.otherwise,
  };
}

/** A fact that is wrong in the input; `field` names it. */
export class FactsError extends Error {
  constructor(readonly field: string, message: string) {
    super(`${field}: ${message}`);
  }
}


function boolOf(v: unknown, field: string): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    if (['yes', 'y', 'true', '1', 'oui', 'ja'].includes(s)) return true;
    if (['no', 'n', 'false', '0', 'non', 'nee'].includes(s)) return false;
  }
  throw new FactsError(field, `${JSON.stringify(v)} is not yes/no`);
}

function numberOf(v: unknown, field: string): Decimal {
  const s = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : '';
  try {
    if (/^\d+(?:\.\d+)?$/.test(s)) return dec(s);
    if (/^\d+,\d+$/.test(s)) return decFr(s);
  } catch { /* fall through */ }
  throw new FactsError(field, `${JSON.stringify(v)} is not a non-negative number`);
}

/** Reads and validates clinical facts (from JSON or CLI options); unknown keys are an error (a typo would otherwise go unseen). */
export function readFacts(input: Record<string, unknown>, table: IndicationTable = indicationTable()): ClinicalFacts {
  const declared = table.facts ?? {};
  const known = new Set(['organ', ...Object.keys(FACT_LABEL), ...Object.keys(declared)]);
  const TUMOURS = Object.fromEntries(Object.entries(table.organs).map(([k, v]) => [k, v.tumours]));
  const organs = Object.keys(TUMOURS);
  const organList = organs.length > 1 ? `${organs.slice(0, -1).join(', ')} or ${organs[organs.length - 1]}` : organs.join('');
  for (const k of Object.keys(input)) if (input[k] !== undefined && !known.has(k)) throw new FactsError(k, `unknown fact (known: ${[...known].join(', ')})`);
  const organ = input.organ;
  if (organ === undefined) throw new FactsError('organ', `missing (${organList})`);
  if (typeof organ !== 'string' || !Object.hasOwn(TUMOURS, organ)) throw new FactsError('organ', `${JSON.stringify(organ)} is not one of ${organs.join(', ')}`);
  const facts: ClinicalFacts = { organ: organ as Organ };
  if (input.tumour !== undefined) {
    const t = String(input.tumour);
    if (!TUMOURS[facts.organ].includes(t)) throw new FactsError('tumour', `"${t}" is not a tumour type of ${organ} (${TUMOURS[facts.organ].join(', ')})`);
    facts.tumour = t;
  }
  if (input.sizeCm !== undefined) facts.sizeCm = numberOf(input.sizeCm, 'sizeCm');
  if (input.gfr !== undefined) facts.gfr = numberOf(input.gfr, 'gfr');
  if (input.count !== undefined) {
    const n = typeof input.count === 'string' ? Number(input.count) : input.count;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) throw new FactsError('count', `${JSON.stringify(input.count)} is not a whole number ≥ 1`);
    facts.count = n;
  }
  if (input.tStage !== undefined) {
    const m = /^T?([0-4])([abc]?)(?:\(?(?:mi|is)\)?)?$/i.exec(String(input.tStage).trim());
    if (!m) throw new FactsError('tStage', `${JSON.stringify(input.tStage)} is not a TNM T category (T1a, T1b, T2 …)`);
    facts.tStage = `T${m[1]}${m[2].toLowerCase()}`;
  }
  for (const b of BOOL_FACTS) if (input[b] !== undefined) facts[b] = boolOf(input[b], b);
  if (input.predisposition !== undefined && input.predisposition !== null) {
    if (typeof input.predisposition !== 'string') throw new FactsError('predisposition', 'expected the name of the predisposition (e.g. von-hippel-lindau)');
    facts.predisposition = input.predisposition.trim();
  }
  for (const [name, f] of Object.entries(declared)) {
    if (input[name] === undefined) continue;
    (facts.extra ??= {})[name] = f.type === 'yes-no' ? boolOf(input[name], name) : numberOf(input[name], name);
  }
  return facts;
}

const T: Record<Truth, string> = { true: '✓', false: '✗', unknown: '?' };

function renderTrace(t: ConditionTrace, indent: string, out: string[]): void {
  out.push(`${indent}${T[t.result]} ${t.condition}${t.given !== null ? ` (given: ${t.given})` : t.fact ? ' (not given)' : ''}${t.text ? `  « ${t.text} »` : ''}`);
  for (const s of t.any ?? []) renderTrace(s, indent + '    ', out);
}

/** Readable rendering. */
export function renderIndication(a: IndicationAnswer, verbose = false): string {
  const out: string[] = [];
  out.push(`facts: ${Object.entries(a.facts).map(([k, v]) => `${k}=${v}`).join(', ')}`);
  out.push(a.message);
  for (const m of a.matched) {
    out.push(`  matched ${m.id}: ${m.label}`);
    out.push(`    [${m.citation.document}, ${m.citation.article}] « ${m.citation.clause ?? m.citation.text} »`);
    for (const t of m.trace) renderTrace(t, '      ', out);
  }
  for (const u of a.undecided) {
    out.push(`  undecided ${u.id}: missing ${u.missing.map(labelOf).join(', ')}`);
    out.push(`    [${u.citation.document}, ${u.citation.article}] « ${u.citation.clause ?? u.citation.text} »`);
  }
  if (a.requirement) out.push(`  [${a.requirement.document}, ${a.requirement.article}] « ${a.requirement.text} »`);
  if (verbose || a.outcome !== 'listed') {
    for (const r of a.rejected) {
      out.push(`  not matched ${r.id}: ${r.label}`);
      for (const t of r.trace.filter((x) => x.result !== 'true')) renderTrace(t, '      ', out);
    }
  }
  return out.join('\n');
}

