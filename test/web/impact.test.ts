/**
 * Impact in the web interface (headless Chromium): the diff page across 1995-01-01 (the decree's
 * changes with their acts), and the replay page under the draft act fixture (the changed lines,
 * the totals and the charts), in French, Dutch and English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { closeWeb, openWebWith, type TestBrowser } from './browser.js';
import type { TestServer } from '../../src/server/test-support.js';

const FIXTURES = join(__dirname, '..', 'fixtures', 'impact');

let server: TestServer;
let browser: TestBrowser;
let page: Page;

let web: Awaited<ReturnType<typeof openWebWith>>;

beforeAll(async () => {
  web = await openWebWith([{ name: 'coefficients-k-2024.json', text: readFileSync(join(FIXTURES, 'coefficients-k-2024.json'), 'utf8') }]);
  expect(web.ingest.status).toBe(201);
  ({ server, browser, page } = web);
}, 120_000);

afterAll(() => closeWeb(web));

describe('web interface: impact', () => {
  it('the diff page lists the decree\'s changes with their acts, in each language', async () => {
    await page.goto(`${server.url}/#/diff?from=1994-12-31&to=1995-01-01`);
    await browser.ready('diff');
    await page.waitForSelector('[data-testid=diff-summary]');
    await expect(page.locator('[data-testid=diff-summary]').textContent()).resolves.toBe('149 code(s) modifié(s) entre le 1994-12-31 et le 1995-01-01');
    const row = page.locator('table.diff tr[data-code="355751"][data-change=value]');
    await expect(row.locator('td.before').textContent()).resolves.toBe('K 30');
    await expect(row.locator('td.after').textContent()).resolves.toBe('K 50');
    await expect(row.locator('a.citation').textContent()).resolves.toBe('1994022370, Art. 2, 2°, 1.');
    await expect(page.locator('.acts li').count()).resolves.toBe(40);
    await browser.shot('diff');
    for (const [l, text] of [['nl', '149 code(s) gewijzigd tussen 1994-12-31 en 1995-01-01'], ['en', '149 code(s) changed between 1994-12-31 and 1995-01-01']]) {
      await page.click(`.langs button[data-lang="${l}"]`);
      await browser.ready('diff');
      await page.waitForFunction((t) => document.querySelector('[data-testid=diff-summary]')?.textContent === t, text);
    }
    await page.click('.langs button[data-lang="fr"]');
  });

  it('the replay page shows the changed lines, the totals and the charts', async () => {
    await page.goto(`${server.url}/#/replay`);
    await browser.ready('replay');
    const claims = [
      { claims: [{ id: 'A', code: '355751', date: '2024-06-30' }] },
      { claims: [{ id: 'B', code: '355751', date: '2024-07-01', institution: 'H-1' }, { id: 'C', code: '355950', date: '2024-07-01', institution: 'H-1' }] },
    ].map((r) => JSON.stringify(r)).join('\n');
    await page.fill('#replay-claims', claims);
    await page.setInputFiles('#replay-drafts', join(FIXTURES, 'draft-2024099001.fr.md'));
    await page.click('#replay-submit');
    await page.waitForSelector('[data-testid=replay-summary]');
    await expect(page.locator('[data-testid=replay-summary]').textContent()).resolves.toBe('2 demande(s), 3 ligne(s) décidées deux fois ; 2 ligne(s) changent (1 décision(s))');
    // B +25,00 € (K 50 → K 60), C −250,00 € (rejected by the new non-cumulation): −225,00 €
    await expect(page.locator('[data-testid=fee-delta]').textContent()).resolves.toBe('−225,00 €');
    await expect(page.locator('table.replay tr[data-claim=C] [data-cause=rule] code').textContent()).resolves.toBe('rd2024-355950-not-with-355751');
    await expect(page.locator('table.replay tr[data-claim=B] [data-cause=value]').textContent()).resolves.toBe('valeur K 50 → K 60');
    await expect(page.locator('svg[data-figure=replay-fee-month] .bar').getAttribute('data-status')).resolves.toBe('fail');
    expect(await page.locator('svg.bars').count()).toBe(3);
    await browser.shot('replay');
  });

  it('a bad line of requests is named, nothing is sent', async () => {
    await page.fill('#replay-claims', '{"claims": [}');
    await page.click('#replay-submit');
    await expect(page.locator('.problem').textContent()).resolves.toContain('Ligne 1 : JSON invalide');
  });

  it('loaded nothing from outside the server and logged no error', () => {
    expect(browser.foreign).toEqual([]);
    expect(browser.problems).toEqual([]);
  });
});
