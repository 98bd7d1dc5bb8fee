/** "ne peut être portée en compte qu'une seule fois pendant la même période d'hospitalisation". */
import { joinNotes, subjectOf, type ExtractionPattern } from '../pattern.js';

const RE = /\bqu'une seule fois (?:pendant|au cours de) la meme (?:periode d'hospitalisation|hospitalisation)\b|\bune (?:seule )?fois par (?:sejour|hospitalisation)\b/;

export const frequencyStay: ExtractionPattern = {
  id: 'frequency-stay',
  description: 'at most once during the same stay',
  examples: [
    'La prestation n° 599443 ne peut être portée en compte qu\'une seule fois pendant la même période d\'hospitalisation.',
    'La prestation 599443 peut être attestée une fois par séjour.',
  ],
  match(c) {
    if (!RE.test(c.folded)) return null;
    const subject = subjectOf(c);
    if (!subject) return null;
    return [{
      kind: 'frequency',
      slug: 'once-per-stay',
      scope: subject.ref,
      params: { max: 1, period: { unit: 'stay' }, together: true },
      interpretation: joinNotes('per stay (the claim\'s stay id; admission date when no id)', subject.notes),
    }];
  },
};
