/**
 * Justel Markdown amending acts (royal decrees amending the nomenclature, with a YAML front
 * matter) → ParsedDocument: the amendments each article states, the rules of application it
 * inserts or replaces, the dates, and every inconsistency of the source. Offsets in provenance
 * are UTF-16 offsets into the raw text.
 *
 * Pipeline: front matter → articles → outline of points (1°, 1., a)) → sentences, quote-aware
 * → entry into force (act and articles) → recognisers per sentence → checks.
 */
import { createHash } from 'node:crypto';
import { isIsoDate, type IsoDate } from '../date.js';
import type { AmendmentCoverage, CodeSet, ParsedDocument } from '../facts.js';
import { parseDate } from './french.js';
import { codeSetText, codeSetsOf } from './justel/blocks.js';
import { actEntryIntoForce, DATING_HINT, readEntryClauses, type DatedSentence } from './justel/dates.js';
import { Emitter } from './justel/emit.js';
import { JUSTEL_KEYS, readFrontMatter } from './justel/frontmatter.js';
import { leadingLocator, type Target } from './justel/locators.js';
import { matchForm, sourceText, trimSpan } from './justel/normalise.js';
import { GRAMMARS, languageOf, type Grammar } from './justel/grammar/index.js';
import { RECOGNISERS, type Clause } from './justel/recognisers.js';
import { buildOutline, scanQuotes, splitArticles, splitSentences, walk, type ArticleSlice, type PointNode, type QuoteSpan } from './justel/structure.js';

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]{0,4000}?)\r?\n---[ \t]*(?:\r?\n|$)/;
const ARTICLE_ONE = /^[ \t]*\*\*[ \t]*Art(?:icle|ikel|\.)[ \t]*1(?:er)?[ \t]*\.?[ \t]*\*\*/m;

/** True when `raw` is a Justel Markdown act: a front matter with Justel keys, or "**Article 1er.**" headings. */
export function isJustelMarkdown(raw: string): boolean {
  const fm = FRONT_MATTER.exec(raw);
  if (fm) {
    const keys = new Set([...fm[1].matchAll(/^([\w-]+)[ \t]*:/gm)].map((m) => m[1].toLowerCase()));
    if (JUSTEL_KEYS.filter((k) => keys.has(k)).length >= 2) return true;
  }
  return ARTICLE_ONE.test(raw.slice(0, 20000));
}

/** The identity of an act: its NUMAC, else the number in its ELI, else a hash of its text. */
export function justelDocumentId(raw: string, fields: Record<string, string>): string {
  const number = (fields.number ?? fields.numac ?? '').trim();
  if (/^\d{10}$/.test(number)) return number;
  const eli = /\/(\d{10})(?:\/|$)/.exec(fields.url ?? fields.eli ?? '');
  if (eli) return eli[1];
  return 'sha256:' + createHash('sha256').update(raw).digest('hex').slice(0, 16);
}

const isoField = (v: string | undefined): IsoDate | null => (v && isIsoDate(v.trim()) ? v.trim() : null);

/** A point of an article with its target and its sentences. */
interface PointUnit {
  article: ArticleSlice;
  node: PointNode;
  target: Target;
  sentences: Pick<Clause, 'span' | 'quotes' | 'skeleton'>[];
  context: CodeSet[];
}

// The folded form of a sentence, its quotes replaced by «k» placeholders.
function skeletonOf(raw: string, [s, e]: [number, number], quotes: QuoteSpan[]): string {
  if (!quotes.length) return matchForm(raw.slice(s, e));
  // Quotes become «k» placeholders first, so the whole sentence is normalised in one pass.
  let text = '';
  let at = s;
  quotes.forEach((q, k) => {
    text += `${raw.slice(at, q.open)} «${k}» `;
    at = Math.min(q.close + 1, e);
  });
  return matchForm(text + raw.slice(at, e));
}

// The sentences of a point's own text (up to its first sub-point), each with its quotes.
function sentencesOf(raw: string, node: PointNode, quotes: QuoteSpan[]): PointUnit['sentences'] {
  let [s, e] = trimSpan(raw, node.textStart, node.ownEnd);
  if (s >= e) return [];
  const own = quotes.filter((q) => q.open >= s && q.open < e);
  // A quote opened in the point runs to its close (an unclosed one ends at the end of the text).
  for (const q of own) e = Math.max(e, Math.min(q.close + 1, raw.length));
  return splitSentences(raw, s, e, own).flatMap(([a, b]) => {
    const span = trimSpan(raw, a, b);
    if (span[0] >= span[1]) return [];
    const inner = own.filter((q) => q.open >= span[0] && q.open < span[1]);
    return [{ span, quotes: inner, skeleton: skeletonOf(raw, span, inner) }];
  });
}

function outlineArticle(raw: string, article: ArticleSlice, out: Emitter, g: Grammar): PointUnit[] {
  const { quotes, unbalanced, recovered } = scanQuotes(raw, article.bodyStart, article.end);
  for (const r of recovered) {
    out.issue({ severity: 'warning', code: 'other', where: article.label, message: `a quotation opened here is not closed before the next point: it is taken to end there ("${sourceText(raw, r.open + 1, r.close).slice(0, 80)}")` }, r.open);
  }
  if (unbalanced) out.issue({ severity: 'warning', code: 'other', where: article.label, message: 'a quotation is opened and never closed; it is taken to run to the end of the article' }, article.start);
  const { root, anomalies } = buildOutline(raw, article, quotes);
  for (const a of anomalies) out.issue({ severity: 'warning', code: 'other', where: a.where, message: a.message, ...(a.proposal ? { proposal: a.proposal } : {}) }, a.at);
  const targets = new Map<PointNode, Target>();
  const contexts = new Map<PointNode, CodeSet[]>();
  return walk(root).map((node) => {
    const sentences = sentencesOf(raw, node, quotes);
    // An intro about one service ("à la prestation X :") gives its sub-points that service.
    const own = node.children.length && sentences.length ? g.serviceContext.exec(sentences[sentences.length - 1].skeleton) : null;
    const context = own?.groups?.codes ? codeSetsOf(own.groups.codes.replace(/\bnos? /g, '')) : node.parent ? contexts.get(node.parent)! : [];
    contexts.set(node, context);
    const lead = leadingLocator(raw.slice(node.textStart, Math.min(node.ownEnd, node.textStart + 600)));
    const up = node.parent ? targets.get(node.parent)! : { article: null, parts: [] };
    const target: Target = lead.article !== null ? { article: lead.article, parts: lead.parts } : { article: up.article, parts: [...up.parts, ...lead.parts] };
    targets.set(node, target);
    return { article, node, target, sentences, context };
  });
}

/** Parses a Justel Markdown amending act. */
export function parseJustel(raw: string): ParsedDocument {
  const fm = readFrontMatter(raw);
  const f = fm.fields;
  const id = justelDocumentId(raw, f);
  const out = new Emitter(id, raw);
  const language = languageOf(f, raw.slice(fm.bodyStart));
  const g = GRAMMARS[language];
  const { articles, closingStart } = splitArticles(raw, fm.bodyStart);
  const signed = isoField(f.date) ?? (closingStart !== null ? parseDate(raw.slice(closingStart, closingStart + 200)) : null);
  const published = isoField(f.publication);
  const starts = isoField(f.starts);

  const units = articles.flatMap((a) => outlineArticle(raw, a, out, g));
  if (articles.length === 0 && /\S/.test(raw.slice(fm.bodyStart))) {
    out.issue({ severity: 'warning', code: 'other', where: 'document', message: 'no article heading ("**Art. 1er.**") found: nothing could be extracted' });
  }

  // Entry into force: the act's clause, cross-checked with the front matter's "starts".
  const dated: (DatedSentence & { span: [number, number] })[] = units.flatMap((u) => u.sentences
    .filter((s) => DATING_HINT.test(s.skeleton))
    .map((s) => ({ article: u.article.number, where: u.node.path, folded: s.skeleton, text: sourceText(raw, s.span[0], s.span[1]), span: s.span })));
  const clauses = readEntryClauses(dated, published, signed);
  // A copy cut in mid-sentence (no closing formula, no final stop) may have lost its clause.
  const complete = closingStart !== null || /[.;:!?"»”)\]*]\s*$/.test(raw.slice(fm.bodyStart));
  const act = actEntryIntoForce(clauses, published, signed, starts, complete);
  const eif = act.date;
  const basis = act.basis;
  for (const i of act.issues) out.issue(i);
  const overrides = new Map<string, IsoDate>();
  for (const o of clauses.overrides) {
    if (o.result.date) overrides.set(o.article, o.result.date);
    else out.issue({ severity: 'warning', code: 'entry-into-force-unknown', where: o.where, message: `the date of article ${o.article} cannot be read (${o.result.basis}); the act's entry into force is used` });
  }
  for (const u of clauses.unread) {
    out.issue({ severity: 'warning', code: 'entry-into-force-unknown', where: u.where, message: 'a dating sentence names neither the act nor an article: not applied' }, u.span[0]);
    out.unparsedAt(u.where, u.span);
  }

  // Recognise every sentence; a normative one nobody understands is listed as unparsed.
  const coverage: AmendmentCoverage = { items: 0, understood: 0, missed: [] };
  for (const u of units) {
    const before = { facts: out.amendments.length + out.rules.length, unparsed: out.unparsed.length };
    const effective = overrides.get(u.article.number) ?? eif;
    const hasChildren = u.node.children.length > 0;
    const cls: Clause[] = u.sentences.map((s) => ({
      raw, path: u.node.path, target: u.target, span: s.span, quotes: s.quotes, skeleton: s.skeleton, following: [], hasChildren, effective, out, g, context: u.context,
    }));
    cls.forEach((c, i) => { c.following = cls.slice(i + 1); });
    for (let i = 0; i < cls.length; i++) {
      const c = cls[i];
      let used: number | null = null;
      for (const r of RECOGNISERS) {
        used = r(c);
        if (used !== null) break;
      }
      if (used === null) {
        // Quoted text in an amending act carries an amendment: a sentence with quotes that nobody read is listed too.
        if ((g.normative.test(c.skeleton) || c.quotes.length > 0) && !g.boilerplate.test(c.skeleton)) out.unparsedAt(c.path, c.span);
      } else i += used;
    }
    countItem(coverage, u, before, out);
    unnumberedItems(raw, u, cls, before.facts, out);
    const [s, e] = trimSpan(raw, u.node.textStart, u.node.ownEnd);
    if (s < e) out.checkMentions(u.node.path, raw.slice(s, e), s);
  }
  // An amendment with no date keeps what is known of it (overrides with a date never reach here).
  for (const a of out.amendments) if (a.effective === null && act.bounds) a.effectiveBounds = act.bounds;
  checkAmendments(out);

  return {
    id,
    kind: 'royal-decree',
    format: 'justel-markdown',
    title: (language === 'nl' ? f['title-nl'] || f.title || f['title-fr'] : f['title-fr'] || f.title || f['title-nl']) || '',
    language,
    coverage,
    url: f.url || null,
    convention: null,
    dates: { signed, version: null, published, entryIntoForce: eif, entryIntoForceBasis: basis, ...(act.bounds ? { entryIntoForceBounds: act.bounds } : {}), validUntil: null },
    services: [],
    fees: [],
    amendments: out.amendments,
    rules: out.rules,
    issues: out.issues,
    unparsed: out.unparsed,
  };
}

/**
 * A copy may lose an item's number: "2° … ;" then, after a blank line, "la prestation X est
 * supprimée." The later paragraph is still read, but under the point before it: say so rather
 * than merge two items silently.
 */
function unnumberedItems(raw: string, u: PointUnit, cls: Clause[], factsBefore: number, out: Emitter): void {
  if (u.node.children.length > 0 || u.node.label === null) return;
  for (let i = 1; i < cls.length; i++) {
    const gap = raw.slice(cls[i - 1].span[1], cls[i].span[0]);
    if (!/;\s*$/.test(raw.slice(cls[i - 1].span[0], cls[i - 1].span[1])) || !/\n[ \t]*\n/.test(gap)) continue;
    const own = out.amendments.slice(factsBefore).some((a) => a.provenance.span !== null && a.provenance.span[0] >= cls[i].span[0] && a.provenance.span[0] < cls[i].span[1]);
    if (own) out.issue({ severity: 'warning', code: 'other', where: u.node.path, message: `a paragraph after ${u.node.label} states an amendment of its own: an item whose number the copy lost? It is read as part of ${u.node.label}` }, cls[i].span[0]);
  }
}

/**
 * An amendment item is a point without sub-points (or an article without points) whose text
 * states something: it produced a fact, or holds a sentence nobody understood. Entry-into-force
 * and execution articles state no amendment and are not items.
 */
function countItem(coverage: AmendmentCoverage, u: PointUnit, before: { facts: number; unparsed: number }, out: Emitter): void {
  if (u.node.children.length > 0) return;
  const produced = out.amendments.length + out.rules.length > before.facts;
  const missed = out.unparsed.slice(before.unparsed);
  if (!produced && missed.length === 0) return;
  coverage.items++;
  if (missed.length === 0) coverage.understood++;
  else coverage.missed.push(...missed);
}

// Cross-checks of the amendments of one act: a code inserted twice, amendments without a target.
function checkAmendments(out: Emitter): void {
  const inserted = new Map<string, string>();
  for (const a of out.amendments) {
    if (a.op === 'insert-service') {
      const key = codeSetText(a.service.codes);
      const first = inserted.get(key);
      if (first) out.issue({ severity: 'warning', code: 'duplicate-service', where: a.source, message: `${key} is inserted again (already inserted by ${first})` }, a.provenance.span?.[0]);
      else inserted.set(key, a.source);
    }
    if (a.target === null) out.issue({ severity: 'warning', code: 'unknown-target', where: a.source, message: `the article of the nomenclature this ${a.op} applies to is not stated` }, a.provenance.span?.[0]);
  }
}
