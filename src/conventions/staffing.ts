/**
 * Staffing criteria checked from a staff roster: the ablation convention's Art. 5.1 a–d
 * (and the breast reconstruction convention's Art. 6, two qualified plastic surgeons), as
 * data with their citations; one generic evaluator counts the roster against them.
 *
 * Roster: CSV `name,specialty,qualifications` (qualifications separated by ";"), or JSON
 * (an array of { name, specialty, qualifications: [] }, or { staff: [...] }).
 */
import { InputError, parseCsv } from './csv.js';
import { builtinCatalogue, type ConventionCatalogue } from './catalogue.js';
import type { StaffingParams } from './obligations/index.js';
import type { Citation } from './sources.js';

export interface StaffMember {
  /** Where it is in the file, for messages: "line 3" (CSV) or "[2]" (JSON). */
  where: string;
  name: string;
  specialty: string;
  qualifications: string[];
}

/** The specialties of the contract's vocabulary, plus those of the staffing criteria. */
export const SPECIALTIES = [
  'radiodiagnosis', 'urology', 'surgery', 'orthopaedic-surgery', 'neurosurgery', 'pneumology', 'gastroenterology', 'medical-oncology',
  'plastic-surgery', 'psychiatry', 'neuropsychiatry', 'general-practice', 'anaesthesiology', 'radiotherapy-oncology', 'intensive-care',
] as const;

export const QUALIFICATIONS = ['interventional-radiology', 'oncology', 'perforator-flap', 'intensive-care'] as const;

/** Who counts for a requirement: a specialty, a qualification, or both. */
export interface Matcher {
  specialty?: string;
  qualification?: string;
}

/** At least `min` distinct people matching any of `anyOf`. */
export interface Requirement {
  label: string;
  min: number;
  anyOf: readonly Matcher[];
  text: string;
}

/** A criterion: all its requirements must hold. */
export interface StaffingCriterion {
  id: string;
  convention: string;
  title: string;
  requirements: readonly Requirement[];
  citation: Citation;
  /** The sentence that introduces the list of criteria, when there is one. */
  intro?: Citation;
}

/**
 * The staffing criteria of every known convention: its obligations of kind `staffing` (curated with
 * their sentences in rules/obligations/staffing.yaml).
 */
export function staffingCriteria(catalogue: ConventionCatalogue = builtinCatalogue()): StaffingCriterion[] {
  return catalogue.entries.flatMap((e) => e.obligations.filter((o) => o.kind === 'staffing').map((o) => {
    const p = o.params as StaffingParams;
    return { id: p.criterion, convention: e.name, title: p.title, requirements: p.requirements, citation: o.citation, ...(o.also?.length ? { intro: o.also[0] } : {}) };
  }));
}

/** Normalises a vocabulary word: lower case, spaces and underscores as "-". */
export function normWord(s: string): string {
  return s.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

/** Common spellings of the vocabulary. */
const ALIASES: Record<string, string> = {
  radiology: 'radiodiagnosis', 'radiodiagnostic': 'radiodiagnosis', 'orthopedic-surgery': 'orthopaedic-surgery', orthopaedics: 'orthopaedic-surgery',
  'anesthesiology': 'anaesthesiology', 'anaesthesia': 'anaesthesiology', 'anesthesia': 'anaesthesiology', 'oncology-medical': 'medical-oncology',
  'gastro-enterology': 'gastroenterology', 'pulmonology': 'pneumology', 'ir': 'interventional-radiology', 'icu': 'intensive-care',
};

function word(s: string): string {
  const w = normWord(s);
  return Object.hasOwn(ALIASES, w) ? ALIASES[w] : w;
}

function member(where: string, name: unknown, specialty: unknown, quals: unknown, fail: (f: string) => InputError): StaffMember {
  if (typeof name !== 'string' || !name.trim()) throw fail('name');
  if (typeof specialty !== 'string' || !specialty.trim()) throw fail('specialty');
  let q: string[];
  if (Array.isArray(quals)) {
    if (!quals.every((x) => typeof x === 'string')) throw fail('qualifications');
    q = quals as string[];
  } else if (typeof quals === 'string') q = quals.split(';');
  else if (quals === undefined || quals === null) q = [];
  else throw fail('qualifications');
  return { where, name: name.trim(), specialty: word(specialty), qualifications: q.map((x) => x.trim()).filter(Boolean).map(word) };
}

/** Reads a roster file: JSON when it starts with [ or {, else CSV. Errors name the line (CSV) or the entry (JSON). */
export function parseRoster(text: string): StaffMember[] {
  const t = text.replace(/^\uFEFF/, '').trimStart();
  if (t.startsWith('[') || t.startsWith('{')) {
    let v: unknown;
    try {
      v = JSON.parse(t);
    } catch (e) {
      throw new InputError(null, null, `not valid JSON (${(e as Error).message})`);
    }
    const list = Array.isArray(v) ? v : (v as { staff?: unknown }).staff;
    if (!Array.isArray(list)) throw new InputError(null, 'staff', 'expected an array of { name, specialty, qualifications } (or { "staff": [...] })', undefined, 'field');
    return list.map((x, k) => {
      const o = (typeof x === 'object' && x !== null ? x : {}) as Record<string, unknown>;
      const where = (f: string) => new InputError(null, `[${k}].${f}`, f === 'qualifications' ? 'expected an array of strings (or a ";"-separated string)' : `missing or empty ${f}`, undefined, 'field');
      return member(`[${k}]`, o.name, o.specialty, o.qualifications, where);
    });
  }
  const rows = parseCsv(text, { required: ['name', 'specialty'], optional: ['qualifications'] });
  return rows.map(({ line, values }) => member(`line ${line}`, values.name, values.specialty, values.qualifications ?? '', (f) => new InputError(line, f, `missing or empty ${f}`)));
}

function matches(m: StaffMember, x: Matcher): boolean {
  return (x.specialty === undefined || m.specialty === x.specialty) && (x.qualification === undefined || m.qualifications.includes(x.qualification));
}

export interface RequirementResult {
  label: string;
  min: number;
  count: number;
  pass: boolean;
  names: string[];
  text: string;
}

export interface CriterionResult {
  id: string;
  convention: string;
  title: string;
  pass: boolean;
  requirements: RequirementResult[];
  citation: Citation;
}

export interface StaffingReport {
  convention: string;
  pass: boolean;
  criteria: CriterionResult[];
  staff: number;
  /** Specialties or qualifications outside the known vocabulary (they count for nothing: a typo?). */
  warnings: string[];
  interpretation: string;
  intro: Citation | null;
}

/** Checks a roster against the staffing criteria of `convention`. */
export function checkStaffing(staff: readonly StaffMember[], convention?: string, criteria: readonly StaffingCriterion[] = staffingCriteria()): StaffingReport {
  // By default the first convention with staffing criteria.
  convention ??= criteria[0]?.convention ?? '';
  const list = criteria.filter((c) => c.convention === convention);
  const results = list.map((c): CriterionResult => {
    const reqs = c.requirements.map((r): RequirementResult => {
      const who = staff.filter((m) => r.anyOf.some((x) => matches(m, x)));
      const names = [...new Set(who.map((m) => m.name))];
      return { label: r.label, min: r.min, count: names.length, pass: names.length >= r.min, names, text: r.text };
    });
    return { id: c.id, convention: c.convention, title: c.title, pass: reqs.every((r) => r.pass), requirements: reqs, citation: c.citation };
  });
  const warnings: string[] = [];
  const specs = new Set<string>(SPECIALTIES);
  const quals = new Set<string>(QUALIFICATIONS);
  for (const m of staff) {
    if (!specs.has(m.specialty)) warnings.push(`${m.where}: ${m.name}: unknown specialty "${m.specialty}" (known: ${SPECIALTIES.join(', ')})`);
    for (const q of m.qualifications) if (!quals.has(q)) warnings.push(`${m.where}: ${m.name}: unknown qualification "${q}" (known: ${QUALIFICATIONS.join(', ')})`);
  }
  return {
    convention,
    pass: results.length > 0 && results.every((r) => r.pass),
    criteria: results,
    staff: staff.length,
    warnings,
    interpretation: 'Each requirement counts distinct names; one person may count for several criteria (the text does not forbid it). The roster lists the specialists the centre can call upon ("il faut pouvoir faire appel"), not necessarily its employees.',
    intro: list.find((c) => c.intro)?.intro ?? null,
  };
}

/** Readable rendering. */
export function renderStaffing(r: StaffingReport): string {
  const out: string[] = [`staffing criteria of ${r.convention}: ${r.pass ? 'MET' : 'NOT MET'} (${r.staff} people in the roster)`];
  for (const c of r.criteria) {
    out.push(`  [${c.pass ? 'PASS' : 'FAIL'}] ${c.id} ${c.title}`);
    for (const q of c.requirements) out.push(`      ${q.pass ? '✓' : '✗'} ${q.label}: ${q.count} (at least ${q.min})${q.names.length ? ` — ${q.names.join(', ')}` : ''}`);
    out.push(`      [${c.citation.document}, ${c.citation.article}] « ${c.citation.text} »`);
  }
  for (const w of r.warnings) out.push(`  warning: ${w}`);
  out.push(`  interpretation: ${r.interpretation}`);
  return out.join('\n');
}
