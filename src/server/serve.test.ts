/**
 * `nomen serve` as a process (bin/nomen.js → dist/, built by `npm test`): options, NOMEN_TOKEN,
 * graceful shutdown on SIGTERM; and two server processes on one PostgreSQL deciding as one under
 * concurrent commits for the same beneficiary.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../store/open.js';
import { startPostgres, type TestPostgres } from '../test-support/postgres.js';
import { exampleRequest, freshDatabase, removeDatabases } from './test-support.js';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'nomen.js');

/** The compiled server must be as new as its sources: these tests run the real binary. */
function assertBuilt(): void {
  const built = join(ROOT, 'dist', 'cli', 'serve.js');
  if (!existsSync(built)) throw new Error('dist/cli/serve.js is missing: run `npm run build` (npm test builds first)');
  const sources = [join(ROOT, 'src', 'cli', 'serve.ts'), ...readdirSync(join(ROOT, 'src', 'server'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => join(ROOT, 'src', 'server', f))];
  const newest = Math.max(...sources.map((f) => statSync(f).mtimeMs));
  if (statSync(join(ROOT, 'dist', 'server', 'app.js')).mtimeMs < newest) {
    throw new Error('dist/ is older than src/server: run `npm run build` (npm test builds first)');
  }
}

interface Served {
  url: string;
  proc: ChildProcess;
  stdout: string[];
  exit: Promise<number | null>;
}

/** Starts `nomen serve --port 0 …` and waits for its "ready" log line. */
function serve(args: string[], env: Record<string, string> = {}): Promise<Served> {
  const proc = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], { env: { ...process.env, NOMEN_TOKEN: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const stdout: string[] = [];
  let stderr = '';
  const exit = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`nomen serve did not start in 60 s: ${stderr}`)), 60_000);
    let carry = '';
    proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (carry + chunk).split('\n');
      carry = lines.pop()!;
      for (const line of lines) {
        stdout.push(line);
        try {
          const o = JSON.parse(line);
          if (o.msg === 'nomen serve ready') {
            clearTimeout(timer);
            resolve({ url: o.url, proc, stdout, exit });
          }
        } catch {
          // Not a log line.
        }
      }
    });
    proc.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    exit.then((code) => {
      clearTimeout(timer);
      reject(new Error(`nomen serve exited (${code}) before it was ready: ${stderr}`));
    });
  });
}

async function stop(s: Served): Promise<number | null> {
  if (s.proc.exitCode === null) s.proc.kill('SIGTERM');
  return s.exit;
}

const postJson = async (url: string, body: unknown, headers: Record<string, string> = {}) => {
  const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: r.status, body: (await r.json()) as Record<string, any> };
};

beforeAll(() => {
  assertBuilt();
});

afterAll(async () => {
  await removeDatabases();
});

describe('nomen serve', () => {
  it('--help names the options; bad options exit 2 with a message', () => {
    const help = spawnSync(process.execPath, [BIN, 'serve', '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    for (const o of ['--port', '--host', '--db', 'NOMEN_TOKEN']) expect(help.stdout).toContain(o);
    const bad = spawnSync(process.execPath, [BIN, 'serve', '--port', '99999'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--port: "99999"/);
  });

  it('serves, requires NOMEN_TOKEN for writes, and stops on SIGTERM (exit 0, logs without data)', async () => {
    const db = await freshDatabase();
    const s = await serve(['--db', db], { NOMEN_TOKEN: 'tok-123' });
    try {
      expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const health = await fetch(`${s.url}/health`);
      expect(await health.json()).toMatchObject({ status: 'ok', store: 'sqlite' });
      const denied = await postJson(`${s.url}/v1/check`, { ...exampleRequest('P-PROC-1'), commit: true });
      expect(denied.status).toBe(401);
      const ok = await postJson(`${s.url}/v1/check`, { ...exampleRequest('P-PROC-1'), commit: true }, { authorization: 'Bearer tok-123' });
      expect(ok.body.committed.recorded).toEqual(['L1']);
      const page = await fetch(`${s.url}/`);
      expect(page.headers.get('content-type')).toContain('text/html');
    } finally {
      expect(await stop(s)).toBe(0);
    }
    const log = s.stdout.join('\n');
    expect(log).toContain('shutting down');
    expect(log).toContain('"msg":"stopped"');
    expect(log).not.toContain('P-PROC-1');
    expect(log).not.toContain('tok-123');
    // The database was closed cleanly: another process opens it and finds the committed line.
    const store = await openStore(db);
    expect((await store.historyOf('P-PROC-1')).map((l) => l.id)).toEqual(['L1']);
    await store.close();
  });

  it('--workers 2: one port, every process sees a document another one ingested, all stop on SIGTERM', async () => {
    const db = await freshDatabase();
    const s = await serve(['--db', db, '--workers', '2']);
    try {
      // The workers' own lines may reach the pipe after the primary's.
      const workerPids = () => new Set(s.stdout.filter((l) => l.includes('"msg":"worker ready"')).map((l) => JSON.parse(l).pid));
      for (let i = 0; i < 50 && workerPids().size < 2; i++) await new Promise((r) => setTimeout(r, 100));
      expect(workerPids().size).toBe(2);
      const text = `Convention entre le Comité de l'assurance du Service de soins de santé de l'INAMI et des
établissements de soins pour le remboursement d'une surveillance de grappe

Article 1 - Prestations

a) Libellé :

599981 Honoraires forfaitaires de surveillance de grappe par jour ………….. C 21,5

c) Honoraires

C = 1,456789 599981 = C      21,5 31,32 31,32 31,32 31,32 31,32

Article 2

La présente convention entre en vigueur le 1er juillet 2023.
`;
      const ingest = await fetch(`${s.url}/v1/documents`, { method: 'POST', headers: { 'content-type': 'text/markdown' }, body: text });
      expect(ingest.status).toBe(201);
      // The other process rebuilds on the primary's relay: within a moment, every answer knows the code.
      const claim = { claims: [{ id: 'L1', code: '599981', date: '2023-07-03', stay: { admission: '2023-07-01', service: 'N' } }] };
      const deadline = Date.now() + 10_000;
      let kinds: string[][] = [];
      do {
        await new Promise((r) => setTimeout(r, 200));
        // New connections each time: the primary spreads them over the processes.
        const answers = await Promise.all(Array.from({ length: 6 }, () => fetch(`${s.url}/v1/check`, { method: 'POST', headers: { 'content-type': 'application/json', connection: 'close' }, body: JSON.stringify(claim) }).then((r) => r.json())));
        kinds = answers.map((a) => a.decisions[0].reasons.map((x: { kind: string }) => x.kind));
      } while (kinds.some((k) => k.includes('unknown-code')) && Date.now() < deadline);
      for (const k of kinds) expect(k).not.toContain('unknown-code');
    } finally {
      expect(await stop(s)).toBe(0);
    }
    expect(s.stdout.filter((l) => l.includes('"msg":"stopped"'))).toHaveLength(3);
  });

  it('a port in use is a clear error (exit 2)', async () => {
    const db = await freshDatabase();
    const a = await serve(['--db', db]);
    try {
      const port = new URL(a.url).port;
      const b = spawnSync(process.execPath, [BIN, 'serve', '--port', port, '--db', db], { encoding: 'utf8', timeout: 60_000 });
      expect(b.status).toBe(2);
      expect(b.stderr).toMatch(/already in use/);
    } finally {
      await stop(a);
    }
  });
});

describe('two servers on one PostgreSQL', () => {
  let pg: TestPostgres | null = null;
  let failure: unknown = null;
  beforeAll(async () => {
    try {
      pg = await startPostgres();
    } catch (e) {
      failure = e;
    }
  }, 180_000);
  afterAll(async () => {
    await pg?.stop();
  });

  /** 12 requests for one beneficiary (2 dates × 6 line ids, once per day each), each sent twice (a retry), all at once. */
  async function scenario(urls: string[], beneficiary: string) {
    const requests = Array.from({ length: 12 }, (_, i) => {
      const r = exampleRequest(beneficiary);
      r.claims[0].id = `C${i}`;
      r.claims[0].date = i % 2 ? '2024-11-18' : '2024-11-19';
      return { ...r, commit: true };
    });
    const sends = [...requests, ...requests].map((r, k) => postJson(`${urls[k % urls.length]}/v1/check`, r));
    const answers = await Promise.all(sends);
    for (const a of answers) expect(a.status).toBe(200);
    const byId = new Map<string, Set<string>>();
    for (const a of answers) {
      const d = a.body.decisions[0];
      byId.set(d.claim, (byId.get(d.claim) ?? new Set()).add(d.status));
    }
    const accepted = [...byId].filter(([, st]) => st.has('accepted')).map(([id]) => id).sort();
    // A line's retry is decided as the line was: never accepted once and rejected once.
    for (const [, st] of byId) expect(st.size).toBe(1);
    const recorded = answers.flatMap((a) => a.body.committed.recorded as string[]).sort();
    return { accepted, recorded, answers };
  }

  it('decide as one server: one line per day accepted and recorded once, under concurrent commits and retries', async (ctx) => {
    if (!pg) {
      if (process.env.CI === 'true') throw failure;
      console.warn(`SKIPPED: two servers on one PostgreSQL — PostgreSQL could not be started: ${(failure as Error)?.message}`);
      ctx.skip();
      return;
    }
    const url = await pg.createDatabase();
    // Loaded once beforehand, so that the measure is of the servers, not of the first load.
    await (await openStore(url)).close();
    const [a, b] = await Promise.all([serve(['--db', url]), serve(['--db', url])]);
    try {
      const two = await scenario([a.url, b.url], 'P-CONC');
      expect(two.accepted).toHaveLength(2);
      expect(two.recorded).toEqual(two.accepted);
      const store = await openStore(url);
      try {
        expect((await store.historyOf('P-CONC')).map((l) => l.id).sort()).toEqual(two.accepted);
      } finally {
        await store.close();
      }
      // Both servers now answer a probe alike.
      const probe = exampleRequest('P-CONC');
      probe.claims[0].id = 'PROBE';
      const [pa, pb] = await Promise.all([postJson(`${a.url}/v1/check`, probe), postJson(`${b.url}/v1/check`, probe)]);
      expect(pa.body).toEqual(pb.body);
      expect(pa.body.storedLines).toBe(2);
      expect(pa.body.decisions[0].status).toBe('rejected');

      // The same scenario on a single server gives the same outcome.
      const one = await scenario([a.url], 'P-ONE');
      expect(one.accepted).toHaveLength(2);
      expect(one.recorded).toEqual(one.accepted);
      const [d1, d2] = [two, one].map((r) => r.answers.map((x) => x.body.decisions[0].status).sort());
      expect(d1).toEqual(d2);
    } finally {
      await Promise.all([stop(a), stop(b)]);
    }
  }, 180_000);
});
