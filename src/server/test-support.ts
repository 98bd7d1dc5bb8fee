/**
 * Servers for the API tests: a loaded SQLite database made once per test file and copied for each
 * server (so that writes never leak between tests), listening on 127.0.0.1, logs captured.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { openStore } from '../store/open.js';
import type { Store } from '../store/types.js';
import { buildApp, type AppOptions } from './app.js';

/** A running test server. */
export interface TestServer {
  url: string;
  app: FastifyInstance;
  store: Store;
  /** Every log line written so far. */
  logs: string[];
  close(): Promise<void>;
}

let base: Promise<{ dir: string; file: string }> | null = null;
let n = 0;

/** The loaded base database (made once per test file). */
export function baseDatabase(): Promise<{ dir: string; file: string }> {
  base ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nomen-server-'));
    // The copies live as long as the test file's process.
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'base.db');
    const store = await openStore(file);
    await store.close();
    return { dir, file };
  })();
  return base;
}

/** Removes the base database and its copies (call in afterAll, once every server is closed). */
export async function removeDatabases(): Promise<void> {
  if (!base) return;
  const { dir } = await base;
  base = null;
  rmSync(dir, { recursive: true, force: true });
}

/** A fresh copy of the base database. */
export async function freshDatabase(): Promise<string> {
  const { dir, file } = await baseDatabase();
  const copy = join(dir, `copy-${++n}.db`);
  copyFileSync(file, copy);
  return copy;
}

/** Starts a server on a fresh database copy; `wrap` may replace the store (to inject faults). */
export async function startServer(options: Partial<AppOptions> & { wrap?: (s: Store) => Store } = {}): Promise<TestServer> {
  const { wrap, ...rest } = options;
  const opened = await openStore(await freshDatabase());
  const store = wrap ? wrap(opened) : opened;
  const logs: string[] = [];
  const app = await buildApp({ store, refreshMs: 0, webRoot: false, logger: { level: 'info', stream: { write: (l: string) => logs.push(l) } }, ...rest });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    app,
    store,
    logs,
    async close() {
      await app.close();
      await opened.close();
    },
  };
}

/** The contract's example request (§4): an accepted ablation in a convention hospital. */
export function exampleRequest(beneficiary = 'P-001'): Record<string, unknown> & { claims: Record<string, unknown>[] } {
  return {
    beneficiary: { id: beneficiary, birthDate: '1958-03-14', sex: 'F', preferential: false },
    institutions: [{ id: 'H-71001', conventions: [{ convention: 'percutaneous-tumour-ablation', from: '2024-11-01', to: '2029-10-31' }] }],
    claims: [
      {
        id: 'L1',
        code: '587134',
        date: '2024-11-18',
        provider: { id: '10012345190', specialty: 'radiodiagnosis', qualifications: ['interventional-radiology'] },
        institution: 'H-71001',
        documents: ['pre-ablation-report', 'mdt-approval'],
      },
    ],
  };
}

/** A JSON body as the tests read it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

/** One HTTP call to a test server; `json` is sent as the JSON body; JSON and problem answers are parsed. */
export async function call(server: TestServer, path: string, init: RequestInit & { json?: unknown } = {}) {
  const { json, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (json !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
  const res = await fetch(server.url + path, { ...rest, headers, body: json !== undefined ? JSON.stringify(json) : rest.body });
  const type = res.headers.get('content-type') ?? '';
  const text = await res.text();
  const body = /application\/(problem\+)?json/.test(type) && text ? JSON.parse(text) : text;
  return { status: res.status, type, headers: res.headers, body: body as Json };
}

/** POST of a JSON body. */
export const post = (s: TestServer, path: string, json: unknown, headers: Record<string, string> = {}) => call(s, path, { method: 'POST', json, headers });
