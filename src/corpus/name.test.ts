import { describe, expect, test } from 'vitest';
import { builtinDocuments } from '../nomenclature/builtin.js';
import { documentName, frenchDate } from './name.js';

describe('readable names of documents', () => {
  test('the built-in documents: conventions by what they reimburse, the act by kind, date and NUMAC', () => {
    const names = builtinDocuments().map((d) => [d.id, documentName({ id: d.id, kind: d.kind, title: d.title, signed: d.dates.signed })]);
    expect(names).toEqual([
      ['conv-fc467a2e32d3c4b9', 'Ablation percutanée sous guidage tomodensitométrique de tumeurs…'],
      ['conv-587d207f7f422251', 'Reconstruction mammaire unilatérale ou bilatérale totale'],
      ['1994022370', 'Arrêté royal du 12 août 1994 (1994022370)'],
    ]);
  });
  test('an act whose title starts with its kind and date keeps them; Dutch too', () => {
    expect(documentName({ id: '2011205660', kind: 'royal-decree', title: 'Arrêté royal du 1er septembre 2011 modifiant l\'article 25 …' })).toBe('Arrêté royal du 1er septembre 2011 (2011205660)');
    expect(documentName({ id: '2011205660', kind: 'royal-decree', title: 'Koninklijk besluit van 1 september 2011 tot wijziging van artikel 25 …' })).toBe('Koninklijk besluit van 1 september 2011 (2011205660)');
  });
  test('an act without date in its title nor a signature date: its title, cut, and its NUMAC', () => {
    expect(documentName({ id: '2003022777', kind: 'royal-decree', title: 'Arrêté royal modifiant l\'annexe à l\'arrêté royal du 14 septembre 1984', signed: null })).toBe('Arrêté royal modifiant l\'annexe à… (2003022777)');
  });
  test('a convention title in capitals is put in sentence case, its version dropped', () => {
    expect(documentName({ id: 'conv-1', kind: 'convention', title: 'CONVENTION … POUR LE REMBOURSEMENT DE LA CHIRURGIE BARIATRIQUE (version 02/03/2017)' })).toBe('Chirurgie bariatrique');
  });
  test('dates as acts write them', () => {
    expect([frenchDate('1994-08-12'), frenchDate('2011-09-01')]).toEqual(['12 août 1994', '1er septembre 2011']);
  });
});
