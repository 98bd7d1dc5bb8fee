/**
 * Issue 16, item 4: the CLI never shows a stack trace for what a user can cause (closed pipes,
 * databases that cannot be opened, dates and codes as people write them), through the real binary.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'bin', 'nomen.js');
const dir = mkdtempSync(join(tmpdir(), 'nomen-cli-errors-'));
const db = join(dir, 'base.db');
const ENV = { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '' };

function nomen(args: string[], env: NodeJS.ProcessEnv = ENV, input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env, input, timeout: 120_000, maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs `nomen ARGS | head -1` in bash: nomen's exit code, its stderr, and the line head printed. */
function piped(args: string) {
  const r = spawnSync('bash', ['-c', `node ${JSON.stringify(BIN)} ${args} 2>${JSON.stringify(join(dir, 'err'))} | head -1; echo "rc=\${PIPESTATUS[0]}"; cat ${JSON.stringify(join(dir, 'err'))}`], { encoding: 'utf8', env: ENV, timeout: 120_000 });
  const [first, rc, ...err] = r.stdout.split('\n');
  return { first, code: Number(rc.replace('rc=', '')), stderr: err.join('\n') };
}

beforeAll(() => {
  expect(nomen(['documents', '--db', db]).code).toBe(0);
});

describe('closed pipes end quietly', () => {
  it('search 5 --limit 1000 | head -1: one line, exit 0, no EPIPE', () => {
    const r = piped(`search 5 --limit 1000 --db ${JSON.stringify(db)}`);
    expect(r.first).toMatch(/^5\d{5} /);
    expect(r.stderr).not.toMatch(/EPIPE|internal error|at /);
    expect(r.code).toBe(0);
  });

  it('check --ndjson FILE | head -1: one answer, exit 0, no EPIPE', () => {
    const line = JSON.stringify({ beneficiary: { id: 'B1' }, claims: [{ id: 'L1', code: '355751', date: '2024-06-28' }] });
    const file = join(dir, 'many.ndjson');
    writeFileSync(file, `${line}\n`.repeat(4000));
    const r = piped(`check --ndjson ${JSON.stringify(file)} --jobs 1 --db ${JSON.stringify(db)}`);
    expect(JSON.parse(r.first).decisions).toBeDefined();
    expect(r.stderr).not.toMatch(/EPIPE|internal error|    at /);
    expect(r.code).toBe(0);
  });
});

describe('a database that cannot be opened: what is wrong and how to fix it, exit 4', () => {
  it('a missing folder', () => {
    const r = nomen(['show', '587134', '--db', join(dir, 'no', 'such', 'folder', 'x.db')]);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/folder of the database does not exist: create it/);
    expect(r.stderr).not.toMatch(/internal error|    at /);
  });

  it('an unreachable PostgreSQL server, its password hidden', () => {
    const r = nomen(['show', '587134', '--db', 'postgres://me:secret@127.0.0.1:1/nomen']);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/cannot reach the PostgreSQL server \(ECONNREFUSED\): check that it runs/);
    expect(r.stderr).not.toContain('secret');
    expect(r.stderr).not.toMatch(/internal error|    at /);
  });

  it('a file that is not a database', () => {
    const file = join(dir, 'not-a.db');
    writeFileSync(file, 'hello, this is not SQLite\n'.repeat(100));
    const r = nomen(['show', '587134', '--db', file]);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/not a SQLite database/);
    expect(r.stderr).not.toMatch(/internal error|    at /);
  });

  it('in the environment\'s language', () => {
    const r = nomen(['show', '587134', '--db', join(dir, 'no', 'x.db')], { ...ENV, LANG: 'nl_BE.UTF-8' });
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/de map van de databank bestaat niet/);
  });
});

describe('dates and codes as people write them', () => {
  it('--at 2024-11-31 is not a date in the calendar (not a matter of form)', () => {
    const r = nomen(['show', '587134', '--at', '2024-11-31', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"2024-11-31" is not a date in the calendar');
    expect(nomen(['show', '587134', '--at', '15/11/2024', '--db', db]).stderr).toContain('not a date in the form YYYY-MM-DD');
  });

  it('587.134, "587 134" and the pair form 587134-587145 are read as 587134', () => {
    for (const code of ['587.134', '587 134', '587134-587145']) {
      const r = nomen(['show', code, '--at', '2024-11-15', '--db', db, '--json']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).code).toBe('587134');
    }
    expect(nomen(['history', '587.134', '--db', db]).code).toBe(0);
  });
});

describe('search says when it cuts at its limit', () => {
  it('--limit 3 on a prefix with more codes: a notice on stderr, truncated in JSON', () => {
    const r = nomen(['search', '5', '--limit', '3', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(3);
    expect(r.stderr).toContain('the first 3 results only');
    const j = nomen(['search', '5', '--limit', '3', '--db', db, '--json']);
    expect(JSON.parse(j.stdout).truncated).toBe(true);
  });

  it('no notice when everything is shown', () => {
    const r = nomen(['search', '587134', '--db', db]);
    expect(r.stderr).toBe('');
  });
});

describe('check: a file of NDJSON without --ndjson', () => {
  it('suggests --ndjson instead of a raw parse error', () => {
    const r = nomen(['check', join(ROOT, 'examples', 'claims-2024.ndjson'), '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('add --ndjson');
    expect(r.stderr).not.toMatch(/Unexpected|position/);
  });
});
