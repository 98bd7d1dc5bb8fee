/** "ne sont pas cumulables entre eux"; "Pendant une même période d'hospitalisation, une seule des prestations … peut être portée en compte". */
import { joinNotes, subjectOf, type ExtractionPattern } from '../pattern.js';
import { readCodes } from '../sentences.js';

const AMONG = /\bne sont pas cumulables entre eux\b|\bne peuvent pas etre cumulee?s entre elles\b/;
const ONE_PER_STAY = /\bpendant (?:une|la) meme periode d'hospitalisation, (?:une seule|seule une) des prestations (.+?) peut etre portee en compte\b/;

export const nonCumulationAmong: ExtractionPattern = {
  id: 'non-cumulation-among',
  description: 'the services of a group are not cumulable among themselves (same day), or only one of them per stay',
  examples: [
    '4° Les honoraires de surveillance prévus sous les n°s 598006 à 599023, 599126 à 599163 et 599325 à 599421 ne sont pas cumulables entre eux.',
    "Pendant une même période d'hospitalisation, une seule des prestations n°s 474541, 474563 et 477385 peut être portée en compte",
    "Pendant une même période d'hospitalisation, seule une des prestations n°s 474541, 474563 et 477385 peut être portée en compte",
  ],
  match(c) {
    const s = ONE_PER_STAY.exec(c.folded);
    if (s) {
      const group = readCodes(s[1]);
      if (group.empty) return null;
      return [{
        kind: 'non-cumulation',
        slug: 'one-of-group-per-stay',
        scope: group.ref,
        params: { within: 'stay', mode: 'among', severity: 'violated' },
        interpretation: joinNotes(
          'during one stay, lines of two different services of the group exclude each other; the later line in decision order is rejected (repeating the same service is governed by its own rules)',
          group.notes,
        ),
      }];
    }
    if (!AMONG.test(c.folded)) return null;
    const subject = subjectOf(c);
    if (!subject) return null;
    return [{
      kind: 'non-cumulation',
      slug: 'not-cumulable-among',
      scope: subject.ref,
      params: { within: 'day', mode: 'among', severity: 'violated' },
      interpretation: joinNotes('no scope stated: the same day; two different services of the group exclude each other, the later line in decision order is rejected', subject.notes),
    }];
  },
};
