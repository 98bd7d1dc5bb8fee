/**
 * Where in the nomenclature an amendment applies: "A l'article 20, § 1er, …" in an article's
 * intro, "Au littera d)," / "Au   1er," at the start of a point, "le 2e alinéa" as the object
 * of a replacement. Parts are rendered as a reader cites them: "20, § 1er, d)".
 */
import { ordinal } from '../french.js';

/** The article of the nomenclature and the parts below it, as far as known. */
export interface Target {
  article: string | null;
  parts: string[];
}

/** Renders a target: "20, § 1er, d)"; null when nothing is known. */
export function targetText(t: Target, extra: string[] = []): string | null {
  const parts = [...t.parts, ...extra];
  if (t.article === null && parts.length === 0) return null;
  return [...(t.article === null ? [] : [t.article]), ...parts].join(', ');
}

const DUTCH_ORDINALS = new Map([['eerste', 1], ['tweede', 2], ['derde', 3], ['vierde', 4], ['vijfde', 5], ['zesde', 6], ['zevende', 7], ['achtste', 8], ['negende', 9], ['tiende', 10]]);

/** Renders an ordinal word of an alinéa (French or Dutch): "1er", "2", "dernier". */
export function ordinalText(word: string): string | null {
  const w = word.toLowerCase();
  if (/^(?:dernier|derniere|dernière|laatste)$/.test(w)) return 'dernier';
  const dutch = DUTCH_ORDINALS.get(w);
  if (dutch !== undefined) return dutch === 1 ? '1er' : String(dutch);
  if (/^(?:1er|1re|premier|premiere|première)$/.test(w)) return '1er';
  const n = /^\d+$/.test(w) ? Number(w) : ordinal(w.replace(/(?<=\d)(?:eme|ème)$/, 'e'));
  return n === null ? null : n === 1 ? '1er' : String(n);
}

const NL_ORD = String.raw`(eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|tiende|laatste)`;
const ORD = String.raw`(\d+(?:er|re|e|eme|ème)?|premi[eè]re?|deuxi[eè]me|second|seconde|troisi[eè]me|quatri[eè]me|cinqui[eè]me|sixi[eè]me|derni[eè]re?)`;

interface TokenRule {
  re: RegExp;
  part: (m: RegExpExecArray) => string | null;
  /** The token names an article of the nomenclature: it resets the target. */
  article?: boolean;
}

// Tried in order at the current offset; each consumes one comma-separated locator token.
const TOKENS: TokenRule[] = [
  { re: /\s*(?:de |à |a )?l['’]article\s+(\d+(?:er)?(?:\s?(?:bis|ter|quater|quinquies|sexies))?)/iy, part: (m) => m[1].replace(/\s/g, '').replace(/er$/, ''), article: true },
  { re: /\s*(?:van |in )?(?:het )?artikel\s+(\d+(?:\s?(?:bis|ter|quater|quinquies|sexies))?)/iy, part: (m) => m[1].replace(/\s/g, ''), article: true },
  // A heading named by its words: "intitulé « E. Urologie »", "opschrift " categorie 3 "".
  { re: /\s*(?:l['’]|het |le )?(?:intitul[ée]|opschrift)\s*["«“]\s*([^"»”\n]{1,100}?)\s*[:]?\s*["»”]/iy, part: (m) => `"${m[1].replace(/\s+/g, ' ')}"` },
  // OCR lost the "§": "Au   1er," — three spaces where "§ " was.
  { re: /[ ]{3,}(\d+(?:er)?(?:bis|ter)?)(?=[ \t]*[,:])/y, part: (m) => `§ ${m[1]}` },
  { re: /\s*§\s*(\d+(?:er)?(?:\s?(?:bis|ter|quater))?)/y, part: (m) => `§ ${m[1].replace(/\s/g, '')}` },
  { re: /\s*(?:le |la )?littera\s+([a-z](?:bis|ter)?\))/iy, part: (m) => m[1] },
  { re: new RegExp(String.raw`\s*(?:le |l['’])?${ORD}\s+alin[ée]a`, 'iy'), part: (m) => alineaPart(m[1]) },
  { re: new RegExp(String.raw`\s*(?:het )?${NL_ORD}\s+lid`, 'iy'), part: (m) => alineaPart(m[1]) },
  { re: /\s*(?:le |l['’])?alin[ée]a\s+(\d+(?:er)?)/iy, part: (m) => alineaPart(m[1]) },
  { re: /\s*(?:le |la )?([a-z](?:bis|ter)?\))/y, part: (m) => m[1] },
  // "1°", or OCR "1 ," whose degree sign became a space.
  { re: /\s*(?:le |au )?(\d{1,2}(?:bis|ter)?)(?:°|[ ](?=,))/y, part: (m) => `${m[1]}°` },
  { re: /\s*([IVX]{1,4})(?=\s*[,:])/y, part: (m) => m[1] },
  { re: /\s*([A-Z])(?=\s*[,:])/y, part: (m) => m[1] },
];

function alineaPart(word: string): string | null {
  const o = ordinalText(word);
  return o === null ? null : o === 'dernier' ? 'dernier alinéa' : `alinéa ${o}`;
}

/**
 * Reads a comma-separated locator starting at `pos` ("   1er, …", " littera k), 1. …",
 * " I,   2, C, 1 , c), …") and returns its parts, the article it names if any, and where it ends.
 */
export function scanLocator(text: string, pos: number): { article: string | null; parts: string[]; end: number } {
  let article: string | null = null;
  const parts: string[] = [];
  let at = pos;
  for (;;) {
    let matched = false;
    for (const rule of TOKENS) {
      rule.re.lastIndex = at;
      const m = rule.re.exec(text);
      if (!m) continue;
      const part = rule.part(m);
      if (part === null) continue;
      // "Au § 13, le 2e alinéa est remplacé": the last phrase is the object of the verb, not a locator.
      if (/^\s+(?:est|sont)\b/.test(text.slice(rule.re.lastIndex, rule.re.lastIndex + 8))) break;
      if (rule.article) { article = part; parts.length = 0; } else parts.push(part);
      at = rule.re.lastIndex;
      matched = true;
      break;
    }
    if (!matched) break;
    const comma = /[ \t]*,/y;
    comma.lastIndex = at;
    if (!comma.exec(text)) break;
    at = comma.lastIndex;
  }
  return { article, parts, end: at };
}

const ARTICLE_INTRO = /(?:^|[\s,;:])(?:(?:A|À|Dans|Au|Aux|a|à|dans)\s+l['’]article|(?:In|in|Bij|bij|Aan|aan)\s+artikel)\s+\d/;

/**
 * The locator an article's or a point's own text starts with: "A l'article 11, de la même
 * annexe …" → article "11"; "Au littera d)," → "d)"; "Au   1er," → "§ 1er"; "au 1er alinéa," →
 * "alinéa 1er". Text that starts otherwise gives no parts.
 */
export function leadingLocator(text: string): { article: string | null; parts: string[] } {
  const lead = /^\s*(?:Au|au|Aux|aux|À|à|A|a|Dans|dans|En|en|In|in|Bij|bij|Aan|aan)(?=[ \t])/.exec(text);
  if (lead) {
    const r = scanLocator(text, lead[0].length);
    if (r.article !== null) return { article: r.article, parts: [...r.parts, ...laterLocator(text, r.end)] };
    if (r.parts.length) return { article: null, parts: r.parts };
  }
  // The article may be named later in the intro sentence ("Dans l'annexe …, à l'article 14, …").
  const m = ARTICLE_INTRO.exec(text.slice(0, 400));
  if (m) {
    const at = Math.max(text.indexOf('rtikel', m.index) - 1, text.indexOf('article', m.index) - 2);
    const r = scanLocator(text, Math.max(at, 0));
    if (r.article !== null) return { article: r.article, parts: [...r.parts, ...laterLocator(text, r.end)] };
  }
  return { article: null, parts: [] };
}

/** "A l'article 26, § 4, de la même annexe, au 1er alinéa, les numéros …": the locator after the annex clause. */
function laterLocator(text: string, from: number): string[] {
  const head = text.slice(0, Math.min(text.length, from + 400));
  for (const m of head.slice(from).matchAll(/,\s*(?:au|aux|à la|a la|dans le|dans la|dans l['’]|in|bij)(?=\s)/g)) {
    const r = scanLocator(head, from + (m.index ?? 0) + m[0].length);
    if (r.parts.length && /,\s*$/.test(head.slice(0, r.end))) return r.parts;
  }
  return [];
}

/**
 * Parses the object of a replacement in folded form ("le § 7", "le 2e alinea", "les 1er et 2e
 * alineas", "le dernier alinea du 1°", "le libelle du 4°", "l'alinea 3", "le littera d)") into
 * target parts, outermost first; null when it is not such an object.
 */
export function objectParts(phrase: string): string[] | null {
  let p = phrase.trim().replace(/^(?:(?:les|le|la|het|de)\s+|l')/, '')
    .replace(/^(?:libelle|texte|intitule) (?:du|de la|de l'|des)\s?/, '').replace(/^(?:omschrijving|tekst|opschrift) van (?:het |de )?/, '');
  const parts: string[] = [];
  const container = / (?:du|de la|de l'|de|van (?:het |de )?|onder) (§ \d+\w*|\d+°|(?:littera |punt )?[a-z]\))$/.exec(p);
  if (container) {
    const inner = objectParts(container[1]);
    if (inner === null) return null;
    parts.push(...inner);
    p = p.slice(0, container.index);
  }
  let m: RegExpExecArray | null;
  let own: string | null = null;
  if ((m = /^§ (\d+(?:er)?\w*)$/.exec(p))) own = `§ ${m[1]}`;
  else if ((m = /^(\S+) (?:et|en) (\S+) (?:alineas|lid)$/.exec(p))) {
    const a = ordinalText(m[1]);
    const b = ordinalText(m[2]);
    if (a && b) own = `alinéas ${a} et ${b}`;
  } else if ((m = /^(\S+) (?:alinea|lid)$/.exec(p))) own = alineaPart(m[1]);
  else if ((m = /^(?:alinea|lid) (\S+)$/.exec(p))) own = alineaPart(m[1]);
  else if ((m = /^(\d+(?:bis|ter)?)°$/.exec(p))) own = `${m[1]}°`;
  else if ((m = /^(?:littera |punt )?([a-z](?:bis|ter)?\))$/.exec(p))) own = m[1];
  if (own === null) return null;
  parts.push(own);
  return parts;
}
