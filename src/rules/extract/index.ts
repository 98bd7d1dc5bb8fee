/**
 * Extraction: rule texts (and unparsed sentences) of the parsed documents → typed rules.
 * Every clause of every sentence is offered to every pattern; drafts become rules with a
 * stable id (`<document prefix>-<first code>-<slug>`), the document's validity, and the
 * citation of the sentence. A rule stated twice by the act (same kind, scope, parameters)
 * is kept once, with the other sentences in `alsoCited`.
 */
import { firstOfMonthAfter } from '../../date.js';
import type { ParsedDocument, RuleText } from '../../facts.js';
import { squash } from '../../text.js';
import type { Citation, Rule, Validity } from '../types.js';
import { PATTERNS } from './patterns/index.js';
import type { Clause, Draft, ExtractionPattern } from './pattern.js';
import { clauses, firstCode, fold, readCodes, sentences } from './sentences.js';
import { subjectPhrase } from './pattern.js';
import { LABEL_PATTERNS, labelsOf, type LabelPattern } from './labels.js';

export { LABEL_PATTERNS, labelsOf, ordinalWords, specialtyOf, type LabelPattern, type LabelText } from './labels.js';

export type { Clause, Draft, ExtractionPattern } from './pattern.js';
export { PATTERNS } from './patterns/index.js';
export { sentences, clauses, readCodes } from './sentences.js';

const CONVENTION_PREFIX: Record<string, string> = {
  'percutaneous-tumour-ablation': 'ablation',
  'breast-reconstruction': 'breast',
};

/** The id prefix of a document's rules: `rd1994` for the royal decree of 1994, `ablation`, `breast`. */
export function documentPrefix(doc: ParsedDocument): string {
  if (doc.kind === 'royal-decree') return `rd${(doc.dates.signed ?? doc.id).slice(0, 4)}`;
  if (doc.convention) return (Object.hasOwn(CONVENTION_PREFIX, doc.convention) ? CONVENTION_PREFIX[doc.convention] : undefined) ?? doc.convention;
  return doc.id;
}

/** The period a document's rules are valid: its entry into force (or the earliest date it can have) to its end. */
export function documentValidity(doc: ParsedDocument): { validity: Validity; note?: string } {
  const d = doc.dates;
  if (d.entryIntoForce) return { validity: { from: d.entryIntoForce, to: d.validUntil } };
  if (d.version) {
    const from = firstOfMonthAfter(d.version, 1);
    return {
      validity: { from, to: d.validUntil },
      note: `the document takes effect on a date it does not give (${d.entryIntoForceBasis}); its rules apply from ${from}, the earliest possible date after its version of ${d.version}; the institution's own convention period is checked by the place rule`,
    };
  }
  return { validity: { from: d.signed ?? d.published, to: d.validUntil } };
}

export interface ExtractionMatch {
  document: string;
  /** RuleText id, or `unparsed:<n>`. */
  source: string;
  sentence: string;
  pattern: string;
  rule: string;
}

export interface Extraction {
  rules: Rule[];
  matches: ExtractionMatch[];
}

function stableKey(d: { kind: string; scope: unknown; params: unknown; exceptions?: unknown; validity: unknown }): string {
  return JSON.stringify([d.kind, d.scope, d.params, d.exceptions ?? [], d.validity]);
}

/** The rule texts of a document, plus its unparsed sentences (a parser may not have recognised a rule). */
function textsOf(doc: ParsedDocument): { id: string; rt: RuleText }[] {
  const out = doc.rules.map((rt) => ({ id: rt.id, rt }));
  doc.unparsed.forEach((u, i) => {
    out.push({ id: `unparsed:${i}`, rt: { id: `${doc.id}:unparsed:${i}`, article: u.where, text: u.text, codes: [], ranges: [], provenance: { document: doc.id, article: u.where, span: null, text: u.text } } });
  });
  return out;
}

/** Runs the patterns over one text; returns the clauses' drafts with the sentence each came from. */
export function draftsOf(
  doc: ParsedDocument,
  rt: RuleText,
  patterns: readonly ExtractionPattern[] = PATTERNS,
  carried: { previous: Clause['previous'] } = { previous: null },
): { sentence: string; pattern: string; draft: Draft }[] {
  const out: { sentence: string; pattern: string; draft: Draft }[] = [];
  const context = fold(squash(rt.text));
  let previous: Clause['previous'] = carried.previous;
  for (const sentence of sentences(rt.text)) {
    for (const text of clauses(sentence)) {
      const clause: Clause = { document: doc, ruleText: rt, sentence, text, folded: fold(text), context, previous };
      for (const p of patterns) {
        const drafts = p.match(clause);
        if (drafts) for (const draft of drafts) out.push({ sentence, pattern: p.id, draft });
      }
    }
    const subj = readCodes(subjectPhrase(fold(sentence)));
    if (!subj.empty) previous = subj.ref;
  }
  carried.previous = previous;
  return out;
}

/** Extracts the rules of the documents. */
export function extractRules(
  documents: readonly ParsedDocument[],
  patterns: readonly ExtractionPattern[] = PATTERNS,
  labelPatterns: readonly LabelPattern[] = LABEL_PATTERNS,
): Extraction {
  const rules: Rule[] = [];
  const matches: ExtractionMatch[] = [];
  const byKey = new Map<string, Rule>();
  const ids = new Set<string>();
  for (const doc of documents) {
    const prefix = documentPrefix(doc);
    const { validity, note: validityNote } = documentValidity(doc);
    // "ces prestations" may refer to the previous sentence of the same article, in another rule text
    const carried: { previous: Clause['previous'] } = { previous: null };
    /** A rule of this document from a draft, with a unique id (`<prefix>-<first code>-<slug>[-n]`). */
    const newRule = (draft: Draft, scope: Draft['scope'], citation: Citation, pattern: string): Rule => {
      let id = `${prefix}-${firstCode(draft.scope)}-${draft.slug}`;
      for (let n = 2; ids.has(id); n++) id = `${prefix}-${firstCode(draft.scope)}-${draft.slug}-${n}`;
      ids.add(id);
      const interpretation = [draft.interpretation, validityNote].filter(Boolean).join('; ') || undefined;
      return {
        id, kind: draft.kind, validity, scope, params: draft.params, exceptions: draft.exceptions ?? [], citation,
        origin: 'extracted', convention: doc.convention, ...(interpretation ? { interpretation } : {}), pattern,
      };
    };
    let article: string | null = null;
    for (const { id: sourceId, rt } of textsOf(doc)) {
      if (rt.article !== article) { carried.previous = null; article = rt.article; }
      for (const { sentence, pattern, draft } of draftsOf(doc, rt, patterns, carried)) {
        const citation: Citation = { document: doc.id, article: rt.article, text: sentence };
        const key = stableKey({ ...draft, validity });
        const existing = byKey.get(key);
        if (existing) {
          if (existing.citation.text !== sentence && !(existing.alsoCited ?? []).some((c) => c.text === sentence)) {
            (existing.alsoCited ??= []).push(citation);
          }
          matches.push({ document: doc.id, source: sourceId, sentence, pattern, rule: existing.id });
          continue;
        }
        const rule = newRule(draft, draft.scope, citation, pattern);
        byKey.set(key, rule);
        rules.push(rule);
        matches.push({ document: doc.id, source: sourceId, sentence, pattern, rule: rule.id });
      }
    }
    // labels and headings: drafts of one pattern with the same citation and parameters merge their scopes
    const merged = new Map<string, Rule>();
    for (const label of labelsOf(doc)) {
      for (const p of labelPatterns) {
        const drafts = p.match(label);
        if (!drafts) continue;
        for (const draft of drafts) {
          const key = JSON.stringify([p.id, draft.kind, draft.slug, draft.params, label.text]);
          const existing = merged.get(key);
          if (existing) {
            mergeScope(existing, draft);
            continue;
          }
          const rule = newRule(draft, { ...draft.scope }, { document: doc.id, article: label.article, text: label.text }, p.id);
          merged.set(key, rule);
          rules.push(rule);
          matches.push({ document: doc.id, source: `label:${label.article}`, sentence: label.text, pattern: p.id, rule: rule.id });
        }
      }
    }
  }
  return { rules, matches };
}

function mergeScope(rule: Rule, draft: Draft): void {
  const s = rule.scope;
  for (const pr of draft.scope.pairs ?? []) if (!(s.pairs ??= []).some(([a]) => a === pr[0])) s.pairs.push(pr);
  for (const c of draft.scope.codes ?? []) if (!(s.codes ??= []).includes(c)) s.codes.push(c);
}
