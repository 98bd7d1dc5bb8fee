/** "peut être octroyée au maximum une fois", "est unique": once in the beneficiary's lifetime. */
import { frequencyPattern } from '../pattern.js';

export const frequencyOnce = frequencyPattern({
  id: 'frequency-once',
  description: 'at most once (lifetime of the beneficiary)',
  examples: [
    "L'intervention de l'assurance pour la prestation 252711-252722 peut être octroyée au maximum une fois.",
    "L'intervention de l'assurance pour la prestation 252733-252744 est unique et ne peut être octroyée que si une des prestations 252652-252663 ou 252696-252700 a été effectuée au préalable ou simultanément.",
    "La prestation 252770-252781 ne peut être attestée qu'une seule fois.",
  ],
  re: /\bau maximum une fois(?! par)\b|\best unique\b|\bne peu(?:t|vent) etre (?:attestee?s?|portee?s? en compte|octroyee?s?|accordee?s?) qu'une (?:seule )?fois\.?$/,
  slug: 'once',
  params: { max: 1, period: { unit: 'lifetime' }, together: true },
  interpretation: "once in the beneficiary's lifetime (history included)",
});
