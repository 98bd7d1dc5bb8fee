/**
 * A word of a legal text is only a word: names of Object.prototype members (`__proto__`,
 * `constructor`, `toString` …) in place of a number word never reach the rules as values, and the
 * rule set of the corpus still compiles (issue 12, item 1).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DocumentError, parseDocument } from '../../corpus/detect.js';
import { ordinal } from '../../corpus/french.js';
import { builtinDocuments, builtinFiles } from '../../nomenclature/builtin.js';
import { buildRuleSet } from '../builtin.js';
import { kindOf } from '../registry.js';
import { ordinalWords } from './labels.js';
import { numberWord } from './sentences.js';

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);
const NAMED = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
/** The number, ordinal and month words the extractors read through tables. */
const TABLE_WORDS = /\b(?:une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante|premi[eè]re?|[a-zé]+ième|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b/gi;

const files = builtinFiles();
const docs = builtinDocuments();

/** The rule set of the built-in corpus with document `d`'s text replaced. */
function rulesWith(d: number, raw: string) {
  return buildRuleSet(docs.map((doc, i) => (i === d ? parseDocument(raw, files[i].file) : doc)));
}

describe('table look-ups see only their own words', () => {
  it('number and ordinal words', () => {
    for (const w of [...PROTOTYPE_NAMES, ...PROTOTYPE_NAMES.map((n) => n.toLowerCase())]) {
      expect(numberWord(w)).toBeNull();
      expect(ordinalWords(w)).toBeNull();
      expect(ordinalWords(`${w}ieme`)).toBeNull();
      expect(ordinalWords(`vingt et ${w}`)).toBeNull();
      expect(ordinal(w)).toBeNull();
    }
    expect(numberWord('deux')).toBe(2);
    expect(ordinalWords('soixante et unième')).toBe(61);
  });

  it('rule kinds', () => {
    for (const w of PROTOTYPE_NAMES) expect(() => kindOf(w)).toThrow(/unknown rule kind/);
    expect(kindOf('frequency')).toBeDefined();
  });
});

describe('the corpus with a prototype name in place of a number word', () => {
  it('still compiles, for the first occurrence of every table word of every document', () => {
    for (let d = 0; d < files.length; d++) {
      const seen = new Set<string>();
      for (const m of files[d].raw.matchAll(TABLE_WORDS)) {
        if (seen.has(m[0].toLowerCase())) continue;
        seen.add(m[0].toLowerCase());
        for (const w of NAMED) {
          const raw = files[d].raw.slice(0, m.index) + w + files[d].raw.slice(m.index + m[0].length);
          expect(() => rulesWith(d, raw), `${files[d].file}: "${m[0]}" at ${m.index} → ${w}`).not.toThrow();
        }
      }
    }
  });

  it('still compiles whatever word replaces any word (property)', () => {
    const words = files.map((f) => [...f.raw.matchAll(/[\p{L}_]+/gu)].map((m) => [m.index, m[0].length] as const));
    const tableWords = files.map((f) => [...f.raw.matchAll(TABLE_WORDS)].map((m) => [m.index, m[0].length] as const));
    const replacement = fc.oneof(
      fc.constantFrom(...PROTOTYPE_NAMES),
      fc.stringMatching(/^[a-z_]{1,14}$/),
      fc.constantFrom('une', 'deux', 'sept', 'dix', 'sixième', 'soixantième', 'novembre'),
    );
    fc.assert(
      fc.property(fc.nat(files.length - 1), fc.boolean(), fc.nat(), replacement, (d, inTable, k, w) => {
        const spots = inTable ? tableWords[d] : words[d];
        const [at, length] = spots[k % spots.length];
        const raw = files[d].raw.slice(0, at) + w + files[d].raw.slice(at + length);
        let doc;
        try {
          doc = parseDocument(raw, files[d].file);
        } catch (e) {
          // a text no parser recognises any more (its title word replaced): refused at ingest, never stored
          if (e instanceof DocumentError) return;
          throw e;
        }
        buildRuleSet(docs.map((x, i) => (i === d ? doc : x)));
      }),
      { numRuns: Number(process.env.NOMEN_FUZZ_RUNS ?? 100) },
    );
  });
});
