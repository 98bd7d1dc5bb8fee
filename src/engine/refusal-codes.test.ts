import { describe, expect, it } from 'vitest';
import type { Detail, DetailCode } from '../rules/outcomes.js';
import type { ContractKind, LineRef } from '../rules/types.js';
import { en } from './messages/index.js';
import { causeOf, EFACT_CODES, ETARIF_CODES, REFUSAL_TABLE, refusalCodesOf, refusalRow, type RefusalRow } from './refusal-codes.js';

const L = (claim: string, code: string, date: string): LineRef => ({ claim, code, date, history: false });
const conflict = (scope: 'day' | 'stay'): Detail => ({ code: 'non-cumulation.conflict', service: '587134', other: L('L1', '587156', '2024-11-18'), scope, against: ['587156-587160'], sameProvider: false });
const prereq = (timing: 'before' | 'before-or-same-day' | 'same-day'): Detail => ({ code: 'prerequisite.missing', service: '350755', oneOf: ['587134'], count: 1, timing, sameStay: false, ambulatory: false, found: [], pending: [] });
const alt = { specialty: ['radiodiagnosis'], qualifications: [], collaborator: null };

/**
 * One case per row of the table, written by hand from the ecosystem's catalogue: the outcome, the
 * eFact code and eTarif value expected (null: none applies).
 */
const CASES: { name: string; kind: ContractKind; detail: Detail; efact: string | null; etarif: string | null }[] = [
  { name: 'a numeric code of the wrong length', kind: 'unknown-code', detail: { code: 'code.not-a-code', service: '12345' }, efact: null, etarif: null },
  { name: 'a code with letters', kind: 'unknown-code', detail: { code: 'code.not-a-code', service: '58713X' }, efact: '500401', etarif: null },
  { name: 'a wrong check digit', kind: 'unknown-code', detail: { code: 'code.invalid-check-digit', service: '475563', expected: '475565' }, efact: '500402', etarif: null },
  { name: 'a code unknown on the date', kind: 'unknown-code', detail: { code: 'code.unknown', service: '999994', date: '2024-01-01' }, efact: '500420', etarif: '009' },
  { name: 'a code not yet in force', kind: 'not-in-force', detail: { code: 'code.not-yet-in-force', service: '555096', date: '2003-06-30', reason: null }, efact: '500420', etarif: '009' },
  { name: 'a deleted code', kind: 'not-in-force', detail: { code: 'code.deleted', service: '591780', date: '2001-01-01', reason: null }, efact: '500420', etarif: '009' },
  { name: 'the ambulatory code during a stay', kind: 'setting', detail: { code: 'setting.ambulatory-code-in-stay', service: '587134', twin: '587145', stay: 'S1', admission: '2024-11-17' }, efact: null, etarif: null },
  { name: 'the hospitalised code without a stay', kind: 'setting', detail: { code: 'setting.hospitalised-code-without-stay', service: '587145', twin: '587134' }, efact: null, etarif: null },
  {
    name: 'a maximum per day exceeded', kind: 'frequency', efact: '502255', etarif: '002',
    detail: { code: 'frequency.exceeded', service: '587134', max: 1, counted: 1, units: 1, period: 'day', periodDays: null, window: null, stay: null, side: null, together: null, anchor: null, lines: [L('L1', '587134', '2024-11-18')] },
  },
  { name: 'a minimum interval not respected', kind: 'interval', detail: { code: 'interval.too-soon', service: '587134', previous: L('L1', '587134', '2024-11-18'), months: 3, days: 0, earliest: '2025-02-18', lesion: 'x' }, efact: null, etarif: '001' },
  { name: 'a same-day non-cumulation', kind: 'non-cumulation', detail: conflict('day'), efact: '500444', etarif: '010' },
  { name: 'a same-stay (same period) non-cumulation', kind: 'non-cumulation', detail: conflict('stay'), efact: '500445', etarif: '010' },
  { name: 'a same-day prerequisite missing', kind: 'prerequisite', detail: prereq('same-day'), efact: '500438', etarif: '008' },
  { name: 'an earlier prerequisite missing', kind: 'prerequisite', detail: prereq('before'), efact: '501740', etarif: '008' },
  { name: 'a prerequisite of the same stay, without a stay', kind: 'prerequisite', detail: { code: 'prerequisite.no-stay', service: '350755', oneOf: ['587134'] }, efact: '501740', etarif: '008' },
  { name: 'a prior approval missing', kind: 'approval', detail: { code: 'approval.missing', service: '587134', by: ['college-of-medical-directors'] }, efact: '5004K2', etarif: '006' },
  { name: 'an approval dated after the service', kind: 'approval', detail: { code: 'approval.late', service: '587134', by: ['medical-adviser'], approvalDate: '2024-12-01', date: '2024-11-18' }, efact: '5004K2', etarif: '006' },
  { name: 'a provider not allowed', kind: 'provider', detail: { code: 'provider.not-allowed', service: '587134', specialty: 'surgery', qualifications: [], alternatives: [alt] }, efact: '501540', etarif: null },
  {
    name: 'a collaborator missing', kind: 'provider', efact: '501540', etarif: null,
    detail: { code: 'provider.collaborator-missing', service: '587134', specialty: 'surgery', collaborator: { specialty: ['radiodiagnosis'], qualifications: [] }, given: null },
  },
  { name: 'an age condition not met', kind: 'patient', detail: { code: 'patient.age-not-met', service: '101010', age: 6, under: null, atLeast: 7, birthDate: '2018-01-01' }, efact: '500443', etarif: null },
  { name: 'a sex condition not met', kind: 'patient', detail: { code: 'patient.sex-not-met', service: '101010', sex: 'M', required: 'F' }, efact: null, etarif: null },
  { name: 'a hospital-service code without a stay', kind: 'patient', detail: { code: 'patient.no-stay', service: '101010', allowed: ['C'] }, efact: null, etarif: null },
  { name: 'a forbidden hospital service', kind: 'patient', detail: { code: 'patient.service-forbidden', service: '101010', hospitalService: 'Sp', forbidden: ['Sp'] }, efact: null, etarif: null },
  { name: 'a hospital service not allowed', kind: 'patient', detail: { code: 'patient.service-not-allowed', service: '101010', hospitalService: 'A', allowed: ['C'], note: null }, efact: null, etarif: null },
  { name: 'an institution without a convention on the date', kind: 'place', detail: { code: 'place.no-convention', service: '587134', institution: 'H-NONE', convention: 'c', date: '2024-11-18', periods: [] }, efact: '501440', etarif: null },
  { name: 'an institution unknown to the registry', kind: 'place', detail: { code: 'place.unknown-institution', service: '587134', institution: 'H-X', convention: 'c' }, efact: '501440', etarif: null },
  { name: 'a document missing', kind: 'document', detail: { code: 'document.missing', service: '587134', missing: ['mdt-approval'] }, efact: null, etarif: null },
  { name: 'a per-day code without a stay', kind: 'tier', detail: { code: 'tier.no-stay', service: '100000' }, efact: null, etarif: null },
  { name: 'a service before the birth date', kind: 'patient', detail: { code: 'plausibility.born-after-service', service: '101010', date: '2024-01-01', birthDate: '2030-01-01' }, efact: null, etarif: null },
  { name: 'a line before the admission of its stay', kind: 'setting', detail: { code: 'plausibility.before-admission', service: '101010', date: '2024-01-01', admission: '2024-01-02', stay: 'S1' }, efact: null, etarif: null },
  { name: 'a per-day code before admission', kind: 'tier', detail: { code: 'tier.before-admission', service: '100000', admission: '2024-01-02' }, efact: null, etarif: null },
  {
    name: 'a per-day code on the wrong day', kind: 'tier', efact: null, etarif: null,
    detail: { code: 'tier.wrong-day', service: '100000', day: 3, admission: '2024-01-01', fromDay: 1, toDay: 2, lastDate: null, endOfMonth: null },
  },
];

/** Outcomes no rule kind reports as violated (satisfied ones, and warnings): they carry no code. */
const NEVER_VIOLATED = new Set<DetailCode>([
  'code.referenced', 'code.uncertain', 'setting.matches', 'frequency.within', 'frequency.side-missing', 'frequency.no-stay',
  'frequency.no-anchor', 'interval.respected', 'interval.lesion-missing', 'non-cumulation.possible-conflict', 'non-cumulation.none',
  'prerequisite.met', 'approval.present', 'provider.missing', 'provider.allowed', 'patient.birth-date-missing', 'patient.age-met',
  'patient.sex-missing', 'patient.sex-met', 'patient.service-missing', 'patient.service-ok', 'place.institution-missing',
  'place.convention-in-force', 'document.present', 'tier.matches', 'indication.not-given', 'indication.listed', 'indication.not-listed',
  'indication.invalid', 'warning.note', 'exception.document', 'exception.approval',
]);

describe('refusal codes: one case per row of the table', () => {
  for (const c of CASES) {
    it(`${c.name} → eFact ${c.efact ?? 'none'}, eTarif ${c.etarif ?? 'none'}`, () => {
      const row = refusalRow(c.kind, c.detail);
      expect(row).not.toBeNull();
      for (const locale of ['en', 'fr', 'nl'] as const) {
        const codes = refusalCodesOf(c.kind, c.detail, locale);
        expect(codes.efact?.code ?? null).toBe(c.efact);
        expect(codes.etarif).toBe(c.etarif);
        // a null code says why, in the language asked; a code has no such reason
        if (c.efact === null) expect(codes.efactReason).toMatch(/\S{3}/);
        else expect(codes.efactReason).toBeUndefined();
        if (c.etarif === null) expect(codes.etarifReason).toMatch(/\S{3}/);
        else expect(codes.etarifReason).toBeUndefined();
      }
      if (c.efact === null) {
        const [e, f, n] = (['en', 'fr', 'nl'] as const).map((l) => refusalCodesOf(c.kind, c.detail, l).efactReason);
        expect(new Set([e, f, n]).size).toBe(3);
      }
    });
  }

  it('every row is reached by exactly one case', () => {
    const hit = new Map<RefusalRow, string[]>();
    for (const c of CASES) {
      const row = refusalRow(c.kind, c.detail);
      if (row) hit.set(row, [...(hit.get(row) ?? []), c.name]);
    }
    for (const row of REFUSAL_TABLE) expect(hit.get(row)?.length ?? 0, `${row.detail} ${JSON.stringify(row.when ?? {})}`).toBe(1);
  });

  it('every outcome a rule can report as violated has a row; the others none', () => {
    const codes = Object.keys(en) as DetailCode[];
    const mapped = new Set(REFUSAL_TABLE.map((r) => r.detail));
    for (const code of codes) expect(mapped.has(code), code).toBe(!NEVER_VIOLATED.has(code));
  });

  it('the table uses only catalogue codes, and a null code always has its reason in three languages', () => {
    for (const row of REFUSAL_TABLE) {
      if (row.efact !== null) expect(EFACT_CODES[row.efact].code).toBe(row.efact);
      else expect(Object.keys(row.noEfact ?? {}).sort()).toEqual(['en', 'fr', 'nl']);
      if (row.etarif !== null) expect(Object.keys(ETARIF_CODES)).toContain(row.etarif);
      else expect(Object.keys(row.noEtarif ?? {}).sort()).toEqual(['en', 'fr', 'nl']);
    }
  });

  it('an outcome without a row (another kind) gets null codes with a reason, never a guess', () => {
    const c = refusalCodesOf('tier', conflict('day'), 'fr');
    expect(c).toMatchObject({ efact: null, etarif: null });
    expect(c.efactReason).toContain('aucun code');
  });
});

describe('the catalogue labels of the issue', () => {
  it('500444, 502255 and 5004K2 carry their official FR and NL labels and an English meaning', () => {
    expect(EFACT_CODES['500444'].label).toEqual({
      fr: 'Prestation non cumulable avec une autre prestation effectuée le même jour',
      nl: 'Verstrekking niet cumuleerbaar met een andere verstrekking op dezelfde dag.',
      en: 'non-cumulation on the same day',
    });
    expect(EFACT_CODES['502255'].label.fr).toBe("Nombre d'unités maximum de prestation dépassé pendant la période facturée");
    expect(EFACT_CODES['502255'].label.nl).toBe('Maximum aantal eenheden overschreden tijdens de gefactureerde periode.');
    expect(EFACT_CODES['5004K2'].label.fr).toBe('Prestation pour laquelle une demande préalable fait défaut');
    expect(EFACT_CODES['5004K2'].label.nl).toBe('Verstrekking waarvoor een voorafgaandelijk akkoord ontbreekt');
  });
});

describe('causeOf: the earlier service behind a refusal', () => {
  it('names the conflicting line, the previous one, the last one counted; none otherwise', () => {
    expect(causeOf(conflict('day'))).toEqual(L('L1', '587156', '2024-11-18'));
    expect(causeOf(CASES[9].detail)).toEqual(L('L1', '587134', '2024-11-18'));
    expect(causeOf(CASES[8].detail)).toEqual(L('L1', '587134', '2024-11-18'));
    expect(causeOf(prereq('before'))).toBeNull();
  });
});
