/**
 * `nomen diff` and `nomen replay` through the real binary (bin/nomen.js → dist/): the decree's
 * changes across 1995-01-01, a replay on worker threads byte for byte that of one thread, bad
 * input named and nothing changed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = join(__dirname, '..', 'bin', 'nomen.js');
const FIXTURES = join(__dirname, 'fixtures', 'impact');
const DRAFT = join(FIXTURES, 'draft-2024099001.fr.md');
const dir = mkdtempSync(join(tmpdir(), 'nomen-impact-'));
const db = join(dir, 'base.db');

function nomen(args: string[], input?: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input, timeout: 120_000, maxBuffer: 64 << 20, env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const hashOf = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

beforeAll(() => {
  const r = nomen(['ingest', join(FIXTURES, 'coefficients-k-2024.json'), '--db', db]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
}, 120_000);

describe('nomen diff', () => {
  it('--from 1994-12-31 --to 1995-01-01 lists the decree\'s changes with their 40 articles', () => {
    const r = nomen(['diff', '--from', '1994-12-31', '--to', '1995-01-01', '--db', db]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('1994-12-31 → 1995-01-01: 149 codes changed: 29 inserted, 9 deleted, 17 value, 42 label, 146 rule-added');
    expect(lines).toContain('355751  art. 11, § 4  value: K 30 → K 50  [1994022370, Art. 2, 2°, 1.]');
    expect(lines).toContain('474316  art. 20, § 1er, d)  deleted: in-force → deleted  [1994022370, Art. 7, 2°, b)]');
    const acts = lines.slice(lines.indexOf('acts (40):') + 1);
    expect(acts).toHaveLength(40);
    expect(acts.every((l) => l.startsWith('  1994022370, Art. '))).toBe(true);
  });

  it('--json and --csv carry the same changes; filters apply', () => {
    const j = JSON.parse(nomen(['diff', '--from', '1994-12-31', '--to', '1995-01-01', '--article', '11', '--json', '--db', db]).stdout);
    expect(j.codes.map((c: { code: string }) => c.code)).toEqual(['354255', '354266', '355751', '355762', '355950', '355961']);
    const csv = nomen(['diff', '--from', '1994-12-31', '--to', '1995-01-01', '--prefix', '3557', '--csv', '--db', db]).stdout.trim().split('\n');
    expect(csv).toHaveLength(3);
    expect(csv[1]).toMatch(/^1994-12-31,1995-01-01,355751,"11, § 4",value,,K 30,K 50,true,1994022370,"Art. 2, 2°, 1.","la valeur relative ""K 30"" de la prestation/);
  });

  it('bad dates and filters are named, exit 2', () => {
    for (const [args, message] of [
      [['--from', '1995-01-01', '--to', '1994-12-31'], /--from 1995-01-01 is after --to 1994-12-31/],
      [['--from', '1995-02-30', '--to', '1996-01-01'], /--from: "1995-02-30" is not a date/],
      [['--from', '1994-12-31', '--to', '1995-01-01', '--prefix', '35a'], /--prefix: "35a" is not 1 to 6 digits/],
      [['--to', '1995-01-01'], /required option '--from <date>'/],
    ] as const) {
      const r = nomen(['diff', ...args, '--db', db]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
  });
});

describe('nomen replay', () => {
  // 3 days × 3 requests: a 355751 line, and on 2024-07-01 a 355950 line after it (rejected under the draft)
  const claims = ['2024-06-30', '2024-07-01', '2024-07-02'].flatMap((date, d) => [0, 1, 2].map((k) => JSON.stringify({
    beneficiary: { id: `B${k}` },
    claims: [{ id: `L${d}${k}a`, code: '355751', date, institution: 'H-1' }, ...(date === '2024-07-01' ? [{ id: `L${d}${k}b`, code: '355950', date, institution: 'H-1' }] : [])],
  }))).join('\n') + '\n';

  it('on worker threads, byte for byte what one thread gives; the database untouched', () => {
    const before = hashOf(db);
    const one = nomen(['replay', '-', '--with', DRAFT, '--json', '--jobs', '1', '--db', db], claims);
    expect(one.code).toBe(0);
    const out = one.stdout.trim().split('\n').map((l) => JSON.parse(l));
    // 6 lines 355751 from 2024-07-01 (+25.00 each), 3 lines 355950 rejected (−250.00 each): −600.00
    expect(out).toHaveLength(10);
    expect(out.at(-1).totals.changed).toMatchObject({ lines: 9, decisions: 3, fee: { delta: '-600.00' } });
    expect(out.at(-1).drafts).toEqual([{ document: '2024099001', status: 'ingested', entryIntoForce: '2024-07-01', file: DRAFT }]);
    for (const [jobs, batch] of [['2', '1'], ['2', '300']]) {
      const many = nomen(['replay', '-', '--with', DRAFT, '--json', '--jobs', jobs, '--db', db], claims, { NOMEN_BATCH_BYTES: batch });
      expect(many.code).toBe(0);
      expect(many.stdout).toBe(one.stdout);
      expect(many.stderr).toBe(one.stderr);
    }
    expect(hashOf(db)).toBe(before);
  }, 120_000);

  it('the limits of check (NOMEN_MAX_CLAIMS) hold on one thread and on workers alike', () => {
    const env = { NOMEN_MAX_CLAIMS: '1' };
    const one = nomen(['replay', '-', '--with', DRAFT, '--json', '--jobs', '1', '--db', db], claims, env);
    expect(one.code).toBe(0);
    const out = one.stdout.trim().split('\n').map((l) => JSON.parse(l));
    // the three requests of 2024-07-01 hold two claim lines: over the limit, each an error line
    expect(out.filter((l) => 'error' in l).map((l) => l.line)).toEqual([4, 5, 6]);
    expect(out.at(-1).totals).toMatchObject({ requests: 6, errors: 3, changed: { lines: 3 } });
    const many = nomen(['replay', '-', '--with', DRAFT, '--json', '--jobs', '2', '--db', db], claims, { ...env, NOMEN_BATCH_BYTES: '300' });
    expect(many.stdout).toBe(one.stdout);
  }, 120_000);

  it('text: the changed lines, then the totals per code, month and institution', () => {
    const r = nomen(['replay', '-', '--with', DRAFT, '--db', db], claims);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('9 requests, 12 claim lines decided twice, 0 bad lines; 9 lines change (3 decisions)');
    expect(r.stdout).toMatch(/per month:\n {2}2024-07 +9 +3 +1500\.00 +900\.00 +-600\.00/);
  }, 120_000);

  it('bad input: a missing draft or claims file, a draft that is not a document', () => {
    const notDoc = join(dir, 'notes.txt');
    writeFileSync(notDoc, 'just some words\n');
    const missing = nomen(['replay', '-', '--with', join(dir, 'none.md'), '--db', db], claims);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/none\.md: cannot read the file \(no such file\); nothing was replayed/);
    const unknown = nomen(['replay', '-', '--with', notDoc, '--db', db], claims);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/notes\.txt/);
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
    const noClaims = nomen(['replay', join(dir, 'none.ndjson'), '--with', DRAFT, '--db', db]);
    expect(noClaims.code).toBe(2);
    expect(noClaims.stderr).toMatch(/none\.ndjson/);
  }, 120_000);
});
