/** "n'est due que si une des prestations X a été remboursée au préalable (ou simultanément)"; "deux des prestations suivantes, identiques ou différentes". */
import { joinNotes, subjectOf, type ExtractionPattern } from '../pattern.js';
import { firstCode, numberWord, readCodes } from '../sentences.js';

const RE = /\bque si (une|deux|trois|\d+) des prestations\b(.*?)\b(?:a|ont) ete (?:remboursee?s?|effectuee?s?|attestee?s?) au prealable( ou simultanement)?(.*)$/;

export const prerequisiteReimbursed: ExtractionPattern = {
  id: 'prerequisite-reimbursed',
  description: 'due only if one (or n, identical or different) of a list was reimbursed before (strictly) or before-or-simultaneously',
  examples: [
    "L'intervention de l'assurance pour la prestation 252652-252663 peut être octroyée au maximum une fois par sein et n'est due que si une des prestations 227636-227640 ou 227651-227662 a été remboursée au préalable ou simultanément.",
    "L'intervention de l'assurance pour la prestation 252674-252685 peut être octroyée au maximum une fois et n'est due que si deux des prestations suivantes, identiques ou différentes, ont été remboursées au préalable ou simultanément : 227636-227640 ou 227651-227662.",
    "L'intervention de l'assurance pour la prestation 252755-252766 est unique et ne peut être accordée que si une des prestations 252674-252685 ou 252711-252722 a été remboursée au préalable.",
  ],
  match(c) {
    const m = RE.exec(c.folded);
    if (!m) return null;
    const subject = subjectOf(c);
    const count = numberWord(m[1]);
    if (!subject || count === null) return null;
    // the list is between "des prestations" and "a été …", or after the colon that ends the clause
    let list = readCodes(m[2]);
    if (list.empty) list = readCodes(m[4]);
    if (list.empty) return null;
    const simultaneous = !!m[3];
    return [{
      kind: 'prerequisite',
      slug: `requires-${count > 1 ? `${count}-of-` : ''}${firstCode(list.ref)}`,
      scope: subject.ref,
      params: { oneOf: list.ref, count, timing: simultaneous ? 'before-or-same-day' : 'before', sameStay: false, ambulatory: false },
      interpretation: joinNotes(
        simultaneous ? '"au préalable ou simultanément": an earlier or same-day line counts' : '"au préalable" without "simultanément": only a strictly earlier line counts',
        count > 1 ? `${count} lines of the list, identical or different` : undefined,
        'only history lines and lines accepted earlier in decision order count',
        subject.notes,
        list.notes,
      ),
    }];
  },
};
