/**
 * The web interface end to end, in headless Chromium (Debian's /usr/bin/chromium driven by
 * playwright-core; no browser is downloaded): search, a code page with its timeline, the claim
 * checker, a document page, the language switch. One screenshot per page in test-artifacts/web/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type TestBrowser } from './browser.js';
import { removeDatabases, startServer, type TestServer } from '../../src/server/test-support.js';

let server: TestServer;
let page: Page;
let problems: string[] = [];
let foreign: string[] = [];

let browser: TestBrowser;
const shot = (name: string) => browser.shot(name);
const ready = (section: string) => browser.ready(section);

beforeAll(async () => {
  server = await startServer({ webRoot: undefined });
  browser = await openBrowser(server.url);
  ({ page, problems, foreign } = browser);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await removeDatabases();
});

describe('web interface', () => {
  it('searches "ablation" on 2024-11-15 and lists 587134', async () => {
    await page.goto(`${server.url}/`);
    await ready('search');
    // The browser speaks fr-BE: the interface starts in French.
    await expect(page.locator('nav a[data-section="search"]').textContent()).resolves.toBe('Recherche');
    await page.fill('#q', 'ablation');
    await page.fill('#at', '2024-11-15');
    await page.click('form.search button[type=submit]');
    await page.waitForSelector('table.hits a[data-code="587134"]');
    expect(page.url()).toContain('q=ablation');
    const row = page.locator('table.hits tr', { has: page.locator('a[data-code="587134"]') });
    await expect(row.textContent()).resolves.toContain('I 633');
    await shot('search');
  });

  it('opens 587134: label, pair, the fee 1773,18 on 2024-11-15, rules with citations, and the timeline', async () => {
    await page.click('table.hits a[data-code="587134"]');
    await ready('code');
    expect(page.url()).toContain('#/code/587134?at=2024-11-15');
    await expect(page.locator('[data-testid=fee]').textContent()).resolves.toBe('1773,18 €');
    await expect(page.locator('[data-testid=value]').textContent()).resolves.toBe('I 633');
    await expect(page.locator('.code-head .label').textContent()).resolves.toMatch(/Ablation percutanée/);
    expect(await page.locator('ol.rules li').count()).toBeGreaterThan(3);
    await expect(page.locator('ol.rules li .citation').first().textContent()).resolves.toMatch(/^conv-.*4\.1\.2$/);
    // The timeline: both series, a point per change, each linked to its act.
    const chart = page.locator('svg.timeline');
    await expect(chart.isVisible()).resolves.toBe(true);
    const feePoint = chart.locator('a.point[data-series="fee"][data-date="2024-11-01"]');
    await expect(feePoint.getAttribute('href')).resolves.toBe('#/document/conv-fc467a2e32d3c4b9?article=4.1.3');
    await expect(feePoint.locator('text').textContent()).resolves.toBe('1773,18 €');
    const valuePoint = chart.locator('a.point[data-series="relativeValue"][data-date="2024-11-01"]');
    await expect(valuePoint.locator('title').textContent()).resolves.toContain('I 633');
    await expect(chart.locator('.at-marker text').textContent()).resolves.toBe('2024-11-15');
    await shot('code');
  });

  it('a timeline point opens the act with the extracted facts highlighted, and its issues', async () => {
    await page.click('svg.timeline a.point[data-series="fee"][data-date="2024-11-01"] circle');
    await ready('document');
    await page.waitForSelector('.act-text mark.selected');
    await expect(page.locator('.act-text mark.selected').textContent()).resolves.toContain('587134');
    await expect(page.locator('.fact-detail').textContent()).resolves.toContain('1773.18');
    expect(await page.locator('.act-text mark.fact').count()).toBeGreaterThan(20);
    expect(await page.locator('ul.issues li').count()).toBeGreaterThan(0);
    // Hiding a kind of fact removes its highlight.
    await page.uncheck('#show-rule');
    await expect(page.locator('.act-text').getAttribute('class')).resolves.toContain('hide-rule');
    await shot('document');
  });

  it('checks a claim from the form and shows the refusal with its reason and the sentence of the act', async () => {
    await page.click('nav a[data-section="check"]');
    await ready('check');
    const line = page.locator('fieldset.line[data-line="1"]');
    await line.locator('input[name=code]').fill('587134');
    await line.locator('input[name=date]').fill('2024-11-18');
    await line.locator('select[name=specialty]').selectOption('urology');
    await page.click('#check-submit');
    const decision = page.locator('article.decision[data-claim="L1"]');
    await decision.waitFor();
    await expect(decision.getAttribute('class')).resolves.toContain('rejected');
    await expect(decision.locator('.badge.decision-rejected').textContent()).resolves.toBe('refusée');
    const reason = decision.locator('li.reason[data-kind="provider"][data-outcome="violated"]');
    // The message is in French (the interface language) and names the code.
    await expect(reason.locator('.message').textContent()).resolves.toMatch(/587134.*requiert/);
    await expect(reason.locator('blockquote.act').textContent()).resolves.toMatch(/radiodiagnostic/);
    await expect(reason.locator('.citation').textContent()).resolves.toMatch(/4\.1\.2$/);
    // The ecosystem's codes of the refusal: eFact 501540 with its official French label; no eTarif value, and why.
    await expect(reason.locator('.refusal-codes .efact').textContent()).resolves.toBe('eFact 501540 Dispensateur non habilité pour porter en compte la prestation');
    await expect(reason.locator('.refusal-codes .etarif.none').textContent()).resolves.toMatch(/^pas de code eTarif \(eTarif est consulté/);
    await shot('check');
  });

  it('checks the contract JSON pasted in the JSON tab (accepted, 1773,18 €)', async () => {
    await page.click('.tabs [data-mode="json"]');
    const json = JSON.stringify({
      beneficiary: { id: 'P-001', birthDate: '1958-03-14', sex: 'F' },
      institutions: [{ id: 'H-71001', conventions: [{ convention: 'percutaneous-tumour-ablation', from: '2024-11-01', to: '2029-10-31' }] }],
      claims: [{ id: 'L1', code: '587134', date: '2024-11-18', provider: { specialty: 'radiodiagnosis', qualifications: ['interventional-radiology'] }, institution: 'H-71001', documents: ['pre-ablation-report', 'mdt-approval'] }],
    });
    await page.fill('#request-json', json);
    await page.click('#check-submit');
    await page.waitForSelector('article.decision.accepted');
    await expect(page.locator('article.decision.accepted .amounts').textContent()).resolves.toContain('1773,18 €');
    // A request that does not match the schema shows the offending field.
    await page.fill('#request-json', '{"claims":[{"id":"L1","code":"587134","date":"2024-02-30"}]}');
    await page.click('#check-submit');
    await page.waitForSelector('.problem');
    await expect(page.locator('.problem .field-errors').textContent()).resolves.toContain('claims[0].date');
    await shot('check-json');
  });

  it('switches the language: Dutch, then English, messages included', async () => {
    await page.fill('#request-json', JSON.stringify({ claims: [{ id: 'L1', code: '587134', date: '2024-11-18', provider: { specialty: 'urology' } }] }));
    await page.click('#check-submit');
    await page.waitForSelector('article.decision.rejected');
    await page.click('.langs button[data-lang="nl"]');
    await expect(page.locator('nav a[data-section="check"]').textContent()).resolves.toBe('Getuigschrift controleren');
    await page.waitForFunction(() => document.querySelector('article.decision .badge.decision-rejected')?.textContent === 'geweigerd');
    await page.click('.langs button[data-lang="en"]');
    await page.waitForFunction(() => document.querySelector('article.decision .badge.decision-rejected')?.textContent === 'rejected');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await shot('check-en');
    await page.goto(`${server.url}/#/code/355751?at=1994-12-31`);
    await ready('code');
    await expect(page.locator('[data-testid=value]').textContent()).resolves.toBe('K 30');
    // Before and after the 1995 amendment, on the chart.
    expect(await page.locator('svg.timeline a.point[data-series="relativeValue"]').count()).toBe(2);
    await shot('code-355751');
  });

  it('an unknown code shows the problem; the list of acts', async () => {
    await page.goto(`${server.url}/#/code/587135`);
    await ready('code');
    await expect(page.locator('.problem').textContent()).resolves.toContain('587134');
    await page.click('nav a[data-section="documents"]');
    await ready('documents');
    expect(await page.locator('table.documents tbody tr').count()).toBe(3);
    await shot('documents');
  });

  it('loaded nothing from outside the server and logged no error', () => {
    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
  });
});
