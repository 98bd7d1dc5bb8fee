/**
 * The outline of a convention: preamble, articles and their sub-sections, closing formula.
 * Conventions number their parts two ways: "ARTICLE 4." with "4.1.2" sub-sections, or
 * "Article 3" / "Art. 4 - Phase 2" with lettered sub-sections "a) Libellé".
 */
import { fold, squash } from '../../text.js';
import { offsetAt, slice, squashed, trim, type Mapped } from './mapped.js';

/** A part of the document with its own path ("4.1.2", "Art. 3, b)"), title and content lines. */
export interface Section {
  path: string;
  /** The enclosing section's path ("4.1" for "4.1.2", "Art. 3" for "Art. 3, b)"); null for an article. */
  parent: string | null;
  /** The enclosing article ("Art. 4"). */
  article: string;
  title: string | null;
  /** Raw offset where the heading starts. */
  start: number;
  lines: Mapped[];
}

/** Preamble (title, "Vu …", parties), the sections, and the closing formula with signatures. */
export interface Outline {
  preamble: Mapped[];
  sections: Section[];
  closing: Mapped[];
}

/** What a heading line announces. `rest` is the text after the number. */
export type Heading =
  | { kind: 'article'; num: string; rest: Mapped }
  | { kind: 'numbered'; num: string; rest: Mapped; content: boolean }
  | { kind: 'lettered'; letter: string; rest: Mapped }
  | { kind: 'part' };

const ARTICLE = /^(\s*(?:ARTICLE|Article|Art\.)\s+(\d+)(?:er)?)(?:\s*[.\-–:]\s*|\s*$)/;
const NUMBERED = /^(\s*(\d+(?:\.\d+)+)\.?)\s+\S/;
const LETTERED = /^(\s*([a-z])\))\s+\p{Lu}/u;

// A numbered paragraph whose text starts with one of these words is content ("5.1. Au sein du
// centre, il faut …"), not a title ("4.1. Ablation percutanée").
const CONTENT_START = new Set([
  'a', 'au', 'aux', 'un', 'une', 'le', 'la', 'les', 'l', 'il', 'elle', 'ils', 'elles', 'ce', 'cette', 'ces',
  'si', 'en', 'dans', 'pour', 'sur', 'par', 'chaque', 'tout', 'toute', 'tous', 'seul', 'seuls', 'seule',
  'seules', 'lorsque', 'lorsqu', 'apres', 'avant', 'des', 'du', 'de', 'd', 'nul', 'aucun', 'aucune',
]);

/** True when a paragraph's first word reads as the start of a sentence rather than a title. */
export function startsLikeSentence(text: string): boolean {
  const first = fold(/^\s*([\p{L}]{1,12})/u.exec(text)?.[1] ?? '');
  return CONTENT_START.has(first);
}

/** A heading made of capitals only ("EVALUATION", "CRITERES AUXQUELS …"). */
function isPartHeading(text: string): boolean {
  return !/\p{Ll}/u.test(text) && (text.match(/\p{Lu}/gu)?.length ?? 0) >= 6;
}

/**
 * Classifies a logical line as a heading, given the number of the current article
 * (numbered sub-sections must belong to it: "4.1" only under ARTICLE 4).
 */
export function classifyHeading(line: Mapped, article: string | null): Heading | null {
  const t = line.text;
  let m = ARTICLE.exec(t);
  if (m) return { kind: 'article', num: m[2], rest: trim(slice(line, m[0].length)) };
  m = NUMBERED.exec(t);
  if (m && (article === null || m[2].split('.')[0] === article)) {
    const rest = trim(slice(line, m[1].length));
    return { kind: 'numbered', num: m[2], rest, content: startsLikeSentence(rest.text) };
  }
  m = LETTERED.exec(t);
  if (m) {
    const rest = trim(slice(line, m[1].length));
    const words = rest.text.split(/\s+/).length;
    if (words <= 6 && !/[.;]\s*$/.test(rest.text)) return { kind: 'lettered', letter: m[2], rest };
  }
  if (isPartHeading(t)) return { kind: 'part' };
  return null;
}

const CLOSING = /^\s*Fait\s+(?:en|à|a)\b/;

/** True for a line that may continue a heading's title (lower-case start, not a list item). */
function continuesTitle(line: Mapped): boolean {
  return /^\s*\p{Ll}/u.test(line.text) && !/^\s*(?:o|[a-z][.)])\s/.test(line.text);
}

/** Splits logical lines into preamble, sections and closing. */
export function outline(lines: readonly Mapped[]): Outline {
  const preamble: Mapped[] = [];
  const sections: Section[] = [];
  const closing: Mapped[] = [];
  let article: string | null = null;
  let base: Section | null = null; // the current article or numbered section (parent of lettered ones)
  let cur: Section | null = null;
  let titleOpen = false; // the current heading's title may continue on the next line
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (closing.length || (cur && CLOSING.test(line.text))) {
      closing.push(line);
      continue;
    }
    const h = classifyHeading(line, article);
    if (!h) {
      if (!cur) preamble.push(line);
      else if (titleOpen && continuesTitle(line)) cur.title = squash(`${cur.title ?? ''} ${line.text}`);
      else cur.lines.push(line);
      if (cur) titleOpen = titleOpen && continuesTitle(line) && !/[.:;]\s*$/.test(cur.title ?? '');
      continue;
    }
    if (h.kind === 'part') {
      if (!cur) preamble.push(line);
      titleOpen = false;
      continue;
    }
    const start = line.text ? offsetAt(line, 0) : 0;
    if (h.kind === 'article') {
      article = h.num;
      cur = { path: `Art. ${h.num}`, parent: null, article: `Art. ${h.num}`, title: h.rest.text ? squashed(h.rest) : null, start, lines: [] };
      base = cur;
      titleOpen = h.rest.text !== '' && !/[.:;]\s*$/.test(h.rest.text);
    } else if (h.kind === 'numbered') {
      const parts = h.num.split('.');
      const parent = parts.length > 2 ? parts.slice(0, -1).join('.') : `Art. ${parts[0]}`;
      cur = {
        path: h.num, parent, article: `Art. ${parts[0]}`,
        title: h.content ? null : squashed(h.rest), start, lines: h.content ? [h.rest] : [],
      };
      if (!article) article = parts[0];
      base = cur;
      titleOpen = false;
    } else {
      const parentPath = base?.path ?? (article ? `Art. ${article}` : '');
      cur = { path: `${parentPath}, ${h.letter})`, parent: parentPath, article: base?.article ?? parentPath, title: squashed(h.rest), start, lines: [] };
      titleOpen = false;
    }
    sections.push(cur);
  }
  return { preamble, sections, closing };
}

/** The section printed at a raw offset (the last one whose heading starts before it), or null. */
export function sectionAt(sections: readonly Section[], offset: number): Section | null {
  let found: Section | null = null;
  for (const s of sections) if (s.start <= offset) found = s;
  return found;
}

/** A sibling of `section` (same parent) whose title matches `title`, after it in the document. */
export function siblingTitled(sections: readonly Section[], section: Section, title: RegExp): Section | null {
  const i = sections.indexOf(section);
  return sections.slice(i + 1).find((s) => s.parent === section.parent && s.title !== null && title.test(fold(s.title))) ?? null;
}

/** The article path without a lettered sub-section ("Art. 3, a)" → "Art. 3"; "4.1.1" unchanged). */
export function withoutLetter(path: string): string {
  return path.replace(/,\s*[a-z]\)$/, '');
}
