/**
 * A change of unknown date in the web interface (headless Chromium), on the real act 2000022259
 * whose publication date the copy does not give: on a date inside the window the code page says
 * "incertain" and lists both possible states; the timeline draws the window as a band, never a
 * line through it; the API's timeline carries the candidates and the reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { closeWeb, openWebWith, type TestBrowser } from './browser.js';
import { call, type TestServer } from '../../src/server/test-support.js';

const act = readFileSync(join(__dirname, '..', 'fixtures', 'dates', '2000022259-publication-unknown.md'), 'utf8');

let server: TestServer;
let browser: TestBrowser;
let page: Page;

let web: Awaited<ReturnType<typeof openWebWith>>;

beforeAll(async () => {
  web = await openWebWith([{ name: '2000022259.md', text: act }]);
  expect(web.ingest.status).toBe(201);
  ({ server, browser, page } = web);
}, 120_000);

afterAll(() => closeWeb(web));

describe('web interface: a change of unknown date', () => {
  it('the API timeline has the window as one uncertain period with both states and the reason', async () => {
    const r = await call(server, '/v1/codes/591780/history');
    expect(r.status).toBe(200);
    const periods = r.body.timeline.map((p: { date: string | null; status: string }) => [p.date, p.status]);
    expect(periods).toEqual([[null, 'in-force'], ['2000-05-01', 'uncertain']]);
    const window = r.body.timeline[1];
    expect(window.candidates.map((c: { status: string }) => c.status).sort()).toEqual(['deleted', 'in-force']);
    expect(window.reason).toMatch(/not before 2000-05-01/);
  });

  it('the code page on a date inside the window says uncertain and lists both states; before it, in force', async () => {
    await page.goto(`${server.url}/#/code/591780?at=2000-06-01`);
    await browser.ready('code');
    await expect(page.locator('.code-head .badge').first().textContent()).resolves.toBe('incertain');
    const states = page.locator('.candidates li');
    await expect(states.count()).resolves.toBe(2);
    await expect(page.locator('.candidates li[data-status=deleted]').count()).resolves.toBe(1);
    await expect(page.locator('.candidates li[data-status=in-force]').count()).resolves.toBe(1);
    const band = page.locator('svg.timeline g.uncertain');
    await expect(band.count()).resolves.toBe(1);
    await expect(band.getAttribute('data-from')).resolves.toBe('2000-05-01');
    await expect(band.locator('title').textContent()).resolves.toMatch(/date d’effet inconnue entre le 2000-05-01 et le …/);
    await browser.shot('code-uncertain');
    await page.goto(`${server.url}/#/code/591780?at=2000-04-30`);
    await browser.ready('code');
    await expect(page.locator('.code-head .badge').first().textContent()).resolves.toBe('en vigueur');
    await expect(page.locator('.candidates').count()).resolves.toBe(0);
  });

  it('loaded nothing from outside the server and logged no error', () => {
    expect(browser.foreign).toEqual([]);
    expect(browser.problems).toEqual([]);
  });
});
