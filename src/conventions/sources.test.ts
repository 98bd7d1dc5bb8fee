import { describe, expect, test } from 'vitest';
import { normaliseSourceText, type Citation } from './sources.js';
import { builtinDocuments, builtinFiles } from '../nomenclature/builtin.js';
import { indicationTable, type Condition } from './indications.js';

/** The rows of the curated table of the built-in ablation convention (rules/indications/). */
const INDICATIONS = indicationTable('percutaneous-tumour-ablation').indications;
import { staffingCriteria } from './staffing.js';

const STAFFING_CRITERIA = staffingCriteria();
import { derivedData } from './derived.js';
import { builtinCatalogue } from './catalogue.js';

/** Every built-in document's text in the normal form citations quote, by document id. */
const texts = new Map<string, string>();
const files = builtinFiles();
builtinDocuments().forEach((d, i) => texts.set(d.id, normaliseSourceText(files[i].raw)));
const ABLATION_ID = builtinDocuments().find((d) => d.convention === 'percutaneous-tumour-ablation')!.id;

function conditionTexts(cs: readonly Condition[]): string[] {
  return cs.flatMap((c) => [...(c.text ? [c.text] : []), ...('any' in c ? conditionTexts(c.any) : [])]);
}

/** Every citation the module carries, with a name for the failure message. */
function allCitations(): [string, Citation][] {
  const out: [string, Citation][] = [];
  for (const i of INDICATIONS) out.push([`indication ${i.id}`, i.citation]);
  for (const s of STAFFING_CRITERIA) out.push([`staffing ${s.id}`, s.citation]);
  const derived = derivedData();
  for (const t of derived.thresholds) {
    out.push([`derived ${t.id}`, t.source]);
    if (t.fromSource) out.push([`derived ${t.id} from`, t.fromSource]);
    for (const n of t.notes) out.push([`derived ${t.id} note ${n.code}`, n.source]);
  }
  for (const c of derived.covers) out.push([`derived ${c.id}`, c.source]);
  for (const e of builtinCatalogue().entries) {
    for (const c of e.terms.sources) out.push([`terms ${e.name}`, c]);
    for (const o of e.obligations) for (const c of [o.citation, ...(o.also ?? [])]) out.push([`obligation ${o.id}`, c]);
  }
  return out;
}

describe('citations', () => {
  test('normaliseSourceText undoes the PDF hyphenation and squashes white space', () => {
    expect(normaliseSourceText('des tu-\n\nmeurs  rénales')).toBe('des tumeurs rénales');
    expect(normaliseSourceText('prestations 587134-\n587145 ;')).toBe('prestations 587134-587145 ;');
    expect(normaliseSourceText('ipsi- et hétérolatéral')).toBe('ipsi- et hétérolatéral');
  });

  test.each(allCitations())('%s: its text (and clause) occur verbatim in the document', (_name, c) => {
    const doc = texts.get(c.document);
    expect(doc, `unknown document ${c.document}`).toBeDefined();
    expect(doc!.includes(c.text), `not in ${c.document}: ${c.text}`).toBe(true);
    if (c.clause) expect(c.text.includes(c.clause), `clause not in the text: ${c.clause}`).toBe(true);
    expect(c.text).toBe(c.text.replace(/\s+/g, ' ').trim());
  });

  test.each(INDICATIONS.map((i) => [i.id, i] as const))('indication %s: every condition quotes words of its bullet', (_id, ind) => {
    for (const t of conditionTexts(ind.conditions)) expect(ind.citation.text.includes(t), t).toBe(true);
  });

  test.each(STAFFING_CRITERIA.map((s) => [s.id, s] as const))('staffing %s: every requirement quotes words of its item', (_id, s) => {
    for (const r of s.requirements) expect(s.citation.text.includes(r.text), r.text).toBe(true);
  });

  test('the occurrence check is not vacuous', () => {
    const doc = texts.get(ABLATION_ID)!;
    const volume = builtinCatalogue().find('percutaneous-tumour-ablation')!.obligations.find((o) => o.kind === 'volume')!.citation.text;
    expect(doc.includes(volume)).toBe(true);
    expect(doc.includes(volume.replace('60', '61'))).toBe(false);
    expect(doc.length).toBeGreaterThan(15_000);
  });

  test('every citation has an article', () => {
    for (const [name, c] of allCitations()) expect(c.article, name).toMatch(/\S/);
  });
});
