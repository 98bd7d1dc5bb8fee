/**
 * `nomen check --fhir FILE` through the real binary (dist/): the example Bundle answered with a
 * ClaimResponse the FHIR R4 validator accepts, decided on the database's registry; a malformed
 * Claim gives its OperationOutcome, the element named on stderr, exit 2.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = join(__dirname, '..', 'bin', 'nomen.js');
const EXAMPLE = join(__dirname, '..', 'examples', 'claim.fhir.json');
const dir = mkdtempSync(join(tmpdir(), 'nomen-fhir-'));
const db = join(dir, 'fhir.db');
const nomen = (args: string[]) => spawnSync(process.execPath, [BIN, ...args, '--db', db], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20 });

let validator: { validate(resource: unknown): unknown[] };
beforeAll(() => {
  const Validator = createRequire(import.meta.url)('@asymmetrik/fhir-json-schema-validator') as new () => typeof validator;
  validator = new Validator();
  expect(nomen(['institutions', 'add', 'H-71001', '--name', 'AZ Voorbeeld', '--convention', 'percutaneous-tumour-ablation']).status).toBe(0);
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('nomen check --fhir', () => {
  it('answers the example Bundle with a valid R4 ClaimResponse: tariff, then refusals 002 and 001 with their earlier services', () => {
    const r = nomen(['check', '--fhir', EXAMPLE, '--lang', 'fr']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const res = JSON.parse(r.stdout);
    expect(validator.validate(res)).toEqual([]);
    expect(res.resourceType).toBe('ClaimResponse');
    const adj = res.addItem.map((a: any) => a.adjudication[0]);
    expect(adj.map((a: any) => [a.category.coding[0].code, a.reason?.coding?.[0].code ?? null])).toEqual([['tariff', null], ['refusal', '002'], ['refusal', '001']]);
    expect(adj[2].extension.map((e: any) => e.valueCodeableConcept?.coding[0].code ?? e.valueDate)).toEqual(['587156', '2024-11-04']);
    expect(res.disposition).toBe('1 acceptée(s), 2 refusée(s)');
  });

  it('a malformed Claim: its OperationOutcome on stdout, the element on stderr, exit 2', () => {
    const bundle = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
    bundle.entry[1].resource.item[0].productOrService.coding[0].system = 'urn:other';
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(bundle));
    const r = nomen(['check', '--fhir', file]);
    expect(r.status).toBe(2);
    const outcome = JSON.parse(r.stdout);
    expect(validator.validate(outcome)).toEqual([]);
    expect(outcome.issue[0].expression).toEqual(['Bundle.entry[1].resource.item[0].productOrService.coding']);
    expect(r.stderr).toContain('Bundle.entry[1].resource.item[0].productOrService.coding: no coding in the system https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/be-ns-nihdi-nomenclature');
  });

  it('--max-claims holds for a Claim\'s items: too-costly, exit 2', () => {
    const r = nomen(['check', '--fhir', EXAMPLE, '--max-claims', '2']);
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout).issue[0]).toMatchObject({ code: 'too-costly', expression: ['Bundle.entry[1].resource.item'] });
    expect(r.stderr).toContain('Bundle.entry[1].resource.item: ');
  });

  it('a file that is not JSON: an OperationOutcome, exit 2; --fhir with --ndjson is refused', () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{"resourceType":');
    const r = nomen(['check', '--fhir', file]);
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout).issue[0].diagnostics).toMatch(/^not valid JSON/);
    const both = nomen(['check', '--fhir', '--ndjson', file]);
    expect(both.status).toBe(2);
    expect(both.stdout).toBe('');
    expect(both.stderr).toContain('--fhir: not with --ndjson');
  });
});
