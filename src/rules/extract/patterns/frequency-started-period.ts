/** "qu'une seule fois par période de 7 jours d'hospitalisation entamée". */
import { joinNotes, subjectOf, type ExtractionPattern } from '../pattern.js';
import { numberWord } from '../sentences.js';

const RE = /\bune seule fois par periode de (\w+) jours d'hospitalisation entamee\b/;

export const frequencyStartedPeriod: ExtractionPattern = {
  id: 'frequency-started-period',
  description: 'at most once per started n-day period of the stay (days 1–n, n+1–2n, … counted from the admission day)',
  examples: [
    'La prestation n° 599465 doit toujours être précédée de la prestation 599443 et ne peut être portée en compte qu\'une seule fois par période de 7 jours d\'hospitalisation entamée.',
    'La prestation 599465 ne peut être attestée qu\'une seule fois par période de sept jours d\'hospitalisation entamée.',
  ],
  match(c) {
    const m = RE.exec(c.folded);
    if (!m) return null;
    const days = numberWord(m[1]);
    const subject = subjectOf(c);
    if (days === null || !subject) return null;
    return [{
      kind: 'frequency',
      slug: `once-per-${days}-day-period`,
      scope: subject.ref,
      params: { max: 1, period: { unit: 'stay-period', days }, together: true },
      interpretation: joinNotes(`periods of ${days} days counted from the admission day (day 1): days 1–${days}, ${days + 1}–${2 * days}, …`, subject.notes),
    }];
  },
};
