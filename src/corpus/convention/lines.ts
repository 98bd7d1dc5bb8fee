/** Physical lines of the PDF-extracted text, and the page furniture to drop from them. */

/** One physical line: its text (no line terminator) and raw offsets [start, end). */
export interface RawLine {
  text: string;
  start: number;
  end: number;
}

/** Splits the raw text into lines, keeping each line's offsets (LF or CRLF). */
export function splitLines(raw: string): RawLine[] {
  const lines: RawLine[] = [];
  let start = 0;
  for (let i = 0; i <= raw.length; i++) {
    if (i === raw.length || raw[i] === '\n') {
      const end = i > start && raw[i - 1] === '\r' ? i - 1 : i;
      lines.push({ text: raw.slice(start, end), start, end });
      start = i + 1;
    }
  }
  return lines;
}

/** True for a line with nothing but white space. */
export function isBlank(line: RawLine): boolean {
  return line.text.trim() === '';
}

/** A line holding only a page number ("8", " 12 "). */
export function isPageNumber(text: string): boolean {
  return /^\s*\d{1,3}\s*$/.test(text);
}

// The running header the PDF prints above a page number ("ANNEXE 1" then "8").
const RUNNING_HEADER = /^\s*ANNEXE\s+\d+\s*$/i;

/**
 * Drops page numbers and running headers. A header counts as furniture only when a
 * page number sits right next to it (blank lines aside): a real "ANNEXE 1" heading stays.
 */
export function dropPageFurniture(lines: readonly RawLine[]): RawLine[] {
  const drop = new Set<number>();
  const neighbour = (i: number, step: number): number => {
    let j = i + step;
    while (j >= 0 && j < lines.length && isBlank(lines[j])) j += step;
    return j;
  };
  lines.forEach((l, i) => {
    if (isPageNumber(l.text)) {
      drop.add(i);
      for (const step of [-1, 1]) {
        const j = neighbour(i, step);
        if (j >= 0 && j < lines.length && RUNNING_HEADER.test(lines[j].text)) drop.add(j);
      }
    }
  });
  return lines.filter((_, i) => !drop.has(i));
}
