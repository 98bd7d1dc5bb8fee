import { describe, expect, test } from 'vitest';
import { figureTitle, nounPlural } from './messages.js';

describe('figure titles in FR/NL/EN', () => {
  test('a known noun in the language\'s own word; any other keeps the text\'s noun', () => {
    const d = { code: 'volume.transition', noun: 'ablation', min: 60, years: 3 } as const;
    expect(figureTitle(d, 'nl')).toBe('Ablaties, overgangsperiode (jaren 1–3)');
    expect(figureTitle(d, 'fr')).toBe('Ablations, période transitoire (années 1–3)');
    expect(figureTitle(d, 'en')).toBe('Ablations, transition period (years 1–3)');
    expect(figureTitle({ ...d, noun: 'nodule' }, 'nl')).toBe('Nodules, overgangsperiode (jaren 1–3)');
    expect(nounPlural('intervention', 'nl')).toBe('ingrepen');
    expect(nounPlural('intervention', 'fr')).toBe('interventions');
  });
  test('billing delay in Dutch names ablaties and the months in words', () => {
    expect(figureTitle({ code: 'billing-delay', noun: 'ablation', months: 2 }, 'nl')).toBe('Ablaties gefactureerd meer dan twee maanden na de verstrekking');
  });
});
