/**
 * One act, two texts: the French and Dutch texts of an act (same NUMAC) make one document.
 * Their amendments are matched (same operation and codes, in text order), labels are kept in
 * both languages, and values, codes and dates are cross-checked: a disagreement is an issue
 * quoting both sentences, an amendment stated by one text only is kept with a warning.
 */
import type { Amendment, CodeSet, Language, ParsedDocument, Provenance, SourceIssue, Value } from '../facts.js';
import { fold } from '../text.js';

/** One language's text of a document, as parsed (language null: a document without one, never merged). */
export interface LanguageText {
  language: Language | null;
  doc: ParsedDocument;
}

const LANGUAGE_NAME: Record<Language, string> = { fr: 'French', nl: 'Dutch' };
const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]{0,4000}?)\r?\n---/;

/**
 * The language of a Justel text: the parser's, else (a text parsed before it kept one) its
 * front matter's only title (`title-nl` / `title-fr`), else its article headings ("**Artikel").
 * Null for documents that have no language (conventions, coefficient tables).
 */
export function textLanguage(doc: ParsedDocument, raw: string): Language | null {
  if (doc.language) return doc.language;
  if (doc.format !== 'justel-markdown') return null;
  const fm = FRONT_MATTER.exec(raw)?.[1] ?? '';
  const fr = /^title-fr[ \t]*:[ \t]*\S/m.test(fm);
  const nl = /^title-nl[ \t]*:[ \t]*\S/m.test(fm);
  if (nl && !fr) return 'nl';
  if (fr && !nl) return 'fr';
  return /^[ \t]*\*\*[ \t]*Artikel\b/m.test(raw) ? 'nl' : 'fr';
}

const codeKey = (c: CodeSet): string => (c.kind === 'pair' ? `${c.ambulatory}-${c.hospitalised}` : c.code);

/** What identifies an amendment across languages: its operation and its codes. */
function matchKey(a: Amendment): string {
  switch (a.op) {
    case 'insert-service':
      return `${a.op}|${codeKey(a.service.codes)}`;
    case 'delete-service':
    case 'change-value':
    case 'change-label':
      return `${a.op}|${codeKey(a.codes)}`;
    default:
      return `${a.op}|${[...a.codes].sort().join(',')}`;
  }
}

/** The numbering of an article path, language-free: "Art. 2, 2°, 1." and "Artikel 2, 2°, 1." → "2 2 1". */
function numbering(source: string): string {
  return (fold(source).match(/\d+|\b[a-z]\)/g) ?? []).join(' ');
}

const showValue = (v: Value | null): string => (v ? `${v.keyLetter} ${v.relativeValue}` : 'no value');
const sameValue = (a: Value, b: Value): boolean => a.keyLetter === b.keyLetter && Number(a.relativeValue) === Number(b.relativeValue);
const quote = (lang: Language, p: Provenance): string => `the ${LANGUAGE_NAME[lang]} text (${p.article}: "${p.text}")`;
const tag = (p: Provenance, language: Language): Provenance => ({ ...p, language });

/** The codes an amendment changes, for messages. */
function codesOf(a: Amendment): string {
  if (a.op === 'insert-service') return codeKey(a.service.codes);
  if (a.op === 'delete-service' || a.op === 'change-value' || a.op === 'change-label') return codeKey(a.codes);
  return a.codes.join(', ');
}

/**
 * Merges the texts of one document (two languages at most; the French one is primary when
 * present: its rules, title and spans are the merged document's own). One text: returned as is.
 */
export function mergeTexts(texts: LanguageText[]): ParsedDocument {
  if (texts.length === 1) return texts[0].doc;
  const ordered = [...texts].sort((a, b) => (a.language === b.language ? 0 : a.language === 'fr' ? -1 : 1));
  const [p, s] = ordered as { language: Language; doc: ParsedDocument }[];
  if (!p.language || !s.language || p.language === s.language) throw new Error(`internal error: texts of ${p.doc.id} to merge need two languages`);
  const issues: SourceIssue[] = [];
  const disagree = (severity: SourceIssue['severity'], where: string, message: string) =>
    issues.push({ severity, code: 'bilingual-disagreement', where, message });

  // Match each primary amendment with the first unmatched secondary one of the same key, in text order.
  const queues = new Map<string, number[]>();
  s.doc.amendments.forEach((a, i) => {
    const k = matchKey(a);
    queues.set(k, [...(queues.get(k) ?? []), i]);
  });
  const partner = new Map<number, number>(); // primary index → secondary index
  const taken = new Set<number>();
  p.doc.amendments.forEach((a, i) => {
    const q = queues.get(matchKey(a));
    const j = q?.shift();
    if (j !== undefined) {
      partner.set(i, j);
      taken.add(j);
    }
  });

  const merged: Amendment[][] = p.doc.amendments.map(() => []);
  const before: Amendment[] = [];
  // Unmatched amendments of one text that an unmatched one of the other text at the same place
  // (operation and article numbering) faces: the texts disagree on the codes.
  const lonelyPrimary = p.doc.amendments.map((a, i) => ({ a, i })).filter(({ i }) => !partner.has(i));
  const paired = new Set<number>();
  let lastPrimary = -1;
  const inverse = new Map([...partner].map(([i, j]) => [j, i]));
  s.doc.amendments.forEach((b, j) => {
    const i = inverse.get(j);
    if (i !== undefined) {
      lastPrimary = i;
      return;
    }
    const face = lonelyPrimary.find(({ a, i: k }) => !paired.has(k) && a.op === b.op && numbering(a.source) === numbering(b.source));
    if (face) {
      paired.add(face.i);
      lastPrimary = face.i; // beside the amendment it faces
      disagree('error', face.a.provenance.article, `the texts change different codes: ${quote(p.language, face.a.provenance)} names ${codesOf(face.a)}, ${quote(s.language, b.provenance)} names ${codesOf(b)}; both amendments are kept`);
    } else {
      issues.push({ severity: 'warning', code: 'bilingual-missing', where: `${s.language}: ${b.provenance.article}`, message: `${codesOf(b) || b.op}: only ${quote(s.language, b.provenance)} states this amendment (${b.op}); kept` });
    }
    const only = secondaryOnly(b, s.language, p.doc.id, j);
    (lastPrimary < 0 ? before : merged[lastPrimary]).push(only);
  });

  const amendments: Amendment[] = [...before];
  p.doc.amendments.forEach((a, i) => {
    const j = partner.get(i);
    if (j === undefined) {
      if (!paired.has(i)) {
        issues.push({ severity: 'warning', code: 'bilingual-missing', where: a.provenance.article, message: `${codesOf(a) || a.op}: only ${quote(p.language, a.provenance)} states this amendment (${a.op}); kept` });
      }
      amendments.push(withLabels({ ...a, provenance: tag(a.provenance, p.language) }, p.language, null));
    } else {
      const b = s.doc.amendments[j];
      amendments.push(pair(a, b, p.language, s.language, disagree));
      // Words changed in a label are words of each language's label: the other text's change applies to its own label.
      if (b.op === 'replace-text' && b.inLabelOf?.length) amendments.push(secondaryOnly(b, s.language, p.doc.id, j));
    }
    amendments.push(...merged[i]);
  });

  const dates = { ...p.doc.dates };
  for (const key of ['signed', 'published', 'entryIntoForce'] as const) {
    const [x, y] = [p.doc.dates[key], s.doc.dates[key]];
    if (x === y || y === null) continue;
    const what = key === 'entryIntoForce' ? 'entry into force' : key === 'signed' ? 'date of signature' : 'date of publication';
    if (x === null) {
      dates[key] = y;
      if (key === 'entryIntoForce') dates.entryIntoForceBasis = `${s.doc.dates.entryIntoForceBasis} (${LANGUAGE_NAME[s.language]} text)`;
      disagree('warning', 'document', `only the ${LANGUAGE_NAME[s.language]} text gives the ${what}: ${y}${key === 'entryIntoForce' ? ` (${s.doc.dates.entryIntoForceBasis})` : ''}; taken from it`);
    } else {
      const basis = (d: ParsedDocument) => (key === 'entryIntoForce' ? ` (${d.dates.entryIntoForceBasis})` : '');
      disagree('error', 'document', `the texts give different dates of ${what}: the ${LANGUAGE_NAME[p.language]} text ${x}${basis(p.doc)}, the ${LANGUAGE_NAME[s.language]} text ${y}${basis(s.doc)}; the ${LANGUAGE_NAME[p.language]} one is kept`);
    }
  }

  return {
    ...p.doc,
    dates,
    amendments,
    // The primary text's rules (the other text's stay with it): each says which text it is read from.
    rules: p.doc.rules.map((r) => ({ ...r, provenance: tag(r.provenance, p.language) })),
    issues: [
      ...p.doc.issues,
      ...s.doc.issues.map((i) => ({ ...i, where: `${s.language}: ${i.where}` })),
      ...issues,
    ],
    unparsed: [...p.doc.unparsed.map((u) => ({ ...u, language: p.language })), ...s.doc.unparsed.map((u) => ({ ...u, language: s.language }))],
    language: p.language,
    languages: [p.language, s.language],
  };
}

/** An amendment only the secondary text states: its id made distinct from the primary's, its labels placed by language. */
function secondaryOnly(b: Amendment, language: Language, document: string, j: number): Amendment {
  return withLabels({ ...b, id: `${document}#${language}${j}`, provenance: tag(b.provenance, language) }, language, null);
}

/** Puts an amendment's labels in their language's field: `label` French, `labelNl` Dutch. */
function withLabels(a: Amendment, language: Language, other: Amendment | null): Amendment {
  const fr = language === 'fr' ? a : other;
  const nl = language === 'nl' ? a : other;
  const labelOf = (x: Amendment | null): string | null =>
    x === null ? null : x.op === 'insert-service' ? x.service.label : x.op === 'change-label' ? x.label : null;
  if (a.op === 'insert-service') return { ...a, service: { ...a.service, label: labelOf(fr), labelNl: labelOf(nl) } };
  // A label change stated in Dutch only: its French label is not known (empty, never invented).
  if (a.op === 'change-label') return { ...a, label: labelOf(fr) ?? '', labelNl: labelOf(nl) };
  return a;
}

/** The merged form of an amendment both texts state: the primary's, with both labels and provenances, values cross-checked. */
function pair(
  a: Amendment, b: Amendment, pl: Language, sl: Language,
  disagree: (severity: SourceIssue['severity'], where: string, message: string) => void,
): Amendment {
  const where = a.provenance.article;
  const both = `${quote(pl, a.provenance)} and ${quote(sl, b.provenance)}`;
  let out: Amendment = { ...a, provenance: tag(a.provenance, pl), parallel: [tag(b.provenance, sl)] };
  if (a.effective !== b.effective) {
    if (a.effective === null) out.effective = b.effective;
    disagree(a.effective === null || b.effective === null ? 'warning' : 'error', where,
      `${codesOf(a)}: the texts give different dates of effect: ${a.effective ?? 'none'} and ${b.effective ?? 'none'} — ${both}${a.effective === null ? `; ${b.effective} taken` : ''}`);
  }
  // Values: one text without a value takes the other's; different values are an error (the primary's kept).
  const check = (what: string, x: Value | null, y: Value | null): Value | null => {
    if (x && y && !sameValue(x, y)) {
      disagree('error', where, `${codesOf(a)}: the texts give different ${what}s: ${showValue(x)} and ${showValue(y)} — ${both}; ${showValue(x)} kept`);
    } else if ((x === null) !== (y === null)) {
      disagree('warning', where, `${codesOf(a)}: only one text gives the ${what} (${showValue(x ?? y)}) — ${both}`);
      return x ?? y;
    }
    return x;
  };
  if (out.op === 'insert-service' && b.op === 'insert-service') {
    out = { ...out, service: { ...out.service, value: check('relative value', out.service.value, b.service.value) } };
  } else if (out.op === 'change-value' && b.op === 'change-value') {
    out = { ...out, from: check('old relative value', out.from, b.from), to: check('new relative value', out.to, b.to)! };
  }
  return withLabels(out, pl, b);
}
