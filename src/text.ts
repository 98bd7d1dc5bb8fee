/** Text helpers shared by parsers and search. */

/** Lower-cases and strips accents: "Ablation PERCUTANÉE" → "ablation percutanee". */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Collapses every run of white space into one space and trims. */
export function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

// Words whose final period is an abbreviation, not the end of a sentence, in French and Dutch
// legal texts (acts and conventions alike): "art.", "al.", "n°", "nr.", "blz.", "bijv." …
const ABBREVIATIONS = new Set([
  'art', 'al', 'p', 'c', 'n', 'no', 'ch', 'cf', 'etc', 'mme', 'me', 'm', 'mr', 'st', 'dr', 'prof', 'min', 'max', 'vol', 'pp', 'ex', 'resp', 'coord',
  'nr', 'nrs', 'blz', 'enz', 'bijv', 'vb', 'zgn', 'dhr', 'mevr', 'kb', 'stb',
]);

/** True when the "." at `dot` in `text` closes an abbreviation ("art.", "nr.", a single letter as in "e.a." or "H."). */
export function isAbbreviation(text: string, dot: number): boolean {
  let i = dot;
  while (i > 0 && /\p{L}/u.test(text[i - 1])) i--;
  const word = text.slice(i, dot);
  return word.length === 1 || ABBREVIATIONS.has(fold(word));
}
