import { describe, expect, it } from 'vitest';
import { entryIntoForce, ordinal, parseFrenchDate } from './french.js';

describe('parseFrenchDate', () => {
  it.each([
    ['1er janvier 1995', '1995-01-01'],
    ['1 novembre 2024', '2024-11-01'],
    ['31 octobre 2029', '2029-10-31'],
    ['15 août 2003', '2003-08-15'],
    ['15 aout 2003', '2003-08-15'],
    ['1er février 2003', '2003-02-01'],
    ['1er fevrier 2003', '2003-02-01'],
    ['29 février 2024', '2024-02-29'],
    ['2 mars 2000', '2000-03-02'],
    ['30 avril 2010', '2010-04-30'],
    ['21 mai 2003', '2003-05-21'],
    ['1er juin 2022', '2022-06-01'],
    ['1er juillet 2003', '2003-07-01'],
    ['14 septembre 1984', '1984-09-14'],
    ['31 décembre 2024', '2024-12-31'],
    ['31 decembre 2024', '2024-12-31'],
    ['01 janvier 2001', '2001-01-01'],
  ])('%s → %s', (text, iso) => {
    expect(parseFrenchDate(text)).toBe(iso);
  });

  it('ignores case', () => {
    expect(parseFrenchDate('1ER JANVIER 1995')).toBe('1995-01-01');
    expect(parseFrenchDate('15 AOÛT 2003')).toBe('2003-08-15');
    expect(parseFrenchDate('1 Décembre 2024')).toBe('2024-12-01');
  });

  it('finds the first date inside a sentence', () => {
    expect(parseFrenchDate('Arrêté royal du 14 septembre 1984 établissant la nomenclature')).toBe('1984-09-14');
    expect(parseFrenchDate('produit ses effets le 1er juillet 2003 et cesse le 31 décembre 2004.')).toBe('2003-07-01');
    expect(parseFrenchDate('le 1er\u00a0janvier\n1995')).toBe('1995-01-01');
  });

  it('returns null for dates that do not exist', () => {
    expect(parseFrenchDate('31 février 2024')).toBeNull();
    expect(parseFrenchDate('29 février 2023')).toBeNull();
    expect(parseFrenchDate('31 avril 2024')).toBeNull();
    expect(parseFrenchDate('0 mai 2024')).toBeNull();
    expect(parseFrenchDate('32 mai 2024')).toBeNull();
  });

  it('returns null when there is no full date', () => {
    expect(parseFrenchDate('')).toBeNull();
    expect(parseFrenchDate('le premier jour du mois')).toBeNull();
    expect(parseFrenchDate('janvier 1995')).toBeNull();
    expect(parseFrenchDate('1er janvier')).toBeNull();
    expect(parseFrenchDate('1er janvier 95')).toBeNull();
    expect(parseFrenchDate('1er brumaire 1995')).toBeNull();
    expect(parseFrenchDate('2024-01-01')).toBeNull();
  });

  it('does not read a day out of a longer number', () => {
    expect(parseFrenchDate('101 janvier 2003')).toBeNull();
    expect(parseFrenchDate('1 janvier 20034')).toBeNull();
  });
});

describe('ordinal', () => {
  it('reads ordinal words, with or without accents', () => {
    expect(ordinal('premier')).toBe(1);
    expect(ordinal('second')).toBe(2);
    expect(ordinal('deuxième')).toBe(2);
    expect(ordinal('deuxieme')).toBe(2);
    expect(ordinal('Troisième')).toBe(3);
    expect(ordinal('quatrième')).toBe(4);
    expect(ordinal('cinquième')).toBe(5);
    expect(ordinal('sixième')).toBe(6);
    expect(ordinal('septième')).toBe(7);
    expect(ordinal('huitième')).toBe(8);
    expect(ordinal('neuvième')).toBe(9);
    expect(ordinal('DIXIÈME')).toBe(10);
    expect(ordinal('onzième')).toBe(11);
    expect(ordinal('douzième')).toBe(12);
  });

  it('reads ordinals in figures', () => {
    expect(ordinal('1er')).toBe(1);
    expect(ordinal('1e')).toBe(1);
    expect(ordinal('2e')).toBe(2);
    expect(ordinal('2ème')).toBe(2);
    expect(ordinal('3e')).toBe(3);
    expect(ordinal('3ème')).toBe(3);
    expect(ordinal('10e')).toBe(10);
  });

  it('reads every ordinal in figures alike, 4e to 12e and 4ème to 12ème included', () => {
    for (let n = 2; n <= 12; n++) {
      expect(ordinal(`${n}e`), `${n}e`).toBe(n);
      expect(ordinal(`${n}ème`), `${n}ème`).toBe(n);
    }
  });

  it('reads the feminine first', () => {
    expect(ordinal('première')).toBe(1);
    expect(ordinal('1re')).toBe(1);
  });

  it('returns null for what is not an ordinal', () => {
    for (const w of ['', 'le', 'jour', 'deux', '2', 'mois', '0e', 'e', 'ème']) {
      expect(ordinal(w), w).toBeNull();
    }
  });
});

describe('entryIntoForce', () => {
  describe('first day of a month after publication', () => {
    it('"1er jour du deuxième mois qui suit celui au cours duquel il aura été publié": 1994-11-24 → 1995-01-01', () => {
      const r = entryIntoForce(
        'Le présent arrêté entre en vigueur le 1er jour du deuxième mois qui suit celui au cours duquel il aura été publié au Moniteur belge.',
        '1994-11-24',
      );
      expect(r.date).toBe('1995-01-01');
      expect(r.basis).toContain('1994-11-24');
      expect(r.basis).toContain('1995-01-01');
      expect(r.basis).toContain('month 2');
    });

    it('"le premier jour du mois qui suit celui de sa publication": 2003-05-20 → 2003-06-01', () => {
      const r = entryIntoForce(
        'Le présent arrêté entre en vigueur le premier jour du mois qui suit celui de sa publication au Moniteur belge.',
        '2003-05-20',
      );
      expect(r.date).toBe('2003-06-01');
      expect(r.basis).toContain('2003-05-20');
    });

    it('counts from the month of publication, even when published on its first or last day', () => {
      const clause = 'Le présent arrêté entre en vigueur le premier jour du mois qui suit celui de sa publication au Moniteur belge.';
      expect(entryIntoForce(clause, '2003-05-01').date).toBe('2003-06-01');
      expect(entryIntoForce(clause, '2003-05-31').date).toBe('2003-06-01');
      expect(entryIntoForce(clause, '2003-12-15').date).toBe('2004-01-01');
    });

    it('reads other wordings of the same rule', () => {
      expect(entryIntoForce('entre en vigueur le premier jour du deuxième mois qui suit celui au cours duquel il a été publié au Moniteur belge', '2024-12-10').date).toBe('2025-02-01');
      expect(entryIntoForce('entre en vigueur le premier jour du troisième mois qui suit celui de la publication', '2024-11-05').date).toBe('2025-02-01');
      expect(entryIntoForce('Elle entre en vigueur le 1er jour du mois qui suit celui au cours duquel elle aura été publiée au Moniteur belge.', '2024-02-29').date).toBe('2024-03-01');
      expect(entryIntoForce('entre en vigueur le 1er jour du 2e mois qui suit celui de sa publication', '1994-11-24').date).toBe('1995-01-01');
      expect(entryIntoForce('LE PRÉSENT ARRÊTÉ ENTRE EN VIGUEUR LE PREMIER JOUR DU DEUXIÈME MOIS QUI SUIT CELUI DE SA PUBLICATION', '1994-11-24').date).toBe('1995-01-01');
    });

    it('reads the clause across line breaks', () => {
      const r = entryIntoForce('Le présent arrêté entre en vigueur le 1er jour du deuxième mois\nqui suit celui au cours duquel il aura été\npublié au Moniteur belge.', '1994-11-24');
      expect(r.date).toBe('1995-01-01');
    });

    it('reads a month ordinal in figures beyond the third', () => {
      expect(entryIntoForce('entre en vigueur le 1er jour du 7e mois qui suit celui de sa publication', '2024-01-15').date).toBe('2024-08-01');
    });

    it('without a publication date, gives no date and says why', () => {
      const r = entryIntoForce('Le présent arrêté entre en vigueur le premier jour du mois qui suit celui de sa publication au Moniteur belge.', null);
      expect(r.date).toBeNull();
      expect(r.basis).toMatch(/publication/);
      expect(r.basis).toMatch(/not known/);
    });

    it('with an unreadable month ordinal, gives no date and says why', () => {
      const r = entryIntoForce('entre en vigueur le 1er jour du énième mois qui suit celui de sa publication', '2024-01-15');
      expect(r.date).toBeNull();
      expect(r.basis).toMatch(/ordinal/);
      expect(r.basis).toContain('enieme');
    });
  });

  describe('first day of a month after signature', () => {
    const clause = 'Le présent arrêté entre en vigueur le 1er jour du mois qui suit celui de la signature.';

    it('uses the signature date, not the publication date', () => {
      const r = entryIntoForce(clause, '2003-07-20', '2003-05-20');
      expect(r.date).toBe('2003-06-01');
      expect(r.basis).toContain('signature');
      expect(r.basis).toContain('2003-05-20');
    });

    it('without a signature date, gives no date and says the signature date is not known', () => {
      const r = entryIntoForce(clause, '2003-07-20');
      expect(r.date).toBeNull();
      expect(r.basis).toMatch(/signature/);
      expect(r.basis).toMatch(/not known/);
    });
  });

  describe('fixed dates', () => {
    it('"produit ses effets le 1er juillet 2003"', () => {
      const r = entryIntoForce('Le présent arrêté produit ses effets le 1er juillet 2003.', '2003-08-12');
      expect(r.date).toBe('2003-07-01');
      expect(r.basis).toContain('2003-07-01');
    });

    it('"entre en vigueur le 1er janvier 2001"', () => {
      expect(entryIntoForce('Le présent arrêté entre en vigueur le 1er janvier 2001.', '2000-12-22').date).toBe('2001-01-01');
    });

    it('needs no publication date', () => {
      expect(entryIntoForce('Le présent arrêté entre en vigueur le 1er janvier 2001.', null).date).toBe('2001-01-01');
    });

    it('reads "est applicable" and "est d\'application", with a straight or typographic apostrophe', () => {
      expect(entryIntoForce('Le présent article est applicable le 1 novembre 2024.', null).date).toBe('2024-11-01');
      expect(entryIntoForce("Le présent article est d'application le 1 novembre 2024.", null).date).toBe('2024-11-01');
      expect(entryIntoForce('Le présent article est d’application le 1 novembre 2024.', null).date).toBe('2024-11-01');
    });

    it('ignores a date in a sentence that is not about entry into force', () => {
      const r = entryIntoForce("Vu l'arrêté royal du 14 septembre 1984 établissant la nomenclature", '2003-05-20');
      expect(r.date).toBeNull();
      expect(r.basis).toMatch(/not understood/);
    });

    it('gives no date for an impossible fixed date', () => {
      expect(entryIntoForce('Le présent arrêté entre en vigueur le 31 février 2024.', null).date).toBeNull();
    });
  });

  describe('days after publication', () => {
    it('"le jour de sa publication"', () => {
      const r = entryIntoForce('Le présent arrêté entre en vigueur le jour de sa publication au Moniteur belge.', '2024-03-15');
      expect(r.date).toBe('2024-03-15');
      expect(r.basis).toContain('2024-03-15');
    });

    it('"le dixième jour qui suit sa publication"', () => {
      const r = entryIntoForce('Le présent arrêté entre en vigueur le dixième jour qui suit sa publication au Moniteur belge.', '2024-02-25');
      expect(r.date).toBe('2024-03-06');
      expect(r.basis).toContain('2024-02-25');
    });

    it('"le dixième jour suivant celui de sa publication", "le 10e jour après sa publication"', () => {
      expect(entryIntoForce('entre en vigueur le dixième jour suivant celui de sa publication', '1994-12-28').date).toBe('1995-01-07');
      expect(entryIntoForce('entre en vigueur le 10e jour après sa publication', '1994-12-28').date).toBe('1995-01-07');
    });

    it('without a publication date, gives no date and says the publication date is not known', () => {
      for (const clause of [
        'Le présent arrêté entre en vigueur le jour de sa publication au Moniteur belge.',
        'Le présent arrêté entre en vigueur le dixième jour qui suit sa publication au Moniteur belge.',
      ]) {
        const r = entryIntoForce(clause, null);
        expect(r.date, clause).toBeNull();
        expect(r.basis, clause).toMatch(/publication/);
        expect(r.basis, clause).toMatch(/not known/);
      }
    });
  });

  describe('no clause', () => {
    it('applies the tenth day after publication', () => {
      const r = entryIntoForce(null, '1994-11-24');
      expect(r.date).toBe('1994-12-04');
      expect(r.basis).toContain('1994-11-24');
    });

    it('crosses months and leap days', () => {
      expect(entryIntoForce(null, '2024-02-25').date).toBe('2024-03-06');
      expect(entryIntoForce(null, '2023-02-25').date).toBe('2023-03-07');
      expect(entryIntoForce(null, '2024-12-28').date).toBe('2025-01-07');
    });

    it('without a publication date either, gives no date and says so', () => {
      const r = entryIntoForce(null, null);
      expect(r.date).toBeNull();
      expect(r.basis).toMatch(/no entry-into-force clause/);
    });
  });

  describe('unreadable clauses', () => {
    it('give no date, with the clause in the basis', () => {
      const clause = '  Le présent arrêté entre en vigueur à une date fixée par le Roi.  ';
      const r = entryIntoForce(clause, '2024-01-15');
      expect(r.date).toBeNull();
      expect(r.basis).toBe('clause not understood: Le présent arrêté entre en vigueur à une date fixée par le Roi.');
    });

    it('an empty clause is not the absence of a clause', () => {
      const r = entryIntoForce('', '2024-01-15');
      expect(r.date).toBeNull();
      expect(r.basis).toMatch(/not understood/);
    });
  });
});
