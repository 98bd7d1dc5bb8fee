import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { readDocuments } from '../cli/ingest.js';
import { openStore } from '../store/open.js';
import { IngestRefused } from '../store/refusal.js';
import { addDays } from '../date.js';
import { runReplay, type ReplayRun } from './run.js';
import type { LineChange } from './replay.js';
import { DEFAULT_LIMITS, type Limits } from '../engine/limits.js';

const FIXTURES = join(__dirname, '..', '..', 'test', 'fixtures', 'impact');
const dir = mkdtempSync(join(tmpdir(), 'nomen-replay-'));
const db = join(dir, 'base.db');
const hashOf = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

/**
 * A generated year of claims (2024, a leap year): day i (0 = 1 January) is one request of
 * beneficiary B{i mod 5} with a line `L{i}a` 355751 (K 50) at institution H-2 (i even) or H-1
 * (i odd); on the 1st and the 15th of each month a second line `L{i}b` 355950 (K 100) follows it
 * the same day. Line 367 is not JSON (an error object, the run goes on).
 */
function yearOfClaims(): string {
  const lines: string[] = [];
  for (let i = 0; i < 366; i++) {
    const date = addDays('2024-01-01', i);
    const claims = [{ id: `L${i}a`, code: '355751', date, institution: i % 2 ? 'H-1' : 'H-2' }];
    if (date.endsWith('-01') || date.endsWith('-15')) claims.push({ id: `L${i}b`, code: '355950', date, institution: i % 2 ? 'H-1' : 'H-2' });
    lines.push(JSON.stringify({ beneficiary: { id: `B${i % 5}` }, claims }));
  }
  lines.push('{not json');
  return lines.join('\n') + '\n';
}

async function replay(claims: string, drafts: string[], format: 'ndjson' | 'text' = 'ndjson', limits?: Limits): Promise<ReplayRun & { out: string }> {
  let out = '';
  const sink = new Writable({ write(chunk, _e, cb) { out += chunk.toString(); cb(); } });
  const run = await runReplay(Readable.from([Buffer.from(claims)]), sink, { db, drafts: await readDocuments(drafts), format, jobs: 1, batchBytes: 4096, limits });
  return { ...run, out };
}

beforeAll(async () => {
  // The current law: the built-in corpus and a (fictitious) coefficient for K from 2024-01-01: K 1 = 2.50 EUR.
  const store = await openStore(db);
  try {
    await store.ingest(await readDocuments([join(FIXTURES, 'coefficients-k-2024.json')]));
  } finally {
    await store.close();
  }
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('replay of a generated year under a draft that raises a value and adds a non-cumulation', () => {
  // The draft (test/fixtures/impact/draft-2024099001.fr.md), in force from 2024-07-01:
  //  Art. 1er, 1°: 355751-355762 K 50 → K 60, so its fee goes from 50 × 2.50 = 125.00 to 60 × 2.50 = 150.00 (+25.00);
  //  Art. 1er, 2°: 355950-355961 is not cumulable with 355751-355762: the same day, the later line
  //  (the 355950 line, after the 355751 one) is rejected: its accepted fee 100 × 2.50 = 250.00 → 0 (−250.00).
  // Nothing changes before 2024-07-01 (day 182). From 1 July to 31 December: 184 days
  // (31 + 31 + 30 + 31 + 30 + 31), so 184 lines 355751: +25.00 each = +4,600.00; and 12 lines 355950
  // (1st and 15th of 6 months) rejected: −250.00 each = −3,000.00. Total: 196 lines, 12 decisions, +1,600.00.
  // Per month: 31-day months 31 × 25 − 2 × 250 = 275.00, 30-day months 750 − 500 = 250.00.
  // Per institution: days 182…365 are 92 even (H-2) and 92 odd (H-1); the 1st and 15th fall on
  // even days in July (182, 196), September (244, 258), October (274, 288), on odd days in August
  // (213, 227), November (305, 319), December (335, 349): 6 each. Each institution: 92 + 6 = 98 lines,
  // 92 × 25 − 6 × 250 = 800.00.
  // Reimbursements: a fee from a coefficient has no reimbursement table (null), so every changed line's
  // reimbursement is unknown on one side at least: 196 unknown, none summed as 0.
  let run: ReplayRun & { out: string };
  let changes: LineChange[];
  let before: string;
  beforeAll(async () => {
    before = hashOf(db);
    run = await replay(yearOfClaims(), [join(FIXTURES, 'draft-2024099001.fr.md')]);
    const lines = run.out.trim().split('\n').map((l) => JSON.parse(l));
    changes = lines.filter((l) => 'claim' in l);
    expect(lines.filter((l) => 'error' in l)).toEqual([{ line: 367, error: { message: expect.stringMatching(/^not valid JSON/) } }]);
  }, 60_000);

  it('lists exactly the lines that change, each with what made the difference', () => {
    expect(changes).toHaveLength(196);
    expect(changes.every((c) => c.date >= '2024-07-01')).toBe(true);
    const value = changes.filter((c) => c.code === '355751');
    expect(value).toHaveLength(184);
    expect(value[0]).toEqual({
      line: 183, beneficiary: 'B2', claim: 'L182a', code: '355751', date: '2024-07-01', institution: 'H-2',
      before: { status: 'accepted', keyLetter: 'K', relativeValue: '50', fee: '125.00', reimbursement: null },
      after: { status: 'accepted', keyLetter: 'K', relativeValue: '60', fee: '150.00', reimbursement: null },
      delta: { fee: '25.00', reimbursement: null },
      because: [{ kind: 'value', from: 'K 50', to: 'K 60', feeReason: expect.any(String) }],
    });
    const rule = changes.filter((c) => c.code === '355950');
    expect(rule.map((c) => c.date)).toEqual(['01', '15'].flatMap((d) => ['07', '08', '09', '10', '11', '12'].map((m) => `2024-${m}-${d}`)).sort());
    for (const c of rule) {
      expect(c.before).toMatchObject({ status: 'accepted', fee: '250.00' });
      expect(c.after).toMatchObject({ status: 'rejected', fee: '250.00', reimbursement: '0.00' });
      expect(c.delta).toEqual({ fee: '-250.00', reimbursement: null });
      expect(c.because).toEqual([expect.objectContaining({ kind: 'rule', change: 'now', outcome: 'violated', ruleKind: 'non-cumulation', source: expect.objectContaining({ document: '2024099001', article: 'Art. 1er, 2°' }) })]);
    }
  });

  it('totals lines and euros per code, month and institution, exactly', () => {
    const t = run.totals;
    expect([t.requests, t.claims, t.errors]).toEqual([366, 366 + 24, 1]);
    expect(t.changed).toEqual({ lines: 196, decisions: 12, fee: { before: '26000.00', after: '27600.00', delta: '1600.00' }, reimbursement: { before: '0.00', after: '0.00', delta: '0.00' }, unknown: { fee: 0, reimbursement: 196 } });
    expect(Object.fromEntries(Object.entries(t.byCode).map(([k, s]) => [k, [s.lines, s.decisions, s.fee.delta]]))).toEqual({ '355751': [184, 0, '4600.00'], '355950': [12, 12, '-3000.00'] });
    expect(Object.fromEntries(Object.entries(t.byMonth).map(([k, s]) => [k, [s.lines, s.fee.delta]]))).toEqual({
      '2024-07': [33, '275.00'], '2024-08': [33, '275.00'], '2024-09': [32, '250.00'], '2024-10': [33, '275.00'], '2024-11': [32, '250.00'], '2024-12': [33, '275.00'],
    });
    expect(Object.fromEntries(Object.entries(t.byInstitution).map(([k, s]) => [k, [s.lines, s.fee.delta]]))).toEqual({ 'H-1': [98, '800.00'], 'H-2': [98, '800.00'] });
  });

  it('leaves the database untouched', async () => {
    expect(hashOf(db)).toBe(before);
    const store = await openStore(db);
    try {
      expect((await store.documents()).map((d) => d.document)).not.toContain('2024099001');
    } finally {
      await store.close();
    }
  });
});

describe('replay edge cases', () => {
  it('the current law replayed under itself changes nothing', async () => {
    const r = await replay(yearOfClaims(), [join(FIXTURES, 'coefficients-k-2024.json')]);
    expect(r.totals.changed.lines).toBe(0);
    expect(r.drafts.map((d) => d.status)).toEqual(['unchanged']);
  });

  it('text output: one line per changed line, then the totals', async () => {
    const claims = JSON.stringify({ claims: [{ id: 'A', code: '355751', date: '2024-07-01' }, { id: 'B', code: '355950', date: '2024-07-01' }] }) + '\n';
    const r = await replay(claims, [join(FIXTURES, 'draft-2024099001.fr.md')], 'text');
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toBe('line 1  A  355751  2024-07-01  -  accepted  fee 125.00 → 150.00 (+25.00)  reimbursement —  because value K 50 → K 60');
    expect(lines[1]).toBe('line 1  B  355950  2024-07-01  -  accepted → rejected  fee 250.00 → 0.00 (-250.00)  reimbursement — → 0.00  because now violated: rd2024-355950-not-with-355751 [2024099001, Art. 1er, 2°]');
  });

  it('the limits of check hold: a request over them, or an over-long line, is an error line and the run goes on', async () => {
    const ok = JSON.stringify({ claims: [{ id: 'A', code: '355751', date: '2024-07-01' }] });
    const two = JSON.stringify({ claims: [{ id: 'A', code: '355751', date: '2024-07-01' }, { id: 'B', code: '355950', date: '2024-07-01' }] });
    const long = JSON.stringify({ claims: [{ id: 'A'.repeat(300), code: '355751', date: '2024-07-01' }] });
    const r = await replay([ok, two, long, ok].join('\n') + '\n', [join(FIXTURES, 'draft-2024099001.fr.md')], 'ndjson', { ...DEFAULT_LIMITS, claims: 1, lineBytes: 200 });
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.line)).toEqual([1, 2, 3, 4]);
    expect(lines[1].error.errors[0].path).toBe('claims');
    expect(lines[2].error.bytes).toBe(long.length);
    expect([r.totals.requests, r.totals.errors, r.totals.changed.lines]).toEqual([2, 2, 2]);
    expect(r.stats).toEqual({ lines: 4, responses: 2, errors: 2 });
  });

  it('a draft whose rules would stop the engine is refused, naming its sentence', async () => {
    const bad = join(dir, 'bad.md');
    const text = readFileSync(join(FIXTURES, 'draft-2024099001.fr.md'), 'utf8').replace("« La prestation n° 355950-355961 n'est pas cumulable avec la prestation n° 355751-355762. »", '« Les prestations 355950-355961 peuvent être attestées 0 fois par jour. »');
    (await import('node:fs')).writeFileSync(bad, text);
    await expect(replay('', [bad])).rejects.toThrow(IngestRefused);
  });
});
