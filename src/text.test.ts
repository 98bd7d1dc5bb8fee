import { describe, expect, it } from 'vitest';
import { fold, squash } from './text.js';

describe('fold', () => {
  it('lower-cases and strips accents', () => {
    expect(fold('Ablation PERCUTANÉE')).toBe('ablation percutanee');
    expect(fold('Février')).toBe('fevrier');
    expect(fold('AOÛT')).toBe('aout');
    expect(fold('août')).toBe('aout');
    expect(fold('Décembre')).toBe('decembre');
    expect(fold('deuxième')).toBe('deuxieme');
    expect(fold('naïve façade à côté')).toBe('naive facade a cote');
    expect(fold('ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸ')).toBe('aaaceeeeiioouuuy');
  });

  it('treats precomposed and decomposed accents alike', () => {
    const precomposed = 'publi\u00e9';
    const decomposed = 'publie\u0301';
    expect(precomposed).not.toBe(decomposed);
    expect(fold(precomposed)).toBe('publie');
    expect(fold(decomposed)).toBe('publie');
  });

  it('keeps ligatures and letters that are not accented forms (œ, æ, ß, ø), lower-cased', () => {
    expect(fold('Œuvre')).toBe('œuvre');
    expect(fold('cœur')).toBe('cœur');
    expect(fold('ÆGIR')).toBe('ægir');
    expect(fold('Straße')).toBe('straße');
    expect(fold('Ø')).toBe('ø');
  });

  it('leaves digits, punctuation and white space alone', () => {
    expect(fold("Art. 14, k) n°s 211013-211024 d'application")).toBe("art. 14, k) n°s 211013-211024 d'application");
    expect(fold('  A\tB\n')).toBe('  a\tb\n');
    expect(fold('')).toBe('');
  });

  it('is idempotent', () => {
    for (const s of ['Ablation PERCUTANÉE', 'Œuvre', 'e\u0301', '1er Janvier']) {
      expect(fold(fold(s))).toBe(fold(s));
    }
  });
});

describe('squash', () => {
  it('collapses runs of white space into one space and trims', () => {
    expect(squash('  le   1er  jour  ')).toBe('le 1er jour');
    expect(squash('105350-\n105361')).toBe('105350- 105361');
    expect(squash('a\t\tb\r\nc')).toBe('a b c');
  });

  it('counts non-breaking and narrow no-break spaces as white space', () => {
    expect(squash('1\u00a0517\u202f€')).toBe('1 517 €');
    expect(squash('\u00a0x\u00a0')).toBe('x');
  });

  it('leaves text without extra space unchanged, and empties blank text', () => {
    expect(squash('déjà propre')).toBe('déjà propre');
    expect(squash('')).toBe('');
    expect(squash(' \n\t ')).toBe('');
  });

  it('does not fold case or accents', () => {
    expect(squash('  PERCUTANÉE  ')).toBe('PERCUTANÉE');
  });
});
