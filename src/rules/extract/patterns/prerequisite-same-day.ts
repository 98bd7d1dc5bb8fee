/** "ne peut être portée en compte qu'en cas d'exécution, en ambulatoire, d'une des prestations …"; "uniquement à la suite de la prestation X". */
import { joinNotes, subjectOf, type ExtractionPattern } from '../pattern.js';
import { firstCode, readCodes } from '../sentences.js';

const EXECUTION = /\bqu'en cas d'execution,? (en ambulatoire,? )?d'une des prestations (.+)$/;
const FOLLOWING = /\buniquement a la suite (?:de la prestation|des prestations|d'une des prestations) (.+)$/;

export const prerequisiteSameDay: ExtractionPattern = {
  id: 'prerequisite-same-day',
  description: 'only together with one of a list the same day (possibly performed ambulatory), or only following a service (the same day or later)',
  examples: [
    'La prestation n° 599480 ne peut être portée en compte qu\'en cas d\'exécution, en ambulatoire, d\'une des prestations n°s 247531, 256513, 260794.',
    'Les prestations 350770-350781 et 350792-350803 ne peuvent être attestées qu\'une seule fois, et ce uniquement à la suite de la prestation 350755-350766.',
  ],
  match(c) {
    const e = EXECUTION.exec(c.folded);
    const f = e ? null : FOLLOWING.exec(c.folded);
    if (!e && !f) return null;
    const subject = subjectOf(c);
    const list = readCodes(e ? e[2] : f![1]);
    if (!subject || list.empty) return null;
    const ambulatory = !!e?.[1];
    return [{
      kind: 'prerequisite',
      slug: `requires-${firstCode(list.ref)}`,
      scope: subject.ref,
      params: { oneOf: list.ref, count: 1, timing: e ? 'same-day' : 'before-or-same-day', sameStay: false, ambulatory },
      interpretation: joinNotes(
        e ? 'one of the services performed the same day' : '"à la suite de": the service it follows, the same day or earlier',
        ambulatory ? '"en ambulatoire": that service without a stay' : undefined,
        'only history lines and lines accepted earlier in decision order count',
        subject.notes,
        list.notes,
      ),
    }];
  },
};
