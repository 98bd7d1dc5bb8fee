/**
 * Values derived from a code's key letter and relative value on a date, read from curated data
 * (rules/derived/*.yaml, each value with its document, article and exact sentence):
 *
 * - surgical assistance: for a procedure at or above a minimum relative value per key letter, the
 *   assistant's fee is a percentage of the procedure's relative value (from a first day);
 * - an anaesthesia category: a procedure at or above a minimum relative value per key letter;
 * - conventions whose fees already cover a role (the derived value then does not apply).
 *
 * Nothing here names a convention, a threshold or a date: a new act or convention is a new entry.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { cmp, dec, fmtShort, money, mul, percentOf } from '../decimal.js';
import type { IsoDate } from '../date.js';
import { CURATED_DIR } from '../rules/curated.js';
import { squash } from '../text.js';
import type { CodeState, Nomenclature } from '../nomenclature/types.js';
import type { Citation } from './sources.js';

/** The folder of curated derived values. */
export const DERIVED_DIR = `${CURATED_DIR}${CURATED_DIR.endsWith('/') ? '' : '/'}derived/`;

export const DERIVED_ROLES = ['surgical-assistance', 'anaesthesia'] as const;
export type DerivedRole = (typeof DERIVED_ROLES)[number];

/** What cannot be decided from the code alone, or why a value does not apply: a code with FR/NL/EN messages. */
export const NOTE_CODES = ['assistance-surgical-only', 'assistance-not-endoscopy', 'fee-covers-role'] as const;
export type NoteCode = (typeof NOTE_CODES)[number];

const CitationSchema = z.object({ document: z.string().min(1), article: z.string().min(1), text: z.string().min(1), clause: z.string().optional() }).strict();
const Letters = z.record(z.string().regex(/^[A-Z]{1,3}$/), z.string().regex(/^\d+(\.\d+)?$/));
const ThresholdSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/),
  role: z.enum(DERIVED_ROLES),
  minimum: Letters.refine((m) => Object.keys(m).length > 0, 'names no key letter'),
  percent: z.string().regex(/^\d+(\.\d+)?$/).optional(),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  fromCitation: CitationSchema.optional(),
  citation: CitationSchema,
  notes: z.array(z.object({ code: z.enum(NOTE_CODES), citation: CitationSchema }).strict()).default([]),
}).strict().refine((t) => t.role !== 'surgical-assistance' || t.percent !== undefined, 'surgical-assistance needs percent')
  .refine((t) => t.from === null || t.fromCitation !== undefined, 'a from date needs its fromCitation');
const CoversSchema = z.object({ id: z.string().min(1), convention: z.string().min(1), role: z.enum(DERIVED_ROLES), citation: CitationSchema }).strict();
const FileSchema = z.object({ thresholds: z.array(ThresholdSchema).default([]), covers: z.array(CoversSchema).default([]) }).strict();

/** A threshold by key letter: the minimum relative value for each letter it names. */
export interface LetterThreshold {
  id: string;
  role: DerivedRole;
  minimum: Record<string, string>;
  /** For surgical assistance: the share of the relative value paid ("10"). */
  percent: string | null;
  /** First day the threshold applies (inclusive), or null. */
  from: IsoDate | null;
  fromSource: Citation | null;
  source: Citation;
  notes: { code: NoteCode; source: Citation }[];
}

/** A convention (machine name) whose fees cover a role. */
export interface RoleCovered { id: string; convention: string; role: DerivedRole; source: Citation }

export interface DerivedData { thresholds: LetterThreshold[]; covers: RoleCovered[] }

export class DerivedDataError extends Error {}

const cite = (c: z.infer<typeof CitationSchema>): Citation => ({ ...c, text: squash(c.text), ...(c.clause ? { clause: squash(c.clause) } : {}) });

/** Parses one YAML text of derived values; an error names the file and the field. */
export function parseDerivedData(text: string, name = 'derived.yaml'): DerivedData {
  const r = FileSchema.safeParse(parse(text) ?? {});
  if (!r.success) throw new DerivedDataError(`${name}: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return {
    thresholds: r.data.thresholds.map((t) => ({
      id: t.id, role: t.role, minimum: t.minimum, percent: t.percent ?? null, from: t.from, fromSource: t.fromCitation ? cite(t.fromCitation) : null,
      source: cite(t.citation), notes: t.notes.map((n) => ({ code: n.code, source: cite(n.citation) })),
    })),
    covers: r.data.covers.map((c) => ({ id: c.id, convention: c.convention, role: c.role, source: cite(c.citation) })),
  };
}

let cache: { dir: string; data: DerivedData } | null = null;

/** Every file of `dir` (cached per folder). */
export function derivedData(dir: string = DERIVED_DIR): DerivedData {
  if (cache?.dir === dir) return cache.data;
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml')).sort();
  } catch {
    files = [];
  }
  const data: DerivedData = { thresholds: [], covers: [] };
  for (const f of files) {
    const d = parseDerivedData(readFileSync(`${dir}${f}`, 'utf8'), f);
    data.thresholds.push(...d.thresholds);
    data.covers.push(...d.covers);
  }
  cache = { dir, data };
  return data;
}

export type DerivedStatus = 'applies' | 'does-not-apply' | 'unknown';

export interface ThresholdAnswer {
  id: string;
  status: DerivedStatus;
  /** The minimum for each key letter the threshold names. */
  minimum: Record<string, string>;
  /** The minimum for the code's key letter ("K 120"), or null when the letter is not named. */
  threshold: string | null;
  reason: string;
  source: Citation;
}

/** A note: a code with FR/NL/EN messages (`text` in English), its fields and its sentence. */
export interface DerivedNote { code: NoteCode; text: string; fields: Record<string, string>; source: Citation }

export interface AssistanceAnswer extends ThresholdAnswer {
  /** The assistant's relative value ("K 63.3"), when it applies. */
  value: string | null;
  /** value × the coefficient of the code's key letter on the date, rounded half-up to the cent; null when unknown. */
  fee: string | null;
  feeBasis: string | null;
  /** What cannot be decided from the code alone, or why the value does not apply. */
  warnings: DerivedNote[];
}

export interface DerivedValues {
  code: string;
  at: IsoDate;
  status: CodeState['status'];
  keyLetter: string | null;
  relativeValue: string | null;
  coefficient: string | null;
  surgicalAssistance: AssistanceAnswer;
  anaesthesia: ThresholdAnswer;
}

type Locale = 'en' | 'fr' | 'nl';
const NOTES: Record<NoteCode, Record<Locale, (f: Record<string, string>) => string>> = {
  'assistance-surgical-only': {
    en: () => 'only for surgical procedures or interventional procedures under imaging control',
    fr: () => 'uniquement pour les prestations chirurgicales ou interventionnelles sous contrôle d’imagerie médicale',
    nl: () => 'alleen voor heelkundige verstrekkingen of interventionele verstrekkingen onder beeldvormingscontrole',
  },
  'assistance-not-endoscopy': {
    en: () => 'not reimbursed for diagnostic endoscopy nor for non-bloody interventions (not decidable from the code alone)',
    fr: () => 'non remboursée pour les actes endoscopiques diagnostiques ni pour les interventions non sanglantes (indécidable à partir du seul code)',
    nl: () => 'niet terugbetaald voor diagnostische endoscopieën noch voor niet-bloedige ingrepen (niet te beslissen uit de code alleen)',
  },
  'fee-covers-role': {
    en: (f) => `the fees of ${f.convention} already cover the surgical assistance`,
    fr: (f) => `les honoraires de ${f.convention} couvrent déjà l’aide opératoire`,
    nl: (f) => `de honoraria van ${f.convention} dekken de operatieve assistentie al`,
  },
};

/** The message of a derived-value note in a locale. */
export function noteMessage(code: NoteCode, fields: Record<string, string>, locale: Locale = 'en'): string {
  return NOTES[code][locale](fields);
}

const note = (code: NoteCode, source: Citation, fields: Record<string, string> = {}): DerivedNote => ({ code, text: noteMessage(code, fields), fields, source });

function compare(t: LetterThreshold, state: CodeState): { status: DerivedStatus; threshold: string | null; reason: string } {
  const { keyLetter: k, relativeValue: rv } = state;
  if (state.status === 'unknown') return { status: 'unknown', threshold: null, reason: `${state.code} is unknown to the nomenclature` };
  if (!k || !rv) return { status: 'unknown', threshold: null, reason: `the key letter and relative value of ${state.code} on ${state.at} are unknown (${state.status})` };
  const min = Object.hasOwn(t.minimum, k) ? t.minimum[k] : undefined;
  if (min === undefined) return { status: 'does-not-apply', threshold: null, reason: `key letter ${k}: the threshold names only ${Object.keys(t.minimum).join(', ')}` };
  const ok = cmp(dec(rv), dec(min)) >= 0;
  return {
    status: ok ? 'applies' : 'does-not-apply',
    threshold: `${k} ${min}`,
    reason: `${k} ${fmtShort(dec(rv))} ${ok ? '≥' : '<'} ${k} ${min}`,
  };
}

/** The threshold of a role in force on `at` (the latest whose first day is on or before it, else the earliest). */
function thresholdOf(data: DerivedData, role: DerivedRole, at: IsoDate): LetterThreshold {
  const all = data.thresholds.filter((t) => t.role === role).sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''));
  if (all.length === 0) throw new DerivedDataError(`no threshold of role ${role} in ${DERIVED_DIR}`);
  return [...all].reverse().find((t) => t.from === null || t.from <= at) ?? all[0];
}

/** Surgical assistance and anaesthesia threshold of a code in a given state. */
export function derivedFromState(state: CodeState, data: DerivedData = derivedData()): DerivedValues {
  const assistance = thresholdOf(data, 'surgical-assistance', state.at);
  const anaesthesia = thresholdOf(data, 'anaesthesia', state.at);
  const warnings: DerivedNote[] = [];
  let a = compare(assistance, state);
  if (assistance.from && state.at < assistance.from) {
    a = { status: 'unknown', threshold: a.threshold, reason: `before ${assistance.from} (${assistance.fromSource!.document}, ${assistance.fromSource!.article}), the earlier text is not in the corpus` };
  }
  let value: string | null = null;
  let fee: string | null = null;
  let feeBasis: string | null = null;
  if (a.status === 'applies') {
    const v = percentOf(state.relativeValue!, assistance.percent!);
    value = `${state.keyLetter} ${fmtShort(v)}`;
    if (state.coefficient) {
      fee = money(mul(v, dec(state.coefficient)));
      feeBasis = `${fmtShort(v)} × ${state.coefficient} (coefficient of ${state.keyLetter} for ${state.code} on ${state.at}), rounded half-up to the cent`;
    } else {
      feeBasis = `the coefficient of ${state.keyLetter} for ${state.code} on ${state.at} is unknown`;
    }
    for (const n of assistance.notes) warnings.push(note(n.code, n.source));
    const covered = data.covers.find((c) => c.role === 'surgical-assistance' && state.convention !== null && c.convention === state.convention);
    if (covered) {
      a = { ...a, status: 'does-not-apply', reason: `${a.reason}, but the fees of ${covered.convention} already cover the surgical assistance` };
      warnings.push(note('fee-covers-role', covered.source, { convention: covered.convention }));
      value = null;
      fee = null;
      feeBasis = null;
    }
  }
  const an = compare(anaesthesia, state);
  return {
    code: state.code,
    at: state.at,
    status: state.status,
    keyLetter: state.keyLetter,
    relativeValue: state.relativeValue,
    coefficient: state.coefficient,
    surgicalAssistance: { id: assistance.id, ...a, minimum: assistance.minimum, source: assistance.source, value, fee, feeBasis, warnings },
    anaesthesia: { id: anaesthesia.id, ...an, minimum: anaesthesia.minimum, source: anaesthesia.source },
  };
}

/** Surgical assistance and anaesthesia threshold of `code` on `at`. */
export function derivedValues(nomenclature: Nomenclature, code: string, at: IsoDate, data: DerivedData = derivedData()): DerivedValues {
  return derivedFromState(nomenclature.state(code, at), data);
}

const S: Record<DerivedStatus, string> = { applies: 'yes', 'does-not-apply': 'no', unknown: 'unknown' };

/** Readable rendering. */
export function renderDerived(d: DerivedValues): string {
  const out: string[] = [];
  out.push(`${d.code} on ${d.at}: ${d.keyLetter && d.relativeValue ? `${d.keyLetter} ${d.relativeValue}` : 'value unknown'} (${d.status})`);
  const a = d.surgicalAssistance;
  out.push(`  surgical assistance: ${S[a.status]} — ${a.reason}`);
  if (a.value) out.push(`    value ${a.value}${a.fee ? `, fee ${a.fee} EUR (${a.feeBasis})` : ` (${a.feeBasis})`}`);
  out.push(`    [${a.source.document}, ${a.source.article}] « ${a.source.text} »`);
  for (const w of a.warnings) out.push(`    note: ${w.text} [${w.source.document}, ${w.source.article}]`);
  const n = d.anaesthesia;
  const min = Object.entries(n.minimum).map(([k, v]) => `${k} ${v}`).join(' / ');
  out.push(`  anaesthesia category ≥ ${min}: ${S[n.status]} — ${n.reason}`);
  out.push(`    [${n.source.document}, ${n.source.article}] « ${n.source.text} »`);
  return out.join('\n');
}
