import { describe, expect, it } from 'vitest';
import { builtinNomenclature } from '../nomenclature/builtin.js';
import { MemoryNomenclature } from '../nomenclature/memory.js';
import type { CodeFact } from '../nomenclature/code-facts.js';
import { diffNomenclature } from './diff.js';
import { diffCsv, renderDiff } from './render.js';

const n = builtinNomenclature();
const decree = '1994022370';

describe('diff of the built-in corpus across 1995-01-01 (the royal decree of 12 August 1994)', () => {
  const r = diffNomenclature(n, '1994-12-31', '1995-01-01');
  const of = (code: string) => r.codes.find((d) => d.code === code)!;

  it('lists the decree\'s changes with their 40 act articles, every one cited', () => {
    expect(r.totals.acts.map((a) => a.document)).toEqual(Array(40).fill(decree));
    expect(r.totals.acts.map((a) => a.article)).toContain('Art. 2, 2°, 1.');
    expect(r.totals).toMatchObject({ codes: 149, uncertain: 0 });
    expect(r.totals.changes).toMatchObject({ inserted: 29, deleted: 9, 'key-letter': 0, status: 0, fee: 0, 'rule-removed': 0 });
    for (const d of r.codes) for (const c of d.changes) expect(c.sources.length, `${d.code} ${c.change}`).toBeGreaterThan(0);
  });

  it('a value change: 355751 K 30 → K 50 by Art. 2, 2°, 1., with its sentence', () => {
    const d = of('355751');
    expect(d.certain).toBe(true);
    expect(d.changes).toHaveLength(1);
    expect(d.changes[0]).toMatchObject({ change: 'value', from: 'K 30', to: 'K 50', sources: [{ document: decree, article: 'Art. 2, 2°, 1.' }] });
    expect(d.changes[0].sources[0].text).toMatch(/30/);
    expect([d.before.relativeValue, d.after.relativeValue]).toEqual(['30', '50']);
  });

  it('an insertion, a deletion, a rule added', () => {
    expect(of('354255').changes[0]).toMatchObject({ change: 'inserted', from: 'not-yet-in-force', to: 'K 30', sources: [{ article: 'Art. 2, 1°' }] });
    expect(of('474316').changes[0]).toMatchObject({ change: 'deleted', from: 'in-force', to: 'deleted', sources: [{ article: 'Art. 7, 2°, b)' }] });
    expect(of('558633').changes.map((c) => c.change)).toEqual(['value', 'rule-added']);
    expect(of('558633').changes[1]).toMatchObject({ to: `${decree}:Art. 8, 3°:1`, sources: [{ article: 'Art. 8, 3°' }] });
  });

  it('nothing changes on a day without an act, and the same date twice is empty', () => {
    expect(diffNomenclature(n, '1995-01-01', '1995-01-02').codes).toEqual([]);
    expect(diffNomenclature(n, '1994-12-31', '1994-12-31').codes).toEqual([]);
  });

  it('filters by article (a part, never a longer number), code prefix and key letter', () => {
    const art = diffNomenclature(n, '1994-12-31', '1995-01-01', { article: '11' });
    expect(art.codes.map((d) => d.code)).toEqual(['354255', '354266', '355751', '355762', '355950', '355961']);
    expect(diffNomenclature(n, '1994-12-31', '1995-01-01', { article: '2' }).codes).toEqual([]);
    expect(diffNomenclature(n, '1994-12-31', '1995-01-01', { prefix: '3557' }).codes.map((d) => d.code)).toEqual(['355751', '355762']);
    const c = diffNomenclature(n, '1994-12-31', '1995-01-01', { keyLetter: 'c' });
    expect(c.codes.length).toBeGreaterThan(0);
    expect(c.codes.every((d) => d.before.keyLetter === 'C' || d.after.keyLetter === 'C')).toBe(true);
  });

  it('text and CSV name the act, article and sentence of each change', () => {
    const text = renderDiff(diffNomenclature(n, '1994-12-31', '1995-01-01', { prefix: '355751' }));
    expect(text.split('\n').slice(0, 2)).toEqual(['1994-12-31 → 1995-01-01: 1 code changed: 1 value', `355751  art. 11, § 4  value: K 30 → K 50  [${decree}, Art. 2, 2°, 1.]`]);
    expect(text).toContain('« ');
    const csv = diffCsv(diffNomenclature(n, '1994-12-31', '1995-01-01', { prefix: '355751' })).trim().split('\n');
    expect(csv[0]).toBe('from,to,code,article,change,language,before,after,certain,document,act_article,sentence');
    expect(csv).toHaveLength(2);
    expect(csv[1]).toMatch(/^1994-12-31,1995-01-01,355751,"11, § 4",value,,K 30,K 50,true,1994022370,"Art. 2, 2°, 1.",/);
  });
});

describe('a fee that follows a coefficient table', () => {
  const coefficient = { document: 'coef-1', article: '1', text: 'K = 2,5 EUR from 1 January 2024.' };
  const facts: CodeFact[] = [
    { op: 'value', code: '355751', document: 'D1', seq: 0, source: { document: 'D1', article: 'Art. 1' }, effective: '1995-01-01', article: '11', from: { keyLetter: 'K', relativeValue: '30' }, to: { keyLetter: 'K', relativeValue: '50' } },
    { op: 'coefficient', code: 'key:K', document: 'coef-1', seq: 0, source: coefficient, keyLetter: 'K', validFrom: '2024-01-01', validTo: null, coefficient: '2.5' },
  ];
  const m = new MemoryNomenclature(facts);

  it('is a fee change cited from the table, the day the coefficient starts and not the day before', () => {
    expect(diffNomenclature(m, '2023-12-30', '2023-12-31').codes).toEqual([]);
    const [d] = diffNomenclature(m, '2023-12-31', '2024-01-01').codes;
    expect(d.changes).toEqual([{ change: 'fee', from: null, to: '125.00', sources: [coefficient] }]);
  });
});

describe('a rule of application that ends', () => {
  const sentence = { document: 'D2', article: 'Art. 3', text: 'La prestation 355751 est limitée à une fois par jour.' };
  const m = new MemoryNomenclature([
    { op: 'mention', code: '355751', document: 'D2', seq: 0, source: sentence, pair: null, rule: { id: 'D2:Art. 3:1', from: '2010-01-01', until: '2020-12-31' } },
  ]);

  it('is added the day it starts and removed the day after its last day, cited from its sentence', () => {
    expect(diffNomenclature(m, '2009-12-31', '2010-01-01').codes[0].changes).toEqual([{ change: 'rule-added', from: null, to: 'D2:Art. 3:1', sources: [sentence] }]);
    expect(diffNomenclature(m, '2020-12-30', '2020-12-31').codes).toEqual([]);
    expect(diffNomenclature(m, '2020-12-31', '2021-01-01').codes[0].changes).toEqual([{ change: 'rule-removed', from: 'D2:Art. 3:1', to: null, sources: [sentence] }]);
  });
});

describe('a change of unknown date', () => {
  const source = { document: '2000000001', article: 'Art. 1er', text: 'La valeur relative K 30 est remplacée par K 50.' };
  const fact: CodeFact = { op: 'value', code: '355751', document: '2000000001', seq: 0, source, effective: null, bounds: { earliest: '2000-05-01', latest: '2000-09-01', reason: 'publication unknown' }, article: '11', from: { keyLetter: 'K', relativeValue: '30' }, to: { keyLetter: 'K', relativeValue: '50' } };
  const m = new MemoryNomenclature([fact]);

  it('is uncertain with its candidates when either date is in its window, never a certain value change', () => {
    for (const [from, to] of [['2000-04-30', '2000-05-01'], ['2000-06-01', '2000-09-01'], ['2000-05-01', '2000-06-01']]) {
      const [d] = diffNomenclature(m, from, to).codes;
      expect(d.certain).toBe(false);
      expect(d.changes).toEqual([]);
      const lists = [d.uncertain!.from, d.uncertain!.to].filter((l) => l !== null);
      expect(lists.length).toBeGreaterThan(0);
      for (const l of lists) expect(l!.map((c) => c.relativeValue)).toEqual(['30', '50']);
      expect(d.uncertain!.reason).toMatch(/uncertain/);
    }
    expect(diffNomenclature(m, '2000-04-30', '2000-05-01').totals).toMatchObject({ uncertain: 1, changes: { value: 0 } });
  });

  it('across its whole window the change is certain, cited from the act', () => {
    const [d] = diffNomenclature(m, '2000-04-30', '2000-09-01').codes;
    expect(d.certain).toBe(true);
    expect(d.changes).toEqual([{ change: 'value', from: 'K 30', to: 'K 50', sources: [source] }]);
  });
});
