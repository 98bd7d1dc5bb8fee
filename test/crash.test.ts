/**
 * Crash suite (issue 12): the real binary killed with SIGKILL at random moments.
 *  - during `nomen ingest` of several acts: the database holds all of them or none, and still
 *    answers checks;
 *  - during committing checks (`nomen serve`, `"commit": true`): after restarting and retrying
 *    every request that was not acknowledged, each accepted line is held exactly once (none lost,
 *    none doubled) and a retry decides as the first try did.
 * `npm test` kills a few times (NOMEN_CRASH_RUNS, default 4 each, well under a minute on two
 * cores); `npm run test:crash` many more.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNS = Number(process.env.NOMEN_CRASH_RUNS ?? 4);
const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'bin', 'nomen.js');
const ACTS = join(ROOT, 'test/fixtures/acts');

const dir = mkdtempSync(join(tmpdir(), 'nomen-crash-'));
const base = join(dir, 'base.db');
let n = 0;
const fresh = () => {
  const f = join(dir, `db-${++n}.db`);
  copyFileSync(base, f);
  return f;
};
function nomen(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { timeout: 60_000, maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}
const ids = (db: string): string[] => (JSON.parse(nomen(['documents', '--json', '--db', db]).stdout) as { document: string }[]).map((d) => d.document).sort();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** A deterministic sequence of delays (the run is the same every time; NOMEN_CRASH_SEED changes it). */
let seed = Number(process.env.NOMEN_CRASH_SEED ?? 12);
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

const exited = (p: ChildProcess) => new Promise<void>((r) => (p.exitCode !== null || p.signalCode !== null ? r() : p.once('exit', () => r())));

beforeAll(() => {
  expect(nomen(['documents', '--db', base]).code).toBe(0);
});

describe('SIGKILL during ingest', () => {
  const acts = readdirSync(ACTS).filter((f) => f.endsWith('.md') && !f.startsWith('2011205660')).map((f) => join(ACTS, f));

  it(`${RUNS} kills: all documents or none, and check still answers`, async () => {
    const before = ids(base);
    const outcomes = { none: 0, all: 0 };
    for (let k = 0; k < RUNS; k++) {
      const db = fresh();
      const p = spawn(process.execPath, [BIN, 'ingest', ...acts, '--db', db], { stdio: 'ignore' });
      await sleep(300 + random() * 1200);
      p.kill('SIGKILL');
      await exited(p);
      const after = ids(db);
      if (after.length === before.length) {
        expect(after).toEqual(before);
        outcomes.none++;
      } else {
        expect(after.length).toBe(before.length + acts.length);
        outcomes.all++;
      }
      expect(nomen(['check', join(ROOT, 'examples/request.json'), '--db', db]).code).toBe(0);
      // and the ingest, run again, completes
      expect(nomen(['ingest', ...acts, '--db', db]).code).toBe(0);
      expect(ids(db).length).toBe(before.length + acts.length);
    }
    console.log(`crash: ingest killed ${RUNS} times: ${JSON.stringify(outcomes)}`);
  }, 30_000 + RUNS * 8_000);
});

describe('SIGKILL during committing checks', () => {
  /** Starts `nomen serve` on a free port; resolves with its URL once ready. */
  async function serve(db: string): Promise<{ p: ChildProcess; url: string }> {
    const p = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--db', db, '--log-level', 'info'], { stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, NOMEN_TOKEN: '' } });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      p.stdout!.on('data', (d) => {
        out += d;
        const m = /"url":"(http:[^"]+)".*nomen serve ready|nomen serve ready.*"url":"(http:[^"]+)"/.exec(out);
        if (m) resolve(m[1] ?? m[2]);
      });
      p.once('exit', () => reject(new Error(`serve exited before it was ready: ${out}`)));
    });
    p.stdout!.resume();
    return { p, url };
  }

  const request = (i: number) => {
    const day = new Date(Date.UTC(2024, 10, 1) + i * 86_400_000).toISOString().slice(0, 10);
    return {
      commit: true,
      beneficiary: { id: 'P-CRASH', birthDate: '1958-03-14' },
      institutions: [{ id: 'H-71001', conventions: [{ convention: 'percutaneous-tumour-ablation', from: '2024-11-01', to: '2029-10-31' }] }],
      claims: [{ id: `L${i}`, code: '587134', date: day, provider: { specialty: 'radiodiagnosis', qualifications: ['interventional-radiology'] }, institution: 'H-71001', documents: ['pre-ablation-report', 'mdt-approval'] }],
    };
  };

  it(`${RUNS} kills: every accepted line held exactly once, retries idempotent`, async () => {
    const db = fresh();
    const total = 25 * RUNS;
    /** The status the server acknowledged for each line (the last answer). */
    const acknowledged = new Map<number, string>();
    let kills = 0;
    let retried = 0;
    let next = 0;
    const pending: number[] = [];
    while (acknowledged.size < total) {
      const { p, url } = await serve(db);
      let alive = true;
      const killer = kills < RUNS ? sleep(20 + random() * 250).then(() => { if (alive) { p.kill('SIGKILL'); kills++; } }) : Promise.resolve();
      // four clients at once, each taking the next request (retries first)
      const client = async () => {
        for (;;) {
          const i = pending.length ? pending.shift()! : next < total ? next++ : -1;
          if (i < 0) return;
          try {
            const res = await fetch(`${url}/v1/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request(i)) });
            const body = (await res.json()) as { decisions: { status: string }[] };
            expect(res.status).toBe(200);
            if (acknowledged.has(i)) expect(body.decisions[0].status).toBe(acknowledged.get(i));
            acknowledged.set(i, body.decisions[0].status);
          } catch (e) {
            // not acknowledged (the server died): tried again on the next server
            if (e instanceof Error && /expected/.test(e.message)) throw e;
            pending.push(i);
            retried++;
            return;
          }
        }
      };
      await Promise.all([client(), client(), client(), client()]);
      await killer;
      alive = false;
      if (p.exitCode === null && p.signalCode === null) {
        p.kill('SIGTERM');
      }
      await exited(p);
    }
    // the lines held: each accepted line once, no other
    const { p, url } = await serve(db);
    try {
      const held = ((await (await fetch(`${url}/v1/beneficiaries/P-CRASH/history`)).json()) as { lines: { id: string }[] }).lines.map((l) => l.id);
      const accepted = [...acknowledged].filter(([, s]) => s === 'accepted').map(([i]) => `L${i}`);
      expect(accepted.length).toBe(total);
      expect(held.length).toBe(new Set(held).size);
      expect(held.sort()).toEqual(accepted.sort());
      // a retry of a committed line decides as the first try and records nothing more
      const again = (await (await fetch(`${url}/v1/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request(0)) })).json()) as { decisions: { status: string }[] };
      expect(again.decisions[0].status).toBe('accepted');
      const after = ((await (await fetch(`${url}/v1/beneficiaries/P-CRASH/history`)).json()) as { lines: unknown[] }).lines;
      expect(after).toHaveLength(total);
    } finally {
      p.kill('SIGTERM');
      await exited(p);
    }
    console.log(`crash: commits: ${total} lines, server killed ${kills} times, ${retried} requests retried, 0 lost, 0 doubled`);
  }, 30_000 + RUNS * 8_000);
});
