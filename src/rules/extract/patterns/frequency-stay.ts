/** "ne peut être portée en compte qu'une seule fois pendant la même période d'hospitalisation". */
import { frequencyPattern } from '../pattern.js';

export const frequencyStay = frequencyPattern({
  id: 'frequency-stay',
  description: 'at most once during the same stay',
  examples: [
    "La prestation n° 599443 ne peut être portée en compte qu'une seule fois pendant la même période d'hospitalisation.",
    'La prestation 599443 peut être attestée une fois par séjour.',
  ],
  re: /\bqu'une seule fois (?:pendant|au cours de) la meme (?:periode d'hospitalisation|hospitalisation)\b|\bune (?:seule )?fois par (?:sejour|hospitalisation)\b/,
  slug: 'once-per-stay',
  params: { max: 1, period: { unit: 'stay' }, together: true },
  interpretation: "per stay (the claim's stay id; admission date when no id)",
});
