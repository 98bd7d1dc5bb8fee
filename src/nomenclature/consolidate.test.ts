import { describe, expect, it } from 'vitest';
import { consolidate, stateAt, rulesAt } from './consolidate.js';
import type { CodeFact } from './code-facts.js';

const src = (article: string) => ({ document: 'D1', article, text: `sentence of ${article}` });
const base = { document: 'D1', seq: 0 };

describe('consolidate', () => {
  it('knows the old value before a value change and the new one from its effective date', () => {
    const facts: CodeFact[] = [
      { ...base, op: 'value', code: '355751', effective: '1995-01-01', article: '11, § 4', from: { keyLetter: 'K', relativeValue: '30' }, to: { keyLetter: 'K', relativeValue: '50' }, source: src('Art. 2, 2°, 1.') },
    ];
    const t = consolidate('355751', facts);
    const before = stateAt(t, '355751', '1994-12-31');
    expect(before.status).toBe('in-force');
    expect(before.relativeValue).toBe('30');
    expect(before.sources[0].note).toMatch(/old value stated by the amendment/);
    expect(before.article).toBe('11, § 4');
    const after = stateAt(t, '355751', '1995-01-01');
    expect(after.relativeValue).toBe('50');
    expect(after.statusReason).toMatch(/K 50 from 1995-01-01/);
    expect(after.sources.map((x) => x.note ?? null)).toEqual([null]);
    expect(after.keyLetter).toBe('K');
    expect(t.history.map((h) => [h.date, h.change])).toEqual([['1995-01-01', 'value']]);
  });

  it('an inserted code does not exist before its entry into force', () => {
    const t = consolidate('599325', [
      { ...base, op: 'define', code: '599325', effective: '1995-01-01', until: null, periodBasis: 'inserted', pair: null, value: { keyLetter: 'C', relativeValue: '16' }, label: 'les cinq premiers jours', article: '25, § 1er', convention: null, source: src('Art. 10') },
    ]);
    expect(stateAt(t, '599325', '1994-12-31').status).toBe('not-yet-in-force');
    expect(stateAt(t, '599325', '1994-12-31').relativeValue).toBeNull();
    const s = stateAt(t, '599325', '1995-01-01');
    expect([s.status, s.keyLetter, s.relativeValue, s.setting, s.pair]).toEqual(['in-force', 'C', '16', 'any', null]);
  });

  it('a deleted code is in force before and deleted from the deleting act', () => {
    const t = consolidate('474316', [{ ...base, op: 'delete', code: '474316', effective: '1995-01-01', article: null, source: src('Art. 7, 2°, b)') }]);
    expect(stateAt(t, '474316', '1994-12-31').status).toBe('in-force');
    const s = stateAt(t, '474316', '1995-01-01');
    expect(s.status).toBe('deleted');
    expect(s.statusReason).toMatch(/Art\. 7, 2°, b\)/);
    expect(s.fee).toBeNull();
  });

  it('a convention service ends the day after its last day; its fee row holds until its validTo', () => {
    const pair = { ambulatory: '587134', hospitalised: '587145' };
    const t = consolidate('587145', [
      { ...base, op: 'define', code: '587145', effective: '2024-11-01', until: '2029-10-31', periodBasis: 'convention', pair, value: { keyLetter: 'I', relativeValue: '633' }, label: 'Ablation', article: '4.1.1', convention: 'x', source: src('4.1.1') },
      { ...base, seq: 1, op: 'fee', code: '587145', validFrom: '2024-11-01', validTo: '2024-12-31', endReason: 'indexed each 1 January', keyLetter: 'I', coefficient: '2.801231', relativeValue: '633', fee: '1773.18', preferential: '1773.18', standard: '1773.17', source: src('4.1.3') },
    ]);
    expect(stateAt(t, '587145', '2024-10-31').status).toBe('not-yet-in-force');
    const s = stateAt(t, '587145', '2024-12-31');
    expect([s.status, s.setting, s.fee, s.reimbursement]).toEqual(['in-force', 'hospitalised', '1773.18', { preferential: '1773.18', standard: '1773.17' }]);
    const jan = stateAt(t, '587145', '2025-01-01');
    expect(jan.fee).toBeNull();
    expect(jan.feeReason).toMatch(/indexed each 1 January/);
    expect(stateAt(t, '587145', '2029-10-31').status).toBe('in-force');
    expect(stateAt(t, '587145', '2029-11-01').status).toBe('deleted');
  });

  it('a code only named in a rule is referenced, with its rules', () => {
    const t = consolidate('211013', [
      { ...base, op: 'mention', code: '211013', pair: { ambulatory: '211013', hospitalised: '211024' }, rule: { id: 'D1:r1', from: '1995-01-01', until: null }, source: src('Art. 7') },
    ]);
    const s = stateAt(t, '211013', '2000-01-01');
    expect([s.status, s.setting, s.fee]).toEqual(['referenced', 'ambulatory', null]);
    expect(rulesAt(t, '2000-01-01').map((r) => r.id)).toEqual(['D1:r1']);
    expect(rulesAt(t, '1994-12-31')).toEqual([]);
  });

  it('an unknown code has status unknown', () => {
    expect(stateAt(null, '123453', '2020-01-01').status).toBe('unknown');
  });

  it('reports an old value that contradicts the consolidated one', () => {
    const t = consolidate('317295', [
      { ...base, op: 'define', code: '317295', effective: '1990-01-01', until: null, periodBasis: 'x', pair: null, value: { keyLetter: 'K', relativeValue: '400' }, label: null, article: null, convention: null, source: src('A') },
      { document: 'D2', seq: 0, op: 'value', code: '317295', effective: '1995-01-01', article: null, from: { keyLetter: 'K', relativeValue: '450' }, to: { keyLetter: 'K', relativeValue: '500' }, source: { ...src('B'), document: 'D2' } },
    ]);
    expect(t.issues).toHaveLength(1);
    expect(t.issues[0]).toMatchObject({ document: 'D2', code: 'old-value-mismatch', severity: 'error' });
    expect(t.issues[0].message).toMatch(/K 450.*K 400/);
  });

  it('applies changes of the same day in document order', () => {
    const t = consolidate('599001', [
      { ...base, op: 'value', code: '599001', effective: '1995-01-01', article: null, from: null, to: { keyLetter: 'C', relativeValue: '21.5' }, source: src('a') },
      { ...base, seq: 1, op: 'label', code: '599001', effective: '1995-01-01', article: null, label: 'par jour', source: src('b') },
    ]);
    const before = stateAt(t, '599001', '1994-06-01');
    expect([before.status, before.relativeValue, before.label.fr]).toEqual(['in-force', null, null]);
    const after = stateAt(t, '599001', '1995-01-01');
    expect([after.relativeValue, after.label.fr]).toEqual(['21.5', 'par jour']);
    expect(t.versions).toHaveLength(2);
  });
});

describe('services an amendment presupposes, and words of a label', () => {
  const define = (label: string): CodeFact => ({ ...base, op: 'define', code: '688472', effective: '2000-01-01', until: null, periodBasis: 'inserted', pair: null, value: { keyLetter: 'U', relativeValue: '75' }, label, article: '35bis', convention: null, source: src('Art. 1') });
  const words = (old: string | null, nw: string, effective = '2004-11-01'): CodeFact => ({ ...base, document: 'D2', op: 'words', code: '688472', effective, article: '35bis, § 1er', language: 'fr', old, new: nw, source: src('Art. 1er, 1°') });

  it('changes the words of a known label from the act on, and only there', () => {
    const t = consolidate('688472', [define('Matériel utilisé pour la stérilisation'), words('matériel utilisé', 'X')]);
    expect(stateAt(t, '688472', '2004-10-31').label.fr).toBe('Matériel utilisé pour la stérilisation');
    const t2 = consolidate('688472', [define('Le matériel utilisé pour la stérilisation'), words('matériel utilisé', 'matériel, à l\'exception du clip, utilisé')]);
    expect(stateAt(t2, '688472', '2004-10-31').label.fr).toBe('Le matériel utilisé pour la stérilisation');
    expect(stateAt(t2, '688472', '2004-11-01').label.fr).toBe('Le matériel, à l\'exception du clip, utilisé pour la stérilisation');
    expect(t2.history.map((h) => [h.date, h.change])).toEqual([['2000-01-01', 'inserted'], ['2004-11-01', 'label']]);
    const added = consolidate('688472', [define('Clip'), words(null, 'en titane')]);
    expect(stateAt(added, '688472', '2004-11-01').label.fr).toBe('Clip en titane');
  });

  it('reports words that are not in the label, and changes nothing', () => {
    const t = consolidate('688472', [define('Clip résorbable'), words('matériel utilisé', 'X')]);
    expect(stateAt(t, '688472', '2004-11-01').label.fr).toBe('Clip résorbable');
    expect(t.issues.map((i) => i.message)).toEqual(['688472: the words "matériel utilisé" are not in its label "Clip résorbable"']);
  });

  it('a service whose label words change, unknown to the corpus, is in force before the act; its label stays unknown', () => {
    const t = consolidate('688472', [words('matériel utilisé', 'X')]);
    const before = stateAt(t, '688472', '2004-10-31');
    expect([before.status, before.label.fr]).toEqual(['in-force', null]);
    expect(before.statusReason).toMatch(/as the amending act \(D2, Art\. 1er, 1°\) presupposes/);
    expect(stateAt(t, '688472', '2004-11-01').label.fr).toBeNull();
  });
});
