// Claims per request (issue 14): the cost per claim of one request of 5,000 claims against the
// same lines sent as requests of 100, in one process, on the built-in corpus. A rule that scans
// the whole ledger of the beneficiary per line makes the large request cost more per claim.
//
//   node bench/claims.js [--claims 5000] [--small 100] [--rounds 5]
// The lines: every claim of the legal cases (test/cases), repeated with their dates (and stays)
// moved one day per repetition, under one beneficiary; the small requests cut the same lines in
// date order. The figure is the median of `rounds`
// timed passes (each after a warm-up pass) of engine.check (validation and decision).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { caseRequests } from './workload-gen.js';

function option(name, fallback) {
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
  if (eq) return Number(eq.slice(name.length + 3));
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0 && i + 1 < process.argv.length) return Number(process.argv[i + 1]);
  return Number(process.env[`NOMEN_BENCH_${name.toUpperCase()}`] ?? fallback);
}
const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

const LARGE = option('claims', 5000);
const SMALL = option('small', 100);
const ROUNDS = option('rounds', 5);
process.env.NOMEN_MAX_CLAIMS = String(Math.max(LARGE, SMALL));

const shift = (date, days) => new Date(Date.parse(date + 'T00:00:00Z') + days * 86400000).toISOString().slice(0, 10);

/** `n` claim lines: the legal cases' lines, repeated one day later each time. */
export function claimLines(n) {
  const pool = caseRequests().flatMap((c) => c.request.claims);
  const out = [];
  for (let i = 0; i < n; i++) {
    const k = Math.floor(i / pool.length);
    const c = pool[i % pool.length];
    const line = { ...c, id: `c${i}`, date: shift(c.date, k) };
    if (c.stay) line.stay = { ...c.stay, ...(c.stay.id ? { id: `${c.stay.id}-${k}` } : {}), admission: shift(c.stay.admission, k) };
    out.push(line);
  }
  return out;
}

export async function run() {
  const { openStore, openEngine } = await import('../dist/index.js');
  const dir = mkdtempSync(join(tmpdir(), 'nomen-bench-claims-'));
  try {
    const store = await openStore(join(dir, 'nomen.db'));
    const engine = await openEngine(store);
    const beneficiary = { id: 'B1', birthDate: '1960-01-01', sex: 'F' };
    const lines = claimLines(LARGE);
    const large = [{ beneficiary, claims: lines }];
    const small = [];
    // the small requests: the same lines in date order, cut every SMALL lines, so that a day holds
    // as many lines in them as in the large request (the cost of a crowded day is not the cost of
    // a large request)
    const byDate = lines.map((l, i) => [l, i]).sort((x, y) => (x[0].date < y[0].date ? -1 : x[0].date > y[0].date ? 1 : x[1] - y[1])).map((x) => x[0]);
    for (let i = 0; i < byDate.length; i += SMALL) small.push({ beneficiary, claims: byDate.slice(i, i + SMALL) });
    const pass = (requests) => {
      const t0 = performance.now();
      for (const r of requests) {
        const res = engine.check(r);
        if (!res.ok) throw new Error(JSON.stringify(res.errors).slice(0, 500));
      }
      return performance.now() - t0;
    };
    const median = (requests) => {
      pass(requests);
      const times = [];
      for (let k = 0; k < ROUNDS; k++) times.push(pass(requests));
      times.sort((a, b) => a - b);
      return times[Math.floor(times.length / 2)];
    };
    // alternated, so that a slower moment of the machine does not fall on one side only
    const s1 = median(small);
    const l1 = median(large);
    const s2 = median(small);
    const l2 = median(large);
    const perSmall = (Math.min(s1, s2) * 1000) / lines.length;
    const perLarge = (Math.min(l1, l2) * 1000) / lines.length;
    await store.close();
    return {
      benchmark: 'claims per request',
      claims: lines.length,
      small: SMALL,
      usPerClaimSmall: round(perSmall, 1),
      usPerClaimLarge: round(perLarge, 1),
      ratio: round(perLarge / perSmall),
      target: 1.3,
      met: perLarge / perSmall <= 1.3,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  run().then((r) => console.log(JSON.stringify(r, null, 2)), (e) => { console.error(e); process.exit(1); });
}
