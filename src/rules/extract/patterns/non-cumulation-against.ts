/** "ne sont pas cumulables avec", "n'est pas cumulable avec", "ne peuvent pas être cumulées avec" a list of codes or articles. */
import { exceptionsOf, joinNotes, subjectOf, type ExtractionPattern } from '../pattern.js';
import { firstCode, readArticles, readCodes } from '../sentences.js';

const RE = /\b(?:ne sont pas cumulables|n'est pas cumulable|ne peu(?:t|vent) pas etre cumulee?s?) avec (?!eux\b)(.+)$/;
const STAY = /\bpendant (?:une|la) meme (?:periode d'hospitalisation|hospitalisation)\b|\bau cours d'une meme hospitalisation\b/;
const SAME_INTERVENTION = /\blors d'une meme intervention\b/;
const MOTIVATED = /\bil doit etre motive dans le dossier medical\b/;

export const nonCumulationAgainst: ExtractionPattern = {
  id: 'non-cumulation-against',
  description: 'not cumulable with a list of codes (or nomenclature articles): same day unless the text says same stay',
  examples: [
    'Les prestations n°s 474530-474541 et 474552-474563 ne sont pas cumulables avec les prestations n°s 211013-211024, 211035-211046.',
    'La prestation n° 477374-477385 n\'est pas cumulable avec les prestations n°s 211013-211024, 214115-214126.',
    'La prestation 350755-350766 ne peut pas être cumulée avec les prestations 350372-350383, 105335-105345 et 105350-105361 de la nomenclature.',
    'Les prestations 587134-587145 et 587193-587204 ne peuvent pas être cumulées avec celles des articles 17, 17 bis, 17 ter et 17 quater lors d\'une même intervention.',
  ],
  match(c) {
    const m = RE.exec(c.folded);
    if (!m) return null;
    const subject = subjectOf(c);
    if (!subject) return null;
    const object = readCodes(m[1]);
    let against = object.ref;
    if (object.empty) {
      const articles = readArticles(m[1]);
      if (!articles.length) return null; // no codes, no articles ("prestations techniques"): curated
      against = { articles };
    }
    const within = STAY.test(c.folded) ? 'stay' : 'day';
    const intervention = SAME_INTERVENTION.test(c.folded);
    const { exceptions, notes } = exceptionsOf(c.folded);
    if (intervention && MOTIVATED.test(c.context)) exceptions.push({ document: 'motivation' });
    return [{
      kind: 'non-cumulation',
      slug: `not-with-${firstCode(against)}`,
      scope: subject.ref,
      params: { within, mode: 'against', against, severity: intervention ? 'warning' : 'violated' },
      exceptions,
      interpretation: joinNotes(
        within === 'day' ? (intervention ? '"in the same intervention" cannot be read from claim data: a same-day line gives a warning (the imaging must be motivated in the medical record)' : 'no scope stated: the same day') : 'the same stay',
        'the later line in decision order is rejected; a history line is never displaced',
        subject.notes,
        object.notes,
        notes,
      ),
    }];
  },
};
