import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentError, ingestDocuments, nomenclatureOn, openEngine, openStore, type Store } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'nomen-lib-'));
let store: Store;
beforeAll(async () => {
  store = await openStore(join(dir, 'lib.db'));
}, 60_000);
afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'test', 'fixtures', 'justel', name));

describe('the library over a store', () => {
  it('the nomenclature on a date: 587134 in force with its fee on 2024-11-15, not yet on 2024-10-31; a bad date is refused', async () => {
    expect((await nomenclatureOn(store, '2024-11-15')).state('587134')).toMatchObject({ status: 'in-force', fee: '1773.18' });
    expect((await nomenclatureOn(store, '2024-10-31')).state('587134').status).not.toBe('in-force');
    await expect(nomenclatureOn(store, '2024-02-30')).rejects.toThrow(/2024-02-30/);
  });

  it('ingests documents given as bytes or text, all or nothing; an empty one is refused before anything is stored', async () => {
    const before = (await store.documents()).length;
    await expect(ingestDocuments(store, [{ name: 'a.md', content: fixture('02-insertions.md') }, { name: 'empty.md', content: '' }])).rejects.toBeInstanceOf(DocumentError);
    expect((await store.documents()).length).toBe(before);
    const reports = await ingestDocuments(store, [{ name: '02-insertions.md', content: fixture('02-insertions.md') }, { name: '02-insertions.nl.md', content: fixture('02-insertions.nl.md').toString('utf8') }]);
    expect(reports.map((r) => r.status)).toEqual(['ingested', 'merged']);
    expect((await nomenclatureOn(store, '2003-07-01')).state('555096').label.nl).toBe('Dringende radiografie van de thorax');
  });

  it('an engine decides requests and FHIR Claims, with the refusal codes', async () => {
    const engine = await openEngine(store, { locale: 'nl', notice: () => {} });
    const line = { code: '587134', date: '2024-11-18', documents: ['pre-ablation-report', 'mdt-approval'] };
    const r = engine.check({ claims: [{ id: 'a', ...line }, { id: 'b', ...line }] });
    if (!r.ok) throw new Error('invalid');
    const refusal = r.response.decisions[1].reasons.find((x) => x.outcome === 'violated');
    expect([refusal?.efact?.code, refusal?.etarif]).toEqual(['502255', '002']);
    expect(engine.check({ claims: [] })).toMatchObject({ ok: false, errors: [{ path: 'claims' }] });
    expect(engine.checkFhir({ resourceType: 'Patient' })).toMatchObject({ ok: false, resource: { resourceType: 'OperationOutcome' } });
  });
});
