/**
 * Staffing criteria checked from a staff roster: the ablation convention's Art. 5.1 a–d
 * (and the breast reconstruction convention's Art. 6, two qualified plastic surgeons), as
 * data with their citations; one generic evaluator counts the roster against them.
 *
 * Roster: CSV `name,specialty,qualifications` (qualifications separated by ";"), or JSON
 * (an array of { name, specialty, qualifications: [] }, or { staff: [...] }).
 */
import { InputError, parseCsv } from './csv.js';
import { ABLATION, BREAST, CITE, DOCUMENTS, type Citation } from './sources.js';

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
}

const a = DOCUMENTS.ablation.id;

/** Ablation Art. 5.1 a–d, and breast reconstruction Art. 6. */
export const STAFFING_CRITERIA: readonly StaffingCriterion[] = [
  {
    id: '5.1.a', convention: ABLATION, title: 'two radiodiagnosis specialists with interventional radiology expertise',
    requirements: [{ label: 'radiodiagnosis + interventional radiology', min: 2, anyOf: [{ specialty: 'radiodiagnosis', qualification: 'interventional-radiology' }], text: 'au moins deux médecins spécialistes en radiodiagnostic possédant une expertise en radiologie interventionnelle' }],
    citation: { document: a, article: '5.1, a.', text: 'a. au moins deux médecins spécialistes en radiodiagnostic possédant une expertise en radiologie interventionnelle ;' },
  },
  {
    id: '5.1.b', convention: ABLATION, title: 'two specialists in each of urology, surgery, orthopaedic surgery, medical oncology',
    requirements: [
      { label: 'urology', min: 2, anyOf: [{ specialty: 'urology' }], text: 'Urologie' },
      { label: 'surgery', min: 2, anyOf: [{ specialty: 'surgery' }], text: 'chirurgie' },
      { label: 'orthopaedic surgery', min: 2, anyOf: [{ specialty: 'orthopaedic-surgery' }], text: 'chirurgie orthopédique' },
      { label: 'medical oncology', min: 2, anyOf: [{ specialty: 'medical-oncology' }], text: 'oncologie médicale' },
    ],
    citation: { document: a, article: '5.1, b.', text: 'b. au moins deux médecins spécialistes dans chacune des disciplines suivantes : Urologie, chirurgie, chirurgie orthopédique, oncologie médicale.' },
  },
  {
    id: '5.1.c', convention: ABLATION, title: 'one pneumologist or gastroenterologist with the oncology qualification',
    requirements: [{
      label: 'pneumology or gastroenterology + oncology', min: 1,
      anyOf: [{ specialty: 'pneumology', qualification: 'oncology' }, { specialty: 'gastroenterology', qualification: 'oncology' }],
      text: 'au moins 1 médecin spécialiste en pneumologie ayant une compétence professionnelle particulière en oncologie ou spécialiste en gastro-entérologie ayant une compétence professionnelle particulière en oncologie',
    }],
    citation: { document: a, article: '5.1, c.', text: 'c. au moins 1 médecin spécialiste en pneumologie ayant une compétence professionnelle particulière en oncologie ou spécialiste en gastro-entérologie ayant une compétence professionnelle particulière en oncologie.' },
  },
  {
    id: '5.1.d', convention: ABLATION, title: 'two intensive-care specialists and two anaesthetists',
    requirements: [
      { label: 'intensive care (particular professional title)', min: 2, anyOf: [{ qualification: 'intensive-care' }, { specialty: 'intensive-care' }], text: 'au moins deux médecins spécialistes portant le titre professionnel particulier en soins intensifs' },
      { label: 'anaesthesia-resuscitation', min: 2, anyOf: [{ specialty: 'anaesthesiology' }], text: 'au moins deux médecins spécialistes en anesthésie-réanimation' },
    ],
    citation: { document: a, article: '5.1, d.', text: 'd. au moins deux médecins spécialistes portant le titre professionnel particulier en soins intensifs et au moins deux médecins spécialistes en anesthésie-réanimation.' },
  },
  {
    id: 'art.6', convention: BREAST, title: 'two plastic surgeons meeting the criteria of Art. 7 (perforator flap qualification)',
    requirements: [{ label: 'plastic surgery + perforator flap', min: 2, anyOf: [{ specialty: 'plastic-surgery', qualification: 'perforator-flap' }], text: 'au moins deux médecins spécialistes en chirurgie plastique, reconstructive et esthétique en service qui satisfont aux critères mentionnés à l\'article 7' }],
    citation: CITE.breastSurgeons,
  },
];

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
export function checkStaffing(staff: readonly StaffMember[], convention: string = ABLATION, criteria: readonly StaffingCriterion[] = STAFFING_CRITERIA): StaffingReport {
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
    intro: convention === ABLATION ? CITE.ablationStaffingIntro : null,
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
