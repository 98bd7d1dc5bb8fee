// Benchmark of `nomen replay` (issue 17) against `nomen check --ndjson` on the same lines: a
// replay decides every request twice (current law, and the law with a draft), so it should stay
// in the same order of time as one check run. Prints one JSON summary.
//
//   node bench/replay.js                     # default: 200,000 requests (a year of claims)
//   node bench/replay.js --lines 20000       # quick run
//   npm run bench -- replay --lines=20000    # the same through bench/run.js
//   options (or env NOMEN_BENCH_<NAME>): --lines N, --jobs N (default: the cores), --dir DIR (keep the workload)
//
// The workload: the built-in corpus plus a (fictitious) coefficient for key letter K from
// 2024-01-01 (test/fixtures/impact/coefficients-k-2024.json), and NDJSON requests spread over 2024:
// each of 20,000 beneficiaries sends requests of 1–3 claim lines drawn from K services of the
// royal decree of 1994 (some lines the same day as another, some with earlier lines as history),
// at 40 institutions. The draft is test/fixtures/impact/draft-2024099001.fr.md (355751 K 50 → K 60
// and a new non-cumulation 355950 / 355751 from 2024-07-01). Each run is a child process (start,
// database load and rule compilation included); peak RSS from /usr/bin/time.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, closeSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { rng } from './corpus-gen.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'nomen.js');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'impact');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

function option(name, fallback) {
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
  if (eq) return eq.slice(name.length + 3);
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0 && i + 1 < process.argv.length) return process.argv[i + 1];
  return process.env[`NOMEN_BENCH_${name.toUpperCase()}`] ?? fallback;
}
const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/** K services of the built-in corpus in force in 2024 (355751 and 355950 are the ones the draft touches). */
const CODES = ['355751', '355950', '354255', '355762', '317295', '432471', '558633', '558854', '474633', '476652', '258915', '312152'];

/** Writes `lines` requests over 2024 into `file` (seeded: the same file every run). */
function writeClaims(file, lines) {
  const r = rng(17);
  const fd = openSync(file, 'w');
  let buf = [];
  const day0 = Date.UTC(2024, 0, 1);
  for (let n = 0; n < lines; n++) {
    const b = Math.floor(r() * 20000);
    const date = new Date(day0 + Math.floor(r() * 366) * 86400000).toISOString().slice(0, 10);
    const institution = `H-${Math.floor(r() * 40) + 1}`;
    const count = 1 + Math.floor(r() * 3);
    const claims = [];
    for (let k = 0; k < count; k++) {
      // a third of the requests pair 355751 and 355950 the same day (what the draft's rule is about)
      const code = k < 2 && n % 3 === 0 ? (k === 0 ? '355751' : '355950') : CODES[Math.floor(r() * CODES.length)];
      if (claims.some((c) => c.code === code)) continue;
      claims.push({ id: `R${n}-${k}`, code, date, institution });
    }
    const history = r() < 0.3 ? [{ id: `H${n}`, code: CODES[Math.floor(r() * CODES.length)], date: '2023-12-15' }] : undefined;
    buf.push(JSON.stringify({ beneficiary: { id: `B${b}` }, ...(history ? { history } : {}), claims }));
    if (buf.length >= 5000) { writeSync(fd, buf.join('\n') + '\n'); buf = []; }
  }
  if (buf.length) writeSync(fd, buf.join('\n') + '\n');
  closeSync(fd);
}

/** Runs `node args…` with stdout to a file or /dev/null: wall time, peak RSS, stderr. */
function timed(args, stdout = '/dev/null') {
  return new Promise((resolve, reject) => {
    const cmd = TIME ?? process.execPath;
    const argv = TIME ? ['-f', 'maxrss_kb=%M', process.execPath, ...args] : args;
    const out = openSync(stdout, 'w');
    const t0 = performance.now();
    const child = spawn(cmd, argv, { stdio: ['ignore', out, 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => { err += d; });
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      closeSync(out);
      if (code !== 0) return reject(new Error(`${args.join(' ')} exited ${code}: ${err}`));
      const m = /maxrss_kb=(\d+)/.exec(err);
      resolve({ s: round(ms / 1000), rssMiB: m ? round(Number(m[1]) / 1024, 1) : null });
    });
  });
}

const lines = Number(option('lines', 200000));
const jobs = option('jobs', null);
const keep = option('dir', null);
const dir = keep ?? mkdtempSync(join(tmpdir(), 'nomen-bench-replay-'));
mkdirSync(dir, { recursive: true });
try {
  const db = join(dir, 'base.db');
  if (!existsSync(db)) {
    const r = spawnSync(process.execPath, [BIN, 'ingest', join(FIXTURES, 'coefficients-k-2024.json'), '--db', db], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
  }
  const claims = join(dir, `claims-${lines}.ndjson`);
  if (!existsSync(claims)) writeClaims(claims, lines);
  const draft = join(FIXTURES, 'draft-2024099001.fr.md');
  const j = jobs ? ['--jobs', jobs] : [];
  const before = join(dir, 'before.db');
  copyFileSync(db, before);
  // check with the replay's reason set (failed reasons, no details): the same decisions, once
  const checkFailed = await timed([BIN, 'check', '--ndjson', claims, '--reasons', 'failed', '--no-details', '--db', db, ...j]);
  const checkAll = await timed([BIN, 'check', '--ndjson', claims, '--db', db, ...j]);
  const replayOut = join(dir, 'replay.ndjson');
  const replay = await timed([BIN, 'replay', claims, '--with', draft, '--json', '--no-progress', '--db', db, ...j], replayOut);
  const { readFileSync } = await import('node:fs');
  const text = readFileSync(replayOut, 'utf8').trimEnd();
  const totals = JSON.parse(text.slice(text.lastIndexOf('\n') + 1)).totals;
  const summary = {
    bench: 'replay',
    requests: lines,
    claimLines: totals.claims,
    jobs: jobs ?? 'cores',
    check: { failedReasons: checkFailed, allReasons: checkAll },
    replay: { ...replay, changedLines: totals.changed.lines, decisions: totals.changed.decisions, feeDelta: totals.changed.fee.delta },
    ratio: { vsCheckFailed: round(replay.s / checkFailed.s), vsCheckAll: round(replay.s / checkAll.s) },
    databaseUntouched: readFileSync(db).equals(readFileSync(before)),
  };
  process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
