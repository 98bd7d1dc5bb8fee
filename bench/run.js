// Runs the benchmarks: `npm run bench [-- ingest engine http]` (default: all that exist).
// Each benchmark module exports `run(options)` returning a JSON summary, or is a script printing one.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = (f) => fileURLToPath(new URL(f, import.meta.url));
const all = ['ingest', 'engine', 'http', 'replay', 'claims'];
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = (wanted.length ? wanted : all).filter((n) => existsSync(here(`./${n}.js`)));

if (!existsSync(here('../dist/cli/main.js'))) {
  console.error('bench: build first (npm run build)');
  process.exit(2);
}
for (const name of names) {
  console.error(`bench: ${name} …`);
  // Each benchmark in its own process: one's heap and JIT state do not colour another's figures.
  const r = spawnSync(process.execPath, [here(`./${name}.js`), ...process.argv.slice(2).filter((a) => a.startsWith('-'))], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) process.exitCode = 1;
}
