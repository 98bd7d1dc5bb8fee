import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../corpus/detect.js';
import { contentHash } from '../hash.js';
import { planIngest, type Existing } from './ingest.js';
import type { IngestInput } from './types.js';

const input = (name: string): IngestInput => {
  const raw = readFileSync(join(__dirname, '..', '..', 'test', 'fixtures', 'justel', name), 'utf8');
  return { file: name, raw, doc: parseDocument(raw, name) };
};
const none = () => new Map();

describe('planIngest: the texts of one act', () => {
  it('plans one document row with a text row per language for FR and NL in one batch', () => {
    const [fr, nl] = [input('02-insertions.md'), input('02-insertions.nl.md')];
    const plan = planIngest([fr, nl], new Map(), 7, none, 'now');
    expect(plan.reports.map((r) => r.status)).toEqual(['ingested', 'merged']);
    expect(plan.remove).toEqual([]);
    expect(plan.documents.map((d) => [d.id, d.rank, d.raw === fr.raw, d.content_hash === contentHash(fr.raw)])).toEqual([['2003022777', 8, true, true]]);
    expect(plan.texts.map((t) => [t.language, t.content_hash])).toEqual([['fr', contentHash(fr.raw)], ['nl', contentHash(nl.raw)]]);
    // facts stored once (the merged document's), with both labels folded for search
    expect(new Set(plan.facts.map((f) => `${f.document}:${f.seq}`)).size).toBe(plan.facts.length);
    expect(plan.facts.find((f) => f.code === '540035' && f.op === 'define')!.labelFolded).toBe('dosage de la vitamine d (25-oh) | dosering van vitamine d (25-oh)');
    // the first report is the French text's alone, the second the merged document's
    expect(plan.reports.map((r) => r.languages)).toEqual([['fr'], ['fr', 'nl']]);
  });

  it('merges a new language into the stored document (rewritten with both texts), and skips a text already held', () => {
    const [fr, nl] = [input('02-insertions.md'), input('02-insertions.nl.md')];
    const stored: Existing = { texts: [{ language: 'fr', hash: contentHash(fr.raw), raw: fr.raw, parsed: fr.doc }] };
    const plan = planIngest([fr, nl], new Map([[fr.doc.id, stored]]), 3, none, 'now');
    expect(plan.reports.map((r) => r.status)).toEqual(['unchanged', 'merged']);
    expect(plan.remove).toEqual([fr.doc.id]);
    expect(plan.texts.map((t) => t.language)).toEqual(['fr', 'nl']);
    // a stored text whose language was not recorded ('') is read as the language of its text
    const legacy: Existing = { texts: [{ language: '', hash: contentHash(fr.raw), raw: fr.raw, parsed: { ...fr.doc, language: undefined } }] };
    expect(planIngest([nl], new Map([[fr.doc.id, legacy]]), 3, none, 'now').reports.map((r) => r.status)).toEqual(['merged']);
    expect(planIngest([fr], new Map([[fr.doc.id, legacy]]), 3, none, 'now').reports.map((r) => r.status)).toEqual(['unchanged']);
  });
});
