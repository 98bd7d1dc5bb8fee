/**
 * Issue 13, "done when": src/conventions/ holds no code list, threshold, date or convention name of
 * a particular convention. Its code (not its comments, nor its tests and test helpers) is scanned
 * for six-digit codes, dates, key-letter thresholds ("K 400"), document ids and the machine names
 * of the built-in conventions; every such value lives in rules/ with its sentence.
 */
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinDocuments } from '../nomenclature/builtin.js';

const DIR = fileURLToPath(new URL('.', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'test-support.ts' ? [p] : [];
  });
}

/** The code of a TypeScript text: block and line comments removed (a "//" inside a string stays). */
export function codeOnly(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .split('\n')
    .map((l) => l.replace(/(^|[^:'"`\\])\/\/.*$/, '$1'))
    .join('\n');
}

/** What a piece of code must not hold: each finding names the value. */
export function findings(code: string, names: readonly string[]): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(/(?<![\w.])\d{6}(?![\w.])/g)) out.push(`code ${m[0]}`);
  // The open ends of an interval (0000-01-01, 9999-12-31) are no one's date.
  for (const m of code.matchAll(/\b(?!0000|9999)\d{4}-\d{2}-\d{2}\b/g)) out.push(`date ${m[0]}`);
  for (const m of code.matchAll(/\b[KNI] \d{2,4}\b/g)) out.push(`threshold ${m[0]}`);
  for (const m of code.matchAll(/\bconv-[0-9a-f]{16}\b/g)) out.push(`document id ${m[0]}`);
  for (const n of names) if (code.includes(n)) out.push(`name ${n}`);
  return out;
}

const NAMES = builtinDocuments().flatMap((d) => [d.id, ...(d.convention ? [d.convention] : [])]);

describe('src/conventions/ is convention-free', () => {
  test('the scan finds what it looks for (it can fail)', () => {
    const old = "export const X = { id: 'conv-fc467a2e32d3c4b9', convention: 'breast-reconstruction', from: '1995-01-01', minimum: 'K 400', codes: ['587134'] };";
    expect(findings(codeOnly(old), NAMES).sort()).toEqual(['code 587134', 'date 1995-01-01', 'document id conv-fc467a2e32d3c4b9', 'name breast-reconstruction', 'name conv-fc467a2e32d3c4b9', 'threshold K 400'].sort());
    expect(findings(codeOnly('/** e.g. 587134 on 2024-11-01 */\nconst a = 1; // K 400'), NAMES)).toEqual([]);
    expect(findings("const open = x ?? '9999-12-31', start = y ?? '0000-01-01';", NAMES)).toEqual([]);
    expect(NAMES).toContain('percutaneous-tumour-ablation');
    expect(NAMES).toContain('1994022370');
  });

  const files = sources(DIR);
  test('it scans the module', () => {
    expect(files.some((f) => f.endsWith('derived.ts'))).toBe(true);
    expect(files.some((f) => f.endsWith(join('obligations', 'kinds.ts')))).toBe(true);
  });

  test.each(files.map((f) => [f.slice(DIR.length), f]))('%s holds no value of a particular convention', (_name, file) => {
    expect(findings(codeOnly(readFileSync(file, 'utf8')), NAMES)).toEqual([]);
  });
});
