import { describe, expect, it } from 'vitest';
import { inRange, mentions } from './mentions.js';

describe('mentions', () => {
  it('reads a list of pairs', () => {
    const m = mentions('Les prestations n°s 211013-211024, 211035-211046 ne peuvent être cumulées.');
    expect(m.pairs).toEqual([['211013', '211024'], ['211035', '211046']]);
    expect(m.singles).toEqual([]);
    expect(m.ranges).toEqual([]);
    expect(m.codes).toEqual(['211013', '211024', '211035', '211046']);
    expect(m.problems).toEqual([]);
  });

  it('reads pairs written with spaces around the hyphen', () => {
    const m = mentions('n° 587134 - 587145 et 474316 -474320');
    expect(m.pairs).toEqual([['587134', '587145'], ['474316', '474320']]);
    expect(m.problems).toEqual([]);
  });

  it('reads a pair broken across a line after the hyphen', () => {
    const m = mentions('les prestations 105350-\n105361 et 587156-\r\n   587160');
    expect(m.pairs).toEqual([['105350', '105361'], ['587156', '587160']]);
    expect(m.singles).toEqual([]);
    expect(m.codes).toEqual(['105350', '105361', '587156', '587160']);
    expect(m.problems).toEqual([]);
  });

  it('reads ranges "A à B" (and "a", "tot"), endpoints kept apart from `codes`', () => {
    const m = mentions('les prestations 598006 à 599023 et 598006 a 599023; de verstrekkingen 598006 tot 599023');
    expect(m.ranges).toEqual([['598006', '599023'], ['598006', '599023'], ['598006', '599023']]);
    expect(m.pairs).toEqual([]);
    expect(m.singles).toEqual([]);
    expect(m.codes).toEqual([]);
    expect(m.problems).toEqual([]);
  });

  it('checks the check digits of range endpoints', () => {
    const m = mentions('598005 à 599023');
    expect(m.ranges).toEqual([['598005', '599023']]);
    expect(m.problems).toEqual([{ code: 'invalid-check-digit', written: '598005', expected: '598006' }]);
  });

  it('reads single codes', () => {
    const m = mentions('Les prestations 474541, 474563 et 477385 sont remboursées.');
    expect(m.singles).toEqual(['474541', '474563', '477385']);
    expect(m.pairs).toEqual([]);
    expect(m.ranges).toEqual([]);
    expect(m.codes).toEqual(['474541', '474563', '477385']);
    expect(m.problems).toEqual([]);
  });

  it('reports the misprint 474552-475563 as a wrong check digit and a broken pair, with proposals', () => {
    const m = mentions('la prestation 474552-475563');
    expect(m.pairs).toEqual([['474552', '475563']]);
    expect(m.codes).toEqual(['474552', '475563']);
    expect(m.problems).toEqual([
      { code: 'invalid-check-digit', written: '475563', expected: '475565' },
      { code: 'broken-pair', written: '474552-475563', expected: '474552-474563' },
    ]);
  });

  it('reports a single code with a wrong check digit', () => {
    const m = mentions('la prestation 105345');
    expect(m.singles).toEqual(['105345']);
    expect(m.codes).toEqual(['105345']);
    expect(m.problems).toEqual([{ code: 'invalid-check-digit', written: '105345', expected: '105346' }]);
  });

  it('does not take numbers glued to other digits for codes', () => {
    const m = mentions('dossier 1234567, numéro 12345678, BCE 0123456789, 20240101');
    expect(m.codes).toEqual([]);
    expect(m.singles).toEqual([]);
    expect(m.problems).toEqual([]);
  });

  it('does not take years, amounts or short numbers for codes', () => {
    const m = mentions('le 1er janvier 2024, K 633, 1.773,18 EUR, article 14, k)');
    expect(m.codes).toEqual([]);
  });

  it('does not take the six decimals of a coefficient for a code', () => {
    const m = mentions('la valeur de la lettre-clé K est fixée à 2,801231 (soit 2.801231) pour la prestation 587134');
    expect(m.codes).toEqual(['587134']);
    expect(m.singles).toEqual(['587134']);
    expect(m.problems).toEqual([]);
  });

  it('still reads codes listed with a comma and no space', () => {
    const m = mentions('n°s 474541,474563,477385');
    expect(m.singles).toEqual(['474541', '474563', '477385']);
  });

  it('reads a code glued to letters or punctuation', () => {
    const m = mentions('(587134) n°587156; «474541»');
    expect(m.codes).toEqual(['587134', '587156', '474541']);
  });

  it('does not make a pair when the second number is glued to more digits', () => {
    const m = mentions('587134-5871450');
    expect(m.pairs).toEqual([]);
    expect(m.singles).toEqual(['587134']);
    expect(m.codes).toEqual(['587134']);
  });

  it('lists codes in order of appearance without duplicates; pairs and singles keep every mention', () => {
    const m = mentions('587145, 587134-587145, 474541, 587134-587145 et 474541');
    expect(m.singles).toEqual(['587145', '474541', '474541']);
    expect(m.pairs).toEqual([['587134', '587145'], ['587134', '587145']]);
    expect(m.codes).toEqual(['587145', '587134', '474541']);
  });

  it('mixes pairs, ranges and singles in one sentence', () => {
    const m = mentions('Les prestations 211013-211024, 598006 à 599023 et 474541 ne sont pas cumulables.');
    expect(m.pairs).toEqual([['211013', '211024']]);
    expect(m.ranges).toEqual([['598006', '599023']]);
    expect(m.singles).toEqual(['474541']);
    expect(m.codes).toEqual(['211013', '211024', '474541']);
    expect(m.problems).toEqual([]);
  });

  it('returns empty lists for text without codes', () => {
    expect(mentions('')).toEqual({ pairs: [], singles: [], ranges: [], codes: [], problems: [] });
    expect(mentions('Aucune prestation.')).toEqual({ pairs: [], singles: [], ranges: [], codes: [], problems: [] });
  });

  it('is stateless between calls', () => {
    const text = 'n°s 211013-211024, 474541';
    expect(mentions(text)).toEqual(mentions(text));
  });
});

describe('inRange', () => {
  const range: [string, string] = ['598006', '599023'];

  it('includes both endpoints', () => {
    expect(inRange('598006', range)).toBe(true);
    expect(inRange('599023', range)).toBe(true);
  });

  it('includes what lies between', () => {
    expect(inRange('599001', range)).toBe(true);
    expect(inRange('598500', range)).toBe(true);
  });

  it('excludes what lies outside', () => {
    expect(inRange('598005', range)).toBe(false);
    expect(inRange('599024', range)).toBe(false);
    expect(inRange('105350', range)).toBe(false);
    expect(inRange('600000', range)).toBe(false);
  });
});
