/** Unit tests of the pieces of the Justel parser, and of each amendment phrase on small acts. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ParsedDocument } from '../facts.js';
import { isJustelMarkdown, justelDocumentId, parseJustel } from './justel.js';
import { codeSetsOf, cleanLabel, parseServiceBlock, parseValue } from './justel/blocks.js';
import { normaliseClause, readEntryClauses } from './justel/dates.js';
import { Emitter, isSentenceLike } from './justel/emit.js';
import { readFrontMatter } from './justel/frontmatter.js';
import { leadingLocator, objectParts, ordinalText, scanLocator, targetText } from './justel/locators.js';
import { cleanText, matchForm, repairOcr, sourceText, trimSpan } from './justel/normalise.js';
import { isBoilerplate, isNormative } from './justel/normative.js';
import { buildOutline, readLabel, renderLabel, scanQuotes, splitArticles, splitSentences, walk } from './justel/structure.js';
import { amendmentView, ruleView } from './justel/view.js';

const corpus = (name: string) => readFileSync(fileURLToPath(new URL(`../../corpus/${name}`, import.meta.url)), 'utf8');

/** A small act with a NUMAC and a publication date. */
function act(body: string, frontMatter = 'number: 2020022001\npublication: 2020-01-15\n'): ParsedDocument {
  return parseJustel(`---\n${frontMatter}---\n\n${body}\n`);
}

/** The amendments of an act without id, effective date and provenance. */
function changes(doc: ParsedDocument) {
  return doc.amendments.map((a) => {
    const { id: _id, effective: _e, ...rest } = amendmentView(a);
    return rest;
  });
}

describe('isJustelMarkdown', () => {
  it('recognises the seed decree and rejects the convention texts', () => {
    expect(isJustelMarkdown(corpus('004_41601e86ba046398.txt'))).toBe(true);
    expect(isJustelMarkdown(corpus('000_03aa16b1e0318a25.txt'))).toBe(false);
    expect(isJustelMarkdown(corpus('002_f97d77b6772efff9.txt'))).toBe(false);
  });

  it('accepts article headings without front matter, and refuses a front matter of another kind', () => {
    expect(isJustelMarkdown('**Article 1er.** A l\'article 11 de la même annexe, …')).toBe(true);
    expect(isJustelMarkdown('---\ntitle: Notes\ntags: [a]\n---\n\n# Notes\n')).toBe(false);
    expect(isJustelMarkdown('---\nurl: https://x/eli/arrete/2001/01/01/2001000001/justel\nstarts: 2001-01-01\n---\n')).toBe(true);
    expect(isJustelMarkdown('Article 1. Some text')).toBe(false);
  });
});

describe('front matter and identity', () => {
  it('reads flat key: value lines, quoted or not, empty or not', () => {
    const fm = readFrontMatter('---\nurl: https://a/b\ntitle-fr: "Arrêté royal: titre"\nnumber: 1994022370\nmodifies:\n---\nbody');
    expect(fm.fields).toEqual({ url: 'https://a/b', 'title-fr': 'Arrêté royal: titre', number: '1994022370', modifies: '' });
    expect('---\nurl: https://a/b\ntitle-fr: "Arrêté royal: titre"\nnumber: 1994022370\nmodifies:\n---\nbody'.slice(fm.bodyStart)).toBe('body');
  });

  it('reads real YAML (folded titles, lists) with the YAML parser, and survives invalid YAML', () => {
    expect(readFrontMatter('---\ntitle-fr: >\n  Arrêté royal\n  modifiant\nmodifies:\n  - 1984091402\n  - 1984091403\n---\n').fields).toEqual({
      'title-fr': 'Arrêté royal modifiant', modifies: '1984091402, 1984091403',
    });
    expect(readFrontMatter('---\ntitle-fr: "unclosed\nnumber: 2001022001\n  bad: [\n---\n').fields.number).toBe('2001022001');
    expect(readFrontMatter('no front matter')).toEqual({ fields: {}, bodyStart: 0, present: false });
  });

  it('identifies an act by its NUMAC, else the number of its ELI, else a hash of its text', () => {
    expect(justelDocumentId('x', { number: '1994022370', url: 'https://x/eli/arrete/1994/08/12/1111111111/justel' })).toBe('1994022370');
    expect(justelDocumentId('x', { url: 'https://x/eli/arrete/1994/08/12/1994022370/justel' })).toBe('1994022370');
    expect(justelDocumentId('some text', {})).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(justelDocumentId('some text', {})).toBe(justelDocumentId('some text', { number: '12' }));
    expect(justelDocumentId('other text', {})).not.toBe(justelDocumentId('some text', {}));
  });
});

describe('normalisation', () => {
  it('repairs the OCR damage of n° before codes only', () => {
    expect(repairOcr('prestations n s 211013-211024 et n  474552')).toBe('prestations n°s 211013-211024 et n° 474552');
    expect(repairOcr('le service N ou n, pendant 12 jours')).toBe('le service N ou n, pendant 12 jours');
  });

  it('gives recognisers a folded form with n°, n°s and the lost § unified', () => {
    expect(matchForm('Au   1er, la prestation suivante est insérée après la\n      la prestation n  354196-354200 :')).toBe(
      'au § 1er, la prestation suivante est inseree apres la la prestation no 354196-354200 :',
    );
    expect(matchForm('les prestations n°s 599244 et 599266 ; les prestations n s 1 ; n° 5 ; L’article')).toBe(
      "les prestations nos 599244 et 599266 ; les prestations nos 1 ; no 5 ; l'article",
    );
  });

  it('trims spans over blanks and code fences, and renders source text without fences or heading bold', () => {
    const raw = '**Art. 2.** A\n```\n  1  x y\n```\n\n';
    expect(trimSpan(raw, 11, raw.length)).toEqual([12, 26]);
    expect(trimSpan(raw, 13, raw.length)).toEqual([20, 26]);
    expect(sourceText(raw, 0, raw.length)).toBe('Art. 2. A 1 x y');
    expect(cleanText('n  474552\n```\n  la  suite')).toBe('n° 474552 la suite');
  });
});

describe('articles, quotes, points and sentences', () => {
  const RAW = [
    '**Article 1er.** A l\'article 11 :', '', '```', '  1  Au   1er,', '     1. la prestation n  599023 est supprimée;', '     4. texte;',
    '     4. texte;', '     5. au littera d) :', '        a) le libelle est modifie comme suit :', '           "a) pas un point', '  2  pas un point"', '```', '',
    '   b) texte', '', '**Art. 2bis.** Texte.', '', 'Donné à Bruxelles, le 1er mars 2001.',
  ].join('\n');

  it('splits articles on bold headings and stops before the closing formula', () => {
    const { articles, closingStart } = splitArticles(RAW, 0);
    expect(articles.map((a) => [a.label, a.number])).toEqual([['Art. 1er', '1'], ['Art. 2bis', '2bis']]);
    expect(RAW.slice(articles[1].bodyStart, articles[1].end).trim()).toBe('Texte.');
    expect(RAW.slice(closingStart!).startsWith('Donné à')).toBe(true);
    expect(splitArticles('Art. 1. Texte.\nArt. 2. Autre.', 0).articles.map((a) => a.label)).toEqual(['Art. 1', 'Art. 2']);
  });

  it('finds quotes of every kind; other marks inside a quote are text; an open quote is reported', () => {
    const text = 'a "b « c » d" e « f « g » h » “i”';
    expect(scanQuotes(text, 0, text.length).quotes.map((q) => text.slice(q.open + 1, q.close))).toEqual(['b « c » d', ' f « g » h ', 'i']);
    expect(scanQuotes('x "y', 0, 4)).toEqual({ quotes: [{ open: 2, close: 4 }], unbalanced: true, recovered: [] });
  });

  it('reads point labels, including the OCR-lost degree sign, but not codes or decimals', () => {
    const label = (s: string) => { const l = readLabel(s, 0); return l && [l.style, l.n, l.suffix, s.slice(l.textStart)]; };
    expect(label('1° Au § 2')).toEqual(['degree', 1, '', 'Au § 2']);
    expect(label('2bis° texte')).toEqual(['degree', 2, 'bis', 'texte']);
    expect(label('12. la valeur')).toEqual(['dot', 12, '', 'la valeur']);
    expect(label('c) la prestation')).toEqual(['letter', 3, '', 'la prestation']);
    expect(label('3  Au littera k),')).toEqual(['degree', 3, '', 'Au littera k),']);
    expect(label('1 Au § 1er')).toEqual(['degree', 1, '', 'Au § 1er']);
    expect(label('474014-474025')).toBeNull();
    expect(label('1.517 euros')).toBeNull();
    expect(label('2 paramètres')).toBeNull();
    expect([renderLabel('degree', 2, 'bis'), renderLabel('dot', 4, ''), renderLabel('letter', 4, '')]).toEqual(['2bis°', '4.', 'd)']);
  });

  it('builds the outline: continued lists, sub-lists, plain text after a code block, no labels inside quotes', () => {
    const { articles } = splitArticles(RAW, 0);
    const { quotes } = scanQuotes(RAW, articles[0].bodyStart, articles[0].end);
    const { root, anomalies } = buildOutline(RAW, articles[0], quotes);
    expect(walk(root).map((n) => n.path)).toEqual([
      'Art. 1er', 'Art. 1er, 1°', 'Art. 1er, 1°, 1.', 'Art. 1er, 1°, 4.', 'Art. 1er, 1°, 4.', 'Art. 1er, 1°, 5.', 'Art. 1er, 1°, 5., a)',
      'Art. 1er, 1°, 5., b)',
    ]);
    expect(anomalies.map(({ where, message }) => ({ where, message }))).toEqual([
      { where: 'Art. 1er, 1°', message: 'point 4. follows 1.: numbering gap' }, { where: 'Art. 1er, 1°', message: 'point 4. appears twice' },
    ]);
  });

  it('reads a letter that follows no list as text', () => {
    const raw = '**Art. 1.** Intro :\n\n1° a;\n\nb) pas un point\n';
    const { articles } = splitArticles(raw, 0);
    expect(walk(buildOutline(raw, articles[0], []).root).map((n) => n.path)).toEqual(['Art. 1', 'Art. 1, 1°']);
  });

  it('reports "2., 4., 4." as one misnumbering', () => {
    const raw = '**Art. 1.** Intro :\n\n1° a;\n\n2° b;\n\n4° c;\n\n4° d;\n\n5° e.\n';
    const { articles } = splitArticles(raw, 0);
    expect(buildOutline(raw, articles[0], []).anomalies).toEqual([
      { where: 'Art. 1', at: raw.indexOf('4° c'), message: 'points numbered 2° 4° 4°: 4° appears twice and 3° is missing', proposal: 'read the first 4° as 3°' },
    ]);
  });

  it('cuts sentences outside quotes only, keeping an instruction with the quoted text it introduces', () => {
    const text = 'Le § 7 est remplacé par :\n\n" Une. Deux. "\n\n" Trois. "\n\nArt. 5 reste. Cf. p. 3 ici. La suite.';
    const { quotes } = scanQuotes(text, 0, text.length);
    expect(splitSentences(text, 0, text.length, quotes).map(([s, e]) => text.slice(s, e).trim())).toEqual([
      'Le § 7 est remplacé par :\n\n" Une. Deux. "\n\n" Trois. "', 'Art. 5 reste.', 'Cf. p. 3 ici.', 'La suite.',
    ]);
  });
});

describe('locators', () => {
  it('reads point locators, repairing the lost § and °', () => {
    const parts = (s: string) => scanLocator(s, 0).parts;
    expect(parts('   1er, la prestation')).toEqual(['§ 1er']);
    expect(parts(' I,   2, C, 1 , c), la prestation')).toEqual(['I', '§ 2', 'C', '1°', 'c)']);
    expect(parts(' littera e) la prestation')).toEqual(['e)']);
    expect(parts(' § 13, le 2e alinéa est remplacé')).toEqual(['§ 13']);
    expect(parts(' 1er alinéa, les numéros')).toEqual(['alinéa 1er']);
    expect(scanLocator(" l'article 14, k), de la même annexe", 0)).toMatchObject({ article: '14', parts: ['k)'] });
  });

  it('reads the target of an article intro or a point', () => {
    expect(leadingLocator("A l'article 34, § 1er, a), de la même annexe, modifié par …")).toEqual({ article: '34', parts: ['§ 1er', 'a)'] });
    expect(leadingLocator("A l'article 22, I, de la même annexe")).toEqual({ article: '22', parts: ['I'] });
    expect(leadingLocator("A l'article 26, § 4, de la même annexe, au 1er alinéa, les numéros …")).toEqual({ article: '26', parts: ['§ 4', 'alinéa 1er'] });
    expect(leadingLocator("Dans l'annexe, à l'article 14, k), les mots")).toEqual({ article: '14', parts: ['k)'] });
    expect(leadingLocator('Au littera d),')).toEqual({ article: null, parts: ['d)'] });
    expect(leadingLocator('la valeur relative')).toEqual({ article: null, parts: [] });
  });

  it('reads the object of a replacement', () => {
    expect(objectParts('le § 7')).toEqual(['§ 7']);
    expect(objectParts('le 2e alinea')).toEqual(['alinéa 2']);
    expect(objectParts('les 1er et 2e alineas')).toEqual(['alinéas 1er et 2']);
    expect(objectParts('le dernier alinea du 1°')).toEqual(['1°', 'dernier alinéa']);
    expect(objectParts('le libelle du 4°')).toEqual(['4°']);
    expect(objectParts("l'alinea 3")).toEqual(['alinéa 3']);
    expect(objectParts('le littera d)')).toEqual(['d)']);
    expect(objectParts('la prestation')).toBeNull();
    expect([ordinalText('premier'), ordinalText('deuxième'), ordinalText('dernière'), ordinalText('7')]).toEqual(['1er', '2', 'dernier', '7']);
    expect([targetText({ article: '20', parts: ['§ 1er'] }, ['d)']), targetText({ article: null, parts: [] })]).toEqual(['20, § 1er, d)', null]);
  });
});

describe('service blocks', () => {
  it('reads values as written in French', () => {
    expect(parseValue(' K 30 ')).toEqual({ keyLetter: 'K', relativeValue: '30' });
    expect(parseValue('C  21,5;')).toEqual({ keyLetter: 'C', relativeValue: '21.5' });
    expect(parseValue('K 21,40')).toEqual({ keyLetter: 'K', relativeValue: '21.40' });
    expect(parseValue('E 1.517')).toEqual({ keyLetter: 'E', relativeValue: '1517' });
    expect(parseValue('K trente')).toBeNull();
  });

  it('lists code sets in order, without ranges', () => {
    expect(codeSetsOf('n°s 474530-474541 et 599001, 598006 à 599023')).toEqual([
      { kind: 'pair', ambulatory: '474530', hospitalised: '474541' }, { kind: 'single', code: '599001' },
    ]);
  });

  it('cleans labels: quotes, "**" marker, trailing punctuation, OCR n°', () => {
    expect(cleanLabel('"** Ponction chez\n   l\'enfant   ;"')).toEqual({ label: "Ponction chez l'enfant", marker: true });
    expect(cleanLabel('des prestations n s 211013-211024.')).toEqual({ label: 'des prestations n°s 211013-211024', marker: false });
  });

  const block = (text: string) => {
    const b = parseServiceBlock(text, 0, text.length);
    return { services: b.services.map(({ span: _s, ...s }) => s), trailing: b.trailing && text.slice(...b.trailing).trim() };
  };

  it('reads tiers under shared headings and the rule after them', () => {
    const text = 'Surveillance :\n 599325\n les cinq premiers jours      C  16\n 599340\n ensuite, par jour   C   3  ;\n Sp :\n 599384\n un jour   C 12\n\nLa prestation n° 599384 est limitée.';
    expect(block(text)).toEqual({
      services: [
        { codes: { kind: 'single', code: '599325' }, heading: 'Surveillance', label: 'les cinq premiers jours', marker: false, value: { keyLetter: 'C', relativeValue: '16' } },
        { codes: { kind: 'single', code: '599340' }, heading: 'Surveillance', label: 'ensuite, par jour', marker: false, value: { keyLetter: 'C', relativeValue: '3' } },
        { codes: { kind: 'single', code: '599384' }, heading: 'Sp', label: 'un jour', marker: false, value: { keyLetter: 'C', relativeValue: '12' } },
      ],
      trailing: 'La prestation n° 599384 est limitée.',
    });
  });

  it('does not take a code named in a label for a new service, nor "L 4" followed by more label for a value', () => {
    expect(block('474633-474644\n Supplément lors des prestations n s 211013-211024,\n 211035-211046    K  35.').services.map((s) => [s.codes, s.value?.relativeValue])).toEqual([
      [{ kind: 'pair', ambulatory: '474633', hospitalised: '474644' }, '35'],
    ]);
    expect(block('281012 Arthrodèse entre L 4\n et L 5 par voie antérieure   K 500').services.map((s) => [s.label, s.value?.relativeValue])).toEqual([
      ['Arthrodèse entre L 4 et L 5 par voie antérieure', '500'],
    ]);
  });

  it('reads services written on one line, and a label with no code and no value', () => {
    expect(block('354255-354266 Mise en place K 30 354270-354281 Autre acte K 40').services.map((s) => [s.codes, s.label, s.value?.relativeValue])).toEqual([
      [{ kind: 'pair', ambulatory: '354255', hospitalised: '354266' }, 'Mise en place', '30'],
      [{ kind: 'pair', ambulatory: '354270', hospitalised: '354281' }, 'Autre acte', '40'],
    ]);
    expect(block('Occlusion percutanée ;')).toEqual({ services: [{ codes: null, heading: null, label: 'Occlusion percutanée', marker: false, value: null }], trailing: null });
  });
});

describe('normative sentences and entry-into-force clauses', () => {
  it('tells normative sentences from boilerplate', () => {
    expect(isNormative(matchForm('La prestation ne peut être portée en compte'))).toBe(true);
    expect(isNormative(matchForm('les mots "X" sont remplacés par "Y"'))).toBe(true);
    expect(isNormative(matchForm('Au littera d),'))).toBe(false);
    expect(isBoilerplate(matchForm('Notre Ministre des Affaires sociales est chargé de l\'exécution du présent arrêté.'))).toBe(true);
  });

  it('rewrites phrasings the shared clause reader does not know', () => {
    expect(normaliseClause('le premier jour du mois suivant celui de sa publication')).toBe('le premier jour du mois qui suit celui de sa publication');
    expect(normaliseClause('le premier jour du mois qui suit sa publication')).toBe('le premier jour du mois qui suit celui de sa publication');
  });

  it('finds the act clause, its exceptions and the articles dated on their own', () => {
    const s = (article: string, text: string) => ({ article, where: `Art. ${article}`, folded: matchForm(text), text });
    const r = readEntryClauses([
      s('2', 'Le présent article produit ses effets le 1er mai 2010.'),
      s('9', "Le présent arrêté entre en vigueur le 1er janvier 2001, à l'exception des articles 3 à 5 qui produisent leurs effets le 1er juillet 2000 et de l'article 7 qui entre en vigueur le premier jour du mois qui suit celui de sa publication."),
      s('10', "L'arrêté entre en vigueur un jour."),
    ], '2000-12-29', null);
    expect(r.act).toEqual({ clause: 'le present arrete entre en vigueur le 1er janvier 2001', where: 'Art. 9', text: expect.any(String), lang: 'fr' });
    expect(r.overrides.map((o) => [o.article, o.result.date])).toEqual([['2', '2010-05-01'], ['3', '2000-07-01'], ['4', '2000-07-01'], ['5', '2000-07-01'], ['7', '2001-01-01']]);
    expect(r.unread.map((u) => u.where)).toEqual(['Art. 10']);
  });
});

describe('emitter', () => {
  it('reports misprinted codes with the twin as proposal, once per place', () => {
    const out = new Emitter('X', '');
    out.checkMentions('A', 'n° 474552-475563, 475562-474563, 123456, 598006 à 599024, 474552-474563');
    out.checkMentions('A', 'n° 474552-475563');
    expect(out.issues.map((i) => [i.code, i.proposal])).toEqual([
      ['invalid-check-digit', '474563'], ['broken-pair', '474552-474563'],
      ['invalid-check-digit', '474552'], ['broken-pair', '474552-474563'],
      ['invalid-check-digit', '123454'], ['invalid-check-digit', '599023'],
    ]);
  });

  it('cuts rule text into sentences; a sentence about "ces prestations" takes the codes of the one before', () => {
    const raw = 'Les n°s 598006 à 599023 ne sont pas cumulables. Une seule de ces prestations par jour.\n\nLa prestation n° 599443 est limitée.';
    const out = new Emitter('X', raw);
    expect(out.ruleText('Art. 1', [[0, raw.length]], 'note')).toEqual({
      text: 'Les n°s 598006 à 599023 ne sont pas cumulables. Une seule de ces prestations par jour.\nLa prestation n° 599443 est limitée.',
      codes: ['598006', '599023', '599443'],
    });
    expect(out.rules.map(ruleView)).toEqual([
      { id: 'X:Art. 1:1', article: 'Art. 1', codes: [], ranges: [['598006', '599023']], text: 'Les n°s 598006 à 599023 ne sont pas cumulables.', note: 'note' },
      { id: 'X:Art. 1:2', article: 'Art. 1', codes: [], ranges: [['598006', '599023']], text: 'Une seule de ces prestations par jour.', note: 'note; codes of the preceding sentence, to which this one refers' },
      { id: 'X:Art. 1:3', article: 'Art. 1', codes: ['599443'], ranges: [], text: 'La prestation n° 599443 est limitée.', note: 'note' },
    ]);
    expect([isSentenceLike(' ou neurologie '), isSentenceLike(' 4° Les honoraires sont dus. ')]).toEqual([false, true]);
  });
});

describe('amendment phrases', () => {
  it('words inserted after or between other words, and a provision repealed', () => {
    const doc = act(`**Art. 1.** A l'article 2, § 1er, de la même annexe, les mots « ou en pédiatrie » sont insérés après les mots « en chirurgie » et les mots « de garde » sont insérés entre les mots « médecin » et « spécialiste ».

**Art. 2.** A l'article 3 de la même annexe, le § 4 est abrogé.`);
    expect(changes(doc)).toEqual([
      { source: 'Art. 1', target: '2, § 1er', op: 'replace-text', old: 'en chirurgie', new: 'en chirurgie ou en pédiatrie', codes: [], note: 'words inserted after the quoted words' },
      { source: 'Art. 1', target: '2, § 1er', op: 'replace-text', old: 'médecin spécialiste', new: 'médecin de garde spécialiste', codes: [], note: 'words inserted between the quoted words' },
      { source: 'Art. 2', target: '3, § 4', op: 'replace-text', old: null, new: '', codes: [], note: 'the provision is repealed' },
    ]);
  });

  it('an alinéa inserted or added, the rule text given as plain sentences', () => {
    const doc = act(`**Art. 1.** A l'article 26, § 4, de la même annexe, un alinéa, rédigé comme suit, est inséré après l'alinéa 2 :

« La prestation n° 474515-474526 peut être cumulée. »

**Art. 2.** A l'article 26, § 5, de la même annexe, le 1er alinéa est complété par l'alinéa suivant :

La prestation n° 474515-474526 est limitée à une fois par jour.`);
    expect(changes(doc)).toEqual([
      { source: 'Art. 1', target: '26, § 4', op: 'insert-rule', codes: ['474515', '474526'], replaces: null, text: 'La prestation n° 474515-474526 peut être cumulée.', note: 'inserted after alinéa 2' },
      { source: 'Art. 2', target: '26, § 5, alinéa 1er', op: 'insert-rule', codes: ['474515', '474526'], replaces: null, text: 'La prestation n° 474515-474526 est limitée à une fois par jour.', note: 'added at the end' },
    ]);
    expect(doc.rules.map((r) => r.id)).toEqual(['2020022001:Art. 1:1', '2020022001:Art. 2:1']);
    expect(doc.unparsed).toEqual([]);
  });

  it('a service replaced by its new wording, or by other services', () => {
    const doc = act(`**Art. 1.** A l'article 2, A, de la même annexe, sont apportées les modifications suivantes :

1° la prestation 101076-101080 est remplacée par la prestation suivante :

« 101076-101080 Consultation au cabinet N 22,5 »;

2° la prestation 102771-102782 est remplacée par les prestations suivantes :

« 102793-102804 Consultation de jour N 20
102815-102826 Consultation de nuit N 30 ».`);
    expect(changes(doc)).toEqual([
      { source: 'Art. 1, 1°', target: '2, A', op: 'change-label', codes: '101076-101080', label: 'Consultation au cabinet', note: null },
      { source: 'Art. 1, 1°', target: '2, A', op: 'change-value', codes: '101076-101080', from: null, to: 'N 22.5', note: null },
      { source: 'Art. 1, 2°', target: '2, A', op: 'delete-service', codes: '102771-102782', note: 'replaced by 102793-102804, 102815-102826' },
      { source: 'Art. 1, 2°', target: '2, A', op: 'insert-service', codes: '102793-102804', value: 'N 20', label: 'Consultation de jour', heading: null, nomenclatureArticle: '2, A', after: null, note: 'in: la prestation 102771-102782 est remplacée par les prestations suivantes; replaces 102771-102782' },
      { source: 'Art. 1, 2°', target: '2, A', op: 'insert-service', codes: '102815-102826', value: 'N 30', label: 'Consultation de nuit', heading: null, nomenclatureArticle: '2, A', after: null, note: 'in: la prestation 102771-102782 est remplacée par les prestations suivantes; replaces 102771-102782' },
    ]);
    expect(doc.issues).toEqual([]);
  });

  it('words changed in the label of a service carry its codes', () => {
    const doc = act(`**Art. 1.** A l'article 20, § 1er, de la même annexe, dans le libellé de la prestation 474552-474563, les mots « 2 paramètres » sont remplacés par les mots « 3 paramètres ».`);
    expect(changes(doc)).toEqual([
      { source: 'Art. 1', target: '20, § 1er', op: 'replace-text', old: '2 paramètres', new: '3 paramètres', codes: ['474552', '474563'], note: 'in the label of 474552-474563' },
    ]);
  });

  it('rules added in the wordings "complété par un alinéa rédigé comme suit" and "il est inséré … une règle … rédigée comme suit"', () => {
    const doc = act(`**Art. 1.** A l'article 26 de la même annexe, le § 4 est complété par un alinéa rédigé comme suit :

« La prestation 474515-474526 est limitée à une fois par jour. »

**Art. 2.** A l'article 26 de la même annexe, il est inséré, après la prestation 474515-474526, une règle d'application rédigée comme suit :

« La prestation 474515-474526 n'est pas cumulable avec la prestation 474530-474541. »`);
    expect(changes(doc).map((c) => [c.source, c.op, c.target, c.codes, c.note])).toEqual([
      ['Art. 1', 'insert-rule', '26, § 4', ['474515', '474526'], 'added at the end'],
      ['Art. 2', 'insert-rule', '26', ['474515', '474526', '474530', '474541'], 'inserted after service 474515-474526'],
    ]);
  });

  it('a label whose new wording names another sound code is a contradiction; the instruction wins', () => {
    const doc = act(`**Art. 1.** A l'article 20, § 1er, de la même annexe, le libellé de la prestation n° 474552-474563 est modifié comme suit :

« 477374-477385 Enregistrement continu »`);
    expect(changes(doc)).toEqual([{ source: 'Art. 1', target: '20, § 1er', op: 'change-label', codes: '474552-474563', label: 'Enregistrement continu', note: null }]);
    expect(doc.issues).toEqual([{ severity: 'error', code: 'contradiction', where: 'Art. 1', message: 'the instruction names 474552-474563 but the new wording gives 477374-477385' }]);
  });

  it('reports services inserted twice, amendments without a target, open quotes and insertions without code', () => {
    const doc = act(`**Art. 1.** La prestation suivante est insérée : « 354255-354266 Acte K 30 »

**Art. 2.** A l'article 11 de la même annexe, la prestation suivante est insérée : « 354255-354266 Acte K 30 » et la prestation suivante est insérée : « Acte sans code K 10 »

**Art. 3.** A l'article 12 de la même annexe, les mots « a sont remplacés par « b ».`);
    expect(changes(doc).map((c) => [c.source, c.op, c.target, c.codes])).toEqual([
      ['Art. 1', 'insert-service', null, '354255-354266'], ['Art. 2', 'insert-service', '11', '354255-354266'],
    ]);
    expect(doc.issues.map((i) => [i.code, i.where, i.message])).toEqual([
      ['unknown-target', 'Art. 1', 'the article of the nomenclature this insert-service applies to is not stated'],
      ['other', 'Art. 2', 'inserted service without a code: "Acte sans code"'],
      ['duplicate-service', 'Art. 2', '354255-354266 is inserted again (already inserted by Art. 1)'],
      ['other', 'Art. 3', 'a quotation is opened and never closed; it is taken to run to the end of the article'],
    ]);
    expect(doc.unparsed.map((u) => u.where)).toEqual(['Art. 2', 'Art. 3']);
  });

  it('dates each article: the act clause, an article dated apart, the tenth day without clause', () => {
    const dated = act(`**Art. 1.** A l'article 2 de la même annexe, la prestation n° 101076-101080 est supprimée.

**Art. 2.** A l'article 2 de la même annexe, la prestation n° 102771-102782 est supprimée.

**Art. 3.** Le présent arrêté entre en vigueur le 1er mars 2020, à l'exception de l'article 2 qui entre en vigueur le 1er avril 2020.`);
    expect(dated.amendments.map((a) => [a.source, a.effective])).toEqual([['Art. 1', '2020-03-01'], ['Art. 2', '2020-04-01']]);
    const plain = act("**Art. 1.** A l'article 2 de la même annexe, la prestation n° 101076-101080 est supprimée.");
    expect([plain.dates.entryIntoForce, plain.dates.entryIntoForceBasis]).toEqual(['2020-01-25', 'no clause: tenth day after publication (2020-01-15 + 10 days)']);
  });

  it('lists every normative sentence nobody understands, but not the execution formula', () => {
    const doc = act(`**Art. 1.** A l'article 2 de la même annexe, le médecin doit conserver le protocole. Les honoraires sont dus une seule fois.

**Art. 2.** Notre Ministre qui a les Affaires sociales dans ses attributions est chargé de l'exécution du présent arrêté.`);
    expect(doc.unparsed).toEqual([
      { where: 'Art. 1', text: "A l'article 2 de la même annexe, le médecin doit conserver le protocole." },
      { where: 'Art. 1', text: 'Les honoraires sont dus une seule fois.' },
    ]);
    expect(doc.amendments).toEqual([]);
  });
});

describe('robustness', () => {
  it('never throws and keeps every span inside the text, whatever the damage', () => {
    const seed = corpus('004_41601e86ba046398.txt');
    const inputs = ['', '---\n---\n', '---\nurl: x\n', '**Art. 1.**', '**Art. 1.** "', '**Art. 1.** « « »', '**Article 1er.**\n```\n  1  \n```'];
    for (let at = 200; at < seed.length; at += 397) inputs.push(seed.slice(0, at), seed.slice(at, at + 2500));
    for (const text of inputs) {
      const doc = parseJustel(text);
      for (const p of [...doc.amendments.map((a) => a.provenance), ...doc.rules.map((r) => r.provenance)]) {
        const [s, e] = p.span!;
        expect(0 <= s && s < e && e <= text.length).toBe(true);
      }
    }
  });
});

describe('typography of real acts', () => {
  it('reads no-break spaces, "nº" and typographic apostrophes', () => {
    const doc = act('**Art. 1.** À l’article 11, §\u00a01er, de la même annexe, sont apportées les modifications suivantes\u00a0:\n\n1.\u00a0la prestation suivante est insérée après la prestation nº\u00a0354196-354200\u00a0:\n\n«\u00a0354255-354266 Mise en place d’un cathéter K\u00a030\u00a0»;\n\n2.\u00a0la prestation nº 355751-355762 est supprimée.');
    expect(changes(doc)).toEqual([
      { source: 'Art. 1, 1.', target: '11, § 1er', op: 'insert-service', codes: '354255-354266', value: 'K 30', label: 'Mise en place d’un cathéter', heading: null, nomenclatureArticle: '11, § 1er', after: '354196', note: null },
      { source: 'Art. 1, 2.', target: '11, § 1er', op: 'delete-service', codes: '355751-355762', note: null },
    ]);
  });

  it('says so when an act has no article heading', () => {
    expect(act('Texte sans article. La prestation 101076 est supprimée.').issues).toEqual([
      { severity: 'warning', code: 'other', where: 'document', message: 'no article heading ("**Art. 1er.**") found: nothing could be extracted' },
    ]);
  });
});

describe('copy defects of real acts', () => {
  it('reads a number glued to its text ("1°la", "a)à") as a point, and says so', () => {
    const doc = act(`**Art. 1.** A l'article 17 de la même annexe, sont apportées les modifications suivantes :

1°la valeur relative "K 25" de la prestation 532630-532641 est remplacée par "K 21,40";

2°au § 1er,

a)à la prestation 458894-458905,

1. la règle d'application qui suit la prestation est abrogée;`);
    expect(changes(doc).map((c) => [c.source, c.op, c.codes])).toEqual([
      ['Art. 1, 1°', 'change-value', '532630-532641'],
      ['Art. 1, 2°, a), 1.', 'repeal-rule', ['458894', '458905']],
    ]);
    expect(doc.issues.map((i) => i.message)).toEqual([
      'the number 1° is glued to its text in the copy; read as a point',
      'the number 2° is glued to its text in the copy; read as a point',
      'the number a) is glued to its text in the copy; read as a point',
    ]);
    expect(doc.coverage).toEqual({ items: 2, understood: 2, missed: [] });
  });

  it('closes a quote that lost its closing mark before the next point, and reads that point', () => {
    const doc = act(`**Art. 1.** A l'article 35bis de la même annexe, sont apportées les modifications suivantes :

1° Au § 1er, la prestation suivante est introduite après la prestation 688472 :

" 688494

Clip utilisé en combinaison avec la prestation 688472 U 80

2° Au § 7, la prestation 688494 est introduite après la prestation 688472.`);
    expect(changes(doc).map((c) => [c.source, c.op, c.codes])).toEqual([
      ['Art. 1, 1°', 'insert-service', '688494'],
      ['Art. 1, 2°', 'replace-text', ['688494']],
    ]);
    expect(doc.issues.map((i) => i.message)).toEqual([
      'a quotation opened here is not closed before the next point: it is taken to end there ("688494 Clip utilisé en combinaison avec la prestation 688472 U 80")',
    ]);
  });

  it('does not close a « » quote at a line that looks like a point: inserted text may hold points', () => {
    const doc = act(`**Art. 1.** A l'article 26 de la même annexe, le § 4 est remplacé par la disposition suivante :

« § 4. La prestation 474515-474526 est soumise aux conditions suivantes :

1° Au moins deux médecins participent.

2° Au cours de la séance, un protocole est rédigé. »`);
    expect(doc.issues).toEqual([]);
    expect(changes(doc).map((c) => [c.source, c.op])).toEqual([['Art. 1', 'replace-text']]);
  });

  it('warns of a paragraph that states an amendment of its own under the point before it (a lost number)', () => {
    const doc = act(`**Art. 1.** A l'article 11 de la même annexe, sont apportées les modifications suivantes :

1° la prestation 354012-354023 est supprimée;

la prestation 355751-355762 est supprimée.`);
    expect(changes(doc).map((c) => [c.source, c.op, c.codes])).toEqual([
      ['Art. 1, 1°', 'delete-service', '354012-354023'],
      ['Art. 1, 1°', 'delete-service', '355751-355762'],
    ]);
    expect(doc.issues.map((i) => i.message)).toEqual([
      'a paragraph after 1° states an amendment of its own: an item whose number the copy lost? It is read as part of 1°',
    ]);
  });

  it('reads a quoted list of codes as a list addition, never as the insertion of services', () => {
    const doc = act(`**Art. 1.** A l'article 35, § 16, de la même annexe, les prestations suivantes sont ajoutées :

« 684272-684283, 684294-684305 »`);
    expect(doc.amendments.filter((a) => a.op === 'insert-service')).toEqual([]);
    expect(changes(doc)).toMatchObject([{ op: 'replace-text', old: null, codes: ['684272', '684283', '684294', '684305'], note: 'codes added to a list: 684272-684283, 684294-684305' }]);
  });
});

describe('a copy cut in mid-sentence', () => {
  it('does not apply the tenth-day default when no clause is seen: the clause may be lost', () => {
    const cut = act(`**Art. 1.** A l'article 11 de la même annexe, la valeur relative de la prestation 354012-354023 est portée de « K 30 » à « K 40 ».

**Art. 2.** Le présent arrêté entre en vig`.replace('Le présent arrêté entre en vig', 'A l\'article 12 de la même annexe, la prestation'));
    expect(cut.dates.entryIntoForce).toBeNull();
    expect(cut.dates.entryIntoForceBounds).toMatchObject({ earliest: '2020-01-15', latest: null });
    expect(cut.amendments[0]).toMatchObject({ effective: null, effectiveBounds: { earliest: '2020-01-15' } });
    // The same text ending with a full stop is complete: the legal default applies.
    const whole = act("**Art. 1.** A l'article 11 de la même annexe, la valeur relative de la prestation 354012-354023 est portée de « K 30 » à « K 40 ».");
    expect(whole.dates.entryIntoForce).toBe('2020-01-25');
  });
});
