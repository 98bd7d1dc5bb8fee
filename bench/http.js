// Benchmark of `POST /v1/check` over HTTP: a typical request (10 claim lines, 30 history lines,
// a beneficiary id so that the server reads its stored history), measured with autocannon on
// loopback against `nomen serve` as a child process, on SQLite and on PostgreSQL. The load generator
// is wrk (Debian's package: a C program, so that the client takes little of the two cores) when
// installed, else autocannon (Node); --tool chooses.
// Target of the issue: >= 2,000 requests/s with p99 < 20 ms on a 2-core machine.
//
// Run: node bench/http.js [--duration 10] [--warmup 20] [--connections 16] [--workers 1,2] [--pg postgres://…] [--no-pg] [--tool wrk|autocannon]
//        [--commit] [--lean]   (--lean: ?details=false, reasons without their detail data)
// (needs dist/: `npm run build`). PostgreSQL: --pg URL, else $NOMEN_BENCH_PG, else a throw-away
// cluster when initdb/pg_ctl are installed. Prints progress on stderr and one JSON line on stdout.
import { spawn, execFileSync } from 'node:child_process';
import { appendFileSync, chownSync, closeSync, existsSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { openStore } from '../dist/store/open.js';

const BIN = fileURLToPath(new URL('../bin/nomen.js', import.meta.url));
const log = (msg) => process.stderr.write(`bench/http: ${msg}\n`);

/** The typical request: 10 claim lines over a week, 30 history lines over the year before. */
export function typicalRequest({ beneficiary = 'P-BENCH', commit = false } = {}) {
  const codes = ['587134', '587156', '474552', '599325', '211013', '474633', '355751', '558633', '599340', '432471'];
  const provider = { id: '10012345190', specialty: 'radiodiagnosis', qualifications: ['interventional-radiology'] };
  const history = Array.from({ length: 30 }, (_, i) => ({
    id: `H${i}`,
    code: codes[i % codes.length],
    date: `2024-${String(1 + (i % 9)).padStart(2, '0')}-${String(10 + (i % 18)).padStart(2, '0')}`,
    provider,
    institution: 'H-71001',
  }));
  const claims = codes.map((code, i) => ({
    id: `L${i}`,
    code,
    date: `2024-11-${String(12 + i).padStart(2, '0')}`,
    provider,
    institution: 'H-71001',
    documents: ['pre-ablation-report', 'mdt-approval'],
    ...(i % 3 === 0 ? { stay: { id: 'S1', admission: '2024-11-10', service: 'C' } } : {}),
  }));
  return {
    beneficiary: { id: beneficiary, birthDate: '1958-03-14', sex: 'F' },
    institutions: [{ id: 'H-71001', conventions: [{ convention: 'percutaneous-tumour-ablation', from: '2024-11-01', to: '2029-10-31' }] }],
    history,
    claims,
    ...(commit ? { commit: true } : {}),
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** A throw-away PostgreSQL cluster (initdb + pg_ctl in a temp dir, trust auth), or null when not installed. */
async function startCluster() {
  const root = '/usr/lib/postgresql';
  const bins = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)).map((v) => join(root, v, 'bin')) : [];
  const bin = bins.find((d) => existsSync(join(d, 'initdb')) && existsSync(join(d, 'pg_ctl')));
  if (!bin) return null;
  const dir = mkdtempSync(join(tmpdir(), 'nomen-bench-pg-'));
  const data = join(dir, 'data');
  // initdb and postgres refuse to run as root: run them as the postgres system user.
  const asRoot = process.getuid?.() === 0;
  const run = (program, args) => execFileSync(asRoot ? 'runuser' : program, asRoot ? ['-u', 'postgres', '--', program, ...args] : args, { cwd: dir, stdio: 'ignore', timeout: 120_000 });
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  run(join(bin, 'initdb'), ['-D', data, '-U', 'nomen', '-A', 'trust', '-E', 'UTF8', '--locale=C', '-N']);
  const port = await freePort();
  // Durability off, as in the test harness: the measure is of the server, not of the disk.
  appendFileSync(join(data, 'postgresql.conf'), `\nlisten_addresses = '127.0.0.1'\nport = ${port}\nunix_socket_directories = '${dir}'\nfsync = off\nsynchronous_commit = off\nmax_connections = 100\n`);
  run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '60', 'start']);
  const stop = () => {
    try {
      run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // Already stopped.
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stop);
  return { url: `postgres://nomen@127.0.0.1:${port}/postgres`, stop };
}

// Servers still running when the process ends (time limit, error) are stopped with it.
const children = new Set();
process.on('exit', () => {
  for (const c of children) c.kill('SIGKILL');
});

/**
 * Starts `nomen serve` on `db` and resolves its URL. Its logs (one JSON line per request, at the
 * default level) go to a file, as a deployment ships them elsewhere: this process does not read
 * them during the measure, only the "ready" line at start.
 */
function serve(db, workers, dir) {
  const logFile = join(dir, `serve-${Date.now()}.log`);
  const fd = openSync(logFile, 'w');
  const proc = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--db', db, '--workers', String(workers)], { stdio: ['ignore', fd, 'pipe'], env: { ...process.env, NOMEN_TOKEN: '' } });
  closeSync(fd);
  children.add(proc);
  proc.on('exit', () => children.delete(proc));
  return new Promise((resolve, reject) => {
    let stderr = '';
    proc.stderr.on('data', (c) => (stderr += c));
    const started = Date.now();
    const poll = setInterval(() => {
      const ready = readFileSync(logFile, 'utf8').split('\n').find((l) => l.includes('nomen serve ready'));
      if (ready) {
        clearInterval(poll);
        resolve({ url: JSON.parse(ready).url, proc });
      } else if (Date.now() - started > 60_000) {
        clearInterval(poll);
        reject(new Error(`nomen serve did not start: ${stderr}`));
      }
    }, 100);
    proc.on('exit', (code) => {
      clearInterval(poll);
      reject(new Error(`nomen serve exited (${code}): ${stderr}`));
    });
  });
}

async function stopServer(proc) {
  if (proc.exitCode !== null) return proc.exitCode;
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGTERM');
  return exited;
}

const WRK = ['/usr/bin/wrk', '/usr/local/bin/wrk'].find((p) => existsSync(p)) ?? null;

/** autocannon, in this process: the summary in the shape `measure` reports. */
function cannon(opts) {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, r) => (err ? reject(err) : resolve({
      requests: r.requests.total,
      rps: Math.round(r.requests.average),
      latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max, mean: r.latency.average },
      errors: r.errors + r.timeouts,
      non2xx: r.non2xx,
    })));
  });
}

/** The wrk script: POSTs the body file, then prints the summary as one JSON line. */
const WRK_SCRIPT = `
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = assert(io.open(os.getenv("NOMEN_BENCH_BODY"), "rb"))
wrk.body = f:read("*a")
f:close()
-- no response() callback: it would copy every body into Lua and slow the client down;
-- wrk counts the answers with a status of 400 or more in summary.errors.status
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('NOMEN {"requests":%d,"us":%d,"errors":%d,"status":%d,"p50":%d,"p90":%d,"p99":%d,"max":%d,"mean":%f}\\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
`;

/** wrk as a child process (one thread: a C client needs no more at these rates). */
function wrk({ url, body, connections, duration, dir }) {
  const script = join(dir, 'post.lua');
  const bodyFile = join(dir, 'body.json');
  writeFileSync(script, WRK_SCRIPT);
  writeFileSync(bodyFile, body);
  const out = execFileSync(WRK, ['-t1', `-c${connections}`, `-d${duration}s`, '--latency', '-s', script, url], { encoding: 'utf8', env: { ...process.env, NOMEN_BENCH_BODY: bodyFile }, timeout: (duration + 30) * 1000 });
  const line = out.split('\n').find((l) => l.startsWith('NOMEN '));
  if (!line) throw new Error(`wrk printed no summary: ${out}`);
  const w = JSON.parse(line.slice(6));
  const ms = (us) => Math.round(us / 10) / 100;
  return { requests: w.requests, rps: Math.round(w.requests / (w.us / 1e6)), latencyMs: { p50: ms(w.p50), p90: ms(w.p90), p99: ms(w.p99), max: ms(w.max), mean: ms(w.mean) }, errors: w.errors, non2xx: w.status };
}

/** Measures one store: warm-up, then `duration` seconds of `connections` concurrent clients. */
async function measure(store, db, { duration, warmup, connections, commit, workers, lean, tool, dir }) {
  const { url, proc } = await serve(db, workers, dir);
  try {
    const body = JSON.stringify(typicalRequest({ commit }));
    const target = `${url}/v1/check${lean ? '?details=false' : ''}`;
    // A sanity check first: a benchmark of error answers measures nothing.
    const probe = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const answer = await probe.json();
    if (probe.status !== 200 || answer.decisions?.length !== 10) throw new Error(`unexpected answer ${probe.status}: ${JSON.stringify(answer).slice(0, 300)}`);
    const responseBytes = Buffer.byteLength(JSON.stringify(answer));
    const load = (d) => (tool === 'wrk'
      ? Promise.resolve(wrk({ url: target, body, connections, duration: d, dir }))
      : cannon({ url: target, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections, pipelining: 1, duration: d }));
    // Warm-up: under full load V8's optimizing compiler shares the two cores with the servers, the
    // database and the client, and the rate keeps rising for 10 to 20 s after a start (measured).
    await load(warmup);
    const r = await load(duration);
    return { store, workers, lean, commit, tool, responseBytes, connections, warmupS: warmup, durationS: duration, ...r, throughputMBs: Math.round((r.rps * responseBytes) / 1e5) / 10 };
  } finally {
    await stopServer(proc);
  }
}

/** Runs the benchmark; resolves the summary object. */
export async function run({ duration = 10, warmup = 20, connections = 16, workers = [1, 2], pg = process.env.NOMEN_BENCH_PG, usePg = true, commit = false, lean = false, tool = WRK ? 'wrk' : 'autocannon' } = {}) {
  if (tool === 'wrk' && !WRK) throw new Error('--tool wrk: wrk is not installed (Debian: apt-get install wrk)');
  const dir = mkdtempSync(join(tmpdir(), 'nomen-bench-http-'));
  const results = [];
  let cluster = null;
  try {
    const sqlite = join(dir, 'bench.db');
    // Created and loaded once before the server starts, so that start-up is not measured.
    await (await openStore(sqlite)).close();
    for (const w of workers) {
      log(`sqlite, ${w} worker(s): ${duration} s, ${connections} connections`);
      results.push(await measure('sqlite', sqlite, { duration, warmup, connections, commit, workers: w, lean, tool, dir }));
    }
    if (usePg) {
      let url = pg;
      if (!url) {
        cluster = await startCluster();
        url = cluster?.url;
      }
      if (url) {
        await (await openStore(url)).close();
        for (const w of workers) {
          log(`postgres, ${w} worker(s): ${duration} s, ${connections} connections`);
          results.push(await measure('postgres', url, { duration, warmup, connections, commit, workers: w, lean, tool, dir }));
        }
      } else {
        log('postgres: skipped (no --pg URL and no initdb/pg_ctl installed)');
      }
    }
  } finally {
    cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const target = { rps: 2000, p99Ms: 20 };
  return {
    bench: 'http-check',
    node: process.version,
    cpus: cpus().length,
    request: { claims: 10, history: 30, bytes: Buffer.byteLength(JSON.stringify(typicalRequest({ commit }))), commit, lean },
    loadGenerator: tool,
    target,
    results,
    // Per configuration: a store meets the target when one of the worker counts tried does.
    meetsTarget: Object.fromEntries(
      [...new Set(results.map((r) => r.store))].map((st) => [st, results.some((r) => r.store === st && r.rps >= target.rps && r.latencyMs.p99 < target.p99Ms && r.errors === 0 && r.non2xx === 0)]),
    ),
  };
}

function parseArgs(argv) {
  const o = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--duration') o.duration = Number(argv[++i]);
    else if (a === '--warmup') o.warmup = Number(argv[++i]);
    else if (a === '--connections') o.connections = Number(argv[++i]);
    else if (a === '--pg') o.pg = argv[++i];
    else if (a === '--no-pg') o.usePg = false;
    else if (a === '--commit') o.commit = true;
    else if (a === '--lean') o.lean = true;
    else if (a === '--workers') o.workers = argv[++i].split(',').map(Number);
    else if (a === '--tool') o.tool = argv[++i];
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const options = parseArgs(process.argv.slice(2));
  // Bounded: whatever happens, the benchmark ends (servers are children and die with it).
  const limit = setTimeout(() => {
    log('time limit reached');
    process.exit(1);
  }, ((options.duration ?? 10) + (options.warmup ?? 20) + 20) * 2 * (options.workers?.length ?? 2) * 1000 + 120_000);
  limit.unref();
  run(options).then(
    (summary) => {
      process.stdout.write(JSON.stringify(summary) + '\n');
      process.exit(0);
    },
    (e) => {
      log(e.stack ?? String(e));
      process.exit(1);
    },
  );
}
