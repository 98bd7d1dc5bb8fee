/**
 * nomen as a library, as an integrator gets it: the package is packed (`npm pack`), the tarball
 * installed in a fresh folder, then `import … from 'nomen'` runs the README's example and a
 * TypeScript file type-checks against the installed declarations.
 *
 * No network: the folder is given the project's production dependencies first (copied from
 * node_modules, better-sqlite3 with its compiled addon), then `npm install --offline` of the
 * tarball keeps them. Where npm still wants the registry, the tarball is unpacked where npm would
 * put it (node_modules/nomen): what is tested is the same packed content either way.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(__dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'nomen-pack-'));
const app = join(dir, 'app');
let packed: { filename: string; files: { path: string }[] };
let installedBy = '';

const run = (cmd: string, args: string[], cwd: string, timeout = 300_000) => spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout, maxBuffer: 64 << 20 });

/** The README's library example: the ```js block after the `library-example` marker. */
function readmeExample(): { code: string; expected: string[] } {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const m = /<!-- library-example -->\s*```js\n([\s\S]*?)```/.exec(readme);
  if (!m) throw new Error('README: no library example (<!-- library-example --> then a ```js block)');
  const expected = [...m[1].matchAll(/\/\/ → (.*)$/gm)].map((x) => x[1].trim());
  return { code: m[1], expected };
}

beforeAll(() => {
  // the package's files are dist/ as built (npm test builds before running the tests)
  if (!existsSync(join(root, 'dist', 'index.js'))) expect(run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], root).status).toBe(0);
  const pack = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], root);
  expect(pack.status, pack.stderr).toBe(0);
  packed = JSON.parse(pack.stdout)[0];

  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'integrator', private: true, type: 'module' }));
  // the production dependency tree, as installed for the project (compiled addons included)
  const tree = run('npm', ['ls', '--omit=dev', '--all', '--parseable'], root).stdout.split('\n').filter((p) => p.includes(`${join(root, 'node_modules')}`));
  for (const p of tree) {
    const target = join(app, relative(root, p));
    if (!existsSync(target)) cpSync(p, target, { recursive: true });
  }
  const tarball = join(dir, packed.filename);
  const install = run('npm', ['install', '--offline', '--ignore-scripts', '--no-audit', '--no-fund', '--no-package-lock', tarball], app);
  if (install.status === 0 && existsSync(join(app, 'node_modules', 'nomen', 'package.json'))) installedBy = 'npm install --offline';
  else {
    // npm wanted the registry: unpack the tarball where npm puts it
    mkdirSync(join(app, 'node_modules'), { recursive: true });
    expect(run('tar', ['-xzf', tarball, '-C', dir], dir).status).toBe(0);
    rmSync(join(app, 'node_modules', 'nomen'), { recursive: true, force: true });
    renameSync(join(dir, 'package'), join(app, 'node_modules', 'nomen'));
    installedBy = `unpacked (npm install --offline: ${install.stderr.split('\n').find((l) => /error/.test(l)) ?? install.status})`;
  }
  // an install without scripts builds no addon: the project's compiled one serves
  const addon = join('node_modules', 'better-sqlite3', 'build');
  if (!existsSync(join(app, addon))) cpSync(join(root, addon), join(app, addon), { recursive: true });
}, 600_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the packed package', () => {
  it('holds the library entry, its declarations, the corpus and the curated rules, and no tests', () => {
    const files = packed.files.map((f) => f.path);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const entries = [pkg.main, pkg.types, pkg.exports['.'].import, pkg.exports['.'].types].map((p: string) => p.replace(/^\.\//, ''));
    expect(files).toEqual(expect.arrayContaining([...entries, 'bin/nomen.js', 'corpus/000_03aa16b1e0318a25.txt', 'rules/ablation.yaml']));
    expect(files.filter((f) => /\.test\.|test-support/.test(f))).toEqual([]);
  });

  it('installs in a fresh folder and runs the README example with import from "nomen"', () => {
    expect(installedBy).not.toBe('');
    console.log(`nomen installed by ${installedBy}`);
    const { code, expected } = readmeExample();
    expect(expected.length).toBeGreaterThan(1);
    writeFileSync(join(app, 'example.mjs'), code);
    const r = run(process.execPath, ['example.mjs'], app, 120_000);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual(expected);
  });

  it('type-checks TypeScript against the installed declarations (the types are real, not any)', () => {
    writeFileSync(join(app, 'typed.ts'), [
      "import { openStore, openEngine, nomenclatureOn, refusalCodesOf, EFACT_CODES, type CheckResponse, type Reason, type EfactCode, type Store } from 'nomen';",
      'export async function first(store: Store): Promise<EfactCode | null> {',
      "  const engine = await openEngine(store, { locale: 'nl' });",
      "  const r = engine.check({ claims: [{ id: 'L1', code: '587134', date: '2024-11-18' }] });",
      '  if (!r.ok) return null;',
      '  const response: CheckResponse = r.response;',
      "  const reason: Reason | undefined = response.decisions[0].reasons.find((x) => x.outcome === 'violated');",
      '  return reason?.efact ?? null;',
      '}',
      "export const label: string = EFACT_CODES['500444'].label.nl;",
      "export const opened: Promise<Store> = openStore(':memory:');",
      "export const fee = async (s: Store) => (await nomenclatureOn(s, '2024-11-15')).state('587134').fee;",
      "export const codes = refusalCodesOf('frequency', { code: 'frequency.exceeded', service: '587134', max: 1, counted: 1, units: 1, period: 'day', periodDays: null, window: null, stay: null, side: null, together: null, anchor: null, lines: [] });",
      '// @ts-expect-error: the date of the nomenclature is a string',
      "export const wrong: number = (await nomenclatureOn(await opened, '2024-11-15')).at;",
      '',
    ].join('\n'));
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const r = run(process.execPath, [tsc, '--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--skipLibCheck', '--types', 'node', '--typeRoots', join(root, 'node_modules', '@types'), 'typed.ts'], app, 180_000);
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
