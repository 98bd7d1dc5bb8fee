/** Text helpers shared by parsers and search. */

/** Lower-cases and strips accents: "Ablation PERCUTANÉE" → "ablation percutanee". */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Collapses every run of white space into one space and trims. */
export function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
