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
}

/** Reads a clause; returns how many following sentences it used, or null when it does not apply. */
export type Recogniser = (c: Clause) => number | null;

// Patterns match the folded form (see matchForm): lower case, no accents, "n°" written "no".
const CODE = String.raw`\d{6}(?: ?- ?\d{6})?`;
const CODES = String.raw`${CODE}(?:(?:,| et|, et| ou) (?:nos? )?${CODE})*`;
const NO = String.raw`(?:nos? )?`;
const INS = String.raw`(?:inseree?s?|ajoutee?s?|introduite?s?)`;
const DEL = String.raw`(?:supprimee?s?|abrogee?s?|retiree?s?|radiee?s?)`;
const QLIST = String.raw`«\d+»(?:(?:,| et|, et| ou) «\d+»)*`;

const RULE_ANCHOR = String.raw`la (?:(\S+) )?regles? d'application (?:qui (?:suit|suivent)|suivant) (?:la prestation|les prestations) ${NO}(${CODES})`;
const OBJ = String.raw`(?:la|les) prestations? (et (?:la|les) regles? d'application )?suivantes?`;
const WORDS_CHANGED = new RegExp(String.raw`\b(?:les mots|le mot|les termes|le terme|la phrase|les phrases|la mention|les mentions|le chiffre|les chiffres|la date|les dates) (${QLIST}),? (?:(?:est|sont) )?(?:respectivement )?(remplacee?s?|${DEL}|${INS})(?: respectivement)?(?: par (?:les mots |le mot |les termes |le terme )?(${QLIST})| (apres|avant) (?:les mots |le mot |les termes |le terme )?«(\d+)»| entre (?:les mots |le mot |les termes |le terme )?«(\d+)» et (?:les mots |le mot |les termes |le terme )?«(\d+)»)?`, 'g');
const LABEL_ANCHOR = new RegExp(String.raw`\ble libelle (?:de la prestation|des prestations) ${NO}(${CODES})`);
const CODE_INTO_RULE = new RegExp(String.raw`${RULE_ANCHOR},? (?:le|les) ${NO}(${CODES}) (?:est|sont) ${INS} (apres|avant) (?:le |les )?${NO}(${CODES})`);
const RULE_COMPLETED = new RegExp(String.raw`${RULE_ANCHOR},? (?:est|sont) completee?s? par (?:le |les )?${NO}(${CODES})`);
const RULE_REPLACED = new RegExp(String.raw`${RULE_ANCHOR},? (?:est|sont) (?:(remplacee?s? (?:par|comme suit)|modifiee?s? comme suit|redigee?s? comme suit)|(${DEL}))`);
const VALUE_CHANGED = new RegExp(String.raw`\b(?:la|les) valeurs? relatives? (?:«(\d+)» )?(?:de la prestation|des prestations) ${NO}(${CODES}),? (?:est|sont) (?:modifiee?s? en|remplacee?s? par|portee?s? a|fixee?s? a|changee?s? en) (?:«(\d+)»|([a-z]) (\d[\d.,]*\d|\d))`, 'g');
const RELABELLED = new RegExp(String.raw`\b(?:le|les) libelles?( et (?:la|les) valeurs? relatives?)? (?:de la prestation|des prestations) (?:(suivantes)|${NO}(${CODES})) (?:est|sont) (?:modifiee?s?|remplacee?s?|redigee?s?) (?:comme suit|par ce qui suit|par)`);
const CODES_REMOVED = new RegExp(String.raw`\b(?:les|le) (?:numeros?|codes?)(?: de (?:la |des )?prestations?| de code)? ${NO}(${CODES}),? (?:est|sont) ${DEL}`);
const SERVICES_DELETED = new RegExp(String.raw`\b(?:la|les) prestations? ${NO}(${CODES}),? (?:est|sont) ${DEL}`, 'g');
const SERVICE_REPLACED = new RegExp(String.raw`\b(?:la|les) prestations? ${NO}(${CODES}),? (?:est|sont) (?:remplacee?s?|modifiee?s?) (?:par (?:la|les) (?:prestations?|dispositions?) suivantes?|par ce qui suit|comme suit|par)`);
const SERVICES_INSERTED = new RegExp(String.raw`\b${OBJ},? (?:est|sont) ${INS}|\b(?:est|sont) ${INS},? (?:[^«]{0,120}?)${OBJ}`);
// The object is the short phrase right before the verb (no comma in between): "le 2e alinea est remplace".
const PROVISION_CHANGED = /((?:le|la|les|l') ?[^,;:«]{1,60}?) (?:est|sont) (remplacee?s? (?:par|comme suit)|modifiee?s? comme suit|redigee?s? comme suit|completee?s? par|abrogee?s?|supprimee?s?)/g;
const INSERT_ANCHOR = new RegExp(String.raw`\b(apres|avant) (?:la |le |les )*(?:prestations? )?${NO}(\d{6})`);
const INSERT_POSITION = new RegExp(String.raw`\b(apres|avant) (?:(?:la |les )(?:prestations? )?${NO}(${CODE})|le (\S+) alinea|l'alinea (\S+)|le (\S+)°)`);
const RULE_INSERTED_FORMS = [
  new RegExp(String.raw`\b(?:la|les|une|des) (?:regles? d'application|dispositions?|phrases?|alineas?)(?: suivantes?)?(?:,? redigee?s? comme suit,?)? (?:est|sont) ${INS}`),
  new RegExp(String.raw`\b(?:un|une) (?:alinea|littera|point|phrase|disposition)(?: ([a-z]\)|\d+°))?(?:,? redige(?:e)? comme suit,?)? (?:est|sont) ${INS}`),
  new RegExp(String.raw`\b(?:est|sont) ${INS},? (?:[^«]{0,120}?)(?:la|les|une|un) (?:regles? d'application|dispositions?|phrases?|alineas?)(?: suivante?s?|,? redigee?s? comme suit)`),
  new RegExp(String.raw`((?:le|la|les|l') ?[^,;:«]{1,90}?) (?:est|sont) completee?s? par (?:l'alinea|les alineas|la disposition|les dispositions|la phrase|les phrases|la regle d'application|les regles d'application|un alinea|une phrase|une disposition)(?: suivante?s?|,? redigee?s? comme suit)`),
];

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

/** Entry-into-force clauses (read by the dates pass) and the execution formula: no amendment. */
const entryOrFormula: Recogniser = (c) =>
  /\bentre(?:nt)? en vigueur\b|\bprodui(?:t|sent) (?:ses|leurs) effets\b|\bsort(?:ent)? (?:ses|leurs) effets\b|\bcharges? de l'execution\b/.test(c.skeleton) ? 0 : null;

/** "les mots «X» sont remplacés par «Y»", also lists, "respectivement", deletion and insertion of words. */
const wordsChanged: Recogniser = (c) => {
  // "dans le libellé de la prestation n° X, les mots …": the words belong to that service's label.
  const anchor = LABEL_ANCHOR.exec(c.skeleton);
  const anchorCodes = anchor ? allCodes(codeSets(anchor[1])) : [];
  const anchorNote = anchor ? `in the label of ${codeSets(anchor[1]).map(codeSetText).join(', ')}` : undefined;
  const withAnchor = (codes: string[]) => [...new Set([...anchorCodes, ...codes])];
  const noted = (note?: string) => [anchorNote, note].filter(Boolean).join('; ') || undefined;
  let found = false;
  for (const m of c.skeleton.matchAll(WORDS_CHANGED)) {
    const olds = placeholders(m[1]).map((k) => inlineText(quoteText(c, k)));
    const verb = m[2];
    if (verb.startsWith('remplace') && m[3]) {
      const news = placeholders(m[3]).map((k) => inlineText(quoteText(c, k)));
      olds.forEach((old, i) => {
        const nw = news.length === olds.length ? news[i] : news[0];
        emit(c, { op: 'replace-text', old, new: nw, codes: withAnchor(allCodes(codeSetsOf(old + ' ' + nw))) }, [], c.span, noted());
      });
      found = true;
    } else if (/^(?:suppr|abrog|retir|radi)/.test(verb)) {
      for (const old of olds) emit(c, { op: 'replace-text', old, new: '', codes: withAnchor(allCodes(codeSetsOf(old))) }, [], c.span, noted('words deleted'));
      found = true;
    } else if (m[4] || m[6]) {
      // "les mots «X» sont insérés après / avant / entre les mots «Y» (et «Z»)": rewrite the anchor.
      const words = olds.join(' ');
      const q = (k: string) => inlineText(quoteText(c, Number(k)));
      const [old, nw, where] = m[4] === 'apres' ? [q(m[5]), `${q(m[5])} ${words}`, 'after']
        : m[4] === 'avant' ? [q(m[5]), `${words} ${q(m[5])}`, 'before']
        : [`${q(m[6])} ${q(m[7])}`, `${q(m[6])} ${words} ${q(m[7])}`, 'between'];
      emit(c, { op: 'replace-text', old, new: nw, codes: withAnchor(allCodes(codeSetsOf(words))) }, [], c.span, noted(`words inserted ${where} the quoted words`));
      found = true;
    }
  }
  return found ? 0 : null;
};

/** "le texte commençant par «A» et se terminant par «B» est remplacé par : «…»". */
const textBetween: Recogniser = (c) => {
  const m = /\ble texte (?:commencant|debutant) par «(\d+)» et (?:se terminant|finissant|s'achevant) par «(\d+)»,? (?:est|sont) remplace (?:par|comme suit)/.exec(c.skeleton);
  if (!m) return null;
  const first = inlineText(quoteText(c, Number(m[1]))).replace(/\s*(?:\.\.\.|…)$/, '');
  const last = inlineText(quoteText(c, Number(m[2]))).replace(/^(?:\.\.\.|…)\s*/, '');
  const { ranges, consumed } = ruleRanges(c, m.index + m[0].length);
  const body = replacementBody(c, ranges, []);
  emit(c, { op: 'replace-text', old: `${first} … ${last}`, new: body.text, codes: body.codes });
  return consumed;
};

/** The new text of a replacement: its paragraphs; its sentences become rule texts when they are whole sentences. */
function replacementBody(c: Clause, ranges: [number, number][], extra: string[]): { text: string; codes: string[] } {
  const sentences = ranges.filter(([s, e]) => isSentenceLike(c.raw.slice(s, e)));
  if (sentences.length === ranges.length && ranges.length) return c.out.ruleText(c.path, ranges, ruleNote(c, extra));
  const text = ranges.map(([s, e]) => inlineText(c.raw.slice(s, e))).join('\n');
  return { text, codes: allCodes(codeSetsOf(text)) };
}


function anchorPhrase(ord: string | undefined, codes: string): string {
  const o = ord ? ({ premiere: 'première ', deuxieme: 'deuxième ', seconde: 'seconde ', troisieme: 'troisième ', derniere: 'dernière ' } as Record<string, string>)[ord] ?? `${ord} ` : '';
  return `la ${o}règle d'application qui suit la prestation n° ${codes}`;
}

/** "la deuxième règle d'application suivant la prestation n° X, le n° Y est inséré après le n° Z". */
const codeIntoRule: Recogniser = (c) => {
  const m = CODE_INTO_RULE.exec(c.skeleton);
  if (!m) return null;
  const codes = codeSets(m[3]);
  emit(c, { op: 'replace-text', old: null, new: `n° ${codes.map(codeSetText).join(', ')}`, codes: allCodes(codes) }, [], c.span,
    `inserted ${m[4] === 'apres' ? 'after' : 'before'} n° ${m[5]} in ${anchorPhrase(m[1], m[2])}`);
  return 0;
};

/** "la première règle d'application suivant la prestation n° X est complétée par le n° Y". */
const ruleCompletedWithCodes: Recogniser = (c) => {
  const m = RULE_COMPLETED.exec(c.skeleton);
  if (!m) return null;
  const codes = codeSets(m[3]);
  emit(c, { op: 'replace-text', old: null, new: `n° ${codes.map(codeSetText).join(', ')}`, codes: allCodes(codes) }, [], c.span,
    `completes ${anchorPhrase(m[1], m[2])}`);
  return 0;
};

/** "la règle d'application qui suit la prestation n° X est remplacée par / modifiée comme suit", or repealed. */
const ruleReplaced: Recogniser = (c) => {
  const m = RULE_REPLACED.exec(c.skeleton);
  if (!m) return null;
  const anchor = anchorPhrase(m[1], codeSets(m[2]).map(codeSetText).join(', '));
  if (m[4]) {
    emit(c, { op: 'repeal-rule', codes: allCodes(codeSets(m[2])), text: null }, [], c.span, `repeals ${anchor}`);
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
  for (const m of c.skeleton.matchAll(VALUE_CHANGED)) {
    const from = m[1] ? parseValue(quoteText(c, Number(m[1]))) : null;
    const to: Value | null = m[3] ? parseValue(quoteText(c, Number(m[3]))) : parseValue(`${m[4].toUpperCase()} ${m[5]}`);
    if (!to) continue;
    for (const codes of codeSets(m[2])) emit(c, { op: 'change-value', codes, from, to });
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
  const m = RELABELLED.exec(c.skeleton);
  if (!m) return null;
  const withValue = !!m[1];
  const stated = m[3] ? codeSets(m[3]) : [];
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
  const m = CODES_REMOVED.exec(c.skeleton);
  if (!m) return null;
  emit(c, { op: 'remove-codes-from-text', codes: allCodes(codeSets(m[1])) });
  return 0;
};

/** "la prestation n° X est supprimée", "les prestations n°s X et Y sont supprimées / abrogées". */
const servicesDeleted: Recogniser = (c) => {
  let found = false;
  for (const m of c.skeleton.matchAll(SERVICES_DELETED)) {
    for (const codes of codeSets(m[1])) emit(c, { op: 'delete-service', codes });
    found = true;
  }
  return found ? 0 : null;
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
  const m = SERVICE_REPLACED.exec(c.skeleton);
  if (!m) return null;
  const stated = codeSets(m[1]);
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
 * (et la règle d'application) suivantes sont ajoutées / introduites …".
 */
const servicesInserted: Recogniser = (c) => {
  const m = SERVICES_INSERTED.exec(c.skeleton);
  if (!m) return null;
  const withRule = !!(m[1] ?? m[2]);
  const head = c.skeleton.slice(0, c.skeleton.indexOf('«') < 0 ? undefined : c.skeleton.indexOf('«'));
  const anchor = INSERT_ANCHOR.exec(head);
  const after = anchor && anchor[1] === 'apres' ? anchor[2] : null;
  const anchorNote = anchor && anchor[1] === 'avant' ? `inserted before ${anchor[2]}` : undefined;
  const ks = placeholders(c.skeleton.slice(m.index));
  const found: BlockService[] = [];
  let trailing: [number, number] | null = null;
  for (const k of ks) {
    const block = parseServiceBlock(c.raw, c.quotes[k].open + 1, c.quotes[k].close);
    found.push(...block.services);
    if (block.trailing) trailing = block.trailing;
  }
  if (!found.length) return null;
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

/**
 * "la règle d'application suivante est ajoutée après la prestation n° X", "la disposition
 * suivante est insérée après le 1er alinéa", "un alinéa (d)), rédigé comme suit, est inséré",
 * "… est complété par l'alinéa suivant".
 */
const ruleInserted: Recogniser = (c) => {

  let m: RegExpExecArray | null = null;
  let form = -1;
  for (let i = 0; i < RULE_INSERTED_FORMS.length && !m; i++) { m = RULE_INSERTED_FORMS[i].exec(c.skeleton); form = i; }
  if (!m) return null;
  const extra: string[] = [];
  if (form === 1 && m[1]) extra.push(m[1]);
  if (form === 3) {
    const parts = objectParts(m[1]);
    if (parts) extra.push(...parts);
  }
  const head = c.skeleton.slice(0, c.skeleton.indexOf('«') < 0 ? undefined : c.skeleton.indexOf('«'));
  const pos = INSERT_POSITION.exec(head);
  let note: string | undefined;
  if (pos) {
    const where = pos[2] ? `service ${pos[2].replace(/ /g, '')}` : pos[3] || pos[4] ? `alinéa ${ordinalText(pos[3] ?? pos[4]) ?? pos[3] ?? pos[4]}` : pos[5] ? `${pos[5]}°` : '';
    note = `inserted ${pos[1] === 'apres' ? 'after' : 'before'} ${where}`;
  } else if (form === 3) note = 'added at the end';
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
  for (const m of c.skeleton.matchAll(PROVISION_CHANGED)) {
    const phrase = m[1].replace(/^.*\b(?=(?:le|la|les|l')\s?(?:§|\S+ alinea|\S+ et \S+ alineas|alinea|libelle|texte|littera|\d+°|[a-z]\)))/, '');
    const parts = objectParts(phrase);
    if (!parts) continue;
    const verb = m[2];
    const rest = c.skeleton.slice((m.index ?? 0) + m[0].length);
    if (/^(?:abrog|suppr)/.test(verb)) {
      emit(c, { op: 'replace-text', old: null, new: '', codes: [] }, parts, c.span, 'the provision is repealed');
      return 0;
    }
    if (verb.startsWith('complete')) {
      // What follows "complété par": a quoted text, maybe with words around it ("le service «Tf»").
      const said = cleanText(c.raw.slice(c.span[0], c.span[1])).replace(/^.*?\bcompl[ée]t[ée]e?s? par\s+/i, '').replace(/[.;]$/, '');
      const ks = placeholders(rest);
      const added = ks.length === 1 ? inlineText(quoteText(c, ks[0])) : unquote(said);
      const outside = ks.length === 1 && squash(rest.replace(/«\d+»/, '').replace(/\b(?:les mots|le mot|les termes|le terme)\b/, '').replace(/[.;]\s*$/, '')) !== '';
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
const announcesPoints: Recogniser = (c) => {
  if (!c.hasChildren) return null;
  return /\bmodifications suivantes\b|\bcomme suit\b|[:,]$/.test(c.skeleton) ? 0 : null;
};

/** Runs `r` only when the sentence contains one of `words`: a cheap test that spares most regex scans. */
function guarded(words: string[], r: Recogniser): Recogniser {
  return (c) => (words.some((w) => c.skeleton.includes(w)) ? r(c) : null);
}

const CHANGE_VERBS = ['remplac', 'modifi', 'redig', 'complet', 'abrog', 'suppr'];

/** The recognisers, most specific first. */
export const RECOGNISERS: Recogniser[] = [
  guarded(['vigueur', 'effets', 'execution'], entryOrFormula),
  guarded(['mot', 'terme', 'phrase', 'mention', 'chiffre', 'date'], wordsChanged),
  guarded(['le texte'], textBetween),
  guarded(["d'application"], codeIntoRule),
  guarded(["d'application"], ruleCompletedWithCodes),
  guarded(["d'application"], ruleReplaced),
  guarded(['valeur'], valueChanged),
  guarded(['libelle'], relabelled),
  guarded(['prestation'], serviceReplaced),
  guarded(['numero', 'code'], codesRemoved),
  guarded(['prestation'], servicesDeleted),
  guarded(['suivant'], servicesInserted),
  guarded(['inser', 'ajout', 'introdui', 'complet'], ruleInserted),
  guarded(CHANGE_VERBS, provisionChanged),
  announcesPoints,
];
