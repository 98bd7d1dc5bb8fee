/** The rule set of the built-in corpus: every citation checked, every sentence accounted for. */
import { describe, expect, it } from 'vitest';
import type { ParsedDocument } from '../facts.js';
import { builtinDocuments, builtinFiles } from '../nomenclature/index.js';
import { squash } from '../text.js';
import { buildRuleSet, GENERIC_RULES } from './builtin.js';
import { coverage } from './coverage.js';
import { fold } from './extract/sentences.js';

const docs = builtinDocuments();
const set = buildRuleSet(docs);

/** Every text a parsed document holds: rule texts, unparsed sentences, labels, headings, amendments, fee rows. */
function textsOf(d: ParsedDocument): string[] {
  const out: string[] = [];
  for (const r of d.rules) out.push(r.text, r.provenance.text);
  for (const u of d.unparsed) out.push(u.text);
  for (const s of d.services) out.push(s.label ?? '', s.heading ?? '', s.provenance.text);
  for (const f of d.fees) out.push(f.provenance.text);
  for (const a of d.amendments) {
    out.push(a.provenance.text);
    if (a.op === 'insert-service') out.push(a.service.label ?? '', a.service.heading ?? '');
    if (a.op === 'change-label') out.push(a.label);
    if (a.op === 'insert-rule' || a.op === 'replace-rule') out.push(a.text);
    if (a.op === 'replace-text') out.push(a.new);
  }
  return out.map(squash).filter(Boolean);
}

describe('built-in rule set', () => {
  it('compiles (every rule\'s parameters valid for its kind) with unique ids', () => {
    expect(set.index.rules.length).toBe(set.rules.length);
    expect(new Set(set.rules.map((r) => r.id)).size).toBe(set.rules.length);
  });

  it('cites, for every rule, a document of the corpus and a sentence that occurs in it', () => {
    const byId = new Map(docs.map((d) => [d.id, textsOf(d)]));
    const raw = new Map(builtinFiles().map((f) => [f.file, squash(f.raw)]));
    for (const r of set.rules) {
      if (r.origin === 'builtin') continue;
      for (const c of [r.citation, ...(r.alsoCited ?? [])]) {
        const texts = byId.get(c.document);
        expect(texts, `${r.id}: document ${c.document}`).toBeDefined();
        expect(c.article, `${r.id}: article`).not.toBe('');
        const t = squash(c.text);
        expect(t.length, `${r.id}: citation text`).toBeGreaterThan(20);
        const found = texts!.some((x) => x.includes(t)) || [...raw.values()].some((x) => x.includes(t));
        expect(found, `${r.id}: "${t}" not found in ${c.document}`).toBe(true);
      }
    }
  });

  it('has rules of every kind, extracted and curated, and validity periods of their documents', () => {
    const kinds = new Set(set.rules.map((r) => r.kind));
    for (const k of ['frequency', 'interval', 'non-cumulation', 'prerequisite', 'approval', 'provider', 'patient', 'place', 'document', 'tier', 'warning', 'indication', 'setting', 'unknown-code', 'not-in-force']) {
      expect(kinds.has(k as never), k).toBe(true);
    }
    expect(set.extraction.rules.length).toBeGreaterThan(40);
    expect(set.curated.rules.length).toBeGreaterThan(5);
    for (const r of set.rules) {
      if (r.id.startsWith('rd1994-')) expect(r.validity).toEqual({ from: '1995-01-01', to: null });
      if (r.id.startsWith('ablation-')) expect(r.validity).toEqual({ from: '2024-11-01', to: '2029-10-31' });
      if (r.id.startsWith('breast-')) expect(r.validity.from).toBe('2016-11-01');
    }
    expect(GENERIC_RULES.map((r) => r.kind)).toEqual(['unknown-code', 'not-in-force', 'setting', 'plausibility', 'plausibility']);
  });

  it.each([
    ['rd1994-474633-once-per-day', 'frequency'],
    ['rd1994-474552-once-per-year', 'frequency'],
    ['rd1994-474530-not-with-211013', 'non-cumulation'],
    ['rd1994-474541-one-of-group-per-stay', 'non-cumulation'],
    ['rd1994-474541-interval-2-months', 'interval'],
    ['rd1994-477374-once-per-year', 'frequency'],
    ['rd1994-558633-once-per-year', 'frequency'],
    ['rd1994-598006-not-cumulable-among', 'non-cumulation'],
    ['rd1994-599465-once-per-7-day-period', 'frequency'],
    ['rd1994-599465-requires-599443', 'prerequisite'],
    ['ablation-587134-once-per-day', 'frequency'],
    ['ablation-587134-interval-3-months-per-lesion', 'interval'],
    ['breast-252652-once-per-side', 'frequency'],
    ['breast-252674-requires-2-of-227636', 'prerequisite'],
    ['breast-252696-approval-college', 'approval'],
  ])('extracts %s (%s)', (id, kind) => {
    const r = set.rules.find((x) => x.id === id);
    expect(r?.kind).toBe(kind);
    expect(r?.origin).toBe('extracted');
  });

  it('keeps a rule the act states twice once, citing both sentences', () => {
    const r = set.rules.find((x) => x.id === 'rd1994-474541-one-of-group-per-stay')!;
    expect(r.alsoCited?.length).toBe(1);
    expect(r.citation.article).toBe('Art. 7, 2°, g)');
    expect(r.alsoCited![0].article).toBe('Art. 7, 4°, d)');
  });
});

describe('coverage', () => {
  const report = coverage(docs, set);
  it('accounts for 100 % of the normative sentences', () => {
    const missing = report.entries.filter((e) => e.status === 'unaccounted').map((e) => `${e.document} ${e.where}: ${e.text}`);
    expect(missing).toEqual([]);
    expect(report.totals.accounted).toBe(100);
    expect(report.totals.encoded).toBeGreaterThan(40);
  });
  it('every curated coverage reason matches a sentence (no stale entries)', () => {
    const sentences = report.entries.map((e) => fold(e.text));
    const stale = set.curated.coverage.filter((c) => !sentences.some((s) => s.includes(fold(c.match)))).map((c) => c.match);
    expect(stale).toEqual([]);
  });
  it('an encoded sentence names rules that exist', () => {
    const ids = new Set(set.rules.map((r) => r.id));
    for (const e of report.entries) for (const id of e.rules) expect(ids.has(id)).toBe(true);
  });
});
