/**
 * Every phrasing class of the amending grammar on a French and a Dutch sentence
 * (phrasings.yaml): the same amendments from both languages, nothing left unparsed, every
 * item of the act understood.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Language } from '../../../facts.js';
import { parseJustel } from '../../justel.js';
import { amendmentView } from '../view.js';
import { GRAMMARS, languageOf } from './index.js';

interface Sample { text: string; source?: string; expect: Record<string, unknown>[] }
type Phrasing = { class: string } & Record<Language, Sample>;

const PHRASINGS: Phrasing[] = parse(readFileSync(fileURLToPath(new URL('./phrasings.yaml', import.meta.url)), 'utf8'));

function act(lang: Language, body: string) {
  const heading = lang === 'nl' ? '**Artikel 1.**' : '**Article 1er.**';
  const title = lang === 'nl' ? 'title-nl: Koninklijk besluit' : 'title-fr: Arrêté royal';
  return parseJustel(`---\nnumber: 2020022001\n${title}\npublication: 2020-01-15\n---\n\n${heading} ${body}\n`);
}

describe('the amending grammar, class by class, in both languages', () => {
  it('has a French and a Dutch sample for every class, and the same tables in both languages', () => {
    for (const p of PHRASINGS) expect([p.class, !!p.fr?.text, !!p.nl?.text]).toEqual([p.class, true, true]);
    expect(Object.keys(GRAMMARS.nl).sort()).toEqual(Object.keys(GRAMMARS.fr).sort());
    expect(Object.keys(GRAMMARS.nl.guards).sort()).toEqual(Object.keys(GRAMMARS.fr.guards).sort());
  });

  for (const p of PHRASINGS) {
    for (const lang of ['fr', 'nl'] as const) {
      it(`${p.class} (${lang})`, () => {
        const doc = act(lang, p[lang].text);
        expect(doc.language).toBe(lang);
        expect(doc.unparsed).toEqual([]);
        const got = doc.amendments.map(amendmentView);
        expect(got.length).toBe(p[lang].expect.length);
        p[lang].expect.forEach((e, i) => expect(got[i]).toMatchObject(e));
        expect(doc.coverage).toMatchObject({ items: 1, understood: 1, missed: [] });
      });
    }
  }
});

describe('language of an act', () => {
  it('is declared, else given by its only title, else by its headings, else by its words', () => {
    expect(languageOf({ language: 'nl', 'title-fr': 'x' }, '')).toBe('nl');
    expect(languageOf({ 'title-nl': 'Koninklijk besluit' }, '')).toBe('nl');
    expect(languageOf({ 'title-fr': 'Arrêté royal' }, '**Artikel 1.** x')).toBe('fr');
    expect(languageOf({}, '**Artikel 1.** In artikel 2 wordt de verstrekking opgeheven.')).toBe('nl');
    expect(languageOf({}, '**Art. 1.** In artikel 2 van de bijlage wordt de verstrekking 101010 opgeheven.')).toBe('nl');
    expect(languageOf({}, "**Art. 1.** À l'article 2 de la même annexe, la prestation 101010 est supprimée.")).toBe('fr');
  });

  it('cannot be fooled by a prototype name in the front matter', () => {
    expect(languageOf({ language: '__proto__' }, "**Art. 1.** la prestation est supprimée")).toBe('fr');
  });
});
