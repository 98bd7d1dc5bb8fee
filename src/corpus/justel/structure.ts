/**
 * The layout of a Justel act: articles, quoted insertions, the nested points of an article
 * (1°, 1., a) …) and its sentences. Everything keeps raw offsets, for provenance spans.
 */
import { isAbbreviation } from '../../text.js';

/** One article of the act: "**Art. 2.**" up to the next heading (or the closing formula). */
export interface ArticleSlice {
  /** As a reader cites it: "Art. 1er", "Art. 2", "Art. 2bis". */
  label: string;
  /** Its number as other articles refer to it: "1", "2", "2bis". */
  number: string;
  start: number;
  /** First offset after the heading. */
  bodyStart: number;
  end: number;
}

const BOLD_HEADING = /^[ \t]*\*\*[ \t]*Art(?:icle|ikel|\.)?[ \t]*(\d+)[ \t]*(er|e)?[ \t]*(bis|ter|quater|quinquies|sexies|septies|octies|novies|decies)?[ \t]*\.?[ \t]*\*\*/gm;
const PLAIN_HEADING = /^[ \t]*Art(?:icle|ikel|\.)[ \t]*(\d+)(er|e)?[ \t]*(bis|ter|quater|quinquies|sexies|septies|octies|novies|decies)?\.(?=[ \t])/gm;
// The closing formula after the last article: signature place and date, "Par le Roi".
const CLOSING = /^[ \t]*(?:Donn[ée] [àa][ \t]|Fait [àa][ \t]|Par le Roi\b|Gegeven te[ \t]|Van Koningswege\b)/m;

/** Splits the body into articles; `closingStart` is where the signature formula begins, if any. */
export function splitArticles(raw: string, from: number): { articles: ArticleSlice[]; closingStart: number | null } {
  const body = raw.slice(from);
  let heads = [...body.matchAll(BOLD_HEADING)];
  if (heads.length === 0) heads = [...body.matchAll(PLAIN_HEADING)];
  const articles: ArticleSlice[] = heads.map((m, i) => {
    const start = from + (m.index ?? 0);
    const next = heads[i + 1];
    const end = next ? from + (next.index ?? 0) : raw.length;
    const suffix = m[3] ?? '';
    const first = m[1] === '1' && m[2] === 'er';
    return { label: `Art. ${m[1]}${first ? 'er' : ''}${suffix}`, number: m[1] + suffix, start, bodyStart: start + m[0].length, end };
  });
  let closingStart: number | null = null;
  const last = articles[articles.length - 1];
  if (last) {
    const c = CLOSING.exec(raw.slice(last.bodyStart, last.end));
    if (c) {
      closingStart = last.bodyStart + (c.index ?? 0);
      last.end = closingStart;
    }
  }
  return { articles, closingStart };
}

/** A quoted stretch: `open` and `close` are the offsets of the quote marks; the content lies between. */
export interface QuoteSpan {
  open: number;
  close: number;
}

/** A quote closed by recovery: opened and never closed before the next amendment point. */
export interface RecoveredQuote {
  /** Offset of the opening mark, and where the quote was taken to end. */
  open: number;
  close: number;
}

// A line that opens a new amendment point: "3° Au § 6, …", "b) in § 16, …". Inside a copied
// quote, such a line means the closing mark was lost.
const NEXT_POINT = /[ \t]*(?:\d{1,2}(?:bis|ter)?[ \t]?°|[a-z]\))[ \t]+(?:Au|Aux|À|A|Dans|En|In|Bij|Aan|Onder|au|aux|à|dans|in|bij|aan|onder)[ \t]/y;

/**
 * Finds the quoted stretches of [start, end). ASCII quotes toggle; « » and “ ” open and close.
 * Quote marks of another kind inside a quote are part of its text. An ASCII quote still open
 * where a line opens the next amendment point ("3° Au § 6, …") lost its closing mark: it is
 * closed at the end of the line before, and listed in `recovered`. A quote still open at `end`
 * is closed there and reported as unbalanced.
 */
export function scanQuotes(raw: string, start: number, end: number): { quotes: QuoteSpan[]; unbalanced: boolean; recovered: RecoveredQuote[] } {
  const quotes: QuoteSpan[] = [];
  const recovered: RecoveredQuote[] = [];
  let kind: '"' | '«' | '“' | null = null;
  let depth = 0;
  let open = -1;
  for (let i = start; i < end; i++) {
    const ch = raw[i];
    if (kind === null) {
      if (ch === '"' || ch === '«' || ch === '“') {
        kind = ch;
        open = i;
        depth = 1;
      }
    } else if (kind === '"' && ch === '\n') {
      NEXT_POINT.lastIndex = i + 1;
      if (NEXT_POINT.test(raw)) {
        let close = i;
        while (close > open + 1 && /\s/.test(raw[close - 1])) close--;
        quotes.push({ open, close });
        recovered.push({ open, close });
        kind = null;
      }
    } else if (kind === '"' && ch === '"') {
      quotes.push({ open, close: i });
      kind = null;
    } else if (kind === '«' && (ch === '«' || ch === '»')) {
      depth += ch === '«' ? 1 : -1;
      if (depth === 0) { quotes.push({ open, close: i }); kind = null; }
    } else if (kind === '“' && ch === '”') {
      quotes.push({ open, close: i });
      kind = null;
    }
  }
  if (kind !== null) quotes.push({ open, close: end });
  return { quotes, unbalanced: kind !== null, recovered };
}

/** How a point is numbered: "1°", "1.", "a)". */
export type PointStyle = 'degree' | 'dot' | 'letter';

/** A point label as written at the start of a line. */
export interface PointLabel {
  style: PointStyle;
  n: number;
  suffix: string;
  start: number;
  /** First offset after the label and the spaces that follow it. */
  textStart: number;
  /** The copy glued the label to its text ("1°la"): read as a label, and reported. */
  glued?: boolean;
}

/** A node of an article's outline: the article itself (label null) or one of its points. */
export interface PointNode {
  /** "Art. 2", "Art. 2, 2°, 1." */
  path: string;
  label: string | null;
  style: PointStyle | null;
  n: number;
  suffix: string;
  start: number;
  textStart: number;
  /** End of the point's own text (where its first sub-point begins). */
  ownEnd: number;
  end: number;
  children: PointNode[];
  parent: PointNode | null;
}

const DEGREE = /(\d{1,2})(bis|ter|quater)?[ \t]?°(?=\s|$)/y;
const DOT = /(\d{1,2})(bis|ter|quater)?\\?\.(?=\s|$)/y;
const LETTER = /([a-z])(bis|ter)?\)(?=\s|$)/y;
// OCR lost the degree sign: "  1  Au   1er," (two spaces), or "1 Au" before a capital.
const LOST_DEGREE = /(\d{1,2})(bis|ter)?(?=[^\S\r\n]{2,}\p{L}|[^\S\r\n]\p{Lu})/uy;
// A copy glued the label to its text: "1°au § 1er", "a)à la prestation". At a line start the reading is certain.
const GLUED_DEGREE = /(\d{1,2})(bis|ter|quater)?[ \t]?°(?=\p{L})/uy;
const GLUED_LETTER = /([a-z])(bis|ter)?\)(?=\p{L})/uy;

/** Reads a point label at offset `at` (the first non-blank character of a line), or null. */
export function readLabel(raw: string, at: number): PointLabel | null {
  const tries: [RegExp, PointStyle, boolean][] = [
    [DEGREE, 'degree', false], [DOT, 'dot', false], [LETTER, 'letter', false], [LOST_DEGREE, 'degree', false],
    [GLUED_DEGREE, 'degree', true], [GLUED_LETTER, 'letter', true],
  ];
  for (const [re, style, glued] of tries) {
    re.lastIndex = at;
    const m = re.exec(raw);
    if (!m) continue;
    let textStart = at + m[0].length;
    while (textStart < raw.length && raw[textStart] !== '\n' && /\s/.test(raw[textStart])) textStart++;
    const n = style === 'letter' ? m[1].charCodeAt(0) - 96 : Number(m[1]);
    return { style, n, suffix: m[2] ?? '', start: at, textStart, ...(glued ? { glued } : {}) };
  }
  return null;
}

/** Renders a label in a level's style: "1°", "1.", "a)", "2bis°". */
export function renderLabel(style: PointStyle, n: number, suffix: string): string {
  if (style === 'letter') return `${String.fromCharCode(96 + n)}${suffix})`;
  return style === 'degree' ? `${n}${suffix}°` : `${n}${suffix}.`;
}

const family = (s: PointStyle) => (s === 'letter' ? 'letter' : 'number');
const follows = (prev: PointNode, l: PointLabel) => (l.n === prev.n + 1 && !l.suffix) || (l.n === prev.n && l.suffix !== '' && l.suffix !== prev.suffix);

/** A numbering anomaly among the points of one parent: a gap or a repeated number. */
export interface NumberingAnomaly {
  where: string;
  /** Offset of the point whose number is wrong. */
  at: number;
  message: string;
  proposal?: string;
}

/**
 * Builds the outline of an article. Labels are read only at line starts outside quotes.
 * A label continues the deepest open list it follows (same style first, then any numeric
 * style: a plain "5." after "4°" in a code block is the fifth degree point); a "1"/"a" opens a
 * sub-list; anything else is taken as a misnumbered sibling and reported.
 */
export function buildOutline(raw: string, article: ArticleSlice, quotes: QuoteSpan[]): { root: PointNode; anomalies: NumberingAnomaly[] } {
  const root: PointNode = {
    path: article.label, label: null, style: null, n: 0, suffix: '', start: article.start,
    textStart: article.bodyStart, ownEnd: article.end, end: article.end, children: [], parent: null,
  };
  const stack: PointNode[] = [];
  const glued: NumberingAnomaly[] = [];
  let q = 0;
  let lineStart = raw.indexOf('\n', article.bodyStart) + 1;
  if (lineStart === 0 || lineStart > article.end) lineStart = article.end;
  while (lineStart < article.end) {
    let nl = raw.indexOf('\n', lineStart);
    if (nl < 0 || nl > article.end) nl = article.end;
    while (q < quotes.length && quotes[q].close < lineStart) q++;
    const inQuote = q < quotes.length && quotes[q].open < lineStart && lineStart <= quotes[q].close;
    let at = lineStart;
    while (at < nl && (raw[at] === ' ' || raw[at] === '\t')) at++;
    const label = !inQuote && at < nl && !raw.startsWith('```', at) ? readLabel(raw, at) : null;
    if (label) {
      const node = placeLabel(label, stack, root);
      if (node && label.glued) glued.push({ where: node.path, at: label.start, message: `the number ${node.label} is glued to its text in the copy; read as a point` });
    }
    lineStart = nl + 1;
  }
  closeSpans(root, article.end);
  return { root, anomalies: [...glued, ...numberingAnomalies(root)] };
}

function placeLabel(label: PointLabel, stack: PointNode[], root: PointNode): PointNode | null {
  const fam = family(label.style);
  let depth = -1;
  for (let i = stack.length - 1; i >= 0 && depth < 0; i--) if (stack[i].style === label.style && follows(stack[i], label)) depth = i;
  for (let i = stack.length - 1; i >= 0 && depth < 0; i--) if (family(stack[i].style!) === fam && follows(stack[i], label)) depth = i;
  let style = label.style;
  if (depth < 0 && label.n === 1 && !label.suffix) depth = stack.length;
  else if (depth < 0) {
    for (let i = stack.length - 1; i >= 0 && depth < 0; i--) if (family(stack[i].style!) === fam) depth = i;
    if (depth < 0) return null;
  }
  if (depth < stack.length) style = stack[depth].style!;
  stack.length = depth;
  const parent = depth === 0 ? root : stack[depth - 1];
  const text = renderLabel(style, label.n, label.suffix);
  const node: PointNode = {
    path: `${parent.path}, ${text}`, label: text, style, n: label.n, suffix: label.suffix,
    start: label.start, textStart: label.textStart, ownEnd: label.start, end: label.start, children: [], parent,
  };
  parent.children.push(node);
  stack.push(node);
  return node;
}

// Each node ends where its next sibling (or an ancestor's next sibling) begins.
function closeSpans(node: PointNode, end: number): void {
  node.end = end;
  node.ownEnd = node.children.length ? node.children[0].start : end;
  node.children.forEach((c, i) => closeSpans(c, i + 1 < node.children.length ? node.children[i + 1].start : end));
}

function numberingAnomalies(node: PointNode, out: NumberingAnomaly[] = []): NumberingAnomaly[] {
  const kids = node.children.filter((c) => !c.suffix);
  const name = (c: PointNode, n = c.n) => renderLabel(c.style!, n, '');
  for (let i = 1; i < kids.length; i++) {
    const prev = kids[i - 1];
    const cur = kids[i];
    const next = kids[i + 1];
    if (cur.n === prev.n + 2 && next && next.n === cur.n) {
      // "2., 4., 4.": one misprint, the first "4." standing for "3.".
      out.push({
        where: node.path,
        at: cur.start,
        message: `points numbered ${name(prev)} ${name(cur)} ${name(next)}: ${name(cur)} appears twice and ${name(cur, prev.n + 1)} is missing`,
        proposal: `read the first ${name(cur)} as ${name(cur, prev.n + 1)}`,
      });
      i++;
    } else if (cur.n === prev.n) {
      out.push({ where: node.path, at: cur.start, message: `point ${name(cur)} appears twice` });
    } else if (cur.n > prev.n + 1) {
      out.push({ where: node.path, at: cur.start, message: `point ${name(cur)} follows ${name(prev)}: numbering gap` });
    } else if (cur.n < prev.n) {
      out.push({ where: node.path, at: cur.start, message: `point ${name(cur)} follows ${name(prev)}: numbering goes back` });
    }
  }
  for (const c of node.children) numberingAnomalies(c, out);
  return out;
}

/** Every node of an outline, in document order. */
export function walk(node: PointNode): PointNode[] {
  const out: PointNode[] = [node];
  for (const c of node.children) out.push(...walk(c));
  return out;
}

// After `pos`, skip blanks and fence lines; return the next significant offset.
function nextSignificant(raw: string, pos: number, end: number): number {
  let j = pos;
  for (;;) {
    while (j < end && /\s/.test(raw[j])) j++;
    if (raw.startsWith('```', j)) { const nl = raw.indexOf('\n', j); j = nl < 0 || nl > end ? end : nl + 1; continue; }
    return j;
  }
}

function prevSignificantChar(raw: string, pos: number, start: number): string {
  let j = pos - 1;
  while (j >= start && /\s/.test(raw[j])) j--;
  return j >= start ? raw[j] : '';
}

/**
 * Cuts [start, end) into sentences, never inside a quote. A sentence ends at ".", "!" or "?"
 * (or a quote whose text so ends) followed by a capital; a blank line also ends one unless it
 * follows ":" or "," (an instruction introducing its quoted text) or precedes a quote; a blank
 * line after ";" always ends one (an item is over).
 */
export function splitSentences(raw: string, start: number, end: number, quotes: QuoteSpan[]): [number, number][] {
  const out: [number, number][] = [];
  let s = start;
  let q = 0;
  while (q < quotes.length && quotes[q].open < start) q++;
  const boundary = (cut: number) => {
    const j = nextSignificant(raw, cut, end);
    if (j < end && /\p{Lu}/u.test(raw[j])) {
      if (cut > s) out.push([s, cut]);
      s = j;
    }
  };
  for (let i = start; i < end; i++) {
    if (q < quotes.length && i === quotes[q].open) {
      const close = Math.min(quotes[q].close, end - 1);
      q++;
      const inner = raw.slice(i + 1, close).trimEnd();
      i = close;
      if (/[.!?]$/.test(inner)) boundary(close + 1);
      continue;
    }
    const ch = raw[i];
    if ((ch === '.' || ch === '!' || ch === '?') && !(ch === '.' && isAbbreviation(raw, i))) {
      if (raw[i + 1] !== '"' && raw[i + 1] !== '»' && raw[i + 1] !== '”') boundary(i + 1);
    } else if (ch === '\n') {
      const j = nextSignificant(raw, i, end);
      const blank = raw.slice(i + 1, j).includes('\n');
      const prev = prevSignificantChar(raw, i, s);
      if (blank && prev !== ':' && prev !== ',' && prev !== '' && j < end && /\p{Lu}/u.test(raw[j])) boundary(i);
      // "…;" then a blank line: the item is over, whatever case the next paragraph starts with.
      else if (blank && prev === ';' && j < end) { if (i > s) out.push([s, i]); s = j; }
    }
  }
  if (end > s) out.push([s, end]);
  return out;
}
