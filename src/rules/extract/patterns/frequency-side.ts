/** "peut être octroyée au maximum une fois par sein". */
import { frequencyPattern } from '../pattern.js';

export const frequencySide = frequencyPattern({
  id: 'frequency-side',
  description: "at most once per side (breast, eye, ear) over the beneficiary's lifetime",
  examples: [
    "L'intervention de l'assurance pour la prestation 252652-252663 peut être octroyée au maximum une fois par sein et n'est due que si une des prestations 227636-227640 a été remboursée au préalable.",
    "L'intervention de l'assurance pour la prestation 252696-252700 peut être accordée au maximum une fois par sein.",
  ],
  re: /\bau maximum une fois par (sein|cote|oeil|oreille)\b/,
  slug: 'once-per-side',
  params: { max: 1, period: { unit: 'lifetime' }, together: true, perSide: true },
  interpretation: "per side (the claim's `side`), over the beneficiary's lifetime",
});
