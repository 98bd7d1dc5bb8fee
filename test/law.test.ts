/**
 * The law compiled once (issue 14): a database holds its compiled rules and curated files, so it
 * decides the same from a package without the rules/ folder; a database whose law another engine
 * compiled (or none: made before migration 6) is compiled again once; `check` loads the compiled law,
 * not the extractor, the validation schemas or the other commands. Through the real binary.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'yaml';

const ROOT = join(__dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'nomen-law-'));

function run(bin: string, args: string[], extra: string[] = []) {
  const r = spawnSync(process.execPath, [...extra, bin, ...args], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const BIN = join(ROOT, 'bin', 'nomen.js');

/** Every request of the legal cases (with their defaults), one per line: they name the curated rules' codes. */
function casesNdjson(): string {
  const lines: string[] = [];
  for (const f of readdirSync(join(ROOT, 'test', 'cases')).filter((n) => n.endsWith('.yaml')).sort()) {
    const file = parse(readFileSync(join(ROOT, 'test', 'cases', f), 'utf8')) as { corpus?: unknown; cases: { request: Record<string, unknown> }[] };
    if (file.corpus) continue; // documents beyond the built-in corpus
    for (const c of file.cases) lines.push(JSON.stringify(c.request));
  }
  return lines.join('\n') + '\n';
}

const curatedIds = readdirSync(join(ROOT, 'rules')).filter((f) => f.endsWith('.yaml'))
  .flatMap((f) => ((parse(readFileSync(join(ROOT, 'rules', f), 'utf8')) as { rules?: { id: string }[] }).rules ?? []).map((r) => r.id));

let requests: string;
let expected: string;
const db = join(dir, 'base.db');

beforeAll(() => {
  requests = join(dir, 'cases.ndjson');
  writeFileSync(requests, casesNdjson());
  const r = run(BIN, ['check', '--ndjson', requests, '--db', db, '--jobs', '1']);
  expect(r.code).toBe(0);
  expected = r.stdout;
}, 180_000);

describe('the compiled law in the database', () => {
  // The indication tables (rules/indications/) are still read from the package by the indication
  // kind: the copy keeps that sub-folder only; every curated rule file (rules/*.yaml) is left out.
  it('decides the same from a package without its curated rule files (rules/*.yaml)', () => {
    // The decisions name curated rules: without them in the database, this copy would decide otherwise.
    expect(curatedIds.some((id) => expected.includes(`"rule":"${id}"`))).toBe(true);
    const pkg = join(dir, 'pkg');
    mkdirSync(pkg);
    cpSync(join(ROOT, 'dist'), join(pkg, 'dist'), { recursive: true });
    cpSync(join(ROOT, 'bin'), join(pkg, 'bin'), { recursive: true });
    copyFileSync(join(ROOT, 'package.json'), join(pkg, 'package.json'));
    cpSync(join(ROOT, 'rules', 'indications'), join(pkg, 'rules', 'indications'), { recursive: true });
    cpSync(join(ROOT, 'corpus'), join(pkg, 'corpus'), { recursive: true }); // the tables' module reads the built-in documents' ids
    symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'));
    const copy = join(dir, 'copy.db');
    copyFileSync(db, copy);
    const r = run(join(pkg, 'bin', 'nomen.js'), ['check', '--ndjson', requests, '--db', copy, '--jobs', '1']);
    expect(r.stderr).not.toContain('compiled again');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(expected);
  }, 120_000);

  it.each([
    ['compiled by another engine', (d: Database.Database) => d.prepare("UPDATE compiled_law SET engine = 'rules@0000000000000000'").run()],
    ['made before the law was stored (migration 6)', (d: Database.Database) => d.exec('DELETE FROM compiled_law; DELETE FROM curated_files')],
  ])('a database %s is compiled again once, and decides the same', (_name, age) => {
    const old = join(dir, `old-${Math.random().toString(36).slice(2)}.db`);
    copyFileSync(db, old);
    const d = new Database(old);
    age(d);
    d.close();
    const first = run(BIN, ['check', '--ndjson', requests, '--db', old, '--jobs', '1']);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/compiled again by rules@[0-9a-f]{16}, once/);
    expect(first.stdout).toBe(expected);
    const second = run(BIN, ['check', '--ndjson', requests, '--db', old, '--jobs', '1']);
    expect(second.stderr).not.toContain('compiled again');
    expect(second.stdout).toBe(expected);
  }, 120_000);
});

describe('the start path of check', () => {
  // The indication kind still loads its tables' module (YAML, and through it the parsers): not asserted here.
  it('loads the compiled law: no rule validation, no ingest guard, no other command, no worker for one line', () => {
    const trace = join(dir, 'trace.mjs');
    writeFileSync(trace, `import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(\`export async function load(url, context, next) { if (url.startsWith('file:')) process.stderr.write('LOAD ' + url + '\\\\n'); return next(url, context); }\`));
`);
    const one = join(dir, 'one.ndjson');
    writeFileSync(one, '{"claims":[{"id":"1","code":"101010","date":"2024-01-01"}]}\n');
    const r = run(BIN, ['check', '--ndjson', one, '--db', db], ['--import', trace]);
    expect(r.code).toBe(0);
    const loaded = r.stderr.split('\n').filter((l) => l.startsWith('LOAD ')).map((l) => l.slice(5));
    expect(loaded.some((u) => u.endsWith('/dist/rules/rule-index.js'))).toBe(true);
    for (const unwanted of ['/dist/rules/registry.js', '/dist/rules/params.js', '/dist/store/guard.js', '/dist/cli/ingest.js', '/dist/cli/serve.js', '/dist/cli/codes.js', '/dist/engine/parallel.js']) {
      expect(loaded.filter((u) => u.includes(unwanted)), unwanted).toEqual([]);
    }
  }, 60_000);
});
