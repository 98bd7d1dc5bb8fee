/**
 * Turns a parsed document into facts keyed by code: definitions, value and label changes,
 * deletions, fee rows and mere mentions. Consolidation folds these per code over time.
 */
import type { Amendment, CodeSet, DateBounds, ParsedDocument, Provenance, Value, FeeRow } from '../facts.js';
import { firstOfMonthAfter, type IsoDate } from '../date.js';
import { isPair } from '../code.js';
import { fold } from '../text.js';
import { mentions } from '../corpus/mentions.js';
import type { SourceRef } from './types.js';

/** A pair as the code's twin relation. */
export type Pair = { ambulatory: string; hospitalised: string };

interface FactBase {
  code: string;
  document: string;
  /** Order of the fact inside its document. */
  seq: number;
  source: SourceRef;
}

/** A dated change: when `effective` is null, `bounds` keeps what is known of the date (absent: nothing). */
interface Dated {
  effective: IsoDate | null;
  bounds?: DateBounds | null;
}

/** One dated fact about one code. */
export type CodeFact =
  | (FactBase & Dated & {
      op: 'define';
      /** Last day of validity (inclusive), e.g. a convention's end, or null. */
      until: IsoDate | null;
      /** Why the period is what it is: the act's entry into force, the convention's period. */
      periodBasis: string;
      pair: Pair | null;
      value: Value | null;
      /** French label (null: not given in French). */
      label: string | null;
      /** Dutch label; absent in facts stored before labels were kept per language. */
      labelNl?: string | null;
      article: string | null;
      convention: string | null;
    })
  | (FactBase & Dated & { op: 'value'; article: string | null; from: Value | null; to: Value })
  | (FactBase & Dated & { op: 'label'; article: string | null; /** French (null: changed in Dutch only) */ label: string | null; labelNl?: string | null })
  | (FactBase & Dated & { op: 'delete'; article: string | null })
  /** Words of the label replaced, deleted (new '') or added at the end (old null), in the act's language. */
  | (FactBase & Dated & { op: 'words'; article: string | null; language: 'fr' | 'nl'; old: string | null; new: string })
  | (FactBase & {
      op: 'fee';
      validFrom: IsoDate | null;
      validTo: IsoDate | null;
      /** Why the row stops applying after validTo (indexation, end of convention). */
      endReason: string | null;
      keyLetter: string;
      coefficient: string;
      relativeValue: string;
      fee: string;
      preferential: string | null;
      standard: string | null;
    })
  | (FactBase & {
      op: 'coefficient';
      keyLetter: string;
      validFrom: IsoDate;
      validTo: IsoDate | null;
      coefficient: string;
    })
  | (FactBase & {
      op: 'mention';
      pair: Pair | null;
      /** The rule of application that names the code, if the mention is in one. */
      rule: { id: string; from: IsoDate | null; until: IsoDate | null } | null;
    });

/** Facts about a code range ("598006 à 599023") carry this code: `range:598006-599023`. */
export const RANGE_PREFIX = 'range:';

/** Facts about every code of a key letter (coefficients) carry this code: `key:K`. */
export const KEY_PREFIX = 'key:';

/** True for a fact that is not about one code but about a range or a key letter. */
export function isGlobalFact(factCode: string): boolean {
  return factCode.startsWith(RANGE_PREFIX) || factCode.startsWith(KEY_PREFIX);
}

/** True when a range or key-letter fact may concern `code` (key letters are matched later, on the date). */
export function globalCovers(factCode: string, code: string): boolean {
  if (factCode.startsWith(KEY_PREFIX)) return true;
  const [from, to] = factCode.slice(RANGE_PREFIX.length).split('-');
  return code >= from && code <= to;
}

export type CodeFactOp = CodeFact['op'];

function ref(p: Provenance, note?: string): SourceRef {
  const r: SourceRef = { document: p.document, article: p.article, text: p.text };
  if (note ?? p.note) r.note = note ?? p.note;
  if (p.language) r.language = p.language;
  return r;
}

/**
 * A label in both languages: a merged FR+NL document gives `label` (French) and `labelNl`;
 * a one-language text gives `label` in its own language.
 */
export function labelsOf(doc: ParsedDocument, x: { label: string | null; labelNl?: string | null }): { fr: string | null; nl: string | null } {
  // A merged label change stated in Dutch only has an empty French label: unknown, not empty.
  if (x.labelNl !== undefined) return { fr: x.label === '' ? null : x.label, nl: x.labelNl };
  return doc.language === 'nl' ? { fr: null, nl: x.label } : { fr: x.label, nl: null };
}

function membersOf(c: CodeSet): { code: string; pair: Pair | null }[] {
  if (c.kind === 'single') return [{ code: c.code, pair: null }];
  const pair = isPair(c.ambulatory, c.hospitalised) ? { ambulatory: c.ambulatory, hospitalised: c.hospitalised } : null;
  return [{ code: c.ambulatory, pair }, { code: c.hospitalised, pair }];
}

const INDEXATION = /index[ea]\w* annuellement au 1er janvier/;

/** The period a convention's facts hold in, and why. */
export function conventionPeriod(doc: ParsedDocument): { from: IsoDate | null; until: IsoDate | null; basis: string } {
  const d = doc.dates;
  if (d.entryIntoForce) {
    return { from: d.entryIntoForce, until: d.validUntil, basis: `convention in force ${d.entryIntoForce}${d.validUntil ? ` to ${d.validUntil} inclusive` : ''} (${d.entryIntoForceBasis})` };
  }
  if (d.version) {
    // Effects start per institution after its signature; no signature precedes the version date.
    const from = firstOfMonthAfter(d.version, 1);
    return { from, until: d.validUntil, basis: `${d.entryIntoForceBasis}; earliest possible start ${from} (first day of the month after the version dated ${d.version}); each institution's own start follows its signature` };
  }
  return { from: null, until: d.validUntil, basis: d.entryIntoForceBasis };
}

/** Finds the annual-indexation sentence of a document, if any. */
function indexationClause(doc: ParsedDocument): { text: string; where: string } | null {
  for (const s of [...doc.rules.map((r) => ({ text: r.text, where: r.article })), ...doc.unparsed]) {
    if (INDEXATION.test(fold(s.text))) return s;
  }
  return null;
}

function feeFacts(doc: ParsedDocument, row: FeeRow, from: IsoDate | null, until: IsoDate | null, seq: () => number): CodeFact[] {
  let validTo = row.validTo ?? until;
  let endReason: string | null = until ? `the convention ends on ${until}` : null;
  const idx = indexationClause(doc);
  const start = row.validFrom ?? from;
  if (idx && start) {
    // Amounts are indexed each 1 January: the printed amounts hold until the 31 December after they start.
    const yearEnd = `${start.slice(0, 4)}-12-31`;
    if (!validTo || yearEnd < validTo) {
      validTo = yearEnd;
      endReason = `amounts indexed each 1 January (${idx.where}: "${idx.text}"); the corpus holds no indexed amount after ${yearEnd}`;
    }
  }
  const out: CodeFact[] = [];
  const cols = row.reimbursement;
  for (const { code, pair } of membersOf(row.codes)) {
    const hospitalised = pair !== null && code === pair.hospitalised;
    out.push({
      op: 'fee', code, document: doc.id, seq: seq(), source: ref(row.provenance),
      validFrom: start, validTo, endReason,
      keyLetter: row.keyLetter, coefficient: row.coefficient, relativeValue: row.relativeValue, fee: row.fee,
      preferential: hospitalised ? cols.hospitalisedPreferential : cols.ambulatoryPreferential,
      standard: hospitalised ? cols.hospitalisedStandard : cols.ambulatoryStandard,
    });
  }
  return out;
}

/** The date of a change and, when it is unknown, what is known of it (the key is absent when the date is known). */
function dated(effective: IsoDate | null, bounds: DateBounds | null | undefined): Dated {
  return effective === null ? { effective, bounds: bounds ?? null } : { effective };
}

/** An amendment's date, its bounds falling back on the document's. */
function amendmentDate(a: Amendment, doc: ParsedDocument): Dated {
  return dated(a.effective, a.effectiveBounds ?? doc.dates.entryIntoForceBounds);
}

/** All facts a document states about codes, in document order. */
export function codeFacts(doc: ParsedDocument): CodeFact[] {
  let n = 0;
  const seq = () => n++;
  const out: CodeFact[] = [];
  const document = doc.id;
  const period = doc.kind === 'convention' ? conventionPeriod(doc) : null;

  for (const s of doc.services) {
    const fromFee = s.value ? null : doc.fees.find((f) => sameCodes(f.codes, s.codes));
    const value = s.value ?? (fromFee ? { keyLetter: fromFee.keyLetter, relativeValue: fromFee.relativeValue } : null);
    for (const { code, pair } of membersOf(s.codes)) {
      out.push({
        op: 'define', code, document, seq: seq(), source: ref(s.provenance),
        ...dated(period?.from ?? doc.dates.entryIntoForce, doc.dates.entryIntoForceBounds), until: period?.until ?? null,
        periodBasis: period?.basis ?? doc.dates.entryIntoForceBasis,
        pair, value, ...labelFields(doc, s), article: s.nomenclatureArticle, convention: doc.convention,
      });
    }
  }
  for (const a of doc.amendments) {
    const source = ref(a.provenance);
    const effective = a.effective;
    switch (a.op) {
      case 'insert-service':
        for (const { code, pair } of membersOf(a.service.codes)) {
          out.push({
            op: 'define', code, document, seq: seq(), source, ...amendmentDate(a, doc), until: null,
            periodBasis: `inserted by ${a.source} with effect from ${effective ?? 'an unknown date'} (${doc.dates.entryIntoForceBasis})`,
            pair, value: a.service.value, ...labelFields(doc, a.service), article: a.service.nomenclatureArticle ?? a.target, convention: null,
          });
        }
        break;
      case 'delete-service':
        for (const { code } of membersOf(a.codes)) out.push({ op: 'delete', code, document, seq: seq(), source, ...amendmentDate(a, doc), article: a.target });
        break;
      case 'change-value':
        for (const { code } of membersOf(a.codes)) out.push({ op: 'value', code, document, seq: seq(), source, ...amendmentDate(a, doc), article: a.target, from: a.from, to: a.to });
        break;
      case 'change-label':
        for (const { code } of membersOf(a.codes)) out.push({ op: 'label', code, document, seq: seq(), source, ...amendmentDate(a, doc), article: a.target, ...labelFields(doc, a) });
        break;
      case 'replace-text':
        for (const code of a.inLabelOf ?? []) {
          out.push({ op: 'words', code, document, seq: seq(), source, ...amendmentDate(a, doc), article: a.target, language: a.provenance.language ?? doc.language ?? 'fr', old: a.old, new: a.new });
        }
        break;
      default:
        break; // rule and text amendments do not change a code's state; their codes are mentions below
    }
  }
  for (const c of doc.coefficients ?? []) {
    for (const code of c.codes ?? [`${KEY_PREFIX}${c.keyLetter}`]) {
      out.push({ op: 'coefficient', code, document, seq: seq(), source: ref(c.provenance), keyLetter: c.keyLetter, validFrom: c.from, validTo: c.to, coefficient: c.coefficient });
    }
  }
  for (const f of doc.fees) out.push(...feeFacts(doc, f, period?.from ?? doc.dates.entryIntoForce, period?.until ?? null, seq));
  // Every rule of application names codes (and ranges): one mention per code and rule.
  const from = period?.from ?? doc.dates.entryIntoForce;
  const until = period?.until ?? null;
  const named = new Set<string>();
  for (const r of doc.rules) {
    const rule = { id: r.id, from, until };
    const pairs = pairsIn(r.text);
    for (const code of r.codes) {
      named.add(code);
      out.push({ op: 'mention', code, document, seq: seq(), source: ref(r.provenance), pair: pairs.get(code) ?? null, rule });
    }
    for (const [a, b] of r.ranges) {
      out.push({ op: 'mention', code: `${RANGE_PREFIX}${a}-${b}`, document, seq: seq(), source: ref(r.provenance), pair: null, rule });
    }
  }
  // Codes named elsewhere (in an amendment's text) without a rule: still known to the corpus.
  for (const a of doc.amendments) {
    const pairs = pairsIn(a.provenance.text);
    for (const code of mentions(a.provenance.text).codes) {
      if (named.has(code)) continue;
      named.add(code);
      out.push({ op: 'mention', code, document, seq: seq(), source: ref(a.provenance), pair: pairs.get(code) ?? null, rule: null });
    }
  }
  return out;
}

/** A fact's label fields: `labelNl` only when a Dutch label is known, so that French-only facts keep their shape. */
function labelFields(doc: ParsedDocument, x: { label: string | null; labelNl?: string | null }): { label: string | null; labelNl?: string | null } {
  const { fr, nl } = labelsOf(doc, x);
  return nl === null ? { label: fr } : { label: fr, labelNl: nl };
}

/** The valid pairs a text names, by member code. */
function pairsIn(text: string): Map<string, Pair> {
  const by = new Map<string, Pair>();
  for (const [a, b] of mentions(text).pairs) {
    if (!isPair(a, b)) continue;
    const p = { ambulatory: a, hospitalised: b };
    by.set(a, p);
    by.set(b, p);
  }
  return by;
}

function sameCodes(a: CodeSet, b: CodeSet): boolean {
  if (a.kind === 'single' || b.kind === 'single') return a.kind === b.kind && (a as { code: string }).code === (b as { code: string }).code;
  return a.ambulatory === b.ambulatory && a.hospitalised === b.hospitalised;
}
