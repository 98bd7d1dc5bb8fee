/**
 * An extraction pattern: one recurring phrasing of the acts, turned into rule drafts.
 * Patterns are tried on every clause (a sentence split at semicolons) of every rule text;
 * several may match one clause (a frequency and a prerequisite in one sentence).
 */
import type { ParsedDocument, RuleText } from '../../facts.js';
import type { CodeRef, Exception, RuleKindName } from '../types.js';
import { readCodes, type ReadRef } from './sentences.js';

export interface Clause {
  document: ParsedDocument;
  ruleText: RuleText;
  /** The original sentence (what the rule cites). */
  sentence: string;
  /** The original clause. */
  text: string;
  /** The clause folded (lower case, no accents). */
  folded: string;
  /** The whole rule text, folded (context such as a motivation clause in the next sentence). */
  context: string;
  /** The codes the previous sentence names as its subject ("ces prestations"). */
  previous: CodeRef | null;
}

export interface Draft {
  kind: RuleKindName;
  /** Last part of the id: `once-per-day`, `requires-227636` … */
  slug: string;
  scope: CodeRef;
  params: unknown;
  exceptions?: Exception[];
  interpretation?: string;
}

export interface ExtractionPattern {
  id: string;
  description: string;
  /** Phrasings the pattern is meant to read (the tests run them, with variants). */
  examples: string[];
  match(c: Clause): Draft[] | null;
}

/** Where the subject of a clause ends: its first verb. */
const VERB = /\s(?:ne |n')?(?:peu(?:t|vent)|doi(?:t|vent)|est|sont|entre(?:nt)?|couvre(?:nt)?|concerne(?:nt)?)\b/;

/** The subject phrase of a folded clause (text before its first verb), or the whole clause. */
export function subjectPhrase(folded: string): string {
  const m = VERB.exec(folded);
  return m ? folded.slice(0, m.index) : folded;
}

/** The subject codes of a clause; "ces prestations" refers to the previous sentence. */
export function subjectOf(c: Clause): ReadRef | null {
  const r = readCodes(subjectPhrase(c.folded));
  if (!r.empty) return r;
  if (/\bces prestations\b/.test(c.folded) && c.previous) return { ref: c.previous, notes: ['"ces prestations": the services of the previous sentence'], empty: false };
  return null;
}

/** Exceptions stated in a clause. */
const EXCEPTIONS: { re: RegExp; exception: Exception; note?: string }[] = [
  { re: /sauf (?:l')?accord prealable du medecin[- ]conseil/, exception: { approval: { by: ['medical-adviser'] } } },
  { re: /sauf (?:l')?accord prealable du college des medecins[- ]directeurs/, exception: { approval: { by: ['college-of-medical-directors'] } } },
  { re: /a moins qu'une motivation figure dans le dossier medical/, exception: { document: 'motivation' } },
  {
    re: /sauf pour le beneficiaire chez lequel la prestation .{0,40}a prouve la presence d'une pathologie .{0,40}monitoring apneique/,
    exception: { document: 'apnoea-pathology-proven' },
    note: 'the exception (a pathology requiring apnoea monitoring proven by this service) is shown by the document "apnoea-pathology-proven" on the line',
  },
];

export function exceptionsOf(folded: string): { exceptions: Exception[]; notes: string[] } {
  const exceptions: Exception[] = [];
  const notes: string[] = [];
  for (const e of EXCEPTIONS) if (e.re.test(folded)) { exceptions.push(e.exception); if (e.note) notes.push(e.note); }
  return { exceptions, notes };
}

/** The part of a clause before its exception ("…, sauf …"). */
export function beforeException(folded: string): string {
  const i = folded.search(/\bsauf\b|\ba moins que?\b/);
  return i < 0 ? folded : folded.slice(0, i);
}

export function joinNotes(...notes: (string | undefined | null | string[])[]): string | undefined {
  const all = notes.flat().filter((n): n is string => !!n);
  return all.length ? all.join('; ') : undefined;
}

/** What a simple frequency pattern fixes: its phrasing and the draft it gives. */
export interface FrequencyPhrasing {
  id: string;
  description: string;
  examples: string[];
  re: RegExp;
  slug: string;
  params: Record<string, unknown>;
  interpretation: string;
}

/** A pattern whose phrasing alone fixes a frequency limit on the clause's subject codes. */
export function frequencyPattern(f: FrequencyPhrasing): ExtractionPattern {
  return {
    id: f.id,
    description: f.description,
    examples: f.examples,
    match(c) {
      if (!f.re.test(c.folded)) return null;
      const subject = subjectOf(c);
      if (!subject) return null;
      return [{ kind: 'frequency', slug: f.slug, scope: subject.ref, params: f.params, interpretation: joinNotes(f.interpretation, subject.notes) }];
    },
  };
}
