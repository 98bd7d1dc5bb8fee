/**
 * The README's examples are true: every ```text block whose lines start with "$ npx nomen …" is
 * run with the real binary on a fresh copy of the built-in database, in the repository's folder,
 * and its output compared with what the README prints. In the printed output "…" stands for
 * anything (a line that is only "…" for any number of lines). A block that needs documents
 * ingested first says so in an HTML comment just before it, invisible on the page:
 * `<!-- readme-test: nomen ingest FILE … -->` (each command on its own line).
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'bin', 'nomen.js');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

interface Example { line: number; setup: string[]; steps: { command: string; expected: string[] }[] }

/** The runnable examples of the README, in order. */
function examples(): Example[] {
  const out: Example[] = [];
  const lines = README.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== '```text') continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i].trim() !== '```'; i++) body.push(lines[i]);
    if (!body.some((l) => l.startsWith('$ npx nomen '))) continue;
    // The setup comment, if any, ends on the line before the fence (blank lines allowed between).
    const setup: string[] = [];
    let j = start - 1;
    while (j >= 0 && lines[j].trim() === '') j--;
    if (j >= 0 && lines[j].trim().endsWith('-->')) {
      let k = j;
      while (k >= 0 && !lines[k].includes('<!-- readme-test:')) k--;
      if (k >= 0) {
        const text = lines.slice(k, j + 1).join('\n').replace(/^[\s\S]*?<!-- readme-test:/, '').replace(/-->\s*$/, '');
        setup.push(...text.split('\n').map((l) => l.trim()).filter(Boolean));
      }
    }
    const steps: Example['steps'] = [];
    for (const l of body) {
      if (l.startsWith('$ ')) steps.push({ command: l.slice(2).replace(/\s{2,}#.*$/, '').trim(), expected: [] });
      else if (steps.length) steps[steps.length - 1].expected.push(l);
    }
    for (const s of steps) while (s.expected.length && s.expected[s.expected.length - 1].trim() === '') s.expected.pop();
    out.push({ line: start + 1, setup, steps });
  }
  return out;
}

/** Runs one shell command with `npx nomen` as the built binary, on database `db`. */
function run(command: string, db: string): { code: number | null; out: string } {
  const shell = command.replace(/^npx nomen\b/, `node ${JSON.stringify(BIN)}`).replace(/\|\s*npx nomen\b/g, `| node ${JSON.stringify(BIN)}`).replace(/^nomen\b/, `node ${JSON.stringify(BIN)}`);
  const r = spawnSync('bash', ['-c', shell], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NOMEN_DB: db, LANG: 'C', LC_ALL: 'C' }, timeout: 60_000, maxBuffer: 64 << 20 });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** True when `actual` lines match `expected` lines, "…" standing for anything. */
export function matches(expected: string[], actual: string[]): boolean {
  const res = expected.map((e) => (e.trim() === '…' ? null : new RegExp(`^${e.trimEnd().split('…').map(escape).join('.*')}\\s*$`)));
  const memo = new Map<string, boolean>();
  const go = (i: number, j: number): boolean => {
    const key = `${i}:${j}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let r: boolean;
    if (i === res.length) r = j === actual.length;
    else if (res[i] === null) r = go(i + 1, j) || (j < actual.length && go(i, j + 1));
    else r = j < actual.length && res[i]!.test(actual[j]) && go(i + 1, j + 1);
    memo.set(key, r);
    return r;
  };
  return go(0, 0);
}

const dir = mkdtempSync(join(tmpdir(), 'nomen-readme-'));
const base = join(dir, 'base.db');
let n = 0;

beforeAll(() => {
  expect(run('npx nomen documents', base).code).toBe(0);
});

describe('the README examples are true', () => {
  it('has runnable examples, and the matcher is strict', () => {
    expect(examples().length).toBeGreaterThan(8);
    expect(matches(['a …', '…', 'z'], ['a b', 'x', 'y', 'z'])).toBe(true);
    expect(matches(['a', 'z'], ['a', 'x', 'z'])).toBe(false);
    expect(matches(['a …'], ['b c'])).toBe(false);
  });

  for (const ex of examples()) {
    it(`README line ${ex.line}: ${ex.steps.map((s) => s.command).join('; ')}`, () => {
      const db = join(dir, `ex${n++}.db`);
      copyFileSync(base, db);
      for (const s of ex.setup) expect(run(s, db).code, s).toBe(0);
      for (const s of ex.steps) {
        const r = run(s.command, db);
        // A command printed without its output (a comment says what it does) must only succeed.
        if (s.expected.length === 0) {
          expect(r.code, `${s.command}\n${r.out}`).toBe(0);
          continue;
        }
        const actual = r.out.replace(/\n+$/, '').split('\n');
        expect(matches(s.expected, actual), `${s.command}\n--- README ---\n${s.expected.join('\n')}\n--- actual ---\n${actual.join('\n')}`).toBe(true);
      }
    });
  }
});
