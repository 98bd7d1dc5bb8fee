/**
 * Headless Chromium for the web tests: Debian's /usr/bin/chromium driven by playwright-core (no browser
 * download), a fresh profile, the flags this closed network needs, and the page's problems collected.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts', 'web');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A browser page on a test server, with what went wrong on it. */
export interface TestBrowser {
  context: BrowserContext;
  page: Page;
  /** Console errors (other than the 4xx answers tests cause on purpose) and page errors. */
  problems: string[];
  /** Requests to anything but the test server. */
  foreign: string[];
  /** Saves a full-page screenshot as test-artifacts/web/<name>.png. */
  shot(name: string): Promise<void>;
  /** Waits until the router has drawn `section`. */
  ready(section: string): Promise<void>;
  close(): Promise<void>;
}

/** Opens Chromium (French-speaking, 1280×900) watching the pages of `serverUrl`. */
export async function openBrowser(serverUrl: string): Promise<TestBrowser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run .ci/apt-deps (apt-get install chromium)`);
  mkdirSync(ARTIFACTS, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'nomen-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 900 }, locale: 'fr-BE' });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  const foreign: string[] = [];
  page.on('console', (m) => m.type() === 'error' && !/^Failed to load resource: the server responded with a status of 4\d\d/.test(m.text()) && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(serverUrl) && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  return {
    context, page, problems, foreign,
    shot: async (name) => { await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true }); },
    ready: async (section) => { await page.waitForFunction((s) => document.body.dataset.ready === s, section); },
    close: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); },
  };
}

/** A test server holding the built-in corpus plus `documents` (POSTed as one ingest), and a browser on it. */
export async function openWebWith(documents: { name: string; text: string }[]) {
  const { post, startServer } = await import('../../src/server/test-support.js');
  const server = await startServer({ webRoot: undefined });
  const ingest = await post(server, '/v1/documents', { documents });
  const browser = await openBrowser(server.url);
  return { server, browser, page: browser.page, ingest };
}

/** Closes what openWebWith opened, and the test databases. */
export async function closeWeb(web: { server: { close(): Promise<void> }; browser: TestBrowser } | undefined): Promise<void> {
  const { removeDatabases } = await import('../../src/server/test-support.js');
  await web?.browser.close();
  await web?.server.close();
  await removeDatabases();
}
