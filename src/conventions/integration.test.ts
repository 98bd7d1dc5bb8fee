/** The conventions module against the built-in corpus, parsed and consolidated in memory. */
import { describe, expect, test } from 'vitest';
import { builtinDocuments, builtinNomenclature } from '../nomenclature/index.js';
import { complianceReport, parseClaimLines } from './compliance.js';
import { derivedData, derivedValues } from './derived.js';
import { indicationTable } from './indications.js';

/** The rows of the curated table of the built-in ablation convention (rules/indications/). */
const INDICATIONS = indicationTable('percutaneous-tumour-ablation').indications;
import { checkQuote, readQuoteCase } from './quotes.js';
import { conventionRecord } from './registry.js';
import type { Citation } from './sources.js';
import { staffingCriteria } from './staffing.js';

const STAFFING_CRITERIA = staffingCriteria();
import { generateClaims, toNdjson } from './test-support.js';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('document ids', () => {
  test('the ids of the citations are those of the built-in documents', () => {
    const docs = builtinDocuments();
    expect(docs.find((d) => d.convention === 'percutaneous-tumour-ablation')?.id).toBe('conv-fc467a2e32d3c4b9');
    expect(docs.find((d) => d.convention === 'breast-reconstruction')?.id).toBe('conv-587d207f7f422251');
    expect(docs.some((d) => d.id === '1994022370')).toBe(true);
    const d = derivedData();
    for (const c of [...d.thresholds.map((t) => t.source), ...d.covers.map((x) => x.source)]) expect(docs.some((x) => x.id === c.document), c.document).toBe(true);
  });

  test('the convention dates the parser reads agree with the registry\'s terms', () => {
    const abl = builtinDocuments().find((d) => d.id === 'conv-fc467a2e32d3c4b9')!;
    expect([abl.dates.entryIntoForce, abl.dates.validUntil]).toEqual(['2024-11-01', '2029-10-31']);
  });
});

describe('citations against the parsed sentences', () => {
  const cites: [string, Citation][] = [
    ...derivedData().thresholds.flatMap((t) => [[t.id, t.source] as [string, Citation], ...t.notes.map((n) => [`${t.id}.${n.code}`, n.source] as [string, Citation])]),
    ...derivedData().covers.map((c) => [c.id, c.source] as [string, Citation]),
    ...INDICATIONS.map((i) => [i.id, i.citation] as [string, Citation]),
    ...STAFFING_CRITERIA.map((s) => [s.id, s.citation] as [string, Citation]),
  ];
  // Sentences the parsers read as dates or as a table heading, not as rules: checked against the raw text only (sources.test.ts).
  const notSentences = new Set(['ablationEntryIntoForce', 'ablationValidUntil', 'anaesthesia-k400', 'breastEffect']);
  test.each(cites.filter(([k]) => !notSentences.has(k)))('%s is inside a sentence of the document, under the same article', (_k, c) => {
    const d = builtinDocuments().find((x) => x.id === c.document)!;
    const sentences = [...d.rules.map((r) => ({ article: r.article, text: r.text })), ...d.unparsed.map((u) => ({ article: u.where, text: u.text }))];
    const hit = sentences.find((s) => squash(s.text).includes(c.text));
    expect(hit, c.text).toBeDefined();
    expect(hit!.article.replace(/^Art\. /, '')).toBe(c.article.replace(/^Art\. /, ''));
  });
});

describe('derived values on the built-in nomenclature', () => {
  const nom = builtinNomenclature();
  test('587134 (I 633, I = 2.801231): surgical assistance I 63.3 = 177.32 EUR; anaesthesia category ≥ I 600', () => {
    const d = derivedValues(nom, '587134', '2024-12-01');
    expect([d.keyLetter, d.relativeValue, d.coefficient]).toEqual(['I', '633', '2.801231']);
    expect([d.surgicalAssistance.status, d.surgicalAssistance.value, d.surgicalAssistance.fee]).toEqual(['applies', 'I 63.3', '177.32']);
    expect(d.anaesthesia.status).toBe('applies');
  });
  test('587193 (I 601): both thresholds, 1 above I 600', () => {
    const d = derivedValues(nom, '587193', '2024-12-01');
    expect([d.surgicalAssistance.value, d.surgicalAssistance.fee, d.anaesthesia.status]).toEqual(['I 60.1', '168.35', 'applies']);
  });
  test('432471 inserted 1995-01-01 at K 120: exactly the threshold', () => {
    const d = derivedValues(nom, '432471', '1995-02-01');
    expect([d.relativeValue, d.surgicalAssistance.status, d.surgicalAssistance.value, d.anaesthesia.status]).toEqual(['120', 'applies', 'K 12', 'does-not-apply']);
  });
  test('317295: K 450 before 1995 (assistance rule unknown then), K 500 after', () => {
    const before = derivedValues(nom, '317295', '1994-06-01');
    expect([before.relativeValue, before.surgicalAssistance.status, before.anaesthesia.status]).toEqual(['450', 'unknown', 'applies']);
    const after = derivedValues(nom, '317295', '1995-06-01');
    expect([after.relativeValue, after.surgicalAssistance.status, after.surgicalAssistance.value]).toEqual(['500', 'applies', 'K 50']);
  });
  test('355751 (K 50 from 1995): below K 120', () => {
    expect(derivedValues(nom, '355751', '1995-06-01').surgicalAssistance.status).toBe('does-not-apply');
  });
  test('252652 (breast reconstruction, K 1517): the fee covers the assistance', () => {
    const d = derivedValues(nom, '252652', '2020-01-01');
    expect([d.surgicalAssistance.status, d.anaesthesia.status]).toEqual(['does-not-apply', 'applies']);
  });
});

describe('reports with the built-in nomenclature', () => {
  const centre = { id: 'H-1', name: null, conventions: [conventionRecord({ convention: 'percutaneous-tumour-ablation' }), conventionRecord({ convention: 'breast-reconstruction', signed: '2016-11-15' })] };
  test('breast supplements are checked against the fees of the convention', () => {
    const lines = parseClaimLines(toNdjson(generateClaims({ seed: 3, institution: 'H-1', start: '2024-11-01', ablationsPerYear: [], breast: { from: '2018-01-01', to: '2020-12-31', interventions: 40, withSupplement: 15, overCap: 2 } })));
    const r = complianceReport(centre, lines, { from: '2018-01-01', to: '2020-12-31' }, { nomenclature: builtinNomenclature() });
    const cap = r.figures.find((f) => f.id === 'breast.supplement-cap')!;
    expect([cap.status, cap.counts.checked, cap.counts.over]).toEqual(['fail', 15, 2]);
    expect(r.figures.find((f) => f.id === 'breast.share-without-supplement')!.value).toBe('62.50');
  });
  test('a quote for a bilateral reconstruction: cap 4693.06', () => {
    const c = readQuoteCase({ intervention: '2021-03-10', codes: ['252674'], room: 'single', quote: { date: '2021-03-01', supplement: '4693.07' } });
    const r = checkQuote(c, builtinNomenclature());
    expect(r.checks.find((x) => x.id === 'supplement.cap')).toMatchObject({ status: 'fail', threshold: '≤ 4693.06 (100 % of the fee, nomenclature fee on 2021-03-10)' });
  });
});
