import { describe, expect, it } from 'vitest';
import { entryIntoForce, ordinal, parseDate } from './french.js';

/** The same clause in both languages gives the same date; both sides of each boundary. */
describe('entry-into-force clauses in French and Dutch', () => {
  const secondMonth = {
    fr: 'Le présent arrêté entre en vigueur le premier jour du deuxième mois qui suit celui au cours duquel il aura été publié au Moniteur belge.',
    nl: 'Dit besluit treedt in werking op de eerste dag van de tweede maand na die waarin het is bekendgemaakt in het Belgisch Staatsblad.',
  };
  it.each(['fr', 'nl'] as const)('first day of the second month after publication (%s), across a year end', (lang) => {
    expect(entryIntoForce(secondMonth[lang], '2006-02-27').date).toBe('2006-04-01');
    expect(entryIntoForce(secondMonth[lang], '2006-02-28').date).toBe('2006-04-01');
    expect(entryIntoForce(secondMonth[lang], '2006-03-01').date).toBe('2006-05-01');
    expect(entryIntoForce(secondMonth[lang], '2004-11-30').date).toBe('2005-01-01');
    expect(entryIntoForce(secondMonth[lang], '2004-12-01').date).toBe('2005-02-01');
  });

  const tenthDay = {
    fr: 'Le présent arrêté entre en vigueur le dixième jour qui suit sa publication au Moniteur belge.',
    nl: 'Dit besluit treedt in werking de tiende dag na die van de bekendmaking in het Belgisch Staatsblad.',
  };
  it.each(['fr', 'nl'] as const)('the tenth day after publication (%s): day 9 is not it, day 10 is', (lang) => {
    const r = entryIntoForce(tenthDay[lang], '2004-12-28');
    expect(r.date).toBe('2005-01-07');
    expect(r.date! > '2005-01-06').toBe(true);
  });

  it('the legal default without a clause is the tenth day, whatever the language', () => {
    expect(entryIntoForce(null, '2024-02-25').date).toBe('2024-03-06');
  });

  const sameDay = {
    fr: 'Le présent arrêté entre en vigueur le jour de sa publication au Moniteur belge.',
    nl: 'Dit besluit treedt in werking de dag waarop het in het Belgisch Staatsblad wordt bekendgemaakt.',
  };
  const dayAfter = {
    fr: 'Le présent arrêté entre en vigueur le jour qui suit sa publication au Moniteur belge.',
    nl: 'Dit besluit treedt in werking de dag na de bekendmaking ervan in het Belgisch Staatsblad.',
  };
  it.each(['fr', 'nl'] as const)('the day of publication and the day after (%s), across a year end', (lang) => {
    expect(entryIntoForce(sameDay[lang], '2004-12-31').date).toBe('2004-12-31');
    expect(entryIntoForce(dayAfter[lang], '2004-12-31').date).toBe('2005-01-01');
  });

  const fixed = {
    fr: ['Le présent arrêté entre en vigueur le 1er janvier 2005.', 'Le présent arrêté produit ses effets le 1er janvier 2005.'],
    nl: ['Dit besluit treedt in werking op 1 januari 2005.', 'Dit besluit heeft uitwerking met ingang van 1 januari 2005.'],
  };
  it.each(['fr', 'nl'] as const)('fixed dates (%s), with no publication date needed', (lang) => {
    for (const c of fixed[lang]) expect(entryIntoForce(c, null).date, c).toBe('2005-01-01');
  });

  it('the ten-day delay counted from the day after publication: its tenth day', () => {
    const c = 'Par dérogation, le délai de dix jours visé à l\'article 6 de la loi prend cours le lendemain de la publication du présent arrêté.';
    expect(entryIntoForce(c, '2016-02-20').date).toBe('2016-03-01');
    const nl = 'In afwijking daarvan gaat de termijn van tien dagen in de dag na de bekendmaking van dit besluit.';
    expect(entryIntoForce('De termijn van tien dagen begint te lopen de dag na de bekendmaking van dit besluit.', '2016-02-20').date).toBe('2016-03-01');
    expect(entryIntoForce(nl, '2016-02-20').date).toBe('2016-03-01'); // never the day after publication
  });

  it('the first day of the month after a ten-day delay starting the day after publication', () => {
    const c = 'entre en vigueur le premier jour du mois qui suit l\'expiration d\'un délai de dix jours prenant cours le jour suivant sa publication au Moniteur Belge';
    expect(entryIntoForce(c, '2016-02-20').date).toBe('2016-04-01'); // the delay ends on 2016-03-01
    expect(entryIntoForce(c, '2016-02-18').date).toBe('2016-03-01'); // the delay ends on 2016-02-28
  });

  describe('bounds when the publication date is unknown', () => {
    it.each(['fr', 'nl'] as const)('the earliest date is the same count from the signature (%s)', (lang) => {
      const r = entryIntoForce(secondMonth[lang], null, '2000-03-21');
      expect(r.date).toBeNull();
      expect(r.bounds).toEqual({ earliest: '2000-05-01', latest: null, reason: expect.stringContaining('2000-03-21') });
      // signed on the last day of a month: the count starts from that month
      expect(entryIntoForce(secondMonth[lang], null, '2000-03-31').bounds?.earliest).toBe('2000-05-01');
      expect(entryIntoForce(secondMonth[lang], null, '2000-04-01').bounds?.earliest).toBe('2000-06-01');
    });
    it('no signature either: the earliest date is unknown', () => {
      const r = entryIntoForce(secondMonth.fr, null, null);
      expect(r.bounds).toEqual({ earliest: null, latest: null, reason: expect.stringMatching(/neither the publication nor the signature/) });
    });
    it('no clause: the tenth day after the signature at the earliest', () => {
      expect(entryIntoForce(null, null, '2000-12-25').bounds?.earliest).toBe('2001-01-04');
    });
    it('a clause not understood may date the act back: nothing is known', () => {
      expect(entryIntoForce('Le présent arrêté entre en vigueur à une date fixée par le Roi.', null, '2000-03-21').bounds).toMatchObject({ earliest: null, latest: null });
    });
  });
});

describe('dates and ordinals in both languages', () => {
  it('reads Dutch dates in words and the signature formula', () => {
    expect(parseDate('Gegeven te Brussel, 10 februari 2006.')).toBe('2006-02-10');
    expect(parseDate('1 januari 1995', 'nl')).toBe('1995-01-01');
    expect(parseDate('29 februari 2023', 'nl')).toBeNull();
    expect(parseDate('Donné à Bruxelles, le 21 mars 2000.')).toBe('2000-03-21');
  });
  it('reads Dutch ordinals', () => {
    expect(ordinal('tweede', 'nl')).toBe(2);
    expect(ordinal('tiende', 'nl')).toBe(10);
    expect(ordinal('2de', 'nl')).toBe(2);
  });
  it('tables cannot see prototype keys', () => {
    for (const w of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(ordinal(w)).toBeNull();
      expect(ordinal(w, 'nl')).toBeNull();
      expect(parseDate(`1 ${w} 2000`)).toBeNull();
    }
    expect(entryIntoForce('Le présent arrêté entre en vigueur le constructor jour qui suit sa publication.', '2000-01-01').date).toBeNull();
  });
});
