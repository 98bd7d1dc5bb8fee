/**
 * Issue 12 through the real `nomen` binary: a hostile word in a legal text never stops the engine
 * (the ingest works or is refused, and `check` goes on working: never exit 1), and bytes that are
 * not UTF-8 are refused with their line and byte offset, never merged into another name.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'bin', 'nomen.js');
const REQUEST = join(ROOT, 'examples', 'request.json');
const ABLATION = readFileSync(join(ROOT, 'corpus', '000_03aa16b1e0318a25.txt'), 'utf8');
const RD1994 = readFileSync(join(ROOT, 'corpus', '004_41601e86ba046398.txt'), 'utf8');

function nomen(args: string[], input?: string | Buffer, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, timeout: 60_000, maxBuffer: 64 << 20, env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}

const dir = mkdtempSync(join(tmpdir(), 'nomen-reliability-'));
const base = join(dir, 'base.db');
let n = 0;
const fresh = () => {
  const f = join(dir, `db-${++n}.db`);
  copyFileSync(base, f);
  return f;
};
const write = (name: string, content: string | Buffer) => {
  const f = join(dir, name);
  writeFileSync(f, content);
  return f;
};
const hashOf = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

beforeAll(() => {
  expect(nomen(['documents', '--db', base]).code).toBe(0);
});

describe('a prototype name in place of a number word (issue 12, item 1)', () => {
  for (const word of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
    it(`"${word}": the ingest works or is refused, and check goes on working`, () => {
      const db = fresh();
      // "chez l'enfant de moins de sept ans" (an age rule) and "une fois par jour" (a frequency rule)
      const act = write(`rd-${word}.txt`, RD1994.replace(/moins de sept ans/, `moins de ${word} ans`));
      const convention = write(`conv-${word}.txt`, ABLATION.replace(/attestées une fois par jour/, `attestées ${word} fois par jour`));
      const ingest = nomen(['ingest', act, convention, '--db', db]);
      expect([0, 2], ingest.stderr).toContain(ingest.code);
      const check = nomen(['check', REQUEST, '--db', db]);
      expect(check.stderr).toBe('');
      expect(check.code).toBe(0);
      expect(JSON.parse(check.stdout).decisions).toHaveLength(3);
      const batch = nomen(['check', '--ndjson', '-', '--jobs', '1', '--db', db], JSON.stringify(JSON.parse(readFileSync(REQUEST, 'utf8'))) + '\n');
      expect(batch.code).toBe(0);
      expect(JSON.parse(batch.stdout.split('\n')[0]).decisions).toHaveLength(3);
    });
  }
});

describe('ingest cannot poison the engine', () => {
  it('a document whose rules would not compile is refused (exit 2) naming the document and sentence; nothing is stored; check works', () => {
    const db = fresh();
    const before = hashOf(db);
    const convention = write('conv-zero.txt', ABLATION.replace(/attestées une fois par jour/, 'attestées 0 fois par jour'));
    const r = nomen(['ingest', convention, '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('conv-zero.txt');
    expect(r.stderr).toMatch(/conv-[0-9a-f]{16}/);
    expect(r.stderr).toContain('4.1.2');
    expect(r.stderr).toContain('peuvent être attestées 0 fois par jour');
    expect(r.stderr).toMatch(/nothing was ingested/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(hashOf(db)).toBe(before);
    const check = nomen(['check', REQUEST, '--db', db]);
    expect(check.code).toBe(0);
  });
});

describe('bytes that are not UTF-8 (issue 12, item 3)', () => {
  const request = (id: string) => JSON.stringify({ beneficiary: { id }, claims: [{ id: 'L1', code: '587134', date: '2024-11-18' }] });

  it('check of a file or of stdin: exit 2 naming the line and byte offset; nothing on stdout', () => {
    const text = `{\n  "beneficiary": { "id": "Müller" },\n  "claims": [{ "id": "L1", "code": "587134", "date": "2024-11-18" }]\n}\n`;
    const file = write('latin1.json', Buffer.from(text, 'latin1'));
    const offset = text.split('\n')[1].indexOf('ü');
    for (const [args, input] of [[[file]], [['-'], Buffer.from(text, 'latin1')]] as [string[], Buffer?][]) {
      const r = nomen(['check', ...args, '--db', base], input);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`not valid UTF-8: line 2, byte offset ${offset} (byte 0xFC)`);
    }
    const fr = nomen(['check', file, '--db', base, '--lang', 'nl']);
    expect(fr.stderr).toContain(`geen geldige UTF-8: regel 2, byte-positie ${offset}`);
  });

  it('check --ndjson: each bad line gives an error object with its line and offset, the run goes on (one thread and several)', () => {
    const body = Buffer.concat([
      Buffer.from(`${request('Müller')}\n${request('Möller')}\n`, 'latin1'),
      Buffer.from(`${request('Möller')}\n`, 'utf8'),
    ]);
    const at = request('Müller').indexOf('ü');
    for (const jobs of ['1', '2']) {
      const r = nomen(['check', '--ndjson', '-', '--jobs', jobs, '--db', base], body, { NOMEN_BATCH_BYTES: '64' });
      expect(r.code).toBe(0);
      const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
      expect(lines).toHaveLength(3);
      expect(lines[0]).toMatchObject({ line: 1, error: { offset: at, message: expect.stringContaining(`line 1, byte offset ${at}`) } });
      expect(lines[1]).toMatchObject({ line: 2, error: { offset: at, message: expect.stringContaining(`line 2, byte offset ${at}`) } });
      expect(lines[2].beneficiary).toBe('Möller');
    }
  });
});
