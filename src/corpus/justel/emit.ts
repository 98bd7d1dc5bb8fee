/**
 * Collects the facts of one act as the recognisers find them: numbers amendments and rules,
 * builds provenance, cuts rule texts into sentences, and keeps issues free of duplicates.
 */
import { ambulatoryTwinOf, checkCode, hospitalisedTwinOf, isValidCode } from '../../code.js';
import type { IsoDate } from '../../date.js';
import type { Amendment, Provenance, RuleText, SourceIssue, Unparsed } from '../../facts.js';
import { fold } from '../../text.js';
import { mentions } from '../mentions.js';
import { repairOcr, sourceText, trimSpan } from './normalise.js';
import { splitSentences } from './structure.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An amendment before it gets its id, source, target, effective date and provenance. */
export type AmendmentDraft = DistributiveOmit<Amendment, 'id' | 'source' | 'target' | 'effective' | 'provenance'>;

/** A rule text as inserted: its paragraphs joined by "\n", and every code it names. */
export interface RuleBody {
  text: string;
  /** Codes named, pairs expanded, range ends included (an amendment has no separate ranges). */
  codes: string[];
}

// A sentence that only refers back ("ces prestations") names the codes of the one before.
const ANAPHORA = /\b(?:ces|cette|ladite|lesdites|ledit|lesdits) (?:prestations?|honoraires|codes?)\b|\bcelles?-ci\b/;

/** Strips the quote marks and spaces around an extracted text. */
export function unquote(text: string): string {
  return text.replace(/^[\s"«“”»]+|[\s"«“”»]+$/g, '');
}

/** True when a text reads as whole sentences (a capital or "4°" first, a final stop), not a few words. */
export function isSentenceLike(text: string): boolean {
  const t = unquote(text).replace(/[;,]$/, '');
  return /^(?:\d+°\s+)?\p{Lu}/u.test(t) && /[.!?]$/.test(t) && t.split(/\s+/).length >= 4;
}

/** The facts of one act, in the order they are found. */
export class Emitter {
  readonly amendments: Amendment[] = [];
  readonly rules: RuleText[] = [];
  private readonly located: { at: number; issue: SourceIssue }[] = [];
  readonly unparsed: Unparsed[] = [];
  private readonly ruleCount = new Map<string, number>();
  private readonly issueKeys = new Set<string>();
  private readonly texts = new Map<string, string>();

  constructor(readonly document: string, readonly raw: string) {}

  /** The source text of [s, e), computed once per span. */
  private textAt(s: number, e: number): string {
    const key = `${s}:${e}`;
    let text = this.texts.get(key);
    if (text === undefined) this.texts.set(key, (text = sourceText(this.raw, s, e)));
    return text;
  }

  /** Provenance of a span of the act at `article`. */
  provenance(article: string, span: [number, number], note?: string): Provenance {
    // Clamped: a quote left open runs to the end of the text, and no further.
    const [s, e] = trimSpan(this.raw, Math.max(0, span[0]), Math.min(span[1], this.raw.length));
    const p: Provenance = { document: this.document, article, span: [s, e], text: this.textAt(s, e) };
    if (note) p.note = note;
    return p;
  }

  /** Adds an amendment stated at `source`, effective on `effective`. */
  amend(draft: AmendmentDraft, source: string, target: string | null, effective: IsoDate | null, provenance: Provenance): Amendment {
    const a = { ...draft, id: `${this.document}#${this.amendments.length + 1}`, source, target, effective, provenance } as Amendment;
    this.amendments.push(a);
    return a;
  }

  /** Adds an issue arising at raw offset `at` (-1: the document as a whole), unless already listed. */
  issue(issue: SourceIssue, at = -1): void {
    const key = `${issue.code}|${issue.where}|${issue.message}`;
    if (this.issueKeys.has(key)) return;
    this.issueKeys.add(key);
    this.located.push({ at, issue });
  }

  /** The issues in document order (document-wide ones first, then by the offset they arise at). */
  get issues(): SourceIssue[] {
    return [...this.located].sort((a, b) => a.at - b.at).map((l) => l.issue);
  }

  /** Lists a normative sentence that produced no fact. */
  unparsedAt(where: string, span: [number, number]): void {
    const [s, e] = trimSpan(this.raw, Math.max(0, span[0]), Math.min(span[1], this.raw.length));
    const text = sourceText(this.raw, s, e);
    if (text && !this.unparsed.some((u) => u.where === where && u.text === text)) this.unparsed.push({ where, text });
  }

  /**
   * Records the rule text found in `ranges` (quoted contents or plain sentences) at `article`:
   * one RuleText per sentence, and the whole text for the amendment that inserts it.
   */
  ruleText(article: string, ranges: [number, number][], note?: string): RuleBody {
    const paragraphs: string[][] = [];
    const codes = new Set<string>();
    for (const [rs, re] of ranges) {
      let previous: { codes: string[]; ranges: [string, string][] } | null = null;
      let lastEnd = -1;
      for (const [ss, se] of splitSentences(this.raw, rs, re, [])) {
        const [s, e] = trimSpan(this.raw, ss, se);
        const text = unquote(repairOcr(this.textAt(s, e))).replace(/;$/, '');
        if (!/[\p{L}\d]/u.test(text)) continue;
        // A blank line between two sentences starts a new alinéa of the amendment's text.
        if (lastEnd < 0 || /\n[ \t]*\n/.test(this.raw.slice(lastEnd, s))) paragraphs.push([]);
        paragraphs[paragraphs.length - 1].push(text);
        lastEnd = e;
        const m = mentions(text);
        let ruleCodes = m.codes;
        let ruleRanges = m.ranges;
        let sentenceNote = note;
        if (ruleCodes.length === 0 && ruleRanges.length === 0 && previous && ANAPHORA.test(fold(text))) {
          ruleCodes = previous.codes;
          ruleRanges = previous.ranges;
          sentenceNote = [note, 'codes of the preceding sentence, to which this one refers'].filter(Boolean).join('; ');
        }
        previous = { codes: ruleCodes, ranges: ruleRanges };
        for (const c of m.codes) codes.add(c);
        for (const [a, b] of m.ranges) { codes.add(a); codes.add(b); }
        const n = (this.ruleCount.get(article) ?? 0) + 1;
        this.ruleCount.set(article, n);
        this.rules.push({
          id: `${this.document}:${article}:${n}`,
          article,
          text,
          codes: ruleCodes,
          ranges: ruleRanges,
          provenance: this.provenance(article, [s, e], sentenceNote),
        });
      }
    }
    return { text: paragraphs.map((p) => p.join(' ')).join('\n'), codes: [...codes] };
  }

  /** Reports every written code of `text` (found at offset `at`) whose check digit or pair relation is wrong, with a proposal. */
  checkMentions(where: string, text: string, at = -1): void {
    const m = mentions(text);
    for (const [a, b] of m.pairs) this.checkPairMention(where, a, b, at);
    for (const c of m.singles) this.checkSingle(where, c, at);
    for (const [a, b] of m.ranges) { this.checkSingle(where, a, at); this.checkSingle(where, b, at); }
  }

  private checkSingle(where: string, code: string, at: number): void {
    const p = checkCode(code);
    if (!p || p.code !== 'invalid-check-digit') return;
    this.issue({
      severity: 'error', code: 'invalid-check-digit', where,
      message: `${code}: invalid check digit (${code.slice(0, 5)} mod 7 = ${Number(code.slice(0, 5)) % 7}, written ${code[5]})`,
      proposal: p.expected,
    }, at);
  }

  private checkPairMention(where: string, a: string, b: string, at: number): void {
    const okA = isValidCode(a);
    const okB = isValidCode(b);
    // In a pair, the twin of the sound code is a better proposal than a mere check digit fix.
    if (okA && !okB) {
      const twin = hospitalisedTwinOf(a);
      this.issue({
        severity: 'error', code: 'invalid-check-digit', where,
        message: `${b}: invalid check digit (${b.slice(0, 5)} mod 7 = ${Number(b.slice(0, 5)) % 7}, written ${b[5]}); in the pair ${a}-${b} the hospitalised twin of ${a} is ${twin}`,
        proposal: twin,
      }, at);
    } else if (!okA && okB) {
      const twin = ambulatoryTwinOf(b);
      this.issue({
        severity: 'error', code: 'invalid-check-digit', where,
        message: `${a}: invalid check digit (${a.slice(0, 5)} mod 7 = ${Number(a.slice(0, 5)) % 7}, written ${a[5]}); in the pair ${a}-${b} the ambulatory twin of ${b} is ${twin}`,
        proposal: twin,
      }, at);
    } else if (!okA && !okB) {
      this.checkSingle(where, a, at);
      this.checkSingle(where, b, at);
      return;
    }
    if (okA && hospitalisedTwinOf(a) !== b) {
      const twin = hospitalisedTwinOf(a);
      this.issue({
        severity: 'error', code: 'broken-pair', where,
        message: `${a}-${b} is not an ambulatory/hospitalised pair: the hospitalised twin of ${a} is ${twin}`,
        proposal: `${a}-${twin}`,
      }, at);
    } else if (!okA && okB) {
      const twin = ambulatoryTwinOf(b);
      this.issue({
        severity: 'error', code: 'broken-pair', where,
        message: `${a}-${b} is not an ambulatory/hospitalised pair: the ambulatory twin of ${b} is ${twin}`,
        proposal: `${twin}-${b}`,
      }, at);
    }
  }
}
