import { describe, expect, test } from 'vitest';
import { addDays, addMonths } from '../date.js';
import {
  complianceReport, parseClaimLines, percent, renderCompliance, volumePeriods, type ComplianceLine, type Figure,
} from './compliance.js';
import { InputError } from './csv.js';
import { conventionRecord, type Institution } from './registry.js';
import { breastFeesNomenclature, generateClaims, toNdjson, type ClaimFileSpec } from './test-support.js';
import { builtinCatalogue } from './catalogue.js';
import type { Obligation, VolumeParams } from './obligations/index.js';

const ABL = 'percutaneous-tumour-ablation';
const BR = 'breast-reconstruction';
const START = '2024-11-01';
const END = '2029-10-31';

const centre: Institution = {
  id: 'H-71001', name: 'AZ Voorbeeld',
  conventions: [conventionRecord({ convention: ABL }), conventionRecord({ convention: BR, signed: '2016-11-15' })],
};

function report(spec: Partial<ClaimFileSpec>, window = { from: START, to: END }, inst = centre) {
  const lines = generateClaims({ seed: 42, institution: inst.id, start: START, ablationsPerYear: [], ...spec });
  const parsed = parseClaimLines(toNdjson(lines));
  return { lines: parsed, r: complianceReport(inst, parsed, window, { nomenclature: breastFeesNomenclature() }) };
}

function fig(figs: Figure[], id: string): Figure {
  const f = figs.find((x) => x.id === id);
  if (!f) throw new Error(`no figure ${id} among ${figs.map((x) => x.id).join(', ')}`);
  return f;
}

function line(code: string, date: string, extra: Partial<ComplianceLine> = {}, n = 1): ComplianceLine {
  return { line: n, id: null, code, date, billedOn: null, supplement: null, room: null, institution: null, units: 1, fee: null, ...extra };
}

describe('ablation volume (Art. 5.4)', () => {
  test('periods: transition [start, start + 3 years), then convention years, the last one ending with the convention', () => {
    const volume = builtinCatalogue().find(ABL)!.obligations.find((o) => o.kind === 'volume') as Obligation<VolumeParams>;
    expect(volumePeriods(volume, START, END).map((p) => [p.label, p.from, p.to, p.min])).toEqual([
      ['transition period (years 1–3)', '2024-11-01', '2027-10-31', 60],
      ['convention year 4', '2027-11-01', '2028-10-31', 30],
      ['convention year 5', '2028-11-01', '2029-10-31', 30],
    ]);
  });

  test('a generated five-year file: 60 in the transition passes, 30 passes, 29 fails', () => {
    const { r } = report({ ablationsPerYear: [25, 20, 15, 30, 29], otherInstitutionLines: 40, noise: 25 });
    const t = fig(r.figures, 'ablation.volume.transition');
    expect([t.value, t.status, t.threshold]).toEqual(['60', 'pass', { op: '>=', value: '60', unit: 'ablations' }]);
    expect(t.source.article).toBe('5.4');
    expect(t.source.text).toContain('au minimum 60 ablations percutanées sur une période de 3 ans');
    expect([fig(r.figures, 'ablation.volume.year-4').value, fig(r.figures, 'ablation.volume.year-4').status]).toEqual(['30', 'pass']);
    const y5 = fig(r.figures, 'ablation.volume.year-5');
    expect([y5.value, y5.status, y5.period]).toEqual(['29', 'fail', { from: '2028-11-01', to: '2029-10-31' }]);
    expect(y5.source.text).toContain('au moins 30 ablations percutanées par an');
    expect(t.series).toEqual([
      { label: 'transition period (years 1–3)', from: '2024-11-01', to: '2027-10-31', value: 60 },
      { label: 'convention year 4', from: '2027-11-01', to: '2028-10-31', value: 30 },
      { label: 'convention year 5', from: '2028-11-01', to: '2029-10-31', value: 29 },
    ]);
    expect(r.lines.otherInstitution).toBe(40);
    expect(r.lines.notConcerned).toBe(25);
  });

  test('59 in the transition fails', () => {
    const { r } = report({ ablationsPerYear: [25, 20, 14, 31, 30] });
    const t = fig(r.figures, 'ablation.volume.transition');
    expect([t.value, t.status]).toEqual(['59', 'fail']);
    expect(t.note).toMatch(/complete: 59 < 60/);
  });

  test('the boundary day: 2027-10-31 belongs to the transition, 2027-11-01 to year 4', () => {
    const lines = [line('587134', '2027-10-31'), line('587145', '2027-11-01', { units: 2 })];
    const r = complianceReport(centre, lines, { from: START, to: END });
    expect(fig(r.figures, 'ablation.volume.transition').value).toBe('1');
    expect(fig(r.figures, 'ablation.volume.year-4').value).toBe('2');
  });

  test('a window that cuts a period: incomplete below the threshold, naming the period; pass once reached', () => {
    const { lines, r } = report({ ablationsPerYear: [25, 20, 15, 30, 29] }, { from: '2025-01-01', to: '2028-03-31' });
    const t = fig(r.figures, 'ablation.volume.transition');
    const expected = lines.filter((l) => l.code.startsWith('587') && l.date >= '2025-01-01' && l.date <= '2027-10-31').length;
    expect(t.value).toBe(String(expected));
    expect(t.counted).toEqual({ from: '2025-01-01', to: '2027-10-31' });
    expect(t.status).toBe(expected >= 60 ? 'pass' : 'incomplete');
    const y4 = fig(r.figures, 'ablation.volume.year-4');
    const n4 = lines.filter((l) => l.code.startsWith('587') && l.date >= '2027-11-01' && l.date <= '2028-03-31').length;
    expect(y4.value).toBe(String(n4));
    expect(n4).toBeLessThan(30);
    expect(y4.status).toBe('incomplete');
    expect(y4.note).toBe(`the window 2025-01-01 to 2028-03-31 cuts the convention year 4 (2027-11-01 to 2028-10-31): counted 2027-11-01 to 2028-03-31 only; ${n4} of at least 30 so far`);
    expect(r.figures.some((f) => f.id === 'ablation.volume.year-5')).toBe(false);
  });

  test('a cut period already above its threshold passes', () => {
    const lines = Array.from({ length: 30 }, (_, k) => line('587171', addDays('2027-11-01', k)));
    const r = complianceReport(centre, lines, { from: '2027-11-01', to: '2027-12-31' });
    const y4 = fig(r.figures, 'ablation.volume.year-4');
    expect([y4.value, y4.status]).toEqual(['30', 'pass']);
  });

  test('a convention ended early leaves its last period incomplete, not failed', () => {
    const inst: Institution = { id: 'H-2', name: null, conventions: [{ convention: ABL, from: START, to: '2026-03-31' }] };
    const lines = Array.from({ length: 10 }, (_, k) => line('587193', addDays('2025-01-01', k * 7)));
    const r = complianceReport(inst, lines, { from: START, to: END });
    const t = fig(r.figures, 'ablation.volume.transition');
    expect(t.period).toEqual({ from: START, to: '2026-03-31' });
    expect(t.status).toBe('incomplete');
    expect(t.note).toMatch(/the convention ends 2026-03-31, before the end of the transition period/);
  });

  test('lines outside the convention period are not counted, and reported', () => {
    const lines = [line('587134', '2024-10-31'), line('587134', '2024-11-01')];
    const r = complianceReport(centre, lines, { from: '2024-10-01', to: '2024-11-30' });
    expect(fig(r.figures, 'ablation.volume.transition').value).toBe('1');
    expect(r.lines.outsideConvention).toBe(1);
    expect(r.warnings.join('\n')).toMatch(/1 lines in the window are services of a convention not in force/);
  });
});

describe('billing within two months (Art. 6, 6°)', () => {
  test('generated file: exactly the late lines are found; billing on the deadline is in time', () => {
    const { r, lines } = report({ ablationsPerYear: [25, 20, 15, 30, 30], lateBillings: [2, 0, 1, 0, 3], billedOnDeadline: [3, 3, 3, 3, 3], missingBilledOn: [0, 0, 0, 0, 0] });
    const f = fig(r.figures, 'ablation.billing-delay');
    expect([f.value, f.status]).toEqual(['6', 'fail']);
    expect(f.counts).toMatchObject({ lines: 120, checked: 120, late: 6, onTime: 114, unknown: 0 });
    expect(f.findings).toHaveLength(6);
    for (const x of f.findings) {
      const l = lines.find((y) => y.line === x.line)!;
      expect(l.billedOn! > addMonths(l.date, 2)).toBe(true);
      expect(x.detail).toContain(`after the deadline ${addMonths(l.date, 2)}`);
    }
    expect(lines.filter((l) => l.billedOn === addMonths(l.date, 2)).length).toBeGreaterThanOrEqual(15);
    expect(f.source.text).toBe("facturer les prestations d'ablation percutanée dans les deux mois suivant la réalisation de la prestation.");
    expect(r.interpretations.join(' ')).toMatch(/billedOn ≤ service date \+ 2 calendar months/);
  });

  test.each([
    ['2024-11-15', '2025-01-15', 'pass'],
    ['2024-11-15', '2025-01-16', 'fail'],
    ['2024-12-31', '2025-02-28', 'pass'],
    ['2024-12-31', '2025-03-01', 'fail'],
    ['2027-12-31', '2028-02-29', 'pass'],
    ['2025-08-31', '2025-10-31', 'pass'],
    ['2025-08-31', '2025-11-01', 'fail'],
  ])('service %s billed %s: %s', (date, billedOn, status) => {
    const r = complianceReport(centre, [line('587156', date, { billedOn })], { from: START, to: END });
    expect(fig(r.figures, 'ablation.billing-delay').status).toBe(status);
  });

  test('lines without billedOn make the figure incomplete, never a silent pass', () => {
    const { r } = report({ ablationsPerYear: [25], missingBilledOn: [4] }, { from: START, to: '2025-10-31' });
    const f = fig(r.figures, 'ablation.billing-delay');
    expect(f.status).toBe('incomplete');
    expect(f.counts).toMatchObject({ lines: 25, checked: 21, unknown: 4 });
    expect(f.note).toBe('21 lines billed in time; 4 lines have no billedOn and could not be checked');
  });

  test('no ablation line: not checkable', () => {
    const r = complianceReport(centre, [], { from: START, to: END });
    expect(fig(r.figures, 'ablation.billing-delay').status).toBe('not-checkable');
  });
});

describe('breast reconstruction (Art. 1, 9)', () => {
  const win = { from: '2023-01-01', to: '2023-12-31' };
  const breast = (b: NonNullable<ClaimFileSpec['breast']>) => report({ breast: b }, win);

  test.each([
    [60, '40.00', 'pass'],
    [61, '39.00', 'fail'],
    [59, '41.00', 'pass'],
  ])('100 interventions, %s with supplement: %s %% without, %s', (withSupplement, value, status) => {
    const { r } = breast({ from: '2023-01-01', to: '2023-12-31', interventions: 100, withSupplement });
    const f = fig(r.figures, 'breast.share-without-supplement');
    expect([f.value, f.status]).toEqual([value, status]);
    expect(f.threshold).toEqual({ op: '>=', value: '40', unit: '%' });
    expect(f.source.text).toBe('garantir qu’en moyenne dans au moins 40% des interventions aucun supplément n’est attesté.');
  });

  test('lines without a supplement field decide only when the figure holds whatever they are', () => {
    // 7 of 20 without, 3 unknown, 10 with: worst 7/20 = 35 %, best 10/20 = 50 % → incomplete.
    let f = fig(breast({ from: '2023-01-01', to: '2023-12-31', interventions: 20, withSupplement: 10, unknownSupplement: 3 }).r.figures, 'breast.share-without-supplement');
    expect([f.status, f.counts.unknown, f.counts.withoutSupplement]).toEqual(['incomplete', 3, 7]);
    // 12 of 20 without, 2 unknown, 6 with: worst 12/20 = 60 % → pass.
    f = fig(breast({ from: '2023-01-01', to: '2023-12-31', interventions: 20, withSupplement: 6, unknownSupplement: 2 }).r.figures, 'breast.share-without-supplement');
    expect(f.status).toBe('pass');
    // 3 of 20 without, 2 unknown, 15 with: best 5/20 = 25 % → fail.
    f = fig(breast({ from: '2023-01-01', to: '2023-12-31', interventions: 20, withSupplement: 15, unknownSupplement: 2 }).r.figures, 'breast.share-without-supplement');
    expect(f.status).toBe('fail');
  });

  test('supplement cap: 100 % of the fee passes, above fails; fees from the nomenclature', () => {
    const { r, lines } = breast({ from: '2023-01-01', to: '2023-12-31', interventions: 50, withSupplement: 20, overCap: 2 });
    const f = fig(r.figures, 'breast.supplement-cap');
    expect([f.value, f.status]).toEqual(['2', 'fail']);
    expect(f.counts).toMatchObject({ withSupplement: 20, checked: 20, over: 2 });
    expect(f.findings.map((x) => x.detail).join('\n')).toMatch(/> 100 % of the fee (3088\.44|4693\.06) EUR/);
    // The generator puts one supplement exactly at 100 % of the fee: it is not among the findings.
    const exact = lines.filter((l) => l.supplement && (l.supplement.units === 308844n || l.supplement.units === 469306n));
    expect(exact.length).toBeGreaterThanOrEqual(1);
    expect(f.findings.some((x) => exact.some((e) => e.line === x.line))).toBe(false);
    expect(f.source.article).toBe('Art. 9');
  });

  test('supplement cap boundary, one cent either side', () => {
    const at = (s: string) => complianceReport(centre, parseClaimLines(JSON.stringify({ code: '252652', date: '2023-05-01', supplement: s, room: 'single' })), win, { nomenclature: breastFeesNomenclature() });
    expect(fig(at('3088.44').figures, 'breast.supplement-cap').status).toBe('pass');
    expect(fig(at('3088.45').figures, 'breast.supplement-cap').status).toBe('fail');
  });

  test('without a fee the cap cannot be checked: incomplete', () => {
    const lines = parseClaimLines(JSON.stringify({ code: '252674', date: '2023-05-01', supplement: '100.00', room: 'single' }));
    const f = fig(complianceReport(centre, lines, win).figures, 'breast.supplement-cap');
    expect(f.status).toBe('incomplete');
    expect(f.findings[0].detail).toMatch(/fee unknown/);
    const withFee = parseClaimLines(JSON.stringify({ code: '252674', date: '2023-05-01', supplement: '100.00', room: 'single', fee: '4693.06' }));
    expect(fig(complianceReport(centre, withFee, win).figures, 'breast.supplement-cap').status).toBe('pass');
  });

  test('supplements only in a single room', () => {
    const { r } = breast({ from: '2023-01-01', to: '2023-12-31', interventions: 40, withSupplement: 20, notSingleRoom: 3 });
    const f = fig(r.figures, 'breast.supplement-single-room');
    expect([f.value, f.status, f.counts.notSingle]).toEqual(['3', 'fail', 3]);
    expect(f.also?.[0].text).toMatch(/même en chambres à deux lits/);
    const ok = breast({ from: '2023-01-01', to: '2023-12-31', interventions: 40, withSupplement: 20 }).r;
    expect(fig(ok.figures, 'breast.supplement-single-room').status).toBe('pass');
  });

  test('no supplement on the services of articles 4 and 5', () => {
    const { r } = breast({ from: '2023-01-01', to: '2023-12-31', interventions: 10, withSupplement: 0, phase2: 12, phase2WithSupplement: 2 });
    const f = fig(r.figures, 'breast.no-other-supplement');
    expect([f.value, f.status]).toEqual(['2', 'fail']);
    expect(f.source.text).toMatch(/^Pour les prestations couvertes par les honoraires mentionnés aux articles 3, 4 et 5, aucun autre supplément/);
  });

  test('a breast convention ended by notice gives figures only up to its last day', () => {
    const inst: Institution = { id: 'H-3', name: null, conventions: [conventionRecord({ convention: BR, signed: '2016-11-15', noticeSent: '2023-03-15' })] };
    const lines = [
      line('252652', '2023-09-30', { supplement: { units: 0n, scale: 2 } }),
      line('252652', '2023-10-01', { supplement: { units: 100n, scale: 2 }, room: 'single' }),
    ];
    const r = complianceReport(inst, lines, win, { nomenclature: breastFeesNomenclature() });
    const f = fig(r.figures, 'breast.share-without-supplement');
    expect(f.period).toEqual({ from: '2023-01-01', to: '2023-09-30' });
    expect([f.value, f.counts.interventions]).toEqual(['100.00', 1]);
    expect(r.lines.outsideConvention).toBe(1);
  });
});

describe('the report', () => {
  test('a convention not in force during the window gives no figure and a warning', () => {
    const inst: Institution = { id: 'H-4', name: null, conventions: [conventionRecord({ convention: ABL })] };
    const r = complianceReport(inst, [], { from: '2020-01-01', to: '2020-12-31' });
    expect(r.figures).toEqual([]);
    expect(r.warnings).toContain('percutaneous-tumour-ablation: not in force during the window 2020-01-01 to 2020-12-31');
  });

  test('bad window', () => {
    expect(() => complianceReport(centre, [], { from: '2025-01-01', to: '2024-01-01' })).toThrow('field to: 2024-01-01 is before --from 2025-01-01');
    expect(() => complianceReport(centre, [], { from: '2025-13-01', to: '2026-01-01' })).toThrow(/field from: "2025-13-01" is not a date/);
  });

  test('the readable report shows each figure with its threshold, status and source', () => {
    const { r } = report({ ablationsPerYear: [25, 20, 15, 30, 29], lateBillings: [1, 0, 0, 0, 0], breast: { from: '2024-11-01', to: '2029-10-31', interventions: 30, withSupplement: 10 } });
    const text = renderCompliance(r);
    expect(text).toContain('Compliance of H-71001 (AZ Voorbeeld), 2024-11-01 to 2029-10-31');
    expect(text).toContain('[PASS] Ablations, transition period (years 1–3): 60 ablations (threshold >= 60 ablations)');
    expect(text).toContain('[FAIL] Ablations, convention year 5: 29 ablations (threshold >= 30 ablations)');
    expect(text).toContain('[FAIL] Ablations billed more than two months after the service: 1 line billed late (threshold = 0 lines billed late)');
    expect(text).toContain('[PASS] Share of interventions without a supplement: 66.67 % (threshold >= 40 %)');
    expect(text).toContain(`source: [conv-fc467a2e32d3c4b9, 5.4] « Après la période de transition de 3 ans`);
    expect(text).toMatch(/Summary: \d+ pass, 2 fail/);
    expect(JSON.parse(JSON.stringify(r)).figures.length).toBe(r.figures.length);
  });

  test('the same seed gives the same file', () => {
    const a = generateClaims({ seed: 7, institution: 'H', start: START, ablationsPerYear: [10, 10], breast: { from: START, to: END, interventions: 5, withSupplement: 2 } });
    const b = generateClaims({ seed: 7, institution: 'H', start: START, ablationsPerYear: [10, 10], breast: { from: START, to: END, interventions: 5, withSupplement: 2 } });
    expect(toNdjson(a)).toBe(toNdjson(b));
  });
});

describe('claim file parsing', () => {
  test.each([
    ['{"code":"587134","date":"2025-01-01"}\n{"code":"587134","date":"2025-02-30"}', 'line 2, field date: "2025-02-30" is not a date in the form YYYY-MM-DD'],
    ['{"code":"587134","date":"2025-01-01"}\n\n{"date":"2025-01-01"}', 'line 3, field code: missing (a 6-digit nomenclature code is required)'],
    ['{"code":"587134"}', 'line 1, field date: missing (a date YYYY-MM-DD is required)'],
    ['{"code":"587135","date":"2025-01-01"}', 'line 1, field code: 587135 has an invalid check digit (the 6th digit is the first five mod 7)'],
    ['{"code":"587134","date":"2025-01-01","billedOn":"01/03/2025"}', 'line 1, field billedOn: "01/03/2025" is not a date in the form YYYY-MM-DD'],
    ['{"code":"252652","date":"2025-01-01","supplement":1500.5}', 'line 1, field supplement: 1500.5 is a binary floating-point number: give amounts as a decimal string ("1500.50")'],
    ['{"code":"252652","date":"2025-01-01","supplement":"1.500,00"}', 'line 1, field supplement: "1.500,00" is not an amount in euro (a decimal string with at most two decimals, e.g. "1250.00")'],
    ['{"code":"252652","date":"2025-01-01","room":"suite"}', 'line 1, field room: "suite" is not a room type (single, double, common)'],
    ['{"code":"587134","date":"2025-01-01","units":0}', 'line 1, field units: 0 is not a positive whole number'],
    ['{"code":"587134","date":"2025-01-01"}\n{"code":"587134",', 'line 2: not valid JSON'],
    ['[1,2]', 'line 1: not a JSON object (one claim line per line)'],
  ])('bad file %#', (text, message) => {
    let e: unknown;
    try { parseClaimLines(text); } catch (x) { e = x; }
    expect(e).toBeInstanceOf(InputError);
    expect((e as Error).message.startsWith(message)).toBe(true);
  });

  test('integer amounts and extra claim fields are accepted', () => {
    const [l] = parseClaimLines('{"id":"L1","code":"252652","date":"2025-01-01","supplement":1500,"provider":{"id":"x"},"billedOn":"2025-01-05"}');
    expect(l).toMatchObject({ line: 1, id: 'L1', billedOn: '2025-01-05', supplement: { units: 1500n, scale: 0 } });
  });

  test('percent is exact, half-up', () => {
    expect(percent(2, 3)).toBe('66.67');
    expect(percent(1, 3)).toBe('33.33');
    expect(percent(40, 100)).toBe('40.00');
    expect(percent(1, 8)).toBe('12.50');
    expect(percent(1, 16)).toBe('6.25');
    expect(percent(1, 32)).toBe('3.13');
    expect(percent(0, 5)).toBe('0.00');
  });
});
