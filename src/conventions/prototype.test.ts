/** Vocabulary look-ups of the conventions' inputs see only their own words, never Object.prototype's (issue 12, item 1). */
import { describe, expect, it } from 'vitest';
import { readComplianceLine } from './compliance.js';
import { InputError } from './csv.js';
import { FactsError, readFacts } from './indications.js';
import { QuoteInputError, readQuoteCase } from './quotes.js';
import { normWord, parseRoster } from './staffing.js';

const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

describe('a prototype name given as a word of the vocabulary', () => {
  it('is an unknown organ, room or specialty: a clear error or the word itself', () => {
    for (const w of NAMES) {
      expect(() => readFacts({ organ: w })).toThrow(FactsError);
      expect(() => readComplianceLine({ code: '587134', date: '2024-11-18', room: w }, 1)).toThrow(InputError);
      expect(() => readQuoteCase({ intervention: '2024-11-18', codes: ['587134'], room: w })).toThrow(QuoteInputError);
    }
    const roster = parseRoster(`name,specialty,qualifications\nA,constructor,__proto__;toString\n`);
    expect(roster[0]).toMatchObject({ specialty: 'constructor', qualifications: ['__proto__', 'tostring'].map(normWord) });
  });
});
