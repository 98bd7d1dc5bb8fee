/**
 * Fee tables as the PDF extraction leaves them: one line per row
 * ("I = 2,801231  587134 587145 = I 633 1773,18 …"), surrounded by broken header lines
 * in French or Dutch, sometimes printed far from the section they belong to.
 */
import { decFr, fmt, money } from '../../decimal.js';
import { fold } from '../../text.js';
import { isBlank, type RawLine } from './lines.js';

/** A fee table row, numbers already in dot-decimal form. */
export interface TableRow {
  /** Key letter before the coefficient ("K = 2,035887"). */
  keyLetter: string;
  /** Key letter after the codes ("= K 1.517"); should equal `keyLetter`. */
  valueKeyLetter: string;
  coefficient: string;
  /** One code, or an ambulatory/hospitalised pair, as written. */
  codes: string[];
  relativeValue: string;
  /** Fee first, then the reimbursement columns, in printed order (money, two decimals). */
  amounts: string[];
  line: RawLine;
}

// French number: "1.517", "3.088,44", "2,801231", "633".
const NUM = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?`;
const ROW = new RegExp(
  String.raw`^\s*([A-Z]{1,3})\s*=\s*(\d+(?:,\d+)?)\s+(\d{6})(?:\s*-?\s*(\d{6}))?\s*=\s*([A-Z]{1,3})\s+(${NUM})((?:\s+(?:${NUM}))+)\s*$`,
);

/** Reads a fee row line, or null when the line is not one. */
export function parseFeeRow(line: RawLine): TableRow | null {
  const m = ROW.exec(line.text);
  if (!m) return null;
  return {
    keyLetter: m[1],
    coefficient: fmt(decFr(m[2])),
    codes: m[4] ? [m[3], m[4]] : [m[3]],
    valueKeyLetter: m[5],
    relativeValue: fmt(decFr(m[6])),
    amounts: m[7].trim().split(/\s+/).map((n) => money(decFr(n))),
    line,
  };
}

// Words of the column headers, French and Dutch, as the extraction breaks and glues them
// ("préféren-" / "tiel", "zo nder", "TegemoetkomingCodenummer"). Longest first.
const HEADER_WORDS = [
  'numero de code', 'codenummer', 'honoraires', 'honoraria', 'intervention', 'tegemoetkoming',
  'ambulatoire', 'ambulant', 'hospitalise', 'gehospitaliseerd', 'beneficiaires', 'rechthebbenden',
  'voorkeurregeling', 'preferentiel', 'preferen-', 'tiel', 'regime', 'avec', 'sans', 'zo ?nder',
  'met', 'amb', 'hos',
];
const HEADER_RE = new RegExp(HEADER_WORDS.join('|'), 'g');
const DUTCH_RE = /honoraria|tegemoetkoming|rechthebbenden|voorkeurregeling|codenummer|gehospitaliseerd|\bambulant\b/;

/** True for a line made only of column-header words (and nothing else). */
export function isHeaderLine(text: string): boolean {
  // Header lines are short and carry no digits: skip folding everything else.
  if (text.length > 100 || /\d/.test(text)) return false;
  const f = fold(text);
  if (!f.trim()) return false;
  return f.replace(HEADER_RE, '').replace(/[\s\-–:,()/]/g, '') === '';
}

/** True when header text is in Dutch (the PDF of a French convention sometimes carries Dutch tables). */
export function isDutchHeader(text: string): boolean {
  return DUTCH_RE.test(fold(text));
}

/** A run of table lines: its rows, its header words and where it sits in the raw text. */
export interface TableBlock {
  rows: TableRow[];
  /** The header lines, whitespace-normalised and joined. */
  header: string;
  dutch: boolean;
  start: number;
  end: number;
}

/**
 * Takes the fee tables out of the line stream: a block is every row line plus the
 * header lines next to it (blank lines between them allowed). The other lines are prose.
 */
export function extractTables(lines: readonly RawLine[]): { tables: TableBlock[]; prose: RawLine[] } {
  const kind = lines.map((l) => (isBlank(l) ? 'blank' : parseFeeRow(l) ? 'row' : isHeaderLine(l.text) ? 'header' : 'prose'));
  const inTable = new Array<boolean>(lines.length).fill(false);
  const tables: TableBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (kind[i] !== 'row' || inTable[i]) continue;
    // Grow the block both ways over rows, headers and blanks.
    let a = i;
    let b = i;
    while (a > 0 && kind[a - 1] !== 'prose') a--;
    while (b < lines.length - 1 && kind[b + 1] !== 'prose') b++;
    // Blank lines at the edges belong to the prose around.
    while (kind[a] === 'blank') a++;
    while (kind[b] === 'blank') b--;
    const rows: TableRow[] = [];
    const header: string[] = [];
    for (let j = a; j <= b; j++) {
      inTable[j] = kind[j] !== 'blank';
      if (kind[j] === 'row') rows.push(parseFeeRow(lines[j])!);
      if (kind[j] === 'header') header.push(lines[j].text.trim());
    }
    const headerText = header.join(' ').replace(/\s+/g, ' ');
    tables.push({ rows, header: headerText, dutch: isDutchHeader(headerText), start: lines[a].start, end: lines[b].end });
    i = b;
  }
  return { tables, prose: lines.filter((_, i) => !inTable[i]) };
}
