/** Text forms of a Justel act: the folded form recognisers match on, and OCR repairs of extracted text. */
import { fold, squash } from '../../text.js';

const FENCE_LINE = /^[ \t]*```.*$/gm;
const HEADING_BOLD = /\*\*\s*(Art(?:icle)?\.?\s*\d+[^*\n]{0,20}?)\s*\*\*/g;

/** Removes Markdown code-fence lines (the fences are layout, not text of the act). */
export function dropFences(text: string): string {
  return text.replace(FENCE_LINE, ' ');
}

/**
 * Repairs the OCR damage of Justel code blocks in extracted text: "n  474552" → "n° 474552",
 * "n s 211013" → "n°s 211013". Only before a six-digit code, where the reading is unambiguous.
 */
export function repairOcr(text: string): string {
  return text
    .replace(/(?<![\p{L}\d])n[ \t]+s[ \t]+(?=\d{6}(?!\d))/gu, 'n°s ')
    .replace(/(?<![\p{L}\d])n[ \t]+(?=\d{6}(?!\d))/gu, 'n° ');
}

/** The text of a stretch of the act as a reader sees it: fences and heading bold removed, white space squashed. */
export function sourceText(raw: string, start: number, end: number): string {
  return squash(dropFences(raw.slice(start, end)).replace(HEADING_BOLD, '$1'));
}

/** Extracted text (labels, rules, replacement words): fences removed, OCR repaired, squashed. */
export function cleanText(text: string): string {
  return repairOcr(squash(dropFences(text)));
}

/**
 * The form recognisers match on: apostrophes unified, the lost "§" of "Au   1er" restored,
 * accents folded, lower case, "n°"/"n°s" (also "nº", OCR "n", "n s", "no", "nos") unified to "no"/"nos",
 * white space squashed.
 */
export function matchForm(text: string): string {
  let t = dropFences(text).replace(/[’‘`´]/g, "'");
  // OCR turned "Au § 1er" into "Au   1er": three spaces where "§" was.
  t = t.replace(/\b([Aa]u|[Dd]u|[Ll]e)[ ]{3,}(?=\d)/g, '$1 § ');
  t = fold(t);
  // Dutch "nr." / "nrs." likewise.
  t = t.replace(/(?<![\p{L}\d])nrs\.?\s*(?=\d)/gu, 'nos ').replace(/(?<![\p{L}\d])nr\.?\s*(?=\d)/gu, 'no ');
  t = t.replace(/(?<![\p{L}\d])n\s*[°ºo]?\s*s\.?\s+(?=\d)/gu, 'nos ');
  t = t.replace(/(?<![\p{L}\d])n\s*[°ºo]?\.?\s*(?=\d)/gu, 'no ');
  return squash(t);
}

/** Trims a span [start, end) of `raw` over white space and code-fence lines at both ends. */
export function trimSpan(raw: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  for (;;) {
    while (s < e && /\s/.test(raw[s])) s++;
    if (raw.startsWith('```', s)) {
      const nl = raw.indexOf('\n', s);
      s = nl < 0 || nl > e ? e : nl + 1;
      continue;
    }
    break;
  }
  for (;;) {
    while (e > s && /\s/.test(raw[e - 1])) e--;
    const lineStart = raw.lastIndexOf('\n', e - 1) + 1;
    if (lineStart >= s && /^[ \t]*```/.test(raw.slice(lineStart, e))) {
      e = lineStart;
      continue;
    }
    break;
  }
  return [s, e];
}
