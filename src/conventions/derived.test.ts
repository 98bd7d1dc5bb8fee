import { describe, expect, test } from 'vitest';
import { derivedData, derivedValues, noteMessage, parseDerivedData, renderDerived } from './derived.js';
import { fakeNomenclature } from './test-support.js';

const nom = fakeNomenclature({
  '587134': { keyLetter: 'I', relativeValue: '633', coefficient: '2.801231', fee: '1773.18', convention: 'percutaneous-tumour-ablation' },
  '587193': { keyLetter: 'I', relativeValue: '601', coefficient: '2.801231' },
  '432471': { keyLetter: 'K', relativeValue: '120' },
  '999991': { keyLetter: 'K', relativeValue: '119.99' },
  '317295': { keyLetter: 'K', relativeValue: '400', coefficient: '1.5' },
  '317306': { keyLetter: 'K', relativeValue: '399' },
  '300370': { keyLetter: 'N', relativeValue: '200' },
  '300381': { keyLetter: 'N', relativeValue: '199' },
  '600001': { keyLetter: 'N', relativeValue: '600' },
  '600012': { keyLetter: 'N', relativeValue: '599.5' },
  '700007': { keyLetter: 'I', relativeValue: '200' },
  '700018': { keyLetter: 'I', relativeValue: '199' },
  '599001': { keyLetter: 'C', relativeValue: '21.5' },
  '252652': { keyLetter: 'K', relativeValue: '1517', coefficient: '2.035887', convention: 'breast-reconstruction' },
  '355751': { status: 'referenced', keyLetter: null, relativeValue: null },
});

describe('surgical assistance (decree 1994, Art. 6): K 120, N 200, I 200', () => {
  test.each([
    ['432471', 'applies', 'K 12'],
    ['999991', 'does-not-apply', null],
    ['300370', 'applies', 'N 20'],
    ['300381', 'does-not-apply', null],
    ['700007', 'applies', 'I 20'],
    ['700018', 'does-not-apply', null],
    ['587134', 'applies', 'I 63.3'],
    ['599001', 'does-not-apply', null],
  ])('%s: %s (%s)', (code, status, value) => {
    const d = derivedValues(nom, code, '2025-01-01');
    expect(d.surgicalAssistance.status).toBe(status);
    expect(d.surgicalAssistance.value).toBe(value);
    expect(d.surgicalAssistance.source).toMatchObject({ document: '1994022370', article: 'Art. 6' });
  });
  test('fee: 10 % of I 633 × 2.801231 = 177.32 (exact, half-up)', () => {
    const a = derivedValues(nom, '587134', '2025-01-01').surgicalAssistance;
    expect(a.fee).toBe('177.32');
    expect(a.feeBasis).toMatch(/^63\.3 × 2\.801231/);
    expect(a.warnings.map((w) => w.source.article)).toEqual(['Art. 6', 'Art. 6']);
  });
  test('without a coefficient the fee is unknown, not invented', () => {
    const a = derivedValues(nom, '432471', '2025-01-01').surgicalAssistance;
    expect([a.value, a.fee]).toEqual(['K 12', null]);
    expect(a.feeBasis).toMatch(/coefficient .* is unknown/);
  });
  test('before 1995-01-01 the rule is unknown (the earlier text is not in the corpus)', () => {
    const a = derivedValues(nom, '432471', '1994-12-31').surgicalAssistance;
    expect(a.status).toBe('unknown');
    expect(derivedValues(nom, '432471', '1995-01-01').surgicalAssistance.status).toBe('applies');
  });
  test('breast reconstruction fees already cover the surgical assistance', () => {
    const a = derivedValues(nom, '252652', '2020-01-01').surgicalAssistance;
    expect(a.status).toBe('does-not-apply');
    expect(a.warnings.at(-1)!.source.article).toBe('Art. 3, d)');
  });
  test('unknown code or value: unknown', () => {
    expect(derivedValues(nom, '111114', '2025-01-01').surgicalAssistance.status).toBe('unknown');
    expect(derivedValues(nom, '355751', '2025-01-01').surgicalAssistance.reason).toMatch(/unknown \(referenced\)/);
  });
});

describe('anaesthesia threshold (ablation 4.1.3): K 400, N 600, I 600', () => {
  test.each([
    ['317295', 'applies'],
    ['317306', 'does-not-apply'],
    ['600001', 'applies'],
    ['600012', 'does-not-apply'],
    ['587134', 'applies'],
    ['587193', 'applies'],
    ['700007', 'does-not-apply'],
    ['599001', 'does-not-apply'],
  ])('%s: %s', (code, status) => {
    const d = derivedValues(nom, code, '2025-01-01');
    expect(d.anaesthesia.status).toBe(status);
    expect(d.anaesthesia.source.article).toBe('4.1.3');
  });
  test('readable rendering', () => {
    const text = renderDerived(derivedValues(nom, '587193', '2025-01-01'));
    expect(text).toContain('587193 on 2025-01-01: I 601 (in-force)');
    expect(text).toContain('surgical assistance: yes — I 601 ≥ I 200');
    expect(text).toContain('value I 60.1, fee 168.35 EUR');
    expect(text).toContain('anaesthesia category ≥ K 400 / N 600 / I 600: yes — I 601 ≥ I 600');
  });
});

describe('derived values are data (rules/derived/*.yaml)', () => {
  const base = derivedData();
  test('another threshold and another convention covering the assistance, with no code change', () => {
    const data = parseDerivedData(`
thresholds:
  - id: anaesthesia-other
    role: anaesthesia
    minimum: { K: "300" }
    from: null
    citation: { document: conv-x, article: "4", text: une phrase }
covers:
  - id: other.covers
    convention: other-convention
    role: surgical-assistance
    citation: { document: conv-x, article: "3", text: une autre phrase }
`);
    const mixed = { thresholds: [...base.thresholds.filter((t) => t.role !== 'anaesthesia'), ...data.thresholds], covers: data.covers };
    const other = fakeNomenclature({ '700029': { keyLetter: 'K', relativeValue: '350', convention: 'other-convention' } });
    const d = derivedValues(other, '700029', '2025-01-01', mixed);
    expect([d.anaesthesia.status, d.anaesthesia.threshold, d.anaesthesia.source.article]).toEqual(['applies', 'K 300', '4']);
    expect(d.surgicalAssistance.status).toBe('does-not-apply');
    expect(d.surgicalAssistance.warnings.at(-1)).toMatchObject({ code: 'fee-covers-role', fields: { convention: 'other-convention' } });
    // The built-in breast reconstruction entry no longer applies: the covers come from the data given.
    expect(derivedValues(nom, '252652', '2020-01-01', mixed).surgicalAssistance.status).toBe('applies');
  });
  test('notes have FR/NL/EN messages', () => {
    expect(noteMessage('fee-covers-role', { convention: 'x' }, 'nl')).toBe('de honoraria van x dekken de operatieve assistentie al');
    expect(noteMessage('assistance-surgical-only', {}, 'fr')).toMatch(/^uniquement/);
  });
  test('bad data: an error naming the file and the field', () => {
    expect(() => parseDerivedData('thresholds:\n  - id: a\n    role: surgical-assistance\n    minimum: { K: "120" }\n    from: "1995-01-01"\n    citation: { document: d, article: a, text: t }\n', 'x.yaml'))
      .toThrow(/^x\.yaml: .*(percent|fromCitation)/);
    expect(() => parseDerivedData('thresholds:\n  - id: a\n    role: nothing\n', 'y.yaml')).toThrow(/^y\.yaml: thresholds\.0\.role/);
  });
  test('without a threshold of a role: an error, not a silent answer', () => {
    expect(() => derivedValues(nom, '432471', '2025-01-01', { thresholds: [], covers: [] })).toThrow(/no threshold of role/);
  });
});
