/** "ne peuvent être attestées qu'une seule fois, et ce uniquement à la suite de la prestation X": once per X. */
import { joinNotes, subjectOf, type ExtractionPattern } from '../pattern.js';
import { readCodes } from '../sentences.js';

const RE = /\bqu'une seule fois,? et ce uniquement a la suite (?:de la prestation|des prestations|d'une des prestations) (.+)$/;

export const frequencyPerAnchor: ExtractionPattern = {
  id: 'frequency-per-anchor',
  description: 'once, attached to a preceding service (each code once per occurrence of that service)',
  examples: [
    'Les prestations 350770-350781 et 350792-350803 ne peuvent être attestées qu\'une seule fois, et ce uniquement à la suite de la prestation 350755-350766.',
  ],
  match(c) {
    const m = RE.exec(c.folded);
    if (!m) return null;
    const subject = subjectOf(c);
    const anchor = readCodes(m[1]);
    if (!subject || anchor.empty) return null;
    return [{
      kind: 'frequency',
      slug: `once-per-${anchor.ref.pairs?.[0]?.[0] ?? anchor.ref.codes?.[0]}`,
      scope: subject.ref,
      params: { max: 1, period: { unit: 'since', anchor: anchor.ref }, together: false },
      interpretation: joinNotes(
        'each service once per occurrence of the service it follows (the latest one on or before the date): a participation belongs to one consultation',
        subject.notes,
        anchor.notes,
      ),
    }];
  },
};
