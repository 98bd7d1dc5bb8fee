/**
 * INAMI conventions (plain text extracted from PDF) → ParsedDocument: the services of the
 * label lists, the fee table rows, the rules of application as sentences, the dates, and
 * every inconsistency of the source. Offsets in provenance point into the raw text.
 */
import { createHash } from 'node:crypto';
import { cmp, dec } from '../decimal.js';
import type { FeeRow, ParsedDocument, Reimbursement, RuleText, ServiceDef, SourceIssue, Unparsed } from '../facts.js';
import { fold, squash } from '../text.js';
import { codeSetOf, codeSetText, feeCheck, mentionIssues, pairIssues } from './convention/checks.js';
import { logicalLines } from './convention/clean.js';
import { readDates } from './convention/dates.js';
import { parseLabelList } from './convention/labels.js';
import { dropPageFurniture, splitLines } from './convention/lines.js';
import { rawSpan, squashed, type Mapped } from './convention/mapped.js';
import { isNormative, isRulesSection } from './convention/normative.js';
import { outline, sectionAt, siblingTitled, withoutLetter, type Section } from './convention/sections.js';
import { enumerationItems, splitSentences } from './convention/sentences.js';
import { extractTables, type TableBlock, type TableRow } from './convention/tables.js';
import { readTerms, type TermClauses } from './convention/terms.js';
import { conventionName, extractTitle } from './convention/title.js';
import { mentions } from './mentions.js';

/** True when `raw` is an INAMI convention text ("Convention entre le Comité de l'assurance …" near the start). */
export function isConventionText(raw: string): boolean {
  // Justel documents are Markdown with a YAML front matter.
  if (/^\uFEFF?\s*---\s*\r?\n/.test(raw)) return false;
  const head = fold(raw.slice(0, 600)).replace(/[’ʼ`]/g, "'").replace(/\s+/g, ' ');
  return /\bconvention entre (?:le )?comite de l'assurance\b/.test(head);
}

/** A sentence of an article, with its section. */
interface Sentence {
  section: Section;
  mapped: Mapped;
  text: string;
}

/** An issue with the raw offset it arises at, to list issues in document order. */
interface Located {
  at: number;
  issue: SourceIssue;
}

/** Records an issue once, with the raw offset it arises at. */
type Note = (at: number, issue: SourceIssue) => void;

/** A service with the section of its label list. */
interface Labelled {
  def: ServiceDef;
  section: Section;
}

/** A parsed convention: a document with the terms its own clauses state (start, end, renewal, notice). */
export type ConventionDocument = ParsedDocument & { terms?: TermClauses };

/** Parses an INAMI convention text. */
export function parseConvention(raw: string): ConventionDocument {
  const id = 'conv-' + createHash('sha256').update(raw).digest('hex').slice(0, 16);
  const { tables, prose } = extractTables(dropPageFurniture(splitLines(raw)));
  const doc = outline(logicalLines(raw, prose, tables.map((t) => t.start)));
  const { title } = extractTitle(doc.preamble);
  const located: Located[] = [];
  const note: Note = (at, issue) => {
    if (!located.some((l) => l.issue.where === issue.where && l.issue.message === issue.message)) located.push({ at, issue });
  };
  const { services, sentences } = readSections(id, doc.sections, note);
  const fees = readFees(id, tables, doc.sections, services, note);
  const articleSentences = sentences.map((s) => ({ article: s.section.path, text: s.text }));
  const dates = readDates(title, articleSentences, doc.closing.map((l) => l.text).join('\n'));
  const terms = readTerms(articleSentences, dates.dates, dates.entryIndex, dates.untilIndex);
  const { rules, unparsed } = readSentences(id, sentences, new Set(dates.used), note);
  // Source issues in document order; the dates' come last (they concern the whole text).
  const issues = [...located.sort((a, b) => a.at - b.at).map((l) => l.issue), ...dates.issues];
  const parsed: ParsedDocument = {
    id, kind: 'convention', format: 'inami-convention-text', title, url: null,
    convention: conventionName(title), dates: dates.dates,
    services: services.map((s) => s.def), fees, amendments: [], rules, issues, unparsed,
  };
  return { ...parsed, terms };
}

/** Label lists give services; every other line of a section is prose, cut into sentences. */
function readSections(id: string, sections: readonly Section[], note: Note): { services: Labelled[]; sentences: Sentence[] } {
  const services: Labelled[] = [];
  const sentences: Sentence[] = [];
  for (const section of sections) {
    let lines = section.lines;
    if (section.title !== null && /libell/.test(fold(section.title))) {
      const list = parseLabelList(section.lines);
      lines = list.prose;
      for (const e of list.entries) {
        const codes = codeSetOf(e.codes);
        const span = rawSpan(e.entry);
        const at = span?.[0] ?? section.start;
        if (services.some((s) => codeSetText(s.def.codes) === codeSetText(codes))) {
          note(at, { severity: 'warning', code: 'duplicate-service', where: section.path, message: `${codeSetText(codes)} is listed twice` });
        }
        for (const issue of pairIssues(e.codes, section.path)) note(at, issue);
        services.push({
          section,
          def: {
            codes, label: e.label || null, value: e.value, nomenclatureArticle: withoutLetter(section.path),
            provenance: { document: id, article: section.path, span, text: squashed(e.entry) },
          },
        });
      }
    }
    for (const mapped of splitSentences(lines)) sentences.push({ section, mapped, text: squashed(mapped) });
  }
  return { services, sentences };
}

/**
 * Sentences naming a code are rules (and their codes are checked); the other normative
 * sentences, except those the dates came from, are unparsed, an enumeration item by item.
 */
function readSentences(id: string, sentences: readonly Sentence[], used: ReadonlySet<number>, note: Note): { rules: RuleText[]; unparsed: Unparsed[] } {
  const rules: RuleText[] = [];
  const unparsed: Unparsed[] = [];
  const perArticle = new Map<string, number>();
  sentences.forEach((s, i) => {
    const article = s.section.path;
    const m = mentions(s.text);
    const span = rawSpan(s.mapped);
    if (m.codes.length || m.ranges.length) {
      const n = (perArticle.get(article) ?? 0) + 1;
      perArticle.set(article, n);
      rules.push({
        id: `${id}:${article}:${n}`, article, text: s.text, codes: m.codes, ranges: m.ranges,
        provenance: { document: id, article, span, text: s.text },
      });
      for (const issue of mentionIssues(m, article)) note(span?.[0] ?? s.section.start, issue);
      return;
    }
    if (used.has(i)) return;
    if (!isNormative(s.text) && !isRulesSection(s.section.title)) {
      // Text in a fee section is a table row or a rule about fees; anything else longer than a
      // caption is likely what is left of a row the PDF extraction lost.
      if (s.section.title !== null && /^(?:honoraires|tarifs?)\s*:?$/.test(fold(s.section.title).trim()) && s.text.split(' ').length >= 5) {
        note(span?.[0] ?? s.section.start, {
          severity: 'warning', code: 'other', where: article,
          message: `text in a fee section outside any table row or rule (a table row may have been lost in the PDF extraction): "${s.text}"`,
        });
      }
      return;
    }
    for (const item of enumerationItems(s.mapped)) {
      unparsed.push({ where: item.marker ? `${article}, ${item.marker}` : article, text: squashed(item.text) });
    }
  });
  return { rules, unparsed };
}

/** The four reimbursement columns, in the printed order (ambulatory with/without, hospitalised with/without preferential regime). */
function reimbursementOf(amounts: readonly string[]): Reimbursement {
  const ok = amounts.length === 5;
  return {
    ambulatoryPreferential: ok ? amounts[1] : null,
    ambulatoryStandard: ok ? amounts[2] : null,
    hospitalisedPreferential: ok ? amounts[3] : null,
    hospitalisedStandard: ok ? amounts[4] : null,
  };
}

/** "K 198 × 2.824045 = 559.16; reimbursements 559.16, 559.16". */
function describeRow(row: TableRow): string {
  const [fee, ...rest] = row.amounts;
  return `${row.valueKeyLetter} ${row.relativeValue} × ${row.coefficient} = ${fee}${rest.length ? `; reimbursements ${rest.join(', ')}` : ''}`;
}

/**
 * Attaches table rows to the services of the label lists (wherever the page layout printed
 * them) and checks them; rows of no service are reported as orphan tables.
 */
function readFees(
  id: string,
  tables: readonly TableBlock[],
  sections: readonly Section[],
  services: readonly Labelled[],
  note: Note,
): FeeRow[] {
  const fees: FeeRow[] = [];
  const priced = new Set<string>();
  for (const table of tables) {
    const printed = sectionAt(sections, table.start);
    const where = printed?.path ?? 'preamble';
    for (const row of table.rows) {
      const codes = codeSetOf(row.codes);
      const key = codeSetText(codes);
      const text = squash(row.line.text);
      const lead = row.line.text.length - row.line.text.trimStart().length;
      const span: [number, number] = [row.line.start + lead, row.line.start + row.line.text.trimEnd().length];
      const at = span[0];
      const fee = row.amounts[0];
      const check = feeCheck(row.relativeValue, row.coefficient, fee);
      const service = services.find((s) => codeSetText(s.def.codes) === key);
      const home = service ? siblingTitled(sections, service.section, /honoraires|tarif/) ?? printed : printed;
      const article = home?.path ?? where;
      if (!check.ok) {
        note(at, {
          severity: 'error', code: 'fee-mismatch', where: article, proposal: check.expected,
          message: `${key}: ${row.valueKeyLetter} ${row.relativeValue} × ${row.coefficient} = ${check.product}, rounded half-up ${check.expected}, but the table prints ${fee}`,
        });
      }
      for (const issue of pairIssues(row.codes, article)) note(at, issue);
      if (row.keyLetter !== row.valueKeyLetter) {
        note(at, { severity: 'error', code: 'contradiction', where: article, message: `${key}: coefficient of key letter ${row.keyLetter} applied to a value in ${row.valueKeyLetter}` });
      }
      if (!service) {
        note(at, {
          severity: 'warning', code: 'orphan-table', where,
          message: `fee table row ${key} (${describeRow(row)}) belongs to no service of this convention` +
            (table.dutch ? `; its headers are in Dutch (${table.header})` : ''),
        });
        continue;
      }
      if (row.amounts.length !== 5) {
        note(at, { severity: 'warning', code: 'other', where: article, message: `${key}: ${row.amounts.length - 1} reimbursement columns instead of 4; reimbursements left unknown` });
      }
      const value = service.def.value;
      if (value && (value.keyLetter !== row.valueKeyLetter || cmp(dec(value.relativeValue), dec(row.relativeValue)) !== 0)) {
        note(at, {
          severity: 'error', code: 'contradiction', where: service.section.path,
          message: `${key}: the label gives ${value.keyLetter} ${value.relativeValue}, the fee table (${article}) gives ${row.valueKeyLetter} ${row.relativeValue}`,
        });
      }
      const notes: string[] = [];
      if (printed && home && printed !== home) notes.push(`printed within ${printed.path} by the page layout`);
      if (table.dutch) notes.push('table headers in Dutch');
      priced.add(key);
      fees.push({
        codes, keyLetter: row.valueKeyLetter, coefficient: row.coefficient, relativeValue: row.relativeValue, fee,
        reimbursement: reimbursementOf(row.amounts), validFrom: null, validTo: null,
        provenance: { document: id, article, span, text, ...(notes.length ? { note: notes.join('; ') } : {}) },
      });
    }
  }
  for (const s of services) {
    const key = codeSetText(s.def.codes);
    if (!priced.has(key)) {
      note(s.def.provenance.span?.[0] ?? s.section.start, { severity: 'warning', code: 'other', where: s.section.path, message: `${key}: no fee table row for this service; its fee is unknown` });
    }
  }
  return fees;
}
