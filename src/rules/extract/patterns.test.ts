import { describe, expect, it } from 'vitest';
import type { ParsedDocument, RuleText } from '../../facts.js';
import { draftsOf, extractRules, PATTERNS } from './index.js';
import { LABEL_PATTERNS, ordinalWords } from './labels.js';
import { fold } from './sentences.js';
import { sentences } from './sentences.js';

function doc(texts: string[], kind: ParsedDocument['kind'] = 'royal-decree'): ParsedDocument {
  return {
    id: 'TESTDOC',
    kind,
    format: 'justel-markdown',
    title: 'test',
    url: null,
    convention: kind === 'convention' ? 'test-convention' : null,
    dates: { signed: '1994-08-12', version: null, published: null, entryIntoForce: '1995-01-01', entryIntoForceBasis: 'test', validUntil: null },
    services: [],
    fees: [],
    amendments: [],
    rules: texts.map((text, i) => rt(text, i)),
    issues: [],
    unparsed: [],
  };
}

function rt(text: string, i = 0, article = 'Art. 1'): RuleText {
  return { id: `TESTDOC:${article}:${i}`, article, text, codes: [], ranges: [], provenance: { document: 'TESTDOC', article, span: null, text } };
}

const drafts = (text: string) => draftsOf(doc([text]), rt(text)).map((d) => ({ pattern: d.pattern, ...d.draft }));

describe('every pattern reads its own examples', () => {
  for (const p of PATTERNS) {
    it(p.id, () => {
      for (const ex of p.examples) {
        const found = draftsOf(doc([ex]), rt(ex)).filter((d) => d.pattern === p.id);
        expect(found.length, `${p.id} on: ${ex}`).toBeGreaterThan(0);
      }
    });
  }
});

describe('frequency phrasings', () => {
  it.each([
    ['Les prestations 587134-587145 et 587156-587160 peuvent être attestées une fois par jour.', 'day', 1],
    ["L'intervention de l'assurance pour la prestation n° 474633-474644 est limitée à une fois par jour.", 'day', 1],
    ["L’intervention de l’assurance pour la prestation n 477374-477385 est limitée à une seule fois par an.", 'year', 1],
    ['La prestation 477374-477385 peut être portée en compte deux fois par année civile.', 'year', 2],
    ['Les prestations n s 558633-558644 et 558854-558865 ne peuvent être portées en compte qu\'une seule fois par an.', 'year', 1],
  ])('%s', (text, unit, max) => {
    const d = drafts(text).find((x) => x.pattern === 'frequency-calendar')!;
    expect(d).toBeDefined();
    expect(d.params).toMatchObject({ max, period: { unit }, together: true });
    expect(d.scope.pairs?.length).toBeGreaterThan(0);
  });

  it('reads "sauf accord préalable du médecin-conseil" as an approval exception', () => {
    const d = drafts("Les prestations n°s 558633-558644 et 558854-558865 ne peuvent être portées en compte qu'une seule fois par an sauf accord préalable du médecin-conseil.")[0];
    expect(d.exceptions).toEqual([{ approval: { by: ['medical-adviser'] } }]);
  });

  it('"Une seule de ces prestations … par jour" takes the codes of the previous sentence, also across rule texts of the same article', () => {
    const d = doc([
      '4° Les honoraires de surveillance prévus sous les n°s 598006 à 599023 et 599325 à 599421 ne sont pas cumulables entre eux.',
      'Une seule de ces prestations peut être portée en compte par jour.',
    ]);
    const rules = extractRules([d]).rules;
    const f = rules.find((r) => r.kind === 'frequency')!;
    expect(f.scope.ranges).toEqual([['598006', '599023'], ['599325', '599421']]);
    expect(rules.find((r) => r.kind === 'non-cumulation')!.params).toMatchObject({ mode: 'among', within: 'day' });
  });

  it('per stay, per started period, per side, once, per anchor', () => {
    expect(drafts("La prestation n° 599443 ne peut être portée en compte qu'une seule fois pendant la même période d'hospitalisation.")[0].params).toMatchObject({ period: { unit: 'stay' } });
    expect(drafts('La prestation 599465 ne peut être attestée qu\'une seule fois par période de 14 jours d\'hospitalisation entamée.')[0].params).toMatchObject({ period: { unit: 'stay-period', days: 14 } });
    expect(drafts("L'intervention pour la prestation 252696-252700 peut être accordée au maximum une fois par sein.")[0].params).toMatchObject({ perSide: true });
    expect(drafts("L'intervention pour la prestation 252711-252722 peut être octroyée au maximum une fois.")[0].params).toMatchObject({ period: { unit: 'lifetime' } });
    const anchor = drafts("Les prestations 350770-350781 et 350792-350803 ne peuvent être attestées qu'une seule fois, et ce uniquement à la suite de la prestation 350755-350766.");
    expect(anchor.map((x) => x.pattern).sort()).toEqual(['frequency-per-anchor', 'prerequisite-same-day']);
  });

  it('does not read a period it does not know', () => {
    expect(drafts('La prestation 477374-477385 est limitée à une fois par trimestre.').filter((d) => d.kind === 'frequency')).toEqual([]);
  });
});

describe('non-cumulation phrasings', () => {
  it.each([
    'Les prestations n°s 474530-474541 et 474552-474563 ne sont pas cumulables avec les prestations n°s 211013-211024, 211035-211046.',
    "La prestation n° 477374-477385 n'est pas cumulable avec les prestations n°s 211013-211024.",
    'La prestation 350755-350766 ne peut pas être cumulée avec les prestations 350372-350383 et 350276-350280.',
    'Les prestations 252792-252803 et 252814-252825 ne peuvent pas être cumulées avec la prestation 252615-252626',
  ])('%s', (text) => {
    const d = drafts(text).find((x) => x.kind === 'non-cumulation')!;
    expect(d.params).toMatchObject({ mode: 'against', within: 'day', severity: 'violated' });
    expect(d.scope.pairs!.length).toBeGreaterThan(0);
    expect((d.params as { against: { pairs: unknown[] } }).against.pairs.length).toBeGreaterThan(0);
  });

  it('same stay when the text says so', () => {
    const d = drafts("Pendant une même période d'hospitalisation, la prestation 474541 n'est pas cumulable avec la prestation 477385.")[0];
    expect(d.params).toMatchObject({ within: 'stay' });
  });

  it('corrects a broken pair openly', () => {
    const d = drafts('La prestation 350755-350766 ne peut pas être cumulée avec les prestations 105335-105345 de la nomenclature.')[0];
    expect((d.params as { against: { pairs: unknown } }).against.pairs).toEqual([['105335', '105346']]);
    expect(d.interpretation).toContain('105335-105345');
  });

  it('articles; "lors d\'une même intervention" is a warning', () => {
    const d = drafts("Les prestations 587134-587145 et 587156-587160 ne peuvent pas être cumulées avec celles des articles 17, 17 bis, 17 ter et 17 quater lors d'une même intervention.")[0];
    expect(d.params).toMatchObject({ against: { articles: ['17', '17bis', '17ter', '17quater'] }, severity: 'warning' });
  });

  it('one of a group per stay, both word orders', () => {
    for (const t of [
      "Pendant une même période d'hospitalisation, une seule des prestations n°s 474541, 474563 et 477385 peut être portée en compte; la répétition de la prestation n° 474541 ne peut être portée en compte qu'après une période de deux mois.",
      "Pendant une même période d'hospitalisation, seule une des prestations n°s 474541, 474563 et 477385 peut être portée en compte.",
    ]) {
      const d = drafts(t).find((x) => x.pattern === 'non-cumulation-among')!;
      expect(d.scope.codes).toEqual(['474541', '474563', '477385']);
      expect(d.params).toMatchObject({ within: 'stay', mode: 'among' });
    }
  });

  it('leaves "prestations techniques" (no codes) to curation', () => {
    expect(drafts('Les prestations n°s 599443 et 599465 ne sont pas cumulables avec des prestations techniques effectuées par ce même neuropsychiatre.')).toEqual([]);
  });
});

describe('interval phrasings', () => {
  it.each([
    ["la répétition de la prestation n° 474541 ne peut être portée en compte qu'après une période de deux mois.", 2, false],
    ["La répétition des prestations 474541 ne peut être attestée qu'après une période de 3 mois", 3, false],
    ["Les prestations 587134-587145 ne peuvent pas être répétées pour une même lésion dans une période de 3 mois, à moins qu'une motivation figure dans le dossier médical du patient.", 3, true],
    ['La prestation 587134-587145 ne peut pas être répétée pour une même lésion dans une période de six mois.', 6, true],
  ])('%s', (text, months, lesion) => {
    const d = drafts(text).find((x) => x.kind === 'interval')!;
    expect(d.params).toMatchObject({ months, sameLesion: lesion });
  });
  it('the motivation exception', () => {
    const d = drafts("Les prestations 587134-587145 ne peuvent pas être répétées pour une même lésion dans une période de 3 mois, à moins qu’une motivation figure dans le dossier médical du patient.")[0];
    expect(d.exceptions).toEqual([{ document: 'motivation' }]);
  });
});

describe('prerequisite phrasings', () => {
  it('one of, before or simultaneously', () => {
    const d = drafts("L'intervention de l'assurance pour la prestation 252652-252663 peut être octroyée au maximum une fois par sein et n'est due que si une des prestations 227636-227640 ou 227651-227662 a été remboursée au préalable ou simultanément.").find((x) => x.kind === 'prerequisite')!;
    expect(d.scope).toEqual({ pairs: [['252652', '252663']] });
    expect(d.params).toMatchObject({ count: 1, timing: 'before-or-same-day', oneOf: { pairs: [['227636', '227640'], ['227651', '227662']] } });
  });
  it('two of, list after the colon', () => {
    const d = drafts("L'intervention de l'assurance pour la prestation 252674-252685 peut être octroyée au maximum une fois et n'est due que si deux des prestations suivantes, identiques ou différentes, ont été remboursées au préalable ou simultanément : 227636-227640 ou 227651-227662.").find((x) => x.kind === 'prerequisite')!;
    expect(d.params).toMatchObject({ count: 2, oneOf: { pairs: [['227636', '227640'], ['227651', '227662']] } });
  });
  it('strictly before ("au préalable" alone), effectuée / remboursée', () => {
    const d = drafts("L'intervention de l'assurance pour la prestation 252755-252766 est unique et ne peut être accordée que si une des prestations 252674-252685 ou 252711-252722 a été remboursée au préalable.").find((x) => x.kind === 'prerequisite')!;
    expect(d.params).toMatchObject({ timing: 'before' });
    const e = drafts("L'intervention pour la prestation 252733-252744 est unique et ne peut être octroyée que si une des prestations 252652-252663 a été effectuée au préalable ou simultanément.").find((x) => x.kind === 'prerequisite')!;
    expect(e.params).toMatchObject({ timing: 'before-or-same-day' });
  });
  it('preceded, same stay when about hospitalisation', () => {
    const d = drafts("La prestation n° 599465 doit toujours être précédée de la prestation 599443 et ne peut être portée en compte qu'une seule fois par période de 7 jours d'hospitalisation entamée.").find((x) => x.kind === 'prerequisite')!;
    expect(d.scope).toEqual({ codes: ['599465'] });
    expect(d.params).toMatchObject({ oneOf: { codes: ['599443'] }, timing: 'before', sameStay: true });
    const e = drafts('La prestation 599465 doit être précédée de la prestation 599443.')[0];
    expect(e.params).toMatchObject({ sameStay: false });
  });
  it('same day, ambulatory', () => {
    const d = drafts("La prestation n° 599480 ne peut être portée en compte qu'en cas d'exécution, en ambulatoire, d'une des prestations n°s 247531, 256513.")[0];
    expect(d.params).toMatchObject({ timing: 'same-day', ambulatory: true, oneOf: { codes: ['247531', '256513'] } });
    const e = drafts("La prestation n° 599480 ne peut être portée en compte qu'en cas d'exécution d'une des prestations n°s 247531.")[0];
    expect(e.params).toMatchObject({ ambulatory: false });
  });
});

describe('approval and hospital service phrasings', () => {
  it.each([
    ["Les prestations 252696-252700 et 252711-252722 n'entrent en ligne de compte pour un remboursement qu'après accord du Collège des médecins-directeurs.", 'college-of-medical-directors'],
    ["L'intervention de l'assurance pour les prestations 252696-252700 n'est possible qu'après l'accord préalable du Collège des médecins directeurs.", 'college-of-medical-directors'],
    ["La prestation 558810-558821 n'est remboursée qu'après accord du médecin-conseil.", 'medical-adviser'],
  ])('%s', (text, by) => {
    expect(drafts(text)[0].params).toEqual({ by: [by] });
  });
  it('"sauf accord" is an exception, not an approval rule', () => {
    expect(drafts("La prestation 558633-558644 ne peut être portée en compte qu'une seule fois par an sauf accord préalable du médecin conseil.").map((d) => d.kind)).toEqual(['frequency']);
  });
  it('service letters keep their case', () => {
    const d = drafts("Les prestations n°s 599443 et 599465 ne sont pas d'application pour des patients hospitalisés dans les services A, K, T, V et Tf.")[0];
    expect(d.params).toEqual({ services: { forbidden: ['A', 'K', 'T', 'V', 'Tf'], requireStay: false, otherwise: 'violated' } });
  });
});

describe('labels', () => {
  const label = (text: string, heading = false) => ({ text, folded: fold(text), heading, codes: { codes: ['599325'] }, article: 'Art. 10' });
  const run = (text: string, heading = false) => LABEL_PATTERNS.flatMap((p) => p.match(label(text, heading)) ?? []);

  it('ordinals in words', () => {
    expect(ordinalWords('sixième')).toBe(6);
    expect(ordinalWords('soixante et unième')).toBe(61);
    expect(ordinalWords('treizième')).toBe(13);
    expect(ordinalWords('douzième')).toBe(12);
    expect(ordinalWords('1er')).toBe(1);
    expect(ordinalWords('vingt-deuxième')).toBe(22);
  });
  it.each([
    ['les cinq premiers jours, par jour', 1, 5, null],
    ['du sixième au soixantième jour inclus, par jour', 6, 60, null],
    ["du soixante et unième jour à la fin du sixième mois d'hospitalisation, par jour", 61, null, 6],
    ['du sixième au douzième jour inclusivement, par jour', 6, 12, null],
    ["du treizième jour, jusqu'a la fin du sixième mois, par jour", 13, null, 6],
    ["a partir du 1er jour, pendant toute l'hospitalisation, par jour", 1, null, null],
  ])('tier: %s', (text, fromDay, toDay, endOfMonth) => {
    expect(run(text).find((d) => d.kind === 'tier')!.params).toEqual({ fromDay, toDay, endOfMonth });
  });
  it('children under seven, in words or digits', () => {
    expect(run("Ponction d'ascite chez l'enfant de moins de sept ans")[0].params).toEqual({ age: { under: 7 } });
    expect(run('Biopsies du duodénum, chez un enfant de moins de sept ans')[0].params).toEqual({ age: { under: 7 } });
    expect(run("… avec tunnellisation chez l'enfant de moins de 7 ans")[0].params).toEqual({ age: { under: 7 } });
  });
  it('patient in service N or n, same-day supplement', () => {
    const d = run("Supplément pour aspiration tracheobronchique réalisée chez un patient séjournant au service N ou n, a l'occasion des prestations n°s 211013-211024, 211035-211046");
    expect(d.find((x) => x.kind === 'patient')!.params).toEqual({ services: { allowed: ['N', 'n'], requireStay: true, otherwise: 'violated' } });
    expect(d.find((x) => x.kind === 'prerequisite')!.params).toMatchObject({ timing: 'same-day', oneOf: { pairs: [['211013', '211024'], ['211035', '211046']] } });
  });
  it('headings: service Tf or family setting (warning), service Sp, provider specialties', () => {
    const tf = run("Honoraires de surveillance d'un patient séjournant dans un service Tf ou dans un milieu familial, exécutes par un médecin agrée comme spécialiste en neuropsychiatrie ou en psychiatrie", true);
    expect(tf.find((x) => x.kind === 'patient')!.params).toMatchObject({ services: { allowed: ['Tf'], otherwise: 'warning', requireStay: false } });
    expect(tf.find((x) => x.kind === 'provider')!.params).toEqual({ alternatives: [{ specialty: ['neuropsychiatry', 'psychiatry'], qualifications: [], collaborator: null }] });
    const sp = run('Honoraires de surveillance du bénéficiaire hospitalise dans un service Sp quelle que soit la qualification du médecin auquel ils sont dus', true);
    expect(sp.map((x) => x.params)).toEqual([{ services: { allowed: ['Sp'], requireStay: true, otherwise: 'violated' } }]);
  });
});

describe('sentences', () => {
  it('splits on full stops, not after n°, art. or numbers', () => {
    expect(sentences("Voir l'art. 14, c) NPS : 250176-250180. La prestation n°. 2 est due. 4° Les honoraires sont dus.")).toEqual([
      "Voir l'art. 14, c) NPS : 250176-250180.",
      'La prestation n°. 2 est due.',
      '4° Les honoraires sont dus.',
    ]);
  });
});
