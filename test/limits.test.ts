/**
 * Issue 12, item 5 through the real `nomen` binary: the limits of one request (claim and history
 * lines, answer size, NDJSON line size) end in a clear refusal, never a crash ("RangeError:
 * Invalid string length"), and one oversized line never stops a batch, on one thread or several.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'bin', 'nomen.js');

function nomen(args: string[], input?: string | Buffer, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, timeout: 90_000, maxBuffer: 256 << 20, env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}

const dir = mkdtempSync(join(tmpdir(), 'nomen-limits-'));
const db = join(dir, 'base.db');
const write = (name: string, content: string) => {
  const f = join(dir, name);
  writeFileSync(f, content);
  return f;
};
const claim = (i: number, date = '2024-11-18') => ({ id: `L${i}`, code: '587134', date });

beforeAll(() => {
  expect(nomen(['documents', '--db', db]).code).toBe(0);
});

describe('nomen check: one request over the limits', () => {
  it('45,000 claim lines: exit 2 naming claims and the limit, nothing on stdout (was: RangeError: Invalid string length)', () => {
    const file = write('huge.json', JSON.stringify({ claims: Array.from({ length: 45_000 }, (_, i) => claim(i)) }));
    const r = nomen(['check', file, '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('claims: 45000 claim lines, more than the limit of 1000 per request (NOMEN_MAX_CLAIMS)');
    expect(r.stderr).not.toMatch(/RangeError|at .*\.js:\d+/);
  });

  it('the limits are configurable (flag or environment) and refused in the language asked', () => {
    const file = write('five.json', JSON.stringify({ claims: Array.from({ length: 5 }, (_, i) => claim(i, `2024-11-1${i}`)) }));
    expect(nomen(['check', file, '--db', db, '--max-claims', '5']).code).toBe(0);
    const env = nomen(['check', file, '--db', db, '--lang', 'fr'], undefined, { NOMEN_MAX_CLAIMS: '4' });
    expect(env.code).toBe(2);
    expect(env.stderr).toContain('5 lignes de prestation, plus que la limite de 4 par demande');
    const history = write('history.json', JSON.stringify({ claims: [claim(0)], history: Array.from({ length: 3 }, (_, i) => claim(10 + i, '2020-01-01')) }));
    expect(nomen(['check', history, '--db', db, '--max-history', '2']).stderr).toContain('history: 3 history lines, more than the limit of 2');
    const bad = nomen(['check', file, '--db', db], undefined, { NOMEN_MAX_CLAIMS: 'many' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('NOMEN_MAX_CLAIMS: "many" is not a whole number');
  });

  it('an answer over the answer limit: exit 2 naming the limit, nothing on stdout', () => {
    // 200 same-day lines: each frequency reason lists the lines counted before it
    const file = write('sameday.json', JSON.stringify({ claims: Array.from({ length: 200 }, (_, i) => claim(i)) }));
    const r = nomen(['check', file, '--db', db, '--max-answer-bytes', '100000']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/the answer would be \d+ bytes, more than the limit of 100000 \(NOMEN_MAX_ANSWER_BYTES\)/);
  });
});

describe('nomen check --ndjson: one oversized line never stops the batch', () => {
  const good = JSON.stringify({ claims: [claim(1)] });
  const long = JSON.stringify({ claims: [{ ...claim(2), lesion: 'x'.repeat(300_000) }] });
  const input = [good, long, good, '', long, good].join('\n') + '\n';
  for (const jobs of ['1', '2']) {
    it(`--jobs ${jobs}: the long lines give {"line": n, "error": …} and the run goes on, in order`, () => {
      const r = nomen(['check', '--ndjson', '-', '--db', db, '--jobs', jobs, '--max-line-bytes', '100000'], input, { NOMEN_BATCH_BYTES: '4096' });
      expect(r.code).toBe(0);
      const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
      expect(out).toHaveLength(5);
      expect(out.map((o) => o.line ?? o.decisions[0].claim)).toEqual(['L1', 2, 'L1', 5, 'L1']);
      expect(out[1].error).toEqual({ message: expect.stringContaining('more than the limit of 100000 (NOMEN_MAX_LINE_BYTES)'), bytes: long.length });
      expect(JSON.parse(r.stderr.split('nomen: ')[1])).toEqual({ lines: 6, responses: 3, errors: 2 });
    });
  }

  it('a last line over the limit without a newline, and a request over the claims limit, are errors too', () => {
    const many = JSON.stringify({ claims: Array.from({ length: 3 }, (_, i) => claim(i)) });
    const r = nomen(['check', '--ndjson', '-', '--db', db, '--jobs', '1', '--max-line-bytes', '100000', '--max-claims', '2'], [good, many, long].join('\n'));
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(3);
    expect(out[1].error.errors[0].path).toBe('claims');
    expect(out[2].line).toBe(3);
    expect(out[2].error.bytes).toBe(long.length);
  });
});
