/**
 * The citation type every threshold and figure carries: {document, article, text}, where `text` is the exact sentence of the act,
 * whitespace-normalised (and with the PDF's end-of-line hyphenation undone).
 */

/** A citation: which document, which article, and the exact sentence. */
export interface Citation {
  document: string;
  article: string;
  text: string;
  /** A shorter, exact fragment of `text` that states the very condition (a sub-item, a threshold). */
  clause?: string;
}

/**
 * The normal form of a source text used to quote it: the PDF's end-of-line hyphenation undone
 * ("tu-\nmeurs" → "tumeurs"; a code pair split at its hyphen "587134-\n587145" → "587134-587145"),
 * then every run of white space collapsed into one space.
 */
export function normaliseSourceText(raw: string): string {
  return raw
    .replace(/(\p{L})-[ \t]*\r?\n\s*(\p{Ll})/gu, '$1$2')
    .replace(/(\d)-[ \t]*\r?\n\s*(\d)/g, '$1-$2')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Text of one citation for a readable report: `[document, article] « text »`. */
export function citeLine(c: Citation): string {
  return `[${c.document}, ${c.article}] « ${c.clause ?? c.text} »`;
}
