/**
 * Issue 12, item 6 on a real (SQLite) store: nonsense is refused with nothing stored — a negative
 * or absurd coefficient, a date in year 0000; a replacement that loses what the held text states
 * (a decree cut at 80 %) unless forced, listing what would be lost; a convention cut short that
 * would become a second document.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from '../corpus/detect.js';
import { openStore } from './open.js';
import { IngestRefused } from './refusal.js';
import type { IngestInput, Store } from './types.js';

const ROOT = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'nomen-sanity-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function withFresh<T>(fn: (s: Store) => Promise<T>): Promise<T> {
  const s = await openStore(join(dir, `db-${++n}.db`));
  try {
    return await fn(s);
  } finally {
    await s.close();
  }
}
const input = (file: string, raw: string, force = false): IngestInput => ({ file, raw, doc: parseDocument(raw, file), ...(force ? { force } : {}) });
async function refusal(s: Store, inputs: IngestInput[]): Promise<IngestRefused> {
  const before = (await s.documents()).map((d) => `${d.document}:${d.status}`);
  const e = await s.ingest(inputs).then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(IngestRefused);
  expect((await s.documents()).map((d) => `${d.document}:${d.status}`)).toEqual(before);
  return e as IngestRefused;
}

const table = (coefficient: string, from = '2025-01-01') =>
  JSON.stringify({
    format: 'nomen-coefficients/1', id: 'k-2025', title: 'Valeurs 2025',
    entries: [{ keyLetter: 'I', codes: ['587134'], from, to: '2025-12-31', coefficient, source: { document: 'x', article: '1', text: 'La valeur de la lettre clé I est fixée.' } }],
  });

describe('values no act states are refused, naming the entry', () => {
  it('a negative, zero, or 100,000-digit coefficient; a date in year 0000', async () => {
    await withFresh(async (s) => {
      for (const [c, from] of [['-2,85', '2025-01-01'], ['0', '2025-01-01'], ['0,000', '2025-01-01'], ['2' + '1'.repeat(100_000), '2025-01-01'], ['2,853021', '0000-01-01']]) {
        const e = await refusal(s, [input('k.json', table(c, from))]);
        expect(e.reason).toBe('implausible-value');
        expect(e.message).toContain('k-2025, 1 « La valeur de la lettre clé I est fixée. »');
        expect(e.message.length).toBeLessThan(500);
      }
      // a sane one is stored
      expect((await s.ingest([input('k.json', table('2,853021'))]))[0].status).toBe('ingested');
    });
  });
});

describe('a replacement that loses statements of the held text', () => {
  const act = readFileSync(join(ROOT, 'test/fixtures/acts/2010029994.fr.md'), 'utf8');
  const cut = act.slice(0, Math.floor(act.length * 0.8));

  it('a decree cut at 80 % is refused, listing what it would lose; --force replaces it', async () => {
    await withFresh(async (s) => {
      const [first] = await s.ingest([input('act.md', act)]);
      const e = await refusal(s, [input('act-cut.md', cut)]);
      expect(e.reason).toBe('replacement-loses');
      expect(e.lost.length).toBeGreaterThan(0);
      expect(e.lost.some((l) => l.startsWith('its entry into force') || l.startsWith('amendment'))).toBe(true);
      expect(e.message).toContain(`replacing ${first.document} would lose`);
      expect(e.message).toContain('--force');
      const [forced] = await s.ingest([input('act-cut.md', cut, true)]);
      expect(forced.status).toBe('replaced');
    });
  });

  it('the same text again, or a text that states as much, is not refused', async () => {
    await withFresh(async (s) => {
      await s.ingest([input('act.md', act)]);
      expect((await s.ingest([input('act.md', act)]))[0].status).toBe('unchanged');
      expect((await s.ingest([input('act2.md', act + '\n\n')]))[0].status).toBe('replaced');
    });
  });
});

describe('a convention cut short would become a second document', () => {
  it('refused naming the held convention; --force keeps both', async () => {
    const convention = readFileSync(join(ROOT, 'corpus/000_03aa16b1e0318a25.txt'), 'utf8');
    const cut = convention.slice(0, Math.floor(convention.length * 0.8));
    await withFresh(async (s) => {
      const held = (await s.documents()).find((d) => d.kind === 'convention' && d.title === parseDocument(convention).title)!;
      expect(held).toBeDefined();
      const e = await refusal(s, [input('conv-cut.txt', cut)]);
      expect(e.reason).toBe('second-convention');
      expect(e.lost).toEqual([held.document]);
      const count = (await s.documents()).length;
      await s.ingest([input('conv-cut.txt', cut, true)]);
      expect((await s.documents()).length).toBe(count + 1);
    });
  });
});
