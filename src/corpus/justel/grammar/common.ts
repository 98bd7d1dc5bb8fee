/** Pattern pieces both languages share: codes, code lists, «k» placeholder lists. */

/** One code, or an ambulatory/hospitalised pair "123456-123460". */
export const CODE = String.raw`\d{6}(?: ?- ?\d{6})?`;

/** A list of codes joined by commas and the language's conjunctions ("et", "ou" / "en", "of"). */
export function codeList(conjunctions: string[]): string {
  const join = conjunctions.map((c) => `,? ${c}`).join('|');
  return String.raw`${CODE}(?:(?:,|${join}) (?:nos? )?${CODE})*`;
}

/** A list of «k» placeholders joined by commas and conjunctions. */
export function quoteList(conjunctions: string[]): string {
  const join = conjunctions.map((c) => `,? ${c}`).join('|');
  return String.raw`«\d+»(?:(?:,|${join}) «\d+»)*`;
}

/** "n°" / "n°s" / "nr." before a code, folded to "no " / "nos ". */
export const NO = String.raw`(?:nos? )?`;

/** Compiles a pattern source; `g` for the patterns read with matchAll. */
export const re = (source: string, flags = '') => new RegExp(source, flags);
