/**
 * Property-based tests of every parser and of the request schema (issue 12): generated inputs —
 * mutations of the real texts (words replaced, lines cut, deleted or doubled, bytes inserted,
 * texts truncated) and arbitrary ones — never crash. A parser returns a document or refuses with
 * its own error naming the place; a document either yields dated facts and a rule set that
 * compiles, or is refused by the ingest checks; a request is decided or refused with named
 * fields, and the fast path and zod agree. `npm test` runs each property NOMEN_FUZZ_RUNS times
 * (default 100); `npm run test:fuzz` runs them long.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DocumentError, parseDocument } from '../src/corpus/detect.js';
import { CoefficientError } from '../src/corpus/coefficients.js';
import { codeFacts } from '../src/nomenclature/code-facts.js';
import { builtinDocuments, builtinFiles, builtinNomenclature } from '../src/nomenclature/builtin.js';
import { buildRuleSet } from '../src/rules/builtin.js';
import { RuleIndexError } from '../src/rules/rule-index.js';
import { checkValues } from '../src/store/sanity.js';
import { IngestRefused } from '../src/store/refusal.js';
import { validateRequest, validateWithZod } from '../src/engine/schema.js';
import { createEngine } from '../src/engine/engine.js';
import { decide } from '../src/engine/decide.js';
import { responseJson } from '../src/engine/serialize.js';
import { legalRequests } from '../src/engine/test-support.js';

const RUNS = Number(process.env.NOMEN_FUZZ_RUNS ?? 100);
const ROOT = join(__dirname, '..');
const ACTS = join(ROOT, 'test/fixtures/acts');

const texts = {
  acts: readdirSync(ACTS).filter((f) => f.endsWith('.md')).map((f) => ({ file: f, raw: readFileSync(join(ACTS, f), 'utf8') })),
  conventions: builtinFiles().filter((f) => /^\s*Convention|CONVENTION/.test(f.raw.slice(0, 400))),
  coefficients: [
    {
      file: 'k.json',
      raw: JSON.stringify({
        format: 'nomen-coefficients/1', id: 'k-2025', title: 'Valeurs 2025',
        entries: [
          { keyLetter: 'I', codes: ['587134'], from: '2025-01-01', to: '2025-12-31', coefficient: '2,853021', source: { document: 'x', article: '1', text: 'La valeur est fixée.' } },
          { keyLetter: 'K', from: '2025-01-01', coefficient: '1.5', source: { document: 'x', article: '2', text: 'La valeur de K.' } },
        ],
      }, null, 1),
    },
    { file: 'k.csv', raw: 'document,article,text,key_letter,codes,from,to,coefficient\nx,1,La valeur.,I,587134 587145,2025-01-01,2025-12-31,"2,853021"\nx,2,Autre.,K,,2025-01-01,,1.5\n' },
  ],
};

/** The errors a parser or an ingest check may end with: each names its place. */
const KNOWN = [DocumentError, CoefficientError, IngestRefused, RuleIndexError];

/** A mutation of a text: a word replaced, a line cut, deleted or doubled, a string inserted, the text truncated. */
const mutation = fc.oneof(
  fc.record({ op: fc.constant('word' as const), at: fc.nat(), word: fc.oneof(fc.constantFrom('__proto__', 'constructor', '-2,85', '0', '99999999999', '0000', '9999', 'K', 'fois', 'jour', 'article', '«', '»', '1°', '', ' ', '\u0000', '\uFEFF'), fc.string({ maxLength: 12 })) }),
  fc.record({ op: fc.constant('line' as const), at: fc.nat(), how: fc.constantFrom('delete', 'double', 'cut') }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ maxLength: 40, unit: 'binary' }) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(raw: string, m: Mutation): string {
  switch (m.op) {
    case 'word': {
      const words = [...raw.matchAll(/[\p{L}\p{N}_,]+/gu)];
      if (!words.length) return raw;
      const w = words[m.at % words.length];
      return raw.slice(0, w.index) + m.word + raw.slice(w.index! + w[0].length);
    }
    case 'line': {
      const lines = raw.split('\n');
      const i = m.at % lines.length;
      if (m.how === 'delete') lines.splice(i, 1);
      else if (m.how === 'double') lines.splice(i, 0, lines[i]);
      else lines[i] = lines[i].slice(0, Math.floor(lines[i].length / 2));
      return lines.join('\n');
    }
    case 'insert': {
      const i = m.at % (raw.length + 1);
      return raw.slice(0, i) + m.text + raw.slice(i);
    }
    case 'truncate':
      return raw.slice(0, m.at % (raw.length + 1));
  }
}

/** Parses and reads a text as ingest does; returns how it ended. Anything but a known error is a failure. */
function ingestLike(raw: string, file: string): 'document' | 'refused' {
  try {
    const doc = parseDocument(raw, file);
    checkValues(file, doc);
    codeFacts(doc);
    buildRuleSet([doc]);
    return 'document';
  } catch (e) {
    if (KNOWN.some((k) => e instanceof k)) return 'refused';
    throw e;
  }
}

/** Tally of what the properties tried, printed once (the README's counts come from the long run). */
const tally = { documents: 0, refused: 0, requests: 0, decided: 0, invalid: 0 };

describe('every parser: a mutated or arbitrary text is a document or a named refusal, never a crash', () => {
  for (const [kind, list] of Object.entries(texts)) {
    it(`${kind} (${list.length} texts, ${RUNS} runs of up to 3 mutations)`, () => {
      expect(list.length).toBeGreaterThan(0);
      fc.assert(
        fc.property(fc.nat(list.length - 1), fc.array(mutation, { minLength: 1, maxLength: 3 }), (i, ms) => {
          const raw = ms.reduce(mutate, list[i].raw);
          tally[ingestLike(raw, list[i].file) === 'document' ? 'documents' : 'refused']++;
        }),
        { numRuns: RUNS },
      );
    });
  }

  it('arbitrary text (any string, any bytes read as UTF-8)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 400 }), fc.string({ maxLength: 400, unit: 'binary' }), fc.json()), (raw) => {
        tally[ingestLike(raw, 'x.txt') === 'document' ? 'documents' : 'refused']++;
      }),
      { numRuns: RUNS },
    );
  });
});

describe('the request schema: any JSON is decided or refused with named fields, never a crash', () => {
  const engine = createEngine({ nomenclature: builtinNomenclature(), documents: builtinDocuments() });
  const legal = legalRequests();

  function checkOne(value: unknown): void {
    tally.requests++;
    const v = validateRequest(value);
    // the fast path accepts only what zod accepts
    expect(v.ok).toBe(validateWithZod(value).ok);
    if (!v.ok) {
      tally.invalid++;
      expect(v.errors.length).toBeGreaterThan(0);
      for (const e of v.errors) expect(typeof e.path).toBe('string');
      return;
    }
    tally.decided++;
    const r = decide(v.request, engine);
    expect(r.decisions).toHaveLength(v.request.claims.length);
    for (const d of r.decisions) if (d.status === 'rejected') expect(d.reasons.some((x) => x.outcome === 'violated')).toBe(true);
    expect(JSON.parse(responseJson(r))).toEqual(JSON.parse(JSON.stringify(r)));
  }

  it('arbitrary JSON values', () => {
    fc.assert(fc.property(fc.jsonValue(), checkOne), { numRuns: RUNS });
  });

  /** A field of a legal request replaced by a generated value (dates, ids, codes, numbers, objects). */
  const value = fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom('0000-01-01', '9999-12-31', '2024-02-30', '2024-11-18', '1900-01-01', '2199-12-31', '587134', '587135', '__proto__', '', 'L1'),
    fc.integer(),
  );
  const path = fc.array(fc.oneof(fc.constantFrom('claims', 'history', 'beneficiary', 'stay', 'date', 'birthDate', 'admission', 'id', 'code', 'units', 'provider', 'institution', 'institutions', 'approvals'), fc.nat(3)), { minLength: 1, maxLength: 4 });

  function setAt(obj: unknown, keys: (string | number)[], v: unknown): unknown {
    if (keys.length === 0) return v;
    if (typeof obj !== 'object' || obj === null) return obj;
    const copy: Record<string | number, unknown> = Array.isArray(obj) ? [...obj] : { ...obj };
    const k = Array.isArray(obj) && typeof keys[0] === 'number' ? keys[0] % Math.max(1, obj.length) : keys[0];
    copy[k] = setAt(copy[k], keys.slice(1), v);
    return copy;
  }

  it(`mutations of the ${legal.length} legal-case requests`, () => {
    fc.assert(
      fc.property(fc.nat(legal.length - 1), fc.array(fc.tuple(path, value), { minLength: 1, maxLength: 3 }), (i, edits) => {
        checkOne(edits.reduce((req, [p, v]) => setAt(req, p, v), legal[i] as unknown));
      }),
      { numRuns: RUNS },
    );
  });

  /** A valid date of care (1990–2030) as a generated value: most mutated requests are then decided, not refused. */
  const day = fc.integer({ min: Date.UTC(1990, 0, 1) / 86_400_000, max: Date.UTC(2030, 11, 31) / 86_400_000 }).map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));
  const codes = fc.constantFrom('587134', '587145', '587156', '587160', '101010', '102012', '599001', '599303', '474633', '999994', '12345');
  const leaf = fc.oneof(
    fc.tuple(fc.constant(['claims', 0, 'date'] as (string | number)[]), day),
    fc.tuple(fc.constant(['claims', 1, 'date'] as (string | number)[]), day),
    fc.tuple(fc.constant(['claims', 0, 'code'] as (string | number)[]), codes),
    fc.tuple(fc.constant(['claims', 0, 'units'] as (string | number)[]), fc.integer({ min: 1, max: 9 })),
    fc.tuple(fc.constant(['beneficiary', 'birthDate'] as (string | number)[]), day),
    fc.tuple(fc.constant(['claims', 0, 'stay'] as (string | number)[]), fc.record({ id: fc.constantFrom('S1', 'S2'), admission: day })),
    fc.tuple(fc.constant(['history'] as (string | number)[]), fc.array(fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }).map((x) => `H-${x}`), code: codes, date: day }), { maxLength: 6 })),
  );

  it(`valid mutations of the legal-case requests (dates, codes, units, stays, history): decided, never a crash`, () => {
    fc.assert(
      fc.property(fc.nat(legal.length - 1), fc.array(leaf, { minLength: 1, maxLength: 4 }), (i, edits) => {
        checkOne(edits.reduce((req, [p, v]) => setAt(req, p, v), legal[i] as unknown));
      }),
      { numRuns: RUNS },
    );
    // how many of each ended where: the counts the README reports for the long run
    console.log(`fuzz: ${JSON.stringify(tally)}`);
  });
});
