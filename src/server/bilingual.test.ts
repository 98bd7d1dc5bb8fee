/**
 * The HTTP API on an act held in French and Dutch (same NUMAC): ingest merges the texts, the
 * document shows each text with its coverage, the code's Dutch label is filled, search finds
 * Dutch words. Answers validated against /openapi.json.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { call, post, removeDatabases, startServer, type Json, type TestServer } from './test-support.js';

const fixture = (name: string) => readFileSync(join(__dirname, '..', '..', 'test', 'fixtures', 'justel', name), 'utf8');
const ID = '2003022777';

let server: TestServer;
let ajv: InstanceType<typeof Ajv2020>;

function conforms(component: string, body: unknown) {
  const validate = ajv.getSchema(`nomen#/components/schemas/${component}`)!;
  if (!validate(body)) throw new Error(`${component}: ${JSON.stringify(validate.errors?.slice(0, 5))}`);
}

beforeAll(async () => {
  server = await startServer();
  const openapi = (await call(server, '/openapi.json')).body;
  ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ $id: 'nomen', components: openapi.components });
});

afterAll(async () => {
  await server?.close();
  await removeDatabases();
});

describe('API: one act, two texts', () => {
  it('POST /v1/documents: the Dutch text joins the French one (merged), then either is unchanged', async () => {
    // before: the French text alone has no Dutch label
    const first = await call(server, '/v1/documents?name=fr.md', { method: 'POST', headers: { 'content-type': 'text/markdown' }, body: fixture('02-insertions.md') });
    expect([first.status, first.body.documents[0].status]).toEqual([201, 'ingested']);
    expect((await call(server, `/v1/codes/555030?at=2003-07-01`)).body.label).toEqual({ fr: "Perfusion d'un médicament par pompe implantée", nl: null });
    const r = await post(server, '/v1/documents', { documents: [{ name: 'nl.md', text: fixture('02-insertions.nl.md') }] });
    expect(r.status).toBe(201);
    conforms('IngestResult', r.body);
    const [report] = r.body.documents;
    expect([report.status, report.document, report.languages]).toEqual(['merged', ID, ['fr', 'nl']]);
    expect(Object.keys(report.coverage)).toEqual(['fr', 'nl']);
    expect(report.coverage.nl).toEqual({ items: 5, understood: 5, missed: [] });
    const again = await post(server, '/v1/documents', { documents: [{ name: 'fr.md', text: fixture('02-insertions.md') }, { name: 'nl.md', text: fixture('02-insertions.nl.md') }] });
    expect([again.status, again.body.documents.map((d: Json) => d.status)]).toEqual([200, ['unchanged', 'unchanged']]);
  });

  it('GET /v1/codes/{code}: label.nl is filled; search finds the code by Dutch words', async () => {
    const code = await call(server, '/v1/codes/555030?at=2003-07-01');
    conforms('CodeView', code.body);
    expect(code.body.label).toEqual({ fr: "Perfusion d'un médicament par pompe implantée", nl: 'Perfusie van een geneesmiddel met een geïmplanteerde pomp' });
    const s = await call(server, `/v1/search?q=${encodeURIComponent('Geïmplanteerde pomp')}&at=2003-07-01`);
    conforms('SearchResult', s.body);
    expect(s.body.results.map((h: Json) => [h.code, h.labelNl])).toEqual([
      ['555030', 'Perfusie van een geneesmiddel met een geïmplanteerde pomp'],
      ['555041', 'Perfusie van een geneesmiddel met een geïmplanteerde pomp'],
    ]);
  });

  it('GET /v1/documents/{id}: both texts, each with its facts located in it and its coverage; the list gives the coverage', async () => {
    const d = await call(server, `/v1/documents/${ID}`);
    expect(d.status).toBe(200);
    conforms('DocumentView', d.body);
    expect(d.body.texts.map((t: Json) => [t.language, t.text === fixture(t.language === 'fr' ? '02-insertions.md' : '02-insertions.nl.md')])).toEqual([['fr', true], ['nl', true]]);
    for (const t of d.body.texts) {
      expect(t.coverage).toEqual({ items: 5, understood: 5, missed: [] });
      const located = t.facts.filter((f: Json) => f.span);
      expect(located.length).toBeGreaterThan(4);
      // every span is the sentence in this text
      for (const f of located) expect(t.text.slice(f.span[0], f.span[1]).replace(/\s+/g, ' ')).toBe(f.text);
    }
    // the document's own facts are those of its primary (French) text, saying so
    expect(d.body.facts.every((f: Json) => f.language === 'fr')).toBe(true);
    expect(d.body.coverage).toEqual({ fr: d.body.texts[0].coverage, nl: d.body.texts[1].coverage });
    const list = await call(server, '/v1/documents');
    conforms('DocumentList', list.body);
    const entry = list.body.documents.find((x: Json) => x.document === ID);
    expect([entry.languages, entry.coverage.fr.understood]).toEqual([['fr', 'nl'], 5]);
    // the conventions have no amendment items: no coverage is shown, never an invented one
    const conventions = list.body.documents.filter((x: Json) => x.kind === 'convention');
    expect(conventions.length).toBe(2);
    expect(conventions.map((x: Json) => x.coverage)).toEqual([undefined, undefined]);
  });
});
