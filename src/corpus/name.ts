/**
 * A short readable name for a document, for people (the hash or NUMAC stays the stable id):
 * a convention by what it reimburses ("Ablation percutanée sous guidage tomodensitométrique de
 * tumeurs…"); an act by its kind and date and its NUMAC ("Arrêté royal du 12 août 1994
 * (1994022370)"); anything else by its title, cut at a word.
 */
/** The length a name is cut to (at a word, with "…"). */
export const NAME_LENGTH = 64;

function cut(s: string, n = NAME_LENGTH): string {
  const t = s.replace(/\s+/g, ' ').trim();
  if (t.length <= n) return t;
  const head = t.slice(0, n);
  const at = head.lastIndexOf(' ');
  return `${(at > n / 2 ? head.slice(0, at) : head).replace(/[\s,;:–-]+$/, '')}…`;
}

/** What a convention's title says it reimburses, in sentence case, without its version. */
export function conventionSubject(title: string): string {
  const m = /\bremboursement\s+(?:de\s+la\s+|de\s+l['’]\s*|des\s+|du\s+|de\s+)(.+)$/i.exec(title);
  const subject = (m?.[1] ?? title).replace(/\s*\((?:version|versie)[^)]*\)\s*$/i, '').trim();
  const lower = subject === subject.toUpperCase() ? subject.toLowerCase() : subject;
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

// "Arrêté royal du 12 août 1994 modifiant …", "Koninklijk besluit van 12 augustus 1994 tot …", "Loi du …".
const ACT = /^((?:arr[êe]t[ée]\s+(?:royal|minist[ée]riel|du gouvernement[^d]*?)|loi|d[ée]cret|ordonnance|koninklijk\s+besluit|ministerieel\s+besluit|wet|decreet)\s+(?:du|van)\s+\d{1,2}(?:er)?\s+\S+\s+\d{4})/i;

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** "1994-08-12" → "12 août 1994" ("1er" for the first day, as acts write it). */
export function frenchDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d === 1 ? '1er' : d} ${MONTHS[m - 1]} ${y}`;
}

/**
 * The readable name of a document from its kind, id and title; an act whose title does not
 * start with its kind and date is named by its kind and its signature date when known.
 */
export function documentName(doc: { id: string; kind: string; title: string; signed?: string | null }): string {
  if (doc.kind === 'convention') return cut(conventionSubject(doc.title));
  if (doc.kind === 'royal-decree') {
    const m = ACT.exec(doc.title.trim());
    const kind = /^(arr[êe]t[ée]\s+(?:royal|minist[ée]riel)|loi|d[ée]cret|koninklijk\s+besluit|ministerieel\s+besluit|wet)\b/i.exec(doc.title.trim())?.[1];
    const head = m ? m[1].replace(/\s+/g, ' ') : kind && doc.signed ? `${kind.replace(/\s+/g, ' ')} du ${frenchDate(doc.signed)}` : cut(doc.title, 40);
    const numac = /^\d{10}$/.test(doc.id) ? ` (${doc.id})` : '';
    return `${head}${numac}`;
  }
  return cut(doc.title);
}
