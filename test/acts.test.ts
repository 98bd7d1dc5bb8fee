/**
 * Held-out test set (issue 11): real (and a few realistic) amending acts the parser was never tuned
 * on, each with golden expectations written by reading the text (test/fixtures/acts/*.expect.yaml).
 *
 * Every act is ingested alone through the public machinery (format detection → dated facts per
 * code → in-memory consolidation), and every fact its text fixes is checked on the consolidated
 * state on both sides of its date:
 *   right    the new state from its date, the old one the day before (or, when the date is unknown,
 *            the old state before the first possible day and an `uncertain` state inside the window);
 *   missing  no fact, or an `uncertain` state where the text fixes a date;
 *   WRONG    another value, label or status stated as certain, or the new state stated as certain
 *            on a date where the text does not put it (before its date, or inside an unknown window).
 * Assertions: no wrong fact on any act; recall ≥ 95 % over the whole set.
 *
 * An `uncertain` state is read as status 'uncertain' or a truthy `uncertain` field on the state.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { decodeText, parseDocument } from '../src/corpus/detect.js';
import { MemoryNomenclature } from '../src/nomenclature/memory.js';
import type { CodeFact } from '../src/nomenclature/code-facts.js';
import type { CodeState, Nomenclature } from '../src/nomenclature/types.js';
import type { ParsedDocument } from '../src/facts.js';
import { addDays, type IsoDate } from '../src/date.js';

const DIR = join(__dirname, 'fixtures', 'acts');

/** An expected fact, as written in an expectations file. `effective` overrides the act's date. */
type ExpectedFact =
  | { insert: string; keyLetter: string; value: string; article?: string; effective?: IsoDate }
  | { value: string; from: string; to: string; effective?: IsoDate }
  | { delete: string[]; effective?: IsoDate }
  | { label: string; language: 'fr' | 'nl'; text: string; effective?: IsoDate };

interface Expectations {
  language: 'fr' | 'nl';
  realistic: boolean;
  source: string | null;
  signed: IsoDate | null;
  publication: IsoDate | null;
  /** A date, or null with the bounds the text allows (notBefore required, notAfter optional). */
  entryIntoForce: { date: IsoDate | null; notBefore?: IsoDate; notAfter?: IsoDate };
  facts: ExpectedFact[];
  /** Codes the act names without giving them a value, a label, an insertion or a deletion. */
  unchanged?: string[];
  /** Codes the text leaves open (not checked). */
  ambiguous?: string[];
}

type Verdict = 'right' | 'missing' | 'wrong';
interface Scored {
  fact: string;
  verdict: Verdict;
  why: string;
}

/** When a fact applies: a known day, or a window [from, to] (to null: open) the text leaves open. */
type When = { date: IsoDate } | { from: IsoDate; to: IsoDate | null };

const isUncertain = (s: CodeState): boolean => (s.status as string) === 'uncertain' || Boolean((s as CodeState & { uncertain?: unknown }).uncertain);
const sameNumber = (a: string | null, b: string) => a !== null && Number(a) === Number(b);
const norm = (s: string) => s.normalize('NFC').replace(/[\s\u00a0]+/g, ' ').replace(/^[\s"“”«»']+|[\s"“”«»';.]+$/g, '').toLowerCase();
const parseValue = (v: string) => {
  const m = /^([A-Z]+)\s+([\d.,]+)$/.exec(v.trim());
  if (!m) throw new Error(`bad value in expectations: ${v}`);
  return { keyLetter: m[1], relativeValue: m[2].replace(',', '.') };
};
const codesOf = (codeOrPair: string) => codeOrPair.split('-');
const show = (s: CodeState) => `${s.status}${s.keyLetter ? ` ${s.keyLetter} ${s.relativeValue}` : ''}${isUncertain(s) ? ' (uncertain)' : ''}`;

/**
 * How one state stands to a fact: `isNew` — the state the act brings about; `isOld` — a state
 * compatible with the time before it; `contradicts` — a certain state that the text rules out
 * where the new state holds.
 */
interface Probe {
  name: string;
  isNew(s: CodeState): boolean;
  isOld(s: CodeState): boolean;
  /** A certain state that contradicts the new one (checked where the new state holds). */
  contradictsNew(s: CodeState): boolean;
  /** A certain state that contradicts the old one (checked before the date). */
  contradictsOld(s: CodeState): boolean;
}

function probesOf(f: ExpectedFact): { code: string; probe: Probe }[] {
  if ('insert' in f) {
    const isNew = (s: CodeState) =>
      s.status === 'in-force' && s.keyLetter === f.keyLetter && sameNumber(s.relativeValue, f.value) && (f.article === undefined || articleOf(s.article) === f.article);
    return codesOf(f.insert).map((code) => ({
      code,
      probe: {
        name: `insert ${f.insert} ${f.keyLetter} ${f.value}${f.article ? ` (art. ${f.article})` : ''}`,
        isNew,
        isOld: (s) => s.status !== 'in-force' && s.status !== 'deleted',
        contradictsNew: (s) =>
          s.status === 'deleted' ||
          s.status === 'not-yet-in-force' ||
          (s.status === 'in-force' && ((s.keyLetter !== null && s.keyLetter !== f.keyLetter) || (s.relativeValue !== null && !sameNumber(s.relativeValue, f.value)) || (f.article !== undefined && s.article !== null && articleOf(s.article) !== f.article))),
        contradictsOld: (s) => s.status === 'in-force',
      },
    }));
  }
  if ('value' in f) {
    const from = parseValue(f.from);
    const to = parseValue(f.to);
    const has = (s: CodeState, v: { keyLetter: string; relativeValue: string }) => s.keyLetter === v.keyLetter && sameNumber(s.relativeValue, v.relativeValue);
    return codesOf(f.value).map((code) => ({
      code,
      probe: {
        name: `value ${f.value} ${f.from} → ${f.to}`,
        isNew: (s) => s.status === 'in-force' && has(s, to),
        isOld: (s) => s.status === 'in-force' && has(s, from),
        contradictsNew: (s) => s.status === 'deleted' || (s.keyLetter !== null && !has(s, to)),
        contradictsOld: (s) => s.status === 'deleted' || (s.keyLetter !== null && !has(s, from)),
      },
    }));
  }
  if ('delete' in f) {
    return f.delete.flatMap((c) =>
      codesOf(c).map((code) => ({
        code,
        probe: {
          name: `delete ${c}`,
          isNew: (s) => s.status === 'deleted',
          isOld: (s) => s.status !== 'deleted',
          contradictsNew: (s) => s.status === 'in-force' || s.status === 'not-yet-in-force',
          contradictsOld: (s) => s.status === 'deleted',
        },
      })),
    );
  }
  const text = norm(f.text);
  const labelOf = (s: CodeState) => s.label[f.language];
  return codesOf(f.label).map((code) => ({
    code,
    probe: {
      name: `label ${f.label} (${f.language})`,
      isNew: (s) => labelOf(s) !== null && norm(labelOf(s)!) === text,
      isOld: (s) => labelOf(s) === null || norm(labelOf(s)!) !== text,
      contradictsNew: (s) => labelOf(s) !== null && norm(labelOf(s)!) !== text,
      contradictsOld: (s) => labelOf(s) !== null && norm(labelOf(s)!) === text,
    },
  }));
}

/** The article number a state names ("35bis, § 1er" → "35bis"), or null. */
function articleOf(article: string | null): string | null {
  const m = article === null ? null : /^\s*(?:art(?:icle|ikel)?\.?\s*)?(\d+(?:bis|ter|quater)?)/i.exec(article);
  return m ? m[1] : null;
}

/** Scores one probe on one code: both sides of a known date, or around and inside an unknown window. */
function scoreProbe(n: Nomenclature, code: string, p: Probe, when: When): { verdict: Verdict; why: string } {
  if ('date' in when) {
    const after = n.state(code, when.date);
    const before = n.state(code, addDays(when.date, -1));
    if (!isUncertain(after) && p.contradictsNew(after)) return { verdict: 'wrong', why: `${code} on ${when.date}: ${show(after)}` };
    if (!isUncertain(before) && p.contradictsOld(before)) return { verdict: 'wrong', why: `${code} on ${before.at} (the day before): ${show(before)}` };
    if (isUncertain(after) || !p.isNew(after)) return { verdict: 'missing', why: `${code} on ${when.date}: ${show(after)}` };
    if (isUncertain(before) || !p.isOld(before)) return { verdict: 'missing', why: `${code} on ${before.at} (the day before): ${show(before)}` };
    return { verdict: 'right', why: '' };
  }
  const before = n.state(code, addDays(when.from, -1));
  const inside = n.state(code, when.from);
  if (!isUncertain(before) && p.contradictsOld(before)) return { verdict: 'wrong', why: `${code} on ${before.at} (before the first possible day): ${show(before)}` };
  if (!isUncertain(inside) && p.isNew(inside)) return { verdict: 'wrong', why: `${code} on ${when.from}: the new state stated as certain inside the unknown window` };
  if (when.to !== null) {
    const after = n.state(code, when.to);
    if (!isUncertain(after) && p.contradictsNew(after)) return { verdict: 'wrong', why: `${code} on ${when.to} (the last possible day): ${show(after)}` };
    if (isUncertain(after) || !p.isNew(after)) return { verdict: 'missing', why: `${code} on ${when.to}: ${show(after)}` };
  }
  if (isUncertain(before) || !p.isOld(before)) return { verdict: 'missing', why: `${code} on ${before.at}: ${show(before)}` };
  if (!isUncertain(inside)) return { verdict: 'missing', why: `${code} on ${when.from}: ${show(inside)}, not uncertain inside the unknown window` };
  return { verdict: 'right', why: '' };
}

/** Scores one expected fact: the worst verdict over its codes (a pair is one fact). */
function scoreFact(n: Nomenclature, f: ExpectedFact, when: When): Scored[] {
  const byName = new Map<string, Scored>();
  const rank: Record<Verdict, number> = { right: 0, missing: 1, wrong: 2 };
  for (const { code, probe } of probesOf(f)) {
    const r = scoreProbe(n, code, probe, when);
    const cur = byName.get(probe.name);
    if (!cur || rank[r.verdict] > rank[cur.verdict]) byName.set(probe.name, { fact: probe.name, ...r });
  }
  return [...byName.values()];
}

/** The entry into force as a fact of the document. */
function scoreEntryIntoForce(doc: ParsedDocument, e: Expectations): Scored {
  const got = doc.dates.entryIntoForce;
  const fact = `entry into force ${e.entryIntoForce.date ?? `unknown (not before ${e.entryIntoForce.notBefore})`}`;
  if (e.entryIntoForce.date !== null) {
    if (got === e.entryIntoForce.date) return { fact, verdict: 'right', why: '' };
    return got === null ? { fact, verdict: 'missing', why: doc.dates.entryIntoForceBasis } : { fact, verdict: 'wrong', why: `${got}: ${doc.dates.entryIntoForceBasis}` };
  }
  return got === null ? { fact, verdict: 'right', why: '' } : { fact, verdict: 'wrong', why: `${got} stated, but the text fixes no date: ${doc.dates.entryIntoForceBasis}` };
}

/** A code the act only names must get no value, label, insertion nor deletion from it. */
function scoreUnchanged(n: Nomenclature, code: string, dates: IsoDate[]): Scored | null {
  for (const d of dates) {
    const s = n.state(code, d);
    if (!['unknown', 'referenced'].includes(s.status) || s.keyLetter !== null || s.label.fr !== null || s.label.nl !== null) {
      return { fact: `${code} unchanged`, verdict: 'wrong', why: `${code} on ${d}: ${show(s)}${s.label.fr || s.label.nl ? ` label "${s.label.fr ?? s.label.nl}"` : ''}` };
    }
  }
  return null;
}

function whenOf(e: Expectations, f: ExpectedFact): When {
  if (f.effective) return { date: f.effective };
  const eif = e.entryIntoForce;
  if (eif.date !== null) return { date: eif.date };
  if (!eif.notBefore) throw new Error('an unknown entry into force needs notBefore');
  return { from: eif.notBefore, to: eif.notAfter ?? null };
}

interface ActResult {
  act: string;
  language: string;
  realistic: boolean;
  scored: Scored[];
  wrong: Scored[];
  error: string | null;
}

/** Ingests one act alone and scores every expected fact. */
function scoreAct(file: string): ActResult {
  const act = file.replace(/\.md$/, '');
  const e = parseYaml(readFileSync(join(DIR, `${act}.expect.yaml`), 'utf8')) as Expectations;
  const result: ActResult = { act, language: e.language, realistic: e.realistic, scored: [], wrong: [], error: null };
  let doc: ParsedDocument;
  try {
    doc = parseDocument(decodeText(readFileSync(join(DIR, file)), file), file);
  } catch (err) {
    // An act the reader refuses states nothing: every fact is missing, none is wrong.
    result.error = (err as Error).message;
    result.scored = [{ fact: 'entry into force', verdict: 'missing', why: result.error }, ...e.facts.flatMap((f) => probesOf(f).map((p) => ({ fact: p.probe.name, verdict: 'missing' as const, why: result.error! })))];
    result.scored = dedupeByFact(result.scored);
    return result;
  }
  const n = MemoryNomenclature.fromDocuments([doc]);
  result.scored.push(scoreEntryIntoForce(doc, e));
  for (const f of e.facts) result.scored.push(...scoreFact(n, f, whenOf(e, f)));
  const probeDates = [e.entryIntoForce.date ?? e.entryIntoForce.notBefore!, addDays(e.entryIntoForce.date ?? e.entryIntoForce.notBefore!, -1), '2099-12-31'];
  for (const code of e.unchanged ?? []) {
    const u = scoreUnchanged(n, code, probeDates);
    if (u) result.wrong.push(u);
  }
  result.wrong.push(...result.scored.filter((s) => s.verdict === 'wrong'));
  return result;
}

function dedupeByFact(list: Scored[]): Scored[] {
  const seen = new Set<string>();
  return list.filter((s) => (seen.has(s.fact) ? false : (seen.add(s.fact), true)));
}

const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.md') && readdirSync(DIR).includes(f.replace(/\.md$/, '.expect.yaml')))
  .sort();
const results = files.map(scoreAct);

// The per-act table, so progress is visible even while the assertions fail.
{
  const rows = results.map((r) => {
    const c = (v: Verdict) => r.scored.filter((s) => s.verdict === v).length;
    return `${r.act.padEnd(16)} ${r.language}  ${r.realistic ? 'realistic' : 'real     '}  facts ${String(r.scored.length).padStart(2)}  right ${String(c('right')).padStart(2)}  missing ${String(c('missing')).padStart(2)}  WRONG ${String(r.wrong.length).padStart(2)}${r.error ? `  (refused: ${r.error})` : ''}`;
  });
  const all = results.flatMap((r) => r.scored);
  const right = all.filter((s) => s.verdict === 'right').length;
  const detail = results.flatMap((r) => r.scored.filter((s) => s.verdict !== 'right').map((s) => `  ${r.act}  ${s.verdict.padEnd(7)} ${s.fact} — ${s.why}`));
  const unchangedWrong = results.flatMap((r) => r.wrong.filter((w) => w.fact.endsWith('unchanged')).map((w) => `  ${r.act}  wrong   ${w.fact} — ${w.why}`));
  console.log(['held-out acts:', ...rows, `recall ${right}/${all.length} = ${((100 * right) / Math.max(1, all.length)).toFixed(1)} %`, ...detail, ...unchangedWrong].join('\n'));
}

describe('held-out acts (issue 11): no fact stated wrongly', () => {
  it('has acts in both languages', () => {
    expect(results.filter((r) => r.language === 'fr').length).toBeGreaterThanOrEqual(4);
    expect(results.filter((r) => r.language === 'nl').length).toBeGreaterThanOrEqual(4);
  });

  it.each(results.map((r) => [r.act, r] as const))('%s: no wrong fact', (_act, r) => {
    expect(r.wrong.map((w) => `${w.fact} — ${w.why}`)).toEqual([]);
  });

  it('recall ≥ 95 % over the whole held-out set', () => {
    const all = results.flatMap((r) => r.scored);
    const missed = results.flatMap((r) => r.scored.filter((s) => s.verdict !== 'right').map((s) => `${r.act}: ${s.fact} (${s.verdict})`));
    const right = all.length - missed.length;
    expect(right / all.length, `missed:\n${missed.join('\n')}`).toBeGreaterThanOrEqual(0.95);
  });
});

describe('the harness itself', () => {
  const src = { document: 'T', article: 'Art. 1', text: 'test' };
  const define = (effective: string | null, relativeValue: string): CodeFact => ({
    document: 'T', seq: 0, op: 'define', code: '688494', effective, until: null, periodBasis: 'test', pair: null,
    value: { keyLetter: 'U', relativeValue }, label: null, article: '35bis, § 1er', convention: null, source: src,
  });
  const insert: ExpectedFact = { insert: '688494', keyLetter: 'U', value: '80', article: '35bis' };
  const verdict = (facts: CodeFact[], f: ExpectedFact, when: When) => scoreFact(new MemoryNomenclature(facts), f, when)[0].verdict;

  it('tells right, missing and wrong apart on a known date', () => {
    expect(verdict([define('2004-11-01', '80')], insert, { date: '2004-11-01' })).toBe('right');
    // one day late or early, another value: wrong
    expect(verdict([define('2004-11-02', '80')], insert, { date: '2004-11-01' })).toBe('wrong');
    expect(verdict([define('2004-10-31', '80')], insert, { date: '2004-11-01' })).toBe('wrong');
    expect(verdict([define('2004-11-01', '81')], insert, { date: '2004-11-01' })).toBe('wrong');
    // no date and no bounds: uncertain on every date, so missing (never stated as certain)
    expect(verdict([define(null, '80')], insert, { date: '2004-11-01' })).toBe('missing');
    expect(verdict([], insert, { date: '2004-11-01' })).toBe('missing');
  });

  it('wants an uncertain state inside an unknown window, and the old state before it', () => {
    // a date stated where the text fixes none: wrong
    expect(verdict([define('2004-11-01', '80')], insert, { from: '2004-11-01', to: null })).toBe('wrong');
    // uncertain on every date (no bounds): the old state is not shown before the window either
    expect(verdict([define(null, '80')], insert, { from: '2004-11-01', to: null })).toBe('missing');
    // nothing read: missing
    expect(verdict([], insert, { from: '2004-11-01', to: null })).toBe('missing');
  });

  it('scores a value change and a deletion on both sides of the date', () => {
    const value = (effective: string | null): CodeFact => ({ document: 'T', seq: 0, op: 'value', code: '532630', effective, article: '21', from: { keyLetter: 'K', relativeValue: '25' }, to: { keyLetter: 'K', relativeValue: '21.40' }, source: src });
    const change: ExpectedFact = { value: '532630', from: 'K 25', to: 'K 21.40' };
    expect(verdict([value('2011-12-01')], change, { date: '2011-12-01' })).toBe('right');
    expect(verdict([value('2011-11-01')], change, { date: '2011-12-01' })).toBe('wrong');
    const del: ExpectedFact = { delete: ['591780'] };
    const deleted = (effective: string | null): CodeFact => ({ document: 'T', seq: 0, op: 'delete', code: '591780', effective, article: '24', source: src });
    expect(verdict([deleted('2000-05-01')], del, { date: '2000-05-01' })).toBe('right');
    expect(verdict([deleted('2000-04-01')], del, { from: '2000-05-01', to: null })).toBe('wrong');
    expect(verdict([deleted(null)], del, { from: '2000-05-01', to: null })).toBe('missing');
  });

  it('reads a fact the current parser already extracts: 688494 inserted by 2004022699 (FR)', () => {
    const r = scoreAct('2004022699.fr.md');
    expect(r.error).toBeNull();
    expect(r.scored.find((s) => s.fact.startsWith('insert 688494'))).toMatchObject({ verdict: 'right' });
    expect(r.scored.find((s) => s.fact.startsWith('entry into force'))).toMatchObject({ verdict: 'right' });
  });
});
