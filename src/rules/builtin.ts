/**
 * The rule set of a corpus: the generic checks, the rules extracted from the documents'
 * sentences, and the curated rules of rules/*.yaml; compiled once into the index.
 */
import type { ParsedDocument } from '../facts.js';
import { loadCurated, parseCuratedFiles, type CuratedFile, type CuratedSet } from './curated.js';
import { extractRules, type Extraction } from './extract/index.js';
import { compileRules, type RuleIndex } from './registry.js';
import type { Rule } from './types.js';

const NOMEN = 'nomen';

/** The checks every line goes through. Their reasons cite the act behind the code's state when there is one. */
export const GENERIC_RULES: readonly Rule[] = [
  {
    id: 'nomen-code-known',
    kind: 'unknown-code',
    validity: { from: null, to: null },
    scope: {},
    params: {},
    exceptions: [],
    citation: {
      document: NOMEN,
      article: 'code',
      text: 'A nomenclature code has six digits, the sixth being the first five modulo 7, and must be defined or named by an act of the corpus.',
    },
    origin: 'builtin',
    convention: null,
  },
  {
    id: 'nomen-code-in-force',
    kind: 'not-in-force',
    validity: { from: null, to: null },
    scope: {},
    params: {},
    exceptions: [],
    citation: { document: NOMEN, article: 'code', text: 'A service is reimbursable only on the dates its code is in force (inserted and not deleted).' },
    origin: 'builtin',
    convention: null,
  },
  {
    id: 'nomen-code-setting',
    kind: 'setting',
    validity: { from: null, to: null },
    scope: {},
    params: {},
    exceptions: [],
    citation: {
      document: NOMEN,
      article: 'code',
      text: 'Of an ambulatory/hospitalised pair, the ambulatory code is billed without a stay and the hospitalised code during a stay.',
    },
    origin: 'builtin',
    convention: null,
  },
  {
    id: 'nomen-born-before-service',
    kind: 'plausibility',
    validity: { from: null, to: null },
    scope: {},
    params: { check: 'birth' },
    exceptions: [],
    citation: { document: NOMEN, article: 'request', text: 'A service is provided to a beneficiary who is born: a line dated before the birth date has a wrong date.' },
    origin: 'builtin',
    convention: null,
  },
  {
    id: 'nomen-stay-admitted-before-service',
    kind: 'plausibility',
    validity: { from: null, to: null },
    scope: {},
    params: { check: 'admission' },
    exceptions: [],
    citation: { document: NOMEN, article: 'request', text: 'A line of a stay is dated on or after the admission day of the stay: a line dated before it has a wrong date.' },
    origin: 'builtin',
    convention: null,
  },
];

export interface RuleSet {
  rules: Rule[];
  index: RuleIndex;
  extraction: Extraction;
  curated: CuratedSet;
}

/**
 * The rules of the given documents (generic + extracted + curated), as data: not compiled. The
 * curated rules are those of `curated` (a folder, the package's rules/ by default, or the files
 * a database holds).
 */
export function collectRules(documents: readonly ParsedDocument[], curated?: string | readonly CuratedFile[]): Omit<RuleSet, 'index'> {
  const extraction = extractRules(documents);
  return withCurated(documents, extraction, typeof curated === 'object' ? parseCuratedFiles(curated, documents) : loadCurated(documents, curated));
}

function withCurated(documents: readonly ParsedDocument[], extraction: Extraction, curated: CuratedSet): Omit<RuleSet, 'index'> {
  return { rules: [...GENERIC_RULES, ...extraction.rules, ...curated.rules], extraction, curated };
}

/** Builds the rule set of the given documents (extracted + curated + generic) and compiles it. */
export function buildRuleSet(documents: readonly ParsedDocument[], curated?: string | readonly CuratedFile[]): RuleSet {
  const set = collectRules(documents, curated);
  return { ...set, index: compileRules(set.rules) };
}
