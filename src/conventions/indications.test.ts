import { describe, expect, test } from 'vitest';
import { FactsError, indicationTable, matchIndication, readFacts, renderIndication } from './indications.js';

/** The rows of the curated table of the built-in ablation convention (rules/indications/). */
const INDICATIONS = indicationTable('percutaneous-tumour-ablation').indications;

function ids(facts: Record<string, unknown>): string[] {
  return matchIndication(readFacts(facts)).matched.map((m) => m.id);
}

describe('the table is data', () => {
  test('every indication has an organ, conditions and a citation of Art. 3', () => {
    expect(INDICATIONS).toHaveLength(14);
    for (const i of INDICATIONS) {
      expect(i.conditions.length).toBeGreaterThan(0);
      expect(i.citation.article).toMatch(/^Art\. 3, [1-4]°$/);
      expect(i.citation.document).toBe('conv-fc467a2e32d3c4b9');
    }
    expect(new Set(INDICATIONS.map((i) => i.id)).size).toBe(14);
  });
  test('a custom table is walked the same way', () => {
    const a = matchIndication(readFacts({ organ: 'lung', sizeCm: 1 }), [{
      id: 'x', organ: 'lung', label: 'x', conditions: [{ fact: 'sizeCm', op: '<=', value: '1' }], citation: { document: 'd', article: 'a', text: 't' },
    }]);
    expect(a.outcome).toBe('listed');
  });
});

describe('kidney (Art. 3, 1°)', () => {
  const rcc = { organ: 'kidney', tumour: 'renal-cell-carcinoma', tStage: 'T1a' };
  test.each([
    [{ singleKidney: true }, ['kidney.rcc-t1a']],
    [{ gfr: '59.9' }, ['kidney.rcc-t1a']],
    [{ gfr: 60, singleKidney: false, eligibleForSurgery: true }, []],
    [{ eligibleForSurgery: false }, ['kidney.rcc-t1a']],
    [{ singleKidney: false, gfr: 90, eligibleForSurgery: true }, []],
  ])('T1a with %o → %o', (extra, expected) => {
    expect(ids({ ...rcc, ...extra })).toEqual(expected);
  });
  test('T1b does not match, whatever the criteria', () => {
    expect(ids({ ...rcc, tStage: 'T1b', singleKidney: true })).toEqual([]);
  });
  test('GFR 60 with the other criteria unknown is undecided, naming the missing facts', () => {
    const a = matchIndication(readFacts({ ...rcc, gfr: 60 }));
    expect(a.outcome).toBe('undecided');
    expect(a.undecided.find((u) => u.id === 'kidney.rcc-t1a')!.missing.sort()).toEqual(['eligibleForSurgery', 'singleKidney']);
  });
  test('predisposition', () => {
    expect(ids({ organ: 'kidney', tumour: 'other-malignant', predisposition: 'von-hippel-lindau' })).toEqual(['kidney.predisposition']);
  });
});

describe('liver (Art. 3, 2°): < 2 cm, ≤ 3 cm, < 3 cm', () => {
  const hcc = { organ: 'liver', tumour: 'hepatocellular-carcinoma' };
  test.each([
    [{ count: 1, sizeCm: '1.9', eligibleForSurgery: true }, ['liver.hcc-single-lt-2cm']],
    [{ count: 1, sizeCm: '2', eligibleForSurgery: true }, []],
    [{ count: 1, sizeCm: '2', eligibleForSurgery: false }, ['liver.hcc-1-3-le-3cm-inoperable']],
    [{ count: 1, sizeCm: '1.5', eligibleForSurgery: false }, ['liver.hcc-single-lt-2cm', 'liver.hcc-1-3-le-3cm-inoperable']],
    [{ count: 3, sizeCm: '3', eligibleForSurgery: false }, ['liver.hcc-1-3-le-3cm-inoperable']],
    [{ count: 3, sizeCm: '3.01', eligibleForSurgery: false }, []],
    [{ count: 4, sizeCm: '1', eligibleForSurgery: false }, []],
    [{ count: 2, sizeCm: '1.5', eligibleForSurgery: true }, []],
  ])('HCC %o → %o', (extra, expected) => {
    expect(ids({ ...hcc, ...extra })).toEqual(expected);
  });
  test.each([
    ['3', true], ['3.1', false],
  ])('intrahepatic cholangiocarcinoma, single, %s cm, inoperable: %s', (size, ok) => {
    expect(ids({ organ: 'liver', tumour: 'intrahepatic-cholangiocarcinoma', count: 1, sizeCm: size, eligibleForSurgery: false })).toEqual(ok ? ['liver.icc-single-le-3cm-inoperable'] : []);
  });
  test.each([
    [5, '3', true], [6, '3', false], [5, '3.5', false], [1, '0.8', true],
  ])('colorectal metastases: %s of %s cm → %s', (count, size, ok) => {
    expect(ids({ organ: 'liver', tumour: 'colorectal-metastasis', count, sizeCm: size })).toEqual(ok ? ['liver.colorectal-metastases'] : []);
  });
  test.each([
    [3, '2.99', true], [3, '3', false], [4, '1', false],
  ])('oligometastases of other primaries: %s of %s cm → %s (< 3 cm, unlike colorectal ≤ 3 cm)', (count, size, ok) => {
    expect(ids({ organ: 'liver', tumour: 'metastasis-other-primary', count, sizeCm: size })).toEqual(ok ? ['liver.oligometastases-other-primary'] : []);
  });
  test('neuroendocrine metastases as alternative to systemic treatment', () => {
    expect(ids({ organ: 'liver', tumour: 'neuroendocrine-metastasis', alternativeToSystemic: 'yes' })).toEqual(['liver.neuroendocrine-metastases']);
    expect(ids({ organ: 'liver', tumour: 'neuroendocrine-metastasis', alternativeToSystemic: 'no' })).toEqual([]);
  });
  test('the French decimal comma is read', () => {
    expect(ids({ ...hcc, count: 1, sizeCm: '1,99' })).toEqual(['liver.hcc-single-lt-2cm']);
  });
});

describe('lung (Art. 3, 3°): ≤ 2 cm', () => {
  const p = { organ: 'lung', tumour: 'primary-lung-tumour' };
  test.each([
    [{ sizeCm: '2', tStage: 'T1b', eligibleForSurgery: false }, true],
    [{ sizeCm: '2', tStage: 't1a', eligibleForSurgery: true, eligibleForSbrt: false }, true],
    [{ sizeCm: '2.1', tStage: 'T1b', eligibleForSurgery: false }, false],
    [{ sizeCm: '1.5', tStage: 'T1c', eligibleForSurgery: false }, false],
    [{ sizeCm: '1.5', tStage: 'T1a', eligibleForSurgery: true, eligibleForSbrt: true }, false],
  ])('primary %o → %s', (extra, ok) => {
    expect(ids({ ...p, ...extra })).toEqual(ok ? ['lung.primary-t1-le-2cm'] : []);
  });
  test.each([
    [3, '2', true], [4, '2', false], [3, '2.01', false],
  ])('metastases: %s of %s cm → %s', (count, size, ok) => {
    expect(ids({ organ: 'lung', tumour: 'lung-metastasis', count, sizeCm: size })).toEqual(ok ? ['lung.metastases'] : []);
  });
});

describe('bone (Art. 3, 4°)', () => {
  test.each(['osteoid-osteoma', 'osteoblastoma', 'eosinophilic-granuloma', 'aneurysmal-bone-cyst', 'chondroblastoma'])('benign %s', (tumour) => {
    expect(ids({ organ: 'bone', tumour })).toEqual(['bone.benign']);
  });
  test.each([
    ['2.9', true], ['3', false],
  ])('slow-growing malignant %s cm, inoperable → %s', (size, ok) => {
    expect(ids({ organ: 'bone', tumour: 'slow-growing-malignant', sizeCm: size, eligibleForSurgery: false, palliative: false, combinedTreatment: false })).toEqual(ok ? ['bone.slow-growing-malignant'] : []);
  });
  test('palliative near critical structures; combined treatment', () => {
    expect(ids({ organ: 'bone', tumour: 'other-malignant', palliative: true, nearCriticalStructures: true, combinedTreatment: false })).toEqual(['bone.palliative']);
    expect(ids({ organ: 'bone', tumour: 'other-malignant', palliative: false, combinedTreatment: true })).toEqual(['bone.combined-treatment']);
  });
});

describe('not listed', () => {
  test('the COM/CM must justify in writing, with the sentence of 4.1.2', () => {
    const a = matchIndication(readFacts({ organ: 'liver', tumour: 'colorectal-metastasis', count: 7, sizeCm: 2 }));
    expect(a.outcome).toBe('not-listed');
    expect(a.message).toMatch(/^not listed: the COM\/CM must justify in writing with a reference to published guidelines/);
    expect(a.requirement?.article).toBe('4.1.2');
    expect(a.requirement?.text).toMatch(/^Si l’indication pour une ablation n’est pas mentionnée à l’article 3/);
    expect(a.rejected.find((r) => r.id === 'liver.colorectal-metastases')!.trace.find((t) => t.fact === 'count')).toMatchObject({ result: 'false', given: '7', text: 'jusque max 5 métastases' });
  });
  test('a matched answer cites the bullet and the clause', () => {
    const a = matchIndication(readFacts({ organ: 'liver', tumour: 'hepatocellular-carcinoma', count: 1, sizeCm: '1.2' }));
    expect(a.outcome).toBe('listed');
    expect(a.matched[0].citation).toMatchObject({ article: 'Art. 3, 2°', clause: 'a. Tumeur unique < 2 cm' });
    const text = renderIndication(a);
    expect(text).toContain('listed in Art. 3: hepatocellular carcinoma, single tumour < 2 cm [Art. 3, 2°, a.]');
    expect(text).toContain('✓ size (cm) < 2 (given: 1.2)  « < 2 cm »');
  });
});

describe('facts input', () => {
  test.each([
    [{}, 'organ: missing (kidney, liver, lung or bone)'],
    [{ organ: 'brain' }, 'organ: "brain" is not one of kidney, liver, lung, bone'],
    [{ organ: 'liver', tumour: 'osteoblastoma' }, 'tumour: "osteoblastoma" is not a tumour type of liver'],
    [{ organ: 'liver', sizeCm: '-1' }, 'sizeCm: "-1" is not a non-negative number'],
    [{ organ: 'liver', count: 0 }, 'count: 0 is not a whole number ≥ 1'],
    [{ organ: 'liver', count: '2.5' }, 'count: "2.5" is not a whole number ≥ 1'],
    [{ organ: 'lung', tStage: 'T9' }, 'tStage: "T9" is not a TNM T category'],
    [{ organ: 'lung', eligibleForSurgery: 'maybe' }, 'eligibleForSurgery: "maybe" is not yes/no'],
    [{ organ: 'lung', size: 2 }, 'size: unknown fact'],
  ])('%o', (input, message) => {
    let e: unknown;
    try { readFacts(input); } catch (x) { e = x; }
    expect(e).toBeInstanceOf(FactsError);
    expect((e as Error).message.startsWith(message)).toBe(true);
  });
});
