/**
 * The case suite every Store runs (SQLite and PostgreSQL alike). Cross-store identity is checked
 * against one reference: an in-memory SQLite store loaded with the built-in corpus, so that
 * "PostgreSQL gives what SQLite gives" is a test of each run, not of two runs compared by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../corpus/detect.js';
import { codeFacts, isGlobalFact, globalCovers, type CodeFact } from '../nomenclature/code-facts.js';
import { codeHistory, searchCodes, showCode } from '../queries.js';
import { builtinInputs, openStore } from './open.js';
import { openSqlite, type SqliteStore } from './sqlite.js';
import type { IngestInput, IngestReport, Institution, Store, StoredLine } from './types.js';
import { IngestRefused } from './refusal.js';

/** Opens a store: with no argument, on a new empty database; given a store, a second independent handle (connection, pool) on that store's database. */
export type OpenStore = (sameDatabaseAs?: Store) => Promise<Store>;

/** Extra hooks of the suite. */
export interface SuiteOptions {
  /** A `--db` spec of a new database, to run openStore on it (bootstrap, concurrent first opens). */
  freshSpec?: () => Promise<string>;
}

type Comparable = Omit<IngestReport, 'ingestedAt'>;
const comparable = (r: IngestReport): Comparable => {
  const { ingestedAt: _ignored, ...rest } = r;
  return rest;
};

/** The value or the error message of a query: both stores must fail alike too. */
async function outcome<T>(fn: () => Promise<T>): Promise<{ ok: T } | { error: string }> {
  try {
    return { ok: await fn() };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

const line = (id: string, date: string, extra: Record<string, unknown> = {}): StoredLine => ({ id, date, claim: { id, code: '587134', date, ...extra } });

/** Registers the shared store cases under `describe(name)`. */
export function describeStore(name: string, open: OpenStore, options: SuiteOptions = {}): void {
  describe(`Store contract: ${name}`, () => {
    const opened: Store[] = [];
    const track = async (same?: Store): Promise<Store> => {
      const s = await open(same);
      opened.push(s);
      return s;
    };
    let inputs: IngestInput[];
    let reference: SqliteStore;
    let referenceReports: IngestReport[];
    let loaded: Store;
    let loadReports: IngestReport[];
    /** A built-in document whose identity does not depend on its text (an act's NUMAC), to be replaced by a new text. */
    const stable = (): IngestInput => {
      const found = inputs.find((i) => parseDocument(i.raw + '\n', i.file).id === i.doc.id);
      if (!found) throw new Error('no built-in document keeps its identity when its text changes');
      return found;
    };
    /** A new store holding the built-in corpus, for cases that write. */
    const loadedStore = async (): Promise<Store> => {
      const s = await track();
      await s.ingest(inputs);
      return s;
    };

    beforeAll(async () => {
      inputs = await builtinInputs();
      reference = openSqlite(':memory:');
      referenceReports = await reference.ingest(inputs);
      loaded = await track();
      loadReports = await loaded.ingest(inputs);
    });

    afterAll(async () => {
      // Every handle closed, even after a failure: a pool left open keeps the test process (and server) busy.
      await Promise.allSettled([reference?.close(), ...opened.map((s) => s.close())]);
    });

    describe('ingest', () => {
      it('loads the built-in corpus with the reports of the reference', async () => {
        expect(await loaded.isEmpty()).toBe(false);
        expect(loadReports.map((r) => r.status)).toEqual(inputs.map(() => 'ingested'));
        expect(loadReports.map(comparable)).toEqual(referenceReports.map(comparable));
      });

      it('holds the same documents and facts as the reference, in ingestion order', async () => {
        expect((await loaded.documents()).map(comparable)).toEqual((await reference.documents()).map(comparable));
        const facts = await loaded.allFacts();
        expect(facts).toEqual(await reference.allFacts());
        // Ingestion order: documents in input order, facts in document order.
        expect(facts).toEqual(inputs.flatMap((i) => codeFacts(i.doc)));
        for (const i of inputs) {
          const [got, want] = [await loaded.document(i.doc.id), await reference.document(i.doc.id)];
          expect(got).not.toBeNull();
          expect({ ...got!, report: comparable(got!.report) }).toEqual({ ...want!, report: comparable(want!.report) });
          expect(got!.raw).toBe(i.raw);
        }
        expect(await loaded.document('no-such-document')).toBeNull();
        // every parsed document at once, in ingestion order (what the rules are extracted from)
        const parsed = await loaded.parsedDocuments();
        expect(parsed.map((d) => d.id)).toEqual(inputs.map((i) => i.doc.id));
        expect(parsed).toEqual(await Promise.all(inputs.map(async (i) => (await loaded.document(i.doc.id))!.parsed)));
      });

      it('starts empty', async () => {
        const s = await track();
        expect(await s.isEmpty()).toBe(true);
        expect(await s.documents()).toEqual([]);
        expect(await s.allFacts()).toEqual([]);
        expect(await s.parsedDocuments()).toEqual([]);
        expect(await s.factsFor('355751')).toEqual([]);
        expect(await s.institutions()).toEqual([]);
        expect(await s.historyOf('P-001')).toEqual([]);
      });

      it('is idempotent: the same documents again are unchanged and add no row', async () => {
        const s = await loadedStore();
        const [docs, facts] = [await s.documents(), await s.allFacts()];
        const again = await s.ingest(inputs);
        expect(again.map((r) => r.status)).toEqual(inputs.map(() => 'unchanged'));
        // The prior report comes back (issues included), only the status differs.
        expect(again.map((r) => ({ ...r, status: 'ingested' }))).toEqual(docs);
        expect(await s.documents()).toEqual(docs);
        expect(await s.allFacts()).toEqual(facts);
        // A batch naming one document twice stores it once.
        const t = await track();
        const twice = await t.ingest([inputs[0], inputs[0]]);
        expect(twice.map((r) => r.status)).toEqual(['ingested', 'unchanged']);
        expect(await t.documents()).toHaveLength(1);
      });

      it('replaces a document whose text changed, leaving no stale fact, and ranks it last', async () => {
        const s = await loadedStore();
        const first = stable();
        const raw = first.raw + '\n';
        const changed: IngestInput = { file: first.file, raw, doc: parseDocument(raw, first.file) };
        expect(changed.doc.id).toBe(first.doc.id);
        const [report] = await s.ingest([changed]);
        expect(report.status).toBe('replaced');
        expect((await s.document(first.doc.id))!.raw).toBe(raw);
        const docs = await s.documents();
        expect(docs.map((d) => d.document)).toEqual([...inputs.filter((i) => i !== first).map((i) => i.doc.id), first.doc.id]);
        expect((await s.parsedDocuments()).map((d) => d.id)).toEqual(docs.map((d) => d.document));
        const facts = await s.allFacts();
        expect(facts.filter((f) => f.document === first.doc.id)).toEqual(codeFacts(changed.doc));
        expect(facts).toHaveLength((await reference.allFacts()).length);
        // The same through the reference engine: the orders agree.
        const ref = openSqlite(':memory:');
        try {
          await ref.ingest(inputs);
          await ref.ingest([changed]);
          expect(facts).toEqual(await ref.allFacts());
          expect(docs.map(comparable)).toEqual((await ref.documents()).map(comparable));
        } finally {
          await ref.close();
        }
      });

      it('is atomic: a batch whose second document cannot be stored leaves the store unchanged', async () => {
        const s = await loadedStore();
        const [docs, facts] = [await s.documents(), await s.allFacts()];
        const first = stable();
        const changedRaw = first.raw + '\n\n';
        const replacement: IngestInput = { file: first.file, raw: changedRaw, doc: parseDocument(changedRaw, first.file) };
        // A title is NOT NULL in the schema: the insert of this document fails on every engine.
        const other = inputs.find((i) => i !== first)!;
        const broken: IngestInput = { ...other, raw: other.raw + ' ', doc: { ...other.doc, id: 'broken-document', title: null as unknown as string } };
        await expect(s.ingest([replacement, broken])).rejects.toThrow();
        expect(await s.documents()).toEqual(docs);
        expect(await s.allFacts()).toEqual(facts);
        expect((await s.document(first.doc.id))!.raw).toBe(first.raw);
        expect(await s.document('broken-document')).toBeNull();
        // On an empty store too: the first document is not left behind.
        const e = await track();
        await expect(e.ingest([inputs[0], broken])).rejects.toThrow();
        expect(await e.isEmpty()).toBe(true);
        expect(await e.allFacts()).toEqual([]);
        // And the store still works after the failure.
        expect((await e.ingest([inputs[0]]))[0].status).toBe('ingested');
      });

      it('cannot be poisoned: documents whose rules would not compile are refused, naming the sentence, and nothing is stored', async () => {
        const s = await loadedStore();
        const [docs, facts] = [await s.documents(), await s.allFacts()];
        const convention = inputs.find((i) => i.raw.includes('attestées une fois par jour'))!;
        const raw = convention.raw.replace('attestées une fois par jour', 'attestées 0 fois par jour');
        const poisoned: IngestInput = { file: 'zero.txt', raw, doc: parseDocument(raw, 'zero.txt') };
        const refusal = await s.ingest([poisoned]).then(() => null, (e: unknown) => e);
        expect(refusal).toBeInstanceOf(IngestRefused);
        expect(refusal).toMatchObject({ file: 'zero.txt', sentence: { document: poisoned.doc.id, article: '4.1.2' } });
        expect((refusal as IngestRefused).sentence!.text).toContain('attestées 0 fois par jour');
        expect(await s.documents()).toEqual(docs);
        expect(await s.allFacts()).toEqual(facts);
        expect(await s.document(poisoned.doc.id)).toBeNull();
      });

      describe('one act, two texts (FR + NL, same NUMAC)', () => {
        const fixture = (name: string): IngestInput => {
          const raw = readFileSync(join(__dirname, '..', '..', 'test', 'fixtures', 'justel', name), 'utf8');
          return { file: name, raw, doc: parseDocument(raw, name) };
        };
        const fr = () => fixture('02-insertions.md');
        const nl = () => fixture('02-insertions.nl.md');
        const ID = '2003022777';

        it('makes one document with both texts, in either order of ingestion and in one command', async () => {
          const a = await track();
          expect((await a.ingest([fr()])).map((r) => r.status)).toEqual(['ingested']);
          const [merged] = await a.ingest([nl()]);
          expect([merged.status, merged.document, merged.languages]).toEqual(['merged', ID, ['fr', 'nl']]);
          expect(merged.coverage).toEqual({ fr: fr().doc.coverage, nl: nl().doc.coverage });
          expect(merged.issues.filter((i) => i.code.startsWith('bilingual'))).toEqual([]);
          const b = await track();
          expect((await b.ingest([nl()])).map((r) => r.status)).toEqual(['ingested']);
          expect((await b.ingest([fr()])).map((r) => r.status)).toEqual(['merged']);
          const c = await track();
          expect((await c.ingest([nl(), fr()])).map((r) => r.status)).toEqual(['ingested', 'merged']);
          for (const s of [a, b, c]) {
            expect((await s.documents()).map((d) => d.document)).toEqual([ID]);
            const doc = (await s.document(ID))!;
            expect(doc.texts.map((t) => [t.language, t.raw])).toEqual([['fr', fr().raw], ['nl', nl().raw]]);
            expect(doc.texts.map((t) => t.parsed)).toEqual([fr().doc, nl().doc]);
            // the French text is the primary one: the document's own raw text, title and spans
            expect([doc.raw, doc.parsed.title, doc.parsed.languages]).toEqual([fr().raw, fr().doc.title, ['fr', 'nl']]);
          }
          // the same facts whatever the order, with both labels
          const facts = await a.allFacts();
          expect(await b.allFacts()).toEqual(facts);
          expect(await c.allFacts()).toEqual(facts);
          expect(facts.find((f) => f.op === 'define' && f.code === '555096')).toMatchObject({ label: 'Radiographie du thorax en urgence', labelNl: 'Dringende radiografie van de thorax' });
        });

        it('labels in both languages reach show and search (Dutch words, accent- and case-insensitive)', async () => {
          const s = await track();
          await s.ingest([fr(), nl()]);
          const view = await showCode(s, '555030', '2003-07-01');
          expect(view.label).toEqual({ fr: "Perfusion d'un médicament par pompe implantée", nl: 'Perfusie van een geneesmiddel met een geïmplanteerde pomp' });
          expect(view.sources[0]).toMatchObject({ document: ID, language: 'fr' });
          const hits = await searchCodes(s, 'GEIMPLANTEERDE pomp', '2003-07-01');
          expect(hits.map((h) => [h.code, h.labelNl])).toEqual([['555030', 'Perfusie van een geneesmiddel met een geïmplanteerde pomp'], ['555041', 'Perfusie van een geneesmiddel met een geïmplanteerde pomp']]);
          expect((await searchCodes(s, 'radiographie thorax', '2003-07-01')).map((h) => h.code)).toEqual(['555096', '555100']);
          // a query mixing the languages matches neither label
          expect(await searchCodes(s, 'radiographie dringende', '2003-07-01')).toEqual([]);
          // before the entry into force, the label of the day is none
          expect(await searchCodes(s, 'radiografie', '2003-06-30')).toEqual([]);
        });

        it('is idempotent per text: either text again is unchanged; a new version of one text replaces only it', async () => {
          const s = await track();
          await s.ingest([fr(), nl()]);
          const [facts, docs] = [await s.allFacts(), await s.documents()];
          expect((await s.ingest([nl()])).map((r) => r.status)).toEqual(['unchanged']);
          expect((await s.ingest([fr(), nl()])).map((r) => r.status)).toEqual(['unchanged', 'unchanged']);
          expect(await s.allFacts()).toEqual(facts);
          expect(await s.documents()).toEqual(docs);
          const n = nl();
          const raw = n.raw.replace('Dringende radiografie van de thorax', 'Dringende radiografie van de borstkas');
          const [report] = await s.ingest([{ file: 'v2.nl.md', raw, doc: parseDocument(raw, 'v2.nl.md') }]);
          expect(report.status).toBe('replaced');
          const doc = (await s.document(ID))!;
          expect(doc.texts.map((t) => t.raw)).toEqual([fr().raw, raw]);
          expect((await showCode(s, '555096', '2003-07-01')).label).toEqual({ fr: 'Radiographie du thorax en urgence', nl: 'Dringende radiografie van de borstkas' });
          expect((await s.allFacts()).length).toBe(facts.length);
        });

        it('reports a disagreement of the texts quoting both sentences, and keeps an amendment of one text only', async () => {
          const s = await track();
          const n = nl();
          // the Dutch copy states another value for 540035 and lost the article on 461016-461020
          const raw = n.raw.replace('(25-OH) B 250', '(25-OH) B 205').replace(/\*\*Art\. 3\.\*\*[^*]*/, '');
          const reports = await s.ingest([fr(), { file: 'nl.md', raw, doc: parseDocument(raw, 'nl.md') }]);
          const issues = reports[1].issues;
          const value = issues.find((i) => i.code === 'bilingual-disagreement')!;
          expect(value.severity).toBe('error');
          expect(value.message).toMatch(/540035: the texts give different relative values: B 250 and B 205/);
          expect(value.message).toContain('Dosage de la vitamine D');
          expect(value.message).toContain('Dosering van vitamine D');
          const missing = issues.filter((i) => i.code === 'bilingual-missing');
          expect(missing.map((i) => [i.severity, i.where])).toEqual([['warning', 'Art. 3']]);
          // kept: 461016 is inserted, from the French text only
          expect((await showCode(s, '461016', '2003-07-01')).label).toEqual({ fr: "Examen échographique des deux hanches chez l'enfant de moins de trois mois", nl: null });
          expect((await showCode(s, '540035', '2003-07-01')).relativeValue).toBe('250');
        });
      });

      it('serializes concurrent ingests from two handles: each document once, ranks intact', async () => {
        const a = await track();
        const b = await track(a);
        const [ra, rb] = await Promise.all([a.ingest(inputs), b.ingest(inputs)]);
        const statuses = [...ra, ...rb].map((r) => r.status).sort();
        expect(statuses).toEqual([...inputs.map(() => 'ingested'), ...inputs.map(() => 'unchanged')].sort());
        expect((await a.documents()).map((d) => d.document)).toEqual(inputs.map((i) => i.doc.id));
        expect(await b.allFacts()).toEqual(await reference.allFacts());
      });
    });

    describe('reads', () => {
      it('factsFor: the code\'s own facts, then the range and key-letter facts that may cover it', async () => {
        const all = await loaded.allFacts();
        const globals = all.filter((f) => isGlobalFact(f.code));
        const codes = [...new Set(all.map((f) => f.code).filter((c) => !isGlobalFact(c)))];
        expect(codes.length).toBeGreaterThan(10);
        let coveredByRange = 0;
        for (const code of codes) {
          const got = await loaded.factsFor(code);
          const want: CodeFact[] = [...all.filter((f) => f.code === code), ...globals.filter((g) => globalCovers(g.code, code))];
          expect(got).toEqual(want);
          expect(got).toEqual(await reference.factsFor(code));
          if (got.some((f) => isGlobalFact(f.code))) coveredByRange++;
        }
        expect(coveredByRange).toBeGreaterThan(0);
        expect(await loaded.factsFor('999999')).toEqual(await reference.factsFor('999999'));
      });

      it('searchCandidates: the reference\'s candidates for prefixes and words, in code order', async () => {
        const cases: [string | null, string[], number][] = [
          ['3', [], 50], ['35', [], 50], ['355', [], 3], ['58', [], 50], ['4743', [], 50], ['9', [], 50], ['%', [], 50], ['_', [], 50],
          [null, ['ablation'], 10_000], [null, ['reconstruction'], 10_000], [null, ['sein'], 10_000], [null, ['ablation', 'percutanee'], 10_000],
          [null, ['prothese'], 10_000], [null, ['%'], 10_000], [null, ['zzzzzz'], 10_000], [null, [], 10_000],
        ];
        let nonEmpty = 0;
        for (const [prefix, words, limit] of cases) {
          const got = await loaded.searchCandidates(prefix, words, limit);
          expect(got, `${prefix} ${words.join(' ')}`).toEqual(await reference.searchCandidates(prefix, words, limit));
          expect(got).toEqual([...got].sort());
          if (prefix !== null) expect(got.length).toBeLessThanOrEqual(limit);
          if (got.length > 0) nonEmpty++;
        }
        expect(nonEmpty).toBeGreaterThan(4);
        expect(await loaded.searchCandidates('%', [], 50)).toEqual([]);
      });

      it('the query layer (show, history, search) answers as on the reference', async () => {
        const shows: [string, string][] = [
          ['355751', '1994-12-31'], ['355751', '1995-01-01'], ['355762', '1995-01-01'], ['587134', '2024-11-15'], ['587134', '2023-01-01'],
          ['474316', '1995-01-01'], ['123456', '1995-01-01'], ['999992', '1995-01-01'],
        ];
        for (const [code, at] of shows) {
          expect(await outcome(() => showCode(loaded, code, at)), `${code} on ${at}`).toEqual(await outcome(() => showCode(reference, code, at)));
        }
        const known = await outcome(() => showCode(loaded, '587134', '2024-11-15'));
        expect('ok' in known).toBe(true);
        for (const code of ['355751', '587134', '474316']) {
          expect(await outcome(() => codeHistory(loaded, code))).toEqual(await outcome(() => codeHistory(reference, code)));
        }
        for (const [q, at] of [['ablation', '2024-11-15'], ['3557', '1995-01-01'], ['reconstruction mammaire', '2024-11-15'], ['5871', '2024-11-15']]) {
          expect(await searchCodes(loaded, q, at), q).toEqual(await searchCodes(reference, q, at));
        }
      });
    });

    describe('institutions', () => {
      const ablation: Institution = {
        id: 'H-71001', name: 'Hôpital A',
        conventions: [{ convention: 'percutaneous-tumour-ablation', from: '2024-11-01', to: '2029-10-31' }],
      };
      const reconstruction: Institution = {
        id: 'H-20002', name: null,
        conventions: [
          { convention: 'breast-reconstruction', from: '2024-03-01', to: null, signed: '2024-02-14' },
          { convention: 'percutaneous-tumour-ablation', from: '2024-11-01', to: '2025-06-30', signed: '2024-10-02', noticeSent: '2024-12-30' },
        ],
      };

      it('puts, lists by id and reads back what was put', async () => {
        const s = await track();
        await s.putInstitutions([ablation, reconstruction]);
        expect(await s.institutions()).toEqual([reconstruction, ablation]);
        expect(await s.institution('H-71001')).toEqual(ablation);
        expect(await s.institution('H-20002')).toEqual(reconstruction);
        expect(await s.institution('H-00000')).toBeNull();
      });

      it('replaces the conventions of the ids named, keeps the others; the last entry wins for a repeated id', async () => {
        const s = await track();
        await s.putInstitutions([ablation, reconstruction]);
        const renewed: Institution = { id: 'H-71001', name: 'Hôpital A (renamed)', conventions: [{ convention: 'breast-reconstruction', from: '2025-01-01', to: null }] };
        await s.putInstitutions([{ ...ablation, conventions: [] }, renewed]);
        expect(await s.institution('H-71001')).toEqual(renewed);
        expect(await s.institution('H-20002')).toEqual(reconstruction);
        await s.putInstitutions([{ id: 'H-71001', name: null, conventions: [] }]);
        expect(await s.institution('H-71001')).toEqual({ id: 'H-71001', name: null, conventions: [] });
        await s.putInstitutions([]);
        expect(await s.institutions()).toHaveLength(2);
      });

      it('writes nothing of a list that is rejected', async () => {
        const s = await track();
        const bad = { id: 'H-30003', name: null, conventions: [{ convention: 'breast-reconstruction', from: null as unknown as string, to: null }] };
        await expect(s.putInstitutions([ablation, bad])).rejects.toThrow();
        expect(await s.institutions()).toEqual([]);
      });

      it('checkInputs: the institutions found among those asked (each once, by id) and the history asked for', async () => {
        const s = await track();
        await s.putInstitutions([ablation, reconstruction]);
        await s.withBeneficiary('P-009', (h) => h.record([line('L2', '2024-11-20'), line('L1', '2024-11-18', { units: 2 })]));
        const both = await s.checkInputs(['H-71001', 'H-00000', 'H-20002', 'H-71001'], 'P-009');
        expect(both.institutions).toEqual([reconstruction, ablation]);
        expect(both.history).toEqual(await s.historyOf('P-009'));
        expect(both.history!.map((l) => l.id)).toEqual(['L1', 'L2']);
        expect(await s.checkInputs([], null)).toEqual({ institutions: [], history: null });
        const bare: Institution = { id: 'H-40004', name: null, conventions: [] };
        await s.putInstitutions([bare]);
        expect(await s.checkInputs(['H-40004', 'H-71001'], null)).toEqual({ institutions: [bare, ablation], history: null });
        expect(await s.checkInputs(['H-00000'], 'P-none')).toEqual({ institutions: [], history: [] });
      });

      it('checkInputs: concurrent reads (batched by PostgreSQL) each get their own answer, and see every earlier commit', async () => {
        const s = await track();
        await s.putInstitutions([ablation, reconstruction]);
        await s.withBeneficiary('P-A', (h) => h.record([line('A2', '2024-11-20'), line('A1', '2024-11-18')]));
        await s.withBeneficiary('P-B', (h) => h.record([line('B1', '2024-10-01')]));
        const asks: [string[], string | null][] = [
          [['H-71001'], 'P-A'], [[], 'P-B'], [['H-20002', 'H-71001'], null], [['H-00000'], 'P-none'], [[], 'P-A'], [['H-20002'], 'P-B'],
        ];
        const alone = [];
        for (const [ids, who] of asks) alone.push(await s.checkInputs(ids, who));
        // Many at once, several times over: each answer equals the one read alone.
        for (let round = 0; round < 3; round++) {
          expect(await Promise.all([...asks, ...asks].map(([ids, who]) => s.checkInputs(ids, who)))).toEqual([...alone, ...alone]);
        }
        expect(alone[0]).toEqual({ institutions: [ablation], history: await s.historyOf('P-A') });
        expect(alone[2].institutions).toEqual([reconstruction, ablation]);
        expect(alone[3]).toEqual({ institutions: [], history: [] });
        // A read asked for after a commit sees it, even while other reads are under way.
        const busy = Promise.all(asks.map(([ids, who]) => s.checkInputs(ids, who)));
        await s.withBeneficiary('P-B', (h) => h.record([line('B2', '2024-10-02')]));
        const after = await s.checkInputs([], 'P-B');
        expect(after.history!.map((l) => l.id)).toEqual(['B1', 'B2']);
        await busy;
      });

      it('the same answers on two handles of one database', async () => {
        const a = await track();
        const b = await track(a);
        await Promise.all([a.putInstitutions([ablation, reconstruction]), b.putInstitutions([reconstruction, ablation])]);
        expect(await b.institutions()).toEqual(await a.institutions());
        expect(await a.institutions()).toEqual([reconstruction, ablation]);
      });
    });

    describe('server-held history', () => {
      it('records lines, reports duplicates, and orders by date then recording order', async () => {
        const s = await track();
        const r1 = await s.withBeneficiary('P-001', (h) => h.record([line('L2', '2024-11-20'), line('L1', '2024-11-18', { units: 2 })]));
        expect(r1).toEqual({ recorded: ['L2', 'L1'], duplicates: [] });
        const r2 = await s.withBeneficiary('P-001', async (h) => {
          const res = await h.record([line('L1', '2024-11-18'), line('L3', '2024-11-18'), line('L4', '2024-11-01'), line('L3', '2024-11-18')]);
          // Inside the transaction, the lines just recorded are visible.
          expect((await h.lines()).map((l) => l.id)).toEqual(['L4', 'L1', 'L3', 'L2']);
          return res;
        });
        expect(r2).toEqual({ recorded: ['L3', 'L4'], duplicates: ['L1', 'L3'] });
        const history = await s.historyOf('P-001');
        expect(history.map((l) => l.id)).toEqual(['L4', 'L1', 'L3', 'L2']);
        // The claim reads back as recorded (the first time: a duplicate changes nothing).
        expect(history[1]).toEqual(line('L1', '2024-11-18', { units: 2 }));
      });

      it('keeps beneficiaries apart: line ids are keys per beneficiary', async () => {
        const s = await track();
        await s.withBeneficiary('P-001', (h) => h.record([line('L1', '2024-11-18')]));
        expect(await s.withBeneficiary('P-002', (h) => h.record([line('L1', '2024-11-19')]))).toEqual({ recorded: ['L1'], duplicates: [] });
        expect((await s.historyOf('P-001')).map((l) => l.date)).toEqual(['2024-11-18']);
        expect((await s.historyOf('P-002')).map((l) => l.date)).toEqual(['2024-11-19']);
        expect(await s.historyOf('P-003')).toEqual([]);
      });

      it('returns what fn returns; a throwing fn records nothing; the history is unusable after fn', async () => {
        const s = await track();
        let leaked: { record(lines: StoredLine[]): Promise<unknown> } | null = null;
        expect(await s.withBeneficiary('P-001', async (h) => {
          leaked = h;
          return 42;
        })).toBe(42);
        await expect(leaked!.record([line('late', '2024-01-01')])).rejects.toThrow(/after its transaction ended/);
        await expect(s.withBeneficiary('P-001', async (h) => {
          await h.record([line('L1', '2024-11-18')]);
          throw new Error('decision failed');
        })).rejects.toThrow('decision failed');
        expect(await s.historyOf('P-001')).toEqual([]);
        // The store is usable after a rolled-back transaction.
        expect((await s.withBeneficiary('P-001', (h) => h.record([line('L1', '2024-11-18')]))).recorded).toEqual(['L1']);
      });

      it('lets fn use the other store methods (a check reads facts and updates the registry) without waiting for itself', async () => {
        const s = await loadedStore();
        const inst: Institution = { id: 'H-71001', name: null, conventions: [{ convention: 'percutaneous-tumour-ablation', from: '2024-11-01', to: '2029-10-31' }] };
        const result = await s.withBeneficiary('P-001', async (h) => {
          const facts = await s.factsFor('587134');
          await s.putInstitutions([inst]);
          const [a, b] = await Promise.all([s.institution('H-71001'), s.searchCandidates('587', [], 5)]);
          await h.record([line('L1', '2024-11-18')]);
          return { facts: facts.length, inst: a, codes: b };
        });
        expect(result.facts).toBeGreaterThan(0);
        expect(result.inst).toEqual(inst);
        expect(result.codes).toContain('587134');
        expect(await s.institution('H-71001')).toEqual(inst);
        expect(await s.historyOf('P-001')).toHaveLength(1);
      });

      it('refuses a nested withBeneficiary instead of waiting for itself', async () => {
        const s = await track();
        const recorded = await s.withBeneficiary('P-001', async (h) => {
          await expect(s.withBeneficiary('P-001', async () => 1)).rejects.toThrow(/nested/);
          await expect(s.withBeneficiary('P-002', async () => 1)).rejects.toThrow(/nested/);
          return h.record([line('L1', '2024-11-18')]);
        });
        expect(recorded.recorded).toEqual(['L1']);
        // Once fn has returned, the store takes new transactions again.
        expect((await s.withBeneficiary('P-002', (h) => h.record([line('L1', '2024-11-18')]))).recorded).toEqual(['L1']);
      });

      it('serializes 20 concurrent callers for one beneficiary across two handles (processes)', async () => {
        const a = await track();
        const b = await track(a);
        const calls = Array.from({ length: 20 }, (_, i) =>
          (i % 2 === 0 ? a : b).withBeneficiary('P-001', async (h) => {
            const before = (await h.lines()).length;
            // Widen the race window: without the lock, another caller would read the same count here.
            await sleep(2);
            const r = await h.record([line(`C${i}`, `2024-11-${String(1 + (i % 28)).padStart(2, '0')}`)]);
            const after = (await h.lines()).length;
            return { before, after, recorded: r.recorded.length };
          }),
        );
        const results = await Promise.all(calls);
        for (const r of results) {
          expect(r.recorded).toBe(1);
          expect(r.after).toBe(r.before + 1);
        }
        expect(results.map((r) => r.before).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i));
        expect(await a.historyOf('P-001')).toHaveLength(20);
        expect(await b.historyOf('P-001')).toEqual(await a.historyOf('P-001'));
      });

      it('counts a retried line once under concurrency (line ids are idempotency keys)', async () => {
        const a = await track();
        const b = await track(a);
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).withBeneficiary('P-009', (h) => h.record([line('retried', '2024-11-18'), line(`own-${i}`, '2024-11-19')]))),
        );
        expect(results.filter((r) => r.recorded.includes('retried'))).toHaveLength(1);
        expect(results.filter((r) => r.duplicates.includes('retried'))).toHaveLength(19);
        expect(await a.historyOf('P-009')).toHaveLength(21);
        // Different beneficiaries do not wait for each other's lock to complete correctly.
        const other = await Promise.all(['P-A', 'P-B', 'P-C'].map((p) => b.withBeneficiary(p, (h) => h.record([line('x', '2024-01-01')]))));
        expect(other.map((r) => r.recorded)).toEqual([['x'], ['x'], ['x']]);
      });
    });

    if (options.freshSpec) {
      const freshSpec = options.freshSpec;
      describe('openStore', () => {
        it('loads the built-in corpus into a new database once, even when two processes open it together', async () => {
          const spec = await freshSpec();
          const [x, y] = await Promise.all([openStore(spec), openStore(spec)]);
          opened.push(x, y);
          expect(x.kind).toBe(loaded.kind);
          expect((await x.documents()).map((d) => d.document)).toEqual(inputs.map((i) => i.doc.id));
          expect(await y.allFacts()).toEqual(await reference.allFacts());
          // Opening a loaded database again loads nothing.
          const z = await openStore(spec);
          opened.push(z);
          expect((await z.documents()).map(comparable)).toEqual((await x.documents()).map(comparable));
        });
      });
    }
  });
}
