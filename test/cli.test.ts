/**
 * The CLI through the real `nomen` binary (bin/nomen.js → dist/), on throw-away databases:
 * contract §1–3 — exit codes, JSON shapes, and "bad input changes nothing".
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';

const BIN = join(__dirname, '..', 'bin', 'nomen.js');

function nomen(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input, timeout: 60_000, maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'nomen-cli-'));
const db = join(dir, 'base.db');
const json = (args: string[]) => {
  const r = nomen([...args, '--db', db, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};
const hashOf = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A copy of the loaded base database, so each test that writes starts from the same state. */
function freshDb(name: string): string {
  const f = join(dir, `${name}.db`);
  // WAL content is checkpointed by close; copying the main file is enough once the CLI exited.
  copyFileSync(db, f);
  return f;
}

beforeAll(() => {
  // The first command on a database that does not exist creates it and loads the built-in corpus.
  const r = nomen(['documents', '--db', db, '--json']);
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout)).toHaveLength(3);
});

describe('nomen --help', () => {
  it('lists the commands', () => {
    const r = nomen(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['ingest', 'show', 'history', 'search']) expect(r.stdout).toContain(c);
  });
});

describe('nomen show (contract §3)', () => {
  it('355751 is K 30 on 1994-12-31 (old value stated by the amendment) and K 50 from 1995-01-01', () => {
    const before = json(['show', '355751', '--at', '1994-12-31']);
    expect([before.status, before.keyLetter, before.relativeValue]).toEqual(['in-force', 'K', '30']);
    expect(before.sources.some((s: { note?: string }) => /old value/.test(s.note ?? ''))).toBe(true);
    const after = json(['show', '355751', '--at', '1995-01-01']);
    expect([after.status, after.keyLetter, after.relativeValue, after.setting]).toEqual(['in-force', 'K', '50', 'ambulatory']);
    expect(after.pair).toEqual({ ambulatory: '355751', hospitalised: '355762' });
    expect(after.sources.map((s: { document: string }) => s.document)).toContain('1994022370');
    expect(after.fee).toBeNull();
    expect(after.feeReason).toMatch(/no coefficient/);
  });

  it('474316 is deleted from 1995-01-01, with the deleting act', () => {
    expect(json(['show', '474316', '--at', '1994-12-31']).status).toBe('in-force');
    const s = json(['show', '474316', '--at', '1995-01-01']);
    expect(s.status).toBe('deleted');
    expect(s.statusReason).toMatch(/1994022370/);
  });

  it('599325 does not exist before 1995-01-01 and is C 16 from then, with no twin', () => {
    const before = json(['show', '599325', '--at', '1994-12-31']);
    expect([before.status, before.relativeValue]).toEqual(['not-yet-in-force', null]);
    const s = json(['show', '599325', '--at', '1995-01-01']);
    expect([s.status, s.keyLetter, s.relativeValue, s.pair, s.setting]).toEqual(['in-force', 'C', '16', null, 'any']);
  });

  it('587134 costs 1773.18 on 2024-11-15 under the ablation convention, and not before it', () => {
    const s = json(['show', '587134', '--at', '2024-11-15']);
    expect([s.status, s.keyLetter, s.relativeValue, s.fee]).toEqual(['in-force', 'I', '633', '1773.18']);
    expect(s.reimbursement).toEqual({ preferential: '1773.18', standard: '1773.18' });
    expect(s.label.fr).toMatch(/tumeurs rénales/);
    expect(json(['show', '587134', '--at', '2024-10-31']).status).toBe('not-yet-in-force');
    expect(json(['show', '587134', '--at', '2029-11-01']).status).toBe('deleted');
  });

  it('a code only named by a rule is referenced, with its rules', () => {
    const s = json(['show', '211013', '--at', '1995-06-01']);
    expect(s.status).toBe('referenced');
    expect([s.keyLetter, s.relativeValue, s.fee]).toEqual([null, null, null]);
    expect(s.rules.length).toBeGreaterThan(0);
  });

  it('an invalid check digit exits 3 and proposes the right code', () => {
    const r = nomen(['show', '475563', '--db', db]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/check digit.*475565/);
  });

  it('a code the database never saw exits 3', () => {
    const r = nomen(['show', '123454', '--db', db, '--json']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/123454 is unknown/);
  });

  it('a malformed date exits 2 naming the option', () => {
    const r = nomen(['show', '587134', '--at', '2024-02-30', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--at/);
  });

  it('prints a readable rendering without --json', () => {
    const r = nomen(['show', '587134', '--at', '2024-11-15', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/587134 {2}in-force on 2024-11-15/);
    expect(r.stdout).toMatch(/1773\.18 EUR/);
  });
});

describe('nomen history and search', () => {
  it('history lists the value change of 355751 with its act', () => {
    const h = json(['history', '355751']);
    const change = h.changes.find((c: { change: string }) => c.change === 'value');
    expect(change).toMatchObject({ date: '1995-01-01', from: { keyLetter: 'K', relativeValue: '30' }, value: { keyLetter: 'K', relativeValue: '50' } });
    expect(change.source.document).toBe('1994022370');
  });

  it('search is accent- and case-insensitive and filters on the date', () => {
    const r = json(['search', 'ABLATION', 'percutanee', '--at', '2024-11-15']);
    const codes = r.results.map((h: { code: string }) => h.code);
    expect(codes).toEqual(expect.arrayContaining(['587134', '587145', '587156', '587193']));
    const old = json(['search', 'ablation', '--at', '2020-01-01']);
    expect(old.results.every((h: { status: string }) => h.status !== 'in-force')).toBe(true);
  });

  it('search by code prefix', () => {
    const r = json(['search', '5993', '--at', '1995-01-01']);
    expect(r.results.map((h: { code: string }) => h.code)).toEqual(expect.arrayContaining(['599303', '599325', '599340']));
  });
});

describe('nomen ingest (contract §2)', () => {
  it('reports the misprints and the stray table of the built-in corpus', () => {
    const r = json(['documents']);
    const all = r.flatMap((d: { issues: { message: string }[] }) => d.issues.map((i) => i.message)).join('\n');
    expect(all).toMatch(/475563/);
    expect(all).toMatch(/105345/);
    expect(all).toMatch(/200093/);
  });

  it('ingesting the same document twice changes nothing', () => {
    const f = freshDb('twice');
    const seed = join(__dirname, '..', 'corpus', '004_41601e86ba046398.txt');
    const before = hashOf(f);
    const r = nomen(['ingest', seed, '--db', f, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout.trim().split('\n')[0]);
    expect(report).toMatchObject({ document: '1994022370', kind: 'royal-decree', status: 'unchanged', entryIntoForce: '1995-01-01' });
    expect(hashOf(f)).toBe(before);
  });

  it.each([
    ['a missing file', () => join(dir, 'does-not-exist.md'), /no such file/],
    ['a binary file', () => { const p = join(dir, 'bin.dat'); writeFileSync(p, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2])); return p; }, /binary/],
    ['a document of unknown format', () => { const p = join(dir, 'note.txt'); writeFileSync(p, 'Liste de courses : pain, lait.\n'); return p; }, /unknown format/],
    ['an empty file', () => { const p = join(dir, 'empty.md'); writeFileSync(p, ''); return p; }, /empty/],
  ])('%s exits 2 with a message and leaves the database unchanged', (_name, make, message) => {
    const f = freshDb(`bad-${_name.replace(/\W/g, '')}`);
    const before = hashOf(f);
    const good = join(__dirname, '..', 'corpus', '004_41601e86ba046398.txt');
    const r = nomen(['ingest', good, make(), '--db', f]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/nothing was ingested/);
    expect(hashOf(f)).toBe(before);
  });

  it('a coefficient table gives a fee where the corpus has none', () => {
    const f = freshDb('coef');
    const table = join(dir, 'k-1995.json');
    writeFileSync(table, JSON.stringify({
      format: 'nomen-coefficients/1', id: 'test-k-1995', title: 'K in 1995 (test data)',
      entries: [{ keyLetter: 'K', from: '1995-01-01', to: '1995-12-31', coefficient: '1,234567', source: { document: 'TEST', article: 'Art. 1', text: 'La valeur de K est fixée à 1,234567.' } }],
    }));
    const r = nomen(['ingest', table, '--db', f, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ document: 'test-k-1995', kind: 'coefficients', status: 'ingested' });
    const s = JSON.parse(nomen(['show', '355751', '--at', '1995-06-01', '--db', f, '--json']).stdout);
    expect(s.fee).toBe('61.73'); // 50 × 1.234567 = 61.72835 → 61.73 (half-up)
    expect(s.coefficient).toBe('1.234567');
    const later = JSON.parse(nomen(['show', '355751', '--at', '1996-01-01', '--db', f, '--json']).stdout);
    expect(later.fee).toBeNull();
  });

  it('a coefficient table without a source is refused, naming the field', () => {
    const f = freshDb('coef-bad');
    const table = join(dir, 'bad-coef.json');
    writeFileSync(table, JSON.stringify({ format: 'nomen-coefficients/1', id: 'x', title: 'x', entries: [{ keyLetter: 'K', from: '1995-01-01', coefficient: '1.2' }] }));
    const r = nomen(['ingest', table, '--db', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/entries\[0\]\.source/);
  });
});

describe('nomen ingest: one act, two texts (FR + NL, same NUMAC)', () => {
  const justel = (name: string) => join(__dirname, 'fixtures', 'justel', name);
  const act = (name: string) => join(__dirname, 'fixtures', 'acts', name);

  it('the Dutch text merges into the French one: status merged, coverage per language, both labels in show and search', () => {
    const f = freshDb('bilingual');
    const first = nomen(['ingest', justel('02-insertions.md'), '--db', f]);
    expect(first.code).toBe(0);
    // one text: a single coverage line, no language named
    expect(first.stdout).toMatch(/^  amendment items: (\d+) of \1 understood$/m);
    const r = nomen(['ingest', justel('02-insertions.nl.md'), '--db', f, '--json']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const report = JSON.parse(r.stdout);
    expect([report.document, report.status, report.languages]).toEqual(['2003022777', 'merged', ['fr', 'nl']]);
    expect(Object.keys(report.coverage)).toEqual(['fr', 'nl']);
    for (const c of Object.values(report.coverage) as { items: number; understood: number; missed: unknown[] }[]) {
      expect(c.understood).toBeLessThanOrEqual(c.items);
      expect(c.missed).toHaveLength(c.items - c.understood);
    }
    // either text again: unchanged, nothing written
    const before = hashOf(f);
    const again = nomen(['ingest', justel('02-insertions.nl.md'), justel('02-insertions.md'), '--db', f]);
    expect(again.stdout.match(/^2003022777 .*$/gm)).toEqual([
      '2003022777  royal-decree  unchanged  (' + justel('02-insertions.nl.md') + ')  texts: fr + nl',
      '2003022777  royal-decree  unchanged  (' + justel('02-insertions.md') + ')  texts: fr + nl',
    ]);
    expect(again.stdout).toContain(`  amendment items (nl): ${report.coverage.nl.understood} of ${report.coverage.nl.items} understood`);
    expect(hashOf(f)).toBe(before);
    // show prints both labels; search finds Dutch words and prints the Dutch label it matched
    const show = nomen(['show', '555096', '--at', '2003-07-01', '--db', f]);
    expect(show.stdout).toContain('  « Radiographie du thorax en urgence »\n  « Dringende radiografie van de thorax » (nl)\n');
    expect(JSON.parse(nomen(['show', '555096', '--at', '2003-07-01', '--db', f, '--json']).stdout).label).toEqual({ fr: 'Radiographie du thorax en urgence', nl: 'Dringende radiografie van de thorax' });
    const search = nomen(['search', 'RADIOGRAFIE', 'thorax', '--at', '2003-07-01', '--db', f]);
    expect(search.stdout).toBe('555096  in-force         R 12.75   Dringende radiografie van de thorax (nl)\n555100  in-force         R 12.75   Dringende radiografie van de thorax (nl)\n');
    const fr = nomen(['search', 'radiographie', '--at', '2003-07-01', '--db', f]);
    expect(fr.stdout).toContain('555096  in-force         R 12.75   Radiographie du thorax en urgence\n');
    // documents: the texts and the coverage per language, in text and JSON
    const docs = nomen(['documents', '--db', f]);
    expect(docs.stdout).toMatch(/^2003022777 .*texts: fr \+ nl$/m);
    expect(docs.stdout).toContain(`  amendment items (fr): ${report.coverage.fr.understood} of ${report.coverage.fr.items} understood`);
    const listed = JSON.parse(nomen(['documents', '--db', f, '--json']).stdout).find((d: { document: string }) => d.document === '2003022777');
    expect(listed.coverage).toEqual(report.coverage);
  });

  it('the real act 2011205660 in both languages, Dutch first in one command: one document, each value change once, no disagreement', () => {
    const f = freshDb('bilingual-real');
    const r = nomen(['ingest', act('2011205660.nl.md'), act('2011205660.fr.md'), '--db', f, '--json']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const reports = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(reports.map((x) => [x.document, x.status])).toEqual([['2011205660', 'ingested'], ['2011205660', 'merged']]);
    expect(reports[1].languages).toEqual(['fr', 'nl']);
    expect(reports[1].issues.filter((i: { code: string }) => i.code.startsWith('bilingual'))).toEqual([]);
    expect(JSON.parse(nomen(['documents', '--db', f, '--json']).stdout).filter((d: { document: string }) => d.document === '2011205660')).toHaveLength(1);
    const history = JSON.parse(nomen(['history', '532630', '--db', f, '--json']).stdout);
    const values = history.changes.filter((c: { change: string }) => c.change === 'value');
    expect(values.map((c: { value: { relativeValue: string }; source: { language: string } }) => [c.value.relativeValue, c.source.language])).toEqual([['21.40', 'fr']]);
  });

  it('a Dutch copy that disagrees on a value is reported quoting both sentences', () => {
    const f = freshDb('bilingual-disagree');
    const wrong = join(dir, 'wrong.nl.md');
    writeFileSync(wrong, readFileSync(justel('02-insertions.nl.md'), 'utf8').replace('D 45,5', 'D 54,5'));
    const r = nomen(['ingest', justel('02-insertions.md'), wrong, '--db', f]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/error {3}Art\. 2, 1°: 555030-555041: the texts give different relative values: D 45\.5 and D 54\.5 — the French text \(Art\. 2, 1°: ".*Perfusion d'un médicament.*"\) and the Dutch text \(Art\. 2, 1°: ".*Perfusie van een geneesmiddel.*"\); D 45\.5 kept/);
  });
});

describe('nomen check (contract §4)', () => {
  const example = join(__dirname, '..', 'examples', 'request.json');

  it('decides the example request: one decision per claim, in request order, refusals citing their act', () => {
    const r = nomen(['check', example, '--db', db]);
    expect(r.code).toBe(0);
    const res = JSON.parse(r.stdout);
    expect(res.beneficiary).toBe('P-001');
    expect(res.decisions.map((d: { claim: string; status: string }) => [d.claim, d.status])).toEqual([['L1', 'accepted'], ['L2', 'rejected'], ['L3', 'rejected']]);
    expect(res.decisions[0]).toMatchObject({ fee: '1773.18', reimbursement: '1773.18', setting: 'ambulatory' });
    for (const d of res.decisions.filter((x: { status: string }) => x.status === 'rejected')) {
      const violated = d.reasons.filter((x: { outcome: string }) => x.outcome === 'violated');
      expect(violated.length).toBeGreaterThan(0);
      for (const v of violated) expect(v.source.text.length).toBeGreaterThan(10);
    }
    expect(res.decisions[1].reasons.find((x: { outcome: string }) => x.outcome === 'violated').kind).toBe('frequency');
  });

  it('reads the request from stdin with -, and speaks French with --lang fr', () => {
    const r = nomen(['check', '-', '--db', db, '--lang', 'fr'], readFileSync(example, 'utf8'));
    expect(r.code).toBe(0);
    const violated = JSON.parse(r.stdout).decisions[1].reasons.find((x: { outcome: string }) => x.outcome === 'violated');
    expect(violated.message).toMatch(/jour/);
  });

  const claim = { id: 'L1', code: '587134', date: '2024-11-18' };
  it.each([
    ['invalid JSON', '{"claims": [', /not valid JSON/],
    ['a claim without id', JSON.stringify({ claims: [{ code: '587134', date: '2024-11-18' }] }), /claims\[0\]\.id/],
    ['a claim without code', JSON.stringify({ claims: [{ id: 'L1', date: '2024-11-18' }] }), /claims\[0\]\.code/],
    ['a claim without date', JSON.stringify({ claims: [{ id: 'L1', code: '587134' }] }), /claims\[0\]\.date/],
    ['a malformed date', JSON.stringify({ claims: [{ ...claim, date: '2024-02-30' }] }), /claims\[0\]\.date/],
    ['a field of the wrong type', JSON.stringify({ claims: [{ ...claim, units: 'one' }] }), /claims\[0\]\.units/],
    ['an empty claims list', JSON.stringify({ claims: [] }), /claims/],
  ])('%s exits 2 naming the field, with nothing on stdout', (_name, body, message) => {
    const r = nomen(['check', '-', '--db', db], body);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('--ndjson answers every line, an error object for a malformed one, and goes on', () => {
    const request = readFileSync(example, 'utf8').replace(/\s*\n\s*/g, ' ');
    const r = nomen(['check', '--ndjson', '-', '--db', db], `${request}\nnot json\n${request}\n`);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0].decisions).toHaveLength(3);
    expect(lines[1]).toMatchObject({ line: 2 });
    expect(lines[1].error).toBeTruthy();
    expect(lines[2].decisions.map((d: { status: string }) => d.status)).toEqual(['accepted', 'rejected', 'rejected']);
  });
  it('--ndjson on worker threads gives byte for byte the single-thread output, whatever the batch boundaries', () => {
    const base = JSON.parse(readFileSync(example, 'utf8'));
    // many different requests (a code, a date and an id per line), with bad, blank and CRLF lines among them
    const codes = ['587134', '587145', '474552', '474633', '474644', '599325', '211013', '999999'];
    const lines: string[] = [];
    for (let i = 0; i < 400; i++) {
      if (i % 97 === 5) lines.push('not json');
      else if (i % 89 === 7) lines.push('');
      else if (i % 83 === 3) lines.push(JSON.stringify({ claims: [] }));
      else {
        const claims = base.claims.map((c: { date: string }, k: number) => ({ ...c, code: codes[(i + k) % codes.length], date: `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (k * 9 + i) % 28).padStart(2, '0')}` }));
        lines.push(JSON.stringify({ ...base, beneficiary: { ...base.beneficiary, id: `P${i}` }, claims }) + (i % 50 === 0 ? '\r' : ''));
      }
    }
    // a byte order mark before the first line (skipped); the last line has no newline
    const input = '\uFEFF' + lines.join('\n');
    const serial = nomen(['check', '--ndjson', '-', '--db', db, '--jobs', '1'], input);
    expect(serial.code).toBe(0);
    const run = (jobs: string, batch: string) => {
      const r = spawnSync(process.execPath, [BIN, 'check', '--ndjson', '-', '--db', db, '--jobs', jobs], { encoding: 'utf8', input, timeout: 60_000, maxBuffer: 64 << 20, env: { ...process.env, NOMEN_BATCH_BYTES: batch } });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    for (const [jobs, batch] of [['2', '1'], ['3', '5000'], ['2', '100000000']]) {
      const parallel = run(jobs, batch);
      expect(parallel.code).toBe(0);
      expect(parallel.stderr).toBe(serial.stderr);
      expect(parallel.stdout).toBe(serial.stdout);
    }
    expect(serial.stderr).toContain('"lines":400');
    const out = serial.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(400 - lines.filter((l) => l === '').length);
    expect(out.filter((o) => o.error).map((o) => o.line)).toEqual(lines.flatMap((l, i) => (l === 'not json' || l === '{"claims":[]}' ? [i + 1] : [])));
  });

  it.each([
    ['--jobs', '0', /--jobs: "0" is not a whole number from 1 to 64/],
    ['--jobs', 'two', /--jobs: "two"/],
  ])('%s %s exits 2, nothing on stdout', (flag, value, message) => {
    const r = nomen(['check', '--ndjson', '-', '--db', db, flag, value], '{}\n');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('--jobs without --ndjson exits 2', () => {
    const r = nomen(['check', example, '--db', db, '--jobs', '2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--jobs: only with --ndjson/);
  });
});
