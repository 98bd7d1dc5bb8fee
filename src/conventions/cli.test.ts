/** The conventions commands, run in-process on a temporary database and temporary files. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { registerConventionCommands } from '../cli/conventions.js';
import { UserError } from '../cli/common.js';
import { generateClaims, toNdjson } from './test-support.js';

let dir: string;
let db: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nomen-conventions-'));
  db = join(dir, 'test.db');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const program = new Command().name('nomen').exitOverride().configureOutput({ writeOut: (s) => { out += s; }, writeErr: (s) => { err += s; } });
  registerConventionCommands(program);
  const write = process.stdout.write;
  process.stdout.write = ((s: string | Uint8Array) => { out += String(s); return true; }) as typeof process.stdout.write;
  let code = 0;
  try {
    await program.parseAsync(['node', 'nomen', ...args]);
    // a failed check sets the exit code (1) and prints its report: read it, and leave the test process's own
    code = Number(process.exitCode ?? 0);
    process.exitCode = undefined;
  } catch (e) {
    if (e instanceof CommanderError) code = e.exitCode === 0 ? 0 : 2;
    else if (e instanceof UserError) { err += `nomen: ${e.message}\n`; code = e.exitCode; }
    else throw e;
  } finally {
    process.stdout.write = write;
  }
  return { code, out, err };
}

describe('help', () => {
  test.each([
    ['institutions', '--help'], ['institutions', 'add', '--help'], ['institutions', 'import', '--help'], ['compliance', '--help'],
    ['quote', '--help'], ['indication', '--help'], ['derived', '--help'], ['staffing', '--help'],
  ])('%s %s', async (...args) => {
    const r = await run(...args);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Usage: nomen/);
  });
});

describe('institutions', () => {
  test('add, show, list with the convention\'s own dates', async () => {
    let r = await run('institutions', 'add', 'H-71001', '--name', 'AZ Voorbeeld', '--convention', 'percutaneous-tumour-ablation', '--db', db);
    expect(r.code).toBe(0);
    expect(r.out).toContain('percutaneous-tumour-ablation: 2024-11-01 to 2029-10-31');
    r = await run('institutions', 'add', 'H-71001', '--convention', 'breast-reconstruction', '--signed', '2016-11-15', '--notice-sent', '2023-03-15', '--db', db, '--json');
    const j = JSON.parse(r.out);
    expect(j.name).toBe('AZ Voorbeeld');
    expect(j.conventions).toContainEqual({ convention: 'breast-reconstruction', from: '2016-12-01', to: '2023-09-30', signed: '2016-11-15', noticeSent: '2023-03-15' });
    r = await run('institutions', 'show', 'H-71001', '--at', '2023-09-30', '--db', db);
    expect(r.out).toContain('breast-reconstruction: 2016-12-01 to 2023-09-30 — IN FORCE on 2023-09-30');
    expect(r.out).toContain('notice sent 2023-03-15: 6 months from 2023-04-01, no longer in force from 2023-10-01 (Art. 16)');
    r = await run('institutions', 'show', 'H-71001', '--at', '2023-10-01', '--db', db, '--json');
    expect(JSON.parse(r.out).status.map((s: { convention: string; inForce: boolean }) => [s.convention, s.inForce])).toEqual([['breast-reconstruction', false], ['percutaneous-tumour-ablation', false]]);
    r = await run('institutions', 'list', '--at', '2025-01-01', '--db', db);
    expect(r.out).toMatch(/^H-71001\s+AZ Voorbeeld\s+breast-reconstruction not in force; percutaneous-tumour-ablation in force$/m);
  });

  test('import from CSV; errors name the line and column, and nothing is stored', async () => {
    const good = file('inst.csv', 'institution,name,convention,from,to,signed,notice_sent\nH-72002,Clinique X,breast-reconstruction,,,2017-01-10,\nH-73003,,percutaneous-tumour-ablation,,,,\n');
    let r = await run('institutions', 'import', good, '--db', db);
    expect([r.code, r.out]).toEqual([0, 'imported 2 institutions (2 conventions): H-72002, H-73003\n']);
    const bad = file('bad.csv', 'institution,name,convention,from,to,signed,notice_sent\nH-74004,,percutaneous-tumour-ablation,,,,\nH-75005,,breast-reconstruction,,,2017-02-30,\n');
    r = await run('institutions', 'import', bad, '--db', db);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`nomen: ${bad}, line 3, column signed: "2017-02-30" is not a date in the form YYYY-MM-DD\n`);
    r = await run('institutions', 'show', 'H-74004', '--db', db);
    expect([r.code, r.err]).toEqual([2, 'nomen: institution H-74004 is not in the registry\n']);
    r = await run('institutions', 'import', join(dir, 'missing.csv'), '--db', db);
    expect(r.err).toMatch(/missing\.csv: cannot read the institution CSV \(no such file\)/);
  });

  test('bad options exit 2 naming the option', async () => {
    let r = await run('institutions', 'add', 'H-1', '--convention', 'breast-reconstruction', '--db', db);
    expect([r.code, r.err]).toEqual([2, 'nomen: --from: missing, and no signature date to derive it from (breast-reconstruction starts on the first day of the month after signature)\n']);
    r = await run('institutions', 'add', 'H-1', '--convention', 'percutaneous-tumour-ablation', '--to', '2029-31-10', '--db', db);
    expect(r.err).toBe('nomen: --to: "2029-31-10" is not a date in the form YYYY-MM-DD\n');
    r = await run('institutions', 'add', 'H-1', '--db', db);
    expect(r.code).toBe(2);
    r = await run('institutions', 'list', '--at', 'yesterday', '--db', db);
    expect(r.err).toBe('nomen: --at: "yesterday" is not a date in the form YYYY-MM-DD\n');
  });
});

describe('compliance', () => {
  const lines = generateClaims({ seed: 11, institution: 'H-71001', start: '2024-11-01', ablationsPerYear: [25, 20, 15, 30, 29], lateBillings: [0, 1, 0, 0, 0] });
  test('from the registry in the database, readable and JSON', async () => {
    const claims = file('claims.ndjson', toNdjson(lines));
    let r = await run('compliance', claims, '--institution', 'H-71001', '--from', '2024-11-01', '--to', '2029-10-31', '--db', db);
    // two obligations fail: the report is printed, and the exit code says so
    expect(r.code).toBe(1);
    expect(r.out).toContain('[PASS] Ablations, transition period (years 1–3): 60 ablations (threshold >= 60 ablations)');
    expect(r.out).toContain('[FAIL] Ablations, convention year 5: 29 ablations (threshold >= 30 ablations)');
    expect(r.out).toContain('[FAIL] Ablations billed more than two months after the service: 1 line billed late');
    r = await run('compliance', '--claims', claims, '--institution', 'H-71001', '--from', '2024-11-01', '--to', '2029-10-31', '--db', db, '--json');
    const j = JSON.parse(r.out);
    expect(j.summary).toEqual({ pass: 2, fail: 2, incomplete: 0, 'not-checkable': 0 });
    expect(j.figures[0].source.text).toContain('au minimum 60 ablations');
  });
  test('from a CSV registry, without a database', async () => {
    const claims = file('claims2.ndjson', toNdjson(lines));
    const reg = file('reg.csv', 'institution,name,convention,from,to,signed,notice_sent\nH-71001,,percutaneous-tumour-ablation,,,,\n');
    const r = await run('compliance', claims, '--institution', 'H-71001', '--institutions', reg, '--from', '2025-01-01', '--to', '2025-12-31', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).figures[0].status).toBe('incomplete');
  });
  test('a bad claim file names the line and the field', async () => {
    const bad = file('bad.ndjson', '{"code":"587134","date":"2025-01-01"}\n{"code":"587134","date":"2025-01-01","billedOn":"2025-1-5"}\n');
    const r = await run('compliance', bad, '--institution', 'H-71001', '--from', '2024-11-01', '--to', '2025-12-31', '--db', db);
    expect([r.code, r.err]).toEqual([2, `nomen: ${bad}, line 2, field billedOn: "2025-1-5" is not a date in the form YYYY-MM-DD\n`]);
  });
  test('unknown institution; missing file argument', async () => {
    const claims = file('c3.ndjson', '');
    let r = await run('compliance', claims, '--institution', 'H-NOPE', '--db', db);
    expect(r.err).toMatch(/^nomen: --institution: H-NOPE is not in the registry/);
    r = await run('compliance', '--institution', 'H-71001', '--db', db);
    expect(r.err).toBe('nomen: claims: give the claim lines file (NDJSON) as argument or with --claims (- for stdin)\n');
  });
});

describe('quote, indication, derived, staffing', () => {
  test('quote: fee from the database', async () => {
    const q = file('q.json', JSON.stringify({ id: 'Q-1', intervention: '2021-03-10', codes: ['252652'], room: 'single', quote: { date: '2021-03-03', supplement: '3088.44', deposit: '1250.00' }, deposits: [{ date: '2021-03-04', amount: '1250.00' }] }));
    let r = await run('quote', q, '--db', db, '--json');
    let j = JSON.parse(r.out);
    expect(j.ok).toBe(true);
    expect(r.code).toBe(0);
    expect(j.checks.map((c: { id: string; status: string }) => `${c.id}:${c.status}`)).toEqual([
      'quote.delay:pass', 'supplement.cap:pass', 'supplement.room:pass', 'deposit.in-quote:pass', 'deposit.half-supplement:pass', 'deposit.max:pass',
    ]);
    expect(j.checks[1].threshold).toBe('≤ 3088.44 (100 % of the fee, nomenclature fee on 2021-03-10)');
    const q1 = file('q1.json', JSON.stringify([{ intervention: '2021-03-10', codes: ['252652'], room: 'single', quote: { date: '2021-03-03', supplement: '2000.00', deposit: true }, deposits: [{ amount: '1000.01' }] }]));
    r = await run('quote', q1, '--db', db, '--json');
    j = JSON.parse(r.out);
    expect(Array.isArray(j)).toBe(true);
    expect(j[0].checks.find((c: { id: string }) => c.id === 'deposit.half-supplement')).toMatchObject({ status: 'fail', threshold: '≤ 1000.00 (50 % of the supplement 2000.00)' });
    expect(r.code).toBe(1);
    r = await run('quote', file('q2.json', '{"intervention":"2021-03-10","quote":{"date":"2021-03-09"}}'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('[FAIL] Written quote at least 7 days before the intervention: 1 days before');
    r = await run('quote', file('q3.json', '{"intervention":"2021-03-10","deposits":[{"amount":12.345}]}'));
    expect(r.err).toMatch(/^nomen: .*q3\.json: deposits\[0\]\.amount: 12\.345 is not an amount/);
  });

  test('indication from options and from a facts file', async () => {
    let r = await run('indication', '--organ', 'liver', '--tumour', 'hepatocellular-carcinoma', '--count', '1', '--size', '1.8', '--db', db);
    expect(r.code).toBe(0);
    expect(r.out).toContain('listed in Art. 3: hepatocellular carcinoma, single tumour < 2 cm');
    r = await run('indication', '--organ', 'liver', '--tumour', 'metastasis-other-primary', '--count', '2', '--size', '3', '--json');
    const j = JSON.parse(r.out);
    expect(j.outcome).toBe('not-listed');
    expect(j.requirement.article).toBe('4.1.2');
    const f = file('facts.json', JSON.stringify({ organ: 'kidney', tumour: 'renal-cell-carcinoma', tStage: 'T1a', gfr: 45 }));
    r = await run('indication', '--facts', f, '--json');
    expect(JSON.parse(r.out).matched[0].id).toBe('kidney.rcc-t1a');
    r = await run('indication', '--organ', 'kidney', '--single-kidney', '--tumour', 'renal-cell-carcinoma', '--t-stage', 'T1a');
    expect(r.out).toMatch(/^listed in Art. 3/m);
    r = await run('indication', '--organ', 'liver', '--size', 'big');
    expect([r.code, r.err]).toEqual([2, 'nomen: sizeCm: "big" is not a non-negative number\n']);
  });

  test('derived: from the database; invalid and unknown codes exit 3', async () => {
    let r = await run('derived', '587134', '--at', '2024-12-01', '--db', db, '--json');
    const j = JSON.parse(r.out);
    expect([j.surgicalAssistance.value, j.surgicalAssistance.fee, j.anaesthesia.status]).toEqual(['I 63.3', '177.32', 'applies']);
    r = await run('derived', '432471', '--at', '1995-01-01', '--db', db);
    expect(r.out).toContain('surgical assistance: yes — K 120 ≥ K 120');
    r = await run('derived', '587135', '--db', db);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/invalid check digit/);
    r = await run('derived', '111112', '--db', db);
    expect([r.code, r.err]).toEqual([3, 'nomen: 111112 is unknown: no document in the database names it\n']);
  });

  test('staffing', async () => {
    const roster = file('roster.csv', 'name,specialty,qualifications\nDr A,radiodiagnosis,interventional-radiology\n');
    let r = await run('staffing', roster, '--db', db);
    expect(r.code).toBe(1);
    expect(r.out).toContain('staffing criteria of percutaneous-tumour-ablation: NOT MET (1 people in the roster)');
    r = await run('staffing', roster, '--json');
    expect(JSON.parse(r.out).criteria.map((c: { pass: boolean }) => c.pass)).toEqual([false, false, false, false]);
    r = await run('staffing', file('r2.csv', 'name,speciality\nA,b\n'));
    expect(r.err).toMatch(/r2\.csv, line 1, column specialty: missing column "specialty"/);
    r = await run('staffing', roster, '--convention', 'nope');
    expect(r.code).toBe(2);
  });
});
