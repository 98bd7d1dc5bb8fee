/** "la répétition de la prestation X ne peut être portée en compte qu'après une période de deux mois"; "ne peuvent pas être répétées pour une même lésion dans une période de 3 mois". */
import { exceptionsOf, joinNotes, subjectOf, type ExtractionPattern } from '../pattern.js';
import { numberWord, readCodes } from '../sentences.js';

const REPEAT = /\bla repetition (?:de la prestation|des prestations) (.+?) ne peut etre (?:portee en compte|attestee) qu'apres une periode de (\w+) (mois|jours)\b/;
const LESION = /\bne peu(?:t|vent) pas etre repetee?s? (pour une meme lesion )?dans une periode de (\w+) (mois|jours)\b/;

export const interval: ExtractionPattern = {
  id: 'interval',
  description: 'minimum delay (months or days) before a service may be repeated, per lesion where the text says so',
  examples: [
    'la répétition de la prestation n° 474541 ne peut être portée en compte qu\'après une période de deux mois.',
    'Les prestations 587134-587145, 587156-587160, 587171-587182 et 587193-587204 ne peuvent pas être répétées pour une même lésion dans une période de 3 mois, à moins qu\'une motivation figure dans le dossier médical du patient.',
  ],
  match(c) {
    let scope;
    let n: number | null;
    let unit: string;
    let lesion = false;
    let notes: string[] = [];
    const r = REPEAT.exec(c.folded);
    const l = LESION.exec(c.folded);
    if (r) {
      const s = readCodes(r[1]);
      if (s.empty) return null;
      scope = s.ref; notes = s.notes; n = numberWord(r[2]); unit = r[3];
    } else if (l) {
      const s = subjectOf(c);
      if (!s) return null;
      scope = s.ref; notes = s.notes; n = numberWord(l[2]); unit = l[3]; lesion = !!l[1];
    } else return null;
    if (n === null) return null;
    const months = unit === 'mois' ? n : 0;
    const days = unit === 'jours' ? n : 0;
    const { exceptions, notes: exNotes } = exceptionsOf(c.folded);
    return [{
      kind: 'interval',
      slug: `interval-${n}-${months ? 'months' : 'days'}${lesion ? '-per-lesion' : ''}`,
      scope,
      params: { months, days, sameLesion: lesion, together: true },
      exceptions,
      interpretation: joinNotes(
        `a line within ${n} ${months ? 'calendar months' : 'days'} of another (fewer than ${n} ${months ? 'calendar months' : 'days'} after it) is refused; on the same day of the month ${n} ${months ? 'months' : 'days'} later it is allowed`,
        lesion ? 'per lesion: only lines for the same `lesion` count' : undefined,
        notes,
        exNotes,
      ),
    }];
  },
};
