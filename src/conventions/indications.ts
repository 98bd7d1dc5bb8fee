/**
 * The clinical indications of the percutaneous ablation convention (Art. 3) as a decision
 * table: each indication is DATA (organ, conditions on the clinical facts, citation with the
 * bullet's exact wording); one generic evaluator walks the table with three-valued logic
 * (true / false / unknown when a fact is missing), so a missing fact never silently decides.
 *
 * An indication not listed is allowed, but then the COM/CM must justify its decision in
 * writing with a reference to published guidelines (4.1.2): the answer says so.
 */
import { cmp, dec, decFr, fmtShort, type Decimal } from '../decimal.js';
import { CITE, DOCUMENTS, type Citation } from './sources.js';

export type Organ = 'kidney' | 'liver' | 'lung' | 'bone';

/** Tumour types by organ (the vocabulary of the facts). */
export const TUMOURS: Record<Organ, readonly string[]> = {
  kidney: ['renal-cell-carcinoma', 'other-malignant'],
  liver: ['hepatocellular-carcinoma', 'intrahepatic-cholangiocarcinoma', 'colorectal-metastasis', 'neuroendocrine-metastasis', 'metastasis-other-primary', 'other-malignant'],
  lung: ['primary-lung-tumour', 'lung-metastasis', 'other-malignant'],
  bone: ['osteoid-osteoma', 'osteoblastoma', 'eosinophilic-granuloma', 'aneurysmal-bone-cyst', 'chondroblastoma', 'other-benign', 'slow-growing-malignant', 'other-malignant'],
};

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
}

export type FactName = Exclude<keyof ClinicalFacts, 'organ'>;
type NumericFact = 'sizeCm' | 'count' | 'gfr';
type BoolFact = 'eligibleForSurgery' | 'eligibleForSbrt' | 'singleKidney' | 'alternativeToSystemic' | 'palliative' | 'nearCriticalStructures' | 'combinedTreatment';
type TextFact = 'tumour' | 'tStage';

/** A condition of the table. `text`: the exact words of the convention it renders, when it has its own. */
export type Condition =
  | { fact: TextFact; op: 'in'; values: readonly string[]; text?: string }
  | { fact: NumericFact; op: '<' | '<=' | '=' | '>='; value: string; text?: string }
  | { fact: BoolFact; op: 'is'; value: boolean; text?: string }
  | { fact: 'predisposition'; op: 'present'; text?: string }
  | { any: readonly Condition[]; text?: string };

/** One indication of Art. 3. */
export interface Indication {
  id: string;
  organ: Organ;
  /** English summary. */
  label: string;
  /** All must hold. */
  conditions: readonly Condition[];
  citation: Citation;
}

const doc = DOCUMENTS.ablation.id;
const art = { kidney: 'Art. 3, 1°', liver: 'Art. 3, 2°', lung: 'Art. 3, 3°', bone: 'Art. 3, 4°' } as const;

const HCC = 'Carcinome hépatocellulaire a. Tumeur unique < 2 cm b. 1 à max 3 tumeurs ≤ 3 cm chez un patient inéligible à la chirurgie';
const BENIGN = 'Tumeur bénigne a. ostéome ostéoïde b. ostéoblastome c. granulome éosinophile d. kyste osseux anévrismal e. chondroblastome';

/** The decision table of Art. 3, in the order of the convention. */
export const INDICATIONS: readonly Indication[] = [
  {
    id: 'kidney.rcc-t1a', organ: 'kidney', label: 'renal cell carcinoma T1a with a single kidney, GFR < 60 ml/min, or ineligible for surgery',
    conditions: [
      { fact: 'tumour', op: 'in', values: ['renal-cell-carcinoma'], text: 'Carcinome rénal' },
      { fact: 'tStage', op: 'in', values: ['T1a'], text: 'T catégorie 1a' },
      {
        any: [
          { fact: 'singleKidney', op: 'is', value: true, text: 'a. rein unique' },
          { fact: 'gfr', op: '<', value: '60', text: 'b. insuffisance rénale/mauvaise fonction rénale (GFR < 60 ml/min)' },
          { fact: 'eligibleForSurgery', op: 'is', value: false, text: 'c. le patient est inéligible à la chirurgie' },
        ],
        text: 'en combinaison avec l’un des critères suivants',
      },
    ],
    citation: { document: doc, article: art.kidney, text: 'Carcinome rénal T catégorie 1a en combinaison avec l’un des critères suivants : a. rein unique b. insuffisance rénale/mauvaise fonction rénale (GFR < 60 ml/min) c. le patient est inéligible à la chirurgie' },
  },
  {
    id: 'kidney.predisposition', organ: 'kidney', label: 'specific predisposition to multiple malignant kidney tumours (e.g. von Hippel-Lindau)',
    conditions: [{ fact: 'predisposition', op: 'present', text: 'En raison d’une prédisposition spécifique (à spécifier)' }],
    citation: { document: doc, article: art.kidney, text: 'En raison d’une prédisposition spécifique (à spécifier), le patient présente un risque accru de développer de multiples tumeurs rénales malignes au cours de sa vie (notamment von Hippel-Lindau…).' },
  },
  {
    id: 'liver.hcc-single-lt-2cm', organ: 'liver', label: 'hepatocellular carcinoma, single tumour < 2 cm',
    conditions: [
      { fact: 'tumour', op: 'in', values: ['hepatocellular-carcinoma'], text: 'Carcinome hépatocellulaire' },
      { fact: 'count', op: '=', value: '1', text: 'Tumeur unique' },
      { fact: 'sizeCm', op: '<', value: '2', text: '< 2 cm' },
    ],
    citation: { document: doc, article: art.liver, text: HCC, clause: 'a. Tumeur unique < 2 cm' },
  },
  {
    id: 'liver.hcc-1-3-le-3cm-inoperable', organ: 'liver', label: 'hepatocellular carcinoma, 1 to 3 tumours ≤ 3 cm, ineligible for surgery',
    conditions: [
      { fact: 'tumour', op: 'in', values: ['hepatocellular-carcinoma'], text: 'Carcinome hépatocellulaire' },
      { fact: 'count', op: '>=', value: '1', text: '1 à max 3 tumeurs' },
      { fact: 'count', op: '<=', value: '3', text: '1 à max 3 tumeurs' },
      { fact: 'sizeCm', op: '<=', value: '3', text: '≤ 3 cm' },
      { fact: 'eligibleForSurgery', op: 'is', value: false, text: 'chez un patient inéligible à la chirurgie' },
    ],
    citation: { document: doc, article: art.liver, text: HCC, clause: 'b. 1 à max 3 tumeurs ≤ 3 cm chez un patient inéligible à la chirurgie' },
  },
  {
    id: 'liver.icc-single-le-3cm-inoperable', organ: 'liver', label: 'intrahepatic cholangiocarcinoma, single tumour ≤ 3 cm, ineligible for surgery',
    conditions: [
      { fact: 'tumour', op: 'in', values: ['intrahepatic-cholangiocarcinoma'], text: 'Cholangiocarcinome intrahépatique' },
      { fact: 'count', op: '=', value: '1', text: 'tumeur unique' },
      { fact: 'sizeCm', op: '<=', value: '3', text: '≤ 3 cm' },
      { fact: 'eligibleForSurgery', op: 'is', value: false, text: 'chez un patient inéligible à la chirurgie' },
    ],
    citation: { document: doc, article: art.liver, text: 'Cholangiocarcinome intrahépatique : tumeur unique ≤ 3 cm chez un patient inéligible à la chirurgie' },
  },
  {
    id: 'liver.colorectal-metastases', organ: 'liver', label: 'colorectal liver metastases, at most 5, each ≤ 3 cm',
    conditions: [
      { fact: 'tumour', op: 'in', values: ['colorectal-metastasis'], text: 'Métastase(s) colorectale(s) du foie' },
      { fact: 'count', op: '<=', value: '5', text: 'jusque max 5 métastases' },
      { fact: 'sizeCm', op: '<=', value: '3', text: '≤ 3 cm' },
    ],
    citation: { document: doc, article: art.liver, text: 'Métastase(s) colorectale(s) du foie jusque max 5 métastases ≤ 3 cm' },
  },
  {
    id: 'liver.neuroendocrine-metastases', organ: 'liver', label: 'liver metastases of neuroendocrine tumours, as an alternative to systemic treatment of oligometastases',
    conditions: [
      { fact: 'tumour', op: 'in', values: ['neuroendocrine-metastasis'], text: 'Métastase(s) hépatique(s) de tumeurs neuroendocriniennes' },
      { fact: 'alternativeToSystemic', op: 'is', value: true, text: 'comme alternative au traitement systémique des oligométastases' },
    ],
    citation: { document: doc, article: art.liver, text: 'Métastase(s) hépatique(s) de tumeurs neuroendocriniennes comme alternative au traitement systémique des oligométastases' },
  },
  {
    id: 'liver.oligometastases-other-primary', organ: 'liver', label: 'oligometastases of other primary tumours: at most 3, each < 3 cm',
    conditions: [
      { fact: 'tumour', op: 'in', values: ['metastasis-other-primary'], text: 'd’autres tumeurs primaires' },
      { fact: 'count', op: '<=', value: '3', text: '≤ 3 métastases' },
      { fact: 'sizeCm', op: '<', value: '3', text: 'de < 3 cm' },
    ],
    citation: { document: doc, article: art.liver, text: 'Oligométastases (≤ 3 métastases de < 3 cm) d’autres tumeurs primaires' },
  },
  {
    id: 'lung.primary-t1-le-2cm', organ: 'lung', label: 'primary lung tumour ≤ 2 cm, T1a or T1b, contra-indication to surgery or stereotactic radiotherapy',
    conditions: [
      { fact: 'tumour', op: 'in', values: ['primary-lung-tumour'], text: 'Tumeur pulmonaire primaire' },
      { fact: 'sizeCm', op: '<=', value: '2', text: '(≤ 2 cm)' },
      { fact: 'tStage', op: 'in', values: ['T1a', 'T1b'], text: 'de stade TNM T1 (T1a ou T1b)' },
      {
        any: [
          { fact: 'eligibleForSurgery', op: 'is', value: false },
          { fact: 'eligibleForSbrt', op: 'is', value: false },
        ],
        text: 'lorsqu’il existe une contre-indication à la chirurgie ou à la radiothérapie stéréotaxique (RST)',
      },
    ],
    citation: { document: doc, article: art.lung, text: 'Tumeur pulmonaire primaire (≤ 2 cm) de stade TNM T1 (T1a ou T1b) lorsqu’il existe une contre-indication à la chirurgie ou à la radiothérapie stéréotaxique (RST)' },
  },
  {
    id: 'lung.metastases', organ: 'lung', label: 'lung metastases: at most 3, each ≤ 2 cm',
    conditions: [
      { fact: 'tumour', op: 'in', values: ['lung-metastasis'], text: 'Métastases pulmonaires' },
      { fact: 'count', op: '<=', value: '3', text: '≤ 3 métastases' },
      { fact: 'sizeCm', op: '<=', value: '2', text: 'de ≤ 2 cm' },
    ],
    citation: { document: doc, article: art.lung, text: 'Métastases pulmonaires (≤ 3 métastases de ≤ 2 cm) telles que des oligométastases d’un carcinome colorectal par exemple' },
  },
  {
    id: 'bone.benign', organ: 'bone', label: 'benign bone tumour: osteoid osteoma, osteoblastoma, eosinophilic granuloma, aneurysmal bone cyst, chondroblastoma',
    conditions: [{ fact: 'tumour', op: 'in', values: ['osteoid-osteoma', 'osteoblastoma', 'eosinophilic-granuloma', 'aneurysmal-bone-cyst', 'chondroblastoma'], text: BENIGN }],
    citation: { document: doc, article: art.bone, text: BENIGN },
  },
  {
    id: 'bone.slow-growing-malignant', organ: 'bone', label: 'slow-growing malignant bone tumour < 3 cm, ineligible for surgery',
    conditions: [
      { fact: 'tumour', op: 'in', values: ['slow-growing-malignant'], text: 'Tumeur maligne à croissance lente' },
      { fact: 'sizeCm', op: '<', value: '3', text: '(< 3 cm)' },
      { fact: 'eligibleForSurgery', op: 'is', value: false, text: 'chez les patients inéligibles à la chirurgie' },
    ],
    citation: { document: doc, article: art.bone, text: 'Tumeur maligne à croissance lente (< 3 cm) chez les patients inéligibles à la chirurgie' },
  },
  {
    id: 'bone.palliative', organ: 'bone', label: 'palliative pain control and volume reduction of a tumour progressing near critical structures',
    conditions: [
      { fact: 'palliative', op: 'is', value: true, text: 'Contrôle palliatif de la douleur et réduction de volume' },
      { fact: 'nearCriticalStructures', op: 'is', value: true, text: 'en cas de progression de la tumeur près de structures critiques' },
    ],
    citation: { document: doc, article: art.bone, text: 'Contrôle palliatif de la douleur et réduction de volume en cas de progression de la tumeur près de structures critiques (principalement en cas de lésions spinales)' },
  },
  {
    id: 'bone.combined-treatment', organ: 'bone', label: 'in combination with other treatment (e.g. prevention/treatment of pathological fractures)',
    conditions: [{ fact: 'combinedTreatment', op: 'is', value: true, text: 'En combinaison avec d’autres traitements' }],
    citation: { document: doc, article: art.bone, text: 'En combinaison avec d’autres traitements tels que la prévention/le traitement de fractures pathologiques (ablation de la tumeur et prévention/traitement d’une fracture avec du ciment par exemple)' },
  },
];

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

function givenOf(facts: ClinicalFacts, f: FactName): string | null {
  const v = facts[f];
  if (v === undefined) return null;
  if (typeof v === 'object') return fmtShort(v);
  return String(v);
}

function describe(c: Condition): string {
  if ('any' in c) return 'one of: ' + c.any.map(describe).join(' | ');
  const name = FACT_LABEL[c.fact];
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
  const v = facts[c.fact];
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
      ok = c.op === '<' ? k < 0 : c.op === '<=' ? k <= 0 : c.op === '=' ? k === 0 : k >= 0;
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

/** Walks the table for the organ of the facts. */
export function matchIndication(facts: ClinicalFacts, table: readonly Indication[] = INDICATIONS): IndicationAnswer {
  const results = table.filter((i) => i.organ === facts.organ).map((i) => evaluateIndication(i, facts));
  const matched = results.filter((r) => r.result === 'true');
  const undecided = results.filter((r) => r.result === 'unknown');
  const rejected = results.filter((r) => r.result === 'false');
  const factsOut: Record<string, string | number | boolean> = { organ: facts.organ };
  for (const k of Object.keys(FACT_LABEL) as FactName[]) {
    const v = facts[k];
    if (v !== undefined) factsOut[k] = typeof v === 'object' ? fmtShort(v) : v;
  }
  if (matched.length) {
    return {
      facts: factsOut, outcome: 'listed', matched, undecided, rejected,
      message: `listed in Art. 3: ${matched.map((m) => `${m.label} [${m.citation.article}${m.citation.clause ? `, ${m.citation.clause.slice(0, 2)}` : ''}]`).join('; ')}`,
      requirement: null,
    };
  }
  if (undecided.length) {
    const need = [...new Set(undecided.flatMap((u) => u.missing))].map((f) => FACT_LABEL[f as FactName] ?? f);
    return {
      facts: factsOut, outcome: 'undecided', matched, undecided, rejected,
      message: `undecided: no indication of Art. 3 matches the facts given, but ${undecided.length} could with more facts (${need.join(', ')}); if none applies, the COM/CM must justify in writing with a reference to published guidelines`,
      requirement: CITE.ablationNotListed,
    };
  }
  return {
    facts: factsOut, outcome: 'not-listed', matched, undecided, rejected,
    message: 'not listed: the COM/CM must justify in writing with a reference to published guidelines (the most recent international guidelines published in a peer-reviewed journal)',
    requirement: CITE.ablationNotListed,
  };
}

/** A fact that is wrong in the input; `field` names it. */
export class FactsError extends Error {
  constructor(readonly field: string, message: string) {
    super(`${field}: ${message}`);
  }
}

const BOOL_FACTS: readonly BoolFact[] = ['eligibleForSurgery', 'eligibleForSbrt', 'singleKidney', 'alternativeToSystemic', 'palliative', 'nearCriticalStructures', 'combinedTreatment'];

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
export function readFacts(input: Record<string, unknown>): ClinicalFacts {
  const known = new Set(['organ', ...Object.keys(FACT_LABEL)]);
  for (const k of Object.keys(input)) if (input[k] !== undefined && !known.has(k)) throw new FactsError(k, `unknown fact (known: ${[...known].join(', ')})`);
  const organ = input.organ;
  if (organ === undefined) throw new FactsError('organ', 'missing (kidney, liver, lung or bone)');
  if (typeof organ !== 'string' || !Object.hasOwn(TUMOURS, organ)) throw new FactsError('organ', `${JSON.stringify(organ)} is not one of kidney, liver, lung, bone`);
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
    out.push(`  undecided ${u.id}: missing ${u.missing.map((f) => FACT_LABEL[f as FactName] ?? f).join(', ')}`);
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
