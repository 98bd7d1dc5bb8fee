/**
 * Amendment phrase recognisers. Each reads one sentence of an amending act in its folded form
 * (quotes replaced by «k» placeholders) and emits the amendments (and rule texts) it states.
 * The first recogniser that understands a sentence wins; a normative sentence none understands
 * is listed as unparsed by the caller.
 */
import type { IsoDate } from '../../date.js';
import { hospitalisedTwinOf, isValidCode } from '../../code.js';
import type { CodeSet, Value } from '../../facts.js';
import { squash } from '../../text.js';
import { codeSetsOf, codeSetText, codesOf, parseServiceBlock, parseValue, sameCodeSet, type BlockService } from './blocks.js';
import { isSentenceLike, unquote, type AmendmentDraft, type Emitter } from './emit.js';
import { objectParts, ordinalText, targetText, type Target } from './locators.js';
import { cleanText } from './normalise.js';
import type { QuoteSpan } from './structure.js';
import type { Grammar, GuardedRecogniser } from './grammar/index.js';

/** One sentence of a point, ready for the recognisers. */
export interface Clause {
  raw: string;
  /** Article path of the amending act: "Art. 7, 2°, d)". */
  path: string;
  target: Target;
  /** Sentence span in the raw text (trimmed). */
  span: [number, number];
  /** Quotes inside the sentence; «k» in `skeleton` stands for quotes[k]. */
  quotes: QuoteSpan[];
  /** Folded, OCR-repaired form with quotes replaced by «k». */
  skeleton: string;
  /** The sentences of the same point that follow this one. */
  following: Clause[];
  hasChildren: boolean;
  effective: IsoDate | null;
  out: Emitter;
  /** The amending grammar of the act's language. */
  g: Grammar;
  /** The service an enclosing point is about ("à la prestation X : 1. …"), inherited by its sub-points. */
  context: CodeSet[];
}

/** Reads a clause; returns how many following sentences it used, or null when it does not apply. */
export type Recogniser = (c: Clause) => number | null;

// ---------------------------------------------------------------- helpers

const content = (c: Clause, k: number): [number, number] => [c.quotes[k].open + 1, c.quotes[k].close];
const quoteText = (c: Clause, k: number) => c.raw.slice(c.quotes[k].open + 1, c.quotes[k].close);
const placeholders = (s: string) => [...s.matchAll(/«(\d+)»/g)].map((m) => Number(m[1]));
const inlineText = (t: string) => unquote(cleanText(t));

/** The instruction of a clause as written, before its first quote: for notes. */
function instruction(c: Clause): string {
  const end = c.quotes.length ? c.quotes[0].open : c.span[1];
  const text = cleanText(c.raw.slice(c.span[0], end));
  const colon = text.lastIndexOf(':');
  return (colon > 0 ? text.slice(0, colon) : text).trim();
}

/** Adds an amendment stated by clause `c`; `extra` parts refine its target. */
function emit(c: Clause, draft: AmendmentDraft, extra: string[] = [], span: [number, number] = c.span, note?: string): void {
  const target = targetText(c.target, extra);
  c.out.amend(draft, c.path, target, c.effective, c.out.provenance(c.path, span, note));
}

/** Where an inserted rule text lands in the nomenclature, for its provenance note. */
function ruleNote(c: Clause, extra: string[] = []): string | undefined {
  const t = targetText(c.target, extra);
  return t ? `text of the nomenclature, art. ${t}` : undefined;
}

/**
 * Rule text ranges: the quotes after skeleton offset `from`; else plain text after the
 * instruction's colon in the same sentence; else the following sentences of the point.
 */
function ruleRanges(c: Clause, from: number): { ranges: [number, number][]; consumed: number } {
  const ks = placeholders(c.skeleton.slice(from));
  if (ks.length) return { ranges: ks.map((k) => content(c, k)), consumed: 0 };
  const colon = c.raw.indexOf(':', c.span[0]);
  if (colon >= 0 && colon < c.span[1] && /[\p{L}\d]/u.test(c.raw.slice(colon + 1, c.span[1]))) {
    return { ranges: [[colon + 1, c.span[1]]], consumed: 0 };
  }
  return { ranges: c.following.map((f) => f.span), consumed: c.following.length };
}

/** The code sets of a folded code list ("nos 599244 et 599266"). */
function codeSets(folded: string): CodeSet[] {
  return codeSetsOf(folded.replace(/\bnos? /g, ''));
}

function allCodes(sets: CodeSet[]): string[] {
  return sets.flatMap(codesOf);
}

/** True when every code has its check digit and a pair is a real ambulatory/hospitalised pair. */
function soundPair(s: CodeSet): boolean {
  return codesOf(s).every(isValidCode) && (s.kind === 'single' || hospitalisedTwinOf(s.ambulatory) === s.hospitalised);
}

/** Picks the code set to use when the instruction and the new wording both name one. */
function resolveCodes(c: Clause, stated: CodeSet | null, written: CodeSet | null): { codes: CodeSet | null; note?: string } {
  if (!stated) return { codes: written };
  if (!written || sameCodeSet(stated, written)) return { codes: stated };
  if (soundPair(written) && !soundPair(stated)) {
    return { codes: written, note: `the instruction writes ${codeSetText(stated)} (see issues); the new wording gives ${codeSetText(written)}` };
  }
  c.out.issue({
    severity: 'error', code: 'contradiction', where: c.path,
    message: `the instruction names ${codeSetText(stated)} but the new wording gives ${codeSetText(written)}`,
  }, c.span[0]);
  return { codes: stated };
}

// ---------------------------------------------------------------- recognisers

/** The first match of any of `patterns` in `text` (patterns are tried in order). */
function first(patterns: RegExp[], text: string): RegExpExecArray | null {
  for (const p of patterns) {
    p.lastIndex = 0;
    const m = p.exec(text);
    if (m) return m;
  }
  return null;
}

/** Every match of global `patterns` in `text`, in text order; an overlapping later match is dropped. */
function all(patterns: RegExp[], text: string): RegExpMatchArray[] {
  const found = patterns.flatMap((p) => [...text.matchAll(p)]).sort((x, y) => (x.index ?? 0) - (y.index ?? 0));
  const out: RegExpMatchArray[] = [];
  let end = -1;
  for (const m of found) {
    if ((m.index ?? 0) < end) continue;
    out.push(m);
    end = (m.index ?? 0) + m[0].length;
  }
  return out;
}

/** The service a clause speaks of before `until` ("prestation 688472, les mots …"), if it names one. */
function anchoredService(c: Clause, until: number): CodeSet[] {
  const m = c.g.serviceAnchor.exec(c.skeleton.slice(0, until));
  return m?.groups?.codes ? codeSets(m.groups.codes) : c.context;
}

/** Entry-into-force clauses (read by the dates pass) and the execution formula: no amendment. */
const entryOrFormula: Recogniser = (c) => (c.g.entryOrFormula.test(c.skeleton) ? 0 : null);

/** "les mots «X» sont remplacés par «Y»", also lists, "respectivement", deletion and insertion of words. */
const wordsChanged: Recogniser = (c) => {
  let found = false;
  for (const m of all(c.g.wordsChanged, c.skeleton)) {
    const g = m.groups!;
    // "dans le libellé de la prestation n° X, les mots …", or "prestation X, les mots …": that service's label.
    const anchor = c.g.labelAnchor.exec(c.skeleton);
    const sets = anchor?.groups?.codes ? codeSets(anchor.groups.codes) : anchoredService(c, m.index ?? 0);
    const anchorCodes = allCodes(sets);
    const inLabel = anchorCodes.length ? { inLabelOf: anchorCodes } : {};
    const anchorNote = sets.length ? `in the label of ${sets.map(codeSetText).join(', ')}` : undefined;
    const withAnchor = (codes: string[]) => [...new Set([...anchorCodes, ...codes])];
    const noted = (note?: string) => [anchorNote, note].filter(Boolean).join('; ') || undefined;
    const olds = placeholders(g.olds).map((k) => inlineText(quoteText(c, k)));
    const op = c.g.operation(g.verb);
    const q = (k: string) => inlineText(quoteText(c, Number(k)));
    if (op === 'replace' && g.news) {
      const news = placeholders(g.news).map((k) => inlineText(quoteText(c, k)));
      olds.forEach((old, i) => {
        const nw = news.length === olds.length ? news[i] : news[0];
        emit(c, { op: 'replace-text', old, new: nw, codes: withAnchor(allCodes(codeSetsOf(old + ' ' + nw))), ...inLabel }, [], c.span, noted());
      });
      found = true;
    } else if (op === 'delete') {
      for (const old of olds) emit(c, { op: 'replace-text', old, new: '', codes: withAnchor(allCodes(codeSetsOf(old))), ...inLabel }, [], c.span, noted('words deleted'));
      found = true;
    } else if (op === 'insert') {
      // Inserted after / before / between the quoted words: the anchor is rewritten; with none, added at the end.
      const words = olds.join(' ');
      const pos = g.pos ? c.g.position(g.pos) : null;
      const [old, nw, where] = pos === 'after' ? [q(g.anchor), `${q(g.anchor)} ${words}`, 'words inserted after the quoted words']
        : pos === 'before' ? [q(g.anchor), `${words} ${q(g.anchor)}`, 'words inserted before the quoted words']
        : g.left !== undefined ? [`${q(g.left)} ${q(g.right)}`, `${q(g.left)} ${words} ${q(g.right)}`, 'words inserted between the quoted words']
        : [null, words, 'words added at the end'];
      emit(c, { op: 'replace-text', old, new: nw, codes: withAnchor(allCodes(codeSetsOf(words))), ...inLabel }, [], c.span, noted(where));
      found = true;
    }
  }
  return found ? 0 : null;
};

/** "le texte commençant par «A» et se terminant par «B» est remplacé par : «…»". */
const textBetween: Recogniser = (c) => {
  const m = c.g.textBetween.exec(c.skeleton);
  if (!m) return null;
  const firstWords = inlineText(quoteText(c, Number(m.groups!.first))).replace(/\s*(?:\.\.\.|…)$/, '');
  const last = inlineText(quoteText(c, Number(m.groups!.last))).replace(/^(?:\.\.\.|…)\s*/, '');
  const { ranges, consumed } = ruleRanges(c, m.index + m[0].length);
  const body = replacementBody(c, ranges, []);
  emit(c, { op: 'replace-text', old: `${firstWords} … ${last}`, new: body.text, codes: body.codes });
  return consumed;
};

/** The new text of a replacement: its paragraphs; its sentences become rule texts when they are whole sentences. */
function replacementBody(c: Clause, ranges: [number, number][], extra: string[]): { text: string; codes: string[] } {
  const sentences = ranges.filter(([s, e]) => isSentenceLike(c.raw.slice(s, e)));
  if (sentences.length === ranges.length && ranges.length) return c.out.ruleText(c.path, ranges, ruleNote(c, extra));
  const text = ranges.map(([s, e]) => inlineText(c.raw.slice(s, e))).join('\n');
  return { text, codes: allCodes(codeSetsOf(text)) };
}

/** The services of "the rule that follows service X", or of the enclosing point when the rule says "the service". */
function ruleServices(c: Clause, g: Record<string, string | undefined>): CodeSet[] {
  return g.ruleCodes ? codeSets(g.ruleCodes) : c.context;
}

const ORDINAL_WORDS = new Map([['premiere', 'première '], ['deuxieme', 'deuxième '], ['seconde', 'seconde '], ['troisieme', 'troisième '], ['derniere', 'dernière ']]);

/** "the (2nd) rule of application following service X" as the act's language says it, for notes. */
function anchorPhrase(c: Clause, g: Record<string, string | undefined>): string {
  const codes = ruleServices(c, g).map(codeSetText).join(', ');
  const alinea = g.alinea ?? g.alineaOrd;
  if (c.g.lang === 'nl') {
    const lid = alinea ? `${g.alinea ? `lid ${alinea}` : `het ${alinea} lid`} van ` : '';
    return `${lid}de ${g.ord ? `${g.ord} ` : ''}toepassingsregel die volgt op de verstrekking nr. ${codes}`;
  }
  const o = g.ord ? ORDINAL_WORDS.get(g.ord) ?? `${g.ord} ` : '';
  const al = alinea ? `${g.alinea ? `l'alinéa ${alinea}` : `le ${alinea} alinéa`} de ` : '';
  return `${al}la ${o}règle d'application qui suit la prestation n° ${codes}`;
}

/** "la deuxième règle d'application suivant la prestation n° X, le n° Y est inséré après le n° Z". */
const codeIntoRule: Recogniser = (c) => {
  const m = c.g.codeIntoRule.exec(c.skeleton);
  if (!m || !ruleServices(c, m.groups!).length) return null;
  const g = m.groups!;
  const codes = codeSets(g.codes);
  emit(c, { op: 'replace-text', old: null, new: `n° ${codes.map(codeSetText).join(', ')}`, codes: allCodes(codes) }, [], c.span,
    `inserted ${c.g.position(g.pos) === 'after' ? 'after' : 'before'} n° ${g.ref} in ${anchorPhrase(c, g)}`);
  return 0;
};

/** "la première règle d'application suivant la prestation n° X est complétée par le n° Y". */
const ruleCompletedWithCodes: Recogniser = (c) => {
  const m = c.g.ruleCompletedWithCodes.exec(c.skeleton);
  if (!m || !ruleServices(c, m.groups!).length) return null;
  const codes = codeSets(m.groups!.codes);
  emit(c, { op: 'replace-text', old: null, new: `n° ${codes.map(codeSetText).join(', ')}`, codes: allCodes(codes) }, [], c.span,
    `completes ${anchorPhrase(c, m.groups!)}`);
  return 0;
};

/**
 * "la règle d'application qui suit la prestation n° X est remplacée par / modifiée comme suit",
 * "l'alinéa 3 des règles d'application qui suivent la prestation X est remplacé", or repealed:
 * a change of the rules, never of the service's label.
 */
const ruleReplaced: Recogniser = (c) => {
  const m = first(c.g.ruleReplaced, c.skeleton);
  if (!m) return null;
  const g = m.groups!;
  const anchor = anchorPhrase(c, g);
  if (!ruleServices(c, g).length) return null;
  if (g.repeal) {
    emit(c, { op: 'repeal-rule', codes: allCodes(ruleServices(c, g)), text: null }, [], c.span, `repeals ${anchor}`);
    return 0;
  }
  const { ranges, consumed } = ruleRanges(c, m.index + m[0].length);
  if (!ranges.length) return null;
  const body = c.out.ruleText(c.path, ranges, ruleNote(c));
  emit(c, { op: 'replace-rule', codes: body.codes, text: body.text, replaces: anchor });
  return consumed;
};

/** "la valeur relative «K 30» de la prestation n° X est modifiée en «K 50»" (the old value may be absent). */
const valueChanged: Recogniser = (c) => {
  let found = false;
  const bare = all(c.g.bareValueChanged, c.skeleton);
  for (const m of [...all(c.g.valueChanged, c.skeleton), ...bare]) {
    const g = m.groups!;
    const from = g.from ? parseValue(quoteText(c, Number(g.from))) : null;
    const to: Value | null = g.to ? parseValue(quoteText(c, Number(g.to))) : g.toLetter ? parseValue(`${g.toLetter.toUpperCase()} ${g.toNumber}`) : null;
    if (!to) continue;
    // A bare quote replaced by another is a value change only when both quotes are values.
    if (bare.includes(m) && !from) continue;
    // The service is named in the phrase, or before it ("à la prestation X, la valeur relative …").
    const sets = g.codes ? codeSets(g.codes) : anchoredService(c, (m.index ?? 0) + m[0].length);
    if (!sets.length) continue;
    for (const codes of sets) emit(c, { op: 'change-value', codes, from, to });
    found = true;
  }
  return found ? 0 : null;
};

/**
 * "le libellé (et la valeur relative) de la prestation n° X est modifié comme suit : «…»", and
 * "les libellés des prestations suivantes sont modifiés comme suit : X «…» Y «…»".
 * The new wording may repeat the code and carry the value: both are taken (a value change
 * from an unstated old value).
 */
const relabelled: Recogniser = (c) => {
  const m = first(c.g.relabelled, c.skeleton);
  if (!m) return null;
  const withValue = !!m.groups!.withValue;
  const stated = m.groups!.codes ? codeSets(m.groups!.codes) : [];
  const ks = placeholders(c.skeleton.slice(m.index + m[0].length));
  if (!ks.length) return null;
  type Piece = { codes: CodeSet | null; service: BlockService; span: [number, number] };
  const pieces: Piece[] = [];
  let prevEnd = c.span[0];
  for (const k of ks) {
    let before = c.raw.slice(prevEnd, c.quotes[k].open);
    let beforeStart = prevEnd;
    if (k === ks[0]) {
      const colon = before.lastIndexOf(':');
      if (colon >= 0) { beforeStart += colon + 1; before = before.slice(colon + 1); }
    }
    const near = codeSetsOf(before);
    const nearIdx = near.length ? before.search(/\d{6}/) : -1;
    const block = parseServiceBlock(c.raw, c.quotes[k].open + 1, c.quotes[k].close);
    for (const service of block.services) {
      const written = service.codes ?? near[0] ?? null;
      const start = service.codes ? service.span[0] : nearIdx >= 0 ? beforeStart + nearIdx : c.quotes[k].open;
      pieces.push({ codes: written, service, span: [start, c.quotes[k].close + 1] });
    }
    if (block.trailing) c.out.unparsedAt(c.path, block.trailing);
    prevEnd = c.quotes[k].close + 1;
  }
  const many = pieces.length > 1;
  pieces.forEach((p, i) => {
    const statedHere = stated.length === pieces.length ? stated[i] : stated.length === 1 && !many ? stated[0] : null;
    const { codes, note } = resolveCodes(c, statedHere, p.codes);
    if (!codes) {
      c.out.issue({ severity: 'warning', code: 'other', where: c.path, message: `new label without a code: "${p.service.label}"` }, c.span[0]);
      c.out.unparsedAt(c.path, p.span);
      return;
    }
    const notes = [many ? `in: ${instruction(c)}` : undefined, note, p.service.marker ? 'label written with a leading "**" marker, removed' : undefined];
    const span = many ? p.span : c.span;
    if (p.service.label) emit(c, { op: 'change-label', codes, label: p.service.label }, [], span, notes.filter(Boolean).join('; ') || undefined);
    if (p.service.value) {
      const valueNotes = [...notes, withValue ? undefined : 'value given in the new wording, although the instruction names only the label'];
      emit(c, { op: 'change-value', codes, from: null, to: p.service.value }, [], span, valueNotes.filter(Boolean).join('; ') || undefined);
    } else if (withValue) {
      c.out.issue({ severity: 'warning', code: 'other', where: c.path, message: `the new value of ${codeSetText(codes)} is announced but not found in the new wording` }, c.span[0]);
    }
  });
  return 0;
};

/** "les numéros de prestations n°s X et Y sont supprimés" (from a text, not the services themselves). */
const codesRemoved: Recogniser = (c) => {
  const m = first(c.g.codesRemoved, c.skeleton);
  if (!m) return null;
  emit(c, { op: 'remove-codes-from-text', codes: allCodes(codeSets(m.groups!.codes)) });
  return 0;
};

/**
 * "la prestation n° X est supprimée", "les prestations n°s X et Y sont supprimées / abrogées",
 * "la prestation X et les règles d'application qui la concernent sont supprimées" (its rules go too).
 */
const servicesDeleted: Recogniser = (c) => {
  let found = false;
  for (const m of all(c.g.servicesDeleted, c.skeleton)) {
    const sets = m.groups!.codes ? codeSets(m.groups!.codes) : codeSetsOf(quoteText(c, Number(m.groups!.quoted)));
    if (!sets.length) continue;
    for (const codes of sets) emit(c, { op: 'delete-service', codes });
    if (m.groups!.withRules) emit(c, { op: 'repeal-rule', codes: allCodes(sets), text: null }, [], c.span, `repeals the rules of application of ${sets.map(codeSetText).join(', ')}`);
    found = true;
  }
  return found ? 0 : null;
};

/**
 * "le point b) et les prestations qu'il comporte sont supprimés": the point goes, and with it
 * services that the act does not name. Their codes are not in the text: nothing is deleted by
 * guess, and the user is told which services may still show as in force.
 */
const pointDeleted: Recogniser = (c) => {
  const m = first(c.g.pointDeleted, c.skeleton);
  if (!m) return null;
  const point = m.groups!.point;
  emit(c, { op: 'replace-text', old: null, new: '', codes: [] }, [point], c.span, 'the point is repealed with the services it holds');
  c.out.issue({
    severity: 'warning', code: 'other', where: c.path,
    message: `point ${point}${c.target.article ? ` of article ${targetText(c.target)}` : ''} is deleted with the services it holds, which the act does not name: those services are not marked deleted`,
  }, c.span[0]);
  return 0;
};

/** Emits the insertion of one service of a quoted block (an issue when it has no code). */
function insertService(c: Clause, service: BlockService, after: string | null, many: boolean, note?: string): void {
  if (!service.codes) {
    c.out.issue({ severity: 'warning', code: 'other', where: c.path, message: `inserted service without a code: "${service.label}"` }, c.span[0]);
    c.out.unparsedAt(c.path, service.span);
    return;
  }
  const notes = [many ? `in: ${instruction(c)}` : undefined, note].filter(Boolean).join('; ') || undefined;
  const provenance = c.out.provenance(c.path, many ? service.span : c.span, notes);
  const nomenclatureArticle = targetText(c.target);
  c.out.amend({
    op: 'insert-service',
    service: { codes: service.codes, label: service.label || null, value: service.value, nomenclatureArticle, heading: service.heading, provenance },
    after,
  }, c.path, nomenclatureArticle, c.effective, provenance);
}

/**
 * "la prestation n° X est remplacée par la prestation suivante : «…»": a new wording of the same
 * service (label, and value from an unstated old one); when the new wording has other codes, the
 * old service is deleted and the new ones inserted.
 */
const serviceReplaced: Recogniser = (c) => {
  const m = first(c.g.serviceReplaced, c.skeleton);
  if (!m) return null;
  const stated = codeSets(m.groups!.codes);
  const ks = placeholders(c.skeleton.slice(m.index + m[0].length));
  const services = ks.flatMap((k) => parseServiceBlock(c.raw, c.quotes[k].open + 1, c.quotes[k].close).services);
  if (!services.length || !stated.length) return null;
  const many = services.length > 1;
  const same = services.length === stated.length && services.every((sv, i) =>
    !sv.codes || sameCodeSet(sv.codes, stated[i]) || (soundPair(sv.codes) && !soundPair(stated[i])));
  if (same) {
    services.forEach((sv, i) => {
      const { codes, note } = resolveCodes(c, stated[i], sv.codes);
      if (!codes) return;
      const span = many ? sv.span : c.span;
      const notes = [many ? `in: ${instruction(c)}` : undefined, note].filter(Boolean).join('; ') || undefined;
      if (sv.label) emit(c, { op: 'change-label', codes, label: sv.label }, [], span, notes);
      if (sv.value) emit(c, { op: 'change-value', codes, from: null, to: sv.value }, [], span, notes);
    });
    return 0;
  }
  const newCodes = services.flatMap((sv) => (sv.codes ? [codeSetText(sv.codes)] : []));
  for (const codes of stated) emit(c, { op: 'delete-service', codes }, [], c.span, `replaced by ${newCodes.join(', ')}`);
  for (const sv of services) insertService(c, sv, null, many, `replaces ${stated.map(codeSetText).join(', ')}`);
  return 0;
};

/**
 * "la prestation suivante est insérée (après la prestation n° X) : «…»", "les prestations
 * (et la règle d'application) suivantes sont ajoutées / introduites …". A quoted block of codes
 * alone (no label, no value) is a list the codes join, not a definition of services.
 */
const servicesInserted: Recogniser = (c) => {
  const m = first(c.g.servicesInserted, c.skeleton);
  if (!m) return null;
  const withRule = !!m.groups?.withRules;
  // The quoted services follow the instruction and its colon; a quote before them names a heading of the locator.
  const end = m.index + m[0].length;
  const colon = c.skeleton.indexOf(':', end);
  const ks = [colon, end, m.index].map((at) => (at < 0 ? [] : placeholders(c.skeleton.slice(at)))).find((list) => list.length) ?? [];
  const found: BlockService[] = [];
  let trailing: [number, number] | null = null;
  for (const k of ks) {
    const block = parseServiceBlock(c.raw, c.quotes[k].open + 1, c.quotes[k].close);
    found.push(...block.services);
    if (block.trailing) trailing = block.trailing;
  }
  if (!found.length) return null;
  // "after service X" is said in the instruction, before the quoted services (a heading quoted in the locator comes before too).
  const anchor = c.g.insertAnchor.exec(ks.length ? c.skeleton.slice(0, c.skeleton.indexOf(`«${ks[0]}»`)) : c.skeleton);
  const pos = anchor ? c.g.position(anchor.groups!.pos) : null;
  const after = pos === 'after' ? anchor!.groups!.codes : null;
  const anchorNote = pos === 'before' ? `inserted before ${anchor!.groups!.codes}` : undefined;
  if (!withRule && !trailing && found.every((sv) => !sv.value) && (found.every((sv) => !sv.label) || ks.every((k) => onlyCodes(quoteText(c, k))))) return listAddition(c, ks);
  for (const service of found) insertService(c, service, after, found.length > 1, anchorNote);
  let consumed = 0;
  if (withRule) {
    const ranges = trailing ? [trailing] : c.following.map((f) => f.span);
    if (!trailing) consumed = c.following.length;
    if (ranges.length) {
      const body = c.out.ruleText(c.path, ranges, ruleNote(c));
      const span: [number, number] = [ranges[0][0], ranges[ranges.length - 1][1]];
      emit(c, { op: 'insert-rule', codes: body.codes, text: body.text, replaces: null }, [], span, `in: ${instruction(c)}`);
    } else {
      c.out.issue({ severity: 'warning', code: 'other', where: c.path, message: 'a rule of application is announced but no rule text follows the services' }, c.span[0]);
    }
  } else if (trailing) {
    c.out.unparsedAt(c.path, trailing);
  }
  return consumed;
};

/** True when a quoted text is codes and separators only (headings ending with ":" aside). */
function onlyCodes(text: string): boolean {
  const rest = text.split('\n').filter((line) => !/:\s*$/.test(line)).join(' ');
  return codeSetsOf(rest).length > 0 && rest.replace(/\d{6}(?:\s*-\s*\d{6})?/g, '').replace(/\b(?:et|ou|en|of|n°s?|nrs?\.?)\b|[\s,;.]/gi, '') === '';
}

/** Quoted codes (with their headings) added to a list of the nomenclature. */
function listAddition(c: Clause, ks: number[]): number | null {
  const text = ks.map((k) => inlineText(quoteText(c, k))).join('\n');
  const sets = codeSetsOf(text);
  if (!sets.length) return null;
  emit(c, { op: 'replace-text', old: null, new: text, codes: allCodes(sets) }, [], c.span, `codes added to a list: ${sets.map(codeSetText).join(', ')}`);
  return 0;
}

/** "la prestation 688494 est introduite après la prestation 688472": a code added to a list, after another. */
const codeAddedToList: Recogniser = (c) => {
  const m = first(c.g.codeAddedToList, c.skeleton);
  if (!m) return null;
  const g = m.groups!;
  const sets = codeSets(g.codes);
  emit(c, { op: 'replace-text', old: null, new: `n° ${sets.map(codeSetText).join(', ')}`, codes: allCodes(sets) }, [], c.span,
    `code added to a list, ${c.g.position(g.pos) === 'after' ? 'after' : 'before'} n° ${g.ref}`);
  return 0;
};

/**
 * "la règle d'application suivante est ajoutée après la prestation n° X", "la disposition
 * suivante est insérée après le 1er alinéa", "un alinéa (d)), rédigé comme suit, est inséré",
 * "… est complété par l'alinéa suivant".
 */
const ruleInserted: Recogniser = (c) => {
  const m = first(c.g.ruleInserted, c.skeleton);
  if (!m) return null;
  const g = m.groups ?? {};
  const extra: string[] = [];
  if (g.point) extra.push(g.point);
  if (g.object) {
    const parts = objectParts(g.object);
    if (parts) extra.push(...parts);
  }
  const head = c.skeleton.slice(0, c.skeleton.indexOf('«') < 0 ? undefined : c.skeleton.indexOf('«'));
  const pos = c.g.insertPosition.exec(head);
  let note: string | undefined;
  if (pos) {
    const p = pos.groups!;
    const alinea = p.alineaOrd ?? p.alinea;
    const where = p.codes ? `service ${p.codes.replace(/ /g, '')}` : alinea ? `alinéa ${ordinalText(alinea) ?? alinea}` : p.point ? `${p.point}°` : '';
    note = `inserted ${c.g.position(p.pos) === 'after' ? 'after' : 'before'} ${where}`;
  } else if (g.object) note = 'added at the end';
  const { ranges, consumed } = ruleRanges(c, m.index + m[0].length);
  if (!ranges.length) return null;
  const body = c.out.ruleText(c.path, ranges, ruleNote(c, extra));
  emit(c, { op: 'insert-rule', codes: body.codes, text: body.text, replaces: null }, extra, c.span, note);
  return consumed;
};

/**
 * A provision replaced, completed or repealed: "le § 7 est remplacé par la disposition suivante",
 * "le 2e alinéa est remplacé par", "le libellé du 4° est modifié comme suit", "le 1er alinéa est
 * complété par «ou neurologie»", "le dernier alinéa du 1° est complété par le service «Tf»".
 */
const provisionChanged: Recogniser = (c) => {
  for (const m of all(c.g.provisionChanged, c.skeleton)) {
    const phrase = m.groups!.object.replace(c.g.provisionObject, '');
    const parts = objectParts(phrase);
    if (!parts) continue;
    const op = c.g.operation(m.groups!.verb);
    const rest = c.skeleton.slice((m.index ?? 0) + m[0].length);
    if (op === 'delete') {
      emit(c, { op: 'replace-text', old: null, new: '', codes: [] }, parts, c.span, 'the provision is repealed');
      return 0;
    }
    if (op === 'complete') {
      // What follows "complété par": a quoted text, maybe with words around it ("le service «Tf»").
      const said = cleanText(c.raw.slice(c.span[0], c.span[1])).replace(c.g.completedBy, '').replace(/[.;]$/, '');
      const ks = placeholders(rest);
      const added = ks.length === 1 ? inlineText(quoteText(c, ks[0])) : unquote(said);
      const outside = ks.length === 1 && squash(rest.replace(/«\d+»/, '').replace(c.g.wordsNoun, '').replace(/[.;]\s*$/, '')) !== '';
      const note = outside ? `words added at the end; the act says: completed by ${said.replace(/"\s*([^"]*?)\s*"/g, '"$1"')}` : 'words added at the end';
      emit(c, { op: 'replace-text', old: null, new: added, codes: allCodes(codeSetsOf(added)) }, parts, c.span, note);
      return 0;
    }
    const { ranges, consumed } = ruleRanges(c, (m.index ?? 0) + m[0].length);
    if (!ranges.length) continue;
    const body = replacementBody(c, ranges, parts);
    emit(c, { op: 'replace-text', old: null, new: body.text, codes: body.codes }, parts, c.span, `replaces the whole of ${parts.join(', ')}`);
    return consumed;
  }
  return null;
};

/** An intro announcing the points that follow ("sont apportées les modifications suivantes :"). */
const announcesPoints: Recogniser = (c) => (c.hasChildren && c.g.announcesPoints.test(c.skeleton) ? 0 : null);

/** Runs `r` only when the sentence contains one of the grammar's guard words for it: a cheap test that spares most regex scans. */
function guarded(name: GuardedRecogniser, r: Recogniser): Recogniser {
  return (c) => (c.g.guards[name].some((w) => c.skeleton.includes(w)) ? r(c) : null);
}

/** The recognisers, most specific first. */
export const RECOGNISERS: Recogniser[] = [
  guarded('entryOrFormula', entryOrFormula),
  guarded('wordsChanged', wordsChanged),
  guarded('textBetween', textBetween),
  guarded('ruleAnchor', codeIntoRule),
  guarded('ruleAnchor', ruleCompletedWithCodes),
  guarded('ruleAnchor', ruleReplaced),
  guarded('valueChanged', valueChanged),
  guarded('relabelled', relabelled),
  guarded('service', serviceReplaced),
  guarded('codesRemoved', codesRemoved),
  guarded('service', servicesDeleted),
  guarded('pointDeleted', pointDeleted),
  guarded('service', codeAddedToList),
  guarded('servicesInserted', servicesInserted),
  guarded('ruleInserted', ruleInserted),
  guarded('provisionChanged', provisionChanged),
  announcesPoints,
];
