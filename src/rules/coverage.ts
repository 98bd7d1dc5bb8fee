/**
 * Coverage: every normative sentence of the corpus (all rule texts plus the documents'
 * `unparsed` entries), with the rules that encode it, or the reason none can (curated in
 * rules/*.yaml: compliance report, definition, procedure, …). The goal is 100 % accounted for.
 * `nomen rules --coverage` prints it.
 */
import type { ParsedDocument } from '../facts.js';
import { buildRuleSet, type RuleSet } from './builtin.js';
import { fold, sentences } from './extract/sentences.js';
import type { CoverageReason } from './model-schema.js';
import { squash } from '../text.js';

export type CoverageStatus = 'encoded' | 'explained' | 'unaccounted';

export interface CoverageEntry {
  document: string;
  /** RuleText id, or `unparsed:<n>` for the document's unparsed entries. */
  source: string;
  where: string;
  text: string;
  status: CoverageStatus;
  rules: string[];
  reason: { category: CoverageReason['category']; reason: string } | null;
}

export interface CoverageTotals {
  sentences: number;
  encoded: number;
  explained: number;
  unaccounted: number;
  /** Percentage accounted for (encoded + explained), one decimal. */
  accounted: number;
}

export interface CoverageReport {
  entries: CoverageEntry[];
  totals: CoverageTotals;
  byDocument: Record<string, CoverageTotals>;
}

const norm = (s: string) => fold(squash(s));

function totalsOf(entries: readonly CoverageEntry[]): CoverageTotals {
  const t = { sentences: entries.length, encoded: 0, explained: 0, unaccounted: 0, accounted: 0 };
  for (const e of entries) t[e.status]++;
  t.accounted = t.sentences ? Math.round(((t.encoded + t.explained) * 1000) / t.sentences) / 10 : 100;
  return t;
}

/** The coverage of `documents` by a rule set (built from the same documents by default). */
export function coverage(documents: readonly ParsedDocument[], ruleSet: RuleSet = buildRuleSet(documents)): CoverageReport {
  // citations by document, normalised
  const cites = new Map<string, { rule: string; text: string }[]>();
  for (const r of ruleSet.rules) {
    for (const c of [r.citation, ...(r.alsoCited ?? [])]) {
      const list = cites.get(c.document) ?? [];
      list.push({ rule: r.id, text: norm(c.text) });
      cites.set(c.document, list);
    }
  }
  const entries: CoverageEntry[] = [];
  for (const doc of documents) {
    const reasons = ruleSet.curated.coverage.filter((c) => c.document === doc.id || c.document === doc.convention);
    const docCites = cites.get(doc.id) ?? [];
    const texts = [
      ...doc.rules.map((rt) => ({ source: rt.id, where: rt.article, text: rt.text })),
      ...doc.unparsed.map((u, i) => ({ source: `unparsed:${i}`, where: u.where, text: u.text })),
    ];
    for (const t of texts) {
      for (const sentence of sentences(t.text)) {
        const s = norm(sentence);
        const rules = [...new Set(docCites.filter((c) => c.text.includes(s) || s.includes(c.text)).map((c) => c.rule))];
        const reason = reasons.find((r) => s.includes(norm(r.match))) ?? null;
        const status: CoverageStatus = rules.length ? 'encoded' : reason ? 'explained' : 'unaccounted';
        entries.push({
          document: doc.id,
          source: t.source,
          where: t.where,
          text: sentence,
          status,
          rules,
          reason: reason ? { category: reason.category, reason: reason.reason } : null,
        });
      }
    }
  }
  const byDocument: Record<string, CoverageTotals> = {};
  for (const doc of documents) byDocument[doc.id] = totalsOf(entries.filter((e) => e.document === doc.id));
  return { entries, totals: totalsOf(entries), byDocument };
}
