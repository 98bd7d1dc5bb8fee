/** "peut être octroyée au maximum une fois par sein". */
import { joinNotes, subjectOf, type ExtractionPattern } from '../pattern.js';

const RE = /\bau maximum une fois par (sein|cote|oeil|oreille)\b/;

export const frequencySide: ExtractionPattern = {
  id: 'frequency-side',
  description: 'at most once per side (breast, eye, ear) over the beneficiary\'s lifetime',
  examples: [
    "L'intervention de l'assurance pour la prestation 252652-252663 peut être octroyée au maximum une fois par sein et n'est due que si une des prestations 227636-227640 a été remboursée au préalable.",
    "L'intervention de l'assurance pour la prestation 252696-252700 peut être accordée au maximum une fois par sein.",
  ],
  match(c) {
    if (!RE.test(c.folded)) return null;
    const subject = subjectOf(c);
    if (!subject) return null;
    return [{
      kind: 'frequency',
      slug: 'once-per-side',
      scope: subject.ref,
      params: { max: 1, period: { unit: 'lifetime' }, together: true, perSide: true },
      interpretation: joinNotes('per side (the claim\'s `side`), over the beneficiary\'s lifetime', subject.notes),
    }];
  },
};
