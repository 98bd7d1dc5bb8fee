/**
 * The conventions pages end to end, in headless Chromium (Debian's /usr/bin/chromium driven by
 * playwright-core): the institution registry and one institution's periods on a date, a generated
 * claim file loaded into the compliance page (a pass and a fail with their thresholds, sources and
 * charts), the indication form, the derived values on a code page. One screenshot per page in
 * test-artifacts/web/.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type TestBrowser } from './browser.js';
import { generateClaims, toNdjson } from '../../src/conventions/test-support.js';
import { removeDatabases, startServer, type TestServer } from '../../src/server/test-support.js';

let server: TestServer;
let page: Page;
let work: string;
let problems: string[] = [];
let foreign: string[] = [];

let browser: TestBrowser;
const shot = (name: string) => browser.shot(name);
const ready = (section: string) => browser.ready(section);

const text = (selector: string) => page.locator(selector).first().textContent();

beforeAll(async () => {
  server = await startServer({ webRoot: undefined });
  // The registry is written through the API, as a client would.
  const put = (id: string, body: unknown) =>
    fetch(`${server.url}/v1/institutions/${id}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect((await put('H-71001', { name: 'AZ Voorbeeld', conventions: [{ convention: 'percutaneous-tumour-ablation' }, { convention: 'breast-reconstruction', signed: '2016-11-15' }] })).status).toBe(201);
  expect((await put('H-72002', { name: 'Clinique Exemple', conventions: [{ convention: 'breast-reconstruction', signed: '2016-11-15', noticeSent: '2023-03-15' }] })).status).toBe(201);
  work = mkdtempSync(join(tmpdir(), 'nomen-web-claims-'));
  browser = await openBrowser(server.url);
  ({ page, problems, foreign } = browser);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await removeDatabases();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('conventions in the web interface', () => {
  it('every interface text exists in French, Dutch and English', async () => {
    await page.goto(`${server.url}/#/institutions`);
    await ready('institutions');
    // A string, not a function: the test runner would rewrite the dynamic import of a function body.
    const missing = await page.evaluate(`(async () => {
      const { MESSAGES } = await import('/i18n.js');
      const keys = new Set(Object.values(MESSAGES).flatMap((m) => Object.keys(m)));
      return [...keys].flatMap((k) => Object.entries(MESSAGES).filter(([, m]) => !(k in m)).map(([l]) => l + ': ' + k));
    })()`);
    expect(missing).toEqual([]);
  });

  it('lists the institutions on a date, each convention in force or not', async () => {
    await page.goto(`${server.url}/#/institutions?at=2024-11-15`);
    await ready('institutions');
    await expect(text('nav a[data-section="institutions"]')).resolves.toBe('Établissements');
    const centre = page.locator('tr[data-institution="H-71001"]');
    await expect(centre.locator('li[data-convention="percutaneous-tumour-ablation"] .badge').textContent()).resolves.toBe('en vigueur');
    await expect(centre.locator('li[data-convention="breast-reconstruction"] .badge').textContent()).resolves.toBe('en vigueur');
    // Notice sent 2023-03-15: no longer in force from 2023-10-01.
    const ended = page.locator('tr[data-institution="H-72002"] li[data-convention="breast-reconstruction"]');
    await expect(ended.locator('.badge').getAttribute('data-in-force')).resolves.toBe('false');
    await expect(ended.textContent()).resolves.toContain('2016-12-01 → 2023-09-30');
    await shot('institutions');
  });

  it('shows an institution\'s conventions: periods, how each end was computed, the cited sentences, the chart; on another date too', async () => {
    await page.click('tr[data-institution="H-71001"] a.institution-link');
    await ready('institution');
    expect(page.url()).toContain('#/institution/H-71001?at=2024-11-15');
    const ablation = page.locator('section.convention[data-convention="percutaneous-tumour-ablation"]');
    await expect(ablation.getAttribute('data-in-force')).resolves.toBe('true');
    await expect(ablation.locator('.period-text').textContent()).resolves.toBe('2024-11-01 → 2029-10-31');
    await expect(ablation.locator('blockquote.act').nth(1).textContent()).resolves.toContain('valable jusqu’au 31 octobre 2029 inclus');
    await expect(ablation.locator('.citation').nth(1).textContent()).resolves.toMatch(/^conv-.*10\.3$/);
    const breast = page.locator('section.convention[data-convention="breast-reconstruction"]');
    await expect(breast.locator('.period-text').textContent()).resolves.toBe('2016-12-01 → durée indéterminée');
    await expect(breast.textContent()).resolves.toContain('first day of the month after the signature 2016-11-15');
    const chart = page.locator('svg.periods');
    await expect(chart.locator('g.period').count()).resolves.toBe(2);
    await expect(chart.locator('.at-marker text').textContent()).resolves.toBe('2024-11-15');
    await shot('institution');

    await page.fill('#inst-at', '2030-01-01');
    await page.press('#inst-at', 'Enter');
    await page.waitForFunction(() => location.hash.includes('at=2030-01-01') && document.body.dataset.ready === 'institution' && document.querySelector('svg.periods .at-marker text')?.textContent === '2030-01-01');
    await expect(page.locator('section.convention[data-convention="percutaneous-tumour-ablation"]').getAttribute('data-in-force')).resolves.toBe('false');
    await expect(text('section.convention[data-convention="percutaneous-tumour-ablation"] .reason')).resolves.toContain('no longer in force on 2030-01-01');
    await expect(page.locator('svg.periods g.period[data-in-force="false"]').count()).resolves.toBe(1);
  });

  it('loads a generated claim file into the compliance page: a pass and a fail with their thresholds, sources and charts', async () => {
    await page.click('a.to-compliance');
    await ready('compliance');
    await expect(page.locator('#compliance-institution').inputValue()).resolves.toBe('H-71001');
    // Five convention years: 60 in the transition (pass), 30 then 29 (fail); breast: 6 of 20 without supplement (30 %, fail).
    const lines = generateClaims({
      seed: 11, institution: 'H-71001', start: '2024-11-01', ablationsPerYear: [25, 20, 15, 30, 29], lateBillings: [0, 0, 0, 0, 1], noise: 4,
      breast: { from: '2024-11-01', to: '2025-10-31', interventions: 20, withSupplement: 14 },
    });
    const file = join(work, 'claims-H-71001.ndjson');
    writeFileSync(file, toNdjson(lines));
    await page.setInputFiles('#claims-file', file);
    await page.waitForFunction(() => document.getElementById('claims-count')?.textContent?.includes('claims-H-71001.ndjson'));
    await expect(text('#claims-count')).resolves.toBe(`${lines.length} ligne(s) — claims-H-71001.ndjson`);
    await page.fill('#compliance-from', '2024-11-01');
    await page.fill('#compliance-to', '2029-10-31');
    await page.click('#compliance-submit');

    const transition = page.locator('article.figure[data-figure="ablation.volume.transition"]');
    await transition.waitFor();
    await expect(transition.getAttribute('data-status')).resolves.toBe('pass');
    await expect(transition.locator('.badge').textContent()).resolves.toBe('réussi');
    await expect(transition.locator('[data-testid=figure-value]').textContent()).resolves.toBe('60 ablations');
    await expect(transition.locator('[data-testid=threshold]').textContent()).resolves.toBe(' · seuil ≥ 60 ablations');
    await expect(transition.locator('blockquote.act').textContent()).resolves.toContain('au minimum 60 ablations percutanées sur une période de 3 ans');
    await expect(transition.locator('.citation').textContent()).resolves.toMatch(/5\.4$/);
    const year5 = page.locator('article.figure[data-figure="ablation.volume.year-5"]');
    await expect(year5.getAttribute('data-status')).resolves.toBe('fail');
    await expect(year5.locator('.badge').textContent()).resolves.toBe('échoué');
    await expect(year5.locator('[data-testid=threshold]').textContent()).resolves.toBe(' · seuil ≥ 30 ablations');

    // The series chart: a bar per convention period, each against its own threshold.
    const volume = transition.locator('svg.bars[data-figure="ablation.volume.transition"]');
    const bars = volume.locator('g.bar');
    await expect(bars.evaluateAll((gs) => gs.map((g) => [g.getAttribute('data-value'), g.getAttribute('data-status')]))).resolves.toEqual([['60', 'pass'], ['30', 'pass'], ['29', 'fail']]);
    await expect(volume.locator('line.threshold').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-value')))).resolves.toEqual(['60', '30', '30']);
    await expect(volume.locator('.threshold-label').allTextContents()).resolves.toEqual(['≥ 60', '≥ 30']);

    const share = page.locator('article.figure[data-figure="breast.share-without-supplement"]');
    await expect(share.getAttribute('data-status')).resolves.toBe('fail');
    await expect(share.locator('[data-testid=figure-value]').textContent()).resolves.toBe('30,00 %');
    await expect(share.locator('[data-testid=threshold]').textContent()).resolves.toBe(' · seuil ≥ 40 %');
    await expect(share.locator('blockquote.act').textContent()).resolves.toContain('au moins 40% des interventions');
    const shareChart = share.locator('svg.bars');
    await expect(shareChart.locator('g.bar').getAttribute('data-value')).resolves.toBe('30');
    await expect(shareChart.locator('line.threshold').getAttribute('data-value')).resolves.toBe('40');
    await expect(shareChart.locator('.threshold-label').textContent()).resolves.toBe('≥ 40 %');

    const late = page.locator('article.figure[data-figure="ablation.billing-delay"]');
    await expect(late.getAttribute('data-status')).resolves.toBe('fail');
    await expect(late.locator('details.findings summary').textContent()).resolves.toBe('Lignes en cause (1)');
    await expect(page.locator('.summary [data-summary="pass"]').textContent()).resolves.toMatch(/^\d+ réussi$/);
    await shot('compliance');
  });

  it('the report follows the language; an unreadable line is named by its number', async () => {
    await page.click('.langs button[data-lang="nl"]');
    await page.waitForFunction(() => document.querySelector('article.figure[data-figure="ablation.volume.year-5"] .badge')?.textContent === 'niet geslaagd');
    await expect(text('article.figure[data-figure="breast.share-without-supplement"] [data-testid=threshold]')).resolves.toBe(' · drempel ≥ 40 %');
    await shot('compliance-nl');
    await page.click('.langs button[data-lang="fr"]');
    await page.fill('#claims', '{"code":"587134","date":"2025-01-10"}\n\n{"code":"587134","date":"2025-02-30"}\n');
    await page.click('#compliance-submit');
    await page.waitForSelector('.compliance-result .problem');
    const error = page.locator('.compliance-result .problem .field-errors li[data-line="3"]');
    await expect(error.locator('code').textContent()).resolves.toBe('ligne 3 · date');
    await expect(error.textContent()).resolves.toContain('not a date');
    await shot('compliance-error');
  });

  it('runs an indication: listed with its sentence, then not listed with what the COM/CM must do', async () => {
    await page.click('nav a[data-section="indication"]');
    await ready('indication');
    await page.selectOption('#ind-organ', 'liver');
    await page.selectOption('#ind-tumour', 'hepatocellular-carcinoma');
    await page.fill('#ind-size', '1,8');
    await page.fill('#ind-count', '1');
    await page.click('#indication-submit');
    await page.waitForSelector('.indication-result [data-outcome]');
    await expect(page.locator('.indication-result [data-outcome]').getAttribute('data-outcome')).resolves.toBe('listed');
    await expect(text('.indication-result [data-outcome]')).resolves.toBe('mentionnée à l’article 3');
    const matched = page.locator('article.matched[data-indication="liver.hcc-single-lt-2cm"]');
    await expect(matched.locator('blockquote mark').textContent()).resolves.toBe('a. Tumeur unique < 2 cm');
    await expect(matched.locator('.citation').textContent()).resolves.toMatch(/Art\. 3, 2°$/);
    await expect(matched.locator('li[data-result="true"]').count()).resolves.toBe(3);
    await shot('indication');

    await page.selectOption('#ind-tumour', 'other-malignant');
    await page.fill('#ind-count', '2');
    await page.fill('#ind-size', '4');
    await page.selectOption('#ind-eligibleForSurgery', 'no');
    await page.click('#indication-submit');
    await page.waitForSelector('.indication-result [data-outcome="not-listed"]');
    await expect(text('.indication-result .message')).resolves.toMatch(/^not listed: the COM\/CM must justify in writing/);
    await expect(text('.indication-result .requirement blockquote')).resolves.toContain('peer-reviewed journal');
    await shot('indication-not-listed');
  });

  it('a convention ingested as text: its institution page names it, its compliance figures carry its own thresholds and delay', async () => {
    const { readFileSync } = await import('node:fs');
    const text0 = readFileSync(new URL('../fixtures/convention/ablation-ultrasound.txt', import.meta.url), 'utf8');
    const ing = await fetch(`${server.url}/v1/documents`, { method: 'POST', headers: { 'content-type': 'text/markdown' }, body: text0 });
    expect(ing.status).toBe(201);
    const id = (await ing.json()).documents[0].document;
    const put = await fetch(`${server.url}/v1/institutions/H-9`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'AZ Echo', conventions: [{ convention: id }] }) });
    expect(put.status).toBe(201);
    await page.goto(`${server.url}/#/institution/H-9?at=2026-06-01`);
    await ready('institution');
    await expect(page.locator('section.convention h2').first().textContent()).resolves.toContain('Ablation thermique percutanée sous guidage échographique');

    await page.click('a.to-compliance');
    await ready('compliance');
    await expect(page.locator('#compliance-institution').inputValue()).resolves.toBe('H-9');
    const file = join(work, 'claims-H-9.ndjson');
    writeFileSync(file, [{ code: '588210', date: '2026-02-10', billedOn: '2026-05-10' }, { code: '588243', date: '2026-02-10', billedOn: '2026-05-11' }].map((l) => JSON.stringify(l)).join('\n'));
    await page.setInputFiles('#claims-file', file);
    await page.waitForFunction(() => document.getElementById('claims-count')?.textContent?.includes('claims-H-9.ndjson'));
    await page.fill('#compliance-from', '2026-01-01');
    await page.fill('#compliance-to', '2026-12-31');
    await page.click('#compliance-submit');
    const transition = page.locator('article.figure[data-figure="ablation.volume.transition"]');
    await transition.waitFor();
    await expect(page.locator('section.card h2', { hasText: 'Ablation thermique percutanée' }).count()).resolves.toBe(1);
    await expect(transition.locator('h3').textContent()).resolves.toContain('Ablations, période transitoire (années 1–2)');
    await expect(transition.locator('[data-testid=threshold]').textContent()).resolves.toBe(' · seuil ≥ 40 ablations');
    const late = page.locator('article.figure[data-figure="ablation.billing-delay"]');
    await expect(late.getAttribute('data-status')).resolves.toBe('fail');
    await expect(late.locator('h3').textContent()).resolves.toContain('Ablations facturées plus de 3 mois après la prestation');
    await expect(late.locator('blockquote.act').textContent()).resolves.toContain('dans les trois mois suivant la réalisation de la prestation');
    await shot('compliance-second-convention');
  });

  it('a code page shows the derived values with their sentences', async () => {
    await page.goto(`${server.url}/#/code/587134?at=2024-12-01`);
    await ready('code');
    const assistance = page.locator('.derived[data-derived="surgical-assistance"]');
    await expect(assistance.getAttribute('data-status')).resolves.toBe('applies');
    await expect(assistance.textContent()).resolves.toContain('177,32 €');
    await expect(assistance.locator('blockquote').textContent()).resolves.toContain('10 p.c. de la valeur relative');
    await expect(page.locator('.derived[data-derived="anaesthesia-k400"]').getAttribute('data-status')).resolves.toBe('applies');
    await shot('code-derived');
  });

  it('the documents list and a document page show each document\'s readable name beside its id', async () => {
    await page.goto(`${server.url}/#/documents`);
    await ready('documents');
    const link = page.locator('table.documents a[href="#/document/conv-fc467a2e32d3c4b9"]');
    await expect(link.textContent()).resolves.toMatch(/^Ablation percutanée sous guidage tomodensitométrique/);
    await expect(page.locator('table.documents tr', { has: page.locator('a[href="#/document/conv-fc467a2e32d3c4b9"]') }).locator('code').textContent()).resolves.toContain('conv-fc467a2e32d3c4b9');
    await page.goto(`${server.url}/#/document/1994022370`);
    await ready('document');
    await expect(page.locator('[data-testid=doc-name]').textContent()).resolves.toBe('Arrêté royal du 12 août 1994 (1994022370)');
  });

  it('loaded nothing from outside the server and logged no error', () => {
    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
  });
});
