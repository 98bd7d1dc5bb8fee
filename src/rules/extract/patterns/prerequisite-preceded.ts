/** "doit toujours être précédée de la prestation X". */
import { joinNotes, subjectOf, type ExtractionPattern } from '../pattern.js';
import { firstCode, readCodes } from '../sentences.js';

const RE = /\bdoi(?:t|vent) (?:toujours )?etre precedee?s? (?:de la prestation|des prestations|d'une des prestations|de) (.+?)(?=\s(?:et )?(?:ne |n')?(?:peu(?:t|vent)|doi(?:t|vent)|est|sont)\b|$)/;

export const prerequisitePreceded: ExtractionPattern = {
  id: 'prerequisite-preceded',
  description: 'must be preceded (strictly earlier) by one of a list; in the same stay when the text speaks of hospitalisation',
  examples: [
    "La prestation n° 599465 doit toujours être précédée de la prestation 599443 et ne peut être portée en compte qu'une seule fois par période de 7 jours d'hospitalisation entamée.",
    'La prestation 599465 doit être précédée de la prestation 599443.',
  ],
  match(c) {
    const m = RE.exec(c.folded);
    if (!m) return null;
    const subject = subjectOf(c);
    const list = readCodes(m[1]);
    if (!subject || list.empty) return null;
    const stay = /\bhospitalis/.test(c.folded);
    return [{
      kind: 'prerequisite',
      slug: `requires-${firstCode(list.ref)}`,
      scope: subject.ref,
      params: { oneOf: list.ref, count: 1, timing: 'before', sameStay: stay, ambulatory: false },
      interpretation: joinNotes('"précédée": a strictly earlier line', stay ? 'in the same stay (the text counts periods of the hospitalisation)' : undefined, subject.notes, list.notes),
    }];
  },
};
