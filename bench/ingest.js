// Benchmark of issue 2: ingest of the built-in corpus, `nomen show` end to end, and a generated
// corpus of 30,000 services in 2,000 acts (ingest time, point-in-time query time).
// Run: npm run bench -- ingest   (needs dist/: `npm run build`)
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { generateCorpus } from './corpus-gen.js';
import { openSqlite } from '../dist/store/sqlite.js';
import { builtinFiles } from '../dist/nomenclature/builtin.js';
import { parseDocument, decodeText } from '../dist/corpus/detect.js';
import { MemoryNomenclature } from '../dist/nomenclature/memory.js';
import { showCode } from '../dist/queries.js';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t) => Math.round(t * 100) / 100;

export async function run({ services = 30000, acts = 2000 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'nomen-bench-'));
  const out = {};
  try {
    // 1. The three built-in documents: parse + ingest into a new database file.
    const t0 = performance.now();
    const builtin = openSqlite(join(dir, 'builtin.db'));
    await builtin.ingest(builtinFiles().map(({ file, raw }) => ({ file, raw, doc: parseDocument(raw, file) })));
    await builtin.close();
    out.builtinIngestMs = ms(performance.now() - t0);

    // 2. `nomen show` end to end, process start included (median of 15 runs).
    const bin = new URL('../bin/nomen.js', import.meta.url).pathname;
    const runs = [];
    for (let i = 0; i < 15; i++) {
      const s = performance.now();
      const r = spawnSync(process.execPath, [bin, 'show', '587134', '--at', '2024-11-15', '--json', '--db', join(dir, 'builtin.db')]);
      if (r.status !== 0) throw new Error(String(r.stderr));
      runs.push(performance.now() - s);
    }
    out.showEndToEndMedianMs = ms(median(runs));

    // 3. Scale: generated acts, parsed and ingested in one transaction.
    const files = generateCorpus(join(dir, 'acts'), { services, acts });
    const t1 = performance.now();
    const inputs = files.map((file) => { const raw = decodeText(readFileSync(file), file); return { file, raw, doc: parseDocument(raw, file) }; });
    const parsedMs = performance.now() - t1;
    const store = openSqlite(join(dir, 'scale.db'));
    await store.ingest(inputs);
    out.scale = { acts, servicesInserted: inputs.reduce((n, i) => n + i.doc.amendments.filter((a) => a.op === 'insert-service').length, 0), parseMs: ms(parsedMs), parseAndIngestMs: ms(performance.now() - t1) };

    // 4. Point-in-time queries at that size: in memory (snapshot) and through the store.
    const t2 = performance.now();
    const nom = new MemoryNomenclature(await store.allFacts());
    out.scale.snapshotLoadMs = ms(performance.now() - t2);
    const codes = nom.codes().filter((c) => /^\d{6}$/.test(c));
    const dates = ['1997-06-01', '2003-01-01', '2010-12-31', '2016-03-15'];
    for (const c of codes.slice(0, 2000)) nom.state(c, '2000-01-01'); // warm-up
    const n = 50000;
    const t3 = performance.now();
    for (let i = 0; i < n; i++) nom.state(codes[(i * 7919) % codes.length], dates[i % 4]);
    out.scale.memoryQueryUs = ms(((performance.now() - t3) / n) * 1000);
    const m = 2000;
    const t4 = performance.now();
    for (let i = 0; i < m; i++) await showCode(store, codes[(i * 7919) % codes.length], dates[i % 4]);
    out.scale.storeQueryUs = ms(((performance.now() - t4) / m) * 1000);
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await run(), null, 2));
}
