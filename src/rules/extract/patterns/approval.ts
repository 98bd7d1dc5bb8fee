/** "n'entrent en ligne de compte … qu'après accord du Collège des médecins-directeurs", "n'est possible qu'après l'accord préalable du …". */
import { joinNotes, subjectOf, type ExtractionPattern } from '../pattern.js';

const COLLEGE = /\b(?:qu'apres|apres) (?:l')?accord (?:prealable )?du college des medecins[- ]directeurs\b/;
const ADVISER = /\b(?:qu'apres|apres) (?:l')?accord (?:prealable )?du medecin[- ]conseil\b/;

export const approval: ExtractionPattern = {
  id: 'approval',
  description: 'only after the (prior) approval of the College of medical directors or of the medical adviser',
  examples: [
    "Les prestations 252696-252700 et 252711-252722 n'entrent en ligne de compte pour un remboursement qu'après accord du Collège des médecins-directeurs obtenu conformément à la procédure mentionnée au point c).",
    "L'intervention de l'assurance pour les prestations 252696-252700 et 252711-252722 n'est possible qu'après l'accord préalable du Collège des médecins-directeurs.",
    "La prestation 558810-558821 n'est remboursée qu'après accord du médecin-conseil.",
  ],
  match(c) {
    const college = COLLEGE.test(c.folded);
    const adviser = !college && ADVISER.test(c.folded);
    if (!college && !adviser) return null;
    const subject = subjectOf(c);
    if (!subject) return null;
    return [{
      kind: 'approval',
      slug: college ? 'approval-college' : 'approval-medical-adviser',
      scope: subject.ref,
      params: { by: [college ? 'college-of-medical-directors' : 'medical-adviser'] },
      interpretation: joinNotes('an approval dated on or before the date of the service', subject.notes),
    }];
  },
};
