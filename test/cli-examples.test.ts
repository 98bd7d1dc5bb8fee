/**
 * The README's conventions commands run as written, on the files of examples/ (issue 16: they did
 * not exist): each exits 0, or 1 where the README says a check fails, and never with a stack trace.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'bin', 'nomen.js');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The commands of the ```sh block of the README's "Conventions" section. */
function conventionCommands(): string[] {
  const section = README.slice(README.indexOf('### Conventions'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)![1];
  return block.split('\n').filter((l) => l.startsWith('npx nomen ')).map((l) => l.replace(/\s{2,}#.*$/, '').trim());
}

describe('README conventions commands on examples/', () => {
  it('every file they name exists, and each command runs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nomen-examples-'));
    const db = join(dir, 'ex.db');
    const commands = conventionCommands();
    expect(commands.length).toBeGreaterThanOrEqual(8);
    for (const f of ['institutions.csv', 'claims.ndjson', 'quote.json', 'roster.csv', 'facts.json']) {
      expect(commands.some((c) => c.includes(`examples/${f}`)), f).toBe(true);
      expect(existsSync(join(ROOT, 'examples', f)), f).toBe(true);
    }
    for (const command of commands) {
      const shell = command.replace(/^npx nomen\b/, `node ${JSON.stringify(BIN)}`);
      const r = spawnSync('bash', ['-c', shell], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NOMEN_DB: db, LANG: 'C', LC_ALL: 'C' }, timeout: 120_000 });
      const expected = command.startsWith('npx nomen compliance') ? 1 : 0;
      expect({ command, code: r.status, stderr: r.stderr }).toEqual({ command, code: expected, stderr: '' });
      expect(r.stdout.length).toBeGreaterThan(0);
    }
  }, 300_000);
});
