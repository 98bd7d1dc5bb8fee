/**
 * An act held in French and Dutch, in the web interface (headless Chromium): the document page
 * with the coverage of each text and one tab per text, the code page's Dutch label (preferred by
 * the Dutch interface), and search by Dutch words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { closeWeb, openWebWith, type TestBrowser } from './browser.js';
import type { TestServer } from '../../src/server/test-support.js';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'justel', name), 'utf8');

let server: TestServer;
let browser: TestBrowser;
let page: Page;

let web: Awaited<ReturnType<typeof openWebWith>>;

beforeAll(async () => {
  web = await openWebWith([{ name: 'fr.md', text: fixture('02-insertions.md') }, { name: 'nl.md', text: fixture('02-insertions.nl.md') }]);
  expect(web.ingest.body.documents.map((d: { status: string }) => d.status)).toEqual(['ingested', 'merged']);
  ({ server, browser, page } = web);
}, 120_000);

afterAll(() => closeWeb(web));

describe('web interface: one act, two texts', () => {
  it('the document page shows the coverage of each text and a tab per text', async () => {
    await page.goto(`${server.url}/#/document/2003022777`);
    await browser.ready('document');
    const coverage = page.locator('[data-testid=coverage]');
    await expect(coverage.locator('[data-lang=fr] .coverage-count').textContent()).resolves.toBe('5 sur 5 compris');
    await expect(coverage.locator('[data-lang=nl] .coverage-count').textContent()).resolves.toBe('5 sur 5 compris');
    // the French text first in the French interface; the Dutch tab shows the Dutch text with its facts
    await expect(page.locator('.doc-tabs button[aria-pressed=true]').textContent()).resolves.toBe('français');
    await expect(page.locator('.act-text').getAttribute('lang')).resolves.toBe('fr');
    await page.click('.doc-tabs button[data-lang=nl]');
    await expect(page.locator('.act-text').getAttribute('lang')).resolves.toBe('nl');
    await expect(page.locator('.act-text').textContent()).resolves.toContain('wordt na de verstrekking nr. 540013 de volgende verstrekking ingevoegd');
    expect(await page.locator('.act-text mark.fact-amendment').count()).toBeGreaterThan(4);
    await browser.shot('document-bilingual');
  });

  it('the list of acts gives each text\'s coverage', async () => {
    await page.goto(`${server.url}/#/documents`);
    await browser.ready('documents');
    const row = page.locator('table.documents tr', { has: page.locator('a[href="#/document/2003022777"]') });
    await expect(row.locator('td.coverage').textContent()).resolves.toBe('fr 5/5 · nl 5/5');
    // the built-in acts were read before coverage existed or hold no amendment item: no invented figure
    const builtin = page.locator('table.documents tr', { has: page.locator('a[href^="#/document/conv-"]') }).first();
    await expect(builtin.locator('td.coverage').textContent()).resolves.toBe('—');
  });

  it('the code page shows both labels, the Dutch one first in the Dutch interface; search finds Dutch words', async () => {
    await page.goto(`${server.url}/#/code/555030?at=2003-07-01`);
    await browser.ready('code');
    const labels = page.locator('.code-head p.label');
    await expect(labels.allTextContents()).resolves.toEqual(["Perfusion d'un médicament par pompe implantée", 'Perfusie van een geneesmiddel met een geïmplanteerde pomp']);
    await page.click('.langs button[data-lang="nl"]');
    await browser.ready('code');
    await page.waitForFunction(() => document.querySelector('.code-head p.label')?.getAttribute('lang') === 'nl');
    await expect(labels.first().textContent()).resolves.toBe('Perfusie van een geneesmiddel met een geïmplanteerde pomp');
    await page.goto(`${server.url}/#/?q=${encodeURIComponent('geimplanteerde POMP')}&at=2003-07-01`);
    await page.waitForSelector('table.hits a[data-code="555030"]');
    const row = page.locator('table.hits tr', { has: page.locator('a[data-code="555030"]') });
    await expect(row.locator('td[lang=nl]').textContent()).resolves.toBe('Perfusie van een geneesmiddel met een geïmplanteerde pomp');
    await browser.shot('search-nl');
    await page.click('.langs button[data-lang="fr"]');
  });

  it('loaded nothing from outside the server and logged no error', () => {
    expect(browser.foreign).toEqual([]);
    expect(browser.problems).toEqual([]);
  });
});
