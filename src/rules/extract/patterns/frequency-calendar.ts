/** "peut/peuvent être attestée(s) une fois par jour", "est limitée à une (seule) fois par an", "Une seule de ces prestations peut être portée en compte par jour". */
import { beforeException, exceptionsOf, joinNotes, subjectOf, type ExtractionPattern } from '../pattern.js';
import { numberWord } from '../sentences.js';

const TIMES = /\b(une|un|deux|trois|\d+)(?: seule)? fois par (jour|an|annee(?: civile)?)\b/;
const ONE_OF_THESE = /\bune seule de ces prestations peut etre portee en compte par (jour|an|annee)\b/;

export const frequencyCalendar: ExtractionPattern = {
  id: 'frequency-calendar',
  description: 'at most n times per calendar day or calendar year (codes counted together), with "sauf …" exceptions',
  examples: [
    'Les prestations 587134-587145, 587156-587160, 587171-587182 et 587193-587204 peuvent être attestées une fois par jour.',
    "L'intervention de l'assurance pour la prestation n° 474633-474644 est limitée à une fois par jour.",
    "L'intervention de l'assurance pour la prestation n° 477374-477385 est limitée à une seule fois par an.",
    'Les prestations n°s 558633-558644 et 558854-558865 ne peuvent être portées en compte qu\'une seule fois par an sauf accord préalable du médecin conseil.',
    'Les honoraires prévus sous les n°s 598006 à 599023 ne sont pas cumulables entre eux. Une seule de ces prestations peut être portée en compte par jour.',
  ],
  match(c) {
    const head = beforeException(c.folded);
    let max: number | null;
    let unit: string;
    const m = TIMES.exec(head);
    const o = ONE_OF_THESE.exec(head);
    if (m) { max = numberWord(m[1]); unit = m[2]; }
    else if (o) { max = 1; unit = o[1]; }
    else return null;
    if (max === null) return null;
    const subject = subjectOf(c);
    if (!subject) return null;
    const day = unit === 'jour';
    const { exceptions, notes } = exceptionsOf(c.folded);
    return [{
      kind: 'frequency',
      slug: `${max === 1 ? 'once' : `${max}-times`}-per-${day ? 'day' : 'year'}`,
      scope: subject.ref,
      params: { max, period: { unit: day ? 'day' : 'year' }, together: true },
      exceptions,
      interpretation: joinNotes(
        day ? 'per beneficiary and calendar day' : 'per beneficiary and calendar year (1 January – 31 December)',
        'all codes named count together, both codes of a pair being one service',
        subject.notes,
        notes,
      ),
    }];
  },
};
