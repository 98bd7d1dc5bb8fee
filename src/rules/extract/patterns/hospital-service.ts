/** "ne sont pas d'application pour des patients hospitalisés dans les services A, K, T, V et Tf". */
import { joinNotes, subjectOf, type ExtractionPattern } from '../pattern.js';

const RE = /\bne (?:sont|est) pas d'application pour (?:des|les) (?:patients|beneficiaires) hospitalises dans les services\s+/;

/** Reads service letters "A, K, T, V et Tf" from the original text (the case matters: N ≠ n). */
export function serviceLetters(original: string): string[] {
  return original
    .replace(/[.;:]\s*$/, '')
    .split(/\s*,\s*|\s+et\s+|\s+ou\s+/)
    .map((s) => s.trim())
    .filter((s) => /^[A-Za-z]{1,3}\*?$/.test(s));
}

export const hospitalService: ExtractionPattern = {
  id: 'hospital-service',
  description: 'not applicable to patients hospitalised in the listed hospital services',
  examples: [
    'Les prestations n°s 599443 et 599465 ne sont pas d\'application pour des patients hospitalisés dans les services A, K, T, V et Tf.',
  ],
  match(c) {
    const m = RE.exec(c.folded);
    if (!m) return null;
    const subject = subjectOf(c);
    if (!subject) return null;
    const tail = /\bservices\s+([^]*)$/i.exec(c.text);
    const forbidden = tail ? serviceLetters(tail[1]) : [];
    if (!forbidden.length) return null;
    return [{
      kind: 'patient',
      slug: `not-in-services-${forbidden.join('')}`.toLowerCase().replace(/[^a-z0-9-]/g, ''),
      scope: subject.ref,
      params: { services: { forbidden, requireStay: false, otherwise: 'violated' } },
      interpretation: joinNotes('the hospital service of the line\'s stay; an ambulatory line is not concerned', subject.notes),
    }];
  },
};
