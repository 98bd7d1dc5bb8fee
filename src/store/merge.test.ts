import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../corpus/detect.js';
import type { Amendment, ParsedDocument } from '../facts.js';
import { codeFacts } from '../nomenclature/code-facts.js';
import { mergeTexts, textLanguage } from './merge.js';

const FIXTURES = join(__dirname, '..', '..', 'test', 'fixtures');
const read = (f: string) => readFileSync(join(FIXTURES, f), 'utf8');
const fr = () => parseDocument(read('justel/02-insertions.md'), '02-insertions.md');
const nl = () => parseDocument(read('justel/02-insertions.nl.md'), '02-insertions.nl.md');

const provenance = (article: string, text: string) => ({ document: '2020000001', article, span: null, text });
const base = (language: 'fr' | 'nl', amendments: Amendment[]): ParsedDocument => ({
  id: '2020000001', kind: 'royal-decree', format: 'justel-markdown', title: `title ${language}`, url: null, convention: null,
  dates: { signed: '2020-01-10', version: null, published: '2020-01-20', entryIntoForce: '2020-03-01', entryIntoForceBasis: `clause ${language}`, validUntil: null },
  services: [], fees: [], amendments, rules: [], issues: [], unparsed: [], language,
});
const pair = (a: string, b: string) => ({ kind: 'pair' as const, ambulatory: a, hospitalised: b });
const changeValue = (id: string, source: string, codes: [string, string], to: string, text: string): Amendment => ({
  id, source, target: '21', effective: '2020-03-01', provenance: provenance(source, text), op: 'change-value',
  codes: pair(...codes), from: { keyLetter: 'K', relativeValue: '25' }, to: { keyLetter: 'K', relativeValue: to },
});

describe('mergeTexts: one act, two texts', () => {
  it('merges the real FR and NL texts of 2003022777: every amendment matched, labels in both languages, both provenances', () => {
    const [f, n] = [fr(), nl()];
    expect([f.id, f.language, n.id, n.language]).toEqual(['2003022777', 'fr', '2003022777', 'nl']);
    // in either order, the French text is the primary one
    for (const m of [mergeTexts([{ language: 'fr', doc: f }, { language: 'nl', doc: n }]), mergeTexts([{ language: 'nl', doc: n }, { language: 'fr', doc: f }])]) {
      expect(m.languages).toEqual(['fr', 'nl']);
      expect(m.title).toBe(f.title);
      expect(m.amendments.map((a) => a.op)).toEqual(f.amendments.map((a) => a.op));
      expect(m.issues.filter((i) => i.code.startsWith('bilingual'))).toEqual([]);
      const inserted = m.amendments.find((a) => a.op === 'insert-service' && a.service.codes.kind === 'pair' && a.service.codes.ambulatory === '555030')!;
      expect(inserted.op === 'insert-service' && [inserted.service.label, inserted.service.labelNl]).toEqual([
        "Perfusion d'un médicament par pompe implantée", 'Perfusie van een geneesmiddel met een geïmplanteerde pomp',
      ]);
      expect(inserted.provenance.language).toBe('fr');
      expect(inserted.parallel?.map((p) => [p.language, p.article])).toEqual([['nl', 'Art. 2, 1°']]);
      expect(inserted.parallel?.[0].text).toMatch(/wordt de volgende verstrekking ingevoegd/);
      // the facts carry both labels, and say which text they come from
      const define = codeFacts(m).find((x) => x.op === 'define' && x.code === '540035');
      expect(define).toMatchObject({ label: 'Dosage de la vitamine D (25-OH)', labelNl: 'Dosering van vitamine D (25-OH)', source: { language: 'fr' } });
    }
  });

  it('a Dutch text alone gives Dutch labels only: the French one is unknown, not the Dutch one', () => {
    const define = codeFacts(nl()).find((x) => x.op === 'define' && x.code === '540035');
    expect(define).toMatchObject({ label: null, labelNl: 'Dosering van vitamine D (25-OH)' });
    const french = codeFacts(fr()).find((x) => x.op === 'define' && x.code === '540035')!;
    expect(french).toMatchObject({ label: 'Dosage de la vitamine D (25-OH)' });
    expect('labelNl' in french).toBe(false);
  });

  it('different values are an error quoting both sentences; the French value is kept', () => {
    const f = base('fr', [changeValue('x#0', 'Art. 1er, 1°', ['532630', '532641'], '21.40', 'la valeur relative "K 25" de la prestation 532630-532641 est remplacée par "K 21,40"')]);
    const n = base('nl', [changeValue('x#0', 'Art. 1, 1°', ['532630', '532641'], '12.40', 'de betrekkelijke waarde "K 25" van de verstrekking 532630-532641 wordt vervangen door "K 12,40"')]);
    const m = mergeTexts([{ language: 'nl', doc: n }, { language: 'fr', doc: f }]);
    expect(m.amendments).toHaveLength(1);
    expect(m.amendments[0].op === 'change-value' && m.amendments[0].to).toEqual({ keyLetter: 'K', relativeValue: '21.40' });
    const issues = m.issues.filter((i) => i.code === 'bilingual-disagreement');
    expect(issues).toHaveLength(1);
    expect(issues[0].severity).toBe('error');
    expect(issues[0].message).toContain('K 21.40 and K 12.40');
    expect(issues[0].message).toContain('"la valeur relative "K 25" de la prestation 532630-532641 est remplacée par "K 21,40""');
    expect(issues[0].message).toContain('"de betrekkelijke waarde "K 25" van de verstrekking 532630-532641 wordt vervangen door "K 12,40""');
  });

  it('an amendment of one text only is kept with a warning; codes that differ at the same place are an error', () => {
    const f = base('fr', [
      changeValue('x#0', 'Art. 1er, 1°', ['532630', '532641'], '21.40', 'phrase 1'),
      changeValue('x#1', 'Art. 1er, 2°', ['532652', '532663'], '37.66', 'phrase 2'),
    ]);
    const n = base('nl', [
      changeValue('x#0', 'Art. 1, 1°', ['532630', '532641'], '21.40', 'zin 1'),
      changeValue('x#1', 'Art. 1, 2°', ['532674', '532685'], '37.66', 'zin 2'),
      changeValue('x#2', 'Art. 1, 3°', ['532696', '532700'], '10', 'zin 3'),
    ]);
    const m = mergeTexts([{ language: 'fr', doc: f }, { language: 'nl', doc: n }]);
    // both texts' amendments are kept, in text order, with distinct ids
    expect(m.amendments.map((a) => a.op === 'change-value' && a.codes.kind === 'pair' && a.codes.ambulatory)).toEqual(['532630', '532652', '532674', '532696']);
    expect(new Set(m.amendments.map((a) => a.id)).size).toBe(4);
    expect(m.amendments.map((a) => a.provenance.language)).toEqual(['fr', 'fr', 'nl', 'nl']);
    const codes = m.issues.find((i) => i.code === 'bilingual-disagreement')!;
    expect(codes.severity).toBe('error');
    expect(codes.message).toMatch(/names 532652-532663, .*names 532674-532685/);
    const missing = m.issues.filter((i) => i.code === 'bilingual-missing');
    expect(missing.map((i) => [i.severity, i.where])).toEqual([['warning', 'nl: Art. 1, 3°']]);
    expect(missing[0].message).toContain('"zin 3"');
  });

  it('a value or a date in one text only is taken from it, with a warning; different dates are an error', () => {
    const f = base('fr', [{ ...changeValue('x#0', 'Art. 1er', ['532630', '532641'], '21.40', 'phrase'), effective: null }]);
    const n = base('nl', [changeValue('x#0', 'Art. 1', ['532630', '532641'], '21.40', 'zin')]);
    f.dates = { ...f.dates, entryIntoForce: null, entryIntoForceBasis: 'unknown' };
    n.dates = { ...n.dates, published: '2020-01-21' };
    const m = mergeTexts([{ language: 'fr', doc: f }, { language: 'nl', doc: n }]);
    expect(m.amendments[0].effective).toBe('2020-03-01');
    expect(m.dates.entryIntoForce).toBe('2020-03-01');
    expect(m.dates.published).toBe('2020-01-20');
    const by = (re: RegExp) => m.issues.filter((i) => re.test(i.message)).map((i) => i.severity);
    expect(by(/different dates of effect/)).toEqual(['warning']);
    expect(by(/only the Dutch text gives the entry into force/)).toEqual(['warning']);
    expect(by(/different dates of date of publication: the French text 2020-01-20, the Dutch text 2020-01-21/)).toEqual(['error']);
  });

  it('a Dutch-only label change keeps the French label unknown', () => {
    const f = base('fr', []);
    const n = base('nl', [{ id: 'x#0', source: 'Art. 1', target: '21', effective: '2020-03-01', provenance: provenance('Art. 1', 'zin'), op: 'change-label', codes: pair('532630', '532641'), label: 'Nieuwe omschrijving' }]);
    const m = mergeTexts([{ language: 'fr', doc: f }, { language: 'nl', doc: n }]);
    const label = codeFacts(m).find((x) => x.op === 'label' && x.code === '532630');
    expect(label).toMatchObject({ label: null, labelNl: 'Nieuwe omschrijving', source: { language: 'nl' } });
  });

  it('words changed in a label change each language\'s label: the Dutch change is kept beside the French one', () => {
    const words = (language: 'fr' | 'nl', id: string, old: string, neu: string): Amendment => ({
      id, source: 'Art. 1', target: '21', effective: '2020-03-01', provenance: provenance('Art. 1', `${language} sentence`), op: 'replace-text', old, new: neu, codes: ['532630'], inLabelOf: ['532630'],
    });
    const m = mergeTexts([{ language: 'fr', doc: base('fr', [words('fr', 'x#0', 'trois', 'quatre')]) }, { language: 'nl', doc: base('nl', [words('nl', 'x#0', 'drie', 'vier')]) }]);
    expect(m.issues.filter((i) => i.code.startsWith('bilingual'))).toEqual([]);
    const facts = codeFacts(m).filter((f) => f.op === 'words');
    expect(facts.map((f) => f.op === 'words' && [f.language, f.old, f.new])).toEqual([['fr', 'trois', 'quatre'], ['nl', 'drie', 'vier']]);
  });

  it('textLanguage: the parser\'s language, else the front matter\'s only title, else the headings', () => {
    const { language: _l, ...old } = nl();
    const raw = read('justel/02-insertions.nl.md');
    expect(textLanguage(old as ParsedDocument, raw)).toBe('nl');
    expect(textLanguage(old as ParsedDocument, raw.replace(/^title-nl:.*$/m, 'title: x'))).toBe('nl');
    expect(textLanguage(old as ParsedDocument, read('justel/02-insertions.md'))).toBe('fr');
    expect(textLanguage({ ...old, format: 'inami-convention-text' } as ParsedDocument, raw)).toBeNull();
  });
});
