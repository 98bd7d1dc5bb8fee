/** `nomen diff` (what changed between two dates) and `nomen replay` (what a draft would change on claims): thin commands over src/impact. */
import type { Command } from 'commander';
import { withStore, dateOption, printJson, UserError, DB_HELP, type DbOptions } from './common.js';

type DiffOptions = DbOptions & { from?: string; to?: string; article?: string; prefix?: string; keyLetter?: string; json?: boolean; csv?: boolean; sentences?: boolean };

/** Registers `nomen diff` and `nomen replay`. */
export function registerImpact(program: Command): void {
  program
    .command('diff')
    .description('what changed in the nomenclature between two dates: codes inserted and deleted, values, key letters, labels, fees, rules added or removed, each with its act, article and sentence (a code uncertain on either date is listed as uncertain, with its candidates)')
    .requiredOption('--from <date>', 'first date, YYYY-MM-DD (the state on this day)')
    .requiredOption('--to <date>', 'second date, YYYY-MM-DD (on or after --from)')
    .option('--article <article>', 'only codes of this nomenclature article ("20" takes "20, § 1er, d)", not "22")')
    .option('--prefix <digits>', 'only codes starting with these digits')
    .option('--key-letter <letter>', 'only codes with this key letter on either date')
    .option('--no-sentences', 'text output: the act and article of each change without its sentence')
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV (one row per change and source)')
    .option('--db <file>', DB_HELP)
    .action(async (opts: DiffOptions) => {
      const from = dateOption(opts.from, '--from');
      const to = dateOption(opts.to, '--to');
      if (from > to) throw new UserError(`--from ${from} is after --to ${to}: give the earlier date first`);
      if (opts.json && opts.csv) throw new UserError('--json and --csv: choose one');
      if (opts.prefix !== undefined && !/^\d{1,6}$/.test(opts.prefix)) throw new UserError(`--prefix: "${opts.prefix}" is not 1 to 6 digits`);
      if (opts.keyLetter !== undefined && !/^[A-Za-z]{1,3}$/.test(opts.keyLetter)) throw new UserError(`--key-letter: "${opts.keyLetter}" is not a key letter (K, N, I, …)`);
      if (opts.article !== undefined && opts.article.trim() === '') throw new UserError('--article: empty');
      const { diffStore, renderDiff, diffCsv } = await import('../impact/index.js');
      const filter = { article: opts.article, prefix: opts.prefix, keyLetter: opts.keyLetter };
      const result = await withStore(opts, (store) => diffStore(store, from, to, filter));
      if (opts.json) return printJson(result);
      if (opts.csv) return void process.stdout.write(diffCsv(result));
      process.stdout.write(renderDiff(result, opts.sentences !== false) + '\n');
    });
}

type ReplayOptions = DbOptions & { with: string[]; json?: boolean; lang: string; jobs?: string; progress?: boolean };

/** A progress line on stderr, at most twice a second, only when stderr is a terminal. */
function progressLine(enabled: boolean): { tick: (lines: number, changed: number) => void; end: () => void } {
  if (!enabled || !process.stderr.isTTY) return { tick: () => {}, end: () => {} };
  let last = 0;
  const start = Date.now();
  return {
    tick: (lines, changed) => {
      const now = Date.now();
      if (now - last < 500) return;
      last = now;
      process.stderr.write(`\rnomen replay: ${lines.toLocaleString('en')} lines, ${changed.toLocaleString('en')} changed, ${((now - start) / 1000).toFixed(0)} s`);
    },
    end: () => { if (last) process.stderr.write('\n'); },
  };
}

/** Registers `nomen replay`. */
export function registerReplay(program: Command): void {
  program
    .command('replay')
    .description('what a draft would change: the claims decided twice, on the current law and with the draft documents ingested in a scratch copy (the database is not touched); every line whose decision, fee or reimbursement changes, with the rule or value that made the difference, then the totals per code, month and institution')
    .argument('<claims>', 'NDJSON requests, one per line (as `check --ndjson` reads them), or - for standard input')
    .requiredOption('--with <draft...>', 'the draft document(s): anything `ingest` reads (an amending act, a coefficient table, a convention), dated as its text says')
    .option('--json', 'NDJSON: one object per changed line (a bad input line gives its error object), then {"totals": …}')
    .option('--lang <lang>', 'language of the rule messages: en, fr or nl', 'en')
    .option('--jobs <n>', `worker threads (default: the number of cores; 1 replays on the main thread)`)
    .option('--no-progress', 'no progress line on stderr (shown only when stderr is a terminal)')
    .option('--db <file>', DB_HELP)
    .action(async (file: string, opts: ReplayOptions) => {
      const { availableParallelism } = await import('node:os');
      const { isLocale } = await import('../engine/index.js');
      const { wholeNumber, dbSpec } = await import('./common.js');
      const { readDocuments } = await import('./ingest.js');
      const { IngestRefused } = await import('../store/refusal.js');
      const { runReplay, renderTotals } = await import('../impact/index.js');
      if (!isLocale(opts.lang)) throw new UserError(`--lang: "${opts.lang}" is not one of en, fr, nl`);
      const jobs = opts.jobs === undefined ? availableParallelism() : wholeNumber(opts.jobs, '--jobs', 1, 64);
      const drafts = (await readDocuments(opts.with).catch((e: unknown) => {
        throw e instanceof UserError ? new UserError(e.message.replace(/; nothing was ingested$/, '; nothing was replayed')) : e;
      }));
      const input = file === '-' ? process.stdin : (await import('node:fs')).createReadStream(file, { highWaterMark: 1 << 20 });
      input.on('error', (e: Error) => { process.stderr.write(`nomen: ${file}: ${e.message}\n`); process.exit(2); });
      const progress = progressLine(opts.progress !== false);
      const n = Number(process.env.NOMEN_BATCH_BYTES);
      const run = await runReplay(input, process.stdout, {
        db: dbSpec(opts), drafts, format: opts.json ? 'ndjson' : 'text', jobs, locale: opts.lang,
        batchBytes: Number.isInteger(n) && n > 0 ? n : undefined, progress: progress.tick,
      }).catch((e: unknown) => {
        throw e instanceof IngestRefused ? new UserError(e.message.replace(/nothing was ingested$/, 'nothing was replayed')) : e;
      });
      progress.end();
      if (opts.json) process.stdout.write(JSON.stringify({ totals: run.totals, drafts: run.drafts.map((r) => ({ document: r.document, status: r.status, entryIntoForce: r.entryIntoForce, file: r.file })) }) + '\n');
      else process.stdout.write((run.totals.changed.lines || run.totals.errors ? '\n' : '') + renderTotals(run.totals) + '\n');
      process.stderr.write(`nomen: ${JSON.stringify(run.stats)}\n`);
    });
}
